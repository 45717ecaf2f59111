/* test-inspections-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 检查 section of the real window over a store in a temporary folder, three demo
 * schools, on 27 October 2021: an inspection recorded from the keyboard (Ctrl+N, the
 * fields, a checklist added, an item marked abnormal with Space on its row and its
 * problem typed, Ctrl+S), the item turned into a hazard of the ledger through its
 * dialog, linked both ways in the database; the record listed with its badge; the plan
 * with its missed and done slots; the missed inspections of every school; the campaigns
 * launched and their grid following a school's record; the inspection's record exported
 * as a PDF and read back, and Ctrl+P opening the print dialog; a school's record of a
 * campaign edited from the grid's cell, saved, and its unsaved edits asked about. Screenshots for a person
 * to look at when $XA_TEST_SCREENSHOTS names a folder.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "document/xa-test-pdf.h"
#include "ui/inspections/xa-campaign-editor.h"
#include "ui/inspections/xa-inspection-editor.h"
#include "ui/inspections/xa-inspection-hazard-dialog.h"
#include "ui/inspections/xa-inspections-page.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture    ui;
  XaInspectionBook  *book;   /* the workspace's */
  XaWindow          *window;
  XaInspectionsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "inspections", TRUE, 3);
  fixture->book = xa_workspace_get_inspections (fixture->ui.workspace);
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "inspections");
  fixture->page = XA_INSPECTIONS_PAGE (_xa_window_get_page (fixture->window, "inspections"));
  xa_inspections_page_set_today (fixture->page, "2021-10-27");
  xa_inspections_page_set_year (fixture->page, 2021);
  xa_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return xa_test_query_int (xa_workspace_get_store (fixture->ui.workspace), sql);
}

static void
type_into (gpointer    row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  xa_test_iterate ();
}

static GtkWidget *
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (widget), type, name));
}

static void
wait_while_busy (XaInspectionEditor *editor)
{
  while (xa_inspection_editor_get_busy (editor))
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
}

/* The saved inspection's record, exported off the main thread and read back: the school,
 * the head, the item's problem and its hazard, the count; not while an edit is unsaved.
 * Ctrl+P lays it out and opens the print dialog. */
static void
export_and_print (Fixture            *fixture,
                  XaInspectionEditor *editor,
                  const char         *hazard_number)
{
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, "检查记录.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *title = NULL;
  XaOrganisation *school = NULL;
  XaInspection *inspection = xa_inspection_editor_get_inspection (editor);
  GtkWindow *print_dialog;

  xa_inspection_editor_export_to_file (editor, file);
  g_assert_true (xa_inspection_editor_get_busy (editor));
  wait_while_busy (editor);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  for (guint i = 0; i < g_list_model_get_n_items (xa_school_registry_get_schools (
                       xa_workspace_get_registry (fixture->ui.workspace))) && school == NULL; i++)
    {
      g_autoptr(XaOrganisation) candidate = g_list_model_get_item (xa_school_registry_get_schools (
                                                xa_workspace_get_registry (fixture->ui.workspace)), i);

      if (g_strcmp0 (xa_organisation_get_uuid (candidate), xa_inspection_get_school_uuid (inspection)) == 0)
        school = candidate;
    }
  g_assert_nonnull (school);
  title = g_strdup_printf ("%s安全检查记录表", xa_organisation_get_name (school));
  g_assert_nonnull (strstr (squeezed, title));
  g_assert_nonnull (strstr (squeezed, xa_inspection_get_number (inspection)));
  g_assert_nonnull (strstr (squeezed, "检查类型月查"));
  g_assert_nonnull (strstr (squeezed, "带队领导王副校长"));
  g_assert_nonnull (strstr (squeezed, "配电箱旁电线裸露"));
  g_assert_nonnull (strstr (squeezed, hazard_number));
  g_assert_nonnull (strstr (squeezed, "检查7项，异常1项，其中1项已转入隐患台账"));

  /* An edit not saved: nothing is exported (the file is the record as stored). */
  g_assert_true (g_unlink (path) == 0);
  type_into (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "remarks_row"), "未保存的备注");
  g_assert_true (xa_inspection_editor_get_dirty (editor));
  xa_inspection_editor_export_to_file (editor, file);
  g_assert_false (xa_inspection_editor_get_busy (editor));
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Ctrl+P: laid out in a worker, then the print dialog. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_p, GDK_CONTROL_MASK));
  wait_while_busy (editor);
  print_dialog = xa_test_find_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (print_dialog);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (print_dialog), ==, "GtkPrintUnixDialog");
  gtk_dialog_response (GTK_DIALOG (print_dialog), GTK_RESPONSE_CANCEL);
  xa_test_iterate ();
}

