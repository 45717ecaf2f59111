/* xa-agreements-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-agreement-list.h"
#include "xa-template-editor.h"
#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_AGREEMENTS_PAGE (xa_agreements_page_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreementsPage, xa_agreements_page, XA, AGREEMENTS_PAGE, GtkWidget)

GtkWidget        *xa_agreements_page_new            (XaWorkspace       *workspace);
void              xa_agreements_page_set_fonts      (XaAgreementsPage  *self,
                                                     XaFontResolver    *fonts);
XaAgreementList  *xa_agreements_page_get_list       (XaAgreementsPage  *self);
XaTemplateEditor *xa_agreements_page_get_editor     (XaAgreementsPage  *self);
void              xa_agreements_page_show_view      (XaAgreementsPage  *self,
                                                     const char        *name);

G_END_DECLS
