/* xa-archive-board.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 签回 board: for each school's current agreement of a year, which of its two
 * signed originals (一式两份: 区教委存, 学校存) is back in the archive, which is missing,
 * and how long the agreement has been out. An original is back when an archived file
 * is linked to that agreement (that revision: a revision is signed again) as that copy.
 * How long it has been out counts from the agreement's signing date when one is set
 * (printed under both parties), else the day it was marked signed, else the day it was
 * printed for signature (待签); a draft is not out.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-archive-private.h"
#include "core/util/xa-date.h"

typedef struct
{
  int        school_year;
  GDate      today;
  GPtrArray *rows;
} Board;

static int
days_between (const char  *since,
              const GDate *today)
{
  GDate date;

  if (since == NULL || !xa_date_parse (since, &date))
    return -1;

  return MAX (0, g_date_days_between (&date, today));
}

static gboolean
board_func (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Board *board = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 "SELECT o.uuid, o.code, o.name, a.school_year, a.uuid, a.state,"
                                 " coalesce (a.sign_date, substr (a.signed_at, 1, 10), substr (a.pending_at, 1, 10)),"
                                 " (SELECT min (i.imported_at) FROM archive_item i"
                                 "   WHERE i.agreement_id = a.id AND i.copy = 'commission'),"
                                 " (SELECT min (i.imported_at) FROM archive_item i"
                                 "   WHERE i.agreement_id = a.id AND i.copy = 'school')"
                                 " FROM agreement a JOIN organisation o ON o.id = a.organisation_id"
                                 " WHERE a.superseded_by IS NULL AND (? = 0 OR a.school_year = ?)"
                                 " ORDER BY a.school_year DESC, o.code, o.name",
                                 error)))
    return FALSE;
  xa_statement_bind_int (rows, 1, board->school_year);
  xa_statement_bind_int (rows, 2, board->school_year);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaArchiveBoardRowFields fields = {
        .school_uuid = xa_statement_get_text (rows, 0),
        .school_code = xa_statement_get_text_or_null (rows, 1),
        .school_name = xa_statement_get_text (rows, 2),
        .school_year = xa_statement_get_int (rows, 3),
        .agreement_uuid = xa_statement_get_text (rows, 4),
        .state = xa_statement_get_text (rows, 5),
        .out_since = xa_statement_get_text_or_null (rows, 6),
        .commission_back = xa_statement_get_text_or_null (rows, 7),
        .school_back = xa_statement_get_text_or_null (rows, 8),
      };

      fields.days_out = days_between (fields.out_since, &board->today);
      g_ptr_array_add (board->rows, _xa_archive_board_row_new (&fields));
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_archive_read_board:
 * @school_year: a school year, or 0 for every year
 * @today: (nullable): the day to count from (YYYY-MM-DD); %NULL for today
 *
 * Reads the 签回 board: one row for each school's current agreement, the latest year
 * first, then by school code.
 *
 * Returns: (transfer full) (element-type XaArchiveBoardRow): the rows, or %NULL with
 *   @error set
 */
GPtrArray *
xa_archive_read_board (XaArchive   *self,
                       int          school_year,
                       const char  *today,
                       GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *now = NULL;
  Board board = { school_year, { 0 }, rows };

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);

  if (today == NULL)
    today = now = xa_date_today_iso ();
  if (!xa_date_parse (today, &board.today))
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                   _("“%s” is not a date such as 2021-09-01"), today);
      return NULL;
    }

  if (!xa_store_read (self->store, board_func, &board, error))
    return NULL;

  return g_steal_pointer (&rows);
}
