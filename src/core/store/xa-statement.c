/* xa-statement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prepared statements over either engine: SQLite's here, PostgreSQL's in xa-pg.c, one
 * of the two under each XaStatement. This is also the one place where SQLite's error
 * codes become messages a user can act on. Messages name the database file and what went
 * wrong in words; the SQL and SQLite's own text only go to the debug log.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "xa-store-private.h"
#include "xa-store.h"

struct _XaStatement
{
  /* SQLite's statement, or else PostgreSQL's */
  sqlite3_stmt  *stmt;
  XaPgStatement *pg;
  sqlite3       *db;
  const char    *path;  /* the store's, which outlives its statements */
};

/* The messages of the schema's RAISE() triggers (xa-store-schema.c), as the user reads
 * them. A trigger that is not listed here falls back to a general sentence. */
static const struct
{
  const char *raised;
  const char *message;
} trigger_messages[] = {
  { "the audit log is append-only", N_("The audit log is append-only: its entries are never changed or removed") },
  { "a frozen template never changes", N_("A template version that a signed agreement uses never changes; save your edits as a new version") },
  { "not a step an agreement can take", N_("An agreement cannot go to that state from the one it is in") },
  { "sign only with a frozen template version", N_("An agreement is signed only with a frozen template version") },
  { "only a draft agreement can be edited", N_("Only a draft agreement can be edited") },
  { "a signed agreement never changes", N_("A signed agreement never changes; revise it to make a new draft") },
  { "only a draft agreement can be deleted", N_("Only a draft agreement can be deleted") },
  { "a closed hazard never changes", N_("A closed hazard never changes") },
  { "a hazard's history never changes", N_("The steps of a hazard’s rectification are never changed or removed") },
  { "a stored file never changes", N_("A stored file never changes") },
  { "a stored file must match its SHA-256", N_("A stored file is kept only under the SHA-256 of its bytes") },
  { "a hazard photo is never edited", N_("A hazard’s photo is never edited: remove it and add the right one") },
  { "an inspection item that became a hazard keeps its finding",
    N_("An inspection item that became a hazard keeps its finding: it is neither changed nor removed") },
  { "only the commission records a finding",
    N_("Only the commission records a responsibility finding or judges a petition’s influence") },
};

/**
 * _xa_store_trigger_message:
 * @raised: (nullable): the text a trigger raised, on either engine
 *
 * Returns: (nullable): the sentence the user reads for it
 */
const char *
_xa_store_trigger_message (const char *raised)
{
  for (guint i = 0; i < G_N_ELEMENTS (trigger_messages); i++)
    {
      if (g_strcmp0 (raised, trigger_messages[i].raised) == 0)
        return _(trigger_messages[i].message);
    }

  return NULL;
}

/* "UNIQUE constraint failed: organisation.code" → "organisation.code": which stored field
 * the rule is about, without any SQL. */
static const char *
constraint_subject (const char *sqlite_message)
{
  const char *colon = sqlite_message ? strrchr (sqlite_message, ':') : NULL;

  return colon != NULL ? colon + 2 : "";
}

/**
 * _xa_store_set_read_only_error:
 *
 * The one sentence for a change refused because the database can only be read.
 */
void
_xa_store_set_read_only_error (const char  *path,
                               GError     **error)
{
  g_autofree char *display = g_filename_display_name (path ? path : ":memory:");

  g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY,
               _("The database “%s” can only be read, not changed; check the permissions of the file and its folder"),
               display);
}

/**
 * _xa_sqlite_set_error:
 * @db: the connection that failed
 * @path: (nullable): the database file, for the message
 * @sql: (nullable): what was being run, for the debug log only
 *
 * Sets @error from the connection's last error, in words for the user.
 */
