/* test-education-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli education roster|add|list|coverage` on a demo district: a roster
 * imported, a session with an absentee and its make-up recorded, listed as JSON, and
 * coverage that names the absent for one school and no one across the district; a bad
 * roster is refused with FILE:LINE and exit 1, an unknown audience is a usage error,
 * and neither changes anything.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"

#define YEAR "2021-2022"

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

  xa_test_demo_dir_set_up (&fixture->demo, "education-cli", 2);
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
fingerprint (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autoptr(XaStore) store = xa_store_open_read_only (path, &error);

  g_assert_no_error (error);
  return xa_test_fingerprint (store);
}

static void
test_record_and_coverage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autofree char *roster = g_build_filename (fixture->demo.dir, "花名册.csv", NULL);
  g_autofree char *bad = g_build_filename (fixture->demo.dir, "坏.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(JsonArray) coverage = NULL;
  g_autoptr(JsonArray) district = NULL;
  JsonObject *school;
  JsonArray *shortfall;

  g_assert_true (g_file_set_contents (roster, "年级,班级,姓名,学号\n七年级,(1)班,张小明,S1\n七年级,(1)班,李华,S2\n"
                                              "教职工,,周老师,T1\n", -1, NULL));
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "roster", "--year", YEAR, "--school", fixture->code,
                   roster, NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "add", "--year", YEAR, "--school", fixture->code,
                   "--date", "2021-09-10", "--audience", "class", "--grade", "七年级", "--class", "(1)班",
                   "--form", "class-meeting", "--topic", "drowning", "--teacher", "周老师",
                   "--expected", "2", "--present", "1", "--absent", "李华", NULL);
  g_assert_cmpint (run.status, ==, 0);
  first = g_strdup (g_strstrip (run.out));
  g_assert_true (g_uuid_string_is_valid (first));
  xa_test_run_clear (&run);

  coverage = xa_test_run_cli_json (fixture->demo.data_dir, "education", "coverage", "--year", YEAR,
                                   "--school", fixture->code, "--json", NULL);
  school = json_array_get_object_element (coverage, 0);
  g_assert_cmpint (json_object_get_int_member (school, "population"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (school, "educated"), ==, 1);
  shortfall = json_object_get_array_member (school, "shortfall");
  g_assert_cmpuint (json_array_get_length (shortfall), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_array_get_object_element (shortfall, 0),
                                                                                "missing"), 0), ==, "李华");

  /* The district's view: numbers, no names. */
  district = xa_test_run_cli_json (fixture->demo.data_dir, "education", "coverage", "--year", YEAR, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (district), ==, 2);
  for (guint i = 0; i < json_array_get_length (district); i++)
    {
      JsonArray *rows = json_object_get_array_member (json_array_get_object_element (district, i), "shortfall");

      for (guint j = 0; j < json_array_get_length (rows); j++)
        g_assert_false (json_object_has_member (json_array_get_object_element (rows, j), "missing"));
    }
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "coverage", "--year", YEAR, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "李华"));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "add", "--year", YEAR, "--school", fixture->code,
                   "--date", "2021-09-17", "--audience", "class", "--grade", "七年级", "--class", "(1)班",
                   "--form", "class-meeting", "--topic", "drowning", "--teacher", "周老师",
                   "--expected", "1", "--present", "1", "--makes-up", first, NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  list = xa_test_run_cli_json (fixture->demo.data_dir, "education", "list", "--year", YEAR, "--school", fixture->code,
                               "--json", NULL);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "makes_up"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "topic_label"), ==, "防溺水");

  /* Two sessions required: 张小明 attended one only; the plan and materials recorded. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "settings", "--required-sessions", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "plan", "--year", YEAR, "--school", fixture->code,
                   "--plan", "安全教育工作计划", "--materials", "《中小学生安全教育》", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  {
    g_autoptr(JsonArray) two = xa_test_run_cli_json (fixture->demo.data_dir, "education", "coverage", "--year", YEAR,
                                                     "--school", fixture->code, "--json", NULL);
    JsonObject *object = json_array_get_object_element (two, 0);

    g_assert_cmpint (json_object_get_int_member (object, "educated"), ==, 0);
    g_assert_true (json_object_get_boolean_member (object, "has_plan"));
    g_assert_true (json_object_get_boolean_member (object, "has_materials"));
  }

  /* Refusals change nothing: a bad roster (exit 1, FILE:LINE), a usage error (exit 2). */
  before = fingerprint (fixture);
  g_assert_true (g_file_set_contents (bad, "年级,班级,姓名\n七年级,一班,张三\n", -1, NULL));
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "roster", "--year", YEAR, "--school", fixture->code,
                   bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "坏.csv:2:"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "add", "--year", YEAR, "--school", fixture->code,
                   "--date", "2021-09-10", "--audience", "grandparents", "--form", "lecture", "--topic", "fire",
                   "--teacher", "周老师", "--expected", "1", "--present", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "education", "add", "--year", YEAR, "--school", fixture->code,
                   "--date", "2021-09-10", "--audience", "school", "--form", "lecture", "--topic", "astrology",
                   "--teacher", "周老师", "--expected", "1", "--present", "1", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "astrology"));
  after = fingerprint (fixture);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/education-cli/record-and-coverage", Fixture, NULL, fixture_set_up, test_record_and_coverage,
              fixture_tear_down);

  return g_test_run ();
}
