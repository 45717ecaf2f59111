/* xa-drill-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drills of an installation in the store's `drill` and `drill_problem` tables
 * (schema 19): recording a drill with its problems, reading them by school and year, a
 * problem turned into a hazard of the ledger in the one transaction that links them
 * (the hazard book's add joins it, as an inspection's abnormal item does), and the
 * hazard's way back to its drill. The frequency check is xa-drill-frequency.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-drill-book.h"
#include "xa-incident-book-private.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "core/util/xa-date.h"
#include "core/util/xa-json.h"
#include "core/util/xa-school-year.h"

struct _XaDrillBook
{
  GObject           parent_instance;

  XaInspectionBook *inspections;
  XaStore          *store;
};

G_DEFINE_QUARK (xa-drill-book-error-quark, xa_drill_book_error)

G_DEFINE_FINAL_TYPE (XaDrillBook, xa_drill_book, G_TYPE_OBJECT)

static void
xa_drill_book_dispose (GObject *object)
{
  XaDrillBook *self = XA_DRILL_BOOK (object);

  g_clear_object (&self->inspections);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_drill_book_parent_class)->dispose (object);
}

static void
xa_drill_book_class_init (XaDrillBookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_drill_book_dispose;
}

static void
xa_drill_book_init (XaDrillBook *self)
{
}

/**
 * xa_drill_book_new:
 *
 * Returns: (transfer full): the drills of the store @inspections reads, whose problems
 *   become hazards of its hazard book
 */
XaDrillBook *
xa_drill_book_new (XaInspectionBook *inspections)
{
  XaDrillBook *self;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (inspections), NULL);

  self = g_object_new (XA_TYPE_DRILL_BOOK, NULL);
  self->inspections = g_object_ref (inspections);
  self->store = g_object_ref (xa_inspection_book_get_store (inspections));
  return self;
}

XaStore *
_xa_drill_book_get_store (XaDrillBook *self)
{
  return self->store;
}

/* Reading */

#define DRILL_COLUMNS \
  "SELECT d.id, d.uuid, o.uuid, o.code, o.name, d.school_year, d.held_on, d.kind, d.kind_other, d.organiser," \
  " d.participants, d.evacuation_s, d.target_s, d.improvements, d.evidence" \
  " FROM drill d JOIN organisation o ON o.id = d.organisation_id"

static gboolean
read_problems (XaStore  *store,
               gint64    drill_id,
               GPtrArray *texts,
               GPtrArray *hazards,
               GError  **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT p.description, h.uuid, h.number FROM drill_problem p"
                                 " LEFT JOIN hazard h ON h.id = p.hazard_id WHERE p.drill_id = ? ORDER BY p.position",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, drill_id);
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_ptr_array_add (texts, g_strdup (xa_statement_get_text (stmt, 0)));
      g_ptr_array_add (hazards, g_strdup (xa_statement_get_text_or_null (stmt, 1)));
      g_ptr_array_add (hazards, g_strdup (xa_statement_get_text_or_null (stmt, 2)));
    }
  return step == XA_STEP_DONE;
}

