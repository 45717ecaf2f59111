/* xa-database-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 数据库 in the preferences: where the data is kept (the file in the data folder, or a
 * PostgreSQL server), the server's address, account and TLS mode in GSettings, and its
 * password in the keyring only. 测试连接 connects on a worker and says what it found, or
 * why it failed, in the row under the button; a password that worked is then kept in
 * the keyring, as is one the user applies in its row. The choice takes effect when
 * Xiaoan next starts: the application opens the workspace, not this page.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-application.h"
#include "xa-database-page.h"
#include "xa-ui-utils.h"
#include "core/store/xa-server-check.h"
#include "core/store/xa-server-credentials.h"
#include "core/store/xa-server-location.h"

struct _XaDatabasePage
{
  AdwPreferencesPage  parent_instance;

  /* Owned references */
  GSettings          *settings;
  GCancellable       *cancellable;

  /* Template widgets */
  AdwEntryRow        *database_row;
  GtkLabel           *field_error_label;
  GtkCheckButton     *file_check;
  AdwActionRow       *file_row;
  AdwEntryRow        *host_row;
  AdwEntryRow        *password_row;
  AdwEntryRow        *port_row;
  GtkImage           *result_icon;
  AdwActionRow       *result_row;
  GtkCheckButton     *server_check;
  GtkButton          *test_button;
  GtkSpinner         *test_spinner;
  AdwComboRow        *tls_row;
  AdwEntryRow        *user_row;

  /* State */
  guint               n_busy;
  gboolean            testing;
};

G_DEFINE_FINAL_TYPE (XaDatabasePage, xa_database_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The values of server-tls, in the order of the combo row, each with what it means. */
static const char * const tls_modes[] = { "require", "verify-ca", "verify-full", NULL };
static const char * const tls_explanations[] = {
  N_("The connection is encrypted, but the server’s certificate is not checked"),
  N_("The connection is encrypted, and the server’s certificate must be signed by an authority this computer trusts"),
  N_("The connection is encrypted, and the server’s certificate must be trusted and name the host (recommended)"),
};

/* A check button is active when database-kind has its value; activating it writes the
 * value, and the one that goes inactive writes nothing. */
static gboolean
kind_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), user_data) == 0);
  return TRUE;
}

static GVariant *
kind_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_value_get_boolean (value) ? g_variant_new_string (user_data) : NULL;
}

/* The port as text; text that is no port is not written (port_changed_cb says why). */
static gboolean
port_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_take_string (value, g_strdup_printf ("%d", g_variant_get_int32 (variant)));
  return TRUE;
}

static GVariant *
port_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  int port;

  if (!xa_server_port_parse (g_value_get_string (value), &port, NULL))
    return NULL;

  return g_variant_new_int32 (port);
}

static void
add_busy (XaDatabasePage *self,
          int             delta)
{
  self->n_busy += delta;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "database.test", !self->testing);
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), self->testing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_result (XaDatabasePage *self,
             gboolean        success,
             const char     *text)
{
  GtkWidget *row = GTK_WIDGET (self->result_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), text);
  adw_action_row_set_subtitle (self->result_row, "");
  gtk_image_set_from_icon_name (self->result_icon,
                                success ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  if (success)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_add_css_class (row, "success");
    }
  else
    {
      gtk_widget_remove_css_class (row, "success");
      gtk_widget_add_css_class (row, "error");
    }
  gtk_widget_set_visible (row, TRUE);
}

