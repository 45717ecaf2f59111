/* xa-hazard-summary-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-summary.h"
#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_SUMMARY_VIEW (xa_hazard_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardSummaryView, xa_hazard_summary_view, XA, HAZARD_SUMMARY_VIEW, GtkWidget)

void                   xa_hazard_summary_view_set_book        (XaHazardSummaryView *self,
                                                               XaHazardBook        *book,
                                                               XaSchoolRegistry    *registry);
int                    xa_hazard_summary_view_get_school_year (XaHazardSummaryView *self);
void                   xa_hazard_summary_view_set_school_year (XaHazardSummaryView *self,
                                                               int                  school_year);
const XaHazardSummary *xa_hazard_summary_view_get_summary     (XaHazardSummaryView *self);
gboolean               xa_hazard_summary_view_get_loading     (XaHazardSummaryView *self);
gboolean               xa_hazard_summary_view_get_busy        (XaHazardSummaryView *self);
GtkColumnView         *xa_hazard_summary_view_get_schools_view (XaHazardSummaryView *self);
GtkListView           *xa_hazard_summary_view_get_majors_view (XaHazardSummaryView *self);
void                   xa_hazard_summary_view_export_notice   (XaHazardSummaryView *self,
                                                               const char          *school_uuid,
                                                               GFile               *file);

G_END_DECLS
