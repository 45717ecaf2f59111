/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real xiaoan-cli ($XIAOAN_CLI) on a temporary data folder: its exit codes, its
 * output, and that `audit verify` finds a row edited behind the app's back. Every command
 * takes its own options and no others: an option of another command, an option without
 * its value and an argument too many are each a usage error, exit status 2 with one line
 * on stderr that names what is wrong, and create nothing; `COMMAND --help` lists that
 * command's options. The commands that only read never write: not the database, whose
 * bytes and audit log stay as they were, and not a data folder without one.
 */

#include "config.h"
#include "xa-test-utils.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-store-private.h"

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

typedef struct
{
  const char *command;        /* "agreement list" */
  const char *valid;          /* options and arguments that make a correct call, or "" */
  const char *foreign;        /* an option of another command */
  const char *needs_value;    /* one of its options that takes a value, or NULL */
  const char *own;            /* what its --help must list, or NULL */
} Case;

static const Case cases[] = {
  { "init", "", "--json", NULL, NULL },
  { "demo", "--schools 3 --seed 7", "--year=2021", "--schools", "--seed" },
  { "school import", "schools.csv", "--all", NULL, NULL },
  { "school list", "--json", "--year", NULL, "--json" },
  { "audit verify", "", "--school=2150000001", "--head", "--head" },
  { "audit head", "--json", "--year=2021", NULL, "--json" },
  { "agreement generate", "--year 2021 --all", "--to=signed", "--school", "--all" },
  { "agreement list", "--year 2021-2022", "--pdf=x.pdf", "--year", "--json" },
  { "agreement advance", "--year 2021 --school 2150000001 --to pending", "--all", "--to", "--to" },
  { "agreement revise", "--year 2021 --school 2150000001", "--date=2021-09-01", "--school", "--school" },
  { "agreement set-date", "--year 2021 --all --clear", "--out=x", "--date", "--clear" },
  { "agreement render", "--year 2021 --all --out pdfs", "--json", "--copy", "--copy" },
  { "template list", "", "--pdf=x.pdf", NULL, NULL },
  { "template export", "--year 2021 template.json", "--json", "--year", "--year" },
  { "template import", "template.json", "--year=2021", NULL, NULL },
  { "template next-year", "--year 2021", "--school=2150000001", "--year", "--year" },
  { "template diff", "--year 2021 --year 2022", "--all", "--pdf", "--pdf" },
  { "backup create", "--keep 3", "--json", "--keep", "--keep" },
  { "backup list", "--json", "--keep=3", NULL, "--json" },
  { "backup restore", "--latest", "--year=2021", NULL, "--latest" },
};

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
  return xa_test_run_cli_json (NULL, "school", "list", "--json", "--data-dir", data_dir, NULL);
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

  /* --search finds the schools whose name (or code, or address) holds a term of one
   * character: exactly those of the full list. */
  {
    g_autoptr(JsonArray) matches = NULL;
    guint expected = 0;

    for (guint i = 0; i < json_array_get_length (schools); i++)
      {
        JsonObject *school = json_array_get_object_element (schools, i);

        if (strstr (json_object_get_string_member (school, "name"), "中") != NULL ||
            strstr (json_object_get_string_member (school, "address"), "中") != NULL)
          expected++;
      }
    g_assert_cmpuint (expected, >, 0);

    matches = xa_test_run_cli_json (fixture->data_dir, "school", "list", "--search", "中", "--json", NULL);
    g_assert_cmpuint (json_array_get_length (matches), ==, expected);
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

/* A fresh database's first entries (the shipped template) are recorded under the
 * operator the command names, like everything after them. */
static void
test_operator_from_the_start (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_auto(XaTestRun) init = { 0, };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  xa_test_run_cli (&init, fixture->data_dir, "init", "--operator", "甲操作员", NULL);
  g_assert_cmpint (init.status, ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(*) FILTER (WHERE operator = '甲操作员') FROM audit",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, sqlite3_column_int (stmt, 0));
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
  g_auto(GStrv) lines = NULL;
  g_autofree char *code = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  xa_test_run_cli (&demo, NULL, "demo", "--schools", "3", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (demo.status, ==, 0);

  xa_test_run_cli (&intact, NULL, "audit", "verify", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (intact.status, ==, 0);
  g_assert_nonnull (strstr (intact.out, "The audit chain is intact: "));

  /* What someone with the sqlite3 shell could do: drop the guard and edit an entry, and
   * edit a school's row. */
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_exec (db,
                "DROP TRIGGER audit_no_update;"
                "UPDATE audit SET detail = '{\"name\":\"篡改\"}' WHERE seq = 5;"
                "UPDATE organisation SET phone = '110' WHERE code = (SELECT min (code) FROM organisation);",
                NULL, NULL, &message);
  g_assert_null (message);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT min (code) FROM organisation", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* Each finding on a line of its own. */
  xa_test_run_cli (&broken, NULL, "audit", "verify", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  lines = g_strsplit (broken.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], "entry 5 was changed"));
  g_assert_nonnull (strstr (lines[1], code));
  g_assert_nonnull (strstr (lines[1], "phone changed behind the app's back"));
  g_assert_nonnull (strstr (broken.err, "found 2 problems"));
  g_assert_null (strstr (broken.out, "intact"));
}

static void
test_audit_head (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_autofree char *head_path = g_strconcat (db_path, ".head", NULL);
  g_autofree char *head_file = NULL;
  g_autofree char *expected = NULL;
  g_auto(XaTestRun) demo = { 0, };
  g_auto(XaTestRun) plain = { 0, };
  g_auto(XaTestRun) json = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  JsonObject *object;
  sqlite3 *db = NULL;

  xa_test_run_cli (&demo, NULL, "demo", "--schools", "2", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (demo.status, ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  expected = g_strdup_printf ("%lld\t%s\n", (long long) sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1));

  xa_test_run_cli (&plain, NULL, "audit", "head", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpstr (plain.out, ==, expected);

  xa_test_run_cli (&json, NULL, "audit", "head", "--json", "--data-dir", fixture->data_dir, NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "seq"), ==, sqlite3_column_int64 (stmt, 0));
  g_assert_cmpstr (json_object_get_string_member (object, "hash"), ==, (const char *) sqlite3_column_text (stmt, 1));

  /* The same head beside the database. */
  g_assert_true (g_file_get_contents (head_path, &head_file, NULL, NULL));
  g_assert_nonnull (strstr (head_file, (const char *) sqlite3_column_text (stmt, 1)));

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The head an exported file carries, given back to verify: it holds; another hash at
   * its entry, or an entry beyond the chain, shows a chain rewritten since. */
  {
    g_auto(GStrv) fields = g_strsplit (g_strstrip (plain.out), "\t", 2);
    g_autofree char *same = g_strdup_printf ("audit chain #%s %s", fields[0], fields[1]);
    g_autofree char *other = g_strdup_printf ("审计链 #%s %064d", fields[0], 7);
    g_autofree char *beyond = g_strdup_printf ("audit chain #%lld %s", (long long) g_ascii_strtoll (fields[0], NULL, 10) + 5, fields[1]);
    g_auto(XaTestRun) holds = { 0, };
    g_auto(XaTestRun) rewritten = { 0, };
    g_auto(XaTestRun) cut = { 0, };
    g_auto(XaTestRun) garbled = { 0, };

    xa_test_run_cli (&holds, fixture->data_dir, "audit", "verify", "--head", same, NULL);
    g_assert_cmpint (holds.status, ==, 0);
    xa_test_run_cli (&rewritten, fixture->data_dir, "audit", "verify", "--head", other, NULL);
    g_assert_cmpint (rewritten.status, ==, 1);
    g_assert_nonnull (strstr (rewritten.out, "the exported file recorded: the audit log was rewritten"));
    xa_test_run_cli (&cut, fixture->data_dir, "audit", "verify", "--head", beyond, NULL);
    g_assert_cmpint (cut.status, ==, 1);
    g_assert_nonnull (strstr (cut.out, "its last entries were removed"));
    xa_test_run_cli (&garbled, fixture->data_dir, "audit", "verify", "--head", "审计链 12", NULL);
    g_assert_cmpint (garbled.status, ==, 2);
  }
}

/* Runs `xiaoan-cli --data-dir DATA_DIR LINE`, the words of @line split at spaces. */
static void
run_line (XaTestRun  *run,
          const char *data_dir,
          const char *line)
{
  g_auto(GStrv) split = g_strsplit (line, " ", -1);
  const char *w[12] = { NULL, };
  guint n = 0;

  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] != '\0')
        {
          g_assert_cmpuint (n, <, G_N_ELEMENTS (w) - 1);
          w[n++] = split[i];
        }
    }

  /* The list ends at the first NULL. */
  xa_test_run_cli (run, data_dir, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8],
                   w[9], w[10], NULL);
}

