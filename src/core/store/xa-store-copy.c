/* xa-store-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving a whole store to another, on either engine: how a district moves up from one
 * PC's file to its server, and how a server's database becomes a portable file. Rows go
 * as they are, audit chain included, in one transaction of the target: a chain that does
 * not verify at the source is not moved, and one that does not verify on arrival is
 * rolled back. The keys that signed the chain go with it, so that it verifies there: to
 * the server's key table, or to the keys this computer keeps (xa-audit-key.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-audit-key.h"
#include "xa-blob-store.h"
#include "xa-store-audit.h"
#include "xa-store-private.h"
#include "xa-store.h"

/* Every table both engines have, parents before children; each with the order its rows
 * are read in, so that a copy's row IDs keep their order. */
static const struct
{
  const char *table;
  const char *order;
  gboolean    has_id;  /* an id column the server numbers */
} copied_tables[] = {
  { "organisation", "id", TRUE },
  { "person", "id", TRUE },
  { "role_term", "id", TRUE },
  { "school_year", "id", TRUE },
  { "template", "id", TRUE },
  { "agreement", "id", TRUE },
  { "agreement_supplement", "id", TRUE },
  { "hazard", "id", TRUE },
  { "hazard_step", "id", TRUE },
  { "hazard_gram", "gram, hazard_id", FALSE },
  /* Stored files before the records that name them, moved by copy_blobs (). */
  { "blob", "sha256", FALSE },
  { "hazard_photo", "id", TRUE },
  { "inspection", "id", TRUE },
  { "inspection_item", "id", TRUE },
  { "checklist", "id", TRUE },
  { "school_calendar", "id", TRUE },
  { "hazard_policy", "id", TRUE },
  { "campaign", "id", TRUE },
  { "campaign_record", "id", TRUE },
  { "campaign_attachment", "id", TRUE },
  { "archive_item", "id", TRUE },
  { "seal_image", "id", TRUE },
  { "roster_class", "id", TRUE },
  { "roster_person", "id", TRUE },
  { "education_record", "id", TRUE },
  { "education_absence", "id", TRUE },
  { "education_evidence", "id", TRUE },
  { "education_policy", "id", TRUE },
  { "education_year", "id", TRUE },
  { "drill", "id", TRUE },
  { "drill_problem", "id", TRUE },
  { "incident", "id", TRUE },
  { "drill_policy", "id", TRUE },
  /* The 综治 registers (schema 20). */
  { "dispute_round", "id", TRUE },
  { "dispute", "id", TRUE },
  { "key_person", "id", TRUE },
  { "key_person_note", "id", TRUE },
  { "key_person_staff", "id", TRUE },
  { "duty_shift", "id", TRUE },
  { "visitor", "id", TRUE },
  { "school_headcount", "id", TRUE },
  { "guard", "id", TRUE },
  { "security_device", "id", TRUE },
  { "device_repair", "id", TRUE },
  { "safety_plan", "id", TRUE },
  /* The yearly assessment (schema 21). */
  { "assessment_scheme", "id", TRUE },
  { "assessment_self", "id", TRUE },
  { "assessment", "id", TRUE },
  { "assessment_score", "id", TRUE },
  { "assessment_veto", "id", TRUE },
  { "assessment_revision", "id", TRUE },
  { "guard_policy", "id", TRUE },
  { "search_gram", "kind, gram, uuid", FALSE },
  { "audit", "seq", FALSE },
  { "audit_image", "seq, record_table, record_uuid", FALSE },
  { "meta", "key", FALSE },
};

/* How many rows a page of the source holds, and how many one INSERT takes (a page holds
 * whole statements). */
#define COPY_PAGE_ROWS       10000
#define COPY_ROWS_PER_INSERT 50

/* The version is each engine's own (user_version on SQLite, a meta row on a server). */
#define META_FILTER " WHERE key <> 'schema_version'"

typedef struct
{
  XaStore *source;
  gint64   n_rows;
  gint64   n_entries;
} Copy;

static const char *
filter_of (guint i)
{
  return g_str_equal (copied_tables[i].table, "meta") ? META_FILTER : "";
}

static gboolean
check_target_empty (XaStore  *target,
                    GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (copied_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s%s",
                                              copied_tables[i].table, filter_of (i));
      g_autoptr(XaStatement) count = xa_store_prepare (target, sql, error);

      if (count == NULL || !xa_statement_step_one (count, error))
        return FALSE;

      if (xa_statement_get_int64 (count, 0) > 0)
        {
          g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                       _("“%s” already holds data; move a store only into a new, empty database"),
                       xa_store_get_path (target));
          return FALSE;
        }
    }

  return TRUE;
}

