/* xa-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's assessment of one school year: the self and the commission's scores per
 * indicator, H events, veto decisions and revisions, and what follows from them: the raw
 * totals, the grade (any veto → 不合格, the raw score still shown) and the progress state.
 * A snapshot the assessment book fills; it never writes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xa-assessment.h"

struct _XaAssessment
{
  GObject     parent_instance;

  XaScheme   *scheme;
  char       *uuid;
  char       *school_uuid;
  char       *school_code;
  char       *school_name;
  gboolean    finalised;
  char       *finalised_by;
  char       *finalised_at;
  gboolean    published;
  char       *published_by;
  char       *published_at;
  gboolean    commission_visible;
  GArray     *scores;      /* XaIndicatorScore, in the scheme's order */
  guint       n_h_events;
  char       *h_notes;
  GArray     *vetoes;      /* XaVetoDecision */
  GArray     *revisions;   /* XaAssessmentRevision */
  guint       rank;
};

enum
{
  PROP_0,
  PROP_SCHOOL_UUID,
  PROP_SCHOOL_CODE,
  PROP_SCHOOL_NAME,
  PROP_SCHOOL_YEAR,
  PROP_STATE,
  PROP_STATE_LABEL,
  PROP_SELF_TOTAL,
  PROP_TOTAL,
  PROP_GRADE,
  PROP_GRADE_LABEL,
  PROP_VETOED,
  PROP_PUBLISHED,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (XaAssessment, xa_assessment, G_TYPE_OBJECT)

static void
score_clear (gpointer data)
{
  XaIndicatorScore *score = data;

  g_free (score->code);
  g_free (score->self_notes);
  g_free (score->self_by);
  g_free (score->self_at);
  g_free (score->notes);
  g_free (score->scored_by);
  g_free (score->scored_at);
  g_free (score->override_reason);
}

static void
veto_clear (gpointer data)
{
  XaVetoDecision *veto = data;

  g_free (veto->ground);
  g_free (veto->reason);
  g_strfreev (veto->evidence);
  g_free (veto->decided_by);
  g_free (veto->decided_on);
}

static void
revision_clear (gpointer data)
{
  XaAssessmentRevision *revision = data;

  g_free (revision->at);
  g_free (revision->by);
  g_free (revision->reason);
  g_free (revision->code);
  g_free (revision->old_value);
  g_free (revision->new_value);
}

static void
xa_assessment_finalize (GObject *object)
{
  XaAssessment *self = XA_ASSESSMENT (object);

  g_clear_object (&self->scheme);
  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self->finalised_by);
  g_free (self->finalised_at);
  g_free (self->published_by);
  g_free (self->published_at);
  g_array_unref (self->scores);
  g_free (self->h_notes);
  g_array_unref (self->vetoes);
  g_array_unref (self->revisions);

  G_OBJECT_CLASS (xa_assessment_parent_class)->finalize (object);
}

