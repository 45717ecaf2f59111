/* test-archive-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 档案 section of the real window over a store in a temporary folder (issue 12): an
 * agreement's original printed with its page codes and scanned (simulated as the
 * scan-back test does) is imported through the review dialog, which names the agreement
 * and its original, then listed as that original and shown back on the 签回 board; a
 * hostile file's preview shows the helper's message naming it, in place of the page;
 * the integrity check reports a stored file with one byte flipped; printing a scan
 * renders and prints every page of it (into a PDF read back with Poppler).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "document/xa-pdf-signer.h"
#include "document/xa-pdf-verify.h"
#include "document/xa-test-scan.h"
#include "document/xa-test-signing.h"
#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/archive/xa-archive-page.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture  ui;
  XaWindow        *window;
  XaArchivePage   *page;
  XaAgreement     *agreement;
  char            *scan_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  XaAgreementBook *book;

  xa_test_ui_fixture_set_up (&fixture->ui, "archive", TRUE, 2);
  book = xa_workspace_get_agreements (fixture->ui.workspace);
  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  fixture->agreement = g_list_model_get_item (agreements, 0);
  fixture->scan_dir = g_dir_make_tmp ("xiaoan-archive-scan-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT, "archive");
  fixture->page = XA_ARCHIVE_PAGE (_xa_window_get_page (fixture->window, "archive"));
  g_assert_nonnull (fixture->page);
  xa_archive_page_set_board_year (fixture->page, 2021);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->scan_dir);
  g_free (fixture->scan_dir);
  g_clear_object (&fixture->agreement);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

/* The commission's original of the agreement, every sheet through the scanner but the
 * page @skip (from 1; 0 for none). */
static char *
scan_original_without (Fixture *fixture,
                       int      skip)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211001);
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  int n_pages;

  document = xa_test_print_agreement (xa_workspace_get_agreements (fixture->ui.workspace), fonts,
                                      fixture->agreement, XA_AGREEMENT_COPY_COMMISSION);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >, 0);
  g_assert_cmpint (skip, <=, n_pages);
  for (int i = 0; i < n_pages; i++)
    if (i + 1 != skip)
      g_ptr_array_add (sheets, xa_test_scan_sheet (rand, document, i, i % 2 ? 0.8 : -0.6));

  return xa_test_write_scan_pdf (fixture->scan_dir, "回收扫描.pdf", (cairo_surface_t **) sheets->pdata, sheets->len);
}

static char *
scan_original (Fixture *fixture)
{
  return scan_original_without (fixture, 0);
}

static void
imported_cb (XaArchiveImportDialog *dialog,
             guint                  n_imported,
             char                 **duplicates,
             guint                 *result)
{
  *result = n_imported + 1;
}

static XaArchiveBoardRow *
find_board_row (Fixture *fixture)
{
  GListModel *board = xa_archive_page_get_board (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (board); i++)
    {
      g_autoptr(XaArchiveBoardRow) row = g_list_model_get_item (board, i);

      if (g_strcmp0 (xa_archive_board_row_get_agreement_uuid (row), xa_agreement_get_uuid (fixture->agreement)) == 0)
        return g_steal_pointer (&row);
    }

  return NULL;
}

