/* test-scan-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page codes' text and the matching of a scan to its agreement, on pages made up
 * here: the scan simulation with real images is tests/document/test-scan-back.c.
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "core/agreements/xa-scan-match.h"

#define UUID_A "0f3a9c2e-1b4d-4e5f-8a6b-7c8d9e0f1a2b"
#define UUID_B "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"

static void
test_code_round_trip (void)
{
  g_autofree char *hash = xa_page_code_hash_text ("一、总则\n学校　是安全工作的责任主体。");
  XaPageCode code = { (char *) UUID_A, 1, 3, 5, hash };
  g_autofree char *text = xa_page_code_encode (&code);
  XaPageCode back;

  g_autofree char *expected = g_strconcat ("XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:3:5:", hash, NULL);

  g_assert_cmpstr (text, ==, expected);
  g_assert_true (xa_page_code_decode (text, &back));
  g_assert_cmpstr (back.agreement, ==, UUID_A);
  g_assert_cmpint (back.copy, ==, 1);
  g_assert_cmpuint (back.page, ==, 3);
  g_assert_cmpuint (back.n_pages, ==, 5);
  g_assert_cmpstr (back.hash, ==, hash);
  xa_page_code_clear (&back);
}

static void
test_code_copy_none (void)
{
  XaPageCode code = { (char *) UUID_B, -1, 1, 1, (char *) "0123ABCD" };
  g_autofree char *text = xa_page_code_encode (&code);
  XaPageCode back;

  g_assert_cmpstr (text, ==, "XA1:AAAAAAAABBBB4CCC8DDDEEEEEEEEEEEE:-:1:1:0123ABCD");
  g_assert_true (xa_page_code_decode (text, &back));
  g_assert_cmpint (back.copy, ==, -1);
  xa_page_code_clear (&back);

  /* Not a uuid: nothing to print. */
  code.agreement = (char *) "not-a-uuid";
  g_assert_null (xa_page_code_encode (&code));
}

static void
test_code_rejects (void)
{
  static const char * const bad[] = {
    "",
    "https://example.com/",
    "XA2:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:3:5:0123ABCD",  /* another version */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2:1:3:5:0123ABCD",   /* 31 digits */
    "XA1:0f3a9c2e1b4d4e5f8a6b7c8d9e0f1a2b:1:3:5:0123ABCD",  /* lower case */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:6:5:0123ABCD",  /* page 6 of 5 */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:0:5:0123ABCD",  /* page 0 */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:x:1:5:0123ABCD",  /* copy */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:1:5:0123ABC",   /* short hash */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:1:5:0123ABCD:", /* a field more */
    "XA1:0F3A9C2E1B4D4E5F8A6B7C8D9E0F1A2B:1:+1:5:0123ABCD",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      XaPageCode code;

      g_assert_false (xa_page_code_decode (bad[i], &code));
      g_assert_null (code.agreement);
    }
}

