/* xa-visitor-register.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The visitor register of the school gate (门岗) as the regime asks it: every visitor
 * written down on arrival with their purpose and whom they see, whether their identity
 * was checked, and the time they left. A visitor whose identity was not checked is
 * recorded as such, for the check to show. Each change is one transaction with its
 * audit entry; a school's login on a server sees only its own (xa-store-server-access.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-visitor-register.h"
#include "xa-governance-private.h"

XaVisitor *
xa_visitor_copy (const XaVisitor *self)
{
  XaVisitor *copy = g_new0 (XaVisitor, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->arrived_at = g_strdup (self->arrived_at);
  copy->left_at = g_strdup (self->left_at);
  copy->name = g_strdup (self->name);
  copy->id_checked = self->id_checked;
  copy->purpose = g_strdup (self->purpose);
  copy->host = g_strdup (self->host);
  return copy;
}

void
xa_visitor_free (XaVisitor *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->arrived_at);
  g_free (self->left_at);
  g_free (self->name);
  g_free (self->purpose);
  g_free (self->host);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaVisitor, xa_visitor, xa_visitor_copy, xa_visitor_free)

typedef struct
{
  const XaVisitorFields *fields;
  const char            *uuid;
  const char            *school_uuid;
  const char            *from;
  const char            *to;
  const char            *left_at;
  GPtrArray             *found;
} Visit;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Visit *visit = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  /* A period's days: from its first day's midnight to the end of its last. */
  if (!(rows = xa_store_prepare (store,
                                 "SELECT v.uuid, o.uuid, o.code, v.arrived_at, v.left_at, v.name, v.id_checked,"
                                 " v.purpose, v.host FROM visitor v JOIN organisation o ON o.id = v.organisation_id"
                                 " WHERE (CAST (? AS TEXT) IS NULL OR v.uuid = ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR v.arrived_at >= ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR v.arrived_at <= ? || ' 99:99')"
                                 " ORDER BY v.arrived_at, o.code, v.id",
                                 error)))
    return FALSE;
  _xa_governance_bind_optional (rows, 1, visit->uuid);
  _xa_governance_bind_optional (rows, 3, visit->school_uuid);
  _xa_governance_bind_optional (rows, 5, visit->from);
  _xa_governance_bind_optional (rows, 7, visit->to);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaVisitor *visitor = g_new0 (XaVisitor, 1);

      visitor->uuid = g_strdup (xa_statement_get_text (rows, 0));
      visitor->school_uuid = g_strdup (xa_statement_get_text (rows, 1));
      visitor->school_code = g_strdup (xa_statement_get_text_or_null (rows, 2));
      visitor->arrived_at = g_strdup (xa_statement_get_text (rows, 3));
      visitor->left_at = g_strdup (xa_statement_get_text_or_null (rows, 4));
      visitor->name = g_strdup (xa_statement_get_text (rows, 5));
      visitor->id_checked = xa_statement_get_int (rows, 6) != 0;
      visitor->purpose = g_strdup (xa_statement_get_text (rows, 7));
      visitor->host = g_strdup (xa_statement_get_text (rows, 8));
      g_ptr_array_add (visit->found, visitor);
    }
  return step == XA_STEP_DONE;
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Visit *visit = user_data;
  const XaVisitorFields *fields = visit->fields;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)))
    return FALSE;
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO visitor (uuid, organisation_id, arrived_at, name, id_checked, purpose,"
                                   " host, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_text (insert, 3, fields->arrived_at);
  xa_statement_bind_text (insert, 4, fields->name);
  xa_statement_bind_int (insert, 5, fields->id_checked ? 1 : 0);
  xa_statement_bind_text (insert, 6, fields->purpose);
  xa_statement_bind_text (insert, 7, fields->host);
  xa_statement_bind_text (insert, 8, now);
  xa_statement_bind_text (insert, 9, xa_store_get_operator (store));
  visit->uuid = uuid;
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "visitor.add", "visitor", uuid,
                                fields->id_checked ? NULL : "{\"id_checked\":false}", error) &&
         list_func (store, visit, error);
}

/**
 * xa_visitor_add:
 *
 * Records a visitor on arrival at the gate.
 *
 * Returns: (transfer full): the visitor, or %NULL with @error set naming the field
 */
XaVisitor *
xa_visitor_add (XaStore                *store,
                const XaVisitorFields  *fields,
                GError                **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_visitor_free);
  Visit visit = { .fields = fields, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_time (fields->arrived_at, C_("field", "arrived at"), error) ||
      !_xa_governance_check_text (fields->name, 50, C_("field", "visitor"), error) ||
      !_xa_governance_check_text (fields->purpose, 200, C_("field", "purpose"), error) ||
      !_xa_governance_check_text (fields->host, 50, C_("field", "host"), error) ||
      !xa_store_write (store, add_func, &visit, error))
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

static gboolean
leave_func (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Visit *visit = user_data;
  g_autoptr(XaStatement) update = NULL;
  XaVisitor *visitor;

  if (!list_func (store, visit, error))
    return FALSE;
  if (visit->found->len == 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND, _("There is no visitor %s"), visit->uuid);
      return FALSE;
    }
  visitor = g_ptr_array_index (visit->found, 0);
  if (visitor->left_at != NULL)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID, _("The visitor left already, at %s"), visitor->left_at);
      return FALSE;
    }
  if (g_strcmp0 (visit->left_at, visitor->arrived_at) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Left at: %s is before the visitor arrived (%s)"), visit->left_at, visitor->arrived_at);
      return FALSE;
    }
  if (!(update = xa_store_prepare (store, "UPDATE visitor SET left_at = ? WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (update, 1, visit->left_at);
  xa_statement_bind_text (update, 2, visit->uuid);
  return xa_statement_run (update, error) &&
         xa_store_append_audit (store, "visitor.leave", "visitor", visit->uuid, NULL, error);
}

/**
 * xa_visitor_leave:
 * @left_at: YYYY-MM-DD HH:MM, not before the arrival
 *
 * Records that a visitor left.
 */
gboolean
xa_visitor_leave (XaStore     *store,
                  const char  *uuid,
                  const char  *left_at,
                  GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_visitor_free);
  Visit visit = { .uuid = uuid, .left_at = left_at, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return _xa_governance_check_time (left_at, C_("field", "left at"), error) &&
         xa_store_write (store, leave_func, &visit, error);
}

/**
 * xa_visitor_list:
 * @school_uuid: (nullable): one school's, or every school's the login sees
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day
 *
 * Returns: (transfer full) (element-type XaVisitor): the visitors by time of arrival,
 *   or %NULL with @error set
 */
GPtrArray *
xa_visitor_list (XaStore     *store,
                 const char  *school_uuid,
                 const char  *from,
                 const char  *to,
                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_visitor_free);
  Visit visit = { .school_uuid = school_uuid, .from = from, .to = to, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if ((from != NULL && !_xa_governance_check_date (from, C_("field", "from"), error)) ||
      (to != NULL && !_xa_governance_check_date (to, C_("field", "to"), error)) ||
      !xa_store_read (store, list_func, &visit, error))
    return NULL;
  return g_steal_pointer (&found);
}
