/* test-audit-tamper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `audit verify` against someone who has the database file: a district after a long run
 * of real changes verifies clean, and each change made behind the app's back with the
 * sqlite3 API (the shell's triggers dropped first, as the shell allows) is named by
 * table, key and field: business rows edited, deleted and inserted (hazards and the
 * steps of their histories among them), audit rows edited,
 * the tail cut, the log emptied, an entry rewritten with every later hash recomputed,
 * the head file beside the store cut or rewritten, and a store moved to another key.
 * Inspections are covered with their items, which an item edited, removed or unlinked
 * from its hazard changes, as are checklists, school calendars, campaigns and records.
 *
 * In the pg suite the same district is on a server, and the one who changes it is its
 * superuser, with the triggers and foreign keys switched off for the session
 * (session_replication_role = replica): verify names the same things.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-book.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-inspection-book.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-pg.h"
#include "core/store/xa-store-audit.h"
#include "core/store/xa-store-private.h"

#define N_SCHOOLS 4

typedef struct
{
  XaTestDbDir  db;
  char        *data_dir;
  char        *location;     /* the file xiaoan.db in data_dir, or a server's schema */
  char        *key_path;
  char        *head_path;
  char        *school_code;  /* the first school's, which the changes start from */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  xa_test_db_dir_set_up (&fixture->db, user_data);
  fixture->data_dir = g_build_filename (fixture->db.dir, "data", NULL);
  fixture->key_path = g_build_filename (fixture->db.dir, "config", "audit-key", NULL);
  fixture->location = xa_test_location_new (fixture->data_dir);
  g_setenv ("XIAOAN_AUDIT_KEY_FILE", fixture->key_path, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_unsetenv ("XIAOAN_AUDIT_KEY_FILE");
  xa_test_db_dir_tear_down (&fixture->db, user_data);
  g_clear_pointer (&fixture->data_dir, g_free);
  g_clear_pointer (&fixture->location, g_free);
  g_clear_pointer (&fixture->key_path, g_free);
  g_clear_pointer (&fixture->head_path, g_free);
  g_clear_pointer (&fixture->school_code, g_free);
}

static char *
db_path (Fixture *fixture)
{
  return g_strdup (fixture->location);
}

static XaStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_store_open_location (fixture->location, NULL, FALSE, &error);

  g_assert_no_error (error);
  return store;
}

static XaOrganisation *
school_at (XaWorkspace *workspace,
           guint        index)
{
  return g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (workspace)), index);
}

static char *
current_agreement (XaWorkspace *workspace,
                   guint        index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = school_at (workspace, index);
  g_autoptr(XaAgreement) agreement = NULL;

  agreement = xa_agreement_book_dup_current (xa_workspace_get_agreements (workspace),
                                             xa_organisation_get_uuid (school), 2021, &error);
  g_assert_no_error (error);
  return g_strdup (xa_agreement_get_uuid (agreement));
}

static void
sign (XaWorkspace *workspace,
      const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  XaAgreementBook *book = xa_workspace_get_agreements (workspace);

  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
}

/* What a school and the commission record of inspections and campaigns in a year: an
 * inspection with an abnormal item that became a hazard, the commission's own fire
 * checklist and school calendar, the campaigns launched and a school's record of one. */
static void
populate_inspections (XaWorkspace    *workspace,
                      XaOrganisation *school)
{
  g_autoptr(GError) error = NULL;
  XaInspectionBook *book = xa_workspace_get_inspections (workspace);
  g_autoptr(GPtrArray) checklists = xa_inspection_book_dup_checklists (book, &error);
  g_autoptr(XaInspection) inspection = xa_inspection_new ();
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(XaChecklist) fire = NULL;
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_new_default (2021);
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(XaCampaignRecord) record = NULL;
  XaInspectionItem *item;

  g_assert_no_error (error);
  xa_inspection_set_school_uuid (inspection, xa_organisation_get_uuid (school));
  xa_inspection_set_school_year (inspection, 2021);
  xa_inspection_set_inspected_on (inspection, "2021-09-08");
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_add_checklist (inspection, g_ptr_array_index (checklists, 3));
  item = xa_inspection_get_item (inspection, 1);
  xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
  xa_inspection_item_set_note (item, "燃气报警器按测试键不响");
  g_assert_true (xa_inspection_book_add (book, inspection, &error));
  g_assert_no_error (error);
  hazard = xa_inspection_new_hazard (inspection, 1);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "更换燃气报警器");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  g_assert_true (xa_inspection_book_record_hazard (book, inspection, 1, hazard, &error));
  g_assert_no_error (error);
  /* Its fix begun, so that the ledger's one pending hazard stays record_hazards()'s. */
  {
    XaHazardStepInput input = { "赵师傅", NULL, NULL, NULL };

    g_assert_true (xa_hazard_book_step (xa_workspace_get_hazards (workspace), hazard, XA_HAZARD_STEP_START,
                                        &input, &error));
    g_assert_no_error (error);
  }

  fire = xa_checklist_copy (g_ptr_array_index (checklists, 1));
  xa_checklist_append_item (fire, "微型消防站器材齐全", XA_HAZARD_CATEGORY_FIRE);
  g_assert_true (xa_inspection_book_save_checklist (book, fire, &error));
  xa_school_calendar_set_flood_season_start (calendar, "2022-05-10");
  g_assert_true (xa_inspection_book_save_calendar (book, calendar, &error));
  g_assert_true (xa_inspection_book_launch_campaigns (book, 2021, NULL, &error));
  g_assert_no_error (error);

  campaigns = xa_inspection_book_list_campaigns (book, 2021, &error);
  record = xa_inspection_book_dup_campaign_record (book, xa_campaign_get_uuid (g_ptr_array_index (campaigns, 4)),
                                                   xa_organisation_get_uuid (school), &error);
  xa_campaign_record_set_plan (record, "防溺水工作方案");
  xa_campaign_record_set_activities (record, "主题班会12次");
  xa_campaign_record_set_summary (record, "未发生溺水事故");
  g_assert_true (xa_inspection_book_save_campaign_record (book, record, &error));
  g_assert_no_error (error);
}

