/* xa-tiff-memory.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <tiffio.h>

G_BEGIN_DECLS

/* A TIFF read by libtiff from bytes in memory (a file being archived, or the bytes the
 * preview helper was given), its messages kept off stderr. @memory must outlive the
 * TIFF. Also compiled into the preview helper (src/preview/meson.build). */
typedef struct
{
  const guint8 *data;
  gsize         size;
  toff_t        offset;
} XaTiffMemory;

TIFF *xa_tiff_memory_open        (XaTiffMemory *memory,
                                  GBytes       *bytes);
int   xa_tiff_memory_count_pages (TIFF         *tiff);

G_END_DECLS
