/* xa-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decoding photos with a pixel budget. A file of a few hundred bytes can claim
 * 100000 × 100000 pixels, 40 GB once decoded; a truncated or made-up file must give a
 * message, not a crash. So: only JPEG and PNG, told by their first bytes and decoded by
 * gdk-pixbuf's loader of that one type (never by whichever loader guesses it); the
 * dimensions are read from the header (the loader's size-prepared signal, before it
 * allocates anything) and an image over the budget is refused there; what is decoded is
 * scaled down to the size asked for as it is read (a JPEG is decoded at a fraction of
 * its size), and turned the right way up by its EXIF orientation.
 *
 * gdk-pixbuf is not the sandboxed decoder reliability.md row 23 would like (glycin is
 * not in Debian 12); the type allow-list and the budget are what stands between a
 * hostile file and the process here.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-image.h"

G_DEFINE_QUARK (xa-image-error-quark, xa_image_error)

/* Bytes handed to a loader at a time: the header comes in the first, and the probe
 * stops there. */
#define CHUNK_SIZE (64 * 1024)

void
xa_image_info_clear (XaImageInfo *info)
{
  g_clear_pointer (&info->taken_at, g_free);
}

/**
 * xa_image_sniff:
 *
 * Returns: the format @bytes begin as, whatever their file's name says
 */
XaImageFormat
xa_image_sniff (GBytes *bytes)
{
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff };
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize length = 0;
  const guchar *data;

  g_return_val_if_fail (bytes != NULL, XA_IMAGE_FORMAT_NONE);

  data = g_bytes_get_data (bytes, &length);
  if (length >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return XA_IMAGE_FORMAT_JPEG;
  if (length >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return XA_IMAGE_FORMAT_PNG;

  return XA_IMAGE_FORMAT_NONE;
}

/**
 * xa_image_format_to_media_type:
 *
 * Returns: (nullable): "image/jpeg" or "image/png"
 */
const char *
xa_image_format_to_media_type (XaImageFormat format)
{
  switch (format)
    {
    case XA_IMAGE_FORMAT_JPEG:
      return "image/jpeg";
    case XA_IMAGE_FORMAT_PNG:
      return "image/png";
    case XA_IMAGE_FORMAT_NONE:
    default:
      return NULL;
    }
}

static const char *
loader_type (XaImageFormat format)
{
  return format == XA_IMAGE_FORMAT_JPEG ? "jpeg" : "png";
}

typedef struct
{
  int      width;
  int      height;
  int      max_size;    /* 0: only read the size, decode nothing */
  gboolean refused;     /* the size is over the budget: nothing was decoded */
} Probe;

static gboolean
within_budget (int width,
               int height)
{
  return width > 0 && height > 0 &&
         (gint64) width * (gint64) height <= XA_IMAGE_PIXEL_BUDGET;
}

/* The header has been read and nothing allocated yet: stop here, or say how small to
 * decode. A size of 0 × 0 makes the loader give up at once. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Probe *probe = user_data;

  probe->width = width;
  probe->height = height;

  if (probe->max_size <= 0 || !within_budget (width, height))
    {
      probe->refused = probe->max_size > 0;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  if (MAX (width, height) > probe->max_size)
    {
      double scale = (double) probe->max_size / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)));
    }
}

/* Feeds @bytes to a loader of their type until it is done, fails, or @probe has what
 * it needs. Returns the loader's pixbuf when it decoded one. */
static GdkPixbuf *
run_loader (GBytes         *bytes,
            XaImageFormat   format,
            Probe          *probe,
            GError        **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);
  gboolean ok = TRUE;
  GdkPixbuf *pixbuf;

  if (!(loader = gdk_pixbuf_loader_new_with_type (loader_type (format), &local_error)))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), probe);

  for (gsize offset = 0; ok && offset < length; offset += CHUNK_SIZE)
    {
      ok = gdk_pixbuf_loader_write (loader, data + offset, MIN (CHUNK_SIZE, length - offset),
                                    &local_error);
      if (probe->width > 0 && (probe->max_size <= 0 || probe->refused))
        break;
    }

  /* Closing a loader that failed or stopped early reports that again: only the first
   * failure counts. */
  if (!gdk_pixbuf_loader_close (loader, ok ? &local_error : NULL))
    ok = FALSE;

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  return pixbuf ? g_object_ref (pixbuf) : NULL;
}

