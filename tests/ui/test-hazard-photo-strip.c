/* test-hazard-photo-strip.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The photos in the hazard ledger's detail (issue 11: "photos before and after ... shown
 * as thumbnails, decoded with a pixel budget so that a broken or huge image gives a
 * message, not a crash, with the time they were taken read from EXIF and an 'after'
 * photo older than the hazard flagged"), in the real window over a store in a temporary
 * folder: photos of tests/data/photos/ and others written at run time with gdk-pixbuf,
 * one of them damaged on disk after it was stored; the thumbnails, the damaged one's
 * message, the times and the flag of the early "after" photo; files added through the
 * strip, a truncated one refused with its name; a removal confirmed; the viewer and its
 * keys; and another hazard shown while thumbnails load, none of the first landing on it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-test-ui-utils.h"
#include "xa-test-utils.h"
#include "core/hazards/hazard-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-photos.h"
#include "core/store/xa-blob-store.h"
#include "ui/hazards/xa-hazard-detail.h"
#include "ui/hazards/xa-hazard-photo-strip.h"
#include "ui/hazards/xa-hazard-photo-thumbnail.h"
#include "ui/hazards/xa-hazard-photo-viewer.h"
#include "ui/hazards/xa-hazards-page.h"
#include "ui/xa-window-private.h"

typedef struct
{
  XaTestUiFixture     ui;
  XaHazardBook       *book;     /* the workspace's */
  XaWindow           *window;
  XaHazardDetail     *detail;
  XaHazardPhotoStrip *strip;
  char               *files;    /* photos written at run time */
  XaHazard           *hazard;   /* found on 2021-10-08 */
} Fixture;

static XaHazard *
add_hazard (Fixture    *fixture,
            const char *place)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) error = NULL;
  XaHazard *hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);

  school = xa_school_registry_dup_school_by_code (xa_workspace_get_registry (fixture->ui.workspace),
                                                  "1101080001", NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, "2021-10-08");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, "2021-10-30");
  g_assert_true (xa_hazard_book_add (fixture->book, hazard, &error));
  g_assert_no_error (error);
  return hazard;
}

/* A photo made now: a gradient of @width × @height, as a JPEG or PNG by @name's end;
 * @seed makes each one's bytes (and so its stored file) its own. */
