/* xa-store-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search side table: every record kind that can be searched keeps the character
 * grams of its searchable fields (xa-grams.c) in search_gram, written in the transaction
 * that changes the record. A search is one indexed query that both engines run alike.
 */

#include "config.h"

#include "xa-store-private.h"
#include "xa-store.h"
#include "core/util/xa-grams.h"
#include "core/util/xa-list-sync.h"

static GPtrArray *
grams_of_fields (const char * const *fields)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  /* @seen borrows the strings of @all, which outlive it. */

  /* Field by field, so that no pair spans the end of one field and the start of the
   * next. */
  for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
    {
      g_autoptr(GPtrArray) grams = xa_grams_for_text (fields[f]);

      for (guint i = 0; i < grams->len; i++)
        {
          if (!g_hash_table_contains (seen, grams->pdata[i]))
            {
              char *gram = g_strdup (grams->pdata[i]);

              g_ptr_array_add (all, gram);
              g_hash_table_add (seen, gram);
            }
        }
    }

  return all;
}

/* On a server, the record's grams go as one array parameter, whatever their number, and
 * the DELETE before them in the same round trip: a school's fields make some forty grams,
 * and each statement waited for is a round trip. */
static gboolean
index_on_server (XaStore     *self,
                 const char  *kind,
                 const char  *uuid,
                 GPtrArray   *grams,
                 GError     **error)
{
  g_autoptr(XaStatement) forget = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *array = xa_pg_text_array (grams);
  gboolean ok;

  if (!(forget = xa_store_prepare (self, "DELETE FROM search_gram WHERE kind = ? AND uuid = ?", error)) ||
      !(insert = xa_store_prepare (self,
                                   "INSERT INTO search_gram (kind, uuid, gram)"
                                   " SELECT ?1, ?2, unnest (?3::text[])",
                                   error)))
    return FALSE;

  xa_statement_bind_text (forget, 1, kind);
  xa_statement_bind_text (forget, 2, uuid);
  xa_statement_bind_text (insert, 1, kind);
  xa_statement_bind_text (insert, 2, uuid);
  xa_statement_bind_text (insert, 3, array);

  _xa_store_begin_batch (self);
  ok = _xa_statement_send (forget, error) &&
       (grams->len == 0 || _xa_statement_send (insert, error));
  return _xa_store_end_batch (self, ok ? error : NULL) && ok;
}

/**
 * xa_store_index_record:
 * @kind: the kind of record, as the audit log names it
 * @uuid: the record
 * @fields: (nullable) (array zero-terminated=1): the record's searchable texts; %NULL
 *   takes the record out of the index
 *
 * Replaces what the index holds for a record. Only valid inside xa_store_write(), in
 * the transaction that writes the record.
 */
