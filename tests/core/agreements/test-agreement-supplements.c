/* test-agreement-supplements.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's supplementary clauses (补充条款) to its agreement, on either engine: added,
 * edited, moved and removed while the agreement is a draft, each change one audited
 * transaction; bad text refused with the field named and nothing changed; refused by the
 * book and by the schema once the agreement went out for signature; carried into a
 * revision; followed by the book's live list. Shown as the school's in comparisons: with
 * its template, the school's clauses are the only changes, all added and all marked; with
 * the revision it supersedes, a clause kept is unchanged, one edited is a change of its
 * text, one removed or added is that, and the commission's template changes are never
 * marked as the school's.
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
add_to (Fixture    *fixture,
        const char *agreement_uuid,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  char *uuid = xa_agreement_book_add_supplement (fixture->book, agreement_uuid, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

/* A clause added to the fixture's draft. */
static char *
add (Fixture    *fixture,
     const char *text)
{
  return add_to (fixture, fixture->uuid, text);
}

/* The clauses as the agreement reads them back, joined by "|". */
static char *
dup_texts (Fixture    *fixture,
           const char *uuid)
{
  g_autoptr(XaAgreement) agreement = dup_agreement (fixture, uuid);

  return g_strjoinv ("|", (char **) xa_agreement_get_supplements (agreement));
}

/* Signs the fixture's draft, which freezes its template version. */
static void
sign (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_agreement_book_advance (fixture->book, fixture->uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (fixture->book, fixture->uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
}

/* Returns the UUID of the new draft that supersedes the signed agreement. */
static char *
revise (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) revision = xa_agreement_book_revise (fixture->book, fixture->uuid, &error);

  g_assert_no_error (error);
  return g_strdup (xa_agreement_get_uuid (revision));
}

static char *
sign_and_revise (Fixture *fixture)
{
  sign (fixture);
  return revise (fixture);
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
  g_autofree char *revision_uuid = NULL;

  revision_uuid = sign_and_revise (fixture);
  revision = dup_agreement (fixture, revision_uuid);

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

/* Comparisons: the agreement as the school signs it, its template version and then
 * its supplementary clauses, against its template or the revision it supersedes. */

static XaTemplateDiff *
compare (Fixture            *fixture,
         const char         *uuid,
         XaAgreementCompare  against)
{
  g_autoptr(GError) error = NULL;
  XaTemplateDiff *diff = xa_agreement_book_compare (fixture->book, uuid, against, &error);

  g_assert_no_error (error);
  g_assert_nonnull (diff);
  return diff;
}

/* The changes of the school's clauses, one letter each in order: "+" added, "-" removed,
 * "~" text changed, "=" unchanged, then the clause's number and text as compared;
 * "|" between them. Asserts that every other change is the template's and unmarked. */
static char *
describe_supplements (XaTemplateDiff *diff)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean in_supplements = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
    {
      g_autoptr(XaTemplateChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);
      XaTemplateChangeFlags flags = xa_template_change_get_flags (change);
      XaClause *clause = xa_template_change_get_new_clause (change);

      if (!xa_template_change_is_supplement (change))
        {
          /* The school's clauses come after every clause of the template. */
          g_assert_false (in_supplements);
          g_assert_false (g_str_has_prefix (xa_template_change_get_clause_id (change), "supplement:"));
          continue;
        }

      in_supplements = TRUE;
      g_assert_cmpuint (xa_template_change_get_depth (change), ==, 1);
      if (out->len > 0)
        g_string_append_c (out, '|');
      if (clause == NULL)
        clause = xa_template_change_get_old_clause (change);
      g_string_append_c (out, flags & XA_TEMPLATE_CHANGE_ADDED ? '+'
                              : flags & XA_TEMPLATE_CHANGE_REMOVED ? '-'
                              : flags & XA_TEMPLATE_CHANGE_TEXT ? '~' : '=');
      g_string_append_printf (out, "%s%s", xa_clause_get_number (clause), xa_clause_get_text (clause));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Against its template, an agreement without clauses of its own reads the same; with
 * them, they are all that changed, added after the template's text. */
static void
test_against_template (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XaTemplateDiff) same = compare (fixture, fixture->uuid, XA_AGREEMENT_COMPARE_TEMPLATE);
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *described = NULL;
  guint n_unchanged;

  n_unchanged = xa_template_diff_count (same, XA_TEMPLATE_CHANGE_NONE);
  g_assert_cmpuint (n_unchanged, >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (same)), ==, n_unchanged);
  g_assert_null (xa_template_diff_get_old_agreement (same));
  g_assert_cmpstr (xa_agreement_get_uuid (xa_template_diff_get_new_agreement (same)), ==, fixture->uuid);

  first = add (fixture, "学校每月开展一次消防演练。");
  second = add (fixture, "{school_name}负责校车安全。");
  diff = compare (fixture, fixture->uuid, XA_AGREEMENT_COMPARE_TEMPLATE);

  described = describe_supplements (diff);
  g_assert_cmpstr (described, ==, "+1.学校每月开展一次消防演练。|+2.{school_name}负责校车安全。");
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_ADDED), ==, 2);
  g_assert_cmpuint (xa_template_diff_count_supplements (diff, XA_TEMPLATE_CHANGE_ADDED), ==, 2);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_NONE), ==, n_unchanged);
  g_assert_cmpuint (xa_template_diff_count_supplements (diff, XA_TEMPLATE_CHANGE_NONE), ==, 0);
}

