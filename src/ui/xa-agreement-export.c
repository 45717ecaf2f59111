/* xa-agreement-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "导出 PDF": one agreement, read again from the store and laid out in a worker thread
 * (the preview's layouts belong to the main thread), written atomically: a temporary
 * file, fsync, rename, so that a crash leaves the old file or the new one, never half.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-agreement-export.h"
#include "core/store/xa-store-audit.h"
#include "document/xa-pdf-file.h"

typedef struct
{
  XaAgreementBook *book;
  char            *uuid;
  XaCopies         copies;
  XaFontResolver  *fonts;
  GFile           *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->book);
  g_clear_pointer (&data->uuid, g_free);
  g_clear_object (&data->fonts);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaPageSet) pages = NULL;
  XaAgreementCopy copies[2];
  guint n_copies;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xa_pdf_file_dup_local_path (data->file, &error);
  g_autofree char *head = NULL;

  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!(agreement = xa_agreement_book_dup_by_uuid (data->book, data->uuid, &error)) ||
      !(template = xa_agreement_book_dup_template (data->book, agreement, &error)) ||
      !(head = xa_store_dup_audit_head_text (xa_agreement_book_get_store (data->book), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  n_copies = xa_copies_to_array (data->copies, copies);
  pages = xa_page_set_new_for_agreement (agreement, template, copies, n_copies, data->fonts);
  /* The audit chain's head, so that the file shows which state of the store it holds. */
  xa_page_set_set_keywords (pages, head);
  if (!(bytes = xa_page_set_render_pdf (pages, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
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
 * xa_agreement_export_async:
 * @uuid: the agreement revision to write
 * @copies: which originals the file holds
 * @file: a local file; replaced atomically when it exists
 *
 * Writes what is stored, so the file matches the database even while fields are being
 * typed in the detail.
 */
void
xa_agreement_export_async (XaAgreementBook     *book,
                           const char          *uuid,
                           XaCopies             copies,
                           XaFontResolver      *fonts,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (XA_IS_AGREEMENT_BOOK (book));
  g_return_if_fail (uuid != NULL);
  g_return_if_fail (XA_IS_FONT_RESOLVER (fonts));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (ExportData, 1);
  data->book = g_object_ref (book);
  data->uuid = g_strdup (uuid);
  data->copies = copies;
  data->fonts = g_object_ref (fonts);
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_agreement_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_worker);
}

gboolean
xa_agreement_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
