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
 * first. Opened on a stored incident (xa_incident_form_edit()) it edits what the core
 * lets change (xa_incident_book_edit()): the day and kind stay, and the findings — the
 * responsibility finding, made once from 待认定, and the bad influence — are the
 * commission's, as on a server, where a school's login is refused them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-incident-form.h"
#include "xa-education-evidence.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"

struct _XaIncidentForm
{
  XaRecordWindow       parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  XaIncident          *saved;
  XaIncident          *editing;     /* the incident as stored, when editing */
  char                *school_uuid;

  /* Template widgets */
  GtkSpinButton       *affected_spin;
  AdwEntryRow         *date_row;
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
  gboolean             commission;  /* the operator records findings */
};

G_DEFINE_FINAL_TYPE (XaIncidentForm, xa_incident_form, XA_TYPE_RECORD_WINDOW)

static void
changed_cb (XaIncidentForm *self)
{
  xa_record_window_changed (XA_RECORD_WINDOW (self));
}

/* An edit: what may change, as the form shows it; the findings only from the
 * commission, and the responsibility finding only while it is pending. */
static XaIncident *
save_edit (XaIncidentForm          *self,
           const XaIncidentFields  *fields,
           GError                 **error)
{
  XaIncidentEdit edit = XA_INCIDENT_EDIT_INIT;

  edit.severity = fields->severity;
  edit.affected = fields->affected;
  edit.reporting = fields->reporting;
  edit.reported_on = fields->reported_on;
  edit.summary = fields->summary;
  if (self->commission)
    {
      edit.bad_influence = fields->bad_influence;
      if (xa_incident_get_finding (self->editing) == XA_INCIDENT_FINDING_PENDING)
        edit.finding = fields->finding;
    }
  return xa_incident_book_edit (xa_workspace_get_incidents (self->workspace), xa_incident_get_uuid (self->editing),
                                &edit, error);
}

static gboolean
xa_incident_form_save (XaRecordWindow  *window,
                       GError         **error)
{
  XaIncidentForm *self = XA_INCIDENT_FORM (window);
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
  else if (self->editing != NULL)
    saved = save_edit (self, &fields, &local_error);
  else
    saved = xa_incident_book_add (xa_workspace_get_incidents (self->workspace), &fields, &local_error);
  if (saved == NULL)
    {
      return xa_record_window_refuse (window, g_steal_pointer (&local_error), error);
    }
  g_set_object (&self->saved, saved);
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
  g_clear_object (&self->editing);
  g_clear_pointer (&self->school_uuid, g_free);

  G_OBJECT_CLASS (xa_incident_form_parent_class)->dispose (object);
}

static void
xa_incident_form_class_init (XaIncidentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_incident_form_dispose;

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_incident_form_save;

  g_type_ensure (XA_TYPE_EDUCATION_EVIDENCE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-incident-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, affected_spin);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, date_row);
  /* Where xa_record_window_refuse() shows a refusal */
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, evidence);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, finding_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, influence_switch);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, reported_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, reporting_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, severity_row);
  gtk_widget_class_bind_template_child (widget_class, XaIncidentForm, summary_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);

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
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), _("The new incident"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_row));
  return GTK_WIDGET (self);
}

/**
 * xa_incident_form_edit:
 * @incident: a stored incident
 * @commission: whether the operator is the commission's, who records the findings
 *
 * Returns: (transfer floating): the form on @incident, filled in, to present
 */
GtkWidget *
xa_incident_form_edit (XaWorkspace *workspace,
                       XaIncident  *incident,
                       gboolean     commission)
{
  XaIncidentForm *self;
  const char *reported_on;
  gboolean pending;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (XA_IS_INCIDENT (incident), NULL);

  self = g_object_new (XA_TYPE_INCIDENT_FORM, NULL);
  self->workspace = g_object_ref (workspace);
  self->editing = g_object_ref (incident);
  self->school_uuid = g_strdup (xa_incident_get_school_uuid (incident));
  self->school_year = xa_incident_get_school_year (incident);
  self->commission = commission;
  pending = xa_incident_get_finding (incident) == XA_INCIDENT_FINDING_PENDING;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Incident"));
  reported_on = xa_incident_get_reported_on (incident);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), xa_incident_get_occurred_on (incident));
  gtk_editable_set_text (GTK_EDITABLE (self->reported_row), reported_on != NULL ? reported_on : "");
  adw_combo_row_set_selected (self->kind_row, xa_incident_get_kind (incident) - XA_INCIDENT_KIND_FIRE);
  adw_combo_row_set_selected (self->severity_row, xa_incident_get_severity (incident) - XA_INCIDENT_SEVERITY_ORDINARY);
  adw_combo_row_set_selected (self->finding_row, xa_incident_get_finding (incident) - XA_INCIDENT_FINDING_RESPONSIBLE);
  adw_combo_row_set_selected (self->reporting_row,
                              xa_incident_get_reporting (incident) - XA_INCIDENT_REPORTING_ON_TIME);
  gtk_switch_set_active (self->influence_switch, xa_incident_get_bad_influence (incident));
  gtk_spin_button_set_value (self->affected_spin, xa_incident_get_affected (incident));
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), xa_incident_get_summary (incident));

  /* What an incident is stays as recorded; its evidence is the archive's. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->finding_row), commission && pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->influence_switch), commission);
  if (!commission)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->finding_row), _("The commission records the finding"));
  else if (!pending)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->finding_row), _("A finding is made once"));

  xa_accessible_prepare (GTK_WIDGET (self));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_record_window_set_unsaved (XA_RECORD_WINDOW (self), _("The incident"));
  xa_record_window_set_filling (XA_RECORD_WINDOW (self), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (commission && pending ? GTK_WIDGET (self->finding_row)
                                                           : GTK_WIDGET (self->summary_row)));
  return GTK_WIDGET (self);
}

gboolean
xa_incident_form_get_dirty (XaIncidentForm *self)
{
  g_return_val_if_fail (XA_IS_INCIDENT_FORM (self), FALSE);
  return xa_record_window_get_dirty (XA_RECORD_WINDOW (self));
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
