/* xa-image.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>

G_BEGIN_DECLS

#define XA_IMAGE_ERROR (xa_image_error_quark ())

typedef enum
{
  XA_IMAGE_ERROR_NOT_IMAGE,   /* neither a JPEG nor a PNG, by its first bytes */
  XA_IMAGE_ERROR_TOO_LARGE,   /* more pixels than the budget */
  XA_IMAGE_ERROR_DAMAGED,     /* truncated or broken: it cannot be decoded */
} XaImageError;

/* The most pixels an image may have to be decoded: a 50-megapixel photo takes some
 * 150 MB as pixels, and a file of a few bytes may claim far more. */
#define XA_IMAGE_PIXEL_BUDGET (50 * 1000 * 1000)

typedef enum
{
  XA_IMAGE_FORMAT_NONE,
  XA_IMAGE_FORMAT_JPEG,
  XA_IMAGE_FORMAT_PNG,
} XaImageFormat;

/* What an image's header and EXIF data say, read without decoding its pixels. */
typedef struct
{
  XaImageFormat  format;
  int            width;        /* as stored, before the EXIF orientation */
  int            height;
  int            orientation;  /* EXIF 1–8; 1 when the image has none */
  char          *taken_at;     /* EXIF DateTimeOriginal as YYYY-MM-DDTHH:MM:SS, or NULL */
} XaImageInfo;

void           xa_image_info_clear         (XaImageInfo    *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaImageInfo, xa_image_info_clear)

GQuark         xa_image_error_quark        (void);
XaImageFormat  xa_image_sniff              (GBytes         *bytes);
const char    *xa_image_format_to_media_type (XaImageFormat format);

gboolean       xa_image_read_info          (GBytes         *bytes,
                                            const char     *name,
                                            XaImageInfo    *info,
                                            GError        **error);
char          *xa_image_dup_taken_at       (GBytes         *bytes);
int            xa_image_get_orientation    (GBytes         *bytes);

GdkPixbuf     *xa_image_decode             (GBytes         *bytes,
                                            const char     *name,
                                            int             max_size,
                                            GError        **error);

G_END_DECLS
