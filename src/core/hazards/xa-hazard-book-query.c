/* xa-hazard-book-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the ledger a page at a time: a filter becomes one WHERE clause with
 * placeholders, a sort one ORDER BY, and both engines run the same SQL. What keeps a
 * page fast at a million hazards is the shape of the SQL, not the engine:
 *
 * - each filter has an index to start from (xa-store-schema.c step 10), and a page is
 *   the IDs of its rows first (an index alone often answers), then those rows;
 * - a search looks its grams up in hazard_gram (xa-hazard-row.c): a term of one or two
 *   characters is one gram, a longer term each of its pairs, and then the whole term
 *   in the text. The gram that fewest hazards hold is counted first: a rare one leads
 *   (its hazards are read, then sorted), a common one follows the sort's index and is
 *   probed row by row, which finds the first page among the first few hundred rows.
 */

#include "config.h"

#include <string.h>

#include "xa-hazard-book-private.h"
#include "core/util/xa-date.h"
#include "core/util/xa-grams.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-pinyin.h"
#include "core/util/xa-text.h"

/* The rows a page reads: a gram that N hazards of M hold leads the search when reading
 * those N (then sorting them) costs less than following the sort's index until a page
 * of them is found, about PAGE_ROWS × M / N rows: when N² < PAGE_ROWS × M. */
#define PAGE_ROWS 200

typedef struct
{
  gboolean  is_text;
  char     *text;
  gint64    number;
} Param;

typedef struct
{
  GString  *where;
  GArray   *params;     /* of Param */
  gboolean  empty;      /* the filter selects nothing, whatever the rows */
  /* When the filter is a school at most and a term of one or two characters: the
   * count of the term's gram is the count of the hazards. */
  gboolean  gram_counts;
  gint64    gram_count;
  gint64    organisation_id;  /* the filter's school, or 0 */
} Query;

static void
param_clear (gpointer data)
{
  Param *param = data;

  g_free (param->text);
}

static void
query_init (Query *query)
{
  query->where = g_string_new (NULL);
  query->params = g_array_new (FALSE, TRUE, sizeof (Param));
  g_array_set_clear_func (query->params, param_clear);
  query->empty = FALSE;
  query->gram_counts = FALSE;
  query->gram_count = 0;
  query->organisation_id = 0;
}

