/* xa-education-viewer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stored session, drill or incident as the section shows it when its row is opened:
 * its fields; a session's absentees and make-ups, with the make-up to record for its
 * absentees; a drill's problems, each of which becomes a hazard of the ledger in one
 * step (xa-inspection-hazard-dialog.c); an incident's verdict under the veto test. Its
 * form prints (Ctrl+P) or exports as a PDF (xa-education-print.c), laid out off the
 * main thread. Its edit button opens the record's form on it (a session's, a drill's,
 * an incident's, where the commission records the finding). The window follows the
 * store: an edit, a make-up or a hazard recorded shows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-viewer.h"
#include "xa-education-print.h"
#include "xa-education-record-form.h"
#include "xa-drill-form.h"
#include "xa-incident-form.h"
#include "xa-application.h"
#include "inspections/xa-inspection-hazard-dialog.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"

struct _XaEducationViewer
{
  AdwWindow            parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  GObject             *item;
  GCancellable        *cancellable;
  GFile               *export_file;  /* while a PDF is written */
  GPtrArray           *rows;         /* the rows filled in, to empty the groups again */
  char                *school_name;
  char                *today;

  /* Template widgets */
  AdwPreferencesGroup *details_group;
  AdwPreferencesGroup *extra_group;
  AdwPreferencesGroup *list_group;
  GtkButton           *make_up_button;
  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;

  /* State */
  gboolean             printing;
  gboolean             choosing;
};

G_DEFINE_FINAL_TYPE (XaEducationViewer, xa_education_viewer, ADW_TYPE_WINDOW)

static void
update_actions (XaEducationViewer *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.print", !self->printing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.export", !self->choosing && self->export_file == NULL);
}

static GtkWidget *
add_row (XaEducationViewer   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (value != NULL && *value != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
      gtk_widget_add_css_class (row, "property");
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

/* A field of the record: left out when it was left empty. */
static void
add_field (XaEducationViewer *self,
           const char        *title,
           const char        *value)
{
  if (value != NULL && *value != '\0')
    add_row (self, self->details_group, title, value);
}

static void
add_number_row (XaEducationViewer   *self,
                AdwPreferencesGroup *group,
                const char          *title,
                int                  value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  add_row (self, group, title, text);
}

static void
clear (XaEducationViewer *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->make_up_button), FALSE);
}

static void
add_evidence_rows (XaEducationViewer  *self,
                   const char * const *evidence)
{
  for (guint i = 0; evidence != NULL && evidence[i] != NULL; i++)
    {
      g_autoptr(XaArchiveItem) item = xa_archive_dup_item (xa_workspace_get_archive (self->workspace), evidence[i], NULL);

      add_field (self, _("Evidence"), item != NULL ? xa_archive_item_get_file_name (item) : evidence[i]);
    }
}

