/* test-lists.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the lists of the schools and agreements sections behave: the agreement list is
 * searched by name, pinyin initials or code and filtered by state; a single click opens
 * a template and the editor's back arrow returns to the list; a school's people are
 * listed by role, then in pinyin order; Enter in the schools' search puts the focus on
 * the school found, not into its editable name.
 */

#include "config.h"

#include <locale.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-adaptive.h"
#include "ui/xa-agreement-detail.h"
#include "ui/xa-application.h"
#include "ui/xa-school-detail.h"
#include "ui/xa-school-people.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture   ui;
  XaSchoolRegistry *registry;   /* the workspace's */
  XaWindow         *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "lists", TRUE, 0);
  fixture->registry = xa_workspace_get_registry (fixture->ui.workspace);
  xa_test_add_example_schools (fixture->registry);

  /* The default template's year, as if viewed last. */
  {
    g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

    g_settings_set_int (settings, "agreement-year", 2021);
  }

  /* The width the test asks for, else the tests' screen. */
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui,
                                                    data ? GPOINTER_TO_INT (data) : XA_TEST_WINDOW_WIDTH,
                                                    XA_TEST_WINDOW_HEIGHT, "schools");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_wait_for_agreement_preview (fixture->window);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static XaAgreementList *
show_agreements (Fixture *fixture)
{
  XaAgreementsPage *page;

  _xa_window_show_section (fixture->window, "agreements");
  xa_test_iterate ();
  page = XA_AGREEMENTS_PAGE (_xa_window_get_page (fixture->window, "agreements"));
  return xa_agreements_page_get_list (page);
}

static void
search_agreements (XaAgreementList *list,
                   const char      *text,
                   guint            state)
{
  GtkSearchEntry *entry = xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* As when the pause in the typing that the search waits for is over. */
  g_signal_emit_by_name (entry, "search-changed");
  gtk_drop_down_set_selected (xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "state_dropdown"), state);
  xa_test_iterate ();
}

static guint
n_listed (XaAgreementList *list)
{
  GtkListView *view = xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "list_view");

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

static const char *
listed_name (XaAgreementList *list,
             guint            position)
{
  GtkListView *view = xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "list_view");
  g_autoptr(XaAgreement) agreement = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)),
                                                            position);

  return agreement ? xa_agreement_get_school_name (agreement) : NULL;
}

static void
test_agreement_search (Fixture       *fixture,
                       gconstpointer  data)
{
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->ui.workspace);
  XaAgreementList *list = show_agreements (fixture);
  GtkStack *list_stack = xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "list_stack");
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) pending = NULL;
  g_autoptr(XaOrganisation) first = xa_school_registry_dup_school_by_code (fixture->registry, "1101080001", NULL);
  GtkWidget *focus;
  guint n_made = 0;

  g_assert_true (xa_agreement_book_generate_all (book, 2021, &n_made, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_made, ==, 4);
  xa_test_iterate ();
  pending = xa_agreement_book_dup_current (book, xa_organisation_get_uuid (first), 2021, &error);
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_advance (book, xa_agreement_get_uuid (pending),
                                            XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);
  xa_test_iterate ();
  g_assert_cmpuint (n_listed (list), ==, 4);

  /* By characters, by pinyin initials, by code. */
  search_agreements (list, "实验", 0);
  g_assert_cmpuint (n_listed (list), ==, 1);
  g_assert_cmpstr (listed_name (list, 0), ==, "示例区实验小学");
  search_agreements (list, "sy", 0);
  g_assert_cmpuint (n_listed (list), ==, 1);
  g_assert_cmpstr (listed_name (list, 0), ==, "示例区实验小学");
  search_agreements (list, "1101080003", 0);
  g_assert_cmpuint (n_listed (list), ==, 1);
  g_assert_cmpstr (listed_name (list, 0), ==, "示例区育英幼儿园");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "agreement-search");

  /* By state: 待签 is the second state, after 草稿. */
  search_agreements (list, "", 1 + XA_AGREEMENT_STATE_PENDING);
  g_assert_cmpuint (n_listed (list), ==, 1);
  g_assert_cmpstr (listed_name (list, 0), ==, "红旗小学");
  search_agreements (list, "", 1 + XA_AGREEMENT_STATE_DRAFT);
  g_assert_cmpuint (n_listed (list), ==, 3);
  search_agreements (list, "xx", 1 + XA_AGREEMENT_STATE_DRAFT);
  g_assert_cmpuint (n_listed (list), ==, 1);
  g_assert_cmpstr (listed_name (list, 0), ==, "示例区实验小学");

  /* Nothing found says so, rather than offering to generate. */
  search_agreements (list, "xx", 1 + XA_AGREEMENT_STATE_SIGNED);
  g_assert_cmpuint (n_listed (list), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "no-results");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "agreement-no-results");

  /* Enter in the search goes to the first agreement found, in the list. */
  search_agreements (list, "育英", 0);
  gtk_widget_grab_focus (xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "search_entry"));
  g_signal_emit_by_name (xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "search_entry"), "activate");
  xa_test_iterate ();
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, xa_test_template_child (list, XA_TYPE_AGREEMENT_LIST, "list_view")));
  g_assert_cmpstr (xa_agreement_get_school_name (xa_agreement_detail_get_agreement (xa_agreement_list_get_detail (list))),
                   ==, "示例区育英幼儿园");

  search_agreements (list, "", 0);
  g_assert_cmpuint (n_listed (list), ==, 4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "agreement-list");

  /* The agreement shown lays out its preview in a worker: the window closes after it,
   * or the worker still holds the workspace when the tear-down checks it is gone. */
  xa_test_wait_for_agreement_preview (fixture->window);
}

