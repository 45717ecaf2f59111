/* xa-archive-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing files into the archive: each read whole (a regular file, at most the blob
 * store's limit), its kind read from its first bytes, then stored once by its SHA-256
 * (xa-blob-store.c: a temporary file, flushed, renamed, the folder flushed; on a server
 * the blob table) and its item written with its audit entry, all files of one import in
 * one transaction: either every file is archived or none is. A file whose bytes are
 * archived already for the same link is reported and not stored again.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-archive-private.h"
#include "core/store/xa-blob-store.h"
#include "core/util/xa-date.h"
#include "core/util/xa-file-door.h"
#include "core/util/xa-json.h"

/* A file name longer than this is cut: it is only a label. */
#define MAX_FILE_NAME 255
#define MAX_NOTES 2000

typedef struct
{
  char       *path;
  char       *file_name;
  GBytes     *content;
  const char *media_type;
  int         pages;
} ImportFile;

typedef struct
{
  /* In */
  GPtrArray          *files;           /* ImportFile */
  char               *agreement_uuid;
  XaArchiveCopy       copy;
  char               *school_uuid;
  int                 school_year;
  XaArchiveKind       kind;
  XaArchiveRetention  retention;
  char               *notes;
  /* Out */
  GPtrArray          *items;           /* XaArchiveItem, new ones */
  GPtrArray          *duplicates;      /* utf8: one message per file archived already */
  GPtrArray          *existing;        /* XaArchiveItem: the items those files are */
} Import;

static void
import_file_free (ImportFile *file)
{
  g_free (file->path);
  g_free (file->file_name);
  g_clear_pointer (&file->content, g_bytes_unref);
  g_free (file);
}

static void
import_free (Import *import)
{
  g_ptr_array_unref (import->files);
  g_free (import->agreement_uuid);
  g_free (import->school_uuid);
  g_free (import->notes);
  g_clear_pointer (&import->items, g_ptr_array_unref);
  g_clear_pointer (&import->duplicates, g_ptr_array_unref);
  g_clear_pointer (&import->existing, g_ptr_array_unref);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static Import *
import_new (const char * const  *paths,
            const XaArchiveLink *link)
{
  Import *import = g_new0 (Import, 1);

  import->files = g_ptr_array_new_with_free_func ((GDestroyNotify) import_file_free);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      ImportFile *file = g_new0 (ImportFile, 1);

      file->path = g_strdup (paths[i]);
      g_ptr_array_add (import->files, file);
    }

  import->agreement_uuid = g_strdup (link ? link->agreement_uuid : NULL);
  import->copy = link ? link->copy : XA_ARCHIVE_COPY_NONE;
  import->school_uuid = g_strdup (link ? link->school_uuid : NULL);
  import->school_year = link ? link->school_year : 0;
  import->kind = link ? link->kind : 0;
  import->retention = link ? link->retention : XA_ARCHIVE_RETENTION_DEFAULT;
  import->notes = g_strdup (link && link->notes ? link->notes : "");
  import->items = g_ptr_array_new_with_free_func (g_object_unref);
  import->duplicates = g_ptr_array_new_with_free_func (g_free);
  import->existing = g_ptr_array_new_with_free_func (g_object_unref);
  return import;
}

/* Reading the files, before the transaction */

static gboolean
read_file (ImportFile  *file,
           GError     **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (file->path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = g_filename_display_basename (file->path);

  file->file_name = g_utf8_substring (base, 0, MIN (g_utf8_strlen (base, -1), MAX_FILE_NAME));

  if (!(file->content = xa_file_door_load (gfile, XA_BLOB_MAX_SIZE, NULL, &local_error)))
    {
      g_set_error_literal (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_FILE, local_error->message);
      return FALSE;
    }

  if (g_bytes_get_size (file->content) == 0)
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_FILE,
                   _("“%s” is empty (0 bytes): it was not archived; scan or save it again"),
                   file->file_name);
      return FALSE;
    }

  if (!(file->media_type = _xa_archive_sniff_media_type (file->content)))
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_KIND,
                   _("“%s” is not a PDF, JPEG, PNG or TIFF file by its content, whatever its name says: "
                     "the archive keeps scans, signed PDFs and images only"),
                   file->file_name);
      return FALSE;
    }

  file->pages = _xa_archive_count_pages (file->content, file->media_type);
  if (g_str_equal (file->media_type, "image/tiff") && file->pages == 0)
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_KIND,
                   _("“%s” starts as a TIFF image but cannot be read as one: it may be damaged"),
                   file->file_name);
      return FALSE;
    }

  return TRUE;
}

