/* test-archive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive (src/core/archive), on either engine: files imported by their content's
 * kind (a PDF, a JPEG, a multi-page TIFF), linked to an agreement's original or to a
 * school and year; the same file again reported and not stored twice; a file that is
 * none of these refused with its name, and a batch with one such file storing nothing;
 * search by school, year, kind, status and text; the 签回 board with one original back
 * and one missing; the retention's review list; the check naming a flipped byte, a
 * deleted file and a stray; and a process killed while importing leaving no file under
 * a blob's name that does not hold its bytes. On a server, a school's login sees only
 * its own files and its own rows of the 签回 board, and cannot read another school's
 * stored bytes.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <tiffio.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/archive/xa-archive.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-date.h"

static const char pdf_bytes[] = "%PDF-1.4\n% 安全责任书（区教委存）扫描件\n%%EOF\n";
static const guint8 jpeg_bytes[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };

typedef struct
{
  char        *dir;
  char        *location;
  XaWorkspace *workspace;
  XaArchive   *archive;
  GPtrArray   *schools;  /* XaOrganisation */
} Fixture;

static gboolean
on_server (void)
{
  return xa_test_server_uri () != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-archive-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "档案员");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 2, 7, &error);
  g_assert_no_error (error);
  fixture->archive = g_object_ref (xa_workspace_get_archive (fixture->workspace));

  fixture->schools = xa_test_dup_schools (fixture->workspace);
  g_assert_cmpuint (fixture->schools->len, ==, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->archive);
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
}

static XaStore *
store_of (Fixture *fixture)
{
  return xa_workspace_get_store (fixture->workspace);
}

static const char *
school_uuid (Fixture *fixture,
             guint    index)
{
  return xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, index));
}

static char *
write_file (Fixture       *fixture,
            const char    *name,
            gconstpointer  bytes,
            gsize          size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, bytes, (gssize) size, &error));
  g_assert_no_error (error);
  return path;
}

