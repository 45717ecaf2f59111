/* xa-hazard-timeline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_TIMELINE (xa_hazard_timeline_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardTimeline, xa_hazard_timeline, XA, HAZARD_TIMELINE, GtkWidget)

GtkWidget *xa_hazard_timeline_new         (void);
void       xa_hazard_timeline_set_hazard  (XaHazardTimeline *self,
                                           XaHazard         *hazard);
guint      xa_hazard_timeline_get_n_lines (XaHazardTimeline *self);
GtkWidget *xa_hazard_timeline_get_line    (XaHazardTimeline *self,
                                           guint             index);

G_END_DECLS
