/* xa-page-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays paragraphs out on the GB/T 9704-2012 grid: A4, a 156 × 225 mm text area of 22 lines
 * of 28 characters. Pango breaks the lines (it knows the Chinese rules: no 。，、 at a line
 * start, no （ at a line end); we place every line on a grid row ourselves, which is also
 * what decides page breaks and keeps the signature block with the last lines of text.
 *
 * Tables (xa-page-table.c) go between paragraphs: a table starts on the grid row the
 * text reached, runs in points with its header row on each page, and the text after it
 * goes on at the next grid row. A document may be turned (A4 landscape) for a wide table;
 * its pages then keep the same rules within the turned text area, the page number under
 * it as on an upright page: a ledger printed on its own is read turned, so its number
 * stands where a reader of that page looks for it.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "xa-page-layout-private.h"
#include "xa-pdf-file.h"
#include "xa-subset-fonts.h"
#include "core/util/xa-glib-compat.h"

#define CELL        (XA_TEXT_WIDTH / XA_CHARS_PER_LINE)   /* 15.79 pt */
#define PITCH       XA_LINE_PITCH                          /* 28.99 pt */
#define ASCENT      XA_CJK_ASCENT                          /* of the CJK em box */
/* The block never stands alone on a page (reference/domain.md §1.7): when it does not fit
 * under the text, at least this many lines of text go over to its page with it. */
#define SIGNATURE_KEEP_LINES 2

static const Geometry portrait = {
  XA_PAGE_WIDTH, XA_PAGE_HEIGHT, XA_TEXT_LEFT, XA_TEXT_TOP, XA_TEXT_WIDTH, XA_TEXT_HEIGHT,
  XA_LINES_PER_PAGE,
};

static const Geometry landscape = {
  XA_PAGE_HEIGHT, XA_PAGE_WIDTH, XA_LANDSCAPE_TEXT_LEFT, XA_LANDSCAPE_TEXT_TOP, XA_TEXT_HEIGHT,
  XA_TEXT_WIDTH, XA_LANDSCAPE_LINES,
};


G_DEFINE_FINAL_TYPE (XaPageLayout, xa_page_layout, G_TYPE_OBJECT)

static void
paragraph_clear (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->lead);
  g_free (paragraph->text);
  g_clear_pointer (&paragraph->attrs, pango_attr_list_unref);
  g_clear_pointer (&paragraph->table, xa_page_table_free);
  g_clear_pointer (&paragraph->chart, xa_chart_unref);
}

static void
placed_line_clear (gpointer data)
{
  PlacedLine *line = data;

  g_clear_object (&line->layout);
}

static PangoFontDescription *
font_for_role (XaPageLayout *self,
               XaFontRole    role,
               double        size)
{
  PangoFontDescription *desc = pango_font_description_new ();
  const char *family = xa_font_resolver_get_family (self->fonts, role);

  pango_font_description_set_family (desc, family ? family : "Serif");
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (xa_font_resolver_get_bold (self->fonts, role))
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);

  return desc;
}

static PangoLayout *
new_layout (XaPageLayout *self,
            XaFontRole    role,
            double        size,
            const char   *text)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = font_for_role (self, role, size);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Full-width text on the grid: 16 pt glyphs tightened by about 0.21 pt make 28 to the
 * line, so the text area is "撑满" as the standard asks. */
static void
apply_grid_spacing (PangoLayout *layout,
                    double       size)
{
  g_autoptr(PangoAttrList) attrs = pango_layout_get_attributes (layout)
                                   ? pango_attr_list_copy (pango_layout_get_attributes (layout))
                                   : pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) ((CELL - size) * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
}

