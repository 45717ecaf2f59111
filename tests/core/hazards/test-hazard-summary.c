/* test-hazard-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission's view across schools (src/core/hazards/xa-hazard-summary.c), on a file
 * and, in the pg suite, on a server: a ledger of several schools and years, hazards in
 * every state, category and grade, is counted by the summary's grouped queries and by C
 * over the hazards read one by one, and both must agree on every day tried, for the
 * district and for one school; the 重大 hazards listed are the open ones with their
 * report and 挂牌督办; a school without hazards is listed with zeros, a removed one not;
 * on a server a school's login counts its own hazards only.
 */

#include "config.h"

#include <unistd.h>

#include "xa-test-utils.h"
#include "hazard-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-summary.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"

#define N_SCHOOLS 4

typedef struct
{
  char         *dir;
  char         *location;
  XaWorkspace  *workspace;

  /* Borrowed from the workspace */
  XaStore      *store;
  XaHazardBook *book;
} Fixture;

static XaOrganisation *
school (Fixture *fixture,
        guint    index)
{
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace));
  XaOrganisation *organisation = g_list_model_get_item (schools, index);

  g_object_unref (organisation);  /* the registry keeps it */
  return organisation;
}

static void
step (Fixture      *fixture,
      XaHazard     *hazard,
      XaHazardStep  which,
      const char   *who,
      const char   *date)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { who, date, NULL, which == XA_HAZARD_STEP_FAIL ? "仍未整改到位" : NULL };

  g_assert_true (xa_hazard_book_step (fixture->book, hazard, which, &input, &error));
  g_assert_no_error (error);
}

/* Takes @hazard to @state through the workflow's steps. */
static void
advance_to (Fixture       *fixture,
            XaHazard      *hazard,
            XaHazardState  state)
{
  if (state == XA_HAZARD_STATE_PENDING)
    return;
  step (fixture, hazard, XA_HAZARD_STEP_START, "赵师傅", NULL);
  if (state == XA_HAZARD_STATE_RECTIFYING)
    return;
  step (fixture, hazard, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-10-10");
  if (state == XA_HAZARD_STATE_REINSPECTING)
    return;
  step (fixture, hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-10-13");
  step (fixture, hazard, XA_HAZARD_STEP_CLOSE, "王校长", "2021-10-14");
}

/* Adds a hazard of school @index found on 2021-10-08 (or a year later for 2022). */
static XaHazard *
add_hazard (Fixture          *fixture,
            guint             index,
            int               year,
            XaHazardCategory  category,
            XaHazardGrade     grade,
            const char       *deadline,
            XaHazardState     state)
{
  g_autoptr(GError) error = NULL;
  XaHazard *hazard = test_hazard_new (grade);
  g_autofree char *found_on = g_strdup_printf ("%d-10-08", year);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school (fixture, index)));
  xa_hazard_set_school_year (hazard, year);
  xa_hazard_set_category (hazard, category);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  /* A 重大 hazard under way was reported and is supervised; a pending one may be only
   * reported, or neither. */
  if (grade == XA_HAZARD_GRADE_MAJOR && state != XA_HAZARD_STATE_PENDING)
    test_hazard_set_major_requirements (hazard);
  else if (grade == XA_HAZARD_GRADE_MAJOR && year == 2021 && g_strcmp0 (deadline, "2021-10-31") > 0)
    xa_hazard_set_reported (hazard, TRUE);
  if (xa_hazard_get_reported (hazard))
    xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REPORTED_ON, found_on);
  xa_hazard_book_add (fixture->book, hazard, &error);
  g_assert_no_error (error);
  advance_to (fixture, hazard, state);
  return hazard;
}

/* A ledger drawn from a fixed seed: schools 0-2 have hazards of 2021 (and a few of
 * 2022), school 3 none; deadlines around the days the tests judge on. */
