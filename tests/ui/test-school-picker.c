/* test-school-picker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The searchable school picker: a school is found by part of its name (实验), its pinyin
 * initials (sy) or its code; the arrow keys move in the list while the entry keeps the
 * focus; Enter picks. In the window, generating an agreement for one school offers the
 * school viewed in the schools section, and Enter in the picker generates it.
 */

#include "config.h"

#include <locale.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "ui/xa-application.h"
#include "ui/xa-school-picker.h"
#include "ui/xa-window-private.h"

static GListStore *
make_schools (void)
{
  GListStore *store = g_list_store_new (XA_TYPE_ORGANISATION);

  for (guint i = 0; i < XA_TEST_N_EXAMPLE_SCHOOLS; i++)
    {
      g_autoptr(XaOrganisation) school = xa_organisation_new_school ();

      xa_organisation_set_name (school, xa_test_example_schools[i].name);
      xa_organisation_set_code (school, xa_test_example_schools[i].code);
      g_list_store_append (store, school);
    }

  return store;
}

static void
type (XaSchoolPicker *picker,
      const char     *text)
{
  gtk_editable_set_text (xa_school_picker_get_entry (picker), text);
  xa_test_iterate ();
}

static const char *
selected_name (XaSchoolPicker *picker)
{
  XaOrganisation *school = xa_school_picker_get_selected (picker);

  return school ? xa_organisation_get_name (school) : NULL;
}

/* A key as the entry's own key controller sees it: the picker's, in the capture phase. */
static gboolean
press_key (XaSchoolPicker *picker,
           guint           keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (xa_school_picker_get_entry (picker)));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  xa_test_iterate ();
  return handled;
}

static void
count_cb (gpointer  object,
          guint    *count)
{
  (*count)++;
}

static void
test_find_and_pick (void)
{
  g_autoptr(GListStore) store = make_schools ();
  XaSchoolPicker *picker = XA_SCHOOL_PICKER (xa_school_picker_new (G_LIST_MODEL (store)));
  GListModel *shown = xa_school_picker_get_shown (picker);
  GtkWindow *window = xa_test_show_widget (GTK_WIDGET (picker));
  GtkWidget *focus;
  guint picked = 0;

  g_signal_connect (picker, "picked", G_CALLBACK (count_cb), &picked);
  xa_test_iterate ();

  /* Nothing current: the first school, and the entry has the focus for typing. */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_cmpstr (selected_name (picker), ==, "红旗小学");
  focus = gtk_window_get_focus (window);
  g_assert_true (focus != NULL &&
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (xa_school_picker_get_entry (picker))));

  /* By characters, by pinyin initials, by spelling, by code. */
  type (picker, "实验");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (selected_name (picker), ==, "示例区实验小学");
  type (picker, "sy");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (selected_name (picker), ==, "示例区实验小学");
  type (picker, "YuYing");
  g_assert_cmpstr (selected_name (picker), ==, "示例区育英幼儿园");
  type (picker, "080004");
  g_assert_cmpstr (selected_name (picker), ==, "示例区第二中学");

  /* The arrow keys move in the list, the focus stays in the entry. */
  type (picker, "xx");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  g_assert_cmpstr (selected_name (picker), ==, "红旗小学");
  g_assert_true (press_key (picker, GDK_KEY_Down));
  g_assert_cmpstr (selected_name (picker), ==, "示例区实验小学");
  g_assert_true (press_key (picker, GDK_KEY_Down));
  g_assert_cmpstr (selected_name (picker), ==, "示例区实验小学");
  g_assert_true (press_key (picker, GDK_KEY_Up));
  g_assert_cmpstr (selected_name (picker), ==, "红旗小学");
  g_assert_false (press_key (picker, GDK_KEY_a));
  focus = gtk_window_get_focus (window);
  g_assert_true (focus != NULL &&
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (xa_school_picker_get_entry (picker))));

  /* Enter picks the school selected; with none found there is nothing to pick. */
  g_signal_emit_by_name (xa_school_picker_get_entry (picker), "activate");
  g_assert_cmpuint (picked, ==, 1);
  type (picker, "zzz");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_null (xa_school_picker_get_selected (picker));
  g_signal_emit_by_name (xa_school_picker_get_entry (picker), "activate");
  g_assert_cmpuint (picked, ==, 1);

  /* The current school is selected whenever nothing is typed. */
  {
    g_autoptr(XaOrganisation) current = g_list_model_get_item (G_LIST_MODEL (store), 2);

    xa_school_picker_set_current (picker, xa_organisation_get_uuid (current));
    type (picker, "");
    g_assert_cmpstr (selected_name (picker), ==, "示例区育英幼儿园");
  }

  xa_test_close_window (window);
}

