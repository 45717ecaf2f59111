/* xa-dispute-step-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dispute moved on: 排查 → 化解中 → 已化解, or 上报 (reported upwards); the day it was
 * resolved; the measures taken; and whether it led to a petition over the district
 * (越级上访), which the veto test then reads (xa_dispute_step()).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-dispute-step-form.h"
#include "core/governance/xa-dispute.h"

struct _XaDisputeStepForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *petition_group;
  AdwEntryRow         *escalated_row;
  GtkSwitch           *escalated_switch;
  AdwEntryRow         *measures_row;
  AdwEntryRow         *resolved_row;
  AdwComboRow         *state_row;
};

G_DEFINE_FINAL_TYPE (XaDisputeStepForm, xa_dispute_step_form, XA_TYPE_REGISTER_FORM)

/* The first choice keeps the state, for a petition recorded alone. */
static const char * const steps[] = { "unchanged", "resolving", "resolved", "reported", NULL };

static const char *
step_to_label (const char *key)
{
  XaDisputeState state;

  if (!xa_dispute_state_from_key (key, &state))
    return C_("dispute state", "Unchanged");
  return xa_dispute_state_to_label (state);
}

/* Measures are recorded with a step: kept unchanged, the state leaves them as they are,
 * so the row is not open to edits that would be dropped. */
static void
step_chosen_cb (XaDisputeStepForm *self)
{
  const char *step = xa_form_get_choice (self->state_row, steps);

  gtk_widget_set_sensitive (GTK_WIDGET (self->measures_row), g_strcmp0 (step, "unchanged") != 0);
}

static gboolean
xa_dispute_step_form_save (XaRecordWindow  *window,
                           GError         **error)
{
  XaDisputeStepForm *self = XA_DISPUTE_STEP_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *resolved_on = xa_form_dup_date (self->resolved_row);
  g_autofree char *escalated_on = NULL;
  const char *step = xa_form_get_choice (self->state_row, steps);
  XaDisputeState to = XA_DISPUTE_SCREENED;
  gboolean advance = xa_dispute_state_from_key (step, &to);

  if (gtk_switch_get_active (self->escalated_switch))
    escalated_on = xa_form_dup_date (self->escalated_row);
  if (!xa_dispute_step (store, xa_register_form_get_subject (form), advance, to, resolved_on,
                        xa_form_get_optional (self->measures_row), escalated_on, &local_error))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_dispute_step_form_class_init (XaDisputeStepFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_dispute_step_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-dispute-step-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDisputeStepForm, escalated_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeStepForm, escalated_switch);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeStepForm, petition_group);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeStepForm, measures_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeStepForm, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeStepForm, state_row);
}

static void
xa_dispute_step_form_init (XaDisputeStepForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_form_set_choices (self->state_row, steps, step_to_label);
  g_signal_connect_object (self->state_row, "notify::selected", G_CALLBACK (step_chosen_cb), self, G_CONNECT_SWAPPED);
  step_chosen_cb (self);
}

/**
 * xa_dispute_step_form_new:
 * @subject_uuid: (nullable): the dispute
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_dispute_step_form_new (XaWorkspace *workspace,
                          const char  *school_uuid,
                          int          school_year,
                          const char  *subject_uuid,
                          const char  *today)
{
  XaDisputeStepForm *self = xa_register_form_new_of_type (XA_TYPE_DISPUTE_STEP_FORM, workspace, school_uuid, school_year,
                                                            subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->resolved_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->escalated_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The dispute's step"),
                          GTK_WIDGET (self->state_row));
  return GTK_WIDGET (self);
}

/**
 * xa_dispute_step_form_set_dispute:
 *
 * Starts the form from the dispute's state: its usual next state chosen, and the
 * petition left out once one is recorded.
 */
void
xa_dispute_step_form_set_dispute (XaDisputeStepForm *self,
                                  XaDispute         *dispute)
{
  guint next = 0;

  g_return_if_fail (XA_IS_DISPUTE_STEP_FORM (self));
  g_return_if_fail (XA_IS_DISPUTE (dispute));

  switch (xa_dispute_get_state (dispute))
    {
    case XA_DISPUTE_SCREENED:
      next = 1;
      break;
    case XA_DISPUTE_RESOLVING:
    case XA_DISPUTE_REPORTED:
      next = 2;
      break;
    case XA_DISPUTE_RESOLVED:
    default:
      next = 0;
      break;
    }
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), TRUE);
  adw_combo_row_set_selected (self->state_row, next);
  if (xa_dispute_get_measures (dispute) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->measures_row), xa_dispute_get_measures (dispute));
  gtk_widget_set_visible (GTK_WIDGET (self->petition_group), !xa_dispute_get_escalated (dispute));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
}
