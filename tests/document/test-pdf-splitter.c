/* test-pdf-splitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XaPdfSplitter: one PDF of several agreements, as Cairo writes it, cut into one file per
 * school, each read back with Poppler (pages, its school's text and no other's, the
 * document information, fonts embedded and shared) and passed through `qpdf --check`;
 * the same bytes a second later. The same PDF rewritten as other writers do it: with object and
 * cross-reference streams (Cairo 1.18, the Flatpak's runtime), linearized, and with an
 * incremental update appended (as a signature adds one). Damaged PDFs give the error.
 */

/* memmem(): PDFs are binary, which g_strstr_len() stops in. */
#define _GNU_SOURCE
#include "config.h"

#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "document/xa-agreement-batch.h"
#include "document/xa-pdf-file.h"
#include "document/xa-pdf-splitter.h"

#define N_SCHOOLS 4

typedef struct
{
  XaWorkspace    *workspace;
  XaFontResolver *fonts;
  GListModel     *agreements;
  XaTemplate     *template;
  GBytes         *combined;             /* every agreement, both copies, as Cairo writes it */
  guint           n_pages[N_SCHOOLS];   /* of each agreement in it */
} Fixture;

/* Every agreement, both copies, into one PDF surface, as a batch's worker does. */
static gboolean
draw_agreements (gpointer          data,
                 cairo_surface_t  *surface,
                 GError          **error)
{
  Fixture *fixture = data;
  XaAgreementCopy copies[] = { XA_AGREEMENT_COPY_COMMISSION, XA_AGREEMENT_COPY_SCHOOL };

  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (fixture->agreements, i);

      if (!xa_agreement_write_pdf (agreement, fixture->template, copies, 2, fixture->fonts,
                                   surface, &fixture->n_pages[i], error))
        return FALSE;
    }

  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaAgreementBook *book;

  fixture->workspace = xa_test_workspace_new_in_memory (NULL, N_SCHOOLS);
  book = xa_workspace_get_agreements (fixture->workspace);
  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  fixture->agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->agreements), ==, N_SCHOOLS);
  fixture->template = xa_template_library_dup_latest (xa_workspace_get_templates (fixture->workspace),
                                                      2021, &error);
  g_assert_no_error (error);
  fixture->fonts = xa_font_resolver_new ();

  fixture->combined = xa_pdf_file_render (draw_agreements, fixture, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->combined, g_bytes_unref);
  g_clear_object (&fixture->template);
  g_clear_object (&fixture->agreements);
  g_clear_object (&fixture->fonts);
  g_assert_finalize_object (fixture->workspace);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return memmem (data, size, needle, strlen (needle)) != NULL;
}

/* Cuts @pdf, which holds the fixture's agreements, into one file per school and checks
 * each; returns the first file's Poppler document for more checks. */
static PopplerDocument *
assert_splits (Fixture *fixture,
               GBytes  *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPdfSplitter) splitter = xa_pdf_splitter_new (pdf, &error);
  g_autoptr(PopplerDocument) first_document = NULL;
  guint first = 0;

  g_assert_no_error (error);
  g_assert_nonnull (splitter);

  for (guint i = 0; i < N_SCHOOLS; i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (fixture->agreements, i);
      g_autoptr(GBytes) part = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      g_autofree char *keywords = NULL;
      XaPdfInfo info = { "标题", "作者", "2021—2022学年度", "Xiaoan", "audit chain #7 0a1b" };

      part = xa_pdf_splitter_extract (splitter, first, fixture->n_pages[i], &info, &error);
      g_assert_no_error (error);

      document = poppler_document_new_from_bytes (part, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (document), ==, fixture->n_pages[i]);

      /* Its own school, both copy marks, and no other school. */
      text = xa_test_pdf_text (document);
      g_assert_nonnull (strstr (text, xa_agreement_get_school_name (agreement)));
      g_assert_nonnull (strstr (text, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION)));
      g_assert_nonnull (strstr (text, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL)));
      for (guint j = 0; j < N_SCHOOLS; j++)
        {
          g_autoptr(XaAgreement) other = g_list_model_get_item (fixture->agreements, j);

          if (j != i)
            g_assert_null (strstr (text, xa_agreement_get_school_name (other)));
        }

      /* The information given, the keywords (the audit chain's head) among it. */
      title = poppler_document_get_title (document);
      g_assert_cmpstr (title, ==, "标题");
      keywords = poppler_document_get_keywords (document);
      g_assert_cmpstr (keywords, ==, "audit chain #7 0a1b");

      xa_test_pdf_assert_fonts_shared (document);
      xa_test_qpdf_check_bytes (part);

      first += fixture->n_pages[i];
      if (first_document == NULL)
        first_document = g_steal_pointer (&document);
    }

  g_assert_cmpuint (first, ==, xa_pdf_splitter_get_n_pages (splitter));
  return g_steal_pointer (&first_document);
}

