/* xa-inspection-book-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the commission configures for inspections and what it sees of them across
 * schools: the checklists (the shipped ones until it saves its own), the school calendar
 * of each year (the default until it saves its own), a school's plan with what it
 * recorded, and the inspections missed. The checklists and the calendars are stored as
 * their JSON, the same text their parsers read, so that a stored one is checked as a
 * shipped one is.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection-book-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static JsonNode *
parse_body (const char  *body,
            GError     **error)
{
  return xa_json_parse (body, -1, error);
}

/* Checklists */

typedef struct
{
  GPtrArray *checklists;  /* the shipped ones, replaced or completed by the stored */
} ChecklistsData;

static guint
find_area (GPtrArray  *checklists,
           const char *area)
{
  for (guint i = 0; i < checklists->len; i++)
    {
      if (g_str_equal (xa_checklist_get_area (g_ptr_array_index (checklists, i)), area))
        return i;
    }
  return G_MAXUINT;
}

static gboolean
checklists_cb (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  ChecklistsData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT area, body FROM checklist ORDER BY position, area", error)))
    return FALSE;

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;
      XaChecklist *checklist;
      guint index;

      if (!(node = parse_body (xa_statement_get_text (stmt, 1), &local_error)) ||
          !(checklist = xa_checklist_from_json (node, &local_error)))
        {
          /* A stored checklist that no longer reads stays out; the shipped one serves. */
          g_warning ("Stored checklist “%s” cannot be read: %s", xa_statement_get_text (stmt, 0),
                     local_error->message);
          continue;
        }

      if ((index = find_area (data->checklists, xa_checklist_get_area (checklist))) != G_MAXUINT)
        {
          g_object_unref (g_ptr_array_index (data->checklists, index));
          g_ptr_array_index (data->checklists, index) = checklist;
        }
      else
        g_ptr_array_add (data->checklists, checklist);
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_inspection_book_dup_checklists:
 *
 * Returns: (transfer full) (element-type XaChecklist): the checklists in use, or %NULL
 *   with @error set
 */
GPtrArray *
xa_inspection_book_dup_checklists (XaInspectionBook  *self,
                                   GError           **error)
{
  g_autoptr(GPtrArray) checklists = NULL;
  ChecklistsData data;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);

  if (!(checklists = xa_checklist_dup_defaults (error)))
    return NULL;

  data.checklists = checklists;
  if (!xa_store_read (self->store, checklists_cb, &data, error))
    return NULL;
  return g_steal_pointer (&checklists);
}

typedef struct
{
  XaChecklist *checklist;
  guint        default_position;  /* its place among the shipped ones, from 1, or 0 */
} SaveChecklist;

static gboolean
save_checklist_cb (XaStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  SaveChecklist *data = user_data;
  g_autoptr(JsonNode) node = xa_checklist_to_json (data->checklist);
  g_autofree char *body = node_to_text (node);
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(XaStatement) find = NULL;
  g_autoptr(XaStatement) write = NULL;
  const char *area = xa_checklist_get_area (data->checklist);
  XaStep step;

  if (!(find = xa_store_prepare (store, "SELECT uuid FROM checklist WHERE area = ?", error)))
    return FALSE;
  xa_statement_bind_text (find, 1, area);
  if ((step = xa_statement_step (find, error)) == XA_STEP_ERROR)
    return FALSE;

  if (step == XA_STEP_ROW)
    {
      uuid = g_strdup (xa_statement_get_text (find, 0));
      write = xa_store_prepare (store,
                                "UPDATE checklist SET name = :name, body = :body, updated_at = :now, updated_by = :who"
                                " WHERE uuid = :uuid",
                                error);
    }
  else
    {
      uuid = xa_store_new_uuid ();
      /* A shipped area keeps its place; an area of the commission's own comes after all. */
      write = xa_store_prepare (store,
                                "INSERT INTO checklist (uuid, area, position, name, body, updated_at, updated_by)"
                                " VALUES (:uuid, :area, coalesce (nullif (:position, 0),"
                                "   (SELECT coalesce (max (position), 100) + 1 FROM checklist)), :name, :body, :now, :who)",
                                error);
    }
  if (write == NULL)
    return FALSE;

  xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
  xa_statement_bind_text (write, xa_statement_param (write, ":name"), xa_checklist_get_name (data->checklist));
  xa_statement_bind_text (write, xa_statement_param (write, ":body"), body);
  xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
  xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
  if (step != XA_STEP_ROW)
    {
      xa_statement_bind_text (write, xa_statement_param (write, ":area"), area);
      xa_statement_bind_int (write, xa_statement_param (write, ":position"), (int) data->default_position);
    }
  if (!xa_statement_run (write, error))
    return FALSE;

  detail = _xa_inspection_book_detail ("area", area, "name", xa_checklist_get_name (data->checklist), NULL);
  return xa_store_append_audit (store, "checklist.save", "checklist", uuid, detail, error);
}

