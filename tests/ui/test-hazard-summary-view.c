/* test-hazard-summary-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 汇总 page of the 隐患台账 section in the real window (issue 11): over a store of
 * the four example schools and last school year's hazards (two overdue and one due
 * later at 红旗小学 with a 重大 one under 挂牌督办, one overdue at 实验小学, none at the
 * others), the counts it shows are right, the 重大 hazard activated opens it selected in
 * the 台账, and the 督办通知 exported for 红旗小学 is a PDF (read back with Poppler) that
 * names the school and its overdue hazards' numbers and no other. A school's own
 * install has no 汇总.
 */

#include "config.h"

#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/util/xa-school-year.h"
#include "document/xa-poppler-private.h"
#include "document/xa-test-pdf.h"
#include "ui/hazards/xa-hazard-summary-item.h"
#include "ui/hazards/xa-hazard-summary-view.h"
#include "ui/hazards/xa-hazard-selection.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture      ui;
  XaHazardBook        *book;
  XaSchoolRegistry    *registry;
  XaWindow            *window;
  XaHazardsPage       *page;
  XaHazardSummaryView *view;
  AdwViewStack        *stack;
  int                  year;        /* last school year: all its early deadlines past */
  char                *hongqi;      /* 红旗小学's uuid */
  char                *shiyan;      /* 示例区实验小学's */
  char                *overdue[3];  /* 红旗小学's two, 实验小学's one */
  char                *later;       /* 红旗小学's due in two years */
  char                *major;       /* 红旗小学's 重大, under 挂牌督办, due later */
} Fixture;

static char *
school_uuid (Fixture    *fixture,
             const char *code)
{
  g_autoptr(XaOrganisation) school = xa_school_registry_dup_school_by_code (fixture->registry, code, NULL);

  g_assert_nonnull (school);
  return g_strdup (xa_organisation_get_uuid (school));
}

static char *
add_hazard (Fixture       *fixture,
            const char    *school,
            const char    *place,
            const char    *deadline,
            XaHazardGrade  grade)
{
  g_autoptr(XaHazard) hazard = xa_hazard_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *found_on = g_strdup_printf ("%d-10-08", fixture->year);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, school);
  xa_hazard_set_school_year (hazard, fixture->year);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "张老师");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
  xa_hazard_set_category (hazard, XA_HAZARD_CATEGORY_FIRE);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "灭火器过期");
  xa_hazard_set_grade (hazard, grade);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "更换灭火器");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  if (grade == XA_HAZARD_GRADE_MAJOR)
    {
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES, "拉警戒线");
      xa_hazard_set_reported (hazard, TRUE);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REPORTED_ON, found_on);
      xa_hazard_set_supervised (hazard, TRUE);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SUPERVISOR, "示例区教委");
    }
  g_assert_true (xa_hazard_book_add (fixture->book, hazard, &error));
  g_assert_no_error (error);
  return g_strdup (xa_hazard_get_number (hazard));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = g_date_new ();
  g_autofree char *early = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *far = NULL;

  xa_test_ui_fixture_set_up (&fixture->ui, "hazard-summary", FALSE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);
  fixture->book = xa_workspace_get_hazards (fixture->ui.workspace);
  xa_test_add_example_schools (fixture->registry);
  fixture->hongqi = school_uuid (fixture, "1101080001");
  fixture->shiyan = school_uuid (fixture, "1101080002");

  g_date_set_time_t (today, time (NULL));
  fixture->year = xa_school_year_for_date (today) - 1;
  earlier = g_strdup_printf ("%d-10-20", fixture->year);
  early = g_strdup_printf ("%d-11-01", fixture->year);
  far = g_strdup_printf ("%d-06-30", fixture->year + 3);
  fixture->overdue[0] = add_hazard (fixture, fixture->hongqi, "教学楼一楼", earlier, XA_HAZARD_GRADE_GENERAL);
  fixture->overdue[1] = add_hazard (fixture, fixture->hongqi, "食堂后厨", early, XA_HAZARD_GRADE_GENERAL);
  fixture->later = add_hazard (fixture, fixture->hongqi, "操场看台", far, XA_HAZARD_GRADE_GENERAL);
  fixture->major = add_hazard (fixture, fixture->hongqi, "锅炉房", far, XA_HAZARD_GRADE_MAJOR);
  fixture->overdue[2] = add_hazard (fixture, fixture->shiyan, "图书馆", early, XA_HAZARD_GRADE_GENERAL);

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, 1366, 768, "hazards");
  fixture->page = XA_HAZARDS_PAGE (_xa_window_get_page (fixture->window, "hazards"));
  fixture->view = xa_test_template_child (fixture->page, XA_TYPE_HAZARDS_PAGE, "summary");
  fixture->stack = xa_test_template_child (fixture->page, XA_TYPE_HAZARDS_PAGE, "view_stack");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
  g_free (fixture->hongqi);
  g_free (fixture->shiyan);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->overdue); i++)
    g_free (fixture->overdue[i]);
  g_free (fixture->later);
  g_free (fixture->major);
}

