/* xa-store-audit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit chain: every change appends an entry in the transaction that makes it, each
 * entry's hash covers its fields and the hash of the entry before it, and
 * xa_store_verify_audit() walks the chain and names the first entry that does not hold.
 *
 * Since schema 6 an entry is signed: its hash is an HMAC-SHA256 with a key kept outside
 * the database (xa-audit-key.c), it names that key by its ID, and the last entry of each
 * transaction covers the images of the records the transaction wrote
 * (xa-store-audit-image.c). Entries written before keep their plain SHA-256. Entries are
 * held back until the transaction's function returns, so that the last one can cover
 * what the whole transaction left in the tables; the head they reach is then written to
 * a file beside the database, where cutting or rewriting the chain inside the file
 * cannot reach it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>

#include "xa-audit-key.h"
#include "xa-store-audit.h"
#include "xa-store-private.h"
#include "core/util/xa-text.h"
#include "xa-store.h"

static const char zero_hash[] =
  "0000000000000000000000000000000000000000000000000000000000000000";

typedef struct
{
  char *action;
  char *record_table;
  char *record_uuid;
  char *detail;
} PendingEntry;

static void
pending_entry_free (PendingEntry *entry)
{
  g_free (entry->action);
  g_free (entry->record_table);
  g_free (entry->record_uuid);
  g_free (entry->detail);
  g_free (entry);
}

/**
 * _xa_audit_message_append:
 *
 * Appends a field as the hashes take it: its length in UTF-8 bytes in decimal, a colon,
 * the bytes and a newline, so that moving text from one field into the next cannot
 * produce the same hash.
 */
void
_xa_audit_message_append (GString    *message,
                          const char *field)
{
  char digits[XA_TEXT_INT64_SIZE];
  gsize size;

  field = field ? field : "";
  size = strlen (field);
  g_string_append_len (message, digits, xa_text_spell_int64 (digits, (gint64) size));
  g_string_append_c (message, ':');
  g_string_append_len (message, field, (gssize) size);
  g_string_append_c (message, '\n');
}

/* An entry's hash: of the decimal seq and a newline, then each field as
 * _xa_audit_message_append() gives it. Signed since schema 6: the HMAC of those, then
 * the key's ID and the digest of the entry's images
 * (tests/data/audit-chain-keyed-golden.json). Without a key, the plain SHA-256 of the
 * fields alone, as entries written before schema 6 have it
 * (tests/data/audit-chain-golden.json). */
char *
_xa_store_hash_entry (GBytes     *key,
                      gint64      seq,
                      const char *at,
                      const char *operator_name,
                      const char *action,
                      const char *record_table,
                      const char *record_uuid,
                      const char *detail,
                      const char *prev_hash,
                      const char *key_id,
                      const char *images_digest)
{
  g_autoptr(GString) message = g_string_new (NULL);
  const char *fields[] = { at, operator_name, action, record_table, record_uuid, detail, prev_hash };
  gsize key_size = 0;
  const guchar *key_data;

  g_string_append_printf (message, "%" G_GINT64_FORMAT "\n", seq);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _xa_audit_message_append (message, fields[i]);

  if (key == NULL)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, message->str, message->len);

  key_data = g_bytes_get_data (key, &key_size);
  _xa_audit_message_append (message, key_id);
  _xa_audit_message_append (message, images_digest);
  return g_compute_hmac_for_data (G_CHECKSUM_SHA256, key_data, key_size,
                                  (const guchar *) message->str, message->len);
}

/**
 * xa_store_append_audit:
 * @action: what happened, a stable English verb phrase such as "school.add"
 * @record_table: the kind of the record changed
 * @record_uuid: the record's UUID
 * @detail: (nullable): JSON that describes the change
 *
 * Appends an entry to the audit chain, and notes the record as changed. Only valid
 * inside xa_store_write(), so that the entry commits or rolls back with the change it
 * records. The entry is numbered, hashed and stored when the write's function returns.
 */
gboolean
xa_store_append_audit (XaStore     *self,
                       const char  *action,
                       const char  *record_table,
                       const char  *record_uuid,
                       const char  *detail,
                       GError     **error)
{
  PendingEntry *entry;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);
  g_return_val_if_fail (action != NULL && record_table != NULL && record_uuid != NULL, FALSE);

  if (self->pending_entries == NULL)
    self->pending_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_entry_free);

  entry = g_new0 (PendingEntry, 1);
  entry->action = g_strdup (action);
  entry->record_table = g_strdup (record_table);
  entry->record_uuid = g_strdup (record_uuid);
  entry->detail = g_strdup (detail ? detail : "");
  g_ptr_array_add (self->pending_entries, entry);

  xa_store_note_change (self, record_table, record_uuid);
  return TRUE;
}

