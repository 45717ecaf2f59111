/* xa-education-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 教育与演练 section (issue 13): for the school and school year chosen at the top,
 * its sessions of safety education (filtered by semester, form and audience) under its
 * coverage and 四落实, its drills with the periods missed, its incidents, and its year at
 * a glance (xa-education-summary.c), its 综治 registers (xa-governance-view.c: disputes
 * with the petitions the commission judges, 三防, duty); for the commission, the district's list of vetoed
 * and pending schools with their reasons. A row opens the record (xa-education-viewer.c),
 * where its form prints or exports, a session's absentees get their make-up and a drill's
 * problem becomes a hazard. The header's menus record a session (Ctrl+N), a drill or an
 * incident, and import the school's roster (XLSX or CSV, all or nothing, the problems
 * listed with their lines). What the year's read needs most (coverage, the drill check,
 * the veto test) is read in the summary's worker; the lists are read again when the
 * store announces a change of what they show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-page.h"
#include "xa-drill-form.h"
#include "xa-education-record-form.h"
#include "xa-education-summary.h"
#include "xa-education-viewer.h"
#include "xa-governance-view.h"
#include "xa-incident-form.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

struct _XaEducationPage
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaWorkspace        *workspace;
  GListStore         *sessions;   /* XaEducationRecord */
  GtkFilterListModel *shown;      /* the sessions the filters keep */
  GListStore         *drills;     /* XaDrill */
  GListStore         *incidents;  /* XaIncident */
  GListStore         *verdicts;   /* XaVetoVerdict, vetoed or pending */
  GSettings          *settings;
  GCancellable       *cancellable;
  char               *today;

  /* Template widgets */
  GtkDropDown        *audience_filter;
  AdwPreferencesGroup *coverage_group;
  GtkLabel           *drills_label;
  GtkListBox         *drills_list;
  GtkDropDown        *form_filter;
  XaGovernanceView   *governance;
  AdwPreferencesGroup *implementation_group;
  GtkLabel           *incidents_label;
  GtkListBox         *incidents_list;
  AdwPreferencesGroup *missed_group;
  GtkDropDown        *school_dropdown;
  GtkDropDown        *semester_filter;
  GtkLabel           *sessions_label;
  GtkListBox         *sessions_list;
  XaEducationSummary *summary;
  GtkLabel           *veto_label;
  GtkListBox         *veto_list;
  AdwViewStackPage   *veto_page;
  AdwViewStack       *view_stack;
  GtkLabel           *year_label;

  /* State */
  GPtrArray          *missed_rows;
  int                 school_year;
  gboolean            folded;
  gboolean            importing;
};

G_DEFINE_FINAL_TYPE (XaEducationPage, xa_education_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_FOLDED,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static XaOrganisation *
selected_school (XaEducationPage *self)
{
  return gtk_drop_down_get_selected_item (self->school_dropdown);
}

const char *
xa_education_page_get_school_uuid (XaEducationPage *self)
{
  XaOrganisation *school;

  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), NULL);

  school = selected_school (self);
  return school != NULL ? xa_organisation_get_uuid (school) : NULL;
}

static const char *
school_name (XaEducationPage *self)
{
  XaOrganisation *school = selected_school (self);

  return school != NULL ? xa_organisation_get_name (school) : NULL;
}

static void
report (XaEducationPage *self,
        const GError    *error)
{
  g_warning ("Education: %s", error->message);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
}

/* Reading the views */

static void
replace (GListStore *store,
         GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
}

static void
update_counts (XaEducationPage *self)
{
  guint n_sessions = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint n_drills = g_list_model_get_n_items (G_LIST_MODEL (self->drills));
  guint n_incidents = g_list_model_get_n_items (G_LIST_MODEL (self->incidents));
  g_autofree char *sessions = NULL;
  g_autofree char *drills = NULL;
  g_autofree char *incidents = NULL;

  if (n_sessions == 0)
    sessions = g_strdup (_("No sessions recorded this school year. Record one with the new button (Ctrl+N)."));
  else
    /* Translators: sessions the filters show, of those of the year */
    sessions = g_strdup_printf (_("%u of %u sessions shown"), n_shown, n_sessions);
  gtk_label_set_text (self->sessions_label, sessions);

  drills = n_drills == 0 ? g_strdup (_("No drills recorded this school year."))
                         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u drill this school year",
                                                         "%u drills this school year", n_drills), n_drills);
  gtk_label_set_text (self->drills_label, drills);
  incidents = n_incidents == 0 ? g_strdup (_("No incidents recorded this school year."))
                               : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident this school year",
                                                               "%u incidents this school year", n_incidents),
                                                  n_incidents);
  gtk_label_set_text (self->incidents_label, incidents);
}

