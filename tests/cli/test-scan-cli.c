/* test-scan-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli scan match FILE… [--json]` on the demo district, run as a process
 * ($XIAOAN_CLI): an agreement rendered by `agreement render` and read back whole (exit
 * 0), with its other original in the same file (foreign pages, exit 1), without its
 * codes (--no-page-codes: every page to be matched by hand), and its one-line errors.
 * The scan simulation with turned and noisy pages is tests/document/test-scan-back.c.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "scan-cli", 2);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->code);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

static char *
render (Fixture    *fixture,
        const char *name,
        const char *copy,
        gboolean    codes)
{
  g_auto(XaTestRun) run = { 0, };
  char *path = g_build_filename (fixture->demo.dir, name, NULL);

  xa_test_run_cli (&run, fixture->demo.data_dir, "agreement", "render", "--year", "2021",
                   "--school", fixture->code, "--copy", copy, "--out", path,
                   codes ? NULL : "--no-page-codes", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return path;
}

static JsonObject *
match_json (Fixture    *fixture,
            const char *path,
            int         status)
{
  g_auto(XaTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  xa_test_run_cli (&run, fixture->demo.data_dir, "scan", "match", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, status);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  return json_object_ref (json_array_get_object_element (array, 0));
}

static void
test_whole_copy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = render (fixture, "school.pdf", "school", TRUE);
  g_autoptr(JsonObject) report = match_json (fixture, path, 0);
  g_auto(XaTestRun) text = { 0, };
  JsonArray *pages = json_object_get_array_member (report, "pages");
  gint64 n = json_object_get_int_member (report, "pages_total");

  g_assert_true (json_object_get_boolean_member (report, "known"));
  g_assert_true (json_object_get_boolean_member (report, "complete"));
  g_assert_cmpstr (json_object_get_string_member (report, "copy_label"), ==, "学校存");
  g_assert_cmpint (n, >=, 4);
  g_assert_cmpuint (json_array_get_length (pages), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *page = json_array_get_object_element (pages, i);

      g_assert_cmpint (json_object_get_int_member (page, "page"), ==, i + 1);
      g_assert_cmpint (json_object_get_int_member (page, "file_page"), ==, i + 1);
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "missing")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "foreign")), ==, 0);

  /* The same as text, for the clerk. */
  xa_test_run_cli (&text, fixture->demo.data_dir, "scan", "match", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "学校存"));
  g_assert_nonnull (strstr (text.out, json_object_get_string_member (report, "agreement")));
}

static void
test_both_copies (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = render (fixture, "both.pdf", "both", TRUE);
  g_autoptr(JsonObject) report = match_json (fixture, path, 1);
  g_auto(XaTestRun) text = { 0, };
  gint64 n = json_object_get_int_member (report, "pages_total");

  /* The commission's original comes first and names the scan; the school's pages are
   * another original's. */
  g_assert_cmpstr (json_object_get_string_member (report, "copy_label"), ==, "区教委存");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "pages")), ==, n);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "foreign")), ==, n);
  g_assert_false (json_object_get_boolean_member (report, "complete"));

  /* The report names whose pages they are. */
  xa_test_run_cli (&text, fixture->demo.data_dir, "scan", "match", path, NULL);
  g_assert_cmpint (text.status, ==, 1);
  g_assert_nonnull (strstr (text.out, "学校存"));
}

static void
test_without_codes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = render (fixture, "plain.pdf", "school", FALSE);
  g_autoptr(JsonObject) report = match_json (fixture, path, 1);

  g_assert_true (json_object_get_null_member (report, "agreement"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "uncoded")), >=, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "pages")), ==, 0);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(XaTestRun) none = { 0, };
  g_auto(XaTestRun) missing = { 0, };
  g_auto(XaTestRun) not_scan = { 0, };
  g_autofree char *absent = g_build_filename (fixture->demo.dir, "absent.pdf", NULL);
  g_autofree char *text = xa_test_write_file (fixture->demo.dir, "notes.pdf", "just words", -1);

  xa_test_run_cli (&none, fixture->demo.data_dir, "scan", "match", NULL);
  g_assert_cmpint (none.status, ==, 2);

  xa_test_run_cli (&missing, fixture->demo.data_dir, "scan", "match", absent, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, absent));

  xa_test_run_cli (&not_scan, fixture->demo.data_dir, "scan", "match", text, NULL);
  g_assert_cmpint (not_scan.status, ==, 1);
  g_assert_nonnull (strstr (not_scan.err, text));
  g_assert_cmpstr (not_scan.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scan-cli/whole-copy", Fixture, NULL, fixture_set_up, test_whole_copy, fixture_tear_down);
  g_test_add ("/scan-cli/both-copies", Fixture, NULL, fixture_set_up, test_both_copies, fixture_tear_down);
  g_test_add ("/scan-cli/without-codes", Fixture, NULL, fixture_set_up, test_without_codes, fixture_tear_down);
  g_test_add ("/scan-cli/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
