/* xa-plan-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school's emergency plans (应急预案) and safety rules (安全制度) in the 综治 tab
 * (issue 13; F1 of the assessment): each with the day it was adopted and its next
 * review, a review that has come flagged. Adopt a new one with its file, record a
 * review, or open the file in the archive's preview. Read in a worker; read again
 * when the store announces a change of the plans.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-plan-group.h"
#include "xa-plan-form.h"
#include "xa-ui-utils.h"
#include "archive/xa-archive-ui.h"
#include "core/governance/xa-plan.h"
#include "core/util/xa-date.h"

struct _XaPlanGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  GCancellable        *cancellable;
  GPtrArray           *plans;      /* XaPlan shown */
  GPtrArray           *rows;
  char                *school_uuid;
  char                *today;

  /* State */
  int                  school_year;
  guint                n_due;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (XaPlanGroup, xa_plan_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  XaStore *store;
  char    *school_uuid;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_free (job->school_uuid);
  g_free (job);
}

static void
plans_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  GPtrArray *plans = xa_plan_list (job->store, job->school_uuid, &error);

  if (plans == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plans, (GDestroyNotify) g_ptr_array_unref);
}

static void
set_busy (XaPlanGroup *self,
          gboolean     busy)
{
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear (XaPlanGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->plans, 0);
  self->n_due = 0;
}

/* A row's button: an icon with its tooltip as its name, or a label when @icon_name is
 * %NULL. */
static GtkWidget *
row_button (const char *icon_name,
            const char *text,
            const char *action_name,
            const char *uuid)
{
  GtkWidget *button = icon_name != NULL ? gtk_button_new_from_icon_name (icon_name)
                                        : gtk_button_new_with_label (text);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (icon_name != NULL)
    {
      gtk_widget_set_tooltip_text (button, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* A kind is in force by its newest plan; an older one that was replaced shows as such
 * and is never due. */
static void
show_plans (XaPlanGroup *self,
            GPtrArray   *plans)
{
  g_autoptr(GHashTable) kinds_seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *kinds[] = { "plan", "rule" };

  clear (self);
  for (guint i = 0; i < plans->len; i++)
    {
      XaPlan *plan = g_ptr_array_index (plans, i);
      gboolean replaced = !g_hash_table_add (kinds_seen, plan->kind);
      gboolean due = !replaced && g_strcmp0 (plan->review_on, self->today) <= 0;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (replaced)
        /* Translators: a plan replaced by a newer one: its kind, the day it was adopted */
        subtitle = g_strdup_printf (_("%s · adopted %s · replaced"), xa_plan_kind_to_label (plan->kind), plan->adopted_on);
      else if (due)
        /* Translators: a plan in force: its kind, the day it was adopted, the review day that has come */
        subtitle = g_strdup_printf (_("%s · adopted %s · review due since %s"), xa_plan_kind_to_label (plan->kind),
                                    plan->adopted_on, plan->review_on);
      else
        /* Translators: a plan in force: its kind, the day it was adopted, its next review */
        subtitle = g_strdup_printf (_("%s · adopted %s · next review %s"), xa_plan_kind_to_label (plan->kind),
                                    plan->adopted_on, plan->review_on);
      row = xa_check_row_new (ADW_PREFERENCES_GROUP (self), plan->title, subtitle,
                              replaced ? NULL : xa_check_icon (!due));
      if (plan->archive_item_uuid != NULL)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-open-symbolic", _("Open the File"),
                                                                     "plans.open", plan->archive_item_uuid));
      if (!replaced)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button (NULL, _("Review…"),
                                                                     "plans.review", plan->uuid));
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->plans, xa_plan_copy (plan));
      self->n_due += due;
    }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (!g_hash_table_contains (kinds_seen, kinds[k]))
      {
        /* Translators: no plan of a kind: “No 应急预案 adopted” */
        g_autofree char *title = g_strdup_printf (_("No %s adopted"), xa_plan_kind_to_label (kinds[k]));

        g_ptr_array_add (self->rows, xa_check_row_new (ADW_PREFERENCES_GROUP (self), title, NULL, xa_check_icon (FALSE)));
      }
}

static void
plans_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XaPlanGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (plans == NULL)
    {
      clear (self);
      g_ptr_array_add (self->rows, xa_check_row_new (ADW_PREFERENCES_GROUP (self), _("The plans could not be read"),
                                                     error->message, xa_check_icon (FALSE)));
    }
  else
    show_plans (self, plans);
  set_busy (self, FALSE);
}

static void
reload (XaPlanGroup *self)
{
  if (self->workspace != NULL)
    xa_plan_group_show (self, self->workspace, self->school_uuid, self->school_year, self->today);
}

