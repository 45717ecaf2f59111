/* xa-ledger-renderer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger's printed forms, laid out by the page engine that lays out the
 * agreements: the ledger itself (安全隐患排查整改台账, A4 turned, one row per hazard), the
 * notice that sends one hazard to the department that fixes it (隐患整改通知书) and the
 * form that closes it (隐患整改销号单). Their words are Chinese whatever language the
 * interface speaks (xa-document-words.h, xa-hazard-columns.h); dates are written as
 * GB/T 9704 writes them, 2021年9月1日.
 */

#include "config.h"

#include <string.h>

#include "xa-document-words.h"
#include "xa-ledger-renderer.h"
#include "xa-table-cells.h"
#include "core/hazards/xa-hazard-columns.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* The ledger's twelve columns fit A4 turned in 小五 (9 pt), the size of the dense forms
 * statistics are kept on; the forms of one hazard are in 小四 (12 pt), so that a 重大
 * hazard's notice, with its signatures, still takes one page. */
#define LEDGER_SIZE 9.0
#define FORM_SIZE   12.0

/* Lines of a merged cell, the empty ones left out. */
static char *
join_lines (const char *first,
            ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *line = first; line != (const char *) -1; line = va_arg (args, const char *))
    {
      if (line == NULL || line[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  va_end (args);

  return g_string_free (text, FALSE);
}

#define END ((const char *) -1)

static void
today_of (const XaLedgerInfo *info,
          GDate              *today,
          char              **iso)
{
  g_autofree char *local = NULL;

  if (info->today == NULL || !xa_date_parse (info->today, today))
    {
      local = xa_date_today_iso ();
      xa_date_parse (local, today);
      *iso = g_steal_pointer (&local);
      return;
    }

  *iso = g_strdup (info->today);
}

static const char *
text_of (XaHazard      *hazard,
         XaHazardField  field)
{
  return xa_hazard_get_text (hazard, field);
}

static const char *
chinese_of (XaHazardField field,
            int           value)
{
  return xa_hazard_value_to_chinese (field, value);
}

static const char *
heading_of (XaHazardField field)
{
  return xa_ledger_column_to_heading (xa_ledger_column_for_field (field));
}

/* The ledger's columns. Every column of the ledger is in the exported files
 * (xa-hazard-export.c); the printed ledger, on A4 turned, keeps those a reader checks
 * the loop with, in 小五, no column narrower than a date's 12月31日, a name of three
 * characters or a hazard number's 2150000113- (the number breaks after its hyphens):
 * - 隐患编号, to find the hazard in the app and in the files;
 * - 发现日期 with 排查人, and 隐患部位, 隐患类别, 隐患描述, 隐患等级: what was found;
 * - 整改措施, with a 重大 hazard's 临时管控措施 before them (the merge domain.md §3.2 allows);
 * - 整改责任部门 with 整改责任人, and 整改时限: the 六定 of who and by when;
 * - 复查情况 (复查人, 复查日期, 复查结果) and 销号情况 (销号日期, 销号人): the loop closed;
 * - 状态, with 逾期 computed for the day printed.
 * Left out for room: 学校 and 学年度 (in the title), 排查类型, 所需资金 and 资金来源,
 * 是否上报区教委, 挂牌督办 and 督办单位 (the 通知书 shows them), 整改完成日期 and 整改情况说明
 * (the 销号单 shows them) and 备注. The weights are the columns' widths in characters. */
typedef struct
{
  const char   *heading;
  double        weight;
  XaTableAlign  align;
} LedgerColumn;

static XaPageTable *
ledger_table_new (void)
{
  g_autofree char *found = g_strdup_printf ("%s\n%s", heading_of (XA_HAZARD_FIELD_FOUND_ON),
                                            heading_of (XA_HAZARD_FIELD_FOUND_BY));
  const LedgerColumn columns[] = {
    { heading_of (XA_HAZARD_FIELD_NUMBER), 6.5, XA_TABLE_ALIGN_CENTRE },
    { found, 4.5, XA_TABLE_ALIGN_CENTRE },
    { heading_of (XA_HAZARD_FIELD_PLACE), 5.0, XA_TABLE_ALIGN_LEFT },
    { heading_of (XA_HAZARD_FIELD_CATEGORY), 4.0, XA_TABLE_ALIGN_CENTRE },
    { heading_of (XA_HAZARD_FIELD_DESCRIPTION), 10.0, XA_TABLE_ALIGN_LEFT },
    { heading_of (XA_HAZARD_FIELD_GRADE), 2.0, XA_TABLE_ALIGN_CENTRE },
    { heading_of (XA_HAZARD_FIELD_MEASURES), 10.0, XA_TABLE_ALIGN_LEFT },
    { XA_DOCUMENT_LEDGER_RESPONSIBLE, 4.0, XA_TABLE_ALIGN_CENTRE },
    { heading_of (XA_HAZARD_FIELD_DEADLINE), 4.5, XA_TABLE_ALIGN_CENTRE },
    { XA_DOCUMENT_LEDGER_REINSPECTION, 4.5, XA_TABLE_ALIGN_CENTRE },
    { XA_DOCUMENT_LEDGER_CLOSING, 4.5, XA_TABLE_ALIGN_CENTRE },
    { heading_of (XA_HAZARD_FIELD_STATE), 3.0, XA_TABLE_ALIGN_CENTRE },
  };
  XaPageTable *table = xa_page_table_new (LEDGER_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    xa_page_table_add_column (table, columns[i].heading, columns[i].weight, columns[i].align);

  return table;
}

static void
add_ledger_row (XaPageTable *table,
                XaHazard    *hazard,
                const GDate *today)
{
  g_autofree char *number = xa_table_cell_number (xa_hazard_get_number (hazard));
  g_autofree char *found_on = xa_table_cell_date (text_of (hazard, XA_HAZARD_FIELD_FOUND_ON));
  g_autofree char *found = join_lines (found_on, text_of (hazard, XA_HAZARD_FIELD_FOUND_BY), END);
  g_autofree char *temporary = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *responsible = join_lines (text_of (hazard, XA_HAZARD_FIELD_DEPARTMENT),
                                             text_of (hazard, XA_HAZARD_FIELD_RESPONSIBLE), END);
  g_autofree char *deadline = xa_table_cell_date (text_of (hazard, XA_HAZARD_FIELD_DEADLINE));
  g_autofree char *reinspected_on = xa_table_cell_date (text_of (hazard, XA_HAZARD_FIELD_REINSPECTED_ON));
  g_autofree char *reinspection = NULL;
  g_autofree char *closed_on = xa_table_cell_date (text_of (hazard, XA_HAZARD_FIELD_CLOSED_ON));
  g_autofree char *closing = join_lines (closed_on, text_of (hazard, XA_HAZARD_FIELD_CLOSED_BY), END);
  g_autofree char *state = NULL;
  const char *temporary_text = text_of (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES);

  if (temporary_text[0] != '\0')
    temporary = g_strdup_printf (XA_DOCUMENT_LEDGER_TEMPORARY, temporary_text);
  measures = join_lines (temporary, text_of (hazard, XA_HAZARD_FIELD_MEASURES), END);
  reinspection = join_lines (text_of (hazard, XA_HAZARD_FIELD_REINSPECTOR), reinspected_on,
                             chinese_of (XA_HAZARD_FIELD_REINSPECTION_RESULT,
                                         xa_hazard_get_reinspection_result (hazard)), END);
  state = join_lines (chinese_of (XA_HAZARD_FIELD_STATE, xa_hazard_get_state (hazard)),
                      xa_hazard_is_overdue (hazard, today) ? XA_DOCUMENT_LEDGER_OVERDUE : NULL, END);

  {
    const char *cells[] = {
      number, found, text_of (hazard, XA_HAZARD_FIELD_PLACE),
      chinese_of (XA_HAZARD_FIELD_CATEGORY, xa_hazard_get_category (hazard)),
      text_of (hazard, XA_HAZARD_FIELD_DESCRIPTION),
      chinese_of (XA_HAZARD_FIELD_GRADE, xa_hazard_get_grade (hazard)),
      measures, responsible, deadline, reinspection, closing, state, NULL,
    };

    xa_page_table_add_row (table, cells);
  }
}

static char *
dup_title (const XaLedgerInfo *info)
{
  g_autofree char *span = xa_school_year_format_span (info->school_year);

  return g_strdup_printf (XA_DOCUMENT_LEDGER_TITLE, info->school_name, span);
}

/**
 * xa_ledger_layout_new:
 * @hazards: (element-type XaHazard): one school's hazards of one school year, in the
 *   order to print them
 *
 * The ledger in the official style: A4 turned, the title 《××学校2021—2022学年度安全隐患
 * 排查整改台账》, a line with the counts and the day printed, the table with its header on
 * every page, and under it 填表人, 分管领导 and 学校（盖章）.
 *
 * Returns: (transfer full): the ledger's pages
 */
XaPageLayout *
xa_ledger_layout_new (GPtrArray          *hazards,
                      const XaLedgerInfo *info,
                      XaFontResolver     *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *preparer = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *year = NULL;
  XaPageTable *table;
  guint n_closed = 0;
  guint n_overdue = 0;
  GDate today;

  g_return_val_if_fail (hazards != NULL, NULL);
  g_return_val_if_fail (info != NULL && info->school_name != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  today_of (info, &today, &today_iso);
  today_text = xa_date_format_chinese (today_iso);
  title = dup_title (info);

  table = ledger_table_new ();
  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);

      add_ledger_row (table, hazard, &today);
      n_closed += xa_hazard_get_state (hazard) == XA_HAZARD_STATE_CLOSED;
      n_overdue += xa_hazard_is_overdue (hazard, &today);
    }

  if (hazards->len == 0)
    {
      const char *cells[] = { XA_DOCUMENT_LEDGER_EMPTY, NULL };

      xa_page_table_add_row (table, cells);
    }

  preparer = g_strdup_printf (XA_DOCUMENT_LEDGER_PREPARER, info->preparer ? info->preparer : "");
  leader = g_strdup_printf (XA_DOCUMENT_LEDGER_LEADER, info->leader ? info->leader : "");
  {
    const char *foot[] = { preparer, leader, XA_DOCUMENT_LEDGER_SEAL, NULL };

    xa_page_table_set_foot (table, foot);
  }

  layout = xa_page_layout_new (fonts);
  xa_page_layout_set_orientation (layout, XA_PAGE_LANDSCAPE);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  summary = g_strdup_printf (XA_DOCUMENT_LEDGER_SUMMARY, hazards->len, n_closed, n_overdue, today_text);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_FLUSH, NULL, summary);
  xa_page_layout_add_table (layout, table);

  year = xa_school_year_format (info->school_year, FALSE);
  xa_page_layout_set_metadata (layout, title, info->school_name, year);
  return g_steal_pointer (&layout);
}

/* A label and its value over the rest of the row, or two labels and values. */
static void
add_fact (XaPageTable *table,
          const char  *label,
          const char  *value)
{
  const char *cells[] = { label, value != NULL && value[0] != '\0' ? value : XA_DOCUMENT_HAZARD_NONE, NULL };

  xa_page_table_add_row (table, cells);
}

static void
add_facts (XaPageTable *table,
           const char  *label,
           const char  *value,
           const char  *label2,
           const char  *value2)
{
  const char *cells[] = {
    label, value != NULL && value[0] != '\0' ? value : XA_DOCUMENT_HAZARD_NONE,
    label2, value2 != NULL && value2[0] != '\0' ? value2 : XA_DOCUMENT_HAZARD_NONE, NULL,
  };

  xa_page_table_add_row (table, cells);
}

static void
add_date_fact (XaPageTable   *table,
               XaHazard      *hazard,
               XaHazardField  field,
               XaHazardField  field2)
{
  g_autofree char *date = xa_date_format_chinese (text_of (hazard, field));
  g_autofree char *date2 = xa_date_format_chinese (text_of (hazard, field2));

  add_facts (table, heading_of (field), date, heading_of (field2), date2);
}

static XaPageTable *
form_table_new (XaHazard *hazard)
{
  XaPageTable *table = xa_page_table_new (FORM_SIZE);

  /* Labels of up to seven characters (是否上报区教委), values of a place or a date. */
  xa_page_table_add_column (table, NULL, 7.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, NULL, 10.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, NULL, 7.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, NULL, 10.0, XA_TABLE_ALIGN_LEFT);

  add_fact (table, heading_of (XA_HAZARD_FIELD_NUMBER), xa_hazard_get_number (hazard));
  add_facts (table, heading_of (XA_HAZARD_FIELD_PLACE), text_of (hazard, XA_HAZARD_FIELD_PLACE),
             heading_of (XA_HAZARD_FIELD_CATEGORY),
             chinese_of (XA_HAZARD_FIELD_CATEGORY, xa_hazard_get_category (hazard)));
  return table;
}

static void
add_responsibility (XaPageTable *table,
                    XaHazard    *hazard)
{
  add_fact (table, heading_of (XA_HAZARD_FIELD_MEASURES), text_of (hazard, XA_HAZARD_FIELD_MEASURES));
  add_facts (table, heading_of (XA_HAZARD_FIELD_DEPARTMENT), text_of (hazard, XA_HAZARD_FIELD_DEPARTMENT),
             heading_of (XA_HAZARD_FIELD_RESPONSIBLE), text_of (hazard, XA_HAZARD_FIELD_RESPONSIBLE));
}

static char *
dup_seal_unit (const XaLedgerInfo *info)
{
  return g_strdup_printf (XA_DOCUMENT_HAZARD_SEAL, info->school_name);
}

/* A yes/no column with its date or unit: 是（2021年9月3日）, 否. */
static char *
dup_flag (XaHazardField  field,
          gboolean       set,
          const char    *detail)
{
  const char *flag = chinese_of (field, set);

  if (!set || detail == NULL || detail[0] == '\0')
    return g_strdup (flag);

  return g_strdup_printf (XA_DOCUMENT_HAZARD_WITH_DATE, flag, detail);
}

/**
 * xa_hazard_notice_layout_new:
 *
 * The notice that sends a hazard to the department that fixes it (隐患整改通知书): to
 * whom, what was found where and when, its grade, the measures (and a 重大 hazard's
 * temporary control, report and 挂牌督办), the deadline, the school's signature and seal,
 * and the responsible person's receipt.
 *
 * Returns: (transfer full): the notice's pages
 */
XaPageLayout *
xa_hazard_notice_layout_new (XaHazard           *hazard,
                             const XaLedgerInfo *info,
                             XaFontResolver     *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(XaPageTable) table = NULL;
  g_autofree char *to = NULL;
  g_autofree char *found_on = NULL;
  g_autofree char *body = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *today_iso = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *metadata_title = NULL;
  g_autofree char *funds = NULL;
  g_autofree char *year = NULL;
  XaSignatureBlock *block;
  GDate today;

  g_return_val_if_fail (XA_IS_HAZARD (hazard), NULL);
  g_return_val_if_fail (info != NULL && info->school_name != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  today_of (info, &today, &today_iso);
  today_text = xa_date_format_chinese (today_iso);
  found_on = xa_date_format_chinese (text_of (hazard, XA_HAZARD_FIELD_FOUND_ON));
  deadline = xa_date_format_chinese (text_of (hazard, XA_HAZARD_FIELD_DEADLINE));

  layout = xa_page_layout_new (fonts);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, XA_DOCUMENT_NOTICE_TITLE);
  to = g_strdup_printf (XA_DOCUMENT_NOTICE_TO, text_of (hazard, XA_HAZARD_FIELD_DEPARTMENT),
                        text_of (hazard, XA_HAZARD_FIELD_RESPONSIBLE));
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_FLUSH, NULL, to);
  body = g_strdup_printf (XA_DOCUMENT_NOTICE_BODY, found_on,
                          chinese_of (XA_HAZARD_FIELD_INSPECTION_TYPE, xa_hazard_get_inspection_type (hazard)));
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, body);

  table = form_table_new (hazard);
  add_facts (table, heading_of (XA_HAZARD_FIELD_FOUND_ON), found_on,
             heading_of (XA_HAZARD_FIELD_FOUND_BY), text_of (hazard, XA_HAZARD_FIELD_FOUND_BY));
  add_fact (table, heading_of (XA_HAZARD_FIELD_DESCRIPTION), text_of (hazard, XA_HAZARD_FIELD_DESCRIPTION));
  add_facts (table, heading_of (XA_HAZARD_FIELD_GRADE),
             chinese_of (XA_HAZARD_FIELD_GRADE, xa_hazard_get_grade (hazard)),
             heading_of (XA_HAZARD_FIELD_DEADLINE), deadline);
  if (xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR ||
      text_of (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES)[0] != '\0')
    add_fact (table, heading_of (XA_HAZARD_FIELD_TEMPORARY_MEASURES),
              text_of (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES));
  add_responsibility (table, hazard);
  /* The funds when they are known (the 六定's 定资金); a blank row otherwise only takes
   * room from the signatures. */
  if (text_of (hazard, XA_HAZARD_FIELD_FUNDS)[0] != '\0' || text_of (hazard, XA_HAZARD_FIELD_FUNDS_SOURCE)[0] != '\0')
    {
      if (text_of (hazard, XA_HAZARD_FIELD_FUNDS)[0] != '\0')
        funds = g_strdup_printf (XA_DOCUMENT_HAZARD_FUNDS, text_of (hazard, XA_HAZARD_FIELD_FUNDS));
      add_facts (table, heading_of (XA_HAZARD_FIELD_FUNDS), funds,
                 heading_of (XA_HAZARD_FIELD_FUNDS_SOURCE), text_of (hazard, XA_HAZARD_FIELD_FUNDS_SOURCE));
    }
  if (xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR)
    {
      g_autofree char *reported_on = xa_date_format_chinese (text_of (hazard, XA_HAZARD_FIELD_REPORTED_ON));
      g_autofree char *reported = dup_flag (XA_HAZARD_FIELD_REPORTED, xa_hazard_get_reported (hazard), reported_on);
      g_autofree char *supervised = dup_flag (XA_HAZARD_FIELD_SUPERVISED, xa_hazard_get_supervised (hazard),
                                              text_of (hazard, XA_HAZARD_FIELD_SUPERVISOR));

      add_facts (table, xa_ledger_column_to_heading (XA_LEDGER_COLUMN_REPORTED), reported,
                 xa_ledger_column_to_heading (XA_LEDGER_COLUMN_SUPERVISED), supervised);
    }
  xa_page_layout_add_table (layout, g_steal_pointer (&table));

  closing = g_strdup_printf (XA_DOCUMENT_NOTICE_DEADLINE, deadline);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, closing);

  unit = dup_seal_unit (info);
  block = xa_signature_block_new (FALSE, NULL);
  {
    const char *school_lines[] = { XA_DOCUMENT_NOTICE_SIGNER, NULL };
    const char *receipt_lines[] = { XA_DOCUMENT_NOTICE_RECEIPT_DATE, NULL };

    xa_signature_block_add_party (block, unit, TRUE, school_lines, today_text);
    xa_signature_block_add_party (block, XA_DOCUMENT_NOTICE_RECEIPT, FALSE, receipt_lines, "年　月　日");
  }
  xa_page_layout_set_signature (layout, block);

  metadata_title = g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, XA_DOCUMENT_NOTICE_TITLE, xa_hazard_get_number (hazard));
  year = xa_school_year_format (xa_hazard_get_school_year (hazard), FALSE);
  xa_page_layout_set_metadata (layout, metadata_title, info->school_name, year);
  return g_steal_pointer (&layout);
}