static XaDrill *
drill_from_row (XaStore     *store,
                XaStatement *row,
                GError     **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) evidence = g_strsplit (xa_statement_get_text (row, 14), " ", -1);
  XaDrillFields fields = {
    .school_uuid = xa_statement_get_text (row, 2),
    .school_year = xa_statement_get_int (row, 5),
    .held_on = xa_statement_get_text (row, 6),
    .kind = XA_DRILL_KIND_OTHER,
    .kind_other = xa_statement_get_text (row, 8),
    .organiser = xa_statement_get_text (row, 9),
    .participants = xa_statement_get_int (row, 10),
    .evacuation_seconds = xa_statement_get_is_null (row, 11) ? 0 : xa_statement_get_int (row, 11),
    .target_seconds = xa_statement_get_is_null (row, 12) ? 0 : xa_statement_get_int (row, 12),
    .improvements = xa_statement_get_text (row, 13),
    .evidence = (const char * const *) (evidence[0] != NULL && evidence[0][0] != '\0' ? evidence : NULL),
  };
  XaDrill *drill;

  xa_drill_kind_from_key (xa_statement_get_text (row, 7), &fields.kind);
  if (!read_problems (store, xa_statement_get_int64 (row, 0), texts, hazards, error))
    return NULL;
  g_ptr_array_add (texts, NULL);
  fields.problems = (const char * const *) texts->pdata;

  drill = xa_drill_new (xa_statement_get_text (row, 1), xa_statement_get_text_or_null (row, 3),
                        xa_statement_get_text (row, 4), &fields);
  for (guint i = 0; i + 1 < texts->len; i++)
    if (g_ptr_array_index (hazards, 2 * i) != NULL)
      xa_drill_set_problem_hazard (drill, i, g_ptr_array_index (hazards, 2 * i), g_ptr_array_index (hazards, 2 * i + 1));
  return drill;
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  const char *uuid;
  const char *hazard_uuid;
  GPtrArray  *drills;
  guint       index;
} List;

static gboolean
list_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  List *list = user_data;
  g_autoptr(GString) sql = g_string_new (DRILL_COLUMNS);
  g_autoptr(XaStatement) rows = NULL;
  int n = 0;
  XaStep step;

  if (list->hazard_uuid != NULL)
    g_string_append (sql, " JOIN drill_problem p ON p.drill_id = d.id JOIN hazard h ON h.id = p.hazard_id"
                          " WHERE h.uuid = ?");
  else
    g_string_append (sql, " WHERE (CAST (? AS TEXT) IS NULL OR d.uuid = ?) AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                          " AND (? = 0 OR d.school_year = ?)");
  g_string_append (sql, " ORDER BY d.held_on, d.id");
  if (!(rows = xa_store_prepare (store, sql->str, error)))
    return FALSE;
  if (list->hazard_uuid != NULL)
    xa_statement_bind_text (rows, ++n, list->hazard_uuid);
  else
    {
      xa_statement_bind_text_or_null (rows, ++n, list->uuid);
      xa_statement_bind_text_or_null (rows, ++n, list->uuid);
      xa_statement_bind_text_or_null (rows, ++n, list->school_uuid);
      xa_statement_bind_text_or_null (rows, ++n, list->school_uuid);
      xa_statement_bind_int (rows, ++n, list->school_year);
      xa_statement_bind_int (rows, ++n, list->school_year);
    }

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaDrill *drill = drill_from_row (store, rows, error);

      if (drill == NULL)
        return FALSE;
      g_ptr_array_add (list->drills, drill);
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_drill_book_list:
 * @school_uuid: (nullable): one school's, or every school's the login sees
 * @school_year: one year's, or 0 for all
 *
 * Returns: (transfer full) (element-type XaDrill): the drills, the earliest first, or
 *   %NULL with @error set
 */
GPtrArray *
xa_drill_book_list (XaDrillBook  *self,
                    const char   *school_uuid,
                    int           school_year,
                    GError      **error)
{
  g_autoptr(GPtrArray) drills = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { school_uuid, school_year, NULL, NULL, drills, 0 };

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  return g_steal_pointer (&drills);
}

/**
 * xa_drill_book_dup_drill:
 *
 * Returns: (transfer full): the drill, or %NULL with @error set
 */
XaDrill *
xa_drill_book_dup_drill (XaDrillBook  *self,
                         const char   *uuid,
                         GError      **error)
{
  g_autoptr(GPtrArray) drills = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { NULL, 0, uuid, NULL, drills, 0 };

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!xa_store_read (self->store, list_cb, &list, error))
    return NULL;
  if (drills->len == 0)
    {
      g_set_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_NOT_FOUND, _("There is no drill %s"), uuid);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (drills, 0));
}

