/* xa-seal-images.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-school-registry.h"
#include "xa-seal-image.h"

G_BEGIN_DECLS

#define XA_SEAL_IMAGES_ERROR (xa_seal_images_error_quark ())

typedef enum
{
  XA_SEAL_IMAGES_ERROR_FILE,       /* cannot be read, or too big a file */
  XA_SEAL_IMAGES_ERROR_NOT_PNG,    /* not a PNG image */
  XA_SEAL_IMAGES_ERROR_OPAQUE,     /* no transparent background: a scan as it came */
  XA_SEAL_IMAGES_ERROR_EMPTY,      /* all transparent: nothing on it */
  XA_SEAL_IMAGES_ERROR_SIZE,       /* too few or too many pixels */
  XA_SEAL_IMAGES_ERROR_NOT_FOUND,  /* no such owner or image */
  XA_SEAL_IMAGES_ERROR_WITHDRAWN,  /* the image is withdrawn already */
  XA_SEAL_IMAGES_ERROR_SAME,       /* the image is the one in use already */
} XaSealImagesError;

/* The largest PNG file a seal or signature may be, and its sides in pixels: a 42 mm
 * seal scanned at 600 dpi is about 1,000 pixels across. */
#define XA_SEAL_IMAGE_MAX_BYTES   (4 * 1024 * 1024)
#define XA_SEAL_IMAGE_MAX_SIDE    4000
#define XA_SEAL_IMAGE_MIN_SEAL    150  /* a seal's shorter side: 42 mm at about 90 dpi */
#define XA_SEAL_IMAGE_MIN_SIGNATURE 16

/* Seal images of the commission and of each school, and signature images of people, as
 * the registry keeps them (schema 16): a transparent PNG stored once by its SHA-256
 * (xa-blob-store.h), with who authorised it (the store's operator) and when. An owner
 * has at most one image in use; a new one withdraws the one before, and an image is
 * withdrawn, never deleted. Every change is one transaction with its audit entries; a
 * refused image changes nothing, with a message naming the file and what to do. */
GQuark        xa_seal_images_error_quark     (void);

gboolean      xa_seal_images_check_png       (GBytes              *png,
                                              const char          *name,
                                              XaSealOwner          owner,
                                              int                 *width,
                                              int                 *height,
                                              GError             **error);
XaSealImage  *xa_seal_images_import          (XaSchoolRegistry    *registry,
                                              XaSealOwner          owner,
                                              const char          *owner_uuid,
                                              GBytes              *png,
                                              const char          *name,
                                              XaSealSource         source,
                                              GError             **error);
XaSealImage  *xa_seal_images_import_file     (XaSchoolRegistry    *registry,
                                              XaSealOwner          owner,
                                              const char          *owner_uuid,
                                              GFile               *file,
                                              GError             **error);
void          xa_seal_images_import_async    (XaSchoolRegistry    *registry,
                                              XaSealOwner          owner,
                                              const char          *owner_uuid,
                                              GFile               *file,
                                              GBytes              *png,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
XaSealImage  *xa_seal_images_import_finish   (XaSchoolRegistry    *registry,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean      xa_seal_images_withdraw        (XaSchoolRegistry    *registry,
                                              const char          *image_uuid,
                                              const char          *reason,
                                              GError             **error);
XaSealImage  *xa_seal_images_dup_current     (XaSchoolRegistry    *registry,
                                              XaSealOwner          owner,
                                              const char          *owner_uuid,
                                              GError             **error);
GListModel   *xa_seal_images_list            (XaSchoolRegistry    *registry,
                                              XaSealOwner          owner,
                                              const char          *owner_uuid,
                                              GError             **error);
GBytes       *xa_seal_images_dup_content     (XaSchoolRegistry    *registry,
                                              XaSealImage         *image,
                                              GError             **error);
GBytes       *xa_seal_images_dup_current_content (XaSchoolRegistry *registry,
                                              XaSealOwner          owner,
                                              const char          *owner_uuid,
                                              GError             **error);

G_END_DECLS
