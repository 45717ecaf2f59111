/* test-checklist-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the commission sets for inspections, from the 检查 section of the real window
 * over a store in a temporary folder, three demo schools, on 27 October 2021: a
 * checklist's item retyped, moved with Alt+Down and saved, read back through the core;
 * an empty item refused with its message and nothing stored; 恢复默认 bringing back the
 * shipped list; a school's operator seeing the lists without a way to store them; the
 * school calendar's first semester moved, the plan and the missed inspections following
 * it, and a date that is no date refused. Screenshots for a person to look at when
 * $XA_TEST_SCREENSHOTS names a folder.
 */

#include "config.h"

#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/inspections/xa-checklist-editor.h"
#include "ui/inspections/xa-inspections-page.h"
#include "ui/inspections/xa-school-calendar-editor.h"
#include "ui/xa-application.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture    ui;
  XaInspectionBook  *book;   /* the workspace's */
  XaWindow          *window;
  XaInspectionsPage *page;
} Fixture;

static void
set_role (const char *role)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  g_settings_set_string (settings, "operator-role", role);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_role ("commission");
  xa_test_ui_fixture_set_up (&fixture->ui, "checklist-editor", TRUE, 3);
  fixture->book = xa_workspace_get_inspections (fixture->ui.workspace);
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "inspections");
  fixture->page = XA_INSPECTIONS_PAGE (_xa_window_get_page (fixture->window, "inspections"));
  xa_inspections_page_set_today (fixture->page, "2021-10-27");
  xa_inspections_page_set_year (fixture->page, 2021);
  xa_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *editor;

  /* Whatever a test left open goes without asking. */
  while ((editor = xa_test_find_toplevel (XA_TYPE_CHECKLIST_EDITOR)) != NULL ||
         (editor = xa_test_find_toplevel (XA_TYPE_SCHOOL_CALENDAR_EDITOR)) != NULL)
    gtk_window_destroy (editor);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
  set_role ("school");
}

static void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  xa_test_iterate ();
}

/* The checklist of @area as the core reads it now. */
static XaChecklist *
dup_stored (Fixture    *fixture,
            const char *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = xa_inspection_book_dup_checklists (fixture->book, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < checklists->len; i++)
    {
      XaChecklist *checklist = g_ptr_array_index (checklists, i);

      if (g_str_equal (xa_checklist_get_area (checklist), area))
        return g_object_ref (checklist);
    }
  g_assert_not_reached ();
}

static char *
dup_json (XaChecklist *checklist)
{
  g_autoptr(JsonNode) node = xa_checklist_to_json (checklist);

  return json_to_string (node, FALSE);
}

static gpointer
open_editor (Fixture    *fixture,
             const char *action,
             GType       type)
{
  gpointer editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  xa_test_iterate ();
  editor = xa_test_find_toplevel (type);
  g_assert_nonnull (editor);
  return editor;
}

/* Whether the editor's button @name may be pressed: it follows its action. */
static gboolean
action_enabled (gpointer    editor,
                const char *name)
{
  return gtk_widget_get_sensitive (xa_test_template_child (editor, XA_TYPE_CHECKLIST_EDITOR, name));
}

