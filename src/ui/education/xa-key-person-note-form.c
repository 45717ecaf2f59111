/* xa-key-person-note-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A follow-up (跟踪回访) or counselling (心理疏导) note in a key person's file: the day, the
 * kind, who wrote it and what happened (xa_key_person_add_note()).
 *
 * Ctrl+S saves through the core in one transaction; the core names the field it
 * refuses, shown at the top, and nothing is saved (xa-register-form.c). Closing with
 * edits asks first.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-key-person-note-form.h"
#include "core/governance/xa-key-person.h"

struct _XaKeyPersonNoteForm
{
  XaRegisterForm       parent_instance;

  /* Template widgets */
  AdwEntryRow         *content_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *noted_by_row;
  AdwEntryRow         *noted_on_row;
};

G_DEFINE_FINAL_TYPE (XaKeyPersonNoteForm, xa_key_person_note_form, XA_TYPE_REGISTER_FORM)

static const char * const kinds[] = { "follow-up", "counselling", NULL };

static const char *
kind_to_label (const char *kind)
{
  if (g_str_equal (kind, "follow-up"))
    return C_("key person note", "Follow-up");
  return C_("key person note", "Counselling");
}

static gboolean
xa_key_person_note_form_save (XaRecordWindow  *window,
                              GError         **error)
{
  XaKeyPersonNoteForm *self = XA_KEY_PERSON_NOTE_FORM (window);
  XaRegisterForm *form = XA_REGISTER_FORM (window);
  XaStore *store = xa_register_form_get_store (form);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *noted_on = xa_form_dup_date (self->noted_on_row);

  if (!xa_key_person_add_note (store, xa_register_form_get_subject (form), noted_on,
                               xa_form_get_choice (self->kind_row, kinds), xa_form_get_text (self->noted_by_row),
                               xa_form_get_text (self->content_row), &local_error))
    return xa_record_window_refuse (XA_RECORD_WINDOW (form), g_steal_pointer (&local_error), error);
  return TRUE;
}

static void
xa_key_person_note_form_class_init (XaKeyPersonNoteFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  XA_RECORD_WINDOW_CLASS (klass)->save = xa_key_person_note_form_save;

  xa_register_form_class_set_template (widget_class, "/io/github/xiaoan/Xiaoan/xa-key-person-note-form.ui");
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonNoteForm, content_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonNoteForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonNoteForm, noted_by_row);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonNoteForm, noted_on_row);
}

static void
xa_key_person_note_form_init (XaKeyPersonNoteForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xa_form_set_choices (self->kind_row, kinds, kind_to_label);
}

/**
 * xa_key_person_note_form_new:
 * @subject_uuid: (nullable): the key person
 * @today: (nullable): the day the form starts on, YYYY-MM-DD; %NULL for the local date
 *
 * Returns: (transfer floating): the form, to present
 */
GtkWidget *
xa_key_person_note_form_new (XaWorkspace *workspace,
                             const char  *school_uuid,
                             int          school_year,
                             const char  *subject_uuid,
                             const char  *today)
{
  XaKeyPersonNoteForm *self = xa_register_form_new_of_type (XA_TYPE_KEY_PERSON_NOTE_FORM, workspace, school_uuid, school_year,
                                                              subject_uuid, today);
  const char *day = xa_register_form_get_today (XA_REGISTER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->noted_on_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->noted_by_row), xa_store_get_operator (xa_workspace_get_store (workspace)));
  /* Translators: what holds unsaved edits, in “%s has changes that are not saved” */
  xa_register_form_ready (XA_REGISTER_FORM (self), _("The new note"),
                          GTK_WIDGET (self->content_row));
  return GTK_WIDGET (self);
}
