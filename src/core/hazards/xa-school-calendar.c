/* xa-school-calendar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 校历 an inspection plan follows (reference/domain.md §3.3 and §4.1): a 学年度 of
 * two semesters, 第一学期 from September to January and 第二学期 from February to July,
 * with its holidays and the flood season. The defaults are dates many districts use and
 * are meant to be changed: 9月1日—1月20日 and 2月20日—7月10日; 国庆节, 元旦, 清明节 and
 * 劳动节, whose dates do not move with the lunar calendar (中秋 and 端午 do, and are
 * added for the year they fall in); 汛期 from 5月1日, as in Chongqing, where the main
 * flood season runs from May to September.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-school-calendar.h"
#include "core/util/xa-date.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-text.h"

typedef struct
{
  char *name;
  char *date;
} Holiday;

struct _XaSchoolCalendar
{
  GObject   parent_instance;

  int       school_year;
  char     *semester_start[2];
  char     *semester_end[2];
  GArray   *holidays;  /* Holiday */
  char     *flood_season_start;
  gboolean  is_default;
};

G_DEFINE_FINAL_TYPE (XaSchoolCalendar, xa_school_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-school-calendar-error-quark, xa_school_calendar_error)

static void
clear_holiday (gpointer data)
{
  Holiday *holiday = data;

  g_free (holiday->name);
  g_free (holiday->date);
}

static void
xa_school_calendar_finalize (GObject *object)
{
  XaSchoolCalendar *self = XA_SCHOOL_CALENDAR (object);

  for (guint i = 0; i < 2; i++)
    {
      g_free (self->semester_start[i]);
      g_free (self->semester_end[i]);
    }
  g_array_unref (self->holidays);
  g_free (self->flood_season_start);

  G_OBJECT_CLASS (xa_school_calendar_parent_class)->finalize (object);
}

static void
xa_school_calendar_class_init (XaSchoolCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xa_school_calendar_finalize;
}

static void
xa_school_calendar_init (XaSchoolCalendar *self)
{
  self->holidays = g_array_new (FALSE, TRUE, sizeof (Holiday));
  g_array_set_clear_func (self->holidays, clear_holiday);
}

static char *
day (int year,
     int month,
     int day_of_month)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day_of_month);
}

static XaSchoolCalendar *
calendar_new (int school_year)
{
  XaSchoolCalendar *self = g_object_new (XA_TYPE_SCHOOL_CALENDAR, NULL);

  self->school_year = school_year;
  return self;
}

/**
 * xa_school_calendar_new_default:
 * @school_year: the 学年度's start year
 *
 * Returns: (transfer full): the default calendar of @school_year
 */
XaSchoolCalendar *
xa_school_calendar_new_default (int school_year)
{
  XaSchoolCalendar *self = calendar_new (school_year);
  int next = school_year + 1;
  /* Data, as the commission writes it, in Chinese whatever the locale. */
  struct { const char *name; int year, month, day; } holidays[] = {
    { "国庆节", school_year, 10, 1 },
    { "元旦", next, 1, 1 },
    { "清明节", next, 4, 4 },
    { "劳动节", next, 5, 1 },
  };

  self->semester_start[0] = day (school_year, 9, 1);
  self->semester_end[0] = day (next, 1, 20);
  self->semester_start[1] = day (next, 2, 20);
  self->semester_end[1] = day (next, 7, 10);
  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      g_autofree char *date = day (holidays[i].year, holidays[i].month, holidays[i].day);

      xa_school_calendar_add_holiday (self, holidays[i].name, date);
    }
  self->flood_season_start = day (next, 5, 1);
  self->is_default = TRUE;
  return self;
}

/**
 * xa_school_calendar_copy:
 *
 * Returns: (transfer full): a calendar with the same dates
 */
XaSchoolCalendar *
xa_school_calendar_copy (XaSchoolCalendar *self)
{
  XaSchoolCalendar *copy;

  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);

  copy = calendar_new (self->school_year);
  for (guint i = 0; i < 2; i++)
    xa_school_calendar_set_semester (copy, i, self->semester_start[i], self->semester_end[i]);
  for (guint i = 0; i < self->holidays->len; i++)
    {
      Holiday *holiday = &g_array_index (self->holidays, Holiday, i);

      xa_school_calendar_add_holiday (copy, holiday->name, holiday->date);
    }
  copy->flood_season_start = g_strdup (self->flood_season_start);
  copy->is_default = self->is_default;
  return copy;
}