static void
test_checklist (Fixture       *fixture,
                gconstpointer  data)
{
  XaChecklistEditor *editor;
  GtkWidget *error_label;
  g_autoptr(XaChecklist) shipped = dup_stored (fixture, "fire");
  g_autoptr(XaChecklist) stored = NULL;
  g_autofree char *shipped_json = dup_json (shipped);
  g_autofree char *stored_json = NULL;
  g_autofree char *second = g_strdup (xa_checklist_get_item_text (shipped, 1));
  AdwMessageDialog *dialog;

  g_assert_true (xa_checklist_get_is_default (shipped));

  editor = open_editor (fixture, "inspections.checklists", XA_TYPE_CHECKLIST_EDITOR);
  error_label = xa_test_template_child (editor, XA_TYPE_CHECKLIST_EDITOR, "error_label");
  g_assert_true (xa_checklist_editor_select_area (editor, "fire"));
  xa_test_iterate ();
  g_assert_false (action_enabled (editor, "save_button"));
  g_assert_false (action_enabled (editor, "reset_button"));

  /* The first item retyped, then moved below the second from the keyboard. */
  type_into (xa_checklist_editor_get_item_entry (editor, 0), "灭火器每月检查一次，压力正常");
  g_assert_true (xa_checklist_editor_get_dirty (editor));
  gtk_widget_grab_focus (xa_checklist_editor_get_item_entry (editor, 0));
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xa_checklist_editor_get_item_entry (editor, 1))), ==,
                   "灭火器每月检查一次，压力正常");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (xa_checklist_editor_get_dirty (editor));
  /* The rows are read again; the focus stays with the item moved. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)),
                                         xa_checklist_editor_get_item_entry (editor, 1)));

  stored = dup_stored (fixture, "fire");
  g_assert_false (xa_checklist_get_is_default (stored));
  g_assert_cmpuint (xa_checklist_get_n_items (stored), ==, xa_checklist_get_n_items (shipped));
  g_assert_cmpstr (xa_checklist_get_item_text (stored, 0), ==, second);
  g_assert_cmpstr (xa_checklist_get_item_text (stored, 1), ==, "灭火器每月检查一次，压力正常");
  g_assert_true (action_enabled (editor, "reset_button"));
  xa_test_screenshot (GTK_WIDGET (editor), "checklist-editor");

  /* An item left empty: refused, named, in focus; the store keeps what it had. */
  stored_json = dup_json (stored);
  type_into (xa_checklist_editor_get_item_entry (editor, 2), "   ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "checklists.save", NULL));
  xa_test_iterate ();
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "消防"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "3"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)),
                                         xa_checklist_editor_get_item_entry (editor, 2)) ||
                 gtk_window_get_focus (GTK_WINDOW (editor)) == xa_checklist_editor_get_item_entry (editor, 2));
  g_clear_object (&stored);
  stored = dup_stored (fixture, "fire");
  {
    g_autofree char *json = dup_json (stored);

    g_assert_cmpstr (json, ==, stored_json);
  }
  xa_test_screenshot (GTK_WIDGET (editor), "checklist-editor-refused");

  /* 恢复默认, confirmed: the shipped list again, the edit dropped. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "checklists.reset", NULL));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "confirm");
  xa_test_iterate ();
  g_clear_object (&stored);
  stored = dup_stored (fixture, "fire");
  g_assert_true (xa_checklist_get_is_default (stored));
  {
    g_autofree char *json = dup_json (stored);

    g_assert_cmpstr (json, ==, shipped_json);
  }
  g_assert_false (xa_checklist_editor_get_dirty (editor));
  g_assert_false (action_enabled (editor, "reset_button"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (xa_checklist_editor_get_item_entry (editor, 0))), ==,
                   xa_checklist_get_item_text (shipped, 0));

  /* Closing with an edit asks first; discarded, the shipped list stays. */
  type_into (xa_checklist_editor_get_item_entry (editor, 0), "未保存的修改");
  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  g_assert_nonnull (xa_test_find_toplevel (XA_TYPE_CHECKLIST_EDITOR));
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_CHECKLIST_EDITOR));
  g_clear_object (&stored);
  stored = dup_stored (fixture, "fire");
  g_assert_true (xa_checklist_get_is_default (stored));
}

/* Nothing unsaved: the window closes without asking. */
static void
close_editor (gpointer editor)
{
  GType type = G_OBJECT_TYPE (editor);

  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (type));
}

static void
test_checklist_read_only (Fixture       *fixture,
                          gconstpointer  data)
{
  XaChecklistEditor *editor;
  GtkWidget *entry;

  set_role ("school");
  editor = open_editor (fixture, "inspections.checklists", XA_TYPE_CHECKLIST_EDITOR);
  entry = xa_checklist_editor_get_item_entry (editor, 0);
  g_assert_nonnull (entry);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (editor, XA_TYPE_CHECKLIST_EDITOR, "save_button")));
  g_assert_true (gtk_widget_get_visible (xa_test_template_child (editor, XA_TYPE_CHECKLIST_EDITOR, "read_only_label")));
  g_assert_false (action_enabled (editor, "save_button"));
  g_assert_false (xa_checklist_editor_get_dirty (editor));
  close_editor (editor);
}

static const char *
school_uuid (Fixture *fixture)
{
  const char *uuid = xa_inspections_page_get_school_uuid (fixture->page);

  g_assert_nonnull (uuid);
  return uuid;
}