/* The first school's hazards: one just recorded, one closed after a failed
 * re-inspection, one being rectified. */
static void
record_hazards (XaWorkspace    *workspace,
                XaOrganisation *school)
{
  static const struct
  {
    XaHazardStep  step;
    const char   *who;
    const char   *date;
    const char   *note;
  } loop[] = {
    { XA_HAZARD_STEP_START, "赵师傅", NULL, NULL },
    { XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-10-10", "已更换门锁" },
    { XA_HAZARD_STEP_FAIL, "王校长", "2021-10-11", "电线仍裸露" },
    { XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-10-12", NULL },
    { XA_HAZARD_STEP_PASS, "王校长", "2021-10-13", NULL },
    { XA_HAZARD_STEP_CLOSE, "王校长", "2021-10-14", NULL },
  };
  XaHazardBook *book = xa_workspace_get_hazards (workspace);
  const guint n_steps[] = { 0, G_N_ELEMENTS (loop), 1 };

  for (guint h = 0; h < G_N_ELEMENTS (n_steps); h++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XaHazard) hazard = xa_hazard_new ();

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school));
      xa_hazard_set_school_year (hazard, 2021);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, "2021-10-08");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "张老师");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼三楼东侧配电箱");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "配电箱门锁损坏，电线裸露");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "更换门锁，包扎电线");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, "2021-10-15");
      g_assert_true (xa_hazard_book_add (book, hazard, &error));
      g_assert_no_error (error);

      for (guint i = 0; i < n_steps[h]; i++)
        {
          XaHazardStepInput input = { loop[i].who, loop[i].date, NULL, loop[i].note };

          g_assert_true (xa_hazard_book_step (book, hazard, loop[i].step, &input, &error));
          g_assert_no_error (error);
        }
    }
}

/* A district on disk after what a commission does in a year: a demo district, every
 * agreement generated, one signed and revised, a draft edited, a succession, a school
 * deleted and restored, the template saved as a new version and frozen, hazards
 * recorded and rectified. */
static void
populate (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_open (fixture->location, "审计员");
  XaSchoolRegistry *registry;
  XaAgreementBook *book;
  XaTemplateLibrary *templates;
  g_autoptr(XaOrganisation) first = NULL;
  g_autoptr(XaOrganisation) second = NULL;
  g_autoptr(XaPerson) successor = NULL;
  g_autoptr(XaAgreement) draft = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autofree char *signed_uuid = NULL;
  g_autofree char *draft_uuid = NULL;
  guint n_made = 0;

  g_assert_no_error (error);
  registry = xa_workspace_get_registry (workspace);
  book = xa_workspace_get_agreements (workspace);
  templates = xa_workspace_get_templates (workspace);
  g_free (fixture->head_path);
  fixture->head_path = _xa_store_dup_head_path (xa_workspace_get_store (workspace));

  g_assert_true (xa_demo_fill (registry, N_SCHOOLS, 7, &error));
  g_assert_true (xa_agreement_book_generate_all (book, 2021, &n_made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_made, ==, N_SCHOOLS);

  first = school_at (workspace, 0);
  second = school_at (workspace, 1);
  fixture->school_code = g_strdup (xa_organisation_get_code (first));

  /* Signed (which freezes the template version), then revised into a new draft. */
  signed_uuid = current_agreement (workspace, 0);
  sign (workspace, signed_uuid);
  revision = xa_agreement_book_revise (book, signed_uuid, &error);
  g_assert_no_error (error);

  /* A draft edited. */
  draft_uuid = current_agreement (workspace, 1);
  draft = xa_agreement_book_dup_by_uuid (book, draft_uuid, &error);
  g_assert_no_error (error);
  xa_agreement_set_first_responsible (draft, "赵校长");
  g_assert_true (xa_agreement_book_update (book, draft, &error));
  g_assert_no_error (error);

  /* The school's supplementary clauses to that draft, one of them edited. */
  {
    g_autofree char *kept = xa_agreement_book_add_supplement (book, draft_uuid, "学校每月开展一次消防演练。", &error);
    g_autofree char *edited = xa_agreement_book_add_supplement (book, draft_uuid, "校车由专人接送。", &error);

    g_assert_no_error (error);
    g_assert_true (xa_agreement_book_set_supplement (book, edited, "校车由两名教师接送。", &error));
    g_assert_no_error (error);
  }

  /* A succession: the second school's 第一责任人 changes. */
  successor = xa_person_new (xa_organisation_get_uuid (second), "钱新");
  g_assert_true (xa_school_registry_add_person (registry, successor, &error));
  g_assert_true (xa_school_registry_assign_role (registry, xa_organisation_get_uuid (second),
                                                 xa_person_get_uuid (successor),
                                                 XA_ROLE_KIND_FIRST_RESPONSIBLE, "2022-03-01",
                                                 NULL, &error));
  g_assert_no_error (error);

  /* A school deleted and restored. */
  g_assert_true (xa_school_registry_delete_school (registry, xa_organisation_get_uuid (second), &error));
  g_assert_true (xa_school_registry_restore_school (registry, xa_organisation_get_uuid (second), &error));
  g_assert_no_error (error);

  /* The frozen template saved again (a new version), and that version frozen. */
  template = xa_template_library_dup_latest (templates, 2021, &error);
  g_assert_no_error (error);
  xa_template_set_name (template, "修改后的责任书");
  g_assert_true (xa_template_library_save (templates, template, &error));
  g_assert_no_error (error);
  g_clear_object (&template);
  template = xa_template_library_dup_latest (templates, 2021, &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_library_freeze (templates, xa_template_get_uuid (template), &error));
  g_assert_no_error (error);

  record_hazards (workspace, first);
  populate_inspections (workspace, first);
}

static GPtrArray *
verify (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = open_store (fixture);
  GPtrArray *findings;

  findings = xa_store_audit_verify (store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);

  for (guint i = 0; i < findings->len; i++)
    {
      XaAuditFinding *finding = g_ptr_array_index (findings, i);
      g_test_message ("finding %u: kind %d, entry %" G_GINT64_FORMAT ": %s",
                      i, finding->kind, finding->seq, finding->message);
    }

  return findings;
}

/* The finding of @kind about @table (or none), keyed @key (or any), whose fields are
 * @fields (or any); fails when there is none. */
static XaAuditFinding *
find (GPtrArray          *findings,
      XaAuditFindingKind  kind,
      const char         *table,
      const char         *key,
      const char         *fields)
{
  for (guint i = 0; i < findings->len; i++)
    {
      XaAuditFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind == kind &&
          (table == NULL || g_strcmp0 (finding->table, table) == 0) &&
          (key == NULL || g_strcmp0 (finding->key, key) == 0) &&
          (fields == NULL || g_strcmp0 (finding->fields, fields) == 0))
        return finding;
    }

  g_error ("No finding of kind %d about %s %s %s among %u", kind, table, key, fields, findings->len);
}

