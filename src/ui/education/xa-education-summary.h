/* xa-education-summary.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_EDUCATION_SUMMARY (xa_education_summary_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationSummary, xa_education_summary, XA, EDUCATION_SUMMARY, GtkWidget)

void        xa_education_summary_show        (XaEducationSummary *self,
                                              XaWorkspace        *workspace,
                                              const char         *school_uuid,
                                              int                 school_year,
                                              const char         *today);
gboolean    xa_education_summary_get_busy    (XaEducationSummary *self);
char       *xa_education_summary_dup_text    (XaEducationSummary *self);
void        xa_education_summary_set_mirror  (XaEducationSummary  *self,
                                              AdwPreferencesGroup *coverage_group,
                                              AdwPreferencesGroup *implementation_group);
GPtrArray  *xa_education_summary_get_periods (XaEducationSummary *self);
GPtrArray  *xa_education_summary_get_verdicts (XaEducationSummary *self);
const XaEducationCoverage *xa_education_summary_get_coverage (XaEducationSummary *self);

G_END_DECLS
