/* test-hazard-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The draft of the hazard form: written once the typing pauses, read back as it was
 * typed (incomplete too), the newest snapshot winning, removed for good by a discard even
 * while a write is under way, one file per database, and a file that is not a draft
 * refused with its name.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "hazard-test-utils.h"
#include "xa-test-utils.h"
#include "core/hazards/xa-hazard-draft.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xiaoan-test-draft-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the first write makes it. */
  fixture->path = g_build_filename (fixture->dir, "drafts", "hazard.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
wait_until_written (XaHazardDraft *draft)
{
  while (xa_hazard_draft_get_pending (draft))
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_same_hazard (XaHazard *a,
                    XaHazard *b)
{
  g_autofree char *json_a = test_hazard_dup_json (a);
  g_autofree char *json_b = test_hazard_dup_json (b);

  g_assert_cmpstr (json_a, ==, json_b);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XaHazardDraft) draft = xa_hazard_draft_new (fixture->path);
  g_autoptr(XaHazard) hazard = xa_hazard_new ();
  g_autoptr(XaHazard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_at = NULL;
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GDir) dir = NULL;

  /* No draft yet: nothing, and no error. */
  g_assert_null (xa_hazard_draft_load (draft, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (xa_hazard_draft_get_pending (draft));

  /* Half typed: a place, an unfinished date, no description. */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "食堂后门");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, "2021-09-");
  xa_hazard_set_category (hazard, XA_HAZARD_CATEGORY_GAS);
  xa_hazard_set_grade (hazard, XA_HAZARD_GRADE_MAJOR);
  xa_hazard_set_school_year (hazard, 2021);
  xa_hazard_draft_schedule (draft, hazard);
  g_assert_true (xa_hazard_draft_get_pending (draft));
  /* Written only after the pause: the file is not there yet. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  wait_until_written (draft);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  loaded = xa_hazard_draft_load (draft, &saved_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  assert_same_hazard (hazard, loaded);
  g_assert_nonnull (saved_at);
  g_assert_nonnull (g_date_time_new_from_iso8601 (saved_at, NULL));

  /* Atomic: nothing but the draft in its folder, no temporary file left behind. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "hazard.json");
  g_assert_null (g_dir_read_name (dir));
}

/* Edits in a burst are written as the last of them; a draft object made later (the
 * next start of the app) reads it. */
static void
test_newest_wins (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XaHazardDraft) draft = xa_hazard_draft_new (fixture->path);
  g_autoptr(XaHazardDraft) next_start = NULL;
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(XaHazard) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *words[] = { "配", "配电", "配电箱", "配电箱门锁损坏" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, words[i]);
      xa_hazard_draft_schedule (draft, hazard);
    }
  wait_until_written (draft);

  /* A write started, then more typing, then a flush: the flush's is the last word. */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REMARKS, "先写");
  xa_hazard_draft_schedule (draft, hazard);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REMARKS, "后写");
  xa_hazard_draft_schedule (draft, hazard);
  g_assert_true (xa_hazard_draft_flush (draft, &error));
  g_assert_no_error (error);
  g_assert_false (xa_hazard_draft_get_pending (draft));

  next_start = xa_hazard_draft_new (fixture->path);
  loaded = xa_hazard_draft_load (next_start, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_hazard_get_text (loaded, XA_HAZARD_FIELD_DESCRIPTION), ==, "配电箱门锁损坏");
  g_assert_cmpstr (xa_hazard_get_text (loaded, XA_HAZARD_FIELD_REMARKS), ==, "后写");
  assert_same_hazard (hazard, loaded);
}

/* A draft object that goes away (the form's window destroyed) writes what waited. */
static void
test_written_on_dispose (Fixture       *fixture,
                         gconstpointer  data)
{
  XaHazardDraft *draft = xa_hazard_draft_new (fixture->path);
  g_autoptr(XaHazardDraft) again = xa_hazard_draft_new (fixture->path);
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(XaHazard) loaded = NULL;
  g_autoptr(GError) error = NULL;

  xa_hazard_draft_schedule (draft, hazard);
  g_assert_finalize_object (draft);

  loaded = xa_hazard_draft_load (again, NULL, &error);
  g_assert_no_error (error);
  assert_same_hazard (hazard, loaded);
}

