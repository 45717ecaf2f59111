/* xa-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one SQLite connection of an installation. Everything that touches the database goes
 * through here so that the rules of DESIGN.md §5 hold in one place: WAL, synchronous=FULL,
 * foreign keys, defensive mode, BEGIN IMMEDIATE for every write, forward-only migrations and
 * an audit entry in the same transaction as the change it records.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xa-store-private.h"
#include "xa-store.h"
#include "core/util/xa-date.h"


/* Which connection a thread is using for which store, the writer or the reader of its
 * engine: a stack, because a read can happen inside a write and a store inside
 * another's. */
typedef struct
{
  XaStore  *store;
  gboolean  reader;
  gboolean  began_read;
} ConnectionFrame;

static GPrivate connection_frames = G_PRIVATE_INIT (NULL);

G_DEFINE_FINAL_TYPE (XaStore, xa_store, G_TYPE_OBJECT)

enum {
  SIGNAL_RECORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (xa-store-error-quark, xa_store_error)


static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, sqlite3_db_filename (db, "main"), sql, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = _xa_statement_new (db, sqlite3_db_filename (db, "main"), sql, error)))
    return FALSE;

  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  *value = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **value,
            GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = _xa_statement_new (db, sqlite3_db_filename (db, "main"), sql, error)))
    return FALSE;

  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  *value = g_strdup (xa_statement_get_text (stmt, 0));
  return TRUE;
}

static gboolean
folder_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (dir, W_OK) == 0;
}

/* A WAL database is read through its -shm file, which SQLite must create when it is
 * missing. In a folder nobody may write to (a CD, another user's folder) it cannot: a
 * database closed cleanly (no -wal with content) is then read as immutable, which needs
 * no -shm. */
static char *
dup_reading_uri (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
  GStatBuf st;
  gboolean wal_has_content = g_stat (wal, &st) == 0 && st.st_size > 0;

  if (!folder_is_writable (path) && !wal_has_content)
    return g_strconcat ("file:", escaped, "?immutable=1", NULL);

  return g_strconcat ("file:", escaped, NULL);
}

/* Reads application_id and user_version through a read-only connection, so that a file
 * we are going to refuse is never opened for writing: switching it to WAL alone would
 * rewrite its header. Only a file that holds nothing yet (empty, or an SQLite file
 * without a single table) is made ours; another program's database is left as it is,
 * even when it carries no application id. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_objects = 0;
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_size == 0)
    return TRUE;

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a file; choose the folder that holds xiaoan.db"), display);
      return FALSE;
    }

  uri = dup_reading_uri (path);
  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, path, NULL, error);
      goto out;
    }

  /* Another program may be creating or updating the file at this very moment: wait for
   * it as a writer would, instead of mistaking its lock for damage. */
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  /* One read transaction: the three answers must come from one state of the file, not
   * from before and after another program's first migration. */
  if (!exec_sql (db, "BEGIN", &local_error) ||
      !query_int (db, "PRAGMA application_id", &application_id, &local_error) ||
      !query_int (db, "PRAGMA user_version", &user_version, &local_error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      if (g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY) ||
          g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY) ||
          g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_IO))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (application_id == XA_STORE_APPLICATION_ID &&
               g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED))
        {
          /* Ours, by its header, and damaged inside: kept aside and refused as such. */
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          if (_xa_backup_check_damage (db, path, error))
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
      else
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS,
                     _("“%s” is not a Xiaoan database (it is no SQLite database, or a damaged one); it was left untouched"),
                     display);
      goto out;
    }

  if ((application_id != 0 && application_id != XA_STORE_APPLICATION_ID) ||
      (application_id == 0 && n_objects > 0))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS,
                   _("“%s” is another program’s database; it was left untouched. Choose another data folder."),
                   display);
      goto out;
    }

  if (user_version > XA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Xiaoan (schema %d, this program knows up to %d). It was left untouched; please update Xiaoan."),
                   display, (int) user_version, XA_STORE_SCHEMA_VERSION);
      goto out;
    }

  /* A damaged file is refused before anything writes to it (issue 8). */
  if (!_xa_backup_check_damage (db, path, error))
    goto out;

  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

