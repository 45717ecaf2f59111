/* test-agreement-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agreement detail's preview while a field is typed and applied again and again: the
 * layouts run off the main thread, the newest edit wins, no stale result is ever shown,
 * and the preview ends as the PDF export writes the agreement. From the detail, the
 * agreement's comparison with its template and with the revision before, the school's
 * clauses under their heading, each with its badge. Its digitally signed export.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-pdf-text.h"
#include "xa-test-utils.h"
#include "document/xa-test-signing.h"
#include "document/xa-pdf-verify.h"
#include "ui/xa-agreement-detail.h"
#include "ui/xa-agreement-supplements.h"
#include "ui/xa-page-preview.h"
#include "ui/xa-template-compare.h"

typedef struct
{
  XaWorkspace       *workspace;
  GtkWindow         *window;
  XaAgreementDetail *detail;
  XaPagePreview     *preview;
  char              *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(XaAgreement) first = NULL;
  g_autoptr(XaAgreement) copy = NULL;
  XaAgreementBook *book;

  fixture->workspace = xa_test_workspace_new_in_memory ("测试员", 2);
  book = xa_workspace_get_agreements (fixture->workspace);
  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (agreements, 0);
  copy = xa_agreement_book_dup_by_uuid (book, xa_agreement_get_uuid (first), &error);
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("xiaoan-test-preview-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->detail = g_object_new (XA_TYPE_AGREEMENT_DETAIL, NULL);
  fixture->preview = XA_PAGE_PREVIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                                     XA_TYPE_AGREEMENT_DETAIL, "preview"));
  fixture->window = xa_test_show_widget (GTK_WIDGET (fixture->detail));

  xa_agreement_detail_set_book (fixture->detail, book);
  xa_agreement_detail_set_fonts (fixture->detail, fonts);
  xa_agreement_detail_show_agreement (fixture->detail, copy);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A layout still running in a worker holds the store until it ends. */
  xa_test_wait_for_boolean (fixture->preview, "loading", FALSE);
  xa_test_close_window (fixture->window);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
preview_text (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = xa_page_set_render_pdf (xa_page_preview_get_pages (fixture->preview), &error);

  g_assert_no_error (error);
  return xa_test_pdf_bytes_text (pdf);
}

static gboolean
note_loading_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  int *ran = g_object_get_data (G_OBJECT (fixture->preview), "idle-ran");

  /* 1: it ran while a layout was still running; 2: only after. */
  *ran = xa_page_preview_get_loading (fixture->preview) ? 1 : 2;
  return G_SOURCE_REMOVE;
}

typedef struct
{
  Fixture    *fixture;
  const char *newest;   /* the name applied last */
  guint       n_shown;
} Shown;

/* Whenever pages are shown, they hold the name applied last: never a stale layout. */
static void
shown_cb (Shown *shown)
{
  g_autofree char *text = preview_text (shown->fixture);
  g_autofree char *line = g_strdup_printf ("第一责任人：%s", shown->newest);

  g_assert_nonnull (strstr (text, line));
  shown->n_shown++;
}

