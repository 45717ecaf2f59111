/* test-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evidence finders on either engine (XIAOAN_TEST_SERVER for the server): a school
 * year of two schools built by hand through the books (hazards overdue on a given day,
 * a missed monthly inspection, a class session with an absentee, drills missing months,
 * campaigns not done, a dispute that led to 越级上访, a 九无 violation, a late report, a
 * responsible person's term ended, a plan without rules), and every finding's value,
 * description and records checked against the numbers counted by hand.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "core/assessment/xa-evidence.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-plan.h"
#include "core/registry/xa-demo.h"

#define TODAY "2021-11-15"

typedef struct
{
  char        *dir;
  char        *location;
  XaWorkspace *workspace;
  GPtrArray   *schools;     /* XaOrganisation: A and B */
  guint        n_campaigns;
  guint        legal_minimum;
  /* Records that must show among the findings' items */
  char        *overdue[4];  /* A's overdue hazards, by deadline, NULL-ended */
  char        *unreported;  /* A's 重大 hazard not reported */
  char        *late;        /* A's incident reported late */
  char        *nine_no;     /* A's 九无 violation */
  char        *dispute;     /* A's dispute that led to 越级上访 */
  char        *absentees;   /* A's class session with an absentee */
  char        *campaign;    /* the campaign A completed */
} Fixture;

static const char *
school_uuid (Fixture *fixture,
             guint    index)
{
  return xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, index));
}

