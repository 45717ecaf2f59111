/* xa-server-location.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PostgreSQL server as the preferences name it (host, port, database, user, TLS mode)
 * and as libpq takes it (a postgresql:// URI), both ways. Each part is percent-escaped,
 * so that a user name with @ or a database name with a space survives the trip; an IPv6
 * address goes in brackets. The password is never part of either: a URI that carries
 * one is refused, since addresses end up in settings, logs and command lines.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/util/xa-glib-compat.h"
#include "core/util/xa-text.h"
#include "xa-server-location.h"

G_DEFINE_BOXED_TYPE (XaServerLocation, xa_server_location,
                     xa_server_location_copy, xa_server_location_free)

G_DEFINE_QUARK (xa-server-location-error-quark, xa_server_location_error)

/* PostgreSQL cuts names at NAMEDATALEN - 1 bytes; in characters this is a safe bound. */
#define MAX_NAME_CHARS 63

/* How long libpq tries one address before it gives up, in seconds: a server that does
 * not answer should say so while the user still waits, not after TCP's minutes. */
#define CONNECT_TIMEOUT "10"

static const char * const ssl_modes[] = {
  "disable", "allow", "prefer", "require", "verify-ca", "verify-full",
};

static gboolean
is_ssl_mode (const char *mode)
{
  for (guint i = 0; i < G_N_ELEMENTS (ssl_modes); i++)
    if (g_strcmp0 (mode, ssl_modes[i]) == 0)
      return TRUE;

  return FALSE;
}

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID, message);
}

