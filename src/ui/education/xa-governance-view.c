/* xa-governance-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 综治 tab of the 教育与演练 section (issue 13): for the school and school year the
 * page shows, the disputes of the year with their state and, for those that led to a
 * petition over the district (越级上访), whether the commission has judged its influence;
 * the commission's login judges it here (造成恶劣影响 or not), which the veto test then
 * reads. Under them the 三防 registers (the guards against the district's rule, the
 * devices faulty and not repaired), the days of the year so far without a duty shift,
 * and the plans and rules with their reviews (xa-plan-group.c).
 * Key persons are never shown here: a button opens their own window
 * (xa-key-person-window.c), which shows them to the named staff only. Everything is read
 * in a worker from the core's books; the view reads again when the store announces a
 * change of what it shows.
 *
 * The registers are kept from here: the “+” menu opens a form for a screening round, a
 * dispute, a guard, a device, a duty shift or a visitor (governance.new); a dispute's
 * row moves it on (governance.step), a device's row logs its fault or its repair
 * (governance.device). Each form saves through the core in one transaction.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-governance-view.h"
#include "xa-governance-view-private.h"
#include "xa-ui-utils.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-duty-roster.h"
#include "core/governance/xa-guard.h"
#include "core/governance/xa-security-device.h"
#include "core/governance/xa-visitor-register.h"
#include "core/util/xa-date.h"

/* How many days without a shift are named; the rest are counted. */
#define DUTY_DATES_SHOWN 5


G_DEFINE_FINAL_TYPE (XaGovernanceView, xa_governance_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker reads; a part that fails is left out and its message shown. */
typedef struct
{
  XaStore      *store;
  char         *school_uuid;
  char         *today;
  int           school_year;

  GPtrArray    *disputes;   /* XaDispute */
  XaGuardCheck *guards;
  GPtrArray    *devices;    /* XaSecurityDevice, all of the school's */
  GPtrArray    *employed;   /* XaGuard, those who have not left */
  int           visitors;   /* visits of the year so far, -1 when not read */
  GPtrArray    *inside;     /* XaVisitor: of those, the visitors not signed out yet */
  GStrv         uncovered;  /* days without a shift */
  gboolean      duty_read;  /* whether the year has begun by today */
  GPtrArray    *problems;   /* utf8 */
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->school_uuid, g_free);
  g_clear_pointer (&job->today, g_free);
  g_clear_pointer (&job->disputes, g_ptr_array_unref);
  g_clear_pointer (&job->guards, xa_guard_check_free);
  g_clear_pointer (&job->devices, g_ptr_array_unref);
  g_clear_pointer (&job->employed, g_ptr_array_unref);
  g_clear_pointer (&job->inside, g_ptr_array_unref);
  g_clear_pointer (&job->uncovered, g_strfreev);
  g_clear_pointer (&job->problems, g_ptr_array_unref);
  g_free (job);
}

static void
note_problem (Job    *job,
              GError *error)
{
  if (error != NULL)
    g_ptr_array_add (job->problems, g_strdup (error->message));
}

static void
governance_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) disputes_error = NULL;
  g_autoptr(GError) guards_error = NULL;
  g_autoptr(GError) devices_error = NULL;
  g_autoptr(GError) guard_list_error = NULL;
  g_autoptr(GPtrArray) guards = NULL;
  g_autoptr(GError) duty_error = NULL;
  g_autoptr(GError) visitors_error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autofree char *first_day = g_strdup_printf ("%04d-09-01", job->school_year);
  g_autofree char *last_day = g_strdup_printf ("%04d-08-31", job->school_year + 1);
  const char *until = g_strcmp0 (job->today, last_day) < 0 ? job->today : last_day;

  job->disputes = xa_dispute_list (job->store, job->school_uuid, job->school_year, &disputes_error);
  note_problem (job, disputes_error);
  checks = xa_guard_check (job->store, job->school_uuid, job->school_year, until, &guards_error);
  note_problem (job, guards_error);
  if (checks != NULL && checks->len > 0)
    job->guards = xa_guard_check_copy (g_ptr_array_index (checks, 0));
  guards = xa_guard_list (job->store, job->school_uuid, &guard_list_error);
  note_problem (job, guard_list_error);
  job->employed = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_guard_free);
  for (guint i = 0; guards != NULL && i < guards->len; i++)
    if (((XaGuard *) g_ptr_array_index (guards, i))->left_on == NULL)
      g_ptr_array_add (job->employed, xa_guard_copy (g_ptr_array_index (guards, i)));
  job->devices = xa_security_device_list (job->store, job->school_uuid, FALSE, &devices_error);
  note_problem (job, devices_error);
  /* The days of the year so far; none before the year begins. */
  job->duty_read = g_strcmp0 (first_day, until) <= 0;
  if (job->duty_read)
    {
      job->uncovered = xa_duty_uncovered_in_year (job->store, job->school_uuid, job->school_year, until, &duty_error);
      note_problem (job, duty_error);
      job->duty_read = job->uncovered != NULL;
      visits = xa_visitor_list (job->store, job->school_uuid, first_day, until, &visitors_error);
      note_problem (job, visitors_error);
    }
  job->visitors = visits != NULL ? (int) visits->len : -1;
  job->inside = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_visitor_free);
  for (guint i = 0; visits != NULL && i < visits->len; i++)
    if (((XaVisitor *) g_ptr_array_index (visits, i))->left_at == NULL)
      g_ptr_array_add (job->inside, xa_visitor_copy (g_ptr_array_index (visits, i)));
  g_task_return_boolean (task, TRUE);
}