static PangoLayout *
layout_paragraph (XaPageLayout    *self,
                  const Paragraph *paragraph)
{
  g_autofree char *joined = g_strconcat (paragraph->lead ? paragraph->lead : "",
                                         paragraph->text ? paragraph->text : "", NULL);
  g_autoptr(PangoAttrList) attrs = NULL;
  XaFontRole role = XA_FONT_ROLE_FANGSONG;
  PangoLayout *layout;

  if (paragraph->kind == XA_PARAGRAPH_HEADING_1)
    role = XA_FONT_ROLE_HEITI;
  else if (paragraph->kind == XA_PARAGRAPH_SUBTITLE)
    role = XA_FONT_ROLE_KAITI;

  layout = new_layout (self, role, XA_BODY_SIZE, joined);

  /* The styles of marked-up text, moved past the lead, under the grid spacing that
   * apply_grid_spacing() adds over the whole paragraph. */
  attrs = pango_attr_list_new ();
  if (paragraph->attrs != NULL)
    pango_attr_list_splice (attrs, paragraph->attrs,
                            paragraph->lead ? strlen (paragraph->lead) : 0,
                            paragraph->text ? strlen (paragraph->text) : 0);

  if (paragraph->kind == XA_PARAGRAPH_HEADING_2 && paragraph->lead != NULL)
    {
      g_autoptr(PangoFontDescription) kaiti = font_for_role (self, XA_FONT_ROLE_KAITI, XA_BODY_SIZE);
      PangoAttribute *attr = pango_attr_font_desc_new (kaiti);

      attr->start_index = 0;
      attr->end_index = strlen (paragraph->lead);
      pango_attr_list_insert (attrs, attr);
    }

  pango_layout_set_attributes (layout, attrs);
  apply_grid_spacing (layout, XA_BODY_SIZE);
  /* A hair of slack so that rounding never pushes the 28th character to the next line. */
  pango_layout_set_width (layout, (int) ((self->geometry->text_width + 0.5) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (paragraph->kind == XA_PARAGRAPH_SUBTITLE)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else
    pango_layout_set_justify (layout, TRUE);

  if (paragraph->kind != XA_PARAGRAPH_FLUSH && paragraph->kind != XA_PARAGRAPH_SUBTITLE)
    pango_layout_set_indent (layout, (int) (2 * CELL * PANGO_SCALE));

  return layout;
}

/* A multi-line title is set with lines of about equal length (the 梯形 or 菱形 of
 * GB/T 9704 7.3.1) instead of a full first line and a short last one. Pango breaks
 * Chinese anywhere, so a title that must break between words carries its own "\n". */
static PangoLayout *
layout_title (XaPageLayout *self,
              const char   *text)
{
  PangoLayout *layout = new_layout (self, XA_FONT_ROLE_XIAOBIAOSONG, XA_TITLE_SIZE, text);
  int natural = 0;
  int n_lines;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_size (layout, &natural, NULL);
  pango_layout_set_width (layout, (int) (self->geometry->text_width * PANGO_SCALE));
  n_lines = pango_layout_get_line_count (layout);

  /* A title with line breaks of its own is set as its author broke it. */
  if (n_lines > 1 && strchr (text, '\n') == NULL)
    {
      int width = natural / n_lines;

      do
        {
          width += XA_TITLE_SIZE * PANGO_SCALE / 2;
          pango_layout_set_width (layout, MIN (width, (int) (self->geometry->text_width * PANGO_SCALE)));
        }
      while (pango_layout_get_line_count (layout) > n_lines);
    }

  return layout;
}

/* A heading is never the last line of its page: when the text under it starts a new
 * page, the heading's lines go over with it. A page of headings alone keeps them. */
static void
carry_headings_over (XaPageLayout *self,
                     guint        *page,
                     guint        *row)
{
  GArray *lines = self->lines;
  guint n = 0;
  guint on_page = 0;

  for (guint i = lines->len; i > 0 && g_array_index (lines, PlacedLine, i - 1).page == *page; i--)
    on_page++;

  while (n < on_page && g_array_index (lines, PlacedLine, lines->len - 1 - n).keep_with_next)
    n++;

  if (n == 0 || n == on_page)
    return;

  (*page)++;
  for (guint i = 0; i < n; i++)
    {
      PlacedLine *line = &g_array_index (lines, PlacedLine, lines->len - n + i);

      line->page = *page;
      line->row = i;
    }
  *row = n;
}

static void
place_lines (XaPageLayout *self,
             PangoLayout  *layout,
             double        size,
             gboolean      keep_with_next,
             guint        *page,
             guint        *row)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  /* A balanced title is narrower than the text area: centre the layout itself too. */
  double shift = (self->geometry->text_width - (double) pango_layout_get_width (layout) / PANGO_SCALE) / 2;
  int index = 0;

  if (pango_layout_get_alignment (layout) != PANGO_ALIGN_CENTER)
    shift = 0;

  /* The iterator knows where each line starts within the layout: the first line's
   * indent, and the offset of a centred line. */
  do
    {
      PangoRectangle logical;
      PlacedLine placed = { g_object_ref (layout), index++, 0, 0, size, 0, keep_with_next };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      placed.x = shift + (double) logical.x / PANGO_SCALE;

      if (*row >= self->geometry->lines && index == 1 && !keep_with_next)
        carry_headings_over (self, page, row);
      if (*row >= self->geometry->lines)
        {
          (*page)++;
          *row = 0;
        }

      placed.page = *page;
      placed.row = (*row)++;
      g_array_append_val (self->lines, placed);
    }
  while (pango_layout_iter_next_line (iter));
}

/* Sets the document in subsets of its fonts that hold just its characters: the PDF
 * then embeds a small font, quickly (see xa-subset-fonts.c). Without them it falls back
 * to the system's whole fonts, which look the same. */
static void
ensure_fonts (XaPageLayout *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->font_map_given)
    return;

  text = xa_page_layout_dup_characters (self);
  if (self->subset != NULL && xa_subset_fonts_covers (self->subset, text))
    return;

  g_clear_object (&self->subset);
  self->subset = xa_subset_fonts_new (self->fonts, text, &error);

  if (self->subset == NULL)
    {
      g_warning ("Setting the document in the whole fonts: %s", error->message);
      pango_context_set_font_map (self->context, pango_cairo_font_map_get_default ());
      return;
    }

  pango_context_set_font_map (self->context, xa_subset_fonts_get_font_map (self->subset));
}

