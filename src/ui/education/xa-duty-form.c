/* xa-duty-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day's duty (值班带班): the leader on duty (带班领导), who keeps the 24-hour watch (值班人员)
 * and notes, one shift a day (xa_duty_add()).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-duty-form.h"
#include "core/governance/xa-duty-roster.h"

struct _XaDutyForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *duty_on_row;
  AdwEntryRow         *leader_row;
  AdwEntryRow         *notes_row;
  AdwEntryRow         *on_duty_row;
};

G_DEFINE_FINAL_TYPE (XaDutyForm, xa_duty_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_duty_form_save (XaRecordWindow  *window,
                   GError         **error)
{
  XaDutyForm *self = XA_DUTY_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *duty_on = xa_form_dup_date (self->duty_on_row);
  g_autoptr(XaDutyShift) shift = NULL;
  XaDutyShiftFields fields = { xa_register_form_get_school (form), duty_on, xa_form_get_text (self->leader_row),
                               xa_form_get_text (self->on_duty_row), xa_form_get_optional (self->notes_row) };

  if (!(shift = xa_duty_add (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_duty_form_class_init (XaDutyFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_duty_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-duty-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDutyForm, duty_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaDutyForm, leader_row);
  gtk_widget_class_bind_template_child (widget_class, XaDutyForm, notes_row);
  gtk_widget_class_bind_template_child (widget_class, XaDutyForm, on_duty_row);
}

static void
xa_duty_form_init (XaDutyForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_duty_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_duty_form_new (XaWorkspace *workspace,
                  const char  *school_uuid,
                  int          school_year,
                  const char  *subject_uuid,
                  const char  *today)
{
  XaDutyForm *self = xa_register_form_new_of_type (XA_TYPE_DUTY_FORM, workspace, school_uuid, school_year,
                                                     subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->duty_on_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new duty shift"),
                          GTK_WIDGET (self->leader_row));
  return GTK_WIDGET (self);
}
