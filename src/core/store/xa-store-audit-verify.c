/* xa-store-audit-verify.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `audit verify`: walks the chain and recomputes every hash, checks it against the
 * heads kept outside the database (the file beside it, a head printed in an exported
 * file), then compares every live record with the chain's last image of it. Each thing
 * that does not hold is one finding, named as the user knows it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-audit-key.h"
#include "xa-blob-store.h"
#include "xa-store-audit.h"
#include "xa-store-private.h"

static const char zero_hash[] =
  "0000000000000000000000000000000000000000000000000000000000000000";

typedef struct
{
  gint64  count;
  gint64  first;
  gint64  last;
} OtherKey;

/* A head the chain once reached, and where it was read. */
typedef struct
{
  gint64      seq;
  char       *hash;
  char       *source;
  char       *found;  /* the chain's hash at seq, filled by the walk */
} Head;

typedef struct
{
  XaStore    *store;
  GPtrArray  *findings;
  GArray     *heads;       /* of Head */
  GHashTable *latest;      /* "table\nuuid" → XaAuditImage, the chain's last image */
  GHashTable *other_keys;  /* key ID → OtherKey */
  gint64      n_entries;
  gint64      last_seq;
  gboolean    keyed;       /* a signed entry was seen */
  gboolean    has_images;  /* an entry with images was seen */
  char       *missing_head;  /* the head file, when there is none */
  GHashTable *kept_keys;   /* key ID → GBytes, or an empty GBytes when not kept here */
} Verify;

void
xa_audit_finding_free (XaAuditFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->table);
  g_free (finding->uuid);
  g_free (finding->key);
  g_free (finding->fields);
  g_free (finding->message);
  g_free (finding);
}

static void
head_clear (gpointer data)
{
  Head *head = data;

  g_free (head->hash);
  g_free (head->source);
  g_free (head->found);
}

static XaAuditFinding *
add_finding (Verify             *verify,
             XaAuditFindingKind  kind,
             gint64              seq,
             char               *message)
{
  XaAuditFinding *finding = g_new0 (XaAuditFinding, 1);

  finding->kind = kind;
  finding->seq = seq;
  finding->message = message;
  g_ptr_array_add (verify->findings, finding);
  return finding;
}

static const char *
record_key (const XaAuditImage *image)
{
  return image->label[0] != '\0' ? image->label : image->uuid;
}

static const char *
table_title (const char *table)
{
  const char *title = _xa_store_audited_table_title (table);

  return title ? title : table;
}

static XaAuditFinding *
add_row_finding (Verify             *verify,
                 XaAuditFindingKind  kind,
                 const XaAuditImage *image,
                 gint64              seq,
                 char               *message)
{
  XaAuditFinding *finding = add_finding (verify, kind, seq, message);

  finding->table = g_strdup (image->table);
  finding->uuid = g_strdup (image->uuid);
  finding->key = g_strdup (record_key (image));
  return finding;
}

static char *
image_key (const char *table,
           const char *uuid)
{
  return g_strconcat (table, "\n", uuid, NULL);
}

/* The images of one entry, from a statement that reads them all in entry order; images
 * whose entry is not in the chain are findings. */
static gboolean
read_entry_images (Verify       *verify,
                   XaStatement  *images,
                   XaStep       *step,
                   gint64        seq,
                   GPtrArray    *out,
                   GError      **error)
{
  for (; *step == XA_STEP_ROW; *step = xa_statement_step (images, error))
    {
      gint64 image_seq = xa_statement_get_int64 (images, 0);
      XaAuditImage *image;
      g_autofree char *hash = NULL;

      if (seq != 0 && image_seq > seq)
        break;

      image = _xa_audit_image_new (xa_statement_get_text (images, 1),
                                   xa_statement_get_text (images, 2),
                                   xa_statement_get_text (images, 3),
                                   xa_statement_get_text (images, 4),
                                   xa_statement_get_text (images, 5),
                                   image_seq);

      hash = _xa_audit_fields_hash (image->fields);
      if (image_seq != seq)
        add_row_finding (verify, XA_AUDIT_FINDING_IMAGE_CHANGED, image, image_seq,
                         g_strdup_printf (_("Entry %lld, which holds the record of %s “%s”, is not in the audit log"),
                                          (long long) image_seq, table_title (image->table), record_key (image)));
      else if (strcmp (hash, image->hash) != 0)
        add_row_finding (verify, XA_AUDIT_FINDING_IMAGE_CHANGED, image, image_seq,
                         g_strdup_printf (_("The record of %s “%s” in entry %lld was changed after it was written"),
                                          table_title (image->table), record_key (image), (long long) image_seq));

      if (image_seq == seq)
        g_ptr_array_add (out, image);
      else
        _xa_audit_image_free (image);
    }

  return *step != XA_STEP_ERROR;
}

