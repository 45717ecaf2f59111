/* xa-assessment-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 考核 section's reports, exported as PDF or printed (issue 14): a school's score
 * sheet, or (no school) the district summary, laid out in a worker thread by the same
 * code as `xiaoan-cli assessment report` (xa-assessment-report-read.c), in the fonts
 * looked up there; the PDF is written whole or not at all. Every school's scores go out
 * as an XLSX workbook the same way as `xiaoan-cli assessment export`.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-print.h"
#include "xa-print-operation.h"
#include "xa-ui-utils.h"
#include "document/xa-assessment-report.h"
#include "document/xa-district-report.h"
#include "document/xa-font-resolver.h"
#include "document/xa-pdf-export.h"
#include "core/assessment/xa-assessment-export.h"

typedef struct
{
  XaWorkspace      *workspace;
  XaAssessmentBook *book;
  char             *school_uuid;  /* NULL: the district summary */
  int               school_year;
} Report;

static void
report_free (Report *report)
{
  g_object_unref (report->workspace);
  g_object_unref (report->book);
  g_free (report->school_uuid);
  g_free (report);
}

static Report *
report_new (XaWorkspace      *workspace,
            XaAssessmentBook *book,
            const char       *school_uuid,
            int               school_year)
{
  Report *report = g_new0 (Report, 1);

  report->workspace = g_object_ref (workspace);
  report->book = g_object_ref (book);
  report->school_uuid = g_strdup (school_uuid);
  report->school_year = school_year;
  return report;
}

/* In the worker. */
static XaPageSet *
report_pages (gpointer   data,
              GError   **error)
{
  Report *report = data;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  XaPageSet *pages;

  if (report->school_uuid != NULL)
    layout = xa_assessment_report_read (report->book, report->school_uuid, report->school_year, fonts, error);
  else
    layout = xa_district_report_read (report->workspace, report->book, report->school_year, fonts, error);
  if (layout == NULL)
    return NULL;
  pages = xa_page_set_new ();
  xa_page_set_add (pages, layout);
  return pages;
}

/**
 * xa_assessment_report_export_async:
 * @school_uuid: (nullable): the school whose score sheet; %NULL for the district summary
 */
void
xa_assessment_report_export_async (XaWorkspace         *workspace,
                                   XaAssessmentBook    *book,
                                   const char          *school_uuid,
                                   int                  school_year,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (XA_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_FILE (file));

  xa_pdf_export_async (report_pages, report_new (workspace, book, school_uuid, school_year),
                       (GDestroyNotify) report_free, file, cancellable, callback, user_data);
}

gboolean
xa_assessment_report_export_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return xa_pdf_export_finish (result, error);
}

static void
pages_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(XaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (!(pages = xa_pdf_pages_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && gtk_widget_get_root (widget) != NULL)
        xa_widget_show_error (widget, _("The Assessment Report Was Not Printed"), error->message);
      return;
    }
  operation = xa_print_operation_new (pages, _("Assessment Report"));
  xa_print_operation_run_dialog (operation, widget, _("The Assessment Report Was Not Printed"));
}

/**
 * xa_assessment_report_print:
 * @school_uuid: (nullable): the school whose score sheet; %NULL for the district summary
 * @widget: the print dialog is over its window
 *
 * Lays the report out in a worker, then opens the print dialog.
 */
void
xa_assessment_report_print (XaWorkspace      *workspace,
                            XaAssessmentBook *book,
                            const char       *school_uuid,
                            int               school_year,
                            GtkWidget        *widget,
                            GCancellable     *cancellable)
{
  g_return_if_fail (XA_IS_WORKSPACE (workspace));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  xa_pdf_pages_async (report_pages, report_new (workspace, book, school_uuid, school_year),
                      (GDestroyNotify) report_free, cancellable, pages_cb, g_object_ref (widget));
}

/* In the worker: the district's list read and written as the command line writes it. */
static void
export_scores_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Report *report = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  g_autoptr(GPtrArray) assessments = NULL;
  g_autofree char *path = g_file_get_path (file);
  GError *error = NULL;

  if (!(assessments = xa_assessment_book_list (report->book, report->school_year, &error)) ||
      !xa_assessment_export_xlsx (assessments, path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * xa_assessment_scores_export_async:
 * @file: a local file: the workbook replaces it whole, or leaves it as it was
 *
 * Every school's self and commission scores, totals, grades and vetoes of @school_year as
 * an XLSX workbook, written in a worker.
 */
void
xa_assessment_scores_export_async (XaWorkspace         *workspace,
                                   XaAssessmentBook    *book,
                                   int                  school_year,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_assessment_scores_export_async);
  g_task_set_task_data (task, report_new (workspace, book, NULL, school_year), (GDestroyNotify) report_free);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_scores_thread);
}

gboolean
xa_assessment_scores_export_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