static void
reload_lists (XaEducationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) drills = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  const char *school_uuid = xa_education_page_get_school_uuid (self);

  if (school_uuid != NULL &&
      (!(sessions = xa_education_book_list (xa_workspace_get_education (self->workspace), school_uuid,
                                            self->school_year, &error)) ||
       !(drills = xa_drill_book_list (xa_workspace_get_drills (self->workspace), school_uuid, self->school_year,
                                      &error)) ||
       !(incidents = xa_incident_book_list (xa_workspace_get_incidents (self->workspace), school_uuid,
                                            self->school_year, &error))))
    report (self, error);
  replace (self->sessions, sessions);
  replace (self->drills, drills);
  replace (self->incidents, incidents);
  update_counts (self);
}

/* The year's read in the summary's worker; the page's other views follow it when done. */
static void
reload_summary (XaEducationPage *self)
{
  xa_education_summary_show (self->summary, self->workspace, xa_education_page_get_school_uuid (self),
                             self->school_year, self->today);
  xa_governance_view_show (self->governance, self->workspace, xa_education_page_get_school_uuid (self),
                           self->school_year, self->today);
}

static void
reload_all (XaEducationPage *self)
{
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);

  gtk_label_set_text (self->year_label, year);
  reload_lists (self);
  reload_summary (self);
}

static void
show_missed (XaEducationPage *self)
{
  GPtrArray *periods = xa_education_summary_get_periods (self->summary);
  guint missed = 0;

  for (guint i = 0; i < self->missed_rows->len; i++)
    adw_preferences_group_remove (self->missed_group, g_ptr_array_index (self->missed_rows, i));
  g_ptr_array_set_size (self->missed_rows, 0);

  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      XaDrillPeriod *period = g_ptr_array_index (periods, i);
      g_autofree char *range = NULL;
      GtkWidget *row;

      if (!xa_drill_period_is_missed (period))
        continue;
      row = adw_action_row_new ();
      /* Translators: a period without a drill: its first and last day */
      range = g_strdup_printf (_("%s to %s, no drill"), period->first_day, period->last_day);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), period->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), range);
      adw_preferences_group_add (self->missed_group, row);
      g_ptr_array_add (self->missed_rows, row);
      missed++;
    }
  adw_preferences_group_set_description (self->missed_group,
                                         periods == NULL ? NULL
                                         : missed == 0 ? _("No period of the year so far went without a drill.")
                                         : NULL);
}

static void
show_verdicts (XaEducationPage *self)
{
  GPtrArray *verdicts = xa_education_summary_get_verdicts (self->summary);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint vetoed = 0, pending = 0;
  g_autofree char *text = NULL;
  g_autofree char *year = xa_school_year_format (self->school_year, FALSE);

  for (guint i = 0; verdicts != NULL && i < verdicts->len; i++)
    {
      XaVetoVerdict *verdict = g_ptr_array_index (verdicts, i);

      if (xa_veto_verdict_get_state (verdict) == XA_VETO_STATE_CLEAR)
        continue;
      vetoed += xa_veto_verdict_get_state (verdict) == XA_VETO_STATE_VETOED;
      pending += xa_veto_verdict_get_state (verdict) == XA_VETO_STATE_PENDING;
      g_ptr_array_add (shown, verdict);
    }
  replace (self->verdicts, shown);
  /* Translators: the district's veto list: the school year, then schools vetoed and pending */
  text = g_strdup_printf (_("%s: %u schools vetoed, %u pending a finding. A pending finding is never counted as no veto."),
                          year, vetoed, pending);
  gtk_label_set_text (self->veto_label, text);
}

