/* xa-scheme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment scheme of a school year: first-level groups, second-level indicators,
 * veto items, the H rule and the grade cut-offs, and the rules a scheme keeps before it
 * is stored. JSON is xa-scheme-json.c, comparing two schemes xa-scheme-compare.c, the
 * default scheme xa-scheme-default.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xa-scheme-private.h"

G_DEFINE_QUARK (xa-scheme-error-quark, xa_scheme_error)

G_DEFINE_FINAL_TYPE (XaScheme, xa_scheme, G_TYPE_OBJECT)

void
xa_scheme_change_free (XaSchemeChange *change)
{
  if (change == NULL)
    return;
  g_free (change->code);
  g_free (change->summary);
  g_free (change);
}

static void
group_clear (gpointer data)
{
  XaSchemeGroup *group = data;

  g_free (group->code);
  g_free (group->title);
}

static void
veto_clear (gpointer data)
{
  XaSchemeVeto *veto = data;

  g_free (veto->code);
  g_free (veto->text);
  g_free (veto->basis);
}

static void
xa_scheme_finalize (GObject *object)
{
  XaScheme *self = XA_SCHEME (object);

  g_free (self->title);
  g_array_unref (self->groups);
  g_ptr_array_unref (self->indicators);
  g_array_unref (self->vetoes);
  g_free (self->h_text);

  G_OBJECT_CLASS (xa_scheme_parent_class)->finalize (object);
}

static void
xa_scheme_class_init (XaSchemeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_scheme_finalize;
}

static void
xa_scheme_init (XaScheme *self)
{
  self->title = g_strdup ("");
  self->total = 100;
  self->groups = g_array_new (FALSE, TRUE, sizeof (XaSchemeGroup));
  g_array_set_clear_func (self->groups, group_clear);
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  self->vetoes = g_array_new (FALSE, TRUE, sizeof (XaSchemeVeto));
  g_array_set_clear_func (self->vetoes, veto_clear);
  self->h_points = 5;
  self->h_text = g_strdup ("");
  self->excellent = 90;
  self->good = 80;
  self->pass = 60;
}

/**
 * xa_scheme_new:
 *
 * Returns: (transfer full): an empty scheme of 100 points for @school_year (version 0)
 */
XaScheme *
xa_scheme_new (int school_year)
{
  XaScheme *self = g_object_new (XA_TYPE_SCHEME, NULL);

  self->school_year = school_year;
  return self;
}

/**
 * xa_scheme_copy:
 *
 * Returns: (transfer full): a deep copy, with the same year and version
 */
XaScheme *
xa_scheme_copy (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);

  return xa_scheme_copy_to_year (self, self->school_year);
}

/**
 * xa_scheme_copy_to_year:
 *
 * Returns: (transfer full): a deep copy for @school_year; the version is kept only when
 *   the year is the same (0 otherwise)
 */
XaScheme *
xa_scheme_copy_to_year (XaScheme *self,
                        int       school_year)
{
  XaScheme *copy;

  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);

  copy = xa_scheme_new (school_year);
  copy->version = school_year == self->school_year ? self->version : 0;
  xa_scheme_set_title (copy, self->title);
  copy->total = self->total;
  for (guint i = 0; i < self->groups->len; i++)
    {
      const XaSchemeGroup *group = &g_array_index (self->groups, XaSchemeGroup, i);

      xa_scheme_add_group (copy, group->code, group->title, group->points);
    }
  for (guint i = 0; i < self->indicators->len; i++)
    g_ptr_array_add (copy->indicators, xa_indicator_copy (g_ptr_array_index (self->indicators, i)));
  for (guint i = 0; i < self->vetoes->len; i++)
    {
      const XaSchemeVeto *veto = &g_array_index (self->vetoes, XaSchemeVeto, i);

      xa_scheme_add_veto (copy, veto->code, veto->text, veto->basis);
    }
  xa_scheme_set_h_rule (copy, self->h_points, self->h_text);
  xa_scheme_set_cutoffs (copy, self->excellent, self->good, self->pass);
  return copy;
}

/**
 * xa_scheme_equal:
 *
 * Whether two schemes say the same (their year and version aside).
 */