/**
 * xa_inspection_book_save_checklist:
 *
 * Stores the commission's version of a checklist, which schools use from then on.
 */
gboolean
xa_inspection_book_save_checklist (XaInspectionBook  *self,
                                   XaChecklist       *checklist,
                                   GError           **error)
{
  g_autoptr(GPtrArray) defaults = NULL;
  SaveChecklist data = { checklist, 0 };
  guint index;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_CHECKLIST (checklist), FALSE);

  if (!xa_checklist_validate (checklist, error) || !(defaults = xa_checklist_dup_defaults (error)))
    return FALSE;

  if ((index = find_area (defaults, xa_checklist_get_area (checklist))) != G_MAXUINT)
    data.default_position = index + 1;

  return xa_store_write (self->store, save_checklist_cb, &data, error);
}

static gboolean
reset_checklist_cb (XaStore   *store,
                    gpointer   user_data,
                    GError   **error)
{
  const char *area = user_data;
  g_autoptr(XaStatement) find = NULL;
  g_autoptr(XaStatement) remove = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  XaStep step;

  if (!(find = xa_store_prepare (store, "SELECT uuid FROM checklist WHERE area = ?", error)))
    return FALSE;
  xa_statement_bind_text (find, 1, area);
  if ((step = xa_statement_step (find, error)) != XA_STEP_ROW)
    {
      if (step == XA_STEP_DONE)
        g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND,
                     /* Translators: %s is a checklist's key such as fire */
                     _("The checklist “%s” is the shipped one already"), area);
      return FALSE;
    }
  uuid = g_strdup (xa_statement_get_text (find, 0));

  if (!(remove = xa_store_prepare (store, "DELETE FROM checklist WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (remove, 1, uuid);
  if (!xa_statement_run (remove, error))
    return FALSE;

  detail = _xa_inspection_book_detail ("area", area, NULL);
  return xa_store_append_audit (store, "checklist.reset", "checklist", uuid, detail, error);
}

gboolean
xa_inspection_book_reset_checklist (XaInspectionBook  *self,
                                    const char        *area,
                                    GError           **error)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  return xa_store_write (self->store, reset_checklist_cb, (gpointer) area, error);
}

/* School calendars */

typedef struct
{
  int               school_year;
  XaSchoolCalendar *calendar;
} CalendarData;

static gboolean
calendar_cb (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  CalendarData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT body FROM school_calendar WHERE school_year = ?", error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, data->school_year);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;

  if (step == XA_STEP_ROW &&
      (node = parse_body (xa_statement_get_text (stmt, 0), &local_error)) != NULL)
    data->calendar = xa_school_calendar_from_json (node, data->school_year, &local_error);
  if (local_error != NULL)
    g_warning ("The stored school calendar of %d cannot be read: %s", data->school_year, local_error->message);

  if (data->calendar == NULL)
    data->calendar = xa_school_calendar_new_default (data->school_year);
  return TRUE;
}

/**
 * xa_inspection_read_calendar:
 *
 * The calendar of @school_year as xa_inspection_book_dup_calendar() reads it, for the
 * registers that follow it too (the duty roster's check) and read their store directly.
 *
 * Returns: (transfer full): the calendar the commission saved, or the default one; %NULL
 *   with @error set
 */
XaSchoolCalendar *
xa_inspection_read_calendar (XaStore  *store,
                             int       school_year,
                             GError  **error)
{
  CalendarData data = { school_year, NULL };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, calendar_cb, &data, error))
    return NULL;
  return data.calendar;
}

