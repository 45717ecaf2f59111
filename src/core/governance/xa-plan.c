/* xa-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans and rules (应急预案, 安全制度): each an archived file with its review date, and
 * the list of those due for review on a day.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-plan.h"
#include "xa-governance-private.h"
#include "core/archive/xa-archive.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

XaPlan *
xa_plan_copy (const XaPlan *self)
{
  XaPlan *copy = g_new0 (XaPlan, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->school_uuid = g_strdup (self->school_uuid);
  copy->school_code = g_strdup (self->school_code);
  copy->kind = g_strdup (self->kind);
  copy->title = g_strdup (self->title);
  copy->archive_item_uuid = g_strdup (self->archive_item_uuid);
  copy->adopted_on = g_strdup (self->adopted_on);
  copy->review_on = g_strdup (self->review_on);
  return copy;
}

void
xa_plan_free (XaPlan *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->school_uuid);
  g_free (self->school_code);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->archive_item_uuid);
  g_free (self->adopted_on);
  g_free (self->review_on);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (XaPlan, xa_plan, xa_plan_copy, xa_plan_free)

typedef struct
{
  const char *school_uuid;
  const char *kind;
  const char *title;
  const char *archive_item_uuid;
  const char *adopted_on;
  const char *review_on;
  const char *reviewed_on; /* of a review */
  const char *column;      /* of a list: the date column compared with the day */
  char       *uuid;
  GPtrArray  *due;
} Plan;

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Plan *plan = user_data;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();
  gint64 school_id;

  if (!(school_id = _xa_governance_school_id (store, plan->school_uuid, error)))
    return FALSE;
  plan->uuid = xa_store_new_uuid ();
  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO safety_plan (uuid, organisation_id, kind, title, archive_item_uuid,"
                                   " adopted_on, review_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, plan->uuid);
  xa_statement_bind_int64 (insert, 2, school_id);
  xa_statement_bind_text (insert, 3, plan->kind);
  xa_statement_bind_text (insert, 4, plan->title);
  xa_statement_bind_text_or_null (insert, 5, plan->archive_item_uuid);
  xa_statement_bind_text (insert, 6, plan->adopted_on);
  xa_statement_bind_text (insert, 7, plan->review_on);
  xa_statement_bind_text (insert, 8, now);
  xa_statement_bind_text (insert, 9, xa_store_get_operator (store));
  return xa_statement_run (insert, error) &&
         xa_store_append_audit (store, "plan.add", "safety_plan", plan->uuid, NULL, error);
}

/**
 * xa_plan_kind_to_label:
 * @kind: plan or rule
 *
 * Returns: 应急预案 or 安全制度 (translated), or @kind itself when it is neither
 */
const char *
xa_plan_kind_to_label (const char *kind)
{
  if (g_strcmp0 (kind, "plan") == 0)
    return C_("plan kind", "Emergency plan");
  if (g_strcmp0 (kind, "rule") == 0)
    return C_("plan kind", "Safety rules");
  return kind;
}

/**
 * xa_plan_validate:
 *
 * The checks xa_plan_add() makes, for a caller that must know before it archives the
 * plan's file.
 *
 * Returns: %TRUE, or %FALSE with @error naming the field
 */
gboolean
xa_plan_validate (const char  *kind,
                  const char  *title,
                  const char  *adopted_on,
                  const char  *review_on,
                  GError     **error)
{
  if (!_xa_governance_check_text (title, 200, C_("field", "title"), error) ||
      !_xa_governance_check_date (adopted_on, C_("field", "adopted on"), error) ||
      !_xa_governance_check_date (review_on, C_("field", "review on"), error))
    return FALSE;
  if (g_strcmp0 (kind, "plan") != 0 && g_strcmp0 (kind, "rule") != 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Kind: “%s” is not plan or rule"), kind ? kind : "");
      return FALSE;
    }
  if (strcmp (review_on, adopted_on) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Review on: %s is before the day it was adopted (%s)"), review_on, adopted_on);
      return FALSE;
    }
  return TRUE;
}

/**
 * xa_plan_add:
 * @kind: plan (应急预案) or rule (安全制度)
 * @archive_item_uuid: (nullable): the archived file that holds it
 * @review_on: the day it is next due for review, not before @adopted_on
 *
 * Returns: (transfer full): the new record's UUID, or %NULL with @error set
 */
