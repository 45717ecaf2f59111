/* xa-blob-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stored files (photos of hazards, scanned and signed agreements), each kept once under
 * its SHA-256. Beside a SQLite file they are files: `blobs/ab/abcdef…` in the folder of
 * the database, written to a temporary name, flushed, renamed into place and the folder
 * flushed, so that a file under a blob's name is always the whole of it, whatever
 * moment a process is killed at. A store in memory has no folder and a server has no
 * files of its own: there the bytes are in the blob table's content column. The blob
 * table lists every stored file on both engines (its SHA-256, size and when it came);
 * records refer to it by foreign key, in the transaction that stores the file.
 *
 * A file is written before the transaction that lists it commits: a transaction that
 * fails leaves a file nobody lists (a stray, which a check names and nothing reads),
 * never a listed file without its bytes. Reading checks the bytes against their SHA-256
 * every time, so that a file damaged on disk is named rather than shown.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xa-blob-store.h"
#include "xa-store-private.h"
#include "core/util/xa-file.h"

/* The records that refer to stored files: a check names a file they refer to that the
 * blob table lacks. A module that adds such a column adds it here. */
static const struct
{
  const char *table;
  const char *column;
} blob_references[] = {
  { "hazard_photo", "blob_sha256" },
  { "campaign_attachment", "blob_sha256" },
  { "archive_item", "blob_sha256" },
  { "seal_image", "blob_sha256" },
};

void
xa_blob_problem_free (XaBlobProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->sha256);
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

/**
 * xa_blob_compute_sha256:
 *
 * Returns: (transfer full): the SHA-256 of @content in lower-case hex, as blobs are named
 */
char *
xa_blob_compute_sha256 (GBytes *content)
{
  g_return_val_if_fail (content != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, content);
}

/**
 * xa_blob_sha256_is_valid:
 *
 * Returns: whether @sha256 is 64 lower-case hex digits, the only names a blob has
 */
gboolean
xa_blob_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL || strlen (sha256) != 64)
    return FALSE;

  for (const char *p = sha256; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
        return FALSE;
    }

  return TRUE;
}

/* Files */

/**
 * _xa_blob_dir_for_database:
 * @db_path: (type filename): a database file
 *
 * Returns: (transfer full) (type filename): the folder `blobs` beside @db_path, where the
 *   stored files of that database are (of a backup, in the backup folder)
 */
char *
_xa_blob_dir_for_database (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "blobs", NULL);
}

/**
 * _xa_store_dup_blob_dir:
 *
 * Returns: (transfer full) (nullable) (type filename): the folder of the store's stored
 *   files; %NULL when their bytes are in the blob table (in memory, on a server)
 */
char *
_xa_store_dup_blob_dir (XaStore *self)
{
  if (self->pg != NULL || g_strcmp0 (self->path, ":memory:") == 0)
    return NULL;

  return _xa_blob_dir_for_database (self->path);
}

static char *
blob_file_path (const char *dir,
                const char *sha256)
{
  char sub[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (dir, sub, sha256, NULL);
}

static gboolean
set_write_error (const char  *path,
                 int          saved_errno,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_FULL,
                 _("The disk is full: the file “%s” cannot be stored; free some space and try again. Nothing was changed."),
                 display);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY,
                 _("The file “%s” cannot be stored: the folder may not be written (%s)"),
                 display, g_strerror (saved_errno));
  else
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_IO,
                 _("The file “%s” cannot be stored: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
fsync_dir (const char  *dir,
           GError     **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0)
    close (fd);

  return saved_errno == 0 || set_write_error (dir, saved_errno, error);
}

/* Makes @dir and its parent folders as needed, flushing each parent whose entries
 * changed, so that a blob renamed into @dir is found after a crash. */
static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  g_autofree char *parent = NULL;

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;

  parent = g_path_get_dirname (dir);
  if (g_strcmp0 (parent, dir) != 0 && !ensure_dir (parent, error))
    return FALSE;

  if (g_mkdir (dir, 0700) != 0 && errno != EEXIST)
    return set_write_error (dir, errno, error);

  return fsync_dir (parent, error);
}

/**
 * _xa_store_write_all:
 *
 * Writes all of @data to @fd, as many calls as it takes.
 *
 * Returns: %TRUE when all was written; otherwise errno says why
 */
gboolean
_xa_store_write_all (int           fd,
                     const guchar *data,
                     gsize         length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, 1024 * 1024));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }

  return TRUE;
}

