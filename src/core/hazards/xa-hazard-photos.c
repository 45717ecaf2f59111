/* xa-hazard-photos.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Photos of hazards (issue 11): added from a file, listed, shown and removed, through
 * the public API of the hazard book's store. A file is read whole from a regular file,
 * no larger than XA_HAZARD_PHOTO_MAX_SIZE, and must decode as a JPEG or PNG within the
 * pixel budget (xa-image.c) before anything is stored: what cannot be shown is not kept.
 * The stored file, the link row and its audit entry are one transaction; a closed
 * hazard's photos no longer change, which the schema holds for every connection.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-hazard-photo-private.h"
#include "xa-hazard-photos.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-date.h"
#include "core/util/xa-file.h"
#include "core/util/xa-image.h"
#include "core/util/xa-json.h"

G_DEFINE_QUARK (xa-hazard-photos-error-quark, xa_hazard_photos_error)

/* A file name longer than this is cut: it is only a label. */
#define MAX_FILE_NAME 255

static const char photo_columns[] =
  "SELECT p.uuid, p.hazard_uuid, p.kind, p.blob_sha256, p.file_name, p.media_type,"
  " p.width, p.height, p.taken_at, p.added_at, p.added_by, h.found_on"
  " FROM hazard_photo p JOIN hazard h ON h.uuid = p.hazard_uuid";

static XaHazardPhoto *
photo_from_row (XaStatement *row)
{
  XaHazardPhotoFields fields = {
    .uuid = xa_statement_get_text (row, 0),
    .hazard_uuid = xa_statement_get_text (row, 1),
    .kind = XA_HAZARD_PHOTO_BEFORE,
    .sha256 = xa_statement_get_text (row, 3),
    .file_name = xa_statement_get_text (row, 4),
    .media_type = xa_statement_get_text (row, 5),
    .width = xa_statement_get_int (row, 6),
    .height = xa_statement_get_int (row, 7),
    .taken_at = xa_statement_get_text_or_null (row, 8),
    .added_at = xa_statement_get_text (row, 9),
    .added_by = xa_statement_get_text (row, 10),
    .hazard_found_on = xa_statement_get_text (row, 11),
  };

  xa_hazard_photo_kind_from_key (xa_statement_get_text (row, 2), &fields.kind);
  return _xa_hazard_photo_new (&fields);
}

/* Reading the file */

/* The whole of a regular file, at most XA_HAZARD_PHOTO_MAX_SIZE: a folder, a device or a
 * pipe is refused without being read. */
static GBytes *
read_photo_file (const char  *path,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  int saved_errno = 0;
  GBytes *content;

  if ((content = xa_file_read_regular (path, XA_HAZARD_PHOTO_MAX_SIZE, TRUE, &saved_errno)))
    return content;

  if (saved_errno == EINVAL)
    g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE,
                 _("“%s” is not a file: choose a photo (JPEG or PNG)"), display);
  else if (saved_errno == EFBIG)
    {
      g_autofree char *limit = g_format_size (XA_HAZARD_PHOTO_MAX_SIZE);

      g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE,
                   _("“%s” is larger than the %s a photo may be; save it smaller and add it again"),
                   display, limit);
    }
  else
    g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE,
                 _("Cannot read “%s”: %s"), display, g_strerror (saved_errno));

  return NULL;
}

/* Adding */

typedef struct
{
  /* In */
  char              *hazard_uuid;
  XaHazardPhotoKind  kind;
  char              *path;
  /* Read from the file before the write */
  GBytes            *content;
  char              *file_name;
  XaImageInfo        info;
  /* Made by the write */
  char              *uuid;
  char              *sha256;
  char              *found_on;
  char              *added_at;
} AddPhoto;

static void
add_photo_free (AddPhoto *add)
{
  g_free (add->hazard_uuid);
  g_free (add->path);
  g_clear_pointer (&add->content, g_bytes_unref);
  g_free (add->file_name);
  xa_image_info_clear (&add->info);
  g_free (add->uuid);
  g_free (add->sha256);
  g_free (add->found_on);
  g_free (add->added_at);
  g_free (add);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddPhoto, add_photo_free)

/* The hazard a change of photos is about: its number (for messages and the audit) and
 * found-on date; refused when it does not exist (for this login) or is closed. */
