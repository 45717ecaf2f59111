/* xa-hazard.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XA_HAZARD_ERROR (xa_hazard_error_quark ())

typedef enum
{
  XA_HAZARD_ERROR_INVALID,      /* a field's value is wrong; the message names the field */
  XA_HAZARD_ERROR_NUMBER,       /* not a hazard number such as 2021-2022-5001040001-0001 */
  XA_HAZARD_ERROR_BAD_STEP,     /* the step does not leave the hazard's present state */
  XA_HAZARD_ERROR_MAJOR,        /* a 重大 hazard lacks what it needs to leave 待整改 */
  XA_HAZARD_ERROR_SAME_PERSON,  /* the re-inspector is the person responsible for the fix */
  XA_HAZARD_ERROR_NOT_PASSED,   /* closing without a passed re-inspection */
} XaHazardError;

/* reference/domain.md §3.2 row 24. Stored by key ("rectifying"), shown by label. */
typedef enum
{
  XA_HAZARD_STATE_PENDING,      /* 待整改: recorded, the fix not begun */
  XA_HAZARD_STATE_RECTIFYING,   /* 整改中: being fixed, or fixed again after a failed re-inspection */
  XA_HAZARD_STATE_REINSPECTING, /* 待复查: reported fixed, waiting for (or passed) re-inspection */
  XA_HAZARD_STATE_CLOSED,       /* 已销号: closed; never overdue */
  XA_N_HAZARD_STATES
} XaHazardState;

/* domain.md §3.1: the two grades of 原国家安监总局令第16号; a middle grade 重点 may be
 * configured later, which is why grades travel as keys ("general"), never as numbers. */
typedef enum
{
  XA_HAZARD_GRADE_GENERAL,      /* 一般 */
  XA_HAZARD_GRADE_MAJOR,        /* 重大 */
  XA_N_HAZARD_GRADES
} XaHazardGrade;

/* domain.md §3.2 row 3. */
typedef enum
{
  XA_INSPECTION_DAILY,          /* 日查/巡查 */
  XA_INSPECTION_WEEKLY,         /* 周查 */
  XA_INSPECTION_MONTHLY,        /* 月查 */
  XA_INSPECTION_QUARTERLY,      /* 季查: 重点部位, ledgers and records (domain.md §3.3) */
  XA_INSPECTION_SEMESTER,       /* 学期排查（开学前/期末） */
  XA_INSPECTION_SEASONAL,       /* 季节/节假日专项 */
  XA_INSPECTION_CAMPAIGN,       /* 专项整治 */
  XA_INSPECTION_SUPERVISION,    /* 上级督查 */
  XA_INSPECTION_REPORT,         /* 群众反映 */
  XA_N_INSPECTION_TYPES
} XaInspectionType;

/* domain.md §3.2 row 7. */
typedef enum
{
  XA_HAZARD_CATEGORY_BUILDING,     /* 校舍建筑 */
  XA_HAZARD_CATEGORY_FIRE,         /* 消防 */
  XA_HAZARD_CATEGORY_ELECTRICITY,  /* 用电 */
  XA_HAZARD_CATEGORY_GAS,          /* 燃气 */
  XA_HAZARD_CATEGORY_EQUIPMENT,    /* 特种设备 */
  XA_HAZARD_CATEGORY_FOOD,         /* 食品卫生 */
  XA_HAZARD_CATEGORY_TRAFFIC,      /* 交通 */
  XA_HAZARD_CATEGORY_FACILITIES,   /* 体育/教学设施 */
  XA_HAZARD_CATEGORY_CHEMICALS,    /* 危化品 */
  XA_HAZARD_CATEGORY_PROTECTION,   /* 技防物防 */
  XA_HAZARD_CATEGORY_SURROUNDINGS, /* 周边环境 */
  XA_HAZARD_CATEGORY_PEOPLE,       /* 人员管理 */
  XA_HAZARD_CATEGORY_OTHER,        /* 其他 */
  XA_N_HAZARD_CATEGORIES
} XaHazardCategory;

