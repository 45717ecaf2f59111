/* test-agreement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XaAgreementBook on a demo district in memory: generation, the states with who and
 * when, the rules that keep a signed agreement as it was signed (in the book and in the
 * schema's triggers), revisions, the frozen template, and succession.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-book.h"

typedef struct
{
  XaWorkspace       *workspace;

  /* Borrowed from the workspace */
  XaStore           *store;
  XaSchoolRegistry  *registry;
  XaTemplateLibrary *templates;
  XaAgreementBook   *book;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Eight schools: the demo gives the fourth (index 3) a new principal on 2022-02-14. */
  fixture->workspace = xa_test_workspace_new_in_memory ("张老师", 8);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->registry = xa_workspace_get_registry (fixture->workspace);
  fixture->templates = xa_workspace_get_templates (fixture->workspace);
  fixture->book = xa_workspace_get_agreements (fixture->workspace);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
}

static XaOrganisation *
school_at (Fixture *fixture,
           guint    index)
{
  return g_list_model_get_item (xa_school_registry_get_schools (fixture->registry), index);
}

/* The demo's school with a succession: the one whose 第一责任人 term starts 2022-02-14. */
static XaOrganisation *
succession_school (Fixture *fixture)
{
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);
      g_autoptr(XaRole) holder = NULL;

      holder = xa_school_registry_dup_role_holder (fixture->registry, xa_organisation_get_uuid (school),
                                                   XA_ROLE_KIND_FIRST_RESPONSIBLE, "2022-03-01", NULL);
      if (holder != NULL && g_strcmp0 (xa_role_get_since (holder), "2022-02-14") == 0)
        return g_steal_pointer (&school);
    }

  g_assert_not_reached ();
}

static XaAgreement *
generate_one (Fixture *fixture,
              guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = school_at (fixture, index);
  XaAgreement *agreement;

  agreement = xa_agreement_book_generate (fixture->book, xa_organisation_get_uuid (school), 2021, &error);
  g_assert_no_error (error);
  g_assert_nonnull (agreement);
  return agreement;
}

static void
test_generate_fields (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = school_at (fixture, 0);
  g_autoptr(XaRole) first = NULL;
  g_autoptr(XaRole) direct = NULL;
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 0);
  g_autoptr(XaAgreement) again = NULL;

  first = xa_school_registry_dup_role_holder (fixture->registry, xa_organisation_get_uuid (school),
                                              XA_ROLE_KIND_FIRST_RESPONSIBLE, "2021-09-01", &error);
  direct = xa_school_registry_dup_role_holder (fixture->registry, xa_organisation_get_uuid (school),
                                               XA_ROLE_KIND_DIRECT_RESPONSIBLE, "2021-09-01", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (xa_agreement_get_school_name (agreement), ==, xa_organisation_get_name (school));
  g_assert_cmpstr (xa_agreement_get_school_code (agreement), ==, xa_organisation_get_code (school));
  g_assert_cmpstr (xa_agreement_get_first_responsible (agreement), ==, xa_role_get_person_name (first));
  g_assert_cmpstr (xa_agreement_get_direct_responsible (agreement), ==, xa_role_get_person_name (direct));
  g_assert_cmpstr (xa_agreement_get_commission_name (agreement), ==, "示例区教育委员会");
  g_assert_cmpint (xa_agreement_get_state (agreement), ==, XA_AGREEMENT_STATE_DRAFT);
  g_assert_cmpint (xa_agreement_get_revision (agreement), ==, 1);
  g_assert_cmpint (xa_agreement_get_template_version (agreement), ==, 1);
  g_assert_cmpstr (xa_agreement_get_step_operator (agreement, XA_AGREEMENT_STATE_DRAFT), ==, "张老师");
  g_assert_nonnull (xa_agreement_get_step_time (agreement, XA_AGREEMENT_STATE_DRAFT));
  g_assert_null (xa_agreement_get_step_time (agreement, XA_AGREEMENT_STATE_SIGNED));
  g_assert_null (xa_agreement_get_successor (agreement));

  /* One agreement per school and year. */
  again = xa_agreement_book_generate (fixture->book, xa_organisation_get_uuid (school), 2021, &error);
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_EXISTS);
  g_assert_null (again);
  g_assert_nonnull (strstr (error->message, xa_organisation_get_code (school)));
  g_clear_error (&error);

  /* A year without a template says which year. */
  again = xa_agreement_book_generate (fixture->book, xa_organisation_get_uuid (school), 2030, &error);
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NO_TEMPLATE);
  g_assert_nonnull (strstr (error->message, "2030"));
}

