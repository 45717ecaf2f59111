/* test-agreement-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Agreements as PDF files: the successor's acknowledgement; the threaded batch,
 * synchronous and asynchronous, and its cancellation; a year of 100 schools through the
 * batch as the app and the command line run it, every file named by the one rule, read
 * back with Poppler and passed through `qpdf --check`. (Cutting the combined PDF:
 * test-pdf-splitter.c.)
 */

#include "config.h"

#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "core/store/xa-store-audit.h"
#include "document/xa-agreement-batch.h"
#include "document/xa-succession-renderer.h"

typedef struct
{
  XaWorkspace       *workspace;
  XaFontResolver    *fonts;
  GListModel        *agreements;
  XaTemplate        *template;
  char              *dir;
} Fixture;

/* @data: the number of schools, or NULL for 6 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_schools = data ? GPOINTER_TO_UINT (data) : 6;
  XaAgreementBook *book;

  fixture->workspace = xa_test_workspace_new_in_memory (NULL, n_schools);
  book = xa_workspace_get_agreements (fixture->workspace);
  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  fixture->agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  fixture->template = xa_template_library_dup_latest (xa_workspace_get_templates (fixture->workspace),
                                                      2021, &error);
  g_assert_no_error (error);
  fixture->fonts = xa_font_resolver_new ();
  fixture->dir = g_dir_make_tmp ("xiaoan-batch-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->template);
  g_clear_object (&fixture->agreements);
  g_clear_object (&fixture->fonts);
  g_assert_finalize_object (fixture->workspace);
}

/* Line ends fall anywhere in Chinese text: compare without whitespace. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
document_squeezed (PopplerDocument *document)
{
  g_autofree char *text = xa_test_pdf_text (document);

  return squeeze (text);
}

static XaAgreement *
agreement_at (Fixture *fixture,
              guint    index)
{
  return g_list_model_get_item (fixture->agreements, index);
}

static void
test_succession_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (fixture->agreements);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaAgreement) agreement = agreement_at (fixture, i);
      g_autoptr(XaPageLayout) layout = NULL;
      g_autoptr(XaPageLayout) main_layout = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *text = NULL;
      g_autofree char *main_text = NULL;

      layout = xa_succession_layout_new (agreement, fixture->template, XA_AGREEMENT_COPY_SCHOOL, fixture->fonts);
      if (xa_agreement_get_successor (agreement) == NULL)
        {
          g_assert_null (layout);
          continue;
        }

      found++;
      g_assert_nonnull (layout);
      g_assert_cmpuint (xa_page_layout_get_n_pages (layout), ==, 1);
      pdf = xa_page_layout_render_pdf (layout, &error);
      g_assert_no_error (error);
      document = poppler_document_new_from_bytes (pdf, NULL, &error);
      g_assert_no_error (error);
      text = document_squeezed (document);
      g_assert_nonnull (strstr (text, xa_agreement_get_successor (agreement)));
      g_assert_nonnull (strstr (text, "2022年2月14日"));
      g_assert_nonnull (strstr (text, xa_agreement_get_first_responsible (agreement)));
      g_assert_nonnull (strstr (text, "四、附则"));

      /* The agreement itself names the successor with the handover date too. */
      main_layout = xa_agreement_layout_new_for_agreement (agreement, fixture->template,
                                                           XA_AGREEMENT_COPY_SCHOOL, fixture->fonts);
      g_clear_object (&document);
      g_clear_pointer (&pdf, g_bytes_unref);
      pdf = xa_page_layout_render_pdf (main_layout, &error);
      document = poppler_document_new_from_bytes (pdf, NULL, &error);
      g_assert_no_error (error);
      main_text = document_squeezed (document);
      g_assert_nonnull (strstr (main_text, "2022年2月14日"));
      g_assert_nonnull (strstr (main_text, xa_agreement_get_successor (agreement)));
    }

  /* The demo's fourth school changed its principal on 2022-02-14. */
  g_assert_cmpuint (found, ==, 1);
}

