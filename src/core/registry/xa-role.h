/* xa-role.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* reference/domain.md §4.4. Stored by key ("first-responsible"), shown by label. */
typedef enum
{
  XA_ROLE_KIND_FIRST_RESPONSIBLE,     /* 第一责任人: one holder at a time */
  XA_ROLE_KIND_DIRECT_RESPONSIBLE,    /* 直接责任人: one holder at a time */
  XA_ROLE_KIND_LEGAL_VICE_PRINCIPAL,  /* 法治副校长 */
  XA_ROLE_KIND_LEGAL_COUNSELLOR,      /* 法治辅导员 */
  XA_ROLE_KIND_SAFETY_OFFICER,        /* 安全干部 */
  XA_N_ROLE_KINDS
} XaRoleKind;

#define XA_TYPE_ROLE (xa_role_get_type ())

G_DECLARE_FINAL_TYPE (XaRole, xa_role, XA, ROLE, GObject)

/* One dated term of a person in a role at a school. Properties: "uuid", "kind",
 * "person-uuid", "person-name", "since" and "until" (YYYY-MM-DD; until is NULL while the
 * term runs, and is the day the successor took over when it ended), "note", "current";
 * also "organisation-uuid" and "kind-label" (translated). */
const char *xa_role_get_uuid        (XaRole     *self);
XaRoleKind  xa_role_get_kind        (XaRole     *self);
const char *xa_role_get_organisation_uuid (XaRole *self);
const char *xa_role_get_person_uuid (XaRole     *self);
const char *xa_role_get_person_name (XaRole     *self);
const char *xa_role_get_since       (XaRole     *self);
const char *xa_role_get_until       (XaRole     *self);
const char *xa_role_get_note        (XaRole     *self);
gboolean    xa_role_get_current     (XaRole     *self);

const char *xa_role_kind_to_key     (XaRoleKind  kind);
gboolean    xa_role_kind_from_key   (const char *key,
                                     XaRoleKind *kind);
const char *xa_role_kind_to_label   (XaRoleKind  kind);
const char *xa_role_kind_to_chinese (XaRoleKind  kind);
gboolean    xa_role_kind_is_single  (XaRoleKind  kind);

G_END_DECLS
