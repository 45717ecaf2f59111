/* xa-record-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the section's three forms (a session, a drill, an incident) share: a window that
 * records one new record, saved with Ctrl+S (form.save) and closed when stored; an edit
 * makes it dirty, and closing it then, or the main window with it open, asks first
 * (xa-unsaved.c). A subclass fills its fields, calls xa_record_window_changed() when one
 * changes and stores its record in its save vfunc; "saved" follows a store. A refusal
 * is shown at the top of the form, in the label its template names "error_label"
 * (xa_record_window_refuse()), until a field changes.
 */

#include "config.h"

#include "xa-record-window.h"
#include "xa-unsaved.h"

typedef struct
{
  char     *what;
  gboolean  dirty;
  gboolean  filling;
  gboolean  close_confirmed;
} XaRecordWindowPrivate;

static void xa_record_window_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_TYPE_WITH_CODE (XaRecordWindow, xa_record_window, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (XaRecordWindow)
                         G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_record_window_unsaved_init))

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The subclass's, if its template has one */
static GtkWidget *
error_label (XaRecordWindow *self)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), "error_label"));
}

static gboolean
save (XaRecordWindow  *self,
      GError         **error)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  if (!XA_RECORD_WINDOW_GET_CLASS (self)->save (self, error))
    return FALSE;
  priv->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaRecordWindow *self = XA_RECORD_WINDOW (widget);
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  if (save (self, NULL))
    {
      priv->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Unsaved edits */

static char *
xa_record_window_dup_unsaved (XaUnsaved *unsaved)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (XA_RECORD_WINDOW (unsaved));

  return priv->dirty ? g_strdup (priv->what) : NULL;
}

static gboolean
xa_record_window_save (XaUnsaved  *unsaved,
                       GError    **error)
{
  return save (XA_RECORD_WINDOW (unsaved), error);
}

static void
xa_record_window_discard (XaUnsaved *unsaved)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (XA_RECORD_WINDOW (unsaved));

  /* A new record that is not kept: the window closes with it. */
  priv->dirty = FALSE;
}

static void
xa_record_window_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_record_window_dup_unsaved;
  iface->save = xa_record_window_save;
  iface->discard = xa_record_window_discard;
}

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaRecordWindow) self = user_data;
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    return;
  priv->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xa_record_window_close_request (GtkWindow *window)
{
  XaRecordWindow *self = XA_RECORD_WINDOW (window);
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  if (!priv->dirty || priv->close_confirmed)
    return GTK_WINDOW_CLASS (xa_record_window_parent_class)->close_request (window);

  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, close_guarded_cb, g_object_ref (self));
  return TRUE;
}

static void
xa_record_window_finalize (GObject *object)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (XA_RECORD_WINDOW (object));

  g_free (priv->what);

  G_OBJECT_CLASS (xa_record_window_parent_class)->finalize (object);
}

static void
xa_record_window_class_init (XaRecordWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = xa_record_window_finalize;
  window_class->close_request = xa_record_window_close_request;

  /**
   * XaRecordWindow::saved:
   *
   * The record is stored.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_record_window_init (XaRecordWindow *self)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  /* Until the subclass filled its fields, a change is no edit. */
  priv->filling = TRUE;
}

/**
 * xa_record_window_changed:
 *
 * A field changed: the form holds an edit, unless it is being filled, and the refusal
 * shown is out of date.
 */
void
xa_record_window_changed (XaRecordWindow *self)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);
  GtkWidget *label;

  g_return_if_fail (XA_IS_RECORD_WINDOW (self));

  if (!priv->filling)
    priv->dirty = TRUE;
  if ((label = error_label (self)) != NULL)
    gtk_widget_set_visible (label, FALSE);
}

/**
 * xa_record_window_refuse:
 * @local_error: (transfer full): why the core refused the record
 *
 * For the save vfunc: shows the refusal at the top of the form and passes it on.
 *
 * Returns: %FALSE
 */
gboolean
xa_record_window_refuse (XaRecordWindow  *self,
                         GError          *local_error,
                         GError         **error)
{
  GtkWidget *label;

  g_return_val_if_fail (XA_IS_RECORD_WINDOW (self), FALSE);
  g_return_val_if_fail (local_error != NULL, FALSE);

  if ((label = error_label (self)) != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), local_error->message);
      gtk_widget_set_visible (label, TRUE);
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * xa_record_window_set_filling:
 * @filling: whether changes of the fields are the form's own (no edits)
 *
 * Ending the filling leaves the form without edits.
 */
void
xa_record_window_set_filling (XaRecordWindow *self,
                              gboolean        filling)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  g_return_if_fail (XA_IS_RECORD_WINDOW (self));

  priv->filling = filling;
  if (!filling)
    priv->dirty = FALSE;
}

/**
 * xa_record_window_set_unsaved:
 * @what: what holds the edits, as the question names it (“The new drill”)
 */
void
xa_record_window_set_unsaved (XaRecordWindow *self,
                              const char     *what)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  g_return_if_fail (XA_IS_RECORD_WINDOW (self));

  g_free (priv->what);
  priv->what = g_strdup (what);
}

gboolean
xa_record_window_get_dirty (XaRecordWindow *self)
{
  XaRecordWindowPrivate *priv = xa_record_window_get_instance_private (self);

  g_return_val_if_fail (XA_IS_RECORD_WINDOW (self), FALSE);
  return priv->dirty;
}
