/* test-agreements-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 责任书 section of the real window over a store in a temporary folder: the default
 * template is listed, a clause is edited, saved and read back from the library, clauses
 * are added and removed, the template is copied into the next year and compared; an
 * agreement is generated for a demo school, advanced until editing is refused, printed
 * headlessly and exported, and both files are read back with Poppler.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <poppler.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-store-audit.h"
#include "core/util/xa-school-year.h"
#include "ui/xa-application.h"
#include "ui/xa-agreement-detail.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture    ui;
  XaSchoolRegistry  *registry;    /* the workspace's */
  XaTemplateLibrary *templates;   /* the workspace's */
  XaAgreementBook   *book;        /* the workspace's */
  XaWindow          *window;
  XaAgreementsPage  *page;
  XaTemplateEditor  *editor;
  XaAgreementList   *list;
  XaAgreementDetail *detail;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "agreements", TRUE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);
  fixture->templates = xa_workspace_get_templates (fixture->ui.workspace);
  fixture->book = xa_workspace_get_agreements (fixture->ui.workspace);

  /* The tests work in 2021—2022, the default template's year, as if it had been viewed
   * last; the calendar test starts without a year viewed. */
  {
    g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

    g_settings_set_int (settings, "agreement-year", data == NULL ? 2021 : 0);
  }

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "agreements");
  /* The section's page is built when it is first shown. */
  fixture->page = XA_AGREEMENTS_PAGE (_xa_window_get_page (fixture->window, "agreements"));
  fixture->editor = xa_agreements_page_get_editor (fixture->page);
  fixture->list = xa_agreements_page_get_list (fixture->page);
  fixture->detail = xa_agreement_list_get_detail (fixture->list);
}

/* The preview lays the agreement out in a worker thread: waits for its pages. */
static XaPageSet *
wait_for_pages (Fixture *fixture)
{
  GObject *preview = gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                    XA_TYPE_AGREEMENT_DETAIL, "preview");

  xa_test_wait_for_boolean (preview, "loading", FALSE);
  return xa_agreement_detail_get_pages (fixture->detail);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A layout still running in a worker holds the store until it ends. */
  wait_for_pages (fixture);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  /* What would show: hidden widgets and the pages a stack does not show are skipped. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static void
test_default_template_listed (Fixture       *fixture,
                              gconstpointer  data)
{
  XaTemplate *template = xa_template_editor_get_template (fixture->editor);
  g_autoptr(GString) texts = g_string_new (NULL);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->section_stack), ==, "agreements");
  g_assert_cmpuint (g_list_model_get_n_items (xa_template_library_get_templates (fixture->templates)), ==, 1);
  g_assert_nonnull (template);
  g_assert_cmpint (xa_template_get_school_year (template), ==, 2021);
  g_assert_nonnull (xa_template_find_clause (template, "s1.2"));

  /* The section speaks Chinese: the two views and the empty agreement list. */
  xa_agreements_page_show_view (fixture->page, "agreements");
  xa_test_iterate ();
  collect_labels (GTK_WIDGET (fixture->page), texts);
  g_assert_nonnull (strstr (texts->str, "责任书"));
  g_assert_nonnull (strstr (texts->str, "模板"));
  g_assert_nonnull (strstr (texts->str, "尚无责任书"));
  g_assert_nonnull (strstr (texts->str, "2021—2022学年度"));
}

