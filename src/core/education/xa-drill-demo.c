/* xa-drill-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo district's drills and incidents of this school year up to today, invented
 * and clearly fictional: most schools drill in most months of term (a kindergarten once a
 * quarter), some skip one, and a few schools have an incident, so that the frequency
 * check and the veto list have something to show: a vetoed school, a pending one and one
 * whose incident does not veto.
 */

#include "config.h"

#include "xa-drill-demo.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

static const XaDrillKind kinds[] = {
  XA_DRILL_KIND_FIRE, XA_DRILL_KIND_EARTHQUAKE, XA_DRILL_KIND_STAMPEDE, XA_DRILL_KIND_TERROR, XA_DRILL_KIND_FIRE,
};

static const char * const organisers[] = { "安全办（演示）", "德育处（演示）", "总务处（演示）", "校长办公室（演示）" };

static const char * const problems[] = {
  "二楼东侧楼梯口疏散时拥堵", "部分教室未听清警报广播", "一名学生疏散时返回教室取物",
  "安全出口指示灯不亮", "集合点清点人数用时过长", "疏散路线图未张贴在新教室",
};

static const struct
{
  XaIncidentKind       kind;
  XaIncidentSeverity   severity;
  XaIncidentFinding    finding;
  XaIncidentReporting  reporting;
  int                  affected;
  const char          *summary;
} incidents_table[] = {
  { XA_INCIDENT_KIND_DROWNING, XA_INCIDENT_SEVERITY_ORDINARY, XA_INCIDENT_FINDING_PENDING, XA_INCIDENT_REPORTING_LATE, 1,
    "（演示数据）一名学生周末私自到河边游泳溺水，经抢救脱险，事故认定尚在进行" },
  { XA_INCIDENT_KIND_FOOD_POISONING, XA_INCIDENT_SEVERITY_LARGE, XA_INCIDENT_FINDING_RESPONSIBLE, XA_INCIDENT_REPORTING_ON_TIME, 23,
    "（演示数据）午餐后23名学生出现腹泻呕吐，疾控认定为食堂凉菜污染" },
  { XA_INCIDENT_KIND_STAMPEDE, XA_INCIDENT_SEVERITY_ORDINARY, XA_INCIDENT_FINDING_NOT_RESPONSIBLE, XA_INCIDENT_REPORTING_ON_TIME, 2,
    "（演示数据）放学时楼梯间拥挤，两名学生擦伤，已处置" },
};

/**
 * xa_drill_demo_fill:
 * @today: (nullable): the day the year is lived up to; %NULL for today
 *
 * Returns: %TRUE when recorded, with how many in @n_drills and @n_incidents
 */
gboolean
xa_drill_demo_fill (XaDrillBook       *drills,
                    XaIncidentBook    *incidents,
                    XaSchoolRegistry  *registry,
                    guint32            seed,
                    const char        *today,
                    guint             *n_drills,
                    guint             *n_incidents,
                    GError           **error)
{
  g_autofree char *local_today = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x5d1e11u);
  GListModel *schools = xa_school_registry_get_schools (registry);
  GDate now;
  int year;

  if (!xa_date_parse (local_today, &now))
    return TRUE;
  year = xa_school_year_for_date (&now);
  *n_drills = *n_incidents = 0;

  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, s);
      gboolean kindergarten = xa_organisation_get_school_type (school) == XA_SCHOOL_TYPE_KINDERGARTEN;
      guint step = kindergarten ? 3 : 1;

      for (guint offset = 0; offset < 12; offset += step)
        {
          g_autoptr(XaDrill) drill = NULL;
          g_autofree char *held_on = NULL;
          const char *found[3] = { NULL, NULL, NULL };
          guint month = 1 + (8 + offset) % 12;
          GDate date;
          XaDrillFields fields = { 0 };

          /* No drill in the winter and summer holidays; about one month in eight skipped. */
          if (month == 2 || month == 7 || month == 8 || g_rand_int_range (rand, 0, 8) == 0)
            continue;
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 5 + g_rand_int_range (rand, 0, 20), month, month >= 9 ? year : year + 1);
          if (g_date_compare (&date, &now) > 0)
            break;
          held_on = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), month, g_date_get_day (&date));
          if (g_rand_int_range (rand, 0, 3) == 0)
            found[0] = problems[g_rand_int_range (rand, 0, G_N_ELEMENTS (problems))];

          fields.school_uuid = xa_organisation_get_uuid (school);
          fields.school_year = year;
          fields.held_on = held_on;
          fields.kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
          fields.organiser = organisers[g_rand_int_range (rand, 0, G_N_ELEMENTS (organisers))];
          fields.participants = kindergarten ? g_rand_int_range (rand, 80, 300) : g_rand_int_range (rand, 300, 1800);
          fields.evacuation_seconds = g_rand_int_range (rand, 90, 200);
          fields.problems = found;
          fields.improvements = found[0] != NULL ? "（演示数据）已在教职工会上通报并落实整改" : "";
          if (!(drill = xa_drill_book_add (drills, &fields, error)))
            return FALSE;
          (*n_drills)++;
        }
    }

  /* An incident each at the first few schools, in October of the year. */
  for (guint i = 0; i < G_N_ELEMENTS (incidents_table) && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i * 3 % g_list_model_get_n_items (schools));
      g_autoptr(XaIncident) incident = NULL;
      g_autofree char *occurred_on = g_strdup_printf ("%04d-10-%02d", year, 12 + (int) i * 4);
      g_autofree char *reported_on = g_strdup_printf ("%04d-10-%02d", year,
                                                      12 + (int) i * 4 +
                                                      (incidents_table[i].reporting == XA_INCIDENT_REPORTING_LATE ? 3 : 0));
      XaIncidentFields fields = {
        .school_uuid = xa_organisation_get_uuid (school),
        .school_year = year,
        .occurred_on = occurred_on,
        .kind = incidents_table[i].kind,
        .severity = incidents_table[i].severity,
        .finding = incidents_table[i].finding,
        .affected = incidents_table[i].affected,
        .reported_on = reported_on,
        .reporting = incidents_table[i].reporting,
        .summary = incidents_table[i].summary,
      };

      if (g_strcmp0 (reported_on, local_today) > 0)
        break;
      if (!(incident = xa_incident_book_add (incidents, &fields, error)))
        return FALSE;
      (*n_incidents)++;
    }
  return TRUE;
}