char *
xa_plan_add (XaStore     *store,
             const char  *school_uuid,
             const char  *kind,
             const char  *title,
             const char  *archive_item_uuid,
             const char  *adopted_on,
             const char  *review_on,
             GError     **error)
{
  Plan plan = { .school_uuid = school_uuid, .kind = kind, .title = title, .archive_item_uuid = archive_item_uuid,
                .adopted_on = adopted_on, .review_on = review_on };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if (!xa_plan_validate (kind, title, adopted_on, review_on, error))
    return NULL;
  if (!xa_store_write (store, add_func, &plan, error))
    g_clear_pointer (&plan.uuid, g_free);
  return plan.uuid;
}

/**
 * xa_plan_adopt:
 * @path: (nullable): the plan's file, archived for the school and the school year of
 *   @adopted_on; %NULL when it is kept on paper only
 *
 * Adopts a plan or rule with its file: the fields are checked first, so that a plan
 * refused archives nothing; then the file is archived (one already archived for the
 * school is reused) and the plan recorded. It reads the file, so the app calls it in a
 * worker.
 *
 * Returns: (transfer full): the new record's UUID, or %NULL with @error set
 */
char *
xa_plan_adopt (XaArchive   *archive,
               const char  *school_uuid,
               const char  *kind,
               const char  *title,
               const char  *adopted_on,
               const char  *review_on,
               const char  *path,
               GError     **error)
{
  g_autoptr(XaArchiveItem) item = NULL;
  GDate day;
  XaArchiveLink link = { 0 };

  g_return_val_if_fail (XA_IS_ARCHIVE (archive), NULL);

  if (!xa_plan_validate (kind, title, adopted_on, review_on, error))
    return NULL;
  if (path != NULL)
    {
      if (!xa_date_parse (adopted_on, &day))
        g_return_val_if_reached (NULL);
      link.school_uuid = school_uuid;
      link.school_year = xa_school_year_for_date (&day);
      link.kind = XA_ARCHIVE_KIND_OTHER;
      link.notes = title;
      if (!(item = xa_archive_import_file (archive, path, &link, NULL, error)))
        return NULL;
    }
  return xa_plan_add (xa_archive_get_store (archive), school_uuid, kind, title,
                      item ? xa_archive_item_get_uuid (item) : NULL, adopted_on, review_on, error);
}

static gboolean
due_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Plan *plan = user_data;
  g_autoptr(XaStatement) rows = NULL;
  g_autofree char *sql = NULL;
  XaStep step;

  /* The column is one of ours (review_on, adopted_on), never the user's; without one,
   * a school's plans and rules, the newest first. */
  if (plan->column != NULL)
    sql = g_strdup_printf ("SELECT p.uuid, o.uuid, o.code, p.kind, p.title, p.archive_item_uuid, p.adopted_on,"
                           " p.review_on FROM safety_plan p JOIN organisation o ON o.id = p.organisation_id"
                           " WHERE p.%s <= ? ORDER BY p.%s, o.code, p.uuid", plan->column, plan->column);
  else
    sql = g_strdup ("SELECT p.uuid, o.uuid, o.code, p.kind, p.title, p.archive_item_uuid, p.adopted_on,"
                    " p.review_on FROM safety_plan p JOIN organisation o ON o.id = p.organisation_id"
                    " WHERE (CAST (? AS TEXT) IS NULL OR o.uuid = ?) ORDER BY o.code, p.kind, p.adopted_on DESC, p.uuid");
  if (!(rows = xa_store_prepare (store, sql, error)))
    return FALSE;
  if (plan->column != NULL)
    xa_statement_bind_text (rows, 1, plan->review_on);
  else
    _xa_governance_bind_optional (rows, 1, plan->school_uuid);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      XaPlan *due = g_new0 (XaPlan, 1);

      due->uuid = g_strdup (xa_statement_get_text (rows, 0));
      due->school_uuid = g_strdup (xa_statement_get_text (rows, 1));
      due->school_code = g_strdup (xa_statement_get_text_or_null (rows, 2));
      due->kind = g_strdup (xa_statement_get_text (rows, 3));
      due->title = g_strdup (xa_statement_get_text (rows, 4));
      due->archive_item_uuid = g_strdup (xa_statement_get_text_or_null (rows, 5));
      due->adopted_on = g_strdup (xa_statement_get_text (rows, 6));
      due->review_on = g_strdup (xa_statement_get_text (rows, 7));
      g_ptr_array_add (plan->due, due);
    }
  return step == XA_STEP_DONE;
}

/* The plans by the day in @column (on or before @on), or, without a column, those of
 * @school_uuid (every school's when %NULL). */