gboolean
xa_store_index_record (XaStore             *self,
                       const char          *kind,
                       const char          *uuid,
                       const char * const  *fields,
                       GError             **error)
{
  g_autoptr(XaStatement) forget = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(GPtrArray) grams = NULL;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);
  g_return_val_if_fail (kind != NULL && uuid != NULL, FALSE);

  /* A store still at an older schema (a test of an upgrade) has no index yet: the
   * migration that makes it fills it. */
  if (self->schema_version < XA_STORE_SCHEMA_SEARCH)
    return TRUE;

  grams = grams_of_fields (fields);
  if (xa_store_get_is_server (self))
    return index_on_server (self, kind, uuid, grams, error);

  if (!(forget = xa_store_prepare (self, "DELETE FROM search_gram WHERE kind = ? AND uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (forget, 1, kind);
  xa_statement_bind_text (forget, 2, uuid);
  if (!xa_statement_run (forget, error))
    return FALSE;

  if (grams->len == 0)
    return TRUE;

  /* All the record's grams in one statement. */
  {
    g_autoptr(GString) sql = g_string_new ("INSERT INTO search_gram (kind, uuid, gram) VALUES ");

    for (guint i = 0; i < grams->len; i++)
      g_string_append (sql, i > 0 ? ", (?1, ?2, ?)" : "(?1, ?2, ?3)");
    if (!(insert = xa_store_prepare (self, sql->str, error)))
      return FALSE;
  }

  xa_statement_bind_text (insert, 1, kind);
  xa_statement_bind_text (insert, 2, uuid);
  for (guint i = 0; i < grams->len; i++)
    xa_statement_bind_text (insert, i + 3, grams->pdata[i]);

  return xa_statement_run (insert, error);
}

typedef struct
{
  const char *kind;
  GPtrArray  *grams;
  GPtrArray  *uuids;
} Search;

static gboolean
search_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Search *search = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *placeholders = xa_sql_placeholders (search->grams->len);
  g_autofree char *sql = NULL;
  XaStep step;

  /* The primary key makes each (record, gram) one row: a record that holds every gram
   * of the term counts exactly that many rows. */
  sql = g_strdup_printf ("SELECT uuid FROM search_gram WHERE kind = ? AND gram IN (%s)"
                         " GROUP BY uuid HAVING count(*) = ?", placeholders);
  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, search->kind);
  for (guint i = 0; i < search->grams->len; i++)
    xa_statement_bind_text (stmt, i + 2, search->grams->pdata[i]);
  xa_statement_bind_int (stmt, search->grams->len + 2, search->grams->len);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    g_ptr_array_add (search->uuids, g_strdup (xa_statement_get_text (stmt, 0)));

  return step == XA_STEP_DONE;
}

/**
 * xa_store_search:
 * @kind: the kind of record to search
 * @term: what was typed
 *
 * Finds the records of @kind whose indexed fields hold every gram of @term: for a term
 * of one or two characters exactly those that contain it; for a longer one, candidates
 * that the caller checks for the whole term.
 *
 * Returns: (transfer full) (element-type utf8): the records' UUIDs (none when @term holds
 *   no letter or digit), or %NULL with @error set
 */
GPtrArray *
xa_store_search (XaStore     *self,
                 const char  *kind,
                 const char  *term,
                 GError     **error)
{
  g_autoptr(GPtrArray) grams = xa_grams_for_query (term);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  Search search = { kind, grams, uuids };

  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (grams->len == 0)
    return g_steal_pointer (&uuids);

  if (!xa_store_read (self, search_cb, &search, error))
    return NULL;

  return g_steal_pointer (&uuids);
}

/**
 * _xa_store_search_fill:
 * @sql: a query of the records to index: their UUID, then their searchable fields
 *
 * Indexes every record @sql yields; for the migration that brings the index to records
 * written before it existed.
 */
gboolean
_xa_store_search_fill (sqlite3     *db,
                       const char  *kind,
                       const char  *sql,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO search_gram (kind, uuid, gram) VALUES (?, ?, ?)",
                          -1, &insert, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, sqlite3_db_filename (db, "main"), sql, error);
      return FALSE;
    }

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      int n_fields = sqlite3_column_count (select) - 1;
      g_autofree const char **fields = g_new0 (const char *, n_fields + 1);
      g_autoptr(GPtrArray) grams = NULL;

      for (int f = 0; f < n_fields; f++)
        fields[f] = (const char *) sqlite3_column_text (select, f + 1);
      grams = grams_of_fields (fields);

      for (guint i = 0; i < grams->len; i++)
        {
          sqlite3_reset (insert);
          sqlite3_bind_text (insert, 1, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, (const char *) sqlite3_column_text (select, 0), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 3, grams->pdata[i], -1, SQLITE_TRANSIENT);
          if (sqlite3_step (insert) != SQLITE_DONE)
            {
              _xa_sqlite_set_error (db, sqlite3_db_filename (db, "main"), NULL, error);
              return FALSE;
            }
        }
    }

  if (rc != SQLITE_DONE)
    {
      _xa_sqlite_set_error (db, sqlite3_db_filename (db, "main"), sql, error);
      return FALSE;
    }

  return TRUE;
}
