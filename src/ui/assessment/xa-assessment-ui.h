/* xa-assessment-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "core/assessment/xa-assessment-book.h"

G_BEGIN_DECLS

gboolean    xa_assessment_ui_is_commission (XaWorkspace *workspace);
GtkWidget  *xa_assessment_ui_open_evidence (GtkWidget   *parent,
                                            XaWorkspace *workspace,
                                            const char  *target,
                                            GError     **error);
const char *xa_assessment_ui_grade_class   (XaGrade      grade);
char       *xa_assessment_ui_dup_score_text (double      score,
                                            double      points);
typedef void (*XaUndoneFunc) (GtkWidget  *widget,
                              const char *school_uuid);
AdwToast   *xa_assessment_ui_new_suggested_toast (GtkWidget        *widget,
                                                  XaAssessmentBook *book,
                                                  const char       *school_uuid,
                                                  int               school_year,
                                                  GStrv             scored,
                                                  const char * const *manual,
                                                  XaUndoneFunc      undone);

G_END_DECLS