static void
test_hash_normalises (void)
{
  g_autofree char *a = xa_page_code_hash_text ("学校是安全工作的责任主体。");
  g_autofree char *b = xa_page_code_hash_text ("学校是安全\n工作的 责任　主体。");
  g_autofree char *c = xa_page_code_hash_text ("学校是安全工作的责任主体！");

  g_assert_cmpuint (strlen (a), ==, 8);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

/* The store of the tests: agreement A with 3 pages in two copies, B with 2. */
static XaScanExpected *
lookup (const char  *agreement,
        int          copy,
        gpointer     user_data,
        GError     **error)
{
  XaScanExpected *expected;
  const char *changed_page = user_data;

  if (!g_str_equal (agreement, UUID_A))
    return NULL;

  expected = g_new0 (XaScanExpected, 1);
  expected->agreement = g_strdup (agreement);
  expected->title = g_strdup ("青岭小学 2021-2022");
  expected->copy_label = g_strdup (copy == 0 ? "区教委存" : "学校存");
  expected->current = TRUE;
  expected->hashes = g_new0 (char *, 4);
  for (guint i = 0; i < 3; i++)
    expected->hashes[i] = g_strdup_printf ("0000000%u", i + 1);
  if (changed_page != NULL)
    {
      guint changed = atoi (changed_page) - 1;

      g_free (expected->hashes[changed]);
      expected->hashes[changed] = g_strdup ("FFFFFFFF");
    }
  return expected;
}

static XaScanPage
page_of (const char *uuid,
         int         copy,
         guint       page,
         guint       n_pages)
{
  g_autofree char *hash = g_strdup_printf ("0000000%u", page);
  XaPageCode code = { (char *) uuid, copy, page, n_pages, hash };
  XaScanPage scan = { g_strdup ("scan.pdf"), 0, g_new0 (char *, 2) };

  scan.codes[0] = xa_page_code_encode (&code);
  return scan;
}

static XaScanPage
page_with (const char *text)
{
  XaScanPage scan = { g_strdup ("scan.pdf"), 0, NULL };

  if (text != NULL)
    {
      scan.codes = g_new0 (char *, 2);
      scan.codes[0] = g_strdup (text);
    }
  return scan;
}

static void
clear_pages (XaScanPage *pages,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    xa_scan_page_clear (&pages[i]);
}

static guint
state_of (XaScanMatch *match,
          guint        scan)
{
  return g_array_index (match->pages, XaScanMatchPage, scan).state;
}

static void
test_match_complete_out_of_order (void)
{
  XaScanPage pages[] = { page_of (UUID_A, 1, 2, 3), page_of (UUID_A, 1, 3, 3), page_of (UUID_A, 1, 1, 3) };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaScanMatch) match = xa_scan_match_new (pages, 3, lookup, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (match->agreement, ==, UUID_A);
  g_assert_cmpint (match->copy, ==, 1);
  g_assert_true (match->known);
  g_assert_cmpstr (match->expected->copy_label, ==, "学校存");
  g_assert_cmpuint (match->n_pages, ==, 3);
  g_assert_cmpuint (g_array_index (match->order, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (match->order, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (match->order, guint, 2), ==, 1);
  g_assert_cmpuint (match->missing->len, ==, 0);
  g_assert_cmpuint (match->changed->len, ==, 0);
  g_assert_true (xa_scan_match_is_complete (match));
  clear_pages (pages, G_N_ELEMENTS (pages));
}

static void
test_match_problems (void)
{
  XaScanPage pages[] = {
    page_of (UUID_A, 0, 1, 3),
    page_with (NULL),                  /* a blank page */
    page_of (UUID_A, 0, 3, 3),
    page_of (UUID_A, 0, 1, 3),         /* page 1 again */
    page_of (UUID_A, 1, 2, 3),         /* the other copy's page 2 */
    page_of (UUID_B, -1, 1, 2),        /* another agreement's */
    page_with ("https://example.com"), /* somebody else's code */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaScanMatch) match = xa_scan_match_new (pages, G_N_ELEMENTS (pages), lookup, (gpointer) "3", &error);

  g_assert_no_error (error);
  g_assert_cmpint (match->copy, ==, 0);
  g_assert_cmpuint (state_of (match, 0), ==, XA_SCAN_PAGE_MATCHED);
  g_assert_cmpuint (state_of (match, 1), ==, XA_SCAN_PAGE_UNCODED);
  g_assert_cmpuint (state_of (match, 2), ==, XA_SCAN_PAGE_MATCHED);
  g_assert_cmpuint (state_of (match, 3), ==, XA_SCAN_PAGE_DUPLICATE);
  g_assert_cmpuint (g_array_index (match->pages, XaScanMatchPage, 3).page, ==, 1);
  g_assert_cmpuint (state_of (match, 4), ==, XA_SCAN_PAGE_FOREIGN);
  g_assert_cmpuint (state_of (match, 5), ==, XA_SCAN_PAGE_FOREIGN);
  g_assert_cmpuint (state_of (match, 6), ==, XA_SCAN_PAGE_FOREIGN);
  g_assert_cmpstr (g_array_index (match->pages, XaScanMatchPage, 6).code, ==, "https://example.com");
  g_assert_cmpuint (match->missing->len, ==, 1);
  g_assert_cmpuint (g_array_index (match->missing, guint, 0), ==, 2);
  g_assert_cmpuint (g_array_index (match->order, guint, 1), ==, G_MAXUINT);
  /* Page 3's text is not the stored agreement's any more. */
  g_assert_cmpuint (match->changed->len, ==, 1);
  g_assert_cmpuint (g_array_index (match->changed, guint, 0), ==, 3);
  g_assert_true (g_array_index (match->pages, XaScanMatchPage, 2).changed);
  g_assert_false (xa_scan_match_is_complete (match));
  g_assert_cmpuint (xa_scan_match_count (match, XA_SCAN_PAGE_FOREIGN), ==, 3);
  clear_pages (pages, G_N_ELEMENTS (pages));
}

static void
test_match_unknown_and_uncoded (void)
{
  XaScanPage unknown[] = { page_of (UUID_B, -1, 1, 2), page_of (UUID_B, -1, 2, 2) };
  XaScanPage blank[] = { page_with (NULL), page_with (NULL) };
  g_autoptr(XaScanMatch) match = xa_scan_match_new (unknown, 2, lookup, NULL, NULL);
  g_autoptr(XaScanMatch) by_hand = xa_scan_match_new (blank, 2, lookup, NULL, NULL);

  /* Codes of an agreement the store does not hold: ordered, but not known. */
  g_assert_cmpstr (match->agreement, ==, UUID_B);
  g_assert_false (match->known);
  g_assert_null (match->expected);
  g_assert_cmpuint (match->missing->len, ==, 0);
  g_assert_false (xa_scan_match_is_complete (match));

  /* No code at all: to be matched by hand. */
  g_assert_null (by_hand->agreement);
  g_assert_cmpuint (by_hand->n_pages, ==, 0);
  g_assert_cmpuint (xa_scan_match_count (by_hand, XA_SCAN_PAGE_UNCODED), ==, 2);
  clear_pages (unknown, G_N_ELEMENTS (unknown));
  clear_pages (blank, G_N_ELEMENTS (blank));
}

static XaScanExpected *
failing_lookup (const char  *agreement,
                int          copy,
                gpointer     user_data,
                GError     **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the store is closed");
  return NULL;
}

static void
test_match_store_error (void)
{
  XaScanPage pages[] = { page_of (UUID_A, 1, 1, 3) };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaScanMatch) match = xa_scan_match_new (pages, 1, failing_lookup, NULL, &error);

  g_assert_null (match);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  clear_pages (pages, G_N_ELEMENTS (pages));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scan-match/code/round-trip", test_code_round_trip);
  g_test_add_func ("/scan-match/code/copy-none", test_code_copy_none);
  g_test_add_func ("/scan-match/code/rejects", test_code_rejects);
  g_test_add_func ("/scan-match/hash/normalises", test_hash_normalises);
  g_test_add_func ("/scan-match/match/complete", test_match_complete_out_of_order);
  g_test_add_func ("/scan-match/match/problems", test_match_problems);
  g_test_add_func ("/scan-match/match/unknown", test_match_unknown_and_uncoded);
  g_test_add_func ("/scan-match/match/store-error", test_match_store_error);

  return g_test_run ();
}
