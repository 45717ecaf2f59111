/* xa-assessment-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/xa-workspace.h"
#include "core/assessment/xa-assessment-book.h"

G_BEGIN_DECLS

void     xa_assessment_report_export_async  (XaWorkspace         *workspace,
                                             XaAssessmentBook    *book,
                                             const char          *school_uuid,
                                             int                  school_year,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean xa_assessment_report_export_finish (GAsyncResult        *result,
                                             GError             **error);
void     xa_assessment_report_print         (XaWorkspace         *workspace,
                                             XaAssessmentBook    *book,
                                             const char          *school_uuid,
                                             int                  school_year,
                                             GtkWidget           *widget,
                                             GCancellable        *cancellable);

void     xa_assessment_scores_export_async  (XaWorkspace         *workspace,
                                             XaAssessmentBook    *book,
                                             int                  school_year,
                                             GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean xa_assessment_scores_export_finish (GAsyncResult        *result,
                                             GError             **error);

G_END_DECLS
