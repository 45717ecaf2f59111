/* xa-hazard-step-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The question each step of a hazard's rectification asks (开始整改, 报告整改完成,
 * 复查合格, 复查不合格, 销号): exactly what XaHazardStepInput takes — who takes the step,
 * the day it gives, a note — under the names the step gives them (复查（验收）人,
 * 整改完成日期, 仍存在的问题). What it is given is checked as it is typed by the core
 * (xa_hazard_check_step()), whose refusal shows under the fields in its own words while
 * the step's button waits; the book then takes the step and saves it in one transaction.
 * A message dialog closes on any answer, so a refusal that only the store can find (the
 * hazard changed elsewhere) is said in a dialog of its own.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-step-dialog.h"
#include "xa-hazard-text-row.h"
#include "xa-hazard-ui.h"
#include "xa-accessible.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"

struct _XaHazardStepDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned references */
  XaHazardBook     *book;
  XaHazard         *hazard;
  GtkWidget        *parent;
  char             *problem;
  /* What is typed, kept as it is typed: the dialog is closed, its widgets gone, before
   * its answer arrives. */
  char             *who;
  char             *date;
  char             *note;

  /* Template widgets */
  GtkWidget        *date_row;
  GtkWidget        *note_row;
  GtkLabel         *problem_label;
  GtkWidget        *who_row;

  /* State */
  XaHazardStep      step;
};

G_DEFINE_FINAL_TYPE (XaHazardStepDialog, xa_hazard_step_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SIGNAL_STEPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the step's question says about the step, under its heading. */
static char *
dup_body (XaHazardStepDialog *self)
{
  const char *number = xa_hazard_get_number (self->hazard);
  const char *place = xa_hazard_get_text (self->hazard, XA_HAZARD_FIELD_PLACE);
  const char *what;

  switch (self->step)
    {
    case XA_HAZARD_STEP_START:
      what = _("The hazard is being rectified from now on.");
      break;
    case XA_HAZARD_STEP_COMPLETE:
      what = _("The rectification is done and waits for its re-inspection.");
      break;
    case XA_HAZARD_STEP_PASS:
      what = _("The re-inspection finds the hazard removed; it can then be closed.");
      break;
    case XA_HAZARD_STEP_FAIL:
      what = _("The re-inspection finds the hazard still there: it goes back to rectification, and this re-inspection stays in its history.");
      break;
    case XA_HAZARD_STEP_CLOSE:
      what = _("The hazard is closed in the ledger and can no longer be changed.");
      break;
    case XA_N_HAZARD_STEPS:
    default:
      g_assert_not_reached ();
    }

  /* Translators: the hazard a step is taken on, then what the step does:
   * “2021-2022-…-0001 · 教学楼三楼配电箱\n隐患自此进入整改。” */
  return g_strdup_printf (_("%s · %s\n%s"), number, place, what);
}

static char *
dup_text (GtkWidget *widget)
{
  if (XA_IS_HAZARD_TEXT_ROW (widget))
    return xa_hazard_text_row_dup_text (XA_HAZARD_TEXT_ROW (widget));

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
}

/* The dates as typed (2021-9-1 as 2021-09-01); what is not a date is left for the
 * core to name. */
static char *
dup_date (XaHazardStepDialog *self)
{
  g_autofree char *text = dup_text (self->date_row);
  char *date = xa_date_normalise (text);

  return date != NULL ? date : g_steal_pointer (&text);
}

static XaHazardStepInput
get_input (XaHazardStepDialog *self)
{
  return (XaHazardStepInput) {
    self->who,
    self->date[0] != '\0' ? self->date : NULL,
    NULL,
    self->note[0] != '\0' ? self->note : NULL,
  };
}

static void
input_changed_cb (XaHazardStepDialog *self)
{
  XaHazardStepInput input;
  g_autoptr(GError) error = NULL;
  gboolean possible;

  if (self->who_row == NULL || self->hazard == NULL)
    return;

  g_free (self->who);
  self->who = dup_text (self->who_row);
  g_free (self->date);
  self->date = dup_date (self);
  g_free (self->note);
  self->note = dup_text (self->note_row);
  input = get_input (self);

  possible = xa_hazard_check_step (self->hazard, self->step, &input, &error);
  g_clear_pointer (&self->problem, g_free);
  if (!possible)
    self->problem = g_strdup (error->message);

  gtk_label_set_label (self->problem_label, self->problem ? self->problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), !possible);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", possible);
}

static void
xa_hazard_step_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  XaHazardStepDialog *self = XA_HAZARD_STEP_DIALOG (dialog);
  XaHazardStepInput input = get_input (self);
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "confirm") || self->problem != NULL)
    return;

  /* The book steps a copy and makes it what it saved. */
  hazard = xa_hazard_copy (self->hazard);
  if (!xa_hazard_book_step (self->book, hazard, self->step, &input, &error))
    {
      /* Translators: heading of the message when a step of a hazard was refused */
      xa_widget_show_error (self->parent, _("The Step Was Not Taken"), error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_STEPPED], 0, hazard);
}

static void
xa_hazard_step_dialog_dispose (GObject *object)
{
  XaHazardStepDialog *self = XA_HAZARD_STEP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_HAZARD_STEP_DIALOG);

  G_OBJECT_CLASS (xa_hazard_step_dialog_parent_class)->dispose (object);
}

