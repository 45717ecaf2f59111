/* test-page-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GB/T 9704 grid, measured the way a reviewer with a ruler would: through the glyph
 * boxes Poppler reads back from the PDF.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "core/agreements/xa-template-library.h"
#include "core/agreements/xa-template-outline.h"
#include "core/agreements/xa-text-outline.h"
#include "document/xa-agreement-renderer.h"
#include "document/xa-page-layout.h"
#include "document/xa-poppler-private.h"
#include "xa-test-utils.h"

#define TOLERANCE 1.0
/* How far a glyph box's centre may lie from its grid row's centre: the boxes follow each
 * face's ascent and descent (楷体's brackets sit 3 pt high); a pitch squeezed even to
 * 28 pt is off by more than this after four rows. */
#define GRID_TOLERANCE 3.5

/* Long enough for four pages; no punctuation, so that every full line holds 28. */
static const char body_text[] =
  "学校安全稳定主体责任建立学校安全稳定工作长效运行机制完善学校内部安全稳定防范体系"
  "强化师生员工安全教育增强广大师生安全防范意识和自护自救能力减少一般安全事故以及学校"
  "重大财产经济损失杜绝发生重特大事故群体性事件特别是责任事故";

static XaPageLayout *
build_document (guint n_paragraphs)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaPageLayout *layout = xa_page_layout_new (fonts);

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, "安全目标责任书");
  for (guint i = 0; i < n_paragraphs; i++)
    {
      if (i % 4 == 0)
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, "一、责任目标和职责任务");
      else if (i % 4 == 1)
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_2, "（一）加强领导落实责任。", body_text);
      else
        xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, body_text);
    }
  {
    XaSignatureBlock *block = xa_signature_block_new (FALSE, NULL);
    const char *commission_lines[] = { "负责人签章：", NULL };
    const char *school_lines[] = { "负责人签名：", NULL };

    xa_signature_block_add_party (block, "重庆市大渡口区教育委员会（盖章）", TRUE, commission_lines, "年　月　日");
    xa_signature_block_add_party (block, "学校（盖章）", TRUE, school_lines, "年　月　日");
    xa_page_layout_set_signature (layout, block);
  }
  xa_page_layout_set_metadata (layout, "安全目标责任书", "示例区教育委员会", "2021—2022学年度");
  return layout;
}

static PopplerDocument *
render (XaPageLayout *layout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = xa_page_layout_render_pdf (layout, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* Poppler's glyph boxes reach from the font's ascent to its descent, beyond the ink of
 * a CJK em box; a row is therefore placed by the centre of its boxes. */
typedef struct
{
  double top;
  guint  n_chars;
  double left;
  double right;
} Row;

typedef struct
{
  gunichar         c;
  PopplerRectangle box;
} Glyph;

/* The page's characters with their boxes, white space left out. */
static GArray *
read_glyphs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  GArray *glyphs = g_array_new (FALSE, TRUE, sizeof (Glyph));
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));

  for (guint i = 0; i < n_boxes && *p; i++, p = g_utf8_next_char (p))
    {
      Glyph glyph = { g_utf8_get_char (p), boxes[i] };

      if (!g_unichar_isspace (glyph.c))
        g_array_append_val (glyphs, glyph);
    }

  return glyphs;
}

/* Groups the page's glyphs into rows by their top edge. */
static GArray *
read_rows (PopplerPage *page,
           double       max_top)
{
  g_autoptr(GArray) glyphs = read_glyphs (page);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  for (guint i = 0; i < glyphs->len; i++)
    {
      PopplerRectangle *box = &g_array_index (glyphs, Glyph, i).box;
      Row *row = NULL;

      double centre = (box->y1 + box->y2) / 2;

      if (centre > max_top)
        continue;

      for (guint r = 0; r < rows->len; r++)
        if (ABS (g_array_index (rows, Row, r).top - centre) < 4)
          row = &g_array_index (rows, Row, r);

      if (row == NULL)
        {
          Row fresh = { centre, 0, box->x1, box->x2 };
          g_array_append_val (rows, fresh);
          row = &g_array_index (rows, Row, rows->len - 1);
        }

      row->n_chars++;
      row->left = MIN (row->left, box->x1);
      row->right = MAX (row->right, box->x2);
    }

  return rows;
}

