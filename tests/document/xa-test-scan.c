/* xa-test-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper loop, simulated (issue 12): an agreement's original printed to PDF with its
 * page codes, each sheet through a scanner (drawn at 150 dpi, turned a little, grain and
 * specks of dust), and the scanner's PDF of images. Shared by the scan-back test and the
 * archive page's.
 */

#include "config.h"

#include <cairo-pdf.h>

#include "xa-test-scan.h"
#include "document/xa-page-set.h"

/* An agreement's original as the printer gets it: its PDF, read back by Poppler. */
PopplerDocument *
xa_test_print_agreement (XaAgreementBook *book,
                         XaFontResolver  *fonts,
                         XaAgreement     *agreement,
                         XaAgreementCopy  copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_agreement_book_dup_template (book, agreement, &error);
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  PopplerDocument *document;

  g_assert_no_error (error);
  pages = xa_page_set_new_for_agreement (agreement, template, &copy, 1, fonts);
  pdf = xa_page_set_render_pdf (pages, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* One sheet through the scanner: drawn at 150 dpi, turned by @degrees about its centre,
 * grey noise on every pixel and a few dark specks. @page: -1 for a blank sheet. */
cairo_surface_t *
xa_test_scan_sheet (GRand           *rand,
                    PopplerDocument *document,
                    int              page,
                    double           degrees)
{
  double scale = XA_TEST_SCAN_DPI / 72.0;
  int width = (int) (XA_PAGE_WIDTH * scale);
  int height = (int) (XA_PAGE_HEIGHT * scale);
  cairo_surface_t *flat = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_t *sheet = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (flat);
  guint8 *data;
  int stride;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (page >= 0)
    {
      g_autoptr(PopplerPage) poppler_page = poppler_document_get_page (document, page);

      cairo_scale (cr, scale, scale);
      poppler_page_render_for_printing (poppler_page, cr);
    }
  cairo_destroy (cr);

  cr = cairo_create (sheet);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, degrees * G_PI / 180);
  cairo_translate (cr, -width / 2.0, -height / 2.0);
  cairo_set_source_surface (cr, flat, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (flat);

  cairo_surface_flush (sheet);
  data = cairo_image_surface_get_data (sheet);
  stride = cairo_image_surface_get_stride (sheet);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          int grey = ((row[x] >> 16) & 0xff) * 299 / 1000 + ((row[x] >> 8) & 0xff) * 587 / 1000 + (row[x] & 0xff) * 114 / 1000;

          /* The paper's grain, and now and then a speck of dust. */
          grey += g_rand_int_range (rand, -24, 25);
          if (g_rand_int_range (rand, 0, 2000) == 0)
            grey = g_rand_int_range (rand, 0, 80);
          grey = CLAMP (grey, 0, 255);
          row[x] = 0xff000000 | ((guint32) grey << 16) | ((guint32) grey << 8) | (guint32) grey;
        }
    }
  cairo_surface_mark_dirty (sheet);

  return sheet;
}

/* The scanner's PDF: each sheet an image on an A4 page. */
char *
xa_test_write_scan_pdf (const char       *dir,
                        const char       *name,
                        cairo_surface_t **sheets,
                        guint             n)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, XA_PAGE_WIDTH, XA_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (pdf);

  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_scale (cr, 72.0 / XA_TEST_SCAN_DPI, 72.0 / XA_TEST_SCAN_DPI);
      cairo_set_source_surface (cr, sheets[i], 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  return path;
}
