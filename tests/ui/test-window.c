/* test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real main window over a store in a temporary folder, driven through its actions and
 * widgets as a user would: add a school, see it in the list and in the database, edit it,
 * see validation at the field, delete it and undo, record people and a succession, and
 * find the labels in Chinese.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-agreement-detail.h"
#include "ui/xa-person-dialog.h"
#include "ui/xa-role-dialog.h"
#include "ui/xa-school-detail.h"
#include "ui/xa-school-people.h"
#include "ui/xa-schools-page-private.h"
#include "ui/xa-ui-utils.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture   ui;
  XaSchoolRegistry *registry;     /* the workspace's */
  XaWindow         *window;
  XaSchoolsPage    *page;
  XaSchoolDetail   *detail;
} Fixture;

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "window", FALSE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, 0, 0, NULL);
  fixture->page = XA_SCHOOLS_PAGE (_xa_window_get_page (fixture->window, "schools"));
  fixture->detail = XA_SCHOOL_DETAIL (child (fixture->page, XA_TYPE_SCHOOLS_PAGE, "detail"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static void
set_row_text (Fixture    *fixture,
              const char *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, row)),
                         text);
}

static XaOrganisation *
add_school_directly (Fixture    *fixture,
                     const char *name,
                     const char *code)
{
  return xa_test_add_school (fixture->registry, name, code);
}

static gboolean
model_has_name (GListModel *model,
                const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (model, i);

      if (g_strcmp0 (xa_organisation_get_name (school), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwStatusPage *found = find_status_page (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (fixture->page, XA_TYPE_SCHOOLS_PAGE, "stack"));
  GtkWidget *welcome = gtk_stack_get_child_by_name (stack, "welcome");
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  XaWindow *second;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_cmpstr (adw_status_page_get_icon_name (find_status_page (welcome)), ==,
                   "io.github.xiaoan.Xiaoan");

  /* The first school replaces the welcome page with the list. */
  school = add_school_directly (fixture, "第一小学", "1101080001");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "schools");

  /* A window opened on a database with schools builds the welcome page only when the
   * last school is gone. */
  second = g_object_ref (xa_window_new (NULL, fixture->ui.workspace));
  stack = GTK_STACK (child (_xa_window_get_page (second, "schools"), XA_TYPE_SCHOOLS_PAGE,
                            "stack"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "welcome"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "schools");
  xa_school_registry_delete_school (fixture->registry, xa_organisation_get_uuid (school),
                                    &error);
  g_assert_no_error (error);
  xa_test_iterate ();
  g_assert_nonnull (gtk_stack_get_child_by_name (stack, "welcome"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
  gtk_window_destroy (GTK_WINDOW (second));
  xa_test_iterate ();
  g_assert_finalize_object (second);
}

/* The leaflet shows a page once it has laid itself out, on a tick of the frame clock. */
static void
wait_until_mapped (GtkWidget *widget)
{
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
}

/* The status pages that a stack shows now and then stay hidden, unmeasured, until they
 * are first shown: GTK would otherwise shape their text and load their icons at start, a
 * scalable icon through librsvg. */
static void
test_status_pages_hidden_until_shown (Fixture       *fixture,
                                      gconstpointer  data)
{
  GtkStack *list_stack = GTK_STACK (child (fixture->page, XA_TYPE_SCHOOLS_PAGE, "list_stack"));
  GtkStack *detail_stack = GTK_STACK (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "stack"));
  GtkWidget *no_results = gtk_stack_get_child_by_name (list_stack, "no-results");
  GtkWidget *no_school = gtk_stack_get_child_by_name (detail_stack, "empty");
  GtkWidget *search_entry = child (fixture->page, XA_TYPE_SCHOOLS_PAGE, "search_entry");
  GListModel *model = xa_schools_page_get_model (fixture->page);

  g_object_unref (add_school_directly (fixture, "第一小学", "1101080001"));
  g_assert_false (gtk_widget_get_visible (no_results));
  g_assert_false (gtk_widget_get_visible (no_school));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "不存在的学校");
  g_signal_emit_by_name (search_entry, "search-changed");
  wait_until_mapped (no_results);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (no_results)), ==,
                   "edit-find-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  g_signal_emit_by_name (search_entry, "search-changed");
  xa_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (model));
  wait_until_mapped (no_school);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (detail_stack), ==, "empty");
}

