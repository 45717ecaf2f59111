/* xa-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application opens the workspace of the data folder once (the store and every registry
 * and book over it), keeps the store's operator in step with the preferences and opens the
 * main window on it. It owns the workspace, so it is also where a backup is restored
 * (app.restore-backup): the windows close, the store closes, the backup replaces the
 * database, and the workspace and a window open again. A database found damaged at start
 * is offered the newest verified backup.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-adaptive.h"
#include "xa-application.h"
#include "xa-backup-scheduler.h"
#include "xa-operator-dialog.h"
#include "xa-preferences-window.h"
#include "xa-window.h"
#include "core/store/xa-backup.h"
#include "core/store/xa-server-credentials.h"
#include "core/store/xa-server-location.h"
#include "core/store/xa-session-lock.h"

struct _XaApplication
{
  AdwApplication     parent_instance;

  /* Owned references */
  GSettings         *settings;
  XaWorkspace       *workspace;
  XaSessionLock     *session_lock;
  XaBackupScheduler *backup_scheduler;

  /* State */
  char              *data_dir;
  char              *database;     /* --database or $XIAOAN_DATABASE: a file or a server */
  char              *holder;       /* who else works in the database, when someone does */
};

G_DEFINE_FINAL_TYPE (XaApplication, xa_application, ADW_TYPE_APPLICATION)

/* A restore under way: the database it replaces, and the store it waits to be closed. */
typedef struct
{
  XaApplication *app;
  XaBackup      *backup;
  char          *db_path;
  XaStore       *store;      /* a weak pointer */
  guint          waited;
} Restore;

static void restore_backup (XaApplication *self,
                            XaBackup      *backup);

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
  XaBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_strcmp0 (response, "restore") == 0 && backup != NULL)
    {
      restore_backup (self, backup);
      return;
    }

  g_application_quit (G_APPLICATION (self));
}

static char *
dup_db_path (XaApplication *self)
{
  if (self->database != NULL && !xa_store_location_is_server (self->database))
    return g_strdup (self->database);

  return g_build_filename (self->data_dir, "xiaoan.db", NULL);
}

/* The server to open, when the app opens one: given with --database, or chosen on the
 * preferences' 数据库 page. */
static char *
dup_server_uri (XaApplication  *self,
                GError        **error)
{
  g_autofree char *kind = NULL;
  g_autoptr(XaServerLocation) location = NULL;

  if (self->database != NULL)
    return xa_store_location_is_server (self->database) ? g_strdup (self->database) : NULL;

  kind = g_settings_get_string (self->settings, "database-kind");
  if (!g_str_equal (kind, "server"))
    return NULL;

  location = xa_server_location_new_from_settings (self->settings);
  if (!xa_server_location_validate (location, error))
    return NULL;

  return xa_server_location_to_uri (location);
}

/* A server shared by the district: no session lock (many PCs work in it at once) and no
 * backups (the server's administrator makes them). The password comes from the keyring,
 * or from libpq's own sources when the keyring has none. The connection is made before
 * the first window, which waits for it: at most the URI's connect_timeout. */
static gboolean
open_server_workspace (XaApplication  *self,
                       const char     *uri,
                       const char     *operator_name,
                       GError        **error)
{
  g_autoptr(XaServerLocation) location = xa_server_location_parse (uri, NULL);
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *password = NULL;

  if (location != NULL &&
      !(password = xa_server_credentials_lookup_sync (location, NULL, &keyring_error)) &&
      keyring_error != NULL)
    g_warning ("%s", keyring_error->message);

  self->workspace = xa_workspace_open_location (uri, password, operator_name, error);
  if (password != NULL)
    memset (password, 0, strlen (password));

  return self->workspace != NULL;
}

/* A store that cannot be opened (a newer database, a file that is not ours, a folder
 * without permission) leaves nothing to do but say so and quit; a damaged one can be
 * replaced by the newest backup that verifies, when there is one. */
