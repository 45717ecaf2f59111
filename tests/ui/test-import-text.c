/* test-import-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 从文本导入 in the real window: an agreement of the corpus pasted into the dialog is
 * recognised off the main thread, the review shows its title and how many clauses it
 * has, and once saved the template is in the library under its name and year.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-import-text-dialog.h"
#include "ui/xa-window-private.h"

static void
test_paste_review_save (void)
{
  g_autoptr(GError) error = NULL;
  XaTestUiFixture fixture;
  g_autofree char *text_path = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "agreements",
                                                 "03-district-four-levels-indented.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(XaTemplate) stored = NULL;
  XaWindow *window;
  GtkWidget *page;
  XaImportTextDialog *dialog;
  GtkWidget *summary;
  GtkListView *clause_view;
  const char *review;

  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  xa_test_ui_fixture_set_up (&fixture, "import-text", TRUE, 0);
  window = xa_test_ui_fixture_show_window (&fixture, 0, 0, "agreements");
  page = _xa_window_get_page (window, "agreements");

  /* The action of the template area opens the dialog. */
  g_assert_true (gtk_widget_activate_action (page, "agreements.import-text", NULL));
  xa_test_iterate ();
  g_assert_nonnull ((dialog = xa_test_find_toplevel (XA_TYPE_IMPORT_TEXT_DIALOG)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_null (xa_import_text_dialog_get_template (dialog));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL) &&
                  xa_import_text_dialog_get_saved (dialog) != NULL);

  /* Pasted: recognised in a worker, the newest text winning. */
  xa_import_text_dialog_set_text (dialog, text);
  while (xa_import_text_dialog_get_template (dialog) == NULL)
    g_main_context_iteration (NULL, TRUE);

  summary = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), XA_TYPE_IMPORT_TEXT_DIALOG, "summary_label"));
  review = gtk_label_get_label (GTK_LABEL (summary));
  g_assert_nonnull (strstr (review, "示例区教育系统2024—2025学年度 / 学校安全工作目标责任书"));
  {
    /* In the user's language, as the dialog shows it. */
    g_autofree char *count = g_strdup_printf (_("Clauses: %u\n"), 19);

    g_assert_nonnull (strstr (review, count));
  }
  g_assert_nonnull (strstr (review, "（一）"));
  g_assert_nonnull (strstr (review, "责任学校：示例区青岭学校"));
  clause_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (dialog), XA_TYPE_IMPORT_TEXT_DIALOG,
                                                              "clause_view"));
  /* The tree expanded down to the ① points: title, preamble, the 19 numbered clauses
   * and the two paragraphs of sections 一 and 四. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (clause_view))), ==, 2 + 19 + 2);

  /* Named and given a year, then saved into the library. */
  {
    GObject *name_row = gtk_widget_get_template_child (GTK_WIDGET (dialog), XA_TYPE_IMPORT_TEXT_DIALOG, "name_row");
    GObject *year = gtk_widget_get_template_child (GTK_WIDGET (dialog), XA_TYPE_IMPORT_TEXT_DIALOG, "year_button");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==,
                     "示例区教育系统2024—2025学年度学校安全工作目标责任书");
    gtk_editable_set_text (GTK_EDITABLE (name_row), "青岭学校目标责任书");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), 2024);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));

  stored = xa_template_library_dup_latest (xa_workspace_get_templates (fixture.workspace), 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_template_get_name (stored), ==, "青岭学校目标责任书");
  g_assert_cmpint (xa_template_get_version (stored), ==, 1);
  g_assert_cmpuint (xa_template_get_n_signers (stored), ==, 2);

  /* The dialog closed, its workers done; the editor shows the new template. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (xa_template_get_name (xa_template_editor_get_template (xa_agreements_page_get_editor (XA_AGREEMENTS_PAGE (page)))),
                   ==, "青岭学校目标责任书");

  g_clear_object (&stored);
  xa_test_ui_fixture_tear_down (&fixture, GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add_func ("/xa/import-text/paste-review-save", test_paste_review_save);

  return g_test_run ();
}
