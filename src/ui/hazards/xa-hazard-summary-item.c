/* xa-hazard-summary-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the 汇总 page's lists: one element of a summary's array (a school's counts or
 * an open 重大 hazard). The item holds the array, so that a row still bound while a new
 * summary replaces the old one reads memory that is still there.
 */

#include "config.h"

#include "xa-hazard-summary-item.h"

struct _XaHazardSummaryItem
{
  GObject    parent_instance;

  GPtrArray *array;
  guint      index;
};

G_DEFINE_FINAL_TYPE (XaHazardSummaryItem, xa_hazard_summary_item, G_TYPE_OBJECT)

static void
xa_hazard_summary_item_finalize (GObject *object)
{
  XaHazardSummaryItem *self = XA_HAZARD_SUMMARY_ITEM (object);

  g_clear_pointer (&self->array, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_hazard_summary_item_parent_class)->finalize (object);
}

static void
xa_hazard_summary_item_class_init (XaHazardSummaryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_hazard_summary_item_finalize;
}

static void
xa_hazard_summary_item_init (XaHazardSummaryItem *self)
{
}

/**
 * xa_hazard_summary_item_new:
 * @array: a summary's schools or majors; a reference is taken
 */
XaHazardSummaryItem *
xa_hazard_summary_item_new (GPtrArray *array,
                            guint      index)
{
  XaHazardSummaryItem *self;

  g_return_val_if_fail (array != NULL && index < array->len, NULL);

  self = g_object_new (XA_TYPE_HAZARD_SUMMARY_ITEM, NULL);
  self->array = g_ptr_array_ref (array);
  self->index = index;
  return self;
}

/**
 * xa_hazard_summary_item_get:
 *
 * Returns: (transfer none): the element: an #XaHazardSchoolCount or an #XaMajorHazard
 */
gconstpointer
xa_hazard_summary_item_get (XaHazardSummaryItem *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_SUMMARY_ITEM (self), NULL);

  return g_ptr_array_index (self->array, self->index);
}
