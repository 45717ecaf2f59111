/* xa-key-person-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The school's key persons (重点人员), opened from the 综治 tab: the most sensitive
 * records of the app, kept apart from the tab, the summary and every export. Whether
 * the operator may see them is the core's to say (xa_key_person_may_see(): on a file
 * the operator named for the school, on a server the school's own login and the
 * commission's staff named for it); anyone else sees that the register is restricted,
 * never an empty list. The list and each file are read in a worker, and the core
 * writes every read to the audit trail. Ctrl+N adds a key person, a row opens the
 * file with its follow-up and counselling notes, and a note is added from the file.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-key-person-window.h"
#include "xa-key-person-form.h"
#include "xa-key-person-note-form.h"
#include "xa-ui-utils.h"
#include "core/governance/xa-key-person.h"

struct _XaKeyPersonWindow
{
  AdwWindow            parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  GCancellable        *cancellable;
  GPtrArray           *rows;       /* AdwActionRow, in list_group or the file's groups */
  char                *school_uuid;
  char                *today;
  char                *file_uuid;  /* the file shown, or NULL on the list */

  /* Template widgets */
  GtkWidget           *add_button;
  GtkWidget           *back_button;
  AdwPreferencesGroup *file_group;
  AdwPreferencesGroup *list_group;
  GtkWidget           *note_button;
  AdwPreferencesGroup *notes_group;
  GtkStack            *stack;

  /* State */
  int                  school_year;
  gboolean             busy;
  gboolean             restricted;
};

G_DEFINE_FINAL_TYPE (XaKeyPersonWindow, xa_key_person_window, ADW_TYPE_WINDOW)

/* A read in the worker: the list (uuid NULL) or one file. */
typedef struct
{
  XaStore     *store;
  char        *school_uuid;
  char        *uuid;
  gboolean     may_see;
  GPtrArray   *persons;  /* XaKeyPerson */
  XaKeyPerson *person;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_free (job->school_uuid);
  g_free (job->uuid);
  g_clear_pointer (&job->persons, g_ptr_array_unref);
  g_clear_object (&job->person);
  g_free (job);
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (job->uuid != NULL)
    job->person = xa_key_person_read_file (job->store, job->uuid, &error);
  else if (xa_key_person_may_see (job->store, job->school_uuid, &job->may_see, &error) && job->may_see)
    job->persons = xa_key_person_list (job->store, job->school_uuid, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Rows */

static GtkWidget *
add_row (XaKeyPersonWindow   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = xa_check_row_new (group, title, subtitle, NULL);

  g_ptr_array_add (self->rows, row);
  return row;
}

static void
set_page (XaKeyPersonWindow *self,
          const char        *page)
{
  gboolean file = g_str_equal (page, "file");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->back_button, file);
  gtk_widget_set_visible (self->note_button, file);
  gtk_widget_set_visible (self->add_button, g_str_equal (page, "list"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key-persons.add", g_str_equal (page, "list"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "key-persons.add-note", file);
}

static void
show_list (XaKeyPersonWindow *self,
           Job               *job)
{
  self->restricted = !job->may_see;
  if (self->restricted)
    {
      set_page (self, "restricted");
      return;
    }
  if (job->persons->len == 0)
    add_row (self, self->list_group, _("No key person is recorded for this school"), NULL);
  for (guint i = 0; i < job->persons->len; i++)
    {
      XaKeyPerson *person = g_ptr_array_index (job->persons, i);
      /* Translators: a key person's row: who they are to the school, since when, and why followed */
      g_autofree char *subtitle = g_strdup_printf (_("%s, since %s: %s"),
                                                   xa_key_person_category_to_label (xa_key_person_get_category (person)),
                                                   xa_key_person_get_since (person), xa_key_person_get_reason (person));
      GtkWidget *row = add_row (self, self->list_group, xa_key_person_get_name (person), subtitle);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      /* The target first: an action without it does not take the row. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", xa_key_person_get_uuid (person));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "key-persons.open");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  set_page (self, "list");
}

static void
show_file (XaKeyPersonWindow *self,
           Job               *job)
{
  XaKeyPerson *person = job->person;
  GPtrArray *notes = xa_key_person_get_notes (person);
  const char *carer = xa_key_person_get_carer (person);

  adw_preferences_group_set_title (self->file_group, xa_key_person_get_name (person));
  add_row (self, self->file_group, _("Category"), xa_key_person_category_to_label (xa_key_person_get_category (person)));
  add_row (self, self->file_group, _("Reason"), xa_key_person_get_reason (person));
  add_row (self, self->file_group, _("Since"), xa_key_person_get_since (person));
  add_row (self, self->file_group, _("Followed By"), carer != NULL && *carer != '\0' ? carer : _("Nobody named"));
  if (notes == NULL || notes->len == 0)
    add_row (self, self->notes_group, _("No note yet"), NULL);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      XaKeyPersonNote *note = g_ptr_array_index (notes, i);
      const char *kind = g_str_equal (note->kind, "counselling") ? C_("key person note", "Counselling")
                                                                 : C_("key person note", "Follow-up");
      /* Translators: a note's title: the day, the kind (follow-up or counselling) and who wrote it */
      g_autofree char *title = g_strdup_printf (_("%s  %s · %s"), note->noted_on, kind, note->noted_by);

      add_row (self, self->notes_group, title, note->content);
    }
  set_page (self, "file");
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XaKeyPersonWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  self->busy = FALSE;
  xa_check_rows_clear (self->rows);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (error->message));
      g_clear_pointer (&self->file_uuid, g_free);
      set_page (self, "restricted");
      self->restricted = TRUE;
      return;
    }
  if (job->uuid != NULL)
    show_file (self, job);
  else
    show_list (self, job);
}

static void
reload (XaKeyPersonWindow *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  job->store = g_object_ref (xa_workspace_get_store (self->workspace));
  job->school_uuid = g_strdup (self->school_uuid);
  job->uuid = g_strdup (self->file_uuid);
  self->busy = TRUE;
  set_page (self, "loading");

  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_worker);
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xa_key_person_window_open_file (XA_KEY_PERSON_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaKeyPersonWindow *self = XA_KEY_PERSON_WINDOW (widget);

  if (self->file_uuid == NULL)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  g_clear_pointer (&self->file_uuid, g_free);
  reload (self);
}

static void
present_form (XaKeyPersonWindow *self,
              GtkWidget         *form)
{
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (form), TRUE);
  g_signal_connect_object (form, "saved", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaKeyPersonWindow *self = XA_KEY_PERSON_WINDOW (widget);

  present_form (self, xa_key_person_form_new (self->workspace, self->school_uuid, self->school_year, NULL,
                                              self->today));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaKeyPersonWindow *self = XA_KEY_PERSON_WINDOW (widget);

  if (self->file_uuid != NULL)
    present_form (self, xa_key_person_note_form_new (self->workspace, self->school_uuid, self->school_year,
                                                     self->file_uuid, self->today));
}

/* The object */

static void
xa_key_person_window_dispose (GObject *object)
{
  XaKeyPersonWindow *self = XA_KEY_PERSON_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_KEY_PERSON_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->school_uuid, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->file_uuid, g_free);

  G_OBJECT_CLASS (xa_key_person_window_parent_class)->dispose (object);
}

