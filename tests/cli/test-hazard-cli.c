/* test-hazard-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli hazard add|advance|list|show` and `demo --hazards`, run as a process
 * ($XIAOAN_CLI) on a demo district: numbers as the ledger draws them, the loop of steps
 * to 已销号, the filters and sorts of the app, errors that name the option at fault and
 * change nothing, and reading commands that write nothing.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "xa-test-utils.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;   /* a school of the district */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "hazard-cli", 3);
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

/* `hazard add` for the fixture's school with the columns every test gives, then
 * @first_option and what follows it, up to %NULL. */
static void
add (Fixture    *fixture,
     XaTestRun  *run,
     const char *first_option,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char * const common[] = {
    "hazard", "add", "--school", fixture->code, "--found-on", "2021-10-08", "--found-by", "张老师",
    "--measures", "更换门锁，包扎电线", "--department", "总务处", "--responsible", "李主任",
  };
  va_list list;

  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    g_ptr_array_add (args, (gpointer) common[i]);
  va_start (list, first_option);
  for (const char *arg = first_option; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  xa_test_run_cli_argv (run, fixture->demo.data_dir, (const char * const *) args->pdata);
}

/* `hazard list --json` with @first_option and what follows it, up to %NULL. */
static JsonArray *
list (Fixture    *fixture,
      const char *first_option,
      ...)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list list;

  g_ptr_array_add (args, (gpointer) "hazard");
  g_ptr_array_add (args, (gpointer) "list");
  g_ptr_array_add (args, (gpointer) "--json");
  va_start (list, first_option);
  for (const char *arg = first_option; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (list);
  g_ptr_array_add (args, NULL);

  xa_test_run_cli_argv (&run, fixture->demo.data_dir, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
assert_option_error (XaTestRun  *run,
                     int         status,
                     const char *option)
{
  g_test_message ("%s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "xiaoan-cli: "));
  g_assert_nonnull (strstr (run->err, option));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, run->err + strlen (run->err) - 1);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_auto(XaTestRun) first = { 0 };
  g_auto(XaTestRun) second = { 0 };
  g_autofree char *expected = g_strdup_printf ("Recorded hazard 2021-2022-%s-0001\n", fixture->code);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) all = NULL;
  JsonObject *hazard;

  add (fixture, &first, "--place", "教学楼三楼东侧配电箱", "--description", "配电箱门锁损坏，电线裸露", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, expected);

  /* A major one, its deadline by default a month on, as JSON. */
  add (fixture, &second, "--place", "食堂后门", "--description", "燃气管道阀门漏气", "--grade", "major",
       "--category", "gas", "--temporary-measures", "关闭总阀", "--reported", "--reported-on", "2021-10-8",
       "--supervised", "--json", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, second.out, -1, &error));
  g_assert_no_error (error);
  hazard = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (hazard, "number"), "-0002"));
  g_assert_cmpstr (json_object_get_string_member (hazard, "deadline"), ==, "2021-11-07");
  g_assert_cmpstr (json_object_get_string_member (hazard, "reported_on"), ==, "2021-10-08");
  g_assert_cmpstr (json_object_get_string_member (hazard, "grade"), ==, "major");
  g_assert_cmpstr (json_object_get_string_member (hazard, "state"), ==, "pending");

  all = list (fixture, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 2);
}

