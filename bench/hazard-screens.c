/* hazard-screens.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger's first screen, as the app's list shows it: an XaHazardList made
 * for a filter (its count) and its first 40 rows read (the first page), timed in one
 * process, for bench/hazards.sh. Beside them, in the same run, a full scan of the
 * ledger (a LIKE over every description), which the figures are divided by. Prints one
 * line per case: "NAME MEDIAN_SECONDS ROWS". A benchmark helper, not part of the app.
 *
 * Usage: hazard-screens LOCATION RUNS   (LOCATION: a file or a postgresql:// URI)
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/hazards/xa-hazard-list.h"
#include "core/xa-workspace.h"

#define SCREEN_ROWS 40

typedef struct
{
  const char *name;
  int         year;          /* 0: every year; 1: the latest */
  gboolean    school;        /* the first school's */
  int         state;
  const char *search;
} Case;

static const Case cases[] = {
  { "open-latest-year", 1, FALSE, -1, NULL },
  { "open-all-years", 0, FALSE, -1, NULL },
  { "school-and-status", 1, TRUE, XA_HAZARD_STATE_CLOSED, NULL },
  { "school-and-open-status", 0, TRUE, XA_HAZARD_STATE_RECTIFYING, NULL },
  { "search-1-char", 0, FALSE, -1, "门" },
  { "search-2-chars", 0, FALSE, -1, "电线" },
  { "search-3-chars", 0, FALSE, -1, "灭火器" },
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
time_full_scan (XaStore *store,
                gint64  *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStatement) stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  xa_store_lock (store);
  stmt = xa_store_prepare (store, "SELECT count(*) FROM hazard WHERE description LIKE '%灭火器%'", &error);
  if (stmt == NULL || !xa_statement_step_one (stmt, &error))
    {
      fprintf (stderr, "hazard-screens: %s\n", error->message);
      exit (1);
    }
  *n_rows = xa_statement_get_int64 (stmt, 0);
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  XaHazardBook *book;
  guint64 runs = 0;
  int latest_year;

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, 1000, &runs, NULL))
    {
      fprintf (stderr, "Usage: %s LOCATION RUNS\n", argv[0]);
      return 2;
    }

  if (!(workspace = xa_workspace_open_location_for_reading (argv[1], NULL, &error)))
    {
      fprintf (stderr, "hazard-screens: %s\n", error->message);
      return 1;
    }
  book = xa_workspace_get_hazards (workspace);
  school = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (workspace)), 0);

  {
    g_autoptr(GPtrArray) last = xa_hazard_book_read_page (book, NULL, XA_HAZARD_SORT_NUMBER, TRUE, 0, 1, &error);

    if (last == NULL || last->len == 0)
      {
        fprintf (stderr, "hazard-screens: the ledger is empty\n");
        return 1;
      }
    latest_year = xa_hazard_get_school_year (g_ptr_array_index (last, 0));
  }

  {
    g_autofree double *times = g_new (double, runs);
    gint64 n_rows = 0;

    for (guint r = 0; r < runs; r++)
      times[r] = time_full_scan (xa_workspace_get_store (workspace), &n_rows);
    printf ("full-scan %.6f %" G_GINT64_FORMAT "\n", median (times, runs), n_rows);
  }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree double *times = g_new (double, runs);
      guint n_items = 0;

      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(XaHazardList) list = NULL;
          XaHazardFilter filter;
          gint64 start;

          xa_hazard_filter_init (&filter);
          filter.school_year = cases[c].year == 1 ? latest_year : 0;
          filter.school_uuid = cases[c].school ? xa_organisation_get_uuid (school) : NULL;
          filter.state = cases[c].state;
          filter.search = cases[c].search;

          start = g_get_monotonic_time ();
          list = xa_hazard_list_new (book, &filter, XA_HAZARD_SORT_NUMBER, FALSE);
          n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
          for (guint i = 0; i < MIN (n_items, SCREEN_ROWS); i++)
            {
              g_autoptr(XaHazard) item = g_list_model_get_item (G_LIST_MODEL (list), i);

              if (item == NULL)
                {
                  fprintf (stderr, "hazard-screens: %s: no row %u\n", cases[c].name, i);
                  return 1;
                }
            }
          times[r] = (g_get_monotonic_time () - start) / 1e6;
        }

      printf ("%s %.6f %u\n", cases[c].name, median (times, runs), n_items);
    }

  return 0;
}
