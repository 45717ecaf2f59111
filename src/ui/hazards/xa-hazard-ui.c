/* xa-hazard-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the widgets of the hazard ledger share: how a state looks as a badge, 逾期 judged
 * on today's date, the choices of an enumerated column in its order, a column's value as
 * people read it, and picking a school by typing (the school picker in a dialog), for
 * the form and for the list's filter.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-ui.h"
#include "xa-accessible.h"
#include "xa-school-picker.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "core/util/xa-school-year.h"

/* The state badges in the colours the agreements' states use (style.css): waiting is
 * amber, under way the accent, waiting for a check purple, done green. */
static const char * const state_classes[XA_N_HAZARD_STATES] = {
  "pending", "archived", "school", "signed",
};

static const char * const badge_classes[] = {
  "pending", "archived", "school", "signed", "overdue", "major", "removed",
};

/**
 * xa_hazard_badge_set:
 * @badge: a label with the state-badge class
 * @badge_class: (nullable): its colour, a class of style.css
 */
void
xa_hazard_badge_set (GtkWidget  *badge,
                     const char *text,
                     const char *badge_class)
{
  g_return_if_fail (GTK_IS_LABEL (badge));

  gtk_label_set_label (GTK_LABEL (badge), text);
  for (guint i = 0; i < G_N_ELEMENTS (badge_classes); i++)
    gtk_widget_remove_css_class (badge, badge_classes[i]);
  if (badge_class != NULL)
    gtk_widget_add_css_class (badge, badge_class);
}

void
xa_hazard_badge_set_state (GtkWidget     *badge,
                           XaHazardState  state)
{
  g_return_if_fail (state < XA_N_HAZARD_STATES);

  xa_hazard_badge_set (badge, xa_hazard_state_to_label (state), state_classes[state]);
}

/**
 * xa_hazard_is_overdue_today:
 *
 * Returns: whether @hazard is 逾期 on today's local date
 */
gboolean
xa_hazard_is_overdue_today (XaHazard *hazard)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return xa_hazard_is_overdue (hazard, &today);
}

/**
 * xa_hazard_choice_to_label:
 * @field: an enumerated column: the inspection type, category, grade, state or
 *   re-inspection result
 *
 * Returns: (transfer none): the label of @value
 */
const char *
xa_hazard_choice_to_label (XaHazardField field,
                           guint         value)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      return xa_inspection_type_to_label (value);
    case XA_HAZARD_FIELD_CATEGORY:
      return xa_hazard_category_to_label (value);
    case XA_HAZARD_FIELD_GRADE:
      return xa_hazard_grade_to_label (value);
    case XA_HAZARD_FIELD_STATE:
      return xa_hazard_state_to_label (value);
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return xa_reinspection_result_to_label (value);
    default:
      g_return_val_if_reached (NULL);
    }
}

static guint
n_choices (XaHazardField field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      return XA_N_INSPECTION_TYPES;
    case XA_HAZARD_FIELD_CATEGORY:
      return XA_N_HAZARD_CATEGORIES;
    case XA_HAZARD_FIELD_GRADE:
      return XA_N_HAZARD_GRADES;
    case XA_HAZARD_FIELD_STATE:
      return XA_N_HAZARD_STATES;
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return XA_N_REINSPECTION_RESULTS;
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * xa_hazard_choices_new:
 *
 * Returns: (transfer full): the labels of @field's values, at their values' positions,
 *   for a drop-down or a combo row whose selected position is the value
 */
GtkStringList *
xa_hazard_choices_new (XaHazardField field)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_choices (field); i++)
    gtk_string_list_append (list, xa_hazard_choice_to_label (field, i));

  return list;
}

/**
 * xa_hazard_dup_school_name:
 *
 * Returns: (transfer full): the school's name, or what to say when it is not known
 */
char *
xa_hazard_dup_school_name (XaSchoolRegistry *registry,
                           const char       *school_uuid)
{
  g_autoptr(XaOrganisation) school = NULL;

  if (school_uuid == NULL || school_uuid[0] == '\0')
    /* Translators: the school of a hazard not chosen yet */
    return g_strdup (_("Not chosen"));

  school = xa_school_registry_dup_school (registry, school_uuid, NULL);
  if (school == NULL)
    /* Translators: the school of a hazard that is no longer in the register */
    return g_strdup (_("Unknown school"));

  return g_strdup (xa_organisation_get_name (school));
}

/**
 * xa_hazard_dup_value_text:
 * @field: any column but the school, which needs the register
 *
 * Returns: (transfer full): the column's value as people read it; "" for none
 */
char *
xa_hazard_dup_value_text (XaHazard      *hazard,
                          XaHazardField  field)
{
  g_return_val_if_fail (XA_IS_HAZARD (hazard), NULL);

  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
      return xa_school_year_format (xa_hazard_get_school_year (hazard), FALSE);
    case XA_HAZARD_FIELD_INSPECTION_TYPE:
      return g_strdup (xa_inspection_type_to_label (xa_hazard_get_inspection_type (hazard)));
    case XA_HAZARD_FIELD_CATEGORY:
      return g_strdup (xa_hazard_category_to_label (xa_hazard_get_category (hazard)));
    case XA_HAZARD_FIELD_GRADE:
      return g_strdup (xa_hazard_grade_to_label (xa_hazard_get_grade (hazard)));
    case XA_HAZARD_FIELD_STATE:
      return g_strdup (xa_hazard_state_to_label (xa_hazard_get_state (hazard)));
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
      return g_strdup (xa_reinspection_result_to_label (xa_hazard_get_reinspection_result (hazard)));
    case XA_HAZARD_FIELD_REPORTED:
      return g_strdup (xa_hazard_get_reported (hazard) ? _("Yes") : _("No"));
    case XA_HAZARD_FIELD_SUPERVISED:
      return g_strdup (xa_hazard_get_supervised (hazard) ? _("Yes") : _("No"));
    default:
      g_return_val_if_fail (field < XA_N_HAZARD_TEXT_FIELDS, NULL);
      return g_strdup (xa_hazard_get_text (hazard, field));
    }
}