gboolean
xa_scheme_equal (XaScheme *a,
                 XaScheme *b)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (XA_IS_SCHEME (a) && XA_IS_SCHEME (b), FALSE);

  changes = xa_scheme_compare (a, b);
  return changes->len == 0 && g_strcmp0 (a->title, b->title) == 0;
}

int
xa_scheme_get_school_year (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->school_year;
}

guint
xa_scheme_get_version (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->version;
}

void
xa_scheme_set_version (XaScheme *self,
                       guint     version)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  self->version = version;
}

const char *
xa_scheme_get_title (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  return self->title;
}

void
xa_scheme_set_title (XaScheme   *self,
                     const char *title)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
}

double
xa_scheme_get_total (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->total;
}

void
xa_scheme_set_total (XaScheme *self,
                     double    total)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  self->total = total;
}

guint
xa_scheme_get_n_groups (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->groups->len;
}

const XaSchemeGroup *
xa_scheme_get_group (XaScheme *self,
                     guint     index)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return &g_array_index (self->groups, XaSchemeGroup, index);
}

/**
 * xa_scheme_find_group:
 *
 * Returns: (nullable): the first-level indicator of that code
 */
const XaSchemeGroup *
xa_scheme_find_group (XaScheme   *self,
                      const char *code)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  for (guint i = 0; i < self->groups->len; i++)
    if (g_strcmp0 (g_array_index (self->groups, XaSchemeGroup, i).code, code) == 0)
      return &g_array_index (self->groups, XaSchemeGroup, i);
  return NULL;
}

void
xa_scheme_add_group (XaScheme   *self,
                     const char *code,
                     const char *title,
                     double      points)
{
  XaSchemeGroup group = { g_strdup (code), g_strdup (title != NULL ? title : ""), points };

  g_return_if_fail (XA_IS_SCHEME (self));
  g_array_append_val (self->groups, group);
}

/**
 * xa_scheme_set_group:
 *
 * Returns: %FALSE when the scheme has no group @code
 */
gboolean
xa_scheme_set_group (XaScheme   *self,
                     const char *code,
                     const char *title,
                     double      points)
{
  XaSchemeGroup *group = (XaSchemeGroup *) xa_scheme_find_group (self, code);

  if (group == NULL)
    return FALSE;
  g_free (group->title);
  group->title = g_strdup (title != NULL ? title : "");
  group->points = points;
  return TRUE;
}

guint
xa_scheme_get_n_indicators (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->indicators->len;
}

/**
 * xa_scheme_get_indicator:
 *
 * Returns: (transfer none): the indicator at @index, in the scheme's order
 */
XaIndicator *
xa_scheme_get_indicator (XaScheme *self,
                         guint     index)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

/**
 * xa_scheme_find_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator of that code
 */
XaIndicator *
xa_scheme_find_indicator (XaScheme   *self,
                          const char *code)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  for (guint i = 0; i < self->indicators->len; i++)
    if (g_strcmp0 (xa_indicator_get_code (g_ptr_array_index (self->indicators, i)), code) == 0)
      return g_ptr_array_index (self->indicators, i);
  return NULL;
}

/**
 * xa_scheme_add_indicator:
 * @indicator: (transfer none): appended (a reference is taken)
 */
void
xa_scheme_add_indicator (XaScheme    *self,
                         XaIndicator *indicator)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  g_return_if_fail (XA_IS_INDICATOR (indicator));
  g_ptr_array_add (self->indicators, g_object_ref (indicator));
}

gboolean
xa_scheme_remove_indicator (XaScheme   *self,
                            const char *code)
{
  XaIndicator *indicator = xa_scheme_find_indicator (self, code);

  return indicator != NULL && g_ptr_array_remove (self->indicators, indicator);
}

guint
xa_scheme_get_n_vetoes (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->vetoes->len;
}

const XaSchemeVeto *
xa_scheme_get_veto (XaScheme *self,
                    guint     index)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->vetoes->len, NULL);
  return &g_array_index (self->vetoes, XaSchemeVeto, index);
}

/**
 * xa_scheme_find_veto:
 *
 * Returns: (nullable): the veto item of that code (V1 … V4)
 */