/* Shows the 汇总 of last year and waits for its counts. */
static const XaHazardSummary *
show_summary (Fixture *fixture)
{
  const XaHazardSummary *summary = NULL;

  adw_view_stack_set_visible_child_name (fixture->stack, "summary");
  xa_test_iterate ();
  xa_hazard_summary_view_set_school_year (fixture->view, fixture->year);
  for (guint i = 0; i < XA_TEST_MAX_ITERATIONS; i++)
    {
      summary = xa_hazard_summary_view_get_summary (fixture->view);
      if (summary != NULL && summary->school_year == fixture->year &&
          !xa_hazard_summary_view_get_loading (fixture->view))
        break;
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_nonnull (summary);
  g_assert_cmpint (summary->school_year, ==, fixture->year);
  return summary;
}

/* Each school's 打印督办通知 and 导出 buttons: enabled for a school with overdue hazards,
 * disabled for one without, and a tooltip on either saying why. */
static guint
check_notice_buttons (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_notice_buttons (child);

  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "xa-list-item") != NULL)
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "xa-list-item");
      const XaHazardSchoolCount *count = xa_hazard_summary_item_get (gtk_list_item_get_item (item));

      g_assert_cmpint (gtk_widget_get_sensitive (widget), ==, count->n_overdue > 0);
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      n++;
    }

  return n;
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  const XaHazardSummary *summary = show_summary (fixture);
  const XaHazardSchoolCount *hongqi = xa_hazard_summary_find_school (summary, fixture->hongqi);
  const XaHazardSchoolCount *shiyan = xa_hazard_summary_find_school (summary, fixture->shiyan);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (xa_hazard_summary_view_get_schools_view (fixture->view)));
  GListModel *majors = G_LIST_MODEL (gtk_list_view_get_model (xa_hazard_summary_view_get_majors_view (fixture->view)));
  const XaMajorHazard *major;
  g_autoptr(XaHazardSummaryItem) item = NULL;

  /* Every school a row, those without hazards with zeros. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, XA_TEST_N_EXAMPLE_SCHOOLS);
  g_assert_cmpuint (hongqi->n_open, ==, 4);
  g_assert_cmpuint (hongqi->n_overdue, ==, 2);
  g_assert_cmpuint (hongqi->n_major_open, ==, 1);
  g_assert_cmpuint (hongqi->n_open_by_category[XA_HAZARD_CATEGORY_FIRE], ==, 4);
  g_assert_cmpuint (hongqi->n_overdue_by_category[XA_HAZARD_CATEGORY_FIRE], ==, 2);
  g_assert_cmpuint (shiyan->n_open, ==, 1);
  g_assert_cmpuint (shiyan->n_overdue, ==, 1);
  g_assert_cmpuint (summary->total.n_overdue, ==, 3);

  /* Two buttons a school: two of the four have something overdue. */
  g_assert_cmpuint (check_notice_buttons (GTK_WIDGET (xa_hazard_summary_view_get_schools_view (fixture->view))), ==,
                    2 * XA_TEST_N_EXAMPLE_SCHOOLS);

  /* Sorted by 逾期, the fewest first: the two schools without, then 实验小学, then 红旗小学
   * (by their codes they come first). */
  {
    GtkColumnView *table = xa_hazard_summary_view_get_schools_view (fixture->view);
    /* The third column: 学校, 未销号, 逾期. */
    g_autoptr(GtkColumnViewColumn) overdue = g_list_model_get_item (gtk_column_view_get_columns (table), 2);
    g_autoptr(XaHazardSummaryItem) first = NULL;
    g_autoptr(XaHazardSummaryItem) second = NULL;

    gtk_column_view_sort_by_column (table, overdue, GTK_SORT_ASCENDING);
    first = g_list_model_get_item (rows, 2);
    second = g_list_model_get_item (rows, 3);
    g_assert_cmpstr (((const XaHazardSchoolCount *) xa_hazard_summary_item_get (first))->school_uuid, ==,
                     fixture->shiyan);
    g_assert_cmpstr (((const XaHazardSchoolCount *) xa_hazard_summary_item_get (second))->school_uuid, ==,
                     fixture->hongqi);
  }

  /* The 重大 one, under 挂牌督办. */
  g_assert_cmpuint (g_list_model_get_n_items (majors), ==, 1);
  item = g_list_model_get_item (majors, 0);
  major = xa_hazard_summary_item_get (item);
  g_assert_cmpstr (major->number, ==, fixture->major);
  g_assert_true (major->supervised);
  g_assert_false (major->overdue);

  /* A deadline moved elsewhere is counted again. */
  {
    g_autoptr(XaHazard) hazard = xa_hazard_book_dup_by_number (fixture->book, fixture->overdue[2], NULL);
    g_autoptr(GError) error = NULL;

    xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, "2099-01-01");
    g_assert_true (xa_hazard_book_update (fixture->book, hazard, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < XA_TEST_MAX_ITERATIONS; i++)
      {
        summary = xa_hazard_summary_view_get_summary (fixture->view);
        if (summary->total.n_overdue == 2 && !xa_hazard_summary_view_get_loading (fixture->view))
          break;
        g_main_context_iteration (NULL, TRUE);
      }
    g_assert_cmpuint (summary->total.n_overdue, ==, 2);
  }
}

