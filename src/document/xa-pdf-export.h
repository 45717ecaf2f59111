/* xa-pdf-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-page-set.h"

G_BEGIN_DECLS

/* Lays out the pages of a document in a worker thread, from what @data holds (read
 * there from the store, or a copy taken on the main thread). Returns: (transfer full)
 * (nullable): the pages, or %NULL with @error set. */
typedef XaPageSet *(*XaPdfPagesFunc) (gpointer   data,
                                      GError   **error);

void        xa_pdf_pages_async    (XaPdfPagesFunc        pages_func,
                                   gpointer              data,
                                   GDestroyNotify        data_free,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
XaPageSet  *xa_pdf_pages_finish   (GAsyncResult         *result,
                                   GError              **error);

void        xa_pdf_export_async   (XaPdfPagesFunc        pages_func,
                                   gpointer              data,
                                   GDestroyNotify        data_free,
                                   GFile                *file,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
void        xa_pdf_export_signed_async (XaPdfPagesFunc   pages_func,
                                        gpointer         data,
                                        GDestroyNotify   data_free,
                                        const char      *p12_path,
                                        const char      *password,
                                        gboolean         visible,
                                        GFile           *file,
                                        GCancellable    *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer         user_data);
gboolean    xa_pdf_export_finish  (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