const XaSchemeVeto *
xa_scheme_find_veto (XaScheme   *self,
                     const char *code)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  for (guint i = 0; i < self->vetoes->len; i++)
    if (g_strcmp0 (g_array_index (self->vetoes, XaSchemeVeto, i).code, code) == 0)
      return &g_array_index (self->vetoes, XaSchemeVeto, i);
  return NULL;
}

void
xa_scheme_add_veto (XaScheme   *self,
                    const char *code,
                    const char *text,
                    const char *basis)
{
  XaSchemeVeto veto = { g_strdup (code), g_strdup (text != NULL ? text : ""), g_strdup (basis != NULL ? basis : "") };

  g_return_if_fail (XA_IS_SCHEME (self));
  g_array_append_val (self->vetoes, veto);
}

/**
 * xa_scheme_set_veto:
 *
 * Changes the text and the basis of the veto item @code (the scheme's validation then
 * judges them).
 *
 * Returns: %FALSE when the scheme has no such item
 */
gboolean
xa_scheme_set_veto (XaScheme   *self,
                    const char *code,
                    const char *text,
                    const char *basis)
{
  XaSchemeVeto *veto;

  g_return_val_if_fail (XA_IS_SCHEME (self), FALSE);

  if (!(veto = (XaSchemeVeto *) xa_scheme_find_veto (self, code)))
    return FALSE;
  g_free (veto->text);
  veto->text = g_strdup (text != NULL ? text : "");
  g_free (veto->basis);
  veto->basis = g_strdup (basis != NULL ? basis : "");
  return TRUE;
}

double
xa_scheme_get_h_points (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), 0);
  return self->h_points;
}

const char *
xa_scheme_get_h_text (XaScheme *self)
{
  g_return_val_if_fail (XA_IS_SCHEME (self), NULL);
  return self->h_text;
}

void
xa_scheme_set_h_rule (XaScheme   *self,
                      double      points_per_event,
                      const char *text)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  self->h_points = points_per_event;
  g_free (self->h_text);
  self->h_text = g_strdup (text != NULL ? text : "");
}

void
xa_scheme_get_cutoffs (XaScheme *self,
                       double   *excellent,
                       double   *good,
                       double   *pass)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  if (excellent != NULL)
    *excellent = self->excellent;
  if (good != NULL)
    *good = self->good;
  if (pass != NULL)
    *pass = self->pass;
}

void
xa_scheme_set_cutoffs (XaScheme *self,
                       double    excellent,
                       double    good,
                       double    pass)
{
  g_return_if_fail (XA_IS_SCHEME (self));
  self->excellent = excellent;
  self->good = good;
  self->pass = pass;
}

/**
 * xa_scheme_grade:
 * @score: the raw score
 * @vetoed: whether a veto was decided (不合格 whatever the score)
 */
XaGrade
xa_scheme_grade (XaScheme *self,
                 double    score,
                 gboolean  vetoed)
{
  /* Scores are kept to two decimals: 89.995 is not 90. */
  double rounded = round (score * 100) / 100;

  g_return_val_if_fail (XA_IS_SCHEME (self), XA_GRADE_NONE);

  if (vetoed)
    return XA_GRADE_FAIL;
  if (score < 0)
    return XA_GRADE_NONE;
  if (rounded >= self->excellent)
    return XA_GRADE_EXCELLENT;
  if (rounded >= self->good)
    return XA_GRADE_GOOD;
  if (rounded >= self->pass)
    return XA_GRADE_PASS;
  return XA_GRADE_FAIL;
}

/* Validation */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
near (double a,
      double b)
{
  return fabs (a - b) < 0.001;
}

