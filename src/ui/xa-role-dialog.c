/* xa-role-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks who takes which role from which day. The "assign" response stays disabled until a
 * person is chosen and the date is a real YYYY-MM-DD day.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-role-dialog.h"
#include "xa-ui-utils.h"
#include "core/registry/xa-person.h"

struct _XaRoleDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwComboRow      *kind_row;
  AdwEntryRow      *note_row;
  AdwComboRow      *person_row;
  AdwEntryRow      *since_row;
};

G_DEFINE_FINAL_TYPE (XaRoleDialog, xa_role_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
changed_cb (XaRoleDialog *self)
{
  g_autofree char *since = xa_date_row_dup_date (self->since_row);
  gboolean has_person = adw_combo_row_get_selected_item (self->person_row) != NULL;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign",
                                           has_person && since != NULL);
}

static void
xa_role_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_ROLE_DIALOG);

  G_OBJECT_CLASS (xa_role_dialog_parent_class)->dispose (object);
}

static void
xa_role_dialog_class_init (XaRoleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_role_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaRoleDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaRoleDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, XaRoleDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, XaRoleDialog, since_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
xa_role_dialog_init (XaRoleDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  for (XaRoleKind kind = 0; kind < XA_N_ROLE_KINDS; kind++)
    gtk_string_list_append (kinds, xa_role_kind_to_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  adw_combo_row_set_expression (self->person_row,
                                gtk_property_expression_new (XA_TYPE_PERSON, NULL, "name"));
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), today);
}

/**
 * xa_role_dialog_new:
 * @people: (transfer none): a #GListModel of #XaPerson to choose from
 */
XaRoleDialog *
xa_role_dialog_new (GtkWindow  *parent,
                    GListModel *people)
{
  XaRoleDialog *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);

  self = g_object_new (XA_TYPE_ROLE_DIALOG,
                       "transient-for", parent,
                       NULL);
  adw_combo_row_set_model (self->person_row, people);
  changed_cb (self);

  return self;
}

const char *
xa_role_dialog_get_person_uuid (XaRoleDialog *self)
{
  XaPerson *person;

  g_return_val_if_fail (XA_IS_ROLE_DIALOG (self), NULL);

  person = adw_combo_row_get_selected_item (self->person_row);
  return person != NULL ? xa_person_get_uuid (person) : NULL;
}

XaRoleKind
xa_role_dialog_get_kind (XaRoleDialog *self)
{
  g_return_val_if_fail (XA_IS_ROLE_DIALOG (self), 0);

  return adw_combo_row_get_selected (self->kind_row);
}

/**
 * xa_role_dialog_dup_since:
 *
 * Returns: (transfer full) (nullable): the first day of the term as YYYY-MM-DD, or %NULL
 *   while the date entered is not a day
 */
char *
xa_role_dialog_dup_since (XaRoleDialog *self)
{
  g_return_val_if_fail (XA_IS_ROLE_DIALOG (self), NULL);

  /* Accepts 2021-09-01 and 2021-9-1, and rewrites it as YYYY-MM-DD. */
  return xa_date_row_dup_date (self->since_row);
}

/**
 * xa_role_dialog_dup_note:
 *
 * Returns: (transfer full) (nullable): the note, or %NULL when empty
 */
char *
xa_role_dialog_dup_note (XaRoleDialog *self)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (XA_IS_ROLE_DIALOG (self), NULL);

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  return note[0] != '\0' ? g_steal_pointer (&note) : NULL;
}
