/* xa-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One backup of the database: a copy made with SQLite's online backup API (never a file
 * copy, which loses the rows still in the WAL: reference/reliability.md §0), verified
 * after it was written, and a manifest beside it that records what was verified (row
 * counts, the audit chain's head, the file's SHA-256). This file loads backups from
 * their folder, lists them, checks them again, and decides when the next scheduled one
 * is due; xa-backup-create.c makes them and xa-backup-restore.c puts one back.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "xa-backup-private.h"
#include "core/util/xa-json.h"

G_DEFINE_FINAL_TYPE (XaBackup, xa_backup, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-backup-error-quark, xa_backup_error)

static const char audit_head_sql[] =
  "SELECT count(*), (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1) FROM audit";

/* Facts */

void
_xa_backup_facts_clear (XaBackupFacts *facts)
{
  g_clear_pointer (&facts->rows, g_hash_table_unref);
  g_clear_pointer (&facts->audit_head_hash, g_free);
}

static void
facts_set_rows (XaBackupFacts *facts,
                const char    *table,
                gint64         count)
{
  if (facts->rows == NULL)
    facts->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (facts->rows, g_strdup (table), g_memdup2 (&count, sizeof count));
}

gint64
_xa_backup_facts_total (const XaBackupFacts *facts)
{
  GHashTableIter iter;
  gpointer value;
  gint64 total = 0;

  if (facts->rows == NULL)
    return 0;

  g_hash_table_iter_init (&iter, facts->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += *(gint64 *) value;

  return total;
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = _xa_statement_new (db, path, sql, error)) || !xa_statement_step_one (stmt, error))
    return FALSE;

  *value = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

/**
 * _xa_backup_read_facts:
 * @db: a connection inside a read transaction, so that every count is of one state
 *
 * Measures the database: its schema version and application id, the rows of every table
 * and the audit chain's length and head.
 */
