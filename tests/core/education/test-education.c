/* test-education.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Safety education on either engine: a roster imported from CSV (UTF-8 and GB18030) and
 * refused whole for each of a table of bad files; records with absentees and make-ups
 * and the coverage they make, per person and attendance-weighted, with exclusions, a
 * class kept by counts only and a class with sessions and no roster; the 四落实.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/education/xa-education-book.h"
#include "core/registry/xa-demo.h"

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
  fixture->dir = g_dir_make_tmp ("xa-education-XXXXXX", NULL);
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

static const char roster_csv[] =
  "年级,班级,姓名,学号,不计入原因\n"
  "七年级,(1)班,张小明,S001,\n"
  "七年级,(1)班,李华,S002,\n"
  "七年级,1班,王芳,S003,\n"
  "七年级,（1）班,赵磊,S004,休学\n"
  "七年级,2,陈静,S005,\n"
  "七年级,(2)班,刘洋,S006,\n"
  "教职工,,周老师,T01,\n"
  "教职工,,吴老师,T02,\n";

static void
import_text (Fixture    *fixture,
             const char *name,
             const char *text,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  g_assert_true (xa_education_book_import_roster (fixture->book, fixture->school, 2021, file, &problems, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
}

static XaEducationRecord *
new_record (Fixture             *fixture,
            XaEducationAudience  audience,
            const char          *grade,
            const char          *class_name,
            guint                expected,
            guint                present)
{
  XaEducationRecord *record = xa_education_record_new ();

  xa_education_record_set_school_uuid (record, fixture->school);
  xa_education_record_set_school_year (record, 2021);
  xa_education_record_set_held_on (record, "2021-09-10");
  xa_education_record_set_week (record, 1, 2);
  xa_education_record_set_audience (record, audience, grade, class_name);
  xa_education_record_set_form (record, XA_EDUCATION_FORM_CLASS_MEETING);
  xa_education_record_set_topic (record, "drowning");
  xa_education_record_set_teacher (record, "周老师", XA_TEACHER_KIND_CLASS_TEACHER);
  xa_education_record_set_hours (record, 1);
  xa_education_record_set_attendance (record, expected, present);
  return record;
}

static XaEducationRecord *
add (Fixture           *fixture,
     XaEducationRecord *record)
{
  g_autoptr(GError) error = NULL;
  XaEducationRecord *saved = xa_education_book_add (fixture->book, record, &error);

  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_object_unref (record);
  return saved;
}

static XaEducationCoverage *
coverage_of (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaEducationCoverage *coverage = xa_education_book_compute_coverage (fixture->book, fixture->school, 2021, &error);

  g_assert_no_error (error);
  return coverage;
}

static XaEducationShortfall *
find_shortfall (XaEducationCoverage *coverage,
                const char          *label)
{
  for (guint i = 0; i < coverage->shortfall->len; i++)
    if (g_strcmp0 (((XaEducationShortfall *) g_ptr_array_index (coverage->shortfall, i))->label, label) == 0)
      return g_ptr_array_index (coverage->shortfall, i);
  return NULL;
}

/* Absentees, then the make-up: per person and weighted, the excluded left out. */
static void
test_coverage_make_up (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaEducationRecord) first = NULL;
  g_autoptr(XaEducationRecord) staff = NULL;
  g_autoptr(XaEducationRecord) make_up = NULL;
  g_autoptr(XaEducationCoverage) before = NULL;
  g_autoptr(XaEducationCoverage) after = NULL;
  g_autoptr(GPtrArray) records = NULL;
  XaEducationRecord *record;
  XaEducationShortfall *shortfall;
  const char *absent[] = { "李华", "S003", NULL };
  const char *again[] = { "王芳", NULL };

  import_text (fixture, "花名册.csv", roster_csv, -1);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (fixture->workspace),
                                      "SELECT count(*) FROM roster_class"), ==, 3);

  /* 七年级(1)班 has four on the roster, one of them 休学: three expected. */
  record = new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(1)班", 3, 1);
  xa_education_record_set_absentees (record, absent);
  first = add (fixture, record);
  g_assert_cmpstrv (xa_education_record_get_absentees (first), absent);

  record = new_record (fixture, XA_EDUCATION_AUDIENCE_STAFF, NULL, NULL, 2, 2);
  xa_education_record_set_teacher (record, "派出所 王警官", XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL);
  xa_education_record_set_hours (record, 2);
  staff = add (fixture, record);

  before = coverage_of (fixture);
  /* (1)班 3, (2)班 2, staff 2: seven counted, 赵磊 excluded. (2)班 had no session. */
  g_assert_cmpuint (before->population, ==, 7);
  g_assert_cmpuint (before->educated, ==, 1 + 0 + 2);
  g_assert_cmpuint (before->expected, ==, 5);
  g_assert_cmpuint (before->present, ==, 3);
  g_assert_false (xa_education_coverage_meets_target (before));
  g_assert_false (xa_education_coverage_weighted_meets_target (before));
  shortfall = find_shortfall (before, "七年级(1)班");
  g_assert_nonnull (shortfall);
  g_assert_cmpuint (shortfall->population, ==, 3);
  g_assert_cmpuint (shortfall->educated, ==, 1);
  g_assert_false (shortfall->estimated);
  g_assert_cmpstrv (shortfall->missing, ((const char *[]) { "李华", "王芳", NULL }));
  g_assert_nonnull (find_shortfall (before, "七年级(2)班"));
  g_assert_null (find_shortfall (before, "教职工"));
  g_assert_cmpuint (before->legal_lessons, ==, 2);
  g_assert_cmpuint (before->legal_minimum, ==, 4);

  /* A make-up must be for all the absent, and names only them. */
  record = new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(1)班", 1, 1);
  xa_education_record_set_makes_up_uuid (record, xa_education_record_get_uuid (first));
  g_assert_null (xa_education_book_add (fixture->book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_clear_error (&error);
  xa_education_record_set_attendance (record, 2, 1);
  xa_education_record_set_absentees (record, (const char *[]) { "张小明", NULL });
  g_assert_null (xa_education_book_add (fixture->book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "张小明"));
  g_clear_error (&error);
  xa_education_record_set_absentees (record, again);
  xa_education_record_set_held_on (record, "2021-09-17");
  make_up = add (fixture, record);
  g_assert_cmpstr (xa_education_record_get_makes_up_uuid (make_up), ==, xa_education_record_get_uuid (first));

  after = coverage_of (fixture);
  g_assert_cmpuint (after->educated, ==, 2 + 0 + 2);
  g_assert_cmpuint (after->expected, ==, 5);
  g_assert_cmpuint (after->present, ==, 4);
  shortfall = find_shortfall (after, "七年级(1)班");
  g_assert_cmpstrv (shortfall->missing, again);

  records = xa_education_book_list (fixture->book, fixture->school, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  xa_test_assert_chain_holds (xa_workspace_get_store (fixture->workspace));
}

/* Evidence is the archive's items, linked by UUID and read back; the files stay the archive's. */
static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "签到表.pdf", NULL);
  XaArchiveLink link = { NULL, XA_ARCHIVE_COPY_NONE, fixture->school, 2021, XA_ARCHIVE_KIND_OTHER,
                         XA_ARCHIVE_RETENTION_DEFAULT, NULL };
  g_autoptr(XaArchiveItem) item = NULL;
  g_autoptr(XaEducationRecord) saved = NULL;
  g_autoptr(XaEducationRecord) read = NULL;
  XaEducationRecord *record;
  const char *evidence[] = { NULL, NULL };

  g_assert_true (g_file_set_contents (path, "%PDF-1.4\n% 签到表\n%%EOF\n", -1, NULL));
  item = xa_archive_import_file (xa_workspace_get_archive (fixture->workspace), path, &link, NULL, &error);
  g_assert_no_error (error);
  evidence[0] = xa_archive_item_get_uuid (item);

  record = new_record (fixture, XA_EDUCATION_AUDIENCE_PARENTS, NULL, NULL, 40, 38);
  xa_education_record_set_form (record, XA_EDUCATION_FORM_PARENTS_MEETING);
  xa_education_record_set_evidence (record, evidence);
  saved = add (fixture, record);
  read = xa_education_book_dup_record (fixture->book, xa_education_record_get_uuid (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (xa_education_record_get_evidence (read), evidence);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (fixture->workspace), "SELECT count(*) FROM archive_item"), ==, 1);
  {
    /* Parents are not 师生员工: their meeting counts nowhere in coverage. */
    g_autoptr(XaEducationCoverage) coverage = coverage_of (fixture);

    g_assert_cmpuint (coverage->expected, ==, 0);
  }
}

