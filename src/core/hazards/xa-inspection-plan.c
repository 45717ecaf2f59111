/* xa-inspection-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A school's inspection plan for one 学年度, made from the school calendar. Each slot is
 * a span of days in which one inspection counts:
 *
 * - a week: Monday to Sunday, clipped to its semester, when a weekday of it is in the
 *   semester; numbered from the first such week (第一学期第1周);
 * - a month: its days inside a semester, when they are at least half the month (so the
 *   few days of February or July a semester starts or ends in owe no monthly check of
 *   their own);
 * - a quarter of the school year: September to November, December to February, March
 *   to May, June to August;
 * - before a semester: the two weeks before its first day and its first week
 *   (开学前排查 is done while the school prepares, and at the latest as it opens);
 * - the end of a semester: its last two weeks (期末排查, before the pupils leave);
 * - before a holiday: the seven days before it (节前检查);
 * - before the flood season: the thirty days before it (汛前检查).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection.h"
#include "xa-inspection-plan.h"
#include "core/util/xa-date.h"

struct _XaInspectionPlan
{
  GObject           parent_instance;

  XaSchoolCalendar *calendar;
  GListStore       *slots;  /* XaPlanSlot */
};

G_DEFINE_FINAL_TYPE (XaInspectionPlan, xa_inspection_plan, G_TYPE_OBJECT)

#define START_DAYS_BEFORE   XA_INSPECTION_DAYS_BEFORE_YEAR
#define START_DAYS_AFTER    6
#define END_DAYS            14
#define HOLIDAY_DAYS        7
#define FLOOD_SEASON_DAYS   30

static void
xa_inspection_plan_dispose (GObject *object)
{
  XaInspectionPlan *self = XA_INSPECTION_PLAN (object);

  g_clear_object (&self->calendar);
  g_clear_object (&self->slots);

  G_OBJECT_CLASS (xa_inspection_plan_parent_class)->dispose (object);
}

static void
xa_inspection_plan_class_init (XaInspectionPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_inspection_plan_dispose;
}

