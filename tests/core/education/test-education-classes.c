/* test-education-classes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app reads of a roster to record a session, on either engine: the classes in
 * the roster's order with their people counted (the excluded left out), a class kept by
 * counts only, the names of a class and of the staff without the excluded, nothing for
 * the whole school or another school's year, and a school that is not there refused.
 */

#include "config.h"

#include <locale.h>

#include "xa-test-utils.h"
#include "core/education/xa-education-classes.h"

typedef struct
{
  XaWorkspace     *workspace;
  XaEducationBook *book;
  char            *school;
  char            *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 1);
  fixture->book = xa_workspace_get_education (fixture->workspace);
  fixture->school = xa_test_query_text (xa_workspace_get_store (fixture->workspace),
                                        "SELECT uuid FROM organisation WHERE kind = 'school' ORDER BY id LIMIT 1");
  fixture->dir = g_dir_make_tmp ("xa-education-classes-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
  g_free (fixture->school);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
import_text (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "名册.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (xa_education_book_import_roster (fixture->book, fixture->school, 2021, file, &problems, NULL, &error));
  g_assert_no_error (error);
}

static void
test_named (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) staff = NULL;
  g_auto(GStrv) school = NULL;
  g_auto(GStrv) other_year = NULL;
  XaRosterClass *first;
  XaRosterClass *second;

  classes = xa_education_book_list_classes (fixture->book, fixture->school, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (classes->len, ==, 0);

  import_text (fixture,
               "年级,班级,姓名,学号,不计入原因\n"
               "七年级,(2)班,刘洋,S006,\n"
               "七年级,(1)班,张小明,S001,\n"
               "七年级,(1)班,赵磊,S004,休学\n"
               "七年级,(1)班,李华,S002,\n"
               "教职工,,周老师,T01,\n");
  g_clear_pointer (&classes, g_ptr_array_unref);
  classes = xa_education_book_list_classes (fixture->book, fixture->school, 2021, &error);
  g_assert_no_error (error);
  /* The roster's order; the staff are no class; 赵磊 is not expected. */
  g_assert_cmpuint (classes->len, ==, 2);
  first = g_ptr_array_index (classes, 0);
  second = g_ptr_array_index (classes, 1);
  g_assert_cmpstr (first->grade, ==, "七年级");
  g_assert_cmpstr (first->class_name, ==, "(2)班");
  g_assert_cmpuint (first->headcount, ==, 1);
  g_assert_cmpstr (second->class_name, ==, "(1)班");
  g_assert_cmpuint (second->headcount, ==, 2);
  g_assert_true (second->named);

  names = xa_education_book_dup_roster_names (fixture->book, fixture->school, 2021, XA_EDUCATION_AUDIENCE_CLASS,
                                              "七年级", "(1)班", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "张小明");
  g_assert_cmpstr (names[1], ==, "李华");

  staff = xa_education_book_dup_roster_names (fixture->book, fixture->school, 2021, XA_EDUCATION_AUDIENCE_STAFF,
                                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (staff), ==, 1);
  g_assert_cmpstr (staff[0], ==, "周老师");

  school = xa_education_book_dup_roster_names (fixture->book, fixture->school, 2021, XA_EDUCATION_AUDIENCE_SCHOOL,
                                               NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (school), ==, 0);
  other_year = xa_education_book_dup_roster_names (fixture->book, fixture->school, 2022, XA_EDUCATION_AUDIENCE_CLASS,
                                                   "七年级", "(1)班", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (other_year), ==, 0);
}

static void
test_counts_and_missing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_auto(GStrv) names = NULL;
  XaRosterClass *first;

  import_text (fixture, "年级,班级,人数\n一年级,(1)班,40\n教职工,,20\n");
  classes = xa_education_book_list_classes (fixture->book, fixture->school, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (classes->len, ==, 1);
  first = g_ptr_array_index (classes, 0);
  g_assert_cmpuint (first->headcount, ==, 40);
  g_assert_false (first->named);
  names = xa_education_book_dup_roster_names (fixture->book, fixture->school, 2021, XA_EDUCATION_AUDIENCE_CLASS,
                                              "一年级", "(1)班", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 0);

  none = xa_education_book_list_classes (fixture->book, "no-such-school", 2021, &error);
  g_assert_null (none);
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/education/classes/named", Fixture, NULL, fixture_set_up, test_named, fixture_tear_down);
  g_test_add ("/xa/education/classes/counts-and-missing", Fixture, NULL, fixture_set_up, test_counts_and_missing,
              fixture_tear_down);

  return g_test_run ();
}
