/* xa-pdf-splitter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XA_PDF_SPLITTER_ERROR (xa_pdf_splitter_error_quark ())

typedef enum
{
  XA_PDF_SPLITTER_ERROR_PARSE,   /* not a PDF, a damaged one, or pages that cannot be copied */
  XA_PDF_SPLITTER_ERROR_RANGE,   /* pages that the document does not have */
} XaPdfSplitterError;

/* The document information of an extracted file; NULL members are left out. */
typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *creator;
  const char *keywords;
} XaPdfInfo;

#define XA_TYPE_PDF_SPLITTER (xa_pdf_splitter_get_type ())

G_DECLARE_FINAL_TYPE (XaPdfSplitter, xa_pdf_splitter, XA, PDF_SPLITTER, GObject)

GQuark         xa_pdf_splitter_error_quark  (void);
XaPdfSplitter *xa_pdf_splitter_new          (GBytes           *pdf,
                                             GError          **error);
guint          xa_pdf_splitter_get_n_pages  (XaPdfSplitter    *self);
GBytes        *xa_pdf_splitter_extract      (XaPdfSplitter    *self,
                                             guint             first_page,
                                             guint             n_pages,
                                             const XaPdfInfo  *info,
                                             GError          **error);

G_END_DECLS
