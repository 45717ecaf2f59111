/* test-backup-scheduler.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scheduler of the app's backups, ticked with times of the test's making: nothing
 * while the app is busy, a backup once it is idle, none again while nothing changed,
 * none before the interval has passed since the last, one after it, and none when the
 * interval is 0.
 */

#include "config.h"

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/store/xa-backup.h"
#include "ui/xa-application.h"
#include "ui/xa-backup-scheduler.h"

static guint
count_backups (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = xa_backup_list (dir, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (list);
}

static void
add_school (XaWorkspace *workspace)
{
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autoptr(GError) error = NULL;

  xa_organisation_set_name (school, "定时备份小学");
  xa_organisation_set_code (school, "3100000099");
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  xa_organisation_set_stages (school, "primary");
  xa_school_registry_add_school (xa_workspace_get_registry (workspace), school, &error);
  g_assert_no_error (error);
}

static void
test_scheduler_ticks (void)
{
  XaTestUiFixture fixture;
  g_autofree char *db_path = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autoptr(XaBackupScheduler) scheduler = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_now_local ();
  g_autoptr(GDateTime) idle = g_date_time_add_minutes (start, XA_BACKUP_IDLE_MINUTES + 1);
  g_autoptr(GDateTime) later = g_date_time_add_minutes (idle, 30);
  g_autoptr(GDateTime) later_idle = g_date_time_add_minutes (later, XA_BACKUP_IDLE_MINUTES + 1);
  g_autoptr(GDateTime) next_day = g_date_time_add_hours (later_idle, 24);

  xa_test_ui_fixture_set_up (&fixture, "scheduler", TRUE, 3);
  db_path = g_build_filename (fixture.data_dir, "xiaoan.db", NULL);
  backup_dir = xa_backup_dup_default_dir (db_path);
  g_settings_set_int (settings, "backup-interval-hours", 24);
  scheduler = xa_backup_scheduler_new (fixture.store, settings);

  /* The start counts as activity. */
  g_assert_false (xa_backup_scheduler_tick (scheduler, start));

  /* Idle, and no backup yet. */
  g_assert_true (xa_backup_scheduler_tick (scheduler, idle));
  xa_test_wait_for_boolean (scheduler, "running", FALSE);
  g_assert_cmpuint (count_backups (backup_dir), ==, 1);

  /* Nothing changed since: none, however late. */
  g_assert_false (xa_backup_scheduler_tick (scheduler, next_day));

  /* A change: not while the app is busy, not before the interval, then one. */
  add_school (fixture.workspace);
  g_assert_false (xa_backup_scheduler_tick (scheduler, later));
  g_assert_false (xa_backup_scheduler_tick (scheduler, later_idle));
  g_settings_set_int (settings, "backup-interval-hours", 0);
  g_assert_false (xa_backup_scheduler_tick (scheduler, next_day));
  g_settings_set_int (settings, "backup-interval-hours", 24);
  g_assert_true (xa_backup_scheduler_tick (scheduler, next_day));
  xa_test_wait_for_boolean (scheduler, "running", FALSE);
  g_assert_cmpuint (count_backups (backup_dir), ==, 2);

  g_settings_reset (settings, "backup-interval-hours");
  g_clear_object (&scheduler);
  xa_test_ui_fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add_func ("/xa/backup-scheduler/ticks", test_scheduler_ticks);

  return g_test_run ();
}
