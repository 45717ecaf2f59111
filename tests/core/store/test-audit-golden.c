/* test-audit-golden.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The audit chain against a golden vector, tests/data/audit-chain-golden.json. Its hashes
 * were computed once with Python's hashlib from the format the file describes, not with
 * our C code: a change to the hashing that agrees with itself passes every other test but
 * makes every database in the field fail to verify, and this test is what notices. The
 * signed chain of schema 7 and its row images have their own vector,
 * tests/data/audit-chain-keyed-golden.json, computed the same way.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "xa-test-utils.h"
#include "core/store/xa-audit-key.h"
#include "core/store/xa-store-audit.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"

#define GOLDEN_N_ENTRIES 5

static const char zero_hash[] =
  "0000000000000000000000000000000000000000000000000000000000000000";

/* The columns of the audit table, which the file's members are named after. */
static const char *const text_columns[] = {
  "at", "operator", "action", "record_table", "record_uuid", "detail", "prev_hash", "hash",
};

typedef struct
{
  XaTestDbDir  db;
  JsonParser  *parser;
  JsonArray   *entries;   /* borrowed from parser */
} Fixture;

/* One character of one entry changed in the file, and the entry the verifier must name. */
typedef struct
{
  gint64      seq;
  const char *column;
} Tampering;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", "audit-chain-golden.json", NULL);
  JsonNode *root;

  xa_test_db_dir_set_up (&fixture->db, user_data);
  fixture->parser = json_parser_new ();
  json_parser_load_from_file (fixture->parser, golden, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (fixture->parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  fixture->entries = json_object_get_array_member (json_node_get_object (root), "entries");
  g_assert_nonnull (fixture->entries);
  g_assert_cmpuint (json_array_get_length (fixture->entries), ==, GOLDEN_N_ENTRIES);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  xa_test_db_dir_tear_down (&fixture->db, user_data);
  g_clear_object (&fixture->parser);
}

static JsonObject *
golden_entry (Fixture *fixture,
              guint    index)
{
  return json_array_get_object_element (fixture->entries, index);
}

static const char *
golden_text (JsonObject *entry,
             const char *column)
{
  const char *text = json_object_get_string_member (entry, column);

  g_assert_nonnull (text);
  return text;
}

static void
test_golden_hashes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *expected_prev = zero_hash;
  gboolean has_empty_detail = FALSE;
  gboolean has_chinese = FALSE;

  for (guint i = 0; i < GOLDEN_N_ENTRIES; i++)
    {
      JsonObject *entry = golden_entry (fixture, i);
      gint64 seq = json_object_get_int_member (entry, "seq");
      const char *detail = golden_text (entry, "detail");
      g_autofree char *computed = NULL;

      /* The file itself is a chain: a vector edited by hand would not be. */
      g_assert_cmpint (seq, ==, i + 1);
      g_assert_cmpstr (golden_text (entry, "prev_hash"), ==, expected_prev);

      computed = _xa_store_hash_entry (NULL, seq,
                                       golden_text (entry, "at"),
                                       golden_text (entry, "operator"),
                                       golden_text (entry, "action"),
                                       golden_text (entry, "record_table"),
                                       golden_text (entry, "record_uuid"),
                                       detail,
                                       golden_text (entry, "prev_hash"),
                                       NULL, NULL);
      g_test_message ("entry %" G_GINT64_FORMAT ": %s", seq, computed);
      g_assert_cmpstr (computed, ==, golden_text (entry, "hash"));

      has_empty_detail |= detail[0] == '\0';
      for (const char *p = detail; *p != '\0'; p = g_utf8_next_char (p))
        has_chinese |= g_unichar_iswide (g_utf8_get_char (p));

      expected_prev = golden_text (entry, "hash");
    }

  /* What the vector is there to cover. */
  g_assert_true (has_empty_detail);
  g_assert_true (has_chinese);
}

/* The test writes the file as a fixture or an attacker would: through its own SQLite
 * connection, which our store's triggers and defensive mode do not bind. */
