/* test-governance-registers.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 综治 registers beside the disputes (src/core/governance), on either engine: the
 * duty roster and its uncovered days; the visitor register; guards against the
 * district's rule, with the rule changed; security devices and their repair log; the
 * commission's judgement of a petition a dispute led to, which moves the veto test
 * from pending to vetoed; an incident's finding made once, with who and when. On a
 * server, a school's login may neither judge a petition nor change a finding.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "governance-fixture.h"
#include "core/education/xa-incident-book.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-duty-roster.h"
#include "core/governance/xa-guard.h"
#include "core/governance/xa-security-device.h"
#include "core/governance/xa-visitor-register.h"
#include "core/hazards/xa-inspection-book.h"
#include "core/registry/xa-demo.h"

#define AUDITED(fixture, action) \
  xa_test_query_int ((fixture)->store, "SELECT count(*) FROM audit WHERE action = '" action "'")

/* One shift a day; the days of a period without one are listed. */
static void
test_duty (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  g_auto(GStrv) uncovered = NULL;
  g_autofree char *before = NULL;
  const char *days[] = { "2024-10-07", "2024-10-08", "2024-10-10" };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      XaDutyShiftFields fields = { fixture->school_a, days[i], "王副校长", "张老师、门卫李师傅（夜）", NULL };
      g_autoptr(XaDutyShift) shift = xa_duty_add (fixture->store, &fields, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (shift->duty_on, ==, days[i]);
    }

  before = xa_test_fingerprint (fixture->store);
  {
    XaDutyShiftFields twice = { fixture->school_a, "2024-10-08", "赵校长", "钱老师", NULL };
    XaDutyShiftFields no_leader = { fixture->school_a, "2024-10-09", "", "钱老师", NULL };
    XaDutyShiftFields bad_day = { fixture->school_a, "2024-10-32", "赵校长", "钱老师", NULL };
    g_autofree char *after = NULL;

    g_assert_null (xa_duty_add (fixture->store, &twice, &error));
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "王副校长"));
    g_clear_error (&error);
    g_assert_null (xa_duty_add (fixture->store, &no_leader, &error));
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (xa_duty_add (fixture->store, &bad_day, &error));
    g_assert_nonnull (strstr (error->message, "2024-10-32"));
    g_clear_error (&error);
    after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }

  uncovered = xa_duty_uncovered (fixture->store, fixture->school_a, "2024-10-07", "2024-10-11", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uncovered), ==, 2);
  g_assert_cmpstr (uncovered[0], ==, "2024-10-09");
  g_assert_cmpstr (uncovered[1], ==, "2024-10-11");
  g_clear_pointer (&uncovered, g_strfreev);
  uncovered = xa_duty_uncovered (fixture->store, fixture->school_b, "2024-10-07", "2024-10-07", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uncovered), ==, 1);

  shifts = xa_duty_list (fixture->store, fixture->school_a, "2024-10-08", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shifts->len, ==, 2);
  g_assert_cmpint (AUDITED (fixture, "duty.add"), ==, 3);
  xa_test_assert_chain_holds (fixture->store);
}

/* The year's check follows the school calendar: every day since term began, holidays and
 * vacations included (the watch is kept on them too), not from 1 September. */
