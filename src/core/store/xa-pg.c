/* xa-pg.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PostgreSQL through libpq, for a district that puts every PC on one server. Domain SQL
 * is written once with SQLite's placeholders (?, ?N, :name); they become $N here.
 * Results come back as text and are read with the same getters as SQLite's, so that the
 * statements of domain code run unchanged on either engine. Server errors become the
 * store's error codes and sentences in words, never the server's English text.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "xa-pg.h"
#include "xa-store-private.h"
#include "xa-store.h"

/* A program runs a few hundred distinct statements, each thousands of times: each is
 * parsed and planned once per connection and run by name after that. SQL built with a
 * varying shape (a multi-row INSERT) past this many goes unnamed, planned each time. */
#define MAX_PREPARED 512

struct _XaPgConnection
{
  PGconn     *conn;
  char       *display;
  int         last_changes;  /* rows the last INSERT, UPDATE or DELETE changed */
  GHashTable *prepared;      /* translated SQL → name of its prepared statement */
  /* In a batch (pipeline mode): what each result on its way belongs to, in order */
  GArray     *sent;
};

/* A result a batch awaits: a statement's, or a prepare's (stmt NULL, name the one it
 * makes, forgotten if the prepare fails). */
typedef struct
{
  XaPgStatement *stmt;
  char          *name;
} Sent;

struct _XaPgStatement
{
  XaPgConnection *connection;
  char           *sql;
  GPtrArray      *names;    /* index - 1 → ":name" or NULL */
  int             n_params;
  char          **values;   /* n_params texts, NULL for SQL NULL */
  int            *lengths;  /* n_params byte counts, for the values sent as bytes */
  int            *formats;  /* n_params: 0 for text, 1 for bytes (bytea) */
  Oid            *types;    /* 0 to let the server infer, text for a parameter not used */
  PGresult       *result;
  int             row;
};

gboolean
xa_pg_is_uri (const char *uri)
{
  return uri != NULL &&
         (g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://"));
}

/**
 * xa_pg_translate_sql:
 * @names: (out) (optional) (transfer full): the name of each parameter by its index - 1,
 *   %NULL for a numbered one
 * @n_params: (out): how many parameters the statement takes
 *
 * Rewrites SQLite's placeholders as PostgreSQL's: `?` takes the next number after the
 * largest so far, `?N` is $N, and each distinct `:name` gets a number of its own, as
 * SQLite numbers them. Quoted text, quoted names, comments and `::` casts are left alone.
 *
 * Returns: (transfer full): the SQL for libpq, or %NULL with @error set
 */
char *
xa_pg_translate_sql (const char  *sql,
                     GPtrArray  **names,
                     int         *n_params,
                     GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) by_index = g_ptr_array_new_with_free_func (g_free);
  int largest = 0;

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *end = p + 1;

          /* A doubled quote inside stays inside. */
          while (*end != '\0' && !(*end == quote && end[1] != quote))
            end += (*end == quote) ? 2 : 1;
          if (*end == '\0')
            {
              g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL,
                           "Unterminated quote in: %s", sql);
              return NULL;
            }
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p) - 1;
          g_string_append_len (out, p, end - p + 1);
          p = end;
        }
      else if (p[0] == ':' && p[1] == ':')
        {
          g_string_append (out, "::");
          p++;
        }
      else if (*p == '?')
        {
          int index;

          if (g_ascii_isdigit (p[1]))
            {
              char *end = NULL;

              index = (int) g_ascii_strtoll (p + 1, &end, 10);
              p = end - 1;
            }
          else
            index = largest + 1;

          if (index < 1 || index > 32766)
            {
              g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL,
                           "Parameter number out of range in: %s", sql);
              return NULL;
            }

          largest = MAX (largest, index);
          g_string_append_printf (out, "$%d", index);
        }
      else if (*p == ':' && (g_ascii_isalpha (p[1]) || p[1] == '_'))
        {
          const char *end = p + 1;
          g_autofree char *name = NULL;
          int index = 0;

          while (g_ascii_isalnum (*end) || *end == '_')
            end++;
          name = g_strndup (p, end - p);

          for (guint i = 0; i < by_index->len; i++)
            {
              if (g_strcmp0 (by_index->pdata[i], name) == 0)
                index = i + 1;
            }
          if (index == 0)
            index = largest + 1;

          largest = MAX (largest, index);
          while ((int) by_index->len < index)
            g_ptr_array_add (by_index, NULL);
          g_free (by_index->pdata[index - 1]);
          by_index->pdata[index - 1] = g_strdup (name);

          g_string_append_printf (out, "$%d", index);
          p = end - 1;
        }
      else
        g_string_append_c (out, *p);
    }

  while ((int) by_index->len < largest)
    g_ptr_array_add (by_index, NULL);

  *n_params = largest;
  if (names != NULL)
    *names = g_steal_pointer (&by_index);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Errors */

