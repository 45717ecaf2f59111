/* test-pdf-signer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Digital signatures (issue 12), on an agreement as the app renders it and a throwaway
 * certificate made at run time: Poppler's own pdfsig finds our signature valid and
 * covering the whole file; our verifier tells the four states apart exactly (a byte
 * changed in the signed range, bytes appended after signing, the signature value
 * damaged), says when a file is unsigned, and verifies a file that another program
 * signed. Bad certificate files are refused with a message that names them.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

#include "xa-test-pdf.h"
#include "xa-test-signing.h"
#include "xa-test-utils.h"
#include "document/xa-pdf-file.h"
#include "document/xa-pdf-signer.h"
#include "document/xa-pdf-verify.h"

/* Made once: certtool's keys take a while. */
static char *tmp_dir;
static char *valid_p12;
static GBytes *agreement;

static XaPdfCredentials *
load_credentials (void)
{
  g_autoptr(GError) error = NULL;
  XaPdfCredentials *credentials = xa_pdf_credentials_load (valid_p12, XA_TEST_P12_PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (xa_pdf_credentials_get_name (credentials), ==, XA_TEST_SIGNER);
  return credentials;
}

static GBytes *
sign (GBytes                 *pdf,
      const XaPdfSignOptions *options)
{
  g_autoptr(XaPdfCredentials) credentials = load_credentials ();
  g_autoptr(GError) error = NULL;
  GBytes *signed_pdf = xa_pdf_sign_bytes (pdf, "agreement.pdf", credentials, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (signed_pdf);
  return signed_pdf;
}

static GPtrArray *
verify (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *signatures = xa_pdf_verify_bytes (pdf, "agreement.pdf", NULL, &error);

  g_assert_no_error (error);
  return signatures;
}

static XaPdfSignatureState
only_state (GBytes *pdf)
{
  g_autoptr(GPtrArray) signatures = verify (pdf);
  const XaPdfSignature *signature;

  g_assert_cmpuint (signatures->len, ==, 1);
  signature = g_ptr_array_index (signatures, 0);
  return signature->state;
}

static char *
save (GBytes     *pdf,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  xa_pdf_file_save (pdf, path, &error);
  g_assert_no_error (error);
  return path;
}

/* What pdfsig says of @pdf: valid, and the whole document signed. */
static void
assert_pdfsig_valid (GBytes     *pdf,
                     const char *name,
                     guint       n_signatures)
{
  g_autofree char *path = save (pdf, name);
  g_autofree char *report = xa_test_signing_pdfsig (path);
  g_autofree char *last = g_strdup_printf ("Signature #%u:", n_signatures);
  const char *tail;

  g_test_message ("pdfsig %s:\n%s", name, report);
  tail = strstr (report, last);
  g_assert_nonnull (tail);
  g_assert_nonnull (strstr (tail, "Signature Validation: Signature is Valid."));
  g_assert_nonnull (strstr (tail, "Total document signed"));
  g_assert_nonnull (strstr (report, "Signature Type: adbe.pkcs7.detached"));
  g_assert_nonnull (strstr (report, "Signing Hash Algorithm: SHA-256"));
}

static void
test_valid (void)
{
  g_autoptr(GBytes) signed_pdf = sign (agreement, NULL);
  g_autoptr(GPtrArray) signatures = verify (signed_pdf);
  const XaPdfSignature *signature;
  gsize original_size = 0, size = 0;
  const void *original = g_bytes_get_data (agreement, &original_size);
  const void *data = g_bytes_get_data (signed_pdf, &size);

  /* An incremental update: the original bytes are untouched. */
  g_assert_cmpuint (size, >, original_size);
  g_assert_cmpmem (data, original_size, original, original_size);

  g_assert_cmpuint (signatures->len, ==, 1);
  signature = g_ptr_array_index (signatures, 0);
  g_assert_cmpint (signature->state, ==, XA_PDF_SIGNATURE_VALID);
  g_assert_cmpstr (signature->signer, ==, XA_TEST_SIGNER);
  g_assert_cmpstr (signature->field, ==, "Signature1");
  g_assert_nonnull (signature->time);
  g_assert_cmpuint (signature->signed_end, ==, size);
  /* Self-signed: not trusted, and not invalid for that. */
  g_assert_true (signature->certificate == XA_PDF_CERTIFICATE_UNTRUSTED_ISSUER
                 || signature->certificate == XA_PDF_CERTIFICATE_UNKNOWN_ISSUER);

  assert_pdfsig_valid (signed_pdf, "valid.pdf", 1);
  xa_test_qpdf_check_bytes (signed_pdf);
}

static void
test_changed_byte (void)
{
  g_autoptr(GBytes) signed_pdf = sign (agreement, NULL);
  g_autoptr(GBytes) changed = xa_test_signing_change_byte (signed_pdf);

  g_assert_cmpint (only_state (changed), ==, XA_PDF_SIGNATURE_INVALID);
}

static void
test_appended (void)
{
  g_autoptr(GBytes) signed_pdf = sign (agreement, NULL);
  g_autoptr(GBytes) junk = xa_test_signing_append (signed_pdf, "% 加上的\n%%EOF\n");

  g_assert_cmpint (only_state (junk), ==, XA_PDF_SIGNATURE_CHANGED);
}

/* A second signature is an update after the first: the first is valid for what it
 * signed, and no longer the whole file. */
static void
test_second_signature (void)
{
  g_autoptr(GBytes) once = sign (agreement, NULL);
  g_autoptr(GBytes) twice = sign (once, NULL);
  g_autoptr(GPtrArray) signatures = verify (twice);
  const XaPdfSignature *first, *second;

  g_assert_cmpuint (signatures->len, ==, 2);
  first = g_ptr_array_index (signatures, 0);
  second = g_ptr_array_index (signatures, 1);
  g_assert_cmpstr (first->field, ==, "Signature1");
  g_assert_cmpstr (second->field, ==, "Signature2");
  g_assert_cmpint (first->state, ==, XA_PDF_SIGNATURE_CHANGED);
  g_assert_cmpuint (first->signed_end, ==, g_bytes_get_size (once));
  g_assert_cmpint (second->state, ==, XA_PDF_SIGNATURE_VALID);

  assert_pdfsig_valid (twice, "twice.pdf", 2);
}

static void
test_damaged_signature (void)
{
  g_autoptr(GBytes) signed_pdf = sign (agreement, NULL);
  g_autoptr(GBytes) damaged = xa_test_signing_damage_signature (signed_pdf);

  g_assert_cmpint (only_state (damaged), ==, XA_PDF_SIGNATURE_INVALID);
}

static void
test_unsigned (void)
{
  g_autoptr(GPtrArray) signatures = verify (agreement);

  g_assert_cmpuint (signatures->len, ==, 0);
}

/* Object and cross-reference streams, as Cairo 1.18 writes: the update's
 * cross-reference is a stream too. */
static void
test_xref_stream (void)
{
  const char * const options[] = { "--object-streams=generate", NULL };
  g_autoptr(GBytes) streams = xa_test_qpdf_rewrite (agreement, options);
  g_autoptr(GBytes) signed_pdf = sign (streams, NULL);

  g_assert_cmpint (only_state (signed_pdf), ==, XA_PDF_SIGNATURE_VALID);
  assert_pdfsig_valid (signed_pdf, "streams.pdf", 1);
  xa_test_qpdf_check_bytes (signed_pdf);
}

static void
test_visible (void)
{
  XaPdfSignOptions options = { -1, TRUE, { 0, 0, 0, 0 }, NULL };
  g_autoptr(GBytes) signed_pdf = sign (agreement, &options);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GList *annots;
  guint n_widgets = 0;

  g_assert_cmpint (only_state (signed_pdf), ==, XA_PDF_SIGNATURE_VALID);
  assert_pdfsig_valid (signed_pdf, "visible.pdf", 1);
  xa_test_qpdf_check_bytes (signed_pdf);

  /* The field sits on the last page, with a size. */
  document = poppler_document_new_from_bytes (signed_pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, poppler_document_get_n_pages (document) - 1);
  annots = poppler_page_get_annot_mapping (page);
  for (GList *l = annots; l != NULL; l = l->next)
    {
      PopplerAnnotMapping *mapping = l->data;

      if (poppler_annot_get_annot_type (mapping->annot) == POPPLER_ANNOT_WIDGET)
        {
          n_widgets++;
          g_assert_cmpfloat (mapping->area.x2 - mapping->area.x1, >, 100);
          g_assert_cmpfloat (mapping->area.y2 - mapping->area.y1, >, 40);
        }
    }
  poppler_page_free_annot_mapping (annots);
  g_assert_cmpuint (n_widgets, ==, 1);
}

/* The agreement with a signature field left empty on its last page, for someone to sign
 * later, as e-signature services send their forms: written whole by qpdf. */
static GBytes *
with_empty_field (GBytes *pdf)
{
  qpdf_data qpdf = qpdf_init ();
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  qpdf_oh field, page, root, annots, form;
  GBytes *out;

  qpdf_read_memory (qpdf, "agreement.pdf", data, size, NULL);
  page = qpdf_get_page_n (qpdf, qpdf_get_num_pages (qpdf) - 1);
  field = qpdf_make_indirect_object (qpdf, qpdf_oh_parse (qpdf, "<< /Type /Annot /Subtype /Widget /FT /Sig "
                                                                "/T (Empty) /F 4 /Rect [ 0 0 0 0 ] >>"));
  qpdf_oh_replace_key (qpdf, field, "/P", page);
  annots = qpdf_oh_new_array (qpdf);
  qpdf_oh_append_item (qpdf, annots, field);
  qpdf_oh_replace_key (qpdf, page, "/Annots", annots);
  form = qpdf_oh_parse (qpdf, "<< /Fields [ ] >>");
  qpdf_oh_append_item (qpdf, qpdf_oh_get_key (qpdf, form, "/Fields"), field);
  root = qpdf_get_root (qpdf);
  qpdf_oh_replace_key (qpdf, root, "/AcroForm", form);
  qpdf_init_write_memory (qpdf);
  qpdf_write (qpdf);
  g_assert_false (qpdf_has_error (qpdf));
  out = g_bytes_new (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));
  qpdf_cleanup (&qpdf);
  return out;
}

/* A field left for a signature is no signature: the file is unsigned until it is
 * signed, and then has one signature, in a field of another name, valid for the whole
 * file; the empty field stays in the form. */
static void
test_empty_field (void)
{
  g_autoptr(GBytes) form = with_empty_field (agreement);
  g_autoptr(GBytes) signed_pdf = sign (form, NULL);
  g_autoptr(GPtrArray) unsigned_signatures = verify (form);
  g_autoptr(GPtrArray) signatures = verify (signed_pdf);
  const XaPdfSignature *signature;

  g_assert_cmpuint (unsigned_signatures->len, ==, 0);
  g_assert_cmpuint (signatures->len, ==, 1);
  signature = g_ptr_array_index (signatures, 0);
  g_assert_cmpstr (signature->field, ==, "Signature1");
  g_assert_cmpint (signature->state, ==, XA_PDF_SIGNATURE_VALID);
  g_assert_nonnull (memmem (g_bytes_get_data (signed_pdf, NULL), g_bytes_get_size (signed_pdf),
                            "/T (Empty)", strlen ("/T (Empty)")));
  assert_pdfsig_valid (signed_pdf, "empty-field.pdf", 2);
}

/* The same byte range signed by OpenSSL instead of GnuTLS: a CMS of another maker
 * (its own attributes, their order, its S/MIME capabilities) verifies as well. */
static void
test_openssl_cms (void)
{
  g_autoptr(GBytes) signed_pdf = sign (agreement, NULL);
  g_autofree char *in = g_build_filename (tmp_dir, "openssl-in.bin", NULL);
  g_autofree char *der = g_build_filename (tmp_dir, "openssl.der", NULL);
  g_autofree char *cert = g_build_filename (tmp_dir, "valid-cert.pem", NULL);
  g_autofree char *key = g_build_filename (tmp_dir, "valid-key.pem", NULL);
  const char *argv[] = { "openssl", "cms", "-sign", "-binary", "-nosmimecap", "-md", "sha256", "-in", in,
                         "-signer", cert, "-inkey", key, "-outform", "DER", "-out", der, NULL };
  g_autoptr(GByteArray) range = g_byte_array_new ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GBytes) resigned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cms = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  gsize size = 0, cms_length = 0;
  const guint8 *data = g_bytes_get_data (signed_pdf, &size);
  const char *at = memmem (data, size, "/ByteRange [", strlen ("/ByteRange ["));
  guint64 a, b, c, d;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return;
    }

  g_assert_nonnull (at);
  g_assert_cmpint (sscanf (at + strlen ("/ByteRange ["), "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT
                           " %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &a, &b, &c, &d), ==, 4);
  g_byte_array_append (range, data + a, b);
  g_byte_array_append (range, data + c, d);
  g_file_set_contents (in, (const char *) range->data, range->len, &error);
  g_assert_no_error (error);

  xa_test_signing_run (argv);
  g_file_get_contents (der, &cms, &cms_length, &error);
  g_assert_no_error (error);

  /* Into /Contents, after its "<", padded with the zeros that were there. */
  g_byte_array_append (out, data, size);
  g_assert_cmpuint (2 * cms_length, <, c - b - 2);
  for (gsize i = 0; i < cms_length; i++)
    {
      static const char hex[] = "0123456789ABCDEF";

      out->data[b + 1 + 2 * i] = hex[(guint8) cms[i] >> 4];
      out->data[b + 2 + 2 * i] = hex[(guint8) cms[i] & 0xf];
    }
  resigned = g_byte_array_free_to_bytes (g_steal_pointer (&out));

  g_assert_cmpint (only_state (resigned), ==, XA_PDF_SIGNATURE_VALID);
  assert_pdfsig_valid (resigned, "openssl.pdf", 1);
}

static void
assert_credentials_error (XaTestCertKind  kind,
                          const char     *password,
                          int             code)
{
  g_autofree char *p12 = kind == XA_TEST_CERT_VALID ? g_strdup (valid_p12)
                                                    : xa_test_signing_make_p12 (tmp_dir, kind);
  g_autofree char *basename = g_path_get_basename (p12);
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPdfCredentials) credentials = xa_pdf_credentials_load (p12, password, &error);

  g_assert_null (credentials);
  g_assert_error (error, XA_PDF_SIGNER_ERROR, code);
  g_assert_nonnull (strstr (error->message, basename));
}

