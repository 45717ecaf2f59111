/* test-unsaved.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Work is never lost: every way of leaving an edit not saved (another school, another
 * template, another section, closing the window) asks 保存更改？ first, and each answer
 * does what it says: 取消 stays with the edit, 放弃 drops it, 保存 stores it, and only
 * then does the app move on.
 */

#include "config.h"

#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-agreements-page.h"
#include "ui/xa-clause-editor.h"
#include "ui/xa-school-detail.h"
#include "ui/xa-schools-page.h"
#include "ui/xa-template-editor.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture   ui;
  XaWindow         *window;
  XaSchoolsPage    *page;
  XaSchoolDetail   *detail;
  XaSchoolRegistry *registry;
  char             *first;   /* the schools' uuids */
  char             *second;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XaOrganisation) first = NULL;
  g_autoptr(XaOrganisation) second = NULL;

  xa_test_ui_fixture_set_up (&fixture->ui, "unsaved", TRUE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);
  first = xa_test_add_school (fixture->registry, "第一小学", "1101080001");
  second = xa_test_add_school (fixture->registry, "第二小学", "1101080002");
  fixture->first = g_strdup (xa_organisation_get_uuid (first));
  fixture->second = g_strdup (xa_organisation_get_uuid (second));

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, 0, 0, "schools");
  fixture->page = XA_SCHOOLS_PAGE (_xa_window_get_page (fixture->window, "schools"));
  fixture->detail = XA_SCHOOL_DETAIL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                     XA_TYPE_SCHOOLS_PAGE, "detail"));
  g_assert_true (xa_schools_page_select_school (fixture->page, fixture->first));
  xa_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (g_steal_pointer (&fixture->window)));
  g_free (fixture->first);
  g_free (fixture->second);
}

static void
set_address (Fixture    *fixture,
             const char *address)
{
  GtkWidget *row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                              XA_TYPE_SCHOOL_DETAIL, "address_row"));

  gtk_editable_set_text (GTK_EDITABLE (row), address);
  g_assert_true (xa_school_detail_get_dirty (fixture->detail));
}

static const char *
shown_uuid (Fixture *fixture)
{
  XaOrganisation *school = xa_school_detail_get_school (fixture->detail);

  return school != NULL ? xa_organisation_get_uuid (school) : NULL;
}

static char *
stored_address (Fixture    *fixture,
                const char *uuid)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;

  school = xa_school_registry_dup_school (fixture->registry, uuid, &error);
  g_assert_no_error (error);
  return g_strdup (xa_organisation_get_address (school));
}

/* The question shows, names what holds the edits; the answer is given. */
static void
answer (const char *response,
        const char *named)
{
  AdwMessageDialog *dialog;

  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), named));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_another_school (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;

  set_address (fixture, "学院路 5 号");

  /* 取消: the list goes back to the school being edited, the edit stays. */
  xa_schools_page_select_school (fixture->page, fixture->second);
  answer ("cancel", "第一小学");
  g_assert_cmpstr (shown_uuid (fixture), ==, fixture->first);
  g_assert_true (xa_school_detail_get_dirty (fixture->detail));

  /* 放弃: the other school shows; nothing was stored. */
  xa_schools_page_select_school (fixture->page, fixture->second);
  answer ("discard", "第一小学");
  g_assert_cmpstr (shown_uuid (fixture), ==, fixture->second);
  kept = stored_address (fixture, fixture->first);
  g_assert_cmpstr (kept ? kept : "", ==, "");

  /* 保存: stored, then the other school shows. */
  xa_schools_page_select_school (fixture->page, fixture->first);
  xa_test_iterate ();
  g_assert_cmpstr (shown_uuid (fixture), ==, fixture->first);
  set_address (fixture, "学院路 7 号");
  xa_schools_page_select_school (fixture->page, fixture->second);
  answer ("save", "第一小学");
  saved = stored_address (fixture, fixture->first);
  g_assert_cmpstr (saved, ==, "学院路 7 号");
  g_assert_cmpstr (shown_uuid (fixture), ==, fixture->second);
  g_assert_false (xa_school_detail_get_dirty (fixture->detail));
}