static sqlite3 *
open_behind_the_store (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

/* A database made by our store, its audit table holding the golden entries. */
static void
write_golden_database (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_store_open (fixture->db.path, &error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_finalize_object (store);

  db = open_behind_the_store (fixture->db.path);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO audit (seq, at, operator, action, record_table,"
                                       " record_uuid, detail, prev_hash, hash)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       -1, &insert, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < GOLDEN_N_ENTRIES; i++)
    {
      JsonObject *entry = golden_entry (fixture, i);

      sqlite3_bind_int64 (insert, 1, json_object_get_int_member (entry, "seq"));
      for (guint c = 0; c < G_N_ELEMENTS (text_columns); c++)
        sqlite3_bind_text (insert, c + 2, golden_text (entry, text_columns[c]), -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      sqlite3_reset (insert);
    }
  g_clear_pointer (&insert, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_verifies (const char *path,
                 gint64      expected_broken)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open (path, &error);

  g_assert_no_error (error);
  xa_test_assert_audit (store, GOLDEN_N_ENTRIES, expected_broken);
}

static void
test_golden_chain_verifies (Fixture       *fixture,
                            gconstpointer  user_data)
{
  write_golden_database (fixture);
  assert_verifies (fixture->db.path, 0);
}

/* @text with its first character replaced by another one, or one character if empty. */
static char *
flip_one_character (const char *text)
{
  GString *flipped = g_string_new (NULL);
  gunichar first = g_utf8_get_char (text);

  if (first == 0)
    g_string_append_c (flipped, ' ');
  else
    {
      g_string_append_unichar (flipped, first ^ 1);
      g_string_append (flipped, g_utf8_next_char (text));
    }

  return g_string_free (flipped, FALSE);
}

static void
test_golden_chain_tampered (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const Tampering *tampering = user_data;
  JsonObject *entry = golden_entry (fixture, tampering->seq - 1);
  g_autofree char *flipped = flip_one_character (golden_text (entry, tampering->column));
  g_autofree char *sql = g_strdup_printf ("UPDATE audit SET %s = ? WHERE seq = ?", tampering->column);
  g_autoptr(sqlite3_stmt) update = NULL;
  sqlite3 *db;

  g_assert_cmpstr (flipped, !=, golden_text (entry, tampering->column));
  write_golden_database (fixture);

  db = open_behind_the_store (fixture->db.path);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &update, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (update, 1, flipped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 2, tampering->seq);
  g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  g_clear_pointer (&update, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  assert_verifies (fixture->db.path, tampering->seq);
}

/* The signed chain of schema 7, tests/data/audit-chain-keyed-golden.json. */

static JsonObject *
load_keyed (JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "data", "audit-chain-keyed-golden.json", NULL);

  json_parser_load_from_file (parser, golden, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static GBytes *
golden_key (JsonObject *golden)
{
  const char *hex = golden_text (golden, "key");
  guint8 key[XA_AUDIT_KEY_SIZE];

  g_assert_cmpuint (strlen (hex), ==, 2 * XA_AUDIT_KEY_SIZE);
  for (guint i = 0; i < XA_AUDIT_KEY_SIZE; i++)
    key[i] = (guint8) (g_ascii_xdigit_value (hex[2 * i]) << 4 | g_ascii_xdigit_value (hex[2 * i + 1]));

  return g_bytes_new (key, sizeof key);
}

static GPtrArray *
entry_images (JsonObject *entry,
              gint64      seq)
{
  JsonArray *array = json_object_get_array_member (entry, "images");
  GPtrArray *images = g_ptr_array_new_with_free_func ((GDestroyNotify) _xa_audit_image_free);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *image = json_array_get_object_element (array, i);

      g_ptr_array_add (images, _xa_audit_image_new (golden_text (image, "record_table"),
                                                    golden_text (image, "record_uuid"),
                                                    golden_text (image, "label"),
                                                    golden_text (image, "fields"),
                                                    golden_text (image, "image_hash"),
                                                    seq));
    }

  return images;
}

static void
test_keyed_hashes (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *golden = load_keyed (parser);
  JsonArray *entries = json_object_get_array_member (golden, "entries");
  g_autoptr(GBytes) key = golden_key (golden);
  g_autofree char *key_id = xa_audit_key_dup_id (key);
  const char *expected_prev = zero_hash;

  g_assert_cmpstr (key_id, ==, golden_text (golden, "key_id"));

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      gint64 seq = json_object_get_int_member (entry, "seq");
      g_autoptr(GPtrArray) images = entry_images (entry, seq);
      g_autofree char *digest = _xa_audit_images_digest (images);
      g_autofree char *computed = NULL;

      g_assert_cmpstr (golden_text (entry, "prev_hash"), ==, expected_prev);
      g_assert_cmpstr (digest, ==, golden_text (entry, "images_digest"));

      for (guint j = 0; j < images->len; j++)
        {
          XaAuditImage *image = g_ptr_array_index (images, j);
          g_autofree char *hash = _xa_audit_fields_hash (image->fields);

          g_assert_cmpstr (hash, ==, image->hash);
        }

      computed = _xa_store_hash_entry (key, seq,
                                       golden_text (entry, "at"),
                                       golden_text (entry, "operator"),
                                       golden_text (entry, "action"),
                                       golden_text (entry, "record_table"),
                                       golden_text (entry, "record_uuid"),
                                       golden_text (entry, "detail"),
                                       golden_text (entry, "prev_hash"),
                                       golden_text (entry, "key_id"),
                                       digest);
      g_test_message ("signed entry %" G_GINT64_FORMAT ": %s", seq, computed);
      g_assert_cmpstr (computed, ==, golden_text (entry, "hash"));
      expected_prev = golden_text (entry, "hash");
    }
}

static gboolean
take_image (XaAuditImage  *image,
            gpointer       user_data,
            GError       **error)
{
  g_ptr_array_add (user_data, image);
  return TRUE;
}

/* The golden row, inserted with its own types, gives the golden image. */
static void
test_keyed_row_image (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *row = json_object_get_object_member (load_keyed (parser), "row");
  JsonObject *columns = json_object_get_object_member (row, "columns");
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open (fixture->db.path, &error);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) _xa_audit_image_free);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new (NULL);
  g_autoptr(GList) members = json_object_get_members (columns);
  g_autofree char *sql = NULL;
  XaAuditImage *image;
  sqlite3 *db;
  int n = 0;

  g_assert_no_error (error);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_string_append_printf (names, "%s%s", n ? ", " : "", (const char *) l->data);
      g_string_append (marks, n++ ? ", ?" : "?");
    }
  sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", golden_text (row, "table"), names->str, marks->str);

  db = open_behind_the_store (fixture->db.path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &insert, NULL), ==, SQLITE_OK);
  n = 1;
  for (GList *l = members; l != NULL; l = l->next, n++)
    {
      JsonNode *node = json_object_get_member (columns, l->data);

      if (JSON_NODE_HOLDS_NULL (node))
        sqlite3_bind_null (insert, n);
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        sqlite3_bind_int64 (insert, n, json_node_get_int (node));
      else
        sqlite3_bind_text (insert, n, json_node_get_string (node), -1, SQLITE_TRANSIENT);
    }
  g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
  g_clear_pointer (&insert, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  xa_store_lock (store);
  g_assert_true (_xa_store_foreach_row_image (store, golden_text (row, "table"), NULL, take_image, images, &error));
  xa_store_unlock (store);
  g_assert_no_error (error);

  g_assert_cmpuint (images->len, ==, 1);
  image = g_ptr_array_index (images, 0);
  g_assert_cmpstr (image->fields, ==, golden_text (row, "fields"));
  g_assert_cmpstr (image->hash, ==, golden_text (row, "image_hash"));
  g_assert_cmpstr (image->label, ==, golden_text (row, "label"));
}

/* The golden signed entries, their images and the head file, in a store whose key
 * file holds the golden key: it verifies with no finding. */
static void
test_keyed_chain_verifies (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *golden = load_keyed (parser);
  JsonArray *entries = json_object_get_array_member (golden, "entries");
  JsonObject *last = json_array_get_object_element (entries, json_array_get_length (entries) - 1);
  g_autofree char *key_path = g_build_filename (fixture->db.dir, "audit-key", NULL);
  g_autofree char *key_text = g_strconcat (golden_text (golden, "key"), "\n", NULL);
  g_autofree char *head_path = g_strconcat (fixture->db.path, ".head", NULL);
  g_autofree char *head = g_strdup_printf ("[Audit head]\nseq=%" G_GINT64_FORMAT "\nhash=%s\n",
                                           json_object_get_int_member (last, "seq"),
                                           golden_text (last, "hash"));
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) insert_entry = NULL;
  g_autoptr(sqlite3_stmt) insert_image = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(XaStore) store = NULL;
  XaStore *made;
  sqlite3 *db;

  g_assert_true (g_file_set_contents (key_path, key_text, -1, NULL));
  g_setenv ("XIAOAN_AUDIT_KEY_FILE", key_path, TRUE);
  made = xa_store_open (fixture->db.path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (made);

  db = open_behind_the_store (fixture->db.path);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO audit (seq, at, operator, action, record_table,"
                                       " record_uuid, detail, prev_hash, hash, key_id)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       -1, &insert_entry, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO audit_image (seq, record_table, record_uuid,"
                                       " label, fields, image_hash) VALUES (?, ?, ?, ?, ?, ?)",
                                       -1, &insert_image, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      static const char *const columns[] = {
        "at", "operator", "action", "record_table", "record_uuid", "detail", "prev_hash", "hash", "key_id",
      };
      JsonObject *entry = json_array_get_object_element (entries, i);
      gint64 seq = json_object_get_int_member (entry, "seq");
      g_autoptr(GPtrArray) images = entry_images (entry, seq);

      sqlite3_bind_int64 (insert_entry, 1, seq);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        sqlite3_bind_text (insert_entry, c + 2, golden_text (entry, columns[c]), -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (insert_entry), ==, SQLITE_DONE);
      sqlite3_reset (insert_entry);

      for (guint j = 0; j < images->len; j++)
        {
          XaAuditImage *image = g_ptr_array_index (images, j);

          sqlite3_bind_int64 (insert_image, 1, seq);
          sqlite3_bind_text (insert_image, 2, image->table, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert_image, 3, image->uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert_image, 4, image->label, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert_image, 5, image->fields, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert_image, 6, image->hash, -1, SQLITE_TRANSIENT);
          g_assert_cmpint (sqlite3_step (insert_image), ==, SQLITE_DONE);
          sqlite3_reset (insert_image);
        }
    }
  g_clear_pointer (&insert_entry, sqlite3_finalize);
  g_clear_pointer (&insert_image, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_true (g_file_set_contents (head_path, head, -1, NULL));

  store = xa_store_open (fixture->db.path, &error);
  g_assert_no_error (error);
  findings = xa_store_audit_verify (store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((XaAuditFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
  g_unsetenv ("XIAOAN_AUDIT_KEY_FILE");
}

int
main (int   argc,
      char *argv[])
{
  /* A field of each entry, the empty detail and both hashes among them. */
  static const Tampering tamperings[] = {
    { 1, "at" },
    { 2, "detail" },
    { 3, "operator" },
    { 3, "detail" },
    { 4, "detail" },
    { 4, "record_uuid" },
    { 5, "action" },
    { 5, "prev_hash" },
    { 5, "hash" },
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/audit-golden/hashes", Fixture, NULL,
              fixture_set_up, test_golden_hashes, fixture_tear_down);
  g_test_add ("/xa/audit-golden/chain-verifies", Fixture, NULL,
              fixture_set_up, test_golden_chain_verifies, fixture_tear_down);
  g_test_add ("/xa/audit-golden/keyed/hashes", Fixture, NULL,
              fixture_set_up, test_keyed_hashes, fixture_tear_down);
  g_test_add ("/xa/audit-golden/keyed/row-image", Fixture, NULL,
              fixture_set_up, test_keyed_row_image, fixture_tear_down);
  g_test_add ("/xa/audit-golden/keyed/chain-verifies", Fixture, NULL,
              fixture_set_up, test_keyed_chain_verifies, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xa/audit-golden/tampered/%" G_GINT64_FORMAT "-%s",
                                               tamperings[i].seq, tamperings[i].column);

      g_test_add (path, Fixture, &tamperings[i], fixture_set_up, test_golden_chain_tampered, fixture_tear_down);
    }

  return g_test_run ();
}