static void
test_record_and_hazard (Fixture       *fixture,
                        gconstpointer  data)
{
  XaInspectionEditor *editor;
  XaInspectionHazardDialog *dialog;
  GtkWidget *row;
  GtkWidget *note;
  XaInspection *inspection;
  GListModel *records = xa_inspections_page_get_records (fixture->page);
  g_autofree char *hazard_number = NULL;

  xa_test_screenshot (GTK_WIDGET (fixture->window), "inspections-empty");

  /* Ctrl+N: a new inspection of the school shown, on the day. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_n, GDK_CONTROL_MASK));
  editor = xa_test_find_toplevel (XA_TYPE_INSPECTION_EDITOR);
  g_assert_nonnull (editor);
  inspection = xa_inspection_editor_get_inspection (editor);
  g_assert_cmpstr (xa_inspection_get_inspected_on (inspection), ==, "2021-10-27");
  g_assert_cmpstr (xa_inspection_get_school_uuid (inspection), ==, xa_inspections_page_get_school_uuid (fixture->page));

  /* The fields, then 用电's checklist: the focus goes to its first item. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "type_row")), 2);
  type_into (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "date_row"), "2021-10-26");
  type_into (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "leader_row"), "王副校长");
  type_into (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "inspectors_row"), "总务处张老师");
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "checklist_row")), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-checklist", NULL));
  xa_test_iterate ();
  g_assert_cmpuint (xa_inspection_get_n_items (inspection), ==, 7);
  row = xa_inspection_editor_get_item_row (editor, 0, FALSE);
  g_assert_true (gtk_widget_has_focus (row) || gtk_widget_is_focus (row) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), row));

  /* Space on the second item's row marks it abnormal and opens the row of its problem. */
  row = xa_inspection_editor_get_item_row (editor, 1, FALSE);
  note = xa_inspection_editor_get_item_row (editor, 1, TRUE);
  g_assert_false (gtk_widget_get_visible (note));
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_activate (row));
  xa_test_iterate ();
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_cmpint (xa_inspection_item_get_result (xa_inspection_get_item (inspection, 1)), ==,
                   XA_INSPECTION_RESULT_ABNORMAL);
  g_assert_true (xa_inspection_editor_get_dirty (editor));

  /* Saved without a problem written: refused, and the focus is where to write it. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM inspection"), ==, 0);
  g_assert_true (gtk_widget_get_visible (template_child (editor, XA_TYPE_INSPECTION_EDITOR, "error_label")));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)), note) ||
                 gtk_window_get_focus (GTK_WINDOW (editor)) == note);

  type_into (note, "配电箱旁电线裸露");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (xa_inspection_editor_get_dirty (editor));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM inspection WHERE inspection_type = 'monthly'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM inspection_item WHERE result = 'abnormal'"
                                       " AND note = '配电箱旁电线裸露'"), ==, 1);
  g_assert_true (g_str_has_suffix (xa_inspection_get_number (inspection), "-JC0001"));
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  xa_test_screenshot (GTK_WIDGET (editor), "inspection-editor");

  /* To the ledger: the dialog prefilled from the item; the user adds the rest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.record-hazard", "u", 1));
  dialog = xa_test_find_toplevel (XA_TYPE_INSPECTION_HAZARD_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (xa_hazard_get_text (xa_inspection_hazard_dialog_get_hazard (dialog), XA_HAZARD_FIELD_DESCRIPTION),
                   ==, "配电箱旁电线裸露");
  type_into (template_child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "measures_row"), "包扎电线，加装线槽");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  /* Refused without a place: said under the fields, nothing stored. */
  g_assert_true (gtk_widget_get_visible (template_child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "error_label")));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM hazard"), ==, 0);
  type_into (template_child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "place_row"), "教学楼三楼东侧");
  type_into (template_child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "department_row"), "总务处");
  type_into (template_child (dialog, XA_TYPE_INSPECTION_HAZARD_DIALOG, "responsible_row"), "李主任");
  xa_test_screenshot (GTK_WIDGET (dialog), "inspection-hazard-dialog");
  g_object_ref (dialog);
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  hazard_number = g_strdup (xa_hazard_get_number (xa_inspection_hazard_dialog_get_hazard (dialog)));
  g_object_unref (dialog);
  xa_test_iterate ();

  /* Linked both ways: the item shows the hazard's number, the database agrees. */
  g_assert_true (g_str_has_suffix (hazard_number, "-0001"));
  inspection = xa_inspection_editor_get_inspection (editor);
  g_assert_cmpstr (xa_inspection_item_get_hazard_number (xa_inspection_get_item (inspection, 1)), ==, hazard_number);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM inspection_item t JOIN hazard h ON h.id = t.hazard_id"
                                       " WHERE h.place = '教学楼三楼东侧' AND h.found_on = '2021-10-26'"
                                       " AND h.inspection_type = 'monthly' AND h.category = 'electricity'"), ==, 1);
  xa_test_screenshot (GTK_WIDGET (editor), "inspection-editor-linked");

  export_and_print (fixture, editor, hazard_number);

  /* Closed: the record's badge says its abnormal item is in the ledger. */
  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_INSPECTION_EDITOR));
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "inspections-records");
  xa_test_assert_chain_holds (xa_workspace_get_store (fixture->ui.workspace));
}

