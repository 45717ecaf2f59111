/* xa-school-registry-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-school-registry.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"

G_BEGIN_DECLS

/* An organisation row as the registry's writers need it. */
typedef struct
{
  gint64   id;
  gboolean deleted;
  char    *name;
  char    *kind;
} XaOrgRow;

/* The columns _xa_registry_query_terms() reads, in order, and the tables they come from. */
#define ROLE_COLUMNS "r.uuid, r.role, o.uuid, p.uuid, p.name, r.since, r.until, r.note"
#define ROLE_JOINS   " FROM role_term r JOIN person p ON p.id = r.person_id" \
                     " JOIN organisation o ON o.id = r.organisation_id"

/* The columns of an organisation row, in the order the registry reads them. */
#define XA_ORG_COLUMNS "id, uuid, kind, code, name, school_type, stages, address, phone, deleted_at"

void      _xa_org_row_clear                      (XaOrgRow           *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaOrgRow, _xa_org_row_clear)

/* Looks an organisation up by UUID; with the store locked or inside a write. A missing
 * or (unless @allow_deleted) deleted organisation is XA_REGISTRY_ERROR_NOT_FOUND. */
gboolean  _xa_registry_lookup_org                (XaStore            *store,
                                                  const char         *uuid,
                                                  gboolean            allow_deleted,
                                                  XaOrgRow           *row,
                                                  GError            **error);
/* Fails with XA_REGISTRY_ERROR_DUPLICATE_CODE when another organisation than
 * @except_uuid, deleted or not, has @code; with the store locked or inside a write. */
gboolean  _xa_registry_check_code_free           (XaStore            *store,
                                                  const char         *code,
                                                  const char         *except_uuid,
                                                  GError            **error);
/* Runs a query for organisation rows with @bind_text as its only parameter; NULL
 * without an error when there is no row. Takes the store's lock. */
XaOrganisation *_xa_registry_query_one_org       (XaStore            *store,
                                                  const char         *sql,
                                                  const char         *bind_text,
                                                  GError            **error);
void      _xa_registry_set_not_found             (GError            **error);

/* Role terms (xa-school-registry-people.c), for the writers of xa-school-registry-terms.c. */
gpointer  _xa_registry_query_terms               (XaStore            *store,
                                                  gboolean            single,
                                                  const char         *sql,
                                                  const char        **params,
                                                  GError            **error);
XaRole   *_xa_registry_dup_term                  (XaStore            *store,
                                                  const char         *uuid,
                                                  GError            **error);
gboolean  _xa_registry_check_after_predecessor   (XaRole             *predecessor,
                                                  const char         *since,
                                                  GError            **error);
/* Fails with XA_REGISTRY_ERROR_INVALID unless @date is a YYYY-MM-DD day. */
gboolean  _xa_registry_check_date                (const char         *date,
                                                  GError            **error);
/* The audit detail of a term: its role, person and dates, its note when it has one and
 * @other_key: @other_name when given (the predecessor, the successor). */
char     *_xa_registry_role_detail               (XaRoleKind          kind,
                                                  const char         *person_uuid,
                                                  const char         *person_name,
                                                  const char         *since,
                                                  const char         *until,
                                                  const char         *note,
                                                  const char         *other_key,
                                                  const char         *other_name);
/* How many times the schools model read rows from the store: the tests count them. */
guint     _xa_school_registry_get_n_loads        (XaSchoolRegistry   *self);

G_END_DECLS