static void
test_wrong_password (void)
{
  assert_credentials_error (XA_TEST_CERT_VALID, "wrong", XA_PDF_SIGNER_ERROR_PASSWORD);
}

static void
test_no_key (void)
{
  assert_credentials_error (XA_TEST_CERT_NO_KEY, XA_TEST_P12_PASSWORD, XA_PDF_SIGNER_ERROR_NO_KEY);
}

static void
test_expired (void)
{
  assert_credentials_error (XA_TEST_CERT_EXPIRED, XA_TEST_P12_PASSWORD, XA_PDF_SIGNER_ERROR_EXPIRED);
}

static void
test_not_a_pdf (void)
{
  g_autoptr(XaPdfCredentials) credentials = load_credentials ();
  g_autoptr(GBytes) text = g_bytes_new_static ("这不是PDF\n%%EOF\n", strlen ("这不是PDF\n%%EOF\n"));
  g_autoptr(GError) error = NULL;
  g_autofree char *in = save (text, "not-a-pdf.pdf");
  g_autofree char *out = g_build_filename (tmp_dir, "not-a-pdf-signed.pdf", NULL);
  g_autoptr(GPtrArray) signatures = NULL;

  g_assert_false (xa_pdf_sign_file (in, credentials, NULL, out, &error));
  g_assert_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, "not-a-pdf.pdf"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  signatures = xa_pdf_verify_file (in, NULL, &error);
  g_assert_null (signatures);
  g_assert_error (error, XA_PDF_VERIFY_ERROR, XA_PDF_VERIFY_ERROR_NOT_PDF);
  g_assert_nonnull (strstr (error->message, "not-a-pdf.pdf"));
}

