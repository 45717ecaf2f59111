/* xa-store-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit chain: every change appends an entry in the transaction that makes it, each
 * entry's SHA-256 covers its fields and the hash of the entry before it, and
 * xa_store_verify_audit() walks the chain and names the first entry that does not hold.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-store-private.h"
#include "xa-store.h"

static const char zero_hash[] =
  "0000000000000000000000000000000000000000000000000000000000000000";

char *
_xa_store_hash_entry (gint64      seq,
                      const char *at,
                      const char *operator_name,
                      const char *action,
                      const char *record_table,
                      const char *record_uuid,
                      const char *detail,
                      const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *fields[] = { at, operator_name, action, record_table, record_uuid, detail, prev_hash };
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT "\n", seq);

  /* Each field is length-prefixed so that moving text from one field into the next
   * cannot produce the same hash. */
  g_checksum_update (checksum, (const guchar *) seq_text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *field = fields[i] ? fields[i] : "";
      g_autofree char *prefix = g_strdup_printf ("%zu:", strlen (field));

      g_checksum_update (checksum, (const guchar *) prefix, -1);
      g_checksum_update (checksum, (const guchar *) field, -1);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * xa_store_append_audit:
 * @action: what happened, a stable English verb phrase such as "school.add"
 * @record_table: the kind of the record changed
 * @record_uuid: the record's UUID
 * @detail: (nullable): JSON that describes the change
 *
 * Appends an entry to the audit chain, and notes the record as changed. Only valid
 * inside xa_store_write(), so that the entry commits or rolls back with the change it
 * records.
 */
gboolean
xa_store_append_audit (XaStore     *self,
                       const char  *action,
                       const char  *record_table,
                       const char  *record_uuid,
                       const char  *detail,
                       GError     **error)
{
  g_autoptr(XaStatement) last = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);
  g_return_val_if_fail (action != NULL && record_table != NULL && record_uuid != NULL, FALSE);

  if (!(last = xa_store_prepare (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error)))
    return FALSE;

  switch (xa_statement_step (last, error))
    {
    case XA_STEP_ROW:
      seq = xa_statement_get_int64 (last, 0) + 1;
      prev_hash = g_strdup (xa_statement_get_text (last, 1));
      break;
    case XA_STEP_DONE:
      prev_hash = g_strdup (zero_hash);
      break;
    case XA_STEP_ERROR:
    default:
      return FALSE;
    }

  at = xa_date_now_iso8601 ();
  hash = _xa_store_hash_entry (seq, at, self->operator_name, action, record_table,
                               record_uuid, detail, prev_hash);

  if (!(insert = xa_store_prepare (self,
                                   "INSERT INTO audit (seq, at, operator, action, record_table,"
                                   " record_uuid, detail, prev_hash, hash)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;

  xa_statement_bind_int64 (insert, 1, seq);
  xa_statement_bind_text (insert, 2, at);
  xa_statement_bind_text (insert, 3, self->operator_name);
  xa_statement_bind_text (insert, 4, action);
  xa_statement_bind_text (insert, 5, record_table);
  xa_statement_bind_text (insert, 6, record_uuid);
  xa_statement_bind_text (insert, 7, detail ? detail : "");
  xa_statement_bind_text (insert, 8, prev_hash);
  xa_statement_bind_text (insert, 9, hash);

  if (!xa_statement_run (insert, error))
    return FALSE;

  xa_store_note_change (self, record_table, record_uuid);
  return TRUE;
}

typedef struct
{
  gint64  count;
  gint64  broken;
  char   *why;
} AuditWalk;

static const char audit_walk_sql[] =
  "SELECT seq, at, operator, action, record_table, record_uuid,"
  " detail, prev_hash, hash FROM audit ORDER BY seq";

/* Walks the rows of @stmt (audit_walk_sql) and notes the first entry that does not
 * hold, whichever connection it was prepared on. */
static gboolean
walk_audit_rows (XaStatement  *stmt,
                 AuditWalk    *walk,
                 GError      **error)
{
  g_autofree char *expected_prev = g_strdup (zero_hash);
  gint64 expected_seq = 1;
  XaStep step;

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      gint64 seq = xa_statement_get_int64 (stmt, 0);
      const char *prev_hash = xa_statement_get_text (stmt, 7);
      const char *hash = xa_statement_get_text (stmt, 8);
      g_autofree char *computed = NULL;

      walk->count++;

      if (walk->broken != 0)
        continue;

      if (seq != expected_seq)
        {
          walk->broken = expected_seq;
          walk->why = g_strdup_printf (_("entry %lld is missing (the next one is %lld)"),
                                       (long long) expected_seq, (long long) seq);
          continue;
        }

      computed = _xa_store_hash_entry (seq,
                                       xa_statement_get_text (stmt, 1),
                                       xa_statement_get_text (stmt, 2),
                                       xa_statement_get_text (stmt, 3),
                                       xa_statement_get_text (stmt, 4),
                                       xa_statement_get_text (stmt, 5),
                                       xa_statement_get_text (stmt, 6),
                                       prev_hash);

      if (g_strcmp0 (prev_hash, expected_prev) != 0)
        {
          walk->broken = seq;
          walk->why = g_strdup_printf (_("entry %lld does not follow the entry before it (its previous hash differs)"),
                                       (long long) seq);
        }
      else if (g_strcmp0 (computed, hash) != 0)
        {
          walk->broken = seq;
          walk->why = g_strdup_printf (_("entry %lld was changed after it was written (its hash does not match its content)"),
                                       (long long) seq);
        }

      g_set_str_compat (&expected_prev, hash);
      expected_seq = seq + 1;
    }

  return step == XA_STEP_DONE;
}

static gboolean
walk_audit (XaStore   *self,
            gpointer   user_data,
            GError   **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = xa_store_prepare (self, audit_walk_sql, error)))
    return FALSE;

  return walk_audit_rows (stmt, user_data, error);
}

