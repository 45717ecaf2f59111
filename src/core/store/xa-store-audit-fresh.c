/* xa-store-audit-fresh.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The images of records a write inserts, taken from the values it binds instead of
 * read back from their rows: the same lines as xa-store-audit-image.c makes from a row
 * (each column's `name:digest`, sorted by name, the digest the SHA-256 of the typed,
 * length-prefixed value as xa_statement_hash_value() feeds it), without a SELECT and a
 * GChecksum per column. A write of many new records (the demo ledger of a million
 * hazards) spent a fifth of its time reading them back.
 *
 * A new record has no image in the chain before this write, so its image is recorded
 * as it is. One record of each table in each write is still read back and its image
 * compared: when the row gives another, the write reads all its new records' rows as it
 * would without their images, and says so as a programming error (a column added to a
 * table without its writer knowing), which fails the first test that writes one.
 *
 * SHA-256 is GnuTLS's (with the processor's SHA instructions where it has them).
 */

#include "config.h"

#include <gnutls/crypto.h>
#include <string.h>

#include "xa-store-private.h"
#include "core/util/xa-text.h"

/**
 * _xa_audit_digest_hex:
 * @hex: room for @n_chars + 1 characters
 * @n_chars: how many hex digits of the SHA-256 of @data to write, up to 64
 *
 * The first @n_chars lower-case hex digits of the SHA-256 of @data, as
 * g_checksum_get_string() spells them, and a NUL.
 */
static void
spell_hex (const guchar *digest,
           char         *hex,
           guint         n_chars)
{
  static const char digits[] = "0123456789abcdef";

  for (guint i = 0; i < n_chars; i++)
    hex[i] = digits[(digest[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf];
  hex[n_chars] = '\0';
}

void
_xa_audit_digest_hex (const void *data,
                      gsize       size,
                      char       *hex,
                      guint       n_chars)
{
  guchar digest[32];

  g_return_if_fail (n_chars <= 64);

  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, data, size, digest) < 0)
    {
      /* GnuTLS refuses SHA-256 only in a broken installation; GLib's is slower, not
       * different. */
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      gsize digest_size = sizeof digest;

      g_checksum_update (checksum, data, size);
      g_checksum_get_digest (checksum, digest, &digest_size);
    }

  spell_hex (digest, hex, n_chars);
}

typedef gnutls_hash_hd_t XaHashHandle;

