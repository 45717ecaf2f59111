/* xa-schools-page-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schools section's actions on the school list as a whole: a new school, importing a
 * school list, loading the demo district, searching, and deleting a school with a toast
 * that undoes it. Ctrl+F, Ctrl+N and Ctrl+O work wherever the focus is while the section
 * shows.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-schools-page-private.h"
#include "xa-ui-utils.h"
#include "core/registry/xa-demo.h"
#include "core/registry/xa-school-import.h"

void
_xa_schools_page_update_actions (XaSchoolsPage *self)
{
  guint n_schools = 0;

  if (self->registry != NULL)
    n_schools = g_list_model_get_n_items (xa_school_registry_get_schools (self->registry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schools.import-schools", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schools.new-school", !self->busy);
  /* Demo data goes only into an empty database, and only when asked for. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schools.load-demo",
                                 !self->busy && n_schools == 0);
}

/* Brings the schools section forward, through the window's action: a result that arrives
 * while another section shows. */
static void
show_section (XaSchoolsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "schools");
}

static void
new_school_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  xa_schools_page_new_school (XA_SCHOOLS_PAGE (widget));
}

static void
import_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XaSchoolsPage) self = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  if (!xa_school_import_file_finish (XA_SCHOOL_REGISTRY (object), result,
                                     &n_imported, &problems, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      _xa_schools_page_set_busy (self, FALSE);
      if (problems != NULL && problems->len > 0)
        xa_widget_show_problems (GTK_WIDGET (self), _("School List Not Imported"), problems);
      else
        xa_widget_show_error (GTK_WIDGET (self), _("School List Not Imported"), error->message);
      return;
    }

  _xa_schools_page_set_busy (self, FALSE);
  show_section (self);
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Imported %u school",
                                                           "Imported %u schools",
                                                           n_imported),
                                              n_imported);
    xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (title));
  }
}

static void
import_file_chosen_cb (XaSchoolsPage        *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->file_chooser);

  if (file == NULL)
    return;

  _xa_schools_page_set_busy (self, TRUE);
  xa_school_import_file_async (self->registry, file, self->cancellable,
                               import_finished_cb, g_object_ref (self));
}

/* The one place that chooses a file, so that a port to GtkFileDialog (GTK 4.10) touches
 * only this function. */
static void
choose_csv_file (XaSchoolsPage *self,
                 GCallback      response_cb)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;

  if (self->file_chooser != NULL)
    return;

  gtk_file_filter_set_name (csv, _("School list (CSV)"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Import School List"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", response_cb, self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

static void
import_schools_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_csv_file (XA_SCHOOLS_PAGE (widget), G_CALLBACK (import_file_chosen_cb));
}

static void
demo_filled_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XaSchoolsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xa_demo_fill_finish (XA_SCHOOL_REGISTRY (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      _xa_schools_page_set_busy (self, FALSE);
      xa_widget_show_error (GTK_WIDGET (self), _("Demo Data Not Loaded"), error->message);
      return;
    }

  _xa_schools_page_set_busy (self, FALSE);
  xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("Loaded the fictional demo district")));
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (widget);

  _xa_schools_page_set_busy (self, TRUE);
  xa_demo_fill_async (self->registry, XA_DEMO_DEFAULT_SCHOOLS, XA_DEMO_DEFAULT_SEED,
                      self->cancellable, demo_filled_cb, g_object_ref (self));
}

static void
undo_toast_dismissed_cb (XaSchoolsPage *self,
                         AdwToast      *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* The toast shows in the window's overlay, outside this page, where schools.* actions are
 * not found: its button reports back here instead of naming an action. */
static void
undo_clicked_cb (XaSchoolsPage *self,
                 AdwToast      *toast)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "schools.undo-delete",
                                      adw_toast_get_action_target_value (toast));
}

static void
delete_school_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  school = xa_school_registry_dup_school (self->registry, uuid, &error);
  if (school == NULL || !xa_school_registry_delete_school (self->registry, uuid, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("School Not Deleted"), error->message);
      return;
    }

  /* Translators: %s is the name of the school just deleted. */
  title = g_strdup_printf (_("Deleted “%s”"), xa_organisation_get_name (school));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_target_value (toast, g_variant_new_string (uuid));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_object (&self->undo_toast, toast);
  xa_widget_add_toast (GTK_WIDGET (self), toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XaSchoolsPage *self = XA_SCHOOLS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (!xa_school_registry_restore_school (self->registry, uuid, &error))
    {
      xa_widget_show_error (GTK_WIDGET (self), _("School Not Restored"), error->message);
      return;
    }

  show_section (self);
  xa_schools_page_select_school (self, uuid);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  xa_schools_page_focus_search (XA_SCHOOLS_PAGE (widget));
}

void
_xa_schools_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "schools.new-school", NULL, new_school_action);
  gtk_widget_class_install_action (widget_class, "schools.import-schools", NULL,
                                   import_schools_action);
  gtk_widget_class_install_action (widget_class, "schools.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "schools.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "schools.delete-school", "s",
                                   delete_school_action);
  gtk_widget_class_install_action (widget_class, "schools.undo-delete", "s",
                                   undo_delete_action);
}

/* The class's own bindings would run only with the focus inside the page; a managed
 * controller runs them from the window wherever the focus is, as long as the page is
 * mapped, that is while the schools section shows. */
void
_xa_schools_page_add_shortcuts (XaSchoolsPage *self)
{
  static const struct {
    guint       keyval;
    const char *action_name;
  } shortcuts[] = {
    { GDK_KEY_f, "schools.search" },
    { GDK_KEY_n, "schools.new-school" },
    { GDK_KEY_o, "schools.import-schools" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].keyval,
                                                                                    GDK_CONTROL_MASK),
                                                            gtk_named_action_new (shortcuts[i].action_name)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

AdwToast *
_xa_schools_page_get_undo_toast (XaSchoolsPage *self)
{
  g_return_val_if_fail (XA_IS_SCHOOLS_PAGE (self), NULL);

  return self->undo_toast;
}
