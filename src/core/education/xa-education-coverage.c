/* xa-education-coverage.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 受教育面 and 四落实 of a school's year (domain.md §3.5). A person is educated when they
 * attended, or made up, as many of the sessions meant for them as the district
 * requires (required-sessions): their class's and the whole school's for a student,
 * the staff's and the whole school's for a member of staff; a person excluded on the
 * roster (休学, 长期病假) is not counted. A class kept by counts only cannot be told
 * person by person: its educated are estimated as the attendance, make-ups added, of
 * its required-th best attended class session, and it is marked so. The
 * attendance-weighted rate is Σ 实到 ÷ Σ 应到 of every session but the parents', a
 * make-up's present added to what it made up. Both are held against 99.5 %.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-education-book.h"
#include "xa-education-private.h"
#include "core/util/xa-date.h"

static const char * const policy_names[] = {
  "hours-preschool", "hours-primary", "hours-junior", "hours-senior", "hours-vocational", "hours-special",
  "required-sessions", "legal-lessons",
};

G_STATIC_ASSERT (G_N_ELEMENTS (policy_names) * sizeof (guint) == sizeof (XaEducationPolicy));

/* The settings as a message names them. */
static const char * const policy_labels[] = {
  N_("Minimum hours a year, preschool (学前)"), N_("Minimum hours a year, primary (小学)"),
  N_("Minimum hours a year, junior secondary (初中)"), N_("Minimum hours a year, senior secondary (高中)"),
  N_("Minimum hours a year, vocational (中职)"), N_("Minimum hours a year, special education (特教)"),
  N_("Sessions that make a person educated"), N_("Lessons a year of the 法治副校长"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (policy_labels) == G_N_ELEMENTS (policy_names));

/* 固原's minimum hours a year (小学 14, 初中 12, 高中 8) until the district sets its
 * own; one session makes a person educated; four lessons of the 法治副校长. */
void
xa_education_policy_init (XaEducationPolicy *policy)
{
  *policy = (XaEducationPolicy) { 8, 14, 12, 8, 8, 14, 1, 4 };
}

static gboolean
read_policy_cb (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  guint *values = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store, "SELECT name, value FROM education_policy", error)))
    return FALSE;
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    for (guint i = 0; i < G_N_ELEMENTS (policy_names); i++)
      if (strcmp (xa_statement_get_text (rows, 0), policy_names[i]) == 0)
        values[i] = (guint) MAX (0, xa_statement_get_int (rows, 1));
  return step == XA_STEP_DONE;
}

gboolean
xa_education_book_read_policy (XaEducationBook    *self,
                               XaEducationPolicy  *policy,
                               GError            **error)
{
  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), FALSE);

  xa_education_policy_init (policy);
  return xa_store_read (xa_education_book_get_store (self), read_policy_cb, policy, error);
}

