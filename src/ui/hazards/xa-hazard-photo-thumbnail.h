/* xa-hazard-photo-thumbnail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-photo.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_PHOTO_THUMBNAIL (xa_hazard_photo_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardPhotoThumbnail, xa_hazard_photo_thumbnail, XA, HAZARD_PHOTO_THUMBNAIL,
                      GtkFlowBoxChild)

GtkWidget     *xa_hazard_photo_thumbnail_new         (XaHazardPhoto          *photo,
                                                      gboolean                removable);
XaHazardPhoto *xa_hazard_photo_thumbnail_get_photo   (XaHazardPhotoThumbnail *self);
void           xa_hazard_photo_thumbnail_load        (XaHazardPhotoThumbnail *self,
                                                      XaHazardBook           *book,
                                                      GCancellable           *cancellable);
gboolean       xa_hazard_photo_thumbnail_get_loading (XaHazardPhotoThumbnail *self);
GdkPaintable  *xa_hazard_photo_thumbnail_get_paintable (XaHazardPhotoThumbnail *self);
const char    *xa_hazard_photo_thumbnail_get_problem (XaHazardPhotoThumbnail *self);
GtkWidget     *xa_hazard_photo_thumbnail_get_warning (XaHazardPhotoThumbnail *self);

char          *xa_hazard_photo_dup_taken_text        (XaHazardPhoto          *photo);
char          *xa_hazard_photo_dup_problem           (XaHazardPhoto          *photo,
                                                      const GError           *error);
char          *xa_hazard_photo_dup_flag_text         (XaHazardPhoto          *photo);

G_END_DECLS
