/* xiaoan-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The helper that reads untrusted files for a preview (reliability.md R13, R14): one page
 * of a PDF (Poppler) or an image (JPEG and PNG with gdk-pixbuf, TIFF with libtiff), from
 * standard input, rendered to PNG on standard output within a pixel budget. It runs in a
 * process of its own under limits it sets itself before it reads a byte (address space
 * and CPU time), so that a hostile or broken file costs this process, never the app: the
 * app (src/document/xa-preview.c) also kills it after a wall-clock timeout.
 *
 *   xiaoan-preview PAGE MAX_WIDTH MAX_HEIGHT < FILE > OUT
 *
 * On success OUT is one line, "XIAOAN-PREVIEW PAGES WIDTH_PT HEIGHT_PT PNG_WIDTH
 * PNG_HEIGHT", then the PNG. On a refusal the exit status is 2 and standard error holds
 * one word that says why (empty, not-supported, damaged, no-page, too-large, no-memory);
 * the app words the message for the user, naming the file.
 */

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "core/archive/xa-tiff-memory.h"

/* The budget of one rendered page (R14), and what the helper may take. */
#define MAX_PIXELS (40.0 * 1000 * 1000)
#define MAX_SIDE 16384
#define INPUT_LIMIT (64 * 1024 * 1024)
#define MAX_DECODED_PIXELS (120.0 * 1000 * 1000)
#define ADDRESS_SPACE_LIMIT ((rlim_t) 1024 * 1024 * 1024)
#define CPU_SECONDS_LIMIT 20

G_GNUC_NORETURN static void
refuse (const char *reason)
{
  fprintf (stderr, "%s\n", reason);
  fflush (stderr);
  _exit (2);
}

static void
limit_self (void)
{
  struct rlimit as = { ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT };
  struct rlimit cpu = { CPU_SECONDS_LIMIT, CPU_SECONDS_LIMIT + 1 };
  struct rlimit core = { 0, 0 };
  const char *as_env = g_getenv ("XIAOAN_PREVIEW_MEMORY_MB");

  /* Tests may lower the memory to see the helper stopped by it. */
  if (as_env != NULL && g_ascii_strtoull (as_env, NULL, 10) > 0)
    as.rlim_cur = as.rlim_max = (rlim_t) g_ascii_strtoull (as_env, NULL, 10) * 1024 * 1024;

  if (setrlimit (RLIMIT_AS, &as) != 0 || setrlimit (RLIMIT_CPU, &cpu) != 0)
    refuse ("no-limits");
  setrlimit (RLIMIT_CORE, &core);
}

static GBytes *
read_input (void)
{
  GByteArray *data = g_byte_array_new ();
  guint8 buffer[65536];
  ssize_t n;

  while ((n = read (STDIN_FILENO, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        refuse ("damaged");
      if (data->len + (gsize) n > INPUT_LIMIT)
        refuse ("too-large");
      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (data);
}

/* The scale that fits a page of @width × @height (any unit) in the box asked for,
 * then in the budget: no side over MAX_SIDE, no more than MAX_PIXELS. */
static double
fit_scale (double width,
           double height,
           int    max_width,
           int    max_height)
{
  double scale = MIN (max_width / width, max_height / height);

  scale = MIN (scale, MAX_SIDE / MAX (width, height));
  if (width * scale * height * scale > MAX_PIXELS)
    scale = sqrt (MAX_PIXELS / (width * height));
  return scale;
}

static cairo_status_t
write_stdout (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  return fwrite (data, 1, length, stdout) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
emit (cairo_surface_t *surface,
      int              pages,
      double           width_pt,
      double           height_pt)
{
  printf ("XIAOAN-PREVIEW %d %.2f %.2f %d %d\n", pages, width_pt, height_pt,
          cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface));
  if (cairo_surface_write_to_png_stream (surface, write_stdout, NULL) != CAIRO_STATUS_SUCCESS ||
      fflush (stdout) != 0)
    refuse ("no-memory");
}

static cairo_surface_t *
new_surface (double width,
             double height)
{
  int w = MAX (1, (int) floor (width));
  int h = MAX (1, (int) floor (height));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    refuse ("no-memory");
  return surface;
}

static void
render_pdf (GBytes *content,
            int     page_number,
            int     max_width,
            int     max_height)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (content, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0, scale;
  int pages;

  if (document == NULL)
    refuse (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED) ? "encrypted" : "damaged");
  if ((pages = poppler_document_get_n_pages (document)) < 1)
    refuse ("damaged");
  if (page_number < 1 || page_number > pages)
    {
      fprintf (stderr, "no-page %d\n", pages);
      _exit (2);
    }

  page = poppler_document_get_page (document, page_number - 1);
  poppler_page_get_size (page, &width, &height);
  if (!(width > 0 && height > 0))
    refuse ("damaged");

  scale = fit_scale (width, height, max_width, max_height);
  surface = new_surface (width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    refuse ("no-memory");
  cairo_destroy (cr);

  emit (surface, pages, width, height);
}

/* An image decoded as gdk-pixbuf's JPEG and PNG loaders do, asked for the size it will
 * be shown at before any pixel is decoded; one that claims more pixels than the helper
 * may decode is refused from its header. */
static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int *box = user_data;
  double scale;

  if ((double) width * height > MAX_DECODED_PIXELS)
    refuse ("too-large");
  scale = MIN (1.0, fit_scale (width, height, box[0], box[1]));
  gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
  box[2] = width;
  box[3] = height;
}

static void
emit_pixbuf (GdkPixbuf *pixbuf,
             int        pages,
             double     width_px,
             double     height_px)
{
  cairo_surface_t *surface = new_surface (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
  cairo_t *cr = cairo_create (surface);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guint8 *out = cairo_image_surface_get_data (surface);
  int out_stride = cairo_image_surface_get_stride (surface);

  /* Onto white, as a page is. */
  cairo_surface_flush (surface);
  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;
        guint a = channels == 4 ? p[3] : 255;
        guint r = (p[0] * a + 255 * (255 - a)) / 255;
        guint g = (p[1] * a + 255 * (255 - a)) / 255;
        guint b = (p[2] * a + 255 * (255 - a)) / 255;

        *(guint32 *) (out + y * out_stride + x * 4) = 0xff000000u | (r << 16) | (g << 8) | b;
      }
  cairo_surface_mark_dirty (surface);
  cairo_destroy (cr);

  /* An image's size is given in points at 72 pixels an inch, as a page's. */
  emit (surface, pages, width_px, height_px);
}

static void
render_pixbuf_image (GBytes     *content,
                     const char *type,
                     int         page_number,
                     int         max_width,
                     int         max_height)
{
  /* The loader of the kind the first bytes said, never one guessed among every loader
   * gdk-pixbuf has. */
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type (type, NULL);
  g_autoptr(GError) error = NULL;
  int box[4] = { max_width, max_height, 0, 0 };
  GdkPixbuf *pixbuf;

  if (loader == NULL)
    refuse ("not-supported");
  if (page_number != 1)
    {
      fprintf (stderr, "no-page 1\n");
      _exit (2);
    }

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), box);
  if (!gdk_pixbuf_loader_write_bytes (loader, content, &error) ||
      !gdk_pixbuf_loader_close (loader, &error) ||
      !(pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)))
    refuse (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_INSUFFICIENT_MEMORY) ? "no-memory" : "damaged");

  emit_pixbuf (pixbuf, 1, box[2], box[3]);
}

