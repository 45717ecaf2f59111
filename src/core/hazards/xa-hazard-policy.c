/* xa-hazard-policy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default deadlines of the district's hazards by grade (一般 within days, 重大 within
 * a month: reference/domain.md §3.2), kept in the store rather than on each PC, so that
 * every school's form proposes what the commission decided and a change is audited. A
 * deadline stays the person's to change on each hazard; only the proposal is the
 * district's.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-policy.h"
#include "core/util/xa-date.h"

static gboolean
read_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  XaHazardSettings *settings = user_data;
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store, "SELECT grade, deadline_days FROM hazard_policy", error)))
    return FALSE;

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaHazardGrade grade;

      /* A value the schema allows and the rules do not is left at the default. */
      if (xa_hazard_grade_from_key (xa_statement_get_text (rows, 0), &grade))
        xa_hazard_settings_set_days (settings, grade, (guint) MAX (0, xa_statement_get_int (rows, 1)), NULL);
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_hazard_book_read_settings:
 * @settings: (out caller-allocates): the defaults in force
 *
 * Returns: %TRUE with @settings filled, the shipped defaults where the district set none
 */
gboolean
xa_hazard_book_read_settings (XaHazardBook      *book,
                              XaHazardSettings  *settings,
                              GError           **error)
{
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  xa_hazard_settings_init (settings);
  return xa_store_read (xa_hazard_book_get_store (book), read_cb, settings, error);
}

static gboolean
save_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  const XaHazardSettings *settings = user_data;
  g_autofree char *now = xa_date_now_iso8601 ();

  for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
    {
      g_autoptr(XaStatement) current = NULL;
      g_autoptr(XaStatement) write = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *detail = NULL;
      guint days = settings->deadline_days[grade];
      XaStep step;

      if (!(current = xa_store_prepare (store, "SELECT uuid, deadline_days FROM hazard_policy WHERE grade = ?", error)))
        return FALSE;
      xa_statement_bind_text (current, 1, xa_hazard_grade_to_key (grade));
      if ((step = xa_statement_step (current, error)) == XA_STEP_ERROR)
        return FALSE;
      if (step == XA_STEP_ROW && (guint) xa_statement_get_int (current, 1) == days)
        continue;

      uuid = step == XA_STEP_ROW ? g_strdup (xa_statement_get_text (current, 0)) : xa_store_new_uuid ();
      if (!(write = xa_store_prepare (store,
                                      step == XA_STEP_ROW
                                      ? "UPDATE hazard_policy SET deadline_days = :days, updated_at = :now,"
                                        " updated_by = :who WHERE uuid = :uuid"
                                      : "INSERT INTO hazard_policy (uuid, grade, deadline_days, updated_at, updated_by)"
                                        " VALUES (:uuid, :grade, :days, :now, :who)",
                                      error)))
        return FALSE;
      xa_statement_bind_text (write, xa_statement_param (write, ":uuid"), uuid);
      if (step != XA_STEP_ROW)
        xa_statement_bind_text (write, xa_statement_param (write, ":grade"), xa_hazard_grade_to_key (grade));
      xa_statement_bind_int (write, xa_statement_param (write, ":days"), (int) days);
      xa_statement_bind_text (write, xa_statement_param (write, ":now"), now);
      xa_statement_bind_text (write, xa_statement_param (write, ":who"), xa_store_get_operator (store));
      if (!xa_statement_run (write, error))
        return FALSE;

      detail = g_strdup_printf ("{\"grade\":\"%s\",\"deadline_days\":%u}", xa_hazard_grade_to_key (grade), days);
      if (!xa_store_append_audit (store, "hazard.policy", "hazard_policy", uuid, detail, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_hazard_book_save_settings:
 *
 * Stores the default deadlines of every grade in one transaction, each change audited;
 * a value over %XA_HAZARD_MAX_DEADLINE_DAYS is refused and nothing changes.
 */
gboolean
xa_hazard_book_save_settings (XaHazardBook            *book,
                              const XaHazardSettings  *settings,
                              GError                 **error)
{
  XaHazardSettings checked;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  xa_hazard_settings_init (&checked);
  for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
    if (!xa_hazard_settings_set_days (&checked, grade, settings->deadline_days[grade], error))
      return FALSE;

  return xa_store_write (xa_hazard_book_get_store (book), save_cb, &checked, error);
}