/* Discarded, the draft is gone: also when it waited for a pause, and when a write was
 * already under way in the worker. */
static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaHazardDraft) draft = xa_hazard_draft_new (fixture->path);
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(GError) error = NULL;

  /* Nothing to discard is no error. */
  g_assert_true (xa_hazard_draft_discard (draft, &error));
  g_assert_no_error (error);

  xa_hazard_draft_schedule (draft, hazard);
  wait_until_written (draft);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  xa_hazard_draft_schedule (draft, hazard);
  g_assert_true (xa_hazard_draft_discard (draft, &error));
  g_assert_no_error (error);
  g_assert_false (xa_hazard_draft_get_pending (draft));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* Scheduled, its pause over (the write handed to a worker), then discarded at once:
   * the worker's write, whenever it runs, finds the draft discarded. */
  xa_hazard_draft_schedule (draft, hazard);
  /* The pause's timeout is the only source: one turn of the loop hands the write over. */
  g_main_context_iteration (NULL, TRUE);
  g_assert_true (xa_hazard_draft_discard (draft, &error));
  wait_until_written (draft);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_null (xa_hazard_draft_load (draft, NULL, &error));
  g_assert_no_error (error);

  /* Typing again after a discard makes a new draft. */
  xa_hazard_draft_schedule (draft, hazard);
  wait_until_written (draft);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaHazardDraft) draft = xa_hazard_draft_new (fixture->path);
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *display = g_filename_display_name (fixture->path);
  static const char * const bad[] = {
    "not json",
    "[1, 2]",
    "{\"format\": \"xiaoan-template\", \"version\": 1}",
    "{\"format\": \"xiaoan-hazard-draft\", \"version\": 2, \"hazard\": {}}",
    "{\"format\": \"xiaoan-hazard-draft\", \"version\": 1}",
    "{\"format\": \"xiaoan-hazard-draft\", \"version\": 1, \"hazard\": {\"grade\": \"huge\"}}",
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("refused: %s", bad[i]);
      g_assert_true (g_file_set_contents (fixture->path, bad[i], -1, NULL));
      g_assert_null (xa_hazard_draft_load (draft, NULL, &error));
      g_assert_error (error, XA_HAZARD_DRAFT_ERROR, XA_HAZARD_DRAFT_ERROR_INVALID);
      /* The message names the file, for the user to find it. */
      g_assert_nonnull (strstr (error->message, display));
    }
}

/* One draft per database: two locations, two files, both in the state folder. */
static void
test_path_for (void)
{
  g_autofree char *a = xa_hazard_draft_dup_path_for ("/home/li/.local/share/xiaoan/xiaoan.db");
  g_autofree char *b = xa_hazard_draft_dup_path_for ("postgresql://li@db.example.cn/xiaoan");
  g_autofree char *a_again = xa_hazard_draft_dup_path_for ("/home/li/.local/share/xiaoan/xiaoan.db");

  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, ==, a_again);
  g_assert_true (g_str_has_prefix (a, g_get_user_state_dir ()));
  g_assert_true (g_str_has_suffix (a, ".json"));
  /* A server's address is not written in a file name. */
  g_assert_null (strstr (b, "db.example.cn"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hazards/draft/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/hazards/draft/newest-wins", Fixture, NULL, fixture_set_up, test_newest_wins, fixture_tear_down);
  g_test_add ("/hazards/draft/written-on-dispose", Fixture, NULL, fixture_set_up, test_written_on_dispose,
              fixture_tear_down);
  g_test_add ("/hazards/draft/discard", Fixture, NULL, fixture_set_up, test_discard, fixture_tear_down);
  g_test_add ("/hazards/draft/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add_func ("/hazards/draft/path-for", test_path_for);

  return g_test_run ();
}
