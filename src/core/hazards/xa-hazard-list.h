/* xa-hazard-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-hazard-book.h"

G_BEGIN_DECLS

/* How many hazards one read fetches, and how many pages the list keeps. */
#define XA_HAZARD_LIST_PAGE_SIZE 200
#define XA_HAZARD_LIST_MAX_PAGES 8

#define XA_TYPE_HAZARD_LIST (xa_hazard_list_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardList, xa_hazard_list, XA, HAZARD_LIST, GObject)

/* A GListModel of XaHazard: the hazards a filter selects, in a sort's order, read a page
 * at a time as they are asked for, never all of them. It follows the store: after a
 * change of hazards it counts again and re-reads the pages it holds; a hazard whose
 * place in the list stayed is updated in its object (items-changed of that one
 * position), and from the first place that moved on the list says that what follows
 * changed. Its "n-items" property follows the count. Reads run on the calling thread
 * (the main thread for a view): a page is a few indexed queries. */
XaHazardList   *xa_hazard_list_new        (XaHazardBook          *book,
                                           const XaHazardFilter  *filter,
                                           XaHazardSort           sort,
                                           gboolean               descending);
XaHazardBook   *xa_hazard_list_get_book   (XaHazardList          *self);
const XaHazardFilter *xa_hazard_list_get_filter (XaHazardList    *self);
void            xa_hazard_list_set_filter (XaHazardList          *self,
                                           const XaHazardFilter  *filter);
XaHazardSort    xa_hazard_list_get_sort   (XaHazardList          *self,
                                           gboolean              *descending);
void            xa_hazard_list_set_sort   (XaHazardList          *self,
                                           XaHazardSort           sort,
                                           gboolean               descending);
void            xa_hazard_list_refresh    (XaHazardList          *self);
const GError   *xa_hazard_list_get_error  (XaHazardList          *self);
guint           xa_hazard_list_get_n_reads (XaHazardList         *self);

G_END_DECLS
