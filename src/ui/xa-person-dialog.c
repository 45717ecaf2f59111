/* xa-person-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a new person's name, position, phone and sending unit. The "add" response stays
 * disabled until there is a name.
 */

#include "config.h"

#include "xa-person-dialog.h"

struct _XaPersonDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *affiliation_row;
  AdwEntryRow      *name_row;
  AdwEntryRow      *phone_row;
  AdwEntryRow      *title_row;
};

G_DEFINE_FINAL_TYPE (XaPersonDialog, xa_person_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
name_changed_cb (XaPersonDialog *self,
                 AdwEntryRow    *row)
{
  g_autofree char *name = dup_stripped (row);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", name[0] != '\0');
}

static void
xa_person_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_PERSON_DIALOG);

  G_OBJECT_CLASS (xa_person_dialog_parent_class)->dispose (object);
}

static void
xa_person_dialog_class_init (XaPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_person_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, affiliation_row);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, title_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
xa_person_dialog_init (XaPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XaPersonDialog *
xa_person_dialog_new (GtkWindow *parent)
{
  return g_object_new (XA_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       NULL);
}

/**
 * xa_person_dialog_dup_person:
 * @organisation_uuid: the school the person belongs to
 *
 * Returns: (transfer full): a new, unsaved person with the fields as entered
 */
XaPerson *
xa_person_dialog_dup_person (XaPersonDialog *self,
                             const char     *organisation_uuid)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *affiliation = NULL;
  XaPerson *person;

  g_return_val_if_fail (XA_IS_PERSON_DIALOG (self), NULL);

  name = dup_stripped (self->name_row);
  title = dup_stripped (self->title_row);
  phone = dup_stripped (self->phone_row);
  affiliation = dup_stripped (self->affiliation_row);

  person = xa_person_new (organisation_uuid, name);
  xa_person_set_title (person, title[0] != '\0' ? title : NULL);
  xa_person_set_phone (person, phone[0] != '\0' ? phone : NULL);
  xa_person_set_affiliation (person, affiliation[0] != '\0' ? affiliation : NULL);

  return person;
}
