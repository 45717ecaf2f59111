/* xa-assessment-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-assessment.h"

G_BEGIN_DECLS

gboolean    xa_assessment_export_xlsx       (GPtrArray          *assessments,
                                             const char         *path,
                                             GError            **error);
const char *xa_grade_to_chinese             (XaGrade             grade);
const char *xa_assessment_state_to_chinese  (XaAssessmentState   state);

G_END_DECLS
