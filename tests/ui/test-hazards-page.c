/* test-hazards-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 隐患台账 section of the real window over a store in a temporary folder (issue 11,
 * "Verified by"): a hazard recorded through the form, then rectified, failed at its
 * re-inspection, rectified again, passed and closed through the step dialogs, the table's
 * row, the timeline and the book agreeing at each step; the form's defaults, its refusals
 * at the field and what a 重大 hazard shows; the draft offered back after the window was
 * destroyed without saving; the unsaved-changes question; the search of one Chinese
 * character, and sorting by a header; the section at 360 pixels.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "ui/hazards/xa-hazard-step-dialog.h"
#include "ui/hazards/xa-hazard-text-row.h"
#include "ui/hazards/xa-hazard-ui.h"
#include "ui/xa-application.h"
#include "ui/xa-school-picker.h"
#include "ui/xa-unsaved.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture  ui;
  XaHazardBook    *book;       /* the workspace's */
  XaSchoolRegistry *registry;  /* the workspace's */
  XaWindow        *window;
  XaHazardsPage   *page;
  XaHazardForm    *form;
  XaHazardDetail  *detail;
  char            *school_uuid; /* 红旗小学 */
} Fixture;

static void
show_section (Fixture *fixture,
              int      width,
              int      height)
{
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, width, height, "hazards");
  fixture->page = XA_HAZARDS_PAGE (_xa_window_get_page (fixture->window, "hazards"));
  fixture->form = xa_hazards_page_get_form (fixture->page);
  fixture->detail = xa_hazards_page_get_detail (fixture->page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XaOrganisation) school = NULL;

  xa_test_ui_fixture_set_up (&fixture->ui, "hazards", FALSE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);
  fixture->book = xa_workspace_get_hazards (fixture->ui.workspace);
  xa_test_add_example_schools (fixture->registry);
  school = xa_school_registry_dup_school_by_code (fixture->registry, "1101080001", NULL);
  fixture->school_uuid = g_strdup (xa_organisation_get_uuid (school));

  show_section (fixture, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  XaHazardDraft *draft = fixture->page ? xa_hazards_page_get_draft (fixture->page) : NULL;

  /* The draft lives in the state folder, which the tests share: none is left behind. */
  if (draft != NULL)
    xa_hazard_draft_discard (draft, NULL);
  xa_test_ui_fixture_tear_down (&fixture->ui, fixture->window ? GTK_WINDOW (fixture->window) : NULL);
  g_free (fixture->school_uuid);
}

static void
type_field (Fixture       *fixture,
            XaHazardField  field,
            const char    *text)
{
  GtkWidget *widget = xa_hazard_form_get_field_widget (fixture->form, field);

  g_assert_nonnull (widget);
  if (XA_IS_HAZARD_TEXT_ROW (widget))
    xa_hazard_text_row_set_text (XA_HAZARD_TEXT_ROW (widget), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  xa_test_iterate ();
}

static char *
field_text (Fixture       *fixture,
            XaHazardField  field)
{
  GtkWidget *widget = xa_hazard_form_get_field_widget (fixture->form, field);

  if (XA_IS_HAZARD_TEXT_ROW (widget))
    return xa_hazard_text_row_dup_text (XA_HAZARD_TEXT_ROW (widget));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
choose (Fixture       *fixture,
        XaHazardField  field,
        guint          value)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (xa_hazard_form_get_field_widget (fixture->form, field)), value);
  xa_test_iterate ();
}

static guint
chosen (Fixture       *fixture,
        XaHazardField  field)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (xa_hazard_form_get_field_widget (fixture->form, field)));
}