static char *
write_photo (Fixture    *fixture,
             const char *name,
             int         width,
             int         height,
             guint8      seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->files, name, NULL);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        pixels[y * stride + x * 3] = (guint8) (x * 255 / width);
        pixels[y * stride + x * 3 + 1] = (guint8) (y * 255 / height);
        pixels[y * stride + x * 3 + 2] = seed;
      }

  g_assert_true (gdk_pixbuf_save (pixbuf, path, g_str_has_suffix (name, ".png") ? "png" : "jpeg", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static XaHazardPhoto *
add_photo (Fixture           *fixture,
           XaHazard          *hazard,
           XaHazardPhotoKind  kind,
           const char        *path)
{
  g_autoptr(GError) error = NULL;
  XaHazardPhoto *photo = xa_hazard_photos_add_file (fixture->book, xa_hazard_get_uuid (hazard), kind, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (photo);
  return photo;
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "photos", name, NULL);
}

static void
take_step (Fixture      *fixture,
           XaHazard     *hazard,
           XaHazardStep  step,
           const char   *date)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { step == XA_HAZARD_STEP_PASS || step == XA_HAZARD_STEP_CLOSE ? "赵校长" : TEST_RESPONSIBLE,
                              date, NULL, step == XA_HAZARD_STEP_COMPLETE ? "已更换" : NULL };

  g_assert_true (xa_hazard_book_step (fixture->book, hazard, step, &input, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaHazardsPage *page;

  xa_test_ui_fixture_set_up (&fixture->ui, "hazard-photos", FALSE, 0);
  fixture->book = xa_workspace_get_hazards (fixture->ui.workspace);
  xa_test_add_example_schools (xa_workspace_get_registry (fixture->ui.workspace));
  fixture->files = g_dir_make_tmp ("xa-test-photo-files-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->hazard = add_hazard (fixture, "教学楼三楼东侧配电箱");

  fixture->window = xa_test_ui_fixture_show_window (&fixture->ui, XA_TEST_WINDOW_WIDTH, XA_TEST_WINDOW_HEIGHT,
                                                    "hazards");
  page = XA_HAZARDS_PAGE (_xa_window_get_page (fixture->window, "hazards"));
  fixture->detail = xa_hazards_page_get_detail (page);
  fixture->strip = xa_hazard_detail_get_photo_strip (fixture->detail);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->hazard);
  xa_test_ui_fixture_tear_down (&fixture->ui, GTK_WINDOW (fixture->window));
  xa_test_remove_tree (fixture->files);
  g_free (fixture->files);
}

/* The thumbnails of @kind, once all are decoded. */
static GPtrArray *
thumbnails (Fixture           *fixture,
            XaHazardPhotoKind  kind)
{
  GtkFlowBox *box = xa_hazard_photo_strip_get_flow_box (fixture->strip, kind);
  GPtrArray *found = g_ptr_array_new ();

  for (int i = 0; gtk_flow_box_get_child_at_index (box, i) != NULL; i++)
    {
      XaHazardPhotoThumbnail *thumbnail = XA_HAZARD_PHOTO_THUMBNAIL (gtk_flow_box_get_child_at_index (box, i));

      xa_test_wait_for_boolean (thumbnail, "loading", FALSE);
      g_ptr_array_add (found, thumbnail);
    }

  return found;
}

/* Whether a label under @widget says @text, visibly. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_STACK (widget))
    return gtk_stack_get_visible_child (GTK_STACK (widget)) != NULL &&
           shows_label (gtk_stack_get_visible_child (GTK_STACK (widget)), text);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static void
show (Fixture  *fixture,
      XaHazard *hazard)
{
  xa_hazard_detail_show_hazard (fixture->detail, hazard);
  xa_test_iterate ();
}

/* The detail of a hazard in rectification with three photos before (one of them damaged
 * on disk) and two after, one taken before the hazard was found. */
static void
test_detail (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before_path = data_path ("before.jpg");
  g_autofree char *after_path = data_path ("after.jpg");
  g_autofree char *old_path = data_path ("after-old.jpg");
  g_autofree char *plain_path = write_photo (fixture, "教室.png", 320, 240, 1);
  g_autofree char *broken_path = write_photo (fixture, "broken.jpg", 320, 240, 2);
  g_autoptr(XaHazardPhoto) before = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_BEFORE, before_path);
  g_autoptr(XaHazardPhoto) plain = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_BEFORE, plain_path);
  g_autoptr(XaHazardPhoto) broken = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_BEFORE, broken_path);
  g_autoptr(XaHazardPhoto) after = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_AFTER, after_path);
  g_autoptr(XaHazardPhoto) old = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_AFTER, old_path);
  g_autofree char *blob = xa_store_dup_blob_path (fixture->ui.store, xa_hazard_photo_get_sha256 (broken));
  g_autoptr(GPtrArray) befores = NULL;
  g_autoptr(GPtrArray) afters = NULL;
  XaHazardPhotoThumbnail *thumbnail;
  GtkWidget *warning;

  /* The stored file changed on disk since it was added: shown, it is named. */
  g_assert_nonnull (blob);
  g_assert_true (g_file_set_contents (blob, "\xff\xd8\xff damaged", -1, NULL));
  take_step (fixture, fixture->hazard, XA_HAZARD_STEP_START, "2021-10-09");

  show (fixture, fixture->hazard);
  befores = thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE);
  afters = thumbnails (fixture, XA_HAZARD_PHOTO_AFTER);
  g_assert_cmpuint (befores->len, ==, 3);
  g_assert_cmpuint (afters->len, ==, 2);

  /* In the order added; the good ones decoded, within the thumbnail's size. */
  thumbnail = g_ptr_array_index (befores, 0);
  g_assert_cmpstr (xa_hazard_photo_get_uuid (xa_hazard_photo_thumbnail_get_photo (thumbnail)), ==,
                   xa_hazard_photo_get_uuid (before));
  g_assert_nonnull (xa_hazard_photo_thumbnail_get_paintable (thumbnail));
  g_assert_null (xa_hazard_photo_thumbnail_get_problem (thumbnail));
  g_assert_true (shows_label (GTK_WIDGET (thumbnail), "2021-10-05\n14:03"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (thumbnail)), "before.jpg"));

  thumbnail = g_ptr_array_index (befores, 1);
  g_assert_nonnull (xa_hazard_photo_thumbnail_get_paintable (thumbnail));
  /* Decoded within 256 pixels (256 × 192), then a square cut from its middle. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (xa_hazard_photo_thumbnail_get_paintable (thumbnail)), ==, 192);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (xa_hazard_photo_thumbnail_get_paintable (thumbnail)), ==, 192);
  g_assert_true (shows_label (GTK_WIDGET (thumbnail), _("Time taken unknown")));

  /* The damaged one: a message in its place, with its name. */
  thumbnail = g_ptr_array_index (befores, 2);
  g_assert_null (xa_hazard_photo_thumbnail_get_paintable (thumbnail));
  g_assert_cmpstr (xa_hazard_photo_thumbnail_get_problem (thumbnail), ==, _("Cannot be shown: the file is damaged"));
  g_assert_true (shows_label (GTK_WIDGET (thumbnail), _("Cannot be shown: the file is damaged")));
  g_assert_true (shows_label (GTK_WIDGET (thumbnail), "broken.jpg"));

  /* After: the one taken on 2021-09-28, before the hazard was found, is flagged. */
  thumbnail = g_ptr_array_index (afters, 0);
  g_assert_cmpstr (xa_hazard_photo_get_uuid (xa_hazard_photo_thumbnail_get_photo (thumbnail)), ==,
                   xa_hazard_photo_get_uuid (after));
  g_assert_null (xa_hazard_photo_thumbnail_get_warning (thumbnail));
  thumbnail = g_ptr_array_index (afters, 1);
  warning = xa_hazard_photo_thumbnail_get_warning (thumbnail);
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (warning), _("Taken before the hazard was found")));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (warning), "2021"));
  g_assert_nonnull (xa_hazard_photo_thumbnail_get_paintable (thumbnail));

  /* In rectification, photos of both kinds can be added. */
  g_assert_true (gtk_widget_get_visible (xa_hazard_photo_strip_get_add_button (fixture->strip, XA_HAZARD_PHOTO_BEFORE)));
  g_assert_true (gtk_widget_get_visible (xa_hazard_photo_strip_get_add_button (fixture->strip, XA_HAZARD_PHOTO_AFTER)));
  gtk_widget_grab_focus (g_ptr_array_index (afters, 1));
  xa_test_screenshot (GTK_WIDGET (fixture->window), "hazard-photos");
}

