/* xa-school-registry-people.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of an organisation and their dated role terms. A new holder of a
 * one-holder role (第一责任人, 直接责任人) is a succession (继任): the current term ends on
 * the day the successor's begins, both in one transaction with one audit entry each, and
 * the ended term stays in the history (DESIGN.md §3).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-organisation-private.h"
#include "xa-person-private.h"
#include "xa-role-private.h"
#include "xa-school-registry-private.h"
#include "xa-school-registry.h"
#include "core/util/xa-date.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-json.h"

#define TITLE_MAX_CHARS       50
#define AFFILIATION_MAX_CHARS 100
#define NOTE_MAX_CHARS        200

/* The columns person_from_row() reads, in order. */
#define PERSON_COLUMNS "p.id, p.uuid, o.uuid, p.name, p.title, p.phone, p.affiliation, p.note"

static XaPerson *
person_from_row (XaStatement *stmt)
{
  XaPerson *person = _xa_person_new_full (xa_statement_get_int64 (stmt, 0),
                                          xa_statement_get_text (stmt, 1),
                                          xa_statement_get_text (stmt, 2),
                                          xa_statement_get_text (stmt, 3));

  xa_person_set_title (person, xa_statement_get_text (stmt, 4));
  xa_person_set_phone (person, xa_statement_get_text (stmt, 5));
  xa_person_set_affiliation (person, xa_statement_get_text (stmt, 6));
  xa_person_set_note (person, xa_statement_get_text (stmt, 7));

  return person;
}

static XaRole *
role_from_row (XaStatement *stmt)
{
  XaRoleKind kind = XA_ROLE_KIND_SAFETY_OFFICER;

  /* The table's CHECK constraint admits only known keys. */
  if (!xa_role_kind_from_key (xa_statement_get_text (stmt, 1), &kind))
    g_warning ("Unknown role “%s” in the database", xa_statement_get_text (stmt, 1));

  return _xa_role_new (xa_statement_get_text (stmt, 0),
                       kind,
                       xa_statement_get_text (stmt, 2),
                       xa_statement_get_text (stmt, 3),
                       xa_statement_get_text (stmt, 4),
                       xa_statement_get_text (stmt, 5),
                       xa_statement_get_is_null (stmt, 6)
                         ? NULL : xa_statement_get_text (stmt, 6),
                       xa_statement_get_text (stmt, 7));
}

typedef gpointer (*RowFunc) (XaStatement *stmt);

/* Runs a query with text parameters and collects one object per row into a list store
 * of @type; with @single, returns the first object instead (or NULL without an error). */
static gpointer
query_objects (XaStore      *store,
               GType         type,
               RowFunc       row_func,
               gboolean      single,
               const char   *sql,
               const char  **params,
               GError      **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  g_autoptr(XaStatement) stmt = NULL;
  gpointer first = NULL;
  XaStep step;

  xa_store_lock (store);

  if (!(stmt = xa_store_prepare (store, sql, error)))
    {
      xa_store_unlock (store);
      return NULL;
    }

  for (guint i = 0; params[i] != NULL; i++)
    xa_statement_bind_text (stmt, i + 1, params[i]);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_autoptr(GObject) object = row_func (stmt);

      if (single)
        {
          first = g_steal_pointer (&object);
          step = XA_STEP_DONE;
          break;
        }
      g_list_store_append (list, object);
    }

  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  if (step != XA_STEP_DONE)
    return NULL;

  return single ? first : g_steal_pointer (&list);
}

/**
 * _xa_registry_query_terms:
 * @params: the text parameters of @sql, %NULL-terminated
 *
 * Runs a query for role terms (ROLE_COLUMNS ROLE_JOINS…); with the store locked or
 * inside a write. With @single, the first term or %NULL without an error.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #XaRole, or the first #XaRole
 */