/* What a person types for the hazard of the loop. */
static void
fill_form (Fixture *fixture)
{
  type_field (fixture, XA_HAZARD_FIELD_FOUND_BY, "张老师");
  type_field (fixture, XA_HAZARD_FIELD_PLACE, "教学楼三楼东侧配电箱");
  choose (fixture, XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_ELECTRICITY);
  type_field (fixture, XA_HAZARD_FIELD_DESCRIPTION, "配电箱门锁损坏，电线裸露");
  type_field (fixture, XA_HAZARD_FIELD_MEASURES, "更换门锁，包扎裸露电线");
  type_field (fixture, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  type_field (fixture, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
}

static GListModel *
listed (Fixture *fixture)
{
  return xa_hazards_page_get_hazards (fixture->page);
}

/* The table's row of @number, else NULL. */
static XaHazard *
dup_listed (Fixture    *fixture,
            const char *number)
{
  GListModel *hazards = listed (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (hazards); i++)
    {
      g_autoptr(XaHazard) hazard = g_list_model_get_item (hazards, i);

      if (g_strcmp0 (xa_hazard_get_number (hazard), number) == 0)
        return g_steal_pointer (&hazard);
    }

  return NULL;
}

static XaHazardStepDialog *
open_step (Fixture      *fixture,
           XaHazardStep  step)
{
  static const char * const actions[] = {
    "hazard.start", "hazard.complete", "hazard.pass", "hazard.fail", "hazard.close",
  };
  XaHazardStepDialog *dialog;

  g_assert_true (gtk_widget_get_visible (xa_hazard_detail_get_step_button (fixture->detail, step)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), actions[step], NULL));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (XA_TYPE_HAZARD_STEP_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (xa_hazard_step_dialog_get_step (dialog), ==, step);
  return dialog;
}

/* Answers the dialog with its step's button, as a click would, and lets it go. */
static void
confirm_step (XaHazardStepDialog *dialog)
{
  g_assert_null (xa_hazard_step_dialog_get_problem (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
}

/* The table's row, the detail, its timeline and the book say the same of the hazard. */
static void
assert_agree (Fixture       *fixture,
              const char    *number,
              XaHazardState  state,
              guint          n_entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) stored = xa_hazard_book_dup_by_number (fixture->book, number, &error);
  g_autoptr(XaHazard) row = dup_listed (fixture, number);
  XaHazard *shown = xa_hazard_detail_get_hazard (fixture->detail);
  XaHazardTimeline *timeline = xa_hazard_detail_get_timeline (fixture->detail);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_nonnull (shown);
  g_assert_cmpint (xa_hazard_get_state (stored), ==, state);
  g_assert_cmpint (xa_hazard_get_state (row), ==, state);
  g_assert_cmpint (xa_hazard_get_state (shown), ==, state);
  g_assert_cmpuint (xa_hazard_get_n_entries (stored), ==, n_entries);
  g_assert_cmpuint (xa_hazard_get_n_entries (shown), ==, n_entries);
  /* The finding, then one line a step. */
  g_assert_cmpuint (xa_hazard_timeline_get_n_lines (timeline), ==, 1 + n_entries);
  for (guint i = 0; i < n_entries; i++)
    {
      const XaHazardEntry *entry = xa_hazard_get_entry (stored, i);
      GtkWidget *line = xa_hazard_timeline_get_line (timeline, i + 1);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (line));

      g_assert_true (g_str_has_prefix (title, xa_hazard_step_to_label (entry->step)));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (line)), entry->who));
      g_assert_cmpint (gtk_widget_has_css_class (line, "failed"), ==, entry->step == XA_HAZARD_STEP_FAIL);
    }

  /* The step buttons are those the state allows. */
  for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
    g_assert_cmpint (gtk_widget_get_visible (xa_hazard_detail_get_step_button (fixture->detail, step)), ==,
                     xa_hazard_can_step (stored, step));
}

/* The closed loop through the window: 排查、记录、整改、复查、销号. */
static void
test_loop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = xa_date_today_iso ();
  g_autofree char *number = NULL;
  XaHazardStepDialog *dialog;
  XaHazard *shown;

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 0);

  /* Ctrl+N opens the form, wherever the focus is in the section. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK));
  g_assert_true (xa_hazards_page_get_form_shown (fixture->page));
  fill_form (fixture);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-form");

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (xa_hazards_page_get_form_shown (fixture->page));
  g_assert_false (xa_hazard_form_get_dirty (fixture->form));

  /* Recorded: numbered in its school and year, 待整改, in the table and the book. */
  shown = xa_hazard_detail_get_hazard (fixture->detail);
  g_assert_nonnull (shown);
  number = g_strdup (xa_hazard_get_number (shown));
  g_assert_true (g_str_has_suffix (number, "-1101080001-0001"));
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 1);
  assert_agree (fixture, number, XA_HAZARD_STATE_PENDING, 0);
  {
    g_autoptr(XaHazard) stored = xa_hazard_book_dup_by_number (fixture->book, number, &error);

    g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_PLACE), ==, "教学楼三楼东侧配电箱");
    g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_FOUND_ON), ==, today);
    g_assert_cmpint (xa_hazard_get_category (stored), ==, XA_HAZARD_CATEGORY_ELECTRICITY);
  }

  /* 开始整改: the responsible person is offered. */
  dialog = open_step (fixture, XA_HAZARD_STEP_START);
  g_assert_cmpstr (gtk_editable_get_text (xa_hazard_step_dialog_get_who (dialog)), ==, "李主任");
  confirm_step (dialog);
  assert_agree (fixture, number, XA_HAZARD_STATE_RECTIFYING, 1);

  /* 报告整改完成. */
  dialog = open_step (fixture, XA_HAZARD_STEP_COMPLETE);
  xa_hazard_text_row_set_text (XA_HAZARD_TEXT_ROW (xa_hazard_step_dialog_get_note (dialog)), "已更换门锁");
  confirm_step (dialog);
  assert_agree (fixture, number, XA_HAZARD_STATE_REINSPECTING, 2);

  /* 复查不合格: the responsible person may not re-inspect, and the reason is required;
   * both refused in the core's words, the step's button waiting. */
  dialog = open_step (fixture, XA_HAZARD_STEP_FAIL);
  gtk_editable_set_text (xa_hazard_step_dialog_get_who (dialog), "李主任");
  xa_hazard_text_row_set_text (XA_HAZARD_TEXT_ROW (xa_hazard_step_dialog_get_note (dialog)), "电线仍有裸露");
  g_assert_nonnull (xa_hazard_step_dialog_get_problem (dialog));
  g_assert_nonnull (strstr (xa_hazard_step_dialog_get_problem (dialog), "李主任"));
  gtk_editable_set_text (xa_hazard_step_dialog_get_who (dialog), "王校长");
  xa_hazard_text_row_set_text (XA_HAZARD_TEXT_ROW (xa_hazard_step_dialog_get_note (dialog)), "");
  g_assert_nonnull (xa_hazard_step_dialog_get_problem (dialog));
  xa_hazard_text_row_set_text (XA_HAZARD_TEXT_ROW (xa_hazard_step_dialog_get_note (dialog)), "电线仍有裸露");
  xa_test_screenshot (GTK_WIDGET (dialog), "hazard-step-fail");
  confirm_step (dialog);
  assert_agree (fixture, number, XA_HAZARD_STATE_RECTIFYING, 3);

  /* Rectified again, then passed: the re-inspector named before is offered. */
  dialog = open_step (fixture, XA_HAZARD_STEP_COMPLETE);
  confirm_step (dialog);
  assert_agree (fixture, number, XA_HAZARD_STATE_REINSPECTING, 4);
  dialog = open_step (fixture, XA_HAZARD_STEP_PASS);
  g_assert_cmpstr (gtk_editable_get_text (xa_hazard_step_dialog_get_who (dialog)), ==, "王校长");
  confirm_step (dialog);
  assert_agree (fixture, number, XA_HAZARD_STATE_REINSPECTING, 5);

  /* 销号 by the operator. */
  dialog = open_step (fixture, XA_HAZARD_STEP_CLOSE);
  g_assert_cmpstr (gtk_editable_get_text (xa_hazard_step_dialog_get_who (dialog)), ==, "测试员");
  confirm_step (dialog);
  assert_agree (fixture, number, XA_HAZARD_STATE_CLOSED, 6);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-closed");

  /* A closed hazard is no longer edited. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "hazard.edit", NULL) &&
                  xa_hazards_page_get_form_shown (fixture->page));
}

/* The field of the form that holds the focus, else XA_HAZARD_FIELD_NONE. */
static XaHazardField
focused_field (Fixture *fixture)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));

  for (XaHazardField field = 0; focus != NULL && field < XA_HAZARD_FIELD_NONE; field++)
    {
      GtkWidget *row = xa_hazard_form_get_field_widget (fixture->form, field);

      if (row != NULL && (focus == row || gtk_widget_is_ancestor (focus, row)))
        return field;
    }

  return XA_HAZARD_FIELD_NONE;
}

