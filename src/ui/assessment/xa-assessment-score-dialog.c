/* xa-assessment-score-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One indicator's score, in one of three modes. The school enters its self-score and
 * notes. The commission enters its score beside the deduction the records suggest: with
 * 采纳建议 on, the score is the indicator's points less the suggestion; off, any score
 * with the reason it overrides the suggestion (the book refuses it without one). A
 * finalised assessment is corrected only as a revision, with its reason. What the book
 * refuses is shown in the dialog, which stays open with what was typed; a save that
 * succeeds emits "saved" and closes it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-score-dialog.h"
#include "xa-assessment-indicator-view.h"

struct _XaAssessmentScoreDialog
{
  AdwWindow             parent_instance;

  /* Owned references */
  XaAssessmentBook     *book;
  XaAssessment         *assessment;
  char                 *code;

  /* Template widgets */
  GtkSwitch            *accept_switch;
  GtkWidget            *accept_row;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *indicator_group;
  AdwEntryRow          *notes_row;
  AdwEntryRow          *reason_row;
  AdwEntryRow          *revision_row;
  GtkAdjustment        *score_adjustment;
  AdwPreferencesGroup  *score_group;
  GtkSpinButton        *score_spin;
  GtkWidget            *suggestion_group;
  AdwActionRow         *suggestion_row;

  /* State */
  XaScoreDialogMode     mode;
  double                points;
  double                suggestion;  /* negative: none */
};

G_DEFINE_FINAL_TYPE (XaAssessmentScoreDialog, xa_assessment_score_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_reason (XaAssessmentScoreDialog *self)
{
  gboolean accepted = gtk_switch_get_active (self->accept_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->score_spin), !accepted);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          self->mode != XA_SCORE_DIALOG_SELF && self->suggestion >= 0 && !accepted);
}

static void
accept_changed_cb (XaAssessmentScoreDialog *self)
{
  if (gtk_switch_get_active (self->accept_switch))
    gtk_spin_button_set_value (self->score_spin, MAX (0, self->points - self->suggestion));
  update_reason (self);
}

static void
score_changed_cb (XaAssessmentScoreDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (XaAssessmentScoreDialog *self,
            const char              *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_clicked_cb (XaAssessmentScoreDialog *self)
{
  if (xa_assessment_score_dialog_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
xa_assessment_score_dialog_dispose (GObject *object)
{
  XaAssessmentScoreDialog *self = XA_ASSESSMENT_SCORE_DIALOG (object);

  g_clear_object (&self->book);
  g_clear_object (&self->assessment);
  G_OBJECT_CLASS (xa_assessment_score_dialog_parent_class)->dispose (object);
}

static void
xa_assessment_score_dialog_finalize (GObject *object)
{
  XaAssessmentScoreDialog *self = XA_ASSESSMENT_SCORE_DIALOG (object);

  g_free (self->code);
  G_OBJECT_CLASS (xa_assessment_score_dialog_parent_class)->finalize (object);
}

static void
xa_assessment_score_dialog_class_init (XaAssessmentScoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_assessment_score_dialog_dispose;
  object_class->finalize = xa_assessment_score_dialog_finalize;

  /* The score was stored: the page reads the assessment again. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-assessment-score-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, accept_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, accept_switch);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, indicator_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, revision_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, score_adjustment);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, score_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, score_spin);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, suggestion_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentScoreDialog, suggestion_row);
  gtk_widget_class_bind_template_callback (widget_class, accept_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, score_changed_cb);
}

static void
xa_assessment_score_dialog_init (XaAssessmentScoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_assessment_score_dialog_new:
 * @suggestion: the deduction the records suggest, negative when none
 * @arithmetic: (nullable): how it was counted
 */
GtkWidget *
xa_assessment_score_dialog_new (XaAssessmentBook  *book,
                                XaAssessment      *assessment,
                                const char        *code,
                                XaScoreDialogMode  mode,
                                double             suggestion,
                                const char        *arithmetic)
{
  XaAssessmentScoreDialog *self;
  XaIndicator *indicator;
  const XaIndicatorScore *score;
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  double current;

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_ASSESSMENT (assessment), NULL);

  indicator = xa_scheme_find_indicator (xa_assessment_get_scheme (assessment), code);
  g_return_val_if_fail (indicator != NULL, NULL);
  score = xa_assessment_get_score (assessment, code);

  self = g_object_new (XA_TYPE_ASSESSMENT_SCORE_DIALOG, NULL);
  self->book = g_object_ref (book);
  self->assessment = g_object_ref (assessment);
  self->code = g_strdup (code);
  self->mode = mode;
  self->points = xa_indicator_get_points (indicator);
  self->suggestion = mode == XA_SCORE_DIALOG_SELF ? -1 : suggestion;

  switch (mode)
    {
    case XA_SCORE_DIALOG_SELF:
      /* Translators: the title of the dialog of an indicator's self-score: “自评 C3” */
      title = g_strdup_printf (_("Self-Assess %s"), code);
      break;
    case XA_SCORE_DIALOG_COMMISSION:
      /* Translators: the title of the dialog of an indicator's score: “评分 C3” */
      title = g_strdup_printf (_("Score %s"), code);
      break;
    case XA_SCORE_DIALOG_REVISION:
    default:
      /* Translators: the title of the dialog that corrects a finalised score: “更正 C3” */
      title = g_strdup_printf (_("Correct %s"), code);
      break;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* A group's title is one line: the content goes in its description, whole. */
  points = xa_points_format (self->points);
  {
    g_autofree char *group_title = NULL;
    g_autofree char *description = NULL;

    /* Translators: the indicator scored, and its points: “C3（6 分）” */
    group_title = g_strdup_printf (_("%1$s (%2$s points)"), code, points);
    /* Translators: an indicator's content above its deduction standard */
    description = g_strdup_printf (_("%1$s\nStandard: %2$s"), xa_indicator_get_content (indicator),
                                   xa_indicator_get_standard (indicator) ? xa_indicator_get_standard (indicator) : "—");
    adw_preferences_group_set_title (self->indicator_group, group_title);
    adw_preferences_group_set_description (self->indicator_group, description);
  }

  gtk_adjustment_set_upper (self->score_adjustment, self->points);
  current = mode == XA_SCORE_DIALOG_SELF ? score->self_score : score->score;
  /* Nothing entered yet: the full points, less the suggestion when there is one. */
  if (current < 0)
    current = self->suggestion >= 0 ? MAX (0, self->points - self->suggestion) : self->points;
  gtk_spin_button_set_value (self->score_spin, current);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         (mode == XA_SCORE_DIALOG_SELF ? score->self_notes : score->notes) ?: "");

  gtk_widget_set_visible (self->suggestion_group, self->suggestion >= 0);
  if (self->suggestion >= 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), arithmetic ? arithmetic : "");
      /* A score not entered yet starts from the suggestion; one entered keeps its choice. */
      gtk_switch_set_active (self->accept_switch, score->score < 0 || score->accepted);
      if (score->override_reason != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->reason_row), score->override_reason);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->revision_row), mode == XA_SCORE_DIALOG_REVISION);
  update_reason (self);
  return GTK_WIDGET (self);
}

