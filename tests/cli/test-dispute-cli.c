/* test-dispute-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli dispute add|advance|list`, run as a user would: a dispute recorded,
 * moved on and found to have led to 越级上访, listed as JSON; a bad kind and a step the
 * state machine refuses exit with status 1, name what is wrong and change nothing.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"

static void
test_dispute_cli (void)
{
  XaTestDemoDir demo;
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) schools = NULL;
  g_autoptr(JsonArray) listed = NULL;
  g_autofree char *uuid = NULL;
  const char *code;
  JsonObject *dispute;

  xa_test_demo_dir_set_up (&demo, "dispute-cli", 2);
  schools = xa_test_run_cli_json (demo.data_dir, "school", "list", "--json", NULL);
  code = json_object_get_string_member (json_array_get_object_element (schools, 0), "code");

  xa_test_run_cli (&run, demo.data_dir, "dispute", "add", "--school", code, "--year", "2024",
                   "--parties", "家长—班主任", "--kind", "gossip", "--description", "收费异议",
                   "--responsible", "李老师", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "gossip"));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, demo.data_dir, "dispute", "add", "--school", code, "--year", "2024",
                   "--parties", "家长—班主任", "--kind", "family-school", "--description", "收费异议",
                   "--responsible", "李老师", "--found-on", "2024-10-08", NULL);
  g_assert_cmpint (run.status, ==, 0);
  uuid = g_strstrip (g_strdup (run.out));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, demo.data_dir, "dispute", "advance", uuid, "resolved", "--on", "2024-10-20", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, demo.data_dir, "dispute", "advance", uuid, "resolving", "--measures", "约谈", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, demo.data_dir, "dispute", "advance", uuid, "escalated", "--on", "2024-11-02", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  listed = xa_test_run_cli_json (demo.data_dir, "dispute", "list", "--year", "2024", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (listed), ==, 1);
  dispute = json_array_get_object_element (listed, 0);
  g_assert_cmpstr (json_object_get_string_member (dispute, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (dispute, "state"), ==, "resolving");
  g_assert_cmpstr (json_object_get_string_member (dispute, "measures"), ==, "约谈");
  g_assert_cmpstr (json_object_get_string_member (dispute, "escalated_on"), ==, "2024-11-02");

  xa_test_demo_dir_tear_down (&demo);
}

/* The demo's key person, invented, is in no district output: not in the hazard
 * summary, nor in the lists of other kinds. */
static void
test_key_person_in_no_output (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-dispute-cli-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  const char *commands[][6] = {
    { "hazard", "summary", "--year", "2026", "--json", NULL },
    { "hazard", "list", "--json", NULL },
    { "school", "list", "--json", NULL },
    { "dispute", "list", "--json", NULL },
    { "archive", "list", "--json", NULL },
    { "audit", "head", NULL },
  };
  g_auto(XaTestRun) run = { 0 };

  g_assert_no_error (error);
  xa_test_run_cli (&run, data_dir, "demo", "--schools", "2", "--hazards", "20", "--governance", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      xa_test_run_cli_argv (&run, data_dir, (const char * const *) commands[i]);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_null (strstr (run.out, "演示某某"));
      g_assert_null (strstr (run.err, "演示某某"));
      xa_test_run_clear (&run);
    }
  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dispute-cli/add-advance-list", test_dispute_cli);
  g_test_add_func ("/dispute-cli/key-person-in-no-output", test_key_person_in_no_output);

  return g_test_run ();
}