/* Inside a write: the district's settings, each change audited. */
gboolean
_xa_education_write_policy (XaStore                  *store,
                            const XaEducationPolicy  *policy,
                            GError                  **error)
{
  const guint *values = (const guint *) policy;
  g_autofree char *now = xa_date_now_iso8601 ();

  for (guint i = 0; i < G_N_ELEMENTS (policy_names); i++)
    {
      g_autoptr(XaStatement) current = NULL;
      g_autoptr(XaStatement) write = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *detail = NULL;
      XaStep step;

      if (!(current = xa_store_prepare (store, "SELECT uuid, value FROM education_policy WHERE name = ?", error)))
        return FALSE;
      xa_statement_bind_text (current, 1, policy_names[i]);
      if ((step = xa_statement_step (current, error)) == XA_STEP_ERROR)
        return FALSE;
      if (step == XA_STEP_ROW && (guint) xa_statement_get_int (current, 1) == values[i])
        continue;

      uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (current, 0)) : xa_store_new_uuid ();
      if (!(write = xa_store_prepare (store,
                                      step == XA_STEP_ROW
                                      ? "UPDATE education_policy SET value = :value, updated_at = :now, updated_by = :who"
                                        " WHERE uuid = :uuid AND :name = name"
                                      : "INSERT INTO education_policy (uuid, name, value, updated_at, updated_by)"
                                        " VALUES (:uuid, :name, :value, :now, :who)",
                                      error)))
        return FALSE;
      xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
      xa_statement_bind_text (write, xa_statement_param (write, ":name"), policy_names[i]);
      xa_statement_bind_int (write, xa_statement_param (write, ":value"), (int) values[i]);
      xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
      xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
      if (!xa_statement_run (write, error))
        return FALSE;
      detail = g_strdup_printf ("{\"name\":\"%s\",\"value\":%u}", policy_names[i], values[i]);
      if (!xa_store_append_audit (store, "education.policy", "education_policy", uuid, detail, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_policy_cb (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  return _xa_education_write_policy (store, user_data, error);
}

/**
 * xa_education_policy_validate:
 *
 * Returns: %TRUE when every setting is within its bounds (at most 1000, at least one
 *   required session); else %FALSE with a message naming the setting
 */
gboolean
xa_education_policy_validate (const XaEducationPolicy  *policy,
                              GError                  **error)
{
  const guint *values = (const guint *) policy;

  for (guint i = 0; i < G_N_ELEMENTS (policy_names); i++)
    if (values[i] > 1000)
      {
        g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                     _("%s: %u is more than 1000"), _(policy_labels[i]), values[i]);
        return FALSE;
      }
  if (policy->required_sessions == 0)
    {
      /* Translators: %s names the setting */
      g_set_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                   _("%s: at least one session makes a person educated"),
                   _(policy_labels[G_STRUCT_OFFSET (XaEducationPolicy, required_sessions) / sizeof (guint)]));
      return FALSE;
    }
  return TRUE;
}

/**
 * xa_education_book_save_policy:
 *
 * Stores the district's settings, each change audited; a value over 1000 or no
 * required session is refused and nothing changes.
 */
gboolean
xa_education_book_save_policy (XaEducationBook          *self,
                               const XaEducationPolicy  *policy,
                               GError                  **error)
{
  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), FALSE);

  if (!xa_education_policy_validate (policy, error))
    return FALSE;
  return xa_store_write (xa_education_book_get_store (self), save_policy_cb, (gpointer) policy, error);
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  const char *plan;
  const char *materials;
} Plan;

static gboolean
set_plan_cb (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  Plan *plan = user_data;
  g_autoptr(XaStatement) current = NULL;
  g_autoptr(XaStatement) write = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  gint64 organisation_id = 0;
  XaStep step;

  if (!_xa_education_find_school (store, plan->school_uuid, &organisation_id, error) ||
      !(current = xa_store_prepare (store, "SELECT uuid FROM education_year WHERE organisation_id = ? AND school_year = ?",
                                    error)))
    return FALSE;
  xa_statement_bind_int64 (current, 1, organisation_id);
  xa_statement_bind_int (current, 2, plan->school_year);
  if ((step = xa_statement_step (current, error)) == XA_STEP_ERROR)
    return FALSE;
  uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (current, 0)) : xa_store_new_uuid ();
  if (!(write = xa_store_prepare (store,
                                  step == XA_STEP_ROW
                                  ? "UPDATE education_year SET plan = :plan, materials = :materials, updated_at = :now,"
                                    " updated_by = :who WHERE uuid = :uuid AND :org = organisation_id AND :year = school_year"
                                  : "INSERT INTO education_year (uuid, organisation_id, school_year, plan, materials,"
                                    " updated_at, updated_by) VALUES (:uuid, :org, :year, :plan, :materials, :now, :who)",
                                  error)))
    return FALSE;
  xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
  xa_statement_bind_int64 (write, xa_statement_param (write, ":org"), organisation_id);
  xa_statement_bind_int (write, xa_statement_param (write, ":year"), plan->school_year);
  xa_statement_bind_text (write, xa_statement_param (write, ":plan"), plan->plan);
  xa_statement_bind_text (write, xa_statement_param (write, ":materials"), plan->materials);
  xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
  xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
  if (!xa_statement_run (write, error))
    return FALSE;
  return xa_store_append_audit (store, "education.plan", "education_year", uuid, "{}", error);
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  char       *plan;
  char       *materials;
} ReadPlan;

