/* xa-chart-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Row charts (xa-chart-draw.c draws the rest): a row per category with its label on the
 * left — horizontal and stacked bars over a value axis with its references, and the heat
 * map with its column headings and its colour scale.
 */

#include "config.h"

#include <math.h>

#include "xa-chart-draw-private.h"
#include "xa-document-words.h"

/* The foot of the rows drawn, the line of the ones left out included. */
static double
rows_bottom (const Rows *rows,
             double      y)
{
  return y + rows->top + rows->pitch * (rows->shown + (rows->more > 0));
}

static double
label_column (Painter *p,
              double   width)
{
  double widest = 0;

  for (guint c = 0; c < p->chart->categories->len; c++)
    widest = MAX (widest, _xa_chart_text_width (p, g_ptr_array_index (p->chart->categories, c), 0.9));

  return MIN (widest, width * 0.3) + p->size * 0.6;
}

static void
draw_row_labels (Painter    *p,
                 const Rows *rows,
                 double      x,
                 double      y,
                 double      label_width)
{
  for (guint c = 0; c < rows->shown; c++)
    {
      g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, g_ptr_array_index (p->chart->categories, c), 0.9,
                                                   FALSE, label_width - p->size * 0.5, 1, PANGO_ALIGN_RIGHT);
      double h;

      _xa_chart_layout_size (layout, NULL, &h);
      _xa_chart_set_rgb (p->cr, _xa_chart_ink);
      cairo_move_to (p->cr, x, y + rows->top + (c + 0.5) * rows->pitch - h / 2);
      pango_cairo_show_layout (p->cr, layout);
    }

  if (rows->more > 0)
    {
      g_autofree char *more = g_strdup_printf (XA_DOCUMENT_CHART_MORE, rows->more);

      _xa_chart_show_label (p, more, x + label_width + p->size * 0.3, NAN, y + rows->top + (rows->shown + 0.5) * rows->pitch, _xa_chart_ink);
    }
}

/* The value axis under the rows, its ticks, _xa_chart_grid lines and references. */
static void
draw_value_axis_under (Painter     *p,
                       const Scale *scale,
                       const Rows  *rows,
                       double       x0,
                       double       x1,
                       double       y)
{
  double top = y + rows->top;
  double bottom = rows_bottom (rows, y);

  cairo_save (p->cr);
  for (double v = scale->lo; v <= scale->hi + scale->step * 1e-6; v += scale->step)
    {
      double x = _xa_chart_scale_at (scale, v, x0, x1);
      g_autofree char *label = xa_chart_format_value (p->chart, v);
      g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, label, 0.85, FALSE, 0, 1, PANGO_ALIGN_LEFT);
      double w;

      _xa_chart_rule (p, x, top, x, bottom, fabs (v) < 1e-9 ? 0.08 : 0.04, fabs (v) < 1e-9 ? _xa_chart_ink : _xa_chart_grid);
      _xa_chart_layout_size (layout, &w, NULL);
      _xa_chart_set_rgb (p->cr, _xa_chart_ink);
      cairo_move_to (p->cr, CLAMP (x - w / 2, x0 - p->size, x1 + p->size - w), bottom + p->size * 0.3);
      pango_cairo_show_layout (p->cr, layout);
    }
  _xa_chart_rule (p, x0, bottom, x1, bottom, 0.06, _xa_chart_ink);
  if (p->chart->value_axis != NULL)
    _xa_chart_show_text (p, p->chart->value_axis, 0.9, FALSE, x0, bottom + p->size * (LINE + 0.4), x1 - x0, 1,
               PANGO_ALIGN_CENTER, _xa_chart_ink);

  cairo_restore (p->cr);
}

/* The references over the bars, so that a bar reaching past one does not hide it. */
static void
draw_references_across (Painter     *p,
                        const Scale *scale,
                        const Rows  *rows,
                        double       x0,
                        double       x1,
                        double       y)
{
  double top = y + rows->top;
  double bottom = rows_bottom (rows, y);

  for (guint i = 0; i < p->chart->references->len; i++)
    {
      const XaChartReference *reference = &g_array_index (p->chart->references, XaChartReference, i);
      double x = _xa_chart_scale_at (scale, reference->value, x0, x1);

      _xa_chart_dashed_line (p, x, top - p->size * 0.3, x, bottom, _xa_chart_reference_ink);
      if (reference->label != NULL)
        _xa_chart_show_label (p, reference->label, x - p->size * 0.2, NAN, top - p->size * 0.85, _xa_chart_reference_ink);
    }
}

