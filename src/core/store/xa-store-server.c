/* xa-store-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store on a PostgreSQL server, for a district whose PCs share one database. The
 * store keeps its API: what differs from a file is how it connects, how a write takes
 * the one lock every client queues for, and how a lost race is told apart from a
 * failure. Statements go through xa-pg.c, the schema through xa-store-schema-pg.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-pg.h"
#include "xa-store-private.h"
#include "xa-store.h"

/* What every connection of the store sets: a client waiting on another's lock longer than
 * this hears "busy" (and xa_store_write() tries again) instead of hanging, and text comes
 * back as the tables hold it. */
static const char session_settings[] =
  "SET lock_timeout = '20s';"
  "SET idle_in_transaction_session_timeout = '10min';"
  "SET client_min_messages = warning;";

static XaPgConnection *
connect_server (XaStore  *self,
                GError  **error)
{
  g_autoptr(XaPgConnection) connection = NULL;

  if (!(connection = xa_pg_connection_open (self->uri, self->password, error)) ||
      !xa_pg_connection_exec (connection, session_settings, error))
    return NULL;

  return g_steal_pointer (&connection);
}

static char *
read_schema_name (XaPgConnection  *connection,
                  GError         **error)
{
  g_autoptr(XaPgStatement) stmt = xa_pg_statement_new (connection, "SELECT current_schema ()", error);

  if (stmt == NULL || xa_pg_statement_step (stmt, error) != XA_STEP_ROW)
    return NULL;

  return g_strdup (xa_pg_statement_get_text (stmt, 0));
}

/**
 * xa_store_location_is_server:
 * @location: (nullable): what `--database`, `XIAOAN_DATABASE` or the preferences name
 *
 * Returns: %TRUE for a `postgresql://` URI, %FALSE for a file path
 */
gboolean
xa_store_location_is_server (const char *location)
{
  return xa_pg_is_uri (location);
}

static XaStore *
open_server (const char  *uri,
             const char  *password,
             gboolean     for_reading,
             GError     **error)
{
  g_autoptr(XaStore) self = NULL;

  g_return_val_if_fail (xa_pg_is_uri (uri), NULL);

  self = _xa_store_new ();
  self->uri = g_strdup (uri);
  self->password = g_strdup (password);

  if (!(self->pg = connect_server (self, error)))
    return NULL;
  self->path = g_strdup (xa_pg_connection_get_display (self->pg));
  if (!(self->server_schema = read_schema_name (self->pg, error)))
    return NULL;

  if (for_reading)
    {
      /* Nothing is created or migrated: the version is only read. */
      self->read_only = TRUE;
      if (!_xa_store_pg_read_version (self->pg, &self->schema_version, error) ||
          !_xa_store_check_not_newer (self->schema_version, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!_xa_store_pg_migrate (self->pg, XA_STORE_SCHEMA_VERSION, error))
    return NULL;
  self->schema_version = XA_STORE_SCHEMA_VERSION;

  if (!_xa_store_record_baseline (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * xa_store_open_server:
 * @uri: a `postgresql://` URI, without its password
 * @password: (nullable): the password, as the keyring keeps it; %NULL leaves it to
 *   libpq's own sources (PGPASSWORD, the password file)
 *
 * Connects to the server and brings its database to %XA_STORE_SCHEMA_VERSION, as
 * xa_store_open() does a file. A database of another program, or of a newer Xiaoan, is
 * refused and left untouched; a remote server without TLS is refused.
 *
 * Returns: (transfer full): the store, or %NULL
 */
XaStore *
xa_store_open_server (const char  *uri,
                      const char  *password,
                      GError     **error)
{
  return open_server (uri, password, FALSE, error);
}

/**
 * xa_store_open_server_read_only:
 *
 * Connects for reading only, as xa_store_open_read_only() opens a file: nothing is
 * created or migrated, and every write is refused. An empty database opens at schema 0;
 * xa_store_get_schema_version() says which.
 *
 * Returns: (transfer full): the store, or %NULL
 */
XaStore *
xa_store_open_server_read_only (const char  *uri,
                                const char  *password,
                                GError     **error)
{
  return open_server (uri, password, TRUE, error);
}

/**
 * xa_store_open_location:
 * @location: a file path or a `postgresql://` URI
 * @password: (nullable): the server's password; unused for a file
 * @for_reading: whether to open for reading only (see xa_store_open_read_only())
 *
 * Returns: (transfer full): the store of a file or of a server, or %NULL
 */
XaStore *
xa_store_open_location (const char  *location,
                        const char  *password,
                        gboolean     for_reading,
                        GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);

  if (xa_pg_is_uri (location))
    return open_server (location, password, for_reading, error);

  return for_reading ? xa_store_open_read_only (location, error) : xa_store_open (location, error);
}

/**
 * _xa_store_open_server_reader:
 *
 * Returns: (transfer full) (nullable): a second connection, for threads other than the
 *   owner, or %NULL when it cannot be made (they then read through the writer)
 */
XaPgConnection *
_xa_store_open_server_reader (XaStore *self)
{
  g_autoptr(GError) error = NULL;
  XaPgConnection *reader = connect_server (self, &error);

  if (reader == NULL)
    g_debug ("No reader connection for %s: %s", self->path, error->message);

  return reader;
}

/**
 * _xa_store_server_begin_write:
 *
 * Begins a write on the server. Every client's write takes one lock first, the same
 * that migrations take (XA_STORE_PG_LOCK), for the whole transaction: writes queue as
 * on a SQLite file, the chain's head is read and extended by one writer at a time, and
 * the chain never forks.
 */
gboolean
_xa_store_server_begin_write (XaStore  *self,
                              GError  **error)
{
  /* One round trip for both. */
  if (!xa_pg_connection_exec (self->pg, "BEGIN; " XA_STORE_PG_LOCK, error))
    {
      xa_pg_connection_exec (self->pg, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * _xa_store_begin_batch:
 *
 * Inside a write on a server, starts sending the statements that _xa_statement_send()
 * runs without waiting for them (xa_pg_connection_begin_batch()); on SQLite nothing
 * waits, and they run at once. Always end it with _xa_store_end_batch().
 */
void
_xa_store_begin_batch (XaStore *self)
{
  g_return_if_fail (self->in_write);

  if (self->pg != NULL)
    xa_pg_connection_begin_batch (self->pg);
}

/**
 * _xa_store_end_batch:
 *
 * Returns: %TRUE when every statement of the batch ran, else the first failure
 */
gboolean
_xa_store_end_batch (XaStore  *self,
                     GError  **error)
{
  return self->pg == NULL || xa_pg_connection_end_batch (self->pg, error);
}
