/* test-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV school-list importer: a table of bad files, each with the line and the reason
 * it must report and a database left exactly as it was; then the good files (BOM, CRLF,
 * quoting, GB18030) and the asynchronous variant. The door: what is not a regular file
 * (a device, a pipe, a folder) is refused before it is opened, and a file that is not a
 * school list (one enormous row, too many columns) is refused with its line while the
 * process stays small.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/registry/xa-school-import.h"
#include "core/registry/xa-school-registry.h"
#include "core/store/xa-store.h"

#define HEADER "学校标识码,学校名称,类型,学段,地址,电话,第一责任人,直接责任人\n"
#define GOOD_ROW "2150000001,示例区实验小学,小学,,示例区示例路1号,023-68880001,王建国,李秀英\n"

typedef struct
{
  XaStore          *store;
  XaSchoolRegistry *registry;
  char             *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = xa_test_store_new ();
  g_assert_no_error (error);
  fixture->registry = xa_school_registry_new (fixture->store);
  fixture->dir = g_dir_make_tmp ("xiaoan-import-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_assert_finalize_object (fixture->registry);
  g_assert_finalize_object (fixture->store);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *bytes,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, bytes, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

typedef struct
{
  const char *name;
  const char *content;
  gssize      length;      /* -1: NUL-terminated */
  guint       line;
  const char *reason;
} BadFile;

static const char nul_file[] = HEADER GOOD_ROW "2150000002,乙小\0学,小学,,,,,\n";
static const char bom_bad_utf8[] = "\xef\xbb\xbf" HEADER "2150000002,\xc3\x28小学,小学,,,,,\n";

static const BadFile bad_files[] = {
  { "short-code", HEADER GOOD_ROW "215000002,乙小学,小学,,,,,\n", -1, 3,
    "The school identifier must be 10 digits (it has 9)" },
  { "letters-in-code", HEADER "21500O0002,乙小学,小学,,,,,\n", -1, 2,
    "digits only (“O” is not a digit)" },
  { "duplicate-in-file", HEADER GOOD_ROW "2150000002,乙小学,小学,,,,,\n" "2150000001,丙小学,小学,,,,,\n", -1, 4,
    "2150000001 is also on line 2" },
  { "already-in-database", HEADER "2150000099,乙小学,小学,,,,,\n", -1, 2,
    "2150000099 is already used by “已有小学”" },
  { "deleted-in-database", HEADER "2150000098,乙小学,小学,,,,,\n", -1, 2,
    "belongs to the deleted school “已删除小学”" },
  { "missing-name", HEADER GOOD_ROW "2150000002,  ,小学,,,,,\n", -1, 3,
    "School name must not be empty" },
  { "unknown-type", HEADER "2150000002,乙大学,大学,,,,,\n", -1, 2,
    "Unknown school type “大学”" },
  { "missing-type", HEADER "2150000002,乙小学,,,,,,\n", -1, 2,
    "Choose the school type" },
  { "unknown-stage", HEADER "2150000002,乙小学,小学,小学、大学,,,,\n", -1, 2,
    "Unknown stage “大学”" },
  { "same-row-twice", HEADER GOOD_ROW GOOD_ROW, -1, 3, "is also on line 2" },
  { "phone-letters", HEADER "2150000002,乙小学,小学,,,电话023,,\n", -1, 2,
    "Phone may contain only digits" },
  { "phone-too-long", HEADER "2150000002,乙小学,小学,,,0123456789012345678901234567890,,\n", -1, 2,
    "Phone is too long: at most 30 characters (now 31)" },
  { "address-control", HEADER "2150000002,乙小学,小学,,\"示例区\n示例路\",,,\n" "2150000003,丙小学,小学,,,,,\n" "2150000004,丁小学,大学,,,,,\n", -1, 2,
    "Address must not contain control characters" },
  { "line-after-multiline-field", HEADER "2150000002,乙小学,小学,,\"示例区\n示例路\",,,\n" "2150000003,丙小学,小学,,,,,\n" "2150000004,丁小学,大学,,,,,\n", -1, 5,
    "Unknown school type" },
  { "person-control", HEADER "2150000002,乙小学,小学,,,,王\t建国,\n", -1, 2,
    "First responsible person: Name must not contain control characters" },
  { "too-few-fields", HEADER GOOD_ROW "2150000002,乙小学,小学\n", -1, 3,
    "The row has 3 fields but the header has 8" },
  { "too-many-fields", HEADER "2150000002,乙小学,小学,,,,,,,\n", -1, 2,
    "The row has 10 fields but the header has 8" },
  { "unterminated-quote", HEADER GOOD_ROW "2150000002,\"乙小学,小学,,,,,\n2150000003,丙小学,小学,,,,,\n", -1, 3,
    "no closing quotation mark" },
  { "text-after-quote", HEADER "2150000002,\"乙小学\"x,小学,,,,,\n", -1, 2,
    "Unexpected text after a closing quotation mark" },
  { "no-name-column", "学校标识码,名字,类型\n2150000002,乙小学,小学\n", -1, 1,
    "The header row has no column “学校名称”" },
  { "no-header", "2150000002,乙小学,小学,,,,,\n", -1, 1,
    "The header row has no column “学校标识码”" },
  { "duplicate-column", "学校标识码,学校名称,类型,名称\n2150000002,乙小学,小学,乙\n", -1, 1,
    "The header has the column “学校名称” twice" },
  { "empty", "", -1, 1, "The file is empty" },
  { "blank-lines-only", "\r\n\r\n  \n", -1, 1, "The file is empty" },
  { "nul-byte", nul_file, sizeof nul_file - 1, 3, "NUL byte" },
  { "invalid-encoding", HEADER GOOD_ROW "2150000002,\xff\xfe\xff,小学,,,,,\n", -1, 3,
    "neither UTF-8 nor GB18030 text (byte 0xFF" },
  { "bom-then-invalid-utf8", bom_bad_utf8, sizeof bom_bad_utf8 - 1, 2,
    "starts as UTF-8 but is not valid UTF-8 text (byte 0xC3)" },
  { "utf16", "\xff\xfe" "2\0001\0", 6, 1, "UTF-16" },
};

