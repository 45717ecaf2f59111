/* test-education-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 教育与演练 section of the real window over a store in a temporary folder, three demo
 * schools, on 27 October 2021: a roster with a wrong line refused with its line named,
 * then a good one imported; a class session recorded from its form with an absentee
 * ticked on the class's list, the coverage short of 99.5 % with the class's shortfall;
 * the make-up recorded from the session's window for its absentee, and the coverage full;
 * the session's 安全教育记录表 exported as a PDF and read back; a drill with a problem,
 * the problem made a hazard of the ledger from the drill's window; an incident's form
 * closed with an edit asking first; an incident recorded with a pending finding, the school pending on the district's veto list, then a
 * responsibility accident, and the school vetoed with the reason; a dispute that led to
 * 越级上访 shown unjudged on the 综治 tab, judged there by the commission as 造成恶劣影响,
 * and the school vetoed; a saved session opened in its form and its 实到 corrected, the
 * coverage following; an incident's finding recorded by the commission (a school's
 * login cannot), the school leaving and entering the veto list; the year's plan saved
 * and 四落实 following, a drill rule out of bounds refused with the message naming it.
 * Screenshots for a person to look at when $XA_TEST_SCREENSHOTS names a folder.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "document/xa-test-pdf.h"
#include "ui/education/xa-drill-form.h"
#include "ui/education/xa-education-page.h"
#include "ui/education/xa-education-record-form.h"
#include "ui/education/xa-education-settings.h"
#include "ui/education/xa-education-summary.h"
#include "ui/education/xa-education-viewer.h"
#include "ui/education/xa-governance-view.h"
#include "core/governance/xa-dispute.h"
#include "ui/education/xa-incident-form.h"
#include "ui/inspections/xa-inspection-hazard-dialog.h"
#include "ui/xa-application.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture  ui;
  XaWindow        *window;
  XaEducationPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "education", TRUE, 3);
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "education");
  fixture->page = XA_EDUCATION_PAGE (_xa_window_get_page (fixture->window, "education"));
  xa_education_page_set_today (fixture->page, "2021-10-27");
  xa_education_page_set_year (fixture->page, 2021);
  xa_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return xa_test_query_int (xa_workspace_get_store (fixture->ui.workspace), sql);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  return xa_test_template_child (widget, type, name);
}

/* Whether a label inside @widget reads @text. */
static gboolean
says (GtkWidget  *widget,
      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (says (c, text))
      return TRUE;
  return FALSE;
}

static void
type_into (gpointer    row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  xa_test_iterate ();
}

/* Until the page's reads and writes in their threads are back. */
static void
wait_for_page (Fixture *fixture)
{
  xa_test_iterate ();
  xa_test_wait_for_boolean (fixture->page, "busy", FALSE);
}

static const XaEducationCoverage *
coverage (Fixture *fixture)
{
  XaEducationSummary *summary = child (fixture->page, XA_TYPE_EDUCATION_PAGE, "summary");

  wait_for_page (fixture);
  return xa_education_summary_get_coverage (summary);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

/* The verdict on the school shown, or CLEAR when the list does not name it. */
static XaVetoState
veto_state (Fixture *fixture)
{
  GListModel *verdicts = xa_education_page_get_verdicts (fixture->page);

  wait_for_page (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (verdicts); i++)
    {
      g_autoptr(XaVetoVerdict) verdict = g_list_model_get_item (verdicts, i);

      if (g_strcmp0 (xa_veto_verdict_get_school_uuid (verdict), xa_education_page_get_school_uuid (fixture->page)) == 0)
        return xa_veto_verdict_get_state (verdict);
    }
  return XA_VETO_STATE_CLEAR;
}

static void
activate_row (Fixture    *fixture,
              const char *list_name,
              int         index)
{
  GtkListBox *list = child (fixture->page, XA_TYPE_EDUCATION_PAGE, list_name);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  xa_test_iterate ();
}

static void
import_roster (Fixture *fixture)
{
  g_autoptr(GFile) bad = write_file (fixture, "坏名册.csv", "年级,班级,姓名\n七年级,(1)班,张三\n七年级,,李四\n");
  g_autoptr(GFile) good = write_file (fixture, "名册.csv",
                                      "年级,班级,姓名\n七年级,(1)班,张三\n七年级,(1)班,李四\n七年级,(1)班,王五\n"
                                      "七年级,(1)班,赵六\n");
  AdwMessageDialog *dialog;
  GtkWidget *list;
  gboolean named_line = FALSE;

  /* A wrong line: nothing imported, the problem named with its file and line. */
  xa_education_page_import_roster (fixture->page, bad);
  wait_for_page (fixture);
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  list = adw_message_dialog_get_extra_child (dialog);
  for (GtkWidget *w = list; w != NULL && !named_line; )
    {
      if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "坏名册.csv:3") != NULL)
        named_line = TRUE;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != list && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == list) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_true (named_line);
  xa_test_screenshot (GTK_WIDGET (dialog), "education-roster-refused");
  adw_message_dialog_response (dialog, "close");
  xa_test_iterate ();
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM roster_person"), ==, 0);

  xa_education_page_import_roster (fixture->page, good);
  wait_for_page (fixture);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM roster_person"), ==, 4);
}

