/* xa-hazard-summary-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_SUMMARY_ITEM (xa_hazard_summary_item_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardSummaryItem, xa_hazard_summary_item, XA, HAZARD_SUMMARY_ITEM, GObject)

XaHazardSummaryItem *xa_hazard_summary_item_new (GPtrArray           *array,
                                                 guint                index);
gconstpointer        xa_hazard_summary_item_get (XaHazardSummaryItem *self);

G_END_DECLS