static void
add_existing_schools (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) kept = xa_organisation_new_school ();
  g_autoptr(XaOrganisation) deleted = xa_organisation_new_school ();

  xa_organisation_set_code (kept, "2150000099");
  xa_organisation_set_name (kept, "已有小学");
  xa_organisation_set_school_type (kept, XA_SCHOOL_TYPE_PRIMARY);
  xa_school_registry_add_school (fixture->registry, kept, &error);
  g_assert_no_error (error);

  xa_organisation_set_code (deleted, "2150000098");
  xa_organisation_set_name (deleted, "已删除小学");
  xa_organisation_set_school_type (deleted, XA_SCHOOL_TYPE_PRIMARY);
  xa_school_registry_add_school (fixture->registry, deleted, &error);
  g_assert_no_error (error);
  xa_school_registry_delete_school (fixture->registry, xa_organisation_get_uuid (deleted), &error);
  g_assert_no_error (error);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  g_autofree char *before = NULL;

  add_existing_schools (fixture);
  before = xa_test_fingerprint (fixture->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autofree char *name = g_strdup_printf ("%s.csv", bad->name);
      g_autofree char *prefix = g_strdup_printf ("%s:%u: ", name, bad->line);
      g_autoptr(GFile) file = write_file (fixture, name, bad->content, bad->length);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      gboolean found = FALSE;
      guint n_imported = 99;

      g_test_message ("case %s", bad->name);

      g_assert_false (xa_school_import_file (fixture->registry, file, &n_imported, &problems, &error));
      g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
      g_assert_cmpuint (n_imported, ==, 0);
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, >, 0);

      for (guint p = 0; p < problems->len; p++)
        {
          const char *problem = g_ptr_array_index (problems, p);

          g_test_message ("  %s", problem);
          g_assert_true (g_str_has_prefix (problem, name));
          if (g_str_has_prefix (problem, prefix) && strstr (problem, bad->reason) != NULL)
            found = TRUE;
        }
      if (!found)
        g_error ("case %s: no problem “%s%s”", bad->name, prefix, bad->reason);

      after = xa_test_fingerprint (fixture->store);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 1);
    }
}

