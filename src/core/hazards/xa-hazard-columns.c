/* xa-hazard-columns.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's columns and values as its files and printed forms write them. They are
 * Chinese whatever the interface's language, as the district's ledgers are: an exported
 * ledger is opened by people at the commission in Excel or WPS, and an imported one was
 * kept by a school in either. The names match the interface's zh_CN labels; an import
 * also knows the other names schools give the same columns (排查时间 for 发现日期, 治理措施
 * for 整改措施, …) and the same values (一般隐患 for 一般).
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-columns.h"
#include "xa-hazard-workflow.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-text.h"

typedef struct
{
  XaHazardField     field;     /* XA_HAZARD_FIELD_NONE: computed */
  XaLedgerCellKind  kind;
  const char       *names;     /* the heading, then other names, separated by "|" */
} ColumnInfo;

#define TEXT(field, names) { XA_HAZARD_FIELD_##field, XA_LEDGER_CELL_TEXT, names }
#define DATE(field, names) { XA_HAZARD_FIELD_##field, XA_LEDGER_CELL_DATE, names }

static const ColumnInfo columns[] = {
  TEXT (NUMBER, "隐患编号|编号"),
  TEXT (SCHOOL_UUID, "学校|学校名称|单位"),
  TEXT (SCHOOL_YEAR, "学年度|学年"),
  TEXT (INSPECTION_TYPE, "排查类型|检查类型|排查方式"),
  DATE (FOUND_ON, "发现日期|排查日期|排查时间|检查日期|检查时间|发现（排查）日期"),
  TEXT (FOUND_BY, "排查人|发现人|检查人|排查人/发现人"),
  TEXT (PLACE, "隐患部位|隐患地点|隐患部位/地点|部位|地点"),
  TEXT (CATEGORY, "隐患类别|隐患类型|类别"),
  TEXT (DESCRIPTION, "隐患描述|隐患名称|隐患内容|存在问题"),
  TEXT (GRADE, "隐患等级|等级"),
  TEXT (TEMPORARY_MEASURES, "临时管控措施|临时措施"),
  TEXT (MEASURES, "整改措施|治理措施"),
  TEXT (DEPARTMENT, "整改责任部门|责任部门"),
  TEXT (RESPONSIBLE, "整改责任人|责任人"),
  DATE (DEADLINE, "整改时限|完成时限|整改期限"),
  { XA_HAZARD_FIELD_FUNDS, XA_LEDGER_CELL_AMOUNT, "所需资金（元）|所需资金|整改资金（元）|整改资金" },
  TEXT (FUNDS_SOURCE, "资金来源"),
  TEXT (REPORTED, "是否上报区教委|上报区教委|是否上报"),
  DATE (REPORTED_ON, "上报日期|上报区教委日期"),
  TEXT (SUPERVISED, "挂牌督办|是否挂牌督办"),
  TEXT (SUPERVISOR, "督办单位"),
  DATE (COMPLETED_ON, "整改完成日期|完成日期"),
  TEXT (COMPLETION_NOTES, "整改情况说明|整改情况"),
  TEXT (REINSPECTOR, "复查人|复查（验收）人|验收人"),
  DATE (REINSPECTED_ON, "复查日期|复查时间|验收日期"),
  TEXT (REINSPECTION_RESULT, "复查结果|验收结果"),
  DATE (CLOSED_ON, "销号日期"),
  TEXT (CLOSED_BY, "销号人"),
  TEXT (STATE, "状态|隐患状态"),
  { XA_HAZARD_FIELD_NONE, XA_LEDGER_CELL_TEXT, "是否逾期|逾期" },
  TEXT (REMARKS, "备注"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == XA_N_LEDGER_COLUMNS);

typedef struct
{
  XaHazardField  field;
  int            value;
  const char    *names;  /* the name printed, then others an import accepts */
} ValueInfo;

/* The printed names are the interface's zh_CN labels; the keys (xa_*_to_key) are
 * accepted too, as a file written by another program may use them. */
static const ValueInfo values[] = {
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_DAILY, "日查/巡查|日查|巡查|日常巡查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_WEEKLY, "周查|周检查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_MONTHLY, "月查|月检查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_QUARTERLY, "季查|季度检查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_SEMESTER, "学期排查|学期（开学前/期末）排查|开学前排查|期末排查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_SEASONAL, "季节/节假日专项检查|季节/节假日专项|节假日检查|季节性检查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_CAMPAIGN, "专项整治|专项检查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_SUPERVISION, "上级督查|督查" },
  { XA_HAZARD_FIELD_INSPECTION_TYPE, XA_INSPECTION_REPORT, "群众反映|举报" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_BUILDING, "校舍建筑|校舍" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_FIRE, "消防|消防安全" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_ELECTRICITY, "用电|用电安全" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_GAS, "燃气|燃气安全" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_EQUIPMENT, "特种设备" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_FOOD, "食品卫生|食品安全" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_TRAFFIC, "交通|交通安全" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_FACILITIES, "体育/教学设施|体育设施|教学设施" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_CHEMICALS, "危化品|危险化学品" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_PROTECTION, "技防物防|技防/物防" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_SURROUNDINGS, "周边环境|周边" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_PEOPLE, "人员管理" },
  { XA_HAZARD_FIELD_CATEGORY, XA_HAZARD_CATEGORY_OTHER, "其他" },
  { XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_GENERAL, "一般|一般隐患|一般事故隐患" },
  { XA_HAZARD_FIELD_GRADE, XA_HAZARD_GRADE_MAJOR, "重大|重大隐患|重大事故隐患" },
  { XA_HAZARD_FIELD_REINSPECTION_RESULT, XA_REINSPECTION_NONE, "|未复查" },
  { XA_HAZARD_FIELD_REINSPECTION_RESULT, XA_REINSPECTION_PASSED, "合格|通过" },
  { XA_HAZARD_FIELD_REINSPECTION_RESULT, XA_REINSPECTION_FAILED, "不合格|不通过" },
  { XA_HAZARD_FIELD_STATE, XA_HAZARD_STATE_PENDING, "待整改" },
  { XA_HAZARD_FIELD_STATE, XA_HAZARD_STATE_RECTIFYING, "整改中" },
  { XA_HAZARD_FIELD_STATE, XA_HAZARD_STATE_REINSPECTING, "待复查" },
  { XA_HAZARD_FIELD_STATE, XA_HAZARD_STATE_CLOSED, "已销号|销号" },
  { XA_HAZARD_FIELD_REPORTED, TRUE, "是|已上报|Y|yes|true" },
  { XA_HAZARD_FIELD_REPORTED, FALSE, "否|未上报||N|no|false" },
  { XA_HAZARD_FIELD_SUPERVISED, TRUE, "是|已挂牌|Y|yes|true" },
  { XA_HAZARD_FIELD_SUPERVISED, FALSE, "否|未挂牌||N|no|false" },
};

/* Whether @name is one of the "|"-separated @names. */
static gboolean
names_contain (const char *names,
               const char *name)
{
  gsize length = strlen (name);

  for (const char *p = names;; p++)
    {
      const char *end = strchr (p, '|');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n == length && g_ascii_strncasecmp (p, name, n) == 0)
        return TRUE;
      if (end == NULL)
        return FALSE;
      p = end;
    }
}