/* Keyboard only: one Tab a field, in the ledger's order, the 重大 rows among them when
 * they show. */
static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  static const XaHazardField general[] = {
    XA_HAZARD_FIELD_SCHOOL_UUID, XA_HAZARD_FIELD_SCHOOL_YEAR, XA_HAZARD_FIELD_INSPECTION_TYPE,
    XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_FOUND_BY, XA_HAZARD_FIELD_PLACE, XA_HAZARD_FIELD_CATEGORY,
    XA_HAZARD_FIELD_DESCRIPTION, XA_HAZARD_FIELD_GRADE, XA_HAZARD_FIELD_MEASURES, XA_HAZARD_FIELD_DEPARTMENT,
    XA_HAZARD_FIELD_RESPONSIBLE, XA_HAZARD_FIELD_DEADLINE, XA_HAZARD_FIELD_FUNDS, XA_HAZARD_FIELD_FUNDS_SOURCE,
    XA_HAZARD_FIELD_REINSPECTOR, XA_HAZARD_FIELD_REMARKS,
  };
  static const XaHazardField major[] = {
    XA_HAZARD_FIELD_GRADE, XA_HAZARD_FIELD_TEMPORARY_MEASURES, XA_HAZARD_FIELD_REPORTED,
    XA_HAZARD_FIELD_REPORTED_ON, XA_HAZARD_FIELD_SUPERVISED, XA_HAZARD_FIELD_SUPERVISOR,
    XA_HAZARD_FIELD_MEASURES,
  };

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  xa_test_wait_for_frame (GTK_WIDGET (fixture->window));

  gtk_widget_grab_focus (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_SCHOOL_UUID));
  for (guint i = 0; i < G_N_ELEMENTS (general); i++)
    {
      g_test_message ("Tab %u: %s", i, xa_hazard_field_to_key (general[i]));
      g_assert_cmpint (focused_field (fixture), ==, general[i]);
      if (i + 1 < G_N_ELEMENTS (general))
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
    }

  /* Shift+Tab goes back the same way. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (focused_field (fixture), ==, XA_HAZARD_FIELD_REINSPECTOR);

  /* Tab goes by the rows' places on screen, which the 重大 rows just shown have from
   * the next frame on, as they do before a person's next key. On a busy machine the
   * main loop can come back before that frame: Tab then skipped them. */
  choose (fixture, XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_MAJOR);
  xa_test_wait_for_frame (GTK_WIDGET (fixture->window));
  gtk_widget_grab_focus (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_GRADE));
  for (guint i = 0; i < G_N_ELEMENTS (major); i++)
    {
      g_test_message ("Tab %u of a major hazard: %s", i, xa_hazard_field_to_key (major[i]));
      g_assert_cmpint (focused_field (fixture), ==, major[i]);
      if (i + 1 < G_N_ELEMENTS (major))
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
    }
  xa_hazard_form_discard (fixture->form);
}

/* A new hazard's defaults: today, its school year, the school shown, the type and
 * category recorded last, the deadline of its grade's default days, following the date
 * and the grade until typed; 重大 shows what it needs; a wrong field is marked there. */
