/* xa-person-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a person's name, position (职务, free text such as 校长), phone, sending unit
 * and note: empty for a new person, filled in to correct one, with the removal offered
 * there too. The responses differ, so they are made here rather than in the template;
 * the one that saves stays disabled until there is a name.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-person-dialog.h"
#include "xa-seal-row.h"
#include "xa-ui-utils.h"

struct _XaPersonDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned references */
  XaPerson         *person;   /* the person corrected, or NULL for a new one */

  /* Template widgets */
  AdwEntryRow      *affiliation_row;
  GtkListBox       *fields_list;
  AdwEntryRow      *name_row;
  AdwEntryRow      *note_row;
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

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           self->person != NULL ? "save" : "add",
                                           name[0] != '\0');
}

static void
xa_person_dialog_dispose (GObject *object)
{
  XaPersonDialog *self = XA_PERSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_PERSON_DIALOG);
  g_clear_object (&self->person);

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
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, fields_list);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XaPersonDialog, title_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
xa_person_dialog_init (XaPersonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The same dialog corrects a person: their fields filled in, 保存 instead of 添加, and
 * 删除 beside it. */
static void
show_person (XaPersonDialog *self,
             XaPerson       *person)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  struct { AdwEntryRow *row; const char *text; } fields[] = {
    { self->name_row, xa_person_get_name (person) },
    { self->title_row, xa_person_get_title (person) },
    { self->phone_row, xa_person_get_phone (person) },
    { self->affiliation_row, xa_person_get_affiliation (person) },
    { self->note_row, xa_person_get_note (person) },
  };

  self->person = g_object_ref (person);
  xa_window_unselect_on_map (GTK_WINDOW (self));

  adw_message_dialog_set_heading (dialog, _("Edit Person"));
  adw_message_dialog_set_body (dialog, _("Changes are recorded in the audit log. A person who is removed leaves this list; the terms they held stay in the history."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: removes the person from the school's people */
                                    "remove", _("_Remove…"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (fields[i].row), fields[i].text ? fields[i].text : "");
}

/**
 * xa_person_dialog_new:
 * @person: (nullable): the person to correct, or %NULL to add one
 */
XaPersonDialog *
xa_person_dialog_new (GtkWindow *parent,
                      XaPerson  *person)
{
  XaPersonDialog *self;

  g_return_val_if_fail (person == NULL || XA_IS_PERSON (person), NULL);

  self = g_object_new (XA_TYPE_PERSON_DIALOG,
                       "transient-for", parent,
                       NULL);
  if (person != NULL)
    show_person (self, person);
  else
    {
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        "cancel", _("_Cancel"),
                                        "add", _("_Add"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "add",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "add");
    }
  name_changed_cb (self, self->name_row);

  return self;
}

/**
 * xa_person_dialog_get_person:
 *
 * Returns: (transfer none) (nullable): the person being corrected, %NULL when adding
 */
XaPerson *
xa_person_dialog_get_person (XaPersonDialog *self)
{
  g_return_val_if_fail (XA_IS_PERSON_DIALOG (self), NULL);

  return self->person;
}

/**
 * xa_person_dialog_apply:
 *
 * Sets @person's fields to those entered.
 */
void
xa_person_dialog_apply (XaPersonDialog *self,
                        XaPerson       *person)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *note = NULL;

  g_return_if_fail (XA_IS_PERSON_DIALOG (self));
  g_return_if_fail (XA_IS_PERSON (person));

  name = dup_stripped (self->name_row);
  title = dup_stripped (self->title_row);
  phone = dup_stripped (self->phone_row);
  affiliation = dup_stripped (self->affiliation_row);
  note = dup_stripped (self->note_row);

  xa_person_set_name (person, name);
  xa_person_set_title (person, title);
  xa_person_set_phone (person, phone);
  xa_person_set_affiliation (person, affiliation);
  xa_person_set_note (person, note);
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
  XaPerson *person;

  g_return_val_if_fail (XA_IS_PERSON_DIALOG (self), NULL);

  person = xa_person_new (organisation_uuid, NULL);
  xa_person_dialog_apply (self, person);

  return person;
}

/**
 * xa_person_dialog_show_signature:
 * @registry: where the person's signature image is kept
 *
 * Adds the person's signature to the fields of a person being corrected: imported or
 * drawn, replaced or withdrawn at once, not with Save (xa-seal-row.c).
 */
void
xa_person_dialog_show_signature (XaPersonDialog   *self,
                                 XaSchoolRegistry *registry)
{
  GtkWidget *row;

  g_return_if_fail (XA_IS_PERSON_DIALOG (self));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));

  if (self->person == NULL)
    return;

  row = g_object_new (XA_TYPE_SEAL_ROW, NULL);
  xa_seal_row_set_owner (XA_SEAL_ROW (row), registry, XA_SEAL_OWNER_PERSON,
                         xa_person_get_uuid (self->person), xa_person_get_name (self->person));
  gtk_list_box_append (self->fields_list, row);
}
