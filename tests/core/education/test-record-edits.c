/* test-record-edits.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Editing drills and sessions of safety education (issue 13), on either engine: one
 * transaction with its audit entry; a drill stays in its school year and keeps the
 * problems it recorded, later ones added after them; a session's description changes,
 * who attended does not. Refusals name the field and change nothing.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "core/education/xa-drill-book.h"
#include "core/education/xa-education-book.h"
#include "core/registry/xa-demo.h"

typedef struct
{
  char        *dir;
  char        *location;
  XaWorkspace *workspace;
  XaStore     *store;
  char        *school;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-record-edits-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全办");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 1, 7, &error);
  g_assert_no_error (error);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  school = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace)), 0);
  fixture->school = g_strdup (xa_organisation_get_uuid (school));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
  g_free (fixture->school);
}

static void
test_drill_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaDrillBook *book = xa_workspace_get_drills (fixture->workspace);
  const char *problems[] = { "二楼东侧楼梯口疏散时拥堵", NULL };
  const char *later[] = { "广播在操场听不清", NULL };
  XaDrillFields fields = { .school_uuid = fixture->school, .school_year = 2026, .held_on = "2026-10-12",
                           .kind = XA_DRILL_KIND_FIRE, .organiser = "安全办张主任", .participants = 812,
                           .evacuation_seconds = 150, .target_seconds = 120, .problems = problems };
  g_autoptr(XaDrill) drill = xa_drill_book_add (book, &fields, &error);
  g_autoptr(XaDrill) edited = NULL;
  XaDrillEdit edit = XA_DRILL_EDIT_INIT;
  g_autofree char *before = NULL;

  g_assert_no_error (error);

  /* Out of its school year, or nothing changed: refused, nothing written. */
  before = xa_test_fingerprint (fixture->store);
  edit.held_on = "2027-10-12";
  g_assert_null (xa_drill_book_edit (book, xa_drill_get_uuid (drill), &edit, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  edit = (XaDrillEdit) XA_DRILL_EDIT_INIT;
  edit.organiser = "安全办张主任";
  g_assert_null (xa_drill_book_edit (book, xa_drill_get_uuid (drill), &edit, &error));
  g_assert_error (error, XA_DRILL_BOOK_ERROR, XA_DRILL_BOOK_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }

  edit = (XaDrillEdit) XA_DRILL_EDIT_INIT;
  edit.held_on = "2026-10-13";
  edit.evacuation_seconds = 110;
  edit.new_problems = later;
  edited = xa_drill_book_edit (book, xa_drill_get_uuid (drill), &edit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_drill_get_held_on (edited), ==, "2026-10-13");
  g_assert_cmpint (xa_drill_get_evacuation_seconds (edited), ==, 110);
  g_assert_true (xa_drill_get_within_target (edited));
  g_assert_cmpstr (xa_drill_get_organiser (edited), ==, "安全办张主任");
  g_assert_cmpuint (xa_drill_get_n_problems (edited), ==, 2);
  g_assert_cmpstr (xa_drill_get_problem (edited, 0), ==, problems[0]);
  g_assert_cmpstr (xa_drill_get_problem (edited, 1), ==, later[0]);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'drill.edit'"), ==, 1);
  xa_test_assert_chain_holds (fixture->store);
}

/* A whole-school session of @fixture's school, held on @held_on (week @week of the first
 * semester) with @present of @expected, making up @makes_up when given. */
static XaEducationRecord *
new_session (Fixture    *fixture,
             const char *held_on,
             guint       week,
             guint       expected,
             guint       present,
             const char *makes_up)
{
  XaEducationRecord *record = xa_education_record_new ();

  xa_education_record_set_school_uuid (record, fixture->school);
  xa_education_record_set_school_year (record, 2026);
  xa_education_record_set_held_on (record, held_on);
  xa_education_record_set_week (record, 1, week);
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_SCHOOL, "", "");
  xa_education_record_set_form (record, XA_EDUCATION_FORM_FLAG_SPEECH);
  xa_education_record_set_topic (record, "drowning");
  xa_education_record_set_teacher (record, "周老师", XA_TEACHER_KIND_CLASS_TEACHER);
  xa_education_record_set_hours (record, 1);
  xa_education_record_set_attendance (record, expected, present);
  xa_education_record_set_makes_up_uuid (record, makes_up);
  return record;
}

