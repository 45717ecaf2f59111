/* xa-store-bulk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Large writes on SQLite: the demo ledger, a million hazards and three gigabytes in one
 * transaction, far more than any cache holds.
 */

#include "config.h"

#include "xa-store-private.h"

/* Whether the file is now in @mode ("delete", "wal"). */
static gboolean
set_journal_mode (sqlite3    *db,
                  const char *mode)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), mode) == 0;
  if (!ok)
    g_debug ("The journal stays as it was instead of “%s”: %s", mode, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return ok;
}

/**
 * xa_store_set_bulk:
 * @bulk: whether large writes follow
 *
 * Tells the store that the writes that follow are large (the demo ledger). On SQLite
 * the writing connection then keeps up to 256 MiB of pages in memory, and its statement
 * journals stay in memory (else each row of a bulk write is written to a temporary file
 * first).
 *
 * A database on disk also leaves WAL for a rollback journal, when no other program has
 * it open. A write larger than the cache spills its pages: into the log with WAL, to be
 * read back and copied into the file when it commits, three times the writing in all;
 * with a rollback journal straight into the file, while the journal keeps only the pages
 * the file had before (none of the new ones at its end), and a crash still leaves the
 * file as it was. Meanwhile other threads' reads wait, as they would block the write
 * (reader_mutex is held). Back to WAL and SQLite's defaults when @bulk is %FALSE.
 * A server needs nothing of the kind.
 */
void
xa_store_set_bulk (XaStore  *self,
                   gboolean  bulk)
{
  g_return_if_fail (XA_IS_STORE (self));

  if (self->pg != NULL || self->read_only)
    return;

  g_rec_mutex_lock (&self->mutex);
  sqlite3_exec (self->db,
                bulk ? "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY"
                     : "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT",
                NULL, NULL, NULL);

  if (bulk && !self->bulk_rollback && g_strcmp0 (self->path, ":memory:") != 0)
    {
      g_rec_mutex_lock (&self->reader_mutex);
      /* The reader's connection keeps the file shared: closed, and opened again when
       * next needed. */
      if (self->reader != NULL)
        sqlite3_close_v2 (g_steal_pointer (&self->reader));
      self->bulk_rollback = set_journal_mode (self->db, "delete");
      if (!self->bulk_rollback)
        g_rec_mutex_unlock (&self->reader_mutex);
    }
  else if (!bulk && self->bulk_rollback)
    {
      /* Should another program have opened the file meanwhile, the next opening
       * switches it back to WAL (xa-store.c). */
      set_journal_mode (self->db, "wal");
      self->bulk_rollback = FALSE;
      g_rec_mutex_unlock (&self->reader_mutex);
    }
  g_rec_mutex_unlock (&self->mutex);
}