static void
test_form (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autofree char *today = xa_date_today_iso ();
  g_autofree char *deadline = NULL;
  g_autofree char *major_deadline = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  XaHazardSettings defaults;
  GtkWidget *major_group;
  GDate date;

  xa_hazard_settings_init (&defaults);
  deadline = xa_hazard_settings_dup_deadline (&defaults, XA_HAZARD_GRADE_GENERAL, today);
  major_deadline = xa_hazard_settings_dup_deadline (&defaults, XA_HAZARD_GRADE_MAJOR, today);
  xa_date_parse (today, &date);
  g_settings_set_string (settings, "hazard-inspection-type", "monthly");
  g_settings_set_string (settings, "hazard-category", "fire");

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  xa_test_iterate ();

  text = field_text (fixture, XA_HAZARD_FIELD_FOUND_ON);
  g_assert_cmpstr (text, ==, today);
  g_clear_pointer (&text, g_free);
  text = field_text (fixture, XA_HAZARD_FIELD_DEADLINE);
  g_assert_cmpstr (text, ==, deadline);
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (chosen (fixture, XA_HAZARD_FIELD_INSPECTION_TYPE), ==, XA_INSPECTION_MONTHLY);
  g_assert_cmpuint (chosen (fixture, XA_HAZARD_FIELD_CATEGORY), ==, XA_HAZARD_CATEGORY_FIRE);
  g_assert_cmpuint (chosen (fixture, XA_HAZARD_FIELD_GRADE), ==, XA_HAZARD_GRADE_GENERAL);
  {
    g_autoptr(XaHazard) hazard = xa_hazard_form_dup_hazard (fixture->form);

    g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID), ==, fixture->school_uuid);
    g_assert_cmpint (xa_hazard_get_school_year (hazard), ==, xa_school_year_for_date (&date));
  }
  /* The first field to type has the focus. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_FOUND_BY)));

  /* 重大: its own deadline, and the group of what it needs, hidden for 一般. */
  major_group = gtk_widget_get_ancestor (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_REPORTED),
                                         ADW_TYPE_PREFERENCES_GROUP);
  g_assert_false (gtk_widget_get_visible (major_group));
  choose (fixture, XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_MAJOR);
  g_assert_true (gtk_widget_get_visible (major_group));
  text = field_text (fixture, XA_HAZARD_FIELD_DEADLINE);
  g_assert_cmpstr (text, ==, major_deadline);
  g_clear_pointer (&text, g_free);

  /* A deadline typed stays when the grade changes again. */
  type_field (fixture, XA_HAZARD_FIELD_DEADLINE, "2099-1-2");
  choose (fixture, XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_GENERAL);
  text = field_text (fixture, XA_HAZARD_FIELD_DEADLINE);
  g_assert_cmpstr (text, ==, "2099-1-2");
  g_clear_pointer (&text, g_free);
  choose (fixture, XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_MAJOR);
  gtk_widget_grab_focus (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_TEMPORARY_MEASURES));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-form-major");

  /* Saving an incomplete hazard: refused, the first wrong field marked and focused,
   * nothing stored. */
  g_assert_false (xa_hazard_form_save (fixture->form, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (xa_hazard_form_get_error_field (fixture->form), ==, XA_HAZARD_FIELD_FOUND_BY);
  g_assert_true (gtk_widget_has_css_class (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_FOUND_BY),
                                           "error"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                         xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_FOUND_BY)));
  {
    guint n = 99;
    XaHazardFilter filter;

    xa_hazard_filter_init (&filter);
    g_assert_true (xa_hazard_book_count (fixture->book, &filter, &n, &error));
    g_assert_cmpuint (n, ==, 0);
  }

  /* Typing fixes it; a bad date is named at its own field. */
  fill_form (fixture);
  type_field (fixture, XA_HAZARD_FIELD_DEADLINE, "2021-13-40");
  g_assert_cmpint (xa_hazard_form_get_error_field (fixture->form), ==, XA_HAZARD_FIELD_DEADLINE);
  /* Where the typing is, as a person sees it. */
  gtk_widget_grab_focus (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_DEADLINE));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-form-error");
  type_field (fixture, XA_HAZARD_FIELD_DEADLINE, "2099-01-02");
  g_assert_cmpint (xa_hazard_form_get_error_field (fixture->form), ==, XA_HAZARD_FIELD_NONE);

  g_assert_true (xa_hazard_form_save (fixture->form, &error));
  g_assert_no_error (error);
  xa_test_iterate ();

  /* The next new hazard starts with the category and type just used. */
  g_settings_set_string (settings, "hazard-category", "building");
  g_settings_set_string (settings, "hazard-inspection-type", "daily");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  xa_test_iterate ();
  g_assert_cmpuint (chosen (fixture, XA_HAZARD_FIELD_CATEGORY), ==, XA_HAZARD_CATEGORY_BUILDING);
  {
    g_autofree char *category = g_settings_get_string (settings, "hazard-category");

    g_assert_cmpstr (category, ==, "building");
  }
}

/* The school of a new hazard and the school the ledger shows are picked by typing:
 * 实验 finds 示例区实验小学; the ledger's picker also offers every school. */
