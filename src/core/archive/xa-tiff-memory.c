/* xa-tiff-memory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libtiff over bytes in memory: a file's pages are counted, and a page decoded, without
 * writing the bytes anywhere.
 */

#include "config.h"

#include <string.h>

#include "xa-tiff-memory.h"

static tmsize_t
memory_read (thandle_t handle,
             void     *buffer,
             tmsize_t  size)
{
  XaTiffMemory *memory = handle;
  tmsize_t n;

  if (memory->offset >= memory->size)
    return 0;
  n = (tmsize_t) MIN ((gsize) size, memory->size - memory->offset);
  memcpy (buffer, memory->data + memory->offset, n);
  memory->offset += n;
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
  XaTiffMemory *memory = handle;

  switch (whence)
    {
    case SEEK_SET:
      memory->offset = offset;
      break;
    case SEEK_CUR:
      memory->offset += offset;
      break;
    case SEEK_END:
      memory->offset = memory->size + offset;
      break;
    default:
      return (toff_t) -1;
    }
  return memory->offset;
}

static int
memory_close (thandle_t handle)
{
  return 0;
}

static toff_t
memory_size (thandle_t handle)
{
  return ((XaTiffMemory *) handle)->size;
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

/* A damaged file is said so by our own message, naming it; libtiff's go nowhere. */
static void
quiet_handler (const char *module,
               const char *format,
               va_list     args)
{
}

/**
 * xa_tiff_memory_open:
 * @memory: (out caller-allocates): where libtiff reads @bytes from
 *
 * Returns: (nullable): the TIFF, to close with TIFFClose(); %NULL when @bytes are not
 *   one libtiff can open
 */
TIFF *
xa_tiff_memory_open (XaTiffMemory *memory,
                     GBytes       *bytes)
{
  memory->data = g_bytes_get_data (bytes, &memory->size);
  memory->offset = 0;

  TIFFSetErrorHandler (quiet_handler);
  TIFFSetWarningHandler (quiet_handler);
  return TIFFClientOpen ("memory", "rm", (thandle_t) memory, memory_read, memory_write, memory_seek,
                         memory_close, memory_size, memory_map, memory_unmap);
}

/**
 * xa_tiff_memory_count_pages:
 *
 * Returns: the pages (directories) of @tiff; a loop of directories ends at a bound
 */
int
xa_tiff_memory_count_pages (TIFF *tiff)
{
  int pages = 0;

  do
    pages++;
  while (pages < 100000 && TIFFReadDirectory (tiff));

  return pages;
}
