/* xa-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart as plain data: a title, axis labels, categories (schools, years, grades),
 * series (first-level indicators, hazard categories, years) and their values, reference
 * lines (99.5 %, a grade's cut-off) and how values print. The same object is drawn into
 * a PDF page by the page engine (xa_page_layout_add_chart()) and into a widget by the
 * app's dashboards (xa-chart-draw.c): no GTK here.
 *
 * Many categories: a chart draws the categories that fit its rectangle at a legible
 * row pitch (about 1.4 lines of its font), in the order they were added, and says under
 * it how many it left out. A caller with more (300 schools) orders them first (the worst
 * first, or by rank) and either pages them with xa_chart_slice() and
 * xa_chart_get_rows_fitting() — the district report does, so that every school is on
 * paper — or shows the first ones, as a dashboard does.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xa-chart-private.h"
#include "xa-document-words.h"

G_DEFINE_BOXED_TYPE (XaChart, xa_chart, xa_chart_ref, xa_chart_unref)

#define DEFAULT_FONT_SIZE 9.0

static void
reference_clear (gpointer data)
{
  XaChartReference *reference = data;

  g_clear_pointer (&reference->label, g_free);
}

/**
 * xa_chart_new:
 * @title: (nullable): drawn above the chart
 *
 * Returns: (transfer full): an empty chart
 */
XaChart *
xa_chart_new (XaChartKind  kind,
              const char  *title)
{
  XaChart *self = g_new0 (XaChart, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->references = g_array_new (FALSE, TRUE, sizeof (XaChartReference));
  g_array_set_clear_func (self->references, reference_clear);
  self->min = NAN;
  self->max = NAN;
  self->font_size = DEFAULT_FONT_SIZE;
  self->empty_text = g_strdup (XA_DOCUMENT_CHART_EMPTY);
  return self;
}

XaChart *
xa_chart_ref (XaChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
xa_chart_unref (XaChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->category_axis);
  g_free (self->value_axis);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->values);
  g_array_unref (self->references);
  g_free (self->unit);
  g_free (self->empty_text);
  g_free (self->note);
  g_free (self);
}

XaChartKind
xa_chart_get_kind (XaChart *self)
{
  g_return_val_if_fail (self != NULL, XA_CHART_BAR);

  return self->kind;
}

const char *
xa_chart_get_title (XaChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * xa_chart_set_axis_labels:
 * @category_axis: (nullable): what the categories are (学校, 学年度)
 * @value_axis: (nullable): what the values are, with their unit (得分, 覆盖率（%）)
 */
void
xa_chart_set_axis_labels (XaChart    *self,
                          const char *category_axis,
                          const char *value_axis)
{
  g_return_if_fail (self != NULL);

  g_free (self->category_axis);
  self->category_axis = g_strdup (category_axis);
  g_free (self->value_axis);
  self->value_axis = g_strdup (value_axis);
}

/**
 * xa_chart_add_category:
 * @label: a school's name, a year, a grade; long names are ellipsised when drawn
 *
 * Returns: the category's index
 */
guint
xa_chart_add_category (XaChart    *self,
                       const char *label)
{
  g_return_val_if_fail (self != NULL, 0);

  g_ptr_array_add (self->categories, g_strdup (label != NULL ? label : ""));
  return self->categories->len - 1;
}

/**
 * xa_chart_add_series:
 * @name: (nullable): named in the legend when the chart has several series
 *
 * Returns: the series' index
 */
guint
xa_chart_add_series (XaChart    *self,
                     const char *name)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));

  g_return_val_if_fail (self != NULL, 0);

  g_ptr_array_add (self->series, g_strdup (name != NULL ? name : ""));
  g_ptr_array_add (self->values, values);
  return self->series->len - 1;
}

/**
 * xa_chart_set_value:
 * @value: the value, or NAN for none (drawn as no bar, a gap in a line, a hatched cell)
 */
void
xa_chart_set_value (XaChart *self,
                    guint    series,
                    guint    category,
                    double   value)
{
  GArray *values;

  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);

  values = g_ptr_array_index (self->values, series);
  while (values->len <= category)
    {
      double none = NAN;

      g_array_append_val (values, none);
    }
  g_array_index (values, double, category) = value;
}

