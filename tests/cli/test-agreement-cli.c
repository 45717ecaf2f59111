/* test-agreement-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli agreement …` on the demo district, run as a process ($XIAOAN_CLI): the PDF
 * files it promises, named as promised and readable by Poppler, the copy marks, the
 * drafts it makes on the way, and its one-line errors with their exit codes.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "xa-test-utils.h"
#include "document/xa-agreement-renderer.h"
#include "document/xa-poppler-private.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *out;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_demo_dir_set_up (&fixture->demo, "agreement-cli", 9);
  fixture->out = g_build_filename (fixture->demo.dir, "out", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->out);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

/* The agreements as `agreement list --json` tells them. */
static JsonArray *
list_agreements (Fixture *fixture)
{
  return xa_test_run_cli_json (fixture->demo.data_dir, "agreement", "list", "--year", "2021-2022", "--json", NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PopplerDocument *document;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* Counts the pages that carry @label in their footer. */
static int
count_pages_with (PopplerDocument *document,
                  const char      *label)
{
  int n = 0;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, label) != NULL)
        n++;
    }

  return n;
}

static gboolean
document_contains (PopplerDocument *document,
                   const char      *needle)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_render_one_school (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(XaTestRun) generate = { 0, };
  g_auto(XaTestRun) render = { 0, };
  g_auto(XaTestRun) both = { 0, };
  g_autoptr(JsonArray) agreements = NULL;
  g_autoptr(PopplerDocument) school_copy = NULL;
  g_autoptr(PopplerDocument) both_copies = NULL;
  g_autofree char *path = g_build_filename (fixture->out, "one.pdf", NULL);
  g_autofree char *both_path = NULL;
  g_autofree char *both_name = NULL;
  const char *commission = xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION);
  const char *school = xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL);
  JsonObject *first;
  int n_pages;

  xa_test_run_cli (&generate, fixture->demo.data_dir, "agreement", "generate", "--year", "2021", "--all", NULL);
  g_assert_cmpint (generate.status, ==, 0);
  agreements = list_agreements (fixture);
  g_assert_cmpuint (json_array_get_length (agreements), ==, 9);
  first = json_array_get_object_element (agreements, 0);

  xa_test_run_cli (&render, fixture->demo.data_dir, "agreement", "render", "--year", "2021-2022",
           "--school", json_object_get_string_member (first, "school"),
           "--out", path, "--copy", "school", NULL);
  g_assert_cmpint (render.status, ==, 0);
  school_copy = open_pdf (path);
  n_pages = poppler_document_get_n_pages (school_copy);
  g_assert_cmpint (n_pages, >=, 4);
  /* The copy label marks the first page of the copy (GB/T 9704's 份号 place). */
  g_assert_cmpint (count_pages_with (school_copy, school), >=, 1);
  g_assert_cmpint (count_pages_with (school_copy, commission), ==, 0);
  g_assert_true (document_contains (school_copy, json_object_get_string_member (first, "school_name")));

  /* The file carries the audit chain's head it was made at, as `audit head` prints it. */
  {
    g_auto(XaTestRun) head = { 0, };
    g_auto(GStrv) fields = NULL;
    g_autofree char *keywords = poppler_document_get_keywords (school_copy);
    g_autofree char *expected = NULL;

    xa_test_run_cli (&head, fixture->demo.data_dir, "audit", "head", NULL);
    g_assert_cmpint (head.status, ==, 0);
    fields = g_strsplit (g_strstrip (head.out), "\t", 2);
    expected = g_strdup_printf ("audit chain #%s %s", fields[0], fields[1]);
    g_assert_cmpstr (keywords, ==, expected);
  }

  /* Both copies in one file, named by the school in the folder: the commission's first. */
  xa_test_run_cli (&both, fixture->demo.data_dir, "agreement", "render", "--year", "2021-2022",
           "--school", json_object_get_string_member (first, "school"), "--out", fixture->out, NULL);
  g_assert_cmpint (both.status, ==, 0);
  both_name = g_strdup_printf ("%s-%s.pdf", json_object_get_string_member (first, "school"),
                               json_object_get_string_member (first, "school_name"));
  both_path = g_build_filename (fixture->out, both_name, NULL);
  both_copies = open_pdf (both_path);
  g_assert_cmpint (poppler_document_get_n_pages (both_copies), ==, 2 * n_pages);
  g_assert_cmpint (count_pages_with (both_copies, commission), ==, count_pages_with (school_copy, school));
  g_assert_cmpint (count_pages_with (both_copies, school), ==, count_pages_with (school_copy, school));
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (both_copies, 0);
    g_autoptr(PopplerPage) second = poppler_document_get_page (both_copies, n_pages);
    g_autofree char *text = poppler_page_get_text (page);
    g_autofree char *second_text = poppler_page_get_text (second);

    g_assert_nonnull (strstr (text, commission));
    g_assert_nonnull (strstr (second_text, school));
  }
}

