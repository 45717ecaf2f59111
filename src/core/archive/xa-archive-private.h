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

/* What a link names, as found in the store (xa-archive-link.c). */
typedef struct
{
  gint64  agreement_id;        /* 0: none */
  gint64  organisation_id;     /* 0: none */
  int     school_year;
  char   *school_uuid;
  char   *school_code;
  char   *school_name;
} XaArchiveResolved;

void           _xa_archive_resolved_clear  (XaArchiveResolved    *resolved);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaArchiveResolved, _xa_archive_resolved_clear)

gboolean       _xa_archive_resolve_link    (XaStore              *store,
                                            const XaArchiveLink  *link,
                                            XaArchiveResolved    *resolved,
                                            GError              **error);
void           _xa_archive_bind_link       (XaStatement          *stmt,
                                            int                   first,
                                            XaArchiveResolved    *resolved,
                                            XaArchiveCopy         copy);
XaArchiveItem *_xa_archive_find_duplicate  (XaStore              *store,
                                            const char           *sha256,
                                            XaArchiveResolved    *resolved,
                                            XaArchiveCopy         copy,
                                            const char           *except_uuid,
                                            GError              **error);

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