static void
show_store_error (XaApplication *self,
                  const GError  *error)
{
  g_autoptr(XaBackup) backup = NULL;
  g_autofree char *server = dup_server_uri (self, NULL);
  const char *where = server != NULL ? server : self->data_dir;
  AdwMessageDialog *dialog;

  if (g_error_matches (error, XA_STORE_ERROR, XA_STORE_ERROR_DAMAGED))
    {
      g_autofree char *db_path = dup_db_path (self);
      g_autofree char *backup_dir = xa_backup_dup_default_dir (db_path);

      backup = xa_backup_find_newest_verified (backup_dir);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Database"), NULL));
  if (backup != NULL)
    {
      g_autofree char *date = xa_backup_dup_date_text (backup);

      adw_message_dialog_format_body (dialog,
                                      _("Xiaoan could not open the database in %s.\n\n%s\n\n"
                                        "The newest backup that verifies was made on %s. Restoring "
                                        "it loses the changes made since."),
                                      where, error->message, date);
      adw_message_dialog_add_responses (dialog,
                                        "quit", _("_Quit"),
                                        "restore", _("_Restore From Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
      g_object_set_data_full (G_OBJECT (dialog), "backup", g_steal_pointer (&backup), g_object_unref);
    }
  else
    {
      adw_message_dialog_format_body (dialog,
                                      _("Xiaoan could not open the database in %s. Nothing has "
                                        "been changed.\n\n%s"),
                                      where, error->message);
      adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
    }

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

  {
    g_autoptr(GError) local_error = NULL;
    g_autofree char *uri = dup_server_uri (self, &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
    if (uri != NULL)
      return open_server_workspace (self, uri, operator_name, error);
  }

  /* Someone else working in this database with the app (another account, another
   * session): look, but do not write alongside them. */
  {
    g_autofree char *path = dup_db_path (self);
    g_autoptr(GError) lock_error = NULL;

    /* Once per run: a restore reopens the workspace under the lock it already holds. */
    if (self->session_lock == NULL && self->holder == NULL &&
        g_mkdir_with_parents (self->data_dir, 0700) == 0)
      self->session_lock = xa_session_lock_acquire (path, operator_name, &self->holder, &lock_error);
    if (lock_error != NULL)
      g_warning ("%s", lock_error->message);
  }

  {
    g_autofree char *path = dup_db_path (self);

    if (self->holder != NULL)
      self->workspace = xa_workspace_open_location_for_reading (path, NULL, error);
    else
      self->workspace = xa_workspace_open_location (path, NULL, operator_name, error);
    if (self->workspace == NULL)
      return FALSE;
  }

  /* Backups are made by the app that holds the database, not by one that only looks. */
  if (self->holder != NULL)
    return TRUE;

  self->backup_scheduler = xa_backup_scheduler_new (xa_workspace_get_store (self->workspace),
                                                    self->settings);
  return TRUE;
}

static void open_window (XaApplication *self);

static void
operator_response_cb (XaApplication    *self,
                      const char       *response,
                      XaOperatorDialog *dialog)
{
  g_autofree char *name = xa_operator_dialog_dup_name (dialog);

  if (g_strcmp0 (response, "continue") != 0 || name[0] == '\0')
    {
      g_application_quit (G_APPLICATION (self));
      return;
    }

  g_settings_set_string (self->settings, "operator-name", name);
  open_window (self);
}

/* On first use, who works here is asked before the workspace opens: even the defaults
 * a fresh database stores are recorded under their name, never under the computer's
 * account. */
static gboolean
ask_operator (XaApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "operator-name");
  XaOperatorDialog *dialog;

  if (g_strstrip (name)[0] != '\0')
    return FALSE;

  dialog = xa_operator_dialog_new (NULL);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (operator_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Opens the workspace and its window, or says why it cannot. */
static void
open_window (XaApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->workspace == NULL && ask_operator (self))
    return;

  if (!open_workspace (self, &error))
    {
      g_warning ("Cannot open the store in %s: %s", self->data_dir, error->message);
      show_store_error (self, error);
      return;
    }

  window = GTK_WINDOW (xa_window_new (GTK_APPLICATION (self), self->workspace));
  gtk_window_present (window);
  if (self->holder != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (window, _("The Database Is in Use"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s is working in this database. This window shows "
                                        "it as it is and changes nothing; close it there to "
                                        "make changes here."),
                                      self->holder);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Restoring a backup */

static void
restore_free (Restore *restore)
{
  g_clear_weak_pointer (&restore->store);
  g_object_unref (restore->backup);
  g_free (restore->db_path);
  g_application_release (G_APPLICATION (restore->app));
  g_object_unref (restore->app);
  g_free (restore);
}

static void
show_restore_error (XaApplication *self,
                    const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Restore the Backup"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Restore *restore = user_data;
  XaApplication *self = restore->app;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_aside = NULL;
  GtkWindow *window;

  /* Whether or not the backup took the database's place, the database opens again:
   * a restore that fails has replaced nothing. */
  if (!xa_backup_restore_finish (restore->backup, result, &kept_aside, &error))
    g_warning ("Cannot restore %s: %s", xa_backup_get_path (restore->backup), error->message);

  open_window (self);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (error != NULL)
    show_restore_error (self, error);
  else if (XA_IS_WINDOW (window))
    {
      g_autofree char *date = xa_backup_dup_date_text (restore->backup);
      g_autofree char *title = NULL;

      title = g_strdup_printf (_("Restored the backup of %s"), date);
      xa_window_add_toast (XA_WINDOW (window), adw_toast_new (title));
    }

  restore_free (restore);
}

/* The database is replaced only once no connection of this process is open on it. */
static gboolean
wait_for_store_cb (gpointer user_data)
{
  Restore *restore = user_data;

  if (restore->store != NULL && restore->waited++ < 100)
    return G_SOURCE_CONTINUE;

  if (restore->store != NULL)
    {
      g_autoptr(GError) error = g_error_new (XA_BACKUP_ERROR, XA_BACKUP_ERROR_BUSY,
                                             _("The database is still in use, so the backup was not restored; close Xiaoan and restore it with “xiaoan-cli backup restore”."));

      open_window (restore->app);
      show_restore_error (restore->app, error);
      restore_free (restore);
      return G_SOURCE_REMOVE;
    }

  xa_backup_restore_async (restore->backup, restore->db_path, NULL, restored_cb, restore);
  return G_SOURCE_REMOVE;
}

static void
restore_backup (XaApplication *self,
                XaBackup      *backup)
{
  Restore *restore = g_new0 (Restore, 1);
  GList *windows;

  /* No window is left while the database is replaced: hold the application. */
  g_application_hold (G_APPLICATION (self));
  restore->app = g_object_ref (self);
  restore->backup = g_object_ref (backup);
  restore->db_path = dup_db_path (self);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  if (self->workspace != NULL)
    g_set_weak_pointer (&restore->store, xa_workspace_get_store (self->workspace));
  g_clear_object (&self->backup_scheduler);
  g_clear_object (&self->workspace);

  g_timeout_add (50, wait_for_store_cb, restore);
}

static void
restore_backup_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  XaApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaBackup) backup = xa_backup_load (g_variant_get_string (parameter, NULL), &error);

  if (backup == NULL)
    {
      show_restore_error (self, error);
      return;
    }

  /* Never under the feet of whoever holds the database. */
  if (self->holder != NULL)
    {
      g_autoptr(GError) busy = g_error_new (XA_BACKUP_ERROR, XA_BACKUP_ERROR_BUSY,
                                            _("%s is working in this database; a backup can be restored only where it is open for changes."),
                                            self->holder);

      show_restore_error (self, busy);
      return;
    }

  restore_backup (self, backup);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  XaApplication *self = user_data;
  GList *windows;

  /* Closing the windows lets each one save its size and ask 保存更改？ for unsaved
   * edits; the application ends with its last window, so a window that stays open
   * (取消) keeps it running. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }

  if (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
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
  xa_preferences_window_set_workspace (preferences, self->workspace);
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
  { .name = "restore-backup", .activate = restore_backup_action, .parameter_type = "s" },
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

  /* `--database` wins over $XIAOAN_DATABASE, which wins over the preferences. A folder
   * given with --data-dir wins over the environment's database. */
  g_clear_pointer (&self->database, g_free);
  if (g_variant_dict_lookup (options, "database", "s", &self->database) && self->database[0] == '\0')
    g_clear_pointer (&self->database, g_free);
  if (self->database == NULL && data_dir == NULL &&
      g_getenv ("XIAOAN_DATABASE") != NULL && g_getenv ("XIAOAN_DATABASE")[0] != '\0')
    self->database = g_strdup (g_getenv ("XIAOAN_DATABASE"));
  if (self->database != NULL && !xa_store_location_is_server (self->database))
    {
      char *absolute = g_canonicalize_filename (self->database, NULL);

      g_free (self->database);
      self->database = absolute;
      g_free (self->data_dir);
      self->data_dir = g_path_get_dirname (absolute);
    }

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
  xa_style_follow_settings (self->settings);
  g_signal_connect_object (self->settings, "changed::operator-name",
                           G_CALLBACK (operator_name_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
xa_application_activate (GApplication *application)
{
  XaApplication *self = XA_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  open_window (self);
}

static void
xa_application_dispose (GObject *object)
{
  XaApplication *self = XA_APPLICATION (object);

  g_clear_object (&self->backup_scheduler);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->session_lock, xa_session_lock_release);
  g_clear_pointer (&self->holder, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xa_application_parent_class)->dispose (object);
}

static void
xa_application_finalize (GObject *object)
{
  XaApplication *self = XA_APPLICATION (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->database, g_free);

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
  g_application_add_main_option (G_APPLICATION (self), "database", 0, 0,
                                 G_OPTION_ARG_STRING,
                                 _("Open this database file, or the server postgresql://USER@HOST/DATABASE"),
                                 /* Translators: the argument of --database. */
                                 _("LOCATION"));
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