static const char *
sqlstate_of (const PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  return state ? state : "";
}

/* The server's error as the store's: a serialisation failure or a deadlock is "busy"
 * (the store tries such a write again), a trigger's message is translated as SQLite's
 * are, and the rest are named in words with the server they come from. */
static void
set_error_from_result (XaPgConnection  *self,
                       const PGresult  *result,
                       const char      *sql,
                       GError         **error)
{
  const char *state = sqlstate_of (result);
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *column = result ? PQresultErrorField (result, PG_DIAG_COLUMN_NAME) : NULL;
  const char *constraint = result ? PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME) : NULL;

  g_debug ("PostgreSQL error %s (%s) on: %s", state,
           primary ? primary : PQerrorMessage (self->conn), sql ? sql : "(none)");

  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
      g_str_equal (state, "55P03"))
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY,
                 _("The database “%s” is in use by another program; try again in a moment"),
                 self->display);
  else if (g_str_equal (state, "P0001") && _xa_store_trigger_message (primary) != NULL)
    g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                         _xa_store_trigger_message (primary));
  else if (g_str_equal (state, "23505"))
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                 _("Another record already has this value (%s)"), constraint ? constraint : "");
  else if (g_str_equal (state, "23502"))
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                 _("A required value is missing (%s)"), column ? column : "");
  else if (g_str_equal (state, "23503"))
    g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                         _("The change refers to a record that does not exist, or removes one that others still refer to"));
  else if (g_str_has_prefix (state, "23"))
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT,
                 _("The change breaks a rule of the stored data (%s)"), constraint ? constraint : "");
  else if (g_str_equal (state, "42501") || g_str_equal (state, "25006"))
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY,
                 _("The database server “%s” does not let this account see or change these records; ask the administrator of the server"),
                 self->display);
  else if (g_str_equal (state, "53100"))
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_FULL,
                 _("The disk of the database server “%s” is full; nothing was changed. Tell the administrator of the server."),
                 self->display);
  else if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57") ||
           PQstatus (self->conn) != CONNECTION_OK)
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_IO,
                 _("The connection to the database server “%s” was lost; check the network and try again"),
                 self->display);
  else
    g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL,
                 _("The database server “%s” could not carry out the request (error %s)"),
                 self->display, state[0] != '\0' ? state : "?");
}

/* Connection */

/* The server's notices (a cascade that dropped more, a deprecated setting) are for
 * developers: they go to the debug log, not to a user's terminal. */
