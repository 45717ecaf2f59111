/* xa-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XA_TYPE_PERSON (xa_person_get_type ())

G_DECLARE_FINAL_TYPE (XaPerson, xa_person, XA, PERSON, GObject)

/* Properties: "id", "uuid", "organisation-uuid", "name", "title" (职务, such as 校长),
 * "phone", "affiliation" (派出单位, for a 法治副校长 sent by a court or police station),
 * "note" (备注). */
XaPerson   *xa_person_new                   (const char *organisation_uuid,
                                             const char *name);
gint64      xa_person_get_id                (XaPerson   *self);
const char *xa_person_get_uuid              (XaPerson   *self);
const char *xa_person_get_organisation_uuid (XaPerson   *self);
const char *xa_person_get_name              (XaPerson   *self);
void        xa_person_set_name              (XaPerson   *self,
                                             const char *name);
const char *xa_person_get_title             (XaPerson   *self);
void        xa_person_set_title             (XaPerson   *self,
                                             const char *title);
const char *xa_person_get_phone             (XaPerson   *self);
void        xa_person_set_phone             (XaPerson   *self,
                                             const char *phone);
const char *xa_person_get_affiliation       (XaPerson   *self);
void        xa_person_set_affiliation       (XaPerson   *self,
                                             const char *affiliation);
const char *xa_person_get_note              (XaPerson   *self);
void        xa_person_set_note              (XaPerson   *self,
                                             const char *note);

G_END_DECLS
