/* test-hazard-files-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger's files in the real window over a demo ledger (issue 11): the ledger
 * the filters select exported through the page's actions as CSV, XLSX and PDF, every
 * hazard of the filter and no other, read back (the CSV's rows, the PDF's text with
 * Poppler); the PDF refused for every school, and a file in a folder that is not there
 * refused with why; the ledger printed (Ctrl+P) through the print operation, to a PDF
 * file, its sheets turned; an import with one bad line refused whole, its dialog naming
 * file:line; a good one storing every row; an import without a school refused before
 * any file; a hazard's 整改通知书 exported, and its 销号单 disabled until it is closed,
 * the core's reason shown.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "document/xa-test-pdf.h"
#include "core/hazards/xa-hazard-demo.h"
#include "core/hazards/xa-hazard-workflow.h"
#include "ui/hazards/xa-hazards-page.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture      ui;
  XaHazardBook        *book;
  XaSchoolRegistry    *registry;
  XaWindow            *window;
  XaHazardsPage       *page;
  XaHazardFilters     *filters;
  XaHazardFileActions *files;
  char                *school_uuid;  /* 红旗小学 */
  char                *other_uuid;   /* 示例区实验小学 */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaOrganisation) other = NULL;
  g_autoptr(GError) error = NULL;

  xa_test_ui_fixture_set_up (&fixture->ui, "hazard-files", FALSE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);
  fixture->book = xa_workspace_get_hazards (fixture->ui.workspace);
  xa_test_add_example_schools (fixture->registry);
  school = xa_school_registry_dup_school_by_code (fixture->registry, "1101080001", NULL);
  other = xa_school_registry_dup_school_by_code (fixture->registry, "1101080002", NULL);
  fixture->school_uuid = g_strdup (xa_organisation_get_uuid (school));
  fixture->other_uuid = g_strdup (xa_organisation_get_uuid (other));
  g_assert_true (xa_hazard_demo_fill (fixture->book, 160, 3, NULL, &error));
  g_assert_no_error (error);

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "hazards");
  fixture->page = XA_HAZARDS_PAGE (_xa_window_get_page (fixture->window, "hazards"));
  fixture->filters = xa_hazards_page_get_filters (fixture->page);
  fixture->files = xa_hazards_page_get_file_actions (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, fixture->window ? GTK_WINDOW (fixture->window) : NULL);
  g_free (fixture->school_uuid);
  g_free (fixture->other_uuid);
}

static char *
out_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->ui.data_dir, name, NULL);
}

