/* test-seal-images.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seal and signature images, on either engine: a transparent PNG imported for a school,
 * the commission or a person is the owner's one image in use, authorised by the
 * operator; a new one withdraws the one before; a withdrawn image stays on record and
 * the owner has none; an opaque scan, a PNG cut short, a JPEG, an image too small or
 * transparent all over is refused and changes nothing; the agreement book reads the
 * images in use onto an agreement for its PDF; no row is ever deleted. In the pg suite,
 * also that a school's login sees and changes only its own seal. The PNGs are made
 * here, never a real seal.
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-images.h"
#include "core/registry/xa-demo.h"
#include "core/registry/xa-seal-images.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-image.h"

typedef enum
{
  RING,         /* a red ring on a transparent square: what a freed seal looks like */
  OPAQUE_RGB,   /* a scan as it came: no alpha channel */
  OPAQUE_RGBA,  /* an alpha channel, but every pixel opaque */
  CLEAR,        /* transparent all over */
} Kind;

/* A PNG of @size pixels; @shade tells two rings apart. */
static GBytes *
make_png (Kind  kind,
          int   size,
          int   shade)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, kind != OPAQUE_RGB, 8, size, size);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        guchar *p = pixels + y * stride + x * channels;
        double dx = (x - size / 2.0) / (size / 2.0);
        double dy = (y - size / 2.0) / (size / 2.0);
        double r2 = dx * dx + dy * dy;
        gboolean ink = r2 > 0.8 * 0.8 && r2 < 0.95 * 0.95;

        p[0] = ink ? 200 + shade : 255;
        p[1] = ink ? 20 : 255;
        p[2] = ink ? 20 : 255;
        if (channels == 4)
          p[3] = kind == OPAQUE_RGBA ? 255 : kind == CLEAR ? 0 : ink ? 255 : 0;
      }

  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

typedef struct
{
  XaWorkspace      *workspace;
  /* Borrowed from the workspace */
  XaStore          *store;
  XaSchoolRegistry *registry;
  XaOrganisation   *school;     /* owned */
  XaOrganisation   *commission; /* owned */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->workspace = xa_test_workspace_new_in_memory ("安全办", 2);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->registry = xa_workspace_get_registry (fixture->workspace);
  fixture->school = g_list_model_get_item (xa_school_registry_get_schools (fixture->registry), 0);
  fixture->commission = xa_school_registry_dup_commission (fixture->registry);
  g_assert_nonnull (fixture->commission);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->school);
  g_clear_object (&fixture->commission);
  g_assert_finalize_object (fixture->workspace);
}

static XaSealImage *
import_seal (Fixture *fixture,
             GBytes  *png)
{
  g_autoptr(GError) error = NULL;
  XaSealImage *image = xa_seal_images_import (fixture->registry, XA_SEAL_OWNER_SCHOOL,
                                              xa_organisation_get_uuid (fixture->school),
                                              png, "学校印章.png", XA_SEAL_SOURCE_IMPORTED, &error);

  g_assert_no_error (error);
  g_assert_nonnull (image);
  return image;
}