gboolean
_xa_backup_read_facts (sqlite3        *db,
                       const char     *path,
                       XaBackupFacts  *facts,
                       GError        **error)
{
  g_autoptr(XaStatement) tables = NULL;
  g_autoptr(XaStatement) audit = NULL;
  gint64 value = 0;
  XaStep step;

  if (!query_int (db, path, "PRAGMA user_version", &value, error))
    return FALSE;
  facts->schema_version = (int) value;
  if (!query_int (db, path, "PRAGMA application_id", &facts->application_id, error))
    return FALSE;

  if (!(tables = _xa_statement_new (db, path,
                                    "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                    error)))
    return FALSE;

  while ((step = xa_statement_step (tables, error)) == XA_STEP_ROW)
    {
      const char *table = xa_statement_get_text (tables, 0);
      g_auto(GStrv) parts = g_strsplit (table, "\"", -1);
      g_autofree char *quoted = g_strjoinv ("\"\"", parts);
      g_autofree char *sql = NULL;

      sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", quoted);
      if (!query_int (db, path, sql, &value, error))
        return FALSE;
      facts_set_rows (facts, table, value);
    }
  if (step != XA_STEP_DONE)
    return FALSE;

  if (!(audit = _xa_statement_new (db, path, audit_head_sql, error)) ||
      !xa_statement_step_one (audit, error))
    return FALSE;
  facts->audit_entries = xa_statement_get_int64 (audit, 0);
  facts->audit_head_hash = g_strdup (xa_statement_get_text_or_null (audit, 1));

  return TRUE;
}

/* Why @measured is not what @expected says, or NULL when they agree. */
static char *
compare_facts (const XaBackupFacts *expected,
               const XaBackupFacts *measured)
{
  GHashTableIter iter;
  gpointer key, value;

  if (measured->application_id != XA_STORE_APPLICATION_ID)
    return g_strdup (_("it is not a Xiaoan database"));

  if (measured->schema_version < 1 || measured->schema_version > XA_STORE_SCHEMA_VERSION ||
      measured->schema_version != expected->schema_version)
    return g_strdup_printf (_("its schema version is %d, not %d"),
                            measured->schema_version, expected->schema_version);

  if (expected->rows != NULL)
    {
      g_hash_table_iter_init (&iter, expected->rows);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64 *count = measured->rows ? g_hash_table_lookup (measured->rows, key) : NULL;

          if (count == NULL || *count != *(gint64 *) value)
            return g_strdup_printf (_("the table “%s” holds %lld rows instead of %lld"),
                                    (const char *) key, count ? (long long) *count : 0LL,
                                    (long long) *(gint64 *) value);
        }
    }

  if (measured->rows != NULL && g_hash_table_size (measured->rows) !=
      (expected->rows ? g_hash_table_size (expected->rows) : 0))
    return g_strdup (_("it holds tables that were not in the database it copied"));

  if (measured->audit_entries != expected->audit_entries ||
      g_strcmp0 (measured->audit_head_hash, expected->audit_head_hash) != 0)
    return g_strdup_printf (_("its audit log ends at entry %lld, not at entry %lld"),
                            (long long) measured->audit_entries,
                            (long long) expected->audit_entries);

  return NULL;
}

/* Opens @path read-only and checks it against @expected: SQLite's full integrity check,
 * application id, schema version, the rows of every table, and the audit chain, walked
 * entry by entry, with the stored files it lists in the folder `blobs` beside it unless
 * @check_blobs is FALSE (they were checked as they were copied in). */
char *
_xa_backup_check_file (const char          *path,
                       const XaBackupFacts *expected,
                       gboolean             check_blobs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStatement) check = NULL;
  g_auto(XaBackupFacts) measured = { 0 };
  g_autofree char *reason = NULL;
  g_autofree char *problem = NULL;
  gint64 n_entries = 0;
  gint64 broken = 0;
  sqlite3 *db = NULL;
  int unused = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      problem = g_strdup_printf (_("it cannot be opened as a database: %s"), sqlite3_errmsg (db));
      goto out;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);

  if (!(check = _xa_statement_new (db, path, "PRAGMA integrity_check", &error)) ||
      xa_statement_step (check, &error) != XA_STEP_ROW ||
      g_strcmp0 (xa_statement_get_text (check, 0), "ok") != 0)
    {
      g_debug ("integrity_check of %s: %s", path,
               error ? error->message : xa_statement_get_text (check, 0));
      problem = g_strdup (_("SQLite’s integrity check found damage"));
      goto out;
    }
  g_clear_pointer (&check, xa_statement_free);

  if (!_xa_backup_read_facts (db, path, &measured, &error))
    {
      problem = g_strdup_printf (_("it cannot be read: %s"), error->message);
      goto out;
    }

  if ((problem = compare_facts (expected, &measured)) != NULL)
    goto out;

  /* The chain and every record against it, as `audit verify` checks the database. */
  {
    g_autoptr(XaStore) copy = xa_store_open_read_only (path, &error);

    if (copy != NULL)
      {
        _xa_store_forget_head_file (copy);
        copy->skip_blob_check = !check_blobs;
      }
    if (copy == NULL || !xa_store_verify_audit (copy, &n_entries, &broken, &reason, &error))
      problem = g_strdup_printf (_("its audit log cannot be read: %s"), error->message);
    else if (broken != 0)
      problem = g_strdup_printf (_("its audit log does not verify: %s"), reason);
  }

out:
  sqlite3_close (db);
  return g_steal_pointer (&problem);
}

/* Names */

char *
_xa_backup_timestamp (GDateTime *date)
{
  return g_date_time_format (date, "%Y%m%d-%H%M%S");
}

/**
 * _xa_backup_parse_name:
 * @name: a file name
 * @date: (out) (optional): the local time the name gives
 * @sequence: (out) (optional): 1 for the first backup of that second, N for `-N`
 *
 * Returns: whether @name is the name of a backup
 */
