/* district-anchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The anchor of district-report.sh: what a bare Pango + Cairo program takes to write a
 * table report of N rows (default 300) to an A4 PDF, with none of the app's code — the
 * "300-row table report" of ../shared/reference/performance.md. A title, then a ruled
 * table of the ranking's eight columns (排名, 学校标识码, 学校, 自评分, 考核分, 等级, 一票否决,
 * 状态) in 仿宋-like Noto Serif CJK SC, each cell its own PangoLayout wrapped to its
 * column, the header repeated on every page, a page number at the foot. Prints the
 * seconds and the pages, as district-report does.
 *
 * Usage: district-anchor OUT.pdf [N]
 */

#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>

#define PAGE_W  595.276
#define PAGE_H  841.89
#define LEFT    79.37      /* GB/T 9704: 28 mm */
#define TOP     104.88     /* 37 mm */
#define BOTTOM  99.21      /* 35 mm */
#define SIZE    10.5       /* 五号 */
#define PAD     4.0

static const char *headings[] = { "排名", "学校标识码", "学校", "自评分", "考核分", "等级", "一票否决", "状态" };
/* Each column's characters (digits count half), as the app's tables size theirs. */
static const double weights[] = { 2.5, 5.5, 9, 3, 3, 2.5, 4, 3 };
#define N_COLUMNS G_N_ELEMENTS (headings)

typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  double                edges[N_COLUMNS + 1];
  double                y;
  int                   page;
} Report;

static PangoLayout *
cell_layout (Report     *report,
             const char *text,
             gboolean    heading,
             double      width)
{
  PangoLayout *layout = pango_layout_new (report->context);

  pango_layout_set_font_description (layout, heading ? report->bold : report->font);
  pango_layout_set_width (layout, (int) ((width - 2 * PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* One row: its cells laid out, measured, then drawn with their rules; a new page (with
 * the header again) when it does not fit. */
static void
draw_row (Report             *report,
          const char * const *cells,
          gboolean            heading);

static void
new_page (Report *report)
{
  if (report->page > 0)
    cairo_show_page (report->cr);
  report->page++;
  report->y = TOP;
  {
    g_autofree char *number = g_strdup_printf ("— %d —", report->page);
    PangoLayout *layout = cell_layout (report, number, FALSE, PAGE_W - 2 * LEFT);

    cairo_move_to (report->cr, LEFT + PAD, PAGE_H - BOTTOM + 20);
    pango_cairo_show_layout (report->cr, layout);
    g_object_unref (layout);
  }
  draw_row (report, headings, TRUE);
}

static void
draw_row (Report             *report,
          const char * const *cells,
          gboolean            heading)
{
  PangoLayout *layouts[N_COLUMNS];
  double height = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int h;

      layouts[c] = cell_layout (report, cells[c], heading, report->edges[c + 1] - report->edges[c]);
      pango_layout_get_size (layouts[c], NULL, &h);
      height = MAX (height, (double) h / PANGO_SCALE + 2 * PAD);
    }
  if (!heading && report->y + height > PAGE_H - BOTTOM)
    {
      for (guint c = 0; c < N_COLUMNS; c++)
        g_object_unref (layouts[c]);
      new_page (report);
      draw_row (report, cells, FALSE);
      return;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      cairo_move_to (report->cr, report->edges[c] + PAD, report->y + PAD);
      pango_cairo_show_layout (report->cr, layouts[c]);
      g_object_unref (layouts[c]);
      cairo_rectangle (report->cr, report->edges[c], report->y, report->edges[c + 1] - report->edges[c], height);
    }
  cairo_set_line_width (report->cr, heading ? 1.0 : 0.5);
  cairo_stroke (report->cr);
  report->y += height;
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 300;
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface;
  PangoLayout *title;
  Report report = { 0 };
  double total = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s OUT.pdf [N]\n", argv[0]);
      return 2;
    }

  surface = cairo_pdf_surface_create (argv[1], PAGE_W, PAGE_H);
  report.cr = cairo_create (surface);
  report.context = pango_cairo_create_context (report.cr);
  pango_context_set_language (report.context, pango_language_from_string ("zh-cn"));
  pango_cairo_context_set_resolution (report.context, 72);  /* sizes in points */
  report.font = pango_font_description_from_string ("Noto Serif CJK SC 10.5");
  report.bold = pango_font_description_from_string ("Noto Sans CJK SC Bold 10.5");
  /* Each column its characters and padding; what is left of the width shared alike. */
  for (guint c = 0; c < N_COLUMNS; c++)
    total += weights[c];
  report.edges[0] = LEFT;
  for (guint c = 0; c < N_COLUMNS; c++)
    report.edges[c + 1] = report.edges[c] + weights[c] * SIZE + 2 * PAD +
                          (PAGE_W - 2 * LEFT - total * SIZE - 2 * PAD * N_COLUMNS) * weights[c] / total;

  new_page (&report);
  /* The title above the first page's table. */
  title = pango_layout_new (report.context);
  {
    PangoFontDescription *font = pango_font_description_from_string ("Noto Serif CJK SC Bold 16");

    pango_layout_set_font_description (title, font);
    pango_font_description_free (font);
  }
  pango_layout_set_width (title, (int) ((PAGE_W - 2 * LEFT) * PANGO_SCALE));
  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  pango_layout_set_text (title, "2021—2022学年度学校安全工作目标考核情况汇总", -1);
  cairo_move_to (report.cr, LEFT, TOP - 40);
  pango_cairo_show_layout (report.cr, title);
  g_object_unref (title);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *code = g_strdup_printf ("2150%06u", i);
      g_autofree char *name = g_strdup_printf ("示例区第%u学校", i + 1);
      g_autofree char *self_score = g_strdup_printf ("%.1f", 99.5 - (i % 40) * 0.5);
      g_autofree char *score = g_strdup_printf ("%.1f", 99.0 - (i % 40) * 0.5);
      const char *cells[] = { rank, code, name, self_score, score, i % 40 < 18 ? "优秀" : "良好",
                              i % 50 == 7 ? "是" : "", "已定稿" };

      draw_row (&report, cells, FALSE);
    }

  cairo_show_page (report.cr);
  pango_font_description_free (report.font);
  pango_font_description_free (report.bold);
  g_object_unref (report.context);
  cairo_destroy (report.cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "%s: %s\n", argv[1], cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return 1;
    }
  cairo_surface_destroy (surface);
  printf ("%.3f s, %d pages\n", (g_get_monotonic_time () - start) / 1e6, report.page);
  return 0;
}
