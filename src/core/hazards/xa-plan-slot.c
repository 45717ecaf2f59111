/* xa-plan-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One inspection a school's plan expects (xa-inspection-plan.c makes them from the
 * school calendar). Which inspections count for which slot is decided here: a slot of
 * the ladder weekly < monthly < quarterly < semester is met by an inspection of its rung
 * or a higher one recorded in its days, since a wider inspection checks at least what a
 * narrower one does; a holiday's or the flood season's slot by a 季节/节假日专项 check in
 * its days. 日查, 专项整治, 督查 and 群众反映 meet no slot of the plan.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-plan-slot.h"
#include "core/util/xa-glib-compat.h"

struct _XaPlanSlot
{
  GObject          parent_instance;

  XaPlanSlotKind   kind;
  char            *label;
  char            *from;
  char            *to;
  XaPlanSlotState  state;
  char            *inspection_uuid;
  char            *inspection_number;
  char            *school_uuid;
  char            *school_code;
  char            *school_name;
};

G_DEFINE_FINAL_TYPE (XaPlanSlot, xa_plan_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_LABEL,
  PROP_FROM,
  PROP_TO,
  PROP_STATE,
  PROP_INSPECTION_NUMBER,
  PROP_SCHOOL_NAME,
  PROP_SCHOOL_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char       *key;
  const char       *label;
  XaInspectionType  type;
} kinds[] = {
  { "weekly", NC_("plan slot", "Weekly inspection"), XA_INSPECTION_WEEKLY },
  { "monthly", NC_("plan slot", "Monthly inspection"), XA_INSPECTION_MONTHLY },
  { "quarterly", NC_("plan slot", "Quarterly inspection"), XA_INSPECTION_QUARTERLY },
  { "semester-start", NC_("plan slot", "Inspection before the semester"), XA_INSPECTION_SEMESTER },
  { "semester-end", NC_("plan slot", "Inspection at the end of the semester"), XA_INSPECTION_SEMESTER },
  { "holiday", NC_("plan slot", "Inspection before a holiday"), XA_INSPECTION_SEASONAL },
  { "flood-season", NC_("plan slot", "Inspection before the flood season"), XA_INSPECTION_SEASONAL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == XA_N_PLAN_SLOT_KINDS);

static const struct
{
  const char *key;
  const char *label;
} states[] = {
  { "upcoming", NC_("plan slot state", "Upcoming") },
  { "due", NC_("plan slot state", "Due") },
  { "done", NC_("plan slot state", "Done") },
  { "missed", NC_("plan slot state", "Missed") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (states) == XA_N_PLAN_SLOT_STATES);

static void
xa_plan_slot_finalize (GObject *object)
{
  XaPlanSlot *self = XA_PLAN_SLOT (object);

  g_free (self->label);
  g_free (self->from);
  g_free (self->to);
  g_free (self->inspection_uuid);
  g_free (self->inspection_number);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);

  G_OBJECT_CLASS (xa_plan_slot_parent_class)->finalize (object);
}

static void
xa_plan_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XaPlanSlot *self = XA_PLAN_SLOT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_INSPECTION_NUMBER:
      g_value_set_string (value, self->inspection_number);
      break;
    case PROP_SCHOOL_NAME:
      g_value_set_string (value, self->school_name);
      break;
    case PROP_SCHOOL_CODE:
      g_value_set_string (value, self->school_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xa_plan_slot_class_init (XaPlanSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xa_plan_slot_finalize;
  object_class->get_property = xa_plan_slot_get_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, XA_N_PLAN_SLOT_KINDS - 1, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", flags);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, "", flags);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, "", flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, XA_N_PLAN_SLOT_STATES - 1, 0, flags);
  properties[PROP_INSPECTION_NUMBER] = g_param_spec_string ("inspection-number", NULL, NULL, "", flags);
  properties[PROP_SCHOOL_NAME] = g_param_spec_string ("school-name", NULL, NULL, "", flags);
  properties[PROP_SCHOOL_CODE] = g_param_spec_string ("school-code", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xa_plan_slot_init (XaPlanSlot *self)
{
  self->inspection_uuid = g_strdup ("");
  self->inspection_number = g_strdup ("");
  self->school_uuid = g_strdup ("");
  self->school_code = g_strdup ("");
  self->school_name = g_strdup ("");
}

/**
 * xa_plan_slot_new:
 * @from: @to: the first and last day the inspection counts on, YYYY-MM-DD
 *
 * Returns: (transfer full): an upcoming slot
 */
XaPlanSlot *
xa_plan_slot_new (XaPlanSlotKind  kind,
                  const char     *label,
                  const char     *from,
                  const char     *to)
{
  XaPlanSlot *self;

  g_return_val_if_fail (kind < XA_N_PLAN_SLOT_KINDS, NULL);

  self = g_object_new (XA_TYPE_PLAN_SLOT, NULL);
  self->kind = kind;
  self->label = g_strdup (label);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  return self;
}

/**
 * xa_plan_slot_copy:
 *
 * Returns: (transfer full): a slot with the same values
 */
