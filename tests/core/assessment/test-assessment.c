/* test-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Yearly assessments on either engine (XIAOAN_TEST_SERVER for the server): self and
 * commission scores side by side with the totals (H events deducted from the total),
 * a suggestion taken or overridden with its reason, a veto making 不合格 with the raw
 * score kept, a scheme edited after use making a new version, finalising (refused until
 * every indicator is scored, and while an incident's finding is pending) that locks the
 * assessment, an audited revision keeping the old value, publishing and the ranking;
 * on a server, what a school's login may see and write.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/assessment/xa-assessment-book.h"
#include "core/assessment/xa-evidence-finding.h"
#include "core/education/xa-incident-book.h"
#include "core/registry/xa-demo.h"

#define YEAR 2026

typedef struct
{
  char             *dir;
  char             *location;
  XaWorkspace      *workspace;
  XaAssessmentBook *book;
  GPtrArray        *schools;  /* XaOrganisation */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-assessment-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "考核组");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 3, 7, &error);
  g_assert_no_error (error);
  fixture->book = xa_assessment_book_new (xa_workspace_get_store (fixture->workspace));
  fixture->schools = xa_test_dup_schools (fixture->workspace);
  g_assert_cmpuint (fixture->schools->len, ==, 3);
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
school (Fixture *fixture,
        guint    index)
{
  return xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, index));
}

static XaStore *
store_of (Fixture *fixture)
{
  return xa_workspace_get_store (fixture->workspace);
}

static void
score (XaAssessmentBook *book,
       const char       *school_uuid,
       const char       *code,
       double            value)
{
  g_autoptr(GError) error = NULL;
  XaScoreEntry entry = { code, value, NULL, -1, FALSE, NULL };

  g_assert_true (xa_assessment_book_set_score (book, school_uuid, YEAR, &entry, &error));
  g_assert_no_error (error);
}

/* Every indicator at full points but those given. */
static void
score_all (XaAssessmentBook *book,
           const char       *school_uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaScheme) scheme = xa_scheme_book_dup_current (xa_assessment_book_get_schemes (book), YEAR, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);

      score (book, school_uuid, xa_indicator_get_code (indicator), xa_indicator_get_points (indicator));
    }
}

