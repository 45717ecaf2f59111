/* xa-pdf-verify.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verifies the digital signatures of a PDF, whoever made them (issue 12): ours, an
 * e-signature service's, Acrobat's.
 *
 * Poppler checks each signature: the digest of its byte range against the CMS, the CMS
 * itself, and the certificate. What Poppler does not tell is whether the signed bytes
 * are the whole file: an update appended after signing (a second signature, or anything
 * else) leaves the signature valid for the bytes it covers. So each signature's
 * /ByteRange is read from the file's own bytes and its end compared with the file's
 * length. memmem, because a PDF holds NUL bytes (in streams, in /Contents' binary) that
 * would stop a search for a C string.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-poppler-private.h"
#include "xa-pdf-verify.h"

G_DEFINE_QUARK (xa-pdf-verify-error-quark, xa_pdf_verify_error)

void
xa_pdf_signature_free (XaPdfSignature *self)
{
  if (self == NULL)
    return;

  g_free (self->field);
  g_free (self->signer);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self);
}

/* Poppler 22.12 validates a signature in a GTask of its own, whose worker thread may
 * drop its reference to the document after the validation has returned; the last
 * reference dropped there finalises the document in that thread, which tears down
 * Poppler's global state while the program may be exiting (a crash in GlobalParams'
 * destructor). So the verifier waits until its own reference is the last one, with a
 * toggle reference, and drops it itself. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean last;
} LastRef;

static void
document_toggled_cb (gpointer  data,
                     GObject  *object,
                     gboolean  is_last_ref)
{
  LastRef *last_ref = data;

  g_mutex_lock (&last_ref->lock);
  last_ref->last = is_last_ref;
  g_cond_broadcast (&last_ref->cond);
  g_mutex_unlock (&last_ref->lock);
}

static void
unref_last (PopplerDocument *document)
{
  LastRef last_ref = { .last = FALSE };

  g_mutex_init (&last_ref.lock);
  g_cond_init (&last_ref.cond);
  g_object_add_toggle_ref (G_OBJECT (document), document_toggled_cb, &last_ref);
  g_object_unref (document);

  g_mutex_lock (&last_ref.lock);
  while (!last_ref.last)
    g_cond_wait (&last_ref.cond, &last_ref.lock);
  g_mutex_unlock (&last_ref.lock);

  g_object_remove_toggle_ref (G_OBJECT (document), document_toggled_cb, &last_ref);
  g_mutex_clear (&last_ref.lock);
  g_cond_clear (&last_ref.cond);
}

/* One number of a /ByteRange array, after white space. */
static gboolean
read_number (const char **p,
             const char  *end,
             guint64     *value)
{
  guint64 number = 0;
  const char *start;

  while (*p < end && g_ascii_isspace (**p))
    (*p)++;
  start = *p;
  while (*p < end && g_ascii_isdigit (**p) && *p - start < 15)
    number = number * 10 + (*(*p)++ - '0');
  *value = number;
  return *p > start && (*p >= end || !g_ascii_isdigit (**p));
}

/* Where the signed bytes of each signature end, in the order of the signatures in the
 * file: the ends of every /ByteRange [0 a c d] whose gap (a to c) is a hex string, as a
 * signature's /Contents is. */
static GArray *
find_signed_ends (const char *data,
                  gsize       size)
{
  static const char key[] = "/ByteRange";
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (guint64));
  const char *end = data + size;

  for (const char *p = data; (p = memmem (p, end - p, key, strlen (key))) != NULL;)
    {
      guint64 range[4];
      gboolean ok = TRUE;

      p += strlen (key);
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '[')
        continue;
      p++;

      for (guint i = 0; i < 4 && ok; i++)
        ok = read_number (&p, end, &range[i]);
      if (!ok)
        continue;

      if (range[0] + range[1] < range[2]
          && range[2] + range[3] <= size
          && data[range[0] + range[1]] == '<' && data[range[2] - 1] == '>')
        {
          guint64 signed_end = range[2] + range[3];

          g_array_append_val (ends, signed_end);
        }
    }

  return ends;
}

static XaPdfSignatureState
state_of (PopplerSignatureStatus status)
{
  switch (status)
    {
    case POPPLER_SIGNATURE_VALID:
      return XA_PDF_SIGNATURE_VALID;
    case POPPLER_SIGNATURE_INVALID:
    case POPPLER_SIGNATURE_DIGEST_MISMATCH:
    case POPPLER_SIGNATURE_DECODING_ERROR:
      return XA_PDF_SIGNATURE_INVALID;
    case POPPLER_SIGNATURE_GENERIC_ERROR:
    case POPPLER_SIGNATURE_NOT_FOUND:
    case POPPLER_SIGNATURE_NOT_VERIFIED:
    default:
      return XA_PDF_SIGNATURE_UNVERIFIABLE;
    }
}