/* Rows */

static GtkWidget *
add_row (XaGovernanceView    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle,
         const char          *icon_name)
{
  GtkWidget *row = xa_check_row_new (group, title, subtitle, icon_name);

  g_ptr_array_add (self->rows, row);
  return row;
}

static void
clear (XaGovernanceView *self)
{
  xa_check_rows_clear (self->rows);
  self->n_unjudged = 0;
}

/* The commission's choice for a petition not judged yet. */
static GtkWidget *
judge_button (const char *uuid)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) bad = g_menu_item_new (_("Caused a Bad Influence"), NULL);
  g_autoptr(GMenuItem) none = g_menu_item_new (_("No Bad Influence"), NULL);
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target (bad, "governance.judge", "(sb)", uuid, TRUE);
  g_menu_item_set_action_and_target (none, "governance.judge", "(sb)", uuid, FALSE);
  g_menu_append_item (menu, bad);
  g_menu_append_item (menu, none);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("Judge Influence"));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
show_disputes (XaGovernanceView *self,
               Job              *job)
{
  if (job->disputes != NULL && job->disputes->len == 0)
    add_row (self, self->disputes_group, _("No disputes recorded this school year"), NULL, xa_check_icon (TRUE));
  for (guint i = 0; job->disputes != NULL && i < job->disputes->len; i++)
    {
      XaDispute *dispute = g_ptr_array_index (job->disputes, i);
      /* Translators: a dispute's row: the day it was found, the parties (roles) and the kind */
      g_autofree char *title = g_strdup_printf (_("%s  %s · %s"), xa_dispute_get_found_on (dispute),
                                                xa_dispute_get_parties (dispute),
                                                xa_dispute_kind_to_label (xa_dispute_get_kind (dispute)));
      const char *state = xa_dispute_state_to_label (xa_dispute_get_state (dispute));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (!xa_dispute_get_escalated (dispute))
        subtitle = g_strdup (state);
      else
        {
          const char *influence = NULL;

          switch (xa_dispute_get_influence (dispute))
            {
            case XA_DISPUTE_INFLUENCE_UNJUDGED:
              influence = _("influence not judged yet");
              break;
            case XA_DISPUTE_INFLUENCE_NONE:
              influence = _("judged: no bad influence");
              break;
            case XA_DISPUTE_INFLUENCE_BAD:
              influence = _("judged: caused a bad influence");
              break;
            default:
              g_assert_not_reached ();
            }
          /* Translators: a dispute's state, the day of the petition over the district
           * (越级上访) it led to, and the commission's judgement of its influence */
          subtitle = g_strdup_printf (_("%s · petition over the district on %s, %s"), state,
                                      xa_dispute_get_escalated_on (dispute), influence);
        }
      row = add_row (self, self->disputes_group, title, subtitle, NULL);
      if (xa_dispute_get_state (dispute) != XA_DISPUTE_RESOLVED || !xa_dispute_get_escalated (dispute))
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          /* The target first: an action without it does not take the row. */
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", xa_dispute_get_uuid (dispute));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "governance.step");
          gtk_widget_set_tooltip_text (row, _("Move the dispute on or record a petition"));
        }
      if (xa_dispute_get_escalated (dispute) && xa_dispute_get_influence (dispute) == XA_DISPUTE_INFLUENCE_UNJUDGED)
        {
          self->n_unjudged++;
          if (self->commission)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), judge_button (xa_dispute_get_uuid (dispute)));
          else
            {
            GtkWidget *icon = gtk_image_new_from_icon_name (xa_check_icon (FALSE));

            gtk_widget_add_css_class (icon, "warning");
            adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          }
        }
    }
}

