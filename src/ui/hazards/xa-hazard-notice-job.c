/* xa-hazard-notice-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 督办通知 of one school, made off the main thread for the 汇总 page: its hazards
 * overdue today read again from the store (xa_hazard_summary_read_overdue(), as the CLI
 * reads them) and laid out (xa-supervision-notice.c) in the worker every document's
 * 导出 and 打印 share (xa-pdf-export.c): written atomically for 导出, the pages
 * coming back for 打印, the calling thread's alone.
 */

#include "config.h"

#include "xa-hazard-notice-job.h"
#include "core/hazards/xa-hazard-summary.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-pdf-export.h"
#include "document/xa-supervision-notice.h"

typedef struct
{
  XaHazardBook *book;
  char         *school_uuid;
  char         *school_name;
  char         *commission_name;
  int           school_year;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->book);
  g_free (job->school_uuid);
  g_free (job->school_name);
  g_free (job->commission_name);
  g_free (job);
}

/* The notice's pages, in the worker of xa-pdf-export.c. */
static XaPageSet *
notice_pages (gpointer   data,
              GError   **error)
{
  Job *job = data;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(XaPageSet) pages = NULL;
  XaSupervisionInfo info = { NULL };

  if (!(hazards = xa_hazard_summary_read_overdue (job->book, job->school_uuid, job->school_year, NULL, error)))
    return NULL;

  info.commission_name = job->commission_name;
  info.school_name = job->school_name;
  info.school_year = job->school_year;
  fonts = xa_font_resolver_new ();
  if (!(layout = xa_supervision_notice_layout_new (hazards, &info, fonts, error)))
    return NULL;

  pages = xa_page_set_new ();
  xa_page_set_add (pages, layout);
  return g_steal_pointer (&pages);
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

  if (file != NULL)
    xa_pdf_export_async (notice_pages, job, (GDestroyNotify) job_free, file, cancellable, callback, user_data);
  else
    xa_pdf_pages_async (notice_pages, job, (GDestroyNotify) job_free, cancellable, callback, user_data);
}

/**
 * xa_hazard_notice_job_run_finish:
 *
 * Returns: (transfer full) (nullable): the notice's pages when it was laid out for
 *   printing; %NULL when it was written to its file, or with @error set
 */
XaPageSet *
xa_hazard_notice_job_run_finish (GAsyncResult  *result,
                                 GError       **error)
{
  if (g_async_result_is_tagged (result, xa_pdf_pages_async))
    return xa_pdf_pages_finish (result, error);

  xa_pdf_export_finish (result, error);
  return NULL;
}
