/* xa-agreement-supplements.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/agreements/xa-agreement-book.h"

G_BEGIN_DECLS

#define XA_TYPE_AGREEMENT_SUPPLEMENTS (xa_agreement_supplements_get_type ())

G_DECLARE_FINAL_TYPE (XaAgreementSupplements, xa_agreement_supplements, XA, AGREEMENT_SUPPLEMENTS, GtkWidget)

/* The school's supplementary clauses of the agreement shown, in the agreement detail:
 * added, edited, moved and removed while it is a draft, read only after. Emits
 * "changed" after each change it saved, for the detail to read the agreement again. */
void xa_agreement_supplements_set_book  (XaAgreementSupplements *self,
                                         XaAgreementBook        *book);
void xa_agreement_supplements_show      (XaAgreementSupplements *self,
                                         XaAgreement            *agreement);
void xa_agreement_supplements_add       (XaAgreementSupplements *self,
                                         const char             *text);

G_END_DECLS