/* The days of the plan's first slot of @kind. */
static void
slot_days (Fixture        *fixture,
           XaPlanSlotKind  kind,
           GDate          *from)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspectionPlan) plan = xa_inspection_book_dup_plan (fixture->book, school_uuid (fixture), 2021,
                                                                  "2021-10-27", &error);
  GListModel *slots;

  g_assert_no_error (error);
  slots = xa_inspection_plan_get_slots (plan);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(XaPlanSlot) slot = g_list_model_get_item (slots, i);

      if (xa_plan_slot_get_kind (slot) == kind)
        {
          g_date_set_parse (from, xa_plan_slot_get_from (slot));
          g_assert_true (g_date_valid (from));
          return;
        }
    }
  g_assert_not_reached ();
}

static guint
count_missed (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missed = xa_inspection_book_list_missed (fixture->book, NULL, 2021, "2021-10-27", &error);

  g_assert_no_error (error);
  return missed->len;
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  XaSchoolCalendarEditor *editor;
  GtkWidget *error_label;
  GListModel *missed = xa_inspections_page_get_missed (fixture->page);
  g_autoptr(XaSchoolCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  guint n_missed = count_missed (fixture);
  GDate before;
  GDate after;

  g_assert_cmpuint (g_list_model_get_n_items (missed), ==, n_missed);
  slot_days (fixture, XA_PLAN_SLOT_SEMESTER_START, &before);

  editor = open_editor (fixture, "inspections.calendar", XA_TYPE_SCHOOL_CALENDAR_EDITOR);
  g_assert_cmpint (xa_school_calendar_editor_get_year (editor), ==, 2021);
  error_label = xa_test_template_child (editor, XA_TYPE_SCHOOL_CALENDAR_EDITOR, "error_label");
  g_assert_cmpstr (gtk_editable_get_text (xa_test_template_child (editor, XA_TYPE_SCHOOL_CALENDAR_EDITOR,
                                                                  "start_row_0")), ==, "2021-09-01");

  /* A date that is no date: named, nothing stored. */
  type_into (xa_test_template_child (editor, XA_TYPE_SCHOOL_CALENDAR_EDITOR, "end_row_0"), "2022-13-45");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "第一学期"));
  calendar = xa_inspection_book_dup_calendar (fixture->book, 2021, &error);
  g_assert_no_error (error);
  g_assert_true (xa_school_calendar_get_is_default (calendar));
  g_clear_object (&calendar);
  xa_test_screenshot (GTK_WIDGET (editor), "calendar-editor-refused");

  /* The first semester starts twelve days later, written as people write it. */
  type_into (xa_test_template_child (editor, XA_TYPE_SCHOOL_CALENDAR_EDITOR, "end_row_0"), "2022-01-20");
  type_into (xa_test_template_child (editor, XA_TYPE_SCHOOL_CALENDAR_EDITOR, "start_row_0"), "2021-9-13");
  g_assert_true (xa_school_calendar_editor_get_dirty (editor));
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (xa_school_calendar_editor_get_dirty (editor));

  calendar = xa_inspection_book_dup_calendar (fixture->book, 2021, &error);
  g_assert_no_error (error);
  g_assert_false (xa_school_calendar_get_is_default (calendar));
  g_assert_cmpstr (xa_school_calendar_get_semester_start (calendar, 0), ==, "2021-09-13");
  g_assert_cmpstr (xa_school_calendar_get_semester_end (calendar, 0), ==, "2022-01-20");

  /* The plan follows: its check before the semester twelve days later, fewer weeks
   * missed, and the section's list as the core counts it. */
  slot_days (fixture, XA_PLAN_SLOT_SEMESTER_START, &after);
  g_assert_cmpint (g_date_days_between (&before, &after), ==, 12);
  g_assert_cmpuint (count_missed (fixture), <, n_missed);
  g_assert_cmpuint (g_list_model_get_n_items (missed), ==, count_missed (fixture));
  xa_test_screenshot (GTK_WIDGET (editor), "calendar-editor");

  close_editor (editor);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/checklist-editor/edit-refuse-reset", Fixture, NULL, fixture_set_up, test_checklist,
              fixture_tear_down);
  g_test_add ("/xa/checklist-editor/read-only", Fixture, NULL, fixture_set_up, test_checklist_read_only,
              fixture_tear_down);
  g_test_add ("/xa/checklist-editor/calendar", Fixture, NULL, fixture_set_up, test_calendar,
              fixture_tear_down);

  return g_test_run ();
}