/* The text of the grid's cell: a label, or the label of a campaign's button. */
static const char *
cell_text (GtkWidget *grid,
           int        column,
           guint      row)
{
  GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (grid), column, (int) row);

  if (GTK_IS_BUTTON (cell))
    cell = gtk_button_get_child (GTK_BUTTON (cell));
  return gtk_label_get_text (GTK_LABEL (cell));
}

static char *
buffer_text (gpointer view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (gpointer    view,
                 const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  xa_test_iterate ();
}

/* The second school's cell of the third campaign opens its record. */
static XaCampaignEditor *
open_campaign_cell (GtkWidget *grid)
{
  GtkWidget *cell = gtk_grid_get_child_at (GTK_GRID (grid), 2 + 2, 2);

  g_assert_true (GTK_IS_BUTTON (cell));
  g_signal_emit_by_name (cell, "clicked");
  xa_test_iterate ();
  return xa_test_find_toplevel (XA_TYPE_CAMPAIGN_EDITOR);
}

/* A cell of the campaigns' grid opens the school's record of the campaign: the three
 * parts typed in several lines and saved together with Ctrl+S, the grid following (◐,
 * then ● and the count); closing with an edit asks, and 取消 stays, 放弃 drops it; the
 * record opens again as stored. */
static void
test_campaign_editor (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *grid = template_child (fixture->page, XA_TYPE_INSPECTIONS_PAGE, "campaign_grid");
  XaCampaignEditor *editor;
  AdwMessageDialog *dialog;
  g_autofree char *plan = NULL;

  xa_inspections_page_show_view (fixture->page, "campaigns");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inspections.launch-campaigns", NULL));
  xa_test_iterate ();
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "○");

  editor = open_campaign_cell (grid);
  g_assert_nonnull (editor);
  g_assert_false (xa_campaign_editor_get_dirty (editor));

  /* The plan alone: saved, the cell under way, nothing complete yet. */
  set_buffer_text (xa_test_template_child (editor, XA_TYPE_CAMPAIGN_EDITOR, "plan_view"),
                   "一、成立食品安全工作领导小组\n二、每周检查食堂进货台账");
  g_assert_true (xa_campaign_editor_get_dirty (editor));
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "○");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_false (xa_campaign_editor_get_dirty (editor));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_record"
                                       " WHERE plan = '一、成立食品安全工作领导小组' || char(10) || '二、每周检查食堂进货台账'"), ==, 1);
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "◐");
  g_assert_cmpstr (cell_text (grid, 1, 2), ==, "0/15");

  /* The activities and the summary: complete. */
  set_buffer_text (xa_test_template_child (editor, XA_TYPE_CAMPAIGN_EDITOR, "activities_view"),
                   "5月20日全校食品安全教育\n6月3日应急疏散演练");
  set_buffer_text (xa_test_template_child (editor, XA_TYPE_CAMPAIGN_EDITOR, "summary_view"), "全年无食物中毒事件");
  xa_test_screenshot (GTK_WIDGET (editor), "campaign-editor");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (editor), GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_record WHERE summary = '全年无食物中毒事件'"
                                       " AND activities LIKE '%应急疏散演练'"), ==, 1);
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "●");
  g_assert_cmpstr (cell_text (grid, 1, 2), ==, "1/15");

  /* An edit, then closing: asked; 取消 stays with the edit. */
  set_buffer_text (xa_test_template_child (editor, XA_TYPE_CAMPAIGN_EDITOR, "summary_view"), "未保存的总结");
  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (XA_TYPE_CAMPAIGN_EDITOR) == editor);
  g_assert_true (xa_campaign_editor_get_dirty (editor));

  /* 放弃: closed, the stored summary kept. */
  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_CAMPAIGN_EDITOR));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_record WHERE summary = '全年无食物中毒事件'"), ==, 1);

  /* Opened again: the record as stored, its lines kept. */
  editor = open_campaign_cell (grid);
  g_assert_nonnull (editor);
  plan = buffer_text (xa_test_template_child (editor, XA_TYPE_CAMPAIGN_EDITOR, "plan_view"));
  g_assert_cmpstr (plan, ==, "一、成立食品安全工作领导小组\n二、每周检查食堂进货台账");
  g_assert_false (xa_campaign_editor_get_dirty (editor));
  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_CAMPAIGN_EDITOR));
  xa_test_assert_chain_holds (xa_workspace_get_store (fixture->ui.workspace));
}

