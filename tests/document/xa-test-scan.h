/* xa-test-scan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/agreements/xa-agreement-book.h"
#include "document/xa-agreement-renderer.h"
#include "document/xa-font-resolver.h"
#include "document/xa-poppler-private.h"

G_BEGIN_DECLS

#define XA_TEST_SCAN_DPI 150.0

PopplerDocument *xa_test_print_agreement (XaAgreementBook  *book,
                                          XaFontResolver   *fonts,
                                          XaAgreement      *agreement,
                                          XaAgreementCopy   copy);
cairo_surface_t *xa_test_scan_sheet      (GRand            *rand,
                                          PopplerDocument  *document,
                                          int               page,
                                          double            degrees);
char            *xa_test_write_scan_pdf  (const char       *dir,
                                          const char       *name,
                                          cairo_surface_t **sheets,
                                          guint             n);

G_END_DECLS
