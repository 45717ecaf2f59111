/* xa-test-keyring.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real keyring for the tests of the database password: a private session bus
 * (GTestDBus) with gnome-keyring-daemon on it, in a throwaway HOME, so that a test
 * never touches the user's keyring, needs no bus from outside (and so never skips),
 * and leaves no daemon behind. The daemon is unlocked with a password on its standard
 * input, which creates the login keyring as the default collection, as on a desktop;
 * with an empty one it would ask a prompter that a headless session lacks.
 */

/* memmem(): the keyring's files are binary, which g_strstr_len() stops in. */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-keyring.h"
#include "xa-test-utils.h"

struct _XaTestKeyring
{
  GTestDBus *bus;
  char      *home;
  GPid       daemon;
  gboolean   exited;
};

static void
daemon_exited_cb (GPid     pid,
                  int      status,
                  gpointer user_data)
{
  XaTestKeyring *self = user_data;

  g_spawn_close_pid (pid);
  self->exited = TRUE;
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  gboolean *appeared = user_data;

  *appeared = TRUE;
}

/**
 * xa_test_keyring_start:
 *
 * Points HOME and the XDG folders at a new temporary folder, starts a session bus and
 * gnome-keyring-daemon (secrets only) on it, and waits until the daemon owns its name.
 * Call it before anything connects to the session bus.
 *
 * Returns: (transfer full): the keyring; xa_test_keyring_stop() ends it
 */
XaTestKeyring *
xa_test_keyring_start (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *display = NULL;
  g_autofree char *daemon_path = NULL;
  const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets", NULL };
  XaTestKeyring *self = g_new0 (XaTestKeyring, 1);
  const char *unlock = "xiaoan-test-unlock";
  gboolean appeared = FALSE;
  int stdin_fd = -1;
  guint watch;

  self->home = g_dir_make_tmp ("xiaoan-test-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", self->home, TRUE);
  for (guint i = 0; i < 4; i++)
    {
      const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR" };
      g_autofree char *dir = g_build_filename (self->home, names[i], NULL);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_setenv (names[i], dir, TRUE);
    }

  /* g_test_dbus_up() unsets DISPLAY, which a UI test still needs. */
  display = g_strdup (g_getenv ("DISPLAY"));
  self->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  daemon_path = g_find_program_in_path (argv[0]);
  if (daemon_path == NULL)
    g_error ("gnome-keyring-daemon is missing: build-aux/setup.sh installs it (package gnome-keyring)");

  envp = g_get_environ ();
  g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                            NULL, NULL, &self->daemon, &stdin_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  g_child_watch_add (self->daemon, daemon_exited_cb, self);
  g_assert_cmpint (write (stdin_fd, unlock, strlen (unlock)), ==, (gssize) strlen (unlock));
  close (stdin_fd);

  watch = g_bus_watch_name (G_BUS_TYPE_SESSION, "org.freedesktop.secrets", G_BUS_NAME_WATCHER_FLAGS_NONE,
                            name_appeared_cb, NULL, &appeared, NULL);
  while (!appeared && !self->exited)
    g_main_context_iteration (NULL, TRUE);
  g_bus_unwatch_name (watch);
  if (self->exited)
    g_error ("gnome-keyring-daemon ended as it started");

  return self;
}

/**
 * xa_test_keyring_get_home:
 *
 * Returns: the temporary HOME, which holds the XDG folders and the keyring's files
 */
const char *
xa_test_keyring_get_home (XaTestKeyring *self)
{
  return self->home;
}

/**
 * xa_test_keyring_kill_daemon:
 *
 * Ends the keyring daemon, leaving the bus: what a session without a keyring is like.
 */
void
xa_test_keyring_kill_daemon (XaTestKeyring *self)
{
  if (self->exited)
    return;

  kill (self->daemon, SIGTERM);
  while (!self->exited)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * xa_test_keyring_stop:
 *
 * Ends the daemon and the bus, and removes the temporary HOME. Call it last, just
 * before the test program returns.
 */
void
xa_test_keyring_stop (XaTestKeyring *self)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  xa_test_keyring_kill_daemon (self);
  secret_service_disconnect ();
  /* The bus going away must not end the program, as it does by default. */
  if (connection != NULL)
    g_dbus_connection_set_exit_on_close (connection, FALSE);

  /* Stop, not down, and the GTestDBus is left to the end of the program: down (and
   * the object's dispose) would wait for every reference to the bus connection to go,
   * and libsecret keeps proxies of the keyring that hold one. */
  g_test_dbus_stop (self->bus);
  xa_test_remove_tree (self->home);
  g_free (self->home);
  g_free (self);
}

/**
 * xa_test_assert_tree_lacks:
 *
 * Asserts that no file under @dir holds @secret as it is (UTF-8 bytes).
 */
void
xa_test_assert_tree_lacks (const char *dir,
                           const char *secret)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        xa_test_assert_tree_lacks (path, secret);
      else if (g_file_get_contents (path, &contents, &length, NULL) &&
               memmem (contents, length, secret, strlen (secret)) != NULL)
        g_error ("The secret is written in clear in %s", path);
    }
}

/**
 * xa_test_assert_settings_lack:
 *
 * Asserts that no key of @settings holds @secret, whole or as part of a value.
 */
void
xa_test_assert_settings_lack (GSettings  *settings,
                              const char *secret)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = NULL;

      /* A string as it is: printing would escape quotes in it. */
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        text = g_variant_dup_string (value, NULL);
      else
        text = g_variant_print (value, FALSE);

      if (strstr (text, secret) != NULL)
        g_error ("The secret is in the setting %s", keys[i]);
    }
}
