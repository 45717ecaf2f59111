/* xa-backup-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the backup files share: one backup as loaded from its folder, the facts a backup
 * records about the database it copied, and the file helpers that make every step
 * atomic and durable.
 */

#pragma once

#include "xa-backup.h"
#include "xa-store-private.h"

G_BEGIN_DECLS

/* A backup is `xiaoan-YYYYMMDD-HHMMSS.db`, or `…-HHMMSS-N.db` for the Nth made within
 * one second, with its manifest `xiaoan-YYYYMMDD-HHMMSS.json` beside it. */
#define XA_BACKUP_PREFIX        "xiaoan-"
#define XA_BACKUP_SUFFIX        ".db"
#define XA_BACKUP_MANIFEST      ".json"
#define XA_BACKUP_PARTIAL       ".partial"
#define XA_BACKUP_LOCK_NAME     ".lock"

/* What a backup records about the database at the moment it copied it, and what a
 * verification measures on the copy: the two must agree. */
typedef struct
{
  int         schema_version;
  gint64      application_id;
  GHashTable *rows;             /* table name → (gint64 *) its row count */
  gint64      audit_entries;
  char       *audit_head_hash;  /* NULL when the chain is empty */
} XaBackupFacts;

void      _xa_backup_facts_clear   (XaBackupFacts  *facts);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaBackupFacts, _xa_backup_facts_clear)

gboolean  _xa_backup_read_facts    (sqlite3        *db,
                                    const char     *path,
                                    XaBackupFacts  *facts,
                                    GError        **error);
gint64    _xa_backup_facts_total   (const XaBackupFacts *facts);
char     *_xa_backup_check_file    (const char     *path,
                                    const XaBackupFacts *expected,
                                    gboolean        check_blobs);

struct _XaBackup
{
  GObject        parent_instance;

  char          *path;
  char          *manifest_path;
  char          *name;
  GDateTime     *date;
  guint64        size;
  gboolean       verified;
  char          *problem;      /* why it does not verify, for the user */

  /* From the manifest */
  XaBackupFacts  facts;
  char          *sha256;
};

XaBackup *_xa_backup_load_full     (const char     *path,
                                    gboolean        check_hash,
                                    GError        **error);
char     *_xa_backup_dup_manifest_path (const char *backup_path);
gboolean  _xa_backup_parse_name    (const char     *name,
                                    GDateTime     **date,
                                    guint          *sequence);
char     *_xa_backup_timestamp     (GDateTime      *date);
GPtrArray *_xa_backup_scan         (const char     *dir,
                                    gboolean        check_hash,
                                    GError        **error);

/* Files */
gboolean  _xa_backup_set_file_error (GError       **error,
                                     gboolean       writing,
                                     const char    *path,
                                     int            saved_errno);
char     *_xa_backup_sha256_file   (const char     *path,
                                    GCancellable   *cancellable,
                                    GError        **error);
gboolean  _xa_backup_fsync_path    (const char     *path,
                                    GError        **error);
gboolean  _xa_backup_copy_file     (const char     *from,
                                    const char     *to,
                                    GError        **error);
int       _xa_backup_lock_dir      (const char     *dir,
                                    gboolean        wait,
                                    GError        **error);
void      _xa_backup_unlock_dir    (int             fd);

/* Stored files (xa-backup-blobs.c) */
gboolean  _xa_backup_save_blobs    (const char     *snapshot,
                                    const char     *source_path,
                                    GError        **error);
gboolean  _xa_backup_restore_blobs (const char     *backup_path,
                                    const char     *db_path,
                                    GError        **error);
void      _xa_backup_prune_blobs   (const char     *dir,
                                    const char     *source_path);

G_END_DECLS
