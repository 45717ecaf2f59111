/* xa-scan-match.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The paper loop's logic (issue 12): the code every printed page of an agreement carries,
 * and the matching of a scan's pages back to their agreement and copy. The drawing of the
 * codes and their reading from images live in src/document (xa-page-code.c,
 * xa-scan-reader.c); this file knows only their text.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xa-scan-match.h"

#define UUID_HEX 32
#define HASH_HEX 8

static gboolean
is_upper_hex (const char *text,
              gsize       length)
{
  if (strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_islower (text[i]))
      return FALSE;

  return TRUE;
}

/* A whole number from 0 to @max, digits only. */
static gboolean
parse_number (const char *text,
              guint       max,
              guint      *value)
{
  guint64 number;

  if (text[0] == '\0' || strlen (text) > 4 ||
      !g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return FALSE;

  *value = (guint) number;
  return TRUE;
}

/**
 * xa_page_code_encode:
 *
 * Returns: (transfer full) (nullable): the text of @code's QR code, or %NULL when
 *   @code's agreement is not a uuid
 */
char *
xa_page_code_encode (const XaPageCode *code)
{
  g_autoptr(GString) hex = g_string_new (NULL);
  g_autofree char *copy = NULL;

  g_return_val_if_fail (code != NULL && code->agreement != NULL && code->hash != NULL, NULL);
  g_return_val_if_fail (code->page >= 1 && code->page <= code->n_pages, NULL);

  for (const char *p = code->agreement; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (hex, g_ascii_toupper (*p));
  if (!is_upper_hex (hex->str, UUID_HEX))
    return NULL;

  copy = code->copy < 0 ? g_strdup ("-") : g_strdup_printf ("%d", code->copy);

  return g_strdup_printf (XA_PAGE_CODE_TAG ":%s:%s:%u:%u:%s",
                          hex->str, copy, code->page, code->n_pages, code->hash);
}

/**
 * xa_page_code_decode:
 * @text: a code's text, as read from a page
 * @code: (out caller-allocates): filled when it is one of ours; clear it with
 *   xa_page_code_clear()
 *
 * Returns: whether @text is one of our page codes, well formed
 */
gboolean
xa_page_code_decode (const char *text,
                     XaPageCode *code)
{
  g_auto(GStrv) fields = NULL;
  guint copy = 0;
  guint page;
  guint n_pages;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (code != NULL, FALSE);

  memset (code, 0, sizeof *code);
  if (text == NULL)
    return FALSE;

  fields = g_strsplit (text, ":", -1);
  if (g_strv_length (fields) != 6 || !g_str_equal (fields[0], XA_PAGE_CODE_TAG) ||
      !is_upper_hex (fields[1], UUID_HEX) || !is_upper_hex (fields[5], HASH_HEX) ||
      (!g_str_equal (fields[2], "-") && !parse_number (fields[2], 99, &copy)) ||
      !parse_number (fields[3], 9999, &page) || !parse_number (fields[4], 9999, &n_pages) ||
      page < 1 || page > n_pages)
    return FALSE;

  /* 8-4-4-4-12, as the store writes its uuids. */
  lower = g_ascii_strdown (fields[1], -1);
  code->agreement = g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s",
                                     lower, lower + 8, lower + 12, lower + 16, lower + 20);
  code->copy = g_str_equal (fields[2], "-") ? -1 : (int) copy;
  code->page = page;
  code->n_pages = n_pages;
  code->hash = g_strdup (fields[5]);
  return TRUE;
}

void
xa_page_code_clear (XaPageCode *code)
{
  g_clear_pointer (&code->agreement, g_free);
  g_clear_pointer (&code->hash, g_free);
}

/**
 * xa_page_code_hash_text:
 * @text: the text laid out on a page
 *
 * The page's text normalised (NFKC, every space and line break left out, so that the
 * same words give the same hash however they were broken into lines) and hashed:
 * the first 8 hexadecimal digits of its SHA-256, upper case.
 *
 * Returns: (transfer full): the hash
 */
char *
xa_page_code_hash_text (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) kept = g_string_new (NULL);
  g_autofree char *sha = NULL;

  for (const char *p = normal != NULL ? normal : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (kept, c);
    }

  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, kept->str, kept->len);
  sha[HASH_HEX] = '\0';
  return g_ascii_strup (sha, -1);
}

void
xa_scan_page_clear (XaScanPage *page)
{
  g_clear_pointer (&page->source, g_free);
  g_clear_pointer (&page->codes, g_strfreev);
}

void
xa_scan_expected_free (XaScanExpected *expected)
{
  if (expected == NULL)
    return;

  g_free (expected->agreement);
  g_free (expected->title);
  g_free (expected->copy_label);
  g_strfreev (expected->hashes);
  g_free (expected);
}

static void
match_page_clear (gpointer data)
{
  XaScanMatchPage *page = data;

  g_clear_pointer (&page->code, g_free);
}

/* Which agreement, copy and page count most pages say they belong to: the scan's own;
 * the first seen wins a tie. */
static const XaPageCode *
find_majority (const XaPageCode *codes,
               guint             n)
{
  const XaPageCode *best = NULL;
  guint best_count = 0;

  for (guint i = 0; i < n; i++)
    {
      guint count = 0;

      if (codes[i].agreement == NULL)
        continue;
      for (guint j = 0; j < n; j++)
        if (codes[j].agreement != NULL && g_str_equal (codes[i].agreement, codes[j].agreement) &&
            codes[i].copy == codes[j].copy && codes[i].n_pages == codes[j].n_pages)
          count++;
      if (count > best_count)
        {
          best = &codes[i];
          best_count = count;
        }
    }

  return best;
}

