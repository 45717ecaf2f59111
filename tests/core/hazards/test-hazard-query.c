/* test-hazard-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the ledger as its lists do, on either engine, against a demo ledger and the
 * same questions answered here in C over all of its hazards: each filter alone and some
 * together, overdue on given days, every sort both ways, pages of every size meeting
 * without gap or overlap, the search of one-, two- and three-character terms giving
 * exactly the hazards whose place or description holds the term (as instr() would),
 * the responsible people in pinyin order, and the paged list model that reads only the
 * pages asked for and follows the store's changes.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "hazard-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-demo.h"
#include "core/hazards/xa-hazard-list.h"
#include "core/util/xa-date.h"
#include "core/util/xa-pinyin.h"

#define N_HAZARDS 400
#define TODAY     "2023-03-15"

typedef struct
{
  XaWorkspace  *workspace;

  /* Borrowed from the workspace */
  XaHazardBook *book;
  GPtrArray    *schools;   /* XaOrganisation */

  GPtrArray    *all;       /* XaHazard, in number order */
} Fixture;

static GPtrArray *
read_all (XaHazardBook         *book,
          const XaHazardFilter *filter,
          XaHazardSort          sort,
          gboolean              descending)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *page = xa_hazard_book_read_page (book, filter, sort, descending, 0, 100000, &error);

  g_assert_no_error (error);
  return page;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  /* A test may ask for more hazards than the others read. */
  guint n_hazards = data != NULL ? GPOINTER_TO_UINT (data) : N_HAZARDS;

  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 4);
  fixture->book = xa_workspace_get_hazards (fixture->workspace);
  fixture->schools = xa_test_dup_schools (fixture->workspace);

  g_assert_true (xa_hazard_demo_fill (fixture->book, n_hazards, 5, TODAY, &error));
  g_assert_no_error (error);
  fixture->all = read_all (fixture->book, NULL, XA_HAZARD_SORT_NUMBER, FALSE);
  g_assert_cmpuint (fixture->all->len, ==, n_hazards);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->all);
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
}

/* Whether @hazard is one that @filter selects, as the ledger's rules say. */
static gboolean
selects (const XaHazardFilter *filter,
         XaHazard             *hazard)
{
  if (filter->school_uuid != NULL &&
      !g_str_equal (filter->school_uuid, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID)))
    return FALSE;
  if (filter->school_year != 0 && filter->school_year != xa_hazard_get_school_year (hazard))
    return FALSE;
  if (filter->state >= 0 && filter->state != (int) xa_hazard_get_state (hazard))
    return FALSE;
  if (filter->grade >= 0 && filter->grade != (int) xa_hazard_get_grade (hazard))
    return FALSE;
  if (filter->category >= 0 && filter->category != (int) xa_hazard_get_category (hazard))
    return FALSE;
  if (filter->responsible != NULL &&
      !g_str_equal (filter->responsible, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE)))
    return FALSE;
  if (filter->overdue_only)
    {
      GDate on;

      g_assert_true (xa_date_parse (filter->today, &on));
      if (!xa_hazard_is_overdue (hazard, &on))
        return FALSE;
    }
  /* instr() on the stored texts. */
  if (filter->search != NULL &&
      !strstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE), filter->search) &&
      !strstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION), filter->search))
    return FALSE;

  return TRUE;
}

