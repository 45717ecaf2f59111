/* xa-indicator.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A second-level indicator of an assessment scheme and its deduction rule: the rule
 * turns a value the evidence finders count into a suggested deduction, capped at the
 * indicator's points (扣完为止), with its arithmetic as one sentence for the assessor.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xa-indicator.h"
#include "xa-scheme.h"

struct _XaIndicator
{
  GObject          parent_instance;

  char            *code;
  char            *group;
  double           points;
  char            *content;
  char            *standard;
  char            *method;
  GStrv            clause_ids;
  char            *evidence_source;

  XaDeductionKind  kind;
  double           per_item;
  double           fixed;
  double           otherwise;
  GArray          *steps;   /* XaDeductionStep, descending thresholds */
};

G_DEFINE_FINAL_TYPE (XaIndicator, xa_indicator, G_TYPE_OBJECT)

static void
xa_indicator_finalize (GObject *object)
{
  XaIndicator *self = XA_INDICATOR (object);

  g_free (self->code);
  g_free (self->group);
  g_free (self->content);
  g_free (self->standard);
  g_free (self->method);
  g_strfreev (self->clause_ids);
  g_free (self->evidence_source);
  g_array_unref (self->steps);

  G_OBJECT_CLASS (xa_indicator_parent_class)->finalize (object);
}

static void
xa_indicator_class_init (XaIndicatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_indicator_finalize;
}

static void
xa_indicator_init (XaIndicator *self)
{
  self->content = g_strdup ("");
  self->standard = g_strdup ("");
  self->method = g_strdup ("");
  self->clause_ids = g_new0 (char *, 1);
  self->steps = g_array_new (FALSE, FALSE, sizeof (XaDeductionStep));
}

/**
 * xa_indicator_new:
 * @code: A1 … G1
 * @group: the first-level code, A … G
 *
 * Returns: (transfer full): an indicator with a manual rule and empty texts
 */
XaIndicator *
xa_indicator_new (const char *code,
                  const char *group,
                  double      points)
{
  XaIndicator *self;

  g_return_val_if_fail (code != NULL, NULL);

  self = g_object_new (XA_TYPE_INDICATOR, NULL);
  self->code = g_strdup (code);
  self->group = g_strdup (group != NULL ? group : "");
  self->points = points;
  return self;
}

/**
 * xa_indicator_copy:
 *
 * Returns: (transfer full): a deep copy
 */
XaIndicator *
xa_indicator_copy (XaIndicator *self)
{
  XaIndicator *copy;

  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);

  copy = xa_indicator_new (self->code, self->group, self->points);
  xa_indicator_set_content (copy, self->content);
  xa_indicator_set_standard (copy, self->standard);
  xa_indicator_set_method (copy, self->method);
  xa_indicator_set_clause_ids (copy, (const char * const *) self->clause_ids);
  xa_indicator_set_evidence_source (copy, self->evidence_source);
  copy->kind = self->kind;
  copy->per_item = self->per_item;
  copy->fixed = self->fixed;
  copy->otherwise = self->otherwise;
  g_array_append_vals (copy->steps, self->steps->data, self->steps->len);
  return copy;
}

gboolean
xa_indicator_equal (XaIndicator *a,
                    XaIndicator *b)
{
  g_return_val_if_fail (XA_IS_INDICATOR (a) && XA_IS_INDICATOR (b), FALSE);

  if (g_strcmp0 (a->code, b->code) != 0 || g_strcmp0 (a->group, b->group) != 0 || a->points != b->points ||
      g_strcmp0 (a->content, b->content) != 0 || g_strcmp0 (a->standard, b->standard) != 0 ||
      g_strcmp0 (a->method, b->method) != 0 || !g_strv_equal ((const char * const *) a->clause_ids,
                                                               (const char * const *) b->clause_ids) ||
      g_strcmp0 (a->evidence_source, b->evidence_source) != 0 || a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case XA_DEDUCTION_PER_ITEM:
      return a->per_item == b->per_item;
    case XA_DEDUCTION_ANY:
      return a->fixed == b->fixed;
    case XA_DEDUCTION_STEPPED:
      return a->otherwise == b->otherwise && a->steps->len == b->steps->len &&
             memcmp (a->steps->data, b->steps->data, a->steps->len * sizeof (XaDeductionStep)) == 0;
    case XA_DEDUCTION_MANUAL:
    default:
      return TRUE;
    }
}

const char *
xa_indicator_get_code (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);
  return self->code;
}

const char *
xa_indicator_get_group (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);
  return self->group;
}

double
xa_indicator_get_points (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), 0);
  return self->points;
}

void
xa_indicator_set_points (XaIndicator *self,
                         double       points)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  self->points = points;
}

