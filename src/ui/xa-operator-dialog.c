/* xa-operator-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks on first use who works with the app, before anything is written: the audit log
 * names the operator of every change, and without a name it could only name the
 * computer's account (often root, or one shared by the whole office). "continue" stays
 * disabled until a name is typed; the name goes to the preferences' operator-name.
 */

#include "config.h"

#include "xa-operator-dialog.h"

struct _XaOperatorDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *name_row;
};

G_DEFINE_FINAL_TYPE (XaOperatorDialog, xa_operator_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed_cb (XaOperatorDialog *self)
{
  g_autofree char *name = xa_operator_dialog_dup_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "continue",
                                           name[0] != '\0');
}

static void
xa_operator_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_OPERATOR_DIALOG);

  G_OBJECT_CLASS (xa_operator_dialog_parent_class)->dispose (object);
}

static void
xa_operator_dialog_class_init (XaOperatorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_operator_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-operator-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaOperatorDialog, name_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
xa_operator_dialog_init (XaOperatorDialog *self)
{
  const char *real_name = g_get_real_name ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The account's full name, when it has one, is a good guess; its login is not. */
  if (g_strcmp0 (real_name, "Unknown") != 0 && g_strcmp0 (real_name, g_get_user_name ()) != 0)
    xa_operator_dialog_set_name (self, real_name);
}

/**
 * xa_operator_dialog_new:
 * @parent: (nullable): the window it belongs to; at start there is none
 */
XaOperatorDialog *
xa_operator_dialog_new (GtkWindow *parent)
{
  return g_object_new (XA_TYPE_OPERATOR_DIALOG,
                       "transient-for", parent,
                       NULL);
}

void
xa_operator_dialog_set_name (XaOperatorDialog *self,
                             const char       *name)
{
  g_return_if_fail (XA_IS_OPERATOR_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

/**
 * xa_operator_dialog_dup_name:
 *
 * Returns: (transfer full): the name typed, without white space around it
 */
char *
xa_operator_dialog_dup_name (XaOperatorDialog *self)
{
  g_return_val_if_fail (XA_IS_OPERATOR_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}
