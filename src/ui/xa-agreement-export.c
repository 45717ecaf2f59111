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
#include "xa-ui-utils.h"
#include "document/xa-pdf-export.h"
#include "core/store/xa-store-audit.h"

/* In the worker (xa-pdf-export.c): the agreement as stored, in the originals chosen,
 * with the audit chain's head, so that the file shows which state of the store it holds,
 * and its pages' codes unless the preferences leave them out. */
static XaPageSet *
agreement_pages (gpointer   data,
                 GError   **error)
{
  XaPageSetRequest *request = data;
  g_autoptr(XaPageSet) pages = NULL;
  g_autofree char *head = NULL;

  if (!(pages = xa_page_set_request_lay_out (request, error)) ||
      !(head = xa_store_dup_audit_head_text (xa_agreement_book_get_store (request->book), error)))
    return NULL;

  xa_page_set_set_keywords (pages, head);
  xa_page_set_set_page_codes (pages, xa_settings_get_page_codes ());
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
  xa_agreement_export_signed_async (book, uuid, copies, fonts, NULL, NULL, FALSE, file, cancellable,
                                    callback, user_data);
}

/**
 * xa_agreement_export_signed_async:
 * @p12_path: (type filename) (nullable): the PKCS#12 file to sign with, or %NULL
 * @password: (nullable): its password; copied, and wiped after use
 * @visible: whether the signature shows on the last page
 *
 * xa_agreement_export_async() of a digitally signed PDF.
 */
void
xa_agreement_export_signed_async (XaAgreementBook     *book,
                                  const char          *uuid,
                                  XaCopies             copies,
                                  XaFontResolver      *fonts,
                                  const char          *p12_path,
                                  const char          *password,
                                  gboolean             visible,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (XA_IS_AGREEMENT_BOOK (book));
  g_return_if_fail (uuid != NULL);
  g_return_if_fail (XA_IS_FONT_RESOLVER (fonts));
  g_return_if_fail (G_IS_FILE (file));

  xa_pdf_export_signed_async (agreement_pages, xa_page_set_request_new (book, uuid, copies, fonts),
                              (GDestroyNotify) xa_page_set_request_free, p12_path, password, visible,
                              file, cancellable, callback, user_data);
}

gboolean
xa_agreement_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  return xa_pdf_export_finish (result, error);
}