static char *
audit_detail (ImportFile  *file,
              const char  *sha256,
              const char  *kind,
              XaArchiveResolved *resolved,
              XaArchiveCopy copy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file->file_name);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  if (resolved->organisation_id != 0)
    {
      json_builder_set_member_name (builder, "school");
      json_builder_add_string_value (builder, resolved->school_code ? resolved->school_code : resolved->school_name);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, resolved->school_year);
    }
  if (copy != XA_ARCHIVE_COPY_NONE)
    {
      json_builder_set_member_name (builder, "copy");
      json_builder_add_string_value (builder, xa_archive_copy_to_key (copy));
    }
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

static gboolean
import_func (XaStore   *store,
             gpointer   user_data,
             GError   **error)
{
  Import *import = user_data;
  g_auto(XaArchiveResolved) resolved = { 0 };
  XaArchiveLink link = { import->agreement_uuid, import->copy, import->school_uuid, import->school_year };
  XaArchiveKind kind = import->kind;
  XaArchiveRetention retention = import->retention;

  /* A write that is tried again (a server's serialisation race) starts afresh. */
  g_ptr_array_set_size (import->items, 0);
  g_ptr_array_set_size (import->duplicates, 0);
  g_ptr_array_set_size (import->existing, 0);

  if (!_xa_archive_resolve_link (store, &link, &resolved, error))
    return FALSE;

  if (kind == 0)
    kind = resolved.agreement_id != 0 ? XA_ARCHIVE_KIND_SIGNED_ORIGINAL : XA_ARCHIVE_KIND_OTHER;
  if (retention == XA_ARCHIVE_RETENTION_DEFAULT)
    retention = xa_archive_kind_default_retention (kind);

  for (guint i = 0; i < import->files->len; i++)
    {
      ImportFile *file = g_ptr_array_index (import->files, i);
      g_autoptr(XaStatement) insert = NULL;
      g_autoptr(XaArchiveItem) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *now = NULL;
      g_autofree char *detail = NULL;
      XaArchiveItemFields fields = { 0 };

      /* The file first, in this transaction: the item below refers to it. */
      if (!(sha256 = xa_store_put_blob (store, file->content, &local_error)))
        {
          g_set_error (error, local_error->domain, local_error->code, _("“%s” was not archived: %s"),
                       file->file_name, local_error->message);
          return FALSE;
        }

      if ((existing = _xa_archive_find_duplicate (store, sha256, &resolved, import->copy, NULL, &local_error)))
        {
          g_ptr_array_add (import->duplicates,
                           g_strdup_printf (_("“%s” is archived already, as “%s” imported on %.10s; it was not stored again"),
                                            file->file_name, xa_archive_item_get_file_name (existing),
                                            xa_archive_item_get_imported_at (existing)));
          g_ptr_array_add (import->existing, g_steal_pointer (&existing));
          continue;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      uuid = xa_store_new_uuid ();
      now = xa_date_now_iso8601 ();
      if (!(insert = xa_store_prepare (store,
                                       "INSERT INTO archive_item (uuid, blob_sha256, file_name, size, media_type, pages,"
                                       " kind, agreement_id, copy, organisation_id, school_year, retention, notes,"
                                       " imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       error)))
        return FALSE;
      xa_statement_bind_text (insert, 1, uuid);
      xa_statement_bind_text (insert, 2, sha256);
      xa_statement_bind_text (insert, 3, file->file_name);
      xa_statement_bind_int64 (insert, 4, (gint64) g_bytes_get_size (file->content));
      xa_statement_bind_text (insert, 5, file->media_type);
      if (file->pages > 0)
        xa_statement_bind_int (insert, 6, file->pages);
      else
        xa_statement_bind_null (insert, 6);
      xa_statement_bind_text (insert, 7, xa_archive_kind_to_key (kind));
      _xa_archive_bind_link (insert, 8, &resolved, import->copy);
      xa_statement_bind_text (insert, 12, xa_archive_retention_to_key (retention));
      xa_statement_bind_text (insert, 13, import->notes);
      xa_statement_bind_text (insert, 14, now);
      xa_statement_bind_text (insert, 15, xa_store_get_operator (store));
      if (!xa_statement_run (insert, error))
        return FALSE;

      detail = audit_detail (file, sha256, xa_archive_kind_to_key (kind), &resolved, import->copy);
      if (!xa_store_append_audit (store, "archive.import", "archive_item", uuid, detail, error))
        return FALSE;

      fields.uuid = uuid;
      fields.sha256 = sha256;
      fields.file_name = file->file_name;
      fields.size = (gint64) g_bytes_get_size (file->content);
      fields.media_type = file->media_type;
      fields.pages = file->pages;
      fields.kind = kind;
      fields.agreement_uuid = resolved.agreement_id != 0 ? import->agreement_uuid : NULL;
      fields.copy = import->copy;
      fields.school_uuid = resolved.school_uuid;
      fields.school_code = resolved.school_code;
      fields.school_name = resolved.school_name;
      fields.school_year = resolved.school_year;
      fields.retention = retention;
      fields.notes = import->notes;
      fields.imported_at = now;
      fields.imported_by = xa_store_get_operator (store);
      g_ptr_array_add (import->items, _xa_archive_item_new (&fields));
    }

  return TRUE;
}

static gboolean
run_import (XaArchive  *self,
            Import     *import,
            GError    **error)
{
  if (import->files->len == 0)
    {
      g_set_error_literal (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_FILE, _("No file to archive was given"));
      return FALSE;
    }

  if (g_utf8_strlen (import->notes, -1) > MAX_NOTES)
    {
      g_set_error (error, XA_ARCHIVE_ERROR, XA_ARCHIVE_ERROR_INVALID,
                   _("The notes are longer than %d characters"), MAX_NOTES);
      return FALSE;
    }

  /* Every file is read and checked before anything is written. */
  for (guint i = 0; i < import->files->len; i++)
    {
      if (!read_file (g_ptr_array_index (import->files, i), error))
        return FALSE;
    }

  return xa_store_write (self->store, import_func, import, error);
}

/**
 * xa_archive_import_files:
 * @paths: (array zero-terminated=1) (element-type filename): the files
 * @link: (nullable): what they are linked to, their kind, retention and notes
 * @duplicates: (out) (optional) (transfer full) (element-type utf8): one message for
 *   each file archived already with the same link, which is not stored again
 *
 * Archives files, all or none: every file is read and its kind checked by its first
 * bytes (PDF, JPEG, PNG or TIFF) before anything is written, then every file is stored
 * and its item written with its audit entry in one transaction. Blocks on the files and
 * the disk: the app calls xa_archive_import_files_async().
 *
 * Returns: (transfer full) (element-type XaArchiveItem): the new items, or %NULL with
 *   @error set to a message that names the file
 */
GPtrArray *
xa_archive_import_files (XaArchive            *self,
                         const char * const   *paths,
                         const XaArchiveLink  *link,
                         GPtrArray           **duplicates,
                         GError              **error)
{
  g_autoptr(Import) import = NULL;

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  import = import_new (paths, link);
  if (!run_import (self, import, error))
    return NULL;

  if (duplicates != NULL)
    *duplicates = g_steal_pointer (&import->duplicates);
  return g_steal_pointer (&import->items);
}

/**
 * xa_archive_import_file:
 * @duplicate: (out) (optional): set when the file was archived already with the same
 *   link; the item returned is then the one archived before
 *
 * Archives one file as xa_archive_import_files() does.
 *
 * Returns: (transfer full): the item, or %NULL with @error set
 */
XaArchiveItem *
xa_archive_import_file (XaArchive            *self,
                        const char           *path,
                        const XaArchiveLink  *link,
                        gboolean             *duplicate,
                        GError              **error)
{
  const char *paths[] = { path, NULL };
  g_autoptr(Import) import = NULL;

  g_return_val_if_fail (XA_IS_ARCHIVE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  import = import_new (paths, link);
  if (!run_import (self, import, error))
    return NULL;

  if (duplicate != NULL)
    *duplicate = import->items->len == 0;
  if (import->items->len > 0)
    return g_object_ref (g_ptr_array_index (import->items, 0));

  return g_object_ref (g_ptr_array_index (import->existing, 0));
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *import = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!run_import (source_object, import, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * xa_archive_import_files_async:
 *
 * xa_archive_import_files() on a worker thread. Cancelling before the write starts
 * archives nothing; once it started, the transaction finishes.
 */
void
xa_archive_import_files_async (XaArchive            *self,
                               const char * const   *paths,
                               const XaArchiveLink  *link,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_ARCHIVE (self));
  g_return_if_fail (paths != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_archive_import_files_async);
  g_task_set_task_data (task, import_new (paths, link), (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_worker);
}

/**
 * xa_archive_import_files_finish:
 * @duplicates: (out) (optional) (transfer full) (element-type utf8): see
 *   xa_archive_import_files()
 *
 * Returns: (transfer full) (element-type XaArchiveItem): the new items, or %NULL
 */
GPtrArray *
xa_archive_import_files_finish (XaArchive     *self,
                                GAsyncResult  *result,
                                GPtrArray    **duplicates,
                                GError       **error)
{
  Import *import;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  import = g_task_get_task_data (G_TASK (result));
  if (duplicates != NULL)
    *duplicates = g_ptr_array_ref (import->duplicates);
  return g_ptr_array_ref (import->items);
}
