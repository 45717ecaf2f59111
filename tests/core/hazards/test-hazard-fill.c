/* test-hazard-fill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo ledger's fast ways on SQLite (issue 11: a million hazards in about a minute):
 * the whole ledger in one write, its indexes and count made after the rows, gives the
 * same rows, indexes, counts and audit chain as a write a batch with every index kept
 * row by row, and on disk it goes through a rollback journal and leaves the file in WAL;
 * and schema step 23, which makes the hazard tables again with their CHECKs
 * as comparisons, keeps a ledger's rows, indexes, triggers and chain, and refuses what
 * it refused.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "xa-test-utils.h"
#include "hazard-test-utils.h"
#include "core/hazards/xa-hazard-book-private.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-store-private.h"

#define TODAY "2023-03-15"

/* The rows of @table in @order, every column but those named in @skip (the UUIDs and
 * times that differ from one fill to the next), as one text. */
static char *
dup_rows (XaStore    *store,
          const char *table,
          const char *order,
          const char *skip)
{
  g_autofree char *list_sql = g_strdup_printf ("SELECT group_concat (name, ' || ''|'' || ') FROM"
                                               " (SELECT 'quote (' || name || ')' AS name FROM pragma_table_info ('%s')"
                                               " WHERE name NOT IN (%s) ORDER BY cid)",
                                               table, skip);
  g_autofree char *columns = xa_test_query_text (store, list_sql);
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (line, char (10)) FROM"
                                          " (SELECT %s AS line FROM %s ORDER BY %s)",
                                          columns, table, order);

  return xa_test_query_text (store, sql);
}

/* The SQL of every table, index and trigger of the ledger's tables. */
static char *
dup_schema (XaStore *store)
{
  return xa_test_query_text (store,
                             "SELECT group_concat (type || ' ' || name || ': ' || coalesce (sql, ''), char (10))"
                             " FROM (SELECT * FROM sqlite_schema WHERE tbl_name LIKE 'hazard%' ORDER BY name)");
}

static void
assert_counts_hold (XaStore *store)
{
  static const char groups[] =
    "SELECT organisation_id, school_year, state, grade, category, count(*) FROM hazard"
    " GROUP BY organisation_id, school_year, state, grade, category";
  static const char totals[] =
    "SELECT organisation_id, school_year, state, grade, category, n FROM hazard_count";
  g_autofree char *missing = g_strdup_printf ("SELECT count(*) FROM (%s EXCEPT %s)", groups, totals);
  g_autofree char *extra = g_strdup_printf ("SELECT count(*) FROM (%s EXCEPT %s)", totals, groups);

  g_assert_cmpint (xa_test_query_int (store, missing), ==, 0);
  g_assert_cmpint (xa_test_query_int (store, extra), ==, 0);
}

