/* xa-hazard-photo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-hazard-photo.h"

G_BEGIN_DECLS

/* A photo's columns as read from a row (xa-hazard-photos.c); copied by the new photo. */
typedef struct
{
  const char        *uuid;
  const char        *hazard_uuid;
  XaHazardPhotoKind  kind;
  const char        *sha256;
  const char        *file_name;
  const char        *media_type;
  int                width;
  int                height;
  const char        *taken_at;         /* NULL: the photo does not say */
  const char        *added_at;
  const char        *added_by;
  const char        *hazard_found_on;  /* the hazard's 发现日期, for the age check */
} XaHazardPhotoFields;

XaHazardPhoto *_xa_hazard_photo_new (const XaHazardPhotoFields *fields);

G_END_DECLS
