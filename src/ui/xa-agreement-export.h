/* xa-agreement-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/agreements/xa-agreement-book.h"
#include "document/xa-page-set.h"

G_BEGIN_DECLS

void      xa_agreement_export_async     (XaAgreementBook      *book,
                                         const char           *uuid,
                                         XaCopies              copies,
                                         XaFontResolver       *fonts,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
void      xa_agreement_export_signed_async (XaAgreementBook   *book,
                                            const char        *uuid,
                                            XaCopies           copies,
                                            XaFontResolver    *fonts,
                                            const char        *p12_path,
                                            const char        *password,
                                            gboolean           visible,
                                            GFile             *file,
                                            GCancellable      *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer           user_data);
gboolean  xa_agreement_export_finish    (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
