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

#include "xa-store-private.h"
#include "xa-store.h"

struct _XaStore
{
  GObject       parent_instance;

  sqlite3      *db;
  char         *path;
  char         *operator_name;
  GRecMutex     mutex;
  GMainContext *owner_context;
  guint         change_serial;
  gboolean      in_write;
};

G_DEFINE_FINAL_TYPE (XaStore, xa_store, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (xa-store-error-quark, xa_store_error)

static const char zero_hash[] =
  "0000000000000000000000000000000000000000000000000000000000000000";

static void
set_error_from_db (sqlite3     *db,
                   GError     **error,
                   const char  *context)
{
  int code = sqlite3_extended_errcode (db);
  int primary = code & 0xff;
  XaStoreError xa_code = XA_STORE_ERROR_SQL;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    xa_code = XA_STORE_ERROR_BUSY;
  else if (primary == SQLITE_CONSTRAINT)
    xa_code = XA_STORE_ERROR_CONSTRAINT;

  if (xa_code == XA_STORE_ERROR_BUSY)
    g_set_error (error, XA_STORE_ERROR, xa_code,
                 _("The database is in use by another program; try again in a moment (%s)"),
                 sqlite3_errmsg (db));
  else
    g_set_error (error, XA_STORE_ERROR, xa_code, "%s: %s", context, sqlite3_errmsg (db));
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_error_from_db (db, error, sql);
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
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (db, error, sql);
      return FALSE;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error_from_db (db, error, sql);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
query_text (sqlite3     *db,
            const char  *sql,
            char       **value,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error_from_db (db, error, sql);
      return FALSE;
    }

  *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

/* Reads application_id and user_version through a read-only connection, so that a file
 * we are going to refuse is never opened for writing: switching it to WAL alone would
 * rewrite its header. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gboolean ok = FALSE;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_size == 0)
    return TRUE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("Cannot open the database “%s”: %s"), display, sqlite3_errmsg (db));
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &application_id, NULL) ||
      !query_int (db, "PRAGMA user_version", &user_version, NULL))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS,
                   _("“%s” is not a Xiaoan database or is damaged: %s"),
                   display, sqlite3_errmsg (db));
      goto out;
    }

  if (application_id != 0 && application_id != XA_STORE_APPLICATION_ID)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS,
                   _("“%s” belongs to another program (application id %08x); it was left untouched"),
                   display, (guint) application_id);
      goto out;
    }

  if (user_version > XA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Xiaoan (schema %d, this program knows up to %d). It was left untouched; please update Xiaoan."),
                   display, (int) user_version, XA_STORE_SCHEMA_VERSION);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
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

  if (!exec_sql (self->db,
                 "PRAGMA trusted_schema = OFF;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA synchronous = FULL;",
                 error))
    return FALSE;

  if (on_disk)
    {
      if (!query_text (self->db, "PRAGMA journal_mode = WAL", &journal_mode, error))
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

  if (self->db != NULL)
    {
      /* Fold the WAL back into the main file so that the folder holds one file at rest. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->operator_name, g_free);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_rec_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (xa_store_parent_class)->finalize (object);
}

static void
xa_store_class_init (XaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_store_finalize;

  /**
   * XaStore::changed:
   *
   * Emitted on the thread-default main context of the thread that opened the store,
   * after a write transaction committed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
xa_store_init (XaStore *self)
{
  g_rec_mutex_init (&self->mutex);
  self->owner_context = g_main_context_ref_thread_default ();
  self->operator_name = g_strdup (g_get_real_name ());
  if (g_strcmp0 (self->operator_name, "Unknown") == 0 || self->operator_name[0] == '\0')
    g_set_str_compat (&self->operator_name, g_get_user_name ());
}

XaStore *
_xa_store_open_at_version (const char  *path,
                           int          target_version,
                           GError     **error)
{
  g_autoptr(XaStore) self = g_object_new (XA_TYPE_STORE, NULL);

  if (!open_connection (self, path, target_version, error))
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
  g_return_val_if_fail (path != NULL, NULL);

  return _xa_store_open_at_version (path, XA_STORE_SCHEMA_VERSION, error);
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

static gboolean
emit_changed_cb (gpointer user_data)
{
  XaStore *self = user_data;

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
notify_changed (XaStore *self)
{
  GMainContext *current = g_main_context_ref_thread_default ();
  gboolean on_owner_thread = current == self->owner_context;

  g_main_context_unref (current);
  g_atomic_int_inc (&self->change_serial);

  /* Models listen on the thread that made them; a write from a worker (an import) tells
   * them through that thread's main context. */
  if (on_owner_thread)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  else
    g_main_context_invoke_full (self->owner_context, G_PRIORITY_DEFAULT,
                                emit_changed_cb, g_object_ref (self), g_object_unref);
}

/**
 * xa_store_write:
 * @func: (scope call): the change
 *
 * Runs @func inside `BEGIN IMMEDIATE … COMMIT` with the store's lock held. Either all
 * that @func wrote, its audit entries included, is committed, or nothing is.
 *
 * Returns: %TRUE when the change was committed
 */
gboolean
xa_store_write (XaStore           *self,
                XaStoreWriteFunc   func,
                gpointer           user_data,
                GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  g_rec_mutex_lock (&self->mutex);

  if (self->in_write)
    {
      /* Nested writes join the outer transaction. */
      ok = func (self, user_data, error);
      g_rec_mutex_unlock (&self->mutex);
      return ok;
    }

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->mutex);
      return FALSE;
    }

  self->in_write = TRUE;
  ok = func (self, user_data, error);
  self->in_write = FALSE;

  if (ok)
    ok = exec_sql (self->db, "COMMIT", error);

  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  g_rec_mutex_unlock (&self->mutex);

  if (ok)
    notify_changed (self);

  return ok;
}