static void
summary_busy_cb (XaEducationPage *self)
{
  if (xa_education_summary_get_busy (self->summary))
    return;
  show_missed (self);
  show_verdicts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
governance_busy_cb (XaEducationPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
records_changed_cb (XaEducationPage    *self,
                    const char         *kind,
                    const char * const *uuids,
                    XaStore            *store)
{
  static const char * const kinds[] = {
    "education_record", "roster_class", "education_policy", "education_year", "drill", "drill_policy",
    "incident", "dispute", "organisation", "school_calendar",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      {
        reload_lists (self);
        reload_summary (self);
        return;
      }
}

/* Filters */

static gboolean
session_shown (gpointer item,
               gpointer user_data)
{
  XaEducationPage *self = user_data;
  XaEducationRecord *record = item;
  guint semester = gtk_drop_down_get_selected (self->semester_filter);
  guint form = gtk_drop_down_get_selected (self->form_filter);
  guint audience = gtk_drop_down_get_selected (self->audience_filter);

  /* Each filter's first choice keeps all. */
  return (semester == 0 || semester == GTK_INVALID_LIST_POSITION || xa_education_record_get_semester (record) == semester) &&
         (form == 0 || form == GTK_INVALID_LIST_POSITION || xa_education_record_get_form (record) == form - 1) &&
         (audience == 0 || audience == GTK_INVALID_LIST_POSITION ||
          xa_education_record_get_audience (record) == audience - 1);
}

static void
filter_changed_cb (XaEducationPage *self)
{
  GtkFilter *filter;

  if (self->shown == NULL)
    return;
  filter = gtk_filter_list_model_get_filter (self->shown);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self);
}

/* Rows */

static GtkWidget *
badge_row (const char *title,
           const char *caption,
           const char *badge,
           const char *badge_class)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *child = xa_badge_row_new ();

  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  xa_badge_row_set (child, title, caption, badge, badge_class);
  return row;
}

/* How many of @record's absentees came to its make-ups, among the year's sessions. */
static guint
count_made_up (XaEducationPage   *self,
               XaEducationRecord *record)
{
  GListModel *sessions = G_LIST_MODEL (self->sessions);
  const char *uuid = xa_education_record_get_uuid (record);
  guint made_up = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(XaEducationRecord) other = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (xa_education_record_get_makes_up_uuid (other), uuid) == 0)
        made_up += xa_education_record_get_present (other);
    }
  return made_up;
}

static GtkWidget *
create_session_row (gpointer item,
                    gpointer user_data)
{
  XaEducationPage *self = user_data;
  XaEducationRecord *record = item;
  g_autofree char *audience = xa_education_record_dup_audience_label (record);
  g_autofree char *topic = xa_education_dup_topic_label (xa_education_record_get_topic (record));
  const char *title_text = xa_education_record_get_title (record);
  g_autofree char *title = g_strdup_printf ("%s  %s · %s", xa_education_record_get_held_on (record), audience,
                                            xa_education_form_to_label (xa_education_record_get_form (record)));
  /* Translators: a session's row: its topic or title, teacher, present of expected */
  g_autofree char *caption = g_strdup_printf (_("%s · %s · %u/%u present"),
                                              title_text != NULL && *title_text != '\0' ? title_text : topic,
                                              xa_education_record_get_teacher (record),
                                              xa_education_record_get_present (record),
                                              xa_education_record_get_expected (record));
  guint absent = xa_education_record_get_expected (record) - xa_education_record_get_present (record);
  guint made_up = count_made_up (self, record);
  g_autofree char *badge = NULL;
  const char *badge_class = "pending";

  if (xa_education_record_get_makes_up_uuid (record) != NULL)
    {
      badge = g_strdup (_("Make-up"));
      badge_class = "signed";
    }
  else if (absent > 0 && made_up >= absent)
    {
      /* Every absentee came to a make-up: the session no longer owes anyone. */
      badge = g_strdup (_("Made up"));
      badge_class = "signed";
    }
  else if (absent > 0)
    {
      absent -= made_up;
      badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u absent", "%u absent", absent), absent);
    }
  return badge_row (title, caption, badge, badge_class);
}