gpointer
_xa_registry_query_terms (XaStore      *store,
                          gboolean      single,
                          const char   *sql,
                          const char  **params,
                          GError      **error)
{
  return query_objects (store, XA_TYPE_ROLE, (RowFunc) role_from_row, single, sql, params, error);
}

/**
 * _xa_registry_dup_term:
 *
 * Returns: (transfer full) (nullable): the term @uuid, or %NULL with
 *   XA_REGISTRY_ERROR_NOT_FOUND when there is none
 */
XaRole *
_xa_registry_dup_term (XaStore     *store,
                       const char  *uuid,
                       GError     **error)
{
  const char *params[] = { uuid, NULL };
  g_autoptr(GError) local_error = NULL;
  XaRole *term;

  term = query_objects (store, XA_TYPE_ROLE, (RowFunc) role_from_row, TRUE,
                        "SELECT " ROLE_COLUMNS ROLE_JOINS " WHERE r.uuid = ?",
                        params, &local_error);
  if (term == NULL && local_error == NULL)
    g_set_error (&local_error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                 _("The role term was not found; it may have been removed meanwhile"));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return term;
}

static XaPerson *
dup_person (XaStore     *store,
            const char  *uuid,
            GError     **error)
{
  const char *params[] = { uuid, NULL };
  g_autoptr(GError) local_error = NULL;
  XaPerson *person;

  person = query_objects (store, XA_TYPE_PERSON, (RowFunc) person_from_row, TRUE,
                          "SELECT " PERSON_COLUMNS " FROM person p"
                          " JOIN organisation o ON o.id = p.organisation_id"
                          " WHERE p.uuid = ? AND p.removed_at IS NULL",
                          params, &local_error);
  if (person == NULL && local_error == NULL)
    g_set_error (&local_error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                 _("The person was not found; they may have been removed meanwhile"));
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return person;
}

static gboolean
check_organisation_exists (XaStore     *store,
                           const char  *organisation_uuid,
                           GError     **error)
{
  g_auto(XaOrgRow) row = { 0, };
  gboolean ok;

  xa_store_lock (store);
  ok = _xa_registry_lookup_org (store, organisation_uuid, TRUE, &row, error);
  xa_store_unlock (store);

  return ok;
}

/**
 * xa_school_registry_list_people:
 *
 * Returns: (transfer full): a #GListModel of #XaPerson, by name
 */
GListModel *
xa_school_registry_list_people (XaSchoolRegistry  *self,
                                const char        *organisation_uuid,
                                GError           **error)
{
  XaStore *store;
  const char *params[] = { organisation_uuid, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (organisation_uuid != NULL, NULL);

  store = xa_school_registry_get_store (self);
  if (!check_organisation_exists (store, organisation_uuid, error))
    return NULL;

  return query_objects (store, XA_TYPE_PERSON, (RowFunc) person_from_row, FALSE,
                        "SELECT " PERSON_COLUMNS " FROM person p"
                        " JOIN organisation o ON o.id = p.organisation_id"
                        " WHERE o.uuid = ? AND p.removed_at IS NULL ORDER BY p.name, p.id",
                        params, error);
}

static gboolean
validate_person (XaPerson  *person,
                 GError   **error)
{
  _xa_person_normalise (person);

  return _xa_check_person_name (xa_person_get_name (person), error) &&
         /* Translators: a person's 职务, such as 校长 */
         _xa_check_text (xa_person_get_title (person), _("Title"), FALSE, TITLE_MAX_CHARS, error) &&
         _xa_check_phone (xa_person_get_phone (person), error) &&
         /* Translators: 派出单位, the court or police station that sent a 法治副校长 */
         _xa_check_text (xa_person_get_affiliation (person), _("Affiliation"), FALSE,
                         AFFILIATION_MAX_CHARS, error) &&
         /* Translators: a remark on a person */
         _xa_check_text (xa_person_get_note (person), _("Note"), FALSE, NOTE_MAX_CHARS, error);
}

static void
add_person_fields (JsonBuilder *builder,
                   XaPerson    *person)
{
  const char *names[] = { "name", "title", "phone", "affiliation", "note" };
  const char *values[] = {
    xa_person_get_name (person), xa_person_get_title (person),
    xa_person_get_phone (person), xa_person_get_affiliation (person),
    xa_person_get_note (person),
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, values[i]);
    }
}