static void
fill_record (XaEducationViewer *self,
             XaEducationRecord *record)
{
  g_autofree char *audience = xa_education_record_dup_audience_label (record);
  g_autofree char *topic = xa_education_dup_topic_label (xa_education_record_get_topic (record));
  /* Translators: a session's semester and week, 第1学期第3周 */
  g_autofree char *week = g_strdup_printf (_("Semester %u, week %u"), xa_education_record_get_semester (record),
                                           xa_education_record_get_week (record));
  g_autofree char *teacher = g_strdup_printf ("%s (%s)", xa_education_record_get_teacher (record),
                                              xa_teacher_kind_to_label (xa_education_record_get_teacher_kind (record)));
  /* Translators: present of expected, 实到 38 / 应到 40 */
  g_autofree char *attendance = g_strdup_printf (_("%u present of %u expected"), xa_education_record_get_present (record),
                                                 xa_education_record_get_expected (record));
  const char * const *absentees = xa_education_record_get_absentees (record);
  gboolean make_up = xa_education_record_get_makes_up_uuid (record) != NULL;
  g_autoptr(GPtrArray) make_ups = NULL;

  adw_window_title_set_title (self->window_title, make_up ? _("Make-up Session") : _("Education Session"));
  adw_window_title_set_subtitle (self->window_title, xa_education_record_get_held_on (record));
  gtk_window_set_title (GTK_WINDOW (self), make_up ? _("Make-up Session") : _("Education Session"));

  add_field (self, _("Date"), xa_education_record_get_held_on (record));
  add_field (self, _("Semester and week"), week);
  add_field (self, _("Audience"), audience);
  add_field (self, _("Form"), xa_education_form_to_label (xa_education_record_get_form (record)));
  add_field (self, _("Topic"), topic);
  add_field (self, _("Session title"), xa_education_record_get_title (record));
  add_field (self, _("Teacher"), teacher);
  add_number_row (self, self->details_group, _("Hours"), (int) xa_education_record_get_hours (record));
  add_field (self, _("Attendance"), attendance);
  add_field (self, _("Notes"), xa_education_record_get_notes (record));
  add_evidence_rows (self, xa_education_record_get_evidence (record));

  /* The absentees, and for a session the make-ups that were held for them. */
  adw_preferences_group_set_title (self->list_group, _("Absentees"));
  adw_preferences_group_set_description (self->list_group,
                                         absentees[0] == NULL && xa_education_record_get_present (record) <
                                         xa_education_record_get_expected (record)
                                         ? _("The roster keeps counts only: the absentees are not named.") : NULL);
  for (guint i = 0; absentees[i] != NULL; i++)
    add_row (self, self->list_group, absentees[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group),
                          xa_education_record_get_present (record) < xa_education_record_get_expected (record));
  gtk_widget_set_visible (GTK_WIDGET (self->make_up_button),
                          !make_up && xa_education_record_get_present (record) < xa_education_record_get_expected (record));

  if (!make_up && (make_ups = xa_education_book_list_make_ups (xa_workspace_get_education (self->workspace),
                                                               xa_education_record_get_uuid (record), NULL)) &&
      make_ups->len > 0)
    {
      adw_preferences_group_set_title (self->extra_group, _("Make-up Sessions"));
      for (guint i = 0; i < make_ups->len; i++)
        {
          XaEducationRecord *m = g_ptr_array_index (make_ups, i);
          g_autofree char *caption = g_strdup_printf (_("%u present of %u expected"), xa_education_record_get_present (m),
                                                      xa_education_record_get_expected (m));

          add_row (self, self->extra_group, xa_education_record_get_held_on (m), caption);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->extra_group), TRUE);
    }
}

static void
fill_drill (XaEducationViewer *self,
            XaDrill           *drill)
{
  g_autofree char *kind = xa_drill_dup_kind_label (drill);
  g_autofree char *evacuation = NULL;

  adw_window_title_set_title (self->window_title, _("Drill"));
  adw_window_title_set_subtitle (self->window_title, xa_drill_get_held_on (drill));
  gtk_window_set_title (GTK_WINDOW (self), _("Drill"));

  if (xa_drill_get_evacuation_seconds (drill) > 0 && xa_drill_get_target_seconds (drill) > 0)
    /* Translators: a drill's evacuation time against the target, in seconds */
    evacuation = g_strdup_printf (_("%d s (target %d s): %s"), xa_drill_get_evacuation_seconds (drill),
                                  xa_drill_get_target_seconds (drill),
                                  xa_drill_get_within_target (drill) ? _("within the target") : _("over the target"));
  else if (xa_drill_get_evacuation_seconds (drill) > 0)
    evacuation = g_strdup_printf (_("%d s"), xa_drill_get_evacuation_seconds (drill));
  else
    evacuation = g_strdup (_("Not measured"));

  add_field (self, _("Date"), xa_drill_get_held_on (drill));
  add_field (self, _("Kind"), kind);
  add_field (self, _("Organiser"), xa_drill_get_organiser (drill));
  add_number_row (self, self->details_group, _("Participants"), xa_drill_get_participants (drill));
  add_field (self, _("Evacuation time"), evacuation);
  add_field (self, _("Improvements"), xa_drill_get_improvements (drill));
  add_evidence_rows (self, xa_drill_get_evidence (drill));

  adw_preferences_group_set_title (self->list_group, _("Problems Found"));
  adw_preferences_group_set_description (self->list_group, xa_drill_get_n_problems (drill) == 0
                                         ? _("The drill found no problem.") : NULL);
  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    {
      GtkWidget *row = add_row (self, self->list_group, xa_drill_get_problem (drill, i), NULL);
      const char *number = xa_drill_get_problem_hazard_number (drill, i);
      GtkWidget *suffix;

      if (number != NULL && *number != '\0')
        {
          /* Translators: a drill's problem is this hazard of the ledger */
          g_autofree char *text = g_strdup_printf (_("Hazard %s"), number);

          suffix = gtk_label_new (text);
          gtk_widget_add_css_class (suffix, "dim-label");
        }
      else
        {
          /* Translators: the accessible name of a problem's button: the problem */
          g_autofree char *name = g_strdup_printf (_("Record “%s” as a hazard"), xa_drill_get_problem (drill, i));

          suffix = gtk_button_new_with_label (_("Record as Hazard…"));
          gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (suffix), "viewer.record-hazard");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (suffix), "u", i);
          gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), TRUE);
}

