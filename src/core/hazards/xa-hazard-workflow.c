/* xa-hazard-workflow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard's state machine: 待整改 → 整改中 → 待复查 → 已销号, a failed re-inspection
 * back to 整改中 (DESIGN.md §3, reference/domain.md §3.1–3.2). A step is taken on a copy,
 * which is validated whole and only then becomes the hazard: a refused step changes
 * nothing, and a valid hazard stays valid. Every step taken adds an entry to the history,
 * which is never rewritten; the columns hold the latest values, the history how they
 * came to be (a timeline, and the store's audit entries, which follow).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-text.h"

#define WHO_MAX_CHARS  50
#define NOTE_MAX_CHARS 1000

static const struct
{
  XaHazardState from;
  XaHazardState to;
} transitions[] = {
  [XA_HAZARD_STEP_START] = { XA_HAZARD_STATE_PENDING, XA_HAZARD_STATE_RECTIFYING },
  [XA_HAZARD_STEP_COMPLETE] = { XA_HAZARD_STATE_RECTIFYING, XA_HAZARD_STATE_REINSPECTING },
  [XA_HAZARD_STEP_PASS] = { XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_REINSPECTING },
  [XA_HAZARD_STEP_FAIL] = { XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_RECTIFYING },
  [XA_HAZARD_STEP_CLOSE] = { XA_HAZARD_STATE_REINSPECTING, XA_HAZARD_STATE_CLOSED },
};

G_STATIC_ASSERT (G_N_ELEMENTS (transitions) == XA_N_HAZARD_STEPS);

/* The column a step's date fills; the start's date is only the history's. */
static const XaHazardField date_fields[] = {
  [XA_HAZARD_STEP_START] = XA_HAZARD_FIELD_NONE,
  [XA_HAZARD_STEP_COMPLETE] = XA_HAZARD_FIELD_COMPLETED_ON,
  [XA_HAZARD_STEP_PASS] = XA_HAZARD_FIELD_REINSPECTED_ON,
  [XA_HAZARD_STEP_FAIL] = XA_HAZARD_FIELD_REINSPECTED_ON,
  [XA_HAZARD_STEP_CLOSE] = XA_HAZARD_FIELD_CLOSED_ON,
};

/**
 * xa_hazard_entry_new:
 *
 * An entry is filled once, before it joins a history, and never changed after: the
 * copies of a hazard (one a step) share their entries by reference.
 *
 * Returns: (transfer full): an empty entry, freed with xa_hazard_entry_free()
 */
XaHazardEntry *
xa_hazard_entry_new (void)
{
  return g_atomic_rc_box_new0 (XaHazardEntry);
}

/**
 * xa_hazard_entry_ref:
 *
 * Returns: (transfer full): @entry, shared, for a history of its own
 */
XaHazardEntry *
xa_hazard_entry_ref (XaHazardEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return g_atomic_rc_box_acquire (entry);
}

static void
entry_clear (gpointer data)
{
  XaHazardEntry *entry = data;

  g_free (entry->who);
  g_free (entry->at);
  g_free (entry->date);
  g_free (entry->note);
}

/* Drops a reference: the last frees the entry. */
void
xa_hazard_entry_free (XaHazardEntry *entry)
{
  if (entry == NULL)
    return;

  g_atomic_rc_box_release_full (entry, entry_clear);
}

/**
 * xa_hazard_can_step:
 *
 * Whether the hazard's state allows @step, for a button to be sensitive; the step may
 * still be refused for what it is given or for a rule (xa_hazard_check_step()).
 *
 * Returns: %TRUE when @step leaves the present state
 */
gboolean
xa_hazard_can_step (XaHazard     *self,
                    XaHazardStep  step)
{
  XaReinspectionResult result;

  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);
  g_return_val_if_fail (step < XA_N_HAZARD_STEPS, FALSE);

  if (xa_hazard_get_state (self) != transitions[step].from)
    return FALSE;

  result = xa_hazard_get_reinspection_result (self);
  switch (step)
    {
    case XA_HAZARD_STEP_PASS:
    case XA_HAZARD_STEP_FAIL:
      return result != XA_REINSPECTION_PASSED;
    case XA_HAZARD_STEP_CLOSE:
      return result == XA_REINSPECTION_PASSED;
    case XA_HAZARD_STEP_START:
    case XA_HAZARD_STEP_COMPLETE:
    case XA_N_HAZARD_STEPS:
    default:
      return TRUE;
    }
}

