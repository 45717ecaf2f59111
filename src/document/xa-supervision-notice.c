/* xa-supervision-notice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission's supervision notice (督办通知) to one school whose hazards are past
 * their deadline, laid out by the page engine that lays out the agreements and the
 * ledger: a GB/T 9704 notice, A4 upright, with the title, the school as 主送机关, the
 * body, the overdue hazards in a table (number, place, description, deadline, days
 * overdue, who is responsible) whose header repeats on every page, the request to
 * rectify by a day and report, and the commission's name and date over the dashed zone
 * of its seal (DESIGN.md §6: never a drawn seal). Its words are Chinese whatever
 * language the interface speaks (xa-document-words.h).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-document-words.h"
#include "xa-supervision-notice.h"
#include "xa-table-cells.h"
#include "core/hazards/xa-hazard-columns.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* 五号 (10.5 pt): six columns across the 156 mm of the text area, a description of a
 * line or two. */
#define TABLE_SIZE 10.5

G_DEFINE_QUARK (xa-supervision-notice-error-quark, xa_supervision_notice_error)

static const char *
heading_of (XaHazardField field)
{
  return xa_ledger_column_to_heading (xa_ledger_column_for_field (field));
}

/* The table's columns, their weights the widths in characters: a hazard number breaks
 * after its hyphens into three lines of ten, a date after its year, and no heading
 * breaks (逾期天数, 整改责任人). */
static XaPageTable *
table_new (void)
{
  XaPageTable *table = xa_page_table_new (TABLE_SIZE);

  xa_page_table_add_column (table, heading_of (XA_HAZARD_FIELD_NUMBER), 6.5, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, heading_of (XA_HAZARD_FIELD_PLACE), 6.5, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, heading_of (XA_HAZARD_FIELD_DESCRIPTION), 10.5, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, heading_of (XA_HAZARD_FIELD_DEADLINE), 5.5, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DOCUMENT_SUPERVISION_DAYS, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, heading_of (XA_HAZARD_FIELD_RESPONSIBLE), 6.0, XA_TABLE_ALIGN_CENTRE);
  return table;
}

static void
add_row (XaPageTable *table,
         XaHazard    *hazard,
         const GDate *on)
{
  g_autofree char *number = xa_table_cell_number (xa_hazard_get_number (hazard));
  g_autofree char *deadline = xa_table_cell_date (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE));
  g_autofree char *days = NULL;
  g_autofree char *responsible = NULL;
  const char *department = xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEPARTMENT);
  GDate due;

  xa_date_parse (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE), &due);
  days = g_strdup_printf (XA_DOCUMENT_SUPERVISION_DAYS_VALUE, g_date_days_between (&due, on));
  responsible = department[0] != '\0'
                ? g_strdup_printf ("%s\n%s", department, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE))
                : g_strdup (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE));

  {
    const char *cells[] = {
      number, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE),
      xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION), deadline, days, responsible, NULL,
    };

    xa_page_table_add_row (table, cells);
  }
}

/* The day to judge on, and the day to rectify by. */
static void
days_of (const XaSupervisionInfo  *info,
         GDate                    *on,
         char                    **on_iso,
         char                    **by_iso)
{
  GDate by;

  if (info->on != NULL && xa_date_parse (info->on, on))
    *on_iso = g_strdup (info->on);
  else
    {
      *on_iso = xa_date_today_iso ();
      xa_date_parse (*on_iso, on);
    }

  if (info->rectify_by != NULL && xa_date_parse (info->rectify_by, &by))
    {
      *by_iso = g_strdup (info->rectify_by);
      return;
    }

  by = *on;
  g_date_add_days (&by, XA_SUPERVISION_NOTICE_DEFAULT_DAYS);
  *by_iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&by), g_date_get_month (&by),
                             g_date_get_day (&by));
}

/**
 * xa_supervision_notice_layout_new:
 * @hazards: (element-type XaHazard): the school's hazards of the year, in the order to
 *   list them; only those overdue on the notice's day are listed
 *
 * Returns: (transfer full) (nullable): the notice's pages, or %NULL with
 *   %XA_SUPERVISION_NOTICE_ERROR_NOTHING_OVERDUE when no hazard is overdue that day
 */