char *
_xa_store_hash_entry (gint64      seq,
                      const char *at,
                      const char *operator_name,
                      const char *action,
                      const char *record_table,
                      const char *record_uuid,
                      const char *detail,
                      const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *fields[] = { at, operator_name, action, record_table, record_uuid, detail, prev_hash };
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", seq);

  /* Each field is length-prefixed so that moving text from one field into the next
   * cannot produce the same hash. */
  g_checksum_update (checksum, (const guchar *) seq_text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *field = fields[i] ? fields[i] : "";
      g_autofree char *prefix = g_strdup_printf ("%zu:", strlen (field));

      g_checksum_update (checksum, (const guchar *) prefix, -1);
      g_checksum_update (checksum, (const guchar *) field, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * xa_store_append_audit:
 * @action: what happened, a stable English verb phrase such as "school.add"
 * @record_table: the table of the record changed
 * @record_uuid: the record's UUID
 * @detail: (nullable): JSON that describes the change
 *
 * Appends an entry to the audit chain. Only valid inside xa_store_write(), so that the
 * entry commits or rolls back with the change it records.
 */
gboolean
xa_store_append_audit (XaStore     *self,
                       const char  *action,
                       const char  *record_table,
                       const char  *record_uuid,
                       const char  *detail,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);
  g_return_val_if_fail (action != NULL && record_table != NULL && record_uuid != NULL, FALSE);

  if (!(last = xa_store_prepare (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error)))
    return FALSE;

  if (sqlite3_step (last) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = g_strdup ((const char *) sqlite3_column_text (last, 1));
    }
  else
    prev_hash = g_strdup (zero_hash);

  at = xa_store_now_iso8601 ();
  hash = _xa_store_hash_entry (seq, at, self->operator_name, action, record_table,
                               record_uuid, detail, prev_hash);

  if (!(insert = xa_store_prepare (self,
                                   "INSERT INTO audit (seq, at, operator, action, record_table,"
                                   " record_uuid, detail, prev_hash, hash)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;

  sqlite3_bind_int64 (insert, 1, seq);
  sqlite3_bind_text (insert, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, self->operator_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 5, record_table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 6, record_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 7, detail ? detail : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 8, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 9, hash, -1, SQLITE_TRANSIENT);

  return xa_store_step_done (self, insert, error);
}

/**
 * xa_store_verify_audit:
 * @n_entries: (out) (optional): how many entries were read
 * @first_broken_seq: (out) (optional): the first entry that does not verify, or 0
 * @reason: (out) (optional) (transfer full): why it does not verify, or %NULL
 *
 * Walks the audit chain from the first entry and recomputes every hash.
 *
 * Returns: %TRUE when the chain could be read (whether or not it verified)
 */
gboolean
xa_store_verify_audit (XaStore  *self,
                       gint64   *n_entries,
                       gint64   *first_broken_seq,
                       char    **reason,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (zero_hash);
  gint64 expected_seq = 1;
  gint64 count = 0;
  gint64 broken = 0;
  g_autofree char *why = NULL;
  int rc;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  xa_store_lock (self);

  if (!(stmt = xa_store_prepare (self,
                                 "SELECT seq, at, operator, action, record_table, record_uuid,"
                                 " detail, prev_hash, hash FROM audit ORDER BY seq",
                                 error)))
    {
      xa_store_unlock (self);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = xa_store_column_text (stmt, 7);
      const char *hash = xa_store_column_text (stmt, 8);
      g_autofree char *computed = NULL;

      count++;

      if (broken != 0)
        continue;

      if (seq != expected_seq)
        {
          broken = expected_seq;
          why = g_strdup_printf (_("entry %lld is missing (the next one is %lld)"),
                                 (long long) expected_seq, (long long) seq);
          continue;
        }

      computed = _xa_store_hash_entry (seq,
                                       xa_store_column_text (stmt, 1),
                                       xa_store_column_text (stmt, 2),
                                       xa_store_column_text (stmt, 3),
                                       xa_store_column_text (stmt, 4),
                                       xa_store_column_text (stmt, 5),
                                       xa_store_column_text (stmt, 6),
                                       prev_hash);

      if (g_strcmp0 (prev_hash, expected_prev) != 0)
        {
          broken = seq;
          why = g_strdup_printf (_("entry %lld does not follow the entry before it (its previous hash differs)"),
                                 (long long) seq);
        }
      else if (g_strcmp0 (computed, hash) != 0)
        {
          broken = seq;
          why = g_strdup_printf (_("entry %lld was changed after it was written (its hash does not match its content)"),
                                 (long long) seq);
        }

      g_set_str_compat (&expected_prev, hash);
      expected_seq = seq + 1;
    }

  if (rc != SQLITE_DONE)
    {
      xa_store_set_sql_error (self, error, "audit");
      xa_store_unlock (self);
      return FALSE;
    }

  xa_store_unlock (self);

  if (n_entries)
    *n_entries = count;
  if (first_broken_seq)
    *first_broken_seq = broken;
  if (reason)
    *reason = g_steal_pointer (&why);

  return TRUE;
}

void
xa_store_lock (XaStore *self)
{
  g_return_if_fail (XA_IS_STORE (self));

  g_rec_mutex_lock (&self->mutex);
}

void
xa_store_unlock (XaStore *self)
{
  g_return_if_fail (XA_IS_STORE (self));

  g_rec_mutex_unlock (&self->mutex);
}

/**
 * xa_store_prepare:
 *
 * Prepares a statement on the store's connection. Hold the store's lock (or be inside
 * xa_store_write()) from here until the statement is finalized.
 *
 * Returns: (transfer full) (nullable): the statement
 */
sqlite3_stmt *
xa_store_prepare (XaStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (XA_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_error_from_db (self->db, error, sql);
      return NULL;
    }

  return stmt;
}

gboolean
xa_store_exec (XaStore     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  return exec_sql (self->db, sql, error);
}

/**
 * xa_store_step_done:
 *
 * Steps a statement that returns no rows (INSERT, UPDATE, DELETE).
 */
gboolean
xa_store_step_done (XaStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_error_from_db (self->db, error, sqlite3_sql (stmt));
      return FALSE;
    }

  return TRUE;
}

gint64
xa_store_last_insert_id (XaStore *self)
{
  g_return_val_if_fail (XA_IS_STORE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

void
xa_store_set_sql_error (XaStore     *self,
                        GError     **error,
                        const char  *context)
{
  g_return_if_fail (XA_IS_STORE (self));

  set_error_from_db (self->db, error, context);
}

/**
 * xa_store_column_text:
 *
 * Returns: (transfer none): the column as UTF-8, "" for NULL
 */
const char *
xa_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text ? text : "";
}

void
xa_store_bind_text_or_null (sqlite3_stmt *stmt,
                            int           index,
                            const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
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

/**
 * xa_store_now_iso8601:
 *
 * Returns: (transfer full): the current local time as ISO 8601 with its UTC offset
 */
char *
xa_store_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}
