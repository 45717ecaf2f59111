/* test-hazard-book.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger in the store, on either engine: numbers drawn per school and year;
 * a save over a stale copy refused; closed hazards never changed; every step saved with
 * its history line and its audit entry, the chain verifying after each; bad input
 * refused with the field named and nothing written.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "hazard-test-utils.h"
#include "core/hazards/xa-hazard-book.h"

typedef struct
{
  XaWorkspace  *workspace;

  /* Borrowed from the workspace */
  XaStore      *store;
  XaHazardBook *book;
  GPtrArray    *schools;   /* XaOrganisation, by code */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *schools;

  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 3);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->book = xa_workspace_get_hazards (fixture->workspace);
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

static XaOrganisation *
school (Fixture *fixture,
        guint    index)
{
  return g_ptr_array_index (fixture->schools, index);
}

/* A valid new hazard of a school and year, as a form would give it. */
static XaHazard *
new_hazard (Fixture *fixture,
            guint    school_index,
            int      year)
{
  XaHazard *hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autofree char *found_on = g_strdup_printf ("%d-10-08", year);
  g_autofree char *deadline = g_strdup_printf ("%d-10-15", year);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school (fixture, school_index)));
  xa_hazard_set_school_year (hazard, year);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  return hazard;
}

static XaHazard *
add_hazard (Fixture *fixture,
            guint    school_index,
            int      year)
{
  g_autoptr(GError) error = NULL;
  XaHazard *hazard = new_hazard (fixture, school_index, year);

  g_assert_true (xa_hazard_book_add (fixture->book, hazard, &error));
  g_assert_no_error (error);
  return hazard;
}

static gint64
count_rows (Fixture    *fixture,
            const char *sql)
{
  return xa_test_query_int (fixture->store, sql);
}

static void
assert_audit_clean (Fixture *fixture)
{
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaHazard) first = add_hazard (fixture, 0, 2021);
  g_autoptr(XaHazard) second = add_hazard (fixture, 0, 2021);
  g_autoptr(XaHazard) other_school = add_hazard (fixture, 1, 2021);
  g_autoptr(XaHazard) next_year = add_hazard (fixture, 0, 2022);
  g_autoptr(XaHazard) third = add_hazard (fixture, 0, 2021);
  g_autoptr(XaHazard) stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *code = xa_organisation_get_code (school (fixture, 0));
  g_autofree char *expected = g_strdup_printf ("2021-2022-%s-0001", code);

  g_assert_cmpstr (xa_hazard_get_number (first), ==, expected);
  g_assert_true (g_str_has_suffix (xa_hazard_get_number (second), "-0002"));
  g_assert_true (g_str_has_suffix (xa_hazard_get_number (third), "-0003"));
  g_assert_true (g_str_has_prefix (xa_hazard_get_number (other_school), "2021-2022-"));
  g_assert_true (g_str_has_suffix (xa_hazard_get_number (other_school), "-0001"));
  g_assert_true (g_str_has_prefix (xa_hazard_get_number (next_year), "2022-2023-"));
  g_assert_true (g_str_has_suffix (xa_hazard_get_number (next_year), "-0001"));

  /* Stored as given, in 待整改, and found by its number and its UUID. */
  stored = xa_hazard_book_dup_by_number (fixture->book, expected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_hazard_get_uuid (stored), ==, xa_hazard_get_uuid (first));
  g_assert_cmpint (xa_hazard_get_state (stored), ==, XA_HAZARD_STATE_PENDING);
  {
    g_autofree char *a = test_hazard_dup_json (stored);
    g_autofree char *b = test_hazard_dup_json (first);

    g_assert_cmpstr (a, ==, b);
  }

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit WHERE action = 'hazard.add'"), ==, 5);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit_image WHERE record_table = 'hazard'"), ==, 5);
  assert_audit_clean (fixture);
}

static void
test_add_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) no_place = new_hazard (fixture, 0, 2021);
  g_autoptr(XaHazard) no_school = new_hazard (fixture, 0, 2021);
  g_autoptr(XaHazard) started = new_hazard (fixture, 0, 2021);
  gint64 n_entries = count_rows (fixture, "SELECT count(*) FROM audit");

  xa_hazard_set_text (no_place, XA_HAZARD_FIELD_PLACE, "  ");
  g_assert_false (xa_hazard_book_add (fixture->book, no_place, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, xa_hazard_field_to_label (XA_HAZARD_FIELD_PLACE)));
  g_clear_error (&error);

  xa_hazard_set_text (no_school, XA_HAZARD_FIELD_SCHOOL_UUID, "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1");
  g_assert_false (xa_hazard_book_add (fixture->book, no_school, &error));
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL);
  g_assert_cmpstr (xa_hazard_get_number (no_school), ==, "");
  g_clear_error (&error);

  test_hazard_step (started, XA_HAZARD_STEP_START, "赵师傅", NULL, NULL);
  g_assert_false (xa_hazard_book_add (fixture->book, started, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);

  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM hazard"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, n_entries);
}

