/* xa-server-credentials.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-server-location.h"

G_BEGIN_DECLS

/* The name of the keyring schema, with the app's id, under which passwords are kept. */
#define XA_SERVER_CREDENTIALS_SCHEMA "io.github.xiaoan.Xiaoan.Server"

#define XA_SERVER_CREDENTIALS_ERROR (xa_server_credentials_error_quark ())

typedef enum
{
  XA_SERVER_CREDENTIALS_ERROR_KEYRING,  /* the keyring could not be reached, or refused */
} XaServerCredentialsError;

GQuark    xa_server_credentials_error_quark   (void);

void      xa_server_credentials_lookup_async  (const XaServerLocation  *location,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
char     *xa_server_credentials_lookup_finish (GAsyncResult            *result,
                                               GError                 **error);
char     *xa_server_credentials_lookup_sync   (const XaServerLocation  *location,
                                               GCancellable            *cancellable,
                                               GError                 **error);

void      xa_server_credentials_store_async   (const XaServerLocation  *location,
                                               const char              *password,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
gboolean  xa_server_credentials_store_finish  (GAsyncResult            *result,
                                               GError                 **error);

void      xa_server_credentials_clear_async   (const XaServerLocation  *location,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
gboolean  xa_server_credentials_clear_finish  (GAsyncResult            *result,
                                               GError                 **error);

G_END_DECLS