static void
fill_incident (XaEducationViewer *self,
               XaIncident        *incident)
{
  g_autofree char *reason = NULL;
  XaVetoGround ground = XA_VETO_GROUND_NONE;
  XaVetoState state = xa_veto_judge_incident (incident, &ground, &reason);
  const char *reported_on = xa_incident_get_reported_on (incident);

  adw_window_title_set_title (self->window_title, _("Incident"));
  adw_window_title_set_subtitle (self->window_title, xa_incident_get_occurred_on (incident));
  gtk_window_set_title (GTK_WINDOW (self), _("Incident"));

  add_field (self, _("School"), xa_incident_get_school_name (incident));
  add_field (self, _("Date"), xa_incident_get_occurred_on (incident));
  add_field (self, _("Kind"), xa_incident_kind_to_label (xa_incident_get_kind (incident)));
  add_field (self, _("Severity"), xa_incident_severity_to_label (xa_incident_get_severity (incident)));
  add_number_row (self, self->details_group, _("People affected"), xa_incident_get_affected (incident));
  add_field (self, _("Bad influence"),
           xa_incident_get_bad_influence (incident) ? _("Yes") : _("No"));
  add_field (self, _("Responsibility finding"),
           xa_incident_finding_to_label (xa_incident_get_finding (incident)));
  add_field (self, _("Reporting"), xa_incident_reporting_to_label (xa_incident_get_reporting (incident)));
  add_field (self, _("Reported on"),
           reported_on != NULL && *reported_on != '\0' ? reported_on : _("Not reported"));
  add_field (self, _("What happened"), xa_incident_get_summary (incident));
  add_evidence_rows (self, xa_incident_get_evidence (incident));

  adw_preferences_group_set_title (self->extra_group, _("Veto Test"));
  adw_preferences_group_set_description (self->extra_group, NULL);
  add_row (self, self->extra_group, xa_veto_state_to_label (state), reason);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_group), TRUE);
}

static void
fill (XaEducationViewer *self)
{
  clear (self);
  if (XA_IS_EDUCATION_RECORD (self->item))
    fill_record (self, XA_EDUCATION_RECORD (self->item));
  else if (XA_IS_DRILL (self->item))
    fill_drill (self, XA_DRILL (self->item));
  else
    fill_incident (self, XA_INCIDENT (self->item));
}