static void
query_clear (Query *query)
{
  g_string_free (query->where, TRUE);
  g_array_unref (query->params);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static void
add_condition (Query      *query,
               const char *condition)
{
  g_string_append (query->where, query->where->len == 0 ? " WHERE " : " AND ");
  g_string_append (query->where, condition);
}

static void
add_text (Query      *query,
          const char *text)
{
  Param param = { TRUE, g_strdup (text), 0 };

  g_array_append_val (query->params, param);
}

static void
add_int (Query  *query,
         gint64  number)
{
  Param param = { FALSE, NULL, number };

  g_array_append_val (query->params, param);
}

/* Binds @query's parameters from 1 on; returns the index after them. */
static int
bind_params (XaStatement *stmt,
             Query       *query)
{
  for (guint i = 0; i < query->params->len; i++)
    {
      Param *param = &g_array_index (query->params, Param, i);

      if (param->is_text)
        xa_statement_bind_text (stmt, (int) i + 1, param->text);
      else
        xa_statement_bind_int64 (stmt, (int) i + 1, param->number);
    }

  return (int) query->params->len + 1;
}

/* How many hazards hold @gram (of @organisation_id's, if not 0). */
static gboolean
count_gram (XaStore     *store,
            const char  *gram,
            gint64       organisation_id,
            gint64      *count,
            GError     **error)
{
  g_autoptr(XaStatement) stmt = NULL;

  if (!(stmt = xa_store_prepare (store,
                                 organisation_id != 0
                                 ? "SELECT count(*) FROM hazard_gram WHERE gram = ? AND organisation_id = ?"
                                 : "SELECT count(*) FROM hazard_gram WHERE gram = ?",
                                 error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, gram);
  if (organisation_id != 0)
    xa_statement_bind_int64 (stmt, 2, organisation_id);
  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  *count = xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

/* The counts of grams, kept on the store from the last time each was counted: a page's
 * read counts its grams only to choose its plan, and a count a moment old chooses as
 * well (the rows read are the same whichever plan). The list's count, which is the
 * number shown, always counts afresh; at a million hazards on the server, counting 门
 * once instead of twice takes 50 ms off the first screen. */
#define GRAM_COUNTS_KEY "xa-hazard-gram-counts"
#define GRAM_COUNTS_MAX 1024

G_LOCK_DEFINE_STATIC (gram_counts);

static gboolean
lookup_gram_count (XaStore    *store,
                   const char *gram,
                   gint64      organisation_id,
                   gint64     *count)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", organisation_id, gram);
  GHashTable *counts;
  gpointer value = NULL;
  gboolean found;

  G_LOCK (gram_counts);
  counts = g_object_get_data (G_OBJECT (store), GRAM_COUNTS_KEY);
  /* A gram none held is counted again: the page would be read as empty without a look. */
  found = counts != NULL && g_hash_table_lookup_extended (counts, key, NULL, &value) && *(gint64 *) value > 0;
  if (found)
    *count = *(gint64 *) value;
  G_UNLOCK (gram_counts);
  return found;
}

static void
keep_gram_count (XaStore    *store,
                 const char *gram,
                 gint64      organisation_id,
                 gint64      count)
{
  GHashTable *counts;

  G_LOCK (gram_counts);
  if (!(counts = g_object_get_data (G_OBJECT (store), GRAM_COUNTS_KEY)))
    {
      counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_object_set_data_full (G_OBJECT (store), GRAM_COUNTS_KEY, counts, (GDestroyNotify) g_hash_table_unref);
    }
  if (g_hash_table_size (counts) >= GRAM_COUNTS_MAX)
    g_hash_table_remove_all (counts);
  g_hash_table_insert (counts, g_strdup_printf ("%" G_GINT64_FORMAT ":%s", organisation_id, gram),
                       g_memdup2 (&count, sizeof count));
  G_UNLOCK (gram_counts);
}

static gboolean
add_search (XaStore     *store,
            Query       *query,
            const char  *search,
            gint64       organisation_id,
            gboolean     only_school,
            gboolean     for_count,
            GError     **error)
{
  g_autofree char *term = g_strstrip (g_strdup (search));
  g_autofree char *normal = NULL;
  g_autoptr(GPtrArray) grams = NULL;
  guint leading = 0;
  gint64 fewest = G_MAXINT64;
  gint64 n_rows = 0;

  if (term[0] == '\0')
    return TRUE;

  grams = xa_grams_for_query (term);
  if (grams->len == 0)
    {
      /* Only punctuation or spaces: nothing holds it as a word. */
      query->empty = TRUE;
      return TRUE;
    }

  for (guint i = 0; i < grams->len; i++)
    {
      gint64 count = 0;

      if (for_count || !lookup_gram_count (store, grams->pdata[i], organisation_id, &count))
        {
          if (!count_gram (store, grams->pdata[i], organisation_id, &count, error))
            return FALSE;
          keep_gram_count (store, grams->pdata[i], organisation_id, count);
        }
      if (count < fewest)
        {
          fewest = count;
          leading = i;
        }
    }

  if (fewest == 0)
    {
      query->empty = TRUE;
      return TRUE;
    }

  /* How many hazards there are, about: the greatest ID (hazards are never deleted),
   * one look into the primary key. */
  if (!for_count)
    {
      g_autoptr(XaStatement) last = xa_store_prepare (store, "SELECT coalesce (max (id), 0) FROM hazard", error);

      if (last == NULL || !xa_statement_step_one (last, error))
        return FALSE;
      n_rows = xa_statement_get_int64 (last, 0);
    }

  normal = xa_grams_normalise (term);
  if (g_utf8_strlen (normal, -1) <= 2)
    {
      query->gram_counts = only_school;
      query->gram_count = fewest;
    }

  for (guint i = 0; i < grams->len; i++)
    {
      /* A count reads every hazard the filter selects: the fewest candidates it can. */
      if (i == leading && (for_count || fewest * fewest < PAGE_ROWS * n_rows))
        {
          if (organisation_id != 0)
            {
              add_condition (query, "h.id IN (SELECT g.hazard_id FROM hazard_gram g"
                                    " WHERE g.gram = ? AND g.organisation_id = ?)");
              add_text (query, grams->pdata[i]);
              add_int (query, organisation_id);
            }
          else
            {
              add_condition (query, "h.id IN (SELECT g.hazard_id FROM hazard_gram g WHERE g.gram = ?)");
              add_text (query, grams->pdata[i]);
            }
        }
      else
        {
          /* A gram that many hazards hold is checked on each row the order reads, until a
           * page is full. PostgreSQL would turn EXISTS into a join and, with a plan made
           * for any gram (a prepared statement's generic plan), sort every holder first:
           * 150 ms at 200,000 hazards where this takes 10. OFFSET 0 keeps it a check. A
           * count reads every candidate anyway, and there the join is the faster (230 ms
           * against 980 for 灭火器 at a million). */
          add_condition (query, xa_store_get_is_server (store) && !for_count
                                ? "EXISTS (SELECT 1 FROM hazard_gram g WHERE g.gram = ? AND g.hazard_id = h.id OFFSET 0)"
                                : "EXISTS (SELECT 1 FROM hazard_gram g WHERE g.gram = ? AND g.hazard_id = h.id)");
          add_text (query, grams->pdata[i]);
        }
    }

  /* A longer term: its pairs may be apart in the text, so the whole term is sought. */
  if (g_utf8_strlen (normal, -1) > 2)
    {
      g_autofree char *pattern = xa_text_like_pattern (term);

      add_condition (query, "(h.place LIKE ? ESCAPE '\\' OR h.description LIKE ? ESCAPE '\\')");
      add_text (query, pattern);
      add_text (query, pattern);
    }

  return TRUE;
}

/* Makes @query from @filter; call inside a read. */
static gboolean
build_query (XaStore               *store,
             const XaHazardFilter  *filter,
             gboolean               for_count,
             Query                 *query,
             GError               **error)
{
  gint64 organisation_id = 0;
  gboolean only_school = filter->school_year == 0 && filter->state < 0 && filter->grade < 0 &&
                         filter->category < 0 && !filter->overdue_only &&
                         (filter->responsible == NULL || filter->responsible[0] == '\0');

  if (filter->school_uuid != NULL)
    {
      g_autoptr(XaStatement) school = NULL;
      XaStep step;

      /* A removed school's hazards stay in the ledger, and can still be listed. */
      if (!(school = xa_store_prepare (store, "SELECT id FROM organisation WHERE uuid = ?", error)))
        return FALSE;
      xa_statement_bind_text (school, 1, filter->school_uuid);
      if ((step = xa_statement_step (school, error)) == XA_STEP_ERROR)
        return FALSE;
      if (step == XA_STEP_DONE)
        {
          query->empty = TRUE;
          return TRUE;
        }

      organisation_id = query->organisation_id = xa_statement_get_int64 (school, 0);
      add_condition (query, "h.organisation_id = ?");
      add_int (query, organisation_id);
    }

  if (filter->school_year != 0)
    {
      add_condition (query, "h.school_year = ?");
      add_int (query, filter->school_year);
    }

  if (filter->state >= 0)
    {
      add_condition (query, "h.state = ?");
      add_text (query, xa_hazard_state_to_key (filter->state));
    }

  if (filter->grade >= 0)
    {
      add_condition (query, "h.grade = ?");
      add_text (query, xa_hazard_grade_to_key (filter->grade));
    }

  if (filter->category >= 0)
    {
      add_condition (query, "h.category = ?");
      add_text (query, xa_hazard_category_to_key (filter->category));
    }

  if (filter->overdue_only)
    {
      g_autofree char *today = filter->today ? g_strdup (filter->today) : xa_date_today_iso ();

      /* As xa_hazard_is_overdue(): open, and the deadline's day is past. The states are
       * listed so that the index of (state, deadline) serves each. */
      add_condition (query, "h.state IN ('pending', 'rectifying', 'reinspecting') AND h.deadline < ?");
      add_text (query, today);
    }

  if (filter->responsible != NULL && filter->responsible[0] != '\0')
    {
      add_condition (query, "h.responsible = ?");
      add_text (query, filter->responsible);
    }

  if (filter->search != NULL &&
      !add_search (store, query, filter->search, organisation_id, only_school, for_count, error))
    return FALSE;

  return TRUE;
}

/* The order of a typed column's keys, as the enum has them: 待整改 before 已销号. */
static void
append_rank (GString      *order,
             const char   *column,
             guint         n_values,
             const char *(*to_key) (int value))
{
  g_string_append_printf (order, "CASE %s", column);
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (order, " WHEN '%s' THEN %u", to_key ((int) i), i);
  g_string_append_printf (order, " ELSE %u END", n_values);
}

static char *
order_by (XaHazardSort sort,
          gboolean     descending)
{
  GString *order = g_string_new (" ORDER BY ");
  const char *direction = descending ? " DESC" : "";

  switch (sort)
    {
    case XA_HAZARD_SORT_FOUND_ON:
      g_string_append (order, "h.found_on");
      break;
    case XA_HAZARD_SORT_DEADLINE:
      g_string_append (order, "h.deadline");
      break;
    case XA_HAZARD_SORT_STATE:
      append_rank (order, "h.state", XA_N_HAZARD_STATES, (const char *(*) (int)) xa_hazard_state_to_key);
      break;
    case XA_HAZARD_SORT_GRADE:
      append_rank (order, "h.grade", XA_N_HAZARD_GRADES, (const char *(*) (int)) xa_hazard_grade_to_key);
      break;
    case XA_HAZARD_SORT_CATEGORY:
      append_rank (order, "h.category", XA_N_HAZARD_CATEGORIES,
                   (const char *(*) (int)) xa_hazard_category_to_key);
      break;
    case XA_HAZARD_SORT_PLACE:
      g_string_append (order, "h.place");
      break;
    case XA_HAZARD_SORT_RESPONSIBLE:
      g_string_append (order, "h.responsible");
      break;
    case XA_HAZARD_SORT_NUMBER:
    default:
      /* The number's order, said so that the indexes of a year's and a school's years
       * serve it: a number begins with its school year. */
      g_string_append_printf (order, "h.school_year%s, h.number%s", direction, direction);
      return g_string_free (order, FALSE);
    }

  /* Ties in the number's order, which is unique: a page boundary never splits ties. */
  g_string_append_printf (order, "%s, h.number%s", direction, direction);
  return g_string_free (order, FALSE);
}

typedef struct
{
  const XaHazardFilter *filter;
  XaHazardSort          sort;
  gboolean              descending;
  guint                 offset;
  guint                 limit;
  guint                 count;
  GPtrArray            *hazards;
} Read;

/* Whether the filter's count is a sum of hazard_count (schema 15): it names no more than
 * a school, a year, a state, a grade and a category. */
static gboolean
counts_from_totals (const XaHazardFilter *filter)
{
  return (filter->search == NULL || filter->search[0] == '\0') && !filter->overdue_only &&
         (filter->responsible == NULL || filter->responsible[0] == '\0');
}

/* The sum of the counts of the hazards @filter selects, a few rows where counting them
 * would read every one: 200 ms for a district's million on the server, 1 ms this way. */
static XaStatement *
totals_statement (XaStore               *store,
                  const XaHazardFilter  *filter,
                  gint64                 organisation_id,
                  GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT coalesce (sum (n), 0) FROM hazard_count WHERE 1 = 1");
  XaStatement *stmt;
  int index = 1;

  if (organisation_id != 0)
    g_string_append (sql, " AND organisation_id = ?");
  if (filter->school_year != 0)
    g_string_append (sql, " AND school_year = ?");
  if (filter->state >= 0)
    g_string_append (sql, " AND state = ?");
  if (filter->grade >= 0)
    g_string_append (sql, " AND grade = ?");
  if (filter->category >= 0)
    g_string_append (sql, " AND category = ?");

  if (!(stmt = xa_store_prepare (store, sql->str, error)))
    return NULL;
  if (organisation_id != 0)
    xa_statement_bind_int64 (stmt, index++, organisation_id);
  if (filter->school_year != 0)
    xa_statement_bind_int (stmt, index++, filter->school_year);
  if (filter->state >= 0)
    xa_statement_bind_text (stmt, index++, xa_hazard_state_to_key (filter->state));
  if (filter->grade >= 0)
    xa_statement_bind_text (stmt, index++, xa_hazard_grade_to_key (filter->grade));
  if (filter->category >= 0)
    xa_statement_bind_text (stmt, index++, xa_hazard_category_to_key (filter->category));
  return stmt;
}

static gboolean
count_cb (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Read *read = user_data;
  g_auto(Query) query;
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *sql = NULL;

  query_init (&query);
  if (!build_query (store, read->filter, TRUE, &query, error))
    return FALSE;

  if (query.empty)
    {
      read->count = 0;
      return TRUE;
    }

  if (query.gram_counts)
    {
      read->count = (guint) query.gram_count;
      return TRUE;
    }

  if (counts_from_totals (read->filter))
    {
      if (!(stmt = totals_statement (store, read->filter, query.organisation_id, error)))
        return FALSE;
    }
  else
    {
      sql = g_strconcat ("SELECT count(*) FROM hazard h", query.where->str, NULL);
      if (!(stmt = xa_store_prepare (store, sql, error)))
        return FALSE;
      bind_params (stmt, &query);
    }
  if (!xa_statement_step_one (stmt, error))
    return FALSE;

  read->count = (guint) xa_statement_get_int64 (stmt, 0);
  return TRUE;
}

/**
 * xa_hazard_book_count:
 * @filter: (nullable): what to count; %NULL for every hazard
 * @n_hazards: (out): how many the filter selects
 */
gboolean
xa_hazard_book_count (XaHazardBook          *self,
                      const XaHazardFilter  *filter,
                      guint                 *n_hazards,
                      GError               **error)
{
  XaHazardFilter all;
  Read read = { filter, 0, FALSE, 0, 0, 0, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), FALSE);
  g_return_val_if_fail (n_hazards != NULL, FALSE);

  if (filter == NULL)
    {
      xa_hazard_filter_init (&all);
      read.filter = &all;
    }

  if (!xa_store_read (self->store, count_cb, &read, error))
    return FALSE;

  *n_hazards = read.count;
  return TRUE;
}

static gboolean
read_page_cb (XaStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Read *read = user_data;
  g_auto(Query) query;
  g_autoptr(XaStatement) page = NULL;
  g_autoptr(XaStatement) rows = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autofree char *order = order_by (read->sort, read->descending);
  g_autofree char *sql = NULL;
  g_autofree char *placeholders = NULL;
  XaStep step;
  int index;

  query_init (&query);
  if (!build_query (store, read->filter, FALSE, &query, error))
    return FALSE;
  if (query.empty || read->limit == 0)
    return TRUE;

  /* The page's IDs first: the indexes that filter and sort often hold all that this
   * needs, so the rows skipped by the offset are never read. */
  sql = g_strconcat ("SELECT h.id FROM hazard h", query.where->str, order, " LIMIT ? OFFSET ?", NULL);
  if (!(page = xa_store_prepare (store, sql, error)))
    return FALSE;
  index = bind_params (page, &query);
  xa_statement_bind_int64 (page, index, read->limit);
  xa_statement_bind_int64 (page, index + 1, read->offset);
  while ((step = xa_statement_step (page, error)) == XA_STEP_ROW)
    {
      gint64 id = xa_statement_get_int64 (page, 0);

      g_array_append_val (ids, id);
    }
  if (step == XA_STEP_ERROR)
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  placeholders = xa_sql_placeholders (ids->len);
  g_free (sql);
  sql = g_strconcat ("SELECT ", _xa_hazard_row_columns (), XA_HAZARD_ROW_FROM,
                     " WHERE h.id IN (", placeholders, ")", NULL);
  if (!(rows = xa_store_prepare (store, sql, error)))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    xa_statement_bind_int64 (rows, i + 1, g_array_index (ids, gint64, i));

  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      XaHazard *hazard = _xa_hazard_row_read (rows, id);

      g_hash_table_insert (by_id, id, hazard);
    }
  if (step == XA_STEP_ERROR)
    return FALSE;

  /* In the page's order; a row is there, as this read sees the database whole. */
  hazards = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      XaHazard *hazard = g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i));

      g_ptr_array_add (hazards, g_object_ref (hazard));
    }

  if (!_xa_hazard_row_read_history (store, hazards, ids, error))
    return FALSE;

  read->hazards = g_steal_pointer (&hazards);
  return TRUE;
}

