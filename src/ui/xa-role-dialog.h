/* xa-role-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-role.h"

G_BEGIN_DECLS

#define XA_TYPE_ROLE_DIALOG (xa_role_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaRoleDialog, xa_role_dialog, XA, ROLE_DIALOG, AdwMessageDialog)

XaRoleDialog *xa_role_dialog_new             (GtkWindow    *parent,
                                              GListModel   *people);
const char   *xa_role_dialog_get_person_uuid (XaRoleDialog *self);
XaRoleKind    xa_role_dialog_get_kind        (XaRoleDialog *self);
char         *xa_role_dialog_dup_since       (XaRoleDialog *self);
char         *xa_role_dialog_dup_note        (XaRoleDialog *self);

G_END_DECLS
