/* test-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Previews of untrusted files in the helper process (src/document/xa-preview.c,
 * src/preview/xiaoan-preview.c): a PDF page and a multi-page TIFF render to PNG; a
 * truncated PDF, a file named .pdf that is none, an empty file, a PNG claiming 400
 * million pixels and a page number past the end each give their message naming the
 * file; a 200-inch page is rendered within the pixel budget; a helper that overruns
 * its timeout or its memory is stopped with a message; and this process's memory does
 * not grow with the hostile files, whose work is the helper's. No assertion is on elapsed time: the timeout is a parameter.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>
#include <tiffio.h>

#include "xa-test-utils.h"
#include "document/xa-preview.h"

static GBytes *
make_pdf (double width_pt,
          double height_pt,
          int    pages)
{
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-preview-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width_pt, height_pt);
  cairo_t *cr = cairo_create (surface);
  gchar *data = NULL;
  gsize length = 0;

  for (int i = 0; i < pages; i++)
    {
      cairo_set_source_rgb (cr, 0.8, 0, 0);
      cairo_arc (cr, width_pt / 2, height_pt / 2, MIN (width_pt, height_pt) / 4, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  xa_test_remove_tree (dir);
  return g_bytes_new_take (data, length);
}

static XaPreview *
render (GBytes     *content,
        const char *name,
        int         page,
        int         size,
        GError    **error)
{
  return xa_preview_render (content, name, page, size, size, XA_PREVIEW_DEFAULT_TIMEOUT_MS, NULL, error);
}

/* The PNG's size as its header says. */
static void
assert_png (XaPreview *preview)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (preview->png, &size);

  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (data, 8, "\211PNG\r\n\032\n", 8);
  g_assert_cmpint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, preview->width);
  g_assert_cmpint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, preview->height);
}

static void
test_pdf (void)
{
  g_autoptr(GBytes) pdf = make_pdf (595.28, 841.89, 3);
  g_autofree char *before = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *after = NULL;
  g_autoptr(XaPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = render (pdf, "责任书.pdf", 2, 800, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->n_pages, ==, 3);
  g_assert_cmpfloat_with_epsilon (preview->page_width, 595.28, 0.1);
  g_assert_cmpint (preview->height, ==, 800);
  assert_png (preview);

  /* The bytes shown are the bytes they were. */
  after = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&preview, xa_preview_free);
  g_assert_null (render (pdf, "责任书.pdf", 4, 800, &error));
  g_assert_error (error, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_NO_PAGE);
  g_assert_nonnull (strstr (error->message, "责任书.pdf"));
}