/* A class session with 王五 absent, then his make-up: the coverage follows. */
static void
test_session_and_make_up (Fixture       *fixture,
                          gconstpointer  data)
{
  XaEducationRecordForm *form;
  XaEducationViewer *viewer;
  XaEducationRecord *record;
  const XaEducationCoverage *cov;
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, "安全教育记录表.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *summary = NULL;

  import_roster (fixture);
  cov = coverage (fixture);
  g_assert_nonnull (cov);
  g_assert_cmpuint (cov->population, ==, 4);
  g_assert_cmpuint (cov->educated, ==, 0);

  /* Ctrl+N: a session of the school shown, for its class; 王五 ticked absent. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK));
  form = xa_test_find_toplevel (XA_TYPE_EDUCATION_RECORD_FORM);
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_editable_get_text (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "date_row")), ==, "2021-10-27");
  g_assert_true (gtk_widget_get_visible (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "class_row")));
  type_into (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "date_row"), "2021-10-25");
  gtk_spin_button_set_value (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "week_spin"), 9);
  type_into (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "title_row"), "防溺水安全教育");
  /* Without its teacher: refused, said in the form, nothing stored, the form open. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (XA_TYPE_EDUCATION_RECORD_FORM) == form);
  g_assert_true (gtk_widget_get_visible (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "error_label")));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_record"), ==, 0);
  type_into (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "teacher_row"), "李老师");
  g_assert_false (gtk_widget_get_visible (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "error_label")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "expected_spin")), ==, 4);
  xa_education_record_form_set_absent (form, "王五", TRUE);
  xa_test_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "present_spin")), ==, 3);
  g_assert_true (xa_education_record_form_get_dirty (form));
  xa_test_screenshot (GTK_WIDGET (form), "education-session-form");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_EDUCATION_RECORD_FORM));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_absence a JOIN roster_person p"
                                       " ON p.id = a.person_id WHERE p.name = '王五'"), ==, 1);

  /* Listed; the coverage short of the target, the class's shortfall naming 王五. */
  g_assert_cmpuint (g_list_model_get_n_items (xa_education_page_get_sessions (fixture->page)), ==, 1);
  cov = coverage (fixture);
  g_assert_cmpuint (cov->educated, ==, 3);
  g_assert_cmpuint (cov->expected, ==, 4);
  g_assert_cmpuint (cov->present, ==, 3);
  g_assert_false (xa_education_coverage_meets_target (cov));
  summary = xa_education_summary_dup_text (child (fixture->page, XA_TYPE_EDUCATION_PAGE, "summary"));
  g_assert_nonnull (strstr (summary, "王五"));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "education-sessions");

  /* The session's window: its absentee, the make-up for him. */
  activate_row (fixture, "sessions_list", 0);
  viewer = xa_test_find_toplevel (XA_TYPE_EDUCATION_VIEWER);
  g_assert_nonnull (viewer);
  g_assert_true (gtk_widget_get_visible (child (viewer, XA_TYPE_EDUCATION_VIEWER, "make_up_button")));
  xa_test_screenshot (GTK_WIDGET (viewer), "education-session-viewer");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.make-up", NULL));
  xa_test_iterate ();
  form = xa_test_find_toplevel (XA_TYPE_EDUCATION_RECORD_FORM);
  g_assert_nonnull (form);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "expected_spin")), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "present_spin")), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "audience_row")));
  type_into (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "date_row"), "2021-10-26");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_EDUCATION_RECORD_FORM));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_record WHERE makes_up_id IS NOT NULL"), ==, 1);

  /* Everyone educated now: per person at 100 %. */
  cov = coverage (fixture);
  g_assert_cmpuint (cov->educated, ==, 4);
  g_assert_true (xa_education_coverage_meets_target (cov));
  g_assert_cmpuint (g_list_model_get_n_items (xa_education_page_get_sessions (fixture->page)), ==, 2);
  /* The session owes no one now: its row says made up, not one absent. */
  {
    GtkListBox *list = child (fixture->page, XA_TYPE_EDUCATION_PAGE, "sessions_list");
    gboolean made_up = FALSE, still_absent = FALSE;
    g_autofree char *one_absent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u absent", "%u absent", 1), 1);

    for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
      {
        GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));

        made_up |= says (row, g_dgettext (GETTEXT_PACKAGE, "Made up"));
        still_absent |= says (row, one_absent);
      }
    g_assert_true (made_up);
    g_assert_false (still_absent);
  }

  /* The session's form as a PDF, read back. */
  record = XA_EDUCATION_RECORD (xa_education_viewer_get_item (viewer));
  g_assert_cmpstr (xa_education_record_get_title (record), ==, "防溺水安全教育");
  xa_education_viewer_export_to_file (viewer, file);
  while (xa_education_viewer_get_busy (viewer))
    g_main_context_iteration (NULL, TRUE);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "安全教育记录表"));
  g_assert_nonnull (strstr (squeezed, "防溺水安全教育"));
  g_assert_nonnull (strstr (squeezed, "王五"));
  gtk_window_close (GTK_WINDOW (viewer));
  xa_test_iterate ();
  xa_test_assert_chain_holds (xa_workspace_get_store (fixture->ui.workspace));
}

