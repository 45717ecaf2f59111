/* xa-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operator's name and role, kept in GSettings, and the data folder in use (shown, not
 * changed here: the folder is chosen when the app starts). Backups: made on demand, how
 * many to keep and how often the schedule makes one, and the list of those there are,
 * each with a button that restores it through app.restore-backup (the application owns
 * the workspace that a restore closes and reopens). Where the data is kept, and the
 * database server, is XaDatabasePage's.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-adaptive.h"
#include "xa-application.h"
#include "xa-database-page.h"
#include "hazards/xa-hazard-policy-group.h"
#include "xa-preferences-window.h"
#include "xa-seal-row.h"
#include "xa-ui-utils.h"
#include "core/store/xa-backup.h"

struct _XaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned references */
  GSettings            *settings;
  XaWorkspace          *workspace;
  GCancellable         *cancellable;

  /* Template widgets */
  GtkListBox           *backup_list;
  AdwPreferencesPage   *backup_page;
  GtkSpinner           *backup_spinner;
  AdwPreferencesGroup  *commission_seal_group;
  XaSealRow            *commission_seal_row;
  AdwActionRow         *data_dir_row;
  XaDatabasePage       *database_page;
  XaHazardPolicyGroup  *hazard_policy_group;
  GtkSpinButton        *interval_spin;
  GtkSpinButton        *keep_spin;
  AdwEntryRow          *operator_name_row;
  AdwComboRow          *operator_role_row;
  GtkSwitch            *page_codes_switch;
  AdwComboRow          *style_row;

  /* State */
  char                 *backup_dir;
  gboolean              backing_up;
  guint                 n_listing;
};

G_DEFINE_FINAL_TYPE (XaPreferencesWindow, xa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys of the operator-role setting, in the order of the combo row. */
static const char * const role_keys[] = { "school", "commission", "clerk", NULL };

/* Backups */

static void
notify_busy (XaPreferencesWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* This window lets go of the workspace first; the application then closes the others,
 * the store with them, restores and opens the restored data. From an idle callback, so
 * that the confirmation dialog, transient for this window, has finished its response. */
static gboolean
restore_in_idle_cb (gpointer user_data)
{
  g_autoptr(XaBackup) backup = user_data;
  g_autoptr(GtkWindow) window = g_object_steal_data (G_OBJECT (backup), "xa-preferences-window");

  /* Its parent closes too: GTK 4.8 must not find it still attached when it goes. */
  if (window != NULL)
    {
      gtk_window_set_transient_for (window, NULL);
      gtk_window_destroy (window);
      g_clear_object (&window);
    }

  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()),
                                  "restore-backup",
                                  g_variant_new_string (xa_backup_get_path (backup)));
  return G_SOURCE_REMOVE;
}

static void
restore_confirmed_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(XaBackup) backup = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (source));

  if (!xa_confirm_finish (result, NULL))
    return;

  if (GTK_IS_WINDOW (root))
    g_object_set_data (G_OBJECT (backup), "xa-preferences-window", g_object_ref (root));
  g_idle_add (restore_in_idle_cb, g_steal_pointer (&backup));
}

static void
restore_clicked_cb (GtkButton *button,
                    XaBackup  *backup)
{
  g_autofree char *date = xa_backup_dup_date_text (backup);
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("The data will be replaced by the backup of %s; the changes "
                            "made since are lost. The current database is kept beside it "
                            "as xiaoan.db.before-restore-…, and Xiaoan opens the restored "
                            "data."),
                          date);
  xa_confirm_async (GTK_WIDGET (button), _("Restore This Backup?"), body, NULL,
                    _("_Restore"), NULL, restore_confirmed_cb, g_object_ref (backup));
}

static GtkWidget *
create_backup_row (gpointer item,
                   gpointer user_data)
{
  XaBackup *backup = item;
  g_autofree char *date = xa_backup_dup_date_text (backup);
  g_autofree char *size = g_format_size (xa_backup_get_size (backup));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (xa_backup_get_verified (backup))
    /* Translators: a backup's size and state: “2.3 MB · verified”. */
    subtitle = g_strdup_printf (_("%s · verified"), size);
  else
    /* Translators: a backup's size and why it does not verify. */
    subtitle = g_strdup_printf (_("%s · does not verify: %s"), size, xa_backup_get_problem (backup));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, xa_backup_get_path (backup));

  button = gtk_button_new_with_label (_("Restore…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, xa_backup_get_verified (backup));
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), backup, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
backups_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XaPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = xa_backup_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_listing--;
  if (backups == NULL)
    g_warning ("Cannot list the backups: %s", error->message);
  else
    gtk_list_box_bind_model (self->backup_list, backups, create_backup_row, self, NULL);
  notify_busy (self);
}

static void
reload_backups (XaPreferencesWindow *self)
{
  if (self->backup_dir == NULL)
    return;

  self->n_listing++;
  notify_busy (self);
  xa_backup_list_async (self->backup_dir, self->cancellable, backups_listed_cb, g_object_ref (self));
}

static void
set_backing_up (XaPreferencesWindow *self,
                gboolean             backing_up)
{
  self->backing_up = backing_up;
  gtk_widget_set_visible (GTK_WIDGET (self->backup_spinner), backing_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.back-up",
                                 !backing_up && self->backup_dir != NULL);
  notify_busy (self);
}

