/* xa-store.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-statement.h"
#include "core/util/xa-date.h"

G_BEGIN_DECLS

/* The schema version this program writes. A database whose user_version is higher was
 * written by a newer Xiaoan and is refused without being touched. */
#define XA_STORE_SCHEMA_VERSION 23

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
  XA_STORE_ERROR_FULL,       /* the disk is full */
  XA_STORE_ERROR_READ_ONLY,  /* the file or its folder cannot be written */
  XA_STORE_ERROR_DAMAGED,    /* the file is not a database, or is corrupt */
  XA_STORE_ERROR_IO,
  XA_STORE_ERROR_BLOB_MISSING,  /* a stored file is gone (xa-blob-store.h) */
  XA_STORE_ERROR_BLOB_DAMAGED,  /* a stored file's bytes no longer match its SHA-256 */
} XaStoreError;

#define XA_TYPE_STORE (xa_store_get_type ())

G_DECLARE_FINAL_TYPE (XaStore, xa_store, XA, STORE, GObject)

/* A function that reads inside xa_store_read(): every statement it prepares sees one
 * consistent state of the database. */
typedef gboolean (*XaStoreReadFunc) (XaStore   *store,
                                     gpointer   user_data,
                                     GError   **error);

/* A function that reads the one record @where selects (an SQL condition with one
 * placeholder, given @value), with its row ID in @id when asked; %NULL without an error
 * when there is none. */
typedef gpointer (*XaStoreFindFunc) (XaStore     *store,
                                     const char  *where,
                                     const char  *value,
                                     gint64      *id,
                                     GError     **error);

/* A column's value as the audit's image of a new record takes it
 * (xa_store_note_new_record()): @text is %NULL for SQL NULL, an integer in decimal
 * when @integer is set, else the text as stored. */
typedef struct
{
  const char *column;
  const char *text;
  gboolean    integer;
} XaAuditValue;

/* The audit image of a new record, taken from its values (xa_fresh_image_new()). */
typedef struct _XaFreshImage XaFreshImage;

/* Where the texts of many such images are kept together (xa_fresh_image_new_in()). */
typedef struct _XaImageArena XaImageArena;

/* A value of a row that xa_store_insert_rows() inserts: NULL when @is_null; else @text,
 * @size bytes long and NUL-terminated, or when @text is %NULL the integer @integer. */
typedef struct
{
  const char *text;
  gsize       size;
  gint64      integer;
  gboolean    is_null;
} XaRowValue;

XaRowValue   xa_row_value_text             (const char        *text);

/* Fills @values, one a column, with the next row and returns %TRUE; or returns %FALSE
 * when there is none left. */
typedef gboolean (*XaRowSource) (XaRowValue *values,
                                 gpointer    user_data);

/* A function that makes one change inside xa_store_write(): it runs between BEGIN IMMEDIATE
 * and COMMIT, with the store's lock held, and appends its audit entries with
 * xa_store_append_audit(). Returning FALSE rolls the whole change back. */
typedef gboolean (*XaStoreWriteFunc) (XaStore   *store,
                                      gpointer   user_data,
                                      GError   **error);

GQuark       xa_store_error_quark          (void);
XaStore     *xa_store_open                 (const char        *path,
                                            GError           **error);
XaStore     *xa_store_open_read_only       (const char        *path,
                                            GError           **error);
XaStore     *xa_store_open_in_memory       (GError           **error);
XaStore     *xa_store_open_server          (const char        *uri,
                                            const char        *password,
                                            GError           **error);
XaStore     *xa_store_open_server_read_only (const char       *uri,
                                            const char        *password,
                                            GError           **error);
XaStore     *xa_store_open_location        (const char        *location,
                                            const char        *password,
                                            gboolean           for_reading,
                                            GError           **error);
gboolean     xa_store_location_is_server   (const char        *location);
gboolean     xa_store_server_setup         (XaStore           *self,
                                            GError           **error);
