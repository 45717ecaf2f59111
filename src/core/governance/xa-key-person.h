/* xa-key-person.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_TYPE_KEY_PERSON (xa_key_person_get_type ())
G_DECLARE_FINAL_TYPE (XaKeyPerson, xa_key_person, XA, KEY_PERSON, GObject)

const char *xa_key_person_get_uuid        (XaKeyPerson *self);
const char *xa_key_person_get_school_uuid (XaKeyPerson *self);
const char *xa_key_person_get_school_code (XaKeyPerson *self);
const char *xa_key_person_get_name        (XaKeyPerson *self);
const char *xa_key_person_get_category    (XaKeyPerson *self);
const char *xa_key_person_get_reason      (XaKeyPerson *self);
const char *xa_key_person_get_since       (XaKeyPerson *self);
const char *xa_key_person_get_carer       (XaKeyPerson *self);
const char *xa_key_person_get_closed_on   (XaKeyPerson *self);
/* The follow-up and counselling notes, oldest first: set only on a file read with
 * xa_key_person_read_file(). */
GPtrArray  *xa_key_person_get_notes       (XaKeyPerson *self);

gboolean    xa_key_person_category_is_valid (const char *category);
const char *xa_key_person_category_to_label (const char *category);

typedef struct
{
  const char *school_uuid;
  const char *name;
  const char *category;   /* student, staff, parent, neighbour, other */
  const char *reason;
  const char *since;      /* YYYY-MM-DD */
  const char *carer;      /* nullable: the teacher or staff member who follows them */
} XaKeyPersonFields;

/* A follow-up (跟踪回访) or counselling (心理疏导) note. */
typedef struct
{
  char *uuid;
  char *noted_on;
  char *kind;       /* follow-up, counselling */
  char *noted_by;
  char *content;
} XaKeyPersonNote;

#define XA_TYPE_KEY_PERSON_NOTE (xa_key_person_note_get_type ())
GType            xa_key_person_note_get_type (void) G_GNUC_CONST;
XaKeyPersonNote *xa_key_person_note_copy     (const XaKeyPersonNote *self);
void             xa_key_person_note_free     (XaKeyPersonNote       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaKeyPersonNote, xa_key_person_note_free)

gboolean     xa_key_person_name_staff (XaStore                 *store,
                                       const char              *school_uuid,
                                       const char              *staff,
                                       GError                 **error);
XaKeyPerson *xa_key_person_add        (XaStore                 *store,
                                       const XaKeyPersonFields *fields,
                                       GError                 **error);
gboolean     xa_key_person_add_note   (XaStore                 *store,
                                       const char              *key_person_uuid,
                                       const char              *noted_on,
                                       const char              *kind,
                                       const char              *noted_by,
                                       const char              *content,
                                       GError                 **error);
GPtrArray   *xa_key_person_list       (XaStore                 *store,
                                       const char              *school_uuid,
                                       GError                 **error);
gboolean     xa_key_person_may_see    (XaStore                 *store,
                                       const char              *school_uuid,
                                       gboolean                *may_see,
                                       GError                 **error);
XaKeyPerson *xa_key_person_read_file  (XaStore                 *store,
                                       const char              *uuid,
                                       GError                 **error);

G_END_DECLS
