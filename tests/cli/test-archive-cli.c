/* test-archive-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli archive …` on a demo district: files imported as an agreement's original
 * are listed and show on the 签回 board (one original back, one missing); the same file
 * again is reported; a file that is no scan is refused by name and changes nothing;
 * `archive check` exits 1 with one line naming a flipped byte, a deleted file and a
 * stray; a preview and an export leave every stored file's SHA-256 as it was; hostile
 * files given to `archive preview` each get their message.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"

#define YEAR "2021-2022"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;
  char          *pdf;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) schools = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  xa_test_demo_dir_set_up (&fixture->demo, "archive-cli", 2);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
  xa_test_run_cli (&run, fixture->demo.data_dir, "agreement", "generate", "--year", YEAR, "--all", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "agreement", "advance", "--year", YEAR, "--school",
                   fixture->code, "--to", "pending", NULL);
  g_assert_cmpint (run.status, ==, 0);

  fixture->pdf = g_build_filename (fixture->demo.dir, "责任书-区教委存.pdf", NULL);
  surface = cairo_pdf_surface_create (fixture->pdf, 595.28, 841.89);
  cr = cairo_create (surface);
  cairo_rectangle (cr, 100, 100, 200, 100);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->code);
  g_free (fixture->pdf);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

/* The SHA-256 of every file under blobs/, by name. */
static char *
blob_digest (Fixture *fixture)
{
  g_autofree char *blobs = g_build_filename (fixture->demo.data_dir, "blobs", NULL);
  g_autoptr(GDir) top = g_dir_open (blobs, 0, NULL);
  g_autoptr(GString) digest = g_string_new (NULL);
  const char *sub_name;

  while (top != NULL && (sub_name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub_path = g_build_filename (blobs, sub_name, NULL);
      g_autoptr(GDir) sub = g_dir_open (sub_path, 0, NULL);
      const char *name;

      while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub_path, name, NULL);
          g_autofree char *bytes = NULL;
          g_autofree char *sha256 = NULL;
          gsize length = 0;
          GStatBuf st;

          g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) bytes, length);
          g_assert_cmpstr (sha256, ==, name);
          g_string_append_printf (digest, "%s %ld\n", name, (long) st.st_mtime);
        }
    }

  return g_string_free (g_steal_pointer (&digest), FALSE);
}

