/* xa-hazard-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledgers of an installation, in the store's `hazard` and `hazard_step`
 * tables (xa-store-schema.c step 10), on either engine: recording a hazard with the next
 * number of its school and year, saving its edited columns, and the steps of its
 * rectification with their history, each in one transaction with its audit entry. The
 * rules are XaHazard's (xa-hazard-validate.c, xa-hazard-workflow.c), checked again on
 * the stored copy inside the transaction, so that a stale copy never overwrites a newer
 * one: the row's version moves on with every save. Reading lists is
 * xa-hazard-book-query.c's.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-hazard-book-private.h"
#include "core/util/xa-json.h"

G_DEFINE_FINAL_TYPE (XaHazardBook, xa_hazard_book, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-hazard-book-error-quark, xa_hazard_book_error)

/* What an audit entry of the ledger says besides its record: the hazard's number and
 * the members given, pairs of name and text value, %NULL-terminated. */
static char *
audit_detail (XaHazard   *hazard,
              const char *first_member,
              ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *member = first_member;
  va_list args;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, xa_hazard_get_number (hazard));

  va_start (args, first_member);
  while (member != NULL)
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, member);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
      member = va_arg (args, const char *);
    }
  va_end (args);
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

static void
set_not_found (GError     **error,
               const char  *number)
{
  if (number != NULL)
    g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NOT_FOUND,
                 /* Translators: %s is a hazard number such as 2021-2022-5001040001-0001 */
                 _("There is no hazard numbered %s"), number);
  else
    g_set_error_literal (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NOT_FOUND,
                         _("The hazard was not found in the ledger"));
}

/* The stored copy of @hazard, which a save changes, checked against the copy the
 * caller read: it exists, it is not closed, and nobody saved it in between. */
static XaHazard *
dup_stored_for_change (XaStore   *store,
                       XaHazard  *hazard,
                       gint64    *id,
                       GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XaHazard) stored = NULL;

  stored = _xa_hazard_row_dup (store, "h.uuid = ?", xa_hazard_get_uuid (hazard), id, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_not_found (error, xa_hazard_get_number (hazard)[0] != '\0' ? xa_hazard_get_number (hazard) : NULL);
      return NULL;
    }

  if (_xa_hazard_get_row_version (stored) != _xa_hazard_get_row_version (hazard))
    {
      g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_CHANGED,
                   /* Translators: %s is a hazard number */
                   _("Hazard %s was changed by someone else after you opened it; open it again to see the changes"),
                   xa_hazard_get_number (stored));
      return NULL;
    }

  return g_steal_pointer (&stored);
}

/* A change of one hazard: what the caller gave, and what the write stored. */
typedef struct
{
  XaHazard                *hazard;
  XaHazardStep             step;
  const XaHazardStepInput *input;
  XaHazard                *saved;   /* what this attempt stored */
} Change;

/* Runs @func, which stores @change, and gives @target what was stored. */
static gboolean
write_change (XaHazardBook      *self,
              XaStoreWriteFunc   func,
              Change            *change,
              XaHazard          *target,
              GError           **error)
{
  gboolean ok = xa_store_write (self->store, func, change, error);

  if (ok)
    _xa_hazard_assign (target, change->saved);
  g_clear_object (&change->saved);
  return ok;
}

/* The end of a change's write: its audit entry, and the hazard as stored. */
static gboolean
finish_change (XaStore     *store,
               Change      *change,
               XaHazard    *saved,
               const char  *action,
               const char  *detail,
               GError     **error)
{
  if (!xa_store_append_audit (store, action, "hazard", xa_hazard_get_uuid (saved), detail, error))
    return FALSE;

  g_set_object (&change->saved, saved);
  return TRUE;
}

/* Adding */

/**
 * _xa_hazard_book_find_school:
 * @school_uuid: the school's UUID
 * @organisation_id: (out): its row
 * @code: (out) (optional) (transfer full): its 学校标识码
 *
 * Finds a school that is in the register and not removed. Call inside a read or a
 * write.
 */