/* Every row's problems are reported, not only the first one's. */
static void
test_all_problems (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "many.csv",
                                      HEADER
                                      "123,甲小学,小学,,,,,\n"
                                      GOOD_ROW
                                      "2150000002,,幼稚园,,,,,\n",
                                      -1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (xa_school_import_file (fixture->registry, file, NULL, &problems, &error));
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "3 problems"));
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "many.csv:2: "));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "many.csv:4: School name"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 2), "many.csv:4: Unknown school type"));
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 0);
}

static void
test_limits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new (HEADER);
  g_autoptr(GFile) rows_file = NULL;
  g_autoptr(GFile) size_file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20001; i++)
    g_string_append_printf (big, "21%08u,第%u小学,小学,,,,,\n", i, i);
  rows_file = write_file (fixture, "rows.csv", big->str, big->len);

  g_assert_false (xa_school_import_file (fixture->registry, rows_file, NULL, &problems, &error));
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "rows.csv:20002: The list has more than 20000 rows; split it into smaller files");
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  while (big->len <= 10 * 1024 * 1024)
    g_string_append (big, "2150000001,示例区实验小学,小学,,示例区示例路1号,023-68880001,,\n");
  size_file = write_file (fixture, "size.csv", big->str, big->len);

  g_assert_false (xa_school_import_file (fixture->registry, size_file, NULL, &problems, &error));
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "larger than 10 MB"));
  g_assert_null (problems);
  g_clear_error (&error);

  {
    g_autoptr(GFile) missing = g_file_new_build_filename (fixture->dir, "missing.csv", NULL);

    g_assert_false (xa_school_import_file (fixture->registry, missing, NULL, &problems, &error));
    g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_READ);
  }

  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 0);
}

static void
assert_school (Fixture      *fixture,
               const char   *code,
               const char   *name,
               XaSchoolType  school_type,
               const char   *stages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = xa_school_registry_dup_school_by_code (fixture->registry, code, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_name (school), ==, name);
  g_assert_cmpint (xa_organisation_get_school_type (school), ==, school_type);
  g_assert_cmpstr (xa_organisation_get_stages (school), ==, stages);
}