static gboolean
file_holds (const char *path,
            const char *sha256)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *found = NULL;
  int saved_errno = 0;

  if (!(bytes = xa_file_read_regular (path, XA_BLOB_MAX_SIZE, FALSE, &saved_errno)))
    return FALSE;

  found = xa_blob_compute_sha256 (bytes);
  return g_strcmp0 (found, sha256) == 0;
}

/**
 * _xa_blob_write_file:
 * @dir: (type filename): a blob folder
 * @sha256: the SHA-256 of @content
 *
 * Makes the file of @content under @dir, unless one whose bytes match is there already:
 * written to a temporary name (hidden, so that no check takes it for a blob), flushed,
 * renamed and its folder flushed. A file under the name whose bytes do not match (damaged
 * on disk) is replaced by the good bytes.
 *
 * Returns: %TRUE when the file under @sha256's name holds @content
 */
gboolean
_xa_blob_write_file (const char  *dir,
                     const char  *sha256,
                     GBytes      *content,
                     GError     **error)
{
  g_autofree char *path = blob_file_path (dir, sha256);
  g_autofree char *sub = g_path_get_dirname (path);
  g_autofree char *partial = NULL;
  gsize length = 0;
  const guchar *data = g_bytes_get_data (content, &length);
  int fd;

  g_assert (xa_blob_sha256_is_valid (sha256));

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (file_holds (path, sha256))
        return TRUE;
      g_message ("The stored file %s did not match its SHA-256; it is written again", path);
    }

  if (!ensure_dir (sub, error))
    return FALSE;

  partial = g_strdup_printf ("%s/.%s-XXXXXX", sub, sha256);
  if ((fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0600)) < 0)
    return set_write_error (path, errno, error);

  if (!_xa_store_write_all (fd, data, length) || fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (partial);
      return set_write_error (path, saved_errno, error);
    }

  if (close (fd) != 0 || g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      return set_write_error (path, saved_errno, error);
    }

  return fsync_dir (sub, error);
}

/* Storing */

typedef struct
{
  const char *sha256;
  GBytes     *content;
  const char *created_at;
} PutBlob;

/**
 * _xa_store_put_blob_row:
 * @created_at: (nullable): when the file first came; %NULL for now
 *
 * Stores @content under @sha256 in the write under way: its file (beside a SQLite file)
 * or its bytes in the blob table, and the table's row. Nothing happens to a blob that is
 * there already.
 */
gboolean
_xa_store_put_blob_row (XaStore      *self,
                        const char   *sha256,
                        GBytes       *content,
                        const char   *created_at,
                        GError      **error)
{
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *dir = _xa_store_dup_blob_dir (self);
  g_autofree char *now = NULL;

  g_assert (self->in_write);

  if (dir != NULL && !_xa_blob_write_file (dir, sha256, content, error))
    return FALSE;

  if (created_at == NULL)
    created_at = now = xa_date_now_iso8601 ();

  /* On a server, through the function that checks the bytes against their name with the
   * rights a school's role lacks (xa-store-schema-pg.c). */
  if (!(insert = xa_store_prepare (self,
                                   self->pg != NULL
                                   ? "SELECT xa_blob_put (?, ?, ?, ?)"
                                   : "INSERT INTO blob (sha256, size, created_at, content)"
                                     " VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                                   error)))
    return FALSE;

  xa_statement_bind_text (insert, 1, sha256);
  xa_statement_bind_int64 (insert, 2, (gint64) g_bytes_get_size (content));
  xa_statement_bind_text (insert, 3, created_at);
  xa_statement_bind_bytes (insert, 4, dir == NULL ? content : NULL);
  return xa_statement_run (insert, error);
}

static gboolean
put_func (XaStore   *self,
          gpointer   user_data,
          GError   **error)
{
  PutBlob *put = user_data;

  return _xa_store_put_blob_row (self, put->sha256, put->content, put->created_at, error);
}

static gboolean
check_blob_schema (XaStore  *self,
                   GError  **error)
{
  if (xa_store_get_schema_version (self) >= XA_STORE_SCHEMA_BLOBS)
    return TRUE;

  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
               _("The database “%s” is at schema %d and cannot keep files yet; open it with this version of Xiaoan first"),
               self->path, xa_store_get_schema_version (self));
  return FALSE;
}

/**
 * xa_store_put_blob:
 * @content: the bytes, at most %XA_BLOB_MAX_SIZE
 *
 * Stores @content once: in its own transaction, or in the write under way when called
 * inside xa_store_write() (then with the record that refers to it, as a record and its
 * file belong in one transaction). Storing bytes that are stored already changes nothing.
 * Beside a SQLite file the file is written (and flushed) before the row that lists it
 * commits.
 *
 * Returns: (transfer full): the SHA-256 the content is stored under, or %NULL
 */
char *
xa_store_put_blob (XaStore  *self,
                   GBytes   *content,
                   GError  **error)
{
  g_autofree char *sha256 = NULL;
  PutBlob put = { NULL, content, NULL };

  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  if (self->read_only)
    {
      _xa_store_set_read_only_error (self->path, error);
      return NULL;
    }

  if (g_bytes_get_size (content) > XA_BLOB_MAX_SIZE)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("A file of %s cannot be stored: the limit is %s"),
                   g_format_size (g_bytes_get_size (content)), g_format_size (XA_BLOB_MAX_SIZE));
      return NULL;
    }

  if (!check_blob_schema (self, error))
    return NULL;

  put.sha256 = sha256 = xa_blob_compute_sha256 (content);
  if (!xa_store_write (self, put_func, &put, error))
    return NULL;

  return g_steal_pointer (&sha256);
}