/* A heading or a value as typed: no white space (full-width included) and half-width
 * brackets as full-width, as the district's forms write them. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      if (c == '(')
        c = 0xFF08;
      else if (c == ')')
        c = 0xFF09;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

const char *
xa_ledger_column_to_heading (XaLedgerColumn column)
{
  static char *headings[XA_N_LEDGER_COLUMNS];

  g_return_val_if_fail ((guint) column < XA_N_LEDGER_COLUMNS, NULL);

  if (g_once_init_enter (&headings[column]))
    {
      const char *names = columns[column].names;

      g_once_init_leave (&headings[column], g_strndup (names, strcspn (names, "|")));
    }

  return headings[column];
}

/**
 * xa_ledger_column_from_heading:
 * @heading: a header cell of a ledger file
 * @column: (out): the column it names
 *
 * Returns: %TRUE when @heading names a column of the ledger, under its own name or
 *   another the district's ledgers use; spaces and the width of brackets do not matter
 */
gboolean
xa_ledger_column_from_heading (const char     *heading,
                               XaLedgerColumn *column)
{
  g_autofree char *name = normalise (heading);

  if (name[0] == '\0')
    return FALSE;

  for (guint i = 0; i < XA_N_LEDGER_COLUMNS; i++)
    {
      g_autofree char *names = normalise (columns[i].names);

      if (names_contain (names, name))
        {
          *column = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * xa_ledger_column_get_field:
 *
 * Returns: the hazard's column that @column shows, or %XA_HAZARD_FIELD_NONE for 是否逾期,
 *   which is computed
 */
XaHazardField
xa_ledger_column_get_field (XaLedgerColumn column)
{
  g_return_val_if_fail ((guint) column < XA_N_LEDGER_COLUMNS, XA_HAZARD_FIELD_NONE);

  return columns[column].field;
}

/**
 * xa_ledger_column_for_field:
 *
 * Returns: the ledger's column for @field; the uuid, which files do not show, has none
 *   and gives %XA_N_LEDGER_COLUMNS
 */
XaLedgerColumn
xa_ledger_column_for_field (XaHazardField field)
{
  for (guint i = 0; i < XA_N_LEDGER_COLUMNS; i++)
    if (columns[i].field == field && field != XA_HAZARD_FIELD_NONE)
      return i;

  return XA_N_LEDGER_COLUMNS;
}

XaLedgerCellKind
xa_ledger_column_get_kind (XaLedgerColumn column)
{
  g_return_val_if_fail ((guint) column < XA_N_LEDGER_COLUMNS, XA_LEDGER_CELL_TEXT);

  return columns[column].kind;
}

/**
 * xa_hazard_value_to_chinese:
 * @field: a typed column: inspection type, category, grade, re-inspection result,
 *   state, or one of the yes/no columns
 *
 * Returns: the value's name in Chinese (重大, 待复查, 是); "" for a re-inspection that
 *   has not happened
 */
const char *
xa_hazard_value_to_chinese (XaHazardField field,
                            int           value)
{
  static char *printed[G_N_ELEMENTS (values)];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (values[i].field != field || values[i].value != value)
        continue;

      if (g_once_init_enter (&printed[i]))
        g_once_init_leave (&printed[i], g_strndup (values[i].names, strcspn (values[i].names, "|")));
      return printed[i];
    }

  g_return_val_if_reached (NULL);
}

static gboolean
value_from_key (XaHazardField  field,
                const char    *key,
                int           *value)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      return xa_inspection_type_from_key (key, (XaInspectionType *) value);
    case XA_HAZARD_FIELD_CATEGORY:
      return xa_hazard_category_from_key (key, (XaHazardCategory *) value);
    case XA_HAZARD_FIELD_GRADE:
      return xa_hazard_grade_from_key (key, (XaHazardGrade *) value);
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return xa_reinspection_result_from_key (key, (XaReinspectionResult *) value);
    case XA_HAZARD_FIELD_STATE:
      return xa_hazard_state_from_key (key, (XaHazardState *) value);
    default:
      return FALSE;
    }
}

