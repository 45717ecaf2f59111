/* xa-pdf-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "导出 PDF" and "打印" of any document the page engine lays out (an agreement, an
 * inspection's record): the pages are laid out in a worker thread (the interface's own
 * layouts belong to the main thread), and an export is written atomically: a temporary
 * file, fsync, rename (xa_pdf_file_save()), so that a crash leaves the old file or the
 * new one, never half. What the pages are is the caller's XaPdfPagesFunc.
 */

#include "config.h"

#include "xa-pdf-export.h"
#include "xa-pdf-file.h"
#include "xa-pdf-signer.h"

typedef struct
{
  XaPdfPagesFunc  pages_func;
  gpointer        data;
  GDestroyNotify  data_free;
  GFile          *file;  /* NULL for pages alone */
  /* A digitally signed export: the certificate file, its password and whether the
   * signature shows on the last page. */
  char           *p12_path;
  char           *password;
  gboolean        visible;
} Job;

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_object (&job->file);
  g_free (job->p12_path);
  xa_pdf_password_free (job->password);
  g_free (job);
}

static GTask *
job_task_new (XaPdfPagesFunc       pages_func,
              gpointer             data,
              GDestroyNotify       data_free,
              GFile               *file,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->pages_func = pages_func;
  job->data = data;
  job->data_free = data_free;
  job->file = file != NULL ? g_object_ref (file) : NULL;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

/* The job's pages; to be drawn in the main thread, laid out here in one set of font
 * subsets as the export writes them (xa_page_set_render_pdf() does that itself). */
static XaPageSet *
lay_out (GTask    *task,
         Job      *job,
         gboolean  to_draw)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPageSet) pages = NULL;

  if (!(pages = job->pages_func (job->data, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return NULL;
    }
  if (g_task_return_error_if_cancelled (task))
    return NULL;

  if (to_draw)
    {
      xa_page_set_share_fonts (pages, NULL);
      xa_page_set_get_n_pages (pages);
    }
  return g_steal_pointer (&pages);
}

static void
pages_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  XaPageSet *pages = lay_out (task, task_data, TRUE);

  if (pages != NULL)
    g_task_return_pointer (task, pages, g_object_unref);
}

/**
 * xa_pdf_pages_async:
 * @pages_func: (scope notified): makes the pages, in the worker
 * @data: (transfer full): what @pages_func reads
 *
 * Lays the pages out in a worker thread, for printing or a preview: the pages returned
 * are then the calling thread's alone.
 */
void
xa_pdf_pages_async (XaPdfPagesFunc       pages_func,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (pages_func != NULL);

  task = job_task_new (pages_func, data, data_free, NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_pdf_pages_async);
  g_task_run_in_thread (task, pages_worker);
}

/**
 * xa_pdf_pages_finish:
 *
 * Returns: (transfer full) (nullable): the pages laid out
 */
XaPageSet *
xa_pdf_pages_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPdfCredentials) credentials = NULL;
  g_autofree char *path = xa_pdf_file_dup_local_path (job->file, &error);

  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A wrong password or an expired certificate is said before the pages are laid out. */
  if (job->p12_path != NULL
      && !(credentials = xa_pdf_credentials_load (job->p12_path, job->password, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(pages = lay_out (task, job, FALSE)))
    return;

  if (!(bytes = xa_page_set_render_pdf (pages, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (credentials != NULL)
    {
      XaPdfSignOptions options = { -1, job->visible, { 0, 0, 0, 0 }, NULL };
      g_autofree char *name = g_file_get_basename (job->file);
      GBytes *signed_bytes = xa_pdf_sign_bytes (bytes, name, credentials, &options, &error);

      if (signed_bytes == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_bytes_unref (bytes);
      bytes = signed_bytes;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!xa_pdf_file_save (bytes, path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * xa_pdf_export_async:
 * @pages_func: (scope notified): makes the pages, in the worker
 * @data: (transfer full): what @pages_func reads
 * @file: a local file; replaced atomically when it exists
 *
 * Lays the pages out and writes them as a PDF, in a worker thread.
 */
void
xa_pdf_export_async (XaPdfPagesFunc       pages_func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GFile               *file,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  xa_pdf_export_signed_async (pages_func, data, data_free, NULL, NULL, FALSE, file, cancellable,
                              callback, user_data);
}

/**
 * xa_pdf_export_signed_async:
 * @p12_path: (type filename) (nullable): the PKCS#12 file to sign with; %NULL for a
 *   PDF without a digital signature
 * @password: (nullable): its password, copied and wiped after use
 * @visible: whether the signature shows on the last page
 *
 * xa_pdf_export_async() of a digitally signed PDF (xa-pdf-signer.c); finish it with
 * xa_pdf_export_finish(). Nothing is written when the certificate cannot be used.
 */
void
xa_pdf_export_signed_async (XaPdfPagesFunc       pages_func,
                            gpointer             data,
                            GDestroyNotify       data_free,
                            const char          *p12_path,
                            const char          *password,
                            gboolean             visible,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (pages_func != NULL);
  g_return_if_fail (p12_path == NULL || password != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = job_task_new (pages_func, data, data_free, file, cancellable, callback, user_data);
  job = g_task_get_task_data (task);
  job->p12_path = g_strdup (p12_path);
  job->password = g_strdup (password);
  job->visible = visible;
  g_task_set_source_tag (task, xa_pdf_export_signed_async);
  g_task_run_in_thread (task, export_worker);
}

gboolean
xa_pdf_export_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