void
_xa_sqlite_set_error (sqlite3     *db,
                      const char  *path,
                      const char  *sql,
                      GError     **error)
{
  int code = sqlite3_extended_errcode (db);
  const char *detail = sqlite3_errmsg (db);
  g_autofree char *display = g_filename_display_name (path ? path : ":memory:");

  g_debug ("SQLite error %d (%s) on: %s", code, detail, sql ? sql : "(none)");

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another program; try again in a moment"),
                   display);
      break;

    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_TRIGGER && _xa_store_trigger_message (detail) != NULL)
        g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                             _xa_store_trigger_message (detail));
      else if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                     _("Another record already has this value (%s)"),
                     constraint_subject (detail));
      else if (code == SQLITE_CONSTRAINT_NOTNULL)
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                     _("A required value is missing (%s)"), constraint_subject (detail));
      else if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                             _("The change refers to a record that does not exist, or removes one that others still refer to"));
      else
        g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                     _("The change breaks a rule of the stored data (%s)"),
                     constraint_subject (detail));
      break;

    case SQLITE_FULL:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_FULL,
                   _("The disk that holds the database “%s” is full; free some space and try again. Nothing was changed."),
                   display);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      _xa_store_set_read_only_error (path, error);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED,
                   _("The database “%s” is damaged; nothing was changed. Restore it from a backup."),
                   display);
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_IO,
                   _("The database “%s” could not be read or written (%s)"),
                   display, g_strerror (sqlite3_system_errno (db)));
      break;

    default:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL,
                   _("The database “%s” could not carry out the request (%s)"),
                   display, sqlite3_errstr (code));
      break;
    }
}

XaStatement *
_xa_statement_new (sqlite3     *db,
                   const char  *path,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  XaStatement *self;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _xa_sqlite_set_error (db, path, sql, error);
      return NULL;
    }

  self = g_new0 (XaStatement, 1);
  self->stmt = stmt;
  self->db = db;
  self->path = path;

  return self;
}

XaStatement *
_xa_statement_new_pg (XaPgConnection  *connection,
                      const char      *sql,
                      GError         **error)
{
  XaPgStatement *pg;
  XaStatement *self;

  if (!(pg = xa_pg_statement_new (connection, sql, error)))
    return NULL;

  self = g_new0 (XaStatement, 1);
  self->pg = pg;

  return self;
}

void
xa_statement_free (XaStatement *self)
{
  if (self == NULL)
    return;

  if (self->pg != NULL)
    xa_pg_statement_free (self->pg);
  else
    sqlite3_finalize (self->stmt);
  g_free (self);
}

/**
 * xa_statement_reset:
 *
 * Makes the statement ready to run again, with its bindings cleared.
 */
void
xa_statement_reset (XaStatement *self)
{
  g_return_if_fail (self != NULL);

  if (self->pg != NULL)
    {
      xa_pg_statement_reset (self->pg);
      return;
    }

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
}

/**
 * xa_statement_param:
 * @name: a named parameter as written in the SQL, such as ":uuid"
 *
 * Returns: the index of @name for the bind functions
 */
int
xa_statement_param (XaStatement *self,
                    const char  *name)
{
  int index;

  g_return_val_if_fail (self != NULL, 0);

  if (self->pg != NULL)
    return xa_pg_statement_param (self->pg, name);

  index = sqlite3_bind_parameter_index (self->stmt, name);
  if (index == 0)
    g_critical ("The statement has no parameter %s: %s", name, sqlite3_sql (self->stmt));

  return index;
}

/**
 * xa_statement_bind_text:
 * @value: (nullable): the text, or %NULL for SQL NULL
 */
void
xa_statement_bind_text (XaStatement *self,
                        int          index,
                        const char  *value)
{
  g_return_if_fail (self != NULL);

  if (self->pg != NULL)
    xa_pg_statement_bind_text (self->pg, index, value);
  else if (value == NULL)
    sqlite3_bind_null (self->stmt, index);
  else
    sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT);
}

/**
 * xa_statement_bind_text_static:
 * @value: the text, which stays as it is until the statement is next reset and
 *   bound, or freed
 * @size: its length in bytes
 *
 * Binds @value as xa_statement_bind_text() does, without SQLite copying it: for the
 * many short texts of a bulk write.
 */
void
xa_statement_bind_text_static (XaStatement *self,
                               int          index,
                               const char  *value,
                               gsize        size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  if (self->pg != NULL)
    xa_pg_statement_bind_text (self->pg, index, value);
  else
    sqlite3_bind_text (self->stmt, index, value, (int) size, SQLITE_STATIC);
}