/* How many hazards the filters select, as the book counts them. */
static guint
count_filtered (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  XaHazardFilter filter;
  guint n = 0;

  xa_hazard_filters_get_filter (fixture->filters, &filter);
  g_assert_true (xa_hazard_book_count (fixture->book, &filter, &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
wait_for_files (XaHazardFileActions *files)
{
  xa_test_iterate ();
  xa_test_wait_for_boolean (files, "busy", FALSE);
  xa_test_iterate ();
}

static void
export_to (Fixture        *fixture,
           XaLedgerFormat  format,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  xa_hazard_file_actions_export (fixture->files, format, file);
  g_assert_true (xa_hazard_file_actions_get_busy (fixture->files));
  wait_for_files (fixture->files);
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The CSV's data rows: the lines after the heading that begin with a hazard number. */
static guint
count_csv_rows (const char *contents,
                const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  guint n = 0;

  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_gfile (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
}

/* The message a dialog shows, its heading and body and the text of a label under them. */
static char *
dup_dialog_text (AdwMessageDialog *dialog)
{
  GtkWidget *extra = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *label = NULL;

  if (GTK_IS_SCROLLED_WINDOW (extra))
    label = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (extra));
  if (GTK_IS_VIEWPORT (label))
    label = gtk_viewport_get_child (GTK_VIEWPORT (label));

  return g_strconcat (adw_message_dialog_get_heading (dialog), "\n", adw_message_dialog_get_body (dialog), "\n",
                      GTK_IS_LABEL (label) ? gtk_label_get_label (GTK_LABEL (label)) : "", NULL);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = out_path (fixture, "台账.csv");
  g_autofree char *all_csv = out_path (fixture, "全部.csv");
  g_autofree char *xlsx = out_path (fixture, "台账.xlsx");
  g_autofree char *pdf = out_path (fixture, "台账.pdf");
  g_autofree char *refused = out_path (fixture, "全部.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  AdwMessageDialog *dialog;
  XaHazardFilter filter;
  double width, height;
  guint n, n_all;

  /* One school's ledger of the current year, every row of it, not the list's page. */
  xa_hazard_filters_set_school (fixture->filters, fixture->school_uuid);
  xa_test_iterate ();
  n = count_filtered (fixture);
  g_assert_cmpuint (n, >, 3);
  xa_hazard_filters_get_filter (fixture->filters, &filter);
  prefix = xa_hazard_number_format (filter.school_year, "1101080001", 1, NULL);
  prefix[strlen (prefix) - 4] = '\0';

  export_to (fixture, XA_LEDGER_FORMAT_CSV, csv);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf隐患编号,"));
  g_assert_cmpuint (count_csv_rows (contents, prefix), ==, n);
  g_assert_nonnull (strstr (contents, "红旗小学"));
  g_assert_null (strstr (contents, "示例区实验小学"));
  g_clear_pointer (&contents, g_free);

  /* A filter narrower still: each state's hazards alone, and together the whole. */
  {
    guint sum = 0;

    for (int state = 0; state < XA_N_HAZARD_STATES; state++)
      {
        guint n_state;

        xa_hazard_filters_set_state (fixture->filters, state);
        xa_test_iterate ();
        n_state = count_filtered (fixture);
        export_to (fixture, XA_LEDGER_FORMAT_CSV, csv);
        g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
        g_assert_cmpuint (count_csv_rows (contents, prefix), ==, n_state);
        if (n_state > 0)
          g_assert_nonnull (strstr (contents, xa_hazard_state_to_label (state)));
        for (int other = 0; other < XA_N_HAZARD_STATES; other++)
          if (other != state)
            g_assert_null (strstr (contents, xa_hazard_state_to_label (other)));
        g_clear_pointer (&contents, g_free);
        sum += n_state;
      }
    g_assert_cmpuint (sum, ==, n);
  }
  xa_hazard_filters_set_state (fixture->filters, -1);
  xa_test_iterate ();

  export_to (fixture, XA_LEDGER_FORMAT_XLSX, xlsx);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));
  g_clear_pointer (&contents, g_free);

  /* The official ledger: its title names the school and the year; its pages are turned. */
  export_to (fixture, XA_LEDGER_FORMAT_PDF, pdf);
  document = open_pdf (pdf);
  text = xa_test_pdf_text (document);
  g_assert_nonnull (strstr (text, "红旗小学"));
  g_assert_nonnull (strstr (text, "学年度安全隐患排查整改台账"));
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, >, height);

  /* Every school: the table holds them all; the PDF, one school's, is refused. */
  xa_hazard_filters_set_school (fixture->filters, NULL);
  xa_test_iterate ();
  n_all = count_filtered (fixture);
  g_assert_cmpuint (n_all, >, n);
  export_to (fixture, XA_LEDGER_FORMAT_CSV, all_csv);
  g_assert_true (g_file_get_contents (all_csv, &contents, NULL, NULL));
  prefix[strlen ("2021-2022-")] = '\0';
  g_assert_cmpuint (count_csv_rows (contents, prefix), ==, n_all);
  g_assert_nonnull (strstr (contents, "示例区实验小学"));

  /* A folder that is not there: the dialog says why, and nothing is written. */
  {
    g_autofree char *missing = g_build_filename (fixture->ui.data_dir, "没有的文件夹", "台账.xlsx", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (missing);

    xa_hazard_file_actions_export (fixture->files, XA_LEDGER_FORMAT_XLSX, file);
    wait_for_files (fixture->files);
    dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Ledger Was Not Exported"));
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
    close_dialog (dialog);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.export", "s", "pdf");
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* (The app's words, in whichever language the build has them.) */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Ledger Was Not Exported"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   _("The ledger’s PDF is one school’s, of one school year: choose the school "
                     "and the year in the filters first"));
  close_dialog (dialog);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = out_path (fixture, "printed.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  double width, height;

  xa_hazard_filters_set_school (fixture->filters, fixture->school_uuid);
  xa_test_iterate ();
  xa_hazard_file_actions_set_print_file (fixture->files, file);

  /* Ctrl+P wherever the focus is in the section. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_p, GDK_CONTROL_MASK));
  wait_for_files (fixture->files);
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  document = open_pdf (path);
  text = xa_test_pdf_text (document);
  g_assert_nonnull (strstr (text, "红旗小学"));
  g_assert_nonnull (strstr (text, "学年度安全隐患排查整改台账"));
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, >, height);
}

/* The other school's ledger, made of this school's export: the numbers left out (the
 * import gives the next ones) and the school's name changed. */
static char *
dup_import_text (const char *exported,
                 const char *prefix)
{
  g_autoptr(GRegex) number = g_regex_new ("^[0-9]{4}-[0-9]{4}-[0-9]{10}-[0-9]{4}", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *unnumbered = g_regex_replace_literal (number, exported, -1, 0, "", 0, NULL);
  g_autoptr(GString) text = g_string_new (unnumbered);

  g_string_replace (text, "红旗小学", "示例区实验小学", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
import_from (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  xa_hazard_file_actions_import (fixture->files, file);
  wait_for_files (fixture->files);
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *exported = out_path (fixture, "红旗.csv");
  g_autofree char *good = out_path (fixture, "good.csv");
  g_autofree char *bad = out_path (fixture, "bad.csv");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *bad_text = NULL;
  AdwMessageDialog *dialog;
  guint n_rows, before;

  /* Every school shown: the import asks for one before any file. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "hazards.import", NULL);
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("The Ledger Was Not Imported"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, _("Choose a school in the filters first"));
  close_dialog (dialog);

  xa_hazard_filters_set_school (fixture->filters, fixture->school_uuid);
  xa_test_iterate ();
  n_rows = count_filtered (fixture);
  export_to (fixture, XA_LEDGER_FORMAT_CSV, exported);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  text = dup_import_text (contents, NULL);
  g_assert_true (g_file_set_contents (good, text, -1, NULL));

  /* Line 3 carries another school's number: refused, with the file and the line. */
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 4);
  {
    char *line = g_strconcat ("2021-2022-1101080004-0001", lines[2], NULL);

    g_free (lines[2]);
    lines[2] = line;
  }
  bad_text = g_strjoinv ("\n", lines);
  g_assert_true (g_file_set_contents (bad, bad_text, -1, NULL));

  xa_hazard_filters_set_school (fixture->filters, fixture->other_uuid);
  xa_test_iterate ();
  before = count_filtered (fixture);
  import_from (fixture, bad);
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  message = dup_dialog_text (dialog);
  g_assert_nonnull (strstr (message, _("The Ledger Was Not Imported")));
  g_assert_nonnull (strstr (message, "bad.csv:3: "));
  g_assert_null (strstr (message, "bad.csv:2: "));
  g_assert_null (strstr (message, "bad.csv:4: "));
  close_dialog (dialog);
  g_assert_cmpuint (count_filtered (fixture), ==, before);

  /* The good file: every row stored, the table with them. */
  import_from (fixture, good);
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_filtered (fixture), ==, before + n_rows);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_hazards_page_get_hazards (fixture->page)), ==, before + n_rows);
}

/* A menu item's words without its mnemonic, as the model button shows them: 打印(P)…
 * for 打印(_P)…, Print Closing… for Print _Closing…. */
static char *
dup_without_mnemonic (const char *text)
{
  g_autoptr(GRegex) mnemonic = g_regex_new ("\\(_?[A-Z]\\)|_", 0, 0, NULL);

  return g_regex_replace_literal (mnemonic, text, -1, 0, "", 0, NULL);
}

/* The item of a popover menu that says @label (its model button's text). */
static GtkWidget *
find_item (GtkWidget  *widget,
           const char *label)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    {
      g_autofree char *text = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *wanted = dup_without_mnemonic (label);

      g_object_get (widget, "text", &text, NULL);
      shown = dup_without_mnemonic (text ? text : "");
      if (g_str_equal (shown, wanted))
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static XaHazard *
dup_first (Fixture *fixture,
           int      state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  XaHazardFilter filter;

  xa_hazard_filter_init (&filter);
  filter.school_uuid = fixture->school_uuid;
  filter.state = state;
  hazards = xa_hazard_book_read_page (fixture->book, &filter, XA_HAZARD_SORT_NUMBER, FALSE, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hazards->len, ==, 1);
  return g_object_ref (hazards->pdata[0]);
}

static void
test_forms (Fixture       *fixture,
            gconstpointer  data)
{
  XaHazardDetail *detail = xa_hazards_page_get_detail (fixture->page);
  XaHazardFileActions *files = xa_hazard_detail_get_file_actions (detail);
  GtkMenuButton *button = xa_test_template_child (detail, XA_TYPE_HAZARD_DETAIL, "forms_button");
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_autoptr(XaHazard) open = dup_first (fixture, XA_HAZARD_STATE_PENDING);
  g_autoptr(XaHazard) closed = dup_first (fixture, XA_HAZARD_STATE_CLOSED);
  g_autofree char *notice = out_path (fixture, "通知书.pdf");
  g_autofree char *closing = out_path (fixture, "销号单.pdf");
  g_autoptr(GFile) notice_file = g_file_new_for_path (notice);
  g_autoptr(GFile) closing_file = g_file_new_for_path (closing);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerDocument) closing_document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *closing_text = NULL;
  GtkWidget *print_closing;
  GtkWidget *export_closing;
  GtkWidget *export_notice;

  /* An open hazard: its notice, and no closing form; the core says why. */
  xa_hazard_detail_show_hazard (detail, open);
  xa_test_iterate ();
  gtk_menu_button_popup (button);
  xa_test_iterate ();
  print_closing = find_item (popover, _("Print _Closing Form…"));
  export_closing = find_item (popover, _("Export C_losing Form as PDF…"));
  export_notice = find_item (popover, _("E_xport Rectification Notice as PDF…"));
  g_assert_nonnull (print_closing);
  g_assert_nonnull (export_closing);
  g_assert_nonnull (export_notice);
  g_assert_false (gtk_widget_get_sensitive (print_closing));
  g_assert_false (gtk_widget_get_sensitive (export_closing));
  g_assert_true (gtk_widget_get_sensitive (export_notice));
  {
    g_autoptr(GError) error = NULL;
    GtkWidget *hint = NULL;

    g_assert_false (xa_hazard_check_closed (open, &error));
    for (GtkWidget *w = gtk_widget_get_first_child (popover); w != NULL && hint == NULL; )
      {
        /* The hint is the only label that says the core's words. */
        if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (w)), error->message) == 0)
          hint = w;
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != popover && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w != popover ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (hint);
    g_assert_true (gtk_widget_get_visible (hint));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (hint), ==, error->message);
  }
  gtk_popover_popdown (GTK_POPOVER (popover));
  xa_test_iterate ();

  xa_hazard_file_actions_export_form (files, open, FALSE, notice_file);
  wait_for_files (files);
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  document = open_pdf (notice);
  text = xa_test_pdf_text (document);
  g_assert_nonnull (strstr (text, "整改通知书"));
  g_assert_nonnull (strstr (text, "红旗小学"));

  /* Asked for anyway, the closing form of an open hazard is refused, nothing written. */
  xa_hazard_file_actions_export_form (files, open, TRUE, closing_file);
  xa_test_iterate ();
  g_assert_nonnull (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  close_dialog (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (g_file_test (closing, G_FILE_TEST_EXISTS));

  /* A closed hazard: its closing form. */
  xa_hazard_detail_show_hazard (detail, closed);
  xa_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (print_closing));
  g_assert_true (gtk_widget_get_sensitive (export_closing));
  xa_hazard_file_actions_export_form (files, closed, TRUE, closing_file);
  wait_for_files (files);
  g_assert_null (xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  closing_document = open_pdf (closing);
  closing_text = xa_test_pdf_text (closing_document);
  g_assert_nonnull (strstr (closing_text, "销号"));
  g_assert_nonnull (strstr (closing_text, xa_hazard_get_number (closed) + strlen (xa_hazard_get_number (closed)) - 4));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/xiaoan/hazard-files-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("export", test_export);
  ADD ("print", test_print);
  ADD ("import", test_import);
  ADD ("forms", test_forms);

  return g_test_run ();
}
