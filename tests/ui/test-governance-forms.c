/* test-governance-forms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 综治 registers kept from the 综治台账 tab of the real window, over a store in a
 * temporary folder with three demo schools, on 27 October 2021: a dispute's form
 * refused with the field named and nothing saved, then recorded; moved on to 上报 with
 * a petition over the district (越级上访) from its row, and the school on the
 * commission's veto list; a screening round; a guard, a device with its fault and
 * repair, a duty shift and a visitor recorded from their forms, and the tab's lines
 * following each; the key persons restricted for an operator not named for the
 * school, and for one named, added, listed and their file opened, each read in the
 * audit trail. Screenshots for a person to look at when $XA_TEST_SCREENSHOTS names a
 * folder.
 */

#include "config.h"

#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/governance/xa-guard.h"
#include "core/governance/xa-key-person.h"
#include "ui/education/xa-device-fault-form.h"
#include "ui/education/xa-device-form.h"
#include "ui/education/xa-device-repair-form.h"
#include "ui/education/xa-dispute-form.h"
#include "ui/education/xa-dispute-round-form.h"
#include "ui/education/xa-dispute-step-form.h"
#include "ui/education/xa-duty-form.h"
#include "ui/education/xa-education-page.h"
#include "ui/education/xa-governance-view.h"
#include "ui/education/xa-guard-form.h"
#include "ui/education/xa-key-person-form.h"
#include "ui/education/xa-key-person-note-form.h"
#include "ui/education/xa-key-person-window.h"
#include "ui/education/xa-visitor-form.h"
#include "ui/education/xa-guard-update-form.h"
#include "ui/xa-window-private.h"

/* The tests run in Chinese: what the tab says is looked for in the app's own words. */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

typedef struct
{
  XaTestUiFixture   ui;
  XaWindow         *window;
  XaEducationPage  *page;
  XaGovernanceView *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "governance-forms", TRUE, 3);
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "education");
  fixture->page = XA_EDUCATION_PAGE (_xa_window_get_page (fixture->window, "education"));
  fixture->view = xa_test_template_child (fixture->page, XA_TYPE_EDUCATION_PAGE, "governance");
  xa_education_page_set_today (fixture->page, "2021-10-27");
  xa_education_page_set_year (fixture->page, 2021);
  xa_education_page_show_view (fixture->page, "governance");
  xa_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static XaStore *
store (Fixture *fixture)
{
  return xa_workspace_get_store (fixture->ui.workspace);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return xa_test_query_int (store (fixture), sql);
}

/* Until the page's reads and writes in their threads are back. */
static void
wait_for_page (Fixture *fixture)
{
  xa_test_iterate ();
  xa_test_wait_for_boolean (fixture->page, "busy", FALSE);
}

static char *
tab_text (Fixture *fixture)
{
  wait_for_page (fixture);
  return xa_governance_view_dup_text (fixture->view);
}

/* The line of @text that begins with @prefix, or "" when none does. */
static char *
line_of (const char *text,
         const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return g_strdup ("");
}

static void
type_into (gpointer    form,
           GType       type,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (xa_test_template_child (form, type, name)), text);
  xa_test_iterate ();
}

/* Opens a form from the tab by its action and returns it. */
static gpointer
open_form (Fixture    *fixture,
           GType       type,
           const char *action,
           const char *target)
{
  gpointer form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, "s", target));
  xa_test_iterate ();
  form = xa_test_find_toplevel (type);
  g_assert_nonnull (form);
  return form;
}

/* Ctrl+S; the form closes when the core stored its record. */
static void
save (gpointer form,
      GType    type)
{
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (type));
}

static char *
dup_uuid (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(XaStatement) row = xa_store_prepare (store (fixture), sql, NULL);

  g_assert_nonnull (row);
  g_assert_true (xa_statement_step_one (row, NULL));
  return g_strdup (xa_statement_get_text (row, 0));
}

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

/* A dispute refused for a missing field, then recorded; moved on to 上报 with a petition,
 * the school pending on the veto list. */
