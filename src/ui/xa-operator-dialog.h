/* xa-operator-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_OPERATOR_DIALOG (xa_operator_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaOperatorDialog, xa_operator_dialog, XA, OPERATOR_DIALOG, AdwMessageDialog)

XaOperatorDialog *xa_operator_dialog_new      (GtkWindow        *parent);
void              xa_operator_dialog_set_name (XaOperatorDialog *self,
                                               const char       *name);
char             *xa_operator_dialog_dup_name (XaOperatorDialog *self);

G_END_DECLS
