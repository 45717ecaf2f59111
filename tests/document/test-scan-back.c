/* test-scan-back.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper loop, simulated (issue 12): agreements rendered to PDF with their page
 * codes, their pages drawn by Poppler at 150 dpi, turned by about a degree and speckled
 * with seeded noise as a scanner would, put back together as a PDF of images (and as
 * PNG and TIFF files), then read with the scan reader and matched against the store:
 * the agreement and copy named, the pages ordered, a removed page missing, another
 * agreement's page foreign, a blank page uncoded, a page twice a duplicate, and a page
 * whose agreement changed since printing reported.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>
#include <tiffio.h>

#include "xa-test-pdf.h"
#include "xa-test-scan.h"
#include "xa-test-utils.h"
#include "document/xa-page-code.h"
#include "document/xa-page-set.h"
#include "document/xa-scan-reader.h"

#define SCAN_DPI XA_TEST_SCAN_DPI

typedef struct
{
  XaWorkspace     *workspace;
  XaFontResolver  *fonts;
  XaAgreement     *first;
  XaAgreement     *second;
  GListModel      *agreements;
  XaPageCodeStore  store;
  char            *dir;
  GRand           *rand;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  XaAgreementBook *book;

  fixture->workspace = xa_test_workspace_new_in_memory (NULL, data != NULL ? GPOINTER_TO_UINT (data) : 2);
  book = xa_workspace_get_agreements (fixture->workspace);
  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (agreements), >=, 2);
  fixture->agreements = g_object_ref (agreements);
  fixture->first = g_list_model_get_item (agreements, 0);
  fixture->second = g_list_model_get_item (agreements, 1);
  fixture->fonts = xa_font_resolver_new ();
  fixture->store.book = book;
  fixture->store.fonts = fixture->fonts;
  fixture->dir = g_dir_make_tmp ("xiaoan-scan-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->rand = g_rand_new_with_seed (20211001);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_rand_free (fixture->rand);
  g_clear_object (&fixture->first);
  g_clear_object (&fixture->second);
  g_clear_object (&fixture->agreements);
  g_clear_object (&fixture->fonts);
  g_assert_finalize_object (fixture->workspace);
}

static XaScanMatch *
match_files (Fixture            *fixture,
             const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = xa_scan_read_files (paths, NULL, &error);
  XaScanMatch *match;

  g_assert_no_error (error);
  match = xa_scan_match_new ((const XaScanPage *) pages->data, pages->len,
                             xa_page_code_lookup, &fixture->store, &error);
  g_assert_no_error (error);
  return match;
}

static const XaScanMatchPage *
page_at (XaScanMatch *match,
         guint        scan)
{
  return &g_array_index (match->pages, XaScanMatchPage, scan);
}

static void
test_scan_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PopplerDocument) first = xa_test_print_agreement (fixture->store.book, fixture->fonts, fixture->first, XA_AGREEMENT_COPY_SCHOOL);
  g_autoptr(PopplerDocument) second = xa_test_print_agreement (fixture->store.book, fixture->fonts, fixture->second, XA_AGREEMENT_COPY_SCHOOL);
  int n = poppler_document_get_n_pages (first);
  cairo_surface_t *sheets[16];
  guint n_sheets = 0;
  g_autofree char *path = NULL;
  g_autoptr(XaScanMatch) match = NULL;
  guint scan_of_page[16];
  XaPageCode foreign;

  g_assert_cmpint (n, >=, 4);
  g_assert_cmpint (n, <=, 10);

  /* The stack as the clerk feeds it: page 3 lost, the last page first, page 2 fed twice,
   * a sheet of the other school's agreement and a blank sheet in between; each sheet a
   * little askew, one way or the other. */
  scan_of_page[n - 1] = n_sheets;
  sheets[n_sheets++] = xa_test_scan_sheet (fixture->rand, first, n - 1, 1.0);
  for (int p = 0; p < n - 1; p++)
    {
      if (p == 2)
        continue;
      scan_of_page[p] = n_sheets;
      sheets[n_sheets++] = xa_test_scan_sheet (fixture->rand, first, p, p % 2 ? -0.9 : 1.1);
    }
  sheets[n_sheets++] = xa_test_scan_sheet (fixture->rand, first, 1, 0.8);   /* page 2 again */
  sheets[n_sheets++] = xa_test_scan_sheet (fixture->rand, second, 0, -1.0); /* foreign */
  sheets[n_sheets++] = xa_test_scan_sheet (fixture->rand, NULL, -1, 0);     /* blank */

  path = xa_test_write_scan_pdf (fixture->dir, "scan.pdf", sheets, n_sheets);
  for (guint i = 0; i < n_sheets; i++)
    cairo_surface_destroy (sheets[i]);

  match = match_files (fixture, (const char * const []) { path, NULL });

  g_assert_cmpstr (match->agreement, ==, xa_agreement_get_uuid (fixture->first));
  g_assert_true (match->known);
  g_assert_cmpstr (match->expected->copy_label, ==, "学校存");
  g_assert_cmpuint (match->n_pages, ==, (guint) n);
  g_assert_cmpuint (match->pages->len, ==, n_sheets);

  /* Every page but the third, in order, and none whose text changed. */
  for (int p = 0; p < n; p++)
    {
      guint scan = g_array_index (match->order, guint, p);

      if (p == 2)
        g_assert_cmpuint (scan, ==, G_MAXUINT);
      else
        {
          g_assert_cmpuint (scan, ==, scan_of_page[p]);
          g_assert_cmpuint (page_at (match, scan)->state, ==, XA_SCAN_PAGE_MATCHED);
          g_assert_false (page_at (match, scan)->changed);
        }
    }
  g_assert_cmpuint (match->missing->len, ==, 1);
  g_assert_cmpuint (g_array_index (match->missing, guint, 0), ==, 3);
  g_assert_cmpuint (match->changed->len, ==, 0);

  g_assert_cmpuint (page_at (match, n_sheets - 3)->state, ==, XA_SCAN_PAGE_DUPLICATE);
  g_assert_cmpuint (page_at (match, n_sheets - 3)->page, ==, 2);
  g_assert_cmpuint (page_at (match, n_sheets - 2)->state, ==, XA_SCAN_PAGE_FOREIGN);
  g_assert_true (xa_page_code_decode (page_at (match, n_sheets - 2)->code, &foreign));
  g_assert_cmpstr (foreign.agreement, ==, xa_agreement_get_uuid (fixture->second));
  g_assert_cmpuint (foreign.page, ==, 1);
  xa_page_code_clear (&foreign);
  g_assert_cmpuint (page_at (match, n_sheets - 1)->state, ==, XA_SCAN_PAGE_UNCODED);
  g_assert_false (xa_scan_match_is_complete (match));
}

