/* xa-hazard-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a hazard may be stored: each column by its own rules, the dates in the order
 * the loop runs (found ≤ completed ≤ re-inspected ≤ closed), and the columns that the
 * state implies. The steps (xa-hazard-workflow.c) validate the hazard they produce, so a
 * hazard valid before a step is valid after it.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xa-hazard-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-text.h"

#define MIN_SCHOOL_YEAR 1990
#define MAX_SCHOOL_YEAR 2200

static gboolean
fail (XaHazardField  field,
      XaHazardField *bad_field)
{
  if (bad_field != NULL)
    *bad_field = field;
  return FALSE;
}

static gboolean
is_funds (const char *text)
{
  const char *p = text;
  guint n_whole = 0;
  guint n_cents = 0;

  while (g_ascii_isdigit (*p))
    p++, n_whole++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, n_cents++;
      if (n_cents == 0)
        return FALSE;
    }

  return *p == '\0' && n_whole >= 1 && n_whole <= 12 && n_cents <= 2;
}

/**
 * _xa_hazard_check_date:
 * @value: a date as stored, YYYY-MM-DD
 * @label: what the date is, as messages name it
 */
gboolean
_xa_hazard_check_date (const char  *value,
                       const char  *label,
                       GError     **error)
{
  if (xa_date_parse (value, NULL))
    return TRUE;

  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
               /* Translators: %s is a column such as 发现日期, then what was typed */
               _("%s: “%s” is not a date (write it like 2021-09-01)"), label, value ? value : "");
  return FALSE;
}

/**
 * _xa_hazard_check_not_before:
 *
 * Both dates are YYYY-MM-DD, checked before, so the text order is the calendar's.
 *
 * Returns: %TRUE unless @later, called @later_label, comes before @earlier
 */
gboolean
_xa_hazard_check_not_before (const char  *later_label,
                             const char  *later,
                             const char  *earlier_label,
                             const char  *earlier,
                             GError     **error)
{
  if (later == NULL || earlier == NULL || later[0] == '\0' || earlier[0] == '\0' ||
      g_strcmp0 (later, earlier) >= 0)
    return TRUE;

  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
               /* Translators: “整改完成日期 (2021-09-01) must not be earlier than 发现日期 (2021-09-03)” */
               _("%s (%s) must not be earlier than %s (%s)"),
               later_label, later, earlier_label, earlier);
  return FALSE;
}

static gboolean
check_column_as (XaHazard       *self,
                 XaHazardField   field,
                 const char     *label,
                 GError        **error)
{
  const XaHazardFieldInfo *info = _xa_hazard_field_info (field);
  const char *value = xa_hazard_get_text (self, field);
  XaTextFlags flags = info->required ? XA_TEXT_REQUIRED : XA_TEXT_OPTIONAL;

  if (info->kind == XA_HAZARD_KIND_MULTILINE)
    flags |= XA_TEXT_MULTILINE;

  if (!xa_text_check (value, label, flags, info->max_chars, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, error))
    return FALSE;

  if (value[0] == '\0')
    return TRUE;

  if (info->kind == XA_HAZARD_KIND_DATE && !_xa_hazard_check_date (value, label, error))
    return FALSE;

  if (info->kind == XA_HAZARD_KIND_FUNDS && !is_funds (value))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: %s is the column 所需资金 */
                   _("%s must be an amount in yuan such as 1200 or 1200.50"), label);
      return FALSE;
    }

  return TRUE;
}

/* The column's rules; its name, which takes a look-up in the translations, only for
 * the message of a column at fault: a demo ledger validates a million hazards. */
static gboolean
check_column (XaHazard       *self,
              XaHazardField   field,
              GError        **error)
{
  return check_column_as (self, field, "", NULL) ||
         check_column_as (self, field, xa_hazard_field_to_label (field), error);
}

