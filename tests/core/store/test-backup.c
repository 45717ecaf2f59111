/* test-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Backups (issue 8): a backup of a demo district verifies and holds its rows; rotation
 * keeps N; a backup changed afterwards is listed as not verified and refused by restore;
 * a restore brings the rows back with an audit chain that verifies; a process killed in
 * the middle of a backup leaves every earlier backup intact and nothing half-written
 * under a backup's name; a damaged database is refused untouched, kept aside byte for
 * byte, and the newest verified backup restores it; and the scheduler's decision.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-backup.h"

#define N_KILL_ROUNDS 8

typedef struct
{
  char        *dir;
  char        *db_path;
  char        *backup_dir;
  XaWorkspace *workspace;
  XaStore     *store;       /* the workspace's */
} Fixture;

static void
open_workspace (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->workspace = xa_workspace_open (fixture->dir, "测试员", &error);
  g_assert_no_error (error);
  fixture->store = xa_workspace_get_store (fixture->workspace);
}

/* Closes the store for good: a restore must not run under an open connection. */
static void
close_workspace (Fixture *fixture)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->store), (gpointer *) &fixture->store);
  g_clear_object (&fixture->workspace);
  g_assert_null (fixture->store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_schools = GPOINTER_TO_UINT (data);

  fixture->dir = g_dir_make_tmp ("xa-test-backup-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "xiaoan.db", NULL);
  fixture->backup_dir = xa_backup_dup_default_dir (fixture->db_path);

  open_workspace (fixture);
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), n_schools ? n_schools : 12, 7, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->backup_dir);
}

static void
add_school (Fixture *fixture,
            guint    n)
{
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("第%u备份小学", n);
  g_autofree char *code = g_strdup_printf ("%010u", 3100000000u + n);

  xa_organisation_set_name (school, name);
  xa_organisation_set_code (school, code);
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  xa_organisation_set_stages (school, "primary");
  xa_school_registry_add_school (xa_workspace_get_registry (fixture->workspace), school, &error);
  g_assert_no_error (error);
}

static XaBackup *
make_backup (Fixture *fixture,
             guint    keep)
{
  g_autoptr(GError) error = NULL;
  XaBackup *backup = xa_backup_create (fixture->store, NULL, keep, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (backup);
  return backup;
}

static char *
sha256_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_sha256 (const char *path,
               const char *expected)
{
  g_autofree char *sha256 = sha256_of (path);

  g_assert_cmpstr (sha256, ==, expected);
}

static void
overwrite (const char *path,
           goffset     offset,
           guchar      byte,
           gsize       length)
{
  g_autofree guchar *bytes = g_malloc (length);
  int fd = g_open (path, O_WRONLY, 0);

  memset (bytes, byte, length);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, bytes, length, offset), ==, (gssize) length);
  close (fd);
}

/* The fingerprint of a backup's rows, read from a copy so that the backup itself is not
 * touched by opening it as a store. */
static char *
fingerprint_of_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-test-backup-copy-XXXXXX", &error);
  g_autofree char *copy = g_build_filename (dir, "xiaoan.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(XaStore) store = NULL;
  gsize length = 0;
  char *fingerprint;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);

  store = xa_store_open (copy, &error);
  g_assert_no_error (error);
  fingerprint = xa_test_fingerprint (store);
  g_clear_object (&store);
  xa_test_remove_tree (dir);
  return fingerprint;
}

/* The names in @dir that start with @prefix and end with @suffix. */
static GPtrArray *
names_matching (const char *dir,
                const char *prefix,
                const char *suffix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  return names;
}

static guint
count_matching (const char *dir,
                const char *prefix,
                const char *suffix)
{
  g_autoptr(GPtrArray) names = names_matching (dir, prefix, suffix);

  return names->len;
}

static gboolean
item_verified (GListModel *list,
               guint       position)
{
  g_autoptr(XaBackup) backup = g_list_model_get_item (list, position);

  return xa_backup_get_verified (backup);
}

