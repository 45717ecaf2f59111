/* test-server-location.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server of the preferences as a libpq URI and back: every part is escaped (a user
 * name with @, a database name with a space, Chinese), an IPv6 address goes in brackets,
 * a socket folder is one escaped host, TLS is asked for off this machine only, and a
 * URI with a password, another scheme or a port out of range is refused in words.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/store/xa-server-location.h"

static void
assert_same (const XaServerLocation *a,
             const XaServerLocation *b)
{
  g_assert_cmpstr (a->host, ==, b->host);
  g_assert_cmpint (a->port, ==, b->port);
  g_assert_cmpstr (a->database, ==, b->database);
  g_assert_cmpstr (a->user, ==, b->user);
  g_assert_cmpstr (a->tls, ==, b->tls);
}

static void
test_to_uri (void)
{
  const struct { const char *host; int port; const char *database; const char *user; const char *tls; const char *uri; } cases[] = {
    { "db.example.cn", 5432, "xiaoan", "district", "verify-full",
      "postgresql://district@db.example.cn:5432/xiaoan?sslmode=verify-full&connect_timeout=10" },
    { "db.example.cn", 6543, "school data", "wang@school1", "require",
      "postgresql://wang%40school1@db.example.cn:6543/school%20data?sslmode=require&connect_timeout=10" },
    { "2001:db8::5", 5432, "xiaoan", "u", "verify-ca",
      "postgresql://u@[2001:db8::5]:5432/xiaoan?sslmode=verify-ca&connect_timeout=10" },
    { "fe80::1%eth0", 5432, "x", "u", "require",
      "postgresql://u@[fe80::1%25eth0]:5432/x?sslmode=require&connect_timeout=10" },
    /* On this machine TLS is welcome but not required: a local server often has no certificate. */
    { "localhost", 5432, "xiaoan", "u", "verify-full",
      "postgresql://u@localhost:5432/xiaoan?sslmode=prefer&connect_timeout=10" },
    { "::1", 5433, "xiaoan", "u", "verify-full",
      "postgresql://u@[::1]:5433/xiaoan?sslmode=prefer&connect_timeout=10" },
    { "/var/run/postgresql", 5432, "xiaoan", "u", "verify-full",
      "postgresql://u@%2Fvar%2Frun%2Fpostgresql:5432/xiaoan?sslmode=prefer&connect_timeout=10" },
    { "  db.example.cn ", 5432, "校安", "张三", "require",
      "postgresql://%E5%BC%A0%E4%B8%89@db.example.cn:5432/%E6%A0%A1%E5%AE%89?sslmode=require&connect_timeout=10" },
    { "db.example.cn", 5432, "a/b?c#d&e=f", "u:v", NULL,
      "postgresql://u%3Av@db.example.cn:5432/a%2Fb%3Fc%23d%26e%3Df?connect_timeout=10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XaServerLocation) location = xa_server_location_new (cases[i].host, cases[i].port,
                                                                      cases[i].database, cases[i].user,
                                                                      cases[i].tls);
      g_autoptr(XaServerLocation) parsed = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = xa_server_location_to_uri (location);

      g_assert_cmpstr (uri, ==, cases[i].uri);

      /* And back: the same server, except that a local one says prefer. */
      parsed = xa_server_location_parse (uri, &error);
      g_assert_no_error (error);
      if (xa_server_location_is_local (location))
        {
          g_assert_cmpstr (parsed->tls, ==, "prefer");
          g_free (parsed->tls);
          parsed->tls = g_strdup (location->tls);
        }
      assert_same (parsed, location);
    }
}

static void
test_parse (void)
{
  g_autoptr(XaServerLocation) expected = NULL;
  g_autoptr(GError) error = NULL;
  const struct { const char *uri; const char *host; int port; const char *database; const char *user; const char *tls; } cases[] = {
    { "postgresql://", "", 5432, "", "", NULL },
    { "postgres://db.example.cn/xiaoan", "db.example.cn", 5432, "xiaoan", "", NULL },
    { "POSTGRESQL://a%40b@[2001:db8::5]:6000/my%20db?sslmode=verify-ca", "2001:db8::5", 6000, "my db", "a@b", "verify-ca" },
    /* Parameters win over the parts, as in libpq, and are decoded. */
    { "postgresql:///xiaoan?host=%2Fvar%2Frun%2Fpostgresql&port=5433&user=%E7%8E%8B&dbname=other&application_name=x",
      "/var/run/postgresql", 5433, "other", "王", NULL },
    { "postgresql://u@h/d?sslmode=disable", "h", 5432, "d", "u", "disable" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XaServerLocation) parsed = xa_server_location_parse (cases[i].uri, &error);
      g_autoptr(XaServerLocation) want = xa_server_location_new (cases[i].host, cases[i].port, cases[i].database,
                                                                  cases[i].user, cases[i].tls);

      g_assert_no_error (error);
      assert_same (parsed, want);
    }
}

