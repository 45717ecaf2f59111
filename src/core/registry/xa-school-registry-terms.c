/* xa-school-registry-terms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Corrections of role terms: the day a term began, its note, and the removal of a term
 * entered by mistake. The rules of a succession hold here too (DESIGN.md §3): the terms
 * of a one-holder role follow each other without overlapping, and a successor's term
 * begins on the day the predecessor's ends. So a successor's start moves the
 * predecessor's end with it, and removing a successor's running term gives the role
 * back to the predecessor. Each write is one transaction with an audit entry for every
 * term it touches.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-organisation-private.h"
#include "xa-school-registry-private.h"
#include "xa-school-registry.h"
#include "core/util/xa-json.h"

#define NOTE_MAX_CHARS 200

/* The term of the same one-holder role whose end is the day @term began: the holder
 * @term succeeded. %NULL without an error when there is none. */
static XaRole *
dup_predecessor (XaStore     *store,
                 XaRole      *term,
                 GError     **error)
{
  const char *params[] = {
    xa_role_get_organisation_uuid (term), xa_role_kind_to_key (xa_role_get_kind (term)),
    xa_role_get_since (term), xa_role_get_uuid (term), NULL,
  };

  if (!xa_role_kind_is_single (xa_role_get_kind (term)))
    return NULL;

  return _xa_registry_query_terms (store, TRUE,
                                   "SELECT " ROLE_COLUMNS ROLE_JOINS
                                   " WHERE o.uuid = ? AND r.role = ? AND r.until = ? AND r.uuid <> ?"
                                   " ORDER BY r.since DESC LIMIT 1",
                                   params, error);
}

/* Refuses @since for @term when another term would then share a day with it: any other
 * term of a one-holder role, or the same person's other term of a role many hold.
 * @predecessor (nullable) moves along and is not counted. */
static gboolean
check_no_overlap (XaStore     *store,
                  XaRole      *term,
                  XaRole      *predecessor,
                  const char  *since,
                  GError     **error)
{
  gboolean single = xa_role_kind_is_single (xa_role_get_kind (term));
  const char *until = xa_role_get_until (term);
  const char *params[7] = {
    xa_role_get_organisation_uuid (term), xa_role_kind_to_key (xa_role_get_kind (term)),
    xa_role_get_uuid (term), predecessor ? xa_role_get_uuid (predecessor) : "", since,
  };
  g_autofree char *sql = NULL;
  g_autoptr(XaRole) other = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n = 5;

  if (until != NULL)
    params[n++] = until;
  if (!single)
    params[n++] = xa_role_get_person_uuid (term);

  sql = g_strconcat ("SELECT " ROLE_COLUMNS ROLE_JOINS
                     " WHERE o.uuid = ? AND r.role = ? AND r.uuid <> ? AND r.uuid <> ?"
                     " AND (r.until IS NULL OR r.until > ?)",
                     until != NULL ? " AND r.since < ?" : "",
                     single ? "" : " AND p.uuid = ?",
                     " ORDER BY r.since LIMIT 1", NULL);
  other = _xa_registry_query_terms (store, TRUE, sql, params, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (other != NULL)
    {
      g_autofree char *span = NULL;

      if (xa_role_get_until (other) != NULL)
        /* Translators: the first and the last day of a term (YYYY-MM-DD). */
        span = g_strdup_printf (_("from %s to %s"), xa_role_get_since (other),
                                xa_role_get_until (other));
      else
        /* Translators: %s is the day a running term began (YYYY-MM-DD). */
        span = g_strdup_printf (_("since %s"), xa_role_get_since (other));

      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   /* Translators: the second %s is a person, the third a role such as
                    * 第一责任人, the last “from 2021-09-01 to 2022-03-01” */
                   _("The term cannot start on %s: it would overlap the term of “%s” as %s, %s"),
                   since, xa_role_get_person_name (other),
                   xa_role_kind_to_label (xa_role_get_kind (other)), span);
      return FALSE;
    }

  return TRUE;
}

/* Writes one term's new dates or note and its audit entry, which names each change. */
static gboolean
write_term (XaStore     *store,
            XaRole      *term,
            const char  *since,
            const char  *until,
            const char  *note,
            const char  *action,
            GError     **error)
{
  const char *fields[] = { "since", "until", "note" };
  const char *before[] = { xa_role_get_since (term), xa_role_get_until (term), xa_role_get_note (term) };
  const char *after[] = { since, until, note };
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *detail = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE role_term SET since = ?, until = ?, note = ? WHERE uuid = ?",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, since);
  if (until != NULL)
    xa_statement_bind_text (stmt, 2, until);
  else
    xa_statement_bind_null (stmt, 2);
  xa_statement_bind_text (stmt, 3, note);
  xa_statement_bind_text (stmt, 4, xa_role_get_uuid (term));
  if (!xa_statement_run (stmt, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, xa_role_kind_to_key (xa_role_get_kind (term)));
  json_builder_set_member_name (builder, "person_name");
  json_builder_add_string_value (builder, xa_role_get_person_name (term));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (before[i], after[i]) != 0)
        xa_json_add_change (builder, fields[i], before[i], after[i]);
    }
  json_builder_end_object (builder);
  detail = xa_json_builder_to_string (builder);

  return xa_store_append_audit (store, action, "role_term", xa_role_get_uuid (term), detail, error);
}

typedef struct
{
  const char *role_uuid;
  const char *since;
  const char *note;
} UpdateWrite;

