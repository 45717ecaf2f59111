/* test-pdf-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli pdf sign` and `pdf verify` run as a process ($XIAOAN_CLI): a signed
 * agreement verifies (exit 0) in words and in JSON, and pdfsig agrees; each other state
 * has its exit status (3 unsigned, 4 changed after signing, 6 invalid); a wrong password
 * writes nothing and names the certificate file; usage errors exit 2.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-utils.h"
#include "document/xa-test-signing.h"
#include "document/xa-pdf-file.h"

static char *tmp_dir;
static char *p12;
static char *password_file;
static char *unsigned_pdf;

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static char *
save (GBytes     *pdf,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = path_in_tmp (name);

  xa_pdf_file_save (pdf, path, &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Signs the agreement into @name, which the run must succeed in writing. */
static char *
sign (const char *name,
      gboolean    visible)
{
  g_auto(XaTestRun) run = { 0, };
  char *out = path_in_tmp (name);

  xa_test_run_cli (&run, tmp_dir, "pdf", "sign", unsigned_pdf, "--p12", p12,
                   "--password-file", password_file, "--out", out,
                   visible ? "--visible" : NULL, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return out;
}

static void
test_sign_and_verify (void)
{
  g_autofree char *signed_pdf = sign ("signed.pdf", FALSE);
  g_autofree char *report = xa_test_signing_pdfsig (signed_pdf);
  g_auto(XaTestRun) run = { 0, };
  g_auto(XaTestRun) json_run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *signature;
  JsonArray *signatures;

  g_test_message ("pdfsig:\n%s", report);
  g_assert_nonnull (strstr (report, "Signature is Valid."));
  g_assert_nonnull (strstr (report, "Total document signed"));

  xa_test_run_cli_chinese (&run, tmp_dir, (const char *[]) { "pdf", "verify", signed_pdf, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, XA_TEST_SIGNER));
  g_assert_nonnull (strstr (run.out, "Signature1"));

  xa_test_run_cli (&json_run, tmp_dir, "pdf", "verify", signed_pdf, "--json", NULL);
  g_assert_cmpint (json_run.status, ==, 0);
  json_parser_load_from_data (parser, json_run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  signatures = json_object_get_array_member (root, "signatures");
  g_assert_cmpuint (json_array_get_length (signatures), ==, 1);
  signature = json_array_get_object_element (signatures, 0);
  g_assert_cmpstr (json_object_get_string_member (signature, "state"), ==, "valid");
  g_assert_cmpstr (json_object_get_string_member (signature, "signer"), ==, XA_TEST_SIGNER);
  g_assert_cmpint (json_object_get_int_member (signature, "signed_bytes"), ==,
                   json_object_get_int_member (signature, "file_bytes"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (signature, "certificate"), "-issuer"));
}

static void
assert_verify_status (GBytes     *pdf,
                      const char *name,
                      int         status)
{
  g_autofree char *path = save (pdf, name);
  g_auto(XaTestRun) run = { 0, };

  xa_test_run_cli (&run, tmp_dir, "pdf", "verify", path, NULL);
  g_assert_cmpint (run.status, ==, status);
}

static void
test_exit_statuses (void)
{
  g_autofree char *signed_path = sign ("to-damage.pdf", TRUE);
  g_autoptr(GBytes) signed_pdf = load (signed_path);
  g_autoptr(GBytes) appended = xa_test_signing_append (signed_pdf, "\n%%EOF\n");
  g_autoptr(GBytes) changed = xa_test_signing_change_byte (signed_pdf);
  g_autoptr(GBytes) damaged = xa_test_signing_damage_signature (signed_pdf);
  g_autoptr(GBytes) original = load (unsigned_pdf);
  g_auto(XaTestRun) run = { 0, };

  assert_verify_status (appended, "appended.pdf", 4);
  assert_verify_status (changed, "changed.pdf", 6);
  assert_verify_status (damaged, "damaged.pdf", 6);
  assert_verify_status (original, "unsigned-copy.pdf", 3);

  xa_test_run_cli_chinese (&run, tmp_dir, (const char *[]) { "pdf", "verify", unsigned_pdf, NULL });
  g_assert_cmpint (run.status, ==, 3);
  g_assert_nonnull (strstr (run.out, "unsigned.pdf"));
}

static void
test_wrong_password (void)
{
  g_autofree char *wrong = path_in_tmp ("wrong-password");
  g_autofree char *out = path_in_tmp ("never.pdf");
  g_autoptr(GError) error = NULL;
  g_auto(XaTestRun) run = { 0, };

  g_file_set_contents (wrong, "not-the-password\n", -1, &error);
  g_assert_no_error (error);
  xa_test_run_cli_chinese (&run, tmp_dir, (const char *[]) { "pdf", "sign", unsigned_pdf, "--p12", p12,
                                                             "--password-file", wrong, "--out", out, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "valid.p12"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_usage (void)
{
  g_autofree char *out = path_in_tmp ("usage.pdf");
  g_auto(XaTestRun) no_p12 = { 0, };
  g_auto(XaTestRun) no_out = { 0, };
  g_auto(XaTestRun) password_option = { 0, };
  g_auto(XaTestRun) bad_page = { 0, };

  xa_test_run_cli (&no_p12, tmp_dir, "pdf", "sign", unsigned_pdf, "--out", out, NULL);
  g_assert_cmpint (no_p12.status, ==, 2);
  xa_test_run_cli (&no_out, tmp_dir, "pdf", "sign", unsigned_pdf, "--p12", p12, NULL);
  g_assert_cmpint (no_out.status, ==, 2);
  /* No way to give the password itself on the command line. */
  xa_test_run_cli (&password_option, tmp_dir, "pdf", "sign", unsigned_pdf, "--p12", p12,
                   "--password", XA_TEST_P12_PASSWORD, "--out", out, NULL);
  g_assert_cmpint (password_option.status, ==, 2);
  xa_test_run_cli (&bad_page, tmp_dir, "pdf", "sign", unsigned_pdf, "--p12", p12,
                   "--password-file", password_file, "--page", "0", "--out", out, NULL);
  g_assert_cmpint (bad_page.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) agreement = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("xa-pdf-cli-XXXXXX", &error);
  g_assert_no_error (error);
  p12 = xa_test_signing_make_p12 (tmp_dir, XA_TEST_CERT_VALID);
  password_file = path_in_tmp ("password");
  g_file_set_contents (password_file, XA_TEST_P12_PASSWORD "\n", -1, &error);
  g_assert_no_error (error);
  agreement = xa_test_signing_agreement_pdf ();
  unsigned_pdf = save (agreement, "unsigned.pdf");

  g_test_add_func ("/cli/pdf/sign-and-verify", test_sign_and_verify);
  g_test_add_func ("/cli/pdf/exit-statuses", test_exit_statuses);
  g_test_add_func ("/cli/pdf/wrong-password", test_wrong_password);
  g_test_add_func ("/cli/pdf/usage", test_usage);

  status = g_test_run ();

  xa_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (p12);
  g_free (password_file);
  g_free (unsigned_pdf);
  return status;
}
