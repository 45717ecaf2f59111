/* xa-agreement-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "导出 PDF": one agreement, read again from the store and laid out in a worker thread
 * (the preview's layouts belong to the main thread), written atomically
 * (xa-pdf-export.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-agreement-export.h"
#include "document/xa-pdf-export.h"
#include "core/store/xa-store-audit.h"

typedef struct
{
  XaAgreementBook *book;
  char            *uuid;
  XaCopies         copies;
  XaFontResolver  *fonts;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->book);
  g_clear_pointer (&data->uuid, g_free);
  g_clear_object (&data->fonts);
  g_free (data);
}

/* In the worker (xa-pdf-export.c): the agreement as stored, in the originals chosen. */
static XaPageSet *
agreement_pages (gpointer   user_data,
                 GError   **error)
{
  ExportData *data = user_data;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaPageSet) pages = NULL;
  g_autofree char *head = NULL;
  XaAgreementCopy copies[2];
  guint n_copies;

  if (!(agreement = xa_agreement_book_dup_by_uuid (data->book, data->uuid, error)) ||
      !(template = xa_agreement_book_dup_template (data->book, agreement, error)) ||
      !(head = xa_store_dup_audit_head_text (xa_agreement_book_get_store (data->book), error)))
    return NULL;

  n_copies = xa_copies_to_array (data->copies, copies);
  pages = xa_page_set_new_for_agreement (agreement, template, copies, n_copies, data->fonts);
  /* The audit chain's head, so that the file shows which state of the store it holds. */
  xa_page_set_set_keywords (pages, head);
  return g_steal_pointer (&pages);
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

  xa_pdf_export_async (agreement_pages, data, (GDestroyNotify) export_data_free, file, cancellable,
                       callback, user_data);
}

gboolean
xa_agreement_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  return xa_pdf_export_finish (result, error);
}