gboolean
_xa_hazard_book_find_school (XaStore     *store,
                             const char  *school_uuid,
                             gint64      *organisation_id,
                             char       **code,
                             GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT id, code FROM organisation"
                                 " WHERE uuid = ? AND kind = 'school' AND deleted_at IS NULL",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, school_uuid);

  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL,
                   /* Translators: %s is the column 学校 */
                   _("%s: the school is not in the register, or was removed"),
                   xa_hazard_field_to_label (XA_HAZARD_FIELD_SCHOOL_UUID));
      return FALSE;
    }

  *organisation_id = xa_statement_get_int64 (stmt, 0);
  if (code != NULL)
    *code = g_strdup (xa_statement_get_text (stmt, 1));
  return TRUE;
}

static gboolean
add_cb (XaStore   *store,
        gpointer   user_data,
        GError   **error)
{
  Change *data = user_data;
  g_autoptr(XaHazard) saved = xa_hazard_copy (data->hazard);
  g_autoptr(XaStatement) next = NULL;
  g_autoptr(XaHazardWriter) writer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  gint64 organisation_id = 0;
  gint64 id = 0;
  guint sequence;

  if (!_xa_hazard_book_find_school (store, xa_hazard_get_text (saved, XA_HAZARD_FIELD_SCHOOL_UUID),
                                    &organisation_id, &code, error))
    return FALSE;

  /* Under the store's write lock, which every client takes for its whole transaction on
   * a server too: two clients never draw the same number. */
  if (!(next = xa_store_prepare (store,
                                 "SELECT coalesce (max (sequence), 0) + 1 FROM hazard"
                                 " WHERE organisation_id = ? AND school_year = ?",
                                 error)))
    return FALSE;
  xa_statement_bind_int64 (next, 1, organisation_id);
  xa_statement_bind_int (next, 2, xa_hazard_get_school_year (saved));
  if (!xa_statement_step_one (next, error))
    return FALSE;
  sequence = (guint) xa_statement_get_int64 (next, 0);

  if (!(number = xa_hazard_number_format (xa_hazard_get_school_year (saved), code, sequence, error)))
    return FALSE;
  xa_hazard_set_text (saved, XA_HAZARD_FIELD_NUMBER, number);
  _xa_hazard_set_row_version (saved, 1);

  writer = _xa_hazard_writer_new (store);
  if (!_xa_hazard_writer_insert (writer, saved, organisation_id, sequence, &id, error))
    return FALSE;

  detail = audit_detail (saved, "school", code, NULL);
  return finish_change (store, data, saved, "hazard.add", detail, error);
}

/**
 * xa_hazard_book_add:
 * @hazard: a new hazard, in 待整改 and without history; its school and school year
 *   set
 *
 * See xa-hazard-book.h. Refuses a hazard that breaks a rule of its columns
 * (%XA_HAZARD_ERROR_INVALID, naming the column) or whose school is not in the register
 * (%XA_HAZARD_BOOK_ERROR_NO_SCHOOL).
 *
 * Returns: %TRUE when the hazard was stored
 */
gboolean
xa_hazard_book_add (XaHazardBook  *self,
                    XaHazard      *hazard,
                    GError       **error)
{
  g_autoptr(XaHazard) checked = NULL;
  Change data = { NULL, 0, NULL, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);

  if (xa_hazard_get_state (hazard) != XA_HAZARD_STATE_PENDING || xa_hazard_get_n_entries (hazard) > 0 ||
      xa_hazard_get_reinspection_result (hazard) != XA_REINSPECTION_NONE)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: %s is the status 待整改 */
                   _("A new hazard is recorded as “%s”; its rectification steps follow once it is saved"),
                   xa_hazard_state_to_label (XA_HAZARD_STATE_PENDING));
      return FALSE;
    }

  /* The number is drawn in the transaction: what the caller's copy holds is not kept. */
  checked = xa_hazard_copy (hazard);
  xa_hazard_set_text (checked, XA_HAZARD_FIELD_NUMBER, NULL);
  if (xa_hazard_get_uuid (checked)[0] == '\0')
    {
      g_autofree char *uuid = xa_store_new_uuid ();

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, uuid);
      xa_hazard_set_text (checked, XA_HAZARD_FIELD_UUID, uuid);
    }
  if (!xa_hazard_validate (checked, NULL, error))
    return FALSE;

  data.hazard = checked;
  return write_change (self, add_cb, &data, hazard, error);
}

