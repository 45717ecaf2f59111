/* xa-inspection-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inspection's record as the school files it (安全检查记录表, reference/domain.md §3.4),
 * laid out by the page engine that lays out the ledger's forms: A4 upright, the title
 * 《××学校安全检查记录表》, a head of the inspection's facts (编号, 类型, 日期, 带队领导,
 * 检查人员), the items checked in a table whose header row is repeated on every page
 * (序号, 检查项目/内容, 结果 正常/异常, 情况说明, and the number of the hazard an abnormal
 * item became), the count of the items and of the abnormal ones, and under the table
 * the signatures of the inspectors and the head with a date to write by hand. Its words
 * are Chinese whatever language the interface speaks (xa-document-words.h).
 */

#include "config.h"

#include "xa-document-words.h"
#include "xa-inspection-record.h"
#include "xa-table-cells.h"
#include "core/hazards/xa-hazard-columns.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* The head in 小四 (12 pt), as the ledger's one-hazard forms; the items in 五号 (10.5 pt),
 * so that what was checked takes a line or two of the text area's 156 mm. */
#define HEAD_SIZE  12.0
#define ITEMS_SIZE 10.5

static const char *
or_none (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : XA_DOCUMENT_HAZARD_NONE;
}

/* Two labels and their values on a row, or one label and its value over the rest. */
static void
add_facts (XaPageTable *table,
           const char  *label,
           const char  *value,
           const char  *label2,
           const char  *value2)
{
  const char *cells[] = { label, or_none (value), label2, label2 != NULL ? or_none (value2) : NULL, NULL };

  xa_page_table_add_row (table, cells);
}

static XaPageTable *
head_table_new (XaInspection *inspection)
{
  XaPageTable *table = xa_page_table_new (HEAD_SIZE);
  g_autofree char *date = xa_date_format_chinese (xa_inspection_get_inspected_on (inspection));
  const char *type = xa_hazard_value_to_chinese (XA_HAZARD_FIELD_INSPECTION_TYPE,
                                                 xa_inspection_get_inspection_type (inspection));

  /* Labels of four characters; the number (2021-2022-5001040001-JC0001) on one line, a
   * type or a name beside it. */
  xa_page_table_add_column (table, NULL, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, NULL, 15.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, NULL, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, NULL, 6.0, XA_TABLE_ALIGN_LEFT);

  add_facts (table, XA_DOCUMENT_INSPECTION_NUMBER, xa_inspection_get_number (inspection),
             XA_DOCUMENT_INSPECTION_TYPE, type);
  add_facts (table, XA_DOCUMENT_INSPECTION_DATE, date,
             XA_DOCUMENT_INSPECTION_LEADER, xa_inspection_get_leader (inspection));
  add_facts (table, XA_DOCUMENT_INSPECTION_INSPECTORS, xa_inspection_get_inspectors (inspection), NULL, NULL);
  return table;
}

/* The columns, their weights the widths in characters: 序号 and 合计 in two, 正常 in two
 * with room, what was checked (a checklist's standard, of up to forty characters) in
 * two or three lines, a hazard number broken after its hyphens (2021-2022- /
 * 2150000113- / 0042). */
static XaPageTable *
items_table_new (void)
{
  XaPageTable *table = xa_page_table_new (ITEMS_SIZE);

  xa_page_table_add_column (table, XA_DOCUMENT_INSPECTION_SEQUENCE, 2.5, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DOCUMENT_INSPECTION_ITEM, 17.5, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DOCUMENT_INSPECTION_RESULT, 2.5, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DOCUMENT_INSPECTION_NOTE, 9.5, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DOCUMENT_INSPECTION_HAZARD, 7.0, XA_TABLE_ALIGN_CENTRE);
  return table;
}

static char *
dup_content (XaInspectionItem *item)
{
  const char *area_name = xa_inspection_item_get_area_name (item);
  const char *place = xa_inspection_item_get_place (item);
  g_autofree char *content = NULL;

  if (area_name != NULL && area_name[0] != '\0')
    content = g_strdup_printf (XA_DOCUMENT_INSPECTION_CONTENT, area_name, xa_inspection_item_get_content (item));
  else
    content = g_strdup (xa_inspection_item_get_content (item));

  /* A checklist's items are at the place its area names: only another place is said. */
  if (place == NULL || place[0] == '\0' || g_strcmp0 (place, area_name) == 0)
    return g_steal_pointer (&content);

  return g_strdup_printf ("%s" XA_DOCUMENT_INSPECTION_PLACE, content, place);
}

