/* xa-education-record-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "xa-record-window.h"

G_BEGIN_DECLS

#define XA_TYPE_EDUCATION_RECORD_FORM (xa_education_record_form_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationRecordForm, xa_education_record_form, XA, EDUCATION_RECORD_FORM, XaRecordWindow)

GtkWidget         *xa_education_record_form_new          (XaWorkspace           *workspace,
                                                          const char            *school_uuid,
                                                          int                    school_year,
                                                          const char            *today,
                                                          XaEducationRecord     *made_up);
GtkWidget         *xa_education_record_form_edit         (XaWorkspace           *workspace,
                                                          XaEducationRecord     *record);
gboolean           xa_education_record_form_get_dirty    (XaEducationRecordForm *self);
void               xa_education_record_form_set_absent   (XaEducationRecordForm *self,
                                                          const char            *name,
                                                          gboolean               absent);
XaEducationRecord *xa_education_record_form_get_saved    (XaEducationRecordForm *self);

G_END_DECLS