static gboolean
update_role_func (XaStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  UpdateWrite *op = user_data;
  g_autoptr(XaRole) term = NULL;
  g_autoptr(XaRole) predecessor = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *until;

  if (!(term = _xa_registry_dup_term (store, op->role_uuid, error)))
    return FALSE;

  until = xa_role_get_until (term);
  if (g_strcmp0 (op->since, xa_role_get_since (term)) == 0 &&
      g_strcmp0 (op->note, xa_role_get_note (term)) == 0)
    return TRUE;

  if (until != NULL && g_strcmp0 (op->since, until) > 0)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("The term cannot start on %s, after it ended on %s"), op->since, until);
      return FALSE;
    }

  if (g_strcmp0 (op->since, xa_role_get_since (term)) != 0)
    {
      predecessor = dup_predecessor (store, term, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (!_xa_registry_check_after_predecessor (predecessor, op->since, error) ||
          !check_no_overlap (store, term, predecessor, op->since, error))
        return FALSE;

      /* The predecessor handed over on the day the successor began. */
      if (predecessor != NULL &&
          !write_term (store, predecessor, xa_role_get_since (predecessor), op->since,
                       xa_role_get_note (predecessor), "role.update", error))
        return FALSE;
    }

  return write_term (store, term, op->since, until, op->note, "role.update", error);
}

/**
 * xa_school_registry_update_role:
 * @since: the day the term began, YYYY-MM-DD
 * @note: (nullable): the term's remark
 *
 * Corrects a term's first day and note. For 第一责任人 and 直接责任人 the predecessor's
 * term ends on the corrected day too; a day before the predecessor's start, or one that
 * makes the term overlap another of the role, is refused. Nothing is written when
 * nothing changed.
 *
 * Returns: %TRUE when the term is as asked
 */
gboolean
xa_school_registry_update_role (XaSchoolRegistry  *self,
                                const char        *role_uuid,
                                const char        *since,
                                const char        *note,
                                GError           **error)
{
  g_autofree char *stripped_note = NULL;
  UpdateWrite op = { role_uuid, since, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (role_uuid != NULL, FALSE);

  if (!_xa_registry_check_date (since, error))
    return FALSE;

  stripped_note = g_strstrip (g_strdup (note ? note : ""));
  /* Translators: a remark on a role term */
  if (!_xa_check_text (stripped_note, _("Note"), FALSE, NOTE_MAX_CHARS, error))
    return FALSE;
  op.note = stripped_note;

  return xa_store_write (xa_school_registry_get_store (self), update_role_func, &op, error);
}

static gboolean
remove_role_func (XaStore  *store,
                  gpointer  user_data,
                  GError  **error)
{
  const char *role_uuid = user_data;
  g_autoptr(XaRole) term = NULL;
  g_autoptr(XaRole) predecessor = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;

  if (!(term = _xa_registry_dup_term (store, role_uuid, error)))
    return FALSE;

  /* Only a running term gives the role back: an ended one left nobody in its place. */
  if (xa_role_get_current (term))
    {
      predecessor = dup_predecessor (store, term, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!(stmt = xa_store_prepare (store, "DELETE FROM role_term WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, role_uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  /* The entry keeps what the term was: the audit trail is its history now. */
  detail = _xa_registry_role_detail (xa_role_get_kind (term), xa_role_get_person_uuid (term),
                                     xa_role_get_person_name (term), xa_role_get_since (term),
                                     xa_role_get_until (term), xa_role_get_note (term),
                                     predecessor ? "predecessor_name" : NULL,
                                     predecessor ? xa_role_get_person_name (predecessor) : NULL);
  if (!xa_store_append_audit (store, "role.remove", "role_term", role_uuid, detail, error))
    return FALSE;

  return predecessor == NULL ||
         write_term (store, predecessor, xa_role_get_since (predecessor), NULL,
                     xa_role_get_note (predecessor), "role.reopen", error);
}

/**
 * xa_school_registry_dup_role_predecessor:
 *
 * Whose term of the same role ended on the day @role_uuid's began: who
 * xa_school_registry_remove_role() gives a running term's role back to.
 *
 * Returns: (transfer full) (nullable): the predecessor's term, or %NULL without an
 *   error when there is none
 */
XaRole *
xa_school_registry_dup_role_predecessor (XaSchoolRegistry  *self,
                                         const char        *role_uuid,
                                         GError           **error)
{
  XaStore *store;
  g_autoptr(XaRole) term = NULL;
  XaRole *predecessor;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), NULL);
  g_return_val_if_fail (role_uuid != NULL, NULL);

  store = xa_school_registry_get_store (self);
  xa_store_lock (store);
  term = _xa_registry_dup_term (store, role_uuid, error);
  predecessor = term != NULL ? dup_predecessor (store, term, error) : NULL;
  xa_store_unlock (store);

  return predecessor;
}

/**
 * xa_school_registry_remove_role:
 *
 * Removes a term entered by mistake, with an audit entry that keeps what it was. When
 * it is the running term of a successor (第一责任人, 直接责任人), the predecessor's term
 * runs again, as if the succession had not been entered; its own audit entry says so.
 *
 * Returns: %TRUE when the term was removed
 */
gboolean
xa_school_registry_remove_role (XaSchoolRegistry  *self,
                                const char        *role_uuid,
                                GError           **error)
{
  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (self), FALSE);
  g_return_val_if_fail (role_uuid != NULL, FALSE);

  return xa_store_write (xa_school_registry_get_store (self), remove_role_func,
                         (gpointer) role_uuid, error);
}