static void
test_good_utf8 (Fixture       *fixture,
                gconstpointer  data)
{
  /* Excel's "CSV UTF-8": a BOM, CRLF line ends, quoted fields, columns in its own order,
   * an extra column it does not know and a blank last line. */
  static const char csv[] =
    "\xef\xbb\xbf" "学校名称,学校标识码,备注,类型,学段,地址,电话,第一责任人,直接责任人\r\n"
    "示例区实验小学,2150000001,,小学,,\"示例区示例路1号,东门\",023-68880001,王建国,李秀英\r\n"
    "\"育才\"\"实验\"\"中学\",3150000002,\"多行\r\n备注\",初级中学,,,,,\r\n"
    "青溪学校,3150000003,,九年一贯制学校,\"小学，初中\",,,张伟,\r\n"
    " 示例区特殊教育学校 , 5150000004 ,,特殊教育学校,,,(023) 6888-0004,,\r\n"
    ",,,,,,,,\r\n";
  g_autoptr(GFile) file = write_file (fixture, "good.csv", csv, sizeof csv - 1);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) first = NULL;
  g_autoptr(XaRole) holder = NULL;
  g_autoptr(GListModel) roles = NULL;
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  guint n_imported = 0;

  g_assert_true (xa_school_import_file (fixture->registry, file, &n_imported, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpuint (n_imported, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 4);

  assert_school (fixture, "2150000001", "示例区实验小学", XA_SCHOOL_TYPE_PRIMARY, "primary");
  assert_school (fixture, "3150000002", "育才\"实验\"中学", XA_SCHOOL_TYPE_JUNIOR, "junior");
  assert_school (fixture, "3150000003", "青溪学校", XA_SCHOOL_TYPE_NINE_YEAR, "primary,junior");
  assert_school (fixture, "5150000004", "示例区特殊教育学校", XA_SCHOOL_TYPE_SPECIAL, "special");

  first = xa_school_registry_dup_school_by_code (fixture->registry, "2150000001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_address (first), ==, "示例区示例路1号,东门");
  holder = xa_school_registry_dup_role_holder (fixture->registry, xa_organisation_get_uuid (first),
                                               XA_ROLE_KIND_FIRST_RESPONSIBLE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (holder);
  g_assert_cmpstr (xa_role_get_person_name (holder), ==, "王建国");
  roles = xa_school_registry_list_roles (fixture->registry, xa_organisation_get_uuid (first), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);

  /* One audit entry per school, person and role, and one for the import itself. */
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'school.add'"), ==, 4);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'person.add'"), ==, 3);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'role.assign'"), ==, 3);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'school.import'"), ==, 1);

  /* The same file again: every code is taken now, and nothing changes. */
  {
    g_autofree char *before = xa_test_fingerprint (fixture->store);
    g_autofree char *after = NULL;

    g_assert_false (xa_school_import_file (fixture->registry, file, &n_imported, &problems, &error));
    g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
    g_assert_cmpuint (problems->len, ==, 4);
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "good.csv:2: "));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 1), "good.csv:3: "));
    /* The quoted field of line 3 runs over two lines, so the next row is line 5. */
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 2), "good.csv:5: "));
    g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 3), "good.csv:6: "));
    after = xa_test_fingerprint (fixture->store);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_gb18030 (Fixture       *fixture,
              gconstpointer  data)
{
  /* What Excel and WPS save as "CSV" on a Chinese Windows: GBK, a subset of GB18030, with
   * CRLF. The bytes are made here with iconv rather than trusted to a fixture's editor. */
  static const char utf8[] =
    HEADER
    "2150000001,示例区实验小学,小学,,示例区示例路1号,023-68880001,王建国,李秀英\r\n"
    "1150000002,示例区蓓蕾幼儿园,幼儿园,学前,,,,\r\n"
    "3450000003,示例区第十六高级中学,高级中学,,,,,\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *gb = NULL;
  gsize gb_length = 0;
  guint n_imported = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  /* The bytes differ from the UTF-8 ones and are not valid UTF-8: this is a real test. */
  g_assert_false (g_utf8_validate (gb, gb_length, NULL));

  file = write_file (fixture, "gbk.csv", gb, gb_length);
  g_assert_true (xa_school_import_file (fixture->registry, file, &n_imported, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_imported, ==, 3);

  assert_school (fixture, "2150000001", "示例区实验小学", XA_SCHOOL_TYPE_PRIMARY, "primary");
  assert_school (fixture, "1150000002", "示例区蓓蕾幼儿园", XA_SCHOOL_TYPE_KINDERGARTEN, "preschool");
  assert_school (fixture, "3450000003", "示例区第十六高级中学", XA_SCHOOL_TYPE_SENIOR, "senior");

  /* A GB18030 file with a bad row reports it with its line like any other. */
  {
    static const char bad_utf8[] = HEADER "2150000009,乙小学,小学,,,,,\r\n" "2150000010,丙小学,大学,,,,,\r\n";
    g_autofree char *bad_gb = g_convert (bad_utf8, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
    g_autoptr(GFile) bad_file = write_file (fixture, "gbk-bad.csv", bad_gb, gb_length);

    g_assert_no_error (error);
    g_assert_false (xa_school_import_file (fixture->registry, bad_file, &n_imported, &problems, &error));
    g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                     "gbk-bad.csv:3: Unknown school type “大学” (known: 幼儿园, 小学, 初中, 九年一贯制, 高中, 完全中学, 中职, 特教)");
  }
}

/* The door */

/* Writes @length copies of @byte after @prefix without holding them in memory, so that
 * the test's own peak stays small. */
static GFile *
write_repeated (Fixture    *fixture,
                const char *name,
                const char *prefix,
                char        byte,
                gsize       length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  char block[64 * 1024];
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  memset (block, byte, sizeof block);
  fputs (prefix, out);
  while (length > 0)
    {
      gsize n = MIN (length, sizeof block);

      g_assert_cmpuint (fwrite (block, 1, n, out), ==, n);
      length -= n;
    }
  fputc ('\n', out);
  g_assert_cmpint (fclose (out), ==, 0);

  return g_file_new_for_path (path);
}

/* The peak resident size of this process in KiB. */
static guint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

/* Starts measuring the peak anew (Linux 4.0 and later); where that is not allowed the
 * peak since the start of the process is measured, which is only stricter. */
static void
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (write (fd, "5", 1) != 1)
    g_test_message ("Cannot reset the peak RSS: %s", g_strerror (errno));
  close (fd);
}