static gboolean
check_state (XaHazard      *self,
             XaHazardStep   step,
             GError       **error)
{
  XaHazardState state = xa_hazard_get_state (self);

  if (xa_hazard_can_step (self, step))
    return TRUE;

  if (step == XA_HAZARD_STEP_CLOSE && state == XA_HAZARD_STATE_REINSPECTING)
    g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NOT_PASSED,
                 _("A hazard is closed only after it passes its re-inspection"));
  else if (state == XA_HAZARD_STATE_REINSPECTING)
    g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_BAD_STEP,
                 _("The hazard has passed its re-inspection already; it can now be closed"));
  else
    g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_BAD_STEP,
                 /* Translators: a step such as 销号, then a status such as 待整改 */
                 _("“%s” is not possible for a hazard that is “%s”"),
                 xa_hazard_step_to_label (step), xa_hazard_state_to_label (state));
  return FALSE;
}

/* Who takes the step, named as the column it fills when it fills one. */
static const char *
who_label (XaHazardStep step)
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
      /* Translators: 经办人, who took a step of a hazard's rectification */
      return C_("hazard step", "Handled by");
    }
}

/* check_input() with the fields' labels in its messages when @labelled, else with none
 * (and no message is wanted). */
static gboolean
check_input_as (XaHazard                *self,
                XaHazardStep             step,
                const XaHazardStepInput *input,
                gboolean                 labelled,
                GError                 **error)
{
  XaHazardField date_field = date_fields[step];
  const char *date_label = "";
  const char *found_on_label = "";
  const char *note_label = "";

  if (labelled)
    {
      date_label = date_field == XA_HAZARD_FIELD_NONE ? C_("hazard step", "Started on")
                                                      : xa_hazard_field_to_label (date_field);
      found_on_label = xa_hazard_field_to_label (XA_HAZARD_FIELD_FOUND_ON);
      /* A failed re-inspection says what is still wrong: it is what the next fix works on. */
      note_label = step == XA_HAZARD_STEP_FAIL ? C_("hazard step", "What is still wrong")
                                               : C_("hazard step", "Note");
    }

  if (!xa_text_check (input->who, labelled ? who_label (step) : "", XA_TEXT_REQUIRED, WHO_MAX_CHARS,
                      XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, error))
    return FALSE;

  if ((step == XA_HAZARD_STEP_PASS || step == XA_HAZARD_STEP_FAIL) &&
      !_xa_hazard_check_reinspector (self, input->who, error))
    return FALSE;

  if (date_field != XA_HAZARD_FIELD_NONE &&
      !xa_text_check (input->date, date_label, XA_TEXT_REQUIRED, 40,
                      XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, error))
    return FALSE;

  /* The start's date is in no column, so its order is checked here; the others' by the
   * validation of the columns they fill. */
  if (input->date != NULL && input->date[0] != '\0' &&
      (!_xa_hazard_check_date (input->date, date_label, error) ||
       !_xa_hazard_check_not_before (date_label, input->date, found_on_label,
                                     xa_hazard_get_text (self, XA_HAZARD_FIELD_FOUND_ON), error)))
    return FALSE;

  if (!xa_text_check (input->note, note_label,
                      (step == XA_HAZARD_STEP_FAIL ? XA_TEXT_REQUIRED : XA_TEXT_OPTIONAL) | XA_TEXT_MULTILINE,
                      NOTE_MAX_CHARS, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, error))
    return FALSE;

  if (input->at != NULL && !xa_date_time_check (input->at))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   _("“%s” is not a time such as 2021-09-01T08:30:00+08:00"),
                   g_utf8_validate (input->at, -1, NULL) ? input->at : "");
      return FALSE;
    }

  return TRUE;
}

/* What was given for @step, checked. The labels are looked up only for a refusal's
 * message, as check_column() does: translating them took seven per cent of what the
 * thread that makes the demo's hazards executes. */
static gboolean
check_input (XaHazard                *self,
             XaHazardStep             step,
             const XaHazardStepInput *input,
             GError                 **error)
{
  return check_input_as (self, step, input, FALSE, NULL) ||
         check_input_as (self, step, input, TRUE, error);
}

/* The text columns a step sets (step_in_place()), which a refused step puts back. */
static const XaHazardField step_fields[] = {
  XA_HAZARD_FIELD_COMPLETED_ON, XA_HAZARD_FIELD_COMPLETION_NOTES, XA_HAZARD_FIELD_REINSPECTED_ON,
  XA_HAZARD_FIELD_REINSPECTOR, XA_HAZARD_FIELD_CLOSED_ON, XA_HAZARD_FIELD_CLOSED_BY,
};

