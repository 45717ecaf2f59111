/* xa-signature-pad.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a responsible person signs in the app, for the signature image the agreement's
 * PDF puts on their line (xa-seal-images.h). A stylus draws through GtkGestureStylus,
 * with its pressure for the width where the tablet gives one; a mouse or a finger
 * through GtkGestureDrag, at an even width. Strokes are kept as points, so that one can
 * be undone, and drawn again at any scale: the PNG is rendered at twice the pad's
 * pixels, in dark blue ink on a transparent ground, cropped to the ink with a margin.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-signature-pad.h"

/* The line's width at even pressure, in the pad's pixels: a pen's half millimetre once
 * the signature is scaled to its line on the page; and how the PNG is made. */
#define BASE_WIDTH   4.5
#define PNG_SCALE    2.0
#define PNG_MARGIN   8.0
#define INK_R        0.05
#define INK_G        0.10
#define INK_B        0.45

typedef struct
{
  double x;
  double y;
  double pressure;  /* 0–1; 0.5 where the device gives none */
} Point;

struct _XaSignaturePad
{
  GtkWidget  parent_instance;

  GPtrArray *strokes;    /* of GArray of Point */
  gboolean   drawing;
  gboolean   stylus;     /* the stroke under way is the stylus gesture's */
  double     drag_x;
  double     drag_y;
};

G_DEFINE_FINAL_TYPE (XaSignaturePad, xa_signature_pad, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_STROKES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
point_width (const Point *point)
{
  return BASE_WIDTH * (0.4 + 1.2 * point->pressure);
}

/* Draws the strokes, each segment as wide as its pressure says, with round ends so
 * that the segments join. */
static void
draw_strokes (XaSignaturePad *self,
              cairo_t        *cr)
{
  cairo_set_source_rgb (cr, INK_R, INK_G, INK_B);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = self->strokes->pdata[i];

      if (stroke->len == 1)
        {
          const Point *p = &g_array_index (stroke, Point, 0);

          cairo_new_path (cr);
          cairo_arc (cr, p->x, p->y, point_width (p) / 2, 0, 2 * G_PI);
          cairo_fill (cr);
          continue;
        }

      for (guint j = 1; j < stroke->len; j++)
        {
          const Point *a = &g_array_index (stroke, Point, j - 1);
          const Point *b = &g_array_index (stroke, Point, j);

          cairo_new_path (cr);
          cairo_set_line_width (cr, (point_width (a) + point_width (b)) / 2);
          cairo_move_to (cr, a->x, a->y);
          cairo_line_to (cr, b->x, b->y);
          cairo_stroke (cr);
        }
    }
}

static void
changed (XaSignaturePad *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STROKES]);
}

/* Gestures */

static void
stylus_down_cb (GtkGestureStylus *gesture,
                double            x,
                double            y,
                XaSignaturePad   *self)
{
  double pressure = 0.5;

  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    pressure = 0.5;
  self->stylus = TRUE;
  xa_signature_pad_begin_stroke (self, x, y, pressure);
}

static void
stylus_motion_cb (GtkGestureStylus *gesture,
                  double            x,
                  double            y,
                  XaSignaturePad   *self)
{
  double pressure = 0.5;

  if (!self->stylus)
    return;
  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    pressure = 0.5;
  xa_signature_pad_extend_stroke (self, x, y, pressure);
}

static void
stylus_up_cb (GtkGestureStylus *gesture,
              double            x,
              double            y,
              XaSignaturePad   *self)
{
  if (!self->stylus)
    return;
  xa_signature_pad_end_stroke (self);
  self->stylus = FALSE;
}

/* A mouse or a finger; a stylus's own events are the stylus gesture's. */
static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               XaSignaturePad *self)
{
  if (self->stylus)
    return;
  self->drag_x = x;
  self->drag_y = y;
  xa_signature_pad_begin_stroke (self, x, y, 0.5);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                XaSignaturePad *self)
{
  if (self->stylus || !self->drawing)
    return;
  xa_signature_pad_extend_stroke (self, self->drag_x + dx, self->drag_y + dy, 0.5);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             XaSignaturePad *self)
{
  if (self->stylus || !self->drawing)
    return;
  xa_signature_pad_end_stroke (self);
}

/* Vfuncs */

static void
xa_signature_pad_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  XaSignaturePad *self = XA_SIGNATURE_PAD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Paper, and a line to sign on. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, width * 0.08, height * 0.75 + 0.5);
  cairo_line_to (cr, width * 0.92, height * 0.75 + 0.5);
  cairo_stroke (cr);

  draw_strokes (self, cr);
  cairo_destroy (cr);
}

static void
xa_signature_pad_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 520 : 200;
}