static void
add_person (Fixture        *fixture,
            XaOrganisation *school,
            const char     *name,
            XaRoleKind      kind)
{
  g_autoptr(XaPerson) person = xa_person_new (xa_organisation_get_uuid (school), name);
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_school_registry_add_person (fixture->registry, person, &error));
  g_assert_no_error (error);
  if (kind != XA_N_ROLE_KINDS)
    {
      g_assert_true (xa_school_registry_assign_role (fixture->registry, xa_organisation_get_uuid (school),
                                                     xa_person_get_uuid (person), kind, "2021-09-01",
                                                     NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_people_order (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const expected[] = {
    /* 第一责任人, 直接责任人, then in pinyin order: ān, dù, lǐ, wáng. */
    "张伟", "石磊", "安然", "杜鹃", "李秀英", "王芳",
  };
  XaSchoolsPage *page = XA_SCHOOLS_PAGE (_xa_window_get_page (fixture->window, "schools"));
  g_autoptr(XaOrganisation) school = xa_school_registry_dup_school_by_code (fixture->registry, "1101080002", NULL);
  XaSchoolDetail *detail;
  GListModel *people;

  /* Added in code-point order's disorder: 王 before 石 before 杜 by code point. */
  add_person (fixture, school, "王芳", XA_N_ROLE_KINDS);
  add_person (fixture, school, "杜鹃", XA_N_ROLE_KINDS);
  add_person (fixture, school, "石磊", XA_ROLE_KIND_DIRECT_RESPONSIBLE);
  add_person (fixture, school, "安然", XA_N_ROLE_KINDS);
  add_person (fixture, school, "张伟", XA_ROLE_KIND_FIRST_RESPONSIBLE);
  add_person (fixture, school, "李秀英", XA_N_ROLE_KINDS);

  g_assert_true (xa_schools_page_select_school (page, xa_organisation_get_uuid (school)));
  xa_test_iterate ();
  detail = xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "detail");
  people = xa_school_people_get_people (xa_test_template_child (detail, XA_TYPE_SCHOOL_DETAIL, "people"));

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(XaPerson) person = g_list_model_get_item (people, i);

      g_assert_cmpstr (xa_person_get_name (person), ==, expected[i]);
    }
}

static void
test_search_focus (Fixture       *fixture,
                   gconstpointer  data)
{
  XaSchoolsPage *page = XA_SCHOOLS_PAGE (_xa_window_get_page (fixture->window, "schools"));
  GtkWidget *entry = xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "search_entry");
  GtkWidget *list_view = xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "list_view");
  XaSchoolDetail *detail = xa_test_template_child (page, XA_TYPE_SCHOOLS_PAGE, "detail");
  GtkWidget *name_row = xa_test_template_child (detail, XA_TYPE_SCHOOL_DETAIL, "name_row");
  GtkWidget *focus;

  /* Pinyin initials find a school, as in the agreement list and the picker. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "yy");
  g_signal_emit_by_name (entry, "search-changed");
  xa_test_wait_for_frame (list_view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))), ==, 1);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "育英");
  g_signal_emit_by_name (entry, "search-changed");
  xa_test_wait_for_frame (list_view);
  g_signal_emit_by_name (entry, "activate");
  xa_test_iterate ();

  /* The school found is shown, and the focus is on it in the list, not in its name. */
  g_assert_cmpstr (xa_organisation_get_name (xa_school_detail_get_school (detail)), ==, "示例区育英幼儿园");
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_false (focus == name_row || gtk_widget_is_ancestor (focus, name_row));
  g_assert_true (gtk_widget_is_ancestor (focus, list_view));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (focus))));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (focus)))),
                   ==, "示例区育英幼儿园");
  xa_test_screenshot (GTK_WIDGET (fixture->window), "schools-search-enter");

  /* A wider search: the focus goes to the first school found, not back to the row that
   * had it before (育英, now the second). */
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "示例");
  g_signal_emit_by_name (entry, "search-changed");
  xa_test_wait_for_frame (list_view);
  g_signal_emit_by_name (entry, "activate");
  xa_test_iterate ();
  g_assert_cmpstr (xa_organisation_get_name (xa_school_detail_get_school (detail)), ==, "示例区实验小学");
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, list_view));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (gtk_widget_get_first_child (focus)))),
                   ==, "示例区实验小学");
}

