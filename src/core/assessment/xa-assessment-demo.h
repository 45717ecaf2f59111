/* xa-assessment-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-assessment-book.h"

G_BEGIN_DECLS

gboolean xa_assessment_demo_fill (XaAssessmentBook  *book,
                                  int                school_year,
                                  guint32            seed,
                                  guint             *n_self,
                                  guint             *n_scored,
                                  GError           **error);

G_END_DECLS