/* Entries signed with a key this store does not hold: counted, and named once. */
static void
note_other_key (Verify     *verify,
                const char *key_id,
                gint64      seq)
{
  OtherKey *other = g_hash_table_lookup (verify->other_keys, key_id);

  if (other == NULL)
    {
      other = g_new0 (OtherKey, 1);
      other->first = seq;
      g_hash_table_insert (verify->other_keys, g_strdup (key_id), other);
    }
  other->count++;
  other->last = seq;
}

/* A key that came with a migrated chain (xa_audit_key_keep()), read once per verify. */
static GBytes *
lookup_kept_key (Verify     *verify,
                 const char *key_id)
{
  GBytes *key = g_hash_table_lookup (verify->kept_keys, key_id);

  if (key == NULL)
    {
      key = xa_audit_key_lookup (key_id);
      if (key == NULL)
        key = g_bytes_new (NULL, 0);
      g_hash_table_insert (verify->kept_keys, g_strdup (key_id), key);
    }

  return g_bytes_get_size (key) > 0 ? key : NULL;
}

typedef enum
{
  SIGNATURE_HOLDS,
  SIGNATURE_BROKEN,
  SIGNATURE_KEY_UNKNOWN,
} SignatureCheck;

/* A server's key never leaves it: the server answers whether an entry's hash is its
 * signature (xa_audit_entry_signed() of xa-store-schema-pg.c). A question it cannot
 * answer counts as a broken signature, never as a good one. */
static SignatureCheck
server_checks_entry (Verify     *verify,
                     gint64      seq,
                     const char *images_digest)
{
  g_autoptr(XaStatement) check = NULL;
  g_autoptr(GError) error = NULL;

  if (!(check = xa_store_prepare (verify->store, "SELECT xa_audit_entry_signed (?, ?)", &error)))
    return SIGNATURE_BROKEN;

  xa_statement_bind_int64 (check, 1, seq);
  xa_statement_bind_text (check, 2, images_digest);
  if (!xa_statement_step_one (check, &error))
    {
      g_warning ("The server could not check entry %" G_GINT64_FORMAT ": %s", seq, error->message);
      return SIGNATURE_BROKEN;
    }

  if (xa_statement_get_is_null (check, 0))
    return SIGNATURE_KEY_UNKNOWN;

  return xa_statement_get_int (check, 0) ? SIGNATURE_HOLDS : SIGNATURE_BROKEN;
}

