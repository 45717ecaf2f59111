/* test-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"
#include "core/util/xa-date.h"

typedef XaTestDbDir Fixture;

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

typedef struct
{
  const char *name;
  gboolean    fail_after_insert;
} InsertCommission;

static gboolean
insert_commission (XaStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  InsertCommission *args = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *now = xa_date_now_iso8601 ();

  stmt = xa_store_prepare (store,
                           "INSERT INTO organisation (uuid, kind, name, created_at, updated_at)"
                           " VALUES (?, 'commission', ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;
  xa_statement_bind_text (stmt, 1, uuid);
  xa_statement_bind_text (stmt, 2, args->name);
  xa_statement_bind_text (stmt, 3, now);
  xa_statement_bind_text (stmt, 4, now);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  if (!xa_store_append_audit (store, "commission.add", "organisation", uuid,
                              "{\"name\":\"test\"}", error))
    return FALSE;

  if (args->fail_after_insert)
    {
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID, "refused on purpose");
      return FALSE;
    }

  return TRUE;
}

static void
test_store_pragmas (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open (fixture->path, &error);
  sqlite3 *db;
  g_autofree char *journal_mode = NULL;
  g_autofree char *synchronous = NULL;
  g_autofree char *foreign_keys = NULL;
  g_autofree char *trusted_schema = NULL;
  g_autofree char *application_id = NULL;
  g_autofree char *user_version = NULL;
  g_autofree char *busy_timeout = NULL;
  g_autofree char *page_size = NULL;
  int defensive = -1;

  g_assert_no_error (error);
  db = _xa_store_get_db (store);

  journal_mode = query_text (db, "PRAGMA journal_mode");
  synchronous = query_text (db, "PRAGMA synchronous");
  foreign_keys = query_text (db, "PRAGMA foreign_keys");
  trusted_schema = query_text (db, "PRAGMA trusted_schema");
  application_id = query_text (db, "PRAGMA application_id");
  user_version = query_text (db, "PRAGMA user_version");
  busy_timeout = query_text (db, "PRAGMA busy_timeout");
  page_size = query_text (db, "PRAGMA page_size");

  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpstr (synchronous, ==, "2");  /* FULL */
  g_assert_cmpstr (foreign_keys, ==, "1");
  g_assert_cmpstr (trusted_schema, ==, "0");
  g_assert_cmpint (g_ascii_strtoll (application_id, NULL, 10), ==, XA_STORE_APPLICATION_ID);
  g_assert_cmpint (g_ascii_strtoll (user_version, NULL, 10), ==, XA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (g_ascii_strtoll (busy_timeout, NULL, 10), >=, 1000);
  g_assert_cmpstr (page_size, ==, "16384");

  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  g_assert_cmpint (defensive, ==, 1);

  /* Defensive mode: the schema cannot be rewritten behind SQLite's back. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON;"
                                     "UPDATE sqlite_schema SET sql = '' WHERE name = 'audit'",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
}

static void
test_store_foreign_key_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open_in_memory (&error);
  sqlite3 *db;

  g_assert_no_error (error);
  db = _xa_store_get_db (store);

  /* A person of an organisation that does not exist. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO person (uuid, organisation_id, name, created_at, updated_at)"
                                 " VALUES ('p', 4242, '张三', 'now', 'now')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM person"), ==, 0);
}

static void
test_store_write_is_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open_in_memory (&error);
  InsertCommission good = { "示例区教育委员会", FALSE };
  InsertCommission bad = { "另一个", TRUE };
  guint serial;

  g_assert_no_error (error);

  /* The change and its audit entry roll back together. */
  g_assert_false (xa_store_write (store, insert_commission, &bad, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation"), ==, 0);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit"), ==, 0);
  g_assert_cmpuint (xa_store_get_change_serial (store), ==, 0);

  g_assert_true (xa_store_write (store, insert_commission, &good, &error));
  g_assert_no_error (error);
  serial = xa_store_get_change_serial (store);
  g_assert_cmpuint (serial, ==, 1);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation"), ==, 1);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit"), ==, 1);

  /* A second commission breaks the one-commission index: a constraint error. */
  good.name = "第二个";
  g_assert_false (xa_store_write (store, insert_commission, &good, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit"), ==, 1);
  g_assert_cmpuint (xa_store_get_change_serial (store), ==, serial);
}

static void
test_store_audit_append_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open_in_memory (&error);
  InsertCommission good = { "示例区教育委员会", FALSE };
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_true (xa_store_write (store, insert_commission, &good, &error));
  db = _xa_store_get_db (store);

  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit SET operator = 'x'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit"), ==, 1);
}

static gboolean
append_entries (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  guint n = GPOINTER_TO_UINT (user_data);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uuid = xa_store_new_uuid ();
      g_autofree char *detail = g_strdup_printf ("{\"n\":%u,\"text\":\"隐患整改\"}", i);

      if (!xa_store_append_audit (store, "test.entry", "test", uuid, detail, error))
        return FALSE;
    }

  return TRUE;
}

/* Changes the file as someone with the sqlite3 shell would: the shell is not bound by our
 * connection's rules, so the triggers are dropped first. */
static void
tamper (const char *path,
        const char *sql)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  g_autofree char *script = g_strdup_printf ("DROP TRIGGER IF EXISTS audit_no_update;"
                                             "DROP TRIGGER IF EXISTS audit_no_delete;%s", sql);

  if (shell != NULL)
    {
      const char *argv[] = { shell, path, script, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, script, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
}

static void
verify (const char *path,
        gint64      expected_entries,
        gint64      expected_broken)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open (path, &error);

  g_assert_no_error (error);
  xa_test_assert_audit (store, expected_entries, expected_broken);
}