/* The book's answer to @filter is what the rules select, in number order. */
static guint
assert_filter (Fixture              *fixture,
               const XaHazardFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = read_all (fixture->book, filter, XA_HAZARD_SORT_NUMBER, FALSE);
  guint n_expected = 0;
  guint n_counted = 0;

  g_assert_true (xa_hazard_book_count (fixture->book, filter, &n_counted, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < fixture->all->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (fixture->all, i);

      if (!selects (filter, hazard))
        continue;

      g_assert_cmpuint (n_expected, <, found->len);
      g_assert_cmpstr (xa_hazard_get_number (g_ptr_array_index (found, n_expected)), ==,
                       xa_hazard_get_number (hazard));
      n_expected++;
    }

  g_assert_cmpuint (found->len, ==, n_expected);
  g_assert_cmpuint (n_counted, ==, n_expected);
  return n_expected;
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  XaHazardFilter filter;
  g_auto(GStrv) responsible = NULL;
  g_autoptr(GError) error = NULL;

  xa_hazard_filter_init (&filter);
  g_assert_cmpuint (assert_filter (fixture, &filter), ==, N_HAZARDS);

  for (guint i = 0; i < fixture->schools->len; i++)
    {
      xa_hazard_filter_init (&filter);
      filter.school_uuid = xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, i));
      g_assert_cmpuint (assert_filter (fixture, &filter), >, 0);
    }

  for (int year = 2018; year <= 2023; year++)
    {
      xa_hazard_filter_init (&filter);
      filter.school_year = year;
      g_assert_cmpuint (assert_filter (fixture, &filter), ==, year == 2023 ? 0 : N_HAZARDS / 5);
    }

  for (int state = 0; state < XA_N_HAZARD_STATES; state++)
    {
      xa_hazard_filter_init (&filter);
      filter.state = state;
      g_assert_cmpuint (assert_filter (fixture, &filter), >, 0);
    }

  for (int grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
    {
      xa_hazard_filter_init (&filter);
      filter.grade = grade;
      g_assert_cmpuint (assert_filter (fixture, &filter), >, 0);
    }

  for (int category = 0; category < XA_N_HAZARD_CATEGORIES; category++)
    {
      xa_hazard_filter_init (&filter);
      filter.category = category;
      assert_filter (fixture, &filter);
    }

  responsible = xa_hazard_book_dup_responsible (fixture->book, NULL, &error);
  g_assert_no_error (error);
  xa_hazard_filter_init (&filter);
  filter.responsible = responsible[0];
  g_assert_cmpuint (assert_filter (fixture, &filter), >, 0);

  /* Together: a school's open hazards of a year, and its major ones. */
  xa_hazard_filter_init (&filter);
  filter.school_uuid = xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, 1));
  filter.school_year = 2022;
  filter.state = XA_HAZARD_STATE_RECTIFYING;
  assert_filter (fixture, &filter);
  filter.state = -1;
  filter.grade = XA_HAZARD_GRADE_MAJOR;
  assert_filter (fixture, &filter);

  /* A school that is not there has no hazards. */
  xa_hazard_filter_init (&filter);
  filter.school_uuid = "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1";
  g_assert_cmpuint (assert_filter (fixture, &filter), ==, 0);
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  const char *days[] = { TODAY, "2022-06-30", "2021-01-10", "2030-01-01" };
  XaHazardFilter filter;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      guint n;

      xa_hazard_filter_init (&filter);
      filter.overdue_only = TRUE;
      filter.today = days[i];
      n = assert_filter (fixture, &filter);
      g_test_message ("%u overdue on %s", n, days[i]);

      /* Some are overdue today; every open one is by 2030. */
      if (g_str_equal (days[i], TODAY))
        g_assert_cmpuint (n, >, 0);
    }

  /* Overdue and a school's, together. */
  xa_hazard_filter_init (&filter);
  filter.overdue_only = TRUE;
  filter.today = "2030-01-01";
  filter.school_uuid = xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, 0));
  assert_filter (fixture, &filter);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  /* One, two and three characters; in places, in descriptions and in both; terms that
   * few hazards hold and terms that many do, one that none holds, and one made of the
   * end of a word and the start of the next (坏电 of 损坏，电线), which no text holds. */
  const char *terms[] = {
    "门", "电", "楼", "火", "漏", "锁", "龙",
    "电线", "门锁", "楼梯", "灭火", "东侧", "食堂", "二楼", "裂缝", "无关", "坏电", "杂物",
    "配电箱", "灭火器", "消防通道", "三楼东侧", "教学楼一楼", "电线老化", "锁门",
  };
  XaHazardFilter filter;

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      guint n;

      xa_hazard_filter_init (&filter);
      filter.search = terms[i];
      n = assert_filter (fixture, &filter);
      g_test_message ("“%s”: %u hazards", terms[i], n);

      /* With a school, and with a state: the other conditions still hold. */
      filter.school_uuid = xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, 2));
      assert_filter (fixture, &filter);
      filter.state = XA_HAZARD_STATE_CLOSED;
      assert_filter (fixture, &filter);
    }

  /* Spaces around a term do not count; punctuation alone finds nothing. */
  xa_hazard_filter_init (&filter);
  filter.search = " 门锁 ";
  {
    guint n = 0;
    g_autoptr(GError) error = NULL;
    XaHazardFilter plain;

    xa_hazard_filter_init (&plain);
    plain.search = "门锁";
    g_assert_true (xa_hazard_book_count (fixture->book, &filter, &n, &error));
    g_assert_cmpuint (n, ==, assert_filter (fixture, &plain));
    filter.search = "，";
    g_assert_true (xa_hazard_book_count (fixture->book, &filter, &n, &error));
    g_assert_cmpuint (n, ==, 0);
  }
}

/* -1, 0 or 1 as @a comes before, with or after @b in @sort's order (without the
 * number's tie-break). */
