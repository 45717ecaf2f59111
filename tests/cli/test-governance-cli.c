/* test-governance-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 综治 registers on the command line, run as a user would: duty shifts and the
 * days uncovered, visitors, guards against the rule, a device's fault and repair, key
 * persons with each read in the audit trail, a dispute's petition judged by the
 * commission and the veto test following it, an incident's finding edited once. Bad
 * input exits 1 or 2 naming what is wrong.
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

  xa_test_demo_dir_set_up (&fixture->demo, "governance-cli", 2);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_demo_dir_tear_down (&fixture->demo);
  g_free (fixture->code);
}

/* Runs a command that must succeed and returns its output, stripped. */
static char *
run_ok (Fixture    *fixture,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(XaTestRun) run = { 0 };
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  xa_test_run_cli_argv (&run, fixture->demo.data_dir, (const char * const *) argv->pdata);
  if (run.status != 0)
    g_error ("%s: %s", first, run.err);
  return g_strstrip (g_strdup (run.out));
}

static void
test_duty_visitor (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) uncovered = NULL;
  g_autoptr(JsonArray) visitors = NULL;
  g_autofree char *shift = run_ok (fixture, "duty", "add", "--school", fixture->code, "--date", "2024-10-08",
                                   "--leader", "王副校长", "--on-duty", "张老师、李师傅", NULL);
  g_autofree char *visitor = NULL;
  g_autofree char *left = NULL;

  g_assert_true (g_uuid_string_is_valid (shift));
  xa_test_run_cli (&run, fixture->demo.data_dir, "duty", "add", "--school", fixture->code, "--date", "2024-10-08",
                   "--leader", "赵校长", "--on-duty", "钱老师", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "王副校长"));
  xa_test_run_clear (&run);

  uncovered = xa_test_run_cli_json (fixture->demo.data_dir, "duty", "check", "--school", fixture->code,
                                    "--from", "2024-10-07", "--to", "2024-10-09", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (uncovered), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (uncovered, 0), ==, "2024-10-07");
  g_assert_cmpstr (json_array_get_string_element (uncovered, 1), ==, "2024-10-09");

  visitor = run_ok (fixture, "visitor", "add", "--school", fixture->code, "--name", "周某", "--purpose", "送教材",
                    "--host", "孙老师", "--id-checked", "--at", "2024-10-08 09:30", NULL);
  left = run_ok (fixture, "visitor", "leave", visitor, "--at", "2024-10-08 10:15", NULL);
  xa_test_run_cli (&run, fixture->demo.data_dir, "visitor", "add", "--school", fixture->code, "--name", "吴某",
                   "--purpose", "访友", "--host", "孙老师", "--at", "2024-10-08 9:30", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "9:30"));
  xa_test_run_clear (&run);
  visitors = xa_test_run_cli_json (fixture->demo.data_dir, "visitor", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (visitors), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (visitors, 0), "left_at"), ==,
                   "2024-10-08 10:15");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (visitors, 0), "id_checked"));
}

static void
test_protection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) checked = NULL;
  g_autoptr(JsonArray) faulty = NULL;
  g_autofree char *device = NULL;
  g_autofree char *out = NULL;
  JsonObject *row;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("保安%u号", i + 1);
      /* The fourth is not trained. */
      g_autofree char *guard = run_ok (fixture, "guard", "add", "--school", fixture->code, "--name", name,
                                       "--employed-on", "2024-09-01", i < 3 ? "--trained-on" : NULL, "2024-09-05", NULL);
    }
  g_free (run_ok (fixture, "guard", "headcount", "--school", fixture->code, "--year", "2024", "--people", "850", NULL));
  checked = xa_test_run_cli_json (fixture->demo.data_dir, "guard", "check", "--year", "2024", "--school", fixture->code,
                                  "--on", "2024-10-08", "--json", NULL);
  row = json_array_get_object_element (checked, 0);
  g_assert_cmpint (json_object_get_int_member (row, "required"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (row, "full_time"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (row, "trained"), ==, 3);
  g_assert_false (json_object_get_boolean_member (row, "meets"));
  g_clear_pointer (&checked, json_array_unref);
  g_free (run_ok (fixture, "guard", "policy", "--min-guards", "3", NULL));
  checked = xa_test_run_cli_json (fixture->demo.data_dir, "guard", "check", "--year", "2024", "--school", fixture->code,
                                  "--on", "2024-10-08", "--json", NULL);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (checked, 0), "meets"));
  xa_test_run_cli (&run, fixture->demo.data_dir, "guard", "policy", "--min-guards", "many", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "many"));
  xa_test_run_clear (&run);

  device = run_ok (fixture, "device", "add", "--school", fixture->code, "--kind", "alarm", "--place", "门卫室",
                   "--police-linked", "--installed-on", "2023-09-01", NULL);
  xa_test_run_cli (&run, fixture->demo.data_dir, "device", "repair", device, NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);
  g_free (run_ok (fixture, "device", "repair", device, "--fault", "按键无响应", "--on", "2024-10-08", NULL));
  faulty = xa_test_run_cli_json (fixture->demo.data_dir, "device", "list", "--faulty", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (faulty), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (faulty, 0), "fault"), ==, "按键无响应");
  g_clear_pointer (&faulty, json_array_unref);
  g_free (run_ok (fixture, "device", "repair", device, "--by", "维保公司", "--on", "2024-10-09", NULL));
  faulty = xa_test_run_cli_json (fixture->demo.data_dir, "device", "list", "--faulty", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (faulty), ==, 0);
  out = run_ok (fixture, "device", "list", NULL);
  g_assert_nonnull (strstr (out, "门卫室"));
}

