/* test-store-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XaStore on a real PostgreSQL server (the pg suite, inside pg_virtualenv): what differs
 * from a file. The server signs the chain with a key it keeps, and its signature is the
 * one the program computes; writes are atomic, rules refuse what they refuse on SQLite,
 * a write that loses a race runs again, four clients writing at once leave every record
 * and one unforked chain (and clients recording hazards at once draw distinct numbers);
 * another program's schema and a newer one are left untouched; a store opened for
 * reading writes nothing; a school's role sees and changes only its own hazards.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-book.h"
#include "core/hazards/xa-hazard-demo.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-pg.h"
#include "core/store/xa-store-audit.h"
#include "core/store/xa-store-private.h"

/* A key of the test's own, made current on the server (the test runs as the cluster's
 * superuser, as a district's administrator would at `server setup`). */
static const char test_key_hex[] =
  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

static gboolean
insert_note_func (XaStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  const char *uuid = user_data;
  g_autoptr(XaStatement) insert = NULL;

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO school_year (uuid, start_year, created_at)"
                                   " VALUES (?, 2030, '2026-12-05T00:00:00Z')",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);

  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "school-year.add", "school_year", uuid,
                                "{\"start_year\":2030}", error);
}

/* The server's HMAC of an entry is the one _xa_store_hash_entry() computes with the same
 * key, byte for byte: a chain signed on one engine verifies on the other. */
static void
test_signature_matches_program (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *key_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GBytes) key = NULL;
  g_autoptr(XaStatement) entry = NULL;
  g_autoptr(GPtrArray) images = NULL;
  guint8 raw[32];

  for (guint i = 0; i < sizeof raw; i++)
    raw[i] = (guint8) i;
  key = g_bytes_new (raw, sizeof raw);
  key_id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, key);
  key_id[16] = '\0';

  sql = g_strdup_printf ("UPDATE audit_key SET current = FALSE;"
                         "INSERT INTO audit_key (key_id, secret, current)"
                         " VALUES ('%s', decode ('%s', 'hex'), TRUE)", key_id, test_key_hex);
  xa_store_exec (store, sql, &error);
  g_assert_no_error (error);

  g_assert_true (xa_store_write (store, insert_note_func, uuid, &error));
  g_assert_no_error (error);

  /* The digest of the images the entry covers, as verify takes it. */
  xa_store_lock (store);
  images = g_ptr_array_new_with_free_func ((GDestroyNotify) _xa_audit_image_free);
  entry = xa_store_prepare (store,
                            "SELECT record_table, record_uuid, label, fields, image_hash"
                            " FROM audit_image WHERE seq = 1 ORDER BY record_table, record_uuid",
                            &error);
  g_assert_no_error (error);
  while (xa_statement_step (entry, NULL) == XA_STEP_ROW)
    g_ptr_array_add (images, _xa_audit_image_new (xa_statement_get_text (entry, 0),
                                                  xa_statement_get_text (entry, 1),
                                                  xa_statement_get_text (entry, 2),
                                                  xa_statement_get_text (entry, 3),
                                                  xa_statement_get_text (entry, 4), 1));
  g_clear_pointer (&entry, xa_statement_free);
  g_assert_cmpuint (images->len, ==, 1);
  digest = _xa_audit_images_digest (images);

  entry = xa_store_prepare (store,
                            "SELECT seq, at, operator, action, record_table, record_uuid, detail,"
                            " prev_hash, hash, key_id FROM audit WHERE seq = 1",
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_statement_step (entry, NULL), ==, XA_STEP_ROW);
  g_assert_cmpstr (xa_statement_get_text (entry, 9), ==, key_id);
  computed = _xa_store_hash_entry (key, 1, xa_statement_get_text (entry, 1),
                                   xa_statement_get_text (entry, 2), xa_statement_get_text (entry, 3),
                                   xa_statement_get_text (entry, 4), xa_statement_get_text (entry, 5),
                                   xa_statement_get_text (entry, 6), xa_statement_get_text (entry, 7),
                                   key_id, digest);
  g_assert_cmpstr (computed, ==, xa_statement_get_text (entry, 8));
  g_clear_pointer (&entry, xa_statement_free);
  xa_store_unlock (store);

  xa_test_assert_audit (store, 1, 0);
}

