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
/* How many times the schools model read rows from the store: the tests count them. */
guint     _xa_school_registry_get_n_loads        (XaSchoolRegistry   *self);

G_END_DECLS
