/* xa-education-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-education-book.h"

G_BEGIN_DECLS

gboolean xa_education_demo_fill (XaEducationBook  *book,
                                 GListModel       *schools,     
                                 int               year,
                                 guint32           seed,
                                 guint            *n_records,
                                 GError          **error);

G_END_DECLS
