/* xa-plan-slot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

/* The kinds of inspection a school owes (reference/domain.md §3.3; §2.3 C1). */
typedef enum
{
  XA_PLAN_SLOT_WEEKLY,          /* 周检查: each teaching week */
  XA_PLAN_SLOT_MONTHLY,         /* 月排查: each month of at least half a month's teaching */
  XA_PLAN_SLOT_QUARTERLY,       /* 季度检查: each quarter of the school year */
  XA_PLAN_SLOT_SEMESTER_START,  /* 开学前全面排查 */
  XA_PLAN_SLOT_SEMESTER_END,    /* 期末全面排查 */
  XA_PLAN_SLOT_HOLIDAY,         /* 节前检查 */
  XA_PLAN_SLOT_FLOOD_SEASON,    /* 汛前检查 */
  XA_N_PLAN_SLOT_KINDS
} XaPlanSlotKind;

typedef enum
{
  XA_PLAN_SLOT_UPCOMING,  /* its days have not begun */
  XA_PLAN_SLOT_DUE,       /* in its days, not done yet */
  XA_PLAN_SLOT_DONE,      /* an inspection that counts for it was recorded in its days */
  XA_PLAN_SLOT_MISSED,    /* its days are over and none was */
  XA_N_PLAN_SLOT_STATES
} XaPlanSlotState;

#define XA_TYPE_PLAN_SLOT (xa_plan_slot_get_type ())

G_DECLARE_FINAL_TYPE (XaPlanSlot, xa_plan_slot, XA, PLAN_SLOT, GObject)

/* One inspection a school's plan expects: its kind, the days in which it counts (from
 * and to, YYYY-MM-DD, both included), a label such as 第一学期第3周 or 国庆节前, its state,
 * and the inspection that met it. In a list of missed inspections across schools, each
 * slot also names its school. Properties: "kind", "label", "from", "to", "state",
 * "inspection-number", "school-name", "school-code". */
XaPlanSlot        *xa_plan_slot_new                (XaPlanSlotKind    kind,
                                                    const char       *label,
                                                    const char       *from,
                                                    const char       *to);
XaPlanSlot        *xa_plan_slot_copy               (XaPlanSlot       *self);

XaPlanSlotKind     xa_plan_slot_get_kind           (XaPlanSlot       *self);
const char        *xa_plan_slot_get_label          (XaPlanSlot       *self);
const char        *xa_plan_slot_get_from           (XaPlanSlot       *self);
const char        *xa_plan_slot_get_to             (XaPlanSlot       *self);
XaPlanSlotState    xa_plan_slot_get_state          (XaPlanSlot       *self);
const char        *xa_plan_slot_get_inspection_uuid   (XaPlanSlot    *self);
const char        *xa_plan_slot_get_inspection_number (XaPlanSlot    *self);
const char        *xa_plan_slot_get_school_uuid    (XaPlanSlot       *self);
const char        *xa_plan_slot_get_school_code    (XaPlanSlot       *self);
const char        *xa_plan_slot_get_school_name    (XaPlanSlot       *self);
void               xa_plan_slot_set_school         (XaPlanSlot       *self,
                                                    const char       *uuid,
                                                    const char       *code,
                                                    const char       *name);

/* The type an inspection meeting the slot is recorded as. */
XaInspectionType   xa_plan_slot_get_expected_type  (XaPlanSlot       *self);
/* Whether an inspection of @type on @date (YYYY-MM-DD) counts for the slot: in its days,
 * and of its type or of a wider one of the same ladder (a monthly check is also that
 * week's check; a semester's full inspection is also that month's and that quarter's). */
gboolean           xa_plan_slot_is_met_by          (XaPlanSlot       *self,
                                                    XaInspectionType  type,
                                                    const char       *date);
/* Records that the inspection @uuid (@number) met the slot. */
void               xa_plan_slot_mark_done          (XaPlanSlot       *self,
                                                    const char       *uuid,
                                                    const char       *number);
/* Sets the state of a slot not done from the day @today (YYYY-MM-DD). */
void               xa_plan_slot_update_state       (XaPlanSlot       *self,
                                                    const char       *today);

const char        *xa_plan_slot_kind_to_key        (XaPlanSlotKind    kind);
const char        *xa_plan_slot_kind_to_label      (XaPlanSlotKind    kind);
const char        *xa_plan_slot_state_to_key       (XaPlanSlotState   state);
const char        *xa_plan_slot_state_to_label     (XaPlanSlotState   state);

G_END_DECLS
