/* xa-assessment-correct-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two decisions the commission takes with a reason, each kept as a revision: withdrawing
 * a veto (before finalising or after; the grade returns to what the score gives), and
 * correcting the number of H events (八杜绝 events that are not vetoes) of a finalised
 * assessment. The decider and the day are the operator's and today, set by the book.
 * What the book refuses is shown in the dialog, which keeps what was typed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-correct-dialog.h"

struct _XaAssessmentCorrectDialog
{
  AdwWindow             parent_instance;

  /* Owned references */
  XaAssessmentBook     *book;
  XaAssessment         *assessment;
  char                 *ground;     /* NULL: the H events */

  /* Template widgets */
  AdwPreferencesGroup  *decision_group;
  GtkLabel             *error_label;
  GtkWidget            *events_row;
  GtkSpinButton        *events_spin;
  AdwEntryRow          *notes_row;
  AdwEntryRow          *reason_row;
  GtkButton            *save_button;
};

G_DEFINE_FINAL_TYPE (XaAssessmentCorrectDialog, xa_assessment_correct_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_clicked_cb (XaAssessmentCorrectDialog *self)
{
  if (xa_assessment_correct_dialog_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
xa_assessment_correct_dialog_dispose (GObject *object)
{
  XaAssessmentCorrectDialog *self = XA_ASSESSMENT_CORRECT_DIALOG (object);

  g_clear_object (&self->book);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->ground, g_free);
  G_OBJECT_CLASS (xa_assessment_correct_dialog_parent_class)->dispose (object);
}

static void
xa_assessment_correct_dialog_class_init (XaAssessmentCorrectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_assessment_correct_dialog_dispose;

  /* The decision was stored: the page reads the assessment again. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-assessment-correct-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, decision_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, events_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, events_spin);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentCorrectDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
xa_assessment_correct_dialog_init (XaAssessmentCorrectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_assessment_correct_dialog_new:
 * @ground: (nullable): the veto to withdraw, or %NULL for the H events
 */
GtkWidget *
xa_assessment_correct_dialog_new (XaAssessmentBook *book,
                                  XaAssessment     *assessment,
                                  const char       *ground)
{
  XaAssessmentCorrectDialog *self;
  XaScheme *scheme;
  g_autofree char *description = NULL;

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (XA_TYPE_ASSESSMENT_CORRECT_DIALOG, NULL);
  self->book = g_object_ref (book);
  self->assessment = g_object_ref (assessment);
  self->ground = g_strdup (ground);
  scheme = xa_assessment_get_scheme (assessment);

  if (ground != NULL)
    {
      const XaSchemeVeto *item = xa_scheme_find_veto (scheme, ground);
      const XaVetoDecision *veto = NULL;
      g_autofree char *title = NULL;

      for (guint i = 0; i < xa_assessment_get_n_vetoes (assessment); i++)
        if (g_strcmp0 (xa_assessment_get_veto (assessment, i)->ground, ground) == 0)
          veto = xa_assessment_get_veto (assessment, i);
      gtk_window_set_title (GTK_WINDOW (self), _("Withdraw the Veto"));
      gtk_button_set_label (self->save_button, _("Withdraw _Veto"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
      /* Translators: the veto withdrawn: its ground's code and text */
      title = g_strdup_printf (_("%1$s %2$s"), ground, item != NULL ? item->text : "");
      /* Translators: the decision withdrawn: its reason, who decided and on what day; then what withdrawing does */
      description = g_strdup_printf (_("%1$s\nDecided by %2$s on %3$s.\nWithdrawn, the grade returns to what the score gives; the withdrawal is kept with its reason, who and when."),
                                     veto != NULL && veto->reason ? veto->reason : "",
                                     veto != NULL && veto->decided_by ? veto->decided_by : "",
                                     veto != NULL && veto->decided_on ? veto->decided_on : "");
      adw_preferences_group_set_title (self->decision_group, title);
      gtk_widget_set_visible (self->events_row, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_row), FALSE);
    }
  else
    {
      g_autofree char *points = xa_points_format (xa_scheme_get_h_points (scheme));

      gtk_window_set_title (GTK_WINDOW (self), _("Correct the H Events"));
      adw_preferences_group_set_title (self->decision_group, _("Other Serious Events (H)"));
      /* Translators: what correcting the H events does: the points each deducts */
      description = g_strdup_printf (_("Each event deducts %s points from the total. The assessment is finalised: the correction is kept as a revision with its reason."),
                                     points);
      gtk_spin_button_set_value (self->events_spin, xa_assessment_get_n_h_events (assessment));
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row), xa_assessment_get_h_notes (assessment) ?: "");
    }
  adw_preferences_group_set_description (self->decision_group, description);
  return GTK_WIDGET (self);
}

GtkSpinButton *
xa_assessment_correct_dialog_get_events (XaAssessmentCorrectDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_CORRECT_DIALOG (self), NULL);
  return self->events_spin;
}

GtkEditable *
xa_assessment_correct_dialog_get_notes (XaAssessmentCorrectDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_CORRECT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->notes_row);
}

GtkEditable *
xa_assessment_correct_dialog_get_reason (XaAssessmentCorrectDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_CORRECT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->reason_row);
}

const char *
xa_assessment_correct_dialog_get_error (XaAssessmentCorrectDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_CORRECT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}

/**
 * xa_assessment_correct_dialog_save:
 *
 * Returns: whether the decision was stored; else the dialog shows why
 */
gboolean
xa_assessment_correct_dialog_save (XaAssessmentCorrectDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *school;
  const char *reason;
  int year;
  gboolean ok;

  g_return_val_if_fail (XA_IS_ASSESSMENT_CORRECT_DIALOG (self), FALSE);

  school = xa_assessment_get_school_uuid (self->assessment);
  year = xa_assessment_get_school_year (self->assessment);
  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  gtk_spin_button_update (self->events_spin);
  if (self->ground != NULL)
    ok = xa_assessment_book_remove_veto (self->book, school, year, self->ground, reason, &error);
  else
    ok = xa_assessment_book_revise (self->book, school, year, "H", gtk_spin_button_get_value_as_int (self->events_spin),
                                    gtk_editable_get_text (GTK_EDITABLE (self->notes_row)), reason, &error);
  if (!ok)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}