gboolean
_xa_backup_parse_name (const char  *name,
                       GDateTime  **date,
                       guint       *sequence)
{
  static GRegex *regex = NULL;
  static gsize regex_ready = 0;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *seq = NULL;
  int y, mo, d, h, mi, s;

  if (g_once_init_enter (&regex_ready))
    {
      regex = g_regex_new ("^" XA_BACKUP_PREFIX "([0-9]{8}-[0-9]{6})(?:-([0-9]{1,4}))?\\"
                           XA_BACKUP_SUFFIX "$",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex_ready, 1);
    }

  if (!g_regex_match (regex, name, 0, &match))
    return FALSE;

  digits = g_match_info_fetch (match, 1);
  if (sscanf (digits, "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return FALSE;

  zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = g_date_time_new (zone, y, mo, d, h, mi, s);
  if (parsed == NULL)
    return FALSE;

  seq = g_match_info_fetch (match, 2);
  if (sequence)
    *sequence = seq != NULL && seq[0] != '\0' ? (guint) g_ascii_strtoull (seq, NULL, 10) : 1;
  if (date)
    *date = g_steal_pointer (&parsed);

  return TRUE;
}

/* `xiaoan-20240501-143005.db` → `xiaoan-20240501-143005.json` */
char *
_xa_backup_dup_manifest_path (const char *backup_path)
{
  g_autofree char *stem = NULL;

  g_assert (g_str_has_suffix (backup_path, XA_BACKUP_SUFFIX));
  stem = g_strndup (backup_path, strlen (backup_path) - strlen (XA_BACKUP_SUFFIX));
  return g_strconcat (stem, XA_BACKUP_MANIFEST, NULL);
}

/* Files */

/**
 * _xa_backup_set_file_error:
 * @writing: whether @path was being written (or read)
 *
 * Sets "Cannot write “FILE”: why" or "Cannot read …".
 *
 * Returns: %FALSE
 */
gboolean
_xa_backup_set_file_error (GError     **error,
                           gboolean     writing,
                           const char  *path,
                           int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  if (writing)
    g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                 _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  else
    g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                 _("Cannot read “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/**
 * _xa_backup_sha256_file:
 *
 * Returns: (transfer full) (nullable): the SHA-256 of @path in hex
 */
char *
_xa_backup_sha256_file (const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (256 * 1024);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  if (fd < 0)
    {
      _xa_backup_set_file_error (error, FALSE, path, errno);
      return NULL;
    }

  while ((n = read (fd, buffer, 256 * 1024)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _xa_backup_set_file_error (error, FALSE, path, errno);
          close (fd);
          return NULL;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      g_checksum_update (checksum, buffer, n);
    }

  close (fd);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Flushes a file, or a folder's entries after a rename, to the disk. */
gboolean
_xa_backup_fsync_path (const char  *path,
                       GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);

  if (saved_errno != 0)
    return _xa_backup_set_file_error (error, TRUE, path, saved_errno);

  return TRUE;
}

/**
 * _xa_backup_lock_dir:
 * @wait: whether to wait for the backup or restore under way to end
 *
 * Takes the lock of a backup folder, so that one process at a time writes, rotates or
 * restores in it. The kernel lets go of it when the process dies, so that a killed
 * backup never leaves the folder locked.
 *
 * Returns: the lock, for _xa_backup_unlock_dir(), or -1 with @error set
 */
int
_xa_backup_lock_dir (const char  *dir,
                     gboolean     wait,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (dir, XA_BACKUP_LOCK_NAME, NULL);
  g_autofree char *display = g_filename_display_name (dir);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
    {
      _xa_backup_set_file_error (error, TRUE, dir, errno);
      return -1;
    }

  while (flock (fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;

      close (fd);
      if (saved_errno == EWOULDBLOCK)
        g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_BUSY,
                     _("Another backup or restore is under way in “%s”; try again when it has finished"),
                     display);
      else
        _xa_backup_set_file_error (error, TRUE, dir, saved_errno);
      return -1;
    }

  return fd;
}

void
_xa_backup_unlock_dir (int fd)
{
  if (fd >= 0)
    close (fd);
}

/* Loading */

static gboolean
member_holds (JsonObject   *object,
              const char   *name,
              JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && json_node_get_node_type (node) == type;
}

static gboolean
read_manifest (XaBackup  *self,
               GError   **error)
{
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *root;
  JsonObject *rows;
  JsonObject *audit;

  /* A manifest lies beside the backup in a folder anyone may have written to. */
  if (!(document = xa_json_parse_file (self->manifest_path, error)))
    return FALSE;

  root = JSON_NODE_HOLDS_OBJECT (document) ? json_node_get_object (document) : NULL;
  if (root == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (root, "file", NULL), self->name) != 0 ||
      !member_holds (root, "sha256", JSON_NODE_VALUE) ||
      !member_holds (root, "rows", JSON_NODE_OBJECT) ||
      !member_holds (root, "audit", JSON_NODE_OBJECT))
    {
      g_set_error_literal (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_UNVERIFIED,
                           _("its manifest does not describe it"));
      return FALSE;
    }

  rows = json_object_get_object_member (root, "rows");
  audit = json_object_get_object_member (root, "audit");
  self->sha256 = g_strdup (json_object_get_string_member_with_default (root, "sha256", ""));
  self->facts.schema_version = json_object_get_int_member_with_default (root, "schema_version", 0);
  self->facts.application_id = json_object_get_int_member_with_default (root, "application_id", 0);
  self->facts.audit_entries = json_object_get_int_member_with_default (audit, "entries", -1);
  self->facts.audit_head_hash = g_strdup (json_object_get_string_member_with_default (audit, "head_hash", NULL));

  self->facts.rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (rows);
  for (GList *l = members; l != NULL; l = l->next)
    facts_set_rows (&self->facts, l->data, json_object_get_int_member_with_default (rows, l->data, -1));

  return TRUE;
}

/**
 * _xa_backup_load_full:
 * @path: (type filename): a backup file
 * @check_hash: whether to compare the file's SHA-256 with its manifest's
 *
 * Loads a backup and its manifest. A backup without a manifest, or that is not the file
 * its manifest describes, loads as not verified, with the reason.
 *
 * Returns: (transfer full): the backup, or %NULL when @path is not a backup's name or
 *   cannot be read
 */
XaBackup *
_xa_backup_load_full (const char  *path,
                      gboolean     check_hash,
                      GError     **error)
{
  g_autoptr(XaBackup) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (path);
  GDateTime *date = NULL;
  GStatBuf st;

  if (!_xa_backup_parse_name (name, &date, NULL))
    {
      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_NOT_FOUND,
                   _("“%s” is not a Xiaoan backup (backups are named like xiaoan-20240501-143005.db)"),
                   display);
      return NULL;
    }

  if (g_stat (path, &st) != 0)
    {
      _xa_backup_set_file_error (error, FALSE, path, errno);
      g_date_time_unref (date);
      return NULL;
    }

  self = g_object_new (XA_TYPE_BACKUP, NULL);
  self->path = g_canonicalize_filename (path, NULL);
  self->name = g_steal_pointer (&name);
  self->manifest_path = _xa_backup_dup_manifest_path (self->path);
  self->date = date;
  self->size = st.st_size;

  if (!read_manifest (self, &local_error))
    {
      self->problem = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                        ? g_strdup (_("it has no manifest"))
                        : g_strdup (local_error->message);
      return g_steal_pointer (&self);
    }

  if (check_hash)
    {
      g_autofree char *sha256 = _xa_backup_sha256_file (self->path, NULL, error);

      if (sha256 == NULL)
        return NULL;

      if (g_strcmp0 (sha256, self->sha256) != 0)
        {
          self->problem = g_strdup (_("it has changed since it was verified (its SHA-256 differs)"));
          return g_steal_pointer (&self);
        }
    }

  self->verified = TRUE;
  return g_steal_pointer (&self);
}

/* Newest first: by the time in the name, then by its sequence within that second. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  XaBackup *x = *(XaBackup **) a;
  XaBackup *y = *(XaBackup **) b;
  guint seq_x = 1, seq_y = 1;
  int order = g_date_time_compare (y->date, x->date);

  if (order != 0)
    return order;

  _xa_backup_parse_name (x->name, NULL, &seq_x);
  _xa_backup_parse_name (y->name, NULL, &seq_y);
  return seq_x < seq_y ? 1 : seq_x > seq_y ? -1 : 0;
}

/**
 * _xa_backup_scan:
 * @check_hash: whether to hash every file
 *
 * Returns: (transfer container) (element-type XaBackup): the backups of @dir, newest
 *   first; none when @dir does not exist
 */
GPtrArray *
_xa_backup_scan (const char  *dir,
                 gboolean     check_hash,
                 GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) folder = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (folder == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      XaBackup *backup;

      if (!_xa_backup_parse_name (name, NULL, NULL))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (!(backup = _xa_backup_load_full (path, check_hash, &local_error)))
        {
          /* Deleted by a rotation meanwhile, or unreadable: listed by what is left. */
          g_debug ("Skipping %s: %s", path, local_error->message);
          g_clear_error (&local_error);
          continue;
        }
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/* The object */

static void
xa_backup_finalize (GObject *object)
{
  XaBackup *self = XA_BACKUP (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->manifest_path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->sha256, g_free);
  _xa_backup_facts_clear (&self->facts);

  G_OBJECT_CLASS (xa_backup_parent_class)->finalize (object);
}

static void
xa_backup_class_init (XaBackupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_backup_finalize;
}

static void
xa_backup_init (XaBackup *self)
{
}

/* Public API */

/**
 * xa_backup_dup_default_dir:
 * @db_path: (type filename): the database file
 *
 * Returns: (transfer full) (type filename): the folder `backups` beside @db_path
 */
char *
xa_backup_dup_default_dir (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/**
 * xa_backup_list:
 * @dir: (type filename): a backup folder
 *
 * Lists the backups of @dir, newest first, each checked against its manifest: a backup
 * is verified when its manifest describes it and its SHA-256 is the one recorded when
 * it was verified after writing. Reads every file: call it from a worker in the app.
 *
 * Returns: (transfer full): a list of #XaBackup, empty when @dir does not exist
 */
GListModel *
xa_backup_list (const char  *dir,
                GError     **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  GListStore *list;

  g_return_val_if_fail (dir != NULL, NULL);

  if (!(backups = _xa_backup_scan (dir, TRUE, error)))
    return NULL;

  list = g_list_store_new (XA_TYPE_BACKUP);
  g_list_store_splice (list, 0, 0, backups->pdata, backups->len);
  return G_LIST_MODEL (list);
}

static void
list_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GListModel *list = xa_backup_list (task_data, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, g_object_unref);
}

void
xa_backup_list_async (const char          *dir,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_backup_list_async);
  g_task_set_task_data (task, g_strdup (dir), g_free);
  g_task_run_in_thread (task, list_worker);
}

/**
 * xa_backup_list_finish:
 *
 * Returns: (transfer full): a list of #XaBackup, newest first
 */
GListModel *
xa_backup_list_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * xa_backup_load:
 * @path: (type filename): a backup file
 *
 * Returns: (transfer full): the backup, checked against its manifest as by
 *   xa_backup_list(), or %NULL when @path is not a backup
 */
XaBackup *
xa_backup_load (const char  *path,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return _xa_backup_load_full (path, TRUE, error);
}

static XaBackup *
find_newest (const char *dir,
             gboolean    check_hash)
{
  g_autoptr(GPtrArray) backups = _xa_backup_scan (dir, check_hash, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      XaBackup *backup = g_ptr_array_index (backups, i);

      if (backup->verified)
        return g_object_ref (backup);
    }

  return NULL;
}

/**
 * xa_backup_find_newest_verified:
 * @dir: (type filename): a backup folder
 *
 * The backup to offer when the database is damaged. Hashes the files.
 *
 * Returns: (transfer full) (nullable): the newest backup that verifies against its
 *   manifest
 */
XaBackup *
xa_backup_find_newest_verified (const char *dir)
{
  g_return_val_if_fail (dir != NULL, NULL);

  return find_newest (dir, TRUE);
}

/**
 * xa_backup_find_newest:
 * @dir: (type filename): a backup folder
 *
 * Like xa_backup_find_newest_verified() without reading the files, only their names and
 * manifests: cheap enough for a scheduler to ask every minute.
 *
 * Returns: (transfer full) (nullable): the newest backup with a manifest
 */
XaBackup *
xa_backup_find_newest (const char *dir)
{
  g_return_val_if_fail (dir != NULL, NULL);

  return find_newest (dir, FALSE);
}

/**
 * xa_backup_verify:
 *
 * Checks the backup again as it was checked after writing: the file is the one its
 * manifest describes (size, SHA-256), SQLite's integrity check passes, it is a Xiaoan
 * database of a schema this program knows, every table holds the rows the manifest
 * records, and its audit chain verifies up to the recorded head.
 *
 * Returns: %TRUE when it verifies; otherwise %FALSE with %XA_BACKUP_ERROR_UNVERIFIED
 *   (the backup is then marked as not verified)
 */
gboolean
xa_backup_verify (XaBackup  *self,
                  GError   **error)
{
  g_autofree char *display = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *problem = NULL;
  GStatBuf st;

  g_return_val_if_fail (XA_IS_BACKUP (self), FALSE);

  display = g_filename_display_name (self->path);

  if (self->sha256 == NULL)
    problem = g_strdup (self->problem ? self->problem : _("it has no manifest"));
  else if (g_stat (self->path, &st) != 0)
    problem = g_strdup (g_strerror (errno));
  else if (!(sha256 = _xa_backup_sha256_file (self->path, NULL, error)))
    return FALSE;
  else if (g_strcmp0 (sha256, self->sha256) != 0)
    problem = g_strdup (_("it has changed since it was verified (its SHA-256 differs)"));
  else
    problem = _xa_backup_check_file (self->path, &self->facts, TRUE);

  if (problem != NULL)
    {
      self->verified = FALSE;
      g_set_str_compat (&self->problem, problem);
      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_UNVERIFIED,
                   _("The backup “%s” does not verify: %s"), display, problem);
      return FALSE;
    }

  self->verified = TRUE;
  g_clear_pointer (&self->problem, g_free);
  return TRUE;
}

typedef struct
{
  gint64  entries;
  char   *head_hash;
} AuditHead;

static gboolean
read_audit_head (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  AuditHead *head = user_data;
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = xa_store_prepare (store, audit_head_sql, error)) ||
      !xa_statement_step_one (stmt, error))
    return FALSE;

  head->entries = xa_statement_get_int64 (stmt, 0);
  head->head_hash = g_strdup (xa_statement_get_text_or_null (stmt, 1));
  return TRUE;
}