double
_xa_chart_value (const XaChart *self,
                 guint          series,
                 guint          category)
{
  GArray *values;

  if (series >= self->values->len)
    return NAN;

  values = g_ptr_array_index (self->values, series);
  return category < values->len ? g_array_index (values, double, category) : NAN;
}

/**
 * xa_chart_get_value:
 *
 * Returns: the value, or NAN when none was set
 */
double
xa_chart_get_value (XaChart *self,
                    guint    series,
                    guint    category)
{
  g_return_val_if_fail (self != NULL, NAN);

  return _xa_chart_value (self, series, category);
}

guint
xa_chart_get_n_categories (XaChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->categories->len;
}

guint
xa_chart_get_n_series (XaChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

const char *
xa_chart_get_category (XaChart *self,
                       guint    category)
{
  g_return_val_if_fail (self != NULL && category < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, category);
}

const char *
xa_chart_get_series_name (XaChart *self,
                          guint    series)
{
  g_return_val_if_fail (self != NULL && series < self->series->len, NULL);

  return g_ptr_array_index (self->series, series);
}

/**
 * xa_chart_add_reference:
 * @value: where the line crosses the value axis (99.5, 60)
 * @label: (nullable): printed at the line's end (99.5%, 合格线)
 *
 * A dashed line across the plot at @value: a target or a grade's cut-off. Heat maps
 * have none.
 */
void
xa_chart_add_reference (XaChart    *self,
                        double      value,
                        const char *label)
{
  XaChartReference reference = { value, g_strdup (label) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->references, reference);
}

/**
 * xa_chart_set_value_format:
 * @decimals: digits after the point (0 to 3)
 * @unit: (nullable): after the number: "%", "分", "项"
 */
void
xa_chart_set_value_format (XaChart    *self,
                           guint       decimals,
                           const char *unit)
{
  g_return_if_fail (self != NULL);

  self->decimals = MIN (decimals, 3);
  g_free (self->unit);
  self->unit = g_strdup (unit);
}

/**
 * xa_chart_format_value:
 *
 * Returns: (transfer full): @value as the chart prints it: 99.5%, -3.5, 86.0分; "—" for NAN
 */
char *
xa_chart_format_value (XaChart *self,
                       double   value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_return_val_if_fail (self != NULL, NULL);

  if (isnan (value))
    return g_strdup ("—");

  g_snprintf (format, sizeof format, "%%.%uf", self->decimals);
  g_ascii_formatd (number, sizeof number, format, value);
  /* -0.0 prints as 0. */
  if (g_str_has_prefix (number, "-") && g_ascii_strtod (number, NULL) == 0)
    memmove (number, number + 1, strlen (number));

  return g_strconcat (number, self->unit != NULL ? self->unit : "", NULL);
}

/**
 * xa_chart_set_range:
 * @min: the value axis' start, or NAN to take it from the values (and 0)
 * @max: its end, or NAN likewise
 *
 * A fixed axis: scores from 0 to 100, coverage from 90 to 100 %.
 */
void
xa_chart_set_range (XaChart *self,
                    double   min,
                    double   max)
{
  g_return_if_fail (self != NULL);

  self->min = min;
  self->max = max;
}

/**
 * xa_chart_set_font_size:
 * @size: the labels' size in the user units of the cairo_t it is drawn on: 9 for a
 *   PDF's points (the default), 12 or 13 for a widget's pixels
 *
 * The title is a quarter larger; everything else scales with it.
 */
void
xa_chart_set_font_size (XaChart *self,
                        double   size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (size > 0);

  self->font_size = size;
}

double
xa_chart_get_font_size (XaChart *self)
{
  g_return_val_if_fail (self != NULL, DEFAULT_FONT_SIZE);

  return self->font_size;
}

/**
 * xa_chart_set_empty_text:
 * @text: what a chart without values says in its frame: 无数据 by default (a document
 *   speaks Chinese whatever the interface's language); the app passes its translation
 */
void
xa_chart_set_empty_text (XaChart    *self,
                         const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
}

/**
 * xa_chart_set_note:
 * @note: (nullable): a line under the chart: where the data comes from, what a page
 *   of a long chart holds
 */
void
xa_chart_set_note (XaChart    *self,
                   const char *note)
{
  g_return_if_fail (self != NULL);

  g_free (self->note);
  self->note = g_strdup (note);
}

/**
 * xa_chart_is_empty:
 *
 * Returns: whether the chart has no category or no value at all to draw
 */
gboolean
xa_chart_is_empty (XaChart *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint s = 0; s < self->series->len; s++)
    for (guint c = 0; c < self->categories->len; c++)
      if (!isnan (_xa_chart_value (self, s, c)))
        return FALSE;

  return TRUE;
}