/* Files added through the strip, one transaction each: a good one added and shown, a
 * truncated one refused with its name, nothing of it stored. The buttons follow the
 * state: no photos after before the rectification starts, none at all once closed. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *good_path = write_photo (fixture, "good.jpg", 640, 480, 3);
  g_autofree char *whole_path = data_path ("before.jpg");
  g_autofree char *truncated_path = g_build_filename (fixture->files, "truncated.jpg", NULL);
  g_autofree char *content = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) truncated = g_file_new_for_path (truncated_path);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GPtrArray) befores = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *add_before = xa_hazard_photo_strip_get_add_button (fixture->strip, XA_HAZARD_PHOTO_BEFORE);
  GtkWidget *add_after = xa_hazard_photo_strip_get_add_button (fixture->strip, XA_HAZARD_PHOTO_AFTER);
  AdwMessageDialog *dialog;
  gsize length;

  g_assert_true (g_file_get_contents (whole_path, &content, &length, &error));
  g_assert_true (g_file_set_contents (truncated_path, content, length / 2, &error));
  g_assert_no_error (error);

  show (fixture, fixture->hazard);
  g_assert_true (gtk_widget_get_visible (add_before));
  g_assert_false (gtk_widget_get_visible (add_after));

  g_list_store_append (files, truncated);
  g_list_store_append (files, good);
  xa_hazard_photo_strip_add_files (fixture->strip, XA_HAZARD_PHOTO_BEFORE, G_LIST_MODEL (files));
  g_assert_true (xa_hazard_photo_strip_get_busy (fixture->strip));
  /* Meanwhile a spinner turns, and no other files can be chosen. */
  g_assert_true (gtk_widget_get_visible (xa_test_template_child (fixture->strip, XA_TYPE_HAZARD_PHOTO_STRIP,
                                                                 "before_spinner")));
  g_assert_false (gtk_widget_is_sensitive (add_before));
  xa_test_wait_for_boolean (fixture->strip, "busy", FALSE);

  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "truncated.jpg"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "good.jpg"));
  adw_message_dialog_response (dialog, "close");
  xa_test_iterate ();

  stored = xa_hazard_photos_list (fixture->book, xa_hazard_get_uuid (fixture->hazard), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 1);
  befores = thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE);
  g_assert_cmpuint (befores->len, ==, 1);
  g_assert_nonnull (xa_hazard_photo_thumbnail_get_paintable (g_ptr_array_index (befores, 0)));

  /* The file chooser takes several files at once, photos only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->strip), "photos.add", "s", "before"));
  xa_test_iterate ();
  {
    GtkWidget *chooser = xa_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

    g_assert_nonnull (chooser);
    g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
    g_assert_nonnull (gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)));
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    xa_test_iterate ();
    g_assert_false (xa_hazard_photo_strip_get_busy (fixture->strip));
  }

  take_step (fixture, fixture->hazard, XA_HAZARD_STEP_START, "2021-10-09");
  show (fixture, fixture->hazard);
  g_assert_true (gtk_widget_get_visible (add_after));

  take_step (fixture, fixture->hazard, XA_HAZARD_STEP_COMPLETE, "2021-10-20");
  take_step (fixture, fixture->hazard, XA_HAZARD_STEP_PASS, "2021-10-21");
  take_step (fixture, fixture->hazard, XA_HAZARD_STEP_CLOSE, "2021-10-22");
  show (fixture, fixture->hazard);
  g_assert_false (gtk_widget_get_visible (add_before));
  g_assert_false (gtk_widget_get_visible (add_after));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->strip), "photos.add", "s", "before") &&
                  xa_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  befores = (g_ptr_array_unref (befores), thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE));
  g_assert_cmpuint (befores->len, ==, 1);
}

/* A photo removed after the question: gone from the store and the strip; cancelled, kept. */
static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *before_path = data_path ("before.jpg");
  g_autofree char *plain_path = write_photo (fixture, "plain.png", 64, 48, 5);
  g_autoptr(XaHazardPhoto) before = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_BEFORE, before_path);
  g_autoptr(XaHazardPhoto) plain = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_BEFORE, plain_path);
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GPtrArray) befores = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  show (fixture, fixture->hazard);

  /* Delete on a thumbnail asks first. */
  befores = thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE);
  g_assert_true (xa_test_activate_shortcut (g_ptr_array_index (befores, 0), GDK_KEY_Delete, 0));
  g_clear_pointer (&befores, g_ptr_array_unref);
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "before.jpg"));
  adw_message_dialog_response (dialog, "cancel");
  xa_test_iterate ();
  befores = thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE);
  g_assert_cmpuint (befores->len, ==, 2);
  g_clear_pointer (&befores, g_ptr_array_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->strip), "photos.remove", "s",
                                             xa_hazard_photo_get_uuid (before)));
  xa_test_iterate ();
  dialog = xa_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "confirm");
  xa_test_iterate ();

  stored = xa_hazard_photos_list (fixture->book, xa_hazard_get_uuid (fixture->hazard), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stored), ==, 1);
  befores = thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE);
  g_assert_cmpuint (befores->len, ==, 1);
  g_assert_cmpstr (xa_hazard_photo_get_uuid (xa_hazard_photo_thumbnail_get_photo (g_ptr_array_index (befores, 0))), ==,
                   xa_hazard_photo_get_uuid (plain));
}

