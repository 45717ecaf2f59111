/* xa-education-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's year at a glance (issue 13, "Everywhere"): the education coverage per person
 * and attendance-weighted against 99.5 %, the 四落实 (plan, hours against the 学段
 * minimum, materials, teachers) and the 法治副校长's lessons against the minimum, the
 * drills held against the periods expected with the months missed, the incidents with
 * the veto test's verdict on the school, and what is still open. Everything is read in a
 * worker (a school's coverage walks its whole roster); the page shows a spinner until
 * it is there, and the numbers, with level bars, then, under two charts drawn by the
 * document layer's chart primitive (xa-chart.c): the coverage against its target, and
 * the drills of each period of the year.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xa-education-summary.h"
#include "xa-ui-utils.h"
#include "document/xa-chart.h"
#include "core/util/xa-date.h"

struct _XaEducationSummary
{
  GtkWidget            parent_instance;

  /* Owned references */
  GCancellable        *cancellable;
  GPtrArray           *rows;
  XaEducationCoverage *coverage;    /* of the last read, each %NULL when it failed */
  GPtrArray           *periods;
  GPtrArray           *verdicts;
  AdwPreferencesGroup *mirror_coverage;
  AdwPreferencesGroup *mirror_implementation;

  /* Template widgets */
  GtkWidget           *charts_box;
  GtkDrawingArea      *coverage_chart;
  GtkDrawingArea      *drills_chart;
  AdwPreferencesGroup *coverage_group;
  AdwPreferencesGroup *drills_group;
  AdwPreferencesGroup *implementation_group;
  AdwPreferencesGroup *incidents_group;
  AdwPreferencesGroup *open_group;
  GtkStack            *stack;

  /* State */
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (XaEducationSummary, xa_education_summary, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker reads; a part that fails is left out and its message shown. */
typedef struct
{
  XaWorkspace         *workspace;
  char                *school_uuid;
  char                *today;
  int                  school_year;

  XaEducationCoverage *coverage;
  GPtrArray           *periods;     /* XaDrillPeriod */
  GPtrArray           *drills;      /* XaDrill */
  GPtrArray           *incidents;   /* XaIncident */
  XaVetoVerdict       *verdict;
  GPtrArray           *verdicts;    /* XaVetoVerdict, of the district */
  GPtrArray           *problems;    /* utf8: what could not be read */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->workspace);
  g_clear_pointer (&job->school_uuid, g_free);
  g_clear_pointer (&job->today, g_free);
  g_clear_pointer (&job->coverage, xa_education_coverage_free);
  g_clear_pointer (&job->periods, g_ptr_array_unref);
  g_clear_pointer (&job->drills, g_ptr_array_unref);
  g_clear_pointer (&job->incidents, g_ptr_array_unref);
  g_clear_object (&job->verdict);
  g_clear_pointer (&job->verdicts, g_ptr_array_unref);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
note_problem (Job    *job,
              GError *error)
{
  if (error != NULL)
    g_ptr_array_add (job->problems, g_strdup (error->message));
}

static void
summary_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) coverage_error = NULL;
  g_autoptr(GError) periods_error = NULL;
  g_autoptr(GError) drills_error = NULL;
  g_autoptr(GError) incidents_error = NULL;
  g_autoptr(GError) veto_error = NULL;
  GPtrArray *verdicts;

  job->coverage = xa_education_book_compute_coverage (xa_workspace_get_education (job->workspace), job->school_uuid,
                                                      job->school_year, &coverage_error);
  note_problem (job, coverage_error);
  job->periods = xa_drill_book_check_school (xa_workspace_get_drills (job->workspace), job->school_uuid,
                                             job->school_year, job->today, NULL, &periods_error);
  note_problem (job, periods_error);
  job->drills = xa_drill_book_list (xa_workspace_get_drills (job->workspace), job->school_uuid, job->school_year,
                                    &drills_error);
  note_problem (job, drills_error);
  job->incidents = xa_incident_book_list (xa_workspace_get_incidents (job->workspace), job->school_uuid,
                                          job->school_year, &incidents_error);
  note_problem (job, incidents_error);
  verdicts = job->verdicts = xa_incident_book_judge_district (xa_workspace_get_incidents (job->workspace), job->school_year,
                                              &veto_error);
  note_problem (job, veto_error);
  for (guint i = 0; verdicts != NULL && i < verdicts->len; i++)
    if (g_strcmp0 (xa_veto_verdict_get_school_uuid (g_ptr_array_index (verdicts, i)), job->school_uuid) == 0)
      job->verdict = g_object_ref (g_ptr_array_index (verdicts, i));

  g_task_return_boolean (task, TRUE);
}