/**
 * xa_hazard_book_read_page:
 * @filter: (nullable): which hazards; %NULL for all
 * @offset: the first row, from 0, in the sort's order
 * @limit: at most how many rows
 *
 * Returns: (transfer full) (element-type XaHazard): the hazards of the page, each with
 *   its history; fewer than @limit at the end, none past it; %NULL with @error set
 */
GPtrArray *
xa_hazard_book_read_page (XaHazardBook          *self,
                          const XaHazardFilter  *filter,
                          XaHazardSort           sort,
                          gboolean               descending,
                          guint                  offset,
                          guint                  limit,
                          GError               **error)
{
  XaHazardFilter all;
  Read read = { filter, sort, descending, offset, limit, 0, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);

  if (filter == NULL)
    {
      xa_hazard_filter_init (&all);
      read.filter = &all;
    }

  if (!xa_store_read (self->store, read_page_cb, &read, error))
    {
      g_clear_pointer (&read.hazards, g_ptr_array_unref);
      return NULL;
    }

  return read.hazards != NULL ? read.hazards : g_ptr_array_new_with_free_func (g_object_unref);
}

/* How many hazards xa_hazard_book_read_all() reads at a time: one page's IDs are the
 * placeholders of one statement. */
#define READ_ALL_PAGE 500

