/* xa-hazard-photos.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

#include "xa-hazard-book.h"
#include "xa-hazard-photo.h"

G_BEGIN_DECLS

/* The largest photo file that is taken: a phone's photo is a few megabytes. */
#define XA_HAZARD_PHOTO_MAX_SIZE (30 * 1000 * 1000)

/* Thumbnails as lists show them, and the preview of one photo, on the longer side. */
#define XA_HAZARD_PHOTO_THUMBNAIL_SIZE 256
#define XA_HAZARD_PHOTO_PREVIEW_SIZE 2048

#define XA_HAZARD_PHOTOS_ERROR (xa_hazard_photos_error_quark ())

typedef enum
{
  XA_HAZARD_PHOTOS_ERROR_FILE,       /* the file cannot be read, is no regular file, or too big */
  XA_HAZARD_PHOTOS_ERROR_DUPLICATE,  /* the same photo is already the hazard's, of that kind */
  XA_HAZARD_PHOTOS_ERROR_CLOSED,     /* the hazard is closed: its photos no longer change */
  XA_HAZARD_PHOTOS_ERROR_NOT_FOUND,  /* no such hazard or photo */
} XaHazardPhotosError;

/* The photos of a hazard, before and after its rectification, through the hazard
 * book's store: each file stored once (xa-blob-store.h) and linked to the hazard in
 * the transaction that stores it, with its audit entry. Files that are not JPEG or PNG
 * images (XA_IMAGE_ERROR), broken, or larger than the pixel budget are refused with a
 * message naming them, and nothing changes. */
GQuark          xa_hazard_photos_error_quark     (void);

XaHazardPhoto  *xa_hazard_photos_add_file        (XaHazardBook         *book,
                                                  const char           *hazard_uuid,
                                                  XaHazardPhotoKind     kind,
                                                  const char           *path,
                                                  GError              **error);
XaHazardPhoto  *xa_hazard_photos_add_bytes       (XaHazardBook         *book,
                                                  const char           *hazard_uuid,
                                                  XaHazardPhotoKind     kind,
                                                  GBytes               *content,
                                                  const char           *file_name,
                                                  GError              **error);
void            xa_hazard_photos_add_file_async  (XaHazardBook         *book,
                                                  const char           *hazard_uuid,
                                                  XaHazardPhotoKind     kind,
                                                  const char           *path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
XaHazardPhoto  *xa_hazard_photos_add_file_finish (XaHazardBook         *book,
                                                  GAsyncResult         *result,
                                                  GError              **error);

GListModel     *xa_hazard_photos_list            (XaHazardBook         *book,
                                                  const char           *hazard_uuid,
                                                  GError              **error);
gboolean        xa_hazard_photos_remove          (XaHazardBook         *book,
                                                  const char           *photo_uuid,
                                                  GError              **error);

GBytes         *xa_hazard_photos_dup_content     (XaHazardBook         *book,
                                                  XaHazardPhoto        *photo,
                                                  GError              **error);
GdkPixbuf      *xa_hazard_photos_load_image      (XaHazardBook         *book,
                                                  XaHazardPhoto        *photo,
                                                  int                   max_size,
                                                  GError              **error);
void            xa_hazard_photos_load_image_async (XaHazardBook        *book,
                                                  XaHazardPhoto        *photo,
                                                  int                   max_size,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GdkPixbuf      *xa_hazard_photos_load_image_finish (XaHazardBook       *book,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