/* Asserts that the import of @file is refused with one problem on @line (0: about the
 * whole file) that says @reason, and that the database did not change. */
static void
assert_refused_on_line (Fixture    *fixture,
                        GFile      *file,
                        guint       line,
                        const char *reason)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%u: ", basename, line)
                                     : g_strdup_printf ("%s: ", basename);
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit = xa_test_query_int (fixture->store, "SELECT count(*) FROM audit");
  guint n_imported = 99;

  g_assert_false (xa_school_import_file (fixture->registry, file, &n_imported, &problems, &error));
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
  g_assert_cmpuint (n_imported, ==, 0);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), prefix));
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), reason));

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, n_audit);
}

/* A row of ten million commas: refused on its line, and the process never grows past
 * 100 MiB while reading it (the whole-file reader took 1.6 GB). */
static void
test_huge_row (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = write_repeated (fixture, "commas.csv", HEADER, ',', 10 * 1000 * 1000);
  guint64 peak;

  reset_peak_rss ();
  assert_refused_on_line (fixture, file, 2, "more than 64 fields");
  peak = peak_rss_kib ();
  g_test_message ("peak RSS while importing: %" G_GUINT64_FORMAT " KiB", peak);
#ifndef __SANITIZE_ADDRESS__
  g_assert_cmpuint (peak, <, 100 * 1024);
#else
  /* AddressSanitizer keeps freed memory in quarantine (256 MB) and adds its shadow, so
   * the process's size says nothing about ours there; the normal build checks it. */
#endif
}

/* A row too long, a field too long, too many fields: each its own message on its line. */
static void
test_record_limits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) long_field = write_repeated (fixture, "long-field.csv", HEADER GOOD_ROW "2150000002,", 'x', 20 * 1024);
  g_autoptr(GFile) long_row = NULL;
  g_autoptr(GFile) many_fields = NULL;
  g_autoptr(GString) row = g_string_new (HEADER GOOD_ROW);

  assert_refused_on_line (fixture, long_field, 3, "longer than 8 KB");

  /* Many fields of 4 KiB each: none too long, the row too long. */
  for (guint i = 0; i < 20; i++)
    {
      g_string_append_c (row, i == 0 ? '\n' : ',');
      for (guint j = 0; j < 4096; j++)
        g_string_append_c (row, 'y');
    }
  g_string_append_c (row, '\n');
  long_row = write_file (fixture, "long-row.csv", row->str, row->len);
  assert_refused_on_line (fixture, long_row, 4, "longer than 64 KB");

  g_string_assign (row, HEADER GOOD_ROW GOOD_ROW);
  g_string_truncate (row, row->len - 1);
  for (guint i = 0; i < 60; i++)
    g_string_append_c (row, ',');
  g_string_append_c (row, '\n');
  many_fields = write_file (fixture, "many-fields.csv", row->str, row->len);
  assert_refused_on_line (fixture, many_fields, 3, "more than 64 fields");
}

/* Anything but a regular file is refused before it is opened, with a message that says
 * what it is: reading /dev/zero never ends, and opening a pipe waits for a writer. */
static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  struct
  {
    const char *path;
    const char *says;
  } cases[] = {
    { "/dev/zero", "is a device" },
    { fixture->dir, "is a folder" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].path);
      g_assert_false (xa_school_import_file (fixture->registry, file, NULL, &problems, &error));
      g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_READ);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].path));
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_null (problems);
    }

  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 0);
}

typedef struct
{
  const char *path;
  int         test_opened;      /* the test opened the reading end itself */
  gboolean    importer_opened;  /* someone else did first: the importer */
} FifoWriter;

/* Opens the pipe for writing, which waits until someone opens it for reading, notes who
 * that was and closes it at once: an importer that opened it reads an empty file, and
 * only after this note. */
