/* xa-term-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One role term, to correct or to end: its first day and note can be corrected and
 * saved, a running term can be ended on a day without a successor (结束任期), and a
 * term entered by mistake removed. The responses stay disabled while their day is not
 * a day. Only a running term can be ended, so the responses are made here.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-term-dialog.h"
#include "xa-ui-utils.h"
#include "core/util/xa-date.h"

struct _XaTermDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned references */
  XaRole           *term;

  /* Template widgets */
  AdwEntryRow      *note_row;
  AdwEntryRow      *since_row;
  AdwEntryRow      *until_row;
};

G_DEFINE_FINAL_TYPE (XaTermDialog, xa_term_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
changed_cb (XaTermDialog *self)
{
  g_autofree char *since = xa_date_row_dup_date (self->since_row);
  g_autofree char *until = NULL;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  /* The rows are filled in before the responses are all there. */
  if (adw_message_dialog_has_response (dialog, "save"))
    adw_message_dialog_set_response_enabled (dialog, "save", since != NULL);
  if (adw_message_dialog_has_response (dialog, "end"))
    {
      until = xa_date_row_dup_date (self->until_row);
      adw_message_dialog_set_response_enabled (dialog, "end", since != NULL && until != NULL);
    }
}

static void
xa_term_dialog_dispose (GObject *object)
{
  XaTermDialog *self = XA_TERM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), XA_TYPE_TERM_DIALOG);
  g_clear_object (&self->term);

  G_OBJECT_CLASS (xa_term_dialog_parent_class)->dispose (object);
}

static void
xa_term_dialog_class_init (XaTermDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_term_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-term-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XaTermDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, XaTermDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, XaTermDialog, until_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
xa_term_dialog_init (XaTermDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xa_term_dialog_new:
 * @term: the term to correct or end
 */
XaTermDialog *
xa_term_dialog_new (GtkWindow *parent,
                    XaRole    *term)
{
  XaTermDialog *self;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (XA_IS_ROLE (term), NULL);

  self = g_object_new (XA_TYPE_TERM_DIALOG,
                       "transient-for", parent,
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->term = g_object_ref (term);
  xa_window_unselect_on_map (GTK_WINDOW (self));

  /* Translators: a role and who holds it, such as “第一责任人 · 王建国”. */
  heading = g_strdup_printf (_("%s · %s"), xa_role_kind_to_label (xa_role_get_kind (term)),
                             xa_role_get_person_name (term));
  adw_message_dialog_set_heading (dialog, heading);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: removes a role term entered by mistake */
                                    "remove", _("_Remove…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);

  if (xa_role_get_current (term))
    {
      adw_message_dialog_add_response (dialog, "end",
                                       /* Translators: 结束任期, ends a running term on the
                                        * day entered, without a successor */
                                       _("_End Term"));
      adw_message_dialog_set_body (dialog, _("Correct the day the term began, or end it on a day without a successor: a new holder is entered with Assign Responsibility instead. Remove only a term entered by mistake."));
      today = xa_date_today_iso ();
      gtk_editable_set_text (GTK_EDITABLE (self->until_row), today);
    }
  else
    {
      g_autofree char *body = NULL;

      /* Translators: the last day of an ended term (YYYY-MM-DD). */
      body = g_strdup_printf (_("This term ended on %s. Correct the day it began, or remove it if it was entered by mistake."),
                              xa_role_get_until (term));
      adw_message_dialog_set_body (dialog, body);
      gtk_widget_set_visible (GTK_WIDGET (self->until_row), FALSE);
    }

  adw_message_dialog_add_response (dialog, "save", _("_Save"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");

  gtk_editable_set_text (GTK_EDITABLE (self->since_row), xa_role_get_since (term));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         xa_role_get_note (term) ? xa_role_get_note (term) : "");
  changed_cb (self);

  return self;
}

/**
 * xa_term_dialog_get_term:
 *
 * Returns: (transfer none): the term shown
 */
XaRole *
xa_term_dialog_get_term (XaTermDialog *self)
{
  g_return_val_if_fail (XA_IS_TERM_DIALOG (self), NULL);

  return self->term;
}

/**
 * xa_term_dialog_dup_since:
 *
 * Returns: (transfer full) (nullable): the term's first day as YYYY-MM-DD, or %NULL
 *   while what is entered is not a day
 */
char *
xa_term_dialog_dup_since (XaTermDialog *self)
{
  g_return_val_if_fail (XA_IS_TERM_DIALOG (self), NULL);

  return xa_date_row_dup_date (self->since_row);
}

/**
 * xa_term_dialog_dup_until:
 *
 * Returns: (transfer full) (nullable): the day the term is to end as YYYY-MM-DD, or
 *   %NULL while what is entered is not a day
 */
char *
xa_term_dialog_dup_until (XaTermDialog *self)
{
  g_return_val_if_fail (XA_IS_TERM_DIALOG (self), NULL);

  return xa_date_row_dup_date (self->until_row);
}

/**
 * xa_term_dialog_dup_note:
 *
 * Returns: (transfer full): the note, "" when empty
 */
char *
xa_term_dialog_dup_note (XaTermDialog *self)
{
  g_return_val_if_fail (XA_IS_TERM_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
}