static void
xa_key_person_window_class_init (XaKeyPersonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_key_person_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-key-person-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, file_group);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, list_group);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, note_button);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, notes_group);
  gtk_widget_class_bind_template_child (widget_class, XaKeyPersonWindow, stack);

  gtk_widget_class_install_action (widget_class, "key-persons.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "key-persons.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "key-persons.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "key-persons.add-note", NULL, add_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "key-persons.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "key-persons.back", NULL);
}

static void
xa_key_person_window_init (XaKeyPersonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * xa_key_person_window_new:
 * @today: (nullable): the day new records start on; %NULL for the local date
 *
 * Returns: (transfer floating): the window, reading the school's key persons when the
 *   operator may see them
 */
GtkWidget *
xa_key_person_window_new (XaWorkspace *workspace,
                          const char  *school_uuid,
                          int          school_year,
                          const char  *today)
{
  XaKeyPersonWindow *self;

  g_return_val_if_fail (XA_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  self = g_object_new (XA_TYPE_KEY_PERSON_WINDOW, NULL);
  self->workspace = g_object_ref (workspace);
  self->school_uuid = g_strdup (school_uuid);
  self->school_year = school_year;
  self->today = g_strdup (today);
  reload (self);
  return GTK_WIDGET (self);
}

gboolean
xa_key_person_window_get_busy (XaKeyPersonWindow *self)
{
  g_return_val_if_fail (XA_IS_KEY_PERSON_WINDOW (self), FALSE);
  return self->busy;
}

/**
 * xa_key_person_window_get_restricted:
 *
 * Returns: whether the window says the register is not the operator's to see
 */
gboolean
xa_key_person_window_get_restricted (XaKeyPersonWindow *self)
{
  g_return_val_if_fail (XA_IS_KEY_PERSON_WINDOW (self), FALSE);
  return self->restricted;
}

/**
 * xa_key_person_window_open_file:
 *
 * Reads the key person's file with its notes in a worker (a read the core audits) and
 * shows it.
 */
void
xa_key_person_window_open_file (XaKeyPersonWindow *self,
                                const char        *uuid)
{
  g_return_if_fail (XA_IS_KEY_PERSON_WINDOW (self));
  g_return_if_fail (uuid != NULL);

  g_free (self->file_uuid);
  self->file_uuid = g_strdup (uuid);
  reload (self);
}

/**
 * xa_key_person_window_dup_text:
 *
 * Returns: (transfer full): the rows shown, a line each (for tests)
 */
char *
xa_key_person_window_dup_text (XaKeyPersonWindow *self)
{
  g_return_val_if_fail (XA_IS_KEY_PERSON_WINDOW (self), NULL);
  return xa_check_rows_dup_text (self->rows);
}