static void
test_pick_school (Fixture       *fixture,
                  gconstpointer  data)
{
  XaHazardFilters *filters = xa_hazards_page_get_filters (fixture->page);
  g_autoptr(XaOrganisation) experimental = xa_school_registry_dup_school_by_code (fixture->registry, "1101080002",
                                                                                  NULL);
  AdwMessageDialog *dialog;
  XaSchoolPicker *picker;

  xa_hazard_filters_set_school (filters, fixture->school_uuid);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  xa_test_iterate ();
  g_signal_emit_by_name (xa_hazard_form_get_field_widget (fixture->form, XA_HAZARD_FIELD_SCHOOL_UUID), "activated");
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  picker = XA_SCHOOL_PICKER (adw_message_dialog_get_extra_child (dialog));
  /* The school shown comes chosen; typing finds another. */
  g_assert_cmpstr (xa_organisation_get_uuid (xa_school_picker_get_selected (picker)), ==, fixture->school_uuid);
  gtk_editable_set_text (xa_school_picker_get_entry (picker), "实验");
  xa_test_iterate ();
  xa_test_screenshot (GTK_WIDGET (dialog), "hazard-pick-school");
  adw_message_dialog_response (dialog, "pick");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
  {
    g_autoptr(XaHazard) hazard = xa_hazard_form_dup_hazard (fixture->form);

    g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID), ==,
                     xa_organisation_get_uuid (experimental));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (xa_hazard_form_get_field_widget (fixture->form,
                                                                                                XA_HAZARD_FIELD_SCHOOL_UUID))),
                     ==, "示例区实验小学");
  }
  xa_hazard_form_discard (fixture->form);

  /* The ledger's school: 全部学校 is an answer too. */
  g_signal_emit_by_name (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "school_button"), "clicked");
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "all"));
  adw_message_dialog_response (dialog, "all");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
  g_assert_null (xa_hazard_filters_get_school (filters));
}

/* Edits leave only through 保存更改？: another hazard chosen waits for the answer. */
static void
test_guard (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaHazardSelection *selection;
  AdwMessageDialog *question;

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XaHazard) hazard = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
      fill_form (fixture);
      g_assert_true (xa_hazard_form_save (fixture->form, &error));
      g_assert_no_error (error);
    }
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  type_field (fixture, XA_HAZARD_FIELD_PLACE, "食堂");
  g_assert_true (xa_hazard_form_get_dirty (fixture->form));

  /* Another row: asked, the form stays until the answer; 放弃 opens the row. */
  selection = xa_hazard_table_get_selection (xa_hazards_page_get_table (fixture->page));
  xa_hazard_selection_set_selected (selection, 1);
  xa_test_iterate ();
  question = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_true (xa_hazards_page_get_form_shown (fixture->page));
  adw_message_dialog_response (question, "discard");
  gtk_window_destroy (GTK_WINDOW (question));
  xa_test_iterate ();
  g_assert_false (xa_hazards_page_get_form_shown (fixture->page));
  {
    g_autoptr(XaHazard) row = g_list_model_get_item (listed (fixture), 1);

    g_assert_cmpstr (xa_hazard_get_uuid (xa_hazard_detail_get_hazard (fixture->detail)), ==,
                     xa_hazard_get_uuid (row));
  }

  /* The window's page answers for its form: leaving the section asks too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  type_field (fixture, XA_HAZARD_FIELD_PLACE, "操场");
  {
    g_autofree char *what = xa_unsaved_dup_unsaved (XA_UNSAVED (fixture->page));

    g_assert_nonnull (what);
  }
  g_assert_false (_xa_window_show_section (fixture->window, "schools"));
  question = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "cancel");
  gtk_window_destroy (GTK_WINDOW (question));
  xa_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->section_stack), ==, "hazards");
  g_assert_true (xa_hazard_form_get_dirty (fixture->form));
  xa_hazard_form_discard (fixture->form);
}

/* The window goes without a word (a crash, a kill): the next start offers the draft. */
static void
test_draft (Fixture       *fixture,
            gconstpointer  data)
{
  XaHazardDraft *draft;
  g_autofree char *text = NULL;

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  g_assert_false (xa_hazards_page_get_draft_offered (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  type_field (fixture, XA_HAZARD_FIELD_FOUND_BY, "赵老师");
  type_field (fixture, XA_HAZARD_FIELD_PLACE, "食堂后门燃气阀");
  type_field (fixture, XA_HAZARD_FIELD_DESCRIPTION, "燃气阀门锈蚀");
  choose (fixture, XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_MAJOR);
  draft = xa_hazards_page_get_draft (fixture->page);
  xa_test_wait_for_boolean (draft, "pending", FALSE);

  /* Destroyed, not closed: no question, nothing saved. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  xa_test_iterate ();
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;

  show_section (fixture, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT);
  g_assert_true (xa_hazards_page_get_draft_offered (fixture->page));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-draft-offered");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.restore-draft", NULL));
  xa_test_iterate ();
  g_assert_true (xa_hazards_page_get_form_shown (fixture->page));
  g_assert_true (xa_hazard_form_get_dirty (fixture->form));
  text = field_text (fixture, XA_HAZARD_FIELD_PLACE);
  g_assert_cmpstr (text, ==, "食堂后门燃气阀");
  g_clear_pointer (&text, g_free);
  text = field_text (fixture, XA_HAZARD_FIELD_DESCRIPTION);
  g_assert_cmpstr (text, ==, "燃气阀门锈蚀");
  g_assert_cmpuint (chosen (fixture, XA_HAZARD_FIELD_GRADE), ==, XA_HAZARD_GRADE_MAJOR);

  /* Saved, the draft is gone: the next start offers nothing. */
  type_field (fixture, XA_HAZARD_FIELD_MEASURES, "更换阀门");
  type_field (fixture, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  type_field (fixture, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  g_assert_true (xa_hazard_form_save (fixture->form, NULL));
  g_assert_false (g_file_test (xa_hazard_draft_get_path (xa_hazards_page_get_draft (fixture->page)),
                               G_FILE_TEST_EXISTS));
}

static XaHazard *
add_hazard (Fixture          *fixture,
            const char       *place,
            const char       *description,
            const char       *found_on,
            XaHazardCategory  category)
{
  XaHazard *hazard = xa_hazard_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = NULL;
  XaHazardSettings defaults;
  GDate date;

  xa_hazard_settings_init (&defaults);
  xa_date_parse (found_on, &date);
  deadline = xa_hazard_settings_dup_deadline (&defaults, XA_HAZARD_GRADE_GENERAL, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, fixture->school_uuid);
  xa_hazard_set_school_year (hazard, xa_school_year_for_date (&date));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "张老师");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
  xa_hazard_set_category (hazard, category);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, description);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "修理");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  g_assert_true (xa_hazard_book_add (fixture->book, hazard, &error));
  g_assert_no_error (error);
  return hazard;
}

/* The places of the hazards listed, in the table's order. */
static GStrv
dup_order (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (listed (fixture)); i++)
    {
      g_autoptr(XaHazard) hazard = g_list_model_get_item (listed (fixture), i);

      g_strv_builder_add (builder, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE));
    }

  return g_strv_builder_end (builder);
}