typedef struct
{
  XaPerson *person;
  gint64    new_id;
} PersonWrite;

static gboolean
insert_person_func (XaStore  *store,
                    gpointer  user_data,
                    GError  **error)
{
  PersonWrite *op = user_data;
  XaPerson *person = op->person;
  g_auto(XaOrgRow) org = { 0, };
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;

  if (!_xa_registry_lookup_org (store, xa_person_get_organisation_uuid (person), FALSE, &org, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "INSERT INTO person (uuid, organisation_id, name, title, phone,"
                                 " affiliation, note, created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, xa_person_get_uuid (person));
  xa_statement_bind_int64 (stmt, 2, org.id);
  xa_statement_bind_text (stmt, 3, xa_person_get_name (person));
  xa_statement_bind_text (stmt, 4, xa_person_get_title (person));
  xa_statement_bind_text (stmt, 5, xa_person_get_phone (person));
  xa_statement_bind_text (stmt, 6, xa_person_get_affiliation (person));
  xa_statement_bind_text (stmt, 7, xa_person_get_note (person));
  xa_statement_bind_text (stmt, 8, now);
  xa_statement_bind_text (stmt, 9, now);

  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  op->new_id = xa_statement_get_int64 (stmt, 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "organisation");
  json_builder_add_string_value (builder, xa_person_get_organisation_uuid (person));
  add_person_fields (builder, person);
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, "person.add", "person",
                                xa_person_get_uuid (person), detail, error);
}

static gboolean update_person_func (XaStore  *store,
                                    gpointer  user_data,
                                    GError  **error);

/* Normalises and validates @person, then runs @func on it in one write. */
static gboolean
write_person (XaSchoolRegistry  *self,
              XaPerson          *person,
              XaStoreWriteFunc   func,
              GError           **error)
{
  PersonWrite op = { person, 0 };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (XA_IS_PERSON (person), FALSE);

  if (!validate_person (person, error))
    return FALSE;

  if (!xa_store_write (xa_school_registry_get_store (self), func, &op, error))
    return FALSE;

  if (op.new_id != 0)
    _xa_person_set_id (person, op.new_id);
  return TRUE;
}

/**
 * xa_school_registry_add_person:
 * @person: a person made with xa_person_new(); its id is set when it was added
 *
 * Returns: %TRUE when the person was added
 */
gboolean
xa_school_registry_add_person (XaSchoolRegistry  *self,
                               XaPerson          *person,
                               GError           **error)
{
  return write_person (self, person, insert_person_func, error);
}

static gboolean
update_person_func (XaStore  *store,
                    gpointer  user_data,
                    GError  **error)
{
  PersonWrite *op = user_data;
  XaPerson *person = op->person;
  const char *fields[] = { "name", "title", "phone", "affiliation", "note" };
  g_autoptr(XaPerson) before = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *detail = NULL;
  guint n_changes = 0;

  if (!(before = dup_person (store, xa_person_get_uuid (person), error)))
    return FALSE;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *old_value = NULL;
      g_autofree char *new_value = NULL;

      g_object_get (before, fields[i], &old_value, NULL);
      g_object_get (person, fields[i], &new_value, NULL);
      if (g_strcmp0 (old_value, new_value) == 0)
        continue;

      xa_json_add_change (builder, fields[i], old_value, new_value);
      n_changes++;
    }
  json_builder_end_object (builder);

  if (n_changes == 0)
    return TRUE;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE person SET name = ?, title = ?, phone = ?,"
                                 " affiliation = ?, note = ?, updated_at = ? WHERE uuid = ?",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, xa_person_get_name (person));
  xa_statement_bind_text (stmt, 2, xa_person_get_title (person));
  xa_statement_bind_text (stmt, 3, xa_person_get_phone (person));
  xa_statement_bind_text (stmt, 4, xa_person_get_affiliation (person));
  xa_statement_bind_text (stmt, 5, xa_person_get_note (person));
  xa_statement_bind_text (stmt, 6, now);
  xa_statement_bind_text (stmt, 7, xa_person_get_uuid (person));

  if (!xa_statement_run (stmt, error))
    return FALSE;

  detail = xa_json_builder_to_string (builder);
  return xa_store_append_audit (store, "person.update", "person",
                                xa_person_get_uuid (person), detail, error);
}

