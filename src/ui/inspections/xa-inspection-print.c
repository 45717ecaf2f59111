/* xa-inspection-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "打印" and "导出 PDF" of an inspection's record (xa-inspection-record.c): the record is
 * laid out in a worker thread from a copy of the inspection taken on the main thread,
 * then printed through the system dialog (xa-print-operation.c) or written atomically
 * (xa-pdf-export.c), as an agreement is.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection-print.h"
#include "document/xa-pdf-export.h"
#include "xa-print-operation.h"
#include "document/xa-inspection-record.h"

typedef struct
{
  XaInspection *inspection;
  char         *school_name;
} Record;

static void
record_free (Record *record)
{
  g_clear_object (&record->inspection);
  g_clear_pointer (&record->school_name, g_free);
  g_free (record);
}

static Record *
record_new (XaInspection *inspection,
            const char   *school_name)
{
  Record *record = g_new0 (Record, 1);

  record->inspection = xa_inspection_copy (inspection);
  record->school_name = g_strdup (school_name);
  return record;
}

/* In the worker: the record's pages, in the fonts looked up there. */
static XaPageSet *
record_pages (gpointer   data,
              GError   **error)
{
  Record *record = data;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_inspection_record_layout_new (record->inspection, record->school_name, fonts);
  XaPageSet *pages = xa_page_set_new ();

  xa_page_set_add (pages, layout);
  return pages;
}

static void
pages_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkWidget *widget = g_task_get_task_data (task);
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(XaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;

  if (!(pages = xa_pdf_pages_finish (result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job_name = g_strdup (g_object_get_data (G_OBJECT (task), "job-name"));
  operation = xa_print_operation_new (pages, job_name);
  /* A failure when the print is done is shown over the widget, as one at its start. */
  g_task_return_boolean (task, xa_print_operation_run_dialog (operation, widget,
                                                              _("The Inspection Record Was Not Printed")));
}

/**
 * xa_inspection_print_async:
 * @inspection: a stored inspection, read with its items
 * @school_name: the school, as the record's title names it
 * @widget: where the print was asked from: the print dialog is over its window
 *
 * Lays the record out in a worker thread, then opens the print dialog; done when the
 * dialog was opened (the pages print in the background).
 */
void
xa_inspection_print_async (XaInspection        *inspection,
                           const char          *school_name,
                           GtkWidget           *widget,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *job_name = NULL;

  g_return_if_fail (XA_IS_INSPECTION (inspection));
  g_return_if_fail (school_name != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_inspection_print_async);
  g_task_set_task_data (task, g_object_ref (widget), g_object_unref);
  job_name = xa_inspection_record_dup_file_name (inspection, school_name);
  g_object_set_data_full (G_OBJECT (task), "job-name", g_steal_pointer (&job_name), g_free);
  xa_pdf_pages_async (record_pages, record_new (inspection, school_name), (GDestroyNotify) record_free,
                      cancellable, pages_cb, g_steal_pointer (&task));
}

gboolean
xa_inspection_print_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * xa_inspection_export_async:
 * @inspection: a stored inspection, read with its items
 * @file: a local file; replaced atomically when it exists
 *
 * Lays the record out and writes it as a PDF, in a worker thread.
 */
void
xa_inspection_export_async (XaInspection        *inspection,
                            const char          *school_name,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (XA_IS_INSPECTION (inspection));
  g_return_if_fail (school_name != NULL);

  xa_pdf_export_async (record_pages, record_new (inspection, school_name), (GDestroyNotify) record_free, file,
                       cancellable, callback, user_data);
}

gboolean
xa_inspection_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  return xa_pdf_export_finish (result, error);
}