static XaPdfCertificateState
certificate_of (PopplerCertificateStatus status)
{
  switch (status)
    {
    case POPPLER_CERTIFICATE_TRUSTED:
      return XA_PDF_CERTIFICATE_TRUSTED;
    case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER:
      return XA_PDF_CERTIFICATE_UNTRUSTED_ISSUER;
    case POPPLER_CERTIFICATE_UNKNOWN_ISSUER:
      return XA_PDF_CERTIFICATE_UNKNOWN_ISSUER;
    case POPPLER_CERTIFICATE_REVOKED:
      return XA_PDF_CERTIFICATE_REVOKED;
    case POPPLER_CERTIFICATE_EXPIRED:
      return XA_PDF_CERTIFICATE_EXPIRED;
    case POPPLER_CERTIFICATE_GENERIC_ERROR:
      return XA_PDF_CERTIFICATE_ERROR;
    case POPPLER_CERTIFICATE_NOT_VERIFIED:
    default:
      return XA_PDF_CERTIFICATE_NOT_VERIFIED;
    }
}

/**
 * xa_pdf_verify_bytes:
 * @pdf: a PDF file's bytes
 * @display_name: its name in messages
 *
 * Verifies every signature of @pdf. Blocks (Poppler checks the certificates): call it
 * from a worker thread in the app.
 *
 * Returns: (transfer full) (element-type XaPdfSignature) (nullable): the signatures in
 *   the file's order, empty for an unsigned file; %NULL with @error set when @pdf is not
 *   a PDF that Poppler can open
 */
GPtrArray *
xa_pdf_verify_bytes (GBytes        *pdf,
                     const char    *display_name,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_pdf_signature_free);
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) ends = NULL;
  g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint n_empty = 0;
  GList *fields;
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  document = poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, XA_PDF_VERIFY_ERROR, XA_PDF_VERIFY_ERROR_NOT_PDF,
                     _("“%s” is encrypted and cannot be opened without its password"), display_name);
      else
        g_set_error (error, XA_PDF_VERIFY_ERROR, XA_PDF_VERIFY_ERROR_NOT_PDF,
                     /* Translators: a file, then Poppler's explanation in English */
                     _("“%s” is not a PDF, or a damaged one: %s"), display_name, local_error->message);
      return NULL;
    }

  fields = poppler_document_get_signature_fields (document);
  for (GList *l = fields; l != NULL; l = l->next)
    {
      g_autoptr(XaPdfSignature) signature = NULL;
      PopplerSignatureInfo *info;
      const char *signer;
      GDateTime *time;
      PopplerSignatureStatus status;
      gboolean looks_empty;

      info = poppler_form_field_signature_validate_sync (l->data,
                                                         POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE
                                                         | POPPLER_SIGNATURE_VALIDATION_FLAG_WITHOUT_OCSP_REVOCATION_CHECK,
                                                         cancellable, NULL);
      status = info != NULL ? poppler_signature_info_get_signature_status (info) : POPPLER_SIGNATURE_GENERIC_ERROR;
      signer = info != NULL ? poppler_signature_info_get_signer_name (info) : NULL;
      time = info != NULL ? poppler_signature_info_get_local_signing_time (info) : NULL;

      signature = g_new0 (XaPdfSignature, 1);
      signature->field = poppler_form_field_get_partial_name (l->data);
      if (signature->field == NULL)
        signature->field = g_strdup ("");
      signature->signer = g_strdup (signer != NULL ? signer : "");
      signature->time = time != NULL ? g_date_time_ref (time) : NULL;
      signature->file_size = size;
      signature->state = state_of (status);
      signature->certificate = info != NULL ? certificate_of (poppler_signature_info_get_certificate_status (info))
                                            : XA_PDF_CERTIFICATE_NOT_VERIFIED;
      g_clear_pointer (&info, poppler_signature_info_free);
      g_ptr_array_add (signatures, g_steal_pointer (&signature));
      /* A field left for someone to sign (an e-signature service's form has them)
       * holds no signature: Poppler finds nothing to verify in it, not even a signer. */
      looks_empty = status == POPPLER_SIGNATURE_NOT_VERIFIED && (signer == NULL || signer[0] == '\0');
      g_array_append_val (empty, looks_empty);
    }
  g_list_free_full (fields, g_object_unref);
  unref_last (document);

  /* But a Poppler built without a cryptographic backend says the same of every
   * signature: the fields that look empty are left out only when the others are as
   * many as the file's byte ranges, and otherwise stay as signatures that cannot be
   * verified here. */
  ends = find_signed_ends (data, size);
  for (guint i = 0; i < empty->len; i++)
    n_empty += g_array_index (empty, gboolean, i);
  if (n_empty > 0 && signatures->len - n_empty == ends->len)
    {
      for (guint i = empty->len; i-- > 0;)
        {
          if (g_array_index (empty, gboolean, i))
            g_ptr_array_remove_index (signatures, i);
        }
    }

  /* The signatures' byte ranges and Poppler's fields are both in the order the
   * signatures were added; when their counts differ, which range is whose is not
   * known, and neither is whether a valid signature covers the whole file. */
  for (guint i = 0; i < signatures->len; i++)
    {
      XaPdfSignature *signature = g_ptr_array_index (signatures, i);

      if (ends->len == signatures->len)
        signature->signed_end = g_array_index (ends, guint64, i);

      if (signature->state == XA_PDF_SIGNATURE_VALID)
        {
          if (signature->signed_end == 0)
            signature->state = XA_PDF_SIGNATURE_UNVERIFIABLE;
          else if (signature->signed_end < size)
            signature->state = XA_PDF_SIGNATURE_CHANGED;
        }
    }

  return g_steal_pointer (&signatures);
}