static void
test_import_and_replace (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first_png = make_png (RING, 300, 0);
  g_autoptr(GBytes) second_png = make_png (RING, 300, 30);
  g_autoptr(XaSealImage) first = import_seal (fixture, first_png);
  g_autoptr(XaSealImage) second = NULL;
  g_autoptr(XaSealImage) current = NULL;
  g_autoptr(XaSealImage) same = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(XaSealImage) withdrawn = NULL;
  g_autoptr(GBytes) content = NULL;

  g_assert_cmpint (xa_seal_image_get_owner (first), ==, XA_SEAL_OWNER_SCHOOL);
  g_assert_cmpstr (xa_seal_image_get_organisation_uuid (first), ==, xa_organisation_get_uuid (fixture->school));
  g_assert_null (xa_seal_image_get_person_uuid (first));
  g_assert_cmpstr (xa_seal_image_get_authorised_by (first), ==, "安全办");
  g_assert_nonnull (xa_seal_image_get_authorised_at (first));
  g_assert_cmpint (xa_seal_image_get_width (first), ==, 300);
  g_assert_true (xa_seal_image_is_current (first));
  content = xa_seal_images_dup_content (fixture->registry, first, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (content, first_png));

  /* A new seal withdraws the one before, in the same transaction. */
  second = import_seal (fixture, second_png);
  current = xa_seal_images_dup_current (fixture->registry, XA_SEAL_OWNER_SCHOOL,
                                        xa_organisation_get_uuid (fixture->school), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_seal_image_get_uuid (current), ==, xa_seal_image_get_uuid (second));
  history = xa_seal_images_list (fixture->registry, XA_SEAL_OWNER_SCHOOL,
                                 xa_organisation_get_uuid (fixture->school), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  withdrawn = g_list_model_get_item (history, 1);
  g_assert_cmpstr (xa_seal_image_get_uuid (withdrawn), ==, xa_seal_image_get_uuid (first));
  g_assert_false (xa_seal_image_is_current (withdrawn));
  g_assert_cmpstr (xa_seal_image_get_withdrawn_by (withdrawn), ==, "安全办");
  g_assert_nonnull (xa_seal_image_get_withdrawn_reason (withdrawn));

  /* The one in use again: refused, nothing changes. */
  same = xa_seal_images_import (fixture->registry, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (fixture->school),
                                second_png, "again.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_SAME);
  g_assert_null (same);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM seal_image"), ==, 2);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM seal_image WHERE withdrawn_at IS NULL"), ==, 1);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM audit WHERE record_table = 'seal_image'"), ==, 3);
  xa_test_assert_chain_holds (fixture->store);
}

static void
assert_refused (Fixture    *fixture,
                GBytes     *png,
                GQuark      domain,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaSealImage) image = NULL;
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *after = NULL;

  image = xa_seal_images_import (fixture->registry, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (fixture->school),
                                 png, "扫描件.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_null (image);
  g_assert_error (error, domain, code);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, "扫描件.png"));
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) rgb = make_png (OPAQUE_RGB, 300, 0);
  g_autoptr(GBytes) rgba = make_png (OPAQUE_RGBA, 300, 0);
  g_autoptr(GBytes) clear = make_png (CLEAR, 300, 0);
  g_autoptr(GBytes) small = make_png (RING, 60, 0);
  g_autoptr(GBytes) whole = make_png (RING, 300, 0);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) * 2 / 3);
  g_autoptr(GBytes) tail = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) - 12);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 300);
  g_autoptr(GBytes) jpeg = NULL;
  char *buffer = NULL;
  gsize length = 0;

  assert_refused (fixture, rgb, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_OPAQUE);
  assert_refused (fixture, rgba, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_OPAQUE);
  assert_refused (fixture, clear, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_EMPTY);
  assert_refused (fixture, small, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_SIZE);
  assert_refused (fixture, cut, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED);
  /* Only the IEND chunk missing: decodes, but is not whole. */
  assert_refused (fixture, tail, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED);

  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", NULL, NULL));
  jpeg = g_bytes_new_take (buffer, length);
  assert_refused (fixture, jpeg, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_NOT_PNG);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM seal_image"), ==, 0);
}

static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = make_png (RING, 300, 0);
  g_autoptr(XaSealImage) image = import_seal (fixture, png);
  g_autoptr(XaSealImage) current = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(XaSealImage) kept = NULL;

  g_assert_false (xa_seal_images_withdraw (fixture->registry, xa_seal_image_get_uuid (image), "  ", &error));
  g_assert_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (xa_seal_images_withdraw (fixture->registry, xa_seal_image_get_uuid (image), "印章已更换", &error));
  g_assert_no_error (error);
  current = xa_seal_images_dup_current (fixture->registry, XA_SEAL_OWNER_SCHOOL,
                                        xa_organisation_get_uuid (fixture->school), &error);
  g_assert_no_error (error);
  g_assert_null (current);

  g_assert_false (xa_seal_images_withdraw (fixture->registry, xa_seal_image_get_uuid (image), "再次", &error));
  g_assert_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_WITHDRAWN);
  g_clear_error (&error);

  /* Kept on record, with who, when and why. */
  history = xa_seal_images_list (fixture->registry, XA_SEAL_OWNER_SCHOOL,
                                 xa_organisation_get_uuid (fixture->school), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  kept = g_list_model_get_item (history, 0);
  g_assert_cmpstr (xa_seal_image_get_withdrawn_reason (kept), ==, "印章已更换");
  g_assert_cmpstr (xa_seal_image_get_withdrawn_by (kept), ==, "安全办");

  /* Never deleted, nor changed once withdrawn, whoever asks. */
  xa_store_lock (fixture->store);
  g_assert_false (xa_store_exec (fixture->store, "DELETE FROM seal_image", &error));
  g_clear_error (&error);
  g_assert_false (xa_store_exec (fixture->store, "UPDATE seal_image SET withdrawn_reason = 'x'", &error));
  g_clear_error (&error);
  xa_store_unlock (fixture->store);
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM seal_image"), ==, 1);
  xa_test_assert_chain_holds (fixture->store);
}

