/* test-school-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's people and terms in the real window, as a user works with them: a person's
 * row opens the person to correct (the phone saved, in the database and the audit trail)
 * or to remove (refused, with the reason, while they hold a term); a term's row opens
 * the term to end without a successor; the notes typed show in the rows, and phones in
 * one format.
 */

#include "config.h"

#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/registry/xa-school-registry.h"
#include "ui/xa-person-dialog.h"
#include "ui/xa-school-detail.h"
#include "ui/xa-school-people.h"
#include "ui/xa-schools-page.h"
#include "ui/xa-term-dialog.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture   ui;
  XaSchoolRegistry *registry;     /* the workspace's */
  XaWindow         *window;
  XaSchoolPeople   *people;
  XaPerson         *wang;         /* 第一责任人 since 2021-09-01 */
  XaPerson         *zhao;         /* 法治辅导员 since 2021-09-01, with a note */
  XaPerson         *chen;         /* no term */
} Fixture;

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static XaPerson *
add_person (Fixture    *fixture,
            const char *school_uuid,
            const char *name,
            const char *phone,
            const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPerson) person = xa_person_new (school_uuid, name);

  xa_person_set_title (person, "教师");
  xa_person_set_phone (person, phone);
  xa_person_set_note (person, note);
  xa_school_registry_add_person (fixture->registry, person, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&person);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  GtkWidget *page;
  GtkWidget *detail;
  const char *uuid;

  xa_test_ui_fixture_set_up (&fixture->ui, "school-people", FALSE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);

  xa_organisation_set_name (school, "示例区实验小学");
  xa_organisation_set_code (school, "2150000001");
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  xa_organisation_set_stages (school, "primary");
  xa_school_registry_add_school (fixture->registry, school, &error);
  g_assert_no_error (error);
  uuid = xa_organisation_get_uuid (school);

  /* A phone stored before phones were written one way, as an import left it. */
  fixture->wang = add_person (fixture, uuid, "王建国", "13800007750", NULL);
  g_assert_true (xa_store_exec (fixture->ui.store,
                                "UPDATE person SET phone = '13800007750' WHERE name = '王建国'", &error));
  fixture->zhao = add_person (fixture, uuid, "赵敏", "", "派出所民警，每学期到校两次");
  fixture->chen = add_person (fixture, uuid, "陈静", "", NULL);
  xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (fixture->wang),
                                  XA_ROLE_KIND_FIRST_RESPONSIBLE, "2021-09-01", NULL, &error);
  g_assert_no_error (error);
  xa_school_registry_assign_role (fixture->registry, uuid, xa_person_get_uuid (fixture->zhao),
                                  XA_ROLE_KIND_LEGAL_COUNSELLOR, "2021-09-01", "聘书 2021-07 号",
                                  &error);
  g_assert_no_error (error);

  /* The window shows the first school, with its people. */
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, 0, 0, "schools");
  page = _xa_window_get_page (fixture->window, "schools");
  detail = child (page, XA_TYPE_SCHOOLS_PAGE, "detail");
  fixture->people = XA_SCHOOL_PEOPLE (child (detail, XA_TYPE_SCHOOL_DETAIL, "people"));
  g_assert_nonnull (xa_school_people_get_people (fixture->people));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->wang);
  g_clear_object (&fixture->zhao);
  g_clear_object (&fixture->chen);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

/* The row of the list @list_name whose title starts with @title, as the user sees it. */
static AdwActionRow *
find_row (Fixture    *fixture,
          const char *list_name,
          const char *title)
{
  GtkWidget *list = child (fixture->people, XA_TYPE_SCHOOL_PEOPLE, list_name);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row) &&
          g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title))
        return ADW_ACTION_ROW (row);
    }

  g_error ("No row “%s” in %s", title, list_name);
}

/* Opens a row as a click or Enter does, and returns the dialog it opened. */
static gpointer
open_row (Fixture    *fixture,
          const char *list_name,
          const char *title,
          GType       dialog_type)
{
  AdwActionRow *row = find_row (fixture, list_name, title);
  gpointer dialog;

  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_widget_activate (GTK_WIDGET (row));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (dialog_type);
  g_assert_nonnull (dialog);

  return dialog;
}

/* The message dialog that shows, other than @except's kind. */
static AdwMessageDialog *
find_message (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_OBJECT_TYPE (l->data) == ADW_TYPE_MESSAGE_DIALOG && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gint64
count_audit (Fixture    *fixture,
             const char *action,
             const char *detail_part)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = '%s'"
                                          " AND operator = '测试员' AND detail LIKE '%%%s%%'",
                                          action, detail_part);

  return xa_test_query_int (fixture->ui.store, sql);
}

/* Phones show one way whatever way they were stored; notes show in their rows. */
static void
test_rows_shown (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *wang = adw_action_row_get_subtitle (find_row (fixture, "people_list", "王建国"));
  const char *zhao = adw_action_row_get_subtitle (find_row (fixture, "people_list", "赵敏"));
  const char *term = adw_action_row_get_subtitle (find_row (fixture, "roles_list",
                                                            xa_role_kind_to_label (XA_ROLE_KIND_LEGAL_COUNSELLOR)));

  g_assert_nonnull (strstr (wang, "138 0000 7750"));
  g_assert_nonnull (strstr (zhao, "\n"));
  g_assert_nonnull (strstr (zhao, "派出所民警，每学期到校两次"));
  g_assert_nonnull (strstr (term, "聘书 2021-07 号"));
}