XaPlanSlot *
xa_plan_slot_copy (XaPlanSlot *self)
{
  XaPlanSlot *copy;

  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);

  copy = xa_plan_slot_new (self->kind, self->label, self->from, self->to);
  copy->state = self->state;
  g_set_str_compat (&copy->inspection_uuid, self->inspection_uuid);
  g_set_str_compat (&copy->inspection_number, self->inspection_number);
  xa_plan_slot_set_school (copy, self->school_uuid, self->school_code, self->school_name);
  return copy;
}

XaPlanSlotKind
xa_plan_slot_get_kind (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), 0);
  return self->kind;
}

const char *
xa_plan_slot_get_label (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->label;
}

const char *
xa_plan_slot_get_from (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->from;
}

const char *
xa_plan_slot_get_to (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->to;
}

XaPlanSlotState
xa_plan_slot_get_state (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), 0);
  return self->state;
}

const char *
xa_plan_slot_get_inspection_uuid (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->inspection_uuid;
}

const char *
xa_plan_slot_get_inspection_number (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->inspection_number;
}

const char *
xa_plan_slot_get_school_uuid (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->school_uuid;
}

const char *
xa_plan_slot_get_school_code (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->school_code;
}

const char *
xa_plan_slot_get_school_name (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), NULL);
  return self->school_name;
}

void
xa_plan_slot_set_school (XaPlanSlot *self,
                         const char *uuid,
                         const char *code,
                         const char *name)
{
  g_return_if_fail (XA_IS_PLAN_SLOT (self));

  g_set_str_compat (&self->school_uuid, uuid != NULL ? uuid : "");
  if (g_set_str_compat (&self->school_code, code != NULL ? code : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_CODE]);
  if (g_set_str_compat (&self->school_name, name != NULL ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHOOL_NAME]);
}

XaInspectionType
xa_plan_slot_get_expected_type (XaPlanSlot *self)
{
  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), XA_INSPECTION_WEEKLY);
  return kinds[self->kind].type;
}

/* The rung of the ladder weekly < monthly < quarterly < semester, or 0 for a type off
 * the ladder. */
static int
rung (XaInspectionType type)
{
  switch ((int) type)
    {
    case XA_INSPECTION_WEEKLY:
      return 1;
    case XA_INSPECTION_MONTHLY:
      return 2;
    case XA_INSPECTION_QUARTERLY:
      return 3;
    case XA_INSPECTION_SEMESTER:
      return 4;
    default:
      return 0;
    }
}

gboolean
xa_plan_slot_is_met_by (XaPlanSlot       *self,
                        XaInspectionType  type,
                        const char       *date)
{
  XaInspectionType expected;

  g_return_val_if_fail (XA_IS_PLAN_SLOT (self), FALSE);

  if (date == NULL || g_strcmp0 (date, self->from) < 0 || g_strcmp0 (date, self->to) > 0)
    return FALSE;

  expected = kinds[self->kind].type;
  if (rung (expected) > 0)
    return rung (type) >= rung (expected);
  return type == expected;
}

void
xa_plan_slot_mark_done (XaPlanSlot *self,
                        const char *uuid,
                        const char *number)
{
  g_return_if_fail (XA_IS_PLAN_SLOT (self));

  g_set_str_compat (&self->inspection_uuid, uuid != NULL ? uuid : "");
  if (g_set_str_compat (&self->inspection_number, number != NULL ? number : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTION_NUMBER]);
  if (self->state != XA_PLAN_SLOT_DONE)
    {
      self->state = XA_PLAN_SLOT_DONE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

void
xa_plan_slot_update_state (XaPlanSlot *self,
                           const char *today)
{
  XaPlanSlotState state;

  g_return_if_fail (XA_IS_PLAN_SLOT (self));
  g_return_if_fail (today != NULL);

  if (self->state == XA_PLAN_SLOT_DONE)
    return;

  if (g_strcmp0 (today, self->from) < 0)
    state = XA_PLAN_SLOT_UPCOMING;
  else if (g_strcmp0 (today, self->to) <= 0)
    state = XA_PLAN_SLOT_DUE;
  else
    state = XA_PLAN_SLOT_MISSED;

  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

const char *
xa_plan_slot_kind_to_key (XaPlanSlotKind kind)
{
  g_return_val_if_fail (kind < XA_N_PLAN_SLOT_KINDS, NULL);
  return kinds[kind].key;
}

const char *
xa_plan_slot_kind_to_label (XaPlanSlotKind kind)
{
  g_return_val_if_fail (kind < XA_N_PLAN_SLOT_KINDS, NULL);
  return g_dpgettext2 (NULL, "plan slot", kinds[kind].label);
}

const char *
xa_plan_slot_state_to_key (XaPlanSlotState state)
{
  g_return_val_if_fail (state < XA_N_PLAN_SLOT_STATES, NULL);
  return states[state].key;
}

const char *
xa_plan_slot_state_to_label (XaPlanSlotState state)
{
  g_return_val_if_fail (state < XA_N_PLAN_SLOT_STATES, NULL);
  return g_dpgettext2 (NULL, "plan slot state", states[state].label);
}
