/* test-hazard-book-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An imported ledger stored in the hazard book, on either engine: a ledger exported
 * from one store (XLSX and CSV) and imported into an empty one gives the same rows,
 * numbers, states and every column, found by the search, with one audited entry each
 * and a chain that verifies; a number already in the ledger, another school's number
 * or a school not in the register refuses the whole import, even half-way through it,
 * and leaves the store byte for byte as it was.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "hazard-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-export.h"
#include "core/hazards/xa-hazard-import.h"

#define YEAR 2021

typedef struct
{
  char         *dir;
  XaWorkspace  *source;   /* the ledger exported */
  XaWorkspace  *target;   /* an empty ledger of the same district */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("xiaoan-book-import-XXXXXX", NULL);
  fixture->source = xa_test_workspace_new_in_memory ("安全办", 2);
  fixture->target = xa_test_workspace_new_in_memory ("导入员", 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->source);
  g_assert_finalize_object (fixture->target);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static XaOrganisation *
dup_school (XaWorkspace *workspace,
            guint        index)
{
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (workspace));

  return g_list_model_get_item (schools, index);
}

static XaHazardBook *
book_of (XaWorkspace *workspace)
{
  return xa_workspace_get_hazards (workspace);
}

static XaStore *
store_of (XaWorkspace *workspace)
{
  return xa_workspace_get_store (workspace);
}

static void
step (XaHazardBook *book,
      XaHazard     *hazard,
      XaHazardStep  step,
      const char   *who,
      const char   *date,
      const char   *note)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { who, date, NULL, note };

  g_assert_true (xa_hazard_book_step (book, hazard, step, &input, &error));
  g_assert_no_error (error);
}

/* A hazard of school @index in YEAR, valid, without number. */
static XaHazard *
new_hazard (XaWorkspace *workspace,
            guint        index,
            guint        i)
{
  g_autoptr(XaOrganisation) school = dup_school (workspace, index);
  XaHazard *hazard = test_hazard_new (i % 4 == 1 ? XA_HAZARD_GRADE_MAJOR : XA_HAZARD_GRADE_GENERAL);
  g_autofree char *place = g_strdup_printf ("%u号教学楼门厅", i + 1);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school));
  xa_hazard_set_school_year (hazard, YEAR);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
  if (i % 4 == 1)
    {
      test_hazard_set_major_requirements (hazard);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS, "1200.50");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS_SOURCE, "公用经费");
    }
  if (i == 2)
    {
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "第一步，断电；\n第二步：更换\"防爆\"开关");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REMARKS, "=SUM(A1:A3)");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REINSPECTOR, "王校长");
    }
  return hazard;
}

/* A ledger of school 0 in every state: 待整改, 整改中, 待复查, 合格, a failed
 * re-inspection back in 整改中, and 已销号. */
