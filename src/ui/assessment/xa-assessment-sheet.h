/* xa-assessment-sheet.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "core/assessment/xa-assessment-book.h"
#include "xa-assessment-indicator-view.h"

G_BEGIN_DECLS

#define XA_TYPE_ASSESSMENT_SHEET (xa_assessment_sheet_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentSheet, xa_assessment_sheet, XA, ASSESSMENT_SHEET, GtkWidget)

void          xa_assessment_sheet_setup          (XaAssessmentSheet *self,
                                                  XaWorkspace       *workspace,
                                                  XaAssessmentBook  *book,
                                                  gboolean           commission);
void          xa_assessment_sheet_show           (XaAssessmentSheet *self,
                                                  const char        *school_uuid,
                                                  int                school_year);
void          xa_assessment_sheet_reload         (XaAssessmentSheet *self);
XaAssessment *xa_assessment_sheet_get_assessment (XaAssessmentSheet *self);
void          xa_assessment_sheet_set_compact    (XaAssessmentSheet *self,
                                                  gboolean           compact);
gboolean      xa_assessment_sheet_get_loading    (XaAssessmentSheet *self);
/* For tests (and the actions): the view of an indicator, the dialogs opened, the steps. */
XaAssessmentIndicatorView *xa_assessment_sheet_get_view (XaAssessmentSheet *self,
                                                  const char        *code);
GtkWidget    *xa_assessment_sheet_open_score     (XaAssessmentSheet *self,
                                                  const char        *code,
                                                  gboolean           commission);
GtkWidget    *xa_assessment_sheet_open_veto      (XaAssessmentSheet *self);
GtkWidget    *xa_assessment_sheet_open_correction (XaAssessmentSheet *self,
                                                  const char        *ground);
AdwToast     *xa_assessment_sheet_score_suggested (XaAssessmentSheet *self,
                                                  GError           **error);
gboolean      xa_assessment_sheet_finalise       (XaAssessmentSheet *self,
                                                  GError           **error);
gboolean      xa_assessment_sheet_set_h          (XaAssessmentSheet *self,
                                                  guint              n_events,
                                                  GError           **error);

G_END_DECLS