static XaEducationRecord *
add_session (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaEducationRecord) record = new_session (fixture, "2026-09-10", 2, 800, 790, NULL);
  XaEducationRecord *saved;

  saved = xa_education_book_add (xa_workspace_get_education (fixture->workspace), record, &error);
  g_assert_no_error (error);
  return saved;
}

static void
test_education_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaEducationBook *book = xa_workspace_get_education (fixture->workspace);
  g_autoptr(XaEducationRecord) saved = add_session (fixture);
  g_autoptr(XaEducationRecord) record = NULL;
  g_autoptr(XaEducationRecord) edited = NULL;
  g_autofree char *before = xa_test_fingerprint (fixture->store);

  /* The audience is not edited, nor attendance that breaks a new session's rules; nor is
   * a date outside the school year, nor nothing. */
  record = xa_education_book_dup_record (book, xa_education_record_get_uuid (saved), &error);
  g_assert_no_error (error);
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_STAFF, "", "");
  g_assert_null (xa_education_book_update (book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "对象"));
  g_clear_error (&error);
  g_clear_object (&record);
  record = xa_education_book_dup_record (book, xa_education_record_get_uuid (saved), &error);
  xa_education_record_set_attendance (record, 800, 801);
  g_assert_null (xa_education_book_update (book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&record);
  record = xa_education_book_dup_record (book, xa_education_record_get_uuid (saved), &error);
  xa_education_record_set_held_on (record, "2027-09-10");
  g_assert_null (xa_education_book_update (book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_clear_error (&error);
  xa_education_record_set_held_on (record, "2026-09-10");
  g_assert_null (xa_education_book_update (book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_clear_error (&error);
  xa_education_record_set_evidence (record, (const char *[]) { "4a4a4a4a-0000-4000-8000-000000000000", NULL });
  g_assert_null (xa_education_book_update (book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autofree char *after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (before, ==, after);
  }

  xa_education_record_set_evidence (record, NULL);
  xa_education_record_set_title (record, "防溺水安全教育");
  xa_education_record_set_teacher (record, "派出所 王警官", XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL);
  xa_education_record_set_hours (record, 2);
  /* 实到 typed wrongly is corrected while no make-up refers to the session. */
  xa_education_record_set_attendance (record, 800, 795);
  edited = xa_education_book_update (book, record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_education_record_get_title (edited), ==, "防溺水安全教育");
  g_assert_cmpint (xa_education_record_get_teacher_kind (edited), ==, XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL);
  g_assert_cmpuint (xa_education_record_get_hours (edited), ==, 2);
  g_assert_cmpuint (xa_education_record_get_present (edited), ==, 795);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'education.edit'"), ==, 1);

  /* Once a make-up is recorded for its absentees, the attendance stays. */
  {
    g_autoptr(XaEducationRecord) make_up = new_session (fixture, "2026-09-17", 3, 5, 5,
                                                         xa_education_record_get_uuid (saved));
    g_autoptr(XaEducationRecord) made = NULL;
    g_autoptr(XaEducationRecord) again = NULL;

    made = xa_education_book_add (book, make_up, &error);
    g_assert_no_error (error);
    again = xa_education_book_dup_record (book, xa_education_record_get_uuid (saved), &error);
    xa_education_record_set_attendance (again, 800, 800);
    g_assert_null (xa_education_book_update (book, again, &error));
    g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "出勤"));
    g_clear_error (&error);
  }
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'education.edit'"), ==, 1);
  xa_test_assert_chain_holds (fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/record-edits/drill", Fixture, NULL, fixture_set_up, test_drill_edit, fixture_tear_down);
  g_test_add ("/record-edits/education", Fixture, NULL, fixture_set_up, test_education_edit, fixture_tear_down);

  return g_test_run ();
}
