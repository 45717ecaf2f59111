/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real xiaoan-cli ($XIAOAN_CLI) on a temporary data folder: its exit codes, its
 * output, and that `audit verify` finds a row edited behind the app's back.
 */

#include "config.h"
#include "xa-test-utils.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *dir;
  char *data_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
}

static char *
write_csv (Fixture    *fixture,
           const char *name,
           const char *content)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, content, -1, &error);
  g_assert_no_error (error);

  return path;
}

static JsonArray *
list_schools (const char *data_dir)
{
  g_auto(XaTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  xa_test_run_cli (&run, NULL, "school", "list", "--json", "--data-dir", data_dir, NULL);
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(XaTestRun) none = { 0, };
  g_auto(XaTestRun) unknown = { 0, };
  g_auto(XaTestRun) school = { 0, };
  g_auto(XaTestRun) bad_count = { 0, };
  g_auto(XaTestRun) no_file = { 0, };
  g_auto(XaTestRun) help = { 0, };
  g_auto(XaTestRun) version = { 0, };

  xa_test_run_cli (&none, NULL, NULL, NULL);
  g_assert_cmpint (none.status, ==, 2);
  xa_test_run_cli (&unknown, NULL, "frobnicate", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "Unknown command “frobnicate”"));
  xa_test_run_cli (&school, NULL, "school", "frobnicate", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (school.status, ==, 2);
  xa_test_run_cli (&bad_count, NULL, "demo", "--schools", "0", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (bad_count.status, ==, 2);
  xa_test_run_cli (&no_file, NULL, "school", "import", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  xa_test_run_cli (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "school import FILE.csv"));
  xa_test_run_cli (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "xiaoan-cli " PACKAGE_VERSION));

  /* A usage error creates nothing. */
  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
}

static void
test_demo_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other_dir = g_build_filename (fixture->dir, "other", NULL);
  g_autoptr(JsonArray) schools = NULL;
  g_autoptr(JsonArray) again = NULL;
  g_auto(XaTestRun) init = { 0, };
  g_auto(XaTestRun) demo = { 0, };
  g_auto(XaTestRun) demo_again = { 0, };
  g_auto(XaTestRun) demo_other = { 0, };

  xa_test_run_cli (&init, NULL, "init", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_test (fixture->data_dir, G_FILE_TEST_IS_DIR));

  /* Global options go before or after the command. */
  xa_test_run_cli (&demo, NULL, "--data-dir", fixture->data_dir, "demo", "--schools", "12", "--seed", "7", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  xa_test_run_cli (&demo_again, NULL, "demo", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (demo_again.status, ==, 1);
  g_assert_nonnull (strstr (demo_again.err, "already holds 12 schools"));

  schools = list_schools (fixture->data_dir);
  g_assert_cmpuint (json_array_get_length (schools), ==, 12);

  for (guint i = 0; i < json_array_get_length (schools); i++)
    {
      JsonObject *school = json_array_get_object_element (schools, i);
      const char *code = json_object_get_string_member (school, "code");

      g_assert_cmpuint (strlen (code), ==, 10);
      g_assert_true (g_str_has_prefix (code + 2, "50"));
      g_assert_cmpuint (strlen (json_object_get_string_member (school, "name")), >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member (school, "type")), >, 0);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (school, "stages")), >, 0);
      g_assert_cmpuint (strlen (json_object_get_string_member (school, "uuid")), ==, 36);
      g_assert_nonnull (json_object_get_string_member (school, "first_responsible"));
      g_assert_true (json_object_has_member (school, "address"));
      g_assert_true (json_object_has_member (school, "phone"));
    }

  /* The same seed makes the same district elsewhere (UUIDs aside). */
  xa_test_run_cli (&demo_other, NULL, "demo", "--schools", "12", "--seed", "7", "--data-dir", other_dir, NULL);
  g_assert_cmpint (demo_other.status, ==, 0);
  again = list_schools (other_dir);
  g_assert_cmpuint (json_array_get_length (again), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      JsonObject *a = json_array_get_object_element (schools, i);
      JsonObject *b = json_array_get_object_element (again, i);
      const char *fields[] = { "code", "name", "type", "address", "phone", "first_responsible" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_assert_cmpstr (json_object_get_string_member (a, fields[f]), ==,
                         json_object_get_string_member (b, fields[f]));
      g_assert_cmpstr (json_object_get_string_member (a, "uuid"), !=,
                       json_object_get_string_member (b, "uuid"));
    }
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *bad = write_csv (fixture, "schools.csv",
                                    "学校标识码,学校名称,类型\n"
                                    "2150000001,甲小学,小学\n"
                                    "215000002,乙小学,小学\n"
                                    "2150000003,,小学\n");
  g_autofree char *good = write_csv (fixture, "good.csv",
                                     "学校标识码,学校名称,类型,第一责任人\n"
                                     "2150000001,甲小学,小学,王建国\n"
                                     "2150000002,乙小学,小学,\n");
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_autoptr(JsonArray) schools = NULL;
  g_auto(XaTestRun) rejected = { 0, };
  g_auto(XaTestRun) imported = { 0, };
  g_auto(XaTestRun) missing = { 0, };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  xa_test_run_cli (&rejected, NULL, "school", "import", bad, "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (rejected.status, ==, 1);
  g_assert_nonnull (strstr (rejected.err, "schools.csv:3: The school identifier must be 10 digits (it has 9)\n"));
  g_assert_nonnull (strstr (rejected.err, "schools.csv:4: School name must not be empty\n"));
  schools = list_schools (fixture->data_dir);
  g_assert_cmpuint (json_array_get_length (schools), ==, 0);
  g_clear_pointer (&schools, json_array_unref);

  xa_test_run_cli (&missing, NULL, "school", "import", "/nonexistent/list.csv", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (missing.status, ==, 1);

  xa_test_run_cli (&imported, NULL, "school", "import", good, "--operator", "测试员", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "Imported 2 schools"));

  schools = list_schools (fixture->data_dir);
  g_assert_cmpuint (json_array_get_length (schools), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (schools, 0), "first_responsible"),
                   ==, "王建国");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (schools, 1), "first_responsible"));

  /* --operator after the command names who is in the audit log. */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit WHERE operator = '测试员'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2 + 1 + 1 + 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_audit_tamper (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_auto(XaTestRun) demo = { 0, };
  g_auto(XaTestRun) intact = { 0, };
  g_auto(XaTestRun) broken = { 0, };
  sqlite3 *db = NULL;
  char *message = NULL;

  xa_test_run_cli (&demo, NULL, "demo", "--schools", "3", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (demo.status, ==, 0);

  xa_test_run_cli (&intact, NULL, "audit", "verify", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_nonnull (strstr (intact.out, "The audit chain is intact: "));

  /* What someone with the sqlite3 shell could do: drop the guard and edit a row. */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db,
                "DROP TRIGGER audit_no_update;"
                "UPDATE audit SET detail = '{\"name\":\"篡改\"}' WHERE seq = 5;",
                NULL, NULL, &message);
  g_assert_null (message);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  xa_test_run_cli (&broken, NULL, "audit", "verify", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "broken at entry 5"));
  g_assert_null (strstr (broken.out, "intact"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/cli/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/xa/cli/demo-and-list", Fixture, NULL, fixture_set_up, test_demo_and_list, fixture_tear_down);
  g_test_add ("/xa/cli/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/xa/cli/audit-tamper", Fixture, NULL, fixture_set_up, test_audit_tamper, fixture_tear_down);

  return g_test_run ();
}
