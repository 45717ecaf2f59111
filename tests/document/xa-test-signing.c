/* xa-test-signing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fixtures of the digital signature tests, made at run time: no key or certificate is
 * kept in the source tree, and the certificates' dates follow the clock.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "xa-test-signing.h"
#include "core/agreements/xa-template-library.h"
#include "document/xa-agreement-renderer.h"

/**
 * xa_test_signing_run:
 * @argv: a tool and its arguments
 *
 * Runs a tool the fixtures need and fails the test, with what it said, if it fails.
 * Its standard output goes nowhere: it would break the test's TAP output.
 */
void
xa_test_signing_run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

/**
 * xa_test_signing_make_p12:
 * @dir: a folder of the test's own
 *
 * Makes a key and a self-signed certificate with certtool and bundles them into a PKCS#12
 * file protected by %XA_TEST_P12_PASSWORD.
 *
 * Returns: (transfer full): the .p12 file's path
 */
char *
xa_test_signing_make_p12 (const char     *dir,
                          XaTestCertKind  kind)
{
  static const char * const names[] = { "valid", "expired", "nokey" };
  g_autofree char *key = g_strdup_printf ("%s/%s-key.pem", dir, names[kind]);
  g_autofree char *cert = g_strdup_printf ("%s/%s-cert.pem", dir, names[kind]);
  g_autofree char *template_path = g_strdup_printf ("%s/%s.tmpl", dir, names[kind]);
  char *p12 = g_strdup_printf ("%s/%s.p12", dir, names[kind]);
  g_autoptr(GString) template = g_string_new ("cn = \"" XA_TEST_SIGNER "\"\n"
                                              "organization = \"示例区教育委员会\"\n"
                                              "serial = 7\n"
                                              "signing_key\n");
  g_autoptr(GError) error = NULL;

  if (kind == XA_TEST_CERT_EXPIRED)
    g_string_append (template, "activation_date = \"2004-02-29 16:21:42\"\n"
                               "expiration_date = \"2005-02-28 16:24:41\"\n");
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
      g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
      g_autofree char *from = g_date_time_format (yesterday, "%Y-%m-%d %H:%M:%S");
      g_autofree char *to = g_date_time_format (later, "%Y-%m-%d %H:%M:%S");

      g_string_append_printf (template, "activation_date = \"%s\"\nexpiration_date = \"%s\"\n", from, to);
    }

  g_file_set_contents (template_path, template->str, -1, &error);
  g_assert_no_error (error);

  xa_test_signing_run ((const char *[]) { "certtool", "--generate-privkey", "--key-type", "rsa", "--bits", "2048",
                          "--outfile", key, NULL });
  xa_test_signing_run ((const char *[]) { "certtool", "--generate-self-signed", "--load-privkey", key,
                          "--template", template_path, "--outfile", cert, NULL });
  if (kind == XA_TEST_CERT_NO_KEY)
    xa_test_signing_run ((const char *[]) { "certtool", "--to-p12", "--load-certificate", cert, "--p12-name", "test",
                            "--password", XA_TEST_P12_PASSWORD, "--outder", "--outfile", p12, NULL });
  else
    xa_test_signing_run ((const char *[]) { "certtool", "--to-p12", "--load-privkey", key, "--load-certificate", cert,
                            "--p12-name", "test", "--password", XA_TEST_P12_PASSWORD, "--outder",
                            "--outfile", p12, NULL });

  return p12;
}

/* The default agreement of 2021-2022, the commission's copy, as the app prints it. */
GBytes *
xa_test_signing_agreement_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_library_load_builtin (&error);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  GBytes *pdf;
  XaTemplateValues values = {
    .school_year = 2021,
    .school_name = "示例区实验小学",
    .commission_name = "示例区教育委员会",
  };

  g_assert_no_error (error);
  layout = xa_agreement_layout_new (template, &values, XA_AGREEMENT_COPY_COMMISSION, fonts);
  pdf = xa_page_layout_render_pdf (layout, &error);
  g_assert_no_error (error);
  return pdf;
}

/**
 * xa_test_signing_pdfsig:
 *
 * Returns: (transfer full): what Poppler's own `pdfsig` prints of @path; its exit status
 *   is 0 whatever the signatures, so the test reads the words
 */
char *
xa_test_signing_pdfsig (const char *path)
{
  const char *argv[] = { "pdfsig", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static GBytes *
copy_with (GBytes *pdf,
           gsize   at,
           guint8  value)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  guint8 *copy = g_memdup2 (data, size);

  g_assert_cmpuint (at, <, size);
  g_assert_cmpint (copy[at], !=, value);
  copy[at] = value;
  return g_bytes_new_take (copy, size);
}

/* One byte inside the signed range changed: a bit of the binary comment on the second
 * line, which every reader skips, so that only the digest tells. */
GBytes *
xa_test_signing_change_byte (GBytes *pdf)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  const guint8 *line_end = memchr (data, '\n', size);

  g_assert_nonnull (line_end);
  g_assert_cmpint (line_end[1], ==, '%');
  g_assert_cmpint (line_end[2], >=, 0x80);
  return copy_with (pdf, line_end + 2 - data, line_end[2] ^ 0x01);
}

/* A hex digit of the last signature's value changed: near the end of the CMS, whose
 * DER length its first bytes give (30 82 LL LL). */
GBytes *
xa_test_signing_damage_signature (GBytes *pdf)
{
  static const char key[] = "/Contents <";
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *contents = NULL;
  char length_hex[5] = { 0, };
  gsize der_length, at;

  for (const char *p = data; (p = memmem (p, data + size - p, key, strlen (key))) != NULL; p++)
    contents = p + strlen (key);
  g_assert_nonnull (contents);
  g_assert_true (g_ascii_strncasecmp (contents, "3082", 4) == 0);

  memcpy (length_hex, contents + 4, 4);
  der_length = 4 + g_ascii_strtoull (length_hex, NULL, 16);
  at = contents - data + 2 * (der_length - 20);
  g_assert_true (g_ascii_isxdigit (data[at]));
  return copy_with (pdf, at, data[at] == '0' ? '1' : '0');
}

GBytes *
xa_test_signing_append (GBytes     *pdf,
                        const char *text)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);
  g_autoptr(GByteArray) out = g_byte_array_new ();

  g_byte_array_append (out, data, size);
  g_byte_array_append (out, (const guint8 *) text, strlen (text));
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
