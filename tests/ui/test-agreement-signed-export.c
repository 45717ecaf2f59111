/* test-agreement-signed-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "导出数字签名 PDF…" in the agreement's detail (issue 12), once the certificate, its
 * password and the file are chosen: the file written verifies as valid for the whole
 * file, signed by the certificate's holder, with the signature shown on the last page
 * when asked; a wrong password says so in a dialog that names the certificate file, and
 * writes nothing.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "document/xa-test-signing.h"
#include "document/xa-pdf-verify.h"
#include "ui/xa-agreement-detail.h"
#include "ui/xa-page-preview.h"

typedef struct
{
  XaWorkspace       *workspace;
  GtkWindow         *window;
  XaAgreementDetail *detail;
  XaPagePreview     *preview;
  char              *dir;
  char              *p12;
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

  fixture->workspace = xa_test_workspace_new_in_memory ("测试员", 1);
  book = xa_workspace_get_agreements (fixture->workspace);
  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (agreements, 0);
  copy = xa_agreement_book_dup_by_uuid (book, xa_agreement_get_uuid (first), &error);
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("xiaoan-test-signed-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->p12 = xa_test_signing_make_p12 (fixture->dir, XA_TEST_CERT_VALID);

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
  xa_test_wait_for_boolean (fixture->preview, "loading", FALSE);
  xa_test_close_window (fixture->window);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->p12);
}

static void
test_signed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "已签名.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  const XaPdfSignature *signature;

  xa_agreement_detail_export_signed_to_file (fixture->detail, fixture->p12, XA_TEST_P12_PASSWORD, TRUE, file);
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
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "不会有.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  xa_agreement_detail_export_signed_to_file (fixture->detail, fixture->p12, "不对", FALSE, file);
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
main (int    argc,
      char **argv)
{
  xa_test_ui_init (&argc, &argv);

  g_test_add ("/ui/agreement-signed-export/signed", Fixture, NULL, fixture_set_up, test_signed,
              fixture_tear_down);
  g_test_add ("/ui/agreement-signed-export/wrong-password", Fixture, NULL, fixture_set_up,
              test_wrong_password, fixture_tear_down);

  return g_test_run ();
}
