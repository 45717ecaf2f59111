/* xa-checklist-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_TYPE_CHECKLIST_EDITOR (xa_checklist_editor_get_type ())

G_DECLARE_FINAL_TYPE (XaChecklistEditor, xa_checklist_editor, XA, CHECKLIST_EDITOR, AdwWindow)

GtkWidget *xa_checklist_editor_new            (XaInspectionBook  *book,
                                               gboolean           editable);
gboolean   xa_checklist_editor_select_area    (XaChecklistEditor *self,
                                               const char        *area);
GtkWidget *xa_checklist_editor_get_item_entry (XaChecklistEditor *self,
                                               guint              index);
gboolean   xa_checklist_editor_get_dirty      (XaChecklistEditor *self);

G_END_DECLS
