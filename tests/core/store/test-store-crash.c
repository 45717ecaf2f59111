/* test-store-crash.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Power cuts and killed processes (reference/reliability.md, finding 3): a child process
 * commits changes one transaction at a time and tells the parent each one it committed;
 * the parent kills it with SIGKILL in the middle of its work. Afterwards the database
 * must pass SQLite's integrity check, hold every change that was acknowledged, and its
 * audit chain must verify.
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/store/xa-store.h"

#define N_ROUNDS 6

typedef struct
{
  guint n;
} Entry;

static gboolean
write_one (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Entry *entry = user_data;
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *detail = g_strdup_printf ("{\"n\":%u,\"text\":\"整改复查销号\"}", entry->n);

  return xa_store_append_audit (store, "test.crash", "test", uuid, detail, error);
}

/* The child: commits entries until it is killed, writing the number of each committed
 * one to @fd after COMMIT returned. */
G_GNUC_NORETURN static void
run_writer (const char *path,
            int         fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open (path, &error);

  if (store == NULL)
    _exit (3);

  for (guint n = 1; ; n++)
    {
      Entry entry = { n };

      if (!xa_store_write (store, write_one, &entry, &error) ||
          write (fd, &n, sizeof n) != sizeof n)
        _exit (4);
    }
}

static void
test_store_survives_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-test-crash-XXXXXX", &error);
  g_autofree char *path = NULL;
  guint total_acked = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "xiaoan.db", NULL);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(XaStore) store = NULL;
      g_autofree char *integrity = NULL;
      g_autofree char *reason = NULL;
      int fds[2];
      pid_t child;
      guint acked = 0;
      guint last = 0;
      gint64 n_entries = 0;
      gint64 broken = -1;
      int status = 0;

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          run_writer (path, fds[1]);
        }
      close (fds[1]);

      /* Kill it after a different number of commits each round, so that the kill falls
       * at different points of a transaction. */
      while (acked < 20 + 17 * round && read (fds[0], &last, sizeof last) == sizeof last)
        acked++;
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      /* Whatever it still acknowledged before it died also counts. */
      while (read (fds[0], &last, sizeof last) == sizeof last)
        acked++;
      close (fds[0]);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      total_acked += acked;

      store = xa_store_open (path, &error);
      g_assert_no_error (error);

      integrity = xa_test_query_text (store, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");

      /* Every acknowledged entry is there (one more may have committed unacknowledged). */
      g_assert_true (xa_store_verify_audit (store, &n_entries, &broken, &reason, &error));
      g_assert_no_error (error);
      g_assert_cmpint (broken, ==, 0);
      g_assert_cmpint (n_entries, >=, total_acked);
      g_assert_cmpint (n_entries, <=, total_acked + 1);
      total_acked = (guint) n_entries;
    }

  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/store-crash/survives-kill", test_store_survives_kill);

  return g_test_run ();
}
