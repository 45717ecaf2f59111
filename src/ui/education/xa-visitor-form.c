/* xa-visitor-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A visitor at the gate (门岗): when they came (YYYY-MM-DD HH:MM), who, whether their
 * identity was checked (验证登记), why they came and whom they saw (xa_visitor_add()).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-visitor-form.h"
#include "core/governance/xa-visitor-register.h"

struct _XaVisitorForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *arrived_row;
  AdwEntryRow         *host_row;
  GtkSwitch           *id_switch;
  AdwEntryRow         *name_row;
  AdwEntryRow         *purpose_row;
};

G_DEFINE_FINAL_TYPE (XaVisitorForm, xa_visitor_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_visitor_form_save (XaRecordWindow  *window,
                      GError         **error)
{
  XaVisitorForm *self = XA_VISITOR_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaVisitor) visitor = NULL;
  XaVisitorFields fields = { 0 };

  fields.school_uuid = xa_register_form_get_school (form);
  fields.arrived_at = xa_form_get_text (self->arrived_row);
  fields.name = xa_form_get_text (self->name_row);
  fields.id_checked = gtk_switch_get_active (self->id_switch);
  fields.purpose = xa_form_get_text (self->purpose_row);
  fields.host = xa_form_get_text (self->host_row);

  if (!(visitor = xa_visitor_add (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_visitor_form_class_init (XaVisitorFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_visitor_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-visitor-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaVisitorForm, arrived_row);
  gtk_widget_class_bind_template_child (widget_class, XaVisitorForm, host_row);
  gtk_widget_class_bind_template_child (widget_class, XaVisitorForm, id_switch);
  gtk_widget_class_bind_template_child (widget_class, XaVisitorForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, XaVisitorForm, purpose_row);
}

static void
xa_visitor_form_init (XaVisitorForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_visitor_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_visitor_form_new (XaWorkspace *workspace,
                     const char  *school_uuid,
                     int          school_year,
                     const char  *subject_uuid,
                     const char  *today)
{
  XaVisitorForm *self = xa_register_form_new_of_type (XA_TYPE_VISITOR_FORM, workspace, school_uuid, school_year,
                                                        subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  /* Now, on the form's day. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *time = g_date_time_format (now, "%H:%M");
    g_autofree char *arrived = g_strdup_printf ("%s %s", day, time);

    gtk_editable_set_text (GTK_EDITABLE (self->arrived_row), arrived);
  }
  gtk_switch_set_active (self->id_switch, TRUE);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new visitor"),
                          GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
