/* test-database-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 数据库 in the preferences window, driven as a user would, against the real server of
 * the pg suite (pg_virtualenv) and a real keyring (xa-test-keyring.c); in the pg suite
 * because it needs the server, under Xvfb because it needs a display. Choosing the
 * server makes its group sensitive and writes database-kind; the rows write their
 * settings; a port out of range is named and not written; 测试连接 shows what it found
 * and keeps the password that worked in the keyring, and not in a setting or a file;
 * a wrong password shows the Chinese sentence and is not kept.
 *
 * With XIAOAN_SCREENSHOT set to a path, the page is also saved there as a PNG after the
 * test that worked, and beside it as NAME-failed.png after the one that did not.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "xa-test-keyring.h"
#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/store/xa-server-credentials.h"
#include "ui/xa-application.h"
#include "ui/xa-database-page.h"
#include "ui/xa-preferences-window.h"

static XaTestKeyring *keyring;

typedef struct
{
  XaPreferencesWindow *window;
  XaDatabasePage      *page;
  GSettings           *settings;
} Fixture;

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), XA_TYPE_DATABASE_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref (xa_preferences_window_new ("/srv/xiaoan/数据"));
  fixture->page = XA_DATABASE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                   XA_TYPE_PREFERENCES_WINDOW,
                                                                   "database_page"));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 960);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->window), "database");
  gtk_window_present (GTK_WINDOW (fixture->window));
  xa_test_wait_for_boolean (fixture->page, "busy", FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *keys[] = { "database-kind", "server-host", "server-port", "server-database", "server-user", "server-tls" };

  xa_test_close_window (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
  g_clear_object (&fixture->settings);
}

static void
set_text (Fixture    *fixture,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, row)), text);
  xa_test_iterate ();
}

static void
press_test (Fixture *fixture)
{
  GtkWidget *button = child (fixture, "test_button");

  /* Clicked rather than activated: a button's activation clicks after a timeout. */
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  xa_test_wait_for_boolean (fixture->page, "busy", FALSE);
}

static void
assert_setting (Fixture    *fixture,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (fixture->settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static const char *
result_text (Fixture *fixture)
{
  GtkWidget *row = child (fixture, "result_row");

  g_assert_true (gtk_widget_get_visible (row));
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static gboolean
frame_drawn_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* The window as it shows, to @path, once two frames have been drawn since the last
 * change: the first lays out what changed, the second draws it. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint frames = 0;
  guint tick = gtk_widget_add_tick_callback (widget, frame_drawn_cb, &frames, NULL);
  int width;
  int height;

  gtk_widget_queue_draw (widget);
  while (frames < 2)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, tick);

  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_server_choice (Fixture       *fixture,
                    gconstpointer  data)
{
  /* The file is the default, and the server's rows wait until the server is chosen. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (fixture, "file_check"))));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "host_row")));
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "test_button")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "file_row"))), ==, "/srv/xiaoan/数据");

  gtk_widget_activate (child (fixture, "server_check"));
  xa_test_iterate ();
  assert_setting (fixture, "database-kind", "server");
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "host_row")));
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "test_button")));

  /* The rows write their settings; the port as a number. */
  set_text (fixture, "host_row", "db.district.cn");
  set_text (fixture, "port_row", "6432");
  set_text (fixture, "user_row", "school-7");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture, "tls_row")), 1);
  assert_setting (fixture, "server-host", "db.district.cn");
  g_assert_cmpint (g_settings_get_int (fixture->settings, "server-port"), ==, 6432);
  assert_setting (fixture, "server-user", "school-7");
  assert_setting (fixture, "server-tls", "verify-ca");

  /* A port out of range is named under the rows and not written. */
  g_assert_false (gtk_widget_get_visible (child (fixture, "field_error_label")));
  set_text (fixture, "port_row", "70000");
  g_assert_true (gtk_widget_get_visible (child (fixture, "field_error_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture, "field_error_label"))), ==,
                   _("Port must be a whole number from 1 to 65535"));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "port_row"), "error"));
  g_assert_cmpint (g_settings_get_int (fixture->settings, "server-port"), ==, 6432);

  /* 测试连接 then says so too, without connecting. */
  press_test (fixture);
  g_assert_cmpstr (result_text (fixture), ==, _("Port must be a whole number from 1 to 65535"));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "result_row"), "error"));

  set_text (fixture, "port_row", "5432");
  g_assert_false (gtk_widget_get_visible (child (fixture, "field_error_label")));

  /* Back to the file: the server's rows go insensitive again. */
  gtk_widget_activate (child (fixture, "file_check"));
  xa_test_iterate ();
  assert_setting (fixture, "database-kind", "file");
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "host_row")));
}