/* A signature that Poppler's pdfsig made with an NSS database: verification takes
 * Poppler's answer, not our signer's habits. */
static void
test_signed_by_pdfsig (void)
{
  g_autofree char *certutil = g_find_program_in_path ("certutil");
  g_autofree char *pk12util = g_find_program_in_path ("pk12util");
  g_autofree char *nss_dir = g_build_filename (tmp_dir, "nssdb", NULL);
  g_autofree char *db = g_strconcat ("sql:", nss_dir, NULL);
  g_autofree char *password_file = g_build_filename (tmp_dir, "nss-password", NULL);
  g_autofree char *in = save (agreement, "for-pdfsig.pdf");
  g_autofree char *out = g_build_filename (tmp_dir, "by-pdfsig.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) signed_pdf = NULL;
  gsize length = 0;

  if (certutil == NULL || pk12util == NULL)
    {
      g_test_skip ("certutil and pk12util (libnss3-tools) are not installed");
      return;
    }

  g_mkdir_with_parents (nss_dir, 0700);
  g_file_set_contents (password_file, "", -1, &error);
  g_assert_no_error (error);
  {
    const char *create[] = { certutil, "-N", "-d", db, "--empty-password", NULL };
    const char *import[] = { pk12util, "-i", valid_p12, "-d", db, "-W", XA_TEST_P12_PASSWORD, "-K", "", NULL };
    const char *add[] = { "pdfsig", "-nssdir", db, "-nick", "test", "-add-signature", in, out, NULL };

    for (guint i = 0; i < 3; i++)
      {
        const char **argv = i == 0 ? create : i == 1 ? import : add;

        xa_test_signing_run (argv);
      }
  }

  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  signed_pdf = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_assert_cmpint (only_state (signed_pdf), ==, XA_PDF_SIGNATURE_VALID);
  {
    g_autoptr(GBytes) junk = xa_test_signing_append (signed_pdf, "\n%%EOF\n");

    g_assert_cmpint (only_state (junk), ==, XA_PDF_SIGNATURE_CHANGED);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("xa-pdf-signer-XXXXXX", &error);
  g_assert_no_error (error);
  valid_p12 = xa_test_signing_make_p12 (tmp_dir, XA_TEST_CERT_VALID);
  agreement = xa_test_signing_agreement_pdf ();

  g_test_add_func ("/document/pdf-signer/valid", test_valid);
  g_test_add_func ("/document/pdf-signer/changed-byte", test_changed_byte);
  g_test_add_func ("/document/pdf-signer/appended", test_appended);
  g_test_add_func ("/document/pdf-signer/second-signature", test_second_signature);
  g_test_add_func ("/document/pdf-signer/damaged-signature", test_damaged_signature);
  g_test_add_func ("/document/pdf-signer/unsigned", test_unsigned);
  g_test_add_func ("/document/pdf-signer/xref-stream", test_xref_stream);
  g_test_add_func ("/document/pdf-signer/empty-field", test_empty_field);
  g_test_add_func ("/document/pdf-signer/visible", test_visible);
  g_test_add_func ("/document/pdf-signer/wrong-password", test_wrong_password);
  g_test_add_func ("/document/pdf-signer/no-key", test_no_key);
  g_test_add_func ("/document/pdf-signer/expired", test_expired);
  g_test_add_func ("/document/pdf-signer/not-a-pdf", test_not_a_pdf);
  g_test_add_func ("/document/pdf-signer/signed-by-pdfsig", test_signed_by_pdfsig);
  g_test_add_func ("/document/pdf-signer/openssl-cms", test_openssl_cms);

  status = g_test_run ();

  g_bytes_unref (agreement);
  g_free (valid_p12);
  xa_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
