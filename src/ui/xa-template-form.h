/* xa-template-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/agreements/xa-template.h"

G_BEGIN_DECLS

#define XA_TYPE_TEMPLATE_FORM (xa_template_form_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateForm, xa_template_form, XA, TEMPLATE_FORM, GtkWidget)

void xa_template_form_set_template (XaTemplateForm *self,
                                    XaTemplate     *template);

G_END_DECLS