/* A hidden page asked for while its stack is off screen is revealed when the stack is
 * mapped, unless another page was asked for in between. */
static void
test_stack_show_page_off_screen (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *shown = gtk_label_new ("shown");
  GtkWidget *later = gtk_label_new ("later");

  gtk_widget_set_visible (later, FALSE);
  gtk_stack_add_named (stack, shown, "shown");
  gtk_stack_add_named (stack, later, "later");
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (stack));

  xa_stack_show_page (stack, "later");
  g_assert_false (gtk_widget_get_visible (later));
  g_assert_true (gtk_stack_get_visible_child (stack) == shown);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (later);
  g_assert_true (gtk_stack_get_visible_child (stack) == later);

  /* Asked for, then overtaken by a visible page before the stack is mapped. */
  gtk_widget_set_visible (GTK_WIDGET (stack), FALSE);
  gtk_widget_set_visible (later, FALSE);
  xa_stack_show_page (stack, "later");
  xa_stack_show_page (stack, "shown");
  gtk_widget_set_visible (GTK_WIDGET (stack), TRUE);
  wait_until_mapped (shown);
  g_assert_false (gtk_widget_get_visible (later));
  g_assert_true (gtk_stack_get_visible_child (stack) == shown);

  gtk_window_destroy (GTK_WINDOW (window));
  xa_test_iterate ();
}

static void
test_first_school_shown (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XaOrganisation) school = add_school_directly (fixture, "第一小学", "1101080001");
  XaWindow *second;
  XaSchoolDetail *detail;

  /* A window opened on a database with schools shows the first one. */
  second = g_object_ref (xa_window_new (NULL, fixture->ui.workspace));
  detail = XA_SCHOOL_DETAIL (child (_xa_window_get_page (second, "schools"),
                                    XA_TYPE_SCHOOLS_PAGE, "detail"));
  g_assert_nonnull (xa_school_detail_get_school (detail));
  g_assert_cmpstr (xa_organisation_get_uuid (xa_school_detail_get_school (detail)), ==,
                   xa_organisation_get_uuid (school));

  gtk_window_destroy (GTK_WINDOW (second));
  xa_test_iterate ();
  g_assert_finalize_object (second);
}

/* Until its first frame is drawn the list holds a screenful of schools, not the 200 rows
 * GTK would make; then it holds them all. A school further down can be shown before. */