/* A TIFF of @pages small grey pages, as a scanner writes a multi-page scan. */
static char *
write_tiff (Fixture    *fixture,
            const char *name,
            int         pages)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  TIFF *tiff = TIFFOpen (path, "w");
  guint8 row[16];

  g_assert_nonnull (tiff);
  memset (row, 0x80, sizeof row);
  for (int page = 0; page < pages; page++)
    {
      TIFFSetField (tiff, TIFFTAG_IMAGEWIDTH, 16);
      TIFFSetField (tiff, TIFFTAG_IMAGELENGTH, 8);
      TIFFSetField (tiff, TIFFTAG_BITSPERSAMPLE, 8);
      TIFFSetField (tiff, TIFFTAG_SAMPLESPERPIXEL, 1);
      TIFFSetField (tiff, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
      TIFFSetField (tiff, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
      TIFFSetField (tiff, TIFFTAG_SUBFILETYPE, FILETYPE_PAGE);
      TIFFSetField (tiff, TIFFTAG_PAGENUMBER, page, pages);
      for (guint32 y = 0; y < 8; y++)
        g_assert_cmpint (TIFFWriteScanline (tiff, row, y, 0), ==, 1);
      g_assert_true (TIFFWriteDirectory (tiff));
    }
  TIFFClose (tiff);
  return path;
}

static XaAgreement *
make_agreement (Fixture          *fixture,
                guint             school,
                XaAgreementState  to)
{
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = xa_agreement_book_generate (book, school_uuid (fixture, school), 2021, &error);

  g_assert_no_error (error);
  if (to >= XA_AGREEMENT_STATE_PENDING)
    {
      g_assert_true (xa_agreement_book_advance (book, xa_agreement_get_uuid (agreement), XA_AGREEMENT_STATE_PENDING, &error));
      g_assert_no_error (error);
    }
  if (to >= XA_AGREEMENT_STATE_SIGNED)
    {
      g_assert_true (xa_agreement_book_advance (book, xa_agreement_get_uuid (agreement), XA_AGREEMENT_STATE_SIGNED, &error));
      g_assert_no_error (error);
    }
  return xa_agreement_book_dup_by_uuid (book, xa_agreement_get_uuid (agreement), &error);
}

static gint64
count_items (Fixture *fixture)
{
  return xa_test_query_int (store_of (fixture), "SELECT count(*) FROM archive_item");
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = make_agreement (fixture, 0, XA_AGREEMENT_STATE_SIGNED);
  g_autofree char *pdf = write_file (fixture, "责任书-区教委存.pdf", pdf_bytes, strlen (pdf_bytes));
  /* A copier's JPEG saved under a .pdf name is a JPEG. */
  g_autofree char *jpeg = write_file (fixture, "照片.pdf", jpeg_bytes, sizeof jpeg_bytes);
  g_autofree char *tiff = write_tiff (fixture, "扫描件.tif", 3);
  g_autofree char *text = write_file (fixture, "说明.pdf", "这不是扫描件", strlen ("这不是扫描件"));
  g_autofree char *empty = write_file (fixture, "空白.pdf", "", 0);
  XaArchiveLink link = { .agreement_uuid = xa_agreement_get_uuid (agreement), .copy = XA_ARCHIVE_COPY_COMMISSION };
  g_autoptr(XaArchiveItem) item = NULL;
  g_autoptr(XaArchiveItem) again = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GBytes) content = NULL;
  gboolean duplicate = TRUE;
  gint64 blobs;

  item = xa_archive_import_file (fixture->archive, pdf, &link, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_false (duplicate);
  g_assert_cmpstr (xa_archive_item_get_file_name (item), ==, "责任书-区教委存.pdf");
  g_assert_cmpstr (xa_archive_item_get_media_type (item), ==, "application/pdf");
  g_assert_cmpint (xa_archive_item_get_kind (item), ==, XA_ARCHIVE_KIND_SIGNED_ORIGINAL);
  g_assert_cmpint (xa_archive_item_get_retention (item), ==, XA_ARCHIVE_RETENTION_PERMANENT);
  g_assert_cmpint (xa_archive_item_get_copy (item), ==, XA_ARCHIVE_COPY_COMMISSION);
  g_assert_cmpint (xa_archive_item_get_school_year (item), ==, 2021);
  g_assert_cmpstr (xa_archive_item_get_school_uuid (item), ==, school_uuid (fixture, 0));
  g_assert_cmpstr (xa_archive_item_get_imported_by (item), ==, "档案员");
  g_assert_cmpint (xa_archive_item_get_size (item), ==, strlen (pdf_bytes));
  content = xa_archive_dup_content (fixture->archive, item, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), pdf_bytes, strlen (pdf_bytes));

  /* The same bytes for the same original: reported, not stored again. */
  blobs = xa_test_query_int (store_of (fixture), "SELECT count(*) FROM blob");
  again = xa_archive_import_file (fixture->archive, pdf, &link, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_true (duplicate);
  g_assert_cmpstr (xa_archive_item_get_uuid (again), ==, xa_archive_item_get_uuid (item));
  g_assert_cmpint (count_items (fixture), ==, 1);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM blob"), ==, blobs);

  /* A batch: a JPEG named .pdf, a 3-page TIFF and the PDF again (a duplicate). */
  {
    const char *paths[] = { jpeg, tiff, pdf, NULL };
    XaArchiveLink school_year = { .school_uuid = school_uuid (fixture, 1), .school_year = 2021,
                                  .kind = XA_ARCHIVE_KIND_SCAN, .notes = "第二批扫描" };

    items = xa_archive_import_files (fixture->archive, paths, &school_year, &duplicates, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 3);
    g_assert_cmpuint (duplicates->len, ==, 0);
    g_assert_cmpstr (xa_archive_item_get_media_type (g_ptr_array_index (items, 0)), ==, "image/jpeg");
    g_assert_cmpstr (xa_archive_item_get_media_type (g_ptr_array_index (items, 1)), ==, "image/tiff");
    g_assert_cmpint (xa_archive_item_get_pages (g_ptr_array_index (items, 1)), ==, 3);
    g_assert_cmpint (xa_archive_item_get_retention (g_ptr_array_index (items, 1)), ==, XA_ARCHIVE_RETENTION_30_YEARS);
    g_assert_cmpint (count_items (fixture), ==, 4);
  }

  /* Not a scan by its content, or empty: refused with its name, and a batch holding one
   * stores nothing. */
  {
    const char *paths[] = { tiff, text, NULL };
    g_autofree char *before = xa_test_fingerprint (store_of (fixture));
    g_autofree char *after = NULL;
    g_autoptr(GPtrArray) none = NULL;

    none = xa_archive_import_files (fixture->archive, paths, NULL, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_KIND);
    g_assert_nonnull (strstr (error->message, "说明.pdf"));
    g_test_message ("%s", error->message);
    g_clear_error (&error);

    g_assert_null (xa_archive_import_file (fixture->archive, empty, NULL, NULL, &error));
    g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_FILE);
    g_assert_nonnull (strstr (error->message, "空白.pdf"));
    g_clear_error (&error);

    after = xa_test_fingerprint (store_of (fixture));
    g_assert_cmpstr (before, ==, after);
  }

  /* An original is an agreement's. */
  {
    XaArchiveLink bad = { .copy = XA_ARCHIVE_COPY_SCHOOL };

    g_assert_null (xa_archive_import_file (fixture->archive, tiff, &bad, NULL, &error));
    g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID);
    g_clear_error (&error);
  }

  xa_test_assert_chain_holds (store_of (fixture));
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* The app's import: off the main thread, both files or neither. */
static void
test_import_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_file (fixture, "一.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *jpeg = write_file (fixture, "二.jpg", jpeg_bytes, sizeof jpeg_bytes);
  g_autofree char *empty = write_file (fixture, "三.pdf", "", 0);
  const char *good[] = { pdf, jpeg, NULL };
  const char *bad[] = { pdf, empty, NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;

  xa_archive_import_files_async (fixture->archive, bad, NULL, NULL, imported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (xa_archive_import_files_finish (fixture->archive, result, NULL, &error));
  g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "三.pdf"));
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (count_items (fixture), ==, 0);

  xa_archive_import_files_async (fixture->archive, good, NULL, NULL, imported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  items = xa_archive_import_files_finish (fixture->archive, result, &duplicates, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpuint (duplicates->len, ==, 0);
  g_assert_cmpint (count_items (fixture), ==, 2);
}

/* A scan imported unlinked is linked later to its agreement's original, and shows on
 * the board; a second item of the same file cannot take the same link; an item goes
 * back to no link. The stored file is the same throughout. */
static void
test_relink (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = make_agreement (fixture, 0, XA_AGREEMENT_STATE_SIGNED);
  g_autofree char *pdf = write_file (fixture, "未归类扫描.pdf", pdf_bytes, strlen (pdf_bytes));
  XaArchiveLink none = { 0 };
  XaArchiveLink original = { .agreement_uuid = xa_agreement_get_uuid (agreement), .copy = XA_ARCHIVE_COPY_SCHOOL,
                             .notes = "第2页盖章清晰" };
  XaArchiveLink school_year = { .school_uuid = school_uuid (fixture, 1), .school_year = 2022,
                                .retention = XA_ARCHIVE_RETENTION_10_YEARS };
  g_autoptr(XaArchiveItem) item = xa_archive_import_file (fixture->archive, pdf, &none, NULL, &error);
  g_autoptr(XaArchiveItem) second = NULL;
  g_autoptr(XaArchiveItem) linked = NULL;
  g_autoptr(XaArchiveItem) moved = NULL;
  g_autoptr(XaArchiveItem) refused = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_no_error (error);
  g_assert_false (xa_archive_item_get_linked (item));
  linked = xa_archive_relink (fixture->archive, xa_archive_item_get_uuid (item), &original, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_archive_item_get_copy (linked), ==, XA_ARCHIVE_COPY_SCHOOL);
  g_assert_cmpstr (xa_archive_item_get_agreement_uuid (linked), ==, xa_agreement_get_uuid (agreement));
  g_assert_cmpint (xa_archive_item_get_school_year (linked), ==, 2021);
  g_assert_cmpstr (xa_archive_item_get_notes (linked), ==, "第2页盖章清晰");
  g_assert_cmpstr (xa_archive_item_get_sha256 (linked), ==, xa_archive_item_get_sha256 (item));
  rows = xa_archive_read_board (fixture->archive, 2021, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (xa_archive_board_row_get_agreement_uuid (g_ptr_array_index (rows, i)), xa_agreement_get_uuid (agreement)))
      g_assert_nonnull (xa_archive_board_row_get_school_back (g_ptr_array_index (rows, i)));

  /* The same bytes imported again unlinked, then given the same link: refused. */
  second = xa_archive_import_file (fixture->archive, pdf, &none, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_archive_item_get_uuid (second), !=, xa_archive_item_get_uuid (item));
  refused = xa_archive_relink (fixture->archive, xa_archive_item_get_uuid (second), &original, &error);
  g_assert_null (refused);
  g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID);
  g_clear_error (&error);

  moved = xa_archive_relink (fixture->archive, xa_archive_item_get_uuid (item), &school_year, &error);
  g_assert_no_error (error);
  g_assert_null (xa_archive_item_get_agreement_uuid (moved));
  g_assert_cmpint (xa_archive_item_get_copy (moved), ==, XA_ARCHIVE_COPY_NONE);
  g_assert_cmpint (xa_archive_item_get_school_year (moved), ==, 2022);
  g_assert_cmpint (xa_archive_item_get_retention (moved), ==, XA_ARCHIVE_RETENTION_10_YEARS);
  g_assert_cmpint (xa_archive_item_get_kind (moved), ==, xa_archive_item_get_kind (item));
  g_clear_object (&moved);

  /* Back to no link: the second item is that file unlinked already. */
  g_assert_null (xa_archive_relink (fixture->archive, xa_archive_item_get_uuid (item), &none, &error));
  g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID);
  g_clear_error (&error);
  moved = xa_archive_relink (fixture->archive, xa_archive_item_get_uuid (second), &school_year, &error);
  g_assert_null (moved);
  g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (xa_archive_relink (fixture->archive, "00000000-0000-4000-8000-000000000000", &none, &error));
  g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_NOT_FOUND);
  xa_test_assert_chain_holds (store_of (fixture));
}

