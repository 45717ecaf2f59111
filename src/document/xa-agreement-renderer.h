/* xa-agreement-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/agreements/xa-agreement.h"
#include "core/agreements/xa-template.h"

G_BEGIN_DECLS

/* Which signed original (一式N份) a copy is: the one a party keeps, labelled as its
 * template's party says (区教委存, 学校存, 家长存…). */
typedef enum
{
  XA_AGREEMENT_COPY_NONE,        /* no copy label: a draft */
  XA_AGREEMENT_COPY_COMMISSION,  /* the commission's party's: 区教委存 */
  XA_AGREEMENT_COPY_SCHOOL,      /* the school's party's: 学校存 */
  XA_AGREEMENT_COPY_ALL,         /* every party's that keeps one, in the parties' order */
  XA_AGREEMENT_COPY_PARTY_0 = 8, /* the first party's; XA_AGREEMENT_COPY_PARTY (i) */
} XaAgreementCopy;

#define XA_AGREEMENT_COPY_PARTY(i) ((XaAgreementCopy) (XA_AGREEMENT_COPY_PARTY_0 + (i)))

XaPageLayout *xa_agreement_layout_new (XaTemplate             *template,
                                       const XaTemplateValues *values,
                                       XaAgreementCopy         copy,
                                       XaFontResolver         *fonts);
const char   *xa_agreement_copy_to_label (XaAgreementCopy     copy);
const char   *xa_agreement_copy_label_in (XaTemplate         *template,
                                          XaAgreementCopy     copy);
guint         xa_agreement_expand_copies (XaTemplate            *template,
                                          const XaAgreementCopy *copies,
                                          guint                  n_copies,
                                          GArray                *expanded);
XaSignatureBlock *xa_agreement_signature_block_new (XaTemplate             *template,
                                                    const XaTemplateValues *values,
                                                    const char             *sign_date,
                                                    const char             *school_sign);
char         *xa_agreement_dup_title  (XaTemplate             *template,
                                       const XaTemplateValues *values);
XaPageLayout *xa_agreement_layout_new_for_agreement (XaAgreement     *agreement,
                                                     XaTemplate      *template,
                                                     XaAgreementCopy  copy,
                                                     XaFontResolver  *fonts);

G_END_DECLS