static void
test_cairo (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = assert_splits (fixture, fixture->combined);
  g_autoptr(XaPdfSplitter) splitter = xa_pdf_splitter_new (fixture->combined, &error);
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GBytes) again = NULL;
  guint n_pages = xa_pdf_splitter_get_n_pages (splitter);
  gint64 second;

  /* The same pages give the same bytes, later too: qpdf's usual /ID comes from the
   * clock's second, so wait for the next one. */
  part = xa_pdf_splitter_extract (splitter, 0, fixture->n_pages[0], NULL, &error);
  g_assert_no_error (error);
  second = g_get_real_time () / G_USEC_PER_SEC;
  while (g_get_real_time () / G_USEC_PER_SEC == second)
    g_usleep (G_USEC_PER_SEC / 20);
  again = xa_pdf_splitter_extract (splitter, 0, fixture->n_pages[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (part, again));

  /* Pages the document does not have. */
  g_assert_null (xa_pdf_splitter_extract (splitter, n_pages, 1, NULL, &error));
  g_assert_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_null (xa_pdf_splitter_extract (splitter, 0, 0, NULL, &error));
  g_assert_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_RANGE);
}

/* The fixture's PDF as another writer makes it: qpdf with @option, which gives a file
 * that holds every one of @markers and none of @absent. */
typedef struct
{
  const char *option;
  const char *markers[3];
  const char *absent;
} Rewrite;

/* As Cairo 1.18 writes: objects inside compressed object streams, and the cross-
 * reference data in a stream instead of a table. */
static const Rewrite object_streams = {
  "--object-streams=generate", { "/ObjStm", "/XRef", NULL }, "\nxref\n"
};

/* Two cross-reference sections, the first page's and the rest, joined by /Prev. */
static const Rewrite linearized = {
  "--linearize", { "/Linearized", "/Prev", NULL }, NULL
};

static void
test_rewritten (Fixture       *fixture,
                gconstpointer  data)
{
  const Rewrite *rewrite = data;
  const char *options[] = { rewrite->option, NULL };
  g_autoptr(GBytes) rewritten = xa_test_qpdf_rewrite (fixture->combined, options);
  g_autoptr(PopplerDocument) document = NULL;

  for (guint i = 0; rewrite->markers[i] != NULL; i++)
    {
      g_assert_true (bytes_contain (rewritten, rewrite->markers[i]));
      g_assert_false (bytes_contain (fixture->combined, rewrite->markers[i]));
    }
  if (rewrite->absent != NULL)
    g_assert_false (bytes_contain (rewritten, rewrite->absent));

  document = assert_splits (fixture, rewritten);
}

static guint
match_number (GBytes     *pdf,
              const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint last = 0;

  /* The last match: an updated file's newest trailer comes last. */
  g_regex_match_full (regex, data, size, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_free (number);
      number = g_match_info_fetch (match, 1);
      last = (guint) g_ascii_strtoull (number, NULL, 10);
      g_match_info_next (match, NULL);
    }

  g_assert_nonnull (number);
  return last;
}

/* The text of object @number as the file has it, "N 0 obj" to "endobj" excluded. */
static char *
dup_object_body (GBytes *pdf,
                 guint   number)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  g_autofree char *head = g_strdup_printf ("\n%u 0 obj\n", number);
  const char *start = memmem (data, size, head, strlen (head));
  const char *end;

  g_assert_nonnull (start);
  start += strlen (head);
  end = memmem (start, size - (start - data), "endobj", 6);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* What a signature adds to a file: new versions of some objects after its end, with a
 * cross-reference section of their own whose trailer points back with /Prev. Here the
 * document information, and the first page, turned a quarter. */
