/* test-signature-pad.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signature pad and the rows that keep seals and signatures, in real widgets. The
 * strokes are drawn through the pad's own stroke functions, which its gestures call:
 * GTK 4 has no public way to put pointer events into a widget. Undo takes a stroke away
 * and Save gives a transparent PNG cropped to the ink. A person's row draws a signature
 * through the pad's window and stores it, authorised by the operator; a school's row
 * shows its seal in use and who authorised it.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xa-test-seal.h"
#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/registry/xa-seal-images.h"
#include "ui/xa-seal-row.h"
#include "ui/xa-signature-dialog.h"
#include "ui/xa-signature-pad.h"

static void
draw_stroke (XaSignaturePad *pad,
             double          x,
             double          y,
             double          length,
             double          pressure)
{
  xa_signature_pad_begin_stroke (pad, x, y, pressure);
  for (int i = 1; i <= 20; i++)
    xa_signature_pad_extend_stroke (pad, x + length * i / 20, y + 15 * sin (i / 3.0), pressure);
  xa_signature_pad_end_stroke (pad);
}

static void
saved_cb (XaSignatureDialog  *dialog,
          GBytes             *png,
          GBytes            **out)
{
  *out = g_bytes_ref (png);
}

static GdkPixbuf *
decode (GBytes *png)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, png, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static void
test_draw_undo_save (void)
{
  XaSignatureDialog *dialog = xa_signature_dialog_new (NULL, "王校长");
  XaSignaturePad *pad = xa_signature_dialog_get_pad (dialog);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  const guchar *pixels;
  int stride, width, height;
  guint ink = 0;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (saved_cb), &png);
  gtk_window_present (GTK_WINDOW (dialog));
  xa_test_wait_for_frame (GTK_WIDGET (pad));

  /* Nothing drawn: nothing to save, undo or clear. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "signature.save", NULL) && png != NULL);
  g_assert_null (xa_signature_pad_to_png (pad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  draw_stroke (pad, 40, 60, 200, 0.5);
  draw_stroke (pad, 60, 90, 150, 0.9);
  draw_stroke (pad, 400, 150, 60, 0.2);
  g_assert_cmpuint (xa_signature_pad_get_n_strokes (pad), ==, 3);
  xa_test_wait_for_frame (GTK_WIDGET (pad));

  /* Undo, by the keyboard's shortcut, takes the last stroke away: the ink ends at x 260. */
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (dialog), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (xa_signature_pad_get_n_strokes (pad), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "signature.save", NULL));
  xa_test_iterate ();
  g_assert_nonnull (png);
  g_assert_null (dialog);

  pixbuf = decode (png);
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));
  /* Cropped to the ink and its margin, at twice the pad's pixels: 200 + 2 × 8 + the
   * line's width across, far less than the pad. */
  g_assert_cmpint (width, >, 2 * 216);
  g_assert_cmpint (width, <, 2 * 230);
  g_assert_cmpint (height, <, 2 * 90);

  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  /* The corners clear; dark blue ink in between. */
  g_assert_cmpint (pixels[3], ==, 0);
  g_assert_cmpint (pixels[(height - 1) * stride + (width - 1) * 4 + 3], ==, 0);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;

        if (p[3] == 255)
          {
            g_assert_cmpint (p[2], >, p[0]);
            ink++;
          }
      }
  g_assert_cmpuint (ink, >, 500);

  /* What the registry takes for a signature. */
  g_assert_true (xa_seal_images_check_png (png, "签名", XA_SEAL_OWNER_PERSON, NULL, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  XaTestUiFixture ui;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xa_test_ui_fixture_set_up (&fixture->ui, "seals", TRUE, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xa_test_ui_fixture_tear_down (&fixture->ui, NULL);
}

static void
test_person_draws (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaSchoolRegistry *registry = xa_workspace_get_registry (fixture->ui.workspace);
  g_autoptr(XaOrganisation) school = g_list_model_get_item (xa_school_registry_get_schools (registry), 0);
  g_autoptr(XaRole) principal = xa_school_registry_dup_role_holder (registry, xa_organisation_get_uuid (school),
                                                                    XA_ROLE_KIND_FIRST_RESPONSIBLE, NULL, &error);
  GtkWidget *row = g_object_new (XA_TYPE_SEAL_ROW, NULL);
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkWindow) window = NULL;
  g_autoptr(XaSealImage) image = NULL;
  XaSignatureDialog *dialog;

  g_assert_no_error (error);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = xa_test_show_widget (list);
  xa_seal_row_set_owner (XA_SEAL_ROW (row), registry, XA_SEAL_OWNER_PERSON,
                         xa_role_get_person_uuid (principal), xa_role_get_person_name (principal));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "测试员"));
  g_assert_null (gtk_picture_get_paintable (xa_test_template_child (row, XA_TYPE_SEAL_ROW, "preview")));
  g_assert_true (gtk_widget_get_visible (xa_test_template_child (row, XA_TYPE_SEAL_ROW, "draw_button")));

  g_assert_true (gtk_widget_activate_action (row, "seal.draw", NULL));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (XA_TYPE_SIGNATURE_DIALOG);
  g_assert_nonnull (dialog);
  draw_stroke (xa_signature_dialog_get_pad (dialog), 30, 50, 250, 0.5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "signature.save", NULL));
  /* The import runs in a worker; the row is insensitive until it is done. */
  g_assert_false (gtk_widget_get_sensitive (row));
  xa_test_wait_for_boolean (row, "sensitive", TRUE);

  image = xa_seal_images_dup_current (registry, XA_SEAL_OWNER_PERSON, xa_role_get_person_uuid (principal), &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_seal_image_get_source (image), ==, XA_SEAL_SOURCE_DRAWN);
  g_assert_cmpstr (xa_seal_image_get_authorised_by (image), ==, "测试员");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "测试员"));
  g_assert_nonnull (gtk_picture_get_paintable (xa_test_template_child (row, XA_TYPE_SEAL_ROW, "preview")));
  g_assert_true (gtk_widget_get_visible (xa_test_template_child (row, XA_TYPE_SEAL_ROW, "withdraw_button")));

  xa_test_close_window (g_steal_pointer (&window));
}