static gboolean
read_hazard (XaStore     *store,
             const char  *hazard_uuid,
             char       **number,
             char       **found_on,
             GError     **error)
{
  g_autoptr(XaStatement) hazard = NULL;
  XaStep step;

  if (!(hazard = xa_store_prepare (store, "SELECT number, state, found_on FROM hazard WHERE uuid = ?",
                                   error)))
    return FALSE;
  xa_statement_bind_text (hazard, 1, hazard_uuid);

  if ((step = xa_statement_step (hazard, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_NOT_FOUND,
                   _("The hazard does not exist, or this account may not see it"));
      return FALSE;
    }

  if (g_str_equal (xa_statement_get_text (hazard, 1), "closed"))
    {
      g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_CLOSED,
                   _("Hazard %s is closed: its photos no longer change"),
                   xa_statement_get_text (hazard, 0));
      return FALSE;
    }

  *number = g_strdup (xa_statement_get_text (hazard, 0));
  if (found_on != NULL)
    *found_on = g_strdup (xa_statement_get_text (hazard, 2));
  return TRUE;
}

static char *
audit_detail (const char        *number,
              XaHazardPhotoKind  kind,
              const char        *file_name,
              const char        *sha256)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hazard");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, xa_hazard_photo_kind_to_key (kind));
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file_name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

static gboolean
add_func (XaStore   *store,
          gpointer   user_data,
          GError   **error)
{
  AddPhoto *add = user_data;
  g_autoptr(XaStatement) duplicate = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  const char *sha256;

  g_clear_pointer (&add->found_on, g_free);
  if (!read_hazard (store, add->hazard_uuid, &number, &add->found_on, error))
    return FALSE;

  /* The file first, in this transaction: the link below refers to it. */
  g_free (add->sha256);
  if (!(sha256 = add->sha256 = xa_store_put_blob (store, add->content, error)))
    return FALSE;

  if (!(duplicate = xa_store_prepare (store,
                                      "SELECT count(*) FROM hazard_photo"
                                      " WHERE hazard_uuid = ? AND kind = ? AND blob_sha256 = ?",
                                      error)))
    return FALSE;
  xa_statement_bind_text (duplicate, 1, add->hazard_uuid);
  xa_statement_bind_text (duplicate, 2, xa_hazard_photo_kind_to_key (add->kind));
  xa_statement_bind_text (duplicate, 3, sha256);
  if (!xa_statement_step_one (duplicate, error))
    return FALSE;
  if (xa_statement_get_int64 (duplicate, 0) > 0)
    {
      g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_DUPLICATE,
                   _("“%s” is already among the photos of hazard %s (%s)"),
                   add->file_name, number, xa_hazard_photo_kind_to_label (add->kind));
      return FALSE;
    }

  g_free (add->uuid);
  add->uuid = xa_store_new_uuid ();
  g_free (add->added_at);
  add->added_at = xa_date_now_iso8601 ();

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO hazard_photo (uuid, hazard_uuid, kind, blob_sha256,"
                                   " file_name, media_type, width, height, taken_at, added_at, added_by)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, add->uuid);
  xa_statement_bind_text (insert, 2, add->hazard_uuid);
  xa_statement_bind_text (insert, 3, xa_hazard_photo_kind_to_key (add->kind));
  xa_statement_bind_text (insert, 4, sha256);
  xa_statement_bind_text (insert, 5, add->file_name);
  xa_statement_bind_text (insert, 6, xa_image_format_to_media_type (add->info.format));
  xa_statement_bind_int (insert, 7, add->info.width);
  xa_statement_bind_int (insert, 8, add->info.height);
  xa_statement_bind_text (insert, 9, add->info.taken_at);
  xa_statement_bind_text (insert, 10, add->added_at);
  xa_statement_bind_text (insert, 11, xa_store_get_operator (store));
  if (!xa_statement_run (insert, error))
    return FALSE;

  detail = audit_detail (number, add->kind, add->file_name, sha256);
  return xa_store_append_audit (store, "hazard.add-photo", "hazard_photo", add->uuid, detail, error);
}