/* An INSERT of @n_rows rows of @n_columns columns, named as @rows names them. */
static XaStatement *
prepare_insert (XaStore      *target,
                const char   *table,
                XaStatement  *rows,
                guint         n_rows,
                GError      **error)
{
  int n_columns = xa_statement_get_n_columns (rows);
  g_autofree const char **columns = g_new0 (const char *, MAX (n_columns, 1));

  for (int c = 0; c < n_columns; c++)
    columns[c] = xa_statement_get_column_name (rows, c);
  return _xa_store_prepare_insert_values (target, table, columns, (guint) n_columns, n_rows, error);
}

/* A query of the rows of table @i in its order: the first @limit, or (@after) the
 * first @limit after the key given as parameters. */
static char *
page_sql (guint     i,
          gboolean  after,
          guint     limit)
{
  g_auto(GStrv) keys = g_strsplit (copied_tables[i].order, ",", -1);
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *filter = filter_of (i);

  g_string_append_printf (sql, "SELECT * FROM %s%s", copied_tables[i].table, filter);
  if (after)
    {
      g_string_append_printf (sql, "%s (%s) > (", filter[0] != '\0' ? " AND" : " WHERE", copied_tables[i].order);
      for (guint k = 0; keys[k] != NULL; k++)
        g_string_append (sql, k > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  g_string_append_printf (sql, " ORDER BY %s LIMIT %u", copied_tables[i].order, limit);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Reads the rows of table @i after @key (or from the first, when @key is empty), at
 * most @limit, in its order. */
static XaStatement *
read_rows (Copy       *copy,
           guint       i,
           GPtrArray  *key,
           guint       limit,
           GError    **error)
{
  g_autofree char *sql = page_sql (i, key->len > 0, limit);
  XaStatement *rows = xa_store_prepare (copy->source, sql, error);

  for (guint k = 0; rows != NULL && k < key->len; k++)
    xa_statement_bind_text (rows, k + 1, g_ptr_array_index (key, k));
  return rows;
}

/* The values of the order's columns in the row @rows is at. */
static void
take_key (XaStatement *rows,
          guint        i,
          GPtrArray   *key)
{
  g_auto(GStrv) keys = g_strsplit (copied_tables[i].order, ",", -1);

  g_ptr_array_set_size (key, 0);
  for (guint k = 0; keys[k] != NULL; k++)
    {
      const char *name = g_strstrip (keys[k]);

      for (int c = 0; c < xa_statement_get_n_columns (rows); c++)
        {
          if (g_str_equal (xa_statement_get_column_name (rows, c), name))
            g_ptr_array_add (key, g_strdup (xa_statement_get_text (rows, c)));
        }
    }
}

/* Inserts the rows @rows yields into @target, @per_insert in a statement (the rows
 * left over by @per_insert are not sent: their number is returned in @left). */
static gboolean
insert_rows (Copy         *copy,
             XaStore      *target,
             guint         i,
             XaStatement  *rows,
             XaStatement  *insert,
             guint         per_insert,
             GPtrArray    *sent_key,
             guint        *n_read,
             guint        *left,
             GError      **error)
{
  int n_columns = xa_statement_get_n_columns (rows);
  guint in_statement = 0;
  XaStep step;

  *n_read = 0;
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      if (in_statement == 0)
        xa_statement_reset (insert);
      for (int c = 0; c < n_columns; c++)
        xa_statement_bind_column (insert, (int) in_statement * n_columns + c + 1, rows, c);
      (*n_read)++;

      if (++in_statement == per_insert)
        {
          if (!_xa_statement_send (insert, error))
            return FALSE;
          in_statement = 0;
          copy->n_rows += per_insert;
          take_key (rows, i, sent_key);
        }
    }

  *left = in_statement;
  return step == XA_STEP_DONE;
}

static gboolean
copy_table (Copy     *copy,
            XaStore  *target,
            guint     i,
            GError  **error)
{
  const char *table = copied_tables[i].table;
  g_autoptr(XaStatement) full = NULL;
  g_autoptr(GPtrArray) sent_key = g_ptr_array_new_with_free_func (g_free);
  guint n_read = 0;
  guint left = 0;

  /* By pages in the table's order, each after the last row sent: a server's answer is
   * held in memory whole, and a district's ledger has tens of millions of grams. A
   * page's rows go COPY_ROWS_PER_INSERT to a statement, and to a server in one batch. */
  do
    {
      g_autoptr(XaStatement) rows = read_rows (copy, i, sent_key, COPY_PAGE_ROWS, error);
      gboolean ok;

      if (rows == NULL)
        return FALSE;
      if (full == NULL && !(full = prepare_insert (target, table, rows, COPY_ROWS_PER_INSERT, error)))
        return FALSE;

      _xa_store_begin_batch (target);
      ok = insert_rows (copy, target, i, rows, full, COPY_ROWS_PER_INSERT, sent_key, &n_read, &left, error);
      if (!_xa_store_end_batch (target, ok ? error : NULL) || !ok)
        return FALSE;
    }
  while (n_read == COPY_PAGE_ROWS);

  /* The last rows, fewer than a statement takes: read again, and sent in one of their
   * number. */
  if (left > 0)
    {
      g_autoptr(XaStatement) rows = read_rows (copy, i, sent_key, left, error);
      g_autoptr(XaStatement) rest = NULL;
      guint n_rest = 0;
      guint not_sent = 0;

      if (rows == NULL || !(rest = prepare_insert (target, table, rows, left, error)) ||
          !insert_rows (copy, target, i, rows, rest, left, sent_key, &n_rest, &not_sent, error))
        return FALSE;
      g_assert (not_sent == 0 && n_rest == left);
    }

  /* A server numbers new rows from its sequence, which the copied IDs passed by. */
  if (copied_tables[i].has_id && xa_store_get_is_server (target))
    {
      g_autofree char *sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'),"
                                              " COALESCE (max (id), 0) + 1, FALSE) FROM %s",
                                              table, table);
      g_autoptr(XaStatement) setval = xa_store_prepare (target, sql, error);

      if (setval == NULL || !xa_statement_step_one (setval, error))
        return FALSE;
    }

  return TRUE;
}

/* The stored files: each read from the source and checked against its SHA-256, then
 * stored in the target as the target keeps them (files beside a SQLite file, the blob
 * table's column on a server), with the time it first came. A file missing or damaged
 * at the source stops the move, naming it. */
static gboolean
copy_blobs (Copy     *copy,
            XaStore  *target,
            GError  **error)
{
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (copy->source, "SELECT sha256, created_at FROM blob ORDER BY sha256", error)))
    return FALSE;

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      const char *sha256 = xa_statement_get_text (rows, 0);
      g_autoptr(GBytes) content = xa_store_dup_blob (copy->source, sha256, error);

      if (content == NULL ||
          !_xa_store_put_blob_row (target, sha256, content, xa_statement_get_text (rows, 1), error))
        return FALSE;
      copy->n_rows++;
    }

  return step == XA_STEP_DONE;
}