/* The search finds one Chinese character; a header sorts. */
static void
test_search_and_sort (Fixture       *fixture,
                      gconstpointer  data)
{
  XaHazardFilters *filters = xa_hazards_page_get_filters (fixture->page);
  XaHazardTable *table = xa_hazards_page_get_table (fixture->page);
  g_autoptr(XaHazard) gate = NULL;
  g_autoptr(XaHazard) wire = NULL;
  g_autoptr(XaHazard) stairs = NULL;
  g_autofree char *today = xa_date_today_iso ();
  g_auto(GStrv) ascending = NULL;

  xa_hazard_filters_set_school (filters, fixture->school_uuid);
  gate = add_hazard (fixture, "南校门", "校门电动门失灵", today, XA_HAZARD_CATEGORY_PROTECTION);
  wire = add_hazard (fixture, "实验楼二楼", "电线老化", today, XA_HAZARD_CATEGORY_ELECTRICITY);
  stairs = add_hazard (fixture, "教学楼楼梯", "扶手松动", today, XA_HAZARD_CATEGORY_FACILITIES);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 3);

  xa_hazard_filters_set_search (filters, "门");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 1);
  {
    g_autoptr(XaHazard) found = g_list_model_get_item (listed (fixture), 0);

    g_assert_cmpstr (xa_hazard_get_uuid (found), ==, xa_hazard_get_uuid (gate));
  }
  xa_hazard_filters_set_search (filters, "电");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 2);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-search");

  /* Enter in the search: the first found opens. */
  g_signal_emit_by_name (xa_hazard_filters_get_search_entry (filters), "activate");
  xa_test_iterate ();
  g_assert_nonnull (xa_hazard_detail_get_hazard (fixture->detail));

  xa_hazard_filters_set_search (filters, "无此字");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 0);
  xa_hazard_filters_set_search (filters, "");
  xa_test_iterate ();

  /* By place, ascending, then descending, as a header's clicks do: the order turns. */
  xa_hazard_table_sort_by (table, XA_HAZARD_SORT_PLACE, FALSE);
  xa_test_iterate ();
  {
    gboolean descending = TRUE;

    g_assert_cmpint (xa_hazard_table_get_sort (table, &descending), ==, XA_HAZARD_SORT_PLACE);
    g_assert_false (descending);
  }
  ascending = dup_order (fixture);
  xa_hazard_table_sort_by (table, XA_HAZARD_SORT_PLACE, TRUE);
  xa_test_iterate ();
  {
    gboolean descending = FALSE;
    g_auto(GStrv) turned = dup_order (fixture);

    g_assert_cmpint (xa_hazard_table_get_sort (table, &descending), ==, XA_HAZARD_SORT_PLACE);
    g_assert_true (descending);
    g_assert_cmpuint (g_strv_length (turned), ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpstr (turned[i], ==, ascending[2 - i]);
  }
}

/* @days before today, or the first day of the school year when that is later: a day
 * of the current school year whose hazards are overdue now. */
