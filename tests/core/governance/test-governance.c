/* test-governance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 综治 registers (src/core/governance), on either engine: a dispute's state machine
 * with its refusals; the escalations (越级上访) the veto test reads; key persons seen
 * only by the staff named for their school, each read in the audit trail, a store
 * opened read-only reading none; and on a server, another school's login and a
 * commission role not named for the school seeing nothing.
 */

#include "config.h"

#include <unistd.h>

#include "governance-fixture.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-key-person.h"
#include "core/governance/xa-plan.h"
#include "core/registry/xa-demo.h"

/* Invented, clearly fictional: no such person exists. */
#define FICTIONAL_NAME "测试甲某"

static XaDispute *
add_dispute (Fixture    *fixture,
             const char *school_uuid,
             const char *parties)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *round = NULL;
  XaDisputeRoundFields round_fields = { school_uuid, 2024, "2024-10-08", "安全办 王老师", "全校各年级" };
  XaDisputeFields fields = { school_uuid, 2024, NULL, "2024-10-08", parties, "family-school",
                             "家长对课后服务收费有异议", NULL, "德育处 李老师" };
  XaDispute *dispute;

  round = xa_dispute_add_round (fixture->store, &round_fields, &error);
  g_assert_no_error (error);
  fields.round_uuid = round;
  dispute = xa_dispute_add (fixture->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_dispute_get_state (dispute), ==, XA_DISPUTE_SCREENED);
  g_assert_cmpstr (xa_dispute_get_round_uuid (dispute), ==, round);
  return dispute;
}