static void
check_entry (Verify       *verify,
             XaStatement  *stmt,
             const char   *expected_prev,
             gint64        expected_seq,
             GPtrArray    *images)
{
  gint64 seq = xa_statement_get_int64 (stmt, 0);
  const char *action = xa_statement_get_text (stmt, 3);
  const char *prev_hash = xa_statement_get_text (stmt, 7);
  const char *hash = xa_statement_get_text (stmt, 8);
  const char *key_id = xa_statement_get_text (stmt, 9);
  g_autofree char *computed = NULL;
  g_autofree char *digest = NULL;
  GBytes *signing_key = NULL;

  if (strcmp (action, "audit.baseline") == 0 && verify->has_images)
    add_finding (verify, XA_AUDIT_FINDING_LATE_BASELINE, seq,
                 g_strdup_printf (_("entry %lld takes a new starting point although the chain already had one: what was changed before it can no longer be told"),
                                  (long long) seq));
  verify->has_images |= images->len > 0;

  if (seq != expected_seq)
    {
      add_finding (verify, XA_AUDIT_FINDING_ENTRY_MISSING, expected_seq,
                   g_strdup_printf (_("entry %lld is missing (the next one is %lld)"),
                                    (long long) expected_seq, (long long) seq));
      return;
    }

  if (strcmp (prev_hash, expected_prev) != 0)
    {
      add_finding (verify, XA_AUDIT_FINDING_ENTRY_UNLINKED, seq,
                   g_strdup_printf (_("entry %lld does not follow the entry before it (its previous hash differs)"),
                                    (long long) seq));
      return;
    }

  if (key_id[0] == '\0')
    {
      if (verify->keyed || images->len > 0)
        {
          add_finding (verify, XA_AUDIT_FINDING_ENTRY_UNKEYED, seq,
                       g_strdup_printf (_("entry %lld is not signed although the chain is: it was written or rewritten without the app"),
                                        (long long) seq));
          return;
        }
    }
  else if (xa_store_get_is_server (verify->store))
    {
      /* The server checks the signature with the key it keeps. */
      verify->keyed = TRUE;
      digest = _xa_audit_images_digest (images);
      switch (server_checks_entry (verify, seq, digest))
        {
        case SIGNATURE_HOLDS:
          return;
        case SIGNATURE_KEY_UNKNOWN:
          note_other_key (verify, key_id, seq);
          return;
        case SIGNATURE_BROKEN:
        default:
          add_finding (verify, XA_AUDIT_FINDING_ENTRY_CHANGED, seq,
                       g_strdup_printf (_("entry %lld was changed after it was written (its hash does not match its content)"),
                                        (long long) seq));
          return;
        }
    }
  else
    {
      verify->keyed = TRUE;
      signing_key = verify->store->audit_key;
      if (strcmp (key_id, verify->store->audit_key_id) != 0 &&
          !(signing_key = lookup_kept_key (verify, key_id)))
        {
          note_other_key (verify, key_id, seq);
          return;
        }

      digest = _xa_audit_images_digest (images);
    }

  computed = _xa_store_hash_entry (digest ? signing_key : NULL, seq,
                                   xa_statement_get_text (stmt, 1),
                                   xa_statement_get_text (stmt, 2),
                                   action,
                                   xa_statement_get_text (stmt, 4),
                                   xa_statement_get_text (stmt, 5),
                                   xa_statement_get_text (stmt, 6),
                                   prev_hash, key_id, digest);

  if (strcmp (computed, hash) != 0)
    add_finding (verify, XA_AUDIT_FINDING_ENTRY_CHANGED, seq,
                 g_strdup_printf (_("entry %lld was changed after it was written (its hash does not match its content)"),
                                  (long long) seq));
}

static gboolean
walk_chain (Verify  *verify,
            GError **error)
{
  XaStore *self = verify->store;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(XaStatement) images = NULL;
  g_autofree char *expected_prev = g_strdup (zero_hash);
  gint64 expected_seq = 1;
  XaStep image_step;
  XaStep step;

  if (!(stmt = xa_store_prepare (self,
                                 "SELECT seq, at, operator, action, record_table, record_uuid,"
                                 " detail, prev_hash, hash, key_id FROM audit ORDER BY seq",
                                 error)) ||
      !(images = xa_store_prepare (self,
                                   "SELECT seq, record_table, record_uuid, label, fields, image_hash"
                                   " FROM audit_image ORDER BY seq, record_table, record_uuid",
                                   error)))
    return FALSE;

  if ((image_step = xa_statement_step (images, error)) == XA_STEP_ERROR)
    return FALSE;

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_autoptr(GPtrArray) entry_images = g_ptr_array_new ();
      gint64 seq = xa_statement_get_int64 (stmt, 0);

      if (!read_entry_images (verify, images, &image_step, seq, entry_images, error))
        {
          g_ptr_array_foreach (entry_images, (GFunc) _xa_audit_image_free, NULL);
          return FALSE;
        }

      verify->n_entries++;
      check_entry (verify, stmt, expected_prev, expected_seq, entry_images);

      for (guint i = 0; i < verify->heads->len; i++)
        {
          Head *head = &g_array_index (verify->heads, Head, i);

          if (head->seq == seq)
            g_set_str_compat (&head->found, xa_statement_get_text (stmt, 8));
        }

      /* The fields are read again for the few records that differ: a district's chain
       * holds a million images, which would not all fit in memory with them. */
      for (guint i = 0; i < entry_images->len; i++)
        {
          XaAuditImage *image = g_ptr_array_index (entry_images, i);

          g_clear_pointer (&image->fields, g_free);
          g_hash_table_replace (verify->latest, image_key (image->table, image->uuid), image);
        }

      g_set_str_compat (&expected_prev, xa_statement_get_text (stmt, 8));
      expected_seq = seq + 1;
      verify->last_seq = seq;
    }

  if (step == XA_STEP_ERROR)
    return FALSE;

  /* Images after the last entry belong to no entry at all. */
  {
    g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func ((GDestroyNotify) _xa_audit_image_free);

    return read_entry_images (verify, images, &image_step, 0, orphans, error);
  }
}