static gboolean
check_number (XaHazard  *self,
              GError   **error)
{
  const char *number = xa_hazard_get_number (self);
  int school_year;

  if (number[0] == '\0')
    return TRUE;

  if (!xa_hazard_number_parse (number, &school_year, NULL, NULL, error))
    return FALSE;

  if (school_year != xa_hazard_get_school_year (self))
    {
      g_autofree char *number_span = xa_school_year_format_span (school_year);
      g_autofree char *hazard_span = xa_school_year_format_span (xa_hazard_get_school_year (self));

      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   /* Translators: a hazard number, then two school years such as 2021—2022 */
                   _("Hazard number “%s” belongs to the school year %s, but the hazard is recorded in %s"),
                   number, number_span, hazard_span);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_typed (XaHazard       *self,
             XaHazardField  *bad_field,
             GError        **error)
{
  const struct { XaHazardField field; guint value; guint n_values; } enums[] = {
    { XA_HAZARD_FIELD_INSPECTION_TYPE, xa_hazard_get_inspection_type (self), XA_N_INSPECTION_TYPES },
    { XA_HAZARD_FIELD_CATEGORY, xa_hazard_get_category (self), XA_N_HAZARD_CATEGORIES },
    { XA_HAZARD_FIELD_GRADE, xa_hazard_get_grade (self), XA_N_HAZARD_GRADES },
  };
  int school_year = xa_hazard_get_school_year (self);

  if (school_year < MIN_SCHOOL_YEAR || school_year > MAX_SCHOOL_YEAR)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: %s is the column 学年度, then the allowed years */
                   _("%s must be between %d and %d"),
                   xa_hazard_field_to_label (XA_HAZARD_FIELD_SCHOOL_YEAR), MIN_SCHOOL_YEAR, MAX_SCHOOL_YEAR);
      return fail (XA_HAZARD_FIELD_SCHOOL_YEAR, bad_field);
    }

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      if (enums[i].value >= enums[i].n_values)
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                       /* Translators: %s is a column such as 隐患等级 */
                       _("%s has an unknown value"), xa_hazard_field_to_label (enums[i].field));
          return fail (enums[i].field, bad_field);
        }
    }

  return TRUE;
}

/**
 * _xa_hazard_check_date_order:
 *
 * The dates in the order the loop runs: nothing happens to a hazard before it is found,
 * and each step comes after the one it follows.
 *
 * Returns: %TRUE when the dates given are in order; else @bad_field is the later one
 */
gboolean
_xa_hazard_check_date_order (XaHazard       *self,
                             XaHazardField  *bad_field,
                             GError        **error)
{
  static const XaHazardField pairs[][2] = {
    { XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_DEADLINE },
    { XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_REPORTED_ON },
    { XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_COMPLETED_ON },
    { XA_HAZARD_FIELD_COMPLETED_ON, XA_HAZARD_FIELD_REINSPECTED_ON },
    { XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_REINSPECTED_ON },
    { XA_HAZARD_FIELD_REINSPECTED_ON, XA_HAZARD_FIELD_CLOSED_ON },
    { XA_HAZARD_FIELD_FOUND_ON, XA_HAZARD_FIELD_CLOSED_ON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      /* Named only when out of order, as check_column() does. */
      if (!_xa_hazard_check_not_before ("", xa_hazard_get_text (self, pairs[i][1]),
                                        "", xa_hazard_get_text (self, pairs[i][0]), NULL) &&
          !_xa_hazard_check_not_before (xa_hazard_field_to_label (pairs[i][1]),
                                        xa_hazard_get_text (self, pairs[i][1]),
                                        xa_hazard_field_to_label (pairs[i][0]),
                                        xa_hazard_get_text (self, pairs[i][0]), error))
        return fail (pairs[i][1], bad_field);
    }

  return TRUE;
}

/**
 * _xa_hazard_check_major:
 *
 * reference/domain.md §3.1–3.2: a 重大 hazard needs temporary control measures, a written
 * report to the commission and 挂牌督办. They are required from the moment the fix
 * starts, not when the hazard is recorded: whoever finds it records it at once, and the
 * warning tape and the report follow within the day. Checked by the start step and, for
 * every state after 待整改, by validation, so that an edit cannot remove them later.
 */
gboolean
_xa_hazard_check_major (XaHazard       *self,
                        XaHazardField  *bad_field,
                        GError        **error)
{
  if (xa_hazard_get_grade (self) != XA_HAZARD_GRADE_MAJOR)
    return TRUE;

  if (xa_text_is_blank (xa_hazard_get_text (self, XA_HAZARD_FIELD_TEMPORARY_MEASURES)))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_MAJOR,
                   /* Translators: %s is the column 临时管控措施 */
                   _("A major hazard needs %s before its rectification starts"),
                   xa_hazard_field_to_label (XA_HAZARD_FIELD_TEMPORARY_MEASURES));
      return fail (XA_HAZARD_FIELD_TEMPORARY_MEASURES, bad_field);
    }

  for (XaHazardField field = XA_HAZARD_FIELD_REPORTED; field <= XA_HAZARD_FIELD_SUPERVISED; field++)
    {
      gboolean set = field == XA_HAZARD_FIELD_REPORTED ? xa_hazard_get_reported (self)
                                                       : xa_hazard_get_supervised (self);

      if (!set)
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_MAJOR,
                       /* Translators: %s is the column 上报区教委 or 挂牌督办 */
                       _("A major hazard must be marked “%s” before its rectification starts"),
                       xa_hazard_field_to_label (field));
          return fail (field, bad_field);
        }
    }

  return TRUE;
}

