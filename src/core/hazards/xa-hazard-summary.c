/* xa-hazard-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission's view across schools (issue 11): open and overdue hazards by school
 * and category, and the open 重大 hazards with their report and 挂牌督办. Two queries in
 * one read, the same SQL on both engines: the counts are grouped in the database by
 * school and category (one pass over the year's rows, never a hazard object made), and
 * the 重大 hazards, a few in a hundred, are read as rows of their own. A school's login
 * on a server sees its own rows only: row-level security narrows both queries, so the
 * summary is the login's without a test here.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-book-private.h"
#include "xa-hazard-summary.h"
#include "core/util/xa-date.h"

/* The school year's counts by school and category. A school without a hazard that year
 * has one row with NULL counts; one that left the register is listed only when it still
 * has hazards that year. "Open" is every state but closed, and overdue is open with the
 * deadline's day before @on (xa_hazard_is_overdue()). */
#define COUNTS_SQL_HEAD \
  "SELECT o.uuid, o.code, o.name, CASE WHEN o.deleted_at IS NULL THEN 0 ELSE 1 END," \
  " s.category, s.n, s.n_open, s.n_overdue, s.n_major, s.n_major_open" \
  " FROM organisation o LEFT JOIN (" \
  "SELECT h.organisation_id, h.category, count(*) AS n," \
  " sum(CASE WHEN h.state <> 'closed' THEN 1 ELSE 0 END) AS n_open," \
  " sum(CASE WHEN h.state <> 'closed' AND h.deadline < ? THEN 1 ELSE 0 END) AS n_overdue," \
  " sum(CASE WHEN h.grade = 'major' THEN 1 ELSE 0 END) AS n_major," \
  " sum(CASE WHEN h.grade = 'major' AND h.state <> 'closed' THEN 1 ELSE 0 END) AS n_major_open" \
  " FROM hazard h WHERE h.school_year = ?"
#define COUNTS_SQL_TAIL \
  " GROUP BY h.organisation_id, h.category) s ON s.organisation_id = o.id" \
  " WHERE o.kind = 'school' AND (o.deleted_at IS NULL OR s.n IS NOT NULL)"
#define COUNTS_SQL_ORDER " ORDER BY o.code, o.id"
#define ONE_SCHOOL " AND h.organisation_id = (SELECT id FROM organisation WHERE uuid = ?)"

/* The open 重大 hazards: the overdue first, then by deadline. */
#define MAJORS_SQL \
  "SELECT h.number, o.code, o.name, h.place, h.description, h.deadline, h.state," \
  " h.reported, h.reported_on, h.supervised, h.supervisor" \
  " FROM hazard h JOIN organisation o ON o.id = h.organisation_id" \
  " WHERE h.school_year = ? AND h.grade = 'major' AND h.state <> 'closed'"
#define MAJORS_SQL_ORDER \
  " ORDER BY CASE WHEN h.deadline < ? THEN 0 ELSE 1 END, h.deadline, h.number"

typedef struct
{
  XaHazardSummary *summary;
  const char      *school_uuid;
} Read;

static void
school_count_free (gpointer data)
{
  XaHazardSchoolCount *count = data;

  g_free (count->school_uuid);
  g_free (count->school_code);
  g_free (count->school_name);
  g_free (count);
}

static void
major_hazard_free (gpointer data)
{
  XaMajorHazard *major = data;

  g_free (major->number);
  g_free (major->school_code);
  g_free (major->school_name);
  g_free (major->place);
  g_free (major->description);
  g_free (major->deadline);
  g_free (major->reported_on);
  g_free (major->supervisor);
  g_free (major);
}

static guint
get_count (XaStatement *stmt,
           int          column)
{
  return xa_statement_get_is_null (stmt, column) ? 0 : (guint) xa_statement_get_int64 (stmt, column);
}