static void
hash_handle_free (XaHashHandle hash)
{
  gnutls_hash_deinit (hash, NULL);
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (XaHashHandle, hash_handle_free, NULL)

/* _xa_audit_digest_hex() through *@hash, a SHA-256 that each output starts afresh (%NULL
 * for none): an image's forty digests through one, rather than each looking its
 * algorithm up and making its state again. A state that refused its data may hold part
 * of it: it is dropped, and this digest and the next are made without it. */
static void
digest_hex_with (XaHashHandle *hash,
                 const void   *data,
                 gsize         size,
                 char         *hex,
                 guint         n_chars)
{
  guchar digest[32];

  if (*hash != NULL && gnutls_hash (*hash, data, size) < 0)
    g_clear_pointer (hash, hash_handle_free);

  if (*hash == NULL)
    {
      _xa_audit_digest_hex (data, size, hex, n_chars);
      return;
    }

  gnutls_hash_output (*hash, digest);
  spell_hex (digest, hex, n_chars);
}

static void
fresh_images_free (gpointer data)
{
  g_hash_table_unref (data);
}

struct _XaFreshImage
{
  XaAuditImage *image;
};

const XaAuditImage *
_xa_fresh_image_peek (XaFreshImage *fresh)
{
  g_return_val_if_fail (fresh != NULL, NULL);

  return fresh->image;
}

/* Writes xa_statement_hash_value()'s prefix of a value, "t:17:", at @out, and says how
 * long it is: by hand rather than with printf, as the demo ledger spells forty million. */
static int
spell_prefix (char  *out,
              char   type,
              gsize  size)
{
  int length = 0;

  out[length++] = type;
  out[length++] = ':';
  length += xa_text_spell_int64 (out + length, (gint64) size);
  out[length++] = ':';
  return length;
}

/* The texts of many images in a few large blocks, as the demo ledger makes a million:
 * each image's kilobyte of lines on its own was a block too large for the allocator's
 * quick lists, and made it first gather every small block freed since the last one
 * (malloc_consolidate()), which took a seventh of the time of the thread making the
 * hazards. So did the large blocks themselves when they were freed after each batch
 * (4 s at a million): an arena emptied by xa_image_arena_recycle() keeps them for the
 * next batch. Filled by one thread at a time; each image keeps a reference, so that the
 * blocks go with the last of them. */
struct _XaImageArena
{
  gatomicrefcount  ref_count;
  GPtrArray       *blocks;   /* of ArenaBlock, those before `current` full */
  guint            current;
};

typedef struct
{
  gsize size;
  gsize used;
  char  bytes[];
} ArenaBlock;

/* The arena's blocks: a batch of the demo's twenty thousand images fills about twenty. */
#define ARENA_BLOCK (1024 * 1024)

/**
 * xa_image_arena_new:
 *
 * Returns: (transfer full): an empty arena for xa_fresh_image_new_in()
 */
XaImageArena *
xa_image_arena_new (void)
{
  XaImageArena *arena = g_new0 (XaImageArena, 1);

  g_atomic_ref_count_init (&arena->ref_count);
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  return arena;
}

XaImageArena *
xa_image_arena_ref (XaImageArena *arena)
{
  g_return_val_if_fail (arena != NULL, NULL);

  g_atomic_ref_count_inc (&arena->ref_count);
  return arena;
}

/* In any thread: the images that hold it go to the thread that stores them. */
void
xa_image_arena_unref (XaImageArena *arena)
{
  if (arena == NULL || !g_atomic_ref_count_dec (&arena->ref_count))
    return;

  g_ptr_array_unref (arena->blocks);
  g_free (arena);
}

/**
 * xa_image_arena_recycle:
 * @arena: (transfer full): an arena
 *
 * For the next batch of images: @arena emptied, with its blocks, when no image holds
 * it any more; else a new one, and @arena goes with its last image.
 *
 * Returns: (transfer full): an empty arena
 */
XaImageArena *
xa_image_arena_recycle (XaImageArena *arena)
{
  g_return_val_if_fail (arena != NULL, NULL);

  if (!g_atomic_ref_count_compare (&arena->ref_count, 1))
    {
      xa_image_arena_unref (arena);
      return xa_image_arena_new ();
    }

  for (guint i = 0; i < arena->blocks->len; i++)
    ((ArenaBlock *) g_ptr_array_index (arena->blocks, i))->used = 0;
  arena->current = 0;
  return arena;
}

/* A copy of @size bytes at @text and a NUL in @arena. */
static char *
arena_insert (XaImageArena *arena,
              const char   *text,
              gsize         size)
{
  ArenaBlock *block = NULL;
  char *copy;

  for (; arena->current < arena->blocks->len; arena->current++)
    {
      block = g_ptr_array_index (arena->blocks, arena->current);
      if (block->size - block->used > size)
        break;
      block = NULL;
    }
  if (block == NULL)
    {
      gsize room = MAX (ARENA_BLOCK, size + 1);

      block = g_malloc (sizeof (ArenaBlock) + room);
      block->size = room;
      block->used = 0;
      g_ptr_array_add (arena->blocks, block);
      arena->current = arena->blocks->len - 1;
    }

  copy = block->bytes + block->used;
  memcpy (copy, text, size);
  copy[size] = '\0';
  block->used += size + 1;
  return copy;
}

/* An image whose texts are copied into @arena. */
static XaAuditImage *
audit_image_new_in (XaImageArena  *arena,
                    const char    *table,
                    const char    *uuid,
                    const char    *label,
                    const GString *fields,
                    const char    *hash)
{
  XaAuditImage *image = g_new0 (XaAuditImage, 1);

  image->arena = xa_image_arena_ref (arena);
  image->table = arena_insert (arena, table, strlen (table));
  image->uuid = arena_insert (arena, uuid, strlen (uuid));
  image->label = arena_insert (arena, label, strlen (label));
  image->fields = arena_insert (arena, fields->str, fields->len);
  image->hash = arena_insert (arena, hash, strlen (hash));
  return image;
}

static void
scratch_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Where a thread spells an image's lines before they are kept: one string, emptied
 * each time, rather than a block as large as the lines for each image. */
static GString *
scratch_lines (void)
{
  static GPrivate scratch = G_PRIVATE_INIT (scratch_free);
  GString *lines = g_private_get (&scratch);

  if (lines == NULL)
    g_private_set (&scratch, (lines = g_string_sized_new (4096)));
  g_string_truncate (lines, 0);
  return lines;
}

/* Appends "name:digest\n" to @lines in one write: the demo ledger's million images
 * are forty million lines, where four appends each were a sixth of the thread that
 * makes them. */
static void
append_line (GString    *lines,
             const char *name,
             const char *digest,
             guint       digest_chars)
{
  gsize name_size = strlen (name);
  gsize at = lines->len;
  char *line;

  g_string_set_size (lines, at + name_size + 1 + digest_chars + 1);
  line = lines->str + at;
  memcpy (line, name, name_size);
  line[name_size] = ':';
  memcpy (line + name_size + 1, digest, digest_chars);
  line[name_size + 1 + digest_chars] = '\n';
}

static XaFreshImage *
fresh_image_new (XaImageArena       *arena,
                 const char         *table,
                 const char         *uuid,
                 const char         *label,
                 const XaAuditValue *values,
                 guint               n_values)
{
  GString *fields = scratch_lines ();
  g_autofree char *large = NULL;
  XaFreshImage *fresh;
  guint digest_chars;
  char image_hash[65];
  char digest[65];
  /* Where a value is spelled for its digest: on the stack, as all but a long text fit,
   * for the demo ledger's fifty million values. */
  char small[512];
  g_auto(XaHashHandle) hash = NULL;

  g_return_val_if_fail (table != NULL && uuid != NULL && label != NULL, NULL);

  if (gnutls_hash_init (&hash, GNUTLS_DIG_SHA256) < 0)
    hash = NULL;

  digest_chars = _xa_store_audited_digest_chars (table);
  for (guint i = 0; i < n_values; i++)
    {
      const XaAuditValue *column = &values[i];
      gsize size = column->text != NULL ? strlen (column->text) : 0;
      char *spelled = small;
      int prefix;

      g_return_val_if_fail (i == 0 || strcmp (values[i - 1].column, column->column) < 0, NULL);

      /* xa_statement_hash_value()'s form: type, length in bytes, the bytes. */
      if (size + 32 > sizeof small)
        {
          g_free (large);
          spelled = large = g_malloc (size + 32);
        }
      prefix = spell_prefix (spelled, column->text == NULL ? 'n' : column->integer ? 'i' : 't', size);
      if (size > 0)
        memcpy (spelled + prefix, column->text, size);
      digest_hex_with (&hash, spelled, prefix + size, digest, digest_chars);
      append_line (fields, column->column, digest, digest_chars);
    }
  digest_hex_with (&hash, fields->str, fields->len, image_hash, 64);

  fresh = g_new0 (XaFreshImage, 1);
  fresh->image = arena != NULL ? audit_image_new_in (arena, table, uuid, label, fields, image_hash)
                               : _xa_audit_image_new (table, uuid, label, fields->str, image_hash, 0);
  return fresh;
}

/**
 * xa_fresh_image_new:
 * @table: an audited table
 * @uuid: the record's UUID
 * @label: the record's key, as the table's key in xa-store-audit-image.c gives it
 * @values: (array length=n_values): every column of the row with the table's derived
 *   ones, sorted by column name (strcmp())
 *
 * The audit image of a record about to be inserted, taken from its values: the digests
 * xa_store_note_new_record() takes, in any thread (the demo ledger takes them in the
 * thread that makes its hazards), for xa_store_note_fresh_image().
 *
 * Returns: (transfer full): the image
 */
XaFreshImage *
xa_fresh_image_new (const char         *table,
                    const char         *uuid,
                    const char         *label,
                    const XaAuditValue *values,
                    guint               n_values)
{
  return fresh_image_new (NULL, table, uuid, label, values, n_values);
}

/**
 * xa_fresh_image_new_in:
 * @arena: where the image's texts are kept, which it holds until it is freed
 *
 * xa_fresh_image_new() for one of many images, its texts kept in @arena instead of
 * allocated one by one. @arena is filled by one thread at a time.
 *
 * Returns: (transfer full): the image
 */
XaFreshImage *
xa_fresh_image_new_in (XaImageArena       *arena,
                       const char         *table,
                       const char         *uuid,
                       const char         *label,
                       const XaAuditValue *values,
                       guint               n_values)
{
  g_return_val_if_fail (arena != NULL, NULL);

  return fresh_image_new (arena, table, uuid, label, values, n_values);
}

void
xa_fresh_image_free (XaFreshImage *fresh)
{
  if (fresh == NULL)
    return;

  g_clear_pointer (&fresh->image, _xa_audit_image_free);
  g_free (fresh);
}

/**
 * xa_store_note_fresh_image:
 * @fresh: (transfer full): the image of a record the write under way inserted and
 *   changes no more
 *
 * Notes the record as changed, and gives the audit chain its image instead of reading
 * it back (see xa_store_note_new_record()). Only valid inside xa_store_write().
 */
void
xa_store_note_fresh_image (XaStore      *self,
                           XaFreshImage *fresh)
{
  g_autoptr(XaFreshImage) owned = fresh;
  XaAuditImage *image;
  GHashTable *by_uuid;

  g_return_if_fail (XA_IS_STORE (self));
  g_return_if_fail (self->in_write);
  g_return_if_fail (fresh != NULL && fresh->image != NULL);

  image = g_steal_pointer (&owned->image);
  xa_store_note_change (self, image->table, image->uuid);
  if (self->schema_version < XA_STORE_SCHEMA_SIGNED)
    {
      _xa_audit_image_free (image);
      return;
    }

  if (self->fresh_images == NULL)
    self->fresh_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fresh_images_free);
  by_uuid = g_hash_table_lookup (self->fresh_images, image->table);
  if (by_uuid == NULL)
    {
      by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) _xa_audit_image_free);
      g_hash_table_insert (self->fresh_images, g_strdup (image->table), by_uuid);
    }
  g_hash_table_replace (by_uuid, image->uuid, image);
}

