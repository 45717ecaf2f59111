/* xa-page-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of a document drawn with Cairo straight into the widget, one under the other,
 * each a white sheet with a shadow, scaled to the width available. Each page is a Cairo
 * node recorded in PDF points and scaled, so that text stays sharp at any size and is
 * drawn by the same code that writes the PDF and prints (performance.md: no PNG between).
 *
 * An agreement is laid out in a worker thread (about 150 ms for two copies), never on the
 * main thread: each field applied asks for a new layout, and typing goes on meanwhile.
 * The newest request wins: while one layout runs, later requests replace each other, and
 * when it ends its result, stale by then, is dropped for a layout of the newest. At most
 * one layout runs at a time, and what shows is never older than what was shown.
 */

#include "config.h"

#include "xa-page-preview.h"
#include "xa-ui-utils.h"

#define PAGE_MARGIN   24.0  /* around the column of pages, in pixels */
#define PAGE_GAP      24.0  /* between two pages */
#define MIN_SCALE      0.2
#define MAX_SCALE      1.6  /* wider windows leave room on both sides of the page */
#define NATURAL_WIDTH 640

struct _XaPagePreview
{
  GtkWidget         parent_instance;

  /* Owned references */
  XaPageSet        *pages;
  GCancellable     *loading;  /* of the layout running, NULL when none runs */
  XaPageSetRequest *pending;  /* the newest request, waiting for the running layout */
};

G_DEFINE_FINAL_TYPE (XaPagePreview, xa_page_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGES,
  PROP_N_PAGES,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (XaPagePreview    *self,
                  XaPageSetRequest *request);

static void
set_loading (XaPagePreview *self,
             GCancellable  *loading)
{
  gboolean was_loading = self->loading != NULL;

  g_set_object (&self->loading, loading);
  if (was_loading != (loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_pages (XaPagePreview *self,
           XaPageSet     *pages)
{
  if (!g_set_object (&self->pages, pages))
    return;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XaPagePreview) self = user_data;
  g_autoptr(XaPageSet) pages = NULL;
  g_autoptr(GError) error = NULL;
  XaPageSetRequest *pending;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  pages = xa_page_set_load_finish (result, &error);

  /* Dropped: the preview was given other pages, or went away. */
  if (cancellable != self->loading)
    return;

  /* Stale: a newer request came while this one ran; lay that out instead. */
  if ((pending = g_steal_pointer (&self->pending)) != NULL)
    {
      load (self, pending);
      return;
    }

  set_loading (self, NULL);

  if (pages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot lay the agreement out: %s", error->message);
      set_pages (self, NULL);
      return;
    }

  set_pages (self, pages);
}

/* @request: (transfer full) */
static void
load (XaPagePreview    *self,
      XaPageSetRequest *request)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  set_loading (self, cancellable);
  xa_page_set_load_async (request, cancellable, loaded_cb, g_object_ref (self));
}

/* Forgets the layout running and the one waiting: their results will be dropped. */
static void
drop_loading (XaPagePreview *self)
{
  g_clear_pointer (&self->pending, xa_page_set_request_free);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  set_loading (self, NULL);
}

static double
scale_for_width (double width)
{
  return CLAMP ((width - 2 * PAGE_MARGIN) / XA_PAGE_WIDTH, MIN_SCALE, MAX_SCALE);
}

static double
height_for_width (XaPagePreview *self,
                  double         width)
{
  guint n = xa_page_preview_get_n_pages (self);

  if (n == 0)
    return 0;

  return 2 * PAGE_MARGIN + n * XA_PAGE_HEIGHT * scale_for_width (width) + (n - 1) * PAGE_GAP;
}

static void
xa_page_preview_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  XaPagePreview *self = XA_PAGE_PREVIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * PAGE_MARGIN + XA_PAGE_WIDTH * MIN_SCALE;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = *natural = ceil (height_for_width (self, for_size < 0 ? NATURAL_WIDTH : for_size));
    }
}

static GtkSizeRequestMode
xa_page_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
xa_page_preview_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  XaPagePreview *self = XA_PAGE_PREVIEW (widget);
  const GdkRGBA white = { 1, 1, 1, 1 };
  const GdkRGBA shadow = { 0, 0, 0, 0.3 };
  double width = gtk_widget_get_width (widget);
  double scale = scale_for_width (width);
  double page_width = XA_PAGE_WIDTH * scale;
  double page_height = XA_PAGE_HEIGHT * scale;
  double x = floor ((width - page_width) / 2);
  guint n = xa_page_preview_get_n_pages (self);

  for (guint page = 0; page < n; page++)
    {
      double y = PAGE_MARGIN + page * (page_height + PAGE_GAP);
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, page_width, page_height);
      GskRoundedRect outline;
      cairo_t *cr;

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 4);
      gtk_snapshot_append_color (snapshot, &white, &bounds);

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, XA_PAGE_WIDTH, XA_PAGE_HEIGHT);
      cairo_clip (cr);
      xa_page_set_draw_page (self->pages, cr, page);
      cairo_destroy (cr);
    }
}

