/* xa-inspection-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-plan-slot.h"
#include "xa-school-calendar.h"

G_BEGIN_DECLS

#define XA_TYPE_INSPECTION_PLAN (xa_inspection_plan_get_type ())

G_DECLARE_FINAL_TYPE (XaInspectionPlan, xa_inspection_plan, XA, INSPECTION_PLAN, GObject)

/* The inspections a school owes in a 学年度, following the school calendar (reference/
 * domain.md §3.3; the seed's 五有 ④ "每周、月和季度定期" and §2.3 C1): one each teaching
 * week, each month of at least half a month's teaching, each quarter of the school year
 * (9—11月, 12—2月, 3—5月, 6—8月), before and at the end of each semester, before each
 * holiday of the calendar and before the flood season. Daily patrols are logged, not
 * planned. Inspections recorded (xa_inspection_plan_record()) meet the slots they count
 * for (xa_plan_slot_is_met_by()); xa_inspection_plan_update_states() then tells what is
 * done, due, upcoming and missed on a given day. */
XaInspectionPlan  *xa_inspection_plan_new            (XaSchoolCalendar  *calendar);
XaSchoolCalendar  *xa_inspection_plan_get_calendar   (XaInspectionPlan  *self);
int                xa_inspection_plan_get_school_year (XaInspectionPlan *self);

/* The slots (XaPlanSlot) by their first day. */
GListModel        *xa_inspection_plan_get_slots      (XaInspectionPlan  *self);
void               xa_inspection_plan_set_school     (XaInspectionPlan  *self,
                                                      const char        *uuid,
                                                      const char        *code,
                                                      const char        *name);
/* An inspection of @type on @date: each slot not met yet that it counts for is met. */
void               xa_inspection_plan_record         (XaInspectionPlan  *self,
                                                      XaInspectionType   type,
                                                      const char        *date,
                                                      const char        *uuid,
                                                      const char        *number);
void               xa_inspection_plan_update_states  (XaInspectionPlan  *self,
                                                      const char        *today);
guint              xa_inspection_plan_count          (XaInspectionPlan  *self,
                                                      XaPlanSlotState    state);

G_END_DECLS
