/* test-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart primitive (src/document/xa-chart.c): each kind drawn into a rectangle of an
 * A4 PDF page and read back with Poppler — its title, categories, series, values and
 * reference labels are there as text (vector, not pixels); a chart without values says
 * 无数据; a chart with more categories than fit says how many it left out, and its
 * slices page all of them; negative values print with their sign. With
 * XA_TEST_CHART_PNG=dir the charts are written as PNGs too, to look at.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "xa-test-pdf-text.h"
#include "xa-test-utils.h"
#include "document/xa-font-resolver.h"
#include "document/xa-chart.h"

#define WIDTH  595.28
#define HEIGHT 841.89

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
write_png (XaChart        *chart,
           XaFontResolver *fonts,
           const char     *name,
           double          width,
           double          height)
{
  const char *dir = g_getenv ("XA_TEST_CHART_PNG");
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (dir == NULL)
    return;

  /* Two pixels a point: what a HiDPI widget gets. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * 2), (int) (height * 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  xa_chart_draw (chart, cr, NULL, fonts, 10, 10, width - 20, height - 20);
  cairo_destroy (cr);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* The chart alone on an A4 page, in a rectangle of @width × @height points; the page's
 * text as Poppler reads it, without spaces or line breaks. */
static char *
render_text (XaChart    *chart,
             const char *name,
             double      width,
             double      height)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  GString *squeezed = g_string_new (NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, data, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  xa_chart_draw (chart, cr, NULL, fonts, 50, 60, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  write_png (chart, fonts, name, width, height);

  pdf = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  text = xa_test_pdf_bytes_text (pdf);
  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)))
      g_string_append_unichar (squeezed, g_utf8_get_char (c));

  g_test_message ("%s: %s", name, squeezed->str);
  return g_string_free (squeezed, FALSE);
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the chart's text: %s", part, text);
}

static const char *schools[] = {
  "示例区实验小学", "示例区第一中学", "示例区育才学校", "示例区红星幼儿园",
  "示例区职业技术学校与继续教育中心联合办学点", NULL,
};

static void
test_horizontal_bar (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HORIZONTAL_BAR, "各校安全教育覆盖率");
  const double coverage[] = { 100, 99.6, 98.2, 99.5, 97.0 };
  g_autofree char *text = NULL;

  xa_chart_set_axis_labels (chart, "学校", "覆盖率（%）");
  xa_chart_add_series (chart, NULL);
  xa_chart_set_value_format (chart, 1, "%");
  xa_chart_set_range (chart, 95, 100);
  xa_chart_add_reference (chart, 99.5, "99.5%");
  for (guint i = 0; schools[i] != NULL; i++)
    xa_chart_set_value (chart, 0, xa_chart_add_category (chart, schools[i]), coverage[i]);

  text = render_text (chart, "horizontal-bar.png", 480, 260);
  assert_has (text, "各校安全教育覆盖率");
  assert_has (text, "覆盖率（%）");
  for (guint i = 0; i < 4; i++)
    assert_has (text, schools[i]);
  /* The long name is ellipsised on the page; the PDF's text keeps it whole (the
   * ellipsis stands for the characters it replaces), so that a search finds it. */
  assert_has (text, "示例区职业技术");
  assert_has (text, "98.2%");
  assert_has (text, "97.0%");
  assert_has (text, "99.5%");
}

static void
test_bar (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_BAR, "等级分布");
  const char *grades[] = { "优秀", "良好", "合格", "不合格" };
  const double counts[] = { 12, 30, 7, 0 };
  g_autofree char *text = NULL;

  xa_chart_set_axis_labels (chart, "等级", "学校数（所）");
  xa_chart_add_series (chart, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    xa_chart_set_value (chart, 0, xa_chart_add_category (chart, grades[i]), counts[i]);

  text = render_text (chart, "bar.png", 300, 220);
  assert_has (text, "等级分布");
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    assert_has (text, grades[i]);
  assert_has (text, "30");
  assert_has (text, "学校数（所）");
}

