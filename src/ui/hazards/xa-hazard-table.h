/* xa-hazard-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-hazard-selection.h"
#include "core/hazards/xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_TABLE (xa_hazard_table_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardTable, xa_hazard_table, XA, HAZARD_TABLE, GtkWidget)

void                xa_hazard_table_set_model     (XaHazardTable *self,
                                                   GListModel    *hazards);
XaHazardSelection  *xa_hazard_table_get_selection (XaHazardTable *self);
XaHazardSort        xa_hazard_table_get_sort      (XaHazardTable *self,
                                                   gboolean      *descending);
void                xa_hazard_table_sort_by       (XaHazardTable *self,
                                                   XaHazardSort   sort,
                                                   gboolean       descending);
void                xa_hazard_table_set_compact   (XaHazardTable *self,
                                                   gboolean       compact);
void                xa_hazard_table_set_number_prefix (XaHazardTable *self,
                                                       const char    *prefix);
void                xa_hazard_table_focus_first   (XaHazardTable *self);
void                xa_hazard_table_scroll_to     (XaHazardTable *self,
                                                   guint          position);
GtkColumnView      *xa_hazard_table_get_view      (XaHazardTable *self);

G_END_DECLS