/* A hazard added as a form adds it, counted by the trigger the fill made again. */
static void
add_one (XaWorkspace *workspace)
{
  XaStore *store = xa_workspace_get_store (workspace);
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autofree char *school = xa_test_query_text (store, "SELECT uuid FROM organisation WHERE kind = 'school'"
                                                       " ORDER BY code LIMIT 1");
  g_autoptr(GError) error = NULL;
  gint64 n = xa_test_query_int (store, "SELECT count(*) FROM hazard");

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, school);
  g_assert_true (xa_hazard_book_add (xa_workspace_get_hazards (workspace), hazard, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard"), ==, n + 1);
  assert_counts_hold (store);
  xa_test_assert_chain_holds (store);
}

static XaWorkspace *
filled_workspace (gboolean one_write)
{
  g_autoptr(GError) error = NULL;
  XaWorkspace *workspace = xa_test_workspace_new_in_memory ("安全办", 3);

  /* Five batches of 97: the one write stores five entries with their images as the
   * five writes do. */
  g_assert_true (_xa_hazard_demo_fill_with (xa_workspace_get_hazards (workspace), 485, 5, TODAY,
                                            one_write, 97, &error));
  g_assert_no_error (error);
  return workspace;
}

static void
test_one_write_same_as_batches (void)
{
  g_autoptr(XaWorkspace) batches = filled_workspace (FALSE);
  g_autoptr(XaWorkspace) one = filled_workspace (TRUE);
  XaStore *a = xa_workspace_get_store (batches);
  XaStore *b = xa_workspace_get_store (one);
  static const struct
  {
    const char *table;
    const char *order;
    const char *skip;
  } tables[] = {
    { "hazard", "id", "'uuid', 'created_at', 'updated_at'" },
    { "hazard_step", "id", "''" },
    { "hazard_gram", "gram, hazard_id", "''" },
    { "hazard_count", "organisation_id, school_year, state, grade, category", "''" },
  };

  g_assert_cmpint (xa_test_query_int (b, "SELECT count(*) FROM hazard"), ==, 485);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows_a = dup_rows (a, tables[i].table, tables[i].order, tables[i].skip);
      g_autofree char *rows_b = dup_rows (b, tables[i].table, tables[i].order, tables[i].skip);

      g_test_message ("%s", tables[i].table);
      g_assert_nonnull (rows_a);
      g_assert_cmpstr (rows_a, ==, rows_b);
    }

  /* The same indexes and triggers, from the same SQL. */
  {
    g_autofree char *schema_a = dup_schema (a);
    g_autofree char *schema_b = dup_schema (b);

    g_assert_nonnull (strstr (schema_b, "index hazard_responsible: CREATE INDEX"));
    g_assert_nonnull (strstr (schema_b, "trigger hazard_count_insert: CREATE TRIGGER"));
    g_assert_cmpstr (schema_a, ==, schema_b);
  }

  /* The counts the trigger kept are the count made once, and the trigger is back. */
  assert_counts_hold (a);
  assert_counts_hold (b);

  /* An entry and the images of its hazards a batch, either way, and chains that hold. */
  g_assert_cmpint (xa_test_query_int (b, "SELECT count(*) FROM audit WHERE action = 'hazard.demo'"), ==, 5);
  g_assert_cmpint (xa_test_query_int (a, "SELECT count(*) FROM audit WHERE action = 'hazard.demo'"), ==, 5);
  g_assert_cmpint (xa_test_query_int (b, "SELECT count(DISTINCT seq) FROM audit_image WHERE record_table = 'hazard'"), ==, 5);
  g_assert_cmpint (xa_test_query_int (b, "SELECT count(*) FROM audit_image WHERE record_table = 'hazard'"), ==, 485);
  {
    g_autofree char *images_a = xa_test_query_text (a, "SELECT group_concat (fields, char (10)) FROM"
                                                       " (SELECT fields FROM audit_image WHERE record_table = 'hazard'"
                                                       " ORDER BY label)");
    g_autofree char *images_b = xa_test_query_text (b, "SELECT group_concat (fields, char (10)) FROM"
                                                       " (SELECT fields FROM audit_image WHERE record_table = 'hazard'"
                                                       " ORDER BY label)");

    /* The images differ by the UUIDs and times only. */
    g_assert_cmpuint (strlen (images_a), ==, strlen (images_b));
  }
  xa_test_assert_chain_holds (a);
  xa_test_assert_chain_holds (b);

  add_one (one);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The demo takes its grams through a memo of the words it met: each hazard has in
 * hazard_gram exactly the grams that an edit of it would compute afresh. */
static void
test_grams_as_saved (void)
{
  g_autoptr(XaWorkspace) workspace = filled_workspace (TRUE);
  XaStore *store = xa_workspace_get_store (workspace);
  g_autoptr(XaStatement) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_hazards = 0;
  XaStep step;

  rows = xa_store_prepare (store,
                           "SELECT h.place, h.description,"
                           "  (SELECT group_concat (gram, ',') FROM"
                           "    (SELECT gram FROM hazard_gram g WHERE g.hazard_id = h.id ORDER BY gram))"
                           " FROM hazard h ORDER BY h.id",
                           &error);
  g_assert_no_error (error);
  while ((step = xa_statement_step (rows, &error)) == XA_STEP_ROW)
    {
      g_autoptr(XaHazard) hazard = g_object_new (XA_TYPE_HAZARD, NULL);
      g_autoptr(GPtrArray) grams = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, xa_statement_get_text (rows, 0));
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, xa_statement_get_text (rows, 1));
      grams = _xa_hazard_row_grams (hazard, NULL);
      g_ptr_array_sort (grams, compare_texts);
      for (guint i = 0; i < grams->len; i++)
        g_string_append_printf (joined, "%s%s", i > 0 ? "," : "", (const char *) grams->pdata[i]);
      g_assert_cmpuint (grams->len, >, 4);
      g_assert_cmpstr (joined->str, ==, xa_statement_get_text (rows, 2));
      n_hazards++;
    }
  g_assert_cmpint (step, ==, XA_STEP_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (n_hazards, ==, 485);
}