/**
 * xa_statement_bind_text_borrowed:
 * @value: (nullable): the text, which stays as it is until the statement has run
 *
 * Binds @value as xa_statement_bind_text() does, without SQLite copying it: for the
 * columns of the rows a bulk write inserts one after the other, each bound afresh.
 */
void
xa_statement_bind_text_borrowed (XaStatement *self,
                                 int          index,
                                 const char  *value)
{
  if (value == NULL)
    xa_statement_bind_text (self, index, NULL);
  else
    xa_statement_bind_text_static (self, index, value, strlen (value));
}

/**
 * xa_statement_get_last_insert_id:
 *
 * Only on SQLite: a server's INSERT says the ids it gave with RETURNING.
 *
 * Returns: the rowid of the last row an INSERT of this statement's connection added
 */
gint64
xa_statement_get_last_insert_id (XaStatement *self)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (self->pg == NULL, 0);

  return sqlite3_last_insert_rowid (sqlite3_db_handle (self->stmt));
}

/**
 * xa_statement_bind_text_or_null:
 * @value: (nullable): the text; %NULL and "" are stored as SQL NULL
 */
void
xa_statement_bind_text_or_null (XaStatement *self,
                                int          index,
                                const char  *value)
{
  xa_statement_bind_text (self, index, value != NULL && value[0] != '\0' ? value : NULL);
}

void
xa_statement_bind_int (XaStatement *self,
                       int          index,
                       int          value)
{
  g_return_if_fail (self != NULL);

  xa_statement_bind_int64 (self, index, value);
}

void
xa_statement_bind_int64 (XaStatement *self,
                         int          index,
                         gint64       value)
{
  g_return_if_fail (self != NULL);

  if (self->pg != NULL)
    xa_pg_statement_bind_int64 (self->pg, index, value);
  else
    sqlite3_bind_int64 (self->stmt, index, value);
}

void
xa_statement_bind_double (XaStatement *self,
                          int          index,
                          double       value)
{
  g_return_if_fail (self != NULL);

  if (self->pg != NULL)
    xa_pg_statement_bind_double (self->pg, index, value);
  else
    sqlite3_bind_double (self->stmt, index, value);
}

/**
 * xa_statement_bind_bytes:
 * @bytes: (nullable): the bytes, or %NULL for SQL NULL
 *
 * Binds bytes for a BLOB column (bytea on a server), as they are.
 */
void
xa_statement_bind_bytes (XaStatement *self,
                         int          index,
                         GBytes      *bytes)
{
  gsize length = 0;
  gconstpointer data;

  g_return_if_fail (self != NULL);

  if (bytes == NULL)
    {
      xa_statement_bind_null (self, index);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (self->pg != NULL)
    xa_pg_statement_bind_bytes (self->pg, index, data, length);
  else if (length == 0)
    sqlite3_bind_zeroblob (self->stmt, index, 0);
  else
    sqlite3_bind_blob64 (self->stmt, index, data, length, SQLITE_TRANSIENT);
}

void
xa_statement_bind_null (XaStatement *self,
                        int          index)
{
  g_return_if_fail (self != NULL);

  xa_statement_bind_text (self, index, NULL);
}

/**
 * xa_statement_bind_column:
 * @from: a statement stepped to a row, on either engine
 * @column: the column of @from
 *
 * Binds the value of @from's @column, with its type (NULL, integer, real or text), so
 * that rows move from one store to another as they are: `xiaoan-cli migrate`.
 */
void
xa_statement_bind_column (XaStatement *self,
                          int          index,
                          XaStatement *from,
                          int          column)
{
  char kind;

  g_return_if_fail (self != NULL && from != NULL);

  if (from->pg != NULL)
    kind = xa_pg_statement_get_kind (from->pg, column);
  else
    switch (sqlite3_column_type (from->stmt, column))
      {
      case SQLITE_NULL: kind = 'n'; break;
      case SQLITE_INTEGER: kind = 'i'; break;
      case SQLITE_FLOAT: kind = 'r'; break;
      default: kind = 't'; break;
      }

  switch (kind)
    {
    case 'n':
      xa_statement_bind_null (self, index);
      break;
    case 'i':
      xa_statement_bind_int64 (self, index, xa_statement_get_int64 (from, column));
      break;
    case 'r':
      xa_statement_bind_double (self, index, xa_statement_get_double (from, column));
      break;
    default:
      xa_statement_bind_text (self, index, xa_statement_get_text (from, column));
      break;
    }
}

/**
 * xa_statement_step:
 *
 * Returns: %XA_STEP_ROW when a row can be read with the getters, %XA_STEP_DONE when
 *   there are no more, %XA_STEP_ERROR with @error set
 */
XaStep
xa_statement_step (XaStatement  *self,
                   GError      **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, XA_STEP_ERROR);

  if (self->pg != NULL)
    return xa_pg_statement_step (self->pg, error);

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return XA_STEP_ROW;
  if (rc == SQLITE_DONE)
    return XA_STEP_DONE;

  _xa_sqlite_set_error (self->db, self->path, sqlite3_sql (self->stmt), error);
  return XA_STEP_ERROR;
}