/**
 * xa_hazard_value_from_chinese:
 * @text: a cell as a ledger file has it
 * @value: (out): the value it names
 *
 * Returns: %TRUE when @text names a value of @field: its Chinese name, another name the
 *   district's ledgers use (一般隐患), or its key (major)
 */
gboolean
xa_hazard_value_from_chinese (XaHazardField  field,
                              const char    *text,
                              int           *value)
{
  g_autofree char *name = normalise (text);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *names = NULL;

      if (values[i].field != field)
        continue;

      names = normalise (values[i].names);
      if (names_contain (names, name))
        {
          *value = values[i].value;
          return TRUE;
        }
    }

  return value_from_key (field, name, value);
}

/**
 * xa_ledger_column_dup_text:
 * @school_name: what the 学校 column shows
 * @today: (nullable): the day 是否逾期 is computed for; %NULL leaves it blank
 *
 * A cell as a text file writes it: dates YYYY-MM-DD (GB/T 15835 allows the numeric form
 * in tables, and every spreadsheet reads it as a date), values in Chinese, yes/no as 是/否.
 *
 * Returns: (transfer full): the cell's text, "" for none
 */
char *
xa_ledger_column_dup_text (XaLedgerColumn  column,
                           XaHazard       *hazard,
                           const char     *school_name,
                           const GDate    *today)
{
  XaHazardField field;

  g_return_val_if_fail ((guint) column < XA_N_LEDGER_COLUMNS, NULL);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), NULL);

  field = columns[column].field;
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_NONE:
      return g_strdup (today != NULL && xa_hazard_is_overdue (hazard, today)
                       ? xa_hazard_value_to_chinese (XA_HAZARD_FIELD_REPORTED, TRUE) : "");
    case XA_HAZARD_FIELD_SCHOOL_UUID:
      return g_strdup (school_name ? school_name : "");
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      return xa_school_year_format_span (xa_hazard_get_school_year (hazard));
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_inspection_type (hazard)));
    case XA_HAZARD_FIELD_CATEGORY:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_category (hazard)));
    case XA_HAZARD_FIELD_GRADE:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_grade (hazard)));
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_reinspection_result (hazard)));
    case XA_HAZARD_FIELD_STATE:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_state (hazard)));
    case XA_HAZARD_FIELD_REPORTED:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_reported (hazard)));
    case XA_HAZARD_FIELD_SUPERVISED:
      return g_strdup (xa_hazard_value_to_chinese (field, xa_hazard_get_supervised (hazard)));
    default:
      return g_strdup (xa_hazard_get_text (hazard, field));
    }
}
