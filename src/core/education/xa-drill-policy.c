/* xa-drill-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district's drill rules in the store's drill_policy (schema 19): how many months a
 * school and a kindergarten may go between drills and their target evacuation times,
 * set by the commission and read by every school, each change audited; the shipped
 * defaults where the district set none. Also whether a school is a kindergarten, which
 * decides which rule it is held to.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-incident-book-private.h"
#include "xa-education-book.h"
#include "xa-education-private.h"
#include "core/util/xa-date.h"

#define STAGE_SCHOOL       "school"
#define STAGE_KINDERGARTEN "kindergarten"

void
xa_drill_policy_init (XaDrillPolicy *policy)
{
  policy->school_months = 1;
  policy->kindergarten_months = 3;
  policy->school_target_seconds = 120;
  policy->kindergarten_target_seconds = 180;
}

static gboolean
months_valid (guint months)
{
  return months >= 1 && months <= 6 && 12 % months == 0;
}

/**
 * xa_drill_policy_validate:
 *
 * Returns: %TRUE when every rule is within its bounds; else %FALSE with a message naming
 *   the rule
 */
gboolean
xa_drill_policy_validate (const XaDrillPolicy  *policy,
                          GError              **error)
{
  if (!months_valid (policy->school_months) || !months_valid (policy->kindergarten_months))
    {
      g_set_error_literal (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID,
                           _("The months between drills (演练频次) are 1, 2, 3, 4 or 6"));
      return FALSE;
    }
  if (policy->school_target_seconds < 10 || policy->school_target_seconds > 3600 ||
      policy->kindergarten_target_seconds < 10 || policy->kindergarten_target_seconds > 3600)
    {
      g_set_error_literal (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID,
                           _("The target evacuation time (目标疏散用时) is from 10 to 3600 seconds"));
      return FALSE;
    }
  return TRUE;
}

/* Inside a read or a write. */
gboolean
_xa_drill_read_policy (XaStore        *store,
                       XaDrillPolicy  *policy,
                       GError        **error)
{
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  xa_drill_policy_init (policy);
  if (!(rows = xa_store_prepare (store, "SELECT stage, months, target_s FROM drill_policy", error)))
    return FALSE;
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      gboolean kindergarten = g_str_equal (xa_statement_get_text (rows, 0), STAGE_KINDERGARTEN);
      guint months = (guint) MAX (1, xa_statement_get_int (rows, 1));
      guint target = (guint) MAX (10, xa_statement_get_int (rows, 2));

      *(kindergarten ? &policy->kindergarten_months : &policy->school_months) = months;
      *(kindergarten ? &policy->kindergarten_target_seconds : &policy->school_target_seconds) = target;
    }
  return step == XA_STEP_DONE;
}

/* Inside a read or a write: a kindergarten drills by the kindergarten's rule. */
gboolean
_xa_drill_is_kindergarten (XaStore     *store,
                           const char  *school_uuid,
                           gboolean    *kindergarten,
                           GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, "SELECT school_type FROM organisation WHERE uuid = ? AND kind = 'school'", error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, school_uuid);
  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error_literal (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_NOT_FOUND, _("The school is not in the register"));
      return FALSE;
    }
  *kindergarten = g_str_equal (xa_statement_get_text (stmt, 0), "kindergarten");
  return TRUE;
}

static gboolean
read_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  return _xa_drill_read_policy (store, user_data, error);
}

/**
 * xa_drill_book_read_policy:
 * @policy: (out caller-allocates): the rules in force
 *
 * Returns: %TRUE with @policy filled, the shipped defaults where the district set none
 */
gboolean
xa_drill_book_read_policy (XaDrillBook    *self,
                           XaDrillPolicy  *policy,
                           GError        **error)
{
  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  return xa_store_read (_xa_drill_book_get_store (self), read_cb, policy, error);
}

