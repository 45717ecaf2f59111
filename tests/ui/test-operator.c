/* test-operator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who works with the app is asked on first use, before anything is written, and the name
 * given is the operator of every audit entry from then on: never the computer's account.
 * The application itself is started (registered and activated, as a launch does) on a
 * data folder of the test's own.
 */

#include "config.h"

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-application.h"
#include "ui/xa-operator-dialog.h"

typedef struct
{
  char          *data_dir;
  GSettings     *settings;
  XaApplication *app;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("xiaoan-test-operator-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XIAOAN_DATA_DIR", fixture->data_dir, TRUE);
  g_unsetenv ("XIAOAN_DATABASE");

  fixture->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_settings_set_string (fixture->settings, "operator-name", data ? data : "");

  fixture->app = xa_application_new (APP_ID);
  /* The test owns its one instance, whatever else runs on the session bus. */
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->app));
  g_clear_object (&fixture->settings);

  xa_test_remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

typedef struct
{
  Fixture *fixture;
  void   (*steps) (Fixture *fixture);
} Run;

/* The test's steps run in the application's own main loop once it has been activated,
 * as a launch activates it; then the app quits as its menu's 退出 does. */
static gboolean
run_steps_cb (gpointer user_data)
{
  Run *run = user_data;

  run->steps (run->fixture);
  g_action_group_activate_action (G_ACTION_GROUP (run->fixture->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  g_idle_add (run_steps_cb, run);
}

static void
run_app (Fixture  *fixture,
         void    (*steps) (Fixture *fixture))
{
  Run run = { fixture, steps };
  char *argv[] = { (char *) "xiaoan", NULL };

  g_signal_connect_after (fixture->app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 1, argv), ==, 0);
}

static XaStore *
get_store (Fixture *fixture)
{
  XaWorkspace *workspace = xa_application_get_workspace (fixture->app);

  g_assert_nonnull (workspace);
  return xa_workspace_get_store (workspace);
}

/* The first audit entries of a fresh database (its defaults) and the later ones. */
static void
assert_every_entry_by (Fixture    *fixture,
                       const char *operator_name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE operator <> '%s'",
                                          operator_name);

  g_assert_cmpint (xa_test_query_int (get_store (fixture), "SELECT count(*) FROM audit"), >, 0);
  g_assert_cmpint (xa_test_query_int (get_store (fixture), sql), ==, 0);
}

/* Without a name in the preferences, the app asks before it opens the database; the
 * name typed is kept, and it is the operator of what is written from the start. */
static void
first_use_steps (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autofree char *kept = NULL;
  XaOperatorDialog *dialog;

  xa_test_iterate ();
  dialog = xa_test_find_toplevel (XA_TYPE_OPERATOR_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_null (xa_application_get_workspace (fixture->app));
  g_assert_null (xa_test_find_toplevel (XA_TYPE_WINDOW));

  /* No name, no going on. */
  xa_operator_dialog_set_name (dialog, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  xa_operator_dialog_set_name (dialog, " 李明 ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  xa_test_iterate ();

  kept = g_settings_get_string (fixture->settings, "operator-name");
  g_assert_cmpstr (kept, ==, "李明");
  g_assert_nonnull (xa_test_find_toplevel (XA_TYPE_WINDOW));
  g_assert_cmpstr (xa_store_get_operator (get_store (fixture)), ==, "李明");

  /* A change made now is recorded under that name, as the defaults were. */
  xa_organisation_set_name (school, "示例区实验小学");
  xa_organisation_set_code (school, "2150000001");
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  xa_organisation_set_stages (school, "primary");
  xa_school_registry_add_school (xa_workspace_get_registry (xa_application_get_workspace (fixture->app)),
                                 school, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (get_store (fixture),
                                      "SELECT count(*) FROM audit WHERE action = 'school.add'"
                                      " AND operator = '李明'"), ==, 1);
  assert_every_entry_by (fixture, "李明");
}

static void
test_first_use (Fixture       *fixture,
                gconstpointer  data)
{
  run_app (fixture, first_use_steps);
}

/* With a name in the preferences, nothing is asked. */
static void
known_operator_steps (Fixture *fixture)
{
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_OPERATOR_DIALOG));
  g_assert_nonnull (xa_test_find_toplevel (XA_TYPE_WINDOW));
  g_assert_cmpstr (xa_store_get_operator (get_store (fixture)), ==, "王老师");
  assert_every_entry_by (fixture, "王老师");
}

static void
test_known_operator (Fixture       *fixture,
                     gconstpointer  data)
{
  run_app (fixture, known_operator_steps);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/operator/first-use", Fixture, NULL, fixture_set_up, test_first_use,
              fixture_tear_down);
  g_test_add ("/xa/operator/known", Fixture, "王老师", fixture_set_up, test_known_operator,
              fixture_tear_down);

  return g_test_run ();
}