/* The one write records hazard_gram's statistics from the grams it wrote instead of
 * reading them again: they are ANALYZE's to the digit, and the planner has them. */
static void
test_gram_stat_as_analyzed (void)
{
  g_autoptr(XaWorkspace) workspace = filled_workspace (TRUE);
  XaStore *store = xa_workspace_get_store (workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *recorded = NULL;
  g_autofree char *analyzed = NULL;
  static const char stat[] = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'hazard_gram'";

  recorded = xa_test_query_text (store, stat);
  g_assert_nonnull (recorded);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'hazard'"), >, 0);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'hazard_step'"), ==, 1);

  g_assert_true (xa_store_exec (store, "ANALYZE hazard_gram", &error));
  g_assert_no_error (error);
  analyzed = xa_test_query_text (store, stat);
  g_assert_cmpstr (recorded, ==, analyzed);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'hazard_gram'"), ==, 1);
}

/* A ledger that holds hazards is refused whole, its indexes and rows as they were. */
static void
test_one_write_refused (void)
{
  g_autoptr(XaWorkspace) workspace = filled_workspace (TRUE);
  XaStore *store = xa_workspace_get_store (workspace);
  g_autofree char *before = xa_test_fingerprint (store);
  g_autofree char *schema = dup_schema (store);
  g_autofree char *after = NULL;
  g_autofree char *schema_after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (_xa_hazard_demo_fill_with (xa_workspace_get_hazards (workspace), 50, 6, TODAY, TRUE, 0, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  after = xa_test_fingerprint (store);
  schema_after = dup_schema (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (schema, ==, schema_after);
}

static void
assert_refused (XaStore    *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_test_message ("%s", sql);
  g_assert_false (xa_store_exec (store, sql, &error));
  g_assert_nonnull (error);
}

static char *
dup_journal_mode (XaStore *store)
{
  return xa_test_query_text (store, "SELECT journal_mode FROM pragma_journal_mode");
}

/* On disk, the one write goes through a rollback journal, which writes the pages it
 * spills once, and leaves the file in WAL as it found it; with another program holding
 * the file open it stays in WAL, and the fill is the same. */
static void
test_one_write_on_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-hazard-fill-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint held = 0; held < 2; held++)
    {
      g_autofree char *path = g_build_filename (dir, held ? "held.db" : "alone.db", NULL);
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autoptr(XaStore) store = NULL;
      g_autoptr(XaWorkspace) workspace = NULL;
      g_autofree char *mode = NULL;
      sqlite3 *other = NULL;

      g_test_message ("held open by another program: %u", held);
      store = xa_store_open (path, &error);
      g_assert_no_error (error);
      workspace = xa_workspace_new_for_store (store);
      g_assert_true (xa_workspace_ensure_defaults (workspace, &error));
      xa_store_set_operator (store, "安全办");
      g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), 3, 7, &error));
      g_assert_no_error (error);

      if (held)
        {
          g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (other, "SELECT count(*) FROM organisation", NULL, NULL, NULL), ==, SQLITE_OK);
        }

      xa_store_set_bulk (store, TRUE);
      mode = dup_journal_mode (store);
      g_assert_cmpstr (mode, ==, held ? "wal" : "delete");
      xa_store_set_bulk (store, FALSE);
      g_clear_pointer (&mode, g_free);
      mode = dup_journal_mode (store);
      g_assert_cmpstr (mode, ==, "wal");

      g_assert_true (_xa_hazard_demo_fill_with (xa_workspace_get_hazards (workspace), 300, 3, TODAY,
                                                TRUE, 60, &error));
      g_assert_no_error (error);
      g_clear_pointer (&mode, g_free);
      mode = dup_journal_mode (store);
      g_assert_cmpstr (mode, ==, "wal");
      g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
      g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard"), ==, 300);
      g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'hazard.demo'"), ==, 5);
      assert_counts_hold (store);
      xa_test_assert_chain_holds (store);
      add_one (workspace);
      sqlite3_close (other);
    }

  xa_test_remove_tree (dir);
}

/* Step 23 on a ledger of step 22: the same rows, indexes and triggers, and the same
 * values refused. */