/* How many of the last lines go over to the next page with the signature block: two at
 * least, more rather than leave one line of a paragraph behind (an orphan) or a heading
 * at the foot of the page; only lines of the last page, and no more than fit above the
 * block. */
static guint
count_lines_to_carry (XaPageLayout *self,
                      guint         block_rows)
{
  GArray *lines = self->lines;
  guint last_page;
  guint n = MIN (SIGNATURE_KEEP_LINES, lines->len);

  if (lines->len == 0)
    return 0;

  last_page = g_array_index (lines, PlacedLine, lines->len - 1).page;

  while (n < lines->len && n + block_rows < self->geometry->lines)
    {
      const PlacedLine *first = &g_array_index (lines, PlacedLine, lines->len - n);
      const PlacedLine *before = &g_array_index (lines, PlacedLine, lines->len - n - 1);
      const PlacedLine *two_before = n + 2 <= lines->len
                                     ? &g_array_index (lines, PlacedLine, lines->len - n - 2) : NULL;
      gboolean orphan;

      if (before->page != last_page)
        break;

      /* The line before would be the only line of its paragraph left on the page. */
      orphan = before->layout == first->layout &&
               (two_before == NULL || two_before->layout != before->layout ||
                two_before->page != before->page);

      if (!orphan && !before->keep_with_next)
        break;
      n++;
    }

  /* Lines that began on an earlier page stay there: carrying them would leave a page
   * without text. */
  while (n > 0 && g_array_index (lines, PlacedLine, lines->len - n).page != last_page)
    n--;

  return n;
}

/* A signature block's line as draw_text_at() sets it, broken where Pango breaks it at
 * @width. */
static GStrv
break_signature_text (const char *text,
                      double      width,
                      gpointer    user_data)
{
  XaPageLayout *self = user_data;
  g_autoptr(PangoLayout) layout = new_layout (self, XA_FONT_ROLE_FANGSONG, XA_BODY_SIZE, text);
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *row = g_strndup (text + line->start_index, line->length);

      g_strv_builder_add (rows, row);
    }

  return g_strv_builder_end (rows);
}

/* A table cell's text in the document's faces and language, broken at @width. */
static PangoLayout *
layout_cell (const char     *text,
             gboolean        heading,
             double          size,
             double          width,
             PangoAlignment  align,
             gpointer        user_data)
{
  XaPageLayout *self = user_data;
  PangoLayout *layout = new_layout (self, heading ? XA_FONT_ROLE_HEITI : XA_FONT_ROLE_FANGSONG, size, text);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  return layout;
}

/* A table starts on the grid row the text reached and runs in points; the text after it
 * goes on at the first grid row below its end, so that the paragraphs stay on the grid.
 * A heading right above it goes with it when it starts on the next page.
 * A table that fills its last page to the foot starts no page after it when it is @last:
 * nothing would stand on that page (a signature block finds its own). */
static void
place_table (XaPageLayout *self,
             XaPageTable  *table,
             gboolean      last,
             guint        *page,
             guint        *row)
{
  double y = *row * PITCH;
  guint start = *page;
  guint after;
  double rows;

  if (*row >= self->geometry->lines)
    {
      (*page)++;
      y = 0;
    }

  xa_page_table_place (table, layout_cell, self, self->geometry->text_width,
                       self->geometry->text_height, page, &y);
  /* Its header and first row went to the next page: a heading right above goes too. */
  if (xa_page_table_get_first_page (table) > start && (after = _xa_page_layout_carry_headings (self, start, *row, 2)) > 0)
    {
      *page = start + 1;
      y = after * PITCH;
      xa_page_table_place (table, layout_cell, self, self->geometry->text_width,
                           self->geometry->text_height, page, &y);
    }

  rows = ceil (y / PITCH - 1e-6);
  *row = (guint) MAX (rows, 0);
  if (last)
    *row = MIN (*row, self->geometry->lines);
  else if (*row >= self->geometry->lines)
    {
      (*page)++;
      *row = 0;
    }
}

