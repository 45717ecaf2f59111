/* xa-page-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page engine's object, for the files that make it up: the layout itself
 * (xa-page-layout.c), its PDF output (xa-page-layout-pdf.c) and its pages' text and
 * marks (xa-page-layout-marks.c).
 */

#pragma once

#include <pango/pangocairo.h>

#include "xa-chart.h"
#include "xa-page-layout.h"
#include "xa-subset-fonts.h"

G_BEGIN_DECLS

/* A block of the document: a paragraph, or a table set between paragraphs. */
typedef struct
{
  XaParagraphKind  kind;
  char            *lead;
  char            *text;
  PangoAttrList   *attrs;   /* from markup, over text; NULL for plain text */
  XaPageTable     *table;   /* a table instead of text; NULL for a paragraph */
  XaChart         *chart;   /* a chart instead of text (xa-page-layout-chart.c) */
  double           chart_height;
  guint            chart_page;  /* where it was placed, after layout */
  guint            chart_row;
} Paragraph;

/* The paper and the text area on it, in points; the grid's rows in the text area. */
typedef struct
{
  double width;
  double height;
  double text_left;
  double text_top;
  double text_width;
  double text_height;
  guint  lines;
} Geometry;

typedef struct
{
  PangoLayout *layout;
  int          line_index;
  guint        page;
  guint        row;
  double       size;
  double       x;      /* from the text area's left edge: indent or centring */
  gboolean     keep_with_next;  /* a title or a heading, never the last line of a page */
} PlacedLine;

struct _XaPageLayout
{
  GObject         parent_instance;

  XaFontResolver *fonts;
  const Geometry *geometry;
  PangoContext   *context;
  GArray         *paragraphs;   /* of Paragraph */
  GArray         *lines;        /* of PlacedLine, after layout */
  guint           n_pages;
  XaSignatureBlock *signature;  /* NULL for none */
  char           *copy_label;
  char           *title;
  char           *author;
  char           *subject;
  char           *keywords;
  gboolean        laid_out;

  /* A mark drawn on every page, such as an agreement's page code; NULL for none. */
  XaPageMarkFunc  mark_func;
  gpointer        mark_data;
  GDestroyNotify  mark_destroy;

  /* The fonts' subsets for this document's characters, unless a batch set a font map
   * for many documents at once. */
  XaSubsetFonts  *subset;
  gboolean        font_map_given;
};

guint _xa_page_layout_carry_headings (XaPageLayout *self,
                                      guint         page,
                                      guint         row,
                                      guint         rows_after);
void _xa_page_layout_place_chart (XaPageLayout *self,
                                  Paragraph    *paragraph,
                                  guint        *page,
                                  guint        *row);
void _xa_page_layout_draw_charts (XaPageLayout *self,
                                  cairo_t      *cr,
                                  guint         page);

G_END_DECLS
