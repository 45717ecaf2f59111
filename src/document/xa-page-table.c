/* xa-page-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ruled table in the page layout: a ledger (台账) of many rows, or the facts of a
 * notice set as a form. The columns share the text area's width by their weights, so a
 * table always fits its form; each cell's text is broken by Pango at its column's width,
 * with the Chinese rules the rest of the document follows, and never cut: a row is as
 * tall as its tallest cell.
 *
 * Pages: the header row is repeated at the top of every page the table runs onto. A row
 * that fits on a page is never split; one taller than a whole page is split between two
 * lines of text, each cell going on where it stopped, so that every line is printed once.
 * The foot (填表人, 分管领导, 学校（盖章）…) stays under the last row.
 *
 * Like the signature block, the table only places: pieces of text and rules in points
 * from the text area's corner, on pages counted from where it starts. XaPageLayout makes
 * the cells' layouts (through the XaTableTextFunc, in its fonts and language) and draws.
 */

#include "config.h"

#include <math.h>

#include "xa-page-table.h"

/* A cell's lines are set at one and a half times the type size, the usual leading of a
 * printed form; the padding keeps the text off the rules. */
#define LINE_FACTOR 1.5
#define PAD_X_EM    0.3
#define PAD_Y_EM    0.3
#define RULE_WIDTH  0.5
/* A blank line's worth between the last row and the foot, which is signed by hand: its
 * type is 小四 at least. */
#define FOOT_GAP_LINES 1.0
#define FOOT_MIN_SIZE  12.0

typedef struct
{
  char         *heading;
  double        weight;
  XaTableAlign  align;
} Column;

struct _XaPageTable
{
  double     size;
  GArray    *columns;  /* of Column */
  GPtrArray *rows;     /* of GStrv: a row's cells, the last spanning the columns left */
  GStrv      foot;

  /* After placing */
  GArray    *pieces;   /* of XaTablePiece */
  GPtrArray *layouts;  /* the pieces' layouts, owned */
};

/* One row of cells, broken at the columns' widths. */
typedef struct
{
  PangoLayout *layout;
  double       x;
  double       width;
  guint        n_lines;
  GArray      *line_x;  /* of double: each line's offset, which centring moves */
} Cell;

typedef struct
{
  GArray *cells;      /* of Cell */
  guint   max_lines;
} Measured;

/* Where the placing stands, and what it needs to start a page. */
typedef struct
{
  XaPageTable *self;
  double       text_width;
  double       text_height;
  double       pitch;
  double       pad_y;
  Measured    *header;     /* NULL without headings */
  guint        page;
  double       y;
  gboolean     fresh;      /* no row under the header on this page yet */
} Placer;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_clear_pointer (&column->heading, g_free);
}

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_clear_pointer (&cell->line_x, g_array_unref);
}

static void
measured_free (Measured *measured)
{
  g_array_unref (measured->cells);
  g_free (measured);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Measured, measured_free)

/**
 * xa_page_table_new:
 * @font_size: the type size of the cells, in points (五号 10.5)
 *
 * Returns: (transfer full): a table without columns
 */
XaPageTable *
xa_page_table_new (double font_size)
{
  XaPageTable *self = g_new0 (XaPageTable, 1);

  g_return_val_if_fail (font_size > 0, NULL);

  self->size = font_size;
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (XaTablePiece));
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
xa_page_table_free (XaPageTable *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_strfreev (self->foot);
  g_array_unref (self->pieces);
  g_ptr_array_unref (self->layouts);
  g_free (self);
}

/**
 * xa_page_table_add_column:
 * @heading: (nullable): the column's heading in the header row; a table whose columns
 *   have no headings has no header row (a form of labels and values)
 * @weight: the column's width in characters of the table's type, at least: what
 *   the text area has to spare is shared out by the columns' weights
 * @align: how its cells are set
 */
void
xa_page_table_add_column (XaPageTable  *self,
                          const char   *heading,
                          double        weight,
                          XaTableAlign  align)
{
  Column column = { g_strdup (heading), weight, align };

  g_return_if_fail (self != NULL);
  g_return_if_fail (weight > 0);
  g_return_if_fail (self->rows->len == 0);

  g_array_append_val (self->columns, column);
}