static void
test_list_filled_after_first_frame (Fixture       *fixture,
                                    gconstpointer  data)
{
  GListModel *schools = xa_school_registry_get_schools (fixture->registry);
  g_autoptr(XaOrganisation) last = NULL;
  XaWindow *window;
  XaSchoolsPage *page;
  XaSchoolDetail *detail;
  GListModel *rows;

  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *name = g_strdup_printf ("第%u小学", i);
      g_autofree char *code = g_strdup_printf ("%010u", 1101080000 + i);

      g_object_unref (add_school_directly (fixture, name, code));
    }
  last = g_list_model_get_item (schools, 59);

  window = g_object_ref (xa_window_new (NULL, fixture->ui.workspace));
  page = XA_SCHOOLS_PAGE (_xa_window_get_page (window, "schools"));
  rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (page, XA_TYPE_SCHOOLS_PAGE,
                                                                      "list_view"))));
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, 60);
  gtk_window_present (GTK_WINDOW (window));
  while (g_list_model_get_n_items (rows) < 60)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  xa_test_iterate ();
  g_assert_finalize_object (window);

  window = g_object_ref (xa_window_new (NULL, fixture->ui.workspace));
  page = XA_SCHOOLS_PAGE (_xa_window_get_page (window, "schools"));
  detail = XA_SCHOOL_DETAIL (child (page, XA_TYPE_SCHOOLS_PAGE, "detail"));
  g_assert_true (xa_schools_page_select_school (page, xa_organisation_get_uuid (last)));
  g_assert_cmpstr (xa_organisation_get_uuid (xa_school_detail_get_school (detail)), ==,
                   xa_organisation_get_uuid (last));
  g_assert_cmpuint (g_list_model_get_n_items (xa_schools_page_get_model (page)), ==, 60);
  gtk_window_destroy (GTK_WINDOW (window));
  xa_test_iterate ();
  g_assert_finalize_object (window);
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (fixture->window, XA_TYPE_WINDOW, "section_stack"));
  GtkListBox *list = GTK_LIST_BOX (child (fixture->window, XA_TYPE_WINDOW, "sections_list"));
  const char *sections[] = {
    "schools", "agreements", "hazards", "inspections", "education", "assessment", "archive",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, sections[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.show-section", "s", sections[i]));
      xa_test_iterate ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, sections[i]);
      g_assert_true (gtk_list_box_get_selected_row (list) == row);
      g_assert_nonnull (_xa_window_get_page (fixture->window, sections[i]));
    }
  g_assert_null (gtk_list_box_get_row_at_index (list, G_N_ELEMENTS (sections)));
}

/* Start-up builds the first section only; the others are built when first shown. */
static void
test_sections_built_when_shown (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (fixture->window, XA_TYPE_WINDOW, "section_stack"));
  const char *later[] = { "agreements", "hazards", "inspections", "education", "assessment",
                          "archive" };
  GtkWidget *page;

  g_assert_true (XA_IS_SCHOOLS_PAGE (_xa_window_get_page (fixture->window, "schools")));
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      GtkWidget *slot = gtk_stack_get_child_by_name (stack, later[i]);

      g_assert_nonnull (slot);
      g_assert_null (gtk_widget_get_first_child (slot));
      g_assert_null (_xa_window_get_page (fixture->window, later[i]));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-section", "s", "agreements"));
  xa_test_iterate ();
  page = _xa_window_get_page (fixture->window, "agreements");
  g_assert_true (XA_IS_AGREEMENTS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  /* Shown once, built once. */
  _xa_window_show_section (fixture->window, "schools");
  _xa_window_show_section (fixture->window, "agreements");
  g_assert_true (_xa_window_get_page (fixture->window, "agreements") == page);
  g_assert_null (_xa_window_get_page (fixture->window, "hazards"));
}

static void
fonts_resolved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  XaFontResolver **fonts = user_data;
  g_autoptr(GError) error = NULL;

  *fonts = xa_font_resolver_new_finish (result, &error);
  g_assert_no_error (error);
}

/* Start-up does not look the document fonts up: only the agreements section needs
 * them, and the lookup starts when that section is first shown. */
