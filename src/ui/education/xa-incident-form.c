/* xa-incident-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An incident recorded (安全事故): the day, the kind (the 八杜绝 events, a public-security
 * or criminal case, a mass incident, a petition that skipped a level, a 九无 violation),
 * the severity, the people affected, whether it caused a bad influence, the
 * responsibility finding (责任 / 非责任 / 待认定) and how and when it was reported, with
 * the evidence. What it does to the school's year is the veto test's to say
 * (xa-veto.c): the page shows it. Ctrl+S saves through the core
 * (xa_incident_book_add()), which names the field at fault; closing with edits asks
 * first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-incident-form.h"
#include "xa-education-evidence.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "xa-unsaved.h"

struct _XaIncidentForm
{
  AdwWindow            parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  XaIncident          *saved;
  char                *school_uuid;

  /* Template widgets */
  GtkSpinButton       *affected_spin;
  AdwEntryRow         *date_row;
  GtkLabel            *error_label;
  XaEducationEvidence *evidence;
  AdwComboRow         *finding_row;
  GtkSwitch           *influence_switch;
  AdwComboRow         *kind_row;
  AdwEntryRow         *reported_row;
  AdwComboRow         *reporting_row;
  AdwComboRow         *severity_row;
  AdwEntryRow         *summary_row;

  /* State */
  int                  school_year;
  gboolean             dirty;
  gboolean             filling;
  gboolean             close_confirmed;
};

static void xa_incident_form_unsaved_init (XaUnsavedInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XaIncidentForm, xa_incident_form, ADW_TYPE_WINDOW,
                               G_IMPLEMENT_INTERFACE (XA_TYPE_UNSAVED, xa_incident_form_unsaved_init))

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed_cb (XaIncidentForm *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static gboolean
save (XaIncidentForm  *self,
      GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaIncident) saved = NULL;
  g_auto(GStrv) evidence = xa_education_evidence_dup_uuids (self->evidence);
  g_autofree char *date = xa_date_row_dup_date (self->date_row);
  g_autofree char *reported = NULL;
  const char *reported_text = gtk_editable_get_text (GTK_EDITABLE (self->reported_row));
  XaIncidentFields fields = { 0 };

  /* Left empty, the report day says that it was never reported. */
  if (*reported_text != '\0')
    reported = xa_date_row_dup_date (self->reported_row);

  fields.school_uuid = self->school_uuid;
  fields.school_year = self->school_year;
  fields.occurred_on = date != NULL ? date : gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  fields.kind = adw_combo_row_get_selected (self->kind_row) + XA_INCIDENT_KIND_FIRE;
  fields.severity = adw_combo_row_get_selected (self->severity_row) + XA_INCIDENT_SEVERITY_ORDINARY;
  fields.finding = adw_combo_row_get_selected (self->finding_row) + XA_INCIDENT_FINDING_RESPONSIBLE;
  fields.bad_influence = gtk_switch_get_active (self->influence_switch);
  fields.affected = gtk_spin_button_get_value_as_int (self->affected_spin);
  fields.reported_on = *reported_text == '\0' ? NULL : reported != NULL ? reported : reported_text;
  fields.reporting = adw_combo_row_get_selected (self->reporting_row) + XA_INCIDENT_REPORTING_ON_TIME;
  fields.summary = gtk_editable_get_text (GTK_EDITABLE (self->summary_row));
  fields.evidence = (const char * const *) evidence;

  if (xa_education_evidence_get_busy (self->evidence))
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_BUSY, _("The evidence files are still being archived"));
  else
    saved = xa_incident_book_add (xa_workspace_get_incidents (self->workspace), &fields, &local_error);
  if (saved == NULL)
    {
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_object (&self->saved, saved);
  self->dirty = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaIncidentForm *self = XA_INCIDENT_FORM (widget);

  if (save (self, NULL))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Unsaved edits */

static char *
xa_incident_form_dup_unsaved (XaUnsaved *unsaved)
{
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  return XA_INCIDENT_FORM (unsaved)->dirty ? g_strdup (_("The new incident")) : NULL;
}

static gboolean
xa_incident_form_save (XaUnsaved  *unsaved,
                       GError    **error)
{
  return save (XA_INCIDENT_FORM (unsaved), error);
}

static void
xa_incident_form_discard (XaUnsaved *unsaved)
{
  XA_INCIDENT_FORM (unsaved)->dirty = FALSE;
}

static void
xa_incident_form_unsaved_init (XaUnsavedInterface *iface)
{
  iface->dup_unsaved = xa_incident_form_dup_unsaved;
  iface->save = xa_incident_form_save;
  iface->discard = xa_incident_form_discard;
}

static void
close_guarded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaIncidentForm) self = user_data;

  if (!xa_unsaved_guard_finish (XA_UNSAVED (object), result))
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xa_incident_form_close_request (GtkWindow *window)
{
  XaIncidentForm *self = XA_INCIDENT_FORM (window);

  if (!self->dirty || self->close_confirmed)
    return GTK_WINDOW_CLASS (xa_incident_form_parent_class)->close_request (window);

  xa_unsaved_guard_async (XA_UNSAVED (self), NULL, close_guarded_cb, g_object_ref (self));
  return TRUE;
}