/**
 * xa_school_registry_update_person:
 *
 * Saves the fields of @person that differ from the database, with one audit entry.
 *
 * Returns: %TRUE when the person is saved
 */
gboolean
xa_school_registry_update_person (XaSchoolRegistry  *self,
                                  XaPerson          *person,
                                  GError           **error)
{
  return write_person (self, person, update_person_func, error);
}

/* A person who holds a term today cannot go: the school would be left with a
 * responsible person who is in no list. Their term is ended first (结束任期). */
static gboolean
check_removable (XaStore     *store,
                 XaPerson    *person,
                 GError     **error)
{
  g_autofree char *today = xa_date_today_iso ();
  const char *params[] = { xa_person_get_uuid (person), today, NULL };
  g_autoptr(XaRole) held = NULL;
  g_autoptr(GError) local_error = NULL;

  held = query_objects (store, XA_TYPE_ROLE, (RowFunc) role_from_row, TRUE,
                        "SELECT " ROLE_COLUMNS ROLE_JOINS
                        " WHERE p.uuid = ? AND (r.until IS NULL OR r.until > ?)"
                        " ORDER BY r.since LIMIT 1",
                        params, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (held != NULL)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   /* Translators: the first %s is a person, the second a role such as
                    * 第一责任人, the third the day the term began */
                   _("“%s” cannot be removed while they are the %s (since %s): end that term first"),
                   xa_person_get_name (person), xa_role_kind_to_label (xa_role_get_kind (held)),
                   xa_role_get_since (held));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *person_uuid;
  gboolean    remove;
} RemoveWrite;

static gboolean
remove_person_func (XaStore  *store,
                    gpointer  user_data,
                    GError  **error)
{
  RemoveWrite *op = user_data;
  g_autoptr(XaPerson) person = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;

  if (!(person = dup_person (store, op->person_uuid, error)) ||
      !check_removable (store, person, error))
    return FALSE;

  if (!op->remove)
    return TRUE;

  now = xa_date_now_iso8601 ();
  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE person SET removed_at = ?, updated_at = ? WHERE uuid = ?",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, now);
  xa_statement_bind_text (stmt, 2, now);
  xa_statement_bind_text (stmt, 3, op->person_uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "organisation");
  json_builder_add_string_value (builder, xa_person_get_organisation_uuid (person));
  add_person_fields (builder, person);
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, "person.remove", "person", op->person_uuid, detail, error);
}

/**
 * xa_school_registry_check_person_removable:
 *
 * Whether xa_school_registry_remove_person() would remove the person now, so that a
 * refusal can be told before the user confirms. Writes nothing.
 *
 * Returns: %TRUE when the person may be removed; %FALSE with @error set to a message
 *   fit for the user otherwise
 */
gboolean
xa_school_registry_check_person_removable (XaSchoolRegistry  *self,
                                           const char        *person_uuid,
                                           GError           **error)
{
  RemoveWrite op = { person_uuid, FALSE };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);

  return xa_store_read (xa_school_registry_get_store (self), remove_person_func, &op, error);
}

/**
 * xa_school_registry_remove_person:
 *
 * Removes a person from the school's people, with an audit entry. The row stays,
 * marked removed, so that the terms they held keep their name in the role history. A
 * person who holds a term today is refused: end it first.
 *
 * Returns: %TRUE when the person was removed
 */
