/* test-preferences.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The backups of the preferences window over a database in a temporary folder: the
 * list starts empty, 立即备份 makes a backup in a worker that is listed as verified
 * with a restore button, the number to keep is the setting the spin button shows and
 * rotation follows it, and a backup changed afterwards is listed with its restore
 * button insensitive.
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/store/xa-backup.h"
#include "ui/xa-application.h"
#include "ui/xa-preferences-window.h"
#include "ui/xa-ui-utils.h"
#include "ui/hazards/xa-hazard-policy-group.h"
#include "core/hazards/xa-hazard-policy.h"

typedef struct
{
  XaTestUiFixture      ui;
  char                *backup_dir;
  XaPreferencesWindow *window;
  GSettings           *settings;
} Fixture;

static GtkWidget *
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), XA_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *db_path = NULL;

  xa_test_ui_fixture_set_up (&fixture->ui, "preferences", TRUE, 6);
  db_path = g_build_filename (fixture->ui.data_dir, "xiaoan.db", NULL);
  fixture->backup_dir = xa_backup_dup_default_dir (db_path);

  fixture->settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_settings_reset (fixture->settings, "backup-keep");

  fixture->window = g_object_ref (xa_preferences_window_new (fixture->ui.data_dir));
  xa_preferences_window_set_workspace (fixture->window, fixture->ui.workspace);
  gtk_window_present (GTK_WINDOW (fixture->window));
  xa_test_wait_for_boolean (fixture->window, "busy", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
  g_settings_reset (fixture->settings, "backup-keep");
  g_settings_reset (fixture->settings, "agreement-page-codes");
  g_clear_object (&fixture->settings);
  g_free (fixture->backup_dir);
}

static guint
count_rows (Fixture *fixture)
{
  GtkListBox *list = GTK_LIST_BOX (child (fixture->window, "backup_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (w))
        return w;
      if ((found = find_button (w)) != NULL)
        return found;
    }

  return NULL;
}

/* The restore button at the end of row @index. */
static GtkWidget *
restore_button (Fixture *fixture,
                guint    index)
{
  GtkListBox *list = GTK_LIST_BOX (child (fixture->window, "backup_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *button;

  g_assert_true (ADW_IS_ACTION_ROW (row));
  button = find_button (GTK_WIDGET (row));
  g_assert_nonnull (button);
  return button;
}

static void
back_up (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "preferences.back-up", NULL));
  xa_test_wait_for_boolean (fixture->window, "busy", FALSE);
}

static void
test_back_up_now (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_rows (fixture), ==, 0);
  g_assert_true (gtk_widget_get_visible (child (fixture->window, "backup_page")));

  back_up (fixture);
  backups = xa_backup_list (fixture->backup_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (restore_button (fixture, 0)));

  /* Keep one: the spin button shows the setting, and the next backup replaces it. */
  g_settings_set_int (fixture->settings, "backup-keep", 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (fixture->window, "keep_spin"))), ==, 1);
  back_up (fixture);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_clear_object (&backups);
  backups = xa_backup_list (fixture->backup_dir, &error);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
}

/* The switch is the setting that the agreements' preview, print and export read. */
static void
test_page_codes (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkSwitch *page_codes = GTK_SWITCH (child (fixture->window, "page_codes_switch"));

  g_assert_true (gtk_switch_get_active (page_codes));
  g_assert_true (xa_settings_get_page_codes ());

  gtk_switch_set_active (page_codes, FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "agreement-page-codes"));
  g_assert_false (xa_settings_get_page_codes ());
}

static void
test_corrupted_backup_not_offered (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(XaBackup) newest = NULL;
  int fd;

  back_up (fixture);
  newest = xa_backup_find_newest (fixture->backup_dir);
  g_assert_nonnull (newest);
  fd = g_open (xa_backup_get_path (newest), O_WRONLY, 0);
  g_assert_cmpint (pwrite (fd, "XXXX", 4, 9000), ==, 4);
  close (fd);

  /* The window lists the backups as it opens. */
  xa_preferences_window_set_workspace (fixture->window, fixture->ui.workspace);
  xa_test_wait_for_boolean (fixture->window, "busy", FALSE);
  g_assert_cmpuint (count_rows (fixture), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (restore_button (fixture, 0)));
}

/* The district's default deadlines: shown, stored a moment after typing (and when the
 * window closes), and what a new hazard's form then proposes. */
static void
test_default_deadlines (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *group = child (fixture->window, "hazard_policy_group");
  GtkSpinButton *general = xa_test_template_child (group, XA_TYPE_HAZARD_POLICY_GROUP, "general_spin");
  GtkSpinButton *major = xa_test_template_child (group, XA_TYPE_HAZARD_POLICY_GROUP, "major_spin");
  XaHazardSettings settings;

  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (general), ==, XA_HAZARD_DEFAULT_DAYS_GENERAL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (major), ==, XA_HAZARD_DEFAULT_DAYS_MAJOR);
  /* A school's own database is its own to set. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (general)));

  gtk_spin_button_set_value (general, 3);
  gtk_spin_button_set_value (major, 14);
  g_assert_true (xa_hazard_book_read_settings (xa_workspace_get_hazards (fixture->ui.workspace), &settings, &error));
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_GENERAL], ==, XA_HAZARD_DEFAULT_DAYS_GENERAL);

  xa_hazard_policy_group_flush (XA_HAZARD_POLICY_GROUP (group));
  g_assert_true (xa_hazard_book_read_settings (xa_workspace_get_hazards (fixture->ui.workspace), &settings, &error));
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_GENERAL], ==, 3);
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, 14);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/preferences/default-deadlines", Fixture, NULL, fixture_set_up, test_default_deadlines,
              fixture_tear_down);
  g_test_add ("/xa/preferences/page-codes", Fixture, NULL, fixture_set_up, test_page_codes, fixture_tear_down);
  g_test_add ("/xa/preferences/back-up-now", Fixture, NULL, fixture_set_up, test_back_up_now, fixture_tear_down);
  g_test_add ("/xa/preferences/corrupted-backup-not-offered", Fixture, NULL, fixture_set_up,
              test_corrupted_backup_not_offered, fixture_tear_down);

  return g_test_run ();
}