/* Takes @step on @self itself; a step refused, before or after its changes, leaves
 * @self as it was (though a watcher may have seen the changes come and go). */
static gboolean
step_in_place (XaHazard                *self,
               XaHazardStep             step,
               const XaHazardStepInput *input,
               GError                 **error)
{
  XaHazardUndo undo;
  XaHazardEntry *entry;
  gboolean has_note;
  gboolean ok;

  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);
  g_return_val_if_fail (step < XA_N_HAZARD_STEPS, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!check_state (self, step, error))
    return FALSE;

  if (step == XA_HAZARD_STEP_START && !_xa_hazard_check_major (self, NULL, error))
    return FALSE;

  if (!check_input (self, step, input, error))
    return FALSE;

  _xa_hazard_undo_init (self, &undo, step_fields, G_N_ELEMENTS (step_fields));
  has_note = !xa_text_is_blank (input->note);

  switch (step)
    {
    case XA_HAZARD_STEP_COMPLETE:
      xa_hazard_set_text (self, XA_HAZARD_FIELD_COMPLETED_ON, input->date);
      if (has_note)
        xa_hazard_set_text (self, XA_HAZARD_FIELD_COMPLETION_NOTES, input->note);
      /* A new re-inspection is due: the failed one before it lives on in the history.
       * The re-inspector stays, as the one named in advance (六定: 定复查人). */
      xa_hazard_set_text (self, XA_HAZARD_FIELD_REINSPECTED_ON, NULL);
      _xa_hazard_set_reinspection_result (self, XA_REINSPECTION_NONE);
      break;
    case XA_HAZARD_STEP_PASS:
    case XA_HAZARD_STEP_FAIL:
      xa_hazard_set_text (self, XA_HAZARD_FIELD_REINSPECTOR, input->who);
      xa_hazard_set_text (self, XA_HAZARD_FIELD_REINSPECTED_ON, input->date);
      _xa_hazard_set_reinspection_result (self, step == XA_HAZARD_STEP_PASS ? XA_REINSPECTION_PASSED
                                                                            : XA_REINSPECTION_FAILED);
      break;
    case XA_HAZARD_STEP_CLOSE:
      xa_hazard_set_text (self, XA_HAZARD_FIELD_CLOSED_ON, input->date);
      xa_hazard_set_text (self, XA_HAZARD_FIELD_CLOSED_BY, input->who);
      break;
    case XA_HAZARD_STEP_START:
    case XA_N_HAZARD_STEPS:
    default:
      break;
    }
  _xa_hazard_set_state (self, transitions[step].to);

  entry = xa_hazard_entry_new ();
  entry->step = step;
  entry->from = transitions[step].from;
  entry->to = transitions[step].to;
  entry->who = g_strstrip (g_strdup (input->who));
  entry->at = input->at != NULL ? g_strdup (input->at) : xa_date_now_iso8601 ();
  entry->date = input->date != NULL && input->date[0] != '\0' ? g_strdup (input->date) : NULL;
  entry->note = has_note ? g_strdup (input->note) : NULL;
  g_ptr_array_add (_xa_hazard_get_history (self), entry);

  ok = xa_hazard_validate (self, NULL, error);
  if (!ok)
    _xa_hazard_undo (self, &undo);
  _xa_hazard_undo_clear (&undo);
  return ok;
}

/**
 * xa_hazard_check_step:
 *
 * Returns: %TRUE when xa_hazard_apply_step() would take @step with @input; else the
 *   error it would give
 */
gboolean
xa_hazard_check_step (XaHazard                *self,
                      XaHazardStep             step,
                      const XaHazardStepInput *input,
                      GError                 **error)
{
  g_autoptr(XaHazard) copy = NULL;

  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);

  /* On a copy: a check leaves the hazard and those who watch it alone. */
  copy = xa_hazard_copy (self);
  return step_in_place (copy, step, input, error);
}

/**
 * xa_hazard_apply_step:
 * @input: who, when and what; see #XaHazardStepInput
 *
 * Takes @step: moves the state, fills the columns the step fills, and adds an entry to
 * the history. The refusals: %XA_HAZARD_ERROR_BAD_STEP (not from this state),
 * %XA_HAZARD_ERROR_MAJOR (a 重大 hazard lacks temporary measures, the report to the
 * commission or 挂牌督办 to start), %XA_HAZARD_ERROR_SAME_PERSON (the re-inspector is the
 * responsible person), %XA_HAZARD_ERROR_NOT_PASSED (closing without a passed
 * re-inspection), %XA_HAZARD_ERROR_INVALID (what was given, or the hazard after the step,
 * breaks a rule of its columns; the message names the column).
 *
 * Returns: %TRUE when the step was taken; else the hazard is unchanged
 */
