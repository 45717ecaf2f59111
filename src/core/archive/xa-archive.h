/* xa-archive.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-archive-board-row.h"
#include "xa-archive-item.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_ARCHIVE_ERROR (xa_archive_error_quark ())

typedef enum
{
  XA_ARCHIVE_ERROR_FILE,       /* a file that cannot be read: missing, a folder, too large, empty */
  XA_ARCHIVE_ERROR_KIND,       /* not a PDF, JPEG, PNG or TIFF by its first bytes */
  XA_ARCHIVE_ERROR_NOT_FOUND,  /* the agreement, school or item is not there */
  XA_ARCHIVE_ERROR_INVALID,    /* a link or note that breaks a rule */
} XaArchiveError;

/* What files are imported as: linked to an agreement and which of its originals
 * (@agreement_uuid and @copy), or to a school and a school year (@school_uuid and
 * @school_year), or to nothing yet (all unset). @kind 0 is a signed original when
 * linked to an agreement, else other; @retention 0 is the kind's default. */
typedef struct
{
  const char         *agreement_uuid;
  XaArchiveCopy       copy;
  const char         *school_uuid;
  int                 school_year;
  XaArchiveKind       kind;
  XaArchiveRetention  retention;
  const char         *notes;
} XaArchiveLink;

typedef enum
{
  XA_ARCHIVE_STATUS_ANY = 0,
  XA_ARCHIVE_STATUS_LINKED,     /* linked to a school (through an agreement or not) */
  XA_ARCHIVE_STATUS_UNLINKED,   /* linked to nothing yet */
  XA_ARCHIVE_STATUS_ORIGINAL,   /* an original of an agreement that came back */
} XaArchiveStatus;

/* What a search keeps; each member unset (NULL, 0) keeps all. @text is looked for in
 * the file's name, its notes, and its school's name and code (学校标识码). */
typedef struct
{
  const char      *school_uuid;
  int              school_year;
  XaArchiveKind    kind;
  XaArchiveCopy    copy;
  XaArchiveStatus  status;
  const char      *text;
} XaArchiveFilter;

#define XA_TYPE_ARCHIVE (xa_archive_get_type ())

G_DECLARE_FINAL_TYPE (XaArchive, xa_archive, XA, ARCHIVE, GObject)

GQuark          xa_archive_error_quark   (void);
XaArchive      *xa_archive_new           (XaStore              *store);
XaStore        *xa_archive_get_store     (XaArchive            *self);

/* Importing (xa-archive-import.c) */
GPtrArray      *xa_archive_import_files  (XaArchive            *self,
                                          const char * const   *paths,
                                          const XaArchiveLink  *link,
                                          GPtrArray           **duplicates,
                                          GError              **error);
XaArchiveItem  *xa_archive_import_file   (XaArchive            *self,
                                          const char           *path,
                                          const XaArchiveLink  *link,
                                          gboolean             *duplicate,
                                          GError              **error);
void            xa_archive_import_files_async  (XaArchive            *self,
                                                const char * const   *paths,
                                                const XaArchiveLink  *link,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray      *xa_archive_import_files_finish (XaArchive            *self,
                                                GAsyncResult         *result,
                                                GPtrArray           **duplicates,
                                                GError              **error);

/* Linking anew (xa-archive-link.c) */
XaArchiveItem  *xa_archive_relink        (XaArchive            *self,
                                          const char           *uuid,
                                          const XaArchiveLink  *link,
                                          GError              **error);

/* Reading (xa-archive.c) */
GPtrArray      *xa_archive_list          (XaArchive            *self,
                                          const XaArchiveFilter *filter,
                                          GError              **error);
XaArchiveItem  *xa_archive_dup_item      (XaArchive            *self,
                                          const char           *uuid,
                                          GError              **error);
GBytes         *xa_archive_dup_content   (XaArchive            *self,
                                          XaArchiveItem        *item,
                                          GError              **error);
GPtrArray      *xa_archive_list_due      (XaArchive            *self,
                                          const char           *on_date,
                                          GError              **error);
GPtrArray      *xa_archive_check         (XaArchive            *self,
                                          GError              **error);

/* The 签回 board (xa-archive-board.c) */
GPtrArray      *xa_archive_read_board    (XaArchive            *self,
                                          int                   school_year,
                                          const char           *today,
                                          GError              **error);

G_END_DECLS