/**
 * xa_chart_slice:
 * @first: the first category to keep
 * @n: how many categories to keep from it (fewer at the end)
 *
 * A page of a long chart: the same kind, title, series, references, range and format,
 * with categories @first to @first + @n - 1. A heat map's colour scale and a bar
 * chart's axis are set from the whole chart's values (unless a range was set), so that
 * the pages compare.
 *
 * Returns: (transfer full): the slice
 */
XaChart *
xa_chart_slice (XaChart *self,
                guint    first,
                guint    n)
{
  XaChart *slice;
  double min = INFINITY;
  double max = -INFINITY;

  g_return_val_if_fail (self != NULL, NULL);

  slice = xa_chart_new (self->kind, self->title);
  xa_chart_set_axis_labels (slice, self->category_axis, self->value_axis);
  xa_chart_set_value_format (slice, self->decimals, self->unit);
  xa_chart_set_font_size (slice, self->font_size);
  xa_chart_set_empty_text (slice, self->empty_text);
  xa_chart_set_note (slice, self->note);
  for (guint i = 0; i < self->references->len; i++)
    {
      const XaChartReference *reference = &g_array_index (self->references, XaChartReference, i);

      xa_chart_add_reference (slice, reference->value, reference->label);
    }

  for (guint s = 0; s < self->series->len; s++)
    xa_chart_add_series (slice, g_ptr_array_index (self->series, s));

  for (guint c = first; c < self->categories->len && c < first + n; c++)
    {
      guint category = xa_chart_add_category (slice, g_ptr_array_index (self->categories, c));

      for (guint s = 0; s < self->series->len; s++)
        xa_chart_set_value (slice, s, category, _xa_chart_value (self, s, c));
    }

  /* The whole chart's extent, so that every page has the same axis. */
  for (guint c = 0; c < self->categories->len; c++)
    {
      double total = 0;

      for (guint s = 0; s < self->series->len; s++)
        {
          double value = _xa_chart_value (self, s, c);

          if (isnan (value))
            continue;
          total += value;
          if (self->kind != XA_CHART_STACKED_BAR)
            {
              min = MIN (min, value);
              max = MAX (max, value);
            }
        }
      if (self->kind == XA_CHART_STACKED_BAR)
        {
          min = MIN (min, total);
          max = MAX (max, total);
        }
    }

  slice->min = !isnan (self->min) ? self->min : (isfinite (min) ? MIN (min, 0) : NAN);
  slice->max = !isnan (self->max) ? self->max : (isfinite (max) ? max : NAN);
  if (self->kind == XA_CHART_HEAT_MAP && isfinite (min))
    slice->min = !isnan (self->min) ? self->min : MIN (min, 0);

  return slice;
}

static void
append_text (GString    *out,
             const char *text)
{
  if (text != NULL)
    {
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
}

/**
 * xa_chart_dup_text:
 *
 * Every text the chart may draw, for the fonts' subsets of a PDF and for tests: title,
 * axis labels, categories, series, references, the empty state, the note, the digits
 * and signs of its values.
 *
 * Returns: (transfer full): the texts, one a line
 */
char *
xa_chart_dup_text (XaChart *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  append_text (out, self->title);
  append_text (out, self->category_axis);
  append_text (out, self->value_axis);
  for (guint i = 0; i < self->categories->len; i++)
    append_text (out, g_ptr_array_index (self->categories, i));
  for (guint i = 0; i < self->series->len; i++)
    append_text (out, g_ptr_array_index (self->series, i));
  for (guint i = 0; i < self->references->len; i++)
    append_text (out, g_array_index (self->references, XaChartReference, i).label);
  append_text (out, self->empty_text);
  append_text (out, self->note);
  append_text (out, self->unit);
  append_text (out, XA_DOCUMENT_CHART_MORE "0123456789.-—…");

  return g_string_free (out, FALSE);
}