/* A thumbnail activated opens the viewer on it, larger; Page Down goes on, Page Up
 * back, Escape closes. (← and → are a capture-phase shortcut, which the harness's
 * xa_test_activate_shortcut() finds after the window's own focus bindings.) */
static void
test_viewer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *after_path = data_path ("after.jpg");
  g_autofree char *old_path = data_path ("after-old.jpg");
  g_autofree char *large_path = write_photo (fixture, "large.jpg", 1200, 900, 6);
  g_autoptr(XaHazardPhoto) after = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_AFTER, large_path);
  g_autoptr(XaHazardPhoto) old = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_AFTER, old_path);
  g_autoptr(GPtrArray) afters = NULL;
  XaHazardPhotoViewer *viewer;
  GdkPaintable *shown;

  show (fixture, fixture->hazard);
  afters = thumbnails (fixture, XA_HAZARD_PHOTO_AFTER);
  g_assert_cmpuint (afters->len, ==, 2);
  /* 1200 × 900 decoded within 256 pixels, then cut square: 192. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (xa_hazard_photo_thumbnail_get_paintable (g_ptr_array_index (afters, 0))),
                   ==, XA_HAZARD_PHOTO_THUMBNAIL_SIZE * 3 / 4);

  gtk_widget_activate (g_ptr_array_index (afters, 0));
  xa_test_iterate ();
  viewer = xa_test_find_toplevel (XA_TYPE_HAZARD_PHOTO_VIEWER);
  g_assert_nonnull (viewer);
  g_object_add_weak_pointer (G_OBJECT (viewer), (gpointer *) &viewer);
  xa_test_wait_for_boolean (viewer, "loading", FALSE);
  g_assert_cmpuint (xa_hazard_photo_viewer_get_position (viewer), ==, 0);
  shown = gtk_picture_get_paintable (xa_hazard_photo_viewer_get_picture (viewer));
  g_assert_nonnull (shown);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (shown), ==, 1200);
  xa_test_screenshot (GTK_WIDGET (viewer), "hazard-photo-viewer");

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (viewer), GDK_KEY_Page_Down, 0));
  xa_test_wait_for_boolean (viewer, "loading", FALSE);
  g_assert_cmpuint (xa_hazard_photo_viewer_get_position (viewer), ==, 1);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.next", NULL) &&
                  xa_hazard_photo_viewer_get_position (viewer) != 1);
  xa_test_screenshot (GTK_WIDGET (viewer), "hazard-photo-viewer-flagged");
  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (viewer), GDK_KEY_Page_Up, 0));
  xa_test_wait_for_boolean (viewer, "loading", FALSE);
  g_assert_cmpuint (xa_hazard_photo_viewer_get_position (viewer), ==, 0);

  g_assert_true (xa_test_activate_shortcut (GTK_WIDGET (viewer), GDK_KEY_Escape, 0));
  while (viewer != NULL)
    g_main_context_iteration (NULL, TRUE);
  (void) after_path;
}

/* Another hazard shown while the first's thumbnails decode: the decodes are cancelled,
 * and only the second's photos are in the strip. */