/* Runs @sql on the database file as someone with the sqlite3 library would: another
 * connection, foreign keys off, the guarding triggers dropped. */
static void
tamper (Fixture    *fixture,
        const char *sql)
{
  g_autofree char *path = db_path (fixture);
  g_autofree char *script = g_strconcat ("DROP TRIGGER IF EXISTS audit_no_update;"
                                         "DROP TRIGGER IF EXISTS audit_no_delete;"
                                         "DROP TRIGGER IF EXISTS audit_image_no_update;"
                                         "DROP TRIGGER IF EXISTS audit_image_no_delete;"
                                         "DROP TRIGGER IF EXISTS template_frozen_no_update;"
                                         "DROP TRIGGER IF EXISTS agreement_only_draft_edited;"
                                         "DROP TRIGGER IF EXISTS agreement_signed_no_update;"
                                         "DROP TRIGGER IF EXISTS agreement_signed_no_delete;"
                                         "DROP TRIGGER IF EXISTS hazard_closed_no_update;"
                                         "DROP TRIGGER IF EXISTS hazard_step_no_update;"
                                         "DROP TRIGGER IF EXISTS hazard_step_no_delete;"
                                         "DROP TRIGGER IF EXISTS inspection_item_linked_no_update;"
                                         "DROP TRIGGER IF EXISTS inspection_item_linked_no_delete;",
                                         sql, NULL);
  char *message = NULL;
  sqlite3 *db = NULL;

  if (xa_test_server_uri () != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XaPgConnection) connection = xa_pg_connection_open (path, NULL, &error);

      g_assert_no_error (error);
      xa_pg_connection_exec (connection, "SET session_replication_role = replica", &error);
      g_assert_no_error (error);
      xa_pg_connection_exec (connection, sql, &error);
      g_assert_no_error (error);
      g_assert_cmpint (xa_pg_connection_count_changes (connection), >, 0);
      return;
    }

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, script, NULL, NULL, &message);
  g_assert_null (message);
  g_assert_cmpint (sqlite3_changes (db), >, 0);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(XaStore) store = open_store (fixture);

  return xa_test_query_int (store, sql);
}

static void
test_clean (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autoptr(XaStore) store = NULL;
  gint64 seq = 0;

  populate (fixture);
  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 0);

  /* Every audited table holds rows, and every row has its image. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM agreement WHERE state = 'signed'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM template WHERE frozen_at IS NOT NULL"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM role_term WHERE until IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT record_table) FROM audit_image"), ==, 13);

  /* The head file names the chain's last entry, and so does the store. */
  store = open_store (fixture);
  head = xa_store_dup_audit_head (store, &seq, &error);
  g_assert_no_error (error);
  g_assert_cmpint (seq, ==, xa_test_query_int (store, "SELECT max(seq) FROM audit"));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (fixture->head_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, head));
  }
}

/* One business row changed behind the app's back, and what verify must say. */
typedef struct
{
  const char         *name;
  const char         *sql;
  XaAuditFindingKind  kind;
  const char         *table;
  const char         *fields;
  gboolean            keyed_by_code;  /* the finding names the first school's code */
} RowTampering;

