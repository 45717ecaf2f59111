/* xa-store-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many rows into one table in one statement: xa_store_insert_rows(). On SQLite the rows
 * come through a virtual table that asks the caller for each one in turn, so that
 * `INSERT … SELECT` takes them with no binding, stepping or resetting of a statement
 * per row (the 29 million rows of hazard_gram at a million hazards: 8.1 s, against 9.3
 * to 9.4 s as INSERTs of 64 rows each; what is left is SQLite's own work on the index).
 * A server takes them as INSERTs of ROWS_PER_STATEMENT rows.
 */

#include "config.h"

#include "xa-store-private.h"

/* The rows of one INSERT on a server. */
#define ROWS_PER_STATEMENT 64

/* The virtual table's name; eponymous, so that it needs no CREATE VIRTUAL TABLE and
 * leaves nothing in the file's schema. */
#define ROWS_TABLE "xa_rows"

typedef struct
{
  XaRowSource  source;
  gpointer     user_data;
  guint        n_columns;
  XaRowValue  *values;
} Rows;

typedef struct
{
  sqlite3_vtab  base;
  Rows         *rows;
} RowsTable;

typedef struct
{
  sqlite3_vtab_cursor  base;
  Rows                *rows;
  gint64               rowid;
  gboolean             at_end;
} RowsCursor;

static int
rows_connect (sqlite3             *db,
              void                *aux,
              int                  argc,
              const char * const  *argv,
              sqlite3_vtab       **vtab,
              char               **message)
{
  Rows *rows = aux;
  g_autoptr(GString) sql = g_string_new ("CREATE TABLE x (");
  RowsTable *table;
  int rc;

  for (guint i = 0; i < rows->n_columns; i++)
    g_string_append_printf (sql, "%sc%u", i > 0 ? ", " : "", i);
  g_string_append_c (sql, ')');
  if ((rc = sqlite3_declare_vtab (db, sql->str)) != SQLITE_OK)
    return rc;
  /* Only for the statement xa_store_insert_rows() runs, never from a trigger or view. */
  sqlite3_vtab_config (db, SQLITE_VTAB_DIRECTONLY);

  table = sqlite3_malloc (sizeof *table);
  if (table == NULL)
    return SQLITE_NOMEM;
  memset (table, 0, sizeof *table);
  table->rows = rows;
  *vtab = &table->base;
  return SQLITE_OK;
}

static int
rows_disconnect (sqlite3_vtab *vtab)
{
  sqlite3_free (vtab);
  return SQLITE_OK;
}

static int
rows_best_index (sqlite3_vtab       *vtab,
                 sqlite3_index_info *info)
{
  /* One way through the rows: in the caller's order, all of them. */
  info->estimatedCost = 1e6;
  return SQLITE_OK;
}

static int
rows_open (sqlite3_vtab         *vtab,
           sqlite3_vtab_cursor **cursor)
{
  RowsCursor *self = sqlite3_malloc (sizeof *self);

  if (self == NULL)
    return SQLITE_NOMEM;
  memset (self, 0, sizeof *self);
  self->rows = ((RowsTable *) vtab)->rows;
  *cursor = &self->base;
  return SQLITE_OK;
}

static int
rows_close (sqlite3_vtab_cursor *cursor)
{
  sqlite3_free (cursor);
  return SQLITE_OK;
}

static int
rows_next (sqlite3_vtab_cursor *cursor)
{
  RowsCursor *self = (RowsCursor *) cursor;

  self->at_end = !self->rows->source (self->rows->values, self->rows->user_data);
  self->rowid++;
  return SQLITE_OK;
}

static int
rows_filter (sqlite3_vtab_cursor  *cursor,
             int                   index_number,
             const char           *index_text,
             int                   argc,
             sqlite3_value       **argv)
{
  return rows_next (cursor);
}

static int
rows_eof (sqlite3_vtab_cursor *cursor)
{
  return ((RowsCursor *) cursor)->at_end;
}

static int
rows_column (sqlite3_vtab_cursor *cursor,
             sqlite3_context     *context,
             int                  column)
{
  const XaRowValue *value = &((RowsCursor *) cursor)->rows->values[column];

  if (value->is_null)
    sqlite3_result_null (context);
  else if (value->text != NULL)
    sqlite3_result_text (context, value->text, (int) value->size, SQLITE_STATIC);
  else
    sqlite3_result_int64 (context, value->integer);
  return SQLITE_OK;
}

static int
rows_rowid (sqlite3_vtab_cursor *cursor,
            sqlite3_int64       *rowid)
{
  *rowid = ((RowsCursor *) cursor)->rowid;
  return SQLITE_OK;
}

/* Eponymous only (no xCreate): the table exists while the module is registered. */
static const sqlite3_module rows_module = {
  .iVersion = 1,
  .xConnect = rows_connect,
  .xBestIndex = rows_best_index,
  .xDisconnect = rows_disconnect,
  .xOpen = rows_open,
  .xClose = rows_close,
  .xFilter = rows_filter,
  .xNext = rows_next,
  .xEof = rows_eof,
  .xColumn = rows_column,
  .xRowid = rows_rowid,
};