/* The page number's row: 7 mm under the text area to the top of the 14 pt line. */
#define NUMBER_CENTRE (XA_TEXT_TOP + XA_TEXT_HEIGHT + 7 * 72 / 25.4 + XA_PAGE_NUMBER_SIZE / 2)

/* What a reviewer with a ruler checks on every page, the last included: each glyph
 * inside the text area and centred on a row of the 22-line grid, and under the text area
 * the page number alone. */
static void
assert_on_grid (PopplerDocument *document,
                const char      *what)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autoptr(GArray) glyphs = read_glyphs (page);
      g_autoptr(GString) footer = g_string_new (NULL);
      g_autofree char *number = g_strdup_printf ("—%d—", i + 1);

      for (guint g = 0; g < glyphs->len; g++)
        {
          const Glyph *glyph = &g_array_index (glyphs, Glyph, g);
          char c[8] = { 0 };
          double centre = (glyph->box.y1 + glyph->box.y2) / 2;
          double grid_row = floor ((centre - XA_TEXT_TOP) / XA_LINE_PITCH);
          double off_grid = centre - (XA_TEXT_TOP + (grid_row + 0.5) * XA_LINE_PITCH);

          g_unichar_to_utf8 (glyph->c, c);

          if (centre > XA_TEXT_TOP + XA_TEXT_HEIGHT)
            {
              if (ABS (centre - NUMBER_CENTRE) > 3)
                g_error ("%s, page %d: “%s” at %.1f pt in the bottom margin", what, i + 1, c, centre);
              g_string_append_unichar (footer, glyph->c);
              continue;
            }

          /* Poppler's boxes reach the faces' ascent, above the ink: a glyph is placed
           * vertically by its centre, on one of the text area's 22 rows. */
          if (glyph->box.x1 < XA_TEXT_LEFT - TOLERANCE || glyph->box.x2 > XA_TEXT_LEFT + XA_TEXT_WIDTH + TOLERANCE ||
              grid_row < 0 || grid_row >= XA_LINES_PER_PAGE)
            g_error ("%s, page %d: “%s” at (%.1f, %.1f) outside the text area", what, i + 1,
                     c, glyph->box.x1, glyph->box.y1);
          if (ABS (off_grid) > GRID_TOLERANCE)
            g_error ("%s, page %d: “%s” %.1f pt off row %.0f of the grid", what, i + 1,
                     c, off_grid, grid_row + 1);
        }

      g_assert_cmpstr (footer->str, ==, number);
    }
}

static void
test_layout_grid (void)
{
  g_autoptr(XaPageLayout) layout = build_document (14);
  g_autoptr(PopplerDocument) document = render (layout);
  int n_pages = poppler_document_get_n_pages (document);

  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpuint (xa_page_layout_get_n_pages (layout), ==, n_pages);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autoptr(GArray) rows = NULL;
      double width, height;
      guint full = 0;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, XA_PAGE_WIDTH, 0.5);
      g_assert_cmpfloat_with_epsilon (height, XA_PAGE_HEIGHT, 0.5);

      /* Everything above the page number lies inside the text area. */
      rows = read_rows (page, XA_TEXT_TOP + XA_TEXT_HEIGHT);
      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = &g_array_index (rows, Row, r);

          g_assert_cmpfloat (row->top, >=, XA_TEXT_TOP + XA_BODY_SIZE / 2 - TOLERANCE);
          g_assert_cmpfloat (row->left, >=, XA_TEXT_LEFT - TOLERANCE);
          g_assert_cmpfloat (row->right, <=, XA_TEXT_LEFT + XA_TEXT_WIDTH + TOLERANCE);
          g_assert_cmpuint (row->n_chars, <=, XA_CHARS_PER_LINE);
          full += row->n_chars == XA_CHARS_PER_LINE;
        }

      /* Pages before the last are full: 22 lines (the first page's title takes one and
       * the blank line under it another), most of them of 28 characters. The layout
       * does not know the text carries no signature block. */
      if (i < n_pages - 1)
        {
          g_assert_cmpuint (rows->len, ==, XA_LINES_PER_PAGE - (i == 0 ? 1 : 0));
          g_assert_cmpuint (full, >=, XA_LINES_PER_PAGE / 2);
        }
    }
}

