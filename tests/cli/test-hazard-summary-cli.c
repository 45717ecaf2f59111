/* test-hazard-summary-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli hazard summary` and `hazard supervision` run as a user runs them, on a demo
 * district whose hazards are recorded and closed with `hazard add` and `hazard advance`:
 * the summary's counts as JSON for the district and one school, the notice's PDF read
 * back with Poppler, the database the same byte for byte after both, and refusals of
 * bad options (exit 2) and of a school with nothing overdue (exit 1, no file).
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "document/xa-test-pdf.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *school;   /* the first school's code */
  char          *other;    /* the second's */
  char          *numbers[4];
} Fixture;

static char *
add_hazard (Fixture    *fixture,
            const char *school,
            const char *category,
            const char *deadline)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "add", "--school", school, "--year", "2021",
                   "--found-on", "2021-10-01", "--found-by", "张老师", "--place", "教学楼配电箱",
                   "--category", category, "--description", "电线裸露", "--measures", "包扎电线",
                   "--department", "总务处", "--responsible", "李主任", "--deadline", deadline, NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* "Recorded hazard 2021-2022-<code>-0001" */
  g_strstrip (run.out);
  g_assert_true (g_str_has_prefix (strrchr (run.out, ' ') + 1, "2021-2022-"));
  return g_strdup (strrchr (run.out, ' ') + 1);
}

static void
advance (Fixture    *fixture,
         const char *number,
         const char *step,
         const char *who)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "advance", number, step, "--who", who,
                   "--date", "2021-10-05", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "summary-cli", 2);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->school = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
  fixture->other = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 1), "code"));

  /* School one: two overdue on 2021-11-01 (fire, electricity), one closed, one due
   * later; school two: one overdue. */
  fixture->numbers[0] = add_hazard (fixture, fixture->school, "fire", "2021-10-10");
  fixture->numbers[1] = add_hazard (fixture, fixture->school, "electricity", "2021-10-20");
  fixture->numbers[2] = add_hazard (fixture, fixture->school, "fire", "2021-10-10");
  fixture->numbers[3] = add_hazard (fixture, fixture->school, "fire", "2021-12-10");
  g_free (add_hazard (fixture, fixture->other, "gas", "2021-10-15"));
  advance (fixture, fixture->numbers[2], "start", "李主任");
  advance (fixture, fixture->numbers[2], "complete", "李主任");
  advance (fixture, fixture->numbers[2], "pass", "王校长");
  advance (fixture, fixture->numbers[2], "close", "王校长");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_demo_dir_tear_down (&fixture->demo);
  g_free (fixture->school);
  g_free (fixture->other);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->numbers); i++)
    g_free (fixture->numbers[i]);
}

static JsonObject *
run_summary (Fixture    *fixture,
             const char *school)
{
  g_auto(XaTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (school != NULL)
    xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "summary", "--year", "2021-2022", "--school", school,
                     "--on", "2021-11-01", "--json", NULL);
  else
    xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "summary", "--year", "2021", "--on", "2021-11-1",
                     "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gint64
member (JsonObject *object,
        const char *name)
{
  return json_object_get_int_member (object, name);
}

static char *
database_digest (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *before = database_digest (fixture);
  g_autoptr(JsonObject) all = run_summary (fixture, NULL);
  g_autoptr(JsonObject) one = run_summary (fixture, fixture->school);
  g_autofree char *after = NULL;
  JsonObject *total = json_object_get_object_member (all, "total");
  JsonArray *schools = json_object_get_array_member (all, "schools");
  JsonObject *first = json_array_get_object_element (schools, 0);
  JsonObject *fire;

  g_assert_cmpstr (json_object_get_string_member (all, "on"), ==, "2021-11-01");
  g_assert_cmpint (json_array_get_length (schools), ==, 2);
  g_assert_cmpint (member (total, "hazards"), ==, 5);
  g_assert_cmpint (member (total, "open"), ==, 4);
  g_assert_cmpint (member (total, "overdue"), ==, 3);

  g_assert_cmpstr (json_object_get_string_member (first, "school_code"), ==, fixture->school);
  g_assert_cmpint (member (first, "hazards"), ==, 4);
  g_assert_cmpint (member (first, "open"), ==, 3);
  g_assert_cmpint (member (first, "overdue"), ==, 2);
  fire = json_object_get_object_member (json_object_get_object_member (first, "categories"), "fire");
  g_assert_cmpint (member (fire, "open"), ==, 2);
  g_assert_cmpint (member (fire, "overdue"), ==, 1);

  g_assert_cmpint (json_array_get_length (json_object_get_array_member (one, "schools")), ==, 1);
  g_assert_cmpint (member (json_object_get_object_member (one, "total"), "overdue"), ==, 2);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (one, "majors")), ==, 0);

  /* A summary reads only. */
  after = database_digest (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_notice (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before = database_digest (fixture);
  g_autofree char *pdf = g_build_filename (fixture->demo.dir, "督办通知.pdf", NULL);
  g_autofree char *none = g_build_filename (fixture->demo.dir, "none.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *after = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(XaTestRun) run = { 0, };
  g_auto(XaTestRun) early = { 0, };
  g_auto(XaTestRun) unknown = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "hazard", "supervision", "--year", "2021", "--school", fixture->school,
                   "--on", "2021-11-01", "--by", "2021-11-15", "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2"));

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      for (const char *p = page_text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          /* Without white space, and without the zero-width spaces numbers break at. */
          if (!g_unichar_isspace (c) && c != 0x200b)
            g_string_append_unichar (text, c);
        }
    }
  g_assert_nonnull (strstr (text->str, "关于限期整改逾期安全隐患的督办通知"));
  g_assert_nonnull (strstr (text->str, "于2021年11月15日前整改完毕"));
  g_assert_nonnull (strstr (text->str, "教育委员会"));
  g_assert_nonnull (strstr (text->str, "有下列2项安全隐患"));
  /* The number column: the first two overdue, the third closed, the fourth not yet due. */
  {
    g_autofree char *column = xa_test_pdf_column_text (document, NULL, "隐患部位");
    g_autoptr(GString) numbers = g_string_new (NULL);

    for (const char *p = column; *p != '\0'; p++)
      if (g_ascii_isdigit (*p) || *p == '-')
        g_string_append_c (numbers, *p);
    g_assert_nonnull (strstr (numbers->str, fixture->numbers[0]));
    g_assert_nonnull (strstr (numbers->str, fixture->numbers[1]));
    g_assert_null (strstr (numbers->str, fixture->numbers[2]));
    g_assert_null (strstr (numbers->str, fixture->numbers[3]));
  }

  /* Nothing overdue on the day: a user error naming the school, no file. */
  xa_test_run_cli (&early, fixture->demo.data_dir, "hazard", "supervision", "--year", "2021", "--school",
                   fixture->school, "--on", "2021-10-05", "--out", none, NULL);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  xa_test_run_cli (&unknown, fixture->demo.data_dir, "hazard", "supervision", "--year", "2021", "--school",
                   "9999999999", "--out", none, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "9999999999"));
  g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));

  after = database_digest (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* Bad options are usage errors (exit 2) that name the option. */
static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  static const char * const cases[][8] = {
    { "hazard", "summary", NULL },
    { "hazard", "summary", "--year", "2021", "--on", "2021-13-01", NULL },
    { "hazard", "supervision", "--year", "2021", "--out", "x.pdf", NULL },
    { "hazard", "supervision", "--year", "2021", "--school", "2150000113", NULL },
    { "hazard", "supervision", "--year", "2021", "--school", "2150000113", "--on", NULL },
  };
  static const char * const named[] = { "--year", "--on", "--school", "--out", "--on" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XaTestRun) run = { 0, };

      xa_test_run_cli (&run, fixture->demo.data_dir, cases[i][0], cases[i][1], cases[i][2], cases[i][3],
                       cases[i][4], cases[i][5], cases[i][6], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, named[i]));
    }
}

