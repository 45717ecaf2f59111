/* test-template-library.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-template-library.h"
#include "core/store/xa-store-private.h"
#include "core/store/xa-store.h"

typedef struct
{
  char              *dir;
  XaStore           *store;
  XaTemplateLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-template-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = xa_test_store_new ();
  g_assert_no_error (error);
  xa_store_set_operator (fixture->store, "测试员");
  fixture->library = xa_template_library_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);

  g_assert_finalize_object (fixture->library);
  g_assert_finalize_object (fixture->store);
}

static void
assert_audit_verifies (XaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  gint64 broken = -1;

  g_assert_true (xa_store_verify_audit (store, NULL, &broken, &reason, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
}

static XaTemplate *
ensure_and_dup (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaTemplate *template;

  g_assert_true (xa_template_library_ensure_default (fixture->library, &error));
  g_assert_no_error (error);
  template = xa_template_library_dup_latest (fixture->library, 2021, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

static void
test_ensure_default (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(XaTemplate) stored = NULL;
  g_autoptr(XaTemplate) builtin = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;
  guint changes = 0;

  list = xa_template_library_get_templates (fixture->library);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed_cb), &changes);

  stored = ensure_and_dup (fixture);
  g_assert_cmpint (xa_template_get_version (stored), ==, 1);
  g_assert_cmpint (xa_template_get_school_year (stored), ==, 2021);
  g_assert_false (xa_template_get_frozen (stored));

  /* The list followed the write. */
  g_assert_cmpuint (changes, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  builtin = xa_template_library_load_builtin (&error);
  g_assert_no_error (error);
  g_assert_true (xa_template_equal_content (stored, builtin));

  /* A second run adds nothing. */
  g_assert_true (xa_template_library_ensure_default (fixture->library, &error));
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM template"), ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'template.add-default'"), ==, 1);
  assert_audit_verifies (fixture->store);
}

