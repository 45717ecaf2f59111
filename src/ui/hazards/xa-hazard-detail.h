/* xa-hazard-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-hazard-file-actions.h"
#include "xa-hazard-photo-strip.h"
#include "xa-hazard-timeline.h"
#include "core/hazards/xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_DETAIL (xa_hazard_detail_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardDetail, xa_hazard_detail, XA, HAZARD_DETAIL, GtkWidget)

void              xa_hazard_detail_set_book     (XaHazardDetail   *self,
                                                 XaHazardBook     *book,
                                                 XaSchoolRegistry *registry);
void              xa_hazard_detail_show_hazard  (XaHazardDetail   *self,
                                                 XaHazard         *hazard);
XaHazard         *xa_hazard_detail_get_hazard   (XaHazardDetail   *self);
XaHazardTimeline *xa_hazard_detail_get_timeline (XaHazardDetail   *self);
GtkWidget        *xa_hazard_detail_get_step_button (XaHazardDetail *self,
                                                    XaHazardStep    step);
XaHazardFileActions *xa_hazard_detail_get_file_actions (XaHazardDetail *self);
XaHazardPhotoStrip *xa_hazard_detail_get_photo_strip (XaHazardDetail *self);

G_END_DECLS