static void
test_import_scan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = scan_original (fixture);
  const char *paths[] = { path, NULL };
  g_autoptr(XaArchiveBoardRow) before = find_board_row (fixture);
  g_autoptr(XaArchiveBoardRow) after = NULL;
  g_autoptr(XaArchiveItem) item = NULL;
  XaArchiveImportDialog *dialog;
  GListModel *items;
  guint result = 0;

  g_assert_nonnull (before);
  g_assert_null (xa_archive_board_row_get_commission_back (before));

  dialog = xa_archive_page_import (fixture->page, paths);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &result);
  xa_test_wait_for_boolean (dialog, "busy", FALSE);
  g_assert_null (xa_archive_import_dialog_get_error (dialog));
  g_assert_cmpuint (xa_archive_import_dialog_get_n_groups (dialog), ==, 1);
  /* The review names the agreement's school, the original, and finds it whole. */
  g_assert_nonnull (strstr (xa_archive_import_dialog_get_report (dialog), xa_agreement_get_school_name (fixture->agreement)));
  g_assert_nonnull (strstr (xa_archive_import_dialog_get_report (dialog), xa_archive_copy_to_label (XA_ARCHIVE_COPY_COMMISSION)));
  g_assert_nonnull (strstr (xa_archive_import_dialog_get_report (dialog), "回收扫描.pdf"));
  if (g_getenv ("XA_TEST_SCREENSHOTS"))
    xa_test_screenshot (GTK_WIDGET (dialog), "archive-review");

  xa_archive_import_dialog_confirm (dialog);
  while (result == 0)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_cmpuint (result, ==, 2);

  items = xa_archive_page_get_items (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (xa_archive_item_get_file_name (item), ==, "回收扫描.pdf");
  g_assert_cmpstr (xa_archive_item_get_agreement_uuid (item), ==, xa_agreement_get_uuid (fixture->agreement));
  g_assert_cmpint (xa_archive_item_get_copy (item), ==, XA_ARCHIVE_COPY_COMMISSION);
  g_assert_cmpint (xa_archive_item_get_kind (item), ==, XA_ARCHIVE_KIND_SIGNED_ORIGINAL);

  /* On the board of its school year: the commission's original is back, the school's not. */
  after = find_board_row (fixture);
  g_assert_nonnull (after);
  g_assert_nonnull (xa_archive_board_row_get_commission_back (after));
  g_assert_null (xa_archive_board_row_get_school_back (after));
  if (g_getenv ("XA_TEST_SCREENSHOTS"))
    {
      xa_archive_page_select (fixture->page, 0);
      xa_test_wait_for_boolean (xa_archive_page_get_detail (fixture->page), "busy", FALSE);
      xa_test_screenshot (GTK_WIDGET (fixture->window), "archive-files");
      xa_archive_page_show_view (fixture->page, "board");
      xa_test_iterate ();
      xa_test_screenshot (GTK_WIDGET (fixture->window), "archive-board");
      xa_archive_page_show_view (fixture->page, "files");
    }

  /* The same scan again is reported as archived before, and stored once. */
  result = 0;
  dialog = xa_archive_page_import (fixture->page, paths);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &result);
  xa_test_wait_for_boolean (dialog, "busy", FALSE);
  xa_archive_import_dialog_confirm (dialog);
  while (result == 0)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_cmpuint (result, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (xa_archive_page_get_items (fixture->page)), ==, 1);
}

/* A scan with a sheet left out: the review names the agreement's original, reports the
 * page missing and asks for a look before filing; the clerk may still file it, as the
 * issue has the missing pages reported before the clerk confirms, not refused. */
static void
test_import_partial (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = scan_original_without (fixture, 2);
  const char *paths[] = { path, NULL };
  g_autofree char *missing = NULL;
  g_autoptr(XaArchiveItem) item = NULL;
  XaArchiveImportDialog *dialog;
  const char *report;
  guint result = 0;

  dialog = xa_archive_page_import (fixture->page, paths);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &result);
  xa_test_wait_for_boolean (dialog, "busy", FALSE);
  g_assert_null (xa_archive_import_dialog_get_error (dialog));
  g_assert_cmpuint (xa_archive_import_dialog_get_n_groups (dialog), ==, 1);
  report = xa_archive_import_dialog_get_report (dialog);
  g_assert_nonnull (strstr (report, xa_archive_copy_to_label (XA_ARCHIVE_COPY_COMMISSION)));
  /* The facts are "heading<TAB>text" lines: page 2 under the missing pages. */
  missing = g_strdup_printf ("%s\t2\n", g_dpgettext2 (GETTEXT_PACKAGE, "scan report", "Missing pages"));
  g_assert_nonnull (strstr (report, missing));

  xa_archive_import_dialog_confirm (dialog);
  while (result == 0)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_cmpuint (result, ==, 2);
  item = g_list_model_get_item (xa_archive_page_get_items (fixture->page), 0);
  g_assert_cmpstr (xa_archive_item_get_agreement_uuid (item), ==, xa_agreement_get_uuid (fixture->agreement));
  g_assert_cmpint (xa_archive_item_get_copy (item), ==, XA_ARCHIVE_COPY_COMMISSION);
}

/* A photo of the school's original without a code, imported from the board's missing
 * cell: the review offers the board's link by hand, and the original comes back. */
static void
test_import_by_hand (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->scan_dir, "学校存照片.png", NULL);
  const char *paths[] = { path, NULL };
  cairo_surface_t *photo = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 400);
  g_autoptr(XaArchiveBoardRow) row = NULL;
  g_autoptr(XaArchiveItem) item = NULL;
  XaArchiveImportDialog *dialog;
  guint result = 0;

  g_assert_cmpint (cairo_surface_write_to_png (photo, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (photo);

  dialog = xa_archive_page_import (fixture->page, paths);
  xa_archive_import_dialog_preset (dialog, xa_agreement_get_school_uuid (fixture->agreement), 2021, XA_ARCHIVE_COPY_SCHOOL);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &result);
  xa_test_wait_for_boolean (dialog, "busy", FALSE);
  g_assert_null (xa_archive_import_dialog_get_error (dialog));
  g_assert_cmpuint (xa_archive_import_dialog_get_n_groups (dialog), ==, 1);
  g_assert_nonnull (strstr (xa_archive_import_dialog_get_report (dialog), "学校存照片.png"));
  xa_archive_import_dialog_confirm (dialog);
  while (result == 0)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_cmpuint (result, ==, 2);

  item = g_list_model_get_item (xa_archive_page_get_items (fixture->page), 0);
  g_assert_cmpstr (xa_archive_item_get_agreement_uuid (item), ==, xa_agreement_get_uuid (fixture->agreement));
  g_assert_cmpint (xa_archive_item_get_copy (item), ==, XA_ARCHIVE_COPY_SCHOOL);
  row = find_board_row (fixture);
  g_assert_null (xa_archive_board_row_get_commission_back (row));
  g_assert_nonnull (xa_archive_board_row_get_school_back (row));
}