/* Runs `xiaoan-cli --data-dir DIR COMMAND VALID EXTRA`. */
static void
run_case (XaTestRun   *run,
          Fixture     *fixture,
          const Case  *test_case,
          const char  *extra)
{
  g_autofree char *line = g_strjoin (" ", test_case->command, test_case->valid, extra, NULL);

  run_line (run, fixture->data_dir, line);
}

/* Exit status 2, nothing on stdout, and one line on stderr that contains @needle. */
static void
assert_usage_error (XaTestRun  *run,
                    const char *needle)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "xiaoan-cli: "));
  g_assert_nonnull (strstr (run->err, needle));
  g_assert_cmpuint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
}

static void
test_foreign_option (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_autofree char *name = g_strndup (cases[i].foreign, strcspn (cases[i].foreign, "="));

      run_case (&run, fixture, &cases[i], cases[i].foreign);
      assert_usage_error (&run, name);
      g_assert_nonnull (strstr (run.err, cases[i].command));
    }

  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
}

/* The option as the last word: its message says what value it wants. */
static void
test_missing_value (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_autofree char *needs = NULL;

      if (cases[i].needs_value == NULL)
        continue;

      needs = g_strdup_printf ("%s needs ", cases[i].needs_value);
      run_case (&run, fixture, &cases[i], cases[i].needs_value);
      assert_usage_error (&run, needs);
    }

  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
}