/* Reading */

/**
 * xa_store_dup_blob_path:
 *
 * Returns: (transfer full) (nullable) (type filename): the file that holds the blob
 *   beside a SQLite file, whether or not it exists; %NULL when the bytes are in the
 *   database
 */
char *
xa_store_dup_blob_path (XaStore    *self,
                        const char *sha256)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (xa_blob_sha256_is_valid (sha256), NULL);

  if (!(dir = _xa_store_dup_blob_dir (self)))
    return NULL;

  return blob_file_path (dir, sha256);
}

/**
 * xa_store_dup_blob_display:
 *
 * Returns: (transfer full): how messages name the stored file: its path, or its
 *   SHA-256 when the bytes are in the database
 */
char *
xa_store_dup_blob_display (XaStore    *self,
                           const char *sha256)
{
  g_autofree char *path = xa_store_dup_blob_path (self, sha256);

  if (path != NULL)
    return g_filename_display_name (path);

  return g_strdup_printf ("SHA-256 %s", sha256);
}

static void
set_missing_error (const char  *display,
                   GError     **error)
{
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_MISSING,
               _("The stored file “%s” is missing; restore it from a backup"), display);
}

static void
set_damaged_error (const char  *display,
                   GError     **error)
{
  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_DAMAGED,
               _("The stored file “%s” is damaged: its content no longer matches its SHA-256; restore it from a backup"),
               display);
}

/* Whether @content is the blob @sha256 of @size bytes (-1: any size). */
static gboolean
check_content (GBytes     *content,
               const char *sha256,
               gint64      size)
{
  g_autofree char *found = xa_blob_compute_sha256 (content);

  return g_strcmp0 (found, sha256) == 0 && (size < 0 || (gint64) g_bytes_get_size (content) == size);
}

/**
 * _xa_blob_read_file:
 * @dir: (type filename): a blob folder
 * @size: the size the blob table gives, or -1
 *
 * Reads the file of blob @sha256 under @dir and checks it against its SHA-256 (and
 * @size), with a message naming the file when it is missing or damaged.
 *
 * Returns: (transfer full): the bytes, or %NULL
 */
GBytes *
_xa_blob_read_file (const char  *dir,
                    const char  *sha256,
                    gint64       size,
                    GError     **error)
{
  g_autofree char *path = blob_file_path (dir, sha256);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GBytes) content = NULL;
  int saved_errno = 0;

  if (!(content = xa_file_read_regular (path, XA_BLOB_MAX_SIZE, FALSE, &saved_errno)))
    {
      if (saved_errno == ENOENT)
        set_missing_error (display, error);
      else if (saved_errno == EFBIG || saved_errno == EINVAL || saved_errno == ELOOP)
        set_damaged_error (display, error);
      else
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_IO,
                     _("The stored file “%s” cannot be read: %s"), display,
                     g_strerror (saved_errno));
      return NULL;
    }

  if (!check_content (content, sha256, size))
    {
      set_damaged_error (display, error);
      return NULL;
    }

  return g_steal_pointer (&content);
}

typedef struct
{
  const char *sha256;
  gboolean    listed;
  gint64      size;
  GBytes     *content;  /* from the table, when the bytes are there */
} ReadBlob;

static gboolean
read_row_func (XaStore   *self,
               gpointer   user_data,
               GError   **error)
{
  ReadBlob *read = user_data;
  g_autoptr(XaStatement) row = NULL;
  g_autofree char *dir = _xa_store_dup_blob_dir (self);
  XaStep step;

  if (!(row = xa_store_prepare (self,
                                dir != NULL ? "SELECT size FROM blob WHERE sha256 = ?"
                                            : "SELECT size, content FROM blob WHERE sha256 = ?",
                                error)))
    return FALSE;

  xa_statement_bind_text (row, 1, read->sha256);
  if ((step = xa_statement_step (row, error)) == XA_STEP_ERROR)
    return FALSE;

  read->listed = step == XA_STEP_ROW;
  if (read->listed)
    {
      read->size = xa_statement_get_int64 (row, 0);
      if (dir == NULL && !xa_statement_get_is_null (row, 1))
        read->content = xa_statement_dup_bytes (row, 1);
    }

  return TRUE;
}