/**
 * xa_statement_run:
 *
 * Runs a statement that returns no rows (INSERT, UPDATE, DELETE) to its end.
 */
gboolean
xa_statement_run (XaStatement  *self,
                  GError      **error)
{
  XaStep step;

  while ((step = xa_statement_step (self, error)) == XA_STEP_ROW)
    ;

  return step == XA_STEP_DONE;
}

/**
 * _xa_statement_send:
 *
 * Runs a statement whose result nothing reads until the batch ends: inside
 * _xa_store_begin_batch() on a server it goes without waiting for the server
 * (xa_pg_statement_send()); on SQLite, where nothing waits, it runs at once.
 *
 * Returns: %TRUE when it ran or was sent
 */
gboolean
_xa_statement_send (XaStatement  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->pg != NULL)
    return xa_pg_statement_send (self->pg, error);

  return xa_statement_run (self, error);
}

/**
 * xa_statement_step_one:
 *
 * Steps a query that always yields a row, such as `SELECT count(*)`, to that row.
 *
 * Returns: %TRUE when the row can be read
 */
gboolean
xa_statement_step_one (XaStatement  *self,
                       GError      **error)
{
  switch (xa_statement_step (self, error))
    {
    case XA_STEP_ROW:
      return TRUE;
    case XA_STEP_DONE:
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL,
                           _("The database returned no answer where one was expected"));
      g_debug ("No row from: %s", xa_statement_get_sql (self));
      return FALSE;
    case XA_STEP_ERROR:
    default:
      return FALSE;
    }
}

int
xa_statement_get_n_columns (XaStatement *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->pg != NULL)
    return xa_pg_statement_get_n_columns (self->pg);

  return sqlite3_column_count (self->stmt);
}

gboolean
xa_statement_get_is_null (XaStatement *self,
                          int          column)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->pg != NULL)
    return xa_pg_statement_get_is_null (self->pg, column);

  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

/**
 * xa_statement_get_text:
 *
 * Returns: (transfer none): the column as UTF-8, "" for NULL; valid until the next step
 */
const char *
xa_statement_get_text (XaStatement *self,
                       int          column)
{
  const char *text;

  g_return_val_if_fail (self != NULL, "");

  if (self->pg != NULL)
    return xa_pg_statement_get_text (self->pg, column);

  text = (const char *) sqlite3_column_text (self->stmt, column);
  return text ? text : "";
}

/**
 * xa_statement_get_text_or_null:
 *
 * Returns: (transfer none) (nullable): the column as UTF-8, %NULL for NULL
 */
const char *
xa_statement_get_text_or_null (XaStatement *self,
                               int          column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->pg != NULL)
    return xa_pg_statement_get_is_null (self->pg, column) ? NULL
           : xa_pg_statement_get_text (self->pg, column);

  return (const char *) sqlite3_column_text (self->stmt, column);
}

int
xa_statement_get_int (XaStatement *self,
                      int          column)
{
  g_return_val_if_fail (self != NULL, 0);

  return (int) xa_statement_get_int64 (self, column);
}