static void
test_backup_verifies (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = xa_test_fingerprint (fixture->store);
  g_autofree char *backup_fingerprint = NULL;
  g_autofree char *manifest = NULL;
  g_autoptr(XaBackup) backup = make_backup (fixture, 10);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(XaBackup) listed = NULL;
  gint64 audit_entries = xa_test_query_int (fixture->store, "SELECT count(*) FROM audit");

  g_assert_true (xa_backup_get_verified (backup));
  g_assert_true (g_str_has_prefix (xa_backup_get_path (backup), fixture->backup_dir));
  g_assert_true (g_str_has_prefix (xa_backup_get_name (backup), "xiaoan-"));
  g_assert_cmpint (xa_backup_get_schema_version (backup), ==, XA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (xa_backup_get_audit_entries (backup), ==, audit_entries);
  g_assert_cmpint (xa_backup_get_row_count (backup), >, audit_entries);
  assert_sha256 (xa_backup_get_path (backup), xa_backup_get_sha256 (backup));

  /* The manifest beside it, and no SQLite files beside the copy. */
  manifest = g_strdup_printf ("%.*s.json", (int) strlen (xa_backup_get_path (backup)) - 3,
                              xa_backup_get_path (backup));
  g_assert_true (g_file_test (manifest, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_matching (fixture->backup_dir, "", "-wal"), ==, 0);

  xa_backup_verify (backup, &error);
  g_assert_no_error (error);

  backup_fingerprint = fingerprint_of_file (xa_backup_get_path (backup));
  g_assert_cmpstr (backup_fingerprint, ==, fingerprint);

  /* A change after the backup is not in it. */
  g_assert_true (xa_backup_is_current (backup, fixture->store));
  add_school (fixture, 1);
  g_assert_false (xa_backup_is_current (backup, fixture->store));
  xa_backup_verify (backup, &error);
  g_assert_no_error (error);

  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_cmpstr (xa_backup_get_name (listed), ==, xa_backup_get_name (backup));
  g_assert_true (xa_backup_get_verified (listed));
  g_assert_cmpuint (xa_backup_get_size (listed), >, 0);
}

static void
test_backup_rotation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(XaBackup) last = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(XaBackup) backup = NULL;

      add_school (fixture, i);
      backup = make_backup (fixture, 3);
      g_ptr_array_add (made, g_strdup (xa_backup_get_name (backup)));
    }

  /* The three newest, newest first; the two oldest are gone with their manifests. */
  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(XaBackup) backup = g_list_model_get_item (list, i);

      g_assert_cmpstr (xa_backup_get_name (backup), ==, g_ptr_array_index (made, 4 - i));
      g_assert_true (xa_backup_get_verified (backup));
    }
  g_assert_cmpuint (count_matching (fixture->backup_dir, "", ".json"), ==, 3);

  /* Keeping 0 still keeps the one just made. */
  g_clear_object (&list);
  last = make_backup (fixture, 0);
  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_backup_corrupted_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaBackup) backup = make_backup (fixture, 10);
  g_autoptr(XaBackup) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(XaBackup) listed = NULL;
  g_autofree char *path = g_strdup (xa_backup_get_path (backup));
  g_autofree char *live_sha = NULL;
  GStatBuf st;

  /* Flip bytes in the middle of the copy after it was verified. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  overwrite (path, st.st_size / 2, 0x5a, 16);

  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  listed = g_list_model_get_item (list, 0);
  g_assert_false (xa_backup_get_verified (listed));
  g_assert_nonnull (xa_backup_get_problem (listed));
  g_assert_null (xa_backup_find_newest_verified (fixture->backup_dir));

  close_workspace (fixture);
  live_sha = sha256_of (fixture->db_path);

  g_assert_false (xa_backup_restore (listed, fixture->db_path, NULL, &error));
  g_assert_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_UNVERIFIED);
  g_assert_nonnull (strstr (error->message, xa_backup_get_name (listed)));
  g_clear_error (&error);

  /* Nothing replaced, nothing kept aside. */
  assert_sha256 (fixture->db_path, live_sha);
  g_assert_cmpuint (count_matching (fixture->dir, "xiaoan.db.before-restore", ""), ==, 0);

  /* A manifest that no longer matches the copy (a table's rows) is caught by the full
   * check even though the file's hash still matches. */
  g_clear_object (&backup);
  open_workspace (fixture);
  backup = make_backup (fixture, 10);
  close_workspace (fixture);
  {
    g_autofree char *manifest_path = g_strdup_printf ("%.*s.json",
                                                      (int) strlen (xa_backup_get_path (backup)) - 3,
                                                      xa_backup_get_path (backup));
    g_autofree char *manifest = NULL;
    g_autoptr(GRegex) regex = g_regex_new ("\"organisation\" : [0-9]+", 0, 0, NULL);
    g_autofree char *edited = NULL;

    g_file_get_contents (manifest_path, &manifest, NULL, &error);
    g_assert_no_error (error);
    edited = g_regex_replace_literal (regex, manifest, -1, 0, "\"organisation\" : 1", 0, NULL);
    g_assert_cmpstr (edited, !=, manifest);
    g_file_set_contents (manifest_path, edited, -1, &error);
    g_assert_no_error (error);
  }

  loaded = xa_backup_load (xa_backup_get_path (backup), &error);
  g_assert_no_error (error);
  g_assert_true (xa_backup_get_verified (loaded));
  g_assert_false (xa_backup_restore (loaded, fixture->db_path, NULL, &error));
  g_assert_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_UNVERIFIED);
  g_assert_nonnull (strstr (error->message, "organisation"));
  g_assert_false (xa_backup_get_verified (loaded));
  assert_sha256 (fixture->db_path, live_sha);
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = xa_test_fingerprint (fixture->store);
  g_autofree char *later = NULL;
  g_autofree char *kept_aside = NULL;
  g_autofree char *aside_fingerprint = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(XaBackup) backup = make_backup (fixture, 10);
  g_autoptr(XaBackup) newest = NULL;
  gint64 entries = xa_backup_get_audit_entries (backup);

  for (guint i = 0; i < 3; i++)
    add_school (fixture, i);
  later = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (later, !=, fingerprint);
  close_workspace (fixture);

  newest = xa_backup_find_newest_verified (fixture->backup_dir);
  g_assert_nonnull (newest);
  g_assert_cmpstr (xa_backup_get_name (newest), ==, xa_backup_get_name (backup));

  g_assert_true (xa_backup_restore (newest, fixture->db_path, &kept_aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept_aside);
  g_assert_true (g_str_has_prefix (kept_aside, fixture->db_path));
  g_assert_nonnull (strstr (kept_aside, ".before-restore-"));

  open_workspace (fixture);
  restored = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (restored, ==, fingerprint);
  integrity = xa_test_query_text (fixture->store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  xa_test_assert_audit (fixture->store, entries, 0);

  /* The replaced database is kept, with the changes the backup did not have. */
  aside_fingerprint = fingerprint_of_file (kept_aside);
  g_assert_cmpstr (aside_fingerprint, ==, later);
}

static void
test_backup_leftovers (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaBackup) backup = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *partial = g_build_filename (fixture->backup_dir, "xiaoan-20200101-000000.db.partial", NULL);
  g_autofree char *orphan = g_build_filename (fixture->backup_dir, "xiaoan-20200101-000001.json", NULL);
  g_autofree char *bare = g_build_filename (fixture->backup_dir, "xiaoan-20200101-000002.db", NULL);
  g_autofree char *garbled = g_build_filename (fixture->backup_dir, "xiaoan-20200101-000003.db", NULL);
  g_autofree char *garbled_manifest = g_build_filename (fixture->backup_dir, "xiaoan-20200101-000003.json", NULL);

  /* What killed backups leave, and a copy without its manifest. */
  g_mkdir_with_parents (fixture->backup_dir, 0700);
  g_file_set_contents (partial, "half", -1, &error);
  g_file_set_contents (orphan, "{}", -1, &error);
  g_file_set_contents (bare, "not a backup", -1, &error);
  /* A manifest that is JSON but not a manifest. */
  g_file_set_contents (garbled, "not a backup", -1, &error);
  g_file_set_contents (garbled_manifest, "{\"file\": \"xiaoan-20200101-000003.db\", \"rows\": [1]}", -1, &error);
  g_assert_no_error (error);

  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_false (item_verified (list, 0));
  g_assert_false (item_verified (list, 1));

  backup = make_backup (fixture, 10);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  /* Rotation leaves a backup that does not verify for a person to look at. */
  g_assert_true (g_file_test (bare, G_FILE_TEST_EXISTS));

  g_clear_object (&list);
  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  g_assert_true (item_verified (list, 0));
}

