/* test-server-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 测试连接 against a real server (the pg suite runs in pg_virtualenv): each test gets a
 * database of its own. The check names the server's version and the connection's
 * encryption, tells an empty database from one that holds Xiaoan's tables (and their
 * schema version), and refuses a wrong password, a database of a newer Xiaoan and one
 * that holds another program's meta table, with the sentences opening it would give.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/store/xa-pg.h"
#include "core/store/xa-server-check.h"
#include "core/store/xa-server-location.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"

typedef struct
{
  XaPgConnection *admin;
  char           *name;
  char           *uri;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaServerLocation) location = NULL;
  g_autofree char *create = NULL;

  if (g_getenv ("PGHOST") == NULL && g_getenv ("PGDATABASE") == NULL)
    return;

  fixture->admin = xa_pg_connection_open ("postgresql://", NULL, &error);
  g_assert_no_error (error);
  fixture->name = g_strdup_printf ("xa check %08x", g_random_int ());
  create = g_strdup_printf ("CREATE DATABASE \"%s\"", fixture->name);
  g_assert_true (xa_pg_connection_exec (fixture->admin, create, &error));
  g_assert_no_error (error);

  /* The URI the preferences would make, with a database name that needs escaping. */
  location = xa_server_location_new (g_getenv ("PGHOST"), atoi (g_getenv ("PGPORT") ?: "5432"),
                                     fixture->name, g_getenv ("PGUSER"), "verify-full");
  fixture->uri = xa_server_location_to_uri (location);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->admin != NULL)
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE \"%s\" WITH (FORCE)", fixture->name);

      g_assert_true (xa_pg_connection_exec (fixture->admin, drop, NULL));
    }

  g_clear_pointer (&fixture->admin, xa_pg_connection_free);
  g_clear_pointer (&fixture->name, g_free);
  g_clear_pointer (&fixture->uri, g_free);
}

static gboolean
needs_server (Fixture *fixture)
{
  if (fixture->admin != NULL)
    return TRUE;

  g_test_skip ("No PostgreSQL server: build-aux/test.sh runs this suite in pg_virtualenv");
  return FALSE;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
check (const char  *uri,
       const char  *password,
       char       **description,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  xa_server_check_async (uri, password, NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return xa_server_check_finish (result, description, error);
}

/* Runs @sql in the fixture's database. */
static void
exec_in (Fixture    *fixture,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgConnection) connection = xa_pg_connection_open (fixture->uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (xa_pg_connection_exec (connection, sql, &error));
  g_assert_no_error (error);
}

static void
test_empty_then_migrated (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgConnection) connection = NULL;
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *version = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_true (check (fixture->uri, g_getenv ("PGPASSWORD"), &description, &error));
  g_assert_no_error (error);
  g_test_message ("%s", description);

  /* The version as the server reports it, and pg_virtualenv's cluster has no TLS. */
  version = xa_pg_connection_get_server_version (fixture->admin);
  g_assert_true (g_regex_match_simple ("^1[0-9]\\.[0-9]+$", version, 0, 0));
  g_assert_false (xa_pg_connection_get_tls (fixture->admin));
  expected = g_strdup_printf ("Connected: PostgreSQL %s, unencrypted connection, which only this computer may use, "
                              "empty database: Xiaoan creates its tables when it first opens it", version);
  g_assert_cmpstr (description, ==, expected);
  g_clear_pointer (&description, g_free);

  /* Once Xiaoan made its tables, the check reads their schema version. */
  connection = xa_pg_connection_open (fixture->uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (_xa_store_pg_migrate (connection, XA_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_true (check (fixture->uri, NULL, &description, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("holds a Xiaoan database (schema version %d)", XA_STORE_SCHEMA_VERSION);
  g_assert_true (g_str_has_suffix (description, expected));
  g_clear_pointer (&description, g_free);

  /* A newer Xiaoan's database is refused as opening it would be. */
  exec_in (fixture, "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  g_assert_false (check (fixture->uri, NULL, &description, &error));
  g_assert_null (description);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_TOO_NEW);
}

static void
test_not_ours (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (!needs_server (fixture))
    return;

  exec_in (fixture, "CREATE TABLE meta (id INTEGER, note TEXT)");
  g_assert_false (check (fixture->uri, NULL, &description, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_OURS);
  g_assert_nonnull (strstr (error->message, fixture->name));
  /* In words, without the SQL that found it. */
  g_assert_null (strstr (error->message, "SELECT"));
  g_assert_null (strstr (error->message, "meta"));
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (!needs_server (fixture))
    return;

  g_assert_false (check (fixture->uri, "not-the-password", &description, &error));
  g_assert_null (description);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (strstr (error->message, "not-the-password"));
}

int
main (int   argc,
      char *argv[])
{
  /* Messages stay in English: no text domain is bound, and the locale is C. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/server-check/empty-then-migrated", Fixture, NULL, fixture_set_up,
              test_empty_then_migrated, fixture_tear_down);
  g_test_add ("/xa/server-check/not-ours", Fixture, NULL, fixture_set_up, test_not_ours, fixture_tear_down);
  g_test_add ("/xa/server-check/wrong-password", Fixture, NULL, fixture_set_up,
              test_wrong_password, fixture_tear_down);

  return g_test_run ();
}
