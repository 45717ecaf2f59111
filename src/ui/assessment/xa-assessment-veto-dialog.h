/* xa-assessment-veto-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/assessment/xa-assessment-book.h"
#include "core/education/xa-veto.h"

G_BEGIN_DECLS

#define XA_TYPE_ASSESSMENT_VETO_DIALOG (xa_assessment_veto_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentVetoDialog, xa_assessment_veto_dialog, XA, ASSESSMENT_VETO_DIALOG, AdwWindow)

GtkWidget   *xa_assessment_veto_dialog_new        (XaAssessmentBook       *book,
                                                   XaAssessment           *assessment,
                                                   XaVetoVerdict          *verdict);
/* For tests. */
AdwComboRow *xa_assessment_veto_dialog_get_ground (XaAssessmentVetoDialog *self);
GtkEditable *xa_assessment_veto_dialog_get_reason (XaAssessmentVetoDialog *self);
GtkEditable *xa_assessment_veto_dialog_get_date   (XaAssessmentVetoDialog *self);
const char  *xa_assessment_veto_dialog_get_error  (XaAssessmentVetoDialog *self);
gboolean     xa_assessment_veto_dialog_save       (XaAssessmentVetoDialog *self);

G_END_DECLS