/**
 * xa_backup_is_current:
 *
 * Every change appends to the audit chain, so a backup whose chain ends where the
 * store's ends holds what the store holds.
 *
 * Returns: whether @store has not changed since @self was made
 */
gboolean
xa_backup_is_current (XaBackup *self,
                      XaStore  *store)
{
  AuditHead head = { 0 };
  gboolean current;

  g_return_val_if_fail (XA_IS_BACKUP (self), FALSE);
  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (!xa_store_read (store, read_audit_head, &head, NULL))
    return FALSE;

  current = head.entries == self->facts.audit_entries &&
            g_strcmp0 (head.head_hash, self->facts.audit_head_hash) == 0;
  g_free (head.head_hash);
  return current;
}

/**
 * xa_backup_is_due:
 * @now: the time now
 * @newest_backup: (nullable): when the newest backup was made, %NULL when there is none
 * @changed_since_newest: whether the database changed since that backup
 * @last_write: (nullable): when the app last wrote, %NULL when it has not
 * @interval_hours: the hours between scheduled backups; 0 turns them off
 * @idle_minutes: how long the app must have been idle
 *
 * The scheduler's decision, apart from any clock or file so that it can be tested: a
 * backup is due when scheduled backups are on, the app has been idle long enough, there
 * is something new to keep, and the newest backup is at least the interval old. A backup
 * that is not needed is never made, so that rotation does not push the older, different
 * backups out with copies of one state.
 *
 * Returns: whether to make a backup now
 */
