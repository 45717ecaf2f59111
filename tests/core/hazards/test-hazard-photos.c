/* test-hazard-photos.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photos of hazards (src/core/hazards/xa-hazard-photos.c), on a file and, in the pg
 * suite, on a server: added from the fixtures of tests/data/photos/ with the time EXIF
 * gives, listed, shown as thumbnails the right way up, removed, each change audited and
 * the chain verifying after it; an "after" photo older than its hazard flagged; what is
 * not a photo, too big, broken or in a closed hazard refused with a message naming it and
 * nothing changed; a photo damaged on disk named when shown and by `audit verify`; on a
 * server, a school sees only its own photos and their files.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xa-test-utils.h"
#include "core/hazards/xa-hazard-demo.h"
#include "hazard-test-utils.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-hazard-photos.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-blob-store.h"
#include "core/store/xa-store-audit.h"
#include "core/util/xa-image.h"

typedef struct
{
  char         *dir;
  char         *location;
  XaWorkspace  *workspace;

  /* Borrowed from the workspace */
  XaStore      *store;
  XaHazardBook *book;
  XaHazard     *hazard;   /* owned: found on 2021-10-08 */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaOrganisation) school = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-photos-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->location = xa_test_location_new (fixture->dir);
  fixture->workspace = xa_test_workspace_open (fixture->location, "安全办");
  g_assert_true (xa_workspace_ensure_defaults (fixture->workspace, &error));
  g_assert_true (xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 2, 7, &error));
  g_assert_no_error (error);
  fixture->store = xa_workspace_get_store (fixture->workspace);
  fixture->book = xa_workspace_get_hazards (fixture->workspace);

  school = g_list_model_get_item (xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace)), 0);
  fixture->hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  xa_hazard_set_text (fixture->hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (fixture->hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school));
  xa_hazard_set_text (fixture->hazard, XA_HAZARD_FIELD_FOUND_ON, "2021-10-08");
  xa_hazard_set_text (fixture->hazard, XA_HAZARD_FIELD_DEADLINE, "2021-10-30");
  g_assert_true (xa_hazard_book_add (fixture->book, fixture->hazard, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->hazard);
  g_assert_finalize_object (fixture->workspace);
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->location);
}

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "photos", name, NULL);
}