/* Reads and checks the file: all that can be refused before the store is touched. */
static gboolean
prepare_add (AddPhoto  *add,
             GError   **error)
{
  g_autoptr(GdkPixbuf) decoded = NULL;

  /* A photo given as bytes comes with its name; a file is read for both. */
  if (add->content == NULL)
    {
      g_autofree char *base = g_filename_display_basename (add->path);

      add->file_name = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), MAX_FILE_NAME));
      if (!(add->content = read_photo_file (add->path, error)))
        return FALSE;
    }

  if (!xa_image_read_info (add->content, add->file_name, &add->info, error))
    return FALSE;

  /* What cannot be shown is not kept: a header that reads well over data that does
   * not decode is refused now, not found out when a list wants its thumbnail. */
  decoded = xa_image_decode (add->content, add->file_name, XA_HAZARD_PHOTO_THUMBNAIL_SIZE, error);
  return decoded != NULL;
}

static XaHazardPhoto *
run_add (XaHazardBook  *book,
         AddPhoto      *add,
         GError       **error)
{
  XaStore *store = xa_hazard_book_get_store (book);
  XaHazardPhotoFields fields = { 0 };

  if (!prepare_add (add, error) || !xa_store_write (store, add_func, add, error))
    return NULL;

  fields.uuid = add->uuid;
  fields.hazard_uuid = add->hazard_uuid;
  fields.kind = add->kind;
  fields.sha256 = add->sha256;
  fields.file_name = add->file_name;
  fields.media_type = xa_image_format_to_media_type (add->info.format);
  fields.width = add->info.width;
  fields.height = add->info.height;
  fields.taken_at = add->info.taken_at;
  fields.added_at = add->added_at;
  fields.added_by = xa_store_get_operator (store);
  fields.hazard_found_on = add->found_on;
  return _xa_hazard_photo_new (&fields);
}

static AddPhoto *
add_photo_new (const char        *hazard_uuid,
               XaHazardPhotoKind  kind,
               const char        *path)
{
  AddPhoto *add = g_new0 (AddPhoto, 1);

  add->hazard_uuid = g_strdup (hazard_uuid);
  add->kind = kind;
  add->path = g_strdup (path);
  return add;
}

/**
 * xa_hazard_photos_add_file:
 * @hazard_uuid: the hazard, which must not be closed
 * @kind: before or after the rectification
 * @path: (type filename): the photo's file
 *
 * Adds a photo to a hazard: reads the file (a regular file, at most
 * %XA_HAZARD_PHOTO_MAX_SIZE), checks that it is a JPEG or PNG that decodes within the
 * pixel budget, reads when it was taken from its EXIF data, then stores it once and
 * links it to the hazard, with the audit entry, in one transaction. The same file twice
 * as the same kind of photo of one hazard is refused. Blocks on the file and the disk:
 * the app calls xa_hazard_photos_add_file_async().
 *
 * Returns: (transfer full): the photo added, or %NULL with @error set (a message that
 *   names the file; %XA_IMAGE_ERROR for what is not a photo that can be shown)
 */
XaHazardPhoto *
xa_hazard_photos_add_file (XaHazardBook       *book,
                           const char         *hazard_uuid,
                           XaHazardPhotoKind   kind,
                           const char         *path,
                           GError            **error)
{
  g_autoptr(AddPhoto) add = NULL;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (hazard_uuid != NULL && path != NULL, NULL);
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  add = add_photo_new (hazard_uuid, kind, path);
  return run_add (book, add, error);
}

/**
 * xa_hazard_photos_add_bytes:
 * @content: the photo's bytes, at most %XA_HAZARD_PHOTO_MAX_SIZE
 * @file_name: what the photo is called, for the list and messages
 *
 * Adds a photo that is not a file of its own (one made by the demo, or pasted), with
 * the checks and in the one transaction of xa_hazard_photos_add_file().
 *
 * Returns: (transfer full): the photo added, or %NULL with @error set
 */
XaHazardPhoto *
xa_hazard_photos_add_bytes (XaHazardBook       *book,
                            const char         *hazard_uuid,
                            XaHazardPhotoKind   kind,
                            GBytes             *content,
                            const char         *file_name,
                            GError            **error)
{
  g_autoptr(AddPhoto) add = NULL;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (hazard_uuid != NULL && content != NULL && file_name != NULL, NULL);
  g_return_val_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS, NULL);

  if (g_bytes_get_size (content) > XA_HAZARD_PHOTO_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (XA_HAZARD_PHOTO_MAX_SIZE);

      g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_FILE,
                   _("“%s” is larger than the %s a photo may be; save it smaller and add it again"),
                   file_name, limit);
      return NULL;
    }

  add = add_photo_new (hazard_uuid, kind, file_name);
  add->content = g_bytes_ref (content);
  add->file_name = g_utf8_substring (file_name, 0, MIN (g_utf8_strlen (file_name, -1), MAX_FILE_NAME));
  return run_add (book, add, error);
}

