/* xa-test-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What several test programs need of the store and of temporary folders.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "xa-test-utils.h"
#include "core/store/xa-store-audit.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-pg.h"

/**
 * xa_test_server_uri:
 *
 * The pg suite runs the tests that hold for both engines a second time with
 * `XIAOAN_TEST_SERVER` naming the server (build-aux/test.sh starts a temporary cluster).
 *
 * Returns: (nullable): the server's URI, or %NULL when the run is on SQLite
 */
const char *
xa_test_server_uri (void)
{
  const char *uri = g_getenv ("XIAOAN_TEST_SERVER");

  return uri != NULL && uri[0] != '\0' ? uri : NULL;
}

/**
 * xa_test_new_server_location:
 *
 * Makes a new, empty schema on the test server, so that each store of a test starts
 * from nothing as one in memory does, and returns the URI that puts a store in it.
 *
 * Returns: (transfer full): a `postgresql://` URI
 */
char *
xa_test_new_server_location (void)
{
  static int counter = 0;
  const char *base = xa_test_server_uri ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPgConnection) connection = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *sql = NULL;

  g_assert_nonnull (base);
  schema = g_strdup_printf ("xa_t_%d_%d", (int) getpid (), ++counter);
  sql = g_strdup_printf ("CREATE SCHEMA %s", schema);

  connection = xa_pg_connection_open (base, NULL, &error);
  g_assert_no_error (error);
  xa_pg_connection_exec (connection, sql, &error);
  g_assert_no_error (error);

  return g_strdup_printf ("%s%soptions=-c%%20search_path%%3D%s", base,
                          strchr (base, '?') ? "&" : "?", schema);
}

/**
 * xa_test_location_new:
 * @dir: a folder of the test
 *
 * Returns: (transfer full): where a test's database goes: `xiaoan.db` in @dir, or a new
 *   schema on the test server when the run is on PostgreSQL
 */
char *
xa_test_location_new (const char *dir)
{
  if (xa_test_server_uri () != NULL)
    return xa_test_new_server_location ();

  return g_build_filename (dir, "xiaoan.db", NULL);
}

/**
 * xa_test_workspace_open:
 * @location: a database file, or a server URI
 *
 * Returns: (transfer full): the workspace of @location, opened for writing
 */
XaWorkspace *
xa_test_workspace_open (const char *location,
                        const char *operator_name)
{
  g_autoptr(GError) error = NULL;
  XaWorkspace *workspace = xa_workspace_open_location (location, NULL, operator_name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  return workspace;
}

/**
 * xa_test_store_new:
 *
 * Returns: (transfer full): a fresh store: in memory, or in a schema of its own on the
 *   test server when the run is on PostgreSQL
 */
XaStore *
xa_test_store_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;

  if (xa_test_server_uri () != NULL)
    {
      g_autofree char *location = xa_test_new_server_location ();

      store = xa_store_open_server (location, NULL, &error);
    }
  else
    store = xa_store_open_in_memory (&error);

  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

void
xa_test_run_clear (XaTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * xa_test_run_cli:
 * @data_dir: (nullable): passed as --data-dir before the arguments
 * @first_arg: the first argument, then the others, then %NULL
 *
 * Runs the real xiaoan-cli ($XIAOAN_CLI, which the test suite sets) in English, with
 * no data folder or operator from the environment, and waits for it.
 */
static void
run_cli_va (XaTestRun  *run,
            const char *data_dir,
            const char *first_arg,
            va_list     args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  xa_test_run_cli_argv (run, data_dir, (const char * const *) argv->pdata);
}

/**
 * xa_test_run_cli_argv:
 * @args: the arguments, %NULL-terminated
 *
 * xa_test_run_cli() with the arguments in an array, for a test that builds them.
 */
static void
run_cli_in (XaTestRun          *run,
            const char         *locale,
            const char         *data_dir,
            const char * const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("XIAOAN_CLI");
  const char *first_arg = args[0];
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, (char *) "--data-dir");
      g_ptr_array_add (argv, (char *) data_dir);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "LANGUAGE");
  envp = g_environ_unsetenv (envp, "XIAOAN_DATA_DIR");
  envp = g_environ_unsetenv (envp, "XIAOAN_DATABASE");
  envp = g_environ_unsetenv (envp, "XIAOAN_OPERATOR");
  envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);

  g_test_message ("xiaoan-cli %s… → %d\n%s%s", first_arg, run->status, run->out, run->err);
}

void
xa_test_run_cli_argv (XaTestRun          *run,
                      const char         *data_dir,
                      const char * const *args)
{
  run_cli_in (run, "C.UTF-8", data_dir, args);
}

