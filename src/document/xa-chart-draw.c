/* xa-chart-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing a chart (xa-chart.c) into a rectangle of a cairo_t, in vector: a PDF page in
 * points, a widget in pixels. Every size follows the chart's font size, so the same
 * chart reads the same on paper (9 pt) and on screen (12–13 px). Text is Pango in the
 * 黑体 of the font resolver, tagged zh-CN so that CJK glyphs take their Chinese shapes.
 *
 * Colours are sober and stay apart in grayscale print: the series alternate dark and
 * light, series past the fourth are hatched as well, lines differ by dash and marker,
 * and a heat map's scale runs from near white to dark brick with its lightness alone.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "xa-chart-draw-private.h"
#include "xa-document-words.h"


/* Dark and light in turn, so that neighbours in a stack differ in grayscale. */
static const double palette[][3] = {
  { 0.17, 0.25, 0.38 },  /* navy */
  { 0.87, 0.80, 0.60 },  /* sand */
  { 0.24, 0.48, 0.47 },  /* teal */
  { 0.72, 0.78, 0.84 },  /* pale blue-gray */
  { 0.56, 0.23, 0.18 },  /* brick */
  { 0.83, 0.60, 0.23 },  /* ochre */
  { 0.36, 0.42, 0.48 },  /* slate */
  { 0.81, 0.88, 0.76 },  /* sage */
};

const double _xa_chart_ink[3] = { 0.15, 0.15, 0.15 };
const double _xa_chart_grid[3] = { 0.85, 0.85, 0.85 };
const double _xa_chart_reference_ink[3] = { 0.60, 0.10, 0.08 };