static void
test_stray_argument (Fixture       *fixture,
                     gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_autofree char *message = g_strdup_printf ("Unknown argument “stray.csv” for “%s”", cases[i].command);

      run_case (&run, fixture, &cases[i], "stray.csv");
      assert_usage_error (&run, message);
    }

  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
}

/* A command that takes a file, called without one. */
static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *commands[][2] = { { "school", "import" }, { "template", "import" } };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_autofree char *message = g_strdup_printf ("“%s %s” takes one file", commands[i][0], commands[i][1]);

      xa_test_run_cli (&run, fixture->data_dir, commands[i][0], commands[i][1], NULL);
      assert_usage_error (&run, message);
    }

  g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
}

/* "--" ends the options: what follows is an argument even when it starts with "-". */
static void
test_double_dash (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->data_dir, "school", "import", "--", "-missing.csv", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "-missing.csv"));
}

/* `COMMAND --help` lists that command's options and exits 0; the global --help lists
 * every command. */
static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(XaTestRun) global = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_auto(GStrv) words = g_strsplit (cases[i].command, " ", 2);
      g_autofree char *foreign = g_strndup (cases[i].foreign, strcspn (cases[i].foreign, "="));

      xa_test_run_cli (&run, NULL, words[0], words[1] ? words[1] : "--help", words[1] ? "--help" : NULL, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, cases[i].command));
      if (cases[i].own != NULL)
        g_assert_nonnull (strstr (run.out, cases[i].own));
      g_assert_null (strstr (run.out, foreign));
    }

  xa_test_run_cli (&global, NULL, "--help", NULL);
  g_assert_cmpint (global.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_nonnull (strstr (global.out, cases[i].command));
}

/* Reading */

/* Each command that only reads, as a call that works on a database with schools and
 * templates; "@" stands for the test's folder. */
static const char * const read_calls[] = {
  "school list",
  "school list --json",
  "agreement list --year 2021-2022",
  "agreement list --year 2021 --json",
  "template list",
  "template export --year 2021 @/template.json",
  "template diff --year 2021 --year 2021",
  "template diff --year 2021 --year 2021 --pdf @/diff.pdf",
  "audit verify",
};

static char *
dup_read_call (Fixture *fixture,
               guint    i)
{
  g_auto(GStrv) parts = g_strsplit (read_calls[i], "@", -1);

  return g_strjoinv (fixture->dir, parts);
}

static char *
dup_file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
count_audit (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM audit", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}

/* Runs every read call; each leaves the database file byte for byte as it was. Returns
 * how many exited 0. */
static guint
run_read_calls (Fixture *fixture)
{
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_autofree char *sha = dup_file_sha256 (db_path);
  int n_audit = count_audit (db_path);
  guint n_ok = 0;

  for (guint i = 0; i < G_N_ELEMENTS (read_calls); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_autofree char *call = dup_read_call (fixture, i);
      g_autofree char *after = NULL;

      run_line (&run, fixture->data_dir, call);
      g_test_message ("%s: %d %s", call, run.status, run.err);
      g_assert_cmpint (run.status, !=, 2);
      n_ok += run.status == 0;

      after = dup_file_sha256 (db_path);
      g_assert_cmpstr (after, ==, sha);
      g_assert_cmpint (count_audit (db_path), ==, n_audit);
    }

  return n_ok;
}

/* A database whose default template was never stored (the store made it, not the app):
 * reading it must not store the template, as opening it for writing does. Then a full
 * one, where every read call succeeds. */
static void
test_read_writes_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_auto(XaTestRun) init = { 0, };
  g_auto(XaTestRun) generate = { 0, };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XaStore) store = xa_store_open (db_path, &error);
    g_autoptr(XaSchoolRegistry) registry = NULL;

    g_assert_no_error (error);
    registry = xa_school_registry_new (store);
    xa_demo_fill (registry, 3, 7, &error);
    g_assert_no_error (error);
  }

  run_read_calls (fixture);

  xa_test_run_cli (&init, fixture->data_dir, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);
  xa_test_run_cli (&generate, fixture->data_dir, "agreement", "generate", "--year", "2021", "--all", NULL);
  g_assert_cmpint (generate.status, ==, 0);

  g_assert_cmpuint (run_read_calls (fixture), ==, G_N_ELEMENTS (read_calls));
}