/**
 * xa_drill_book_dup_hazard_source:
 * @index: (out): the problem's index in the drill
 *
 * The way back from a hazard to the drill problem it was recorded from.
 *
 * Returns: (transfer full) (nullable): the drill, or %NULL when the hazard came from no
 *   drill (@error unset) or the store cannot be read (@error set)
 */
XaDrill *
xa_drill_book_dup_hazard_source (XaDrillBook  *self,
                                 const char   *hazard_uuid,
                                 guint        *index,
                                 GError      **error)
{
  g_autoptr(GPtrArray) drills = g_ptr_array_new_with_free_func (g_object_unref);
  List list = { NULL, 0, NULL, hazard_uuid, drills, 0 };
  XaDrill *drill;

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), NULL);

  if (!xa_store_read (self->store, list_cb, &list, error) || drills->len == 0)
    return NULL;
  drill = g_ptr_array_index (drills, 0);
  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    if (g_strcmp0 (xa_drill_get_problem_hazard_uuid (drill, i), hazard_uuid) == 0 && index != NULL)
      *index = i;
  return g_object_ref (drill);
}

/* Recording */

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID, message);
  return FALSE;
}

gboolean
_xa_drill_validate (const XaDrillFields  *fields,
                    GError              **error)
{
  GDate date;

  if (fields->school_uuid == NULL)
    return invalid (error, _("Name the school that held the drill"));
  if (fields->held_on == NULL || !xa_date_parse (fields->held_on, &date))
    return invalid (error, _("The drill’s date (日期) is not a date of the form YYYY-MM-DD"));
  if (xa_school_year_for_date (&date) != fields->school_year)
    return invalid (error, _("The drill’s date (日期) is not in its school year"));
  if (xa_drill_kind_to_key (fields->kind) == NULL)
    return invalid (error, _("The drill’s type (类型) is not one of 地震, 火灾, 防踩踏, 反恐防暴, 校车 or 其他"));
  if (fields->organiser == NULL || fields->organiser[0] == '\0' || g_utf8_strlen (fields->organiser, -1) > 100)
    return invalid (error, _("Name the drill’s organiser (组织者), in at most 100 characters"));
  if (fields->participants < 0 || fields->evacuation_seconds < 0 || fields->target_seconds < 0)
    return invalid (error, _("The participants (参与人数) and the evacuation times are not negative"));
  if (fields->improvements != NULL && g_utf8_strlen (fields->improvements, -1) > 4000)
    return invalid (error, _("The improvements (改进措施) are longer than 4000 characters"));
  for (guint i = 0; fields->problems != NULL && fields->problems[i] != NULL; i++)
    if (fields->problems[i][0] == '\0' || g_utf8_strlen (fields->problems[i], -1) > 2000)
      return invalid (error, _("A problem found (存在问题) is empty or longer than 2000 characters"));
  return _xa_incident_validate_evidence (fields->evidence, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID, error);
}

typedef struct
{
  const XaDrillFields *fields;
  char                *uuid;     /* out */
} Add;