/* The bytes of a listed blob, checked against their SHA-256 and size. */
static GBytes *
read_checked (XaStore     *self,
              ReadBlob    *read,
              GError     **error)
{
  g_autofree char *dir = _xa_store_dup_blob_dir (self);
  g_autofree char *display = NULL;

  if (dir != NULL)
    return _xa_blob_read_file (dir, read->sha256, read->size, error);

  display = xa_store_dup_blob_display (self, read->sha256);
  if (read->content == NULL)
    set_missing_error (display, error);
  else if (!check_content (read->content, read->sha256, read->size))
    set_damaged_error (display, error);
  else
    return g_bytes_ref (read->content);

  return NULL;
}

/**
 * xa_store_dup_blob:
 * @sha256: the blob, as xa_store_put_blob() named it
 *
 * Reads a stored file and checks its bytes against its SHA-256. A blob the table does
 * not list (or, on a server, that no record this login may read refers to), a file gone
 * from the disk and a file whose bytes changed are each refused with a message that
 * names the file (%XA_STORE_ERROR_BLOB_MISSING, %XA_STORE_ERROR_BLOB_DAMAGED).
 *
 * Returns: (transfer full): the bytes, or %NULL
 */
GBytes *
xa_store_dup_blob (XaStore     *self,
                   const char  *sha256,
                   GError     **error)
{
  ReadBlob read = { sha256, FALSE, 0, NULL };
  GBytes *content = NULL;

  g_return_val_if_fail (XA_IS_STORE (self), NULL);

  if (!xa_blob_sha256_is_valid (sha256))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("“%s” does not name a stored file (a SHA-256 in 64 hex digits)"),
                   sha256 ? sha256 : "");
      return NULL;
    }

  if (!check_blob_schema (self, error) || !xa_store_read (self, read_row_func, &read, error))
    return NULL;

  if (!read.listed)
    {
      g_autofree char *display = xa_store_dup_blob_display (self, sha256);

      set_missing_error (display, error);
    }
  else
    content = read_checked (self, &read, error);

  g_clear_pointer (&read.content, g_bytes_unref);
  return content;
}

/* Checking */