/**
 * xa_page_table_add_row:
 * @cells: (array zero-terminated=1): the row's cells, one per column at most; with
 *   fewer, the last one spans the columns left (a label and its long value)
 */
void
xa_page_table_add_row (XaPageTable        *self,
                       const char * const *cells)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cells != NULL && cells[0] != NULL);
  g_return_if_fail (g_strv_length ((GStrv) cells) <= self->columns->len);

  g_ptr_array_add (self->rows, g_strdupv ((GStrv) cells));
}

/**
 * xa_page_table_set_foot:
 * @items: (array zero-terminated=1) (nullable): what is written under the table, side
 *   by side (填表人：, 分管领导（签字）：, 学校（盖章）); %NULL for nothing
 */
void
xa_page_table_set_foot (XaPageTable        *self,
                        const char * const *items)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->foot);
  self->foot = items != NULL && items[0] != NULL ? g_strdupv ((GStrv) items) : NULL;
}

guint
xa_page_table_get_n_columns (XaPageTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

guint
xa_page_table_get_n_rows (XaPageTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

/**
 * xa_page_table_foreach_text:
 * @func: called with each heading, cell and foot item, as UTF-8
 *
 * Every text the table prints: what its fonts must hold.
 */
void
xa_page_table_foreach_text (XaPageTable *self,
                            GFunc        func,
                            gpointer     user_data)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).heading != NULL)
      func (g_array_index (self->columns, Column, i).heading, user_data);

  for (guint i = 0; i < self->rows->len; i++)
    for (char **cell = g_ptr_array_index (self->rows, i); *cell != NULL; cell++)
      func (*cell, user_data);

  for (guint i = 0; self->foot != NULL && self->foot[i] != NULL; i++)
    func (self->foot[i], user_data);
}

static gboolean
has_header (XaPageTable *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).heading != NULL)
      return TRUE;

  return FALSE;
}

static Measured *
measure (XaPageTable        *self,
         const char * const *texts,
         guint               n_texts,
         gboolean            heading,
         const double       *edges,
         XaTableTextFunc     text_func,
         gpointer            user_data)
{
  Measured *measured = g_new0 (Measured, 1);
  double pad_x = PAD_X_EM * self->size;

  measured->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (measured->cells, cell_clear);

  for (guint i = 0; i < n_texts; i++)
    {
      const Column *column = &g_array_index (self->columns, Column, i);
      /* The last cell of a short row spans the columns left. */
      double right = i + 1 == n_texts ? edges[self->columns->len] : edges[i + 1];
      PangoAlignment align = heading || column->align == XA_TABLE_ALIGN_CENTRE ? PANGO_ALIGN_CENTER
                                                                                : PANGO_ALIGN_LEFT;
      const char *text = texts[i] != NULL ? texts[i] : "";
      Cell cell = { NULL, edges[i], right - edges[i], 0, g_array_new (FALSE, FALSE, sizeof (double)) };
      g_autoptr(PangoLayoutIter) iter = NULL;

      cell.layout = text_func (text, heading, self->size, MAX (cell.width - 2 * pad_x, self->size),
                               align, user_data);
      g_ptr_array_add (self->layouts, cell.layout);

      iter = pango_layout_get_iter (cell.layout);
      do
        {
          PangoRectangle logical;
          double x;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          x = (double) logical.x / PANGO_SCALE;
          g_array_append_val (cell.line_x, x);
        }
      while (pango_layout_iter_next_line (iter));

      cell.n_lines = cell.line_x->len;
      measured->max_lines = MAX (measured->max_lines, cell.n_lines);
      g_array_append_val (measured->cells, cell);
    }

  return measured;
}

static void
add_rule (XaPageTable *self,
          guint        page,
          double       x,
          double       y,
          double       x2,
          double       y2)
{
  XaTablePiece piece = { XA_TABLE_PIECE_RULE, page, x, y, x2, y2, NULL, 0, RULE_WIDTH };

  g_array_append_val (self->pieces, piece);
}

static double
height_for (Placer *placer,
            guint   n_lines)
{
  return n_lines * placer->pitch + 2 * placer->pad_y;
}

/* Places lines [from, to) of every cell of @row at the placer's height, with the rules
 * around them. A whole row centres each cell's lines in the row's height, as forms do;
 * a row split over pages keeps its lines from the top, so that they read on. */
