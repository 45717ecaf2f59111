/* test-assessment-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 考核 section of the real window over a store in a temporary folder (issue 14,
 * "Verified by"): a school self-assessed, then scored by the commission beside the
 * suggested deductions (one accepted, one overridden: refused without a reason, stored
 * with one), a veto recorded (the grade 不合格, the raw total still shown), the
 * assessment finalised and then locked (the school's side refused, the commission's a
 * revision with its reason); the district list's progress and filters following; a
 * school's operator seeing the commission's side only once published; the scheme
 * edited after use becoming a new version; the section at 360 pixels.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-application.h"
#include "ui/xa-window-private.h"
#include "ui/assessment/xa-assessment-dashboard.h"
#include "ui/assessment/xa-assessment-page.h"
#include "ui/assessment/xa-assessment-print.h"
#include "core/assessment/xa-assessment-export.h"
#include "core/util/xa-xlsx-reader.h"
#include "ui/assessment/xa-assessment-correct-dialog.h"
#include "ui/assessment/xa-assessment-score-dialog.h"
#include "ui/assessment/xa-assessment-veto-dialog.h"
#include "ui/assessment/xa-scheme-window.h"

#define YEAR 2021

typedef struct
{
  XaTestUiFixture    ui;
  XaWindow          *window;
  XaAssessmentPage  *page;
  XaAssessmentSheet *sheet;
  XaAssessmentBook  *book;
  char              *school_uuid;  /* 1101080001 */
} Fixture;

static void
set_role (const char *role)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  g_settings_set_string (settings, "operator-role", role);
}

static void
show_section (Fixture *fixture,
              int      width,
              int      height)
{
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, width, height, "assessment");
  fixture->page = XA_ASSESSMENT_PAGE (_xa_window_get_page (fixture->window, "assessment"));
  g_assert_nonnull (fixture->page);
  fixture->sheet = xa_assessment_page_get_sheet (fixture->page);
  fixture->book = xa_assessment_page_get_book (fixture->page);
  xa_assessment_page_set_year (fixture->page, YEAR);
  xa_test_iterate ();
}

static void
set_up (Fixture    *fixture,
        const char *role)
{
  g_autoptr(XaOrganisation) school = NULL;
  XaSchoolRegistry *registry;

  set_role (role);
  xa_test_ui_fixture_set_up (&fixture->ui, "assessment", FALSE, 0);
  registry = xa_workspace_get_registry (fixture->ui.workspace);
  xa_test_add_example_schools (registry);
  school = xa_school_registry_dup_school_by_code (registry, "1101080001", NULL);
  fixture->school_uuid = g_strdup (xa_organisation_get_uuid (school));
  show_section (fixture, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, "commission");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, fixture->window ? GTK_WINDOW (fixture->window) : NULL);
  g_free (fixture->school_uuid);
  set_role ("school");
}

static void
open_school (Fixture *fixture)
{
  g_assert_true (xa_assessment_page_select_school (fixture->page, fixture->school_uuid));
  xa_test_iterate ();
  xa_test_wait_for_boolean (fixture->sheet, "loading", FALSE);
  g_assert_nonnull (xa_assessment_sheet_get_assessment (fixture->sheet));
}

static XaAssessment *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaAssessment *assessment = xa_assessment_book_dup (fixture->book, fixture->school_uuid, YEAR, &error);

  g_assert_no_error (error);
  return assessment;
}

static double
points_of (Fixture    *fixture,
           const char *code)
{
  XaScheme *scheme = xa_assessment_get_scheme (xa_assessment_sheet_get_assessment (fixture->sheet));

  return xa_indicator_get_points (xa_scheme_find_indicator (scheme, code));
}

/* The first indicator whose rule suggests something from the evidence (its code: the
 * scheme is read again with the assessment after each save). */
