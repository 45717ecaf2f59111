/* xa-page-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Where a CJK face's baseline sits in its em box: the page layout and its tables centre
 * a line in its row with it. */
#define XA_CJK_ASCENT 0.88

typedef enum
{
  XA_TABLE_ALIGN_LEFT,    /* running text: a description, a measure */
  XA_TABLE_ALIGN_CENTRE,  /* a short value: a date, a grade, a name */
} XaTableAlign;

/* One thing a placed table draws: a line of a cell, or a rule. Points from the text
 * area's top left corner. */
typedef enum
{
  XA_TABLE_PIECE_TEXT,  /* line @line_index of @layout, its baseline starting at (x, y) */
  XA_TABLE_PIECE_RULE,  /* a ruled line from (x, y) to (x2, y2) */
} XaTablePieceKind;

typedef struct
{
  XaTablePieceKind  kind;
  guint             page;
  double            x;
  double            y;
  double            x2;
  double            y2;
  PangoLayout      *layout;      /* owned by the table; NULL for a rule */
  int               line_index;
  double            line_width;  /* a rule's, in points */
} XaTablePiece;

typedef struct _XaPageTable XaPageTable;

/* Makes the layout of one cell's text, broken at @width points, in the document's
 * faces: 黑体 for a heading, 仿宋 for the rest. */
typedef PangoLayout *(*XaTableTextFunc) (const char     *text,
                                         gboolean        heading,
                                         double          size,
                                         double          width,
                                         PangoAlignment  align,
                                         gpointer        user_data);

XaPageTable        *xa_page_table_new          (double               font_size);
void                xa_page_table_free         (XaPageTable         *self);
void                xa_page_table_add_column   (XaPageTable         *self,
                                                const char          *heading,
                                                double               weight,
                                                XaTableAlign         align);
void                xa_page_table_add_row      (XaPageTable         *self,
                                                const char * const  *cells);
void                xa_page_table_set_foot     (XaPageTable         *self,
                                                const char * const  *items);
guint               xa_page_table_get_n_columns (XaPageTable        *self);
guint               xa_page_table_get_n_rows   (XaPageTable         *self);
void                xa_page_table_foreach_text (XaPageTable         *self,
                                                GFunc                func,
                                                gpointer             user_data);
void                xa_page_table_place        (XaPageTable         *self,
                                                XaTableTextFunc      text_func,
                                                gpointer             user_data,
                                                double               text_width,
                                                double               text_height,
                                                guint               *page,
                                                double              *y);
const GArray       *xa_page_table_get_pieces   (XaPageTable         *self);
guint               xa_page_table_get_first_page (XaPageTable       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPageTable, xa_page_table_free)

G_END_DECLS
