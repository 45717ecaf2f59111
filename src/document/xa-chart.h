/* xa-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "xa-font-resolver.h"

G_BEGIN_DECLS

typedef enum
{
  XA_CHART_BAR,             /* vertical bars: a slot per category, the series side by side */
  XA_CHART_HORIZONTAL_BAR,  /* a row per category: long names, many categories, ± values */
  XA_CHART_STACKED_BAR,     /* a row per category, the series stacked (one total per row) */
  XA_CHART_HEAT_MAP,        /* rows are the categories, columns the series */
  XA_CHART_LINE,            /* the categories along x (years), a line per series */
} XaChartKind;

#define XA_TYPE_CHART (xa_chart_get_type ())

typedef struct _XaChart XaChart;

GType         xa_chart_get_type             (void) G_GNUC_CONST;

XaChart      *xa_chart_new                  (XaChartKind   kind,
                                             const char   *title);
XaChart      *xa_chart_ref                  (XaChart      *self);
void          xa_chart_unref                (XaChart      *self);
XaChartKind   xa_chart_get_kind             (XaChart      *self);
const char   *xa_chart_get_title            (XaChart      *self);
void          xa_chart_set_axis_labels      (XaChart      *self,
                                             const char   *category_axis,
                                             const char   *value_axis);
guint         xa_chart_add_category         (XaChart      *self,
                                             const char   *label);
guint         xa_chart_add_series           (XaChart      *self,
                                             const char   *name);
void          xa_chart_set_value            (XaChart      *self,
                                             guint         series,
                                             guint         category,
                                             double        value);
double        xa_chart_get_value            (XaChart      *self,
                                             guint         series,
                                             guint         category);
guint         xa_chart_get_n_categories     (XaChart      *self);
guint         xa_chart_get_n_series         (XaChart      *self);
const char   *xa_chart_get_category         (XaChart      *self,
                                             guint         category);
const char   *xa_chart_get_series_name      (XaChart      *self,
                                             guint         series);
void          xa_chart_add_reference        (XaChart      *self,
                                             double        value,
                                             const char   *label);
void          xa_chart_set_value_format     (XaChart      *self,
                                             guint         decimals,
                                             const char   *unit);
char         *xa_chart_format_value         (XaChart      *self,
                                             double        value);
void          xa_chart_set_range            (XaChart      *self,
                                             double        min,
                                             double        max);
void          xa_chart_set_font_size        (XaChart      *self,
                                             double        size);
double        xa_chart_get_font_size        (XaChart      *self);
void          xa_chart_set_empty_text       (XaChart      *self,
                                             const char   *text);
void          xa_chart_set_note             (XaChart      *self,
                                             const char   *note);
gboolean      xa_chart_is_empty             (XaChart      *self);
XaChart      *xa_chart_slice                (XaChart      *self,
                                             guint         first,
                                             guint         n);
guint         xa_chart_get_rows_fitting     (XaChart      *self,
                                             double        width,
                                             double        height);
double        xa_chart_get_natural_height   (XaChart      *self,
                                             double        width);
char         *xa_chart_dup_text             (XaChart      *self);
void          xa_chart_draw                 (XaChart        *self,
                                             cairo_t        *cr,
                                             PangoContext   *context,
                                             XaFontResolver *fonts,
                                             double          x,
                                             double          y,
                                             double          width,
                                             double          height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaChart, xa_chart_unref)

G_END_DECLS