/* Updating */

/* The columns a save changes: all but the key, the number and what it is made of, and
 * what only the steps change. */
static gboolean
is_edited_column (XaHazardField field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_UUID:
    case XA_HAZARD_FIELD_NUMBER:
    case XA_HAZARD_FIELD_SCHOOL_UUID:
    case XA_HAZARD_FIELD_SCHOOL_YEAR:
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
    case XA_HAZARD_FIELD_STATE:
      return FALSE;
    default:
      return TRUE;
    }
}

/* The columns a step changes, besides the state and the re-inspection result. */
static gboolean
is_step_column (XaHazardField field)
{
  switch ((guint) field)
    {
    case XA_HAZARD_FIELD_COMPLETED_ON:
    case XA_HAZARD_FIELD_COMPLETION_NOTES:
    case XA_HAZARD_FIELD_REINSPECTOR:
    case XA_HAZARD_FIELD_REINSPECTED_ON:
    case XA_HAZARD_FIELD_CLOSED_ON:
    case XA_HAZARD_FIELD_CLOSED_BY:
    case XA_HAZARD_FIELD_REINSPECTION_RESULT:
    case XA_HAZARD_FIELD_STATE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
same_value (XaHazard      *a,
            XaHazard      *b,
            XaHazardField  field)
{
  GValue va = G_VALUE_INIT;
  GValue vb = G_VALUE_INIT;
  const char *property = _xa_hazard_field_info (field)->property;
  gboolean same;

  if (field < XA_N_HAZARD_TEXT_FIELDS)
    return g_str_equal (xa_hazard_get_text (a, field), xa_hazard_get_text (b, field));

  g_object_get_property (G_OBJECT (a), property, &va);
  g_object_get_property (G_OBJECT (b), property, &vb);
  same = g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (a), property), &va, &vb) == 0;
  g_value_unset (&va);
  g_value_unset (&vb);
  return same;
}

/* Writes the columns that @is_column picks of @fresh over its row, moving the row's
 * version on from @fresh's, and gives @fresh the new version. */
static gboolean
update_row (XaStore    *store,
            gint64      id,
            XaHazard   *fresh,
            gboolean  (*is_column) (XaHazardField field),
            GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("UPDATE hazard SET version = version + 1, updated_at = ?, updated_by = ?");
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  guint version = _xa_hazard_get_row_version (fresh);
  int index = 3;

  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (is_column (field))
        g_string_append_printf (sql, ", %s = ?", xa_hazard_field_to_key (field));
    }
  g_string_append (sql, " WHERE id = ? AND version = ?");

  if (!(stmt = xa_store_prepare (store, sql->str, error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, now);
  xa_statement_bind_text (stmt, 2, xa_store_get_operator (store));
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (is_column (field))
        _xa_hazard_row_bind_field (stmt, index++, fresh, field);
    }
  xa_statement_bind_int64 (stmt, index++, id);
  xa_statement_bind_int (stmt, index, (int) version);

  if (!xa_statement_run (stmt, error))
    return FALSE;

  /* The row was read in this transaction, under the write lock: it is there. */
  if (xa_store_count_changes (store) != 1)
    {
      g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_CHANGED,
                   _("Hazard %s was changed by someone else after you opened it; open it again to see the changes"),
                   xa_hazard_get_number (fresh));
      return FALSE;
    }

  _xa_hazard_set_row_version (fresh, version + 1);
  return TRUE;
}

static gboolean
refuse_closed (XaHazard  *stored,
               GError   **error)
{
  if (xa_hazard_get_state (stored) != XA_HAZARD_STATE_CLOSED)
    return TRUE;

  g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_CLOSED,
               /* Translators: %s is a hazard number */
               _("Hazard %s is closed and can no longer be changed"), xa_hazard_get_number (stored));
  return FALSE;
}