#define TEXT_ACCESSORS(field) \
  const char * \
  xa_indicator_get_##field (XaIndicator *self) \
  { \
    g_return_val_if_fail (XA_IS_INDICATOR (self), NULL); \
    return self->field; \
  } \
  void \
  xa_indicator_set_##field (XaIndicator *self, \
                            const char  *value) \
  { \
    g_return_if_fail (XA_IS_INDICATOR (self)); \
    g_free (self->field); \
    self->field = g_strdup (value != NULL ? value : ""); \
  }

TEXT_ACCESSORS (content)
TEXT_ACCESSORS (standard)
TEXT_ACCESSORS (method)

const char * const *
xa_indicator_get_clause_ids (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);
  return (const char * const *) self->clause_ids;
}

void
xa_indicator_set_clause_ids (XaIndicator        *self,
                             const char * const *clause_ids)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  g_strfreev (self->clause_ids);
  self->clause_ids = clause_ids != NULL ? g_strdupv ((char **) clause_ids) : g_new0 (char *, 1);
}

/**
 * xa_indicator_get_evidence_source:
 *
 * Returns: (nullable): the key of the evidence finder that counts for the indicator
 */
const char *
xa_indicator_get_evidence_source (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);
  return self->evidence_source;
}

void
xa_indicator_set_evidence_source (XaIndicator *self,
                                  const char  *key)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  g_free (self->evidence_source);
  self->evidence_source = key != NULL && key[0] != '\0' ? g_strdup (key) : NULL;
}

XaDeductionKind
xa_indicator_get_kind (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), XA_DEDUCTION_MANUAL);
  return self->kind;
}

double
xa_indicator_get_per_item (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), 0);
  return self->per_item;
}

double
xa_indicator_get_fixed (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), 0);
  return self->fixed;
}

double
xa_indicator_get_otherwise (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), 0);
  return self->otherwise;
}

guint
xa_indicator_get_n_steps (XaIndicator *self)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), 0);
  return self->steps->len;
}

const XaDeductionStep *
xa_indicator_get_step (XaIndicator *self,
                       guint        index)
{
  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return &g_array_index (self->steps, XaDeductionStep, index);
}

static void
clear_rule (XaIndicator     *self,
            XaDeductionKind  kind)
{
  self->kind = kind;
  self->per_item = 0;
  self->fixed = 0;
  self->otherwise = 0;
  g_array_set_size (self->steps, 0);
}

void
xa_indicator_set_manual (XaIndicator *self)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  clear_rule (self, XA_DEDUCTION_MANUAL);
}

void
xa_indicator_set_per_item (XaIndicator *self,
                           double       per_item)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  clear_rule (self, XA_DEDUCTION_PER_ITEM);
  self->per_item = per_item;
}

void
xa_indicator_set_any (XaIndicator *self,
                      double       fixed)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  clear_rule (self, XA_DEDUCTION_ANY);
  self->fixed = fixed;
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  double ta = ((const XaDeductionStep *) a)->threshold;
  double tb = ((const XaDeductionStep *) b)->threshold;

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

/**
 * xa_indicator_set_stepped:
 * @steps: (array length=n_steps): the steps, in any order (kept descending)
 * @otherwise: the deduction of a value below every threshold
 */
void
xa_indicator_set_stepped (XaIndicator           *self,
                          const XaDeductionStep *steps,
                          guint                  n_steps,
                          double                 otherwise)
{
  g_return_if_fail (XA_IS_INDICATOR (self));
  clear_rule (self, XA_DEDUCTION_STEPPED);
  g_array_append_vals (self->steps, steps, n_steps);
  g_array_sort (self->steps, compare_steps);
  self->otherwise = otherwise;
}

/**
 * xa_indicator_dup_steps_text:
 *
 * A stepped rule as one line the scheme window edits: each threshold and its deduction,
 * highest first, then the deduction otherwise: "99.5:0, 99:2, 5" (D1's default).
 *
 * Returns: (transfer full): the line; "" for a rule that is not stepped
 */
char *
xa_indicator_dup_steps_text (XaIndicator *self)
{
  GString *text = g_string_new (NULL);
  g_autofree char *otherwise = NULL;

  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);

  if (self->kind != XA_DEDUCTION_STEPPED)
    return g_string_free (text, FALSE);
  for (guint i = 0; i < self->steps->len; i++)
    {
      const XaDeductionStep *step = &g_array_index (self->steps, XaDeductionStep, i);
      g_autofree char *threshold = xa_points_format (step->threshold);
      g_autofree char *deduction = xa_points_format (step->deduction);

      g_string_append_printf (text, "%s:%s, ", threshold, deduction);
    }
  otherwise = xa_points_format (self->otherwise);
  g_string_append (text, otherwise);
  return g_string_free (text, FALSE);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (*trimmed == '\0')
    return FALSE;
  *value = g_ascii_strtod (trimmed, &end);
  return end != NULL && *end == '\0' && isfinite (*value) && *value >= 0;
}