/* The page's glyphs, as one string without white space. */
static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autoptr(GArray) glyphs = read_glyphs (page);
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < glyphs->len; g++)
    g_string_append_unichar (text, g_array_index (glyphs, Glyph, g).c);

  return g_string_free (text, FALSE);
}

static void
test_layout_page_numbers (void)
{
  g_autoptr(XaPageLayout) layout = build_document (10);
  g_autoptr(PopplerDocument) document = render (layout);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      /* The spaces inside “— 1 —” are advances, not glyphs: Poppler reads “—1—”. */
      g_autofree char *expected = g_strdup_printf ("—%d—", i + 1);
      PopplerRectangle area = { 0, XA_TEXT_TOP + XA_TEXT_HEIGHT, XA_PAGE_WIDTH, XA_PAGE_HEIGHT };
      g_autofree char *footer = poppler_page_get_text_for_area (page, &area);
      g_autoptr(GArray) rows = read_rows (page, XA_PAGE_HEIGHT);
      Row *number = &g_array_index (rows, Row, 0);
      double inset = XA_PAGE_NUMBER_SIZE;

      /* The page number is the lowest row, whatever order Poppler reads the rows in. */
      for (guint r = 1; r < rows->len; r++)
        if (g_array_index (rows, Row, r).top > number->top)
          number = &g_array_index (rows, Row, r);

      g_assert_nonnull (strstr (footer, expected));
      /* 7 mm under the text area to the top of the 14 pt line: its centre 7 pt lower. */
      g_assert_cmpfloat_with_epsilon (number->top, XA_TEXT_TOP + XA_TEXT_HEIGHT + 7 * 72 / 25.4 + XA_PAGE_NUMBER_SIZE / 2, 3);

      if (i % 2 == 0)
        g_assert_cmpfloat_with_epsilon (number->right, XA_TEXT_LEFT + XA_TEXT_WIDTH - inset, 2);
      else
        g_assert_cmpfloat_with_epsilon (number->left, XA_TEXT_LEFT + inset, 2);
    }
}

/* Whatever the length of the text, the signature block shares its page with text. */
static void
test_layout_signature_with_text (void)
{
  for (guint n = 8; n < 20; n++)
    {
      g_autoptr(XaPageLayout) layout = build_document (n);
      g_autoptr(PopplerDocument) document = render (layout);
      int last = poppler_document_get_n_pages (document) - 1;
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, last);
      g_autofree char *text = poppler_page_get_text (page);
      const char *signature = strstr (text, "大渡口区教育委员会");
      guint n_body_chars = 0;

      g_assert_nonnull (signature);
      /* Body text stands before the block on the same page. */
      for (const char *p = text; p < signature; p = g_utf8_next_char (p))
        n_body_chars += g_unichar_isspace (g_utf8_get_char (p)) ? 0 : 1;
      g_assert_cmpuint (n_body_chars, >=, 10);

      /* Both dates are on the page (the body text has no 日 of its own)… */
      {
        guint n_dates = 0;

        for (const char *p = strstr (text, "日"); p != NULL; p = strstr (p + 1, "日"))
          n_dates++;
        g_assert_cmpuint (n_dates, ==, 2);
      }

      /* …and every page, the block's too, keeps the 22-line grid: the block takes lines
       * of text with it rather than squeeze them. */
      {
        g_autofree char *what = g_strdup_printf ("%u paragraphs", n);

        assert_on_grid (document, what);
      }
    }
}

