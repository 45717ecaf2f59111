/* xa-test-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests that drive the real window share: turning the main loop without a
 * clock, a data folder with the workspace over it and the window shown on it, and
 * closing the window so that nothing outlives it.
 */

#include "config.h"

#include "xa-test-ui-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "ui/xa-agreement-detail.h"
#include "ui/xa-window-private.h"
#include "core/registry/xa-demo.h"
#include "document/xa-font-resolver.h"

/* A UI test that has not ended by then hangs: meson kills it at 300 s without a word of
 * where it stood. The watchdog prints every thread's stack first (gdb attached to the
 * test) and aborts, so that the log of a run on another machine shows the hang. It is no
 * measure of speed: a healthy UI test ends in seconds. */
#define WATCHDOG_SECONDS 240

static gpointer
watchdog_thread (gpointer data)
{
  g_autofree char *command = g_strdup_printf ("gdb -p %d -batch -nx -ex 'thread apply all bt' 1>&2",
                                              (int) getpid ());

  g_usleep ((gulong) WATCHDOG_SECONDS * G_USEC_PER_SEC);
  g_printerr ("# %s: still running after %d s; the stacks of its threads:\n",
              g_get_prgname (), WATCHDOG_SECONDS);
  fflush (stderr);
  if (system (command) != 0)
    g_printerr ("# (gdb could not show them)\n");
  g_printerr ("Bail out! %s hangs\n", g_get_prgname ());
  abort ();
  return NULL;
}

static void
start_watchdog (void)
{
  /* gdb is a child of this process, which a restricted ptrace scope does not let attach
   * to its parent unless the parent allows it. */
  prctl (PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
  g_thread_unref (g_thread_new ("xa-test-watchdog", watchdog_thread, NULL));
}

/**
 * xa_test_ui_init:
 *
 * Starts GTK and libadwaita for a test as main() starts them for the app: fontconfig
 * loaded first, on this thread, and the user's locale (zh_CN in the suites) with the
 * build's translations, where gtk_test_init() alone would leave English.
 */
void
xa_test_ui_init (int    *argc,
                 char ***argv)
{
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");

  start_watchdog ();
  xa_font_resolver_load_fontconfig ();
  gtk_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
xa_test_iterate (void)
{
  for (guint i = 0; i < XA_TEST_MAX_ITERATIONS && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * xa_test_wait_for_boolean:
 *
 * Turns the main loop until @object's boolean @property is @value: work in a thread
 * reports back through it.
 */
void
xa_test_wait_for_boolean (gpointer    object,
                          const char *property,
                          gboolean    value)
{
  gboolean current = !value;

  for (;;)
    {
      g_object_get (object, property, &current, NULL);
      if (current == value)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  xa_test_iterate ();
}

/**
 * xa_test_close_window:
 * @window: (transfer full): the window a test made, with the only reference
 *
 * Closes the dialogs a test left open, then @window, and asserts that it is finalized.
 */
void
xa_test_close_window (GtkWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (window);
  xa_test_iterate ();
  g_assert_finalize_object (window);
}

/**
 * xa_test_find_toplevel:
 * @type: a type of window, such as ADW_TYPE_MESSAGE_DIALOG
 *
 * Returns: (transfer none) (nullable): the window of @type that shows, a dialog the test
 *   made the app open; %NULL when none does
 */
gpointer
xa_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
activate_shortcut_in (GtkWidget          *widget,
                      gboolean            is_root,
                      GtkShortcutTrigger *trigger)
{
  g_autoptr(GListModel) controllers = NULL;

  /* As GTK does: the shortcuts of a widget that does not show are not run. */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;

  controllers = gtk_widget_observe_controllers (widget);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      /* Below the root, only shortcuts that work wherever the focus is count. */
      if (!is_root &&
          gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) == GTK_SHORTCUT_SCOPE_LOCAL)
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (activate_shortcut_in (child, FALSE, trigger))
      return TRUE;

  return FALSE;
}

/**
 * xa_test_activate_shortcut:
 * @root: a window
 *
 * Runs the shortcut for @keyval with @modifiers as a key press anywhere in @root would:
 * the window's own shortcuts, and the managed and global ones of the widgets it shows.
 * Xvfb without a window manager gives no reliable keyboard focus for real key events.
 *
 * Returns: whether a shortcut took the key
 */
gboolean
xa_test_activate_shortcut (GtkWidget       *root,
                           guint            keyval,
                           GdkModifierType  modifiers)
{
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, modifiers);
  gboolean handled = activate_shortcut_in (root, TRUE, trigger);

  xa_test_iterate ();
  return handled;
}

/**
 * xa_test_template_child:
 * @widget: a templated widget
 * @type: the class whose template has the child
 * @name: the child's id in the template
 *
 * Returns: (transfer none): the child, which the test asserts is there
 */
gpointer
xa_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

/**
 * xa_test_show_widget:
 * @widget: (transfer floating): what the test drives, outside the main window
 *
 * Returns: (transfer full): a window of the tests' size holding @widget, presented
 */
GtkWindow *
xa_test_show_widget (GtkWidget *widget)
{
  GtkWindow *window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));

  gtk_window_set_child (window, widget);
  gtk_window_set_default_size (window, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT);
  gtk_window_present (window);
  return window;
}

static gboolean
ticked_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * xa_test_wait_for_frame:
 * @widget: a widget on screen
 *
 * Turns the main loop until @widget's window has drawn its next frame, laid out anew
 * (as it always is between two keys a person types).
 */
void
xa_test_wait_for_frame (GtkWidget *widget)
{
  gboolean ticked = FALSE;

  gtk_widget_add_tick_callback (widget, ticked_cb, &ticked, NULL);
  while (!ticked)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
}

/**
 * xa_test_list_row:
 *
 * Returns: (transfer none) (nullable): the child of the row of @view at @position, as
 *   GtkListView made it (the rows it has made, in order)
 */
GtkWidget *
xa_test_list_row (GtkListView *view,
                  guint        position)
{
  guint i = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (view)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (row == NULL || !GTK_IS_BOX (row))
        continue;
      if (i++ == position)
        return row;
    }

  return NULL;
}