/* Switching a new database to WAL needs the file to itself for a moment, and SQLite
 * answers "busy" at once, without its busy handler, when another program opens the same
 * new file at that moment. Such a program is only starting too: try again for as long as
 * a writer would wait. */
static gboolean
switch_to_wal (sqlite3  *db,
               char    **journal_mode,
               GError  **error)
{
  const gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (query_text (db, "PRAGMA journal_mode = WAL", journal_mode, &local_error))
        return TRUE;

      if (!g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY) ||
          g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_usleep (2 * G_TIME_SPAN_MILLISECOND + g_random_int_range (0, 8000));
    }
}

static gboolean
configure_connection (XaStore  *self,
                      gboolean  on_disk,
                      GError  **error)
{
  g_autofree char *journal_mode = NULL;
  gint64 foreign_keys = 0;
  int unused = 0;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &unused);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, 64 * 1024 * 1024);
  sqlite3_limit (self->db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
  sqlite3_busy_timeout (self->db, 5000);

  /* Pages of 16 KiB in a new file (SQLite keeps an existing file's size, and a file in
   * WAL mode can never change it): a million hazards fill 3 GB, and with 4 KiB pages
   * writing them spent 10 s of 50 in the kernel, a system call per page spilled from
   * the cache. The first screens of the ledger at a million rows read as fast
   * (bench/hazards.sh), and a full scan faster. */
  if (!exec_sql (self->db,
                 "PRAGMA page_size = 16384;"
                 "PRAGMA trusted_schema = OFF;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA synchronous = FULL;",
                 error))
    return FALSE;

  if (on_disk)
    {
      if (!switch_to_wal (self->db, &journal_mode, error))
        return FALSE;

      /* On a file system without shared memory the pragma answers with the old mode. */
      if (g_strcmp0 (journal_mode, "wal") != 0)
        {
          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                       _("The database “%s” cannot use write-ahead logging on this file system (it stays in “%s” mode); keep the data folder on a local disk"),
                       self->path, journal_mode);
          return FALSE;
        }
    }

  if (!query_int (self->db, "PRAGMA foreign_keys", &foreign_keys, error))
    return FALSE;
  g_assert (foreign_keys == 1);

  return TRUE;
}

static gboolean
open_connection (XaStore     *self,
                 const char  *path,
                 int          target_version,
                 GError     **error)
{
  gboolean on_disk = path != NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;

  if (on_disk)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                       _("Cannot create the data folder “%s”: %s"),
                       dir, g_strerror (saved_errno));
          return FALSE;
        }

      if (!check_existing_file (path, error))
        return FALSE;

      flags |= SQLITE_OPEN_NOFOLLOW;
    }
  else
    flags |= SQLITE_OPEN_MEMORY;

  self->path = g_strdup (on_disk ? path : ":memory:");

  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  if (!configure_connection (self, on_disk, error))
    return FALSE;

  return _xa_store_migrate (self, self->db, target_version, error);
}