static void
test_tiff (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-preview-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "scan.tif", NULL);
  TIFF *tiff = TIFFOpen (path, "w");
  g_autoptr(XaPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = NULL;
  guint8 row[300];
  gchar *data = NULL;
  gsize length = 0;

  for (int page = 0; page < 2; page++)
    {
      TIFFSetField (tiff, TIFFTAG_IMAGEWIDTH, 100);
      TIFFSetField (tiff, TIFFTAG_IMAGELENGTH, 50);
      TIFFSetField (tiff, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField (tiff, TIFFTAG_SAMPLESPERPIXEL, 3);
      TIFFSetField (tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
      TIFFSetField (tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
      TIFFSetField (tiff, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
      memset (row, page == 0 ? 0x20 : 0xe0, sizeof row);
      for (guint32 y = 0; y < 50; y++)
        TIFFWriteScanline (tiff, row, y, 0);
      TIFFWriteDirectory (tiff);
    }
  TIFFClose (tiff);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  content = g_bytes_new_take (data, length);
  xa_test_remove_tree (dir);

  preview = render (content, "扫描件.tif", 2, 1600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->n_pages, ==, 2);
  g_assert_cmpint (preview->width, ==, 100);
  g_assert_cmpint (preview->height, ==, 50);
  assert_png (preview);
}

static guint32
crc32_of (const guint8 *data,
          gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return crc ^ 0xffffffffu;
}

/* A PNG whose header claims @width × @height pixels, with a few bytes of data: what a
 * decompression bomb starts with. */
static GBytes *
make_png_header (guint32 width,
                 guint32 height)
{
  GByteArray *png = g_byte_array_new ();
  guint8 ihdr[17] = { 'I', 'H', 'D', 'R' };
  guint32 be;

  g_byte_array_append (png, (const guint8 *) "\211PNG\r\n\032\n", 8);
  be = GUINT32_TO_BE (13);
  g_byte_array_append (png, (guint8 *) &be, 4);
  be = GUINT32_TO_BE (width);
  memcpy (ihdr + 4, &be, 4);
  be = GUINT32_TO_BE (height);
  memcpy (ihdr + 8, &be, 4);
  ihdr[12] = 8;  /* bit depth */
  ihdr[13] = 2;  /* RGB */
  g_byte_array_append (png, ihdr, sizeof ihdr);
  be = GUINT32_TO_BE (crc32_of (ihdr, sizeof ihdr));
  g_byte_array_append (png, (guint8 *) &be, 4);
  /* The start of the data, which is where a reader learns the size. */
  {
    static const guint8 idat[] = { 'I', 'D', 'A', 'T', 0x78, 0x9c };

    be = GUINT32_TO_BE (2);
    g_byte_array_append (png, (guint8 *) &be, 4);
    g_byte_array_append (png, idat, sizeof idat);
    be = GUINT32_TO_BE (crc32_of (idat, sizeof idat));
    g_byte_array_append (png, (guint8 *) &be, 4);
  }
  return g_byte_array_free_to_bytes (png);
}

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + 6, NULL, 10);
}

static void
test_hostile (void)
{
  g_autoptr(GBytes) pdf = make_pdf (595.28, 841.89, 1);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 2);
  g_autoptr(GBytes) not_pdf = g_bytes_new_static ("这是一份文本，不是PDF。\n", strlen ("这是一份文本，不是PDF。\n"));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  /* 200 inches a side: 14,400 points, 60,000 pixels a side at 300 dpi. */
  g_autoptr(GBytes) huge = make_pdf (14400, 14400, 1);
  g_autoptr(GBytes) bomb = make_png_header (20000, 20000);
  gint64 rss_before = rss_kib ();
  struct
  {
    GBytes     *content;
    const char *name;
    int         code;
  } cases[] = {
    { truncated, "截断.pdf", XA_PREVIEW_ERROR_DAMAGED },
    { not_pdf, "假的.pdf", XA_PREVIEW_ERROR_NOT_SUPPORTED },
    { not_pdf, "说明.txt", XA_PREVIEW_ERROR_NOT_SUPPORTED },
    { empty, "空白.pdf", XA_PREVIEW_ERROR_EMPTY },
    { bomb, "四亿像素.png", XA_PREVIEW_ERROR_TOO_LARGE },
  };

  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_null (render (cases[i].content, cases[i].name, 1, 1600, &error));
          g_assert_error (error, XA_PREVIEW_ERROR, cases[i].code);
          g_assert_nonnull (strstr (error->message, cases[i].name));
          if (round == 0)
            g_test_message ("%s", error->message);
        }

      /* Asked for at 300 dpi, the page comes within the budget. */
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(XaPreview) preview = render (huge, "巨幅.pdf", 1, 60000, &error);

        g_assert_no_error (error);
        g_assert_cmpfloat_with_epsilon (preview->page_width, 14400, 0.5);
        g_assert_cmpint (preview->width, <=, 16384);
        g_assert_cmpint (preview->height, <=, 16384);
        g_assert_cmpfloat ((double) preview->width * preview->height, <=, 40e6);
        g_assert_cmpint (preview->width, >, 6000);
        assert_png (preview);
      }
    }

  /* Not a byte of the hostile work was ours (the PNG of 40 megapixels came and went). */
  g_test_message ("RSS %" G_GINT64_FORMAT " KiB before, %" G_GINT64_FORMAT " KiB after", rss_before, rss_kib ());
  g_assert_cmpint (rss_kib () - rss_before, <, 50 * 1024);
}

static void
test_stopped (void)
{
  g_autoptr(GBytes) huge = make_pdf (14400, 14400, 1);
  g_autoptr(GError) error = NULL;

  /* Too little memory for the page: the helper fails and says so, or is killed. */
  g_setenv ("XIAOAN_PREVIEW_MEMORY_MB", "60", TRUE);
  g_assert_null (xa_preview_render (huge, "巨幅.pdf", 1, 60000, 60000, XA_PREVIEW_DEFAULT_TIMEOUT_MS, NULL, &error));
  g_unsetenv ("XIAOAN_PREVIEW_MEMORY_MB");
  g_test_message ("%s", error->message);
  g_assert_error (error, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_STOPPED);
  g_assert_nonnull (strstr (error->message, "巨幅.pdf"));
  g_clear_error (&error);

  /* A timeout shorter than a process takes to start: killed, and said so. */
  g_assert_null (xa_preview_render (huge, "巨幅.pdf", 1, 60000, 60000, 1, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, XA_PREVIEW_ERROR, XA_PREVIEW_ERROR_STOPPED);
  g_assert_nonnull (strstr (error->message, "巨幅.pdf"));
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* The app's preview: asynchronous, and a cancelled one says so and leaves no helper. */
static void
test_async_cancelled (void)
{
  g_autoptr(GBytes) pdf = make_pdf (595.28, 841.89, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(XaPreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  xa_preview_render_async (pdf, "责任书.pdf", 1, 400, 400, XA_PREVIEW_DEFAULT_TIMEOUT_MS, NULL,
                           rendered_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  preview = xa_preview_render_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->height, ==, 400);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  xa_preview_render_async (pdf, "责任书.pdf", 1, 400, 400, XA_PREVIEW_DEFAULT_TIMEOUT_MS, cancellable,
                           rendered_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (xa_preview_render_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preview/pdf", test_pdf);
  g_test_add_func ("/preview/tiff", test_tiff);
  g_test_add_func ("/preview/hostile", test_hostile);
  g_test_add_func ("/preview/stopped", test_stopped);
  g_test_add_func ("/preview/async-cancelled", test_async_cancelled);

  return g_test_run ();
}