static gboolean
fail_after_insert_func (XaStore   *store,
                        gpointer   user_data,
                        GError   **error)
{
  g_autofree char *uuid = xa_store_new_uuid ();

  if (!insert_note_func (store, uuid, error))
    return FALSE;

  /* A foreign key that points nowhere: the whole write goes, the insert before too. */
  return xa_store_exec (store,
                        "INSERT INTO person (uuid, organisation_id, name, created_at, updated_at)"
                        " VALUES ('p', 999, '无主', 'x', 'x')",
                        error);
}

static void
test_write_is_atomic (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  g_autofree char *before = xa_test_fingerprint (store);
  g_autofree char *after = NULL;

  g_assert_false (xa_store_write (store, fail_after_insert_func, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_null (strstr (error->message, "INSERT"));

  after = xa_test_fingerprint (store);
  g_assert_cmpstr (after, ==, before);
  xa_test_assert_audit (store, 0, 0);
}

static void
test_audit_append_only (void)
{
  g_autoptr(XaStore) store = xa_test_store_new ();
  g_autofree char *uuid = xa_store_new_uuid ();
  const char *tampering[] = {
    "UPDATE audit SET operator = 'x'",
    "DELETE FROM audit",
    "TRUNCATE audit CASCADE",
    "UPDATE audit_image SET fields = ''",
    "DELETE FROM audit_image",
  };

  g_assert_true (xa_store_write (store, insert_note_func, uuid, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (xa_store_exec (store, tampering[i], &error));
      g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
      g_test_message ("%s: %s", tampering[i], error->message);
    }

  xa_test_assert_audit (store, 1, 0);
}

static guint n_runs;

/* Loses a race the first time it runs, as a serialisation failure on a busy server. */
static gboolean
lose_once_func (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  if (n_runs++ == 0)
    return insert_note_func (store, user_data, error) &&
           xa_store_exec (store,
                          "DO $$ BEGIN RAISE EXCEPTION 'lost' USING ERRCODE = 'serialization_failure'; END $$",
                          error);

  return insert_note_func (store, user_data, error);
}

static void
test_lost_race_runs_again (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  g_autofree char *uuid = xa_store_new_uuid ();

  n_runs = 0;
  g_assert_true (xa_store_write (store, lose_once_func, uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_runs, ==, 2);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM school_year"), ==, 1);
  xa_test_assert_audit (store, 1, 0);
}

#define N_CLIENTS 4
#define N_RECORDS 500

typedef struct
{
  const char *location;
  guint       client;
  guint       n_written;
  char       *failure;
} Client;

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *operator_name = g_strdup_printf ("客户端%u", client->client);

  if (!(workspace = xa_workspace_open_location (client->location, NULL, operator_name, &error)))
    {
      client->failure = g_strdup (error->message);
      return NULL;
    }

  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
      g_autofree char *code = g_strdup_printf ("31%02u%06u", client->client, i);
      g_autofree char *name = g_strdup_printf ("第%u客户端第%u学校", client->client, i);

      xa_organisation_set_code (school, code);
      xa_organisation_set_name (school, name);
      xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
      xa_organisation_set_stages (school, xa_school_type_default_stages (XA_SCHOOL_TYPE_PRIMARY));
      if (!xa_school_registry_add_school (xa_workspace_get_registry (workspace), school, &error))
        {
          client->failure = g_strdup (error->message);
          return NULL;
        }
      client->n_written++;
    }

  return NULL;
}

/* Four clients, each with its own connections, add 500 schools each at once: every
 * school is there, the chain verifies and never forked (one entry per number, each
 * following the one before), and no client heard of the others. */
static void
test_four_clients (void)
{
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_open (location, "区教委");
  XaStore *store = xa_workspace_get_store (workspace);
  Client clients[N_CLIENTS] = { 0 };
  GThread *threads[N_CLIENTS];
  gint64 n_entries;

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i].location = location;
      clients[i].client = i;
      threads[i] = g_thread_new ("client", client_thread, &clients[i]);
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpstr (clients[i].failure, ==, NULL);
      g_assert_cmpuint (clients[i].n_written, ==, N_RECORDS);
    }

  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM organisation WHERE kind = 'school'"),
                   ==, N_CLIENTS * N_RECORDS);
  n_entries = xa_test_query_int (store, "SELECT count(*) FROM audit");
  g_assert_cmpint (n_entries, >=, N_CLIENTS * N_RECORDS);
  g_assert_cmpint (xa_test_query_int (store, "SELECT max(seq) FROM audit"), ==, n_entries);
  g_assert_cmpint (xa_test_query_int (store,
                                      "SELECT count(*) FROM audit a JOIN audit b ON b.seq = a.seq + 1"
                                      " WHERE b.prev_hash <> a.hash"),
                   ==, 0);
  xa_test_assert_audit (store, n_entries, 0);
}

