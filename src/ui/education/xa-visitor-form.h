/* xa-visitor-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-register-form.h"

G_BEGIN_DECLS

#define XA_TYPE_VISITOR_FORM (xa_visitor_form_get_type ())

G_DECLARE_FINAL_TYPE (XaVisitorForm, xa_visitor_form, XA, VISITOR_FORM, XaRegisterForm)

GtkWidget *xa_visitor_form_new (XaWorkspace *workspace,
                          const char  *school_uuid,
                          int          school_year,
                          const char  *subject_uuid,
                          const char  *today);

G_END_DECLS