static const RowTampering row_tamperings[] = {
  { "school-edited", "UPDATE organisation SET phone = '110' WHERE code = (SELECT min (code) FROM organisation)",
    XA_AUDIT_FINDING_ROW_EDITED, "organisation", "phone", TRUE },
  { "school-renamed-and-moved", "UPDATE organisation SET name = '假学校', address = '别处' WHERE code = (SELECT min (code) FROM organisation)",
    XA_AUDIT_FINDING_ROW_EDITED, "organisation", "address,name", TRUE },
  { "school-deleted", "DELETE FROM organisation WHERE code = (SELECT min (code) FROM organisation)",
    XA_AUDIT_FINDING_ROW_DELETED, "organisation", NULL, TRUE },
  { "school-inserted", "INSERT INTO organisation (uuid, kind, code, name, created_at, updated_at)"
                       " VALUES ('f0000000-0000-4000-8000-000000000001', 'school', '2159999999', '幽灵学校', 'now', 'now')",
    XA_AUDIT_FINDING_ROW_INSERTED, "organisation", NULL, FALSE },
  { "person-edited", "UPDATE person SET phone = '13900000000' WHERE id = (SELECT min (id) FROM person)",
    XA_AUDIT_FINDING_ROW_EDITED, "person", "phone", FALSE },
  { "person-deleted", "DELETE FROM person WHERE id = (SELECT max (id) FROM person)",
    XA_AUDIT_FINDING_ROW_DELETED, "person", NULL, FALSE },
  { "role-term-edited", "UPDATE role_term SET since = '2020-01-01' WHERE id = (SELECT min (id) FROM role_term)",
    XA_AUDIT_FINDING_ROW_EDITED, "role_term", "since", FALSE },
  { "role-term-inserted", "INSERT INTO role_term (uuid, organisation_id, person_id, role, since)"
                          " SELECT 'f0000000-0000-4000-8000-000000000002', organisation_id, id, 'safety-officer', '2021-09-01'"
                          " FROM person WHERE id = (SELECT min (id) FROM person)",
    XA_AUDIT_FINDING_ROW_INSERTED, "role_term", NULL, FALSE },
  { "role-term-deleted", "DELETE FROM role_term WHERE until IS NOT NULL",
    XA_AUDIT_FINDING_ROW_DELETED, "role_term", NULL, FALSE },
  { "school-year-deleted", "DELETE FROM school_year WHERE start_year = 2021",
    XA_AUDIT_FINDING_ROW_DELETED, "school_year", NULL, FALSE },
  { "signed-agreement-edited", "UPDATE agreement SET first_responsible = '冒名' WHERE state = 'signed'",
    XA_AUDIT_FINDING_ROW_EDITED, "agreement", "first_responsible", FALSE },
  { "signed-agreement-deleted", "DELETE FROM agreement WHERE state = 'signed'",
    XA_AUDIT_FINDING_ROW_DELETED, "agreement", NULL, FALSE },
  { "draft-agreement-edited", "UPDATE agreement SET sign_date = '2021-09-09' WHERE id = (SELECT max (id) FROM agreement WHERE state = 'draft')",
    XA_AUDIT_FINDING_ROW_EDITED, "agreement", "sign_date", FALSE },
  { "supplement-edited", "UPDATE agreement_supplement SET body = '学校不再开展演练。' WHERE position = 1",
    XA_AUDIT_FINDING_ROW_EDITED, "agreement_supplement", "body", FALSE },
  { "supplement-deleted", "DELETE FROM agreement_supplement WHERE position = 2",
    XA_AUDIT_FINDING_ROW_DELETED, "agreement_supplement", NULL, FALSE },
  { "supplement-inserted", "INSERT INTO agreement_supplement (uuid, agreement_id, position, body, created_at, created_by, updated_at)"
                           " SELECT 'f0000000-0000-4000-8000-000000000003', agreement_id, 3, '偷加的条款', 'now', 'x', 'now'"
                           " FROM agreement_supplement WHERE position = 1",
    XA_AUDIT_FINDING_ROW_INSERTED, "agreement_supplement", NULL, FALSE },
  { "frozen-template-edited", "UPDATE template SET body = replace (body, '安全', '平安') WHERE version = 1",
    XA_AUDIT_FINDING_ROW_EDITED, "template", "body", FALSE },
  { "hazard-edited", "UPDATE hazard SET responsible = '冒名', deadline = '2021-12-31' WHERE state = 'rectifying'",
    XA_AUDIT_FINDING_ROW_EDITED, "hazard", "deadline,responsible", FALSE },
  { "closed-hazard-edited", "UPDATE hazard SET closed_on = '2021-10-20' WHERE state = 'closed'",
    XA_AUDIT_FINDING_ROW_EDITED, "hazard", "closed_on", FALSE },
  { "hazard-deleted", "DELETE FROM hazard WHERE state = 'pending'",
    XA_AUDIT_FINDING_ROW_DELETED, "hazard", NULL, FALSE },
  { "hazard-inserted", "INSERT INTO hazard (uuid, number, organisation_id, school_year, sequence, inspection_type,"
                       " found_on, found_by, place, category, description, grade, measures, department,"
                       " responsible, deadline, reported, supervised, reinspection_result, state, version,"
                       " created_at, created_by, updated_at, updated_by)"
                       " SELECT 'f0000000-0000-4000-8000-000000000004', number || '9', organisation_id, school_year,"
                       " 99, inspection_type, found_on, found_by, place, category, description, grade, measures,"
                       " department, responsible, deadline, 0, 0, 'none', 'pending', 1, 'now', 'x', 'now', 'x'"
                       " FROM hazard WHERE state = 'pending'",
    XA_AUDIT_FINDING_ROW_INSERTED, "hazard", NULL, FALSE },
  { "hazard-step-edited", "UPDATE hazard_step SET who = '冒名' WHERE step = 'fail'",
    XA_AUDIT_FINDING_ROW_EDITED, "hazard", "history", FALSE },
  { "hazard-step-deleted", "DELETE FROM hazard_step WHERE step = 'fail'",
    XA_AUDIT_FINDING_ROW_EDITED, "hazard", "history", FALSE },
  { "hazard-step-inserted", "INSERT INTO hazard_step (hazard_id, position, step, from_state, to_state, who, at)"
                            " SELECT hazard_id, 2, 'complete', 'rectifying', 'reinspecting', '冒名', 'now'"
                            " FROM hazard_step WHERE step = 'start' AND hazard_id NOT IN"
                            " (SELECT hazard_id FROM hazard_step WHERE position = 2)",
    XA_AUDIT_FINDING_ROW_EDITED, "hazard", "history", FALSE },
  { "inspection-edited", "UPDATE inspection SET leader = '冒名' WHERE sequence = 1",
    XA_AUDIT_FINDING_ROW_EDITED, "inspection", "leader", FALSE },
  { "inspection-deleted", "DELETE FROM inspection",
    XA_AUDIT_FINDING_ROW_DELETED, "inspection", NULL, FALSE },
  { "inspection-item-edited", "UPDATE inspection_item SET note = '无' WHERE position = 1",
    XA_AUDIT_FINDING_ROW_EDITED, "inspection", "items", FALSE },
  { "inspection-item-deleted", "DELETE FROM inspection_item WHERE position = 3",
    XA_AUDIT_FINDING_ROW_EDITED, "inspection", "items", FALSE },
  { "inspection-item-unlinked", "UPDATE inspection_item SET hazard_id = NULL, result = 'normal' WHERE hazard_id IS NOT NULL",
    XA_AUDIT_FINDING_ROW_EDITED, "inspection", "items", FALSE },
  { "checklist-edited", "UPDATE checklist SET body = replace (body, '微型消防站', '消防站')",
    XA_AUDIT_FINDING_ROW_EDITED, "checklist", "body", FALSE },
  { "school-calendar-deleted", "DELETE FROM school_calendar",
    XA_AUDIT_FINDING_ROW_DELETED, "school_calendar", NULL, FALSE },
  { "campaign-inserted", "INSERT INTO campaign (uuid, school_year, key, position, name, description, launched_at, launched_by)"
                         " VALUES ('f0000000-0000-4000-8000-000000000004', 2021, 'ghost', 16, '幽灵专项', '', 'now', 'x')",
    XA_AUDIT_FINDING_ROW_INSERTED, "campaign", NULL, FALSE },
  { "campaign-record-edited", "UPDATE campaign_record SET summary = ''",
    XA_AUDIT_FINDING_ROW_EDITED, "campaign_record", "summary", FALSE },
};