static void
show_protection (XaGovernanceView *self,
                 Job              *job)
{
  XaGuardCheck *guards = job->guards;
  g_autofree char *subtitle = NULL;

  if (guards != NULL && guards->required < 0)
    /* Translators: the guards of a school whose headcount is not recorded */
    subtitle = g_strdup_printf (_("%d full-time guards, %d of them trained; the school's headcount is not recorded"),
                                guards->full_time, guards->trained);
  else if (guards != NULL)
    /* Translators: trained full-time guards, those the rule requires, the school's headcount */
    subtitle = g_strdup_printf (_("%d trained full-time guards of %d required for %d people"),
                                guards->trained, guards->required, guards->people);
  if (subtitle != NULL)
    add_row (self, self->protection_group, _("Guards"), subtitle, xa_check_icon (guards->meets));
  /* Each guard employed: activated, their training or leaving is recorded. */
  for (guint i = 0; i < job->employed->len; i++)
    {
      XaGuard *guard = g_ptr_array_index (job->employed, i);
      g_autofree char *caption = guard->trained_on != NULL
        /* Translators: a guard: full-time or part-time, employed on, trained on */
        ? g_strdup_printf (_("%s · employed %s · trained %s"), guard->full_time ? _("Full-time") : _("Part-time"),
                           guard->employed_on, guard->trained_on)
        /* Translators: a guard not trained yet: full-time or part-time, employed on */
        : g_strdup_printf (_("%s · employed %s · not trained"), guard->full_time ? _("Full-time") : _("Part-time"),
                           guard->employed_on);
      GtkWidget *row = add_row (self, self->protection_group, guard->name, caption, NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* The target first: an action without it does not take the row. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", guard->uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "governance.guard");
      gtk_widget_set_tooltip_text (row, _("Record the guard’s training or leaving"));
    }

  if (job->devices != NULL && job->devices->len == 0)
    add_row (self, self->protection_group, _("No security device recorded"), NULL, xa_check_icon (FALSE));
  for (guint i = 0; job->devices != NULL && i < job->devices->len; i++)
    {
      XaSecurityDevice *device = g_ptr_array_index (job->devices, i);
      gboolean faulty = g_strcmp0 (device->state, "faulty") == 0;
      gboolean working = g_strcmp0 (device->state, "working") == 0;
      /* Translators: a device: its kind and place */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), xa_security_device_kind_to_label (device->kind),
                                                device->place);
      g_autofree char *caption = NULL;
      GtkWidget *row;

      if (faulty)
        /* Translators: a faulty device's fault and the day it was reported, not repaired yet */
        caption = g_strdup_printf (_("%s, reported on %s, not repaired"), device->fault != NULL ? device->fault : "",
                                   device->fault_reported_on != NULL ? device->fault_reported_on : "");
      else
        caption = g_strdup (xa_security_device_state_to_label (device->state));
      row = add_row (self, self->protection_group, title, caption, working || faulty ? xa_check_icon (working) : NULL);
      if (working || faulty)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          /* The target first: an action without it does not take the row. */
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", device->uuid);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "governance.device");
          gtk_widget_set_tooltip_text (row, faulty ? _("Log the repair") : _("Report a fault"));
        }
    }
}

static void
show_duty (XaGovernanceView *self,
           Job              *job)
{
  guint n;
  g_autoptr(GString) dates = NULL;
  g_autofree char *title = NULL;

  if (!job->duty_read)
    return;
  n = g_strv_length (job->uncovered);
  if (n == 0)
    {
      add_row (self, self->duty_group, _("Every day of the year so far has a duty shift"), NULL, xa_check_icon (TRUE));
      return;
    }
  dates = g_string_new (NULL);
  for (guint i = 0; i < n && i < DUTY_DATES_SHOWN; i++)
    {
      if (i > 0)
        g_string_append (dates, _(", "));
      g_string_append (dates, job->uncovered[i]);
    }
  if (n > DUTY_DATES_SHOWN)
    g_string_append (dates, "…");
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day of the year so far without a duty shift",
                                        "%u days of the year so far without a duty shift", n), n);
  add_row (self, self->duty_group, title, dates->str, xa_check_icon (FALSE));
}