/* Killed mid-backup */

typedef struct
{
  int to_parent;
  int from_parent;
} Handshake;

/* The child tells the parent each step of the copy and waits for its word to go on, so
 * that the parent can kill it in the middle of a copy for certain. */
static void
child_progress (guint    copied,
                guint    total,
                gpointer user_data)
{
  Handshake *handshake = user_data;
  char go;

  if (write (handshake->to_parent, &copied, sizeof copied) != sizeof copied ||
      read (handshake->from_parent, &go, 1) != 1)
    _exit (5);
}

G_GNUC_NORETURN static void
run_backups (const char *db_path,
             Handshake  *handshake)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = xa_store_open (db_path, &error);

  if (store == NULL)
    _exit (3);

  for (;;)
    {
      g_autoptr(XaBackup) backup = xa_backup_create (store, NULL, 1000, child_progress,
                                                     handshake, NULL, &error);
      if (backup == NULL)
        _exit (4);
    }
}

/* Starts a child that makes backups one after another, and kills it: at even rounds
 * while it waits between two steps of a copy, at odd rounds a random while after it was
 * let go on (in the copy, its verification, the manifest, the rename or the rotation). */
static void
kill_a_backup (const char *db_path,
               guint       round)
{
  int up[2], down[2];
  Handshake handshake;
  guint steps = g_test_rand_int_range (1, 24);
  guint copied = 0;
  int status = 0;
  pid_t child;

  g_assert_cmpint (pipe (up), ==, 0);
  g_assert_cmpint (pipe (down), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      close (up[0]);
      close (down[1]);
      handshake.to_parent = up[1];
      handshake.from_parent = down[0];
      run_backups (db_path, &handshake);
    }
  close (up[1]);
  close (down[0]);

  for (guint i = 0; i < steps; i++)
    {
      g_assert_cmpint (read (up[0], &copied, sizeof copied), ==, sizeof copied);
      if (i + 1 < steps || round % 2 == 1)
        g_assert_cmpint (write (down[1], "g", 1), ==, 1);
    }
  if (round % 2 == 1)
    g_usleep (g_test_rand_int_range (0, 30000));

  g_assert_cmpint (kill (child, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  close (up[0]);
  close (down[1]);

  g_test_message ("round %u: killed after step %u (%u pages copied)%s", round, steps, copied,
                  round % 2 == 1 ? ", a while after it went on" : ", waiting between two steps");
}

static void
test_backup_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) earlier = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(XaBackup) last = NULL;
  g_autofree char *integrity = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XaBackup) backup = NULL;

      add_school (fixture, i);
      backup = make_backup (fixture, 1000);
      g_hash_table_add (earlier, g_strdup (xa_backup_get_name (backup)));
    }

  /* No connection of the parent's crosses the fork. */
  close_workspace (fixture);

  for (guint round = 0; round < N_KILL_ROUNDS; round++)
    {
      g_autoptr(GListModel) now = NULL;
      g_autoptr(GPtrArray) partials = NULL;
      GHashTableIter iter;
      gpointer name;

      kill_a_backup (fixture->db_path, round);

      /* Every backup made before is still there and verifies in full, and so does
       * every file that carries a backup's name: nothing half-written has one. */
      now = xa_backup_list (fixture->backup_dir, &error);
      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, earlier);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        {
          g_autofree char *path = g_build_filename (fixture->backup_dir, name, NULL);

          g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
        }
      for (guint i = 0; i < g_list_model_get_n_items (now); i++)
        {
          g_autoptr(XaBackup) backup = g_list_model_get_item (now, i);

          g_assert_true (xa_backup_get_verified (backup));
          xa_backup_verify (backup, &error);
          g_assert_no_error (error);
          g_hash_table_add (earlier, g_strdup (xa_backup_get_name (backup)));
        }

      /* Killed while it waited between two steps, it was in the middle of a copy. */
      partials = names_matching (fixture->backup_dir, "", ".partial");
      g_test_message ("round %u: %u backups, %u partial copies left", round,
                      g_list_model_get_n_items (now), partials->len);
      if (round % 2 == 0)
        g_assert_cmpuint (partials->len, ==, 1);
    }

  /* The next backup clears what the killed ones left, and the database is sound. */
  open_workspace (fixture);
  last = make_backup (fixture, 1000);
  g_assert_cmpuint (count_matching (fixture->backup_dir, "", ".partial"), ==, 0);
  list = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_matching (fixture->backup_dir, "", ".json"), ==, g_list_model_get_n_items (list));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, g_hash_table_size (earlier) + 1);
  integrity = xa_test_query_text (fixture->store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
}

