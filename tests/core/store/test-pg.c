/* test-pg.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PostgreSQL side of the store against a real server: build-aux/test.sh runs this
 * suite inside pg_virtualenv, which starts a temporary PostgreSQL 15 cluster, points
 * libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) at it and removes
 * it afterwards. Placeholders are rewritten, values go and come back as SQLite's do,
 * and server errors become the store's codes and sentences without SQL.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/store/xa-pg.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"

static void
test_translate (void)
{
  const struct { const char *sql; const char *expected; int n_params; } cases[] = {
    { "SELECT 1", "SELECT 1", 0 },
    { "INSERT INTO t VALUES (?, ?, ?)", "INSERT INTO t VALUES ($1, $2, $3)", 3 },
    { "SELECT ?1, ?2, ?1", "SELECT $1, $2, $1", 2 },
    { "SELECT ?3, ?", "SELECT $3, $4", 4 },
    { "WHERE a = :uuid AND b = :name OR c = :uuid", "WHERE a = $1 AND b = $2 OR c = $1", 2 },
    { "SELECT '?', 'it''s :x', \"?col\" FROM t WHERE x = ?", "SELECT '?', 'it''s :x', \"?col\" FROM t WHERE x = $1", 1 },
    { "SELECT x::text FROM t -- why? :because\nWHERE y = ?", "SELECT x::text FROM t -- why? :because\nWHERE y = $1", 1 },
    { "SELECT '学校：?'", "SELECT '学校：?'", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *translated = NULL;
      int n_params = -1;

      translated = xa_pg_translate_sql (cases[i].sql, NULL, &n_params, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (translated, ==, cases[i].expected);
      g_assert_cmpint (n_params, ==, cases[i].n_params);
    }

  {
    g_autoptr(GError) error = NULL;
    int n_params = 0;

    g_assert_null (xa_pg_translate_sql ("SELECT 'open", NULL, &n_params, &error));
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL);
  }

  g_assert_true (xa_pg_is_uri ("postgresql://district@db.example.cn/xiaoan"));
  g_assert_true (xa_pg_is_uri ("postgres://"));
  g_assert_false (xa_pg_is_uri ("/home/school/xiaoan.db"));
}

typedef struct
{
  XaPgConnection *connection;
  char           *schema;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *create = NULL;

  if (g_getenv ("PGHOST") == NULL && g_getenv ("PGDATABASE") == NULL)
    return;

  fixture->connection = xa_pg_connection_open ("postgresql://", NULL, &error);
  g_assert_no_error (error);

  /* A schema of the test's own, so that runs never meet. */
  fixture->schema = g_strdup_printf ("xa_test_%08x", g_random_int ());
  create = g_strdup_printf ("CREATE SCHEMA %s; SET search_path TO %s;", fixture->schema, fixture->schema);
  g_assert_true (xa_pg_connection_exec (fixture->connection, create, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->connection != NULL)
    {
      g_autofree char *drop = g_strdup_printf ("DROP SCHEMA %s CASCADE", fixture->schema);

      g_assert_true (xa_pg_connection_exec (fixture->connection, drop, NULL));
    }

  g_clear_pointer (&fixture->connection, xa_pg_connection_free);
  g_clear_pointer (&fixture->schema, g_free);
}

static gboolean
needs_server (Fixture *fixture)
{
  if (fixture->connection != NULL)
    return TRUE;

  g_test_skip ("No PostgreSQL server: build-aux/test.sh runs this suite in pg_virtualenv");
  return FALSE;
}

static XaPgStatement *
prepare (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  XaPgStatement *stmt = xa_pg_statement_new (fixture->connection, sql, &error);

  g_assert_no_error (error);
  return stmt;
}

