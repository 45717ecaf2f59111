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

/* The schema from which the audit chain is signed and keeps row images. */
#define XA_STORE_SCHEMA_SIGNED 7
/* The schema from which the search side table exists. */
#define XA_STORE_SCHEMA_SEARCH 6
/* The schema from which the blob table exists (xa-blob-store.c). */
#define XA_STORE_SCHEMA_BLOBS 11

/* The lock that a server's writes and migrations take for their transaction, one per
 * schema: "XiAn" in ASCII, as SQLite's application id, and the schema the tables are in. */
#define XA_STORE_PG_LOCK "SELECT pg_advisory_xact_lock (1481204078, hashtext (current_schema ()))"

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

  /* The server's connections instead of SQLite's, when the store is on PostgreSQL
   * (xa-store-server.c): one that writes and the owner reads through, and one for other
   * threads; the password stays in memory to open the second. */
  XaPgConnection *pg;
  XaPgConnection *pg_reader;
  char         *uri;
  char         *password;
  char         *server_schema;  /* the schema the tables are in */

  /* The file, or for a server user@host:port/database as messages name it */
  char         *path;
  char         *operator_name;
  GThread      *owner_thread;
  GMainContext *owner_context;
  guint         change_serial;
  gboolean      in_write;
  gboolean      read_only;
  /* FALSE for a copy that has no head file of its own (a backup being verified). */
  gboolean      head_file_kept;
  /* TRUE for a copy whose stored files were checked as they were copied (a backup just
   * made): `audit verify` leaves them. */
  gboolean      skip_blob_check;
  /* TRUE while xa_store_set_bulk() has the file in a rollback journal instead of WAL,
   * and holds reader_mutex */
  gboolean      bulk_rollback;

  /* kind → GHashTable of the UUIDs written in the transaction under way */
  GHashTable   *pending_changes;
  /* The kinds of records whose changes xa_store_checkpoint_audit() audited already in
   * the transaction under way: named as "many" after the commit */
  GHashTable   *flushed_kinds;

  /* The audit entries of the transaction under way, hashed and inserted when its
   * function returns (xa-store-audit.c), and the head they make, written beside the
   * database once the transaction committed. */
  GPtrArray    *pending_entries;
  /* table → GHashTable of UUID → XaAuditImage: the images of records the write under
   * way inserted, taken from their values (xa-store-audit-fresh.c) */
  GHashTable   *fresh_images;
  gint64        pending_head_seq;
  char         *pending_head_hash;

  /* The schema the store was opened at: below 6 (only tests open a store at an earlier
   * version) entries are written as the releases of that schema wrote them. */
  int           schema_version;

  /* The key that signs the chain, read on first use (xa-audit-key.c). */
  GBytes       *audit_key;
  char         *audit_key_id;
};

/* What the chain remembers of a record (xa-store-audit-image.c). */
typedef struct
{
  char   *table;
  char   *uuid;
  char   *label;   /* the key the user knows the record by */
  char   *fields;  /* `column:digest` lines sorted by column; "" for a tombstone */
  char   *hash;    /* SHA-256 of fields; "" for a tombstone */
  gint64  seq;     /* the entry that recorded it; 0 for a live row's image */
  /* When set, holds the texts above, which are not freed one by one */
  XaImageArena *arena;
} XaAuditImage;

/* The image an #XaFreshImage holds, for the tests. */
const XaAuditImage *_xa_fresh_image_peek (XaFreshImage *fresh);

typedef gboolean (*XaAuditImageFunc) (XaAuditImage  *image,
                                      gpointer       user_data,
                                      GError       **error);


XaStore  *_xa_store_open_at_version (const char  *path,
                                     int          target_version,
                                     GError     **error);
gboolean  _xa_store_migrate         (XaStore     *self,
                                     sqlite3     *db,
                                     int          target_version,
                                     GError     **error);
char     *_xa_store_hash_entry      (GBytes      *key,
                                     gint64       seq,
                                     const char  *at,
                                     const char  *operator_name,
                                     const char  *action,
                                     const char  *record_table,
                                     const char  *record_uuid,
                                     const char  *detail,
                                     const char  *prev_hash,
                                     const char  *key_id,
                                     const char  *images_digest);
void      _xa_audit_message_append  (GString     *message,
                                     const char  *field);
gboolean  _xa_store_ensure_audit_key (XaStore    *self,
                                     GError     **error);
gboolean  _xa_store_flush_audit     (XaStore     *self,
                                     GError     **error);
void      _xa_store_end_audit       (XaStore     *self,
                                     gboolean     committed);
gboolean  _xa_store_record_baseline (XaStore     *self,
                                     GError     **error);
char     *_xa_store_dup_head_path   (XaStore     *self);
void      _xa_store_forget_head_file (XaStore    *self);
void      _xa_store_remember_head   (XaStore     *self);
gboolean  _xa_store_reset_head_file (XaStore     *self,
                                     GError     **error);
