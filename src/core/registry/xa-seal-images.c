/* xa-seal-images.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seal images of the commission and the schools, and the signature images of their
 * responsible people, which the agreement's PDF puts over the party's name and on its
 * signature line (xa-agreement-book-images.c, xa-signature-block.c). They live with
 * the registry because they are its organisations' and people's: a school keeps its
 * own seal as it keeps its own people, under the same row level security.
 *
 * The program never draws a seal: the image is the unit's own, scanned and freed of its
 * background, or a signature drawn on the pad. So what comes in must be a PNG with real
 * transparency: a scan as it came, white paper and all, would cover the text the seal
 * is stamped over, and is refused with a message that says how to free it. Each image
 * is stored once by its SHA-256, and its row says who authorised it and when; it is
 * withdrawn, never deleted, so that who authorised what stays on record.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-school-registry-private.h"
#include "xa-seal-image-private.h"
#include "xa-seal-images.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-file-door.h"
#include "core/util/xa-image.h"

G_DEFINE_QUARK (xa-seal-images-error-quark, xa_seal_images_error)

/* An image is transparent enough when this share of its pixels lets the paper through
 * (a seal's ring leaves most of its square clear; a signature most of its strip), and
 * a pixel lets it through when its alpha is below half. */
#define MIN_CLEAR_SHARE 0.10
#define CLEAR_ALPHA     128

static const char image_columns[] =
  "SELECT s.uuid, s.owner_kind, o.uuid, p.uuid, s.blob_sha256, s.source, s.width, s.height,"
  " s.authorised_at, s.authorised_by, s.withdrawn_at, s.withdrawn_by, s.withdrawn_reason"
  " FROM seal_image s JOIN organisation o ON o.id = s.organisation_id"
  " LEFT JOIN person p ON p.id = s.person_id";

static XaSealImage *
image_from_row (XaStatement *row)
{
  XaSealImageFields fields = {
    .uuid = xa_statement_get_text (row, 0),
    .organisation_uuid = xa_statement_get_text (row, 2),
    .person_uuid = xa_statement_get_text_or_null (row, 3),
    .sha256 = xa_statement_get_text (row, 4),
    .source = g_str_equal (xa_statement_get_text (row, 5), "drawn") ? XA_SEAL_SOURCE_DRAWN
                                                                    : XA_SEAL_SOURCE_IMPORTED,
    .width = xa_statement_get_int (row, 6),
    .height = xa_statement_get_int (row, 7),
    .authorised_at = xa_statement_get_text (row, 8),
    .authorised_by = xa_statement_get_text (row, 9),
    .withdrawn_at = xa_statement_get_text_or_null (row, 10),
    .withdrawn_by = xa_statement_get_text_or_null (row, 11),
    .withdrawn_reason = xa_statement_get_text_or_null (row, 12),
  };

  xa_seal_owner_from_key (xa_statement_get_text (row, 1), &fields.owner);
  return _xa_seal_image_new (&fields);
}

/* Checking the image */

static gboolean
check_transparency (GdkPixbuf   *pixbuf,
                    const char  *name,
                    GError     **error)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  gint64 clear = 0;
  gint64 total = (gint64) width * height;

  if (gdk_pixbuf_get_has_alpha (pixbuf) && gdk_pixbuf_get_n_channels (pixbuf) == 4)
    for (int y = 0; y < height; y++)
      for (int x = 0; x < width; x++)
        if (pixels[(gsize) y * stride + (gsize) x * 4 + 3] < CLEAR_ALPHA)
          clear++;

  if (clear < total * MIN_CLEAR_SHARE)
    {
      g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_OPAQUE,
                   _("“%s” has no transparent background: it looks like a scan as it came, whose paper would "
                     "cover the text under the seal. Remove the background in an image editor (in GIMP: "
                     "Colors → Color to Alpha, white), save it as PNG and import it again"),
                   name);
      return FALSE;
    }

  if (clear == total)
    {
      g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_EMPTY,
                   _("“%s” is transparent all over: it holds no seal or signature"), name);
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_seal_images_check_png:
 * @name: the file's name, for messages
 * @owner: whose image it would be: a seal must be larger than a signature
 * @width: (out) (optional): its width in pixels
 * @height: (out) (optional): its height in pixels
 *
 * Checks what a seal or signature image must be: a whole PNG file (not cut short) of
 * at most %XA_SEAL_IMAGE_MAX_BYTES and %XA_SEAL_IMAGE_MAX_SIDE pixels a side, large
 * enough to print, with an alpha channel that really lets the paper through.
 *
 * Returns: %TRUE when @png may be stored, or %FALSE with @error set (a message naming
 *   @name and saying what to do)
 */