static void
fill_ledger (Fixture *fixture)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  static const char * const deadlines[] = { "2021-10-10", "2021-10-20", "2021-10-31", "2021-11-15", "2022-01-05" };

  for (guint i = 0; i < 60; i++)
    {
      guint index = g_rand_int_range (rand, 0, 3);
      XaHazardCategory category = g_rand_int_range (rand, 0, XA_N_HAZARD_CATEGORIES);
      XaHazardGrade grade = g_rand_int_range (rand, 0, 5) == 0 ? XA_HAZARD_GRADE_MAJOR : XA_HAZARD_GRADE_GENERAL;
      XaHazardState state = g_rand_int_range (rand, 0, XA_N_HAZARD_STATES);
      const char *deadline = deadlines[g_rand_int_range (rand, 0, G_N_ELEMENTS (deadlines))];
      g_autoptr(XaHazard) hazard = add_hazard (fixture, index, 2021, category, grade, deadline, state);
    }

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(XaHazard) hazard = add_hazard (fixture, i % 3, 2022, XA_HAZARD_CATEGORY_FIRE,
                                               XA_HAZARD_GRADE_MAJOR, "2022-10-10", XA_HAZARD_STATE_PENDING);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-summary-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全办");
  g_assert_true (xa_workspace_ensure_defaults (fixture->workspace, &error));
  g_assert_true (xa_demo_fill (xa_workspace_get_registry (fixture->workspace), N_SCHOOLS, 7, &error));
  g_assert_no_error (error);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->book = xa_workspace_get_hazards (fixture->workspace);
  fill_ledger (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
}

/* The model: every hazard of @year read as an object, counted in C. */
static GPtrArray *
read_all (XaHazardBook *book,
          int           year,
          const char   *school_uuid)
{
  g_autoptr(GError) error = NULL;
  XaHazardFilter filter;
  GPtrArray *hazards;

  xa_hazard_filter_init (&filter);
  filter.school_year = year;
  filter.school_uuid = school_uuid;
  hazards = xa_hazard_book_read_page (book, &filter, XA_HAZARD_SORT_NUMBER, FALSE, 0, G_MAXUINT, &error);
  g_assert_no_error (error);
  return hazards;
}

static void
assert_school_matches (const XaHazardSchoolCount *count,
                       GPtrArray                 *hazards,
                       const GDate               *on)
{
  XaHazardSchoolCount model = { NULL };

  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);
      gboolean open = xa_hazard_get_state (hazard) != XA_HAZARD_STATE_CLOSED;
      gboolean overdue = xa_hazard_is_overdue (hazard, on);
      gboolean major = xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR;

      if (count->school_uuid != NULL &&
          !g_str_equal (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID), count->school_uuid))
        continue;

      model.n_hazards++;
      model.n_open += open;
      model.n_overdue += overdue;
      model.n_major += major;
      model.n_major_open += major && open;
      model.n_open_by_category[xa_hazard_get_category (hazard)] += open;
      model.n_overdue_by_category[xa_hazard_get_category (hazard)] += overdue;
    }

  g_assert_cmpuint (count->n_hazards, ==, model.n_hazards);
  g_assert_cmpuint (count->n_open, ==, model.n_open);
  g_assert_cmpuint (count->n_overdue, ==, model.n_overdue);
  g_assert_cmpuint (count->n_major, ==, model.n_major);
  g_assert_cmpuint (count->n_major_open, ==, model.n_major_open);
  for (guint c = 0; c < XA_N_HAZARD_CATEGORIES; c++)
    {
      g_assert_cmpuint (count->n_open_by_category[c], ==, model.n_open_by_category[c]);
      g_assert_cmpuint (count->n_overdue_by_category[c], ==, model.n_overdue_by_category[c]);
    }
}