/* A drill with a problem; the problem a hazard of the ledger from the drill's window. */
static void
test_drill_to_hazard (Fixture       *fixture,
                      gconstpointer  data)
{
  XaDrillForm *form;
  XaEducationViewer *viewer;
  XaInspectionHazardDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "education.new-drill", NULL));
  form = xa_test_find_toplevel (XA_TYPE_DRILL_FORM);
  g_assert_nonnull (form);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_DRILL_FORM, "target_spin")), >, 0);
  type_into (child (form, XA_TYPE_DRILL_FORM, "organiser_row"), "总务处");
  gtk_spin_button_set_value (child (form, XA_TYPE_DRILL_FORM, "participants_spin"), 420);
  gtk_spin_button_set_value (child (form, XA_TYPE_DRILL_FORM, "evacuation_spin"), 150);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (form, XA_TYPE_DRILL_FORM, "problems_view")),
                            "二楼楼梯口拥堵\n\n", -1);
  xa_test_screenshot (GTK_WIDGET (form), "education-drill-form");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_DRILL_FORM));
  g_assert_cmpuint (g_list_model_get_n_items (xa_education_page_get_drills (fixture->page)), ==, 1);

  xa_education_page_show_view (fixture->page, "drills");
  activate_row (fixture, "drills_list", 0);
  viewer = xa_test_find_toplevel (XA_TYPE_EDUCATION_VIEWER);
  g_assert_nonnull (viewer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.record-hazard", "u", 0));
  dialog = xa_test_find_toplevel (XA_TYPE_INSPECTION_HAZARD_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (xa_hazard_get_text (xa_inspection_hazard_dialog_get_hazard (dialog), XA_HAZARD_FIELD_DESCRIPTION),
                   ==, "二楼楼梯口拥堵");
  type_into (child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "place_row"), "教学楼二楼楼梯口");
  type_into (child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "measures_row"), "分班次错峰疏散");
  type_into (child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "department_row"), "德育处");
  type_into (child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "responsible_row"), "张主任");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_INSPECTION_HAZARD_DIALOG));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM hazard WHERE place = '教学楼二楼楼梯口'"), ==, 1);
  /* The window follows: the problem names its hazard. */
  g_assert_nonnull (xa_drill_get_problem_hazard_number (XA_DRILL (xa_education_viewer_get_item (viewer)), 0));
  xa_test_screenshot (GTK_WIDGET (viewer), "education-drill-viewer");

  /* Edited from its window: the problem recorded stays linked, one found since is added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.edit", NULL));
  xa_test_iterate ();
  form = xa_test_find_toplevel (XA_TYPE_DRILL_FORM);
  g_assert_nonnull (form);
  g_assert_cmpstr (gtk_editable_get_text (child (form, XA_TYPE_DRILL_FORM, "organiser_row")), ==, "总务处");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_DRILL_FORM, "participants_spin")), ==, 420);
  gtk_spin_button_set_value (child (form, XA_TYPE_DRILL_FORM, "participants_spin"), 432);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (form, XA_TYPE_DRILL_FORM, "problems_view")),
                            "三楼应急照明不亮\n", -1);
  xa_test_screenshot (GTK_WIDGET (form), "education-drill-edit");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_DRILL_FORM));
  g_assert_cmpint (xa_drill_get_participants (XA_DRILL (xa_education_viewer_get_item (viewer))), ==, 432);
  g_assert_cmpuint (xa_drill_get_n_problems (XA_DRILL (xa_education_viewer_get_item (viewer))), ==, 2);
  g_assert_nonnull (xa_drill_get_problem_hazard_number (XA_DRILL (xa_education_viewer_get_item (viewer)), 0));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'drill.edit'"), ==, 1);
  gtk_window_close (GTK_WINDOW (viewer));
  xa_test_iterate ();
}

static void
record_incident (Fixture           *fixture,
                 const char        *date,
                 XaIncidentFinding  finding)
{
  XaIncidentForm *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "education.new-incident", NULL));
  form = xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM);
  g_assert_nonnull (form);
  type_into (child (form, XA_TYPE_INCIDENT_FORM, "date_row"), date);
  adw_combo_row_set_selected (child (form, XA_TYPE_INCIDENT_FORM, "kind_row"),
                              XA_INCIDENT_KIND_FOOD_POISONING - XA_INCIDENT_KIND_FIRE);
  adw_combo_row_set_selected (child (form, XA_TYPE_INCIDENT_FORM, "severity_row"),
                              XA_INCIDENT_SEVERITY_ORDINARY - XA_INCIDENT_SEVERITY_ORDINARY);
  adw_combo_row_set_selected (child (form, XA_TYPE_INCIDENT_FORM, "finding_row"),
                              finding - XA_INCIDENT_FINDING_RESPONSIBLE);
  gtk_spin_button_set_value (child (form, XA_TYPE_INCIDENT_FORM, "affected_spin"), 6);
  type_into (child (form, XA_TYPE_INCIDENT_FORM, "summary_row"), "午餐后六名学生腹痛");
  xa_test_screenshot (GTK_WIDGET (form), "education-incident-form");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM));
}

/* An incident whose finding is pending: the school pending; a responsibility accident:
 * vetoed, with the reason spelled out. */