static void
xa_assessment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XaAssessment *self = XA_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_SCHOOL_UUID:
      g_value_set_string (value, self->school_uuid);
      break;
    case PROP_SCHOOL_CODE:
      g_value_set_string (value, self->school_code);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_SCHOOL_YEAR:
      g_value_set_int (value, xa_assessment_get_school_year (self));
      break;
    case PROP_STATE:
      g_value_set_int (value, xa_assessment_get_state (self));
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, xa_assessment_state_to_label (xa_assessment_get_state (self)));
      break;
    case PROP_SELF_TOTAL:
      g_value_set_double (value, xa_assessment_get_self_total (self));
      break;
    case PROP_TOTAL:
      g_value_set_double (value, xa_assessment_get_total (self));
      break;
    case PROP_GRADE:
      g_value_set_int (value, xa_assessment_get_grade (self));
      break;
    case PROP_GRADE_LABEL:
      g_value_set_string (value, xa_grade_to_label (xa_assessment_get_grade (self)));
      break;
    case PROP_VETOED:
      g_value_set_boolean (value, xa_assessment_get_vetoed (self));
      break;
    case PROP_PUBLISHED:
      g_value_set_boolean (value, self->published);
      break;
    case PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_assessment_class_init (XaAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_assessment_finalize;
  object_class->get_property = xa_assessment_get_property;

  properties[PROP_SCHOOL_UUID] = g_param_spec_string ("school-uuid", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_CODE] = g_param_spec_string ("school-code", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, NULL, flags);
  properties[PROP_SCHOOL_YEAR] = g_param_spec_int ("school-year", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, XA_ASSESSMENT_STATE_FINALISED, 0, flags);
  properties[PROP_STATE_LABEL] = g_param_spec_string ("state-label", NULL, NULL, NULL, flags);
  properties[PROP_SELF_TOTAL] = g_param_spec_double ("self-total", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_TOTAL] = g_param_spec_double ("total", NULL, NULL, -1, G_MAXDOUBLE, -1, flags);
  properties[PROP_GRADE] = g_param_spec_int ("grade", NULL, NULL, 0, XA_GRADE_FAIL, 0, flags);
  properties[PROP_GRADE_LABEL] = g_param_spec_string ("grade-label", NULL, NULL, NULL, flags);
  properties[PROP_VETOED] = g_param_spec_boolean ("vetoed", NULL, NULL, FALSE, flags);
  properties[PROP_PUBLISHED] = g_param_spec_boolean ("published", NULL, NULL, FALSE, flags);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_assessment_init (XaAssessment *self)
{
  self->scores = g_array_new (FALSE, TRUE, sizeof (XaIndicatorScore));
  g_array_set_clear_func (self->scores, score_clear);
  self->vetoes = g_array_new (FALSE, TRUE, sizeof (XaVetoDecision));
  g_array_set_clear_func (self->vetoes, veto_clear);
  self->revisions = g_array_new (FALSE, TRUE, sizeof (XaAssessmentRevision));
  g_array_set_clear_func (self->revisions, revision_clear);
  self->h_notes = g_strdup ("");
  self->commission_visible = TRUE;
}

/**
 * xa_assessment_new:
 * @scheme: (transfer none): the scheme version the assessment is scored against
 *
 * Returns: (transfer full): an assessment with nothing entered
 */
XaAssessment *
xa_assessment_new (XaScheme   *scheme,
                   const char *school_uuid,
                   const char *school_code,
                   const char *school_name)
{
  XaAssessment *self;

  g_return_val_if_fail (XA_IS_SCHEME (scheme), NULL);

  self = g_object_new (XA_TYPE_ASSESSMENT, NULL);
  self->scheme = g_object_ref (scheme);
  self->school_uuid = g_strdup (school_uuid);
  self->school_code = g_strdup (school_code);
  self->school_name = g_strdup (school_name);
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicatorScore score = {
        .code = g_strdup (xa_indicator_get_code (xa_scheme_get_indicator (scheme, i))),
        .self_score = -1,
        .score = -1,
        .suggestion = -1,
      };

      g_array_append_val (self->scores, score);
    }
  return self;
}

/**
 * xa_assessment_get_scheme:
 *
 * Returns: (transfer none): the scheme version scored against
 */
XaScheme *
xa_assessment_get_scheme (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), NULL);
  return self->scheme;
}

#define STRING_GETTER(field) \
  const char * \
  xa_assessment_get_##field (XaAssessment *self) \
  { \
    g_return_val_if_fail (XA_IS_ASSESSMENT (self), NULL); \
    return self->field; \
  }

STRING_GETTER (uuid)
STRING_GETTER (school_uuid)
STRING_GETTER (school_code)
STRING_GETTER (school_name)
STRING_GETTER (published_by)
STRING_GETTER (published_at)
STRING_GETTER (finalised_by)
STRING_GETTER (finalised_at)
STRING_GETTER (h_notes)

int
xa_assessment_get_school_year (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), 0);
  return xa_scheme_get_school_year (self->scheme);
}

gboolean
xa_assessment_get_published (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), FALSE);
  return self->published;
}

gboolean
xa_assessment_get_commission_visible (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), FALSE);
  return self->commission_visible;
}

static gboolean
any_entered (XaAssessment *self,
             gboolean      commission)
{
  for (guint i = 0; i < self->scores->len; i++)
    {
      const XaIndicatorScore *score = &g_array_index (self->scores, XaIndicatorScore, i);

      if ((commission ? score->score : score->self_score) >= 0)
        return TRUE;
    }
  return FALSE;
}