static void
test_fonts_resolved_when_agreements_shown (Fixture       *fixture,
                                           gconstpointer  data)
{
  g_autoptr(XaFontResolver) elsewhere = NULL;
  XaFontResolver *fonts = NULL;
  GtkWidget *page;

  /* A lookup of our own, started after the window opened, ends after one that the
   * window would have started as it opened (the same work in the same thread pool). */
  xa_font_resolver_new_async (NULL, fonts_resolved_cb, &elsewhere);
  while (elsewhere == NULL)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_null (xa_window_get_fonts (fixture->window));
  _xa_window_show_section (fixture->window, "hazards");
  xa_test_iterate ();
  g_assert_null (xa_window_get_fonts (fixture->window));

  _xa_window_show_section (fixture->window, "agreements");
  page = _xa_window_get_page (fixture->window, "agreements");
  while (xa_window_get_fonts (fixture->window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_object_get (page, "fonts", &fonts, NULL);
  g_assert_true (fonts == xa_window_get_fonts (fixture->window));
  g_clear_object (&fonts);
}

/* The document fonts are looked up in a worker when the agreements section is first
 * shown, and reach it when they arrive; their substitutions are listed over the
 * preview once they are known. */
static void
test_fonts_resolved_off_main_thread (Fixture       *fixture,
                                     gconstpointer  data)
{
  XaWindow *window = g_object_ref_sink (xa_window_new (NULL, fixture->ui.workspace));
  GtkWidget *page;
  XaAgreementDetail *detail;
  GtkInfoBar *fonts_bar;

  /* The worker's result arrives through the main loop, never inside the constructor. */
  g_assert_null (xa_window_get_fonts (window));
  _xa_window_show_section (window, "agreements");
  page = _xa_window_get_page (window, "agreements");
  detail = xa_agreement_list_get_detail (xa_agreements_page_get_list (XA_AGREEMENTS_PAGE (page)));
  fonts_bar = GTK_INFO_BAR (child (detail, XA_TYPE_AGREEMENT_DETAIL, "fonts_bar"));
  g_assert_false (gtk_info_bar_get_revealed (fonts_bar));

  while (xa_window_get_fonts (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_true (XA_IS_FONT_RESOLVER (xa_window_get_fonts (window)));
  {
    XaFontResolver *fonts = NULL;

    g_object_get (page, "fonts", &fonts, NULL);
    g_assert_true (fonts == xa_window_get_fonts (window));
    g_clear_object (&fonts);
  }
  /* The bar lists what is substituted, whatever this machine has installed. */
  {
    g_auto(GStrv) warnings = xa_font_resolver_dup_warnings (xa_window_get_fonts (window));

    g_assert_cmpint (gtk_info_bar_get_revealed (fonts_bar), ==, warnings[0] != NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  xa_test_iterate ();
  g_assert_finalize_object (window);
}

/* Alt+N shows the Nth section, whatever has the focus. */
static void
test_section_shortcuts (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (fixture->window, XA_TYPE_WINDOW, "section_stack"));
  GtkListBox *list = GTK_LIST_BOX (child (fixture->window, XA_TYPE_WINDOW, "sections_list"));
  GtkWidget *page;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "schools");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_2,
                                            GDK_ALT_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "agreements");
  page = _xa_window_get_page (fixture->window, "agreements");
  g_assert_true (XA_IS_AGREEMENTS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 1));

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_7,
                                            GDK_ALT_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "archive");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_1,
                                            GDK_ALT_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "schools");
}

/* The shortcuts window is built when first asked for: not at the resource path where
 * GtkApplication would build one with every window. */
