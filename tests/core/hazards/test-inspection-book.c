/* test-inspection-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspections and special campaigns in the store, on either engine: numbers per school
 * and year, saves over a stale copy refused, an abnormal item turned into a hazard
 * linked both ways in one transaction (a failure on either side stores neither), an
 * item that became a hazard kept as it was found, checklists and school calendars the
 * commission changes, the missed inspections across schools, the campaigns' grid, and
 * the audit chain holding after each. In the pg suite, also what a school's login sees
 * and may write.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/hazards/xa-inspection-book.h"
#include "core/registry/xa-demo.h"

typedef struct
{
  XaWorkspace      *workspace;

  /* Borrowed from the workspace */
  XaStore          *store;
  XaInspectionBook *book;
  GPtrArray        *schools;  /* XaOrganisation, by code */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *schools;

  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 3);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->book = xa_workspace_get_inspections (fixture->workspace);
  fixture->schools = g_ptr_array_new_with_free_func (g_object_unref);

  schools = xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace));
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    g_ptr_array_add (fixture->schools, g_list_model_get_item (schools, i));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
}

static const char *
school_uuid (Fixture *fixture,
             guint    index)
{
  return xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, index));
}

static const char *
school_code (Fixture *fixture,
             guint    index)
{
  return xa_organisation_get_code (g_ptr_array_index (fixture->schools, index));
}

static XaChecklist *
checklist (Fixture    *fixture,
           const char *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = xa_inspection_book_dup_checklists (fixture->book, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < checklists->len; i++)
    {
      if (g_str_equal (xa_checklist_get_area (g_ptr_array_index (checklists, i)), area))
        return g_object_ref (g_ptr_array_index (checklists, i));
    }
  g_error ("No checklist %s", area);
}

/* An inspection of a school on a day, with the electricity checklist, its second item
 * abnormal when @abnormal. */
static XaInspection *
new_inspection (Fixture          *fixture,
                guint             school,
                XaInspectionType  type,
                const char       *date,
                gboolean          abnormal)
{
  g_autoptr(XaChecklist) electricity = checklist (fixture, "electricity");
  XaInspection *inspection = xa_inspection_new ();

  xa_inspection_set_school_uuid (inspection, school_uuid (fixture, school));
  xa_inspection_set_school_year (inspection, 2021);
  xa_inspection_set_inspection_type (inspection, type);
  xa_inspection_set_inspected_on (inspection, date);
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_set_inspectors (inspection, "总务处张老师");
  xa_inspection_add_checklist (inspection, electricity);
  if (abnormal)
    {
      XaInspectionItem *item = xa_inspection_get_item (inspection, 1);

      xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
      xa_inspection_item_set_place (item, "教学楼三楼东侧");
      xa_inspection_item_set_note (item, "配电箱旁电线裸露");
    }
  return inspection;
}

static XaInspection *
add_inspection (Fixture          *fixture,
                guint             school,
                XaInspectionType  type,
                const char       *date,
                gboolean          abnormal)
{
  g_autoptr(GError) error = NULL;
  XaInspection *inspection = new_inspection (fixture, school, type, date, abnormal);

  g_assert_true (xa_inspection_book_add (fixture->book, inspection, &error));
  g_assert_no_error (error);
  return inspection;
}

/* The hazard of item 2 that the user completed. */
static XaHazard *
completed_hazard (XaInspection *inspection)
{
  XaHazard *hazard = xa_inspection_new_hazard (inspection, 1);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "包扎裸露电线，加装线槽");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  return hazard;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return xa_test_query_int (fixture->store, sql);
}

