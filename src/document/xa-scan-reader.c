/* xa-scan-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the page codes (xa-page-code.c) off a scan of signed agreements: a scanned PDF,
 * each page rendered by Poppler in grey at 200 dpi within a 40-megapixel budget, or
 * images (JPEG and PNG through gdk-pixbuf, TIFF of many pages through libtiff). zbar
 * finds the QR codes on the whole page, so that a page fed upside down or a little
 * askew is read as well. What the codes say is matched in xa-scan-match.c.
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <tiffio.h>
#include <zbar.h>

#include "xa-poppler-private.h"
#include "xa-scan-reader.h"

static void
scan_grey (zbar_image_scanner_t *scanner,
           const guint8         *pixels,
           int                   width,
           int                   height,
           GStrvBuilder         *found,
           guint                *n_found)
{
  zbar_image_t *image = zbar_image_create ();

  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, width, height);
  zbar_image_set_data (image, pixels, (unsigned long) width * height, NULL);

  if (zbar_scan_image (scanner, image) > 0)
    {
      for (const zbar_symbol_t *symbol = zbar_image_first_symbol (image);
           symbol != NULL; symbol = zbar_symbol_next (symbol))
        if (zbar_symbol_get_type (symbol) == ZBAR_QRCODE)
          {
            g_strv_builder_add (found, zbar_symbol_get_data (symbol));
            (*n_found)++;
          }
    }

  zbar_image_destroy (image);
}

/* Black and white at the threshold that parts the page's two tones best (Otsu's): the
 * paper's grain and a scanner's noise go, the code's modules stay. */
static guint8 *
binarise (const guint8 *pixels,
          gsize         n)
{
  guint64 histogram[256] = { 0 };
  guint64 sum = 0, sum_below = 0, n_below = 0;
  double best = -1;
  guint threshold = 128;
  guint8 *out = g_malloc (n);

  for (gsize i = 0; i < n; i++)
    histogram[pixels[i]]++;
  for (guint v = 0; v < 256; v++)
    sum += (guint64) v * histogram[v];

  for (guint v = 0; v < 256; v++)
    {
      double mean_below, mean_above, between;

      n_below += histogram[v];
      sum_below += (guint64) v * histogram[v];
      if (n_below == 0 || n_below == n)
        continue;
      mean_below = (double) sum_below / n_below;
      mean_above = (double) (sum - sum_below) / (n - n_below);
      between = (double) n_below * (n - n_below) * (mean_below - mean_above) * (mean_below - mean_above);
      if (between > best)
        {
          best = between;
          threshold = v;
        }
    }

  for (gsize i = 0; i < n; i++)
    out[i] = pixels[i] <= threshold ? 0 : 255;
  return out;
}

/* Twice the size, each new pixel the mean of its neighbours: zbar finds a code of small
 * modules (a 150 dpi scan, a photo from afar) better so. */
static guint8 *
double_size (const guint8 *pixels,
             int           width,
             int           height)
{
  int w = width * 2, h = height * 2;
  guint8 *out = g_malloc ((gsize) w * h);

  for (int y = 0; y < h; y++)
    {
      int y0 = MIN (y / 2, height - 1), y1 = MIN ((y + 1) / 2, height - 1);

      for (int x = 0; x < w; x++)
        {
          int x0 = MIN (x / 2, width - 1), x1 = MIN ((x + 1) / 2, width - 1);

          out[(gsize) y * w + x] = (pixels[(gsize) y0 * width + x0] + pixels[(gsize) y0 * width + x1] +
                                    pixels[(gsize) y1 * width + x0] + pixels[(gsize) y1 * width + x1] + 2) / 4;
        }
    }

  return out;
}

/**
 * xa_scan_decode_grey:
 * @pixels: one byte of grey per pixel, rows without padding
 *
 * Finds the QR codes on a page: as scanned, then in black and white, then at twice the
 * size (within the pixel budget), until one is found.
 *
 * Returns: (transfer full): the texts of the QR codes found, in the order zbar gives
 *   them; empty when none
 */