/* The item read again when the store says it changed (a make-up, a hazard linked). */
static void
records_changed_cb (XaEducationViewer  *self,
                    const char         *kind,
                    const char * const *uuids,
                    XaStore            *store)
{
  g_autoptr(GObject) item = NULL;

  if (XA_IS_EDUCATION_RECORD (self->item) && g_str_equal (kind, "education_record"))
    item = G_OBJECT (xa_education_book_dup_record (xa_workspace_get_education (self->workspace),
                                                   xa_education_record_get_uuid (XA_EDUCATION_RECORD (self->item)), NULL));
  else if (XA_IS_DRILL (self->item) && g_str_equal (kind, "drill"))
    item = G_OBJECT (xa_drill_book_dup_drill (xa_workspace_get_drills (self->workspace),
                                              xa_drill_get_uuid (XA_DRILL (self->item)), NULL));
  else if (XA_IS_INCIDENT (self->item) && g_str_equal (kind, "incident"))
    item = G_OBJECT (xa_incident_book_dup_incident (xa_workspace_get_incidents (self->workspace),
                                                    xa_incident_get_uuid (XA_INCIDENT (self->item)), NULL));
  if (item == NULL)
    return;
  g_set_object (&self->item, item);
  fill (self);
}

/* Actions */

static void
make_up_saved_cb (XaEducationViewer     *self,
                  XaEducationRecordForm *form)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The make-up session is recorded")));
}

static void
make_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XaEducationViewer *self = XA_EDUCATION_VIEWER (widget);
  XaEducationRecord *record;
  GtkWidget *form;

  if (!XA_IS_EDUCATION_RECORD (self->item))
    return;
  record = XA_EDUCATION_RECORD (self->item);
  form = xa_education_record_form_new (self->workspace, xa_education_record_get_school_uuid (record),
                                       xa_education_record_get_school_year (record), self->today, record);
  g_signal_connect_object (form, "saved", G_CALLBACK (make_up_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
}

static void
edit_saved_cb (XaEducationViewer *self,
               GtkWidget         *form)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("The changes are saved")));
}

/* The record's form on it. Whether the operator records an incident's findings is the
 * role's, as the section's 综治 tab decides it: a school's login does not. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaEducationViewer *self = XA_EDUCATION_VIEWER (widget);
  GtkWidget *form;

  if (XA_IS_EDUCATION_RECORD (self->item))
    form = xa_education_record_form_edit (self->workspace, XA_EDUCATION_RECORD (self->item));
  else if (XA_IS_DRILL (self->item))
    form = xa_drill_form_edit (self->workspace, XA_DRILL (self->item));
  else
    form = xa_incident_form_edit (self->workspace, XA_INCIDENT (self->item), xa_operator_is_commission (self->workspace));
  g_signal_connect_object (form, "saved", G_CALLBACK (edit_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (form));
}

static void
hazard_recorded_cb (XaEducationViewer        *self,
                    XaInspectionHazardDialog *dialog)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (xa_inspection_hazard_dialog_get_message (dialog)));
}

static void
record_hazard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaEducationViewer *self = XA_EDUCATION_VIEWER (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkWidget *dialog;

  if (!XA_IS_DRILL (self->item) || index >= xa_drill_get_n_problems (XA_DRILL (self->item)))
    return;
  dialog = xa_inspection_hazard_dialog_new_for_drill (xa_workspace_get_drills (self->workspace),
                                                      xa_workspace_get_hazards (self->workspace),
                                                      XA_DRILL (self->item), index);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (hazard_recorded_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
printed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XaEducationViewer) self = user_data;
  g_autoptr(GError) error = NULL;

  self->printing = FALSE;
  update_actions (self);
  if (!xa_education_print_finish (result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    xa_widget_show_error (GTK_WIDGET (self), _("The Form Was Not Printed"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaEducationViewer *self = XA_EDUCATION_VIEWER (widget);

  if (self->printing)
    return;
  self->printing = TRUE;
  update_actions (self);
  xa_education_print_async (self->workspace, self->item, self->school_name, widget, self->cancellable, printed_cb,
                            g_object_ref (self));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XaEducationViewer) self = user_data;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  g_autoptr(GError) error = NULL;

  update_actions (self);
  xa_education_export_finish (result, &error);
  xa_widget_report_export (GTK_WIDGET (self->toast_overlay), file, error);
}

static void
export_file_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XaEducationViewer) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  self->choosing = FALSE;
  update_actions (self);
  if (file != NULL)
    xa_education_viewer_export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaEducationViewer *self = XA_EDUCATION_VIEWER (widget);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (self->choosing || self->export_file != NULL)
    return;
  name = xa_education_print_dup_file_name (self->item, self->school_name);
  file_name = g_strconcat (name, ".pdf", NULL);
  self->choosing = TRUE;
  update_actions (self);
  xa_choose_pdf_file_async (widget, _("Export as PDF"), file_name, self->cancellable, export_file_chosen_cb,
                            g_object_ref (self));
}

/* The object */