static char *
suggested_code (Fixture *fixture,
                double  *deduction)
{
  XaScheme *scheme = xa_assessment_get_scheme (xa_assessment_sheet_get_assessment (fixture->sheet));

  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      const char *code = xa_indicator_get_code (xa_scheme_get_indicator (scheme, i));
      XaAssessmentIndicatorView *view = xa_assessment_sheet_get_view (fixture->sheet, code);
      g_autofree char *arithmetic = NULL;

      if (xa_assessment_indicator_view_dup_suggestion (view, deduction, &arithmetic))
        {
          g_assert_nonnull (arithmetic);
          return g_strdup (code);
        }
    }
  return NULL;
}

/* The commission gives every indicator not scored yet its full points. */
static void
score_the_rest (XaAssessmentBook *book,
                const char       *school_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = xa_assessment_book_dup (book, school_uuid, YEAR, &error);
  XaScheme *scheme;

  g_assert_no_error (error);
  scheme = xa_assessment_get_scheme (assessment);
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
      XaScoreEntry entry = { .code = xa_indicator_get_code (indicator), .score = xa_indicator_get_points (indicator),
                             .suggestion = -1 };

      if (xa_assessment_get_score (assessment, entry.code)->score < 0)
        {
          g_assert_true (xa_assessment_book_set_score (book, school_uuid, YEAR, &entry, &error));
          g_assert_no_error (error);
        }
    }
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
dialog_save (GtkWidget *dialog)
{
  gboolean saved = XA_IS_ASSESSMENT_SCORE_DIALOG (dialog)
                   ? xa_assessment_score_dialog_save (XA_ASSESSMENT_SCORE_DIALOG (dialog))
                   : XA_IS_ASSESSMENT_CORRECT_DIALOG (dialog)
                   ? xa_assessment_correct_dialog_save (XA_ASSESSMENT_CORRECT_DIALOG (dialog))
                   : xa_assessment_veto_dialog_save (XA_ASSESSMENT_VETO_DIALOG (dialog));

  xa_test_iterate ();
  return saved;
}