static gboolean
update_cb (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  static const XaHazardField number_fields[] = { XA_HAZARD_FIELD_SCHOOL_UUID, XA_HAZARD_FIELD_SCHOOL_YEAR };
  Change *data = user_data;
  g_autoptr(XaHazard) stored = NULL;
  g_autoptr(XaHazard) fresh = NULL;
  g_autoptr(XaHazardWriter) writer = NULL;
  g_autoptr(GPtrArray) old_grams = NULL;
  g_autoptr(GPtrArray) grams = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *detail = NULL;
  gint64 organisation_id = 0;
  gint64 id = 0;
  guint n_changed = 0;

  if (!(stored = dup_stored_for_change (store, data->hazard, &id, error)) ||
      !refuse_closed (stored, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    {
      XaHazardField field = number_fields[i];

      if (!same_value (stored, data->hazard, field))
        {
          g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                       /* Translators: a column such as 学年度, then a hazard number */
                       _("%s of a recorded hazard does not change: its number %s is made from it"),
                       xa_hazard_field_to_label (field), xa_hazard_get_number (stored));
          return FALSE;
        }
    }

  /* The edits on the stored state and history, which only the steps change. */
  fresh = xa_hazard_copy (stored);
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (!is_edited_column (field) || same_value (stored, data->hazard, field))
        continue;

      if (field < XA_N_HAZARD_TEXT_FIELDS)
        xa_hazard_set_text (fresh, field, xa_hazard_get_text (data->hazard, field));
      else
        {
          GValue value = G_VALUE_INIT;

          g_object_get_property (G_OBJECT (data->hazard), _xa_hazard_field_info (field)->property, &value);
          g_object_set_property (G_OBJECT (fresh), _xa_hazard_field_info (field)->property, &value);
          g_value_unset (&value);
        }
      n_changed++;
    }

  if (n_changed == 0)
    {
      g_set_object (&data->saved, fresh);
      return TRUE;
    }

  if (!xa_hazard_validate (fresh, NULL, error) ||
      !update_row (store, id, fresh, is_edited_column, error))
    return FALSE;

  if (!_xa_hazard_book_find_school (store, xa_hazard_get_text (fresh, XA_HAZARD_FIELD_SCHOOL_UUID),
                                    &organisation_id, NULL, error))
    return FALSE;
  old_grams = _xa_hazard_row_grams (stored, NULL);
  grams = _xa_hazard_row_grams (fresh, NULL);
  writer = _xa_hazard_writer_new (store);
  if (!_xa_hazard_writer_index (writer, id, organisation_id, old_grams, grams, error))
    return FALSE;

  /* The entry names the columns that changed; the image holds their values' digests. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, xa_hazard_get_number (fresh));
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      if (is_edited_column (field) && !same_value (stored, fresh, field))
        json_builder_add_string_value (builder, xa_hazard_field_to_key (field));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return finish_change (store, data, fresh, "hazard.update", detail, error);
}

/**
 * xa_hazard_book_update:
 *
 * See xa-hazard-book.h. Also refuses a closed hazard (%XA_HAZARD_BOOK_ERROR_CLOSED) and a
 * change of the school or the school year, which the number is made of. Saving a
 * hazard that was not changed writes nothing.
 *
 * Returns: %TRUE when the hazard is saved; @hazard then holds what was stored
 */
gboolean
xa_hazard_book_update (XaHazardBook  *self,
                       XaHazard      *hazard,
                       GError       **error)
{
  Change data = { hazard, 0, NULL, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);

  return write_change (self, update_cb, &data, hazard, error);
}

/* Steps */

static gboolean
step_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Change *data = user_data;
  g_autoptr(XaHazard) stored = NULL;
  g_autoptr(XaHazardWriter) writer = NULL;
  g_autofree char *detail = NULL;
  const XaHazardEntry *entry;
  gint64 id = 0;
  guint n_entries;

  if (!(stored = dup_stored_for_change (store, data->hazard, &id, error)) ||
      !xa_hazard_apply_step (stored, data->step, data->input, error) ||
      !update_row (store, id, stored, is_step_column, error))
    return FALSE;

  n_entries = xa_hazard_get_n_entries (stored);
  entry = xa_hazard_get_entry (stored, n_entries - 1);
  writer = _xa_hazard_writer_new (store);
  if (!_xa_hazard_writer_add_step (writer, id, n_entries, entry, error))
    return FALSE;

  detail = audit_detail (stored, "step", xa_hazard_step_to_key (entry->step), "who", entry->who,
                         "date", entry->date, "at", entry->at, NULL);
  return finish_change (store, data, stored, "hazard.step", detail, error);
}