/* The server as the rows name it, checked field by field. */
static XaServerLocation *
location_from_rows (XaDatabasePage  *self,
                    GError         **error)
{
  g_autoptr(XaServerLocation) location = NULL;
  int port = 0;

  if (!xa_server_port_parse (gtk_editable_get_text (GTK_EDITABLE (self->port_row)), &port, error))
    return NULL;

  location = xa_server_location_new (gtk_editable_get_text (GTK_EDITABLE (self->host_row)), port,
                                     gtk_editable_get_text (GTK_EDITABLE (self->database_row)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                     tls_modes[MIN (adw_combo_row_get_selected (self->tls_row), 2)]);
  if (!xa_server_location_validate (location, error))
    return NULL;

  return g_steal_pointer (&location);
}

/* Callbacks */

static void
port_changed_cb (XaDatabasePage *self)
{
  g_autoptr(GError) error = NULL;
  int port;

  if (xa_server_port_parse (gtk_editable_get_text (GTK_EDITABLE (self->port_row)), &port, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->port_row), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), FALSE);
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self->port_row), "error");
  gtk_label_set_text (self->field_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), TRUE);
}

static void
tls_selected_cb (XaDatabasePage *self)
{
  guint selected = adw_combo_row_get_selected (self->tls_row);

  if (selected < G_N_ELEMENTS (tls_explanations))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tls_row), _(tls_explanations[selected]));
}

static void
password_found_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XaDatabasePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = xa_server_credentials_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without a keyring the row stays empty; storing says why, if the user tries. */
  if (error != NULL)
    g_debug ("No stored password: %s", error->message);
  else if (password != NULL && gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);

  add_busy (self, -1);
}

/* Whether the keyring kept the password; says why not when it did not. */
static gboolean
keep_password_finish (XaDatabasePage *self,
                      GAsyncResult   *result)
{
  g_autoptr(GError) error = NULL;

  if (xa_server_credentials_store_finish (result, &error))
    {
      add_busy (self, -1);
      return TRUE;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  add_busy (self, -1);
  xa_widget_show_error (GTK_WIDGET (self), _("Cannot Keep the Password"), error->message);
  return FALSE;
}

static void
password_kept_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XaDatabasePage) self = user_data;

  if (keep_password_finish (self, result))
    xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("The password is kept in the keyring")));
}

/* After a test, the row that says it worked says this too. */
static void
tested_password_kept_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(XaDatabasePage) self = user_data;

  if (keep_password_finish (self, result))
    adw_action_row_set_subtitle (self->result_row, _("The password is kept in the keyring"));
}

static void
password_cleared_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XaDatabasePage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xa_server_credentials_clear_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  add_busy (self, -1);
  if (error != NULL)
    xa_widget_show_error (GTK_WIDGET (self), _("Cannot Remove the Password"), error->message);
  else
    xa_widget_add_toast (GTK_WIDGET (self), adw_toast_new (_("The password was removed from the keyring")));
}

/* The apply button of the password row: keep what it holds, or forget it when empty. */
static void
password_applied_cb (XaDatabasePage *self)
{
  g_autoptr(XaServerLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if ((location = location_from_rows (self, &error)) == NULL)
    {
      show_result (self, FALSE, error->message);
      return;
    }

  add_busy (self, 1);
  if (password[0] == '\0')
    {
      xa_server_credentials_clear_async (location, self->cancellable, password_cleared_cb, g_object_ref (self));
      return;
    }

  /* Applying keeps without testing: the user may set up a server that is not up yet. */
  xa_server_credentials_store_async (location, password, self->cancellable, password_kept_cb,
                                     g_object_ref (self));
}

typedef struct
{
  XaDatabasePage   *self;
  XaServerLocation *location;
  char             *password;
} TestData;

static void
test_data_free (TestData *data)
{
  g_object_unref (data->self);
  xa_server_location_free (data->location);
  g_free (data->password);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestData, test_data_free)

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TestData) data = user_data;
  XaDatabasePage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (!xa_server_check_finish (result, &description, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      show_result (self, FALSE, error->message);
      self->testing = FALSE;
      add_busy (self, -1);
      return;
    }

  show_result (self, TRUE, description);
  self->testing = FALSE;
  if (data->password == NULL)
    {
      add_busy (self, -1);
      return;
    }

  /* The password worked: keep it, still busy until the keyring has it. */
  add_busy (self, 0);
  xa_server_credentials_store_async (data->location, data->password, self->cancellable,
                                     tested_password_kept_cb, g_object_ref (self));
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XaDatabasePage *self = XA_DATABASE_PAGE (widget);
  g_autoptr(XaServerLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  TestData *data;

  if (self->testing)
    return;

  if ((location = location_from_rows (self, &error)) == NULL)
    {
      show_result (self, FALSE, error->message);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->result_row), FALSE);
  self->testing = TRUE;
  add_busy (self, 1);

  uri = xa_server_location_to_uri (location);
  data = g_new0 (TestData, 1);
  data->self = g_object_ref (self);
  data->location = g_steal_pointer (&location);
  data->password = password[0] != '\0' ? g_strdup (password) : NULL;
  xa_server_check_async (uri, data->password, self->cancellable, checked_cb, data);
}