static void
count_progress (guint        n_done,
                guint        n_total,
                XaAgreement *agreement,
                const char  *path,
                gpointer     user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (n_done, ==, *calls + 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  (*calls)++;
}

static XaAgreementBatch *
fill_batch (Fixture *fixture)
{
  XaAgreementBatch *batch = xa_agreement_batch_new (fixture->fonts);

  xa_agreement_batch_set_copies (batch, XA_COPIES_SCHOOL);
  xa_agreement_batch_set_n_workers (batch, 2);

  for (guint i = 0; i < g_list_model_get_n_items (fixture->agreements); i++)
    {
      g_autoptr(XaAgreement) agreement = agreement_at (fixture, i);
      g_autofree char *name = g_strdup_printf ("%s.pdf", xa_agreement_get_school_code (agreement));
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      xa_agreement_batch_add (batch, agreement, fixture->template, path);
    }

  return batch;
}

static void
test_batch_run (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreementBatch) batch = fill_batch (fixture);
  guint calls = 0;

  g_assert_true (xa_agreement_batch_run (batch, NULL, count_progress, &calls, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, g_list_model_get_n_items (fixture->agreements));

  for (guint i = 0; i < calls; i++)
    {
      g_autoptr(XaAgreement) agreement = agreement_at (fixture, i);
      g_autofree char *name = g_strdup_printf ("%s.pdf", xa_agreement_get_school_code (agreement));
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PopplerDocument) document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = xa_test_pdf_text (document);
      g_assert_nonnull (strstr (text, xa_agreement_get_school_name (agreement)));
      g_assert_nonnull (strstr (text, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL)));
      g_assert_null (strstr (text, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION)));
    }
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (*error != NULL);
  if (xa_agreement_batch_run_finish (XA_AGREEMENT_BATCH (source), result, error))
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_batch_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XaAgreementBatch) batch = fill_batch (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(XaAgreementBatch) cancelled = fill_batch (fixture);
  GError *error = NULL;

  /* Progress arrives on this thread's main context; G_IO_ERROR_EXISTS marks success. */
  xa_agreement_batch_run_async (batch, NULL, run_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (xa_agreement_batch_get_n_done (batch), ==, xa_agreement_batch_get_n_items (batch));
  g_assert_cmpfloat (xa_agreement_batch_get_fraction (batch), ==, 1.0);

  g_cancellable_cancel (cancellable);
  xa_agreement_batch_run_async (cancelled, cancellable, run_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_after;
  guint         n_reported;
} CancelMidRun;

static void
cancel_progress (guint        n_done,
                 guint        n_total,
                 XaAgreement *agreement,
                 const char  *path,
                 gpointer     user_data)
{
  CancelMidRun *cancel = user_data;

  g_assert_cmpuint (n_done, ==, cancel->n_reported + 1);
  cancel->n_reported = n_done;
  if (n_done == cancel->cancel_after)
    g_cancellable_cancel (cancel->cancellable);
}

/* After a cancellation the folder holds the files that were reported written and nothing
 * else, no temporary file among them, each a whole PDF of its own school. */
static void
assert_only_whole_files (Fixture *fixture,
                         guint    n_reported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) schools = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, &error);
  guint n_agreements = g_list_model_get_n_items (fixture->agreements);
  guint n_files = 0;
  const char *name;

  g_assert_no_error (error);
  for (guint i = 0; i < n_agreements; i++)
    {
      XaAgreement *agreement = agreement_at (fixture, i);

      g_hash_table_insert (schools, g_strdup_printf ("%s.pdf", xa_agreement_get_school_code (agreement)),
                           agreement);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      XaAgreement *agreement = g_hash_table_lookup (schools, name);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *text = NULL;

      g_test_message ("written before the batch stopped: %s", name);
      if (agreement == NULL)
        g_error ("%s is not a file of the batch", name);
      n_files++;

      document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (document), >=, 4);
      text = xa_test_pdf_text (document);
      g_assert_nonnull (strstr (text, xa_agreement_get_school_name (agreement)));
    }

  g_assert_cmpuint (n_files, ==, n_reported);
  g_assert_cmpuint (n_files, <, n_agreements);
}