typedef struct
{
  XaTestUiFixture   ui;
  XaTemplateEditor *editor;
  GtkWindow        *window;
} EditorFixture;

/* The templates view alone, in a window as wide as the test says: narrower than the
 * list and the editor side by side (data TRUE), or wide enough for both. */
static void
editor_set_up (EditorFixture *fixture,
               gconstpointer  data)
{
  XaTemplateLibrary *library;
  g_autoptr(XaTemplate) newest = NULL;
  g_autoptr(XaTemplate) copy = NULL;
  g_autoptr(GError) error = NULL;
  int content_width;

  xa_test_ui_fixture_set_up (&fixture->ui, "lists-templates", TRUE, 0);
  library = xa_workspace_get_templates (fixture->ui.workspace);

  /* Two templates, the newest listed first. */
  newest = g_list_model_get_item (xa_template_library_get_templates (library), 0);
  copy = xa_template_library_copy_to_year (library, newest, 2022, &error);
  g_assert_no_error (error);

  fixture->editor = g_object_new (XA_TYPE_TEMPLATE_EDITOR, NULL);
  xa_template_editor_set_library (fixture->editor, library);
  fixture->window = xa_test_show_widget (GTK_WIDGET (fixture->editor));

  gtk_widget_measure (xa_test_template_child (fixture->editor, XA_TYPE_TEMPLATE_EDITOR, "content_stack"),
                      GTK_ORIENTATION_HORIZONTAL, -1, &content_width, NULL, NULL, NULL);
  gtk_window_set_default_size (fixture->window, content_width + (data ? 60 : 400), XA_TEST_WINDOW_HEIGHT);
  xa_test_iterate ();
}

static void
editor_tear_down (EditorFixture *fixture,
                  gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, fixture->window);
}

static void
test_template_click_and_back (EditorFixture *fixture,
                              gconstpointer  data)
{
  XaTemplateEditor *editor = fixture->editor;
  AdwLeaflet *leaflet = xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "leaflet");
  GtkListView *view = xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "template_view");
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (view));

  /* So narrow that the list and the editor are one pane: the list shows. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  adw_leaflet_set_visible_child (leaflet, list);
  xa_test_iterate ();
  xa_test_screenshot (GTK_WIDGET (fixture->window), "template-list-narrow");

  /* One click opens the template clicked. */
  xa_test_click_row (xa_test_list_row (view, 1));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "content_stack"));
  g_assert_cmpint (xa_template_get_school_year (xa_template_editor_get_template (editor)), ==, 2021);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "template-editor-narrow");

  /* The page's back arrow (xa-adaptive.c) finds the way back to the list, and takes it;
   * the name stands above the buttons, with the width of the pane. */
  g_assert_true (xa_adaptive_find_back (GTK_WIDGET (editor)) == leaflet);
  g_assert_cmpint (gtk_orientable_get_orientation (xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "heading_box")),
                   ==, GTK_ORIENTATION_VERTICAL);
  g_assert_true (xa_adaptive_go_back (GTK_WIDGET (editor)));
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == list);

  /* Enter on a row opens it too. */
  g_signal_emit_by_name (view, "activate", 0);
  xa_test_iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == xa_test_template_child (editor, XA_TYPE_TEMPLATE_EDITOR, "content_stack"));
  g_assert_cmpint (xa_template_get_school_year (xa_template_editor_get_template (editor)), ==, 2022);
}

static void
test_template_back_hidden_when_wide (EditorFixture *fixture,
                                     gconstpointer  data)
{
  /* Side by side, the list is there to click: no way back to offer, and the name beside
   * the buttons. */
  g_assert_false (adw_leaflet_get_folded (xa_test_template_child (fixture->editor, XA_TYPE_TEMPLATE_EDITOR, "leaflet")));
  g_assert_null (xa_adaptive_find_back (GTK_WIDGET (fixture->editor)));
  g_assert_cmpint (gtk_orientable_get_orientation (xa_test_template_child (fixture->editor, XA_TYPE_TEMPLATE_EDITOR, "heading_box")),
                   ==, GTK_ORIENTATION_HORIZONTAL);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "template-wide");
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xiaoan/ui/lists/agreement-search", Fixture, NULL,
              fixture_set_up, test_agreement_search, fixture_tear_down);

  g_test_add ("/xiaoan/ui/lists/people-order", Fixture, NULL,
              fixture_set_up, test_people_order, fixture_tear_down);
  g_test_add ("/xiaoan/ui/lists/search-focus", Fixture, NULL,
              fixture_set_up, test_search_focus, fixture_tear_down);
  g_test_add ("/xiaoan/ui/lists/template-click-and-back", EditorFixture, GINT_TO_POINTER (TRUE),
              editor_set_up, test_template_click_and_back, editor_tear_down);
  g_test_add ("/xiaoan/ui/lists/template-back-hidden-when-wide", EditorFixture, NULL,
              editor_set_up, test_template_back_hidden_when_wide, editor_tear_down);

  return g_test_run ();
}