static void
add_item (XaPageTable      *table,
          guint             index,
          XaInspectionItem *item)
{
  g_autofree char *sequence = g_strdup_printf ("%u", index + 1);
  g_autofree char *content = dup_content (item);
  g_autofree char *hazard = xa_table_cell_number (xa_inspection_item_get_hazard_number (item));
  gboolean abnormal = xa_inspection_item_get_result (item) == XA_INSPECTION_RESULT_ABNORMAL;
  const char *cells[] = {
    sequence, content, abnormal ? XA_DOCUMENT_INSPECTION_ABNORMAL : XA_DOCUMENT_INSPECTION_NORMAL,
    xa_inspection_item_get_note (item), hazard, NULL,
  };

  xa_page_table_add_row (table, cells);
}

static char *
dup_title (const char *school_name)
{
  return g_strdup_printf (XA_DOCUMENT_INSPECTION_TITLE, school_name);
}

/**
 * xa_inspection_record_layout_new:
 * @inspection: an inspection read with its items
 * @school_name: the school inspected, as the title names it
 *
 * Returns: (transfer full): the record's pages
 */
XaPageLayout *
xa_inspection_record_layout_new (XaInspection   *inspection,
                                 const char     *school_name,
                                 XaFontResolver *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *metadata_title = NULL;
  g_autofree char *year = NULL;
  XaPageTable *items;
  guint n_items;
  guint n_abnormal;
  guint n_recorded;

  g_return_val_if_fail (XA_IS_INSPECTION (inspection), NULL);
  g_return_val_if_fail (school_name != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  n_items = xa_inspection_get_n_items (inspection);
  n_abnormal = xa_inspection_count_abnormal (inspection);
  n_recorded = n_abnormal - xa_inspection_count_unrecorded (inspection);

  items = items_table_new ();
  for (guint i = 0; i < n_items; i++)
    add_item (items, i, xa_inspection_get_item (inspection, i));
  if (n_items == 0)
    {
      const char *cells[] = { XA_DOCUMENT_INSPECTION_EMPTY, NULL };

      xa_page_table_add_row (items, cells);
    }

  summary = g_strdup_printf (XA_DOCUMENT_INSPECTION_SUMMARY, n_items, n_abnormal);
  if (n_recorded > 0)
    {
      g_autofree char *recorded = g_strdup_printf (XA_DOCUMENT_INSPECTION_RECORDED, n_recorded);
      char *with = g_strconcat (summary, recorded, NULL);

      g_free (summary);
      summary = with;
    }
  {
    const char *cells[] = { XA_DOCUMENT_INSPECTION_TOTAL, summary, NULL };

    xa_page_table_add_row (items, cells);
  }
  if (xa_inspection_get_remarks (inspection)[0] != '\0')
    {
      const char *cells[] = { XA_DOCUMENT_INSPECTION_REMARKS, xa_inspection_get_remarks (inspection), NULL };

      xa_page_table_add_row (items, cells);
    }
  {
    const char *foot[] = {
      XA_DOCUMENT_INSPECTION_INSPECTOR_SIGN, XA_DOCUMENT_INSPECTION_HEAD_SIGN, XA_DOCUMENT_INSPECTION_SIGN_DATE, NULL,
    };

    xa_page_table_set_foot (items, foot);
  }

  title = dup_title (school_name);
  layout = xa_page_layout_new (fonts);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  xa_page_layout_add_table (layout, head_table_new (inspection));
  xa_page_layout_add_table (layout, items);

  metadata_title = g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, title, or_none (xa_inspection_get_number (inspection)));
  year = xa_school_year_format (xa_inspection_get_school_year (inspection), FALSE);
  xa_page_layout_set_metadata (layout, metadata_title, school_name, year);
  return g_steal_pointer (&layout);
}

/**
 * xa_inspection_record_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the record's PDF, without extension:
 *   安全检查记录表 示例区实验小学 2021-2022-2150000113-JC0001 (the date for an inspection
 *   not stored yet, which has no number)
 */
char *
xa_inspection_record_dup_file_name (XaInspection *inspection,
                                    const char   *school_name)
{
  const char *number = xa_inspection_get_number (inspection);

  return g_strdup_printf (XA_DOCUMENT_INSPECTION_FILE_NAME, school_name,
                          number != NULL && number[0] != '\0' ? number : xa_inspection_get_inspected_on (inspection));
}