static void
notice_cb (void       *user_data,
           const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

/* Only a connection that stays on this machine may go without TLS. */
static gboolean
host_is_local (const char *host)
{
  return host == NULL || host[0] == '\0' || host[0] == '/' ||
         g_str_equal (host, "localhost") || g_str_equal (host, "127.0.0.1") ||
         g_str_equal (host, "::1");
}

/**
 * xa_pg_connection_open:
 * @uri: a `postgresql://` URI; what it leaves out comes from libpq's environment
 *   (PGHOST, PGUSER…) and the password file, never from the URI we log
 * @password: (nullable): the password, as the keyring gives it; never part of @uri,
 *   which may end up in a log or a setting
 *
 * Connects, in UTF-8. A server that is not on this machine must speak TLS: data of
 * schools is not sent in the clear, and the message says what the administrator must do.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
XaPgConnection *
xa_pg_connection_open (const char  *uri,
                       const char  *password,
                       GError     **error)
{
  g_autoptr(XaPgConnection) self = g_new0 (XaPgConnection, 1);
  const char *keys[] = { "dbname", "password", NULL };
  const char *values[] = { uri, password, NULL };
  const char *host;

  /* dbname is expanded as the whole URI; a NULL password leaves libpq's own sources. */
  if (password == NULL || password[0] == '\0')
    keys[1] = NULL;
  self->conn = PQconnectdbParams (keys, values, TRUE);
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sent = g_array_new (FALSE, TRUE, sizeof (Sent));
  host = PQhost (self->conn);
  self->display = g_strdup_printf ("%s@%s:%s/%s",
                                   PQuser (self->conn) ? PQuser (self->conn) : "",
                                   host != NULL && host[0] != '\0' ? host : "localhost",
                                   PQport (self->conn) ? PQport (self->conn) : "",
                                   PQdb (self->conn) ? PQdb (self->conn) : "");

  PQsetNoticeProcessor (self->conn, notice_cb, NULL);

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_debug ("Cannot connect to %s: %s", self->display, PQerrorMessage (self->conn));
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("Cannot connect to the database server “%s”: check the address, the account and the password, and that the server runs"),
                   self->display);
      return NULL;
    }

  if (!host_is_local (host) && !PQsslInUse (self->conn))
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("The database server “%s” offers no encrypted (TLS) connection, and school data is not sent over the network unencrypted. Ask the administrator to turn TLS on (ssl = on in postgresql.conf)."),
                   self->display);
      return NULL;
    }

  if (PQsetClientEncoding (self->conn, "UTF8") != 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN,
                   _("The database server “%s” cannot exchange text as UTF-8"), self->display);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
xa_pg_connection_free (XaPgConnection *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->prepared, g_hash_table_unref);
  for (guint i = 0; self->sent != NULL && i < self->sent->len; i++)
    g_free (g_array_index (self->sent, Sent, i).name);
  g_clear_pointer (&self->sent, g_array_unref);
  g_free (self->display);
  g_free (self);
}

/**
 * xa_pg_connection_get_display:
 *
 * Returns: the server as messages name it: user@host:port/database, no password
 */
const char *
xa_pg_connection_get_display (XaPgConnection *self)
{
  return self->display;
}

/* Only what changed rows counts, as with SQLite: a SELECT leaves the count. */
static void
note_changes (XaPgConnection *self,
              PGresult       *result)
{
  const char *command = PQcmdStatus (result);
  const char *tuples = PQcmdTuples (result);

  if (g_str_has_prefix (command, "INSERT") || g_str_has_prefix (command, "UPDATE") ||
      g_str_has_prefix (command, "DELETE"))
    self->last_changes = tuples[0] != '\0' ? atoi (tuples) : 0;
}

gboolean
xa_pg_connection_exec (XaPgConnection  *self,
                       const char      *sql,
                       GError         **error)
{
  PGresult *result = PQexec (self->conn, sql);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    set_error_from_result (self, result, sql, error);
  else
    note_changes (self, result);
  PQclear (result);

  return ok;
}

/**
 * xa_pg_connection_get_tls:
 *
 * Returns: whether the connection is encrypted (TLS)
 */
gboolean
xa_pg_connection_get_tls (XaPgConnection *self)
{
  return PQsslInUse (self->conn) != 0;
}

/**
 * xa_pg_connection_get_server_version:
 *
 * Returns: (transfer full): the server's version as people write it: 15.18, or 9.6.24
 *   before PostgreSQL 10
 */
char *
xa_pg_connection_get_server_version (XaPgConnection *self)
{
  int version = PQserverVersion (self->conn);

  if (version >= 100000)
    return g_strdup_printf ("%d.%d", version / 10000, version % 10000);

  return g_strdup_printf ("%d.%d.%d", version / 10000, version / 100 % 100, version % 100);
}

/* Statements */

/* SQLite takes values for numbered parameters a statement does not use (?3 alone, with
 * ?1 and ?2 bound as in its sibling statements); the server cannot type those and
 * refuses. They go as text, which nothing reads; the others are typed by the server
 * from where they stand. */