void
_xa_chart_set_rgb (cairo_t      *cr,
         const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

const double *
_xa_chart_series_colour (guint series)
{
  return palette[series % G_N_ELEMENTS (palette)];
}

double
_xa_chart_lightness (const double rgb[3])
{
  return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
}

/* Diagonal hatching over a filled rectangle: series past the fourth. */
void
_xa_chart_hatch (Painter *p,
       double   x,
       double   y,
       double   w,
       double   h,
       gboolean dark)
{
  double gap = p->size * 0.45;

  cairo_save (p->cr);
  cairo_rectangle (p->cr, x, y, w, h);
  cairo_clip (p->cr);
  cairo_set_line_width (p->cr, p->size * 0.08);
  cairo_set_source_rgba (p->cr, dark ? 1 : 0, dark ? 1 : 0, dark ? 1 : 0, 0.7);
  for (double d = -h; d < w; d += gap)
    {
      cairo_move_to (p->cr, x + d, y + h);
      cairo_line_to (p->cr, x + d + h, y);
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

void
_xa_chart_fill_series (Painter *p,
             guint    series,
             double   x,
             double   y,
             double   w,
             double   h)
{
  const double *rgb = _xa_chart_series_colour (series);

  if (w < 0)
    {
      x += w;
      w = -w;
    }
  if (h < 0)
    {
      y += h;
      h = -h;
    }
  _xa_chart_set_rgb (p->cr, rgb);
  cairo_rectangle (p->cr, x, y, w, h);
  cairo_fill (p->cr);
  if (series >= 4 && series < 8)
    _xa_chart_hatch (p, x, y, w, h, _xa_chart_lightness (rgb) < 0.5);
}

/* A layout of @text in the chart's face: at most @max_lines lines of @width (none when
 * @width ≤ 0), the rest ellipsised. */
PangoLayout *
_xa_chart_text_layout (Painter        *p,
             const char     *text,
             double          scale,
             gboolean        bold,
             double          width,
             int             max_lines,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (p->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_font_description_set_family (desc, p->family);
  pango_font_description_set_absolute_size (desc, p->size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
    }
  pango_layout_set_alignment (layout, align);
  return layout;
}

void
_xa_chart_layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* Draws @text with its top left at (x, y); @width > 0 aligns it in that width.
 * Returns its height. */
double
_xa_chart_show_text (Painter        *p,
           const char     *text,
           double          scale,
           gboolean        bold,
           double          x,
           double          y,
           double          width,
           int             max_lines,
           PangoAlignment  align,
           const double    rgb[3])
{
  g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, text, scale, bold, width, max_lines, align);
  double height;

  _xa_chart_layout_size (layout, NULL, &height);
  _xa_chart_set_rgb (p->cr, rgb);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
  return height;
}

/* Draws @text centred vertically on @cy, ending at @right (or starting at @left when
 * @right is NAN). */
void
_xa_chart_show_label (Painter      *p,
            const char   *text,
            double        left,
            double        right,
            double        cy,
            const double  rgb[3])
{
  g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, text, 0.9, FALSE, 0, 1, PANGO_ALIGN_LEFT);
  double w, h;

  _xa_chart_layout_size (layout, &w, &h);
  _xa_chart_set_rgb (p->cr, rgb);
  cairo_move_to (p->cr, isnan (right) ? left : right - w, cy - h / 2);
  pango_cairo_show_layout (p->cr, layout);
}

double
_xa_chart_text_width (Painter    *p,
            const char *text,
            double      scale)
{
  g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, text, scale, FALSE, 0, 1, PANGO_ALIGN_LEFT);
  double w;

  _xa_chart_layout_size (layout, &w, NULL);
  return w;
}

/* A legend's rows, laid out by the names' lengths in characters so that measuring
 * (xa_chart_get_rows_fitting()) and drawing agree without a font. */
static double
legend_item_width (XaChart *chart,
                   guint    series)
{
  const char *name = g_ptr_array_index (chart->series, series);

  return chart->font_size * (2.4 + 0.9 * g_utf8_strlen (name, -1));
}

static gboolean
has_legend (XaChart *chart)
{
  if (chart->kind == XA_CHART_HEAT_MAP)
    return FALSE;
  return chart->series->len > 1;
}

static guint
legend_rows (XaChart *chart,
             double   width)
{
  guint rows = 1;
  double x = 0;

  if (!has_legend (chart))
    return 0;

  for (guint s = 0; s < chart->series->len; s++)
    {
      double w = legend_item_width (chart, s);

      if (x > 0 && x + w > width)
        {
          rows++;
          x = 0;
        }
      x += w;
    }
  return rows;
}

static void
draw_marker (Painter *p,
             guint    series,
             double   x,
             double   y)
{
  double r = p->size * 0.28;

  cairo_new_path (p->cr);
  switch (series % 4)
    {
    case 0:
      cairo_arc (p->cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (p->cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case 2:
      cairo_move_to (p->cr, x, y - r * 1.2);
      cairo_line_to (p->cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (p->cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (p->cr);
      break;
    default:
      cairo_move_to (p->cr, x, y - r * 1.3);
      cairo_line_to (p->cr, x + r * 1.3, y);
      cairo_line_to (p->cr, x, y + r * 1.3);
      cairo_line_to (p->cr, x - r * 1.3, y);
      cairo_close_path (p->cr);
      break;
    }
  _xa_chart_set_rgb (p->cr, _xa_chart_series_colour (series));
  cairo_fill_preserve (p->cr);
  _xa_chart_set_rgb (p->cr, _xa_chart_ink);
  cairo_set_line_width (p->cr, p->size * 0.06);
  cairo_stroke (p->cr);
}

static void
set_series_dash (Painter *p,
                 guint    series)
{
  double d = p->size * 0.4;
  double dashes[][2] = { { 0, 0 }, { 3 * d, d }, { d, d }, { 3 * d, 2 * d } };

  if (series % 4 == 0)
    cairo_set_dash (p->cr, NULL, 0, 0);
  else
    cairo_set_dash (p->cr, dashes[series % 4], 2, 0);
}

static double
draw_legend (Painter *p,
             double   x,
             double   y,
             double   width)
{
  XaChart *chart = p->chart;
  double cx = 0;
  double row = 0;
  double pitch = p->size * 1.6;

  for (guint s = 0; s < chart->series->len; s++)
    {
      double w = legend_item_width (chart, s);
      double sy;
      double sx;

      if (cx > 0 && cx + w > width)
        {
          row++;
          cx = 0;
        }
      sx = x + cx;
      sy = y + row * pitch + pitch / 2;
      if (chart->kind == XA_CHART_LINE)
        {
          cairo_save (p->cr);
          _xa_chart_set_rgb (p->cr, _xa_chart_series_colour (s));
          cairo_set_line_width (p->cr, p->size * 0.18);
          set_series_dash (p, s);
          cairo_move_to (p->cr, sx, sy);
          cairo_line_to (p->cr, sx + p->size * 1.8, sy);
          cairo_stroke (p->cr);
          cairo_restore (p->cr);
          draw_marker (p, s, sx + p->size * 0.9, sy);
        }
      else
        {
          _xa_chart_fill_series (p, s, sx, sy - p->size * 0.45, p->size * 1.6, p->size * 0.9);
          _xa_chart_set_rgb (p->cr, _xa_chart_ink);
          cairo_set_line_width (p->cr, p->size * 0.04);
          cairo_rectangle (p->cr, sx, sy - p->size * 0.45, p->size * 1.6, p->size * 0.9);
          cairo_stroke (p->cr);
        }
      _xa_chart_show_label (p, g_ptr_array_index (chart->series, s), sx + p->size * 2.1, NAN, sy, _xa_chart_ink);
      cx += w;
    }

  return legend_rows (chart, width) * pitch;
}

/* The extent of the values (the stacks' totals for a stacked chart), with zero and the
 * references, or the range set. */
Scale
_xa_chart_value_scale (XaChart *chart,
             int      ticks)
{
  double lo = 0;
  double hi = 0;
  double range;
  double raw;
  double magnitude;
  double step;
  Scale scale;

  for (guint c = 0; c < chart->categories->len; c++)
    {
      double positive = 0;
      double negative = 0;

      for (guint s = 0; s < chart->series->len; s++)
        {
          double value = _xa_chart_value (chart, s, c);

          if (isnan (value))
            continue;
          if (chart->kind == XA_CHART_STACKED_BAR)
            {
              if (value > 0)
                positive += value;
              else
                negative += value;
            }
          else
            {
              lo = MIN (lo, value);
              hi = MAX (hi, value);
            }
        }
      lo = MIN (lo, negative);
      hi = MAX (hi, positive);
    }
  for (guint i = 0; i < chart->references->len; i++)
    {
      double value = g_array_index (chart->references, XaChartReference, i).value;

      lo = MIN (lo, value);
      hi = MAX (hi, value);
    }
  if (!isnan (chart->min))
    lo = chart->min;
  if (!isnan (chart->max))
    hi = chart->max;
  if (hi <= lo)
    hi = lo + 1;

  range = hi - lo;
  raw = range / MAX (ticks, 1);
  magnitude = pow (10, floor (log10 (raw)));
  step = raw / magnitude;
  step = (step <= 1 ? 1 : step <= 2 ? 2 : step <= 2.5 ? 2.5 : step <= 5 ? 5 : 10) * magnitude;

  scale.step = step;
  scale.lo = isnan (chart->min) ? floor (lo / step + 1e-9) * step : lo;
  scale.hi = isnan (chart->max) ? ceil (hi / step - 1e-9) * step : hi;
  return scale;
}

double
_xa_chart_scale_at (const Scale *scale,
          double       value,
          double       from,
          double       to)
{
  double t = (value - scale->lo) / (scale->hi - scale->lo);

  return from + CLAMP (t, 0, 1) * (to - from);
}

void
_xa_chart_dashed_line (Painter      *p,
             double        x1,
             double        y1,
             double        x2,
             double        y2,
             const double  rgb[3])
{
  double dash[] = { p->size * 0.5, p->size * 0.3 };

  cairo_save (p->cr);
  _xa_chart_set_rgb (p->cr, rgb);
  cairo_set_line_width (p->cr, p->size * 0.1);
  cairo_set_dash (p->cr, dash, 2, 0);
  cairo_move_to (p->cr, x1, y1);
  cairo_line_to (p->cr, x2, y2);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

void
_xa_chart_rule (Painter      *p,
      double        x1,
      double        y1,
      double        x2,
      double        y2,
      double        width,
      const double  rgb[3])
{
  _xa_chart_set_rgb (p->cr, rgb);
  cairo_set_line_width (p->cr, p->size * width);
  cairo_move_to (p->cr, x1, y1);
  cairo_line_to (p->cr, x2, y2);
  cairo_stroke (p->cr);
}

/* ------------------------------------------------------------------------------------ */
/* Row charts: a row per category, the labels on the left.                              */


static double
title_height (XaChart *chart)
{
  return chart->title != NULL && chart->title[0] != '\0' ? chart->font_size * (1.2 * LINE + 0.5) : 0;
}

static double
note_height (XaChart *chart)
{
  return chart->note != NULL && chart->note[0] != '\0' ? chart->font_size * LINE * 1.1 : 0;
}

static gboolean
is_row_chart (XaChart *chart)
{
  return chart->kind == XA_CHART_HORIZONTAL_BAR || chart->kind == XA_CHART_STACKED_BAR ||
         chart->kind == XA_CHART_HEAT_MAP;
}

static Rows
measure_rows (XaChart *chart,
              double   width,
              double   height)
{
  double size = chart->font_size;
  Rows rows = { 0 };
  double room;
  guint fit;
  guint n = chart->categories->len;

  rows.legend = legend_rows (chart, width) * size * 1.6;
  if (chart->kind == XA_CHART_HEAT_MAP)
    {
      rows.header = size * (2 * LINE * 0.9 + 0.4);
      rows.bottom = size * (LINE + 2.2);
    }
  else
    {
      rows.header = chart->references->len > 0 ? size * LINE : size * 0.3;
      rows.bottom = size * (LINE + 0.4) + (chart->value_axis != NULL ? size * LINE : 0);
    }
  rows.top = title_height (chart) + rows.legend + rows.header;
  room = height - rows.top - rows.bottom - note_height (chart);
  fit = room > 0 ? (guint) floor (room / (size * MIN_PITCH)) : 0;
  if (n <= fit)
    rows.shown = n;
  else
    {
      /* The last row says how many are left out. */
      rows.shown = fit > 0 ? fit - 1 : 0;
      rows.more = n - rows.shown;
    }
  rows.pitch = MIN (room / MAX (rows.shown + (rows.more > 0), 1), size * MAX_PITCH);
  return rows;
}

/* ------------------------------------------------------------------------------------ */
/* Column charts: vertical bars and lines, the categories along the bottom.              */

static void
draw_columns (Painter *p,
              double   x,
              double   y,
              double   width,
              double   height)
{
  XaChart *chart = p->chart;
  Scale scale = _xa_chart_value_scale (chart, 5);
  guint n = chart->categories->len;
  guint ns = MAX (chart->series->len, 1);
  double axis_width = 0;
  double x0, x1, y0, y1;
  double slot;
  guint every = 1;
  gboolean line = chart->kind == XA_CHART_LINE;
  double label_height = p->size * LINE * 0.9 * 2;

  for (double v = scale.lo; v <= scale.hi + scale.step * 1e-6; v += scale.step)
    {
      g_autofree char *label = xa_chart_format_value (chart, v);

      axis_width = MAX (axis_width, _xa_chart_text_width (p, label, 0.85));
    }
  x0 = x + axis_width + p->size * 0.5 + (chart->value_axis != NULL ? p->size * 1.6 : 0);
  x1 = x + width - p->size * 0.5;
  y0 = y + p->size * (chart->references->len > 0 ? 1.2 : 0.6);
  y1 = y + height - label_height - p->size * 0.4 - (chart->category_axis != NULL ? p->size * LINE : 0);
  if (y1 - y0 < p->size * 3 || x1 - x0 < p->size * 3)
    return;
  slot = (x1 - x0) / MAX (n, 1);
  if (slot < p->size * 2.2)
    every = (guint) ceil (p->size * 2.6 / slot);

  /* The value axis, its _xa_chart_grid and its label turned up the left side. */
  for (double v = scale.lo; v <= scale.hi + scale.step * 1e-6; v += scale.step)
    {
      double vy = _xa_chart_scale_at (&scale, v, y1, y0);
      g_autofree char *label = xa_chart_format_value (chart, v);

      _xa_chart_rule (p, x0, vy, x1, vy, fabs (v) < 1e-9 ? 0.08 : 0.04, fabs (v) < 1e-9 ? _xa_chart_ink : _xa_chart_grid);
      _xa_chart_show_label (p, label, NAN, x0 - p->size * 0.3, vy, _xa_chart_ink);
    }
  _xa_chart_rule (p, x0, y0, x0, y1, 0.06, _xa_chart_ink);
  _xa_chart_rule (p, x0, y1, x1, y1, 0.06, _xa_chart_ink);
  if (chart->value_axis != NULL)
    {
      g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, chart->value_axis, 0.9, FALSE, y1 - y0, 1, PANGO_ALIGN_CENTER);

      cairo_save (p->cr);
      cairo_move_to (p->cr, x, y1);
      cairo_rotate (p->cr, -G_PI / 2);
      _xa_chart_set_rgb (p->cr, _xa_chart_ink);
      pango_cairo_show_layout (p->cr, layout);
      cairo_restore (p->cr);
    }

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (c % every != 0)
        continue;
      layout = _xa_chart_text_layout (p, g_ptr_array_index (chart->categories, c), 0.9, FALSE,
                            every > 1 ? slot * every : slot - p->size * 0.2, every > 1 ? 1 : 2,
                            PANGO_ALIGN_CENTER);
      _xa_chart_set_rgb (p->cr, _xa_chart_ink);
      cairo_move_to (p->cr, x0 + (c + 0.5) * slot - (every > 1 ? slot * every : slot - p->size * 0.2) / 2,
                     y1 + p->size * 0.3);
      pango_cairo_show_layout (p->cr, layout);
    }
  if (chart->category_axis != NULL)
    _xa_chart_show_text (p, chart->category_axis, 0.9, FALSE, x0, y1 + label_height + p->size * 0.4, x1 - x0, 1,
               PANGO_ALIGN_CENTER, _xa_chart_ink);

  for (guint s = 0; s < chart->series->len; s++)
    {
      gboolean pen_down = FALSE;
      double group = slot * 0.7;
      double zero = _xa_chart_scale_at (&scale, 0, y1, y0);

      if (line)
        {
          cairo_save (p->cr);
          _xa_chart_set_rgb (p->cr, _xa_chart_series_colour (s));
          cairo_set_line_width (p->cr, p->size * 0.18);
          cairo_set_line_join (p->cr, CAIRO_LINE_JOIN_ROUND);
          set_series_dash (p, s);
          for (guint c = 0; c < n; c++)
            {
              double value = _xa_chart_value (chart, s, c);

              if (isnan (value))
                {
                  pen_down = FALSE;
                  continue;
                }
              if (pen_down)
                cairo_line_to (p->cr, x0 + (c + 0.5) * slot, _xa_chart_scale_at (&scale, value, y1, y0));
              else
                cairo_move_to (p->cr, x0 + (c + 0.5) * slot, _xa_chart_scale_at (&scale, value, y1, y0));
              pen_down = TRUE;
            }
          cairo_stroke (p->cr);
          cairo_restore (p->cr);
        }

      for (guint c = 0; c < n; c++)
        {
          double value = _xa_chart_value (chart, s, c);
          double vy;
          double bx = x0 + c * slot + (slot - group) / 2 + s * group / ns;
          g_autofree char *label = NULL;

          if (isnan (value))
            continue;
          vy = _xa_chart_scale_at (&scale, value, y1, y0);
          if (line)
            draw_marker (p, s, x0 + (c + 0.5) * slot, vy);
          else
            _xa_chart_fill_series (p, s, bx, zero, group / ns, vy - zero);
          if ((line && (ns > 2 || n > 16)) || (!line && group / ns < _xa_chart_text_width (p, "000", 0.8)))
            continue;
          label = xa_chart_format_value (chart, value);
          {
            g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, label, 0.8, FALSE, 0, 1, PANGO_ALIGN_LEFT);
            double w, h;
            double cx = line ? x0 + (c + 0.5) * slot : bx + group / ns / 2;

            _xa_chart_layout_size (layout, &w, &h);
            _xa_chart_set_rgb (p->cr, _xa_chart_ink);
            cairo_move_to (p->cr, cx - w / 2, value >= 0 || line ? vy - h - p->size * 0.3 : vy + p->size * 0.15);
            pango_cairo_show_layout (p->cr, layout);
          }
        }
    }

  for (guint i = 0; i < chart->references->len; i++)
    {
      const XaChartReference *reference = &g_array_index (chart->references, XaChartReference, i);
      double vy = _xa_chart_scale_at (&scale, reference->value, y1, y0);

      _xa_chart_dashed_line (p, x0, vy, x1, vy, _xa_chart_reference_ink);
      if (reference->label != NULL)
        _xa_chart_show_label (p, reference->label, NAN, x1, vy - p->size * 0.6, _xa_chart_reference_ink);
    }
}

/* ------------------------------------------------------------------------------------ */

static void
draw_empty (Painter *p,
            double   x,
            double   y,
            double   width,
            double   height)
{
  g_autoptr(PangoLayout) layout = _xa_chart_text_layout (p, p->chart->empty_text, 1.1, FALSE, width, 2, PANGO_ALIGN_CENTER);
  double dash[] = { p->size * 0.4, p->size * 0.3 };
  double h;

  cairo_save (p->cr);
  cairo_set_source_rgb (p->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (p->cr, p->size * 0.06);
  cairo_set_dash (p->cr, dash, 2, 0);
  cairo_rectangle (p->cr, x, y, width, height);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);

  _xa_chart_layout_size (layout, NULL, &h);
  cairo_set_source_rgb (p->cr, 0.4, 0.4, 0.4);
  cairo_move_to (p->cr, x, y + height / 2 - h / 2);
  pango_cairo_show_layout (p->cr, layout);
}

/**
 * xa_chart_get_rows_fitting:
 * @width: the rectangle's width, in the units of the font size
 * @height: its height
 *
 * For a row chart (horizontal bars, stacked bars, heat map): how many categories the
 * rectangle holds at a legible pitch. A caller with more pages them with
 * xa_chart_slice(). Column charts return their number of categories.
 *
 * Returns: the number of categories that fit
 */
guint
xa_chart_get_rows_fitting (XaChart *self,
                           double   width,
                           double   height)
{
  Rows rows;

  g_return_val_if_fail (self != NULL, 0);

  if (!is_row_chart (self))
    return self->categories->len;

  rows = measure_rows (self, width, height);
  return (guint) MAX (floor ((height - rows.top - rows.bottom - note_height (self)) / (self->font_size * MIN_PITCH)), 0);
}

/**
 * xa_chart_get_natural_height:
 *
 * Returns: the height the chart reads well at in @width: a row chart's rows at a
 *   comfortable pitch, a column chart in proportion to its width
 */
double
xa_chart_get_natural_height (XaChart *self,
                             double   width)
{
  g_return_val_if_fail (self != NULL, 0);

  if (is_row_chart (self))
    {
      Rows rows = measure_rows (self, width, G_MAXDOUBLE / 4);

      return rows.top + rows.bottom + note_height (self) +
             MAX (self->categories->len, 1) * self->font_size * (self->kind == XA_CHART_HEAT_MAP ? 1.6 : 1.9);
    }

  return MAX (width * 0.45, self->font_size * 16) + title_height (self) + note_height (self) +
         legend_rows (self, width) * self->font_size * 1.6;
}

/**
 * xa_chart_draw:
 * @cr: where to draw, in any user units (PDF points, widget pixels)
 * @context: (nullable): the Pango context to lay text out with: a page layout's, whose
 *   font map holds the document's font subsets, or a widget's; %NULL makes one for @cr
 * @fonts: (nullable): the typefaces (the chart uses the 黑体 role); %NULL for Sans
 * @x: the rectangle's left edge
 * @y: its top
 * @width: its width
 * @height: its height
 *
 * Draws the chart in the rectangle: the title, the legend, the plot with its axes and
 * labels, a reference line's label, the note; 无数据 in a dashed frame when it has no
 * values. Nothing is drawn outside the rectangle.
 */
void
xa_chart_draw (XaChart        *self,
               cairo_t        *cr,
               PangoContext   *context,
               XaFontResolver *fonts,
               double          x,
               double          y,
               double          width,
               double          height)
{
  PangoContext *own_context = NULL;
  const char *family = fonts != NULL ? xa_font_resolver_get_family (fonts, XA_FONT_ROLE_HEITI) : NULL;
  Painter p = { self, cr, context, family != NULL ? family : "Sans", self->font_size };
  double top = y;
  double note = note_height (self);

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;
  if (context == NULL)
    {
      own_context = pango_cairo_create_context (cr);
      p.context = own_context;
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  if (title_height (self) > 0)
    {
      _xa_chart_show_text (&p, self->title, 1.2, TRUE, x, y, width, 1, PANGO_ALIGN_CENTER, _xa_chart_ink);
      top += title_height (self);
    }
  if (note > 0)
    _xa_chart_show_text (&p, self->note, 0.85, FALSE, x, y + height - note + self->font_size * 0.2, width, 1,
               PANGO_ALIGN_LEFT, (double[3]) { 0.35, 0.35, 0.35 });

  if (xa_chart_is_empty (self))
    draw_empty (&p, x, top, width, y + height - note - top - self->font_size * 0.3);
  else if (is_row_chart (self))
    {
      Rows rows = measure_rows (self, width, height);

      if (rows.legend > 0)
        draw_legend (&p, x, top, width);
      if (self->kind == XA_CHART_HEAT_MAP)
        _xa_chart_draw_heat_map (&p, &rows, x, y, width);
      else
        _xa_chart_draw_bars (&p, &rows, x, y, width);
    }
  else
    {
      if (has_legend (self))
        top += draw_legend (&p, x, top, width);
      draw_columns (&p, x, top, width, y + height - note - top);
    }

  cairo_restore (cr);
  g_clear_object (&own_context);
}
