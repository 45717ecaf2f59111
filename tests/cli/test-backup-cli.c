/* test-backup-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli backup create|list|restore` run as a process ($XIAOAN_CLI) on the demo
 * district: a backup is made, listed, and restored over later changes; a backup changed
 * afterwards is listed as not verified and refused; a damaged database is refused by
 * every command that opens it, and `backup restore --latest` brings it back; usage
 * errors exit 2 and change nothing.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *backup_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_demo_dir_set_up (&fixture->demo, "backup-cli", 40);
  fixture->backup_dir = g_build_filename (fixture->demo.data_dir, "backups", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->backup_dir);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

/* `backup list --json`, parsed. */
static JsonArray *
list_backups (Fixture *fixture)
{
  return xa_test_run_cli_json (fixture->demo.data_dir, "backup", "list", "--json", NULL);
}

static guint
count_agreements (Fixture *fixture)
{
  g_autoptr(JsonArray) agreements = xa_test_run_cli_json (fixture->demo.data_dir, "agreement", "list",
                                                          "--year", "2021", "--json", NULL);

  return json_array_get_length (agreements);
}

static void
make_backup (Fixture *fixture)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "backup", "create", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, fixture->backup_dir));
  g_assert_nonnull (strstr (run.out, "verified"));
}

static void
generate_agreements (Fixture *fixture)
{
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, fixture->demo.data_dir, "agreement", "generate", "--year", "2021", "--all", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_create_list_restore (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(XaTestRun) text = { 0, };
  g_auto(XaTestRun) restore = { 0, };
  g_auto(XaTestRun) by_name = { 0, };
  g_autoptr(JsonArray) backups = NULL;
  g_autofree char *first = NULL;
  JsonObject *newest;

  make_backup (fixture);
  generate_agreements (fixture);
  g_assert_cmpuint (count_agreements (fixture), ==, 40);
  make_backup (fixture);

  /* Newest first, both verified. */
  backups = list_backups (fixture);
  g_assert_cmpuint (json_array_get_length (backups), ==, 2);
  newest = json_array_get_object_element (backups, 0);
  g_assert_true (json_object_get_boolean_member (newest, "verified"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (backups, 1), "verified"));
  g_assert_cmpint (json_object_get_int_member (newest, "audit_entries"), >,
                   json_object_get_int_member (json_array_get_object_element (backups, 1), "audit_entries"));
  first = g_strdup (json_object_get_string_member (json_array_get_object_element (backups, 1), "name"));

  xa_test_run_cli (&text, fixture->demo.data_dir, "backup", "list", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, first));
  g_assert_nonnull (strstr (text.out, "\tverified\n"));

  /* The first backup, by its name, takes the database back to before the agreements. */
  xa_test_run_cli (&by_name, fixture->demo.data_dir, "backup", "restore", first, NULL);
  g_assert_cmpint (by_name.status, ==, 0);
  g_assert_nonnull (strstr (by_name.out, "kept as"));
  g_assert_cmpuint (count_agreements (fixture), ==, 0);

  /* The newest brings them back. */
  xa_test_run_cli (&restore, fixture->demo.data_dir, "backup", "restore", "--latest", NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_cmpuint (count_agreements (fixture), ==, 40);
}

static void
test_corrupted_backup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(XaTestRun) restore = { 0, };
  g_auto(XaTestRun) latest = { 0, };
  g_autoptr(JsonArray) backups = NULL;
  const char *path;
  JsonObject *backup;
  int fd;

  make_backup (fixture);
  generate_agreements (fixture);

  backups = list_backups (fixture);
  path = json_object_get_string_member (json_array_get_object_element (backups, 0), "path");
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, "XXXXXXXX", 8, 20000), ==, 8);
  close (fd);

  g_clear_pointer (&backups, json_array_unref);
  backups = list_backups (fixture);
  backup = json_array_get_object_element (backups, 0);
  g_assert_false (json_object_get_boolean_member (backup, "verified"));
  g_assert_nonnull (json_object_get_string_member (backup, "problem"));

  xa_test_run_cli (&restore, fixture->demo.data_dir, "backup", "restore",
                   json_object_get_string_member (backup, "path"), NULL);
  g_assert_cmpint (restore.status, ==, 1);
  g_assert_nonnull (strstr (restore.err, json_object_get_string_member (backup, "name")));
  g_assert_cmpuint (count_agreements (fixture), ==, 40);

  xa_test_run_cli (&latest, fixture->demo.data_dir, "backup", "restore", "--latest", NULL);
  g_assert_cmpint (latest.status, ==, 1);
  g_assert_nonnull (strstr (latest.err, "no backup that verifies"));
  g_assert_cmpuint (count_agreements (fixture), ==, 40);
}