GtkSpinButton *
xa_assessment_score_dialog_get_score_spin (XaAssessmentScoreDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SCORE_DIALOG (self), NULL);
  return self->score_spin;
}

GtkSwitch *
xa_assessment_score_dialog_get_accept_switch (XaAssessmentScoreDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SCORE_DIALOG (self), NULL);
  return self->accept_switch;
}

GtkEditable *
xa_assessment_score_dialog_get_notes (XaAssessmentScoreDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SCORE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->notes_row);
}

/* The reason of an override, or of a revision (finalised). */
GtkEditable *
xa_assessment_score_dialog_get_reason (XaAssessmentScoreDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SCORE_DIALOG (self), NULL);
  return GTK_EDITABLE (self->mode == XA_SCORE_DIALOG_REVISION ? self->revision_row : self->reason_row);
}

const char *
xa_assessment_score_dialog_get_error (XaAssessmentScoreDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_SCORE_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}

/**
 * xa_assessment_score_dialog_save:
 *
 * Stores the score (one transaction in the book). On a refusal the dialog shows why
 * and keeps what was typed.
 *
 * Returns: whether it was stored
 */
gboolean
xa_assessment_score_dialog_save (XaAssessmentScoreDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *school = NULL;
  const char *notes = NULL;
  double score;
  int year;
  gboolean ok;

  g_return_val_if_fail (XA_IS_ASSESSMENT_SCORE_DIALOG (self), FALSE);

  gtk_spin_button_update (self->score_spin);
  school = xa_assessment_get_school_uuid (self->assessment);
  year = xa_assessment_get_school_year (self->assessment);
  score = gtk_spin_button_get_value (self->score_spin);
  notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));

  switch (self->mode)
    {
    case XA_SCORE_DIALOG_SELF:
      ok = xa_assessment_book_set_self (self->book, school, year, self->code, score, notes, &error);
      break;
    case XA_SCORE_DIALOG_COMMISSION:
      {
        XaScoreEntry entry = {
          .code = self->code,
          .score = score,
          .notes = notes,
          .suggestion = self->suggestion,
          .accepted = self->suggestion >= 0 && gtk_switch_get_active (self->accept_switch),
          .override_reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
        };

        ok = xa_assessment_book_set_score (self->book, school, year, &entry, &error);
      }
      break;
    case XA_SCORE_DIALOG_REVISION:
    default:
      ok = xa_assessment_book_revise (self->book, school, year, self->code, score, notes,
                                      gtk_editable_get_text (GTK_EDITABLE (self->revision_row)), &error);
      break;
    }

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}
