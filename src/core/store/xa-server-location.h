/* xa-server-location.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* PostgreSQL's own port, the default of the server-port setting. */
#define XA_SERVER_DEFAULT_PORT 5432

#define XA_SERVER_LOCATION_ERROR (xa_server_location_error_quark ())

typedef enum
{
  XA_SERVER_LOCATION_ERROR_INVALID,  /* a field, or the URI, is not usable; the message names it */
} XaServerLocationError;

/**
 * XaServerLocation:
 * @host: a host name, an IPv4 or IPv6 address (without brackets), a socket folder
 *   (starting with /), or "" for libpq's default
 * @port: 1–65535
 * @database: the database name, "" for libpq's default
 * @user: the login role, "" for libpq's default
 * @tls: (nullable): libpq's sslmode for a remote host (require, verify-ca, verify-full…),
 *   %NULL when not stated
 *
 * Where a PostgreSQL server is, without its password: the password lives in the
 * keyring (xa-server-credentials.h), keyed by these same fields.
 */
typedef struct
{
  char *host;
  int   port;
  char *database;
  char *user;
  char *tls;
} XaServerLocation;

#define XA_TYPE_SERVER_LOCATION (xa_server_location_get_type ())

GType             xa_server_location_get_type          (void) G_GNUC_CONST;
GQuark            xa_server_location_error_quark       (void);

XaServerLocation *xa_server_location_new               (const char              *host,
                                                        int                      port,
                                                        const char              *database,
                                                        const char              *user,
                                                        const char              *tls);
XaServerLocation *xa_server_location_new_from_settings (GSettings               *settings);
XaServerLocation *xa_server_location_parse             (const char              *uri,
                                                        GError                 **error);
XaServerLocation *xa_server_location_copy              (const XaServerLocation  *self);
void              xa_server_location_free              (XaServerLocation        *self);

gboolean          xa_server_location_is_local          (const XaServerLocation  *self);
gboolean          xa_server_location_validate          (const XaServerLocation  *self,
                                                        GError                 **error);
char             *xa_server_location_to_uri            (const XaServerLocation  *self);
char             *xa_server_location_dup_display       (const XaServerLocation  *self);

gboolean          xa_server_port_parse                 (const char              *text,
                                                        int                     *port,
                                                        GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaServerLocation, xa_server_location_free)

G_END_DECLS