static const char *
display_name (const char *name)
{
  /* Translators: how a message names an image that has no file name. */
  return name != NULL && name[0] != '\0' ? name : _("the image");
}

static gboolean
check_format (GBytes         *bytes,
              const char     *name,
              XaImageFormat  *format,
              GError        **error)
{
  if ((*format = xa_image_sniff (bytes)) != XA_IMAGE_FORMAT_NONE)
    return TRUE;

  if (g_bytes_get_size (bytes) == 0)
    g_set_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_NOT_IMAGE,
                 _("“%s” is empty: it holds no photo"), display_name (name));
  else
    g_set_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_NOT_IMAGE,
                 _("“%s” is not a photo: only JPEG and PNG images can be added"),
                 display_name (name));
  return FALSE;
}

static void
set_damaged_error (const char  *name,
                   GError      *cause,
                   GError     **error)
{
  g_debug ("Cannot decode %s: %s", display_name (name), cause ? cause->message : "no image");
  g_set_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED,
               _("“%s” is damaged or incomplete: it cannot be shown as an image"),
               display_name (name));
}

static void
set_too_large_error (const char  *name,
                     int          width,
                     int          height,
                     GError     **error)
{
  g_set_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_TOO_LARGE,
               _("“%s” is %d × %d pixels, more than the %d megapixels a photo may have; save it smaller and add it again"),
               display_name (name), width, height, XA_IMAGE_PIXEL_BUDGET / 1000000);
}

/**
 * xa_image_read_info:
 * @name: (nullable): the file's name, for messages
 * @info: (out caller-allocates): what the header and EXIF data say
 *
 * Reads an image's format and dimensions from its header and what its EXIF data say,
 * without decoding it. Refuses what is not a JPEG or a PNG, a header that cannot be
 * read, and an image over %XA_IMAGE_PIXEL_BUDGET, each with a message naming @name.
 *
 * Returns: %TRUE when the image can be decoded within the budget
 */
gboolean
xa_image_read_info (GBytes       *bytes,
                    const char   *name,
                    XaImageInfo  *info,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) nothing = NULL;
  Probe probe = { 0, 0, 0, FALSE };
  XaImageFormat format;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  if (!check_format (bytes, name, &format, error))
    return FALSE;

  /* The probe stops the loader at its header: that it then fails is expected. */
  nothing = run_loader (bytes, format, &probe, &local_error);
  if (probe.width <= 0 || probe.height <= 0)
    {
      set_damaged_error (name, local_error, error);
      return FALSE;
    }

  if (!within_budget (probe.width, probe.height))
    {
      set_too_large_error (name, probe.width, probe.height, error);
      return FALSE;
    }

  info->format = format;
  info->width = probe.width;
  info->height = probe.height;
  info->orientation = xa_image_get_orientation (bytes);
  info->taken_at = xa_image_dup_taken_at (bytes);
  return TRUE;
}

/* Whether a JPEG's main image reaches its end (EOI): its segments are walked by their
 * lengths to the first scan, past an EXIF thumbnail's own markers, and the end marker
 * must follow. gdk-pixbuf shows a file cut in half as an image with its lower half
 * grey, which must not pass for a photo of a rectification. */
static gboolean
jpeg_is_whole (const guchar *data,
               gsize         length)
{
  gsize offset = 2;

  while (offset + 4 <= length)
    {
      guchar marker;

      if (data[offset] != 0xff)
        return FALSE;
      marker = data[offset + 1];
      if (marker == 0xff)  /* fill bytes before a marker */
        {
          offset++;
          continue;
        }
      if (marker == 0xda)  /* the first scan: the entropy-coded data and the end follow */
        {
          for (gsize i = offset + 2; i + 1 < length; i++)
            if (data[i] == 0xff && data[i + 1] == 0xd9)
              return TRUE;
          return FALSE;
        }
      offset += 2 + (((gsize) data[offset + 2] << 8) | data[offset + 3]);
    }

  return FALSE;
}

