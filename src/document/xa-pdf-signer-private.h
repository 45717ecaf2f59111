/* xa-pdf-signer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the signer's files share: the credentials, and writing objects of an
 * incremental update.
 */

#pragma once

#include <gio/gio.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "xa-pdf-signer.h"

G_BEGIN_DECLS

struct _XaPdfCredentials
{
  gnutls_x509_crt_t *chain;      /* the signer's certificate first */
  unsigned int       chain_len;
  gnutls_privkey_t   key;
  char              *name;       /* the certificate's common name, for the appearance */
};

void      _xa_pdf_begin_object         (GByteArray  *out,
                                        GArray      *entries,
                                        guint        id,
                                        guint        gen);
void      _xa_pdf_append               (GByteArray  *out,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (2, 3);
gboolean  _xa_pdf_append_appearance    (GByteArray  *out,
                                        GArray      *entries,
                                        guint       *next_id,
                                        double       width,
                                        double       height,
                                        const char  *signer,
                                        GDateTime   *time,
                                        GError     **error);

void      _xa_pdf_find_signature_place (GBytes       *pdf,
                                        int           page_index,
                                        const double  media_box[4],
                                        double        rect[4]);

G_END_DECLS