static void
test_add_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonArray) all = NULL;
  g_auto(XaTestRun) no_place = { 0 };
  g_auto(XaTestRun) bad_grade = { 0 };
  g_auto(XaTestRun) bad_date = { 0 };
  g_auto(XaTestRun) early_deadline = { 0 };
  g_auto(XaTestRun) no_school = { 0 };
  g_auto(XaTestRun) unknown_school = { 0 };
  g_auto(XaTestRun) bad_funds = { 0 };

  add (fixture, &no_place, "--description", "电线裸露", NULL);
  assert_option_error (&no_place, 1, "--place");

  add (fixture, &bad_grade, "--place", "门卫室", "--description", "电线裸露", "--grade", "huge", NULL);
  assert_option_error (&bad_grade, 2, "--grade");
  g_assert_nonnull (strstr (bad_grade.err, "general, major"));

  add (fixture, &bad_date, "--place", "门卫室", "--description", "电线裸露", "--deadline", "2021-02-30", NULL);
  assert_option_error (&bad_date, 2, "--deadline");

  add (fixture, &early_deadline, "--place", "门卫室", "--description", "电线裸露", "--deadline", "2021-10-01", NULL);
  assert_option_error (&early_deadline, 1, "--deadline");

  add (fixture, &bad_funds, "--place", "门卫室", "--description", "电线裸露", "--funds", "一千元", NULL);
  assert_option_error (&bad_funds, 1, "--funds");

  xa_test_run_cli (&no_school, fixture->demo.data_dir, "hazard", "add", "--place", "门卫室", NULL);
  assert_option_error (&no_school, 2, "--school");

  {
    g_autofree char *saved = fixture->code;

    fixture->code = g_strdup ("9999999999");
    add (fixture, &unknown_school, "--place", "门卫室", "--description", "电线裸露", NULL);
    g_free (fixture->code);
    fixture->code = g_steal_pointer (&saved);
  }
  assert_option_error (&unknown_school, 1, "--school");

  /* Nothing was recorded. */
  all = list (fixture, NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 0);
}

static void
advance (Fixture    *fixture,
         XaTestRun  *run,
         const char *number,
         const char *step,
         const char *who,
         const char *date,
         const char *note)
{
  const char *args[12] = { "hazard", "advance", number, step, "--who", who };
  guint n = 6;

  if (date != NULL)
    {
      args[n++] = "--date";
      args[n++] = date;
    }
  if (note != NULL)
    {
      args[n++] = "--note";
      args[n++] = note;
    }
  xa_test_run_cli_argv (run, fixture->demo.data_dir, args);
}

static void
test_advance (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *step;
    const char *who;
    const char *date;
    const char *note;
    const char *state;
  } loop[] = {
    { "start", "赵师傅", NULL, NULL, "Being rectified" },
    { "complete", "赵师傅", "2021-10-10", "已更换门锁", "Awaiting re-inspection" },
    { "fail", "王校长", "2021-10-11", "电线仍裸露", "Being rectified" },
    { "complete", "赵师傅", "2021-10-12", NULL, "Awaiting re-inspection" },
    { "pass", "王校长", "2021-10-13", NULL, "Awaiting re-inspection" },
    { "close", "王校长", "2021-10-14", NULL, "Closed" },
  };
  g_auto(XaTestRun) added = { 0 };
  g_auto(XaTestRun) show = { 0 };
  g_auto(XaTestRun) same_person = { 0 };
  g_auto(XaTestRun) bad_step = { 0 };
  g_auto(XaTestRun) no_who = { 0 };
  g_auto(XaTestRun) unknown = { 0 };
  g_auto(XaTestRun) closed_again = { 0 };
  g_autofree char *number = g_strdup_printf ("2021-2022-%s-0001", fixture->code);

  add (fixture, &added, "--place", "教学楼三楼东侧配电箱", "--description", "配电箱门锁损坏，电线裸露", NULL);
  g_assert_cmpint (added.status, ==, 0);

  /* Refused without a change: usage errors, the re-inspector who is responsible, a step
   * the state does not allow, a hazard that is not there. */
  xa_test_run_cli (&bad_step, fixture->demo.data_dir, "hazard", "advance", number, "finish", "--who", "王校长", NULL);
  assert_option_error (&bad_step, 2, "STEP");
  xa_test_run_cli (&no_who, fixture->demo.data_dir, "hazard", "advance", number, "start", NULL);
  assert_option_error (&no_who, 2, "--who");
  advance (fixture, &same_person, number, "pass", "李主任", "2021-10-09", NULL);
  g_assert_cmpint (same_person.status, ==, 1);
  advance (fixture, &unknown, "2021-2022-9999999999-0001", "start", "赵师傅", NULL, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "2021-2022-9999999999-0001"));

  for (guint i = 0; i < G_N_ELEMENTS (loop); i++)
    {
      g_auto(XaTestRun) run = { 0 };
      g_autofree char *expected = g_strdup_printf ("Hazard %s is now “%s”\n", number, loop[i].state);

      advance (fixture, &run, number, loop[i].step, loop[i].who, loop[i].date, loop[i].note);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, expected);
    }

  advance (fixture, &closed_again, number, "close", "王校长", "2021-10-15", NULL);
  g_assert_cmpint (closed_again.status, ==, 1);

  /* Shown with its columns and its timeline, the failed re-inspection kept. */
  xa_test_run_cli (&show, fixture->demo.data_dir, "hazard", "show", number, NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "Place\t教学楼三楼东侧配电箱\n"));
  g_assert_nonnull (strstr (show.out, "Status\tClosed\n"));
  g_assert_nonnull (strstr (show.out, "2021-10-11\tFail re-inspection\t王校长\tBeing rectified\t电线仍裸露\n"));
  g_assert_nonnull (strstr (show.out, "2021-10-14\tClose\t王校长\tClosed\n"));
}