sqlite3  *_xa_store_get_db          (XaStore     *self);
XaStatement *_xa_store_prepare_insert_values (XaStore            *self,
                                             const char         *table,
                                             const char * const *columns,
                                             guint               n_columns,
                                             guint               n_rows,
                                             GError            **error);
XaStore  *_xa_store_new             (void);
gboolean  _xa_store_open_server_connection (XaStore  *self,
                                            GError  **error);
XaPgConnection *_xa_store_open_server_reader (XaStore *self);
gboolean  _xa_store_server_begin_write (XaStore  *self,
                                        GError  **error);

XaAuditImage *_xa_audit_image_new   (const char  *table,
                                     const char  *uuid,
                                     const char  *label,
                                     const char  *fields,
                                     const char  *hash,
                                     gint64       seq);
void      _xa_audit_image_free      (XaAuditImage *image);
int       _xa_audit_image_compare   (gconstpointer a,
                                     gconstpointer b);
const char *_xa_store_audited_table (guint        index);
const char *_xa_store_audited_table_title (const char *table);
const char *_xa_audit_column_title  (const char  *column);
char     *_xa_audit_fields_hash     (const char  *fields);
guint     _xa_store_audited_digest_chars (const char *table);
void      _xa_audit_digest_hex      (const void  *data,
                                     gsize        size,
                                     char        *hex,
                                     guint        n_chars);
gboolean  _xa_store_take_fresh_images (XaStore    *self,
                                     const char  *table,
                                     GHashTable  *uuids,
                                     GHashTable **rest,
                                     GPtrArray   *images,
                                     GError     **error);
GStrv     _xa_audit_fields_diff     (const char  *recorded,
                                     const char  *live);
char     *_xa_audit_images_digest   (GPtrArray   *images);
gboolean  _xa_store_foreach_row_image (XaStore         *self,
                                       const char      *table,
                                       const char      *uuid,
                                       XaAuditImageFunc func,
                                       gpointer         user_data,
                                       GError         **error);
GPtrArray *_xa_store_collect_images (XaStore     *self,
                                     GHashTable  *changes,
                                     GError     **error);

XaStatement *_xa_statement_new      (sqlite3     *db,
                                     const char  *path,
                                     const char  *sql,
                                     GError     **error);
XaStatement *_xa_statement_new_pg   (XaPgConnection *connection,
                                     const char  *sql,
                                     GError     **error);
gboolean  _xa_statement_send        (XaStatement *self,
                                     GError     **error);
void      _xa_store_begin_batch     (XaStore     *self);
gboolean  _xa_store_end_batch       (XaStore     *self,
                                     GError     **error);
void      _xa_store_add_flushed_changes (XaStore    *self,
                                         GHashTable *changes);
gboolean  _xa_store_schema_step_rebuilds (int version);
gboolean  _xa_store_schema_foreign_keys (sqlite3     *db,
                                         gboolean     on,
                                         GError     **error);
gboolean  _xa_store_rebuild_23      (sqlite3     *db,
                                     GError     **error);
gboolean  _xa_store_search_fill     (sqlite3     *db,
                                     const char  *kind,
                                     const char  *sql,
                                     GError     **error);
const char *_xa_store_trigger_message (const char *raised);
void      _xa_store_set_read_only_error (const char  *path,
                                         GError     **error);
gboolean  _xa_store_check_not_newer (int              version,
                                     GError         **error);
gboolean  _xa_store_pg_read_version (XaPgConnection  *connection,
                                     int             *version,
                                     GError         **error);
gboolean  _xa_store_pg_migrate      (XaPgConnection  *connection,
                                     int              target_version,
                                     GError         **error);
void      _xa_sqlite_set_error      (sqlite3     *db,
                                     const char  *path,
                                     const char  *sql,
                                     GError     **error);

/* xa-blob-store.c */
gboolean  _xa_store_write_all       (int          fd,
                                     const guchar *data,
                                     gsize        length);
char     *_xa_blob_dir_for_database (const char  *db_path);
char     *_xa_store_dup_blob_dir    (XaStore     *self);
gboolean  _xa_blob_write_file       (const char  *dir,
                                     const char  *sha256,
                                     GBytes      *content,
                                     GError     **error);
GBytes   *_xa_blob_read_file        (const char  *dir,
                                     const char  *sha256,
                                     gint64       size,
                                     GError     **error);
gboolean  _xa_store_put_blob_row    (XaStore     *self,
                                     const char  *sha256,
                                     GBytes      *content,
                                     const char  *created_at,
                                     GError     **error);
gboolean  _xa_store_check_blobs_locked (XaStore  *self,
                                        gboolean  with_strays,
                                        GPtrArray *problems,
                                        GError  **error);

/* xa-backup-restore.c: PRAGMA quick_check at open; a damaged file is copied aside,
 * never written to, and refused with XA_STORE_ERROR_DAMAGED. */
gboolean  _xa_backup_check_damage   (sqlite3     *db,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