static void
test_shortcuts_window_when_asked (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  GtkShortcutsWindow *overlay;

  g_assert_false (g_resources_get_info ("/io/github/xiaoan/Xiaoan/gtk/help-overlay.ui",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  g_assert_null (gtk_application_window_get_help_overlay (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  xa_test_iterate ();
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closed, it is hidden and shown again, not built again. */
  gtk_window_close (GTK_WINDOW (overlay));
  xa_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  xa_test_iterate ();
  g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
}

static void
test_add_school (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XaOrganisation) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwComboRow *type_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "schools.new-school", NULL));
  xa_test_iterate ();
  g_assert_true (xa_school_detail_get_is_new (fixture->detail));

  set_row_text (fixture, "name_row", "海淀区实验小学");
  set_row_text (fixture, "code_row", "1101080002");
  type_row = ADW_COMBO_ROW (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "type_row"));
  adw_combo_row_set_selected (type_row, XA_SCHOOL_TYPE_PRIMARY);
  set_row_text (fixture, "address_row", "北京市海淀区中关村大街 1 号");
  set_row_text (fixture, "phone_row", "010-62345678");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail),
                                             "school.save", NULL));
  xa_test_iterate ();

  /* In the list, in the database, and shown as a stored school. */
  g_assert_true (model_has_name (xa_schools_page_get_model (fixture->page), "海淀区实验小学"));
  stored = xa_school_registry_dup_school_by_code (fixture->registry, "1101080002", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (xa_organisation_get_name (stored), ==, "海淀区实验小学");
  g_assert_cmpint (xa_organisation_get_school_type (stored), ==, XA_SCHOOL_TYPE_PRIMARY);
  g_assert_cmpstr (xa_organisation_get_stages (stored), ==, "primary");
  g_assert_cmpstr (xa_organisation_get_phone (stored), ==, "010-6234 5678");
  g_assert_false (xa_school_detail_get_is_new (fixture->detail));
  g_assert_cmpstr (xa_organisation_get_uuid (xa_school_detail_get_school (fixture->detail)),
                   ==, xa_organisation_get_uuid (stored));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *code_row;
  GtkWidget *save_button;
  GtkWidget *problem_label;

  g_object_unref (add_school_directly (fixture, "第一小学", "1101080001"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "schools.new-school", NULL);
  xa_test_iterate ();
  code_row = child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "code_row");
  save_button = child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "save_button");
  problem_label = child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "problem_label");

  /* A new form is not red before the user types, but cannot be saved either. */
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save_button));

  set_row_text (fixture, "name_row", "第二小学");
  set_row_text (fixture, "code_row", "12345");
  xa_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (code_row));
  g_assert_true (gtk_widget_get_visible (problem_label));
  g_assert_false (gtk_widget_get_sensitive (save_button));

  /* A code another school has is refused by the database and shown at the field. */
  set_row_text (fixture, "code_row", "1101080001");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL,
                                                    "type_row")),
                              XA_SCHOOL_TYPE_PRIMARY);
  xa_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (save_button));
  gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "school.save", NULL);
  xa_test_iterate ();
  g_assert_true (xa_school_detail_get_is_new (fixture->detail));
  g_assert_true (gtk_widget_has_css_class (code_row, "error"));
  g_assert_false (gtk_widget_get_sensitive (save_button));
  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 1);

  set_row_text (fixture, "code_row", "1101080003");
  xa_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (save_button));
}

static void
test_edit_school (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XaOrganisation) school = add_school_directly (fixture, "第一小学", "1101080001");
  g_autoptr(XaOrganisation) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *save_button = child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "save_button");

  g_assert_true (xa_schools_page_select_school (fixture->page, xa_organisation_get_uuid (school)));
  xa_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture->detail,
                                                               XA_TYPE_SCHOOL_DETAIL,
                                                               "name_row"))),
                   ==, "第一小学");
  /* Nothing changed yet: nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (save_button));

  set_row_text (fixture, "name_row", "海淀区第一实验小学");
  set_row_text (fixture, "address_row", "北京市海淀区学院路 5 号");
  g_assert_true (gtk_widget_get_sensitive (save_button));
  gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "school.save", NULL);
  xa_test_iterate ();

  stored = xa_school_registry_dup_school (fixture->registry, xa_organisation_get_uuid (school),
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_name (stored), ==, "海淀区第一实验小学");
  g_assert_cmpstr (xa_organisation_get_address (stored), ==, "北京市海淀区学院路 5 号");
  g_assert_true (model_has_name (xa_schools_page_get_model (fixture->page), "海淀区第一实验小学"));
  g_assert_false (gtk_widget_get_sensitive (save_button));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = xa_schools_page_get_model (fixture->page);
  GtkWidget *search_entry = child (fixture->page, XA_TYPE_SCHOOLS_PAGE, "search_entry");

  g_object_unref (add_school_directly (fixture, "第一小学", "1101080001"));
  g_object_unref (add_school_directly (fixture, "育英中学", "1101080002"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "schools.search", NULL));
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "育英");
  g_signal_emit_by_name (search_entry, "search-changed");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (model_has_name (model, "育英中学"));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "080001");
  g_signal_emit_by_name (search_entry, "search-changed");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (model_has_name (model, "第一小学"));

  gtk_editable_set_text (GTK_EDITABLE (search_entry), "");
  g_signal_emit_by_name (search_entry, "search-changed");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XaOrganisation) school = add_school_directly (fixture, "第一小学", "1101080001");
  g_autoptr(XaOrganisation) restored = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = xa_schools_page_get_model (fixture->page);
  const char *uuid = xa_organisation_get_uuid (school);
  AdwToast *toast;

  xa_schools_page_select_school (fixture->page, uuid);
  xa_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "school.delete",
                                             NULL));
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 0);

  toast = _xa_schools_page_get_undo_toast (fixture->page);
  g_assert_nonnull (toast);
  g_assert_nonnull (adw_toast_get_button_label (toast));
  /* As a click on the toast's button: the toast is outside the page, in the window. */
  g_signal_emit_by_name (toast, "button-clicked");
  xa_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  restored = xa_school_registry_dup_school (fixture->registry, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_organisation_get_name (restored), ==, "第一小学");
  g_assert_cmpstr (xa_organisation_get_uuid (xa_school_detail_get_school (fixture->detail)),
                   ==, uuid);
}