/* A whole-school session counts for students and staff; two sessions required. */
static void
test_coverage_required (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaEducationCoverage) one = NULL;
  g_autoptr(XaEducationCoverage) two = NULL;
  XaEducationPolicy policy;

  import_text (fixture, "roster.csv", roster_csv, -1);
  g_object_unref (add (fixture, new_record (fixture, XA_EDUCATION_AUDIENCE_SCHOOL, NULL, NULL, 7, 7)));
  one = coverage_of (fixture);
  g_assert_cmpuint (one->educated, ==, 7);
  g_assert_true (xa_education_coverage_meets_target (one));
  g_assert_cmpuint (one->shortfall->len, ==, 0);

  g_assert_true (xa_education_book_read_policy (fixture->book, &policy, &error));
  policy.required_sessions = 2;
  g_assert_true (xa_education_book_save_policy (fixture->book, &policy, &error));
  g_assert_no_error (error);
  two = coverage_of (fixture);
  g_assert_cmpuint (two->educated, ==, 0);
  g_assert_cmpuint (two->shortfall->len, ==, 3);
}

/* A class kept by counts only is estimated; a class with sessions and no roster is named. */
static void
test_coverage_counts_only (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaEducationCoverage) coverage = NULL;
  XaEducationRecord *record;
  g_autoptr(XaEducationRecord) first = NULL;
  XaEducationShortfall *shortfall;

  import_text (fixture, "人数.csv", "年级,班级,人数\n一年级,(1)班,40\n一年级,(2)班,38\n教职工,,20\n", -1);

  record = new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "一年级", "(1)班", 40, 37);
  /* No names on this roster: absentees by name are refused. */
  xa_education_record_set_absentees (record, (const char *[]) { "某某", NULL });
  g_assert_null (xa_education_book_add (fixture->book, record, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_INVALID);
  g_clear_error (&error);
  xa_education_record_set_absentees (record, NULL);
  first = add (fixture, record);
  record = new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "一年级", "(1)班", 3, 2);
  xa_education_record_set_makes_up_uuid (record, xa_education_record_get_uuid (first));
  g_object_unref (add (fixture, record));
  g_object_unref (add (fixture, new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "一年级", "(2)班", 38, 38)));
  g_object_unref (add (fixture, new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "三年级", "(5)班", 30, 30)));

  coverage = coverage_of (fixture);
  g_assert_cmpuint (coverage->population, ==, 98);
  g_assert_cmpuint (coverage->educated, ==, 39 + 38);
  shortfall = find_shortfall (coverage, "一年级(1)班");
  g_assert_true (shortfall->estimated);
  g_assert_cmpuint (shortfall->educated, ==, 39);
  g_assert_cmpstrv (coverage->unrostered, ((const char *[]) { "三年级(5)班", NULL }));
  /* Weighted: (37 + 2 + 38 + 30) ÷ (40 + 38 + 30). */
  g_assert_cmpuint (coverage->expected, ==, 108);
  g_assert_cmpuint (coverage->present, ==, 107);
  g_assert_cmpfloat_with_epsilon (xa_education_coverage_get_weighted (coverage), 107.0 / 108.0, 1e-9);
}