/**
 * xa_test_click_row:
 *
 * A click on @row as the row's own gestures see it (xa_list_row_released()).
 */
void
xa_test_click_row (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = NULL;

  g_assert_nonnull (row);
  controllers = gtk_widget_observe_controllers (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, 10.0, 10.0);
          g_signal_emit_by_name (controller, "released", 1, 10.0, 10.0);
        }
    }
  xa_test_iterate ();
}

/**
 * xa_test_screenshot:
 * @widget: a widget on screen, whose window is drawn before the screenshot
 * @name: the file's name, without .png
 *
 * When $XA_TEST_SCREENSHOTS names a folder, takes a screenshot of the screen (Xvfb's)
 * into it, for a person to look at; tests never compare them.
 */
void
xa_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *folder = g_getenv ("XA_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (folder == NULL)
    return;

  /* Frames for half a second: the screenshot shows where a transition ends (leaflets
   * and stacks take a quarter of a second), not two panes crossfading into each other. */
  for (gint64 start = g_get_monotonic_time (); g_get_monotonic_time () - start < G_USEC_PER_SEC / 2;)
    xa_test_wait_for_frame (widget);
  path = g_strdup_printf ("%s/%s.png", folder, name);
  argv[3] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

const XaTestSchool xa_test_example_schools[XA_TEST_N_EXAMPLE_SCHOOLS] = {
  { "红旗小学", "1101080001" },
  { "示例区实验小学", "1101080002" },
  { "示例区育英幼儿园", "1101080003" },
  { "示例区第二中学", "1101080004" },
};

/* Adds xa_test_example_schools to @registry, as primary schools. */
void
xa_test_add_example_schools (XaSchoolRegistry *registry)
{
  for (guint i = 0; i < XA_TEST_N_EXAMPLE_SCHOOLS; i++)
    {
      g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
      g_autoptr(GError) error = NULL;

      xa_organisation_set_name (school, xa_test_example_schools[i].name);
      xa_organisation_set_code (school, xa_test_example_schools[i].code);
      xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
      xa_organisation_set_stages (school, "primary");
      xa_school_registry_add_school (registry, school, &error);
      g_assert_no_error (error);
    }
}

/**
 * xa_test_wait_for_agreement_preview:
 *
 * Waits until the agreements section's preview, when the section was built, is laid out:
 * a layout still running in a worker holds the store until it ends.
 */
void
xa_test_wait_for_agreement_preview (XaWindow *window)
{
  GtkWidget *page = _xa_window_get_page (window, "agreements");
  XaAgreementDetail *detail;

  if (page == NULL)
    return;

  detail = xa_agreement_list_get_detail (xa_agreements_page_get_list (XA_AGREEMENTS_PAGE (page)));
  xa_test_wait_for_boolean (gtk_widget_get_template_child (GTK_WIDGET (detail), XA_TYPE_AGREEMENT_DETAIL,
                                                           "preview"),
                            "loading", FALSE);
}

/**
 * xa_test_ui_fixture_set_up:
 * @name: what the data folder is for, in its name
 * @defaults: whether the workspace stores the defaults (the default template), as the
 *   app's does when it opens
 * @n_demo_schools: how many schools of the demo district (seed 7) to add, or 0
 */
void
xa_test_ui_fixture_set_up (XaTestUiFixture *fixture,
                           const char      *name,
                           gboolean         defaults,
                           guint            n_demo_schools)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("xiaoan-test-%s-XXXXXX", name);
  g_autofree char *path = NULL;

  fixture->data_dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->data_dir, "xiaoan.db", NULL);
  fixture->store = xa_store_open (path, &error);
  g_assert_no_error (error);
  xa_store_set_operator (fixture->store, "测试员");
  fixture->workspace = xa_workspace_new_for_store (fixture->store);
  if (defaults)
    {
      xa_workspace_ensure_defaults (fixture->workspace, &error);
      g_assert_no_error (error);
    }
  if (n_demo_schools > 0)
    {
      xa_demo_fill (xa_workspace_get_registry (fixture->workspace), n_demo_schools, 7, &error);
      g_assert_no_error (error);
    }
}

