/* test-store-killed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A killed process (reference/reliability.md, finding 3). A child process makes changes
 * through xa_store_write(), each one transaction of two rows, a school and the audit
 * entry that records it, and tells the parent the number of each change once COMMIT
 * returned. The parent kills it with SIGKILL at a random moment of its work. Afterwards
 * the database must pass SQLite's checks, hold every change that was acknowledged, hold
 * no change by halves, and its audit chain must verify.
 *
 * In the pg suite the writer is a client of the server, and the server must roll back
 * what its dead client left open.
 *
 * This is what a process that dies (killed, crashed, logged out) does to the file. A
 * power cut or a crash of the machine also loses what the kernel had not yet written;
 * testing that needs a virtual machine reset (reliability.md, R3), not this.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/store/xa-store.h"
#include "core/util/xa-date.h"

#define N_ROUNDS 10

/* One change: school number @n, its code the number in ten digits, and its audit entry. */
static gboolean
add_numbered_school (XaStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  const guint *n = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *code = g_strdup_printf ("%010u", *n);
  g_autofree char *name = g_strdup_printf ("第%u实验小学", *n);
  g_autofree char *detail = g_strdup_printf ("{\"n\":%u,\"text\":\"整改复查销号\"}", *n);

  stmt = xa_store_prepare (store,
                           "INSERT INTO organisation (uuid, kind, code, name, created_at, updated_at)"
                           " VALUES (?, 'school', ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  xa_statement_bind_text (stmt, 1, uuid);
  xa_statement_bind_text (stmt, 2, code);
  xa_statement_bind_text (stmt, 3, name);
  xa_statement_bind_text (stmt, 4, now);
  xa_statement_bind_text (stmt, 5, now);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  return xa_store_append_audit (store, "school.add", "organisation", uuid, detail, error);
}

/* The child: makes changes numbered on from those in the file until it is killed,
 * writing the number of each to @fd after COMMIT returned. */
G_GNUC_NORETURN static void
run_writer (const char *path,
            int         fd,
            guint32     seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open_location (path, NULL, FALSE, &error);

  if (store == NULL)
    _exit (3);

  /* A forked child inherits GLib's random state: without a seed of its own it would
   * make the same UUIDs as the writer before it. */
  g_random_set_seed (seed);

  for (guint n = xa_test_query_int (store, "SELECT count(*) FROM organisation") + 1; ; n++)
    {
      if (!xa_store_write (store, add_numbered_school, &n, &error) ||
          write (fd, &n, sizeof n) != sizeof n)
        _exit (4);
    }
}

/* Starts a writer, lets it acknowledge a few changes, kills it a random while later.
 *
 * Returns: the number of the last change it acknowledged */
static guint
kill_a_writer (const char *path,
               guint       round)
{
  int fds[2];
  pid_t child;
  guint n_before_kill = g_test_rand_int_range (5, 40);
  guint32 seed = g_test_rand_int ();
  guint acked = 0;
  guint last_acked = 0;
  guint n;
  int status = 0;

  g_assert_cmpint (pipe (fds), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      close (fds[0]);
      run_writer (path, fds[1], seed);
    }
  close (fds[1]);

  while (acked < n_before_kill && read (fds[0], &n, sizeof n) == sizeof n)
    {
      last_acked = n;
      acked++;
    }
  g_assert_cmpuint (acked, ==, n_before_kill);

  /* A change takes a few milliseconds (two fsyncs): the kill falls anywhere in one. */
  g_usleep (g_test_rand_int_range (0, 4000));
  g_assert_cmpint (kill (child, SIGKILL), ==, 0);

  /* Whatever it still acknowledged before it died also counts. */
  while (read (fds[0], &n, sizeof n) == sizeof n)
    last_acked = n;
  close (fds[0]);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  g_test_message ("round %u: killed after change %u", round, last_acked);
  return last_acked;
}

static void
test_store_survives_killed_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-test-killed-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = xa_test_location_new (dir);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(XaStore) store = NULL;
      g_autofree char *integrity = NULL;
      g_autofree char *sql = NULL;
      guint last_acked = kill_a_writer (path, round);
      gint64 n_schools;

      store = xa_store_open_location (path, NULL, FALSE, &error);
      g_assert_no_error (error);

      if (!xa_store_get_is_server (store))
        {
          integrity = xa_test_query_text (store, "PRAGMA integrity_check");
          g_assert_cmpstr (integrity, ==, "ok");
          g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
        }

      /* Every acknowledged change is there, and at most the one it was making when it
       * died besides; the numbers have no gaps. */
      n_schools = xa_test_query_int (store, "SELECT count(*) FROM organisation");
      sql = g_strdup_printf ("SELECT count(*) FROM organisation WHERE CAST (code AS INTEGER) <= %u", last_acked);
      g_assert_cmpint (xa_test_query_int (store, sql), ==, last_acked);
      g_assert_cmpint (n_schools, >=, last_acked);
      g_assert_cmpint (n_schools, <=, last_acked + 1);
      g_assert_cmpint (xa_test_query_int (store, "SELECT max (CAST (code AS INTEGER)) FROM organisation"),
                       ==, n_schools);

      /* Both rows of a change or neither: a school without its audit entry, or an entry
       * without its school, is a transaction that half happened. */
      g_assert_cmpint (xa_test_query_int (store,
                                          "SELECT count(*) FROM organisation o"
                                          " WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.record_uuid = o.uuid)"),
                       ==, 0);
      g_assert_cmpint (xa_test_query_int (store,
                                          "SELECT count(*) FROM audit a"
                                          " WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.uuid = a.record_uuid)"),
                       ==, 0);

      xa_test_assert_audit (store, n_schools, 0);
    }

  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/store-killed/sigkill-mid-write", test_store_survives_killed_process);

  return g_test_run ();
}