typedef struct
{
  Read          read;
  GCancellable *cancellable;
  GPtrArray    *all;
} ReadAll;

static gboolean
read_all_cb (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  ReadAll *data = user_data;

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
        return FALSE;

      data->read.offset = data->all->len;
      data->read.hazards = NULL;
      if (!read_page_cb (store, &data->read, error))
        {
          g_clear_pointer (&data->read.hazards, g_ptr_array_unref);
          return FALSE;
        }
      if ((page = g_steal_pointer (&data->read.hazards)) == NULL)
        return TRUE;

      g_ptr_array_extend_and_steal (data->all, g_steal_pointer (&page));
      if (data->all->len - data->read.offset < READ_ALL_PAGE)
        return TRUE;
    }
}

/**
 * xa_hazard_book_read_all:
 * @filter: (nullable): which hazards; %NULL for all
 * @cancellable: (nullable): checked between pages
 *
 * Every hazard a filter selects, in the sort's order, read a page at a time in one read
 * of the store, so that the hazards are of one state of the database: what an exported
 * or printed ledger holds, in the app and on the command line.
 *
 * Returns: (transfer full) (element-type XaHazard): the hazards, each with its history;
 *   %NULL with @error set
 */
GPtrArray *
xa_hazard_book_read_all (XaHazardBook          *self,
                         const XaHazardFilter  *filter,
                         XaHazardSort           sort,
                         GCancellable          *cancellable,
                         GError               **error)
{
  XaHazardFilter everything;
  ReadAll data = { { filter, sort, FALSE, 0, READ_ALL_PAGE, 0, NULL }, cancellable, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (filter == NULL)
    {
      xa_hazard_filter_init (&everything);
      data.read.filter = &everything;
    }

  data.all = g_ptr_array_new_with_free_func (g_object_unref);
  if (!xa_store_read (self->store, read_all_cb, &data, error))
    {
      g_ptr_array_unref (data.all);
      return NULL;
    }

  return data.all;
}

static gboolean
read_columns_cb (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  ReadAll *data = user_data;
  g_auto(Query) query;
  g_autoptr(XaStatement) rows = NULL;
  g_autofree char *order = order_by (data->read.sort, FALSE);
  g_autofree char *sql = NULL;
  XaStep step;

  query_init (&query);
  if (!build_query (store, data->read.filter, FALSE, &query, error))
    return FALSE;
  if (query.empty)
    return TRUE;

  sql = g_strconcat ("SELECT ", _xa_hazard_row_columns (), XA_HAZARD_ROW_FROM, query.where->str, order, NULL);
  if (!(rows = xa_store_prepare (store, sql, error)))
    return FALSE;
  bind_params (rows, &query);
  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      gint64 id;

      g_ptr_array_add (data->all, _xa_hazard_row_read (rows, &id));
    }
  return step == XA_STEP_DONE;
}