gboolean
xa_hazard_apply_step (XaHazard                *self,
                      XaHazardStep             step,
                      const XaHazardStepInput *input,
                      GError                 **error)
{
  g_autoptr(XaHazard) next = NULL;

  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);

  /* A hazard nobody watches (one being made, the demo's million) takes the step itself;
   * a watched one takes it whole or not at all, through a copy. */
  if (!g_signal_has_handler_pending (self, g_signal_lookup ("notify", G_TYPE_OBJECT), 0, TRUE))
    return step_in_place (self, step, input, error);

  next = xa_hazard_copy (self);
  if (!step_in_place (next, step, input, error))
    return FALSE;

  _xa_hazard_assign (self, next);
  return TRUE;
}

/**
 * xa_hazard_check_closed:
 *
 * What is printed or kept of a closed hazard only (its 销号单) asks this first.
 *
 * Returns: %TRUE when the hazard is 已销号, else %FALSE with %XA_HAZARD_ERROR_NOT_PASSED
 *   and a message naming it
 */
gboolean
xa_hazard_check_closed (XaHazard  *self,
                        GError   **error)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);

  if (xa_hazard_get_state (self) == XA_HAZARD_STATE_CLOSED)
    return TRUE;

  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NOT_PASSED,
               _("Hazard %s is not closed: a closing form is printed once it is"),
               xa_hazard_get_number (self));
  return FALSE;
}

/**
 * xa_hazard_is_overdue:
 * @on: the day to judge on, today for the interface
 *
 * 逾期 (domain.md §3.2 row 24): @on is after the deadline and the hazard is not closed.
 * Computed, never stored, so that it is right on every day without a job to update it.
 * The deadline's own day is not overdue.
 *
 * Returns: %TRUE when the hazard is overdue on @on
 */
gboolean
xa_hazard_is_overdue (XaHazard    *self,
                      const GDate *on)
{
  GDate deadline;

  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);
  g_return_val_if_fail (on != NULL && g_date_valid (on), FALSE);

  if (xa_hazard_get_state (self) == XA_HAZARD_STATE_CLOSED ||
      !xa_date_parse (xa_hazard_get_text (self, XA_HAZARD_FIELD_DEADLINE), &deadline))
    return FALSE;

  return g_date_compare (on, &deadline) > 0;
}

void
xa_hazard_settings_init (XaHazardSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->deadline_days[XA_HAZARD_GRADE_GENERAL] = XA_HAZARD_DEFAULT_DAYS_GENERAL;
  settings->deadline_days[XA_HAZARD_GRADE_MAJOR] = XA_HAZARD_DEFAULT_DAYS_MAJOR;
}

/**
 * xa_hazard_settings_set_days:
 * @days: how many days after the hazard is found its fix is due; 0 for the same day
 *
 * Returns: %TRUE when @days was taken; at most %XA_HAZARD_MAX_DEADLINE_DAYS
 */
gboolean
xa_hazard_settings_set_days (XaHazardSettings  *settings,
                             XaHazardGrade      grade,
                             guint              days,
                             GError           **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (grade < XA_N_HAZARD_GRADES, FALSE);

  if (days > XA_HAZARD_MAX_DEADLINE_DAYS)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: a grade such as 一般, then a number of days */
                   _("The default deadline of a “%s” hazard must be at most %u days after it is found"),
                   xa_hazard_grade_to_label (grade), XA_HAZARD_MAX_DEADLINE_DAYS);
      return FALSE;
    }

  settings->deadline_days[grade] = days;
  return TRUE;
}

/**
 * xa_hazard_settings_dup_deadline:
 * @found_on: the day the hazard was found, YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the default deadline for a hazard of @grade found
 *   on @found_on, YYYY-MM-DD; %NULL when @found_on is not a date
 */
char *
xa_hazard_settings_dup_deadline (const XaHazardSettings *settings,
                                 XaHazardGrade           grade,
                                 const char             *found_on)
{
  GDate date;
  char text[16];

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (grade < XA_N_HAZARD_GRADES, NULL);

  if (!xa_date_parse (found_on, &date))
    return NULL;

  g_date_add_days (&date, settings->deadline_days[grade]);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              (guint) g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}
