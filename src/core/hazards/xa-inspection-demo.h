/* xa-inspection-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-inspection-book.h"

G_BEGIN_DECLS

/* Fills a demo district (xa_demo_fill()) with the school year of @today as its schools
 * would have lived it up to that day: each school's inspections following its plan, a
 * few slots missed, a few items found abnormal and most of those turned into hazards of
 * the ledger; the year's special campaigns launched, and each school's plans,
 * activities and summaries, some campaigns complete and some not begun. The same seed
 * and day give the same year. One transaction per school. @n_inspections: (out)
 * (optional): how many inspections were recorded. */
gboolean xa_inspection_demo_fill (XaInspectionBook  *book,
                                  guint32            seed,
                                  const char        *today,
                                  guint             *n_inspections,
                                  GError           **error);

G_END_DECLS