static gboolean
add_cb (XaStore   *store,
        gpointer   user_data,
        GError   **error)
{
  Add *add = user_data;
  const XaDrillFields *fields = add->fields;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *evidence = fields->evidence ? g_strjoinv (" ", (char **) fields->evidence) : g_strdup ("");
  g_autofree char *detail = NULL;
  g_autofree char *code = NULL;
  gint64 organisation_id;
  gint64 drill_id;
  int target;

  if (!_xa_incident_find_school (store, fields->school_uuid, &organisation_id, &code,
                                 XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_NOT_FOUND, error) ||
      !_xa_incident_find_evidence (store, fields->evidence, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID, error))
    return FALSE;
  /* A drill without its own target is held to the district's for its kind of school. */
  target = fields->target_seconds;
  if (target == 0)
    {
      XaDrillPolicy policy;
      gboolean kindergarten;

      if (!_xa_drill_read_policy (store, &policy, error) ||
          !_xa_drill_is_kindergarten (store, fields->school_uuid, &kindergarten, error))
        return FALSE;
      target = (int) (kindergarten ? policy.kindergarten_target_seconds : policy.school_target_seconds);
    }

  g_clear_pointer (&add->uuid, g_free);
  add->uuid = xa_store_new_uuid ();
  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO drill (uuid, organisation_id, school_year, held_on, kind, kind_other, organiser,"
                                 " participants, evacuation_s, target_s, improvements, evidence, created_at, created_by)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, add->uuid);
  xa_statement_bind_int64 (stmt, 2, organisation_id);
  xa_statement_bind_int (stmt, 3, fields->school_year);
  xa_statement_bind_text (stmt, 4, fields->held_on);
  xa_statement_bind_text (stmt, 5, xa_drill_kind_to_key (fields->kind));
  xa_statement_bind_text (stmt, 6, fields->kind_other ? fields->kind_other : "");
  xa_statement_bind_text (stmt, 7, fields->organiser);
  xa_statement_bind_int (stmt, 8, fields->participants);
  if (fields->evacuation_seconds > 0)
    xa_statement_bind_int (stmt, 9, fields->evacuation_seconds);
  else
    xa_statement_bind_null (stmt, 9);
  xa_statement_bind_int (stmt, 10, target);
  xa_statement_bind_text (stmt, 11, fields->improvements ? fields->improvements : "");
  xa_statement_bind_text (stmt, 12, evidence);
  xa_statement_bind_text (stmt, 13, now);
  xa_statement_bind_text (stmt, 14, xa_store_get_operator (store));
  if (!xa_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, xa_statement_free);

  if (!(stmt = xa_store_prepare (store, "SELECT id FROM drill WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, add->uuid);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;
  drill_id = xa_statement_get_int64 (stmt, 0);
  g_clear_pointer (&stmt, xa_statement_free);

  for (guint i = 0; fields->problems != NULL && fields->problems[i] != NULL; i++)
    {
      if (!(stmt = xa_store_prepare (store,
                                     "INSERT INTO drill_problem (drill_id, position, description) VALUES (?, ?, ?)",
                                     error)))
        return FALSE;
      xa_statement_bind_int64 (stmt, 1, drill_id);
      xa_statement_bind_int (stmt, 2, (int) i + 1);
      xa_statement_bind_text (stmt, 3, fields->problems[i]);
      if (!xa_statement_run (stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, xa_statement_free);
    }

  detail = xa_json_dup_strings_object ("school", code ? code : "", "date", fields->held_on,
                                       "kind", xa_drill_kind_to_key (fields->kind), NULL);
  if (!xa_store_append_audit (store, "drill.add", "drill", add->uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "drill", add->uuid);
  return TRUE;
}

/**
 * xa_drill_book_add:
 *
 * Records a drill with its problems, in one transaction with its audit entry. Refuses a
 * field that breaks a rule (%XA_DRILL_BOOK_ERROR_INVALID, naming it) and a school not in
 * the register (%XA_DRILL_BOOK_ERROR_NOT_FOUND).
 *
 * Returns: (transfer full): the drill as stored, or %NULL with @error set
 */
XaDrill *
xa_drill_book_add (XaDrillBook          *self,
                   const XaDrillFields  *fields,
                   GError              **error)
{
  Add add = { fields, NULL };
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  if (!_xa_drill_validate (fields, error))
    return NULL;
  if (!xa_store_write (self->store, add_cb, &add, error))
    {
      g_free (add.uuid);
      return NULL;
    }
  uuid = add.uuid;
  return xa_drill_book_dup_drill (self, uuid, error);
}

/* From a problem to a hazard */

typedef struct
{
  XaDrillBook *self;
  const char  *drill_uuid;
  guint        index;
  XaHazard    *hazard;   /* in: the caller's copy; out: as recorded */
} Record;

static gboolean
record_hazard_cb (XaStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  Record *data = user_data;
  g_autoptr(XaHazard) hazard = xa_hazard_copy (data->hazard);
  g_autoptr(GPtrArray) drills = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *position = g_strdup_printf ("%u", data->index + 1);
  g_autofree char *detail = NULL;
  List list = { NULL, 0, data->drill_uuid, NULL, drills, 0 };
  XaDrill *drill;

  if (!list_cb (store, &list, error))
    return FALSE;
  if (drills->len == 0)
    {
      g_set_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_NOT_FOUND, _("There is no drill %s"), data->drill_uuid);
      return FALSE;
    }
  drill = g_ptr_array_index (drills, 0);
  if (data->index >= xa_drill_get_n_problems (drill))
    {
      g_set_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_NOT_FOUND,
                   /* Translators: a problem's number */
                   _("The drill has no problem %u"), data->index + 1);
      return FALSE;
    }
  if (xa_drill_get_problem_hazard_uuid (drill, data->index) != NULL)
    {
      g_set_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_LINKED,
                   /* Translators: a problem's number, then a hazard number */
                   _("Problem %u is hazard %s already"), data->index + 1,
                   xa_drill_get_problem_hazard_number (drill, data->index));
      return FALSE;
    }

  /* The hazard is the drill's school's, of its year; the hazard book's write joins this
   * transaction. */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_drill_get_school_uuid (drill));
  xa_hazard_set_school_year (hazard, xa_drill_get_school_year (drill));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, NULL);
  if (!xa_hazard_book_add (xa_inspection_book_get_hazards (data->self->inspections), hazard, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE drill_problem SET hazard_id = (SELECT id FROM hazard WHERE uuid = ?)"
                                 " WHERE drill_id = (SELECT id FROM drill WHERE uuid = ?) AND position = ?"
                                 " AND hazard_id IS NULL",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, xa_hazard_get_uuid (hazard));
  xa_statement_bind_text (stmt, 2, data->drill_uuid);
  xa_statement_bind_int (stmt, 3, (int) data->index + 1);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  detail = xa_json_dup_strings_object ("problem", position, "hazard", xa_hazard_get_number (hazard), NULL);
  if (!xa_store_append_audit (store, "drill.hazard", "drill", data->drill_uuid, detail, error))
    return FALSE;
  xa_store_note_change (store, "drill", data->drill_uuid);
  g_set_object (&data->hazard, hazard);
  return TRUE;
}

/**
 * xa_drill_book_record_hazard:
 * @index: the problem, from 0
 * @hazard: the new hazard (its school and year are the drill's); on success it holds
 *   what was recorded, its number and UUID
 *
 * Records a problem a drill found as a hazard of the ledger and links the two, in one
 * transaction. Refuses a problem that is a hazard already
 * (%XA_DRILL_BOOK_ERROR_LINKED) and a hazard the ledger refuses, with its error.
 *
 * Returns: %TRUE when the hazard is recorded and linked
 */
gboolean
xa_drill_book_record_hazard (XaDrillBook  *self,
                             const char   *drill_uuid,
                             guint         index,
                             XaHazard     *hazard,
                             GError      **error)
{
  Record data = { self, drill_uuid, index, NULL };
  g_autoptr(XaHazard) recorded = NULL;
  gboolean ok;

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);

  data.hazard = g_object_ref (hazard);
  ok = xa_store_write (self->store, record_hazard_cb, &data, error);
  recorded = g_steal_pointer (&data.hazard);
  if (ok)
    {
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, xa_hazard_get_uuid (recorded));
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, xa_hazard_get_number (recorded));
    }
  return ok;
}