/**
 * xa_test_run_cli_chinese:
 * @args: the arguments, %NULL-terminated
 *
 * xa_test_run_cli_argv() in Chinese (zh_CN.UTF-8, the translations built with the
 * tests), for a test of what a user reads.
 */
void
xa_test_run_cli_chinese (XaTestRun          *run,
                         const char         *data_dir,
                         const char * const *args)
{
  run_cli_in (run, "zh_CN.UTF-8", data_dir, args);
}

void
xa_test_run_cli (XaTestRun  *run,
                 const char *data_dir,
                 const char *first_arg,
                 ...)
{
  va_list args;

  va_start (args, first_arg);
  run_cli_va (run, data_dir, first_arg, args);
  va_end (args);
}

/**
 * xa_test_run_cli_json:
 *
 * Runs a command that prints a JSON array (a `… --json` listing), which must succeed.
 *
 * Returns: (transfer full): the array it printed
 */
JsonArray *
xa_test_run_cli_json (const char *data_dir,
                      const char *first_arg,
                      ...)
{
  g_auto(XaTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_arg);
  run_cli_va (&run, data_dir, first_arg, args);
  va_end (args);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

/**
 * xa_test_write_file:
 * @dir: a folder a test made
 * @contents: (array length=length): the bytes to write, NULs and all
 *
 * Returns: (transfer full) (type filename): the path of the new file @name in @dir
 */
char *
xa_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/**
 * xa_test_remove_tree:
 * @path: a folder a test made
 *
 * Removes @path and everything below it.
 */
void
xa_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        xa_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
xa_test_db_dir_set_up (XaTestDbDir   *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-db-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "xiaoan.db", NULL);
}

void
xa_test_db_dir_tear_down (XaTestDbDir   *fixture,
                          gconstpointer  user_data)
{
  xa_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/**
 * xa_test_demo_dir_set_up:
 * @name: what the folder is for, in its name
 * @n_schools: how many schools the demo district has
 */
void
xa_test_demo_dir_set_up (XaTestDemoDir *fixture,
                         const char    *name,
                         guint          n_schools)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("xiaoan-%s-XXXXXX", name);
  g_autofree char *schools = g_strdup_printf ("%u", n_schools);
  g_auto(XaTestRun) run = { 0, };

  fixture->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);

  xa_test_run_cli (&run, fixture->data_dir, "demo", "--schools", schools, NULL);
  g_assert_cmpint (run.status, ==, 0);
}

void
xa_test_demo_dir_tear_down (XaTestDemoDir *fixture)
{
  xa_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->data_dir, g_free);
}

static XaStatement *
step_one_row (XaStore    *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  XaStatement *stmt = xa_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (xa_statement_step (stmt, NULL), ==, XA_STEP_ROW);
  return stmt;
}

/**
 * xa_test_query_int:
 *
 * Returns: the first column of the first row of @sql
 */
gint64
xa_test_query_int (XaStore    *store,
                   const char *sql)
{
  g_autoptr(XaStatement) stmt = NULL;
  gint64 value;

  xa_store_lock (store);
  stmt = step_one_row (store, sql);
  value = xa_statement_get_int64 (stmt, 0);
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  return value;
}

/**
 * xa_test_query_text:
 *
 * Returns: (transfer full): the first column of the first row of @sql, "" for NULL
 */