/* Adds one row of the counts to its school's (the rows come in school order). */
static void
add_count_row (XaHazardSummary *summary,
               XaStatement     *stmt)
{
  const char *uuid = xa_statement_get_text (stmt, 0);
  XaHazardSchoolCount *count = NULL;
  XaHazardCategory category = XA_HAZARD_CATEGORY_OTHER;
  guint n, n_open, n_overdue, n_major, n_major_open;

  if (summary->schools->len > 0)
    {
      XaHazardSchoolCount *last = g_ptr_array_index (summary->schools, summary->schools->len - 1);

      if (g_str_equal (last->school_uuid, uuid))
        count = last;
    }
  if (count == NULL)
    {
      count = g_new0 (XaHazardSchoolCount, 1);
      count->school_uuid = g_strdup (uuid);
      count->school_code = g_strdup (xa_statement_get_text (stmt, 1));
      count->school_name = g_strdup (xa_statement_get_text (stmt, 2));
      count->removed = xa_statement_get_int (stmt, 3) != 0;
      g_ptr_array_add (summary->schools, count);
    }

  if (xa_statement_get_is_null (stmt, 4))
    return;

  /* A category this program does not know (a newer one's) counts as 其他. */
  if (!xa_hazard_category_from_key (xa_statement_get_text (stmt, 4), &category))
    category = XA_HAZARD_CATEGORY_OTHER;

  n = get_count (stmt, 5);
  n_open = get_count (stmt, 6);
  n_overdue = get_count (stmt, 7);
  n_major = get_count (stmt, 8);
  n_major_open = get_count (stmt, 9);

  /* The school's, then the district's. */
  for (guint i = 0; i < 2; i++)
    {
      XaHazardSchoolCount *sum = i == 0 ? count : &summary->total;

      sum->n_hazards += n;
      sum->n_open += n_open;
      sum->n_overdue += n_overdue;
      sum->n_major += n_major;
      sum->n_major_open += n_major_open;
      sum->n_open_by_category[category] += n_open;
      sum->n_overdue_by_category[category] += n_overdue;
    }
}

static gboolean
read_counts (XaStore      *store,
             Read         *read,
             GError      **error)
{
  XaHazardSummary *summary = read->summary;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  XaStep step;

  sql = g_strconcat (COUNTS_SQL_HEAD, read->school_uuid != NULL ? ONE_SCHOOL : "", COUNTS_SQL_TAIL,
                     read->school_uuid != NULL ? " AND o.uuid = ?" : "", COUNTS_SQL_ORDER, NULL);
  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, summary->on);
  xa_statement_bind_int (stmt, 2, summary->school_year);
  if (read->school_uuid != NULL)
    {
      xa_statement_bind_text (stmt, 3, read->school_uuid);
      xa_statement_bind_text (stmt, 4, read->school_uuid);
    }

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    add_count_row (summary, stmt);

  return step == XA_STEP_DONE;
}

static gboolean
read_majors (XaStore      *store,
             Read         *read,
             GError      **error)
{
  XaHazardSummary *summary = read->summary;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  XaStep step;
  int index = 1;

  sql = g_strconcat (MAJORS_SQL, read->school_uuid != NULL ? ONE_SCHOOL : "", MAJORS_SQL_ORDER, NULL);
  if (!(stmt = xa_store_prepare (store, sql, error)))
    return FALSE;

  xa_statement_bind_int (stmt, index++, summary->school_year);
  if (read->school_uuid != NULL)
    xa_statement_bind_text (stmt, index++, read->school_uuid);
  xa_statement_bind_text (stmt, index, summary->on);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      XaMajorHazard *major = g_new0 (XaMajorHazard, 1);
      const char *reported_on = xa_statement_get_text_or_null (stmt, 8);
      const char *supervisor = xa_statement_get_text_or_null (stmt, 10);

      major->number = g_strdup (xa_statement_get_text (stmt, 0));
      major->school_code = g_strdup (xa_statement_get_text (stmt, 1));
      major->school_name = g_strdup (xa_statement_get_text (stmt, 2));
      major->place = g_strdup (xa_statement_get_text (stmt, 3));
      major->description = g_strdup (xa_statement_get_text (stmt, 4));
      major->deadline = g_strdup (xa_statement_get_text (stmt, 5));
      if (!xa_hazard_state_from_key (xa_statement_get_text (stmt, 6), &major->state))
        major->state = XA_HAZARD_STATE_PENDING;
      major->overdue = g_strcmp0 (major->deadline, summary->on) < 0;
      major->reported = xa_statement_get_int (stmt, 7) != 0;
      major->reported_on = g_strdup (reported_on != NULL ? reported_on : "");
      major->supervised = xa_statement_get_int (stmt, 9) != 0;
      major->supervisor = g_strdup (supervisor != NULL ? supervisor : "");
      g_ptr_array_add (summary->majors, major);
    }

  return step == XA_STEP_DONE;
}

static gboolean
read_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Read *read = user_data;

  return read_counts (store, read, error) && read_majors (store, read, error);
}

