/* xa-drill-frequency.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drill-frequency check (domain.md §2.3 D4, §3.3): 中小学每月 ≥ 1 次、幼儿园每季度 ≥ 1
 * 次应急疏散演练. A pure function of the school calendar and a school's drills of the
 * year. The periods are the months of the school year, or its quarters (9—11月, 12—2月,
 * 3—5月, 6—8月), or as many months as the district's rule says; a period is expected when at least two weeks of it are in term, so
 * that the winter and summer holidays (and a month with only a few days of term, as
 * February often has) are not counted against the school. A drill counts in the period
 * it was held in.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-drill-book.h"
#include "core/util/xa-date.h"

/* The days of term a period needs to be expected. */
#define TERM_DAYS_EXPECTED 14

void
xa_drill_period_free (XaDrillPeriod *period)
{
  if (period == NULL)
    return;
  g_free (period->first_day);
  g_free (period->last_day);
  g_free (period->label);
  g_free (period);
}

static guint
term_days (XaSchoolCalendar *calendar,
           const GDate      *first,
           const GDate      *last)
{
  guint days = 0;

  for (guint semester = 0; semester < 2; semester++)
    {
      GDate start, end;
      const GDate *from, *to;

      if (!xa_date_parse (xa_school_calendar_get_semester_start (calendar, semester), &start) ||
          !xa_date_parse (xa_school_calendar_get_semester_end (calendar, semester), &end))
        continue;
      from = g_date_compare (&start, first) > 0 ? &start : first;
      to = g_date_compare (&end, last) < 0 ? &end : last;
      if (g_date_compare (from, to) <= 0)
        days += g_date_days_between (from, to) + 1;
    }
  return days;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/**
 * xa_drill_check_frequency:
 * @calendar: the school year's calendar
 * @months: the months a period spans: 1 for monthly, 3 for quarterly (1, 2, 3, 4 or 6)
 * @drills: (element-type XaDrill): the school's drills of that year
 * @today: (nullable): the day of the check, YYYY-MM-DD: a period that has not ended by
 *   then is open, not missed; %NULL for a year that is over
 *
 * Returns: (transfer full) (element-type XaDrillPeriod): the expected periods in order,
 *   each with its number of drills; those with none were missed
 */
GPtrArray *
xa_drill_check_frequency (XaSchoolCalendar *calendar,
                          guint             months,
                          GPtrArray        *drills,
                          const char       *today)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_drill_period_free);
  int year = xa_school_calendar_get_school_year (calendar);

  g_return_val_if_fail (months >= 1 && 12 % months == 0, periods);

  /* The school year from 1 September to 31 August. */
  for (guint offset = 0; offset < 12; offset += months)
    {
      GDate first, last;
      XaDrillPeriod *period;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, G_DATE_SEPTEMBER, year);
      g_date_add_months (&first, offset);
      last = first;
      g_date_add_months (&last, months);
      g_date_subtract_days (&last, 1);
      if (term_days (calendar, &first, &last) < TERM_DAYS_EXPECTED)
        continue;

      period = g_new0 (XaDrillPeriod, 1);
      period->first_day = format_date (&first);
      period->last_day = format_date (&last);
      if (months == 1)
        /* Translators: a month, as 2026年9月 */
        period->label = g_strdup_printf (_("%d-%02d"), g_date_get_year (&first), g_date_get_month (&first));
      else
        /* Translators: a quarter, as 2026年9月—11月 */
        period->label = g_strdup_printf (_("%d-%02d to %02d"), g_date_get_year (&first), g_date_get_month (&first),
                                         g_date_get_month (&last));
      period->open = today != NULL && g_strcmp0 (period->last_day, today) >= 0;
      for (guint i = 0; drills != NULL && i < drills->len; i++)
        {
          const char *held_on = xa_drill_get_held_on (g_ptr_array_index (drills, i));

          if (g_strcmp0 (held_on, period->first_day) >= 0 && g_strcmp0 (held_on, period->last_day) <= 0)
            period->n_drills++;
        }
      g_ptr_array_add (periods, period);
    }
  return periods;
}
