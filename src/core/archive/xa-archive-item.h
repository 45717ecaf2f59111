/* xa-archive-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an archived file is. */
typedef enum
{
  XA_ARCHIVE_KIND_SIGNED_ORIGINAL = 1,  /* a scan of a signed and sealed paper original */
  XA_ARCHIVE_KIND_SCAN,                 /* any other scanned copy */
  XA_ARCHIVE_KIND_SIGNED_PDF,           /* a PDF with a digital signature */
  XA_ARCHIVE_KIND_OTHER,                /* a photo or another document */
} XaArchiveKind;

/* Which of an agreement's two originals (一式两份) a file is. */
typedef enum
{
  XA_ARCHIVE_COPY_NONE = 0,
  XA_ARCHIVE_COPY_COMMISSION,  /* 区教委存 */
  XA_ARCHIVE_COPY_SCHOOL,      /* 学校存 */
} XaArchiveCopy;

/* How long a file is kept (保管期限). */
typedef enum
{
  XA_ARCHIVE_RETENTION_DEFAULT = 0,  /* as its kind says (xa_archive_kind_default_retention) */
  XA_ARCHIVE_RETENTION_PERMANENT,    /* 永久 */
  XA_ARCHIVE_RETENTION_30_YEARS,     /* 30年 */
  XA_ARCHIVE_RETENTION_10_YEARS,     /* 10年 */
} XaArchiveRetention;

#define XA_TYPE_ARCHIVE_ITEM (xa_archive_item_get_type ())

G_DECLARE_FINAL_TYPE (XaArchiveItem, xa_archive_item, XA, ARCHIVE_ITEM, GObject)

/* One archived file as stored (xa-archive.h): its stored content by SHA-256 (never
 * changed), its original name, size, media type and pages as read when it came, its
 * kind, what it is linked to (an agreement and its copy, or a school and a year, or
 * nothing yet), who imported it and when, its retention and notes. Read-only; every
 * getter has a property of the same name ("file-name", "school-year", …) for lists. */
const char         *xa_archive_item_get_uuid          (XaArchiveItem *self);
const char         *xa_archive_item_get_sha256        (XaArchiveItem *self);
const char         *xa_archive_item_get_file_name     (XaArchiveItem *self);
gint64              xa_archive_item_get_size          (XaArchiveItem *self);
const char         *xa_archive_item_get_media_type    (XaArchiveItem *self);
int                 xa_archive_item_get_pages         (XaArchiveItem *self);
XaArchiveKind       xa_archive_item_get_kind          (XaArchiveItem *self);
const char         *xa_archive_item_get_agreement_uuid (XaArchiveItem *self);
XaArchiveCopy       xa_archive_item_get_copy          (XaArchiveItem *self);
const char         *xa_archive_item_get_school_uuid   (XaArchiveItem *self);
const char         *xa_archive_item_get_school_code   (XaArchiveItem *self);
const char         *xa_archive_item_get_school_name   (XaArchiveItem *self);
int                 xa_archive_item_get_school_year   (XaArchiveItem *self);
XaArchiveRetention  xa_archive_item_get_retention     (XaArchiveItem *self);
const char         *xa_archive_item_get_notes         (XaArchiveItem *self);
const char         *xa_archive_item_get_imported_at   (XaArchiveItem *self);
const char         *xa_archive_item_get_imported_by   (XaArchiveItem *self);
gboolean            xa_archive_item_get_linked        (XaArchiveItem *self);
char               *xa_archive_item_dup_review_date   (XaArchiveItem *self);

/* Keys as stored and on the command line, and names in the user's language. */
const char         *xa_archive_kind_to_key            (XaArchiveKind       kind);
gboolean            xa_archive_kind_from_key          (const char         *key,
                                                       XaArchiveKind      *kind);
const char         *xa_archive_kind_to_label          (XaArchiveKind       kind);
XaArchiveRetention  xa_archive_kind_default_retention (XaArchiveKind       kind);
const char         *xa_archive_copy_to_key            (XaArchiveCopy       copy);
gboolean            xa_archive_copy_from_key          (const char         *key,
                                                       XaArchiveCopy      *copy);
const char         *xa_archive_copy_to_label          (XaArchiveCopy       copy);
const char         *xa_archive_retention_to_key       (XaArchiveRetention  retention);
gboolean            xa_archive_retention_from_key     (const char         *key,
                                                       XaArchiveRetention *retention);
const char         *xa_archive_retention_to_label     (XaArchiveRetention  retention);
int                 xa_archive_retention_get_years    (XaArchiveRetention  retention);

G_END_DECLS