static GtkWidget *
create_drill_row (gpointer item,
                  gpointer user_data)
{
  XaDrill *drill = item;
  g_autofree char *kind = xa_drill_dup_kind_label (drill);
  g_autofree char *title = g_strdup_printf ("%s  %s", xa_drill_get_held_on (drill), kind);
  g_autofree char *caption = NULL;
  g_autofree char *badge = NULL;
  guint open = 0;

  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    open += xa_drill_get_problem_hazard_uuid (drill, i) == NULL || *xa_drill_get_problem_hazard_uuid (drill, i) == '\0';
  if (xa_drill_get_evacuation_seconds (drill) > 0)
    /* Translators: a drill's row: organiser, participants, evacuation time in seconds */
    caption = g_strdup_printf (_("%s · %d participants · evacuated in %d s"), xa_drill_get_organiser (drill),
                               xa_drill_get_participants (drill), xa_drill_get_evacuation_seconds (drill));
  else
    /* Translators: a drill's row: organiser, participants */
    caption = g_strdup_printf (_("%s · %d participants"), xa_drill_get_organiser (drill),
                               xa_drill_get_participants (drill));
  if (open > 0)
    /* Translators: a drill's problems not yet in the hazard ledger */
    badge = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem open", "%u problems open", open), open);
  else if (xa_drill_get_evacuation_seconds (drill) > 0 && xa_drill_get_target_seconds (drill) > 0)
    badge = g_strdup (xa_drill_get_within_target (drill) ? _("Within target") : _("Over target"));
  return badge_row (title, caption, badge,
                    open > 0 || (badge != NULL && !xa_drill_get_within_target (drill)) ? "pending" : "signed");
}

static const char *
veto_class (XaVetoState state)
{
  return state == XA_VETO_STATE_VETOED ? "removed" : state == XA_VETO_STATE_PENDING ? "pending" : "signed";
}

static GtkWidget *
create_incident_row (gpointer item,
                     gpointer user_data)
{
  XaIncident *incident = item;
  g_autofree char *title = g_strdup_printf ("%s  %s", xa_incident_get_occurred_on (incident),
                                            xa_incident_kind_to_label (xa_incident_get_kind (incident)));
  /* Translators: an incident's row: severity, finding, reporting, people affected */
  g_autofree char *caption = g_strdup_printf (_("%s · %s · %s · %d affected"),
                                              xa_incident_severity_to_label (xa_incident_get_severity (incident)),
                                              xa_incident_finding_to_label (xa_incident_get_finding (incident)),
                                              xa_incident_reporting_to_label (xa_incident_get_reporting (incident)),
                                              xa_incident_get_affected (incident));
  XaVetoState state = xa_veto_judge_incident (incident, NULL, NULL);

  return badge_row (title, caption, xa_veto_state_to_label (state), veto_class (state));
}

static GtkWidget *
create_verdict_row (gpointer item,
                    gpointer user_data)
{
  XaVetoVerdict *verdict = item;
  g_autoptr(GString) reasons = g_string_new (NULL);
  GtkWidget *row;
  GtkWidget *caption;

  /* The grounds of the veto or of its pending; what only costs points is the summary's. */
  for (guint i = 0; i < xa_veto_verdict_get_n_reasons (verdict); i++)
    {
      if (xa_veto_verdict_get_reason_state (verdict, i) == XA_VETO_STATE_CLEAR)
        continue;
      if (reasons->len > 0)
        g_string_append (reasons, "\n");
      g_string_append (reasons, xa_veto_verdict_get_reason_text (verdict, i));
    }
  row = badge_row (xa_veto_verdict_get_school_name (verdict), reasons->str,
                   xa_veto_state_to_label (xa_veto_verdict_get_state (verdict)),
                   veto_class (xa_veto_verdict_get_state (verdict)));
  /* The reasons are the point: they wrap rather than end in an ellipsis. */
  caption = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_widget_get_first_child (
              gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)))));
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
  return row;
}

/* Opening a record */

static void
open_viewer (XaEducationPage *self,
             GObject         *item)
{
  GtkWidget *viewer;

  if (item == NULL)
    return;
  viewer = xa_education_viewer_new (self->workspace, item, school_name (self), self->today);
  gtk_window_set_transient_for (GTK_WINDOW (viewer), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (viewer));
}

static void
session_activated_cb (XaEducationPage *self,
                      GtkListBoxRow   *row)
{
  g_autoptr(XaEducationRecord) listed = g_list_model_get_item (G_LIST_MODEL (self->shown),
                                                               gtk_list_box_row_get_index (row));

  open_viewer (self, G_OBJECT (listed));
}

static void
drill_activated_cb (XaEducationPage *self,
                    GtkListBoxRow   *row)
{
  g_autoptr(XaDrill) listed = g_list_model_get_item (G_LIST_MODEL (self->drills), gtk_list_box_row_get_index (row));

  open_viewer (self, G_OBJECT (listed));
}