/**
 * xa_hazard_step_who_label:
 *
 * What a step asks for, as the core names it in its messages: who takes it, the day
 * it gives and its note (复查（验收）人, 整改完成日期, 复查发现的问题).
 */
const char *
xa_hazard_step_who_label (XaHazardStep step)
{
  switch (step)
    {
    case XA_HAZARD_STEP_PASS:
    case XA_HAZARD_STEP_FAIL:
      return xa_hazard_field_to_label (XA_HAZARD_FIELD_REINSPECTOR);
    case XA_HAZARD_STEP_CLOSE:
      return xa_hazard_field_to_label (XA_HAZARD_FIELD_CLOSED_BY);
    case XA_HAZARD_STEP_START:
    case XA_HAZARD_STEP_COMPLETE:
    case XA_N_HAZARD_STEPS:
    default:
      return C_("hazard step", "Handled by");
    }
}

const char *
xa_hazard_step_date_label (XaHazardStep step)
{
  switch (step)
    {
    case XA_HAZARD_STEP_COMPLETE:
      return xa_hazard_field_to_label (XA_HAZARD_FIELD_COMPLETED_ON);
    case XA_HAZARD_STEP_PASS:
    case XA_HAZARD_STEP_FAIL:
      return xa_hazard_field_to_label (XA_HAZARD_FIELD_REINSPECTED_ON);
    case XA_HAZARD_STEP_CLOSE:
      return xa_hazard_field_to_label (XA_HAZARD_FIELD_CLOSED_ON);
    case XA_HAZARD_STEP_START:
    case XA_N_HAZARD_STEPS:
    default:
      return C_("hazard step", "Started on");
    }
}

const char *
xa_hazard_step_note_label (XaHazardStep step)
{
  switch (step)
    {
    case XA_HAZARD_STEP_COMPLETE:
      return xa_hazard_field_to_label (XA_HAZARD_FIELD_COMPLETION_NOTES);
    case XA_HAZARD_STEP_FAIL:
      return C_("hazard step", "What is still wrong");
    case XA_HAZARD_STEP_START:
    case XA_HAZARD_STEP_PASS:
    case XA_HAZARD_STEP_CLOSE:
    case XA_N_HAZARD_STEPS:
    default:
      return C_("hazard step", "Note");
    }
}

/* Picking a school */

static void
picker_changed_cb (XaSchoolPicker *picker)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (picker));

  if (ADW_IS_MESSAGE_DIALOG (root))
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (root), "pick",
                                             xa_school_picker_get_selected (picker) != NULL);
}

static void
picked_cb (AdwMessageDialog *dialog,
           const char       *response,
           GTask            *task)
{
  XaSchoolPicker *picker = g_task_get_task_data (task);
  XaOrganisation *school = xa_school_picker_get_selected (picker);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_str_equal (response, "all"))
    g_task_return_pointer (task, g_strdup (""), g_free);
  else if (g_str_equal (response, "pick") && school != NULL)
    g_task_return_pointer (task, g_strdup (xa_organisation_get_uuid (school)), g_free);
  else
    g_task_return_pointer (task, NULL, NULL);
}

/**
 * xa_hazard_pick_school_async:
 * @current_uuid: (nullable): the school chosen now, selected first
 * @offer_all: whether 全部学校 is an answer too (a filter's)
 *
 * Asks for a school, found by typing its name, pinyin initials or code.
 */
void
xa_hazard_pick_school_async (GtkWidget           *widget,
                             XaSchoolRegistry    *registry,
                             const char          *current_uuid,
                             gboolean             offer_all,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *picker;
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));

  picker = xa_school_picker_new (xa_school_registry_get_schools (registry));
  xa_school_picker_set_current (XA_SCHOOL_PICKER (picker), current_uuid);

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_hazard_pick_school_async);
  g_task_set_task_data (task, g_object_ref_sink (picker), g_object_unref);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Choose a School"), NULL));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (offer_all)
    /* Translators: the answer that shows the hazards of every school */
    adw_message_dialog_add_response (dialog, "all", _("_All Schools"));
  adw_message_dialog_add_response (dialog, "pick", _("C_hoose"));
  adw_message_dialog_set_response_appearance (dialog, "pick", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "pick");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, picker);

  g_signal_connect (picker, "notify::selected", G_CALLBACK (picker_changed_cb), NULL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (picked_cb),
                         g_steal_pointer (&task), (GClosureNotify) g_object_unref, 0);
  xa_accessible_prepare (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  picker_changed_cb (XA_SCHOOL_PICKER (picker));
}

/**
 * xa_hazard_pick_school_finish:
 * @picked: (out): %FALSE when the question was cancelled
 *
 * Returns: (transfer full) (nullable): the school's UUID, or %NULL for 全部学校 (and
 *   when cancelled)
 */
char *
xa_hazard_pick_school_finish (GAsyncResult *result,
                              gboolean     *picked)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  uuid = g_task_propagate_pointer (G_TASK (result), NULL);
  *picked = uuid != NULL;
  if (uuid != NULL && uuid[0] == '\0')
    return NULL;

  return g_steal_pointer (&uuid);
}