static void
test_dispute_to_veto (Fixture       *fixture,
                      gconstpointer  data)
{
  GType type = XA_TYPE_DISPUTE_FORM;
  gpointer form;
  GtkLabel *error_label;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_CLEAR);

  form = open_form (fixture, type, "governance.new", "dispute");
  g_assert_cmpstr (gtk_editable_get_text (xa_test_template_child (form, type, "found_on_row")), ==, "2021-10-27");
  type_into (form, type, "parties_row", "家长—班主任");
  type_into (form, type, "description_row", "家长对课后服务收费有异议");
  /* No responsible person: refused with the field named, the form open, nothing saved. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (type) == form);
  error_label = xa_test_template_child (form, type, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), g_dpgettext2 (GETTEXT_PACKAGE, "field", "responsible person")));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM dispute"), ==, 0);
  xa_test_screenshot (GTK_WIDGET (form), "governance-dispute-refused");

  type_into (form, type, "responsible_row", "德育处 李老师");
  save (form, type);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM dispute WHERE state = 'screened'"), ==, 1);
  text = tab_text (fixture);
  g_assert_nonnull (strstr (text, "家长—班主任"));

  /* From its row: 上报, and the petition over the district it led to. */
  uuid = dup_uuid (fixture, "SELECT uuid FROM dispute");
  form = open_form (fixture, XA_TYPE_DISPUTE_STEP_FORM, "governance.step", uuid);
  adw_combo_row_set_selected (xa_test_template_child (form, XA_TYPE_DISPUTE_STEP_FORM, "state_row"), 3);
  gtk_switch_set_active (xa_test_template_child (form, XA_TYPE_DISPUTE_STEP_FORM, "escalated_switch"), TRUE);
  type_into (form, XA_TYPE_DISPUTE_STEP_FORM, "escalated_row", "2021-10-20");
  xa_test_screenshot (GTK_WIDGET (form), "governance-dispute-step");
  save (form, XA_TYPE_DISPUTE_STEP_FORM);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM dispute WHERE state = 'reported' AND escalated = 1"
                                       " AND escalated_on = '2021-10-20'"), ==, 1);
  g_clear_pointer (&text, g_free);
  text = tab_text (fixture);
  g_assert_nonnull (strstr (text, "2021-10-20"));
  g_assert_cmpuint (xa_governance_view_get_n_unjudged (fixture->view), ==, 1);
  g_assert_cmpint (veto_state (fixture), ==, XA_VETO_STATE_PENDING);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "governance-tab");

  /* A screening round. */
  form = open_form (fixture, XA_TYPE_DISPUTE_ROUND_FORM, "governance.new", "round");
  type_into (form, XA_TYPE_DISPUTE_ROUND_FORM, "scope_row", "全校各班级及周边");
  save (form, XA_TYPE_DISPUTE_ROUND_FORM);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM dispute_round WHERE held_on = '2021-10-27'"), ==, 1);
}

/* The tab's line of the school's guards, as core counts them on the day. */
static char *
guards_line (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = xa_guard_check (store (fixture), xa_education_page_get_school_uuid (fixture->page), 2021,
                                                "2021-10-27", &error);
  XaGuardCheck *check;

  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 1);
  check = g_ptr_array_index (checks, 0);
  if (check->required < 0)
    return g_strdup_printf (T ("%d full-time guards, %d of them trained; the school's headcount is not recorded"),
                            check->full_time, check->trained);
  return g_strdup_printf (T ("%d trained full-time guards of %d required for %d people"), check->trained,
                          check->required, check->people);
}

/* A guard, a device with its fault and repair, a duty shift and a visitor: the tab's
 * lines follow each. */