static void
test_row_tampered (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const RowTampering *tampering = user_data;
  g_autoptr(GPtrArray) findings = NULL;
  XaAuditFinding *finding;

  populate (fixture);
  tamper (fixture, tampering->sql);

  findings = verify (fixture);
  finding = find (findings, tampering->kind, tampering->table,
                  tampering->keyed_by_code ? fixture->school_code : NULL, tampering->fields);
  g_assert_nonnull (finding->uuid);
  g_assert_nonnull (strstr (finding->message, finding->key));

  /* The rows changed are named, and nothing else is: the chain itself holds. */
  for (guint i = 0; i < findings->len; i++)
    {
      XaAuditFinding *each = g_ptr_array_index (findings, i);

      g_assert_cmpint (each->kind, >=, XA_AUDIT_FINDING_ROW_EDITED);
    }
}

static void
test_entry_edited (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;

  populate (fixture);
  tamper (fixture, "UPDATE audit SET detail = '{\"name\":\"篡改\"}' WHERE seq = 5");

  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (find (findings, XA_AUDIT_FINDING_ENTRY_CHANGED, NULL, NULL, NULL)->seq, ==, 5);
}

static void
test_image_edited (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;

  populate (fixture);
  /* An edit made to a row and to its image alike. */
  tamper (fixture,
          "UPDATE organisation SET phone = '110' WHERE code = (SELECT min (code) FROM organisation);"
          "UPDATE audit_image SET image_hash = 'x' || substr (image_hash, 2)"
          " WHERE record_table = 'organisation' AND seq = (SELECT max (seq) FROM audit_image WHERE record_table = 'organisation')");

  findings = verify (fixture);
  find (findings, XA_AUDIT_FINDING_IMAGE_CHANGED, "organisation", NULL, NULL);
  find (findings, XA_AUDIT_FINDING_ENTRY_CHANGED, NULL, NULL, NULL);
}