/**
 * _xa_hazard_check_reinspector:
 * @reinspector: who re-inspects
 *
 * The re-inspector is never the person responsible for the fix (domain.md §3.2 row 20):
 * nobody approves their own work. Names are compared without the spaces around them.
 */
/* Where @text starts and how long it is without the spaces around it, as g_strstrip()
 * would leave it: without a copy, as every step of the demo's million hazards asks. */
static gsize
strip_span (const char  *text,
            const char **start)
{
  const char *end = text + strlen (text);

  while (g_ascii_isspace (*text))
    text++;
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  *start = text;
  return (gsize) (end - text);
}

gboolean
_xa_hazard_check_reinspector (XaHazard    *self,
                              const char  *reinspector,
                              GError     **error)
{
  const char *a, *b;
  gsize a_len = strip_span (reinspector ? reinspector : "", &a);
  gsize b_len = strip_span (xa_hazard_get_text (self, XA_HAZARD_FIELD_RESPONSIBLE), &b);
  g_autofree char *name = NULL;

  if (a_len == 0 || a_len != b_len || memcmp (a, b, a_len) != 0)
    return TRUE;

  name = g_strndup (a, a_len);
  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_SAME_PERSON,
               /* Translators: %s is a person's name */
               _("%s is responsible for the rectification and cannot also re-inspect it"), name);
  return FALSE;
}

static gboolean
require (XaHazard       *self,
         XaHazardField   field,
         XaHazardField  *bad_field,
         GError        **error)
{
  if (xa_hazard_get_text (self, field)[0] != '\0')
    return TRUE;

  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
               /* Translators: a column such as 整改完成日期, then a status such as 待复查 */
               _("%s is required for a hazard that is “%s”"),
               xa_hazard_field_to_label (field), xa_hazard_state_to_label (xa_hazard_get_state (self)));
  return fail (field, bad_field);
}

