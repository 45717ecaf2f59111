/* xa-guard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people protection of 三防 (人防): a school's security guards, employed full-time
 * or not, trained or not, and its headcount of each school year, against the district's
 * rule of guards (guard_policy, which the commission sets as it sets the drill policy;
 * Chongqing's norm: at least 4 full-time guards for a school of 100 people or more).
 * Each change is one transaction with its audit entry.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-guard.h"
#include "xa-governance-private.h"

XaGuard *
xa_guard_copy (const XaGuard *self)
{
  XaGuard *copy = g_new0 (XaGuard, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->name = g_strdup (self->name);
  copy->full_time = self->full_time;
  copy->employed_on = g_strdup (self->employed_on);
  copy->trained_on = g_strdup (self->trained_on);
  copy->left_on = g_strdup (self->left_on);
  return copy;
}

void
xa_guard_free (XaGuard *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->name);
  g_free (self->employed_on);
  g_free (self->trained_on);
  g_free (self->left_on);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaGuard, xa_guard, xa_guard_copy, xa_guard_free)

XaGuardCheck *
xa_guard_check_copy (const XaGuardCheck *self)
{
  XaGuardCheck *copy = g_memdup2 (self, sizeof *self);

  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->school_name = g_strdup (self->school_name);
  return copy;
}

void
xa_guard_check_free (XaGuardCheck *self)
{
  if (self == NULL)
    return;
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->school_name);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaGuardCheck, xa_guard_check, xa_guard_check_copy, xa_guard_check_free)

typedef struct
{
  const XaGuardFields *fields;
  const char          *uuid;
  const char          *school_uuid;
  const char          *trained_on;
  const char          *left_on;
  int                  school_year;
  int                  people;
  GPtrArray           *found;
} Guards;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Guards *guards = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store,
                                 "SELECT g.uuid, o.uuid, o.code, g.name, g.full_time, g.employed_on, g.trained_on, g.left_on"
                                 " FROM guard g JOIN organisation o ON o.id = g.organisation_id"
                                 " WHERE (CAST (? AS TEXT) IS NULL OR g.uuid = ?)"
                                 " AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?)"
                                 " ORDER BY o.code, g.employed_on, g.id",
                                 error)))
    return FALSE;
  _xa_governance_bind_optional (rows, 1, guards->uuid);
  _xa_governance_bind_optional (rows, 3, guards->school_uuid);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaGuard *guard = g_new0 (XaGuard, 1);

      guard->uuid = g_strdup (xa_statement_get_text (rows, 0));
      guard->school_uuid = g_strdup (xa_statement_get_text (rows, 1));
      guard->school_code = g_strdup (xa_statement_get_text_or_null (rows, 2));
      guard->name = g_strdup (xa_statement_get_text (rows, 3));
      guard->full_time = xa_statement_get_int (rows, 4) != 0;
      guard->employed_on = g_strdup (xa_statement_get_text (rows, 5));
      guard->trained_on = g_strdup (xa_statement_get_text_or_null (rows, 6));
      guard->left_on = g_strdup (xa_statement_get_text_or_null (rows, 7));
      g_ptr_array_add (guards->found, guard);
    }
  return step == XA_STEP_DONE;
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Guards *guards = user_data;
  const XaGuardFields *fields = guards->fields;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = xa_store_new_uuid ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, fields->school_uuid, error)))
    return FALSE;
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO guard (uuid, organisation_id, name, full_time, employed_on, trained_on,"
                                   " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_text (insert, 3, fields->name);
  xa_statement_bind_int (insert, 4, fields->full_time ? 1 : 0);
  xa_statement_bind_text (insert, 5, fields->employed_on);
  xa_statement_bind_text_or_null (insert, 6, fields->trained_on);
  xa_statement_bind_text (insert, 7, now);
  xa_statement_bind_text (insert, 8, xa_store_get_operator (store));
  guards->uuid = uuid;
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "guard.add", "guard", uuid, NULL, error) &&
         list_func (store, guards, error);
}

/**
 * xa_guard_add:
 *
 * Records a guard the school employs.
 *
 * Returns: (transfer full): the guard, or %NULL with @error set naming the field
 */