/**
 * xa_inspection_book_dup_calendar:
 *
 * Returns: (transfer full): the calendar of @school_year, or %NULL with @error set
 */
XaSchoolCalendar *
xa_inspection_book_dup_calendar (XaInspectionBook  *self,
                                 int                school_year,
                                 GError           **error)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);

  return xa_inspection_read_calendar (self->store, school_year, error);
}

static gboolean
save_calendar_cb (XaStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  XaSchoolCalendar *calendar = user_data;
  g_autoptr(JsonNode) node = xa_school_calendar_to_json (calendar);
  g_autofree char *body = node_to_text (node);
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *year = g_strdup_printf ("%d", xa_school_calendar_get_school_year (calendar));
  g_autofree char *detail = NULL;
  g_autoptr(XaStatement) find = NULL;
  g_autoptr(XaStatement) write = NULL;
  XaStep step;

  if (!(find = xa_store_prepare (store, "SELECT uuid FROM school_calendar WHERE school_year = ?", error)))
    return FALSE;
  xa_statement_bind_int (find, 1, xa_school_calendar_get_school_year (calendar));
  if ((step = xa_statement_step (find, error)) == XA_STEP_ERROR)
    return FALSE;

  uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (find, 0)) : xa_store_new_uuid ();
  if (!(write = xa_store_prepare (store,
                                  step == XA_STEP_ROW
                                  ? "UPDATE school_calendar SET body = ?2, updated_at = ?3, updated_by = ?4 WHERE uuid = ?1"
                                  : "INSERT INTO school_calendar (uuid, body, updated_at, updated_by, school_year)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5)",
                                  error)))
    return FALSE;
  xa_statement_bind_text (write, 1, uuid);
  xa_statement_bind_text (write, 2, body);
  xa_statement_bind_text (write, 3, now);
  xa_statement_bind_text (write, 4, xa_store_get_operator (store));
  if (step != XA_STEP_ROW)
    xa_statement_bind_int (write, 5, xa_school_calendar_get_school_year (calendar));
  if (!xa_statement_run (write, error))
    return FALSE;

  detail = _xa_inspection_book_detail ("school_year", year, NULL);
  return xa_store_append_audit (store, "school_calendar.save", "school_calendar", uuid, detail, error);
}

/**
 * xa_inspection_book_save_calendar:
 *
 * Stores the commission's school calendar of a year, which every school's plan follows
 * from then on.
 */
gboolean
xa_inspection_book_save_calendar (XaInspectionBook  *self,
                                  XaSchoolCalendar  *calendar,
                                  GError           **error)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_SCHOOL_CALENDAR (calendar), FALSE);

  return xa_school_calendar_validate (calendar, error) &&
         xa_store_write (self->store, save_calendar_cb, calendar, error);
}

/* Plans */

typedef struct
{
  const char       *school_uuid;
  int               school_year;
  char             *today;
  XaSchoolCalendar *calendar;
  GHashTable       *plans;   /* organisation id → XaInspectionPlan */
  GPtrArray        *order;   /* XaInspectionPlan, by school code */
} PlansData;

static gboolean
add_school_cb (gint64       id,
               const char  *uuid,
               const char  *code,
               const char  *name,
               gpointer     user_data,
               GError     **error)
{
  PlansData *data = user_data;
  XaInspectionPlan *plan = xa_inspection_plan_new (data->calendar);

  xa_inspection_plan_set_school (plan, uuid, code, name);
  g_hash_table_insert (data->plans, g_memdup2 (&id, sizeof id), plan);
  g_ptr_array_add (data->order, plan);
  return TRUE;
}

