/* xa-statement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A prepared statement of the store. Domain code writes its SQL once, with `?`, `?N` or
 * `:name` placeholders, and reads rows through the typed getters; it never sees which
 * engine runs underneath. Parameters are numbered from 1, columns from 0, as in SQL.
 *
 * A statement belongs to the connection that was current when it was prepared: prepare,
 * step and free it inside one xa_store_read() or xa_store_write() (or between
 * xa_store_lock() and xa_store_unlock()). */
typedef struct _XaStatement XaStatement;

typedef enum
{
  XA_STEP_ERROR = -1,
  XA_STEP_DONE  = 0,
  XA_STEP_ROW   = 1,
} XaStep;

void         xa_statement_free             (XaStatement  *self);
void         xa_statement_reset            (XaStatement  *self);
int          xa_statement_param            (XaStatement  *self,
                                            const char   *name);
void         xa_statement_bind_text        (XaStatement  *self,
                                            int           index,
                                            const char   *value);
void         xa_statement_bind_text_static (XaStatement  *self,
                                            int           index,
                                            const char   *value,
                                            gsize         size);
void         xa_statement_bind_text_borrowed (XaStatement *self,
                                              int          index,
                                              const char  *value);
gint64       xa_statement_get_last_insert_id (XaStatement *self);
void         xa_statement_bind_text_or_null (XaStatement *self,
                                            int           index,
                                            const char   *value);
void         xa_statement_bind_int         (XaStatement  *self,
                                            int           index,
                                            int           value);
void         xa_statement_bind_int64       (XaStatement  *self,
                                            int           index,
                                            gint64        value);
void         xa_statement_bind_double      (XaStatement  *self,
                                            int           index,
                                            double        value);
void         xa_statement_bind_null        (XaStatement  *self,
                                            int           index);
void         xa_statement_bind_bytes       (XaStatement  *self,
                                            int           index,
                                            GBytes       *bytes);
void         xa_statement_bind_column      (XaStatement  *self,
                                            int           index,
                                            XaStatement  *from,
                                            int           column);
XaStep       xa_statement_step             (XaStatement  *self,
                                            GError      **error);
gboolean     xa_statement_run              (XaStatement  *self,
                                            GError      **error);
gboolean     xa_statement_step_one         (XaStatement  *self,
                                            GError      **error);
int          xa_statement_get_n_columns    (XaStatement  *self);
gboolean     xa_statement_get_is_null      (XaStatement  *self,
                                            int           column);
const char  *xa_statement_get_text         (XaStatement  *self,
                                            int           column);
const char  *xa_statement_get_text_or_null (XaStatement  *self,
                                            int           column);
int          xa_statement_get_int          (XaStatement  *self,
                                            int           column);
gint64       xa_statement_get_int64        (XaStatement  *self,
                                            int           column);
double       xa_statement_get_double       (XaStatement  *self,
                                            int           column);
GBytes      *xa_statement_dup_bytes        (XaStatement  *self,
                                            int           column);
const char  *xa_statement_get_column_name  (XaStatement  *self,
                                            int           column);
void         xa_statement_hash_value       (XaStatement  *self,
                                            int           column,
                                            GChecksum    *checksum);
const char  *xa_statement_get_sql          (XaStatement  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaStatement, xa_statement_free)

G_END_DECLS