/* The open 重大 hazards of @hazards, in the summary's order, with their columns. */
static void
assert_majors_match (const XaHazardSummary *summary,
                     GPtrArray             *hazards,
                     const GDate           *on)
{
  guint n_open_majors = 0;
  gboolean seen_not_overdue = FALSE;
  const char *last_deadline = "";

  for (guint i = 0; i < hazards->len; i++)
    {
      XaHazard *hazard = g_ptr_array_index (hazards, i);

      n_open_majors += xa_hazard_get_grade (hazard) == XA_HAZARD_GRADE_MAJOR &&
                       xa_hazard_get_state (hazard) != XA_HAZARD_STATE_CLOSED;
    }
  g_assert_cmpuint (summary->majors->len, ==, n_open_majors);

  for (guint i = 0; i < summary->majors->len; i++)
    {
      const XaMajorHazard *major = g_ptr_array_index (summary->majors, i);
      g_autoptr(GError) error = NULL;
      XaHazard *hazard = NULL;

      for (guint k = 0; k < hazards->len && hazard == NULL; k++)
        if (g_str_equal (xa_hazard_get_number (g_ptr_array_index (hazards, k)), major->number))
          hazard = g_ptr_array_index (hazards, k);
      g_assert_nonnull (hazard);

      g_assert_cmpint (major->state, ==, xa_hazard_get_state (hazard));
      g_assert_cmpint (major->overdue, ==, xa_hazard_is_overdue (hazard, on));
      g_assert_cmpint (major->reported, ==, xa_hazard_get_reported (hazard));
      g_assert_cmpint (major->supervised, ==, xa_hazard_get_supervised (hazard));
      g_assert_cmpstr (major->reported_on, ==, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REPORTED_ON));
      g_assert_cmpstr (major->supervisor, ==, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SUPERVISOR));
      g_assert_cmpstr (major->place, ==, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE));
      g_assert_cmpstr (major->deadline, ==, xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE));

      /* The overdue ones first, each part by deadline. */
      if (!major->overdue && !seen_not_overdue)
        {
          seen_not_overdue = TRUE;
          last_deadline = "";
        }
      g_assert_true (major->overdue || seen_not_overdue);
      g_assert_cmpstr (last_deadline, <=, major->deadline);
      last_deadline = major->deadline;
    }
}

/* The grouped counts equal C's counts over the hazards, for the district and each
 * school, on days before, on and after deadlines. */
static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const days[] = { "2021-10-09", "2021-10-10", "2021-10-11", "2021-11-20", "2022-08-31" };
  g_autoptr(GPtrArray) hazards = read_all (fixture->book, 2021, NULL);

  g_assert_cmpuint (hazards->len, ==, 60);

  for (guint d = 0; d < G_N_ELEMENTS (days); d++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XaHazardSummary) summary = xa_hazard_summary_read (fixture->book, 2021, NULL, days[d], &error);
      GDate on;

      g_assert_no_error (error);
      g_assert_true (xa_date_parse (days[d], &on));
      g_assert_cmpstr (summary->on, ==, days[d]);
      g_assert_cmpuint (summary->schools->len, ==, N_SCHOOLS);
      assert_school_matches (&summary->total, hazards, &on);
      for (guint i = 0; i < summary->schools->len; i++)
        {
          const XaHazardSchoolCount *count = g_ptr_array_index (summary->schools, i);

          assert_school_matches (count, hazards, &on);
          g_assert_cmpstr (count->school_name, ==, xa_organisation_get_name (school (fixture, i)));
          if (i > 0)
            g_assert_cmpstr (((XaHazardSchoolCount *) g_ptr_array_index (summary->schools, i - 1))->school_code,
                             <, count->school_code);
        }
      assert_majors_match (summary, hazards, &on);
    }

  /* The deadline's own day is not overdue; the day after it is. */
  {
    g_autoptr(XaHazardSummary) on_day = xa_hazard_summary_read (fixture->book, 2021, NULL, "2021-10-10", NULL);
    g_autoptr(XaHazardSummary) after = xa_hazard_summary_read (fixture->book, 2021, NULL, "2021-10-11", NULL);

    g_assert_cmpuint (on_day->total.n_overdue, <, after->total.n_overdue);
  }
}