static void
show_visitors (XaGovernanceView *self,
               Job              *job)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (job->visitors < 0)
    return;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d visitor registered at the gate this school year",
                                        "%d visitors registered at the gate this school year", job->visitors),
                           job->visitors);
  if (job->inside->len > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d not signed out yet", "%d not signed out yet",
                                             job->inside->len), job->inside->len);
  add_row (self, self->duty_group, title, subtitle, NULL);
  /* Those still inside, each signed out at the gate with one click. */
  for (guint i = 0; i < job->inside->len; i++)
    {
      XaVisitor *visitor = g_ptr_array_index (job->inside, i);
      /* Translators: a visitor still inside: name, when they came */
      g_autofree char *name = g_strdup_printf (_("%s, in since %s"), visitor->name, visitor->arrived_at);
      /* Translators: why a visitor came and whom they see */
      g_autofree char *why = g_strdup_printf (_("%s · sees %s"), visitor->purpose, visitor->host);
      GtkWidget *row = add_row (self, self->duty_group, name, why, NULL);
      GtkWidget *button = gtk_button_new_with_label (_("Sign Out"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "governance.leave");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", visitor->uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
}

static void
governance_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XaGovernanceView) self = user_data;
  g_autoptr(GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error) || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  clear (self);
  show_disputes (self, job);
  show_protection (self, job);
  show_duty (self, job);
  show_visitors (self, job);
  g_clear_pointer (&self->disputes, g_ptr_array_unref);
  if (job->disputes != NULL)
    self->disputes = g_ptr_array_ref (job->disputes);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  if (job->devices != NULL)
    self->devices = g_ptr_array_ref (job->devices);
  g_clear_pointer (&self->guards, g_ptr_array_unref);
  self->guards = g_ptr_array_ref (job->employed);
  for (guint i = 0; i < job->problems->len; i++)
    add_row (self, self->disputes_group, _("Not read"), g_ptr_array_index (job->problems, i), xa_check_icon (FALSE));

  gtk_stack_set_visible_child_name (self->stack, "registers");
  self->busy = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
reload (XaGovernanceView *self)
{
  if (self->workspace != NULL)
    xa_governance_view_show (self, self->workspace, self->school_uuid, self->school_year, self->today);
}

static void
records_changed_cb (XaGovernanceView   *self,
                    const char         *kind,
                    const char * const *uuids,
                    XaStore            *store)
{
  static const char * const kinds[] = {
    "dispute", "guard", "guard_policy", "organisation", "security_device", "device_repair", "duty_shift",
    "dispute_round", "visitor",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i]))
      {
        reload (self);
        return;
      }
}

/* governance.judge((sb)): the commission's judgement of a petition's influence. */
static void
judge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *uuid;
  gboolean bad;

  g_variant_get (parameter, "(&sb)", &uuid, &bad);
  if (self->workspace == NULL)
    return;
  if (!xa_dispute_judge_influence (xa_workspace_get_store (self->workspace), uuid, bad, &error))
    {
      g_warning ("Governance: %s", error->message);
      xa_widget_add_toast (widget, adw_toast_new (error->message));
      return;
    }
  xa_widget_add_toast (widget, adw_toast_new (bad ? _("The petition is judged to have caused a bad influence")
                                                  : _("The petition is judged to have caused no bad influence")));
  reload (self);
}

/* The object */

static void
xa_governance_view_dispose (GObject *object)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_GOVERNANCE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->disputes, g_ptr_array_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->guards, g_ptr_array_unref);
  g_clear_pointer (&self->school_uuid, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (xa_governance_view_parent_class)->dispose (object);
}