static void
test_generate_all_one_transaction (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) first = generate_one (fixture, 2);
  guint serial = xa_store_get_change_serial (fixture->store);
  gint64 audit_before = xa_test_query_int (fixture->store, "SELECT count(*) FROM audit");
  GListModel *live = xa_agreement_book_get_agreements (fixture->book);
  guint n_made = 0;

  xa_agreement_book_set_school_year (fixture->book, 2021);
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 1);

  g_assert_true (xa_agreement_book_generate_all (fixture->book, 2021, &n_made, &error));
  g_assert_no_error (error);
  /* The school that had one is skipped, and all the others are made in one commit. */
  g_assert_cmpuint (n_made, ==, 7);
  g_assert_cmpuint (xa_store_get_change_serial (fixture->store), ==, serial + 1);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM agreement"), ==, 8);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit") - audit_before, ==, 7);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'agreement.generate'"), ==, 8);

  /* The live model followed the store. */
  g_assert_cmpuint (g_list_model_get_n_items (live), ==, 8);

  g_assert_true (xa_agreement_book_generate_all (fixture->book, 2021, &n_made, &error));
  g_assert_cmpuint (n_made, ==, 0);
  g_assert_cmpuint (xa_store_get_change_serial (fixture->store), ==, serial + 2);
}

static void
test_states_who_and_when (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 1);
  g_autoptr(XaAgreement) stored = NULL;
  const char *uuid = xa_agreement_get_uuid (agreement);

  /* No skipping: a draft is not signed before it was put out for signature. */
  g_assert_false (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP);
  g_clear_error (&error);

  xa_store_set_operator (fixture->store, "李科长");
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);
  /* Back to draft and out again: 待签 may be withdrawn. */
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_DRAFT, &error));
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  xa_store_set_operator (fixture->store, "王主任");
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  xa_store_set_operator (fixture->store, "档案员");
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_ARCHIVED, &error));
  g_assert_no_error (error);

  stored = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_agreement_get_state (stored), ==, XA_AGREEMENT_STATE_ARCHIVED);
  g_assert_cmpstr (xa_agreement_get_step_operator (stored, XA_AGREEMENT_STATE_DRAFT), ==, "张老师");
  g_assert_cmpstr (xa_agreement_get_step_operator (stored, XA_AGREEMENT_STATE_PENDING), ==, "李科长");
  g_assert_cmpstr (xa_agreement_get_step_operator (stored, XA_AGREEMENT_STATE_SIGNED), ==, "王主任");
  g_assert_cmpstr (xa_agreement_get_step_operator (stored, XA_AGREEMENT_STATE_ARCHIVED), ==, "档案员");
  for (guint s = 0; s < XA_N_AGREEMENT_STATES; s++)
    g_assert_nonnull (xa_agreement_get_step_time (stored, s));
  g_assert_cmpstr (xa_agreement_get_step_time (stored, XA_AGREEMENT_STATE_SIGNED), <=,
                   xa_agreement_get_step_time (stored, XA_AGREEMENT_STATE_ARCHIVED));
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'agreement.advance'"), ==, 5);

  /* Archived is the end. */
  g_assert_false (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP);
}

static void
sign (Fixture     *fixture,
      const char  *uuid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
}