/**
 * xa_store_note_new_record:
 * @table: an audited table
 * @uuid: the record's UUID
 * @label: the record's key, as the table's key in xa-store-audit-image.c gives it
 * @values: (array length=n_values): every column of the row with the table's derived
 *   ones, sorted by column name (strcmp())
 *
 * For a record the write under way inserted and changes no more: notes it as changed,
 * and gives the audit chain its image from @values instead of reading it back. Only
 * valid inside xa_store_write().
 */
void
xa_store_note_new_record (XaStore            *self,
                          const char         *table,
                          const char         *uuid,
                          const char         *label,
                          const XaAuditValue *values,
                          guint               n_values)
{
  g_return_if_fail (XA_IS_STORE (self));
  g_return_if_fail (self->in_write);
  g_return_if_fail (table != NULL && uuid != NULL && label != NULL);

  if (self->schema_version < XA_STORE_SCHEMA_SIGNED)
    {
      xa_store_note_change (self, table, uuid);
      return;
    }

  xa_store_note_fresh_image (self, xa_fresh_image_new (table, uuid, label, values, n_values));
}

static gboolean
take_live_cb (XaAuditImage  *image,
              gpointer       user_data,
              GError       **error)
{
  XaAuditImage **slot = user_data;

  _xa_audit_image_free (*slot);
  *slot = image;
  return TRUE;
}

