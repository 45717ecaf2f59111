/* test-incidents-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli drill add|list|missed` and `incident add|list|veto` on a demo database:
 * what is recorded is listed back in JSON, bad input exits 2 or 1 with a message naming
 * the option or field and writes nothing, and the veto list names the vetoed and the
 * pending schools with their reasons.
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

  xa_test_demo_dir_set_up (&fixture->demo, "incidents-cli", 3);
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

static void
test_drills (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) drills = NULL;
  g_autoptr(JsonArray) periods = NULL;
  JsonObject *drill;
  guint missed = 0;

  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "add", "--school", fixture->code, "--type", "火灾",
                   "--organiser", "张主任", "--date", "2026-09-18", "--participants", "640", "--evacuation", "150",
                   "--target", "120", "--problems", "楼梯口拥堵;广播听不清", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  /* Bad input: a type that is none, a date not a date; nothing written. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "add", "--school", fixture->code, "--type", "洪水",
                   "--organiser", "张主任", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--type"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "add", "--school", fixture->code, "--type", "fire",
                   "--organiser", "张主任", "--date", "2026-13-01", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--date"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "add", "--school", fixture->code, "--type", "fire",
                   "--organiser", "张主任", "--date", "2026-10-01", "--evidence", "not-a-uuid", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not-a-uuid"));
  xa_test_run_clear (&run);

  drills = xa_test_run_cli_json (fixture->demo.data_dir, "drill", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (drills), ==, 1);
  drill = json_array_get_object_element (drills, 0);
  g_assert_cmpstr (json_object_get_string_member (drill, "type"), ==, "fire");
  g_assert_cmpstr (json_object_get_string_member (drill, "school"), ==, fixture->code);
  g_assert_cmpint (json_object_get_int_member (drill, "evacuation_seconds"), ==, 150);
  g_assert_false (json_object_get_boolean_member (drill, "within_target"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (drill, "problems")), ==, 2);

  /* Its first problem becomes a hazard in one step; a second time is refused; without
   * a place the option is named. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "hazard", json_object_get_string_member (drill, "uuid"), "1",
                   "--measures", "楼梯口增设引导员", "--department", "总务处", "--responsible", "李主任", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--place"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "hazard", json_object_get_string_member (drill, "uuid"), "1",
                   "--measures", "楼梯口增设引导员", "--department", "总务处", "--responsible", "李主任",
                   "--place", "教学楼二楼楼梯", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2026-2027-"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "drill", "hazard", json_object_get_string_member (drill, "uuid"), "1",
                   "--measures", "楼梯口增设引导员", "--department", "总务处", "--responsible", "李主任",
                   "--place", "教学楼二楼楼梯", NULL);
  g_assert_cmpint (run.status, ==, 1);
  xa_test_run_clear (&run);
  {
    g_autoptr(JsonArray) again = xa_test_run_cli_json (fixture->demo.data_dir, "drill", "list", "--json", NULL);
    JsonArray *problems = json_object_get_array_member (json_array_get_object_element (again, 0), "problems");

    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (problems, 0), "hazard"),
                                     "2026-2027-"));
    g_assert_true (json_object_get_null_member (json_array_get_object_element (problems, 1), "hazard"));
  }

  periods = xa_test_run_cli_json (fixture->demo.data_dir, "drill", "missed", "--school", fixture->code,
                                  "--year", "2026", "--today", "2027-09-01", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (periods), >=, 4);
  for (guint i = 0; i < json_array_get_length (periods); i++)
    if (json_object_get_boolean_member (json_array_get_object_element (periods, i), "missed"))
      missed++;
  g_assert_cmpuint (missed, ==, json_array_get_length (periods) - 1);
}

static void
test_incidents (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) incidents = NULL;
  g_autoptr(JsonArray) verdicts = NULL;
  g_autoptr(JsonArray) all = NULL;
  JsonObject *verdict;

  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "add", "--school", fixture->code, "--date", "2026-10-09",
                   "--type", "学生溺水", "--severity", "一般", "--finding", "责任", "--reporting", "on-time",
                   "--reported-on", "2026-10-09", "--affected", "1", "--summary", "学生课间在池塘边落水", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "add", "--school", fixture->other, "--date", "2026-11-02",
                   "--type", "traffic", "--severity", "ordinary", "--finding", "pending", "--reporting", "late",
                   "--reported-on", "2026-11-05", "--summary", "春游大巴追尾，三名学生轻伤", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  /* A report dated before the incident is refused, naming the field; nothing written. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "add", "--school", fixture->other, "--date", "2026-11-02",
                   "--type", "fire", "--severity", "ordinary", "--finding", "pending", "--reporting", "late",
                   "--reported-on", "2026-11-01", "--summary", "配电箱冒烟", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "报送日期"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "add", "--school", fixture->other, "--date", "2026-11-02",
                   "--type", "fire", "--severity", "enormous", "--finding", "pending", "--reporting", "late",
                   "--summary", "配电箱冒烟", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--severity"));
  xa_test_run_clear (&run);

  incidents = xa_test_run_cli_json (fixture->demo.data_dir, "incident", "list", "--year", "2026", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (incidents), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (incidents, 0), "veto"), ==, "vetoed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (incidents, 1), "veto"), ==, "pending");

  verdicts = xa_test_run_cli_json (fixture->demo.data_dir, "incident", "veto", "--year", "2026", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (verdicts), ==, 2);
  verdict = json_array_get_object_element (verdicts, 0);
  g_assert_cmpstr (json_object_get_string_member (verdict, "school"), ==, fixture->code);
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "vetoed");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (verdict, "reasons"), 0), "ground"), ==, "V1");
  verdict = json_array_get_object_element (verdicts, 1);
  g_assert_cmpstr (json_object_get_string_member (verdict, "school"), ==, fixture->other);
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "pending");

  /* Another year has no verdict. */
  all = xa_test_run_cli_json (fixture->demo.data_dir, "incident", "veto", "--year", "2025", "--all", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 0);
  xa_test_run_cli (&run, fixture->demo.data_dir, "incident", "veto", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--year"));
}