gboolean
_xa_store_ensure_audit_key (XaStore  *self,
                            GError  **error)
{
  g_autoptr(XaStatement) current = NULL;

  if (self->audit_key != NULL || self->audit_key_id != NULL)
    return TRUE;

  /* A server keeps its key where this client cannot read it: only the key's ID is
   * known here, and the server signs (xa-store-schema-pg.c). */
  if (xa_store_get_is_server (self))
    {
      xa_store_lock (self);
      if ((current = xa_store_prepare (self, "SELECT xa_audit_current_key_id ()", error)) &&
          xa_statement_step_one (current, error))
        self->audit_key_id = g_strdup (xa_statement_get_text (current, 0));
      g_clear_pointer (&current, xa_statement_free);
      xa_store_unlock (self);
      return self->audit_key_id != NULL;
    }

  if (!(self->audit_key = xa_audit_key_load (error)))
    return FALSE;

  self->audit_key_id = xa_audit_key_dup_id (self->audit_key);
  return TRUE;
}

static gboolean
read_last_entry (XaStore  *self,
                 gint64   *seq,
                 char    **hash,
                 GError  **error)
{
  g_autoptr(XaStatement) last = NULL;

  /* On a server, through a function: a school's role reads no audit rows. */
  if (!(last = xa_store_prepare (self,
                                 xa_store_get_is_server (self)
                                 ? "SELECT seq, hash FROM xa_audit_head ()"
                                 : "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                                 error)))
    return FALSE;

  switch (xa_statement_step (last, error))
    {
    case XA_STEP_ROW:
      *seq = xa_statement_get_int64 (last, 0);
      *hash = g_strdup (xa_statement_get_text (last, 1));
      return TRUE;
    case XA_STEP_DONE:
      *seq = 0;
      *hash = g_strdup (zero_hash);
      return TRUE;
    case XA_STEP_ERROR:
    default:
      return FALSE;
    }
}

/* Where insert_images() is in the images it stores. */
typedef struct
{
  GPtrArray *images;
  guint      next;
  gint64     seq;
} ImageRows;

static gboolean
next_image_row (XaRowValue *values,
                gpointer    user_data)
{
  ImageRows *rows = user_data;
  XaAuditImage *image;

  if (rows->next == rows->images->len)
    return FALSE;

  image = g_ptr_array_index (rows->images, rows->next++);
  values[0] = (XaRowValue) { .integer = rows->seq };
  /* Not copied: a write of the demo ledger stores a million kilobyte images. */
  values[1] = xa_row_value_text (image->table);
  values[2] = xa_row_value_text (image->uuid);
  values[3] = xa_row_value_text (image->label);
  values[4] = xa_row_value_text (image->fields);
  values[5] = xa_row_value_text (image->hash);
  return TRUE;
}

/* On SQLite, the images of a write in one statement: the demo ledger's batches store
 * ten thousand each, which one INSERT apiece took through as many statement journals. */
static gboolean
insert_images (XaStore    *self,
               gint64      seq,
               GPtrArray  *images,
               GError    **error)
{
  static const char * const columns[] = {
    "seq", "record_table", "record_uuid", "label", "fields", "image_hash", NULL
  };
  ImageRows rows = { images, 0, seq };

  if (images->len == 0)
    return TRUE;

  return xa_store_insert_rows (self, "audit_image", columns, next_image_row, &rows, error);
}

/* On a server, one statement for all the images of a write, numbered with the entry
 * before them, the chain's head, which the server knows and the client does not yet: the
 * entries and their images then go in one round trip. */
static XaStatement *
send_images_on_server (XaStore    *self,
                       GPtrArray  *images,
                       GError    **error)
{
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(GPtrArray) column = g_ptr_array_sized_new (images->len);

  if (!(insert = xa_store_prepare (self,
                                   "INSERT INTO audit_image (seq, record_table, record_uuid,"
                                   " label, fields, image_hash)"
                                   " SELECT h.seq, i.record_table, i.record_uuid, i.label,"
                                   " i.fields, i.image_hash FROM xa_audit_head () AS h,"
                                   " unnest (?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                                   " AS i (record_table, record_uuid, label, fields, image_hash)",
                                   error)))
    return NULL;

  /* Each parameter is one field of every image. */
  for (guint field = 0; field < 5; field++)
    {
      g_autofree char *array = NULL;

      g_ptr_array_set_size (column, 0);
      for (guint i = 0; i < images->len; i++)
        {
          XaAuditImage *image = g_ptr_array_index (images, i);
          const char *values[] = { image->table, image->uuid, image->label, image->fields, image->hash };

          g_ptr_array_add (column, (gpointer) values[field]);
        }
      array = xa_pg_text_array (column);
      xa_statement_bind_text (insert, field + 1, array);
    }

  if (!_xa_statement_send (insert, error))
    return NULL;

  return g_steal_pointer (&insert);
}

/* On a server, the server numbers and signs each entry after the chain's head, with the
 * key it keeps (xa_audit_append() of xa-store-schema-pg.c), under the write lock this
 * transaction holds. Only the last entry's number and hash are read, so the entries and
 * the images go in one batch: an import of 1,000 rows made 2,000 round trips here. */
static gboolean
flush_on_server (XaStore    *self,
                 GPtrArray  *entries,
                 GPtrArray  *images,
                 GError    **error)
{
  g_autoptr(XaStatement) append = NULL;
  g_autoptr(XaStatement) image_insert = NULL;
  g_autofree char *at = xa_date_now_iso8601 ();
  g_autofree char *images_digest = _xa_audit_images_digest (images);
  gboolean ok = TRUE;

  if (!(append = xa_store_prepare (self,
                                   "SELECT seq, hash FROM xa_audit_append (?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;

  _xa_store_begin_batch (self);
  for (guint i = 0; ok && i < entries->len; i++)
    {
      PendingEntry *entry = g_ptr_array_index (entries, i);

      xa_statement_reset (append);
      xa_statement_bind_text (append, 1, at);
      xa_statement_bind_text (append, 2, self->operator_name);
      xa_statement_bind_text (append, 3, entry->action);
      xa_statement_bind_text (append, 4, entry->record_table);
      xa_statement_bind_text (append, 5, entry->record_uuid);
      xa_statement_bind_text (append, 6, entry->detail);
      xa_statement_bind_text (append, 7, i + 1 == entries->len ? images_digest : "");
      ok = _xa_statement_send (append, error);
    }
  if (ok && images != NULL && images->len > 0)
    ok = (image_insert = send_images_on_server (self, images, error)) != NULL;
  ok = _xa_store_end_batch (self, ok ? error : NULL) && ok;

  /* The statement holds the last entry's answer. */
  if (!ok || !xa_statement_step_one (append, error))
    return FALSE;

  self->pending_head_seq = xa_statement_get_int64 (append, 0);
  g_set_str_compat (&self->pending_head_hash, xa_statement_get_text (append, 1));
  return TRUE;
}

/**
 * _xa_store_flush_audit:
 *
 * Stores the entries the write under way appended, the last one with the images of
 * every audited record the write changed. Called by xa_store_write() after its function
 * returned, before COMMIT. A store opened at a schema before 6 (only tests do that)
 * writes plain entries, as the releases of that schema did.
 */
gboolean
_xa_store_flush_audit (XaStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) entries = g_steal_pointer (&self->pending_entries);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *images_digest = NULL;
  gboolean signed_chain = self->schema_version >= XA_STORE_SCHEMA_SIGNED;
  gint64 seq = 0;

  /* A write that appended no entry has nothing to attach images to; verify then names
   * what it changed, as it would any change made without the app. */
  if (entries == NULL || entries->len == 0)
    return TRUE;

  if (signed_chain &&
      (!_xa_store_ensure_audit_key (self, error) ||
       !(images = _xa_store_collect_images (self, self->pending_changes, error))))
    return FALSE;

  /* The server reads the head itself. */
  if (xa_store_get_is_server (self))
    return flush_on_server (self, entries, images, error);

  if (!read_last_entry (self, &seq, &prev_hash, error))
    return FALSE;

  if (!(insert = xa_store_prepare (self,
                                   signed_chain
                                   ? "INSERT INTO audit (seq, at, operator, action, record_table,"
                                     " record_uuid, detail, prev_hash, hash, key_id)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                   : "INSERT INTO audit (seq, at, operator, action, record_table,"
                                     " record_uuid, detail, prev_hash, hash)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;

  at = xa_date_now_iso8601 ();
  images_digest = _xa_audit_images_digest (images);

  for (guint i = 0; i < entries->len; i++)
    {
      PendingEntry *entry = g_ptr_array_index (entries, i);
      gboolean last = i + 1 == entries->len;
      g_autofree char *hash = NULL;

      hash = _xa_store_hash_entry (signed_chain ? self->audit_key : NULL, ++seq, at,
                                   self->operator_name, entry->action, entry->record_table,
                                   entry->record_uuid, entry->detail, prev_hash,
                                   self->audit_key_id, last ? images_digest : "");

      xa_statement_reset (insert);
      xa_statement_bind_int64 (insert, 1, seq);
      xa_statement_bind_text (insert, 2, at);
      xa_statement_bind_text (insert, 3, self->operator_name);
      xa_statement_bind_text (insert, 4, entry->action);
      xa_statement_bind_text (insert, 5, entry->record_table);
      xa_statement_bind_text (insert, 6, entry->record_uuid);
      xa_statement_bind_text (insert, 7, entry->detail);
      xa_statement_bind_text (insert, 8, prev_hash);
      xa_statement_bind_text (insert, 9, hash);
      if (signed_chain)
        xa_statement_bind_text (insert, 10, self->audit_key_id);
      if (!xa_statement_run (insert, error))
        return FALSE;

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
    }

  if (signed_chain && !insert_images (self, seq, images, error))
    return FALSE;

  self->pending_head_seq = seq;
  g_set_str_compat (&self->pending_head_hash, prev_hash);
  return TRUE;
}

/**
 * _xa_store_dup_head_path:
 *
 * Returns: (transfer full) (nullable): the head file beside the database, `xiaoan.db.head`
 *   (for a server, in this PC's state folder), or %NULL for a store in memory
 */
char *
_xa_store_dup_head_path (XaStore *self)
{
  g_autoptr(GString) name = NULL;

  if (g_strcmp0 (self->path, ":memory:") == 0 || !self->head_file_kept)
    return NULL;

  if (!xa_store_get_is_server (self))
    return g_strconcat (self->path, ".head", NULL);

  /* A server's head is what this PC saw last: kept in its own state folder, one file
   * per server, database and schema, whichever account logs in. */
  name = g_string_new (strchr (self->path, '@') ? strchr (self->path, '@') + 1 : self->path);
  g_string_append_printf (name, ".%s.head", self->server_schema ? self->server_schema : "");
  for (char *p = name->str; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_' && *p != '@')
        *p = '_';
    }

  return g_build_filename (g_get_user_state_dir (), "xiaoan", "servers", name->str, NULL);
}

/**
 * _xa_store_forget_head_file:
 *
 * For a copy of a database that has no head file beside it (a backup being verified,
 * whose head its manifest keeps): neither read nor written.
 */
void
_xa_store_forget_head_file (XaStore *self)
{
  self->head_file_kept = FALSE;
}

static void
write_head_file (XaStore    *self,
                 gint64      seq,
                 const char *hash,
                 gboolean    may_move_back)
{
  g_autofree char *path = _xa_store_dup_head_path (self);
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *at = NULL;
  g_autofree char *data = NULL;
  gint64 recorded;
  gsize length = 0;

  if (path == NULL)
    return;

  /* The head only moves forward. A file that names a later entry is kept: either
   * another program committed after us and wrote its head first, or the chain was cut
   * and this write would otherwise hide it from verify. */
  key_file = g_key_file_new ();
  if (!may_move_back &&
      g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL) &&
      (recorded = g_key_file_get_int64 (key_file, "Audit head", "seq", NULL)) >= seq)
    {
      if (recorded > seq)
        g_message ("The audit head file names entry %" G_GINT64_FORMAT ", not before %" G_GINT64_FORMAT
                   ": left as it is", recorded, seq);
      return;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Cannot create the folder of the audit head file %s: %s", dir, g_strerror (errno));

  at = xa_date_now_iso8601 ();
  g_key_file_set_int64 (key_file, "Audit head", "seq", seq);
  g_key_file_set_string (key_file, "Audit head", "hash", hash);
  g_key_file_set_string (key_file, "Audit head", "key", self->audit_key_id ? self->audit_key_id : "");
  g_key_file_set_string (key_file, "Audit head", "at", at);
  data = g_key_file_to_data (key_file, &length, NULL);

  /* The change is committed whatever happens here: a head file that could not be
   * written is a stale one, which verify takes as an earlier head. */
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    g_warning ("Cannot write the audit head file: %s", error->message);
}

/**
 * _xa_store_reset_head_file:
 *
 * Writes the head the chain has now, also when it is behind the head file: for the one
 * time the chain is meant to go back, a backup restored in place of the database (the
 * replaced file keeps its own head beside it).
 */
gboolean
_xa_store_reset_head_file (XaStore  *self,
                           GError  **error)
{
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (!(hash = xa_store_dup_audit_head (self, &seq, error)))
    return FALSE;

  write_head_file (self, seq, hash, TRUE);
  return TRUE;
}

/**
 * _xa_store_remember_head:
 *
 * Writes the head the chain has now into the head file, unless the file names a later
 * one: for a server, whose chain other PCs extend, after this PC verified it.
 */
void
_xa_store_remember_head (XaStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (!(hash = xa_store_dup_audit_head (self, &seq, &error)))
    g_warning ("Cannot read the audit chain's head: %s", error->message);
  else if (seq > 0)
    write_head_file (self, seq, hash, FALSE);
}

/**
 * _xa_store_end_audit:
 * @committed: whether the transaction committed
 *
 * Forgets what the write held back and, when it committed, writes the head it reached
 * beside the database.
 */
void
_xa_store_end_audit (XaStore  *self,
                     gboolean  committed)
{
  g_clear_pointer (&self->pending_entries, g_ptr_array_unref);
  g_clear_pointer (&self->fresh_images, g_hash_table_unref);

  if (committed && self->pending_head_hash != NULL)
    write_head_file (self, self->pending_head_seq, self->pending_head_hash, FALSE);

  self->pending_head_seq = 0;
  g_clear_pointer (&self->pending_head_hash, g_free);
}

static gboolean
record_baseline_func (XaStore   *self,
                      gpointer   user_data,
                      GError   **error)
{
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autoptr(XaStatement) done = NULL;

  for (guint i = 0; _xa_store_audited_table (i) != NULL; i++)
    xa_store_note_change (self, _xa_store_audited_table (i), NULL);

  if (!(done = xa_store_prepare (self, "DELETE FROM meta WHERE key = 'audit-baseline'", error)) ||
      !xa_statement_run (done, error))
    return FALSE;

  return xa_store_append_audit (self, "audit.baseline", "audit", uuid, NULL, error);
}

/**
 * _xa_store_record_baseline:
 *
 * Entries written before schema 6 carry no images. The migration to 6 marks a chain
 * that has entries; the first open after it takes the image of every record, in one
 * signed entry, from which verify compares. What was edited behind the app's back
 * before that moment cannot be told any more, and verify refuses a later baseline, so
 * that marking the file again cannot wash an edit away.
 */
gboolean
_xa_store_record_baseline (XaStore  *self,
                           GError  **error)
{
  g_autoptr(XaStatement) pending = NULL;
  gboolean ok;
  gint64 needed = 0;

  xa_store_lock (self);
  ok = (pending = xa_store_prepare (self, "SELECT count(*) FROM meta WHERE key = 'audit-baseline'",
                                    error)) != NULL &&
       xa_statement_step_one (pending, error);
  if (ok)
    needed = xa_statement_get_int64 (pending, 0);
  g_clear_pointer (&pending, xa_statement_free);
  xa_store_unlock (self);

  if (!ok || needed == 0)
    return ok;

  return xa_store_write (self, record_baseline_func, NULL, error);
}

/**
 * xa_store_dup_audit_head:
 * @seq: (out): the sequence number of the chain's last entry, 0 when it is empty
 *
 * The head exporters print into what they write, so that a chain cut or rewritten
 * later shows against the file.
 *
 * Returns: (transfer full): the hash of the last entry (64 zeros for an empty chain),
 *   or %NULL with @error set
 */
char *
xa_store_dup_audit_head (XaStore  *self,
                         gint64   *seq,
                         GError  **error)
{
  char *hash = NULL;
  gboolean ok;

  g_return_val_if_fail (XA_IS_STORE (self), NULL);
  g_return_val_if_fail (seq != NULL, NULL);

  xa_store_lock (self);
  ok = read_last_entry (self, seq, &hash, error);
  xa_store_unlock (self);

  return ok ? hash : NULL;
}

/**
 * xa_store_dup_audit_head_text:
 *
 * The head as exported files carry it in their metadata, such as "审计链 #123 9f86d0…"
 * (the whole hash), so that a chain cut or rewritten after the export shows against
 * the file.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
xa_store_dup_audit_head_text (XaStore  *self,
                              GError  **error)
{
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (!(hash = xa_store_dup_audit_head (self, &seq, error)))
    return NULL;

  /* Translators: the audit chain's head in the keywords of an exported PDF: the
   * sequence number of its last entry and that entry's hash. */
  return g_strdup_printf (_("audit chain #%lld %s"), (long long) seq, hash);
}
