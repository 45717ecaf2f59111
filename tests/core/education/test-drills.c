/* test-drills.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drills on either engine (XIAOAN_TEST_SERVER for the server): recorded with their
 * problems and audited, a bad field refused and nothing written, the frequency check
 * across a school year (a school monthly, a kindergarten quarterly, the holidays of the
 * school calendar not counted), and a problem becoming a hazard of the ledger, linked
 * both ways.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "core/education/xa-drill-book.h"
#include "core/registry/xa-demo.h"

typedef struct
{
  char        *dir;
  char        *location;
  XaWorkspace *workspace;
  XaDrillBook *book;
  GPtrArray   *schools;  /* XaOrganisation */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-drills-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全办");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 2, 7, &error);
  g_assert_no_error (error);
  fixture->book = g_object_ref (xa_workspace_get_drills (fixture->workspace));

  fixture->schools = xa_test_dup_schools (fixture->workspace);
  g_assert_cmpuint (fixture->schools->len, ==, 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->book);
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
}

static const char *
school_uuid (Fixture *fixture,
             guint    index)
{
  return xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, index));
}

/* Through the registry, as a user would: the audit chain holds. */
static void
set_school_type (Fixture      *fixture,
                 guint         index,
                 XaSchoolType  type)
{
  g_autoptr(GError) error = NULL;
  XaOrganisation *school = g_ptr_array_index (fixture->schools, index);

  xa_organisation_set_school_type (school, type);
  xa_organisation_set_stages (school, xa_school_type_default_stages (type));
  g_assert_true (xa_school_registry_update_school (xa_workspace_get_registry (fixture->workspace), school, &error));
  g_assert_no_error (error);
}