/* Values go in as SQLite's statements take them and come back through the same getters:
 * NULL as "", Chinese text whole, 64-bit numbers, booleans as 1 and 0, ids by RETURNING. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgStatement) insert = NULL;
  g_autoptr(XaPgStatement) select = NULL;
  gint64 first_id;

  if (!needs_server (fixture))
    return;

  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "CREATE TABLE school (id BIGSERIAL PRIMARY KEY,"
                                        " code TEXT UNIQUE, name TEXT NOT NULL, phone TEXT,"
                                        " pupils BIGINT)",
                                        &error));
  g_assert_no_error (error);

  insert = prepare (fixture, "INSERT INTO school (code, name, phone, pupils)"
                             " VALUES (:code, :name, ?, ?) RETURNING id");
  xa_pg_statement_bind_text (insert, xa_pg_statement_param (insert, ":code"), "2150000113");
  xa_pg_statement_bind_text (insert, xa_pg_statement_param (insert, ":name"), "示例区实验小学");
  xa_pg_statement_bind_text (insert, 3, NULL);
  xa_pg_statement_bind_int64 (insert, 4, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_ROW);
  g_assert_no_error (error);
  first_id = xa_pg_statement_get_int64 (insert, 0);
  g_assert_cmpint (first_id, >, 0);
  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_DONE);

  xa_pg_statement_reset (insert);
  xa_pg_statement_bind_text (insert, 1, "2150000114");
  xa_pg_statement_bind_text (insert, 2, "凤岗幼儿园");
  xa_pg_statement_bind_text (insert, 3, "023-6888 0001");
  xa_pg_statement_bind_int64 (insert, 4, 180);
  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_ROW);
  g_assert_cmpint (xa_pg_statement_get_int64 (insert, 0), ==, first_id + 1);

  select = prepare (fixture, "SELECT code, name, phone, pupils, phone IS NULL FROM school"
                             " WHERE pupils > ? ORDER BY code");
  xa_pg_statement_bind_int64 (select, 1, 0);
  g_assert_cmpint (xa_pg_statement_step (select, &error), ==, XA_STEP_ROW);
  g_assert_cmpint (xa_pg_statement_get_n_columns (select), ==, 5);
  g_assert_cmpstr (xa_pg_statement_get_text (select, 1), ==, "示例区实验小学");
  g_assert_true (xa_pg_statement_get_is_null (select, 2));
  g_assert_cmpstr (xa_pg_statement_get_text (select, 2), ==, "");
  g_assert_cmpint (xa_pg_statement_get_int64 (select, 3), ==, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (xa_pg_statement_get_int64 (select, 4), ==, 1);
  g_assert_cmpint (xa_pg_statement_step (select, &error), ==, XA_STEP_ROW);
  g_assert_cmpstr (xa_pg_statement_get_text (select, 2), ==, "023-6888 0001");
  g_assert_cmpint (xa_pg_statement_get_int64 (select, 4), ==, 0);
  g_assert_cmpint (xa_pg_statement_step (select, &error), ==, XA_STEP_DONE);
  g_assert_no_error (error);

  {
    g_autoptr(XaPgStatement) update = prepare (fixture, "UPDATE school SET pupils = pupils + 1");

    g_assert_cmpint (xa_pg_statement_step (update, &error), ==, XA_STEP_DONE);
    g_assert_cmpint (xa_pg_statement_count_changes (update), ==, 2);
  }
}

/* The server's errors as the store's: codes the store acts on, words without SQL. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgStatement) insert = NULL;
  g_autoptr(XaPgStatement) bad = NULL;
  g_autoptr(XaPgStatement) draft = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "CREATE TABLE school (code TEXT CONSTRAINT school_code_unique UNIQUE,"
                                        " name TEXT NOT NULL);"
                                        "CREATE FUNCTION only_drafts () RETURNS trigger LANGUAGE plpgsql AS"
                                        " $$ BEGIN RAISE EXCEPTION 'only a draft agreement can be edited'; END $$;"
                                        "CREATE TRIGGER school_frozen BEFORE DELETE ON school"
                                        " FOR EACH ROW EXECUTE FUNCTION only_drafts ();",
                                        &error));
  g_assert_no_error (error);

  insert = prepare (fixture, "INSERT INTO school (code, name) VALUES (?, ?)");
  xa_pg_statement_bind_text (insert, 1, "2150000113");
  xa_pg_statement_bind_text (insert, 2, "示例区实验小学");
  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_DONE);

  xa_pg_statement_reset (insert);
  xa_pg_statement_bind_text (insert, 1, "2150000113");
  xa_pg_statement_bind_text (insert, 2, "另一所学校");
  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_ERROR);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "school_code_unique"));
  g_assert_null (strstr (error->message, "INSERT"));
  g_clear_error (&error);

  xa_pg_statement_reset (insert);
  xa_pg_statement_bind_text (insert, 1, "2150000115");
  xa_pg_statement_bind_text (insert, 2, NULL);
  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_ERROR);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "name"));
  g_clear_error (&error);

  /* A trigger's refusal reads as the same sentence on both engines. */
  draft = prepare (fixture, "DELETE FROM school");
  g_assert_cmpint (xa_pg_statement_step (draft, &error), ==, XA_STEP_ERROR);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Only a draft agreement can be edited");
  g_clear_error (&error);

  bad = prepare (fixture, "SELEC code FROM school");
  g_assert_cmpint (xa_pg_statement_step (bad, &error), ==, XA_STEP_ERROR);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL);
  g_assert_null (strstr (error->message, "SELEC"));
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgStatement) count = prepare (fixture, sql);

  g_assert_cmpint (xa_pg_statement_step (count, &error), ==, XA_STEP_ROW);
  g_assert_no_error (error);
  return xa_pg_statement_get_int64 (count, 0);
}