static void
test_damaged_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(XaTestRun) refused = { 0, };
  g_auto(XaTestRun) create = { 0, };
  g_auto(XaTestRun) list = { 0, };
  g_auto(XaTestRun) restore = { 0, };
  g_autofree char *db_path = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autofree guchar *garbage = g_malloc (64);
  GStatBuf st;
  int fd;

  make_backup (fixture);

  memset (garbage, 0xee, 64);
  g_assert_cmpint (g_stat (db_path, &st), ==, 0);
  fd = g_open (db_path, O_WRONLY, 0);
  for (goffset page = 2; page < st.st_size / 4096; page += 3)
    g_assert_cmpint (pwrite (fd, garbage, 64, page * 4096), ==, 64);
  close (fd);

  xa_test_run_cli (&refused, fixture->demo.data_dir, "school", "list", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "is damaged"));
  g_assert_nonnull (strstr (refused.err, "xiaoan.db.damaged-"));
  xa_test_run_cli (&create, fixture->demo.data_dir, "backup", "create", NULL);
  g_assert_cmpint (create.status, ==, 1);

  /* Listing and restoring do not need the database. */
  xa_test_run_cli (&list, fixture->demo.data_dir, "backup", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "\tverified\n"));
  xa_test_run_cli (&restore, fixture->demo.data_dir, "backup", "restore", "--latest", NULL);
  g_assert_cmpint (restore.status, ==, 0);
  g_assert_cmpuint (count_agreements (fixture), ==, 0);
}

/* Exit status 2, one line on stderr, nothing made or restored. */
static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *lines[][5] = {
    { "backup", "restore", NULL },
    { "backup", "restore", "--latest", "xiaoan-20240501-143005.db", NULL },
    { "backup", "create", "--keep", "0", NULL },
    { "backup", "create", "--keep", "many", NULL },
    { "backup", "list", "--latest", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_auto(XaTestRun) run = { 0, };

      xa_test_run_cli (&run, fixture->demo.data_dir, lines[i][0], lines[i][1], lines[i][2],
                       lines[i][3], lines[i][4], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpuint (strchr (run.err, '\n') - run.err, ==, strlen (run.err) - 1);
    }

  g_assert_false (g_file_test (fixture->backup_dir, G_FILE_TEST_EXISTS));
}

/* `migrate` to a new file from a store whose audit log does not verify: refused with
 * the entry named, and the file and folder made for the move are gone again. */
static void
test_migrate_refused_leaves_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
  g_autofree char *folder = g_build_filename (fixture->demo.dir, "moved", NULL);
  g_autofree char *target = g_build_filename (folder, "xiaoan.db", NULL);
  g_auto(XaTestRun) run = { 0, };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (source, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_no_update;"
                                     "UPDATE audit SET detail = '{}' WHERE seq = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  xa_test_run_cli (&run, NULL, "migrate", "--from", source, "--to", target, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "entry 3"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/backup-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-list-restore", test_create_list_restore);
  ADD ("corrupted-backup", test_corrupted_backup);
  ADD ("damaged-database", test_damaged_database);
  ADD ("usage", test_usage);
  ADD ("migrate-refused-leaves-nothing", test_migrate_refused_leaves_nothing);

  return g_test_run ();
}