static guint
count (JsonArray *array)
{
  return json_array_get_length (array);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_auto(XaTestRun) bad_sort = { 0 };
  g_auto(XaTestRun) bad_status = { 0 };
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) closed = NULL;
  g_autoptr(JsonArray) open = NULL;
  g_autoptr(JsonArray) overdue = NULL;
  g_autoptr(JsonArray) school = NULL;
  g_autoptr(JsonArray) year = NULL;
  g_autoptr(JsonArray) found = NULL;
  g_autoptr(JsonArray) limited = NULL;
  g_autoptr(JsonArray) by_deadline = NULL;
  guint n_overdue = 0;

  xa_test_run_cli (&run, fixture->demo.data_dir, "demo", NULL);
  g_assert_cmpint (run.status, ==, 1);   /* a district is there already */
  xa_test_demo_dir_tear_down (&fixture->demo);
  {
    g_auto(XaTestRun) demo = { 0 };
    g_autoptr(GError) error = NULL;

    fixture->demo.dir = g_dir_make_tmp ("xiaoan-hazard-cli-XXXXXX", &error);
    fixture->demo.data_dir = g_build_filename (fixture->demo.dir, "data", NULL);
    xa_test_run_cli (&demo, fixture->demo.data_dir, "demo", "--schools", "3", "--hazards", "300", NULL);
    g_assert_cmpint (demo.status, ==, 0);
    g_assert_nonnull (strstr (demo.out, "Added 300 hazards to the demo ledger"));
  }
  {
    /* The demo's hazards give the chain their images from their values
     * (xa_store_note_new_record()): the rows read back must give the same. */
    g_auto(XaTestRun) verify = { 0 };

    xa_test_run_cli (&verify, fixture->demo.data_dir, "audit", "verify", NULL);
    g_assert_cmpint (verify.status, ==, 0);
    g_assert_nonnull (strstr (verify.out, "The audit chain is intact"));
  }

  all = list (fixture, NULL);
  g_assert_cmpuint (count (all), ==, 300);
  closed = list (fixture, "--status", "closed", NULL);
  open = list (fixture, "--status", "pending", NULL);
  g_assert_cmpuint (count (closed), >, 0);
  g_assert_cmpuint (count (open), >, 0);
  g_assert_cmpuint (count (closed) + count (open), <=, 300);
  for (guint i = 0; i < count (closed); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (closed, i), "state"), ==, "closed");

  /* Overdue on a given day: open, past the deadline, and so marked. */
  overdue = list (fixture, "--overdue", "--today", "2030-01-01", NULL);
  for (guint i = 0; i < count (all); i++)
    {
      JsonObject *hazard = json_array_get_object_element (all, i);

      if (!g_str_equal (json_object_get_string_member (hazard, "state"), "closed"))
        n_overdue++;
    }
  g_assert_cmpuint (count (overdue), ==, n_overdue);
  for (guint i = 0; i < count (overdue); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (overdue, i), "overdue"));

  {
    g_autoptr(JsonArray) schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
    const char *code = json_object_get_string_member (json_array_get_object_element (schools, 1), "code");

    school = list (fixture, "--school", code, NULL);
    g_assert_cmpuint (count (school), >, 0);
    g_assert_cmpuint (count (school), <, 300);
    for (guint i = 0; i < count (school); i++)
      g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (school, i), "number"),
                                code));
  }

  /* The ledger's five school years, sixty hazards each; the first one. */
  {
    gint64 first = json_object_get_int_member (json_array_get_object_element (all, 0), "school_year");
    g_autofree char *span = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, first, first + 1);

    year = list (fixture, "--year", span, NULL);
    g_assert_cmpuint (count (year), ==, 60);
  }

  found = list (fixture, "--search", "门", NULL);
  g_assert_cmpuint (count (found), >, 0);
  for (guint i = 0; i < count (found); i++)
    {
      JsonObject *hazard = json_array_get_object_element (found, i);

      g_assert_true (strstr (json_object_get_string_member (hazard, "place"), "门") ||
                     strstr (json_object_get_string_member (hazard, "description"), "门"));
    }

  limited = list (fixture, "--limit", "7", "--sort", "deadline", "--descending", NULL);
  by_deadline = list (fixture, "--sort", "deadline", "--descending", NULL);
  g_assert_cmpuint (count (limited), ==, 7);
  for (guint i = 0; i < 7; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (limited, i), "number"), ==,
                     json_object_get_string_member (json_array_get_object_element (by_deadline, i), "number"));
  for (guint i = 1; i < count (by_deadline); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (by_deadline, i - 1), "deadline"), >=,
                     json_object_get_string_member (json_array_get_object_element (by_deadline, i), "deadline"));

  xa_test_run_cli (&bad_sort, fixture->demo.data_dir, "hazard", "list", "--sort", "colour", NULL);
  assert_option_error (&bad_sort, 2, "--sort");
  xa_test_run_cli (&bad_status, fixture->demo.data_dir, "hazard", "list", "--status", "open", NULL);
  assert_option_error (&bad_status, 2, "--status");
}

