/* xa-evidence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_EVIDENCE_ERROR (xa_evidence_error_quark ())

typedef enum
{
  XA_EVIDENCE_ERROR_UNKNOWN_KEY,  /* no finder for that evidence source */
  XA_EVIDENCE_ERROR_NO_SCHOOL,    /* the school is not in the register */
  XA_EVIDENCE_ERROR_INVALID,      /* a bad school year or day */
} XaEvidenceError;

/* What kind of record an evidence item is, so that the UI can open it. */
typedef enum
{
  XA_EVIDENCE_KIND_HAZARD,
  XA_EVIDENCE_KIND_INSPECTION,
  XA_EVIDENCE_KIND_DRILL,
  XA_EVIDENCE_KIND_EDUCATION_RECORD,
  XA_EVIDENCE_KIND_INCIDENT,
  XA_EVIDENCE_KIND_DISPUTE,
  XA_EVIDENCE_KIND_KEY_PERSON,
  XA_EVIDENCE_KIND_CAMPAIGN,
  XA_EVIDENCE_KIND_ARCHIVE_ITEM,
  XA_EVIDENCE_KIND_PLAN,
  XA_EVIDENCE_KIND_ROLE,
  XA_N_EVIDENCE_KINDS
} XaEvidenceKind;

const char *xa_evidence_kind_to_key   (XaEvidenceKind kind);
const char *xa_evidence_kind_to_label (XaEvidenceKind kind);

#define XA_TYPE_EVIDENCE_ITEM (xa_evidence_item_get_type ())
G_DECLARE_FINAL_TYPE (XaEvidenceItem, xa_evidence_item, XA, EVIDENCE_ITEM, GObject)

/* One record that counts for a finding: its kind, its UUID (NULL for something owed and
 * never recorded, such as a missed month's inspection: there is no record to open), the
 * day it is about (YYYY-MM-DD, or "") and a one-line label in Chinese. Read-only
 * properties for list rows: "kind", "uuid", "date", "label". */
XaEvidenceItem *xa_evidence_item_new       (XaEvidenceKind  kind,
                                            const char     *uuid,
                                            const char     *date,
                                            const char     *label);
XaEvidenceKind  xa_evidence_item_get_kind  (XaEvidenceItem *self);
const char     *xa_evidence_item_get_uuid  (XaEvidenceItem *self);
const char     *xa_evidence_item_get_date  (XaEvidenceItem *self);
const char     *xa_evidence_item_get_label (XaEvidenceItem *self);

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

GQuark              xa_evidence_error_quark    (void);

/* The evidence sources this build can compute, in the order of the default scheme's
 * indicators (NULL-terminated, static). A key whose records the app does not keep (or
 * cannot read for the commission: key persons) is not in the list. */
const char * const *xa_evidence_known_sources  (void);
gboolean            xa_evidence_is_known       (const char *key);
/* A short title for a key ("逾期隐患"), translated; NULL for an unknown key. */
const char         *xa_evidence_source_to_label (const char *key);

/* The finding of @key for one school's @school_year (the start year: 2021 is
 * 2021—2022学年度), as the records stand; what is late or missed is judged on @today
 * (YYYY-MM-DD; NULL for the local date), never after the school year's last day.
 * Blocks: call it from a worker thread in the UI. */
XaEvidenceFinding  *xa_evidence_find           (XaWorkspace  *workspace,
                                                const char   *key,
                                                const char   *school_uuid,
                                                int           school_year,
                                                const char   *today,
                                                GError      **error);
/* Every known key's finding for one school's year (@school_uuid), or, with
 * @school_uuid NULL, for every school of the register the login may read: each source
 * is read once for all the schools asked for (the hazard ledger through its counting
 * and filtered queries, never row by row per school).
 * Returns: (transfer full) (element-type XaEvidenceFinding): the findings, school by
 * school in 学校标识码 order and within a school in the order of
 * xa_evidence_known_sources(), or NULL with @error set. */
GPtrArray          *xa_evidence_find_all       (XaWorkspace  *workspace,
                                                const char   *school_uuid,
                                                int           school_year,
                                                const char   *today,
                                                GError      **error);

/* The findings of one @key, for one school (@school_uuid) or every school of the
 * register the login may read (NULL), in 学校标识码 order: one read of its source.
 * Returns: (transfer full) (element-type XaEvidenceFinding): the findings, or NULL with
 * @error set (UNKNOWN_KEY for a key not in xa_evidence_known_sources()). */
GPtrArray          *xa_evidence_find_each      (XaWorkspace  *workspace,
                                                const char   *key,
                                                const char   *school_uuid,
                                                int           school_year,
                                                const char   *today,
                                                GError      **error);

G_END_DECLS