/* A move to another engine (or a file) takes the archive with it: its items, their
 * links and their bytes, and the audit chain holds there. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = make_agreement (fixture, 0, XA_AGREEMENT_STATE_SIGNED);
  g_autofree char *pdf = write_file (fixture, "区教委存.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *tiff = write_tiff (fixture, "扫描.tif", 2);
  XaArchiveLink link = { .agreement_uuid = xa_agreement_get_uuid (agreement), .copy = XA_ARCHIVE_COPY_COMMISSION };
  g_autoptr(XaArchiveItem) original = xa_archive_import_file (fixture->archive, pdf, &link, NULL, &error);
  g_autoptr(XaArchiveItem) scan = xa_archive_import_file (fixture->archive, tiff, NULL, NULL, &error);
  g_autoptr(XaStore) other = xa_test_store_new ();
  g_autoptr(XaArchive) archive = xa_archive_new (other);
  g_autoptr(XaArchiveItem) copied = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  g_assert_true (xa_store_copy (store_of (fixture), other, NULL, &error));
  g_assert_no_error (error);

  copied = xa_archive_dup_item (archive, xa_archive_item_get_uuid (original), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_archive_item_get_agreement_uuid (copied), ==, xa_agreement_get_uuid (agreement));
  g_assert_cmpint (xa_archive_item_get_copy (copied), ==, XA_ARCHIVE_COPY_COMMISSION);
  content = xa_archive_dup_content (archive, copied, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), pdf_bytes, strlen (pdf_bytes));
  g_clear_object (&copied);
  copied = xa_archive_dup_item (archive, xa_archive_item_get_uuid (scan), &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_archive_item_get_pages (copied), ==, 2);
  problems = xa_archive_check (archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  xa_test_assert_chain_holds (other);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = make_agreement (fixture, 0, XA_AGREEMENT_STATE_SIGNED);
  g_autofree char *pdf = write_file (fixture, "责任书-学校存.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *jpeg = write_file (fixture, "campus_100%.jpg", jpeg_bytes, sizeof jpeg_bytes);
  g_autofree char *tiff = write_tiff (fixture, "其他.tif", 1);
  XaArchiveLink original = { .agreement_uuid = xa_agreement_get_uuid (agreement), .copy = XA_ARCHIVE_COPY_SCHOOL };
  XaArchiveLink other = { .school_uuid = school_uuid (fixture, 1), .school_year = 2022, .notes = "消防演练照片" };
  g_autoptr(XaArchiveItem) a = xa_archive_import_file (fixture->archive, pdf, &original, NULL, &error);
  g_autoptr(XaArchiveItem) b = xa_archive_import_file (fixture->archive, jpeg, &other, NULL, &error);
  g_autoptr(XaArchiveItem) c = xa_archive_import_file (fixture->archive, tiff, NULL, NULL, &error);
  struct
  {
    XaArchiveFilter  filter;
    const char      *expected;  /* file names, in order */
  } cases[] = {
    { { 0 }, "其他.tif campus_100%.jpg 责任书-学校存.pdf" },
    { { .school_uuid = school_uuid (fixture, 0) }, "责任书-学校存.pdf" },
    { { .school_year = 2022 }, "campus_100%.jpg" },
    { { .kind = XA_ARCHIVE_KIND_SIGNED_ORIGINAL }, "责任书-学校存.pdf" },
    { { .copy = XA_ARCHIVE_COPY_SCHOOL }, "责任书-学校存.pdf" },
    { { .status = XA_ARCHIVE_STATUS_LINKED }, "campus_100%.jpg 责任书-学校存.pdf" },
    { { .status = XA_ARCHIVE_STATUS_UNLINKED }, "其他.tif" },
    { { .status = XA_ARCHIVE_STATUS_ORIGINAL }, "责任书-学校存.pdf" },
    { { .text = "演练" }, "campus_100%.jpg" },
    { { .text = "CAMPUS" }, "campus_100%.jpg" },
    { { .text = "100%" }, "campus_100%.jpg" },
    { { .text = "0%." }, "campus_100%.jpg" },
    { { .text = "campus%100" }, "" },
    { { .text = xa_organisation_get_code (g_ptr_array_index (fixture->schools, 0)) }, "责任书-学校存.pdf" },
    { { .text = xa_organisation_get_name (g_ptr_array_index (fixture->schools, 1)) }, "campus_100%.jpg" },
  };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = xa_archive_list (fixture->archive, &cases[i].filter, &error);
      g_autoptr(GString) names = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint j = 0; j < items->len; j++)
        g_string_append_printf (names, "%s%s", j > 0 ? " " : "",
                                xa_archive_item_get_file_name (g_ptr_array_index (items, j)));
      g_test_message ("case %u: %s", i, names->str);
      g_assert_cmpstr (names->str, ==, cases[i].expected);
    }
}

