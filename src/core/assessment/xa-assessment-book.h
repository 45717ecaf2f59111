/* xa-assessment-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-assessment.h"
#include "xa-scheme-book.h"

G_BEGIN_DECLS

#define XA_ASSESSMENT_BOOK_ERROR (xa_assessment_book_error_quark ())

typedef enum
{
  XA_ASSESSMENT_BOOK_ERROR_INVALID,    /* a field that breaks a rule: the message names it */
  XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND,  /* the school, the indicator or the assessment is not there */
  XA_ASSESSMENT_BOOK_ERROR_LOCKED,     /* finalised: only a revision with a reason changes it */
  XA_ASSESSMENT_BOOK_ERROR_BLOCKED,    /* finalising waits for a pending responsibility finding */
  XA_ASSESSMENT_BOOK_ERROR_STATE,      /* not in the state the step needs (publish before finalise) */
} XaAssessmentBookError;

/* The commission's entry for one indicator. @suggestion is the suggested deduction shown
 * (negative when none); when @accepted is FALSE and the score differs from the
 * suggestion, @override_reason is required. */
typedef struct
{
  const char *code;
  double      score;
  const char *notes;
  double      suggestion;
  gboolean    accepted;
  const char *override_reason;
} XaScoreEntry;

/* The school's entry for one indicator. */
typedef struct
{
  const char *code;
  double      score;
  const char *notes;
} XaSelfEntry;

/* A line of the published district ranking (what a school's login may read of the
 * other schools). */
typedef struct
{
  char     *school_uuid;
  char     *school_code;
  char     *school_name;
  double    total;
  XaGrade   grade;
  gboolean  vetoed;
  guint     rank;
} XaRankingEntry;

void xa_ranking_entry_free (XaRankingEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaRankingEntry, xa_ranking_entry_free)

#define XA_TYPE_ASSESSMENT_BOOK (xa_assessment_book_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessmentBook, xa_assessment_book, XA, ASSESSMENT_BOOK, GObject)

/* The yearly assessments of an installation, on either engine (schema 21): the school's
 * self-assessment (`assessment_self`), the commission's record, scores, vetoes and
 * revisions (`assessment`, `assessment_score`, `assessment_veto`, `assessment_revision`).
 * Each save one transaction with its audit entry, noted under "assessment". On a server a
 * school's login writes only its own self-assessment and reads the commission's side and
 * the district ranking only once published. */
GQuark            xa_assessment_book_error_quark (void);
XaAssessmentBook *xa_assessment_book_new         (XaStore           *store);
XaSchemeBook     *xa_assessment_book_get_schemes (XaAssessmentBook  *self);

XaAssessment     *xa_assessment_book_dup         (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  GError           **error);
/* The district view: every school the login sees, with its state, totals, grade, veto
 * and rank (by the commission's total, vetoed schools last), best first. */
GPtrArray        *xa_assessment_book_list        (XaAssessmentBook  *self,
                                                  int                school_year,
                                                  GError           **error);

/* The published results of the year, best first (vetoed last), for any login. */
GPtrArray        *xa_assessment_book_list_ranking (XaAssessmentBook *self,
                                                  int                school_year,
                                                  GError           **error);

gboolean          xa_assessment_book_set_self    (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const char        *code,
                                                  double             score,
                                                  const char        *notes,
                                                  GError           **error);
gboolean          xa_assessment_book_set_self_scores (XaAssessmentBook *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const XaSelfEntry *entries,
                                                  guint              n_entries,
                                                  GError           **error);
gboolean          xa_assessment_book_set_scores  (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const XaScoreEntry *entries,
                                                  guint              n_entries,
                                                  GError           **error);
gboolean          xa_assessment_book_set_score   (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const XaScoreEntry *entry,
                                                  GError           **error);
gboolean          xa_assessment_book_set_h       (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  guint              n_events,
                                                  const char        *notes,
                                                  GError           **error);
gboolean          xa_assessment_book_record_veto (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const char        *ground,
                                                  const char        *reason,
                                                  const char * const *evidence,
                                                  const char        *decided_on,
                                                  GError           **error);
/* Withdraws a veto (before or after finalising): kept as a revision with @reason. */
gboolean          xa_assessment_book_remove_veto (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const char        *ground,
                                                  const char        *reason,
                                                  GError           **error);
gboolean          xa_assessment_book_finalise    (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  GError           **error);
/* Publishes the finalised assessment of one school, or (@school_uuid %NULL) every
 * finalised one of the year; returns how many were published. */
int               xa_assessment_book_publish     (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  GError           **error);
/* The commission's score of every indicator not scored yet whose rule suggests a
 * deduction from @findings (the school's year's XaEvidenceFinding): the suggestion
 * taken, its arithmetic as the note, in one transaction. @scored: the codes scored;
 * @manual: those left unscored (a manual rule, or no finding). */
gboolean          xa_assessment_book_score_suggested (XaAssessmentBook *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  GPtrArray         *findings,
                                                  GStrv             *scored,
                                                  GStrv             *manual,
                                                  GError           **error);
/* Takes back the commission's scores of @codes (refused once finalised), in one
 * transaction, each audited: what undoes xa_assessment_book_score_suggested(). */
gboolean          xa_assessment_book_unscore     (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const char * const *codes,
                                                  GError           **error);
/* Corrects a finalised assessment's commission score: an audited revision with a reason,
 * the old value kept. */
gboolean          xa_assessment_book_revise      (XaAssessmentBook  *self,
                                                  const char        *school_uuid,
                                                  int                school_year,
                                                  const char        *code,
                                                  double             score,
                                                  const char        *notes,
                                                  const char        *reason,
                                                  GError           **error);

G_END_DECLS