XaPageLayout *
xa_supervision_notice_layout_new (GPtrArray                *hazards,
                                  const XaSupervisionInfo  *info,
                                  XaFontResolver           *fonts,
                                  GError                  **error)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(XaPageTable) table = NULL;
  g_autofree char *on_iso = NULL;
  g_autofree char *by_iso = NULL;
  g_autofree char *on_text = NULL;
  g_autofree char *by_text = NULL;
  g_autofree char *span = NULL;
  g_autofree char *title = NULL;
  g_autofree char *to = NULL;
  g_autofree char *major = NULL;
  g_autofree char *body = NULL;
  g_autofree char *request = NULL;
  g_autofree char *year = NULL;
  g_autofree char *metadata_title = NULL;
  const char *commission;
  XaSignatureBlock *block;
  guint n_overdue = 0;
  guint n_major = 0;
  GDate on;

  g_return_val_if_fail (hazards != NULL, NULL);
  g_return_val_if_fail (info != NULL && info->school_name != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  days_of (info, &on, &on_iso, &by_iso);
  on_text = xa_date_format_chinese (on_iso);

  table = table_new ();
  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);

      if (!xa_hazard_is_overdue (hazard, &on))
        continue;
      add_row (table, hazard, &on);
      n_overdue++;
      n_major += xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR;
    }

  if (n_overdue == 0)
    {
      g_set_error (error, XA_SUPERVISION_NOTICE_ERROR, XA_SUPERVISION_NOTICE_ERROR_NOTHING_OVERDUE,
                   /* Translators: a school's name, then a date such as 2021年11月20日 */
                   _("%s has no hazard past its deadline on %s: there is nothing to supervise"),
                   info->school_name, on_text);
      return NULL;
    }

  commission = info->commission_name != NULL && info->commission_name[0] != '\0'
               ? info->commission_name : XA_DOCUMENT_SUPERVISION_COMMISSION;
  span = xa_school_year_format_span (info->school_year);
  by_text = xa_date_format_chinese (by_iso);
  title = g_strdup (XA_DOCUMENT_SUPERVISION_TITLE);
  to = g_strdup_printf (XA_DOCUMENT_SUPERVISION_TO, info->school_name);
  major = n_major > 0 ? g_strdup_printf (XA_DOCUMENT_SUPERVISION_MAJOR, n_major) : g_strdup ("");
  body = g_strdup_printf (XA_DOCUMENT_SUPERVISION_BODY, on_text, span, n_overdue, major);
  request = g_strdup_printf (XA_DOCUMENT_SUPERVISION_REQUEST "%s", by_text,
                             n_major > 0 ? XA_DOCUMENT_SUPERVISION_REQUEST_MAJOR : "");

  layout = xa_page_layout_new (fonts);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_FLUSH, NULL, to);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, body);
  xa_page_layout_add_table (layout, g_steal_pointer (&table));
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, request);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, XA_DOCUMENT_SUPERVISION_NOTE);

  /* One party: the commission, over its seal's zone, with the day. */
  block = xa_signature_block_new (FALSE, NULL);
  xa_signature_block_add_party (block, commission, TRUE, NULL, on_text);
  xa_page_layout_set_signature (layout, block);

  year = xa_school_year_format (info->school_year, FALSE);
  metadata_title = g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, title, info->school_name);
  xa_page_layout_set_metadata (layout, metadata_title, commission, year);
  return g_steal_pointer (&layout);
}

/**
 * xa_supervision_notice_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the notice's PDF, without extension:
 *   隐患整改督办通知 示例区实验小学 2021-11-20
 */
char *
xa_supervision_notice_dup_file_name (const XaSupervisionInfo *info)
{
  g_autofree char *on = info->on != NULL ? g_strdup (info->on) : xa_date_today_iso ();

  return g_strdup_printf (XA_DOCUMENT_SUPERVISION_FILE_NAME, info->school_name, on);
}