/* Every school's plan (or one school's), its inspections of the year recorded. */
static gboolean
plans_cb (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  PlansData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!_xa_inspection_book_foreach_school (store, data->school_uuid, add_school_cb, data, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT i.organisation_id, i.inspection_type, i.inspected_on, i.uuid, i.number"
                                 " FROM inspection i JOIN organisation o ON o.id = i.organisation_id"
                                 " WHERE i.school_year = ?1 AND (CAST (?2 AS TEXT) IS NULL OR o.uuid = ?2)"
                                 " ORDER BY i.inspected_on, i.number",
                                 error)))
    return FALSE;
  xa_statement_bind_int (stmt, 1, data->school_year);
  xa_statement_bind_text_or_null (stmt, 2, data->school_uuid);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      gint64 id = xa_statement_get_int64 (stmt, 0);
      XaInspectionPlan *plan = g_hash_table_lookup (data->plans, &id);
      XaInspectionType type;

      if (plan != NULL && xa_inspection_type_from_key (xa_statement_get_text (stmt, 1), &type))
        xa_inspection_plan_record (plan, type, xa_statement_get_text (stmt, 2),
                                   xa_statement_get_text (stmt, 3), xa_statement_get_text (stmt, 4));
    }

  return step == XA_STEP_DONE;
}

static void
plans_data_clear (PlansData *data)
{
  g_clear_pointer (&data->today, g_free);
  g_clear_object (&data->calendar);
  g_clear_pointer (&data->plans, g_hash_table_unref);
  g_clear_pointer (&data->order, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlansData, plans_data_clear)

static gboolean
read_plans (XaInspectionBook  *self,
            PlansData         *data,
            const char        *school_uuid,
            int                school_year,
            const char        *today,
            GError           **error)
{
  data->school_uuid = school_uuid;
  data->school_year = school_year;
  data->today = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  data->plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data->order = g_ptr_array_new_with_free_func (g_object_unref);

  if (!(data->calendar = xa_inspection_book_dup_calendar (self, school_year, error)) ||
      !xa_school_calendar_validate (data->calendar, error) ||
      !xa_store_read (self->store, plans_cb, data, error))
    return FALSE;

  for (guint i = 0; i < data->order->len; i++)
    xa_inspection_plan_update_states (g_ptr_array_index (data->order, i), data->today);
  return TRUE;
}

/**
 * xa_inspection_book_dup_plan:
 *
 * Returns: (transfer full): the school's plan, or %NULL with
 *   %XA_HAZARD_BOOK_ERROR_NO_SCHOOL for a school not in the register
 */
XaInspectionPlan *
xa_inspection_book_dup_plan (XaInspectionBook  *self,
                             const char        *school_uuid,
                             int                school_year,
                             const char        *today,
                             GError           **error)
{
  g_auto(PlansData) data = { 0 };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  if (!read_plans (self, &data, school_uuid, school_year, today, error))
    return NULL;

  if (data.order->len == 0)
    {
      g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL,
                   _("The school is not in the register, or was removed"));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (data.order, 0));
}

/**
 * xa_inspection_book_list_missed:
 * @school_uuid: (nullable): one school, or %NULL for every school the login reads
 *
 * Returns: (transfer full) (element-type XaPlanSlot): the missed slots, each naming its
 *   school, or %NULL with @error set
 */
GPtrArray *
xa_inspection_book_list_missed (XaInspectionBook  *self,
                                const char        *school_uuid,
                                int                school_year,
                                const char        *today,
                                GError           **error)
{
  g_auto(PlansData) data = { 0 };
  g_autoptr(GPtrArray) missed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);

  if (!read_plans (self, &data, school_uuid, school_year, today, error))
    return NULL;

  for (guint p = 0; p < data.order->len; p++)
    {
      GListModel *slots = xa_inspection_plan_get_slots (g_ptr_array_index (data.order, p));

      for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
        {
          g_autoptr(XaPlanSlot) slot = g_list_model_get_item (slots, i);

          if (xa_plan_slot_get_state (slot) == XA_PLAN_SLOT_MISSED)
            g_ptr_array_add (missed, g_steal_pointer (&slot));
        }
    }

  return g_steal_pointer (&missed);
}