static void
place_fragment (Placer   *placer,
                Measured *row,
                guint     from,
                guint     to,
                gboolean  whole)
{
  XaPageTable *self = placer->self;
  double size = self->size;
  double pad_x = PAD_X_EM * size;
  double top = placer->y;
  double height = height_for (placer, to - from);
  double right = 0;

  for (guint i = 0; i < row->cells->len; i++)
    {
      const Cell *cell = &g_array_index (row->cells, Cell, i);
      guint last = MIN (to, cell->n_lines);
      double offset = whole ? (height - height_for (placer, cell->n_lines)) / 2 : 0;

      for (guint line = from; line < last; line++)
        {
          XaTablePiece piece = { XA_TABLE_PIECE_TEXT, placer->page, 0, 0, 0, 0, cell->layout, line, 0 };

          piece.x = cell->x + pad_x + g_array_index (cell->line_x, double, line);
          piece.y = top + offset + placer->pad_y + (line - from) * placer->pitch +
                    (placer->pitch - size) / 2 + XA_CJK_ASCENT * size;
          g_array_append_val (self->pieces, piece);
        }

      add_rule (self, placer->page, cell->x, top, cell->x, top + height);
      right = cell->x + cell->width;
    }

  add_rule (self, placer->page, right, top, right, top + height);
  /* The header's top rule, or the last row's bottom one, closes the row above. */
  if (placer->fresh && placer->header == NULL)
    add_rule (self, placer->page, 0, top, right, top);
  add_rule (self, placer->page, 0, top + height, right, top + height);
  placer->y += height;
}

static void
place_header (Placer *placer)
{
  if (placer->header == NULL)
    return;

  add_rule (placer->self, placer->page, 0, placer->y, placer->text_width, placer->y);
  place_fragment (placer, placer->header, 0, placer->header->max_lines, TRUE);
}

static void
start_page (Placer *placer)
{
  placer->page++;
  placer->y = 0;
  placer->fresh = TRUE;
  place_header (placer);
}

static double
header_height (Placer *placer)
{
  return placer->header != NULL ? height_for (placer, placer->header->max_lines) : 0;
}

/* A row taller than a page goes on line by line, each page taking what fits under its
 * header: no line of any cell is left out or printed twice. */
static void
place_split (Placer   *placer,
             Measured *row)
{
  guint from = 0;

  while (from < row->max_lines)
    {
      double avail = placer->text_height - placer->y;
      int fit = (int) floor ((avail - 2 * placer->pad_y) / placer->pitch + 1e-6);
      guint to;

      if (fit < 1)
        {
          start_page (placer);
          continue;
        }

      to = MIN (row->max_lines, from + (guint) fit);
      place_fragment (placer, row, from, to, FALSE);
      placer->fresh = FALSE;
      from = to;
      if (from < row->max_lines)
        start_page (placer);
    }
}

static void
place_row (Placer   *placer,
           Measured *row,
           double    keep_with)
{
  double need = height_for (placer, row->max_lines) + keep_with;
  double page_room = placer->text_height - header_height (placer);

  if (need > placer->text_height - placer->y && !placer->fresh && need <= page_room)
    start_page (placer);

  if (need <= placer->text_height - placer->y)
    {
      place_fragment (placer, row, 0, row->max_lines, TRUE);
      placer->fresh = FALSE;
    }
  else
    place_split (placer, row);
}

static double
place_foot (Placer          *placer,
            const double    *edges,
            XaTableTextFunc  text_func,
            gpointer         user_data,
            gboolean         measure_only)
{
  XaPageTable *self = placer->self;
  guint n = g_strv_length (self->foot);
  double width = placer->text_width / n;
  double size = MAX (self->size, FOOT_MIN_SIZE);
  double pitch = LINE_FACTOR * size;
  double gap = FOOT_GAP_LINES * pitch;
  guint max_lines = 0;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = text_func (self->foot[i], FALSE, size, width, PANGO_ALIGN_LEFT, user_data);

      g_ptr_array_add (self->layouts, layout);
      g_ptr_array_add (layouts, layout);
      max_lines = MAX (max_lines, (guint) pango_layout_get_line_count (layout));
    }

  if (measure_only)
    return gap + max_lines * pitch;

  if (placer->y + gap + max_lines * pitch > placer->text_height)
    start_page (placer);

  placer->y += gap;
  for (guint i = 0; i < n; i++)
    for (int line = 0; line < pango_layout_get_line_count (layouts->pdata[i]); line++)
      {
        XaTablePiece piece = { XA_TABLE_PIECE_TEXT, placer->page, i * width, 0, 0, 0, layouts->pdata[i], line, 0 };

        piece.y = placer->y + line * pitch + (pitch - size) / 2 + XA_CJK_ASCENT * size;
        g_array_append_val (self->pieces, piece);
      }

  placer->y += max_lines * pitch;
  return 0;
}

