/* test-hazard-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district's default deadlines in the store, on either engine: the shipped ones
 * until set, set and read back, audited once per change, a value out of range refused
 * with nothing changed; in the pg suite, a school's login reads them and cannot change
 * them.
 */

#include "config.h"

#include <locale.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/hazards/xa-hazard-policy.h"
#include "core/registry/xa-demo.h"

static void
test_read_and_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_new_in_memory ("区教委安稳科", 1);
  XaHazardBook *book = xa_workspace_get_hazards (workspace);
  XaStore *store = xa_workspace_get_store (workspace);
  XaHazardSettings settings;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *deadline = NULL;

  g_assert_true (xa_hazard_book_read_settings (book, &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_GENERAL], ==, XA_HAZARD_DEFAULT_DAYS_GENERAL);
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, XA_HAZARD_DEFAULT_DAYS_MAJOR);

  settings.deadline_days[XA_HAZARD_GRADE_GENERAL] = 5;
  g_assert_true (xa_hazard_book_save_settings (book, &settings, &error));
  g_assert_no_error (error);
  /* The first save makes both grades the district's; then only a grade that changes is
   * written and audited, and saving the same again writes nothing. */
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'hazard.policy'"), ==, 2);
  g_assert_true (xa_hazard_book_save_settings (book, &settings, &error));
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'hazard.policy'"), ==, 2);
  settings.deadline_days[XA_HAZARD_GRADE_GENERAL] = 6;
  g_assert_true (xa_hazard_book_save_settings (book, &settings, &error));
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'hazard.policy'"), ==, 3);
  settings.deadline_days[XA_HAZARD_GRADE_GENERAL] = 5;
  g_assert_true (xa_hazard_book_save_settings (book, &settings, &error));

  xa_hazard_settings_init (&settings);
  g_assert_true (xa_hazard_book_read_settings (book, &settings, &error));
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_GENERAL], ==, 5);
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, XA_HAZARD_DEFAULT_DAYS_MAJOR);
  deadline = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, "2021-12-30");
  g_assert_cmpstr (deadline, ==, "2022-01-04");

  before = xa_test_fingerprint (store);
  settings.deadline_days[XA_HAZARD_GRADE_MAJOR] = XA_HAZARD_MAX_DEADLINE_DAYS + 1;
  g_assert_false (xa_hazard_book_save_settings (book, &settings, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_clear_error (&error);
  after = xa_test_fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  /* A change behind the app's back is named by the audit. */
  xa_test_assert_chain_holds (store);
}

/* Server only: a school reads the district's deadlines and cannot change them. */
static void
test_school_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  g_autofree char *role = g_strdup_printf ("policy_a_%d", (int) getpid ());
  g_autofree char *password = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(XaWorkspace) school = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  XaHazardSettings settings;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  xa_hazard_settings_init (&settings);
  settings.deadline_days[XA_HAZARD_GRADE_MAJOR] = 15;
  g_assert_true (xa_hazard_book_save_settings (xa_workspace_get_hazards (admin), &settings, &error));
  g_assert_true (xa_store_server_setup (xa_workspace_get_store (admin), &error));
  password = xa_store_server_add_school (xa_workspace_get_store (admin), xa_organisation_get_code (a), role, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("%s&user=%s", location, role);
  school = xa_workspace_open_location (uri, password, "甲校安全办", &error);
  g_assert_no_error (error);

  g_assert_true (xa_hazard_book_read_settings (xa_workspace_get_hazards (school), &settings, &error));
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, 15);
  settings.deadline_days[XA_HAZARD_GRADE_MAJOR] = 60;
  g_assert_false (xa_hazard_book_save_settings (xa_workspace_get_hazards (school), &settings, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (xa_hazard_book_read_settings (xa_workspace_get_hazards (admin), &settings, &error));
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, 15);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hazard-policy/read-and-save", test_read_and_save);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/hazard-policy/school-access", test_school_access);

  return g_test_run ();
}