static XaHazardPhoto *
add_photo (Fixture           *fixture,
           XaHazardPhotoKind  kind,
           const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path (name);
  XaHazardPhoto *photo = xa_hazard_photos_add_file (fixture->book, xa_hazard_get_uuid (fixture->hazard),
                                                    kind, path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (photo);
  return photo;
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return xa_test_query_int (fixture->store, sql);
}

static void
assert_audit_clean (XaStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = xa_store_audit_verify (store, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s", ((XaAuditFinding *) g_ptr_array_index (findings, i))->message);
  g_assert_cmpuint (findings->len, ==, 0);
}

static XaHazardPhoto *
list_item (GListModel *photos,
           guint       index)
{
  XaHazardPhoto *photo = g_list_model_get_item (photos, index);

  g_object_unref (photo);  /* the list keeps it */
  return photo;
}

static void
test_add_list_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *hazard_uuid = xa_hazard_get_uuid (fixture->hazard);
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazardPhoto) before = NULL;
  g_autoptr(XaHazardPhoto) after = NULL;
  g_autoptr(XaHazardPhoto) old = NULL;
  g_autoptr(XaHazardPhoto) png = NULL;
  g_autoptr(XaHazardPhoto) undated = NULL;
  g_autoptr(GListModel) photos = NULL;
  g_autofree char *warning = NULL;
  gint64 entries = count (fixture, "SELECT count(*) FROM audit");

  before = add_photo (fixture, XA_HAZARD_PHOTO_BEFORE, "before.jpg");
  after = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "after.jpg");
  old = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "after-old.jpg");
  png = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "exif.png");
  undated = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "noexif.jpg");

  /* What the file said, as EXIF gives it. */
  g_assert_cmpstr (xa_hazard_photo_get_file_name (before), ==, "before.jpg");
  g_assert_cmpstr (xa_hazard_photo_get_media_type (before), ==, "image/jpeg");
  g_assert_cmpint (xa_hazard_photo_get_width (before), ==, 64);
  g_assert_cmpint (xa_hazard_photo_get_height (before), ==, 48);
  g_assert_cmpstr (xa_hazard_photo_get_taken_at (before), ==, "2021-10-05T14:03:00");
  g_assert_cmpstr (xa_hazard_photo_get_added_by (before), ==, "安全办");
  g_assert_cmpstr (xa_hazard_photo_get_media_type (png), ==, "image/png");
  g_assert_cmpstr (xa_hazard_photo_get_taken_at (png), ==, "2021-11-11T11:11:11");
  g_assert_null (xa_hazard_photo_get_taken_at (undated));

  /* An "after" photo taken before the hazard was found (2021-10-08) is flagged; a
   * "before" photo of that age is not, nor one that does not say when it was taken. */
  g_assert_false (xa_hazard_photo_get_older_than_hazard (before));
  g_assert_false (xa_hazard_photo_get_older_than_hazard (after));
  g_assert_true (xa_hazard_photo_get_older_than_hazard (old));
  g_assert_false (xa_hazard_photo_get_older_than_hazard (undated));
  warning = xa_hazard_photo_dup_warning (old);
  g_assert_nonnull (strstr (warning, "2021年9月28日"));
  g_assert_nonnull (strstr (warning, "2021年10月8日"));
  g_assert_null (xa_hazard_photo_dup_warning (after));

  /* Listed before-photos first, each kind in the order added, the flag read again. */
  photos = xa_hazard_photos_list (fixture->book, hazard_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 5);
  g_assert_cmpstr (xa_hazard_photo_get_uuid (list_item (photos, 0)), ==, xa_hazard_photo_get_uuid (before));
  g_assert_cmpstr (xa_hazard_photo_get_file_name (list_item (photos, 1)), ==, "after.jpg");
  g_assert_cmpstr (xa_hazard_photo_get_file_name (list_item (photos, 2)), ==, "after-old.jpg");
  g_assert_true (xa_hazard_photo_get_older_than_hazard (list_item (photos, 2)));
  g_assert_cmpstr (xa_hazard_photo_get_taken_at (list_item (photos, 3)), ==, "2021-11-11T11:11:11");
  g_assert_cmpstr (xa_hazard_photo_get_sha256 (list_item (photos, 0)), ==, xa_hazard_photo_get_sha256 (before));

  /* One audit entry each, with the photo's image; the chain verifies. */
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, entries + 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE action = 'hazard.add-photo'"), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit_image WHERE record_table = 'hazard_photo'"), ==, 5);
  assert_audit_clean (fixture->store);

  /* The same file as the other kind is a second photo of one stored file; as the same
   * kind it is refused, and nothing changes. */
  g_clear_object (&undated);
  undated = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "before.jpg");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 5);
  {
    g_autofree char *path = fixture_path ("before.jpg");

    g_assert_null (xa_hazard_photos_add_file (fixture->book, hazard_uuid, XA_HAZARD_PHOTO_BEFORE, path, &error));
    g_assert_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "before.jpg"));
    g_clear_error (&error);
  }
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM hazard_photo"), ==, 6);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, entries + 6);

  /* Removed: gone from the list, audited, the stored file kept. */
  g_assert_true (xa_hazard_photos_remove (fixture->book, xa_hazard_photo_get_uuid (old), &error));
  g_assert_no_error (error);
  g_clear_object (&photos);
  photos = xa_hazard_photos_list (fixture->book, hazard_uuid, &error);
  g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit WHERE action = 'hazard.remove-photo'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 5);
  assert_audit_clean (fixture->store);

  g_assert_false (xa_hazard_photos_remove (fixture->book, xa_hazard_photo_get_uuid (old), &error));
  g_assert_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A photo of another hazard is not this one's. */
  {
    g_autoptr(GListModel) none = xa_hazard_photos_list (fixture->book, "no-such-hazard", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GdkPixbuf **image = user_data;
  g_autoptr(GError) error = NULL;

  *image = xa_hazard_photos_load_image_finish (XA_HAZARD_BOOK (source), result, &error);
  g_assert_no_error (error);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  XaHazardPhoto **photo = user_data;
  g_autoptr(GError) error = NULL;

  *photo = xa_hazard_photos_add_file_finish (XA_HAZARD_BOOK (source), result, &error);
  g_assert_no_error (error);
}

/* Thumbnails as a list shows them: decoded at the size asked for, the right way up,
 * off the main thread. */
static void
test_thumbnails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XaHazardPhoto) before = add_photo (fixture, XA_HAZARD_PHOTO_BEFORE, "before.jpg");
  g_autoptr(XaHazardPhoto) rotated = NULL;
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture_path ("rotated.jpg");

  small = xa_hazard_photos_load_image (fixture->book, before, 32, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (small), ==, 24);

  xa_hazard_photos_add_file_async (fixture->book, xa_hazard_get_uuid (fixture->hazard),
                                   XA_HAZARD_PHOTO_AFTER, path, NULL, added_cb, &rotated);
  while (rotated == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (xa_hazard_photo_get_width (rotated), ==, 64);

  xa_hazard_photos_load_image_async (fixture->book, rotated, XA_HAZARD_PHOTO_THUMBNAIL_SIZE, NULL,
                                     loaded_cb, &upright);
  while (upright == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gdk_pixbuf_get_width (upright), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (upright), ==, 64);
  assert_audit_clean (fixture->store);
}

