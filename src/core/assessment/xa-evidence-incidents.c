/* xa-evidence-incidents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence of the incident register (B6, G1 and H of domain.md §2.3), from one read
 * of the year's incidents shared by the three keys. Which 八杜绝 event is a veto and
 * which only a deduction (H) is the veto test's judgement (xa_veto_judge_incident()),
 * never decided here again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-evidence-private.h"

static gboolean
add_incidents (XaEvidenceReads  *reads,
               gboolean        (*keep) (XaIncident *incident),
               GError          **error)
{
  GPtrArray *incidents = _xa_evidence_reads_incidents (reads, error);

  if (incidents == NULL)
    return FALSE;
  for (guint i = 0; i < incidents->len; i++)
    {
      XaIncident *incident = g_ptr_array_index (incidents, i);
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, xa_incident_get_school_uuid (incident));
      g_autofree char *label = NULL;

      if (finding == NULL || !keep (incident))
        continue;
      /* TRANSLATORS: an evidence line: an incident's kind, its summary, its severity and
       * how it was reported (按时报送/迟报) */
      label = g_strdup_printf (_("%s: %s (%s, %s)"), xa_incident_kind_to_label (xa_incident_get_kind (incident)),
                               xa_incident_get_summary (incident),
                               xa_incident_severity_to_label (xa_incident_get_severity (incident)),
                               xa_incident_reporting_to_label (xa_incident_get_reporting (incident)));
      xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_INCIDENT, xa_incident_get_uuid (incident),
                                    xa_incident_get_occurred_on (incident), label);
    }
  return TRUE;
}

static gboolean
is_late (XaIncident *incident)
{
  return xa_incident_get_reporting (incident) == XA_INCIDENT_REPORTING_LATE;
}

static gboolean
is_nine_no (XaIncident *incident)
{
  return xa_incident_get_kind (incident) == XA_INCIDENT_KIND_NINE_NO;
}

/* An event of 八杜绝 that the veto test clears: what H deducts. One pending a
 * responsibility finding is neither (it blocks finalising instead). */
static gboolean
is_non_veto_event (XaIncident *incident)
{
  XaVetoGround ground;
  g_autofree char *reason = NULL;

  return xa_incident_kind_is_eight_events (xa_incident_get_kind (incident)) &&
         xa_veto_judge_incident (incident, &ground, &reason) == XA_VETO_STATE_CLEAR;
}

gboolean
_xa_evidence_find_late_reports (XaEvidenceReads  *reads,
                                GError          **error)
{
  if (!add_incidents (reads, is_late, error))
    return FALSE;
  /* TRANSLATORS: an evidence finding; %u is a count */
  _xa_evidence_reads_count (reads, _("items"), _("%u incidents reported to the commission late"));
  return TRUE;
}

gboolean
_xa_evidence_find_nine_no (XaEvidenceReads  *reads,
                           GError          **error)
{
  if (!add_incidents (reads, is_nine_no, error))
    return FALSE;
  /* TRANSLATORS: an evidence finding about 九无; %u is a count */
  _xa_evidence_reads_count (reads, _("items"), _("%u violations of the nine noes recorded"));
  return TRUE;
}

gboolean
_xa_evidence_find_non_veto_events (XaEvidenceReads  *reads,
                                   GError          **error)
{
  if (!add_incidents (reads, is_non_veto_event, error))
    return FALSE;
  /* TRANSLATORS: an evidence finding about 八杜绝 events; %u is a count */
  _xa_evidence_reads_count (reads, _("items"), _("%u events of the eight eliminations that are not vetoes"));
  return TRUE;
}
