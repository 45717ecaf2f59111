/* test-assessment-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli assessment …` on a demo database: a school self-assessed and scored, a
 * suggestion taken and one overridden with its reason, a veto, finalising (refused until
 * every indicator is scored) and locking, a revision, publishing, the district view in
 * JSON; the scheme exported, a broken copy refused naming the file and the indicator,
 * copied to the next year and compared. Bad input exits 2 (a value) or 1 (a rule) and
 * writes nothing.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;
  char          *other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "assessment-cli", 3);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
  fixture->other = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 1), "code"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->code);
  g_free (fixture->other);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

/* The database file's bytes: a command refused leaves them as they were. */
static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
run_ok (Fixture    *fixture,
        const char *first,
        ...)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  xa_test_run_cli_argv (&run, fixture->demo.data_dir, (const char * const *) args->pdata);
  if (run.status != 0)
    g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
}

static JsonObject *
show (Fixture    *fixture,
      const char *code)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "show", "--year", "2026", "--school", code, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  node = json_from_string (run.out, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
indicator (JsonObject *sheet,
           const char *code)
{
  JsonArray *indicators = json_object_get_array_member (sheet, "indicators");

  for (guint i = 0; i < json_array_get_length (indicators); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (indicators, i), "code"), code))
      return json_array_get_object_element (indicators, i);
  g_assert_not_reached ();
}

static void
test_round (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonObject) sheet = NULL;
  g_autoptr(JsonArray) district = NULL;
  g_autoptr(JsonNode) scheme = NULL;
  g_autofree char *before = NULL;
  g_autofree char *db = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  const char *codes[] = { "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "C2", "C4",
                          "D2", "D3", "D4", "D5", "D6", "E1", "E2", "F1", "F2", "G1" };
  const char *points[] = { "3", "3", "3", "3", "3", "4", "3", "4", "5", "2", "2", "5", "6", "3",
                           "4", "3", "4", "2", "2", "7", "3", "2", "3", "10" };

  run_ok (fixture, "assessment", "self", "--year", "2026", "--school", fixture->code, "--indicator", "C3", "--score", "4",
          "--notes", "两项逾期", NULL);
  run_ok (fixture, "assessment", "score", "--year", "2026", "--school", fixture->code, "--indicator", "C3", "--score", "3",
          "--suggestion", "3", "--accept", "--notes", "逾期隐患 3 项", NULL);

  /* Bad input: a value (2), a rule (1), nothing written. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "score", "--year", "2026", "--school", fixture->code,
                   "--indicator", "D1", "--score", "五", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--score"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "score", "--year", "2026", "--school", fixture->code,
                   "--indicator", "D1", "--score", "5", "--suggestion", "2", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "D1"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);  /* one line */
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "self", "--year", "2026", "--school", fixture->code,
                   "--indicator", "C3", "--score", "7", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "C3"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "finalise", "--year", "2026", "--school", fixture->code, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "A1"));
  xa_test_run_clear (&run);

  run_ok (fixture, "assessment", "score", "--year", "2026", "--school", fixture->code, "--indicator", "D1", "--score", "5",
          "--suggestion", "2", "--reason", "补录记录已核实", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    run_ok (fixture, "assessment", "score", "--year", "2026", "--school", fixture->code, "--indicator", codes[i],
            "--score", points[i], NULL);
  run_ok (fixture, "assessment", "h", "--year", "2026", "--school", fixture->code, "--events", "1", "--notes", "一起一般非责任事故",
          NULL);
  sheet = show (fixture, fixture->code);
  g_assert_cmpstr (json_object_get_string_member (sheet, "state"), ==, "scored");
  g_assert_cmpfloat (json_object_get_double_member (sheet, "total"), ==, 100 - 3 - 5);
  g_assert_cmpfloat (json_object_get_double_member (sheet, "self_total"), ==, 98);
  g_assert_cmpstr (json_object_get_string_member (sheet, "grade"), ==, "excellent");
  g_assert_true (json_object_get_boolean_member (indicator (sheet, "C3"), "accepted"));
  g_assert_cmpstr (json_object_get_string_member (indicator (sheet, "D1"), "override_reason"), ==, "补录记录已核实");
  g_clear_pointer (&sheet, json_object_unref);

  /* A veto: 不合格, the raw score kept. */
  run_ok (fixture, "assessment", "veto", "--year", "2026", "--school", fixture->code, "--ground", "V4",
          "--reason", "瞒报学生受伤事故", "--decided-on", "2027-07-01", NULL);
  sheet = show (fixture, fixture->code);
  g_assert_cmpstr (json_object_get_string_member (sheet, "grade"), ==, "fail");
  g_assert_true (json_object_get_boolean_member (sheet, "vetoed"));
  g_assert_cmpfloat (json_object_get_double_member (sheet, "total"), ==, 92);
  g_clear_pointer (&sheet, json_object_unref);

  /* Finalised: locked; a revision with its reason; published. */
  run_ok (fixture, "assessment", "finalise", "--year", "2026", "--school", fixture->code, NULL);
  before = file_digest (db);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "score", "--year", "2026", "--school", fixture->code,
                   "--indicator", "A1", "--score", "2", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "revise", "--year", "2026", "--school", fixture->code,
                   "--indicator", "A1", "--score", "2", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--reason"));
  xa_test_run_clear (&run);
  {
    g_autofree char *after = file_digest (db);

    g_assert_cmpstr (before, ==, after);
  }
  run_ok (fixture, "assessment", "revise", "--year", "2026", "--school", fixture->code, "--indicator", "A1", "--score", "2",
          "--reason", "复核发现分工表未更新", NULL);
  run_ok (fixture, "assessment", "publish", "--year", "2026", NULL);
  sheet = show (fixture, fixture->code);
  g_assert_cmpstr (json_object_get_string_member (sheet, "state"), ==, "finalised");
  g_assert_true (json_object_get_boolean_member (sheet, "published"));
  g_assert_cmpfloat (json_object_get_double_member (sheet, "total"), ==, 91);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (sheet, "revisions")), ==, 1);

  /* The district view: the vetoed school after the others scored; not started last. */
  run_ok (fixture, "assessment", "score", "--year", "2026", "--school", fixture->other, "--indicator", "G1", "--score", "8", NULL);
  district = xa_test_run_cli_json (fixture->demo.data_dir, "assessment", "list", "--year", "2026", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (district), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (district, 0), "school"), ==, fixture->other);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (district, 0), "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (district, 1), "school"), ==, fixture->code);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (district, 1), "rank"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (district, 2), "state"), ==, "not-started");
}