/* The re-inspections, oldest first, with why a failed one failed: what the 销号单 shows
 * of the loop when the first re-inspection did not pass. */
static char *
dup_attempts (XaHazard *hazard)
{
  GString *text = g_string_new (NULL);
  guint n_failed = 0;

  for (guint i = 0; i < xa_hazard_get_n_entries (hazard); i++)
    {
      const XaHazardEntry *entry = xa_hazard_get_entry (hazard, i);
      g_autofree char *date = NULL;
      g_autofree char *result = NULL;
      g_autofree char *line = NULL;

      if (entry->step != XA_HAZARD_STEP_PASS && entry->step != XA_HAZARD_STEP_FAIL)
        continue;

      n_failed += entry->step == XA_HAZARD_STEP_FAIL;
      date = xa_date_format_chinese (entry->date);
      result = g_strdup (chinese_of (XA_HAZARD_FIELD_REINSPECTION_RESULT,
                                     entry->step == XA_HAZARD_STEP_PASS ? XA_REINSPECTION_PASSED
                                                                        : XA_REINSPECTION_FAILED));
      if (entry->step == XA_HAZARD_STEP_FAIL && entry->note != NULL && entry->note[0] != '\0')
        {
          char *with_reason = g_strdup_printf (XA_DOCUMENT_CLOSING_REASON, result, entry->note);

          g_free (result);
          result = with_reason;
        }
      line = g_strdup_printf (XA_DOCUMENT_CLOSING_ATTEMPT, date ? date : "", entry->who ? entry->who : "", result);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  /* One passed re-inspection says no more than the rows above it. */
  if (n_failed == 0)
    g_string_truncate (text, 0);

  return g_string_free (text, FALSE);
}

/**
 * xa_hazard_closing_layout_new:
 *
 * The form that closes a hazard (隐患整改销号单): the hazard, its rectification, its
 * completion, the re-inspections (each failed one with its reason), the closing, and the
 * signatures of the person responsible, the re-inspector and the leader in charge under
 * the school's seal.
 *
 * Returns: (transfer full) (nullable): the form's pages, or %NULL with
 *   %XA_HAZARD_ERROR_NOT_PASSED when the hazard is not closed
 */
XaPageLayout *
xa_hazard_closing_layout_new (XaHazard            *hazard,
                              const XaLedgerInfo  *info,
                              XaFontResolver      *fonts,
                              GError             **error)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(XaPageTable) table = NULL;
  g_autofree char *closed_on = NULL;
  g_autofree char *attempts = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *metadata_title = NULL;
  g_autofree char *year = NULL;
  XaSignatureBlock *block;

  g_return_val_if_fail (XA_IS_HAZARD (hazard), NULL);
  g_return_val_if_fail (info != NULL && info->school_name != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  if (!xa_hazard_check_closed (hazard, error))
    return NULL;

  layout = xa_page_layout_new (fonts);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, XA_DOCUMENT_CLOSING_TITLE);

  table = form_table_new (hazard);
  add_fact (table, heading_of (XA_HAZARD_FIELD_DESCRIPTION), text_of (hazard, XA_HAZARD_FIELD_DESCRIPTION));
  add_facts (table, heading_of (XA_HAZARD_FIELD_GRADE),
             chinese_of (XA_HAZARD_FIELD_GRADE, xa_hazard_get_grade (hazard)),
             heading_of (XA_HAZARD_FIELD_FOUND_BY), text_of (hazard, XA_HAZARD_FIELD_FOUND_BY));
  add_date_fact (table, hazard, XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_DEADLINE);
  add_responsibility (table, hazard);
  add_date_fact (table, hazard, XA_HAZARD_FIELD_COMPLETED_ON, XA_HAZARD_FIELD_REINSPECTED_ON);
  add_fact (table, heading_of (XA_HAZARD_FIELD_COMPLETION_NOTES), text_of (hazard, XA_HAZARD_FIELD_COMPLETION_NOTES));
  add_facts (table, heading_of (XA_HAZARD_FIELD_REINSPECTOR), text_of (hazard, XA_HAZARD_FIELD_REINSPECTOR),
             heading_of (XA_HAZARD_FIELD_REINSPECTION_RESULT),
             chinese_of (XA_HAZARD_FIELD_REINSPECTION_RESULT, xa_hazard_get_reinspection_result (hazard)));
  attempts = dup_attempts (hazard);
  if (attempts[0] != '\0')
    add_fact (table, XA_DOCUMENT_CLOSING_HISTORY, attempts);
  closed_on = xa_date_format_chinese (text_of (hazard, XA_HAZARD_FIELD_CLOSED_ON));
  add_facts (table, heading_of (XA_HAZARD_FIELD_CLOSED_ON), closed_on,
             heading_of (XA_HAZARD_FIELD_CLOSED_BY), text_of (hazard, XA_HAZARD_FIELD_CLOSED_BY));
  if (text_of (hazard, XA_HAZARD_FIELD_REMARKS)[0] != '\0')
    add_fact (table, heading_of (XA_HAZARD_FIELD_REMARKS), text_of (hazard, XA_HAZARD_FIELD_REMARKS));
  xa_page_layout_add_table (layout, g_steal_pointer (&table));

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, XA_DOCUMENT_CLOSING_BODY);

  unit = dup_seal_unit (info);
  block = xa_signature_block_new (FALSE, NULL);
  {
    const char *school_lines[] = { XA_DOCUMENT_CLOSING_LEADER, NULL };
    const char *people_lines[] = { XA_DOCUMENT_CLOSING_REINSPECTOR, NULL };

    xa_signature_block_add_party (block, XA_DOCUMENT_CLOSING_RESPONSIBLE, FALSE, people_lines, NULL);
    xa_signature_block_add_party (block, unit, TRUE, school_lines, closed_on);
  }
  xa_page_layout_set_signature (layout, block);

  metadata_title = g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, XA_DOCUMENT_CLOSING_TITLE, xa_hazard_get_number (hazard));
  year = xa_school_year_format (xa_hazard_get_school_year (hazard), FALSE);
  xa_page_layout_set_metadata (layout, metadata_title, info->school_name, year);
  return g_steal_pointer (&layout);
}

/**
 * xa_ledger_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the ledger's PDF, without extension:
 *   安全隐患排查整改台账 示例区实验小学 2021—2022学年度
 */
char *
xa_ledger_dup_file_name (const XaLedgerInfo *info)
{
  g_autofree char *year = xa_school_year_format (info->school_year, FALSE);

  return g_strdup_printf (XA_DOCUMENT_LEDGER_FILE_NAME, info->school_name, year);
}