XaGuard *
xa_guard_add (XaStore              *store,
              const XaGuardFields  *fields,
              GError              **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_guard_free);
  Guards guards = { .fields = fields, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_text (fields->name, 50, C_("field", "name"), error) ||
      !_xa_governance_check_date (fields->employed_on, C_("field", "employed on"), error) ||
      (fields->trained_on != NULL && !_xa_governance_check_date (fields->trained_on, C_("field", "trained on"), error)))
    return NULL;
  if (!xa_store_write (store, add_func, &guards, error))
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

static gboolean
update_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  Guards *guards = user_data;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *detail = NULL;
  XaGuard *guard;

  if (!list_func (store, guards, error))
    return FALSE;
  if (guards->found->len == 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND, _("There is no guard %s"), guards->uuid);
      return FALSE;
    }
  guard = g_ptr_array_index (guards->found, 0);
  if (guard->left_on != NULL)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID, _("The guard left on %s: the record is closed"),
                   guard->left_on);
      return FALSE;
    }
  if (guards->left_on != NULL && g_strcmp0 (guards->left_on, guard->employed_on) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Left on: %s is before the guard was employed (%s)"), guards->left_on, guard->employed_on);
      return FALSE;
    }
  if (!(update = xa_store_prepare (store,
                                   "UPDATE guard SET trained_on = coalesce (?, trained_on), left_on = ? WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text_or_null (update, 1, guards->trained_on);
  xa_statement_bind_text_or_null (update, 2, guards->left_on);
  xa_statement_bind_text (update, 3, guards->uuid);
  detail = g_strdup_printf ("{\"trained_on\":\"%s\",\"left_on\":\"%s\"}",
                            guards->trained_on ? guards->trained_on : "", guards->left_on ? guards->left_on : "");
  return xa_statement_run (update, error) &&
         xa_store_append_audit (store, "guard.update", "guard", guards->uuid, detail, error);
}

/**
 * xa_guard_update:
 * @trained_on: (nullable): the day of the guard's training
 * @left_on: (nullable): the day the guard left, which closes the record
 *
 * Records a guard's training or leaving, in one transaction with its audit entry.
 */
gboolean
xa_guard_update (XaStore     *store,
                 const char  *uuid,
                 const char  *trained_on,
                 const char  *left_on,
                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_guard_free);
  Guards guards = { .uuid = uuid, .trained_on = trained_on, .left_on = left_on, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (trained_on == NULL && left_on == NULL)
    {
      g_set_error_literal (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                           _("Give the day of the guard’s training or of their leaving"));
      return FALSE;
    }
  return (trained_on == NULL || _xa_governance_check_date (trained_on, C_("field", "trained on"), error)) &&
         (left_on == NULL || _xa_governance_check_date (left_on, C_("field", "left on"), error)) &&
         xa_store_write (store, update_func, &guards, error);
}

/**
 * xa_guard_list:
 * @school_uuid: (nullable): one school's, or every school's the login sees
 *
 * Returns: (transfer full) (element-type XaGuard): the guards, those who left too, or
 *   %NULL with @error set
 */
GPtrArray *
xa_guard_list (XaStore     *store,
               const char  *school_uuid,
               GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_guard_free);
  Guards guards = { .school_uuid = school_uuid, .found = found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_store_read (store, list_func, &guards, error))
    return NULL;
  return g_steal_pointer (&found);
}

static gboolean
headcount_func (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  Guards *guards = user_data;
  g_autoptr(XaStatement) current = NULL;
  g_autoptr(XaStatement) write = NULL;
  g_autofree char *detail = NULL;
  gint64 school_id;
  XaStep step;

  if (!(school_id = _xa_governance_school_id (store, guards->school_uuid, error)))
    return FALSE;
  if (!(current = xa_store_prepare (store, "SELECT people FROM school_headcount WHERE organisation_id = ? AND school_year = ?",
                                    error)))
    return FALSE;
  xa_statement_bind_int64 (current, 1, school_id);
  xa_statement_bind_int (current, 2, guards->school_year);
  if ((step = xa_statement_step (current, error)) == XA_STEP_ERROR)
    return FALSE;
  if (!(write = xa_store_prepare (store,
                                  step == XA_STEP_ROW
                                  ? "UPDATE school_headcount SET people = :people WHERE organisation_id = :school AND school_year = :year"
                                  : "INSERT INTO school_headcount (organisation_id, school_year, people) VALUES (:school, :year, :people)",
                                  error)))
    return FALSE;
  xa_statement_bind_int (write, xa_statement_param (write, ":people"), guards->people);
  xa_statement_bind_int64 (write, xa_statement_param (write, ":school"), school_id);
  xa_statement_bind_int (write, xa_statement_param (write, ":year"), guards->school_year);
  detail = g_strdup_printf ("{\"school_year\":%d,\"people\":%d}", guards->school_year, guards->people);
  return xa_statement_run (write, error) &&
         xa_store_append_audit (store, "guard.headcount", "organisation", guards->school_uuid, detail, error);
}

/**
 * xa_guard_set_headcount:
 * @people: the school's students and staff that year
 *
 * Records how many people a school has in a school year, which the rule of guards
 * reads.
 */
gboolean
xa_guard_set_headcount (XaStore     *store,
                        const char  *school_uuid,
                        int          school_year,
                        int          people,
                        GError     **error)
{
  Guards guards = { .school_uuid = school_uuid, .school_year = school_year, .people = people };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (!_xa_governance_check_year (school_year, error))
    return FALSE;
  if (people < 0 || people > 100000)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("People: %d is not a number of people between 0 and 100000"), people);
      return FALSE;
    }
  return xa_store_write (store, headcount_func, &guards, error);
}