static void
test_plan_missed_and_campaigns (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) inspection = xa_inspection_new ();
  g_autoptr(GPtrArray) checklists = xa_inspection_book_dup_checklists (fixture->book, &error);
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(XaCampaignRecord) record = NULL;
  GListModel *missed = xa_inspections_page_get_missed (fixture->page);
  GtkWidget *grid = template_child (fixture->page, XA_TYPE_INSPECTIONS_PAGE, "campaign_grid");
  guint n_missed;

  /* Every school missed September's checks so far. */
  n_missed = g_list_model_get_n_items (missed);
  g_assert_cmpuint (n_missed, >, 3 * 5);

  /* A semester check of the school shown, recorded elsewhere: the page follows. */
  xa_inspection_set_school_uuid (inspection, xa_inspections_page_get_school_uuid (fixture->page));
  xa_inspection_set_school_year (inspection, 2021);
  xa_inspection_set_inspection_type (inspection, XA_INSPECTION_SEMESTER);
  xa_inspection_set_inspected_on (inspection, "2021-09-02");
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_add_checklist (inspection, g_ptr_array_index (checklists, 0));
  g_assert_true (xa_inspection_book_add (fixture->book, inspection, &error));
  g_assert_no_error (error);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (missed), <, n_missed);

  xa_inspections_page_show_view (fixture->page, "plan");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "inspections-plan");
  xa_inspections_page_show_view (fixture->page, "missed");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "inspections-missed");

  /* Campaigns: none before they are launched; then the grid, a school's row following
   * its record. */
  xa_inspections_page_show_view (fixture->page, "campaigns");
  g_assert_null (gtk_widget_get_first_child (grid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inspections.launch-campaigns", NULL));
  xa_test_iterate ();
  /* A header row, then a row per school: name, count, 15 cells. */
  g_assert_nonnull (gtk_grid_get_child_at (GTK_GRID (grid), 16, 3));
  campaigns = xa_inspection_book_list_campaigns (fixture->book, 2021, &error);
  record = xa_inspection_book_dup_campaign_record (fixture->book, xa_campaign_get_uuid (g_ptr_array_index (campaigns, 4)),
                                                   xa_inspections_page_get_school_uuid (fixture->page), &error);
  xa_campaign_record_set_plan (record, "防溺水工作方案");
  xa_campaign_record_set_activities (record, "主题班会");
  xa_campaign_record_set_summary (record, "全年无溺水事故");
  g_assert_true (xa_inspection_book_save_campaign_record (fixture->book, record, &error));
  g_assert_no_error (error);
  xa_test_iterate ();
  {
    g_autoptr(XaCampaignGrid) stored = xa_inspection_book_dup_campaign_grid (fixture->book, 2021, &error);
    guint row = 0;

    for (guint s = 0; s < xa_campaign_grid_get_n_schools (stored); s++)
      if (g_str_equal (xa_campaign_grid_get_school_uuid (stored, s), xa_inspections_page_get_school_uuid (fixture->page)))
        row = s + 1;
    g_assert_cmpstr (cell_text (grid, 6, row), ==, "●");
    g_assert_cmpstr (cell_text (grid, 1, row), ==, "1/15");
  }
  xa_test_screenshot (GTK_WIDGET (fixture->window), "inspections-campaigns");
}

/* The campaign record's files: chosen files attached off the main thread, one refused by
 * name while the other is kept; the cell counts the attached part as done; a file removed
 * after a question. */
static void
test_campaign_files (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *grid = template_child (fixture->page, XA_TYPE_INSPECTIONS_PAGE, "campaign_grid");
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-campaign-files-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "食品安全工作方案.pdf", NULL);
  g_autofree char *misnamed = g_build_filename (dir, "总结.docx", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) misnamed_file = g_file_new_for_path (misnamed);
  g_autoptr(XaCampaignAttachment) attached = NULL;
  XaCampaignAttachmentList *list;
  XaCampaignEditor *editor;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n% 方案\n%%EOF\n", -1, NULL));
  g_assert_true (g_file_set_contents (misnamed, "not a document", -1, NULL));
  g_list_store_append (files, pdf_file);
  g_list_store_append (files, misnamed_file);

  xa_inspections_page_show_view (fixture->page, "campaigns");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inspections.launch-campaigns", NULL));
  xa_test_iterate ();
  editor = open_campaign_cell (grid);
  g_assert_nonnull (editor);
  list = xa_campaign_editor_get_attachment_list (editor);
  g_assert_cmpuint (g_list_model_get_n_items (xa_campaign_attachment_list_get_attachments (list)), ==, 0);

  xa_campaign_attachment_list_attach (list, XA_CAMPAIGN_PART_PLAN, G_LIST_MODEL (files));
  xa_test_wait_for_boolean (list, "busy", FALSE);
  xa_test_iterate ();

  /* The refused file is named; the other is kept, and the text was never saved. */
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "总结.docx"));
  adw_message_dialog_response (dialog, "close");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_campaign_attachment_list_get_attachments (list)), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_attachment WHERE part = 'plan'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_record"), ==, 0);
  g_assert_false (xa_campaign_editor_get_dirty (editor));
  xa_test_screenshot (GTK_WIDGET (editor), "campaign-files");
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "◐");

  attached = g_list_model_get_item (xa_campaign_attachment_list_get_attachments (list), 0);
  g_assert_cmpstr (xa_campaign_attachment_get_file_name (attached), ==, "食品安全工作方案.pdf");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "attachments.remove", "s",
                                             xa_campaign_attachment_get_uuid (attached)));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "食品安全工作方案.pdf"));
  adw_message_dialog_response (dialog, "confirm");
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (xa_campaign_attachment_list_get_attachments (list)), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_attachment"), ==, 0);
  g_assert_cmpstr (cell_text (grid, 4, 2), ==, "○");

  gtk_window_close (GTK_WINDOW (editor));
  xa_test_iterate ();
  xa_test_remove_tree (dir);
}

