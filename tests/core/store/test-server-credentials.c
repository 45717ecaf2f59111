/* test-server-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database password in a real keyring (gnome-keyring-daemon on a private bus, see
 * xa-test-keyring.c): stored, found again by host, port, database and user and by no
 * other server, replaced, cleared; never written in clear to a file or a setting; and a
 * session without a keyring gives one sentence of ours, not D-Bus English.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xa-test-keyring.h"
#include "core/store/xa-server-credentials.h"

static XaTestKeyring *keyring;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static char *
lookup (const XaServerLocation  *location,
        GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  xa_server_credentials_lookup_async (location, NULL, got_result_cb, &result);
  return xa_server_credentials_lookup_finish (wait_for (&result), error);
}

static void
store (const XaServerLocation *location,
       const char             *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  xa_server_credentials_store_async (location, password, NULL, got_result_cb, &result);
  g_assert_true (xa_server_credentials_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
clear (const XaServerLocation *location)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  xa_server_credentials_clear_async (location, NULL, got_result_cb, &result);
  g_assert_true (xa_server_credentials_clear_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
assert_password (const XaServerLocation *location,
                 const char             *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = lookup (location, &error);
  g_autofree char *found_sync = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, expected);

  found_sync = xa_server_credentials_lookup_sync (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found_sync, ==, expected);
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(XaServerLocation) school = xa_server_location_new ("db.district.cn", 5432, "xiaoan", "wang@school1", "verify-full");
  g_autoptr(XaServerLocation) other_user = xa_server_location_new ("db.district.cn", 5432, "xiaoan", "li", "verify-full");
  g_autoptr(XaServerLocation) other_port = xa_server_location_new ("db.district.cn", 5433, "xiaoan", "wang@school1", "verify-full");
  g_autoptr(XaServerLocation) other_db = xa_server_location_new ("db.district.cn", 5432, "xiaoan test", "wang@school1", "verify-full");
  g_autoptr(XaServerLocation) same_other_tls = xa_server_location_new ("db.district.cn", 5432, "xiaoan", "wang@school1", "require");
  const char *password = "校安 p@ss:'\"%20;";

  assert_password (school, NULL);

  store (school, password);
  assert_password (school, password);
  /* The TLS mode is how to connect, not whose password it is. */
  assert_password (same_other_tls, password);
  assert_password (other_user, NULL);
  assert_password (other_port, NULL);
  assert_password (other_db, NULL);

  /* Two accounts keep their own; a new password replaces the old. */
  store (other_user, "li-secret");
  store (school, "second");
  assert_password (school, "second");
  assert_password (other_user, "li-secret");

  clear (school);
  assert_password (school, NULL);
  assert_password (other_user, "li-secret");
  /* Clearing what is not there is what was asked. */
  clear (school);
  clear (other_user);
}

static void
test_not_in_clear (void)
{
  g_autoptr(XaServerLocation) school = xa_server_location_new ("db.district.cn", 5432, "xiaoan", "zhao", "verify-full");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xiaoan.Xiaoan");
  g_autofree char *keyrings = g_build_filename (xa_test_keyring_get_home (keyring), "XDG_DATA_HOME", "keyrings",
                                                "login.keyring", NULL);
  const char *password = "Ku8-unmistakable-password";
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0;
  gsize after_length = 0;

  g_assert_true (g_file_get_contents (keyrings, &before, &before_length, NULL));
  store (school, password);
  assert_password (school, password);

  /* The login keyring keeps it on disk, so that it outlives the session, encrypted: the
   * file grew, and the password is not readable in it or in any other file, nor in a
   * setting. */
  g_assert_true (g_file_get_contents (keyrings, &after, &after_length, NULL));
  g_assert_cmpuint (after_length, >, before_length);
  xa_test_assert_tree_lacks (xa_test_keyring_get_home (keyring), password);
  xa_test_assert_settings_lack (settings, password);
  clear (school);
}

/* Last: it ends the daemon. */
static void
test_no_keyring (void)
{
  g_autoptr(XaServerLocation) school = xa_server_location_new ("db.district.cn", 5432, "xiaoan", "zhao", "verify-full");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  xa_test_keyring_kill_daemon (keyring);

  found = lookup (school, &error);
  g_assert_null (found);
  g_assert_error (error, XA_SERVER_CREDENTIALS_ERROR, XA_SERVER_CREDENTIALS_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_clear_error (&error);

  g_assert_null (xa_server_credentials_lookup_sync (school, NULL, &error));
  g_assert_error (error, XA_SERVER_CREDENTIALS_ERROR, XA_SERVER_CREDENTIALS_ERROR_KEYRING);
  g_clear_error (&error);

  xa_server_credentials_store_async (school, "x", NULL, got_result_cb, &result);
  g_assert_false (xa_server_credentials_store_finish (wait_for (&result), &error));
  g_assert_error (error, XA_SERVER_CREDENTIALS_ERROR, XA_SERVER_CREDENTIALS_ERROR_KEYRING);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Messages stay in English: no text domain is bound, and the locale is C. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  keyring = xa_test_keyring_start ();

  g_test_add_func ("/xa/server-credentials/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/xa/server-credentials/not-in-clear", test_not_in_clear);
  g_test_add_func ("/xa/server-credentials/no-keyring", test_no_keyring);

  status = g_test_run ();
  xa_test_keyring_stop (keyring);
  return status;
}
