/* xa-agreement-images.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-agreement.h"
#include "xa-agreement-book.h"

G_BEGIN_DECLS

/* The seal and signature images an agreement's PDF carries for each party, by the
 * party's role ("commission", "school"): set by the book (xa_agreement_book_attach_images())
 * on the snapshot to render, read by the renderer, which never reads the store. */
void      xa_agreement_set_party_images    (XaAgreement      *self,
                                            const char       *role,
                                            GBytes           *seal,
                                            GBytes           *signature);
GBytes   *xa_agreement_get_party_seal      (XaAgreement      *self,
                                            const char       *role);
GBytes   *xa_agreement_get_party_signature (XaAgreement      *self,
                                            const char       *role);

gboolean  xa_agreement_book_attach_images  (XaAgreementBook  *self,
                                            XaAgreement      *agreement,
                                            GError          **error);

G_END_DECLS