/* Cancelled from its progress after the third of 20 files: the batch says so, and stops
 * with fewer than all written. */
static void
test_batch_cancel_mid_run (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreementBatch) batch = fill_batch (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelMidRun cancel = { cancellable, 3, 0 };

  g_assert_cmpuint (xa_agreement_batch_get_n_items (batch), ==, 20);
  g_assert_false (xa_agreement_batch_run (batch, cancellable, cancel_progress, &cancel, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.n_reported, >=, cancel.cancel_after);

  assert_only_whole_files (fixture, cancel.n_reported);
}

static void
cancel_on_n_done_cb (XaAgreementBatch *batch,
                     GParamSpec       *pspec,
                     GCancellable     *cancellable)
{
  if (xa_agreement_batch_get_n_done (batch) == 3)
    g_cancellable_cancel (cancellable);
}

/* The same through the app's path: progress on the main context, cancelled from there. */
static void
test_batch_async_cancel_mid_run (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(XaAgreementBatch) batch = fill_batch (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  g_signal_connect (batch, "notify::n-done", G_CALLBACK (cancel_on_n_done_cb), cancellable);
  xa_agreement_batch_run_async (batch, cancellable, run_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The last progress reports are still on their way to this thread. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  assert_only_whole_files (fixture, xa_agreement_batch_get_n_done (batch));
}

/* A year of 100 schools as the app's 全部导出 and `agreement render --all` run it: one
 * file per school, named CODE-名称.pdf, each with both copies, the audit chain's head as
 * its keywords, read back with Poppler and sound to `qpdf --check`. */
static void
test_batch_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreementBatch) batch = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *head = NULL;
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);
  guint n_agreements = g_list_model_get_n_items (fixture->agreements);
  guint n_files = 0;

  g_assert_cmpuint (n_agreements, ==, 100);
  batch = xa_agreement_batch_new_for_book (fixture->fonts, book, &error);
  g_assert_no_error (error);
  g_assert_true (xa_agreement_batch_add_year (batch, 2021, fixture->dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xa_agreement_batch_get_n_items (batch), ==, n_agreements);
  g_assert_true (xa_agreement_batch_run (batch, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  head = xa_store_dup_audit_head_text (xa_workspace_get_store (fixture->workspace), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_agreements; i++)
    {
      g_autoptr(XaAgreement) agreement = agreement_at (fixture, i);
      g_autofree char *name = g_strdup_printf ("%s-%s.pdf", xa_agreement_get_school_code (agreement),
                                               xa_agreement_get_school_name (agreement));
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *batch_path = xa_agreement_batch_dup_path (fixture->dir, agreement);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *text = NULL;
      g_autofree char *keywords = NULL;

      g_assert_cmpstr (batch_path, ==, path);
      document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (document), >=, 2 * 4);
      text = xa_test_pdf_text (document);
      g_assert_nonnull (strstr (text, xa_agreement_get_school_name (agreement)));
      g_assert_nonnull (strstr (text, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION)));
      g_assert_nonnull (strstr (text, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL)));
      keywords = poppler_document_get_keywords (document);
      g_assert_cmpstr (keywords, ==, head);
      xa_test_pdf_assert_fonts_shared (document);
      xa_test_qpdf_check (path);
    }

  /* Nothing else: no temporary file left, no file under another name. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, n_agreements);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/agreement-batch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("succession-page", test_succession_page);
  ADD ("run", test_batch_run);
  ADD ("async", test_batch_async);
  g_test_add ("/xa/agreement-batch/cancel-mid-run", Fixture, GUINT_TO_POINTER (20),
              fixture_set_up, test_batch_cancel_mid_run, fixture_tear_down);
  g_test_add ("/xa/agreement-batch/year", Fixture, GUINT_TO_POINTER (100),
              fixture_set_up, test_batch_year, fixture_tear_down);
  g_test_add ("/xa/agreement-batch/async-cancel-mid-run", Fixture, GUINT_TO_POINTER (20),
              fixture_set_up, test_batch_async_cancel_mid_run, fixture_tear_down);

  return g_test_run ();
}
