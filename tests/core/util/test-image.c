/* test-image.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photos decoded with a pixel budget (src/core/util/xa-image.c) and their EXIF data
 * (xa-image-exif.c), on the fixtures of tests/data/photos/ (made once with ImageMagick
 * and exiftool) and on hostile bytes made here: a truncated JPEG, a PNG that claims
 * 100000 × 100000 pixels, a JPEG whose header claims 60000 × 60000, an empty file,
 * random bytes, and many damaged copies of the fixtures. Each gives a message naming
 * the file, never a crash.
 */

#include "config.h"

#include <string.h>

#include "core/util/xa-image.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "photos", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) jpeg = load_fixture ("before.jpg");
  g_autoptr(GBytes) png = load_fixture ("plain.png");
  g_autoptr(GBytes) text = g_bytes_new_static ("隐患照片", strlen ("隐患照片"));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  g_assert_cmpint (xa_image_sniff (jpeg), ==, XA_IMAGE_FORMAT_JPEG);
  g_assert_cmpint (xa_image_sniff (png), ==, XA_IMAGE_FORMAT_PNG);
  g_assert_cmpint (xa_image_sniff (text), ==, XA_IMAGE_FORMAT_NONE);
  g_assert_cmpint (xa_image_sniff (empty), ==, XA_IMAGE_FORMAT_NONE);
  g_assert_cmpstr (xa_image_format_to_media_type (XA_IMAGE_FORMAT_JPEG), ==, "image/jpeg");
  g_assert_cmpstr (xa_image_format_to_media_type (XA_IMAGE_FORMAT_PNG), ==, "image/png");
}

