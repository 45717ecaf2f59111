/* xa-governance-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo district's gate, duty and 三防 registers (`xiaoan-cli demo --governance`):
 * every school's duty roster on every day since term began, as the school calendar has it
 * (the second school missing a day three days ago),
 * a week's visitors (one whose identity was not checked, one still inside), its
 * headcount and guards (the first school meets the rule, the others are one trained
 * guard short), its devices (every second school with a one-key alarm faulty and
 * not repaired; the first with a repair done in its log) and its emergency plan and
 * safety rules (every third school's rules overdue for review, every fifth school
 * without rules). Names are invented and say so.
 */

#include "config.h"

#include "xa-governance-demo.h"
#include "xa-duty-roster.h"
#include "xa-guard.h"
#include "xa-plan.h"
#include "xa-security-device.h"
#include "xa-visitor-register.h"
#include "core/hazards/xa-inspection-book.h"
#include "core/util/xa-school-year.h"

static char *
day_before (const GDate *today,
            guint        days)
{
  GDate day = *today;

  g_date_subtract_days (&day, days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
}

/* A shift on every day from the first of term up to @today, so that the year's check
 * finds what a school that keeps its roster leaves: one day missed, at the second. */
static gboolean
fill_duty (XaStore          *store,
           const char       *school,
           guint             index,
           XaSchoolCalendar *calendar,
           const GDate      *today,
           GError          **error)
{
  static const char * const leaders[] = { "（演示）王副校长", "（演示）赵书记", "（演示）钱主任" };
  g_autofree char *missed = day_before (today, 3);
  GDate day;

  if (!xa_date_parse (xa_school_calendar_get_semester_start (calendar, 0), &day))
    return TRUE;
  for (guint n = 0; g_date_compare (&day, today) <= 0; g_date_add_days (&day, 1), n++)
    {
      g_autofree char *on = day_before (&day, 0);
      XaDutyShiftFields fields = { school, on, leaders[n % G_N_ELEMENTS (leaders)],
                                   "（演示）值班教师、门卫（夜班）", NULL };
      g_autoptr(XaDutyShift) shift = NULL;

      if (index == 1 && g_str_equal (on, missed))
        continue;
      if (!(shift = xa_duty_add (store, &fields, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_visitors (XaStore     *store,
               const char  *school,
               const GDate *today,
               GError     **error)
{
  static const struct { guint days; const char *time; const char *name; gboolean checked; const char *purpose; gboolean leaves; } visits[] = {
    { 6, "09:20", "（演示）送货员甲", TRUE, "食堂送菜", TRUE },
    { 3, "14:05", "（演示）家长乙", FALSE, "接孩子看病", TRUE },
    { 0, "10:30", "（演示）维修工丙", TRUE, "维修监控", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
    {
      g_autofree char *day = day_before (today, visits[i].days);
      g_autofree char *arrived = g_strdup_printf ("%s %s", day, visits[i].time);
      g_autofree char *left = g_strdup_printf ("%s 23:00", day);
      XaVisitorFields fields = { school, arrived, visits[i].name, visits[i].checked, visits[i].purpose, "（演示）总务处" };
      g_autoptr(XaVisitor) visitor = NULL;

      if (!(visitor = xa_visitor_add (store, &fields, error)) ||
          (visits[i].leaves && !xa_visitor_leave (store, visitor->uuid, left, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill_protection (XaStore     *store,
                 const char  *school,
                 guint        index,
                 int          year,
                 const GDate *today,
                 GError     **error)
{
  g_autofree char *employed = g_strdup_printf ("%d-08-25", year);
  g_autofree char *trained = g_strdup_printf ("%d-08-28", year);
  g_autofree char *installed = g_strdup_printf ("%d-08-15", year - 1);
  g_autofree char *fault_on = day_before (today, 10);
  g_autofree char *repaired_on = day_before (today, 8);
  XaSecurityDeviceFields devices[] = {
    { school, "video", "校门口", FALSE, installed },
    { school, "alarm", "门卫室", TRUE, installed },
    { school, "access", "校门", FALSE, installed },
  };

  if (!xa_guard_set_headcount (store, school, year, 300 + 150 * (int) index, error))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("（演示）保安%u号", i + 1);
      XaGuardFields fields = { school, name, TRUE, employed, index > 0 && i == 3 ? NULL : trained };
      g_autoptr(XaGuard) guard = NULL;

      if (!(guard = xa_guard_add (store, &fields, error)))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(XaSecurityDevice) device = NULL;

      if (!(device = xa_security_device_add (store, &devices[i], error)))
        return FALSE;
      if (g_strcmp0 (devices[i].kind, "alarm") == 0 && index % 2 == 1 &&
          !xa_security_device_report_fault (store, device->uuid, fault_on, "（演示）按下后报警中心无响应", error))
        return FALSE;
      if (g_strcmp0 (devices[i].kind, "video") == 0 && index == 0 &&
          (!xa_security_device_report_fault (store, device->uuid, fault_on, "（演示）画面模糊", error) ||
           !xa_security_device_repaired (store, device->uuid, repaired_on, "（演示）维保公司", error)))
        return FALSE;
    }
  return TRUE;
}

/* The plan is adopted at the start of the school year and reviewed a year on; the rules
 * a year earlier, so that every third school's review is overdue by today. */
static gboolean
fill_plans (XaStore     *store,
            const char  *school,
            guint        index,
            int          year,
            GError     **error)
{
  g_autofree char *plan_on = g_strdup_printf ("%04d-09-01", year);
  g_autofree char *plan_review = g_strdup_printf ("%04d-09-01", year + 1);
  g_autofree char *rules_on = g_strdup_printf ("%04d-09-01", year - 1);
  g_autofree char *rules_review = index % 3 == 2 ? g_strdup_printf ("%04d-10-15", year)
                                                 : g_strdup_printf ("%04d-09-01", year + 1);
  g_autofree char *plan = NULL;
  g_autofree char *rules = NULL;

  if (!(plan = xa_plan_add (store, school, "plan", "（演示）校园突发事件应急预案", NULL, plan_on, plan_review, error)))
    return FALSE;
  if (index % 5 == 4)
    return TRUE;
  rules = xa_plan_add (store, school, "rule", "（演示）学校安全管理制度汇编", NULL, rules_on, rules_review, error);
  return rules != NULL;
}

/**
 * xa_governance_demo_fill:
 * @today: (nullable): the demo's today, YYYY-MM-DD, or %NULL for the real one
 *
 * Fills the duty roster, the visitor register, the guards, the devices and the plans
 * and rules of every school of @registry, each record in its own transaction.
 */
gboolean
xa_governance_demo_fill (XaStore           *store,
                         XaSchoolRegistry  *registry,
                         const char        *today,
                         GError           **error)
{
  GListModel *schools = xa_school_registry_get_schools (registry);
  g_autofree char *today_text = today ? g_strdup (today) : xa_date_today_iso ();
  g_autoptr(XaSchoolCalendar) calendar = NULL;
  GDate day;
  int year;

  if (!xa_date_parse (today_text, &day))
    g_return_val_if_reached (FALSE);
  year = xa_school_year_for_date (&day);
  if (!(calendar = xa_inspection_read_calendar (store, year, error)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);
      const char *uuid = xa_organisation_get_uuid (school);

      if (!fill_duty (store, uuid, i, calendar, &day, error) ||
          !fill_visitors (store, uuid, &day, error) ||
          !fill_protection (store, uuid, i, year, &day, error) ||
          !fill_plans (store, uuid, i, year, error))
        return FALSE;
    }
  return TRUE;
}
