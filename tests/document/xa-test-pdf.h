/* xa-test-pdf.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading back the PDFs the document tests write: their text with Poppler, their fonts,
 * and the qpdf tool's own check and rewrites.
 */

#pragma once

#include "document/xa-page-layout.h"
#include "document/xa-poppler-private.h"

G_BEGIN_DECLS

char   *xa_test_pdf_text                   (PopplerDocument    *document);
void    xa_test_pdf_assert_fonts_shared    (PopplerDocument    *document);
void    xa_test_qpdf_check                 (const char         *path);
void    xa_test_qpdf_check_bytes           (GBytes             *pdf);
GBytes *xa_test_qpdf_rewrite               (GBytes             *pdf,
                                            const char * const *options);

char   *xa_test_pdf_column_text            (PopplerDocument    *document,
                                            const char         *heading_before,
                                            const char         *heading_after);

char   *xa_test_squeeze                    (const char         *text);
PopplerDocument *xa_test_pdf_render_layout (XaPageLayout       *layout,
                                            const char         *name);

G_END_DECLS
