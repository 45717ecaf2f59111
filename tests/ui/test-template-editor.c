/* test-template-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The template editor over a store in a temporary folder, as a user edits: a section
 * added at the end is refused with its number and saved once written; a clause's kind
 * changes; a clause moves into another parent by the keyboard; a third party signs; a
 * template goes out to a file and comes back in. XA_TEST_SCREENSHOT=FILE saves a PNG of
 * the editor.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/util/xa-school-year.h"
#include "core/xa-workspace.h"
#include "ui/xa-template-editor.h"

typedef struct
{
  XaTestUiFixture    ui;
  XaTemplateLibrary *templates;   /* the workspace's */
  GtkWindow         *window;
  XaTemplateEditor  *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "template-editor", TRUE, 0);
  fixture->templates = xa_workspace_get_templates (fixture->ui.workspace);

  fixture->editor = g_object_new (XA_TYPE_TEMPLATE_EDITOR, NULL);
  xa_template_editor_set_library (fixture->editor, fixture->templates);
  fixture->window = xa_test_show_widget (GTK_WIDGET (fixture->editor));
  xa_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, fixture->window);
}

/* The body of the error dialog on screen, closing it; NULL when none shows. */
static char *
take_error (void)
{
  AdwMessageDialog *dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  char *body;

  if (dialog == NULL)
    return NULL;

  body = g_strdup (adw_message_dialog_get_body (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
  return body;
}

static XaTemplate *
dup_stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaTemplate *template = xa_template_editor_get_template (fixture->editor);
  XaTemplate *stored = xa_template_library_dup_by_uuid (fixture->templates,
                                                        xa_template_get_uuid (template), &error);

  g_assert_no_error (error);
  return stored;
}

static void
save (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  xa_test_iterate ();
}

static void
test_section_at_end (Fixture       *fixture,
                     gconstpointer  data)
{
  XaClauseEditor *clause_editor = xa_template_editor_get_clause_editor (fixture->editor);
  g_autoptr(XaTemplate) stored = NULL;
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  XaClause *clause;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-section", NULL));
  xa_test_iterate ();
  clause = xa_clause_editor_get_clause (clause_editor);
  g_assert_nonnull (clause);
  id = g_strdup (xa_clause_get_id (clause));
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "五、");
  /* A section needs a heading: its field shows. */
  g_assert_true (xa_clause_editor_get_heading_shown (clause_editor));

  /* Saved empty, it is refused by its number, never by its id. */
  save (fixture);
  message = take_error ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "五、"));
  g_assert_null (strstr (message, id));

  xa_clause_editor_set_heading (clause_editor, "其他事项");
  xa_clause_editor_set_text (clause_editor, "本责任书未尽事宜，由双方协商解决。");
  save (fixture);
  g_assert_null (take_error ());
  stored = dup_stored (fixture);
  clause = xa_template_find_clause (stored, id);
  g_assert_nonnull (clause);
  g_assert_cmpstr (xa_clause_get_heading (clause), ==, "其他事项");
}

static void
test_change_kind (Fixture       *fixture,
                  gconstpointer  data)
{
  XaClauseEditor *clause_editor = xa_template_editor_get_clause_editor (fixture->editor);
  g_autoptr(XaTemplate) stored = NULL;
  XaClause *clause;

  /* The item （二） of section 一、 becomes a paragraph; the item after it is （二） now. */
  g_assert_true (xa_template_editor_select_clause (fixture->editor, "s1.2"));
  xa_test_iterate ();
  xa_clause_editor_choose_kind (clause_editor, XA_CLAUSE_KIND_PARAGRAPH);
  xa_test_iterate ();
  clause = xa_template_find_clause (xa_template_editor_get_template (fixture->editor), "s1.2");
  g_assert_cmpint (xa_clause_get_kind (clause), ==, XA_CLAUSE_KIND_PARAGRAPH);
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "");
  g_assert_cmpstr (xa_clause_get_number (xa_template_find_clause (xa_template_editor_get_template (fixture->editor), "s1.3")),
                   ==, "（二）");

  /* A section cannot stand inside a section: refused, nothing changes. */
  xa_clause_editor_choose_kind (clause_editor, XA_CLAUSE_KIND_SECTION);
  xa_test_iterate ();
  g_assert_cmpint (xa_clause_get_kind (clause), ==, XA_CLAUSE_KIND_PARAGRAPH);

  save (fixture);
  g_assert_null (take_error ());
  stored = dup_stored (fixture);
  g_assert_cmpint (xa_clause_get_kind (xa_template_find_clause (stored, "s1.2")), ==, XA_CLAUSE_KIND_PARAGRAPH);
}