static gboolean
read_plan_cb (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  ReadPlan *read = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT y.plan, y.materials FROM education_year y JOIN organisation o ON o.id = y.organisation_id"
                                 " WHERE o.uuid = ? AND y.school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, read->school_uuid);
  xa_statement_bind_int (stmt, 2, read->school_year);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  read->plan = g_strdup (step == XA_STEP_ROW ? xa_statement_get_text (stmt, 0) : "");
  read->materials = g_strdup (step == XA_STEP_ROW ? xa_statement_get_text (stmt, 1) : "");
  return TRUE;
}

/**
 * xa_education_book_read_plan:
 * @plan: (out) (transfer full): the year's plan, empty when none is recorded
 * @materials: (out) (transfer full): the teaching materials, empty when none
 *
 * Reads two of the 四落实 of a school's year, as xa_education_book_set_plan() stores them.
 */
gboolean
xa_education_book_read_plan (XaEducationBook  *self,
                             const char       *school_uuid,
                             int               school_year,
                             char            **plan,
                             char            **materials,
                             GError          **error)
{
  ReadPlan read = { school_uuid, school_year, NULL, NULL };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL && plan != NULL && materials != NULL, FALSE);

  if (!xa_store_read (xa_education_book_get_store (self), read_plan_cb, &read, error))
    {
      g_free (read.plan);
      g_free (read.materials);
      return FALSE;
    }
  *plan = read.plan;
  *materials = read.materials;
  return TRUE;
}

/**
 * xa_education_book_set_plan:
 * @plan: the year's plan of safety education (计划), as text or an archive item's name
 * @materials: the teaching materials (教材) in use
 *
 * Records two of the 四落实 of a school's year; the hours and the teachers follow from
 * its records.
 */
gboolean
xa_education_book_set_plan (XaEducationBook  *self,
                            const char       *school_uuid,
                            int               school_year,
                            const char       *plan,
                            const char       *materials,
                            GError          **error)
{
  Plan data = { school_uuid, school_year, plan != NULL ? plan : "", materials != NULL ? materials : "" };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), FALSE);

  if (g_utf8_strlen (data.plan, -1) > 2000 || g_utf8_strlen (data.materials, -1) > 2000)
    {
      g_set_error_literal (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID,
                           _("计划 and 教材: at most 2000 characters each"));
      return FALSE;
    }
  return xa_store_write (xa_education_book_get_store (self), set_plan_cb, &data, error);
}

static void
shortfall_free (gpointer data)
{
  XaEducationShortfall *shortfall = data;

  g_free (shortfall->label);
  g_strfreev (shortfall->missing);
  g_free (shortfall);
}

void
xa_education_coverage_free (XaEducationCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_clear_pointer (&coverage->shortfall, g_ptr_array_unref);
  g_strfreev (coverage->unrostered);
  g_free (coverage);
}

/* Per person: educated ÷ population, 1 when nobody is counted. */
double
xa_education_coverage_get_rate (const XaEducationCoverage *coverage)
{
  return coverage->population > 0 ? (double) coverage->educated / coverage->population : 1.0;
}

double
xa_education_coverage_get_weighted (const XaEducationCoverage *coverage)
{
  return coverage->expected > 0 ? (double) coverage->present / (double) coverage->expected : 1.0;
}

/* Compared in whole numbers: 995 of 1000 meets the target, 994.9 does not. */
gboolean
xa_education_coverage_meets_target (const XaEducationCoverage *coverage)
{
  return (guint64) coverage->educated * 1000 >= (guint64) coverage->population * XA_EDUCATION_TARGET_PERMILLE;
}

gboolean
xa_education_coverage_weighted_meets_target (const XaEducationCoverage *coverage)
{
  return coverage->present * 1000 >= coverage->expected * XA_EDUCATION_TARGET_PERMILLE;
}

