/* xa-assessment-report-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly assessment's reports laid out from what a workspace holds (issue 14): a
 * school's score sheet with its rank among the schools ranked, and the district summary
 * with the year before, the overdue hazards and each school's coverage. The command line
 * and the app's 考核 section both print through these, so that the two read alike.
 */

#include "config.h"

#include "xa-assessment-report.h"
#include "xa-district-report.h"
#include "core/education/xa-education-book.h"

/* The year's assessments, ranked; those of the year before when @previous, an empty
 * list when that year has none. */
static GPtrArray *
list_year (XaAssessmentBook  *book,
           int                year,
           gboolean           previous,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *assessments = xa_assessment_book_list (book, year, &local_error);

  if (assessments == NULL && previous)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if (assessments == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return assessments;
}

/* Each school's 受教育面, for the coverage chart; a school whose coverage cannot be read
 * is left out of the chart. */
static GArray *
read_coverage (XaEducationBook *book,
               GPtrArray       *assessments,
               int              year)
{
  GArray *coverage = g_array_new (FALSE, FALSE, sizeof (XaDistrictCoverage));

  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autoptr(XaEducationCoverage) computed = NULL;
      XaDistrictCoverage row = { xa_assessment_get_school_uuid (assessment), 0 };

      computed = xa_education_book_compute_coverage (book, row.school_uuid, year, NULL);
      if (computed == NULL || computed->population == 0)
        continue;
      row.percent = 100 * xa_education_coverage_get_rate (computed);
      g_array_append_val (coverage, row);
    }
  return coverage;
}

/**
 * xa_district_report_read:
 *
 * The district summary of @year from @workspace's records.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
XaPageLayout *
xa_district_report_read (XaWorkspace       *workspace,
                         XaAssessmentBook  *book,
                         int                year,
                         XaFontResolver    *fonts,
                         GError           **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(XaHazardSummary) hazards = NULL;
  g_autoptr(GArray) coverage = NULL;
  XaDistrictReportData data = { year, NULL, NULL, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (book), NULL);

  if (!(assessments = list_year (book, year, FALSE, error)) ||
      !(previous = list_year (book, year - 1, TRUE, error)) ||
      !(hazards = xa_hazard_summary_read (xa_workspace_get_hazards (workspace), year, NULL, NULL, error)))
    return NULL;
  coverage = read_coverage (xa_workspace_get_education (workspace), assessments, year);

  data.assessments = assessments;
  data.previous = previous;
  data.hazards = hazards;
  data.coverage = coverage;
  return xa_district_report_layout_new (&data, fonts);
}

/**
 * xa_assessment_report_read:
 *
 * The score sheet of one school's @year, with its rank among the schools ranked.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
XaPageLayout *
xa_assessment_report_read (XaAssessmentBook  *book,
                           const char        *school_uuid,
                           int                year,
                           XaFontResolver    *fonts,
                           GError           **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(XaAssessment) own = NULL;
  XaAssessment *found = NULL;
  guint n_ranked = 0;

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (book), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!(assessments = list_year (book, year, FALSE, error)))
    return NULL;

  /* The year's list carries the ranks, and how many schools they run over. */
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);

      n_ranked += xa_assessment_get_rank (assessment) > 0;
      if (g_strcmp0 (xa_assessment_get_school_uuid (assessment), school_uuid) == 0)
        found = assessment;
    }
  if (found != NULL)
    return xa_assessment_report_layout_new (found, n_ranked, fonts);

  own = xa_assessment_book_dup (book, school_uuid, year, error);
  if (own == NULL)
    return NULL;
  return xa_assessment_report_layout_new (own, 0, fonts);
}