static void
test_migrate_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-hazard-fill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xiaoan.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *objects_before = NULL;
  g_autofree char *objects_after = NULL;
  g_autofree char *table_sql = NULL;
  static const char objects[] =
    "SELECT group_concat (type || ' ' || name || ': ' || sql, char (10)) FROM"
    " (SELECT * FROM sqlite_schema WHERE tbl_name IN ('hazard', 'hazard_step') AND type <> 'table'"
    "  AND sql IS NOT NULL ORDER BY name)";

  g_assert_no_error (error);
  {
    g_autoptr(XaStore) old = _xa_store_open_at_version (path, 22, &error);
    g_autoptr(XaWorkspace) workspace = NULL;

    g_assert_no_error (error);
    workspace = xa_workspace_new_for_store (old);
    g_assert_true (xa_workspace_ensure_defaults (workspace, &error));
    xa_store_set_operator (old, "安全办");
    g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), 3, 7, &error));
    g_assert_true (_xa_hazard_demo_fill_with (xa_workspace_get_hazards (workspace), 300, 3, TODAY,
                                              FALSE, 0, &error));
    g_assert_no_error (error);
    g_assert_true (xa_store_exec (old, "ANALYZE hazard", &error));
    g_assert_cmpint (xa_store_get_schema_version (old), ==, 22);
    table_sql = xa_test_query_text (old, "SELECT sql FROM sqlite_schema WHERE name = 'hazard'");
    g_assert_nonnull (strstr (table_sql, "state IN ("));
    g_clear_pointer (&table_sql, g_free);
    before = xa_test_fingerprint (old);
    objects_before = xa_test_query_text (old, objects);
  }

  {
    g_autoptr(XaStore) store = xa_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (xa_store_get_schema_version (store), ==, 23);
    after = xa_test_fingerprint (store);
    objects_after = xa_test_query_text (store, objects);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpstr (objects_before, ==, objects_after);
    g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard"), ==, 300);
    /* The planner's statistics stay. */
    g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM sqlite_stat1 WHERE idx = 'hazard_responsible'"), ==, 1);
    g_assert_cmpint (xa_test_query_int (store, "PRAGMA foreign_keys"), ==, 1);
    g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

    table_sql = xa_test_query_text (store, "SELECT sql FROM sqlite_schema WHERE name = 'hazard'");
    g_assert_null (strstr (table_sql, " IN ("));
    g_assert_nonnull (strstr (table_sql, "state = 'pending' OR"));

    /* What step 10 refused is refused. */
    assert_refused (store, "UPDATE hazard SET state = 'lost' WHERE id = (SELECT min (id) FROM hazard WHERE state = 'pending')");
    assert_refused (store, "UPDATE hazard SET reinspection_result = 'maybe' WHERE id = (SELECT min (id) FROM hazard"
                           " WHERE state = 'pending')");
    assert_refused (store, "UPDATE hazard SET reported = 2 WHERE id = (SELECT min (id) FROM hazard WHERE state = 'pending')");
    assert_refused (store, "UPDATE hazard SET supervised = -1 WHERE id = (SELECT min (id) FROM hazard WHERE state = 'pending')");
    assert_refused (store, "UPDATE hazard SET remarks = 'x' WHERE id = (SELECT min (id) FROM hazard WHERE state = 'closed')");
    assert_refused (store, "INSERT INTO hazard_step (hazard_id, position, step, from_state, to_state, who, at)"
                           " SELECT min (id), 99, 'jump', 'pending', 'rectifying', '某人', '2023-01-01T08:00:00+08:00'"
                           " FROM hazard");
    assert_refused (store, "INSERT INTO hazard_step (hazard_id, position, step, from_state, to_state, who, at)"
                           " VALUES (999999, 1, 'start', 'pending', 'rectifying', '某人', '2023-01-01T08:00:00+08:00')");
    assert_refused (store, "DELETE FROM hazard_step");
    xa_test_assert_chain_holds (store);
    /* And what it allowed is allowed, counted by its trigger. */
    {
      g_autoptr(XaWorkspace) workspace = xa_workspace_new_for_store (store);

      add_one (workspace);
    }
  }

  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/hazard-fill/one-write-same-as-batches", test_one_write_same_as_batches);
  g_test_add_func ("/xiaoan/hazard-fill/grams-as-saved", test_grams_as_saved);
  g_test_add_func ("/xiaoan/hazard-fill/gram-stat-as-analyzed", test_gram_stat_as_analyzed);
  g_test_add_func ("/xiaoan/hazard-fill/one-write-refused", test_one_write_refused);
  g_test_add_func ("/xiaoan/hazard-fill/one-write-on-disk", test_one_write_on_disk);
  g_test_add_func ("/xiaoan/hazard-fill/migrate-checks", test_migrate_checks);

  return g_test_run ();
}
