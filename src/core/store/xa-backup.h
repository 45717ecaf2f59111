/* xa-backup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-store.h"

G_BEGIN_DECLS

/* How many verified backups rotation keeps when nobody says otherwise. */
#define XA_BACKUP_DEFAULT_KEEP 10

#define XA_BACKUP_ERROR (xa_backup_error_quark ())

typedef enum
{
  XA_BACKUP_ERROR_FAILED,      /* a file could not be written, read or renamed */
  XA_BACKUP_ERROR_UNVERIFIED,  /* the backup is not the verified copy it was */
  XA_BACKUP_ERROR_BUSY,        /* another backup or restore of the folder is under way */
  XA_BACKUP_ERROR_NOT_FOUND,   /* no such backup, or none that verifies */
} XaBackupError;

/* Called between steps of the copy, on the thread that makes the backup. */
typedef void (*XaBackupProgressFunc) (guint    copied_pages,
                                      guint    total_pages,
                                      gpointer user_data);

#define XA_TYPE_BACKUP (xa_backup_get_type ())

G_DECLARE_FINAL_TYPE (XaBackup, xa_backup, XA, BACKUP, GObject)

GQuark       xa_backup_error_quark          (void);

char        *xa_backup_dup_default_dir      (const char            *db_path);

XaBackup    *xa_backup_create               (XaStore               *store,
                                             const char            *dir,
                                             guint                  keep,
                                             XaBackupProgressFunc   progress,
                                             gpointer               progress_data,
                                             GCancellable          *cancellable,
                                             GError               **error);
void         xa_backup_create_async         (XaStore               *store,
                                             const char            *dir,
                                             guint                  keep,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
XaBackup    *xa_backup_create_finish        (GAsyncResult          *result,
                                             GError               **error);

GListModel  *xa_backup_list                 (const char            *dir,
                                             GError               **error);
void         xa_backup_list_async           (const char            *dir,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
GListModel  *xa_backup_list_finish          (GAsyncResult          *result,
                                             GError               **error);
XaBackup    *xa_backup_load                 (const char            *path,
                                             GError               **error);
XaBackup    *xa_backup_find_newest_verified (const char            *dir);
XaBackup    *xa_backup_find_newest          (const char            *dir);

gboolean     xa_backup_verify               (XaBackup              *self,
                                             GError               **error);
gboolean     xa_backup_restore              (XaBackup              *self,
                                             const char            *db_path,
                                             char                 **kept_aside,
                                             GError               **error);
void         xa_backup_restore_async        (XaBackup              *self,
                                             const char            *db_path,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
gboolean     xa_backup_restore_finish       (XaBackup              *self,
                                             GAsyncResult          *result,
                                             char                 **kept_aside,
                                             GError               **error);

gboolean     xa_backup_is_current           (XaBackup              *self,
                                             XaStore               *store);
gboolean     xa_backup_is_due               (GDateTime             *now,
                                             GDateTime             *newest_backup,
                                             gboolean               changed_since_newest,
                                             GDateTime             *last_write,
                                             guint                  interval_hours,
                                             guint                  idle_minutes);

const char  *xa_backup_get_path             (XaBackup              *self);
const char  *xa_backup_get_name             (XaBackup              *self);
GDateTime   *xa_backup_get_date             (XaBackup              *self);
char        *xa_backup_dup_date_text        (XaBackup              *self);
guint64      xa_backup_get_size             (XaBackup              *self);
gboolean     xa_backup_get_verified         (XaBackup              *self);
const char  *xa_backup_get_problem          (XaBackup              *self);
int          xa_backup_get_schema_version   (XaBackup              *self);
gint64       xa_backup_get_audit_entries    (XaBackup              *self);
gint64       xa_backup_get_row_count        (XaBackup              *self);
const char  *xa_backup_get_sha256           (XaBackup              *self);

G_END_DECLS