static void
test_scoring (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  XaAssessmentScoreDialog *dialog;
  GtkWidget *widget;
  g_autofree char *code = NULL;
  g_autofree char *other = NULL;
  double deduction = -1;
  double points;
  XaScheme *scheme;
  g_autofree char *progress = NULL;

  /* Four schools, none started. */
  g_assert_cmpuint (g_list_model_get_n_items (xa_assessment_page_get_shown (fixture->page)), ==, 4);
  progress = g_strdup_printf (_("Not started %1$u · Self-assessed %2$u · Scored %3$u · Finalised %4$u"), 4, 0, 0, 0);
  g_assert_cmpstr (xa_assessment_page_get_progress (fixture->page), ==, progress);
  open_school (fixture);

  /* The school's self-score. */
  widget = xa_assessment_sheet_open_score (fixture->sheet, "A1", FALSE);
  dialog = XA_ASSESSMENT_SCORE_DIALOG (widget);
  g_assert_cmpfloat (gtk_spin_button_get_value (xa_assessment_score_dialog_get_score_spin (dialog)), ==,
                     points_of (fixture, "A1"));
  gtk_spin_button_set_value (xa_assessment_score_dialog_get_score_spin (dialog), points_of (fixture, "A1") - 1);
  gtk_editable_set_text (xa_assessment_score_dialog_get_notes (dialog), "责任人已明确，一处签字缺");
  g_assert_true (dialog_save (widget));
  gtk_window_destroy (GTK_WINDOW (widget));
  assessment = stored (fixture);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "A1")->self_score, ==, points_of (fixture, "A1") - 1);
  g_assert_cmpstr (xa_assessment_get_score (assessment, "A1")->self_notes, ==, "责任人已明确，一处签字缺");
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_SELF_ASSESSED);
  g_assert_cmpint (xa_assessment_get_state (xa_assessment_sheet_get_assessment (fixture->sheet)), ==,
                   XA_ASSESSMENT_STATE_SELF_ASSESSED);
  g_clear_object (&assessment);
  g_clear_pointer (&progress, g_free);
  progress = g_strdup_printf (_("Not started %1$u · Self-assessed %2$u · Scored %3$u · Finalised %4$u"), 3, 1, 0, 0);
  g_assert_cmpstr (xa_assessment_page_get_progress (fixture->page), ==, progress);

  /* The commission accepts a suggestion: the score is the points less the deduction. */
  code = suggested_code (fixture, &deduction);
  g_assert_nonnull (code);
  points = points_of (fixture, code);
  widget = xa_assessment_sheet_open_score (fixture->sheet, code, TRUE);
  dialog = XA_ASSESSMENT_SCORE_DIALOG (widget);
  g_assert_true (gtk_switch_get_active (xa_assessment_score_dialog_get_accept_switch (dialog)));
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (xa_assessment_score_dialog_get_score_spin (dialog)),
                                  MAX (0, points - deduction), 0.001);
  g_assert_true (dialog_save (widget));
  gtk_window_destroy (GTK_WINDOW (widget));
  assessment = stored (fixture);
  g_assert_true (xa_assessment_get_score (assessment, code)->accepted);
  g_assert_cmpfloat_with_epsilon (xa_assessment_get_score (assessment, code)->score, MAX (0, points - deduction), 0.001);
  g_assert_cmpfloat_with_epsilon (xa_assessment_get_score (assessment, code)->suggestion, deduction, 0.001);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_SCORED);
  g_clear_object (&assessment);

  /* Another suggestion overridden: refused without a reason, stored with one. */
  scheme = xa_assessment_get_scheme (xa_assessment_sheet_get_assessment (fixture->sheet));
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme) && other == NULL; i++)
    {
      const char *candidate = xa_indicator_get_code (xa_scheme_get_indicator (scheme, i));
      double d;
      g_autofree char *arithmetic = NULL;

      if (g_strcmp0 (candidate, code) != 0 &&
          xa_assessment_indicator_view_dup_suggestion (xa_assessment_sheet_get_view (fixture->sheet, candidate), &d, &arithmetic))
        other = g_strdup (candidate);
    }
  g_assert_nonnull (other);
  widget = xa_assessment_sheet_open_score (fixture->sheet, other, TRUE);
  dialog = XA_ASSESSMENT_SCORE_DIALOG (widget);
  gtk_switch_set_active (xa_assessment_score_dialog_get_accept_switch (dialog), FALSE);
  xa_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (xa_assessment_score_dialog_get_reason (dialog))));
  {
    double suggested_score = gtk_spin_button_get_value (xa_assessment_score_dialog_get_score_spin (dialog));
    double overridden = suggested_score >= 1 ? suggested_score - 1 : suggested_score + 1;

    gtk_spin_button_set_value (xa_assessment_score_dialog_get_score_spin (dialog), overridden);
    g_assert_false (dialog_save (widget));
    g_assert_nonnull (xa_assessment_score_dialog_get_error (dialog));
    assessment = stored (fixture);
    g_assert_cmpfloat (xa_assessment_get_score (assessment, other)->score, <, 0);
    g_clear_object (&assessment);

    gtk_editable_set_text (xa_assessment_score_dialog_get_reason (dialog), "现场核查已整改，不扣分");
    g_assert_true (dialog_save (widget));
    gtk_window_destroy (GTK_WINDOW (widget));
    assessment = stored (fixture);
    g_assert_false (xa_assessment_get_score (assessment, other)->accepted);
    g_assert_cmpstr (xa_assessment_get_score (assessment, other)->override_reason, ==, "现场核查已整改，不扣分");
    g_assert_cmpfloat (xa_assessment_get_score (assessment, other)->score, ==, overridden);
    g_assert_nonnull (xa_assessment_get_score (assessment, other)->scored_by);
    g_clear_object (&assessment);
  }

  /* A veto: the grade is 不合格, the raw total stays. */
  {
    double raw = xa_assessment_get_total (xa_assessment_sheet_get_assessment (fixture->sheet));
    XaAssessmentVetoDialog *veto;

    g_assert_cmpfloat (raw, >, 0);
    widget = xa_assessment_sheet_open_veto (fixture->sheet);
    veto = XA_ASSESSMENT_VETO_DIALOG (widget);
    adw_combo_row_set_selected (xa_assessment_veto_dialog_get_ground (veto), 0);
    gtk_editable_set_text (xa_assessment_veto_dialog_get_date (veto), "2022-13-40");
    gtk_editable_set_text (xa_assessment_veto_dialog_get_reason (veto), "发生一般责任事故");
    g_assert_false (dialog_save (widget));
    g_assert_nonnull (xa_assessment_veto_dialog_get_error (veto));
    gtk_editable_set_text (xa_assessment_veto_dialog_get_date (veto), "2022-07-01");
    g_assert_true (dialog_save (widget));
    gtk_window_destroy (GTK_WINDOW (widget));
    assessment = stored (fixture);
    g_assert_true (xa_assessment_get_vetoed (assessment));
    g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_FAIL);
    g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, raw);
    g_assert_cmpuint (xa_assessment_get_n_vetoes (assessment), ==, 1);
    g_assert_cmpstr (xa_assessment_get_veto (assessment, 0)->decided_on, ==, "2022-07-01");
    g_clear_object (&assessment);
  }

  /* The dashboard's grade chart counts the 不合格. */
  {
    XaAssessmentDashboard *dashboard = xa_test_template_child (fixture->page, XA_TYPE_ASSESSMENT_PAGE, "dashboard");
    g_autofree char *text = xa_assessment_dashboard_dup_text (dashboard);

    g_assert_nonnull (strstr (text, xa_grade_to_chinese (XA_GRADE_FAIL)));
    g_assert_nonnull (strstr (text, "红旗小学"));
  }

  /* The district list's veto filter finds the school. */
  xa_assessment_page_set_filter (fixture->page, 0, 0, 1);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_assessment_page_get_shown (fixture->page)), ==, 1);
  xa_assessment_page_set_filter (fixture->page, 4, 0, 0);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_assessment_page_get_shown (fixture->page)), ==, 1);
  xa_assessment_page_set_filter (fixture->page, 0, 1, 0);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_assessment_page_get_shown (fixture->page)), ==, 3);
  xa_assessment_page_set_filter (fixture->page, 0, 0, 0);
  xa_test_iterate ();

  /* Finalising waits for every indicator's score: the rest are given their points. */
  g_assert_false (xa_assessment_sheet_finalise (fixture->sheet, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_STATE);
  g_clear_error (&error);

  /* The rest as suggested, in one step: each unscored indicator with a suggestion takes
   * it, the others stay unscored and the toast names them; its undo takes them back. */
  {
    g_autoptr(XaAssessment) before = stored (fixture);
    g_autoptr(AdwToast) toast = NULL;
    XaScheme *current = xa_assessment_get_scheme (before);
    guint n_taken = 0, n_left = 0;

    toast = xa_assessment_sheet_score_suggested (fixture->sheet, &error);
    g_assert_no_error (error);
    g_assert_nonnull (toast);
    g_object_ref (toast);
    xa_test_iterate ();
    assessment = stored (fixture);
    for (guint i = 0; i < xa_scheme_get_n_indicators (current); i++)
      {
        XaIndicator *indicator = xa_scheme_get_indicator (current, i);
        const char *c = xa_indicator_get_code (indicator);
        const XaIndicatorScore *now = xa_assessment_get_score (assessment, c);
        g_autofree char *arithmetic = NULL;
        double d;

        if (xa_assessment_get_score (before, c)->score >= 0)
          {
            g_assert_cmpfloat (now->score, ==, xa_assessment_get_score (before, c)->score);
            continue;
          }
        if (xa_assessment_indicator_view_dup_suggestion (xa_assessment_sheet_get_view (fixture->sheet, c), &d, &arithmetic))
          {
            g_assert_true (now->accepted);
            g_assert_cmpfloat_with_epsilon (now->score, MAX (0, xa_indicator_get_points (indicator) - d), 0.001);
            n_taken++;
          }
        else
          {
            g_assert_cmpfloat (now->score, <, 0);
            g_assert_nonnull (strstr (adw_toast_get_title (toast), c));
            n_left++;
          }
      }
    g_assert_cmpuint (n_taken, >, 0);
    g_assert_cmpuint (n_left, >, 0);
    g_clear_object (&assessment);

    /* Undone: those scores are gone, the ones before stay. */
    g_signal_emit_by_name (toast, "button-clicked");
    xa_test_iterate ();
    assessment = stored (fixture);
    for (guint i = 0; i < xa_scheme_get_n_indicators (current); i++)
      {
        const char *c = xa_indicator_get_code (xa_scheme_get_indicator (current, i));

        g_assert_cmpfloat (xa_assessment_get_score (assessment, c)->score, ==, xa_assessment_get_score (before, c)->score);
      }
    g_clear_object (&assessment);
    g_assert_nonnull (xa_assessment_sheet_score_suggested (fixture->sheet, &error));
    g_assert_no_error (error);
  }
  score_the_rest (fixture->book, fixture->school_uuid);

  /* Finalised, the page is locked. */
  xa_assessment_sheet_finalise (fixture->sheet, &error);
  g_assert_no_error (error);
  xa_test_iterate ();
  assessment = stored (fixture);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_FINALISED);
  g_clear_object (&assessment);
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (xa_assessment_sheet_get_view (fixture->sheet, "A1"),
                                                                  XA_TYPE_ASSESSMENT_INDICATOR_VIEW, "self_button")));
  g_assert_false (gtk_widget_is_sensitive (xa_test_template_child (fixture->sheet, XA_TYPE_ASSESSMENT_SHEET, "veto_button")));

  /* The school's side is refused. */
  widget = xa_assessment_sheet_open_score (fixture->sheet, "A1", FALSE);
  dialog = XA_ASSESSMENT_SCORE_DIALOG (widget);
  gtk_spin_button_set_value (xa_assessment_score_dialog_get_score_spin (dialog), 0);
  g_assert_false (dialog_save (widget));
  g_assert_nonnull (xa_assessment_score_dialog_get_error (dialog));
  gtk_window_destroy (GTK_WINDOW (widget));

  /* The commission's score is a revision: refused without its reason. */
  widget = xa_assessment_sheet_open_score (fixture->sheet, code, TRUE);
  dialog = XA_ASSESSMENT_SCORE_DIALOG (widget);
  gtk_spin_button_set_value (xa_assessment_score_dialog_get_score_spin (dialog), 0);
  g_assert_false (dialog_save (widget));
  g_assert_nonnull (xa_assessment_score_dialog_get_error (dialog));
  assessment = stored (fixture);
  g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 0);
  g_clear_object (&assessment);
  gtk_editable_set_text (xa_assessment_score_dialog_get_reason (dialog), "复核发现计分错误");
  g_assert_true (dialog_save (widget));
  gtk_window_destroy (GTK_WINDOW (widget));
  assessment = stored (fixture);
  g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 1);
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->reason, ==, "复核发现计分错误");
  g_assert_cmpfloat (xa_assessment_get_score (assessment, code)->score, ==, 0);
  g_clear_object (&assessment);
  g_assert_true (gtk_widget_get_visible (xa_test_template_child (fixture->sheet, XA_TYPE_ASSESSMENT_SHEET, "revisions_group")));

  /* The H events corrected after finalising: refused without a reason, then a revision. */
  {
    XaAssessmentCorrectDialog *correct;
    g_autoptr(XaScheme) current = NULL;
    double total;
    g_autofree char *ground = NULL;

    assessment = stored (fixture);
    total = xa_assessment_get_total (assessment);
    current = g_object_ref (xa_assessment_get_scheme (assessment));
    ground = g_strdup (xa_assessment_get_veto (assessment, 0)->ground);
    g_clear_object (&assessment);
    g_assert_true (gtk_widget_get_visible (xa_test_template_child (fixture->sheet, XA_TYPE_ASSESSMENT_SHEET, "h_correct_button")));
    widget = xa_assessment_sheet_open_correction (fixture->sheet, NULL);
    correct = XA_ASSESSMENT_CORRECT_DIALOG (widget);
    gtk_spin_button_set_value (xa_assessment_correct_dialog_get_events (correct), 1);
    gtk_editable_set_text (xa_assessment_correct_dialog_get_notes (correct), "补报校园欺凌事件一起");
    g_assert_false (dialog_save (widget));
    g_assert_nonnull (xa_assessment_correct_dialog_get_error (correct));
    gtk_editable_set_text (xa_assessment_correct_dialog_get_reason (correct), "事故补报");
    g_assert_true (dialog_save (widget));
    gtk_window_destroy (GTK_WINDOW (widget));
    assessment = stored (fixture);
    g_assert_cmpuint (xa_assessment_get_n_h_events (assessment), ==, 1);
    g_assert_cmpfloat_with_epsilon (xa_assessment_get_total (assessment), total - xa_scheme_get_h_points (current), 0.001);
    g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 2);
    g_assert_cmpstr (xa_assessment_get_revision (assessment, 1)->code, ==, "H");
    g_assert_cmpstr (xa_assessment_get_revision (assessment, 1)->reason, ==, "事故补报");
    g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_FAIL);
    total = xa_assessment_get_total (assessment);
    g_clear_object (&assessment);

    /* The veto withdrawn (finalised): refused without a reason; then the grade is the
     * score's again, and the withdrawal is in the revisions with its reason. */
    widget = xa_assessment_sheet_open_correction (fixture->sheet, ground);
    correct = XA_ASSESSMENT_CORRECT_DIALOG (widget);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (xa_assessment_correct_dialog_get_notes (correct))));
    g_assert_false (dialog_save (widget));
    g_assert_nonnull (xa_assessment_correct_dialog_get_error (correct));
    assessment = stored (fixture);
    g_assert_true (xa_assessment_get_vetoed (assessment));
    g_clear_object (&assessment);
    gtk_editable_set_text (xa_assessment_correct_dialog_get_reason (correct), "复核认定为非责任事故");
    g_assert_true (dialog_save (widget));
    gtk_window_destroy (GTK_WINDOW (widget));
    assessment = stored (fixture);
    g_assert_false (xa_assessment_get_vetoed (assessment));
    g_assert_cmpuint (xa_assessment_get_n_vetoes (assessment), ==, 0);
    g_assert_cmpint (xa_assessment_get_grade (assessment), ==, xa_scheme_grade (current, total, FALSE));
    g_assert_cmpint (xa_assessment_get_grade (assessment), !=, XA_GRADE_FAIL);
    g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 3);
    g_assert_cmpstr (xa_assessment_get_revision (assessment, 2)->code, ==, ground);
    g_assert_cmpstr (xa_assessment_get_revision (assessment, 2)->old_value, ==, "发生一般责任事故");
    g_assert_cmpstr (xa_assessment_get_revision (assessment, 2)->reason, ==, "复核认定为非责任事故");
    g_assert_nonnull (xa_assessment_get_revision (assessment, 2)->by);
    g_assert_cmpint (xa_assessment_get_grade (xa_assessment_sheet_get_assessment (fixture->sheet)), !=, XA_GRADE_FAIL);
    g_clear_object (&assessment);
  }

  g_clear_pointer (&progress, g_free);
  progress = g_strdup_printf (_("Not started %1$u · Self-assessed %2$u · Scored %3$u · Finalised %4$u"), 3, 0, 0, 1);
  g_assert_cmpstr (xa_assessment_page_get_progress (fixture->page), ==, progress);

  /* The score sheet as PDF. */
  {
    g_autofree char *path = g_build_filename (fixture->ui.data_dir, "score-sheet.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    xa_assessment_report_export_async (fixture->ui.workspace, fixture->book, fixture->school_uuid, YEAR, file, NULL,
                                       export_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (xa_assessment_report_export_finish (result, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
  }

  /* Every school's scores as the menu's workbook, read back: the school scored, locked. */
  {
    g_autofree char *path = g_build_filename (fixture->ui.data_dir, "scores.xlsx", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(XaXlsxReader) reader = NULL;
    g_autoptr(GPtrArray) header = NULL;
    GPtrArray *cells;
    guint row = 0, n_rows = 0;
    gboolean found = FALSE;

    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->page)));
    xa_assessment_page_export_scores (fixture->page, file);
    while (g_object_get_data (G_OBJECT (fixture->page), "export-file") != NULL)
      g_main_context_iteration (NULL, TRUE);
    reader = xa_xlsx_reader_open (file, NULL, &error);
    g_assert_no_error (error);
    header = xa_xlsx_reader_next (reader, &row, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (g_ptr_array_index (header, 1), ==, "学校标识码");
    g_assert_cmpstr (g_ptr_array_index (header, 3), ==, "状态");
    while ((cells = xa_xlsx_reader_next (reader, &row, &error)) != NULL)
      {
        n_rows++;
        if (g_strcmp0 (g_ptr_array_index (cells, 1), "1101080001") == 0)
          found = g_strcmp0 (g_ptr_array_index (cells, 3), "已定稿") == 0 &&
                  *(char *) g_ptr_array_index (cells, 5) != '\0';
        g_ptr_array_unref (cells);
      }
    g_assert_no_error (error);
    g_assert_true (found);
    g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (xa_assessment_page_get_shown (fixture->page)));
  }
}

