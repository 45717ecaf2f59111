/* xa-pdf-verify.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XA_PDF_VERIFY_ERROR (xa_pdf_verify_error_quark ())

typedef enum
{
  XA_PDF_VERIFY_ERROR_READ,      /* the file cannot be read */
  XA_PDF_VERIFY_ERROR_NOT_PDF,   /* not a PDF, a damaged one, or one that needs a password */
} XaPdfVerifyError;

GQuark xa_pdf_verify_error_quark (void);

/* What a signature proves of the file, from the best to the worst news. */
typedef enum
{
  XA_PDF_SIGNATURE_VALID,          /* valid, and it covers the whole file */
  XA_PDF_SIGNATURE_CHANGED,        /* valid, but bytes were added to the file after signing */
  XA_PDF_SIGNATURE_UNVERIFIABLE,   /* cannot be verified here */
  XA_PDF_SIGNATURE_INVALID,        /* the signed bytes changed, or the signature is broken */
} XaPdfSignatureState;

/* What is known of the signer's certificate; as Poppler says it. */
typedef enum
{
  XA_PDF_CERTIFICATE_TRUSTED,
  XA_PDF_CERTIFICATE_UNTRUSTED_ISSUER,
  XA_PDF_CERTIFICATE_UNKNOWN_ISSUER,
  XA_PDF_CERTIFICATE_REVOKED,
  XA_PDF_CERTIFICATE_EXPIRED,
  XA_PDF_CERTIFICATE_ERROR,
  XA_PDF_CERTIFICATE_NOT_VERIFIED,
} XaPdfCertificateState;

typedef struct
{
  XaPdfSignatureState    state;
  XaPdfCertificateState  certificate;
  char                  *field;        /* the field's name, or "" */
  char                  *signer;       /* the certificate's common name, or "" */
  GDateTime             *time;         /* the signing time, or %NULL when unknown */
  guint64                signed_end;   /* where the signed bytes end; 0 when unknown */
  guint64                file_size;
} XaPdfSignature;

void        xa_pdf_signature_free            (XaPdfSignature        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaPdfSignature, xa_pdf_signature_free)

GPtrArray  *xa_pdf_verify_bytes              (GBytes                *pdf,
                                              const char            *display_name,
                                              GCancellable          *cancellable,
                                              GError               **error);
GPtrArray  *xa_pdf_verify_file               (const char            *path,
                                              GCancellable          *cancellable,
                                              GError               **error);

const char *xa_pdf_signature_state_to_key    (XaPdfSignatureState    state);
const char *xa_pdf_signature_state_to_string (XaPdfSignatureState    state);
const char *xa_pdf_certificate_state_to_key  (XaPdfCertificateState  state);
const char *xa_pdf_certificate_state_to_string (XaPdfCertificateState state);

G_END_DECLS
