/* xa-agreement-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-agreement.h"
#include "core/store/xa-statement.h"

G_BEGIN_DECLS

/* The latest succession of the school's 第一责任人 within the agreement's school year:
 * a term that began after 1 September while an earlier one still ran. @column is what
 * the subquery yields of it. */
#define XA_AGREEMENT_SUCCESSION(column) \
  " (SELECT " column " FROM role_term r JOIN person p ON p.id = r.person_id" \
  "   WHERE r.organisation_id = a.organisation_id AND r.role = 'first-responsible'" \
  "     AND r.since > CAST (a.school_year AS TEXT) || '-09-01'" \
  "     AND r.since <= CAST (a.school_year + 1 AS TEXT) || '-08-31'" \
  "     AND EXISTS (SELECT 1 FROM role_term q WHERE q.organisation_id = r.organisation_id" \
  "                 AND q.role = r.role AND q.since < r.since" \
  "                 AND (q.until IS NULL OR q.until > CAST (a.school_year AS TEXT) || '-09-01'))" \
  "   ORDER BY r.since DESC, r.id DESC LIMIT 1)"

/* The columns XaAgreementBook selects for an agreement, in the order
 * _xa_agreement_new_from_stmt() reads them: the row, its school and template, and the
 * successor and the handover date of a succession within the school year, if any. */
#define XA_AGREEMENT_COLUMNS \
  "a.id, a.uuid, o.uuid, o.code, a.school_year, a.revision, t.uuid, t.version, a.state," \
  " a.school_name, a.commission_name, a.first_responsible, a.direct_responsible," \
  " a.created_at, a.created_by, a.updated_at, a.pending_at, a.pending_by, a.signed_at," \
  " a.signed_by, a.archived_at, a.archived_by, a.supersedes, a.superseded_by," \
  XA_AGREEMENT_SUCCESSION ("p.name") "," \
  " a.sign_date," \
  XA_AGREEMENT_SUCCESSION ("r.since")

#define XA_AGREEMENT_JOINS \
  " FROM agreement a JOIN organisation o ON o.id = a.organisation_id" \
  " JOIN template t ON t.id = a.template_id"

XaAgreement *_xa_agreement_new_from_stmt (XaStatement *stmt);
gint64       _xa_agreement_get_id        (XaAgreement  *self);
void         _xa_agreement_take_supplements (XaAgreement *self,
                                             GStrv        uuids,
                                             GStrv        texts);
void         _xa_agreement_assign        (XaAgreement  *self,
                                          XaAgreement  *fresh);

G_END_DECLS