static void
test_hostile_preview (Fixture       *fixture,
                      gconstpointer  data)
{
  static const guint8 header[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *path = g_build_filename (fixture->scan_dir, "坏图片.png", NULL);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(XaArchiveItem) item = NULL;
  g_autoptr(GError) error = NULL;
  XaArchiveDetail *detail = xa_archive_page_get_detail (fixture->page);

  /* A PNG's signature, then an IHDR claiming 100000 × 100000 pixels, then noise. */
  g_byte_array_append (bytes, header, sizeof header);
  g_byte_array_append (bytes, (const guint8 *) "\0\0\0\rIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\x02\0\0\0\0\0\0\0", 25);
  for (guint i = 0; i < 512; i++)
    g_byte_array_append (bytes, (const guint8 *) "\xde\xad\xbe\xef", 4);
  g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  item = xa_archive_import_file (xa_workspace_get_archive (fixture->ui.workspace), path, NULL, NULL, &error);
  g_assert_no_error (error);

  xa_archive_page_reload (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (xa_archive_page_get_items (fixture->page)), ==, 1);
  xa_archive_page_select (fixture->page, 0);
  g_assert_true (xa_archive_detail_get_item (detail) != NULL);
  xa_test_wait_for_boolean (detail, "busy", FALSE);

  /* The helper's message, naming the file, where the page would be; the app goes on. */
  g_assert_nonnull (xa_archive_detail_get_message (detail));
  g_assert_nonnull (strstr (xa_archive_detail_get_message (detail), "坏图片.png"));
  g_assert_null (xa_archive_detail_get_signature (detail));
}

/* What a PDF's signature proves, as the detail reads it off the main thread: valid and
 * whole with its signer, then invalid once a signed byte changed. */
static void
test_signature_state (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *p12 = xa_test_signing_make_p12 (fixture->scan_dir, XA_TEST_CERT_VALID);
  g_autoptr(XaPdfCredentials) credentials = NULL;
  g_autoptr(GBytes) pdf = xa_test_signing_agreement_pdf ();
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *valid_path = g_build_filename (fixture->scan_dir, "已签名.pdf", NULL);
  g_autofree char *changed_path = g_build_filename (fixture->scan_dir, "被改动.pdf", NULL);
  XaArchiveDetail *detail = xa_archive_page_get_detail (fixture->page);
  XaArchive *archive = xa_workspace_get_archive (fixture->ui.workspace);
  g_autoptr(XaArchiveItem) valid = NULL;
  g_autoptr(XaArchiveItem) broken = NULL;

  credentials = xa_pdf_credentials_load (p12, XA_TEST_P12_PASSWORD, &error);
  g_assert_no_error (error);
  signed_pdf = xa_pdf_sign_bytes (pdf, "agreement.pdf", credentials, NULL, &error);
  g_assert_no_error (error);
  changed = xa_test_signing_change_byte (signed_pdf);
  g_file_set_contents (valid_path, g_bytes_get_data (signed_pdf, NULL), g_bytes_get_size (signed_pdf), &error);
  g_assert_no_error (error);
  g_file_set_contents (changed_path, g_bytes_get_data (changed, NULL), g_bytes_get_size (changed), &error);
  g_assert_no_error (error);
  valid = xa_archive_import_file (archive, valid_path, NULL, NULL, &error);
  g_assert_no_error (error);
  broken = xa_archive_import_file (archive, changed_path, NULL, NULL, &error);
  g_assert_no_error (error);

  xa_archive_detail_set_item (detail, valid);
  xa_test_wait_for_boolean (detail, "busy", FALSE);
  g_assert_nonnull (xa_archive_detail_get_signature (detail));
  g_assert_true (g_str_has_prefix (xa_archive_detail_get_signature (detail),
                                   xa_pdf_signature_state_to_string (XA_PDF_SIGNATURE_VALID)));
  g_assert_nonnull (strstr (xa_archive_detail_get_signature (detail), XA_TEST_SIGNER));
  g_assert_null (xa_archive_detail_get_message (detail));

  xa_archive_detail_set_item (detail, broken);
  xa_test_wait_for_boolean (detail, "busy", FALSE);
  g_assert_true (g_str_has_prefix (xa_archive_detail_get_signature (detail),
                                   xa_pdf_signature_state_to_string (XA_PDF_SIGNATURE_INVALID)));
}

static void
test_check_flipped_byte (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->scan_dir, "记录.pdf", NULL);
  g_autoptr(XaArchiveItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *content = NULL;
  gsize length = 0;
  const char *sha;
  char prefix[3] = { 0 };

  g_file_set_contents (path, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", -1, &error);
  g_assert_no_error (error);
  item = xa_archive_import_file (xa_workspace_get_archive (fixture->ui.workspace), path, NULL, NULL, &error);
  g_assert_no_error (error);

  xa_archive_page_check_async (fixture->page);
  while (xa_archive_page_get_check_report (fixture->page) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (xa_archive_page_get_check_report (fixture->page), "1"));
  g_assert_null (strstr (xa_archive_page_get_check_report (fixture->page), xa_archive_item_get_sha256 (item)));

  /* One byte of the stored file flipped on the disk. */
  sha = xa_archive_item_get_sha256 (item);
  memcpy (prefix, sha, 2);
  blob = g_build_filename (fixture->ui.data_dir, "blobs", prefix, sha, NULL);
  g_file_get_contents (blob, &content, &length, &error);
  g_assert_no_error (error);
  content[length / 2] ^= 0x01;
  g_chmod (blob, 0600);
  g_file_set_contents (blob, content, length, &error);
  g_assert_no_error (error);

  xa_archive_page_check_async (fixture->page);
  while (xa_archive_page_get_check_report (fixture->page) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (xa_archive_page_get_check_report (fixture->page), sha));
}

/* Printing a scan of several pages: every page is rendered in the helper first, not only
 * the one shown, then all are printed (here into a PDF, as the print dialog's "Print to
 * File" does), each on an A4 sheet with the page's image on it; the stored file is
 * unchanged. */
static void
test_print_all_pages (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = scan_original (fixture);
  g_autofree char *printed = g_build_filename (fixture->scan_dir, "打印.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(XaArchiveItem) item = NULL;
  g_autoptr(PopplerDocument) scanned = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  XaArchiveDetail *detail = xa_archive_page_get_detail (fixture->page);
  XaArchive *archive = xa_workspace_get_archive (fixture->ui.workspace);
  int n_pages;

  item = xa_archive_import_file (archive, path, NULL, NULL, &error);
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  scanned = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (scanned);
  g_assert_cmpint (n_pages, >, 1);
  g_clear_pointer (&uri, g_free);
  before = xa_archive_dup_content (archive, item, &error);
  g_assert_no_error (error);

  xa_archive_page_reload (fixture->page);
  xa_archive_page_select (fixture->page, 0);
  g_assert_true (xa_archive_detail_get_item (detail) != NULL);
  xa_test_wait_for_boolean (detail, "busy", FALSE);
  g_assert_null (xa_archive_detail_get_message (detail));

  /* Only the first page is shown, so the others are rendered for the print. */
  xa_archive_detail_print (detail, printed);
  g_assert_true (xa_archive_detail_get_busy (detail));
  xa_test_wait_for_boolean (detail, "busy", FALSE);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));

  uri = g_filename_to_uri (printed, NULL, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      GList *images = poppler_page_get_image_mapping (page);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.28, 1.0);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 1.0);
      /* Each sheet carries its page, drawn from the rendered image. */
      g_assert_cmpuint (g_list_length (images), ==, 1);
      poppler_page_free_image_mapping (images);
    }

  after = xa_archive_dup_content (archive, item, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/archive-page/import-scan", Fixture, NULL, fixture_set_up, test_import_scan, fixture_tear_down);
  g_test_add ("/archive-page/import-partial", Fixture, NULL, fixture_set_up, test_import_partial, fixture_tear_down);
  g_test_add ("/archive-page/import-by-hand", Fixture, NULL, fixture_set_up, test_import_by_hand, fixture_tear_down);
  g_test_add ("/archive-page/hostile-preview", Fixture, NULL, fixture_set_up, test_hostile_preview, fixture_tear_down);
  g_test_add ("/archive-page/signature-state", Fixture, NULL, fixture_set_up, test_signature_state, fixture_tear_down);
  g_test_add ("/archive-page/check-flipped-byte", Fixture, NULL, fixture_set_up, test_check_flipped_byte, fixture_tear_down);
  g_test_add ("/archive-page/print-all-pages", Fixture, NULL, fixture_set_up, test_print_all_pages, fixture_tear_down);

  return g_test_run ();
}