static void
add_person (Fixture    *fixture,
            const char *name,
            const char *title)
{
  XaSchoolPeople *people = XA_SCHOOL_PEOPLE (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL,
                                                    "people"));
  XaPersonDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (people), "people.add", NULL));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (XA_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, XA_TYPE_PERSON_DIALOG, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, XA_TYPE_PERSON_DIALOG, "title_row")), title);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  xa_test_iterate ();
}

static void
assign_role (Fixture    *fixture,
             guint       person_position,
             XaRoleKind  kind,
             const char *since)
{
  XaSchoolPeople *people = XA_SCHOOL_PEOPLE (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL,
                                                    "people"));
  XaRoleDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (people), "people.assign-role", NULL));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (XA_TYPE_ROLE_DIALOG);
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, XA_TYPE_ROLE_DIALOG, "person_row")),
                              person_position);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, XA_TYPE_ROLE_DIALOG, "kind_row")),
                              kind);

  /* Not a day: the response stays disabled. */
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, XA_TYPE_ROLE_DIALOG, "since_row")),
                         "2022-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "assign"));
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, XA_TYPE_ROLE_DIALOG, "since_row")), since);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "assign"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "assign");
  xa_test_iterate ();
}

static void
test_people_and_succession (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(XaOrganisation) school = add_school_directly (fixture, "第一小学", "1101080001");
  XaSchoolPeople *people;
  GListModel *roles;
  gboolean found_ended = FALSE;
  gboolean found_current = FALSE;

  xa_schools_page_select_school (fixture->page, xa_organisation_get_uuid (school));
  xa_test_iterate ();
  people = XA_SCHOOL_PEOPLE (child (fixture->detail, XA_TYPE_SCHOOL_DETAIL, "people"));

  add_person (fixture, "王建国", "校长");
  add_person (fixture, "李秀英", "校长");
  g_assert_cmpuint (g_list_model_get_n_items (xa_school_people_get_people (people)), ==, 2);

  /* People are listed by name; find each one's position for the dialog. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XaPerson) person = g_list_model_get_item (xa_school_people_get_people (people), i);
      const char *since = g_str_equal (xa_person_get_name (person), "王建国") ? "2021-09-01" : NULL;

      if (since != NULL)
        assign_role (fixture, i, XA_ROLE_KIND_FIRST_RESPONSIBLE, since);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XaPerson) person = g_list_model_get_item (xa_school_people_get_people (people), i);

      if (g_str_equal (xa_person_get_name (person), "李秀英"))
        assign_role (fixture, i, XA_ROLE_KIND_FIRST_RESPONSIBLE, "2022-02-15");
    }

  roles = xa_school_people_get_roles (people);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(XaRole) role = g_list_model_get_item (roles, i);

      if (xa_role_get_current (role))
        {
          g_assert_cmpstr (xa_role_get_person_name (role), ==, "李秀英");
          g_assert_cmpstr (xa_role_get_since (role), ==, "2022-02-15");
          found_current = TRUE;
        }
      else
        {
          g_assert_cmpstr (xa_role_get_person_name (role), ==, "王建国");
          g_assert_cmpstr (xa_role_get_since (role), ==, "2021-09-01");
          g_assert_cmpstr (xa_role_get_until (role), ==, "2022-02-15");
          found_ended = TRUE;
        }
    }
  g_assert_true (found_current);
  g_assert_true (found_ended);
}

/* Imports @csv through the window's action and its file chooser, as a user would. */
static void
import_through_chooser (Fixture    *fixture,
                        const char *file_name,
                        const char *csv)
{
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "schools.import-schools", NULL));
  xa_test_iterate ();
  chooser = xa_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  /* The chooser selects the file once it has loaded the folder. */
  for (guint i = 0; i < XA_TEST_MAX_ITERATIONS; i++)
    {
      g_autoptr(GFile) selected = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (selected != NULL && g_file_equal (selected, file))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* The import runs in a thread; wait for its result to come back. */
  xa_test_wait_for_boolean (fixture->page, "busy", FALSE);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  /* A file with bad rows imports nothing and lists every reason as FILE:LINE. */
  import_through_chooser (fixture, "bad.csv",
                          "学校标识码,学校名称,类型\n"
                          "1101080001,第一小学,小学\n"
                          "12345,第二小学,小学\n"
                          "1101080003,,小学\n");
  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 0);
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  scrolled = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  label = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "bad.csv:3:"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "bad.csv:4:"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A good file imports every row and shows the list. */
  import_through_chooser (fixture, "good.csv",
                          "学校标识码,学校名称,类型\n"
                          "1101080001,第一小学,小学\n"
                          "1101080002,育英中学,完全中学\n");
  g_assert_cmpuint (xa_school_registry_count_schools (fixture->registry), ==, 2);
  g_assert_true (model_has_name (xa_schools_page_get_model (fixture->page), "育英中学"));
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Ctrl+N, Ctrl+O and Ctrl+F belong to the schools page: they work wherever the focus is
 * while the schools show, and not in another section. */