/* Listing and showing read the database and write nothing, not even an audit entry; a
 * folder without a database stays without one. */
static void
test_reads_write_nothing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autofree char *empty = g_build_filename (fixture->demo.dir, "empty", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *number = g_strdup_printf ("2021-2022-%s-0001", fixture->code);
  g_auto(XaTestRun) added = { 0 };
  g_auto(XaTestRun) listed = { 0 };
  g_auto(XaTestRun) shown = { 0 };
  g_auto(XaTestRun) nothing = { 0 };
  gsize length = 0;

  add (fixture, &added, "--place", "门卫室", "--description", "一键报警装置失灵", NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_true (g_file_get_contents (db, &before, &length, NULL));
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) before, length);

  xa_test_run_cli (&listed, fixture->demo.data_dir, "hazard", "list", "--search", "报警", NULL);
  xa_test_run_cli (&shown, fixture->demo.data_dir, "hazard", "show", number, "--json", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, number));
  g_assert_nonnull (strstr (shown.out, "一键报警装置失灵"));

  g_assert_true (g_file_get_contents (db, &after, &length, NULL));
  after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) after, length);
  g_assert_cmpstr (after, ==, before);

  xa_test_run_cli (&nothing, empty, "hazard", "list", NULL);
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xiaoan/hazard-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add", test_add);
  ADD ("add-refused", test_add_refused);
  ADD ("advance", test_advance);
  ADD ("list", test_list);
  ADD ("reads-write-nothing", test_reads_write_nothing);

  return g_test_run ();
}
