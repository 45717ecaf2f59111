/* xa-hazard-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_HAZARD_DEMO_MAX 10000000

/* Fills the empty ledger of a demo district (xa_demo_fill()) with @n_hazards made-up
 * hazards over the five school years up to @today: found in the order of their
 * numbers, with places and descriptions varied enough for search, most old ones closed
 * after a real history of steps (some re-inspections failed), the recent ones in every
 * state, and some past their deadline. The same seed and day give the same ledger. In
 * transactions of many thousand hazards, each with its audit entry. */
gboolean xa_hazard_demo_fill (XaHazardBook  *book,
                              guint          n_hazards,
                              guint32        seed,
                              const char    *today,
                              GError       **error);

/* The most hazards `demo --photos` gives photos to: two small JPEGs each. */
#define XA_HAZARD_DEMO_MAX_PHOTOS 5000

gboolean xa_hazard_demo_add_photos (XaHazardBook  *book,
                                    guint          n_hazards,
                                    guint32        seed,
                                    guint         *n_added,
                                    GError       **error);

G_END_DECLS