static void
ensure_layout (XaPageLayout *self)
{
  guint page = 0;
  /* The copy label takes the first row of the first page, where GB/T 9704 7.2.1 puts
   * the 份号. */
  guint row = self->copy_label != NULL ? 1 : 0;
  gboolean ends_with_table = FALSE;

  if (self->laid_out)
    return;

  ensure_fonts (self);

  g_array_set_size (self->lines, 0);
  if (self->signature != NULL)
    xa_signature_block_break_lines (self->signature, self->geometry->text_width, break_signature_text, self);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);
      g_autoptr(PangoLayout) layout = NULL;

      const Paragraph *next = i + 1 < self->paragraphs->len
                              ? &g_array_index (self->paragraphs, Paragraph, i + 1) : NULL;

      if (paragraph->table != NULL)
        {
          place_table (self, paragraph->table, next == NULL, &page, &row);
          ends_with_table = TRUE;
          continue;
        }
      if (paragraph->chart != NULL)
        {
          _xa_page_layout_place_chart (self, (Paragraph *) paragraph, &page, &row);
          ends_with_table = TRUE;
          continue;
        }

      ends_with_table = FALSE;
      if (paragraph->kind == XA_PARAGRAPH_TITLE)
        {
          layout = layout_title (self, paragraph->text);
          place_lines (self, layout, XA_TITLE_SIZE, TRUE, &page, &row);
          /* One blank line between the title and what follows; a subtitle goes right
           * under the title and takes the blank line after itself. */
          if (row < self->geometry->lines && (next == NULL || next->kind != XA_PARAGRAPH_SUBTITLE))
            row++;
        }
      else
        {
          layout = layout_paragraph (self, paragraph);
          place_lines (self, layout, XA_BODY_SIZE,
                       paragraph->kind == XA_PARAGRAPH_HEADING_1 || paragraph->kind == XA_PARAGRAPH_SUBTITLE,
                       &page, &row);
          if (paragraph->kind == XA_PARAGRAPH_SUBTITLE && row < self->geometry->lines &&
              (next == NULL || next->kind != XA_PARAGRAPH_SUBTITLE))
            row++;
        }
    }

  /* The block does not fit under the text: it takes the last lines of text over to the
   * next page, each on its grid row as before, so that every page keeps the 22-line grid
   * (never a tighter pitch) and the block still stands under text. */
  if (self->signature != NULL &&
      row + xa_signature_block_get_first_rows (self->signature) > self->geometry->lines)
    {
      /* Lines before a table are not the text above the block. */
      guint n = ends_with_table ? 0 : count_lines_to_carry (self, xa_signature_block_get_first_rows (self->signature));
      guint first_row = n > 0 ? g_array_index (self->lines, PlacedLine, self->lines->len - n).row : 0;

      for (guint i = self->lines->len - n; i < self->lines->len; i++)
        {
          PlacedLine *line = &g_array_index (self->lines, PlacedLine, i);

          line->page = page + 1;
          line->row -= first_row;
        }

      page++;
      row = n > 0 ? g_array_index (self->lines, PlacedLine, self->lines->len - 1).row + 1 : 0;
    }

  self->n_pages = page + 1;
  if (self->signature != NULL)
    {
      xa_signature_block_place (self->signature, page, row, self->geometry->lines, self->geometry->text_width);
      self->n_pages = xa_signature_block_get_last_page (self->signature) + 1;
    }
  self->laid_out = TRUE;
}

static double
row_top (XaPageLayout *self,
         double        row)
{
  return self->geometry->text_top + row * PITCH;
}

/* Every row of every page is on the 22-line grid: a line is centred in its row. */
static double
baseline_in_row (XaPageLayout *self,
                 double        row,
                 double        size)
{
  return row_top (self, row) + (PITCH - size) / 2 + ASCENT * size;
}

