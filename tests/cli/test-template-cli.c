/* test-template-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli template import` on hostile files: a bracket bomb (which crashed it), NULs
 * raw and escaped, a file too large. Each ends with exit status 1 and one message on
 * stderr that names the file, the line and the column; the database is as it was.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xa-test-utils.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *location;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_demo_dir_set_up (&fixture->demo, "template-cli", 3);
  fixture->location = g_build_filename (fixture->demo.data_dir, "xiaoan.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->location);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

static char *
dup_fingerprint (Fixture *fixture)
{
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_open (fixture->location, "测试员");

  return xa_test_fingerprint (xa_workspace_get_store (workspace));
}

static void
assert_import_refused (Fixture    *fixture,
                       const char *path,
                       const char *expected)
{
  g_auto(XaTestRun) run = { 0, };
  g_autofree char *before = dup_fingerprint (fixture);
  g_autofree char *after = NULL;
  g_autofree char *line = g_strdup_printf ("%s: %s", path, expected);

  xa_test_run_cli (&run, fixture->demo.data_dir, "template", "import", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, line));
  g_assert_cmpstr (run.out, ==, "");

  after = dup_fingerprint (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_hostile_files (Fixture       *fixture,
                    gconstpointer  data)
{
  gsize half = 100 * 1000;
  gsize huge_length = 5 * 1024 * 1024;
  g_autofree char *bomb = g_malloc (2 * half);
  g_autofree char *huge = g_malloc (huge_length);
  const char raw_nul[] = "{\"format\": \"xiaoan-template\",\n \"name\": \"安全\0责任书\"}";
  const char escaped_nul[] = "{\"format\": \"xiaoan-template\",\n \"name\": \"安全\\u0000责任书\"}";
  g_autofree char *bomb_path = NULL;
  g_autofree char *raw_path = NULL;
  g_autofree char *escaped_path = NULL;
  g_autofree char *huge_path = NULL;

  memset (bomb, '[', half);
  memset (bomb + half, ']', half);
  bomb_path = xa_test_write_file (fixture->demo.dir, "bomb.json", bomb, 2 * half);
  assert_import_refused (fixture, bomb_path, "line 1, column 65: brackets nested more than 64 deep\n");

  raw_path = xa_test_write_file (fixture->demo.dir, "raw-nul.json", raw_nul, sizeof raw_nul - 1);
  assert_import_refused (fixture, raw_path, "line 2, column 13: a NUL byte");

  escaped_path = xa_test_write_file (fixture->demo.dir, "escaped-nul.json", escaped_nul, strlen (escaped_nul));
  assert_import_refused (fixture, escaped_path, "line 2, column 13: a NUL character (\\u0000) in a text");

  memset (huge, ' ', huge_length);
  huge_path = xa_test_write_file (fixture->demo.dir, "huge.json", huge, huge_length);
  {
    g_auto(XaTestRun) run = { 0, };
    g_autofree char *expected = g_strdup_printf ("“%s” is too large (", huge_path);

    xa_test_run_cli (&run, fixture->demo.data_dir, "template", "import", huge_path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, expected));
    g_assert_cmpstr (run.out, ==, "");
  }
}

static void
assert_import_text_refused (Fixture    *fixture,
                            const char *path,
                            int         status,
                            const char *expected)
{
  g_auto(XaTestRun) run = { 0, };
  g_autofree char *before = dup_fingerprint (fixture);
  g_autofree char *after = NULL;

  xa_test_run_cli (&run, fixture->demo.data_dir, "template", "import-text", path, "--year", "2024", NULL);
  g_assert_cmpint (run.status, ==, status);
  g_assert_nonnull (strstr (run.err, expected));

  after = dup_fingerprint (fixture);
  g_assert_cmpstr (after, ==, before);
}

/* `template import-text`: what was recognised is shown, --dry-run stores nothing, the
 * template is stored as a new version of its year; bad files change nothing. */
static void
test_import_text (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "agreements",
                                            "03-district-four-levels-indented.txt", NULL);
  g_autofree char *before = dup_fingerprint (fixture);
  g_autofree char *after = NULL;
  g_autofree char *empty = xa_test_write_file (fixture->demo.dir, "empty.txt", "　\n", strlen ("　\n"));
  g_autofree char *notice = xa_test_write_file (fixture->demo.dir, "notice.txt", "通知\n请做好工作。\n",
                                                strlen ("通知\n请做好工作。\n"));
  g_autofree char *binary = xa_test_write_file (fixture->demo.dir, "binary.txt", "\x89PNG\0\0", 6);

  {
    g_auto(XaTestRun) run = { 0, };

    xa_test_run_cli (&run, fixture->demo.data_dir, "template", "import-text", text, "--year", "2024",
                     "--dry-run", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Title: 示例区教育系统2024—2025学年度 / 学校安全工作目标责任书\n"));
    g_assert_nonnull (strstr (run.out, "Clauses: 19\n"));
    g_assert_nonnull (strstr (run.out, "  Level 2: （一）, 5 clauses\n"));
    g_assert_nonnull (strstr (run.out, "  Level 4: ①, 3 clauses\n"));
    g_assert_nonnull (strstr (run.out, "    责任学校：示例区青岭学校\n"));
    g_assert_nonnull (strstr (run.out, "Parties: 2\n"));
    g_assert_nonnull (strstr (run.out, "  1. 示例区教育委员会（盖章） (seals)\n"));
    g_assert_nonnull (strstr (run.out, "Copies: 2\n"));
    after = dup_fingerprint (fixture);
    g_assert_cmpstr (after, ==, before);
  }

  {
    g_auto(XaTestRun) run = { 0, };
    g_auto(XaTestRun) list = { 0, };

    xa_test_run_cli (&run, fixture->demo.data_dir, "template", "import-text", text, "--year", "2024",
                     "--name", "区教委目标责任书", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Stored “区教委目标责任书” as version 1 of the templates for 2024—2025\n"));
    xa_test_run_cli (&list, fixture->demo.data_dir, "template", "list", NULL);
    g_assert_nonnull (strstr (list.out, "2024—2025\t1\teditable\t区教委目标责任书\n"));
  }

  {
    g_auto(XaTestRun) run = { 0, };

    xa_test_run_cli (&run, fixture->demo.data_dir, "template", "import-text", text, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  assert_import_text_refused (fixture, fixture->demo.dir, 1, "is a folder, not a file");
  assert_import_text_refused (fixture, "/dev/zero", 1, "“/dev/zero” is a device, not a file");
  assert_import_text_refused (fixture, empty, 1, "empty.txt” is empty");
  assert_import_text_refused (fixture, binary, 1, "binary.txt” is not a text file");
  assert_import_text_refused (fixture, notice, 1, "notice.txt: No numbered clause was recognised");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/template-cli/hostile-files", Fixture, NULL, fixture_set_up, test_hostile_files, fixture_tear_down);
  g_test_add ("/xa/template-cli/import-text", Fixture, NULL, fixture_set_up, test_import_text, fixture_tear_down);

  return g_test_run ();
}