static XaPageLayout *
layout_agreement (XaTemplate      *template,
                  XaAgreementCopy  copy)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaTemplateValues values = {
    .school_year = 2021,
    .school_name = "示例区实验小学",
    .commission_name = "示例区教育委员会",
  };

  return xa_agreement_layout_new (template, &values, copy, fonts);
}

/* The default agreement, and longer ones made of it by repeating an item of section 二
 * up to twelve times: the last page falls at every height, and each time the document
 * keeps the grid, its glyphs in the text area and the page number alone in the margin;
 * the copy label stands at the top left of the first page (the 份号 place of GB/T 9704
 * 7.2.1) and nowhere else. */
static void
test_layout_agreement_grid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_library_load_builtin (&error);
  const char *label = xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL);
  XaClause *repeated;

  g_assert_no_error (error);
  repeated = xa_template_find_clause (template, "s1.2");
  g_assert_nonnull (repeated);

  for (guint n_repeats = 0; n_repeats <= 12; n_repeats++)
    {
      g_autoptr(XaPageLayout) layout = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autoptr(PopplerPage) first = NULL;
      g_autoptr(GArray) rows = NULL;
      g_autofree char *what = g_strdup_printf ("the default agreement and %u more items", n_repeats);
      g_autofree char *first_text = NULL;

      if (n_repeats > 0)
        {
          XaClause *clause = xa_template_insert_clause (template, "s2", 0, XA_CLAUSE_KIND_ITEM, &error);

          g_assert_no_error (error);
          xa_clause_set_heading (clause, xa_clause_get_heading (repeated));
          xa_clause_set_text (clause, xa_clause_get_text (repeated));
        }

      layout = layout_agreement (template, XA_AGREEMENT_COPY_SCHOOL);
      document = render (layout);
      assert_on_grid (document, what);

      /* The label alone on the first row, from the left edge of the text area. */
      first = poppler_document_get_page (document, 0);
      rows = read_rows (first, XA_TEXT_TOP + XA_LINE_PITCH);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpuint (g_array_index (rows, Row, 0).n_chars, ==, g_utf8_strlen (label, -1));
      g_assert_cmpfloat_with_epsilon (g_array_index (rows, Row, 0).left, XA_TEXT_LEFT, TOLERANCE);
      first_text = page_text (document, 0);
      g_assert_true (g_str_has_prefix (first_text, label));

      for (int i = 1; i < poppler_document_get_n_pages (document); i++)
        {
          g_autofree char *text = page_text (document, i);

          g_assert_null (strstr (text, label));
        }
    }
}

/* A paragraph in markup is set on the same grid as the same text without it: the
 * letter spacing, the indent and the line breaks survive the styles; and the markup's
 * tags are no characters the fonts must hold. */