static gint64
audited_reads (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autoptr(XaStore) store = xa_store_open_read_only (path, &error);

  g_assert_no_error (error);
  return xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'key-person.read'");
}

/* Each list and each file read is in the audit; a name not named sees nothing. */
static void
test_key_person (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) listed = NULL;
  g_autoptr(JsonArray) file = NULL;
  g_autofree char *person = NULL;
  const char *operator_name = "安全办";

  xa_test_run_cli (&run, fixture->demo.data_dir, "--operator", "安全办", "key-person", "add", "--school", fixture->code, "--name", "测试乙某",
                   "--category", "student", "--reason", "（虚构）情绪波动", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  g_free (run_ok (fixture, "--operator", "安全办", "key-person", "staff", "--school", fixture->code, "--staff", operator_name, NULL));
  person = run_ok (fixture, "--operator", "安全办", "key-person", "add", "--school", fixture->code, "--name", "测试乙某", "--category", "student",
                   "--reason", "（虚构）情绪波动", "--since", "2024-09-10", NULL);
  g_free (run_ok (fixture, "--operator", "安全办", "key-person", "note", person, "--kind", "counselling", "--by", "心理老师",
                  "--content", "（虚构）谈心一次", "--on", "2024-09-20", NULL));
  xa_test_run_cli (&run, fixture->demo.data_dir, "--operator", "安全办", "key-person", "note", person, "--kind", "gossip", "--by", "某",
                   "--content", "内容", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "gossip"));
  xa_test_run_clear (&run);

  g_assert_cmpint (audited_reads (fixture), ==, 0);
  listed = xa_test_run_cli_json (fixture->demo.data_dir, "--operator", "安全办", "key-person", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (listed), ==, 1);
  g_assert_cmpint (audited_reads (fixture), ==, 1);
  file = xa_test_run_cli_json (fixture->demo.data_dir, "--operator", "安全办", "key-person", "show", person, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (file, 0), "notes")),
                    ==, 1);
  g_assert_cmpint (audited_reads (fixture), ==, 2);

  /* Another operator, not named, sees nothing. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "--operator", "区教委 其他科室", "key-person", "show", person, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "测试乙某"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "--operator", "区教委 其他科室", "key-person", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "测试乙某"));
  xa_test_run_clear (&run);
  g_assert_cmpint (audited_reads (fixture), ==, 2);
}

static JsonObject *
verdict_of (JsonArray  *verdicts,
            const char *code)
{
  for (guint i = 0; i < json_array_get_length (verdicts); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (verdicts, i), "school"), code) == 0)
      return json_array_get_object_element (verdicts, i);
  return NULL;
}

/* A dispute that led to 越级上访: pending, then judged a bad influence, vetoed. */
static void
test_petition_judged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) verdicts = NULL;
  g_autofree char *dispute = run_ok (fixture, "dispute", "add", "--school", fixture->code, "--year", "2024",
                                     "--parties", "家长—学校", "--kind", "family-school", "--description", "收费异议",
                                     "--responsible", "李老师", "--found-on", "2024-10-08", NULL);
  JsonObject *verdict;

  g_free (run_ok (fixture, "dispute", "advance", dispute, "escalated", "--on", "2024-11-02", NULL));
  verdicts = xa_test_run_cli_json (fixture->demo.data_dir, "incident", "veto", "--year", "2024", "--json", NULL);
  verdict = verdict_of (verdicts, fixture->code);
  g_assert_nonnull (verdict);
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "pending");
  g_clear_pointer (&verdicts, json_array_unref);

  xa_test_run_cli (&run, fixture->demo.data_dir, "dispute", "judge", dispute, "awful", NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);
  g_free (run_ok (fixture, "dispute", "judge", dispute, "bad", NULL));
  verdicts = xa_test_run_cli_json (fixture->demo.data_dir, "incident", "veto", "--year", "2024", "--json", NULL);
  verdict = verdict_of (verdicts, fixture->code);
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "vetoed");
  xa_test_run_cli (&run, fixture->demo.data_dir, "dispute", "judge", dispute, "none", NULL);
  g_assert_cmpint (run.status, ==, 1);
}

