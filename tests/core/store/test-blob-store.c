/* test-blob-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stored files (src/core/store/xa-blob-store.c): kept once by SHA-256, read back checked
 * against it, named when missing or damaged (by `audit verify` too), carried by backups
 * and by a move between engines, and never left half-written under a blob's name by a
 * process killed while writing one. Each test runs on a file (blobs/ beside it) and,
 * in the pg suite, on a server (the blob table's column); the copy also on a store in
 * memory.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/store/xa-backup.h"
#include "core/store/xa-blob-store.h"
#include "core/store/xa-store-audit.h"

typedef struct
{
  char    *dir;
  char    *location;  /* xiaoan.db in dir, or a schema on the test server */
  XaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-blob-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->store = xa_store_open_location (fixture->location, NULL, FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
}

static gboolean
on_server (void)
{
  return xa_test_server_uri () != NULL;
}

static GBytes *
make_content (guint32 seed,
              gsize   length)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guchar *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, length);
}

static char *
put (XaStore *store,
     GBytes  *content)
{
  g_autoptr(GError) error = NULL;
  char *sha256 = xa_store_put_blob (store, content, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sha256);
  return sha256;
}

static void
assert_reads (XaStore    *store,
              const char *sha256,
              GBytes     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = xa_store_dup_blob (store, sha256, &error);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (content, expected));
}