static void
test_scheme (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autofree char *file = g_build_filename (fixture->demo.dir, "scheme.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) broken = NULL;
  g_autofree char *broken_file = NULL;
  g_autoptr(JsonArray) changes = NULL;

  run_ok (fixture, "assessment", "scheme", "export", "--year", "2026", file, NULL);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"G1\""));

  /* A per-item deduction above its indicator's points: refused, naming the file and C1. */
  broken = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (broken, "\"per_item\" : 0.5", "\"per_item\" : 9", 1), ==, 1);
  broken_file = xa_test_write_file (fixture->demo.dir, "broken.json", broken->str, broken->len);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "scheme", "import", broken_file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "broken.json"));
  g_assert_nonnull (strstr (run.err, "C1"));
  xa_test_run_clear (&run);

  /* Imported for the year after, then compared: one indicator's rule changed. */
  g_string_assign (broken, contents);
  g_assert_cmpuint (g_string_replace (broken, "\"per_item\" : 0.5", "\"per_item\" : 1.0", 1), ==, 1);
  g_free (broken_file);
  broken_file = xa_test_write_file (fixture->demo.dir, "next.json", broken->str, broken->len);
  run_ok (fixture, "assessment", "scheme", "import", broken_file, "--year", "2027", NULL);
  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "scheme", "copy", "--year", "2026", "--year", "2027", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  changes = xa_test_run_cli_json (fixture->demo.data_dir, "assessment", "scheme", "compare", "--year", "2026",
                                  "--year", "2027", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "code"), ==, "C1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 0), "change"), ==, "changed");

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "scheme", "compare", "--year", "2026", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/assessment-cli/round", Fixture, NULL, fixture_set_up, test_round, fixture_tear_down);
  g_test_add ("/assessment-cli/scheme", Fixture, NULL, fixture_set_up, test_scheme, fixture_tear_down);

  return g_test_run ();
}