static GtkDropDown *
find_year_dropdown (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    {
      GListModel *labels = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      if (g_list_model_get_n_items (labels) > 0 &&
          strstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), "学年度") != NULL)
        return GTK_DROP_DOWN (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_year_dropdown (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Years follow the calendar: with no year viewed before, the list opens on the current
 * school year, which has no template yet and says so; one step makes it from the
 * newest template; the year chosen is remembered. */
static void
test_years_follow_calendar (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *current_label = NULL;
  g_autoptr(XaTemplate) made = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropDown *years;
  GListModel *labels;
  int current;

  g_date_set_time_t (today, time (NULL));
  current = xa_school_year_for_date (today);
  current_label = xa_school_year_format (current, FALSE);

  xa_agreements_page_show_view (fixture->page, "agreements");
  xa_test_iterate ();
  years = find_year_dropdown (GTK_WIDGET (fixture->list));
  g_assert_nonnull (years);
  labels = gtk_drop_down_get_model (years);
  g_assert_cmpint (xa_agreement_book_get_school_year (fixture->book), ==, current);
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), gtk_drop_down_get_selected (years)),
                            current_label));
  g_assert_nonnull (strstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), gtk_drop_down_get_selected (years)),
                            "尚无模板"));
  collect_labels (GTK_WIDGET (fixture->list), texts);
  g_assert_nonnull (strstr (texts->str, "本学年还没有责任书模板"));

  /* One step: the current year's template, its year spans moved on. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "agreements.make-template", NULL);
  xa_test_iterate ();
  made = xa_template_library_dup_latest (fixture->templates, current, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_null (strstr (xa_template_get_name (made), "2021"));
  g_string_truncate (texts, 0);
  collect_labels (GTK_WIDGET (fixture->list), texts);
  g_assert_nonnull (strstr (texts->str, "尚无责任书"));
  g_assert_null (strstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), gtk_drop_down_get_selected (years)),
                         "尚无模板"));

  /* The year chosen is the one the list opens on next time. */
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (strstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "2021—2022") != NULL)
      gtk_drop_down_set_selected (years, i);
  xa_test_iterate ();
  g_assert_cmpint (xa_agreement_book_get_school_year (fixture->book), ==, 2021);
  g_assert_cmpint (g_settings_get_int (settings, "agreement-year"), ==, 2021);
}

