/* xa-duty-roster.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The duty roster (值班带班) of a school as the regime asks it: every day a leader on
 * duty (领导带班) and the people who keep the 24-hour watch, one shift a day (the
 * schema's UNIQUE (organisation_id, duty_on)). The check lists the days of a period no
 * shift covers; the year's check follows the school calendar (xa-school-calendar.c): the
 * days of term but the holidays, as the inspection plan reads it. Each shift recorded
 * is one transaction with its audit entry.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-duty-roster.h"
#include "core/hazards/xa-inspection-book.h"
#include "xa-governance-private.h"
#include "core/util/xa-date.h"

XaDutyShift *
xa_duty_shift_copy (const XaDutyShift *self)
{
  XaDutyShift *copy = g_new0 (XaDutyShift, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->duty_on = g_strdup (self->duty_on);
  copy->leader = g_strdup (self->leader);
  copy->on_duty = g_strdup (self->on_duty);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
xa_duty_shift_free (XaDutyShift *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->duty_on);
  g_free (self->leader);
  g_free (self->on_duty);
  g_free (self->notes);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaDutyShift, xa_duty_shift, xa_duty_shift_copy, xa_duty_shift_free)

typedef struct
{
  const XaDutyShiftFields *fields;
  const char              *uuid;
  const char              *school_uuid;
  const char              *from;
  const char              *to;
  GPtrArray               *found;
} Duty;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Duty *duty = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 "SELECT d.uuid, o.uuid, o.code, d.duty_on, d.leader, d.on_duty, d.notes"
                                 " FROM duty_shift d JOIN organisation o ON o.id = d.organisation_id"
                                 " WHERE (CAST (? AS TEXT) IS NULL OR d.uuid = ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR d.duty_on >= ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR d.duty_on <= ?)"
                                 " ORDER BY d.duty_on, o.code",
                                 error)))
    return FALSE;
  _xa_governance_bind_optional (rows, 1, duty->uuid);
  _xa_governance_bind_optional (rows, 3, duty->school_uuid);
  _xa_governance_bind_optional (rows, 5, duty->from);
  _xa_governance_bind_optional (rows, 7, duty->to);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaDutyShift *shift = g_new0 (XaDutyShift, 1);

      shift->uuid = g_strdup (xa_statement_get_text (rows, 0));
      shift->school_uuid = g_strdup (xa_statement_get_text (rows, 1));
      shift->school_code = g_strdup (xa_statement_get_text_or_null (rows, 2));
      shift->duty_on = g_strdup (xa_statement_get_text (rows, 3));
      shift->leader = g_strdup (xa_statement_get_text (rows, 4));
      shift->on_duty = g_strdup (xa_statement_get_text (rows, 5));
      shift->notes = g_strdup (xa_statement_get_text (rows, 6));
      g_ptr_array_add (duty->found, shift);
    }
  return step == XA_STEP_DONE;
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Duty *duty = user_data;
  const XaDutyShiftFields *fields = duty->fields;
  g_autoptr(XaStatement) taken = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)))
    return FALSE;
  if (!(taken = xa_store_prepare (store, "SELECT leader FROM duty_shift WHERE organisation_id = ? AND duty_on = ?", error)))
    return FALSE;
  xa_statement_bind_int64 (taken, 1, school_id);
  xa_statement_bind_text (taken, 2, fields->duty_on);
  switch (xa_statement_step (taken, error))
    {
    case XA_STEP_ROW:
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Date: the school already has a duty shift on %s, led by %s"),
                   fields->duty_on, xa_statement_get_text (taken, 0));
      return FALSE;
    case XA_STEP_ERROR:
      return FALSE;
    case XA_STEP_DONE:
    default:
      break;
    }
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO duty_shift (uuid, organisation_id, duty_on, leader, on_duty, notes,"
                                   " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_text (insert, 3, fields->duty_on);
  xa_statement_bind_text (insert, 4, fields->leader);
  xa_statement_bind_text (insert, 5, fields->on_duty);
  xa_statement_bind_text (insert, 6, fields->notes ? fields->notes : "");
  xa_statement_bind_text (insert, 7, now);
  xa_statement_bind_text (insert, 8, xa_store_get_operator (store));
  duty->uuid = uuid;
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "duty.add", "duty_shift", uuid, NULL, error) &&
         list_func (store, duty, error);
}

/**
 * xa_duty_add:
 *
 * Records a day's duty shift: the leader on duty and who keeps the 24-hour watch. A
 * second shift for the same day is refused, naming the one there is.
 *
 * Returns: (transfer full): the shift, or %NULL with @error set naming the field
 */