static void
records_changed_cb (XaPlanGroup        *self,
                    const char         *kind,
                    const char * const *uuids,
                    XaStore            *store)
{
  reload (self);
}

/* Actions */

static const XaPlan *
find_plan (XaPlanGroup *self,
           const char  *uuid)
{
  for (guint i = 0; i < self->plans->len; i++)
    if (g_str_equal (((XaPlan *) g_ptr_array_index (self->plans, i))->uuid, uuid))
      return g_ptr_array_index (self->plans, i);
  return NULL;
}

static void
present_form (XaPlanGroup *self,
              GtkWidget   *form)
{
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  gtk_window_present (GTK_WINDOW (form));
}

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  XaPlanGroup *self = XA_PLAN_GROUP (widget);

  if (self->school_uuid != NULL)
    present_form (self, xa_plan_form_new_adopt (self->workspace, self->school_uuid, self->school_year, NULL));
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XaPlanGroup *self = XA_PLAN_GROUP (widget);
  const XaPlan *plan = find_plan (self, g_variant_get_string (parameter, NULL));

  if (plan != NULL)
    present_form (self, xa_plan_form_new_review (self->workspace, plan, NULL));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaPlanGroup *self = XA_PLAN_GROUP (widget);
  g_autoptr(GError) error = NULL;

  if (!xa_archive_ui_open_item (widget, self->workspace, g_variant_get_string (parameter, NULL), &error))
    xa_widget_show_error (widget, _("The file could not be opened"), error->message);
}

/* The object */

static void
xa_plan_group_dispose (GObject *object)
{
  XaPlanGroup *self = XA_PLAN_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_PLAN_GROUP);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->school_uuid, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (xa_plan_group_parent_class)->dispose (object);
}

static void
xa_plan_group_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XaPlanGroup *self = XA_PLAN_GROUP (object);

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
xa_plan_group_class_init (XaPlanGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_plan_group_dispose;
  object_class->get_property = xa_plan_group_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-plan-group.ui");
  gtk_widget_class_install_action (widget_class, "plans.adopt", NULL, adopt_action);
  gtk_widget_class_install_action (widget_class, "plans.review", "s", review_action);
  gtk_widget_class_install_action (widget_class, "plans.open", "s", open_action);
}

static void
xa_plan_group_init (XaPlanGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_plan_free);
  self->rows = g_ptr_array_new ();
}

/**
 * xa_plan_group_show:
 * @school_uuid: (nullable): the school; %NULL shows nothing
 * @today: (nullable): the day reviews are due by; %NULL for the local date
 *
 * Reads the school's plans and rules in a worker and shows them; a read under way is
 * dropped. A read-only store hides the actions that change them.
 */
void
xa_plan_group_show (XaPlanGroup *self,
                    XaWorkspace *workspace,
                    const char  *school_uuid,
                    int          school_year,
                    const char  *today)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *school = g_strdup (school_uuid);
  g_autofree char *day = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  gboolean can_change;
  Job *job;

  g_return_if_fail (XA_IS_PLAN_GROUP (self));
  g_return_if_fail (XA_IS_WORKSPACE (workspace));

  if (self->workspace != workspace)
    {
      if (self->workspace != NULL)
        g_signal_handlers_disconnect_by_func (xa_workspace_get_store (self->workspace), records_changed_cb, self);
      g_set_object (&self->workspace, workspace);
      g_signal_connect_object (xa_workspace_get_store (workspace), "records-changed::safety_plan",
                               G_CALLBACK (records_changed_cb), self, G_CONNECT_SWAPPED);
    }
  /* The arguments may have been the group's own, freed here. */
  g_free (self->school_uuid);
  self->school_uuid = g_steal_pointer (&school);
  g_free (self->today);
  self->today = g_steal_pointer (&day);
  self->school_year = school_year;

  can_change = !xa_store_get_read_only (xa_workspace_get_store (workspace));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.adopt", can_change && self->school_uuid != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.review", can_change);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->school_uuid == NULL)
    {
      clear (self);
      set_busy (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  job = g_new0 (Job, 1);
  job->store = g_object_ref (xa_workspace_get_store (workspace));
  job->school_uuid = g_strdup (self->school_uuid);
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, plans_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, xa_plan_group_show);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, plans_worker);
}

gboolean
xa_plan_group_get_busy (XaPlanGroup *self)
{
  g_return_val_if_fail (XA_IS_PLAN_GROUP (self), FALSE);
  return self->busy;
}

/**
 * xa_plan_group_get_n_due:
 *
 * Returns: how many plans in force have come to their review, as last shown
 */
guint
xa_plan_group_get_n_due (XaPlanGroup *self)
{
  g_return_val_if_fail (XA_IS_PLAN_GROUP (self), 0);
  return self->n_due;
}