static void
test_board (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) signed_one = make_agreement (fixture, 0, XA_AGREEMENT_STATE_SIGNED);
  g_autoptr(XaAgreement) draft = make_agreement (fixture, 1, XA_AGREEMENT_STATE_DRAFT);
  g_autofree char *pdf = write_file (fixture, "区教委存.pdf", pdf_bytes, strlen (pdf_bytes));
  XaArchiveLink link = { .agreement_uuid = xa_agreement_get_uuid (signed_one), .copy = XA_ARCHIVE_COPY_COMMISSION };
  g_autoptr(XaArchiveItem) item = xa_archive_import_file (fixture->archive, pdf, &link, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *signed_on = g_strndup (xa_agreement_get_step_time (signed_one, XA_AGREEMENT_STATE_SIGNED), 10);
  g_autofree char *today = NULL;
  GDate date;

  g_assert_no_error (error);
  g_assert_true (xa_date_parse (signed_on, &date));
  g_date_add_days (&date, 40);
  today = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));

  rows = xa_archive_read_board (fixture->archive, 2021, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      XaArchiveBoardRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (xa_archive_board_row_get_agreement_uuid (row), xa_agreement_get_uuid (signed_one)))
        {
          g_assert_nonnull (xa_archive_board_row_get_commission_back (row));
          g_assert_null (xa_archive_board_row_get_school_back (row));
          g_assert_cmpuint (xa_archive_board_row_get_n_missing (row), ==, 1);
          g_assert_cmpstr (xa_archive_board_row_get_out_since (row), ==, signed_on);
          g_assert_cmpint (xa_archive_board_row_get_days_out (row), ==, 40);
          g_assert_cmpstr (xa_archive_board_row_get_state (row), ==, "signed");
        }
      else
        {
          g_assert_cmpstr (xa_archive_board_row_get_agreement_uuid (row), ==, xa_agreement_get_uuid (draft));
          g_assert_cmpuint (xa_archive_board_row_get_n_missing (row), ==, 2);
          g_assert_cmpint (xa_archive_board_row_get_days_out (row), ==, -1);
        }
    }

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = xa_archive_read_board (fixture->archive, 2030, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = write_file (fixture, "照片.jpg", jpeg_bytes, sizeof jpeg_bytes);
  g_autofree char *pdf = write_file (fixture, "永久.pdf", pdf_bytes, strlen (pdf_bytes));
  XaArchiveLink ten = { .retention = XA_ARCHIVE_RETENTION_10_YEARS };
  XaArchiveLink forever = { .kind = XA_ARCHIVE_KIND_SIGNED_PDF };
  g_autoptr(XaArchiveItem) photo = xa_archive_import_file (fixture->archive, jpeg, &ten, NULL, &error);
  g_autoptr(XaArchiveItem) kept = xa_archive_import_file (fixture->archive, pdf, &forever, NULL, &error);
  g_autofree char *review = NULL;
  g_autofree char *day_before = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GDate date;

  g_assert_no_error (error);
  g_assert_cmpint (xa_archive_item_get_retention (kept), ==, XA_ARCHIVE_RETENTION_PERMANENT);
  g_assert_null (xa_archive_item_dup_review_date (kept));
  review = xa_archive_item_dup_review_date (photo);
  g_assert_nonnull (review);
  g_assert_true (xa_date_parse (review, &date));
  g_date_subtract_days (&date, 1);
  day_before = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));

  due = xa_archive_list_due (fixture->archive, day_before, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  due = xa_archive_list_due (fixture->archive, review, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (xa_archive_item_get_uuid (g_ptr_array_index (due, 0)), ==, xa_archive_item_get_uuid (photo));
  g_clear_pointer (&due, g_ptr_array_unref);

  /* Ages later, the permanent one is still not due. */
  due = xa_archive_list_due (fixture->archive, "2199-01-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);

  g_assert_null (xa_archive_list_due (fixture->archive, "2021-13-01", &error));
  g_assert_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID);
}

static XaBlobProblem *
only_problem (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = xa_archive_check (fixture->archive, &error);
  XaBlobProblem *problem;

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", ((XaBlobProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_steal_index (problems, 0);
  return problem;
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_file (fixture, "签回原件.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *jpeg = write_file (fixture, "照片.jpg", jpeg_bytes, sizeof jpeg_bytes);
  g_autoptr(XaArchiveItem) item = xa_archive_import_file (fixture->archive, pdf, NULL, NULL, &error);
  g_autoptr(XaArchiveItem) photo = xa_archive_import_file (fixture->archive, jpeg, NULL, NULL, &error);
  g_autofree char *path = xa_store_dup_blob_path (store_of (fixture), xa_archive_item_get_sha256 (item));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(XaBlobProblem) problem = NULL;

  g_assert_no_error (error);
  problems = xa_archive_check (fixture->archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* One byte flipped. */
  if (path != NULL)
    {
      g_autofree char *bytes = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      bytes[length / 2] ^= 0x01;
      g_assert_cmpint (g_chmod (path, 0600), ==, 0);
      g_assert_true (g_file_set_contents (path, bytes, length, NULL));
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE blob DISABLE TRIGGER blob_no_update;"
                                              "UPDATE blob SET content = set_byte (content, length (content) / 2,"
                                              " get_byte (content, length (content) / 2) # 1) WHERE sha256 = '%s';"
                                              "ALTER TABLE blob ENABLE TRIGGER blob_no_update;",
                                              xa_archive_item_get_sha256 (item));

      g_assert_true (xa_store_exec (store_of (fixture), sql, &error));
      g_assert_no_error (error);
    }
  problem = only_problem (fixture);
  g_assert_cmpint (problem->kind, ==, XA_BLOB_PROBLEM_DAMAGED);
  g_assert_cmpstr (problem->sha256, ==, xa_archive_item_get_sha256 (item));
  g_assert_nonnull (strstr (problem->message, "签回原件.pdf"));
  g_clear_pointer (&problem, xa_blob_problem_free);
  g_assert_null (xa_archive_dup_content (fixture->archive, item, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_DAMAGED);
  g_assert_nonnull (strstr (error->message, "签回原件.pdf"));
  g_clear_error (&error);

  /* The rest is about files beside a database file. */
  if (path == NULL)
    return;

  /* Deleted. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  problem = only_problem (fixture);
  g_assert_cmpint (problem->kind, ==, XA_BLOB_PROBLEM_MISSING);
  g_assert_nonnull (strstr (problem->message, "签回原件.pdf"));
  g_clear_pointer (&problem, xa_blob_problem_free);

  /* Imported again, the file is whole again; then a stray appears. */
  g_clear_object (&item);
  item = xa_archive_import_file (fixture->archive, pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  problems = xa_archive_check (fixture->archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  {
    g_autofree char *stray = g_build_filename (fixture->dir, "blobs", "00", "遗留.pdf", NULL);
    g_autofree char *sub = g_path_get_dirname (stray);

    g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
    g_assert_true (g_file_set_contents (stray, "x", 1, NULL));
    problem = only_problem (fixture);
    g_assert_cmpint (problem->kind, ==, XA_BLOB_PROBLEM_STRAY);
    g_assert_cmpstr (problem->path, ==, stray);
    g_clear_pointer (&problem, xa_blob_problem_free);
    g_assert_cmpint (g_unlink (stray), ==, 0);
  }

  /* The blob table's row gone behind the app's back: the archived file that names it is
   * named, and its file under blobs/ is then a stray. */
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_keys = OFF; DELETE FROM blob WHERE sha256 = '%s';"
                                            " PRAGMA foreign_keys = ON;", xa_archive_item_get_sha256 (photo));
    g_autoptr(GPtrArray) found = NULL;
    gboolean unlisted = FALSE, stray = FALSE;

    g_assert_true (xa_store_exec (store_of (fixture), sql, &error));
    g_assert_no_error (error);
    found = xa_archive_check (fixture->archive, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < found->len; i++)
      {
        XaBlobProblem *p = g_ptr_array_index (found, i);

        g_test_message ("check: %s", p->message);
        if (p->kind == XA_BLOB_PROBLEM_UNLISTED)
          unlisted = strstr (p->message, "照片.jpg") != NULL;
        if (p->kind == XA_BLOB_PROBLEM_STRAY)
          stray = TRUE;
      }
    g_assert_true (unlisted);
    g_assert_true (stray);
  }
}

/* The child: imports files of 2 to 6 MB, each of new bytes, until it is killed. */
G_GNUC_NORETURN static void
run_importer (const char *location,
              const char *dir,
              guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_workspace_open_location (location, NULL, "档案员", &error);
  g_autoptr(XaArchive) archive = NULL;

  /* A forked child has its parent's random state: the UUIDs it makes must be its own. */
  g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_real_time ());
  if (workspace == NULL)
    {
      g_printerr ("%s\n", error->message);
      _exit (3);
    }
  archive = xa_archive_new (xa_workspace_get_store (workspace));

  for (guint32 n = seed; ; n++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (n);
      gsize length = (2 + n % 5) * 1024 * 1024;
      g_autofree guint8 *data = g_malloc (length);
      g_autofree char *path = g_strdup_printf ("%s/scan-%u.pdf", dir, n);

      memcpy (data, "%PDF-1.4\n", 9);
      for (gsize i = 9; i < length; i++)
        data[i] = (guint8) g_rand_int (rand);
      if (!g_file_set_contents (path, (char *) data, length, NULL))
        _exit (4);
      if (!xa_archive_import_file (archive, path, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          _exit (5);
        }
      g_unlink (path);
    }
}

static void
test_killed_while_importing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211212);
  g_autofree char *blob_dir = g_build_filename (fixture->dir, "blobs", NULL);
  g_autofree char *work = g_build_filename (fixture->dir, "in", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) top = NULL;
  const char *sub_name;
  guint checked = 0;

  g_clear_object (&fixture->archive);
  g_assert_finalize_object (fixture->workspace);
  fixture->workspace = NULL;
  g_assert_cmpint (g_mkdir_with_parents (work, 0700), ==, 0);

  for (guint round = 0; round < 4; round++)
    {
      pid_t pid = fork ();
      int status = 0;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        run_importer (fixture->location, work, round * 1000);

      g_usleep (g_rand_int_range (rand, 300, 1200) * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_test_message ("the importer ended with status %d", WEXITSTATUS (status));
      g_assert_true (WIFSIGNALED (status));
    }

  fixture->workspace = xa_test_workspace_open (fixture->location, "档案员");
  fixture->archive = xa_archive_new (store_of (fixture));
  g_test_message ("%" G_GINT64_FORMAT " files archived before the kills", count_items (fixture));

  /* Every archived file whole; strays only of bytes whose row the kill stopped. */
  problems = xa_archive_check (fixture->archive, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      XaBlobProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem->message);
      g_assert_cmpint (problem->kind, ==, XA_BLOB_PROBLEM_STRAY);
    }

  /* No file under a blob's name holds other bytes than its name says. */
  top = g_dir_open (blob_dir, 0, NULL);
  while (top != NULL && (sub_name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub_path = g_build_filename (blob_dir, sub_name, NULL);
      g_autoptr(GDir) sub = g_dir_open (sub_path, 0, NULL);
      const char *name;

      while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub_path, name, NULL);
          g_autofree char *bytes = NULL;
          g_autofree char *sha256 = NULL;
          gsize length = 0;

          if (name[0] == '.')
            continue;
          g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
          sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) bytes, length);
          g_assert_cmpstr (sha256, ==, name);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, (guint) count_items (fixture));
}

