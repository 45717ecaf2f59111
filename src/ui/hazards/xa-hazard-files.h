/* xa-hazard-files.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-import.h"
#include "document/xa-page-set.h"

G_BEGIN_DECLS

/* The kinds of file a ledger is exported as. */
typedef enum
{
  XA_LEDGER_FORMAT_PDF,
  XA_LEDGER_FORMAT_XLSX,
  XA_LEDGER_FORMAT_CSV,
} XaLedgerFormat;

/* What to write or lay out: a ledger (the hazards a filter selects), or a form of one
 * hazard. The strings are copied. */
typedef struct
{
  XaHazardBook         *book;
  const XaHazardFilter *filter;        /* the ledger's hazards; NULL for a form */
  const char           *hazard_uuid;   /* a form's hazard */
  gboolean              closing;       /* the form is the 销号单, not the 整改通知书 */
  XaLedgerFormat        format;
  const char           *school_name;   /* the ledger's or form's school */
  int                   school_year;   /* the PDF ledger's year; a form's is its hazard's */
  GHashTable           *school_names;  /* (nullable): UUID → name, for a table of many schools */
} XaLedgerRequest;

gboolean  xa_ledger_format_from_key (const char             *key,
                                     XaLedgerFormat         *format);
void      xa_ledger_write_async     (const XaLedgerRequest  *request,
                                     GFile                  *file,
                                     GCancellable           *cancellable,
                                     GAsyncReadyCallback     callback,
                                     gpointer                user_data);
gboolean  xa_ledger_write_finish    (GAsyncResult           *result,
                                     XaPageSet             **pages,
                                     guint                  *n_hazards,
                                     GError                **error);

void      xa_ledger_import_async    (XaHazardBook                 *book,
                                     GFile                        *file,
                                     const XaHazardImportOptions  *options,
                                     GCancellable                 *cancellable,
                                     GAsyncReadyCallback           callback,
                                     gpointer                      user_data);
gboolean  xa_ledger_import_finish   (GAsyncResult                 *result,
                                     guint                        *n_hazards,
                                     GPtrArray                   **problems,
                                     GError                      **error);

G_END_DECLS
