/* xa-pg.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL side of the store, through libpq: a connection and prepared statements
 * with the same shape as XaStatement, so that the store can put either engine under the
 * SQL that domain code writes once. Private to src/core/store/.
 */

#pragma once

#include <gio/gio.h>

#include "xa-statement.h"

G_BEGIN_DECLS

typedef struct _XaPgConnection XaPgConnection;
typedef struct _XaPgStatement  XaPgStatement;

/* Whether a URI names the PostgreSQL engine (postgresql:// or postgres://). */
gboolean        xa_pg_is_uri                   (const char      *uri);
char           *xa_pg_translate_sql            (const char      *sql,
                                                GPtrArray      **names,
                                                int             *n_params,
                                                GError         **error);

XaPgConnection *xa_pg_connection_open          (const char      *uri,
                                                const char      *password,
                                                GError         **error);
void            xa_pg_connection_free          (XaPgConnection  *self);
const char     *xa_pg_connection_get_display   (XaPgConnection  *self);
gboolean        xa_pg_connection_exec          (XaPgConnection  *self,
                                                const char      *sql,
                                                GError         **error);
gboolean        xa_pg_connection_get_tls       (XaPgConnection  *self);
char           *xa_pg_connection_get_server_version (XaPgConnection *self);

XaPgStatement  *xa_pg_statement_new            (XaPgConnection  *connection,
                                                const char      *sql,
                                                GError         **error);
void            xa_pg_statement_free           (XaPgStatement   *self);
void            xa_pg_statement_reset          (XaPgStatement   *self);
int             xa_pg_statement_param          (XaPgStatement   *self,
                                                const char      *name);
void            xa_pg_statement_bind_text      (XaPgStatement   *self,
                                                int              index,
                                                const char      *value);
void            xa_pg_statement_bind_int64     (XaPgStatement   *self,
                                                int              index,
                                                gint64           value);
void            xa_pg_statement_bind_double    (XaPgStatement   *self,
                                                int              index,
                                                double           value);
void            xa_pg_statement_bind_bytes     (XaPgStatement   *self,
                                                int              index,
                                                gconstpointer    data,
                                                gsize            length);
GBytes         *xa_pg_statement_dup_bytes      (XaPgStatement   *self,
                                                int              column);
XaStep          xa_pg_statement_step           (XaPgStatement   *self,
                                                GError         **error);
int             xa_pg_statement_get_n_columns  (XaPgStatement   *self);
gboolean        xa_pg_statement_get_is_null    (XaPgStatement   *self,
                                                int              column);
const char     *xa_pg_statement_get_text       (XaPgStatement   *self,
                                                int              column);
gint64          xa_pg_statement_get_int64      (XaPgStatement   *self,
                                                int              column);
double          xa_pg_statement_get_double     (XaPgStatement   *self,
                                                int              column);
int             xa_pg_statement_count_changes  (XaPgStatement   *self);
int             xa_pg_connection_count_changes (XaPgConnection  *self);
const char     *xa_pg_statement_get_column_name (XaPgStatement  *self,
                                                int              column);
const char     *xa_pg_statement_get_sql        (XaPgStatement   *self);
char            xa_pg_statement_get_kind       (XaPgStatement   *self,
                                                int              column);
void            xa_pg_connection_begin_batch   (XaPgConnection  *self);
gboolean        xa_pg_statement_send           (XaPgStatement   *self,
                                                GError         **error);
gboolean        xa_pg_connection_end_batch     (XaPgConnection  *self,
                                                GError         **error);
char           *xa_pg_text_array               (GPtrArray       *values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPgConnection, xa_pg_connection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPgStatement, xa_pg_statement_free)

G_END_DECLS