static void
xa_page_preview_dispose (GObject *object)
{
  XaPagePreview *self = XA_PAGE_PREVIEW (object);

  drop_loading (self);
  g_clear_object (&self->pages);

  G_OBJECT_CLASS (xa_page_preview_parent_class)->dispose (object);
}

static void
xa_page_preview_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XaPagePreview *self = XA_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      g_value_set_object (value, self->pages);
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, xa_page_preview_get_n_pages (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, xa_page_preview_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_page_preview_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XaPagePreview *self = XA_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGES:
      xa_page_preview_set_pages (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_page_preview_class_init (XaPagePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_page_preview_dispose;
  object_class->get_property = xa_page_preview_get_property;
  object_class->set_property = xa_page_preview_set_property;

  widget_class->measure = xa_page_preview_measure;
  widget_class->get_request_mode = xa_page_preview_get_request_mode;
  widget_class->snapshot = xa_page_preview_snapshot;

  properties[PROP_PAGES] =
    g_param_spec_object ("pages", NULL, NULL,
                         XA_TYPE_PAGE_SET,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Whether a layout runs: the pages shown are about to be replaced. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pagepreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
xa_page_preview_init (XaPagePreview *self)
{
}

GtkWidget *
xa_page_preview_new (void)
{
  return g_object_new (XA_TYPE_PAGE_PREVIEW, NULL);
}

/**
 * xa_page_preview_get_pages:
 *
 * Returns: (transfer none) (nullable): the pages shown
 */
XaPageSet *
xa_page_preview_get_pages (XaPagePreview *self)
{
  g_return_val_if_fail (XA_IS_PAGE_PREVIEW (self), NULL);

  return self->pages;
}

/**
 * xa_page_preview_set_pages:
 * @pages: (nullable): pages laid out already
 *
 * Shows @pages; a layout still running for xa_page_preview_show_agreement() is dropped.
 */
void
xa_page_preview_set_pages (XaPagePreview *self,
                           XaPageSet     *pages)
{
  g_return_if_fail (XA_IS_PAGE_PREVIEW (self));
  g_return_if_fail (pages == NULL || XA_IS_PAGE_SET (pages));

  drop_loading (self);
  set_pages (self, pages);
}

/**
 * xa_page_preview_show_agreement:
 * @book: where the agreement is stored
 * @uuid: the agreement revision
 * @copies: the originals to show
 * @fonts: the typefaces
 *
 * Lays the agreement out as stored, in a worker thread, then shows it: returns at once,
 * with the pages shown until then still showing and "loading" TRUE. Called again before
 * that layout ends, only the newest call is laid out next and shown.
 */
void
xa_page_preview_show_agreement (XaPagePreview   *self,
                                XaAgreementBook *book,
                                const char      *uuid,
                                XaCopies         copies,
                                XaFontResolver  *fonts)
{
  XaPageSetRequest *request;

  g_return_if_fail (XA_IS_PAGE_PREVIEW (self));

  if (!(request = xa_page_set_request_new (book, uuid, copies, fonts)))
    return;
  request->page_codes = xa_settings_get_page_codes ();

  if (self->loading != NULL)
    {
      /* Its result will be stale: cancelled if it has not started yet, dropped else. */
      g_cancellable_cancel (self->loading);
      g_clear_pointer (&self->pending, xa_page_set_request_free);
      self->pending = request;
      return;
    }

  load (self, request);
}

gboolean
xa_page_preview_get_loading (XaPagePreview *self)
{
  g_return_val_if_fail (XA_IS_PAGE_PREVIEW (self), FALSE);

  return self->loading != NULL;
}

guint
xa_page_preview_get_n_pages (XaPagePreview *self)
{
  g_return_val_if_fail (XA_IS_PAGE_PREVIEW (self), 0);

  return self->pages != NULL ? xa_page_set_get_n_pages (self->pages) : 0;
}

/**
 * xa_page_preview_page_at:
 * @y: a height in the widget, such as the middle of what a scrolled window shows
 *
 * Returns: the page drawn at @y, counted from 0, the nearest one in a gap or a margin
 */
guint
xa_page_preview_page_at (XaPagePreview *self,
                         double         y)
{
  guint n;
  double pitch;
  double page;

  g_return_val_if_fail (XA_IS_PAGE_PREVIEW (self), 0);

  if ((n = xa_page_preview_get_n_pages (self)) == 0)
    return 0;

  pitch = XA_PAGE_HEIGHT * scale_for_width (gtk_widget_get_width (GTK_WIDGET (self))) + PAGE_GAP;
  page = floor ((y - PAGE_MARGIN + PAGE_GAP / 2) / pitch);

  return (guint) CLAMP (page, 0, n - 1);
}
