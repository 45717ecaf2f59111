/* xa-hazards-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-hazard-detail.h"
#include "xa-hazard-file-actions.h"
#include "xa-hazard-filters.h"
#include "xa-hazard-form.h"
#include "xa-hazard-table.h"
#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARDS_PAGE (xa_hazards_page_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardsPage, xa_hazards_page, XA, HAZARDS_PAGE, GtkWidget)

GtkWidget       *xa_hazards_page_new                (XaWorkspace   *workspace);
void             xa_hazards_page_set_viewed_school  (XaHazardsPage *self,
                                                     const char    *school_uuid);
XaHazardFilters *xa_hazards_page_get_filters        (XaHazardsPage *self);
XaHazardTable   *xa_hazards_page_get_table          (XaHazardsPage *self);
XaHazardDetail  *xa_hazards_page_get_detail         (XaHazardsPage *self);
XaHazardForm    *xa_hazards_page_get_form           (XaHazardsPage *self);
GListModel      *xa_hazards_page_get_hazards        (XaHazardsPage *self);
XaHazardDraft   *xa_hazards_page_get_draft          (XaHazardsPage *self);
XaHazardFileActions *xa_hazards_page_get_file_actions (XaHazardsPage *self);
gboolean         xa_hazards_page_get_form_shown     (XaHazardsPage *self);
gboolean         xa_hazards_page_get_draft_offered  (XaHazardsPage *self);

G_END_DECLS
