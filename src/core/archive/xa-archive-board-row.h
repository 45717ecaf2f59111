/* xa-archive-board-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XA_TYPE_ARCHIVE_BOARD_ROW (xa_archive_board_row_get_type ())

G_DECLARE_FINAL_TYPE (XaArchiveBoardRow, xa_archive_board_row, XA, ARCHIVE_BOARD_ROW, GObject)

/* One line of the 签回 board (xa_archive_read_board()): a school's current agreement of
 * a school year, whether each of its two signed originals (区教委存, 学校存) is back in
 * the archive and since when, and how long the agreement has been out for signing.
 * Properties of the same names for lists. */
const char *xa_archive_board_row_get_school_uuid     (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_school_code     (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_school_name     (XaArchiveBoardRow *self);
int         xa_archive_board_row_get_school_year     (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_agreement_uuid  (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_state           (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_out_since       (XaArchiveBoardRow *self);
int         xa_archive_board_row_get_days_out        (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_commission_back (XaArchiveBoardRow *self);
const char *xa_archive_board_row_get_school_back     (XaArchiveBoardRow *self);
guint       xa_archive_board_row_get_n_missing       (XaArchiveBoardRow *self);

G_END_DECLS
