/* test-store-door.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store does with the files a new user points it at: a file of another program
 * is refused and left as it was, a new or empty file is made ours, and two programs that
 * start on a new database at the same moment both open it.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/store/xa-session-lock.h"
#include "core/store/xa-store-audit.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
run_sql_on_file (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Another program's database, named as ours: refused, not a byte changed, no -wal. */
static void
test_foreign_file (XaTestDbDir   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  run_sql_on_file (fixture->path,
                   "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                   "INSERT INTO notes (body) VALUES ('购物清单');");
  before = file_sha256 (fixture->path);

  store = xa_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A file that is no database at all is not ours either, and is not touched. */
static void
test_not_a_database (XaTestDbDir   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "学校标识码,学校名称\n", -1, NULL));
  before = file_sha256 (fixture->path);

  store = xa_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS);

  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* An empty file, and an SQLite file without a single table, are new databases. */
static void
test_empty_files_adopted (XaTestDbDir   *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);
  g_clear_object (&store);

  g_unlink (fixture->path);
  run_sql_on_file (fixture->path, "PRAGMA page_size = 4096; VACUUM;");
  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);
}

/* Two programs starting on a database that does not exist yet, at the same moment: both
 * open it, neither is told it is locked or not ours. Forked children, 200 rounds. */
static void
test_two_start_at_once (XaTestDbDir   *fixture,
                        gconstpointer  data)
{
  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/round-%u.db", fixture->dir, round);
      int fds[2][2];
      pid_t children[2];

      for (guint c = 0; c < 2; c++)
        {
          g_assert_cmpint (pipe (fds[c]), ==, 0);
          children[c] = fork ();
          g_assert_cmpint (children[c], >=, 0);
          if (children[c] == 0)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(XaStore) store = NULL;

              close (fds[c][0]);
              store = xa_store_open (path, &error);
              if (store == NULL)
                {
                  if (write (fds[c][1], error->message, strlen (error->message)) < 0)
                    _exit (3);
                  _exit (1);
                }
              g_clear_object (&store);
              _exit (0);
            }
          close (fds[c][1]);
        }

      for (guint c = 0; c < 2; c++)
        {
          char message[1024] = { 0 };
          int status = 0;
          ssize_t n;

          g_assert_cmpint (waitpid (children[c], &status, 0), ==, children[c]);
          n = read (fds[c][0], message, sizeof message - 1);
          close (fds[c][0]);
          if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
            g_error ("round %u, program %u: %s", round, c, n > 0 ? message : "(no message)");
        }

      {
        g_autoptr(GError) error = NULL;
        g_autoptr(XaStore) store = xa_store_open (path, &error);

        g_assert_no_error (error);
        g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);
      }
    }
}

static gboolean
touch_commission (XaStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  return xa_store_exec (store, "UPDATE organisation SET name = name WHERE 0", error);
}

/* Another program holding the write lock past the wait: the user is told the database is
 * in use (by name), not that it is damaged or not ours. */
static void
test_busy_is_busy (XaTestDbDir   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  sqlite3 *other = NULL;

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (xa_store_write (store, touch_commission, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, fixture->path));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_clear_error (&error);
  g_assert_true (xa_store_write (store, touch_commission, NULL, &error));
  g_assert_no_error (error);
}

/* Makes @path unchangeable for this account: the immutable flag for root, whom file modes
 * do not stop, else the modes. */
