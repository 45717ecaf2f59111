/* xa-guard-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A security guard (保安) of the school, the people protection of 三防: the name, whether
 * full-time, the day employed and the day trained, left empty while not trained yet
 * (xa_guard_add()). The tab counts trained full-time guards against the district's
 * rule.
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-guard-form.h"
#include "core/governance/xa-guard.h"

struct _XaGuardForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *employed_row;
  GtkSwitch           *full_time_switch;
  AdwEntryRow         *name_row;
  AdwEntryRow         *trained_row;
};

G_DEFINE_FINAL_TYPE (XaGuardForm, xa_guard_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_guard_form_save (XaRecordWindow  *window,
                    GError         **error)
{
  XaGuardForm *self = XA_GUARD_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *employed_on = xa_form_dup_date (self->employed_row);
  g_autofree char *trained_on = NULL;
  g_autoptr(XaGuard) guard = NULL;
  XaGuardFields fields = { 0 };

  /* Left empty, the training day says the guard is not trained yet. */
  if (xa_form_get_optional (self->trained_row) != NULL)
    trained_on = xa_form_dup_date (self->trained_row);
  fields.school_uuid = xa_register_form_get_school (form);
  fields.name = xa_form_get_text (self->name_row);
  fields.full_time = gtk_switch_get_active (self->full_time_switch);
  fields.employed_on = employed_on;
  fields.trained_on = trained_on;
  if (!(guard = xa_guard_add (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_guard_form_class_init (XaGuardFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_guard_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-guard-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaGuardForm, employed_row);
  gtk_widget_class_bind_template_child (widget_class, XaGuardForm, full_time_switch);
  gtk_widget_class_bind_template_child (widget_class, XaGuardForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaGuardForm, trained_row);
}

static void
xa_guard_form_init (XaGuardForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_guard_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_guard_form_new (XaWorkspace *workspace,
                   const char  *school_uuid,
                   int          school_year,
                   const char  *subject_uuid,
                   const char  *today)
{
  XaGuardForm *self = xa_register_form_new_of_type (XA_TYPE_GUARD_FORM, workspace, school_uuid, school_year,
                                                      subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_switch_set_active (self->full_time_switch, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->employed_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new guard"),
                          GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
