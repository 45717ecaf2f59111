/* xa-pdf-signer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XA_PDF_SIGNER_ERROR (xa_pdf_signer_error_quark ())

typedef enum
{
  XA_PDF_SIGNER_ERROR_NOT_PDF,        /* the input is not a PDF, or a damaged one */
  XA_PDF_SIGNER_ERROR_ENCRYPTED,      /* an encrypted PDF, which we do not update */
  XA_PDF_SIGNER_ERROR_P12,            /* the certificate file cannot be read */
  XA_PDF_SIGNER_ERROR_PASSWORD,       /* the certificate file's password is wrong */
  XA_PDF_SIGNER_ERROR_NO_KEY,         /* the certificate file holds no private key */
  XA_PDF_SIGNER_ERROR_EXPIRED,        /* the certificate is outside its validity period */
  XA_PDF_SIGNER_ERROR_SIGN,           /* GnuTLS could not sign */
  XA_PDF_SIGNER_ERROR_PAGE,           /* the page asked for is not in the document */
} XaPdfSignerError;

GQuark xa_pdf_signer_error_quark (void);

/* A certificate and its private key, read from a PKCS#12 file. The key lives in memory
 * only, for as long as the credentials do; nothing of it is ever written anywhere. */
typedef struct _XaPdfCredentials XaPdfCredentials;

XaPdfCredentials *xa_pdf_credentials_load      (const char        *p12_path,
                                                const char        *password,
                                                GError           **error);
const char       *xa_pdf_credentials_get_name  (XaPdfCredentials  *self);
void              xa_pdf_credentials_free      (XaPdfCredentials  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPdfCredentials, xa_pdf_credentials_free)

void              xa_pdf_password_free         (char              *password);

typedef struct
{
  /* The page that carries the signature field, from 0; -1 for the last page. */
  int        page;
  /* Whether the field shows who signed and when; an invisible field by default. */
  gboolean   visible;
  /* Where the visible field goes, in PDF points from the page's lower left corner
   * (x, y, width, height); all zero for the place beside the signature block. */
  double     rect[4];
  /* The signing time written into /M and shown; %NULL for now. */
  GDateTime *time;
} XaPdfSignOptions;

GBytes   *xa_pdf_sign_bytes  (GBytes                  *pdf,
                              const char              *display_name,
                              XaPdfCredentials        *credentials,
                              const XaPdfSignOptions  *options,
                              GError                 **error);
gboolean  xa_pdf_sign_file   (const char              *in_path,
                              XaPdfCredentials        *credentials,
                              const XaPdfSignOptions  *options,
                              const char              *out_path,
                              GError                 **error);

G_END_DECLS