typedef struct
{
  XaTestUiFixture ui;
  XaWindow       *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  XaSchoolRegistry *registry;

  xa_test_ui_fixture_set_up (&fixture->ui, "picker", TRUE, 0);
  registry = xa_workspace_get_registry (fixture->ui.workspace);
  xa_test_add_example_schools (registry);

  /* The default template's year, as if viewed last. */
  {
    g_autoptr(GSettings) settings = g_settings_new (XA_SETTINGS_SCHEMA_ID);

    g_settings_set_int (settings, "agreement-year", 2021);
  }

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "schools");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_wait_for_agreement_preview (fixture->window);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
}

static XaSchoolPicker *
open_generate_dialog (Fixture           *fixture,
                      AdwMessageDialog **dialog)
{
  XaAgreementsPage *page = XA_AGREEMENTS_PAGE (_xa_window_get_page (fixture->window, "agreements"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (xa_agreements_page_get_list (page)),
                                             "agreements.generate-one", NULL));
  xa_test_iterate ();
  *dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (*dialog);
  g_assert_true (XA_IS_SCHOOL_PICKER (adw_message_dialog_get_extra_child (*dialog)));
  return XA_SCHOOL_PICKER (adw_message_dialog_get_extra_child (*dialog));
}

static void
test_generate_for_viewed_school (Fixture       *fixture,
                                 gconstpointer  data)
{
  XaSchoolsPage *schools_page = XA_SCHOOLS_PAGE (_xa_window_get_page (fixture->window, "schools"));
  XaWorkspace *workspace = fixture->ui.workspace;
  GListModel *agreements = xa_agreement_book_get_agreements (xa_workspace_get_agreements (workspace));
  g_autoptr(XaOrganisation) viewed = NULL;
  g_autoptr(XaAgreement) made = NULL;
  AdwMessageDialog *dialog;
  XaSchoolPicker *picker;
  guint n_pressed = 0;

  /* The school viewed in the schools section is the one offered. */
  viewed = xa_school_registry_dup_school_by_code (xa_workspace_get_registry (workspace), "1101080003", NULL);
  g_assert_true (xa_schools_page_select_school (schools_page, xa_organisation_get_uuid (viewed)));
  _xa_window_show_section (fixture->window, "agreements");
  xa_test_iterate ();

  picker = open_generate_dialog (fixture, &dialog);
  g_assert_cmpstr (selected_name (picker), ==, "示例区育英幼儿园");
  xa_test_screenshot (GTK_WIDGET (dialog), "picker-viewed");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));

  /* A search that finds nothing leaves nothing to generate. */
  type (picker, "zzz");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));

  /* Typed initials, then Enter: the dialog's answer, for the school found. */
  type (picker, "sy");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xa_test_screenshot (GTK_WIDGET (dialog), "picker-sy");
  /* The default button is pressed as a key would press it: it shows pressed a moment,
   * then the dialog answers and goes. */
  g_object_ref (dialog);
  g_signal_connect (gtk_window_get_default_widget (GTK_WINDOW (dialog)), "activate",
                    G_CALLBACK (count_cb), &n_pressed);
  g_signal_emit_by_name (xa_school_picker_get_entry (picker), "activate");
  g_assert_cmpuint (n_pressed, ==, 1);
  xa_test_wait_for_boolean (dialog, "visible", FALSE);
  g_object_unref (dialog);
  xa_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 1);
  made = g_list_model_get_item (agreements, 0);
  g_assert_cmpstr (xa_agreement_get_school_name (made), ==, "示例区实验小学");

  /* The school that has its agreement is no longer offered; the viewed one still is. */
  picker = open_generate_dialog (fixture, &dialog);
  g_assert_cmpuint (g_list_model_get_n_items (xa_school_picker_get_shown (picker)), ==, 3);
  g_assert_cmpstr (selected_name (picker), ==, "示例区育英幼儿园");
  adw_message_dialog_response (dialog, "cancel");
  xa_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add_func ("/xiaoan/ui/school-picker/find-and-pick", test_find_and_pick);
  g_test_add ("/xiaoan/ui/school-picker/generate-for-viewed-school", Fixture, NULL,
              fixture_set_up, test_generate_for_viewed_school, fixture_tear_down);

  return g_test_run ();
}