static void
test_edit_clause (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *changed = "始终坚持“安全稳定压倒一切”的方针，每学期开学前全面检查一次。";
  g_autoptr(XaTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  XaClauseEditor *clause_editor = xa_template_editor_get_clause_editor (fixture->editor);
  XaTemplate *template;
  XaClause *clause;

  xa_agreements_page_show_view (fixture->page, "templates");
  g_assert_true (xa_template_editor_select_clause (fixture->editor, "s1.2"));
  xa_test_iterate ();
  g_assert_true (xa_clause_editor_get_clause (clause_editor) ==
                 xa_template_find_clause (xa_template_editor_get_template (fixture->editor), "s1.2"));

  xa_clause_editor_set_text (clause_editor, changed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  xa_test_iterate ();

  template = xa_template_editor_get_template (fixture->editor);
  stored = xa_template_library_dup_by_uuid (fixture->templates, xa_template_get_uuid (template), &error);
  g_assert_no_error (error);
  clause = xa_template_find_clause (stored, "s1.2");
  g_assert_cmpstr (xa_clause_get_text (clause), ==, changed);
  g_assert_cmpint (xa_template_get_version (stored), ==, 1);

  /* Add a clause after it, give it text, save; then remove it again. */
  g_assert_true (xa_template_editor_select_clause (fixture->editor, "s1.2"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-sibling", NULL));
  xa_test_iterate ();
  clause = xa_clause_editor_get_clause (clause_editor);
  g_assert_nonnull (clause);
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "（三）");
  xa_clause_editor_set_text (clause_editor, "校园欺凌防治：每学期专项排查一次。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  xa_test_iterate ();
  {
    g_autofree char *id = g_strdup (xa_clause_get_id (clause));
    g_autoptr(XaTemplate) with = xa_template_library_dup_by_uuid (fixture->templates,
                                                                  xa_template_get_uuid (template), &error);

    g_assert_no_error (error);
    g_assert_nonnull (xa_template_find_clause (with, id));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.remove", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
    xa_test_iterate ();

    {
      g_autoptr(XaTemplate) without = xa_template_library_dup_by_uuid (fixture->templates,
                                                                       xa_template_get_uuid (template), &error);

      g_assert_no_error (error);
      g_assert_null (xa_template_find_clause (without, id));
    }
  }
}

/* Copies the template into 2022, edits one clause of the copy and compares the two. */
static XaTemplateCompare *
compare_next_year (Fixture *fixture)
{
  XaClauseEditor *clause_editor = xa_template_editor_get_clause_editor (fixture->editor);

  xa_agreements_page_show_view (fixture->page, "templates");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.next-year", NULL));
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_template_library_get_templates (fixture->templates)), ==, 2);
  g_assert_cmpint (xa_template_get_school_year (xa_template_editor_get_template (fixture->editor)), ==, 2022);

  g_assert_true (xa_template_editor_select_clause (fixture->editor, "s1.2"));
  xa_clause_editor_set_text (clause_editor, "始终坚持“安全稳定压倒一切”的方针，全面排查。");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  xa_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.compare", NULL));
  xa_test_iterate ();

  return xa_template_editor_get_compare (fixture->editor);
}

/* The template's year style is a menu check item: toggling it marks the template as
 * changed, saving stores it, and the library's copy writes the year with a hyphen. */
static void
test_year_style (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XaTemplate) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year = NULL;
  XaTemplateValues values = { .school_year = 2021 };
  gboolean dirty = TRUE;

  xa_agreements_page_show_view (fixture->page, "templates");
  xa_test_iterate ();
  g_object_get (fixture->editor, "dirty", &dirty, NULL);
  g_assert_false (dirty);
  g_assert_false (xa_template_get_legacy_year_style (xa_template_editor_get_template (fixture->editor)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.legacy-year-style", NULL));
  xa_test_iterate ();
  g_object_get (fixture->editor, "dirty", &dirty, NULL);
  g_assert_true (dirty);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  xa_test_iterate ();

  stored = xa_template_library_dup_by_uuid (fixture->templates,
                                            xa_template_get_uuid (xa_template_editor_get_template (fixture->editor)),
                                            &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_get_legacy_year_style (stored));
  values.legacy_year_style = xa_template_get_legacy_year_style (stored);
  year = xa_template_expand ("{school_year}", &values);
  g_assert_cmpstr (year, ==, "2021-2022学年度");
}

static void
test_next_year_and_compare (Fixture       *fixture,
                            gconstpointer  data)
{
  XaTemplateCompare *compare = compare_next_year (fixture);
  XaTemplateDiff *diff;
  XaTemplateChange *change;
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autofree char *markup = NULL;

  diff = xa_template_compare_get_diff (compare);
  g_assert_nonnull (diff);
  g_assert_cmpint (xa_template_get_school_year (xa_template_diff_get_old (diff)), ==, 2021);
  g_assert_cmpint (xa_template_get_school_year (xa_template_diff_get_new (diff)), ==, 2022);
  change = xa_template_diff_find (diff, "s1.2");
  g_assert_true (xa_template_change_get_flags (change) & XA_TEMPLATE_CHANGE_TEXT);

  /* Inserted characters on green, deleted ones struck through. */
  markup = xa_template_change_dup_markup (change);
  g_assert_nonnull (strstr (markup, "background=\"#2ec27e\""));
  g_assert_nonnull (strstr (markup, "strikethrough=\"true\""));

  collect_labels (GTK_WIDGET (compare), texts);
  g_assert_nonnull (strstr (texts->str, "修改"));
  g_assert_nonnull (strstr (texts->str, "仅显示变化"));
}

static XaAgreement *
generate_for_first_school (Fixture *fixture)
{
  AdwMessageDialog *dialog;
  GListModel *agreements;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "agreements.generate-one", NULL));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "confirm");
  xa_test_iterate ();

  agreements = xa_agreement_book_get_agreements (fixture->book);
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 1);
  g_assert_nonnull (xa_agreement_detail_get_agreement (fixture->detail));
  return xa_agreement_detail_get_agreement (fixture->detail);
}

