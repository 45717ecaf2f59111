/* xa-education-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/education/xa-education-record.h"

G_BEGIN_DECLS

XaPageLayout *xa_education_form_layout_new    (XaEducationRecord   *record,
                                               const char          *school_name,
                                               XaEducationRecord   *made_up,
                                               GPtrArray           *make_ups,
                                               const char * const  *evidence_names,
                                               XaFontResolver      *fonts);
char         *xa_education_form_dup_file_name (XaEducationRecord   *record,
                                               const char          *school_name);

G_END_DECLS