static char *
add_hazard (Fixture       *fixture,
            guint          school,
            XaHazardGrade  grade,
            const char    *deadline,
            XaHazardState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = xa_hazard_new ();
  XaHazardBook *book = xa_workspace_get_hazards (fixture->workspace);
  static const XaHazardStep steps[] = { XA_HAZARD_STEP_START, XA_HAZARD_STEP_COMPLETE, XA_HAZARD_STEP_PASS, XA_HAZARD_STEP_CLOSE };
  guint n_steps = state == XA_HAZARD_STATE_PENDING ? 0 : state == XA_HAZARD_STATE_RECTIFYING ? 1
                  : state == XA_HAZARD_STATE_REINSPECTING ? 2 : 4;

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, school_uuid (fixture, school));
  xa_hazard_set_school_year (hazard, 2021);
  xa_hazard_set_inspection_type (hazard, XA_INSPECTION_WEEKLY);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, "2021-09-03");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "张老师");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼三楼配电箱");
  xa_hazard_set_category (hazard, XA_HAZARD_CATEGORY_ELECTRICITY);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "电线裸露");
  xa_hazard_set_grade (hazard, grade);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "包扎裸露电线");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  if (grade == XA_HAZARD_GRADE_MAJOR && state != XA_HAZARD_STATE_PENDING)
    {
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES, "拉警戒线");
      xa_hazard_set_reported (hazard, TRUE);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REPORTED_ON, "2021-09-03");
      xa_hazard_set_supervised (hazard, TRUE);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SUPERVISOR, "区教委");
    }
  g_assert_true (xa_hazard_book_add (book, hazard, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_steps; i++)
    {
      XaHazardStepInput input = { "王校长", "2021-09-06", NULL, NULL };

      g_assert_true (xa_hazard_book_step (book, hazard, steps[i], &input, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (xa_hazard_get_state (hazard), ==, state);
  return g_strdup (xa_hazard_get_uuid (hazard));
}

static void
add_monthly_inspection (Fixture    *fixture,
                        guint       school,
                        const char *date)
{
  g_autoptr(GError) error = NULL;
  XaInspectionBook *book = xa_workspace_get_inspections (fixture->workspace);
  g_autoptr(GPtrArray) checklists = xa_inspection_book_dup_checklists (book, &error);
  g_autoptr(XaInspection) inspection = xa_inspection_new ();

  g_assert_no_error (error);
  xa_inspection_set_school_uuid (inspection, school_uuid (fixture, school));
  xa_inspection_set_school_year (inspection, 2021);
  xa_inspection_set_inspection_type (inspection, XA_INSPECTION_MONTHLY);
  xa_inspection_set_inspected_on (inspection, date);
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_set_inspectors (inspection, "总务处张老师");
  xa_inspection_add_checklist (inspection, g_ptr_array_index (checklists, 0));
  g_assert_true (xa_inspection_book_add (book, inspection, &error));
  g_assert_no_error (error);
}

static void
add_drill (Fixture    *fixture,
           guint       school,
           const char *date)
{
  g_autoptr(GError) error = NULL;
  XaDrillFields fields = {
    .school_uuid = school_uuid (fixture, school),
    .school_year = 2021,
    .held_on = date,
    .kind = XA_DRILL_KIND_FIRE,
    .organiser = "安全办张主任",
    .participants = 812,
    .evacuation_seconds = 110,
    .target_seconds = 120,
  };
  g_autoptr(XaDrill) drill = xa_drill_book_add (xa_workspace_get_drills (fixture->workspace), &fields, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drill);
}

static char *
add_incident (Fixture             *fixture,
              guint                school,
              XaIncidentKind       kind,
              XaIncidentFinding    finding,
              XaIncidentReporting  reporting,
              const char          *summary)
{
  g_autoptr(GError) error = NULL;
  XaIncidentFields fields = {
    .school_uuid = school_uuid (fixture, school),
    .school_year = 2021,
    .occurred_on = "2021-10-12",
    .kind = kind,
    .severity = XA_INCIDENT_SEVERITY_ORDINARY,
    .finding = finding,
    .affected = 2,
    .reported_on = reporting == XA_INCIDENT_REPORTING_LATE ? "2021-10-20" : "2021-10-12",
    .reporting = reporting,
    .summary = summary,
  };
  g_autoptr(XaIncident) incident = xa_incident_book_add (xa_workspace_get_incidents (fixture->workspace), &fields, &error);

  g_assert_no_error (error);
  return g_strdup (xa_incident_get_uuid (incident));
}

static char *
add_class_sessions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaEducationBook *book = xa_workspace_get_education (fixture->workspace);
  g_autofree char *path = g_build_filename (fixture->dir, "花名册.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *absent[] = { "赵磊", NULL };
  g_autoptr(XaEducationRecord) class_session = NULL;
  g_autoptr(XaEducationRecord) staff_session = NULL;
  XaEducationRecord *record;

  g_assert_true (g_file_set_contents (path,
                                      "年级,班级,姓名,学号,不计入原因\n"
                                      "七年级,(1)班,李华,S001,\n"
                                      "七年级,(1)班,王芳,S002,\n"
                                      "七年级,(1)班,赵磊,S003,\n"
                                      "教职工,,周老师,T01,\n"
                                      "教职工,,吴老师,T02,\n", -1, NULL));
  g_assert_true (xa_education_book_import_roster (book, school_uuid (fixture, 0), 2021, file, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Three in the class, one absent; both of the staff, taught by the 法治副校长. */
  record = xa_education_record_new ();
  xa_education_record_set_school_uuid (record, school_uuid (fixture, 0));
  xa_education_record_set_school_year (record, 2021);
  xa_education_record_set_held_on (record, "2021-09-10");
  xa_education_record_set_week (record, 1, 2);
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(1)班");
  xa_education_record_set_form (record, XA_EDUCATION_FORM_CLASS_MEETING);
  xa_education_record_set_topic (record, "drowning");
  xa_education_record_set_title (record, "防溺水主题班会");
  xa_education_record_set_teacher (record, "周老师", XA_TEACHER_KIND_CLASS_TEACHER);
  xa_education_record_set_hours (record, 1);
  xa_education_record_set_attendance (record, 3, 2);
  xa_education_record_set_absentees (record, absent);
  class_session = xa_education_book_add (book, record, &error);
  g_assert_no_error (error);
  g_object_unref (record);

  record = xa_education_record_new ();
  xa_education_record_set_school_uuid (record, school_uuid (fixture, 0));
  xa_education_record_set_school_year (record, 2021);
  xa_education_record_set_held_on (record, "2021-09-17");
  xa_education_record_set_week (record, 1, 3);
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_STAFF, NULL, NULL);
  xa_education_record_set_form (record, XA_EDUCATION_FORM_CLASS_MEETING);
  xa_education_record_set_topic (record, "drowning");
  xa_education_record_set_title (record, "教职工法治讲座");
  xa_education_record_set_teacher (record, "派出所 王警官", XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL);
  xa_education_record_set_hours (record, 2);
  xa_education_record_set_attendance (record, 2, 2);
  staff_session = xa_education_book_add (book, record, &error);
  g_assert_no_error (error);
  g_object_unref (record);

  return g_strdup (xa_education_record_get_uuid (class_session));
}

static void
set_primary (Fixture *fixture,
             guint    index)
{
  g_autoptr(GError) error = NULL;
  XaOrganisation *school = g_ptr_array_index (fixture->schools, index);

  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  xa_organisation_set_stages (school, xa_school_type_default_stages (XA_SCHOOL_TYPE_PRIMARY));
  g_assert_true (xa_school_registry_update_school (xa_workspace_get_registry (fixture->workspace), school, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaSchoolRegistry *registry;
  XaInspectionBook *inspections;
  XaStore *store;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(XaCampaignRecord) complete = NULL;
  g_autoptr(XaCampaignRecord) started = NULL;
  g_autoptr(XaRole) direct = NULL;
  g_autoptr(XaDispute) loud = NULL;
  g_autoptr(XaDispute) quiet = NULL;
  g_autofree char *plan = NULL;
  XaEducationPolicy policy;

  fixture->dir = g_dir_make_tmp ("xiaoan-evidence-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全办");
  registry = xa_workspace_get_registry (fixture->workspace);
  inspections = xa_workspace_get_inspections (fixture->workspace);
  store = xa_workspace_get_store (fixture->workspace);
  xa_demo_fill (registry, 2, 7, &error);
  g_assert_no_error (error);
  fixture->schools = xa_test_dup_schools (fixture->workspace);
  g_assert_cmpuint (fixture->schools->len, ==, 2);
  set_primary (fixture, 0);
  set_primary (fixture, 1);
  g_assert_true (xa_education_book_read_policy (xa_workspace_get_education (fixture->workspace), &policy, &error));
  fixture->legal_minimum = policy.legal_lessons;
  g_assert_cmpuint (fixture->legal_minimum, >, 2);

  /* Hazards, judged on 2021-11-15: A has three overdue (one of them 重大 and not
   * reported, one reported fixed and never re-inspected), one not yet due, a reported
   * 重大 one not yet due and a closed one; B one overdue. */
  fixture->overdue[0] = add_hazard (fixture, 0, XA_HAZARD_GRADE_GENERAL, "2021-10-10", XA_HAZARD_STATE_PENDING);
  fixture->overdue[2] = add_hazard (fixture, 0, XA_HAZARD_GRADE_GENERAL, "2021-11-01", XA_HAZARD_STATE_REINSPECTING);
  fixture->overdue[1] = add_hazard (fixture, 0, XA_HAZARD_GRADE_MAJOR, "2021-10-20", XA_HAZARD_STATE_PENDING);
  fixture->unreported = g_strdup (fixture->overdue[1]);
  g_free (add_hazard (fixture, 0, XA_HAZARD_GRADE_GENERAL, "2021-12-01", XA_HAZARD_STATE_PENDING));
  g_free (add_hazard (fixture, 0, XA_HAZARD_GRADE_MAJOR, "2021-12-31", XA_HAZARD_STATE_RECTIFYING));
  g_free (add_hazard (fixture, 0, XA_HAZARD_GRADE_GENERAL, "2021-09-10", XA_HAZARD_STATE_CLOSED));
  g_free (add_hazard (fixture, 1, XA_HAZARD_GRADE_GENERAL, "2021-09-30", XA_HAZARD_STATE_RECTIFYING));

  /* A's September inspection and drill; October missed. B: neither month. */
  add_monthly_inspection (fixture, 0, "2021-09-20");
  add_drill (fixture, 0, "2021-09-15");

  /* Campaigns: A completed one and began another; B none. */
  g_assert_true (xa_inspection_book_launch_campaigns (inspections, 2021, NULL, &error));
  g_assert_no_error (error);
  campaigns = xa_inspection_book_list_campaigns (inspections, 2021, &error);
  fixture->n_campaigns = campaigns->len;
  g_assert_cmpuint (fixture->n_campaigns, >, 2);
  fixture->campaign = g_strdup (xa_campaign_get_uuid (g_ptr_array_index (campaigns, 0)));
  complete = xa_inspection_book_dup_campaign_record (inspections, fixture->campaign, school_uuid (fixture, 0), &error);
  xa_campaign_record_set_plan (complete, "工作方案");
  xa_campaign_record_set_activities (complete, "2021-10-20 主题班会");
  xa_campaign_record_set_summary (complete, "工作总结");
  g_assert_true (xa_inspection_book_save_campaign_record (inspections, complete, &error));
  g_assert_no_error (error);
  started = xa_inspection_book_dup_campaign_record (inspections, xa_campaign_get_uuid (g_ptr_array_index (campaigns, 1)),
                                                    school_uuid (fixture, 0), &error);
  xa_campaign_record_set_plan (started, "工作方案");
  g_assert_true (xa_inspection_book_save_campaign_record (inspections, started, &error));
  g_assert_no_error (error);

  fixture->absentees = add_class_sessions (fixture);

  /* Incidents of A: a fire reported late (neither responsible nor serious: H), a 九无
   * violation, and a drowning with a responsibility finding (a veto, not H). */
  fixture->late = add_incident (fixture, 0, XA_INCIDENT_KIND_FIRE, XA_INCIDENT_FINDING_NOT_RESPONSIBLE,
                                XA_INCIDENT_REPORTING_LATE, "食堂油锅起火，已扑灭");
  fixture->nine_no = add_incident (fixture, 0, XA_INCIDENT_KIND_NINE_NO, XA_INCIDENT_FINDING_RESPONSIBLE,
                                   XA_INCIDENT_REPORTING_ON_TIME, "教职工驾车高峰时段进出校门");
  g_free (add_incident (fixture, 0, XA_INCIDENT_KIND_DROWNING, XA_INCIDENT_FINDING_RESPONSIBLE,
                        XA_INCIDENT_REPORTING_ON_TIME, "学生课间溺水"));

  /* A's dispute led to 越级上访, another did not. */
  {
    XaDisputeFields fields = { school_uuid (fixture, 0), 2021, NULL, "2021-10-08", "家长—班主任", "family-school",
                               "家长对课后服务收费有异议", NULL, "德育处 李老师" };

    loud = xa_dispute_add (store, &fields, &error);
    g_assert_no_error (error);
    quiet = xa_dispute_add (store, &fields, &error);
    g_assert_no_error (error);
    g_assert_true (xa_dispute_set_escalated (store, xa_dispute_get_uuid (loud), "2021-11-02", &error));
    g_assert_no_error (error);
    fixture->dispute = g_strdup (xa_dispute_get_uuid (loud));
  }

  /* B's 直接责任人 left on 2021-10-01 and nobody followed. */
  direct = xa_school_registry_dup_role_holder (registry, school_uuid (fixture, 1), XA_ROLE_KIND_DIRECT_RESPONSIBLE,
                                               TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (direct);
  g_assert_true (xa_school_registry_end_role (registry, xa_role_get_uuid (direct), "2021-10-01", &error));
  g_assert_no_error (error);

  /* A has an emergency plan and no rules; B neither (its plan is adopted later). */
  plan = xa_plan_add (store, school_uuid (fixture, 0), "plan", "火灾应急疏散预案", NULL, "2021-09-01", "2022-09-01", &error);
  g_assert_no_error (error);
  g_free (xa_plan_add (store, school_uuid (fixture, 1), "plan", "火灾应急疏散预案", NULL, "2021-12-01", "2022-12-01", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->overdue); i++)
    g_free (fixture->overdue[i]);
  g_free (fixture->unreported);
  g_free (fixture->late);
  g_free (fixture->nine_no);
  g_free (fixture->dispute);
  g_free (fixture->absentees);
  g_free (fixture->campaign);
}

static XaEvidenceFinding *
find (Fixture    *fixture,
      const char *key,
      guint       school,
      const char *today)
{
  g_autoptr(GError) error = NULL;
  XaEvidenceFinding *finding = xa_evidence_find (fixture->workspace, key, school_uuid (fixture, school), 2021, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (finding);
  g_assert_cmpstr (xa_evidence_finding_get_key (finding), ==, key);
  g_assert_cmpstr (xa_evidence_finding_get_school_uuid (finding), ==, school_uuid (fixture, school));
  return finding;
}

static XaEvidenceItem *
item (XaEvidenceFinding *finding,
      guint              index)
{
  XaEvidenceItem *found = g_list_model_get_item (xa_evidence_finding_get_items (finding), index);

  g_object_unref (found);  /* the finding keeps it */
  return found;
}

/* Asserts the value, that the description states it, and the UUIDs of the items. */
static void
assert_finding (XaEvidenceFinding  *finding,
                double              value,
                const char         *in_description,
                XaEvidenceKind      kind,
                const char * const *uuids)
{
  guint n = uuids != NULL ? g_strv_length ((char **) uuids) : 0;

  g_assert_cmpfloat_with_epsilon (xa_evidence_finding_get_value (finding), value, 0.001);
  if (strstr (xa_evidence_finding_get_description (finding), in_description) == NULL)
    g_error ("%s: “%s” does not say “%s”", xa_evidence_finding_get_key (finding),
             xa_evidence_finding_get_description (finding), in_description);
  if (uuids == NULL)
    return;
  if (xa_evidence_finding_get_n_items (finding) != n)
    g_error ("%s: %u items, expected %u; first: %s", xa_evidence_finding_get_key (finding),
             xa_evidence_finding_get_n_items (finding), n,
             xa_evidence_item_get_label (item (finding, 0)));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (xa_evidence_item_get_kind (item (finding, i)), ==, kind);
      g_assert_cmpstr (xa_evidence_item_get_uuid (item (finding, i)), ==, uuids[i]);
      g_assert_cmpuint (strlen (xa_evidence_item_get_label (item (finding, i))), >, 0);
    }
}

static void
test_hazards (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaEvidenceFinding) overdue = find (fixture, "hazards.overdue", 0, TODAY);
  g_autoptr(XaEvidenceFinding) overdue_b = find (fixture, "hazards.overdue", 1, TODAY);
  g_autoptr(XaEvidenceFinding) early = find (fixture, "hazards.overdue", 0, "2021-10-15");
  g_autoptr(XaEvidenceFinding) unreported = find (fixture, "hazards.major_unreported", 0, TODAY);
  g_autoptr(XaEvidenceFinding) unclosed = find (fixture, "hazards.unclosed", 0, TODAY);
  g_autoptr(XaEvidenceFinding) unclosed_b = find (fixture, "hazards.unclosed", 1, TODAY);

  /* By deadline: 10-10, 10-20, 11-01; each dated by its deadline. */
  assert_finding (overdue, 3, "3 hazards", XA_EVIDENCE_KIND_HAZARD, (const char * const *) fixture->overdue);
  g_assert_cmpstr (xa_evidence_item_get_date (item (overdue, 0)), ==, "2021-10-10");
  g_assert_nonnull (strstr (xa_evidence_item_get_label (item (overdue, 0)), "电线裸露"));
  g_assert_nonnull (strstr (xa_evidence_finding_get_description (overdue), TODAY));
  g_assert_cmpstr (xa_evidence_finding_get_unit (overdue), ==, "items");
  assert_finding (overdue_b, 1, "1 hazards", XA_EVIDENCE_KIND_HAZARD, NULL);
  /* On 10-15 only the first was past its deadline. */
  assert_finding (early, 1, "2021-10-15", XA_EVIDENCE_KIND_HAZARD, (const char *[]) { fixture->overdue[0], NULL });
  assert_finding (unreported, 1, "1 major", XA_EVIDENCE_KIND_HAZARD, (const char *[]) { fixture->unreported, NULL });
  assert_finding (unclosed, 1, "1 hazards", XA_EVIDENCE_KIND_HAZARD, (const char *[]) { fixture->overdue[2], NULL });
  assert_finding (unclosed_b, 0, "0 hazards", XA_EVIDENCE_KIND_HAZARD, (const char *[]) { NULL });
}

static void
test_plans_and_campaigns (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(XaEvidenceFinding) missed = find (fixture, "inspections.missed_monthly", 0, TODAY);
  g_autoptr(XaEvidenceFinding) missed_b = find (fixture, "inspections.missed_monthly", 1, TODAY);
  g_autoptr(XaEvidenceFinding) drills = find (fixture, "drills.missed", 0, TODAY);
  g_autoptr(XaEvidenceFinding) drills_b = find (fixture, "drills.missed", 1, TODAY);
  g_autoptr(XaEvidenceFinding) campaigns = find (fixture, "campaigns.not_done", 0, TODAY);
  g_autoptr(XaEvidenceFinding) campaigns_b = find (fixture, "campaigns.not_done", 1, TODAY);
  g_autofree char *n_a = g_strdup_printf ("%u special", fixture->n_campaigns - 1);
  g_autofree char *n_b = g_strdup_printf ("%u special", fixture->n_campaigns);

  /* October's monthly inspection missed; November's still due. Nothing to open. */
  assert_finding (missed, 1, "1 months", XA_EVIDENCE_KIND_INSPECTION, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (missed), ==, 1);
  g_assert_null (xa_evidence_item_get_uuid (item (missed, 0)));
  g_assert_cmpstr (xa_evidence_item_get_date (item (missed, 0)), >=, "2021-10-01");
  g_assert_cmpstr (xa_evidence_item_get_date (item (missed, 0)), <=, "2021-10-31");
  assert_finding (missed_b, 2, "2 months", XA_EVIDENCE_KIND_INSPECTION, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (missed_b), ==, 2);

  assert_finding (drills, 1, "1 periods", XA_EVIDENCE_KIND_DRILL, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (drills), ==, 1);
  g_assert_null (xa_evidence_item_get_uuid (item (drills, 0)));
  g_assert_cmpstr (xa_evidence_item_get_date (item (drills, 0)), ==, "2021-10-01");
  assert_finding (drills_b, 2, "2 periods", XA_EVIDENCE_KIND_DRILL, NULL);

  /* A completed the first campaign: the second (a plan only) still counts. */
  assert_finding (campaigns, fixture->n_campaigns - 1, n_a, XA_EVIDENCE_KIND_CAMPAIGN, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (campaigns), ==, fixture->n_campaigns - 1);
  for (guint i = 0; i < xa_evidence_finding_get_n_items (campaigns); i++)
    g_assert_cmpstr (xa_evidence_item_get_uuid (item (campaigns, i)), !=, fixture->campaign);
  g_assert_null (strstr (xa_evidence_item_get_label (item (campaigns, 0)), "plan"));
  g_assert_nonnull (strstr (xa_evidence_item_get_label (item (campaigns, 0)), "summary"));
  assert_finding (campaigns_b, fixture->n_campaigns, n_b, XA_EVIDENCE_KIND_CAMPAIGN, NULL);
}

static void
test_education (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XaEvidenceFinding) coverage = find (fixture, "education.coverage", 0, TODAY);
  g_autoptr(XaEvidenceFinding) coverage_b = find (fixture, "education.coverage", 1, TODAY);
  g_autoptr(XaEvidenceFinding) four = find (fixture, "education.four_implementations", 0, TODAY);
  g_autoptr(XaEvidenceFinding) four_b = find (fixture, "education.four_implementations", 1, TODAY);
  g_autoptr(XaEvidenceFinding) legal = find (fixture, "education.legal_lessons", 0, TODAY);
  g_autoptr(XaEvidenceFinding) legal_later = find (fixture, "education.legal_lessons", 0, "2022-06-30");
  g_autoptr(XaEvidenceFinding) legal_later_b = find (fixture, "education.legal_lessons", 1, "2022-06-30");
  g_autofree char *all_lessons = g_strdup_printf ("all %u", fixture->legal_minimum);
  g_autofree char *two_of = g_strdup_printf ("2 of at least %u legal lessons: %u short",
                                             fixture->legal_minimum, fixture->legal_minimum - 2);

  /* Five on the roster, four educated: 80 %; the session with the absentee counts. */
  assert_finding (coverage, 80, "80.00%: 4 of 5", XA_EVIDENCE_KIND_EDUCATION_RECORD,
                  (const char *[]) { fixture->absentees, NULL });
  g_assert_cmpstr (xa_evidence_finding_get_unit (coverage), ==, "%");
  /* No roster and no session: nothing to show, and it counts as none. */
  assert_finding (coverage_b, 0, "No roster", XA_EVIDENCE_KIND_EDUCATION_RECORD, (const char *[]) { NULL });

  /* A has teachers but no plan, no materials, and one hour where more are due. */
  assert_finding (four, 3, "3 of the four", XA_EVIDENCE_KIND_EDUCATION_RECORD, (const char *[]) { NULL });
  g_assert_nonnull (strstr (xa_evidence_finding_get_description (four), "hours (1 of"));
  assert_finding (four_b, 4, "4 of the four", XA_EVIDENCE_KIND_EDUCATION_RECORD, (const char *[]) { NULL });

  /* The demo's 法治副校长 starts on 2022-05-01: none on 11-15, all lessons missing. */
  assert_finding (legal, fixture->legal_minimum, all_lessons, XA_EVIDENCE_KIND_EDUCATION_RECORD, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (legal), ==, 1);
  assert_finding (legal_later, fixture->legal_minimum - 2, two_of, XA_EVIDENCE_KIND_EDUCATION_RECORD, NULL);
  assert_finding (legal_later_b, fixture->legal_minimum, "0 of at least", XA_EVIDENCE_KIND_EDUCATION_RECORD,
                  (const char *[]) { NULL });
}

static void
test_incidents_and_governance (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(XaEvidenceFinding) late = find (fixture, "incidents.late_reports", 0, TODAY);
  g_autoptr(XaEvidenceFinding) nine_no = find (fixture, "incidents.nine_no", 0, TODAY);
  g_autoptr(XaEvidenceFinding) events = find (fixture, "incidents.non_veto_events", 0, TODAY);
  g_autoptr(XaEvidenceFinding) events_b = find (fixture, "incidents.non_veto_events", 1, TODAY);
  g_autoptr(XaEvidenceFinding) petitions = find (fixture, "disputes.petitions", 0, TODAY);
  g_autoptr(XaEvidenceFinding) petitions_b = find (fixture, "disputes.petitions", 1, TODAY);
  g_autoptr(XaEvidenceFinding) unnamed = find (fixture, "registry.responsible_unnamed", 0, TODAY);
  g_autoptr(XaEvidenceFinding) unnamed_b = find (fixture, "registry.responsible_unnamed", 1, TODAY);
  g_autoptr(XaEvidenceFinding) before_leaving = find (fixture, "registry.responsible_unnamed", 1, "2021-09-20");
  g_autoptr(XaEvidenceFinding) plans = find (fixture, "safety_plan.missing", 0, TODAY);
  g_autoptr(XaEvidenceFinding) plans_b = find (fixture, "safety_plan.missing", 1, TODAY);
  g_autoptr(XaEvidenceFinding) plans_b_later = find (fixture, "safety_plan.missing", 1, "2022-01-10");

  assert_finding (late, 1, "1 incidents", XA_EVIDENCE_KIND_INCIDENT, (const char *[]) { fixture->late, NULL });
  g_assert_cmpstr (xa_evidence_item_get_date (item (late, 0)), ==, "2021-10-12");
  g_assert_nonnull (strstr (xa_evidence_item_get_label (item (late, 0)), "食堂油锅起火"));
  assert_finding (nine_no, 1, "1 violations", XA_EVIDENCE_KIND_INCIDENT, (const char *[]) { fixture->nine_no, NULL });
  /* The fire is H; the drowning with a responsibility finding is a veto, not H. */
  assert_finding (events, 1, "1 events", XA_EVIDENCE_KIND_INCIDENT, (const char *[]) { fixture->late, NULL });
  assert_finding (events_b, 0, "0 events", XA_EVIDENCE_KIND_INCIDENT, (const char *[]) { NULL });

  assert_finding (petitions, 1, "1 disputes", XA_EVIDENCE_KIND_DISPUTE, (const char *[]) { fixture->dispute, NULL });
  g_assert_cmpstr (xa_evidence_item_get_date (item (petitions, 0)), ==, "2021-11-02");
  assert_finding (petitions_b, 0, "0 disputes", XA_EVIDENCE_KIND_DISPUTE, (const char *[]) { NULL });

  assert_finding (unnamed, 0, "0 of the", XA_EVIDENCE_KIND_ROLE, (const char *[]) { NULL });
  assert_finding (unnamed_b, 1, "1 of the", XA_EVIDENCE_KIND_ROLE, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (unnamed_b), ==, 1);
  g_assert_null (xa_evidence_item_get_uuid (item (unnamed_b, 0)));
  assert_finding (before_leaving, 0, "2021-09-20", XA_EVIDENCE_KIND_ROLE, (const char *[]) { NULL });

  assert_finding (plans, 1, "1 of the", XA_EVIDENCE_KIND_PLAN, NULL);
  g_assert_cmpuint (xa_evidence_finding_get_n_items (plans), ==, 1);
  g_assert_nonnull (strstr (xa_evidence_item_get_label (item (plans, 0)), "safety rules"));
  assert_finding (plans_b, 2, "2 of the", XA_EVIDENCE_KIND_PLAN, NULL);
  assert_finding (plans_b_later, 1, "1 of the", XA_EVIDENCE_KIND_PLAN, NULL);
}

/* The whole year of the district in one call: every known key for every school, in
 * the register's order, and the same values as the findings one by one. */
static void
test_find_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char * const *keys = xa_evidence_known_sources ();
  guint n_keys = g_strv_length ((char **) keys);
  g_autoptr(GPtrArray) all = xa_evidence_find_all (fixture->workspace, NULL, 2021, TODAY, &error);
  g_autoptr(GPtrArray) one = xa_evidence_find_all (fixture->workspace, school_uuid (fixture, 1), 2021, TODAY, &error);

  g_assert_no_error (error);
  g_assert_false (xa_evidence_is_known ("key_persons.no_counselling"));
  g_assert_false (xa_evidence_is_known ("inspections.missing_categories"));
  g_assert_true (xa_evidence_is_known ("hazards.overdue"));
  g_assert_nonnull (xa_evidence_source_to_label ("hazards.overdue"));
  g_assert_cmpuint (all->len, ==, 2 * n_keys);
  g_assert_cmpuint (one->len, ==, n_keys);
  for (guint s = 0; s < 2; s++)
    for (guint k = 0; k < n_keys; k++)
      {
        XaEvidenceFinding *finding = g_ptr_array_index (all, s * n_keys + k);
        g_autoptr(XaEvidenceFinding) alone = find (fixture, keys[k], s, TODAY);

        g_assert_cmpstr (xa_evidence_finding_get_key (finding), ==, keys[k]);
        g_assert_cmpstr (xa_evidence_finding_get_school_uuid (finding), ==, school_uuid (fixture, s));
        g_assert_cmpfloat (xa_evidence_finding_get_value (finding), ==, xa_evidence_finding_get_value (alone));
        g_assert_cmpstr (xa_evidence_finding_get_description (finding), ==, xa_evidence_finding_get_description (alone));
        g_assert_cmpuint (xa_evidence_finding_get_n_items (finding), ==, xa_evidence_finding_get_n_items (alone));
        if (s == 1)
          g_assert_cmpfloat (xa_evidence_finding_get_value (g_ptr_array_index (one, k)), ==,
                             xa_evidence_finding_get_value (finding));
      }

  /* A year judged late is judged as on its last day. */
  {
    g_autoptr(XaEvidenceFinding) late = find (fixture, "hazards.overdue", 0, "2023-03-01");

    g_assert_nonnull (strstr (xa_evidence_finding_get_description (late), "2022-08-31"));
  }
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (xa_evidence_find (fixture->workspace, "key_persons.no_counselling", school_uuid (fixture, 0), 2021, TODAY, &error));
  g_assert_error (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);
  g_assert_null (xa_evidence_find (fixture->workspace, "hazards.overdue", "00000000-0000-4000-8000-000000000000", 2021, TODAY, &error));
  g_assert_error (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_NO_SCHOOL);
  g_clear_error (&error);
  g_assert_null (xa_evidence_find_all (fixture->workspace, NULL, 2021, "2021-13-01", &error));
  g_assert_error (error, XA_EVIDENCE_ERROR, XA_EVIDENCE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2021-13-01"));
}

/* xiaoan-cli over the same file (not on a server: the command opens its own). */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(JsonArray) all = NULL;
  g_autoptr(JsonArray) one = NULL;
  g_auto(XaTestRun) run = { 0, };
  guint n_keys = g_strv_length ((char **) xa_evidence_known_sources ());
  const char *code_b = xa_organisation_get_code (g_ptr_array_index (fixture->schools, 1));
  JsonObject *object = NULL;
  JsonArray *items;

  if (xa_test_server_uri () != NULL)
    {
      g_test_skip ("the command line opens its own connection");
      return;
    }

  all = xa_test_run_cli_json (fixture->dir, "assessment", "evidence", "--year", "2021", "--today", TODAY, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (all), ==, 2 * n_keys);
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      object = json_array_get_object_element (all, i);
      if (g_str_equal (json_object_get_string_member (object, "key"), "hazards.overdue") &&
          g_str_equal (json_object_get_string_member (object, "school_uuid"), school_uuid (fixture, 0)))
        break;
    }
  g_assert_cmpfloat (json_object_get_double_member (object, "value"), ==, 3);
  items = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, i), "uuid"), ==,
                     fixture->overdue[i]);

  one = xa_test_run_cli_json (fixture->dir, "assessment", "evidence", "--year", "2021", "--today", TODAY,
                              "--school", code_b, "--key", "registry.responsible_unnamed", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (one), ==, 1);
  object = json_array_get_object_element (one, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "school_code"), ==, code_b);
  g_assert_cmpfloat (json_object_get_double_member (object, "value"), ==, 1);
  items = json_object_get_array_member (object, "items");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (items, 0), "uuid"));

  xa_test_run_cli (&run, fixture->dir, "assessment", "evidence", "--year", "2021", "--key", "key_persons.no_counselling", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "key_persons.no_counselling"));
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->dir, "assessment", "evidence", "--school", code_b, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--year"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/evidence/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("hazards", test_hazards);
  ADD ("plans-and-campaigns", test_plans_and_campaigns);
  ADD ("education", test_education);
  ADD ("incidents-and-governance", test_incidents_and_governance);
  ADD ("find-all", test_find_all);
  ADD ("refusals", test_refusals);
  ADD ("cli", test_cli);
#undef ADD

  return g_test_run ();
}
