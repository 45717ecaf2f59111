/* xa-inspections-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_INSPECTIONS_PAGE (xa_inspections_page_get_type ())

G_DECLARE_FINAL_TYPE (XaInspectionsPage, xa_inspections_page, XA, INSPECTIONS_PAGE, GtkWidget)

GtkWidget  *xa_inspections_page_new            (XaWorkspace       *workspace);
void        xa_inspections_page_set_year       (XaInspectionsPage *self,
                                                int                school_year);
void        xa_inspections_page_set_today      (XaInspectionsPage *self,
                                                const char        *today);
const char *xa_inspections_page_get_school_uuid (XaInspectionsPage *self);
void        xa_inspections_page_show_view      (XaInspectionsPage *self,
                                                const char        *name);
/* For tests: the views' models. */
GListModel *xa_inspections_page_get_records    (XaInspectionsPage *self);
GListModel *xa_inspections_page_get_missed     (XaInspectionsPage *self);

G_END_DECLS
