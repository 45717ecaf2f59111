/* xa-seal-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-seal-images.h"

G_BEGIN_DECLS

#define XA_TYPE_SEAL_ROW (xa_seal_row_get_type ())

G_DECLARE_FINAL_TYPE (XaSealRow, xa_seal_row, XA, SEAL_ROW, AdwActionRow)

/* A row for one owner's seal or signature image: a preview of the image in use, who
 * authorised it and when, and the buttons that import one (a signature may be drawn
 * too), replace it or withdraw it. The operator authorises. */
void  xa_seal_row_set_owner (XaSealRow        *self,
                             XaSchoolRegistry *registry,
                             XaSealOwner       owner,
                             const char       *owner_uuid,
                             const char       *owner_name);
void  xa_seal_row_refresh   (XaSealRow        *self);

G_END_DECLS
