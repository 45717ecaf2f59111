/* test-seal-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli seal …` on a demo district (issue 12): a made-up seal with a transparent
 * background becomes a school's seal in use, authorised by the name given; an opaque
 * scan is refused with the Chinese message naming the file, a PNG cut short and a file
 * that is no PNG are refused, and after each refusal the school's images are as they
 * were; the commission's seal is imported and withdrawn with its reason; with --person,
 * a person's signature is imported, and a name the school lacks is refused.
 */

#include "config.h"

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-test-seal.h"
#include "xa-test-utils.h"

typedef struct
{
  XaTestDemoDir  demo;
  char          *code;
  char          *seal;   /* a good seal PNG */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonArray) schools = NULL;
  g_autoptr(GBytes) png = xa_test_make_seal_png (400);
  g_autoptr(GError) error = NULL;

  xa_test_demo_dir_set_up (&fixture->demo, "seal-cli", 2);
  schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  fixture->code = g_strdup (json_object_get_string_member (json_array_get_object_element (schools, 0), "code"));
  fixture->seal = g_build_filename (fixture->demo.dir, "学校公章.png", NULL);
  g_file_set_contents (fixture->seal, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->code);
  g_free (fixture->seal);
  xa_test_demo_dir_tear_down (&fixture->demo);
}

/* The school's images as `seal list --json` prints them, as one string to compare. */
static char *
list_school (Fixture *fixture,
             guint   *n_images)
{
  g_autoptr(JsonArray) images = xa_test_run_cli_json (fixture->demo.data_dir, "seal", "list", "--school",
                                                      fixture->code, "--json", NULL);
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), images);

  *n_images = json_array_get_length (images);
  return json_to_string (node, FALSE);
}

static void
refuse (Fixture    *fixture,
        const char *path,
        const char *expected)
{
  g_auto(XaTestRun) run = { 0 };
  const char *args[] = { "seal", "import", path, "--school", fixture->code, "--authorised-by", "王校长", NULL };

  xa_test_run_cli_chinese (&run, fixture->demo.data_dir, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, expected));
}

static void
test_school_seal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) images = NULL;
  g_autofree char *opaque = g_build_filename (fixture->demo.dir, "扫描件.png", NULL);
  g_autofree char *truncated = g_build_filename (fixture->demo.dir, "半截.png", NULL);
  g_autofree char *not_png = g_build_filename (fixture->demo.dir, "公章.png", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *scan;
  cairo_t *cr;
  JsonObject *image;
  gsize length = 0;
  guint n = 0;

  /* Without who authorised it, nothing is asked of the database. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "import", fixture->seal, "--school", fixture->code, NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);
  g_free (list_school (fixture, &n));
  g_assert_cmpuint (n, ==, 0);

  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "import", fixture->seal, "--school", fixture->code,
                   "--authorised-by", "王校长", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  images = xa_test_run_cli_json (fixture->demo.data_dir, "seal", "list", "--school", fixture->code, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  image = json_array_get_object_element (images, 0);
  g_assert_true (json_object_get_boolean_member (image, "current"));
  g_assert_cmpstr (json_object_get_string_member (image, "authorised_by"), ==, "王校长");
  g_assert_cmpstr (json_object_get_string_member (image, "owner"), ==, "school");
  g_assert_cmpint (json_object_get_int_member (image, "width"), ==, 400);
  before = list_school (fixture, &n);

  /* A scan as it came: white paper, no alpha. */
  scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 400);
  cr = cairo_create (scan);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_arc (cr, 200, 200, 150, 0, 2 * G_PI);
  cairo_set_line_width (cr, 12);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (scan, opaque), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (scan);
  refuse (fixture, opaque, "“扫描件.png”没有透明背景");

  /* The good seal cut in half. */
  g_file_get_contents (fixture->seal, &bytes, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (truncated, bytes, length / 2, &error);
  g_assert_no_error (error);
  refuse (fixture, truncated, "半截.png");

  /* A JPEG's first bytes under a .png name. */
  g_file_set_contents (not_png, "\xff\xd8\xff\xe0 not a seal", -1, &error);
  g_assert_no_error (error);
  refuse (fixture, not_png, "“公章.png”");

  /* Nothing changed: the same one image in use. */
  after = list_school (fixture, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (after, ==, before);
}

static void
test_commission_withdraw (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) images = NULL;
  g_autoptr(JsonArray) later = NULL;
  g_autofree char *uuid = NULL;
  JsonObject *image;

  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "import", fixture->seal, "--commission",
                   "--authorised-by", "李主任", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);
  /* Both --school and --commission: which one is meant is not guessed. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "list", "--commission", "--school", fixture->code, NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);

  images = xa_test_run_cli_json (fixture->demo.data_dir, "seal", "list", "--commission", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  image = json_array_get_object_element (images, 0);
  g_assert_cmpstr (json_object_get_string_member (image, "owner"), ==, "commission");
  g_assert_cmpstr (json_object_get_string_member (image, "authorised_by"), ==, "李主任");
  uuid = g_strdup (json_object_get_string_member (image, "uuid"));

  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "withdraw", uuid, NULL);
  g_assert_cmpint (run.status, ==, 2);
  xa_test_run_clear (&run);
  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "withdraw", uuid, "--reason", "印章更换", NULL);
  g_assert_cmpint (run.status, ==, 0);
  xa_test_run_clear (&run);

  later = xa_test_run_cli_json (fixture->demo.data_dir, "seal", "list", "--commission", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (later), ==, 1);
  image = json_array_get_object_element (later, 0);
  g_assert_false (json_object_get_boolean_member (image, "current"));
  g_assert_cmpstr (json_object_get_string_member (image, "withdrawn_reason"), ==, "印章更换");

  /* Withdrawn once only. */
  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "withdraw", uuid, "--reason", "再撤一次", NULL);
  g_assert_cmpint (run.status, ==, 1);
}

