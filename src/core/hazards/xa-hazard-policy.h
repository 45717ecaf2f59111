/* xa-hazard-policy.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard-book.h"
#include "xa-hazard-workflow.h"

G_BEGIN_DECLS

/* The district's default deadlines by grade, as the commission set them in the store:
 * every form, step dialog and command proposes them. A grade never set has the shipped
 * default (XA_HAZARD_DEFAULT_DAYS_*). On a server only the commission's staff change
 * them; schools read them. */
gboolean xa_hazard_book_read_settings (XaHazardBook            *book,
                                       XaHazardSettings        *settings,
                                       GError                 **error);
gboolean xa_hazard_book_save_settings (XaHazardBook            *book,
                                       const XaHazardSettings  *settings,
                                       GError                 **error);

G_END_DECLS