gboolean
xa_seal_images_check_png (GBytes       *png,
                          const char   *name,
                          XaSealOwner   owner,
                          int          *width,
                          int          *height,
                          GError      **error)
{
  g_auto(XaImageInfo) info = { 0 };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int min_side = owner == XA_SEAL_OWNER_PERSON ? XA_SEAL_IMAGE_MIN_SIGNATURE : XA_SEAL_IMAGE_MIN_SEAL;

  g_return_val_if_fail (png != NULL && name != NULL, FALSE);

  if (g_bytes_get_size (png) > XA_SEAL_IMAGE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (png));
      g_autofree char *limit = g_format_size (XA_SEAL_IMAGE_MAX_BYTES);

      g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_FILE,
                   _("“%s” is %s, more than the %s a seal or signature image may be; save it smaller and import it again"),
                   name, size, limit);
      return FALSE;
    }

  if (xa_image_sniff (png) != XA_IMAGE_FORMAT_PNG)
    {
      g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_NOT_PNG,
                   _("“%s” is not a PNG image: a seal or signature is imported as a PNG with a transparent background"),
                   name);
      return FALSE;
    }

  if (!xa_image_read_info (png, name, &info, error))
    return FALSE;

  if (MAX (info.width, info.height) > XA_SEAL_IMAGE_MAX_SIDE)
    {
      g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_SIZE,
                   _("“%s” is %d × %d pixels, more than the %d a side a seal or signature image may have; save it smaller and import it again"),
                   name, info.width, info.height, XA_SEAL_IMAGE_MAX_SIDE);
      return FALSE;
    }

  if (MIN (info.width, info.height) < min_side)
    {
      g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_SIZE,
                   _("“%s” is only %d × %d pixels, too small to print sharply; scan it at 300 dpi or more and import it again"),
                   name, info.width, info.height);
      return FALSE;
    }

  /* Decoded whole: a file cut short, which gdk-pixbuf would show with its lower part
   * missing, is refused here (xa-image.c). */
  if (!(pixbuf = xa_image_decode (png, name, XA_SEAL_IMAGE_MAX_SIDE, error)) ||
      !check_transparency (pixbuf, name, error))
    return FALSE;

  if (width != NULL)
    *width = info.width;
  if (height != NULL)
    *height = info.height;
  return TRUE;
}

/* The owner */

typedef struct
{
  gint64  organisation_id;
  gint64  person_id;     /* 0 for a seal */
  char   *label;         /* for the audit: the organisation's or the person's name */
} Owner;

static void
owner_clear (Owner *owner)
{
  g_clear_pointer (&owner->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Owner, owner_clear)

static void
set_owner_not_found (GError **error)
{
  g_set_error_literal (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_NOT_FOUND,
                       _("The school, the commission or the person the image is for was not found; it may have been removed"));
}

/* With the store locked or inside a write. */
static gboolean
find_owner (XaStore      *store,
            XaSealOwner   kind,
            const char   *owner_uuid,
            Owner        *owner,
            GError      **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (kind == XA_SEAL_OWNER_PERSON)
    {
      if (!(stmt = xa_store_prepare (store,
                                     "SELECT organisation_id, id, name FROM person WHERE uuid = ? AND removed_at IS NULL",
                                     error)))
        return FALSE;
    }
  else if (!(stmt = xa_store_prepare (store,
                                      "SELECT id, 0, name FROM organisation WHERE uuid = ? AND kind = ?"
                                      " AND deleted_at IS NULL",
                                      error)))
    return FALSE;

  xa_statement_bind_text (stmt, 1, owner_uuid);
  if (kind != XA_SEAL_OWNER_PERSON)
    xa_statement_bind_text (stmt, 2, xa_seal_owner_to_key (kind));

  if ((step = xa_statement_step (stmt, error)) == XA_STEP_ERROR)
    return FALSE;
  if (step == XA_STEP_DONE)
    {
      set_owner_not_found (error);
      return FALSE;
    }

  owner->organisation_id = xa_statement_get_int64 (stmt, 0);
  owner->person_id = xa_statement_get_int64 (stmt, 1);
  owner->label = g_strdup (xa_statement_get_text (stmt, 2));
  return TRUE;
}

/* The image in use of @owner, as a row of image_columns, or %NULL without an error. */
static XaSealImage *
query_current (XaStore      *store,
               XaSealOwner   kind,
               const Owner  *owner,
               GError      **error)
{
  g_autofree char *sql = g_strconcat (image_columns,
                                      " WHERE s.owner_kind = ? AND s.organisation_id = ?"
                                      " AND coalesce (s.person_id, 0) = ? AND s.withdrawn_at IS NULL",
                                      NULL);
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store, sql, error)))
    return NULL;
  xa_statement_bind_text (stmt, 1, xa_seal_owner_to_key (kind));
  xa_statement_bind_int64 (stmt, 2, owner->organisation_id);
  xa_statement_bind_int64 (stmt, 3, owner->person_id);

  if ((step = xa_statement_step (stmt, error)) != XA_STEP_ROW)
    return NULL;

  return image_from_row (stmt);
}