static void
test_school_shortcuts (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *search_entry = child (fixture->page, XA_TYPE_SCHOOLS_PAGE, "search_entry");
  GtkWidget *chooser;

  g_object_unref (add_school_directly (fixture, "第一小学", "1101080001"));

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n,
                                            GDK_CONTROL_MASK));
  g_assert_true (xa_school_detail_get_is_new (fixture->detail));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "school.cancel", NULL));
  xa_test_iterate ();

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_f,
                                            GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_has_focus (search_entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         search_entry));

  /* Once the crossfade is over, the schools page no longer shows. */
  _xa_window_show_section (fixture->window, "agreements");
  xa_test_wait_for_boolean (child (fixture->window, XA_TYPE_WINDOW, "section_stack"),
                            "transition-running", FALSE);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_false (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n,
                                             GDK_CONTROL_MASK));
  g_assert_false (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_o,
                                             GDK_CONTROL_MASK));

  _xa_window_show_section (fixture->window, "schools");
  xa_test_wait_for_boolean (child (fixture->window, XA_TYPE_WINDOW, "section_stack"),
                            "transition-running", FALSE);
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_o,
                                            GDK_CONTROL_MASK));
  chooser = xa_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  xa_test_iterate ();
  g_assert_null (fixture->page->file_chooser);
}

/* The main menu's “New School” works from any section: it shows the schools first. */
static void
test_menu_new_school (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (child (fixture->window, XA_TYPE_WINDOW, "section_stack"));

  _xa_window_show_section (fixture->window, "archive");
  xa_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.section-action",
                                             "(ss)", "schools", "schools.new-school"));
  xa_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "schools");
  g_assert_true (xa_school_detail_get_is_new (fixture->detail));
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  /* Shortcuts read “Ctrl+N” in every language; the font warning over the agreement
   * preview names installed typefaces (“Noto Serif CJK SC”), which have no translation. */
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "accelerator") == 0 || GTK_IS_INFO_BAR (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    g_ptr_array_add (texts, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      g_ptr_array_add (texts, (gpointer) adw_status_page_get_title (ADW_STATUS_PAGE (widget)));
      g_ptr_array_add (texts, (gpointer) adw_status_page_get_description (ADW_STATUS_PAGE (widget)));
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, texts);
}

