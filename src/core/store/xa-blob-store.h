/* xa-blob-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-store.h"

G_BEGIN_DECLS

/* The largest content the blob store keeps: what a scanned document or a photo can
 * reasonably be, and below the length SQLite is allowed for one value (xa-store.c). */
#define XA_BLOB_MAX_SIZE (48 * 1024 * 1024)

/* What xa_store_check_blobs() finds wrong with a stored file. */
typedef enum
{
  XA_BLOB_PROBLEM_MISSING,    /* the blob table lists it, its bytes are gone */
  XA_BLOB_PROBLEM_DAMAGED,    /* its bytes no longer match its SHA-256 */
  XA_BLOB_PROBLEM_UNLISTED,   /* a record refers to it, the blob table lacks it */
  XA_BLOB_PROBLEM_STRAY,      /* a file under blobs/ that the blob table does not list */
} XaBlobProblemKind;

typedef struct
{
  XaBlobProblemKind  kind;
  char              *sha256;
  char              *path;     /* the file, or NULL when the bytes are in the database */
  char              *message;  /* one line in the user's language, naming the file */
} XaBlobProblem;

void         xa_blob_problem_free       (XaBlobProblem  *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaBlobProblem, xa_blob_problem_free)

/* Content stored once by its SHA-256: files under `blobs/` beside a SQLite file
 * (`blobs/ab/abcdef…`), the blob table's own column in memory and on a server. The
 * blob table lists every stored file on both engines, so that records refer to it with
 * a foreign key and backups, copies and checks know what there is. A stored file never
 * changes and is never rewritten: storing the same bytes again stores nothing. */
char        *xa_blob_compute_sha256     (GBytes         *content);
gboolean     xa_blob_sha256_is_valid    (const char     *sha256);

char        *xa_store_put_blob          (XaStore        *self,
                                         GBytes         *content,
                                         GError        **error);
GBytes      *xa_store_dup_blob          (XaStore        *self,
                                         const char     *sha256,
                                         GError        **error);
char        *xa_store_dup_blob_path     (XaStore        *self,
                                         const char     *sha256);
char        *xa_store_dup_blob_display  (XaStore        *self,
                                         const char     *sha256);
GPtrArray   *xa_store_check_blobs       (XaStore        *self,
                                         gboolean        with_strays,
                                         GError        **error);

G_END_DECLS