/* The sessions a class or the staff count, as SQL over education_record r. */
#define RELEVANT \
  "r.organisation_id = :org AND r.school_year = :year AND r.makes_up_id IS NULL" \
  " AND (r.audience = 'school' OR (r.audience = :aud AND r.grade = :grade AND r.class_name = :cname))"

typedef struct
{
  const char          *school_uuid;
  int                  school_year;
  XaEducationPolicy    policy;
  XaEducationCoverage *coverage;
} Compute;

static void
bind_scope (XaStatement *stmt,
            gint64       organisation_id,
            int          year,
            const char  *kind,
            const char  *grade,
            const char  *class_name)
{
  xa_statement_bind_int64 (stmt, xa_statement_param (stmt, ":org"), organisation_id);
  xa_statement_bind_int (stmt, xa_statement_param (stmt, ":year"), year);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":aud"), kind);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":grade"), grade);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":cname"), class_name);
}

static gboolean
count_named (XaStore               *store,
             Compute               *compute,
             gint64                 organisation_id,
             gint64                 class_id,
             const char            *kind,
             const char            *grade,
             const char            *class_name,
             XaEducationShortfall  *shortfall,
             GError               **error)
{
  g_autoptr(XaStatement) people = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  XaStep step;

  if (!(people = xa_store_prepare (store,
                                   "SELECT p.name, (SELECT count(*) FROM education_record r WHERE " RELEVANT
                                   "   AND (NOT EXISTS (SELECT 1 FROM education_absence a WHERE a.record_id = r.id AND a.person_id = p.id)"
                                   "        OR EXISTS (SELECT 1 FROM education_record m WHERE m.makes_up_id = r.id"
                                   "                   AND NOT EXISTS (SELECT 1 FROM education_absence b"
                                   "                                   WHERE b.record_id = m.id AND b.person_id = p.id))))"
                                   " FROM roster_person p WHERE p.class_id = :class AND p.excluded = '' ORDER BY p.id",
                                   error)))
    return FALSE;
  bind_scope (people, organisation_id, compute->school_year, kind, grade, class_name);
  xa_statement_bind_int64 (people, xa_statement_param (people, ":class"), class_id);
  while ((step = xa_statement_step (people, error)) == XA_STEP_ROW)
    {
      shortfall->population++;
      if ((guint) xa_statement_get_int (people, 1) >= compute->policy.required_sessions)
        shortfall->educated++;
      else
        g_strv_builder_add (missing, xa_statement_get_text (people, 0));
    }
  shortfall->missing = g_strv_builder_end (missing);
  return step == XA_STEP_DONE;
}

static gboolean
count_estimated (XaStore               *store,
                 Compute               *compute,
                 gint64                 organisation_id,
                 const char            *kind,
                 const char            *grade,
                 const char            *class_name,
                 guint                  headcount,
                 XaEducationShortfall  *shortfall,
                 GError               **error)
{
  g_autoptr(XaStatement) sessions = NULL;
  guint rank = 0;
  XaStep step;

  /* Only the class's own sessions: a whole-school session's numbers are not by class. */
  if (!(sessions = xa_store_prepare (store,
                                     "SELECT r.present + coalesce ((SELECT sum (m.present) FROM education_record m"
                                     "                              WHERE m.makes_up_id = r.id), 0) AS attended"
                                     " FROM education_record r WHERE " RELEVANT " AND r.audience <> 'school'"
                                     " ORDER BY attended DESC",
                                     error)))
    return FALSE;
  bind_scope (sessions, organisation_id, compute->school_year, kind, grade, class_name);
  shortfall->population = headcount;
  shortfall->estimated = TRUE;
  shortfall->missing = g_new0 (char *, 1);
  while ((step = xa_statement_step (sessions, error)) == XA_STEP_ROW)
    if (++rank == compute->policy.required_sessions)
      shortfall->educated = MIN (headcount, (guint) xa_statement_get_int64 (sessions, 0));
  return step == XA_STEP_DONE;
}

