/* xa-server-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     xa_server_check_async  (const char           *uri,
                                 const char           *password,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean xa_server_check_finish (GAsyncResult         *result,
                                 char                **description,
                                 GError              **error);

G_END_DECLS