static void
test_save_draft (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(XaTemplate) template = ensure_and_dup (fixture);
  g_autoptr(XaTemplate) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_strdup (xa_template_get_uuid (template));

  xa_clause_set_text (xa_template_find_clause (template, "s1.5"), "建立健全各项安全制度。");
  g_assert_true (xa_template_library_save (fixture->library, template, &error));
  g_assert_no_error (error);

  /* A draft changes in place. */
  g_assert_cmpstr (xa_template_get_uuid (template), ==, uuid);
  g_assert_cmpint (xa_template_get_version (template), ==, 1);
  again = xa_template_library_dup_by_uuid (fixture->library, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_text (xa_template_find_clause (again, "s1.5")), ==, "建立健全各项安全制度。");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM template"), ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'template.update'"), ==, 1);

  /* A template that does not validate is not stored. */
  g_assert_nonnull (xa_template_insert_clause (template, "s2", 0, XA_CLAUSE_KIND_ITEM, &error));
  g_assert_false (xa_template_library_save (fixture->library, template, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&again);
  again = xa_template_library_dup_by_uuid (fixture->library, uuid, &error);
  g_assert_cmpstr (xa_clause_get_number (xa_template_find_clause (again, "s2.1")), ==, "（一）");
  g_assert_cmpuint (g_list_model_get_n_items (xa_clause_get_children (xa_template_find_clause (again, "s2"))), ==, 3);

  /* Nor does a saved template move to another year. */
  g_clear_object (&template);
  template = xa_template_library_dup_by_uuid (fixture->library, uuid, &error);
  xa_template_set_school_year (template, 2030);
  g_assert_false (xa_template_library_save (fixture->library, template, &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_YEAR_CHANGED);
  g_clear_error (&error);

  g_assert_null (xa_template_library_dup_by_uuid (fixture->library, "no-such-uuid", &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (xa_template_library_dup_latest (fixture->library, 1999, &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  assert_audit_verifies (fixture->store);
}

static void
test_frozen_makes_version (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(XaTemplate) template = ensure_and_dup (fixture);
  g_autoptr(XaTemplate) old = NULL;
  g_autoptr(XaTemplate) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_uuid = g_strdup (xa_template_get_uuid (template));
  g_autofree char *old_text = g_strdup (xa_clause_get_text (xa_template_find_clause (template, "s1.5")));
  GListModel *list = xa_template_library_get_templates (fixture->library);

  g_assert_true (xa_template_library_freeze (fixture->library, old_uuid, &error));
  g_assert_no_error (error);
  /* Twice is once. */
  g_assert_true (xa_template_library_freeze (fixture->library, old_uuid, &error));
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'template.freeze'"), ==, 1);

  g_assert_false (xa_template_library_freeze (fixture->library, "no-such-uuid", &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  xa_clause_set_text (xa_template_find_clause (template, "s1.5"), "新的文字。");
  g_assert_true (xa_template_library_save (fixture->library, template, &error));
  g_assert_no_error (error);

  /* Saved as version 2 with a new uuid; version 1 is as it was. */
  g_assert_cmpstr (xa_template_get_uuid (template), !=, old_uuid);
  g_assert_cmpint (xa_template_get_version (template), ==, 2);
  g_assert_false (xa_template_get_frozen (template));

  old = xa_template_library_dup_by_uuid (fixture->library, old_uuid, &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_get_frozen (old));
  g_assert_cmpint (xa_template_get_version (old), ==, 1);
  g_assert_cmpstr (xa_clause_get_text (xa_template_find_clause (old, "s1.5")), ==, old_text);

  latest = xa_template_library_dup_latest (fixture->library, 2021, &error);
  g_assert_cmpstr (xa_template_get_uuid (latest), ==, xa_template_get_uuid (template));
  g_assert_cmpint (xa_test_query_int (fixture->store,
                              "SELECT count(*) FROM audit WHERE action = 'template.revise'"), ==, 1);

  /* The newest version comes first in the list. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(XaTemplate) first = g_list_model_get_item (list, 0);

    g_assert_cmpint (xa_template_get_version (first), ==, 2);
  }

  /* Not even SQL changes a frozen row. */
  g_assert_false (xa_store_exec (fixture->store,
                                 "UPDATE template SET name = 'x' WHERE version = 1", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  assert_audit_verifies (fixture->store);
}

static void
test_copy_to_next_year (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(XaTemplate) template = ensure_and_dup (fixture);
  g_autoptr(XaTemplate) next = NULL;
  g_autoptr(XaTemplate) next2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  XaTemplateValues values = { 0, };

  /* A literal year in the text moves on too, and in a third party's line and date. */
  xa_clause_set_text (xa_template_find_clause (template, "s1.p1"), "2021—2022学年度内落实。");
  {
    g_autoptr(GPtrArray) signers = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_signer_free);
    XaSigner *canteen = xa_signer_new ("signature.canteen", "canteen", "丙方", "食堂承包方", FALSE,
                                       "2021-2022学年度末", "食堂存");

    xa_signer_add_line (canteen, "2021-2022学年度负责人：", NULL);
    for (guint i = 0; i < xa_template_get_n_signers (template); i++)
      g_ptr_array_add (signers, xa_signer_copy (xa_template_get_signer (template, i)));
    g_ptr_array_add (signers, canteen);
    xa_template_set_signature (template, signers, XA_SIGNATURE_SIDE_BY_SIDE, NULL);
  }
  g_assert_true (xa_template_library_save (fixture->library, template, &error));

  next = xa_template_library_copy_to_next_year (fixture->library, template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_template_get_school_year (next), ==, 2022);
  g_assert_cmpint (xa_template_get_version (next), ==, 1);
  g_assert_cmpstr (xa_template_get_uuid (next), !=, xa_template_get_uuid (template));
  g_assert_cmpstr (xa_clause_get_text (xa_template_find_clause (next, "s1.p1")), ==, "2022—2023学年度内落实。");
  g_assert_cmpuint (xa_template_get_n_signers (next), ==, 3);
  g_assert_cmpstr (xa_template_get_signer (next, 2)->date, ==, "2022-2023学年度末");
  g_assert_cmpstr (((XaFormLine *) xa_template_get_signer (next, 2)->lines->pdata[0])->label, ==,
                   "2022-2023学年度负责人：");

  /* The same clause ids, so that the two years compare. */
  g_assert_nonnull (xa_template_find_clause (next, "s1.1"));
  g_assert_nonnull (xa_template_find_clause (next, "s4.p1"));
  g_assert_cmpstr (xa_template_find_signer (next, "school")->id, ==, "signature.school");

  values.school_year = xa_template_get_school_year (next);
  title = xa_template_expand (xa_clause_get_text (xa_template_find_clause (next, "title")), &values);
  g_assert_nonnull (strstr (title, "2022—2023学年度"));

  /* The original year is untouched; copying again makes version 2 of 2022. */
  g_clear_object (&template);
  template = xa_template_library_dup_latest (fixture->library, 2021, &error);
  g_assert_cmpstr (xa_clause_get_text (xa_template_find_clause (template, "s1.p1")), ==, "2021—2022学年度内落实。");
  next2 = xa_template_library_copy_to_next_year (fixture->library, template, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_template_get_version (next2), ==, 2);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM template WHERE school_year = 2022"), ==, 2);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(XaTemplate) template = ensure_and_dup (fixture);
  g_autoptr(XaTemplate) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "模板.json", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/xiaoan/template.json");
  gint64 rows;

  g_assert_true (xa_template_library_export_file (fixture->library, template, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  json = xa_template_to_json (template);
  g_assert_cmpstr (contents, ==, json);

  imported = xa_template_library_import_file (fixture->library, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_template_get_uuid (imported), !=, xa_template_get_uuid (template));
  g_assert_cmpint (xa_template_get_version (imported), ==, 2);
  g_assert_true (xa_template_equal_content (imported, template));

  /* A wrong file changes nothing, and the message names the file and the clause. */
  rows = xa_test_query_int (fixture->store, "SELECT count(*) FROM template");
  g_file_set_contents (bad_path,
                       "{\"format\": \"xiaoan-template\", \"format_version\": 1, \"school_year\": 2021,"
                       " \"name\": \"n\", \"clauses\": [{\"id\": \"p1\", \"kind\": \"chapter\", \"text\": \"t\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  g_assert_null (xa_template_library_import_file (fixture->library, bad_file, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_assert_nonnull (strstr (error->message, "p1"));
  g_clear_error (&error);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM template"), ==, rows);

  g_assert_null (xa_template_library_import_file (fixture->library, missing, &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE);
  g_clear_error (&error);

  g_assert_false (xa_template_library_export_file (fixture->library, template, missing, &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE);
  g_clear_error (&error);
}

static void
test_migrate_and_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-test-template-db-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "xiaoan.db", NULL);
  g_autofree char *uuid = NULL;

  g_assert_no_error (error);

  /* A database of schema 2 gains the template table. */
  {
    g_autoptr(XaStore) old = _xa_store_open_at_version (path, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpint (xa_store_get_schema_version (old), ==, 2);
  }
  {
    g_autoptr(XaStore) store = xa_store_open (path, &error);
    g_autoptr(XaTemplateLibrary) library = NULL;
    g_autoptr(XaTemplate) template = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (xa_store_get_schema_version (store), ==, XA_STORE_SCHEMA_VERSION);
    library = xa_template_library_new (store);
    g_assert_true (xa_template_library_ensure_default (library, &error));
    g_assert_no_error (error);
    template = xa_template_library_dup_latest (library, 2021, &error);
    uuid = g_strdup (xa_template_get_uuid (template));
  }
  {
    g_autoptr(XaStore) store = xa_store_open (path, &error);
    g_autoptr(XaTemplateLibrary) library = xa_template_library_new (store);
    g_autoptr(XaTemplate) template = NULL;

    g_assert_no_error (error);
    g_assert_true (xa_template_library_ensure_default (library, &error));
    g_assert_cmpuint (g_list_model_get_n_items (xa_template_library_get_templates (library)), ==, 1);
    template = xa_template_library_dup_latest (library, 2021, &error);
    g_assert_cmpstr (xa_template_get_uuid (template), ==, uuid);
  }

  {
    xa_test_remove_tree (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/xa/template-library/ensure-default", test_ensure_default);
  ADD ("/xa/template-library/save-draft", test_save_draft);
  ADD ("/xa/template-library/frozen-makes-version", test_frozen_makes_version);
  ADD ("/xa/template-library/copy-to-next-year", test_copy_to_next_year);
  ADD ("/xa/template-library/import-export", test_import_export);
  g_test_add_func ("/xa/template-library/migrate-and-reopen", test_migrate_and_reopen);

#undef ADD

  return g_test_run ();
}
