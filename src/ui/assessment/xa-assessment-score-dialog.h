/* xa-assessment-score-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/assessment/xa-assessment-book.h"

G_BEGIN_DECLS

typedef enum
{
  XA_SCORE_DIALOG_SELF,        /* the school's self-score */
  XA_SCORE_DIALOG_COMMISSION,  /* the commission's score, beside the suggestion */
  XA_SCORE_DIALOG_REVISION,    /* a finalised score corrected, with a reason */
} XaScoreDialogMode;

#define XA_TYPE_ASSESSMENT_SCORE_DIALOG (xa_assessment_score_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentScoreDialog, xa_assessment_score_dialog, XA, ASSESSMENT_SCORE_DIALOG, AdwWindow)

GtkWidget  *xa_assessment_score_dialog_new          (XaAssessmentBook        *book,
                                                     XaAssessment            *assessment,
                                                     const char              *code,
                                                     XaScoreDialogMode        mode,
                                                     double                   suggestion,
                                                     const char              *arithmetic);
/* For tests: the fields. */
GtkSpinButton *xa_assessment_score_dialog_get_score_spin (XaAssessmentScoreDialog *self);
GtkSwitch  *xa_assessment_score_dialog_get_accept_switch (XaAssessmentScoreDialog *self);
GtkEditable *xa_assessment_score_dialog_get_notes   (XaAssessmentScoreDialog *self);
GtkEditable *xa_assessment_score_dialog_get_reason  (XaAssessmentScoreDialog *self);
const char *xa_assessment_score_dialog_get_error    (XaAssessmentScoreDialog *self);
gboolean    xa_assessment_score_dialog_save         (XaAssessmentScoreDialog *self);

G_END_DECLS