char *
xa_test_query_text (XaStore    *store,
                    const char *sql)
{
  g_autoptr(XaStatement) stmt = NULL;
  char *value;

  xa_store_lock (store);
  stmt = step_one_row (store, sql);
  value = g_strdup (xa_statement_get_text (stmt, 0));
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  return value;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * xa_test_fingerprint_tables:
 * @tables: (nullable): the tables to cover; %NULL for every table of the store
 *
 * A digest of every row of @tables, rows sorted by their text so that the same rows on
 * either engine, in any order, give the same digest.
 *
 * Returns: (transfer full): a SHA-256 in hex
 */
char *
xa_test_fingerprint_tables (XaStore            *store,
                            const char * const *tables)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(XaStatement) list = NULL;

  xa_store_lock (store);

  if (tables == NULL)
    {
      list = xa_store_prepare (store,
                               xa_store_get_is_server (store)
                               ? "SELECT table_name FROM information_schema.tables"
                                 " WHERE table_schema = current_schema () AND table_type = 'BASE TABLE'"
                                 " ORDER BY table_name"
                               : "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                 " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                               NULL);
      g_assert_nonnull (list);
      while (xa_statement_step (list, NULL) == XA_STEP_ROW)
        g_ptr_array_add (names, g_strdup (xa_statement_get_text (list, 0)));
    }
  else
    for (guint i = 0; tables[i] != NULL; i++)
      g_ptr_array_add (names, g_strdup (tables[i]));

  for (guint i = 0; i < names->len; i++)
    {
      const char *table = g_ptr_array_index (names, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(XaStatement) stmt = xa_store_prepare (store, sql, NULL);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_nonnull (stmt);
      g_checksum_update (checksum, (const guchar *) table, -1);
      while (xa_statement_step (stmt, NULL) == XA_STEP_ROW)
        {
          g_autoptr(GString) row = g_string_new (NULL);

          for (int c = 0; c < xa_statement_get_n_columns (stmt); c++)
            {
              g_string_append (row, xa_statement_get_text (stmt, c));
              g_string_append_c (row, '\x1f');
            }
          g_ptr_array_add (rows, g_string_free (g_steal_pointer (&row), FALSE));
        }

      g_ptr_array_sort (rows, compare_strings);
      for (guint r = 0; r < rows->len; r++)
        {
          g_checksum_update (checksum, g_ptr_array_index (rows, r), -1);
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
    }

  xa_store_unlock (store);

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * xa_test_fingerprint:
 *
 * A digest of every row of every table, tables a later schema adds included: a refused
 * change must leave it as it was.
 *
 * Returns: (transfer full): a SHA-256 in hex
 */
char *
xa_test_fingerprint (XaStore *store)
{
  return xa_test_fingerprint_tables (store, NULL);
}

/**
 * xa_test_assert_audit:
 * @expected_entries: how many entries the chain must hold
 * @expected_broken: the entry the verifier must name, or 0 for a chain that verifies
 */
void
xa_test_assert_audit (XaStore *store,
                      gint64   expected_entries,
                      gint64   expected_broken)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 n_entries = 0;
  gint64 broken = -1;

  g_assert_true (xa_store_verify_audit (store, &n_entries, &broken, &reason, &error));
  g_assert_no_error (error);
  g_test_message ("audit: %" G_GINT64_FORMAT " entries, %s", n_entries, reason ? reason : "intact");
  g_assert_cmpint (n_entries, ==, expected_entries);
  g_assert_cmpint (broken, ==, expected_broken);
  if (expected_broken == 0)
    g_assert_null (reason);
  else
    g_assert_nonnull (reason);
}

/**
 * xa_test_assert_chain_holds:
 *
 * Nothing the test wrote is found edited behind the app's back: every change went
 * through the chain with its images. Each finding is printed before the test fails.
 */
void
xa_test_assert_chain_holds (XaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = xa_store_audit_verify (store, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((XaAuditFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

/**
 * xa_test_workspace_new_in_memory:
 * @operator_name: (nullable): the operator its audit entries name from now on
 * @n_demo_schools: how many schools of the demo district (seed 7) to add, or 0
 *
 * Returns: (transfer full): a workspace over a fresh store in memory, the default
 *   template stored
 */
XaWorkspace *
xa_test_workspace_new_in_memory (const char *operator_name,
                                 guint       n_demo_schools)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_test_store_new ();
  g_autoptr(XaWorkspace) workspace = xa_workspace_new_for_store (store);

  xa_workspace_ensure_defaults (workspace, &error);
  g_assert_no_error (error);
  if (operator_name != NULL)
    xa_store_set_operator (xa_workspace_get_store (workspace), operator_name);
  if (n_demo_schools > 0)
    {
      xa_demo_fill (xa_workspace_get_registry (workspace), n_demo_schools, 7, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&workspace);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * xa_test_add_corpus:
 * @prefix: the tests' path, such as "/xa/text-outline/corpus/"
 * @func: run with each text's name (such as "01-banzhuren-flat-list")
 *
 * Adds one test for each agreement text of tests/data/agreements/, in the order of
 * their names.
 */
void
xa_test_add_corpus (const char    *prefix,
                    GTestDataFunc  func)
{
  g_autofree char *dir = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "agreements", NULL);
  g_autoptr(GDir) corpus = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (corpus);
  while ((entry = g_dir_read_name (corpus)) != NULL)
    if (g_str_has_suffix (entry, ".txt"))
      g_ptr_array_add (names, g_strndup (entry, strlen (entry) - strlen (".txt")));
  g_ptr_array_sort (names, compare_names);
  /* The issue asks for eight shapes at least. */
  g_assert_cmpuint (names->len, >=, 8);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strconcat (prefix, (char *) names->pdata[i], NULL);

      g_test_add_data_func_full (path, g_strdup (names->pdata[i]), func, g_free);
    }
}

/**
 * xa_test_dup_schools:
 *
 * Returns: (transfer full) (element-type XaOrganisation): the schools of @workspace's
 *   register, in its order
 */
GPtrArray *
xa_test_dup_schools (XaWorkspace *workspace)
{
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (workspace));
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    g_ptr_array_add (array, g_list_model_get_item (schools, i));

  return array;
}