/* A read in a folder without a database says to create one, and creates nothing. */
static void
test_read_no_database (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (read_calls); i++)
    {
      g_auto(XaTestRun) run = { 0, };
      g_autofree char *call = dup_read_call (fixture, i);
      g_autofree char *message = g_strdup_printf ("There is no database in %s yet; run “xiaoan-cli init”",
                                                  fixture->data_dir);

      run_line (&run, fixture->data_dir, call);
      g_test_message ("%s: %s", call, run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, message));
      g_assert_false (g_file_test (fixture->data_dir, G_FILE_TEST_EXISTS));
    }

  /* Nor does it in a folder that exists without one. */
  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  {
    g_auto(XaTestRun) run = { 0, };
    g_autoptr(GDir) dir = NULL;

    xa_test_run_cli (&run, fixture->data_dir, "template", "list", NULL);
    g_assert_cmpint (run.status, ==, 1);
    dir = g_dir_open (fixture->data_dir, 0, NULL);
    g_assert_null (g_dir_read_name (dir));
  }
}

/* A database of an older schema is read only once it is updated, which reading does
 * not do. */
static void
test_read_older_schema (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db_path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  g_autofree char *sha = NULL;
  g_autofree char *after = NULL;
  g_auto(XaTestRun) read = { 0, };
  g_auto(XaTestRun) init = { 0, };
  g_auto(XaTestRun) again = { 0, };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XaStore) old = _xa_store_open_at_version (db_path, XA_STORE_SCHEMA_VERSION - 1, &error);

    g_assert_no_error (error);
  }
  sha = dup_file_sha256 (db_path);

  xa_test_run_cli (&read, fixture->data_dir, "school", "list", NULL);
  g_assert_cmpint (read.status, ==, 1);
  g_assert_nonnull (strstr (read.err, fixture->data_dir));
  g_assert_nonnull (strstr (read.err, "older version of Xiaoan; run “xiaoan-cli init”"));
  after = dup_file_sha256 (db_path);
  g_assert_cmpstr (after, ==, sha);

  xa_test_run_cli (&init, fixture->data_dir, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);
  xa_test_run_cli (&again, fixture->data_dir, "school", "list", NULL);
  g_assert_cmpint (again.status, ==, 0);
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
  g_test_add ("/xa/cli/operator-from-the-start", Fixture, NULL, fixture_set_up, test_operator_from_the_start, fixture_tear_down);
  g_test_add ("/xa/cli/audit-tamper", Fixture, NULL, fixture_set_up, test_audit_tamper, fixture_tear_down);
  g_test_add ("/xa/cli/audit-head", Fixture, NULL, fixture_set_up, test_audit_head, fixture_tear_down);
  g_test_add ("/xa/cli/options/foreign-option", Fixture, NULL, fixture_set_up, test_foreign_option, fixture_tear_down);
  g_test_add ("/xa/cli/options/missing-value", Fixture, NULL, fixture_set_up, test_missing_value, fixture_tear_down);
  g_test_add ("/xa/cli/options/stray-argument", Fixture, NULL, fixture_set_up, test_stray_argument, fixture_tear_down);
  g_test_add ("/xa/cli/options/missing-file", Fixture, NULL, fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/xa/cli/options/double-dash", Fixture, NULL, fixture_set_up, test_double_dash, fixture_tear_down);
  g_test_add ("/xa/cli/options/help", Fixture, NULL, fixture_set_up, test_help, fixture_tear_down);
  g_test_add ("/xa/cli/read/writes-nothing", Fixture, NULL, fixture_set_up, test_read_writes_nothing, fixture_tear_down);
  g_test_add ("/xa/cli/read/no-database", Fixture, NULL, fixture_set_up, test_read_no_database, fixture_tear_down);
  g_test_add ("/xa/cli/read/older-schema", Fixture, NULL, fixture_set_up, test_read_older_schema, fixture_tear_down);

  return g_test_run ();
}