/* The counts the ledger sums (hazard_count, schema 15) are what counting the hazards
 * gives, after adds, edits and steps. */
static void
assert_counts_hold (Fixture *fixture)
{
  static const char groups[] =
    "SELECT organisation_id, school_year, state, grade, category, count(*) FROM hazard"
    " GROUP BY organisation_id, school_year, state, grade, category";
  static const char totals[] =
    "SELECT organisation_id, school_year, state, grade, category, n FROM hazard_count";
  g_autofree char *missing = g_strdup_printf ("SELECT count(*) FROM (%s EXCEPT %s) AS d", groups, totals);
  g_autofree char *extra = g_strdup_printf ("SELECT count(*) FROM (%s EXCEPT %s) AS d", totals, groups);

  g_assert_cmpint (xa_test_query_int (fixture->store, missing), ==, 0);
  g_assert_cmpint (xa_test_query_int (fixture->store, extra), ==, 0);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = add_hazard (fixture, 0, 2021);
  g_autoptr(XaHazard) mine = NULL;
  g_autoptr(XaHazard) theirs = NULL;
  g_autoptr(XaHazard) stored = NULL;
  g_autofree char *detail = NULL;
  gint64 n_entries;

  mine = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  theirs = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  g_assert_no_error (error);

  /* The first save wins; the grams follow the new place. */
  xa_hazard_set_text (mine, XA_HAZARD_FIELD_PLACE, "食堂后门");
  xa_hazard_set_text (mine, XA_HAZARD_FIELD_FUNDS, "1200.50");
  g_assert_true (xa_hazard_book_update (fixture->book, mine, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xa_hazard_get_text (mine, XA_HAZARD_FIELD_PLACE), ==, "食堂后门");
  detail = xa_test_query_text (fixture->store, "SELECT detail FROM audit WHERE action = 'hazard.update'");
  g_assert_nonnull (strstr (detail, "\"place\""));
  g_assert_nonnull (strstr (detail, "\"funds\""));
  g_assert_null (strstr (detail, "\"description\""));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM hazard_gram WHERE gram = '后门'"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM hazard_gram WHERE gram = '三楼'"), ==, 0);

  /* The second, from the copy read before, is refused and changes nothing. */
  n_entries = count_rows (fixture, "SELECT count(*) FROM audit");
  xa_hazard_set_text (theirs, XA_HAZARD_FIELD_DESCRIPTION, "别的描述");
  g_assert_false (xa_hazard_book_update (fixture->book, theirs, &error));
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, xa_hazard_get_number (hazard)));
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, n_entries);
  stored = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  g_assert_cmpstr (xa_hazard_get_text (stored, XA_HAZARD_FIELD_DESCRIPTION), ==,
                   xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DESCRIPTION));

  /* Saving what was not changed writes nothing. */
  g_assert_true (xa_hazard_book_update (fixture->book, stored, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, n_entries);

  /* The school year is part of the number. */
  xa_hazard_set_school_year (stored, 2022);
  g_assert_false (xa_hazard_book_update (fixture->book, stored, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_clear_error (&error);

  /* A bad value names its field and changes nothing. */
  xa_hazard_set_school_year (stored, 2021);
  xa_hazard_set_text (stored, XA_HAZARD_FIELD_DEADLINE, "2021-02-30");
  g_assert_false (xa_hazard_book_update (fixture->book, stored, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, xa_hazard_field_to_label (XA_HAZARD_FIELD_DEADLINE)));
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, n_entries);
  assert_counts_hold (fixture);
  assert_audit_clean (fixture);
}

static void
step (Fixture      *fixture,
      XaHazard     *hazard,
      XaHazardStep  which,
      const char   *who,
      const char   *date,
      const char   *note)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { who, date, NULL, note };

  g_assert_true (xa_hazard_book_step (fixture->book, hazard, which, &input, &error));
  g_assert_no_error (error);
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  static const struct
  {
    XaHazardStep  step;
    const char   *who;
    const char   *date;
    const char   *note;
    XaHazardState state;
  } loop[] = {
    { XA_HAZARD_STEP_START, "赵师傅", NULL, NULL, XA_HAZARD_STATE_RECTIFYING },
    { XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-10-10", "已更换门锁", XA_HAZARD_STATE_REINSPECTING },
    { XA_HAZARD_STEP_FAIL, "王校长", "2021-10-11", "电线仍裸露", XA_HAZARD_STATE_RECTIFYING },
    { XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-10-12", "已包扎电线", XA_HAZARD_STATE_REINSPECTING },
    { XA_HAZARD_STEP_PASS, "王校长", "2021-10-13", NULL, XA_HAZARD_STATE_REINSPECTING },
    { XA_HAZARD_STEP_CLOSE, "王校长", "2021-10-14", NULL, XA_HAZARD_STATE_CLOSED },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = add_hazard (fixture, 1, 2021);
  g_autoptr(XaHazard) stale = xa_hazard_copy (hazard);
  g_autoptr(XaHazard) stored = NULL;
  XaHazardStepInput input = { "王校长", "2021-10-14", NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (loop); i++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(XaHazard) read = NULL;

      step (fixture, hazard, loop[i].step, loop[i].who, loop[i].date, loop[i].note);
      g_assert_cmpint (xa_hazard_get_state (hazard), ==, loop[i].state);

      /* Saved with its line of history, and audited as that step. */
      read = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (xa_hazard_get_n_entries (read), ==, i + 1);
      g_assert_cmpint (xa_hazard_get_entry (read, i)->step, ==, loop[i].step);
      g_assert_cmpstr (xa_hazard_get_entry (read, i)->who, ==, loop[i].who);
      g_assert_cmpint (xa_hazard_get_state (read), ==, loop[i].state);
      {
        g_autofree char *a = test_hazard_dup_json (read);
        g_autofree char *b = test_hazard_dup_json (hazard);

        g_assert_cmpstr (a, ==, b);
      }
      g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM hazard_step"), ==, i + 1);
      sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'hazard.step'"
                             " AND detail LIKE '%%\"step\":\"%s\"%%'", xa_hazard_step_to_key (loop[i].step));
      g_assert_cmpint (count_rows (fixture, sql), >=, 1);
      assert_audit_clean (fixture);
    }

  /* The failed re-inspection is kept in the history. */
  stored = xa_hazard_book_dup_by_uuid (fixture->book, xa_hazard_get_uuid (hazard), &error);
  g_assert_cmpstr (xa_hazard_get_entry (stored, 2)->note, ==, "电线仍裸露");
  g_assert_cmpint (xa_hazard_get_reinspection_result (stored), ==, XA_REINSPECTION_PASSED);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit WHERE action = 'hazard.step'"), ==, 6);

  /* A step on a stale copy, and any change of a closed hazard, are refused. */
  g_assert_false (xa_hazard_book_step (fixture->book, stale, XA_HAZARD_STEP_START, &input, &error));
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_CHANGED);
  g_clear_error (&error);
  xa_hazard_set_text (stored, XA_HAZARD_FIELD_REMARKS, "事后补记");
  g_assert_false (xa_hazard_book_update (fixture->book, stored, &error));
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, xa_hazard_get_number (hazard)));
  g_clear_error (&error);
  g_assert_false (xa_hazard_book_step (fixture->book, hazard, XA_HAZARD_STEP_CLOSE, &input, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_BAD_STEP);
  g_clear_error (&error);

  /* The schema holds the same rules for any other connection. */
  g_assert_false (xa_store_exec (fixture->store, "UPDATE hazard SET remarks = 'x'", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (xa_store_exec (fixture->store, "DELETE FROM hazard_step", &error));
  g_assert_nonnull (error);
  assert_counts_hold (fixture);
  assert_audit_clean (fixture);
}

static void
test_step_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = add_hazard (fixture, 0, 2021);
  XaHazardStepInput same_person = { TEST_RESPONSIBLE, "2021-10-11", NULL, NULL };
  gint64 n_entries;

  step (fixture, hazard, XA_HAZARD_STEP_START, "赵师傅", NULL, NULL);
  step (fixture, hazard, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-10-10", NULL);
  n_entries = count_rows (fixture, "SELECT count(*) FROM audit");

  g_assert_false (xa_hazard_book_step (fixture->book, hazard, XA_HAZARD_STEP_PASS, &same_person, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_SAME_PERSON);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM audit"), ==, n_entries);
  g_assert_cmpint (count_rows (fixture, "SELECT count(*) FROM hazard_step"), ==, 2);
  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_REINSPECTING);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = NULL;

  hazard = xa_hazard_book_dup_by_number (fixture->book, "2021-2022-2150000113-0099", &error);
  g_assert_null (hazard);
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2021-2022-2150000113-0099"));
  g_clear_error (&error);

  hazard = xa_hazard_book_dup_by_number (fixture->book, "第三号", &error);
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER);
  g_clear_error (&error);

  hazard = xa_hazard_book_dup_by_uuid (fixture->book, "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1", &error);
  g_assert_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xiaoan/hazard-book/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("numbers", test_numbers);
  ADD ("add-refused", test_add_refused);
  ADD ("update", test_update);
  ADD ("steps", test_steps);
  ADD ("step-refused", test_step_refused);
  ADD ("not-found", test_not_found);

  return g_test_run ();
}