/* Damaged database */

static void
test_backup_damaged_database (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = xa_test_fingerprint (fixture->store);
  g_autofree char *damaged_sha = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *kept_aside = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(XaBackup) backup = make_backup (fixture, 10);
  g_autoptr(XaBackup) newest = NULL;
  g_autoptr(XaStore) refused = NULL;
  g_autoptr(GPtrArray) copies = NULL;
  gint64 entries = xa_backup_get_audit_entries (backup);
  GStatBuf st;

  close_workspace (fixture);

  /* Garbage over the b-tree headers of pages in the middle of the file, not page 1
   * with the file's header. */
  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_size / 4096, >, 8);
  for (goffset page = 2; page < st.st_size / 4096; page += 3)
    overwrite (fixture->db_path, page * 4096, 0xee, 64);
  damaged_sha = sha256_of (fixture->db_path);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      refused = xa_store_open (fixture->db_path, &error);
      g_assert_null (refused);
      g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "xiaoan.db"));
      g_clear_error (&error);

      /* Untouched, and kept aside byte for byte, once however often it is opened. */
      assert_sha256 (fixture->db_path, damaged_sha);
      g_clear_pointer (&copies, g_ptr_array_unref);
      copies = names_matching (fixture->dir, "xiaoan.db.damaged-", "");
      /* The copy of the database, not of its -wal or -shm. */
      for (guint i = copies->len; i > 0; i--)
        if (!g_regex_match_simple ("damaged-[0-9]{8}-[0-9]{6}$", g_ptr_array_index (copies, i - 1), 0, 0))
          g_ptr_array_remove_index (copies, i - 1);
      g_assert_cmpuint (copies->len, ==, 1);
      assert_sha256 (g_ptr_array_index (copies, 0), damaged_sha);
    }

  /* The newest verified backup restores it. */
  newest = xa_backup_find_newest_verified (fixture->backup_dir);
  g_assert_nonnull (newest);
  g_assert_cmpstr (xa_backup_get_name (newest), ==, xa_backup_get_name (backup));
  g_assert_true (xa_backup_restore (newest, fixture->db_path, &kept_aside, &error));
  g_assert_no_error (error);
  assert_sha256 (kept_aside, damaged_sha);

  open_workspace (fixture);
  integrity = xa_test_query_text (fixture->store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  xa_test_assert_audit (fixture->store, entries, 0);
  restored = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (restored, ==, fingerprint);
}

