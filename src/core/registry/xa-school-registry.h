/* xa-school-registry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-organisation.h"
#include "xa-person.h"
#include "xa-role.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_REGISTRY_ERROR (xa_registry_error_quark ())

typedef enum
{
  XA_REGISTRY_ERROR_DUPLICATE_CODE,  /* another school (maybe deleted) has this 学校标识码 */
  XA_REGISTRY_ERROR_NOT_FOUND,
  XA_REGISTRY_ERROR_INVALID,         /* a bad date, a role change before the current term… */
} XaRegistryError;

#define XA_TYPE_SCHOOL_REGISTRY (xa_school_registry_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolRegistry, xa_school_registry, XA, SCHOOL_REGISTRY, GObject)

/* The organisations of an installation, their people, roles and school years. Every
 * change is one transaction of the store with its audit entry. Changes that fail leave the
 * database as it was and set an error whose message is fit for the user (Chinese under a
 * Chinese locale) and names the field or record at fault. */

GQuark             xa_registry_error_quark               (void);
XaSchoolRegistry  *xa_school_registry_new                (XaStore            *store);
XaStore           *xa_school_registry_get_store          (XaSchoolRegistry   *self);

/* A live GListModel of XaOrganisation: the schools that are not deleted, ordered by
 * 学校标识码. It refreshes itself after every committed change of the store. */
GListModel        *xa_school_registry_get_schools        (XaSchoolRegistry   *self);
guint              xa_school_registry_count_schools      (XaSchoolRegistry   *self);
XaOrganisation    *xa_school_registry_dup_school         (XaSchoolRegistry   *self,
                                                          const char         *uuid,
                                                          GError            **error);
XaOrganisation    *xa_school_registry_dup_school_by_code (XaSchoolRegistry   *self,
                                                          const char         *code,
                                                          GError            **error);
GPtrArray         *xa_school_registry_search_schools     (XaSchoolRegistry   *self,
                                                          const char         *term,
                                                          GError            **error);
gboolean           xa_school_registry_add_school         (XaSchoolRegistry   *self,
                                                          XaOrganisation     *school,
                                                          GError            **error);
gboolean           xa_school_registry_update_school      (XaSchoolRegistry   *self,
                                                          XaOrganisation     *school,
                                                          GError            **error);
gboolean           xa_school_registry_delete_school      (XaSchoolRegistry   *self,
                                                          const char         *uuid,
                                                          GError            **error);
gboolean           xa_school_registry_restore_school     (XaSchoolRegistry   *self,
                                                          const char         *uuid,
                                                          GError            **error);

/* The commission (区教委) of this installation; NULL until one is set. */
XaOrganisation    *xa_school_registry_dup_commission     (XaSchoolRegistry   *self);
gboolean           xa_school_registry_set_commission     (XaSchoolRegistry   *self,
                                                          const char         *name,
                                                          const char         *address,
                                                          const char         *phone,
                                                          GError            **error);

/* People of one organisation (GListModel of XaPerson, by name). */
GListModel        *xa_school_registry_list_people        (XaSchoolRegistry   *self,
                                                          const char         *organisation_uuid,
                                                          GError            **error);
gboolean           xa_school_registry_add_person         (XaSchoolRegistry   *self,
                                                          XaPerson           *person,
                                                          GError            **error);
gboolean           xa_school_registry_update_person      (XaSchoolRegistry   *self,
                                                          XaPerson           *person,
                                                          GError            **error);
/* A removed person leaves the lists of people; the terms they held stay in the role
 * history. Refused while they hold a term. */
gboolean           xa_school_registry_check_person_removable (XaSchoolRegistry *self,
                                                          const char         *person_uuid,
                                                          GError            **error);
gboolean           xa_school_registry_remove_person      (XaSchoolRegistry   *self,
                                                          const char         *person_uuid,
                                                          GError            **error);

/* Role terms of one organisation (GListModel of XaRole): current terms first by kind,
 * then, with @include_history, the ended ones, latest first. */
GListModel        *xa_school_registry_list_roles         (XaSchoolRegistry   *self,
                                                          const char         *organisation_uuid,
                                                          gboolean            include_history,
                                                          GError            **error);
/* Gives @person_uuid the role from @since (YYYY-MM-DD). For 第一责任人 and 直接责任人 this
 * is a succession: the current holder's term ends on @since and the successor's begins,
 * in one transaction; @since before the current term's start is refused. */
gboolean           xa_school_registry_assign_role        (XaSchoolRegistry   *self,
                                                          const char         *organisation_uuid,
                                                          const char         *person_uuid,
                                                          XaRoleKind          kind,
                                                          const char         *since,
                                                          const char         *note,
                                                          GError            **error);
gboolean           xa_school_registry_end_role           (XaSchoolRegistry   *self,
                                                          const char         *role_uuid,
                                                          const char         *until,
                                                          GError            **error);
/* Corrections (xa-school-registry-terms.c): a term's first day and note, with a
 * predecessor's end moving along; the removal of a term entered by mistake. */
gboolean           xa_school_registry_update_role        (XaSchoolRegistry   *self,
                                                          const char         *role_uuid,
                                                          const char         *since,
                                                          const char         *note,
                                                          GError            **error);
XaRole            *xa_school_registry_dup_role_predecessor (XaSchoolRegistry *self,
                                                          const char         *role_uuid,
                                                          GError            **error);
gboolean           xa_school_registry_remove_role        (XaSchoolRegistry   *self,
                                                          const char         *role_uuid,
                                                          GError            **error);
/* Every school's holder of @kind on @date at once: school UUID → person's name. */
GHashTable        *xa_school_registry_dup_role_holders   (XaSchoolRegistry   *self,
                                                         XaRoleKind          kind,
                                                         const char         *date,
                                                         GError            **error);
/* Who held @kind at @organisation_uuid on @date (YYYY-MM-DD; NULL for today), or NULL
 * without an error when nobody did. On the day of a succession, the successor. */
XaRole            *xa_school_registry_dup_role_holder    (XaSchoolRegistry   *self,
                                                          const char         *organisation_uuid,
                                                          XaRoleKind          kind,
                                                          const char         *date,
                                                          GError            **error);

/* 学年度, keyed by start year (2021 = 2021—2022学年度). */
gboolean           xa_school_registry_ensure_school_year (XaSchoolRegistry   *self,
                                                          int                 start_year,
                                                          GError            **error);
GArray            *xa_school_registry_list_school_years  (XaSchoolRegistry   *self,
                                                          GError            **error);

G_END_DECLS