/* Revision 2 against revision 1: the first clause kept, the second edited, the third
 * removed, a fourth added. The template did not change, so nothing else did. */
static void
test_against_previous (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(XaTemplateDiff) unchanged = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  g_autofree char *kept = add (fixture, "学校每月开展一次消防演练。");
  g_autofree char *edited = add (fixture, "校车由专人接送。");
  g_autofree char *removed = add (fixture, "食堂实行校长陪餐制度。");
  g_autofree char *revision_uuid = sign_and_revise (fixture);
  g_autofree char *carried = xa_agreement_dup_revised_supplement_uuid (edited);
  g_autofree char *carried_id = g_strconcat ("supplement:", carried, NULL);
  g_autofree char *added = NULL;
  g_autofree char *described = NULL;
  XaTemplateChange *change;
  GPtrArray *segments;

  /* A revision just made reads as the one it supersedes. */
  unchanged = compare (fixture, revision_uuid, XA_AGREEMENT_COMPARE_PREVIOUS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (unchanged)), ==,
                    xa_template_diff_count (unchanged, XA_TEMPLATE_CHANGE_NONE));
  g_assert_cmpuint (xa_template_diff_count_supplements (unchanged, XA_TEMPLATE_CHANGE_NONE), ==, 3);

  /* Each copy is named after the clause it copies. */
  revision = dup_agreement (fixture, revision_uuid);
  g_assert_cmpstr (xa_agreement_get_supplement_uuid (revision, 1), ==, carried);

  g_assert_true (xa_agreement_book_set_supplement (fixture->book, carried, "校车由两名教师专人接送。", &error));
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_remove_supplement (fixture->book, xa_agreement_get_supplement_uuid (revision, 2),
                                                      &error));
  g_assert_no_error (error);
  added = add_to (fixture, revision_uuid, "寄宿生晚间由宿管员查寝。");

  diff = compare (fixture, revision_uuid, XA_AGREEMENT_COMPARE_PREVIOUS);
  g_assert_cmpint (xa_agreement_get_revision (xa_template_diff_get_old_agreement (diff)), ==, 1);
  g_assert_cmpint (xa_agreement_get_revision (xa_template_diff_get_new_agreement (diff)), ==, 2);
  described = describe_supplements (diff);
  /* The removed clause stays where it stood, after the edited one. */
  g_assert_cmpstr (described, ==,
                   "=1.学校每月开展一次消防演练。|~2.校车由两名教师专人接送。|-3.食堂实行校长陪餐制度。|+3.寄宿生晚间由宿管员查寝。");
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_ADDED | XA_TEMPLATE_CHANGE_REMOVED |
                                                  XA_TEMPLATE_CHANGE_CHANGED | XA_TEMPLATE_CHANGE_MOVED), ==, 3);
  g_assert_cmpuint (xa_template_diff_count_supplements (diff, XA_TEMPLATE_CHANGE_TEXT), ==, 1);

  /* The edit is marked character by character, as a template clause's is. */
  change = xa_template_diff_find (diff, carried_id);
  g_assert_nonnull (change);
  g_assert_true (xa_template_change_is_supplement (change));
  segments = xa_template_change_get_text_segments (change);
  g_assert_cmpuint (segments->len, ==, 3);
  g_assert_cmpint (((XaDiffSegment *) segments->pdata[1])->op, ==, XA_DIFF_INSERTED);
  g_assert_cmpstr (((XaDiffSegment *) segments->pdata[1])->text, ==, "两名教师");

  /* The first revision has no earlier one: the error names the school and the year. */
  g_assert_null (xa_agreement_book_compare (fixture->book, fixture->uuid, XA_AGREEMENT_COMPARE_PREVIOUS, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2021"));
}

/* A revision made from a corrected template: the commission's change is listed among
 * the template's clauses, unmarked; the school's clause that stayed is unchanged. */
static void
test_template_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(XaTemplate) corrected = NULL;
  g_autofree char *kept = add (fixture, "学校每月开展一次消防演练。");
  g_autofree char *described = NULL;
  g_autofree char *revision_uuid = NULL;
  XaTemplateChange *change;

  sign (fixture);
  corrected = xa_template_library_dup_latest (xa_workspace_get_templates (fixture->workspace), 2021, &error);
  g_assert_no_error (error);
  xa_clause_set_text (xa_template_find_clause (corrected, "s1.5"), "区教委改过的条款。");
  g_assert_true (xa_template_library_save (xa_workspace_get_templates (fixture->workspace), corrected, &error));
  g_assert_no_error (error);

  revision_uuid = revise (fixture);
  diff = compare (fixture, revision_uuid, XA_AGREEMENT_COMPARE_PREVIOUS);

  change = xa_template_diff_find (diff, "s1.5");
  g_assert_nonnull (change);
  g_assert_true (xa_template_change_get_flags (change) & XA_TEMPLATE_CHANGE_TEXT);
  g_assert_false (xa_template_change_is_supplement (change));
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_CHANGED), ==, 1);
  g_assert_cmpuint (xa_template_diff_count_supplements (diff, XA_TEMPLATE_CHANGE_CHANGED), ==, 0);
  described = describe_supplements (diff);
  g_assert_cmpstr (described, ==, "=1.学校每月开展一次消防演练。");
}

/* Copies made before their UUIDs were derived (random ones) are still recognised by
 * their text when the school did not change them. */
static void
test_legacy_copies (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autofree char *first = add (fixture, "第一条。");
  g_autofree char *second = add (fixture, "第二条。");
  g_autofree char *revision_uuid = sign_and_revise (fixture);
  g_autofree char *described = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("UPDATE agreement_supplement SET uuid = 'legacy-' || position"
                         " WHERE agreement_id = (SELECT id FROM agreement WHERE uuid = '%s')", revision_uuid);
  g_assert_true (xa_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);

  g_assert_true (xa_agreement_book_set_supplement (fixture->book, "legacy-2", "第二条，改过。", &error));
  g_assert_no_error (error);

  diff = compare (fixture, revision_uuid, XA_AGREEMENT_COMPARE_PREVIOUS);
  described = describe_supplements (diff);
  g_assert_cmpstr (described, ==, "=1.第一条。|-2.第二条。|+2.第二条，改过。");
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
  ADD ("compare/against-template", test_against_template);
  ADD ("compare/against-previous", test_against_previous);
  ADD ("compare/template-changed", test_template_changed);
  ADD ("compare/legacy-copies", test_legacy_copies);

  return g_test_run ();
}