/* Charts */

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  XaChart *chart = g_object_get_data (G_OBJECT (area), "chart");

  if (chart == NULL)
    return;
  /* The widget's fonts: the chart's own Sans takes the CJK fallback of the desktop. */
  xa_chart_draw (chart, cr, NULL, NULL, 0, 0, width, height);
}

static void
set_chart (GtkDrawingArea *area,
           XaChart        *chart)
{
  g_autofree char *text = xa_chart_dup_text (chart);

  xa_chart_set_font_size (chart, 11);
  g_object_set_data_full (G_OBJECT (area), "chart", xa_chart_ref (chart), (GDestroyNotify) xa_chart_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, xa_chart_get_title (chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (area));
}

/* The coverage per person and weighted, then each class short of it, against 99.5 %. */
static XaChart *
coverage_chart (XaEducationCoverage *coverage)
{
  XaChart *chart = xa_chart_new (XA_CHART_HORIZONTAL_BAR, _("Education coverage"));
  guint series = xa_chart_add_series (chart, _("Educated"));
  double lowest = 100;
  guint c;

  xa_chart_set_value_format (chart, 1, "%");
  xa_chart_set_empty_text (chart, _("No roster yet"));
  if (coverage == NULL || coverage->population == 0)
    return chart;

  c = xa_chart_add_category (chart, _("Per person"));
  xa_chart_set_value (chart, series, c, 100 * xa_education_coverage_get_rate (coverage));
  lowest = MIN (lowest, 100 * xa_education_coverage_get_rate (coverage));
  if (coverage->expected > 0)
    {
      c = xa_chart_add_category (chart, _("Attendance-weighted"));
      xa_chart_set_value (chart, series, c, 100 * xa_education_coverage_get_weighted (coverage));
      lowest = MIN (lowest, 100 * xa_education_coverage_get_weighted (coverage));
    }
  for (guint i = 0; i < coverage->shortfall->len; i++)
    {
      XaEducationShortfall *shortfall = g_ptr_array_index (coverage->shortfall, i);
      double rate = shortfall->population > 0 ? 100.0 * shortfall->educated / shortfall->population : 0;

      c = xa_chart_add_category (chart, shortfall->label);
      xa_chart_set_value (chart, series, c, rate);
      lowest = MIN (lowest, rate);
    }
  /* The scale starts low enough to show the lowest bar, in tens: 99.1 against 99.5 shows
   * on a scale from 90, not from 0. */
  xa_chart_set_range (chart, MIN (90, 10 * floor (lowest / 10)), 100);
  xa_chart_add_reference (chart, XA_EDUCATION_TARGET_PERMILLE / 10.0, _("Target 99.5 %"));
  return chart;
}

/* The periods begun by @today: those to come have no drill yet, rightly. */
static XaChart *
drills_chart (GPtrArray  *periods,
              const char *today)
{
  XaChart *chart = xa_chart_new (XA_CHART_BAR, _("Drills by period"));
  guint series = xa_chart_add_series (chart, _("Drills"));

  guint most = 0;

  xa_chart_set_value_format (chart, 0, NULL);
  xa_chart_set_empty_text (chart, _("No school calendar for the year"));
  for (guint i = 0; periods != NULL && i < periods->len; i++)
    {
      XaDrillPeriod *period = g_ptr_array_index (periods, i);
      guint c;

      if (g_strcmp0 (period->first_day, today) > 0 && period->n_drills == 0)
        continue;
      c = xa_chart_add_category (chart, period->label);
      xa_chart_set_value (chart, series, c, period->n_drills);
      most = MAX (most, period->n_drills);
    }
  /* Whole drills on the scale: from 0 to 4 at least, so that no two ticks read the same. */
  xa_chart_set_range (chart, 0, MAX (4, most + 1));
  if (periods != NULL && periods->len > 0)
    xa_chart_add_reference (chart, 1, _("One a period"));
  return chart;
}

/* Rows */

static GtkWidget *
add_row (XaEducationSummary  *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon_name)
{
  GtkWidget *row = xa_check_row_new (group, title, subtitle, icon_name);

  g_ptr_array_add (self->rows, row);
  return row;
}

/* A rate against its target as a level bar: below the target it shows as low. */
static void
add_level (GtkWidget *row,
           double     value,
           double     target,
           const char *name)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  if (target > 0.0001)
    gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW, target - 0.0001);
  gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 1));
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
}


