/* xa-hazard-selection.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/hazards/xa-hazard.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_SELECTION (xa_hazard_selection_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardSelection, xa_hazard_selection, XA, HAZARD_SELECTION, GObject)

XaHazardSelection *xa_hazard_selection_new               (GListModel        *hazards);
GListModel        *xa_hazard_selection_get_model         (XaHazardSelection *self);
guint              xa_hazard_selection_get_selected      (XaHazardSelection *self);
void               xa_hazard_selection_set_selected      (XaHazardSelection *self,
                                                          guint              position);
XaHazard          *xa_hazard_selection_get_selected_item (XaHazardSelection *self);

G_END_DECLS