static char *
dump_agreements (XaStore *store)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GString) dump = g_string_new (NULL);

  xa_store_lock (store);
  stmt = xa_store_prepare (store, "SELECT * FROM agreement ORDER BY id", NULL);
  while (xa_statement_step (stmt, NULL) == XA_STEP_ROW)
    {
      for (int i = 0; i < xa_statement_get_n_columns (stmt); i++)
        g_string_append_printf (dump, "%s|", xa_statement_get_text (stmt, i));
      g_string_append_c (dump, '\n');
    }
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_edit_draft_only (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 0);
  g_autoptr(XaAgreement) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *uuid = xa_agreement_get_uuid (agreement);
  g_autofree char *sql = NULL;

  /* A draft takes the school's own fields. */
  xa_agreement_set_first_responsible (agreement, "赵校长");
  g_assert_true (xa_agreement_book_update (fixture->book, agreement, &error));
  g_assert_no_error (error);
  stored = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_cmpstr (xa_agreement_get_first_responsible (stored), ==, "赵校长");

  xa_agreement_set_school_name (agreement, "");
  g_assert_false (xa_agreement_book_update (fixture->book, agreement, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);

  sign (fixture, uuid);
  before = dump_agreements (fixture->store);

  /* Signed: the book refuses, and so does the schema for anyone who goes around it. */
  xa_agreement_set_school_name (agreement, "改过的名字");
  g_assert_false (xa_agreement_book_update (fixture->book, agreement, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE);
  g_clear_error (&error);

  sql = g_strdup_printf ("UPDATE agreement SET school_name = 'x' WHERE uuid = '%s'", uuid);
  g_assert_false (xa_store_exec (fixture->store, sql, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Only a draft agreement can be edited");
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE agreement SET signed_by = 'x' WHERE uuid = '%s'", uuid);
  g_assert_false (xa_store_exec (fixture->store, sql, &error));
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE agreement SET state = 'draft' WHERE uuid = '%s'", uuid);
  g_assert_false (xa_store_exec (fixture->store, sql, &error));
  g_clear_error (&error);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM agreement WHERE uuid = '%s'", uuid);
  g_assert_false (xa_store_exec (fixture->store, sql, &error));
  g_clear_error (&error);

  after = dump_agreements (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* The signing date: a draft field, checked, printed, guarded by the schema once signed,
 * and carried into a revision. */
static void
test_sign_date (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 0);
  g_autoptr(XaAgreement) stored = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  const char *uuid = xa_agreement_get_uuid (agreement);
  const char * const bad[] = { "2021-9-1", "2021-02-30", "21-09-01", "2021年9月1日", "2030-09-01" };

  g_assert_null (xa_agreement_get_sign_date (agreement));

  before = dump_agreements (fixture->store);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      xa_agreement_set_sign_date (agreement, bad[i]);
      g_assert_false (xa_agreement_book_update (fixture->book, agreement, &error));
      g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID);
      g_clear_error (&error);
    }
  after = dump_agreements (fixture->store);
  g_assert_cmpstr (before, ==, after);

  xa_agreement_set_sign_date (agreement, "2021-09-01");
  g_assert_true (xa_agreement_book_update (fixture->book, agreement, &error));
  g_assert_no_error (error);
  stored = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_cmpstr (xa_agreement_get_sign_date (stored), ==, "2021-09-01");

  /* Cleared again: NULL in the database, the hand-filled 年　月　日 in print. */
  xa_agreement_set_sign_date (agreement, "");
  g_assert_true (xa_agreement_book_update (fixture->book, agreement, &error));
  g_clear_object (&stored);
  stored = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_null (xa_agreement_get_sign_date (stored));
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM agreement WHERE sign_date IS NULL"), >, 0);

  xa_agreement_set_sign_date (agreement, "2021-09-01");
  g_assert_true (xa_agreement_book_update (fixture->book, agreement, &error));
  sign (fixture, uuid);

  sql = g_strdup_printf ("UPDATE agreement SET sign_date = '2021-09-02' WHERE uuid = '%s'", uuid);
  g_assert_false (xa_store_exec (fixture->store, sql, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==, "Only a draft agreement can be edited");
  g_clear_error (&error);

  revision = xa_agreement_book_revise (fixture->book, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_agreement_get_sign_date (revision), ==, "2021-09-01");
}

static void
test_revise (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 0);
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(XaAgreement) old = NULL;
  g_autoptr(XaAgreement) current = NULL;
  g_autoptr(GListModel) revisions = NULL;
  const char *uuid = xa_agreement_get_uuid (agreement);

  /* A draft is edited, not revised. */
  revision = xa_agreement_book_revise (fixture->book, uuid, &error);
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP);
  g_assert_null (revision);
  g_clear_error (&error);

  sign (fixture, uuid);
  revision = xa_agreement_book_revise (fixture->book, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_agreement_get_revision (revision), ==, 2);
  g_assert_cmpint (xa_agreement_get_state (revision), ==, XA_AGREEMENT_STATE_DRAFT);
  g_assert_cmpstr (xa_agreement_get_supersedes (revision), ==, uuid);
  g_assert_cmpstr (xa_agreement_get_school_name (revision), ==, xa_agreement_get_school_name (agreement));

  /* The old revision stays readable, signed, and no longer current. */
  old = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_cmpint (xa_agreement_get_state (old), ==, XA_AGREEMENT_STATE_SIGNED);
  g_assert_cmpstr (xa_agreement_get_superseded_by (old), ==, xa_agreement_get_uuid (revision));
  g_assert_false (xa_agreement_is_current (old));
  g_assert_false (xa_agreement_is_editable (old));

  current = xa_agreement_book_dup_current (fixture->book, xa_agreement_get_school_uuid (agreement), 2021, &error);
  g_assert_cmpstr (xa_agreement_get_uuid (current), ==, xa_agreement_get_uuid (revision));
  revisions = xa_agreement_book_list_revisions (fixture->book, xa_agreement_get_school_uuid (agreement), 2021, &error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);

  /* Superseded means done: no second revision of the same one, no more steps. */
  g_clear_object (&revision);
  revision = xa_agreement_book_revise (fixture->book, uuid, &error);
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP);
  g_clear_error (&error);
  g_assert_false (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_ARCHIVED, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_BAD_STEP);
}