/* A district of 80 schools whose first school has exactly a page (1,000) of overdue
 * hazards, imported: the summary lists every school, and the notice reads the full page
 * and stops (it read on for ever after a full last page). */
static void
test_many (void)
{
  XaTestDemoDir demo = { NULL, };
  g_autoptr(JsonArray) schools = NULL;
  g_autoptr(GString) csv = g_string_new ("隐患编号,学年度,排查类型,发现日期,排查人,隐患部位,隐患类别,"
                                         "隐患描述,隐患等级,整改措施,整改责任部门,整改责任人,整改时限,状态\n");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_auto(XaTestRun) hazards = { 0, };
  g_auto(XaTestRun) import = { 0, };
  g_auto(XaTestRun) summary = { 0, };
  g_auto(XaTestRun) notice = { 0, };
  const char *code;
  JsonObject *root;
  JsonObject *first;

  demo.dir = g_dir_make_tmp ("xiaoan-summary-many-XXXXXX", &error);
  g_assert_no_error (error);
  demo.data_dir = g_build_filename (demo.dir, "data", NULL);
  xa_test_run_cli (&hazards, demo.data_dir, "demo", "--schools", "80", "--hazards", "2000", NULL);
  g_assert_cmpint (hazards.status, ==, 0);
  schools = xa_test_run_cli_json (demo.data_dir, "school", "list", "--json", NULL);
  g_assert_cmpint (json_array_get_length (schools), ==, 80);
  code = json_object_get_string_member (json_array_get_object_element (schools, 0), "code");

  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (csv, "2021-2022-%s-%04u,2021—2022,月查,2021-10-01,张老师,教学楼,消防,灭火器过期,"
                            "一般,更换灭火器,总务处,李主任,2021-10-10,待整改\n", code, i);
  path = g_build_filename (demo.dir, "overdue.csv", NULL);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  xa_test_run_cli (&import, demo.data_dir, "hazard", "import", path, NULL);
  g_assert_cmpint (import.status, ==, 0);

  xa_test_run_cli (&summary, demo.data_dir, "hazard", "summary", "--year", "2021", "--on", "2021-11-01", "--json",
                   NULL);
  g_assert_cmpint (summary.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, summary.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "schools")), ==, 80);
  first = json_array_get_object_element (json_object_get_array_member (root, "schools"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "school_code"), ==, code);
  g_assert_cmpint (member (first, "overdue"), >=, 1000);

  pdf = g_build_filename (demo.dir, "督办通知.pdf", NULL);
  xa_test_run_cli (&notice, demo.data_dir, "hazard", "supervision", "--year", "2021", "--school", code,
                   "--on", "2021-11-01", "--out", pdf, NULL);
  g_assert_cmpint (notice.status, ==, 0);
  g_assert_nonnull (strstr (notice.out, " 1000 "));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  xa_test_demo_dir_tear_down (&demo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hazard-summary-cli/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/hazard-summary-cli/notice", Fixture, NULL, fixture_set_up, test_notice, fixture_tear_down);
  g_test_add ("/hazard-summary-cli/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add_func ("/hazard-summary-cli/many-schools", test_many);

  return g_test_run ();
}
