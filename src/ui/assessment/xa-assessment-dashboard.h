/* xa-assessment-dashboard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_ASSESSMENT_DASHBOARD (xa_assessment_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentDashboard, xa_assessment_dashboard, XA, ASSESSMENT_DASHBOARD, GtkWidget)

void   xa_assessment_dashboard_set_assessments (XaAssessmentDashboard *self,
                                                GPtrArray             *assessments);
/* For tests: the text of the charts drawn (titles, labels, values). */
char  *xa_assessment_dashboard_dup_text        (XaAssessmentDashboard *self);

G_END_DECLS
