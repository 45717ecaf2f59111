/* test-agreement-supplements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's supplementary clauses (补充条款) to its agreement, on either engine: added,
 * edited, moved and removed while the agreement is a draft, each change one audited
 * transaction; bad text refused with the field named and nothing changed; refused by the
 * book and by the schema once the agreement went out for signature; carried into a
 * revision; followed by the book's live list.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-book.h"

typedef struct
{
  XaWorkspace     *workspace;

  /* Borrowed from the workspace */
  XaStore         *store;
  XaAgreementBook *book;
  char            *uuid;   /* the first school's draft */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(XaAgreement) first = NULL;

  fixture->workspace = xa_test_workspace_new_in_memory ("李校长", 3);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->book = xa_workspace_get_agreements (fixture->workspace);

  g_assert_true (xa_agreement_book_generate_all (fixture->book, 2021, NULL, &error));
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (fixture->book, 2021, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (agreements, 0);
  fixture->uuid = g_strdup (xa_agreement_get_uuid (first));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->uuid);
  g_assert_finalize_object (fixture->workspace);
}

static XaAgreement *
dup_agreement (Fixture    *fixture,
               const char *uuid)
{
  g_autoptr(GError) error = NULL;
  XaAgreement *agreement = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);

  g_assert_no_error (error);
  return agreement;
}

static char *
add (Fixture    *fixture,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  char *uuid = xa_agreement_book_add_supplement (fixture->book, fixture->uuid, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

/* The clauses as the agreement reads them back, joined by "|". */
static char *
dup_texts (Fixture    *fixture,
           const char *uuid)
{
  g_autoptr(XaAgreement) agreement = dup_agreement (fixture, uuid);

  return g_strjoinv ("|", (char **) xa_agreement_get_supplements (agreement));
}

static gint64
count_entries (Fixture *fixture)
{
  return xa_test_query_int (fixture->store, "SELECT count(*) FROM audit");
}

static void
count_notify (guint *n_notified)
{
  (*n_notified)++;
}

static void
test_add_edit_move_remove (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) listed = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *positions = NULL;
  gint64 entries = count_entries (fixture);
  guint n_notified = 0;

  /* The book's live list follows every change in place. */
  xa_agreement_book_set_school_year (fixture->book, 2021);
  listed = g_list_model_get_item (xa_agreement_book_get_agreements (fixture->book), 0);
  g_assert_cmpstr (xa_agreement_get_uuid (listed), ==, fixture->uuid);
  g_signal_connect_swapped (listed, "notify::supplements", G_CALLBACK (count_notify), &n_notified);

  first = add (fixture, "学校每月开展一次消防演练。");
  second = add (fixture, "  {school_name}负责校车安全。  ");
  third = add (fixture, "食堂实行校长陪餐制度。");
  texts = dup_texts (fixture, fixture->uuid);
  /* Trimmed, in the order added; placeholders stay as written until printed. */
  g_assert_cmpstr (texts, ==, "学校每月开展一次消防演练。|{school_name}负责校车安全。|食堂实行校长陪餐制度。");
  g_assert_cmpuint (xa_agreement_get_n_supplements (listed), ==, 3);
  g_assert_cmpstr (xa_agreement_get_supplement_uuid (listed, 1), ==, second);

  g_assert_true (xa_agreement_book_set_supplement (fixture->book, second, "校车由专人接送。", &error));
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_move_supplement (fixture->book, third, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&texts, g_free);
  texts = dup_texts (fixture, fixture->uuid);
  g_assert_cmpstr (texts, ==, "食堂实行校长陪餐制度。|学校每月开展一次消防演练。|校车由专人接送。");

  g_assert_true (xa_agreement_book_remove_supplement (fixture->book, first, &error));
  g_assert_no_error (error);
  g_clear_pointer (&texts, g_free);
  texts = dup_texts (fixture, fixture->uuid);
  g_assert_cmpstr (texts, ==, "食堂实行校长陪餐制度。|校车由专人接送。");
  {
    g_autofree char *listed_texts = g_strjoinv ("|", (char **) xa_agreement_get_supplements (listed));

    g_assert_cmpstr (listed_texts, ==, texts);
  }
  /* Each change once, and nothing for the changes of other agreements. */
  g_assert_cmpuint (n_notified, ==, 6);

  /* Numbered 1, 2 in the store, with no gap where the removed one stood. */
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT sum (position * position) FROM agreement_supplement"), ==, 1 + 4);

  /* One audited entry per change, which the chain's images cover. */
  g_assert_cmpint (count_entries (fixture) - entries, ==, 6);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE action LIKE 'agreement.supplement.%'"
                                      " AND record_table = 'agreement_supplement'"), ==, 6);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(DISTINCT record_uuid) FROM audit_image"
                                      " WHERE record_table = 'agreement_supplement'"), ==, 3);
  xa_test_assert_audit (fixture->store, count_entries (fixture), 0);

  /* A clause that is gone cannot be changed. */
  g_assert_false (xa_agreement_book_set_supplement (fixture->book, first, "x", &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND);
}