XaDutyShift *
xa_duty_add (XaStore                  *store,
             const XaDutyShiftFields  *fields,
             GError                  **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_duty_shift_free);
  Duty duty = { .fields = fields, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_date (fields->duty_on, C_("field", "date"), error) ||
      !_xa_governance_check_text (fields->leader, 50, C_("field", "leader on duty"), error) ||
      !_xa_governance_check_text (fields->on_duty, 200, C_("field", "people on duty"), error) ||
      (fields->notes != NULL && fields->notes[0] != '\0' &&
       !_xa_governance_check_text (fields->notes, 1000, C_("field", "notes"), error)))
    return NULL;
  if (!xa_store_write (store, add_func, &duty, error))
    return NULL;
  g_assert (found->len == 1);
  return g_ptr_array_steal_index (found, 0);
}

/**
 * xa_duty_list:
 * @school_uuid: (nullable): one school's, or every school's the login sees
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day
 *
 * Returns: (transfer full) (element-type XaDutyShift): the shifts by day, or %NULL
 *   with @error set
 */
GPtrArray *
xa_duty_list (XaStore     *store,
              const char  *school_uuid,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_duty_shift_free);
  Duty duty = { .school_uuid = school_uuid, .from = from, .to = to, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, list_func, &duty, error))
    return NULL;
  return g_steal_pointer (&found);
}

/**
 * xa_duty_uncovered:
 * @from: the first day, YYYY-MM-DD
 * @to: the last day, not before @from and at most a year after
 *
 * The regime's check: the days from @from to @to on which no shift of the school
 * keeps the 24-hour watch with a leader on duty.
 *
 * Returns: (transfer full): the days uncovered, in order (empty when every day is
 *   covered), or %NULL with @error set
 */
GStrv
xa_duty_uncovered (XaStore     *store,
                   const char  *school_uuid,
                   const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) days = g_strv_builder_new ();
  GDate day, last;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!_xa_governance_check_date (from, C_("field", "from"), error) ||
      !_xa_governance_check_date (to, C_("field", "to"), error))
    return NULL;
  xa_date_parse (from, &day);
  xa_date_parse (to, &last);
  if (g_date_compare (&day, &last) > 0 || g_date_days_between (&day, &last) > 366)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("To: %s is before %s or more than a year after it"), to, from);
      return NULL;
    }
  if (!(shifts = xa_duty_list (store, school_uuid, from, to, error)))
    return NULL;
  for (guint i = 0; i < shifts->len; i++)
    g_hash_table_add (covered, ((XaDutyShift *) g_ptr_array_index (shifts, i))->duty_on);
  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      char text[16];

      g_snprintf (text, sizeof text, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                  g_date_get_day (&day));
      if (!g_hash_table_contains (covered, text))
        g_strv_builder_add (days, text);
    }
  return g_strv_builder_end (days);
}

/**
 * xa_duty_uncovered_in_year:
 * @school_year: the 学年度, by its start year
 * @until: the last day checked, YYYY-MM-DD (today)
 *
 * The year's check as the school calendar of @school_year has it: every day from the
 * first day of term up to @until (at most the year's last day, 31 August), on which no
 * shift keeps the watch. Weekends, holidays and the vacations count: the 24-hour watch
 * and a leader on duty are kept on them as on school days.
 *
 * Returns: (transfer full): the days uncovered, in order (empty before term begins), or
 *   %NULL with @error set
 */
GStrv
xa_duty_uncovered_in_year (XaStore     *store,
                           const char  *school_uuid,
                           int          school_year,
                           const char  *until,
                           GError     **error)
{
  g_autoptr(XaSchoolCalendar) calendar = NULL;
  g_autofree char *year_end = g_strdup_printf ("%04d-08-31", school_year + 1);
  const char *first;
  const char *last = year_end;

  g_return_val_if_fail (XA_IS_STORE (store), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!_xa_governance_check_date (until, C_("field", "to"), error) ||
      !(calendar = xa_inspection_read_calendar (store, school_year, error)))
    return NULL;
  first = xa_school_calendar_get_semester_start (calendar, 0);
  if (g_strcmp0 (until, last) < 0)
    last = until;
  if (g_strcmp0 (first, last) > 0)
    return g_new0 (char *, 1);
  return xa_duty_uncovered (store, school_uuid, first, last, error);
}