static void
report_other_keys (Verify *verify)
{
  g_autofree char *key_path = xa_audit_key_dup_path ();
  g_autofree char *display = g_filename_display_name (key_path);
  GHashTableIter iter;
  gpointer key_id, value;

  g_hash_table_iter_init (&iter, verify->other_keys);
  while (g_hash_table_iter_next (&iter, &key_id, &value))
    {
      OtherKey *other = value;

      add_finding (verify, XA_AUDIT_FINDING_OTHER_KEY, other->first,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%lld entry (%lld to %lld) was signed with another key (ID %s), not with this computer's key file “%s”; it cannot be checked here: copy that key file here to check it",
                                                 "%lld entries (%lld to %lld) were signed with another key (ID %s), not with this computer's key file “%s”; they cannot be checked here: copy that key file here to check them",
                                                 (gulong) other->count),
                                    (long long) other->count, (long long) other->first,
                                    (long long) other->last, (const char *) key_id, display));
    }
}

static void
check_heads (Verify *verify)
{
  for (guint i = 0; i < verify->heads->len; i++)
    {
      Head *head = &g_array_index (verify->heads, Head, i);

      if (head->seq > verify->last_seq && verify->last_seq == 0)
        add_finding (verify, XA_AUDIT_FINDING_CUT, head->seq,
                     g_strdup_printf (_("The audit log is empty, but %s shows that it reached entry %lld: it was emptied"),
                                      head->source, (long long) head->seq));
      else if (head->seq > verify->last_seq)
        add_finding (verify, XA_AUDIT_FINDING_CUT, verify->last_seq + 1,
                     g_strdup_printf (_("The audit log ends at entry %lld, but %s shows that it reached entry %lld: its last entries were removed"),
                                      (long long) verify->last_seq, head->source, (long long) head->seq));
      else if (head->seq > 0 && g_strcmp0 (head->found, head->hash) != 0)
        add_finding (verify, XA_AUDIT_FINDING_REWRITTEN, head->seq,
                     g_strdup_printf (_("Entry %lld is not the one %s recorded: the audit log was rewritten up to there"),
                                      (long long) head->seq, head->source));
    }
}

static void
add_head (Verify     *verify,
          gint64      seq,
          const char *hash,
          char       *source)
{
  Head head = { seq, g_strdup (hash), source, NULL };

  g_array_append_val (verify->heads, head);
}

/* The head file beside the database, when there is one. */
static void
read_head_file (Verify *verify)
{
  g_autofree char *path = _xa_store_dup_head_path (verify->store);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = -1;

  if (path == NULL)
    return;

  display = g_filename_display_name (path);
  if (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error) &&
      (seq = g_key_file_get_int64 (key_file, "Audit head", "seq", &error)) >= 0 && error == NULL &&
      (hash = g_key_file_get_string (key_file, "Audit head", "hash", &error)) != NULL)
    {
      add_head (verify, seq, hash, g_strdup_printf (_("the head file “%s”"), display));
      return;
    }

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      verify->missing_head = g_steal_pointer (&display);
      return;
    }

  add_finding (verify, XA_AUDIT_FINDING_HEAD_MISSING, 0,
               g_strdup_printf (_("The head file “%s” cannot be read: %s"), display,
                                error ? error->message : _("its sequence number is negative")));
}