static void
test_tail_cut (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;
  gint64 last;

  populate (fixture);
  last = query_int (fixture, "SELECT max(seq) FROM audit");
  tamper (fixture,
          "DELETE FROM audit_image WHERE seq > (SELECT max(seq) - 3 FROM audit);"
          "DELETE FROM audit WHERE seq > (SELECT max(seq) - 3 FROM audit);");

  findings = verify (fixture);
  g_assert_cmpint (find (findings, XA_AUDIT_FINDING_CUT, NULL, NULL, NULL)->seq, ==, last - 2);
}

static gboolean
append_one (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  g_autofree char *uuid = xa_store_new_uuid ();

  return xa_store_append_audit (store, "test.entry", "test", uuid, NULL, error);
}

static void
test_log_emptied (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;

  populate (fixture);
  tamper (fixture, "DELETE FROM audit_image; DELETE FROM audit;");

  findings = verify (fixture);
  g_assert_nonnull (strstr (find (findings, XA_AUDIT_FINDING_CUT, NULL, NULL, NULL)->message, "emptied"));
  /* Every record is now one the chain never wrote. */
  find (findings, XA_AUDIT_FINDING_ROW_INSERTED, "organisation", fixture->school_code, NULL);
  find (findings, XA_AUDIT_FINDING_ROW_INSERTED, "template", NULL, NULL);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The app writing on, a new chain from entry 1, does not move the head file back. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XaStore) store = open_store (fixture);

    g_assert_true (xa_store_write (store, append_one, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (xa_test_query_int (store, "SELECT max(seq) FROM audit"), ==, 1);
  }
  findings = verify (fixture);
  find (findings, XA_AUDIT_FINDING_CUT, NULL, NULL, NULL);
}

/* What someone who knows the format but not the key does to hide an edit of entry 5:
 * rewrite it and recompute every hash after it, as the plain SHA-256 of schema 5 or
 * signed with a key of their own. */
static void
test_entry_rewritten (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gboolean drop_key = GPOINTER_TO_INT (user_data);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaStatement) rows = NULL;
  g_autoptr(XaStatement) update = NULL;
  g_autofree char *prev_hash = NULL;

  populate (fixture);
  store = open_store (fixture);
  xa_store_lock (store);
  /* The guard off, as the sqlite3 shell or the server's superuser may. */
  xa_store_exec (store,
                 xa_store_get_is_server (store) ? "SET session_replication_role = replica"
                                                : "DROP TRIGGER audit_no_update",
                 &error);
  g_assert_no_error (error);
  rows = xa_store_prepare (store,
                           "SELECT seq, at, operator, action, record_table, record_uuid,"
                           " detail, prev_hash FROM audit WHERE seq >= 5 ORDER BY seq", &error);
  g_assert_no_error (error);
  update = xa_store_prepare (store, "UPDATE audit SET detail = ?, prev_hash = ?, hash = ?, key_id = ?"
                                    " WHERE seq = ?", &error);
  g_assert_no_error (error);
  while (xa_statement_step (rows, NULL) == XA_STEP_ROW)
    {
      gint64 seq = xa_statement_get_int64 (rows, 0);
      const char *detail = seq == 5 ? "{\"name\":\"篡改\"}" : xa_statement_get_text (rows, 6);
      g_autofree char *hash = NULL;
      g_autoptr(GBytes) key = g_bytes_new_static ("attacker", 8);

      if (prev_hash == NULL)
        prev_hash = g_strdup (xa_statement_get_text (rows, 7));

      hash = _xa_store_hash_entry (drop_key ? NULL : key, seq,
                                   xa_statement_get_text (rows, 1), xa_statement_get_text (rows, 2),
                                   xa_statement_get_text (rows, 3), xa_statement_get_text (rows, 4),
                                   xa_statement_get_text (rows, 5),
                                   detail, prev_hash, "0123456789abcdef", "");

      xa_statement_reset (update);
      xa_statement_bind_text (update, 1, detail);
      xa_statement_bind_text (update, 2, prev_hash);
      xa_statement_bind_text (update, 3, hash);
      xa_statement_bind_text (update, 4, drop_key ? "" : "0123456789abcdef");
      xa_statement_bind_int64 (update, 5, seq);
      g_assert_true (xa_statement_run (update, &error));
      g_assert_no_error (error);
      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
    }
  g_clear_pointer (&rows, xa_statement_free);
  g_clear_pointer (&update, xa_statement_free);
  xa_store_unlock (store);
  g_clear_object (&store);

  findings = verify (fixture);
  /* Whichever way it was recomputed, entry 5 is named first (unsigned, or signed with a
   * key this computer does not know), and the head file shows the chain it once had. */
  g_assert_cmpint (((XaAuditFinding *) g_ptr_array_index (findings, 0))->seq, ==, 5);
  g_assert_cmpint (((XaAuditFinding *) g_ptr_array_index (findings, 0))->kind, ==,
                   drop_key ? XA_AUDIT_FINDING_ENTRY_UNKEYED : XA_AUDIT_FINDING_OTHER_KEY);
  find (findings, XA_AUDIT_FINDING_REWRITTEN, NULL, NULL, NULL);
}

