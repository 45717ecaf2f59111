/* xa-backup-create.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Making a backup. The copy is written under a name no backup has (`….db.partial`),
 * verified, described by its manifest, and only then renamed to its final name: a
 * process killed at any moment leaves the earlier backups as they were and nothing
 * half-written under a backup's name. Older backups are deleted only after the new one
 * is in place, and never the last verified ones.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-backup-private.h"

/* Pages copied per step of sqlite3_backup_step(): small enough that progress moves and a
 * cancellation is noticed soon, large enough that the steps cost nothing. */
#define PAGES_PER_STEP 64

typedef struct
{
  char  *source_path;
  char  *dir;
  guint  keep;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->source_path);
  g_free (data->dir);
  g_free (data);
}

/* What a killed backup left: its `.partial` copy, or a manifest whose copy was never
 * renamed into place. Only called with the folder's lock held, so that nothing of a
 * backup under way is taken for a leftover. */
static void
remove_leftovers (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_str_has_prefix (name, XA_BACKUP_PREFIX))
        continue;

      if (g_str_has_suffix (name, XA_BACKUP_PARTIAL))
        g_unlink (path);
      else if (g_str_has_suffix (name, XA_BACKUP_MANIFEST))
        {
          g_autofree char *stem = g_strndup (path, strlen (path) - strlen (XA_BACKUP_MANIFEST));
          g_autofree char *backup = g_strconcat (stem, XA_BACKUP_SUFFIX, NULL);

          if (!g_file_test (backup, G_FILE_TEST_EXISTS))
            g_unlink (path);
        }
    }
}

/* `xiaoan-20240501-143005.db`, or `…-143005-N.db` after the N-1 made in that second. N
 * goes on from the highest there, never reusing the name of one that rotation deleted,
 * so that names sort as the backups were made. */
static char *
dup_free_name (const char *dir,
               GDateTime  *now)
{
  g_autofree char *stamp = _xa_backup_timestamp (now);
  g_autofree char *prefix = g_strconcat (XA_BACKUP_PREFIX, stamp, NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *name = NULL;
  const char *entry;
  guint highest = 0;

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    {
      guint sequence = 0;

      if (g_str_has_prefix (entry, prefix) && _xa_backup_parse_name (entry, NULL, &sequence))
        highest = MAX (highest, sequence);
    }

  if (highest == 0)
    name = g_strconcat (prefix, XA_BACKUP_SUFFIX, NULL);
  else
    name = g_strdup_printf ("%s-%u" XA_BACKUP_SUFFIX, prefix, highest + 1);

  return g_build_filename (dir, name, NULL);
}

static sqlite3 *
open_source (const char  *path,
             GError     **error)
{
  sqlite3 *db = NULL;
  int unused = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, path, NULL, error);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Copies @source, inside the read transaction it is in, into @partial, page by page. The
 * copy is left in rollback-journal mode: a file that opens read-only on its own, without
 * -wal or -shm beside it. */
static gboolean
copy_pages (sqlite3               *source,
            const char            *source_path,
            const char            *partial,
            XaBackupProgressFunc   progress,
            gpointer               progress_data,
            GCancellable          *cancellable,
            GError               **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_open_v2 (partial, &dest,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                       NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (dest, partial, NULL, error);
      goto out;
    }

  if (!(backup = sqlite3_backup_init (dest, "main", source, "main")))
    {
      _xa_sqlite_set_error (dest, partial, NULL, error);
      goto out;
    }

  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if (progress != NULL && (rc == SQLITE_OK || rc == SQLITE_DONE))
        progress ((guint) (sqlite3_backup_pagecount (backup) - sqlite3_backup_remaining (backup)),
                  (guint) sqlite3_backup_pagecount (backup), progress_data);
    }
  while (rc == SQLITE_OK && !g_cancellable_is_cancelled (cancellable));

  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (rc != SQLITE_DONE)
    {
      _xa_sqlite_set_error (sqlite3_errcode (dest) != SQLITE_OK ? dest : source,
                            sqlite3_errcode (dest) != SQLITE_OK ? partial : source_path,
                            NULL, error);
      goto out;
    }

  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (dest, partial, NULL, error);
      goto out;
    }

  ok = TRUE;

out:
  if (sqlite3_close (dest) != SQLITE_OK)
    ok = FALSE;
  return ok;
}