static void
render_tiff (GBytes *content,
             int     page_number,
             int     max_width,
             int     max_height)
{
  XaTiffMemory memory;
  g_autoptr(GdkPixbuf) full = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  guint32 width = 0, height = 0;
  guint32 *raster;
  double scale;
  TIFF *tiff;
  int pages;

  if (!(tiff = xa_tiff_memory_open (&memory, content)))
    refuse ("damaged");

  pages = xa_tiff_memory_count_pages (tiff);
  if (page_number < 1 || page_number > pages)
    {
      fprintf (stderr, "no-page %d\n", pages);
      _exit (2);
    }
  if (!TIFFSetDirectory (tiff, (tdir_t) (page_number - 1)))
    refuse ("damaged");

  TIFFGetField (tiff, TIFFTAG_IMAGEWIDTH, &width);
  TIFFGetField (tiff, TIFFTAG_IMAGELENGTH, &height);
  if (width == 0 || height == 0)
    refuse ("damaged");
  if ((double) width * height > MAX_DECODED_PIXELS)
    refuse ("too-large");

  if (!(raster = g_try_malloc ((gsize) width * height * 4)))
    refuse ("no-memory");
  if (!TIFFReadRGBAImageOriented (tiff, width, height, raster, ORIENTATION_TOPLEFT, 0))
    refuse ("damaged");

  /* TIFFRGBA's bytes are R, G, B, A in memory on either byte order's host. */
  full = gdk_pixbuf_new_from_data ((guint8 *) raster, GDK_COLORSPACE_RGB, TRUE, 8, width, height,
                                   width * 4, (GdkPixbufDestroyNotify) g_free, NULL);
  scale = MIN (1.0, fit_scale (width, height, max_width, max_height));
  scaled = gdk_pixbuf_scale_simple (full, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)),
                                    GDK_INTERP_BILINEAR);
  if (scaled == NULL)
    refuse ("no-memory");

  emit_pixbuf (scaled, pages, width, height);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) content = NULL;
  const guint8 *data;
  gsize size = 0;
  int page, max_width, max_height;

  limit_self ();

  if (argc != 4)
    {
      fprintf (stderr, "usage: xiaoan-preview PAGE MAX_WIDTH MAX_HEIGHT < FILE > OUT\n");
      return 1;
    }
  page = atoi (argv[1]);
  max_width = CLAMP (atoi (argv[2]), 1, MAX_SIDE);
  max_height = CLAMP (atoi (argv[3]), 1, MAX_SIDE);

  content = read_input ();
  data = g_bytes_get_data (content, &size);
  if (size == 0)
    refuse ("empty");

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    render_pdf (content, page, max_width, max_height);
  else if (size >= 3 && memcmp (data, "\377\330\377", 3) == 0)
    render_pixbuf_image (content, "jpeg", page, max_width, max_height);
  else if (size >= 8 && memcmp (data, "\211PNG\r\n\032\n", 8) == 0)
    render_pixbuf_image (content, "png", page, max_width, max_height);
  else if (size >= 4 && (memcmp (data, "II*\0", 4) == 0 || memcmp (data, "MM\0*", 4) == 0))
    render_tiff (content, page, max_width, max_height);
  else
    refuse ("not-supported");

  return 0;
}