/* Vfuncs */

static void
xa_database_page_dispose (GObject *object)
{
  XaDatabasePage *self = XA_DATABASE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XA_TYPE_DATABASE_PAGE);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xa_database_page_parent_class)->dispose (object);
}

static void
xa_database_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XaDatabasePage *self = XA_DATABASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_database_page_class_init (XaDatabasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xa_database_page_dispose;
  object_class->get_property = xa_database_page_get_property;

  /**
   * XaDatabasePage:busy:
   *
   * Whether a connection test, or the keyring, is under way.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xiaoan/Xiaoan/xa-database-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, database_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, field_error_label);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, file_check);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, file_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, host_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, password_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, port_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, result_icon);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, result_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, server_check);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, test_button);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, tls_row);
  gtk_widget_class_bind_template_child (widget_class, XaDatabasePage, user_row);
  gtk_widget_class_bind_template_callback (widget_class, password_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, port_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tls_selected_cb);

  gtk_widget_class_install_action (widget_class, "database.test", NULL, test_action);
}

static void
xa_database_page_init (XaDatabasePage *self)
{
  g_autoptr(XaServerLocation) location = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  g_settings_bind_with_mapping (self->settings, "database-kind", self->file_check, "active",
                                G_SETTINGS_BIND_DEFAULT, kind_get_mapping, kind_set_mapping,
                                (gpointer) "file", NULL);
  g_settings_bind_with_mapping (self->settings, "database-kind", self->server_check, "active",
                                G_SETTINGS_BIND_DEFAULT, kind_get_mapping, kind_set_mapping,
                                (gpointer) "server", NULL);
  g_settings_bind (self->settings, "server-host", self->host_row, "text", G_SETTINGS_BIND_DEFAULT);
  /* Only the first value: rewriting the row as the user types (0054 → 54) would move
   * the cursor under their fingers. */
  g_settings_bind_with_mapping (self->settings, "server-port", self->port_row, "text",
                                G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES,
                                port_get_mapping, port_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "server-database", self->database_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "server-user", self->user_row, "text", G_SETTINGS_BIND_DEFAULT);
  xa_settings_bind_choice (self->settings, "server-tls", self->tls_row, "selected", tls_modes);
  tls_selected_cb (self);

  /* A screen reader reads the port's problem with the row. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->port_row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->field_error_label, NULL,
                                  -1);

  add_busy (self, 0);

  /* The password kept for the server named now, if any, fills its row. */
  location = xa_server_location_new_from_settings (self->settings);
  if (location->host[0] != '\0')
    {
      add_busy (self, 1);
      xa_server_credentials_lookup_async (location, self->cancellable, password_found_cb, g_object_ref (self));
    }
}

/**
 * xa_database_page_set_data_dir:
 * @data_dir: (nullable): the data folder in use, shown under 本机文件
 */
void
xa_database_page_set_data_dir (XaDatabasePage *self,
                               const char     *data_dir)
{
  g_return_if_fail (XA_IS_DATABASE_PAGE (self));

  adw_action_row_set_subtitle (self->file_row, data_dir ? data_dir : "");
}
