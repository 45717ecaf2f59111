/* xa-agreement-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-print-operation.h"
#include "core/agreements/xa-agreement-book.h"

G_BEGIN_DECLS

#define XA_TYPE_AGREEMENT_DETAIL (xa_agreement_detail_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreementDetail, xa_agreement_detail, XA, AGREEMENT_DETAIL, GtkWidget)

void              xa_agreement_detail_set_book           (XaAgreementDetail *self,
                                                          XaAgreementBook   *book);
void              xa_agreement_detail_set_fonts          (XaAgreementDetail *self,
                                                          XaFontResolver    *fonts);
XaAgreement      *xa_agreement_detail_get_agreement      (XaAgreementDetail *self);
void              xa_agreement_detail_show_agreement     (XaAgreementDetail *self,
                                                          XaAgreement       *agreement);
XaPageSet        *xa_agreement_detail_get_pages          (XaAgreementDetail *self);
gboolean          xa_agreement_detail_get_busy           (XaAgreementDetail *self);
XaPrintOperation *xa_agreement_detail_new_print_operation (XaAgreementDetail *self);
void              xa_agreement_detail_export_to_file     (XaAgreementDetail *self,
                                                          GFile             *file);
void              xa_agreement_detail_export_signed_to_file (XaAgreementDetail *self,
                                                             const char        *p12_path,
                                                             const char        *password,
                                                             gboolean           visible,
                                                             GFile             *file);

G_END_DECLS