static void
xa_inspection_plan_init (XaInspectionPlan *self)
{
  self->slots = g_list_store_new (XA_TYPE_PLAN_SLOT);
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
parse (const char *text,
       GDate      *date)
{
  g_date_clear (date, 1);
  /* The calendar was validated: every date parses. */
  if (!xa_date_parse (text, date))
    g_assert_not_reached ();
}

static void
add (GPtrArray      *slots,
     XaPlanSlotKind  kind,
     const char     *label,
     const GDate    *from,
     const GDate    *to)
{
  g_autofree char *first = iso (from);
  g_autofree char *last = iso (to);

  g_ptr_array_add (slots, xa_plan_slot_new (kind, label, first, last));
}

static const GDate *
earlier (const GDate *a,
         const GDate *b)
{
  return g_date_compare (a, b) <= 0 ? a : b;
}

static const GDate *
later (const GDate *a,
       const GDate *b)
{
  return g_date_compare (a, b) >= 0 ? a : b;
}

/* Whether a day from @from to @to is a weekday: a week of the semester that has only
 * its weekend in it (a semester that starts on a Sunday) is no teaching week. */
static gboolean
has_weekday (const GDate *from,
             const GDate *to)
{
  GDate day = *from;

  for (; g_date_compare (&day, to) <= 0; g_date_add_days (&day, 1))
    {
      if (g_date_get_weekday (&day) <= G_DATE_FRIDAY)
        return TRUE;
    }
  return FALSE;
}

static void
add_weeks (GPtrArray   *slots,
           guint        semester,
           const GDate *start,
           const GDate *end)
{
  GDate monday = *start;
  guint week = 1;

  g_date_subtract_days (&monday, g_date_get_weekday (&monday) - G_DATE_MONDAY);
  for (; g_date_compare (&monday, end) <= 0; g_date_add_days (&monday, 7))
    {
      GDate sunday = monday;
      const GDate *from = later (&monday, start);
      const GDate *to;
      g_autofree char *label = NULL;

      g_date_add_days (&sunday, 6);
      to = earlier (&sunday, end);
      if (!has_weekday (from, to))
        continue;

      label = semester == 0
              ? g_strdup_printf (C_("plan slot label", "First semester, week %u"), week)
              : g_strdup_printf (C_("plan slot label", "Second semester, week %u"), week);
      add (slots, XA_PLAN_SLOT_WEEKLY, label, from, to);
      week++;
    }
}

static void
add_months (GPtrArray   *slots,
            int          school_year,
            const GDate  starts[2],
            const GDate  ends[2])
{
  for (guint i = 0; i < 12; i++)
    {
      GDateMonth month = (GDateMonth) ((8 + i) % 12 + 1);
      GDateYear year = school_year + (month < G_DATE_SEPTEMBER ? 1 : 0);
      guint8 n_days = g_date_get_days_in_month (month, year);
      GDate first;
      GDate last;

      g_date_clear (&first, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&first, 1, month, year);
      g_date_set_dmy (&last, n_days, month, year);

      for (guint s = 0; s < 2; s++)
        {
          const GDate *from = later (&first, &starts[s]);
          const GDate *to = earlier (&last, &ends[s]);

          if (g_date_compare (from, to) <= 0 && (guint) g_date_days_between (from, to) + 1 >= (n_days + 1u) / 2)
            {
              g_autofree char *label = g_strdup_printf (C_("plan slot label", "Month %d"), (int) month);

              add (slots, XA_PLAN_SLOT_MONTHLY, label, from, to);
            }
        }
    }
}

static void
add_quarters (GPtrArray *slots,
              int        school_year)
{
  for (guint q = 0; q < 4; q++)
    {
      int first_month = (8 + 3 * q) % 12 + 1;
      int last_month = (first_month + 1) % 12 + 1;
      GDateYear first_year = school_year + (first_month < 9 ? 1 : 0);
      GDateYear last_year = school_year + (last_month < 9 ? 1 : 0);
      g_autofree char *label = g_strdup_printf (C_("plan slot label", "Quarter %u, months %d—%d"),
                                                q + 1, first_month, last_month);
      GDate from;
      GDate to;

      g_date_clear (&from, 1);
      g_date_clear (&to, 1);
      g_date_set_dmy (&from, 1, first_month, first_year);
      g_date_set_dmy (&to, g_date_get_days_in_month (last_month, last_year), last_month, last_year);
      add (slots, XA_PLAN_SLOT_QUARTERLY, label, &from, &to);
    }
}

static void
add_days_before (GPtrArray      *slots,
                 XaPlanSlotKind  kind,
                 const char     *label,
                 const char     *day,
                 guint           n_days)
{
  GDate from;
  GDate to;

  parse (day, &to);
  g_date_subtract_days (&to, 1);
  from = to;
  g_date_subtract_days (&from, n_days - 1);
  add (slots, kind, label, &from, &to);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  XaPlanSlot *first = *(XaPlanSlot **) a;
  XaPlanSlot *second = *(XaPlanSlot **) b;
  int by_from = g_strcmp0 (xa_plan_slot_get_from (first), xa_plan_slot_get_from (second));

  if (by_from != 0)
    return by_from;
  return (int) xa_plan_slot_get_kind (first) - (int) xa_plan_slot_get_kind (second);
}

static void
make_slots (XaInspectionPlan *self)
{
  XaSchoolCalendar *calendar = self->calendar;
  int school_year = xa_school_calendar_get_school_year (calendar);
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func (g_object_unref);
  GDate starts[2];
  GDate ends[2];

  for (guint s = 0; s < 2; s++)
    {
      GDate from;
      GDate to;

      parse (xa_school_calendar_get_semester_start (calendar, s), &starts[s]);
      parse (xa_school_calendar_get_semester_end (calendar, s), &ends[s]);
      add_weeks (slots, s, &starts[s], &ends[s]);

      from = starts[s];
      to = starts[s];
      g_date_subtract_days (&from, START_DAYS_BEFORE);
      g_date_add_days (&to, START_DAYS_AFTER);
      add (slots, XA_PLAN_SLOT_SEMESTER_START,
           s == 0 ? C_("plan slot label", "Before the first semester")
                  : C_("plan slot label", "Before the second semester"),
           &from, &to);

      from = ends[s];
      g_date_subtract_days (&from, END_DAYS - 1);
      add (slots, XA_PLAN_SLOT_SEMESTER_END,
           s == 0 ? C_("plan slot label", "End of the first semester")
                  : C_("plan slot label", "End of the second semester"),
           &from, &ends[s]);
    }

  add_months (slots, school_year, starts, ends);
  add_quarters (slots, school_year);

  for (guint h = 0; h < xa_school_calendar_get_n_holidays (calendar); h++)
    {
      /* Translators: %s is a holiday such as 国庆节 */
      g_autofree char *label = g_strdup_printf (C_("plan slot label", "Before %s"),
                                                xa_school_calendar_get_holiday_name (calendar, h));

      add_days_before (slots, XA_PLAN_SLOT_HOLIDAY, label,
                       xa_school_calendar_get_holiday_date (calendar, h), HOLIDAY_DAYS);
    }

  add_days_before (slots, XA_PLAN_SLOT_FLOOD_SEASON, C_("plan slot label", "Before the flood season"),
                   xa_school_calendar_get_flood_season_start (calendar), FLOOD_SEASON_DAYS);

  g_ptr_array_sort (slots, compare_slots);
  g_list_store_splice (self->slots, 0, 0, slots->pdata, slots->len);
}

/**
 * xa_inspection_plan_new:
 * @calendar: a valid school calendar (xa_school_calendar_validate())
 *
 * Returns: (transfer full): the plan, every slot upcoming
 */
XaInspectionPlan *
xa_inspection_plan_new (XaSchoolCalendar *calendar)
{
  XaInspectionPlan *self;

  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (calendar), NULL);
  g_return_val_if_fail (xa_school_calendar_validate (calendar, NULL), NULL);

  self = g_object_new (XA_TYPE_INSPECTION_PLAN, NULL);
  self->calendar = g_object_ref (calendar);
  make_slots (self);
  return self;
}