static void
clear (XaEducationSummary *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_coverage (XaEducationSummary  *self,
               XaEducationCoverage *coverage,
               AdwPreferencesGroup *coverage_group,
               AdwPreferencesGroup *implementation_group)
{
  g_autofree char *person = NULL;
  g_autofree char *weighted = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *legal = NULL;
  GtkWidget *row;

  if (coverage == NULL || coverage_group == NULL)
    return;

  /* Without a roster there is nothing to count: no rate, and not a met one. */
  if (coverage->population == 0)
    add_row (self, coverage_group, _("Per person"), _("No roster yet: import the school's roster of the year"),
             xa_check_icon (FALSE));
  if (coverage->expected == 0)
    add_row (self, coverage_group, _("Attendance-weighted"), _("No session of the year counts yet"), xa_check_icon (FALSE));

  /* Translators: educated of counted, the rate and the target: 1190 / 1200 (99.2 %, target 99.5 %) */
  person = g_strdup_printf (_("%u of %u educated: %.1f %% (target %.1f %%)"), coverage->educated, coverage->population,
                            100 * xa_education_coverage_get_rate (coverage), XA_EDUCATION_TARGET_PERMILLE / 10.0);
  if (coverage->population > 0)
    {
      row = add_row (self, coverage_group, _("Per person"), person,
                     xa_check_icon (xa_education_coverage_meets_target (coverage)));
      add_level (row, xa_education_coverage_get_rate (coverage), XA_EDUCATION_TARGET_PERMILLE / 1000.0,
                 _("Coverage per person"));
    }
  {
    g_autofree char *present = g_strdup_printf ("%" G_GUINT64_FORMAT, coverage->present);
    g_autofree char *expected = g_strdup_printf ("%" G_GUINT64_FORMAT, coverage->expected);

    /* Translators: Σ present of Σ expected, the rate and the target */
    weighted = g_strdup_printf (_("%s present of %s expected: %.1f %% (target %.1f %%)"), present, expected,
                                100 * xa_education_coverage_get_weighted (coverage), XA_EDUCATION_TARGET_PERMILLE / 10.0);
  }
  if (coverage->expected > 0)
    {
      row = add_row (self, coverage_group, _("Attendance-weighted"), weighted,
                     xa_check_icon (xa_education_coverage_weighted_meets_target (coverage)));
      add_level (row, xa_education_coverage_get_weighted (coverage), XA_EDUCATION_TARGET_PERMILLE / 1000.0,
                 _("Attendance-weighted coverage"));
    }

  for (guint i = 0; i < coverage->shortfall->len; i++)
    {
      XaEducationShortfall *shortfall = g_ptr_array_index (coverage->shortfall, i);
      g_autofree char *missing = shortfall->missing != NULL && shortfall->missing[0] != NULL
                                 ? g_strjoinv ("、", shortfall->missing) : NULL;
      /* Translators: a class short of full coverage: educated of counted */
      g_autofree char *counted = g_strdup_printf (_("%u of %u educated"), shortfall->educated, shortfall->population);
      /* Translators: after “38 of 40 educated”, the names of those not educated yet */
      g_autofree char *names = missing != NULL ? g_strdup_printf (_("; not yet: %s"), missing) : NULL;
      g_autofree char *text = g_strconcat (counted, shortfall->estimated ? _(" (estimated from counts)") : "",
                                           names != NULL ? names : "", NULL);
      /* Translators: a class short of coverage, as the summary's row title */
      g_autofree char *title = g_strdup_printf (_("Short: %s"), shortfall->label);

      add_row (self, coverage_group, title, text, NULL);
    }

  row = add_row (self, implementation_group, _("Education plan"), coverage->has_plan ? _("Recorded") : _("Missing"),
                 xa_check_icon (coverage->has_plan));
  row = add_row (self, implementation_group, _("Materials"), coverage->has_materials ? _("Recorded") : _("Missing"),
                 xa_check_icon (coverage->has_materials));
  row = add_row (self, implementation_group, _("Teachers"),
                 coverage->has_teachers ? _("Every session has its teacher") : _("Missing"),
                 xa_check_icon (coverage->has_teachers));
  /* Translators: the fewest hours any class had, against the minimum of its 学段 */
  hours = g_strdup_printf (_("%u of at least %u hours (the class with the fewest)"), coverage->hours, coverage->min_hours);
  row = add_row (self, implementation_group, _("Hours"), hours, xa_check_icon (coverage->hours >= coverage->min_hours));
  add_level (row, coverage->min_hours > 0 ? (double) coverage->hours / coverage->min_hours : 1, 1, _("Hours"));
  /* Translators: the 法治副校长's lessons of the year against the minimum */
  legal = g_strdup_printf (_("%u of at least %u lessons"), coverage->legal_lessons, coverage->legal_minimum);
  row = add_row (self, implementation_group, _("Vice-principal for rule of law"), legal,
                 xa_check_icon (coverage->legal_lessons >= coverage->legal_minimum));
  add_level (row, coverage->legal_minimum > 0 ? (double) coverage->legal_lessons / coverage->legal_minimum : 1, 1,
             _("Lessons of the vice-principal for rule of law"));
}

static void
show_drills (XaEducationSummary *self,
             Job                *job,
             GPtrArray          *open_items)
{
  g_autoptr(GStrvBuilder) missed = g_strv_builder_new ();
  g_auto(GStrv) missed_labels = NULL;
  guint ended = 0, held = 0;
  g_autofree char *text = NULL;
  GtkWidget *row;

  if (job->periods == NULL)
    return;
  for (guint i = 0; i < job->periods->len; i++)
    {
      XaDrillPeriod *period = g_ptr_array_index (job->periods, i);

      if (!period->open || period->n_drills > 0)
        {
          ended++;
          held += period->n_drills > 0;
        }
      if (xa_drill_period_is_missed (period))
        g_strv_builder_add (missed, period->label);
    }
  missed_labels = g_strv_builder_end (missed);

  /* Translators: drills held, then the periods with a drill of those expected so far */
  text = g_strdup_printf (_("%u drills; a drill in %u of the %u periods so far (%u in the year)"),
                          job->drills != NULL ? job->drills->len : 0, held, ended, job->periods->len);
  row = add_row (self, self->drills_group, _("Held"), text, xa_check_icon (held == ended));
  add_level (row, ended > 0 ? (double) held / ended : 1, 1, _("Periods with a drill"));
  if (missed_labels[0] != NULL)
    {
      g_autofree char *labels = g_strjoinv ("、", missed_labels);

      add_row (self, self->drills_group, _("Missed"), labels, xa_check_icon (FALSE));
      for (guint i = 0; missed_labels[i] != NULL; i++)
        /* Translators: an open item: a period without a drill */
        g_ptr_array_add (open_items, g_strdup_printf (_("No drill in %s"), missed_labels[i]));
    }

  for (guint i = 0; job->drills != NULL && i < job->drills->len; i++)
    {
      XaDrill *drill = g_ptr_array_index (job->drills, i);

      for (guint p = 0; p < xa_drill_get_n_problems (drill); p++)
        if (xa_drill_get_problem_hazard_uuid (drill, p) == NULL || *xa_drill_get_problem_hazard_uuid (drill, p) == '\0')
          /* Translators: an open item: a drill's problem not in the hazard ledger; the drill's day, the problem */
          g_ptr_array_add (open_items, g_strdup_printf (_("Drill of %s: “%s” is not in the hazard ledger"),
                                                        xa_drill_get_held_on (drill), xa_drill_get_problem (drill, p)));
    }
}

static void
show_incidents (XaEducationSummary *self,
                Job                *job,
                GPtrArray          *open_items)
{
  guint eight = 0;
  g_autofree char *text = NULL;
  XaVetoState state = job->verdict != NULL ? xa_veto_verdict_get_state (job->verdict) : XA_VETO_STATE_CLEAR;
  g_autoptr(GString) reasons = g_string_new (NULL);

  if (job->incidents == NULL)
    return;
  for (guint i = 0; i < job->incidents->len; i++)
    {
      XaIncident *incident = g_ptr_array_index (job->incidents, i);

      eight += xa_incident_kind_is_eight_events (xa_incident_get_kind (incident));
      if (xa_incident_get_finding (incident) == XA_INCIDENT_FINDING_PENDING)
        /* Translators: an open item: an incident whose responsibility is not yet found; its day and kind */
        g_ptr_array_add (open_items, g_strdup_printf (_("Incident of %s (%s): responsibility finding pending"),
                                                      xa_incident_get_occurred_on (incident),
                                                      xa_incident_kind_to_label (xa_incident_get_kind (incident))));
    }
  /* Translators: incidents of the year, of which of the 八杜绝 events */
  text = g_strdup_printf (_("%u recorded, %u of them of the eight events to prevent"), job->incidents->len, eight);
  add_row (self, self->incidents_group, _("Incidents"), text, xa_check_icon (job->incidents->len == 0));

  for (guint i = 0; job->verdict != NULL && i < xa_veto_verdict_get_n_reasons (job->verdict); i++)
    {
      if (reasons->len > 0)
        g_string_append (reasons, "\n");
      g_string_append (reasons, xa_veto_verdict_get_reason_text (job->verdict, i));
    }
  add_row (self, self->incidents_group, xa_veto_state_to_label (state),
           reasons->len > 0 ? reasons->str : _("No incident or petition calls for a veto"),
           xa_check_icon (state == XA_VETO_STATE_CLEAR));
}

static void
summary_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XaEducationSummary) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open_items = g_ptr_array_new_with_free_func (g_free);
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error) || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  clear (self);
  g_clear_pointer (&self->coverage, xa_education_coverage_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->verdicts, g_ptr_array_unref);
  self->coverage = g_steal_pointer (&job->coverage);
  self->periods = job->periods != NULL ? g_ptr_array_ref (job->periods) : NULL;
  self->verdicts = job->verdicts != NULL ? g_ptr_array_ref (job->verdicts) : NULL;
  show_coverage (self, self->coverage, self->coverage_group, self->implementation_group);
  show_coverage (self, self->coverage, self->mirror_coverage, self->mirror_implementation);
  if (self->coverage != NULL)
    {
      for (guint i = 0; self->coverage->unrostered != NULL && self->coverage->unrostered[i] != NULL; i++)
        /* Translators: an open item: a class with sessions and no roster */
        g_ptr_array_add (open_items, g_strdup_printf (_("%s has sessions but no roster"), self->coverage->unrostered[i]));
      if (!self->coverage->has_plan)
        g_ptr_array_add (open_items, g_strdup (_("The year's education plan is not recorded")));
      if (self->coverage->legal_lessons < self->coverage->legal_minimum)
        g_ptr_array_add (open_items, g_strdup_printf (_("%u more lessons of the vice-principal for rule of law"),
                                                      self->coverage->legal_minimum - self->coverage->legal_lessons));
    }
  show_drills (self, job, open_items);
  show_incidents (self, job, open_items);
  {
    g_autoptr(XaChart) coverage = coverage_chart (self->coverage);
    g_autofree char *today = job->today != NULL ? g_strdup (job->today) : xa_date_today_iso ();
    g_autoptr(XaChart) drills = drills_chart (self->periods, today);

    set_chart (self->coverage_chart, coverage);
    set_chart (self->drills_chart, drills);
    gtk_widget_set_visible (self->charts_box, TRUE);
  }
  for (guint i = 0; i < job->problems->len; i++)
    add_row (self, self->open_group, _("Not read"), g_ptr_array_index (job->problems, i), xa_check_icon (FALSE));
  for (guint i = 0; i < open_items->len; i++)
    add_row (self, self->open_group, g_ptr_array_index (open_items, i), NULL, NULL);
  if (open_items->len == 0 && job->problems->len == 0)
    add_row (self, self->open_group, _("Nothing is open"), NULL, xa_check_icon (TRUE));

  gtk_stack_set_visible_child_name (self->stack, "summary");
  self->busy = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The object */

