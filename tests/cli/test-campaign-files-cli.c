/* test-campaign-files-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli campaign attach|files|detach` on a demo district: a file attached to a
 * part is listed and completes the part in the grid; a misnamed file, an unknown part or
 * a campaign of no year is refused with a message naming it and changes nothing; a
 * detached file leaves the list.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"

#define YEAR "2021-2022"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;      /* the first school's */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "campaign-files-cli", 2);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
  xa_test_run_cli (&run, fixture->demo.data_dir, "campaign", "launch", "--year", YEAR, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->code);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

static char *
fingerprint (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autoptr(XaStore) store = xa_store_open_read_only (path, &error);

  g_assert_no_error (error);
  return xa_test_fingerprint (store);
}

static void
test_attach (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autofree char *pdf = g_build_filename (fixture->demo.dir, "防溺水工作方案.pdf", NULL);
  g_autofree char *misnamed = g_build_filename (fixture->demo.dir, "总结.docx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonArray) files = NULL;
  g_autoptr(JsonArray) grid = NULL;
  g_autofree char *first_row = NULL;
  JsonObject *row;

  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n% 方案\n%%EOF\n", -1, NULL));
  g_assert_true (g_file_set_contents (misnamed, "%PDF-1.4\n", -1, NULL));

  xa_test_run_cli (&run, fixture->demo.data_dir, "campaign", "attach", "--year", YEAR, "--school", fixture->code,
                   "--campaign", "drowning", "--part", "plan", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "防溺水工作方案.pdf"));
  xa_test_run_clear (&run);

  files = xa_test_run_cli_json (fixture->demo.data_dir, "campaign", "files", "--year", YEAR, "--school",
                                fixture->code, "--campaign", "防溺水", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  row = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "part"), ==, "plan");
  g_assert_cmpstr (json_object_get_string_member (row, "media_type"), ==, "application/pdf");

  grid = xa_test_run_cli_json (fixture->demo.data_dir, "campaign", "grid", "--year", YEAR, "--json", NULL);
  first_row = json_to_string (json_array_get_element (grid, 0), FALSE);
  g_assert_nonnull (strstr (first_row, "under-way"));

  /* Refusals change nothing and name what is wrong. */
  before = fingerprint (fixture);
  xa_test_run_cli (&run, fixture->demo.data_dir, "campaign", "attach", "--year", YEAR, "--school", fixture->code,
                   "--campaign", "drowning", "--part", "summary", misnamed, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "总结.docx"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "campaign", "attach", "--year", YEAR, "--school", fixture->code,
                   "--campaign", "drowning", "--part", "appendix", pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "appendix"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "campaign", "attach", "--year", "2019-2020", "--school",
                   fixture->code, "--campaign", "drowning", "--part", "plan", pdf, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "2019"));
  xa_test_run_clear (&run);
  after = fingerprint (fixture);
  g_assert_cmpstr (before, ==, after);

  xa_test_run_cli (&run, fixture->demo.data_dir, "campaign", "detach",
                   json_object_get_string_member (row, "uuid"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  g_clear_pointer (&files, json_array_unref);
  files = xa_test_run_cli_json (fixture->demo.data_dir, "campaign", "files", "--year", YEAR, "--school",
                                fixture->code, "--campaign", "drowning", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (files), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xiaoan/campaign-files-cli/attach", Fixture, NULL, fixture_set_up, test_attach, fixture_tear_down);

  return g_test_run ();
}
