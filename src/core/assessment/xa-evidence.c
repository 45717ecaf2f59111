/* xa-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence of a school's year computed from its records (issue 14): the findings an
 * assessment indicator's rule turns into a suggested deduction, each with the records
 * that count for it (xa-evidence-finding.c, xa-evidence-item.c). The finders of each
 * group of sources live in the other xa-evidence-*.c; this file holds the list of
 * sources and the run over one school or all.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-evidence-private.h"
#include "core/util/xa-date.h"

G_DEFINE_QUARK (xa-evidence-error-quark, xa_evidence_error)

/* The sources in the order of the default scheme's indicators (domain.md §2.3). Absent
 * on purpose: inspections.missing_categories (C4: an inspection's items carry hazard
 * categories, not the key areas of C4, so a missing area cannot be told from the
 * records), key_persons.no_counselling (B2: the commission's assessors cannot read key
 * persons unless named for the school, so a count would silently read 0), and
 * hazards.unclosed in the sense of a ledger entry lacking columns (the workflow fills
 * 复查 and 销号 when it closes a hazard; what can lack them is a hazard reported fixed and
 * never re-inspected, which is what the key counts). */
static const struct
{
  const char       *key;
  const char       *label;
  XaEvidenceFinder  find;
} sources[] = {
  { "registry.responsible_unnamed", N_("Responsible persons not named"), _xa_evidence_find_responsible_unnamed },
  { "disputes.petitions", N_("Disputes that led to petitions"), _xa_evidence_find_petitions },
  { "incidents.late_reports", N_("Incidents reported late"), _xa_evidence_find_late_reports },
  { "inspections.missed_monthly", N_("Monthly inspections missed"), _xa_evidence_find_inspections_missed },
  { "hazards.unclosed", N_("Hazards fixed but not re-inspected"), _xa_evidence_find_hazards_unclosed },
  { "hazards.overdue", N_("Overdue hazards"), _xa_evidence_find_hazards_overdue },
  { "hazards.major_unreported", N_("Major hazards not reported"), _xa_evidence_find_hazards_major_unreported },
  { "education.coverage", N_("Safety education coverage"), _xa_evidence_find_coverage },
  { "education.four_implementations", N_("Four implementations missing"), _xa_evidence_find_four_implementations },
  { "education.legal_lessons", N_("Legal education lessons short"), _xa_evidence_find_legal_lessons },
  { "drills.missed", N_("Drill periods missed"), _xa_evidence_find_drills_missed },
  { "campaigns.not_done", N_("Campaigns not done"), _xa_evidence_find_campaigns_not_done },
  { "safety_plan.missing", N_("Emergency plans and safety rules missing"), _xa_evidence_find_safety_plans },
  { "incidents.nine_no", N_("Nine-no violations"), _xa_evidence_find_nine_no },
  { "incidents.non_veto_events", N_("Eight-events incidents without veto"), _xa_evidence_find_non_veto_events },
};

static const char *source_keys[G_N_ELEMENTS (sources) + 1];

/* Sources */

/**
 * xa_evidence_known_sources:
 *
 * Returns: (transfer none) (array zero-terminated=1): the keys this build computes
 */
const char * const *
xa_evidence_known_sources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
        source_keys[i] = sources[i].key;
      g_once_init_leave (&once, 1);
    }
  return source_keys;
}

static int
source_index (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (sources); i++)
    if (g_str_equal (sources[i].key, key))
      return (int) i;
  return -1;
}

gboolean
xa_evidence_is_known (const char *key)
{
  return source_index (key) >= 0;
}

const char *
xa_evidence_source_to_label (const char *key)
{
  int i = source_index (key);

  return i >= 0 ? _(sources[i].label) : NULL;
}

/* Reads */

XaEvidenceFinding *
_xa_evidence_reads_finding (XaEvidenceReads *reads,
                            const char      *school_uuid)
{
  return school_uuid != NULL ? g_hash_table_lookup (reads->findings, school_uuid) : NULL;
}

void
_xa_evidence_reads_count (XaEvidenceReads *reads,
                          const char      *unit,
                          const char      *format)
{
  for (guint i = 0; i < reads->schools->len; i++)
    {
      XaOrganisation *school = g_ptr_array_index (reads->schools, i);
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, xa_organisation_get_uuid (school));
      guint n = xa_evidence_finding_get_n_items (finding);
      g_autofree char *description = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      description = g_strdup_printf (format, n, reads->today);
#pragma GCC diagnostic pop
      xa_evidence_finding_set_value (finding, n, unit);
      xa_evidence_finding_set_description (finding, description);
    }
}

GPtrArray *
_xa_evidence_reads_incidents (XaEvidenceReads  *reads,
                              GError          **error)
{
  if (reads->incidents == NULL)
    {
      reads->incidents = xa_incident_book_list (xa_workspace_get_incidents (reads->workspace),
                                                reads->school_uuid, reads->school_year, error);
    }
  return reads->incidents;
}

gpointer
_xa_evidence_reads_coverage (XaEvidenceReads  *reads,
                             const char       *school_uuid,
                             GError          **error)
{
  XaEducationCoverage *coverage = g_hash_table_lookup (reads->coverage, school_uuid);

  if (coverage == NULL)
    {
      coverage = xa_education_book_compute_coverage (xa_workspace_get_education (reads->workspace),
                                                     school_uuid, reads->school_year, error);
      if (coverage != NULL)
        g_hash_table_insert (reads->coverage, g_strdup (school_uuid), coverage);
    }
  return coverage;
}