/* domain.md §3.2 row 22. */
typedef enum
{
  XA_REINSPECTION_NONE,         /* not re-inspected since the last report of completion */
  XA_REINSPECTION_PASSED,       /* 合格 */
  XA_REINSPECTION_FAILED,       /* 不合格: back to 整改中 */
  XA_N_REINSPECTION_RESULTS
} XaReinspectionResult;

/* The ledger's text and date columns (domain.md §3.2), in the ledger's order, so that
 * validation can name the one at fault and JSON, forms and exports can walk them. Dates
 * are YYYY-MM-DD (core/util/xa-date.h); "" is no value. The other columns (school year,
 * inspection type, category, grade, the two yes/no columns, the re-inspection result,
 * the state) have typed accessors. */
typedef enum
{
  XA_HAZARD_FIELD_UUID,
  XA_HAZARD_FIELD_NUMBER,             /* 隐患编号 */
  XA_HAZARD_FIELD_SCHOOL_UUID,        /* 学校 */
  XA_HAZARD_FIELD_FOUND_ON,           /* 发现（排查）日期 */
  XA_HAZARD_FIELD_FOUND_BY,           /* 排查人/发现人 */
  XA_HAZARD_FIELD_PLACE,              /* 隐患部位/地点 */
  XA_HAZARD_FIELD_DESCRIPTION,        /* 隐患描述 */
  XA_HAZARD_FIELD_TEMPORARY_MEASURES, /* 临时管控措施 */
  XA_HAZARD_FIELD_MEASURES,           /* 整改措施 */
  XA_HAZARD_FIELD_DEPARTMENT,         /* 整改责任部门 */
  XA_HAZARD_FIELD_RESPONSIBLE,        /* 整改责任人 */
  XA_HAZARD_FIELD_DEADLINE,           /* 整改时限 */
  XA_HAZARD_FIELD_FUNDS,              /* 所需资金, yuan: 1200 or 1200.50 */
  XA_HAZARD_FIELD_FUNDS_SOURCE,       /* 资金来源 */
  XA_HAZARD_FIELD_REPORTED_ON,        /* 上报区教委日期 */
  XA_HAZARD_FIELD_SUPERVISOR,         /* 督办单位 */
  XA_HAZARD_FIELD_COMPLETED_ON,       /* 整改完成日期 */
  XA_HAZARD_FIELD_COMPLETION_NOTES,   /* 整改情况说明 */
  XA_HAZARD_FIELD_REINSPECTOR,        /* 复查（验收）人 */
  XA_HAZARD_FIELD_REINSPECTED_ON,     /* 复查日期 */
  XA_HAZARD_FIELD_CLOSED_ON,          /* 销号日期 */
  XA_HAZARD_FIELD_CLOSED_BY,          /* 销号人 */
  XA_HAZARD_FIELD_REMARKS,            /* 备注 */
  XA_N_HAZARD_TEXT_FIELDS,
  /* The typed columns, named only by validation errors and forms. */
  XA_HAZARD_FIELD_SCHOOL_YEAR = XA_N_HAZARD_TEXT_FIELDS,
  XA_HAZARD_FIELD_INSPECTION_TYPE,
  XA_HAZARD_FIELD_CATEGORY,
  XA_HAZARD_FIELD_GRADE,
  XA_HAZARD_FIELD_REPORTED,           /* 是否上报区教委 */
  XA_HAZARD_FIELD_SUPERVISED,         /* 挂牌督办 */
  XA_HAZARD_FIELD_REINSPECTION_RESULT,
  XA_HAZARD_FIELD_STATE,
  XA_HAZARD_FIELD_NONE,
} XaHazardField;

#define XA_TYPE_HAZARD (xa_hazard_get_type ())

G_DECLARE_FINAL_TYPE (XaHazard, xa_hazard, XA, HAZARD, GObject)

/* One entry of the hazard ledger: a snapshot that forms edit and XaHazardBook (the store
 * work that follows) reads and writes. The text columns are properties named as
 * xa_hazard_field_to_key() with "_" as "-" ("found-on", "responsible"); the others are
 * "school-year", "inspection-type", "category", "grade", "reported", "supervised",
 * "reinspection-result" and the read-only "state". The state and the history change only
 * through the steps of xa-hazard-workflow.h. */