static Oid *
unused_as_text (const char *sql,
                int         n_params)
{
  g_autofree gboolean *used = g_new0 (gboolean, n_params + 1);
  Oid *types = g_new0 (Oid, n_params + 1);

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (*p == '\'')
        {
          for (p++; *p != '\0' && *p != '\''; p++)
            ;
          if (*p == '\0')
            break;
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        {
          char *end = NULL;
          gint64 index = g_ascii_strtoll (p + 1, &end, 10);

          if (index >= 1 && index <= n_params)
            used[index] = TRUE;
          p = end - 1;
        }
    }

  for (int i = 1; i <= n_params; i++)
    types[i - 1] = used[i] ? 0 : 25 /* text */;

  return types;
}

XaPgStatement *
xa_pg_statement_new (XaPgConnection  *connection,
                     const char      *sql,
                     GError         **error)
{
  g_autoptr(XaPgStatement) self = g_new0 (XaPgStatement, 1);

  self->connection = connection;
  if (!(self->sql = xa_pg_translate_sql (sql, &self->names, &self->n_params, error)))
    return NULL;
  self->values = g_new0 (char *, self->n_params + 1);
  self->lengths = g_new0 (int, self->n_params + 1);
  self->formats = g_new0 (int, self->n_params + 1);
  self->types = unused_as_text (self->sql, self->n_params);
  self->row = -1;

  return g_steal_pointer (&self);
}

void
xa_pg_statement_free (XaPgStatement *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->result, PQclear);
  for (int i = 0; i < self->n_params; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->lengths);
  g_free (self->formats);
  g_free (self->types);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_free (self->sql);
  g_free (self);
}

void
xa_pg_statement_reset (XaPgStatement *self)
{
  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
  for (int i = 0; i < self->n_params; i++)
    {
      g_clear_pointer (&self->values[i], g_free);
      self->formats[i] = 0;
    }
}

int
xa_pg_statement_param (XaPgStatement *self,
                       const char    *name)
{
  for (guint i = 0; self->names != NULL && i < self->names->len; i++)
    {
      if (g_strcmp0 (self->names->pdata[i], name) == 0)
        return i + 1;
    }

  g_critical ("The statement has no parameter %s: %s", name, self->sql);
  return 0;
}

static void
set_value (XaPgStatement *self,
           int            index,
           char          *value)
{
  if (index < 1 || index > self->n_params)
    {
      g_critical ("The statement has no parameter %d: %s", index, self->sql);
      g_free (value);
      return;
    }

  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
  self->formats[index - 1] = 0;
}

void
xa_pg_statement_bind_text (XaPgStatement *self,
                           int            index,
                           const char    *value)
{
  set_value (self, index, g_strdup (value));
}