static void
draw_text_at (XaPageLayout   *self,
              cairo_t        *cr,
              const char     *text,
              XaFontRole      role,
              double          size,
              double          x,
              double          baseline,
              PangoAlignment  align,
              double          width)
{
  g_autoptr(PangoLayout) layout = new_layout (self, role, size, text);
  PangoLayoutLine *line;
  PangoRectangle logical;
  double left = x;

  line = pango_layout_get_line_readonly (layout, 0);
  pango_layout_line_get_extents (line, NULL, &logical);

  if (align == PANGO_ALIGN_CENTER)
    left = x + (width - (double) logical.width / PANGO_SCALE) / 2;
  else if (align == PANGO_ALIGN_RIGHT)
    left = x + width - (double) logical.width / PANGO_SCALE;

  /* A party's name longer than its half of the page (重庆市大渡口区教育委员会（盖章）)
   * leans into the middle rather than out of the text area. */
  left = CLAMP (left, self->geometry->text_left,
                MAX (self->geometry->text_left, self->geometry->text_left + self->geometry->text_width - (double) logical.width / PANGO_SCALE));

  cairo_move_to (cr, left, baseline);
  pango_cairo_show_layout_line (cr, line);
}

static void
draw_page_number (XaPageLayout *self,
                  cairo_t      *cr,
                  guint         page)
{
  g_autofree char *text = g_strdup_printf ("— %u —", page + 1);
  /* 7 mm under the text area; odd pages right, even pages left, one character in. */
  double top = self->geometry->text_top + self->geometry->text_height + 7 * 72 / 25.4;
  double baseline = top + ASCENT * XA_PAGE_NUMBER_SIZE;
  double inset = XA_PAGE_NUMBER_SIZE;

  if ((page + 1) % 2 == 1)
    draw_text_at (self, cr, text, XA_FONT_ROLE_FANGSONG, XA_PAGE_NUMBER_SIZE,
                  self->geometry->text_left, baseline, PANGO_ALIGN_RIGHT, self->geometry->text_width - inset);
  else
    draw_text_at (self, cr, text, XA_FONT_ROLE_FANGSONG, XA_PAGE_NUMBER_SIZE,
                  self->geometry->text_left + inset, baseline, PANGO_ALIGN_LEFT, 0);
}

/* The copy label where GB/T 9704 7.2.1 puts the 份号: flush left on the first row of the
 * first page's text area, in 3号黑体 like the other marks of that place (7.2.2). */
static void
draw_copy_label (XaPageLayout *self,
                 cairo_t      *cr)
{
  draw_text_at (self, cr, self->copy_label, XA_FONT_ROLE_HEITI, XA_BODY_SIZE,
                self->geometry->text_left, baseline_in_row (self, 0, XA_BODY_SIZE), PANGO_ALIGN_LEFT, 0);
}

