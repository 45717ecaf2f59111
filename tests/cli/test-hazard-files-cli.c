/* test-hazard-files-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's files through the real xiaoan-cli: `hazard export` as PDF (read back
 * with Poppler), XLSX and CSV, imported into another district's empty ledger with the
 * same rows; a dry run and every refusal (a number already there, a bad line named
 * FILE:LINE) leave the database byte for byte; the 整改通知书 and 销号单 read back; the
 * read commands never change the database.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xa-test-utils.h"
#include "xa-test-pdf-text.h"

#define YEAR "2021-2022"

typedef struct
{
  XaTestDemoDir demo;     /* the ledger, in a district of two schools */
  XaTestDemoDir empty;    /* the same district, without hazards */
  char         *code;     /* the first school's */
  char         *other;    /* the second's */
  char         *numbers[3];
} Fixture;

static char *
add_hazard (Fixture    *fixture,
            const char *place)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "add", "--school", fixture->code, "--year", YEAR,
                   "--found-on", "2021-10-08", "--found-by", "张老师", "--place", place,
                   "--category", "electricity", "--description", "配电箱门锁损坏，电线裸露",
                   "--measures", "更换门锁，包扎电线", "--department", "总务处", "--responsible", "李主任",
                   "--deadline", "2021-10-15", "--remarks", "=SUM(A1:A3)", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Recorded hazard "));
  return g_strstrip (g_strdup (run.out + strlen ("Recorded hazard ")));
}

static void
advance (Fixture    *fixture,
         const char *number,
         const char *step,
         const char *who,
         const char *date)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "advance", number, step, "--who", who,
                   date != NULL ? "--date" : NULL, date, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_demo_dir_set_up (&fixture->demo, "hazard-files", 2);
  xa_test_demo_dir_set_up (&fixture->empty, "hazard-files-empty", 2);

  xa_test_run_cli (&run, fixture->demo.data_dir, "school", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  fixture->code = g_strndup (run.out, strcspn (run.out, "\t"));
  fixture->other = g_strndup (strchr (run.out, '\n') + 1, strcspn (strchr (run.out, '\n') + 1, "\t"));
  g_assert_cmpstr (fixture->other, !=, fixture->code);

  /* 待整改, 整改中 and 已销号. */
  fixture->numbers[0] = add_hazard (fixture, "教学楼门厅");
  fixture->numbers[1] = add_hazard (fixture, "食堂后厨");
  fixture->numbers[2] = add_hazard (fixture, "3号宿舍楼");
  advance (fixture, fixture->numbers[1], "start", "李主任", NULL);
  advance (fixture, fixture->numbers[2], "start", "李主任", NULL);
  advance (fixture, fixture->numbers[2], "complete", "李主任", "2021-10-10");
  advance (fixture, fixture->numbers[2], "pass", "王校长", "2021-10-11");
  advance (fixture, fixture->numbers[2], "close", "王校长", "2021-10-12");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_demo_dir_tear_down (&fixture->demo);
  xa_test_demo_dir_tear_down (&fixture->empty);
  g_free (fixture->code);
  g_free (fixture->other);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->numbers); i++)
    g_free (fixture->numbers[i]);
}

/* The database file's bytes, which a read or a refusal must leave as they are. */
static char *
dup_database (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "xiaoan.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
out_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->demo.dir, name, NULL);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  return xa_test_pdf_bytes_text (bytes);
}