void
_xa_chart_draw_bars (Painter    *p,
                      const Rows *rows,
                      double      x,
                      double      y,
                      double      width)
{
  XaChart *chart = p->chart;
  double label_width = label_column (p, width);
  g_autofree char *widest = NULL;
  double value_room;
  double x0 = x + label_width;
  double x1;
  Scale scale = _xa_chart_value_scale (chart, 5);
  double zero;
  guint ns = MAX (chart->series->len, 1);
  double band = MIN (rows->pitch * 0.7, p->size * 2.2);
  gboolean stacked = chart->kind == XA_CHART_STACKED_BAR;

  widest = xa_chart_format_value (chart, fabs (scale.hi) > fabs (scale.lo) ? scale.hi : scale.lo);
  value_room = _xa_chart_text_width (p, widest, 0.85) + p->size * 0.6;
  x1 = x + width - value_room;
  if (scale.lo < 0)
    x0 += value_room;
  zero = _xa_chart_scale_at (&scale, 0, x0, x1);

  draw_row_labels (p, rows, x, y, label_width);
  draw_value_axis_under (p, &scale, rows, x0, x1, y);

  for (guint c = 0; c < rows->shown; c++)
    {
      double cy = y + rows->top + (c + 0.5) * rows->pitch;
      double positive = zero;
      double negative = zero;
      double total = 0;
      gboolean any = FALSE;

      for (guint s = 0; s < chart->series->len; s++)
        {
          double value = _xa_chart_value (chart, s, c);
          double bar_top = stacked ? cy - band / 2 : cy - band / 2 + s * band / ns;
          double bar_height = stacked ? band : band / ns;
          double end;

          if (isnan (value))
            continue;
          any = TRUE;
          total += value;
          if (stacked)
            {
              double from = value >= 0 ? positive : negative;

              end = from + (_xa_chart_scale_at (&scale, value, x0, x1) - zero);
              _xa_chart_fill_series (p, s, from, bar_top, end - from, bar_height);
              if (fabs (end - from) > _xa_chart_text_width (p, "00", 0.8) + p->size * 0.4)
                {
                  g_autofree char *label = xa_chart_format_value (chart, value);
                  g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, label, 0.8, FALSE, 0, 1, PANGO_ALIGN_LEFT);
                  double w, h;

                  _xa_chart_layout_size (layout, &w, &h);
                  if (w + p->size * 0.3 < fabs (end - from) && h < bar_height * 1.05)
                    {
                      _xa_chart_set_rgb (p->cr, _xa_chart_lightness (_xa_chart_series_colour (s)) < 0.5 ? (double[3]) { 1, 1, 1 } : _xa_chart_ink);
                      cairo_move_to (p->cr, (from + end) / 2 - w / 2, cy - h / 2);
                      pango_cairo_show_layout (p->cr, layout);
                    }
                }
              if (value >= 0)
                positive = end;
              else
                negative = end;
            }
          else
            {
              g_autofree char *label = xa_chart_format_value (chart, value);

              end = _xa_chart_scale_at (&scale, value, x0, x1);
              _xa_chart_fill_series (p, s, zero, bar_top, end - zero, bar_height);
              if (ns == 1 || bar_height >= p->size * 0.9)
                _xa_chart_show_label (p, label, value >= 0 ? end + p->size * 0.25 : NAN,
                            value >= 0 ? NAN : end - p->size * 0.25, bar_top + bar_height / 2, _xa_chart_ink);
            }
        }

      if (stacked && any)
        {
          g_autofree char *label = xa_chart_format_value (chart, total);

          _xa_chart_show_label (p, label, positive + p->size * 0.25, NAN, cy, _xa_chart_ink);
        }
    }

  draw_references_across (p, &scale, rows, x0, x1, y);
}

/* Near white to dark brick through ochre: the lightness falls all the way. */
static void
heat_colour (double  t,
             double  rgb[3])
{
  static const double stops[][3] = {
    { 0.98, 0.97, 0.94 },
    { 0.93, 0.74, 0.47 },
    { 0.44, 0.10, 0.07 },
  };
  int i;
  double f;

  t = CLAMP (t, 0, 1);
  i = t < 0.5 ? 0 : 1;
  f = t < 0.5 ? t * 2 : (t - 0.5) * 2;
  for (int k = 0; k < 3; k++)
    rgb[k] = stops[i][k] + f * (stops[i + 1][k] - stops[i][k]);
}