static gboolean
save_stage (XaStore     *store,
            const char  *stage,
            guint        months,
            guint        target,
            GError     **error)
{
  g_autoptr(XaStatement) current = NULL;
  g_autoptr(XaStatement) write = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  g_autofree char *uuid = NULL;
  g_autofree char *detail = NULL;
  XaStep step;

  if (!(current = xa_store_prepare (store, "SELECT uuid, months, target_s FROM drill_policy WHERE stage = ?", error)))
    return FALSE;
  xa_statement_bind_text (current, 1, stage);
  if ((step = xa_statement_step (current, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_ROW && (guint) xa_statement_get_int (current, 1) == months &&
      (guint) xa_statement_get_int (current, 2) == target)
    return TRUE;

  uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (current, 0)) : xa_store_new_uuid ();
  if (!(write = xa_store_prepare (store,
                                  step == XA_STEP_ROW
                                  ? "UPDATE drill_policy SET months = :months, target_s = :target, updated_at = :now,"
                                    " updated_by = :who WHERE uuid = :uuid"
                                  : "INSERT INTO drill_policy (uuid, stage, months, target_s, updated_at, updated_by)"
                                    " VALUES (:uuid, :stage, :months, :target, :now, :who)",
                                  error)))
    return FALSE;
  xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
  if (step != XA_STEP_ROW)
    xa_statement_bind_text (write, xa_statement_param (write, ":stage"), stage);
  xa_statement_bind_int (write, xa_statement_param (write, ":months"), (int) months);
  xa_statement_bind_int (write, xa_statement_param (write, ":target"), (int) target);
  xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
  xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
  if (!xa_statement_run (write, error))
    return FALSE;

  detail = g_strdup_printf ("{\"stage\":\"%s\",\"months\":%u,\"target_s\":%u}", stage, months, target);
  return xa_store_append_audit (store, "drill.policy", "drill_policy", uuid, detail, error);
}

/* Inside a write: the district's drill rules, each change audited. */
gboolean
_xa_drill_write_policy (XaStore              *store,
                        const XaDrillPolicy  *policy,
                        GError              **error)
{
  return save_stage (store, STAGE_SCHOOL, policy->school_months, policy->school_target_seconds, error) &&
         save_stage (store, STAGE_KINDERGARTEN, policy->kindergarten_months, policy->kindergarten_target_seconds, error);
}

static gboolean
save_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  return _xa_drill_write_policy (store, user_data, error);
}

typedef struct
{
  const XaDrillPolicy     *drill;
  const XaEducationPolicy *education;
} Policies;

static gboolean
save_both_cb (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Policies *policies = user_data;

  return _xa_education_write_policy (store, policies->education, error) &&
         _xa_drill_write_policy (store, policies->drill, error);
}

/**
 * xa_drill_book_save_policies:
 * @drill: the district's drill rules
 * @education: the district's settings of safety education
 *
 * Stores both as the settings page of the section edits them, in one transaction, each
 * change audited; a value out of its bounds is refused with a message naming it, and
 * nothing changes.
 */
gboolean
xa_drill_book_save_policies (XaDrillBook              *self,
                             const XaDrillPolicy      *drill,
                             const XaEducationPolicy  *education,
                             GError                  **error)
{
  Policies policies = { drill, education };

  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), FALSE);
  g_return_val_if_fail (drill != NULL && education != NULL, FALSE);

  if (!xa_education_policy_validate (education, error) || !xa_drill_policy_validate (drill, error))
    return FALSE;
  return xa_store_write (_xa_drill_book_get_store (self), save_both_cb, &policies, error);
}

/**
 * xa_drill_book_save_policy:
 *
 * Stores the district's drill rules in one transaction, each change audited; a rule out
 * of its bounds is refused and nothing changes.
 */
gboolean
xa_drill_book_save_policy (XaDrillBook          *self,
                           const XaDrillPolicy  *policy,
                           GError              **error)
{
  g_return_val_if_fail (XA_IS_DRILL_BOOK (self), FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  if (!xa_drill_policy_validate (policy, error))
    return FALSE;
  return xa_store_write (_xa_drill_book_get_store (self), save_cb, (gpointer) policy, error);
}