/* A schema with another program's tables is refused, and stays as it was. */
static void
test_other_program_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaPgConnection) connection = xa_pg_connection_open (location, NULL, &error);
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaPgStatement) count = NULL;

  g_assert_no_error (error);
  xa_pg_connection_exec (connection, "CREATE TABLE invoices (id INT); INSERT INTO invoices VALUES (1)", &error);
  g_assert_no_error (error);

  store = xa_store_open_server (location, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS);
  g_test_message ("%s", error->message);

  count = xa_pg_statement_new (connection,
                               "SELECT count(*) FROM information_schema.tables"
                               " WHERE table_schema = current_schema ()", NULL);
  g_assert_cmpint (xa_pg_statement_step (count, NULL), ==, XA_STEP_ROW);
  g_assert_cmpint (xa_pg_statement_get_int64 (count, 0), ==, 1);
}

/* A database a newer Xiaoan wrote is refused untouched. */
static void
test_newer_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaStore) store = xa_store_open_server (location, NULL, &error);
  g_autoptr(XaStore) again = NULL;

  g_assert_no_error (error);
  xa_store_exec (store, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  again = xa_store_open_server (location, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_TOO_NEW);
}

/* Opened for reading, a store creates nothing in an empty schema and refuses writes. */
static void
test_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autoptr(XaStore) empty = xa_store_open_server_read_only (location, NULL, &error);
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaStore) reader = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (empty), ==, 0);
  g_assert_cmpint (xa_test_query_int (empty,
                                      "SELECT count(*) FROM information_schema.tables"
                                      " WHERE table_schema = current_schema ()"), ==, 0);
  workspace = xa_workspace_open_location_for_reading (location, NULL, &error);
  g_assert_null (workspace);
  g_assert_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE);
  g_clear_error (&error);

  store = xa_store_open_server (location, NULL, &error);
  g_assert_no_error (error);
  reader = xa_store_open_server_read_only (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_get_schema_version (reader), ==, XA_STORE_SCHEMA_VERSION);
  g_assert_true (xa_store_get_read_only (reader));
  g_assert_false (xa_store_write (reader, insert_note_func, uuid, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM school_year"), ==, 0);
}

/* xiaoan-cli on a server: --database names it; a read before `init` creates nothing and
 * says to run init; the commands work there as on a file, and backups are left to the
 * server's tools with a sentence that says so. */
static void
test_cli (void)
{
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(JsonArray) schools = NULL;

  {
    g_auto(XaTestRun) run = { 0 };

    xa_test_run_cli (&run, NULL, "--database", location, "school", "list", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "init"));
  }
  {
    g_autoptr(XaStore) store = xa_store_open_server_read_only (location, NULL, NULL);

    g_assert_cmpint (xa_store_get_schema_version (store), ==, 0);
  }
  {
    g_auto(XaTestRun) run = { 0 };

    xa_test_run_cli (&run, NULL, "--database", location, "demo", "--schools", "3", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  schools = xa_test_run_cli_json (NULL, "--database", location, "school", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (schools), ==, 3);

  {
    g_auto(XaTestRun) run = { 0 };

    xa_test_run_cli (&run, NULL, "--database", location, "audit", "verify", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(XaTestRun) run = { 0 };

    xa_test_run_cli (&run, NULL, "--database", location, "backup", "create", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "pg_dump"));
  }
}

static char *
uri_for_role (const char *location,
              const char *role_name)
{
  return g_strdup_printf ("%s&user=%s", location, role_name);
}

static void
assert_refused (XaStore    *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xa_store_exec (store, sql, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY);
  g_assert_null (strstr (error->message, "permission"));
  g_test_message ("%s: %s", sql, error->message);
}

/* Roles and row level security: as school A's role, school B's rows are invisible and
 * writing them is refused; no application role may change or remove an audit entry or
 * read the key, and a school reads no entry at all; commission roles see every school,
 * and the chain that all of them wrote verifies. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("school_a_%d", (int) getpid ());
  g_autofree char *role_b = g_strdup_printf ("school_b_%d", (int) getpid ());
  g_autofree char *role_staff = g_strdup_printf ("staff_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *password_b = NULL;
  g_autofree char *password_staff = NULL;
  g_autofree char *uri_a = uri_for_role (location, role_a);
  g_autofree char *uri_staff = uri_for_role (location, role_staff);
  g_autofree char *sql = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaWorkspace) staff = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaOrganisation) seen_b = NULL;
  g_autoptr(XaPerson) teacher = NULL;
  XaStore *store_a;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 3, 7, &error));
  g_assert_true (xa_agreement_book_generate_all (xa_workspace_get_agreements (admin), 2021, NULL, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);

  /* B's agreement has a supplementary clause of B's. */
  {
    g_autoptr(XaAgreement) agreement_b = xa_agreement_book_dup_current (xa_workspace_get_agreements (admin),
                                                                        xa_organisation_get_uuid (b), 2021, &error);
    g_autofree char *clause = NULL;

    g_assert_no_error (error);
    clause = xa_agreement_book_add_supplement (xa_workspace_get_agreements (admin),
                                               xa_agreement_get_uuid (agreement_b), "乙校的补充条款。", &error);
    g_assert_no_error (error);
  }

  g_assert_true (xa_store_server_setup (admin_store, &error));
  g_assert_no_error (error);
  /* Setting up twice, as after an upgrade, is no error. */
  g_assert_true (xa_store_server_setup (admin_store, &error));
  g_assert_no_error (error);
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  password_b = xa_store_server_add_school (admin_store, xa_organisation_get_code (b), role_b, &error);
  g_assert_no_error (error);
  password_staff = xa_store_server_add_staff (admin_store, role_staff, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (password_a), >=, 20);
  g_assert_cmpstr (password_a, !=, password_b);

  /* No role twice, no school without its school, no role a name could smuggle SQL into. */
  g_assert_null (xa_store_server_add_school (admin_store, xa_organisation_get_code (b), role_a, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, role_a));
  g_clear_error (&error);
  g_assert_null (xa_store_server_add_school (admin_store, "9999999999", NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (xa_store_server_add_staff (admin_store, "x; DROP TABLE audit", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* School A, with its own password (the one in the environment is the administrator's). */
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校", &error);
  g_assert_no_error (error);
  store_a = xa_workspace_get_store (school_a);
  g_assert_cmpuint (xa_school_registry_count_schools (xa_workspace_get_registry (school_a)), ==, 1);
  g_assert_null (xa_school_registry_dup_school (xa_workspace_get_registry (school_a),
                                                xa_organisation_get_uuid (b), NULL));
  g_assert_nonnull (xa_school_registry_dup_commission (xa_workspace_get_registry (school_a)));
  g_assert_cmpint (xa_test_query_int (store_a, "SELECT count(*) FROM agreement"), ==, 1);
  g_assert_cmpint (xa_test_query_int (store_a, "SELECT count(*) FROM template"), >=, 1);

  /* Its own rows it writes, through the app, audited. */
  xa_organisation_set_phone (a, "010-12345678");
  g_assert_true (xa_school_registry_update_school (xa_workspace_get_registry (school_a), a, &error));
  g_assert_no_error (error);
  teacher = xa_person_new (xa_organisation_get_uuid (a), "甲老师");
  g_assert_true (xa_school_registry_add_person (xa_workspace_get_registry (school_a), teacher, &error));
  g_assert_no_error (error);

  /* B's rows: not seen, so not changed; not added to. */
  sql = g_strdup_printf ("UPDATE organisation SET phone = 'x' WHERE uuid = '%s'", xa_organisation_get_uuid (b));
  g_assert_true (xa_store_exec (store_a, sql, &error));
  g_assert_cmpint (xa_store_count_changes (store_a), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO person (uuid, organisation_id, name, created_at, updated_at)"
                         " VALUES ('intruder', %" G_GINT64_FORMAT ", '乙', 'x', 'x')",
                         xa_test_query_int (admin_store, "SELECT max(id) FROM organisation WHERE kind = 'school'"));
  assert_refused (store_a, sql);
  assert_refused (store_a, "INSERT INTO organisation (uuid, kind, name, created_at, updated_at)"
                           " VALUES ('new', 'school', '新校', 'x', 'x')");

  /* Supplementary clauses: its own agreement's, through the app, audited; B's neither
   * seen nor added to. */
  {
    XaAgreementBook *book_a = xa_workspace_get_agreements (school_a);
    g_autoptr(XaAgreement) agreement_a = xa_agreement_book_dup_current (book_a, xa_organisation_get_uuid (a),
                                                                        2021, &error);
    g_autofree char *clause = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (xa_test_query_int (store_a, "SELECT count(*) FROM agreement_supplement"), ==, 0);
    clause = xa_agreement_book_add_supplement (book_a, xa_agreement_get_uuid (agreement_a), "甲校的补充条款。", &error);
    g_assert_no_error (error);
    g_assert_cmpint (xa_test_query_int (store_a, "SELECT count(*) FROM agreement_supplement"), ==, 1);
    g_assert_true (xa_store_exec (store_a, "UPDATE agreement_supplement SET body = 'x' WHERE body = '乙校的补充条款。'",
                                  &error));
    g_assert_cmpint (xa_store_count_changes (store_a), ==, 0);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("INSERT INTO agreement_supplement (uuid, agreement_id, position, body, created_at,"
                           " created_by, updated_at) VALUES ('intruder', %" G_GINT64_FORMAT ", 2, '乙', 'x', 'x', 'x')",
                           xa_test_query_int (admin_store, "SELECT agreement_id FROM agreement_supplement"
                                                           " WHERE body = '乙校的补充条款。'"));
    /* Refused before the row's own check: to A's role, B's agreement is no draft it sees. */
    g_assert_false (xa_store_exec (store_a, sql, &error));
    g_clear_error (&error);
    g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM agreement_supplement"), ==, 2);
  }

  /* The chain: out of reach. */
  assert_refused (store_a, "UPDATE audit SET operator = 'x'");
  assert_refused (store_a, "DELETE FROM audit");
  assert_refused (store_a, "DELETE FROM audit_image");
  assert_refused (store_a, "SELECT count(*) FROM audit");
  assert_refused (store_a, "SELECT count(*) FROM audit_key");
  assert_refused (store_a, "SELECT count(*) FROM server_role");
  assert_refused (store_a, "SET session_replication_role = replica");
  g_assert_null (xa_store_audit_verify (store_a, 0, NULL, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Commission staff see every school, may not touch the chain either, and verify it. */
  staff = xa_workspace_open_location (uri_staff, password_staff, "区教委科员", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_school_registry_count_schools (xa_workspace_get_registry (staff)), ==, 3);
  seen_b = xa_school_registry_dup_school (xa_workspace_get_registry (staff), xa_organisation_get_uuid (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_phone (seen_b), !=, "x");
  assert_refused (xa_workspace_get_store (staff), "UPDATE audit SET operator = 'x'");
  assert_refused (xa_workspace_get_store (staff), "DELETE FROM audit_image");
  assert_refused (xa_workspace_get_store (staff), "SELECT count(*) FROM audit_key");
  xa_test_assert_audit (xa_workspace_get_store (staff),
                        xa_test_query_int (admin_store, "SELECT count(*) FROM audit"), 0);
}

static XaHazard *
test_new_hazard (const char *school_uuid)
{
  XaHazard *hazard = xa_hazard_new ();

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, school_uuid);
  xa_hazard_set_school_year (hazard, 2022);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, "2023-03-01");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "张老师");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "操场北侧");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "篮球架底座松动");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "加固");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "体卫艺处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, "2023-03-08");
  return hazard;
}

#define N_HAZARD_CLIENTS 4
#define N_HAZARDS_EACH   40

typedef struct
{
  const char *location;
  const char *school_uuid;
  guint       client;
  char       *failure;
} HazardClient;

static gpointer
hazard_client_thread (gpointer data)
{
  HazardClient *client = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *operator_name = g_strdup_printf ("客户端%u", client->client);

  if (!(workspace = xa_workspace_open_location (client->location, NULL, operator_name, &error)))
    {
      client->failure = g_strdup (error->message);
      return NULL;
    }

  for (guint i = 0; i < N_HAZARDS_EACH; i++)
    {
      g_autoptr(XaHazard) hazard = test_new_hazard (client->school_uuid);
      g_autofree char *place = g_strdup_printf ("第%u客户端第%u处", client->client, i);

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
      if (!xa_hazard_book_add (xa_workspace_get_hazards (workspace), hazard, &error))
        {
          client->failure = g_strdup (error->message);
          return NULL;
        }
    }

  return NULL;
}

/* Four clients record hazards of one school and year at once: every hazard has its own
 * number, the numbers run from 1 without a gap, and the chain holds. */
static void
test_concurrent_hazards (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_open (location, "区教委");
  XaStore *store = xa_workspace_get_store (workspace);
  g_autoptr(XaOrganisation) school = NULL;
  HazardClient clients[N_HAZARD_CLIENTS] = { 0 };
  GThread *threads[N_HAZARD_CLIENTS];

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), 2, 7, &error));
  g_assert_no_error (error);
  school = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (workspace)), 0);

  for (guint i = 0; i < N_HAZARD_CLIENTS; i++)
    {
      clients[i].location = location;
      clients[i].school_uuid = xa_organisation_get_uuid (school);
      clients[i].client = i;
      threads[i] = g_thread_new ("client", hazard_client_thread, &clients[i]);
    }
  for (guint i = 0; i < N_HAZARD_CLIENTS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpstr (clients[i].failure, ==, NULL);
    }

  g_assert_cmpint (xa_test_query_int (store, "SELECT count(DISTINCT number) FROM hazard"),
                   ==, N_HAZARD_CLIENTS * N_HAZARDS_EACH);
  g_assert_cmpint (xa_test_query_int (store, "SELECT min(sequence) FROM hazard"), ==, 1);
  g_assert_cmpint (xa_test_query_int (store, "SELECT max(sequence) FROM hazard"),
                   ==, N_HAZARD_CLIENTS * N_HAZARDS_EACH);
  xa_test_assert_chain_holds (store);
}

