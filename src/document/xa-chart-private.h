/* xa-chart-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart's data (xa-chart.c), for its drawing (xa-chart-draw.c).
 */

#pragma once

#include "xa-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double  value;
  char   *label;
} XaChartReference;

struct _XaChart
{
  gatomicrefcount  ref_count;
  XaChartKind      kind;
  char            *title;
  char            *category_axis;
  char            *value_axis;
  GPtrArray       *categories;   /* of char * */
  GPtrArray       *series;       /* of char * */
  GPtrArray       *values;       /* of GArray of double, one per series; NAN: no value */
  GArray          *references;   /* of XaChartReference */
  guint            decimals;
  char            *unit;
  double           min;          /* NAN: from the values */
  double           max;
  double           font_size;
  char            *empty_text;
  char            *note;
};

double _xa_chart_value (const XaChart *self,
                        guint          series,
                        guint          category);

G_END_DECLS