static void
test_render_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0, };
  g_autoptr(JsonArray) agreements = NULL;
  guint n_files = 0;
  guint n_successions = 0;

  /* No agreement yet: render makes the drafts first and says so. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "agreement", "render", "--year", "2021-2022", "--all",
           "--out", fixture->out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "made drafts for them first"));
  g_assert_nonnull (strstr (run.err, "[9/9] "));

  agreements = list_agreements (fixture);
  g_assert_cmpuint (json_array_get_length (agreements), ==, 9);

  for (guint i = 0; i < json_array_get_length (agreements); i++)
    {
      JsonObject *agreement = json_array_get_object_element (agreements, i);
      const char *code = json_object_get_string_member (agreement, "school");
      const char *name = json_object_get_string_member (agreement, "school_name");
      const char *successor = json_object_get_string_member (agreement, "successor");
      g_autofree char *file_name = g_strdup_printf ("%s-%s.pdf", code, name);
      g_autofree char *path = g_build_filename (fixture->out, file_name, NULL);
      g_autofree char *progress = g_strdup_printf ("] %s\n", name);
      g_autoptr(PopplerDocument) document = open_pdf (path);
      int n_pages = poppler_document_get_n_pages (document);

      g_assert_nonnull (strstr (run.err, progress));
      g_assert_true (document_contains (document, name));
      g_assert_cmpint (n_pages % 2, ==, 0);
      g_assert_cmpint (count_pages_with (document, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION)), >=, 1);
      g_assert_cmpint (count_pages_with (document, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL)), ==,
                       count_pages_with (document, xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION)));

      /* A school whose principal changed on 2022-02-14 gets the acknowledgement page,
       * once per copy. */
      if (successor != NULL)
        {
          n_successions++;
          g_assert_cmpstr (json_object_get_string_member (agreement, "handover_date"), ==, "2022-02-14");
          g_assert_true (document_contains (document, successor));
          g_assert_true (document_contains (document, "2022年2月14日"));
          g_assert_cmpint (count_pages_with (document, "继任履责确认"), ==, 2);
        }
      else
        g_assert_false (document_contains (document, "继任履责确认"));
      n_files++;
    }

  g_assert_cmpuint (n_files, ==, 9);
  g_assert_cmpuint (n_successions, >=, 1);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) bad_code = { 0, };
  g_auto(XaTestRun) bad_year = { 0, };
  g_auto(XaTestRun) no_target = { 0, };
  g_auto(XaTestRun) bad_step = { 0, };
  g_autofree char *path = g_build_filename (fixture->out, "none.pdf", NULL);

  xa_test_run_cli (&bad_code, fixture->demo.data_dir, "agreement", "render", "--year", "2021-2022", "--school", "2199999999",
           "--out", path, NULL);
  g_assert_cmpint (bad_code.status, ==, 1);
  g_assert_nonnull (strstr (bad_code.err, "2199999999"));
  g_assert_cmpuint (strchr (bad_code.err, '\n') - bad_code.err, ==, strlen (bad_code.err) - 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  xa_test_run_cli (&bad_year, fixture->demo.data_dir, "agreement", "render", "--year", "2021-2023", "--all", "--out", fixture->out, NULL);
  g_assert_cmpint (bad_year.status, ==, 2);
  g_assert_nonnull (strstr (bad_year.err, "2021-2023"));

  xa_test_run_cli (&no_target, fixture->demo.data_dir, "agreement", "render", "--year", "2021", "--out", fixture->out, NULL);
  g_assert_cmpint (no_target.status, ==, 2);

  /* A draft cannot be archived; the message names the school and the year. */
  {
    g_auto(XaTestRun) generate = { 0, };
    g_autoptr(JsonArray) agreements = NULL;
    const char *code;

    xa_test_run_cli (&generate, fixture->demo.data_dir, "agreement", "generate", "--year", "2021", "--all", NULL);
    agreements = list_agreements (fixture);
    code = json_object_get_string_member (json_array_get_object_element (agreements, 0), "school");
    xa_test_run_cli (&bad_step, fixture->demo.data_dir, "agreement", "advance", "--year", "2021", "--school", code,
             "--to", "archived", NULL);
    g_assert_cmpint (bad_step.status, ==, 1);
    g_assert_nonnull (strstr (bad_step.err, code));
    g_assert_nonnull (strstr (bad_step.err, "2021—2022"));
  }
}