static void
export (Fixture    *fixture,
        const char *format,
        const char *path)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "export", "--school", fixture->code, "--year", YEAR,
                   "--format", format, "--out", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Wrote 3 hazards to "));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = dup_database (fixture->demo.data_dir);
  g_autofree char *after = NULL;
  g_autofree char *pdf = out_path (fixture, "台账.pdf");
  g_autofree char *csv = out_path (fixture, "台账.csv");
  g_autofree char *xlsx = out_path (fixture, "台账.xlsx");
  g_autofree char *missing = out_path (fixture, "other.csv");
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_auto(XaTestRun) no_school = { 0, };
  g_auto(XaTestRun) bad_format = { 0, };
  g_auto(XaTestRun) unknown = { 0, };
  g_auto(XaTestRun) by_extension = { 0, };

  export (fixture, "pdf", pdf);
  export (fixture, "csv", csv);
  export (fixture, "xlsx", xlsx);

  /* The official ledger, every hazard in it. */
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "2021—2022学年度安全隐患排查整改台账"));
  for (guint i = 0; i < G_N_ELEMENTS (fixture->numbers); i++)
    {
      /* A number wraps in its narrow cell: its sequence is on a line of its own. */
      g_assert_nonnull (strstr (text, fixture->numbers[i] + strlen (fixture->numbers[i]) - 4));
    }
  g_assert_nonnull (strstr (text, "已销号"));

  /* Every column, the formula neutralised. */
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf隐患编号,"));
  for (guint i = 0; i < G_N_ELEMENTS (fixture->numbers); i++)
    g_assert_nonnull (strstr (contents, fixture->numbers[i]));
  g_assert_nonnull (strstr (contents, "'=SUM(A1:A3)"));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

  /* The format from the extension. */
  xa_test_run_cli (&by_extension, fixture->demo.data_dir, "hazard", "export", "--school", fixture->code,
                   "--year", YEAR, "--out", missing, NULL);
  g_assert_cmpint (by_extension.status, ==, 0);
  g_assert_true (g_file_test (missing, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_remove (missing), ==, 0);

  /* Usage errors name the option; an unknown school writes nothing. */
  xa_test_run_cli (&no_school, fixture->demo.data_dir, "hazard", "export", "--year", YEAR, "--out", missing, NULL);
  g_assert_cmpint (no_school.status, ==, 2);
  g_assert_nonnull (strstr (no_school.err, "--school"));
  xa_test_run_cli (&bad_format, fixture->demo.data_dir, "hazard", "export", "--school", fixture->code,
                   "--year", YEAR, "--format", "doc", "--out", missing, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_nonnull (strstr (bad_format.err, "--format"));
  xa_test_run_cli (&unknown, fixture->demo.data_dir, "hazard", "export", "--school", "9999999999",
                   "--year", YEAR, "--out", missing, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "9999999999"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  after = dup_database (fixture->demo.data_dir);
  g_assert_cmpstr (after, ==, before);
}

/* `hazard list --json` without what the store gives each copy of its own. */
static char *
dup_listing (const char *data_dir)
{
  g_autoptr(JsonArray) array = xa_test_run_cli_json (data_dir, "hazard", "list", "--json", NULL);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      json_object_remove_member (object, "uuid");
      json_object_remove_member (object, "school_uuid");
      json_object_remove_member (object, "history");
    }
  json_node_set_array (node, array);
  return json_to_string (node, TRUE);
}

static void
import_into_empty (Fixture    *fixture,
                   const char *path)
{
  const char *data_dir = fixture->empty.data_dir;
  g_autofree char *empty = dup_database (data_dir);
  g_autofree char *after_dry_run = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *after_refusal = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  g_auto(XaTestRun) dry_run = { 0, };
  g_auto(XaTestRun) run = { 0, };
  g_auto(XaTestRun) again = { 0, };
  g_auto(XaTestRun) verify = { 0, };

  /* A dry run checks and stores nothing. */
  xa_test_run_cli (&dry_run, data_dir, "hazard", "import", path, "--dry-run", NULL);
  g_assert_cmpint (dry_run.status, ==, 0);
  g_assert_nonnull (strstr (dry_run.out, "3 hazards of"));
  after_dry_run = dup_database (data_dir);
  g_assert_cmpstr (after_dry_run, ==, empty);

  /* The school told by the numbers; the same rows as the exported ledger. */
  xa_test_run_cli (&run, data_dir, "hazard", "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 3 hazards"));
  expected = dup_listing (fixture->demo.data_dir);
  listing = dup_listing (data_dir);
  g_assert_cmpstr (listing, ==, expected);

  /* Again: every number is there already; nothing changes. */
  imported = dup_database (data_dir);
  xa_test_run_cli (&again, data_dir, "hazard", "import", path, "--school", fixture->code, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, fixture->numbers[0]));
  g_assert_nonnull (strstr (again.err, "already in the ledger"));
  after_refusal = dup_database (data_dir);
  g_assert_cmpstr (after_refusal, ==, imported);

  xa_test_run_cli (&verify, data_dir, "audit", "verify", NULL);
  g_assert_cmpint (verify.status, ==, 0);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = out_path (fixture, data);

  export (fixture, g_str_has_suffix (data, ".csv") ? "csv" : "xlsx", path);
  import_into_empty (fixture, path);
}