static guint
count_hazards (XaWorkspace          *workspace,
               const XaHazardFilter *filter)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (xa_hazard_book_count (xa_workspace_get_hazards (workspace), filter, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* A school's role and the ledger: it reads, searches and records only its own hazards;
 * another school's it neither sees nor changes, whether through the app or in SQL;
 * nobody deletes a hazard or rewrites a step; commission staff see all. */
static void
test_hazard_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("hazard_a_%d", (int) getpid ());
  g_autofree char *role_staff = g_strdup_printf ("hazard_staff_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *password_staff = NULL;
  g_autofree char *uri_a = uri_for_role (location, role_a);
  g_autofree char *uri_staff = uri_for_role (location, role_staff);
  g_autofree char *sql = NULL;
  g_autofree char *number_b = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaWorkspace) staff = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaHazard) mine = NULL;
  g_autoptr(XaHazard) theirs = NULL;
  g_autoptr(GPtrArray) page = NULL;
  XaHazardBook *book_a;
  XaStore *store_a;
  XaHazardFilter filter;
  guint n_all, n_a;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 3, 7, &error));
  g_assert_true (xa_hazard_demo_fill (xa_workspace_get_hazards (admin), 120, 3, "2023-03-15", &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  sql = g_strdup_printf ("SELECT min (h.number) FROM hazard h JOIN organisation o ON o.id = h.organisation_id"
                         " WHERE o.uuid = '%s'", xa_organisation_get_uuid (b));
  number_b = xa_test_query_text (admin_store, sql);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  password_staff = xa_store_server_add_staff (admin_store, role_staff, &error);
  g_assert_no_error (error);

  xa_hazard_filter_init (&filter);
  n_all = count_hazards (admin, &filter);
  filter.school_uuid = xa_organisation_get_uuid (a);
  n_a = count_hazards (admin, &filter);
  g_assert_cmpuint (n_a, >, 0);
  g_assert_cmpuint (n_a, <, n_all);

  school_a = xa_workspace_open_location (uri_a, password_a, "甲校", &error);
  g_assert_no_error (error);
  store_a = xa_workspace_get_store (school_a);
  book_a = xa_workspace_get_hazards (school_a);

  /* Its own: counted, listed, searched, as the commission counts them. */
  xa_hazard_filter_init (&filter);
  g_assert_cmpuint (count_hazards (school_a, &filter), ==, n_a);
  page = xa_hazard_book_read_page (book_a, NULL, XA_HAZARD_SORT_NUMBER, FALSE, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, n_a);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpstr (xa_hazard_get_text (g_ptr_array_index (page, i), XA_HAZARD_FIELD_SCHOOL_UUID), ==,
                     xa_organisation_get_uuid (a));
  filter.search = "楼";
  {
    XaHazardFilter own = filter;

    own.school_uuid = xa_organisation_get_uuid (a);
    g_assert_cmpuint (count_hazards (school_a, &filter), ==, count_hazards (admin, &own));
  }

  /* B's: not found, not counted, not changed, not added to. */
  theirs = xa_hazard_book_dup_by_number (book_a, number_b, &error);
  g_assert_null (theirs);
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  xa_hazard_filter_init (&filter);
  filter.school_uuid = xa_organisation_get_uuid (b);
  g_assert_cmpuint (count_hazards (school_a, &filter), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM hazard_gram g JOIN organisation o ON o.id = g.organisation_id"
                         " WHERE o.uuid = '%s'", xa_organisation_get_uuid (a));
  g_assert_cmpint (xa_test_query_int (store_a, "SELECT count(*) FROM hazard_gram"), ==,
                   xa_test_query_int (admin_store, sql));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE hazard SET remarks = 'x' WHERE number = '%s'", number_b);
  g_assert_true (xa_store_exec (store_a, sql, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_store_count_changes (store_a), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT id FROM organisation WHERE uuid = '%s'", xa_organisation_get_uuid (b));
  {
    gint64 id_b = xa_test_query_int (admin_store, sql);

    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("UPDATE hazard SET organisation_id = %" G_GINT64_FORMAT " WHERE state <> 'closed'", id_b);
  }
  assert_refused (store_a, sql);
  assert_refused (store_a, "DELETE FROM hazard");
  assert_refused (store_a, "UPDATE hazard_step SET who = 'x'");
  mine = test_new_hazard (xa_organisation_get_uuid (b));
  g_assert_false (xa_hazard_book_add (book_a, mine, &error));
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL);
  g_clear_error (&error);
  g_clear_object (&mine);

  /* Its own it records, with the next number of its own, and takes steps on. */
  mine = test_new_hazard (xa_organisation_get_uuid (a));
  g_assert_true (xa_hazard_book_add (book_a, mine, &error));
  g_assert_no_error (error);
  {
    XaHazardStepInput input = { "赵师傅", NULL, NULL, NULL };

    g_assert_true (xa_hazard_book_step (book_a, mine, XA_HAZARD_STEP_START, &input, &error));
    g_assert_no_error (error);
  }
  xa_hazard_filter_init (&filter);
  g_assert_cmpuint (count_hazards (school_a, &filter), ==, n_a + 1);

  /* The commission's staff see every school's, and the chain all of them wrote holds. */
  staff = xa_workspace_open_location (uri_staff, password_staff, "区教委科员", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hazards (staff, &filter), ==, n_all + 1);
  xa_test_assert_chain_holds (xa_workspace_get_store (staff));
}

static const char * const business_tables[] = {
  "organisation", "person", "role_term", "school_year", "template", "agreement", "agreement_supplement",
  "search_gram", "hazard", "hazard_step", "hazard_gram", NULL
};

/* The text of the agreement of @code for 2021-2022 as xiaoan-cli prints it from @location. */
static char *
agreement_text (const char *location,
                const char *code,
                const char *dir)
{
  g_autofree char *pdf = g_build_filename (dir, "agreement.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(XaTestRun) run = { 0 };
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  xa_test_run_cli (&run, NULL, "--database", location, "agreement", "render", "--year", "2021-2022",
                   "--school", code, "--out", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "目标责任书"));
  return g_steal_pointer (&text);
}

/* The 40-school demo district moves from a PC's file to the server and back into a
 * new file: the same rows everywhere, the chain verifies in each, each move is the
 * chain's next entry, and an agreement prints with the same text from all three.
 * A store moves only into an empty database. */
static void
test_migrate_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-migrate-XXXXXX", &error);
  g_autofree char *file_a = g_build_filename (dir, "a", "xiaoan.db", NULL);
  g_autofree char *file_b = g_build_filename (dir, "b", "xiaoan.db", NULL);
  g_autofree char *server = xa_test_new_server_location ();
  g_autofree char *fingerprint_a = NULL;
  g_autofree char *fingerprint_server = NULL;
  g_autofree char *fingerprint_b = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_server = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *code = NULL;
  g_autoptr(XaStore) a = NULL;
  g_autoptr(XaStore) on_server = NULL;
  g_autoptr(XaStore) b = NULL;
  gint64 entries_a;
  gint64 n_rows = 0;

  {
    g_autoptr(XaWorkspace) workspace = xa_test_workspace_open (file_a, "区教委");
    g_autoptr(XaOrganisation) first = NULL;

    g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), 40, 7, &error));
    g_assert_true (xa_agreement_book_generate_all (xa_workspace_get_agreements (workspace), 2021, NULL, &error));
    /* A ledger with histories: their images are the same text on both engines. */
    g_assert_true (xa_hazard_demo_fill (xa_workspace_get_hazards (workspace), 300, 7, "2023-03-15", &error));
    g_assert_no_error (error);
    first = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (workspace)), 0);
    code = g_strdup (xa_organisation_get_code (first));

    /* The school's supplementary clause moves with its agreement, and prints. */
    {
      XaAgreementBook *book = xa_workspace_get_agreements (workspace);
      g_autoptr(XaAgreement) agreement = xa_agreement_book_dup_current (book, xa_organisation_get_uuid (first),
                                                                        2021, &error);
      g_autofree char *clause = NULL;

      g_assert_no_error (error);
      clause = xa_agreement_book_add_supplement (book, xa_agreement_get_uuid (agreement), "学校每月开展一次消防演练。",
                                                 &error);
      g_assert_no_error (error);
    }
  }

  a = xa_store_open_read_only (file_a, &error);
  g_assert_no_error (error);
  fingerprint_a = xa_test_fingerprint_tables (a, business_tables);
  entries_a = xa_test_query_int (a, "SELECT count(*) FROM audit");
  text_a = agreement_text (file_a, code, dir);

  on_server = xa_store_open_server (server, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_copy (a, on_server, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, >, 40 * 10);
  fingerprint_server = xa_test_fingerprint_tables (on_server, business_tables);
  g_assert_cmpstr (fingerprint_server, ==, fingerprint_a);
  xa_test_assert_audit (on_server, entries_a + 1, 0);
  g_assert_cmpstr (xa_test_query_text (on_server, "SELECT action FROM audit ORDER BY seq DESC LIMIT 1"),
                   ==, "store.migrate");
  text_server = agreement_text (server, code, dir);

  /* Not twice, and not into a database that holds anything. */
  g_assert_false (xa_store_copy (a, on_server, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  xa_test_assert_audit (on_server, entries_a + 1, 0);

  b = xa_store_open (file_b, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_copy (on_server, b, NULL, &error));
  g_assert_no_error (error);
  fingerprint_b = xa_test_fingerprint_tables (b, business_tables);
  g_assert_cmpstr (fingerprint_b, ==, fingerprint_a);
  xa_test_assert_audit (b, entries_a + 2, 0);
  text_b = agreement_text (file_b, code, dir);

  g_assert_nonnull (strstr (text_a, "学校每月开展一次消防演练"));
  g_assert_cmpstr (text_server, ==, text_a);
  g_assert_cmpstr (text_b, ==, text_a);

  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  if (xa_test_server_uri () == NULL)
    {
      g_printerr ("XIAOAN_TEST_SERVER names no server: these tests run in the pg suite\n");
      return 1;
    }

  g_test_add_func ("/xa/store-server/signature-matches-program", test_signature_matches_program);
  g_test_add_func ("/xa/store-server/write-is-atomic", test_write_is_atomic);
  g_test_add_func ("/xa/store-server/audit-append-only", test_audit_append_only);
  g_test_add_func ("/xa/store-server/lost-race-runs-again", test_lost_race_runs_again);
  g_test_add_func ("/xa/store-server/four-clients", test_four_clients);
  g_test_add_func ("/xa/store-server/other-program-refused", test_other_program_refused);
  g_test_add_func ("/xa/store-server/newer-refused", test_newer_refused);
  g_test_add_func ("/xa/store-server/read-only", test_read_only);
  g_test_add_func ("/xa/store-server/cli", test_cli);
  g_test_add_func ("/xa/store-server/access", test_access);
  g_test_add_func ("/xa/store-server/migrate-round-trip", test_migrate_round_trip);
  g_test_add_func ("/xa/store-server/concurrent-hazards", test_concurrent_hazards);
  g_test_add_func ("/xa/store-server/hazard-access", test_hazard_access);

  return g_test_run ();
}
