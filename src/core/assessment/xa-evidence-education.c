/* xa-evidence-education.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence of the education records and drills (D1–D4 of domain.md §2.3): coverage
 * and 四落实 as XaEducationBook computes them for a school's year (computed once per
 * school and shared by the three keys), and the drill-frequency check of XaDrillBook.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-evidence-private.h"

/* Adds the education records that @keep selects of each school asked for (of @only,
 * school UUIDs, when given). */
static gboolean
add_records (XaEvidenceReads  *reads,
             GHashTable       *only,
             gboolean        (*keep) (XaEducationRecord *record),
             GError          **error)
{
  XaEducationBook *book = xa_workspace_get_education (reads->workspace);

  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, school_uuid);
      g_autoptr(GPtrArray) records = NULL;

      if (only != NULL && !g_hash_table_contains (only, school_uuid))
        continue;
      if (!(records = xa_education_book_list (book, school_uuid, reads->school_year, error)))
        return FALSE;
      for (guint j = 0; j < records->len; j++)
        {
          XaEducationRecord *record = g_ptr_array_index (records, j);
          g_autofree char *label = NULL;
          g_autofree char *topic = NULL;
          g_autofree char *audience = NULL;
          const char *title;

          if (!keep (record))
            continue;
          title = xa_education_record_get_title (record);
          if (title == NULL || *title == '\0')
            title = topic = xa_education_dup_topic_label (xa_education_record_get_topic (record));
          audience = xa_education_record_dup_audience_label (record);
          /* TRANSLATORS: an evidence line: a session's title (or topic), its audience
           * (七年级(3)班, 教职工), then how many were expected (应到) and present (实到) */
          label = g_strdup_printf (_("%s, %s: %u expected, %u present"), title, audience,
                                   xa_education_record_get_expected (record), xa_education_record_get_present (record));
          xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_EDUCATION_RECORD, xa_education_record_get_uuid (record),
                                        xa_education_record_get_held_on (record), label);
        }
    }
  return TRUE;
}

static gboolean
has_absentees (XaEducationRecord *record)
{
  return xa_education_record_get_audience (record) != XA_EDUCATION_AUDIENCE_PARENTS &&
         xa_education_record_get_present (record) < xa_education_record_get_expected (record) &&
         xa_education_record_get_makes_up_uuid (record) == NULL;
}

static gboolean
by_legal_vice_principal (XaEducationRecord *record)
{
  return xa_education_record_get_teacher_kind (record) == XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL &&
         xa_education_record_get_makes_up_uuid (record) == NULL;
}

/* D1: the share of the people who had their safety education (the sessions with
 * absentees are the records that count). */
gboolean
_xa_evidence_find_coverage (XaEvidenceReads  *reads,
                            GError          **error)
{
  /* The schools short of full coverage: only their absences are worth showing. */
  g_autoptr(GHashTable) short_of = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, school_uuid);
      XaEducationCoverage *coverage = NULL;
      g_autofree char *description = NULL;
      double percent;

      if (!(coverage = _xa_evidence_reads_coverage (reads, school_uuid, error)))
        return FALSE;
      if (coverage->population > 0)
        {
          percent = 100.0 * xa_education_coverage_get_rate (coverage);
          /* TRANSLATORS: an evidence finding: coverage in percent, then people educated
           * of the people to educate; %% is a percent sign */
          description = g_strdup_printf (_("Coverage %.2f%%: %u of %u people educated"), percent,
                                         coverage->educated, coverage->population);
        }
      else if (coverage->expected > 0)
        {
          /* Without rosters the people are not known: attendance is what the records show. */
          percent = 100.0 * xa_education_coverage_get_weighted (coverage);
          /* TRANSLATORS: an evidence finding: attendance in percent, then present of
           * expected; %% is a percent sign */
          description = g_strdup_printf (_("No roster for the year: attendance %.2f%% (%u present of %u expected)"),
                                         percent, (guint) coverage->present, (guint) coverage->expected);
        }
      else
        {
          percent = 0;
          description = g_strdup (_("No roster and no safety education recorded for the year: coverage counts as zero"));
        }
      xa_evidence_finding_set_value (finding, percent, "%");
      xa_evidence_finding_set_description (finding, description);
      if (coverage->population > 0 ? coverage->educated < coverage->population : coverage->present < coverage->expected)
        g_hash_table_add (short_of, (gpointer) school_uuid);
    }
  return add_records (reads, short_of, has_absentees, error);
}

