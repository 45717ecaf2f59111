/* xa-pdf-credentials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signer's certificate and private key, read from the user's PKCS#12 file with its
 * password (xa-pdf-signer.c signs with them). They live in memory only, for one
 * signature: Xiaoan stores neither the key nor the password, and wipes the password
 * once used.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gnutls/pkcs12.h>
#include <string.h>
#include <time.h>

#include "xa-pdf-signer-private.h"
#include "xa-pdf-signer.h"

G_DEFINE_QUARK (xa-pdf-signer-error-quark, xa_pdf_signer_error)

void
xa_pdf_credentials_free (XaPdfCredentials *self)
{
  if (self == NULL)
    return;

  for (unsigned int i = 0; i < self->chain_len; i++)
    gnutls_x509_crt_deinit (self->chain[i]);
  gnutls_free (self->chain);
  if (self->key != NULL)
    gnutls_privkey_deinit (self->key);
  g_free (self->name);
  g_free (self);
}

/**
 * xa_pdf_password_free:
 * @password: (nullable): a certificate file's password
 *
 * Overwrites the password before its memory goes back to the allocator, so that it
 * does not linger in the process's memory (or a core dump) after use.
 */
void
xa_pdf_password_free (char *password)
{
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  g_free (password);
}

static char *
dup_common_name (gnutls_x509_crt_t cert)
{
  char buffer[512];
  size_t size = sizeof buffer;
  gnutls_datum_t dn = { NULL, 0 };
  char *name;

  if (gnutls_x509_crt_get_dn_by_oid (cert, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buffer, &size) == 0)
    return g_strndup (buffer, size);

  if (gnutls_x509_crt_get_dn2 (cert, &dn) < 0)
    return g_strdup ("");
  name = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return name;
}

static char *
format_time (time_t when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

/**
 * xa_pdf_credentials_load:
 * @p12_path: (type filename): a PKCS#12 file (.p12, .pfx)
 * @password: its password; the empty string when it has none
 *
 * Reads the signer's certificate, the chain above it and the private key. A certificate
 * outside its validity period is refused: a signature made with it would not verify.
 *
 * Returns: (transfer full) (nullable): the credentials, or %NULL with @error set to a
 *   message that names the file
 */
XaPdfCredentials *
xa_pdf_credentials_load (const char  *p12_path,
                         const char  *password,
                         GError     **error)
{
  g_autoptr(XaPdfCredentials) self = g_new0 (XaPdfCredentials, 1);
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gnutls_x509_privkey_t x509_key = NULL;
  gnutls_pkcs12_t p12 = NULL;
  gnutls_datum_t datum;
  gsize length = 0;
  time_t now = time (NULL);
  int ret;

  g_return_val_if_fail (p12_path != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  display = g_filename_display_name (p12_path);
  if (!g_file_get_contents (p12_path, &contents, &length, &local_error))
    {
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_P12,
                   _("Cannot read the certificate file “%s”: %s"), display, local_error->message);
      return NULL;
    }

  datum.data = (unsigned char *) contents;
  datum.size = length;
  gnutls_pkcs12_init (&p12);
  ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_DER, 0);
  if (ret < 0)
    ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0)
    {
      gnutls_pkcs12_deinit (p12);
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_P12,
                   _("“%s” is not a PKCS#12 certificate file (.p12 or .pfx)"), display);
      return NULL;
    }

  /* The MAC is what tells a wrong password from a damaged file. */
  ret = gnutls_pkcs12_verify_mac (p12, password);
  if (ret == GNUTLS_E_MAC_VERIFY_FAILED)
    {
      gnutls_pkcs12_deinit (p12);
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_PASSWORD,
                   _("The password of the certificate file “%s” is wrong"), display);
      return NULL;
    }

  ret = gnutls_pkcs12_simple_parse (p12, password, &x509_key, &self->chain, &self->chain_len,
                                    NULL, NULL, NULL, 0);
  gnutls_pkcs12_deinit (p12);
  if (ret == GNUTLS_E_DECRYPTION_FAILED)
    {
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_PASSWORD,
                   _("The password of the certificate file “%s” is wrong"), display);
      return NULL;
    }
  if (ret < 0 || x509_key == NULL || self->chain_len == 0)
    {
      if (x509_key != NULL)
        gnutls_x509_privkey_deinit (x509_key);
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_NO_KEY,
                   _("The certificate file “%s” holds no private key with its certificate, which signing needs"),
                   display);
      return NULL;
    }

  gnutls_privkey_init (&self->key);
  ret = gnutls_privkey_import_x509 (self->key, x509_key, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (x509_key);
      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_NO_KEY,
                   _("The private key in “%s” cannot be used: %s"), display, gnutls_strerror (ret));
      return NULL;
    }

  if (gnutls_x509_crt_get_expiration_time (self->chain[0]) < now)
    {
      g_autofree char *when = format_time (gnutls_x509_crt_get_expiration_time (self->chain[0]));

      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_EXPIRED,
                   /* Translators: a file, then a date and time */
                   _("The certificate in “%s” expired on %s"), display, when);
      return NULL;
    }
  if (gnutls_x509_crt_get_activation_time (self->chain[0]) > now)
    {
      g_autofree char *when = format_time (gnutls_x509_crt_get_activation_time (self->chain[0]));

      g_set_error (error, XA_PDF_SIGNER_ERROR, XA_PDF_SIGNER_ERROR_EXPIRED,
                   /* Translators: a file, then a date and time */
                   _("The certificate in “%s” is not valid before %s"), display, when);
      return NULL;
    }

  self->name = dup_common_name (self->chain[0]);
  return g_steal_pointer (&self);
}

/**
 * xa_pdf_credentials_get_name:
 *
 * Returns: the common name of the signer's certificate
 */
const char *
xa_pdf_credentials_get_name (XaPdfCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}