int
xa_school_calendar_get_school_year (XaSchoolCalendar *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), 0);
  return self->school_year;
}

const char *
xa_school_calendar_get_semester_start (XaSchoolCalendar *self,
                                       guint             semester)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);
  g_return_val_if_fail (semester < 2, NULL);
  return self->semester_start[semester];
}

const char *
xa_school_calendar_get_semester_end (XaSchoolCalendar *self,
                                     guint             semester)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);
  g_return_val_if_fail (semester < 2, NULL);
  return self->semester_end[semester];
}

void
xa_school_calendar_set_semester (XaSchoolCalendar *self,
                                 guint             semester,
                                 const char       *start,
                                 const char       *end)
{
  g_return_if_fail (XA_IS_SCHOOL_CALENDAR (self));
  g_return_if_fail (semester < 2);

  g_set_str_compat (&self->semester_start[semester], start);
  g_set_str_compat (&self->semester_end[semester], end);
  self->is_default = FALSE;
}

guint
xa_school_calendar_get_n_holidays (XaSchoolCalendar *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), 0);
  return self->holidays->len;
}

const char *
xa_school_calendar_get_holiday_name (XaSchoolCalendar *self,
                                     guint             index)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);
  g_return_val_if_fail (index < self->holidays->len, NULL);
  return g_array_index (self->holidays, Holiday, index).name;
}

const char *
xa_school_calendar_get_holiday_date (XaSchoolCalendar *self,
                                     guint             index)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);
  g_return_val_if_fail (index < self->holidays->len, NULL);
  return g_array_index (self->holidays, Holiday, index).date;
}

void
xa_school_calendar_add_holiday (XaSchoolCalendar *self,
                                const char       *name,
                                const char       *date)
{
  Holiday holiday = { g_strdup (name != NULL ? name : ""), g_strdup (date != NULL ? date : "") };

  g_return_if_fail (XA_IS_SCHOOL_CALENDAR (self));

  g_array_append_val (self->holidays, holiday);
  self->is_default = FALSE;
}

void
xa_school_calendar_clear_holidays (XaSchoolCalendar *self)
{
  g_return_if_fail (XA_IS_SCHOOL_CALENDAR (self));
  g_array_set_size (self->holidays, 0);
  self->is_default = FALSE;
}

const char *
xa_school_calendar_get_flood_season_start (XaSchoolCalendar *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);
  return self->flood_season_start;
}

void
xa_school_calendar_set_flood_season_start (XaSchoolCalendar *self,
                                           const char       *date)
{
  g_return_if_fail (XA_IS_SCHOOL_CALENDAR (self));
  g_set_str_compat (&self->flood_season_start, date);
  self->is_default = FALSE;
}

gboolean
xa_school_calendar_get_is_default (XaSchoolCalendar *self)
{
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), FALSE);
  return self->is_default;
}

/* Validation */

static gboolean
check_in_year (XaSchoolCalendar  *self,
               const char        *value,
               const char        *label,
               GError           **error)
{
  GDate date;

  if (!xa_date_parse (value, &date))
    {
      g_set_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID,
                   /* Translators: what the date is (第一学期开学日期), then what was typed */
                   _("%s: “%s” is not a date (write it like 2021-09-01)"), label, value ? value : "");
      return FALSE;
    }

  if (xa_school_year_for_date (&date) != self->school_year)
    {
      g_autofree char *year = xa_school_year_format (self->school_year, FALSE);

      g_set_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID,
                   /* Translators: what the date is, the date, then a school year */
                   _("%s: %s is not in the %s"), label, value, year);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_before (const char  *earlier_label,
              const char  *earlier,
              const char  *later_label,
              const char  *later,
              GError     **error)
{
  if (g_strcmp0 (earlier, later) < 0)
    return TRUE;

  g_set_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID,
               /* Translators: two dates of the school calendar, each named then given */
               _("%s (%s) must come before %s (%s)"), earlier_label, earlier, later_label, later);
  return FALSE;
}