static void
add_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  XaHazardPhoto *photo = run_add (source_object, task_data, &error);

  if (photo == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, photo, g_object_unref);
}

void
xa_hazard_photos_add_file_async (XaHazardBook        *book,
                                 const char          *hazard_uuid,
                                 XaHazardPhotoKind    kind,
                                 const char          *path,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (hazard_uuid != NULL && path != NULL);
  g_return_if_fail (kind < XA_N_HAZARD_PHOTO_KINDS);

  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_hazard_photos_add_file_async);
  g_task_set_task_data (task, add_photo_new (hazard_uuid, kind, path), (GDestroyNotify) add_photo_free);
  g_task_run_in_thread (task, add_worker);
}

/**
 * xa_hazard_photos_add_file_finish:
 *
 * Returns: (transfer full): the photo added, or %NULL with @error set
 */
XaHazardPhoto *
xa_hazard_photos_add_file_finish (XaHazardBook  *book,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Listing */

typedef struct
{
  const char *hazard_uuid;
  GListStore *photos;
} ListPhotos;

static gboolean
list_func (XaStore   *store,
           gpointer   user_data,
           GError   **error)
{
  ListPhotos *list = user_data;
  g_autofree char *sql = g_strconcat (photo_columns, " WHERE p.hazard_uuid = ?"
                                      " ORDER BY CASE p.kind WHEN 'before' THEN 0 ELSE 1 END, p.id",
                                      NULL);
  g_autoptr(XaStatement) rows = NULL;
  XaStep step;

  if (!(rows = xa_store_prepare (store, sql, error)))
    return FALSE;
  xa_statement_bind_text (rows, 1, list->hazard_uuid);

  while ((step = xa_statement_step (rows, error)) == XA_STEP_ROW)
    {
      g_autoptr(XaHazardPhoto) photo = photo_from_row (rows);

      g_list_store_append (list->photos, photo);
    }

  return step == XA_STEP_DONE;
}

/**
 * xa_hazard_photos_list:
 *
 * Returns: (transfer full): the hazard's photos (#XaHazardPhoto), those before the
 *   rectification first, each kind in the order added; empty for a hazard without any
 */
GListModel *
xa_hazard_photos_list (XaHazardBook  *book,
                       const char    *hazard_uuid,
                       GError       **error)
{
  g_autoptr(GListStore) photos = g_list_store_new (XA_TYPE_HAZARD_PHOTO);
  ListPhotos list = { hazard_uuid, photos };

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (hazard_uuid != NULL, NULL);

  if (!xa_store_read (xa_hazard_book_get_store (book), list_func, &list, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&photos));
}

/* Removing */

static gboolean
remove_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  const char *photo_uuid = user_data;
  g_autoptr(XaStatement) photo = NULL;
  g_autoptr(XaStatement) delete = NULL;
  g_autofree char *hazard_uuid = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *number = NULL;
  g_autofree char *detail = NULL;
  XaHazardPhotoKind kind = XA_HAZARD_PHOTO_BEFORE;
  XaStep step;

  if (!(photo = xa_store_prepare (store,
                                  "SELECT hazard_uuid, kind, file_name, blob_sha256 FROM hazard_photo"
                                  " WHERE uuid = ?",
                                  error)))
    return FALSE;
  xa_statement_bind_text (photo, 1, photo_uuid);
  if ((step = xa_statement_step (photo, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      g_set_error (error, XA_HAZARD_PHOTOS_ERROR, XA_HAZARD_PHOTOS_ERROR_NOT_FOUND,
                   _("The photo was removed already, or never existed"));
      return FALSE;
    }

  hazard_uuid = g_strdup (xa_statement_get_text (photo, 0));
  xa_hazard_photo_kind_from_key (xa_statement_get_text (photo, 1), &kind);
  file_name = g_strdup (xa_statement_get_text (photo, 2));
  sha256 = g_strdup (xa_statement_get_text (photo, 3));
  g_clear_pointer (&photo, xa_statement_free);

  if (!read_hazard (store, hazard_uuid, &number, NULL, error))
    return FALSE;

  /* The stored file stays: another photo may be the same file, and a backup or the
   * audit may still name it. */
  if (!(delete = xa_store_prepare (store, "DELETE FROM hazard_photo WHERE uuid = ?", error)))
    return FALSE;
  xa_statement_bind_text (delete, 1, photo_uuid);
  if (!xa_statement_run (delete, error))
    return FALSE;

  detail = audit_detail (number, kind, file_name, sha256);
  return xa_store_append_audit (store, "hazard.remove-photo", "hazard_photo", photo_uuid, detail, error);
}

/**
 * xa_hazard_photos_remove:
 * @photo_uuid: the photo, as xa_hazard_photo_get_uuid() gives it
 *
 * Removes a photo from its hazard, with its audit entry, unless the hazard is closed.
 * The stored file is kept.
 *
 * Returns: %TRUE when the photo was removed
 */
gboolean
xa_hazard_photos_remove (XaHazardBook  *book,
                         const char    *photo_uuid,
                         GError       **error)
{
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), FALSE);
  g_return_val_if_fail (photo_uuid != NULL, FALSE);

  return xa_store_write (xa_hazard_book_get_store (book), remove_func, (gpointer) photo_uuid, error);
}

