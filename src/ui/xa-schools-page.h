/* xa-schools-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "core/registry/xa-organisation.h"

G_BEGIN_DECLS

#define XA_TYPE_SCHOOLS_PAGE (xa_schools_page_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolsPage, xa_schools_page, XA, SCHOOLS_PAGE, GtkWidget)

GtkWidget  *xa_schools_page_new           (XaWorkspace   *workspace);
void        xa_schools_page_new_school    (XaSchoolsPage *self);
void        xa_schools_page_focus_search  (XaSchoolsPage *self);
gboolean    xa_schools_page_select_school (XaSchoolsPage *self,
                                           const char    *uuid);
GListModel *xa_schools_page_get_model     (XaSchoolsPage *self);
XaOrganisation *xa_schools_page_get_school (XaSchoolsPage *self);

G_END_DECLS
