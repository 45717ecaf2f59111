/* xa-assessment-veto-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records a 一票否决 decision on a school's year (issue 14): the ground among the scheme's
 * veto items V1–V4, the reason, the day decided, and the records it rests on. When the
 * incidents' veto test found a veto for the school, the dialog shows it and starts from
 * it (its ground, its text as the reason, its incident or dispute as the evidence); the
 * commission decides. The decider is the operator, set by the book. What the book
 * refuses is shown in the dialog, which keeps what was typed.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-assessment-veto-dialog.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"

struct _XaAssessmentVetoDialog
{
  AdwWindow             parent_instance;

  /* Owned references */
  XaAssessmentBook     *book;
  XaAssessment         *assessment;
  GPtrArray            *codes;      /* of char *: the veto codes, in the combo's order */
  GStrv                 evidence;   /* what the veto test's reasons rest on */

  /* Template widgets */
  AdwEntryRow          *date_row;
  GtkLabel             *error_label;
  AdwActionRow         *evidence_row;
  AdwComboRow          *ground_row;
  AdwEntryRow          *reason_row;
  GtkWidget            *verdict_group;
  GtkLabel             *verdict_label;
};

G_DEFINE_FINAL_TYPE (XaAssessmentVetoDialog, xa_assessment_veto_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_clicked_cb (XaAssessmentVetoDialog *self)
{
  if (xa_assessment_veto_dialog_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
xa_assessment_veto_dialog_dispose (GObject *object)
{
  XaAssessmentVetoDialog *self = XA_ASSESSMENT_VETO_DIALOG (object);

  g_clear_object (&self->book);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->evidence, g_strfreev);
  G_OBJECT_CLASS (xa_assessment_veto_dialog_parent_class)->dispose (object);
}

static void
xa_assessment_veto_dialog_class_init (XaAssessmentVetoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_assessment_veto_dialog_dispose;

  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-assessment-veto-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, ground_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, verdict_group);
  gtk_widget_class_bind_template_child (widget_class, XaAssessmentVetoDialog, verdict_label);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
xa_assessment_veto_dialog_init (XaAssessmentVetoDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->codes = g_ptr_array_new_with_free_func (g_free);
}

/* The veto test's reasons that veto (or may: pending), one a line. */
static void
show_verdict (XaAssessmentVetoDialog *self,
              XaVetoVerdict          *verdict)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GStrvBuilder) evidence = g_strv_builder_new ();
  int first_ground = -1;

  for (guint i = 0; i < xa_veto_verdict_get_n_reasons (verdict); i++)
    {
      XaVetoState state = xa_veto_verdict_get_reason_state (verdict, i);
      const char *source = xa_veto_verdict_get_reason_source (verdict, i);

      if (state == XA_VETO_STATE_CLEAR)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one reason of the veto test: its state (否决, 待定), then its text */
      g_string_append_printf (text, _("%1$s: %2$s"), xa_veto_state_to_label (state),
                              xa_veto_verdict_get_reason_text (verdict, i));
      if (state == XA_VETO_STATE_VETOED && first_ground < 0)
        {
          first_ground = xa_veto_verdict_get_reason_ground (verdict, i);
          gtk_editable_set_text (GTK_EDITABLE (self->reason_row), xa_veto_verdict_get_reason_text (verdict, i));
        }
      if (state == XA_VETO_STATE_VETOED && source != NULL)
        g_strv_builder_add (evidence, source);
    }
  if (text->len == 0)
    return;

  gtk_label_set_label (self->verdict_label, text->str);
  gtk_widget_set_visible (self->verdict_group, TRUE);
  self->evidence = g_strv_builder_end (evidence);
  if (self->evidence[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", self->evidence);

      adw_action_row_set_subtitle (self->evidence_row, list);
      gtk_widget_set_visible (GTK_WIDGET (self->evidence_row), TRUE);
    }
  if (first_ground > XA_VETO_GROUND_NONE)
    {
      const char *key = xa_veto_ground_to_key (first_ground);

      for (guint i = 0; i < self->codes->len; i++)
        if (g_ascii_strcasecmp (self->codes->pdata[i], key) == 0)
          adw_combo_row_set_selected (self->ground_row, i);
    }
}

/**
 * xa_assessment_veto_dialog_new:
 * @verdict: (nullable): what the incidents' veto test found for the school's year
 */
GtkWidget *
xa_assessment_veto_dialog_new (XaAssessmentBook *book,
                               XaAssessment     *assessment,
                               XaVetoVerdict    *verdict)
{
  XaAssessmentVetoDialog *self;
  XaScheme *scheme;
  g_autoptr(GtkStringList) grounds = gtk_string_list_new (NULL);
  g_autofree char *today = xa_date_today_iso ();

  g_return_val_if_fail (XA_IS_ASSESSMENT_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (XA_TYPE_ASSESSMENT_VETO_DIALOG, NULL);
  self->book = g_object_ref (book);
  self->assessment = g_object_ref (assessment);
  scheme = xa_assessment_get_scheme (assessment);
  for (guint i = 0; i < xa_scheme_get_n_vetoes (scheme); i++)
    {
      const XaSchemeVeto *veto = xa_scheme_get_veto (scheme, i);
      g_autofree char *label = NULL;

      /* Translators: a veto item in the list of grounds: its code, then its text */
      label = g_strdup_printf (_("%1$s %2$s"), veto->code, veto->text);
      gtk_string_list_append (grounds, label);
      g_ptr_array_add (self->codes, g_strdup (veto->code));
    }
  adw_combo_row_set_model (self->ground_row, G_LIST_MODEL (grounds));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  if (verdict != NULL)
    show_verdict (self, verdict);
  return GTK_WIDGET (self);
}

AdwComboRow *
xa_assessment_veto_dialog_get_ground (XaAssessmentVetoDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_VETO_DIALOG (self), NULL);
  return self->ground_row;
}

GtkEditable *
xa_assessment_veto_dialog_get_reason (XaAssessmentVetoDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_VETO_DIALOG (self), NULL);
  return GTK_EDITABLE (self->reason_row);
}

GtkEditable *
xa_assessment_veto_dialog_get_date (XaAssessmentVetoDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_VETO_DIALOG (self), NULL);
  return GTK_EDITABLE (self->date_row);
}

const char *
xa_assessment_veto_dialog_get_error (XaAssessmentVetoDialog *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT_VETO_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}

/**
 * xa_assessment_veto_dialog_save:
 *
 * Returns: whether the decision was stored; else the dialog shows why
 */
gboolean
xa_assessment_veto_dialog_save (XaAssessmentVetoDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  guint selected;

  g_return_val_if_fail (XA_IS_ASSESSMENT_VETO_DIALOG (self), FALSE);

  selected = adw_combo_row_get_selected (self->ground_row);
  date = xa_date_row_dup_date (self->date_row);
  if (selected >= self->codes->len)
    g_set_error_literal (&error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID,
                         _("Choose the ground of the veto."));
  else if (date == NULL)
    g_set_error_literal (&error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID,
                         _("The day decided is not a date: write it as 2022-07-01."));
  else
    xa_assessment_book_record_veto (self->book, xa_assessment_get_school_uuid (self->assessment),
                                    xa_assessment_get_school_year (self->assessment),
                                    self->codes->pdata[selected],
                                    gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                    (const char * const *) self->evidence, date, &error);
  if (error != NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}