static gpointer
fifo_writer_thread (gpointer user_data)
{
  FifoWriter *writer = user_data;
  int fd = open (writer->path, O_WRONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  writer->importer_opened = !g_atomic_int_get (&writer->test_opened);
  close (fd);
  return NULL;
}

static void
test_fifo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  FifoWriter writer = { path, FALSE, FALSE };
  GThread *thread;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  thread = g_thread_new ("fifo-writer", fifo_writer_thread, &writer);

  xa_school_import_file (fixture->registry, file, NULL, &problems, &error);

  /* Whatever the importer did, open the reading end so that the writer never waits
   * forever. */
  g_atomic_int_set (&writer.test_opened, TRUE);
  fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_thread_join (thread);
  close (fd);

  g_assert_false (writer.importer_opened);
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_READ);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "pipe.csv"));
  g_assert_nonnull (strstr (error->message, "is a pipe"));
  g_assert_null (problems);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 0);
}

/* A header and no schools is refused: an import of nothing is not recorded. */
static void
test_header_only (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "header-only.csv", HEADER "\r\n, ,\n", -1);

  add_existing_schools (fixture);
  assert_refused_on_line (fixture, file, 0, "no schools");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'school.import'"), ==, 0);
}

/* Exactly the largest size is read (and refused for its rows); one byte more is refused
 * as too large before a row is read. */
static void
test_size_boundary (Fixture       *fixture,
                    gconstpointer  data)
{
  const gsize limit = 10 * 1024 * 1024;
  g_autoptr(GFile) at_limit = write_repeated (fixture, "at-limit.csv", HEADER, '\n', limit - strlen (HEADER) - 1);
  g_autoptr(GFile) over_limit = write_repeated (fixture, "over-limit.csv", HEADER, '\n', limit - strlen (HEADER));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Blank lines only after the header: read to the end, then refused for having no
   * schools. */
  g_assert_false (xa_school_import_file (fixture->registry, at_limit, NULL, &problems, &error));
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  g_assert_false (xa_school_import_file (fixture->registry, over_limit, NULL, &problems, &error));
  g_assert_error (error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "over-limit.csv"));
  g_assert_nonnull (strstr (error->message, "larger than 10 MB"));
  g_assert_null (problems);
}

/* A GB18030 list much longer than one read (a long remark in a column the import does
 * not know makes it so): characters and line ends split between reads still decode,
 * lines are still counted right, and every school is there. */