/* What goes out for signature stays as it was: the template version freezes when the
 * agreement is sent, a later edit becomes the next version, which the other schools'
 * drafts follow and the sent agreement does not. */
static void
test_submission_freezes_template (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 0);
  g_autoptr(XaAgreement) draft = generate_one (fixture, 1);
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaTemplate) after = NULL;
  g_autofree char *uuid = g_strdup (xa_agreement_get_uuid (agreement));
  g_autofree char *draft_uuid = g_strdup (xa_agreement_get_uuid (draft));

  template = xa_agreement_book_dup_template (fixture->book, agreement, &error);
  g_assert_no_error (error);
  g_assert_false (xa_template_get_frozen (template));

  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);
  g_clear_object (&template);
  template = xa_agreement_book_dup_template (fixture->book, agreement, &error);
  g_assert_true (xa_template_get_frozen (template));

  /* Saving the frozen version makes version 2; the sent agreement keeps version 1, the
   * other school's draft moves to version 2. */
  xa_template_set_name (template, "修改后的责任书");
  g_assert_true (xa_template_library_save (fixture->templates, template, &error));
  g_assert_no_error (error);
  after = xa_template_library_dup_latest (fixture->templates, 2021, &error);
  g_assert_cmpint (xa_template_get_version (after), ==, 2);
  g_clear_object (&agreement);
  agreement = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_agreement_get_template_version (agreement), ==, 1);
  g_clear_object (&draft);
  draft = xa_agreement_book_dup_by_uuid (fixture->book, draft_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_agreement_get_template_version (draft), ==, 2);

  /* Withdrawn to draft, it stays on what was sent; signing keeps it. */
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_DRAFT, &error));
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
  g_clear_object (&agreement);
  agreement = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_cmpint (xa_agreement_get_template_version (agreement), ==, 1);

  xa_test_assert_audit (fixture->store, xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), 0);
}

static void
test_succession_detected (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = succession_school (fixture);
  g_autoptr(XaRole) before = NULL;
  g_autoptr(XaRole) after = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaAgreement) next_year = NULL;
  const char *school_uuid = xa_organisation_get_uuid (school);

  before = xa_school_registry_dup_role_holder (fixture->registry, school_uuid,
                                               XA_ROLE_KIND_FIRST_RESPONSIBLE, "2021-09-01", &error);
  after = xa_school_registry_dup_role_holder (fixture->registry, school_uuid,
                                              XA_ROLE_KIND_FIRST_RESPONSIBLE, "2022-02-14", &error);
  g_assert_no_error (error);

  agreement = xa_agreement_book_generate (fixture->book, school_uuid, 2021, &error);
  g_assert_no_error (error);
  /* The agreement names the holder as the year began, and knows who took over, when. */
  g_assert_cmpstr (xa_agreement_get_first_responsible (agreement), ==, xa_role_get_person_name (before));
  g_assert_cmpstr (xa_agreement_get_successor (agreement), ==, xa_role_get_person_name (after));
  g_assert_cmpstr (xa_agreement_get_handover_date (agreement), ==, "2022-02-14");

  /* The next school year starts with the successor and no succession. */
  {
    g_autoptr(XaTemplate) template = xa_template_library_dup_latest (fixture->templates, 2021, &error);
    g_autoptr(XaTemplate) copy = xa_template_library_copy_to_next_year (fixture->templates, template, &error);

    g_assert_no_error (error);
  }
  next_year = xa_agreement_book_generate (fixture->book, school_uuid, 2022, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_agreement_get_first_responsible (next_year), ==, xa_role_get_person_name (after));
  g_assert_null (xa_agreement_get_successor (next_year));
}

/* One file name wherever an agreement is written: code and name, nothing a file system
 * refuses. */
static void
test_file_name (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XaAgreement) agreement = generate_one (fixture, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;

  xa_agreement_set_school_name (agreement, "示例区/实验:小学*");
  g_assert_true (xa_agreement_book_update (fixture->book, agreement, &error));
  g_assert_no_error (error);

  name = xa_agreement_dup_file_name (agreement);
  expected = g_strdup_printf ("%s-示例区_实验_小学_.pdf", xa_agreement_get_school_code (agreement));
  g_assert_cmpstr (name, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/agreement/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("generate-fields", test_generate_fields);
  ADD ("generate-all-one-transaction", test_generate_all_one_transaction);
  ADD ("states-who-and-when", test_states_who_and_when);
  ADD ("edit-draft-only", test_edit_draft_only);
  ADD ("revise", test_revise);
  ADD ("sign-date", test_sign_date);
  ADD ("submission-freezes-template", test_submission_freezes_template);
  ADD ("succession-detected", test_succession_detected);
  ADD ("file-name", test_file_name);

  return g_test_run ();
}
