/* xa-image-exif.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a photo's EXIF data says that the ledger uses: when it was taken
 * (DateTimeOriginal) and which way up it is (Orientation). libexif reads a JPEG's APP1
 * segment by itself; a PNG keeps the same data in its eXIf chunk, which is found here
 * and handed to libexif as the APP1 segment would be. A photo without EXIF data, or
 * with data that does not parse, simply has neither.
 */

#include "config.h"

#include <libexif/exif-data.h>
#include <string.h>

#include "xa-image.h"

static const guchar png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The content of a PNG's eXIf chunk, prefixed with "Exif\0\0" as libexif wants it, or
 * NULL. The chunk comes before the image data (PNG 3rd edition); the walk stops there. */
static GBytes *
find_png_exif (const guchar *data,
               gsize         length)
{
  gsize offset = sizeof png_signature;

  while (length - offset >= 12)
    {
      guint32 chunk_length = read_be32 (data + offset);
      const guchar *type = data + offset + 4;

      if (chunk_length > length - offset - 12)
        return NULL;

      if (memcmp (type, "eXIf", 4) == 0)
        {
          guchar *exif = g_malloc (chunk_length + 6);

          memcpy (exif, "Exif\0\0", 6);
          memcpy (exif + 6, type + 4, chunk_length);
          return g_bytes_new_take (exif, chunk_length + 6);
        }

      if (memcmp (type, "IDAT", 4) == 0 || memcmp (type, "IEND", 4) == 0)
        return NULL;

      offset += 12 + (gsize) chunk_length;
    }

  return NULL;
}

static ExifData *
load_exif (GBytes *bytes)
{
  g_autoptr(GBytes) png_exif = NULL;
  const guchar *data;
  gsize length = 0;
  ExifData *exif;

  switch (xa_image_sniff (bytes))
    {
    case XA_IMAGE_FORMAT_JPEG:
      data = g_bytes_get_data (bytes, &length);
      break;
    case XA_IMAGE_FORMAT_PNG:
      data = g_bytes_get_data (bytes, &length);
      if (!(png_exif = find_png_exif (data, length)))
        return NULL;
      data = g_bytes_get_data (png_exif, &length);
      break;
    case XA_IMAGE_FORMAT_NONE:
    default:
      return NULL;
    }

  if (length > G_MAXUINT)
    return NULL;

  if (!(exif = exif_data_new ()))
    return NULL;

  /* Read what is there; never "repair" it with made-up mandatory tags. */
  exif_data_unset_option (exif, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
  exif_data_load_data (exif, data, (unsigned int) length);
  return exif;
}

static const ExifEntry *
find_entry (ExifData *exif,
            ExifIfd   ifd,
            ExifTag   tag)
{
  return exif->ifd[ifd] != NULL ? exif_content_get_entry (exif->ifd[ifd], tag) : NULL;
}

/* "2021:10:05 14:03:00" → "2021-10-05T14:03:00"; NULL for a blank or impossible time. */
static char *
parse_exif_time (const ExifEntry *entry)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) time = NULL;
  int y, mo, d, h, mi, s;
  char tail;

  if (entry == NULL || entry->format != EXIF_FORMAT_ASCII || entry->data == NULL ||
      entry->size < 19)
    return NULL;

  text = g_strndup ((const char *) entry->data, MIN (entry->size, 32));
  if (sscanf (text, "%4d:%2d:%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) != 6 ||
      strlen (text) != 19)
    return NULL;

  /* The camera's local time, as it was set: no zone is assumed or converted. */
  if (y < 1900 || !(time = g_date_time_new_utc (y, mo, d, h, mi, s)))
    return NULL;

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
}

/**
 * xa_image_dup_taken_at:
 * @bytes: a JPEG or PNG
 *
 * Returns: (transfer full) (nullable): when the photo was taken, by its EXIF
 *   DateTimeOriginal (else DateTimeDigitized), as YYYY-MM-DDTHH:MM:SS in the camera's
 *   own time; %NULL when the photo does not say
 */
char *
xa_image_dup_taken_at (GBytes *bytes)
{
  ExifData *exif;
  char *taken_at;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(exif = load_exif (bytes)))
    return NULL;

  taken_at = parse_exif_time (find_entry (exif, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL));
  if (taken_at == NULL)
    taken_at = parse_exif_time (find_entry (exif, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_DIGITIZED));

  exif_data_unref (exif);
  return taken_at;
}

/**
 * xa_image_get_orientation:
 * @bytes: a JPEG or PNG
 *
 * Returns: the EXIF Orientation, 1 (as stored) to 8; 1 when the photo has none
 */
int
xa_image_get_orientation (GBytes *bytes)
{
  const ExifEntry *entry;
  ExifData *exif;
  int orientation = 1;

  g_return_val_if_fail (bytes != NULL, 1);

  if (!(exif = load_exif (bytes)))
    return 1;

  entry = find_entry (exif, EXIF_IFD_0, EXIF_TAG_ORIENTATION);
  if (entry != NULL && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1 &&
      entry->data != NULL && entry->size >= 2)
    {
      int value = exif_get_short (entry->data, exif_data_get_byte_order (exif));

      if (value >= 1 && value <= 8)
        orientation = value;
    }

  exif_data_unref (exif);
  return orientation;
}