/* A new school not filled in enough to be stored: 保存 says why and stays. */
static void
test_save_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *name_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                                   XA_TYPE_SCHOOL_DETAIL, "name_row"));
  AdwMessageDialog *question;
  AdwMessageDialog *reason;

  xa_schools_page_new_school (fixture->page);
  xa_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (name_row), "第三小学");
  g_assert_true (xa_school_detail_get_dirty (fixture->detail));

  xa_schools_page_select_school (fixture->page, fixture->second);
  xa_test_iterate ();
  question = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "新学校"));
  adw_message_dialog_response (question, "save");
  gtk_window_destroy (GTK_WINDOW (question));
  xa_test_iterate ();

  /* The reason shows in a dialog of its own, naming the field; the form stays. */
  reason = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (reason), "标识码"));
  gtk_window_destroy (GTK_WINDOW (reason));
  g_assert_true (xa_school_detail_get_is_new (fixture->detail));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "第三小学");
  g_assert_true (xa_school_detail_get_dirty (fixture->detail));
}

static void
test_another_section (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkListBoxRow *selected;

  set_address (fixture, "学院路 5 号");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "agreements");
  answer ("cancel", "第一小学");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->section_stack), ==, "schools");
  /* The sidebar shows the section that shows. */
  selected = gtk_list_box_get_selected_row (fixture->window->sections_list);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (selected)), ==, "schools");

  /* Moving in the sidebar with the keyboard selects a row: the same question. */
  gtk_list_box_select_row (fixture->window->sections_list,
                           gtk_list_box_get_row_at_index (fixture->window->sections_list, 1));
  answer ("discard", "第一小学");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->section_stack), ==, "agreements");
  selected = gtk_list_box_get_selected_row (fixture->window->sections_list);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (selected)), ==, "agreements");
}

/* Closing the window (and quitting, which closes every window) asks; 保存 stores and
 * closes. */
static void
test_close_window (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *saved = NULL;
  XaWindow *window = fixture->window;

  set_address (fixture, "学院路 9 号");

  gtk_window_close (GTK_WINDOW (window));
  answer ("cancel", "第一小学");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  answer ("save", "第一小学");
  saved = stored_address (fixture, fixture->first);
  g_assert_cmpstr (saved, ==, "学院路 9 号");
  /* Closed: the tear-down finds the window gone and finalizes it. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
}

/* The template editor of the agreements section asks the same, named by the template. */
static void
test_template_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  XaAgreementsPage *agreements;
  XaTemplateEditor *editor;
  XaTemplate *template;
  g_autofree char *name = NULL;

  _xa_window_show_section (fixture->window, "agreements");
  while (xa_window_get_fonts (fixture->window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  agreements = XA_AGREEMENTS_PAGE (_xa_window_get_page (fixture->window, "agreements"));
  editor = xa_agreements_page_get_editor (agreements);
  template = xa_template_editor_get_template (editor);
  g_assert_nonnull (template);
  name = g_strdup (xa_template_get_name (template));

  g_assert_true (xa_template_editor_select_clause (editor, "title"));
  xa_clause_editor_set_text (xa_template_editor_get_clause_editor (editor), "学校安全目标责任书");
  xa_test_iterate ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "schools");
  answer ("cancel", name);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->section_stack), ==, "agreements");

  gtk_window_close (GTK_WINDOW (fixture->window));
  answer ("discard", name);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xa/unsaved/another-school", test_another_school);
  ADD ("/xa/unsaved/save-refused", test_save_refused);
  ADD ("/xa/unsaved/another-section", test_another_section);
  ADD ("/xa/unsaved/close-window", test_close_window);
  ADD ("/xa/unsaved/template-edit", test_template_edit);
#undef ADD

  return g_test_run ();
}