static void
test_incident_and_veto (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *verdicts = xa_education_page_get_verdicts (fixture->page);
  g_autoptr(XaVetoVerdict) verdict = NULL;
  XaIncidentForm *form;
  AdwMessageDialog *dialog;

  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_CLEAR);
  g_assert_cmpuint (g_list_model_get_n_items (verdicts), ==, 0);

  /* A form closed with an edit asks: 取消 keeps it open, 放弃 drops the edit unsaved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "education.new-incident", NULL));
  form = xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM);
  g_assert_false (xa_incident_form_get_dirty (form));
  type_into (child (form, XA_TYPE_INCIDENT_FORM, "summary_row"), "未保存的事故");
  g_assert_true (xa_incident_form_get_dirty (form));
  gtk_window_close (GTK_WINDOW (form));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM) == form);
  gtk_window_close (GTK_WINDOW (form));
  xa_test_iterate ();
  adw_message_dialog_response (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "discard");
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM incident"), ==, 0);

  record_incident (fixture, "2021-10-20", XA_INCIDENT_FINDING_PENDING);
  g_assert_cmpuint (g_list_model_get_n_items (xa_education_page_get_incidents (fixture->page)), ==, 1);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_PENDING);

  record_incident (fixture, "2021-10-22", XA_INCIDENT_FINDING_RESPONSIBLE);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_VETOED);
  g_assert_cmpuint (g_list_model_get_n_items (verdicts), ==, 1);
  verdict = g_list_model_get_item (verdicts, 0);
  g_assert_cmpuint (xa_veto_verdict_get_n_reasons (verdict), >, 0);
  g_assert_nonnull (strstr (xa_veto_verdict_get_reason_text (verdict, 0), "2021-10-2"));

  xa_education_page_show_view (fixture->page, "veto");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "education-veto-list");
  xa_education_page_show_view (fixture->page, "summary");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "education-summary");
  /* The veto list's row leads to the school's incidents. */
  xa_education_page_show_view (fixture->page, "veto");
  activate_row (fixture, "veto_list", 0);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (child (fixture->page, XA_TYPE_EDUCATION_PAGE, "view_stack")),
                   ==, "incidents");
}

