/* xa-scan-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/agreements/xa-scan-match.h"

G_BEGIN_DECLS

/* A scanned PDF's pages are read at this resolution, within the pixel budget. */
#define XA_SCAN_DPI          200.0
#define XA_SCAN_PIXEL_BUDGET (40 * 1000 * 1000)

GStrv   xa_scan_decode_grey        (const guint8        *pixels,
                                    int                  width,
                                    int                  height);
GArray *xa_scan_read_files         (const char * const  *paths,
                                    GCancellable        *cancellable,
                                    GError             **error);
void    xa_scan_read_files_async   (const char * const  *paths,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GArray *xa_scan_read_files_finish  (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
