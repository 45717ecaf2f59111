/* xa-chart-draw-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the chart's drawing (xa-chart-draw.c) shares with its row charts
 * (xa-chart-rows.c): the painter, the scales, the text and the colours.
 */

#pragma once

#include <pango/pangocairo.h>

#include "xa-chart-private.h"

G_BEGIN_DECLS

/* Rows of a row chart (horizontal bars, stacked bars, heat map) are never closer than
 * this many font sizes: the smallest pitch a label stays legible at. */
#define MIN_PITCH 1.45
#define MAX_PITCH 3.0
#define LINE      1.35   /* a line of text, in font sizes */

typedef struct
{
  XaChart      *chart;
  cairo_t      *cr;
  PangoContext *context;
  const char   *family;
  double        size;
} Painter;

typedef struct
{
  double lo;
  double hi;
  double step;
} Scale;

typedef struct
{
  double top;        /* of the first row */
  double pitch;
  guint  shown;      /* rows drawn */
  guint  more;       /* categories left out */
  double legend;     /* height of the legend above the rows, 0 for none */
  double header;     /* a heat map's column headings, a reference's label */
  double bottom;     /* the axis or the colour scale under the rows */
} Rows;

extern const double _xa_chart_ink[3];
extern const double _xa_chart_grid[3];
extern const double _xa_chart_reference_ink[3];

void _xa_chart_set_rgb (cairo_t      *cr,
                        const double  rgb[3]);
PangoLayout *_xa_chart_text_layout (Painter        *p,
                                    const char     *text,
                                    double          scale,
                                    gboolean        bold,
                                    double          width,
                                    int             max_lines,
                                    PangoAlignment  align);
void _xa_chart_layout_size (PangoLayout *layout,
                            double      *width,
                            double      *height);
double _xa_chart_show_text (Painter        *p,
                            const char     *text,
                            double          scale,
                            gboolean        bold,
                            double          x,
                            double          y,
                            double          width,
                            int             max_lines,
                            PangoAlignment  align,
                            const double    rgb[3]);
void _xa_chart_show_label (Painter      *p,
                           const char   *text,
                           double        left,
                           double        right,
                           double        cy,
                           const double  rgb[3]);
double _xa_chart_text_width (Painter    *p,
                             const char *text,
                             double      scale);
void _xa_chart_fill_series (Painter *p,
                            guint    series,
                            double   x,
                            double   y,
                            double   w,
                            double   h);
const double *_xa_chart_series_colour (guint series);
double _xa_chart_lightness (const double rgb[3]);
void _xa_chart_hatch (Painter  *p,
                      double    x,
                      double    y,
                      double    w,
                      double    h,
                      gboolean  dark);
Scale _xa_chart_value_scale (XaChart *chart,
                             int      ticks);
double _xa_chart_scale_at (const Scale *scale,
                           double       value,
                           double       from,
                           double       to);
void _xa_chart_dashed_line (Painter      *p,
                            double        x1,
                            double        y1,
                            double        x2,
                            double        y2,
                            const double  rgb[3]);
void _xa_chart_rule (Painter      *p,
                     double        x1,
                     double        y1,
                     double        x2,
                     double        y2,
                     double        width,
                     const double  rgb[3]);

void _xa_chart_draw_bars (Painter    *p,
                          const Rows *rows,
                          double      x,
                          double      y,
                          double      width);
void _xa_chart_draw_heat_map (Painter    *p,
                              const Rows *rows,
                              double      x,
                              double      y,
                              double      width);

G_END_DECLS
