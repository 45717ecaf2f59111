/* xa-inspection.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-checklist.h"
#include "xa-inspection-item.h"

G_BEGIN_DECLS

#define XA_INSPECTION_ERROR (xa_inspection_error_quark ())

typedef enum
{
  XA_INSPECTION_ERROR_INVALID,  /* a field's value is wrong; the message names the field or item */
  XA_INSPECTION_ERROR_NUMBER,   /* not an inspection number such as 2021-2022-5001040001-JC0001 */
} XaInspectionError;

/* What validation names when it refuses an inspection. */
typedef enum
{
  XA_INSPECTION_FIELD_SCHOOL,      /* 学校 */
  XA_INSPECTION_FIELD_SCHOOL_YEAR, /* 学年度 */
  XA_INSPECTION_FIELD_TYPE,        /* 检查类型 */
  XA_INSPECTION_FIELD_DATE,        /* 检查日期 */
  XA_INSPECTION_FIELD_LEADER,      /* 带队领导 */
  XA_INSPECTION_FIELD_INSPECTORS,  /* 检查人员 */
  XA_INSPECTION_FIELD_REMARKS,     /* 备注 */
  XA_INSPECTION_FIELD_ITEMS,       /* 检查项目: the item is named by its number */
  XA_INSPECTION_FIELD_NONE,
} XaInspectionField;

/* The longest texts an inspection takes. */
#define XA_INSPECTION_MAX_NAMES    100   /* leader, inspectors */
#define XA_INSPECTION_MAX_REMARKS  1000
#define XA_INSPECTION_MAX_ITEMS    300
#define XA_INSPECTION_MAX_CONTENT  200
#define XA_INSPECTION_MAX_PLACE    100
#define XA_INSPECTION_MAX_NOTE     500

/* An inspection is of the school year it falls in, or of the next one in the two weeks
 * before 1 September, when schools check before term. */
#define XA_INSPECTION_DAYS_BEFORE_YEAR 14

#define XA_TYPE_INSPECTION (xa_inspection_get_type ())

G_DECLARE_FINAL_TYPE (XaInspection, xa_inspection, XA, INSPECTION, GObject)

/* One inspection of a school (安全检查记录, reference/domain.md §3.4): its type (日/周/月/
 * 季/学期/专项/督查, the ledger's XaInspectionType less 群众反映, which is no inspection),
 * the date, the leader and the inspectors, and the items checked, each 正常 or 异常.
 * Numbered per school and school year when stored: 2021-2022-<学校标识码>-JC0001.
 * Properties: "uuid", "number", "school-uuid", "school-year", "inspection-type",
 * "inspected-on", "leader", "inspectors", "remarks"; the items are a list model of
 * XaInspectionItem. An inspection read in a list has no items (xa_inspection_has_items()),
 * only their counts. */
GQuark             xa_inspection_error_quark      (void);
XaInspection      *xa_inspection_new              (void);
XaInspection      *xa_inspection_copy             (XaInspection       *self);

const char        *xa_inspection_get_uuid         (XaInspection       *self);
const char        *xa_inspection_get_number       (XaInspection       *self);
const char        *xa_inspection_get_school_uuid  (XaInspection       *self);
void               xa_inspection_set_school_uuid  (XaInspection       *self,
                                                   const char         *school_uuid);
int                xa_inspection_get_school_year  (XaInspection       *self);
void               xa_inspection_set_school_year  (XaInspection       *self,
                                                   int                 school_year);
XaInspectionType   xa_inspection_get_inspection_type (XaInspection    *self);
void               xa_inspection_set_inspection_type (XaInspection    *self,
                                                   XaInspectionType    type);
const char        *xa_inspection_get_inspected_on (XaInspection       *self);
void               xa_inspection_set_inspected_on (XaInspection       *self,
                                                   const char         *date);
const char        *xa_inspection_get_leader       (XaInspection       *self);
void               xa_inspection_set_leader       (XaInspection       *self,
                                                   const char         *leader);
const char        *xa_inspection_get_inspectors   (XaInspection       *self);
void               xa_inspection_set_inspectors   (XaInspection       *self,
                                                   const char         *inspectors);
const char        *xa_inspection_get_remarks      (XaInspection       *self);
void               xa_inspection_set_remarks      (XaInspection       *self,
                                                   const char         *remarks);

/* The items, in their order (检查项目 1, 2, …). */
GListModel        *xa_inspection_get_items        (XaInspection       *self);
guint              xa_inspection_get_n_items      (XaInspection       *self);
XaInspectionItem  *xa_inspection_get_item         (XaInspection       *self,
                                                   guint               index);
void               xa_inspection_append_item      (XaInspection       *self,
                                                   XaInspectionItem   *item);
gboolean           xa_inspection_remove_item      (XaInspection       *self,
                                                   guint               index,
                                                   GError            **error);
void               xa_inspection_add_checklist    (XaInspection       *self,
                                                   XaChecklist        *checklist);
gboolean           xa_inspection_has_items        (XaInspection       *self);
guint              xa_inspection_count_items      (XaInspection       *self);
guint              xa_inspection_count_abnormal   (XaInspection       *self);
/* Abnormal items not (yet) turned into hazards. */
guint              xa_inspection_count_unrecorded (XaInspection       *self);

/* A hazard of the ledger made from the abnormal item @index (from 0): its school, year
 * and inspection type are the inspection's; found on its date by its leader and
 * inspectors; its place, category and description (the problem found, else what was
 * checked) the item's; graded 一般 with that grade's default deadline. The rest
 * (measures, department, person responsible) is for the user to fill in before
 * xa_inspection_book_record_hazard(). */
XaHazard          *xa_inspection_new_hazard       (XaInspection       *self,
                                                   guint               index);

/* 排查人/发现人 of a hazard found in this inspection: the leader, then the inspectors. */
char              *xa_inspection_dup_found_by     (XaInspection       *self);

gboolean           xa_inspection_validate         (XaInspection       *self,
                                                   XaInspectionField  *bad_field,
                                                   guint              *bad_item,
                                                   GError            **error);

/* Whether @type is the type of an inspection: every XaInspectionType but 群众反映. */
gboolean           xa_inspection_type_is_inspection (XaInspectionType  type);
const char        *xa_inspection_field_to_label   (XaInspectionField  field);

char              *xa_inspection_number_format    (int                 school_year,
                                                   const char         *school_code,
                                                   guint               sequence,
                                                   GError            **error);
gboolean           xa_inspection_number_parse     (const char         *number,
                                                   int                *school_year,
                                                   char              **school_code,
                                                   guint              *sequence,
                                                   GError            **error);

G_END_DECLS