static int
compare_key (XaHazard     *a,
             XaHazard     *b,
             XaHazardSort  sort)
{
  switch (sort)
    {
    case XA_HAZARD_SORT_FOUND_ON:
      return strcmp (xa_hazard_get_text (a, XA_HAZARD_FIELD_FOUND_ON), xa_hazard_get_text (b, XA_HAZARD_FIELD_FOUND_ON));
    case XA_HAZARD_SORT_DEADLINE:
      return strcmp (xa_hazard_get_text (a, XA_HAZARD_FIELD_DEADLINE), xa_hazard_get_text (b, XA_HAZARD_FIELD_DEADLINE));
    case XA_HAZARD_SORT_STATE:
      return (int) xa_hazard_get_state (a) - (int) xa_hazard_get_state (b);
    case XA_HAZARD_SORT_GRADE:
      return (int) xa_hazard_get_grade (a) - (int) xa_hazard_get_grade (b);
    case XA_HAZARD_SORT_CATEGORY:
      return (int) xa_hazard_get_category (a) - (int) xa_hazard_get_category (b);
    case XA_HAZARD_SORT_PLACE:
      return strcmp (xa_hazard_get_text (a, XA_HAZARD_FIELD_PLACE), xa_hazard_get_text (b, XA_HAZARD_FIELD_PLACE));
    case XA_HAZARD_SORT_RESPONSIBLE:
      return strcmp (xa_hazard_get_text (a, XA_HAZARD_FIELD_RESPONSIBLE),
                     xa_hazard_get_text (b, XA_HAZARD_FIELD_RESPONSIBLE));
    case XA_HAZARD_SORT_NUMBER:
    default:
      return 0;
    }
}