/* A phone corrected through the person's dialog is in the database and the audit trail,
 * and in the row. */
static void
test_edit_phone (Fixture       *fixture,
                 gconstpointer  data)
{
  XaPersonDialog *dialog = open_row (fixture, "people_list", "王建国", XA_TYPE_PERSON_DIALOG);
  g_autofree char *phone = NULL;

  /* The dialog shows the person as they are. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, XA_TYPE_PERSON_DIALOG, "name_row"))),
                   ==, "王建国");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, XA_TYPE_PERSON_DIALOG, "title_row"))),
                   ==, "教师");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, XA_TYPE_PERSON_DIALOG, "phone_row")),
                         "023 68881234");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, XA_TYPE_PERSON_DIALOG, "note_row")),
                         "兼任安全办主任");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  xa_test_iterate ();

  phone = xa_test_query_text (fixture->ui.store, "SELECT phone FROM person WHERE name = '王建国'");
  g_assert_cmpstr (phone, ==, "023-6888 1234");
  g_assert_cmpint (count_audit (fixture, "person.update", "\"new\":\"023-6888 1234\""), ==, 1);
  g_assert_cmpint (count_audit (fixture, "person.update", "兼任安全办主任"), ==, 1);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (find_row (fixture, "people_list", "王建国")),
                            "023-6888 1234"));
  g_assert_null (find_message ());
}

/* A term ended on a day without a successor is in the database and the audit trail. */
static void
test_end_term (Fixture       *fixture,
               gconstpointer  data)
{
  const char *label = xa_role_kind_to_label (XA_ROLE_KIND_LEGAL_COUNSELLOR);
  XaTermDialog *dialog = open_row (fixture, "roles_list", label, XA_TYPE_TERM_DIALOG);
  GtkEditable *until = GTK_EDITABLE (child (dialog, XA_TYPE_TERM_DIALOG, "until_row"));
  g_autofree char *stored = NULL;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, XA_TYPE_TERM_DIALOG, "since_row"))),
                   ==, "2021-09-01");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (until)));

  /* Not a day: the term cannot be ended. */
  gtk_editable_set_text (until, "2023-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "end"));
  gtk_editable_set_text (until, "2023-8-31");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "end"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "end");
  xa_test_iterate ();

  stored = xa_test_query_text (fixture->ui.store,
                               "SELECT until FROM role_term WHERE role = 'legal-counsellor'");
  g_assert_cmpstr (stored, ==, "2023-08-31");
  g_assert_cmpint (count_audit (fixture, "role.end", "\"until\":\"2023-08-31\""), ==, 1);
  g_assert_null (find_message ());

  /* The ended term is offered no end again. */
  dialog = open_row (fixture, "roles_list", label, XA_TYPE_TERM_DIALOG);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "end"));
  g_assert_false (gtk_widget_get_visible (child (dialog, XA_TYPE_TERM_DIALOG, "until_row")));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  xa_test_iterate ();
}

/* Removing a person who holds a term is refused with the reason, and removes nothing;
 * one without a term goes once the removal is confirmed. */
static void
test_remove_person (Fixture       *fixture,
                    gconstpointer  data)
{
  XaPersonDialog *dialog = open_row (fixture, "people_list", "王建国", XA_TYPE_PERSON_DIALOG);
  AdwMessageDialog *message;
  g_autofree char *before = xa_test_fingerprint (fixture->ui.store);
  g_autofree char *after = NULL;
  GListModel *people;

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  xa_test_iterate ();
  message = find_message ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "王建国"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "2021-09-01"));
  g_assert_false (adw_message_dialog_has_response (message, "confirm"));
  adw_message_dialog_response (message, "close");
  xa_test_iterate ();
  after = xa_test_fingerprint (fixture->ui.store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (xa_school_people_get_people (fixture->people)), ==, 3);

  /* 陈静 holds no term: asked, then removed. */
  dialog = open_row (fixture, "people_list", "陈静", XA_TYPE_PERSON_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  xa_test_iterate ();
  message = find_message ();
  g_assert_nonnull (message);
  g_assert_true (adw_message_dialog_has_response (message, "confirm"));
  adw_message_dialog_response (message, "confirm");
  xa_test_iterate ();

  people = xa_school_people_get_people (fixture->people);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_cmpint (xa_test_query_int (fixture->ui.store,
                                      "SELECT count(*) FROM person WHERE name = '陈静'"
                                      " AND removed_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (count_audit (fixture, "person.remove", "陈静"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xa/school-people/rows-shown", test_rows_shown);
  ADD ("/xa/school-people/edit-phone", test_edit_phone);
  ADD ("/xa/school-people/end-term", test_end_term);
  ADD ("/xa/school-people/remove-person", test_remove_person);
#undef ADD

  return g_test_run ();
}
