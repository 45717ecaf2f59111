/* xa-hazard-notice-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 督办通知 of one school, made off the main thread for the 汇总 page: its hazards
 * overdue today read again from the store (xa_hazard_summary_read_overdue(), as the CLI
 * reads them), laid out (xa-supervision-notice.c) and, for 导出, written atomically as
 * the agreements' PDFs are (xa_pdf_file_save(): a temporary file, fsync, rename). The
 * pages come back for 打印, the calling thread's alone.
 */

#include "config.h"

#include "xa-hazard-notice-job.h"
#include "core/hazards/xa-hazard-summary.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-pdf-file.h"
#include "document/xa-supervision-notice.h"

typedef struct
{
  XaHazardBook *book;
  char         *school_uuid;
  char         *school_name;
  char         *commission_name;
  int           school_year;
  GFile        *file;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->book);
  g_free (job->school_uuid);
  g_free (job->school_name);
  g_free (job->commission_name);
  g_clear_object (&job->file);
  g_free (job);
}

static void
job_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(XaPageSet) pages = NULL;
  g_autofree char *path = NULL;
  XaSupervisionInfo info = { NULL };

  if (job->file != NULL && !(path = xa_pdf_file_dup_local_path (job->file, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(hazards = xa_hazard_summary_read_overdue (job->book, job->school_uuid, job->school_year, NULL, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  info.commission_name = job->commission_name;
  info.school_name = job->school_name;
  info.school_year = job->school_year;
  fonts = xa_font_resolver_new ();
  if (!(layout = xa_supervision_notice_layout_new (hazards, &info, fonts, &error)) ||
      (path != NULL && !xa_page_layout_save_pdf (layout, path, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Laid out here, so that the main thread only draws. */
  pages = xa_page_set_new ();
  xa_page_set_add (pages, layout);
  xa_page_set_get_n_pages (pages);
  g_task_return_pointer (task, g_steal_pointer (&pages), g_object_unref);
}

/**
 * xa_hazard_notice_job_run_async:
 * @commission_name: (nullable): the sender; %NULL for the document's default
 * @school_year: the start year: 2021 for 2021—2022
 * @file: (nullable): a local file to write the PDF to, replaced atomically; %NULL only
 *   to lay the notice out (for printing)
 *
 * Overdue is judged today. A school with nothing overdue is
 * %XA_SUPERVISION_NOTICE_ERROR_NOTHING_OVERDUE.
 */
void
xa_hazard_notice_job_run_async (XaHazardBook        *book,
                                const char          *school_uuid,
                                const char          *school_name,
                                const char          *commission_name,
                                int                  school_year,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (school_uuid != NULL && school_name != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->book = g_object_ref (book);
  job->school_uuid = g_strdup (school_uuid);
  job->school_name = g_strdup (school_name);
  job->commission_name = g_strdup (commission_name);
  job->school_year = school_year;
  job->file = file != NULL ? g_object_ref (file) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_hazard_notice_job_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_worker);
}

/**
 * xa_hazard_notice_job_run_finish:
 *
 * Returns: (transfer full): the notice's pages, or %NULL with @error set
 */
XaPageSet *
xa_hazard_notice_job_run_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
