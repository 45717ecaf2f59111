/* xa-evidence.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/xa-workspace.h"
#include "xa-evidence-finding.h"
#include "xa-evidence-item.h"

G_BEGIN_DECLS

#define XA_EVIDENCE_ERROR (xa_evidence_error_quark ())

typedef enum
{
  XA_EVIDENCE_ERROR_UNKNOWN_KEY,  /* no finder for that evidence source */
  XA_EVIDENCE_ERROR_NO_SCHOOL,    /* the school is not in the register */
  XA_EVIDENCE_ERROR_INVALID,      /* a bad school year or day */
} XaEvidenceError;

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