/* Never a drawn seal: a dashed circle that shows where the unit's seal goes. */
static void
draw_seal_zone (cairo_t *cr,
                double   centre_x,
                double   centre_y)
{
  double dashes[] = { 4.0, 3.0 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_new_path (cr);
  cairo_arc (cr, centre_x, centre_y, XA_SEAL_DIAMETER / 2, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The unit's own seal image, never one of ours: scaled to the 42 mm of a seal, its
 * aspect kept, centred where the dashed zone would be, and laid over the text as ink on
 * paper is (multiplied: red over black stays black, over white stays red). */
static void
draw_seal_image (cairo_t         *cr,
                 cairo_surface_t *image,
                 double           centre_x,
                 double           centre_y)
{
  double width = cairo_image_surface_get_width (image);
  double height = cairo_image_surface_get_height (image);
  double scale = XA_SEAL_DIAMETER / MAX (width, height);

  cairo_save (cr);
  cairo_translate (cr, centre_x - width * scale / 2, centre_y - height * scale / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static double
text_advance (XaPageLayout *self,
              const char   *text)
{
  g_autoptr(PangoLayout) layout = new_layout (self, XA_FONT_ROLE_FANGSONG, XA_BODY_SIZE, text);
  PangoRectangle logical;

  pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, 0), NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* A line to sign with the signature after it: the two set together as the line alone
 * would be (centred, or from its left), the signature as high as the rows it may take
 * and no wider than what is left of the party's column. */
static void
draw_signed_line (XaPageLayout           *self,
                  cairo_t                *cr,
                  const XaSignaturePiece *piece,
                  double                  x)
{
  double gap = XA_BODY_SIZE / 4;
  double label = text_advance (self, piece->text);
  double image_width = cairo_image_surface_get_width (piece->image);
  double image_height = cairo_image_surface_get_height (piece->image);
  double height = piece->image_rows * PITCH;
  double width = height * image_width / image_height;
  double room = MIN (x + piece->width, self->geometry->text_left + self->geometry->text_width) - x - label - gap;
  double left = x;
  double centre_y = row_top (self, piece->row + 0.5);
  double scale;

  if (width > room)
    {
      width = MAX (room, 0);
      height = width * image_height / image_width;
    }
  if (piece->kind == XA_SIGNATURE_PIECE_TEXT_CENTRED)
    left = x + MAX (0, (piece->width - (label + gap + width)) / 2);

  draw_text_at (self, cr, piece->text, XA_FONT_ROLE_FANGSONG, XA_BODY_SIZE, left,
                baseline_in_row (self, piece->row, XA_BODY_SIZE), PANGO_ALIGN_LEFT, 0);
  if (width <= 0)
    return;

  scale = width / image_width;
  cairo_save (cr);
  cairo_translate (cr, left + label + gap, centre_y - height / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_operator (cr, CAIRO_OPERATOR_MULTIPLY);
  cairo_set_source_surface (cr, piece->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, image_width, image_height);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_signature (XaPageLayout *self,
                cairo_t      *cr,
                guint         page)
{
  const GArray *pieces = xa_signature_block_get_pieces (self->signature);

  /* The texts first, then the seals over them, as a seal is stamped on what is printed. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < pieces->len; i++)
      {
        const XaSignaturePiece *piece = &g_array_index (pieces, XaSignaturePiece, i);
        double x = self->geometry->text_left + piece->x;
        gboolean seal = piece->kind == XA_SIGNATURE_PIECE_SEAL;

        if (piece->page != page || (pass == 1) != seal)
          continue;

        if (seal && piece->image != NULL)
          draw_seal_image (cr, piece->image, x + piece->width / 2, row_top (self, piece->row + 0.5));
        else if (seal)
          draw_seal_zone (cr, x + piece->width / 2, row_top (self, piece->row + 0.5));
        else if (piece->image != NULL)
          draw_signed_line (self, cr, piece, x);
        else
          draw_text_at (self, cr, piece->text, XA_FONT_ROLE_FANGSONG, XA_BODY_SIZE, x,
                        baseline_in_row (self, piece->row, XA_BODY_SIZE),
                        piece->kind == XA_SIGNATURE_PIECE_TEXT_CENTRED ? PANGO_ALIGN_CENTER
                                                                        : PANGO_ALIGN_LEFT,
                        piece->width);
      }
}

static void
draw_table (XaPageLayout *self,
            cairo_t      *cr,
            XaPageTable  *table,
            guint         page)
{
  const GArray *pieces = xa_page_table_get_pieces (table);
  double left = self->geometry->text_left;
  double top = self->geometry->text_top;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  for (guint i = 0; i < pieces->len; i++)
    {
      const XaTablePiece *piece = &g_array_index (pieces, XaTablePiece, i);

      if (piece->page != page)
        continue;

      if (piece->kind == XA_TABLE_PIECE_TEXT)
        {
          cairo_move_to (cr, left + piece->x, top + piece->y);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (piece->layout, piece->line_index));
        }
      else
        {
          cairo_new_path (cr);
          cairo_set_line_width (cr, piece->line_width);
          cairo_move_to (cr, left + piece->x, top + piece->y);
          cairo_line_to (cr, left + piece->x2, top + piece->y2);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}

static void
xa_page_layout_finalize (GObject *object)
{
  XaPageLayout *self = (XaPageLayout *) object;

  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->subset);
  g_clear_object (&self->fonts);
  g_clear_pointer (&self->signature, xa_signature_block_free);
  g_clear_pointer (&self->copy_label, g_free);
  xa_page_layout_set_page_mark (self, NULL, NULL, NULL);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->keywords, g_free);

  G_OBJECT_CLASS (xa_page_layout_parent_class)->finalize (object);
}

static void
xa_page_layout_class_init (XaPageLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_page_layout_finalize;
}

static void
xa_page_layout_init (XaPageLayout *self)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *options = cairo_font_options_create ();

  self->geometry = &portrait;
  self->paragraphs = g_array_new (FALSE, TRUE, sizeof (Paragraph));
  g_array_set_clear_func (self->paragraphs, paragraph_clear);
  self->lines = g_array_new (FALSE, TRUE, sizeof (PlacedLine));
  g_array_set_clear_func (self->lines, placed_line_clear);

  /* 72 dpi without hinting: layout units are PDF points and metrics are the outlines'. */
  self->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  /* Without zh-CN, CJK fonts fall back to Japanese glyph shapes. */
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
}

/**
 * xa_page_layout_new:
 * @fonts: the typefaces to set the document in
 *
 * Returns: (transfer full): an empty document
 */
XaPageLayout *
xa_page_layout_new (XaFontResolver *fonts)
{
  XaPageLayout *self;

  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  self = g_object_new (XA_TYPE_PAGE_LAYOUT, NULL);
  self->fonts = g_object_ref (fonts);
  return self;
}

/**
 * xa_page_layout_add_paragraph:
 * @lead: (nullable): for %XA_PARAGRAPH_HEADING_2, the heading set in 楷体 (“（一）加强…。”)
 * @text: the paragraph's text
 */
void
xa_page_layout_add_paragraph (XaPageLayout    *self,
                              XaParagraphKind  kind,
                              const char      *lead,
                              const char      *text)
{
  Paragraph paragraph = { kind, g_strdup (lead), g_strdup (text), NULL };

  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  g_array_append_val (self->paragraphs, paragraph);
  self->laid_out = FALSE;
}

/**
 * xa_page_layout_add_table:
 * @table: (transfer full): a table, set after what was added before it
 *
 * The table takes the text area's width, its header row repeated on every page it runs
 * onto (see xa-page-table.c); what is added after it starts on the grid row below it.
 */
void
xa_page_layout_add_table (XaPageLayout *self,
                          XaPageTable  *table)
{
  Paragraph paragraph = { XA_PARAGRAPH_FLUSH, NULL, NULL, NULL, table };

  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));
  g_return_if_fail (table != NULL);

  g_array_append_val (self->paragraphs, paragraph);
  self->laid_out = FALSE;
}

/**
 * xa_page_layout_set_orientation:
 *
 * Turns every page of the document: %XA_PAGE_LANDSCAPE for a wide table such as a
 * ledger, on A4 paper turned as GB/T 9704 turns it (see %XA_LANDSCAPE_TEXT_LEFT).
 */
void
xa_page_layout_set_orientation (XaPageLayout      *self,
                                XaPageOrientation  orientation)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  self->geometry = orientation == XA_PAGE_LANDSCAPE ? &landscape : &portrait;
  self->laid_out = FALSE;
}

/**
 * xa_page_layout_get_page_size:
 * @width: (out): the page's width in points
 * @height: (out): its height
 *
 * The size of every page of the document: A4, upright or turned.
 */
void
xa_page_layout_get_page_size (XaPageLayout *self,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  *width = self->geometry->width;
  *height = self->geometry->height;
}

/**
 * xa_page_layout_add_markup:
 * @kind: any kind but %XA_PARAGRAPH_TITLE, which is set in plain text
 * @markup: the paragraph in Pango markup, such as “杜绝<u>重大</u>火灾事故”
 *
 * A paragraph with styled runs: underlined, struck through or coloured text, set on the
 * grid like any other paragraph of its @kind. The markup is parsed here, once; its text
 * is what xa_page_layout_dup_characters() counts, so the fonts' subsets hold it.
 */
void
xa_page_layout_add_markup (XaPageLayout    *self,
                           XaParagraphKind  kind,
                           const char      *markup)
{
  g_autoptr(GError) error = NULL;
  Paragraph paragraph = { kind, NULL, NULL, NULL };

  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));
  g_return_if_fail (kind != XA_PARAGRAPH_TITLE);
  g_return_if_fail (markup != NULL);

  if (!pango_parse_markup (markup, -1, 0, &paragraph.attrs, &paragraph.text, NULL, &error))
    {
      g_critical ("Invalid paragraph markup “%s”: %s", markup, error->message);
      return;
    }

  g_array_append_val (self->paragraphs, paragraph);
  self->laid_out = FALSE;
}

/**
 * xa_page_layout_set_signature:
 * @block: (transfer full) (nullable): the parties' signature block under the last
 *   paragraph, or %NULL for none
 */
void
xa_page_layout_set_signature (XaPageLayout     *self,
                              XaSignatureBlock *block)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  g_clear_pointer (&self->signature, xa_signature_block_free);
  self->signature = block;
  self->laid_out = FALSE;
}

/**
 * xa_page_layout_set_copy_label:
 * @label: (nullable): which original this is, such as 区教委存, set at the top left of
 *   the first page (the 份号 place of GB/T 9704 7.2.1); it takes the first row there
 */
void
xa_page_layout_set_copy_label (XaPageLayout *self,
                               const char   *label)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  if (g_set_str_compat (&self->copy_label, label))
    self->laid_out = FALSE;
}

