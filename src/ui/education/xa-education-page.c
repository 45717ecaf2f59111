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

#include "xa-education-page-private.h"
#include "xa-application.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

G_DEFINE_FINAL_TYPE (XaEducationPage, xa_education_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_FOLDED,
  PROP_WORKSPACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XaOrganisation *
_xa_education_page_get_school (XaEducationPage *self)
{
  return gtk_drop_down_get_selected_item (self->school_dropdown);
}

const char *
xa_education_page_get_school_uuid (XaEducationPage *self)
{
  XaOrganisation *school;

  g_return_val_if_fail (XA_IS_EDUCATION_PAGE (self), NULL);

  school = _xa_education_page_get_school (self);
  return school != NULL ? xa_organisation_get_uuid (school) : NULL;
}

const char *
_xa_education_page_get_school_name (XaEducationPage *self)
{
  XaOrganisation *school = _xa_education_page_get_school (self);

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

void
_xa_education_page_notify_busy (XaEducationPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
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

static void
school_changed_cb (XaEducationPage *self)
{
  if (self->workspace == NULL)
    return;
  reload_lists (self);
  reload_summary (self);
}

/* The district's veto list is the commission's: a school's login sees its own year in
 * the summary. */
static void
role_changed_cb (XaEducationPage *self)
{
  g_autofree char *role = g_settings_get_string (self->settings, "operator-role");

  adw_view_stack_page_set_visible (self->veto_page, !g_str_equal (role, "school"));
  /* Judging a petition is the commission's act, not the clerk's. */
  xa_governance_view_set_commission (self->governance, g_str_equal (role, "commission"));
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
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, school_changed_cb);

  _xa_education_page_class_add_rows (widget_class);
  _xa_education_page_class_add_actions (widget_class);
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
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));
  _xa_education_page_add_shortcuts (self);

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
  _xa_education_page_bind_lists (self);

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