static void
test_duty_in_year (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_new_default (2024);
  g_auto(GStrv) uncovered = NULL;
  g_auto(GStrv) every_day = NULL;
  GDate day;

  xa_school_calendar_set_semester (calendar, 0, "2024-09-02", "2025-01-17");
  xa_school_calendar_set_semester (calendar, 1, "2025-02-17", "2025-07-04");
  xa_school_calendar_clear_holidays (calendar);
  xa_school_calendar_add_holiday (calendar, "国庆节", "2024-10-01");
  g_assert_true (xa_inspection_book_save_calendar (xa_workspace_get_inspections (fixture->workspace), calendar, &error));
  g_assert_no_error (error);

  /* A shift every day from the first of term to 2 October but 3 September and the holiday. */
  for (g_date_set_dmy (&day, 2, G_DATE_SEPTEMBER, 2024); g_date_get_month (&day) != G_DATE_OCTOBER || g_date_get_day (&day) <= 2;
       g_date_add_days (&day, 1))
    {
      g_autofree char *on = g_strdup_printf ("2024-%02d-%02d", g_date_get_month (&day), g_date_get_day (&day));
      XaDutyShiftFields fields = { fixture->school_a, on, "王副校长", "张老师", NULL };
      g_autoptr(XaDutyShift) shift = NULL;

      if (g_str_equal (on, "2024-09-03") || g_str_equal (on, "2024-10-01"))
        continue;
      shift = xa_duty_add (fixture->store, &fields, &error);
      g_assert_no_error (error);
    }

  uncovered = xa_duty_uncovered_in_year (fixture->store, fixture->school_a, 2024, "2024-10-02", &error);
  g_assert_no_error (error);
  /* The holiday is kept like any other day; the day before term is not the year's. */
  g_assert_cmpuint (g_strv_length (uncovered), ==, 2);
  g_assert_cmpstr (uncovered[0], ==, "2024-09-03");
  g_assert_cmpstr (uncovered[1], ==, "2024-10-01");
  /* Counted from 1 September, the day before term was a gap too. */
  every_day = xa_duty_uncovered (fixture->store, fixture->school_a, "2024-09-01", "2024-10-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (every_day), ==, 3);
  g_assert_cmpstr (every_day[2], ==, "2024-10-01");
  g_clear_pointer (&uncovered, g_strfreev);

  /* Before term begins there is nothing to miss; the winter vacation counts. */
  uncovered = xa_duty_uncovered_in_year (fixture->store, fixture->school_b, 2024, "2024-09-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (uncovered), ==, 0);
  g_clear_pointer (&uncovered, g_strfreev);
  uncovered = xa_duty_uncovered_in_year (fixture->store, fixture->school_b, 2024, "2025-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uncovered[g_strv_length (uncovered) - 1], ==, "2025-02-01");
  g_assert_true (g_strv_contains ((const char * const *) uncovered, "2024-09-02"));
  g_assert_false (g_strv_contains ((const char * const *) uncovered, "2024-09-01"));
  g_assert_true (g_strv_contains ((const char * const *) uncovered, "2024-10-01"));
  g_clear_pointer (&uncovered, g_strfreev);
  g_assert_null (xa_duty_uncovered_in_year (fixture->store, fixture->school_b, 2024, "2024-13-01", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
}

static void
test_visitor (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaVisitorFields fields = { fixture->school_a, "2024-10-08 09:30", "周某", TRUE, "送教材", "教务处 孙老师" };
  g_autoptr(XaVisitor) visitor = xa_visitor_add (fixture->store, &fields, &error);
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_no_error (error);
  g_assert_null (visitor->left_at);
  fields.arrived_at = "2024-10-08 25:00";
  g_assert_null (xa_visitor_add (fixture->store, &fields, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "25:00"));
  g_clear_error (&error);

  g_assert_false (xa_visitor_leave (fixture->store, visitor->uuid, "2024-10-08 09:00", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xa_visitor_leave (fixture->store, visitor->uuid, "2024-10-08 10:15", &error));
  g_assert_no_error (error);
  g_assert_false (xa_visitor_leave (fixture->store, visitor->uuid, "2024-10-08 10:20", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  fields.arrived_at = "2024-10-09 14:00";
  fields.id_checked = FALSE;
  g_clear_pointer (&visitor, xa_visitor_free);
  visitor = xa_visitor_add (fixture->store, &fields, &error);
  g_assert_no_error (error);

  listed = xa_visitor_list (fixture->store, fixture->school_a, "2024-10-08", "2024-10-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((XaVisitor *) g_ptr_array_index (listed, 0))->left_at, ==, "2024-10-08 10:15");
  g_assert_true (((XaVisitor *) g_ptr_array_index (listed, 0))->id_checked);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = xa_visitor_list (fixture->store, NULL, NULL, NULL, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_false (((XaVisitor *) g_ptr_array_index (listed, 1))->id_checked);
  xa_test_assert_chain_holds (fixture->store);
}

static XaGuardCheck *
check_school (Fixture    *fixture,
              const char *school_uuid,
              const char *on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = xa_guard_check (fixture->store, school_uuid, 2024, on, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return xa_guard_check_copy (g_ptr_array_index (rows, 0));
}

/* Chongqing's norm by default: 4 full-time, trained guards from 100 people. */
static void
test_guards (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaGuardCheck) row = NULL;
  g_autoptr(XaGuard) untrained = NULL;
  XaGuardPolicy policy;
  const char *names[] = { "保安甲", "保安乙", "保安丙" };

  g_assert_true (xa_guard_policy_read (fixture->store, &policy, &error));
  g_assert_cmpint (policy.min_guards, ==, 4);
  g_assert_cmpint (policy.min_people, ==, 100);

  row = check_school (fixture, fixture->school_a, "2024-10-08");
  g_assert_cmpint (row->people, ==, -1);
  g_assert_false (row->meets);
  g_clear_pointer (&row, xa_guard_check_free);

  g_assert_true (xa_guard_set_headcount (fixture->store, fixture->school_a, 2024, 850, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      XaGuardFields fields = { fixture->school_a, names[i], TRUE, "2024-09-01", "2024-09-05" };
      g_autoptr(XaGuard) guard = xa_guard_add (fixture->store, &fields, &error);

      g_assert_no_error (error);
    }
  {
    XaGuardFields part_time = { fixture->school_a, "兼职保安", FALSE, "2024-09-01", "2024-09-05" };
    XaGuardFields fourth = { fixture->school_a, "保安丁", TRUE, "2024-09-01", NULL };
    g_autoptr(XaGuard) guard = xa_guard_add (fixture->store, &part_time, &error);

    g_assert_no_error (error);
    untrained = xa_guard_add (fixture->store, &fourth, &error);
    g_assert_no_error (error);
  }
  row = check_school (fixture, fixture->school_a, "2024-10-08");
  g_assert_cmpint (row->people, ==, 850);
  g_assert_cmpint (row->required, ==, 4);
  g_assert_cmpint (row->full_time, ==, 4);
  g_assert_cmpint (row->trained, ==, 3);
  g_assert_false (row->meets);
  g_clear_pointer (&row, xa_guard_check_free);

  g_assert_true (xa_guard_update (fixture->store, untrained->uuid, "2024-10-01", NULL, &error));
  g_assert_no_error (error);
  row = check_school (fixture, fixture->school_a, "2024-10-08");
  g_assert_true (row->meets);
  g_clear_pointer (&row, xa_guard_check_free);
  /* Before the training, the rule was not met. */
  row = check_school (fixture, fixture->school_a, "2024-09-20");
  g_assert_false (row->meets);
  g_clear_pointer (&row, xa_guard_check_free);

  /* The commission raises the rule. */
  policy.min_guards = 5;
  g_assert_true (xa_guard_policy_set (fixture->store, &policy, &error));
  g_assert_no_error (error);
  row = check_school (fixture, fixture->school_a, "2024-10-08");
  g_assert_cmpint (row->required, ==, 5);
  g_assert_false (row->meets);
  g_clear_pointer (&row, xa_guard_check_free);
  policy.min_guards = 101;
  g_assert_false (xa_guard_policy_set (fixture->store, &policy, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A school below the headcount needs none. */
  g_assert_true (xa_guard_set_headcount (fixture->store, fixture->school_b, 2024, 60, &error));
  row = check_school (fixture, fixture->school_b, "2024-10-08");
  g_assert_cmpint (row->required, ==, 0);
  g_assert_true (row->meets);

  g_assert_false (xa_guard_update (fixture->store, untrained->uuid, NULL, "2024-08-01", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (AUDITED (fixture, "guard.policy"), ==, 1);
  xa_test_assert_chain_holds (fixture->store);
}

/* A fault opens a repair and lists the device as faulty (B4) until it is repaired. */
static void
test_devices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaSecurityDeviceFields fields = { fixture->school_a, "alarm", "门卫室", TRUE, "2023-09-01" };
  g_autoptr(XaSecurityDevice) alarm = xa_security_device_add (fixture->store, &fields, &error);
  g_autoptr(XaSecurityDevice) camera = NULL;
  g_autoptr(GPtrArray) faulty = NULL;
  g_autoptr(GPtrArray) repairs = NULL;

  g_assert_no_error (error);
  fields.kind = "video";
  fields.place = "校门口";
  g_assert_null (xa_security_device_add (fixture->store, &fields, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fields.police_linked = FALSE;
  camera = xa_security_device_add (fixture->store, &fields, &error);
  g_assert_no_error (error);
  fields.kind = "radar";
  g_assert_null (xa_security_device_add (fixture->store, &fields, &error));
  g_assert_nonnull (strstr (error->message, "radar"));
  g_clear_error (&error);

  g_assert_true (xa_security_device_report_fault (fixture->store, alarm->uuid, "2024-10-08", "按键无响应", &error));
  g_assert_no_error (error);
  g_assert_false (xa_security_device_report_fault (fixture->store, alarm->uuid, "2024-10-09", "又坏了", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  faulty = xa_security_device_list (fixture->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (faulty->len, ==, 1);
  g_assert_cmpstr (((XaSecurityDevice *) g_ptr_array_index (faulty, 0))->fault, ==, "按键无响应");
  g_clear_pointer (&faulty, g_ptr_array_unref);

  g_assert_false (xa_security_device_repaired (fixture->store, alarm->uuid, "2024-10-01", "维保公司", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_security_device_repaired (fixture->store, camera->uuid, "2024-10-10", "维保公司", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xa_security_device_repaired (fixture->store, alarm->uuid, "2024-10-10", "维保公司", &error));
  g_assert_no_error (error);
  faulty = xa_security_device_list (fixture->store, NULL, TRUE, &error);
  g_assert_cmpuint (faulty->len, ==, 0);
  repairs = xa_security_device_list_repairs (fixture->store, alarm->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (repairs->len, ==, 1);
  g_assert_cmpstr (((XaDeviceRepair *) g_ptr_array_index (repairs, 0))->repaired_on, ==, "2024-10-10");
  g_assert_cmpint (AUDITED (fixture, "device.repaired"), ==, 2);
  xa_test_assert_chain_holds (fixture->store);
}

static XaVetoVerdict *
verdict_of (XaWorkspace *workspace,
            const char  *school_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) verdicts = xa_incident_book_judge_district (xa_workspace_get_incidents (workspace), 2024, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < verdicts->len; i++)
    if (g_strcmp0 (xa_veto_verdict_get_school_uuid (g_ptr_array_index (verdicts, i)), school_uuid) == 0)
      return g_object_ref (g_ptr_array_index (verdicts, i));
  return NULL;
}

static XaDispute *
escalated_dispute (Fixture    *fixture,
                   const char *school_uuid,
                   const char *parties)
{
  g_autoptr(GError) error = NULL;
  XaDisputeFields fields = { school_uuid, 2024, NULL, "2024-10-08", parties, "family-school",
                             "家长对课后服务收费有异议", NULL, "德育处 李老师" };
  XaDispute *dispute = xa_dispute_add (fixture->store, &fields, &error);

  g_assert_no_error (error);
  g_assert_true (xa_dispute_advance (fixture->store, xa_dispute_get_uuid (dispute), XA_DISPUTE_REPORTED, NULL, NULL, &error));
  g_assert_true (xa_dispute_set_escalated (fixture->store, xa_dispute_get_uuid (dispute), "2024-11-02", &error));
  g_assert_no_error (error);
  return dispute;
}

/* A dispute that led to 越级上访 names the school: pending until the commission judges
 * its influence, then vetoed with the reason, or not. */
static void
test_petition_judged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDispute) loud = escalated_dispute (fixture, fixture->school_a, "家长—学校");
  g_autoptr(XaDispute) calm = escalated_dispute (fixture, fixture->school_b, "学生—学生");
  g_autoptr(XaDispute) quiet = NULL;
  g_autoptr(XaVetoVerdict) verdict = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  XaDisputeFields fields = { fixture->school_a, 2024, NULL, "2024-10-08", "教师—教师", "staff", "排课争议", NULL, "李老师" };

  verdict = verdict_of (fixture->workspace, fixture->school_a);
  g_assert_nonnull (verdict);
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_PENDING);
  g_assert_cmpint (xa_veto_verdict_get_reason_ground (verdict, 0), ==, XA_VETO_GROUND_V3);
  g_clear_object (&verdict);

  /* A dispute that led to no petition has no influence to judge. */
  quiet = xa_dispute_add (fixture->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_false (xa_dispute_judge_influence (fixture->store, xa_dispute_get_uuid (quiet), TRUE, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (xa_dispute_judge_influence (fixture->store, xa_dispute_get_uuid (loud), TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (xa_dispute_judge_influence (fixture->store, xa_dispute_get_uuid (calm), FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (xa_dispute_judge_influence (fixture->store, xa_dispute_get_uuid (loud), FALSE, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  verdict = verdict_of (fixture->workspace, fixture->school_a);
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_VETOED);
  g_assert_cmpstr (xa_veto_verdict_get_reason_source (verdict, 0), ==, xa_dispute_get_uuid (loud));
  g_assert_nonnull (strstr (xa_veto_verdict_get_reason_text (verdict, 0), "家长—学校"));
  g_clear_object (&verdict);
  verdict = verdict_of (fixture->workspace, fixture->school_b);
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_CLEAR);

  listed = xa_dispute_list (fixture->store, fixture->school_a, 2024, &error);
  for (guint i = 0; i < listed->len; i++)
    if (g_strcmp0 (xa_dispute_get_uuid (g_ptr_array_index (listed, i)), xa_dispute_get_uuid (loud)) == 0)
      {
        g_assert_cmpint (xa_dispute_get_influence (g_ptr_array_index (listed, i)), ==, XA_DISPUTE_INFLUENCE_BAD);
        g_assert_cmpstr (xa_dispute_get_judged_by (g_ptr_array_index (listed, i)), ==, "安全办");
      }
  g_assert_cmpint (AUDITED (fixture, "dispute.judge"), ==, 2);
  xa_test_assert_chain_holds (fixture->store);
}

static XaIncident *
add_pending_incident (XaWorkspace *workspace,
                      const char  *school_uuid)
{
  g_autoptr(GError) error = NULL;
  XaIncidentFields fields = { school_uuid, 2024, "2024-10-08", XA_INCIDENT_KIND_DROWNING, XA_INCIDENT_SEVERITY_ORDINARY,
                              XA_INCIDENT_FINDING_PENDING, FALSE, 1, "2024-10-08", XA_INCIDENT_REPORTING_ON_TIME,
                              "学生周末私自下河游泳", NULL };
  XaIncident *incident = xa_incident_book_add (xa_workspace_get_incidents (workspace), &fields, &error);

  g_assert_no_error (error);
  return incident;
}

/* 待认定 → 责任, once, with who and when; every other field keeps its rules. */
static void
test_incident_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaIncidentBook *book = xa_workspace_get_incidents (fixture->workspace);
  g_autoptr(XaIncident) incident = add_pending_incident (fixture->workspace, fixture->school_a);
  g_autoptr(XaIncident) edited = NULL;
  g_autoptr(XaVetoVerdict) verdict = NULL;
  XaIncidentEdit edit = XA_INCIDENT_EDIT_INIT;
  g_autofree char *before = NULL;

  g_assert_null (xa_incident_get_finding_by (incident));
  verdict = verdict_of (fixture->workspace, fixture->school_a);
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_PENDING);
  g_clear_object (&verdict);

  /* Nothing changed, a bad field: refused, nothing written. */
  before = xa_test_fingerprint (fixture->store);
  g_assert_null (xa_incident_book_edit (book, xa_incident_get_uuid (incident), &edit, &error));
  g_assert_error (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  edit.reported_on = "2024-10-01";
  g_assert_null (xa_incident_book_edit (book, xa_incident_get_uuid (incident), &edit, &error));
  g_assert_error (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }

  edit.reported_on = NULL;
  edit.finding = XA_INCIDENT_FINDING_RESPONSIBLE;
  edit.affected = 2;
  edited = xa_incident_book_edit (book, xa_incident_get_uuid (incident), &edit, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_incident_get_finding (edited), ==, XA_INCIDENT_FINDING_RESPONSIBLE);
  g_assert_cmpint (xa_incident_get_affected (edited), ==, 2);
  g_assert_cmpstr (xa_incident_get_finding_by (edited), ==, "安全办");
  g_assert_nonnull (xa_incident_get_finding_at (edited));
  verdict = verdict_of (fixture->workspace, fixture->school_a);
  g_assert_cmpint (xa_veto_verdict_get_state (verdict), ==, XA_VETO_STATE_VETOED);

  /* A finding is made once. */
  edit = (XaIncidentEdit) XA_INCIDENT_EDIT_INIT;
  edit.finding = XA_INCIDENT_FINDING_PENDING;
  g_assert_null (xa_incident_book_edit (book, xa_incident_get_uuid (incident), &edit, &error));
  g_assert_error (error, XA_INCIDENT_BOOK_ERROR, XA_INCIDENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (AUDITED (fixture, "incident.edit"), ==, 1);
  xa_test_assert_chain_holds (fixture->store);
}

/* Server only: a school's login records its disputes and incidents but may neither
 * judge a petition's influence nor change an incident's finding. */
static void
test_findings_commission_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaIncident) incident = NULL;
  g_autoptr(XaDispute) dispute = NULL;
  g_autoptr(XaWorkspace) login = NULL;
  g_autofree char *role = g_strdup_printf ("judge_school_%d", (int) getpid ());
  g_autofree char *password = NULL;
  g_autofree char *uri = NULL;
  XaDisputeFields fields = { NULL, 2024, NULL, "2024-10-08", "家长—学校", "family-school", "收费异议", NULL, "李老师" };
  XaIncidentEdit edit = XA_INCIDENT_EDIT_INIT;
  XaStore *store;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 1, 7, &error));
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  incident = add_pending_incident (admin, xa_organisation_get_uuid (a));
  fields.school_uuid = xa_organisation_get_uuid (a);
  dispute = xa_dispute_add (admin_store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (xa_dispute_set_escalated (admin_store, xa_dispute_get_uuid (dispute), "2024-11-02", &error));
  g_assert_true (xa_store_server_setup (admin_store, &error));
  g_assert_no_error (error);
  password = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("%s&user=%s", location, role);
  login = xa_workspace_open_location (uri, password, role, &error);
  g_assert_no_error (error);
  store = xa_workspace_get_store (login);

  g_assert_false (xa_dispute_judge_influence (store, xa_dispute_get_uuid (dispute), FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, _("Only the commission records a responsibility finding or judges a petition’s influence")));
  g_clear_error (&error);
  edit.finding = XA_INCIDENT_FINDING_NOT_RESPONSIBLE;
  g_assert_null (xa_incident_book_edit (xa_workspace_get_incidents (login), xa_incident_get_uuid (incident), &edit, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, _("Only the commission records a responsibility finding or judges a petition’s influence")));
  g_clear_error (&error);
  /* The school may still correct what is its own to say. */
  edit.finding = 0;
  edit.affected = 3;
  {
    g_autofree char *uuid = g_strdup (xa_incident_get_uuid (incident));

    g_clear_object (&incident);
    incident = xa_incident_book_edit (xa_workspace_get_incidents (login), uuid, &edit, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (xa_incident_get_affected (incident), ==, 3);
  /* The commission judges. */
  g_assert_true (xa_dispute_judge_influence (admin_store, xa_dispute_get_uuid (dispute), FALSE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/governance/duty", Fixture, NULL, fixture_set_up, test_duty, fixture_tear_down);
  g_test_add ("/governance/duty-in-year", Fixture, NULL, fixture_set_up, test_duty_in_year, fixture_tear_down);
  g_test_add ("/governance/visitor", Fixture, NULL, fixture_set_up, test_visitor, fixture_tear_down);
  g_test_add ("/governance/guards", Fixture, NULL, fixture_set_up, test_guards, fixture_tear_down);
  g_test_add ("/governance/devices", Fixture, NULL, fixture_set_up, test_devices, fixture_tear_down);
  g_test_add ("/governance/petition-judged", Fixture, NULL, fixture_set_up, test_petition_judged, fixture_tear_down);
  g_test_add ("/governance/incident-edit", Fixture, NULL, fixture_set_up, test_incident_edit, fixture_tear_down);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/governance/findings-commission-only", test_findings_commission_only);

  return g_test_run ();
}