static void
test_layout_markup (void)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) plain = xa_page_layout_new (fonts);
  g_autoptr(XaPageLayout) marked = xa_page_layout_new (fonts);
  g_autoptr(PopplerDocument) plain_document = NULL;
  g_autoptr(PopplerDocument) marked_document = NULL;
  g_autoptr(PopplerPage) plain_page = NULL;
  g_autoptr(PopplerPage) marked_page = NULL;
  g_autoptr(GArray) plain_rows = NULL;
  g_autoptr(GArray) marked_rows = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *characters = NULL;
  /* The first 20 characters underlined, the next 20 struck through. */
  const char *second = g_utf8_offset_to_pointer (body_text, 20);
  const char *third = g_utf8_offset_to_pointer (body_text, 40);

  markup = g_strdup_printf ("<span underline=\"single\" foreground=\"#0b5d1e\">%.*s</span>"
                            "<s>%.*s</s>%s",
                            (int) (second - body_text), body_text,
                            (int) (third - second), second, third);
  xa_page_layout_add_paragraph (plain, XA_PARAGRAPH_BODY, NULL, body_text);
  xa_page_layout_add_markup (marked, XA_PARAGRAPH_BODY, markup);

  characters = xa_page_layout_dup_characters (marked);
  g_assert_null (strchr (characters, '<'));
  g_assert_nonnull (strstr (characters, "学校安全稳定"));

  plain_document = render (plain);
  marked_document = render (marked);
  plain_page = poppler_document_get_page (plain_document, 0);
  marked_page = poppler_document_get_page (marked_document, 0);
  plain_rows = read_rows (plain_page, XA_TEXT_TOP + XA_TEXT_HEIGHT);
  marked_rows = read_rows (marked_page, XA_TEXT_TOP + XA_TEXT_HEIGHT);

  g_assert_cmpuint (marked_rows->len, ==, plain_rows->len);
  g_assert_cmpuint (plain_rows->len, >=, 3);
  for (guint r = 0; r < plain_rows->len; r++)
    {
      Row *a = &g_array_index (plain_rows, Row, r);
      Row *b = &g_array_index (marked_rows, Row, r);

      g_assert_cmpuint (b->n_chars, ==, a->n_chars);
      g_assert_cmpfloat_with_epsilon (b->left, a->left, TOLERANCE);
      g_assert_cmpfloat_with_epsilon (b->right, a->right, TOLERANCE);
      g_assert_cmpfloat_with_epsilon (b->top, a->top, TOLERANCE);
    }

  /* Two characters of indent on the first line. */
  g_assert_cmpfloat_with_epsilon (g_array_index (marked_rows, Row, 0).left,
                                  XA_TEXT_LEFT + 2 * XA_TEXT_WIDTH / XA_CHARS_PER_LINE, 2.0);
}

static void
test_layout_metadata (void)
{
  g_autoptr(XaPageLayout) layout = build_document (2);
  g_autoptr(PopplerDocument) document = render (layout);
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autofree char *subject = poppler_document_get_subject (document);

  g_assert_cmpstr (title, ==, "安全目标责任书");
  g_assert_cmpstr (author, ==, "示例区教育委员会");
  g_assert_cmpstr (subject, ==, "2021—2022学年度");
  g_assert_cmpint (poppler_document_get_creation_date (document), >, 0);
}

/* The text's characters without white space, in order. */
static GString *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return out;
}

/* Every corpus text imported as import-text does, rendered and read back: each of its
 * characters (title, party lines, clauses, parties, form lines, dates) in the PDF in the
 * order written, and every page on the grid with only the page number in the margin. */
static void
test_layout_corpus (gconstpointer data)
{
  const char *name = data;
  g_autofree char *file_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "agreements", file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = xa_template_outline_load_text (file, NULL, &error);
  g_autoptr(XaTextOutline) outline = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GString) source = NULL;
  g_autoptr(GString) printed = g_string_new (NULL);
  const char *p;

  g_assert_no_error (error);
  outline = xa_text_outline_new (text);
  /* Named as import-text --name does: a text without a title needs one, which is not printed. */
  template = xa_template_new_from_outline (outline, 2024, name, &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_validate (template, &error));
  g_assert_no_error (error);

  layout = layout_agreement (template, XA_AGREEMENT_COPY_NONE);
  document = render (layout);
  assert_on_grid (document, name);

  /* The text area's glyphs: the page numbers below it are the document's own. */
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autoptr(GArray) glyphs = read_glyphs (page);

      for (guint g = 0; g < glyphs->len; g++)
        {
          const Glyph *glyph = &g_array_index (glyphs, Glyph, g);

          if ((glyph->box.y1 + glyph->box.y2) / 2 < XA_TEXT_TOP + XA_TEXT_HEIGHT)
            g_string_append_unichar (printed, glyph->c);
        }
    }

  /* The source's characters, in order, each found in what was printed: what the
   * document adds between them (a blank to sign on) may stand between. */
  source = squeeze (text);
  p = printed->str;
  for (const char *s = source->str; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      const char *found = g_utf8_strchr (p, -1, c);

      if (found == NULL)
        g_error ("%s: character %ld of the text, U+%04X, is not in the PDF after what came before",
                 name, g_utf8_pointer_to_offset (source->str, s), c);
      p = g_utf8_next_char (found);
    }
}

