/* xa-xlsx-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What one part of the workbook may unpack to: a ledger of thousands of rows is a few
 * megabytes of XML; a part beyond this is a zip bomb or the wrong file. */
#define XA_XLSX_MAX_PART_SIZE (64 * 1024 * 1024)
#define XA_XLSX_MAX_COLUMNS   64

#define XA_XLSX_ERROR (xa_xlsx_error_quark ())

typedef enum
{
  XA_XLSX_ERROR_NOT_REGULAR,  /* a folder, a device, a pipe or a socket */
  XA_XLSX_ERROR_TOO_LARGE,    /* larger than XA_CSV_MAX_FILE_SIZE, or a part unpacks too large */
  XA_XLSX_ERROR_READ,         /* missing or unreadable */
  XA_XLSX_ERROR_INVALID,      /* not a workbook, or a damaged one */
} XaXlsxError;

typedef struct _XaXlsxReader XaXlsxReader;

GQuark        xa_xlsx_error_quark        (void);
gboolean      xa_xlsx_is_zip             (GFile          *file);
XaXlsxReader *xa_xlsx_reader_open        (GFile          *file,
                                          GCancellable   *cancellable,
                                          GError        **error);
GPtrArray    *xa_xlsx_reader_next        (XaXlsxReader   *self,
                                          guint          *row,
                                          GError        **error);
char         *xa_xlsx_reader_dup_date    (XaXlsxReader   *self,
                                          const char     *serial);
void          xa_xlsx_reader_free        (XaXlsxReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaXlsxReader, xa_xlsx_reader_free)

G_END_DECLS