static char *
build_manifest (const char          *name,
                const char          *source_path,
                const XaBackupFacts *facts,
                const char          *sha256,
                guint64              size)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree gpointer *tables = NULL;
  guint n_tables = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "program");
  json_builder_add_string_value (builder, "xiaoan " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source_path);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) size);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, facts->schema_version);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_int_value (builder, facts->application_id);
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, TRUE);

  /* Tables in a stable order, so that two manifests of one state read alike. */
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_object (builder);
  tables = g_hash_table_get_keys_as_array (facts->rows, &n_tables);
  qsort (tables, n_tables, sizeof (gpointer), (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < n_tables; i++)
    {
      json_builder_set_member_name (builder, tables[i]);
      json_builder_add_int_value (builder, *(gint64 *) g_hash_table_lookup (facts->rows, tables[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "audit");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, facts->audit_entries);
  json_builder_set_member_name (builder, "head_hash");
  if (facts->audit_head_hash != NULL)
    json_builder_add_string_value (builder, facts->audit_head_hash);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

static void
delete_backup (XaBackup *backup)
{
  /* The copy first: a manifest left alone is a leftover the next backup removes, a copy
   * left alone would be listed as not verified. */
  if (g_unlink (backup->path) != 0 && errno != ENOENT)
    g_warning ("Cannot delete the old backup %s: %s", backup->path, g_strerror (errno));
  else
    g_unlink (backup->manifest_path);
}

/* Keeps the newest @keep verified backups, @made among them whatever its name's time.
 * Backups that do not verify are left for a person to look at: they are not counted,
 * and deleting them is not rotation's business. */
static void
rotate (const char *dir,
        guint       keep,
        const char *made)
{
  g_autoptr(GPtrArray) backups = _xa_backup_scan (dir, TRUE, NULL);
  guint kept = 1;

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      XaBackup *backup = g_ptr_array_index (backups, i);

      if (!backup->verified || g_strcmp0 (backup->path, made) == 0)
        continue;

      if (kept < keep)
        kept++;
      else
        delete_backup (backup);
    }
}

static XaBackup *
create_backup (const char            *source_path,
               const char            *dir,
               guint                  keep,
               XaBackupProgressFunc   progress,
               gpointer               progress_data,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  g_auto(XaBackupFacts) facts = { 0 };
  g_autofree char *source_display = g_filename_display_name (source_path);
  g_autofree char *final_path = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *real_dir = NULL;
  XaBackup *backup = NULL;
  sqlite3 *source = NULL;
  gboolean copied;
  GStatBuf st;
  int lock;

  if ((lock = _xa_backup_lock_dir (dir, FALSE, error)) < 0)
    return NULL;

  remove_leftovers (dir);

  final_path = dup_free_name (dir, now);
  partial = g_strconcat (final_path, XA_BACKUP_PARTIAL, NULL);
  manifest_path = _xa_backup_dup_manifest_path (final_path);
  name = g_path_get_basename (final_path);

  /* One read transaction for the counts and the copy, so that the backup's snapshot is
   * the one counted, however much the app writes meanwhile. */
  if (!(source = open_source (source_path, error)))
    goto out;
  if (sqlite3_exec (source, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      !_xa_backup_read_facts (source, source_path, &facts, &local_error))
    {
      if (local_error == NULL)
        _xa_sqlite_set_error (source, source_path, "BEGIN", &local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  copied = copy_pages (source, source_path, partial, progress, progress_data, cancellable, error);
  sqlite3_exec (source, "COMMIT", NULL, NULL, NULL);
  g_clear_pointer (&source, sqlite3_close);
  if (!copied || !_xa_backup_fsync_path (partial, error))
    goto out;

  /* The stored files it lists, before it is checked: a backup is its database and them. */
  if (!_xa_backup_save_blobs (partial, source_path, &local_error))
    {
      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                   _("The backup of “%s” was not made: %s"), source_display, local_error->message);
      goto out;
    }

  if ((problem = _xa_backup_check_file (partial, &facts, FALSE)) != NULL)
    {
      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_UNVERIFIED,
                   _("The backup of “%s” does not verify, so it was not kept: %s"),
                   source_display, problem);
      goto out;
    }

  if (!(sha256 = _xa_backup_sha256_file (partial, cancellable, error)))
    goto out;
  if (g_stat (partial, &st) != 0)
    {
      _xa_backup_set_file_error (error, FALSE, partial, errno);
      goto out;
    }

  /* The manifest, then the rename: the rename is the moment the backup exists, and from
   * then on it has its manifest. */
  manifest = build_manifest (name, source_path, &facts, sha256, st.st_size);
  if (!g_file_set_contents_full (manifest_path, manifest, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_autofree char *display = g_filename_display_name (manifest_path);

      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), display, local_error->message);
      goto out;
    }

  if (g_rename (partial, final_path) != 0)
    {
      _xa_backup_set_file_error (error, TRUE, final_path, errno);
      g_unlink (manifest_path);
      goto out;
    }
  if (!_xa_backup_fsync_path (dir, error))
    goto out;

  if (!(backup = _xa_backup_load_full (final_path, FALSE, error)))
    goto out;

  real_dir = g_path_get_dirname (backup->path);
  rotate (real_dir, MAX (keep, 1), backup->path);
  _xa_backup_prune_blobs (real_dir, source_path);

out:
  if (source != NULL)
    sqlite3_close (source);
  g_unlink (partial);
  _xa_backup_unlock_dir (lock);
  return backup;
}

/* The file of @store: a store in memory has none to back up. */
static const char *
get_store_file (XaStore  *store,
                GError  **error)
{
  const char *path = xa_store_get_path (store);

  if (g_strcmp0 (path, ":memory:") == 0)
    {
      g_set_error_literal (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                           _("A database kept in memory has no file to back up"));
      return NULL;
    }

  if (xa_store_get_is_server (store))
    {
      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                   _("The database on the server “%s” is backed up with the server’s own tools (pg_dump), by its administrator; “xiaoan-cli migrate” also copies it into a file"),
                   path);
      return NULL;
    }

  return path;
}

/**
 * xa_backup_create:
 * @store: the store to back up; only its file is read, through a connection of the
 *   backup's own, so that the store can go on writing meanwhile
 * @dir: (nullable) (type filename): the backup folder; %NULL for the default one
 *   (xa_backup_dup_default_dir())
 * @keep: how many verified backups to keep, this one included; at least 1
 * @progress: (nullable) (scope call): told how far the copy is
 * @cancellable: (nullable): stops the copy between steps
 *
 * Backs the database up with SQLite's online backup API, verifies the copy (SQLite's
 * integrity check, application id and schema version, every table's rows as they were
 * when the copy began, the audit chain), writes its manifest and renames it into place
 * as `xiaoan-YYYYMMDD-HHMMSS.db`. Then deletes the verified backups beyond the newest
 * @keep. Blocks: the app calls xa_backup_create_async().
 *
 * Returns: (transfer full): the new backup, or %NULL with @error set
 */
XaBackup *
xa_backup_create (XaStore               *store,
                  const char            *dir,
                  guint                  keep,
                  XaBackupProgressFunc   progress,
                  gpointer               progress_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  const char *path;
  g_autofree char *default_dir = NULL;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!(path = get_store_file (store, error)))
    return NULL;

  if (dir == NULL)
    dir = default_dir = xa_backup_dup_default_dir (path);

  return create_backup (path, dir, keep, progress, progress_data, cancellable, error);
}

static void
create_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  XaBackup *backup;

  backup = create_backup (data->source_path, data->dir, data->keep, NULL, NULL,
                          cancellable, &error);
  if (backup == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backup, g_object_unref);
}

/**
 * xa_backup_create_async:
 *
 * xa_backup_create() in a worker thread. The task keeps no reference to @store, only
 * its file's name: closing the store for a restore need not wait for it (the restore
 * waits on the folder's lock instead).
 */
void
xa_backup_create_async (XaStore             *store,
                        const char          *dir,
                        guint                keep,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  CreateData *data;
  const char *path;

  g_return_if_fail (XA_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_backup_create_async);

  if (!(path = get_store_file (store, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (CreateData, 1);
  data->source_path = g_strdup (path);
  data->dir = dir ? g_strdup (dir) : xa_backup_dup_default_dir (path);
  data->keep = keep;
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_worker);
}

/**
 * xa_backup_create_finish:
 *
 * Returns: (transfer full): the new backup, or %NULL with @error set
 */
XaBackup *
xa_backup_create_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
