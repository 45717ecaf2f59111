/* xa-pdf-signer-appearance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The look of a visible digital signature: a framed box that says who signed and when.
 *
 * Why an image: the signer's name is usually Chinese, and text in an appearance stream
 * would need a CJK font embedded in the update (subset, with its widths and ToUnicode
 * map), many times the size of a picture of a few words. Pango draws the box at 300 dpi
 * with the document's 黑体, and the appearance stream paints it as an image with an
 * alpha mask, so that the page shows through around the words.
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "xa-font-resolver.h"
#include "xa-poppler-private.h"
#include "xa-pdf-signer-private.h"

/* The box's words are the document's, in Chinese whatever language the interface
 * speaks (xa-document-words.h explains why they bypass gettext). */
#define SIGNATURE_LABEL  "数字签名"
#define SIGNATURE_TIME   "签名时间：%s"

#define DPI 300.0

#define MM (72.0 / 25.4)

/* The box: 60 × 22 mm, 10 mm under the last line of text (clear of a seal over the
 * signature block's date), its right edge on the right margin of GB/T 9704 (26 mm). */
#define BOX_WIDTH     (60 * MM)
#define BOX_HEIGHT    (22 * MM)
#define BOX_GAP       (10 * MM)
#define RIGHT_MARGIN  (26 * MM)
/* The lower margin holds the page number and nothing else of ours. */
#define LOWER_MARGIN  (35 * MM)

static GBytes *
deflate (const guint8 *data,
         gsize         size,
         GError      **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (stream, data, size, NULL, NULL, error)
      || !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
append_stream (GByteArray *out,
               GBytes     *data)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  _xa_pdf_append (out, "/Length %" G_GSIZE_FORMAT " >>\nstream\n", size);
  g_byte_array_append (out, bytes, size);
  _xa_pdf_append (out, "\nendstream\nendobj\n");
}

static void
show_line (cairo_t    *cr,
           const char *family,
           double      size,
           gboolean    bold,
           const char *text,
           double      x,
           double      y,
           double      width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  pango_context_set_language (pango_layout_get_context (layout), pango_language_from_string ("zh-cn"));
  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The box, in points of the field's rectangle, drawn on @cr. */
static void
draw_box (cairo_t    *cr,
          double      width,
          double      height,
          const char *signer,
          GDateTime  *time)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  const char *family = xa_font_resolver_get_family (fonts, XA_FONT_ROLE_HEITI);
  g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%d %H:%M:%S");
  g_autofree char *when = g_strdup_printf (SIGNATURE_TIME, stamp);
  double pad = height * 0.1;
  double line = (height - 2 * pad) / 3;

  /* The dark blue of a seal's ink pad, not the red of a seal: this is no seal. */
  cairo_set_source_rgb (cr, 0.10, 0.22, 0.50);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_stroke (cr);

  show_line (cr, family, line * 0.62, FALSE, SIGNATURE_LABEL, pad, pad, width - 2 * pad);
  show_line (cr, family, line * 0.80, TRUE, signer, pad, pad + line * 0.95, width - 2 * pad);
  show_line (cr, family, line * 0.58, FALSE, when, pad, pad + line * 2.1, width - 2 * pad);
}

/**
 * _xa_pdf_find_signature_place:
 * @page_index: the page of the field, from 0
 * @media_box: the page's box, in points
 * @rect: (out): the field's place: x, y from the lower left corner, width, height
 *
 * Finds where a visible signature goes when no place is given: under the last line of
 * text of the page (the last page of an agreement ends with its signature block: the
 * parties, their seals and the dates), on the right, where the school's party signs.
 * Text in the lower margin (the page number) does not count. When the page has no room
 * left there, the box goes in the upper margin, where no text is either.
 */