static void
test_generate_and_advance (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaAgreement *agreement;
  GtkWidget *first_row;

  xa_demo_fill (fixture->registry, 3, XA_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  xa_test_iterate ();

  agreement = generate_for_first_school (fixture);
  g_assert_cmpint (xa_agreement_get_state (agreement), ==, XA_AGREEMENT_STATE_DRAFT);
  first_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                         XA_TYPE_AGREEMENT_DETAIL, "first_row"));
  g_assert_true (gtk_widget_get_sensitive (first_row));
  g_assert_cmpuint (xa_page_set_get_n_pages (wait_for_pages (fixture)), >, 1);

  /* A draft's field is saved through its row. */
  gtk_editable_set_text (GTK_EDITABLE (first_row), "王校长");
  g_signal_emit_by_name (first_row, "apply");
  xa_test_iterate ();
  g_assert_cmpstr (xa_agreement_get_first_responsible (xa_agreement_detail_get_agreement (fixture->detail)),
                   ==, "王校长");

  /* A signing date that is no date is refused: the stored agreement keeps none and the
   * row shows what is stored again; a real one is stored. */
  {
    GtkWidget *sign_date_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                                          XA_TYPE_AGREEMENT_DETAIL,
                                                                          "sign_date_row"));
    g_autoptr(XaAgreement) stored = NULL;

    gtk_editable_set_text (GTK_EDITABLE (sign_date_row), "2021-13-01");
    g_signal_emit_by_name (sign_date_row, "apply");
    xa_test_iterate ();
    stored = xa_agreement_book_dup_by_uuid (fixture->book,
                                            xa_agreement_get_uuid (xa_agreement_detail_get_agreement (fixture->detail)),
                                            &error);
    g_assert_no_error (error);
    g_assert_null (xa_agreement_get_sign_date (stored));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sign_date_row)), ==, "");

    gtk_editable_set_text (GTK_EDITABLE (sign_date_row), "2021-09-01");
    g_signal_emit_by_name (sign_date_row, "apply");
    xa_test_iterate ();
    g_assert_cmpstr (xa_agreement_get_sign_date (xa_agreement_detail_get_agreement (fixture->detail)),
                     ==, "2021-09-01");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "agreement.submit", NULL));
  xa_test_iterate ();
  g_assert_cmpint (xa_agreement_get_state (xa_agreement_detail_get_agreement (fixture->detail)),
                   ==, XA_AGREEMENT_STATE_PENDING);
  g_assert_cmpstr (xa_agreement_get_step_operator (xa_agreement_detail_get_agreement (fixture->detail),
                                                   XA_AGREEMENT_STATE_PENDING), ==, "测试员");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "agreement.sign", NULL));
  xa_test_iterate ();
  agreement = xa_agreement_detail_get_agreement (fixture->detail);
  g_assert_cmpint (xa_agreement_get_state (agreement), ==, XA_AGREEMENT_STATE_SIGNED);

  /* Signed: the fields are no longer editable, and the store refuses a change. */
  g_assert_false (gtk_widget_get_sensitive (first_row));
  g_assert_false (gtk_widget_is_sensitive (first_row));
  xa_agreement_set_first_responsible (agreement, "李校长");
  g_assert_false (xa_agreement_book_update (fixture->book, agreement, &error));
  g_assert_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_EDITABLE);
  g_clear_error (&error);

  /* Signing froze the template version it was made from. */
  {
    g_autoptr(XaTemplate) latest = xa_template_library_dup_latest (fixture->templates, 2021, &error);

    g_assert_no_error (error);
    g_assert_true (xa_template_get_frozen (latest));
  }

  /* Revising makes a new draft, revision 2. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "agreement.revise", NULL));
  xa_test_iterate ();
  agreement = xa_agreement_detail_get_agreement (fixture->detail);
  g_assert_cmpint (xa_agreement_get_revision (agreement), ==, 2);
  g_assert_cmpint (xa_agreement_get_state (agreement), ==, XA_AGREEMENT_STATE_DRAFT);
  g_assert_true (gtk_widget_get_sensitive (first_row));
}

/* The list updates the shown agreement's item in place when another part of the app (or
 * the command line's store, read back) moves it on; the detail follows it. */
static void
test_detail_follows_change_elsewhere (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkLabel *state_label;
  XaAgreement *agreement;
  g_autofree char *uuid = NULL;

  xa_demo_fill (fixture->registry, 3, XA_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  xa_test_iterate ();

  agreement = generate_for_first_school (fixture);
  uuid = g_strdup (xa_agreement_get_uuid (agreement));
  state_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                          XA_TYPE_AGREEMENT_DETAIL, "state_label"));
  g_assert_cmpstr (gtk_label_get_label (state_label), ==, xa_agreement_state_to_label (XA_AGREEMENT_STATE_DRAFT));

  g_assert_true (xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);
  xa_test_iterate ();

  g_assert_cmpint (xa_agreement_get_state (xa_agreement_detail_get_agreement (fixture->detail)),
                   ==, XA_AGREEMENT_STATE_PENDING);
  g_assert_cmpstr (gtk_label_get_label (state_label), ==, xa_agreement_state_to_label (XA_AGREEMENT_STATE_PENDING));
}