/**
 * xa_hazard_summary_read:
 * @school_year: the start year: 2021 for 2021—2022
 * @school_uuid: (nullable): one school, or %NULL for every school the login may read
 * @on: (nullable): the day overdue is judged on, YYYY-MM-DD; %NULL for today
 *
 * Returns: (transfer full): the summary, or %NULL with @error set; @on not a date is
 *   %XA_HAZARD_ERROR_INVALID
 */
XaHazardSummary *
xa_hazard_summary_read (XaHazardBook  *book,
                        int            school_year,
                        const char    *school_uuid,
                        const char    *on,
                        GError       **error)
{
  g_autoptr(XaHazardSummary) summary = NULL;
  Read read;
  GDate date;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);

  if (on != NULL && !xa_date_parse (on, &date))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   /* Translators: %s is what was given as the day of a summary */
                   _("“%s” is not a date such as 2021-09-01"), on);
      return NULL;
    }

  summary = g_new0 (XaHazardSummary, 1);
  summary->school_year = school_year;
  summary->on = on != NULL ? g_strdup (on) : xa_date_today_iso ();
  summary->schools = g_ptr_array_new_with_free_func (school_count_free);
  summary->majors = g_ptr_array_new_with_free_func (major_hazard_free);

  read.summary = summary;
  read.school_uuid = school_uuid;
  if (!xa_store_read (book->store, read_cb, &read, error))
    return NULL;

  return g_steal_pointer (&summary);
}

typedef struct
{
  int   school_year;
  char *school_uuid;
  char *on;
} ReadAsync;

static void
read_async_free (ReadAsync *data)
{
  g_free (data->school_uuid);
  g_free (data->on);
  g_free (data);
}

static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadAsync *data = task_data;
  g_autoptr(GError) error = NULL;
  XaHazardSummary *summary;

  summary = xa_hazard_summary_read (source_object, data->school_year, data->school_uuid, data->on, &error);
  if (summary == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) xa_hazard_summary_free);
}

/**
 * xa_hazard_summary_read_async:
 *
 * xa_hazard_summary_read() in a worker thread, so that the interface never waits on a
 * district's ledger.
 */
void
xa_hazard_summary_read_async (XaHazardBook        *book,
                              int                  school_year,
                              const char          *school_uuid,
                              const char          *on,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadAsync *data;

  g_return_if_fail (XA_IS_HAZARD_BOOK (book));

  data = g_new0 (ReadAsync, 1);
  data->school_year = school_year;
  data->school_uuid = g_strdup (school_uuid);
  data->on = g_strdup (on);

  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_hazard_summary_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_async_free);
  g_task_run_in_thread (task, read_worker);
}

/**
 * xa_hazard_summary_read_finish:
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
XaHazardSummary *
xa_hazard_summary_read_finish (XaHazardBook  *book,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * xa_hazard_summary_read_overdue:
 * @on: (nullable): the day overdue is judged on, YYYY-MM-DD; %NULL for today
 *
 * Returns: (transfer full) (element-type XaHazard): the overdue hazards, none when the
 *   school has none; %NULL with @error set
 */
GPtrArray *
xa_hazard_summary_read_overdue (XaHazardBook  *book,
                                const char    *school_uuid,
                                int            school_year,
                                const char    *on,
                                GError       **error)
{
  XaHazardFilter filter;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (school_uuid != NULL, NULL);

  xa_hazard_filter_init (&filter);
  filter.school_uuid = school_uuid;
  filter.school_year = school_year;
  filter.overdue_only = TRUE;
  filter.today = on;
  return xa_hazard_book_read_all (book, &filter, XA_HAZARD_SORT_DEADLINE, NULL, error);
}

void
xa_hazard_summary_free (XaHazardSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->on);
  g_clear_pointer (&summary->schools, g_ptr_array_unref);
  g_clear_pointer (&summary->majors, g_ptr_array_unref);
  g_free (summary);
}

/**
 * xa_hazard_summary_find_school:
 *
 * Returns: (nullable): the counts of @school_uuid, borrowed from @summary
 */
const XaHazardSchoolCount *
xa_hazard_summary_find_school (const XaHazardSummary *summary,
                               const char            *school_uuid)
{
  g_return_val_if_fail (summary != NULL && school_uuid != NULL, NULL);

  for (guint i = 0; i < summary->schools->len; i++)
    {
      const XaHazardSchoolCount *count = g_ptr_array_index (summary->schools, i);

      if (g_str_equal (count->school_uuid, school_uuid))
        return count;
    }

  return NULL;
}