GStrv
xa_scan_decode_grey (const guint8 *pixels,
                     int           width,
                     int           height)
{
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();
  guint n_found = 0;

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);

  scan_grey (scanner, pixels, width, height, found, &n_found);
  if (n_found == 0)
    {
      g_autofree guint8 *sharp = binarise (pixels, (gsize) width * height);

      scan_grey (scanner, sharp, width, height, found, &n_found);
      if (n_found == 0 && (double) width * height * 4 <= XA_SCAN_PIXEL_BUDGET)
        {
          g_autofree guint8 *large = double_size (sharp, width, height);

          scan_grey (scanner, large, width * 2, height * 2, found, &n_found);
        }
    }

  zbar_image_scanner_destroy (scanner);
  return g_strv_builder_end (found);
}

/* Grey from 8-bit red, green and blue, with ITU-R BT.601's weights. */
static inline guint8
grey_of (guint r,
         guint g,
         guint b)
{
  return (guint8) ((299 * r + 587 * g + 114 * b + 500) / 1000);
}

static void
add_page (GArray     *pages,
          const char *path,
          guint       index,
          GStrv       codes)
{
  XaScanPage page = { g_strdup (path), index, codes };

  g_array_append_val (pages, page);
}

static gboolean
read_pdf (const char    *path,
          GBytes        *bytes,
          GArray        *pages,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  int n;

  if (document == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a PDF that can be read: %s"), path, local_error->message);
      return FALSE;
    }

  n = poppler_document_get_n_pages (document);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree guint8 *grey = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;
      double width, height, scale;
      int w, h, stride;
      const guint8 *data;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      poppler_page_get_size (page, &width, &height);
      if (!(width > 0 && height > 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: page %d has no size"), path, i + 1);
          return FALSE;
        }

      /* 200 dpi, less for a page too large to stay within the budget. */
      scale = XA_SCAN_DPI / 72.0;
      if (width * scale * height * scale > XA_SCAN_PIXEL_BUDGET)
        scale = sqrt (XA_SCAN_PIXEL_BUDGET / (width * height));
      w = MAX (1, (int) (width * scale));
      h = MAX (1, (int) (height * scale));

      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("%s: page %d cannot be drawn: %s"), path, i + 1,
                       cairo_status_to_string (cairo_surface_status (surface)));
          cairo_surface_destroy (surface);
          return FALSE;
        }

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      grey = g_malloc ((gsize) w * h);
      for (int y = 0; y < h; y++)
        {
          const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

          for (int x = 0; x < w; x++)
            grey[(gsize) y * w + x] = grey_of ((row[x] >> 16) & 0xff, (row[x] >> 8) & 0xff, row[x] & 0xff);
        }
      cairo_surface_destroy (surface);

      add_page (pages, path, i, xa_scan_decode_grey (grey, w, h));
    }

  return TRUE;
}

static gboolean
read_pixbuf (const char  *path,
             GArray      *pages,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autofree guint8 *grey = NULL;
  int width = 0, height = 0;
  int w, h, stride, channels;
  const guint8 *data;

  if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not an image that can be read"), path);
      return FALSE;
    }

  /* Within the budget: a larger image is read scaled down. */
  if ((double) width * height > XA_SCAN_PIXEL_BUDGET)
    {
      double scale = sqrt ((double) XA_SCAN_PIXEL_BUDGET / ((double) width * height));

      pixbuf = gdk_pixbuf_new_from_file_at_size (path, MAX (1, (int) (width * scale)),
                                                 MAX (1, (int) (height * scale)), &local_error);
    }
  else
    pixbuf = gdk_pixbuf_new_from_file (path, &local_error);

  if (pixbuf == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not an image that can be read: %s"), path, local_error->message);
      return FALSE;
    }

  /* A camera's JPEG may say which way is up. */
  upright = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  w = gdk_pixbuf_get_width (upright);
  h = gdk_pixbuf_get_height (upright);
  stride = gdk_pixbuf_get_rowstride (upright);
  channels = gdk_pixbuf_get_n_channels (upright);
  data = gdk_pixbuf_read_pixels (upright);

  grey = g_malloc ((gsize) w * h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = data + (gsize) y * stride + (gsize) x * channels;
        guint value = channels >= 3 ? grey_of (p[0], p[1], p[2]) : p[0];

        /* A transparent pixel is paper. */
        if (channels == 4 || channels == 2)
          {
            guint alpha = p[channels - 1];

            value = (value * alpha + 255 * (255 - alpha)) / 255;
          }
        grey[(gsize) y * w + x] = (guint8) value;
      }

  add_page (pages, path, 0, xa_scan_decode_grey (grey, w, h));
  return TRUE;
}