static guint
min_hours_for_stages (const XaEducationPolicy *policy,
                      const char              *stages)
{
  static const char * const keys[] = { "preschool", "primary", "junior", "senior", "vocational", "special" };
  g_auto(GStrv) list = g_strsplit (stages != NULL ? stages : "", ",", -1);
  const guint *values = (const guint *) policy;
  guint minimum = 0;

  for (guint i = 0; list[i] != NULL; i++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      if (strcmp (g_strstrip (list[i]), keys[k]) == 0)
        minimum = MAX (minimum, values[k]);
  return minimum;
}

static gboolean
compute_cb (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Compute *compute = user_data;
  XaEducationCoverage *coverage = compute->coverage;
  g_autoptr(XaStatement) classes = NULL;
  g_autoptr(XaStatement) totals = NULL;
  g_autoptr(XaStatement) unrostered = NULL;
  g_autoptr(XaStatement) year = NULL;
  g_autoptr(XaStatement) school = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 organisation_id = 0;
  gboolean any_class = FALSE;
  XaStep step;

  if (!read_policy_cb (store, &compute->policy, error) ||
      !_xa_education_find_school (store, compute->school_uuid, &organisation_id, error))
    return FALSE;

  if (!(classes = xa_store_prepare (store,
                                    "SELECT c.id, c.kind, c.grade, c.class_name, c.headcount, c.named"
                                    " FROM roster_class c WHERE c.organisation_id = ? AND c.school_year = ?"
                                    " ORDER BY c.kind, c.id",
                                    error)))
    return FALSE;
  xa_statement_bind_int64 (classes, 1, organisation_id);
  xa_statement_bind_int (classes, 2, compute->school_year);
  coverage->hours = G_MAXUINT;
  while ((step = xa_statement_step (classes, error)) == XA_STEP_ROW)
    {
      XaEducationShortfall *shortfall = g_new0 (XaEducationShortfall, 1);
      const char *kind = xa_statement_get_text (classes, 1);
      const char *grade = xa_statement_get_text (classes, 2);
      const char *class_name = xa_statement_get_text (classes, 3);
      g_autoptr(XaStatement) hours = NULL;
      gboolean ok;

      shortfall->label = strcmp (kind, "staff") == 0 ? g_strdup (_("Staff")) : g_strconcat (grade, class_name, NULL);
      if (xa_statement_get_int (classes, 5))
        ok = count_named (store, compute, organisation_id, xa_statement_get_int64 (classes, 0), kind, grade, class_name,
                          shortfall, error);
      else
        ok = count_estimated (store, compute, organisation_id, kind, grade, class_name,
                              (guint) xa_statement_get_int (classes, 4), shortfall, error);
      if (!ok)
        {
          shortfall_free (shortfall);
          return FALSE;
        }

      if (strcmp (kind, "class") == 0)
        {
          if (!(hours = xa_store_prepare (store, "SELECT coalesce (sum (r.hours), 0) FROM education_record r WHERE " RELEVANT,
                                          error)))
            {
              shortfall_free (shortfall);
              return FALSE;
            }
          bind_scope (hours, organisation_id, compute->school_year, kind, grade, class_name);
          if (!xa_statement_step_one (hours, error))
            {
              shortfall_free (shortfall);
              return FALSE;
            }
          coverage->hours = MIN (coverage->hours, (guint) xa_statement_get_int64 (hours, 0));
          any_class = TRUE;
        }

      coverage->population += shortfall->population;
      coverage->educated += shortfall->educated;
      if (shortfall->educated < shortfall->population)
        g_ptr_array_add (coverage->shortfall, shortfall);
      else
        shortfall_free (shortfall);
    }
  if (step == XA_STEP_ERROR)
    return FALSE;

  if (!(totals = xa_store_prepare (store,
                                   "SELECT coalesce (sum (CASE WHEN makes_up_id IS NULL THEN expected ELSE 0 END), 0),"
                                   " coalesce (sum (present), 0),"
                                   " coalesce (sum (CASE WHEN teacher_kind = 'legal-vice-principal' AND makes_up_id IS NULL"
                                   "                THEN hours ELSE 0 END), 0),"
                                   " coalesce (sum (CASE WHEN makes_up_id IS NULL AND audience = 'school' THEN hours ELSE 0 END), 0),"
                                   " count(*)"
                                   " FROM education_record WHERE organisation_id = ? AND school_year = ? AND audience <> 'parents'",
                                   error)))
    return FALSE;
  xa_statement_bind_int64 (totals, 1, organisation_id);
  xa_statement_bind_int (totals, 2, compute->school_year);
  if (!xa_statement_step_one (totals, error))
    return FALSE;
  coverage->expected = (guint64) xa_statement_get_int64 (totals, 0);
  coverage->present = MIN (coverage->expected, (guint64) xa_statement_get_int64 (totals, 1));
  coverage->legal_lessons = (guint) xa_statement_get_int64 (totals, 2);
  coverage->has_teachers = xa_statement_get_int64 (totals, 4) > 0;
  if (!any_class)
    coverage->hours = (guint) xa_statement_get_int64 (totals, 3);
  coverage->legal_minimum = compute->policy.legal_lessons;

  if (!(unrostered = xa_store_prepare (store,
                                       "SELECT DISTINCT r.grade, r.class_name FROM education_record r"
                                       " WHERE r.organisation_id = ? AND r.school_year = ? AND r.audience = 'class'"
                                       " AND NOT EXISTS (SELECT 1 FROM roster_class c WHERE c.organisation_id = r.organisation_id"
                                       "   AND c.school_year = r.school_year AND c.kind = 'class' AND c.grade = r.grade"
                                       "   AND c.class_name = r.class_name) ORDER BY r.grade, r.class_name",
                                       error)))
    return FALSE;
  xa_statement_bind_int64 (unrostered, 1, organisation_id);
  xa_statement_bind_int (unrostered, 2, compute->school_year);
  while ((step = xa_statement_step (unrostered, error)) == XA_STEP_ROW)
    {
      g_autofree char *label = g_strconcat (xa_statement_get_text (unrostered, 0),
                                            xa_statement_get_text (unrostered, 1), NULL);
      g_strv_builder_add (builder, label);
    }
  if (step == XA_STEP_ERROR)
    return FALSE;
  coverage->unrostered = g_strv_builder_end (builder);

  if (!(year = xa_store_prepare (store, "SELECT plan, materials FROM education_year WHERE organisation_id = ? AND school_year = ?",
                                 error)) ||
      !(school = xa_store_prepare (store, "SELECT stages FROM organisation WHERE id = ?", error)))
    return FALSE;
  xa_statement_bind_int64 (year, 1, organisation_id);
  xa_statement_bind_int (year, 2, compute->school_year);
  if ((step = xa_statement_step (year, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_ROW)
    {
      coverage->has_plan = *xa_statement_get_text (year, 0) != '\0';
      coverage->has_materials = *xa_statement_get_text (year, 1) != '\0';
    }
  xa_statement_bind_int64 (school, 1, organisation_id);
  if (!xa_statement_step_one (school, error))
    return FALSE;
  coverage->min_hours = min_hours_for_stages (&compute->policy, xa_statement_get_text (school, 0));
  return TRUE;
}

/**
 * xa_education_book_compute_coverage:
 *
 * Returns: (transfer full): coverage and 四落实 of the school's year
 */
XaEducationCoverage *
xa_education_book_compute_coverage (XaEducationBook  *self,
                                    const char       *school_uuid,
                                    int               school_year,
                                    GError          **error)
{
  g_autoptr(XaEducationCoverage) coverage = g_new0 (XaEducationCoverage, 1);
  Compute compute = { school_uuid, school_year, { 0 }, coverage };

  g_return_val_if_fail (XA_IS_EDUCATION_BOOK (self), NULL);

  coverage->shortfall = g_ptr_array_new_with_free_func (shortfall_free);
  xa_education_policy_init (&compute.policy);
  if (!xa_store_read (xa_education_book_get_store (self), compute_cb, &compute, error))
    return NULL;
  return g_steal_pointer (&coverage);
}