/**
 * xa_school_calendar_validate:
 *
 * Returns: %TRUE when every date is a day of the school year, each semester ends after
 *   it starts, the second starts after the first ends, and each holiday has a name
 */
gboolean
xa_school_calendar_validate (XaSchoolCalendar  *self,
                             GError           **error)
{
  const char *start_labels[] = { _("First semester starts"), _("Second semester starts") };
  const char *end_labels[] = { _("First semester ends"), _("Second semester ends") };

  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), FALSE);

  for (guint i = 0; i < 2; i++)
    {
      if (!check_in_year (self, self->semester_start[i], start_labels[i], error) ||
          !check_in_year (self, self->semester_end[i], end_labels[i], error) ||
          !check_before (start_labels[i], self->semester_start[i], end_labels[i], self->semester_end[i], error))
        return FALSE;
    }

  if (!check_before (end_labels[0], self->semester_end[0], start_labels[1], self->semester_start[1], error) ||
      !check_in_year (self, self->flood_season_start, _("Flood season starts"), error))
    return FALSE;

  if (self->holidays->len > XA_SCHOOL_CALENDAR_MAX_HOLIDAYS)
    {
      g_set_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID,
                   _("A school calendar lists at most %d holidays"), XA_SCHOOL_CALENDAR_MAX_HOLIDAYS);
      return FALSE;
    }

  for (guint i = 0; i < self->holidays->len; i++)
    {
      Holiday *holiday = &g_array_index (self->holidays, Holiday, i);
      g_autofree char *label = g_strdup_printf (_("Holiday %u"), i + 1);

      if (!xa_text_check (holiday->name, label, XA_TEXT_REQUIRED, 20,
                          XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID, error) ||
          !check_in_year (self, holiday->date, holiday->name, error))
        return FALSE;
    }

  return TRUE;
}

/* JSON */

JsonNode *
xa_school_calendar_to_json (XaSchoolCalendar *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, self->school_year);
  json_builder_set_member_name (builder, "semesters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < 2; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, self->semester_start[i]);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, self->semester_end[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "holidays");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->holidays->len; i++)
    {
      Holiday *holiday = &g_array_index (self->holidays, Holiday, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, holiday->name);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, holiday->date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "flood_season_start");
  json_builder_add_string_value (builder, self->flood_season_start);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
object_element (JsonArray *array,
                guint      index)
{
  JsonNode *node = index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * xa_school_calendar_from_json:
 * @school_year: the year the calendar must be of
 *
 * Returns: (transfer full): the calendar, validated, or %NULL with
 *   %XA_SCHOOL_CALENDAR_ERROR_INVALID naming what is wrong
 */
XaSchoolCalendar *
xa_school_calendar_from_json (JsonNode  *node,
                              int        school_year,
                              GError   **error)
{
  g_autoptr(XaSchoolCalendar) self = calendar_new (school_year);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *semesters = object != NULL ? array_member (object, "semesters") : NULL;
  JsonArray *holidays = object != NULL ? array_member (object, "holidays") : NULL;

  if (object == NULL || semesters == NULL || json_array_get_length (semesters) != 2 || holidays == NULL ||
      json_object_get_int_member_with_default (object, "school_year", 0) != school_year)
    {
      g_set_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID,
                   _("The school calendar of %d is not a calendar of two semesters and holidays"), school_year);
      return NULL;
    }

  for (guint i = 0; i < 2; i++)
    xa_school_calendar_set_semester (self, i,
                                     string_member (object_element (semesters, i), "start"),
                                     string_member (object_element (semesters, i), "end"));
  for (guint i = 0; i < json_array_get_length (holidays); i++)
    xa_school_calendar_add_holiday (self,
                                    string_member (object_element (holidays, i), "name"),
                                    string_member (object_element (holidays, i), "date"));
  self->flood_season_start = g_strdup (string_member (object, "flood_season_start"));
  self->is_default = FALSE;

  if (!xa_school_calendar_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}