/* D2: 四落实: plan, materials, hours, teachers. */
gboolean
_xa_evidence_find_four_implementations (XaEvidenceReads  *reads,
                                        GError          **error)
{
  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, school_uuid);
      XaEducationCoverage *coverage = NULL;
      g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *list = NULL;
      g_autofree char *description = NULL;

      if (!(coverage = _xa_evidence_reads_coverage (reads, school_uuid, error)))
        return FALSE;
      if (!coverage->has_plan)
        g_ptr_array_add (missing, g_strdup (_("plan")));
      if (!coverage->has_materials)
        g_ptr_array_add (missing, g_strdup (_("materials")));
      if (coverage->hours < coverage->min_hours)
        /* TRANSLATORS: a missing element of 四落实: the hours given and the minimum */
        g_ptr_array_add (missing, g_strdup_printf (_("hours (%u of %u)"), coverage->hours, coverage->min_hours));
      if (!coverage->has_teachers)
        g_ptr_array_add (missing, g_strdup (_("teachers")));
      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (_(", "), (char **) missing->pdata);

      if (missing->len == 1)
        description = g_strdup (_("Plan, materials, hours and teachers are all in place"));
      else
        /* TRANSLATORS: an evidence finding: how many of 计划、教材、课时、师资 are missing, and which */
        description = g_strdup_printf (_("%u of the four implementations missing: %s"), missing->len - 1, list);
      xa_evidence_finding_set_value (finding, missing->len - 1, _("items"));
      xa_evidence_finding_set_description (finding, description);
    }
  return TRUE;
}

/* D3: the 法治副校长's lessons short of the yearly minimum; with none appointed on the
 * day of the finding, all of them. */
gboolean
_xa_evidence_find_legal_lessons (XaEvidenceReads  *reads,
                                 GError          **error)
{
  g_autoptr(GHashTable) holders = NULL;

  if (!(holders = xa_school_registry_dup_role_holders (xa_workspace_get_registry (reads->workspace),
                                                       XA_ROLE_KIND_LEGAL_VICE_PRINCIPAL, reads->today, error)) ||
      !add_records (reads, NULL, by_legal_vice_principal, error))
    return FALSE;

  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, school_uuid);
      XaEducationCoverage *coverage = NULL;
      g_autofree char *description = NULL;
      guint short_of;

      if (!(coverage = _xa_evidence_reads_coverage (reads, school_uuid, error)))
        return FALSE;
      if (!g_hash_table_contains (holders, school_uuid))
        {
          short_of = coverage->legal_minimum;
          /* TRANSLATORS: an evidence finding: the legal lessons a year that count as not given */
          description = g_strdup_printf (_("No legal vice-principal appointed: all %u legal lessons of the year count as missing"),
                                         coverage->legal_minimum);
        }
      else
        {
          short_of = coverage->legal_lessons < coverage->legal_minimum ? coverage->legal_minimum - coverage->legal_lessons : 0;
          /* TRANSLATORS: an evidence finding: lessons given, the yearly minimum, lessons short */
          description = g_strdup_printf (_("The legal vice-principal gave %u of at least %u legal lessons: %u short"),
                                         coverage->legal_lessons, coverage->legal_minimum, short_of);
        }
      xa_evidence_finding_set_value (finding, short_of, _("lessons"));
      xa_evidence_finding_set_description (finding, description);
    }
  return TRUE;
}

/* D4: the months (a kindergarten's quarters) of the year without a drill, by the
 * district's rule for the school's kind. */
gboolean
_xa_evidence_find_drills_missed (XaEvidenceReads  *reads,
                                 GError          **error)
{
  XaDrillBook *book = xa_workspace_get_drills (reads->workspace);

  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, school_uuid);
      g_autoptr(GPtrArray) periods = NULL;

      if (!(periods = xa_drill_book_check_school (book, school_uuid, reads->school_year, reads->today, NULL, error)))
        return FALSE;
      for (guint j = 0; j < periods->len; j++)
        {
          XaDrillPeriod *period = g_ptr_array_index (periods, j);
          g_autofree char *label = NULL;

          if (!xa_drill_period_is_missed (period))
            continue;
          /* TRANSLATORS: an evidence line: a month (2021年10月) or a quarter */
          label = g_strdup_printf (_("%s: no evacuation drill"), period->label);
          xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_DRILL, NULL, period->first_day, label);
        }
    }
  /* TRANSLATORS: an evidence finding; %u is a count of months or quarters, %s a day */
  _xa_evidence_reads_count (reads, _("periods"), _("%u periods without an evacuation drill (as on %s)"));
  return TRUE;
}
