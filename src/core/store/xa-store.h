/* xa-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this program writes. A database whose user_version is higher was
 * written by a newer Xiaoan and is refused without being touched. */
#define XA_STORE_SCHEMA_VERSION 5

/* "XiAn" in ASCII: PRAGMA application_id marks the file as ours. */
#define XA_STORE_APPLICATION_ID 0x5869416e

#define XA_STORE_ERROR (xa_store_error_quark ())

typedef enum
{
  XA_STORE_ERROR_OPEN,
  XA_STORE_ERROR_NOT_OURS,
  XA_STORE_ERROR_TOO_NEW,
  XA_STORE_ERROR_MIGRATION,
  XA_STORE_ERROR_SQL,
  XA_STORE_ERROR_BUSY,
  XA_STORE_ERROR_CONSTRAINT,
  XA_STORE_ERROR_NOT_FOUND,
  XA_STORE_ERROR_INVALID,
} XaStoreError;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define XA_TYPE_STORE (xa_store_get_type ())

G_DECLARE_FINAL_TYPE (XaStore, xa_store, XA, STORE, GObject)

/* A function that makes one change inside xa_store_write(): it runs between BEGIN IMMEDIATE
 * and COMMIT, with the store's lock held, and appends its audit entries with
 * xa_store_append_audit(). Returning FALSE rolls the whole change back. */
typedef gboolean (*XaStoreWriteFunc) (XaStore   *store,
                                      gpointer   user_data,
                                      GError   **error);

GQuark       xa_store_error_quark          (void);
XaStore     *xa_store_open                 (const char        *path,
                                            GError           **error);
XaStore     *xa_store_open_in_memory       (GError           **error);
char        *xa_store_dup_default_data_dir (const char        *override);
const char  *xa_store_get_path             (XaStore           *self);
const char  *xa_store_get_operator         (XaStore           *self);
void         xa_store_set_operator         (XaStore           *self,
                                            const char        *operator_name);
int          xa_store_get_schema_version   (XaStore           *self);
guint        xa_store_get_change_serial    (XaStore           *self);

gboolean     xa_store_write                (XaStore           *self,
                                            XaStoreWriteFunc   func,
                                            gpointer           user_data,
                                            GError           **error);
gboolean     xa_store_append_audit         (XaStore           *self,
                                            const char        *action,
                                            const char        *record_table,
                                            const char        *record_uuid,
                                            const char        *detail,
                                            GError           **error);

void         xa_store_lock                 (XaStore           *self);
void         xa_store_unlock               (XaStore           *self);
sqlite3_stmt *xa_store_prepare             (XaStore           *self,
                                            const char        *sql,
                                            GError           **error);
gboolean     xa_store_exec                 (XaStore           *self,
                                            const char        *sql,
                                            GError           **error);
gboolean     xa_store_step_done            (XaStore           *self,
                                            sqlite3_stmt      *stmt,
                                            GError           **error);
gint64       xa_store_last_insert_id       (XaStore           *self);
void         xa_store_set_sql_error        (XaStore           *self,
                                            GError           **error,
                                            const char        *context);
const char  *xa_store_column_text          (sqlite3_stmt      *stmt,
                                            int                column);
void         xa_store_bind_text_or_null    (sqlite3_stmt      *stmt,
                                            int                index,
                                            const char        *text);

gboolean     xa_store_verify_audit         (XaStore           *self,
                                            gint64            *n_entries,
                                            gint64            *first_broken_seq,
                                            char             **reason,
                                            GError           **error);

char        *xa_store_new_uuid             (void);
char        *xa_store_now_iso8601          (void);

G_END_DECLS