static void
test_advance_and_revise (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(XaTestRun) generate = { 0, };
  g_auto(XaTestRun) revise = { 0, };
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  const char *states[] = { "pending", "signed", "archived" };
  g_autofree char *code = NULL;
  JsonObject *agreement;

  xa_test_run_cli (&generate, fixture->demo.data_dir, "--operator", "王主任", "agreement", "generate", "--year", "2021", "--all", NULL);
  before = list_agreements (fixture);
  code = g_strdup (json_object_get_string_member (json_array_get_object_element (before, 1), "school"));

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_auto(XaTestRun) run = { 0, };

      xa_test_run_cli (&run, fixture->demo.data_dir, "--operator", "王主任", "agreement", "advance", "--year", "2021",
               "--school", code, "--to", states[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
    }

  xa_test_run_cli (&revise, fixture->demo.data_dir, "agreement", "revise", "--year", "2021", "--school", code, NULL);
  g_assert_cmpint (revise.status, ==, 0);

  after = list_agreements (fixture);
  agreement = json_array_get_object_element (after, 1);
  g_assert_cmpstr (json_object_get_string_member (agreement, "school"), ==, code);
  g_assert_cmpint (json_object_get_int_member (agreement, "revision"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (agreement, "state"), ==, "draft");
}

static void
test_template_diff_pdf (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(XaTestRun) next_year = { 0, };
  g_auto(XaTestRun) diff = { 0, };
  g_auto(XaTestRun) bad_year = { 0, };
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *path = g_build_filename (fixture->out, "compare", "diff.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->out, "bad.pdf", NULL);

  xa_test_run_cli (&next_year, fixture->demo.data_dir, "template", "next-year", "--year", "2021", NULL);
  g_assert_cmpint (next_year.status, ==, 0);

  xa_test_run_cli (&diff, fixture->demo.data_dir, "template", "diff", "--year", "2021", "--year", "2022", "--pdf", path, NULL);
  g_assert_cmpint (diff.status, ==, 0);
  g_assert_nonnull (strstr (diff.out, path));
  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
  g_assert_true (document_contains (document, "2022"));

  /* A year without a template: one line that names it, and no file. */
  xa_test_run_cli (&bad_year, fixture->demo.data_dir, "template", "diff", "--year", "2021", "--year", "2030", "--pdf", bad_path, NULL);
  g_assert_cmpint (bad_year.status, ==, 1);
  g_assert_nonnull (strstr (bad_year.err, "2030"));
  g_assert_cmpuint (strchr (bad_year.err, '\n') - bad_year.err, ==, strlen (bad_year.err) - 1);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

/* agreement diff: with its template, the school's clauses are all that is listed, under
 * the line that says whose they are; with the revision before, a clause removed and one
 * added, the one that moved up renumbered; the first revision without
 * --against-template is refused with the way to ask for it; the PDF marks them. */
static void
test_agreement_diff (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(XaTestRun) first = { 0, };
  g_auto(XaTestRun) against_template = { 0, };
  g_auto(XaTestRun) revisions = { 0, };
  g_auto(XaTestRun) old_revision = { 0, };
  g_auto(XaTestRun) no_such = { 0, };
  g_auto(XaTestRun) pdf = { 0, };
  g_autoptr(JsonArray) agreements = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *path = g_build_filename (fixture->out, "agreement-diff.pdf", NULL);
  const char *dir = fixture->demo.data_dir;
  const char *code;
  const char *listed;
  guint n_lines = 0;

#define RUN_OK(...) \
  G_STMT_START { \
    g_auto(XaTestRun) run_ = { 0, }; \
    xa_test_run_cli (&run_, dir, __VA_ARGS__, NULL); \
    g_assert_cmpint (run_.status, ==, 0); \
  } G_STMT_END

  RUN_OK ("agreement", "generate", "--year", "2021", "--all");
  agreements = list_agreements (fixture);
  code = json_object_get_string_member (json_array_get_object_element (agreements, 0), "school");
  RUN_OK ("agreement", "supplement", "add", "--year", "2021", "--school", code, "学校每月开展一次消防演练。");
  RUN_OK ("agreement", "supplement", "add", "--year", "2021", "--school", code, "校车由专人接送。");

  xa_test_run_cli (&first, dir, "agreement", "diff", "--year", "2021", "--school", code, NULL);
  g_assert_cmpint (first.status, ==, 1);
  g_assert_nonnull (strstr (first.err, "--against-template"));
  g_assert_cmpuint (strchr (first.err, '\n') - first.err, ==, strlen (first.err) - 1);

  xa_test_run_cli (&against_template, dir, "agreement", "diff", "--year", "2021", "--school", code,
                   "--against-template", NULL);
  g_assert_cmpint (against_template.status, ==, 0);
  listed = strstr (against_template.out, "补充条款");
  g_assert_nonnull (listed);
  g_assert_nonnull (strstr (listed, "\n+ 1. 学校每月开展一次消防演练。\n+ 2. 校车由专人接送。\n"));
  /* Only the school's: the template's clauses are all as they were. */
  g_assert_true (g_str_has_prefix (against_template.out, "# "));
  for (const char *p = against_template.out; (p = strchr (p, '\n')) != NULL; p++)
    n_lines++;
  g_assert_cmpuint (n_lines, ==, 3);

  RUN_OK ("agreement", "advance", "--year", "2021", "--school", code, "--to", "pending");
  RUN_OK ("agreement", "advance", "--year", "2021", "--school", code, "--to", "signed");
  RUN_OK ("agreement", "revise", "--year", "2021", "--school", code);
  RUN_OK ("agreement", "supplement", "remove", "--year", "2021", "--school", code, "1");
  RUN_OK ("agreement", "supplement", "add", "--year", "2021", "--school", code, "食堂实行校长陪餐制度。");
#undef RUN_OK

  xa_test_run_cli (&revisions, dir, "agreement", "diff", "--year", "2021", "--school", code, NULL);
  g_assert_cmpint (revisions.status, ==, 0);
  listed = strstr (revisions.out, "补充条款");
  g_assert_nonnull (listed);
  g_assert_nonnull (strstr (listed, "\n- 1. 学校每月开展一次消防演练。\n~ 1. 校车由专人接送。\n+ 2. 食堂实行校长陪餐制度。\n"));

  xa_test_run_cli (&old_revision, dir, "agreement", "diff", "--year", "2021", "--school", code,
                   "--revision", "1", "--against-template", NULL);
  g_assert_cmpint (old_revision.status, ==, 0);
  g_assert_nonnull (strstr (old_revision.out, "\n+ 1. 学校每月开展一次消防演练。\n+ 2. 校车由专人接送。\n"));

  xa_test_run_cli (&no_such, dir, "agreement", "diff", "--year", "2021", "--school", code, "--revision", "3", NULL);
  g_assert_cmpint (no_such.status, ==, 1);
  g_assert_nonnull (strstr (no_such.err, code));
  g_assert_nonnull (strstr (no_such.err, "3"));

  xa_test_run_cli (&pdf, dir, "agreement", "diff", "--year", "2021", "--school", code, "--pdf", path, NULL);
  g_assert_cmpint (pdf.status, ==, 0);
  document = open_pdf (path);
  g_assert_true (document_contains (document, "补充条款（学校补充）"));
  g_assert_true (document_contains (document, "【学校补充】【新增】"));
  g_assert_true (document_contains (document, "食堂实行校长陪餐制度。"));
}

/* agreement set-date: the date prints under both parties in place of 年　月　日; a date
 * that is not one is refused, naming it, and changes nothing. */
static void
test_set_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(XaTestRun) generate = { 0, };
  g_auto(XaTestRun) bad = { 0, };
  g_auto(XaTestRun) set = { 0, };
  g_auto(XaTestRun) render = { 0, };
  g_autoptr(JsonArray) agreements = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *path = g_build_filename (fixture->out, "dated.pdf", NULL);
  const char *code;
  guint n_dates = 0;

  xa_test_run_cli (&generate, fixture->demo.data_dir, "agreement", "generate", "--year", "2021", "--all", NULL);
  g_assert_cmpint (generate.status, ==, 0);
  agreements = list_agreements (fixture);
  code = json_object_get_string_member (json_array_get_object_element (agreements, 0), "school");

  xa_test_run_cli (&bad, fixture->demo.data_dir, "agreement", "set-date", "--year", "2021", "--all",
                   "--date", "2021-02-30", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "2021-02-30"));

  xa_test_run_cli (&set, fixture->demo.data_dir, "agreement", "set-date", "--year", "2021", "--all",
                   "--date", "2021-09-01", NULL);
  g_assert_cmpint (set.status, ==, 0);

  xa_test_run_cli (&render, fixture->demo.data_dir, "agreement", "render", "--year", "2021", "--school", code,
                   "--copy", "school", "--out", path, NULL);
  g_assert_cmpint (render.status, ==, 0);
  document = open_pdf (path);

  /* The signature block is on the agreement's last page, before any acknowledgement. */
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *p = strstr (text, "2021年9月1日"); p != NULL; p = strstr (p + 1, "2021年9月1日"))
        n_dates++;
    }
  g_assert_cmpuint (n_dates, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xa/agreement-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("render-one-school", test_render_one_school);
  ADD ("render-all", test_render_all);
  ADD ("bad-input", test_bad_input);
  ADD ("advance-and-revise", test_advance_and_revise);
  ADD ("template-diff-pdf", test_template_diff_pdf);
  ADD ("set-date", test_set_date);
  ADD ("agreement-diff", test_agreement_diff);

  return g_test_run ();
}