static void
incident_activated_cb (XaEducationPage *self,
                       GtkListBoxRow   *row)
{
  g_autoptr(XaIncident) listed = g_list_model_get_item (G_LIST_MODEL (self->incidents),
                                                        gtk_list_box_row_get_index (row));

  open_viewer (self, G_OBJECT (listed));
}

/* A school of the veto list: its incidents. */
static void
veto_activated_cb (XaEducationPage *self,
                   GtkListBoxRow   *row)
{
  g_autoptr(XaVetoVerdict) verdict = g_list_model_get_item (G_LIST_MODEL (self->verdicts),
                                                            gtk_list_box_row_get_index (row));

  if (verdict == NULL)
    return;
  xa_education_page_set_school (self, xa_veto_verdict_get_school_uuid (verdict));
  adw_view_stack_set_visible_child_name (self->view_stack, "incidents");
}

static void
school_changed_cb (XaEducationPage *self)
{
  if (self->workspace == NULL)
    return;
  reload_lists (self);
  reload_summary (self);
}

/* Actions */

static void
saved_cb (XaEducationPage *self,
          GtkWidget       *form)
{
  const char *text = XA_IS_DRILL_FORM (form) ? _("The drill is recorded")
                     : XA_IS_INCIDENT_FORM (form) ? _("The incident is recorded")
                     : _("The education session is recorded");

  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);
  XaOrganisation *school = selected_school (self);
  const char *uuid;
  GtkWidget *form;

  if (school == NULL)
    {
      xa_widget_add_toast (widget, adw_toast_new (_("Choose a school first")));
      return;
    }
  uuid = xa_organisation_get_uuid (school);
  if (g_str_equal (action_name, "education.new-drill"))
    form = xa_drill_form_new (self->workspace, uuid, self->school_year,
                              xa_organisation_get_school_type (school) == XA_SCHOOL_TYPE_KINDERGARTEN, self->today);
  else if (g_str_equal (action_name, "education.new-incident"))
    form = xa_incident_form_new (self->workspace, uuid, self->school_year, self->today);
  else
    form = xa_education_record_form_new (self->workspace, uuid, self->school_year, self->today, NULL);
  g_signal_connect_object (form, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (form));
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);

  xa_education_page_set_year (self, self->school_year + (g_str_equal (action_name, "education.next-year") ? 1 : -1));
}

typedef struct
{
  char      *school_uuid;
  int        school_year;
  GFile     *file;
  GPtrArray *problems;
} Import;

static void
import_free (Import *import)
{
  g_free (import->school_uuid);
  g_clear_object (&import->file);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  XaEducationPage *self = source_object;
  Import *import = task_data;
  GError *error = NULL;

  if (!xa_education_book_import_roster (xa_workspace_get_education (self->workspace), import->school_uuid,
                                        import->school_year, import->file, &import->problems, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (object);
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (import->file);

  self->importing = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: after a roster is imported: its file */
      g_autofree char *text = g_strdup_printf (_("The roster %s is imported"), name);

      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (import->problems != NULL && import->problems->len > 0)
    xa_widget_show_problems (GTK_WIDGET (self), _("The Roster Was Not Imported"), import->problems);
  else
    xa_widget_show_error (GTK_WIDGET (self), _("The Roster Was Not Imported"), error->message);
}

/**
 * xa_education_page_import_roster:
 * @file: an XLSX or CSV file of the school's classes and people
 *
 * Imports the roster of the school and year shown in a worker, as the menu's import does
 * after its file chooser; "busy" until done.
 */
void
xa_education_page_import_roster (XaEducationPage *self,
                                 GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (XA_IS_EDUCATION_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing || xa_education_page_get_school_uuid (self) == NULL)
    return;
  import = g_new0 (Import, 1);
  import->school_uuid = g_strdup (xa_education_page_get_school_uuid (self));
  import->school_year = self->school_year;
  import->file = g_object_ref (file);
  self->importing = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  task = g_task_new (self, self->cancellable, imported_cb, NULL);
  g_task_set_source_tag (task, xa_education_page_import_roster);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_worker);
}

static void
roster_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaEducationPage) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file != NULL)
    xa_education_page_import_roster (self, file);
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  if (selected_school (self) == NULL || self->importing)
    return;
  gtk_file_filter_set_name (filter, _("Rosters (XLSX, CSV)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  /* Translators: the roster file chooser's title: the school */
  title = g_strdup_printf (_("Import the Roster of %s"), school_name (self));
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_OPEN, title, _("_Import"), NULL, filter, self->cancellable,
                        roster_chosen_cb, g_object_ref (self));
}