/**
 * xa_pdf_verify_file:
 * @path: (type filename): a PDF file
 *
 * As xa_pdf_verify_bytes(), of a file; messages name the file.
 *
 * Returns: (transfer full) (element-type XaPdfSignature) (nullable): the signatures
 */
GPtrArray *
xa_pdf_verify_file (const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, XA_PDF_VERIFY_ERROR, XA_PDF_VERIFY_ERROR_READ,
                   _("Cannot read “%s”: %s"), display, local_error->message);
      return NULL;
    }

  pdf = g_bytes_new_take (g_steal_pointer (&contents), length);
  return xa_pdf_verify_bytes (pdf, display, cancellable, error);
}

/**
 * xa_pdf_signature_state_to_key:
 *
 * Returns: the state's name for other programs: valid, changed, unverifiable, invalid
 */
const char *
xa_pdf_signature_state_to_key (XaPdfSignatureState state)
{
  static const char * const keys[] = { "valid", "changed", "unverifiable", "invalid" };

  g_return_val_if_fail (state < G_N_ELEMENTS (keys), "");
  return keys[state];
}

/**
 * xa_pdf_signature_state_to_string:
 *
 * Returns: what the state means, translated
 */
const char *
xa_pdf_signature_state_to_string (XaPdfSignatureState state)
{
  switch (state)
    {
    case XA_PDF_SIGNATURE_VALID:
      return _("Valid: the whole file is as it was signed");
    case XA_PDF_SIGNATURE_CHANGED:
      return _("Valid, but the file was changed after signing");
    case XA_PDF_SIGNATURE_UNVERIFIABLE:
      return _("Cannot be verified here");
    case XA_PDF_SIGNATURE_INVALID:
      return _("Invalid: the signed content was altered or the signature is damaged");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * xa_pdf_certificate_state_to_key:
 *
 * Returns: the state's name for other programs, such as untrusted-issuer
 */
const char *
xa_pdf_certificate_state_to_key (XaPdfCertificateState state)
{
  static const char * const keys[] = { "trusted", "untrusted-issuer", "unknown-issuer", "revoked",
                                       "expired", "error", "not-verified" };

  g_return_val_if_fail (state < G_N_ELEMENTS (keys), "");
  return keys[state];
}

/**
 * xa_pdf_certificate_state_to_string:
 *
 * Returns: what the state means, translated
 */
const char *
xa_pdf_certificate_state_to_string (XaPdfCertificateState state)
{
  switch (state)
    {
    case XA_PDF_CERTIFICATE_TRUSTED:
      return _("Trusted");
    case XA_PDF_CERTIFICATE_UNTRUSTED_ISSUER:
      return _("Issuer not trusted (such as a self-signed certificate)");
    case XA_PDF_CERTIFICATE_UNKNOWN_ISSUER:
      return _("Issuer unknown: the chain does not end at a trusted root");
    case XA_PDF_CERTIFICATE_REVOKED:
      return _("Revoked by its issuer");
    case XA_PDF_CERTIFICATE_EXPIRED:
      return _("Not valid at the signing time");
    case XA_PDF_CERTIFICATE_ERROR:
      return _("Cannot be checked");
    case XA_PDF_CERTIFICATE_NOT_VERIFIED:
    default:
      return _("Not checked");
    }
}
