/* xa-assessment-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `demo --assessment`: a scoring round in progress for the demo district. Of every three
 * schools (in the register's order) the first has self-assessed and been scored by the
 * commission, the second has only self-assessed and the third has not started; of the
 * scored, every other one is finalised and published, the second scored has an H event
 * and the fourth a veto, so that the district view and the reports show every state and
 * grade. Deductions come from the seed: the same seed makes the same round.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-demo.h"

/* How likely each kind of school is to lose points on an indicator. */
static const double demo_strictness[] = { 0.1, 0.3, 0.55, 0.8 };

static gboolean
score_school (XaAssessmentBook  *book,
              XaAssessment      *assessment,
              GRand             *rand,
              gboolean           commission,
              GError           **error)
{
  XaScheme *scheme = xa_assessment_get_scheme (assessment);
  double strictness = demo_strictness[g_rand_int_range (rand, 0, G_N_ELEMENTS (demo_strictness))];
  guint n = xa_scheme_get_n_indicators (scheme);
  g_autofree XaScoreEntry *scores = g_new0 (XaScoreEntry, n);
  g_autofree XaSelfEntry *selves = g_new0 (XaSelfEntry, n);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
      double points = xa_indicator_get_points (indicator);
      double deduction = g_rand_double (rand) < strictness ? MIN (points, g_rand_int_range (rand, 1, 5) * 0.5) : 0;
      g_autofree char *deduction_text = xa_points_format (deduction);
      /* Translators: a demo assessment's note, with the points deducted */
      char *note = deduction > 0 ? g_strdup_printf ("演示：扣 %s 分", deduction_text) : NULL;

      g_ptr_array_add (notes, note);
      scores[i] = (XaScoreEntry) { xa_indicator_get_code (indicator), points - deduction, note, -1, FALSE, NULL };
      /* A school judges itself a little more kindly. */
      selves[i] = (XaSelfEntry) { xa_indicator_get_code (indicator), points - deduction / 2, note };
    }
  if (commission)
    return xa_assessment_book_set_scores (book, xa_assessment_get_school_uuid (assessment),
                                          xa_assessment_get_school_year (assessment), scores, n, error);
  return xa_assessment_book_set_self_scores (book, xa_assessment_get_school_uuid (assessment),
                                             xa_assessment_get_school_year (assessment), selves, n, error);
}

/**
 * xa_assessment_demo_fill:
 * @n_self: (out) (optional): how many schools self-assessed
 * @n_scored: (out) (optional): how many the commission scored
 *
 * Fills the year's scoring round of the demo district (see the file's comment).
 */
gboolean
xa_assessment_demo_fill (XaAssessmentBook  *book,
                         int                school_year,
                         guint32            seed,
                         guint             *n_self,
                         guint             *n_scored,
                         GError           **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint self = 0;
  guint scored = 0;

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (book), FALSE);

  if (!(assessments = xa_assessment_book_list (book, school_year, error)))
    return FALSE;
  /* The list is ranked; the round goes by the register's order (by code). */
  for (guint i = 0; i < assessments->len; i++)
    for (guint j = i + 1; j < assessments->len; j++)
      if (g_strcmp0 (xa_assessment_get_school_code (g_ptr_array_index (assessments, j)),
                     xa_assessment_get_school_code (g_ptr_array_index (assessments, i))) < 0)
        {
          gpointer swap = assessments->pdata[i];

          assessments->pdata[i] = assessments->pdata[j];
          assessments->pdata[j] = swap;
        }

  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);
      const char *uuid = xa_assessment_get_school_uuid (assessment);
      g_autoptr(GError) local_error = NULL;

      if (i % 3 == 2)
        continue;
      if (!score_school (book, assessment, rand, FALSE, error))
        return FALSE;
      self++;
      if (i % 3 == 1)
        continue;
      if (!score_school (book, assessment, rand, TRUE, error))
        return FALSE;
      scored++;
      if (scored == 2 && !xa_assessment_book_set_h (book, uuid, school_year, 1, "演示：一起一般非责任事故",
                                                    error))
        return FALSE;
      if (scored == 4 && !xa_assessment_book_record_veto (book, uuid, school_year, "V4", "演示：事故未按规定报送",
                                                         NULL, NULL, error))
        return FALSE;
      if (scored % 2 == 1)
        continue;
      /* A school whose incident's finding is pending stays unfinalised, as it would. */
      if (!xa_assessment_book_finalise (book, uuid, school_year, &local_error))
        {
          if (!g_error_matches (local_error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_BLOCKED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          continue;
        }
      if (xa_assessment_book_publish (book, uuid, school_year, error) < 0)
        return FALSE;
    }
  if (n_self != NULL)
    *n_self = self;
  if (n_scored != NULL)
    *n_scored = scored;
  return TRUE;
}
