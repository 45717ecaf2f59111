/* test-inspection-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli inspection …` and `campaign …` run as a process ($XIAOAN_CLI) on a demo
 * district: an inspection recorded with an abnormal item, shown, its item turned into a
 * hazard that `hazard show` finds; the plan's missed inspections; campaigns launched,
 * recorded and gridded; `demo --inspections` filling a year that verifies. The read
 * commands change nothing in the database; bad input exits 1 or 2, names the option and
 * changes nothing.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"
#include "document/xa-test-pdf.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;      /* the first school's */
  char          *name;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "inspection-cli", 3);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
  fixture->name = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "name"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->code);
  g_free (fixture->name);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

static char *
database_path (Fixture *fixture)
{
  return g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
}

/* What the database holds, to compare before and after a command. */
static char *
fingerprint (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path (fixture);
  g_autoptr(XaStore) store = xa_store_open_read_only (path, &error);

  g_assert_no_error (error);
  return xa_test_fingerprint (store);
}

static void
run_ok (Fixture    *fixture,
        XaTestRun  *run,
        const char *first_arg,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  while (args->len < 16)
    g_ptr_array_add (args, NULL);

  xa_test_run_cli (run, fixture->demo.data_dir, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                   args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7], args->pdata[8], args->pdata[9],
                   args->pdata[10], args->pdata[11], args->pdata[12], args->pdata[13], args->pdata[14], NULL);
  if (run->status != 0)
    g_test_message ("%s", run->err);
  g_assert_cmpint (run->status, ==, 0);
}

