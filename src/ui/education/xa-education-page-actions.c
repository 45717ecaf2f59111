/* xa-education-page-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The education section's actions (see xa-education-page-private.h): recording a session
 * (Ctrl+N), a drill or an incident in its form, the year arrows, and importing the
 * school's roster in a worker (all or nothing, the problems listed with their lines),
 * and the year's plan with the district's policies (xa-education-settings.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-education-page-private.h"
#include "xa-drill-form.h"
#include "xa-education-record-form.h"
#include "xa-education-settings.h"
#include "xa-application.h"
#include "xa-incident-form.h"
#include "xa-ui-utils.h"

static void
saved_cb (XaEducationPage *self,
          GtkWidget       *form)
{
  const char *text = XA_IS_DRILL_FORM (form) ? _("The drill is recorded")
                     : XA_IS_INCIDENT_FORM (form) ? _("The incident is recorded")
                     : _("The education session is recorded");

  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
}

static void
settings_saved_cb (XaEducationPage *self)
{
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("The settings are saved")));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);
  XaOrganisation *school = _xa_education_page_get_school (self);
  const char *uuid;
  GtkWidget *form;

  if (school == NULL)
    {
      xa_widget_add_toast (widget, adw_toast_new (_("Choose a school first")));
      return;
    }
  uuid = xa_organisation_get_uuid (school);
  if (g_str_equal (action_name, "education.new-drill"))
    form = xa_drill_form_new (self->workspace, uuid, self->school_year,
                              xa_organisation_get_school_type (school) == XA_SCHOOL_TYPE_KINDERGARTEN, self->today);
  else if (g_str_equal (action_name, "education.new-incident"))
    form = xa_incident_form_new (self->workspace, uuid, self->school_year, self->today);
  else
    form = xa_education_record_form_new (self->workspace, uuid, self->school_year, self->today, NULL);
  g_signal_connect_object (form, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (form), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (form));
}

static void
year_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);

  xa_education_page_set_year (self, self->school_year + (g_str_equal (action_name, "education.next-year") ? 1 : -1));
}

typedef struct
{
  char      *school_uuid;
  int        school_year;
  GFile     *file;
  GPtrArray *problems;
} Import;

static void
import_free (Import *import)
{
  g_free (import->school_uuid);
  g_clear_object (&import->file);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  XaEducationPage *self = source_object;
  Import *import = task_data;
  GError *error = NULL;

  if (!xa_education_book_import_roster (xa_workspace_get_education (self->workspace), import->school_uuid,
                                        import->school_year, import->file, &import->problems, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (object);
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (import->file);

  self->importing = FALSE;
  _xa_education_page_notify_busy (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: after a roster is imported: its file */
      g_autofree char *text = g_strdup_printf (_("The roster %s is imported"), name);

      xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (text));
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (import->problems != NULL && import->problems->len > 0)
    xa_widget_show_problems (GTK_WIDGET (self), _("The Roster Was Not Imported"), import->problems);
  else
    xa_widget_show_error (GTK_WIDGET (self), _("The Roster Was Not Imported"), error->message);
}

/**
 * xa_education_page_import_roster:
 * @file: an XLSX or CSV file of the school's classes and people
 *
 * Imports the roster of the school and year shown in a worker, as the menu's import does
 * after its file chooser; "busy" until done.
 */
void
xa_education_page_import_roster (XaEducationPage *self,
                                 GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (XA_IS_EDUCATION_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->importing || xa_education_page_get_school_uuid (self) == NULL)
    return;
  import = g_new0 (Import, 1);
  import->school_uuid = g_strdup (xa_education_page_get_school_uuid (self));
  import->school_year = self->school_year;
  import->file = g_object_ref (file);
  self->importing = TRUE;
  _xa_education_page_notify_busy (self);
  task = g_task_new (self, self->cancellable, imported_cb, NULL);
  g_task_set_source_tag (task, xa_education_page_import_roster);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_worker);
}

static void
roster_chosen_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaEducationPage) self = user_data;
  g_autoptr(GFile) file = xa_choose_file_finish (result, NULL);

  if (file != NULL)
    xa_education_page_import_roster (self, file);
}

static void
import_roster_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  if (_xa_education_page_get_school (self) == NULL || self->importing)
    return;
  gtk_file_filter_set_name (filter, _("Rosters (XLSX, CSV)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  /* Translators: the roster file chooser's title: the school */
  title = g_strdup_printf (_("Import the Roster of %s"), _xa_education_page_get_school_name (self));
  xa_choose_file_async (widget, GTK_FILE_CHOOSER_ACTION_OPEN, title, _("_Import"), NULL, filter, self->cancellable,
                        roster_chosen_cb, g_object_ref (self));
}

/* The school's plan, or for the commission the district's rules, as the role decides
 * what the section's other views let it record. */
static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XaEducationPage *self = XA_EDUCATION_PAGE (widget);
  XaOrganisation *school = _xa_education_page_get_school (self);
  GtkWidget *window;

  if (school == NULL)
    {
      xa_widget_add_toast (widget, adw_toast_new (_("Choose a school first")));
      return;
    }
  window = xa_education_settings_new (self->workspace, xa_organisation_get_uuid (school),
                                      xa_organisation_get_name (school), self->school_year,
                                      xa_operator_is_commission (self->workspace));
  g_signal_connect_object (window, "saved", G_CALLBACK (settings_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (window));
}

void
_xa_education_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "education.settings", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "education.new-session", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "education.new-drill", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "education.new-incident", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "education.import-roster", NULL, import_roster_action);
  gtk_widget_class_install_action (widget_class, "education.previous-year", NULL, year_action);
  gtk_widget_class_install_action (widget_class, "education.next-year", NULL, year_action);
}

/* Ctrl+N from anywhere in the window while the section shows: a new session. */
void
_xa_education_page_add_shortcuts (XaEducationPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("education.new-session")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
