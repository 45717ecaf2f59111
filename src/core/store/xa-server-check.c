/* xa-server-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 测试连接 in the preferences: connect to a PostgreSQL server as Xiaoan would, on a
 * worker thread (a server that does not answer takes seconds), and say in one sentence
 * what was found: the server's version, whether the connection is encrypted, and
 * whether the database already holds Xiaoan's tables or is empty. Failures are the
 * sentences xa_pg_connection_open() and the store give, so that the test and the real
 * opening say the same. Here rather than in the preferences because libpq is private
 * to src/core/store/.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-pg.h"
#include "xa-server-check.h"
#include "xa-store-private.h"
#include "xa-store.h"

typedef struct
{
  char *uri;
  char *password;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->uri);
  g_free (data->password);
  g_free (data);
}

/* The schema version of Xiaoan's tables in the database, or 0 when it has none. A
 * table called meta that is not ours makes the database someone else's. */
static gboolean
read_schema_version (XaPgConnection  *connection,
                     int             *version,
                     GError         **error)
{
  g_autoptr(XaPgStatement) exists = NULL;
  g_autoptr(XaPgStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(exists = xa_pg_statement_new (connection, "SELECT to_regclass ('meta') IS NOT NULL", error)) ||
      xa_pg_statement_step (exists, error) != XA_STEP_ROW)
    return FALSE;

  *version = 0;
  if (xa_pg_statement_get_int64 (exists, 0) == 0)
    return TRUE;

  if ((stmt = xa_pg_statement_new (connection, "SELECT value FROM meta WHERE key = 'schema_version'",
                                   &local_error)) != NULL &&
      xa_pg_statement_step (stmt, &local_error) == XA_STEP_ROW)
    *version = (int) xa_pg_statement_get_int64 (stmt, 0);

  if (*version < 1)
    {
      g_debug ("A table meta without Xiaoan's schema version: %s",
               local_error ? local_error->message : "no row");
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS,
                   _("The database “%s” holds tables of another program; choose an empty database or one that Xiaoan made"),
                   xa_pg_connection_get_display (connection));
      return FALSE;
    }

  return TRUE;
}

static void
check_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr(XaPgConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server_version = NULL;
  g_autofree char *contents = NULL;
  const char *encryption;
  int version = 0;

  if (!(connection = xa_pg_connection_open (data->uri, data->password, &error)) ||
      !read_schema_version (connection, &version, &error) ||
      !_xa_store_check_not_newer (version, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  server_version = xa_pg_connection_get_server_version (connection);
  encryption = xa_pg_connection_get_tls (connection)
               ? _("encrypted connection (TLS)")
               : _("unencrypted connection, which only this computer may use");

  if (version == 0)
    contents = g_strdup (_("empty database: Xiaoan creates its tables when it first opens it"));
  else if (version < XA_STORE_SCHEMA_VERSION)
    /* Translators: %d is a number. */
    contents = g_strdup_printf (_("holds a Xiaoan database (schema version %d, brought up to date when Xiaoan opens it)"),
                                version);
  else
    /* Translators: %d is a number. */
    contents = g_strdup_printf (_("holds a Xiaoan database (schema version %d)"), version);

  g_task_return_pointer (task,
                         /* Translators: the result of 测试连接: the server's version (15.18),
                          * then “encrypted connection (TLS)” or the like, then what the
                          * database holds. */
                         g_strdup_printf (_("Connected: PostgreSQL %s, %s, %s"),
                                          server_version, encryption, contents),
                         g_free);
}

/**
 * xa_server_check_async:
 * @uri: a postgresql:// URI, as xa_server_location_to_uri() makes it
 * @password: (nullable): the password, as typed or from the keyring
 *
 * Connects to the server and reads what it holds, on a worker thread; see
 * xa_server_check_finish(). Cancelling returns at once; the worker finishes alone.
 */
void
xa_server_check_async (const char          *uri,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  g_return_if_fail (uri != NULL);

  data = g_new0 (CheckData, 1);
  data->uri = g_strdup (uri);
  data->password = g_strdup (password);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_server_check_async);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, check_worker);
}

/**
 * xa_server_check_finish:
 * @description: (out) (transfer full) (optional): on success, one sentence for the user:
 *   “Connected: PostgreSQL 15.18, encrypted connection (TLS), holds a Xiaoan database
 *   (schema version 7)”
 *
 * Returns: %TRUE when Xiaoan can use the server; otherwise %FALSE with @error set to the
 *   sentence that opening it would give (XA_STORE_ERROR)
 */
gboolean
xa_server_check_finish (GAsyncResult  *result,
                        char         **description,
                        GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  text = g_task_propagate_pointer (G_TASK (result), error);
  if (text == NULL)
    return FALSE;

  if (description != NULL)
    *description = g_steal_pointer (&text);
  return TRUE;
}