static void
test_info (void)
{
  static const struct
  {
    const char *name;
    XaImageFormat format;
    int width, height, orientation;
    const char *taken_at;
  } cases[] = {
    { "before.jpg", XA_IMAGE_FORMAT_JPEG, 64, 48, 1, "2021-10-05T14:03:00" },
    { "after-old.jpg", XA_IMAGE_FORMAT_JPEG, 64, 48, 1, "2021-09-28T08:15:30" },
    { "rotated.jpg", XA_IMAGE_FORMAT_JPEG, 64, 32, 6, "2021-10-06T09:00:00" },
    { "noexif.jpg", XA_IMAGE_FORMAT_JPEG, 40, 30, 1, NULL },
    { "exif.png", XA_IMAGE_FORMAT_PNG, 40, 30, 1, "2021-11-11T11:11:11" },
    { "plain.png", XA_IMAGE_FORMAT_PNG, 40, 30, 1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = load_fixture (cases[i].name);
      g_autoptr(GError) error = NULL;
      g_auto(XaImageInfo) info = { 0 };

      g_test_message ("%s", cases[i].name);
      g_assert_true (xa_image_read_info (bytes, cases[i].name, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (info.format, ==, cases[i].format);
      g_assert_cmpint (info.width, ==, cases[i].width);
      g_assert_cmpint (info.height, ==, cases[i].height);
      g_assert_cmpint (info.orientation, ==, cases[i].orientation);
      g_assert_cmpstr (info.taken_at, ==, cases[i].taken_at);
    }
}

static void
assert_pixel (GdkPixbuf *pixbuf,
              int        x,
              int        y,
              guchar     red,
              guchar     green,
              guchar     blue)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf)
                    + y * gdk_pixbuf_get_rowstride (pixbuf)
                    + x * gdk_pixbuf_get_n_channels (pixbuf);

  /* JPEG is lossy: near the colour is the colour. */
  g_assert_cmpint (ABS (p[0] - red), <, 40);
  g_assert_cmpint (ABS (p[1] - green), <, 40);
  g_assert_cmpint (ABS (p[2] - blue), <, 40);
}

static void
test_decode (void)
{
  g_autoptr(GBytes) before = load_fixture ("before.jpg");
  g_autoptr(GBytes) rotated = load_fixture ("rotated.jpg");
  g_autoptr(GBytes) png = load_fixture ("exif.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) thumbnail = NULL;
  g_autoptr(GdkPixbuf) full = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) small_png = NULL;

  /* Scaled to the longer side asked for, the aspect kept. */
  thumbnail = xa_image_decode (before, "before.jpg", 32, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (thumbnail), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (thumbnail), ==, 24);

  /* Never scaled up. */
  full = xa_image_decode (before, "before.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (full), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_height (full), ==, 48);

  /* Stored 64 × 32, red left and blue right, with Orientation 6 (turn 90° clockwise to
   * show): shown 32 × 64, red on top and blue below. */
  upright = xa_image_decode (rotated, "rotated.jpg", 256, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (upright), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (upright), ==, 64);
  assert_pixel (upright, 16, 6, 255, 0, 0);
  assert_pixel (upright, 16, 58, 0, 0, 255);

  small_png = xa_image_decode (png, "exif.png", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (small_png), ==, 20);
  g_assert_cmpint (gdk_pixbuf_get_height (small_png), ==, 15);
}

/* Both the header read and the decoding refuse @bytes with @code and a message that
 * names @name. */
static void
assert_refused (GBytes     *bytes,
                const char *name,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_auto(XaImageInfo) info = { 0 };

  g_assert_false (xa_image_read_info (bytes, name, &info, &error));
  g_assert_error (error, XA_IMAGE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  g_clear_error (&error);

  pixbuf = xa_image_decode (bytes, name, 256, &error);
  g_assert_null (pixbuf);
  g_assert_error (error, XA_IMAGE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

/* before.jpg with its frame header (SOF0) claiming @width × @height. */
static GBytes *
jpeg_claiming (int width,
               int height)
{
  g_autoptr(GBytes) before = load_fixture ("before.jpg");
  gsize length = 0;
  guchar *data = g_bytes_unref_to_data (g_steal_pointer (&before), &length);

  for (gsize i = 2; i + 9 < length; i++)
    {
      if (data[i] == 0xff && data[i + 1] == 0xc0)
        {
          data[i + 5] = height >> 8;
          data[i + 6] = height & 0xff;
          data[i + 7] = width >> 8;
          data[i + 8] = width & 0xff;
          return g_bytes_new_take (data, length);
        }
    }

  g_assert_not_reached ();
}

static void
test_hostile (void)
{
  g_autoptr(GBytes) before = load_fixture ("before.jpg");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (before, 0, g_bytes_get_size (before) / 2);
  g_autoptr(GBytes) huge_png = load_fixture ("huge.png");
  g_autoptr(GBytes) huge_jpeg = jpeg_claiming (60000, 60000);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20211005);
  g_autofree guchar *noise = g_malloc (4096);
  g_autoptr(GBytes) random = NULL;
  g_autoptr(GBytes) jpeg_noise = NULL;
  g_autoptr(GBytes) png_noise = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4096; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  /* Random bytes that do not happen to begin as a JPEG or a PNG. */
  noise[0] = 'R';
  random = g_bytes_new (noise, 4096);
  memcpy (noise, "\xff\xd8\xff", 3);
  jpeg_noise = g_bytes_new (noise, 4096);
  memcpy (noise, "\x89PNG\r\n\x1a\n", 8);
  png_noise = g_bytes_new (noise, 4096);

  assert_refused (truncated, "cut.jpg", XA_IMAGE_ERROR_DAMAGED);
  assert_refused (huge_png, "huge.png", XA_IMAGE_ERROR_TOO_LARGE);
  assert_refused (huge_jpeg, "huge.jpg", XA_IMAGE_ERROR_TOO_LARGE);
  assert_refused (empty, "empty.jpg", XA_IMAGE_ERROR_NOT_IMAGE);
  assert_refused (random, "random.jpg", XA_IMAGE_ERROR_NOT_IMAGE);
  assert_refused (jpeg_noise, "noise.jpg", XA_IMAGE_ERROR_DAMAGED);
  assert_refused (png_noise, "noise.png", XA_IMAGE_ERROR_DAMAGED);

  /* The size in the message, as the header claims it. */
  {
    g_autoptr(GdkPixbuf) none = xa_image_decode (huge_png, "huge.png", 256, &error);

    g_assert_null (none);
    g_assert_nonnull (strstr (error->message, "100000 × 100000"));
    g_clear_error (&error);
  }

  /* Just within the budget is decoded (the header only is read here). */
  {
    g_autoptr(GBytes) within = jpeg_claiming (10000, 5000);
    g_auto(XaImageInfo) info = { 0 };

    g_assert_true (xa_image_read_info (within, "within.jpg", &info, &error));
    g_assert_no_error (error);
    g_assert_cmpint (info.width, ==, 10000);
  }
}

/* A photo of a usual size cut in half: gdk-pixbuf decodes its upper part and fills the
 * rest, so the end of the image is looked for. The whole one decodes. */
static void
test_cut_short (void)
{
  g_autoptr(GdkPixbuf) photo = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  const char *types[] = { "jpeg", "png" };

  /* Some detail, so that the encoded image is not one tiny run. */
  for (int y = 0; y < 480; y++)
    for (int x = 0; x < 640; x++)
      {
        guchar *pixel = gdk_pixbuf_get_pixels (photo) + y * gdk_pixbuf_get_rowstride (photo) + x * 3;

        pixel[0] = (guchar) (x * 7 + y);
        pixel[1] = (guchar) (y * 3);
        pixel[2] = (guchar) ((x ^ y) & 0xff);
      }

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *buffer = NULL;
      gsize size = 0;
      g_autoptr(GBytes) whole = NULL;
      g_autoptr(GBytes) half = NULL;
      g_autoptr(GdkPixbuf) decoded = NULL;
      g_autoptr(GdkPixbuf) none = NULL;

      g_assert_true (gdk_pixbuf_save_to_buffer (photo, &buffer, &size, types[i], &error, NULL));
      whole = g_bytes_new (buffer, size);
      half = g_bytes_new (buffer, size / 2);

      decoded = xa_image_decode (whole, "whole", 256, &error);
      g_assert_no_error (error);
      g_assert_nonnull (decoded);

      none = xa_image_decode (half, "整改后.jpg", 256, &error);
      g_assert_null (none);
      g_assert_error (error, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "整改后.jpg"));
    }
}

/* Damaged copies of the fixtures: bytes changed at random places, or cut at a random
 * length. Each is an image or a message; none crashes or takes more than its budget. */
static void
test_mutations (void)
{
  const char *names[] = { "before.jpg", "rotated.jpg", "exif.png", "plain.png" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint decoded = 0;
  guint refused = 0;

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GBytes) original = load_fixture (names[n]);

      for (guint round = 0; round < 150; round++)
        {
          gsize length = g_bytes_get_size (original);
          g_autofree guchar *data = g_memdup2 (g_bytes_get_data (original, NULL), length);
          g_autoptr(GBytes) mutated = NULL;
          g_autoptr(GdkPixbuf) pixbuf = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *taken_at = NULL;

          if (round % 3 == 0)
            length = g_rand_int_range (rand, 0, length);
          else
            for (guint k = 0; k < 1 + round % 7; k++)
              data[g_rand_int_range (rand, 0, length)] = g_rand_int_range (rand, 0, 256);

          mutated = g_bytes_new (data, length);
          taken_at = xa_image_dup_taken_at (mutated);
          xa_image_get_orientation (mutated);
          pixbuf = xa_image_decode (mutated, names[n], 128, &error);
          if (pixbuf != NULL)
            {
              g_assert_no_error (error);
              g_assert_cmpint (MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)), <=, 128);
              decoded++;
            }
          else
            {
              g_assert_true (error != NULL && error->domain == XA_IMAGE_ERROR);
              g_assert_nonnull (strstr (error->message, names[n]));
              refused++;
            }
        }
    }

  g_test_message ("%u damaged copies decoded, %u refused", decoded, refused);
  g_assert_cmpuint (refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image/sniff", test_sniff);
  g_test_add_func ("/image/info", test_info);
  g_test_add_func ("/image/decode", test_decode);
  g_test_add_func ("/image/hostile", test_hostile);
  g_test_add_func ("/image/cut-short", test_cut_short);
  g_test_add_func ("/image/mutations", test_mutations);

  return g_test_run ();
}
