/* xa-assessment-correct-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/assessment/xa-assessment-book.h"

G_BEGIN_DECLS

#define XA_TYPE_ASSESSMENT_CORRECT_DIALOG (xa_assessment_correct_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentCorrectDialog, xa_assessment_correct_dialog, XA, ASSESSMENT_CORRECT_DIALOG, AdwWindow)

/* @ground: a veto decision's ground to withdraw, or %NULL to correct the H events of a
 * finalised assessment. */
GtkWidget     *xa_assessment_correct_dialog_new        (XaAssessmentBook          *book,
                                                        XaAssessment              *assessment,
                                                        const char                *ground);
/* For tests. */
GtkSpinButton *xa_assessment_correct_dialog_get_events (XaAssessmentCorrectDialog *self);
GtkEditable   *xa_assessment_correct_dialog_get_notes  (XaAssessmentCorrectDialog *self);
GtkEditable   *xa_assessment_correct_dialog_get_reason (XaAssessmentCorrectDialog *self);
const char    *xa_assessment_correct_dialog_get_error  (XaAssessmentCorrectDialog *self);
gboolean       xa_assessment_correct_dialog_save       (XaAssessmentCorrectDialog *self);

G_END_DECLS
