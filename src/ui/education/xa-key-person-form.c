/* xa-key-person-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key person (重点人员) of the school: the name, who they are to the school, why they
 * are followed, since when and who follows them (xa_key_person_add(), which refuses
 * an operator not named for the school).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-key-person-form.h"
#include "core/governance/xa-key-person.h"

struct _XaKeyPersonForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *carer_row;
  AdwComboRow         *category_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *since_row;
};

G_DEFINE_FINAL_TYPE (XaKeyPersonForm, xa_key_person_form, XA_TYPE_REGISTER_FORM)

static const char * const categories[] = { "student", "staff", "parent", "neighbour", "other", NULL };

static gboolean
xa_key_person_form_save (XaRecordWindow  *window,
                         GError         **error)
{
  XaKeyPersonForm *self = XA_KEY_PERSON_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *since = xa_form_dup_date (self->since_row);
  g_autoptr(XaKeyPerson) person = NULL;
  XaKeyPersonFields fields = { xa_register_form_get_school (form), xa_form_get_text (self->name_row),
                               xa_form_get_choice (self->category_row, categories), xa_form_get_text (self->reason_row),
                               since, xa_form_get_optional (self->carer_row) };

  if (!(person = xa_key_person_add (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_key_person_form_class_init (XaKeyPersonFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_key_person_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-key-person-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonForm, carer_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonForm, category_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonForm, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonForm, since_row);
}

static void
xa_key_person_form_init (XaKeyPersonForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_form_set_choices (self->category_row, categories, xa_key_person_category_to_label);
}

/**
 * xa_key_person_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_key_person_form_new (XaWorkspace *workspace,
                        const char  *school_uuid,
                        int          school_year,
                        const char  *subject_uuid,
                        const char  *today)
{
  XaKeyPersonForm *self = xa_register_form_new_of_type (XA_TYPE_KEY_PERSON_FORM, workspace, school_uuid, school_year,
                                                          subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->since_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new key person"),
                          GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