/**
 * xa_scan_match_new:
 * @pages: (array length=n_pages): the scan's pages, in the order scanned
 * @lookup: what the store holds for an agreement and copy
 *
 * Names the agreement and copy most pages' codes belong to, orders its pages, and
 * reports the pages missing, seen twice, foreign (another agreement's or copy's, or a
 * code not ours) and without a code, and the pages whose text is no longer the
 * agreement's as stored now. Nothing is stored: the clerk confirms first.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set when the
 *   store cannot be read
 */
XaScanMatch *
xa_scan_match_new (const XaScanPage *pages,
                   guint             n_pages,
                   XaScanLookup      lookup,
                   gpointer          user_data,
                   GError          **error)
{
  g_autoptr(XaScanMatch) match = g_new0 (XaScanMatch, 1);
  g_autofree XaPageCode *codes = g_new0 (XaPageCode, MAX (n_pages, 1));
  const XaPageCode *majority;

  g_return_val_if_fail (pages != NULL || n_pages == 0, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  match->copy = -1;
  match->pages = g_array_sized_new (FALSE, TRUE, sizeof (XaScanMatchPage), n_pages);
  g_array_set_clear_func (match->pages, match_page_clear);
  match->order = g_array_new (FALSE, FALSE, sizeof (guint));
  match->missing = g_array_new (FALSE, FALSE, sizeof (guint));
  match->changed = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A page may show several codes (a neighbour's page caught in the scan): the first of
   * ours counts. */
  for (guint i = 0; i < n_pages; i++)
    for (guint j = 0; pages[i].codes != NULL && pages[i].codes[j] != NULL; j++)
      if (xa_page_code_decode (pages[i].codes[j], &codes[i]))
        break;

  if ((majority = find_majority (codes, n_pages)) != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      match->agreement = g_strdup (majority->agreement);
      match->copy = majority->copy;
      match->n_pages = majority->n_pages;
      match->expected = lookup (match->agreement, match->copy, user_data, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          for (guint i = 0; i < n_pages; i++)
            xa_page_code_clear (&codes[i]);
          return NULL;
        }
      match->known = match->expected != NULL;
      match->page_count_changed = match->known &&
                                  g_strv_length (match->expected->hashes) != match->n_pages;
    }

  g_array_set_size (match->order, match->n_pages);
  for (guint p = 0; p < match->n_pages; p++)
    g_array_index (match->order, guint, p) = G_MAXUINT;

  for (guint i = 0; i < n_pages; i++)
    {
      XaScanMatchPage page = { .scan = i };
      const XaPageCode *code = &codes[i];

      if (code->agreement != NULL && majority != NULL && g_str_equal (code->agreement, majority->agreement) &&
          code->copy == majority->copy && code->n_pages == majority->n_pages)
        {
          guint *slot = &g_array_index (match->order, guint, code->page - 1);

          page.page = code->page;
          page.state = *slot == G_MAXUINT ? XA_SCAN_PAGE_MATCHED : XA_SCAN_PAGE_DUPLICATE;
          if (*slot == G_MAXUINT)
            *slot = i;
          if (match->known)
            {
              GStrv hashes = match->expected->hashes;

              page.changed = code->page > g_strv_length (hashes) ||
                             !g_str_equal (hashes[code->page - 1], code->hash);
            }
        }
      else if (pages[i].codes != NULL && pages[i].codes[0] != NULL)
        {
          page.state = XA_SCAN_PAGE_FOREIGN;
          page.page = code->agreement != NULL ? code->page : 0;
          page.code = g_strdup (pages[i].codes[0]);
          for (guint j = 0; code->agreement != NULL && pages[i].codes[j] != NULL; j++)
            {
              XaPageCode check;

              if (xa_page_code_decode (pages[i].codes[j], &check))
                {
                  g_free (page.code);
                  page.code = g_strdup (pages[i].codes[j]);
                  xa_page_code_clear (&check);
                  break;
                }
            }
        }
      else
        page.state = XA_SCAN_PAGE_UNCODED;

      if (page.state == XA_SCAN_PAGE_MATCHED && page.changed)
        g_array_append_val (match->changed, page.page);
      g_array_append_val (match->pages, page);
    }

  for (guint p = 0; p < match->n_pages; p++)
    if (g_array_index (match->order, guint, p) == G_MAXUINT)
      {
        guint number = p + 1;

        g_array_append_val (match->missing, number);
      }

  for (guint i = 0; i < n_pages; i++)
    xa_page_code_clear (&codes[i]);

  return g_steal_pointer (&match);
}

void
xa_scan_match_free (XaScanMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->agreement);
  xa_scan_expected_free (match->expected);
  g_clear_pointer (&match->pages, g_array_unref);
  g_clear_pointer (&match->order, g_array_unref);
  g_clear_pointer (&match->missing, g_array_unref);
  g_clear_pointer (&match->changed, g_array_unref);
  g_free (match);
}

/**
 * xa_scan_match_count:
 *
 * Returns: how many scanned pages are in @state
 */
guint
xa_scan_match_count (XaScanMatch     *match,
                     XaScanPageState  state)
{
  guint n = 0;

  for (guint i = 0; i < match->pages->len; i++)
    if (g_array_index (match->pages, XaScanMatchPage, i).state == state)
      n++;

  return n;
}

/**
 * xa_scan_match_is_complete:
 *
 * Returns: whether the scan is the whole agreement as stored, each page once, and
 *   nothing else: what may be filed without a second look
 */
gboolean
xa_scan_match_is_complete (XaScanMatch *match)
{
  return match->known && match->missing->len == 0 && match->changed->len == 0 &&
         !match->page_count_changed &&
         xa_scan_match_count (match, XA_SCAN_PAGE_MATCHED) == match->pages->len;
}
