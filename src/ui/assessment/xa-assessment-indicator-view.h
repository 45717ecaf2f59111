/* xa-assessment-indicator-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/assessment/xa-assessment.h"
#include "core/assessment/xa-evidence.h"

G_BEGIN_DECLS

#define XA_TYPE_ASSESSMENT_INDICATOR_VIEW (xa_assessment_indicator_view_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentIndicatorView, xa_assessment_indicator_view, XA, ASSESSMENT_INDICATOR_VIEW, GtkWidget)

GtkWidget   *xa_assessment_indicator_view_new          (XaIndicator               *indicator);
XaIndicator *xa_assessment_indicator_view_get_indicator (XaAssessmentIndicatorView *self);
void         xa_assessment_indicator_view_show         (XaAssessmentIndicatorView *self,
                                                        XaAssessment              *assessment,
                                                        gboolean                   show_commission);
void         xa_assessment_indicator_view_set_finding  (XaAssessmentIndicatorView *self,
                                                        XaEvidenceFinding         *finding);
XaEvidenceFinding *xa_assessment_indicator_view_get_finding (XaAssessmentIndicatorView *self);
gboolean     xa_assessment_indicator_view_dup_suggestion (XaAssessmentIndicatorView *self,
                                                        double                    *deduction,
                                                        char                     **arithmetic);
void         xa_assessment_indicator_view_set_compact  (XaAssessmentIndicatorView *self,
                                                        gboolean                   compact);
void         xa_assessment_indicator_view_set_editable (XaAssessmentIndicatorView *self,
                                                        gboolean                   self_editable,
                                                        gboolean                   commission_editable,
                                                        gboolean                   locked);

G_END_DECLS