char        *xa_store_server_add_school    (XaStore           *self,
                                            const char        *code,
                                            const char        *role_name,
                                            GError           **error);
char        *xa_store_server_add_staff     (XaStore           *self,
                                            const char        *role_name,
                                            GError           **error);
gboolean     xa_store_copy                 (XaStore           *source,
                                            XaStore           *target,
                                            gint64            *n_rows,
                                            GError           **error);
char        *xa_store_dup_default_data_dir (const char        *override);
const char  *xa_store_get_path             (XaStore           *self);
const char  *xa_store_get_operator         (XaStore           *self);
void         xa_store_set_operator         (XaStore           *self,
                                            const char        *operator_name);
gboolean     xa_store_get_read_only        (XaStore           *self);
gboolean     xa_store_get_is_server        (XaStore           *self);
int          xa_store_get_schema_version   (XaStore           *self);
guint        xa_store_get_change_serial    (XaStore           *self);
void         xa_store_set_bulk             (XaStore           *self,
                                            gboolean           bulk);

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

gboolean     xa_store_read                 (XaStore           *self,
                                            XaStoreReadFunc    func,
                                            gpointer           user_data,
                                            GError           **error);
gboolean     xa_store_find                 (XaStore           *self,
                                            XaStoreFindFunc    func,
                                            const char        *where,
                                            const char        *value,
                                            gpointer          *found,
                                            GError           **error);
void         xa_store_note_change          (XaStore           *self,
                                            const char        *kind,
                                            const char        *uuid);
void         xa_store_note_new_record      (XaStore           *self,
                                            const char        *table,
                                            const char        *uuid,
                                            const char        *label,
                                            const XaAuditValue *values,
                                            guint              n_values);
XaFreshImage *xa_fresh_image_new           (const char        *table,
                                            const char        *uuid,
                                            const char        *label,
                                            const XaAuditValue *values,
                                            guint              n_values);
XaFreshImage *xa_fresh_image_new_in        (XaImageArena      *arena,
                                            const char        *table,
                                            const char        *uuid,
                                            const char        *label,
                                            const XaAuditValue *values,
                                            guint              n_values);
void         xa_fresh_image_free           (XaFreshImage      *fresh);
XaImageArena *xa_image_arena_new           (void);
XaImageArena *xa_image_arena_ref           (XaImageArena      *arena);
void         xa_image_arena_unref          (XaImageArena      *arena);
XaImageArena *xa_image_arena_recycle       (XaImageArena      *arena);
void         xa_store_note_fresh_image     (XaStore           *self,
                                            XaFreshImage      *fresh);
gboolean     xa_store_checkpoint_audit     (XaStore           *self,
                                            GError           **error);
void         xa_store_lock                 (XaStore           *self);
void         xa_store_unlock               (XaStore           *self);
XaStatement *xa_store_prepare              (XaStore           *self,
                                            const char        *sql,
                                            GError           **error);
gboolean     xa_store_exec                 (XaStore           *self,
                                            const char        *sql,
                                            GError           **error);
int          xa_store_count_changes        (XaStore           *self);
gboolean     xa_store_insert_rows          (XaStore            *self,
                                            const char         *table,
                                            const char * const *columns,
                                            XaRowSource         source,
                                            gpointer            user_data,
                                            GError            **error);

gboolean     xa_store_index_record         (XaStore            *self,
                                            const char         *kind,
                                            const char         *uuid,
                                            const char * const *fields,
                                            GError            **error);
GPtrArray   *xa_store_search               (XaStore           *self,
                                            const char        *kind,
                                            const char        *term,
                                            GError           **error);

gboolean     xa_store_verify_audit         (XaStore           *self,
                                            gint64            *n_entries,
                                            gint64            *first_broken_seq,
                                            char             **reason,
                                            GError           **error);

char        *xa_store_new_uuid             (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaFreshImage, xa_fresh_image_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaImageArena, xa_image_arena_unref)

G_END_DECLS