/* The first widget of @type inside @widget, or %NULL. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_role (const char *role)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  g_settings_set_string (settings, "operator-role", role);
}

/* A dispute that led to 越级上访: unjudged on the 综治 tab, the school pending; the
 * commission judges it there as 造成恶劣影响, and the school is vetoed. A school's login
 * sees the petition unjudged without the button. */
static void
test_petition_judged (Fixture       *fixture,
                      gconstpointer  data)
{
  XaStore *store = xa_workspace_get_store (fixture->ui.workspace);
  XaGovernanceView *view = child (fixture->page, XA_TYPE_EDUCATION_PAGE, "governance");
  XaDisputeFields fields = { xa_education_page_get_school_uuid (fixture->page), 2021, NULL, "2021-10-08",
                             "家长—班主任", "family-school", "家长对课后服务收费有异议", NULL, "德育处 李老师" };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDispute) dispute = NULL;
  g_autofree char *text = NULL;

  set_role ("school");
  dispute = xa_dispute_add (store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (xa_dispute_set_escalated (store, xa_dispute_get_uuid (dispute), "2021-10-20", &error));
  g_assert_no_error (error);
  wait_for_page (fixture);
  g_assert_cmpuint (xa_governance_view_get_n_unjudged (view), ==, 1);
  g_assert_null (find_widget (child (view, XA_TYPE_GOVERNANCE_VIEW, "disputes_group"), GTK_TYPE_MENU_BUTTON));
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_PENDING);

  set_role ("commission");
  wait_for_page (fixture);
  g_assert_cmpuint (xa_governance_view_get_n_unjudged (view), ==, 1);
  g_assert_nonnull (find_widget (child (view, XA_TYPE_GOVERNANCE_VIEW, "disputes_group"), GTK_TYPE_MENU_BUTTON));
  text = xa_governance_view_dup_text (view);
  g_assert_nonnull (strstr (text, "2021-10-20"));
  xa_education_page_show_view (fixture->page, "governance");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "education-governance");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "governance.judge", "(sb)",
                                             xa_dispute_get_uuid (dispute), TRUE));
  wait_for_page (fixture);
  g_assert_cmpuint (xa_governance_view_get_n_unjudged (view), ==, 0);
  g_assert_null (find_widget (child (view, XA_TYPE_GOVERNANCE_VIEW, "disputes_group"), GTK_TYPE_MENU_BUTTON));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM dispute WHERE judged_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_VETOED);
  set_role ("school");
}

