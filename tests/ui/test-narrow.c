/* test-narrow.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window at any width and in the desktop's style. At 360 × 720 the schools and the
 * agreements sections, each with a school or an agreement shown, need no more than 360
 * pixels and show nothing outside the window; their leaflets are folded to one pane,
 * the way in is a click on a row and the back button returns, pane by pane. The style
 * chosen in the preferences is stored and applied at once, and at the next start.
 */

#include "config.h"

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-adaptive.h"
#include "ui/xa-application.h"
#include "ui/xa-preferences-window.h"
#include "ui/xa-school-detail.h"
#include "ui/xa-window-private.h"

#define NARROW_WIDTH  360
#define NARROW_HEIGHT 720

typedef struct
{
  XaTestUiFixture  ui;
  XaWindow        *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

  xa_test_ui_fixture_set_up (&fixture->ui, "narrow", TRUE, 3);
  /* The default template's year, with an agreement of the first school in it. */
  g_settings_set_int (settings, "agreement-year", 2021);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

/* What the window shows, without the shadow that a window of its own decorations draws
 * around itself. */
static GtkWidget *
window_content (Fixture *fixture)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  guint *ticks = user_data;

  return ++*ticks < 2 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The leaflets slide from pane to pane, frame by frame: waits until each has arrived. */
static void
wait_for_transitions (GtkWidget *widget)
{
  if (ADW_IS_LEAFLET (widget))
    xa_test_wait_for_boolean (widget, "child-transition-running", FALSE);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    wait_for_transitions (c);
}

/* Turns the main loop until the window has been laid out again, the leaflets' slides
 * over: a second frame has begun, so the first, which allocated what the test changed,
 * is done. */
static void
wait_for_layout (Fixture *fixture)
{
  guint ticks = 0;

  xa_test_iterate ();
  wait_for_transitions (GTK_WIDGET (fixture->window));
  gtk_widget_add_tick_callback (GTK_WIDGET (fixture->window), count_tick_cb, &ticks, NULL);
  while (ticks < 2)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
}

static void
assert_fits (Fixture *fixture)
{
  int minimum = 0;

  wait_for_layout (fixture);
  gtk_widget_measure (window_content (fixture), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, NARROW_WIDTH);
  /* The window is 360 px with the shadow it draws around itself without a window
   * manager, so what it shows has less still: the content is no wider than it asked. */
  g_assert_cmpint (gtk_widget_get_width (window_content (fixture)), <=, NARROW_WIDTH);
  g_assert_cmpint (minimum, <=, gtk_widget_get_width (window_content (fixture)));
}

/* Walks the widgets shown and names in @outside the first that does not lie within the
 * window's width, a pixel of a header bar's border aside; returns how many were looked
 * at, so that a walk of nothing cannot pass. */
static guint
find_outside (GtkWidget *widget,
              GtkWidget *content,
              GString   *outside)
{
  graphene_rect_t bounds;
  guint n = 1;

  /* Popovers are windows of their own; an overlay scrollbar's slider reaches a few pixels
   * past the edge by design, where it is grabbed. */
  if (!gtk_widget_get_mapped (widget) || (GTK_IS_NATIVE (widget) && widget != content) ||
      GTK_IS_SCROLLBAR (widget))
    return 0;

  if (outside->len == 0 && gtk_widget_compute_bounds (widget, content, &bounds) &&
      (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (content) + 1))
    {
      g_autoptr(GString) path = g_string_new (NULL);

      /* Named by its ancestors up to the page, which say where to look. */
      for (GtkWidget *w = widget; w != NULL && w != content; w = gtk_widget_get_parent (w))
        {
          const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));

          g_string_prepend (path, id != NULL && !g_str_has_prefix (id, "___") ? id : G_OBJECT_TYPE_NAME (w));
          g_string_prepend (path, " > ");
        }
      g_string_printf (outside, "%s lies from x = %.0f to %.0f, outside the window of %d px",
                       path->str + 3, bounds.origin.x, bounds.origin.x + bounds.size.width,
                       gtk_widget_get_width (content));
      return n;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += find_outside (c, content, outside);

  return n;
}