static void
test_inspection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(XaTestRun) add = { 0 };
  g_auto(XaTestRun) hazard = { 0 };
  g_auto(XaTestRun) show = { 0 };
  g_auto(XaTestRun) bad = { 0 };
  g_autoptr(JsonArray) listed = NULL;
  g_autoptr(JsonArray) missed = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *number = NULL;
  g_autofree char *hazard_number = NULL;
  JsonObject *inspection;
  JsonArray *items;

  run_ok (fixture, &add, "inspection", "add", "--school", fixture->code, "--type", "monthly", "--date", "2021-10-26",
          "--leader", "王副校长", "--checklist", "fire,用电", "--abnormal", "2:安全出口堆放课桌椅；9:配电箱旁电线裸露",
          "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, add.out, -1, NULL));
  inspection = json_node_get_object (json_parser_get_root (parser));
  number = g_strdup (json_object_get_string_member (inspection, "number"));
  g_assert_true (g_str_has_suffix (number, "-JC0001"));
  g_assert_cmpstr (json_object_get_string_member (inspection, "type"), ==, "monthly");
  items = json_object_get_array_member (inspection, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "result"), ==, "abnormal");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 8), "note"), ==, "配电箱旁电线裸露");
  g_assert_cmpint (json_object_get_int_member (inspection, "n_abnormal"), ==, 2);

  /* Item 9 into the ledger, found there with the inspection's day and finder. */
  run_ok (fixture, &hazard, "inspection", "hazard", number, "9", "--measures", "包扎电线", "--department", "总务处",
          "--responsible", "李主任", "--place", "教学楼三楼", NULL);
  g_assert_nonnull (strstr (hazard.out, number));
  hazard_number = g_strdup (g_strrstr (g_strstrip (hazard.out), " ") + 1);
  run_ok (fixture, &show, "hazard", "show", hazard_number, NULL);
  g_assert_nonnull (strstr (show.out, "2021-10-26"));
  g_assert_nonnull (strstr (show.out, "王副校长"));
  g_assert_nonnull (strstr (show.out, "配电箱旁电线裸露"));

  /* Reading changes nothing: list, show, missed. */
  before = fingerprint (fixture);
  listed = xa_test_run_cli_json (fixture->demo.data_dir, "inspection", "list", "--year", "2021", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (listed), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (listed, 0), "n_unrecorded"), ==, 1);
  {
    g_auto(XaTestRun) shown = { 0 };

    run_ok (fixture, &shown, "inspection", "show", number, NULL);
    g_assert_nonnull (strstr (shown.out, hazard_number));
  }
  missed = xa_test_run_cli_json (fixture->demo.data_dir, "inspection", "missed", "--year", "2021", "--school",
                                 fixture->code, "--today", "2021-11-01", "--json", NULL);
  /* The monthly check of 26 October met its week and October; September's weeks and
   * month, the check before term and before 国庆节 were missed. */
  g_assert_cmpuint (json_array_get_length (missed), >=, 8);
  for (guint i = 0; i < json_array_get_length (missed); i++)
    {
      JsonObject *slot = json_array_get_object_element (missed, i);

      g_assert_cmpstr (json_object_get_string_member (slot, "school"), ==, fixture->code);
      g_assert_cmpstr (json_object_get_string_member (slot, "to"), <, "2021-11-01");
      g_assert_false (g_str_equal (json_object_get_string_member (slot, "from"), "2021-10-25"));
    }
  after = fingerprint (fixture);
  g_assert_cmpstr (after, ==, before);

  /* Bad input: exit 2 or 1, the option named, nothing written. */
  xa_test_run_cli (&bad, fixture->demo.data_dir, "inspection", "add", "--school", fixture->code, "--checklist", "fire",
                   "--leader", "王", "--type", "群众反映", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--type"));
  xa_test_run_clear (&bad);
  xa_test_run_cli (&bad, fixture->demo.data_dir, "inspection", "add", "--school", fixture->code, "--checklist", "fire",
                   "--leader", "王", "--abnormal", "99:无", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--abnormal"));
  xa_test_run_clear (&bad);
  xa_test_run_cli (&bad, fixture->demo.data_dir, "inspection", "add", "--school", fixture->code, "--checklist", "fire",
                   "--date", "2021-10-26", "--abnormal", "1:", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "--leader"));
  xa_test_run_clear (&bad);
  xa_test_run_cli (&bad, fixture->demo.data_dir, "inspection", "hazard", number, "9", "--measures", "x",
                   "--department", "x", "--responsible", "x", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  xa_test_run_clear (&bad);
  xa_test_run_cli (&bad, fixture->demo.data_dir, "inspection", "missed", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--year"));
  g_clear_pointer (&after, g_free);
  after = fingerprint (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_campaigns (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) launch = { 0 };
  g_auto(XaTestRun) record = { 0 };
  g_auto(XaTestRun) grid_text = { 0 };
  g_auto(XaTestRun) not_launched = { 0 };
  g_autoptr(JsonArray) campaigns = NULL;
  g_autoptr(JsonArray) grid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  JsonObject *first;

  xa_test_run_cli (&not_launched, fixture->demo.data_dir, "campaign", "grid", "--year", "2021", NULL);
  g_assert_cmpint (not_launched.status, ==, 1);

  run_ok (fixture, &launch, "campaign", "launch", "--year", "2021-2022", NULL);
  g_assert_nonnull (strstr (launch.out, "15"));
  campaigns = xa_test_run_cli_json (fixture->demo.data_dir, "campaign", "list", "--year", "2021", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (campaigns), ==, 15);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (campaigns, 4), "name"), ==, "防溺水");

  run_ok (fixture, &record, "campaign", "record", "--year", "2021", "--school", fixture->code, "--campaign", "防溺水",
          "--plan", "防溺水工作方案", "--activities", "主题班会", NULL);
  xa_test_run_clear (&record);
  run_ok (fixture, &record, "campaign", "record", "--year", "2021", "--school", fixture->code, "--campaign", "drowning",
          "--summary", "全年无溺水事故", NULL);
  g_assert_nonnull (strstr (record.out, "Complete"));

  before = fingerprint (fixture);
  grid = xa_test_run_cli_json (fixture->demo.data_dir, "campaign", "grid", "--year", "2021", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (grid), ==, 3);
  first = json_array_get_object_element (grid, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "school"), ==, fixture->code);
  g_assert_cmpint (json_object_get_int_member (first, "complete"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "campaigns"), "drowning"), ==,
                   "complete");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "campaigns"), "fire"), ==,
                   "not-started");
  run_ok (fixture, &grid_text, "campaign", "grid", "--year", "2021", NULL);
  g_assert_nonnull (strstr (grid_text.out, "防溺水"));
  after = fingerprint (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-inspection-demo-XXXXXX", &error);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_auto(XaTestRun) demo = { 0 };
  g_auto(XaTestRun) verify = { 0 };
  g_autoptr(JsonArray) inspections = NULL;

  xa_test_run_cli (&demo, data_dir, "demo", "--schools", "3", "--inspections", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "inspections"));
  inspections = xa_test_run_cli_json (data_dir, "inspection", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (inspections), >, 0);
  xa_test_run_cli (&verify, data_dir, "audit", "verify", NULL);
  g_assert_cmpint (verify.status, ==, 0);

  xa_test_remove_tree (dir);
}

