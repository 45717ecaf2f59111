/* xa-agreement-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-agreement-detail.h"
#include "core/agreements/xa-agreement-book.h"

G_BEGIN_DECLS

#define XA_TYPE_AGREEMENT_LIST (xa_agreement_list_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreementList, xa_agreement_list, XA, AGREEMENT_LIST, GtkWidget)

void               xa_agreement_list_set_book      (XaAgreementList   *self,
                                                    XaSchoolRegistry  *registry,
                                                    XaTemplateLibrary *templates,
                                                    XaAgreementBook   *book);
void               xa_agreement_list_set_fonts     (XaAgreementList   *self,
                                                    XaFontResolver    *fonts);
XaAgreementDetail *xa_agreement_list_get_detail    (XaAgreementList   *self);
gboolean           xa_agreement_list_select_school (XaAgreementList   *self,
                                                    const char        *school_uuid);
void               xa_agreement_list_export_all    (XaAgreementList   *self,
                                                    GFile             *folder,
                                                    XaCopies           copies);
gboolean           xa_agreement_list_get_exporting (XaAgreementList   *self);
void               xa_agreement_list_set_viewed_school (XaAgreementList *self,
                                                        const char      *school_uuid);

G_END_DECLS