void
xa_pg_statement_bind_int64 (XaPgStatement *self,
                            int            index,
                            gint64         value)
{
  set_value (self, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
xa_pg_statement_bind_double (XaPgStatement *self,
                             int            index,
                             double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  set_value (self, index, g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

/**
 * xa_pg_statement_bind_bytes:
 * @data: (array length=length): the bytes, sent as they are (binary format): a photo
 *   goes to a bytea column without doubling in size as hex text
 */
void
xa_pg_statement_bind_bytes (XaPgStatement *self,
                            int            index,
                            gconstpointer  data,
                            gsize          length)
{
  g_return_if_fail (length <= G_MAXINT);

  /* g_memdup2 () gives NULL for no bytes, which would be SQL NULL: an empty value
   * keeps a buffer of its own. */
  set_value (self, index, length > 0 ? g_memdup2 (data, length) : g_malloc (1));
  if (index >= 1 && index <= self->n_params)
    {
      self->lengths[index - 1] = (int) length;
      self->formats[index - 1] = 1;
    }
}

/**
 * xa_pg_statement_dup_bytes:
 *
 * Returns: (transfer full): a bytea column's bytes (the server sends them as hex text),
 *   empty for NULL
 */
GBytes *
xa_pg_statement_dup_bytes (XaPgStatement *self,
                           int            column)
{
  size_t length = 0;
  unsigned char *data;

  if (xa_pg_statement_get_is_null (self, column))
    return g_bytes_new (NULL, 0);

  data = PQunescapeBytea ((const unsigned char *) PQgetvalue (self->result, self->row, column), &length);
  if (data == NULL)
    return g_bytes_new (NULL, 0);

  return g_bytes_new_with_free_func (data, length, (GDestroyNotify) PQfreemem, data);
}

static gboolean
in_batch (XaPgConnection *self)
{
  return PQpipelineStatus (self->conn) != PQ_PIPELINE_OFF;
}

/* Finds or makes the server's prepared statement for @self's SQL. A prepared statement
 * outlives the transaction that made it, even one rolled back, so one made is kept.
 * *name is NULL when the connection holds its most: the statement then runs unnamed.
 * In a batch, the prepare goes with it; one that fails there is forgotten at its end. */
static gboolean
find_prepared (XaPgStatement  *self,
               const char    **name,
               GError        **error)
{
  XaPgConnection *connection = self->connection;
  g_autofree char *new_name = NULL;
  PGresult *result;
  gboolean prepared;

  if ((*name = g_hash_table_lookup (connection->prepared, self->sql)) != NULL)
    return TRUE;
  if (g_hash_table_size (connection->prepared) >= MAX_PREPARED)
    return TRUE;

  new_name = g_strdup_printf ("xa_%u", g_hash_table_size (connection->prepared) + 1);
  if (in_batch (connection))
    {
      Sent sent = { NULL, g_strdup (new_name) };

      if (!PQsendPrepare (connection->conn, new_name, self->sql, self->n_params, self->types))
        {
          g_free (sent.name);
          set_error_from_result (connection, NULL, self->sql, error);
          return FALSE;
        }
      g_array_append_val (connection->sent, sent);
    }
  else
    {
      result = PQprepare (connection->conn, new_name, self->sql, self->n_params, self->types);
      prepared = PQresultStatus (result) == PGRES_COMMAND_OK;
      if (!prepared)
        set_error_from_result (connection, result, self->sql, error);
      PQclear (result);
      if (!prepared)
        return FALSE;
    }

  *name = new_name;
  g_hash_table_insert (connection->prepared, g_strdup (self->sql), g_steal_pointer (&new_name));
  return TRUE;
}

static gboolean
run_statement (XaPgStatement  *self,
               GError        **error)
{
  ExecStatusType status;
  const char *name = NULL;

  if (!find_prepared (self, &name, error))
    return FALSE;

  if (name != NULL)
    self->result = PQexecPrepared (self->connection->conn, name, self->n_params,
                                   (const char * const *) self->values, self->lengths,
                                   self->formats, 0);
  else
    self->result = PQexecParams (self->connection->conn, self->sql, self->n_params, self->types,
                                 (const char * const *) self->values, self->lengths,
                                 self->formats, 0);
  status = PQresultStatus (self->result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      set_error_from_result (self->connection, self->result, self->sql, error);
      g_clear_pointer (&self->result, PQclear);
      return FALSE;
    }

  self->row = -1;
  note_changes (self->connection, self->result);
  return TRUE;
}

/**
 * xa_pg_statement_step:
 *
 * Runs the statement on its first step (or when its columns were first asked for),
 * then walks the rows it returned.
 */
XaStep
xa_pg_statement_step (XaPgStatement  *self,
                      GError        **error)
{
  if (self->result == NULL && !run_statement (self, error))
    return XA_STEP_ERROR;

  if (PQresultStatus (self->result) != PGRES_TUPLES_OK)
    return XA_STEP_DONE;

  self->row++;
  return self->row < PQntuples (self->result) ? XA_STEP_ROW : XA_STEP_DONE;
}

/**
 * xa_pg_connection_begin_batch:
 *
 * Starts a batch: the statements xa_pg_statement_send() runs until
 * xa_pg_connection_end_batch() go to the server one after the other without waiting
 * for each other's results (libpq's pipeline mode), all in one round trip. For a
 * sequence of writes whose results nothing reads before the last: on a server each
 * statement waited for is a round trip, most of the time a write takes. End every batch
 * begun, whatever happened in it; nothing else may run on the connection meanwhile.
 */
void
xa_pg_connection_begin_batch (XaPgConnection *self)
{
  /* A connection that cannot enter pipeline mode runs the batch one statement at a time. */
  if (!PQenterPipelineMode (self->conn))
    g_debug ("No pipeline mode on %s: %s", self->display, PQerrorMessage (self->conn));
}

/**
 * xa_pg_statement_send:
 *
 * Runs the statement in the batch under way, without waiting: its result is there once
 * xa_pg_connection_end_batch() returned (the last one, if the statement was sent again
 * with other values). Outside a batch it runs at once. The statement must live until
 * the batch ends.
 *
 * Returns: whether it was sent (or, outside a batch, ran); a failure on the server shows
 *   at the end of the batch
 */
gboolean
xa_pg_statement_send (XaPgStatement  *self,
                      GError        **error)
{
  XaPgConnection *connection = self->connection;
  const char *name = NULL;
  Sent sent = { self, NULL };
  int ok;

  g_clear_pointer (&self->result, PQclear);
  if (!in_batch (connection))
    return run_statement (self, error);

  if (!find_prepared (self, &name, error))
    return FALSE;

  if (name != NULL)
    ok = PQsendQueryPrepared (connection->conn, name, self->n_params,
                              (const char * const *) self->values, self->lengths,
                              self->formats, 0);
  else
    ok = PQsendQueryParams (connection->conn, self->sql, self->n_params, self->types,
                            (const char * const *) self->values, self->lengths,
                            self->formats, 0);
  if (!ok)
    {
      set_error_from_result (connection, NULL, self->sql, error);
      return FALSE;
    }

  g_array_append_val (connection->sent, sent);
  return TRUE;
}

static gboolean
has_name (gpointer key,
          gpointer value,
          gpointer name)
{
  return g_str_equal (value, name);
}

/* Takes the result of what @sent sent: into its statement, or for a prepare that did
 * not happen (failed, or skipped after a failure), out of the prepared statements. */
static void
take_result (XaPgConnection  *self,
             Sent            *sent,
             PGresult        *result,
             GError         **first_error)
{
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      if (sent->stmt != NULL)
        {
          g_clear_pointer (&sent->stmt->result, PQclear);
          sent->stmt->result = result;
          sent->stmt->row = -1;
          note_changes (self, result);
          return;
        }
    }
  else
    {
      /* After a failure the server skips the rest of the batch: the first one counts. */
      if (status != PGRES_PIPELINE_ABORTED && *first_error == NULL)
        set_error_from_result (self, result, sent->stmt ? sent->stmt->sql : NULL, first_error);
      if (sent->name != NULL)
        g_hash_table_foreach_remove (self->prepared, has_name, sent->name);
    }

  PQclear (result);
}

/**
 * xa_pg_connection_end_batch:
 *
 * Waits for every statement of the batch (one round trip) and ends it.
 *
 * Returns: %TRUE when all of them ran; else the first failure, in @error, and the
 *   statements after it did not run
 */
gboolean
xa_pg_connection_end_batch (XaPgConnection  *self,
                            GError         **error)
{
  g_autoptr(GError) first_error = NULL;
  PGresult *result;
  guint taken = 0;

  if (!in_batch (self))
    return TRUE;

  if (PQpipelineSync (self->conn))
    {
      for (; taken < self->sent->len; taken++)
        {
          Sent *sent = &g_array_index (self->sent, Sent, taken);

          if ((result = PQgetResult (self->conn)) == NULL)
            break;
          take_result (self, sent, result, &first_error);
          /* Each statement's results end with NULL. */
          while ((result = PQgetResult (self->conn)) != NULL)
            PQclear (result);
        }

      /* Then the sync's own. */
      if (taken == self->sent->len && (result = PQgetResult (self->conn)) != NULL)
        PQclear (result);
    }

  if (!PQexitPipelineMode (self->conn) || taken < self->sent->len)
    {
      g_debug ("A batch on %s ended after %u of %u results: %s", self->display, taken,
               self->sent->len, PQerrorMessage (self->conn));
      if (first_error == NULL)
        set_error_from_result (self, NULL, NULL, &first_error);
    }

  for (guint i = 0; i < self->sent->len; i++)
    g_free (g_array_index (self->sent, Sent, i).name);
  g_array_set_size (self->sent, 0);

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

/* SQLite knows a statement's columns once it is prepared; the server tells them with
 * the result. A caller that asks before the first step (with its parameters bound) has
 * the statement run now; a failure then shows at that step. */
static gboolean
ensure_result (XaPgStatement *self)
{
  return self->result != NULL || run_statement (self, NULL);
}

int
xa_pg_statement_get_n_columns (XaPgStatement *self)
{
  return ensure_result (self) ? PQnfields (self->result) : 0;
}

gboolean
xa_pg_statement_get_is_null (XaPgStatement *self,
                             int            column)
{
  return self->result == NULL || self->row < 0 ||
         PQgetisnull (self->result, self->row, column);
}

/**
 * xa_pg_statement_get_text:
 *
 * Returns: (transfer none): the column as text, "" for NULL, as SQLite's getter
 */
const char *
xa_pg_statement_get_text (XaPgStatement *self,
                          int            column)
{
  if (xa_pg_statement_get_is_null (self, column))
    return "";

  return PQgetvalue (self->result, self->row, column);
}

/* A boolean comes back as t or f; SQLite's answer to the same expression is 1 or 0. */
gint64
xa_pg_statement_get_int64 (XaPgStatement *self,
                           int            column)
{
  const char *text = xa_pg_statement_get_text (self, column);

  if (g_str_equal (text, "t"))
    return 1;
  if (g_str_equal (text, "f"))
    return 0;

  return g_ascii_strtoll (text, NULL, 10);
}

double
xa_pg_statement_get_double (XaPgStatement *self,
                            int            column)
{
  return g_ascii_strtod (xa_pg_statement_get_text (self, column), NULL);
}

/**
 * xa_pg_statement_count_changes:
 *
 * Returns: how many rows the INSERT, UPDATE or DELETE changed
 */
int
xa_pg_statement_count_changes (XaPgStatement *self)
{
  const char *tuples = self->result ? PQcmdTuples (self->result) : "";

  return tuples[0] != '\0' ? atoi (tuples) : 0;
}

/**
 * xa_pg_connection_count_changes:
 *
 * Returns: how many rows the last INSERT, UPDATE or DELETE run on @self changed, as
 *   sqlite3_changes() tells it
 */
int
xa_pg_connection_count_changes (XaPgConnection *self)
{
  return self->last_changes;
}

const char *
xa_pg_statement_get_column_name (XaPgStatement *self,
                                 int            column)
{
  return ensure_result (self) ? PQfname (self->result, column) : NULL;
}

const char *
xa_pg_statement_get_sql (XaPgStatement *self)
{
  return self->sql;
}

/* The type OIDs of pg_type.h (server/catalog), stable across releases. */
#define PG_TYPE_BOOL    16
#define PG_TYPE_INT8    20
#define PG_TYPE_INT2    21
#define PG_TYPE_INT4    23
#define PG_TYPE_FLOAT4  700
#define PG_TYPE_FLOAT8  701
#define PG_TYPE_NUMERIC 1700

/**
 * xa_pg_statement_get_kind:
 *
 * Returns: the column's value as the audit's canonical form types it: 'n' NULL,
 *   'i' integer, 'r' real, 't' text (see xa_statement_hash_value()); the schema keeps
 *   no bytes
 */
char
xa_pg_statement_get_kind (XaPgStatement *self,
                          int            column)
{
  if (xa_pg_statement_get_is_null (self, column))
    return 'n';

  switch (PQftype (self->result, column))
    {
    case PG_TYPE_BOOL:
    case PG_TYPE_INT2:
    case PG_TYPE_INT4:
    case PG_TYPE_INT8:
      return 'i';
    case PG_TYPE_FLOAT4:
    case PG_TYPE_FLOAT8:
    case PG_TYPE_NUMERIC:
      return 'r';
    default:
      return 't';
    }
}

/**
 * xa_pg_text_array:
 * @values: (element-type utf8): texts, none %NULL
 *
 * The literal of a text[] parameter, so that one statement takes a list of any length:
 * each element quoted, with its quotes and backslashes escaped.
 *
 * Returns: (transfer full): the literal, such as {"a","b \"c\""}
 */
char *
xa_pg_text_array (GPtrArray *values)
{
  GString *literal = g_string_new ("{");

  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append_c (literal, ',');
      g_string_append_c (literal, '"');
      for (const char *p = g_ptr_array_index (values, i); *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (literal, '\\');
          g_string_append_c (literal, *p);
        }
      g_string_append_c (literal, '"');
    }
  g_string_append_c (literal, '}');

  return g_string_free (literal, FALSE);
}