/* One school's summary: its counts only, its 重大 hazards only; the other year apart. */
static void
test_one_school (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *uuid = xa_organisation_get_uuid (school (fixture, 1));
  g_autoptr(XaHazardSummary) summary = xa_hazard_summary_read (fixture->book, 2021, uuid, "2021-11-20", &error);
  g_autoptr(GPtrArray) hazards = read_all (fixture->book, 2021, uuid);
  g_autoptr(XaHazardSummary) later = NULL;
  GDate on;

  g_assert_no_error (error);
  g_assert_true (xa_date_parse ("2021-11-20", &on));
  g_assert_cmpuint (summary->schools->len, ==, 1);
  g_assert_true (xa_hazard_summary_find_school (summary, uuid) == g_ptr_array_index (summary->schools, 0));
  g_assert_null (xa_hazard_summary_find_school (summary, xa_organisation_get_uuid (school (fixture, 0))));
  assert_school_matches (g_ptr_array_index (summary->schools, 0), hazards, &on);
  assert_school_matches (&summary->total, hazards, &on);
  assert_majors_match (summary, hazards, &on);
  for (guint i = 0; i < summary->majors->len; i++)
    g_assert_cmpstr (((XaMajorHazard *) g_ptr_array_index (summary->majors, i))->school_code, ==,
                     xa_organisation_get_code (school (fixture, 1)));

  /* 2022: the 重大 fire hazards added pending, none reported or supervised yet. */
  later = xa_hazard_summary_read (fixture->book, 2022, NULL, "2022-11-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->total.n_hazards, ==, 5);
  g_assert_cmpuint (later->total.n_overdue_by_category[XA_HAZARD_CATEGORY_FIRE], ==, 5);
  g_assert_cmpuint (later->majors->len, ==, 5);
  for (guint i = 0; i < later->majors->len; i++)
    {
      const XaMajorHazard *major = g_ptr_array_index (later->majors, i);

      g_assert_false (major->reported);
      g_assert_false (major->supervised);
      g_assert_true (major->overdue);
      g_assert_cmpint (major->state, ==, XA_HAZARD_STATE_PENDING);
    }
}

/* The summary read in a worker thread is the one read here; the overdue hazards a notice
 * lists are as many as the school's count says, in deadline order. */
static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  XaHazardSummary **summary = user_data;
  g_autoptr(GError) error = NULL;

  *summary = xa_hazard_summary_read_finish (XA_HAZARD_BOOK (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async_and_overdue (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazardSummary) expected = xa_hazard_summary_read (fixture->book, 2021, NULL, "2021-11-20", &error);
  g_autoptr(XaHazardSummary) summary = NULL;

  g_assert_no_error (error);
  xa_hazard_summary_read_async (fixture->book, 2021, NULL, "2021-11-20", NULL, read_cb, &summary);
  while (summary == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (summary->schools->len, ==, expected->schools->len);
  g_assert_cmpuint (summary->majors->len, ==, expected->majors->len);
  g_assert_cmpmem (&summary->total.n_hazards, sizeof summary->total - G_STRUCT_OFFSET (XaHazardSchoolCount, n_hazards),
                   &expected->total.n_hazards, sizeof expected->total - G_STRUCT_OFFSET (XaHazardSchoolCount, n_hazards));

  for (guint i = 0; i < summary->schools->len; i++)
    {
      const XaHazardSchoolCount *count = g_ptr_array_index (summary->schools, i);
      g_autoptr(GPtrArray) overdue = xa_hazard_summary_read_overdue (fixture->book, count->school_uuid, 2021,
                                                                     "2021-11-20", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (overdue->len, ==, count->n_overdue);
      for (guint j = 1; j < overdue->len; j++)
        g_assert_cmpstr (xa_hazard_get_text (g_ptr_array_index (overdue, j - 1), XA_HAZARD_FIELD_DEADLINE), <=,
                         xa_hazard_get_text (g_ptr_array_index (overdue, j), XA_HAZARD_FIELD_DEADLINE));
    }
}

/* A school without hazards is listed with zeros; one that left the register only while
 * it has hazards of the year; a year without hazards counts nothing. */
static void
test_empty_and_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazardSummary) summary = NULL;
  g_autoptr(XaHazardSummary) empty = NULL;
  g_autoptr(XaOrganisation) quiet = g_object_ref (school (fixture, 3));
  g_autoptr(XaOrganisation) busy = g_object_ref (school (fixture, 0));
  const XaHazardSchoolCount *count;

  summary = xa_hazard_summary_read (fixture->book, 2021, NULL, NULL, &error);
  g_assert_no_error (error);
  count = xa_hazard_summary_find_school (summary, xa_organisation_get_uuid (quiet));
  g_assert_nonnull (count);
  g_assert_cmpuint (count->n_hazards, ==, 0);
  g_assert_false (count->removed);
  g_clear_pointer (&summary, xa_hazard_summary_free);

  g_assert_true (xa_school_registry_delete_school (xa_workspace_get_registry (fixture->workspace),
                                                   xa_organisation_get_uuid (quiet), &error));
  g_assert_true (xa_school_registry_delete_school (xa_workspace_get_registry (fixture->workspace),
                                                   xa_organisation_get_uuid (busy), &error));
  g_assert_no_error (error);
  summary = xa_hazard_summary_read (fixture->book, 2021, NULL, "2021-11-20", &error);
  g_assert_no_error (error);
  g_assert_null (xa_hazard_summary_find_school (summary, xa_organisation_get_uuid (quiet)));
  count = xa_hazard_summary_find_school (summary, xa_organisation_get_uuid (busy));
  g_assert_nonnull (count);
  g_assert_true (count->removed);
  g_assert_cmpuint (count->n_hazards, >, 0);

  empty = xa_hazard_summary_read (fixture->book, 2019, NULL, "2021-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->total.n_hazards, ==, 0);
  g_assert_cmpuint (empty->majors->len, ==, 0);
  g_assert_cmpuint (empty->schools->len, ==, N_SCHOOLS - 2);

  g_assert_null (xa_hazard_summary_read (fixture->book, 2021, NULL, "2021-13-01", &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "“2021-13-01”"));
}

/* On a server, a school's login counts its own hazards and sees its own 重大 hazards,
 * whatever school it asks for; commission staff see the district. */
static void
test_school_access (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaStore *admin = fixture->store;
  XaOrganisation *a = school (fixture, 0);
  XaOrganisation *b = school (fixture, 1);
  g_autofree char *role_a = g_strdup_printf ("summary_a_%d", (int) getpid ());
  g_autofree char *role_staff = g_strdup_printf ("summary_staff_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *password_staff = NULL;
  g_autofree char *uri_a = NULL;
  g_autofree char *uri_staff = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaWorkspace) staff = NULL;
  g_autoptr(XaHazardSummary) own = NULL;
  g_autoptr(XaHazardSummary) other = NULL;
  g_autoptr(XaHazardSummary) all = NULL;
  g_autoptr(XaHazardSummary) expected = NULL;
  g_autoptr(GPtrArray) hazards_a = read_all (fixture->book, 2021, xa_organisation_get_uuid (a));
  GDate on;

  if (xa_test_server_uri () == NULL)
    {
      g_test_skip ("roles and row level security belong to a server");
      return;
    }

  g_assert_true (xa_store_server_setup (admin, &error));
  g_assert_no_error (error);
  password_a = xa_store_server_add_school (admin, xa_organisation_get_code (a), role_a, &error);
  password_staff = xa_store_server_add_staff (admin, role_staff, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", fixture->location, role_a);
  uri_staff = g_strdup_printf ("%s&user=%s", fixture->location, role_staff);
  g_assert_true (xa_date_parse ("2021-11-20", &on));

  school_a = xa_workspace_open_location (uri_a, password_a, "甲校", &error);
  g_assert_no_error (error);
  own = xa_hazard_summary_read (xa_workspace_get_hazards (school_a), 2021, NULL, "2021-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->schools->len, ==, 1);
  g_assert_cmpstr (((XaHazardSchoolCount *) g_ptr_array_index (own->schools, 0))->school_uuid, ==,
                   xa_organisation_get_uuid (a));
  assert_school_matches (&own->total, hazards_a, &on);
  assert_majors_match (own, hazards_a, &on);

  other = xa_hazard_summary_read (xa_workspace_get_hazards (school_a), 2021, xa_organisation_get_uuid (b),
                                  "2021-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->schools->len, ==, 0);
  g_assert_cmpuint (other->total.n_hazards, ==, 0);
  g_assert_cmpuint (other->majors->len, ==, 0);

  staff = xa_workspace_open_location (uri_staff, password_staff, "区教委", &error);
  g_assert_no_error (error);
  all = xa_hazard_summary_read (xa_workspace_get_hazards (staff), 2021, NULL, "2021-11-20", &error);
  expected = xa_hazard_summary_read (fixture->book, 2021, NULL, "2021-11-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->schools->len, ==, N_SCHOOLS);
  g_assert_cmpuint (all->total.n_hazards, ==, 60);
  g_assert_cmpuint (all->total.n_overdue, ==, expected->total.n_overdue);
  g_assert_cmpuint (all->majors->len, ==, expected->majors->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hazard-summary/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/hazard-summary/async-and-overdue", Fixture, NULL, fixture_set_up, test_async_and_overdue,
              fixture_tear_down);
  g_test_add ("/hazard-summary/one-school", Fixture, NULL, fixture_set_up, test_one_school, fixture_tear_down);
  g_test_add ("/hazard-summary/empty-and-removed", Fixture, NULL, fixture_set_up, test_empty_and_removed,
              fixture_tear_down);
  g_test_add ("/hazard-summary/school-access", Fixture, NULL, fixture_set_up, test_school_access,
              fixture_tear_down);

  return g_test_run ();
}