/* Once the window has settled, nothing lies outside it. A pane that slides in from the
 * edge lies partly outside until its slide ends, which a loaded machine draws over more
 * frames than the leaflet's transition-running property covers: the layout is looked at
 * again, frame after frame, for a while, and only a widget still outside then fails. */
static void
assert_nothing_outside (Fixture *fixture)
{
  g_autoptr(GString) outside = g_string_new (NULL);
  guint n_looked_at = 0;

  for (guint i = 0; i < 100; i++)
    {
      wait_for_layout (fixture);
      g_string_truncate (outside, 0);
      n_looked_at = find_outside (window_content (fixture), window_content (fixture), outside);
      if (outside->len == 0)
        break;
    }

  if (outside->len > 0)
    g_test_fail_printf ("%s", outside->str);
  g_assert_cmpuint (n_looked_at, >, 20);
}

/* As a click on the section's row in the sidebar, which takes the folded window to it. */
static GtkWidget *
open_section (Fixture    *fixture,
              const char *name)
{
  GtkListBoxRow *row;

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, NARROW_WIDTH, NARROW_HEIGHT, NULL);
  g_assert_true (adw_leaflet_get_folded (fixture->window->leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), !=, "content");

  for (int i = 0; (row = gtk_list_box_get_row_at_index (fixture->window->sections_list, i)); i++)
    if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), name))
      g_signal_emit_by_name (fixture->window->sections_list, "row-activated", row);
  if (g_str_equal (name, "agreements"))
    while (xa_window_get_fonts (fixture->window) == NULL)
      g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();

  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), ==, "content");
  return _xa_window_get_page (fixture->window, name);
}

static void
test_schools (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *page = open_section (fixture, "schools");
  AdwLeaflet *leaflet = xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "leaflet");
  GtkWidget *detail = xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "detail");

  assert_fits (fixture);
  assert_nothing_outside (fixture);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != detail);

  /* One click on a school opens it. */
  xa_test_click_row (xa_test_list_row (xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "list_view"), 1));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == detail);
  g_assert_nonnull (xa_school_detail_get_school (XA_SCHOOL_DETAIL (detail)));
  assert_fits (fixture);
  assert_nothing_outside (fixture);

  g_assert_true (gtk_widget_activate_action (detail, "schools.back", NULL));
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != detail);

  /* The list's own back button returns to the sections. */
  g_assert_true (gtk_widget_activate_action (page, "win.back-to-sections", NULL));
  xa_test_iterate ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), !=, "content");
}

static void
wait_for_preview (XaAgreementDetail *detail)
{
  xa_test_wait_for_boolean (xa_test_template_child (detail, XA_TYPE_AGREEMENT_DETAIL, "preview"), "loading", FALSE);
}