static void
test_dispute_states (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDispute) dispute = add_dispute (fixture, fixture->school_a, "家长—班主任");
  g_autoptr(GPtrArray) listed = NULL;
  XaDisputeFields bad = { fixture->school_a, 2024, NULL, "2024-10-32", "家长—班主任", "family-school",
                          "描述", NULL, "李老师" };
  const char *uuid = xa_dispute_get_uuid (dispute);
  g_autofree char *before = NULL;

  /* Bad input names its field and changes nothing. */
  before = xa_test_fingerprint (fixture->store);
  g_assert_null (xa_dispute_add (fixture->store, &bad, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-10-32"));
  g_clear_error (&error);
  bad.found_on = "2024-10-08";
  bad.kind = "gossip";
  g_assert_null (xa_dispute_add (fixture->store, &bad, &error));
  g_assert_nonnull (strstr (error->message, "gossip"));
  g_clear_error (&error);

  /* 排查 cannot jump to 已化解; 化解中 can; 已化解 is final. */
  g_assert_false (xa_dispute_advance (fixture->store, uuid, XA_DISPUTE_RESOLVED, "2024-10-20", NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }
  g_assert_true (xa_dispute_advance (fixture->store, uuid, XA_DISPUTE_RESOLVING, NULL, "约谈双方，说明收费依据", &error));
  g_assert_no_error (error);
  g_assert_false (xa_dispute_advance (fixture->store, uuid, XA_DISPUTE_RESOLVED, "2024-10-01", NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_dispute_advance (fixture->store, uuid, XA_DISPUTE_RESOLVED, NULL, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xa_dispute_advance (fixture->store, uuid, XA_DISPUTE_RESOLVED, "2024-10-20", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (xa_dispute_advance (fixture->store, uuid, XA_DISPUTE_REPORTED, NULL, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  listed = xa_dispute_list (fixture->store, fixture->school_a, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (xa_dispute_get_state (g_ptr_array_index (listed, 0)), ==, XA_DISPUTE_RESOLVED);
  g_assert_cmpstr (xa_dispute_get_resolved_on (g_ptr_array_index (listed, 0)), ==, "2024-10-20");
  g_assert_cmpstr (xa_dispute_get_measures (g_ptr_array_index (listed, 0)), ==, "约谈双方，说明收费依据");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'dispute.advance'"), ==, 2);
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_escalations (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDispute) calm = add_dispute (fixture, fixture->school_a, "学生—学生");
  g_autoptr(XaDispute) loud = add_dispute (fixture, fixture->school_b, "家长—学校");
  g_autoptr(GPtrArray) escalations = NULL;
  g_autoptr(GPtrArray) other_year = NULL;
  XaDisputeEscalation *escalation;

  g_assert_true (xa_dispute_advance (fixture->store, xa_dispute_get_uuid (loud), XA_DISPUTE_REPORTED, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (xa_dispute_set_escalated (fixture->store, xa_dispute_get_uuid (loud), "2024-11-02", &error));
  g_assert_no_error (error);
  g_assert_false (xa_dispute_set_escalated (fixture->store, xa_dispute_get_uuid (loud), "2024-11-03", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  escalations = xa_dispute_list_escalations (fixture->store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (escalations->len, ==, 1);
  escalation = g_ptr_array_index (escalations, 0);
  g_assert_cmpstr (escalation->school_uuid, ==, fixture->school_b);
  g_assert_cmpstr (escalation->date, ==, "2024-11-02");
  g_assert_cmpstr (escalation->dispute_uuid, ==, xa_dispute_get_uuid (loud));
  g_assert_nonnull (strstr (escalation->reason, "家长—学校"));
  other_year = xa_dispute_list_escalations (fixture->store, 2023, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other_year->len, ==, 0);
}

/* A step and the petition it led to in one transaction: either refused, nothing
 * changes; both taken, both recorded. */
static void
test_dispute_step (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaDispute) dispute = add_dispute (fixture, fixture->school_a, "家长—班主任");
  g_autoptr(GPtrArray) listed = NULL;
  const char *uuid = xa_dispute_get_uuid (dispute);
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  XaDispute *stepped;

  /* Nothing to do, a bad petition date, a step not allowed: refused, nothing changed. */
  g_assert_false (xa_dispute_step (fixture->store, uuid, FALSE, XA_DISPUTE_SCREENED, NULL, NULL, NULL, &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_dispute_step (fixture->store, uuid, TRUE, XA_DISPUTE_REPORTED, NULL, NULL, "2024-11-31", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-11-31"));
  g_clear_error (&error);
  g_assert_false (xa_dispute_step (fixture->store, uuid, TRUE, XA_DISPUTE_RESOLVED, "2024-11-01", NULL, "2024-11-02",
                                   &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }

  g_assert_true (xa_dispute_step (fixture->store, uuid, TRUE, XA_DISPUTE_REPORTED, NULL, "上报街道综治中心",
                                  "2024-11-02", &error));
  g_assert_no_error (error);
  listed = xa_dispute_list (fixture->store, fixture->school_a, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  stepped = g_ptr_array_index (listed, 0);
  g_assert_cmpint (xa_dispute_get_state (stepped), ==, XA_DISPUTE_REPORTED);
  g_assert_true (xa_dispute_get_escalated (stepped));
  g_assert_cmpstr (xa_dispute_get_escalated_on (stepped), ==, "2024-11-02");
  g_assert_cmpstr (xa_dispute_get_measures (stepped), ==, "上报街道综治中心");
  /* The petition alone, once recorded, is refused a second time. */
  g_assert_false (xa_dispute_step (fixture->store, uuid, FALSE, XA_DISPUTE_SCREENED, NULL, NULL, "2024-11-03", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A step allowed with a petition refused: the step is rolled back with it. */
  g_assert_false (xa_dispute_step (fixture->store, uuid, TRUE, XA_DISPUTE_RESOLVED, "2024-11-05", NULL, "2024-11-06",
                                   &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = xa_dispute_list (fixture->store, fixture->school_a, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_dispute_get_state (g_ptr_array_index (listed, 0)), ==, XA_DISPUTE_REPORTED);
  xa_test_assert_chain_holds (fixture->store);
}

static XaKeyPerson *
add_key_person (XaStore    *store,
                const char *school_uuid,
                GError    **error)
{
  XaKeyPersonFields fields = { school_uuid, FICTIONAL_NAME, "student", "（虚构）情绪波动较大，需持续关注",
                               "2024-09-10", "班主任 赵老师" };

  return xa_key_person_add (store, &fields, error);
}

static void
test_key_person_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaKeyPerson) person = NULL;
  g_autoptr(XaKeyPerson) file = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  gboolean server = xa_test_server_uri () != NULL;
  gint64 reads;
  gboolean may_see = TRUE;

  /* On a file the operator must be named for the school first. */
  if (!server)
    {
      g_assert_true (xa_key_person_may_see (fixture->store, fixture->school_a, &may_see, &error));
      g_assert_no_error (error);
      g_assert_false (may_see);
      g_assert_null (add_key_person (fixture->store, fixture->school_a, &error));
      g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (xa_key_person_name_staff (fixture->store, fixture->school_a, "安全办", &error));
  g_assert_no_error (error);
  g_assert_true (xa_key_person_may_see (fixture->store, fixture->school_a, &may_see, &error));
  g_assert_no_error (error);
  g_assert_true (may_see);
  if (!server)
    {
      /* Named for one school, not for the other. */
      g_assert_true (xa_key_person_may_see (fixture->store, fixture->school_b, &may_see, &error));
      g_assert_false (may_see);
    }
  person = add_key_person (fixture->store, fixture->school_a, &error);
  g_assert_no_error (error);
  g_assert_true (xa_key_person_add_note (fixture->store, xa_key_person_get_uuid (person), "2024-09-20",
                                         "counselling", "心理老师 钱老师", "（虚构）谈心一次，情绪平稳", &error));
  g_assert_no_error (error);
  g_assert_false (xa_key_person_add_note (fixture->store, xa_key_person_get_uuid (person), "2024-09-21",
                                          "gossip", "钱老师", "内容", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  reads = xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'key-person.read'");
  g_assert_cmpint (reads, ==, 0);
  file = xa_key_person_read_file (fixture->store, xa_key_person_get_uuid (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_key_person_get_name (file), ==, FICTIONAL_NAME);
  g_assert_cmpuint (xa_key_person_get_notes (file)->len, ==, 1);
  listed = xa_key_person_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'key-person.read'"),
                   ==, 2);
  /* The audit knows the person by school and date, never by name. */
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE detail LIKE '%" FICTIONAL_NAME "%'"), ==, 0);
  xa_test_assert_chain_holds (fixture->store);

  /* On a file, another operator not named sees nothing, not even that there is one. */
  if (!server)
    {
      g_autoptr(GPtrArray) none = NULL;
      g_autoptr(XaKeyPerson) refused = NULL;

      xa_store_set_operator (fixture->store, "区教委 其他科室");
      none = xa_key_person_list (fixture->store, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (none->len, ==, 0);
      refused = xa_key_person_read_file (fixture->store, xa_key_person_get_uuid (person), &error);
      g_assert_null (refused);
      g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
}

/* A store opened read-only cannot record a read, so it reads no key person. */
static void
test_key_person_read_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaKeyPerson) person = NULL;
  g_autoptr(XaStore) reader = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "xiaoan.db", NULL);

  g_assert_true (xa_key_person_name_staff (fixture->store, fixture->school_a, "安全办", &error));
  person = add_key_person (fixture->store, fixture->school_a, &error);
  g_assert_no_error (error);
  reader = xa_store_open_read_only (xa_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  xa_store_set_operator (reader, "安全办");
  listed = xa_key_person_list (reader, NULL, &error);
  g_assert_null (listed);
  g_assert_nonnull (error);
}

/* Server only: another school's login and a commission role not named for the school
 * see nothing; the school's own login and the named staff see the person, and each of
 * their reads is in the audit. */
static void
test_key_person_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaKeyPerson) person = NULL;
  struct { const char *suffix; const char *code; gboolean named; guint expected; } logins[] = {
    { "own", NULL, FALSE, 1 },       /* school A's login */
    { "other", NULL, FALSE, 0 },     /* school B's login */
    { "named", NULL, TRUE, 1 },      /* commission staff named for A */
    { "unnamed", NULL, FALSE, 0 },   /* commission staff not named */
  };

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  logins[0].code = xa_organisation_get_code (a);
  logins[1].code = xa_organisation_get_code (b);
  person = add_key_person (admin_store, xa_organisation_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_server_setup (admin_store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (logins); i++)
    {
      g_autofree char *role = g_strdup_printf ("kp_%s_%d", logins[i].suffix, (int) getpid ());
      g_autofree char *password = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(XaWorkspace) login = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      g_autoptr(XaKeyPerson) file = NULL;
      g_autoptr(GPtrArray) escalations = NULL;
      XaStore *store;
      gboolean may_see = FALSE;
      gint64 reads_before = xa_test_query_int (admin_store, "SELECT count(*) FROM audit WHERE action = 'key-person.read'");

      password = logins[i].code != NULL
                 ? xa_store_server_add_school (admin_store, logins[i].code, role, &error)
                 : xa_store_server_add_staff (admin_store, role, &error);
      g_assert_no_error (error);
      if (logins[i].named)
        {
          g_assert_true (xa_key_person_name_staff (admin_store, xa_organisation_get_uuid (a), role, &error));
          g_assert_no_error (error);
        }
      uri = g_strdup_printf ("%s&user=%s", location, role);
      login = xa_workspace_open_location (uri, password, role, &error);
      g_assert_no_error (error);
      store = xa_workspace_get_store (login);

      g_assert_true (xa_key_person_may_see (store, xa_organisation_get_uuid (a), &may_see, &error));
      g_assert_no_error (error);
      g_assert_cmpint (may_see, ==, logins[i].expected > 0);
      listed = xa_key_person_list (store, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, logins[i].expected);
      g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM key_person_note"), ==, 0);
      file = xa_key_person_read_file (store, xa_key_person_get_uuid (person), &error);
      if (logins[i].expected == 0)
        {
          g_assert_null (file);
          g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND);
          g_clear_error (&error);
          g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM key_person"), ==, 0);
          /* Nor can such a login add one for the school. */
          g_assert_null (add_key_person (store, xa_organisation_get_uuid (a), &error));
          g_assert_nonnull (error);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (xa_key_person_get_name (file), ==, FICTIONAL_NAME);
        }
      g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM audit WHERE action = 'key-person.read'"),
                       ==, reads_before + 2 * logins[i].expected);
      /* A role cannot name itself. */
      g_assert_false (xa_key_person_name_staff (store, xa_organisation_get_uuid (a), role, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      escalations = xa_dispute_list_escalations (store, 2024, &error);
      g_assert_no_error (error);
    }
  xa_test_assert_chain_holds (admin_store);
}

/* Plans and rules due for review: those whose day has come, the longest overdue first;
 * a review date before adoption refused. */
static void
test_plans_due (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fire = NULL;
  g_autofree char *gate = NULL;
  g_autofree char *later = NULL;
  g_autoptr(GPtrArray) due = NULL;

  fire = xa_plan_add (fixture->store, fixture->school_a, "plan", "火灾应急疏散预案", NULL, "2023-09-01", "2024-09-01", &error);
  g_assert_no_error (error);
  gate = xa_plan_add (fixture->store, fixture->school_b, "rule", "门卫管理制度", NULL, "2023-03-01", "2024-03-01", &error);
  g_assert_no_error (error);
  later = xa_plan_add (fixture->store, fixture->school_a, "rule", "值班制度", NULL, "2024-09-01", "2025-09-01", &error);
  g_assert_no_error (error);
  g_assert_null (xa_plan_add (fixture->store, fixture->school_a, "plan", "预案", NULL, "2024-09-01", "2024-08-01", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  due = xa_plan_list_due (fixture->store, "2024-10-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_cmpstr (((XaPlan *) g_ptr_array_index (due, 0))->uuid, ==, gate);
  g_assert_cmpstr (((XaPlan *) g_ptr_array_index (due, 1))->uuid, ==, fire);
}

/* A school's plans and rules, newest first, and a review: the next day moves on, the
 * audit keeps the review, and a review before adoption, a next day not after the review
 * or an unknown plan change nothing. */
static void
test_plans_review (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *renewed = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) due = NULL;

  old = xa_plan_add (fixture->store, fixture->school_a, "plan", "火灾应急疏散预案", NULL, "2022-09-01", "2023-09-01", &error);
  g_assert_no_error (error);
  renewed = xa_plan_add (fixture->store, fixture->school_a, "plan", "火灾应急疏散预案（修订）", NULL, "2023-09-01", "2024-09-01", &error);
  g_assert_no_error (error);
  other = xa_plan_add (fixture->store, fixture->school_b, "rule", "门卫管理制度", NULL, "2023-03-01", "2024-03-01", &error);
  g_assert_no_error (error);

  plans = xa_plan_list (fixture->store, fixture->school_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpstr (((XaPlan *) g_ptr_array_index (plans, 0))->uuid, ==, renewed);
  g_assert_cmpstr (((XaPlan *) g_ptr_array_index (plans, 1))->uuid, ==, old);
  all = xa_plan_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);

  g_assert_false (xa_plan_review (fixture->store, other, "2023-02-01", "2024-02-01", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_plan_review (fixture->store, other, "2024-03-01", "2024-03-01", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_plan_review (fixture->store, "no-such-plan", "2024-03-01", "2025-03-01", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  due = xa_plan_list_due (fixture->store, "2024-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 2);  /* the old plan and the gate rule */
  g_clear_pointer (&due, g_ptr_array_unref);

  g_assert_true (xa_plan_review (fixture->store, other, "2024-03-01", "2025-03-01", &error));
  g_assert_no_error (error);
  due = xa_plan_list_due (fixture->store, "2024-03-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (((XaPlan *) g_ptr_array_index (due, 0))->uuid, ==, old);
  xa_test_assert_chain_holds (fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/governance/dispute-states", Fixture, NULL, fixture_set_up, test_dispute_states, fixture_tear_down);
  g_test_add ("/governance/dispute-step", Fixture, NULL, fixture_set_up, test_dispute_step, fixture_tear_down);
  g_test_add ("/governance/escalations", Fixture, NULL, fixture_set_up, test_escalations, fixture_tear_down);
  g_test_add ("/governance/key-person-file", Fixture, NULL, fixture_set_up, test_key_person_file, fixture_tear_down);
  g_test_add ("/governance/plans-due", Fixture, NULL, fixture_set_up, test_plans_due, fixture_tear_down);
  g_test_add ("/governance/plans-review", Fixture, NULL, fixture_set_up, test_plans_review, fixture_tear_down);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/governance/key-person-access", test_key_person_access);
  else
    g_test_add ("/governance/key-person-read-only", Fixture, NULL, fixture_set_up, test_key_person_read_only,
                fixture_tear_down);

  return g_test_run ();
}
