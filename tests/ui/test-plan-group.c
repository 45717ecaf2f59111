/* test-plan-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plans and rules of the 综治 tab (xa-plan-group.c), driven in the real window: a
 * school without them shows both missing; a plan adopted through the form with its file
 * archived, the next review following the day; a form without a title refused naming
 * the field, nothing stored; a review that has come flagged, recorded through the form,
 * and in the audit trail.
 */

#include "config.h"

#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/education/xa-education-page.h"
#include "ui/education/xa-education-evidence.h"
#include "ui/education/xa-governance-view.h"
#include "ui/education/xa-plan-form.h"
#include "ui/education/xa-plan-group.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture  ui;
  XaWindow        *window;
  XaEducationPage *page;
  XaPlanGroup     *group;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  XaGovernanceView *view;

  xa_test_ui_fixture_set_up (&fixture->ui, "plan-group", TRUE, 2);
  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "education");
  fixture->page = XA_EDUCATION_PAGE (_xa_window_get_page (fixture->window, "education"));
  xa_education_page_set_today (fixture->page, "2021-10-27");
  xa_education_page_set_year (fixture->page, 2021);
  view = xa_test_template_child (fixture->page, XA_TYPE_EDUCATION_PAGE, "governance");
  fixture->group = xa_test_template_child (view, XA_TYPE_GOVERNANCE_VIEW, "plan_group");
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
wait_for_group (Fixture *fixture)
{
  xa_test_iterate ();
  while (xa_plan_group_get_busy (fixture->group))
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
}

static void
collect_rows (GtkWidget *widget,
              GString   *text)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

      g_string_append_printf (text, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              subtitle ? subtitle : "");
      return;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, text);
}

/* The group's rows, title and subtitle, one a line. */
static char *
rows_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  collect_rows (GTK_WIDGET (fixture->group), text);
  return g_string_free (text, FALSE);
}

static XaPlanForm *
open_form (Fixture    *fixture,
           const char *action,
           GVariant   *target)
{
  XaPlanForm *form;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->group), action, target));
  xa_test_iterate ();
  form = xa_test_find_toplevel (XA_TYPE_PLAN_FORM);
  g_assert_nonnull (form);
  return form;
}

static gpointer
form_child (XaPlanForm *form,
            const char *name)
{
  return xa_test_template_child (form, XA_TYPE_PLAN_FORM, name);
}

static void
type_into (gpointer    row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  xa_test_iterate ();
}

static void
test_adopt_and_review (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char png_base64[] =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==";
  g_autofree char *path = g_build_filename (fixture->ui.data_dir, "应急预案.png", NULL);
  g_autofree guchar *png = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uuid = NULL;
  const char *paths[] = { path, NULL };
  XaPlanForm *form;
  GtkLabel *error_label;
  gsize png_size;

  png = g_base64_decode (png_base64, &png_size);
  g_assert_true (g_file_set_contents (path, (const char *) png, png_size, NULL));
  xa_education_page_show_view (fixture->page, "governance");
  wait_for_group (fixture);
  text = rows_text (fixture);
  /* Both kinds named as missing (the tests run in Chinese). */
  g_assert_nonnull (strstr (text, "应急预案"));
  g_assert_nonnull (strstr (text, "安全制度"));
  g_assert_cmpuint (xa_plan_group_get_n_due (fixture->group), ==, 0);
  g_clear_pointer (&text, g_free);

  /* No title: refused, naming the field; nothing stored. */
  form = open_form (fixture, "plans.adopt", NULL);
  type_into (form_child (form, "day_row"), "2020-09-01");
  g_assert_cmpstr (gtk_editable_get_text (form_child (form, "next_row")), ==, "2021-09-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  xa_test_iterate ();
  error_label = form_child (form, "error_label");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "名称"));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM safety_plan"), ==, 0);

  /* With a title and its file: stored, the file archived for the school. */
  type_into (form_child (form, "title_row"), "校园突发事件应急预案");
  xa_education_evidence_attach (form_child (form, "file"), paths);
  while (xa_education_evidence_get_busy (form_child (form, "file")))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_PLAN_FORM));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM safety_plan p JOIN archive_item a"
                                       " ON a.uuid = p.archive_item_uuid WHERE p.kind = 'plan'"
                                       " AND p.review_on = '2021-09-01'"), ==, 1);
  wait_for_group (fixture);
  text = rows_text (fixture);
  g_assert_nonnull (strstr (text, "校园突发事件应急预案"));
  g_assert_nonnull (strstr (text, "2021-09-01"));
  /* Its review day (1 September) came before the page's today (27 October). */
  g_assert_cmpuint (xa_plan_group_get_n_due (fixture->group), ==, 1);
  xa_test_screenshot (GTK_WIDGET (fixture->window), "plan-group");

  /* A review: the next day moves a year on, the audit keeps it. */
  uuid = xa_test_query_text (xa_workspace_get_store (fixture->ui.workspace), "SELECT uuid FROM safety_plan");
  form = open_form (fixture, "plans.review", g_variant_new_string (uuid));
  g_assert_false (gtk_widget_get_sensitive (form_child (form, "title_row")));
  type_into (form_child (form, "day_row"), "2021-10-20");
  g_assert_cmpstr (gtk_editable_get_text (form_child (form, "next_row")), ==, "2022-10-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "form.save", NULL));
  xa_test_iterate ();
  g_assert_null (xa_test_find_toplevel (XA_TYPE_PLAN_FORM));
  wait_for_group (fixture);
  g_assert_cmpuint (xa_plan_group_get_n_due (fixture->group), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM audit WHERE action = 'plan.review'"
                                       " AND detail LIKE 'reviewed_on=2021-10-20%'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/plan-group/adopt-and-review", Fixture, NULL, fixture_set_up, test_adopt_and_review,
              fixture_tear_down);

  return g_test_run ();
}
