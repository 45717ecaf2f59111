/* xa-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The operator's name and role, kept in GSettings, and the data folder in use (shown, not
 * changed here: the folder is chosen when the app starts).
 */

#include "config.h"

#include "xa-application.h"
#include "xa-preferences-window.h"

struct _XaPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Owned references */
  GSettings            *settings;

  /* Template widgets */
  AdwActionRow         *data_dir_row;
  AdwEntryRow          *operator_name_row;
  AdwComboRow          *operator_role_row;
};

G_DEFINE_FINAL_TYPE (XaPreferencesWindow, xa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The keys of the operator-role setting, in the order of the combo row. */
static const char * const role_keys[] = { "school", "commission", "clerk" };

static gboolean
role_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *key = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_keys); i++)
    if (g_strcmp0 (key, role_keys[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
role_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (role_keys))
    return NULL;

  return g_variant_new_string (role_keys[i]);
}

static void
xa_preferences_window_dispose (GObject *object)
{
  XaPreferencesWindow *self = XA_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xa_preferences_window_parent_class)->dispose (object);
}

static void
xa_preferences_window_class_init (XaPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xiaoan/Xiaoan/xa-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, data_dir_row);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, operator_name_row);
  gtk_widget_class_bind_template_child (widget_class, XaPreferencesWindow, operator_role_row);
}

static void
xa_preferences_window_init (XaPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "operator-name",
                   self->operator_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "operator-role",
                                self->operator_role_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                role_get_mapping, role_set_mapping,
                                NULL, NULL);
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
  return self;
}
