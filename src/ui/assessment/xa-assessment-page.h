/* xa-assessment-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "core/assessment/xa-assessment-book.h"
#include "xa-assessment-sheet.h"

G_BEGIN_DECLS

#define XA_TYPE_ASSESSMENT_PAGE (xa_assessment_page_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentPage, xa_assessment_page, XA, ASSESSMENT_PAGE, GtkWidget)

GtkWidget         *xa_assessment_page_new          (XaWorkspace      *workspace);
XaAssessmentBook  *xa_assessment_page_get_book     (XaAssessmentPage *self);
int                xa_assessment_page_get_year     (XaAssessmentPage *self);
void               xa_assessment_page_set_year     (XaAssessmentPage *self,
                                                    int               school_year);
/* For tests. */
XaAssessmentSheet *xa_assessment_page_get_sheet    (XaAssessmentPage *self);
GListModel        *xa_assessment_page_get_shown    (XaAssessmentPage *self);
gboolean           xa_assessment_page_select_school (XaAssessmentPage *self,
                                                    const char       *school_uuid);
const char        *xa_assessment_page_get_progress (XaAssessmentPage *self);
void               xa_assessment_page_set_filter   (XaAssessmentPage *self,
                                                    guint             grade,
                                                    guint             state,
                                                    guint             veto);

void               xa_assessment_page_export_scores (XaAssessmentPage *self,
                                                     GFile            *file);

G_END_DECLS