/* The fields of the image @recorded, which the walk did not keep. */
static char *
read_recorded_fields (Verify        *verify,
                      XaAuditImage  *recorded)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  if (!(stmt = xa_store_prepare (verify->store,
                                 "SELECT fields FROM audit_image"
                                 " WHERE record_table = ? AND record_uuid = ? AND seq = ?",
                                 &error)))
    return g_strdup ("");

  xa_statement_bind_text (stmt, 1, recorded->table);
  xa_statement_bind_text (stmt, 2, recorded->uuid);
  xa_statement_bind_int64 (stmt, 3, recorded->seq);
  if (xa_statement_step (stmt, &error) != XA_STEP_ROW)
    return g_strdup ("");

  return g_strdup (xa_statement_get_text (stmt, 0));
}

static gboolean
compare_row_cb (XaAuditImage  *live,
                gpointer       user_data,
                GError       **error)
{
  Verify *verify = user_data;
  g_autofree char *key = image_key (live->table, live->uuid);
  XaAuditImage *recorded = g_hash_table_lookup (verify->latest, key);

  if (recorded == NULL || recorded->hash[0] == '\0')
    add_row_finding (verify, XA_AUDIT_FINDING_ROW_INSERTED, live, 0,
                     g_strdup_printf (_("%s “%s” was added behind the app's back: no audit entry records it"),
                                      table_title (live->table), record_key (live)));
  else if (strcmp (recorded->hash, live->hash) != 0)
    {
      g_autofree char *recorded_fields = read_recorded_fields (verify, recorded);
      g_auto(GStrv) columns = _xa_audit_fields_diff (recorded_fields, live->fields);

      if (columns[0] != NULL)
        {
          g_autoptr(GString) titles = g_string_new (NULL);
          XaAuditFinding *finding;

          for (guint i = 0; columns[i] != NULL; i++)
            {
              if (i > 0)
                /* Translators: between the names of fields in a list. */
                g_string_append (titles, C_("list separator", ", "));
              g_string_append (titles, _xa_audit_column_title (columns[i]));
            }

          finding = add_row_finding (verify, XA_AUDIT_FINDING_ROW_EDITED, live, recorded->seq,
                                     g_strdup_printf (_("%s “%s”: %s changed behind the app's back (entry %lld recorded it otherwise)"),
                                                      table_title (live->table), record_key (live),
                                                      titles->str, (long long) recorded->seq));
          finding->fields = g_strjoinv (",", columns);
        }
    }

  g_hash_table_remove (verify->latest, key);
  _xa_audit_image_free (live);
  return TRUE;
}

static gboolean
compare_rows (Verify  *verify,
              GError **error)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; _xa_store_audited_table (i) != NULL; i++)
    {
      if (!_xa_store_foreach_row_image (verify->store, _xa_store_audited_table (i), NULL,
                                        compare_row_cb, verify, error))
        return FALSE;
    }

  /* What the chain recorded last and no row matched any more. */
  g_hash_table_iter_init (&iter, verify->latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      XaAuditImage *recorded = value;

      if (recorded->hash[0] != '\0' && _xa_store_audited_table_title (recorded->table) != NULL)
        g_ptr_array_add (gone, recorded);
    }

  g_ptr_array_sort (gone, _xa_audit_image_compare);
  for (guint i = 0; i < gone->len; i++)
    {
      XaAuditImage *recorded = g_ptr_array_index (gone, i);

      add_row_finding (verify, XA_AUDIT_FINDING_ROW_DELETED, recorded, recorded->seq,
                       g_strdup_printf (_("%s “%s” was deleted behind the app's back (entry %lld recorded it)"),
                                        table_title (recorded->table), record_key (recorded),
                                        (long long) recorded->seq));
    }

  return TRUE;
}

/* Every stored file against its SHA-256: the chain's images cover the records that name
 * a file, the file's name covers its bytes. */
static gboolean
check_blobs (Verify  *verify,
             GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_blob_problem_free);

  if (!_xa_store_check_blobs_locked (verify->store, FALSE, problems, error))
    return FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      XaBlobProblem *problem = g_ptr_array_index (problems, i);
      XaAuditFinding *finding;

      finding = add_finding (verify,
                             problem->kind == XA_BLOB_PROBLEM_DAMAGED ? XA_AUDIT_FINDING_BLOB_DAMAGED
                                                                      : XA_AUDIT_FINDING_BLOB_MISSING,
                             0, g_strdup (problem->message));
      finding->table = g_strdup ("blob");
      finding->uuid = g_strdup (problem->sha256);
      finding->key = g_strdup (problem->path ? problem->path : problem->sha256);
    }

  return TRUE;
}