static void
test_store_audit_chain (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_store_open (fixture->path, &error);

  g_assert_no_error (error);
  xa_store_set_operator (store, "李明");
  g_assert_cmpstr (xa_store_get_operator (store), ==, "李明");
  g_assert_true (xa_store_write (store, append_entries, GUINT_TO_POINTER (5), &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  verify (fixture->path, 5, 0);

  /* One field of entry 3 edited in the shell: entry 3 is named, not a later one. */
  tamper (fixture->path, "UPDATE audit SET operator = '王五' WHERE seq = 3;");
  verify (fixture->path, 5, 3);
}

static void
test_store_audit_chain_deleted_entry (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_store_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_true (xa_store_write (store, append_entries, GUINT_TO_POINTER (4), &error));
  g_assert_finalize_object (store);

  tamper (fixture->path, "DELETE FROM audit WHERE seq = 2;");
  verify (fixture->path, 3, 2);
}

static void
test_store_migrate_empty_file (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "", 0, &error));
  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation"), ==, 0);
}

static void
test_store_migrate_previous_schema (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  XaStore *old;
  g_autoptr(XaStore) store = NULL;
  gint64 n_entries = 0;
  gint64 broken = -1;

  /* A database as the release before the signed chain left it, with history in it: the
   * steps since, up to this release's, all run on it. */
  old = _xa_store_open_at_version (fixture->path, XA_STORE_SCHEMA_SIGNED - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (old), ==, XA_STORE_SCHEMA_SIGNED - 1);
  g_assert_true (xa_store_write (old, append_entries, GUINT_TO_POINTER (3), &error));
  g_assert_finalize_object (old);

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation"), ==, 0);
  g_assert_true (xa_store_verify_audit (store, &n_entries, &broken, NULL, &error));
  /* The upgrade to schema 7 signed the chain with a baseline entry after the old ones. */
  g_assert_cmpint (n_entries, ==, 4);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE seq = 4"
                                             " AND action = 'audit.baseline' AND key_id <> ''"), ==, 1);
}

/* A file made before pages of 16 KiB keeps its 4 KiB pages, and works as before. */
static void
test_store_page_size_kept (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  XaStore *first = xa_store_open (fixture->path, &error);
  g_autoptr(XaStore) store = NULL;
  g_autofree char *page_size = NULL;
  sqlite3 *db = NULL;
  InsertCommission args = { "区教委", FALSE };

  g_assert_no_error (error);
  g_assert_finalize_object (first);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  store = xa_store_open (fixture->path, &error);
  g_assert_no_error (error);
  page_size = query_text (_xa_store_get_db (store), "PRAGMA page_size");
  g_assert_cmpstr (page_size, ==, "4096");
  g_assert_true (xa_store_write (store, insert_commission, &args, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation"), ==, 1);
}

static void
make_foreign_database (const char *path,
                       const char *pragmas)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("%s CREATE TABLE t (x); INSERT INTO t VALUES (1);", pragmas);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_refused_untouched (const char *path,
                          int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  XaStore *store;

  store = xa_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, XA_STORE_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, "xiaoan.db"));

  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_store_newer_refused (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              XA_STORE_APPLICATION_ID, XA_STORE_SCHEMA_VERSION + 1);

  make_foreign_database (fixture->path, pragmas);
  assert_refused_untouched (fixture->path, XA_STORE_ERROR_TOO_NEW);
}

static void
test_store_other_program_refused (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  make_foreign_database (fixture->path, "PRAGMA application_id = 1234;");
  assert_refused_untouched (fixture->path, XA_STORE_ERROR_NOT_OURS);
}

static void
test_store_data_dir (void)
{
  g_autofree char *from_option = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "xiaoan", NULL);

  g_setenv ("XIAOAN_DATA_DIR", "/tmp/from-env", TRUE);
  from_option = xa_store_dup_default_data_dir ("/tmp/from-option");
  from_env = xa_store_dup_default_data_dir (NULL);
  g_unsetenv ("XIAOAN_DATA_DIR");
  fallback = xa_store_dup_default_data_dir (NULL);

  g_assert_cmpstr (from_option, ==, "/tmp/from-option");
  g_assert_cmpstr (from_env, ==, "/tmp/from-env");
  g_assert_cmpstr (fallback, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/store/" path, Fixture, NULL, xa_test_db_dir_set_up, func, xa_test_db_dir_tear_down)

  ADD ("pragmas", test_store_pragmas);
  g_test_add_func ("/xa/store/foreign-key-rejected", test_store_foreign_key_rejected);
  g_test_add_func ("/xa/store/write-is-atomic", test_store_write_is_atomic);
  g_test_add_func ("/xa/store/audit-append-only", test_store_audit_append_only);
  ADD ("audit-chain", test_store_audit_chain);
  ADD ("audit-chain-deleted-entry", test_store_audit_chain_deleted_entry);
  ADD ("migrate-empty-file", test_store_migrate_empty_file);
  ADD ("migrate-previous-schema", test_store_migrate_previous_schema);
  ADD ("page-size-kept", test_store_page_size_kept);
  ADD ("newer-refused", test_store_newer_refused);
  ADD ("other-program-refused", test_store_other_program_refused);
  g_test_add_func ("/xa/store/data-dir", test_store_data_dir);

  return g_test_run ();
}