gboolean
xa_school_registry_remove_person (XaSchoolRegistry  *self,
                                  const char        *person_uuid,
                                  GError           **error)
{
  RemoveWrite op = { person_uuid, TRUE };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);

  return xa_store_write (xa_school_registry_get_store (self), remove_person_func, &op, error);
}

/**
 * xa_school_registry_list_roles:
 *
 * Returns: (transfer full): a #GListModel of #XaRole
 */
GListModel *
xa_school_registry_list_roles (XaSchoolRegistry  *self,
                               const char        *organisation_uuid,
                               gboolean           include_history,
                               GError           **error)
{
  XaStore *store;
  const char *params[] = { organisation_uuid, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (organisation_uuid != NULL, NULL);

  store = xa_school_registry_get_store (self);
  if (!check_organisation_exists (store, organisation_uuid, error))
    return NULL;

  /* Current terms in the order of XaRoleKind, then the ended ones, latest first. */
  return query_objects (store, XA_TYPE_ROLE, (RowFunc) role_from_row, FALSE,
                        include_history
                        ? "SELECT " ROLE_COLUMNS ROLE_JOINS " WHERE o.uuid = ?"
                          " ORDER BY r.until IS NOT NULL,"
                          " CASE WHEN r.until IS NULL THEN CASE r.role"
                          "   WHEN 'first-responsible' THEN 0 WHEN 'direct-responsible' THEN 1"
                          "   WHEN 'legal-vice-principal' THEN 2 WHEN 'legal-counsellor' THEN 3"
                          "   ELSE 4 END ELSE 0 END,"
                          " r.until DESC, r.since DESC, r.id DESC"
                        : "SELECT " ROLE_COLUMNS ROLE_JOINS " WHERE o.uuid = ? AND r.until IS NULL"
                          " ORDER BY CASE r.role"
                          "   WHEN 'first-responsible' THEN 0 WHEN 'direct-responsible' THEN 1"
                          "   WHEN 'legal-vice-principal' THEN 2 WHEN 'legal-counsellor' THEN 3"
                          "   ELSE 4 END, r.since, r.id",
                        params, error);
}

gboolean
_xa_registry_check_date (const char  *date,
                         GError     **error)
{
  if (xa_date_parse (date, NULL))
    return TRUE;

  g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
               _("“%s” is not a valid date; write it as YYYY-MM-DD, such as 2021-09-01"),
               date ? date : "");
  return FALSE;
}

char *
_xa_registry_role_detail (XaRoleKind  kind,
                          const char *person_uuid,
                          const char *person_name,
                          const char *since,
                          const char *until,
                          const char *note,
                          const char *other_key,
                          const char *other_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, xa_role_kind_to_key (kind));
  json_builder_set_member_name (builder, "person");
  json_builder_add_string_value (builder, person_uuid);
  json_builder_set_member_name (builder, "person_name");
  json_builder_add_string_value (builder, person_name);
  json_builder_set_member_name (builder, "since");
  json_builder_add_string_value (builder, since);
  if (until != NULL)
    {
      json_builder_set_member_name (builder, "until");
      json_builder_add_string_value (builder, until);
    }
  if (note != NULL && note[0] != '\0')
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
    }
  if (other_key != NULL)
    {
      json_builder_set_member_name (builder, other_key);
      json_builder_add_string_value (builder, other_name);
    }
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

/**
 * _xa_registry_check_after_predecessor:
 * @predecessor: (nullable): the term a successor's follows
 *
 * A successor's term cannot begin before the predecessor's did.
 */
