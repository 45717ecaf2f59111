/* xa-governance-view-forms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions of the 综治 tab (xa-governance-view.c) that open its registers' forms:
 * governance.new(s) a new record of a register by its name, from the Record menu;
 * governance.step(s) a dispute's step and petition, from its row; governance.device(s)
 * a working device's fault or a faulty one's repair, from its row; and
 * governance.key-persons the key persons' own window, behind the named-staff check;
 * governance.guard(s) a guard's training or leaving, from their row; and
 * governance.leave(s), a visitor signed out at the gate now, without a form.
 * Each form saves through the core; the tab reads again when the store announces it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-governance-view-private.h"
#include "xa-ui-utils.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-security-device.h"
#include "core/governance/xa-visitor-register.h"
#include "xa-device-fault-form.h"
#include "xa-device-form.h"
#include "xa-device-repair-form.h"
#include "xa-dispute-form.h"
#include "xa-dispute-round-form.h"
#include "xa-dispute-step-form.h"
#include "xa-duty-form.h"
#include "xa-guard-form.h"
#include "xa-guard-update-form.h"
#include "xa-key-person-window.h"
#include "xa-visitor-form.h"

static void
present_form (XaGovernanceView *self,
              GtkWidget        *form)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  gtk_window_present (GTK_WINDOW (form));
}

static const struct
{
  const char        *name;
  XaRegisterFormNew form_new;
} new_forms[] = {
  { "round", xa_dispute_round_form_new },
  { "dispute", xa_dispute_form_new },
  { "guard", xa_guard_form_new },
  { "device", xa_device_form_new },
  { "duty", xa_duty_form_new },
  { "visitor", xa_visitor_form_new },
};

/* The tab lists no screening round: a toast says the round is kept. */
static void
round_saved_cb (XaGovernanceView *self)
{
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("The screening round is recorded")));
}

/* governance.new(s): a form for a new record of a register, by its name. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->workspace == NULL || self->school_uuid == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (new_forms); i++)
    if (g_str_equal (new_forms[i].name, name))
      {
        GtkWidget *form = new_forms[i].form_new (self->workspace, self->school_uuid, self->school_year, NULL,
                                                 self->today);

        if (g_str_equal (name, "round"))
          g_signal_connect_object (form, "saved", G_CALLBACK (round_saved_cb), self, G_CONNECT_SWAPPED);
        present_form (self, form);
      }
}

/* governance.step(s): moves a dispute on. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->disputes != NULL && i < self->disputes->len; i++)
    {
      XaDispute *dispute = g_ptr_array_index (self->disputes, i);
      GtkWidget *form;

      if (!g_str_equal (xa_dispute_get_uuid (dispute), uuid))
        continue;
      form = xa_dispute_step_form_new (self->workspace, self->school_uuid, self->school_year, uuid, self->today);
      xa_dispute_step_form_set_dispute (XA_DISPUTE_STEP_FORM (form), dispute);
      present_form (self, form);
      return;
    }
}

/* governance.device(s): a working device's fault, or a faulty one's repair. */
static void
device_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  gboolean is_faulty = FALSE;

  if (self->workspace == NULL || self->school_uuid == NULL)
    return;
  for (guint i = 0; self->devices != NULL && i < self->devices->len; i++)
    {
      XaSecurityDevice *device = g_ptr_array_index (self->devices, i);

      if (g_str_equal (device->uuid, uuid))
        is_faulty = g_strcmp0 (device->state, "faulty") == 0;
    }
  present_form (self, (is_faulty ? xa_device_repair_form_new : xa_device_fault_form_new) (self->workspace,
                                                                                          self->school_uuid,
                                                                                          self->school_year,
                                                                                          uuid, self->today));
}

/* governance.guard(s): a guard's training or leaving. */
static void
guard_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->workspace != NULL && self->guards != NULL && i < self->guards->len; i++)
    {
      XaGuard *guard = g_ptr_array_index (self->guards, i);

      if (g_str_equal (guard->uuid, uuid))
        present_form (self, xa_guard_update_form_new (self->workspace, self->school_year, guard, self->today));
    }
}

/* governance.leave(s): a visitor signed out now. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *left_at = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autoptr(GError) error = NULL;

  if (self->workspace == NULL)
    return;
  if (!xa_visitor_leave (xa_workspace_get_store (self->workspace), g_variant_get_string (parameter, NULL), left_at,
                         &error))
    {
      xa_widget_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  /* Translators: a toast; the time the visitor left */
  xa_widget_add_toast (widget, adw_toast_new_format (_("Signed out at %s"), left_at + 11));
}

/* governance.key-persons: the key persons' own window, behind the named-staff check. */
static void
key_persons_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);

  if (self->workspace == NULL || self->school_uuid == NULL)
    return;
  present_form (self, xa_key_person_window_new (self->workspace, self->school_uuid, self->school_year, self->today));
}

void
_xa_governance_view_install_form_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "governance.new", "s", new_action);
  gtk_widget_class_install_action (widget_class, "governance.step", "s", step_action);
  gtk_widget_class_install_action (widget_class, "governance.device", "s", device_action);
  gtk_widget_class_install_action (widget_class, "governance.leave", "s", leave_action);
  gtk_widget_class_install_action (widget_class, "governance.guard", "s", guard_action);
  gtk_widget_class_install_action (widget_class, "governance.key-persons", NULL, key_persons_action);
}