static char *
read_pdf_text (const char *path,
               int        *n_pages)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  PopplerDocument *document;

  document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_object_unref (page);
    }
  g_object_unref (document);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The keywords of a PDF: the audit chain's head when the app exported it. */
static char *
pdf_keywords (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  char *keywords;

  document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  keywords = poppler_document_get_keywords (document);
  g_object_unref (document);
  return keywords;
}

/* "导出对比 PDF…" once the file is chosen: written off the main thread, then read back. */
static void
test_compare_export (Fixture       *fixture,
                     gconstpointer  data)
{
  XaTemplateCompare *compare = compare_next_year (fixture);
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, "compare.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  int n_pages = 0;

  xa_template_compare_export_to_file (compare, file);
  g_assert_true (xa_template_compare_get_busy (compare));
  xa_test_wait_for_boolean (compare, "busy", FALSE);

  text = read_pdf_text (path, &n_pages);
  g_assert_cmpint (n_pages, >=, 1);
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "2022"));
  /* The edited clause is in it, the words it gained with it. */
  {
    g_autoptr(GString) squeezed = g_string_new (text);

    g_string_replace (squeezed, " ", "", 0);
    g_assert_nonnull (strstr (squeezed->str, "面排查"));
  }
}

static void
test_print_and_export (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(XaPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) export_file = NULL;
  g_autofree char *printed = g_build_filename (fixture->ui.data_dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (fixture->ui.data_dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  XaAgreement *agreement;
  guint n_layout_pages;
  int n_pages = 0;

  xa_demo_fill (fixture->registry, 3, XA_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  xa_test_iterate ();
  agreement = generate_for_first_school (fixture);
  n_layout_pages = xa_page_set_get_n_pages (wait_for_pages (fixture));

  /* 打印…, without the dialog: the same operation, exported to a file. */
  operation = xa_agreement_detail_new_print_operation (fixture->detail);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), printed);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (fixture->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  printed_text = read_pdf_text (printed, &n_pages);
  g_assert_cmpint (n_pages, ==, n_layout_pages);

  /* Poppler may put line breaks inside a name: compare without white space. */
  {
    g_autoptr(GString) squeezed = g_string_new (NULL);

    for (const char *p = printed_text; *p; p++)
      if (!g_ascii_isspace (*p))
        g_string_append_c (squeezed, *p);
    g_assert_nonnull (strstr (squeezed->str, xa_agreement_get_school_name (agreement)));
  }

  /* 导出 PDF…, once the file is chosen. */
  export_file = g_file_new_for_path (exported);
  xa_agreement_detail_export_to_file (fixture->detail, export_file);
  g_assert_true (xa_agreement_detail_get_busy (fixture->detail));
  xa_test_wait_for_boolean (fixture->detail, "busy", FALSE);
  g_assert_true (g_file_test (exported, G_FILE_TEST_EXISTS));
  exported_text = read_pdf_text (exported, &n_pages);
  g_assert_cmpint (n_pages, ==, n_layout_pages);
  g_assert_nonnull (strstr (exported_text, "区教委存"));

  /* It says which state of the store it holds: the audit chain's head. */
  {
    g_autofree char *keywords = pdf_keywords (exported);
    g_autofree char *head = xa_store_dup_audit_head_text (xa_agreement_book_get_store (fixture->book), &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (head, "审计链 #"));
    g_assert_cmpstr (keywords, ==, head);
  }
}

static void
test_export_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *out = g_build_filename (fixture->ui.data_dir, "all", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *head = NULL;
  const char *name;
  guint n_files = 0;
  guint n_made = 0;

  xa_demo_fill (fixture->registry, 3, XA_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  xa_agreement_book_generate_all (fixture->book, 2021, &n_made, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_made, ==, 3);
  xa_test_iterate ();

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  folder = g_file_new_for_path (out);
  xa_agreement_list_export_all (fixture->list, folder, XA_COPIES_BOTH);
  g_assert_true (xa_agreement_list_get_exporting (fixture->list));
  xa_test_wait_for_boolean (fixture->list, "exporting", FALSE);

  head = xa_store_dup_audit_head_text (xa_agreement_book_get_store (fixture->book), &error);
  g_assert_no_error (error);
  dir = g_dir_open (out, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *keywords = pdf_keywords (path);

      /* Named as the command line names them: 学校标识码-名称.pdf. */
      g_assert_true (g_regex_match_simple ("^[0-9]{10}-.+\\.pdf$", name, 0, 0));
      g_assert_cmpstr (keywords, ==, head);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 3);
}

/* A real key press through Xvfb: the list's Tab handling sees only real events. */
static void
press_key (const char *key)
{
  const char *argv[] = { "xdotool", "key", "--clearmodifiers", key, NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, NULL));
  xa_test_iterate ();
}

static void
click_widget (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (10, 10), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  x = g_strdup_printf ("%d", (int) (point.x + dx));
  y = g_strdup_printf ("%d", (int) (point.y + dy));
  {
    const char *argv[] = { "xdotool", "mousemove", "--sync", x, y, "click", "1", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, NULL, NULL));
  }
  xa_test_iterate ();
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A list is one stop of the Tab order: from the list of 12 agreements, 提交待签 is a few
 * presses of Tab away, however many agreements there are; Ctrl+P prints the agreement
 * shown with the focus still in the list. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                                    XA_TYPE_AGREEMENT_LIST, "list_view"));
  GtkWidget *submit = NULL;
  GtkWindow *print_dialog;
  guint presses = 0;
  guint n_made = 0;

  xa_demo_fill (fixture->registry, 12, XA_DEMO_DEFAULT_SEED, &error);
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_generate_all (fixture->book, 2021, &n_made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_made, ==, 12);
  xa_test_iterate ();

  click_widget (gtk_widget_get_first_child (list_view));
  g_assert_nonnull (xa_agreement_detail_get_agreement (fixture->detail));
  submit = find_action_button (GTK_WIDGET (fixture->detail), "agreement.submit");
  g_assert_nonnull (submit);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), list_view));

  while (presses < 30)
    {
      GtkWidget *focus;

      press_key ("Tab");
      presses++;
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == submit || (focus != NULL && gtk_widget_is_ancestor (focus, submit)))
        break;
    }
  g_test_message ("Tab presses from the list to 提交待签: %u", presses);
  g_assert_cmpuint (presses, <=, 2);

  /* Shift+Tab goes back into the list in a few presses too, not row by row from the end. */
  click_widget (gtk_widget_get_first_child (list_view));
  press_key ("shift+Tab");
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), list_view));

  /* Ctrl+P with the focus in the list opens the print dialog for the agreement shown. */
  wait_for_pages (fixture);
  click_widget (gtk_widget_get_first_child (list_view));
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_p, GDK_CONTROL_MASK));
  print_dialog = xa_test_find_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (print_dialog);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (print_dialog), ==, "GtkPrintUnixDialog");
  gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
  xa_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/xa/agreements/default-template-listed", test_default_template_listed);
  ADD ("/xa/agreements/edit-clause", test_edit_clause);
  ADD ("/xa/agreements/year-style", test_year_style);
  ADD ("/xa/agreements/next-year-and-compare", test_next_year_and_compare);
  ADD ("/xa/agreements/compare-export", test_compare_export);
  ADD ("/xa/agreements/generate-and-advance", test_generate_and_advance);
  ADD ("/xa/agreements/detail-follows-change-elsewhere", test_detail_follows_change_elsewhere);
  ADD ("/xa/agreements/print-and-export", test_print_and_export);
  ADD ("/xa/agreements/keyboard", test_keyboard);
  ADD ("/xa/agreements/export-all", test_export_all);
#undef ADD
  g_test_add ("/xa/agreements/years-follow-calendar", Fixture, "calendar", fixture_set_up,
              test_years_follow_calendar, fixture_tear_down);

  return g_test_run ();
}