static void
test_sorts (Fixture       *fixture,
            gconstpointer  data)
{
  for (XaHazardSort sort = XA_HAZARD_SORT_NUMBER; sort <= XA_HAZARD_SORT_RESPONSIBLE; sort++)
    {
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GPtrArray) sorted = read_all (fixture->book, NULL, sort, descending);
          g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

          g_assert_cmpuint (sorted->len, ==, N_HAZARDS);
          for (guint i = 0; i < sorted->len; i++)
            {
              XaHazard *hazard = g_ptr_array_index (sorted, i);

              g_assert_true (g_hash_table_add (seen, (gpointer) xa_hazard_get_uuid (hazard)));
              if (i > 0)
                {
                  XaHazard *before = g_ptr_array_index (sorted, i - 1);
                  int order = compare_key (before, hazard, sort);

                  if (order == 0)
                    order = strcmp (xa_hazard_get_number (before), xa_hazard_get_number (hazard));
                  g_assert_cmpint (descending ? -order : order, <, 0);
                }
            }
        }
    }
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  data)
{
  const guint sizes[] = { 1, 7, 200, N_HAZARDS, N_HAZARDS + 1 };
  g_autoptr(GError) error = NULL;
  XaHazardFilter filter;

  xa_hazard_filter_init (&filter);
  filter.state = XA_HAZARD_STATE_CLOSED;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) whole = read_all (fixture->book, &filter, XA_HAZARD_SORT_DEADLINE, TRUE);
      guint offset = 0;

      while (TRUE)
        {
          g_autoptr(GPtrArray) page = xa_hazard_book_read_page (fixture->book, &filter, XA_HAZARD_SORT_DEADLINE,
                                                                TRUE, offset, sizes[s], &error);

          g_assert_no_error (error);
          g_assert_cmpuint (page->len, <=, sizes[s]);
          for (guint i = 0; i < page->len; i++)
            g_assert_cmpstr (xa_hazard_get_uuid (g_ptr_array_index (page, i)), ==,
                             xa_hazard_get_uuid (g_ptr_array_index (whole, offset + i)));
          offset += page->len;
          if (page->len < sizes[s])
            break;
        }
      g_assert_cmpuint (offset, ==, whole->len);
    }

  /* Past the end, and a page of nothing. */
  {
    g_autoptr(GPtrArray) past = xa_hazard_book_read_page (fixture->book, NULL, XA_HAZARD_SORT_NUMBER, FALSE,
                                                          N_HAZARDS, 10, &error);
    g_autoptr(GPtrArray) none = xa_hazard_book_read_page (fixture->book, NULL, XA_HAZARD_SORT_NUMBER, FALSE,
                                                          0, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (past->len, ==, 0);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* A page holds whole hazards, their history with them. */
  {
    g_autoptr(GPtrArray) page = xa_hazard_book_read_page (fixture->book, &filter, XA_HAZARD_SORT_NUMBER, FALSE,
                                                          3, 5, &error);

    for (guint i = 0; i < page->len; i++)
      {
        XaHazard *hazard = g_ptr_array_index (page, i);
        g_autoptr(XaHazard) one = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
        g_autofree char *a = test_hazard_dup_json (hazard);
        g_autofree char *b = test_hazard_dup_json (one);

        g_assert_cmpuint (xa_hazard_get_n_entries (hazard), >=, 4);
        g_assert_cmpstr (a, ==, b);
      }
  }
}

/* The whole of a filter in one read: past the page it reads at a time (500), in the
 * sort's order, the same hazards as one long page; a cancelled read returns nothing. */
static void
test_read_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) everything = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GPtrArray) cancelled = NULL;
  XaHazardFilter filter;

  whole = read_all (fixture->book, NULL, XA_HAZARD_SORT_NUMBER, FALSE);
  g_assert_cmpuint (whole->len, ==, 1100);
  everything = xa_hazard_book_read_all (fixture->book, NULL, XA_HAZARD_SORT_NUMBER, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everything->len, ==, whole->len);
  for (guint i = 0; i < whole->len; i++)
    g_assert_cmpstr (xa_hazard_get_uuid (g_ptr_array_index (everything, i)), ==,
                     xa_hazard_get_uuid (g_ptr_array_index (whole, i)));

  xa_hazard_filter_init (&filter);
  filter.state = XA_HAZARD_STATE_CLOSED;
  {
    g_autoptr(GPtrArray) closed = read_all (fixture->book, &filter, XA_HAZARD_SORT_DEADLINE, FALSE);
    g_autoptr(GPtrArray) read = xa_hazard_book_read_all (fixture->book, &filter, XA_HAZARD_SORT_DEADLINE,
                                                         NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (closed->len, >, 0);
    g_assert_cmpuint (read->len, ==, closed->len);
    for (guint i = 0; i < read->len; i++)
      g_assert_cmpstr (xa_hazard_get_uuid (g_ptr_array_index (read, i)), ==,
                       xa_hazard_get_uuid (g_ptr_array_index (closed, i)));
  }

  g_cancellable_cancel (cancellable);
  cancelled = xa_hazard_book_read_all (fixture->book, NULL, XA_HAZARD_SORT_NUMBER, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
}

static int
compare_pinyin (gconstpointer a,
                gconstpointer b)
{
  return xa_pinyin_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
test_responsible (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint s = 0; s <= fixture->schools->len; s++)
    {
      const char *school = s < fixture->schools->len
                           ? xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, s)) : NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = xa_hazard_book_dup_responsible (fixture->book, school, &error);
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_no_error (error);
      for (guint i = 0; i < fixture->all->len; i++)
        {
          XaHazard *hazard = g_ptr_array_index (fixture->all, i);
          const char *name = xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE);

          if (school != NULL && !g_str_equal (school, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID)))
            continue;
          if (g_hash_table_add (seen, (gpointer) name))
            g_ptr_array_add (expected, (gpointer) name);
        }
      g_ptr_array_sort (expected, compare_pinyin);

      g_assert_cmpuint (g_strv_length (names), ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        g_assert_cmpstr (names[i], ==, g_ptr_array_index (expected, i));
    }
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->n_signals++;
}