typedef struct
{
  const char *school_uuid;
  guint       months;   /* out */
} Rule;

static gboolean
rule_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Rule *rule = user_data;
  XaDrillPolicy policy;
  gboolean kindergarten;

  if (!_xa_drill_read_policy (store, &policy, error) ||
      !_xa_drill_is_kindergarten (store, rule->school_uuid, &kindergarten, error))
    return FALSE;
  rule->months = kindergarten ? policy.kindergarten_months : policy.school_months;
  return TRUE;
}

/**
 * xa_drill_book_check_school:
 * @today: (nullable): the day of the check (see xa_drill_check_frequency()); %NULL
 *   for today
 * @months: (out) (optional): the months a period spans for the school
 *
 * The drill-frequency check of one school's year over the commission's school calendar
 * of that year, by the district's rule for its kind (monthly for a school, quarterly
 * for a kindergarten unless the commission set otherwise).
 *
 * Returns: (transfer full) (element-type XaDrillPeriod): the periods, or %NULL with
 *   @error set
 */
GPtrArray *
xa_drill_book_check_school (XaDrillBook  *self,
                            const char   *school_uuid,
                            int           school_year,
                            const char   *today,
                            guint        *months,
                            GError      **error)
{
  g_autofree char *local_today = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  g_autoptr(XaSchoolCalendar) calendar = NULL;
  g_autoptr(GPtrArray) drills = NULL;
  Rule rule = { school_uuid, 1 };

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), NULL);

  if (!xa_store_read (self->store, rule_cb, &rule, error) ||
      !(calendar = xa_inspection_book_dup_calendar (self->inspections, school_year, error)) ||
      !(drills = xa_drill_book_list (self, school_uuid, school_year, error)))
    return NULL;
  if (months != NULL)
    *months = rule.months;
  return xa_drill_check_frequency (calendar, rule.months, drills, local_today);
}

