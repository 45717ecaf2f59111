/* xa-evidence-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

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

G_END_DECLS