/* A dispute that led to 越级上访 names its school in the veto list, pending under V3
 * until the commission judges the petition's influence. */
static void
test_escalation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) verdicts = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *verdict;
  JsonObject *reason;

  xa_test_run_cli (&run, fixture->demo.data_dir, "dispute", "add", "--school", fixture->code, "--year", "2026",
                   "--parties", "家长—班主任", "--kind", "family-school", "--description", "收费异议",
                   "--responsible", "李老师", "--found-on", "2026-10-08", NULL);
  g_assert_cmpint (run.status, ==, 0);
  uuid = g_strstrip (g_strdup (run.out));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "dispute", "advance", uuid, "escalated", "--on", "2026-11-02", NULL);
  g_assert_cmpint (run.status, ==, 0);

  verdicts = xa_test_run_cli_json (fixture->demo.data_dir, "incident", "veto", "--year", "2026", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (verdicts), ==, 1);
  verdict = json_array_get_object_element (verdicts, 0);
  g_assert_cmpstr (json_object_get_string_member (verdict, "school"), ==, fixture->code);
  g_assert_cmpstr (json_object_get_string_member (verdict, "verdict"), ==, "pending");
  reason = json_array_get_object_element (json_object_get_array_member (verdict, "reasons"), 0);
  g_assert_cmpstr (json_object_get_string_member (reason, "ground"), ==, "V3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/incidents-cli/drills", Fixture, NULL, fixture_set_up, test_drills, fixture_tear_down);
  g_test_add ("/incidents-cli/incidents", Fixture, NULL, fixture_set_up, test_incidents, fixture_tear_down);
  g_test_add ("/incidents-cli/escalation", Fixture, NULL, fixture_set_up, test_escalation, fixture_tear_down);

  return g_test_run ();
}