gint64
xa_statement_get_int64 (XaStatement *self,
                        int          column)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->pg != NULL)
    return xa_pg_statement_get_int64 (self->pg, column);

  return sqlite3_column_int64 (self->stmt, column);
}

double
xa_statement_get_double (XaStatement *self,
                         int          column)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (self->pg != NULL)
    return xa_pg_statement_get_double (self->pg, column);

  return sqlite3_column_double (self->stmt, column);
}

/**
 * xa_statement_dup_bytes:
 *
 * Returns: (transfer full): a BLOB column's bytes (bytea on a server), empty for NULL
 */
GBytes *
xa_statement_dup_bytes (XaStatement *self,
                        int          column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->pg != NULL)
    return xa_pg_statement_dup_bytes (self->pg, column);

  return g_bytes_new (sqlite3_column_blob (self->stmt, column),
                      sqlite3_column_bytes (self->stmt, column));
}

const char *
xa_statement_get_column_name (XaStatement *self,
                              int          column)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->pg != NULL)
    return xa_pg_statement_get_column_name (self->pg, column);

  return sqlite3_column_name (self->stmt, column);
}

/**
 * xa_statement_hash_value:
 * @checksum: where the value goes
 *
 * Feeds the column's value to @checksum in the canonical form of the audit's row images:
 * a type letter (n null, i integer, r real, t text, b blob), a colon, the length in
 * bytes in decimal, a colon and the bytes (an integer in decimal, a real as printf's
 * %.17g with a dot). Each engine gives the same bytes for the same value, so an image
 * taken on one verifies on the other.
 */
void
xa_statement_hash_value (XaStatement *self,
                         int          column,
                         GChecksum   *checksum)
{
  char prefix[48];
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  const guchar *data = NULL;
  gsize size = 0;
  char type;

  g_return_if_fail (self != NULL);
  g_return_if_fail (checksum != NULL);

  if (self->pg != NULL)
    {
      /* The same bytes as SQLite's for the same value: integers and reals are read as
       * numbers and written back as below, not taken in the server's own notation. */
      switch ((type = xa_pg_statement_get_kind (self->pg, column)))
        {
        case 'i':
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT,
                      xa_pg_statement_get_int64 (self->pg, column));
          data = (const guchar *) number;
          break;
        case 'r':
          g_ascii_dtostr (number, sizeof number, xa_pg_statement_get_double (self->pg, column));
          data = (const guchar *) number;
          break;
        case 't':
          data = (const guchar *) xa_pg_statement_get_text (self->pg, column);
          break;
        default:
          break;
        }
      size = data != NULL ? strlen ((const char *) data) : 0;
    }
  else switch (sqlite3_column_type (self->stmt, column))
    {
    case SQLITE_INTEGER:
      type = 'i';
      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT,
                  (gint64) sqlite3_column_int64 (self->stmt, column));
      data = (const guchar *) number;
      size = strlen (number);
      break;
    case SQLITE_FLOAT:
      type = 'r';
      g_ascii_dtostr (number, sizeof number, sqlite3_column_double (self->stmt, column));
      data = (const guchar *) number;
      size = strlen (number);
      break;
    case SQLITE_TEXT:
      type = 't';
      data = sqlite3_column_text (self->stmt, column);
      size = sqlite3_column_bytes (self->stmt, column);
      break;
    case SQLITE_BLOB:
      type = 'b';
      data = sqlite3_column_blob (self->stmt, column);
      size = sqlite3_column_bytes (self->stmt, column);
      break;
    case SQLITE_NULL:
    default:
      type = 'n';
      break;
    }

  g_snprintf (prefix, sizeof prefix, "%c:%" G_GSIZE_FORMAT ":", type, size);
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  if (size > 0)
    g_checksum_update (checksum, data, size);
}

/**
 * xa_statement_get_sql:
 *
 * Returns: the statement's SQL, for developers' logs (never for a user's message)
 */
const char *
xa_statement_get_sql (XaStatement *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->pg != NULL)
    return xa_pg_statement_get_sql (self->pg);

  return sqlite3_sql (self->stmt);
}