/* Empty or blank text, and a placeholder Xiaoan does not fill, are refused with the field
 * named; nothing changes. */
static void
test_bad_text_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  const char * const bad[] = { "", "   ", "\u3000\u3000", "{district}负责", "a\nb" };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *uuid = add (fixture, "保留的条款。");

  before = xa_test_fingerprint (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *made = xa_agreement_book_add_supplement (fixture->book, fixture->uuid, bad[i], &error);

      g_assert_null (made);
      g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Supplementary clause"));
      g_clear_error (&error);

      g_assert_false (xa_agreement_book_set_supplement (fixture->book, uuid, bad[i], &error));
      g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (xa_agreement_book_add_supplement (fixture->book, fixture->uuid, "{district}负责", &error));
    g_assert_nonnull (strstr (error->message, "{district}"));
  }

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/* Once the agreement went out for signature its clauses stay as they went: the book
 * refuses, and so does the schema for anyone who goes around it. */
static void
test_draft_only (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = add (fixture, "学校每月开展一次消防演练。");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char * const raw[] = {
    "UPDATE agreement_supplement SET body = '改过' WHERE uuid = '@'",
    "UPDATE agreement_supplement SET position = 9 WHERE uuid = '@'",
    "DELETE FROM agreement_supplement WHERE uuid = '@'",
    "INSERT INTO agreement_supplement (uuid, agreement_id, position, body, created_at, created_by, updated_at)"
    " SELECT 'f0000000-0000-4000-8000-00000000000a', agreement_id, 2, '偷加', 'now', 'x', 'now'"
    " FROM agreement_supplement WHERE uuid = '@'",
  };

  g_assert_true (xa_agreement_book_advance (fixture->book, fixture->uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);
  before = xa_test_fingerprint (fixture->store);

  g_assert_null (xa_agreement_book_add_supplement (fixture->book, fixture->uuid, "再加一条。", &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (xa_agreement_book_set_supplement (fixture->book, uuid, "改过。", &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (xa_agreement_book_remove_supplement (fixture->book, uuid, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE);
  g_clear_error (&error);
  g_assert_false (xa_agreement_book_move_supplement (fixture->book, uuid, 3, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      g_autoptr(GString) sql = g_string_new (raw[i]);

      g_string_replace (sql, "@", uuid, 0);
      g_assert_false (xa_store_exec (fixture->store, sql->str, &error));
      g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
      g_assert_cmpstr (error->message, ==, "Only a draft agreement can be edited");
      g_clear_error (&error);
    }

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* Back to draft, the school may change them again. */
  g_assert_true (xa_agreement_book_advance (fixture->book, fixture->uuid, XA_AGREEMENT_STATE_DRAFT, &error));
  g_assert_true (xa_agreement_book_set_supplement (fixture->book, uuid, "改过。", &error));
  g_assert_no_error (error);
}

/* A revision of a signed agreement starts with the school's clauses as rows of its own;
 * the signed revision keeps its own unchanged. */
static void
test_revision_carries (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(XaAgreement) old = NULL;
  g_autofree char *first = add (fixture, "第一条。");
  g_autofree char *second = add (fixture, "第二条。");

  g_assert_true (xa_agreement_book_advance (fixture->book, fixture->uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (fixture->book, fixture->uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
  revision = xa_agreement_book_revise (fixture->book, fixture->uuid, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (xa_agreement_get_n_supplements (revision), ==, 2);
  g_assert_cmpstr (xa_agreement_get_supplements (revision)[0], ==, "第一条。");
  g_assert_cmpstr (xa_agreement_get_supplements (revision)[1], ==, "第二条。");
  g_assert_cmpstr (xa_agreement_get_supplement_uuid (revision, 0), !=, first);

  g_assert_true (xa_agreement_book_remove_supplement (fixture->book, xa_agreement_get_supplement_uuid (revision, 0),
                                                      &error));
  g_assert_no_error (error);
  old = dup_agreement (fixture, fixture->uuid);
  g_assert_cmpuint (xa_agreement_get_n_supplements (old), ==, 2);
  g_assert_cmpstr (xa_agreement_get_supplement_uuid (old, 1), ==, second);
  xa_test_assert_audit (fixture->store, count_entries (fixture), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/agreement-supplements/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-edit-move-remove", test_add_edit_move_remove);
  ADD ("bad-text-refused", test_bad_text_refused);
  ADD ("draft-only", test_draft_only);
  ADD ("revision-carries", test_revision_carries);

  return g_test_run ();
}