static void
xa_education_viewer_dispose (GObject *object)
{
  XaEducationViewer *self = XA_EDUCATION_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_EDUCATION_VIEWER);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_file);
  g_clear_object (&self->workspace);
  g_clear_object (&self->item);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->school_name, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (xa_education_viewer_parent_class)->dispose (object);
}

static void
xa_education_viewer_class_init (XaEducationViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_education_viewer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-education-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, XaEducationViewer, details_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationViewer, extra_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationViewer, list_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationViewer, make_up_button);
  gtk_widget_class_bind_template_child (widget_class, XaEducationViewer, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XaEducationViewer, window_title);

  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "viewer.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "viewer.make-up", NULL, make_up_action);
  gtk_widget_class_install_action (widget_class, "viewer.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "viewer.record-hazard", "u", record_hazard_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "viewer.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "viewer.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xa_education_viewer_init (XaEducationViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * xa_education_viewer_new:
 * @item: a stored #XaEducationRecord, #XaDrill or #XaIncident
 * @school_name: the school, as a session's form names it
 * @today: (nullable): the day a make-up starts on
 *
 * Returns: (transfer floating): the window, to present
 */
GtkWidget *
xa_education_viewer_new (XaWorkspace *workspace,
                         GObject     *item,
                         const char  *school_name,
                         const char  *today)
{
  XaEducationViewer *self;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (item) || XA_IS_DRILL (item) || XA_IS_INCIDENT (item), NULL);

  self = g_object_new (XA_TYPE_EDUCATION_VIEWER, NULL);
  self->workspace = g_object_ref (workspace);
  self->item = g_object_ref (item);
  self->school_name = g_strdup (school_name);
  self->today = g_strdup (today);
  g_signal_connect_object (xa_workspace_get_store (workspace), "records-changed", G_CALLBACK (records_changed_cb), self,
                           G_CONNECT_SWAPPED);
  fill (self);
  update_actions (self);
  xa_accessible_prepare (GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * xa_education_viewer_get_item:
 *
 * Returns: (transfer none): the record shown, as last read
 */
GObject *
xa_education_viewer_get_item (XaEducationViewer *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_VIEWER (self), NULL);
  return self->item;
}

/**
 * xa_education_viewer_get_busy:
 *
 * Returns: whether a print or an export is being laid out or written
 */
gboolean
xa_education_viewer_get_busy (XaEducationViewer *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_VIEWER (self), FALSE);
  return self->printing || self->export_file != NULL;
}

/**
 * xa_education_viewer_export_to_file:
 * @file: a local file; replaced atomically when it exists
 *
 * Writes the form as a PDF off the main thread, as the export action does after its
 * file chooser.
 */
void
xa_education_viewer_export_to_file (XaEducationViewer *self,
                                    GFile             *file)
{
  g_return_if_fail (XA_IS_EDUCATION_VIEWER (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_file != NULL)
    return;
  self->export_file = g_object_ref (file);
  update_actions (self);
  xa_education_export_async (self->workspace, self->item, self->school_name, file, self->cancellable, exported_cb,
                             g_object_ref (self));
}
