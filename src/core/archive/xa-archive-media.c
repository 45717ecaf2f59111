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
#include <tiffio.h>

#include "xa-archive-private.h"

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

/* libtiff reads the bytes through these. */
typedef struct
{
  const guint8 *data;
  gsize         size;
  toff_t        offset;
} MemoryFile;

static tmsize_t
memory_read (thandle_t handle,
             void     *buffer,
             tmsize_t  size)
{
  MemoryFile *file = handle;
  tmsize_t n;

  if (file->offset >= file->size)
    return 0;
  n = (tmsize_t) MIN ((gsize) size, file->size - file->offset);
  memcpy (buffer, file->data + file->offset, n);
  file->offset += n;
  return n;
}

static tmsize_t
memory_write (thandle_t handle,
              void     *buffer,
              tmsize_t  size)
{
  return -1;
}

static toff_t
memory_seek (thandle_t handle,
             toff_t    offset,
             int       whence)
{
  MemoryFile *file = handle;

  switch (whence)
    {
    case SEEK_SET:
      file->offset = offset;
      break;
    case SEEK_CUR:
      file->offset += offset;
      break;
    case SEEK_END:
      file->offset = file->size + offset;
      break;
    default:
      return (toff_t) -1;
    }
  return file->offset;
}

static int
memory_close (thandle_t handle)
{
  return 0;
}

static toff_t
memory_size (thandle_t handle)
{
  return ((MemoryFile *) handle)->size;
}

static int
memory_map (thandle_t  handle,
            void     **base,
            toff_t    *size)
{
  return 0;
}

static void
memory_unmap (thandle_t handle,
              void     *base,
              toff_t    size)
{
}

/* libtiff's own messages go to stderr by default; a damaged file says so to the user
 * through our message instead. */
static void
quiet_handler (const char *module,
               const char *format,
               va_list     args)
{
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
  MemoryFile file = { NULL, 0, 0 };
  TIFFErrorHandler old_error, old_warning;
  TIFF *tiff;
  int pages = 0;

  if (g_strcmp0 (media_type, "image/jpeg") == 0 || g_strcmp0 (media_type, "image/png") == 0)
    return 1;
  if (g_strcmp0 (media_type, "image/tiff") != 0)
    return 0;

  file.data = g_bytes_get_data (content, &file.size);
  old_error = TIFFSetErrorHandler (quiet_handler);
  old_warning = TIFFSetWarningHandler (quiet_handler);
  if ((tiff = TIFFClientOpen ("archive", "rm", &file, memory_read, memory_write, memory_seek,
                              memory_close, memory_size, memory_map, memory_unmap)))
    {
      /* A loop of directories ends at a bound rather than never. */
      do
        pages++;
      while (pages < 100000 && TIFFReadDirectory (tiff));
      TIFFClose (tiff);
    }
  TIFFSetErrorHandler (old_error);
  TIFFSetWarningHandler (old_warning);

  return pages;
}
