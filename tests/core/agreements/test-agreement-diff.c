/* test-agreement-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An agreement compared as the school signs it, on either engine: with its template, the
 * school's supplementary clauses are the only changes, all added and all marked as the
 * school's; with the revision it supersedes, a clause the school kept is unchanged, one it
 * edited is a change of its text, one it removed or added is that, and the commission's
 * template changes are never marked as the school's.
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

  fixture->workspace = xa_test_workspace_new_in_memory ("李校长", 2);
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

static char *
add (Fixture    *fixture,
     const char *agreement_uuid,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  char *uuid = xa_agreement_book_add_supplement (fixture->book, agreement_uuid, text, &error);

  g_assert_no_error (error);
  return uuid;
}

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

  first = add (fixture, fixture->uuid, "学校每月开展一次消防演练。");
  second = add (fixture, fixture->uuid, "{school_name}负责校车安全。");
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
  g_autofree char *kept = add (fixture, fixture->uuid, "学校每月开展一次消防演练。");
  g_autofree char *edited = add (fixture, fixture->uuid, "校车由专人接送。");
  g_autofree char *removed = add (fixture, fixture->uuid, "食堂实行校长陪餐制度。");
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
  revision = xa_agreement_book_dup_by_uuid (fixture->book, revision_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_agreement_get_supplement_uuid (revision, 1), ==, carried);

  g_assert_true (xa_agreement_book_set_supplement (fixture->book, carried, "校车由两名教师专人接送。", &error));
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_remove_supplement (fixture->book, xa_agreement_get_supplement_uuid (revision, 2),
                                                      &error));
  g_assert_no_error (error);
  added = add (fixture, revision_uuid, "寄宿生晚间由宿管员查寝。");

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
  g_autofree char *kept = add (fixture, fixture->uuid, "学校每月开展一次消防演练。");
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
  g_autofree char *first = add (fixture, fixture->uuid, "第一条。");
  g_autofree char *second = add (fixture, fixture->uuid, "第二条。");
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
  g_test_add ("/xa/agreement-diff/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("against-template", test_against_template);
  ADD ("against-previous", test_against_previous);
  ADD ("template-changed", test_template_changed);
  ADD ("legacy-copies", test_legacy_copies);

  return g_test_run ();
}
