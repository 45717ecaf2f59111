/* xa-device-fault-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A working security device found faulty: the day and the fault
 * (xa_security_device_report_fault()). It stays faulty, and in the tab, until its
 * repair is logged (xa-device-repair-form.c).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-device-fault-form.h"
#include "core/governance/xa-security-device.h"

struct _XaDeviceFaultForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *fault_row;
  AdwEntryRow         *reported_row;
};

G_DEFINE_FINAL_TYPE (XaDeviceFaultForm, xa_device_fault_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_device_fault_form_save (XaRecordWindow  *window,
                           GError         **error)
{
  XaDeviceFaultForm *self = XA_DEVICE_FAULT_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reported_on = xa_form_dup_date (self->reported_row);

  if (!xa_security_device_report_fault (store, xa_register_form_get_subject (form), reported_on,
                                        xa_form_get_text (self->fault_row), &local_error))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_device_fault_form_class_init (XaDeviceFaultFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_device_fault_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-device-fault-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDeviceFaultForm, fault_row);
  gtk_widget_class_bind_template_child (widget_class, XaDeviceFaultForm, reported_row);
}

static void
xa_device_fault_form_init (XaDeviceFaultForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_device_fault_form_new:
 * @subject_uuid: (nullable): the device
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_device_fault_form_new (XaWorkspace *workspace,
                          const char  *school_uuid,
                          int          school_year,
                          const char  *subject_uuid,
                          const char  *today)
{
  XaDeviceFaultForm *self = xa_register_form_new_of_type (XA_TYPE_DEVICE_FAULT_FORM, workspace, school_uuid, school_year,
                                                            subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->reported_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The fault report"),
                          GTK_WIDGET (self->fault_row));
  return GTK_WIDGET (self);
}