/* Showing */

/**
 * xa_hazard_photos_dup_content:
 *
 * Returns: (transfer full): the photo's file as it was added, checked against its
 *   SHA-256; %NULL with a message naming the photo when it is missing or damaged
 */
GBytes *
xa_hazard_photos_dup_content (XaHazardBook   *book,
                              XaHazardPhoto  *photo,
                              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *content;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (photo), NULL);

  content = xa_store_dup_blob (xa_hazard_book_get_store (book), xa_hazard_photo_get_sha256 (photo),
                               &local_error);
  if (content == NULL)
    g_set_error (error, local_error->domain, local_error->code,
                 _("The photo “%s” cannot be shown: %s"),
                 xa_hazard_photo_get_file_name (photo), local_error->message);

  return content;
}

/**
 * xa_hazard_photos_load_image:
 * @max_size: the longer side at most, in pixels: %XA_HAZARD_PHOTO_THUMBNAIL_SIZE for a
 *   list, %XA_HAZARD_PHOTO_PREVIEW_SIZE for a preview
 *
 * Reads the photo's stored file and decodes it within the pixel budget, the right way
 * up (xa_image_decode()). Blocks: the app calls xa_hazard_photos_load_image_async().
 *
 * Returns: (transfer full): the image, or %NULL with a message naming the photo
 */
GdkPixbuf *
xa_hazard_photos_load_image (XaHazardBook   *book,
                             XaHazardPhoto  *photo,
                             int             max_size,
                             GError        **error)
{
  g_autoptr(GBytes) content = NULL;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), NULL);
  g_return_val_if_fail (XA_IS_HAZARD_PHOTO (photo), NULL);

  if (!(content = xa_hazard_photos_dup_content (book, photo, error)))
    return NULL;

  return xa_image_decode (content, xa_hazard_photo_get_file_name (photo), max_size, error);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  XaHazardPhoto *photo = task_data;
  GError *error = NULL;
  GdkPixbuf *image;

  image = xa_hazard_photos_load_image (source_object, photo,
                                       GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "max-size")),
                                       &error);
  if (image == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, image, g_object_unref);
}

void
xa_hazard_photos_load_image_async (XaHazardBook        *book,
                                   XaHazardPhoto       *photo,
                                   int                  max_size,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_HAZARD_BOOK (book));
  g_return_if_fail (XA_IS_HAZARD_PHOTO (photo));

  task = g_task_new (book, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_hazard_photos_load_image_async);
  g_task_set_task_data (task, g_object_ref (photo), g_object_unref);
  g_object_set_data (G_OBJECT (task), "max-size", GINT_TO_POINTER (max_size));
  g_task_run_in_thread (task, load_worker);
}

/**
 * xa_hazard_photos_load_image_finish:
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
GdkPixbuf *
xa_hazard_photos_load_image_finish (XaHazardBook  *book,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, book), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
