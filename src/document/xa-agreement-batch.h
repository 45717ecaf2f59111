/* xa-agreement-batch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-agreement-renderer.h"
#include "xa-page-set.h"
#include "core/agreements/xa-agreement-book.h"

G_BEGIN_DECLS

/* Called on the thread that runs the batch, once per file written. */
typedef void (*XaAgreementBatchProgress) (guint        n_done,
                                          guint        n_total,
                                          XaAgreement *agreement,
                                          const char  *path,
                                          gpointer     user_data);

#define XA_TYPE_AGREEMENT_BATCH (xa_agreement_batch_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreementBatch, xa_agreement_batch, XA, AGREEMENT_BATCH, GObject)

/* Renders agreements into one PDF file each, on several threads: the one way the app
 * and the command line write many agreements, and name their files. Properties, notified
 * on the main context of the xa_agreement_batch_run_async() caller: "n-done", "n-total",
 * "fraction" and "current-school" (the school of the last file written). */
XaAgreementBatch *xa_agreement_batch_new          (XaFontResolver            *fonts);
XaAgreementBatch *xa_agreement_batch_new_for_book (XaFontResolver            *fonts,
                                                   XaAgreementBook           *book,
                                                   GError                   **error);
void              xa_agreement_batch_set_copies   (XaAgreementBatch          *self,
                                                   XaCopies                   copies);
void              xa_agreement_batch_set_page_codes (XaAgreementBatch        *self,
                                                   gboolean                   shown);
void              xa_agreement_batch_set_n_workers (XaAgreementBatch         *self,
                                                   guint                      n_workers);
void              xa_agreement_batch_set_keywords (XaAgreementBatch          *self,
                                                   const char                *keywords);
void              xa_agreement_batch_add          (XaAgreementBatch          *self,
                                                   XaAgreement               *agreement,
                                                   XaTemplate                *template,
                                                   const char                *path);
gboolean          xa_agreement_batch_add_agreement (XaAgreementBatch         *self,
                                                   XaAgreement               *agreement,
                                                   const char                *path,
                                                   GError                   **error);
gboolean          xa_agreement_batch_add_year     (XaAgreementBatch          *self,
                                                   int                        school_year,
                                                   const char                *folder,
                                                   GError                   **error);
char             *xa_agreement_batch_dup_path     (const char                *folder,
                                                   XaAgreement               *agreement);
guint             xa_agreement_batch_get_n_items  (XaAgreementBatch          *self);
guint             xa_agreement_batch_get_n_done   (XaAgreementBatch          *self);
double            xa_agreement_batch_get_fraction (XaAgreementBatch          *self);

gboolean          xa_agreement_batch_run          (XaAgreementBatch          *self,
                                                   GCancellable              *cancellable,
                                                   XaAgreementBatchProgress   progress,
                                                   gpointer                   user_data,
                                                   GError                   **error);
void              xa_agreement_batch_run_async    (XaAgreementBatch          *self,
                                                   GCancellable              *cancellable,
                                                   GAsyncReadyCallback        callback,
                                                   gpointer                   user_data);
gboolean          xa_agreement_batch_run_finish   (XaAgreementBatch          *self,
                                                   GAsyncResult              *result,
                                                   GError                   **error);

/* The pages of one agreement, copy after copy, each copy followed by the successor's
 * acknowledgement when there is one, appended to a PDF surface. */
gboolean          xa_agreement_write_pdf          (XaAgreement               *agreement,
                                                   XaTemplate                *template,
                                                   const XaAgreementCopy     *copies,
                                                   guint                      n_copies,
                                                   XaFontResolver            *fonts,
                                                   cairo_surface_t           *pdf_surface,
                                                   guint                     *n_pages,
                                                   GError                   **error);

G_END_DECLS