/**
 * xa_page_table_place:
 * @text_func: (scope call): makes the cells' layouts
 * @text_width: the text area's width: the table's
 * @text_height: the text area's height
 * @page: (inout): the page the table starts on; on return, the page it ends on
 * @y: (inout): where it starts on that page, in points from the text area's top; on
 *   return, the height it ends at
 *
 * Places the table (again: the pieces of an earlier placing are dropped). The header
 * row and at least a line of the first row go together: when they do not fit under what
 * stands above the table, the table starts on the next page.
 */
void
xa_page_table_place (XaPageTable     *self,
                     XaTableTextFunc  text_func,
                     gpointer         user_data,
                     double           text_width,
                     double           text_height,
                     guint           *page,
                     double          *y)
{
  g_autofree double *edges = NULL;
  g_autoptr(Measured) header = NULL;
  Placer placer = { self, text_width, text_height, LINE_FACTOR * self->size, PAD_Y_EM * self->size,
                    NULL, *page, *y, TRUE };
  double total = 0;
  double natural = 0;
  double foot_height = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->columns->len > 0);

  g_array_set_size (self->pieces, 0);
  g_ptr_array_set_size (self->layouts, 0);

  /* Each column gets its characters and its padding; what the text area has left is
   * shared by the same weights, and a table wider than the text area is narrowed. */
  edges = g_new0 (double, self->columns->len + 1);
  for (guint i = 0; i < self->columns->len; i++)
    {
      total += g_array_index (self->columns, Column, i).weight;
      natural += g_array_index (self->columns, Column, i).weight * self->size + 2 * PAD_X_EM * self->size;
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      double weight = g_array_index (self->columns, Column, i).weight;
      double width = weight * self->size + 2 * PAD_X_EM * self->size;

      if (natural <= text_width)
        width += (text_width - natural) * weight / total;
      else
        width *= text_width / natural;
      edges[i + 1] = edges[i] + width;
    }

  if (has_header (self))
    {
      g_autofree const char **headings = g_new0 (const char *, self->columns->len + 1);

      for (guint i = 0; i < self->columns->len; i++)
        headings[i] = g_array_index (self->columns, Column, i).heading;
      header = measure (self, headings, self->columns->len, TRUE, edges, text_func, user_data);
      placer.header = header;
    }

  if (self->foot != NULL)
    foot_height = place_foot (&placer, edges, text_func, user_data, TRUE);

  /* The header never stands alone at the foot of a page. */
  if (placer.y > 0 && placer.y + header_height (&placer) + height_for (&placer, 1) > text_height)
    {
      placer.page++;
      placer.y = 0;
    }
  place_header (&placer);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GStrv cells = g_ptr_array_index (self->rows, i);
      g_autoptr(Measured) row = measure (self, (const char * const *) cells, g_strv_length (cells), FALSE,
                                         edges, text_func, user_data);

      place_row (&placer, row, i + 1 == self->rows->len ? foot_height : 0);
    }

  if (self->foot != NULL)
    place_foot (&placer, edges, text_func, user_data, FALSE);

  *page = placer.page;
  *y = placer.y;
}

/**
 * xa_page_table_get_pieces:
 *
 * Returns: (element-type XaTablePiece): what the last placing put on the pages
 */
const GArray *
xa_page_table_get_pieces (XaPageTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->pieces;
}

/**
 * xa_page_table_get_first_page:
 *
 * Returns: the page the last placing started the table on (%G_MAXUINT when it placed
 *   nothing)
 */
guint
xa_page_table_get_first_page (XaPageTable *self)
{
  guint first = G_MAXUINT;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  for (guint i = 0; i < self->pieces->len; i++)
    first = MIN (first, g_array_index (self->pieces, XaTablePiece, i).page);
  return first;
}