/**
 * xa_hazard_book_step:
 *
 * See xa-hazard-book.h and xa_hazard_apply_step() for the refusals. Also
 * %XA_HAZARD_BOOK_ERROR_CHANGED when @hazard is not the stored copy's version.
 */
gboolean
xa_hazard_book_step (XaHazardBook             *self,
                     XaHazard                 *hazard,
                     XaHazardStep              step,
                     const XaHazardStepInput  *input,
                     GError                  **error)
{
  Change data = { hazard, step, input, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), FALSE);
  g_return_val_if_fail (XA_IS_HAZARD (hazard), FALSE);
  g_return_val_if_fail (step < XA_N_HAZARD_STEPS, FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  return write_change (self, step_cb, &data, hazard, error);
}

/* Reading one */

/* The hazard @where selects, or %NULL with NOT_FOUND naming @number when there is none. */
static XaHazard *
dup_where (XaHazardBook  *self,
           const char    *where,
           const char    *value,
           const char    *number,
           GError       **error)
{
  gpointer hazard = NULL;

  if (!xa_store_find (self->store, (XaStoreFindFunc) _xa_hazard_row_dup, where, value,
                      &hazard, error))
    return NULL;

  if (hazard == NULL)
    set_not_found (error, number);
  return hazard;
}

/**
 * xa_hazard_book_dup_by_uuid:
 *
 * Returns: (transfer full): the hazard with its history, or %NULL with
 *   %XA_HAZARD_BOOK_ERROR_NOT_FOUND
 */
XaHazard *
xa_hazard_book_dup_by_uuid (XaHazardBook  *self,
                            const char    *uuid,
                            GError       **error)
{
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return dup_where (self, "h.uuid = ?", uuid, NULL, error);
}

/**
 * xa_hazard_book_dup_by_number:
 * @number: such as 2021-2022-5001040001-0001
 *
 * Returns: (transfer full): the hazard with its history, or %NULL with
 *   %XA_HAZARD_ERROR_NUMBER for what is no hazard number, or
 *   %XA_HAZARD_BOOK_ERROR_NOT_FOUND
 */
XaHazard *
xa_hazard_book_dup_by_number (XaHazardBook  *self,
                              const char    *number,
                              GError       **error)
{
  g_autofree char *code = NULL;
  guint sequence = 0;
  int school_year = 0;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!xa_hazard_number_parse (number, &school_year, &code, &sequence, error))
    return NULL;

  return dup_where (self, "h.number = ?", number, number, error);
}

/* The object */

static void
xa_hazard_book_dispose (GObject *object)
{
  XaHazardBook *self = XA_HAZARD_BOOK (object);

  g_clear_object (&self->registry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (xa_hazard_book_parent_class)->dispose (object);
}

static void
xa_hazard_book_class_init (XaHazardBookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xa_hazard_book_dispose;
}

static void
xa_hazard_book_init (XaHazardBook *self)
{
}

/**
 * xa_hazard_book_new:
 * @registry: the schools, whose store holds the ledger
 *
 * Returns: (transfer full): the book
 */
XaHazardBook *
xa_hazard_book_new (XaSchoolRegistry *registry)
{
  XaHazardBook *self;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);

  self = g_object_new (XA_TYPE_HAZARD_BOOK, NULL);
  self->registry = g_object_ref (registry);
  self->store = g_object_ref (xa_school_registry_get_store (registry));
  return self;
}

/**
 * xa_hazard_book_get_store:
 *
 * Returns: (transfer none): the store that holds the ledger
 */
XaStore *
xa_hazard_book_get_store (XaHazardBook *self)
{
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);

  return self->store;
}

void
xa_hazard_filter_init (XaHazardFilter *filter)
{
  g_return_if_fail (filter != NULL);

  *filter = (XaHazardFilter) {
    .school_uuid = NULL,
    .school_year = 0,
    .state = -1,
    .grade = -1,
    .category = -1,
    .overdue_only = FALSE,
    .today = NULL,
    .responsible = NULL,
    .search = NULL,
  };
}