static void
xa_signature_pad_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XaSignaturePad *self = XA_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_N_STROKES:
      g_value_set_uint (value, self->strokes->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_signature_pad_finalize (GObject *object)
{
  XaSignaturePad *self = XA_SIGNATURE_PAD (object);

  g_ptr_array_unref (self->strokes);

  G_OBJECT_CLASS (xa_signature_pad_parent_class)->finalize (object);
}

static void
xa_signature_pad_class_init (XaSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xa_signature_pad_get_property;
  object_class->finalize = xa_signature_pad_finalize;
  widget_class->snapshot = xa_signature_pad_snapshot;
  widget_class->measure = xa_signature_pad_measure;

  properties[PROP_N_STROKES] =
    g_param_spec_uint ("n-strokes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "signaturepad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
xa_signature_pad_init (XaSignaturePad *self)
{
  GtkGesture *stylus = gtk_gesture_stylus_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_signal_connect (stylus, "down", G_CALLBACK (stylus_down_cb), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (stylus_motion_cb), self);
  g_signal_connect (stylus, "up", G_CALLBACK (stylus_up_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature pad: sign here with the mouse, a finger or a stylus"),
                                  -1);
}

/* Public API */

GtkWidget *
xa_signature_pad_new (void)
{
  return g_object_new (XA_TYPE_SIGNATURE_PAD, NULL);
}

guint
xa_signature_pad_get_n_strokes (XaSignaturePad *self)
{
  g_return_val_if_fail (XA_IS_SIGNATURE_PAD (self), 0);

  return self->strokes->len;
}

/**
 * xa_signature_pad_begin_stroke:
 * @x: in the pad's coordinates
 * @pressure: 0–1, 0.5 for a device without pressure
 */
void
xa_signature_pad_begin_stroke (XaSignaturePad *self,
                               double          x,
                               double          y,
                               double          pressure)
{
  GArray *stroke;
  Point point = { x, y, CLAMP (pressure, 0, 1) };

  g_return_if_fail (XA_IS_SIGNATURE_PAD (self));

  stroke = g_array_new (FALSE, FALSE, sizeof (Point));
  g_array_append_val (stroke, point);
  g_ptr_array_add (self->strokes, stroke);
  self->drawing = TRUE;
  changed (self);
}

void
xa_signature_pad_extend_stroke (XaSignaturePad *self,
                                double          x,
                                double          y,
                                double          pressure)
{
  Point point = { x, y, CLAMP (pressure, 0, 1) };

  g_return_if_fail (XA_IS_SIGNATURE_PAD (self));

  if (!self->drawing || self->strokes->len == 0)
    return;

  g_array_append_val (self->strokes->pdata[self->strokes->len - 1], point);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
xa_signature_pad_end_stroke (XaSignaturePad *self)
{
  g_return_if_fail (XA_IS_SIGNATURE_PAD (self));

  self->drawing = FALSE;
}

/**
 * xa_signature_pad_undo:
 *
 * Takes the last stroke away.
 */
void
xa_signature_pad_undo (XaSignaturePad *self)
{
  g_return_if_fail (XA_IS_SIGNATURE_PAD (self));

  if (self->strokes->len == 0)
    return;

  self->drawing = FALSE;
  g_ptr_array_set_size (self->strokes, self->strokes->len - 1);
  changed (self);
}

void
xa_signature_pad_clear (XaSignaturePad *self)
{
  g_return_if_fail (XA_IS_SIGNATURE_PAD (self));

  self->drawing = FALSE;
  g_ptr_array_set_size (self->strokes, 0);
  changed (self);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * xa_signature_pad_to_png:
 *
 * The signature as a transparent PNG (ARGB32), its ink dark blue, cropped to the ink
 * with a margin, at twice the pad's pixels.
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set when nothing is drawn
 */
GBytes *
xa_signature_pad_to_png (XaSignaturePad  *self,
                         GError         **error)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (XA_IS_SIGNATURE_PAD (self), NULL);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = self->strokes->pdata[i];

      for (guint j = 0; j < stroke->len; j++)
        {
          const Point *p = &g_array_index (stroke, Point, j);
          double half = point_width (p) / 2;

          x1 = MIN (x1, p->x - half);
          y1 = MIN (y1, p->y - half);
          x2 = MAX (x2, p->x + half);
          y2 = MAX (y2, p->y + half);
        }
    }

  if (self->strokes->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Nothing is drawn: sign on the pad first"));
      return NULL;
    }

  x1 -= PNG_MARGIN;
  y1 -= PNG_MARGIN;
  x2 += PNG_MARGIN;
  y2 += PNG_MARGIN;
  width = (int) ((x2 - x1) * PNG_SCALE + 0.5);
  height = (int) ((y2 - y1) * PNG_SCALE + 0.5);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  cairo_translate (cr, -x1, -y1);
  draw_strokes (self, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png_stream (surface, append_bytes, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot save the signature: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