/* The 四落实: plan and materials recorded, hours against the 学段 minimum. */
static void
test_four_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaEducationCoverage) before = NULL;
  g_autoptr(XaEducationCoverage) after = NULL;

  import_text (fixture, "roster.csv", roster_csv, -1);
  before = coverage_of (fixture);
  g_assert_false (before->has_plan);
  g_assert_false (before->has_materials);
  g_assert_false (before->has_teachers);
  g_assert_cmpuint (before->hours, ==, 0);
  g_assert_cmpuint (before->min_hours, >, 0);

  g_assert_true (xa_education_book_set_plan (fixture->book, fixture->school, 2021, "2021-2022学年度安全教育工作计划",
                                             "《中小学生安全教育》", &error));
  g_assert_no_error (error);
  g_object_unref (add (fixture, new_record (fixture, XA_EDUCATION_AUDIENCE_SCHOOL, NULL, NULL, 7, 7)));
  after = coverage_of (fixture);
  g_assert_true (after->has_plan);
  g_assert_true (after->has_materials);
  g_assert_true (after->has_teachers);
  g_assert_cmpuint (after->hours, ==, 1);
}

/* A roster file in GB18030, as Excel on Chinese Windows saves CSV. */
static void
test_roster_gb18030 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *encoded = g_convert (roster_csv, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_autofree char *names = NULL;

  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (encoded, (gssize) length, NULL));
  import_text (fixture, "gb.csv", encoded, (gssize) length);
  names = xa_test_query_text (xa_workspace_get_store (fixture->workspace),
                              "SELECT name FROM roster_person WHERE number = 'S003'");
  g_assert_cmpstr (names, ==, "王芳");
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (fixture->workspace),
                                      "SELECT count(*) FROM roster_person WHERE excluded = '休学'"), ==, 1);
}

