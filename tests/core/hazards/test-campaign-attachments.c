/* test-campaign-attachments.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files of a school's record of a special campaign, on either engine: a file
 * attached to a part is stored once and listed, counts in the completion grid, reads
 * back as it was; a file that is not what its name says, of a kind a campaign does not
 * keep, a folder, or the same file twice, is refused and changes nothing; removing one
 * keeps the stored file; the audit chain holds after each. In the pg suite, also that a
 * school's login neither lists nor reads another school's attachments.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/hazards/xa-campaign-attachments.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-blob-store.h"

static const char pdf_bytes[] = "%PDF-1.4\n% 防溺水工作方案（扫描件）\n%%EOF\n";
static const guint8 png_bytes[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

typedef struct
{
  XaWorkspace      *workspace;
  char             *dir;

  /* Borrowed from the workspace */
  XaStore          *store;
  XaInspectionBook *book;
  GPtrArray        *campaigns;
  GPtrArray        *schools;  /* XaOrganisation, by code */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 2);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->book = xa_workspace_get_inspections (fixture->workspace);
  fixture->dir = g_dir_make_tmp ("xiaoan-attachments-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_true (xa_inspection_book_launch_campaigns (fixture->book, 2021, NULL, &error));
  g_assert_no_error (error);
  fixture->campaigns = xa_inspection_book_list_campaigns (fixture->book, 2021, &error);
  g_assert_no_error (error);

  fixture->schools = xa_test_dup_schools (fixture->workspace);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_ptr_array_unref (fixture->campaigns);
  g_ptr_array_unref (fixture->schools);
  g_assert_finalize_object (fixture->workspace);
}

static const char *
school_uuid (Fixture *fixture,
             guint    index)
{
  return xa_organisation_get_uuid (g_ptr_array_index (fixture->schools, index));
}

static const char *
campaign_uuid (Fixture *fixture,
               guint    index)
{
  return xa_campaign_get_uuid (g_ptr_array_index (fixture->campaigns, index));
}