/* The files under blobs/ whose names are blobs' (not the hidden ones of a write). */
static guint
count_blob_files (const char *blob_dir)
{
  g_autoptr(GDir) top = g_dir_open (blob_dir, 0, NULL);
  const char *sub_name;
  guint n = 0;

  while (top != NULL && (sub_name = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *sub_path = g_build_filename (blob_dir, sub_name, NULL);
      g_autoptr(GDir) sub = g_dir_open (sub_path, 0, NULL);
      const char *name;

      while (sub != NULL && (name = g_dir_read_name (sub)) != NULL)
        n += name[0] != '.';
    }

  return n;
}

static void
test_store_read_dedupe (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GBytes) photo = make_content (1, 300 * 1024);
  g_autoptr(GBytes) other = make_content (2, 1000);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, photo);
  g_autofree char *first = put (fixture->store, photo);
  g_autofree char *again = put (fixture->store, photo);
  g_autofree char *second = put (fixture->store, other);
  g_autofree char *none = put (fixture->store, empty);
  g_autofree char *path = xa_store_dup_blob_path (fixture->store, first);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (first, ==, expected);
  g_assert_cmpstr (again, ==, first);
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"), ==, 3);
  assert_reads (fixture->store, first, photo);
  assert_reads (fixture->store, second, other);
  assert_reads (fixture->store, none, empty);

  if (!on_server ())
    {
      g_autofree char *blob_dir = g_build_filename (fixture->dir, "blobs", NULL);
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *sub = g_path_get_dirname (path);
      g_autofree char *sub_name = g_path_get_basename (sub);
      g_autofree char *on_disk = NULL;
      gsize length = 0;
      GStatBuf before, after;

      /* blobs/ab/abcdef… beside the database, the bytes as they are, stored once. */
      g_assert_cmpstr (name, ==, first);
      g_assert_cmpint (strncmp (sub_name, first, 2), ==, 0);
      g_assert_true (g_str_has_prefix (path, blob_dir));
      g_assert_true (g_file_get_contents (path, &on_disk, &length, NULL));
      g_assert_cmpmem (on_disk, length, g_bytes_get_data (photo, NULL), g_bytes_get_size (photo));
      g_assert_cmpuint (count_blob_files (blob_dir), ==, 3);
      g_assert_true (xa_test_query_int (fixture->store, "SELECT count(*) FROM blob WHERE content IS NOT NULL") == 0);

      /* An existing blob is not written again. */
      g_assert_cmpint (g_stat (path, &before), ==, 0);
      g_usleep (20 * 1000);
      g_free (put (fixture->store, photo));
      g_assert_cmpint (g_stat (path, &after), ==, 0);
      g_assert_cmpint (before.st_ino, ==, after.st_ino);
      g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
    }
  else
    {
      g_assert_null (path);

      /* The server takes a file only under the SHA-256 of its bytes. */
      g_assert_false (xa_store_exec (fixture->store,
                                     "SELECT xa_blob_put (repeat ('0', 64), 3, '', '\\x010203'::bytea)",
                                     &error));
      g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }

  /* Names that are no blob's are refused, not looked up. */
  g_assert_null (xa_store_dup_blob (fixture->store, "../../etc/passwd", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (xa_store_dup_blob (fixture->store, "0000000000000000000000000000000000000000000000000000000000000000",
                                    &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_MISSING);
  g_clear_error (&error);

  /* More than the limit is refused, and nothing is stored. */
  {
    g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (XA_BLOB_MAX_SIZE + 1), XA_BLOB_MAX_SIZE + 1);

    g_assert_null (xa_store_put_blob (fixture->store, huge, &error));
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
    g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"), ==, 3);
  }

  xa_test_assert_audit (fixture->store, 0, 0);
}

/* Changes a stored blob's bytes behind the store's back: in its file, or in its row. */
static void
damage (Fixture    *fixture,
        const char *sha256,
        const char *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xa_store_dup_blob_path (fixture->store, sha256);
  g_autofree char *sql = NULL;

  if (path != NULL)
    {
      g_assert_true (g_file_set_contents (path, bytes, -1, &error));
      g_assert_no_error (error);
      return;
    }

  /* As the tables' owner would, past the rule that a stored file never changes. */
  sql = g_strdup_printf ("ALTER TABLE blob DISABLE TRIGGER blob_no_update;"
                         "UPDATE blob SET content = convert_to ('%s', 'UTF8') WHERE sha256 = '%s';"
                         "ALTER TABLE blob ENABLE TRIGGER blob_no_update;", bytes, sha256);
  g_assert_true (xa_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);
}

static void
assert_verify_names (XaStore            *store,
                     XaAuditFindingKind  kind,
                     const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = xa_store_audit_verify (store, 0, NULL, NULL, &error);
  XaAuditFinding *finding;

  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_test_message ("verify: %s", finding->message);
  g_assert_cmpint (finding->kind, ==, kind);
  g_assert_nonnull (strstr (finding->message, name));
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GBytes) photo = make_content (3, 50 * 1024);
  g_autofree char *sha256 = put (fixture->store, photo);
  g_autofree char *name = xa_store_dup_blob_display (fixture->store, sha256);
  g_autofree char *path = xa_store_dup_blob_path (fixture->store, sha256);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  xa_test_assert_audit (fixture->store, 0, 0);

  /* A byte changed: the read refuses it and names the file, as does verify. */
  damage (fixture, sha256, "不是原来的照片");
  g_assert_null (xa_store_dup_blob (fixture->store, sha256, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_DAMAGED);
  g_assert_nonnull (strstr (error->message, name));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  assert_verify_names (fixture->store, XA_AUDIT_FINDING_BLOB_DAMAGED, sha256);

  problems = xa_store_check_blobs (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (((XaBlobProblem *) g_ptr_array_index (problems, 0))->kind, ==, XA_BLOB_PROBLEM_DAMAGED);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* A server's rows are the server's to keep sound: what follows is about files. */
  if (path == NULL)
    return;

  /* Storing the same bytes again heals a file. */
  g_free (put (fixture->store, photo));
  assert_reads (fixture->store, sha256, photo);
  xa_test_assert_audit (fixture->store, 0, 0);

  /* A file gone. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_null (xa_store_dup_blob (fixture->store, sha256, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_MISSING);
  g_assert_nonnull (strstr (error->message, name));
  g_clear_error (&error);
  assert_verify_names (fixture->store, XA_AUDIT_FINDING_BLOB_MISSING, sha256);
  g_free (put (fixture->store, photo));

  /* Files nobody lists: a stray is named, the hidden file of a write under way is not. */
  {
    g_autofree char *stray = g_build_filename (fixture->dir, "blobs", "ab", "stray.jpg", NULL);
    g_autofree char *hidden = g_build_filename (fixture->dir, "blobs", "ab", ".abc-123456", NULL);
    g_autofree char *sub = g_path_get_dirname (stray);

    g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
    g_assert_true (g_file_set_contents (stray, "x", 1, NULL));
    g_assert_true (g_file_set_contents (hidden, "x", 1, NULL));
    problems = xa_store_check_blobs (fixture->store, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpint (((XaBlobProblem *) g_ptr_array_index (problems, 0))->kind, ==, XA_BLOB_PROBLEM_STRAY);
    g_assert_cmpstr (((XaBlobProblem *) g_ptr_array_index (problems, 0))->path, ==, stray);
    /* A stray is no damage: verify leaves it. */
    xa_test_assert_audit (fixture->store, 0, 0);
  }
}

/* A move to another engine takes the stored files with it, and back. */
static void
test_copy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GBytes) one = make_content (4, 70 * 1024);
  g_autoptr(GBytes) two = make_content (5, 3);
  g_autofree char *sha_one = put (fixture->store, one);
  g_autofree char *sha_two = put (fixture->store, two);
  g_autofree char *file_b = g_build_filename (fixture->dir, "b", "xiaoan.db", NULL);
  g_autoptr(XaStore) other = xa_test_store_new ();
  g_autoptr(XaStore) b = NULL;
  g_autoptr(GError) error = NULL;

  /* From the fixture's store (a file, or a server) to one in memory or on a server. */
  g_assert_true (xa_store_copy (fixture->store, other, NULL, &error));
  g_assert_no_error (error);
  assert_reads (other, sha_one, one);
  assert_reads (other, sha_two, two);
  g_assert_cmpstr (xa_test_query_text (other, "SELECT created_at FROM blob WHERE size = 3"), ==,
                   xa_test_query_text (fixture->store, "SELECT created_at FROM blob WHERE size = 3"));

  /* From there to a file: the bytes become files beside it. */
  b = xa_store_open (file_b, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_copy (other, b, NULL, &error));
  g_assert_no_error (error);
  assert_reads (b, sha_one, one);
  {
    g_autofree char *path = xa_store_dup_blob_path (b, sha_one);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (xa_test_query_int (b, "SELECT count(*) FROM blob WHERE content IS NOT NULL"), ==, 0);
  }
  xa_test_assert_audit (b, 2, 0);

  /* And from a file to a store in memory or on a server. */
  {
    g_autoptr(XaStore) back = xa_test_store_new ();

    g_assert_true (xa_store_copy (b, back, NULL, &error));
    g_assert_no_error (error);
    assert_reads (back, sha_one, one);
    assert_reads (back, sha_two, two);
  }

  /* A damaged file stops a move, naming it; nothing is moved. */
  g_clear_object (&b);
  {
    g_autoptr(XaStore) from = xa_store_open (file_b, &error);
    g_autoptr(XaStore) c = xa_test_store_new ();
    g_autofree char *path = xa_store_dup_blob_path (from, sha_two);

    g_assert_true (g_file_set_contents (path, "abc", 3, NULL));
    g_assert_false (xa_store_copy (from, c, NULL, &error));
    g_assert_nonnull (strstr (error->message, sha_two));
    g_test_message ("%s", error->message);
    g_clear_error (&error);
    g_assert_cmpint (xa_test_query_int (c, "SELECT count(*) FROM blob"), ==, 0);
  }
}

/* A backup of a file holds the stored files it lists, in blobs/ of the backup folder;
 * a restore puts back those the database lacks; rotation keeps those some backup lists. */
static void
test_backup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GBytes) one = make_content (6, 40 * 1024);
  g_autoptr(GBytes) two = make_content (7, 41 * 1024);
  g_autofree char *sha_one = put (fixture->store, one);
  g_autofree char *backup_dir = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *backup_blobs = g_build_filename (backup_dir, "blobs", NULL);
  g_autofree char *store_blobs = g_build_filename (fixture->dir, "blobs", NULL);
  g_autofree char *sha_two = NULL;
  g_autoptr(XaBackup) first = NULL;
  g_autoptr(XaBackup) second = NULL;
  g_autoptr(GError) error = NULL;

  if (on_server ())
    {
      g_test_skip ("a server is backed up with its own tools");
      return;
    }

  first = xa_backup_create (fixture->store, backup_dir, 5, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_blob_files (backup_blobs), ==, 1);

  /* A damaged copy in the backup folder is made good by the next backup. */
  {
    g_autofree char *sub = g_strndup (sha_one, 2);
    g_autofree char *copy = g_build_filename (backup_blobs, sub, sha_one, NULL);

    g_assert_true (g_file_set_contents (copy, "damaged", -1, NULL));
    g_assert_false (xa_backup_verify (first, &error));
    g_assert_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_UNVERIFIED);
    g_assert_nonnull (strstr (error->message, sha_one));
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }

  sha_two = put (fixture->store, two);
  second = xa_backup_create (fixture->store, backup_dir, 5, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_blob_files (backup_blobs), ==, 2);
  g_assert_true (xa_backup_verify (second, &error));
  g_assert_true (xa_backup_verify (first, &error));
  g_assert_no_error (error);

  /* The database's files are lost; the restore brings them back. */
  g_clear_object (&fixture->store);
  xa_test_remove_tree (store_blobs);
  g_assert_true (xa_backup_restore (second, fixture->location, NULL, &error));
  g_assert_no_error (error);
  fixture->store = xa_store_open (fixture->location, &error);
  g_assert_no_error (error);
  assert_reads (fixture->store, sha_one, one);
  assert_reads (fixture->store, sha_two, two);
  xa_test_assert_audit (fixture->store, 0, 0);

  /* A file no backup lists goes at the next rotation; the listed ones stay. */
  {
    g_autofree char *orphan_dir = g_build_filename (backup_blobs, "ff", NULL);
    g_autofree char *orphan = g_build_filename (orphan_dir, "ffff", NULL);
    g_autoptr(XaBackup) third = NULL;

    g_assert_cmpint (g_mkdir_with_parents (orphan_dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (orphan, "x", 1, NULL));
    third = xa_backup_create (fixture->store, backup_dir, 1, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
    g_assert_cmpuint (count_blob_files (backup_blobs), ==, 2);
  }

  /* A stored file lost from the database's folder and from every backup: no backup is
   * made (it could not give it back), and the message names it. */
  {
    g_autofree char *path = xa_store_dup_blob_path (fixture->store, sha_two);
    g_autofree char *sub = g_strndup (sha_two, 2);
    g_autofree char *copy = g_build_filename (backup_blobs, sub, sha_two, NULL);

    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (g_unlink (copy), ==, 0);
    g_assert_null (xa_backup_create (fixture->store, backup_dir, 5, NULL, NULL, NULL, &error));
    g_assert_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, sha_two));
    g_test_message ("%s", error->message);
  }
}

