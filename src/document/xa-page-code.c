/* xa-page-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The QR code on every printed page of an agreement (issue 12, "the paper loop"): which
 * agreement, which original, page n of N and a hash of the page's text
 * (xa-scan-match.c writes and reads its text), so that a scan of the signed paper finds
 * its way back. Drawn as rectangles, a vector like the text, in the foot of the page
 * beside the page number: outside the GB/T 9704 text area, on the side the number is not.
 */

#include "config.h"

#include <qrencode.h>

#include "xa-page-code.h"
#include "xa-succession-renderer.h"
#include "core/util/xa-school-year.h"

/* What every page of one agreement's copy says, but its page and hash. */
typedef struct
{
  char  *agreement;
  int    copy;
  guint  first_page;  /* the number of the pages before this layout's in the document */
  guint  n_pages;     /* the document's; 0 for the layout's own */
} PageCode;

static void
page_code_free (gpointer data)
{
  PageCode *code = data;

  g_free (code->agreement);
  g_free (code);
}

/* Each row's runs of dark modules as one rectangle, filled at once, in black. */
static void
draw_modules (cairo_t      *cr,
              const QRcode *qr,
              double        x,
              double        y,
              double        module)
{
  int width = qr->width;

  cairo_save (cr);
  cairo_new_path (cr);
  for (int row = 0; row < width; row++)
    {
      int run = -1;

      for (int col = 0; col <= width; col++)
        {
          gboolean dark = col < width && (qr->data[row * width + col] & 1);

          if (dark && run < 0)
            run = col;
          else if (!dark && run >= 0)
            {
              cairo_rectangle (cr, x + run * module, y + row * module, (col - run) * module, module);
              run = -1;
            }
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_fill (cr);
  cairo_restore (cr);
}

static QRcode *
encode (const char *text)
{
  /* Level M, the smallest version that holds it; the upper-case text goes in the
   * alphanumeric mode. */
  return QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
}

/* In the foot, the top of the code level with the top of the page number (7 mm under
 * the text area), on the inner side: the number stands outside, right on odd pages and
 * left on even ones, so that the two never meet whichever way the paper is bound. */
static void
draw_agreement_code (XaPageLayout *layout,
                     cairo_t      *cr,
                     guint         page,
                     gpointer      user_data)
{
  PageCode *code = user_data;
  g_autofree char *page_text = xa_page_layout_dup_page_text (layout, page);
  g_autofree char *hash = xa_page_code_hash_text (page_text);
  guint n_pages = code->n_pages > 0 ? code->n_pages : xa_page_layout_get_n_pages (layout);
  XaPageCode full = { code->agreement, code->copy, code->first_page + page + 1, n_pages, hash };
  g_autofree char *text = xa_page_code_encode (&full);
  QRcode *qr;
  double width, height, side, x, y;

  xa_page_layout_get_page_size (layout, &width, &height);
  if (width > height)
    return;  /* a turned page has no foot of its own; agreements are upright */
  if (text == NULL || (qr = encode (text)) == NULL)
    return;
  side = qr->width * XA_PAGE_CODE_MODULE;

  /* By the layout's own page, as its page number goes. */
  x = (page + 1) % 2 == 1 ? XA_TEXT_LEFT : XA_TEXT_LEFT + XA_TEXT_WIDTH - side;
  y = XA_TEXT_TOP + XA_TEXT_HEIGHT + 7 * 72 / 25.4;
  draw_modules (cr, qr, x, y, XA_PAGE_CODE_MODULE);
  QRcode_free (qr);
}

/**
 * xa_agreement_copy_party_index:
 *
 * Returns: the party whose original @copy is, from 0, as the page code names it; -1
 *   for a copy without one
 */
int
xa_agreement_copy_party_index (XaTemplate      *template,
                               XaAgreementCopy  copy)
{
  const char *role = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE (template), -1);

  if (copy >= XA_AGREEMENT_COPY_PARTY_0)
    return (guint) (copy - XA_AGREEMENT_COPY_PARTY_0) < xa_template_get_n_signers (template)
           ? (int) (copy - XA_AGREEMENT_COPY_PARTY_0) : -1;

  if (copy == XA_AGREEMENT_COPY_COMMISSION)
    role = "commission";
  else if (copy == XA_AGREEMENT_COPY_SCHOOL)
    role = "school";

  for (guint i = 0; role != NULL && i < xa_template_get_n_signers (template); i++)
    if (g_strcmp0 (xa_template_get_signer (template, i)->role, role) == 0)
      return i;

  return -1;
}

/**
 * xa_agreement_layout_add_page_codes:
 * @agreement_uuid: the agreement revision the pages are of
 * @copy: xa_agreement_copy_party_index() of the original laid out
 *
 * Puts the page code on every page of @layout; xa_page_layout_set_page_mark() with
 * %NULL takes it off again.
 */
void
xa_agreement_layout_add_page_codes (XaPageLayout *layout,
                                    const char   *agreement_uuid,
                                    int           copy)
{
  xa_agreement_layout_add_page_codes_full (layout, agreement_uuid, copy, 0, 0);
}

/**
 * xa_agreement_layout_add_page_codes_full:
 * @first_page: how many pages of the same original come before @layout's
 * @n_pages: the original's pages in all, or 0 for @layout's own
 *
 * The page codes of a layout that is a part of an original: the successor's
 * acknowledgement printed after the agreement is its last page.
 */
void
xa_agreement_layout_add_page_codes_full (XaPageLayout *layout,
                                         const char   *agreement_uuid,
                                         int           copy,
                                         guint         first_page,
                                         guint         n_pages)
{
  PageCode *code;

  g_return_if_fail (XA_IS_PAGE_LAYOUT (layout));
  g_return_if_fail (agreement_uuid != NULL);

  code = g_new0 (PageCode, 1);
  code->agreement = g_strdup (agreement_uuid);
  code->copy = copy;
  code->first_page = first_page;
  code->n_pages = n_pages;
  xa_page_layout_set_page_mark (layout, draw_agreement_code, code, page_code_free);
}

/**
 * xa_agreement_add_succession_codes:
 * @layout: the agreement's original, with its page codes
 * @succession: (nullable): the successor's acknowledgement printed after it
 *
 * Numbers the acknowledgement's page after the agreement's, and the agreement's pages
 * of the whole, so that a scan of the original with its acknowledgement is whole.
 */
void
xa_agreement_add_succession_codes (XaPageLayout *layout,
                                   XaPageLayout *succession,
                                   const char   *agreement_uuid,
                                   int           copy)
{
  guint n_main, n_all;

  if (succession == NULL || !xa_page_layout_has_page_mark (layout))
    return;

  n_main = xa_page_layout_get_n_pages (layout);
  n_all = n_main + xa_page_layout_get_n_pages (succession);
  xa_agreement_layout_add_page_codes_full (layout, agreement_uuid, copy, 0, n_all);
  xa_agreement_layout_add_page_codes_full (succession, agreement_uuid, copy, n_main, n_all);
}

/**
 * xa_agreement_dup_scan_expected:
 * @copy: the party whose original, from 0; -1 for a copy without label
 *
 * What a scan of @agreement's original should show today: its pages laid out again
 * from the store (the successor's acknowledgement last, when there is one), each
 * page's text hashed as its code has it. The hashes are those of
 * this machine's fonts: a page broken elsewhere with other fonts may differ.
 *
 * Returns: (transfer full): the expected pages
 */
XaScanExpected *
xa_agreement_dup_scan_expected (XaAgreement    *agreement,
                                XaTemplate     *template,
                                int             copy,
                                XaFontResolver *fonts)
{
  XaAgreementCopy which = copy >= 0 ? XA_AGREEMENT_COPY_PARTY (copy) : XA_AGREEMENT_COPY_NONE;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(XaPageLayout) succession = NULL;
  g_autofree char *span = NULL;
  XaScanExpected *expected;
  GStrvBuilder *hashes;
  const char *label;
  guint n_pages;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);

  layout = xa_agreement_layout_new_for_agreement (agreement, template, which, fonts);
  succession = xa_succession_layout_new (agreement, template, which, fonts);
  hashes = g_strv_builder_new ();
  for (guint part = 0; part < 2; part++)
    {
      XaPageLayout *pages = part == 0 ? layout : succession;

      n_pages = pages != NULL ? xa_page_layout_get_n_pages (pages) : 0;
      for (guint page = 0; page < n_pages; page++)
        {
          g_autofree char *text = xa_page_layout_dup_page_text (pages, page);
          g_autofree char *hash = xa_page_code_hash_text (text);

          g_strv_builder_add (hashes, hash);
        }
    }

  span = xa_school_year_format_span (xa_agreement_get_school_year (agreement));
  label = xa_agreement_copy_label_in (template, which);

  expected = g_new0 (XaScanExpected, 1);
  expected->agreement = g_strdup (xa_agreement_get_uuid (agreement));
  expected->title = g_strdup_printf ("%s %s", xa_agreement_get_school_name (agreement), span);
  expected->copy_label = g_strdup (label);
  expected->current = xa_agreement_is_current (agreement);
  expected->hashes = g_strv_builder_end (hashes);
  g_strv_builder_unref (hashes);
  return expected;
}

/**
 * xa_page_code_lookup:
 * @store: (type XaPageCodeStore): the agreements to look in
 *
 * The #XaScanLookup of a store: what the scan's agreement prints today.
 *
 * Returns: (transfer full) (nullable): the expected pages; %NULL without @error when the
 *   store holds no such agreement
 */
XaScanExpected *
xa_page_code_lookup (const char  *agreement_uuid,
                     int          copy,
                     gpointer     store,
                     GError     **error)
{
  XaPageCodeStore *where = store;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplate) template = NULL;

  agreement = xa_agreement_book_dup_by_uuid (where->book, agreement_uuid, &local_error);
  if (agreement == NULL)
    {
      if (!g_error_matches (local_error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!(template = xa_agreement_book_dup_template (where->book, agreement, error)))
    return NULL;

  return xa_agreement_dup_scan_expected (agreement, template, copy, where->fonts);
}