/* The district's veto list is the commission's: a school's login sees its own year in
 * the summary. */
static void
role_changed_cb (XaEducationPage *self)
{
  g_autofree char *role = g_settings_get_string (self->settings, "operator-role");

  adw_view_stack_page_set_visible (self->veto_page, !g_str_equal (role, "school"));
  xa_governance_view_set_commission (self->governance, !g_str_equal (role, "school"));
}

/* The object */

static void
xa_education_page_constructed (GObject *object)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (object);
  g_autoptr(GtkExpression) name = NULL;
  g_autofree char *today = xa_date_today_iso ();
  GDate date;

  G_OBJECT_CLASS (xa_education_page_parent_class)->constructed (object);

  g_assert (XA_IS_WORKSPACE (self->workspace));

  xa_date_parse (today, &date);
  self->school_year = xa_school_year_for_date (&date);

  name = gtk_property_expression_new (XA_TYPE_ORGANISATION, NULL, "name");
  gtk_drop_down_set_expression (self->school_dropdown, name);
  gtk_drop_down_set_model (self->school_dropdown,
                           xa_school_registry_get_schools (xa_workspace_get_registry (self->workspace)));

  g_signal_connect_object (xa_workspace_get_store (self->workspace), "records-changed",
                           G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
  reload_all (self);
}

static void
xa_education_page_dispose (GObject *object)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_EDUCATION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->sessions);
  g_clear_object (&self->shown);
  g_clear_object (&self->drills);
  g_clear_object (&self->incidents);
  g_clear_object (&self->verdicts);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->missed_rows, g_ptr_array_unref);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (xa_education_page_parent_class)->dispose (object);
}

static void
xa_education_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, xa_education_page_get_busy (self));
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_education_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_education_page_class_init (XaEducationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xa_education_page_constructed;
  object_class->dispose = xa_education_page_dispose;
  object_class->get_property = xa_education_page_get_property;
  object_class->set_property = xa_education_page_set_property;

  /* Whether the year's read or a roster's import is under way. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* Whether the window's sidebar is folded away, so that this page offers the way back. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, XA_TYPE_WORKSPACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_EDUCATION_SUMMARY);
  g_type_ensure (XA_TYPE_GOVERNANCE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-education-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, audience_filter);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, drills_label);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, drills_list);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, form_filter);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, governance);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, implementation_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, incidents_label);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, incidents_list);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, missed_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, school_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, semester_filter);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, sessions_label);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, summary);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, veto_label);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, veto_list);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, veto_page);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XaEducationPage, year_label);
  gtk_widget_class_bind_template_callback (widget_class, drill_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, incident_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, veto_activated_cb);

  gtk_widget_class_install_action (widget_class, "education.new-session", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "education.new-drill", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "education.new-incident", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "education.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "education.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "education.next-year", NULL, year_action);
}

static GListModel *
choices (const char *all,
         guint       n,
         const char *(*to_label) (int))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, to_label ((int) i));
  return G_LIST_MODEL (list);
}

static const char *
semester_label (int index)
{
  return index == 0 ? _("First semester") : _("Second semester");
}

static void
xa_education_page_init (XaEducationPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+N from anywhere in the window while the section shows: a new session. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("education.new-session")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  self->cancellable = g_cancellable_new ();
  self->missed_rows = g_ptr_array_new ();
  self->sessions = g_list_store_new (XA_TYPE_EDUCATION_RECORD);
  self->drills = g_list_store_new (XA_TYPE_DRILL);
  self->incidents = g_list_store_new (XA_TYPE_INCIDENT);
  self->verdicts = g_list_store_new (XA_TYPE_VETO_VERDICT);

  gtk_drop_down_set_model (self->semester_filter, choices (_("All semesters"), 2, semester_label));
  gtk_drop_down_set_model (self->form_filter, choices (_("All forms"), XA_N_EDUCATION_FORMS,
                                                       (const char *(*) (int)) xa_education_form_to_label));
  gtk_drop_down_set_model (self->audience_filter, choices (_("All audiences"), XA_N_EDUCATION_AUDIENCES,
                                                           (const char *(*) (int)) xa_education_audience_to_label));
  g_object_unref (gtk_drop_down_get_model (self->semester_filter));
  g_object_unref (gtk_drop_down_get_model (self->form_filter));
  g_object_unref (gtk_drop_down_get_model (self->audience_filter));

  filter = gtk_custom_filter_new (session_shown, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sessions)), GTK_FILTER (filter));
  gtk_list_box_bind_model (self->sessions_list, G_LIST_MODEL (self->shown), create_session_row, self, NULL);
  gtk_list_box_bind_model (self->drills_list, G_LIST_MODEL (self->drills), create_drill_row, self, NULL);
  gtk_list_box_bind_model (self->incidents_list, G_LIST_MODEL (self->incidents), create_incident_row, self, NULL);
  gtk_list_box_bind_model (self->veto_list, G_LIST_MODEL (self->verdicts), create_verdict_row, self, NULL);

  xa_education_summary_set_mirror (self->summary, self->coverage_group, self->implementation_group);
  g_signal_connect_object (self->summary, "notify::busy", G_CALLBACK (summary_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->governance, "notify::busy", G_CALLBACK (governance_busy_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::operator-role", G_CALLBACK (role_changed_cb), self,
                           G_CONNECT_SWAPPED);
  role_changed_cb (self);
}

/**
 * xa_education_page_new:
 * @workspace: the workspace whose education, drills and incidents to show
 *
 * Returns: (transfer floating): the education section
 */
GtkWidget *
xa_education_page_new (XaWorkspace *workspace)
{
  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);

  return g_object_new (XA_TYPE_EDUCATION_PAGE, "workspace", workspace, NULL);
}