static gboolean
code_is_valid (const char *code,
               gsize       max)
{
  if (code == NULL || code[0] == '\0' || strlen (code) > max)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
validate_rule (XaIndicator *indicator,
               GError     **error)
{
  const char *code = xa_indicator_get_code (indicator);
  double points = xa_indicator_get_points (indicator);

  switch (xa_indicator_get_kind (indicator))
    {
    case XA_DEDUCTION_PER_ITEM:
      if (!(xa_indicator_get_per_item (indicator) > 0) || xa_indicator_get_per_item (indicator) > points)
        return invalid (error, _("Indicator %s: the deduction per item (每项扣分) is not above 0 and at most the indicator’s points"), code);
      break;
    case XA_DEDUCTION_ANY:
      if (!(xa_indicator_get_fixed (indicator) > 0) || xa_indicator_get_fixed (indicator) > points)
        return invalid (error, _("Indicator %s: the fixed deduction (扣分) is not above 0 and at most the indicator’s points"), code);
      break;
    case XA_DEDUCTION_STEPPED:
      if (xa_indicator_get_n_steps (indicator) == 0)
        return invalid (error, _("Indicator %s: a stepped rule (分档扣分) has no steps"), code);
      for (guint i = 0; i < xa_indicator_get_n_steps (indicator); i++)
        {
          const XaDeductionStep *step = xa_indicator_get_step (indicator, i);

          if (!isfinite (step->threshold) || step->deduction < 0 || step->deduction > points)
            return invalid (error, _("Indicator %s: step %u of the stepped rule (分档扣分) deducts less than 0 or more than the indicator’s points"),
                            code, i + 1);
          if (i > 0 && step->threshold == xa_indicator_get_step (indicator, i - 1)->threshold)
            return invalid (error, _("Indicator %s: two steps of the stepped rule (分档扣分) have the same threshold"), code);
          if (i > 0 && step->deduction < xa_indicator_get_step (indicator, i - 1)->deduction)
            return invalid (error, _("Indicator %s: a lower step of the stepped rule (分档扣分) deducts less than a higher one"), code);
        }
      if (xa_indicator_get_otherwise (indicator) < 0 || xa_indicator_get_otherwise (indicator) > points ||
          xa_indicator_get_otherwise (indicator) <
            xa_indicator_get_step (indicator, xa_indicator_get_n_steps (indicator) - 1)->deduction)
        return invalid (error, _("Indicator %s: the deduction below every step (分档扣分) is not between the lowest step’s and the indicator’s points"), code);
      break;
    case XA_DEDUCTION_MANUAL:
    default:
      break;
    }
  return TRUE;
}

/**
 * xa_scheme_validate:
 *
 * The rules a scheme keeps before it is stored: codes unique, each indicator in a group,
 * points positive, an indicator's points summing to its group's and the groups' to the
 * scheme's total, rule parameters sane, cut-offs in order. The message names the code
 * and the field.
 */
gboolean
xa_scheme_validate (XaScheme  *self,
                    GError   **error)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  double groups_sum = 0;

  g_return_val_if_fail (XA_IS_SCHEME (self), FALSE);

  if (self->school_year < 2000 || self->school_year > 2100)
    return invalid (error, _("The scheme’s school year (学年) is not between 2000 and 2100"));
  if (!(self->total > 0) || self->total > 1000)
    return invalid (error, _("The scheme’s total (总分) is not above 0 and at most 1000"));
  if (self->groups->len == 0 || self->indicators->len == 0)
    return invalid (error, _("The scheme has no first-level or no second-level indicators (指标)"));

  for (guint i = 0; i < self->groups->len; i++)
    {
      const XaSchemeGroup *group = &g_array_index (self->groups, XaSchemeGroup, i);
      double sum = 0;
      guint n = 0;

      if (!code_is_valid (group->code, 8))
        return invalid (error, _("First-level indicator %u: the code (代码) is empty, longer than 8 characters or not letters and digits"), i + 1);
      if (!g_hash_table_add (codes, group->code))
        return invalid (error, _("First-level indicator %s: the code (代码) is used twice"), group->code);
      if (group->title == NULL || group->title[0] == '\0' || g_utf8_strlen (group->title, -1) > 100)
        return invalid (error, _("First-level indicator %s: the title (一级指标) is empty or longer than 100 characters"), group->code);
      if (!(group->points > 0))
        return invalid (error, _("First-level indicator %s: the points (分值) are not above 0"), group->code);
      for (guint j = 0; j < self->indicators->len; j++)
        if (g_strcmp0 (xa_indicator_get_group (g_ptr_array_index (self->indicators, j)), group->code) == 0)
          {
            sum += xa_indicator_get_points (g_ptr_array_index (self->indicators, j));
            n++;
          }
      if (n == 0)
        return invalid (error, _("First-level indicator %s has no second-level indicators"), group->code);
      if (!near (sum, group->points))
        {
          g_autofree char *have = xa_points_format (sum);
          g_autofree char *want = xa_points_format (group->points);

          return invalid (error, _("First-level indicator %s: its indicators’ points (分值) add up to %s, not %s"),
                          group->code, have, want);
        }
      groups_sum += group->points;
    }
  if (!near (groups_sum, self->total))
    {
      g_autofree char *have = xa_points_format (groups_sum);
      g_autofree char *want = xa_points_format (self->total);

      return invalid (error, _("The first-level indicators’ points (分值) add up to %s, not the scheme’s total %s"), have, want);
    }

  for (guint i = 0; i < self->indicators->len; i++)
    {
      XaIndicator *indicator = g_ptr_array_index (self->indicators, i);
      const char *code = xa_indicator_get_code (indicator);

      if (!code_is_valid (code, 8))
        return invalid (error, _("Indicator %u: the code (代码) is empty, longer than 8 characters or not letters and digits"), i + 1);
      if (!g_hash_table_add (codes, (gpointer) code) || g_strcmp0 (code, "H") == 0)
        return invalid (error, _("Indicator %s: the code (代码) is used twice or reserved"), code);
      if (xa_scheme_find_group (self, xa_indicator_get_group (indicator)) == NULL)
        return invalid (error, _("Indicator %s: its first-level indicator (一级指标) %s is not in the scheme"),
                        code, xa_indicator_get_group (indicator));
      if (!(xa_indicator_get_points (indicator) > 0))
        return invalid (error, _("Indicator %s: the points (分值) are not above 0"), code);
      if (xa_indicator_get_content (indicator)[0] == '\0' || g_utf8_strlen (xa_indicator_get_content (indicator), -1) > 1000)
        return invalid (error, _("Indicator %s: the content (考核内容) is empty or longer than 1000 characters"), code);
      if (g_utf8_strlen (xa_indicator_get_standard (indicator), -1) > 1000 ||
          g_utf8_strlen (xa_indicator_get_method (indicator), -1) > 200)
        return invalid (error, _("Indicator %s: the deduction standard (扣分标准) is longer than 1000 characters or the method (考核方式) longer than 200"), code);
      if (!validate_rule (indicator, error))
        return FALSE;
    }

  for (guint i = 0; i < self->vetoes->len; i++)
    {
      const XaSchemeVeto *veto = &g_array_index (self->vetoes, XaSchemeVeto, i);

      if (!code_is_valid (veto->code, 8) || !g_hash_table_add (codes, veto->code))
        return invalid (error, _("Veto item %u: the code (代码) is empty, not letters and digits or used twice"), i + 1);
      if (veto->text == NULL || veto->text[0] == '\0')
        return invalid (error, _("Veto item %s: the situation (否决情形) is empty"), veto->code);
      if (g_utf8_strlen (veto->text, -1) > 500 || g_utf8_strlen (veto->basis, -1) > 1000)
        return invalid (error, _("Veto item %s: the situation (否决情形) is longer than 500 characters or the basis (依据) longer than 1000"),
                        veto->code);
    }

  if (self->h_points < 0 || self->h_points > self->total)
    return invalid (error, _("Item H: the deduction per event (每起扣分) is below 0 or above the total"));
  if (!(self->pass >= 0 && self->pass < self->good && self->good < self->excellent && self->excellent <= self->total))
    return invalid (error, _("The grade cut-offs (等级分数线) are not 0 ≤ 合格 < 良好 < 优秀 ≤ the total"));
  return TRUE;
}

static const struct
{
  XaGrade     grade;
  const char *key;
  const char *label;
} grades[] = {
  { XA_GRADE_NONE,      "none",      N_("Not scored") },
  { XA_GRADE_EXCELLENT, "excellent", N_("Excellent") },
  { XA_GRADE_GOOD,      "good",      N_("Good") },
  { XA_GRADE_PASS,      "pass",      N_("Pass") },
  { XA_GRADE_FAIL,      "fail",      N_("Fail") },
};

const char *
xa_grade_to_key (XaGrade grade)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (grades[i].grade == grade)
      return grades[i].key;
  return NULL;
}

const char *
xa_grade_to_label (XaGrade grade)
{
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (grades[i].grade == grade)
      return _(grades[i].label);
  return NULL;
}
