/* xa-organisation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  XA_ORGANISATION_KIND_SCHOOL,
  XA_ORGANISATION_KIND_COMMISSION,
} XaOrganisationKind;

/* DESIGN.md §3: the school types a district deals with. Stored by key ("primary"), shown by
 * translated label (小学). 学段 (stages) are stored as comma-separated keys from
 * preschool, primary, junior, senior, vocational, special ("primary,junior"). */
typedef enum
{
  XA_SCHOOL_TYPE_NONE,
  XA_SCHOOL_TYPE_KINDERGARTEN,    /* 幼儿园 */
  XA_SCHOOL_TYPE_PRIMARY,         /* 小学 */
  XA_SCHOOL_TYPE_JUNIOR,          /* 初中 */
  XA_SCHOOL_TYPE_NINE_YEAR,       /* 九年一贯制 */
  XA_SCHOOL_TYPE_SENIOR,          /* 高中 */
  XA_SCHOOL_TYPE_COMPLETE,        /* 完全中学 */
  XA_SCHOOL_TYPE_VOCATIONAL,      /* 中职 */
  XA_SCHOOL_TYPE_SPECIAL,         /* 特教 */
  XA_N_SCHOOL_TYPES
} XaSchoolType;

/* The fields of a school, so that a validation error can point at the one at fault. */
typedef enum
{
  XA_ORGANISATION_FIELD_NONE,
  XA_ORGANISATION_FIELD_CODE,
  XA_ORGANISATION_FIELD_NAME,
  XA_ORGANISATION_FIELD_SCHOOL_TYPE,
  XA_ORGANISATION_FIELD_STAGES,
  XA_ORGANISATION_FIELD_ADDRESS,
  XA_ORGANISATION_FIELD_PHONE,
} XaOrganisationField;

#define XA_ORGANISATION_ERROR (xa_organisation_error_quark ())

typedef enum
{
  XA_ORGANISATION_ERROR_INVALID,   /* a field's value is wrong; the message names the field */
} XaOrganisationError;

#define XA_TYPE_ORGANISATION (xa_organisation_get_type ())

G_DECLARE_FINAL_TYPE (XaOrganisation, xa_organisation, XA, ORGANISATION, GObject)

/* Properties (all notify on change): "id", "uuid", "kind" (int, XaOrganisationKind),
 * "code", "name", "school-type" (int, XaSchoolType), "stages" (keys), "address", "phone";
 * read-only "school-type-label" and "stages-label" (translated, for list rows) and
 * "deleted". */

GQuark              xa_organisation_error_quark     (void);
XaOrganisation     *xa_organisation_new_school      (void);
XaOrganisation     *xa_organisation_copy            (XaOrganisation       *self);
gint64              xa_organisation_get_id          (XaOrganisation       *self);
const char         *xa_organisation_get_uuid        (XaOrganisation       *self);
XaOrganisationKind  xa_organisation_get_kind        (XaOrganisation       *self);
const char         *xa_organisation_get_code        (XaOrganisation       *self);
void                xa_organisation_set_code        (XaOrganisation       *self,
                                                     const char           *code);
const char         *xa_organisation_get_name        (XaOrganisation       *self);
void                xa_organisation_set_name        (XaOrganisation       *self,
                                                     const char           *name);
XaSchoolType        xa_organisation_get_school_type (XaOrganisation       *self);
void                xa_organisation_set_school_type (XaOrganisation       *self,
                                                     XaSchoolType          school_type);
const char         *xa_organisation_get_stages      (XaOrganisation       *self);
void                xa_organisation_set_stages      (XaOrganisation       *self,
                                                     const char           *stages);
const char         *xa_organisation_get_address     (XaOrganisation       *self);
void                xa_organisation_set_address     (XaOrganisation       *self,
                                                     const char           *address);
const char         *xa_organisation_get_phone       (XaOrganisation       *self);
void                xa_organisation_set_phone       (XaOrganisation       *self,
                                                     const char           *phone);
gboolean            xa_organisation_get_deleted     (XaOrganisation       *self);
const char         *xa_organisation_field_to_label  (XaOrganisationField   field);
gboolean            xa_organisation_validate        (XaOrganisation       *self,
                                                     XaOrganisationField  *bad_field,
                                                     GError              **error);
gboolean            xa_organisation_check_field     (XaOrganisationField   field,
                                                     const char           *value,
                                                     char                **warning,
                                                     GError              **error);

const char         *xa_school_type_to_label         (XaSchoolType          school_type);
XaSchoolType        xa_school_type_from_label       (const char           *label);
const char         *xa_school_type_to_key           (XaSchoolType          school_type);
XaSchoolType        xa_school_type_from_key         (const char           *key);
const char         *xa_school_type_default_stages   (XaSchoolType          school_type);
char               *xa_stages_to_label              (const char           *stages);
char               *xa_stages_from_label            (const char           *label,
                                                     GError              **error);

G_END_DECLS
