/* xa-dispute-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dispute found (矛盾纠纷): the day, the parties as roles (“家长—班主任”, never names), the
 * kind, what it is about, the measures and who is responsible for resolving it. It
 * starts as 排查 (xa_dispute_add()); the tab's row moves it on.
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-dispute-form.h"
#include "core/governance/xa-dispute.h"

struct _XaDisputeForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *description_row;
  AdwEntryRow         *found_on_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *measures_row;
  AdwEntryRow         *parties_row;
  AdwEntryRow         *responsible_row;
};

G_DEFINE_FINAL_TYPE (XaDisputeForm, xa_dispute_form, XA_TYPE_REGISTER_FORM)

static const char * const kinds[] = { "family-school", "student", "staff", "neighbour", "contract", "other", NULL };

static gboolean
xa_dispute_form_save (XaRecordWindow  *window,
                      GError         **error)
{
  XaDisputeForm *self = XA_DISPUTE_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found_on = xa_form_dup_date (self->found_on_row);
  g_autoptr(XaDispute) dispute = NULL;
  XaDisputeFields fields = { 0 };

  fields.school_uuid = xa_register_form_get_school (form);
  fields.school_year = xa_register_form_get_year (form);
  fields.found_on = found_on;
  fields.parties = xa_form_get_text (self->parties_row);
  fields.kind = xa_form_get_choice (self->kind_row, kinds);
  fields.description = xa_form_get_text (self->description_row);
  fields.measures = xa_form_get_optional (self->measures_row);
  fields.responsible = xa_form_get_text (self->responsible_row);
  if (!(dispute = xa_dispute_add (store, &fields, &local_error)))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_dispute_form_class_init (XaDisputeFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_dispute_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-dispute-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDisputeForm, description_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeForm, found_on_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeForm, measures_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeForm, parties_row);
  gtk_widget_class_bind_template_child (widget_class, XaDisputeForm, responsible_row);
}

static void
xa_dispute_form_init (XaDisputeForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_form_set_choices (self->kind_row, kinds, xa_dispute_kind_to_label);
}

/**
 * xa_dispute_form_new:
 * @subject_uuid: (nullable): unused
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_dispute_form_new (XaWorkspace *workspace,
                     const char  *school_uuid,
                     int          school_year,
                     const char  *subject_uuid,
                     const char  *today)
{
  XaDisputeForm *self = xa_register_form_new_of_type (XA_TYPE_DISPUTE_FORM, workspace, school_uuid, school_year,
                                                        subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->found_on_row), day);
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new dispute"),
                          GTK_WIDGET (self->parties_row));
  return GTK_WIDGET (self);
}
