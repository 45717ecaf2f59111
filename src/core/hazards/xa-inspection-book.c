/* xa-inspection-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inspections of an installation in the store's `inspection` and `inspection_item`
 * tables (xa-store-schema.c step 12), on either engine: recorded with the next number of
 * their school and year, saved over the version they were read at, listed, and an
 * abnormal item turned into a hazard of the ledger in the transaction that links them.
 * The checklists and calendars are xa-inspection-book-plan.c's, the campaigns
 * xa-inspection-book-campaigns.c's.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-inspection-book-private.h"
#include "xa-hazard-book-private.h"
#include "core/util/xa-json.h"

G_DEFINE_FINAL_TYPE (XaInspectionBook, xa_inspection_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-inspection-book-error-quark, xa_inspection_book_error)

#define INSPECTION_COLUMNS \
  "i.id, i.uuid, i.number, o.uuid, i.school_year, i.inspection_type, i.inspected_on, i.leader," \
  " i.inspectors, i.remarks, i.version"
#define INSPECTION_FROM " FROM inspection i JOIN organisation o ON o.id = i.organisation_id"
#define N_INSPECTION_COLUMNS 11

gboolean
_xa_inspection_book_foreach_school (XaStore          *store,
                                    const char       *school_uuid,
                                    XaSchoolRowFunc   func,
                                    gpointer          user_data,
                                    GError          **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT id, uuid, code, name FROM organisation"
                                 " WHERE kind = 'school' AND deleted_at IS NULL AND (CAST (?1 AS TEXT) IS NULL OR uuid = ?1)"
                                 " ORDER BY code",
                                 error)))
    return FALSE;
  xa_statement_bind_text_or_null (stmt, 1, school_uuid);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      if (!func (xa_statement_get_int64 (stmt, 0), xa_statement_get_text (stmt, 1),
                 xa_statement_get_text (stmt, 2), xa_statement_get_text (stmt, 3), user_data, error))
        return FALSE;
    }

  return step == XA_STEP_DONE;
}

static void
set_not_found (GError     **error,
               const char  *number)
{
  if (number != NULL && number[0] != '\0')
    g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND,
                 /* Translators: %s is an inspection number such as 2021-2022-5001040001-JC0001 */
                 _("There is no inspection numbered %s"), number);
  else
    g_set_error_literal (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND,
                         _("The inspection was not found"));
}

static void
set_changed (GError     **error,
             const char  *number)
{
  g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_CHANGED,
               /* Translators: %s is an inspection number */
               _("Inspection %s was changed by someone else after you opened it; open it again to see the changes"),
               number);
}

/* Reading */

static XaInspection *
read_row (XaStatement *stmt,
          gint64      *id)
{
  XaInspection *inspection = xa_inspection_new ();
  XaInspectionType type = XA_INSPECTION_WEEKLY;

  if (id != NULL)
    *id = xa_statement_get_int64 (stmt, 0);
  _xa_inspection_set_uuid (inspection, xa_statement_get_text (stmt, 1));
  _xa_inspection_set_number (inspection, xa_statement_get_text (stmt, 2));
  xa_inspection_set_school_uuid (inspection, xa_statement_get_text (stmt, 3));
  xa_inspection_set_school_year (inspection, xa_statement_get_int (stmt, 4));
  if (xa_inspection_type_from_key (xa_statement_get_text (stmt, 5), &type))
    xa_inspection_set_inspection_type (inspection, type);
  else
    g_warning ("Inspection %s: unknown type “%s”", xa_statement_get_text (stmt, 2), xa_statement_get_text (stmt, 5));
  xa_inspection_set_inspected_on (inspection, xa_statement_get_text (stmt, 6));
  xa_inspection_set_leader (inspection, xa_statement_get_text (stmt, 7));
  xa_inspection_set_inspectors (inspection, xa_statement_get_text (stmt, 8));
  xa_inspection_set_remarks (inspection, xa_statement_get_text (stmt, 9));
  _xa_inspection_set_row_version (inspection, (guint) xa_statement_get_int (stmt, 10));
  return inspection;
}