/* With --person, the PNG is that person's signature: the school's first responsible
 * person signs; a name the school does not have is refused, nothing stored. */
static void
test_signature (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(XaTestRun) run = { 0 };
  g_autoptr(JsonArray) schools = xa_test_run_cli_json (fixture->demo.data_dir, "school", "list", "--json", NULL);
  g_autoptr(JsonArray) images = NULL;
  g_autoptr(GBytes) png = xa_test_make_signature_png ();
  g_autofree char *path = g_build_filename (fixture->demo.dir, "签名.png", NULL);
  g_autoptr(GError) error = NULL;
  const char *person = json_object_get_string_member (json_array_get_object_element (schools, 0), "first_responsible");
  JsonObject *image;
  guint n = 0;

  g_assert_nonnull (person);
  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);

  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "import", path, "--school", fixture->code,
                   "--person", "查无此人", "--authorised-by", "王校长", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "查无此人"));
  xa_test_run_clear (&run);

  xa_test_run_cli (&run, fixture->demo.data_dir, "seal", "import", path, "--school", fixture->code,
                   "--person", person, "--authorised-by", person, NULL);
  g_assert_cmpint (run.status, ==, 0);
  images = xa_test_run_cli_json (fixture->demo.data_dir, "seal", "list", "--school", fixture->code,
                                 "--person", person, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (images), ==, 1);
  image = json_array_get_object_element (images, 0);
  g_assert_cmpstr (json_object_get_string_member (image, "owner"), ==, "person");
  g_assert_true (json_object_get_boolean_member (image, "current"));
  /* The school's seal is another owner's: still none. */
  g_free (list_school (fixture, &n));
  g_assert_cmpuint (n, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/seal-cli/school-seal", Fixture, NULL, fixture_set_up, test_school_seal, fixture_tear_down);
  g_test_add ("/seal-cli/signature", Fixture, NULL, fixture_set_up, test_signature, fixture_tear_down);
  g_test_add ("/seal-cli/commission-withdraw", Fixture, NULL, fixture_set_up, test_commission_withdraw, fixture_tear_down);

  return g_test_run ();
}