gboolean
xa_backup_is_due (GDateTime *now,
                  GDateTime *newest_backup,
                  gboolean   changed_since_newest,
                  GDateTime *last_write,
                  guint      interval_hours,
                  guint      idle_minutes)
{
  g_return_val_if_fail (now != NULL, FALSE);

  if (interval_hours == 0)
    return FALSE;

  if (last_write != NULL &&
      g_date_time_difference (now, last_write) < (GTimeSpan) idle_minutes * G_TIME_SPAN_MINUTE)
    return FALSE;

  if (newest_backup == NULL)
    return TRUE;

  if (!changed_since_newest)
    return FALSE;

  return g_date_time_difference (now, newest_backup) >= (GTimeSpan) interval_hours * G_TIME_SPAN_HOUR;
}

const char *
xa_backup_get_path (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), NULL);

  return self->path;
}

const char *
xa_backup_get_name (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), NULL);

  return self->name;
}

/**
 * xa_backup_get_date:
 *
 * Returns: (transfer none): when the backup was made, in local time
 */
GDateTime *
xa_backup_get_date (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), NULL);

  return self->date;
}

/**
 * xa_backup_dup_date_text:
 *
 * Returns: (transfer full): when the backup was made, as people read it
 */
char *
xa_backup_dup_date_text (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), NULL);

  /* Translators: the date and time of a backup, in g_date_time_format() notation;
   * for Chinese, %Y年%-m月%-d日 %H:%M:%S. */
  return g_date_time_format (self->date, _("%Y-%m-%d %H:%M:%S"));
}

guint64
xa_backup_get_size (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), 0);

  return self->size;
}

gboolean
xa_backup_get_verified (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), FALSE);

  return self->verified;
}

/**
 * xa_backup_get_problem:
 *
 * Returns: (nullable): why the backup does not verify, or %NULL
 */
const char *
xa_backup_get_problem (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), NULL);

  return self->problem;
}

int
xa_backup_get_schema_version (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), 0);

  return self->facts.schema_version;
}

gint64
xa_backup_get_audit_entries (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), 0);

  return self->facts.audit_entries;
}

/**
 * xa_backup_get_row_count:
 *
 * Returns: the rows of every table together, as the manifest records them
 */
gint64
xa_backup_get_row_count (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), 0);

  return _xa_backup_facts_total (&self->facts);
}

const char *
xa_backup_get_sha256 (XaBackup *self)
{
  g_return_val_if_fail (XA_IS_BACKUP (self), NULL);

  return self->sha256;
}