static gboolean
read_items (XaStore       *store,
            XaInspection  *inspection,
            gint64         id,
            GError       **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT t.area, t.area_name, t.content, t.category, t.place, t.result, t.note,"
                                 " h.uuid, h.number"
                                 " FROM inspection_item t LEFT JOIN hazard h ON h.id = t.hazard_id"
                                 " WHERE t.inspection_id = ? ORDER BY t.position",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (stmt, 1, id);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaHazardCategory category = XA_HAZARD_CATEGORY_OTHER;
      XaInspectionResult result = XA_INSPECTION_RESULT_NORMAL;
      g_autoptr(XaInspectionItem) item = NULL;

      xa_hazard_category_from_key (xa_statement_get_text (stmt, 3), &category);
      xa_inspection_result_from_key (xa_statement_get_text (stmt, 5), &result);
      item = xa_inspection_item_new (xa_statement_get_text (stmt, 0), xa_statement_get_text (stmt, 1),
                                     xa_statement_get_text (stmt, 2), category);
      xa_inspection_item_set_place (item, xa_statement_get_text (stmt, 4));
      xa_inspection_item_set_result (item, result);
      xa_inspection_item_set_note (item, xa_statement_get_text (stmt, 6));
      _xa_inspection_item_set_hazard (item, xa_statement_get_text_or_null (stmt, 7),
                                      xa_statement_get_text_or_null (stmt, 8));
      xa_inspection_append_item (inspection, item);
    }

  _xa_inspection_mark_items_loaded (inspection);
  return step == XA_STEP_DONE;
}

/* The inspection where @where (on `inspection i`) holds for @value, with its items, or
 * %NULL without an error when there is none. */
static XaInspection *
dup_where (XaStore     *store,
           const char  *where,
           const char  *value,
           gint64      *id,
           GError     **error)
{
  g_autofree char *sql = g_strconcat ("SELECT " INSPECTION_COLUMNS INSPECTION_FROM " WHERE ", where, NULL);
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(XaInspection) inspection = NULL;
  gint64 row_id = 0;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return NULL;
  xa_statement_bind_text (stmt, 1, value);

  if ((step = xa_statement_step (stmt, error)) != XA_STEP_ROW)
    return NULL;

  inspection = read_row (stmt, &row_id);
  g_clear_pointer (&stmt, xa_statement_free);
  if (!read_items (store, inspection, row_id, error))
    return NULL;

  if (id != NULL)
    *id = row_id;
  return g_steal_pointer (&inspection);
}

/* The inspection @where selects, or %NULL with NOT_FOUND naming @number when there is
 * none. */
static XaInspection *
dup_in_read (XaInspectionBook  *self,
             const char        *where,
             const char        *value,
             const char        *number,
             GError           **error)
{
  gpointer inspection = NULL;

  if (!xa_store_find (self->store, (XaStoreFindFunc) dup_where, where, value,
                      &inspection, error))
    return NULL;

  if (inspection == NULL)
    set_not_found (error, number);
  return inspection;
}

/**
 * xa_inspection_book_dup_by_uuid:
 *
 * Returns: (transfer full): the inspection with its items, or %NULL with
 *   %XA_INSPECTION_BOOK_ERROR_NOT_FOUND
 */
XaInspection *
xa_inspection_book_dup_by_uuid (XaInspectionBook  *self,
                                const char        *uuid,
                                GError           **error)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return dup_in_read (self, "i.uuid = ?", uuid, NULL, error);
}

/**
 * xa_inspection_book_dup_by_number:
 *
 * Returns: (transfer full): the inspection with its items, or %NULL with
 *   %XA_INSPECTION_ERROR_NUMBER or %XA_INSPECTION_BOOK_ERROR_NOT_FOUND
 */
XaInspection *
xa_inspection_book_dup_by_number (XaInspectionBook  *self,
                                  const char        *number,
                                  GError           **error)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!xa_inspection_number_parse (number, NULL, NULL, NULL, error))
    return NULL;

  return dup_in_read (self, "i.number = ?", number, number, error);
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  GPtrArray  *inspections;
} ListData;