void
xa_page_layout_set_metadata (XaPageLayout *self,
                             const char   *title,
                             const char   *author,
                             const char   *subject)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  self->title = g_strdup (title);
  self->author = g_strdup (author);
  self->subject = g_strdup (subject);
}

static void
append_characters (GHashTable *seen,
                   GString    *out,
                   const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        {
          g_hash_table_add (seen, GUINT_TO_POINTER (c));
          g_string_append_unichar (out, c);
        }
    }
}

typedef struct
{
  GHashTable *seen;
  GString    *out;
} Characters;

static void
append_text_characters (gpointer text,
                        gpointer user_data)
{
  Characters *characters = user_data;

  append_characters (characters->seen, characters->out, text);
}

/**
 * xa_page_layout_dup_characters:
 *
 * Every character the document will draw, once each: what its fonts must hold.
 *
 * Returns: (transfer full): the characters as UTF-8
 */
char *
xa_page_layout_dup_characters (XaPageLayout *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), NULL);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);

      append_characters (seen, out, paragraph->lead);
      append_characters (seen, out, paragraph->text);
    }

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);
      Characters characters = { seen, out };

      if (paragraph->table != NULL)
        xa_page_table_foreach_text (paragraph->table, append_text_characters, &characters);
      if (paragraph->chart != NULL)
        {
          g_autofree char *text = xa_chart_dup_text (paragraph->chart);

          append_characters (seen, out, text);
        }
    }

  if (self->signature != NULL)
    {
      Characters characters = { seen, out };

      xa_signature_block_foreach_text (self->signature, append_text_characters, &characters);
    }

  append_characters (seen, out, self->copy_label);
  /* Page numbers: "— 12 —". */
  append_characters (seen, out, "— 0123456789");

  return g_string_free (out, FALSE);
}