/* Adding @path is refused with @domain and @code, the message naming @name, and nothing
 * is written. */
static void
assert_add_refused (Fixture    *fixture,
                    const char *hazard_uuid,
                    const char *path,
                    GQuark      domain,
                    int         code,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *after = NULL;

  g_assert_null (xa_hazard_photos_add_file (fixture->book, hazard_uuid, XA_HAZARD_PHOTO_BEFORE, path, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (name != NULL)
    g_assert_nonnull (strstr (error->message, name));

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM hazard_photo"), ==, 0);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM blob"), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const char *hazard_uuid = xa_hazard_get_uuid (fixture->hazard);
  g_autofree char *text = g_build_filename (fixture->dir, "照片.jpg", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.jpg", NULL);
  g_autofree char *cut = g_build_filename (fixture->dir, "cut.jpg", NULL);
  g_autofree char *big = g_build_filename (fixture->dir, "big.jpg", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.jpg", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.jpg", NULL);
  g_autofree char *huge = fixture_path ("huge.png");
  g_autofree char *good = fixture_path ("before.jpg");
  g_autofree char *jpeg = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (text, "这不是照片，是一段文字。", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_get_contents (good, &jpeg, &length, NULL));
  g_assert_true (g_file_set_contents (cut, jpeg, length / 2, NULL));
  {
    FILE *f = fopen (big, "w");

    g_assert_nonnull (f);
    g_assert_cmpint (ftruncate (fileno (f), XA_HAZARD_PHOTO_MAX_SIZE + 1), ==, 0);
    fclose (f);
  }
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  assert_add_refused (fixture, hazard_uuid, text, XA_IMAGE_ERROR, XA_IMAGE_ERROR_NOT_IMAGE, "照片.jpg");
  assert_add_refused (fixture, hazard_uuid, empty, XA_IMAGE_ERROR, XA_IMAGE_ERROR_NOT_IMAGE, "empty.jpg");
  assert_add_refused (fixture, hazard_uuid, cut, XA_IMAGE_ERROR, XA_IMAGE_ERROR_DAMAGED, "cut.jpg");
  assert_add_refused (fixture, hazard_uuid, huge, XA_IMAGE_ERROR, XA_IMAGE_ERROR_TOO_LARGE, "huge.png");
  assert_add_refused (fixture, hazard_uuid, big, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE, "big.jpg");
  assert_add_refused (fixture, hazard_uuid, fifo, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE, "pipe.jpg");
  assert_add_refused (fixture, hazard_uuid, fixture->dir, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE, NULL);
  assert_add_refused (fixture, hazard_uuid, missing, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE, "missing.jpg");
  assert_add_refused (fixture, "no-such-hazard", good, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_NOT_FOUND, NULL);
}

static void
take_step (Fixture      *fixture,
           XaHazardStep  step,
           const char   *who,
           const char   *date)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { who, date, NULL, NULL };

  g_assert_true (xa_hazard_book_step (fixture->book, fixture->hazard, step, &input, &error));
  g_assert_no_error (error);
}

/* A closed hazard's photos no longer change, through the app or not. */
static void
test_closed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(XaHazardPhoto) before = add_photo (fixture, XA_HAZARD_PHOTO_BEFORE, "before.jpg");
  g_autoptr(XaHazardPhoto) after = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "after.jpg");
  g_autofree char *path = fixture_path ("exif.png");
  g_autoptr(GError) error = NULL;
  gint64 entries;

  take_step (fixture, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, "2021-10-09");
  take_step (fixture, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-10-20");
  take_step (fixture, XA_HAZARD_STEP_PASS, "赵校长", "2021-10-21");
  take_step (fixture, XA_HAZARD_STEP_CLOSE, "赵校长", "2021-10-22");
  entries = count (fixture, "SELECT count(*) FROM audit");

  g_assert_null (xa_hazard_photos_add_file (fixture->book, xa_hazard_get_uuid (fixture->hazard),
                                            XA_HAZARD_PHOTO_AFTER, path, &error));
  g_assert_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_CLOSED);
  g_assert_nonnull (strstr (error->message, xa_hazard_get_number (fixture->hazard)));
  g_clear_error (&error);
  g_assert_false (xa_hazard_photos_remove (fixture->book, xa_hazard_photo_get_uuid (before), &error));
  g_assert_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_CLOSED);
  g_clear_error (&error);

  /* Around the app: the schema refuses too. */
  g_assert_false (xa_store_exec (fixture->store, "DELETE FROM hazard_photo", &error));
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM hazard_photo"), ==, 2);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM audit"), ==, entries);
  assert_audit_clean (fixture->store);
}