static void
test_head_file (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *change = user_data;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GKeyFile) head = g_key_file_new ();

  populate (fixture);
  g_assert_true (g_key_file_load_from_file (head, fixture->head_path, G_KEY_FILE_NONE, NULL));

  if (g_str_equal (change, "missing"))
    g_assert_cmpint (g_unlink (fixture->head_path), ==, 0);
  else
    {
      if (g_str_equal (change, "longer"))
        g_key_file_set_int64 (head, "Audit head", "seq", g_key_file_get_int64 (head, "Audit head", "seq", NULL) + 2);
      else
        g_key_file_set_string (head, "Audit head", "hash", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
      g_assert_true (g_key_file_save_to_file (head, fixture->head_path, NULL));
    }

  findings = verify (fixture);

  /* A server's head file is what this PC saw; a PC that saw nothing yet has none, and
   * verify makes it. */
  if (g_str_equal (change, "missing") && xa_test_server_uri () != NULL)
    {
      g_assert_cmpuint (findings->len, ==, 0);
      g_assert_true (g_file_test (fixture->head_path, G_FILE_TEST_EXISTS));
      return;
    }

  g_assert_cmpuint (findings->len, ==, 1);
  find (findings,
        g_str_equal (change, "missing") ? XA_AUDIT_FINDING_HEAD_MISSING
        : g_str_equal (change, "longer") ? XA_AUDIT_FINDING_CUT
        : XA_AUDIT_FINDING_REWRITTEN,
        NULL, NULL, NULL);
}

/* The data folder copied to a computer with another key file: its entries cannot be
 * checked there, which verify says, rather than calling them changed. */
static void
test_other_key (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *other_key = g_build_filename (fixture->db.dir, "other", "audit-key", NULL);
  g_autofree char *count = NULL;
  gint64 n_entries;
  XaAuditFinding *finding;

  populate (fixture);
  n_entries = query_int (fixture, "SELECT count(*) FROM audit WHERE key_id <> ''");
  g_setenv ("XIAOAN_AUDIT_KEY_FILE", other_key, TRUE);

  findings = verify (fixture);
  g_assert_true (g_file_test (other_key, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (findings->len, ==, 1);
  finding = find (findings, XA_AUDIT_FINDING_OTHER_KEY, NULL, NULL, NULL);
  g_assert_nonnull (strstr (finding->message, "another key"));
  count = g_strdup_printf ("%" G_GINT64_FORMAT " entries", n_entries);
  g_assert_nonnull (strstr (finding->message, count));

  /* Back on the computer that has the key, all holds. */
  g_setenv ("XIAOAN_AUDIT_KEY_FILE", fixture->key_path, TRUE);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* A database of schema 5 with records and history: the upgrade takes a baseline in one
 * signed entry, after which edits show; marking the file for another baseline later
 * cannot wash an edit away. */
static void
test_upgrade_baseline (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path (fixture);
  g_autoptr(GPtrArray) findings = NULL;
  XaStore *old;
  XaWorkspace *workspace;

  g_assert_cmpint (g_mkdir_with_parents (fixture->data_dir, 0700), ==, 0);
  old = _xa_store_open_at_version (path, 5, &error);
  g_assert_no_error (error);
  /* Today's code writes the columns later schemas added to person; they are there while
   * the demo writes and gone again before the upgrade, which adds them itself. */
  g_assert_true (xa_store_exec (old, "ALTER TABLE person ADD COLUMN note TEXT NOT NULL DEFAULT '';"
                                     "ALTER TABLE person ADD COLUMN removed_at TEXT;", &error));
  g_assert_no_error (error);
  workspace = xa_workspace_new_for_store (old);
  g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), N_SCHOOLS, 7, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (workspace);
  g_assert_true (xa_store_exec (old, "ALTER TABLE person DROP COLUMN note;"
                                     "ALTER TABLE person DROP COLUMN removed_at;", &error));
  g_assert_no_error (error);
  g_assert_finalize_object (old);

  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'audit.baseline'"), ==, 1);
  g_clear_pointer (&findings, g_ptr_array_unref);

  tamper (fixture, "UPDATE person SET name = '假名' WHERE id = 1;");
  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 1);
  find (findings, XA_AUDIT_FINDING_ROW_EDITED, "person", "假名", "name");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Asking for a new baseline to hide the edit: the baseline is taken, and named. */
  tamper (fixture, "INSERT INTO meta (key, value) VALUES ('audit-baseline', 'pending');");
  findings = verify (fixture);
  find (findings, XA_AUDIT_FINDING_LATE_BASELINE, NULL, NULL, NULL);
}

/* One write that changes several records of a table, one of them deleted: a clause
 * removed, the clauses after it renumbered, their agreement touched. On a server their
 * images are taken in one query and stored in one statement (xa-store-audit-image.c):
 * each record must still get its image, the removed one a tombstone, and verify must
 * find the district as the app left it. */
static void
test_several_in_one_write (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *agreement_uuid = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  {
    g_autoptr(XaWorkspace) workspace = xa_test_workspace_open (fixture->location, "审计员");
    XaAgreementBook *book = xa_workspace_get_agreements (workspace);
    guint n_made = 0;

    g_assert_true (xa_demo_fill (xa_workspace_get_registry (workspace), 2, 7, &error));
    g_assert_true (xa_agreement_book_generate_all (book, 2021, &n_made, &error));
    g_assert_no_error (error);
    agreement_uuid = current_agreement (workspace, 0);
    first = xa_agreement_book_add_supplement (book, agreement_uuid, "第一条补充。", &error);
    second = xa_agreement_book_add_supplement (book, agreement_uuid, "第二条补充。", &error);
    third = xa_agreement_book_add_supplement (book, agreement_uuid, "第三条补充。", &error);
    g_assert_no_error (error);

    g_assert_true (xa_agreement_book_remove_supplement (book, first, &error));
    g_assert_no_error (error);
  }

  /* The last entry holds the images of the write: the clause gone and the two
   * renumbered (and the agreement's, unless its time of change stayed in the second). */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_image"
                                       " WHERE seq = (SELECT max (seq) FROM audit)"
                                       " AND record_table = 'agreement_supplement'"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_image"
                                       " WHERE seq = (SELECT max (seq) FROM audit) AND image_hash = ''"), ==, 1);

  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* And each of them is covered: a renumbered clause edited behind the app's back shows. */
  tamper (fixture, "UPDATE agreement_supplement SET position = 9 WHERE position = 2;");
  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 1);
  find (findings, XA_AUDIT_FINDING_ROW_EDITED, "agreement_supplement", NULL, "position");
}