GQuark             xa_hazard_error_quark         (void);
XaHazard          *xa_hazard_new                 (void);
XaHazard          *xa_hazard_copy                (XaHazard            *self);

const char        *xa_hazard_get_text            (XaHazard            *self,
                                                  XaHazardField        field);
void               xa_hazard_set_text            (XaHazard            *self,
                                                  XaHazardField        field,
                                                  const char          *value);
const char        *xa_hazard_get_uuid            (XaHazard            *self);
const char        *xa_hazard_get_number          (XaHazard            *self);

int                xa_hazard_get_school_year     (XaHazard            *self);
void               xa_hazard_set_school_year     (XaHazard            *self,
                                                  int                  school_year);
XaInspectionType   xa_hazard_get_inspection_type (XaHazard            *self);
void               xa_hazard_set_inspection_type (XaHazard            *self,
                                                  XaInspectionType     type);
XaHazardCategory   xa_hazard_get_category        (XaHazard            *self);
void               xa_hazard_set_category        (XaHazard            *self,
                                                  XaHazardCategory     category);
XaHazardGrade      xa_hazard_get_grade           (XaHazard            *self);
void               xa_hazard_set_grade           (XaHazard            *self,
                                                  XaHazardGrade        grade);
gboolean           xa_hazard_get_reported        (XaHazard            *self);
void               xa_hazard_set_reported        (XaHazard            *self,
                                                  gboolean             reported);
gboolean           xa_hazard_get_supervised      (XaHazard            *self);
void               xa_hazard_set_supervised      (XaHazard            *self,
                                                  gboolean             supervised);
XaReinspectionResult xa_hazard_get_reinspection_result (XaHazard      *self);
XaHazardState      xa_hazard_get_state           (XaHazard            *self);

gboolean           xa_hazard_validate            (XaHazard            *self,
                                                  XaHazardField       *bad_field,
                                                  GError             **error);

/* Names: a key for storage and JSON, a translated label for people. */
const char        *xa_hazard_field_to_key        (XaHazardField        field);
const char        *xa_hazard_field_to_label      (XaHazardField        field);
const char        *xa_hazard_state_to_key        (XaHazardState        state);
gboolean           xa_hazard_state_from_key      (const char          *key,
                                                  XaHazardState       *state);
const char        *xa_hazard_state_to_label      (XaHazardState        state);
const char        *xa_hazard_grade_to_key        (XaHazardGrade        grade);
gboolean           xa_hazard_grade_from_key      (const char          *key,
                                                  XaHazardGrade       *grade);
const char        *xa_hazard_grade_to_label      (XaHazardGrade        grade);
const char        *xa_inspection_type_to_key     (XaInspectionType     type);
gboolean           xa_inspection_type_from_key   (const char          *key,
                                                  XaInspectionType    *type);
const char        *xa_inspection_type_to_label   (XaInspectionType     type);
const char        *xa_hazard_category_to_key     (XaHazardCategory     category);
gboolean           xa_hazard_category_from_key   (const char          *key,
                                                  XaHazardCategory    *category);
const char        *xa_hazard_category_to_label   (XaHazardCategory     category);
const char        *xa_reinspection_result_to_key (XaReinspectionResult result);
gboolean           xa_reinspection_result_from_key (const char        *key,
                                                  XaReinspectionResult *result);
const char        *xa_reinspection_result_to_label (XaReinspectionResult result);

/* 隐患编号 (domain.md §3.2 row 1): 2021-2022-<学校标识码>-0001, the sequence counted per
 * school and school year from 1, at least four digits. */
char              *xa_hazard_number_format       (int                  school_year,
                                                  const char          *school_code,
                                                  guint                sequence,
                                                  GError             **error);
gboolean           xa_hazard_number_parse        (const char          *number,
                                                  int                 *school_year,
                                                  char               **school_code,
                                                  guint               *sequence,
                                                  GError             **error);

G_END_DECLS