static void
fill_source (Fixture *fixture)
{
  XaHazardBook *book = book_of (fixture->source);

  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(XaHazard) hazard = new_hazard (fixture->source, 0, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (xa_hazard_book_add (book, hazard, &error));
      g_assert_no_error (error);

      if (i >= 1)
        step (book, hazard, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, NULL, NULL);
      if (i >= 2)
        step (book, hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-09-08", "已更换");
      if (i == 3)
        step (book, hazard, XA_HAZARD_STEP_FAIL, "王校长", "2021-09-09", "电线仍裸露");
      if (i >= 4)
        step (book, hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-09-12", NULL);
      if (i >= 5)
        step (book, hazard, XA_HAZARD_STEP_CLOSE, "王校长", "2021-09-13", NULL);
    }
}

static GPtrArray *
read_all (XaWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  XaHazardFilter filter;
  GPtrArray *hazards;

  xa_hazard_filter_init (&filter);
  hazards = xa_hazard_book_read_page (book_of (workspace), &filter, XA_HAZARD_SORT_NUMBER, FALSE, 0, 1000, &error);
  g_assert_no_error (error);
  return hazards;
}

/* A hazard's columns, the store's keys aside (its UUID, its school's, its history). */
static char *
dup_columns (XaHazard *hazard)
{
  g_autoptr(JsonObject) object = xa_hazard_to_json (hazard);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_remove_member (object, xa_hazard_field_to_key (XA_HAZARD_FIELD_UUID));
  json_object_remove_member (object, xa_hazard_field_to_key (XA_HAZARD_FIELD_SCHOOL_UUID));
  json_object_remove_member (object, "history");
  json_node_set_object (node, object);
  return json_to_string (node, TRUE);
}

/* Exports the source's ledger as @name and reads it back for the target's school 0. */
static GPtrArray *
export_and_read (Fixture    *fixture,
                 const char *name,
                 char      **path)
{
  g_autoptr(XaOrganisation) from = dup_school (fixture->source, 0);
  g_autoptr(XaOrganisation) to = dup_school (fixture->target, 0);
  g_autoptr(GPtrArray) exported = read_all (fixture->source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  XaHazardExportInfo info = { xa_organisation_get_name (from), NULL, "2021-10-08" };
  XaHazardImportOptions options = { xa_organisation_get_uuid (to), xa_organisation_get_name (to),
                                    xa_organisation_get_code (to), 0 };
  GPtrArray *hazards;
  gboolean ok;

  *path = g_build_filename (fixture->dir, name, NULL);
  if (g_str_has_suffix (name, ".xlsx"))
    ok = xa_hazard_export_xlsx (exported, &info, *path, &error);
  else
    ok = xa_hazard_export_csv (exported, &info, *path, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  file = g_file_new_for_path (*path);
  hazards = xa_hazard_import_file (file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hazards);
  return hazards;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *detail = NULL;
  XaStore *target = store_of (fixture->target);
  XaHazardFilter filter;
  guint n_found = 0;

  fill_source (fixture);
  hazards = export_and_read (fixture, name, &path);
  g_assert_cmpuint (hazards->len, ==, 7);

  g_assert_true (xa_hazard_book_import (book_of (fixture->target), hazards, name, &error));
  g_assert_no_error (error);

  /* The same rows: numbers, states and every column. */
  before = read_all (fixture->source);
  after = read_all (fixture->target);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      g_autofree char *a = dup_columns (before->pdata[i]);
      g_autofree char *b = dup_columns (after->pdata[i]);

      g_assert_cmpstr (b, ==, a);
      /* Nothing invented: the steps taken on paper are not known. */
      g_assert_cmpuint (xa_hazard_get_n_entries (after->pdata[i]), ==, 0);
    }
  g_assert_cmpint (xa_hazard_get_state (after->pdata[0]), ==, XA_HAZARD_STATE_PENDING);
  g_assert_cmpint (xa_hazard_get_state (after->pdata[3]), ==, XA_HAZARD_STATE_RECTIFYING);
  g_assert_cmpint (xa_hazard_get_reinspection_result (after->pdata[3]), ==, XA_REINSPECTION_FAILED);
  g_assert_cmpint (xa_hazard_get_state (after->pdata[6]), ==, XA_HAZARD_STATE_CLOSED);

  /* The caller's hazards hold what was stored. */
  g_assert_cmpstr (xa_hazard_get_uuid (hazards->pdata[0]), ==, xa_hazard_get_uuid (after->pdata[0]));

  /* One entry each, with its row's image, naming the file; the chain verifies. */
  g_assert_cmpint (xa_test_query_int (target, "SELECT count(*) FROM audit WHERE action = 'hazard.import'"), ==, 7);
  g_assert_cmpint (xa_test_query_int (target, "SELECT count(*) FROM audit_image WHERE record_table = 'hazard'"), ==, 7);
  detail = xa_test_query_text (target, "SELECT detail FROM audit WHERE action = 'hazard.import' ORDER BY seq LIMIT 1");
  g_assert_nonnull (strstr (detail, name));
  g_assert_cmpint (xa_test_query_int (target, "SELECT count(*) FROM hazard WHERE created_by = '导入员'"), ==, 7);
  xa_test_assert_chain_holds (target);

  /* Found by a one- and a two-character term. */
  xa_hazard_filter_init (&filter);
  filter.search = "电线";
  g_assert_true (xa_hazard_book_count (book_of (fixture->target), &filter, &n_found, &error));
  g_assert_cmpuint (n_found, ==, 7);
  filter.search = "3";
  g_assert_true (xa_hazard_book_count (book_of (fixture->target), &filter, &n_found, &error));
  g_assert_cmpuint (n_found, ==, 1);

  /* A new hazard takes the number after the imported ones. */
  {
    g_autoptr(XaHazard) next = new_hazard (fixture->target, 0, 9);

    g_assert_true (xa_hazard_book_add (book_of (fixture->target), next, &error));
    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (xa_hazard_get_number (next), "-0008"));
  }
}

/* Hazards without a number are numbered after those of the store and of the file. */
static void
test_numbers_drawn (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XaHazard) first = new_hazard (fixture->target, 0, 0);
  g_autoptr(XaOrganisation) school = dup_school (fixture->target, 0);
  g_autofree char *numbered = g_strdup_printf ("2021-2022-%s-0005", xa_organisation_get_code (school));

  g_assert_true (xa_hazard_book_add (book_of (fixture->target), first, &error));
  g_assert_no_error (error);

  g_ptr_array_add (hazards, new_hazard (fixture->target, 0, 1));
  g_ptr_array_add (hazards, new_hazard (fixture->target, 0, 2));
  xa_hazard_set_text (hazards->pdata[1], XA_HAZARD_FIELD_NUMBER, numbered);
  g_assert_true (xa_hazard_book_import (book_of (fixture->target), hazards, "台账.csv", &error));
  g_assert_no_error (error);

  g_assert_true (g_str_has_suffix (xa_hazard_get_number (hazards->pdata[0]), "-0006"));
  g_assert_cmpstr (xa_hazard_get_number (hazards->pdata[1]), ==, numbered);
  g_assert_cmpint (xa_test_query_int (store_of (fixture->target), "SELECT count(*) FROM hazard"), ==, 3);
  xa_test_assert_chain_holds (store_of (fixture->target));
}

static void
assert_refused (Fixture    *fixture,
                GPtrArray  *hazards,
                GQuark      domain,
                int         code,
                const char *named)
{
  XaStore *store = store_of (fixture->target);
  g_autofree char *fingerprint = xa_test_fingerprint (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (xa_hazard_book_import (book_of (fixture->target), hazards, "台账.xlsx", &error));
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, named));

  after = xa_test_fingerprint (store);
  g_assert_cmpstr (after, ==, fingerprint);
  xa_test_assert_chain_holds (store);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) stored = new_hazard (fixture->target, 0, 0);
  g_autoptr(XaOrganisation) school = dup_school (fixture->target, 0);
  g_autoptr(XaOrganisation) other = dup_school (fixture->target, 1);
  g_autoptr(GPtrArray) hazards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *foreign = g_strdup_printf ("2021-2022-%s-0003", xa_organisation_get_code (other));

  g_assert_true (xa_hazard_book_add (book_of (fixture->target), stored, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      XaHazard *hazard = new_hazard (fixture->target, 0, i);
      g_autofree char *number = g_strdup_printf ("2021-2022-%s-%04u", xa_organisation_get_code (school), i + 2);

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, number);
      g_ptr_array_add (hazards, hazard);
    }

  /* A number the ledger has. */
  xa_hazard_set_text (hazards->pdata[3], XA_HAZARD_FIELD_NUMBER, xa_hazard_get_number (stored));
  assert_refused (fixture, hazards, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_EXISTS, xa_hazard_get_number (stored));

  /* Half-way: three hazards written when the fourth carries another school's code. */
  xa_hazard_set_text (hazards->pdata[3], XA_HAZARD_FIELD_NUMBER, foreign);
  assert_refused (fixture, hazards, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER, foreign);

  /* Half-way: the last one's school is not in the register. */
  xa_hazard_set_text (hazards->pdata[3], XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazards->pdata[4], XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazards->pdata[4], XA_HAZARD_FIELD_SCHOOL_UUID, "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1");
  assert_refused (fixture, hazards, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL,
                  xa_hazard_field_to_label (XA_HAZARD_FIELD_SCHOOL_UUID));

  /* A hazard the rules refuse, named by its number. */
  xa_hazard_set_text (hazards->pdata[4], XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school));
  xa_hazard_set_text (hazards->pdata[1], XA_HAZARD_FIELD_PLACE, " ");
  assert_refused (fixture, hazards, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID, xa_hazard_get_number (hazards->pdata[1]));

  g_assert_cmpint (xa_test_query_int (store_of (fixture->target), "SELECT count(*) FROM hazard"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xiaoan/hazard-book-import/round-trip/xlsx", Fixture, "台账.xlsx",
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/xiaoan/hazard-book-import/round-trip/csv", Fixture, "台账.csv",
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/xiaoan/hazard-book-import/numbers-drawn", Fixture, NULL,
              fixture_set_up, test_numbers_drawn, fixture_tear_down);
  g_test_add ("/xiaoan/hazard-book-import/refused", Fixture, NULL,
              fixture_set_up, test_refused, fixture_tear_down);

  return g_test_run ();
}