/**
 * xa_drill_new_hazard:
 * @index: a problem of @drill, from 0
 *
 * The hazard a drill's problem proposes, for the user to complete (place, measures,
 * department, responsible person) before xa_drill_book_record_hazard(): found on the
 * drill's day by its organiser, described by the problem, of the general grade with the
 * default deadline, and of the category the drill's kind suggests.
 *
 * Returns: (transfer full): the proposed hazard
 */
XaHazard *
xa_drill_new_hazard (XaDrill *drill,
                     guint    index)
{
  XaHazard *hazard;
  XaHazardSettings settings;
  g_autofree char *deadline = NULL;
  XaHazardCategory category;

  g_return_val_if_fail (XA_IS_DRILL (drill), NULL);
  g_return_val_if_fail (index < xa_drill_get_n_problems (drill), NULL);

  switch (xa_drill_get_kind (drill))
    {
    case XA_DRILL_KIND_FIRE: category = XA_HAZARD_CATEGORY_FIRE; break;
    case XA_DRILL_KIND_EARTHQUAKE: category = XA_HAZARD_CATEGORY_BUILDING; break;
    case XA_DRILL_KIND_SCHOOL_BUS: category = XA_HAZARD_CATEGORY_TRAFFIC; break;
    case XA_DRILL_KIND_TERROR: category = XA_HAZARD_CATEGORY_PROTECTION; break;
    case XA_DRILL_KIND_STAMPEDE:
    case XA_DRILL_KIND_OTHER:
    default: category = XA_HAZARD_CATEGORY_PEOPLE; break;
    }

  xa_hazard_settings_init (&settings);
  deadline = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, xa_drill_get_held_on (drill));
  hazard = xa_hazard_new ();
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_drill_get_school_uuid (drill));
  xa_hazard_set_school_year (hazard, xa_drill_get_school_year (drill));
  /* A drill is a special activity of the school: of the ledger's kinds of check, 专项 is
   * the one a drill's finding belongs to. */
  xa_hazard_set_inspection_type (hazard, XA_INSPECTION_CAMPAIGN);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, xa_drill_get_held_on (drill));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, xa_drill_get_organiser (drill));
  xa_hazard_set_category (hazard, category);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, xa_drill_get_problem (drill, index));
  xa_hazard_set_grade (hazard, XA_HAZARD_GRADE_GENERAL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  return hazard;
}
