/* xa-test-seal.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seal and signature images made at run time with Cairo, for the tests and for looking
 * at sealed PDFs: no real seal is ever committed.
 */

#include "config.h"

#include <math.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "xa-test-seal.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_to_png (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  return g_byte_array_free_to_bytes (png);
}

static void
star (cairo_t *cr,
      double   cx,
      double   cy,
      double   r)
{
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = i % 2 == 0 ? r : r * 0.38;

      if (i == 0)
        cairo_move_to (cr, cx + rr * cos (a), cy + rr * sin (a));
      else
        cairo_line_to (cr, cx + rr * cos (a), cy + rr * sin (a));
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

GBytes *
xa_test_make_seal_png (int size)
{
  const char *text = "测试用章仅供测试";
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK SC Bold");
  double c = size / 2.0;
  glong n = g_utf8_strlen (text, -1);
  const char *p = text;
  GBytes *png;

  cairo_set_source_rgba (cr, 0.85, 0.1, 0.1, 0.95);
  cairo_set_line_width (cr, size * 0.035);
  cairo_arc (cr, c, c, size * 0.46, 0, 2 * G_PI);
  cairo_stroke (cr);
  star (cr, c, c, size * 0.15);

  pango_font_description_set_absolute_size (font, size * 0.11 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  /* The characters along the upper arc, from the left. */
  for (glong i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      double angle = -G_PI * 0.9 + i * (G_PI * 0.8 / (n - 1));
      int w, h;

      pango_layout_set_text (layout, p, g_utf8_next_char (p) - p);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_save (cr);
      cairo_translate (cr, c + size * 0.34 * cos (angle), c + size * 0.34 * sin (angle));
      cairo_rotate (cr, angle + G_PI / 2);
      cairo_move_to (cr, -w / 2.0, -h / 2.0);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  cairo_surface_flush (surface);
  png = surface_to_png (surface);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return png;
}

GBytes *
xa_test_make_signature_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 360, 120);
  cairo_t *cr = cairo_create (surface);
  GBytes *png;

  cairo_set_source_rgb (cr, 0.05, 0.1, 0.45);
  cairo_set_line_width (cr, 6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, 20, 80);
  cairo_curve_to (cr, 60, 10, 90, 110, 130, 40);
  cairo_curve_to (cr, 160, 0, 180, 100, 220, 60);
  cairo_curve_to (cr, 250, 30, 300, 90, 340, 50);
  cairo_stroke (cr);
  cairo_move_to (cr, 90, 100);
  cairo_line_to (cr, 260, 95);
  cairo_stroke (cr);

  cairo_surface_flush (surface);
  png = surface_to_png (surface);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return png;
}