/* Server only: a school's login lists and reads its own archived files, not another
 * school's nor those linked to no school, and cannot archive a file for another school. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("arch_a_%d", (int) getpid ());
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-archive-XXXXXX", NULL);
  g_autofree char *pdf_b = g_build_filename (dir, "乙校原件.pdf", NULL);
  g_autofree char *pdf_a = g_build_filename (dir, "甲校原件.pdf", NULL);
  g_autofree char *loose = g_build_filename (dir, "未归类.pdf", NULL);
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaArchiveItem) of_b = NULL;
  g_autoptr(XaArchiveItem) unlinked = NULL;
  g_autoptr(XaArchiveItem) of_a = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) stolen = NULL;
  g_autoptr(GBytes) own = NULL;
  XaArchiveLink link_a = { .school_year = 2021 };
  XaArchiveLink link_b = { .school_year = 2021 };
  XaArchive *archive_a;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  link_a.school_uuid = xa_organisation_get_uuid (a);
  link_b.school_uuid = xa_organisation_get_uuid (b);

  g_assert_true (g_file_set_contents (pdf_b, "%PDF-1.4\n乙\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_a, "%PDF-1.4\n甲\n", -1, NULL));
  g_assert_true (g_file_set_contents (loose, "%PDF-1.4\n未\n", -1, NULL));
  of_b = xa_archive_import_file (xa_workspace_get_archive (admin), pdf_b, &link_b, NULL, &error);
  g_assert_no_error (error);
  unlinked = xa_archive_import_file (xa_workspace_get_archive (admin), loose, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);
  archive_a = xa_workspace_get_archive (school_a);

  listed = xa_archive_list (archive_a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  stolen = xa_archive_dup_content (archive_a, of_b, &error);
  g_assert_null (stolen);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (xa_archive_import_file (archive_a, pdf_a, &link_b, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  of_a = xa_archive_import_file (archive_a, pdf_a, &link_a, NULL, &error);
  g_assert_no_error (error);
  own = xa_archive_dup_content (archive_a, of_a, &error);
  g_assert_no_error (error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = xa_archive_list (archive_a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM archive_item"), ==, 3);
  xa_test_assert_chain_holds (admin_store);
  xa_test_remove_tree (dir);
}

/* Server only: a school's login, as the app's archive view reads for it: the 签回 board
 * of the year has its own agreement's row alone, with its original back as the clerk
 * filed it; its list and search find its own files only; another school's file is
 * neither read through the archive nor in SQL, its blob row not even counted. */
