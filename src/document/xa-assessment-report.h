/* xa-assessment-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/assessment/xa-assessment-book.h"
#include "core/assessment/xa-assessment-export.h"

G_BEGIN_DECLS

XaPageLayout *xa_assessment_report_layout_new    (XaAssessment      *assessment,
                                                  guint              n_schools,
                                                  XaFontResolver    *fonts);
char         *xa_assessment_report_dup_file_name (XaAssessment      *assessment);
XaPageLayout *xa_assessment_report_read          (XaAssessmentBook  *book,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  XaFontResolver    *fonts,
                                                  GError           **error);
char         *xa_assessment_dup_score_text       (double             score);

G_END_DECLS
