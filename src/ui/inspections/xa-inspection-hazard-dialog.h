/* xa-inspection-hazard-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/education/xa-drill-book.h"
#include "core/hazards/xa-inspection-book.h"

G_BEGIN_DECLS

#define XA_TYPE_INSPECTION_HAZARD_DIALOG (xa_inspection_hazard_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaInspectionHazardDialog, xa_inspection_hazard_dialog, XA, INSPECTION_HAZARD_DIALOG, AdwWindow)

GtkWidget  *xa_inspection_hazard_dialog_new         (XaInspectionBook         *book,
                                                     XaInspection             *inspection,
                                                     guint                     index);
GtkWidget  *xa_inspection_hazard_dialog_new_for_drill (XaDrillBook            *drills,
                                                     XaHazardBook             *hazards,
                                                     XaDrill                  *drill,
                                                     guint                     index);
XaHazard   *xa_inspection_hazard_dialog_get_hazard  (XaInspectionHazardDialog *self);
const char *xa_inspection_hazard_dialog_get_message (XaInspectionHazardDialog *self);

G_END_DECLS