#define N_KILLS 8

/* The child: stores blobs of 1 to 3 MB, each made from the number of the one before,
 * until it is killed. */
G_GNUC_NORETURN static void
run_writer (const char *location,
            guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open_location (location, NULL, FALSE, &error);

  if (store == NULL)
    _exit (3);

  for (guint32 n = seed; ; n++)
    {
      g_autoptr(GBytes) content = make_content (n, (1 + n % 3) * 1024 * 1024);
      g_autofree char *sha256 = xa_store_put_blob (store, content, &error);

      if (sha256 == NULL)
        _exit (4);
    }
}

/* A process killed while it writes blobs leaves every blob under its name whole: the
 * table lists no blob without its bytes, and no file under a blob's name holds other
 * bytes (what the kill interrupted is a hidden file, or nothing). */
static void
test_killed_while_writing (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211005);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *blob_dir = g_build_filename (fixture->dir, "blobs", NULL);

  g_clear_object (&fixture->store);

  for (guint round = 0; round < N_KILLS; round++)
    {
      pid_t pid = fork ();
      int status = 0;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        run_writer (fixture->location, round * 1000);

      /* Long enough for a few blobs, short enough to land in the middle of one. */
      g_usleep (g_rand_int_range (rand, 150, 900) * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
    }

  fixture->store = xa_store_open_location (fixture->location, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_test_message ("%" G_GINT64_FORMAT " blobs stored before the kills",
                  xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"));
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"), >, 0);

  /* Every listed blob whole; every file under a blob's name its blob's bytes (strays
   * allowed: a file written whose row the kill stopped). */
  problems = xa_store_check_blobs (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      XaBlobProblem *problem = g_ptr_array_index (problems, i);
      g_autoptr(GBytes) content = NULL;
      g_autofree char *found = NULL;
      char *data = NULL;
      gsize length = 0;

      g_test_message ("%s", problem->message);
      g_assert_cmpint (problem->kind, ==, XA_BLOB_PROBLEM_STRAY);
      g_assert_nonnull (problem->sha256);
      g_assert_true (g_file_get_contents (problem->path, &data, &length, NULL));
      content = g_bytes_new_take (data, length);
      found = xa_blob_compute_sha256 (content);
      g_assert_cmpstr (found, ==, problem->sha256);
    }

  if (!on_server ())
    g_assert_cmpuint (count_blob_files (blob_dir), >=,
                      (guint) xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/blob-store/store-read-dedupe", Fixture, NULL, fixture_set_up,
              test_store_read_dedupe, fixture_tear_down);
  g_test_add ("/blob-store/damaged", Fixture, NULL, fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/blob-store/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/blob-store/backup", Fixture, NULL, fixture_set_up, test_backup, fixture_tear_down);
  g_test_add ("/blob-store/killed-while-writing", Fixture, NULL, fixture_set_up,
              test_killed_while_writing, fixture_tear_down);

  return g_test_run ();
}