static void
assert_list_matches (XaHazardList         *list,
                     XaHazardBook         *book,
                     const XaHazardFilter *filter,
                     XaHazardSort          sort)
{
  g_autoptr(GPtrArray) expected = read_all (book, filter, sort, FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(XaHazard) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (xa_hazard_get_uuid (item), ==, xa_hazard_get_uuid (g_ptr_array_index (expected, i)));
    }
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazardList) list = NULL;
  g_autoptr(XaHazard) item = NULL;
  g_autoptr(XaHazard) again = NULL;
  g_autoptr(XaHazard) added = NULL;
  XaHazardFilter filter;
  Changes changes = { 0 };
  guint n_reads;

  xa_hazard_filter_init (&filter);
  list = xa_hazard_list_new (fixture->book, &filter, XA_HAZARD_SORT_NUMBER, FALSE);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Counted, not read: pages come when a position is asked for, and stay. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_HAZARDS);
  g_assert_cmpuint (xa_hazard_list_get_n_reads (list), ==, 0);
  item = g_list_model_get_item (G_LIST_MODEL (list), 250);
  again = g_list_model_get_item (G_LIST_MODEL (list), 250);
  g_assert_true (item == again);
  g_assert_cmpuint (xa_hazard_list_get_n_reads (list), ==, 1);
  g_assert_cmpstr (xa_hazard_get_uuid (item), ==, xa_hazard_get_uuid (g_ptr_array_index (fixture->all, 250)));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_HAZARDS));
  assert_list_matches (list, fixture->book, &filter, XA_HAZARD_SORT_NUMBER);
  n_reads = xa_hazard_list_get_n_reads (list);
  g_assert_cmpuint (n_reads, ==, (N_HAZARDS + XA_HAZARD_LIST_PAGE_SIZE - 1) / XA_HAZARD_LIST_PAGE_SIZE);

  /* An edit of a hazard it shows: the same object takes the new values, its one row is
   * told. */
  {
    g_autoptr(XaHazard) edited = xa_hazard_copy (item);

    if (xa_hazard_get_state (edited) == XA_HAZARD_STATE_CLOSED)
      {
        g_clear_object (&item);
        g_clear_object (&again);
        for (guint i = 0; item == NULL; i++)
          {
            XaHazard *each = g_list_model_get_item (G_LIST_MODEL (list), i);

            if (xa_hazard_get_state (each) != XA_HAZARD_STATE_CLOSED)
              item = each;
            else
              g_object_unref (each);
          }
        g_clear_object (&edited);
        edited = xa_hazard_copy (item);
      }

    xa_hazard_set_text (edited, XA_HAZARD_FIELD_REMARKS, "已通知家长");
    changes.n_signals = 0;
    g_assert_true (xa_hazard_book_update (fixture->book, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changes.n_signals, ==, 1);
    g_assert_cmpuint (changes.removed, ==, 1);
    g_assert_cmpuint (changes.added, ==, 1);
    g_assert_cmpstr (xa_hazard_get_text (item, XA_HAZARD_FIELD_REMARKS), ==, "已通知家长");
    {
      g_autoptr(XaHazard) at = g_list_model_get_item (G_LIST_MODEL (list), changes.position);

      g_assert_true (at == item);
    }
  }

  /* A new hazard: the list grows where it goes, the rest as before. */
  added = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  xa_hazard_set_text (added, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (added, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, 0)));
  xa_hazard_set_school_year (added, 2022);
  xa_hazard_set_text (added, XA_HAZARD_FIELD_FOUND_ON, "2023-03-01");
  xa_hazard_set_text (added, XA_HAZARD_FIELD_DEADLINE, "2023-03-08");
  changes.n_signals = 0;
  g_assert_true (xa_hazard_book_add (fixture->book, added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.n_signals, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_HAZARDS + 1);
  assert_list_matches (list, fixture->book, &filter, XA_HAZARD_SORT_NUMBER);

  /* A step that takes a hazard out of the filter's state. */
  filter.state = XA_HAZARD_STATE_PENDING;
  xa_hazard_list_set_filter (list, &filter);
  assert_list_matches (list, fixture->book, &filter, XA_HAZARD_SORT_NUMBER);
  {
    XaHazardStepInput input = { "赵师傅", NULL, NULL, NULL };
    guint before = g_list_model_get_n_items (G_LIST_MODEL (list));

    g_assert_true (xa_hazard_book_step (fixture->book, added, XA_HAZARD_STEP_START, &input, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before - 1);
    assert_list_matches (list, fixture->book, &filter, XA_HAZARD_SORT_NUMBER);
  }

  /* Another sort: the whole list again, in its order. */
  xa_hazard_list_set_sort (list, XA_HAZARD_SORT_PLACE, FALSE);
  assert_list_matches (list, fixture->book, &filter, XA_HAZARD_SORT_PLACE);
}

/* A large list holds a few pages, however far it is read. */
static void
test_list_bounded (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(XaHazardList) list = xa_hazard_list_new (fixture->book, NULL, XA_HAZARD_SORT_DEADLINE, TRUE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_reads;

  /* Back and forth over every page twice: each page read again once it was dropped. */
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n; i += 50)
      {
        g_autoptr(XaHazard) item = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_nonnull (item);
      }

  n_reads = xa_hazard_list_get_n_reads (list);
  g_assert_cmpuint (n_reads, <=, 2 * ((n + XA_HAZARD_LIST_PAGE_SIZE - 1) / XA_HAZARD_LIST_PAGE_SIZE));
  g_assert_null (xa_hazard_list_get_error (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xiaoan/hazard-query/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("filters", test_filters);
  ADD ("overdue", test_overdue);
  ADD ("search", test_search);
  ADD ("sorts", test_sorts);
  ADD ("paging", test_paging);
  g_test_add ("/xiaoan/hazard-query/read-all", Fixture, GUINT_TO_POINTER (1100), fixture_set_up,
              test_read_all, fixture_tear_down);
  ADD ("responsible", test_responsible);
  ADD ("list", test_list);
  ADD ("list-bounded", test_list_bounded);

  return g_test_run ();
}