static char *
dup_days_ago (guint days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, - (int) days);
  GDate today;
  GDate date;
  GDate start;

  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_set_dmy (&date, g_date_time_get_day_of_month (then), g_date_time_get_month (then), g_date_time_get_year (then));
  g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, xa_school_year_for_date (&today));
  if (g_date_compare (&date, &start) < 0)
    date = start;

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* Each filter narrows the ledger in the store: state, category, grade, responsible
 * person, overdue; 清除筛选 widens it again. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  XaHazardFilters *filters = xa_hazards_page_get_filters (fixture->page);
  g_autofree char *today = xa_date_today_iso ();
  g_autofree char *earlier = dup_days_ago (20);
  g_autoptr(XaHazard) gate = NULL;
  g_autoptr(XaHazard) wire = NULL;
  g_autoptr(XaHazard) stairs = NULL;
  g_autoptr(GError) error = NULL;
  XaHazardStepInput start = { "王主任", today, NULL, NULL };
  GtkDropDown *responsible = xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "responsible_dropdown");
  GtkStack *list_stack;
  GListModel *names = gtk_drop_down_get_model (responsible);

  xa_hazard_filters_set_school (filters, fixture->school_uuid);
  gate = add_hazard (fixture, "南校门", "校门电动门失灵", earlier, XA_HAZARD_CATEGORY_PROTECTION);
  wire = add_hazard (fixture, "实验楼二楼", "电线老化", today, XA_HAZARD_CATEGORY_ELECTRICITY);
  stairs = add_hazard (fixture, "教学楼楼梯", "扶手松动", today, XA_HAZARD_CATEGORY_FACILITIES);
  xa_hazard_set_text (wire, XA_HAZARD_FIELD_RESPONSIBLE, "王主任");
  g_assert_true (xa_hazard_book_update (fixture->book, wire, &error));
  g_assert_no_error (error);
  g_assert_true (xa_hazard_book_step (fixture->book, wire, XA_HAZARD_STEP_START, &start, &error));
  g_assert_no_error (error);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 3);

  xa_hazard_filters_set_state (filters, XA_HAZARD_STATE_RECTIFYING);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 1);
  xa_hazard_filters_set_state (filters, -1);

  gtk_drop_down_set_selected (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "category_dropdown"),
                              1 + XA_HAZARD_CATEGORY_FACILITIES);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 1);
  g_assert_cmpuint (xa_hazard_filters_count_narrowing (filters), ==, 1);
  gtk_drop_down_set_selected (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "category_dropdown"), 0);

  gtk_drop_down_set_selected (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "grade_dropdown"), 1 + XA_HAZARD_GRADE_MAJOR);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 0);
  list_stack = xa_test_template_child (fixture->page, XA_TYPE_HAZARDS_PAGE, "list_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  gtk_drop_down_set_selected (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "grade_dropdown"), 0);

  /* The people responsible are read when the filters open: 李主任 and 王主任. */
  gtk_menu_button_popup (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "more_button"));
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  for (guint i = 1; i < 3; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "王主任"))
      gtk_drop_down_set_selected (responsible, i);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 1);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-filters");
  gtk_menu_button_popdown (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "more_button"));
  gtk_drop_down_set_selected (responsible, 0);

  /* 逾期: found 20 days ago, due a week after, not closed. */
  xa_hazard_filters_set_overdue (filters, TRUE);
  xa_test_iterate ();
  if (g_strcmp0 (earlier, today) != 0 && xa_hazard_is_overdue_today (gate))
    {
      g_autoptr(XaHazard) found = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 1);
      found = g_list_model_get_item (listed (fixture), 0);
      g_assert_cmpstr (xa_hazard_get_uuid (found), ==, xa_hazard_get_uuid (gate));
    }

  g_signal_emit_by_name (xa_test_template_child (filters, XA_TYPE_HAZARD_FILTERS, "clear_button"), "clicked");
  xa_test_iterate ();
  g_assert_cmpuint (xa_hazard_filters_count_narrowing (filters), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (listed (fixture)), ==, 3);
}

/* A stored hazard edited through the form: saved over the version read, refused when
 * another save came first; its draft, after the window went, edits the stored one. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *today = xa_date_today_iso ();
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(XaHazard) elsewhere = NULL;
  g_autoptr(XaHazard) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *refusal;

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  hazard = add_hazard (fixture, "操场", "篮球架底座松动", today, XA_HAZARD_CATEGORY_FACILITIES);
  xa_test_iterate ();
  xa_hazard_selection_set_selected (xa_hazard_table_get_selection (xa_hazards_page_get_table (fixture->page)), 0);
  xa_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "hazard.edit", NULL));
  xa_test_iterate ();
  g_assert_true (xa_hazards_page_get_form_shown (fixture->page));
  type_field (fixture, XA_HAZARD_FIELD_PLACE, "操场东侧");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (xa_hazards_page_get_form_shown (fixture->page));
  stored = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_PLACE), ==, "操场东侧");
  g_assert_cmpstr (xa_hazard_get_text (xa_hazard_detail_get_hazard (fixture->detail), XA_HAZARD_FIELD_PLACE),
                   ==, "操场东侧");
  {
    g_autoptr(XaHazard) row = g_list_model_get_item (listed (fixture), 0);

    g_assert_cmpstr (xa_hazard_get_text (row, XA_HAZARD_FIELD_PLACE), ==, "操场东侧");
  }

  /* Someone else saves first: this save is refused with the book's word, the form kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "hazard.edit", NULL));
  type_field (fixture, XA_HAZARD_FIELD_REMARKS, "我的备注");
  elsewhere = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  xa_hazard_set_text (elsewhere, XA_HAZARD_FIELD_REMARKS, "别人的备注");
  g_assert_true (xa_hazard_book_update (fixture->book, elsewhere, &error));
  g_assert_no_error (error);
  xa_test_iterate ();
  /* The list read the hazard again: that is no other hazard chosen, nothing is asked. */
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (xa_hazards_page_get_form_shown (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->form), "hazard-form.save", NULL));
  xa_test_iterate ();
  refusal = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (refusal);
  gtk_window_destroy (GTK_WINDOW (refusal));
  g_assert_true (xa_hazards_page_get_form_shown (fixture->page));
  g_clear_object (&stored);
  stored = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_REMARKS), ==, "别人的备注");

  /* The edit's draft, the window gone: restored over the hazard as stored now, it saves. */
  xa_test_wait_for_boolean (xa_hazards_page_get_draft (fixture->page), "pending", FALSE);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  xa_test_iterate ();
  g_assert_finalize_object (fixture->window);
  fixture->window = NULL;
  show_section (fixture, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT);
  g_assert_true (xa_hazards_page_get_draft_offered (fixture->page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.restore-draft", NULL));
  xa_test_iterate ();
  g_assert_false (xa_hazard_form_get_is_new (fixture->form));
  g_assert_true (xa_hazard_form_save (fixture->form, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_REMARKS), ==, "我的备注");
  g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_PLACE), ==, "操场东侧");
}