/* After printing, the school's first responsible person changes in the store: the scan
 * of the old paper names the first page as changed, the others as they were. */
static void
test_scan_changed_since (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PopplerDocument) printed = xa_test_print_agreement (fixture->store.book, fixture->fonts, fixture->first, XA_AGREEMENT_COPY_COMMISSION);
  int n = poppler_document_get_n_pages (printed);
  cairo_surface_t *sheets[16];
  g_autofree char *path = NULL;
  g_autoptr(XaScanMatch) before = NULL;
  g_autoptr(XaScanMatch) after = NULL;
  g_autoptr(GError) error = NULL;

  for (int p = 0; p < n; p++)
    sheets[p] = xa_test_scan_sheet (fixture->rand, printed, p, p % 2 ? 1.0 : -1.0);
  path = xa_test_write_scan_pdf (fixture->dir, "commission.pdf", sheets, n);
  for (int p = 0; p < n; p++)
    cairo_surface_destroy (sheets[p]);

  before = match_files (fixture, (const char * const []) { path, NULL });
  g_assert_cmpint (before->copy, ==, 0);
  g_assert_cmpstr (before->expected->copy_label, ==, "区教委存");
  g_assert_true (xa_scan_match_is_complete (before));

  xa_agreement_set_first_responsible (fixture->first, "欧阳新");
  xa_agreement_book_update (fixture->store.book, fixture->first, &error);
  g_assert_no_error (error);

  after = match_files (fixture, (const char * const []) { path, NULL });
  g_assert_false (after->page_count_changed);
  g_assert_cmpuint (after->missing->len, ==, 0);
  g_assert_cmpuint (after->changed->len, ==, 1);
  g_assert_cmpuint (g_array_index (after->changed, guint, 0), ==, 1);
  g_assert_true (page_at (after, 0)->changed);
  g_assert_false (page_at (after, 1)->changed);
  g_assert_false (xa_scan_match_is_complete (after));
}