static XaAssessment *
dup_assessment (Fixture *fixture,
     guint    index)
{
  g_autoptr(GError) error = NULL;
  XaAssessment *assessment = xa_assessment_book_dup (fixture->book, school (fixture, index), YEAR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static void
test_scoring (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  XaScoreEntry take = { "C3", 3, "逾期隐患 3 项", 3, TRUE, NULL };
  XaScoreEntry override = { "D1", 5, NULL, 2, FALSE, NULL };
  XaScoreEntry too_many = { "A1", 3.5, NULL, -1, FALSE, NULL };

  assessment = dup_assessment (fixture, 0);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_NOT_STARTED);
  g_assert_cmpfloat (xa_assessment_get_self_total (assessment), ==, -1);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, -1);
  g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_NONE);
  g_clear_object (&assessment);

  /* The school's self-assessment. */
  g_assert_true (xa_assessment_book_set_self (fixture->book, school (fixture, 0), YEAR, "A1", 2, "分工表未更新", &error));
  g_assert_no_error (error);
  g_assert_true (xa_assessment_book_set_self (fixture->book, school (fixture, 0), YEAR, "C3", 4, NULL, &error));
  g_assert_true (xa_assessment_book_set_self (fixture->book, school (fixture, 0), YEAR, "C3", 4.5, "两项逾期", &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_SELF_ASSESSED);
  g_assert_cmpfloat (xa_assessment_get_self_total (assessment), ==, 100 - 1 - 1.5);
  g_assert_cmpstr (xa_assessment_get_score (assessment, "C3")->self_notes, ==, "两项逾期");
  g_assert_cmpstr (xa_assessment_get_score (assessment, "C3")->self_by, ==, "考核组");
  g_assert_cmpfloat (xa_assessment_group_total (assessment, "A", FALSE), ==, 14);
  g_clear_object (&assessment);

  /* Bad entries change nothing and name the indicator. */
  before = xa_test_fingerprint (store_of (fixture));
  g_assert_false (xa_assessment_book_set_score (fixture->book, school (fixture, 0), YEAR, &too_many, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "A1"));
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_set_score (fixture->book, school (fixture, 0), YEAR, &override, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "D1"));
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_set_self (fixture->book, school (fixture, 0), YEAR, "Z9", 1, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Z9"));
  g_clear_error (&error);
  take.score = 4;  /* not 6 − 3 */
  g_assert_false (xa_assessment_book_set_score (fixture->book, school (fixture, 0), YEAR, &take, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  take.score = 3;
  after = xa_test_fingerprint (store_of (fixture));
  g_assert_cmpstr (before, ==, after);

  /* The commission: a suggestion taken, one overridden with its reason. */
  g_assert_true (xa_assessment_book_set_score (fixture->book, school (fixture, 0), YEAR, &take, &error));
  g_assert_no_error (error);
  override.override_reason = "补录的教育记录已核实，受教育面达标";
  g_assert_true (xa_assessment_book_set_score (fixture->book, school (fixture, 0), YEAR, &override, &error));
  g_assert_no_error (error);
  score (fixture->book, school (fixture, 0), "A1", 2.5);
  assessment = dup_assessment (fixture, 0);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_SCORED);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 100 - 3 - 0.5);
  g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_EXCELLENT);
  g_assert_true (xa_assessment_get_score (assessment, "C3")->accepted);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C3")->suggestion, ==, 3);
  g_assert_false (xa_assessment_get_score (assessment, "D1")->accepted);
  g_assert_cmpstr (xa_assessment_get_score (assessment, "D1")->override_reason, ==, override.override_reason);
  /* Self and commission side by side. */
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C3")->self_score, ==, 4.5);
  g_assert_cmpfloat (xa_assessment_get_self_total (assessment), ==, 97.5);
  g_clear_object (&assessment);

  /* H: 八杜绝 events that are not vetoes come off the total: 96.5 − 2 × 5 = 86.5, 良好. */
  g_assert_false (xa_assessment_book_set_h (fixture->book, school (fixture, 0), YEAR, 2, NULL, &error));
  g_clear_error (&error);
  g_assert_true (xa_assessment_book_set_h (fixture->book, school (fixture, 0), YEAR, 2, "两起一般非责任事故", &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 86.5);
  g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_GOOD);
  g_clear_object (&assessment);

  /* A veto: 不合格, the raw score kept. */
  g_assert_false (xa_assessment_book_record_veto (fixture->book, school (fixture, 0), YEAR, "V9", "无", NULL, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  {
    const char *evidence[] = { "incident:11111111-2222-4333-8444-555555555555", NULL };

    g_assert_true (xa_assessment_book_record_veto (fixture->book, school (fixture, 0), YEAR, "V1", "学生溺水，学校负有责任",
                                                   evidence, "2027-06-30", &error));
    g_assert_no_error (error);
  }
  assessment = dup_assessment (fixture, 0);
  g_assert_true (xa_assessment_get_vetoed (assessment));
  g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_FAIL);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 86.5);
  g_assert_cmpuint (xa_assessment_get_n_vetoes (assessment), ==, 1);
  g_assert_cmpstr (xa_assessment_get_veto (assessment, 0)->ground, ==, "V1");
  g_assert_cmpstr (xa_assessment_get_veto (assessment, 0)->decided_on, ==, "2027-06-30");
  g_assert_cmpstr (xa_assessment_get_veto (assessment, 0)->evidence[0], ==, "incident:11111111-2222-4333-8444-555555555555");
  g_clear_object (&assessment);

  /* Removed before finalising, with a reason: the grade comes back. */
  g_assert_true (xa_assessment_book_remove_veto (fixture->book, school (fixture, 0), YEAR, "V1", "复核认定为非责任事故", &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_false (xa_assessment_get_vetoed (assessment));
  g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_GOOD);
  g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 1);
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->code, ==, "V1");
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->reason, ==, "复核认定为非责任事故");

  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.self'"), ==, 3);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.score'"), ==, 3);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action LIKE 'assessment.veto%'"), ==, 2);
  xa_test_assert_chain_holds (store_of (fixture));
}