void
_xa_pdf_find_signature_place (GBytes       *pdf,
                              int           page_index,
                              const double  media_box[4],
                              double        rect[4])
{
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, NULL);
  g_autoptr(PopplerPage) page = NULL;
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  double page_width = media_box[2] - media_box[0];
  double page_height = media_box[3] - media_box[1];
  double lowest = 0;  /* from the top of the page */
  double top;

  if (document != NULL && (page = poppler_document_get_page (document, page_index)) != NULL
      && poppler_page_get_text_layout (page, &boxes, &n_boxes))
    {
      for (guint i = 0; i < n_boxes; i++)
        {
          if (boxes[i].y1 < page_height - LOWER_MARGIN && boxes[i].y2 > lowest)
            lowest = boxes[i].y2;
        }
      g_free (boxes);
    }

  top = lowest + BOX_GAP;
  if (lowest <= 0 || top + BOX_HEIGHT > page_height - LOWER_MARGIN)
    top = 8 * MM;

  rect[2] = BOX_WIDTH;
  rect[3] = BOX_HEIGHT;
  rect[0] = media_box[0] + page_width - RIGHT_MARGIN - BOX_WIDTH;
  rect[1] = media_box[1] + page_height - top - BOX_HEIGHT;
}

/**
 * _xa_pdf_append_appearance:
 * @next_id: (inout): the number of the first new object; the one after the last on return
 *
 * Appends the appearance stream of a visible signature field of @width × @height points
 * (object *@next_id, which the widget's /AP names) and the images it paints.
 *
 * Returns: %TRUE, or %FALSE with @error set when the image cannot be compressed
 */
gboolean
_xa_pdf_append_appearance (GByteArray  *out,
                           GArray      *entries,
                           guint       *next_id,
                           double       width,
                           double       height,
                           const char  *signer,
                           GDateTime   *time,
                           GError     **error)
{
  guint form_id = (*next_id)++;
  guint image_id = (*next_id)++;
  guint mask_id = (*next_id)++;
  int pixels_wide = (int) ceil (width / 72.0 * DPI);
  int pixels_high = (int) ceil (height / 72.0 * DPI);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels_wide, pixels_high);
  g_autoptr(GByteArray) rgb = g_byte_array_sized_new (pixels_wide * pixels_high * 3);
  g_autoptr(GByteArray) alpha = g_byte_array_sized_new (pixels_wide * pixels_high);
  g_autoptr(GBytes) rgb_stream = NULL;
  g_autoptr(GBytes) alpha_stream = NULL;
  g_autofree char *content = NULL;
  const guint8 *pixels;
  int stride;
  cairo_t *cr;

  cr = cairo_create (surface);
  cairo_scale (cr, pixels_wide / width, pixels_high / height);
  draw_box (cr, width, height, signer, time);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's pixels are premultiplied native-endian ARGB; PDF wants RGB and the alpha apart. */
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < pixels_high; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + y * stride);

      for (int x = 0; x < pixels_wide; x++)
        {
          guint8 a = row[x] >> 24;
          guint8 px[3] = { 0, 0, 0 };

          for (int c = 0; c < 3 && a > 0; c++)
            px[c] = MIN (255, ((row[x] >> (16 - 8 * c)) & 0xff) * 255 / a);
          g_byte_array_append (rgb, px, 3);
          g_byte_array_append (alpha, &a, 1);
        }
    }
  cairo_surface_destroy (surface);

  if (!(rgb_stream = deflate (rgb->data, rgb->len, error))
      || !(alpha_stream = deflate (alpha->data, alpha->len, error)))
    return FALSE;

  content = g_strdup_printf ("q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n", width, height);
  _xa_pdf_begin_object (out, entries, form_id, 0);
  _xa_pdf_append (out, "<< /Type /XObject /Subtype /Form /BBox [ 0 0 %.2f %.2f ] "
                  "/Resources << /XObject << /Im0 %u 0 R >> >> /Length %" G_GSIZE_FORMAT " >>\n"
                  "stream\n%s\nendstream\nendobj\n",
                  width, height, image_id, strlen (content), content);

  _xa_pdf_begin_object (out, entries, image_id, 0);
  _xa_pdf_append (out, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                  "/BitsPerComponent 8 /SMask %u 0 R /Filter /FlateDecode ",
                  pixels_wide, pixels_high, mask_id);
  append_stream (out, rgb_stream);

  _xa_pdf_begin_object (out, entries, mask_id, 0);
  _xa_pdf_append (out, "<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                  "/BitsPerComponent 8 /Filter /FlateDecode ", pixels_wide, pixels_high);
  append_stream (out, alpha_stream);

  return TRUE;
}
