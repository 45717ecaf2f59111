/* xa-hazard-text-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of a boxed list for text of several lines (a hazard's description, its
 * measures, notes), beside the entry rows of the one-line columns: its title above, as
 * an entry row shows it while typing, and the text under it, wrapped. Tab leaves it, as
 * it leaves an entry, so that a form is filled from the keyboard alone; Ctrl+Tab, as in
 * any text view, is not needed: a hazard's text has no tab stops.
 */

#include "config.h"

#include "xa-hazard-text-row.h"

struct _XaHazardTextRow
{
  AdwPreferencesRow  parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkTextView       *text_view;
};

G_DEFINE_FINAL_TYPE (XaHazardTextRow, xa_hazard_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
buffer_changed_cb (XaHazardTextRow *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
title_changed_cb (XaHazardTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  gtk_label_set_label (self->title_label, title);
  /* What a screen reader says on entering the text, and reading the list. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
}

static gboolean
xa_hazard_text_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (XA_HAZARD_TEXT_ROW (widget)->text_view));
}

/* Tab and Shift+Tab stop once, in the text, as at an entry row: GtkListBoxRow's own way
 * would focus the row itself on the way back, which is the text again. */
static gboolean
xa_hazard_text_row_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  XaHazardTextRow *self = XA_HAZARD_TEXT_ROW (widget);

  if (gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* A click anywhere on the row, its title too, is a click into the text. */
static void
pressed_cb (XaHazardTextRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
xa_hazard_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_HAZARD_TEXT_ROW);

  G_OBJECT_CLASS (xa_hazard_text_row_parent_class)->dispose (object);
}

static void
xa_hazard_text_row_class_init (XaHazardTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_hazard_text_row_dispose;
  widget_class->grab_focus = xa_hazard_text_row_grab_focus;
  widget_class->focus = xa_hazard_text_row_focus;

  /**
   * XaHazardTextRow::changed:
   *
   * The text changed, typed or set.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XaHazardTextRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, XaHazardTextRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, pressed_cb);
}

static void
xa_hazard_text_row_init (XaHazardTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
}

/**
 * xa_hazard_text_row_new:
 *
 * Returns: (transfer floating): a row titled @title, empty
 */
GtkWidget *
xa_hazard_text_row_new (const char *title)
{
  return g_object_new (XA_TYPE_HAZARD_TEXT_ROW, "title", title, NULL);
}

/**
 * xa_hazard_text_row_dup_text:
 *
 * Returns: (transfer full): the text, as typed
 */
char *
xa_hazard_text_row_dup_text (XaHazardTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (XA_IS_HAZARD_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
xa_hazard_text_row_set_text (XaHazardTextRow *self,
                             const char      *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (XA_IS_HAZARD_TEXT_ROW (self));

  current = xa_hazard_text_row_dup_text (self);
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

/**
 * xa_hazard_text_row_get_view:
 *
 * Returns: (transfer none): the text view, where the focus goes
 */
GtkTextView *
xa_hazard_text_row_get_view (XaHazardTextRow *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_TEXT_ROW (self), NULL);

  return self->text_view;
}
