/* district-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district's assessment summary for N schools (default 300), written to a PDF:
 * a district of N finalised assessments of the default scheme with last year's beside
 * them, overdue hazards in two categories and coverage per school, as
 * xa_district_report_save() gets them from the core. Prints the seconds the layout, the
 * PDF and the write took in this process and the number of pages; district-report.sh
 * times the whole process.
 *
 * Usage: district-report OUT.pdf [N]
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "document/xa-district-report.h"

static GPtrArray *
make_district (guint n,
               int   year)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (year);
  GPtrArray *assessments = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
      g_autofree char *code = g_strdup_printf ("2150%06u", i);
      g_autofree char *name = g_strdup_printf ("示例区第%u学校", i + 1);
      XaAssessment *assessment = xa_assessment_new (scheme, uuid, code, name);

      for (guint k = 0; k < xa_scheme_get_n_indicators (scheme); k++)
        {
          XaIndicator *indicator = xa_scheme_get_indicator (scheme, k);
          double points = xa_indicator_get_points (indicator);
          double off = k < 6 ? MIN (points, (i + k + year) % 4) : 0;

          _xa_assessment_set_self (assessment, xa_indicator_get_code (indicator), points - off / 2, NULL,
                                   "校长", "2022-06-20");
          _xa_assessment_set_commission (assessment, xa_indicator_get_code (indicator), points - off,
                                         off > 0 ? "台账不全" : NULL, "考核组", "2022-07-01", -1, TRUE, NULL);
        }
      if (i % 50 == 7)
        {
          XaVetoDecision veto = { "V1", "发生责任事故", NULL, "区教委", "2022-07-05" };

          _xa_assessment_add_veto (assessment, &veto);
        }
      _xa_assessment_set_record (assessment, uuid, TRUE, "考核组", "2022-07-10T09:00:00Z", TRUE, NULL, NULL);
      _xa_assessment_set_rank (assessment, i + 1);
      g_ptr_array_add (assessments, assessment);
    }
  return assessments;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) district = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(GArray) coverage = g_array_new (FALSE, FALSE, sizeof (XaDistrictCoverage));
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  XaHazardSummary hazards = { 0 };
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 300;
  gint64 start;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: district-report OUT.pdf [N]\n");
      return 2;
    }

  district = make_district (n, 2021);
  previous = make_district (n, 2020);
  hazards.school_year = 2021;
  hazards.schools = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (district, i);
      XaHazardSchoolCount *count = g_new0 (XaHazardSchoolCount, 1);
      XaDistrictCoverage row = { xa_assessment_get_school_uuid (assessment), 100 - (i % 9) * 0.15 };

      count->school_uuid = (char *) xa_assessment_get_school_uuid (assessment);
      count->school_code = (char *) xa_assessment_get_school_code (assessment);
      count->school_name = (char *) xa_assessment_get_school_name (assessment);
      count->n_overdue_by_category[1] = i % 3;
      count->n_overdue_by_category[5] = i % 4 == 0;
      count->n_overdue = i % 3 + (i % 4 == 0);
      hazards.total.n_overdue_by_category[1] += i % 3;
      hazards.total.n_overdue_by_category[5] += i % 4 == 0;
      g_ptr_array_add (hazards.schools, count);
      g_array_append_val (coverage, row);
    }

  start = g_get_monotonic_time ();
  fonts = xa_font_resolver_new ();
  {
    XaDistrictReportData data = { 2021, "示例区教育委员会", "2022-07-15", district, previous, &hazards, coverage };

    layout = xa_district_report_layout_new (&data, fonts);
    if (g_getenv ("XA_BENCH_SPLIT"))
      {
        guint pages = xa_page_layout_get_n_pages (layout);
        printf ("%.3f s to lay out %u pages\n", (g_get_monotonic_time () - start) / 1e6, pages);
      }
    if (!xa_page_layout_save_pdf (layout, argv[1], &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 1;
      }
  }
  printf ("%.3f s in process, %u pages\n", (g_get_monotonic_time () - start) / 1e6,
          xa_page_layout_get_n_pages (layout));
  g_ptr_array_unref (hazards.schools);
  return 0;
}
