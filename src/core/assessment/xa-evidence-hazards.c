/* xa-evidence-hazards.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence of the hazard ledger, the inspection plan and the special campaigns
 * (C1, C2, C3, E1 of domain.md §2.3). Each key is one filtered read of the ledger over
 * all the schools asked for, which returns only the hazards that count, or one read of
 * the plans or the campaign grid.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-evidence-private.h"

/* Reads the hazards @filter selects over the schools asked for and adds each to its
 * school's finding, labelled with its number, place and description and dated by the
 * column @date_field; @keep (nullable) drops the hazards that do not count. */
static gboolean
add_hazards (XaEvidenceReads  *reads,
             XaHazardFilter   *filter,
             XaHazardField     date_field,
             gboolean        (*keep) (XaHazard *hazard),
             GError          **error)
{
  g_autoptr(GPtrArray) hazards = NULL;

  filter->school_uuid = reads->school_uuid;
  filter->school_year = reads->school_year;
  filter->today = reads->today;
  if (!(hazards = xa_hazard_book_read_columns (xa_workspace_get_hazards (reads->workspace), filter,
                                               XA_HAZARD_SORT_DEADLINE, error)))
    return FALSE;

  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID));
      g_autofree char *label = NULL;

      if (finding == NULL || (keep != NULL && !keep (hazard)))
        continue;
      /* TRANSLATORS: an evidence line: a hazard's number, its place, its description and
       * its deadline (整改时限) */
      label = g_strdup_printf (_("%s %s: %s (deadline %s)"), xa_hazard_get_number (hazard),
                               xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE),
                               xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION),
                               xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE));
      xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_HAZARD, xa_hazard_get_uuid (hazard),
                                    xa_hazard_get_text (hazard, date_field), label);
    }
  return TRUE;
}

gboolean
_xa_evidence_find_hazards_overdue (XaEvidenceReads  *reads,
                                   GError          **error)
{
  XaHazardFilter filter;

  xa_hazard_filter_init (&filter);
  filter.overdue_only = TRUE;
  if (!add_hazards (reads, &filter, XA_HAZARD_FIELD_DEADLINE, NULL, error))
    return FALSE;
  /* TRANSLATORS: an evidence finding; %u is the count, %s the day (YYYY-MM-DD)
   * the ledger was judged on */
  _xa_evidence_reads_count (reads, _("items"), _("%u hazards not fixed by their deadline (as on %s)"));
  return TRUE;
}

static gboolean
is_unreported (XaHazard *hazard)
{
  return !xa_hazard_get_reported (hazard);
}

gboolean
_xa_evidence_find_hazards_major_unreported (XaEvidenceReads  *reads,
                                            GError          **error)
{
  XaHazardFilter filter;

  xa_hazard_filter_init (&filter);
  filter.grade = XA_HAZARD_GRADE_MAJOR;
  if (!add_hazards (reads, &filter, XA_HAZARD_FIELD_FOUND_ON, is_unreported, error))
    return FALSE;
  /* TRANSLATORS: an evidence finding; %u is a count */
  _xa_evidence_reads_count (reads, _("items"), _("%u major hazards not reported in writing to the commission"));
  return TRUE;
}

gboolean
_xa_evidence_find_hazards_unclosed (XaEvidenceReads  *reads,
                                    GError          **error)
{
  XaHazardFilter filter;

  xa_hazard_filter_init (&filter);
  filter.state = XA_HAZARD_STATE_REINSPECTING;
  filter.overdue_only = TRUE;
  if (!add_hazards (reads, &filter, XA_HAZARD_FIELD_COMPLETED_ON, NULL, error))
    return FALSE;
  /* TRANSLATORS: an evidence finding; %u is the count, %s a day */
  _xa_evidence_reads_count (reads, _("items"), _("%u hazards reported fixed but neither re-inspected nor closed by their deadline (as on %s)"));
  return TRUE;
}

gboolean
_xa_evidence_find_inspections_missed (XaEvidenceReads  *reads,
                                      GError          **error)
{
  g_autoptr(GPtrArray) missed = NULL;

  if (!(missed = xa_inspection_book_list_missed (xa_workspace_get_inspections (reads->workspace),
                                                 reads->school_uuid, reads->school_year, reads->today, error)))
    return FALSE;

  for (guint i = 0; i < missed->len; i++)
    {
      XaPlanSlot *slot = g_ptr_array_index (missed, i);
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, xa_plan_slot_get_school_uuid (slot));
      g_autofree char *label = NULL;

      if (finding == NULL || xa_plan_slot_get_kind (slot) != XA_PLAN_SLOT_MONTHLY)
        continue;
      /* TRANSLATORS: an evidence line: the month (2021年10月) and its days */
      label = g_strdup_printf (_("%s: no monthly inspection from %s to %s"), xa_plan_slot_get_label (slot),
                               xa_plan_slot_get_from (slot), xa_plan_slot_get_to (slot));
      xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_INSPECTION, NULL, xa_plan_slot_get_from (slot), label);
    }
  /* TRANSLATORS: an evidence finding; %u is the count, %s a day */
  _xa_evidence_reads_count (reads, _("months"), _("%u months without a monthly inspection (as on %s)"));
  return TRUE;
}

static char *
dup_missing_parts (XaCampaignParts parts)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  if (!(parts & XA_CAMPAIGN_PART_PLAN))
    g_ptr_array_add (missing, (gpointer) C_("campaign part", "plan"));
  if (!(parts & XA_CAMPAIGN_PART_ACTIVITIES))
    g_ptr_array_add (missing, (gpointer) C_("campaign part", "records"));
  if (!(parts & XA_CAMPAIGN_PART_SUMMARY))
    g_ptr_array_add (missing, (gpointer) C_("campaign part", "summary"));
  g_ptr_array_add (missing, NULL);
  /* TRANSLATORS: the separator of a list of missing parts (方案、记录、总结) */
  return g_strjoinv (_(", "), (char **) missing->pdata);
}

gboolean
_xa_evidence_find_campaigns_not_done (XaEvidenceReads  *reads,
                                      GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaCampaignGrid) grid = NULL;

  grid = xa_inspection_book_dup_campaign_grid (xa_workspace_get_inspections (reads->workspace),
                                               reads->school_year, &local_error);
  if (grid == NULL &&
      !g_error_matches (local_error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint s = 0; grid != NULL && s < xa_campaign_grid_get_n_schools (grid); s++)
    {
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, xa_campaign_grid_get_school_uuid (grid, s));

      for (guint c = 0; finding != NULL && c < xa_campaign_grid_get_n_campaigns (grid); c++)
        {
          XaCampaign *campaign = xa_campaign_grid_get_campaign (grid, c);
          XaCampaignParts parts = xa_campaign_grid_get_parts (grid, s, c);
          g_autofree char *missing = NULL;
          g_autofree char *label = NULL;

          if (xa_campaign_grid_get_status (grid, s, c) == XA_CAMPAIGN_STATUS_COMPLETE)
            continue;
          missing = dup_missing_parts (parts);
          /* TRANSLATORS: an evidence line: a campaign's name and the parts it lacks */
          label = g_strdup_printf (_("%s: no %s"), xa_campaign_get_name (campaign), missing);
          xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_CAMPAIGN, xa_campaign_get_uuid (campaign), "", label);
        }
    }
  /* TRANSLATORS: an evidence finding; %u is a count */
  _xa_evidence_reads_count (reads, _("items"), _("%u special campaigns of the year without plan, records and summary"));
  return TRUE;
}