/* A photo's stored file changed on disk (or in its row): shown, it is named with its
 * stored file; `audit verify` names the file too. And a photo's row edited behind the
 * app's back is named by verify as the other records are. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XaHazardPhoto) photo = add_photo (fixture, XA_HAZARD_PHOTO_BEFORE, "before.jpg");
  const char *sha256 = xa_hazard_photo_get_sha256 (photo);
  g_autofree char *path = xa_store_dup_blob_path (fixture->store, sha256);
  g_autoptr(GdkPixbuf) image = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  if (path != NULL)
    g_assert_true (g_file_set_contents (path, "\xff\xd8\xff damaged", -1, NULL));
  else
    {
      g_autofree char *sql = g_strdup_printf ("ALTER TABLE blob DISABLE TRIGGER blob_no_update;"
                                              "UPDATE blob SET content = '\\xffd8ff00'::bytea WHERE sha256 = '%s';"
                                              "ALTER TABLE blob ENABLE TRIGGER blob_no_update;", sha256);

      g_assert_true (xa_store_exec (fixture->store, sql, &error));
      g_assert_no_error (error);
    }

  image = xa_hazard_photos_load_image (fixture->book, photo, 256, &error);
  g_assert_null (image);
  g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_DAMAGED);
  g_assert_nonnull (strstr (error->message, "before.jpg"));
  g_assert_nonnull (strstr (error->message, sha256));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  findings = xa_store_audit_verify (fixture->store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((XaAuditFinding *) g_ptr_array_index (findings, 0))->kind, ==, XA_AUDIT_FINDING_BLOB_DAMAGED);
  g_assert_nonnull (strstr (((XaAuditFinding *) g_ptr_array_index (findings, 0))->message, sha256));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The row: its file name changed with the sqlite3 tool, or by the server's owner. */
  {
    g_autofree char *sql = g_strdup_printf (path != NULL
                                            ? "DROP TRIGGER hazard_photo_no_update;"
                                              "UPDATE hazard_photo SET file_name = 'other.jpg' WHERE uuid = '%s'"
                                            : "ALTER TABLE hazard_photo DISABLE TRIGGER hazard_photo_no_update;"
                                              "UPDATE hazard_photo SET file_name = 'other.jpg' WHERE uuid = '%s'",
                                            xa_hazard_photo_get_uuid (photo));
    XaAuditFinding *edited = NULL;

    g_assert_true (xa_store_exec (fixture->store, sql, &error));
    g_assert_no_error (error);
    findings = xa_store_audit_verify (fixture->store, 0, NULL, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < findings->len; i++)
      if (((XaAuditFinding *) g_ptr_array_index (findings, i))->kind == XA_AUDIT_FINDING_ROW_EDITED)
        edited = g_ptr_array_index (findings, i);
    g_assert_nonnull (edited);
    g_assert_cmpstr (edited->table, ==, "hazard_photo");
    g_assert_cmpstr (edited->fields, ==, "file_name");
    g_test_message ("%s", edited->message);
  }
}

