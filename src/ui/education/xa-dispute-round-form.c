/* xa-dispute-round-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A screening round of the 矛盾纠纷排查化解台账 (排查): the day, who held it and what it covered
 * (xa_dispute_add_round()).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-dispute-round-form.h"
#include "core/governance/xa-dispute.h"

struct _XaDisputeRoundForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *held_by_row;
  AdwEntryRow         *held_on_row;
  AdwEntryRow         *scope_row;
};

G_DEFINE_FINAL_TYPE (XaDisputeRoundForm, xa_dispute_round_form, XA_TYPE_REGISTER_FORM)

static gboolean
xa_dispute_round_form_save (XaRecordWindow  *window,
                            GError         **error)
{
  XaDisputeRoundForm *self = XA_DISPUTE_ROUND_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *held_on = xa_form_dup_date (self->held_on_row);
  g_autofree char *uuid = NULL;
  XaDisputeRoundFields fields = { xa_register_form_get_school (form), xa_register_form_get_year (form), held_on,
                                  xa_form_get_text (self->held_by_row), xa_form_get_text (self->scope_row) };

  if (!(uuid = xa_dispute_add_round (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_dispute_round_form_class_init (XaDisputeRoundFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_dispute_round_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-dispute-round-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDisputeRoundForm, held_by_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeRoundForm, held_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeRoundForm, scope_row);
}

static void
xa_dispute_round_form_init (XaDisputeRoundForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_dispute_round_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_dispute_round_form_new (XaWorkspace *workspace,
                           const char  *school_uuid,
                           int          school_year,
                           const char  *subject_uuid,
                           const char  *today)
{
  XaDisputeRoundForm *self = xa_register_form_new_of_type (XA_TYPE_DISPUTE_ROUND_FORM, workspace, school_uuid, school_year,
                                                             subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->held_on_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->held_by_row), xa_store_get_operator (xa_workspace_get_store (workspace)));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new screening round"),
                          GTK_WIDGET (self->scope_row));
  return GTK_WIDGET (self);
}
