/* xa-template-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-clause-editor.h"
#include "xa-template-compare.h"
#include "xa-template-form.h"
#include "core/agreements/xa-template-library.h"

G_BEGIN_DECLS

#define XA_TYPE_TEMPLATE_EDITOR (xa_template_editor_get_type ())

G_DECLARE_FINAL_TYPE (XaTemplateEditor, xa_template_editor, XA, TEMPLATE_EDITOR, GtkWidget)

void               xa_template_editor_set_library       (XaTemplateEditor  *self,
                                                         XaTemplateLibrary *library);
XaTemplate        *xa_template_editor_get_template      (XaTemplateEditor  *self);
gboolean           xa_template_editor_select_template   (XaTemplateEditor  *self,
                                                         const char        *uuid);
gboolean           xa_template_editor_select_clause     (XaTemplateEditor  *self,
                                                         const char        *clause_id);
XaClauseEditor    *xa_template_editor_get_clause_editor (XaTemplateEditor  *self);
XaTemplateCompare *xa_template_editor_get_compare       (XaTemplateEditor  *self);
XaTemplateForm    *xa_template_editor_get_form          (XaTemplateEditor  *self);
gboolean           xa_template_editor_get_busy          (XaTemplateEditor  *self);
void               xa_template_editor_import_file       (XaTemplateEditor  *self,
                                                         GFile             *file);
void               xa_template_editor_export_to_file    (XaTemplateEditor  *self,
                                                         GFile             *file);

G_END_DECLS