/* A heading never stands alone at the foot of a page: when the text under it starts a
 * new page, the heading goes over with it. The title and the line under it take the first
 * two rows; 19 one-line paragraphs fill all but the last row, where the heading would go. */
static void
test_heading_keeps_with_text (void)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_page_layout_new (fonts);
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, "安全目标责任书");
  for (guint i = 0; i < 19; i++)
    xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, "学校落实安全责任。");
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, "二、责任措施");
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, "健全安全工作机构。");

  document = render (layout);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  first = page_text (document, 0);
  second = page_text (document, 1);
  g_assert_null (strstr (first, "责任措施"));
  g_assert_true (g_str_has_prefix (second, "二、责任措施健全安全工作机构。"));
}

/* A seal zone never reaches over the text above its party (GB/T 9704 7.3.5.1: the seal's
 * top within a line under the text): a party of one line, its name, stands two rows under
 * the text instead of one; a party of name, signature and date keeps the one blank row. */
static void
test_seal_below_text (void)
{
  const char *sign_lines[] = { "班主任签字：", NULL };
  const double radius_rows = XA_SEAL_DIAMETER / 2 / XA_LINE_PITCH;

  for (guint with_lines = 0; with_lines < 2; with_lines++)
    {
      XaSignatureBlock *block = xa_signature_block_new (TRUE, NULL);
      const GArray *pieces;
      gboolean seal_seen = FALSE;
      double first_text_row = G_MAXDOUBLE;

      xa_signature_block_add_party (block, "学校（盖章）", TRUE, with_lines ? sign_lines : NULL,
                                    with_lines ? "年　月　日" : NULL);
      xa_signature_block_place (block, 0, 10, XA_LINES_PER_PAGE, XA_TEXT_WIDTH);
      pieces = xa_signature_block_get_pieces (block);
      for (guint i = 0; i < pieces->len; i++)
        {
          const XaSignaturePiece *piece = &g_array_index (pieces, XaSignaturePiece, i);

          if (piece->kind == XA_SIGNATURE_PIECE_SEAL)
            {
              /* Row 10 is the blank row under the text: the zone's top stays below its top. */
              g_assert_cmpfloat (piece->row + 0.5 - radius_rows, >=, 10.0);
              seal_seen = TRUE;
            }
          else
            first_text_row = MIN (first_text_row, piece->row);
        }
      g_assert_true (seal_seen);
      g_assert_cmpfloat (first_text_row, ==, with_lines ? 11 : 12);
      xa_signature_block_free (block);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/page-layout/grid", test_layout_grid);
  g_test_add_func ("/xa/page-layout/heading-keeps-with-text", test_heading_keeps_with_text);
  g_test_add_func ("/xa/page-layout/seal-below-text", test_seal_below_text);
  g_test_add_func ("/xa/page-layout/page-numbers", test_layout_page_numbers);
  g_test_add_func ("/xa/page-layout/signature-with-text", test_layout_signature_with_text);
  g_test_add_func ("/xa/page-layout/agreement-grid", test_layout_agreement_grid);
  g_test_add_func ("/xa/page-layout/metadata", test_layout_metadata);
  g_test_add_func ("/xa/page-layout/markup", test_layout_markup);
  xa_test_add_corpus ("/xa/page-layout/corpus/", test_layout_corpus);

  return g_test_run ();
}