static void
test_add_and_read (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) first = add_inspection (fixture, 0, XA_INSPECTION_WEEKLY, "2021-09-08", TRUE);
  g_autoptr(XaInspection) second = add_inspection (fixture, 0, XA_INSPECTION_MONTHLY, "2021-09-28", FALSE);
  g_autoptr(XaInspection) other = add_inspection (fixture, 1, XA_INSPECTION_WEEKLY, "2021-09-09", FALSE);
  g_autoptr(XaInspection) stored = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *expected = g_strdup_printf ("2021-2022-%s-JC0001", school_code (fixture, 0));
  g_autoptr(XaInspection) no_leader = new_inspection (fixture, 0, XA_INSPECTION_WEEKLY, "2021-09-15", FALSE);
  gint64 n_entries;

  g_assert_cmpstr (xa_inspection_get_number (first), ==, expected);
  g_assert_true (g_str_has_suffix (xa_inspection_get_number (second), "-JC0002"));
  g_assert_true (g_str_has_suffix (xa_inspection_get_number (other), "-JC0001"));
  g_assert_cmpuint (strlen (xa_inspection_get_uuid (first)), ==, 36);

  /* Read back by number, items and all, as it was given. */
  stored = xa_inspection_book_dup_by_number (fixture->book, expected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_inspection_get_uuid (stored), ==, xa_inspection_get_uuid (first));
  g_assert_cmpuint (xa_inspection_get_n_items (stored), ==, xa_inspection_get_n_items (first));
  g_assert_cmpint (xa_inspection_item_get_result (xa_inspection_get_item (stored, 1)), ==,
                   XA_INSPECTION_RESULT_ABNORMAL);
  g_assert_cmpstr (xa_inspection_item_get_note (xa_inspection_get_item (stored, 1)), ==, "配电箱旁电线裸露");
  g_assert_cmpstr (xa_inspection_item_get_area_name (xa_inspection_get_item (stored, 0)), ==, "用电");
  g_assert_cmpstr (xa_inspection_get_inspectors (stored), ==, "总务处张老师");

  /* A school's year, newest first, with counts and no items. */
  listed = xa_inspection_book_list (fixture->book, school_uuid (fixture, 0), 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpstr (xa_inspection_get_uuid (g_ptr_array_index (listed, 0)), ==, xa_inspection_get_uuid (second));
  g_assert_false (xa_inspection_has_items (g_ptr_array_index (listed, 1)));
  g_assert_cmpuint (xa_inspection_count_items (g_ptr_array_index (listed, 1)), ==, 7);
  g_assert_cmpuint (xa_inspection_count_abnormal (g_ptr_array_index (listed, 1)), ==, 1);
  g_assert_cmpuint (xa_inspection_count_unrecorded (g_ptr_array_index (listed, 1)), ==, 1);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = xa_inspection_book_list (fixture->book, NULL, 0, &error);
  g_assert_cmpuint (listed->len, ==, 3);

  /* Refused, naming the field, and nothing written. */
  n_entries = count (fixture, "SELECT count(*) FROM audit");
  xa_inspection_set_leader (no_leader, "");
  g_assert_false (xa_inspection_book_add (fixture->book, no_leader, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (xa_inspection_book_dup_by_number (fixture->book, "2021-2022-2150000113-JC0099", &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, n_entries);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM inspection"), ==, 3);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE action = 'inspection.add'"), ==, 3);
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) inspection = add_inspection (fixture, 0, XA_INSPECTION_WEEKLY, "2021-09-08", FALSE);
  g_autoptr(XaInspection) stale = NULL;
  g_autoptr(XaInspection) stored = NULL;
  g_autoptr(XaChecklist) gas = checklist (fixture, "gas");
  guint n_electricity = xa_inspection_get_n_items (inspection);

  stale = xa_inspection_book_dup_by_uuid (fixture->book, xa_inspection_get_uuid (inspection), &error);
  g_assert_no_error (error);

  /* Another checklist added, one item dropped, the remarks written. */
  xa_inspection_add_checklist (inspection, gas);
  g_assert_true (xa_inspection_remove_item (inspection, 0, &error));
  xa_inspection_set_remarks (inspection, "燃气由食堂管理员陪同检查");
  g_assert_true (xa_inspection_book_update (fixture->book, inspection, &error));
  g_assert_no_error (error);

  stored = xa_inspection_book_dup_by_uuid (fixture->book, xa_inspection_get_uuid (inspection), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_inspection_get_n_items (stored), ==, n_electricity - 1 + xa_checklist_get_n_items (gas));
  g_assert_cmpstr (xa_inspection_get_remarks (stored), ==, "燃气由食堂管理员陪同检查");
  g_assert_cmpstr (xa_inspection_item_get_area (xa_inspection_get_item (stored, n_electricity - 1)), ==, "gas");

  /* The copy read before: refused, and the stored one unchanged. */
  xa_inspection_set_leader (stale, "冒名");
  g_assert_false (xa_inspection_book_update (fixture->book, stale, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, xa_inspection_get_number (inspection)));
  g_clear_error (&error);

  /* Nor do school or year move. */
  xa_inspection_set_school_uuid (inspection, school_uuid (fixture, 1));
  g_assert_false (xa_inspection_book_update (fixture->book, inspection, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM inspection WHERE leader = '冒名'"), ==, 0);
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_item_to_hazard (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) inspection = add_inspection (fixture, 1, XA_INSPECTION_MONTHLY, "2021-10-26", TRUE);
  g_autoptr(XaHazard) hazard = completed_hazard (inspection);
  g_autoptr(XaHazard) stored_hazard = NULL;
  g_autoptr(XaInspection) source = NULL;
  g_autoptr(XaInspection) stored = NULL;
  g_autoptr(XaHazard) second = NULL;
  XaInspectionItem *item;
  guint index = G_MAXUINT;

  g_assert_true (xa_inspection_book_record_hazard (fixture->book, inspection, 1, hazard, &error));
  g_assert_no_error (error);

  /* The hazard: numbered in the ledger, prefilled from the item. */
  g_assert_true (g_str_has_suffix (xa_hazard_get_number (hazard), "-0001"));
  stored_hazard = xa_hazard_book_dup_by_number (xa_workspace_get_hazards (fixture->workspace),
                                                xa_hazard_get_number (hazard), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_hazard_get_text (stored_hazard, XA_HAZARD_FIELD_PLACE), ==, "教学楼三楼东侧");
  g_assert_cmpstr (xa_hazard_get_text (stored_hazard, XA_HAZARD_FIELD_DESCRIPTION), ==, "配电箱旁电线裸露");
  g_assert_cmpint (xa_hazard_get_category (stored_hazard), ==, XA_HAZARD_CATEGORY_ELECTRICITY);
  g_assert_cmpint (xa_hazard_get_inspection_type (stored_hazard), ==, XA_INSPECTION_MONTHLY);
  g_assert_cmpstr (xa_hazard_get_text (stored_hazard, XA_HAZARD_FIELD_FOUND_ON), ==, "2021-10-26");
  g_assert_cmpstr (xa_hazard_get_text (stored_hazard, XA_HAZARD_FIELD_FOUND_BY), ==, "王副校长、总务处张老师");
  g_assert_cmpstr (xa_hazard_get_text (stored_hazard, XA_HAZARD_FIELD_SCHOOL_UUID), ==, school_uuid (fixture, 1));

  /* Linked both ways: the item names the hazard, the hazard finds its item. */
  item = xa_inspection_get_item (inspection, 1);
  g_assert_cmpstr (xa_inspection_item_get_hazard_number (item), ==, xa_hazard_get_number (hazard));
  stored = xa_inspection_book_dup_by_uuid (fixture->book, xa_inspection_get_uuid (inspection), &error);
  g_assert_cmpstr (xa_inspection_item_get_hazard_uuid (xa_inspection_get_item (stored, 1)), ==,
                   xa_hazard_get_uuid (hazard));
  g_assert_cmpuint (xa_inspection_count_unrecorded (stored), ==, 0);
  source = xa_inspection_book_dup_hazard_source (fixture->book, xa_hazard_get_uuid (hazard), &index, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_inspection_get_uuid (source), ==, xa_inspection_get_uuid (inspection));
  g_assert_cmpuint (index, ==, 1);

  /* One transaction, one entry of each record. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE action = 'inspection.hazard'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE action = 'hazard.add'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(DISTINCT a.seq) FROM audit a JOIN audit_image i ON i.seq = a.seq"
                                   " WHERE i.record_table IN ('hazard', 'inspection')"
                                   "   AND a.action IN ('hazard.add', 'inspection.hazard')"), ==, 1);

  /* Not twice; not a normal item; not an item that is not there. */
  second = completed_hazard (inspection);
  g_assert_false (xa_inspection_book_record_hazard (fixture->book, inspection, 1, second, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_LINKED);
  g_clear_error (&error);
  g_assert_false (xa_inspection_book_record_hazard (fixture->book, inspection, 0, second, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_ABNORMAL);
  g_clear_error (&error);
  g_assert_false (xa_inspection_book_record_hazard (fixture->book, inspection, 99, second, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM hazard"), ==, 1);

  /* The item keeps its finding: it is not removed, moved or found normal again, by the
   * book or by SQL; its place and note may be completed. */
  xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_NORMAL);
  g_assert_false (xa_inspection_book_update (fixture->book, inspection, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID);
  g_clear_error (&error);
  xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
  g_assert_false (xa_inspection_remove_item (inspection, 1, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (xa_inspection_remove_item (inspection, 0, &error));
  g_assert_false (xa_inspection_book_update (fixture->book, inspection, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_LINKED);
  g_clear_error (&error);
  g_clear_object (&inspection);
  inspection = xa_inspection_book_dup_by_uuid (fixture->book, xa_inspection_get_uuid (stored), &error);
  xa_inspection_item_set_note (xa_inspection_get_item (inspection, 1), "配电箱旁电线裸露，约30厘米");
  g_assert_true (xa_inspection_book_update (fixture->book, inspection, &error));
  g_assert_no_error (error);
  g_assert_false (xa_store_exec (fixture->store, "UPDATE inspection_item SET result = 'normal', hazard_id = NULL"
                                                 " WHERE hazard_id IS NOT NULL", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (xa_store_exec (fixture->store, "DELETE FROM inspection_item WHERE hazard_id IS NOT NULL", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  xa_test_assert_chain_holds (fixture->store);
}

/* A failure on either side of the step stores neither the hazard nor the link. */
static void
test_item_to_hazard_rolled_back (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) inspection = add_inspection (fixture, 0, XA_INSPECTION_WEEKLY, "2021-09-08", TRUE);
  g_autoptr(XaInspection) stale = NULL;
  g_autoptr(XaHazard) no_measures = xa_inspection_new_hazard (inspection, 1);
  g_autoptr(XaHazard) hazard = completed_hazard (inspection);
  g_autoptr(XaInspection) stored = NULL;
  g_autofree char *fingerprint = xa_test_fingerprint (fixture->store);
  gint64 n_entries = count (fixture, "SELECT count(*) FROM audit");
  const char *refuse_link_sql = xa_store_get_is_server (fixture->store)
    ? "CREATE FUNCTION refuse_link () RETURNS trigger LANGUAGE plpgsql AS $$"
      " BEGIN RAISE EXCEPTION 'the link is refused'; END $$;"
      "CREATE TRIGGER refuse_link BEFORE UPDATE ON inspection_item"
      " FOR EACH ROW WHEN (NEW.hazard_id IS NOT NULL) EXECUTE FUNCTION refuse_link ();"
    : "CREATE TEMP TRIGGER refuse_link BEFORE UPDATE ON inspection_item"
      " WHEN NEW.hazard_id IS NOT NULL BEGIN SELECT RAISE (ABORT, 'the link is refused'); END;";

  /* The ledger refuses the hazard: the inspection is not touched. */
  g_assert_false (xa_inspection_book_record_hazard (fixture->book, inspection, 1, no_measures, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_clear_error (&error);

  /* A stale copy of the inspection: refused before the hazard is made. */
  stale = xa_inspection_copy (inspection);
  xa_inspection_set_remarks (inspection, "复查时补充");
  g_assert_true (xa_inspection_book_update (fixture->book, inspection, &error));
  g_assert_false (xa_inspection_book_record_hazard (fixture->book, stale, 1, hazard, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpstr (xa_hazard_get_number (hazard), ==, "");
  g_clear_pointer (&fingerprint, g_free);
  fingerprint = xa_test_fingerprint (fixture->store);
  n_entries = count (fixture, "SELECT count(*) FROM audit");

  /* The link fails after the ledger recorded the hazard: both roll back. */
  g_assert_true (xa_store_exec (fixture->store, refuse_link_sql, &error));
  g_assert_no_error (error);
  g_assert_false (xa_inspection_book_record_hazard (fixture->book, inspection, 1, hazard, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM hazard"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, n_entries);
  g_assert_cmpstr (xa_hazard_get_number (hazard), ==, "");
  g_assert_cmpstr (xa_inspection_item_get_hazard_uuid (xa_inspection_get_item (inspection, 1)), ==, "");
  {
    g_autofree char *after = xa_test_fingerprint (fixture->store);

    g_assert_cmpstr (after, ==, fingerprint);
  }

  /* Once the link is allowed again, the same hazard goes through, numbered first. */
  g_assert_true (xa_store_exec (fixture->store,
                                xa_store_get_is_server (fixture->store) ? "DROP TRIGGER refuse_link ON inspection_item"
                                                                         : "DROP TRIGGER refuse_link",
                                &error));
  g_assert_no_error (error);
  g_assert_true (xa_inspection_book_record_hazard (fixture->book, inspection, 1, hazard, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (xa_hazard_get_number (hazard), "-0001"));
  stored = xa_inspection_book_dup_by_uuid (fixture->book, xa_inspection_get_uuid (inspection), &error);
  g_assert_cmpstr (xa_inspection_item_get_hazard_number (xa_inspection_get_item (stored, 1)), ==,
                   xa_hazard_get_number (hazard));
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_checklists (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaChecklist) fire = checklist (fixture, "fire");
  g_autoptr(XaChecklist) changed = NULL;
  g_autoptr(XaChecklist) bus = xa_checklist_new ("school-bus", "校车");
  g_autoptr(GPtrArray) checklists = NULL;
  guint n_fire = xa_checklist_get_n_items (fire);

  /* Shipped until changed; a stored one is not, even gone back to the same items. */
  g_assert_true (xa_checklist_get_is_default (fire));
  xa_checklist_append_item (fire, "微型消防站器材齐全，队员熟悉操作", XA_HAZARD_CATEGORY_FIRE);
  g_assert_false (xa_checklist_get_is_default (fire));
  g_assert_true (xa_inspection_book_save_checklist (fixture->book, fire, &error));
  g_assert_no_error (error);
  xa_checklist_set_category (bus, XA_HAZARD_CATEGORY_TRAFFIC);
  xa_checklist_append_item (bus, "校车驾驶人持校车驾驶资格，车辆年检合格", XA_HAZARD_CATEGORY_TRAFFIC);
  g_assert_true (xa_inspection_book_save_checklist (fixture->book, bus, &error));
  g_assert_no_error (error);

  /* The shipped ones in their order, 消防 as saved, 校车 after them. */
  checklists = xa_inspection_book_dup_checklists (fixture->book, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, 12);
  g_assert_cmpstr (xa_checklist_get_area (g_ptr_array_index (checklists, 1)), ==, "fire");
  g_assert_cmpuint (xa_checklist_get_n_items (g_ptr_array_index (checklists, 1)), ==, n_fire + 1);
  g_assert_false (xa_checklist_get_is_default (g_ptr_array_index (checklists, 1)));
  g_assert_true (xa_checklist_get_is_default (g_ptr_array_index (checklists, 2)));
  g_assert_cmpstr (xa_checklist_get_name (g_ptr_array_index (checklists, 11)), ==, "校车");
  g_assert_false (xa_checklist_get_is_default (g_ptr_array_index (checklists, 11)));

  /* Refused: an empty checklist. */
  changed = xa_checklist_copy (fire);
  xa_checklist_clear_items (changed);
  g_assert_false (xa_inspection_book_save_checklist (fixture->book, changed, &error));
  g_assert_error (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID);
  g_clear_error (&error);

  /* Back to the shipped one. */
  g_assert_true (xa_inspection_book_reset_checklist (fixture->book, "fire", &error));
  g_assert_no_error (error);
  g_clear_object (&changed);
  changed = checklist (fixture, "fire");
  g_assert_cmpuint (xa_checklist_get_n_items (changed), ==, n_fire);
  g_assert_true (xa_checklist_get_is_default (changed));
  g_assert_false (xa_inspection_book_reset_checklist (fixture->book, "fire", &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  xa_test_assert_chain_holds (fixture->store);
}

static guint
n_missed_of (GPtrArray  *missed,
             const char *code)
{
  guint n = 0;

  for (guint i = 0; i < missed->len; i++)
    {
      if (g_str_equal (xa_plan_slot_get_school_code (g_ptr_array_index (missed, i)), code))
        n++;
    }
  return n;
}

/* Three schools on 20 September 2021 (the default calendar): the first recorded
 * nothing, the second everything owed, the third forgot its third week. */
static void
test_missed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GPtrArray) missed_third = NULL;
  g_autoptr(XaInspectionPlan) plan = NULL;
  g_autoptr(XaSchoolCalendar) calendar = NULL;
  const char *today = "2021-09-20";

  g_object_unref (add_inspection (fixture, 1, XA_INSPECTION_SEMESTER, "2021-09-03", FALSE));
  g_object_unref (add_inspection (fixture, 1, XA_INSPECTION_WEEKLY, "2021-09-08", FALSE));
  g_object_unref (add_inspection (fixture, 1, XA_INSPECTION_MONTHLY, "2021-09-15", FALSE));
  g_object_unref (add_inspection (fixture, 2, XA_INSPECTION_SEMESTER, "2021-09-02", FALSE));
  g_object_unref (add_inspection (fixture, 2, XA_INSPECTION_WEEKLY, "2021-09-09", FALSE));
  g_object_unref (add_inspection (fixture, 2, XA_INSPECTION_DAILY, "2021-09-16", FALSE));

  missed = xa_inspection_book_list_missed (fixture->book, NULL, 2021, today, &error);
  g_assert_no_error (error);
  /* The first: before term and weeks 1, 2 and 3. */
  g_assert_cmpuint (n_missed_of (missed, school_code (fixture, 0)), ==, 4);
  g_assert_cmpuint (n_missed_of (missed, school_code (fixture, 1)), ==, 0);
  g_assert_cmpuint (n_missed_of (missed, school_code (fixture, 2)), ==, 1);
  g_assert_cmpuint (missed->len, ==, 5);
  g_assert_cmpstr (xa_plan_slot_get_school_code (g_ptr_array_index (missed, 0)), ==, school_code (fixture, 0));
  g_assert_cmpstr (xa_plan_slot_get_from (g_ptr_array_index (missed, 4)), ==, "2021-09-13");
  g_assert_cmpstr (xa_plan_slot_get_school_name (g_ptr_array_index (missed, 4)), !=, "");

  missed_third = xa_inspection_book_list_missed (fixture->book, school_uuid (fixture, 2), 2021, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missed_third->len, ==, 1);
  g_assert_cmpint (xa_plan_slot_get_kind (g_ptr_array_index (missed_third, 0)), ==, XA_PLAN_SLOT_WEEKLY);

  /* The second school's plan: what met what, and September's check still due. */
  plan = xa_inspection_book_dup_plan (fixture->book, school_uuid (fixture, 1), 2021, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_inspection_plan_count (plan, XA_PLAN_SLOT_MISSED), ==, 0);
  g_assert_cmpuint (xa_inspection_plan_count (plan, XA_PLAN_SLOT_DONE), ==, 6);
  g_assert_cmpuint (xa_inspection_plan_count (plan, XA_PLAN_SLOT_DUE), ==, 1);

  /* The commission moves the first semester's start to 13 September: the first school
   * now owes only the check before term and that week. */
  calendar = xa_inspection_book_dup_calendar (fixture->book, 2021, &error);
  g_assert_true (xa_school_calendar_get_is_default (calendar));
  xa_school_calendar_set_semester (calendar, 0, "2021-09-13", "2022-01-20");
  g_assert_true (xa_inspection_book_save_calendar (fixture->book, calendar, &error));
  g_assert_no_error (error);
  g_clear_pointer (&missed, g_ptr_array_unref);
  missed = xa_inspection_book_list_missed (fixture->book, school_uuid (fixture, 0), 2021, today, &error);
  g_assert_cmpuint (missed->len, ==, 2);

  /* A calendar that is no calendar is refused, and the stored one stays. */
  xa_school_calendar_set_flood_season_start (calendar, "2023-05-01");
  g_assert_false (xa_inspection_book_save_calendar (fixture->book, calendar, &error));
  g_assert_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&calendar);
  calendar = xa_inspection_book_dup_calendar (fixture->book, 2021, &error);
  g_assert_cmpstr (xa_school_calendar_get_semester_start (calendar, 0), ==, "2021-09-13");
  g_assert_cmpstr (xa_school_calendar_get_flood_season_start (calendar), ==, "2022-05-01");

  xa_test_assert_chain_holds (fixture->store);
}

static void
test_campaigns (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(XaCampaignRecord) started = NULL;
  g_autoptr(XaCampaignRecord) complete = NULL;
  g_autoptr(XaCampaignRecord) stale = NULL;
  g_autoptr(XaCampaignGrid) grid = NULL;
  XaCampaign *drowning = NULL;
  guint n_launched = 0;

  /* Nothing before the campaigns are launched. */
  g_assert_null (xa_inspection_book_dup_campaign_grid (fixture->book, 2021, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED);
  g_clear_error (&error);

  g_assert_true (xa_inspection_book_launch_campaigns (fixture->book, 2021, &n_launched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_launched, ==, 15);
  g_assert_true (xa_inspection_book_launch_campaigns (fixture->book, 2021, &n_launched, &error));
  g_assert_cmpuint (n_launched, ==, 0);
  campaigns = xa_inspection_book_list_campaigns (fixture->book, 2021, &error);
  g_assert_cmpuint (campaigns->len, ==, 15);
  drowning = g_ptr_array_index (campaigns, 4);
  g_assert_cmpstr (xa_campaign_get_name (drowning), ==, "防溺水");

  /* The first school has a plan; the second all three parts. */
  started = xa_inspection_book_dup_campaign_record (fixture->book, xa_campaign_get_uuid (drowning),
                                                    school_uuid (fixture, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_campaign_record_get_uuid (started), ==, "");
  xa_campaign_record_set_plan (started, "一、工作目标\n杜绝学生溺水事故。\n二、工作措施\n1. 开展防溺水专题班会。");
  g_assert_true (xa_inspection_book_save_campaign_record (fixture->book, started, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (xa_campaign_record_get_uuid (started)), ==, 36);

  complete = xa_inspection_book_dup_campaign_record (fixture->book, xa_campaign_get_uuid (drowning),
                                                     school_uuid (fixture, 1), &error);
  xa_campaign_record_set_plan (complete, "防溺水工作方案");
  xa_campaign_record_set_activities (complete, "2022-05-20 七年级(3)班防溺水主题班会，签订《防溺水承诺书》，参与率100%");
  xa_campaign_record_set_summary (complete, "全校开展防溺水教育12次，发放告家长书1200份。");
  g_assert_true (xa_inspection_book_save_campaign_record (fixture->book, complete, &error));
  g_assert_no_error (error);

  /* A record read before another save: refused. */
  stale = xa_inspection_book_dup_campaign_record (fixture->book, xa_campaign_get_uuid (drowning),
                                                  school_uuid (fixture, 0), &error);
  xa_campaign_record_set_activities (started, "巡查河道两次");
  g_assert_true (xa_inspection_book_save_campaign_record (fixture->book, started, &error));
  g_assert_no_error (error);
  xa_campaign_record_set_summary (stale, "总结");
  g_assert_false (xa_inspection_book_save_campaign_record (fixture->book, stale, &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_CHANGED);
  g_clear_error (&error);

  /* A campaign of no year. */
  g_assert_null (xa_inspection_book_dup_campaign_record (fixture->book, "7d0f8e9a-0000-4000-8000-000000000000",
                                                         school_uuid (fixture, 0), &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);

  grid = xa_inspection_book_dup_campaign_grid (fixture->book, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_campaign_grid_get_n_schools (grid), ==, 3);
  g_assert_cmpuint (xa_campaign_grid_get_n_campaigns (grid), ==, 15);
  g_assert_cmpstr (xa_campaign_grid_get_school_code (grid, 0), ==, school_code (fixture, 0));
  g_assert_cmpint (xa_campaign_grid_get_parts (grid, 0, 4), ==, XA_CAMPAIGN_PART_PLAN | XA_CAMPAIGN_PART_ACTIVITIES);
  g_assert_cmpint (xa_campaign_grid_get_status (grid, 0, 4), ==, XA_CAMPAIGN_STATUS_UNDER_WAY);
  g_assert_cmpint (xa_campaign_grid_get_status (grid, 1, 4), ==, XA_CAMPAIGN_STATUS_COMPLETE);
  g_assert_cmpint (xa_campaign_grid_get_status (grid, 2, 4), ==, XA_CAMPAIGN_STATUS_NOT_STARTED);
  g_assert_cmpint (xa_campaign_grid_get_status (grid, 1, 0), ==, XA_CAMPAIGN_STATUS_NOT_STARTED);
  g_assert_cmpuint (xa_campaign_grid_count_complete (grid, 1), ==, 1);
  g_assert_cmpuint (xa_campaign_grid_count_complete (grid, 0), ==, 0);

  xa_test_assert_chain_holds (fixture->store);
}

/* Server only: a school's login sees and writes its own inspections and campaign
 * records, reads the commission's checklists and campaigns, and writes neither. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaInspectionBook *admin_book = xa_workspace_get_inspections (admin);
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("insp_a_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaInspection) of_b = xa_inspection_new ();
  g_autoptr(XaInspection) of_a = xa_inspection_new ();
  g_autoptr(XaInspection) mine = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(XaCampaignGrid) grid = NULL;
  g_autoptr(XaCampaignRecord) record = NULL;
  g_autoptr(XaChecklist) fire = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  XaInspectionBook *book_a;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 3, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);

  /* The commission records an inspection of B and launches the campaigns. */
  checklists = xa_inspection_book_dup_checklists (admin_book, &error);
  fire = g_object_ref (g_ptr_array_index (checklists, 1));
  for (guint i = 0; i < 2; i++)
    {
      XaInspection *inspection = i == 0 ? of_b : of_a;

      xa_inspection_set_school_uuid (inspection, xa_organisation_get_uuid (i == 0 ? b : a));
      xa_inspection_set_school_year (inspection, 2021);
      xa_inspection_set_inspected_on (inspection, "2021-09-08");
      xa_inspection_set_leader (inspection, "区教委安稳科");
      xa_inspection_set_inspection_type (inspection, XA_INSPECTION_SUPERVISION);
      xa_inspection_add_checklist (inspection, fire);
    }
  g_assert_true (xa_inspection_book_add (admin_book, of_b, &error));
  g_assert_true (xa_inspection_book_launch_campaigns (admin_book, 2021, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);
  book_a = xa_workspace_get_inspections (school_a);

  /* B's inspection: not listed, not found, not changed by SQL. */
  listed = xa_inspection_book_list (book_a, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_null (xa_inspection_book_dup_by_uuid (book_a, xa_inspection_get_uuid (of_b), &error));
  g_assert_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (xa_store_exec (xa_workspace_get_store (school_a), "UPDATE inspection SET leader = 'x'", &error));
  g_assert_cmpint (xa_store_count_changes (xa_workspace_get_store (school_a)), ==, 0);

  /* Its own: recorded, an item turned into its own hazard. */
  xa_inspection_item_set_result (xa_inspection_get_item (of_a, 0), XA_INSPECTION_RESULT_ABNORMAL);
  xa_inspection_item_set_note (xa_inspection_get_item (of_a, 0), "灭火器过期");
  xa_inspection_set_leader (of_a, "甲校王副校长");
  xa_inspection_set_inspection_type (of_a, XA_INSPECTION_WEEKLY);
  g_assert_true (xa_inspection_book_add (book_a, of_a, &error));
  g_assert_no_error (error);
  hazard = xa_inspection_new_hazard (of_a, 0);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼一楼");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "更换灭火器");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  g_assert_true (xa_inspection_book_record_hazard (book_a, of_a, 0, hazard, &error));
  g_assert_no_error (error);

  /* Another school's inspection: its school is not one A sees. */
  mine = xa_inspection_new ();
  xa_inspection_set_school_uuid (mine, xa_organisation_get_uuid (b));
  xa_inspection_set_school_year (mine, 2021);
  xa_inspection_set_inspected_on (mine, "2021-09-09");
  xa_inspection_set_leader (mine, "甲校王副校长");
  xa_inspection_add_checklist (mine, fire);
  g_assert_false (xa_inspection_book_add (book_a, mine, &error));
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL);
  g_clear_error (&error);

  /* Missed inspections and the grid: A's only. */
  missed = xa_inspection_book_list_missed (book_a, NULL, 2021, "2021-09-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missed->len, >, 0);
  for (guint i = 0; i < missed->len; i++)
    g_assert_cmpstr (xa_plan_slot_get_school_code (g_ptr_array_index (missed, i)), ==, xa_organisation_get_code (a));
  grid = xa_inspection_book_dup_campaign_grid (book_a, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_campaign_grid_get_n_schools (grid), ==, 1);

  /* Its campaign record it writes; the commission's campaigns and checklists it reads
   * and does not write. */
  campaigns = xa_inspection_book_list_campaigns (book_a, 2021, &error);
  g_assert_cmpuint (campaigns->len, ==, 15);
  record = xa_inspection_book_dup_campaign_record (book_a, xa_campaign_get_uuid (g_ptr_array_index (campaigns, 0)),
                                                   xa_organisation_get_uuid (a), &error);
  xa_campaign_record_set_plan (record, "甲校交通安全工作方案");
  g_assert_true (xa_inspection_book_save_campaign_record (book_a, record, &error));
  g_assert_no_error (error);
  g_assert_false (xa_inspection_book_launch_campaigns (book_a, 2022, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  xa_checklist_set_name (fire, "消防安全");
  g_assert_false (xa_inspection_book_save_checklist (book_a, fire, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM checklist"), ==, 0);
  g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM campaign"), ==, 15);

  /* The commission sees both schools' inspections; the chain all wrote holds. */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = xa_inspection_book_list (admin_book, NULL, 2021, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  xa_test_assert_chain_holds (admin_store);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xiaoan/inspection-book/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-and-read", test_add_and_read);
  ADD ("update", test_update);
  ADD ("item-to-hazard", test_item_to_hazard);
  ADD ("item-to-hazard-rolled-back", test_item_to_hazard_rolled_back);
  ADD ("checklists", test_checklists);
  ADD ("missed", test_missed);
  ADD ("campaigns", test_campaigns);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/xiaoan/inspection-book/access", test_access);

  return g_test_run ();
}