/* A move to another engine takes the photos with their files: listed and shown there,
 * the chain verifying; and from there to a file, whose files are beside it. */
static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(XaHazardPhoto) before = add_photo (fixture, XA_HAZARD_PHOTO_BEFORE, "before.jpg");
  g_autoptr(XaHazardPhoto) after = add_photo (fixture, XA_HAZARD_PHOTO_AFTER, "rotated.jpg");
  g_autofree char *file_b = g_build_filename (fixture->dir, "b", "xiaoan.db", NULL);
  g_autoptr(XaStore) other = xa_test_store_new ();
  g_autoptr(XaStore) b = NULL;
  g_autoptr(GError) error = NULL;
  XaStore *stores[2];

  g_assert_true (xa_store_copy (fixture->store, other, NULL, &error));
  g_assert_no_error (error);
  b = xa_store_open (file_b, &error);
  g_assert_no_error (error);
  g_assert_true (xa_store_copy (other, b, NULL, &error));
  g_assert_no_error (error);
  stores[0] = other;
  stores[1] = b;

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_autoptr(XaWorkspace) workspace = xa_workspace_new_for_store (stores[i]);
      XaHazardBook *book = xa_workspace_get_hazards (workspace);
      g_autoptr(GListModel) photos = xa_hazard_photos_list (book, xa_hazard_get_uuid (fixture->hazard), &error);
      g_autoptr(GdkPixbuf) upright = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (photos), ==, 2);
      g_assert_cmpstr (xa_hazard_photo_get_taken_at (list_item (photos, 0)), ==, "2021-10-05T14:03:00");
      upright = xa_hazard_photos_load_image (book, list_item (photos, 1), 256, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_height (upright), ==, 64);
      assert_audit_clean (stores[i]);
    }

  {
    g_autofree char *path = xa_store_dup_blob_path (b, xa_hazard_photo_get_sha256 (after));

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

/* On a server, a school's role sees the photos of its own hazards and only the stored
 * files they name: another school's photos, and their files, are not there for it, even
 * by SHA-256. Two schools that add the same file share one stored file and both read
 * it. Commission staff see all. */
static void
test_school_access (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XaStore *admin = fixture->store;
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (fixture->workspace));
  g_autoptr(XaOrganisation) a = g_list_model_get_item (schools, 0);
  g_autoptr(XaOrganisation) b = g_list_model_get_item (schools, 1);
  g_autofree char *role_a = g_strdup_printf ("photos_a_%d", (int) getpid ());
  g_autofree char *role_b = g_strdup_printf ("photos_b_%d", (int) getpid ());
  g_autofree char *role_staff = g_strdup_printf ("photos_staff_%d", (int) getpid ());
  g_autofree char *password_a = NULL;
  g_autofree char *password_b = NULL;
  g_autofree char *password_staff = NULL;
  g_autofree char *uri_a = NULL;
  g_autofree char *uri_b = NULL;
  g_autofree char *uri_staff = NULL;
  g_autofree char *before_path = fixture_path ("before.jpg");
  g_autofree char *after_path = fixture_path ("after.jpg");
  g_autoptr(XaHazard) hazard_b = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(XaHazardPhoto) photo_a = NULL;
  g_autoptr(XaWorkspace) school_a = NULL;
  g_autoptr(XaWorkspace) school_b = NULL;
  g_autoptr(XaWorkspace) staff = NULL;

  if (xa_test_server_uri () == NULL)
    {
      g_test_skip ("roles and row level security belong to a server");
      return;
    }

  xa_hazard_set_text (hazard_b, XA_HAZARD_FIELD_NUMBER, NULL);
  xa_hazard_set_text (hazard_b, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (b));
  g_assert_true (xa_hazard_book_add (fixture->book, hazard_b, &error));
  g_assert_no_error (error);
  photo_a = add_photo (fixture, XA_HAZARD_PHOTO_BEFORE, "before.jpg");

  g_assert_true (xa_store_server_setup (admin, &error));
  g_assert_no_error (error);
  password_a = xa_store_server_add_school (admin, xa_organisation_get_code (a), role_a, &error);
  password_b = xa_store_server_add_school (admin, xa_organisation_get_code (b), role_b, &error);
  password_staff = xa_store_server_add_staff (admin, role_staff, &error);
  g_assert_no_error (error);
  uri_a = g_strdup_printf ("%s&user=%s", fixture->location, role_a);
  uri_b = g_strdup_printf ("%s&user=%s", fixture->location, role_b);
  uri_staff = g_strdup_printf ("%s&user=%s", fixture->location, role_staff);

  /* School B: A's photo, its hazard and its file are not there. */
  school_b = xa_workspace_open_location (uri_b, password_b, "乙校", &error);
  g_assert_no_error (error);
  {
    XaStore *store_b = xa_workspace_get_store (school_b);
    XaHazardBook *book_b = xa_workspace_get_hazards (school_b);
    g_autoptr(GListModel) seen = xa_hazard_photos_list (book_b, xa_hazard_get_uuid (fixture->hazard), &error);
    g_autoptr(XaHazardPhoto) own = NULL;
    g_autoptr(XaHazardPhoto) second = NULL;
    g_autoptr(GdkPixbuf) image = NULL;
    g_autoptr(GBytes) stolen = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (seen), ==, 0);
    g_assert_cmpint (xa_test_query_int (store_b, "SELECT count(*) FROM hazard_photo"), ==, 0);
    g_assert_cmpint (xa_test_query_int (store_b, "SELECT count(*) FROM blob"), ==, 0);
    stolen = xa_store_dup_blob (store_b, xa_hazard_photo_get_sha256 (photo_a), &error);
    g_assert_null (stolen);
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_BLOB_MISSING);
    g_clear_error (&error);
    g_assert_null (xa_hazard_photos_add_file (book_b, xa_hazard_get_uuid (fixture->hazard),
                                              XA_HAZARD_PHOTO_AFTER, after_path, &error));
    g_assert_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (xa_hazard_photos_remove (book_b, xa_hazard_photo_get_uuid (photo_a), &error));
    g_assert_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_NOT_FOUND);
    g_clear_error (&error);

    /* The same file for its own hazard: one stored file, now B's to read too. */
    own = xa_hazard_photos_add_file (book_b, xa_hazard_get_uuid (hazard_b), XA_HAZARD_PHOTO_BEFORE,
                                     before_path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xa_hazard_photo_get_sha256 (own), ==, xa_hazard_photo_get_sha256 (photo_a));
    image = xa_hazard_photos_load_image (book_b, own, 64, &error);
    g_assert_no_error (error);
    second = xa_hazard_photos_add_file (book_b, xa_hazard_get_uuid (hazard_b), XA_HAZARD_PHOTO_AFTER,
                                        after_path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (xa_test_query_int (store_b, "SELECT count(*) FROM blob"), ==, 2);
    g_assert_cmpint (xa_test_query_int (store_b, "SELECT count(*) FROM hazard_photo"), ==, 2);

    /* Around the app: A's photo is not there to delete. */
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM hazard_photo WHERE uuid = '%s'",
                                              xa_hazard_photo_get_uuid (photo_a));

      g_assert_true (xa_store_exec (store_b, sql, &error));
      g_assert_no_error (error);
      g_assert_cmpint (xa_store_count_changes (store_b), ==, 0);
    }
  }

  /* School A sees its photo and its file, not B's other file. */
  school_a = xa_workspace_open_location (uri_a, password_a, "甲校", &error);
  g_assert_no_error (error);
  {
    XaStore *store_a = xa_workspace_get_store (school_a);
    g_autoptr(GListModel) own = xa_hazard_photos_list (xa_workspace_get_hazards (school_a),
                                                       xa_hazard_get_uuid (fixture->hazard), &error);
    g_autoptr(GdkPixbuf) image = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (own), ==, 1);
    image = xa_hazard_photos_load_image (xa_workspace_get_hazards (school_a), photo_a, 64, &error);
    g_assert_no_error (error);
    g_assert_cmpint (xa_test_query_int (store_a, "SELECT count(*) FROM blob"), ==, 1);
    g_assert_false (xa_store_exec (store_a, "UPDATE blob SET created_at = ''", &error));
    g_assert_error (error, XA_STORE_ERROR, XA_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* B's attempt on A's photo changed nothing; staff see every photo and file. */
  staff = xa_workspace_open_location (uri_staff, password_staff, "区教委", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (staff), "SELECT count(*) FROM hazard_photo"), ==, 1 + 2);
  g_assert_cmpint (xa_test_query_int (xa_workspace_get_store (staff), "SELECT count(*) FROM blob"), ==, 2);
  assert_audit_clean (admin);
}