/* Statements run by name once the server has planned them: the same SQL again, after a
 * rolled-back transaction that first planned it, and past the most kept by name. */
static void
test_prepared_again (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "CREATE TABLE note (n BIGINT NOT NULL)", &error));
  g_assert_no_error (error);

  g_assert_true (xa_pg_connection_exec (fixture->connection, "BEGIN", &error));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(XaPgStatement) insert = prepare (fixture, "INSERT INTO note (n) VALUES (?)");

      xa_pg_statement_bind_int64 (insert, 1, i);
      g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_DONE);
      g_assert_no_error (error);
    }
  g_assert_true (xa_pg_connection_exec (fixture->connection, "ROLLBACK", &error));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM note"), ==, 0);

  /* 600 distinct statements: the first are kept by name, the rest run unnamed. */
  for (int i = 0; i < 600; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO note (n) VALUES (?), (%d)", i);
      g_autoptr(XaPgStatement) insert = prepare (fixture, sql);

      xa_pg_statement_bind_int64 (insert, 1, -i);
      g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_DONE);
      g_assert_no_error (error);
      g_assert_cmpint (xa_pg_statement_count_changes (insert), ==, 2);
    }
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM note"), ==, 1200);
  g_assert_cmpint (count_rows (fixture, "SELECT sum(n) FROM note WHERE n > 0"), ==, 599 * 600 / 2);

  /* A statement the server refuses to plan is not kept: the next try is planned again. */
  {
    g_autoptr(XaPgStatement) missing = prepare (fixture, "SELECT n FROM later");

    g_assert_cmpint (xa_pg_statement_step (missing, &error), ==, XA_STEP_ERROR);
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL);
    g_clear_error (&error);
    g_assert_true (xa_pg_connection_exec (fixture->connection,
                                          "CREATE TABLE later (n BIGINT); INSERT INTO later VALUES (7)",
                                          &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_rows (fixture, "SELECT n FROM later"), ==, 7);
}

/* A batch sends its statements without waiting and reads every result at its end: each
 * ran in order (a query after the inserts sees them), a statement sent twice keeps its
 * last result, and outside a batch sending runs at once. */