void
_xa_chart_draw_heat_map (Painter    *p,
               const Rows *rows,
               double      x,
               double      y,
               double      width)
{
  XaChart *chart = p->chart;
  double label_width = label_column (p, width);
  guint ns = MAX (chart->series->len, 1);
  double cell = (width - label_width) / ns;
  double lo = INFINITY;
  double hi = -INFINITY;
  double bottom = rows_bottom (rows, y);
  double scale_width = MIN (width * 0.4, p->size * 20);
  double sx = x + label_width;
  double sy = bottom + p->size * 1.2;

  for (guint s = 0; s < chart->series->len; s++)
    for (guint c = 0; c < chart->categories->len; c++)
      {
        double value = _xa_chart_value (chart, s, c);

        if (!isnan (value))
          {
            lo = MIN (lo, value);
            hi = MAX (hi, value);
          }
      }
  lo = !isnan (chart->min) ? chart->min : MIN (lo, 0);
  hi = !isnan (chart->max) ? chart->max : hi;
  if (!(hi > lo))
    hi = lo + 1;

  draw_row_labels (p, rows, x, y, label_width);
  for (guint s = 0; s < chart->series->len; s++)
    {
      g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, g_ptr_array_index (chart->series, s), 0.85, FALSE,
                                                   cell - p->size * 0.2, 2, PANGO_ALIGN_CENTER);
      double h;

      _xa_chart_layout_size (layout, NULL, &h);
      _xa_chart_set_rgb (p->cr, _xa_chart_ink);
      cairo_move_to (p->cr, x + label_width + s * cell + p->size * 0.1, y + rows->top - p->size * 0.3 - h);
      pango_cairo_show_layout (p->cr, layout);
    }

  for (guint c = 0; c < rows->shown; c++)
    for (guint s = 0; s < chart->series->len; s++)
      {
        double value = _xa_chart_value (chart, s, c);
        double cx = x + label_width + s * cell;
        double cy = y + rows->top + c * rows->pitch;
        double rgb[3];

        if (isnan (value))
          {
            cairo_set_source_rgb (p->cr, 0.92, 0.92, 0.92);
            cairo_rectangle (p->cr, cx, cy, cell, rows->pitch);
            cairo_fill (p->cr);
            _xa_chart_hatch (p, cx, cy, cell, rows->pitch, FALSE);
            continue;
          }
        heat_colour ((value - lo) / (hi - lo), rgb);
        _xa_chart_set_rgb (p->cr, rgb);
        cairo_rectangle (p->cr, cx, cy, cell, rows->pitch);
        cairo_fill (p->cr);
        if (cell >= p->size * 1.6 && rows->pitch >= p->size * 1.1)
          {
            g_autofree char *label = xa_chart_format_value (chart, value);
            g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, label, 0.8, FALSE, cell, 1, PANGO_ALIGN_CENTER);
            double h;

            _xa_chart_layout_size (layout, NULL, &h);
            _xa_chart_set_rgb (p->cr, _xa_chart_lightness (rgb) < 0.5 ? (double[3]) { 1, 1, 1 } : _xa_chart_ink);
            cairo_move_to (p->cr, cx, cy + rows->pitch / 2 - h / 2);
            pango_cairo_show_layout (p->cr, layout);
          }
      }

  /* White lines between the cells, a frame around them. */
  cairo_set_source_rgb (p->cr, 1, 1, 1);
  cairo_set_line_width (p->cr, p->size * 0.06);
  for (guint c = 1; c < rows->shown; c++)
    {
      cairo_move_to (p->cr, x + label_width, y + rows->top + c * rows->pitch);
      cairo_line_to (p->cr, x + width, y + rows->top + c * rows->pitch);
    }
  for (guint s = 1; s < ns; s++)
    {
      cairo_move_to (p->cr, x + label_width + s * cell, y + rows->top);
      cairo_line_to (p->cr, x + label_width + s * cell, y + rows->top + rows->shown * rows->pitch);
    }
  cairo_stroke (p->cr);
  _xa_chart_set_rgb (p->cr, _xa_chart_ink);
  cairo_set_line_width (p->cr, p->size * 0.06);
  cairo_rectangle (p->cr, x + label_width, y + rows->top, width - label_width, rows->shown * rows->pitch);
  cairo_stroke (p->cr);

  /* The scale: a bar of the colours from the lowest value to the highest. */
  for (int i = 0; i < 64; i++)
    {
      double rgb[3];

      heat_colour (i / 63.0, rgb);
      _xa_chart_set_rgb (p->cr, rgb);
      cairo_rectangle (p->cr, sx + i * scale_width / 64, sy, scale_width / 64 + 0.3, p->size * 0.8);
      cairo_fill (p->cr);
    }
  _xa_chart_set_rgb (p->cr, _xa_chart_ink);
  cairo_set_line_width (p->cr, p->size * 0.04);
  cairo_rectangle (p->cr, sx, sy, scale_width, p->size * 0.8);
  cairo_stroke (p->cr);
  {
    g_autofree char *low = xa_chart_format_value (chart, lo);
    g_autofree char *high = xa_chart_format_value (chart, hi);

    _xa_chart_show_label (p, low, sx, NAN, sy + p->size * 1.5, _xa_chart_ink);
    _xa_chart_show_label (p, high, NAN, sx + scale_width, sy + p->size * 1.5, _xa_chart_ink);
    if (chart->value_axis != NULL)
      _xa_chart_show_label (p, chart->value_axis, sx + scale_width + p->size, NAN, sy + p->size * 0.4, _xa_chart_ink);
  }
}