static void
test_move_by_keyboard (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XaTemplate) stored = NULL;
  XaTemplate *template = xa_template_editor_get_template (fixture->editor);
  XaClause *parent = NULL;
  XaClause *moved;
  guint position = 0;

  /* （三） goes into （二） as its last point (Alt+Right): an item under an item is a point. */
  g_assert_true (xa_template_editor_select_clause (fixture->editor, "s1.3"));
  xa_test_iterate ();
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->editor), GDK_KEY_Right, GDK_ALT_MASK));
  xa_test_iterate ();
  moved = xa_template_find_clause (template, "s1.3");
  g_assert_true (xa_template_find_parent (template, "s1.3", &parent, &position));
  g_assert_cmpstr (xa_clause_get_id (parent), ==, "s1.2");
  g_assert_cmpint (xa_clause_get_kind (moved), ==, XA_CLAUSE_KIND_LIST);
  g_assert_cmpstr (xa_clause_get_number (moved), ==, "1.");
  /* The items after it are numbered again by the existing rule. */
  g_assert_cmpstr (xa_clause_get_number (xa_template_find_clause (template, "s1.4")), ==, "（三）");

  save (fixture);
  g_assert_null (take_error ());
  stored = dup_stored (fixture);
  g_assert_true (xa_template_find_parent (stored, "s1.3", &parent, NULL));
  g_assert_cmpstr (xa_clause_get_id (parent), ==, "s1.2");

  /* And back out (Alt+Left): it follows its parent, an item again. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->editor), GDK_KEY_Left, GDK_ALT_MASK));
  xa_test_iterate ();
  g_assert_true (xa_template_find_parent (template, "s1.3", &parent, &position));
  g_assert_cmpstr (xa_clause_get_id (parent), ==, "s1");
  g_assert_cmpint (xa_clause_get_kind (moved), ==, XA_CLAUSE_KIND_ITEM);
  g_assert_cmpstr (xa_clause_get_number (moved), ==, "（三）");

  /* Alt+Up among its siblings. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->editor), GDK_KEY_Up, GDK_ALT_MASK));
  xa_test_iterate ();
  g_assert_cmpstr (xa_clause_get_number (moved), ==, "（二）");
}

static void
test_third_party (Fixture       *fixture,
                  gconstpointer  data)
{
  XaTemplateForm *form = xa_template_editor_get_form (fixture->editor);
  g_autoptr(XaTemplate) stored = NULL;
  const XaSigner *third;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.add-party", NULL));
  /* The lines under the title can go: a template may have none. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.remove-line", "(ii)", -1, 0));
  xa_test_iterate ();
  save (fixture);
  g_assert_null (take_error ());

  stored = dup_stored (fixture);
  g_assert_cmpuint (xa_template_get_n_signers (stored), ==, 3);
  third = xa_template_get_signer (stored, 2);
  g_assert_cmpstr (third->label, ==, "丙方");
  g_assert_cmpstr (third->role, ==, "other");
  g_assert_cmpuint (third->lines->len, ==, 1);
  g_assert_cmpuint (xa_template_get_party_lines (stored)->len, ==, 0);
  g_assert_cmpuint (xa_template_get_n_copies (stored), ==, 3);
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, "模板.json", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->ui.data_dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(XaTemplate) original = dup_stored (fixture);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GString) broken = NULL;
  GListModel *list = xa_template_library_get_templates (fixture->templates);
  XaTemplate *imported;

  xa_template_editor_export_to_file (fixture->editor, file);
  g_assert_true (xa_template_editor_get_busy (fixture->editor));
  xa_test_wait_for_boolean (fixture->editor, "busy", FALSE);
  g_assert_null (take_error ());
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"xiaoan-template\""));

  xa_template_editor_import_file (fixture->editor, file);
  xa_test_wait_for_boolean (fixture->editor, "busy", FALSE);
  g_assert_null (take_error ());
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  imported = xa_template_editor_get_template (fixture->editor);
  g_assert_cmpint (xa_template_get_version (imported), ==, 2);
  g_assert_true (xa_template_equal_content (imported, original));

  /* An unknown placeholder is refused with its name and the file's; nothing is stored. */
  broken = g_string_new (contents);
  g_string_replace (broken, "{school_name}", "{district}", 1);
  g_assert_true (g_file_set_contents (bad_path, broken->str, -1, NULL));
  xa_template_editor_import_file (fixture->editor, bad);
  xa_test_wait_for_boolean (fixture->editor, "busy", FALSE);
  message = take_error ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "{district}"));
  g_assert_nonnull (strstr (message, "bad.json"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static int
current_school_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now), g_date_time_get_year (now));

  return xa_school_year_for_date (today);
}

static void
test_blank_template (Fixture       *fixture,
                     gconstpointer  data)
{
  XaClauseEditor *clause_editor = xa_template_editor_get_clause_editor (fixture->editor);
  GListModel *list = xa_template_library_get_templates (fixture->templates);
  const char *screenshot = g_getenv ("XA_TEST_SCREENSHOT");
  XaTemplate *template;
  g_autoptr(XaClause) section = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.new-template", NULL));
  xa_test_iterate ();
  template = xa_template_editor_get_template (fixture->editor);
  g_assert_cmpuint (g_list_model_get_n_items (xa_template_get_clauses (template)), ==, 2);
  xa_template_set_name (template, "食堂安全管理责任书");
  xa_clause_editor_set_text (clause_editor, "学校食堂安全管理责任书");
  section = g_list_model_get_item (xa_template_get_clauses (template), 1);
  g_assert_true (xa_template_editor_select_clause (fixture->editor, xa_clause_get_id (section)));
  xa_test_iterate ();
  xa_clause_editor_set_heading (clause_editor, "食品安全");
  xa_clause_editor_set_text (clause_editor, "严格执行食品留样制度。");

  xa_test_iterate ();
  /* What the display shows, with ImageMagick's import: to look at, not compared. */
  if (screenshot != NULL)
    {
      const char *argv[] = { "import", "-window", "root", screenshot, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, NULL, NULL));
    }

  save (fixture);
  g_assert_null (take_error ());
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  /* The school year under way, as the calendar has it, whatever template was shown. */
  template = xa_template_editor_get_template (fixture->editor);
  g_assert_cmpint (xa_template_get_school_year (template), ==, current_school_year ());
  g_assert_cmpint (xa_template_get_version (template), ==, current_school_year () == 2021 ? 2 : 1);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xa/template-editor/section-at-end", test_section_at_end);
  ADD ("/xa/template-editor/change-kind", test_change_kind);
  ADD ("/xa/template-editor/move-by-keyboard", test_move_by_keyboard);
  ADD ("/xa/template-editor/third-party", test_third_party);
  ADD ("/xa/template-editor/export-import", test_export_import);
  ADD ("/xa/template-editor/blank-template", test_blank_template);
#undef ADD

  return g_test_run ();
}
