/* xa-term-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-role.h"

G_BEGIN_DECLS

#define XA_TYPE_TERM_DIALOG (xa_term_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaTermDialog, xa_term_dialog, XA, TERM_DIALOG, AdwMessageDialog)

XaTermDialog *xa_term_dialog_new        (GtkWindow    *parent,
                                         XaRole       *term);
XaRole       *xa_term_dialog_get_term   (XaTermDialog *self);
char         *xa_term_dialog_dup_since  (XaTermDialog *self);
char         *xa_term_dialog_dup_until  (XaTermDialog *self);
char         *xa_term_dialog_dup_note   (XaTermDialog *self);

G_END_DECLS
