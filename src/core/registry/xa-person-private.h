/* xa-person-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-person.h"

G_BEGIN_DECLS

/* For the registry, which alone knows database keys. */
XaPerson *_xa_person_new_full (gint64      id,
                               const char *uuid,
                               const char *organisation_uuid,
                               const char *name);
void      _xa_person_set_id   (XaPerson   *self,
                               gint64      id);
/* Strips leading and trailing white space from the text fields and writes the phone
 * number as xa_phone_format() does, in place. */
void      _xa_person_normalise (XaPerson  *self);

G_END_DECLS