/* Withdrawing */

static gboolean
withdraw_row (XaStore      *store,
              const char   *uuid,
              const char   *reason,
              const char   *detail,
              GError      **error)
{
  g_autoptr(XaStatement) stmt = NULL;
  g_autofree char *now = xa_date_now_iso8601 ();

  if (!(stmt = xa_store_prepare (store,
                                 "UPDATE seal_image SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?"
                                 " WHERE uuid = ? AND withdrawn_at IS NULL",
                                 error)))
    return FALSE;
  xa_statement_bind_text (stmt, 1, now);
  xa_statement_bind_text (stmt, 2, xa_store_get_operator (store));
  xa_statement_bind_text (stmt, 3, reason);
  xa_statement_bind_text (stmt, 4, uuid);
  if (!xa_statement_run (stmt, error))
    return FALSE;

  return xa_store_append_audit (store, "seal.withdraw", "seal_image", uuid, detail, error);
}

/* Importing */

typedef struct
{
  XaSealOwner   kind;
  char         *owner_uuid;
  GFile        *file;      /* or: */
  GBytes       *png;
  char         *name;
  XaSealSource  source;
  int           width;
  int           height;
  /* Made by the write */
  char         *uuid;
} Import;

static void
import_free (Import *import)
{
  g_free (import->owner_uuid);
  g_clear_object (&import->file);
  g_clear_pointer (&import->png, g_bytes_unref);
  g_free (import->name);
  g_free (import->uuid);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static Import *
import_new (XaSealOwner   kind,
            const char   *owner_uuid,
            GFile        *file,
            GBytes       *png,
            const char   *name,
            XaSealSource  source)
{
  Import *import = g_new0 (Import, 1);

  import->kind = kind;
  import->owner_uuid = g_strdup (owner_uuid);
  import->file = file ? g_object_ref (file) : NULL;
  import->png = png ? g_bytes_ref (png) : NULL;
  import->name = g_strdup (name);
  import->source = source;
  return import;
}

static gboolean
import_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  Import *import = user_data;
  g_auto(Owner) owner = { 0 };
  g_autoptr(XaSealImage) current = NULL;
  g_autoptr(XaStatement) insert = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *detail = NULL;
  const char *source = import->source == XA_SEAL_SOURCE_DRAWN ? "drawn" : "imported";

  if (!find_owner (store, import->kind, import->owner_uuid, &owner, error))
    return FALSE;

  /* The file first, in this transaction: the row below refers to it. */
  if (!(sha256 = xa_store_put_blob (store, import->png, error)))
    return FALSE;

  current = query_current (store, import->kind, &owner, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (current != NULL)
    {
      g_autofree char *withdrawal = NULL;

      if (g_str_equal (xa_seal_image_get_sha256 (current), sha256))
        {
          g_set_error (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_SAME,
                       _("“%s” is the image in use already"), import->name);
          return FALSE;
        }

      withdrawal = xa_json_dup_strings_object ("owner", xa_seal_owner_to_key (import->kind), "name", owner.label,
                                               "reason", "replaced", NULL);
      /* Translators: why a seal or signature image was withdrawn, kept with it. */
      if (!withdraw_row (store, xa_seal_image_get_uuid (current), _("Replaced by a new image"), withdrawal, error))
        return FALSE;
    }

  g_free (import->uuid);
  import->uuid = xa_store_new_uuid ();
  now = xa_date_now_iso8601 ();

  if (!(insert = xa_store_prepare (store,
                                   "INSERT INTO seal_image (uuid, owner_kind, organisation_id, person_id, blob_sha256,"
                                   " source, width, height, authorised_at, authorised_by)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error)))
    return FALSE;
  xa_statement_bind_text (insert, 1, import->uuid);
  xa_statement_bind_text (insert, 2, xa_seal_owner_to_key (import->kind));
  xa_statement_bind_int64 (insert, 3, owner.organisation_id);
  if (owner.person_id != 0)
    xa_statement_bind_int64 (insert, 4, owner.person_id);
  else
    xa_statement_bind_null (insert, 4);
  xa_statement_bind_text (insert, 5, sha256);
  xa_statement_bind_text (insert, 6, source);
  xa_statement_bind_int (insert, 7, import->width);
  xa_statement_bind_int (insert, 8, import->height);
  xa_statement_bind_text (insert, 9, now);
  xa_statement_bind_text (insert, 10, xa_store_get_operator (store));
  if (!xa_statement_run (insert, error))
    return FALSE;

  detail = xa_json_dup_strings_object ("owner", xa_seal_owner_to_key (import->kind), "name", owner.label,
                                       "source", source, "file", import->name, "sha256", sha256, NULL);
  return xa_store_append_audit (store, import->kind == XA_SEAL_OWNER_PERSON ? "signature.add" : "seal.add",
                                "seal_image", import->uuid, detail, error);
}

static XaSealImage *
dup_by_uuid (XaStore     *store,
             const char  *uuid,
             GError     **error)
{
  g_autofree char *sql = g_strconcat (image_columns, " WHERE s.uuid = ?", NULL);
  g_autoptr(XaStatement) stmt = NULL;
  XaSealImage *image = NULL;
  XaStep step;

  xa_store_lock (store);
  if ((stmt = xa_store_prepare (store, sql, error)))
    {
      xa_statement_bind_text (stmt, 1, uuid);
      step = xa_statement_step (stmt, error);
      if (step == XA_STEP_ROW)
        image = image_from_row (stmt);
      else if (step == XA_STEP_DONE)
        g_set_error_literal (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_NOT_FOUND,
                             _("The seal or signature image was not found"));
    }
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  return image;
}

static XaSealImage *
run_import (XaSchoolRegistry  *registry,
            Import            *import,
            GError           **error)
{
  XaStore *store = xa_school_registry_get_store (registry);

  if (import->png == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      g_free (import->name);
      import->name = g_file_get_basename (import->file);
      if (!(import->png = xa_file_door_load (import->file, XA_SEAL_IMAGE_MAX_BYTES, NULL, &local_error)))
        {
          g_set_error_literal (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_FILE, local_error->message);
          return NULL;
        }
    }

  if (!xa_seal_images_check_png (import->png, import->name, import->kind, &import->width, &import->height, error) ||
      !xa_store_write (store, import_func, import, error))
    return NULL;

  return dup_by_uuid (store, import->uuid, error);
}

/**
 * xa_seal_images_import:
 * @owner: whose image: the commission's or a school's seal, a person's signature
 * @owner_uuid: the organisation's UUID for a seal, the person's for a signature
 * @png: the image, checked by xa_seal_images_check_png()
 * @name: the file's name, or what the image is called, for messages
 * @source: imported from a file or drawn on the pad
 *
 * Stores @png and makes it the owner's image in use, authorised by the store's
 * operator now; the one in use before is withdrawn in the same transaction.
 *
 * Returns: (transfer full): the image, or %NULL with @error set
 */
XaSealImage *
xa_seal_images_import (XaSchoolRegistry  *registry,
                       XaSealOwner        owner,
                       const char        *owner_uuid,
                       GBytes            *png,
                       const char        *name,
                       XaSealSource       source,
                       GError           **error)
{
  g_autoptr(Import) import = NULL;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (owner_uuid != NULL && png != NULL && name != NULL, NULL);

  import = import_new (owner, owner_uuid, NULL, png, name, source);
  return run_import (registry, import, error);
}

/**
 * xa_seal_images_import_file:
 * @file: a PNG file, at most %XA_SEAL_IMAGE_MAX_BYTES
 *
 * xa_seal_images_import() of a file's content. Blocks on the file and the disk.
 *
 * Returns: (transfer full): the image, or %NULL with @error set (naming the file)
 */
XaSealImage *
xa_seal_images_import_file (XaSchoolRegistry  *registry,
                            XaSealOwner        owner,
                            const char        *owner_uuid,
                            GFile             *file,
                            GError           **error)
{
  g_autoptr(Import) import = NULL;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (owner_uuid != NULL && G_IS_FILE (file), NULL);

  import = import_new (owner, owner_uuid, file, NULL, NULL, XA_SEAL_SOURCE_IMPORTED);
  return run_import (registry, import, error);
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  XaSealImage *image = run_import (source_object, task_data, &error);

  if (image == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, image, g_object_unref);
}

/**
 * xa_seal_images_import_async:
 * @file: (nullable): a PNG file to import, or %NULL with @png
 * @png: (nullable): a signature drawn on the pad, when @file is %NULL
 *
 * xa_seal_images_import_file(), or xa_seal_images_import() of a drawn signature, in a
 * worker thread.
 */
void
xa_seal_images_import_async (XaSchoolRegistry    *registry,
                             XaSealOwner          owner,
                             const char          *owner_uuid,
                             GFile               *file,
                             GBytes              *png,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));
  g_return_if_fail (owner_uuid != NULL);
  g_return_if_fail ((file != NULL) != (png != NULL));

  task = g_task_new (registry, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_seal_images_import_async);
  /* Translators: how a message names a signature drawn in the app. */
  g_task_set_task_data (task, import_new (owner, owner_uuid, file, png, file ? NULL : _("the drawn signature"),
                                          file ? XA_SEAL_SOURCE_IMPORTED : XA_SEAL_SOURCE_DRAWN),
                        (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_worker);
}

XaSealImage *
xa_seal_images_import_finish (XaSchoolRegistry  *registry,
                              GAsyncResult      *result,
                              GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, registry), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Withdrawing */

typedef struct
{
  const char *uuid;
  const char *reason;
} Withdrawal;

static gboolean
withdraw_func (XaStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Withdrawal *withdrawal = user_data;
  g_autoptr(XaSealImage) image = NULL;
  g_autoptr(XaStatement) name = NULL;
  g_autofree char *detail = NULL;

  if (!(image = dup_by_uuid (store, withdrawal->uuid, error)))
    return FALSE;
  if (!xa_seal_image_is_current (image))
    {
      g_set_error_literal (error, XA_SEAL_IMAGES_ERROR, XA_SEAL_IMAGES_ERROR_WITHDRAWN,
                           _("The image was withdrawn already"));
      return FALSE;
    }

  if (!(name = xa_store_prepare (store,
                                 "SELECT coalesce ((SELECT name FROM person WHERE uuid = ?),"
                                 " (SELECT name FROM organisation WHERE uuid = ?))",
                                 error)))
    return FALSE;
  xa_statement_bind_text_or_null (name, 1, xa_seal_image_get_person_uuid (image));
  xa_statement_bind_text (name, 2, xa_seal_image_get_organisation_uuid (image));
  if (!xa_statement_step_one (name, error))
    return FALSE;

  detail = xa_json_dup_strings_object ("owner", xa_seal_owner_to_key (xa_seal_image_get_owner (image)),
                                       "name", xa_statement_get_text (name, 0),
                                       "reason", withdrawal->reason, "sha256", xa_seal_image_get_sha256 (image), NULL);
  return withdraw_row (store, withdrawal->uuid, withdrawal->reason, detail, error);
}

/**
 * xa_seal_images_withdraw:
 * @reason: why, as the user gave it; not empty
 *
 * Withdraws an image in use: new documents no longer carry it, and its owner has none
 * until another is imported. The image stays on record, with who withdrew it, when
 * and why.
 *
 * Returns: %TRUE when it was withdrawn
 */
gboolean
xa_seal_images_withdraw (XaSchoolRegistry  *registry,
                         const char        *image_uuid,
                         const char        *reason,
                         GError           **error)
{
  g_autofree char *stripped = NULL;
  Withdrawal withdrawal = { image_uuid, NULL };

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), FALSE);
  g_return_val_if_fail (image_uuid != NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                           _("Say why the image is withdrawn"));
      return FALSE;
    }
  withdrawal.reason = stripped;

  return xa_store_write (xa_school_registry_get_store (registry), withdraw_func, &withdrawal, error);
}

