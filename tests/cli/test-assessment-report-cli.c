/* test-assessment-report-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli assessment report` and `assessment export` on a demo database of three
 * schools, scored through the command line (one of them vetoed): the district summary's
 * text holds every school with its score and grade, a school's sheet its own, the
 * workbook every school's row; asking for both or neither of --school and --district,
 * and writing where nothing can be written, fail with a message and leave no file.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-pdf-text.h"
#include "xa-test-utils.h"
#include "core/util/xa-xlsx-reader.h"

#define N_SCHOOLS 3

typedef struct
{
  XaTestDemoDir  demo;
  char          *codes[N_SCHOOLS];
  char          *names[N_SCHOOLS];
} Fixture;

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

/* School i keeps 10 − 3i points of G1: 100, 97 and 94; the last is vetoed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "assessment-report-cli", N_SCHOOLS);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      JsonObject *school = json_array_get_object_element (schools, i);
      g_autofree char *score = g_strdup_printf ("%u", 10 - 3 * i);

      fixture->codes[i] = g_strdup (json_object_get_string_member (school, "code"));
      fixture->names[i] = g_strdup (json_object_get_string_member (school, "name"));
      run_ok (fixture, "assessment", "self", "--year", "2026", "--school", fixture->codes[i], "--indicator", "G1",
              "--score", "10", NULL);
      run_ok (fixture, "assessment", "score", "--year", "2026", "--school", fixture->codes[i], "--indicator", "G1",
              "--score", score, "--notes", "九无检查发现问题", NULL);
    }
  run_ok (fixture, "assessment", "veto", "--year", "2026", "--school", fixture->codes[N_SCHOOLS - 1], "--ground", "V4",
          "--reason", "瞒报学生受伤事故", "--decided-on", "2027-07-01", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      g_free (fixture->codes[i]);
      g_free (fixture->names[i]);
    }
  xa_test_demo_dir_tear_down (&fixture->demo);
}

/* The text without white space: a PDF's text reads the same whatever its lines. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (out, g_utf8_get_char (c));
  return g_string_free (out, FALSE);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  raw = xa_test_pdf_bytes_text (bytes);
  return squeeze (raw);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the text", part);
}

static void
test_district (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->demo.dir, "考核汇总.pdf", NULL);
  g_autofree char *text = NULL;
  const char *scores[] = { "100", "97", "94" };

  run_ok (fixture, "assessment", "report", "--year", "2026", "--district", "--out", out, NULL);
  text = pdf_text (out);
  assert_has (text, "2026—2027学年度学校安全工作目标考核情况汇总");
  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      assert_has (text, fixture->names[i]);
      assert_has (text, fixture->codes[i]);
      assert_has (text, scores[i]);
    }
  assert_has (text, "优秀");
  assert_has (text, "不合格");
  assert_has (text, "瞒报学生受伤事故");
  assert_has (text, "考核等级分布");
}

static void
test_school (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->demo.dir, "评分表.pdf", NULL);
  g_autofree char *text = NULL;

  run_ok (fixture, "assessment", "report", "--year", "2026", "--school", fixture->codes[1], "--out", out, NULL);
  text = pdf_text (out);
  assert_has (text, fixture->names[1]);
  assert_has (text, "考核总分：97");
  assert_has (text, "等级：优秀");
  assert_has (text, "九无检查发现问题");
  assert_has (text, "学校（盖章）");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->demo.dir, "考核得分.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(XaXlsxReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *cells;
  guint row = 0;

  run_ok (fixture, "assessment", "export", "--year", "2026", "--out", out, NULL);
  reader = xa_xlsx_reader_open (file, NULL, &error);
  g_assert_no_error (error);
  header = xa_xlsx_reader_next (reader, &row, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (header, 2), ==, "学校");
  g_assert_cmpstr (g_ptr_array_index (header, 5), ==, "考核总分");
  while ((cells = xa_xlsx_reader_next (reader, &row, &error)) != NULL)
    {
      /* 学校 → 考核总分 等级 */
      g_hash_table_insert (rows, g_strdup (g_ptr_array_index (cells, 2)),
                           g_strdup_printf ("%s %s", (char *) g_ptr_array_index (cells, 5),
                                            (char *) g_ptr_array_index (cells, 6)));
      g_ptr_array_unref (cells);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (rows), ==, N_SCHOOLS);
  g_assert_cmpstr (g_hash_table_lookup (rows, fixture->names[0]), ==, "100 优秀");
  g_assert_cmpstr (g_hash_table_lookup (rows, fixture->names[1]), ==, "97 优秀");
  g_assert_cmpstr (g_hash_table_lookup (rows, fixture->names[2]), ==, "94 不合格");
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autofree char *missing = g_build_filename (fixture->demo.dir, "没有的目录", "汇总.pdf", NULL);
  g_autofree char *out = g_build_filename (fixture->demo.dir, "汇总.pdf", NULL);

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "report", "--year", "2026", "--district",
                   "--out", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "没有的目录"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "export", "--year", "2026", "--out", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "没有的目录"));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "report", "--year", "2026", "--district",
                   "--school", fixture->codes[0], "--out", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--district"));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "report", "--year", "2026", "--out", out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "assessment", "report", "--year", "2026", "--district", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--out"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xiaoan/assessment-report-cli/district", Fixture, NULL, fixture_set_up, test_district, fixture_tear_down);
  g_test_add ("/xiaoan/assessment-report-cli/school", Fixture, NULL, fixture_set_up, test_school, fixture_tear_down);
  g_test_add ("/xiaoan/assessment-report-cli/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/xiaoan/assessment-report-cli/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