/* The record's window for the row @index of @list_name, and its form on the record. */
static gpointer
open_edit_form (Fixture    *fixture,
                const char *list_name,
                int         index,
                GType       form_type)
{
  XaEducationViewer *viewer;
  gpointer form;

  activate_row (fixture, list_name, index);
  viewer = xa_test_find_toplevel (XA_TYPE_EDUCATION_VIEWER);
  g_assert_nonnull (viewer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.edit", NULL));
  xa_test_iterate ();
  form = xa_test_find_toplevel (form_type);
  g_assert_nonnull (form);
  return form;
}

static void
close_viewer (void)
{
  XaEducationViewer *viewer = xa_test_find_toplevel (XA_TYPE_EDUCATION_VIEWER);

  g_assert_nonnull (viewer);
  gtk_window_close (GTK_WINDOW (viewer));
  xa_test_iterate ();
}

/* A saved session with 王五 absent opened in its form, filled in: he came after all, and
 * the corrected 实到 brings the coverage to 4/4; the list and the window follow. */
static void
test_edit_session (Fixture       *fixture,
                   gconstpointer  data)
{
  XaEducationBook *book = xa_workspace_get_education (fixture->ui.workspace);
  g_autoptr(XaEducationRecord) record = xa_education_record_new ();
  g_autoptr(XaEducationRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  XaEducationRecordForm *form;
  XaEducationViewer *viewer;
  const XaEducationCoverage *cov;

  import_roster (fixture);
  xa_education_record_set_school_uuid (record, xa_education_page_get_school_uuid (fixture->page));
  xa_education_record_set_school_year (record, 2021);
  xa_education_record_set_held_on (record, "2021-10-25");
  xa_education_record_set_week (record, 1, 9);
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(1)班");
  xa_education_record_set_form (record, XA_EDUCATION_FORM_LESSON);
  xa_education_record_set_topic (record, "accident");
  xa_education_record_set_title (record, "防溺水安全教育");
  xa_education_record_set_teacher (record, "李老师", XA_TEACHER_KIND_CLASS_TEACHER);
  xa_education_record_set_hours (record, 1);
  xa_education_record_set_attendance (record, 4, 3);
  xa_education_record_set_absentees (record, (const char *[]) { "王五", NULL });
  saved = xa_education_book_add (book, record, &error);
  g_assert_no_error (error);
  cov = coverage (fixture);
  g_assert_cmpuint (cov->educated, ==, 3);
  g_assert_cmpuint (cov->present, ==, 3);

  form = open_edit_form (fixture, "sessions_list", 0, XA_TYPE_EDUCATION_RECORD_FORM);
  g_assert_cmpstr (gtk_editable_get_text (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "title_row")), ==, "防溺水安全教育");
  g_assert_cmpstr (gtk_editable_get_text (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "date_row")), ==, "2021-10-25");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "present_spin")), ==, 3);
  g_assert_false (gtk_widget_get_sensitive (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "audience_row")));
  g_assert_false (xa_education_record_form_get_dirty (form));
  xa_education_record_form_set_absent (form, "王五", FALSE);
  xa_test_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "present_spin")), ==, 4);
  type_into (child (form, XA_TYPE_EDUCATION_RECORD_FORM, "notes_row"), "王五迟到，实际到课");
  xa_test_screenshot (GTK_WIDGET (form), "education-session-edit");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_EDUCATION_RECORD_FORM));

  /* One session still, its attendance corrected; everyone educated; one audit entry. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_record"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_absence"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'education.edit'"), ==, 1);
  cov = coverage (fixture);
  g_assert_cmpuint (cov->educated, ==, 4);
  g_assert_cmpuint (cov->present, ==, 4);
  g_assert_true (xa_education_coverage_meets_target (cov));
  {
    g_autoptr(XaEducationRecord) listed = g_list_model_get_item (xa_education_page_get_sessions (fixture->page), 0);

    g_assert_cmpuint (xa_education_record_get_present (listed), ==, 4);
  }
  viewer = xa_test_find_toplevel (XA_TYPE_EDUCATION_VIEWER);
  g_assert_cmpuint (xa_education_record_get_present (XA_EDUCATION_RECORD (xa_education_viewer_get_item (viewer))), ==, 4);
  close_viewer ();
  xa_test_assert_chain_holds (xa_workspace_get_store (fixture->ui.workspace));
}

/* Sets the finding of the incident in the row @index from its form, as the commission. */
static void
find_incident (Fixture           *fixture,
               int                index,
               XaIncidentFinding  finding)
{
  XaIncidentForm *form = open_edit_form (fixture, "incidents_list", index, XA_TYPE_INCIDENT_FORM);

  g_assert_true (gtk_widget_get_sensitive (child (form, XA_TYPE_INCIDENT_FORM, "finding_row")));
  g_assert_false (gtk_widget_get_sensitive (child (form, XA_TYPE_INCIDENT_FORM, "kind_row")));
  adw_combo_row_set_selected (child (form, XA_TYPE_INCIDENT_FORM, "finding_row"), finding - XA_INCIDENT_FINDING_RESPONSIBLE);
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM));
  close_viewer ();
}