/* The text of the PDF at @path, without white space. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = xa_test_pdf_text (document);
  return xa_test_squeeze (text);
}

/* `inspection print` writes the record of an inspection, its abnormal items and the
 * hazard one became, and changes nothing in the database; an inspection that is not
 * there is named in a Chinese message and no file is written; --out is required. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(XaTestRun) add = { 0 };
  g_auto(XaTestRun) hazard = { 0 };
  g_auto(XaTestRun) print = { 0 };
  g_auto(XaTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = g_dir_make_tmp ("xa-test-inspection-print-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "检查记录.pdf", NULL);
  g_autofree char *unknown_out = g_build_filename (dir, "不存在.pdf", NULL);
  g_autofree char *number = NULL;
  g_autofree char *unknown = NULL;
  g_autofree char *hazard_number = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  run_ok (fixture, &add, "inspection", "add", "--school", fixture->code, "--type", "monthly", "--date", "2021-10-26",
          "--leader", "王副校长", "--checklist", "fire,用电",
          "--abnormal", "2:安全出口堆放课桌椅；9:配电箱旁电线裸露", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, add.out, -1, NULL));
  number = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "number"));
  run_ok (fixture, &hazard, "inspection", "hazard", number, "9", "--measures", "包扎电线", "--department", "总务处",
          "--responsible", "李主任", "--place", "教学楼三楼", NULL);
  hazard_number = g_strdup (g_strrstr (g_strstrip (hazard.out), " ") + 1);

  before = fingerprint (fixture);
  run_ok (fixture, &print, "inspection", "print", number, "--out", out, NULL);
  g_assert_nonnull (strstr (print.out, out));
  after = fingerprint (fixture);
  g_assert_cmpstr (before, ==, after);

  text = pdf_text (out);
  title = g_strdup_printf ("%s安全检查记录表", fixture->name);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "检查类型月查"));
  g_assert_nonnull (strstr (text, "带队领导王副校长"));
  g_assert_nonnull (strstr (text, "安全出口堆放课桌椅"));
  g_assert_nonnull (strstr (text, "配电箱旁电线裸露"));
  g_assert_nonnull (strstr (text, hazard_number));
  g_assert_nonnull (strstr (text, "检查15项，异常2项，其中1项已转入隐患台账"));

  /* An inspection that is not there: named, in Chinese, and no file. */
  unknown = g_strdup_printf ("2021-2022-%s-JC0099", fixture->code);
  {
    const char *args[] = { "inspection", "print", unknown, "--out", unknown_out, NULL };
    g_autofree char *message = g_strdup_printf ("没有编号为 %s 的检查记录", unknown);

    xa_test_run_cli_chinese (&bad, fixture->demo.data_dir, args);
    g_assert_cmpint (bad.status, ==, 1);
    g_assert_nonnull (strstr (bad.err, message));
    g_assert_false (g_file_test (unknown_out, G_FILE_TEST_EXISTS));
  }
  xa_test_run_clear (&bad);

  xa_test_run_cli (&bad, fixture->demo.data_dir, "inspection", "print", number, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--out"));

  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xiaoan/inspection-cli/inspection", Fixture, NULL, fixture_set_up, test_inspection, fixture_tear_down);
  g_test_add ("/xiaoan/inspection-cli/campaigns", Fixture, NULL, fixture_set_up, test_campaigns, fixture_tear_down);
  g_test_add ("/xiaoan/inspection-cli/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add_func ("/xiaoan/inspection-cli/demo", test_demo);

  return g_test_run ();
}
