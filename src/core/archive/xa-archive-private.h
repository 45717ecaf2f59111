/* xa-archive-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-archive.h"
#include "xa-archive-item-private.h"
#include "core/store/xa-statement.h"

G_BEGIN_DECLS

struct _XaArchive
{
  GObject  parent_instance;

  XaStore *store;
};

/* The columns _xa_archive_item_from_row() reads, from archive_item i, the school o
 * (LEFT JOIN) and the agreement a (LEFT JOIN). */
extern const char _xa_archive_item_columns[];

XaArchiveItem *_xa_archive_item_from_row   (XaStatement  *row);

/* xa-archive-media.c: what a file is by its first bytes, and its pages. */
const char    *_xa_archive_sniff_media_type (GBytes      *content);
int            _xa_archive_count_pages      (GBytes      *content,
                                             const char  *media_type);

/* The board's row (xa-archive-board-row.c). */
typedef struct
{
  const char *school_uuid;
  const char *school_code;
  const char *school_name;
  int         school_year;
  const char *agreement_uuid;
  const char *state;
  const char *out_since;
  int         days_out;
  const char *commission_back;
  const char *school_back;
} XaArchiveBoardRowFields;

XaArchiveBoardRow *_xa_archive_board_row_new (const XaArchiveBoardRowFields *fields);

G_END_DECLS
