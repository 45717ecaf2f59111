/* xa-table-cells.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tables of the ledger's forms share (xa-ledger-renderer.c,
 * xa-supervision-notice.c): how a date and a hazard number sit in a narrow cell.
 */

#include "config.h"

#include "xa-table-cells.h"
#include "core/util/xa-date.h"

/* A date in a narrow cell may break after its year only (2021年 / 9月3日), never inside
 * 9月 or 3日: U+2060 WORD JOINER holds the rest together. It is never drawn. */
#define WJ "\xe2\x81\xa0"
/* A hazard number may break after its hyphens (2021-2022- / 2150000113- / 0007), where
 * the line-breaking rules would not otherwise break it: U+200B ZERO WIDTH SPACE. */
#define ZWSP "\xe2\x80\x8b"

/**
 * xa_table_cell_date:
 * @iso: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full): the date for a cell; @iso as it is when not a date
 */
char *
xa_table_cell_date (const char *iso)
{
  GDate date;

  if (!xa_date_parse (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  return g_strdup_printf ("%d" WJ "年%d" WJ "月" WJ "%d" WJ "日", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/**
 * xa_table_cell_number:
 *
 * Returns: (transfer full): the hazard number for a cell
 */
char *
xa_table_cell_number (const char *number)
{
  g_autoptr(GString) text = g_string_new (number);

  g_string_replace (text, "-", "-" ZWSP, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