/* A school's operator self-assesses, and sees the commission's side once published. */
static void
test_school_role (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaScoreEntry entry = { .code = "A1", .score = 2, .notes = "考核说明", .suggestion = -1, .accepted = FALSE };
  XaAssessmentBook *book;
  GtkWidget *total_row;

  /* The commission's work, straight through the book. */
  book = xa_assessment_book_new (xa_workspace_get_store (fixture->ui.workspace));
  g_assert_true (xa_assessment_book_set_score (book, fixture->school_uuid, YEAR, &entry, &error));
  g_assert_no_error (error);
  score_the_rest (book, fixture->school_uuid);
  g_assert_true (xa_assessment_book_finalise (book, fixture->school_uuid, YEAR, &error));
  g_assert_no_error (error);

  xa_test_close_window (GTK_WINDOW (fixture->window));
  set_role ("school");
  show_section (fixture, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT);
  open_school (fixture);
  total_row = xa_test_template_child (fixture->sheet, XA_TYPE_ASSESSMENT_SHEET, "total_row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total_row)), ==,
                   _("Shown once the commission publishes the results"));
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (xa_assessment_sheet_get_view (fixture->sheet, "A1"),
                                                                  XA_TYPE_ASSESSMENT_INDICATOR_VIEW, "score_button")));
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (fixture->sheet, XA_TYPE_ASSESSMENT_SHEET, "actions_box")));

  g_assert_cmpint (xa_assessment_book_publish (book, NULL, YEAR, &error), ==, 1);
  g_assert_no_error (error);
  xa_assessment_sheet_reload (fixture->sheet);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total_row)), !=,
                   _("Shown once the commission publishes the results"));
  g_object_unref (book);
}