static void
add_problem (GPtrArray         *problems,
             XaBlobProblemKind  kind,
             const char        *sha256,
             const char        *path,
             char              *message)
{
  XaBlobProblem *problem = g_new0 (XaBlobProblem, 1);

  problem->kind = kind;
  problem->sha256 = g_strdup (sha256);
  problem->path = g_strdup (path);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* The files under @dir that @listed does not name. Hidden files are a write under way
 * (or one that was killed): no blob is ever hidden. */
static void
find_strays (const char *dir,
             GHashTable *listed,
             GPtrArray  *problems)
{
  g_autoptr(GDir) top = g_dir_open (dir, 0, NULL);
  const char *sub_name;

  while (top != NULL && (sub_name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub_path = g_build_filename (dir, sub_name, NULL);
      g_autoptr(GDir) sub = NULL;
      const char *name;

      if (sub_name[0] == '.')
        continue;

      if (!g_file_test (sub_path, G_FILE_TEST_IS_DIR) || !(sub = g_dir_open (sub_path, 0, NULL)))
        {
          g_autofree char *display = g_filename_display_name (sub_path);

          add_problem (problems, XA_BLOB_PROBLEM_STRAY, NULL, sub_path,
                       g_strdup_printf (_("“%s” is in the folder of stored files, but no record knows it"),
                                        display));
          continue;
        }

      while ((name = g_dir_read_name (sub)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub_path, name, NULL);
          g_autofree char *display = NULL;

          if (name[0] == '.' ||
              (xa_blob_sha256_is_valid (name) && strncmp (name, sub_name, 2) == 0 &&
               strlen (sub_name) == 2 && g_hash_table_contains (listed, name)))
            continue;

          display = g_filename_display_name (path);
          add_problem (problems, XA_BLOB_PROBLEM_STRAY,
                       xa_blob_sha256_is_valid (name) ? name : NULL, path,
                       g_strdup_printf (_("“%s” is in the folder of stored files, but no record knows it"),
                                        display));
        }
    }
}

static gboolean
check_listed (XaStore     *self,
              GHashTable  *listed,
              GPtrArray   *problems,
              GError     **error)
{
  g_autoptr(XaStatement) rows = NULL;
  g_autofree char *dir = _xa_store_dup_blob_dir (self);
  XaStep step;

  /* One row at a time, so that a check of a server's files holds one of them in memory. */
  if (!(rows = xa_store_prepare (self, "SELECT sha256, size FROM blob ORDER BY sha256", error)))
    return FALSE;

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      const char *sha256 = xa_statement_get_text (rows, 0);
      ReadBlob read = { sha256, TRUE, xa_statement_get_int64 (rows, 1), NULL };
      g_autoptr(GBytes) content = NULL;
      g_autoptr(GError) problem = NULL;

      g_hash_table_add (listed, g_strdup (sha256));

      if (dir == NULL && !read_row_func (self, &read, error))
        return FALSE;

      content = read_checked (self, &read, &problem);
      g_clear_pointer (&read.content, g_bytes_unref);
      if (content == NULL)
        {
          g_autofree char *path = xa_store_dup_blob_path (self, sha256);

          add_problem (problems,
                       g_error_matches (problem, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_DAMAGED)
                       ? XA_BLOB_PROBLEM_DAMAGED : XA_BLOB_PROBLEM_MISSING,
                       sha256, path, g_strdup (problem->message));
        }
    }

  return step == XA_STEP_DONE;
}

static gboolean
check_references (XaStore     *self,
                  GPtrArray   *problems,
                  GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (blob_references); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT DISTINCT r.%s FROM %s r"
                                              " WHERE NOT EXISTS (SELECT 1 FROM blob b WHERE b.sha256 = r.%s)"
                                              " ORDER BY 1",
                                              blob_references[i].column, blob_references[i].table,
                                              blob_references[i].column);
      g_autoptr(XaStatement) missing = NULL;
      XaStep step;

      if (!(missing = xa_store_prepare (self, sql, error)))
        return FALSE;

      while ((step = xa_statement_step (missing, error)) == XA_STEP_ROW)
        {
          const char *sha256 = xa_statement_get_text (missing, 0);
          g_autofree char *display = xa_blob_sha256_is_valid (sha256)
                                     ? xa_store_dup_blob_display (self, sha256) : g_strdup (sha256);

          add_problem (problems, XA_BLOB_PROBLEM_UNLISTED, sha256, NULL,
                       g_strdup_printf (_("A record refers to the stored file “%s”, which the database does not list; restore it from a backup"),
                                        display));
        }

      if (step != XA_STEP_DONE)
        return FALSE;
    }

  return TRUE;
}

/**
 * _xa_store_check_blobs_locked:
 * @problems: (element-type XaBlobProblem): where what is wrong goes
 *
 * xa_store_check_blobs() inside a read of @self.
 */
gboolean
_xa_store_check_blobs_locked (XaStore    *self,
                              gboolean    with_strays,
                              GPtrArray  *problems,
                              GError    **error)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dir = _xa_store_dup_blob_dir (self);

  if (self->skip_blob_check || xa_store_get_schema_version (self) < XA_STORE_SCHEMA_BLOBS)
    return TRUE;

  if (!check_listed (self, listed, problems, error) ||
      !check_references (self, problems, error))
    return FALSE;

  if (with_strays && dir != NULL)
    find_strays (dir, listed, problems);

  return TRUE;
}

typedef struct
{
  gboolean   with_strays;
  GPtrArray *problems;
} Check;

static gboolean
check_func (XaStore   *self,
            gpointer   user_data,
            GError   **error)
{
  Check *check = user_data;

  return _xa_store_check_blobs_locked (self, check->with_strays, check->problems, error);
}

/**
 * xa_store_check_blobs:
 * @with_strays: whether to name the files under `blobs/` that no row lists (what a
 *   failed or killed write leaves, or a file put there by hand)
 *
 * Reads every stored file and checks it against its SHA-256: what `audit verify` and a
 * backup's verification do. On a server, only the files this login may read.
 *
 * Returns: (transfer full) (element-type XaBlobProblem): what is wrong, empty when
 *   nothing; %NULL with @error set when the store cannot be read
 */
GPtrArray *
xa_store_check_blobs (XaStore   *self,
                      gboolean   with_strays,
                      GError   **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_blob_problem_free);
  Check check = { with_strays, problems };

  g_return_val_if_fail (XA_IS_STORE (self), NULL);

  if (!xa_store_read (self, check_func, &check, error))
    return NULL;

  return g_steal_pointer (&problems);
}