/**
 * xa_page_layout_set_font_map:
 * @font_map: a font map for the document's fonts, such as one of
 *   xa_subset_fonts_get_font_map() made for many documents at once
 *
 * Sets the document in @font_map instead of subsets made for it alone: a batch makes
 * one set of subsets for all its documents, so that a PDF holding many of them embeds
 * each font once.
 */
void
xa_page_layout_set_font_map (XaPageLayout *self,
                             PangoFontMap *font_map)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));
  g_return_if_fail (PANGO_IS_FONT_MAP (font_map));

  g_clear_object (&self->subset);
  self->font_map_given = TRUE;
  pango_context_set_font_map (self->context, font_map);
  self->laid_out = FALSE;
}

guint
xa_page_layout_get_n_pages (XaPageLayout *self)
{
  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), 0);

  ensure_layout (self);
  return self->n_pages;
}

/**
 * xa_page_layout_draw_page:
 * @cr: a context whose user space is PDF points on an A4 page
 * @page: the page, from 0
 *
 * Draws one page: for the PDF, the preview and the printer alike.
 */
void
xa_page_layout_draw_page (XaPageLayout *self,
                          cairo_t      *cr,
                          guint         page)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  ensure_layout (self);
  g_return_if_fail (page < self->n_pages);

  if (self->subset != NULL)
    xa_subset_fonts_keep_for_surface (self->subset, cairo_get_target (cr));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const PlacedLine *placed = &g_array_index (self->lines, PlacedLine, i);
      PangoLayoutLine *line;

      if (placed->page != page)
        continue;

      line = pango_layout_get_line_readonly (placed->layout, placed->line_index);
      cairo_move_to (cr, self->geometry->text_left + placed->x,
                     baseline_in_row (self, placed->row, placed->size));
      pango_cairo_show_layout_line (cr, line);
    }

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);

      if (paragraph->table != NULL)
        draw_table (self, cr, paragraph->table, page);
    }

  _xa_page_layout_draw_charts (self, cr, page);

  if (self->signature != NULL)
    draw_signature (self, cr, page);

  if (self->copy_label != NULL && page == 0)
    draw_copy_label (self, cr);

  draw_page_number (self, cr, page);
  cairo_restore (cr);

  if (self->mark_func != NULL)
    {
      cairo_save (cr);
      self->mark_func (self, cr, page, self->mark_data);
      cairo_restore (cr);
    }
}

/**
 * xa_page_layout_set_keywords:
 * @keywords: (nullable): the PDF's keywords, such as the audit chain's head
 */
void
xa_page_layout_set_keywords (XaPageLayout *self,
                             const char   *keywords)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  g_set_str_compat (&self->keywords, keywords);
}