/**
 * xa_indicator_set_steps_text:
 * @text: "99.5:0, 99:2, 5": thresholds and their deductions, then the deduction otherwise;
 *   full-width commas, semicolons and colons are read too
 *
 * Makes the rule stepped, from the line xa_indicator_dup_steps_text() writes. A line that
 * does not read so is refused with a message naming the indicator and the part, and
 * changes nothing.
 */
gboolean
xa_indicator_set_steps_text (XaIndicator  *self,
                             const char   *text,
                             GError      **error)
{
  g_autoptr(GString) line = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (XaDeductionStep));
  double otherwise = 0;
  guint n_parts;

  g_return_val_if_fail (XA_IS_INDICATOR (self), FALSE);

  line = g_string_new (text != NULL ? text : "");
  g_string_replace (line, "，", ",", 0);
  g_string_replace (line, "；", ",", 0);
  g_string_replace (line, ";", ",", 0);
  g_string_replace (line, "：", ":", 0);
  parts = g_strsplit (line->str, ",", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 2)
    {
      g_set_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_INVALID,
                   /* Translators: %s is an indicator's code */
                   _("Indicator %s, steps: give at least one threshold with its deduction and the deduction otherwise, such as 99.5:0, 99:2, 5"),
                   self->code);
      return FALSE;
    }
  for (guint i = 0; i + 1 < n_parts; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], ":", -1);
      XaDeductionStep step;

      if (g_strv_length (pair) != 2 || !parse_number (pair[0], &step.threshold) ||
          !parse_number (pair[1], &step.deduction))
        {
          g_autofree char *part = g_strstrip (g_strdup (parts[i]));

          g_set_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_INVALID,
                       /* Translators: %1$s is an indicator's code, %2$s the part of the line that is wrong */
                       _("Indicator %1$s, steps: “%2$s” is not a threshold and its deduction, such as 99.5:0"),
                       self->code, part);
          return FALSE;
        }
      g_array_append_val (steps, step);
    }
  if (!parse_number (parts[n_parts - 1], &otherwise))
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[n_parts - 1]));

      g_set_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_INVALID,
                   /* Translators: %1$s is an indicator's code, %2$s the last part of the line */
                   _("Indicator %1$s, steps: the line ends with the deduction otherwise, a number, not “%2$s”"),
                   self->code, part);
      return FALSE;
    }
  xa_indicator_set_stepped (self, (const XaDeductionStep *) steps->data, steps->len, otherwise);
  return TRUE;
}

/**
 * xa_points_format:
 *
 * Returns: (transfer full): points as the score sheet writes them: 3, 0.5, 2.25
 */
char *
xa_points_format (double points)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (points * 100) / 100;
  char *text;
  char *end;

  if (rounded == 0)
    rounded = 0; /* no "-0" */
  text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", rounded));
  end = text + strlen (text);
  while (end > text && end[-1] == '0')
    *--end = '\0';
  if (end > text && end[-1] == '.')
    *--end = '\0';
  return text;
}

#define points_text xa_points_format

/**
 * xa_indicator_suggest:
 * @value: what the evidence finder counted (items, or a percentage for a stepped rule)
 * @unit_label: (nullable): what was counted, as the sentence names it ("逾期隐患", "项")
 * @deduction: (out): the suggested deduction, 0 … the indicator's points
 * @arithmetic: (out) (transfer full) (optional): the arithmetic as one sentence
 *
 * Returns: %FALSE for a manual rule (nothing suggested; @deduction 0)
 */
