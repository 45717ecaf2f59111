/* xa-guard-update-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A guard's training or leaving, recorded after the guard was (xa_guard_update()): a
 * guard employed untrained counts once trained; a guard who left closes the record and
 * no longer counts against the district's rule. Opened from the guard's row of the 综治
 * tab; what is already known is filled in.
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-guard-update-form.h"
#include "core/governance/xa-guard.h"

struct _XaGuardUpdateForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *guard_group;
  AdwEntryRow         *left_row;
  AdwEntryRow         *trained_row;
};

G_DEFINE_FINAL_TYPE (XaGuardUpdateForm, xa_guard_update_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_guard_update_form_save (XaRecordWindow  *window,
                           GError         **error)
{
  XaGuardUpdateForm *self = XA_GUARD_UPDATE_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *trained_on = NULL;
  g_autofree char *left_on = NULL;

  /* A day typed that is not one goes to the core as typed, which names the field. */
  if (xa_form_get_optional (self->trained_row) != NULL)
    trained_on = xa_form_dup_date (self->trained_row);
  if (xa_form_get_optional (self->left_row) != NULL)
    left_on = xa_form_dup_date (self->left_row);
  if (!xa_guard_update (xa_register_form_get_store (form), xa_register_form_get_subject (form), trained_on, left_on,
                        &local_error))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_guard_update_form_class_init (XaGuardUpdateFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_guard_update_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-guard-update-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaGuardUpdateForm, guard_group);
  gtk_widget_class_bind_template_child (widget_class, XaGuardUpdateForm, left_row);
  gtk_widget_class_bind_template_child (widget_class, XaGuardUpdateForm, trained_row);
}

static void
xa_guard_update_form_init (XaGuardUpdateForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_guard_update_form_new:
 * @guard: the guard, still employed
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_guard_update_form_new (XaWorkspace   *workspace,
                          int            school_year,
                          const XaGuard *guard,
                          const char    *today)
{
  XaGuardUpdateForm *self = xa_register_form_new_of_type (XA_TYPE_GUARD_UPDATE_FORM, workspace, guard->school_uuid,
                                                            school_year, guard->uuid, today);

  adw_preferences_group_set_title (self->guard_group, guard->name);
  if (guard->trained_on != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->trained_row), guard->trained_on);
      gtk_widget_set_sensitive (GTK_WIDGET (self->trained_row), FALSE);
    }
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The guard’s update"),
                          GTK_WIDGET (guard->trained_on != NULL ? self->left_row : self->trained_row));
  return GTK_WIDGET (self);
}
