/* xa-pdf-signer-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the signer's files share: writing objects of an incremental update.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

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

G_END_DECLS