XaAssessmentState
xa_assessment_get_state (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), XA_ASSESSMENT_STATE_NOT_STARTED);

  if (self->finalised)
    return XA_ASSESSMENT_STATE_FINALISED;
  if (self->commission_visible && (any_entered (self, TRUE) || self->vetoes->len > 0 || self->n_h_events > 0))
    return XA_ASSESSMENT_STATE_SCORED;
  if (any_entered (self, FALSE))
    return XA_ASSESSMENT_STATE_SELF_ASSESSED;
  return XA_ASSESSMENT_STATE_NOT_STARTED;
}

/**
 * xa_assessment_get_score:
 *
 * Returns: (nullable): the scores of the indicator @code, or %NULL when the scheme has
 *   no such indicator
 */
const XaIndicatorScore *
xa_assessment_get_score (XaAssessment *self,
                         const char   *code)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), NULL);
  for (guint i = 0; i < self->scores->len; i++)
    if (g_strcmp0 (g_array_index (self->scores, XaIndicatorScore, i).code, code) == 0)
      return &g_array_index (self->scores, XaIndicatorScore, i);
  return NULL;
}

guint
xa_assessment_get_n_h_events (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), 0);
  return self->n_h_events;
}

guint
xa_assessment_get_n_vetoes (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), 0);
  return self->vetoes->len;
}

const XaVetoDecision *
xa_assessment_get_veto (XaAssessment *self,
                        guint         index)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (index < self->vetoes->len, NULL);
  return &g_array_index (self->vetoes, XaVetoDecision, index);
}

guint
xa_assessment_get_n_revisions (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), 0);
  return self->revisions->len;
}

const XaAssessmentRevision *
xa_assessment_get_revision (XaAssessment *self,
                            guint         index)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (index < self->revisions->len, NULL);
  return &g_array_index (self->revisions, XaAssessmentRevision, index);
}

/* Σ kept points of one side, over the indicators of @group (or all); an indicator not
 * entered keeps its full points. */
static double
kept (XaAssessment *self,
      const char   *group,
      gboolean      commission)
{
  double sum = 0;

  for (guint i = 0; i < xa_scheme_get_n_indicators (self->scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (self->scheme, i);
      const XaIndicatorScore *score = xa_assessment_get_score (self, xa_indicator_get_code (indicator));
      double value = commission ? score->score : score->self_score;

      if (group != NULL && g_strcmp0 (xa_indicator_get_group (indicator), group) != 0)
        continue;
      sum += value >= 0 ? MIN (value, xa_indicator_get_points (indicator)) : xa_indicator_get_points (indicator);
    }
  return sum;
}

static double
round2 (double value)
{
  return round (value * 100) / 100;
}

/**
 * xa_assessment_get_self_total:
 *
 * Returns: the school's own total (the scheme's total − its deductions), or -1 when it
 *   has entered nothing
 */
double
xa_assessment_get_self_total (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), -1);
  if (!any_entered (self, FALSE))
    return -1;
  return round2 (kept (self, NULL, FALSE));
}

/**
 * xa_assessment_get_total:
 *
 * Returns: the raw score: the scheme's total − Σ the commission's deductions − the H
 *   events × the H points, not below 0; -1 before the commission scored (or when the
 *   login cannot see its scores)
 */
double
xa_assessment_get_total (XaAssessment *self)
{
  double total;

  g_return_val_if_fail (XA_IS_ASSESSMENT (self), -1);
  if (!self->commission_visible || xa_assessment_get_state (self) < XA_ASSESSMENT_STATE_SCORED)
    return -1;
  total = kept (self, NULL, TRUE) - self->n_h_events * xa_scheme_get_h_points (self->scheme);
  return round2 (MAX (0, total));
}

gboolean
xa_assessment_get_vetoed (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), FALSE);
  return self->commission_visible && self->vetoes->len > 0;
}

XaGrade
xa_assessment_get_grade (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), XA_GRADE_NONE);
  if (xa_assessment_get_vetoed (self))
    return XA_GRADE_FAIL;
  return xa_scheme_grade (self->scheme, xa_assessment_get_total (self), FALSE);
}

/**
 * xa_assessment_group_total:
 * @group: a first-level code (A … G)
 * @commission: the commission's side, else the school's
 *
 * Returns: the points kept in the group (full points where nothing was entered), or -1
 *   when the side cannot be seen
 */
