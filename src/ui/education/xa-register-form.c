/* xa-register-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the forms of the 综治 registers share (xa-dispute-form.c, xa-guard-form.c, …):
 * the school and school year they record for, the record they act on (a dispute, a
 * device, a key person), the day they start on, and a refusal shown at the top of the
 * form in the label "error_label" of the subclass's template (xa-record-window.c). A
 * field's change ("changed_cb" in the templates) marks the form edited. The
 * core checks every field and names the one it refuses; the forms check none
 * themselves, and read a day as YYYY-MM-DD when it reads as one, else as typed.
 */

#include "config.h"

#include "xa-register-form.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"

typedef struct
{
  XaWorkspace *workspace;
  char        *school_uuid;
  char        *subject_uuid;
  char        *today;
  int          school_year;
} XaRegisterFormPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (XaRegisterForm, xa_register_form, XA_TYPE_RECORD_WINDOW)

static void
xa_register_form_dispose (GObject *object)
{
  XaRegisterForm *self = XA_REGISTER_FORM (object);
  XaRegisterFormPrivate *priv = xa_register_form_get_instance_private (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  g_clear_object (&priv->workspace);
  g_clear_pointer (&priv->school_uuid, g_free);
  g_clear_pointer (&priv->subject_uuid, g_free);
  g_clear_pointer (&priv->today, g_free);

  G_OBJECT_CLASS (xa_register_form_parent_class)->dispose (object);
}

static void
xa_register_form_class_init (XaRegisterFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_register_form_dispose;
}

static void
xa_register_form_init (XaRegisterForm *self)
{
}

/**
 * xa_register_form_class_set_template:
 *
 * Sets a subclass's template, whose fields call "changed_cb" (swapped) when they change.
 */
void
xa_register_form_class_set_template (GtkWidgetClass *widget_class,
                                     const char     *resource_path)
{
  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_callback_full (widget_class, "changed_cb", G_CALLBACK (xa_register_form_changed));
}

/**
 * xa_register_form_new_of_type:
 * @subject_uuid: (nullable): the record the form acts on
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form of @type, for the subclass to fill and then
 *   make ready with xa_register_form_ready()
 */
gpointer
xa_register_form_new_of_type (GType        type,
                              XaWorkspace *workspace,
                              const char  *school_uuid,
                              int          school_year,
                              const char  *subject_uuid,
                              const char  *today)
{
  XaRegisterForm *self;
  XaRegisterFormPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, XA_TYPE_REGISTER_FORM), NULL);
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = g_object_new (type, NULL);
  priv = xa_register_form_get_instance_private (self);
  priv->workspace = g_object_ref (workspace);
  priv->school_uuid = g_strdup (school_uuid);
  priv->subject_uuid = g_strdup (subject_uuid);
  priv->school_year = school_year;
  if (today != NULL)
    priv->today = g_strdup (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      priv->today = g_date_time_format (now, "%Y-%m-%d");
    }
  return self;
}

/**
 * xa_register_form_ready:
 * @unsaved: what holds unsaved edits, as the question on closing names it
 * @focus: the field that takes the keyboard first
 *
 * Ends the filling of the fields: from now on a change is an edit.
 */
void
xa_register_form_ready (XaRegisterForm *self,
                        const char     *unsaved,
                        GtkWidget      *focus)
{
  g_return_if_fail (XA_IS_REGISTER_FORM (self));

  xa_accessible_prepare (GTK_WIDGET (self));
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), unsaved);
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (focus);
}

XaStore *
xa_register_form_get_store (XaRegisterForm *self)
{
  XaRegisterFormPrivate *priv = xa_register_form_get_instance_private (self);

  return xa_workspace_get_store (priv->workspace);
}

const char *
xa_register_form_get_school (XaRegisterForm *self)
{
  XaRegisterFormPrivate *priv = xa_register_form_get_instance_private (self);

  return priv->school_uuid;
}

int
xa_register_form_get_year (XaRegisterForm *self)
{
  XaRegisterFormPrivate *priv = xa_register_form_get_instance_private (self);

  return priv->school_year;
}

const char *
xa_register_form_get_subject (XaRegisterForm *self)
{
  XaRegisterFormPrivate *priv = xa_register_form_get_instance_private (self);

  return priv->subject_uuid;
}

const char *
xa_register_form_get_today (XaRegisterForm *self)
{
  XaRegisterFormPrivate *priv = xa_register_form_get_instance_private (self);

  return priv->today;
}

/**
 * xa_register_form_changed:
 *
 * A field changed: the form holds an edit (xa_record_window_changed()).
 */
void
xa_register_form_changed (XaRegisterForm *self)
{
  xa_record_window_changed (XA_RECORD_WINDOW (self));
}

/* The fields */

/**
 * xa_form_dup_date:
 *
 * Returns: (transfer full): the row's day as YYYY-MM-DD, or its text as typed when it
 *   is not a day (the core names the field when it refuses it)
 */
char *
xa_form_dup_date (AdwEntryRow *row)
{
  char *date = xa_date_row_dup_date (row);

  return date != NULL ? date : g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

const char *
xa_form_get_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/**
 * xa_form_get_optional:
 *
 * Returns: (nullable): the text, or %NULL when the field is left empty
 */
const char *
xa_form_get_optional (gpointer editable)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));

  return *text != '\0' ? text : NULL;
}

/**
 * xa_form_set_choices:
 * @keys: (array zero-terminated=1): the keys the core takes, in the order shown
 * @to_label: how the core labels a key
 */
void
xa_form_set_choices (AdwComboRow        *row,
                     const char * const *keys,
                     XaFormLabelFunc     to_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    gtk_string_list_append (labels, to_label (keys[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

const char *
xa_form_get_choice (AdwComboRow        *row,
                    const char * const *keys)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < g_strv_length ((GStrv) keys) ? keys[selected] : NULL;
}