static void
test_import_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *data_dir = fixture->empty.data_dir;
  g_autofree char *path = out_path (fixture, "台账.csv");
  g_autofree char *bad = out_path (fixture, "bad.csv");
  g_autofree char *contents = NULL;
  g_autofree char *before = dup_database (data_dir);
  g_autofree char *after = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(XaTestRun) run = { 0, };
  g_auto(XaTestRun) no_school = { 0, };
  g_auto(XaTestRun) dry_run = { 0, };

  /* Line 3's deadline is no date: the file and the line are named, nothing stored. */
  export (fixture, "csv", path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "2021-10-15", "明天", 2), ==, 2);
  g_assert_true (g_file_set_contents (bad, edited->str, edited->len, NULL));

  xa_test_run_cli (&run, data_dir, "hazard", "import", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "bad.csv:2: "));
  g_assert_nonnull (strstr (run.err, "bad.csv:3: "));
  g_assert_null (strstr (run.err, "bad.csv:4: "));
  g_assert_nonnull (strstr (run.err, "nothing was imported"));
  xa_test_run_cli (&dry_run, data_dir, "hazard", "import", bad, "--dry-run", NULL);
  g_assert_cmpint (dry_run.status, ==, 1);
  g_assert_nonnull (strstr (dry_run.err, "bad.csv:3: "));

  /* Another school's ledger for this school: each line named. */
  xa_test_run_cli (&no_school, data_dir, "hazard", "import", path, "--school", fixture->other, NULL);
  g_assert_cmpint (no_school.status, ==, 1);
  g_assert_nonnull (strstr (no_school.err, "台账.csv:4: "));
  g_assert_nonnull (strstr (no_school.err, "is another school"));

  after = dup_database (data_dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_forms (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *before = dup_database (fixture->demo.data_dir);
  g_autofree char *after = NULL;
  g_autofree char *notice = out_path (fixture, "通知书.pdf");
  g_autofree char *closing = out_path (fixture, "销号单.pdf");
  g_autofree char *refused = out_path (fixture, "refused.pdf");
  g_autofree char *notice_text = NULL;
  g_autofree char *closing_text = NULL;
  g_auto(XaTestRun) run_notice = { 0, };
  g_auto(XaTestRun) run_closing = { 0, };
  g_auto(XaTestRun) run_refused = { 0, };
  g_auto(XaTestRun) run_unknown = { 0, };
  g_auto(XaTestRun) run_no_out = { 0, };

  xa_test_run_cli (&run_notice, fixture->demo.data_dir, "hazard", "notice", fixture->numbers[1],
                   "--out", notice, NULL);
  g_assert_cmpint (run_notice.status, ==, 0);
  notice_text = pdf_text (notice);
  g_assert_nonnull (strstr (notice_text, "隐患整改通知书"));
  g_assert_nonnull (strstr (notice_text, fixture->numbers[1]));
  g_assert_nonnull (strstr (notice_text, "食堂后厨"));

  xa_test_run_cli (&run_closing, fixture->demo.data_dir, "hazard", "closing", fixture->numbers[2],
                   "--out", closing, NULL);
  g_assert_cmpint (run_closing.status, ==, 0);
  closing_text = pdf_text (closing);
  g_assert_nonnull (strstr (closing_text, "隐患整改销号单"));
  g_assert_nonnull (strstr (closing_text, fixture->numbers[2]));
  g_assert_nonnull (strstr (closing_text, "王校长"));

  /* A hazard not closed has no 销号单; an unknown number is named; --out is needed. */
  xa_test_run_cli (&run_refused, fixture->demo.data_dir, "hazard", "closing", fixture->numbers[1],
                   "--out", refused, NULL);
  g_assert_cmpint (run_refused.status, ==, 1);
  g_assert_nonnull (strstr (run_refused.err, fixture->numbers[1]));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  xa_test_run_cli (&run_unknown, fixture->demo.data_dir, "hazard", "notice", "2021-2022-9999999999-0001",
                   "--out", refused, NULL);
  g_assert_cmpint (run_unknown.status, ==, 1);
  g_assert_nonnull (strstr (run_unknown.err, "2021-2022-9999999999-0001"));
  xa_test_run_cli (&run_no_out, fixture->demo.data_dir, "hazard", "notice", fixture->numbers[0], NULL);
  g_assert_cmpint (run_no_out.status, ==, 2);
  g_assert_nonnull (strstr (run_no_out.err, "--out"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  after = dup_database (fixture->demo.data_dir);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xiaoan/hazard-files-cli/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/xiaoan/hazard-files-cli/import/xlsx", Fixture, "台账.xlsx", fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/xiaoan/hazard-files-cli/import/csv", Fixture, "台账.csv", fixture_set_up, test_import,
              fixture_tear_down);
  g_test_add ("/xiaoan/hazard-files-cli/import/refused", Fixture, NULL, fixture_set_up, test_import_refused,
              fixture_tear_down);
  g_test_add ("/xiaoan/hazard-files-cli/forms", Fixture, NULL, fixture_set_up, test_forms, fixture_tear_down);

  return g_test_run ();
}