gboolean
xa_indicator_suggest (XaIndicator  *self,
                      double        value,
                      const char   *unit_label,
                      double       *deduction,
                      char        **arithmetic)
{
  g_autofree char *cap = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *result_text = NULL;
  const char *label = unit_label != NULL && unit_label[0] != '\0' ? unit_label : _("items");
  char *sentence = NULL;
  double raw = 0;
  double capped;

  g_return_val_if_fail (XA_IS_INDICATOR (self), FALSE);
  g_return_val_if_fail (deduction != NULL, FALSE);

  *deduction = 0;
  if (arithmetic != NULL)
    *arithmetic = NULL;
  if (self->kind == XA_DEDUCTION_MANUAL)
    return FALSE;
  if (value < 0 || isnan (value))
    value = 0;

  value_text = points_text (value);
  cap = points_text (self->points);
  switch (self->kind)
    {
    case XA_DEDUCTION_PER_ITEM:
      {
        g_autofree char *per = points_text (self->per_item);
        g_autofree char *product = NULL;

        raw = value * self->per_item;
        capped = MIN (raw, self->points);
        product = points_text (raw);
        result_text = points_text (capped);
        if (raw > self->points)
          /* TRANSLATORS: "逾期隐患 8 项 × 1 分 = 8 分，扣完为止：扣 6 分（上限 6 分）" */
          sentence = g_strdup_printf (_("%s: %s × %s points = %s points, capped: %s points deducted (at most %s points)"),
                                      label, value_text, per, product, result_text, cap);
        else
          sentence = g_strdup_printf (_("%s: %s × %s points = %s points (at most %s points)"),
                                      label, value_text, per, result_text, cap);
        break;
      }
    case XA_DEDUCTION_ANY:
      {
        raw = value > 0 ? self->fixed : 0;
        capped = MIN (raw, self->points);
        result_text = points_text (capped);
        if (value > 0)
          sentence = g_strdup_printf (_("%s: %s, more than none: %s points deducted"), label, value_text, result_text);
        else
          sentence = g_strdup_printf (_("%s: none, no deduction"), label);
        break;
      }
    case XA_DEDUCTION_STEPPED:
      {
        guint i;

        for (i = 0; i < self->steps->len; i++)
          if (value >= g_array_index (self->steps, XaDeductionStep, i).threshold)
            break;
        if (i < self->steps->len)
          {
            g_autofree char *threshold = points_text (g_array_index (self->steps, XaDeductionStep, i).threshold);

            raw = g_array_index (self->steps, XaDeductionStep, i).deduction;
            capped = MIN (raw, self->points);
            result_text = points_text (capped);
            sentence = g_strdup_printf (_("%s: %s, at least %s: %s points deducted"), label, value_text, threshold, result_text);
          }
        else
          {
            g_autofree char *lowest = self->steps->len > 0
              ? points_text (g_array_index (self->steps, XaDeductionStep, self->steps->len - 1).threshold)
              : g_strdup ("0");

            raw = self->otherwise;
            capped = MIN (raw, self->points);
            result_text = points_text (capped);
            sentence = g_strdup_printf (_("%s: %s, below %s: %s points deducted"), label, value_text, lowest, result_text);
          }
        break;
      }
    case XA_DEDUCTION_MANUAL:
    default:
      g_assert_not_reached ();
    }

  *deduction = MAX (0, MIN (raw, self->points));
  if (arithmetic != NULL)
    *arithmetic = sentence;
  else
    g_free (sentence);
  return TRUE;
}

/**
 * xa_indicator_describe_rule:
 *
 * Returns: (transfer full): the rule as one short line ("每项扣 1 分，扣完为止")
 */
char *
xa_indicator_describe_rule (XaIndicator *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (XA_IS_INDICATOR (self), NULL);

  switch (self->kind)
    {
    case XA_DEDUCTION_PER_ITEM:
      {
        g_autofree char *per = points_text (self->per_item);

        g_string_printf (text, _("%s points per item, capped at the indicator’s points"), per);
        break;
      }
    case XA_DEDUCTION_ANY:
      {
        g_autofree char *fixed = points_text (self->fixed);

        g_string_printf (text, _("%s points when any is found"), fixed);
        break;
      }
    case XA_DEDUCTION_STEPPED:
      for (guint i = 0; i < self->steps->len; i++)
        {
          const XaDeductionStep *step = &g_array_index (self->steps, XaDeductionStep, i);
          g_autofree char *threshold = points_text (step->threshold);
          g_autofree char *points = points_text (step->deduction);

          if (i > 0)
            g_string_append (text, _("; "));
          g_string_append_printf (text, _("at least %s: %s points"), threshold, points);
        }
      {
        g_autofree char *otherwise = points_text (self->otherwise);

        if (self->steps->len > 0)
          g_string_append (text, _("; "));
        g_string_append_printf (text, _("otherwise %s points"), otherwise);
      }
      break;
    case XA_DEDUCTION_MANUAL:
    default:
      g_string_append (text, _("judged by the assessor"));
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const struct
{
  XaDeductionKind  kind;
  const char      *key;
  const char      *label;
} kinds[] = {
  { XA_DEDUCTION_MANUAL,   "manual",   N_("Judged by the assessor") },
  { XA_DEDUCTION_PER_ITEM, "per-item", N_("Per item") },
  { XA_DEDUCTION_STEPPED,  "stepped",  N_("Stepped") },
  { XA_DEDUCTION_ANY,      "any",      N_("Fixed when any") },
};

const char *
xa_deduction_kind_to_key (XaDeductionKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].key;
  return NULL;
}

gboolean
xa_deduction_kind_from_key (const char      *key,
                            XaDeductionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].key, key) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
xa_deduction_kind_to_label (XaDeductionKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return _(kinds[i].label);
  return NULL;
}