static void
xa_governance_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XaGovernanceView *self = XA_GOVERNANCE_VIEW (object);

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
xa_governance_view_class_init (XaGovernanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_governance_view_dispose;
  object_class->get_property = xa_governance_view_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XA_TYPE_PLAN_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-governance-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, XaGovernanceView, disputes_group);
  gtk_widget_class_bind_template_child (widget_class, XaGovernanceView, duty_group);
  gtk_widget_class_bind_template_child (widget_class, XaGovernanceView, plan_group);
  gtk_widget_class_bind_template_child (widget_class, XaGovernanceView, protection_group);
  gtk_widget_class_bind_template_child (widget_class, XaGovernanceView, stack);

  gtk_widget_class_install_action (widget_class, "governance.judge", "(sb)", judge_action);
  _xa_governance_view_install_form_actions (widget_class);
}

static void
xa_governance_view_init (XaGovernanceView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "none");
}

/**
 * xa_governance_view_show:
 * @school_uuid: (nullable): the school; %NULL shows that none is chosen
 * @today: (nullable): the last day of the year read so far; %NULL for the local date
 *
 * Reads the school's registers of the year in a worker and shows them; a read under
 * way is dropped.
 */
void
xa_governance_view_show (XaGovernanceView *self,
                         XaWorkspace      *workspace,
                         const char       *school_uuid,
                         int               school_year,
                         const char       *today)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *school = g_strdup (school_uuid);
  g_autofree char *day = g_strdup (today);
  Job *job;

  g_return_if_fail (XA_IS_GOVERNANCE_VIEW (self));
  g_return_if_fail (XA_IS_WORKSPACE (workspace));

  if (self->workspace != workspace)
    {
      if (self->workspace != NULL)
        g_signal_handlers_disconnect_by_func (xa_workspace_get_store (self->workspace), records_changed_cb, self);
      g_set_object (&self->workspace, workspace);
      g_signal_connect_object (xa_workspace_get_store (workspace), "records-changed",
                               G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
    }
  g_free (self->school_uuid);
  self->school_uuid = g_steal_pointer (&school);
  g_free (self->today);
  self->today = g_steal_pointer (&day);
  self->school_year = school_year;
  /* The arguments may have been the view's own, freed above. */
  school_uuid = self->school_uuid;
  today = self->today;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  xa_plan_group_show (self->plan_group, workspace, school_uuid, school_year, today);
  /* A read-only store takes no record: the forms would only be refused. */
  {
    static const char * const writes[] = {
      "governance.new", "governance.step", "governance.device", "governance.guard", "governance.leave",
      "governance.judge",
    };
    gboolean writable = !xa_store_get_read_only (xa_workspace_get_store (workspace));

    for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), writes[i], writable);
  }
  if (school_uuid == NULL)
    {
      clear (self);
      gtk_stack_set_visible_child_name (self->stack, "none");
      self->busy = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->store = g_object_ref (xa_workspace_get_store (workspace));
  job->school_uuid = g_strdup (school_uuid);
  job->school_year = school_year;
  job->today = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  job->problems = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "registers") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->busy = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  task = g_task_new (NULL, self->cancellable, governance_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, xa_governance_view_show);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, governance_worker);
}

/**
 * xa_governance_view_set_commission:
 * @commission: whether the login is the commission's, who judges petitions
 */
void
xa_governance_view_set_commission (XaGovernanceView *self,
                                   gboolean          commission)
{
  g_return_if_fail (XA_IS_GOVERNANCE_VIEW (self));

  commission = !!commission;
  if (self->commission == commission)
    return;
  self->commission = commission;
  reload (self);
}

gboolean
xa_governance_view_get_busy (XaGovernanceView *self)
{
  g_return_val_if_fail (XA_IS_GOVERNANCE_VIEW (self), FALSE);
  return self->busy;
}

/**
 * xa_governance_view_get_n_unjudged:
 *
 * Returns: how many of the disputes shown led to a petition whose influence the
 *   commission has not judged yet
 */
guint
xa_governance_view_get_n_unjudged (XaGovernanceView *self)
{
  g_return_val_if_fail (XA_IS_GOVERNANCE_VIEW (self), 0);
  return self->n_unjudged;
}

/**
 * xa_governance_view_dup_text:
 *
 * Returns: (transfer full): the rows shown, a line each, title and subtitle (for tests
 *   and for a person reading it aloud)
 */
char *
xa_governance_view_dup_text (XaGovernanceView *self)
{
  g_return_val_if_fail (XA_IS_GOVERNANCE_VIEW (self), NULL);

  return xa_check_rows_dup_text (self->rows);
}