/* The object */

static void
xa_incident_form_dispose (GObject *object)
{
  XaIncidentForm *self = XA_INCIDENT_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_INCIDENT_FORM);
  g_clear_object (&self->workspace);
  g_clear_object (&self->saved);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_incident_form_parent_class)->dispose (object);
}

static void
xa_incident_form_class_init (XaIncidentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xa_incident_form_dispose;
  window_class->close_request = xa_incident_form_close_request;

  /**
   * XaIncidentForm::saved:
   *
   * The incident is stored (xa_incident_form_get_saved()).
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (XA_TYPE_EDUCATION_EVIDENCE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-incident-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, affected_spin);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, evidence);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, finding_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, influence_switch);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, reported_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, reporting_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, severity_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, summary_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

  gtk_widget_class_install_action (widget_class, "form.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
set_labels (AdwComboRow  *row,
            int           first,
            int           last,
            const char *(*to_label) (int))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int v = first; v <= last; v++)
    gtk_string_list_append (labels, to_label (v));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
xa_incident_form_init (XaIncidentForm *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  set_labels (self->kind_row, XA_INCIDENT_KIND_FIRE, XA_INCIDENT_KIND_NINE_NO,
              (const char *(*) (int)) xa_incident_kind_to_label);
  set_labels (self->severity_row, XA_INCIDENT_SEVERITY_ORDINARY, XA_INCIDENT_SEVERITY_GRAVE,
              (const char *(*) (int)) xa_incident_severity_to_label);
  set_labels (self->finding_row, XA_INCIDENT_FINDING_RESPONSIBLE, XA_INCIDENT_FINDING_PENDING,
              (const char *(*) (int)) xa_incident_finding_to_label);
  set_labels (self->reporting_row, XA_INCIDENT_REPORTING_ON_TIME, XA_INCIDENT_REPORTING_CONCEALED,
              (const char *(*) (int)) xa_incident_reporting_to_label);
  /* Until the commission's finding, an incident is pending. */
  adw_combo_row_set_selected (self->finding_row, XA_INCIDENT_FINDING_PENDING - XA_INCIDENT_FINDING_RESPONSIBLE);
}

/**
 * xa_incident_form_new:
 * @today: (nullable): the day the form starts on, YYYY-MM-DD
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_incident_form_new (XaWorkspace *workspace,
                      const char  *school_uuid,
                      int          school_year,
                      const char  *today)
{
  XaIncidentForm *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *local_today = g_date_time_format (now, "%Y-%m-%d");

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = g_object_new (XA_TYPE_INCIDENT_FORM, NULL);
  self->workspace = g_object_ref (workspace);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today != NULL ? today : local_today);
  gtk_editable_set_text (GTK_EDITABLE (self->reported_row), today != NULL ? today : local_today);
  xa_education_evidence_set_archive (self->evidence, xa_workspace_get_archive (workspace), school_uuid, school_year);
  xa_accessible_prepare (GTK_WIDGET (self));
  self->filling = FALSE;
  self->dirty = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
  return GTK_WIDGET (self);
}

gboolean
xa_incident_form_get_dirty (XaIncidentForm *self)
{
  g_return_val_if_fail (XA_IS_INCIDENT_FORM (self), FALSE);
  return self->dirty;
}

/**
 * xa_incident_form_get_saved:
 *
 * Returns: (transfer none) (nullable): the incident as stored, once saved
 */
XaIncident *
xa_incident_form_get_saved (XaIncidentForm *self)
{
  g_return_val_if_fail (XA_IS_INCIDENT_FORM (self), NULL);
  return self->saved;
}