gboolean
_xa_registry_check_after_predecessor (XaRole      *predecessor,
                                      const char  *since,
                                      GError     **error)
{
  if (predecessor == NULL || g_strcmp0 (since, xa_role_get_since (predecessor)) >= 0)
    return TRUE;

  g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
               /* Translators: a successor's term cannot start before the current
                * holder's; the second %s is a role such as 第一责任人 */
               _("The new term cannot start on %s: “%s” has been the %s only since %s"),
               since, xa_role_get_person_name (predecessor),
               xa_role_kind_to_label (xa_role_get_kind (predecessor)),
               xa_role_get_since (predecessor));
  return FALSE;
}

typedef struct
{
  const char *organisation_uuid;
  const char *person_uuid;
  XaRoleKind  kind;
  const char *since;
  const char *note;
} AssignWrite;

static gboolean
end_term (XaStore     *store,
          XaRole      *term,
          const char  *until,
          const char  *successor_name,
          GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *detail = NULL;

  if (!(stmt = xa_store_prepare (store, "UPDATE role_term SET until = ? WHERE uuid = ?", error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, until);
  xa_statement_bind_text (stmt, 2, xa_role_get_uuid (term));
  if (!xa_statement_run (stmt, error))
    return FALSE;

  detail = _xa_registry_role_detail (xa_role_get_kind (term), xa_role_get_person_uuid (term),
                        xa_role_get_person_name (term), xa_role_get_since (term), until,
                        NULL, successor_name ? "successor_name" : NULL, successor_name);

  return xa_store_append_audit (store, "role.end", "role_term",
                                xa_role_get_uuid (term), detail, error);
}

static gboolean
assign_role_func (XaStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  AssignWrite *op = user_data;
  const char *label = xa_role_kind_to_label (op->kind);
  const char *kind_key = xa_role_kind_to_key (op->kind);
  const char *term_params[] = { op->organisation_uuid, kind_key, NULL };
  g_auto(XaOrgRow) org = { 0, };
  g_autoptr(XaPerson) person = NULL;
  g_autoptr(GListModel) open_terms = NULL;
  g_autoptr(XaRole) latest_ended = NULL;
  g_autoptr(XaRole) predecessor = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uuid = xa_store_new_uuid ();
  g_autofree char *detail = NULL;

  if (!_xa_registry_lookup_org (store, op->organisation_uuid, FALSE, &org, error))
    return FALSE;

  if (!(person = dup_person (store, op->person_uuid, error)))
    return FALSE;

  if (g_strcmp0 (xa_person_get_organisation_uuid (person), op->organisation_uuid) != 0)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("“%s” does not belong to “%s”; add them to its people first"),
                   xa_person_get_name (person), org.name);
      return FALSE;
    }

  open_terms = query_objects (store, XA_TYPE_ROLE, (RowFunc) role_from_row, FALSE,
                              "SELECT " ROLE_COLUMNS ROLE_JOINS
                              " WHERE o.uuid = ? AND r.role = ? AND r.until IS NULL"
                              " ORDER BY r.since DESC",
                              term_params, error);
  if (open_terms == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (open_terms); i++)
    {
      g_autoptr(XaRole) term = g_list_model_get_item (open_terms, i);

      if (g_strcmp0 (xa_role_get_person_uuid (term), op->person_uuid) == 0)
        {
          g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                       /* Translators: the first %s is a person, the third a role such as
                        * 第一责任人 */
                       _("“%s” has been the %s since %s already"),
                       xa_person_get_name (person), label, xa_role_get_since (term));
          return FALSE;
        }
    }

  if (xa_role_kind_is_single (op->kind))
    {
      predecessor = g_list_model_get_item (open_terms, 0);

      if (!_xa_registry_check_after_predecessor (predecessor, op->since, error))
        return FALSE;

      /* Without a current holder, the new term must still not reach back into one that
       * has ended: two people would then have been responsible on the same days. */
      latest_ended = query_objects (store, XA_TYPE_ROLE, (RowFunc) role_from_row, TRUE,
                                    "SELECT " ROLE_COLUMNS ROLE_JOINS
                                    " WHERE o.uuid = ? AND r.role = ? AND r.until IS NOT NULL"
                                    " ORDER BY r.until DESC LIMIT 1",
                                    term_params, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (latest_ended != NULL && g_strcmp0 (op->since, xa_role_get_until (latest_ended)) < 0)
        {
          g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                       _("The new term cannot start on %s: it would overlap the term of “%s”, which ended on %s"),
                       op->since, xa_role_get_person_name (latest_ended),
                       xa_role_get_until (latest_ended));
          return FALSE;
        }

      if (predecessor != NULL &&
          !end_term (store, predecessor, op->since, xa_person_get_name (person), error))
        return FALSE;
    }

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO role_term (uuid, organisation_id, person_id, role,"
                                   " since, note) VALUES (?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;

  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, org.id);
  xa_statement_bind_int64 (insert, 3, xa_person_get_id (person));
  xa_statement_bind_text (insert, 4, kind_key);
  xa_statement_bind_text (insert, 5, op->since);
  xa_statement_bind_text (insert, 6, op->note ? op->note : "");

  if (!xa_statement_run (insert, error))
    return FALSE;

  detail = _xa_registry_role_detail (op->kind, op->person_uuid, xa_person_get_name (person), op->since,
                        NULL, op->note,
                        predecessor ? "predecessor_name" : NULL,
                        predecessor ? xa_role_get_person_name (predecessor) : NULL);

  return xa_store_append_audit (store, "role.assign", "role_term", uuid, detail, error);
}

