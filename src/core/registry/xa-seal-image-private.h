/* xa-seal-image-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-seal-image.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *uuid;
  XaSealOwner   owner;
  const char   *organisation_uuid;
  const char   *person_uuid;        /* NULL unless a signature */
  const char   *sha256;
  XaSealSource  source;
  int           width;
  int           height;
  const char   *authorised_at;
  const char   *authorised_by;
  const char   *withdrawn_at;       /* the three NULL while current */
  const char   *withdrawn_by;
  const char   *withdrawn_reason;
} XaSealImageFields;

XaSealImage *_xa_seal_image_new (const XaSealImageFields *fields);

G_END_DECLS