/* The demo's photos: drawn, with the time taken in their EXIF data (the day found, or
 * rectified for an 'after' one), stored as chosen files are, each decoding; closed
 * hazards get none. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_new_in_memory ("安全办", 3);
  struct { XaStore *store; XaHazardBook *book; } demo = { xa_workspace_get_store (workspace),
                                                          xa_workspace_get_hazards (workspace) }, *fixture = &demo;
  guint n_added = 0;
  gint64 n_open;
  gint64 n_after;

  g_assert_true (xa_hazard_demo_fill (fixture->book, 2000, 11, "2023-03-15", &error));
  g_assert_no_error (error);
  n_open = xa_test_query_int (fixture->store, "SELECT count(*) FROM hazard WHERE state <> 'closed'"
                                              " AND school_year = 2022");
  g_assert_cmpint (n_open, >=, 25);
  g_assert_true (xa_hazard_demo_add_photos (fixture->book, 20, 11, &n_added, &error));
  g_assert_no_error (error);

  n_after = xa_test_query_int (fixture->store, "SELECT count(*) FROM hazard_photo WHERE kind = 'after'");
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM hazard_photo WHERE kind = 'before'"),
                   ==, 20);
  g_assert_cmpuint (n_added, ==, 20 + n_after);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM hazard_photo p JOIN hazard h ON h.uuid = p.hazard_uuid"
                                      " WHERE h.state = 'closed'"), ==, 0);
  /* The EXIF time, read back when stored: the day the hazard was found. */
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM hazard_photo p JOIN hazard h ON h.uuid = p.hazard_uuid"
                                      " WHERE p.kind = 'before' AND substr (p.taken_at, 1, 10) = h.found_on"), ==, 20);
  g_assert_cmpint (xa_test_query_int (fixture->store,
                                      "SELECT count(*) FROM hazard_photo p JOIN hazard h ON h.uuid = p.hazard_uuid"
                                      " WHERE p.kind = 'after' AND substr (p.taken_at, 1, 10) = h.completed_on"),
                   ==, n_after);

  /* Again: the hazards with photos are skipped, the next ones get theirs. */
  g_assert_true (xa_hazard_demo_add_photos (fixture->book, 5, 12, NULL, &error));
  g_assert_cmpint (xa_test_query_int (fixture->store, "SELECT count(*) FROM hazard_photo WHERE kind = 'before'"),
                   ==, 25);
  xa_test_assert_chain_holds (fixture->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hazard-photos/add-list-remove", Fixture, NULL, fixture_set_up, test_add_list_remove,
              fixture_tear_down);
  g_test_add ("/hazard-photos/thumbnails", Fixture, NULL, fixture_set_up, test_thumbnails, fixture_tear_down);
  g_test_add_func ("/hazard-photos/demo", test_demo);
  g_test_add ("/hazard-photos/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/hazard-photos/closed", Fixture, NULL, fixture_set_up, test_closed, fixture_tear_down);
  g_test_add ("/hazard-photos/damaged", Fixture, NULL, fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add ("/hazard-photos/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/hazard-photos/school-access", Fixture, NULL, fixture_set_up, test_school_access,
              fixture_tear_down);

  return g_test_run ();
}
