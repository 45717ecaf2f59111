/* xa-signature-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-signature-pad.h"

G_BEGIN_DECLS

#define XA_TYPE_SIGNATURE_DIALOG (xa_signature_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaSignatureDialog, xa_signature_dialog, XA, SIGNATURE_DIALOG, AdwWindow)

/* A window to sign in: the pad, Undo and Clear, Cancel and Save. Save emits "saved"
 * with the signature as a transparent PNG (GBytes) and closes the window. */
XaSignatureDialog *xa_signature_dialog_new     (GtkWindow          *parent,
                                                const char         *person_name);
XaSignaturePad    *xa_signature_dialog_get_pad (XaSignatureDialog  *self);

G_END_DECLS