double
xa_assessment_group_total (XaAssessment *self,
                           const char   *group,
                           gboolean      commission)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), -1);
  if (commission && !self->commission_visible)
    return -1;
  return round2 (kept (self, group, commission));
}

guint
xa_assessment_get_rank (XaAssessment *self)
{
  g_return_val_if_fail (XA_IS_ASSESSMENT (self), 0);
  return self->rank;
}

static const struct
{
  XaAssessmentState  state;
  const char        *key;
  const char        *label;
} states[] = {
  { XA_ASSESSMENT_STATE_NOT_STARTED,   "not-started",   N_("Not started") },
  { XA_ASSESSMENT_STATE_SELF_ASSESSED, "self-assessed", N_("Self-assessed") },
  { XA_ASSESSMENT_STATE_SCORED,        "scored",        N_("Scored") },
  { XA_ASSESSMENT_STATE_FINALISED,     "finalised",     N_("Finalised") },
};

const char *
xa_assessment_state_to_key (XaAssessmentState state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (states[i].state == state)
      return states[i].key;
  return NULL;
}

const char *
xa_assessment_state_to_label (XaAssessmentState state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (states[i].state == state)
      return _(states[i].label);
  return NULL;
}

/* Filling */

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
_xa_assessment_set_record (XaAssessment *self,
                           const char   *uuid,
                           gboolean      finalised,
                           const char   *finalised_by,
                           const char   *finalised_at,
                           gboolean      published,
                           const char   *published_by,
                           const char   *published_at)
{
  replace (&self->uuid, uuid);
  self->finalised = finalised;
  replace (&self->finalised_by, finalised_by);
  replace (&self->finalised_at, finalised_at);
  self->published = published;
  replace (&self->published_by, published_by);
  replace (&self->published_at, published_at);
}

void
_xa_assessment_set_commission_visible (XaAssessment *self,
                                       gboolean      visible)
{
  self->commission_visible = visible;
}

void
_xa_assessment_set_self (XaAssessment *self,
                         const char   *code,
                         double        score,
                         const char   *notes,
                         const char   *by,
                         const char   *at)
{
  XaIndicatorScore *entry = (XaIndicatorScore *) xa_assessment_get_score (self, code);

  if (entry == NULL)
    return;
  entry->self_score = score;
  replace (&entry->self_notes, notes);
  replace (&entry->self_by, by);
  replace (&entry->self_at, at);
}

void
_xa_assessment_set_commission (XaAssessment *self,
                               const char   *code,
                               double        score,
                               const char   *notes,
                               const char   *by,
                               const char   *at,
                               double        suggestion,
                               gboolean      accepted,
                               const char   *override_reason)
{
  XaIndicatorScore *entry = (XaIndicatorScore *) xa_assessment_get_score (self, code);

  if (entry == NULL)
    return;
  entry->score = score;
  replace (&entry->notes, notes);
  replace (&entry->scored_by, by);
  replace (&entry->scored_at, at);
  entry->suggestion = suggestion;
  entry->accepted = accepted;
  replace (&entry->override_reason, override_reason);
}

void
_xa_assessment_set_h (XaAssessment *self,
                      guint         n_events,
                      const char   *notes)
{
  self->n_h_events = n_events;
  replace (&self->h_notes, notes != NULL ? notes : "");
}

void
_xa_assessment_add_veto (XaAssessment         *self,
                         const XaVetoDecision *veto)
{
  XaVetoDecision copy = {
    g_strdup (veto->ground), g_strdup (veto->reason),
    veto->evidence != NULL ? g_strdupv (veto->evidence) : g_new0 (char *, 1),
    g_strdup (veto->decided_by), g_strdup (veto->decided_on),
  };

  g_array_append_val (self->vetoes, copy);
}

void
_xa_assessment_add_revision (XaAssessment               *self,
                             const XaAssessmentRevision *revision)
{
  XaAssessmentRevision copy = {
    g_strdup (revision->at), g_strdup (revision->by), g_strdup (revision->reason),
    g_strdup (revision->code), g_strdup (revision->old_value), g_strdup (revision->new_value),
  };

  g_array_append_val (self->revisions, copy);
}

void
_xa_assessment_set_rank (XaAssessment *self,
                         guint         rank)
{
  self->rank = rank;
}
