/* xa-signing-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the user chose to sign with. The password is wiped when the choice is freed. */
typedef struct
{
  char     *p12_path;
  char     *password;
  gboolean  visible;
} XaSigningChoice;

void             xa_signing_choice_free  (XaSigningChoice      *choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaSigningChoice, xa_signing_choice_free)

void             xa_ask_signing_async    (GtkWidget            *widget,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
XaSigningChoice *xa_ask_signing_finish   (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
