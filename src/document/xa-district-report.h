/* xa-district-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-chart.h"
#include "xa-page-layout.h"
#include "core/xa-workspace.h"
#include "core/assessment/xa-assessment-book.h"
#include "core/hazards/xa-hazard-summary.h"

G_BEGIN_DECLS

/* A school's 受教育面 of the year, in percent (xa_education_coverage_get_rate() × 100). */
typedef struct
{
  const char *school_uuid;
  double      percent;
} XaDistrictCoverage;

/* What the district's summary is made of: the core's reads, none of them required but
 * the year's assessments; a part left out leaves its section out. */
typedef struct
{
  int                    school_year;
  const char            *issuer;       /* 示例区教育委员会, or NULL */
  const char            *today;        /* YYYY-MM-DD printed under the title; NULL: today */
  GPtrArray             *assessments;  /* (element-type XaAssessment) of the year */
  GPtrArray             *previous;     /* (element-type XaAssessment) (nullable): the
                                        * year before, for the change per school */
  const XaHazardSummary *hazards;      /* (nullable): the year's overdue hazards */
  GArray                *coverage;     /* (element-type XaDistrictCoverage) (nullable) */
} XaDistrictReportData;

XaPageLayout *xa_district_report_layout_new    (const XaDistrictReportData *data,
                                                XaFontResolver             *fonts);
gboolean      xa_district_report_save          (const XaDistrictReportData *data,
                                                XaFontResolver             *fonts,
                                                const char                 *path,
                                                GError                    **error);
char         *xa_district_report_dup_file_name (int                         school_year);
GPtrArray    *xa_district_report_dup_ranked    (GPtrArray                  *assessments);
/* The summary's charts that the app's dashboard draws as well. */
XaChart      *xa_district_chart_grades_new     (const guint                 counts[]);
XaChart      *xa_district_chart_groups_new     (GPtrArray                  *ranked);
XaPageLayout *xa_district_report_read          (XaWorkspace                *workspace,
                                                XaAssessmentBook           *book,
                                                int                         school_year,
                                                XaFontResolver             *fonts,
                                                GError                    **error);

G_END_DECLS
