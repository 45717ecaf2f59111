/* xa-template-compare.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/agreements/xa-template-diff.h"
#include "core/agreements/xa-template-library.h"

G_BEGIN_DECLS

#define XA_TYPE_TEMPLATE_COMPARE (xa_template_compare_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateCompare, xa_template_compare, XA, TEMPLATE_COMPARE, GtkWidget)

void            xa_template_compare_set_library    (XaTemplateCompare *self,
                                                    XaTemplateLibrary *library);
void            xa_template_compare_show           (XaTemplateCompare *self,
                                                    const char        *old_uuid,
                                                    const char        *new_uuid);
void            xa_template_compare_show_diff      (XaTemplateCompare *self,
                                                    XaTemplateDiff    *diff,
                                                    const char        *title);
void            xa_template_compare_set_back_action (XaTemplateCompare *self,
                                                    const char        *action_name,
                                                    const char        *tooltip);
XaTemplateDiff *xa_template_compare_get_diff       (XaTemplateCompare *self);
void            xa_template_compare_export_to_file (XaTemplateCompare *self,
                                                    GFile             *file);
gboolean        xa_template_compare_get_busy       (XaTemplateCompare *self);
char           *xa_template_change_dup_markup      (XaTemplateChange  *change);

G_END_DECLS