/* Verifies the copy before it commits; a copy has no head file of its own yet. */
static gboolean
verify_arrival (XaStore  *target,
                gint64    expected_entries,
                GError  **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  gboolean kept = target->head_file_kept;
  gint64 n_entries = 0;

  target->head_file_kept = FALSE;
  findings = xa_store_audit_verify (target, 0, NULL, &n_entries, error);
  target->head_file_kept = kept;

  if (findings == NULL)
    return FALSE;

  if (findings->len > 0 || n_entries != expected_entries)
    {
      XaAuditFinding *first = findings->len > 0 ? g_ptr_array_index (findings, 0) : NULL;

      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
                   _("The audit log does not verify in “%s” after the move (%s); nothing was moved"),
                   xa_store_get_path (target),
                   first ? first->message : _("entries are missing"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
copy_func (XaStore   *target,
           gpointer   user_data,
           GError   **error)
{
  Copy *copy = user_data;
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *detail = NULL;
  gboolean ok = TRUE;

  if (!check_target_empty (target, error))
    return FALSE;

  /* A revised agreement names its successor, which comes after it. */
  if (!xa_store_exec (target,
                      xa_store_get_is_server (target) ? "SET CONSTRAINTS ALL DEFERRED"
                                                      : "PRAGMA defer_foreign_keys = ON",
                      error))
    return FALSE;

  xa_store_lock (copy->source);
  for (guint i = 0; ok && i < G_N_ELEMENTS (copied_tables); i++)
    ok = g_str_equal (copied_tables[i].table, "blob") ? copy_blobs (copy, target, error)
                                                       : copy_table (copy, target, i, error);
  xa_store_unlock (copy->source);

  if (!ok || !verify_arrival (target, copy->n_entries, error))
    return FALSE;

  for (guint i = 0; _xa_store_audited_table (i) != NULL; i++)
    xa_store_note_change (target, _xa_store_audited_table (i), NULL);

  detail = g_strdup_printf ("{\"from\":\"%s\",\"rows\":%" G_GINT64_FORMAT ",\"entries\":%" G_GINT64_FORMAT "}",
                            xa_store_get_is_server (copy->source) ? "server" : "file",
                            copy->n_rows, copy->n_entries);
  return xa_store_append_audit (target, "store.migrate", "audit", uuid, detail, error);
}

/* The key with @key_id, as the source holds it: a server gives it to its owner only. */
static GBytes *
read_source_key (XaStore     *source,
                 const char  *key_id,
                 GError     **error)
{
  g_autoptr(XaStatement) secret = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *key = NULL;

  if (!xa_store_get_is_server (source))
    {
      if (!(key = xa_audit_key_lookup (key_id)))
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND,
                     _("The key %s that signed the audit log of “%s” is not on this computer; copy its key file here first"),
                     key_id, xa_store_get_path (source));
      return key;
    }

  xa_store_lock (source);
  if ((secret = xa_store_prepare (source, "SELECT encode (secret, 'hex') FROM audit_key WHERE key_id = ?",
                                  &local_error)))
    {
      xa_statement_bind_text (secret, 1, key_id);
      if (xa_statement_step_one (secret, &local_error))
        key = xa_audit_key_from_hex (xa_statement_get_text (secret, 0));
    }
  g_clear_pointer (&secret, xa_statement_free);
  xa_store_unlock (source);

  if (key == NULL)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY,
                 _("The key that signed the audit log of “%s” can only be read by the server’s administrator: run the move as the owner of its tables"),
                 xa_store_get_path (source));
  return key;
}

static gboolean
give_key (XaStore  *target,
          GBytes   *key,
          GError  **error)
{
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *key_id = NULL;
  gboolean ok;

  if (!xa_store_get_is_server (target))
    return xa_audit_key_keep (key, error);

  hex = xa_audit_key_to_hex (key);
  key_id = xa_audit_key_dup_id (key);

  xa_store_lock (target);
  ok = (insert = xa_store_prepare (target,
                                   "INSERT INTO audit_key (key_id, secret, current)"
                                   " VALUES (?, decode (?, 'hex'), FALSE) ON CONFLICT (key_id) DO NOTHING",
                                   error)) != NULL;
  if (ok)
    {
      xa_statement_bind_text (insert, 1, key_id);
      xa_statement_bind_text (insert, 2, hex);
      ok = xa_statement_run (insert, error);
    }
  g_clear_pointer (&insert, xa_statement_free);
  xa_store_unlock (target);

  return ok;
}

/* The keys of every signed entry go to the target before its rows. */
static gboolean
move_keys (XaStore  *source,
           XaStore  *target,
           GError  **error)
{
  g_autoptr(XaStatement) keys = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  gboolean ok;

  xa_store_lock (source);
  ok = (keys = xa_store_prepare (source, "SELECT DISTINCT key_id FROM audit WHERE key_id <> ''", error)) != NULL;
  while (ok && xa_statement_step (keys, NULL) == XA_STEP_ROW)
    g_ptr_array_add (ids, g_strdup (xa_statement_get_text (keys, 0)));
  g_clear_pointer (&keys, xa_statement_free);
  xa_store_unlock (source);

  for (guint i = 0; ok && i < ids->len; i++)
    {
      g_autoptr(GBytes) key = read_source_key (source, g_ptr_array_index (ids, i), error);

      ok = key != NULL && give_key (target, key, error);
    }

  return ok;
}

/**
 * xa_store_copy:
 * @source: the store to move, at %XA_STORE_SCHEMA_VERSION; only read
 * @target: a new, empty store (a file or a server), at the same version
 * @n_rows: (out) (optional): how many rows were moved
 *
 * Moves every row of @source into @target in one transaction, the audit chain with the
 * keys that signed it. @source's chain must verify; @target's must verify on arrival, or
 * nothing is moved. The move itself is the chain's next entry in @target.
 *
 * Returns: %TRUE when the copy committed
 */
gboolean
xa_store_copy (XaStore  *source,
               XaStore  *target,
               gint64   *n_rows,
               GError  **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  Copy copy = { source, 0, 0 };

  g_return_val_if_fail (XA_IS_STORE (source) && XA_IS_STORE (target), FALSE);

  if (xa_store_get_schema_version (source) != XA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
                   _("“%s” is at schema %d, not %d: update it first (xiaoan-cli init)"),
                   xa_store_get_path (source), xa_store_get_schema_version (source),
                   XA_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!(findings = xa_store_audit_verify (source, 0, NULL, &copy.n_entries, error)))
    return FALSE;
  if (findings->len > 0)
    {
      XaAuditFinding *first = g_ptr_array_index (findings, 0);

      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_MIGRATION,
                   _("The audit log of “%s” does not verify (%s); it was not moved"),
                   xa_store_get_path (source), first->message);
      return FALSE;
    }

  if (!move_keys (source, target, error) ||
      !_xa_store_ensure_audit_key (target, error) ||
      !xa_store_write (target, copy_func, &copy, error))
    return FALSE;

  if (n_rows != NULL)
    *n_rows = copy.n_rows;
  return TRUE;
}
