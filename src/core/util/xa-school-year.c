/* xa-school-year.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 学年度: 1 September to 31 August, keyed by the start year (reference/domain.md §4.1).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "xa-school-year.h"

G_DEFINE_QUARK (xa-school-year-error-quark, xa_school_year_error)

/**
 * xa_school_year_format:
 * @legacy_hyphen: write "2021-2022学年度" as the district's older documents do, instead
 *   of the GB/T 15834 range dash
 *
 * The name stays Chinese in every locale: it is the term printed on the agreements.
 *
 * Returns: (transfer full): "2021—2022学年度"
 */
char *
xa_school_year_format (int      start_year,
                       gboolean legacy_hyphen)
{
  return g_strdup_printf ("%d%s%d学年度", start_year, legacy_hyphen ? "-" : "—", start_year + 1);
}

/**
 * xa_school_year_format_span:
 *
 * The two calendar years of a school year as messages name it, 2021—2022 (GB/T 15834
 * dash), without the word 学年度, which each message places itself.
 *
 * Returns: (transfer full): the span
 */
char *
xa_school_year_format_span (int start_year)
{
  return g_strdup_printf ("%d—%d", start_year, start_year + 1);
}

/**
 * xa_school_year_parse:
 * @text: "2021—2022学年度", "2021-2022", "2021–2022 学年度" or "2021"
 * @start_year: (out): the start year
 *
 * Returns: %TRUE when @text names a school year
 */
gboolean
xa_school_year_parse (const char  *text,
                      int         *start_year,
                      GError     **error)
{
  g_autoptr(GString) normalised = NULL;
  g_auto(GStrv) parts = NULL;
  char *end = NULL;
  gint64 first;
  gint64 second;

  g_return_val_if_fail (start_year != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    goto invalid;

  normalised = g_string_new (text);
  g_string_replace (normalised, "学年度", "", 0);
  g_string_replace (normalised, "学年", "", 0);
  g_string_replace (normalised, "—", "-", 0);
  g_string_replace (normalised, "–", "-", 0);
  g_string_replace (normalised, "～", "-", 0);
  g_string_replace (normalised, "~", "-", 0);
  g_strstrip (normalised->str);

  parts = g_strsplit (normalised->str, "-", 3);
  if (parts[0] == NULL || g_strv_length (parts) > 2)
    goto invalid;

  g_strstrip (parts[0]);
  first = g_ascii_strtoll (parts[0], &end, 10);
  if (end == parts[0] || *end != '\0' || strlen (parts[0]) != 4)
    goto invalid;

  if (parts[1] != NULL)
    {
      g_strstrip (parts[1]);
      second = g_ascii_strtoll (parts[1], &end, 10);
      if (end == parts[1] || *end != '\0' || strlen (parts[1]) != 4)
        goto invalid;
      if (second != first + 1)
        {
          g_set_error (error, XA_SCHOOL_YEAR_ERROR, XA_SCHOOL_YEAR_ERROR_INVALID,
                       _("A school year runs over two consecutive years, not “%s”"), text);
          return FALSE;
        }
    }

  if (first < 1990 || first > 2200)
    goto invalid;

  *start_year = (int) first;
  return TRUE;

invalid:
  g_set_error (error, XA_SCHOOL_YEAR_ERROR, XA_SCHOOL_YEAR_ERROR_INVALID,
               _("“%s” is not a school year (write it like 2021—2022学年度 or 2021)"),
               text ? text : "");
  return FALSE;
}

/**
 * xa_school_year_for_date:
 *
 * Returns: the start year of the school year that @date falls in
 */
int
xa_school_year_for_date (GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (g_date_get_month (date) >= G_DATE_SEPTEMBER)
    return g_date_get_year (date);

  return g_date_get_year (date) - 1;
}