/* A workbook as Excel or WPS writes it (tests/data/education/make-roster.py). */
static void
test_roster_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "education", "roster.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  g_autofree char *number = NULL;
  g_autofree char *class_name = NULL;

  g_assert_true (xa_education_book_import_roster (fixture->book, fixture->school, 2021, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM roster_person"), ==, 4);
  g_assert_cmpint (xa_test_query_int (store, "SELECT count(*) FROM roster_class WHERE kind = 'staff'"), ==, 1);
  number = xa_test_query_text (store, "SELECT number FROM roster_person WHERE name = '李华'");
  g_assert_cmpstr (number, ==, "20210002");
  class_name = xa_test_query_text (store, "SELECT c.class_name FROM roster_person p JOIN roster_class c"
                                          " ON c.id = p.class_id WHERE p.name = '王芳'");
  g_assert_cmpstr (class_name, ==, "(2)班");
}

static const struct
{
  const char *name;
  const char *text;
  gsize       length;
  const char *expect;   /* in a problem, or the error's message */
} bad_files[] = {
  { "no-name.csv", "年级,班级,学号\n七年级,(1)班,S001\n", 0, "no-name.csv:1:" },
  { "no-grade.csv", "班级,姓名\n(1)班,张三\n", 0, "no-grade.csv:1:" },
  { "duplicate.csv", "年级,班级,姓名,学号\n七年级,(1)班,张三,S1\n七年级,(2)班,李四,S1\n", 0, "duplicate.csv:3: 学号" },
  { "twins.csv", "年级,班级,姓名\n七年级,(1)班,张三\n七年级,1班,张三\n", 0, "twins.csv:3:" },
  { "wrong-class.csv", "年级,班级,姓名\n七年级,(1)班,张三\n七年级,一班,李四\n", 0, "wrong-class.csv:3: 班级" },
  { "staff-class.csv", "年级,班级,姓名\n教职工,(1)班,周老师\n", 0, "staff-class.csv:2: 班级" },
  { "counts.csv", "年级,班级,人数\n七年级,(1)班,四十\n", 0, "counts.csv:2: 人数" },
  { "empty.csv", "", 0, "empty.csv:1:" },
  { "header-only.csv", "年级,班级,姓名\n", 0, "header-only.csv:" },
  { "picture.xlsx", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\xff\xfe\xfd", 24, "picture.xlsx" },
  { "broken.xlsx", "PK\x03\x04 this is not a workbook at all", 36, "broken.xlsx" },
};

static void
test_roster_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  g_autofree char *before = NULL;

  import_text (fixture, "roster.csv", roster_csv, -1);
  before = xa_test_fingerprint (store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, bad_files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *after = NULL;
      g_autofree char *all = NULL;
      gssize length = bad_files[i].length > 0 ? (gssize) bad_files[i].length : -1;

      g_test_message ("%s", bad_files[i].name);
      g_assert_true (g_file_set_contents (path, bad_files[i].text, length, NULL));
      g_assert_false (xa_education_book_import_roster (fixture->book, fixture->school, 2021, file, &problems, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (g_error_matches (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_REJECTED) ||
                     g_error_matches (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_READ));
      if (problems != NULL)
        {
          g_ptr_array_add (problems, NULL);
          all = g_strjoinv ("\n", (char **) problems->pdata);
        }
      else
        all = g_strdup (error->message);
      g_test_message ("%s", all);
      g_assert_nonnull (strstr (all, bad_files[i].expect));
      after = xa_test_fingerprint (store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A roster whose people records name as absent is not replaced. */
static void
test_roster_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "again.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  XaEducationRecord *record;

  import_text (fixture, "roster.csv", roster_csv, -1);
  import_text (fixture, "roster.csv", roster_csv, -1);   /* replaced while nothing names it */
  record = new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(2)班", 2, 1);
  xa_education_record_set_absentees (record, (const char *[]) { "刘洋", NULL });
  g_object_unref (add (fixture, record));

  g_assert_true (g_file_set_contents (path, roster_csv, -1, NULL));
  g_assert_false (xa_education_book_import_roster (fixture->book, fixture->school, 2021, file, NULL, NULL, &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_IN_USE);
}

/* Bad records are refused, naming the field, nothing stored. */
static void
test_record_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  XaStore *store = xa_workspace_get_store (fixture->workspace);
  g_autofree char *before = NULL;
  static const char * const fields[] = { "主题", "缺课名单", "实到", "佐证", "日期" };

  import_text (fixture, "roster.csv", roster_csv, -1);
  before = xa_test_fingerprint (store);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XaEducationRecord) record = new_record (fixture, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(2)班", 2, 1);
      g_autofree char *after = NULL;

      xa_education_record_set_absentees (record, (const char *[]) { "刘洋", NULL });
      switch (i)
        {
        case 0: xa_education_record_set_topic (record, "astrology"); break;
        case 1: xa_education_record_set_absentees (record, (const char *[]) { "张小明", NULL }); break;
        case 2: xa_education_record_set_attendance (record, 2, 3); break;
        case 3: xa_education_record_set_evidence (record, (const char *[]) { "00000000-0000-0000-0000-000000000000", NULL }); break;
        default: xa_education_record_set_held_on (record, "2021-13-40"); break;
        }
      g_assert_null (xa_education_book_add (fixture->book, record, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, fields[i]));
      after = xa_test_fingerprint (store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Server only: a school's login sees, imports and records its own, never another's,
 * and reads the district's settings without changing them. */
static void
test_school_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  g_autofree char *role = g_strdup_printf ("education_a_%d", (int) getpid ());
  g_autofree char *password = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-education-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XaWorkspace) school = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaEducationRecord) record = NULL;
  g_autoptr(XaEducationRecord) saved = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(XaEducationCoverage) coverage = NULL;
  XaEducationPolicy policy;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  g_assert_true (g_file_set_contents (path, roster_csv, -1, NULL));
  g_assert_true (xa_education_book_import_roster (xa_workspace_get_education (admin), xa_organisation_get_uuid (b), 2021,
                                                  file, NULL, NULL, &error));
  g_assert_no_error (error);
  record = xa_education_record_new ();
  xa_education_record_set_school_uuid (record, xa_organisation_get_uuid (b));
  xa_education_record_set_school_year (record, 2021);
  xa_education_record_set_held_on (record, "2021-09-10");
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_STAFF, NULL, NULL);
  xa_education_record_set_form (record, XA_EDUCATION_FORM_LECTURE);
  xa_education_record_set_topic (record, "fire");
  xa_education_record_set_teacher (record, "消防站 演示教官", XA_TEACHER_KIND_GUEST);
  xa_education_record_set_attendance (record, 2, 2);
  saved = xa_education_book_add (xa_workspace_get_education (admin), record, &error);
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (xa_workspace_get_store (admin), &error));
  password = xa_store_server_add_school (xa_workspace_get_store (admin), xa_organisation_get_code (a), role, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("%s&user=%s", location, role);
  school = xa_workspace_open_location (uri, password, "甲校安全办", &error);
  g_assert_no_error (error);

  /* B's rows are not there for A. */
  records = xa_education_book_list (xa_workspace_get_education (school), xa_organisation_get_uuid (b), 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 0);
  /* Another school is not in A's register at all. */
  coverage = xa_education_book_compute_coverage (xa_workspace_get_education (school), xa_organisation_get_uuid (b), 2021,
                                                 &error);
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND);
  g_assert_null (coverage);
  g_clear_error (&error);
  g_assert_null (xa_education_book_dup_record (xa_workspace_get_education (school), xa_education_record_get_uuid (saved),
                                               &error));
  g_assert_error (error, XA_EDUCATION_ERROR, XA_EDUCATION_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A keeps its own roster and coverage, and cannot write B's. */
  g_assert_true (xa_education_book_import_roster (xa_workspace_get_education (school), xa_organisation_get_uuid (a), 2021,
                                                  file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&coverage, xa_education_coverage_free);
  coverage = xa_education_book_compute_coverage (xa_workspace_get_education (school), xa_organisation_get_uuid (a), 2021,
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coverage->population, ==, 7);
  g_assert_false (xa_education_book_import_roster (xa_workspace_get_education (school), xa_organisation_get_uuid (b), 2022,
                                                   file, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The district's settings are read, not changed. */
  g_assert_true (xa_education_book_read_policy (xa_workspace_get_education (school), &policy, &error));
  policy.legal_lessons = 1;
  g_assert_false (xa_education_book_save_policy (xa_workspace_get_education (school), &policy, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xa/education/coverage-make-up", test_coverage_make_up);
  ADD ("/xa/education/coverage-required", test_coverage_required);
  ADD ("/xa/education/coverage-counts-only", test_coverage_counts_only);
  ADD ("/xa/education/four-in-place", test_four_in_place);
  ADD ("/xa/education/roster-gb18030", test_roster_gb18030);
  ADD ("/xa/education/roster-xlsx", test_roster_xlsx);
  ADD ("/xa/education/evidence", test_evidence);
  ADD ("/xa/education/roster-bad-files", test_roster_bad_files);
  ADD ("/xa/education/roster-in-use", test_roster_in_use);
  ADD ("/xa/education/record-refused", test_record_refused);
#undef ADD
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/xa/education/school-access", test_school_access);

  return g_test_run ();
}