/* The references go last: the answer comes after the dialog closed, and was disposed. */
static void
xa_hazard_step_dialog_finalize (GObject *object)
{
  XaHazardStepDialog *self = XA_HAZARD_STEP_DIALOG (object);

  g_clear_object (&self->book);
  g_clear_object (&self->hazard);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (xa_hazard_step_dialog_parent_class)->finalize (object);
}

static void
xa_hazard_step_dialog_class_init (XaHazardStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = xa_hazard_step_dialog_dispose;
  object_class->finalize = xa_hazard_step_dialog_finalize;
  dialog_class->response = xa_hazard_step_dialog_response;

  /**
   * XaHazardStepDialog::stepped:
   * @hazard: the hazard as the book saved it after the step
   */
  signals[SIGNAL_STEPPED] =
    g_signal_new ("stepped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, XA_TYPE_HAZARD);

  g_type_ensure (XA_TYPE_HAZARD_TEXT_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-hazard-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaHazardStepDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardStepDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, XaHazardStepDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, XaHazardStepDialog, who_row);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
}

static void
xa_hazard_step_dialog_init (XaHazardStepDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->who = g_strdup ("");
  self->date = g_strdup ("");
  self->note = g_strdup ("");
}

/* Who is asked first: the responsible person starts and finishes the fix, the
 * re-inspector named in advance (六定: 定复查人) re-inspects, the operator closes. */
static const char *
default_who (XaHazard     *hazard,
             XaHazardStep  step,
             const char   *operator_name)
{
  const char *responsible = xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE);

  switch (step)
    {
    case XA_HAZARD_STEP_START:
    case XA_HAZARD_STEP_COMPLETE:
      return responsible;
    case XA_HAZARD_STEP_PASS:
    case XA_HAZARD_STEP_FAIL:
      if (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTOR)[0] != '\0')
        return xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REINSPECTOR);
      return g_strcmp0 (operator_name, responsible) != 0 ? operator_name : NULL;
    case XA_HAZARD_STEP_CLOSE:
    case XA_N_HAZARD_STEPS:
    default:
      return operator_name;
    }
}

/**
 * xa_hazard_step_dialog_new:
 * @parent: the widget the dialog is over, whose window it belongs to
 * @hazard: the hazard as stored; the dialog keeps a reference and steps a copy
 * @operator_name: (nullable): who uses the app, offered where the step suggests it
 *
 * Returns: (transfer none): the dialog, to present; ::stepped follows a step taken
 */
XaHazardStepDialog *
xa_hazard_step_dialog_new (GtkWidget    *parent,
                           XaHazardBook *book,
                           XaHazard     *hazard,
                           XaHazardStep  step,
                           const char   *operator_name)
{
  XaHazardStepDialog *self;
  GtkRoot *root;
  g_autofree char *body = NULL;
  g_autofree char *today = xa_date_today_iso ();
  const char *who;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), NULL);
  g_return_val_if_fail (step < XA_N_HAZARD_STEPS, NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (XA_TYPE_HAZARD_STEP_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "heading", xa_hazard_step_to_label (step),
                       NULL);
  self->book = g_object_ref (book);
  self->hazard = g_object_ref (hazard);
  self->parent = g_object_ref (parent);
  self->step = step;

  body = dup_body (self);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "confirm", xa_hazard_step_to_label (step),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "confirm",
                                              step == XA_HAZARD_STEP_FAIL ? ADW_RESPONSE_DESTRUCTIVE
                                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "confirm");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->who_row), xa_hazard_step_who_label (step));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), xa_hazard_step_date_label (step));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), xa_hazard_step_note_label (step));

  who = default_who (hazard, step, operator_name);
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), who ? who : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  input_changed_cb (self);

  /* The first thing to type: a failed re-inspection's reason, else who took the step. */
  gtk_widget_grab_focus (step == XA_HAZARD_STEP_FAIL ? self->note_row : self->who_row);
  xa_window_unselect_on_map (GTK_WINDOW (self));
  xa_accessible_prepare (GTK_WIDGET (self));

  return self;
}

XaHazardStep
xa_hazard_step_dialog_get_step (XaHazardStepDialog *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_STEP_DIALOG (self), XA_N_HAZARD_STEPS);

  return self->step;
}

/**
 * xa_hazard_step_dialog_get_who:
 *
 * Returns: (transfer none): where who takes the step is typed
 */
GtkEditable *
xa_hazard_step_dialog_get_who (XaHazardStepDialog *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_STEP_DIALOG (self), NULL);

  return GTK_EDITABLE (self->who_row);
}

/**
 * xa_hazard_step_dialog_get_date:
 *
 * Returns: (transfer none): where the step's day is typed
 */
GtkEditable *
xa_hazard_step_dialog_get_date (XaHazardStepDialog *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_STEP_DIALOG (self), NULL);

  return GTK_EDITABLE (self->date_row);
}

/**
 * xa_hazard_step_dialog_get_note:
 *
 * Returns: (transfer none): the #XaHazardTextRow of the note
 */
GtkWidget *
xa_hazard_step_dialog_get_note (XaHazardStepDialog *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_STEP_DIALOG (self), NULL);

  return self->note_row;
}

/**
 * xa_hazard_step_dialog_get_problem:
 *
 * Returns: (nullable): why the step cannot be taken with what is typed, in the core's
 *   words, or %NULL when it can
 */
const char *
xa_hazard_step_dialog_get_problem (XaHazardStepDialog *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_STEP_DIALOG (self), NULL);

  return self->problem;
}
