/* xa-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "xa-pg.h"
#include "xa-store.h"
#include "core/util/xa-glib-compat.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _XaStore
{
  GObject       parent_instance;

  /* The connection that writes, and the one thread (the owner, that opened the store)
   * reads through. */
  sqlite3      *db;
  GRecMutex     mutex;

  /* A read-only connection for other threads (batches, reports, imports), opened when
   * first needed: with WAL, its long reads never hold up the owner's writes. */
  sqlite3      *reader;
  GRecMutex     reader_mutex;

  char         *path;
  char         *operator_name;
  GThread      *owner_thread;
  GMainContext *owner_context;
  guint         change_serial;
  gboolean      in_write;
  gboolean      read_only;

  /* kind → GHashTable of the UUIDs written in the transaction under way */
  GHashTable   *pending_changes;
};


XaStore  *_xa_store_open_at_version (const char  *path,
                                     int          target_version,
                                     GError     **error);
gboolean  _xa_store_migrate         (XaStore     *self,
                                     sqlite3     *db,
                                     int          target_version,
                                     GError     **error);
char     *_xa_store_hash_entry      (gint64       seq,
                                     const char  *at,
                                     const char  *operator_name,
                                     const char  *action,
                                     const char  *record_table,
                                     const char  *record_uuid,
                                     const char  *detail,
                                     const char  *prev_hash);
sqlite3  *_xa_store_get_db          (XaStore     *self);

XaStatement *_xa_statement_new      (sqlite3     *db,
                                     const char  *path,
                                     const char  *sql,
                                     GError     **error);
gboolean  _xa_store_search_fill     (sqlite3     *db,
                                     const char  *kind,
                                     const char  *sql,
                                     GError     **error);
const char *_xa_store_trigger_message (const char *raised);
void      _xa_store_set_read_only_error (const char  *path,
                                         GError     **error);
gboolean  _xa_store_pg_migrate      (XaPgConnection  *connection,
                                     int              target_version,
                                     GError         **error);
void      _xa_sqlite_set_error      (sqlite3     *db,
                                     const char  *path,
                                     const char  *sql,
                                     GError     **error);

/* xa-store-audit.c: the audit chain of a file that is not open as a store (a backup). */
gboolean  _xa_store_verify_audit_db (sqlite3     *db,
                                     const char  *path,
                                     gint64      *n_entries,
                                     gint64      *first_broken_seq,
                                     char       **reason,
                                     GError     **error);

/* xa-backup-restore.c: PRAGMA quick_check at open; a damaged file is copied aside,
 * never written to, and refused with XA_STORE_ERROR_DAMAGED. */
gboolean  _xa_backup_check_damage   (sqlite3     *db,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