static char *
write_file (Fixture      *fixture,
            const char   *name,
            gconstpointer bytes,
            gsize         size)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, bytes, (gssize) size, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_attach_and_list (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_file (fixture, "防溺水工作方案.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *png = write_file (fixture, "班会照片.PNG", png_bytes, sizeof png_bytes);
  g_autoptr(XaCampaignAttachment) plan = NULL;
  g_autoptr(XaCampaignAttachment) photo = NULL;
  g_autoptr(XaCampaignAttachment) again = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(XaCampaignAttachment) first = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(XaCampaignGrid) grid = NULL;

  plan = xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 4), school_uuid (fixture, 0),
                                           XA_CAMPAIGN_PART_PLAN, pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_campaign_attachment_get_file_name (plan), ==, "防溺水工作方案.pdf");
  g_assert_cmpstr (xa_campaign_attachment_get_media_type (plan), ==, "application/pdf");
  g_assert_cmpint (xa_campaign_attachment_get_size (plan), ==, (gint64) strlen (pdf_bytes));
  g_assert_cmpstr (xa_campaign_attachment_get_added_by (plan), ==, "安全办");

  /* The same bytes for another part: one stored file, two attachments. */
  again = xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 4), school_uuid (fixture, 0),
                                            XA_CAMPAIGN_PART_SUMMARY, pdf, &error);
  g_assert_no_error (error);
  photo = xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 4), school_uuid (fixture, 0),
                                            XA_CAMPAIGN_PART_ACTIVITIES, png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_campaign_attachment_get_media_type (photo), ==, "image/png");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"), ==, 2);

  listed = xa_campaign_attachments_list (fixture->book, campaign_uuid (fixture, 4), school_uuid (fixture, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 3);
  first = g_list_model_get_item (listed, 0);
  g_assert_cmpstr (xa_campaign_attachment_get_uuid (first), ==, xa_campaign_attachment_get_uuid (plan));
  g_clear_object (&first);
  first = g_list_model_get_item (listed, 2);
  g_assert_cmpint (xa_campaign_attachment_get_part (first), ==, XA_CAMPAIGN_PART_SUMMARY);
  g_clear_object (&listed);
  listed = xa_campaign_attachments_list (fixture->book, campaign_uuid (fixture, 4), school_uuid (fixture, 1), &error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);

  content = xa_campaign_attachments_dup_content (fixture->book, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (content, NULL), g_bytes_get_size (content), pdf_bytes, strlen (pdf_bytes));

  /* Attached parts count as written ones, without a record of text. */
  grid = xa_inspection_book_dup_campaign_grid (fixture->book, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_campaign_grid_get_parts (grid, 0, 4), ==, XA_CAMPAIGN_PARTS_ALL);
  g_assert_cmpint (xa_campaign_grid_get_status (grid, 0, 4), ==, XA_CAMPAIGN_STATUS_COMPLETE);
  g_assert_cmpint (xa_campaign_grid_get_status (grid, 1, 4), ==, XA_CAMPAIGN_STATUS_NOT_STARTED);

  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'campaign.attach'"), ==, 3);
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_file (fixture, "方案.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *misnamed = write_file (fixture, "总结.docx", pdf_bytes, strlen (pdf_bytes));
  g_autofree char *program = write_file (fixture, "setup.exe", "MZ\220\0", 4);
  g_autofree char *empty = write_file (fixture, "空白.pdf", "", 0);
  g_autoptr(XaCampaignAttachment) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  plan = xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 0), school_uuid (fixture, 0),
                                           XA_CAMPAIGN_PART_PLAN, pdf, &error);
  g_assert_no_error (error);
  before = xa_test_fingerprint (fixture->store);

  g_assert_null (xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 0), school_uuid (fixture, 0),
                                                   XA_CAMPAIGN_PART_PLAN, pdf, &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "方案.pdf"));
  g_clear_error (&error);

  g_assert_null (xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 0), school_uuid (fixture, 0),
                                                   XA_CAMPAIGN_PART_SUMMARY, misnamed, &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_KIND);
  g_assert_nonnull (strstr (error->message, "总结.docx"));
  g_assert_nonnull (strstr (error->message, "DOCX"));
  g_clear_error (&error);

  g_assert_null (xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 0), school_uuid (fixture, 0),
                                                   XA_CAMPAIGN_PART_SUMMARY, program, &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_KIND);
  g_assert_nonnull (strstr (error->message, "setup.exe"));
  g_clear_error (&error);

  g_assert_null (xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 0), school_uuid (fixture, 0),
                                                   XA_CAMPAIGN_PART_SUMMARY, empty, &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_KIND);
  g_clear_error (&error);

  g_assert_null (xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 0), school_uuid (fixture, 0),
                                                   XA_CAMPAIGN_PART_SUMMARY, fixture->dir, &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_FILE);
  g_clear_error (&error);

  g_assert_null (xa_campaign_attachments_add_file (fixture->book, "7d0f8e9a-0000-4000-8000-000000000000",
                                                   school_uuid (fixture, 0), XA_CAMPAIGN_PART_PLAN, pdf, &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (before, ==, after);

  /* An attachment is never edited behind the app's back either. */
  g_assert_false (xa_store_exec (fixture->store, "UPDATE campaign_attachment SET file_name = 'x.pdf'", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  xa_test_assert_chain_holds (fixture->store);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = write_file (fixture, "总结.pdf", pdf_bytes, strlen (pdf_bytes));
  g_autoptr(XaCampaignAttachment) summary = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(XaCampaignGrid) grid = NULL;

  summary = xa_campaign_attachments_add_file (fixture->book, campaign_uuid (fixture, 2), school_uuid (fixture, 1),
                                              XA_CAMPAIGN_PART_SUMMARY, pdf, &error);
  g_assert_no_error (error);
  g_assert_true (xa_campaign_attachments_remove (fixture->book, xa_campaign_attachment_get_uuid (summary), &error));
  g_assert_no_error (error);
  g_assert_false (xa_campaign_attachments_remove (fixture->book, xa_campaign_attachment_get_uuid (summary), &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  listed = xa_campaign_attachments_list (fixture->book, campaign_uuid (fixture, 2), school_uuid (fixture, 1), &error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  /* The stored file stays for the backups and the audit that name it. */
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM blob"), ==, 1);
  grid = xa_inspection_book_dup_campaign_grid (fixture->book, 2021, &error);
  g_assert_cmpint (xa_campaign_grid_get_parts (grid, 1, 2), ==, 0);

  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM audit WHERE action = 'campaign.detach'"), ==, 1);
  xa_test_assert_chain_holds (fixture->store);
}

/* Server only: a school's login lists and reads its own attachments, not another's. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaInspectionBook *admin_book = xa_workspace_get_inspections (admin);
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("att_a_%d", (int) getpid ());
  g_autofree char *dir = g_dir_make_tmp ("xiaoan-attachments-XXXXXX", NULL);
  g_autofree char *pdf_b = g_build_filename (dir, "乙校方案.pdf", NULL);
  g_autofree char *pdf_a = g_build_filename (dir, "甲校方案.pdf", NULL);
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(XaCampaignAttachment) of_b = NULL;
  g_autoptr(XaCampaignAttachment) of_a = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GBytes) stolen = NULL;
  g_autoptr(GBytes) own = NULL;
  const char *drowning;
  XaInspectionBook *book_a;

  g_assert_true (xa_demo_fill (xa_workspace_get_registry (admin), 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (admin)), 1);
  g_assert_true (xa_inspection_book_launch_campaigns (admin_book, 2021, NULL, &error));
  campaigns = xa_inspection_book_list_campaigns (admin_book, 2021, &error);
  drowning = xa_campaign_get_uuid (g_ptr_array_index (campaigns, 4));

  g_assert_true (g_file_set_contents (pdf_b, "%PDF-1.4\n乙\n", -1, NULL));
  g_assert_true (g_file_set_contents (pdf_a, "%PDF-1.4\n甲\n", -1, NULL));
  of_b = xa_campaign_attachments_add_file (admin_book, drowning, xa_organisation_get_uuid (b),
                                           XA_CAMPAIGN_PART_PLAN, pdf_b, &error);
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);
  book_a = xa_workspace_get_inspections (school_a);

  listed = xa_campaign_attachments_list (book_a, drowning, xa_organisation_get_uuid (b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  stolen = xa_campaign_attachments_dup_content (book_a, of_b, &error);
  g_assert_null (stolen);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (xa_campaign_attachments_remove (book_a, xa_campaign_attachment_get_uuid (of_b), &error));
  g_assert_error (error, XA_CAMPAIGN_ATTACHMENTS_ERROR, XA_CAMPAIGN_ATTACHMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (xa_campaign_attachments_add_file (book_a, drowning, xa_organisation_get_uuid (b),
                                                   XA_CAMPAIGN_PART_PLAN, pdf_a, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  of_a = xa_campaign_attachments_add_file (book_a, drowning, xa_organisation_get_uuid (a),
                                           XA_CAMPAIGN_PART_PLAN, pdf_a, &error);
  g_assert_no_error (error);
  own = xa_campaign_attachments_dup_content (book_a, of_a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM campaign_attachment"), ==, 2);
  xa_test_assert_chain_holds (admin_store);
  xa_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xiaoan/campaign-attachments/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("attach-and-list", test_attach_and_list);
  ADD ("refused", test_refused);
  ADD ("remove", test_remove);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/xiaoan/campaign-attachments/access", test_access);

  return g_test_run ();
}
