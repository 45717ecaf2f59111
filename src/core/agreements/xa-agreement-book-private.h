/* xa-agreement-book-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-agreement-book.h"

G_BEGIN_DECLS

/* How many times the live model read rows from the store: the tests count them. */
guint _xa_agreement_book_get_n_loads (XaAgreementBook *self);

G_END_DECLS
