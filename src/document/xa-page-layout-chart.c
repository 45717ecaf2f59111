/* xa-page-layout-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts as blocks of a document (xa-chart.h): a chart takes the text area's width and
 * a height in whole rows of the grid, starts on the row the text reached or at the top
 * of the next page when it does not fit there, and is drawn with the document's Pango
 * context, so that its labels are set in the document's font subsets like its text.
 * A heading right above a chart (or a table) that goes to the next page goes with it.
 */

#include "config.h"

#include <math.h>

#include "xa-page-layout-private.h"

static double
pitch_of (XaPageLayout *self)
{
  return self->geometry->text_height / self->geometry->lines;
}

/* How many grid rows the chart takes: its height, at most the text area's. */
static guint
chart_rows (XaPageLayout    *self,
            const Paragraph *paragraph)
{
  guint rows = (guint) ceil (paragraph->chart_height / pitch_of (self) - 1e-6);

  return CLAMP (rows, 1, self->geometry->lines);
}

/**
 * _xa_page_layout_carry_headings:
 * @rows_after: the grid rows the block after the headings needs on the next page
 *
 * The headings right above @row on @page (keep_with_next lines, with nothing between
 * them and @row) go over to the top of the next page with the block that follows them,
 * unless they and @rows_after would not fit there together.
 *
 * Returns: the row after the headings on the next page: 0 when none went over
 */
guint
_xa_page_layout_carry_headings (XaPageLayout *self,
                                guint         page,
                                guint         row,
                                guint         rows_after)
{
  guint carried = 0;
  guint first_row;

  while (carried < self->lines->len)
    {
      const PlacedLine *line = &g_array_index (self->lines, PlacedLine, self->lines->len - 1 - carried);

      /* Only the lines right above: a chart or a table between them holds no line. */
      if (line->page != page || !line->keep_with_next || line->row + 1 + carried != row)
        break;
      carried++;
    }
  if (carried == 0)
    return 0;

  first_row = g_array_index (self->lines, PlacedLine, self->lines->len - carried).row;
  if (row - first_row + rows_after > self->geometry->lines || first_row == 0)
    return 0;
  for (guint i = self->lines->len - carried; i < self->lines->len; i++)
    {
      PlacedLine *line = &g_array_index (self->lines, PlacedLine, i);

      line->page = page + 1;
      line->row -= first_row;
    }
  return row - first_row;
}

void
_xa_page_layout_place_chart (XaPageLayout *self,
                             Paragraph    *paragraph,
                             guint        *page,
                             guint        *row)
{
  guint rows = chart_rows (self, paragraph);

  if (*row + rows > self->geometry->lines)
    {
      /* A heading right above the chart goes over with it, on its grid rows. */
      guint after = _xa_page_layout_carry_headings (self, *page, *row, rows);

      (*page)++;
      *row = after;
    }

  paragraph->chart_page = *page;
  paragraph->chart_row = *row;
  *row += rows;
}

void
_xa_page_layout_draw_charts (XaPageLayout *self,
                             cairo_t      *cr,
                             guint         page)
{
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);
      double height;

      if (paragraph->chart == NULL || paragraph->chart_page != page)
        continue;

      height = MIN (paragraph->chart_height, self->geometry->text_height);
      cairo_save (cr);
      xa_chart_draw (paragraph->chart, cr, self->context, self->fonts,
                     self->geometry->text_left,
                     self->geometry->text_top + paragraph->chart_row * pitch_of (self),
                     self->geometry->text_width, height);
      cairo_restore (cr);
    }
}

/**
 * xa_page_layout_add_chart:
 * @chart: the chart, drawn in points (its font size 9 by default, 小五)
 * @height: its height in points; 0 for its natural height at the text area's width.
 *   Rounded up to whole rows of the grid, at most a page's text area
 *
 * Adds a chart across the text area, on a new page when it does not fit under what came
 * before it; what is added after it goes on at the grid row below it. A row chart with
 * more categories than its height holds draws the first and counts the rest: page it
 * with xa_chart_slice() (xa_page_layout_get_text_size() gives the room).
 */
void
xa_page_layout_add_chart (XaPageLayout *self,
                          XaChart      *chart,
                          double        height)
{
  Paragraph paragraph = { XA_PARAGRAPH_FLUSH, NULL, NULL, NULL, NULL };

  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));
  g_return_if_fail (chart != NULL);

  if (height <= 0)
    height = xa_chart_get_natural_height (chart, self->geometry->text_width);

  paragraph.chart = xa_chart_ref (chart);
  paragraph.chart_height = MIN (height, self->geometry->text_height);
  g_array_append_val (self->paragraphs, paragraph);
  self->laid_out = FALSE;
}

/**
 * xa_page_layout_get_text_size:
 * @width: (out): the text area's width in points
 * @height: (out): its height
 *
 * The text area of the layout's orientation: what a chart or a table can take.
 */
void
xa_page_layout_get_text_size (XaPageLayout *self,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  if (width != NULL)
    *width = self->geometry->text_width;
  if (height != NULL)
    *height = self->geometry->text_height;
}