static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaSchemeBook *schemes = xa_assessment_book_get_schemes (fixture->book);
  g_autoptr(XaScheme) scheme = NULL;
  g_autoptr(XaScheme) copy = NULL;
  g_autoptr(XaAssessment) first = NULL;
  g_autoptr(XaAssessment) second = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean used = TRUE;

  /* Nothing stored: the default, version 0. */
  scheme = xa_scheme_book_dup_current (schemes, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_scheme_get_version (scheme), ==, 0);

  /* Saved twice before any use: version 1, changed in place. */
  g_assert_cmpuint (xa_scheme_book_save (schemes, scheme, &error), ==, 1);
  g_assert_no_error (error);
  xa_scheme_set_h_rule (scheme, 3, "每起扣3分");
  g_assert_cmpuint (xa_scheme_book_save (schemes, scheme, &error), ==, 1);
  g_assert_true (xa_scheme_book_is_used (schemes, YEAR, 1, &used, &error));
  g_assert_false (used);

  /* A bad scheme is refused, naming the indicator. */
  xa_indicator_set_points (xa_scheme_find_indicator (scheme, "B4"), 6);
  g_assert_cmpuint (xa_scheme_book_save (schemes, scheme, &error), ==, 0);
  g_assert_error (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "B"));
  g_clear_error (&error);
  xa_indicator_set_points (xa_scheme_find_indicator (scheme, "B4"), 5);

  /* Used by a self-assessment: the next edit makes version 2; the assessment keeps 1. */
  g_assert_true (xa_assessment_book_set_self (fixture->book, school (fixture, 0), YEAR, "G1", 10, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xa_scheme_book_is_used (schemes, YEAR, 1, &used, &error));
  g_assert_true (used);
  xa_indicator_set_per_item (xa_scheme_find_indicator (scheme, "C3"), 2);
  xa_indicator_set_standard (xa_scheme_find_indicator (scheme, "G1"), "每发现一起扣3分");
  g_assert_cmpuint (xa_scheme_book_save (schemes, scheme, &error), ==, 2);
  g_assert_no_error (error);
  versions = xa_scheme_book_list_versions (schemes, YEAR, &error);
  g_assert_cmpuint (versions->len, ==, 2);

  first = dup_assessment (fixture, 0);
  g_assert_cmpuint (xa_scheme_get_version (xa_assessment_get_scheme (first)), ==, 1);
  g_assert_cmpfloat (xa_indicator_get_per_item (xa_scheme_find_indicator (xa_assessment_get_scheme (first), "C3")), ==, 1);
  g_assert_cmpfloat (xa_scheme_get_h_points (xa_assessment_get_scheme (first)), ==, 3);
  /* The commission's record follows the school's version. */
  score (fixture->book, school (fixture, 0), "G1", 10);
  g_clear_object (&first);
  first = dup_assessment (fixture, 0);
  g_assert_cmpuint (xa_scheme_get_version (xa_assessment_get_scheme (first)), ==, 1);
  /* Another school starts on version 2. */
  score (fixture->book, school (fixture, 1), "G1", 8);
  second = dup_assessment (fixture, 1);
  g_assert_cmpuint (xa_scheme_get_version (xa_assessment_get_scheme (second)), ==, 2);
  g_assert_cmpfloat (xa_indicator_get_per_item (xa_scheme_find_indicator (xa_assessment_get_scheme (second), "C3")), ==, 2);
  g_assert_cmpfloat (xa_assessment_get_total (second), ==, 98);

  /* Copied to the next year, then compared. */
  copy = xa_scheme_book_copy_year (schemes, YEAR, YEAR + 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_scheme_get_version (copy), ==, 1);
  g_assert_null (xa_scheme_book_copy_year (schemes, YEAR, YEAR + 1, FALSE, &error));
  g_assert_error (error, XA_SCHEME_BOOK_ERROR, XA_SCHEME_BOOK_ERROR_EXISTS);
  g_clear_error (&error);
  changes = xa_scheme_compare (xa_assessment_get_scheme (first), copy);
  g_assert_cmpuint (changes->len, ==, 2);  /* C3's rule, G1's standard */

  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action LIKE 'assessment.scheme.%'"), ==, 4);
  xa_test_assert_chain_holds (store_of (fixture));
}