static void
test_open_major (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkListView *majors = xa_hazard_summary_view_get_majors_view (fixture->view);
  XaHazardTable *table = xa_hazards_page_get_table (fixture->page);
  XaHazard *shown;
  XaHazard *selected;

  show_summary (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (majors), "list.activate-item", "u", 0));
  xa_test_iterate ();

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->stack), ==, "ledger");
  selected = xa_hazard_selection_get_selected_item (xa_hazard_table_get_selection (table));
  g_assert_nonnull (selected);
  g_assert_cmpstr (xa_hazard_get_number (selected), ==, fixture->major);
  shown = xa_hazard_detail_get_hazard (xa_hazards_page_get_detail (fixture->page));
  g_assert_nonnull (shown);
  g_assert_cmpstr (xa_hazard_get_number (shown), ==, fixture->major);
}

static void
test_export_notice (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, "督办通知.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *column = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);

  show_summary (fixture);
  xa_hazard_summary_view_export_notice (fixture->view, fixture->hongqi, file);
  g_assert_true (xa_hazard_summary_view_get_busy (fixture->view));
  xa_test_wait_for_boolean (fixture->view, "busy", FALSE);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = xa_test_pdf_text (document);
  g_assert_nonnull (strstr (text, "红旗小学"));
  g_assert_null (strstr (text, "实验小学"));

  /* The number column, its line breaks taken out: the two overdue, not the others. */
  column = xa_test_pdf_column_text (document, NULL, "隐患部位");
  for (const char *p = column; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '-')
      g_string_append_c (numbers, *p);
  g_assert_nonnull (strstr (numbers->str, fixture->overdue[0]));
  g_assert_nonnull (strstr (numbers->str, fixture->overdue[1]));
  g_assert_null (strstr (numbers->str, fixture->later));
  g_assert_null (strstr (numbers->str, fixture->major));
  g_assert_null (strstr (numbers->str, fixture->overdue[2]));
}

/* A school's own install holds its school alone: its ledger, no 汇总 to switch to. */
static void
test_one_school (void)
{
  XaTestUiFixture ui;
  XaWindow *window;
  XaHazardsPage *page;
  AdwViewStackPage *summary_page;
  AdwViewSwitcherTitle *title;

  xa_test_ui_fixture_set_up (&ui, "hazard-summary-one", FALSE, 0);
  g_object_unref (xa_test_add_school (xa_workspace_get_registry (ui.workspace), "红旗小学", "1101080001"));
  window = xa_test_ui_fixture_show_window (&ui, 1366, 768, "hazards");
  page = XA_HAZARDS_PAGE (_xa_window_get_page (window, "hazards"));
  summary_page = xa_test_template_child (page, XA_TYPE_HAZARDS_PAGE, "summary_page");
  title = xa_test_template_child (page, XA_TYPE_HAZARDS_PAGE, "switcher_title");

  g_assert_false (adw_view_stack_page_get_visible (summary_page));
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (page, XA_TYPE_HAZARDS_PAGE, "switcher_bar")));
  g_assert_null (xa_hazard_summary_view_get_summary (xa_test_template_child (page, XA_TYPE_HAZARDS_PAGE,
                                                                            "summary")));

  xa_test_ui_fixture_tear_down (&ui, GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);
  /* Without animations, as the ledger's tests: a toast still sliding out when its window
   * is destroyed would finish over the next test's. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/hazards/summary/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/hazards/summary/open-major", Fixture, NULL, fixture_set_up, test_open_major, fixture_tear_down);
  g_test_add ("/hazards/summary/export-notice", Fixture, NULL, fixture_set_up, test_export_notice,
              fixture_tear_down);

  g_test_add_func ("/hazards/summary/one-school", test_one_school);

  return g_test_run ();
}