static void
reads_clear (XaEvidenceReads *reads)
{
  g_free (reads->today);
  g_free (reads->year_first);
  g_free (reads->year_last);
  g_clear_pointer (&reads->schools, g_ptr_array_unref);
  g_clear_pointer (&reads->findings, g_hash_table_unref);
  g_clear_pointer (&reads->incidents, g_ptr_array_unref);
  g_clear_pointer (&reads->coverage, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaEvidenceReads, reads_clear)

static gboolean
reads_init (XaEvidenceReads  *reads,
            XaWorkspace      *workspace,
            const char       *school_uuid,
            int               school_year,
            const char       *today,
            GError          **error)
{
  XaSchoolRegistry *registry = xa_workspace_get_registry (workspace);
  g_autofree char *local_today = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  GDate date;

  reads->workspace = workspace;
  reads->school_year = school_year;
  reads->coverage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) xa_education_coverage_free);
  reads->schools = g_ptr_array_new_with_free_func (g_object_unref);
  if (school_year < 1900 || school_year > 9998)
    {
      g_set_error (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_INVALID,
                   _("School year: %d is not a school year"), school_year);
      return FALSE;
    }
  if (!xa_date_parse (local_today, &date))
    {
      g_set_error (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_INVALID,
                   _("Date: “%s” is not a date (YYYY-MM-DD)"), local_today);
      return FALSE;
    }
  reads->year_first = g_strdup_printf ("%04d-09-01", school_year);
  reads->year_last = g_strdup_printf ("%04d-08-31", school_year + 1);
  /* A year is judged as it stood on its last day, however late it is assessed. */
  reads->today = g_strdup (strcmp (local_today, reads->year_last) > 0 ? reads->year_last : local_today);

  if (school_uuid != NULL)
    {
      XaOrganisation *school = xa_school_registry_dup_school (registry, school_uuid, NULL);

      if (school == NULL)
        {
          g_set_error_literal (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_NO_SCHOOL, _("School: there is no such school"));
          return FALSE;
        }
      g_ptr_array_add (reads->schools, school);
      reads->school_uuid = xa_organisation_get_uuid (school);
    }
  else
    {
      GListModel *schools = xa_school_registry_get_schools (registry);

      for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
        g_ptr_array_add (reads->schools, g_list_model_get_item (schools, i));
    }
  return TRUE;
}

/* Runs one source's finder over the schools asked for and appends each school's
 * finding to @per_school (school UUID → GPtrArray). */
static gboolean
run_source (XaEvidenceReads  *reads,
            guint             index,
            GHashTable       *per_school,
            GError          **error)
{
  g_clear_pointer (&reads->findings, g_hash_table_unref);
  reads->findings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));

      g_hash_table_insert (reads->findings, (gpointer) uuid,
                           xa_evidence_finding_new (sources[index].key, uuid, reads->school_year));
    }
  if (!sources[index].find (reads, error))
    return FALSE;
  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
      GPtrArray *findings = g_hash_table_lookup (per_school, uuid);

      g_ptr_array_add (findings, g_object_ref (g_hash_table_lookup (reads->findings, uuid)));
    }
  return TRUE;
}

static GPtrArray *
find (XaWorkspace  *workspace,
      int           only,
      const char   *school_uuid,
      int           school_year,
      const char   *today,
      GError      **error)
{
  g_auto(XaEvidenceReads) reads = { NULL, };
  g_autoptr(GHashTable) per_school = NULL;
  GPtrArray *all;

  if (!reads_init (&reads, workspace, school_uuid, school_year, today, error))
    return NULL;
  per_school = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < reads.schools->len; i++)
    g_hash_table_insert (per_school, (gpointer) xa_organisation_get_uuid (g_ptr_array_index (reads.schools, i)),
                         g_ptr_array_new_with_free_func (g_object_unref));
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if ((only < 0 || (guint) only == i) && !run_source (&reads, i, per_school, error))
      return NULL;

  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < reads.schools->len; i++)
    {
      GPtrArray *findings = g_hash_table_lookup (per_school, xa_organisation_get_uuid (g_ptr_array_index (reads.schools, i)));

      for (guint j = 0; j < findings->len; j++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (findings, j)));
    }
  return all;
}

/**
 * xa_evidence_find:
 *
 * Returns: (transfer full): the finding, or %NULL with @error set
 */
XaEvidenceFinding *
xa_evidence_find (XaWorkspace  *workspace,
                  const char   *key,
                  const char   *school_uuid,
                  int           school_year,
                  const char   *today,
                  GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!(found = xa_evidence_find_each (workspace, key, school_uuid, school_year, today, error)))
    return NULL;
  return g_object_ref (g_ptr_array_index (found, 0));
}

GPtrArray *
xa_evidence_find_each (XaWorkspace  *workspace,
                       const char   *key,
                       const char   *school_uuid,
                       int           school_year,
                       const char   *today,
                       GError      **error)
{
  int index = source_index (key);

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  if (index < 0)
    {
      g_set_error (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_UNKNOWN_KEY,
                   _("Evidence: “%s” is not a source the app can compute"), key != NULL ? key : "");
      return NULL;
    }
  return find (workspace, index, school_uuid, school_year, today, error);
}

GPtrArray *
xa_evidence_find_all (XaWorkspace  *workspace,
                      const char   *school_uuid,
                      int           school_year,
                      const char   *today,
                      GError      **error)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return find (workspace, -1, school_uuid, school_year, today, error);
}