static gboolean
policy_read_func (XaStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  XaGuardPolicy *policy = user_data;
  g_autoptr(XaStatement) row = NULL;

  policy->min_guards = XA_GUARD_POLICY_DEFAULT_GUARDS;
  policy->min_people = XA_GUARD_POLICY_DEFAULT_PEOPLE;
  if (!(row = xa_store_prepare (store, "SELECT min_guards, min_people FROM guard_policy", error)))
    return FALSE;
  switch (xa_statement_step (row, error))
    {
    case XA_STEP_ROW:
      policy->min_guards = xa_statement_get_int (row, 0);
      policy->min_people = xa_statement_get_int (row, 1);
      return TRUE;
    case XA_STEP_DONE:
      return TRUE;
    case XA_STEP_ERROR:
    default:
      return FALSE;
    }
}

/**
 * xa_guard_policy_read:
 * @policy: (out): the district's rule of guards, Chongqing's norm when none was set
 */
gboolean
xa_guard_policy_read (XaStore        *store,
                      XaGuardPolicy  *policy,
                      GError        **error)
{
  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  return xa_store_read (store, policy_read_func, policy, error);
}

static gboolean
policy_set_func (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  const XaGuardPolicy *policy = user_data;
  g_autoptr(XaStatement) current = NULL;
  g_autoptr(XaStatement) write = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  XaStep step;

  if (!(current = xa_store_prepare (store, "SELECT uuid FROM guard_policy", error)))
    return FALSE;
  if ((step = xa_statement_step (current, error)) == XA_STEP_ERROR)
    return FALSE;
  uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (current, 0)) : xa_store_new_uuid ();
  if (!(write = xa_store_prepare (store,
                                  step == XA_STEP_ROW
                                  ? "UPDATE guard_policy SET min_guards = :guards, min_people = :people, updated_at = :now,"
                                    " updated_by = :who WHERE uuid = :uuid"
                                  : "INSERT INTO guard_policy (uuid, min_guards, min_people, updated_at, updated_by)"
                                    " VALUES (:uuid, :guards, :people, :now, :who)",
                                  error)))
    return FALSE;
  xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
  xa_statement_bind_int (write, xa_statement_param (write, ":guards"), policy->min_guards);
  xa_statement_bind_int (write, xa_statement_param (write, ":people"), policy->min_people);
  xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
  xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
  detail = g_strdup_printf ("{\"min_guards\":%d,\"min_people\":%d}", policy->min_guards, policy->min_people);
  return xa_statement_run (write, error) &&
         xa_store_append_audit (store, "guard.policy", "guard_policy", uuid, detail, error);
}