/* Incidents pending a finding: a school's login cannot record it; the commission finds
 * one 非责任 and the school leaves the veto list, the next 责任 and it is vetoed. */
static void
test_incident_finding (Fixture       *fixture,
                       gconstpointer  data)
{
  XaIncidentForm *form;

  set_role ("school");
  record_incident (fixture, "2021-10-20", XA_INCIDENT_FINDING_PENDING);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_PENDING);

  /* The school's form leaves the finding alone; its summary is its own to correct. */
  form = open_edit_form (fixture, "incidents_list", 0, XA_TYPE_INCIDENT_FORM);
  xa_test_screenshot (GTK_WIDGET (form), "education-incident-edit-school");
  g_assert_false (gtk_widget_get_sensitive (child (form, XA_TYPE_INCIDENT_FORM, "finding_row")));
  g_assert_false (gtk_widget_get_sensitive (child (form, XA_TYPE_INCIDENT_FORM, "influence_switch")));
  g_assert_cmpstr (gtk_editable_get_text (child (form, XA_TYPE_INCIDENT_FORM, "summary_row")), ==, "午餐后六名学生腹痛");
  type_into (child (form, XA_TYPE_INCIDENT_FORM, "summary_row"), "午餐后六名学生腹痛，送医观察");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_INCIDENT_FORM));
  close_viewer ();
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM incident WHERE finding = 'pending' AND summary LIKE '%送医%'"), ==, 1);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_PENDING);

  set_role ("commission");
  find_incident (fixture, 0, XA_INCIDENT_FINDING_NOT_RESPONSIBLE);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM incident WHERE finding_by IS NOT NULL"), ==, 1);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_CLEAR);
  g_assert_cmpuint (g_list_model_get_n_items (xa_education_page_get_verdicts (fixture->page)), ==, 0);

  /* A finding is made once. */
  form = open_edit_form (fixture, "incidents_list", 0, XA_TYPE_INCIDENT_FORM);
  g_assert_false (gtk_widget_get_sensitive (child (form, XA_TYPE_INCIDENT_FORM, "finding_row")));
  gtk_window_close (GTK_WINDOW (form));
  xa_test_iterate ();
  close_viewer ();

  record_incident (fixture, "2021-10-22", XA_INCIDENT_FINDING_PENDING);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_PENDING);
  /* The list is newest first or by date: find the pending one. */
  {
    GListModel *incidents = xa_education_page_get_incidents (fixture->page);
    int pending = -1;

    for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
      {
        g_autoptr(XaIncident) incident = g_list_model_get_item (incidents, i);

        if (xa_incident_get_finding (incident) == XA_INCIDENT_FINDING_PENDING)
          pending = (int) i;
      }
    g_assert_cmpint (pending, >=, 0);
    find_incident (fixture, pending, XA_INCIDENT_FINDING_RESPONSIBLE);
  }
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_VETOED);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'incident.edit'"), ==, 3);
  set_role ("school");
}