/* The scheduler's decision */

static void
test_backup_due (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2024, 5, 1, 12, 0, 0);
  g_autoptr(GDateTime) hour_ago = g_date_time_add_hours (now, -1);
  g_autoptr(GDateTime) day_ago = g_date_time_add_hours (now, -24);
  g_autoptr(GDateTime) minute_ago = g_date_time_add_minutes (now, -1);
  g_autoptr(GDateTime) ten_minutes_ago = g_date_time_add_minutes (now, -10);

  /* No backup yet, idle: due. */
  g_assert_true (xa_backup_is_due (now, NULL, TRUE, NULL, 24, 5));
  g_assert_true (xa_backup_is_due (now, NULL, TRUE, ten_minutes_ago, 24, 5));
  /* A write a minute ago: not idle. */
  g_assert_false (xa_backup_is_due (now, NULL, TRUE, minute_ago, 24, 5));
  g_assert_false (xa_backup_is_due (now, day_ago, TRUE, minute_ago, 24, 5));
  /* The newest backup is the interval old, with changes since: due. */
  g_assert_true (xa_backup_is_due (now, day_ago, TRUE, ten_minutes_ago, 24, 5));
  /* Younger than the interval: not yet. */
  g_assert_false (xa_backup_is_due (now, hour_ago, TRUE, ten_minutes_ago, 24, 5));
  g_assert_true (xa_backup_is_due (now, hour_ago, TRUE, ten_minutes_ago, 1, 5));
  /* Nothing changed since: a copy of the same state would only push older ones out. */
  g_assert_false (xa_backup_is_due (now, day_ago, FALSE, ten_minutes_ago, 24, 5));
  /* Interval 0 turns the schedule off. */
  g_assert_false (xa_backup_is_due (now, NULL, TRUE, NULL, 0, 5));
  /* A backup from the future (a clock set back) is not older than the interval. */
  g_assert_false (xa_backup_is_due (hour_ago, now, TRUE, NULL, 1, 5));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, n_schools) \
  g_test_add ("/xa/backup/" path, Fixture, GUINT_TO_POINTER (n_schools), fixture_set_up, func, fixture_tear_down)

  ADD ("verifies", test_backup_verifies, 24);
  ADD ("rotation", test_backup_rotation, 0);
  ADD ("corrupted-refused", test_backup_corrupted_refused, 0);
  ADD ("restore", test_backup_restore, 24);
  ADD ("leftovers", test_backup_leftovers, 0);
  ADD ("killed", test_backup_killed, 300);
  ADD ("damaged-database", test_backup_damaged_database, 60);
  g_test_add_func ("/xa/backup/due", test_backup_due);

  return g_test_run ();
}