/**
 * _xa_store_take_fresh_images:
 * @uuids: the records of @table the write changed
 * @rest: (out) (transfer full) (nullable): those of @uuids whose image is still to be
 *   read from their rows, borrowing @uuids' strings; %NULL when the write noted no new
 *   record of @table (then all of them are)
 * @images: where the images of the new records go
 *
 * Moves to @images the images xa_store_note_new_record() took for @table, once one of
 * them read back from its row gave the same: else none is kept, and all are read.
 */
gboolean
_xa_store_take_fresh_images (XaStore     *self,
                             const char  *table,
                             GHashTable  *uuids,
                             GHashTable **rest,
                             GPtrArray   *images,
                             GError     **error)
{
  GHashTable *fresh = self->fresh_images ? g_hash_table_lookup (self->fresh_images, table) : NULL;
  XaAuditImage *checked = NULL;
  XaAuditImage *live = NULL;
  gboolean same;
  GHashTableIter iter;
  gpointer uuid;
  gpointer image;

  *rest = NULL;
  if (fresh == NULL || g_hash_table_size (fresh) == 0 || g_hash_table_contains (uuids, ""))
    return TRUE;

  g_hash_table_iter_init (&iter, fresh);
  g_hash_table_iter_next (&iter, NULL, &image);
  checked = image;
  if (!_xa_store_foreach_row_image (self, table, checked->uuid, take_live_cb, &live, error))
    return FALSE;

  same = live != NULL && strcmp (live->hash, checked->hash) == 0 && strcmp (live->label, checked->label) == 0;
  if (!same)
    g_critical ("The image of the new record %s of %s taken from its values differs from its row’s;"
               " the write reads the rows of its new records instead:\n%s\n≠\n%s", checked->uuid, table,
               checked->fields, live != NULL ? live->fields : "(no row)");
  _xa_audit_image_free (live);

  *rest = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, uuids);
  while (g_hash_table_iter_next (&iter, &uuid, NULL))
    {
      if (!same || !g_hash_table_contains (fresh, uuid))
        g_hash_table_add (*rest, uuid);
    }

  if (same)
    {
      g_hash_table_iter_init (&iter, fresh);
      while (g_hash_table_iter_next (&iter, NULL, &image))
        {
          g_hash_table_iter_steal (&iter);
          g_ptr_array_add (images, image);
        }
    }

  return TRUE;
}