/**
 * xa_hazard_book_read_columns:
 * @filter: (nullable): which hazards; %NULL for all
 *
 * Every hazard a filter selects, in the sort's order, with the ledger's columns and
 * not their history, in one query: what a list of the hazards that count for something
 * (the assessment's evidence: the district's overdue hazards) needs, at a fraction of
 * xa_hazard_book_read_all()'s cost.
 *
 * Returns: (transfer full) (element-type XaHazard): the hazards, without history;
 *   %NULL with @error set
 */
GPtrArray *
xa_hazard_book_read_columns (XaHazardBook          *self,
                             const XaHazardFilter  *filter,
                             XaHazardSort           sort,
                             GError               **error)
{
  XaHazardFilter everything;
  ReadAll data = { { filter, sort, FALSE, 0, 0, 0, NULL }, NULL, NULL };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);

  if (filter == NULL)
    {
      xa_hazard_filter_init (&everything);
      data.read.filter = &everything;
    }
  data.all = g_ptr_array_new_with_free_func (g_object_unref);
  if (!xa_store_read (self->store, read_columns_cb, &data, error))
    g_clear_pointer (&data.all, g_ptr_array_unref);
  return data.all;
}

typedef struct
{
  const char *school_uuid;
  GPtrArray  *names;
} Responsible;