static void
xa_education_summary_dispose (GObject *object)
{
  XaEducationSummary *self = XA_EDUCATION_SUMMARY (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_EDUCATION_SUMMARY);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->coverage, xa_education_coverage_free);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  g_clear_pointer (&self->verdicts, g_ptr_array_unref);
  self->mirror_coverage = NULL;
  self->mirror_implementation = NULL;

  G_OBJECT_CLASS (xa_education_summary_parent_class)->dispose (object);
}

static void
xa_education_summary_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XaEducationSummary *self = XA_EDUCATION_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_education_summary_class_init (XaEducationSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_education_summary_dispose;
  object_class->get_property = xa_education_summary_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-education-summary.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, charts_box);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, coverage_chart);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, drills_chart);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, drills_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, implementation_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, incidents_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, open_group);
  gtk_widget_class_bind_template_child (widget_class, XaEducationSummary, stack);
}

static void
xa_education_summary_init (XaEducationSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_drawing_area_set_draw_func (self->coverage_chart, draw_chart_cb, NULL, NULL);
  gtk_drawing_area_set_draw_func (self->drills_chart, draw_chart_cb, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/**
 * xa_education_summary_show:
 * @school_uuid: (nullable): the school; %NULL shows that none is chosen
 * @today: (nullable): the day the drills are checked on; %NULL for the local date
 *
 * Reads the school's year in a worker and shows it; a read under way is dropped.
 */
void
xa_education_summary_show (XaEducationSummary *self,
                           XaWorkspace        *workspace,
                           const char         *school_uuid,
                           int                 school_year,
                           const char         *today)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (XA_IS_EDUCATION_SUMMARY (self));
  g_return_if_fail (XA_IS_WORKSPACE (workspace));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (school_uuid == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      self->busy = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->workspace = g_object_ref (workspace);
  job->school_uuid = g_strdup (school_uuid);
  job->school_year = school_year;
  job->today = g_strdup (today);
  job->problems = g_ptr_array_new_with_free_func (g_free);

  if (gtk_stack_get_visible_child_name (self->stack) == NULL ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "summary"))
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->busy = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  task = g_task_new (NULL, self->cancellable, summary_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, xa_education_summary_show);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, summary_worker);
}