static void
test_stacked_bar (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_STACKED_BAR, "各校一级指标得分");
  const char *domains[] = { "组织领导", "制度建设", "隐患排查", "安全教育", "专项整治", "应急管理", "九无" };
  const double points[] = { 10, 10, 20, 20, 15, 15, 10 };
  g_autofree char *text = NULL;

  xa_chart_set_axis_labels (chart, NULL, "得分");
  xa_chart_set_range (chart, 0, 100);
  xa_chart_add_reference (chart, 60, "合格线");
  for (guint s = 0; s < G_N_ELEMENTS (domains); s++)
    xa_chart_add_series (chart, domains[s]);
  for (guint c = 0; c < 4; c++)
    {
      xa_chart_add_category (chart, schools[c]);
      for (guint s = 0; s < G_N_ELEMENTS (domains); s++)
        xa_chart_set_value (chart, s, c, points[s] - (c + s) % 3);
    }

  text = render_text (chart, "stacked-bar.png", 480, 240);
  for (guint s = 0; s < G_N_ELEMENTS (domains); s++)
    assert_has (text, domains[s]);
  for (guint c = 0; c < 4; c++)
    assert_has (text, schools[c]);
  assert_has (text, "合格线");
  /* The first school's total: 100 − (0+1+2+0+1+2+0). */
  assert_has (text, "94");
}

static void
test_heat_map (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HEAT_MAP, "逾期隐患（学校 × 类别）");
  const char *categories[] = { "消防安全", "校舍安全", "食品卫生", "交通安全", "用电安全", "实验室危化品" };
  g_autofree char *text = NULL;

  xa_chart_set_axis_labels (chart, "学校", "逾期隐患（项）");
  for (guint s = 0; s < G_N_ELEMENTS (categories); s++)
    xa_chart_add_series (chart, categories[s]);
  for (guint c = 0; c < 4; c++)
    {
      xa_chart_add_category (chart, schools[c]);
      for (guint s = 0; s < G_N_ELEMENTS (categories); s++)
        xa_chart_set_value (chart, s, c, (c * 3 + s * 5) % 7);
    }
  xa_chart_set_value (chart, 5, 3, NAN);

  text = render_text (chart, "heat-map.png", 480, 240);
  for (guint s = 0; s < G_N_ELEMENTS (categories); s++)
    assert_has (text, categories[s]);
  for (guint c = 0; c < 4; c++)
    assert_has (text, schools[c]);
  assert_has (text, "逾期隐患（项）");
  /* The scale's ends. */
  assert_has (text, "6");
}

static void
test_line (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_LINE, "全区平均分（逐年）");
  const char *years[] = { "2019—2020", "2020—2021", "2021—2022", "2022—2023" };
  g_autofree char *text = NULL;

  xa_chart_set_axis_labels (chart, "学年度", "得分");
  xa_chart_set_value_format (chart, 1, NULL);
  xa_chart_add_series (chart, "平均分");
  xa_chart_add_series (chart, "最低分");
  for (guint c = 0; c < G_N_ELEMENTS (years); c++)
    {
      xa_chart_add_category (chart, years[c]);
      xa_chart_set_value (chart, 0, c, 84.5 + c);
      xa_chart_set_value (chart, 1, c, c == 1 ? NAN : 58.0 + 3 * c);
    }

  text = render_text (chart, "line.png", 400, 240);
  for (guint c = 0; c < G_N_ELEMENTS (years); c++)
    assert_has (text, years[c]);
  assert_has (text, "平均分");
  assert_has (text, "最低分");
  assert_has (text, "87.5");
  assert_has (text, "64.0");
}

static void
test_empty (void)
{
  g_autoptr(XaChart) bars = xa_chart_new (XA_CHART_HORIZONTAL_BAR, "各校覆盖率");
  g_autoptr(XaChart) heat = xa_chart_new (XA_CHART_HEAT_MAP, "逾期隐患");
  g_autofree char *text = NULL;
  g_autofree char *heat_text = NULL;

  g_assert_true (xa_chart_is_empty (bars));
  text = render_text (bars, "empty.png", 300, 120);
  assert_has (text, "各校覆盖率");
  assert_has (text, "无数据");

  /* Categories without a single value are still no data. */
  xa_chart_add_series (heat, "消防安全");
  xa_chart_add_category (heat, schools[0]);
  g_assert_true (xa_chart_is_empty (heat));
  heat_text = render_text (heat, "empty-heat.png", 300, 120);
  assert_has (heat_text, "无数据");
}