static gboolean
list_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  ListData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT " INSPECTION_COLUMNS ","
                                 " (SELECT count(*) FROM inspection_item t WHERE t.inspection_id = i.id),"
                                 " (SELECT count(*) FROM inspection_item t"
                                 "  WHERE t.inspection_id = i.id AND t.result = 'abnormal'),"
                                 " (SELECT count(*) FROM inspection_item t"
                                 "  WHERE t.inspection_id = i.id AND t.result = 'abnormal' AND t.hazard_id IS NULL)"
                                 INSPECTION_FROM
                                 " WHERE (CAST (?1 AS TEXT) IS NULL OR o.uuid = ?1) AND (CAST (?2 AS INTEGER) = 0 OR i.school_year = ?2)"
                                 " ORDER BY i.inspected_on DESC, i.number DESC",
                                 error)))
    return FALSE;
  xa_statement_bind_text_or_null (stmt, 1, data->school_uuid);
  xa_statement_bind_int (stmt, 2, data->school_year);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaInspection *inspection = read_row (stmt, NULL);

      _xa_inspection_set_counts (inspection,
                                 (guint) xa_statement_get_int64 (stmt, N_INSPECTION_COLUMNS),
                                 (guint) xa_statement_get_int64 (stmt, N_INSPECTION_COLUMNS + 1),
                                 (guint) xa_statement_get_int64 (stmt, N_INSPECTION_COLUMNS + 2));
      g_ptr_array_add (data->inspections, inspection);
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_inspection_book_list:
 *
 * Returns: (transfer full) (element-type XaInspection): the inspections, or %NULL with
 *   @error set
 */
GPtrArray *
xa_inspection_book_list (XaInspectionBook  *self,
                         const char        *school_uuid,
                         int                school_year,
                         GError           **error)
{
  g_autoptr(GPtrArray) inspections = g_ptr_array_new_with_free_func (g_object_unref);
  ListData data = { school_uuid, school_year, inspections };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);

  if (!xa_store_read (self->store, list_cb, &data, error))
    return NULL;
  return g_steal_pointer (&inspections);
}

/* Writing */

typedef struct
{
  XaInspectionBook *self;
  XaInspection     *inspection;  /* what the caller gave */
  guint             index;       /* record_hazard: the item */
  XaHazard         *hazard;      /* record_hazard: the new hazard, which takes its number */
  XaInspection     *saved;       /* what this attempt stored */
} Change;

static gboolean
write_item (XaStore           *store,
            const char        *sql,
            gint64             inspection_id,
            guint              position,
            XaInspectionItem  *item,
            GError           **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;

  xa_statement_bind_int64 (stmt, xa_statement_param (stmt, ":inspection"), inspection_id);
  xa_statement_bind_int (stmt, xa_statement_param (stmt, ":position"), (int) position);
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":area"), xa_inspection_item_get_area (item));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":area_name"), xa_inspection_item_get_area_name (item));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":content"), xa_inspection_item_get_content (item));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":category"),
                          xa_hazard_category_to_key (xa_inspection_item_get_category (item)));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":place"), xa_inspection_item_get_place (item));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":result"),
                          xa_inspection_result_to_key (xa_inspection_item_get_result (item)));
  xa_statement_bind_text (stmt, xa_statement_param (stmt, ":note"), xa_inspection_item_get_note (item));

  return xa_statement_run (stmt, error);
}

static gboolean
insert_item (XaStore           *store,
             gint64             inspection_id,
             guint              position,
             XaInspectionItem  *item,
             GError           **error)
{
  return write_item (store,
                     "INSERT INTO inspection_item (inspection_id, position, area, area_name, content, category,"
                     " place, result, note) VALUES (:inspection, :position, :area, :area_name, :content, :category,"
                     " :place, :result, :note)",
                     inspection_id, position, item, error);
}

