/* xa-hazard-photo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Whether a photo shows the hazard as found (整改前) or as rectified (整改后). */
typedef enum
{
  XA_HAZARD_PHOTO_BEFORE,
  XA_HAZARD_PHOTO_AFTER,
  XA_N_HAZARD_PHOTO_KINDS
} XaHazardPhotoKind;

#define XA_TYPE_HAZARD_PHOTO (xa_hazard_photo_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardPhoto, xa_hazard_photo, XA, HAZARD_PHOTO, GObject)

/* One photo of a hazard, as stored: a link from the hazard to a stored file
 * (xa-blob-store.h) with what the photo's file said when it was added. Read-only: a
 * photo is added and removed (xa-hazard-photos.h), never edited. */
const char        *xa_hazard_photo_get_uuid         (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_hazard_uuid  (XaHazardPhoto     *self);
XaHazardPhotoKind  xa_hazard_photo_get_kind         (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_sha256       (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_file_name    (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_media_type   (XaHazardPhoto     *self);
int                xa_hazard_photo_get_width        (XaHazardPhoto     *self);
int                xa_hazard_photo_get_height       (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_taken_at     (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_added_at     (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_added_by     (XaHazardPhoto     *self);
const char        *xa_hazard_photo_get_hazard_found_on (XaHazardPhoto  *self);
gboolean           xa_hazard_photo_get_older_than_hazard (XaHazardPhoto *self);
char              *xa_hazard_photo_dup_warning      (XaHazardPhoto     *self);

const char        *xa_hazard_photo_kind_to_key      (XaHazardPhotoKind  kind);
gboolean           xa_hazard_photo_kind_from_key    (const char        *key,
                                                     XaHazardPhotoKind *kind);
const char        *xa_hazard_photo_kind_to_label    (XaHazardPhotoKind  kind);

G_END_DECLS