static gboolean
responsible_cb (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  Responsible *data = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 data->school_uuid != NULL
                                 ? "SELECT DISTINCT h.responsible FROM hazard h"
                                   " WHERE h.organisation_id = (SELECT id FROM organisation WHERE uuid = ?)"
                                 : "SELECT DISTINCT h.responsible FROM hazard h",
                                 error)))
    return FALSE;
  if (data->school_uuid != NULL)
    xa_statement_bind_text (stmt, 1, data->school_uuid);

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    g_ptr_array_add (data->names, g_strdup (xa_statement_get_text (stmt, 0)));

  return step == XA_STEP_DONE;
}

static int
compare_pinyin (gconstpointer a,
                gconstpointer b)
{
  return xa_pinyin_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * xa_hazard_book_dup_responsible:
 * @school_uuid: (nullable): a school, or %NULL for every school the login may read
 *
 * Returns: (transfer full): the names, each once, in pinyin order; %NULL with @error set
 */
GStrv
xa_hazard_book_dup_responsible (XaHazardBook  *self,
                                const char    *school_uuid,
                                GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  Responsible data = { school_uuid, names };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (self), NULL);

  if (!xa_store_read (self->store, responsible_cb, &data, error))
    return NULL;

  g_ptr_array_sort (names, compare_pinyin);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