static void
test_preview_follows_typing (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const names[] = { "赵一", "钱二", "孙三", "李四", "周五" };
  GtkWidget *first_row = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                                    XA_TYPE_AGREEMENT_DETAIL, "first_row"));
  g_autoptr(GFile) export_file = NULL;
  g_autofree char *export_path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autofree char *shown = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *last_line = NULL;
  XaPageSet *before;
  Shown shown_pages = { fixture, NULL, 0 };
  gsize length;
  int idle_ran = 0;

  /* Showing the agreement returned before it was laid out. */
  g_assert_true (xa_page_preview_get_loading (fixture->preview));
  xa_test_wait_for_boolean (fixture->preview, "loading", FALSE);
  before = xa_page_preview_get_pages (fixture->preview);
  g_assert_nonnull (before);

  g_signal_connect_swapped (fixture->preview, "notify::pages", G_CALLBACK (shown_cb), &shown_pages);

  /* Five edits applied in a row, the main loop not turned in between: each returns
   * without a layout, the pages shown until then still shown. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (first_row), names[i]);
      shown_pages.newest = names[i];
      g_signal_emit_by_name (first_row, "apply");
      g_assert_true (xa_page_preview_get_loading (fixture->preview));
      g_assert_true (xa_page_preview_get_pages (fixture->preview) == before);
    }

  /* The main loop runs while a layout is in flight: an idle callback of high priority
   * comes before the layout's result, which arrives through the same loop. */
  g_object_set_data (G_OBJECT (fixture->preview), "idle-ran", &idle_ran);
  g_idle_add_full (G_PRIORITY_HIGH, note_loading_cb, fixture, NULL);
  while (idle_ran == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (idle_ran, ==, 1);

  /* The newest edit wins: one new set of pages shown, the last name's. */
  xa_test_wait_for_boolean (fixture->preview, "loading", FALSE);
  g_assert_cmpuint (shown_pages.n_shown, ==, 1);
  g_signal_handlers_disconnect_by_data (fixture->preview, &shown_pages);
  shown = preview_text (fixture);
  last_line = g_strdup_printf ("第一责任人：%s", names[G_N_ELEMENTS (names) - 1]);
  g_assert_nonnull (strstr (shown, last_line));
  for (guint i = 0; i + 1 < G_N_ELEMENTS (names); i++)
    g_assert_null (strstr (shown, names[i]));

  /* What the preview shows is what the export writes. */
  export_file = g_file_new_for_path (export_path);
  xa_agreement_detail_export_to_file (fixture->detail, export_file);
  xa_test_wait_for_boolean (fixture->detail, "busy", FALSE);
  g_assert_true (g_file_get_contents (export_path, &contents, &length, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

    exported = xa_test_pdf_bytes_text (bytes);
  }
  g_assert_cmpstr (shown, ==, exported);
}

/* Waits for the layout that a change started, and gives the pages' text. */
static char *
wait_for_pages (Fixture *fixture)
{
  g_assert_true (xa_page_preview_get_loading (fixture->preview));
  xa_test_wait_for_boolean (fixture->preview, "loading", FALSE);
  return preview_text (fixture);
}

/* A supplementary clause added in the detail's group is printed in the preview's pages
 * under the school's heading, numbered; removed, it is gone; a blank one is refused and
 * stays to be corrected. Once sent for signature, the group is read only. */
static void
test_supplement_in_preview (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *supplements = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->detail),
                                                                      XA_TYPE_AGREEMENT_DETAIL, "supplements"));
  GtkWidget *add_row = GTK_WIDGET (gtk_widget_get_template_child (supplements, XA_TYPE_AGREEMENT_SUPPLEMENTS,
                                                                  "add_row"));
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *uuid = NULL;

  xa_test_wait_for_boolean (fixture->preview, "loading", FALSE);
  before = preview_text (fixture);
  g_assert_null (strstr (before, "补充条款"));

  gtk_editable_set_text (GTK_EDITABLE (add_row), "  {school_name}每月开展一次消防演练。");
  g_signal_emit_by_name (add_row, "apply");
  added = wait_for_pages (fixture);
  g_test_message ("%s", added);
  g_assert_nonnull (strstr (added, "补充条款（学校补充）"));
  g_assert_nonnull (strstr (added, "每月开展一次消防演练。"));
  g_assert_null (strstr (added, "{school_name}"));
  g_assert_true (strstr (added, "补充条款（学校补充）") < strstr (added, "每月开展一次消防演练。"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_cmpuint (xa_agreement_get_n_supplements (xa_agreement_detail_get_agreement (fixture->detail)), ==, 1);

  /* Blank: refused, kept in the row, nothing stored. */
  gtk_editable_set_text (GTK_EDITABLE (add_row), "　 ");
  g_signal_emit_by_name (add_row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "　 ");
  g_assert_cmpuint (xa_agreement_get_n_supplements (xa_agreement_detail_get_agreement (fixture->detail)), ==, 1);

  uuid = g_strdup (xa_agreement_get_supplement_uuid (xa_agreement_detail_get_agreement (fixture->detail), 0));
  gtk_widget_activate_action (supplements, "supplements.remove", "s", uuid);
  removed = wait_for_pages (fixture);
  g_assert_null (strstr (removed, "补充条款"));

  /* Out for signature: no row to add, no clause to remove. */
  /* The fields turn insensitive then; GTK 4.8 takes the focus from a text made
   * insensitive without telling it, and warns. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  xa_agreement_supplements_add (XA_AGREEMENT_SUPPLEMENTS (supplements), "保留的条款。");
  g_free (wait_for_pages (fixture));
  g_free (uuid);
  uuid = g_strdup (xa_agreement_get_supplement_uuid (xa_agreement_detail_get_agreement (fixture->detail), 0));
  g_assert_true (xa_agreement_book_advance (book, xa_agreement_get_uuid (xa_agreement_detail_get_agreement (fixture->detail)),
                                            XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_no_error (error);
  {
    g_autoptr(XaAgreement) pending = xa_agreement_book_dup_by_uuid (book, xa_agreement_get_uuid (xa_agreement_detail_get_agreement (fixture->detail)),
                                                                    &error);

    g_assert_no_error (error);
    xa_agreement_detail_show_agreement (fixture->detail, pending);
  }
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (add_row)));
  gtk_widget_activate_action (supplements, "supplements.remove", "s", uuid);
  {
    g_autoptr(XaAgreement) stored = xa_agreement_book_dup_by_uuid (book, xa_agreement_get_uuid (xa_agreement_detail_get_agreement (fixture->detail)),
                                                                   &error);

    g_assert_cmpuint (xa_agreement_get_n_supplements (stored), ==, 1);
  }
}

/* The widgets under @widget that carry @css_class, in order. */
static void
collect_with_class (GtkWidget  *widget,
                    const char *css_class,
                    GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, css_class, found);
}

/* The text of the row's label that holds the clause, for a badge in that row. */
static const char *
row_markup_text (GtkWidget *badge)
{
  GtkWidget *box = gtk_widget_get_parent (badge);

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the window was drawn as it is now, in the application's style, for a
 * screenshot. */
static void
wait_for_paint (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  /* As the application shows it: with its style sheet, which AdwApplication loads. */
  gtk_css_provider_load_from_resource (style, "/io/github/xiaoan/Xiaoan/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static XaAgreement *
dup_fresh (Fixture    *fixture,
           const char *uuid)
{
  g_autoptr(GError) error = NULL;
  XaAgreement *agreement = xa_agreement_book_dup_by_uuid (xa_workspace_get_agreements (fixture->workspace), uuid,
                                                          &error);

  g_assert_no_error (error);
  return agreement;
}

/* 与模板对比 shows the agreement's own clauses as all that changed, under their heading,
 * each with the school's badge and no template clause with one; the back button returns
 * to the detail. A revision compared with the one before shows the school's edit. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  XaAgreementBook *book = xa_workspace_get_agreements (fixture->workspace);
  GtkWidget *detail = GTK_WIDGET (fixture->detail);
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (detail, XA_TYPE_AGREEMENT_DETAIL, "stack"));
  GtkWidget *previous_row = GTK_WIDGET (gtk_widget_get_template_child (detail, XA_TYPE_AGREEMENT_DETAIL,
                                                                       "compare_previous_row"));
  XaTemplateCompare *compare = XA_TEMPLATE_COMPARE (gtk_widget_get_template_child (detail, XA_TYPE_AGREEMENT_DETAIL,
                                                                                   "compare"));
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (compare), XA_TYPE_TEMPLATE_COMPARE,
                                                               "change_list"));
  GtkCheckButton *changes_only = GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (compare),
                                                                                  XA_TYPE_TEMPLATE_COMPARE,
                                                                                  "changes_only_check"));
  GtkLabel *title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (compare), XA_TYPE_TEMPLATE_COMPARE,
                                                              "title_label"));
  g_autofree char *uuid = g_strdup (xa_agreement_get_uuid (xa_agreement_detail_get_agreement (fixture->detail)));
  const char *screenshot = g_getenv ("XA_TEST_SCREENSHOT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) badges = g_ptr_array_new ();
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(XaAgreement) revision = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *carried = NULL;
  XaTemplateDiff *diff;

  first = xa_agreement_book_add_supplement (book, uuid, "学校每月开展一次消防演练。", &error);
  second = xa_agreement_book_add_supplement (book, uuid, "校车由专人接送。", &error);
  g_assert_no_error (error);
  {
    g_autoptr(XaAgreement) fresh = dup_fresh (fixture, uuid);

    xa_agreement_detail_show_agreement (fixture->detail, fresh);
  }

  /* The first revision has nothing before it: the row is hidden, and its action off,
   * which leaves the row insensitive. */
  g_assert_false (gtk_widget_get_visible (previous_row));
  xa_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (previous_row));

  g_assert_true (gtk_widget_activate_action (detail, "agreement.compare-template", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "compare");
  diff = xa_template_compare_get_diff (compare);
  g_assert_nonnull (diff);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_ADDED), ==, 2);
  g_assert_cmpuint (xa_template_diff_count_supplements (diff, XA_TEMPLATE_CHANGE_ADDED), ==, 2);

  /* Changes only: the two clauses, each with the school's badge, under one heading. */
  xa_test_iterate ();
  collect_with_class (list, "school", badges);
  collect_with_class (list, "supplements-header", headers);
  g_assert_cmpuint (badges->len, ==, 2);
  g_assert_nonnull (strstr (row_markup_text (badges->pdata[0]), "学校每月开展一次消防演练。"));
  g_assert_nonnull (strstr (row_markup_text (badges->pdata[1]), "校车由专人接送。"));
  g_assert_cmpuint (headers->len, ==, 1);

  /* What the display shows, with ImageMagick's import: to look at, not compared. */
  if (screenshot != NULL)
    {
      const char *argv[] = { "import", "-window", "root", screenshot, NULL };

      wait_for_paint (fixture->window);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   NULL, NULL, NULL, NULL));
    }

  /* The whole text: the template's clauses have no badge, the heading stays over the
   * first of the school's. */
  gtk_check_button_set_active (changes_only, FALSE);
  xa_test_iterate ();
  g_ptr_array_set_size (badges, 0);
  g_ptr_array_set_size (headers, 0);
  collect_with_class (list, "school", badges);
  collect_with_class (list, "supplements-header", headers);
  g_assert_cmpuint (badges->len, ==, 2);
  g_assert_cmpuint (headers->len, ==, 1);
  g_assert_true (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (gtk_widget_get_ancestor (badges->pdata[0],
                                                                                         GTK_TYPE_LIST_BOX_ROW))) ==
                 headers->pdata[0]);
  gtk_check_button_set_active (changes_only, TRUE);

  /* Its PDF, as 导出对比 PDF… writes it: the school's clauses marked in Chinese. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "compare.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GBytes) pdf = NULL;
    g_autofree char *text = NULL;
    char *contents = NULL;
    gsize length = 0;

    xa_template_compare_export_to_file (compare, file);
    xa_test_wait_for_boolean (compare, "busy", FALSE);
    g_assert_true (g_file_get_contents (path, &contents, &length, &error));
    g_assert_no_error (error);
    pdf = g_bytes_new_take (contents, length);
    text = xa_test_pdf_bytes_text (pdf);
    g_assert_nonnull (strstr (text, "补充条款（学校补充）"));
    g_assert_nonnull (strstr (text, "【学校补充】【新增】"));
  }

  g_assert_true (gtk_widget_activate_action (detail, "agreement.show-agreement", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "agreement");

  /* Revision 2, the second clause edited: one change of its text, the school's. */
  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);
  revision = xa_agreement_book_revise (book, uuid, &error);
  g_assert_no_error (error);
  carried = xa_agreement_dup_revised_supplement_uuid (second);
  g_assert_true (xa_agreement_book_set_supplement (book, carried, "校车由两名教师专人接送。", &error));
  g_assert_no_error (error);
  {
    g_autoptr(XaAgreement) fresh = dup_fresh (fixture, xa_agreement_get_uuid (revision));

    xa_agreement_detail_show_agreement (fixture->detail, fresh);
  }
  g_assert_true (gtk_widget_get_visible (previous_row));
  g_assert_true (gtk_widget_activate_action (detail, "agreement.compare-previous", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "compare");
  diff = xa_template_compare_get_diff (compare);
  g_assert_cmpint (xa_agreement_get_revision (xa_template_diff_get_old_agreement (diff)), ==, 1);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_ADDED | XA_TEMPLATE_CHANGE_REMOVED |
                                                  XA_TEMPLATE_CHANGE_CHANGED | XA_TEMPLATE_CHANGE_MOVED), ==, 1);
  g_assert_cmpuint (xa_template_diff_count_supplements (diff, XA_TEMPLATE_CHANGE_TEXT), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (title), "2"));

  xa_test_iterate ();
  g_ptr_array_set_size (badges, 0);
  collect_with_class (list, "school", badges);
  g_assert_cmpuint (badges->len, ==, 1);
  g_assert_nonnull (strstr (row_markup_text (badges->pdata[0]), "两名教师"));

  /* Another agreement shown leaves the comparison. */
  xa_agreement_detail_show_agreement (fixture->detail, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
}