/**
 * xa_education_page_set_year:
 * @school_year: the 学年度 shown, by its start year
 */
void
xa_education_page_set_year (XaEducationPage *self,
                            int              school_year)
{
  g_return_if_fail (XA_IS_EDUCATION_PAGE (self));

  if (school_year < 1990 || school_year > 2200)
    return;
  self->school_year = school_year;
  reload_all (self);
}

/**
 * xa_education_page_set_today:
 * @today: (nullable): the day the drills are checked on and forms start on; %NULL for
 *   the local date
 */
void
xa_education_page_set_today (XaEducationPage *self,
                             const char      *today)
{
  g_return_if_fail (XA_IS_EDUCATION_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  reload_all (self);
}

/**
 * xa_education_page_set_school:
 * @school_uuid: a school of the register
 */
void
xa_education_page_set_school (XaEducationPage *self,
                              const char      *school_uuid)
{
  GListModel *schools;

  g_return_if_fail (XA_IS_EDUCATION_PAGE (self));

  schools = gtk_drop_down_get_model (self->school_dropdown);
  for (guint i = 0; schools != NULL && i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);

      if (g_strcmp0 (xa_organisation_get_uuid (school), school_uuid) == 0)
        {
          gtk_drop_down_set_selected (self->school_dropdown, i);
          return;
        }
    }
}

/**
 * xa_education_page_show_view:
 * @name: "sessions", "drills", "incidents", "governance", "summary" or "veto"
 */
void
xa_education_page_show_view (XaEducationPage *self,
                             const char      *name)
{
  g_return_if_fail (XA_IS_EDUCATION_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

GListModel *
xa_education_page_get_sessions (XaEducationPage *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), NULL);
  return G_LIST_MODEL (self->shown);
}

GListModel *
xa_education_page_get_drills (XaEducationPage *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), NULL);
  return G_LIST_MODEL (self->drills);
}

GListModel *
xa_education_page_get_incidents (XaEducationPage *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), NULL);
  return G_LIST_MODEL (self->incidents);
}

GListModel *
xa_education_page_get_verdicts (XaEducationPage *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), NULL);
  return G_LIST_MODEL (self->verdicts);
}

/**
 * xa_education_page_get_busy:
 *
 * Returns: whether the year is being read or a roster imported
 */
gboolean
xa_education_page_get_busy (XaEducationPage *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), FALSE);
  return self->importing || xa_education_summary_get_busy (self->summary) ||
         xa_governance_view_get_busy (self->governance);
}