static void
xa_store_finalize (GObject *object)
{
  XaStore *self = (XaStore *) object;

  if (self->reader != NULL)
    sqlite3_close_v2 (self->reader);
  g_clear_pointer (&self->pg_reader, xa_pg_connection_free);
  g_clear_pointer (&self->pg, xa_pg_connection_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->server_schema, g_free);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);

  if (self->db != NULL)
    {
      /* Fold the WAL back into the main file so that the folder holds one file at rest. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->pending_entries, g_ptr_array_unref);
  g_clear_pointer (&self->fresh_images, g_hash_table_unref);
  g_clear_pointer (&self->flushed_kinds, g_hash_table_unref);
  g_clear_pointer (&self->pending_head_hash, g_free);
  g_clear_pointer (&self->audit_key, g_bytes_unref);
  g_clear_pointer (&self->audit_key_id, g_free);
  g_rec_mutex_clear (&self->mutex);
  g_rec_mutex_clear (&self->reader_mutex);

  G_OBJECT_CLASS (xa_store_parent_class)->finalize (object);
}

static void
xa_store_class_init (XaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_store_finalize;

  /* SQLite counts every allocation under one global mutex for sqlite3_memory_used(),
   * which nothing here reads: a write of many rows spent a tenth of its time in that
   * lock. Only possible before SQLite's first use; refused, harmlessly, after it. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /**
   * XaStore::records-changed:
   * @kind: the kind of record, as in the audit log ("organisation", "agreement", …);
   *   also the signal's detail
   * @uuids: (array zero-terminated=1): the records written; empty when the change
   *   touched too many to list, so that a listener reloads that kind
   *
   * Emitted once per kind of record after a write transaction committed, on the
   * thread-default main context of the thread that opened the store. A model listens
   * to the kinds it shows and updates only the records named.
   */
  signals[SIGNAL_RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRV);
}

static void
xa_store_init (XaStore *self)
{
  g_rec_mutex_init (&self->mutex);
  g_rec_mutex_init (&self->reader_mutex);
  self->owner_thread = g_thread_self ();
  self->head_file_kept = TRUE;
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
  self->owner_context = g_main_context_ref_thread_default ();
  self->operator_name = g_strdup (g_get_real_name ());
  if (g_strcmp0 (self->operator_name, "Unknown") == 0 || self->operator_name[0] == '\0')
    g_set_str_compat (&self->operator_name, g_get_user_name ());
}

XaStore *
_xa_store_new (void)
{
  return g_object_new (XA_TYPE_STORE, NULL);
}

XaStore *
_xa_store_open_at_version (const char  *path,
                           int          target_version,
                           GError     **error)
{
  g_autoptr(XaStore) self = _xa_store_new ();

  self->schema_version = target_version;
  if (!open_connection (self, path, target_version, error))
    return NULL;

  /* The first open after the upgrade to schema 7 takes the chain's starting images. */
  if (target_version >= 6 && !_xa_store_record_baseline (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xa_store_open:
 * @path: (type filename): the database file; created when missing
 * @error: return location for an error
 *
 * Opens the database, creating or migrating it to %XA_STORE_SCHEMA_VERSION. A file written
 * by a newer program, or by another program, is refused and not modified.
 *
 * Returns: (transfer full): the store, or %NULL
 */
XaStore *
xa_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(XaStore) store = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  /* A database this account may read but not change (on a CD, in another user's
   * folder) opens for reading: what it holds can still be looked at and printed. */
  if (g_stat (path, &st) == 0 && st.st_size > 0 &&
      (g_access (path, W_OK) != 0 || !folder_is_writable (path)))
    {
      if (!(store = xa_store_open_read_only (path, error)))
        return NULL;

      if (xa_store_get_schema_version (store) < XA_STORE_SCHEMA_VERSION)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY,
                       _("The database “%s” can only be read, and it was written by an older Xiaoan that this one would have to update; copy it into a folder you can write to and open the copy"),
                       display);
          return NULL;
        }

      return g_steal_pointer (&store);
    }

  return _xa_store_open_at_version (path, XA_STORE_SCHEMA_VERSION, error);
}

/**
 * xa_store_get_read_only:
 *
 * Returns: %TRUE when the store can only be read: opened so, or a file this account
 *   may not change; every write fails with %XA_STORE_ERROR_READ_ONLY
 */
gboolean
xa_store_get_read_only (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), TRUE);

  return self->read_only;
}

/* A connection that can only read: no journal mode switch, no migration, nothing
 * created. Returns NULL when the file cannot be opened. */
static sqlite3 *
open_reading_connection (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *uri = dup_reading_uri (path);
  int unused = 0;

  if (sqlite3_open_v2 (uri, &db,
                       SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_URI,
                       NULL) != SQLITE_OK)
    {
      g_debug ("Cannot open %s for reading: %s", path, sqlite3_errmsg (db));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &unused);
  sqlite3_busy_timeout (db, 5000);
  sqlite3_exec (db, "PRAGMA query_only = ON", NULL, NULL, NULL);

  return db;
}