/* The school's plan and materials saved: 四落实 follows. The commission's drill rule out
 * of bounds is refused, the message naming it, and nothing stored; a good one saved. */
static void
test_plan_and_policy (Fixture       *fixture,
                      gconstpointer  data)
{
  XaEducationSettings *settings;
  const XaEducationCoverage *cov;
  GtkLabel *error_label;

  set_role ("school");
  cov = coverage (fixture);
  g_assert_false (cov->has_plan);
  g_assert_false (cov->has_materials);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "education.settings", NULL));
  xa_test_iterate ();
  settings = xa_test_find_toplevel (XA_TYPE_EDUCATION_SETTINGS);
  g_assert_nonnull (settings);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (xa_education_settings_get_spin (settings, "school-months"))));
  type_into (child (settings, XA_TYPE_EDUCATION_SETTINGS, "plan_row"), "2021学年度安全教育工作计划");
  type_into (child (settings, XA_TYPE_EDUCATION_SETTINGS, "materials_row"), "《中小学公共安全教育读本》");
  xa_test_screenshot (GTK_WIDGET (settings), "education-settings-school");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (settings), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_EDUCATION_SETTINGS));
  cov = coverage (fixture);
  g_assert_true (cov->has_plan);
  g_assert_true (cov->has_materials);

  set_role ("commission");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "education.settings", NULL));
  xa_test_iterate ();
  settings = xa_test_find_toplevel (XA_TYPE_EDUCATION_SETTINGS);
  g_assert_nonnull (settings);
  g_assert_false (gtk_widget_get_sensitive (child (settings, XA_TYPE_EDUCATION_SETTINGS, "plan_row")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (xa_education_settings_get_spin (settings, "school-months")), ==, 1);
  gtk_spin_button_set_value (xa_education_settings_get_spin (settings, "hours-junior"), 20);
  gtk_spin_button_set_value (xa_education_settings_get_spin (settings, "school-months"), 5);
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (settings), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (XA_TYPE_EDUCATION_SETTINGS) == settings);
  error_label = child (settings, XA_TYPE_EDUCATION_SETTINGS, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "演练频次"));
  xa_test_screenshot (GTK_WIDGET (settings), "education-settings-refused");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM drill_policy"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_policy"), ==, 0);

  /* No session makes no one educated: refused too, the setting named. */
  gtk_spin_button_set_value (xa_education_settings_get_spin (settings, "school-months"), 2);
  gtk_spin_button_set_value (xa_education_settings_get_spin (settings, "required-sessions"), 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (settings), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_nonnull (strstr (gtk_label_get_text (error_label),
                            g_dgettext (GETTEXT_PACKAGE, "Sessions that make a person educated")));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM education_policy"), ==, 0);

  gtk_spin_button_set_value (xa_education_settings_get_spin (settings, "required-sessions"), 1);
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (settings), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_EDUCATION_SETTINGS));
  g_assert_cmpint (query_int (fixture, "SELECT months FROM drill_policy WHERE stage = 'school'"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT value FROM education_policy WHERE name = 'hours-junior'"), ==, 20);
  set_role ("school");
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/education/session-and-make-up", Fixture, NULL, fixture_set_up, test_session_and_make_up,
              fixture_tear_down);
  g_test_add ("/xa/education/drill-to-hazard", Fixture, NULL, fixture_set_up, test_drill_to_hazard,
              fixture_tear_down);
  g_test_add ("/xa/education/incident-and-veto", Fixture, NULL, fixture_set_up, test_incident_and_veto,
              fixture_tear_down);

  g_test_add ("/xa/education/petition-judged", Fixture, NULL, fixture_set_up, test_petition_judged,
              fixture_tear_down);
  g_test_add ("/xa/education/edit-session", Fixture, NULL, fixture_set_up, test_edit_session, fixture_tear_down);
  g_test_add ("/xa/education/incident-finding", Fixture, NULL, fixture_set_up, test_incident_finding,
              fixture_tear_down);
  g_test_add ("/xa/education/plan-and-policy", Fixture, NULL, fixture_set_up, test_plan_and_policy,
              fixture_tear_down);

  return g_test_run ();
}
