/* xa-inspection-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_TYPE_INSPECTION_EDITOR (xa_inspection_editor_get_type ())

G_DECLARE_FINAL_TYPE (XaInspectionEditor, xa_inspection_editor, XA, INSPECTION_EDITOR, AdwWindow)

GtkWidget    *xa_inspection_editor_new            (XaInspectionBook   *book,
                                                   const char         *school_uuid,
                                                   int                 school_year,
                                                   XaInspection       *inspection,
                                                   const char         *today);
XaInspection *xa_inspection_editor_get_inspection (XaInspectionEditor *self);
GtkWidget    *xa_inspection_editor_get_item_row   (XaInspectionEditor *self,
                                                   guint               index,
                                                   gboolean            note);
gboolean      xa_inspection_editor_get_dirty      (XaInspectionEditor *self);
void          xa_inspection_editor_set_school_name (XaInspectionEditor *self,
                                                   const char         *school_name);
void          xa_inspection_editor_export_to_file (XaInspectionEditor *self,
                                                   GFile              *file);
gboolean      xa_inspection_editor_get_busy       (XaInspectionEditor *self);

G_END_DECLS
