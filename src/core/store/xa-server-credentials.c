/* xa-server-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The password of a PostgreSQL server, in the keyring through libsecret and nowhere
 * else: not in GSettings, a file or a URI. An entry is found by the server's host, port,
 * database and user, so that two servers, or two accounts on one, keep their own. It
 * goes into the default collection (the login keyring, unlocked with the session).
 * The keyring's own errors are D-Bus English; the user reads one sentence of ours and
 * the original goes to the debug log.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "xa-server-credentials.h"

G_DEFINE_QUARK (xa-server-credentials-error-quark, xa_server_credentials_error)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    XA_SERVER_CREDENTIALS_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static GHashTable *
attributes_of (const XaServerLocation *location)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, "host", g_strdup (location->host));
  g_hash_table_insert (attributes, "port", g_strdup_printf ("%d", location->port));
  g_hash_table_insert (attributes, "database", g_strdup (location->database));
  g_hash_table_insert (attributes, "user", g_strdup (location->user));

  return attributes;
}

/* The keyring's error as ours (taking @error); cancellation stays what it is, for
 * callers to ignore. */
static GError *
keyring_error (GError *error)
{
  GError *ours;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  g_debug ("Keyring: %s", error->message);
  ours = g_error_new_literal (XA_SERVER_CREDENTIALS_ERROR, XA_SERVER_CREDENTIALS_ERROR_KEYRING,
                              _("The keyring cannot be reached or refused the request, so the database password could not be read or kept there. Check that GNOME Keyring (or another secret service) runs and is unlocked."));
  g_error_free (error);
  return ours;
}

static GTask *
new_task (GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

/* Lookup */

/* A copy that g_free() releases, from libsecret's memory, which is wiped as it goes. */
static char *
take_password (char *password)
{
  char *copy = g_strdup (password);

  secret_password_free (password);
  return copy;
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_pointer (task, take_password (password), g_free);
}

/**
 * xa_server_credentials_lookup_async:
 * @location: the server whose password to find
 *
 * Looks the password of @location up in the keyring.
 */
void
xa_server_credentials_lookup_async (const XaServerLocation *location,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (location != NULL);

  task = new_task (cancellable, callback, user_data, xa_server_credentials_lookup_async);
  attributes = attributes_of (location);
  secret_password_lookupv (get_schema (), attributes, cancellable, looked_up_cb, task);
}

/**
 * xa_server_credentials_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password; %NULL without an error when the
 *   keyring holds none for the server
 */
char *
xa_server_credentials_lookup_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * xa_server_credentials_lookup_sync:
 *
 * As xa_server_credentials_lookup_async(), blocking: for xiaoan-cli.
 *
 * Returns: (transfer full) (nullable): the password; %NULL without an error when the
 *   keyring holds none for the server
 */
char *
xa_server_credentials_lookup_sync (const XaServerLocation  *location,
                                   GCancellable            *cancellable,
                                   GError                 **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  char *password;

  g_return_val_if_fail (location != NULL, NULL);

  attributes = attributes_of (location);
  password = secret_password_lookupv_sync (get_schema (), attributes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, keyring_error (g_steal_pointer (&local_error)));
      return NULL;
    }

  return take_password (password);
}

/* Store and clear */

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * xa_server_credentials_store_async:
 * @password: the password, kept in the default collection (the login keyring); it
 *   replaces the one stored for @location before
 */
void
xa_server_credentials_store_async (const XaServerLocation *location,
                                   const char             *password,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *display = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (location != NULL);
  g_return_if_fail (password != NULL);

  task = new_task (cancellable, callback, user_data, xa_server_credentials_store_async);
  attributes = attributes_of (location);
  display = xa_server_location_dup_display (location);
  /* Translators: the name of the password in the keyring (Seahorse shows it);
   * %s is user@host:port/database. */
  label = g_strdup_printf (_("Xiaoan database server %s"), display);
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, stored_cb, task);
}

gboolean
xa_server_credentials_store_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was none to remove, which is what was asked. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * xa_server_credentials_clear_async:
 *
 * Removes the password of @location from the keyring; that there was none is no error.
 */
void
xa_server_credentials_clear_async (const XaServerLocation *location,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (location != NULL);

  task = new_task (cancellable, callback, user_data, xa_server_credentials_clear_async);
  attributes = attributes_of (location);
  secret_password_clearv (get_schema (), attributes, cancellable, cleared_cb, task);
}

gboolean
xa_server_credentials_clear_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
