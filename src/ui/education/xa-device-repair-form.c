/* xa-device-repair-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A faulty security device repaired: the day and who repaired it, which closes its
 * open repair in the log and makes it working again (xa_security_device_repaired()).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-device-repair-form.h"
#include "core/governance/xa-security-device.h"

struct _XaDeviceRepairForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *repaired_by_row;
  AdwEntryRow         *repaired_row;
};

G_DEFINE_FINAL_TYPE (XaDeviceRepairForm, xa_device_repair_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_device_repair_form_save (XaRecordWindow  *window,
                            GError         **error)
{
  XaDeviceRepairForm *self = XA_DEVICE_REPAIR_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *repaired_on = xa_form_dup_date (self->repaired_row);

  if (!xa_security_device_repaired (store, xa_register_form_get_subject (form), repaired_on,
                                    xa_form_get_text (self->repaired_by_row), &local_error))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_device_repair_form_class_init (XaDeviceRepairFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_device_repair_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-device-repair-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDeviceRepairForm, repaired_by_row);
  gtk_widget_class_bind_template_child (widget_class, XaDeviceRepairForm, repaired_row);
}

static void
xa_device_repair_form_init (XaDeviceRepairForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_device_repair_form_new:
 * @subject_uuid: (nullable): the device
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_device_repair_form_new (XaWorkspace *workspace,
                           const char  *school_uuid,
                           int          school_year,
                           const char  *subject_uuid,
                           const char  *today)
{
  XaDeviceRepairForm *self = xa_register_form_new_of_type (XA_TYPE_DEVICE_REPAIR_FORM, workspace, school_uuid, school_year,
                                                             subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->repaired_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The repair"),
                          GTK_WIDGET (self->repaired_by_row));
  return GTK_WIDGET (self);
}