/**
 * xa_store_checkpoint_audit:
 *
 * Inside a write of many records (the demo ledger of a million hazards in one
 * transaction): stores the audit entries appended so far, the last with the images of
 * the records changed so far, as the end of a write does, and starts afresh, so that
 * the images of a long write are taken and kept batch by batch, not all held until it
 * commits. The chain then has the entries and images that as many writes would have
 * given; they commit or roll back with the rest of the write. The records stay named
 * to #XaStore::records-changed after the commit, as "many" of their kind.
 *
 * Returns: %TRUE when the entries and images were stored
 */
gboolean
xa_store_checkpoint_audit (XaStore  *self,
                           GError  **error)
{
  GHashTableIter iter;
  gpointer kind;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_write, FALSE);

  if (!_xa_store_flush_audit (self, error))
    return FALSE;

  if (self->flushed_kinds == NULL)
    self->flushed_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->pending_changes);
  while (g_hash_table_iter_next (&iter, &kind, NULL))
    g_hash_table_add (self->flushed_kinds, g_strdup (kind));
  g_hash_table_remove_all (self->pending_changes);
  g_clear_pointer (&self->fresh_images, g_hash_table_unref);
  return TRUE;
}

/**
 * _xa_store_add_flushed_changes:
 * @changes: kind → set of UUIDs, the write's changes to name
 *
 * Once a write ended: names the kinds xa_store_checkpoint_audit() audited in @changes,
 * as "many" (""), and forgets them.
 */
void
_xa_store_add_flushed_changes (XaStore    *self,
                               GHashTable *changes)
{
  g_autoptr(GHashTable) kinds = g_steal_pointer (&self->flushed_kinds);
  GHashTableIter iter;
  gpointer kind;

  if (kinds == NULL)
    return;

  g_hash_table_iter_init (&iter, kinds);
  while (g_hash_table_iter_next (&iter, &kind, NULL))
    {
      GHashTable *uuids = g_hash_table_lookup (changes, kind);

      if (uuids == NULL)
        {
          uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (changes, g_strdup (kind), uuids);
        }
      g_hash_table_add (uuids, g_strdup (""));
    }
}
