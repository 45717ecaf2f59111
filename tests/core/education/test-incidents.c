/* test-incidents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The veto test (一票否决, V1-V4 of domain.md §2.3) against a table of incident cases,
 * pure; then incidents recorded on either engine (XIAOAN_TEST_SERVER for the server)
 * and the commission's district list of a year, where a dispute's escalation (越级上访)
 * given through XaVetoEscalation names its school with the reason.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/education/xa-incident-book.h"
#include "core/registry/xa-demo.h"

typedef struct
{
  const char          *name;
  XaIncidentKind       kind;
  XaIncidentSeverity   severity;
  XaIncidentFinding    finding;
  gboolean             bad_influence;
  XaIncidentReporting  reporting;
  XaVetoState          expected;
  XaVetoGround         ground;
} Case;

static const Case cases[] = {
  /* V1: a responsibility accident of the eight events, whatever its grade. */
  { "drowning, responsible, ordinary", XA_INCIDENT_KIND_DROWNING, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V1 },
  /* V1: 较大 or worse, even without responsibility. */
  { "food poisoning, not responsible, large", XA_INCIDENT_KIND_FOOD_POISONING, XA_INCIDENT_SEVERITY_LARGE,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V1 },
  { "fire, pending, grave", XA_INCIDENT_KIND_FIRE, XA_INCIDENT_SEVERITY_GRAVE,
    XA_INCIDENT_FINDING_PENDING, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V1 },
  /* Not a veto: no responsibility, ordinary (an H deduction). */
  { "stampede, not responsible, ordinary", XA_INCIDENT_KIND_STAMPEDE, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE },
  /* Pending: ordinary, finding pending; never silently clear. */
  { "traffic, pending, ordinary", XA_INCIDENT_KIND_TRAFFIC, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_PENDING, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V1 },
  /* V2. */
  { "criminal case, responsible, large", XA_INCIDENT_KIND_PUBLIC_SECURITY, XA_INCIDENT_SEVERITY_LARGE,
    XA_INCIDENT_FINDING_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V2 },
  { "criminal case, bad influence", XA_INCIDENT_KIND_PUBLIC_SECURITY, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, TRUE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V2 },
  { "criminal case, pending, major", XA_INCIDENT_KIND_PUBLIC_SECURITY, XA_INCIDENT_SEVERITY_MAJOR,
    XA_INCIDENT_FINDING_PENDING, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V2 },
  { "criminal case, responsible, ordinary", XA_INCIDENT_KIND_PUBLIC_SECURITY, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE },
  /* V3. */
  { "petition, bad influence", XA_INCIDENT_KIND_PETITION, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_RESPONSIBLE, TRUE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V3 },
  { "mass incident, influence to be found", XA_INCIDENT_KIND_MASS_INCIDENT, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_PENDING, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_PENDING, XA_VETO_GROUND_V3 },
  { "petition, no bad influence", XA_INCIDENT_KIND_PETITION, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE },
  /* V4: concealed, even an event that would not veto otherwise. */
  { "stampede, not responsible, concealed", XA_INCIDENT_KIND_STAMPEDE, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_CONCEALED, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V4 },
  { "nine-no, concealed", XA_INCIDENT_KIND_NINE_NO, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_CONCEALED, XA_VETO_STATE_VETOED, XA_VETO_GROUND_V4 },
  /* Late: a B6 deduction, no veto. */
  { "epidemic, not responsible, late", XA_INCIDENT_KIND_EPIDEMIC, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_NOT_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_LATE, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE },
  { "nine-no on its own", XA_INCIDENT_KIND_NINE_NO, XA_INCIDENT_SEVERITY_ORDINARY,
    XA_INCIDENT_FINDING_RESPONSIBLE, FALSE, XA_INCIDENT_REPORTING_ON_TIME, XA_VETO_STATE_CLEAR, XA_VETO_GROUND_NONE },
};