static void
backup_made_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XaPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaBackup) backup = xa_backup_create_finish (result, &error);
  g_autofree char *title = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_backing_up (self, FALSE);
  if (backup == NULL)
    {
      xa_widget_show_error (GTK_WIDGET (self), _("Cannot Back Up"), error->message);
      return;
    }

  title = g_strdup_printf (_("Backed up and verified: %s"), xa_backup_get_name (backup));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (title));
  reload_backups (self);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XaPreferencesWindow *self = XA_PREFERENCES_WINDOW (widget);

  if (self->workspace == NULL || self->backing_up)
    return;

  set_backing_up (self, TRUE);
  xa_backup_create_async (xa_workspace_get_store (self->workspace), self->backup_dir,
                          g_settings_get_int (self->settings, "backup-keep"),
                          self->cancellable, backup_made_cb, g_object_ref (self));
}

static void
xa_preferences_window_dispose (GObject *object)
{
  XaPreferencesWindow *self = XA_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_preferences_window_parent_class)->dispose (object);
}

static void
xa_preferences_window_finalize (GObject *object)
{
  XaPreferencesWindow *self = XA_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->backup_dir, g_free);

  G_OBJECT_CLASS (xa_preferences_window_parent_class)->finalize (object);
}

static void
xa_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XaPreferencesWindow *self = XA_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->backing_up || self->n_listing > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_preferences_window_class_init (XaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_preferences_window_dispose;
  object_class->finalize = xa_preferences_window_finalize;
  object_class->get_property = xa_preferences_window_get_property;

  /**
   * XaPreferencesWindow:busy:
   *
   * Whether a backup is being made or the backups are being listed.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, backup_list);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, backup_page);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, backup_spinner);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, commission_seal_group);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, commission_seal_row);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, data_dir_row);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, database_page);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, hazard_policy_group);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, operator_name_row);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, operator_role_row);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, page_codes_switch);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, style_row);

  gtk_widget_class_install_action (widget_class, "preferences.back-up", NULL, back_up_action);

  g_type_ensure (XA_TYPE_DATABASE_PAGE);
  g_type_ensure (XA_TYPE_HAZARD_POLICY_GROUP);
  g_type_ensure (XA_TYPE_SEAL_ROW);
}

static void
xa_preferences_window_init (XaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "backup-keep",
                   gtk_spin_button_get_adjustment (self->keep_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "backup-interval-hours",
                   gtk_spin_button_get_adjustment (self->interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_page), FALSE);
  set_backing_up (self, FALSE);
  g_settings_bind (self->settings, "operator-name",
                   self->operator_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  xa_settings_bind_choice (self->settings, "operator-role",
                           self->operator_role_row, "selected", role_keys);
  g_settings_bind (self->settings, "agreement-page-codes",
                   self->page_codes_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  xa_settings_bind_choice (self->settings, "color-scheme",
                           self->style_row, "selected", xa_style_choices);
}

/**
 * xa_preferences_window_new:
 * @data_dir: (nullable): the data folder in use
 */
XaPreferencesWindow *
xa_preferences_window_new (const char *data_dir)
{
  XaPreferencesWindow *self = g_object_new (XA_TYPE_PREFERENCES_WINDOW, NULL);

  adw_action_row_set_subtitle (self->data_dir_row, data_dir ? data_dir : "");
  xa_database_page_set_data_dir (self->database_page, data_dir);
  return self;
}

/* The commission's seal image, once the installation has a commission. */
static void
show_commission_seal (XaPreferencesWindow *self)
{
  XaSchoolRegistry *registry = self->workspace ? xa_workspace_get_registry (self->workspace) : NULL;
  g_autoptr(XaOrganisation) commission = registry ? xa_school_registry_dup_commission (registry) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->commission_seal_group), commission != NULL);
  xa_seal_row_set_owner (self->commission_seal_row, commission ? registry : NULL, XA_SEAL_OWNER_COMMISSION,
                         commission ? xa_organisation_get_uuid (commission) : NULL, NULL);
}

/**
 * xa_preferences_window_set_workspace:
 * @workspace: (nullable): the open workspace, whose database the backups copy; %NULL
 *   for a store in memory, which has no backups
 */
void
xa_preferences_window_set_workspace (XaPreferencesWindow *self,
                                     XaWorkspace         *workspace)
{
  const char *path;

  g_return_if_fail (XA_IS_PREFERENCES_WINDOW (self));

  g_set_object (&self->workspace, workspace);
  g_clear_pointer (&self->backup_dir, g_free);
  xa_hazard_policy_group_set_book (self->hazard_policy_group, workspace ? xa_workspace_get_hazards (workspace) : NULL);
  show_commission_seal (self);

  path = workspace ? xa_store_get_path (xa_workspace_get_store (workspace)) : NULL;
  if (path != NULL && g_strcmp0 (path, ":memory:") != 0)
    self->backup_dir = xa_backup_dup_default_dir (path);

  gtk_widget_set_visible (GTK_WIDGET (self->backup_page), self->backup_dir != NULL);
  set_backing_up (self, self->backing_up);
  reload_backups (self);
}
