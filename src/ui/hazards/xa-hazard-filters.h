/* xa-hazard-filters.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_FILTERS (xa_hazard_filters_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardFilters, xa_hazard_filters, XA, HAZARD_FILTERS, GtkWidget)

void         xa_hazard_filters_set_book      (XaHazardFilters   *self,
                                              XaHazardBook      *book,
                                              XaSchoolRegistry  *registry);
void         xa_hazard_filters_get_filter    (XaHazardFilters   *self,
                                              XaHazardFilter    *filter);
const char  *xa_hazard_filters_get_school    (XaHazardFilters   *self);
void         xa_hazard_filters_set_school    (XaHazardFilters   *self,
                                              const char        *school_uuid);
void         xa_hazard_filters_set_year      (XaHazardFilters   *self,
                                              int                school_year);
void         xa_hazard_filters_set_search    (XaHazardFilters   *self,
                                              const char        *text);
void         xa_hazard_filters_set_state     (XaHazardFilters   *self,
                                              int                state);
void         xa_hazard_filters_set_overdue   (XaHazardFilters   *self,
                                              gboolean           overdue_only);
void         xa_hazard_filters_show_all_of   (XaHazardFilters   *self,
                                              const char        *school_uuid,
                                              int                school_year);
GtkWidget   *xa_hazard_filters_get_search_entry (XaHazardFilters *self);
guint        xa_hazard_filters_count_narrowing (XaHazardFilters *self);

G_END_DECLS