/* The section at 360 × 720 and in both styles, with a hazard of each state. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *today = xa_date_today_iso ();
  g_autofree char *earlier = dup_days_ago (20);
  /* Each hazard's steps, by the letters s(tart), c(omplete), p(ass), f(ail), x (close). */
  const struct { const char *place, *description; XaHazardCategory category; const char *steps; } hazards[] = {
    { "南校门", "校门电动门失灵，无法关闭", XA_HAZARD_CATEGORY_PROTECTION, "" },
    { "实验楼二楼化学实验室", "通风橱排风扇损坏", XA_HAZARD_CATEGORY_CHEMICALS, "s" },
    { "教学楼三楼东侧配电箱", "配电箱门锁损坏，电线裸露", XA_HAZARD_CATEGORY_ELECTRICITY, "scpx" },
    { "食堂操作间", "燃气软管老化开裂，接头处有异味", XA_HAZARD_CATEGORY_GAS, "scfc" },
  };
  const struct { char letter; XaHazardStep step; XaHazardStepInput input; } steps[] = {
    { 's', XA_HAZARD_STEP_START, { "李主任", today, NULL, NULL } },
    { 'c', XA_HAZARD_STEP_COMPLETE, { "李主任", today, NULL, "已更换软管" } },
    { 'p', XA_HAZARD_STEP_PASS, { "王校长", today, NULL, NULL } },
    { 'f', XA_HAZARD_STEP_FAIL, { "王校长", today, NULL, "接头未加固，仍有异味" } },
    { 'x', XA_HAZARD_STEP_CLOSE, { "测试员", today, NULL, NULL } },
  };
  XaHazardSelection *selection;

  xa_hazard_filters_set_school (xa_hazards_page_get_filters (fixture->page), fixture->school_uuid);
  for (guint i = 0; i < G_N_ELEMENTS (hazards); i++)
    {
      g_autoptr(XaHazard) hazard = add_hazard (fixture, hazards[i].place, hazards[i].description,
                                               i == 0 ? earlier : today, hazards[i].category);

      for (const char *letter = hazards[i].steps; *letter != '\0'; letter++)
        for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
          if (steps[s].letter == *letter)
            {
              g_autoptr(GError) error = NULL;

              g_assert_true (xa_hazard_book_step (fixture->book, hazard, steps[s].step, &steps[s].input, &error));
              g_assert_no_error (error);
            }
    }
  xa_test_iterate ();
  selection = xa_hazard_table_get_selection (xa_hazards_page_get_table (fixture->page));
  xa_hazard_selection_set_selected (selection, 0);
  xa_test_iterate ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazards-1366-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazards-1366-dark");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  xa_test_wait_for_frame (GTK_WIDGET (fixture->window));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazards-360-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazards-360-light");
  g_signal_emit_by_name (xa_hazard_table_get_view (xa_hazards_page_get_table (fixture->page)), "activate", 0);
  xa_test_iterate ();
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazards-360-detail-light");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.new", NULL));
  xa_test_iterate ();
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazards-360-form-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);
  /* Without animations: a toast replaced by the next one would still be sliding out,
   * in libadwaita 1.2, when its window is destroyed at the end of a test, and finish
   * over the widgets of the next test's window. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* The screenshots as the app shows the section: with its style sheet, which
   * AdwApplication loads and a window made without it does not. */
  {
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, "/io/github/xiaoan/Xiaoan/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/hazards/page/loop", Fixture, NULL, fixture_set_up, test_loop, fixture_tear_down);
  g_test_add ("/hazards/page/form", Fixture, NULL, fixture_set_up, test_form, fixture_tear_down);
  g_test_add ("/hazards/page/tab-order", Fixture, NULL, fixture_set_up, test_tab_order, fixture_tear_down);
  g_test_add ("/hazards/page/pick-school", Fixture, NULL, fixture_set_up, test_pick_school, fixture_tear_down);
  g_test_add ("/hazards/page/guard", Fixture, NULL, fixture_set_up, test_guard, fixture_tear_down);
  g_test_add ("/hazards/page/draft", Fixture, NULL, fixture_set_up, test_draft, fixture_tear_down);
  g_test_add ("/hazards/page/search-and-sort", Fixture, NULL, fixture_set_up, test_search_and_sort,
              fixture_tear_down);
  g_test_add ("/hazards/page/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/hazards/page/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/hazards/page/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);

  return g_test_run ();
}