/* "导出数字签名 PDF…" once the certificate, its password and the file are chosen (issue
 * 12): the file written verifies as valid for the whole file, signed by the
 * certificate's holder; a wrong password says so in a dialog that names the
 * certificate file, and writes nothing. */
static void
test_signed_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "已签名.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  const XaPdfSignature *signature;
  g_autofree char *p12 = xa_test_signing_make_p12 (fixture->dir, XA_TEST_CERT_VALID);

  xa_agreement_detail_export_signed_to_file (fixture->detail, p12, XA_TEST_P12_PASSWORD, TRUE, file);
  g_assert_true (xa_agreement_detail_get_busy (fixture->detail));
  xa_test_wait_for_boolean (fixture->detail, "busy", FALSE);

  signatures = xa_pdf_verify_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 1);
  signature = g_ptr_array_index (signatures, 0);
  g_assert_cmpint (signature->state, ==, XA_PDF_SIGNATURE_VALID);
  g_assert_cmpstr (signature->signer, ==, XA_TEST_SIGNER);
}

static void
test_signed_export_wrong_password (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "不会有.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  g_autofree char *p12 = xa_test_signing_make_p12 (fixture->dir, XA_TEST_CERT_VALID);

  xa_agreement_detail_export_signed_to_file (fixture->detail, p12, "不对", FALSE, file);
  xa_test_wait_for_boolean (fixture->detail, "busy", FALSE);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "valid.p12"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xa_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/xa/agreement-preview/follows-typing", Fixture, NULL,
              fixture_set_up, test_preview_follows_typing, fixture_tear_down);
  g_test_add ("/xa/agreement-preview/supplement", Fixture, NULL,
              fixture_set_up, test_supplement_in_preview, fixture_tear_down);
  g_test_add ("/xa/agreement-preview/compare", Fixture, NULL,
              fixture_set_up, test_compare, fixture_tear_down);

  g_test_add ("/xa/agreement-preview/signed-export", Fixture, NULL,
              fixture_set_up, test_signed_export, fixture_tear_down);
  g_test_add ("/xa/agreement-preview/signed-export-wrong-password", Fixture, NULL, fixture_set_up,
              test_signed_export_wrong_password, fixture_tear_down);

  return g_test_run ();
}
