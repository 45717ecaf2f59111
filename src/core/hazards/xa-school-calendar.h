/* xa-school-calendar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define XA_SCHOOL_CALENDAR_ERROR (xa_school_calendar_error_quark ())

typedef enum
{
  XA_SCHOOL_CALENDAR_ERROR_INVALID,  /* the message names the date at fault */
} XaSchoolCalendarError;

#define XA_SCHOOL_CALENDAR_MAX_HOLIDAYS 20

#define XA_TYPE_SCHOOL_CALENDAR (xa_school_calendar_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolCalendar, xa_school_calendar, XA, SCHOOL_CALENDAR, GObject)

/* The school calendar (校历) of one 学年度 that the inspection plan follows: the first
 * (autumn) and second (spring) semesters, the holidays before which schools check
 * (节前检查), and the start of the flood season (汛期). Dates are YYYY-MM-DD inside the
 * school year (1 September to 31 August). The defaults (xa_school_calendar_new_default())
 * are common dates, not any district's calendar: the commission sets its own for each
 * year (XaInspectionBook). */
GQuark             xa_school_calendar_error_quark   (void);
XaSchoolCalendar  *xa_school_calendar_new_default   (int                school_year);
XaSchoolCalendar  *xa_school_calendar_copy          (XaSchoolCalendar  *self);

int                xa_school_calendar_get_school_year (XaSchoolCalendar *self);
/* @semester: 0 for the first (autumn) semester, 1 for the second (spring) one. */
const char        *xa_school_calendar_get_semester_start (XaSchoolCalendar *self,
                                                      guint              semester);
const char        *xa_school_calendar_get_semester_end (XaSchoolCalendar  *self,
                                                      guint              semester);
void               xa_school_calendar_set_semester  (XaSchoolCalendar  *self,
                                                     guint              semester,
                                                     const char        *start,
                                                     const char        *end);
guint              xa_school_calendar_get_n_holidays (XaSchoolCalendar *self);
const char        *xa_school_calendar_get_holiday_name (XaSchoolCalendar *self,
                                                      guint              index);
const char        *xa_school_calendar_get_holiday_date (XaSchoolCalendar *self,
                                                      guint              index);
void               xa_school_calendar_add_holiday   (XaSchoolCalendar  *self,
                                                     const char        *name,
                                                     const char        *date);
void               xa_school_calendar_clear_holidays (XaSchoolCalendar *self);
const char        *xa_school_calendar_get_flood_season_start (XaSchoolCalendar *self);
void               xa_school_calendar_set_flood_season_start (XaSchoolCalendar *self,
                                                      const char        *date);
/* Whether the calendar is the default one, not stored by the commission. */
gboolean           xa_school_calendar_get_is_default (XaSchoolCalendar *self);

gboolean           xa_school_calendar_validate      (XaSchoolCalendar  *self,
                                                     GError           **error);

JsonNode          *xa_school_calendar_to_json       (XaSchoolCalendar  *self);
XaSchoolCalendar  *xa_school_calendar_from_json     (JsonNode          *node,
                                                     int                school_year,
                                                     GError           **error);

G_END_DECLS