/* One part of the URI, percent-decoded, or %NULL when it does not decode to UTF-8. */
static char *
decode_part (const char *part)
{
  g_autofree char *decoded = NULL;

  if (part == NULL)
    return g_strdup ("");

  decoded = g_uri_unescape_string (part, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return NULL;

  return g_steal_pointer (&decoded);
}

/**
 * xa_server_location_new:
 * @host: (nullable): the host; white space around it is dropped
 * @port: the port, 1–65535
 * @database: (nullable): the database name
 * @user: (nullable): the login role
 * @tls: (nullable): libpq's sslmode for a remote host
 *
 * Returns: (transfer full): a location; check it with xa_server_location_validate()
 */
XaServerLocation *
xa_server_location_new (const char *host,
                        int         port,
                        const char *database,
                        const char *user,
                        const char *tls)
{
  XaServerLocation *self = g_new0 (XaServerLocation, 1);

  self->host = g_strstrip (g_strdup (host ? host : ""));
  self->port = port;
  self->database = g_strdup (database ? database : "");
  self->user = g_strdup (user ? user : "");
  self->tls = g_strdup (tls);

  return self;
}

/**
 * xa_server_location_new_from_settings:
 * @settings: the application's settings (server-host, server-port, server-database,
 *   server-user and server-tls)
 *
 * Returns: (transfer full): the server the preferences name
 */
XaServerLocation *
xa_server_location_new_from_settings (GSettings *settings)
{
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *tls = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  host = g_settings_get_string (settings, "server-host");
  database = g_settings_get_string (settings, "server-database");
  user = g_settings_get_string (settings, "server-user");
  tls = g_settings_get_string (settings, "server-tls");

  return xa_server_location_new (host, g_settings_get_int (settings, "server-port"),
                                 database, user, tls);
}

/**
 * xa_server_location_parse:
 * @uri: a postgresql:// or postgres:// URI, as `--database` takes it
 *
 * Reads the server out of @uri: the parts of the URI and the host, port, user, dbname
 * and sslmode parameters, which override them as they do in libpq. Other parameters
 * are left to libpq. What the URI leaves out is empty (port: 5432; tls: %NULL).
 *
 * Returns: (transfer full): the location, or %NULL with @error set when @uri is not a
 *   PostgreSQL URI, cannot be read, or carries a password
 */
XaServerLocation *
xa_server_location_parse (const char  *uri,
                          GError     **error)
{
  g_autoptr(XaServerLocation) self = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  g_autofree char *fragment = NULL;
  int port = -1;
  const char *value;

  g_return_val_if_fail (uri != NULL, NULL);

  /* Encoded and non-DNS: every part comes back as written, and is decoded below as
   * libpq decodes it. */
  if (!g_uri_split_with_user (uri, G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS | G_URI_FLAGS_HAS_PASSWORD,
                              &scheme, &user, &password, NULL, &host, &port, &path, &query,
                              &fragment, NULL) ||
      scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "postgresql") != 0 && g_ascii_strcasecmp (scheme, "postgres") != 0) ||
      fragment != NULL)
    {
      set_invalid (error, _("The database address is not a PostgreSQL address: it must look like postgresql://user@host:port/database"));
      return NULL;
    }

  if (query != NULL &&
      (params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL)) == NULL)
    {
      set_invalid (error, _("The parameters after “?” in the database address cannot be read"));
      return NULL;
    }

  if (password != NULL || (params != NULL && g_hash_table_contains (params, "password")))
    {
      set_invalid (error, _("The database address contains a password. Xiaoan keeps passwords only in the keyring: give the address without it."));
      return NULL;
    }

  if (port == 0)
    {
      set_invalid (error, _("Port must be a whole number from 1 to 65535"));
      return NULL;
    }

  self = g_new0 (XaServerLocation, 1);
  self->port = port > 0 ? port : XA_SERVER_DEFAULT_PORT;
  if ((self->user = decode_part (user)) == NULL ||
      /* GUri has decoded an IPv6 address's zone (%25) already; a name has no colon. */
      (self->host = (host && strchr (host, ':')) ? g_strdup (host) : decode_part (host)) == NULL ||
      (self->database = decode_part (path != NULL && path[0] == '/' ? path + 1 : path)) == NULL)
    {
      set_invalid (error, _("The database address contains a percent escape that is not UTF-8 text"));
      return NULL;
    }

  /* Parameters are decoded already, and win over the parts, as in libpq. */
  if (params != NULL)
    {
      if ((value = g_hash_table_lookup (params, "host")) != NULL)
        g_set_str_compat (&self->host, value);
      if ((value = g_hash_table_lookup (params, "user")) != NULL)
        g_set_str_compat (&self->user, value);
      if ((value = g_hash_table_lookup (params, "dbname")) != NULL)
        g_set_str_compat (&self->database, value);
      if ((value = g_hash_table_lookup (params, "port")) != NULL &&
          !xa_server_port_parse (value, &self->port, error))
        return NULL;
      if ((value = g_hash_table_lookup (params, "sslmode")) != NULL)
        {
          if (!is_ssl_mode (value))
            {
              g_set_error (error, XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID,
                           _("The database address asks for an unknown encryption mode “sslmode=%s”"),
                           value);
              return NULL;
            }
          self->tls = g_strdup (value);
        }
    }

  return g_steal_pointer (&self);
}

XaServerLocation *
xa_server_location_copy (const XaServerLocation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return xa_server_location_new (self->host, self->port, self->database, self->user, self->tls);
}

void
xa_server_location_free (XaServerLocation *self)
{
  if (self == NULL)
    return;

  g_free (self->host);
  g_free (self->database);
  g_free (self->user);
  g_free (self->tls);
  g_free (self);
}

/**
 * xa_server_location_is_local:
 *
 * Returns: whether the connection stays on this machine (a socket folder, localhost or
 *   a loopback address), where it may go without TLS
 */
gboolean
xa_server_location_is_local (const XaServerLocation *self)
{
  const char *host = self->host;

  return host[0] == '\0' || host[0] == '/' || g_str_equal (host, "localhost") ||
         g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1");
}