static void
test_import_board_check (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(JsonArray) board = NULL;
  g_autofree char *text = g_build_filename (fixture->demo.dir, "说明.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->demo.dir, "page.png", NULL);
  g_autofree char *copy = g_build_filename (fixture->demo.dir, "copy.pdf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *original = NULL;
  g_autofree char *exported = NULL;
  gsize original_length = 0, exported_length = 0;
  JsonObject *row = NULL;

  xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "import", fixture->pdf, "--school", fixture->code,
                   "--year", YEAR, "--copy", "commission", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "责任书-区教委存.pdf"));
  xa_test_run_clear (&run);

  /* Again: reported, not stored. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "import", fixture->pdf, "--school", fixture->code,
                   "--year", YEAR, "--copy", "commission", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "责任书-区教委存.pdf"));
  xa_test_run_clear (&run);

  /* Not a scan: refused by name, nothing stored, even beside a good file. */
  g_assert_true (g_file_set_contents (text, "只是文字", -1, NULL));
  xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "import", fixture->pdf, text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "说明.pdf"));
  xa_test_run_clear (&run);

  items = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "list", "--status", "original", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  uuid = g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "uuid"));
  sha256 = g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "sha256"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "copy"), ==, "commission");

  /* An unlinked scan linked afterwards as the school's original. */
  {
    g_autofree char *jpeg = g_build_filename (fixture->demo.dir, "学校存.jpg", NULL);
    static const guint8 jpeg_bytes[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };
    g_autoptr(JsonArray) unlinked = NULL;
    const char *scan;

    g_assert_true (g_file_set_contents (jpeg, (const char *) jpeg_bytes, sizeof jpeg_bytes, NULL));
    xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "import", jpeg, NULL);
    g_assert_cmpint (run.status, ==, 0);
    xa_test_run_clear (&run);
    unlinked = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "list", "--status", "unlinked", "--json", NULL);
    g_assert_cmpuint (json_array_get_length (unlinked), ==, 1);
    scan = json_object_get_string_member (json_array_get_object_element (unlinked, 0), "uuid");
    xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "link", scan, "--school", fixture->code,
                     "--year", YEAR, "--copy", "school", NULL);
    g_assert_cmpint (run.status, ==, 0);
    xa_test_run_clear (&run);
    board = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "board", "--year", YEAR, "--json", NULL);
    for (guint i = 0; i < json_array_get_length (board); i++)
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (board, i), "school"), fixture->code) == 0)
        g_assert_false (json_object_get_null_member (json_array_get_object_element (board, i), "school_back"));
    g_clear_pointer (&board, json_array_unref);
    xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "link", scan, NULL);
    g_assert_cmpint (run.status, ==, 0);
    xa_test_run_clear (&run);
  }

  /* The board: the commission's original back, the school's missing. */
  board = xa_test_run_cli_json (fixture->demo.data_dir, "archive", "board", "--year", YEAR, "--json", NULL);
  for (guint i = 0; i < json_array_get_length (board); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (board, i), "school"), fixture->code) == 0)
      row = json_array_get_object_element (board, i);
  g_assert_nonnull (row);
  g_assert_false (json_object_get_null_member (row, "commission_back"));
  g_assert_true (json_object_get_null_member (row, "school_back"));
  g_assert_false (json_object_get_null_member (row, "days_out"));

  /* Previewing and exporting leave every stored file as it was. */
  before = blob_digest (fixture);
  xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "preview", uuid, "--out", png, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "export", uuid, "--out", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  g_assert_true (g_file_get_contents (fixture->pdf, &original, &original_length, NULL));
  g_assert_true (g_file_get_contents (copy, &exported, &exported_length, NULL));
  g_assert_cmpmem (original, original_length, exported, exported_length);
  after = blob_digest (fixture);
  g_assert_cmpstr (before, ==, after);

  xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  /* A flipped byte, then a stray: one line each, exit 1. */
  {
    g_autofree char *sub = g_strndup (sha256, 2);
    g_autofree char *path = g_build_filename (fixture->demo.data_dir, "blobs", sub, sha256, NULL);
    g_autofree char *stray = g_build_filename (fixture->demo.data_dir, "blobs", sub, "多余.jpg", NULL);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    bytes[length / 2] ^= 0x01;
    g_chmod (path, 0600);
    g_assert_true (g_file_set_contents (path, bytes, length, NULL));
    g_assert_true (g_file_set_contents (stray, "x", 1, NULL));

    xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "check", NULL);
    g_test_message ("%s", run.err);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "责任书-区教委存.pdf"));
    g_assert_nonnull (strstr (run.err, "多余.jpg"));
    {
      g_auto(GStrv) lines = g_strsplit (g_strstrip (run.err), "\n", -1);

      g_assert_cmpuint (g_strv_length (lines), ==, 2);
    }
    xa_test_run_clear (&run);

    /* Deleted. */
    g_assert_cmpint (g_unlink (path), ==, 0);
    xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "check", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "责任书-区教委存.pdf"));
  }
}

static void
test_hostile_preview (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->demo.dir, "out.png", NULL);
  g_autofree char *pdf_bytes = NULL;
  gsize length = 0;
  struct
  {
    const char *name;
    const char *content;
    gssize      length;
  } cases[] = {
    { "截断.pdf", NULL, 0 },
    { "假的.pdf", "GIF89a 不是PDF", -1 },
    { "空白.pdf", "", 0 },
  };

  g_assert_true (g_file_get_contents (fixture->pdf, &pdf_bytes, &length, NULL));
  cases[0].content = pdf_bytes;
  cases[0].length = (gssize) length / 2;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(XaTestRun) run = { 0 };
      g_autofree char *path = g_build_filename (fixture->demo.dir, cases[i].name, NULL);

      g_assert_true (g_file_set_contents (path, cases[i].content, cases[i].length, NULL));
      xa_test_run_cli (&run, fixture->demo.data_dir, "archive", "preview", path, "--out", png, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, cases[i].name));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/archive-cli/import-board-check", Fixture, NULL, fixture_set_up, test_import_board_check,
              fixture_tear_down);
  g_test_add ("/archive-cli/hostile-preview", Fixture, NULL, fixture_set_up, test_hostile_preview,
              fixture_tear_down);

  return g_test_run ();
}