/* A school year inserted with its image given from its values
 * (xa_store_note_new_record()); @user_data set: an image that its row does not give. */
static gboolean
insert_year_cb (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  gboolean wrong = GPOINTER_TO_INT (user_data);
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  const char *at = "2026-12-07T08:00:00+08:00";
  int year = wrong ? 2151 : 2150;
  char id[24];
  char start[24];
  char label[24];

  if (!(insert = xa_store_prepare (store, "INSERT INTO school_year (uuid, start_year, created_at)"
                                          " VALUES (?, ?, ?) RETURNING id", error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, uuid);
  xa_statement_bind_int (insert, 2, year);
  xa_statement_bind_text (insert, 3, at);
  if (!xa_statement_step_one (insert, error))
    return FALSE;

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, xa_statement_get_int64 (insert, 0));
  g_snprintf (start, sizeof start, "%d", wrong ? year + 1 : year);
  g_snprintf (label, sizeof label, "%d", year);
  {
    const XaAuditValue values[] = {
      { "created_at", at, FALSE }, { "id", id, TRUE }, { "start_year", start, TRUE }, { "uuid", uuid, FALSE },
    };

    xa_store_note_new_record (store, "school_year", uuid, label, values, G_N_ELEMENTS (values));
  }
  return xa_store_append_audit (store, "school-year.add", "school_year", uuid, NULL, error);
}

/* A write that gives the images of its new records records them; one whose image its
 * row would not give is a programming error, and the chain records the row's. */
static void
test_new_record_images (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  /* The programming error is said, not fatal, in a process of its own (structured
   * logging passes by g_test_expect_message() in this GLib), and the chain records the
   * row's image. */
  if (g_test_subprocess ())
    {
      g_autoptr(XaStore) store = NULL;

      populate (fixture);
      store = open_store (fixture);
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      g_assert_true (xa_store_write (store, insert_year_cb, GINT_TO_POINTER (TRUE), &error));
      g_assert_no_error (error);
      g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_image WHERE record_table = 'school_year'"
                                           " AND label = '2151'"), ==, 1);
      findings = verify (fixture);
      g_assert_cmpuint (findings->len, ==, 0);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*differs from its row*");

  populate (fixture);
  {
    g_autoptr(XaStore) store = open_store (fixture);

    g_assert_true (xa_store_write (store, insert_year_cb, GINT_TO_POINTER (FALSE), &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit_image WHERE record_table = 'school_year'"
                                       " AND label = '2150'"), ==, 1);
  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 0);

  /* And the image is the row's: an edit behind the app's back shows. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  tamper (fixture, "UPDATE school_year SET created_at = '2026-12-08T08:00:00+08:00' WHERE start_year = 2150;");
  findings = verify (fixture);
  g_assert_cmpuint (findings->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/audit-tamper/clean", Fixture, NULL, fixture_set_up, test_clean, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (row_tamperings); i++)
    {
      g_autofree char *name = g_strconcat ("/xa/audit-tamper/row/", row_tamperings[i].name, NULL);

      g_test_add (name, Fixture, &row_tamperings[i], fixture_set_up, test_row_tampered, fixture_tear_down);
    }
  g_test_add ("/xa/audit-tamper/new-record-images", Fixture, NULL, fixture_set_up,
              test_new_record_images, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/several-in-one-write", Fixture, NULL, fixture_set_up,
              test_several_in_one_write, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/entry-edited", Fixture, NULL, fixture_set_up, test_entry_edited, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/image-edited", Fixture, NULL, fixture_set_up, test_image_edited, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/tail-cut", Fixture, NULL, fixture_set_up, test_tail_cut, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/log-emptied", Fixture, NULL, fixture_set_up, test_log_emptied, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/entry-rewritten/plain", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_entry_rewritten, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/entry-rewritten/own-key", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_entry_rewritten, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/head-file/missing", Fixture, "missing", fixture_set_up, test_head_file, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/head-file/longer", Fixture, "longer", fixture_set_up, test_head_file, fixture_tear_down);
  g_test_add ("/xa/audit-tamper/head-file/other-hash", Fixture, "other-hash", fixture_set_up, test_head_file, fixture_tear_down);
  /* A key file of this computer, and an older SQLite schema: a file's matters. */
  if (xa_test_server_uri () == NULL)
    {
      g_test_add ("/xa/audit-tamper/other-key", Fixture, NULL, fixture_set_up, test_other_key, fixture_tear_down);
      g_test_add ("/xa/audit-tamper/upgrade-baseline", Fixture, NULL, fixture_set_up, test_upgrade_baseline, fixture_tear_down);
    }

  return g_test_run ();
}
