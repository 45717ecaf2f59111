/* xa-archive-item-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-archive-item.h"

G_BEGIN_DECLS

/* An item's columns as read from a row (xa-archive.c); copied by the new item. */
typedef struct
{
  const char         *uuid;
  const char         *sha256;
  const char         *file_name;
  gint64              size;
  const char         *media_type;
  int                 pages;
  XaArchiveKind       kind;
  const char         *agreement_uuid;
  XaArchiveCopy       copy;
  const char         *school_uuid;
  const char         *school_code;
  const char         *school_name;
  int                 school_year;
  XaArchiveRetention  retention;
  const char         *notes;
  const char         *imported_at;
  const char         *imported_by;
} XaArchiveItemFields;

XaArchiveItem *_xa_archive_item_new (const XaArchiveItemFields *fields);

G_END_DECLS