static void
test_negative (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HORIZONTAL_BAR, "得分较上年变化");
  const double change[] = { 3.5, -3.5, 0, -12.0, 1.0 };
  g_autofree char *text = NULL;

  xa_chart_add_series (chart, NULL);
  xa_chart_set_value_format (chart, 1, NULL);
  for (guint i = 0; schools[i] != NULL; i++)
    xa_chart_set_value (chart, 0, xa_chart_add_category (chart, schools[i]), change[i]);

  g_assert_false (xa_chart_is_empty (chart));
  text = render_text (chart, "negative.png", 480, 220);
  assert_has (text, "3.5");
  assert_has (text, "-3.5");
  assert_has (text, "-12.0");
  assert_has (text, "0.0");
}

static void
test_many_categories (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HORIZONTAL_BAR, "各校得分");
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint fit;
  guint pages = 0;

  xa_chart_add_series (chart, NULL);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u校", i + 1);

      xa_chart_set_value (chart, 0, xa_chart_add_category (chart, name), 60 + i % 40);
    }

  fit = xa_chart_get_rows_fitting (chart, 480, 300);
  g_assert_cmpuint (fit, >, 5);
  g_assert_cmpuint (fit, <, 300);
  text = render_text (chart, "many.png", 480, 300);
  /* The last row says how many were left out; the last school is not drawn. */
  more = g_strdup_printf ("另有%u项未显示", 300 - (fit - 1));
  assert_has (text, more);
  assert_has (text, "第1校");
  g_assert_null (strstr (text, "第300校"));

  /* Its slices page every school, none left out. */
  for (guint first = 0; first < 300; first += fit)
    {
      g_autoptr(XaChart) slice = xa_chart_slice (chart, first, fit);
      g_autofree char *page = render_text (slice, "many-slice.png", 480, 300);

      g_assert_null (strstr (page, "未显示"));
      for (guint c = 0; c < xa_chart_get_n_categories (slice); c++)
        {
          /* 第1校 is in 第10校: look for the name with the value after it. */
          g_autofree char *entry = g_strdup_printf ("%s", xa_chart_get_category (slice, c));

          assert_has (page, entry);
          g_hash_table_add (seen, g_steal_pointer (&entry));
        }
      pages++;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 300);
  g_assert_cmpuint (pages, ==, (300 + fit - 1) / fit);
}

static void
test_text (void)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HEAT_MAP, "逾期隐患");
  g_autofree char *text = NULL;

  xa_chart_add_series (chart, "消防安全");
  xa_chart_add_category (chart, "示例区实验小学");
  xa_chart_add_reference (chart, 3, "警戒线");
  xa_chart_set_value_format (chart, 0, "项");
  text = xa_chart_dup_text (chart);
  assert_has (text, "逾期隐患");
  assert_has (text, "消防安全");
  assert_has (text, "示例区实验小学");
  assert_has (text, "警戒线");
  assert_has (text, "无数据");
  assert_has (text, "项");
  assert_has (text, "0123456789");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/chart/horizontal-bar", test_horizontal_bar);
  g_test_add_func ("/xa/chart/bar", test_bar);
  g_test_add_func ("/xa/chart/stacked-bar", test_stacked_bar);
  g_test_add_func ("/xa/chart/heat-map", test_heat_map);
  g_test_add_func ("/xa/chart/line", test_line);
  g_test_add_func ("/xa/chart/empty", test_empty);
  g_test_add_func ("/xa/chart/negative", test_negative);
  g_test_add_func ("/xa/chart/many-categories", test_many_categories);
  g_test_add_func ("/xa/chart/text", test_text);

  return g_test_run ();
}