static gboolean
update_item (XaStore           *store,
             gint64             inspection_id,
             guint              position,
             XaInspectionItem  *item,
             GError           **error)
{
  return write_item (store,
                     "UPDATE inspection_item SET area = :area, area_name = :area_name, content = :content,"
                     " category = :category, place = :place, result = :result, note = :note"
                     " WHERE inspection_id = :inspection AND position = :position",
                     inspection_id, position, item, error);
}

/* The stored copy of @inspection, which a save changes, checked against the copy the
 * caller read. */
static XaInspection *
dup_stored_for_change (XaStore       *store,
                       XaInspection  *inspection,
                       gint64        *id,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaInspection) stored = NULL;

  stored = dup_where (store, "i.uuid = ?", xa_inspection_get_uuid (inspection), id, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_found (error, xa_inspection_get_number (inspection));
      return NULL;
    }

  if (_xa_inspection_get_row_version (stored) != _xa_inspection_get_row_version (inspection))
    {
      set_changed (error, xa_inspection_get_number (stored));
      return NULL;
    }

  return g_steal_pointer (&stored);
}

/* Moves the row's version on from @version, as @number's save. */
static gboolean
bump_version (XaStore     *store,
              gint64       id,
              guint        version,
              const char  *number,
              GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE inspection SET version = version + 1, updated_at = ?, updated_by = ?"
                                 " WHERE id = ? AND version = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, now);
  xa_statement_bind_text (stmt, 2, xa_store_get_operator (store));
  xa_statement_bind_int64 (stmt, 3, id);
  xa_statement_bind_int (stmt, 4, (int) version);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  if (xa_store_count_changes (store) != 1)
    {
      set_changed (error, number);
      return FALSE;
    }
  return TRUE;
}