static void
test_switch (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XaHazard) other = add_hazard (fixture, "操场东侧围墙");
  g_autoptr(XaHazardPhoto) first = NULL;
  g_autoptr(XaHazardPhoto) second = NULL;
  g_autoptr(GPtrArray) befores = NULL;
  GtkFlowBox *box = xa_hazard_photo_strip_get_flow_box (fixture->strip, XA_HAZARD_PHOTO_BEFORE);
  GtkWidget *early;

  for (guint8 i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("first-%u.jpg", i);
      g_autofree char *path = write_photo (fixture, name, 1600, 1200, 10 + i);

      g_clear_object (&first);
      first = add_photo (fixture, fixture->hazard, XA_HAZARD_PHOTO_BEFORE, path);
    }
  {
    g_autofree char *path = write_photo (fixture, "second.png", 64, 48, 20);

    second = add_photo (fixture, other, XA_HAZARD_PHOTO_BEFORE, path);
  }

  /* No turn of the main loop between the two: the first's decodes are still running. */
  xa_hazard_detail_show_hazard (fixture->detail, fixture->hazard);
  early = GTK_WIDGET (gtk_flow_box_get_child_at_index (box, 0));
  g_assert_nonnull (early);
  g_assert_true (xa_hazard_photo_thumbnail_get_loading (XA_HAZARD_PHOTO_THUMBNAIL (early)));
  g_object_add_weak_pointer (G_OBJECT (early), (gpointer *) &early);
  xa_hazard_detail_show_hazard (fixture->detail, other);

  befores = thumbnails (fixture, XA_HAZARD_PHOTO_BEFORE);
  g_assert_cmpuint (befores->len, ==, 1);
  g_assert_cmpstr (xa_hazard_photo_get_uuid (xa_hazard_photo_thumbnail_get_photo (g_ptr_array_index (befores, 0))), ==,
                   xa_hazard_photo_get_uuid (second));

  /* The first hazard's thumbnails go once their cancelled decodes have returned. */
  while (early != NULL)
    g_main_context_iteration (NULL, TRUE);
  xa_test_iterate ();
  g_assert_null (gtk_flow_box_get_child_at_index (box, 1));
  g_assert_cmpuint (g_list_model_get_n_items (xa_hazard_photo_strip_get_photos (fixture->strip, XA_HAZARD_PHOTO_BEFORE)), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  xa_test_ui_init (&argc, &argv);
  /* As test-hazards-page.c: no animations, and the app's style sheet for the screenshots. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  {
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, "/io/github/xiaoan/Xiaoan/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/hazard-photos/detail", Fixture, NULL, fixture_set_up, test_detail, fixture_tear_down);
  g_test_add ("/hazard-photos/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/hazard-photos/remove", Fixture, NULL, fixture_set_up, test_remove, fixture_tear_down);
  g_test_add ("/hazard-photos/viewer", Fixture, NULL, fixture_set_up, test_viewer, fixture_tear_down);
  g_test_add ("/hazard-photos/switch", Fixture, NULL, fixture_set_up, test_switch, fixture_tear_down);

  return g_test_run ();
}
