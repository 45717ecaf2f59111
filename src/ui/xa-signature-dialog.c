/* xa-signature-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window around the signature pad (xa-signature-pad.c): its buttons, reachable by the
 * keyboard and by Ctrl+Z, act on the pad; Save hands the PNG to whoever opened it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-signature-dialog.h"
#include "xa-ui-utils.h"

struct _XaSignatureDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  XaSignaturePad *pad;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (XaSignatureDialog, xa_signature_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_actions (XaSignatureDialog *self)
{
  gboolean drawn = xa_signature_pad_get_n_strokes (self->pad) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.save", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.undo", drawn);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.clear", drawn);
}

static void
strokes_changed_cb (XaSignatureDialog *self)
{
  update_actions (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xa_signature_pad_undo (XA_SIGNATURE_DIALOG (widget)->pad);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xa_signature_pad_clear (XA_SIGNATURE_DIALOG (widget)->pad);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaSignatureDialog *self = XA_SIGNATURE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  if (!(png = xa_signature_pad_to_png (self->pad, &error)))
    {
      xa_widget_show_error (widget, _("Cannot Save the Signature"), error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, png);
  gtk_window_close (GTK_WINDOW (self));
}

static void
xa_signature_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_SIGNATURE_DIALOG);

  G_OBJECT_CLASS (xa_signature_dialog_parent_class)->dispose (object);
}

static void
xa_signature_dialog_class_init (XaSignatureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_signature_dialog_dispose;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BYTES);

  g_type_ensure (XA_TYPE_SIGNATURE_PAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-signature-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaSignatureDialog, pad);
  gtk_widget_class_bind_template_child (widget_class, XaSignatureDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, strokes_changed_cb);

  gtk_widget_class_install_action (widget_class, "signature.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "signature.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "signature.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "signature.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_signature_dialog_init (XaSignatureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * xa_signature_dialog_new:
 * @person_name: (nullable): who signs, for the window's subtitle
 */
XaSignatureDialog *
xa_signature_dialog_new (GtkWindow  *parent,
                         const char *person_name)
{
  XaSignatureDialog *self = g_object_new (XA_TYPE_SIGNATURE_DIALOG, "transient-for", parent, NULL);

  if (person_name != NULL)
    adw_window_title_set_subtitle (self->window_title, person_name);
  return self;
}

XaSignaturePad *
xa_signature_dialog_get_pad (XaSignatureDialog *self)
{
  g_return_val_if_fail (XA_IS_SIGNATURE_DIALOG (self), NULL);

  return self->pad;
}