/**
 * xa_guard_policy_set:
 *
 * Stores the district's rule of guards; on a server only the commission may.
 */
gboolean
xa_guard_policy_set (XaStore              *store,
                     const XaGuardPolicy  *policy,
                     GError              **error)
{
  g_return_val_if_fail (XA_IS_STORE (store), FALSE);

  if (policy->min_guards < 0 || policy->min_guards > 100)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Guards: %d is not a number of guards between 0 and 100"), policy->min_guards);
      return FALSE;
    }
  if (policy->min_people < 0 || policy->min_people > 100000)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("People: %d is not a number of people between 0 and 100000"), policy->min_people);
      return FALSE;
    }
  return xa_store_write (store, policy_set_func, (gpointer) policy, error);
}

typedef struct
{
  const char *school_uuid;
  int         school_year;
  const char *on;
  GPtrArray  *found;
} Check;

static gboolean
check_func (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Check *check = user_data;
  XaGuardPolicy policy;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!policy_read_func (store, &policy, error))
    return FALSE;
  if (!(rows = xa_store_prepare (store,
                                 "SELECT o.uuid, o.code, o.name,"
                                 " (SELECT h.people FROM school_headcount h WHERE h.organisation_id = o.id AND h.school_year = ?),"
                                 " (SELECT count(*) FROM guard g WHERE g.organisation_id = o.id AND g.full_time = 1"
                                 "  AND g.employed_on <= ? AND (g.left_on IS NULL OR g.left_on > ?)),"
                                 " (SELECT count(*) FROM guard g WHERE g.organisation_id = o.id AND g.full_time = 1"
                                 "  AND g.employed_on <= ? AND (g.left_on IS NULL OR g.left_on > ?) AND g.trained_on <= ?)"
                                 " FROM organisation o WHERE o.kind = 'school' AND o.deleted_at IS NULL"
                                 " AND (CAST (? AS TEXT) IS NULL OR o.uuid = ?) ORDER BY o.code",
                                 error)))
    return FALSE;
  xa_statement_bind_int (rows, 1, check->school_year);
  for (int i = 2; i <= 6; i++)
    xa_statement_bind_text (rows, i, check->on);
  _xa_governance_bind_optional (rows, 7, check->school_uuid);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaGuardCheck *row = g_new0 (XaGuardCheck, 1);

      row->school_uuid = g_strdup (xa_statement_get_text (rows, 0));
      row->school_code = g_strdup (xa_statement_get_text_or_null (rows, 1));
      row->school_name = g_strdup (xa_statement_get_text (rows, 2));
      row->people = xa_statement_get_is_null (rows, 3) ? -1 : xa_statement_get_int (rows, 3);
      row->full_time = xa_statement_get_int (rows, 4);
      row->trained = xa_statement_get_int (rows, 5);
      row->required = row->people < 0 ? -1 : row->people >= policy.min_people ? policy.min_guards : 0;
      row->meets = row->required >= 0 && row->trained >= row->required;
      g_ptr_array_add (check->found, row);
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_guard_check:
 * @school_uuid: (nullable): one school, or every school the login sees
 * @school_year: the school year whose headcount counts
 * @on: the day the guards are counted on, YYYY-MM-DD
 *
 * The schools' full-time guards employed and trained on @on against the number the
 * district's rule requires of their headcount.
 *
 * Returns: (transfer full) (element-type XaGuardCheck): one row per school, by code, or
 *   %NULL with @error set
 */
GPtrArray *
xa_guard_check (XaStore     *store,
                const char  *school_uuid,
                int          school_year,
                const char  *on,
                GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_guard_check_free);
  Check check = { school_uuid, school_year, on, found };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!_xa_governance_check_year (school_year, error) ||
      !_xa_governance_check_date (on, C_("field", "date"), error) ||
      !xa_store_read (store, check_func, &check, error))
    return NULL;
  return g_steal_pointer (&found);
}