/* One image in use per owner: the commission, each school and each person have their
 * own, and the agreement book reads those of an agreement's parties. */
static void
test_owners_and_agreement (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) school_png = make_png (RING, 300, 0);
  g_autoptr(GBytes) commission_png = make_png (RING, 400, 10);
  g_autoptr(GBytes) signature_png = make_png (RING, 80, 20);
  g_autoptr(XaSealImage) school_seal = import_seal (fixture, school_png);
  g_autoptr(XaSealImage) commission_seal = NULL;
  g_autoptr(XaSealImage) signature = NULL;
  g_autoptr(XaSealImage) other = NULL;
  g_autoptr(XaRole) principal = NULL;
  g_autoptr(XaOrganisation) second = g_list_model_get_item (xa_school_registry_get_schools (fixture->registry), 1);
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaAgreement) plain = NULL;

  commission_seal = xa_seal_images_import (fixture->registry, XA_SEAL_OWNER_COMMISSION,
                                           xa_organisation_get_uuid (fixture->commission),
                                           commission_png, "区教委印章.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_no_error (error);

  /* A school is not the commission: refused as not found. */
  g_assert_null (xa_seal_images_import (fixture->registry, XA_SEAL_OWNER_COMMISSION,
                                        xa_organisation_get_uuid (fixture->school),
                                        commission_png, "x.png", XA_SEAL_SOURCE_IMPORTED, &error));
  g_assert_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  principal = xa_school_registry_dup_role_holder (fixture->registry, xa_organisation_get_uuid (fixture->school),
                                                  XA_ROLE_KIND_FIRST_RESPONSIBLE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (principal);
  signature = xa_seal_images_import (fixture->registry, XA_SEAL_OWNER_PERSON, xa_role_get_person_uuid (principal),
                                     signature_png, "签名", XA_SEAL_SOURCE_DRAWN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_seal_image_get_source (signature), ==, XA_SEAL_SOURCE_DRAWN);
  g_assert_cmpstr (xa_seal_image_get_person_uuid (signature), ==, xa_role_get_person_uuid (principal));
  g_assert_cmpstr (xa_seal_image_get_organisation_uuid (signature), ==, xa_organisation_get_uuid (fixture->school));

  /* The second school has none of its own. */
  other = xa_seal_images_dup_current (fixture->registry, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (second), &error);
  g_assert_no_error (error);
  g_assert_null (other);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM seal_image WHERE withdrawn_at IS NULL"), ==, 3);

  agreement = xa_agreement_book_generate (xa_workspace_get_agreements (fixture->workspace),
                                          xa_organisation_get_uuid (fixture->school), 2021, &error);
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_attach_images (xa_workspace_get_agreements (fixture->workspace), agreement, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (xa_agreement_get_party_seal (agreement, "school"), school_png));
  g_assert_true (g_bytes_equal (xa_agreement_get_party_seal (agreement, "commission"), commission_png));
  g_assert_true (g_bytes_equal (xa_agreement_get_party_signature (agreement, "school"), signature_png));
  g_assert_null (xa_agreement_get_party_signature (agreement, "commission"));

  /* Withdrawn: a new PDF no longer carries it. */
  g_assert_true (xa_seal_images_withdraw (fixture->registry, xa_seal_image_get_uuid (school_seal), "停用", &error));
  g_assert_no_error (error);
  plain = xa_agreement_book_dup_by_uuid (xa_workspace_get_agreements (fixture->workspace),
                                         xa_agreement_get_uuid (agreement), &error);
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_attach_images (xa_workspace_get_agreements (fixture->workspace), plain, &error));
  g_assert_null (xa_agreement_get_party_seal (plain, "school"));
  g_assert_nonnull (xa_agreement_get_party_seal (plain, "commission"));
  xa_test_assert_chain_holds (fixture->store);
}