/* Chinese UIs write these in Latin letters too: “导出 PDF”, “PNG 图片”, “GB/T 9704”. */
static gboolean
is_loan_word (const char *word,
              guint       length)
{
  return (length == 3 && strncmp (word, "PDF", 3) == 0) ||
         (length == 3 && strncmp (word, "PNG", 3) == 0) ||
         (length == 2 && strncmp (word, "GB", 2) == 0);
}

static gboolean
has_english_word (const char *text)
{
  guint run = 0;

  for (const char *p = text; p != NULL; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          run++;
          continue;
        }

      if (run >= 2 && !is_loan_word (p - run, run))
        return TRUE;
      run = 0;
      if (*p == '\0')
        break;
    }

  return FALSE;
}

static void
test_chinese_labels (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  /* Buttons keep their mnemonic, as in “新建学校(N)”: compare the beginning. */
  const char *expected[] = { "学校", "责任书", "隐患台账", "检查", "教育与演练", "考核", "档案",
                             "欢迎使用校安", "新建学校", "导入学校名单", "加载示例数据",
                             "学校名称", "小学", "学段", "责任角色与任期" };

  mo = g_build_filename (localedir ? localedir : LOCALEDIR,
                         "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no zh_CN translation built yet");
      return;
    }

  /* A school in the list and the detail brings the core's labels (type, stages) too. */
  g_object_unref (add_school_directly (fixture, "第一小学", "1101080001"));
  collect_labels (GTK_WIDGET (fixture->window), texts);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < texts->len && !found; j++)
        found = g_str_has_prefix (g_ptr_array_index (texts, j), expected[i]);
      if (!found)
        g_error ("No label reads “%s”", expected[i]);
    }

  /* Under zh_CN no English word shows anywhere in the window. */
  for (guint j = 0; j < texts->len; j++)
    if (has_english_word (g_ptr_array_index (texts, j)))
      g_error ("An English word in a label: “%s”", (char *) g_ptr_array_index (texts, j));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xa/window/welcome", test_welcome);
  ADD ("/xa/window/status-pages-hidden-until-shown", test_status_pages_hidden_until_shown);
  ADD ("/xa/window/stack-show-page-off-screen", test_stack_show_page_off_screen);
  ADD ("/xa/window/first-school-shown", test_first_school_shown);
  ADD ("/xa/window/list-filled-after-first-frame", test_list_filled_after_first_frame);
  ADD ("/xa/window/sections", test_sections);
  ADD ("/xa/window/sections-built-when-shown", test_sections_built_when_shown);
  ADD ("/xa/window/section-shortcuts", test_section_shortcuts);
  ADD ("/xa/window/shortcuts-window-when-asked", test_shortcuts_window_when_asked);
  ADD ("/xa/window/fonts-resolved-when-agreements-shown",
       test_fonts_resolved_when_agreements_shown);
  ADD ("/xa/window/fonts-resolved-off-main-thread", test_fonts_resolved_off_main_thread);
  ADD ("/xa/window/school-shortcuts", test_school_shortcuts);
  ADD ("/xa/window/menu-new-school", test_menu_new_school);
  ADD ("/xa/window/add-school", test_add_school);
  ADD ("/xa/window/validation", test_validation);
  ADD ("/xa/window/edit-school", test_edit_school);
  ADD ("/xa/window/search", test_search);
  ADD ("/xa/window/delete-undo", test_delete_undo);
  ADD ("/xa/window/people-and-succession", test_people_and_succession);
  ADD ("/xa/window/import", test_import);
  ADD ("/xa/window/chinese-labels", test_chinese_labels);
#undef ADD

  return g_test_run ();
}
