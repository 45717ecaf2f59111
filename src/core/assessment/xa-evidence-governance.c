/* xa-evidence-governance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence of the register and the 综治 records (A1, B1, F1 of domain.md §2.3): the
 * responsible persons named in the register, the disputes that led to 越级上访, and the
 * emergency plans and safety rules in force. Key persons (B2) are not among them: only
 * the staff named for a school may read its key persons, so the commission's count
 * would silently be 0.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-evidence-private.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-plan.h"

/* A1: 第一责任人 and 直接责任人 held by nobody on the day of the finding. */
gboolean
_xa_evidence_find_responsible_unnamed (XaEvidenceReads  *reads,
                                       GError          **error)
{
  static const XaRoleKind kinds[] = { XA_ROLE_KIND_FIRST_RESPONSIBLE, XA_ROLE_KIND_DIRECT_RESPONSIBLE };
  XaSchoolRegistry *registry = xa_workspace_get_registry (reads->workspace);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GHashTable) holders = NULL;

      if (!(holders = xa_school_registry_dup_role_holders (registry, kinds[k], reads->today, error)))
        return FALSE;
      for (guint i = 0; i < reads->schools->len; i++)
        {
          const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));
          g_autofree char *label = NULL;

          if (g_hash_table_contains (holders, school_uuid))
            continue;
          /* TRANSLATORS: an evidence line: a role (第一责任人) and a day */
          label = g_strdup_printf (_("No %s named on %s"), xa_role_kind_to_label (kinds[k]), reads->today);
          xa_evidence_finding_add_item (_xa_evidence_reads_finding (reads, school_uuid),
                                        XA_EVIDENCE_KIND_ROLE, NULL, reads->today, label);
        }
    }
  /* TRANSLATORS: an evidence finding; %u is a count, %s a day */
  _xa_evidence_reads_count (reads, _("items"), _("%u of the first and direct responsible persons not named (as on %s)"));
  return TRUE;
}

/* B1: the disputes of the year that led to a petition over the school's head. */
gboolean
_xa_evidence_find_petitions (XaEvidenceReads  *reads,
                             GError          **error)
{
  g_autoptr(GPtrArray) escalations = NULL;

  if (!(escalations = xa_dispute_list_escalations (xa_workspace_get_store (reads->workspace),
                                                   reads->school_year, error)))
    return FALSE;
  for (guint i = 0; i < escalations->len; i++)
    {
      XaDisputeEscalation *escalation = g_ptr_array_index (escalations, i);
      XaEvidenceFinding *finding = _xa_evidence_reads_finding (reads, escalation->school_uuid);

      if (finding != NULL)
        xa_evidence_finding_add_item (finding, XA_EVIDENCE_KIND_DISPUTE, escalation->dispute_uuid,
                                      escalation->date, escalation->reason);
    }
  /* TRANSLATORS: an evidence finding about 越级上访; %u is a count */
  _xa_evidence_reads_count (reads, _("items"), _("%u disputes led to a petition over the school's head"));
  return TRUE;
}

/* F1: an emergency plan (应急预案) and the safety rules (安全制度), each adopted by the day
 * of the finding. */
gboolean
_xa_evidence_find_safety_plans (XaEvidenceReads  *reads,
                                GError          **error)
{
  static const struct { const char *kind; const char *missing; } kinds[] = {
    { "plan", N_("No emergency plan adopted by %s") },
    { "rule", N_("No safety rules adopted by %s") },
  };
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(plans = xa_plan_list_adopted (xa_workspace_get_store (reads->workspace), reads->today, error)))
    return FALSE;
  for (guint i = 0; i < plans->len; i++)
    {
      XaPlan *plan = g_ptr_array_index (plans, i);

      g_hash_table_add (present, g_strconcat (plan->school_uuid, "/", plan->kind, NULL));
    }

  for (guint i = 0; i < reads->schools->len; i++)
    {
      const char *school_uuid = xa_organisation_get_uuid (g_ptr_array_index (reads->schools, i));

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *key = g_strconcat (school_uuid, "/", kinds[k].kind, NULL);
          g_autofree char *label = NULL;

          if (g_hash_table_contains (present, key))
            continue;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          label = g_strdup_printf (_(kinds[k].missing), reads->today);
#pragma GCC diagnostic pop
          xa_evidence_finding_add_item (_xa_evidence_reads_finding (reads, school_uuid),
                                        XA_EVIDENCE_KIND_PLAN, NULL, reads->today, label);
        }
    }
  /* TRANSLATORS: an evidence finding; %u is a count (of 2), %s a day */
  _xa_evidence_reads_count (reads, _("items"), _("%u of the emergency plan and the safety rules missing (as on %s)"));
  return TRUE;
}