static gboolean
verify_func (XaStore   *self,
             gpointer   user_data,
             GError   **error)
{
  Verify *verify = user_data;

  read_head_file (verify);
  if (!walk_chain (verify, error))
    return FALSE;

  report_other_keys (verify);
  /* A chain signed by this program always leaves a head file behind it; a server's is
   * what this PC has seen, and a PC that never saw the chain has none yet. */
  if (verify->missing_head != NULL && verify->keyed && !xa_store_get_is_server (self))
    add_finding (verify, XA_AUDIT_FINDING_HEAD_MISSING, 0,
                 g_strdup_printf (_("The head file “%s” is missing: a shortened or rewritten audit log cannot be told from it"),
                                  verify->missing_head));
  check_heads (verify);
  return compare_rows (verify, error) && check_blobs (verify, error);
}

/**
 * xa_store_audit_verify:
 * @known_seq: the sequence number of a head the chain once reached (printed in an
 *   exported file), or 0
 * @known_hash: (nullable): that head's hash
 * @n_entries: (out) (optional): how many entries were read
 *
 * Checks the audit chain and the records it covers: every entry's hash, the key it was
 * signed with, the head file beside the database and @known_seq, and every live record
 * of the audited tables against the chain's last image of it.
 *
 * Returns: (transfer full) (element-type XaAuditFinding): what does not hold, empty
 *   when nothing; %NULL with @error set when the store cannot be read
 */
GPtrArray *
xa_store_audit_verify (XaStore     *self,
                       gint64       known_seq,
                       const char  *known_hash,
                       gint64      *n_entries,
                       GError     **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_audit_finding_free);
  g_autoptr(GArray) heads = g_array_new (FALSE, TRUE, sizeof (Head));
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) _xa_audit_image_free);
  g_autoptr(GHashTable) other_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *missing_head = NULL;
  g_autoptr(GHashTable) kept_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_bytes_unref);
  Verify verify = { self, findings, heads, latest, other_keys, 0, 0, FALSE, FALSE, NULL, kept_keys };

  g_return_val_if_fail (XA_IS_STORE (self), NULL);

  g_array_set_clear_func (heads, head_clear);
  if (known_seq > 0 && known_hash != NULL)
    add_head (&verify, known_seq, known_hash, g_strdup (_("the exported file")));

  /* The key first: it is read, or made, outside any transaction. */
  if (!_xa_store_ensure_audit_key (self, error) ||
      !xa_store_read (self, verify_func, &verify, error))
    {
      g_free (verify.missing_head);
      return NULL;
    }

  missing_head = verify.missing_head;

  /* A chain that verifies is the head this PC has seen of a server: a later cut or
   * rewrite of the chain shows against it. */
  if (findings->len == 0 && xa_store_get_is_server (self))
    _xa_store_remember_head (self);

  if (n_entries)
    *n_entries = verify.n_entries;

  return g_steal_pointer (&findings);
}

/**
 * xa_store_verify_audit:
 * @n_entries: (out) (optional): how many entries were read
 * @first_broken_seq: (out) (optional): the entry of the first finding; -1 when what
 *   does not hold is no entry (a record edited, a head cut); 0 when all holds
 * @reason: (out) (optional) (transfer full): the first finding, or %NULL
 *
 * xa_store_audit_verify() for callers that want the first problem only.
 *
 * Returns: %TRUE when the chain could be read (whether or not it verified)
 */
gboolean
xa_store_verify_audit (XaStore  *self,
                       gint64   *n_entries,
                       gint64   *first_broken_seq,
                       char    **reason,
                       GError  **error)
{
  g_autoptr(GPtrArray) findings = NULL;
  XaAuditFinding *first = NULL;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);

  if (!(findings = xa_store_audit_verify (self, 0, NULL, n_entries, error)))
    return FALSE;

  if (findings->len > 0)
    first = g_ptr_array_index (findings, 0);

  if (first_broken_seq)
    *first_broken_seq = first == NULL ? 0
                        : first->kind <= XA_AUDIT_FINDING_IMAGE_CHANGED && first->seq > 0 ? first->seq
                        : -1;
  if (reason)
    *reason = first ? g_strdup (first->message) : NULL;

  return TRUE;
}