static void
test_connection (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XaServerLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  const char *password = g_getenv ("PGPASSWORD");
  const char *screenshot = g_getenv ("XIAOAN_SCREENSHOT");
  const char *text;

  if (g_getenv ("PGHOST") == NULL || password == NULL)
    {
      g_test_skip ("No PostgreSQL server: build-aux/test.sh runs this suite in pg_virtualenv");
      return;
    }

  gtk_widget_activate (child (fixture, "server_check"));
  set_text (fixture, "host_row", g_getenv ("PGHOST"));
  set_text (fixture, "port_row", g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432");
  set_text (fixture, "database_row", g_getenv ("PGDATABASE") ? g_getenv ("PGDATABASE") : "postgres");
  set_text (fixture, "user_row", g_getenv ("PGUSER"));
  set_text (fixture, "password_row", password);

  press_test (fixture);
  text = result_text (fixture);
  g_test_message ("%s", text);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "result_row"), "success"));
  g_assert_nonnull (strstr (text, "PostgreSQL 1"));
  g_assert_nonnull (strstr (text, _("unencrypted connection, which only this computer may use")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "test_spinner")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "result_row"))), ==,
                   _("The password is kept in the keyring"));

  /* The password that worked is in the keyring, and only there. */
  location = xa_server_location_new_from_settings (fixture->settings);
  kept = xa_server_credentials_lookup_sync (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, password);
  xa_test_assert_settings_lack (fixture->settings, password);
  xa_test_assert_tree_lacks (xa_test_keyring_get_home (keyring), password);

  if (screenshot != NULL)
    save_screenshot (GTK_WIDGET (fixture->window), screenshot);

  /* A wrong password: the sentence in Chinese, in the same row, and nothing kept. */
  set_text (fixture, "password_row", "not-the-password");
  press_test (fixture);
  text = result_text (fixture);
  g_test_message ("%s", text);
  g_assert_true (gtk_widget_has_css_class (child (fixture, "result_row"), "error"));
  g_assert_true (g_str_has_prefix (text, "无法连接数据库服务器"));
  g_assert_null (strstr (text, "not-the-password"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "result_row"))), ==, "");
  if (screenshot != NULL)
    {
      g_autofree char *base = g_strndup (screenshot, strlen (screenshot) - (g_str_has_suffix (screenshot, ".png") ? 4 : 0));
      g_autofree char *failed = g_strconcat (base, "-failed.png", NULL);

      save_screenshot (GTK_WIDGET (fixture->window), failed);
    }
  g_clear_pointer (&kept, g_free);
  kept = xa_server_credentials_lookup_sync (location, NULL, &error);
  g_assert_cmpstr (kept, ==, password);

  /* A new page finds the kept password in the keyring. */
  xa_test_close_window (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  open_window (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "password_row"))), ==, password);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GTK, which may connect to the session bus: the keyring's bus is the one. */
  keyring = xa_test_keyring_start ();

  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/database-page/server-choice", Fixture, NULL, fixture_set_up, test_server_choice,
              fixture_tear_down);
  g_test_add ("/xa/database-page/connection", Fixture, NULL, fixture_set_up, test_connection,
              fixture_tear_down);

  status = g_test_run ();
  xa_test_keyring_stop (keyring);
  return status;
}
