/* xa-device-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device of the technical protection of 三防 (技防): a video camera, a one-key alarm
 * (linked to the police or not) or an access control, where it is and the day it was
 * installed (xa_security_device_add()). It starts working; its row in the tab logs a
 * fault and the repair.
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-device-form.h"
#include "core/governance/xa-security-device.h"

struct _XaDeviceForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *installed_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *place_row;
  GtkSwitch           *police_switch;
};

G_DEFINE_FINAL_TYPE (XaDeviceForm, xa_device_form, XA_TYPE_REGISTER_FORM)

static const char * const kinds[] = { "video", "alarm", "access", NULL };

static gboolean
xa_device_form_save (XaRecordWindow  *window,
                     GError         **error)
{
  XaDeviceForm *self = XA_DEVICE_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *installed_on = xa_form_dup_date (self->installed_row);
  g_autoptr(XaSecurityDevice) device = NULL;
  XaSecurityDeviceFields fields = { xa_register_form_get_school (form), xa_form_get_choice (self->kind_row, kinds),
                                    xa_form_get_text (self->place_row), gtk_switch_get_active (self->police_switch),
                                    installed_on };

  if (!(device = xa_security_device_add (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_device_form_class_init (XaDeviceFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_device_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-device-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDeviceForm, installed_row);
  gtk_widget_class_bind_template_child (widget_class, XaDeviceForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaDeviceForm, place_row);
  gtk_widget_class_bind_template_child (widget_class, XaDeviceForm, police_switch);
}

static void
xa_device_form_init (XaDeviceForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_form_set_choices (self->kind_row, kinds, xa_security_device_kind_to_label);
}

/**
 * xa_device_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_device_form_new (XaWorkspace *workspace,
                    const char  *school_uuid,
                    int          school_year,
                    const char  *subject_uuid,
                    const char  *today)
{
  XaDeviceForm *self = xa_register_form_new_of_type (XA_TYPE_DEVICE_FORM, workspace, school_uuid, school_year,
                                                       subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->installed_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new security device"),
                          GTK_WIDGET (self->place_row));
  return GTK_WIDGET (self);
}