/**
 * xa_school_registry_assign_role:
 * @note: (nullable): a remark, such as the letter of appointment
 *
 * Assigning a role to the person who already holds it is refused with a message that
 * says so.
 *
 * Returns: %TRUE when the term was opened
 */
gboolean
xa_school_registry_assign_role (XaSchoolRegistry  *self,
                                const char        *organisation_uuid,
                                const char        *person_uuid,
                                XaRoleKind         kind,
                                const char        *since,
                                const char        *note,
                                GError           **error)
{
  g_autofree char *stripped_note = NULL;
  AssignWrite op = { organisation_uuid, person_uuid, kind, since, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (organisation_uuid != NULL, FALSE);
  g_return_val_if_fail (person_uuid != NULL, FALSE);
  g_return_val_if_fail (kind < XA_N_ROLE_KINDS, FALSE);

  if (!_xa_registry_check_date (since, error))
    return FALSE;

  stripped_note = g_strstrip (g_strdup (note ? note : ""));
  /* Translators: a remark on a role term */
  if (!_xa_check_text (stripped_note, _("Note"), FALSE, NOTE_MAX_CHARS, error))
    return FALSE;
  op.note = stripped_note;

  return xa_store_write (xa_school_registry_get_store (self), assign_role_func, &op, error);
}

typedef struct
{
  const char *role_uuid;
  const char *until;
} EndWrite;

static gboolean
end_role_func (XaStore  *store,
               gpointer  user_data,
               GError  **error)
{
  EndWrite *op = user_data;
  g_autoptr(XaRole) term = NULL;

  if (!(term = _xa_registry_dup_term (store, op->role_uuid, error)))
    return FALSE;

  if (!xa_role_get_current (term))
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("This term of “%s” already ended on %s"),
                   xa_role_get_person_name (term), xa_role_get_until (term));
      return FALSE;
    }

  if (g_strcmp0 (op->until, xa_role_get_since (term)) < 0)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("The term cannot end on %s, before it began on %s"),
                   op->until, xa_role_get_since (term));
      return FALSE;
    }

  return end_term (store, term, op->until, NULL, error);
}

/**
 * xa_school_registry_end_role:
 * @until: the day the term ends, YYYY-MM-DD
 *
 * Ends a running term without a successor (a 法治辅导员 whose appointment ran out).
 *
 * Returns: %TRUE when the term was ended
 */