/**
 * xa_store_open_read_only:
 * @path: (type filename): an existing database file
 * @error: return location for an error
 *
 * Opens the database for reading only, for commands that must not change it: nothing
 * is created, migrated or switched to WAL, and a write fails. A missing or empty file
 * is refused with %XA_STORE_ERROR_NOT_FOUND; a file written by a newer program, or by
 * another program, as by xa_store_open(). A database of an older schema opens as it is:
 * xa_store_get_schema_version() says which.
 *
 * Returns: (transfer full): the store, or %NULL
 */
XaStore *
xa_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_autoptr(XaStore) self = NULL;
  g_autofree char *display = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (g_stat (path, &st) != 0 || st.st_size == 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND,
                   _("There is no database “%s”"), display);
      return NULL;
    }

  if (!check_existing_file (path, error))
    return NULL;

  self = g_object_new (XA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;
  if (!(self->db = open_reading_connection (path)))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s” for reading"), display);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * xa_store_open_in_memory:
 *
 * Returns: (transfer full): a fresh store in memory, for tests and benchmarks
 */
XaStore *
xa_store_open_in_memory (GError **error)
{
  return _xa_store_open_at_version (NULL, XA_STORE_SCHEMA_VERSION, error);
}

/**
 * xa_store_dup_default_data_dir:
 * @override: (nullable): a folder given with `--data-dir`
 *
 * The data folder by precedence: @override, `$XIAOAN_DATA_DIR`, then
 * `$XDG_DATA_HOME/xiaoan`.
 *
 * Returns: (transfer full): an absolute path
 */
char *
xa_store_dup_default_data_dir (const char *override)
{
  const char *env = g_getenv ("XIAOAN_DATA_DIR");
  const char *chosen = NULL;

  if (override != NULL && override[0] != '\0')
    chosen = override;
  else if (env != NULL && env[0] != '\0')
    chosen = env;

  if (chosen != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (chosen);
      return g_file_get_path (file);
    }

  return g_build_filename (g_get_user_data_dir (), "xiaoan", NULL);
}

const char *
xa_store_get_path (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), NULL);

  return self->path;
}

const char *
xa_store_get_operator (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), NULL);

  return self->operator_name;
}

/**
 * xa_store_set_operator:
 * @operator_name: (nullable): who makes the following changes, as set in the preferences
 *
 * Names the operator recorded in every audit entry from now on. %NULL or an empty
 * string falls back to the account's name.
 */
void
xa_store_set_operator (XaStore    *self,
                       const char *operator_name)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XA_IS_STORE (self));

  stripped = g_strstrip (g_strdup (operator_name ? operator_name : ""));
  g_rec_mutex_lock (&self->mutex);
  if (stripped[0] != '\0')
    g_set_str_compat (&self->operator_name, stripped);
  else
    g_set_str_compat (&self->operator_name, g_get_user_name ());
  g_rec_mutex_unlock (&self->mutex);
}

int
xa_store_get_schema_version (XaStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (XA_IS_STORE (self), 0);

  if (self->pg != NULL)
    return self->schema_version;

  g_rec_mutex_lock (&self->mutex);
  query_int (self->db, "PRAGMA user_version", &version, NULL);
  g_rec_mutex_unlock (&self->mutex);

  return (int) version;
}

/**
 * xa_store_get_change_serial:
 *
 * Returns: a number that grows with every committed write, so that a model can tell
 *   whether it is stale
 */
guint
xa_store_get_change_serial (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), 0);

  return (guint) g_atomic_int_get (&self->change_serial);
}

/* Connections per thread */

static ConnectionFrame *
current_frame (XaStore *self)
{
  for (GSList *l = g_private_get (&connection_frames); l != NULL; l = l->next)
    {
      ConnectionFrame *frame = l->data;

      if (frame->store == self)
        return frame;
    }

  return NULL;
}

