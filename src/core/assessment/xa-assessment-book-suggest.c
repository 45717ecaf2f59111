/* xa-assessment-book-suggest.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission's "score the rest as suggested": every indicator it has not scored yet
 * whose rule suggests a deduction from the records takes that suggestion, in one
 * transaction; manual indicators (and those without a finding) stay unscored and are
 * named. Its undo takes those scores back, in one transaction too, each audited; a
 * score entered by hand since (not an accepted suggestion) is kept.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-book-private.h"
#include "xa-evidence.h"

static XaEvidenceFinding *
find_finding (GPtrArray  *findings,
              const char *key)
{
  for (guint i = 0; key != NULL && findings != NULL && i < findings->len; i++)
    if (g_strcmp0 (xa_evidence_finding_get_key (findings->pdata[i]), key) == 0)
      return findings->pdata[i];
  return NULL;
}

/**
 * xa_assessment_book_score_suggested:
 * @findings: (element-type XaEvidenceFinding) (nullable): the evidence of the school's year
 * @scored: (out) (optional) (transfer full): the codes scored now
 * @manual: (out) (optional) (transfer full): the codes left unscored
 *
 * Returns: %FALSE with @error set (%XA_ASSESSMENT_BOOK_ERROR_LOCKED once finalised)
 */
gboolean
xa_assessment_book_score_suggested (XaAssessmentBook  *self,
                                    const char        *school_uuid,
                                    int                school_year,
                                    GPtrArray         *findings,
                                    GStrv             *scored,
                                    GStrv             *manual,
                                    GError           **error)
{
  g_autoptr(XaAssessment) assessment = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (XaScoreEntry));
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) taken = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) left = g_strv_builder_new ();
  XaScheme *scheme;

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL, FALSE);

  if (!(assessment = xa_assessment_book_dup (self, school_uuid, school_year, error)))
    return FALSE;
  if (xa_assessment_get_state (assessment) == XA_ASSESSMENT_STATE_FINALISED)
    {
      g_set_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED,
                   _("The assessment of %s for %d is finalised: correct it by a revision with a reason"),
                   xa_assessment_get_school_name (assessment), school_year);
      return FALSE;
    }

  scheme = xa_assessment_get_scheme (assessment);
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
      const char *code = xa_indicator_get_code (indicator);
      XaEvidenceFinding *finding = find_finding (findings, xa_indicator_get_evidence_source (indicator));
      double deduction = 0;
      char *arithmetic = NULL;
      XaScoreEntry entry = { code, 0, NULL, -1, TRUE, NULL };

      if (xa_assessment_get_score (assessment, code)->score >= 0)
        continue;
      if (finding == NULL ||
          !xa_indicator_suggest (indicator, xa_evidence_finding_get_value (finding),
                                 xa_evidence_source_to_label (xa_evidence_finding_get_key (finding)),
                                 &deduction, &arithmetic))
        {
          g_strv_builder_add (left, code);
          continue;
        }
      g_ptr_array_add (notes, arithmetic);
      entry.score = MAX (0, xa_indicator_get_points (indicator) - deduction);
      entry.notes = arithmetic;
      entry.suggestion = deduction;
      g_array_append_val (entries, entry);
      g_strv_builder_add (taken, code);
    }

  if (entries->len > 0 &&
      !xa_assessment_book_set_scores (self, school_uuid, school_year, (const XaScoreEntry *) entries->data,
                                      entries->len, error))
    return FALSE;
  if (scored != NULL)
    *scored = g_strv_builder_end (taken);
  if (manual != NULL)
    *manual = g_strv_builder_end (left);
  return TRUE;
}

typedef struct
{
  const char         *school_uuid;
  int                 school_year;
  const char * const *codes;
} Unscore;

static gboolean
unscore_cb (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Unscore *data = user_data;
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  XaAssessment *assessment;

  if (!_xa_assessment_book_load (store, data->school_year, data->school_uuid, FALSE, assessments, error))
    return FALSE;
  if (assessments->len == 0)
    {
      g_set_error_literal (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND,
                           _("The school is not in the register"));
      return FALSE;
    }
  assessment = assessments->pdata[0];
  if (xa_assessment_get_state (assessment) == XA_ASSESSMENT_STATE_FINALISED)
    {
      g_set_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED,
                   _("The assessment of %s for %d is finalised: correct it by a revision with a reason"),
                   xa_assessment_get_school_name (assessment), data->school_year);
      return FALSE;
    }

  for (guint i = 0; data->codes[i] != NULL; i++)
    {
      g_autoptr(XaStatement) stmt = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *detail = NULL;
      XaStep step;

      if (!(stmt = xa_store_prepare (store,
                                     "SELECT s.uuid FROM assessment_score s JOIN assessment a ON a.id = s.assessment_id"
                                     " JOIN organisation o ON o.id = a.organisation_id"
                                     " WHERE o.uuid = ? AND a.school_year = ? AND s.code = ? AND s.accepted = 1",
                                     error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, data->school_uuid);
      xa_statement_bind_int (stmt, 2, data->school_year);
      xa_statement_bind_text (stmt, 3, data->codes[i]);
      if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
        return FALSE;
      if (step == XA_STEP_DONE)
        continue;
      uuid = g_strdup (xa_statement_get_text (stmt, 0));
      g_clear_pointer (&stmt, xa_statement_free);
      if (!(stmt = xa_store_prepare (store, "DELETE FROM assessment_score WHERE uuid = ?", error)))
        return FALSE;
      xa_statement_bind_text (stmt, 1, uuid);
      if (!xa_statement_run (stmt, error))
        return FALSE;
      detail = _xa_assessment_book_audit_detail (assessment, "indicator", data->codes[i], NULL);
      if (!xa_store_append_audit (store, "assessment.unscore", "assessment_score", uuid, detail, error))
        return FALSE;
    }
  xa_store_note_change (store, "assessment", xa_assessment_get_uuid (assessment));
  return TRUE;
}

/**
 * xa_assessment_book_unscore:
 * @codes: (array zero-terminated=1): the indicators whose commission score goes
 */
gboolean
xa_assessment_book_unscore (XaAssessmentBook    *self,
                            const char          *school_uuid,
                            int                  school_year,
                            const char * const  *codes,
                            GError             **error)
{
  Unscore data = { school_uuid, school_year, codes };

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (self), FALSE);
  g_return_val_if_fail (school_uuid != NULL && codes != NULL, FALSE);

  return xa_store_write (_xa_assessment_book_get_store (self), unscore_cb, &data, error);
}
