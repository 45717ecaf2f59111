/* xa-education-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "打印" and "导出 PDF" of the section's three forms: a session's 安全教育记录表
 * (xa-education-form.c), a drill's 演练记录表 (xa-drill-record.c) and an incident's 事故
 * 报告 (xa-incident-report.c). What the form needs besides the record (the session made
 * up, its make-ups, the evidence's file names) is read on the main thread; the form is
 * laid out in a worker, then printed through the system dialog (xa-print-operation.c) or
 * written atomically (xa-pdf-export.c), as an inspection's record is.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-print.h"
#include "document/xa-drill-record.h"
#include "document/xa-education-form.h"
#include "document/xa-incident-report.h"
#include "document/xa-pdf-export.h"
#include "xa-print-operation.h"

typedef struct
{
  GObject           *item;
  char              *school_name;
  XaEducationRecord *made_up;
  GPtrArray         *make_ups;
  GStrv              evidence_names;
} Form;

static void
form_free (Form *form)
{
  g_clear_object (&form->item);
  g_clear_object (&form->made_up);
  g_clear_pointer (&form->make_ups, g_ptr_array_unref);
  g_clear_pointer (&form->school_name, g_free);
  g_clear_pointer (&form->evidence_names, g_strfreev);
  g_free (form);
}

/* On the main thread: what the store holds around a session. A part that cannot be read
 * is left out of the form rather than stopping it. */
static Form *
form_new (XaWorkspace *workspace,
          GObject     *item,
          const char  *school_name)
{
  Form *form = g_new0 (Form, 1);

  form->item = g_object_ref (item);
  form->school_name = g_strdup (school_name != NULL ? school_name : "");
  if (XA_IS_EDUCATION_RECORD (item))
    {
      XaEducationRecord *record = XA_EDUCATION_RECORD (item);
      XaEducationBook *book = xa_workspace_get_education (workspace);
      const char * const *evidence = xa_education_record_get_evidence (record);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

      if (xa_education_record_get_makes_up_uuid (record) != NULL)
        form->made_up = xa_education_book_dup_record (book, xa_education_record_get_makes_up_uuid (record), NULL);
      else if (xa_education_record_get_uuid (record) != NULL)
        form->make_ups = xa_education_book_list_make_ups (book, xa_education_record_get_uuid (record), NULL);
      for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
        {
          g_autoptr(XaArchiveItem) archived = xa_archive_dup_item (xa_workspace_get_archive (workspace), evidence[i], NULL);

          g_strv_builder_add (names, archived != NULL ? xa_archive_item_get_file_name (archived) : evidence[i]);
        }
      form->evidence_names = g_strv_builder_end (names);
    }
  return form;
}

/* In the worker: the form's pages, in the fonts looked up there. */
static XaPageSet *
form_pages (gpointer   data,
            GError   **error)
{
  Form *form = data;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  XaPageSet *pages;

  if (XA_IS_EDUCATION_RECORD (form->item))
    layout = xa_education_form_layout_new (XA_EDUCATION_RECORD (form->item), form->school_name, form->made_up,
                                           form->make_ups, (const char * const *) form->evidence_names, fonts);
  else if (XA_IS_DRILL (form->item))
    layout = xa_drill_record_layout_new (XA_DRILL (form->item), fonts);
  else
    layout = xa_incident_report_layout_new (XA_INCIDENT (form->item), fonts);

  pages = xa_page_set_new ();
  xa_page_set_add (pages, layout);
  return pages;
}

/**
 * xa_education_print_dup_file_name:
 * @item: an #XaEducationRecord, #XaDrill or #XaIncident
 * @school_name: the session's school (the drill and the incident know theirs)
 *
 * Returns: (transfer full): the form's file name, without ".pdf"
 */
char *
xa_education_print_dup_file_name (GObject    *item,
                                  const char *school_name)
{
  if (XA_IS_EDUCATION_RECORD (item))
    return xa_education_form_dup_file_name (XA_EDUCATION_RECORD (item), school_name != NULL ? school_name : "");
  if (XA_IS_DRILL (item))
    return xa_drill_record_dup_file_name (XA_DRILL (item));
  g_return_val_if_fail (XA_IS_INCIDENT (item), NULL);
  return xa_incident_report_dup_file_name (XA_INCIDENT (item));
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

  if (!(pages = xa_pdf_pages_finish (result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  operation = xa_print_operation_new (pages, g_object_get_data (G_OBJECT (task), "job-name"));
  /* A failure when the print is done is shown over the widget, as one at its start. */
  g_task_return_boolean (task, xa_print_operation_run_dialog (operation, widget, _("The Form Was Not Printed")));
}

/**
 * xa_education_print_async:
 * @item: a stored #XaEducationRecord, #XaDrill or #XaIncident
 * @widget: where the print was asked from: the print dialog is over its window
 *
 * Lays the form out in a worker thread, then opens the print dialog; done when the
 * dialog was opened (the pages print in the background).
 */
void
xa_education_print_async (XaWorkspace         *workspace,
                          GObject             *item,
                          const char          *school_name,
                          GtkWidget           *widget,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_education_print_async);
  g_task_set_task_data (task, g_object_ref (widget), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "job-name", xa_education_print_dup_file_name (item, school_name), g_free);
  xa_pdf_pages_async (form_pages, form_new (workspace, item, school_name), (GDestroyNotify) form_free,
                      cancellable, pages_cb, g_steal_pointer (&task));
}

gboolean
xa_education_print_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * xa_education_export_async:
 * @item: a stored #XaEducationRecord, #XaDrill or #XaIncident
 * @file: a local file; replaced atomically when it exists
 *
 * Lays the form out and writes it as a PDF, in a worker thread.
 */
void
xa_education_export_async (XaWorkspace         *workspace,
                           GObject             *item,
                           const char          *school_name,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (XA_IS_WORKSPACE (workspace));
  g_return_if_fail (G_IS_OBJECT (item));

  xa_pdf_export_async (form_pages, form_new (workspace, item, school_name), (GDestroyNotify) form_free, file,
                       cancellable, callback, user_data);
}

gboolean
xa_education_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  return xa_pdf_export_finish (result, error);
}
