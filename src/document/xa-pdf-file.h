/* xa-pdf-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Draws pages onto an A4 PDF surface; returns FALSE with @error set on failure. */
typedef gboolean (*XaPdfDrawFunc) (gpointer          data,
                                   cairo_surface_t  *pdf_surface,
                                   GError          **error);

GBytes   *xa_pdf_file_render (XaPdfDrawFunc   draw,
                              gpointer        data,
                              GError        **error);
gboolean  xa_pdf_file_save   (GBytes         *pdf,
                              const char     *path,
                              GError        **error);
char     *xa_pdf_file_dup_local_path (GFile   *file,
                                      GError **error);

G_END_DECLS