static GPtrArray *
list_on (XaStore     *store,
         const char  *column,
         const char  *on,
         const char  *school_uuid,
         GError     **error)
{
  Plan plan = { .school_uuid = school_uuid, .review_on = on, .column = column,
                .due = g_ptr_array_new_with_free_func ((GDestroyNotify) xa_plan_free) };

  g_return_val_if_fail (XA_IS_STORE (store), NULL);

  if ((column != NULL && !_xa_governance_check_date (on, C_("field", "date"), error)) ||
      !xa_store_read (store, due_func, &plan, error))
    g_clear_pointer (&plan.due, g_ptr_array_unref);
  return plan.due;
}

/**
 * xa_plan_list_due:
 * @on: the day (YYYY-MM-DD): the plans and rules whose review date is on or before it
 *
 * Returns: (transfer full) (element-type XaPlan): those due for review, the longest
 *   overdue first, or %NULL with @error set
 */
GPtrArray *
xa_plan_list_due (XaStore     *store,
                  const char  *on,
                  GError     **error)
{
  return list_on (store, "review_on", on, NULL, error);
}

/**
 * xa_plan_list_adopted:
 * @on: the day (YYYY-MM-DD): the plans and rules adopted on or before it
 *
 * Returns: (transfer full) (element-type XaPlan): those in force on @on (a plan is
 *   replaced by a new one, never withdrawn), the earliest adopted first, or %NULL with
 *   @error set
 */
GPtrArray *
xa_plan_list_adopted (XaStore     *store,
                      const char  *on,
                      GError     **error)
{
  return list_on (store, "adopted_on", on, NULL, error);
}

/**
 * xa_plan_list:
 * @school_uuid: (nullable): one school's, or every school's the store lets the
 *   operator read
 *
 * Returns: (transfer full) (element-type XaPlan): the plans and rules by school and
 *   kind, the newest adopted first, or %NULL with @error set
 */
GPtrArray *
xa_plan_list (XaStore     *store,
              const char  *school_uuid,
              GError     **error)
{
  return list_on (store, NULL, NULL, school_uuid, error);
}

static gboolean
review_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  Plan *plan = user_data;
  g_autoptr(XaStatement) read = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *detail = NULL;
  XaStep step;

  if (!(read = xa_store_prepare (store, "SELECT adopted_on FROM safety_plan WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (read, 1, plan->uuid);
  if ((step = xa_statement_step (read, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND,
                   _("No plan or rule has the UUID %s"), plan->uuid);
      return FALSE;
    }
  if (strcmp (plan->reviewed_on, xa_statement_get_text (read, 0)) < 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Reviewed on: %s is before the day it was adopted (%s)"),
                   plan->reviewed_on, xa_statement_get_text (read, 0));
      return FALSE;
    }
  if (!(update = xa_store_prepare (store, "UPDATE safety_plan SET review_on = ? WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (update, 1, plan->review_on);
  xa_statement_bind_text (update, 2, plan->uuid);
  /* The review itself lives in the audit trail: who, when, and the day it was held. */
  detail = g_strdup_printf ("reviewed_on=%s next=%s", plan->reviewed_on, plan->review_on);
  return xa_statement_run (update, error) &&
         xa_store_append_audit (store, "plan.review", "safety_plan", plan->uuid, detail, error);
}

/**
 * xa_plan_review:
 * @reviewed_on: the day the plan or rule was reviewed and kept in force
 * @next_review_on: the day it is next due for review, after @reviewed_on
 *
 * Records a review of a plan or rule: its next review day moves on, and the audit
 * trail keeps who reviewed it and when. A plan that changed is adopted anew instead
 * (xa_plan_add() with the new file).
 */
gboolean
xa_plan_review (XaStore     *store,
                const char  *uuid,
                const char  *reviewed_on,
                const char  *next_review_on,
                GError     **error)
{
  Plan plan = { .reviewed_on = reviewed_on, .review_on = next_review_on };

  g_return_val_if_fail (XA_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  plan.uuid = (char *) uuid;
  if (!_xa_governance_check_date (reviewed_on, C_("field", "reviewed on"), error) ||
      !_xa_governance_check_date (next_review_on, C_("field", "next review on"), error))
    return FALSE;
  if (strcmp (next_review_on, reviewed_on) <= 0)
    {
      g_set_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID,
                   _("Next review on: %s is not after the review (%s)"), next_review_on, reviewed_on);
      return FALSE;
    }
  return xa_store_write (store, review_func, &plan, error);
}
