/* xa-agreement-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/agreements/xa-agreement.h"
#include "core/agreements/xa-template.h"

G_BEGIN_DECLS

/* Which of the two signed originals (一式两份) a copy is. */
typedef enum
{
  XA_AGREEMENT_COPY_NONE,        /* no copy label: a draft */
  XA_AGREEMENT_COPY_COMMISSION,  /* 区教委存 */
  XA_AGREEMENT_COPY_SCHOOL,      /* 学校存 */
} XaAgreementCopy;

XaPageLayout *xa_agreement_layout_new (XaTemplate             *template,
                                       const XaTemplateValues *values,
                                       XaAgreementCopy         copy,
                                       XaFontResolver         *fonts);
const char   *xa_agreement_copy_to_label (XaAgreementCopy     copy);
char         *xa_agreement_dup_title  (XaTemplate             *template,
                                       const XaTemplateValues *values);
XaPageLayout *xa_agreement_layout_new_for_agreement (XaAgreement     *agreement,
                                                     XaTemplate      *template,
                                                     XaAgreementCopy  copy,
                                                     XaFontResolver  *fonts);

G_END_DECLS