gboolean
xa_education_summary_get_busy (XaEducationSummary *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_SUMMARY (self), FALSE);
  return self->busy;
}

/**
 * xa_education_summary_dup_text:
 *
 * Returns: (transfer full): the rows shown, a line each, title and subtitle (for tests
 *   and for a person reading it aloud)
 */
char *
xa_education_summary_dup_text (XaEducationSummary *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_SUMMARY (self), NULL);

  return xa_check_rows_dup_text (self->rows);
}

/**
 * xa_education_summary_set_mirror:
 * @coverage_group: a group elsewhere that shows the coverage as well
 * @implementation_group: and one for the 四落实
 *
 * The sessions' page shows the coverage read here, without reading it twice. The groups
 * must live as long as the summary (they are the same page's).
 */
void
xa_education_summary_set_mirror (XaEducationSummary  *self,
                                 AdwPreferencesGroup *coverage_group,
                                 AdwPreferencesGroup *implementation_group)
{
  g_return_if_fail (XA_IS_EDUCATION_SUMMARY (self));

  self->mirror_coverage = coverage_group;
  self->mirror_implementation = implementation_group;
}

/**
 * xa_education_summary_get_periods:
 *
 * Returns: (transfer none) (nullable) (element-type XaDrillPeriod): the drill periods
 *   of the school's year, as last read
 */
GPtrArray *
xa_education_summary_get_periods (XaEducationSummary *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_SUMMARY (self), NULL);
  return self->periods;
}

/**
 * xa_education_summary_get_verdicts:
 *
 * Returns: (transfer none) (nullable) (element-type XaVetoVerdict): the veto test's
 *   verdicts of the district's year, as last read
 */
GPtrArray *
xa_education_summary_get_verdicts (XaEducationSummary *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_SUMMARY (self), NULL);
  return self->verdicts;
}

/**
 * xa_education_summary_get_coverage:
 *
 * Returns: (transfer none) (nullable): the school's coverage, as last read
 */
const XaEducationCoverage *
xa_education_summary_get_coverage (XaEducationSummary *self)
{
  g_return_val_if_fail (XA_IS_EDUCATION_SUMMARY (self), NULL);
  return self->coverage;
}