static void
ignore_tiff_message (const char *module,
                     const char *format,
                     va_list     args)
{
}

static gboolean
read_tiff (const char  *path,
           GArray      *pages,
           GError     **error)
{
  TIFF *tiff;
  guint index = 0;

  TIFFSetWarningHandler (ignore_tiff_message);
  TIFFSetErrorHandler (ignore_tiff_message);

  if ((tiff = TIFFOpen (path, "r")) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: not a TIFF image that can be read"), path);
      return FALSE;
    }

  do
    {
      guint32 width = 0, height = 0;
      g_autofree guint32 *rgba = NULL;
      g_autofree guint8 *grey = NULL;

      TIFFGetField (tiff, TIFFTAG_IMAGEWIDTH, &width);
      TIFFGetField (tiff, TIFFTAG_IMAGELENGTH, &height);
      if (width == 0 || height == 0 || (double) width * height > XA_SCAN_PIXEL_BUDGET)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: page %u is %u × %u pixels, more than 40 megapixels or none"),
                       path, index + 1, width, height);
          TIFFClose (tiff);
          return FALSE;
        }

      rgba = g_malloc ((gsize) width * height * sizeof (guint32));
      if (!TIFFReadRGBAImageOriented (tiff, width, height, rgba, ORIENTATION_TOPLEFT, 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: page %u cannot be read"), path, index + 1);
          TIFFClose (tiff);
          return FALSE;
        }

      grey = g_malloc ((gsize) width * height);
      for (gsize i = 0; i < (gsize) width * height; i++)
        grey[i] = grey_of (TIFFGetR (rgba[i]), TIFFGetG (rgba[i]), TIFFGetB (rgba[i]));

      add_page (pages, path, index++, xa_scan_decode_grey (grey, width, height));
    }
  while (TIFFReadDirectory (tiff));

  TIFFClose (tiff);
  return TRUE;
}

static gboolean
read_file (const char    *path,
           GArray        *pages,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &local_error);
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *head;
  gsize size;

  if (mapped == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: cannot be read: %s"), path, local_error->message);
      return FALSE;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  head = g_bytes_get_data (bytes, &size);

  /* By what the file holds, whatever its name says. */
  if (size >= 5 && memcmp (head, "%PDF-", 5) == 0)
    return read_pdf (path, bytes, pages, cancellable, error);
  if (size >= 4 && (memcmp (head, "II*\0", 4) == 0 || memcmp (head, "MM\0*", 4) == 0))
    return read_tiff (path, pages, error);
  if (size >= 8 && (memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0 || memcmp (head, "\xff\xd8\xff", 3) == 0))
    return read_pixbuf (path, pages, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               size == 0 ? _("%s: the file is empty")
                         : _("%s: neither a PDF nor a JPEG, PNG or TIFF image"), path);
  return FALSE;
}

static void
scan_page_clear (gpointer data)
{
  xa_scan_page_clear (data);
}

/**
 * xa_scan_read_files:
 * @paths: the scan's files, in order: PDFs and images
 *
 * Reads the codes on every page of every file. Blocks: the app calls
 * xa_scan_read_files_async().
 *
 * Returns: (transfer full) (element-type XaScanPage): the pages in order, or %NULL with
 *   @error naming the file that cannot be read
 */
GArray *
xa_scan_read_files (const char * const  *paths,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, TRUE, sizeof (XaScanPage));

  g_return_val_if_fail (paths != NULL, NULL);

  g_array_set_clear_func (pages, scan_page_clear);
  for (guint i = 0; paths[i] != NULL; i++)
    if (!read_file (paths[i], pages, cancellable, error))
      return NULL;

  return g_steal_pointer (&pages);
}

static void
read_files_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *pages = xa_scan_read_files ((const char * const *) task_data, cancellable, &error);

  if (pages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pages, (GDestroyNotify) g_array_unref);
}

/**
 * xa_scan_read_files_async:
 *
 * xa_scan_read_files() in a worker thread.
 */
void
xa_scan_read_files_async (const char * const  *paths,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, xa_scan_read_files_async);
  g_task_set_task_data (task, g_strdupv ((char **) paths), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, read_files_thread);
}

/**
 * xa_scan_read_files_finish:
 *
 * Returns: (transfer full) (element-type XaScanPage): the pages, or %NULL with @error set
 */
GArray *
xa_scan_read_files_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