/**
 * xa_server_location_validate:
 *
 * Checks what the preferences need before they connect: a host, a port in range, a
 * database and a user, and a known TLS mode. The message names the field.
 *
 * Returns: %TRUE when @self can be connected to
 */
gboolean
xa_server_location_validate (const XaServerLocation  *self,
                             GError                 **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!xa_text_check (self->host, _("Host"), XA_TEXT_REQUIRED, 255,
                      XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID, error))
    return FALSE;

  for (const char *p = self->host; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          set_invalid (error, _("Host must not contain spaces"));
          return FALSE;
        }
    }

  if (self->port < 1 || self->port > 65535)
    {
      set_invalid (error, _("Port must be a whole number from 1 to 65535"));
      return FALSE;
    }

  if (!xa_text_check (self->database, _("Database"), XA_TEXT_REQUIRED, MAX_NAME_CHARS,
                      XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID, error) ||
      !xa_text_check (self->user, _("User Name"), XA_TEXT_REQUIRED, MAX_NAME_CHARS,
                      XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID, error))
    return FALSE;

  if (self->tls != NULL && !is_ssl_mode (self->tls))
    {
      g_set_error (error, XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID,
                   _("Encryption mode “%s” is unknown"), self->tls);
      return FALSE;
    }

  return TRUE;
}

static void
append_host (GString    *out,
             const char *host)
{
  g_autofree char *escaped = NULL;

  /* An IPv6 address keeps its colons, inside brackets; a zone's % is escaped. */
  if (strchr (host, ':') != NULL)
    {
      escaped = g_uri_escape_string (host, ":", FALSE);
      g_string_append_printf (out, "[%s]", escaped);
    }
  else
    {
      escaped = g_uri_escape_string (host, NULL, FALSE);
      g_string_append (out, escaped);
    }
}

/**
 * xa_server_location_to_uri:
 *
 * The URI libpq connects with: every part percent-escaped, sslmode=<tls> for a remote
 * host (prefer on this machine, where a server often has no certificate), and a
 * connect timeout. Never a password.
 *
 * Returns: (transfer full): a postgresql:// URI
 */
char *
xa_server_location_to_uri (const XaServerLocation *self)
{
  g_autoptr(GString) out = g_string_new ("postgresql://");
  g_autofree char *database = NULL;
  const char *tls;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->user[0] != '\0')
    {
      g_autofree char *user = g_uri_escape_string (self->user, NULL, FALSE);

      g_string_append_printf (out, "%s@", user);
    }
  append_host (out, self->host);
  g_string_append_printf (out, ":%d", self->port);

  database = g_uri_escape_string (self->database, NULL, FALSE);
  g_string_append_printf (out, "/%s?", database);

  tls = xa_server_location_is_local (self) ? "prefer" : self->tls;
  if (tls != NULL)
    g_string_append_printf (out, "sslmode=%s&", tls);
  g_string_append (out, "connect_timeout=" CONNECT_TIMEOUT);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * xa_server_location_dup_display:
 *
 * Returns: (transfer full): the server as messages name it, user@host:port/database,
 *   unescaped, for people to read
 */
char *
xa_server_location_dup_display (const XaServerLocation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf (strchr (self->host, ':') != NULL ? "%s@[%s]:%d/%s" : "%s@%s:%d/%s",
                          self->user, self->host[0] != '\0' ? self->host : "localhost",
                          self->port, self->database);
}

/**
 * xa_server_port_parse:
 * @text: the port as typed, white space around it allowed
 * @port: (out): the port, set only on success
 *
 * Returns: %TRUE when @text is a whole number from 1 to 65535; otherwise %FALSE with an
 *   error that names the field
 */
gboolean
xa_server_port_parse (const char  *text,
                      int         *port,
                      GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (trimmed, 10, 1, 65535, &value, NULL))
    {
      set_invalid (error, _("Port must be a whole number from 1 to 65535"));
      return FALSE;
    }

  *port = (int) value;
  return TRUE;
}