static void
test_gb18030_long (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) utf8 = g_string_new ("学校标识码,学校名称,类型,地址,备注\r\n");
  g_autoptr(GString) remark = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bad_file = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(XaOrganisation) last = NULL;
  g_autofree char *gb = NULL;
  g_autofree char *bad_gb = NULL;
  gsize gb_length = 0;
  gsize bad_length = 0;
  guint n_imported = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append (remark, "安全");
  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (utf8, "21%08u,示例区第%u小学,小学,\"示例区示例路%u号,东门\",\"%s\r\n%s\"\r\n",
                            i, i, i, remark->str, remark->str);

  gb = g_convert (utf8->str, utf8->len, "GB18030", "UTF-8", NULL, &gb_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gb_length, >, 4 * 64 * 1024);

  g_string_append (utf8, "2199999999,末尾小学,大学,,\r\n");
  bad_gb = g_convert (utf8->str, utf8->len, "GB18030", "UTF-8", NULL, &bad_length, &error);
  g_assert_no_error (error);
  bad_file = write_file (fixture, "gbk-long-bad.csv", bad_gb, bad_length);
  assert_refused_on_line (fixture, bad_file, 2 * 1200 + 2, "Unknown school type “大学”");

  file = write_file (fixture, "gbk-long.csv", gb, gb_length);
  g_assert_true (xa_school_import_file (fixture->registry, file, &n_imported, &problems, &error));
  g_assert_no_error (error);
  g_assert_null (problems);
  g_assert_cmpuint (n_imported, ==, 1200);

  assert_school (fixture, "2100001199", "示例区第1199小学", XA_SCHOOL_TYPE_PRIMARY, "primary");
  last = xa_school_registry_dup_school_by_code (fixture->registry, "2100001199", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_address (last), ==, "示例区示例路1199号,东门");
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  guint      n_imported;
  GPtrArray *problems;
  GError    *error;
} AsyncResult;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncResult *out = user_data;

  out->ok = xa_school_import_file_finish (XA_SCHOOL_REGISTRY (source), result,
                                          &out->n_imported, &out->problems, &out->error);
  g_main_loop_quit (out->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) good = write_file (fixture, "async.csv", HEADER GOOD_ROW, -1);
  g_autoptr(GFile) bad = write_file (fixture, "async-bad.csv", HEADER "1,乙,小学,,,,,\n", -1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  AsyncResult out = { loop, FALSE, 0, NULL, NULL };

  xa_school_import_file_async (fixture->registry, good, NULL, import_done_cb, &out);
  g_main_loop_run (loop);
  g_assert_no_error (out.error);
  g_assert_true (out.ok);
  g_assert_cmpuint (out.n_imported, ==, 1);

  /* The store's "records-changed" reaches this thread through the main context; iterate until
   * the model has caught up rather than for a fixed time. */
  while (g_list_model_get_n_items (schools) != 1)
    g_main_context_iteration (NULL, TRUE);

  memset (&out, 0, sizeof out);
  out.loop = loop;
  xa_school_import_file_async (fixture->registry, bad, NULL, import_done_cb, &out);
  g_main_loop_run (loop);
  g_assert_false (out.ok);
  g_assert_error (out.error, XA_IMPORT_ERROR, XA_IMPORT_ERROR_REJECTED);
  g_assert_cmpuint (out.problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (out.problems, 0), "async-bad.csv:2: "));
  g_clear_error (&out.error);
  g_clear_pointer (&out.problems, g_ptr_array_unref);

  /* Let the worker's last reference to the registry go before the fixture checks that
   * it is finalized. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A cancelled import reads no further and writes nothing. */
static void
test_async_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) good = write_file (fixture, "cancelled.csv", HEADER GOOD_ROW, -1);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult out = { loop, FALSE, 0, NULL, NULL };

  g_cancellable_cancel (cancellable);
  xa_school_import_file_async (fixture->registry, good, cancellable, import_done_cb, &out);
  g_main_loop_run (loop);
  g_assert_false (out.ok);
  g_assert_error (out.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (out.n_imported, ==, 0);
  g_clear_error (&out.error);
  g_clear_pointer (&out.problems, g_ptr_array_unref);

  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit"), ==, 0);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  /* Messages stay in English: no text domain is bound, and the locale is C. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/import/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/xa/import/all-problems", Fixture, NULL, fixture_set_up, test_all_problems, fixture_tear_down);
  g_test_add ("/xa/import/limits", Fixture, NULL, fixture_set_up, test_limits, fixture_tear_down);
  g_test_add ("/xa/import/utf8-bom-quoting", Fixture, NULL, fixture_set_up, test_good_utf8, fixture_tear_down);
  g_test_add ("/xa/import/gb18030", Fixture, NULL, fixture_set_up, test_gb18030, fixture_tear_down);
  g_test_add ("/xa/import/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/xa/import/async-cancelled", Fixture, NULL, fixture_set_up, test_async_cancelled, fixture_tear_down);
  g_test_add ("/xa/import/door/huge-row", Fixture, NULL, fixture_set_up, test_huge_row, fixture_tear_down);
  g_test_add ("/xa/import/door/record-limits", Fixture, NULL, fixture_set_up, test_record_limits, fixture_tear_down);
  g_test_add ("/xa/import/door/not-regular", Fixture, NULL, fixture_set_up, test_not_regular, fixture_tear_down);
  g_test_add ("/xa/import/door/fifo", Fixture, NULL, fixture_set_up, test_fifo, fixture_tear_down);
  g_test_add ("/xa/import/door/header-only", Fixture, NULL, fixture_set_up, test_header_only, fixture_tear_down);
  g_test_add ("/xa/import/door/size-boundary", Fixture, NULL, fixture_set_up, test_size_boundary, fixture_tear_down);
  g_test_add ("/xa/import/door/gb18030-long", Fixture, NULL, fixture_set_up, test_gb18030_long, fixture_tear_down);

  return g_test_run ();
}