/* Reads back what the write stored, for the caller, and appends the audit entry. */
static gboolean
finish_change (XaStore     *store,
               Change      *change,
               const char  *action,
               const char  *detail,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!xa_store_append_audit (store, action, "inspection", xa_inspection_get_uuid (change->inspection),
                              detail, error))
    return FALSE;

  g_clear_object (&change->saved);
  change->saved = dup_where (store, "i.uuid = ?", xa_inspection_get_uuid (change->inspection), NULL, &local_error);
  if (change->saved == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_found (error, NULL);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_change (XaInspectionBook  *self,
              XaStoreWriteFunc   func,
              Change            *change,
              GError           **error)
{
  gboolean ok = xa_store_write (self->store, func, change, error);

  if (ok)
    _xa_inspection_assign (change->inspection, change->saved);
  g_clear_object (&change->saved);
  return ok;
}

static gboolean
add_cb (XaStore   *store,
        gpointer   user_data,
        GError   **error)
{
  Change *data = user_data;
  XaInspection *inspection = data->inspection;
  g_autoptr(XaStatement) next = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(XaStatement) id_of = NULL;
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  gint64 organisation_id = 0;
  gint64 id;
  guint sequence;

  if (!_xa_hazard_book_find_school (store, xa_inspection_get_school_uuid (inspection), &organisation_id, &code, error))
    return FALSE;

  /* Under the write lock: two clients never draw the same number. */
  if (!(next = xa_store_prepare (store,
                                 "SELECT coalesce (max (sequence), 0) + 1 FROM inspection"
                                 " WHERE organisation_id = ? AND school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (next, 1, organisation_id);
  xa_statement_bind_int (next, 2, xa_inspection_get_school_year (inspection));
  if (!xa_statement_step_one (next, error))
    return FALSE;
  sequence = (guint) xa_statement_get_int64 (next, 0);

  if (!(number = xa_inspection_number_format (xa_inspection_get_school_year (inspection), code, sequence, error)))
    return FALSE;
  _xa_inspection_set_number (inspection, number);

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO inspection (uuid, number, organisation_id, school_year, sequence,"
                                   " inspection_type, inspected_on, leader, inspectors, remarks, version,"
                                   " created_at, created_by, updated_at, updated_by)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 1, ?11, ?12, ?11, ?12)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, xa_inspection_get_uuid (inspection));
  xa_statement_bind_text (insert, 2, number);
  xa_statement_bind_int64 (insert, 3, organisation_id);
  xa_statement_bind_int (insert, 4, xa_inspection_get_school_year (inspection));
  xa_statement_bind_int (insert, 5, (int) sequence);
  xa_statement_bind_text (insert, 6, xa_inspection_type_to_key (xa_inspection_get_inspection_type (inspection)));
  xa_statement_bind_text (insert, 7, xa_inspection_get_inspected_on (inspection));
  xa_statement_bind_text (insert, 8, xa_inspection_get_leader (inspection));
  xa_statement_bind_text (insert, 9, xa_inspection_get_inspectors (inspection));
  xa_statement_bind_text (insert, 10, xa_inspection_get_remarks (inspection));
  xa_statement_bind_text (insert, 11, now);
  xa_statement_bind_text (insert, 12, xa_store_get_operator (store));
  if (!xa_statement_run (insert, error))
    return FALSE;

  if (!(id_of = xa_store_prepare (store, "SELECT id FROM inspection WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (id_of, 1, xa_inspection_get_uuid (inspection));
  if (!xa_statement_step_one (id_of, error))
    return FALSE;
  id = xa_statement_get_int64 (id_of, 0);

  for (guint i = 0; i < xa_inspection_get_n_items (inspection); i++)
    {
      if (!insert_item (store, id, i + 1, xa_inspection_get_item (inspection, i), error))
        return FALSE;
    }

  detail = _xa_inspection_book_detail ("number", number, "school", code,
                                       "type", xa_inspection_type_to_key (xa_inspection_get_inspection_type (inspection)),
                                       "date", xa_inspection_get_inspected_on (inspection), NULL);
  return finish_change (store, data, "inspection.add", detail, error);
}

/**
 * xa_inspection_book_add:
 * @inspection: a new inspection with its items; its school and school year set
 *
 * See xa-inspection-book.h. Refuses an inspection that breaks a rule
 * (%XA_INSPECTION_ERROR_INVALID naming the field or item), whose school is not in the
 * register (%XA_HAZARD_BOOK_ERROR_NO_SCHOOL), or whose items claim hazards.
 *
 * Returns: %TRUE when stored; @inspection then holds its UUID and number
 */
gboolean
xa_inspection_book_add (XaInspectionBook  *self,
                        XaInspection      *inspection,
                        GError           **error)
{
  g_autoptr(XaInspection) checked = NULL;
  g_autofree char *uuid = NULL;
  Change data = { self, NULL, 0, NULL, NULL };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_INSPECTION (inspection), FALSE);

  checked = xa_inspection_copy (inspection);
  for (guint i = 0; i < xa_inspection_get_n_items (checked); i++)
    {
      if (xa_inspection_item_has_hazard (xa_inspection_get_item (checked, i)))
        {
          g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                       _("Item %u of a new inspection cannot be a hazard already: record the inspection first"), i + 1);
          return FALSE;
        }
    }
  if (!xa_inspection_validate (checked, NULL, NULL, error))
    return FALSE;

  uuid = xa_inspection_get_uuid (checked)[0] != '\0' ? g_strdup (xa_inspection_get_uuid (checked))
                                                    : xa_store_new_uuid ();
  _xa_inspection_set_uuid (checked, uuid);
  _xa_inspection_set_number (checked, NULL);
  data.inspection = checked;

  if (!xa_store_write (self->store, add_cb, &data, error))
    {
      g_clear_object (&data.saved);
      return FALSE;
    }

  _xa_inspection_assign (inspection, data.saved);
  g_clear_object (&data.saved);
  return TRUE;
}

/* Whether the stored item @old, which became a hazard, is still itself in @fresh. */
static gboolean
keeps_finding (XaInspectionItem  *old,
               XaInspectionItem  *fresh,
               guint              number,
               GError           **error)
{
  if (fresh != NULL &&
      g_str_equal (xa_inspection_item_get_area (old), xa_inspection_item_get_area (fresh)) &&
      g_str_equal (xa_inspection_item_get_content (old), xa_inspection_item_get_content (fresh)) &&
      xa_inspection_item_get_result (old) == xa_inspection_item_get_result (fresh))
    return TRUE;

  g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_LINKED,
               /* Translators: an item's number, then a hazard number */
               _("Item %u became hazard %s: it stays in its place, with what was checked and found abnormal"),
               number, xa_inspection_item_get_hazard_number (old));
  return FALSE;
}

static gboolean
update_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Change *data = user_data;
  XaInspection *inspection = data->inspection;
  g_autoptr(XaInspection) stored = NULL;
  g_autoptr(XaStatement) row = NULL;
  g_autoptr(XaStatement) trim = NULL;
  g_autofree char *detail = NULL;
  guint n_stored;
  guint n_fresh;
  gint64 id = 0;

  if (!(stored = dup_stored_for_change (store, inspection, &id, error)))
    return FALSE;

  if (g_strcmp0 (xa_inspection_get_school_uuid (stored), xa_inspection_get_school_uuid (inspection)) != 0 ||
      xa_inspection_get_school_year (stored) != xa_inspection_get_school_year (inspection))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   /* Translators: %s is an inspection number */
                   _("The school and school year of inspection %s do not change: its number is made from them"),
                   xa_inspection_get_number (stored));
      return FALSE;
    }

  n_stored = xa_inspection_get_n_items (stored);
  n_fresh = xa_inspection_get_n_items (inspection);
  for (guint i = 0; i < n_stored; i++)
    {
      XaInspectionItem *old = xa_inspection_get_item (stored, i);

      if (xa_inspection_item_has_hazard (old) &&
          !keeps_finding (old, i < n_fresh ? xa_inspection_get_item (inspection, i) : NULL, i + 1, error))
        return FALSE;
    }

  if (!bump_version (store, id, _xa_inspection_get_row_version (stored), xa_inspection_get_number (stored), error))
    return FALSE;

  if (!(row = xa_store_prepare (store,
                                "UPDATE inspection SET inspection_type = ?, inspected_on = ?, leader = ?,"
                                " inspectors = ?, remarks = ? WHERE id = ?",
                                error)))
    return FALSE;
  xa_statement_bind_text (row, 1, xa_inspection_type_to_key (xa_inspection_get_inspection_type (inspection)));
  xa_statement_bind_text (row, 2, xa_inspection_get_inspected_on (inspection));
  xa_statement_bind_text (row, 3, xa_inspection_get_leader (inspection));
  xa_statement_bind_text (row, 4, xa_inspection_get_inspectors (inspection));
  xa_statement_bind_text (row, 5, xa_inspection_get_remarks (inspection));
  xa_statement_bind_int64 (row, 6, id);
  if (!xa_statement_run (row, error))
    return FALSE;

  if (!(trim = xa_store_prepare (store, "DELETE FROM inspection_item WHERE inspection_id = ? AND position > ?", error)))
    return FALSE;
  xa_statement_bind_int64 (trim, 1, id);
  xa_statement_bind_int (trim, 2, (int) n_fresh);
  if (!xa_statement_run (trim, error))
    return FALSE;

  for (guint i = 0; i < n_fresh; i++)
    {
      XaInspectionItem *item = xa_inspection_get_item (inspection, i);

      if (!(i < n_stored ? update_item (store, id, i + 1, item, error) : insert_item (store, id, i + 1, item, error)))
        return FALSE;
    }

  detail = _xa_inspection_book_detail ("number", xa_inspection_get_number (stored), NULL);
  return finish_change (store, data, "inspection.update", detail, error);
}

/**
 * xa_inspection_book_update:
 *
 * See xa-inspection-book.h.
 *
 * Returns: %TRUE when saved; @inspection then holds what was stored
 */
gboolean
xa_inspection_book_update (XaInspectionBook  *self,
                           XaInspection      *inspection,
                           GError           **error)
{
  Change data = { self, inspection, 0, NULL, NULL };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_INSPECTION (inspection), FALSE);

  if (!xa_inspection_validate (inspection, NULL, NULL, error))
    return FALSE;

  return write_change (self, update_cb, &data, error);
}

/* From an item to a hazard */

static gboolean
record_hazard_cb (XaStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  Change *data = user_data;
  g_autoptr(XaInspection) stored = NULL;
  g_autoptr(XaHazard) hazard = xa_hazard_copy (data->hazard);
  g_autoptr(XaStatement) hazard_id = NULL;
  g_autoptr(XaStatement) link = NULL;
  g_autofree char *position = NULL;
  g_autofree char *detail = NULL;
  XaInspectionItem *item;
  gint64 id = 0;

  if (!(stored = dup_stored_for_change (store, data->inspection, &id, error)))
    return FALSE;

  if (data->index >= xa_inspection_get_n_items (stored))
    {
      g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND,
                   /* Translators: an item's number, then an inspection number */
                   _("Inspection %2$s has no item %1$u"), data->index + 1, xa_inspection_get_number (stored));
      return FALSE;
    }

  item = xa_inspection_get_item (stored, data->index);
  if (xa_inspection_item_get_result (item) != XA_INSPECTION_RESULT_ABNORMAL)
    {
      g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_ABNORMAL,
                   /* Translators: an item's number */
                   _("Item %u was found normal: only an abnormal item becomes a hazard"), data->index + 1);
      return FALSE;
    }
  if (xa_inspection_item_has_hazard (item))
    {
      g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_LINKED,
                   /* Translators: an item's number, then a hazard number */
                   _("Item %u is hazard %s already"), data->index + 1, xa_inspection_item_get_hazard_number (item));
      return FALSE;
    }

  /* The hazard is the inspection's school's, of its year; recorded by the hazard book in
   * this same transaction (a nested write joins it). */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_inspection_get_school_uuid (stored));
  xa_hazard_set_school_year (hazard, xa_inspection_get_school_year (stored));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, NULL);
  if (!xa_hazard_book_add (data->self->hazards, hazard, error))
    return FALSE;

  if (!(hazard_id = xa_store_prepare (store, "SELECT id FROM hazard WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (hazard_id, 1, xa_hazard_get_uuid (hazard));
  if (!xa_statement_step_one (hazard_id, error))
    return FALSE;

  if (!(link = xa_store_prepare (store,
                                 "UPDATE inspection_item SET hazard_id = ?"
                                 " WHERE inspection_id = ? AND position = ? AND hazard_id IS NULL",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (link, 1, xa_statement_get_int64 (hazard_id, 0));
  xa_statement_bind_int64 (link, 2, id);
  xa_statement_bind_int (link, 3, (int) data->index + 1);
  if (!xa_statement_run (link, error))
    return FALSE;
  if (xa_store_count_changes (store) != 1)
    {
      set_changed (error, xa_inspection_get_number (stored));
      return FALSE;
    }

  if (!bump_version (store, id, _xa_inspection_get_row_version (stored), xa_inspection_get_number (stored), error))
    return FALSE;

  position = g_strdup_printf ("%u", data->index + 1);
  detail = _xa_inspection_book_detail ("number", xa_inspection_get_number (stored), "item", position,
                                       "hazard", xa_hazard_get_number (hazard), NULL);
  if (!finish_change (store, data, "inspection.hazard", detail, error))
    return FALSE;

  g_set_object (&data->hazard, hazard);
  return TRUE;
}

/**
 * xa_inspection_book_record_hazard:
 * @inspection: a stored inspection, as read
 * @index: its abnormal item, from 0
 * @hazard: the new hazard
 *
 * See xa-inspection-book.h. Refuses an item that is normal
 * (%XA_INSPECTION_BOOK_ERROR_NOT_ABNORMAL) or a hazard already
 * (%XA_INSPECTION_BOOK_ERROR_LINKED), a stale @inspection
 * (%XA_INSPECTION_BOOK_ERROR_CHANGED), and a hazard the ledger refuses, with the
 * ledger's error.
 *
 * Returns: %TRUE when the hazard is recorded and linked
 */
gboolean
xa_inspection_book_record_hazard (XaInspectionBook  *self,
                                  XaInspection      *inspection,
                                  guint              index,
                                  XaHazard          *hazard,
                                  GError           **error)
{
  g_autoptr(XaHazard) recorded = NULL;
  Change data = { self, inspection, index, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_INSPECTION (inspection), FALSE);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);

  /* The write may run again after a lost race on a server: each attempt starts from
   * the caller's hazard. */
  data.hazard = g_object_ref (hazard);
  ok = write_change (self, record_hazard_cb, &data, error);
  recorded = g_steal_pointer (&data.hazard);
  if (ok)
    _xa_hazard_assign (hazard, recorded);
  return ok;
}

typedef struct
{
  const char   *hazard_uuid;
  XaInspection *inspection;
  guint         index;
} SourceData;

static gboolean
source_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  SourceData *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uuid = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT i.uuid, t.position FROM inspection_item t"
                                 " JOIN inspection i ON i.id = t.inspection_id"
                                 " JOIN hazard h ON h.id = t.hazard_id WHERE h.uuid = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, data->hazard_uuid);
  if ((step = xa_statement_step (stmt, error)) != XA_STEP_ROW)
    return step == XA_STEP_DONE;

  uuid = g_strdup (xa_statement_get_text (stmt, 0));
  data->index = (guint) xa_statement_get_int (stmt, 1) - 1;
  g_clear_pointer (&stmt, xa_statement_free);

  data->inspection = dup_where (store, "i.uuid = ?", uuid, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * xa_inspection_book_dup_hazard_source:
 * @index: (out) (optional): the item's index, from 0
 *
 * Returns: (transfer full) (nullable): the inspection, with its items, whose item
 *   became the hazard; %NULL without an error when the hazard was found otherwise
 */
XaInspection *
xa_inspection_book_dup_hazard_source (XaInspectionBook  *self,
                                      const char        *hazard_uuid,
                                      guint             *index,
                                      GError           **error)
{
  SourceData data = { hazard_uuid, NULL, 0 };

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  g_return_val_if_fail (hazard_uuid != NULL, NULL);

  if (!xa_store_read (self->store, source_cb, &data, error))
    return NULL;

  if (index != NULL)
    *index = data.index;
  return data.inspection;
}

/* The object */

static void
xa_inspection_book_dispose (GObject *object)
{
  XaInspectionBook *self = XA_INSPECTION_BOOK (object);

  g_clear_object (&self->registry);
  g_clear_object (&self->hazards);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_inspection_book_parent_class)->dispose (object);
}

static void
xa_inspection_book_class_init (XaInspectionBookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xa_inspection_book_dispose;
}

static void
xa_inspection_book_init (XaInspectionBook *self)
{
}

/**
 * xa_inspection_book_new:
 * @registry: the schools, whose store holds the inspections
 * @hazards: the ledger that abnormal items become hazards of
 *
 * Returns: (transfer full): the book
 */
XaInspectionBook *
xa_inspection_book_new (XaSchoolRegistry *registry,
                        XaHazardBook     *hazards)
{
  XaInspectionBook *self;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (hazards), NULL);

  self = g_object_new (XA_TYPE_INSPECTION_BOOK, NULL);
  self->registry = g_object_ref (registry);
  self->hazards = g_object_ref (hazards);
  self->store = g_object_ref (xa_school_registry_get_store (registry));
  return self;
}

/**
 * xa_inspection_book_get_store:
 *
 * Returns: (transfer none): the store
 */
XaStore *
xa_inspection_book_get_store (XaInspectionBook *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  return self->store;
}

/**
 * xa_inspection_book_get_hazards:
 *
 * Returns: (transfer none): the hazard ledger
 */
XaHazardBook *
xa_inspection_book_get_hazards (XaInspectionBook *self)
{
  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (self), NULL);
  return self->hazards;
}
