/* xa-page-code.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-agreement-renderer.h"
#include "core/agreements/xa-agreement.h"
#include "core/agreements/xa-agreement-book.h"
#include "core/agreements/xa-scan-match.h"

G_BEGIN_DECLS

/* A module of the printed QR code: 0.5 mm, three pixels of a 150 dpi scan. */
#define XA_PAGE_CODE_MODULE  (0.5 * 72 / 25.4)

int             xa_agreement_copy_party_index (XaTemplate     *template,
                                               XaAgreementCopy copy);
void            xa_agreement_layout_add_page_codes (XaPageLayout *layout,
                                                    const char   *agreement_uuid,
                                                    int           copy);
void            xa_agreement_layout_add_page_codes_full (XaPageLayout *layout,
                                                         const char   *agreement_uuid,
                                                         int           copy,
                                                         guint         first_page,
                                                         guint         n_pages);
void            xa_agreement_add_succession_codes (XaPageLayout *layout,
                                                   XaPageLayout *succession,
                                                   const char   *agreement_uuid,
                                                   int           copy);
XaScanExpected *xa_agreement_dup_scan_expected (XaAgreement    *agreement,
                                                XaTemplate     *template,
                                                int             copy,
                                                XaFontResolver *fonts);

/* What xa_page_code_lookup() reads: the store's agreements, and the fonts they are laid
 * out with again. */
typedef struct
{
  XaAgreementBook *book;
  XaFontResolver  *fonts;
} XaPageCodeStore;

XaScanExpected *xa_page_code_lookup            (const char     *agreement_uuid,
                                                int             copy,
                                                gpointer        store,
                                                GError        **error);

G_END_DECLS