static XaIncident *
case_incident (const Case *c,
               const char *school)
{
  XaIncidentFields fields = {
    .school_uuid = school,
    .school_year = 2026,
    .occurred_on = "2026-11-05",
    .kind = c->kind,
    .severity = c->severity,
    .finding = c->finding,
    .bad_influence = c->bad_influence,
    .affected = 3,
    .reported_on = c->reporting == XA_INCIDENT_REPORTING_CONCEALED ? NULL : "2026-11-05",
    .reporting = c->reporting,
    .summary = c->name,
  };

  return xa_incident_new ("11111111-2222-4333-8444-555555555555", school, school, &fields);
}

static void
test_veto_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XaIncident) incident = case_incident (&cases[i], "school");
      g_autofree char *reason = NULL;
      XaVetoGround ground = XA_VETO_GROUND_NONE;
      XaVetoState state = xa_veto_judge_incident (incident, &ground, &reason);

      g_test_message ("%s: %s", cases[i].name, reason);
      g_assert_cmpint (state, ==, cases[i].expected);
      g_assert_cmpint (ground, ==, cases[i].ground);
      g_assert_nonnull (reason);
      if (ground != XA_VETO_GROUND_NONE)
        g_assert_true (g_str_has_prefix (reason, xa_veto_ground_to_key (ground)));
    }
}

/* One verdict per school, the strongest reason deciding: a pending finding beside a
 * veto leaves the school vetoed, a pending one beside a clear one pending. */
static void
test_veto_schools (void)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) verdicts = NULL;
  XaVetoEscalation escalations[] = {
    { "d", "d", "丁校", "2027-03-02", "食堂承包纠纷", "dispute-1", TRUE, TRUE },
    { "e", "e", "戊校", "2027-04-10", "校车收费纠纷", "dispute-2", FALSE, FALSE },
    { "f", "f", "己校", "2027-04-11", "工资纠纷", "dispute-3", TRUE, FALSE },
  };
  XaVetoVerdict *verdict;

  g_ptr_array_add (incidents, case_incident (&cases[4], "b"));   /* pending */
  g_ptr_array_add (incidents, case_incident (&cases[3], "b"));   /* clear */
  g_ptr_array_add (incidents, case_incident (&cases[4], "a"));   /* pending */
  g_ptr_array_add (incidents, case_incident (&cases[0], "a"));   /* vetoed */
  g_ptr_array_add (incidents, case_incident (&cases[3], "c"));   /* clear */

  verdicts = xa_veto_judge (incidents, escalations, G_N_ELEMENTS (escalations));
  g_assert_cmpuint (verdicts->len, ==, 6);
  /* Vetoed first (a, d), then pending (b, e), then clear (c, f), each by code. */
  verdict = g_ptr_array_index (verdicts, 0);
  g_assert_cmpstr (xa_veto_verdict_get_school_uuid (verdict), ==, "a");
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_VETOED);
  g_assert_cmpuint (xa_veto_verdict_get_n_reasons (verdict), ==, 2);
  g_assert_cmpint (xa_veto_verdict_get_reason_state (verdict, 0), ==, XA_VETO_STATE_PENDING);
  g_assert_cmpint (xa_veto_verdict_get_reason_state (verdict, 1), ==, XA_VETO_STATE_VETOED);
  verdict = g_ptr_array_index (verdicts, 1);
  g_assert_cmpstr (xa_veto_verdict_get_school_uuid (verdict), ==, "d");
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_VETOED);
  g_assert_cmpint (xa_veto_verdict_get_reason_ground (verdict, 0), ==, XA_VETO_GROUND_V3);
  g_assert_nonnull (strstr (xa_veto_verdict_get_reason_text (verdict, 0), "食堂承包纠纷"));
  g_assert_cmpstr (xa_veto_verdict_get_reason_source (verdict, 0), ==, "dispute-1");
  verdict = g_ptr_array_index (verdicts, 2);
  g_assert_cmpstr (xa_veto_verdict_get_school_uuid (verdict), ==, "b");
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_PENDING);
  verdict = g_ptr_array_index (verdicts, 3);
  g_assert_cmpstr (xa_veto_verdict_get_school_uuid (verdict), ==, "e");
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_PENDING);
  verdict = g_ptr_array_index (verdicts, 4);
  g_assert_cmpstr (xa_veto_verdict_get_school_uuid (verdict), ==, "c");
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_CLEAR);
  verdict = g_ptr_array_index (verdicts, 5);
  g_assert_cmpstr (xa_veto_verdict_get_school_uuid (verdict), ==, "f");
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_CLEAR);
}

