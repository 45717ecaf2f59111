/* xa-drill-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-drill-book.h"
#include "xa-incident-book.h"
#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

gboolean xa_drill_demo_fill (XaDrillBook       *drills,
                             XaIncidentBook    *incidents,
                             XaSchoolRegistry  *registry,
                             guint32            seed,
                             const char        *today,
                             guint             *n_drills,
                             guint             *n_incidents,
                             GError           **error);

G_END_DECLS
