/* xa-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that reads and writes dates, so that the registry, the agreements and
 * the interface agree on what a date is.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xa-date.h"

/* Reads "2021-9-1" or "2021-09-01": a year of four digits, a month and a day of one
 * or two, separated by hyphens and nothing around them. */
static gboolean
parse_loose (const char *text,
             int        *year,
             int        *month,
             int        *day)
{
  const char *p = text;
  int *parts[] = { year, month, day };
  const guint widths[] = { 4, 2, 2 };

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      guint n_digits = 0;
      int value = 0;

      while (g_ascii_isdigit (*p) && n_digits < widths[i])
        {
          value = value * 10 + (*p - '0');
          n_digits++;
          p++;
        }

      if (n_digits == 0 || (i == 0 && n_digits != 4))
        return FALSE;
      *parts[i] = value;

      if (i < 2 && *p++ != '-')
        return FALSE;
    }

  return *p == '\0' && g_date_valid_dmy (*day, *month, *year);
}

/**
 * xa_date_parse:
 * @text: (nullable): a date written YYYY-MM-DD
 * @date: (out caller-allocates) (optional): the date
 *
 * Reads a date as it is stored: exactly YYYY-MM-DD, a real day.
 *
 * Returns: %TRUE when @text is such a date
 */
gboolean
xa_date_parse (const char *text,
               GDate      *date)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10 || !parse_loose (text, &year, &month, &day))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, day, month, year);
    }

  return TRUE;
}

/* The digits at @text, @n of them, as a number; -1 when one is not a digit. */
static int
read_fixed (const char *text,
            guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/**
 * xa_date_time_check:
 * @text: (nullable): a time in ISO 8601 with its UTC offset
 *
 * Whether @text is a time that g_date_time_new_from_iso8601() reads. The form the store
 * writes, 2021-09-01T08:30:00+08:00 (or Z), is checked here, without the GTimeZone and
 * GDateTime that GLib makes for it: every step of the demo's million hazards has one.
 * Any other form is left to GLib, which also decides every case this one declines.
 *
 * Returns: %TRUE when @text is such a time
 */
gboolean
xa_date_time_check (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;
  int year, month, day, hour, minute, second, offset_hour, offset_minute;
  gsize length;

  if (text == NULL)
    return FALSE;

  /* YYYY-MM-DDThh:mm:ss then Z or ±hh:mm */
  length = strlen (text);
  if ((length == 20 && text[19] == 'Z') ||
      (length == 25 && (text[19] == '+' || text[19] == '-') && text[22] == ':'))
    {
      year = read_fixed (text, 4);
      month = read_fixed (text + 5, 2);
      day = read_fixed (text + 8, 2);
      hour = read_fixed (text + 11, 2);
      minute = read_fixed (text + 14, 2);
      second = read_fixed (text + 17, 2);
      offset_hour = length == 25 ? read_fixed (text + 20, 2) : 0;
      offset_minute = length == 25 ? read_fixed (text + 23, 2) : 0;
      if (text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':' &&
          year >= 1000 && year <= 9000 && month >= 1 && day >= 1 && g_date_valid_dmy (day, month, year) &&
          hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 &&
          offset_hour >= 0 && offset_hour <= 14 && offset_minute >= 0 && offset_minute < 60)
        return TRUE;
    }

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

/**
 * xa_date_normalise:
 * @text: (nullable): a date as a person types it: 2021-9-1 or 2021-09-01, white space
 *   around it allowed
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL when @text is
 *   not a real day
 */
char *
xa_date_normalise (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int year, month, day;

  if (!parse_loose (stripped, &year, &month, &day) || year < 1900)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/**
 * xa_date_today_iso:
 *
 * Returns: (transfer full): today's local date as YYYY-MM-DD
 */
char *
xa_date_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * xa_date_add_years:
 * @iso_date: a day as YYYY-MM-DD
 *
 * The same day @years later, as a yearly review is due; 29 February goes to 28
 * February.
 *
 * Returns: (transfer full) (nullable): the day as YYYY-MM-DD, or %NULL when @iso_date
 *   is not a day
 */
char *
xa_date_add_years (const char *iso_date,
                   guint       years)
{
  GDate day;

  if (!xa_date_parse (iso_date, &day))
    return NULL;
  g_date_add_years (&day, years);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
}

/**
 * xa_date_now_iso8601:
 *
 * Returns: (transfer full): the current local time as ISO 8601 with its UTC offset
 */
char *
xa_date_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * xa_date_format_chinese:
 * @iso_date: (nullable): a date written YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date as documents write it, 2021年9月1日;
 *   text that is not such a date comes back as it was
 */
char *
xa_date_format_chinese (const char *iso_date)
{
  GDate date;

  if (!xa_date_parse (iso_date, &date))
    return g_strdup (iso_date);

  return g_strdup_printf ("%d年%d月%d日", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}
