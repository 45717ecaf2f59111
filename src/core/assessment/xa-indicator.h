/* xa-indicator.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How an indicator's deduction is suggested from a value the evidence finders count
 * (issue 14). Every deduction is capped at the indicator's points (扣完为止). */
typedef enum
{
  XA_DEDUCTION_MANUAL = 0,   /* no automatic suggestion: the assessor judges */
  XA_DEDUCTION_PER_ITEM,     /* @per_item points for each counted item */
  XA_DEDUCTION_STEPPED,      /* thresholds on the value: the first step whose threshold the
                              * value reaches (value ≥ threshold) applies, else @otherwise */
  XA_DEDUCTION_ANY,          /* a fixed @fixed when the value is above 0 */
} XaDeductionKind;

/* One step of a STEPPED rule: a value ≥ @threshold deducts @deduction. Steps are kept in
 * descending order of threshold. */
typedef struct
{
  double threshold;
  double deduction;
} XaDeductionStep;

#define XA_TYPE_INDICATOR (xa_indicator_get_type ())

G_DECLARE_FINAL_TYPE (XaIndicator, xa_indicator, XA, INDICATOR, GObject)

/* A second-level indicator of a scheme: its code (A1…G1), the code of its first-level
 * group (A…G, whose title and points the scheme holds), the content (考核内容), its
 * points, the deduction standard as text (扣分标准), the evidence method (考核方式), the
 * stable clause ids of the agreement template it scores, the evidence source key (see
 * xa-evidence.h; %NULL when none) and its deduction rule. */
XaIndicator     *xa_indicator_new                (const char        *code,
                                                  const char        *group,
                                                  double             points);
XaIndicator     *xa_indicator_copy               (XaIndicator       *self);
gboolean         xa_indicator_equal              (XaIndicator       *a,
                                                  XaIndicator       *b);

const char      *xa_indicator_get_code           (XaIndicator       *self);
const char      *xa_indicator_get_group          (XaIndicator       *self);
double           xa_indicator_get_points         (XaIndicator       *self);
void             xa_indicator_set_points         (XaIndicator       *self,
                                                  double             points);
const char      *xa_indicator_get_content        (XaIndicator       *self);
void             xa_indicator_set_content        (XaIndicator       *self,
                                                  const char        *content);
const char      *xa_indicator_get_standard       (XaIndicator       *self);
void             xa_indicator_set_standard       (XaIndicator       *self,
                                                  const char        *standard);
const char      *xa_indicator_get_method         (XaIndicator       *self);
void             xa_indicator_set_method         (XaIndicator       *self,
                                                  const char        *method);
const char * const *xa_indicator_get_clause_ids  (XaIndicator       *self);
void             xa_indicator_set_clause_ids     (XaIndicator       *self,
                                                  const char * const *clause_ids);
const char      *xa_indicator_get_evidence_source (XaIndicator      *self);
void             xa_indicator_set_evidence_source (XaIndicator      *self,
                                                  const char        *key);

XaDeductionKind  xa_indicator_get_kind           (XaIndicator       *self);
double           xa_indicator_get_per_item       (XaIndicator       *self);
double           xa_indicator_get_fixed          (XaIndicator       *self);
double           xa_indicator_get_otherwise      (XaIndicator       *self);
guint            xa_indicator_get_n_steps        (XaIndicator       *self);
const XaDeductionStep *xa_indicator_get_step     (XaIndicator       *self,
                                                  guint              index);
void             xa_indicator_set_manual         (XaIndicator       *self);
void             xa_indicator_set_per_item       (XaIndicator       *self,
                                                  double             per_item);
void             xa_indicator_set_any            (XaIndicator       *self,
                                                  double             fixed);
void             xa_indicator_set_stepped        (XaIndicator       *self,
                                                  const XaDeductionStep *steps,
                                                  guint              n_steps,
                                                  double             otherwise);

/* The suggested deduction for @value (what an evidence finder counted: items, or a
 * percentage for a stepped rule), capped at the points, with its arithmetic as one
 * sentence ("逾期隐患：3 × 1 分 = 3 分（上限 6 分）"); %FALSE for a manual rule.
 * @unit_label names what was counted in the sentence. */
gboolean         xa_indicator_suggest            (XaIndicator       *self,
                                                  double             value,
                                                  const char        *unit_label,
                                                  double            *deduction,
                                                  char             **arithmetic);
char            *xa_indicator_describe_rule      (XaIndicator       *self);
char            *xa_indicator_dup_steps_text     (XaIndicator       *self);
gboolean         xa_indicator_set_steps_text     (XaIndicator       *self,
                                                  const char        *text,
                                                  GError           **error);

const char      *xa_deduction_kind_to_key        (XaDeductionKind    kind);
gboolean         xa_deduction_kind_from_key      (const char        *key,
                                                  XaDeductionKind   *kind);
const char      *xa_deduction_kind_to_label      (XaDeductionKind    kind);

char            *xa_points_format                (double             points);

G_END_DECLS
