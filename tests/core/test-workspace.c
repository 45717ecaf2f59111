/* test-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XaWorkspace: the object graph over one store. Two workspaces on one data folder see the
 * same data, the defaults are stored once however often they are ensured, and every
 * registry and book writes to the one store of its workspace.
 */

#include "config.h"

#include "xa-test-utils.h"
#include "core/registry/xa-demo.h"

#define COUNT_DEFAULT_TEMPLATE_ENTRIES \
  "SELECT count(*) FROM audit WHERE action = 'template.add-default'"

static XaWorkspace *
open_workspace (const char *location)
{
  return xa_test_workspace_open (location, "测试员");
}

static void
assert_default_template_once (XaWorkspace *workspace)
{
  XaStore *store = xa_workspace_get_store (workspace);
  GListModel *templates = xa_template_library_get_templates (xa_workspace_get_templates (workspace));

  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM template"), ==, 1);
  g_assert_cmpint (xa_test_query_int (store, COUNT_DEFAULT_TEMPLATE_ENTRIES), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
}

static void
test_workspace_reopen_same_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-test-workspace-XXXXXX", &error);
  g_autofree char *location = xa_test_location_new (dir);
  g_autofree char *fingerprint = NULL;
  g_autofree char *fingerprint_second = NULL;
  g_autofree char *fingerprint_reopened = NULL;
  XaWorkspace *first;
  XaWorkspace *second;
  XaWorkspace *reopened;
  gint64 n_entries;

  g_assert_no_error (error);

  first = open_workspace (location);
  xa_store_set_operator (xa_workspace_get_store (first), "李明");
  g_assert_true (xa_demo_fill (xa_workspace_get_registry (first), 3, 7, &error));
  g_assert_no_error (error);
  fingerprint = xa_test_fingerprint (xa_workspace_get_store (first));
  n_entries = xa_test_query_int (xa_workspace_get_store (first), "SELECT count(*) FROM audit");

  /* A second workspace while the first is open: the same schools, and opening did not
   * store the default template again. */
  second = open_workspace (location);
  g_assert_cmpuint (xa_school_registry_count_schools (xa_workspace_get_registry (second)), ==, 3);
  assert_default_template_once (second);
  fingerprint_second = xa_test_fingerprint (xa_workspace_get_store (second));
  g_assert_cmpstr (fingerprint_second, ==, fingerprint);

  g_assert_finalize_object (second);
  g_assert_finalize_object (first);

  /* And once both are closed. */
  reopened = open_workspace (location);
  fingerprint_reopened = xa_test_fingerprint (xa_workspace_get_store (reopened));
  g_assert_cmpstr (fingerprint_reopened, ==, fingerprint);
  g_assert_cmpuint (xa_school_registry_count_schools (xa_workspace_get_registry (reopened)), ==, 3);
  xa_test_assert_audit (xa_workspace_get_store (reopened), n_entries, 0);
  g_assert_finalize_object (reopened);

  xa_test_remove_tree (dir);
}

static void
test_workspace_defaults_once (void)
{
  g_autoptr(GError) error = NULL;
  XaWorkspace *workspace = xa_test_workspace_new_in_memory (NULL, 0);
  XaStore *store = g_object_ref (xa_workspace_get_store (workspace));
  XaWorkspace *over_same_store;

  assert_default_template_once (workspace);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (xa_workspace_ensure_defaults (workspace, &error));
      g_assert_no_error (error);
    }
  assert_default_template_once (workspace);
  g_assert_finalize_object (workspace);

  /* A workspace built over the store finds them there too. */
  over_same_store = xa_workspace_new_for_store (store);
  g_assert_true (xa_workspace_ensure_defaults (over_same_store, &error));
  g_assert_no_error (error);
  assert_default_template_once (over_same_store);
  xa_test_assert_audit (store, 1, 0);

  g_assert_finalize_object (over_same_store);
  g_assert_finalize_object (store);
}

static void
assert_one_store (XaWorkspace *workspace,
                  XaStore     *store)
{
  g_assert_true (xa_workspace_get_store (workspace) == store);
  g_assert_true (xa_school_registry_get_store (xa_workspace_get_registry (workspace)) == store);
  g_assert_true (xa_template_library_get_store (xa_workspace_get_templates (workspace)) == store);
  g_assert_true (xa_agreement_book_get_store (xa_workspace_get_agreements (workspace)) == store);
}

static void
test_workspace_one_store (void)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_test_store_new ();
  XaWorkspace *workspace;
  XaWorkspace *in_memory;

  g_assert_no_error (error);

  /* Built over a store: nothing stored yet, every part over that store. */
  workspace = xa_workspace_new_for_store (store);
  assert_one_store (workspace, store);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM template"), ==, 0);

  /* What the registry, the library and the book write lands in that store, in one audit
   * chain. */
  g_assert_true (xa_workspace_ensure_defaults (workspace, &error));
  g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), 3, 7, &error));
  g_assert_true (xa_agreement_book_generate_all (xa_workspace_get_agreements (workspace), 2021, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM agreement"), ==, 3);
  g_assert_cmpint (xa_test_query_int (store,
                                      "SELECT count(DISTINCT record_table) FROM audit"
                                      " WHERE record_table IN ('template', 'organisation', 'agreement')"),
                   ==, 3);
  xa_test_assert_audit (store, xa_test_query_int (store, "SELECT count(*) FROM audit"), 0);

  g_assert_finalize_object (workspace);
  g_assert_finalize_object (store);

  /* The same in a workspace in memory. */
  in_memory = xa_test_workspace_new_in_memory (NULL, 0);
  assert_one_store (in_memory, xa_workspace_get_store (in_memory));
  g_assert_finalize_object (in_memory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/workspace/reopen-same-data", test_workspace_reopen_same_data);
  g_test_add_func ("/xa/workspace/defaults-once", test_workspace_defaults_once);
  g_test_add_func ("/xa/workspace/one-store", test_workspace_one_store);

  return g_test_run ();
}
