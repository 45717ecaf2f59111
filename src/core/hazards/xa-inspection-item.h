/* xa-inspection-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

/* 检查情况 (reference/domain.md §3.4). Stored by key ("abnormal"). */
typedef enum
{
  XA_INSPECTION_RESULT_NORMAL,    /* 正常 */
  XA_INSPECTION_RESULT_ABNORMAL,  /* 异常: 存在问题 says what */
  XA_N_INSPECTION_RESULTS
} XaInspectionResult;

#define XA_TYPE_INSPECTION_ITEM (xa_inspection_item_get_type ())

G_DECLARE_FINAL_TYPE (XaInspectionItem, xa_inspection_item, XA, INSPECTION_ITEM, GObject)

/* One line of an inspection record (检查部位/项目, 检查内容/标准, 检查情况, 存在问题): what
 * was checked, where, whether it was 正常 or 异常, and for an abnormal item the hazard
 * it became (its number), once it was turned into one. Properties: "area", "area-name",
 * "content", "category", "place", "result", "note", the read-only "hazard-uuid" and
 * "hazard-number". */
XaInspectionItem   *xa_inspection_item_new            (const char         *area,
                                                       const char         *area_name,
                                                       const char         *content,
                                                       XaHazardCategory    category);
XaInspectionItem   *xa_inspection_item_copy           (XaInspectionItem   *self);

const char         *xa_inspection_item_get_area       (XaInspectionItem   *self);
const char         *xa_inspection_item_get_area_name  (XaInspectionItem   *self);
const char         *xa_inspection_item_get_content    (XaInspectionItem   *self);
void                xa_inspection_item_set_content    (XaInspectionItem   *self,
                                                       const char         *content);
XaHazardCategory    xa_inspection_item_get_category   (XaInspectionItem   *self);
void                xa_inspection_item_set_category   (XaInspectionItem   *self,
                                                       XaHazardCategory    category);
const char         *xa_inspection_item_get_place      (XaInspectionItem   *self);
void                xa_inspection_item_set_place      (XaInspectionItem   *self,
                                                       const char         *place);
XaInspectionResult  xa_inspection_item_get_result     (XaInspectionItem   *self);
void                xa_inspection_item_set_result     (XaInspectionItem   *self,
                                                       XaInspectionResult  result);
const char         *xa_inspection_item_get_note       (XaInspectionItem   *self);
void                xa_inspection_item_set_note       (XaInspectionItem   *self,
                                                       const char         *note);
/* "" until the item was turned into a hazard (xa_inspection_book_record_hazard()). */
const char         *xa_inspection_item_get_hazard_uuid   (XaInspectionItem *self);
const char         *xa_inspection_item_get_hazard_number (XaInspectionItem *self);
gboolean            xa_inspection_item_has_hazard     (XaInspectionItem   *self);

const char         *xa_inspection_result_to_key       (XaInspectionResult  result);
gboolean            xa_inspection_result_from_key     (const char         *key,
                                                       XaInspectionResult *result);
const char         *xa_inspection_result_to_label     (XaInspectionResult  result);

G_END_DECLS