/* On the store */

typedef struct
{
  char           *dir;
  char           *location;
  XaWorkspace    *workspace;
  XaIncidentBook *book;
  GPtrArray      *schools;  /* XaOrganisation */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-incidents-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全科");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 3, 7, &error);
  g_assert_no_error (error);
  fixture->book = g_object_ref (xa_workspace_get_incidents (fixture->workspace));

  fixture->schools = xa_test_dup_schools (fixture->workspace);
  g_assert_cmpuint (fixture->schools->len, ==, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->book);
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
}

static XaOrganisation *
school (Fixture *fixture,
        guint    index)
{
  return g_ptr_array_index (fixture->schools, index);
}

static void
add_case (Fixture    *fixture,
          guint       index,
          const Case *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaIncident) incident = case_incident (c, xa_organisation_get_uuid (school (fixture, index)));
  XaIncidentFields fields = {
    .school_uuid = xa_incident_get_school_uuid (incident),
    .school_year = 2026,
    .occurred_on = xa_incident_get_occurred_on (incident),
    .kind = c->kind,
    .severity = c->severity,
    .finding = c->finding,
    .bad_influence = c->bad_influence,
    .affected = 3,
    .reported_on = xa_incident_get_reported_on (incident),
    .reporting = c->reporting,
    .summary = c->name,
  };
  g_autoptr(XaIncident) stored = xa_incident_book_add (fixture->book, &fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpint (xa_incident_get_kind (stored), ==, c->kind);
  g_assert_cmpint (xa_incident_get_finding (stored), ==, c->finding);
  g_assert_cmpint (xa_incident_get_reporting (stored), ==, c->reporting);
  g_assert_cmpint (xa_incident_get_bad_influence (stored), ==, c->bad_influence);
}

static void
test_district (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) verdicts = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  XaVetoEscalation escalation = {
    xa_organisation_get_uuid (school (fixture, 2)), xa_organisation_get_code (school (fixture, 2)),
    xa_organisation_get_name (school (fixture, 2)), "2027-03-02", "教师绩效工资纠纷未化解，越级上访至市教委",
    "dispute-uuid", TRUE, TRUE,
  };
  XaIncidentFields bad = {
    .school_uuid = xa_organisation_get_uuid (school (fixture, 0)),
    .school_year = 2026,
    .occurred_on = "2026-11-05",
    .kind = XA_INCIDENT_KIND_FIRE,
    .severity = XA_INCIDENT_SEVERITY_ORDINARY,
    .finding = XA_INCIDENT_FINDING_PENDING,
    .reporting = XA_INCIDENT_REPORTING_LATE,
    .summary = "实验室起火",
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  XaVetoVerdict *verdict;

  add_case (fixture, 0, &cases[0]);   /* vetoed, V1 */
  add_case (fixture, 1, &cases[4]);   /* pending */
  add_case (fixture, 1, &cases[14]);  /* late, clear */

  /* A late report without its date is refused, naming the field. */
  before = xa_test_fingerprint (store);
  g_assert_null (xa_incident_book_add (fixture->book, &bad, &error));
  g_assert_error (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "报送日期"));
  g_clear_error (&error);
  after = xa_test_fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  listed = xa_incident_book_list (fixture->book, xa_organisation_get_uuid (school (fixture, 1)), 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);

  /* Without the disputes' escalation, the third school is not named. */
  verdicts = xa_incident_book_judge_year (fixture->book, 2026, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (verdicts->len, ==, 2);
  g_clear_pointer (&verdicts, g_ptr_array_unref);

  /* A dispute that led to 越级上访 with a bad influence names its school, with the reason. */
  verdicts = xa_incident_book_judge_year (fixture->book, 2026, &escalation, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (verdicts->len, ==, 3);
  for (guint i = 0; i < verdicts->len; i++)
    {
      verdict = g_ptr_array_index (verdicts, i);
      if (g_str_equal (xa_veto_verdict_get_school_uuid (verdict), xa_organisation_get_uuid (school (fixture, 0))))
        {
          g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_VETOED);
          g_assert_cmpint (xa_veto_verdict_get_reason_ground (verdict, 0), ==, XA_VETO_GROUND_V1);
        }
      else if (g_str_equal (xa_veto_verdict_get_school_uuid (verdict), xa_organisation_get_uuid (school (fixture, 1))))
        {
          g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_PENDING);
          g_assert_cmpuint (xa_veto_verdict_get_n_reasons (verdict), ==, 3);
        }
      else
        {
          g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_VETOED);
          g_assert_cmpint (xa_veto_verdict_get_reason_ground (verdict, 0), ==, XA_VETO_GROUND_V3);
          g_assert_nonnull (strstr (xa_veto_verdict_get_reason_text (verdict, 0), "越级上访至市教委"));
        }
    }

  /* Another year has none. */
  g_clear_pointer (&verdicts, g_ptr_array_unref);
  verdicts = xa_incident_book_judge_year (fixture->book, 2025, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (verdicts->len, ==, 0);

  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'incident.add'"), ==, 3);
  xa_test_assert_chain_holds (store);
}