static void
write_tiff (const char       *path,
            cairo_surface_t **sheets,
            guint             n)
{
  TIFF *tiff = TIFFOpen (path, "w");

  g_assert_nonnull (tiff);
  for (guint i = 0; i < n; i++)
    {
      int width = cairo_image_surface_get_width (sheets[i]);
      int height = cairo_image_surface_get_height (sheets[i]);
      int stride = cairo_image_surface_get_stride (sheets[i]);
      const guint8 *data = cairo_image_surface_get_data (sheets[i]);
      g_autofree guint8 *row = g_malloc (width);

      TIFFSetField (tiff, TIFFTAG_IMAGEWIDTH, width);
      TIFFSetField (tiff, TIFFTAG_IMAGELENGTH, height);
      TIFFSetField (tiff, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField (tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
      TIFFSetField (tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
      TIFFSetField (tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
      TIFFSetField (tiff, TIFFTAG_COMPRESSION, COMPRESSION_DEFLATE);
      TIFFSetField (tiff, TIFFTAG_ROWSPERSTRIP, 64);
      TIFFSetField (tiff, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
      TIFFSetField (tiff, TIFFTAG_PAGENUMBER, i, n);
      for (int y = 0; y < height; y++)
        {
          const guint32 *pixels = (const guint32 *) (data + (gsize) y * stride);

          for (int x = 0; x < width; x++)
            row[x] = pixels[x] & 0xff;
          g_assert_cmpint (TIFFWriteScanline (tiff, row, y, 0), ==, 1);
        }
      g_assert_true (TIFFWriteDirectory (tiff));
    }
  TIFFClose (tiff);
}

static void
read_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A scan as image files: the first page as PNG, the others in one TIFF of many pages,
 * read in a worker thread as the app reads them. */
static void
test_scan_images (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PopplerDocument) printed = xa_test_print_agreement (fixture->store.book, fixture->fonts, fixture->second, XA_AGREEMENT_COPY_COMMISSION);
  int n = poppler_document_get_n_pages (printed);
  cairo_surface_t *sheets[16];
  g_autofree char *png = g_build_filename (fixture->dir, "page1.png", NULL);
  g_autofree char *tif = g_build_filename (fixture->dir, "rest.tif", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(XaScanMatch) match = NULL;
  g_autoptr(GError) error = NULL;

  for (int p = 0; p < n; p++)
    sheets[p] = xa_test_scan_sheet (fixture->rand, printed, p, -1.0);
  g_assert_cmpint (cairo_surface_write_to_png (sheets[0], png), ==, CAIRO_STATUS_SUCCESS);
  write_tiff (tif, sheets + 1, n - 1);
  for (int p = 0; p < n; p++)
    cairo_surface_destroy (sheets[p]);

  xa_scan_read_files_async ((const char * const []) { png, tif, NULL }, NULL, read_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  pages = xa_scan_read_files_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, ==, (guint) n);
  g_assert_cmpuint (g_array_index (pages, XaScanPage, 2).index, ==, 1);

  match = xa_scan_match_new ((const XaScanPage *) pages->data, pages->len,
                             xa_page_code_lookup, &fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (match->agreement, ==, xa_agreement_get_uuid (fixture->second));
  g_assert_true (xa_scan_match_is_complete (match));
}

/* A file that is no scan gives a message naming it, and nothing else. */
static void
test_scan_bad_files (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const contents[] = { "", "not a scan at all", "%PDF-1.7\ntruncated" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.pdf", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) pages = NULL;

      g_file_set_contents (path, contents[i], -1, &error);
      g_assert_no_error (error);
      pages = xa_scan_read_files ((const char * const []) { path, NULL }, NULL, &error);
      g_assert_null (pages);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
    }
}

/* The codes can be left off, as the preferences and `agreement render --no-page-codes`
 * ask, and then nothing on the page is a code. */
static void
test_codes_off (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPageSetRequest) request = xa_page_set_request_new (fixture->store.book, xa_agreement_get_uuid (fixture->first),
                                                                 XA_COPIES_SCHOOL, fixture->fonts);
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "plain.pdf", NULL);
  g_autoptr(GArray) scanned = NULL;

  g_assert_true (request->page_codes);
  request->page_codes = FALSE;
  pages = xa_page_set_request_lay_out (request, &error);
  g_assert_no_error (error);
  pdf = xa_page_set_render_pdf (pages, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);

  scanned = xa_scan_read_files ((const char * const []) { path, NULL }, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scanned->len, >=, 4);
  for (guint i = 0; i < scanned->len; i++)
    g_assert_null (g_array_index (scanned, XaScanPage, i).codes[0]);
}

/* A school whose 第一责任人 changed during the year prints the successor's
 * acknowledgement after its agreement: the original's last page, coded as such. */
static void
test_scan_with_succession (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(PopplerDocument) printed = NULL;
  g_autoptr(XaScanMatch) match = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *sheets[16];
  int n;

  for (guint i = 0; i < g_list_model_get_n_items (fixture->agreements) && agreement == NULL; i++)
    {
      g_autoptr(XaAgreement) candidate = g_list_model_get_item (fixture->agreements, i);

      if (xa_agreement_get_successor (candidate) != NULL)
        agreement = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (agreement);

  printed = xa_test_print_agreement (fixture->store.book, fixture->fonts, agreement, XA_AGREEMENT_COPY_COMMISSION);
  n = poppler_document_get_n_pages (printed);
  g_assert_cmpint (n, <=, (int) G_N_ELEMENTS (sheets));
  for (int p = 0; p < n; p++)
    sheets[p] = xa_test_scan_sheet (fixture->rand, printed, p, 0.7);
  path = xa_test_write_scan_pdf (fixture->dir, "succession.pdf", sheets, n);
  for (int p = 0; p < n; p++)
    cairo_surface_destroy (sheets[p]);

  match = match_files (fixture, (const char * const []) { path, NULL });
  g_assert_cmpstr (match->agreement, ==, xa_agreement_get_uuid (agreement));
  g_assert_cmpuint (match->n_pages, ==, (guint) n);
  g_assert_cmpuint (g_strv_length (match->expected->hashes), ==, (guint) n);
  g_assert_cmpuint (g_array_index (match->order, guint, n - 1), ==, (guint) n - 1);
  g_assert_true (xa_scan_match_is_complete (match));
}

/* Draws @page of @layout on white at @scale. */
static cairo_surface_t *
draw_page (XaPageLayout *layout,
           guint         page,
           double        scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (XA_PAGE_WIDTH * scale),
                                                         (int) (XA_PAGE_HEIGHT * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  xa_page_layout_draw_page (layout, cr, page);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The code stands in the foot, outside the GB/T 9704 text area, 12 to 16 mm square,
 * opposite the page number; in the PDF it is drawn, not an image. */
static void
test_code_placement (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_agreement_book_dup_template (fixture->store.book, fixture->first, &error);
  g_autoptr(XaPageLayout) coded = xa_agreement_layout_new_for_agreement (fixture->first, template,
                                                                         XA_AGREEMENT_COPY_SCHOOL, fixture->fonts);
  g_autoptr(XaPageLayout) plain = xa_agreement_layout_new_for_agreement (fixture->first, template,
                                                                         XA_AGREEMENT_COPY_SCHOOL, fixture->fonts);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  double scale = 4;  /* 288 dpi */
  double mm = scale * 72 / 25.4;

  g_assert_true (xa_page_layout_has_page_mark (coded));
  xa_page_layout_set_page_mark (plain, NULL, NULL, NULL);
  g_assert_false (xa_page_layout_has_page_mark (plain));

  for (guint page = 0; page < 2; page++)
    {
      cairo_surface_t *with = draw_page (coded, page, scale);
      cairo_surface_t *without = draw_page (plain, page, scale);
      int width = cairo_image_surface_get_width (with);
      int height = cairo_image_surface_get_height (with);
      int stride = cairo_image_surface_get_stride (with);
      const guint8 *a = cairo_image_surface_get_data (with);
      const guint8 *b = cairo_image_surface_get_data (without);
      int left = width, right = -1, top = height, bottom = -1;

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          if (((const guint32 *) (a + (gsize) y * stride))[x] != ((const guint32 *) (b + (gsize) y * stride))[x])
            {
              left = MIN (left, x);
              right = MAX (right, x);
              top = MIN (top, y);
              bottom = MAX (bottom, y);
            }

      g_assert_cmpint (right, >=, 0);
      g_assert_cmpfloat (top, >, (XA_TEXT_TOP + XA_TEXT_HEIGHT) * scale + 4 * mm);
      g_assert_cmpfloat (bottom, <, height - 10 * mm);
      g_assert_cmpfloat (right - left + 1, >=, 12 * mm);
      g_assert_cmpfloat (right - left + 1, <=, 16 * mm);
      g_assert_cmpint (ABS ((right - left) - (bottom - top)), <=, 2);  /* square, but for antialiasing */
      /* Inside the text column's width: left on odd pages (the number is right), right
       * on even pages. */
      g_assert_cmpfloat (left, >=, XA_TEXT_LEFT * scale - 1);
      g_assert_cmpfloat (right, <=, (XA_TEXT_LEFT + XA_TEXT_WIDTH) * scale + 1);
      if (page % 2 == 0)
        g_assert_cmpfloat (left, <, (XA_TEXT_LEFT + XA_TEXT_WIDTH / 2) * scale);
      else
        g_assert_cmpfloat (left, >, (XA_TEXT_LEFT + XA_TEXT_WIDTH / 2) * scale);

      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }

  pdf = xa_page_layout_render_pdf (coded, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      GList *images = poppler_page_get_image_mapping (page);

      g_assert_null (images);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/scan-back/pdf", Fixture, NULL, fixture_set_up, test_scan_pdf, fixture_tear_down);
  g_test_add ("/scan-back/changed-since", Fixture, NULL, fixture_set_up, test_scan_changed_since, fixture_tear_down);
  g_test_add ("/scan-back/images", Fixture, NULL, fixture_set_up, test_scan_images, fixture_tear_down);
  g_test_add ("/scan-back/bad-files", Fixture, NULL, fixture_set_up, test_scan_bad_files, fixture_tear_down);
  g_test_add ("/scan-back/code-placement", Fixture, NULL, fixture_set_up, test_code_placement, fixture_tear_down);
  g_test_add ("/scan-back/succession", Fixture, GUINT_TO_POINTER (6), fixture_set_up, test_scan_with_succession,
              fixture_tear_down);
  g_test_add ("/scan-back/codes-off", Fixture, NULL, fixture_set_up, test_codes_off, fixture_tear_down);

  return g_test_run ();
}
