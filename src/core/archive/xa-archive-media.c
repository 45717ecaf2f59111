/* xa-archive-media.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an archived file is, read from its first bytes and never from its name (a scan
 * saved as .pdf by a copier may be a JPEG): PDF, JPEG, PNG and TIFF, the formats of
 * scanners and copiers. A TIFF's pages are counted with libtiff reading the bytes in
 * memory, so that a multi-page scan says how many pages it has when it comes.
 */

#include "config.h"

#include <string.h>
#include "xa-archive-private.h"
#include "xa-tiff-memory.h"

static const struct
{
  const char *media_type;
  const char *magic;
  gsize       length;
} magics[] = {
  { "application/pdf", "%PDF-", 5 },
  { "image/jpeg", "\377\330\377", 3 },
  { "image/png", "\211PNG\r\n\032\n", 8 },
  { "image/tiff", "II*\0", 4 },
  { "image/tiff", "MM\0*", 4 },
};

/**
 * _xa_archive_sniff_media_type:
 *
 * Returns: (nullable): the media type of @content by its first bytes, or %NULL when it
 *   is none the archive keeps
 */
const char *
_xa_archive_sniff_media_type (GBytes *content)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (content, &size);

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    {
      if (size >= magics[i].length && memcmp (data, magics[i].magic, magics[i].length) == 0)
        return magics[i].media_type;
    }

  return NULL;
}

/**
 * _xa_archive_count_pages:
 *
 * Returns: the pages of a TIFF (each directory a page), 1 for JPEG and PNG, 0 when not
 *   known here (a PDF, counted when it is shown) or when a TIFF cannot be read
 */
int
_xa_archive_count_pages (GBytes     *content,
                         const char *media_type)
{
  XaTiffMemory memory;
  TIFF *tiff;
  int pages = 0;

  if (g_strcmp0 (media_type, "image/jpeg") == 0 || g_strcmp0 (media_type, "image/png") == 0)
    return 1;
  if (g_strcmp0 (media_type, "image/tiff") != 0)
    return 0;

  if ((tiff = xa_tiff_memory_open (&memory, content)))
    {
      pages = xa_tiff_memory_count_pages (tiff);
      TIFFClose (tiff);
    }

  return pages;
}
