/* xa-evidence-finding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-evidence-item.h"

G_BEGIN_DECLS

#define XA_TYPE_EVIDENCE_FINDING (xa_evidence_finding_get_type ())
G_DECLARE_FINAL_TYPE (XaEvidenceFinding, xa_evidence_finding, XA, EVIDENCE_FINDING, GObject)

/* What the records of one school's year say for one evidence source (a key of
 * xa_evidence_known_sources()): a value (a count, or a percentage for coverage), its unit,
 * a one-line description in Chinese with the numbers ("逾期未整改隐患 3 项（截至 2022-08-31）")
 * and the records that count (XaEvidenceItem). An assessment indicator's rule turns the
 * value into a suggested deduction; the finding itself knows nothing of points.
 * Read-only properties: "key", "school-uuid", "school-year", "value", "unit",
 * "description", "items". */
XaEvidenceFinding *xa_evidence_finding_new             (const char        *key,
                                                        const char        *school_uuid,
                                                        int                school_year);
const char        *xa_evidence_finding_get_key         (XaEvidenceFinding *self);
const char        *xa_evidence_finding_get_school_uuid (XaEvidenceFinding *self);
int                xa_evidence_finding_get_school_year (XaEvidenceFinding *self);
double             xa_evidence_finding_get_value       (XaEvidenceFinding *self);
const char        *xa_evidence_finding_get_unit        (XaEvidenceFinding *self);
const char        *xa_evidence_finding_get_description (XaEvidenceFinding *self);
/* (element-type XaEvidenceItem) in the order the finder gave them, mostly by date. */
GListModel        *xa_evidence_finding_get_items       (XaEvidenceFinding *self);
guint              xa_evidence_finding_get_n_items     (XaEvidenceFinding *self);

/* For the finders (xa-evidence-*.c): fill a finding. */
void               xa_evidence_finding_set_value       (XaEvidenceFinding *self,
                                                        double             value,
                                                        const char        *unit);
void               xa_evidence_finding_set_description (XaEvidenceFinding *self,
                                                        const char        *description);
void               xa_evidence_finding_add_item        (XaEvidenceFinding *self,
                                                        XaEvidenceKind     kind,
                                                        const char        *uuid,
                                                        const char        *date,
                                                        const char        *label);

G_END_DECLS