/* Server only: a school's login lists its own incidents and drills, not another
 * school's, cannot record one for another school, reads the district's drill rules and
 * cannot change them; the commission's veto list sees every school. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("incident_a_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaIncident) of_b = NULL;
  g_autoptr(XaIncident) of_a = NULL;
  g_autoptr(XaDrill) drill_b = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) verdicts = NULL;
  XaDrillPolicy policy;
  XaIncidentFields fields = {
    .school_year = 2026,
    .occurred_on = "2026-11-05",
    .kind = XA_INCIDENT_KIND_DROWNING,
    .severity = XA_INCIDENT_SEVERITY_ORDINARY,
    .finding = XA_INCIDENT_FINDING_RESPONSIBLE,
    .reported_on = "2026-11-05",
    .reporting = XA_INCIDENT_REPORTING_ON_TIME,
    .summary = "学生溺水",
  };
  XaDrillFields drill = {
    .school_year = 2026,
    .held_on = "2026-09-15",
    .kind = XA_DRILL_KIND_FIRE,
    .organiser = "乙校安全办",
  };

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  fields.school_uuid = xa_organisation_get_uuid (b);
  of_b = xa_incident_book_add (xa_workspace_get_incidents (admin), &fields, &error);
  g_assert_no_error (error);
  drill.school_uuid = xa_organisation_get_uuid (b);
  drill_b = xa_drill_book_add (xa_workspace_get_drills (admin), &drill, &error);
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);

  listed = xa_incident_book_list (xa_workspace_get_incidents (school_a), NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = xa_drill_book_list (xa_workspace_get_drills (school_a), NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* Not for another school; its own, yes. */
  g_assert_null (xa_incident_book_add (xa_workspace_get_incidents (school_a), &fields, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  fields.school_uuid = xa_organisation_get_uuid (a);
  of_a = xa_incident_book_add (xa_workspace_get_incidents (school_a), &fields, &error);
  g_assert_no_error (error);
  listed = xa_incident_book_list (xa_workspace_get_incidents (school_a), NULL, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);

  /* The rules are read, not written. */
  g_assert_true (xa_drill_book_read_policy (xa_workspace_get_drills (school_a), &policy, &error));
  g_assert_no_error (error);
  policy.school_months = 2;
  g_assert_false (xa_drill_book_save_policy (xa_workspace_get_drills (school_a), &policy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  verdicts = xa_incident_book_judge_year (xa_workspace_get_incidents (admin), 2026, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (verdicts->len, ==, 2);
  xa_test_assert_chain_holds (admin_store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incidents/veto-table", test_veto_table);
  g_test_add_func ("/incidents/veto-schools", test_veto_schools);
  g_test_add ("/incidents/district", Fixture, NULL, fixture_set_up, test_district, fixture_tear_down);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/incidents/access", test_access);

  return g_test_run ();
}
