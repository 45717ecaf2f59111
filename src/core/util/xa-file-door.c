/* xa-file-door.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The door every file a person chooses comes in by: a school list, a template, an
 * agreement's text, a ledger, a photo. Only a regular file is read: a pipe waits for a
 * writer, a device such as /dev/zero never ends, a folder is not a document. And only up
 * to a size the importer sets, counted as the bytes come in, not trusted to what the
 * file system said when it was asked: the file may grow in between. Each refusal names
 * the file and says what it is instead.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <sys/stat.h>

#include "xa-file-door.h"
#include "xa-file.h"

static void
set_too_large (const char  *display,
               goffset      size,
               goffset      max_bytes,
               GError     **error)
{
  g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               /* Translators: “%s” is a file; then its size and the largest allowed, 12.0 MiB. */
               _("“%s” is too large (%s, at most %s)"), display, have, limit);
}

/**
 * xa_file_door_check:
 * @info: queried with %XA_FILE_DOOR_ATTRIBUTES
 * @display: the file's name as the person knows it (g_file_get_parse_name())
 * @max_bytes: the largest size accepted
 *
 * Lets a regular file of at most @max_bytes through. Otherwise sets @error in
 * %G_IO_ERROR: %G_IO_ERROR_IS_DIRECTORY for a folder, %G_IO_ERROR_NOT_REGULAR_FILE for
 * a pipe, a device, a socket or anything else, %G_IO_ERROR_MESSAGE_TOO_LARGE for a file
 * over the size; the message names the file and what it is.
 */
gboolean
xa_file_door_check (GFileInfo   *info,
                    const char  *display,
                    goffset      max_bytes,
                    GError     **error)
{
  guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

  g_return_val_if_fail (G_IS_FILE_INFO (info), FALSE);
  g_return_val_if_fail (display != NULL, FALSE);

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
          g_file_info_get_size (info) > max_bytes)
        {
          set_too_large (display, g_file_info_get_size (info), max_bytes, error);
          return FALSE;
        }
      return TRUE;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file"), display);
      return FALSE;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      break;
    }

  if (S_ISFIFO (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a pipe, not a file"), display);
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a device, not a file"), display);
  else if (S_ISSOCK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is a socket, not a file"), display);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("“%s” is not a regular file"), display);
  return FALSE;
}

static gboolean
set_read_error (const char  *display,
                GError      *cause,
                GError     **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else
    {
      g_set_error (error, G_IO_ERROR, cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), display, cause->message);
      g_error_free (cause);
    }
  return FALSE;
}

/**
 * xa_file_door_load:
 * @file: a file a person chose
 * @max_bytes: the largest size accepted
 *
 * Reads the whole of @file if xa_file_door_check() lets it through, and refuses it as
 * too large if more than @max_bytes come in after all. Blocks: call it from a worker.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error set in
 *   %G_IO_ERROR, its message naming the file
 */
GBytes *
xa_file_door_load (GFile         *file,
                   goffset        max_bytes,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) contents = g_byte_array_new ();
  GError *local_error = NULL;
  guint8 buffer[64 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_bytes >= 0, NULL);

  display = g_file_get_parse_name (file);

  /* A local file is opened without waiting (a pipe put in its place meanwhile does not
   * hang the read) and judged by what was opened (xa-file.c); the door's question is
   * asked only to say what it was instead. */
  if ((path = g_file_get_path (file)) != NULL)
    {
      GBytes *bytes;
      int saved_errno = 0;

      if ((bytes = xa_file_read_regular (path, max_bytes, TRUE, &saved_errno)))
        return bytes;

      if ((saved_errno == EINVAL || saved_errno == EFBIG) &&
          (info = g_file_query_info (file, XA_FILE_DOOR_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                     cancellable, NULL)) &&
          !xa_file_door_check (info, display, max_bytes, error))
        return NULL;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot read “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  /* A file of another file system (GVfs): through GIO, counted as it comes. */
  if (!(info = g_file_query_info (file, XA_FILE_DOOR_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                  cancellable, &local_error)))
    {
      set_read_error (display, local_error, error);
      return NULL;
    }
  if (!xa_file_door_check (info, display, max_bytes, error))
    return NULL;

  /* Opened after the check: looked at again, what was opened may have been replaced. */
  if (!(stream = g_file_read (file, cancellable, &local_error)))
    {
      set_read_error (display, local_error, error);
      return NULL;
    }
  g_clear_object (&info);
  if (!(info = g_file_input_stream_query_info (stream, XA_FILE_DOOR_ATTRIBUTES, cancellable,
                                               &local_error)))
    {
      set_read_error (display, local_error, error);
      return NULL;
    }
  if (!xa_file_door_check (info, display, max_bytes, error))
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, &local_error);

      if (n < 0)
        {
          set_read_error (display, local_error, error);
          return NULL;
        }
      if (n == 0)
        break;
      if ((goffset) contents->len + n > max_bytes)
        {
          set_too_large (display, (goffset) contents->len + n, max_bytes, error);
          return NULL;
        }
      g_byte_array_append (contents, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}