static void
test_registers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = tab_text (fixture);
  g_autofree char *uuid = NULL;
  g_autofree char *visitor = NULL;
  g_autofree char *guards = g_strdup_printf ("%s: ", T ("Guards"));
  g_autofree char *guards_before = line_of (before, guards);
  g_autofree char *guards_after = NULL;
  g_autofree char *counted = guards_line (fixture);
  g_autofree char *fault = g_strdup_printf (T ("%s, reported on %s, not repaired"), "报警按钮无响应", "2021-10-27");
  g_autofree char *uncovered_before = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day of the year so far without a duty shift",
                                                                    "%u days of the year so far without a duty shift", 57), 57);
  g_autofree char *uncovered_after = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day of the year so far without a duty shift",
                                                                   "%u days of the year so far without a duty shift", 56), 56);
  g_autofree char *no_visitor = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visitor registered at the gate this school year",
                                                              "%d visitors registered at the gate this school year", 0), 0);
  g_autofree char *one_visitor = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visitor registered at the gate this school year",
                                                               "%d visitors registered at the gate this school year", 1), 1);
  g_autofree char *inside = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d not signed out yet", "%d not signed out yet", 1), 1);
  char *text;
  gpointer form;

  /* The guards as core counts them, none trained yet. */
  g_assert_true (g_str_has_suffix (guards_before, counted));
  g_assert_nonnull (strstr (before, T ("No security device recorded")));
  g_assert_nonnull (strstr (before, no_visitor));

  form = open_form (fixture, XA_TYPE_GUARD_FORM, "governance.new", "guard");
  type_into (form, XA_TYPE_GUARD_FORM, "name_row", "保安甲（演示）");
  type_into (form, XA_TYPE_GUARD_FORM, "employed_row", "2021-9-1");
  type_into (form, XA_TYPE_GUARD_FORM, "trained_row", "2021-9-15");
  save (form, XA_TYPE_GUARD_FORM);
  text = tab_text (fixture);
  guards_after = line_of (text, guards);
  g_free (counted);
  counted = guards_line (fixture);
  g_assert_true (g_str_has_suffix (guards_after, counted));
  g_assert_cmpstr (guards_after, !=, guards_before);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM guard WHERE full_time = 1 AND trained_on = '2021-09-15'"
                                       " AND employed_on = '2021-09-01'"), ==, 1);
  g_free (text);

  /* The guard leaves, from their row: a day before they were employed refused, the form
   * kept; then closed, and the line is as before. */
  uuid = dup_uuid (fixture, "SELECT uuid FROM guard");
  form = open_form (fixture, XA_TYPE_GUARD_UPDATE_FORM, "governance.guard", uuid);
  g_assert_false (gtk_widget_get_sensitive (xa_test_template_child (form, XA_TYPE_GUARD_UPDATE_FORM, "trained_row")));
  type_into (form, XA_TYPE_GUARD_UPDATE_FORM, "left_row", "2021-08-01");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (form), GDK_KEY_s, GDK_CONTROL_MASK));
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (XA_TYPE_GUARD_UPDATE_FORM) == form);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM guard WHERE left_on IS NOT NULL"), ==, 0);
  type_into (form, XA_TYPE_GUARD_UPDATE_FORM, "left_row", "2021-10-20");
  save (form, XA_TYPE_GUARD_UPDATE_FORM);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM guard WHERE left_on = '2021-10-20'"), ==, 1);
  text = tab_text (fixture);
  g_free (guards_after);
  guards_after = line_of (text, guards);
  g_assert_cmpstr (guards_after, ==, guards_before);
  g_assert_null (strstr (text, "保安甲（演示）"));
  g_free (text);
  g_clear_pointer (&uuid, g_free);

  form = open_form (fixture, XA_TYPE_DEVICE_FORM, "governance.new", "device");
  adw_combo_row_set_selected (xa_test_template_child (form, XA_TYPE_DEVICE_FORM, "kind_row"), 1);
  type_into (form, XA_TYPE_DEVICE_FORM, "place_row", "南门门卫室");
  gtk_switch_set_active (xa_test_template_child (form, XA_TYPE_DEVICE_FORM, "police_switch"), TRUE);
  save (form, XA_TYPE_DEVICE_FORM);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM security_device WHERE kind = 'alarm'"
                                       " AND police_linked = 1 AND state = 'working'"), ==, 1);
  text = tab_text (fixture);
  g_assert_nonnull (strstr (text, "南门门卫室"));
  g_free (text);

  uuid = dup_uuid (fixture, "SELECT uuid FROM security_device");
  form = open_form (fixture, XA_TYPE_DEVICE_FAULT_FORM, "governance.device", uuid);
  type_into (form, XA_TYPE_DEVICE_FAULT_FORM, "fault_row", "报警按钮无响应");
  save (form, XA_TYPE_DEVICE_FAULT_FORM);
  text = tab_text (fixture);
  g_assert_nonnull (strstr (text, fault));
  g_free (text);
  form = open_form (fixture, XA_TYPE_DEVICE_REPAIR_FORM, "governance.device", uuid);
  type_into (form, XA_TYPE_DEVICE_REPAIR_FORM, "repaired_by_row", "维保公司");
  save (form, XA_TYPE_DEVICE_REPAIR_FORM);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM security_device WHERE state = 'working'"), ==, 1);
  text = tab_text (fixture);
  g_assert_null (strstr (text, fault));
  g_free (text);

  form = open_form (fixture, XA_TYPE_DUTY_FORM, "governance.new", "duty");
  type_into (form, XA_TYPE_DUTY_FORM, "leader_row", "王校长");
  type_into (form, XA_TYPE_DUTY_FORM, "on_duty_row", "张老师、保安甲");
  save (form, XA_TYPE_DUTY_FORM);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM duty_shift WHERE duty_on = '2021-10-27'"), ==, 1);
  text = tab_text (fixture);
  /* 1 September to 27 October are 57 days; one has a shift now. */
  g_assert_nonnull (strstr (before, uncovered_before));
  g_assert_nonnull (strstr (text, uncovered_after));
  g_free (text);

  form = open_form (fixture, XA_TYPE_VISITOR_FORM, "governance.new", "visitor");
  type_into (form, XA_TYPE_VISITOR_FORM, "arrived_row", "2021-10-27 09:30");
  type_into (form, XA_TYPE_VISITOR_FORM, "name_row", "访客乙（演示）");
  type_into (form, XA_TYPE_VISITOR_FORM, "purpose_row", "送教材");
  type_into (form, XA_TYPE_VISITOR_FORM, "host_row", "教务处");
  save (form, XA_TYPE_VISITOR_FORM);
  text = tab_text (fixture);
  g_assert_nonnull (strstr (text, one_visitor));
  g_assert_nonnull (strstr (text, inside));
  g_assert_nonnull (strstr (text, "访客乙（演示）"));
  g_free (text);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "governance-registers");

  /* Signed out at the gate from the visitor's row: stored with the time, no longer inside. */
  visitor = xa_test_query_text (xa_workspace_get_store (fixture->ui.workspace), "SELECT uuid FROM visitor");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "governance.leave", "s", visitor));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM visitor WHERE left_at IS NOT NULL"), ==, 1);
  text = tab_text (fixture);
  g_assert_nonnull (strstr (text, one_visitor));
  g_assert_null (strstr (text, inside));
  g_assert_null (strstr (text, "访客乙（演示）"));
  g_free (text);
}