static void
test_parse_refused (void)
{
  const char *refused[] = {
    "/home/school/xiaoan",
    "mysql://u@h/d",
    "postgresql://u:secret@h/d",
    "postgresql://u@h/d?password=secret",
    "postgresql://u@h:0/d",
    "postgresql://u@h:65536/d",
    "postgresql://u@h/d?port=70000",
    "postgresql://u@h/d?sslmode=sometimes",
    "postgresql://u@h/%FF",
    "postgresql://u@h/d#x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XaServerLocation) parsed = xa_server_location_parse (refused[i], &error);

      g_test_message ("%s", refused[i]);
      g_assert_null (parsed);
      g_assert_error (error, XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID);
      /* A refused address is never echoed: it may hold the password. */
      g_assert_null (strstr (error->message, "secret"));
    }
}

static void
test_validate (void)
{
  const struct { const char *host; int port; const char *database; const char *user; const char *tls; const char *field; } cases[] = {
    { "", 5432, "xiaoan", "u", "require", "Host" },
    { "db example", 5432, "xiaoan", "u", "require", "Host" },
    { "h", 0, "xiaoan", "u", "require", "Port" },
    { "h", 65536, "xiaoan", "u", "require", "Port" },
    { "h", 5432, " ", "u", "require", "Database" },
    { "h", 5432, "xiaoan", "", "require", "User Name" },
    { "h", 5432, "xiaoan", "u", "maybe", "Encryption" },
  };
  g_autoptr(XaServerLocation) good = xa_server_location_new ("h", 65535, "xiaoan", "u", "verify-full");
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_server_location_validate (good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XaServerLocation) location = xa_server_location_new (cases[i].host, cases[i].port,
                                                                      cases[i].database, cases[i].user,
                                                                      cases[i].tls);

      g_assert_false (xa_server_location_validate (location, &error));
      g_assert_error (error, XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].field));
      g_clear_error (&error);
    }
}

static void
test_port (void)
{
  const char *bad[] = { "", " ", "0", "65536", "-1", "54x", "5432.0", "１２３", "99999999999999999999" };
  int port = 0;

  g_assert_true (xa_server_port_parse (" 6543 ", &port, NULL));
  g_assert_cmpint (port, ==, 6543);
  g_assert_true (xa_server_port_parse ("1", &port, NULL));
  g_assert_cmpint (port, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      port = 77;
      g_assert_false (xa_server_port_parse (bad[i], &port, &error));
      g_assert_cmpint (port, ==, 77);
      g_assert_error (error, XA_SERVER_LOCATION_ERROR, XA_SERVER_LOCATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Port"));
    }
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.xiaoan.Xiaoan");
  g_autoptr(XaServerLocation) location = NULL;
  g_autofree char *uri = NULL;

  /* The defaults: PostgreSQL's port, the database xiaoan, full verification. */
  location = xa_server_location_new_from_settings (settings);
  g_assert_cmpint (location->port, ==, XA_SERVER_DEFAULT_PORT);
  g_assert_cmpstr (location->database, ==, "xiaoan");
  g_assert_cmpstr (location->tls, ==, "verify-full");
  g_clear_pointer (&location, xa_server_location_free);

  g_settings_set_string (settings, "server-host", "db.district.cn");
  g_settings_set_int (settings, "server-port", 6432);
  g_settings_set_string (settings, "server-user", "school-7");
  g_settings_set_string (settings, "server-tls", "verify-ca");
  location = xa_server_location_new_from_settings (settings);
  uri = xa_server_location_to_uri (location);
  g_assert_cmpstr (uri, ==, "postgresql://school-7@db.district.cn:6432/xiaoan?sslmode=verify-ca&connect_timeout=10");
}

int
main (int   argc,
      char *argv[])
{
  /* Messages stay in English: no text domain is bound, and the locale is C. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/server-location/to-uri", test_to_uri);
  g_test_add_func ("/xa/server-location/parse", test_parse);
  g_test_add_func ("/xa/server-location/parse-refused", test_parse_refused);
  g_test_add_func ("/xa/server-location/validate", test_validate);
  g_test_add_func ("/xa/server-location/port", test_port);
  g_test_add_func ("/xa/server-location/settings", test_settings);

  return g_test_run ();
}