static void
push_frame (XaStore  *self,
            gboolean  reader,
            gboolean  began_read)
{
  ConnectionFrame *frame = g_new0 (ConnectionFrame, 1);

  frame->store = self;
  frame->reader = reader;
  frame->began_read = began_read;
  g_private_set (&connection_frames,
                 g_slist_prepend (g_private_get (&connection_frames), frame));
}

static ConnectionFrame *
pop_frame (XaStore *self)
{
  GSList *frames = g_private_get (&connection_frames);
  ConnectionFrame *frame;

  g_assert (frames != NULL && ((ConnectionFrame *) frames->data)->store == self);

  frame = frames->data;
  g_private_set (&connection_frames, g_slist_delete_link (frames, frames));
  return frame;
}

/* The read-only connection of other threads, begun in a read transaction. A store in
 * memory has none (a second connection would see another, empty database), nor does one
 * whose reader cannot be opened: they read through the writer. */
static gboolean
begin_reader (XaStore *self)
{
  if (self->pg != NULL)
    {
      if (self->pg_reader == NULL)
        self->pg_reader = _xa_store_open_server_reader (self);

      /* One snapshot for the whole read, as SQLite's read transaction gives. */
      return self->pg_reader != NULL &&
             xa_pg_connection_exec (self->pg_reader,
                                    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", NULL);
    }

  if (self->reader == NULL && g_strcmp0 (self->path, ":memory:") != 0 &&
      !(self->reader = open_reading_connection (self->path)))
    g_debug ("No reader connection for %s", self->path);

  return self->reader != NULL &&
         sqlite3_exec (self->reader, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

static void
end_reader (XaStore *self)
{
  if (self->pg != NULL)
    xa_pg_connection_exec (self->pg_reader, "COMMIT", NULL);
  else
    sqlite3_exec (self->reader, "COMMIT", NULL, NULL, NULL);
}

/**
 * xa_store_lock:
 *
 * Starts a read: the statements this thread prepares until xa_store_unlock() see one
 * consistent state of the database. The thread that opened the store, and any thread
 * inside xa_store_write(), reads through the writing connection; other threads read
 * through a read-only connection of their own, so that a long report or batch never
 * holds up a write. Calls nest.
 */
void
xa_store_lock (XaStore *self)
{
  ConnectionFrame *frame;

  g_return_if_fail (XA_IS_STORE (self));

  frame = current_frame (self);

  /* A read inside this thread's read or write goes on through the same connection. */
  if (frame != NULL)
    {
      g_rec_mutex_lock (frame->reader ? &self->reader_mutex : &self->mutex);
      push_frame (self, frame->reader, FALSE);
      return;
    }

  if (g_thread_self () != self->owner_thread)
    {
      /* The reader is opened under its own lock: two workers may start at once. */
      g_rec_mutex_lock (&self->reader_mutex);
      if (begin_reader (self))
        {
          push_frame (self, TRUE, TRUE);
          return;
        }
      g_rec_mutex_unlock (&self->reader_mutex);
    }

  g_rec_mutex_lock (&self->mutex);
  push_frame (self, FALSE, FALSE);
}

void
xa_store_unlock (XaStore *self)
{
  g_autofree ConnectionFrame *frame = NULL;

  g_return_if_fail (XA_IS_STORE (self));

  frame = pop_frame (self);

  if (!frame->reader)
    {
      g_rec_mutex_unlock (&self->mutex);
      return;
    }

  if (frame->began_read)
    end_reader (self);
  g_rec_mutex_unlock (&self->reader_mutex);
}

/* Changes */

typedef struct
{
  XaStore *store;
  GHashTable *changes;  /* kind → GHashTable of UUIDs */
} Announcement;

static void
announcement_free (Announcement *announcement)
{
  g_object_unref (announcement->store);
  g_hash_table_unref (announcement->changes);
  g_free (announcement);
}

static gboolean
announce_cb (gpointer user_data)
{
  Announcement *announcement = user_data;
  XaStore *self = announcement->store;
  g_autofree gpointer *kinds = NULL;
  guint n_kinds = 0;

  /* The kinds in a stable order, so that listeners see the same sequence each time. */
  kinds = g_hash_table_get_keys_as_array (announcement->changes, &n_kinds);
  qsort (kinds, n_kinds, sizeof (gpointer), (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < n_kinds; i++)
    {
      const char *kind = kinds[i];
      GHashTable *uuids = g_hash_table_lookup (announcement->changes, kind);
      g_autofree const char **keys = NULL;

      if (g_hash_table_contains (uuids, ""))
        keys = g_new0 (const char *, 1);
      else
        keys = (const char **) g_hash_table_get_keys_as_array (uuids, NULL);

      g_signal_emit (self, signals[SIGNAL_RECORDS_CHANGED], g_quark_from_string (kind),
                     kind, keys);
    }

  return G_SOURCE_REMOVE;
}

static void
notify_changed (XaStore    *self,
                GHashTable *changes)
{
  Announcement *announcement = g_new0 (Announcement, 1);

  announcement->store = g_object_ref (self);
  announcement->changes = changes;
  g_atomic_int_inc (&self->change_serial);

  /* Models listen on the thread that made them; a write from a worker (an import) tells
   * them through that thread's main context. */
  if (g_thread_self () == self->owner_thread)
    {
      announce_cb (announcement);
      announcement_free (announcement);
    }
  else
    g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT,
                                announce_cb, announcement,
                                (GDestroyNotify) announcement_free);
}

/**
 * xa_store_note_change:
 * @kind: the kind of record, as the audit log names it
 * @uuid: (nullable): the record; %NULL when too many changed to list
 *
 * Records that the write under way changes a record, so that #XaStore::records-changed
 * names it after the commit. xa_store_append_audit() notes its record by itself; call
 * this for records a change touches besides the one it audits. Only valid inside
 * xa_store_write().
 */
void
xa_store_note_change (XaStore    *self,
                      const char *kind,
                      const char *uuid)
{
  GHashTable *uuids;

  g_return_if_fail (XA_IS_STORE (self));
  g_return_if_fail (self->in_write);
  g_return_if_fail (kind != NULL);

  uuids = g_hash_table_lookup (self->pending_changes, kind);
  if (uuids == NULL)
    {
      uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->pending_changes, g_strdup (kind), uuids);
    }

  g_hash_table_add (uuids, g_strdup (uuid ? uuid : ""));
}

/* BEGIN of a write: IMMEDIATE on SQLite, which takes the file's write lock at once;
 * on a server, the write lock that every client takes (xa-store-server.c). */
static gboolean
begin_write (XaStore  *self,
             GError  **error)
{
  if (self->pg != NULL)
    return _xa_store_server_begin_write (self, error);

  return exec_sql (self->db, "BEGIN IMMEDIATE", error);
}

static gboolean
end_write (XaStore  *self,
           gboolean  commit,
           GError  **error)
{
  if (self->pg != NULL)
    {
      if (commit && xa_pg_connection_exec (self->pg, "COMMIT", error))
        return TRUE;
      xa_pg_connection_exec (self->pg, "ROLLBACK", NULL);
      return FALSE;
    }

  if (commit && exec_sql (self->db, "COMMIT", error))
    return TRUE;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* How often a write that lost a race on the server (a serialisation failure or a
 * deadlock, which the server resolves by refusing one of the two) is tried again before
 * the user hears the database is busy. SQLite's writers queue in its busy handler. */
#define SERVER_WRITE_ATTEMPTS 8

static gboolean
write_once (XaStore           *self,
            XaStoreWriteFunc   func,
            gpointer           user_data,
            GError           **error)
{
  gboolean ok;

  if (!begin_write (self, error))
    return FALSE;

  push_frame (self, FALSE, FALSE);
  self->in_write = TRUE;
  ok = func (self, user_data, error) && _xa_store_flush_audit (self, error);
  self->in_write = FALSE;
  g_free (pop_frame (self));

  ok = end_write (self, ok, ok ? error : NULL);
  _xa_store_end_audit (self, ok);
  return ok;
}

/**
 * xa_store_write:
 * @func: (scope call): the change
 *
 * Runs @func inside `BEGIN IMMEDIATE … COMMIT` with the store's lock held. Either all
 * that @func wrote, its audit entries included, is committed, or nothing is. On a
 * server, a write that lost a race with another client is rolled back and @func runs
 * again, so it must not keep anything from an earlier run but what it returns.
 *
 * Returns: %TRUE when the change was committed
 */
gboolean
xa_store_write (XaStore           *self,
                XaStoreWriteFunc   func,
                gpointer           user_data,
                GError           **error)
{
  g_autoptr(GHashTable) changes = NULL;
  gboolean ok;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->read_only)
    {
      _xa_store_set_read_only_error (self->path, error);
      return FALSE;
    }

  g_rec_mutex_lock (&self->mutex);

  if (self->in_write)
    {
      /* Nested writes join the outer transaction. */
      ok = func (self, user_data, error);
      g_rec_mutex_unlock (&self->mutex);
      return ok;
    }

  if (current_frame (self) != NULL && current_frame (self)->reader)
    {
      g_critical ("A write cannot start inside a read of another connection");
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if ((ok = write_once (self, func, user_data, &local_error)))
        break;

      if (self->pg == NULL || attempt == SERVER_WRITE_ATTEMPTS ||
          !g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          break;
        }

      g_debug ("Write attempt %u lost a race on the server: %s", attempt, local_error->message);
      g_hash_table_remove_all (self->pending_changes);
      g_clear_pointer (&self->flushed_kinds, g_hash_table_unref);
      g_usleep (attempt * (1 + g_random_int_range (0, 20)) * G_TIME_SPAN_MILLISECOND);
    }

  changes = g_steal_pointer (&self->pending_changes);
  _xa_store_add_flushed_changes (self, changes);
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);

  g_rec_mutex_unlock (&self->mutex);

  if (ok)
    notify_changed (self, g_steal_pointer (&changes));

  return ok;
}

static gboolean
current_is_reader (XaStore *self)
{
  ConnectionFrame *frame = current_frame (self);

  return frame != NULL && frame->reader;
}

/**
 * xa_store_prepare:
 *
 * Prepares a statement on the connection this thread is reading or writing through.
 * Use it inside xa_store_read() or xa_store_write() (or between xa_store_lock() and
 * xa_store_unlock()), and free it before they end.
 *
 * Returns: (transfer full) (nullable): the statement
 */
XaStatement *
xa_store_prepare (XaStore     *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->pg != NULL)
    return _xa_statement_new_pg (current_is_reader (self) ? self->pg_reader : self->pg, sql, error);

  return _xa_statement_new (current_is_reader (self) ? self->reader : self->db,
                            self->path, sql, error);
}

/**
 * xa_store_exec:
 *
 * Runs SQL without parameters or results (DDL, a statement of one engine's own) on the
 * current connection.
 */
gboolean
xa_store_exec (XaStore     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  if (self->pg != NULL)
    return xa_pg_connection_exec (current_is_reader (self) ? self->pg_reader : self->pg, sql, error);

  return exec_sql (current_is_reader (self) ? self->reader : self->db, sql, error);
}

/**
 * xa_store_count_changes:
 *
 * Returns: how many rows the last INSERT, UPDATE or DELETE of this store changed
 */
int
xa_store_count_changes (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), 0);

  if (self->pg != NULL)
    return xa_pg_connection_count_changes (self->pg);

  return sqlite3_changes (self->db);
}

/**
 * xa_store_get_is_server:
 *
 * Returns: %TRUE when the store is a database server's (PostgreSQL), %FALSE for a file
 *   of this PC; the server keeps its own backups, so the app makes none
 */
gboolean
xa_store_get_is_server (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  return self->pg != NULL;
}

sqlite3 *
_xa_store_get_db (XaStore *self)
{
  return self->db;
}

char *
xa_store_new_uuid (void)
{
  return g_uuid_string_random ();
}