/* Editing a scheme an assessment used makes a new version; compare and copy. */
static void
test_scheme (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaIndicator) edited = NULL;
  XaSchemeWindow *window;
  guint first, second;

  window = XA_SCHEME_WINDOW (xa_scheme_window_new (xa_assessment_book_get_schemes (fixture->book), YEAR, TRUE));
  gtk_window_present (GTK_WINDOW (window));
  xa_test_iterate ();
  g_assert_cmpuint (xa_scheme_get_version (xa_scheme_window_get_scheme (window)), ==, 0);
  edited = xa_indicator_copy (xa_scheme_find_indicator (xa_scheme_window_get_scheme (window), "A1"));
  xa_indicator_set_method (edited, "查阅责任书与任命文件");
  first = xa_scheme_window_save_indicator (window, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first, ==, 1);

  /* Used by a self-score, the next edit is version 2. */
  g_assert_true (xa_assessment_book_set_self (fixture->book, fixture->school_uuid, YEAR, "A1", 1, NULL, &error));
  g_assert_no_error (error);
  xa_indicator_set_content (edited, "安全责任体系");
  second = xa_scheme_window_save_indicator (window, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second, ==, 2);
  g_assert_cmpstr (xa_indicator_get_content (xa_scheme_find_indicator (xa_scheme_window_get_scheme (window), "A1")),
                   ==, "安全责任体系");

  /* D1's steps edited as the dialog's line reads them, and saved through the window. */
  {
    g_autoptr(XaIndicator) d1 = xa_indicator_copy (xa_scheme_find_indicator (xa_scheme_window_get_scheme (window), "D1"));
    g_autofree char *steps = NULL;

    g_assert_true (xa_indicator_set_steps_text (d1, "99.5:0, 98:3, 5", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (xa_scheme_window_save_indicator (window, d1, &error), >, 0);
    g_assert_no_error (error);
    steps = xa_indicator_dup_steps_text (xa_scheme_find_indicator (xa_scheme_window_get_scheme (window), "D1"));
    g_assert_cmpstr (steps, ==, "99.5:0, 98:3, 5");
  }

  /* The grades and the H rule: cut-offs out of order are refused and change nothing;
   * good ones are saved in the version in use (2, used already, stays 2: no score since). */
  {
    double excellent, good, pass;
    guint version = xa_scheme_get_version (xa_scheme_window_get_scheme (window));

    g_assert_cmpuint (xa_scheme_window_save_grades (window, 70, 80, 60, 5, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    xa_scheme_get_cutoffs (xa_scheme_window_get_scheme (window), &excellent, &good, &pass);
    g_assert_cmpfloat (excellent, ==, 90);
    g_assert_cmpuint (xa_scheme_window_save_grades (window, 85, 75, 60, 3, &error), >=, version);
    g_assert_no_error (error);
    xa_scheme_get_cutoffs (xa_scheme_window_get_scheme (window), &excellent, &good, &pass);
    g_assert_cmpfloat (excellent, ==, 85);
    g_assert_cmpfloat (good, ==, 75);
    g_assert_cmpfloat (xa_scheme_get_h_points (xa_scheme_window_get_scheme (window)), ==, 3);
  }

  /* A veto item's text: an empty one refused and nothing changed; edited, saved as the
   * window saves any edit (the book makes a new version of a used scheme). */
  {
    XaScheme *current = xa_scheme_window_get_scheme (window);
    guint version = xa_scheme_get_version (current);
    g_autofree char *basis = g_strdup (xa_scheme_find_veto (current, "V2")->basis);
    g_autofree char *text = g_strdup (xa_scheme_find_veto (current, "V2")->text);

    g_assert_cmpuint (xa_scheme_window_save_veto (window, "V2", "", basis, &error), ==, 0);
    g_assert_error (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpstr (xa_scheme_find_veto (xa_scheme_window_get_scheme (window), "V2")->text, ==, text);
    g_assert_cmpuint (xa_scheme_window_save_veto (window, "V2", "发生刑事案件致师生伤亡", basis, &error), >=, version);
    g_assert_no_error (error);
    g_assert_cmpstr (xa_scheme_find_veto (xa_scheme_window_get_scheme (window), "V2")->text, ==, "发生刑事案件致师生伤亡");
    g_assert_cmpstr (xa_scheme_find_veto (xa_scheme_window_get_scheme (window), "V2")->basis, ==, basis);
  }

  /* Against the year before (the default), A1 changed. */
  g_assert_cmpuint (xa_scheme_window_compare (window, YEAR - 1), >=, 1);
  g_assert_true (xa_scheme_window_copy_to_next (window, &error));
  g_assert_no_error (error);
  g_assert_false (xa_scheme_window_copy_to_next (window, &error));
  g_assert_nonnull (error);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  int minimum = 0;

  xa_test_close_window (GTK_WINDOW (fixture->window));
  show_section (fixture, 360, 640);
  open_school (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  for (guint i = 0; i < 10; i++)
    xa_test_wait_for_frame (GTK_WIDGET (fixture->window));
  /* The page needs no more than the 360 pixels, folded to one pane. */
  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_true (adw_leaflet_get_folded (xa_test_template_child (fixture->page, XA_TYPE_ASSESSMENT_PAGE, "leaflet")));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "assessment-narrow");
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/assessment/page/scoring", Fixture, NULL, fixture_set_up, test_scoring, fixture_tear_down);
  g_test_add ("/assessment/page/school-role", Fixture, NULL, fixture_set_up, test_school_role, fixture_tear_down);
  g_test_add ("/assessment/page/scheme", Fixture, NULL, fixture_set_up, test_scheme, fixture_tear_down);
  g_test_add ("/assessment/page/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