/**
 * xa_test_ui_fixture_show_window:
 * @width: the window's width, or 0 (with @height) for the size it remembers
 * @section: (nullable): the section to show, or %NULL for the first
 *
 * Opens the main window over the workspace and presents it. The agreements section
 * waits for the document fonts, looked up in a worker when it is first shown, as its
 * preview, its print and its exports do.
 *
 * Returns: (transfer full): the window, for xa_test_ui_fixture_tear_down()
 */
XaWindow *
xa_test_ui_fixture_show_window (XaTestUiFixture *fixture,
                                int              width,
                                int              height,
                                const char      *section)
{
  XaWindow *window = g_object_ref_sink (xa_window_new (NULL, fixture->workspace));

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (section != NULL)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", section));
      if (g_str_equal (section, "agreements"))
        while (xa_window_get_fonts (window) == NULL)
          g_main_context_iteration (NULL, TRUE);
    }
  xa_test_iterate ();
  return window;
}

/**
 * xa_test_ui_fixture_tear_down:
 * @window: (transfer full) (nullable): the window the test showed over the workspace
 *
 * Closes @window (see xa_test_close_window()), asserts that the workspace and its store
 * are finalized with it, and removes the data folder.
 */
/* Until @object's only reference is the caller's, or the iterations run out. */
static void
wait_for_last_reference (GObject *object)
{
  for (guint i = 0; i < XA_TEST_MAX_ITERATIONS && g_atomic_int_get ((int *) &object->ref_count) > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 100);
    }
}

void
xa_test_ui_fixture_tear_down (XaTestUiFixture *fixture,
                              GtkWindow       *window)
{
  if (window != NULL)
    xa_test_close_window (window);
  /* A worker that laid out a preview or exported a file may still hold the workspace, or
   * the store it reads, until its result reaches the main loop: let it finish. A true
   * leak still fails. */
  wait_for_last_reference (G_OBJECT (fixture->workspace));
  g_assert_finalize_object (g_steal_pointer (&fixture->workspace));
  wait_for_last_reference (G_OBJECT (fixture->store));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  xa_test_remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

/**
 * xa_test_add_school:
 *
 * Adds a primary school straight through the registry, as another window or an import
 * would, and lets the pages follow.
 *
 * Returns: (transfer full): the school as stored
 */
XaOrganisation *
xa_test_add_school (XaSchoolRegistry *registry,
                    const char       *name,
                    const char       *code)
{
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autoptr(GError) error = NULL;

  xa_organisation_set_name (school, name);
  xa_organisation_set_code (school, code);
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_PRIMARY);
  xa_organisation_set_stages (school, "primary");
  xa_school_registry_add_school (registry, school, &error);
  g_assert_no_error (error);
  xa_test_iterate ();

  return g_steal_pointer (&school);
}