gboolean
xa_school_registry_end_role (XaSchoolRegistry  *self,
                             const char        *role_uuid,
                             const char        *until,
                             GError           **error)
{
  EndWrite op = { role_uuid, until };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (role_uuid != NULL, FALSE);

  if (!_xa_registry_check_date (until, error))
    return FALSE;

  return xa_store_write (xa_school_registry_get_store (self), end_role_func, &op, error);
}

/**
 * xa_school_registry_dup_role_holder:
 * @date: (nullable): YYYY-MM-DD, or %NULL for today
 *
 * On the day of a succession the successor holds the role.
 *
 * Returns: (transfer full) (nullable): the term in force on @date, or %NULL without an
 *   error when nobody held the role
 */
XaRole *
xa_school_registry_dup_role_holder (XaSchoolRegistry  *self,
                                    const char        *organisation_uuid,
                                    XaRoleKind         kind,
                                    const char        *date,
                                    GError           **error)
{
  g_autofree char *today = NULL;
  const char *params[] = { organisation_uuid, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (organisation_uuid != NULL, NULL);
  g_return_val_if_fail (kind < XA_N_ROLE_KINDS, NULL);

  if (date == NULL)
    date = today = xa_date_today_iso ();
  else if (!_xa_registry_check_date (date, error))
    return NULL;

  params[1] = xa_role_kind_to_key (kind);
  params[2] = date;
  params[3] = date;

  return query_objects (xa_school_registry_get_store (self), XA_TYPE_ROLE,
                        (RowFunc) role_from_row, TRUE,
                        "SELECT " ROLE_COLUMNS ROLE_JOINS
                        " WHERE o.uuid = ? AND r.role = ? AND r.since <= ?"
                        " AND (r.until IS NULL OR r.until > ?)"
                        " ORDER BY r.since DESC, r.id DESC LIMIT 1",
                        params, error);
}

typedef struct
{
  const char *role;
  const char *date;
  GHashTable *holders;
} HoldersRead;

static gboolean
read_holders_func (XaStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  HoldersRead *read = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  /* The newest term in force first for each school: the first row of a school wins. */
  if (!(stmt = xa_store_prepare (store,
                                 "SELECT o.uuid, p.name FROM role_term r"
                                 " JOIN organisation o ON o.id = r.organisation_id"
                                 " JOIN person p ON p.id = r.person_id"
                                 " WHERE r.role = ?1 AND r.since <= ?2 AND (r.until IS NULL OR r.until > ?2)"
                                 " ORDER BY o.id, r.since DESC, r.id DESC",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, read->role);
  xa_statement_bind_text (stmt, 2, read->date);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      const char *uuid = xa_statement_get_text (stmt, 0);

      if (!g_hash_table_contains (read->holders, uuid))
        g_hash_table_insert (read->holders, g_strdup (uuid), g_strdup (xa_statement_get_text (stmt, 1)));
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_school_registry_dup_role_holders:
 * @date: (nullable): YYYY-MM-DD, or %NULL for today
 *
 * xa_school_registry_dup_role_holder() for every school at once, in one query: a list
 * of the district's schools with their 第一责任人 asks the store once, not once a school.
 *
 * Returns: (transfer full) (element-type utf8 utf8): the school's UUID → the name of
 *   who held @kind on @date; schools without a holder are absent. %NULL with @error set.
 */
GHashTable *
xa_school_registry_dup_role_holders (XaSchoolRegistry  *self,
                                     XaRoleKind         kind,
                                     const char        *date,
                                     GError           **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GHashTable) holders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  HoldersRead read = { NULL, NULL, holders };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (kind < XA_N_ROLE_KINDS, NULL);

  if (date == NULL)
    date = today = xa_date_today_iso ();
  else if (!_xa_registry_check_date (date, error))
    return NULL;

  read.role = xa_role_kind_to_key (kind);
  read.date = date;
  if (!xa_store_read (xa_school_registry_get_store (self), read_holders_func, &read, error))
    return NULL;

  return g_steal_pointer (&holders);
}
