/* xa-backup-blobs.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stored files of backups. A backup is its database file and the stored files it
 * lists, kept in `blobs/` of the backup folder, as beside the database: each file once,
 * whatever the number of backups that list it, since a stored file never changes.
 * Making a backup copies in the files it lacks, each read from the database's own folder
 * and checked against its SHA-256 (a file already there is checked too, and replaced
 * when damaged); rotation deletes the files no backup lists any more; a restore puts
 * back the files the database lacks. Every copy goes through a temporary name, fsync
 * and rename (_xa_blob_write_file()), so that a backup killed at any moment leaves no
 * partial file under a blob's name.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xa-backup-private.h"
#include "xa-blob-store.h"

typedef struct
{
  char   *sha256;
  gint64  size;
} ListedBlob;

static void
listed_blob_free (ListedBlob *blob)
{
  g_free (blob->sha256);
  g_free (blob);
}

/* The blobs that the database file @path lists, read from the file itself (which may
 * be of a schema before the blob table: it lists none then). */
static GPtrArray *
list_blobs (const char  *path,
            GError     **error)
{
  g_autoptr(GPtrArray) blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) listed_blob_free);
  g_autoptr(XaStatement) exists = NULL;
  g_autoptr(XaStatement) rows = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int unused = 0;
  XaStep step;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, path, NULL, error);
      goto out;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, &unused);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &unused);
  sqlite3_busy_timeout (db, 5000);

  if (!(exists = _xa_statement_new (db, path,
                                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'blob'",
                                    error)) ||
      !xa_statement_step_one (exists, error))
    goto out;

  if (xa_statement_get_int64 (exists, 0) > 0)
    {
      if (!(rows = _xa_statement_new (db, path, "SELECT sha256, size FROM blob ORDER BY sha256", error)))
        goto out;

      while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
        {
          ListedBlob *blob = g_new0 (ListedBlob, 1);

          blob->sha256 = g_strdup (xa_statement_get_text (rows, 0));
          blob->size = xa_statement_get_int64 (rows, 1);
          g_ptr_array_add (blobs, blob);

          if (!xa_blob_sha256_is_valid (blob->sha256))
            {
              g_autofree char *display = g_filename_display_name (path);

              g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED,
                           _("The database “%s” lists a stored file under a name that is no SHA-256"),
                           display);
              goto out;
            }
        }
      if (step != XA_STEP_DONE)
        goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&exists, xa_statement_free);
  g_clear_pointer (&rows, xa_statement_free);
  sqlite3_close (db);
  return ok ? g_steal_pointer (&blobs) : NULL;
}

/* Puts in @to_dir every stored file that the database file @listing lists and @to_dir
 * lacks (or holds damaged), each read from @from_dir and checked against its SHA-256. */
static gboolean
copy_listed_blobs (const char  *listing,
                   const char  *from_dir,
                   const char  *to_dir,
                   GError     **error)
{
  g_autoptr(GPtrArray) blobs = list_blobs (listing, error);

  if (blobs == NULL)
    return FALSE;

  for (guint i = 0; i < blobs->len; i++)
    {
      ListedBlob *blob = g_ptr_array_index (blobs, i);
      g_autoptr(GBytes) content = _xa_blob_read_file (to_dir, blob->sha256, blob->size, NULL);

      if (content != NULL)
        continue;

      if (!(content = _xa_blob_read_file (from_dir, blob->sha256, blob->size, error)) ||
          !_xa_blob_write_file (to_dir, blob->sha256, content, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * _xa_backup_save_blobs:
 * @snapshot: (type filename): the backup's copy of the database, before it is renamed
 *   into place
 * @source_path: (type filename): the database it copies, beside whose file the stored
 *   files are
 *
 * Puts in the backup folder every stored file the snapshot lists, each checked against
 * its SHA-256: those there already are read and kept when sound, the others copied from
 * the database's folder. A file missing or damaged in both places fails the backup,
 * with a message that names it: a backup without it could not give it back.
 *
 * Returns: %TRUE when the backup folder holds every file the snapshot lists, sound
 */
gboolean
_xa_backup_save_blobs (const char  *snapshot,
                       const char  *source_path,
                       GError     **error)
{
  g_autofree char *source_dir = _xa_blob_dir_for_database (source_path);
  g_autofree char *backup_dir = _xa_blob_dir_for_database (snapshot);

  return copy_listed_blobs (snapshot, source_dir, backup_dir, error);
}

/**
 * _xa_backup_restore_blobs:
 * @backup_path: (type filename): a verified backup
 * @db_path: (type filename): the database it is going to replace
 *
 * Puts beside @db_path every stored file the backup lists that is not there, sound,
 * already: before the restored database takes its place, so that it never lists a file
 * its folder lacks.
 */
gboolean
_xa_backup_restore_blobs (const char  *backup_path,
                          const char  *db_path,
                          GError     **error)
{
  g_autofree char *backup_dir = _xa_blob_dir_for_database (backup_path);
  g_autofree char *db_dir = _xa_blob_dir_for_database (db_path);

  return copy_listed_blobs (backup_path, backup_dir, db_dir, error);
}

/* Whether two paths name one folder, whatever links lead there. */
static gboolean
same_folder (const char *a,
             const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/**
 * _xa_backup_prune_blobs:
 * @dir: (type filename): a backup folder, whose lock is held
 * @source_path: (type filename): the database backed up there
 *
 * Deletes the stored files of the backup folder that none of its backups lists (those
 * of rotated backups), and what killed copies left. Deletes nothing when a backup's list
 * cannot be read, a file it may list being kept rather than lost, nor when the backups
 * are in the database's own folder, whose files are the database's.
 */
void
_xa_backup_prune_blobs (const char *dir,
                        const char *source_path)
{
  g_autofree char *source_dir = g_path_get_dirname (source_path);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) backups = _xa_backup_scan (dir, FALSE, NULL);
  g_autofree char *blob_dir = g_build_filename (dir, "blobs", NULL);
  g_autoptr(GDir) top = NULL;
  const char *sub_name;

  if (same_folder (dir, source_dir) || backups == NULL || !(top = g_dir_open (blob_dir, 0, NULL)))
    return;

  for (guint i = 0; i < backups->len; i++)
    {
      XaBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) blobs = list_blobs (backup->path, &error);

      if (blobs == NULL)
        {
          g_debug ("Not pruning %s: %s", blob_dir, error->message);
          return;
        }

      for (guint j = 0; j < blobs->len; j++)
        g_hash_table_add (listed, g_strdup (((ListedBlob *) g_ptr_array_index (blobs, j))->sha256));
    }

  while ((sub_name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub_path = g_build_filename (blob_dir, sub_name, NULL);
      g_autoptr(GDir) sub = g_dir_open (sub_path, 0, NULL);
      const char *name;

      while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
        {
          g_autofree char *path = NULL;

          if (g_hash_table_contains (listed, name))
            continue;

          path = g_build_filename (sub_path, name, NULL);
          if (g_unlink (path) != 0)
            g_debug ("Cannot delete %s: %s", path, g_strerror (errno));
        }
    }
}
