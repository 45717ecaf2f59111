/* xa-assessment.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xa-scheme.h"

G_BEGIN_DECLS

/* The progress of a school's assessment in a scoring round. */
typedef enum
{
  XA_ASSESSMENT_STATE_NOT_STARTED = 0,  /* 未开始 */
  XA_ASSESSMENT_STATE_SELF_ASSESSED,    /* 已自评 */
  XA_ASSESSMENT_STATE_SCORED,           /* 已考核 */
  XA_ASSESSMENT_STATE_FINALISED,        /* 已定稿 */
} XaAssessmentState;

/* One indicator's scores (a score is the points kept, 0 … the indicator's points; a
 * negative score means not entered). The self side is the school's, the commission side
 * the commission's; @suggestion is the suggested deduction shown to the assessor (negative
 * when none), @accepted whether the commission's score took it, else @override_reason. */
typedef struct
{
  char     *code;
  double    self_score;
  char     *self_notes;
  char     *self_by;
  char     *self_at;
  double    score;
  char     *notes;
  char     *scored_by;
  char     *scored_at;
  double    suggestion;
  gboolean  accepted;
  char     *override_reason;
} XaIndicatorScore;

/* A 一票否决 decision, kept apart from the score. */
typedef struct
{
  char  *ground;      /* V1 … V4 */
  char  *reason;
  char **evidence;    /* record references: "incident:UUID", "dispute:UUID", blob ids */
  char  *decided_by;
  char  *decided_on;  /* YYYY-MM-DD */
} XaVetoDecision;

/* An audited correction of a finalised assessment, or a veto withdrawn (then @code is
 * the veto's ground, @old_value the decision's reason and @new_value empty). */
typedef struct
{
  char *at;
  char *by;
  char *reason;
  char *code;         /* the indicator, "H", or a veto's ground (V1 … V4) */
  char *old_value;    /* a one-line text of what was there */
  char *new_value;
} XaAssessmentRevision;

#define XA_TYPE_ASSESSMENT (xa_assessment_get_type ())

G_DECLARE_FINAL_TYPE (XaAssessment, xa_assessment, XA, ASSESSMENT, GObject)

/* A school's assessment of one school year against one version of the year's scheme
 * (a read-only snapshot of the store; the book writes). Properties for list rows:
 * "school-uuid", "school-code", "school-name", "school-year", "state" (int),
 * "state-label", "self-total", "total", "grade" (int), "grade-label", "vetoed",
 * "published", "rank" (0 when none). */
XaAssessment        *xa_assessment_new               (XaScheme          *scheme,
                                                      const char        *school_uuid,
                                                      const char        *school_code,
                                                      const char        *school_name);

XaScheme            *xa_assessment_get_scheme        (XaAssessment      *self);
const char          *xa_assessment_get_uuid          (XaAssessment      *self);
const char          *xa_assessment_get_school_uuid   (XaAssessment      *self);
const char          *xa_assessment_get_school_code   (XaAssessment      *self);
const char          *xa_assessment_get_school_name   (XaAssessment      *self);
int                  xa_assessment_get_school_year   (XaAssessment      *self);
XaAssessmentState    xa_assessment_get_state         (XaAssessment      *self);
gboolean             xa_assessment_get_published     (XaAssessment      *self);
const char          *xa_assessment_get_published_by  (XaAssessment      *self);
const char          *xa_assessment_get_published_at  (XaAssessment      *self);
const char          *xa_assessment_get_finalised_by  (XaAssessment      *self);
const char          *xa_assessment_get_finalised_at  (XaAssessment      *self);
/* Whether the commission's side can be seen: the commission always, a school's login
 * only after publication (then its scores and vetoes are read). */
gboolean             xa_assessment_get_commission_visible (XaAssessment *self);

/* Per indicator, in the scheme's order (never %NULL for a code of the scheme). */
const XaIndicatorScore *xa_assessment_get_score      (XaAssessment      *self,
                                                      const char        *code);
guint                xa_assessment_get_n_h_events    (XaAssessment      *self);
const char          *xa_assessment_get_h_notes       (XaAssessment      *self);
guint                xa_assessment_get_n_vetoes      (XaAssessment      *self);
const XaVetoDecision *xa_assessment_get_veto         (XaAssessment      *self,
                                                      guint              index);
guint                xa_assessment_get_n_revisions   (XaAssessment      *self);
const XaAssessmentRevision *xa_assessment_get_revision (XaAssessment    *self,
                                                      guint              index);

/* Totals: the raw score is the scheme's total − Σ deductions − H events × the H points
 * (never below 0); an indicator not scored counts as full points only in the totals of a
 * side that scored at least one indicator (-1 when that side scored none). */
double               xa_assessment_get_self_total    (XaAssessment      *self);
double               xa_assessment_get_total         (XaAssessment      *self);
gboolean             xa_assessment_get_vetoed        (XaAssessment      *self);
XaGrade              xa_assessment_get_grade         (XaAssessment      *self);
double               xa_assessment_group_total       (XaAssessment      *self,
                                                      const char        *group,
                                                      gboolean           commission);
guint                xa_assessment_get_rank          (XaAssessment      *self);

const char          *xa_assessment_state_to_key      (XaAssessmentState  state);
const char          *xa_assessment_state_to_label    (XaAssessmentState  state);

/* For the book (and tests): filling a snapshot. */
void                 _xa_assessment_set_record       (XaAssessment      *self,
                                                      const char        *uuid,
                                                      gboolean           finalised,
                                                      const char        *finalised_by,
                                                      const char        *finalised_at,
                                                      gboolean           published,
                                                      const char        *published_by,
                                                      const char        *published_at);
void                 _xa_assessment_set_commission_visible (XaAssessment *self,
                                                      gboolean           visible);
void                 _xa_assessment_set_self         (XaAssessment      *self,
                                                      const char        *code,
                                                      double             score,
                                                      const char        *notes,
                                                      const char        *by,
                                                      const char        *at);
void                 _xa_assessment_set_commission   (XaAssessment      *self,
                                                      const char        *code,
                                                      double             score,
                                                      const char        *notes,
                                                      const char        *by,
                                                      const char        *at,
                                                      double             suggestion,
                                                      gboolean           accepted,
                                                      const char        *override_reason);
void                 _xa_assessment_set_h            (XaAssessment      *self,
                                                      guint              n_events,
                                                      const char        *notes);
void                 _xa_assessment_add_veto         (XaAssessment      *self,
                                                      const XaVetoDecision *veto);
void                 _xa_assessment_add_revision     (XaAssessment      *self,
                                                      const XaAssessmentRevision *revision);
void                 _xa_assessment_set_rank         (XaAssessment      *self,
                                                      guint              rank);

G_END_DECLS
