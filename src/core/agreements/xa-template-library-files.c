/* xa-template-library-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Template files: a template read from its JSON form and stored as the next version of
 * its year, or written to one atomically; and the same in a worker thread, so that the
 * app's window never waits on a disk or a large file (the store takes writes from any
 * thread and signals its changes on the thread that opened it).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-template-library.h"
#include "xa-template-private.h"
#include "core/util/xa-file-door.h"

/**
 * xa_template_library_import_file:
 *
 * Reads a template file (the JSON form) and stores it as the next version of its
 * school year, with a new uuid. Nothing is stored when the file is wrong; the message
 * names the file and the clause or place.
 *
 * Returns: (transfer full) (nullable): the stored template
 */
XaTemplate *
xa_template_library_import_file (XaTemplateLibrary  *self,
                                 GFile              *file,
                                 GError            **error)
{
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display = g_file_get_parse_name (file);

  /* A folder, a device or a huge file is refused before it is read into memory. */
  if (!(contents = xa_file_door_load (file, XA_TEMPLATE_MAX_JSON_BYTES, NULL, &local_error)))
    {
      g_set_error_literal (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE,
                           local_error->message);
      return NULL;
    }

  if (!(template = xa_template_new_from_json (g_bytes_get_data (contents, NULL),
                                              g_bytes_get_size (contents), error)))
    {
      g_prefix_error (error, "%s: ", display);
      return NULL;
    }

  uuid = xa_store_new_uuid ();
  _xa_template_set_uuid (template, uuid);
  if (!xa_template_library_save (self, template, error))
    return NULL;

  return g_steal_pointer (&template);
}

/**
 * xa_template_library_export_file:
 * @file: a local file
 *
 * Writes @template's JSON form to @file atomically: a temporary file, flushed to disk,
 * renamed over the old one. A crash leaves the old file or the new one, never half.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
xa_template_library_export_file (XaTemplateLibrary  *self,
                                 XaTemplate         *template,
                                 GFile              *file,
                                 GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *display = NULL;
  const char *path;

  g_return_val_if_fail (XA_IS_TEMPLATE_LIBRARY (self), FALSE);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display = g_file_get_parse_name (file);
  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_set_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE,
                   _("Cannot write “%s”: not a local file"), display);
      return FALSE;
    }

  json = xa_template_to_json (template);
  if (!g_file_set_contents_full (path, json, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE,
                   _("Cannot write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  XaTemplate *template;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((template = xa_template_library_import_file (source_object, task_data, &error)))
    g_task_return_pointer (task, template, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * xa_template_library_import_file_async:
 *
 * Runs xa_template_library_import_file() in a worker thread. @cancellable stops it
 * before it reads, never halfway through the write.
 */
void
xa_template_library_import_file_async (XaTemplateLibrary   *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_TEMPLATE_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_template_library_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_worker);
}

/**
 * xa_template_library_import_file_finish:
 *
 * Returns: (transfer full) (nullable): the stored template
 */
XaTemplate *
xa_template_library_import_file_finish (XaTemplateLibrary  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  XaTemplate *template = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (xa_template_validate (template, &error) &&
      xa_template_library_export_file (source_object, template, file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * xa_template_library_export_file_async:
 *
 * Checks @template as a file would be read back (xa_template_validate()) and writes
 * it with xa_template_library_export_file() in a worker thread. The worker writes a
 * copy: @template may be edited on while it runs.
 */
void
xa_template_library_export_file_async (XaTemplateLibrary   *self,
                                       XaTemplate          *template,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XA_IS_TEMPLATE_LIBRARY (self));
  g_return_if_fail (XA_IS_TEMPLATE (template));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_template_library_export_file_async);
  g_task_set_task_data (task, xa_template_copy (template), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, export_worker);
}

gboolean
xa_template_library_export_file_finish (XaTemplateLibrary  *self,
                                        GAsyncResult       *result,
                                        GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