static void
test_school_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "档案员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  XaAgreementBook *book = xa_workspace_get_agreements (admin);
  g_autofree char *role_a = g_strdup_printf ("arch_view_a_%d", (int) getpid ());
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-archive-XXXXXX", NULL);
  g_autofree char *pdf_a = g_build_filename (dir, "甲校区教委存.pdf", NULL);
  g_autofree char *pdf_b = g_build_filename (dir, "乙校区教委存.pdf", NULL);
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaAgreement) agreement_a = NULL;
  g_autoptr(XaAgreement) agreement_b = NULL;
  g_autoptr(XaArchiveItem) of_a = NULL;
  g_autoptr(XaArchiveItem) of_b = NULL;
  g_autoptr(GPtrArray) board = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) own = NULL;
  g_autoptr(GBytes) stolen = NULL;
  XaArchiveFilter filter = { 0 };
  XaArchiveLink link = { .copy = XA_ARCHIVE_COPY_COMMISSION };
  XaArchive *archive_a;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  agreement_a = xa_agreement_book_generate (book, xa_organisation_get_uuid (a), 2021, &error);
  g_assert_no_error (error);
  agreement_b = xa_agreement_book_generate (book, xa_organisation_get_uuid (b), 2021, &error);
  g_assert_no_error (error);

  /* The clerk files each school's commission original. */
  g_assert_true (g_file_set_contents (pdf_a, "%PDF-1.4\n甲校 区教委存\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_b, "%PDF-1.4\n乙校 区教委存\n", -1, NULL));
  link.agreement_uuid = xa_agreement_get_uuid (agreement_a);
  of_a = xa_archive_import_file (xa_workspace_get_archive (admin), pdf_a, &link, NULL, &error);
  g_assert_no_error (error);
  link.agreement_uuid = xa_agreement_get_uuid (agreement_b);
  of_b = xa_archive_import_file (xa_workspace_get_archive (admin), pdf_b, &link, NULL, &error);
  g_assert_no_error (error);
  board = xa_archive_read_board (xa_workspace_get_archive (admin), 2021, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->len, ==, 2);
  g_clear_pointer (&board, g_ptr_array_unref);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);
  archive_a = xa_workspace_get_archive (school_a);

  /* Its 签回 board: its own row, its commission original back, its own copy missing. */
  board = xa_archive_read_board (archive_a, 2021, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (board->len, ==, 1);
  g_assert_cmpstr (xa_archive_board_row_get_agreement_uuid (board->pdata[0]), ==, xa_agreement_get_uuid (agreement_a));
  g_assert_cmpstr (xa_archive_board_row_get_school_uuid (board->pdata[0]), ==, xa_organisation_get_uuid (a));
  g_assert_nonnull (xa_archive_board_row_get_commission_back (board->pdata[0]));
  g_assert_null (xa_archive_board_row_get_school_back (board->pdata[0]));
  g_assert_cmpuint (xa_archive_board_row_get_n_missing (board->pdata[0]), ==, 1);

  /* Its list, whatever the filter asks: its own file only. */
  listed = xa_archive_list (archive_a, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (xa_archive_item_get_uuid (listed->pdata[0]), ==, xa_archive_item_get_uuid (of_a));
  g_clear_pointer (&listed, g_ptr_array_unref);
  filter.school_uuid = xa_organisation_get_uuid (b);
  listed = xa_archive_list (archive_a, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  filter.school_uuid = NULL;
  filter.text = "乙校";
  listed = xa_archive_list (archive_a, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_null (xa_archive_dup_item (archive_a, xa_archive_item_get_uuid (of_b), NULL));

  /* Its own file's bytes it reads; the other school's it cannot, nor see its blob. */
  own = xa_archive_dup_content (archive_a, of_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (own), ==, strlen ("%PDF-1.4\n甲校 区教委存\n"));
  stolen = xa_archive_dup_content (archive_a, of_b, &error);
  g_assert_null (stolen);
  g_assert_nonnull (error);
  g_test_message ("another school's file: %s", error->message);
  g_clear_error (&error);
  sql = g_strdup_printf ("SELECT count(*) FROM blob WHERE sha256 = '%s'", xa_archive_item_get_sha256 (of_b));
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (school_a), sql), ==, 0);
  g_assert_cmpint (xa_test_query_int (admin_store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM blob WHERE sha256 = '%s'", xa_archive_item_get_sha256 (of_a));
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (school_a), sql), ==, 1);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (school_a), "SELECT count(*) FROM archive_item"), ==, 1);
  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/archive/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/archive/import-async", Fixture, NULL, fixture_set_up, test_import_async, fixture_tear_down);
  g_test_add ("/archive/relink", Fixture, NULL, fixture_set_up, test_relink, fixture_tear_down);
  g_test_add ("/archive/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/archive/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/archive/board", Fixture, NULL, fixture_set_up, test_board, fixture_tear_down);
  g_test_add ("/archive/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/archive/check", Fixture, NULL, fixture_set_up, test_check, fixture_tear_down);
  if (on_server ())
    {
      g_test_add_func ("/archive/access", test_access);
      g_test_add_func ("/archive/school-view", test_school_view);
    }
  else
    g_test_add ("/archive/killed-while-importing", Fixture, NULL, fixture_set_up,
                test_killed_while_importing, fixture_tear_down);

  return g_test_run ();
}