/* Closing the main window with an editor open over it asks about the editor's edits:
 * 取消 keeps both windows and the edit, 保存 stores it and closes. */
static void
test_close_with_editor (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *grid = template_child (fixture->page, XA_TYPE_INSPECTIONS_PAGE, "campaign_grid");
  XaCampaignEditor *editor;
  AdwMessageDialog *dialog;

  xa_inspections_page_show_view (fixture->page, "campaigns");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "inspections.launch-campaigns", NULL));
  xa_test_iterate ();
  editor = open_campaign_cell (grid);
  g_assert_nonnull (editor);
  set_buffer_text (xa_test_template_child (editor, XA_TYPE_CAMPAIGN_EDITOR, "summary_view"), "关窗前写下的总结");
  g_assert_true (xa_campaign_editor_get_dirty (editor));

  gtk_window_close (GTK_WINDOW (fixture->window));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  xa_test_iterate ();
  g_assert_true (xa_test_find_toplevel (XA_TYPE_CAMPAIGN_EDITOR) == editor);
  g_assert_true (xa_campaign_editor_get_dirty (editor));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_record"), ==, 0);

  gtk_window_close (GTK_WINDOW (fixture->window));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  xa_test_iterate ();
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM campaign_record WHERE summary = '关窗前写下的总结'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/inspections/record-and-hazard", Fixture, NULL, fixture_set_up, test_record_and_hazard,
              fixture_tear_down);
  g_test_add ("/xa/inspections/plan-missed-and-campaigns", Fixture, NULL, fixture_set_up,
              test_plan_missed_and_campaigns, fixture_tear_down);
  g_test_add ("/xa/inspections/close-with-editor", Fixture, NULL, fixture_set_up, test_close_with_editor,
              fixture_tear_down);
  g_test_add ("/xa/inspections/campaign-files", Fixture, NULL, fixture_set_up, test_campaign_files,
              fixture_tear_down);
  g_test_add ("/xa/inspections/campaign-editor", Fixture, NULL, fixture_set_up, test_campaign_editor,
              fixture_tear_down);

  return g_test_run ();
}