/* Whether a PNG's chunks, walked by their lengths, reach IEND. */
static gboolean
png_is_whole (const guchar *data,
              gsize         length)
{
  gsize offset = 8;

  while (offset + 12 <= length)
    {
      guint32 chunk = ((guint32) data[offset] << 24) | ((guint32) data[offset + 1] << 16) |
                      ((guint32) data[offset + 2] << 8) | data[offset + 3];

      if (memcmp (data + offset + 4, "IEND", 4) == 0)
        return TRUE;
      if (chunk > length - offset - 12)
        return FALSE;
      offset += 12 + chunk;
    }

  return FALSE;
}

static gboolean
check_whole (GBytes         *bytes,
             const char     *name,
             XaImageFormat   format,
             GError        **error)
{
  gsize length = 0;
  const guchar *data = g_bytes_get_data (bytes, &length);

  if (format == XA_IMAGE_FORMAT_JPEG ? jpeg_is_whole (data, length) : png_is_whole (data, length))
    return TRUE;

  g_set_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED,
               _("“%s” is cut short: the file ends before its image does (it may not have been copied whole)"),
               display_name (name));
  return FALSE;
}

/* Turns @pixbuf as EXIF orientation @orientation says the camera was held. */
static GdkPixbuf *
apply_orientation (GdkPixbuf *pixbuf,
                   int        orientation)
{
  g_autoptr(GdkPixbuf) turned = NULL;

  switch (orientation)
    {
    case 2:
      return gdk_pixbuf_flip (pixbuf, TRUE);
    case 3:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_UPSIDEDOWN);
    case 4:
      return gdk_pixbuf_flip (pixbuf, FALSE);
    case 5:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
      return turned ? gdk_pixbuf_flip (turned, TRUE) : NULL;
    case 6:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
    case 7:
      turned = gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_CLOCKWISE);
      return turned ? gdk_pixbuf_flip (turned, FALSE) : NULL;
    case 8:
      return gdk_pixbuf_rotate_simple (pixbuf, GDK_PIXBUF_ROTATE_COUNTERCLOCKWISE);
    default:
      return g_object_ref (pixbuf);
    }
}

/**
 * xa_image_decode:
 * @name: (nullable): the file's name, for messages
 * @max_size: the longest side the result may have, in pixels: a thumbnail's (256) or a
 *   preview's (2048)
 *
 * Decodes a JPEG or PNG no larger than @max_size on its longer side, the right way up.
 * The header is read first and an image over %XA_IMAGE_PIXEL_BUDGET is refused before
 * anything is decoded; a file that is not an image, or broken, or cut short (a JPEG
 * without the end of its image, a PNG without IEND, which gdk-pixbuf would show with a
 * grey lower part), is refused with a message naming @name. Safe on any bytes; call it from a worker thread.
 *
 * Returns: (transfer full): the image, or %NULL with @error set (%XA_IMAGE_ERROR)
 */
GdkPixbuf *
xa_image_decode (GBytes      *bytes,
                 const char  *name,
                 int          max_size,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  Probe probe = { 0, 0, MAX (max_size, 1), FALSE };
  XaImageFormat format;
  GdkPixbuf *turned;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!check_format (bytes, name, &format, error))
    return NULL;

  pixbuf = run_loader (bytes, format, &probe, &local_error);
  if (probe.refused)
    {
      set_too_large_error (name, probe.width, probe.height, error);
      return NULL;
    }
  if (pixbuf == NULL)
    {
      set_damaged_error (name, local_error, error);
      return NULL;
    }
  if (!check_whole (bytes, name, format, error))
    return NULL;

  if (!(turned = apply_orientation (pixbuf, xa_image_get_orientation (bytes))))
    {
      g_set_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_TOO_LARGE,
                   _("There is not enough memory to show “%s”"), display_name (name));
      return NULL;
    }

  return turned;
}
