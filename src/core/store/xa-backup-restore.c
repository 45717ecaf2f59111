/* xa-backup-restore.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Putting a backup back, and noticing at open that it is needed. A restore verifies the
 * backup again, copies it beside the database and renames the copy over it, so that the
 * database is at every moment either the old file or the restored one; the old file is
 * kept as `xiaoan.db.before-restore-TIMESTAMP`. At open, PRAGMA quick_check runs on a
 * read-only connection: a damaged file is copied aside byte for byte and never written
 * to, and the store refuses it with XA_STORE_ERROR_DAMAGED so that the app can offer
 * the newest verified backup.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xa-backup-private.h"

/* The files SQLite keeps beside a database, which belong with it wherever it goes. */
static const char * const companions[] = { "-wal", "-shm", "-journal" };

typedef struct
{
  char *db_path;
  char *kept_aside;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_free (data->db_path);
  g_free (data->kept_aside);
  g_free (data);
}

/**
 * _xa_backup_copy_file:
 *
 * Copies @from to @to byte for byte, atomically and durably: through `@to.partial`,
 * fsync, rename, fsync of the folder. Only for files nobody writes meanwhile (a backup,
 * a database that is refused); a live database is copied with the backup API.
 */
gboolean
_xa_backup_copy_file (const char  *from,
                      const char  *to,
                      GError     **error)
{
  g_autofree char *partial = g_strconcat (to, XA_BACKUP_PARTIAL, NULL);
  g_autofree char *dir = g_path_get_dirname (to);
  g_autofree guchar *buffer = g_malloc (256 * 1024);
  int in = -1, out = -1;
  gboolean ok = FALSE;
  gssize n;

  if ((in = g_open (from, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return _xa_backup_set_file_error (error, FALSE, from, errno);

  if ((out = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0)
    {
      _xa_backup_set_file_error (error, TRUE, to, errno);
      goto out;
    }

  while ((n = read (in, buffer, 256 * 1024)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          _xa_backup_set_file_error (error, FALSE, from, errno);
          goto out;
        }
      if (!_xa_store_write_all (out, buffer, n))
        {
          _xa_backup_set_file_error (error, TRUE, to, errno);
          goto out;
        }
    }

  if (fsync (out) != 0)
    {
      _xa_backup_set_file_error (error, TRUE, to, errno);
      goto out;
    }
  n = close (out);
  out = -1;
  if (n != 0)
    {
      _xa_backup_set_file_error (error, TRUE, to, errno);
      goto out;
    }

  if (g_rename (partial, to) != 0)
    {
      _xa_backup_set_file_error (error, TRUE, to, errno);
      goto out;
    }

  ok = _xa_backup_fsync_path (dir, error);

out:
  if (in >= 0)
    close (in);
  if (out >= 0)
    close (out);
  if (!ok)
    g_unlink (partial);
  return ok;
}

/* `xiaoan.db.before-restore-20240501-143005`: a name beside @db_path that nothing has. */
static char *
dup_aside_name (const char *db_path,
                const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = _xa_backup_timestamp (now);

  for (guint n = 1; ; n++)
    {
      g_autofree char *path = n == 1
        ? g_strdup_printf ("%s.%s-%s", db_path, what, stamp)
        : g_strdup_printf ("%s.%s-%s-%u", db_path, what, stamp, n);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
}

/* Keeps the database that a restore replaces: a second name for the same file (nothing
 * is copied, and the database keeps its name until the restored one takes it), with its
 * -wal and -shm moved along so that it opens as it was. */
static char *
keep_before_restore (const char  *db_path,
                     GError     **error)
{
  g_autofree char *aside = dup_aside_name (db_path, "before-restore");

  if (link (db_path, aside) != 0 && !_xa_backup_copy_file (db_path, aside, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          _xa_backup_set_file_error (error, TRUE, to, errno);
          return NULL;
        }
    }

  return g_steal_pointer (&aside);
}

/**
 * xa_backup_restore:
 * @db_path: (type filename): the database to replace; its store must be closed, and the
 *   caller opens it again afterwards
 * @kept_aside: (out) (optional) (transfer full): where the replaced database is kept,
 *   %NULL when there was none
 *
 * Verifies the backup again (xa_backup_verify()) and puts it in place of @db_path
 * atomically. Nothing is replaced when the backup does not verify. Blocks: the app calls
 * xa_backup_restore_async().
 *
 * Returns: %TRUE when the backup is the database now
 */
gboolean
xa_backup_restore (XaBackup    *self,
                   const char  *db_path,
                   char       **kept_aside,
                   GError     **error)
{
  g_autofree char *backup_dir = NULL;
  g_autofree char *db_dir = NULL;
  g_autofree char *restoring = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *aside = NULL;
  gboolean ok = FALSE;
  int lock;

  g_return_val_if_fail (XA_IS_BACKUP (self), FALSE);
  g_return_val_if_fail (db_path != NULL, FALSE);

  /* A backup under way (the schedule's) finishes first, and no rotation deletes this
   * one while it is copied. */
  backup_dir = g_path_get_dirname (self->path);
  if ((lock = _xa_backup_lock_dir (backup_dir, TRUE, error)) < 0)
    return FALSE;

  if (!xa_backup_verify (self, error))
    goto out;

  restoring = g_strconcat (db_path, ".restoring", NULL);
  if (!_xa_backup_copy_file (self->path, restoring, error) ||
      !(sha256 = _xa_backup_sha256_file (restoring, NULL, error)))
    goto out;
  if (g_strcmp0 (sha256, self->sha256) != 0)
    {
      g_autofree char *display = g_filename_display_name (restoring);

      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                   _("The copy “%s” of the backup differs from it; the disk may be failing. Nothing was restored."),
                   display);
      goto out;
    }

  /* The stored files first: the restored database must find every file it lists. */
  if (!_xa_backup_restore_blobs (self->path, db_path, error))
    goto out;

  if (g_file_test (db_path, G_FILE_TEST_EXISTS) &&
      !(aside = keep_before_restore (db_path, error)))
    goto out;

  if (g_rename (restoring, db_path) != 0)
    {
      _xa_backup_set_file_error (error, TRUE, db_path, errno);
      goto out;
    }

  db_dir = g_path_get_dirname (db_path);
  if (!_xa_backup_fsync_path (db_dir, error))
    goto out;

  /* The head beside the database goes back with the chain, on purpose this once; the
   * replaced database's head stays with it, kept aside. */
  {
    g_autofree char *head = g_strconcat (db_path, ".head", NULL);
    g_autoptr(XaStore) restored = NULL;

    if (aside != NULL)
      {
        g_autofree char *aside_head = g_strconcat (aside, ".head", NULL);

        if (g_file_test (head, G_FILE_TEST_EXISTS) && g_rename (head, aside_head) != 0)
          g_debug ("Cannot keep %s beside the replaced database: %s", head, g_strerror (errno));
      }

    if (!(restored = xa_store_open_read_only (db_path, error)) ||
        !_xa_store_reset_head_file (restored, error))
      goto out;
  }

  ok = TRUE;

  if (kept_aside)
    *kept_aside = g_steal_pointer (&aside);

out:
  if (restoring != NULL)
    g_unlink (restoring);
  _xa_backup_unlock_dir (lock);
  return ok;
}

static void
restore_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreData *data = task_data;
  GError *error = NULL;

  if (xa_backup_restore (source_object, data->db_path, &data->kept_aside, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
xa_backup_restore_async (XaBackup            *self,
                         const char          *db_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RestoreData *data;

  g_return_if_fail (XA_IS_BACKUP (self));
  g_return_if_fail (db_path != NULL);

  data = g_new0 (RestoreData, 1);
  data->db_path = g_strdup (db_path);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_backup_restore_async);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);
  g_task_run_in_thread (task, restore_worker);
}

/**
 * xa_backup_restore_finish:
 * @kept_aside: (out) (optional) (transfer full): as for xa_backup_restore()
 */
gboolean
xa_backup_restore_finish (XaBackup      *self,
                          GAsyncResult  *result,
                          char         **kept_aside,
                          GError       **error)
{
  RestoreData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if (kept_aside)
    *kept_aside = g_steal_pointer (&data->kept_aside);
  return TRUE;
}

/* Damage at open */

/* A copy of @path made earlier that is the same file, byte for byte: a database that is
 * refused at every start is kept aside once, not once per start. */
static char *
find_same_copy (const char  *path,
                const char  *sha256,
                goffset      size)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".damaged-", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *candidate_sha = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strchr (name + strlen (prefix), '.') != NULL ||
          g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm") ||
          g_str_has_suffix (name, "-journal"))
        continue;

      candidate = g_build_filename (dir, name, NULL);
      if (g_stat (candidate, &st) != 0 || st.st_size != size)
        continue;

      candidate_sha = _xa_backup_sha256_file (candidate, NULL, NULL);
      if (g_strcmp0 (candidate_sha, sha256) == 0)
        return g_steal_pointer (&candidate);
    }

  return NULL;
}

/* Copies the damaged database, and the -wal and -shm that go with it, beside itself. */
static char *
keep_damaged (const char  *path,
              GError     **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *aside = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      _xa_backup_set_file_error (error, FALSE, path, errno);
      return NULL;
    }
  if (!(sha256 = _xa_backup_sha256_file (path, NULL, error)))
    return NULL;
  if ((aside = find_same_copy (path, sha256, st.st_size)) != NULL)
    return g_steal_pointer (&aside);

  aside = dup_aside_name (path, "damaged");
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !_xa_backup_copy_file (from, to, error))
        return NULL;
    }

  /* The database last: its name is what says that the copy is complete. */
  if (!_xa_backup_copy_file (path, aside, error))
    return NULL;

  return g_steal_pointer (&aside);
}

