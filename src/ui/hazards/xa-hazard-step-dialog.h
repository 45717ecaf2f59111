/* xa-hazard-step-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_STEP_DIALOG (xa_hazard_step_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardStepDialog, xa_hazard_step_dialog, XA, HAZARD_STEP_DIALOG, AdwMessageDialog)

XaHazardStepDialog *xa_hazard_step_dialog_new        (GtkWidget          *parent,
                                                      XaHazardBook       *book,
                                                      XaHazard           *hazard,
                                                      XaHazardStep        step,
                                                      const char         *operator_name);
XaHazardStep        xa_hazard_step_dialog_get_step   (XaHazardStepDialog *self);
GtkEditable        *xa_hazard_step_dialog_get_who    (XaHazardStepDialog *self);
GtkEditable        *xa_hazard_step_dialog_get_date   (XaHazardStepDialog *self);
GtkWidget          *xa_hazard_step_dialog_get_note   (XaHazardStepDialog *self);
const char         *xa_hazard_step_dialog_get_problem (XaHazardStepDialog *self);

G_END_DECLS