static XaKeyPersonWindow *
open_key_persons (Fixture *fixture)
{
  XaKeyPersonWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "governance.key-persons", NULL));
  window = xa_test_find_toplevel (XA_TYPE_KEY_PERSON_WINDOW);
  g_assert_nonnull (window);
  return window;
}

static void
wait_for (XaKeyPersonWindow *window)
{
  xa_test_iterate ();
  while (xa_key_person_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
}

/* Restricted for an operator not named for the school, with no read audited; for one
 * named, a key person added, listed and the file opened, each read audited. */
static void
test_key_persons (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *school = xa_education_page_get_school_uuid (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *text = NULL;
  XaKeyPersonWindow *window;
  gpointer form;

  xa_store_set_operator (store (fixture), "王老师");
  window = open_key_persons (fixture);
  wait_for (window);
  g_assert_true (xa_key_person_window_get_restricted (window));
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (window, XA_TYPE_KEY_PERSON_WINDOW, "add_button")));
  xa_test_screenshot (GTK_WIDGET (window), "governance-key-persons-restricted");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'key-person.read'"), ==, 0);

  g_assert_true (xa_key_person_name_staff (store (fixture), school, "张主任", &error));
  g_assert_no_error (error);
  xa_store_set_operator (store (fixture), "张主任");
  window = open_key_persons (fixture);
  wait_for (window);
  g_assert_false (xa_key_person_window_get_restricted (window));

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK));
  xa_test_iterate ();
  form = xa_test_find_toplevel (XA_TYPE_KEY_PERSON_FORM);
  g_assert_nonnull (form);
  type_into (form, XA_TYPE_KEY_PERSON_FORM, "name_row", "虚构学生甲（演示）");
  type_into (form, XA_TYPE_KEY_PERSON_FORM, "reason_row", "情绪波动，需持续关注");
  save (form, XA_TYPE_KEY_PERSON_FORM);
  wait_for (window);
  text = xa_key_person_window_dup_text (window);
  g_assert_nonnull (strstr (text, "虚构学生甲（演示）"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'key-person.read'"
                                       " AND detail LIKE '%list%'"), ==, 1);

  uuid = dup_uuid (fixture, "SELECT uuid FROM key_person");
  xa_key_person_window_open_file (window, uuid);
  wait_for (window);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'key-person.read'"
                                       " AND detail LIKE '%file%'"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "key-persons.add-note", NULL));
  xa_test_iterate ();
  form = xa_test_find_toplevel (XA_TYPE_KEY_PERSON_NOTE_FORM);
  g_assert_nonnull (form);
  type_into (form, XA_TYPE_KEY_PERSON_NOTE_FORM, "content_row", "班主任谈心，情绪平稳");
  save (form, XA_TYPE_KEY_PERSON_NOTE_FORM);
  wait_for (window);
  g_clear_pointer (&text, g_free);
  text = xa_key_person_window_dup_text (window);
  g_assert_nonnull (strstr (text, "班主任谈心，情绪平稳"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'key-person.read'"
                                       " AND detail LIKE '%file%'"), ==, 2);
  xa_test_screenshot (GTK_WIDGET (window), "governance-key-person-file");
  gtk_window_destroy (GTK_WINDOW (window));

  /* Never in the tab. */
  g_clear_pointer (&text, g_free);
  text = tab_text (fixture);
  g_assert_null (strstr (text, "虚构学生甲"));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/governance-forms/dispute-to-veto", Fixture, NULL, fixture_set_up, test_dispute_to_veto,
              fixture_tear_down);
  g_test_add ("/xa/governance-forms/registers", Fixture, NULL, fixture_set_up, test_registers, fixture_tear_down);
  g_test_add ("/xa/governance-forms/key-persons", Fixture, NULL, fixture_set_up, test_key_persons,
              fixture_tear_down);

  return g_test_run ();
}
