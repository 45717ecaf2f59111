/* xa-hazard-photo-strip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-photo.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_PHOTO_STRIP (xa_hazard_photo_strip_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardPhotoStrip, xa_hazard_photo_strip, XA, HAZARD_PHOTO_STRIP, GtkWidget)

void        xa_hazard_photo_strip_set_book      (XaHazardPhotoStrip *self,
                                                 XaHazardBook       *book);
void        xa_hazard_photo_strip_show_hazard   (XaHazardPhotoStrip *self,
                                                 XaHazard           *hazard);
void        xa_hazard_photo_strip_add_files     (XaHazardPhotoStrip *self,
                                                 XaHazardPhotoKind   kind,
                                                 GListModel         *files);
gboolean    xa_hazard_photo_strip_get_busy      (XaHazardPhotoStrip *self);
GListModel *xa_hazard_photo_strip_get_photos    (XaHazardPhotoStrip *self,
                                                 XaHazardPhotoKind   kind);
GtkFlowBox *xa_hazard_photo_strip_get_flow_box  (XaHazardPhotoStrip *self,
                                                 XaHazardPhotoKind   kind);
GtkWidget  *xa_hazard_photo_strip_get_add_button (XaHazardPhotoStrip *self,
                                                  XaHazardPhotoKind   kind);

G_END_DECLS