static GBytes *
append_update (GBytes *pdf)
{
  GString *out = g_string_new_len (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  guint size = match_number (pdf, "/Size (\\d+)");
  guint root = match_number (pdf, "/Root (\\d+) 0 R");
  guint info = match_number (pdf, "/Info (\\d+) 0 R");
  guint prev = match_number (pdf, "startxref\\s+(\\d+)");
  guint first_page = match_number (pdf, "/Kids \\[ (\\d+) 0 R");
  g_autofree char *page = dup_object_body (pdf, first_page);
  const char *type = strstr (page, "/Type /Page");
  gsize info_offset;
  gsize page_offset;
  gsize xref;

  g_assert_nonnull (type);

  info_offset = out->len;
  g_string_append_printf (out, "%u 0 obj\n<< /Producer (incremental update) >>\nendobj\n", info);
  page_offset = out->len;
  g_string_append_printf (out, "%u 0 obj\n%.*s/Rotate 90 %s", first_page, (int) (type - page), page, type);
  g_string_append (out, "endobj\n");

  xref = out->len;
  g_string_append_printf (out, "xref\n%u 1\n%010" G_GSIZE_FORMAT " 00000 n \n%u 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                          info, info_offset, first_page, page_offset);
  g_string_append_printf (out, "trailer\n<< /Size %u /Root %u 0 R /Info %u 0 R /Prev %u >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          size, root, info, prev, xref);

  return g_string_free_to_bytes (out);
}

static void
test_incremental_update (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) updated = append_update (fixture->combined);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *producer = NULL;
  double width;
  double height;

  /* The update is sound, as qpdf reads it too. */
  xa_test_qpdf_check_bytes (updated);

  document = assert_splits (fixture, updated);

  /* The newest versions were read: the update's information and its turned page. */
  producer = poppler_document_get_producer (document);
  g_assert_cmpstr (producer, ==, "incremental update");
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_clear_object (&page);
  page = poppler_document_get_page (document, 1);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, <, height);
}

static GBytes *
replace_after (GBytes     *pdf,
               const char *marker,
               const char *text)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *at = memmem (data, size, marker, strlen (marker));
  char *copy = g_memdup2 (data, size);

  g_assert_nonnull (at);
  memcpy (copy + (at - data) + strlen (marker), text, strlen (text));
  return g_bytes_new_take (copy, size);
}

static void
assert_refused (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPdfSplitter) splitter = xa_pdf_splitter_new (pdf, &error);

  g_assert_null (splitter);
  g_assert_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_PARSE);
  g_test_message ("refused: %s", error->message);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("%PDF-1.5\nnot really\n", 21);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (fixture->combined, 0,
                                                        g_bytes_get_size (fixture->combined) / 2);
  g_autoptr(GBytes) bad_xref = replace_after (fixture->combined, "startxref\n", "1");
  g_autoptr(GBytes) bad_font = replace_after (fixture->combined, "/Type /FontDescriptor", "]]]]");
  g_autoptr(XaPdfSplitter) splitter = NULL;

  assert_refused (empty);
  assert_refused (garbage);
  assert_refused (truncated);
  assert_refused (bad_xref);

  /* Objects are read as pages are copied: a damaged font comes to light then. */
  splitter = xa_pdf_splitter_new (bad_font, &error);
  g_assert_no_error (error);
  g_assert_null (xa_pdf_splitter_extract (splitter, 0, fixture->n_pages[0], NULL, &error));
  g_assert_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_PARSE);
  g_test_message ("refused: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/pdf-splitter/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("cairo", test_cairo);
  g_test_add ("/xa/pdf-splitter/object-streams", Fixture, &object_streams, fixture_set_up, test_rewritten,
              fixture_tear_down);
  g_test_add ("/xa/pdf-splitter/linearized", Fixture, &linearized, fixture_set_up, test_rewritten,
              fixture_tear_down);
  ADD ("incremental-update", test_incremental_update);
  ADD ("damaged", test_damaged);

  return g_test_run ();
}