/* Reading */

/**
 * xa_seal_images_dup_current:
 *
 * Returns: (transfer full) (nullable): the owner's image in use, or %NULL without an
 *   error when it has none
 */
XaSealImage *
xa_seal_images_dup_current (XaSchoolRegistry  *registry,
                            XaSealOwner        owner,
                            const char        *owner_uuid,
                            GError           **error)
{
  XaStore *store;
  g_auto(Owner) found = { 0 };
  g_autoptr(GError) local_error = NULL;
  XaSealImage *image = NULL;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (owner_uuid != NULL, NULL);

  store = xa_school_registry_get_store (registry);
  xa_store_lock (store);
  if (find_owner (store, owner, owner_uuid, &found, &local_error))
    image = query_current (store, owner, &found, &local_error);
  xa_store_unlock (store);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return image;
}

/**
 * xa_seal_images_list:
 *
 * Returns: (transfer full): the owner's images (#XaSealImage), the one in use and
 *   those withdrawn, newest first
 */
GListModel *
xa_seal_images_list (XaSchoolRegistry  *registry,
                     XaSealOwner        owner,
                     const char        *owner_uuid,
                     GError           **error)
{
  g_autoptr(GListStore) list = g_list_store_new (XA_TYPE_SEAL_IMAGE);
  g_autofree char *sql = g_strconcat (image_columns,
                                      " WHERE s.owner_kind = ? AND s.organisation_id = ?"
                                      " AND coalesce (s.person_id, 0) = ? ORDER BY s.id DESC",
                                      NULL);
  g_autoptr(XaStatement) stmt = NULL;
  g_auto(Owner) found = { 0 };
  XaStore *store;
  XaStep step = XA_STEP_ERROR;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (owner_uuid != NULL, NULL);

  store = xa_school_registry_get_store (registry);
  xa_store_lock (store);
  if (find_owner (store, owner, owner_uuid, &found, error) &&
      (stmt = xa_store_prepare (store, sql, error)))
    {
      xa_statement_bind_text (stmt, 1, xa_seal_owner_to_key (owner));
      xa_statement_bind_int64 (stmt, 2, found.organisation_id);
      xa_statement_bind_int64 (stmt, 3, found.person_id);
      while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
        {
          g_autoptr(XaSealImage) image = image_from_row (stmt);

          g_list_store_append (list, image);
        }
    }
  g_clear_pointer (&stmt, xa_statement_free);
  xa_store_unlock (store);

  return step == XA_STEP_DONE ? G_LIST_MODEL (g_steal_pointer (&list)) : NULL;
}

/**
 * xa_seal_images_dup_content:
 *
 * Returns: (transfer full): the image's PNG bytes, checked against their SHA-256
 */
GBytes *
xa_seal_images_dup_content (XaSchoolRegistry  *registry,
                            XaSealImage       *image,
                            GError           **error)
{
  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), NULL);
  g_return_val_if_fail (XA_IS_SEAL_IMAGE (image), NULL);

  return xa_store_dup_blob (xa_school_registry_get_store (registry), xa_seal_image_get_sha256 (image), error);
}

/**
 * xa_seal_images_dup_current_content:
 *
 * Returns: (transfer full) (nullable): the PNG bytes of the owner's image in use, or
 *   %NULL without an error when it has none
 */
GBytes *
xa_seal_images_dup_current_content (XaSchoolRegistry  *registry,
                                    XaSealOwner        owner,
                                    const char        *owner_uuid,
                                    GError           **error)
{
  g_autoptr(XaSealImage) image = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(image = xa_seal_images_dup_current (registry, owner, owner_uuid, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return xa_seal_images_dup_content (registry, image, error);
}