/* What the state implies: the columns its steps filled, and no more. */
static gboolean
check_state (XaHazard       *self,
             XaHazardField  *bad_field,
             GError        **error)
{
  XaHazardState state = xa_hazard_get_state (self);
  XaReinspectionResult result = xa_hazard_get_reinspection_result (self);
  static const guint fitting_results[] = {
    [XA_HAZARD_STATE_PENDING] = 1 << XA_REINSPECTION_NONE,
    [XA_HAZARD_STATE_RECTIFYING] = 1 << XA_REINSPECTION_NONE | 1 << XA_REINSPECTION_FAILED,
    [XA_HAZARD_STATE_REINSPECTING] = 1 << XA_REINSPECTION_NONE | 1 << XA_REINSPECTION_PASSED,
    [XA_HAZARD_STATE_CLOSED] = 1 << XA_REINSPECTION_PASSED,
  };

  if (state >= XA_N_HAZARD_STATES || result >= XA_N_REINSPECTION_RESULTS)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   _("%s has an unknown value"), xa_hazard_field_to_label (XA_HAZARD_FIELD_STATE));
      return fail (XA_HAZARD_FIELD_STATE, bad_field);
    }

  if (state != XA_HAZARD_STATE_PENDING && !_xa_hazard_check_major (self, bad_field, error))
    return FALSE;

  if (state == XA_HAZARD_STATE_CLOSED && result != XA_REINSPECTION_PASSED)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NOT_PASSED,
                   _("A hazard is closed only after it passes its re-inspection"));
      return fail (XA_HAZARD_FIELD_REINSPECTION_RESULT, bad_field);
    }

  if (!(fitting_results[state] & (1u << result)))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: a result such as 不合格, then a status such as 待整改 */
                   _("The re-inspection result “%s” does not fit a hazard that is “%s”"),
                   xa_reinspection_result_to_label (result), xa_hazard_state_to_label (state));
      return fail (XA_HAZARD_FIELD_REINSPECTION_RESULT, bad_field);
    }

  if (state >= XA_HAZARD_STATE_REINSPECTING &&
      !require (self, XA_HAZARD_FIELD_COMPLETED_ON, bad_field, error))
    return FALSE;

  if (result != XA_REINSPECTION_NONE &&
      (!require (self, XA_HAZARD_FIELD_REINSPECTOR, bad_field, error) ||
       !require (self, XA_HAZARD_FIELD_REINSPECTED_ON, bad_field, error)))
    return FALSE;

  if (state == XA_HAZARD_STATE_CLOSED &&
      (!require (self, XA_HAZARD_FIELD_CLOSED_ON, bad_field, error) ||
       !require (self, XA_HAZARD_FIELD_CLOSED_BY, bad_field, error)))
    return FALSE;

  if (state != XA_HAZARD_STATE_CLOSED && xa_hazard_get_text (self, XA_HAZARD_FIELD_CLOSED_ON)[0] != '\0')
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: %s is the column 销号日期 */
                   _("%s is given but the hazard is not closed"),
                   xa_hazard_field_to_label (XA_HAZARD_FIELD_CLOSED_ON));
      return fail (XA_HAZARD_FIELD_CLOSED_ON, bad_field);
    }

  return TRUE;
}

/**
 * xa_hazard_validate:
 * @bad_field: (out) (optional): the column at fault, for a form to focus
 *
 * Returns: %TRUE when the hazard may be stored; else an error whose message names the
 *   column, as the ledger names it, and the rule
 */
gboolean
xa_hazard_validate (XaHazard       *self,
                    XaHazardField  *bad_field,
                    GError        **error)
{
  g_return_val_if_fail (XA_IS_HAZARD (self), FALSE);

  if (bad_field != NULL)
    *bad_field = XA_HAZARD_FIELD_NONE;

  for (XaHazardField field = 0; field < XA_N_HAZARD_TEXT_FIELDS; field++)
    {
      if (_xa_hazard_get_text_checked (self, field))
        continue;
      if (!check_column (self, field, error))
        return fail (field, bad_field);
      _xa_hazard_set_text_checked (self, field);
    }

  if (!check_typed (self, bad_field, error))
    return FALSE;

  if (!check_number (self, error))
    return fail (XA_HAZARD_FIELD_NUMBER, bad_field);

  if (!_xa_hazard_check_date_order (self, bad_field, error))
    return FALSE;

  if (!_xa_hazard_check_reinspector (self, xa_hazard_get_text (self, XA_HAZARD_FIELD_REINSPECTOR), error))
    return fail (XA_HAZARD_FIELD_REINSPECTOR, bad_field);

  return check_state (self, bad_field, error);
}