static XaDrill *
add_drill (Fixture    *fixture,
           guint       school,
           const char *date)
{
  g_autoptr(GError) error = NULL;
  const char *problems[] = { "二楼东侧楼梯口疏散时拥堵", "三年级二班未听到警报", NULL };
  XaDrillFields fields = {
    .school_uuid = school_uuid (fixture, school),
    .school_year = 2026,
    .held_on = date,
    .kind = XA_DRILL_KIND_FIRE,
    .organiser = "安全办张主任",
    .participants = 812,
    .evacuation_seconds = 150,
    .target_seconds = 120,
    .problems = problems,
    .improvements = "楼梯口增派教师引导",
  };
  XaDrill *drill = xa_drill_book_add (fixture->book, &fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drill);
  return drill;
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDrill) drill = add_drill (fixture, 0, "2026-09-15");
  g_autoptr(GPtrArray) drills = NULL;
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  const char *evidence[] = { "not-a-uuid", NULL };
  XaDrillFields bad = {
    .school_uuid = school_uuid (fixture, 0),
    .school_year = 2026,
    .held_on = "2027-09-15",
    .kind = XA_DRILL_KIND_EARTHQUAKE,
    .organiser = "王老师",
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpstr (xa_drill_get_held_on (drill), ==, "2026-09-15");
  g_assert_cmpuint (xa_drill_get_n_problems (drill), ==, 2);
  g_assert_cmpstr (xa_drill_get_problem (drill, 1), ==, "三年级二班未听到警报");
  g_assert_null (xa_drill_get_problem_hazard_uuid (drill, 0));
  g_assert_false (xa_drill_get_within_target (drill));
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'drill.add'"), ==, 1);

  /* A date outside the school year, then evidence that is no archive item: refused,
   * naming the field, nothing written. */
  before = xa_test_fingerprint (store);
  g_assert_null (xa_drill_book_add (fixture->book, &bad, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "日期"));
  g_clear_error (&error);
  bad.held_on = "2026-10-15";
  bad.evidence = evidence;
  g_assert_null (xa_drill_book_add (fixture->book, &bad, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not-a-uuid"));
  g_clear_error (&error);
  evidence[0] = "6a0c1a43-2f6b-4c55-9a51-3f3c36f0e0a1";
  g_assert_null (xa_drill_book_add (fixture->book, &bad, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "6a0c1a43"));
  g_clear_error (&error);
  after = xa_test_fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  /* Evidence that is an archived file of the school is taken. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "签到表.pdf", NULL);
    g_autoptr(XaArchiveItem) item = NULL;
    g_autoptr(XaDrill) proved = NULL;
    XaArchiveLink link = { .school_uuid = school_uuid (fixture, 0), .school_year = 2026 };

    g_assert_true (g_file_set_contents (path, "%PDF-1.4\n演练签到表\n%%EOF\n", -1, &error));
    item = xa_archive_import_file (xa_workspace_get_archive (fixture->workspace), path, &link, NULL, &error);
    g_assert_no_error (error);
    evidence[0] = xa_archive_item_get_uuid (item);
    proved = xa_drill_book_add (fixture->book, &bad, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xa_drill_get_evidence (proved)[0], ==, xa_archive_item_get_uuid (item));
    g_assert_null (xa_drill_get_evidence (proved)[1]);
  }

  drills = xa_drill_book_list (fixture->book, school_uuid (fixture, 1), 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drills->len, ==, 0);
  g_clear_pointer (&drills, g_ptr_array_unref);
  drills = xa_drill_book_list (fixture->book, NULL, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drills->len, ==, 2);
  xa_test_assert_chain_holds (store);
}

static guint
count_missed (GPtrArray *periods)
{
  guint missed = 0;

  for (guint i = 0; i < periods->len; i++)
    if (xa_drill_period_is_missed ((XaDrillPeriod *) g_ptr_array_index (periods, i)))
      missed++;
  return missed;
}

/* The default calendar: 9月1日—1月20日 and 2月20日—7月10日. A school is expected to drill in
 * September to January and March to June (February and July have less than two weeks of
 * term, August none); a kindergarten in each quarter. */
static void
test_frequency (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  const char *dates[] = { "2026-09-10", "2026-09-24", "2026-10-20", "2026-12-03", "2027-03-15", "2027-06-05" };
  guint months = 0;
  XaDrillPeriod *period;

  set_school_type (fixture, 0, XA_SCHOOL_TYPE_PRIMARY);
  set_school_type (fixture, 1, XA_SCHOOL_TYPE_KINDERGARTEN);

  periods = xa_drill_book_check_school (fixture->book, school_uuid (fixture, 0), 2026, "2027-09-01", &months, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months, ==, 1);
  g_assert_cmpuint (periods->len, ==, 9);
  g_assert_cmpuint (count_missed (periods), ==, 9);
  period = g_ptr_array_index (periods, 0);
  g_assert_cmpstr (period->first_day, ==, "2026-09-01");
  g_assert_cmpstr (period->last_day, ==, "2026-09-30");
  period = g_ptr_array_index (periods, 4);
  g_assert_cmpstr (period->first_day, ==, "2027-01-01");
  period = g_ptr_array_index (periods, 5);
  g_assert_cmpstr (period->first_day, ==, "2027-03-01");
  g_clear_pointer (&periods, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_object_unref (add_drill (fixture, 0, dates[i]));
  /* A drill in the summer holiday counts for nothing expected. */
  g_object_unref (add_drill (fixture, 0, "2027-08-02"));

  periods = xa_drill_book_check_school (fixture->book, school_uuid (fixture, 0), 2026, "2027-09-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (periods->len, ==, 9);
  /* September twice, October, December, March, June: November, January, April, May missed. */
  g_assert_cmpuint (((XaDrillPeriod *) g_ptr_array_index (periods, 0))->n_drills, ==, 2);
  g_assert_cmpuint (count_missed (periods), ==, 4);
  g_assert_cmpuint (((XaDrillPeriod *) g_ptr_array_index (periods, 2))->n_drills, ==, 0);
  g_assert_cmpstr (((XaDrillPeriod *) g_ptr_array_index (periods, 2))->first_day, ==, "2026-11-01");
  g_clear_pointer (&periods, g_ptr_array_unref);

  /* The kindergarten: four quarters; one drill in 12月—2月 and one in 6月—8月. */
  g_object_unref (add_drill (fixture, 1, "2027-01-08"));
  g_object_unref (add_drill (fixture, 1, "2027-06-20"));
  periods = xa_drill_book_check_school (fixture->book, school_uuid (fixture, 1), 2026, "2027-09-01", &months, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months, ==, 3);
  g_assert_cmpuint (periods->len, ==, 4);
  g_assert_cmpuint (count_missed (periods), ==, 2);
  g_assert_cmpuint (((XaDrillPeriod *) g_ptr_array_index (periods, 0))->n_drills, ==, 0);
  g_assert_cmpuint (((XaDrillPeriod *) g_ptr_array_index (periods, 1))->n_drills, ==, 1);
  g_assert_cmpstr (((XaDrillPeriod *) g_ptr_array_index (periods, 1))->last_day, ==, "2027-02-28");
  g_assert_cmpuint (((XaDrillPeriod *) g_ptr_array_index (periods, 3))->n_drills, ==, 1);
  g_clear_pointer (&periods, g_ptr_array_unref);

  /* Checked on 15 December, the quarter of December to February is open, not missed,
   * and those after it too; 9—11月 is missed. */
  periods = xa_drill_book_check_school (fixture->book, school_uuid (fixture, 1), 2026, "2026-12-15", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_missed (periods), ==, 1);
  g_assert_true (((XaDrillPeriod *) g_ptr_array_index (periods, 1))->open);
  g_assert_true (((XaDrillPeriod *) g_ptr_array_index (periods, 2))->open);
  g_assert_false (((XaDrillPeriod *) g_ptr_array_index (periods, 0))->open);
}

/* A calendar whose first semester ends in mid-December drops January for a school. */
static void
test_frequency_calendar (void)
{
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_new_default (2026);
  g_autoptr(GPtrArray) periods = NULL;

  xa_school_calendar_set_semester (calendar, 0, "2026-09-01", "2026-12-31");
  periods = xa_drill_check_frequency (calendar, 1, NULL, NULL);
  g_assert_cmpuint (periods->len, ==, 8);
  g_assert_cmpstr (((XaDrillPeriod *) g_ptr_array_index (periods, 4))->first_day, ==, "2027-03-01");
  g_assert_cmpuint (count_missed (periods), ==, 8);
}

/* The district's rules: a drill without a target gets its kind's, a kindergarten held
 * to a rule of every two months, bad rules refused and nothing changed, each change
 * audited. */
static void
test_policy (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(XaDrill) drill = NULL;
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  XaDrillPolicy policy;
  XaDrillPolicy bad;
  XaDrillFields fields = {
    .school_uuid = school_uuid (fixture, 1),
    .school_year = 2026,
    .held_on = "2026-09-20",
    .kind = XA_DRILL_KIND_EARTHQUAKE,
    .organiser = "园长",
    .participants = 120,
    .evacuation_seconds = 170,
  };
  guint months = 0;

  set_school_type (fixture, 1, XA_SCHOOL_TYPE_KINDERGARTEN);
  g_assert_true (xa_drill_book_read_policy (fixture->book, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (policy.school_months, ==, 1);
  g_assert_cmpuint (policy.kindergarten_months, ==, 3);
  g_assert_cmpuint (policy.kindergarten_target_seconds, ==, 180);

  drill = xa_drill_book_add (fixture->book, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_drill_get_target_seconds (drill), ==, 180);
  g_assert_true (xa_drill_get_within_target (drill));
  g_clear_object (&drill);

  bad = policy;
  bad.kindergarten_months = 5;
  g_assert_false (xa_drill_book_save_policy (fixture->book, &bad, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM drill_policy"), ==, 0);

  policy.kindergarten_months = 2;
  policy.kindergarten_target_seconds = 150;
  g_assert_true (xa_drill_book_save_policy (fixture->book, &policy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'drill.policy'"), ==, 2);

  periods = xa_drill_book_check_school (fixture->book, school_uuid (fixture, 1), 2026, "2027-09-01", &months, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months, ==, 2);
  g_assert_cmpuint (periods->len, ==, 5);   /* 9-10, 11-12, 1-2, 3-4, 5-6; not 7-8 */
  g_assert_cmpuint (((XaDrillPeriod *) g_ptr_array_index (periods, 0))->n_drills, ==, 1);

  fields.held_on = "2026-10-20";
  drill = xa_drill_book_add (fixture->book, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_drill_get_target_seconds (drill), ==, 150);
  g_assert_false (xa_drill_get_within_target (drill));
  xa_test_assert_chain_holds (store);
}

/* The settings page's save: the education and the drill rules in one transaction; a
 * value out of bounds in either is refused with its setting named and changes neither. */
static void
test_policies (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  XaEducationBook *education = xa_workspace_get_education (fixture->workspace);
  XaEducationPolicy rules;
  XaEducationPolicy read;
  XaDrillPolicy drill;
  g_autofree char *plan = NULL;
  g_autofree char *materials = NULL;

  xa_education_policy_init (&rules);
  xa_drill_policy_init (&drill);
  rules.min_hours_junior = 20;
  drill.school_months = 5;
  g_assert_false (xa_drill_book_save_policies (fixture->book, &drill, &rules, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "演练频次"));
  g_clear_error (&error);
  drill.school_months = 2;
  rules.required_sessions = 0;
  g_assert_false (xa_drill_book_save_policies (fixture->book, &drill, &rules, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, g_dgettext (GETTEXT_PACKAGE, "Sessions that make a person educated")));
  g_clear_error (&error);
  rules.required_sessions = 1;
  rules.legal_lessons = 1001;
  g_assert_false (xa_drill_book_save_policies (fixture->book, &drill, &rules, &error));
  g_assert_nonnull (strstr (error->message, "1001"));
  g_clear_error (&error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM drill_policy"), ==, 0);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM education_policy"), ==, 0);

  rules.legal_lessons = 4;
  g_assert_true (xa_drill_book_save_policies (fixture->book, &drill, &rules, &error));
  g_assert_no_error (error);
  g_assert_true (xa_education_book_read_policy (education, &read, &error));
  g_assert_cmpuint (read.min_hours_junior, ==, 20);
  g_assert_cmpint (xa_test_query_int (store, "SELECT months FROM drill_policy WHERE stage = 'school'"), ==, 2);
  /* Each setting stored for the first time is audited. */
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'education.policy'"), ==, 8);

  /* The year's plan reads back as stored; a year without one reads empty. */
  g_assert_true (xa_education_book_set_plan (education, school_uuid (fixture, 0), 2026, "年度计划", "读本", &error));
  g_assert_true (xa_education_book_read_plan (education, school_uuid (fixture, 0), 2026, &plan, &materials, &error));
  g_assert_cmpstr (plan, ==, "年度计划");
  g_assert_cmpstr (materials, ==, "读本");
  g_clear_pointer (&plan, g_free);
  g_clear_pointer (&materials, g_free);
  g_assert_true (xa_education_book_read_plan (education, school_uuid (fixture, 0), 2025, &plan, &materials, &error));
  g_assert_cmpstr (plan, ==, "");
  xa_test_assert_chain_holds (store);
}

static void
test_problem_hazard (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDrill) drill = add_drill (fixture, 0, "2026-10-12");
  g_autoptr(XaDrill) stored = NULL;
  g_autoptr(XaDrill) source = NULL;
  g_autoptr(XaHazard) hazard = xa_drill_new_hazard (drill, 0);
  g_autoptr(XaHazard) again = xa_drill_new_hazard (drill, 0);
  g_autoptr(XaHazard) incomplete = xa_drill_new_hazard (drill, 1);
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint index = 99;

  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION), ==, "二楼东侧楼梯口疏散时拥堵");
  g_assert_cmpint (xa_hazard_get_category (hazard), ==, XA_HAZARD_CATEGORY_FIRE);

  /* What the ledger refuses (no place, no measures) leaves no hazard and no link. */
  before = xa_test_fingerprint (store);
  g_assert_false (xa_drill_book_record_hazard (fixture->book, xa_drill_get_uuid (drill), 1, incomplete, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = xa_test_fingerprint (store);
  g_assert_cmpstr (before, ==, after);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼二楼东侧楼梯");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "加宽楼梯口，增设疏散指示标志");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  g_assert_true (xa_drill_book_record_hazard (fixture->book, xa_drill_get_uuid (drill), 0, hazard, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xa_hazard_get_number (hazard), "2026-2027"));

  stored = xa_drill_book_dup_drill (fixture->book, xa_drill_get_uuid (drill), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_drill_get_problem_hazard_uuid (stored, 0), ==, xa_hazard_get_uuid (hazard));
  g_assert_cmpstr (xa_drill_get_problem_hazard_number (stored, 0), ==, xa_hazard_get_number (hazard));
  g_assert_null (xa_drill_get_problem_hazard_uuid (stored, 1));
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard"), ==, 1);

  /* The way back, from the hazard to its drill's problem. */
  source = xa_drill_book_dup_hazard_source (fixture->book, xa_hazard_get_uuid (hazard), &index, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpstr (xa_drill_get_uuid (source), ==, xa_drill_get_uuid (drill));
  g_assert_cmpuint (index, ==, 0);

  /* Once is enough. */
  xa_hazard_set_text (again, XA_HAZARD_FIELD_PLACE, "教学楼");
  xa_hazard_set_text (again, XA_HAZARD_FIELD_MEASURES, "引导");
  xa_hazard_set_text (again, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (again, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  g_assert_false (xa_drill_book_record_hazard (fixture->book, xa_drill_get_uuid (drill), 0, again, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_LINKED);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM hazard"), ==, 1);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM audit WHERE action = 'drill.hazard'"), ==, 1);
  xa_test_assert_chain_holds (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/drills/add", test_add);
  ADD ("/drills/frequency", test_frequency);
  ADD ("/drills/policy", test_policy);
  ADD ("/drills/policies", test_policies);
  ADD ("/drills/problem-hazard", test_problem_hazard);
#undef ADD
  g_test_add_func ("/drills/frequency-calendar", test_frequency_calendar);

  return g_test_run ();
}