/* 待认定 → 责任 once, with who made it. */
static void
test_incident_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *added = run_ok (fixture, "incident", "add", "--school", fixture->code, "--date", "2024-10-08",
                                   "--type", "drowning", "--severity", "ordinary", "--finding", "pending",
                                   "--reporting", "on-time", "--reported-on", "2024-10-08", "--summary", "溺水",
                                   "--json", NULL);
  g_autofree char *edited = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *incident;

  g_assert_true (json_parser_load_from_data (parser, added, -1, &error));
  uuid = g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "uuid"));
  edited = run_ok (fixture, "--operator", "安全办", "incident", "edit", uuid, "--finding", "responsible", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, edited, -1, &error));
  incident = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (incident, "finding"), ==, "responsible");
  g_assert_cmpstr (json_object_get_string_member (incident, "finding_by"), ==, "安全办");
  g_assert_cmpstr (json_object_get_string_member (incident, "veto"), ==, "vetoed");
  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "edit", uuid, "--finding", "not-responsible", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "edit", uuid, "--bad-influence", "maybe", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "maybe"));
}

/* A plan with its file: the file archived for the school, the plan listed with it and
 * due by its day; a plan refused (a kind that is not plan or rule, a review before
 * adoption) archives nothing; a review moves the day on and is in the audit trail. */
static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  static const char png_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(JsonArray) plans = NULL;
  g_autoptr(JsonArray) due = NULL;
  g_autofree char *file = g_build_filename (fixture->demo.dir, "火灾应急疏散预案.png", NULL);
  g_autofree guchar *png = NULL;
  g_autofree char *plan = NULL;
  JsonObject *listed = NULL;
  gsize png_size;

  png = g_base64_decode (png_base64, &png_size);
  g_assert_true (g_file_set_contents (file, (const char *) png, png_size, &error));
  g_assert_no_error (error);
  before = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "list", "--json", NULL);

  xa_test_run_cli (&run, fixture->demo.data_dir, "plan", "add", "--school", fixture->code, "--kind", "预案",
                   "--title", "火灾应急疏散预案", file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "预案"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "plan", "add", "--school", fixture->code, "--kind", "plan",
                   "--title", "火灾应急疏散预案", "--adopted", "2024-09-01", "--review", "2024-08-01", file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  after = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  g_clear_pointer (&after, json_array_unref);

  plan = run_ok (fixture, "plan", "add", "--school", fixture->code, "--kind", "plan", "--title", "火灾应急疏散预案",
                 "--adopted", "2024-09-01", file, NULL);
  g_assert_true (g_uuid_string_is_valid (plan));
  after = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before) + 1);

  plans = xa_test_run_cli_json (fixture->demo.data_dir, "plan", "list", "--school", fixture->code, "--json", NULL);
  for (guint i = 0; i < json_array_get_length (plans); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (plans, i), "uuid"), plan))
      listed = json_array_get_object_element (plans, i);
  g_assert_nonnull (listed);
  g_assert_cmpstr (json_object_get_string_member (listed, "review_on"), ==, "2025-09-01");
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (listed, "archive_item")));

  due = xa_test_run_cli_json (fixture->demo.data_dir, "plan", "list", "--due", "2025-09-01", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (due), >=, 1);
  g_clear_pointer (&due, json_array_unref);

  g_free (run_ok (fixture, "plan", "review", plan, "--on", "2025-09-03", NULL));
  due = xa_test_run_cli_json (fixture->demo.data_dir, "plan", "list", "--due", "2025-09-03", "--json", NULL);
  for (guint i = 0; i < json_array_get_length (due); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (due, i), "uuid"), !=, plan);
  xa_test_run_cli (&run, fixture->demo.data_dir, "plan", "review", plan, "--on", "2025-09-03", "--next", "2025-01-01", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  g_free (run_ok (fixture, "audit", "verify", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/governance-cli/duty-visitor", Fixture, NULL, fixture_set_up, test_duty_visitor, fixture_tear_down);
  g_test_add ("/governance-cli/protection", Fixture, NULL, fixture_set_up, test_protection, fixture_tear_down);
  g_test_add ("/governance-cli/key-person", Fixture, NULL, fixture_set_up, test_key_person, fixture_tear_down);
  g_test_add ("/governance-cli/petition-judged", Fixture, NULL, fixture_set_up, test_petition_judged, fixture_tear_down);
  g_test_add ("/governance-cli/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/governance-cli/incident-edit", Fixture, NULL, fixture_set_up, test_incident_edit, fixture_tear_down);

  return g_test_run ();
}