/* Server only: a school's login sees and manages its own seal, not another school's
 * nor the commission's. */
static void
test_access (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = xa_test_new_server_location ();
  g_autoptr(XaWorkspace) admin = xa_test_workspace_open (location, "管理员");
  XaSchoolRegistry *admin_registry = xa_workspace_get_registry (admin);
  XaStore *admin_store = xa_workspace_get_store (admin);
  g_autofree char *role_a = g_strdup_printf ("seal_a_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *uri_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaOrganisation) commission = NULL;
  g_autoptr(GBytes) png_a = make_png (RING, 300, 0);
  g_autoptr(GBytes) png_b = make_png (RING, 300, 40);
  g_autoptr(GBytes) png_c = make_png (RING, 300, 50);
  g_autoptr(XaSealImage) of_b = NULL;
  g_autoptr(XaSealImage) of_c = NULL;
  g_autoptr(XaSealImage) seen = NULL;
  g_autoptr(XaSealImage) own = NULL;
  XaSchoolRegistry *registry_a;

  g_assert_true (xa_demo_fill (admin_registry, 2, 7, &error));
  g_assert_no_error (error);
  a = g_list_model_get_item (xa_school_registry_get_schools (admin_registry), 0);
  b = g_list_model_get_item (xa_school_registry_get_schools (admin_registry), 1);
  commission = xa_school_registry_dup_commission (admin_registry);
  of_b = xa_seal_images_import (admin_registry, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (b),
                                png_b, "乙校.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_no_error (error);
  of_c = xa_seal_images_import (admin_registry, XA_SEAL_OWNER_COMMISSION, xa_organisation_get_uuid (commission),
                                png_c, "区教委.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_no_error (error);

  g_assert_true (xa_store_server_setup (admin_store, &error));
  password_a = xa_store_server_add_school (admin_store, xa_organisation_get_code (a), role_a, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", location, role_a);
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校安全办", &error);
  g_assert_no_error (error);
  registry_a = xa_workspace_get_registry (school_a);

  /* Another school's seal and the commission's are not there for it. */
  g_assert_null (xa_seal_images_dup_current (registry_a, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (b), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  seen = xa_seal_images_dup_current (registry_a, XA_SEAL_OWNER_COMMISSION, xa_organisation_get_uuid (commission), &error);
  g_assert_no_error (error);
  g_assert_null (seen);
  g_assert_false (xa_seal_images_withdraw (registry_a, xa_seal_image_get_uuid (of_b), "篡改", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (xa_seal_images_import (registry_a, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (b),
                                        png_a, "甲校.png", XA_SEAL_SOURCE_IMPORTED, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Its own: imported, read back and withdrawn. */
  own = xa_seal_images_import (registry_a, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (a),
                               png_a, "甲校.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_seal_image_get_authorised_by (own), ==, "甲校安全办");
  g_assert_true (xa_seal_images_withdraw (registry_a, xa_seal_image_get_uuid (own), "更换", &error));
  g_assert_no_error (error);

  g_assert_cmpint (xa_test_query_int (admin_store, "SELECT count(*) FROM seal_image"), ==, 3);
  g_assert_cmpint (xa_test_query_int (admin_store,
                                      "SELECT count(*) FROM seal_image WHERE withdrawn_at IS NULL"), ==, 2);
  xa_test_assert_chain_holds (admin_store);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/xiaoan/seal-images/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("import-and-replace", test_import_and_replace);
  ADD ("refused", test_refused);
  ADD ("withdraw", test_withdraw);
  ADD ("owners-and-agreement", test_owners_and_agreement);
  if (xa_test_server_uri () != NULL)
    g_test_add_func ("/xiaoan/seal-images/access", test_access);

  return g_test_run ();
}