static void
set_unchangeable (const char *path,
                  gboolean    unchangeable)
{
  if (getuid () == 0)
    {
      const char *argv[] = { "chattr", unchangeable ? "+i" : "-i", path, NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    g_assert_cmpint (g_chmod (path, unchangeable ? 0555 : 0755), ==, 0);
}

/* A database on a CD or in another user's folder: it opens for reading, its schools can
 * be listed, a change is refused as read-only (naming the file), and not a byte of the
 * folder changes, no -wal or -shm included. */
static void
test_read_only_file (XaTestDbDir   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_write (store, touch_commission, NULL, &error));
  g_clear_object (&store);
  before = file_sha256 (fixture->path);

  set_unchangeable (fixture->path, TRUE);
  set_unchangeable (fixture->dir, TRUE);

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_get_read_only (store));
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit"), >=, 0);
  g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);

  g_assert_false (xa_store_write (store, touch_commission, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_object (&store);

  set_unchangeable (fixture->dir, FALSE);
  set_unchangeable (fixture->path, FALSE);

  after = file_sha256 (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A second app on the same database learns who holds it; the lock goes with the process
 * that held it, a killed one included. */
static void
test_session_lock (XaTestDbDir   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaSessionLock) first = NULL;
  g_autoptr(XaSessionLock) second = NULL;
  g_autofree char *holder = NULL;
  pid_t child;
  int ready[2];
  char byte;
  int status;

  first = xa_session_lock_acquire (fixture->path, "张老师", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  second = xa_session_lock_acquire (fixture->path, "李老师", &holder, &error);
  g_assert_no_error (error);
  g_assert_null (second);
  g_assert_nonnull (strstr (holder, "张老师"));
  g_assert_nonnull (strstr (holder, g_get_host_name ()));
  g_clear_pointer (&holder, g_free);

  g_clear_pointer (&first, xa_session_lock_release);
  second = xa_session_lock_acquire (fixture->path, "李老师", NULL, &error);
  g_assert_nonnull (second);
  g_clear_pointer (&second, xa_session_lock_release);

  /* A holder killed with SIGKILL leaves no lock behind. */
  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      XaSessionLock *lock = xa_session_lock_acquire (fixture->path, "王老师", NULL, NULL);

      if (lock == NULL || write (ready[1], "x", 1) != 1)
        _exit (1);
      pause ();
      _exit (0);
    }
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);

  second = xa_session_lock_acquire (fixture->path, "李老师", &holder, &error);
  g_assert_null (second);
  g_assert_nonnull (strstr (holder, "王老师"));

  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  second = xa_session_lock_acquire (fixture->path, "李老师", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (second);
  close (ready[0]);
  close (ready[1]);
}

typedef struct
{
  guint first;
} Numbered;

static gboolean
add_numbered (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  const guint *n = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *code = g_strdup_printf ("%010u", *n);
  g_autofree char *name = g_strdup_printf ("第%u小学", *n);

  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO organisation (uuid, kind, code, name, created_at, updated_at)"
                                 " VALUES (?, 'school', ?, ?, 'now', 'now')",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, uuid);
  xa_statement_bind_text (stmt, 2, code);
  xa_statement_bind_text (stmt, 3, name);

  return xa_statement_run (stmt, error) &&
         xa_store_append_audit (store, "school.add", "organisation", uuid, NULL, error);
}

/* Four programs writing 200 records each into one database at the same time: every
 * record arrives, nobody is told the database is locked, and the audit chain is one
 * chain that verifies, records against it included. */
static void
test_four_writers (XaTestDbDir   *fixture,
                   gconstpointer  data)
{
  enum { N_WRITERS = 4, N_RECORDS = 200 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  pid_t children[N_WRITERS];
  int fds[N_WRITERS][2];

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_assert_cmpint (pipe (fds[w]), ==, 0);
      children[w] = fork ();
      g_assert_cmpint (children[w], >=, 0);
      if (children[w] == 0)
        {
          g_autoptr(GError) child_error = NULL;
          g_autoptr(XaStore) mine = NULL;

          close (fds[w][0]);
          /* A forked child shares GLib's random state: UUIDs of its own. */
          g_random_set_seed (getpid ());
          if (!(mine = xa_store_open (fixture->path, &child_error)))
            goto failed;
          for (guint i = 0; i < N_RECORDS; i++)
            {
              guint n = 1000000 * (w + 1) + i;

              if (!xa_store_write (mine, add_numbered, &n, &child_error))
                goto failed;
            }
          g_clear_object (&mine);
          _exit (0);

        failed:
          if (write (fds[w][1], child_error->message, strlen (child_error->message)) < 0)
            _exit (3);
          _exit (1);
        }
      close (fds[w][1]);
    }

  for (guint w = 0; w < N_WRITERS; w++)
    {
      char message[1024] = { 0 };
      int status = 0;
      ssize_t n;

      g_assert_cmpint (waitpid (children[w], &status, 0), ==, children[w]);
      n = read (fds[w][0], message, sizeof message - 1);
      close (fds[w][0]);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("writer %u: %s", w, n > 0 ? message : "(no message)");
    }

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation"), ==, N_WRITERS * N_RECORDS);
  findings = xa_store_audit_verify (store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((XaAuditFinding *) findings->pdata[i])->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/store-door/" path, XaTestDbDir, NULL, xa_test_db_dir_set_up, func, \
              xa_test_db_dir_tear_down)

  ADD ("foreign-file", test_foreign_file);
  ADD ("not-a-database", test_not_a_database);
  ADD ("empty-files-adopted", test_empty_files_adopted);
  ADD ("two-start-at-once", test_two_start_at_once);
  ADD ("busy-is-busy", test_busy_is_busy);
  ADD ("read-only-file", test_read_only_file);
  ADD ("session-lock", test_session_lock);
  ADD ("four-writers", test_four_writers);

  return g_test_run ();
}