static gboolean
insert_through_table (XaStore            *self,
                      const char         *table,
                      const char * const *columns,
                      Rows               *rows,
                      GError            **error)
{
  sqlite3 *db = self->db;
  g_autoptr(GString) sql = g_string_new (NULL);
  gboolean ok;

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < rows->n_columns; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") SELECT ");
  for (guint i = 0; i < rows->n_columns; i++)
    g_string_append_printf (sql, "%sc%u", i > 0 ? ", " : "", i);
  g_string_append (sql, " FROM " ROWS_TABLE);

  if (sqlite3_create_module_v2 (db, ROWS_TABLE, &rows_module, rows, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, self->path, sql->str, error);
      return FALSE;
    }
  ok = xa_store_exec (self, sql->str, error);
  /* Dropped, so that the next call connects the table to its own rows. */
  sqlite3_create_module_v2 (db, ROWS_TABLE, NULL, NULL, NULL);
  return ok;
}

/**
 * _xa_store_prepare_insert_values:
 * @columns: (array length=n_columns): the columns each row fills
 * @n_rows: how many rows the statement inserts
 *
 * `INSERT INTO @table (…) VALUES (?, …), …`: @n_rows rows of a parameter a column, in
 * the order of the rows then the columns. Shared with the copy to a server
 * (xa-store-copy.c).
 *
 * Returns: (transfer full) (nullable): the statement
 */
XaStatement *
_xa_store_prepare_insert_values (XaStore            *self,
                                 const char         *table,
                                 const char * const *columns,
                                 guint               n_columns,
                                 guint               n_rows,
                                 GError            **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO %s (", table);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", columns[i]);
  g_string_append (sql, ") VALUES ");
  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (sql, row > 0 ? ", (" : "(");
      for (guint i = 0; i < n_columns; i++)
        g_string_append (sql, i > 0 ? ", ?" : "?");
      g_string_append_c (sql, ')');
    }
  return xa_store_prepare (self, sql->str, error);
}

static gboolean
insert_as_values (XaStore            *self,
                  const char         *table,
                  const char * const *columns,
                  Rows               *rows,
                  GError            **error)
{
  g_autoptr(XaStatement) full = NULL;
  /* The rows of one statement, their texts copied: a value lasts only until the
   * source's next row. */
  g_autofree XaRowValue *held = g_new0 (XaRowValue, ROWS_PER_STATEMENT * rows->n_columns);
  g_autoptr(GStringChunk) texts = g_string_chunk_new (4096);
  gboolean more = rows->source (rows->values, rows->user_data);

  while (more)
    {
      g_autoptr(XaStatement) last = NULL;
      XaStatement *stmt;
      guint n;

      g_string_chunk_clear (texts);
      for (n = 0; more && n < ROWS_PER_STATEMENT; n++)
        {
          for (guint i = 0; i < rows->n_columns; i++)
            {
              XaRowValue *value = &held[n * rows->n_columns + i];

              *value = rows->values[i];
              if (value->text != NULL)
                value->text = g_string_chunk_insert_len (texts, value->text, (gssize) value->size);
            }
          more = rows->source (rows->values, rows->user_data);
        }

      if (n == ROWS_PER_STATEMENT)
        {
          if (full == NULL &&
              !(full = _xa_store_prepare_insert_values (self, table, columns, rows->n_columns, n, error)))
            return FALSE;
          stmt = full;
          xa_statement_reset (stmt);
        }
      else if (!(stmt = last = _xa_store_prepare_insert_values (self, table, columns, rows->n_columns,
                                                                n, error)))
        return FALSE;

      for (guint i = 0; i < n * rows->n_columns; i++)
        {
          if (held[i].is_null)
            xa_statement_bind_null (stmt, (int) i + 1);
          else if (held[i].text != NULL)
            xa_statement_bind_text_static (stmt, (int) i + 1, held[i].text, held[i].size);
          else
            xa_statement_bind_int64 (stmt, (int) i + 1, held[i].integer);
        }
      if (!xa_statement_run (stmt, error))
        return FALSE;
    }

  if (full != NULL)
    xa_statement_reset (full);
  return TRUE;
}

/**
 * xa_row_value_text:
 * @text: (nullable): a NUL-terminated text, which must outlive the value's use
 *
 * Returns: @text as a row's value, NULL when @text is %NULL
 */
XaRowValue
xa_row_value_text (const char *text)
{
  if (text == NULL)
    return (XaRowValue) { .is_null = TRUE };
  return (XaRowValue) { .text = text, .size = strlen (text) };
}

/**
 * xa_store_insert_rows:
 * @table: the table's name
 * @columns: (array zero-terminated=1): the columns the rows fill
 * @source: called for each row: fills one #XaRowValue a column, in their order, and
 *   returns %TRUE; or returns %FALSE when there is no row left
 *
 * Inserts the rows @source gives, in one statement on SQLite; only inside
 * xa_store_write().
 * A text stays valid until @source is called again.
 *
 * Returns: %TRUE when every row was inserted
 */
gboolean
xa_store_insert_rows (XaStore             *self,
                      const char          *table,
                      const char * const  *columns,
                      XaRowSource          source,
                      gpointer             user_data,
                      GError             **error)
{
  guint n_columns = columns != NULL ? g_strv_length ((char **) columns) : 0;
  g_autofree XaRowValue *values = g_new0 (XaRowValue, MAX (n_columns, 1));
  Rows rows = { source, user_data, n_columns, values };

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (n_columns > 0, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (self->in_write, FALSE);

  if (xa_store_get_is_server (self))
    return insert_as_values (self, table, columns, &rows, error);
  return insert_through_table (self, table, columns, &rows, error);
}