static gboolean
finish_walk (AuditWalk  *walk,
             gboolean    ok,
             gint64     *n_entries,
             gint64     *first_broken_seq,
             char      **reason)
{
  if (!ok)
    {
      g_free (walk->why);
      return FALSE;
    }

  if (n_entries)
    *n_entries = walk->count;
  if (first_broken_seq)
    *first_broken_seq = walk->broken;
  if (reason)
    *reason = walk->why;
  else
    g_free (walk->why);

  return TRUE;
}

/**
 * _xa_store_verify_audit_db:
 * @db: a connection to a database of ours that is not open as a store (a backup)
 * @path: the file, for messages
 *
 * xa_store_verify_audit() on a connection of its own.
 */
gboolean
_xa_store_verify_audit_db (sqlite3     *db,
                           const char  *path,
                           gint64      *n_entries,
                           gint64      *first_broken_seq,
                           char       **reason,
                           GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  AuditWalk walk = { 0 };

  if (!(stmt = _xa_statement_new (db, path, audit_walk_sql, error)))
    return FALSE;

  return finish_walk (&walk, walk_audit_rows (stmt, &walk, error),
                      n_entries, first_broken_seq, reason);
}

/**
 * xa_store_verify_audit:
 * @n_entries: (out) (optional): how many entries were read
 * @first_broken_seq: (out) (optional): the first entry that does not verify, or 0
 * @reason: (out) (optional) (transfer full): why it does not verify, or %NULL
 *
 * Walks the audit chain from the first entry and recomputes every hash.
 *
 * Returns: %TRUE when the chain could be read (whether or not it verified)
 */
gboolean
xa_store_verify_audit (XaStore  *self,
                       gint64   *n_entries,
                       gint64   *first_broken_seq,
                       char    **reason,
                       GError  **error)
{
  AuditWalk walk = { 0 };

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  return finish_walk (&walk, xa_store_read (self, walk_audit, &walk, error),
                      n_entries, first_broken_seq, reason);
}