static void
test_school_seal_shown (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaSchoolRegistry *registry = xa_workspace_get_registry (fixture->ui.workspace);
  g_autoptr(XaOrganisation) school = g_list_model_get_item (xa_school_registry_get_schools (registry), 0);
  g_autoptr(GBytes) seal = xa_test_make_seal_png (400);
  g_autoptr(XaSealImage) image = NULL;
  GtkWidget *row = g_object_new (XA_TYPE_SEAL_ROW, NULL);
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkWindow) window = NULL;
  GtkPicture *preview;

  gtk_list_box_append (GTK_LIST_BOX (list), row);
  window = xa_test_show_widget (list);
  xa_seal_row_set_owner (XA_SEAL_ROW (row), registry, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (school), NULL);
  preview = xa_test_template_child (row, XA_TYPE_SEAL_ROW, "preview");
  g_assert_null (gtk_picture_get_paintable (preview));
  g_assert_false (gtk_widget_get_visible (xa_test_template_child (row, XA_TYPE_SEAL_ROW, "draw_button")));

  image = xa_seal_images_import (registry, XA_SEAL_OWNER_SCHOOL, xa_organisation_get_uuid (school),
                                 seal, "印章.png", XA_SEAL_SOURCE_IMPORTED, &error);
  g_assert_no_error (error);
  xa_seal_row_refresh (XA_SEAL_ROW (row));
  g_assert_nonnull (gtk_picture_get_paintable (preview));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "测试员"));
  g_assert_true (gtk_widget_get_visible (xa_test_template_child (row, XA_TYPE_SEAL_ROW, "withdraw_button")));

  xa_test_close_window (g_steal_pointer (&window));
}

int
main (int   argc,
      char *argv[])
{
  xa_test_ui_init (&argc, &argv);

  g_test_add_func ("/xa/signature-pad/draw-undo-save", test_draw_undo_save);
  g_test_add ("/xa/signature-pad/person-draws", Fixture, NULL, fixture_set_up, test_person_draws, fixture_tear_down);
  g_test_add ("/xa/signature-pad/school-seal-shown", Fixture, NULL, fixture_set_up, test_school_seal_shown,
              fixture_tear_down);

  return g_test_run ();
}
