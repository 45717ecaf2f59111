/* xa-hazard-photo-viewer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_PHOTO_VIEWER (xa_hazard_photo_viewer_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardPhotoViewer, xa_hazard_photo_viewer, XA, HAZARD_PHOTO_VIEWER, AdwWindow)

GtkWindow *xa_hazard_photo_viewer_new          (GtkWidget           *parent,
                                                XaHazardBook        *book,
                                                GListModel          *photos,
                                                guint                position);
guint      xa_hazard_photo_viewer_get_position (XaHazardPhotoViewer *self);
gboolean   xa_hazard_photo_viewer_get_loading  (XaHazardPhotoViewer *self);
GtkPicture *xa_hazard_photo_viewer_get_picture (XaHazardPhotoViewer *self);

G_END_DECLS
