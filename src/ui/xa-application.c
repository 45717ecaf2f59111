/* xa-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application opens the workspace of the data folder once (the store and every registry
 * and book over it), keeps the store's operator in step with the preferences and opens the
 * main window on it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-application.h"
#include "xa-preferences-window.h"
#include "xa-window.h"

struct _XaApplication
{
  AdwApplication     parent_instance;

  /* Owned references */
  GSettings         *settings;
  XaWorkspace       *workspace;

  /* State */
  char              *data_dir;
};

G_DEFINE_FINAL_TYPE (XaApplication, xa_application, ADW_TYPE_APPLICATION)

static void
sync_operator (XaApplication *self)
{
  g_autofree char *name = NULL;

  if (self->workspace == NULL)
    return;

  name = g_settings_get_string (self->settings, "operator-name");
  xa_store_set_operator (xa_workspace_get_store (self->workspace), name);
}

static void
operator_name_changed_cb (XaApplication *self,
                          const char    *key,
                          GSettings     *settings)
{
  sync_operator (self);
}

static void
store_error_response_cb (XaApplication    *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  g_application_quit (G_APPLICATION (self));
}

/* A store that cannot be opened (a newer database, a file that is not ours, a folder
 * without permission) leaves nothing to do but say so and quit. */
static void
show_store_error (XaApplication *self,
                  const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Xiaoan could not open the database in %s. Nothing has "
                                    "been changed.\n\n%s"),
                                  self->data_dir, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (store_error_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The operator of the preferences is named as the workspace opens, so that even the
 * defaults of a fresh database are recorded under who started the app. */
static gboolean
open_workspace (XaApplication  *self,
                GError        **error)
{
  g_autofree char *operator_name = NULL;

  if (self->workspace != NULL)
    return TRUE;

  if (self->data_dir == NULL)
    self->data_dir = xa_store_dup_default_data_dir (NULL);

  operator_name = g_settings_get_string (self->settings, "operator-name");
  self->workspace = xa_workspace_open (self->data_dir, operator_name, error);

  return self->workspace != NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  XaApplication *self = user_data;
  GList *windows;

  /* Closing the windows first lets each one save its size. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  XaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  XaPreferencesWindow *preferences;

  preferences = xa_preferences_window_new (self->data_dir);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  XaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Xiaoan developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("Xiaoan"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Xiaoan developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("School safety responsibility agreements, hazard "
                                       "ledgers, inspections and assessments for a district "
                                       "education commission and its schools"),
                         "website", "https://github.com/xiaoan/xiaoan",
                         "issue-url", "https://github.com/xiaoan/xiaoan/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
};

static int
xa_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  XaApplication *self = XA_APPLICATION (application);
  const char *data_dir = NULL;

  /* `--data-dir` wins over $XIAOAN_DATA_DIR, which wins over the default. */
  g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir);
  g_clear_pointer (&self->data_dir, g_free);
  self->data_dir = xa_store_dup_default_data_dir (data_dir);

  return -1;
}

static void
xa_application_startup (GApplication *application)
{
  XaApplication *self = XA_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (xa_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  /* GtkApplication sets this one only when it builds the shortcuts window itself. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);

  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (operator_name_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
xa_application_activate (GApplication *application)
{
  XaApplication *self = XA_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!open_workspace (self, &error))
    {
      g_warning ("Cannot open the store in %s: %s", self->data_dir, error->message);
      show_store_error (self, error);
      return;
    }

  window = GTK_WINDOW (xa_window_new (GTK_APPLICATION (self), self->workspace));
  gtk_window_present (window);
}

static void
xa_application_dispose (GObject *object)
{
  XaApplication *self = XA_APPLICATION (object);

  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xa_application_parent_class)->dispose (object);
}

static void
xa_application_finalize (GObject *object)
{
  XaApplication *self = XA_APPLICATION (object);

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (xa_application_parent_class)->finalize (object);
}

static void
xa_application_class_init (XaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = xa_application_dispose;
  object_class->finalize = xa_application_finalize;

  app_class->handle_local_options = xa_application_handle_local_options;
  app_class->startup = xa_application_startup;
  app_class->activate = xa_application_activate;
}

static void
xa_application_init (XaApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "data-dir", 0, 0,
                                 G_OPTION_ARG_FILENAME,
                                 _("Keep the database in DIR instead of the default folder"),
                                 /* Translators: the argument of --data-dir. */
                                 _("DIR"));
}

XaApplication *
xa_application_new (const char *application_id)
{
  /* The resources keep one base path whatever the profile, so that AdwApplication finds
   * style.css and the app icon in the .Devel build too. */
  return g_object_new (XA_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/xiaoan/Xiaoan",
                       NULL);
}

/**
 * xa_application_get_workspace:
 *
 * Returns: (transfer none) (nullable): the open workspace, or %NULL before activation
 */
XaWorkspace *
xa_application_get_workspace (XaApplication *self)
{
  g_return_val_if_fail (XA_IS_APPLICATION (self), NULL);

  return self->workspace;
}

const char *
xa_application_get_data_dir (XaApplication *self)
{
  g_return_val_if_fail (XA_IS_APPLICATION (self), NULL);

  return self->data_dir;
}