static void
test_batch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgStatement) insert = NULL;
  g_autoptr(XaPgStatement) count = NULL;
  g_autoptr(XaPgStatement) later = NULL;
  g_autoptr(XaPgStatement) after = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "CREATE TABLE note (n BIGINT NOT NULL)", &error));
  g_assert_no_error (error);

  insert = prepare (fixture, "INSERT INTO note (n) VALUES (?) RETURNING n * 10");
  count = prepare (fixture, "SELECT count(*), sum(n) FROM note");
  xa_pg_connection_begin_batch (fixture->connection);
  for (int i = 1; i <= 3; i++)
    {
      xa_pg_statement_reset (insert);
      xa_pg_statement_bind_int64 (insert, 1, i);
      g_assert_true (xa_pg_statement_send (insert, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xa_pg_statement_send (count, &error));
  g_assert_true (xa_pg_connection_end_batch (fixture->connection, &error));
  g_assert_no_error (error);

  g_assert_cmpint (xa_pg_statement_step (insert, &error), ==, XA_STEP_ROW);
  g_assert_cmpint (xa_pg_statement_get_int64 (insert, 0), ==, 30);
  g_assert_cmpint (xa_pg_statement_step (count, &error), ==, XA_STEP_ROW);
  g_assert_cmpint (xa_pg_statement_get_int64 (count, 0), ==, 3);
  g_assert_cmpint (xa_pg_statement_get_int64 (count, 1), ==, 6);
  g_assert_no_error (error);

  /* Outside a batch, at once. */
  xa_pg_statement_reset (insert);
  xa_pg_statement_bind_int64 (insert, 1, 4);
  g_assert_true (xa_pg_statement_send (insert, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM note"), ==, 4);

  /* The first failure is the batch's, in the store's words; what came after it did not
   * run, and a statement that failed to be prepared there is prepared again later. */
  later = prepare (fixture, "INSERT INTO later (n) VALUES (1)");
  after = prepare (fixture, "INSERT INTO note (n) VALUES (?)");
  g_assert_true (xa_pg_connection_exec (fixture->connection, "BEGIN", &error));
  xa_pg_connection_begin_batch (fixture->connection);
  xa_pg_statement_bind_int64 (after, 1, 5);
  g_assert_true (xa_pg_statement_send (after, &error));
  g_assert_true (xa_pg_statement_send (later, &error));
  g_assert_true (xa_pg_statement_send (after, &error));
  g_assert_no_error (error);
  g_assert_false (xa_pg_connection_end_batch (fixture->connection, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_SQL);
  g_assert_null (strstr (error->message, "INSERT"));
  g_clear_error (&error);
  g_assert_true (xa_pg_connection_exec (fixture->connection, "ROLLBACK", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM note"), ==, 4);

  g_assert_true (xa_pg_connection_exec (fixture->connection, "CREATE TABLE later (n BIGINT)", &error));
  xa_pg_statement_reset (later);
  g_assert_cmpint (xa_pg_statement_step (later, &error), ==, XA_STEP_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM later"), ==, 1);

  /* A constraint broken in a batch is told as outside one. */
  xa_pg_connection_begin_batch (fixture->connection);
  xa_pg_statement_reset (after);
  g_assert_true (xa_pg_statement_send (after, &error));
  g_assert_false (xa_pg_connection_end_batch (fixture->connection, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
}

/* A list goes to the server as one text[] parameter and comes back as it was: quotes,
 * backslashes, commas, braces, spaces, the word NULL and Chinese text. */
static void
test_text_array (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *values[] = { "学校", "", "say \"hi\"", "a\\b", "x,y", "{z}", " spaced ", "NULL", "甲方：青岭学校" };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgStatement) stmt = NULL;
  g_autofree char *array = NULL;
  guint n = 0;

  if (!needs_server (fixture))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_ptr_array_add (list, (gpointer) values[i]);
  array = xa_pg_text_array (list);

  stmt = prepare (fixture, "SELECT v, v IS NULL FROM unnest (?::text[]) WITH ORDINALITY AS t (v, i) ORDER BY i");
  xa_pg_statement_bind_text (stmt, 1, array);
  while (xa_pg_statement_step (stmt, &error) == XA_STEP_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (values));
      g_assert_cmpstr (xa_pg_statement_get_text (stmt, 0), ==, values[n]);
      g_assert_cmpint (xa_pg_statement_get_int64 (stmt, 1), ==, 0);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (values));

  /* An empty list is an empty array. */
  g_ptr_array_set_size (list, 0);
  g_free (array);
  array = xa_pg_text_array (list);
  g_assert_cmpstr (array, ==, "{}");
}

/* Two writers of one row under SERIALIZABLE: the loser is told "busy", which the store
 * answers by running the write again, never with the server's English. */
static void
test_serialisation_is_busy (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgConnection) other = NULL;
  g_autofree char *path = NULL;
  g_autoptr(XaPgStatement) mine = NULL;
  g_autoptr(XaPgStatement) theirs = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "CREATE TABLE counter (n BIGINT); INSERT INTO counter VALUES (0);",
                                        &error));
  other = xa_pg_connection_open ("postgresql://", NULL, &error);
  g_assert_no_error (error);
  path = g_strdup_printf ("SET search_path TO %s", fixture->schema);
  g_assert_true (xa_pg_connection_exec (other, path, &error));

  g_assert_true (xa_pg_connection_exec (fixture->connection, "BEGIN ISOLATION LEVEL SERIALIZABLE", &error));
  g_assert_true (xa_pg_connection_exec (other, "BEGIN ISOLATION LEVEL SERIALIZABLE", &error));
  g_assert_true (xa_pg_connection_exec (fixture->connection, "SELECT n FROM counter", &error));
  g_assert_true (xa_pg_connection_exec (other, "SELECT n FROM counter", &error));

  mine = prepare (fixture, "UPDATE counter SET n = n + 1");
  g_assert_cmpint (xa_pg_statement_step (mine, &error), ==, XA_STEP_DONE);
  g_assert_true (xa_pg_connection_exec (fixture->connection, "COMMIT", &error));
  g_assert_no_error (error);

  theirs = xa_pg_statement_new (other, "UPDATE counter SET n = n + 1", &error);
  g_assert_cmpint (xa_pg_statement_step (theirs, &error), ==, XA_STEP_ERROR);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BUSY);
  g_assert_null (strstr (error->message, "serializ"));
  g_clear_error (&error);
  g_assert_true (xa_pg_connection_exec (other, "ROLLBACK", &error));
}

static gboolean
exec_fails_with (Fixture    *fixture,
                 const char *sql,
                 const char *message)
{
  g_autoptr(GError) error = NULL;
  gboolean failed = !xa_pg_connection_exec (fixture->connection, sql, &error);

  if (failed)
    g_test_message ("%s → %s", sql, error->message);

  return failed && g_error_matches (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT) &&
         g_strcmp0 (error->message, message) == 0;
}

/* The schema's steps on a real server: all of them once, again as a no-op, and the rules
 * that SQLite's triggers hold are held here too, with the same sentences. */
static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_true (_xa_store_pg_migrate (fixture->connection, XA_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_true (_xa_store_pg_migrate (fixture->connection, XA_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);

  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "INSERT INTO audit VALUES (1, 'now', '测试员', 'x', 'organisation', 'u', '', '0', 'h');"
                                        "INSERT INTO organisation (uuid, kind, code, name, created_at, updated_at)"
                                        " VALUES ('o1', 'school', '2150000113', '示例区实验小学', 'now', 'now');"
                                        "INSERT INTO template (uuid, school_year, version, name, body, created_at, updated_at)"
                                        " VALUES ('t1', 2021, 1, '责任书', '{}', 'now', 'now');"
                                        "INSERT INTO agreement (uuid, organisation_id, school_year, revision, template_id, state,"
                                        " school_name, created_at, created_by, updated_at)"
                                        " VALUES ('a1', 1, 2021, 1, 1, 'draft', '示例区实验小学', 'now', '测试员', 'now');",
                                        &error));
  g_assert_no_error (error);

  g_assert_true (exec_fails_with (fixture, "UPDATE audit SET operator = 'x'",
                                  "The audit log is append-only: its entries are never changed or removed"));
  g_assert_true (exec_fails_with (fixture, "DELETE FROM audit",
                                  "The audit log is append-only: its entries are never changed or removed"));
  g_assert_true (exec_fails_with (fixture, "UPDATE agreement SET state = 'signed', signed_at = 'now'",
                                  "An agreement cannot go to that state from the one it is in"));
  g_assert_true (xa_pg_connection_exec (fixture->connection, "UPDATE agreement SET state = 'pending'", &error));
  g_assert_true (exec_fails_with (fixture, "UPDATE agreement SET state = 'signed', signed_at = 'now'",
                                  "An agreement is signed only with a frozen template version"));
  g_assert_true (exec_fails_with (fixture, "UPDATE agreement SET school_name = '改过的名字'",
                                  "Only a draft agreement can be edited"));
  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "UPDATE template SET frozen_at = 'now';"
                                        "UPDATE agreement SET state = 'signed', signed_at = 'now'",
                                        &error));
  g_assert_no_error (error);
  g_assert_true (exec_fails_with (fixture, "UPDATE template SET name = '改过'",
                                  "A template version that a signed agreement uses never changes; save your edits as a new version"));
  g_assert_true (exec_fails_with (fixture, "DELETE FROM agreement",
                                  "Only a draft agreement can be deleted"));

  /* The date rule of role terms, as SQLite's date (x) IS x. */
  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "INSERT INTO person (uuid, organisation_id, name, created_at, updated_at)"
                                        " VALUES ('p1', 1, '王建国', 'now', 'now')",
                                        &error));
  g_assert_false (xa_pg_connection_exec (fixture->connection,
                                         "INSERT INTO role_term (uuid, organisation_id, person_id, role, since)"
                                         " VALUES ('r1', 1, 1, 'first-responsible', '2021-02-30')",
                                         &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "INSERT INTO role_term (uuid, organisation_id, person_id, role, since)"
                                        " VALUES ('r1', 1, 1, 'first-responsible', '2021-09-01')",
                                        &error));
  g_assert_no_error (error);

  /* A database a newer program wrote is refused untouched. */
  g_assert_true (xa_pg_connection_exec (fixture->connection,
                                        "UPDATE meta SET value = '999' WHERE key = 'schema_version'", &error));
  g_assert_false (_xa_store_pg_migrate (fixture->connection, XA_STORE_SCHEMA_VERSION, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_TOO_NEW);
}

static void
test_refused_connection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgConnection) connection = NULL;

  /* Nothing listens on port 1: a clear sentence naming the server, no libpq text. */
  connection = xa_pg_connection_open ("postgresql://school@localhost:1/xiaoan?connect_timeout=3", NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "school@localhost:1/xiaoan"));
  g_assert_null (strstr (error->message, "Connection refused"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/pg/translate", test_translate);
  g_test_add_func ("/xa/pg/refused-connection", test_refused_connection);
  g_test_add ("/xa/pg/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/xa/pg/prepared-again", Fixture, NULL, fixture_set_up, test_prepared_again,
              fixture_tear_down);
  g_test_add ("/xa/pg/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/xa/pg/batch", Fixture, NULL, fixture_set_up, test_batch, fixture_tear_down);
  g_test_add ("/xa/pg/text-array", Fixture, NULL, fixture_set_up, test_text_array, fixture_tear_down);
  g_test_add ("/xa/pg/schema", Fixture, NULL, fixture_set_up, test_schema, fixture_tear_down);
  g_test_add ("/xa/pg/serialisation-is-busy", Fixture, NULL, fixture_set_up,
              test_serialisation_is_busy, fixture_tear_down);

  return g_test_run ();
}