/**
 * _xa_backup_check_damage:
 * @db: a read-only connection to @path
 *
 * Runs PRAGMA quick_check. A damaged database is copied aside as it is, and refused.
 *
 * Returns: %TRUE when the database is sound; %FALSE with %XA_STORE_ERROR_DAMAGED when
 *   it is damaged, or another error when it could not be checked
 */
gboolean
_xa_backup_check_damage (sqlite3     *db,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(XaStatement) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) aside_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *aside = NULL;
  g_autofree char *aside_display = NULL;

  if ((check = _xa_statement_new (db, path, "PRAGMA quick_check", &local_error)) != NULL &&
      xa_statement_step (check, &local_error) == XA_STEP_ROW &&
      g_strcmp0 (xa_statement_get_text (check, 0), "ok") == 0)
    return TRUE;

  if (local_error != NULL &&
      !g_error_matches (local_error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("%s is damaged: %s", path,
             local_error ? local_error->message : xa_statement_get_text (check, 0));
  g_clear_pointer (&check, xa_statement_free);

  if (!(aside = keep_damaged (path, &aside_error)))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged. It was not changed, but it could not be copied aside (%s). Restore the newest backup."),
                   display, aside_error->message);
      return FALSE;
    }

  aside_display = g_filename_display_name (aside);
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED,
               _("The database “%s” is damaged. It was not changed, and a copy of it as it is was kept as “%s”. Restore the newest backup."),
               display, aside_display);
  return FALSE;
}