static void
test_finalise (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = NULL;
  g_autoptr(XaIncident) incident = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) ranking = NULL;
  XaIncidentFields pending = {
    .school_uuid = school (fixture, 1),
    .school_year = YEAR,
    .occurred_on = "2026-11-05",
    .kind = XA_INCIDENT_KIND_TRAFFIC,
    .severity = XA_INCIDENT_SEVERITY_ORDINARY,
    .finding = XA_INCIDENT_FINDING_PENDING,
    .reported_on = "2026-11-05",
    .reporting = XA_INCIDENT_REPORTING_ON_TIME,
    .summary = "校门口学生被电动车撞伤",
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Not scored: nothing to finalise; not all scored: the indicator is named. */
  g_assert_false (xa_assessment_book_finalise (fixture->book, school (fixture, 0), YEAR, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_STATE);
  g_clear_error (&error);
  score (fixture->book, school (fixture, 0), "A1", 3);
  g_assert_false (xa_assessment_book_finalise (fixture->book, school (fixture, 0), YEAR, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "A2"));
  g_clear_error (&error);
  score_all (fixture->book, school (fixture, 0));
  score (fixture->book, school (fixture, 0), "C3", 4);
  score_all (fixture->book, school (fixture, 1));
  score (fixture->book, school (fixture, 1), "E1", 2);

  /* Publishing waits for finalising. */
  g_assert_cmpint (xa_assessment_book_publish (fixture->book, school (fixture, 0), YEAR, &error), ==, -1);
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_STATE);
  g_clear_error (&error);

  /* A pending responsibility finding blocks finalising, naming the incident. */
  incident = xa_incident_book_add (xa_workspace_get_incidents (fixture->workspace), &pending, &error);
  g_assert_no_error (error);
  g_assert_false (xa_assessment_book_finalise (fixture->book, school (fixture, 1), YEAR, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_BLOCKED);
  g_assert_nonnull (strstr (error->message, "校门口学生被电动车撞伤"));
  g_clear_error (&error);

  g_assert_true (xa_assessment_book_finalise (fixture->book, school (fixture, 0), YEAR, &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_FINALISED);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 98);
  g_assert_cmpstr (xa_assessment_get_finalised_by (assessment), ==, "考核组");
  g_clear_object (&assessment);

  /* Locked: neither side changes, nothing is written. */
  before = xa_test_fingerprint (store_of (fixture));
  {
    XaScoreEntry entry = { "C3", 6, NULL, -1, FALSE, NULL };

    g_assert_false (xa_assessment_book_set_score (fixture->book, school (fixture, 0), YEAR, &entry, &error));
    g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED);
    g_clear_error (&error);
  }
  g_assert_false (xa_assessment_book_set_self (fixture->book, school (fixture, 0), YEAR, "C3", 6, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_record_veto (fixture->book, school (fixture, 0), YEAR, "V2", "案件", NULL, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_revise (fixture->book, school (fixture, 0), YEAR, "C3", 5, NULL, "", &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_revise (fixture->book, school (fixture, 1), YEAR, "C3", 5, NULL, "复核", &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_STATE);
  g_clear_error (&error);
  after = xa_test_fingerprint (store_of (fixture));
  g_assert_cmpstr (before, ==, after);

  /* Published: the ranking shows it. */
  g_assert_cmpint (xa_assessment_book_publish (fixture->book, NULL, YEAR, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (xa_assessment_book_publish (fixture->book, NULL, YEAR, &error), ==, 0);
  ranking = xa_assessment_book_list_ranking (fixture->book, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 1);
  g_assert_cmpfloat (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->total, ==, 98);
  g_assert_cmpint (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->grade, ==, XA_GRADE_EXCELLENT);
  g_clear_pointer (&ranking, g_ptr_array_unref);

  /* A revision: audited, the old value kept, the published result updated. */
  g_assert_true (xa_assessment_book_revise (fixture->book, school (fixture, 0), YEAR, "C3", 6, "整改材料补交", "复核后撤销扣分",
                                            &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 100);
  g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 1);
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->code, ==, "C3");
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->old_value, ==, "4");
  g_assert_nonnull (strstr (xa_assessment_get_revision (assessment, 0)->new_value, "6"));
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->reason, ==, "复核后撤销扣分");
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_FINALISED);
  ranking = xa_assessment_book_list_ranking (fixture->book, YEAR, &error);
  g_assert_cmpfloat (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->total, ==, 100);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.revise'"), ==, 1);

  /* The district view: ranked by the commission's total, the third not started. */
  list = xa_assessment_book_list (fixture->book, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (xa_assessment_get_school_uuid (g_ptr_array_index (list, 0)), ==, school (fixture, 0));
  g_assert_cmpuint (xa_assessment_get_rank (g_ptr_array_index (list, 0)), ==, 1);
  g_assert_cmpint (xa_assessment_get_state (g_ptr_array_index (list, 0)), ==, XA_ASSESSMENT_STATE_FINALISED);
  g_assert_cmpuint (xa_assessment_get_rank (g_ptr_array_index (list, 1)), ==, 2);
  g_assert_cmpfloat (xa_assessment_get_total (g_ptr_array_index (list, 1)), ==, 95);
  g_assert_cmpint (xa_assessment_get_state (g_ptr_array_index (list, 1)), ==, XA_ASSESSMENT_STATE_SCORED);
  g_assert_cmpuint (xa_assessment_get_rank (g_ptr_array_index (list, 2)), ==, 0);
  g_assert_cmpint (xa_assessment_get_state (g_ptr_array_index (list, 2)), ==, XA_ASSESSMENT_STATE_NOT_STARTED);
  xa_test_assert_chain_holds (store_of (fixture));

  /* The whole store moves to the other engine (or another store of the same) with its
   * assessments: the same rows, the same district view, a chain that holds. */
  {
    const char *tables[] = { "assessment_scheme", "assessment_self", "assessment", "assessment_score",
                             "assessment_veto", "assessment_revision", NULL };
    g_autoptr(XaStore) other = xa_test_store_new ();
    g_autoptr(XaAssessmentBook) copied = xa_assessment_book_new (other);
    g_autoptr(GPtrArray) again = NULL;
    g_autofree char *here = xa_test_fingerprint_tables (store_of (fixture), tables);
    g_autofree char *there = NULL;

    g_assert_true (xa_store_copy (store_of (fixture), other, NULL, &error));
    g_assert_no_error (error);
    there = xa_test_fingerprint_tables (other, tables);
    g_assert_cmpstr (here, ==, there);
    again = xa_assessment_book_list (copied, YEAR, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 3);
    g_assert_cmpfloat (xa_assessment_get_total (g_ptr_array_index (again, 0)), ==, 100);
    g_assert_cmpfloat (xa_assessment_get_total (g_ptr_array_index (again, 1)), ==, 95);
    g_assert_cmpuint (xa_assessment_get_n_revisions (g_ptr_array_index (again, 0)), ==, 1);
    xa_test_assert_chain_holds (other);
  }

  g_clear_object (&assessment);
  g_clear_pointer (&ranking, g_ptr_array_unref);

  /* The H events too: 100 − 5. */
  g_assert_false (xa_assessment_book_revise (fixture->book, school (fixture, 0), YEAR, "H", 1.5, NULL, "补报", &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xa_assessment_book_revise (fixture->book, school (fixture, 0), YEAR, "H", 1, "补报一起一般事故", "事故补报",
                                            &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 95);
  g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 2);
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 1)->old_value, ==, "0");
  ranking = xa_assessment_book_list_ranking (fixture->book, YEAR, &error);
  g_assert_cmpfloat (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->total, ==, 95);

  /* Equal totals share a rank. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = xa_assessment_book_list (fixture->book, YEAR, &error);
  g_assert_cmpuint (xa_assessment_get_rank (g_ptr_array_index (list, 0)), ==, 1);
  g_assert_cmpuint (xa_assessment_get_rank (g_ptr_array_index (list, 1)), ==, 1);
  g_assert_cmpuint (xa_assessment_get_rank (g_ptr_array_index (list, 2)), ==, 0);
  xa_test_assert_chain_holds (store_of (fixture));
}

/* A veto withdrawn after finalising and publishing: refused without a reason; then a
 * revision (the decision withdrawn, the reason, who), the grade the score's again, the
 * published ranking following. */
static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = NULL;
  g_autoptr(GPtrArray) ranking = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  score_all (fixture->book, school (fixture, 0));
  score (fixture->book, school (fixture, 0), "C3", 4);
  g_assert_true (xa_assessment_book_record_veto (fixture->book, school (fixture, 0), YEAR, "V2", "发生刑事案件", NULL,
                                                 "2026-12-01", &error));
  g_assert_no_error (error);
  g_assert_true (xa_assessment_book_finalise (fixture->book, school (fixture, 0), YEAR, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_assessment_book_publish (fixture->book, NULL, YEAR, &error), ==, 1);
  ranking = xa_assessment_book_list_ranking (fixture->book, YEAR, &error);
  g_assert_true (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->vetoed);
  g_clear_pointer (&ranking, g_ptr_array_unref);

  before = xa_test_fingerprint (store_of (fixture));
  g_assert_false (xa_assessment_book_remove_veto (fixture->book, school (fixture, 0), YEAR, "V2", "", &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_remove_veto (fixture->book, school (fixture, 0), YEAR, "V3", "复核", &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = xa_test_fingerprint (store_of (fixture));
  g_assert_cmpstr (before, ==, after);

  g_assert_true (xa_assessment_book_remove_veto (fixture->book, school (fixture, 0), YEAR, "V2", "法院判决与学校无关", &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 0);
  g_assert_false (xa_assessment_get_vetoed (assessment));
  g_assert_cmpfloat (xa_assessment_get_total (assessment), ==, 98);
  g_assert_cmpint (xa_assessment_get_grade (assessment), ==, XA_GRADE_EXCELLENT);
  g_assert_cmpint (xa_assessment_get_state (assessment), ==, XA_ASSESSMENT_STATE_FINALISED);
  g_assert_cmpuint (xa_assessment_get_n_revisions (assessment), ==, 1);
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->code, ==, "V2");
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->old_value, ==, "发生刑事案件");
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->reason, ==, "法院判决与学校无关");
  g_assert_cmpstr (xa_assessment_get_revision (assessment, 0)->by, ==, "考核组");
  ranking = xa_assessment_book_list_ranking (fixture->book, YEAR, &error);
  g_assert_false (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->vetoed);
  g_assert_cmpint (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->grade, ==, XA_GRADE_EXCELLENT);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.veto.remove'"), ==, 1);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.revise'"), ==, 1);
  xa_test_assert_chain_holds (store_of (fixture));
}

static XaEvidenceFinding *
finding_new (Fixture    *fixture,
             const char *key,
             double      value)
{
  XaEvidenceFinding *finding = xa_evidence_finding_new (key, school (fixture, 1), YEAR);

  xa_evidence_finding_set_value (finding, value, "项");
  return finding;
}

/* "Score the rest as suggested": the indicators scored keep their scores; those with a
 * finding take its suggestion (C3: 8 overdue × 1, capped at 6; D1 at 99.2 %: stepped, 2)
 * in one transaction; the rest (manual, or no finding) stay unscored and are named. The
 * undo takes exactly those scores back; refused once finalised. */
static void
test_score_suggested (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) scored = NULL;
  g_auto(GStrv) manual = NULL;
  const char *one[] = { "C1", NULL };
  guint n_indicators;

  g_ptr_array_add (findings, finding_new (fixture, "hazards.overdue", 8));
  g_ptr_array_add (findings, finding_new (fixture, "education.coverage", 99.2));
  g_ptr_array_add (findings, finding_new (fixture, "inspections.missed_monthly", 2));
  score (fixture->book, school (fixture, 1), "C1", 1);

  g_assert_true (xa_assessment_book_score_suggested (fixture->book, school (fixture, 1), YEAR, findings,
                                                     &scored, &manual, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (scored), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) scored, "C3"));
  g_assert_true (g_strv_contains ((const char * const *) scored, "D1"));
  g_assert_false (g_strv_contains ((const char * const *) manual, "C1"));
  g_assert_true (g_strv_contains ((const char * const *) manual, "A1"));
  assessment = dup_assessment (fixture, 1);
  n_indicators = xa_scheme_get_n_indicators (xa_assessment_get_scheme (assessment));
  g_assert_cmpuint (g_strv_length (scored) + g_strv_length (manual) + 1, ==, n_indicators);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C1")->score, ==, 1);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C3")->score, ==, 0);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C3")->suggestion, ==, 6);
  g_assert_true (xa_assessment_get_score (assessment, "C3")->accepted);
  g_assert_nonnull (strstr (xa_assessment_get_score (assessment, "C3")->notes, "8"));
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "D1")->suggestion, ==, 2);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "A1")->score, <, 0);
  g_clear_object (&assessment);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.score'"), ==, 3);

  /* Undone: C3 and D1 unscored again, C1 kept. */
  g_assert_true (xa_assessment_book_unscore (fixture->book, school (fixture, 1), YEAR, (const char * const *) scored, &error));
  g_assert_no_error (error);
  assessment = dup_assessment (fixture, 1);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C3")->score, <, 0);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "D1")->score, <, 0);
  g_assert_cmpfloat (xa_assessment_get_score (assessment, "C1")->score, ==, 1);
  g_clear_object (&assessment);
  g_assert_cmpint (xa_test_query_int (store_of (fixture), "SELECT count(*) FROM audit WHERE action = 'assessment.unscore'"), ==, 2);

  /* Finalised: neither is allowed. */
  score_all (fixture->book, school (fixture, 1));
  g_assert_true (xa_assessment_book_finalise (fixture->book, school (fixture, 1), YEAR, &error));
  g_assert_no_error (error);
  g_assert_false (xa_assessment_book_unscore (fixture->book, school (fixture, 1), YEAR, one, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_score_suggested (fixture->book, school (fixture, 1), YEAR, findings, NULL, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  xa_test_assert_chain_holds (store_of (fixture));
}

/* Server only: a school's login writes its own self-assessment, never the commission's
 * scores; sees no other school; sees the commission's scores and the ranking only once
 * published, and cannot change its self-assessment after finalising. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "考核组");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autoptr(XaAssessmentBook) commission = xa_assessment_book_new (admin_store);
  g_autofree char *role_a = g_strdup_printf ("assess_a_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaAssessmentBook) own = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaAssessment) seen = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) ranking = NULL;
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (YEAR);
  XaScoreEntry entry = { "C3", 4, "逾期隐患 2 项", -1, FALSE, NULL };

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  g_assert_cmpuint (xa_scheme_book_save (xa_assessment_book_get_schemes (commission), scheme, &error), ==, 1);
  g_assert_no_error (error);
  score_all (commission, xa_organisation_get_uuid (a));
  score_all (commission, xa_organisation_get_uuid (b));
  g_assert_true (xa_assessment_book_set_score (commission, xa_organisation_get_uuid (a), YEAR, &entry, &error));
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  g_assert_no_error (error);
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);
  own = xa_assessment_book_new (xa_workspace_get_store (school_a));

  /* Not before the commission has set the year's scheme. */
  g_assert_false (xa_assessment_book_set_self (own, xa_organisation_get_uuid (a), YEAR + 1, "C3", 5, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_STATE);
  g_clear_error (&error);

  /* Its own self-assessment, yes; another school's, no. */
  g_assert_true (xa_assessment_book_set_self (own, xa_organisation_get_uuid (a), YEAR, "C3", 5, "一项逾期", &error));
  g_assert_no_error (error);
  g_assert_false (xa_assessment_book_set_self (own, xa_organisation_get_uuid (b), YEAR, "C3", 5, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  /* The commission's scores: not written, not seen before publication. */
  entry.score = 6;
  g_assert_false (xa_assessment_book_set_score (own, xa_organisation_get_uuid (a), YEAR, &entry, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (xa_assessment_book_finalise (own, xa_organisation_get_uuid (a), YEAR, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  seen = xa_assessment_book_dup (own, xa_organisation_get_uuid (a), YEAR, &error);
  g_assert_no_error (error);
  g_assert_false (xa_assessment_get_commission_visible (seen));
  g_assert_cmpfloat (xa_assessment_get_total (seen), ==, -1);
  g_assert_cmpfloat (xa_assessment_get_score (seen, "C3")->score, ==, -1);
  g_assert_cmpfloat (xa_assessment_get_score (seen, "C3")->self_score, ==, 5);
  g_assert_cmpint (xa_assessment_get_state (seen), ==, XA_ASSESSMENT_STATE_SELF_ASSESSED);
  g_clear_object (&seen);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (school_a), "SELECT count(*) FROM assessment_score"), ==, 0);
  list = xa_assessment_book_list (own, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  ranking = xa_assessment_book_list_ranking (own, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 0);
  g_clear_pointer (&ranking, g_ptr_array_unref);

  /* The commission sees the school's self-assessment. */
  seen = xa_assessment_book_dup (commission, xa_organisation_get_uuid (a), YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (xa_assessment_get_score (seen, "C3")->self_score, ==, 5);
  g_assert_cmpfloat (xa_assessment_get_total (seen), ==, 98);
  g_clear_object (&seen);

  /* Finalised: the school's self-assessment is locked, even though it cannot see the
   * commission's record; still unpublished, nothing of the commission's shows. */
  g_assert_true (xa_assessment_book_finalise (commission, xa_organisation_get_uuid (a), YEAR, &error));
  g_assert_no_error (error);
  g_assert_true (xa_assessment_book_finalise (commission, xa_organisation_get_uuid (b), YEAR, &error));
  g_assert_no_error (error);
  g_assert_false (xa_assessment_book_set_self (own, xa_organisation_get_uuid (a), YEAR, "C3", 6, NULL, &error));
  g_assert_error (error, XA_ASSESSMENT_BOOK_ERROR, XA_ASSESSMENT_BOOK_ERROR_LOCKED);
  g_clear_error (&error);
  seen = xa_assessment_book_dup (own, xa_organisation_get_uuid (a), YEAR, &error);
  g_assert_cmpfloat (xa_assessment_get_total (seen), ==, -1);
  g_clear_object (&seen);

  /* Published: its scores and the ranking, with the other school's result. */
  g_assert_cmpint (xa_assessment_book_publish (commission, NULL, YEAR, &error), ==, 2);
  g_assert_no_error (error);
  seen = xa_assessment_book_dup (own, xa_organisation_get_uuid (a), YEAR, &error);
  g_assert_no_error (error);
  g_assert_true (xa_assessment_get_commission_visible (seen));
  g_assert_cmpfloat (xa_assessment_get_total (seen), ==, 98);
  g_assert_cmpstr (xa_assessment_get_score (seen, "C3")->notes, ==, "逾期隐患 2 项");
  g_assert_cmpint (xa_assessment_get_state (seen), ==, XA_ASSESSMENT_STATE_FINALISED);
  ranking = xa_assessment_book_list_ranking (own, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranking->len, ==, 2);
  g_assert_cmpstr (((XaRankingEntry *) g_ptr_array_index (ranking, 0))->school_uuid, ==, xa_organisation_get_uuid (b));
  g_assert_cmpuint (((XaRankingEntry *) g_ptr_array_index (ranking, 1))->rank, ==, 2);
  /* Still not the other school's scores. */
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (school_a),
                                      "SELECT count(DISTINCT assessment_id) FROM assessment_score"), ==, 1);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (school_a), "SELECT count(*) FROM assessment"), ==, 1);
  xa_test_assert_chain_holds (admin_store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/assessment/scoring", Fixture, NULL, fixture_set_up, test_scoring, fixture_tear_down);
  g_test_add ("/assessment/versions", Fixture, NULL, fixture_set_up, test_versions, fixture_tear_down);
  g_test_add ("/assessment/finalise", Fixture, NULL, fixture_set_up, test_finalise, fixture_tear_down);
  g_test_add ("/assessment/withdraw", Fixture, NULL, fixture_set_up, test_withdraw, fixture_tear_down);
  g_test_add ("/assessment/score-suggested", Fixture, NULL, fixture_set_up, test_score_suggested, fixture_tear_down);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/assessment/access", test_access);

  return g_test_run ();
}
