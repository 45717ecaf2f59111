/* xa-seal-image.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Whose image it is: the commission's seal, a school's seal, a person's signature. */
typedef enum
{
  XA_SEAL_OWNER_COMMISSION,
  XA_SEAL_OWNER_SCHOOL,
  XA_SEAL_OWNER_PERSON,
} XaSealOwner;

/* How the image came: a file imported, or drawn on the signature pad. */
typedef enum
{
  XA_SEAL_SOURCE_IMPORTED,
  XA_SEAL_SOURCE_DRAWN,
} XaSealSource;

#define XA_TYPE_SEAL_IMAGE (xa_seal_image_get_type ())

G_DECLARE_FINAL_TYPE (XaSealImage, xa_seal_image, XA, SEAL_IMAGE, GObject)

/* One seal or signature image as stored (xa-seal-images.h): a snapshot of its row. */
const char   *xa_seal_image_get_uuid              (XaSealImage *self);
XaSealOwner   xa_seal_image_get_owner             (XaSealImage *self);
const char   *xa_seal_image_get_organisation_uuid (XaSealImage *self);
const char   *xa_seal_image_get_person_uuid       (XaSealImage *self);
const char   *xa_seal_image_get_sha256            (XaSealImage *self);
XaSealSource  xa_seal_image_get_source            (XaSealImage *self);
int           xa_seal_image_get_width             (XaSealImage *self);
int           xa_seal_image_get_height            (XaSealImage *self);
const char   *xa_seal_image_get_authorised_at     (XaSealImage *self);
const char   *xa_seal_image_get_authorised_by     (XaSealImage *self);
const char   *xa_seal_image_get_withdrawn_at      (XaSealImage *self);
const char   *xa_seal_image_get_withdrawn_by      (XaSealImage *self);
const char   *xa_seal_image_get_withdrawn_reason  (XaSealImage *self);
gboolean      xa_seal_image_is_current            (XaSealImage *self);

const char   *xa_seal_owner_to_key                (XaSealOwner  owner);
gboolean      xa_seal_owner_from_key              (const char  *key,
                                                   XaSealOwner *owner);

G_END_DECLS