static void
test_agreements (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;
  XaAgreementList *list;
  XaAgreementDetail *detail;
  AdwLeaflet *list_leaflet;
  AdwLeaflet *panes;
  GtkWidget *back_button;

  school = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (fixture->ui.workspace)), 0);
  agreement = xa_agreement_book_generate (xa_workspace_get_agreements (fixture->ui.workspace),
                                          xa_organisation_get_uuid (school), 2021, &error);
  g_assert_no_error (error);

  page = open_section (fixture, "agreements");
  list = xa_agreements_page_get_list (XA_AGREEMENTS_PAGE (page));
  detail = xa_agreement_list_get_detail (list);
  list_leaflet = xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "leaflet");
  panes = xa_test_template_child (detail, XA_TYPE_AGREEMENT_DETAIL, "panes");
  back_button = xa_test_template_child (page, XA_TYPE_AGREEMENTS_PAGE, "back_button");

  assert_fits (fixture);
  assert_nothing_outside (fixture);
  g_assert_true (adw_leaflet_get_folded (list_leaflet));
  g_assert_true (adw_leaflet_get_visible_child (list_leaflet) != GTK_WIDGET (detail));
  g_assert_true (gtk_widget_get_visible (back_button));

  /* The agreement opened from the list: its fields first, the preview a button away. */
  g_signal_emit_by_name (xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "list_view"), "activate", 0);
  wait_for_preview (detail);
  g_assert_true (adw_leaflet_get_visible_child (list_leaflet) == GTK_WIDGET (detail));
  g_assert_cmpstr (xa_agreement_get_uuid (xa_agreement_detail_get_agreement (detail)), ==,
                   xa_agreement_get_uuid (agreement));
  g_assert_true (adw_leaflet_get_folded (panes));
  g_assert_true (adw_leaflet_get_visible_child (panes) == xa_test_template_child (detail, XA_TYPE_AGREEMENT_DETAIL, "fields_pane"));
  assert_fits (fixture);
  assert_nothing_outside (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "agreement.show-preview", NULL));
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (panes) == xa_test_template_child (detail, XA_TYPE_AGREEMENT_DETAIL, "preview_pane"));
  assert_fits (fixture);
  assert_nothing_outside (fixture);

  /* One back button, pane by pane: the fields, the list, the sections. */
  g_assert_true (gtk_widget_get_visible (back_button));
  g_assert_true (gtk_widget_activate_action (page, "agreements.back", NULL));
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (panes) == xa_test_template_child (detail, XA_TYPE_AGREEMENT_DETAIL, "fields_pane"));
  g_assert_true (adw_leaflet_get_visible_child (list_leaflet) == GTK_WIDGET (detail));

  g_assert_true (gtk_widget_activate_action (page, "agreements.back", NULL));
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (list_leaflet) != GTK_WIDGET (detail));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), ==, "content");

  g_assert_true (gtk_widget_activate_action (page, "agreements.back", NULL));
  xa_test_iterate ();
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (fixture->window->leaflet), !=, "content");
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = open_section (fixture, "agreements");
  XaTemplateEditor *editor = xa_agreements_page_get_editor (XA_AGREEMENTS_PAGE (page));
  AdwLeaflet *clause_leaflet = xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "clause_leaflet");
  GtkWidget *clause_editor = GTK_WIDGET (xa_template_editor_get_clause_editor (editor));

  xa_agreements_page_show_view (XA_AGREEMENTS_PAGE (page), "templates");
  g_signal_emit_by_name (xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "template_view"), "activate", 0);
  xa_test_iterate ();
  g_assert_nonnull (xa_template_editor_get_template (editor));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "narrow-template-editor");
  assert_fits (fixture);
  assert_nothing_outside (fixture);
  g_assert_true (adw_leaflet_get_folded (clause_leaflet));
  g_assert_true (adw_leaflet_get_visible_child (clause_leaflet) != clause_editor);

  /* A clause opened (Enter on it), then back to the clause list. */
  g_assert_true (xa_template_editor_select_clause (editor, "s1.2"));
  g_signal_emit_by_name (xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "clause_view"), "activate", 0);
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (clause_leaflet) == clause_editor);
  assert_fits (fixture);
  assert_nothing_outside (fixture);

  g_assert_true (gtk_widget_activate_action (page, "agreements.back", NULL));
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (clause_leaflet) != clause_editor);

  /* The comparison of two templates. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.compare", NULL));
  xa_test_iterate ();
  assert_fits (fixture);
  assert_nothing_outside (fixture);
}

/* The application applies the stored style when it starts, and the preferences' choice
 * at once; the choice is stored. */
static void
test_style (void)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autoptr(XaApplication) app = xa_application_new ("io.github.xiaoan.Xiaoan.TestNarrow");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  XaPreferencesWindow *preferences;
  AdwComboRow *style_row;

  g_settings_set_string (settings, "color-scheme", "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));

  preferences = g_object_ref_sink (xa_preferences_window_new (NULL));
  style_row = xa_test_template_child (preferences, XA_TYPE_PREFERENCES_WINDOW, "style_row");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);

  adw_combo_row_set_selected (style_row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));
  {
    g_autofree char *stored = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (stored, ==, "light");
  }

  adw_combo_row_set_selected (style_row, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  {
    g_autofree char *stored = g_settings_get_string (settings, "color-scheme");

    g_assert_cmpstr (stored, ==, "default");
  }

  xa_test_close_window (GTK_WINDOW (preferences));
  g_settings_reset (settings, "color-scheme");
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/narrow/schools", Fixture, NULL, fixture_set_up, test_schools, fixture_tear_down);
  g_test_add ("/narrow/agreements", Fixture, NULL, fixture_set_up, test_agreements, fixture_tear_down);
  g_test_add ("/narrow/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add_func ("/narrow/style", test_style);

  return g_test_run ();
}
