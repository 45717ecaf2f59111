/* xa-evidence-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the evidence finders (xa-evidence-*.c) share: the reads of one run over one
 * school year for one school or all, the findings of the key being computed, keyed by
 * school, and the reads several keys reuse (incidents, coverage).
 */

#pragma once

#include "xa-evidence.h"

G_BEGIN_DECLS

typedef struct
{
  XaWorkspace *workspace;
  int          school_year;
  char        *today;         /* the day lateness is judged on, at most year_last */
  char        *year_first;    /* YYYY-09-01 */
  char        *year_last;     /* YYYY+1-08-31 */
  const char  *school_uuid;   /* the one school asked for, or NULL for all */
  GPtrArray   *schools;       /* XaOrganisation asked for, by 学校标识码 */
  GHashTable  *findings;      /* school UUID → XaEvidenceFinding of the current key */

  /* Read once, for the keys that share them. */
  GPtrArray   *incidents;     /* XaIncident of the year */
  GHashTable  *coverage;      /* school UUID → XaEducationCoverage */
} XaEvidenceReads;

typedef gboolean (*XaEvidenceFinder) (XaEvidenceReads  *reads,
                                      GError          **error);

/* The finding of the current key for @school_uuid, or NULL for a school not asked for. */
XaEvidenceFinding *_xa_evidence_reads_finding  (XaEvidenceReads   *reads,
                                                const char        *school_uuid);
/* Sets the value and unit of every school's finding of the current key from the count
 * of its items, and the description from @format: a translated format of the count (%u)
 * and, if it says so, then the day lateness was judged on (%s). */
void               _xa_evidence_reads_count    (XaEvidenceReads   *reads,
                                                const char        *unit,
                                                const char        *format);
GPtrArray         *_xa_evidence_reads_incidents (XaEvidenceReads  *reads,
                                                 GError          **error);
/* (transfer none): the school's coverage, computed on first use. */
gpointer           _xa_evidence_reads_coverage (XaEvidenceReads   *reads,
                                                const char        *school_uuid,
                                                GError           **error);

/* xa-evidence-hazards.c */
gboolean _xa_evidence_find_hazards_overdue          (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_hazards_major_unreported (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_hazards_unclosed         (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_inspections_missed       (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_campaigns_not_done       (XaEvidenceReads *reads, GError **error);
/* xa-evidence-education.c */
gboolean _xa_evidence_find_coverage                 (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_four_implementations     (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_legal_lessons            (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_drills_missed            (XaEvidenceReads *reads, GError **error);
/* xa-evidence-incidents.c */
gboolean _xa_evidence_find_late_reports             (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_nine_no                  (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_non_veto_events          (XaEvidenceReads *reads, GError **error);
/* xa-evidence-governance.c */
gboolean _xa_evidence_find_petitions                (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_responsible_unnamed      (XaEvidenceReads *reads, GError **error);
gboolean _xa_evidence_find_safety_plans             (XaEvidenceReads *reads, GError **error);

G_END_DECLS