/**
 * xa_inspection_plan_get_calendar:
 *
 * Returns: (transfer none): the calendar the plan follows
 */
XaSchoolCalendar *
xa_inspection_plan_get_calendar (XaInspectionPlan *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_PLAN (self), NULL);
  return self->calendar;
}

int
xa_inspection_plan_get_school_year (XaInspectionPlan *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_PLAN (self), 0);
  return xa_school_calendar_get_school_year (self->calendar);
}

/**
 * xa_inspection_plan_get_slots:
 *
 * Returns: (transfer none): the slots, a list model of #XaPlanSlot
 */
GListModel *
xa_inspection_plan_get_slots (XaInspectionPlan *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_PLAN (self), NULL);
  return G_LIST_MODEL (self->slots);
}

static XaPlanSlot *
slot_at (XaInspectionPlan *self,
         guint             index)
{
  g_autoptr(XaPlanSlot) slot = g_list_model_get_item (G_LIST_MODEL (self->slots), index);

  /* The store keeps its reference. */
  return slot;
}

void
xa_inspection_plan_set_school (XaInspectionPlan *self,
                               const char       *uuid,
                               const char       *code,
                               const char       *name)
{
  g_return_if_fail (XA_IS_INSPECTION_PLAN (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->slots)); i++)
    xa_plan_slot_set_school (slot_at (self, i), uuid, code, name);
}

void
xa_inspection_plan_record (XaInspectionPlan *self,
                           XaInspectionType  type,
                           const char       *date,
                           const char       *uuid,
                           const char       *number)
{
  g_return_if_fail (XA_IS_INSPECTION_PLAN (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->slots)); i++)
    {
      XaPlanSlot *slot = slot_at (self, i);

      if (xa_plan_slot_get_state (slot) != XA_PLAN_SLOT_DONE && xa_plan_slot_is_met_by (slot, type, date))
        xa_plan_slot_mark_done (slot, uuid, number);
    }
}

void
xa_inspection_plan_update_states (XaInspectionPlan *self,
                                  const char       *today)
{
  g_return_if_fail (XA_IS_INSPECTION_PLAN (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->slots)); i++)
    xa_plan_slot_update_state (slot_at (self, i), today);
}

guint
xa_inspection_plan_count (XaInspectionPlan *self,
                          XaPlanSlotState   state)
{
  guint n = 0;

  g_return_val_if_fail (XA_IS_INSPECTION_PLAN (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->slots)); i++)
    {
      if (xa_plan_slot_get_state (slot_at (self, i)) == state)
        n++;
    }

  return n;
}
