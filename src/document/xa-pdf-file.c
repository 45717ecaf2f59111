/* xa-pdf-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every PDF Xiaoan writes goes to disk the same way: whole or not at all.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "xa-page-layout.h"
#include "xa-pdf-file.h"

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * xa_pdf_file_render:
 * @draw: (scope call): draws the pages
 *
 * Makes a PDF in memory of what @draw puts on an A4 PDF surface.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
xa_pdf_file_render (XaPdfDrawFunc   draw,
                    gpointer        data,
                    GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (draw != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes,
                                                 XA_PAGE_WIDTH, XA_PAGE_HEIGHT);
  ok = draw (data, surface, error);
  /* Cairo embeds the fonts here, reading them once more. */
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!ok)
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * xa_pdf_file_dup_local_path:
 * @file: where the user chose to save a PDF
 *
 * PDFs are written atomically through a temporary file beside their place, which needs a
 * folder of this computer.
 *
 * Returns: (transfer full) (nullable) (type filename): the path, or %NULL with @error set
 *   when @file is not in a local folder
 */
char *
xa_pdf_file_dup_local_path (GFile   *file,
                            GError **error)
{
  char *path = g_file_get_path (file);

  if (path == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("The PDF can only be saved to a local folder"));

  return path;
}

/**
 * xa_pdf_file_save:
 * @pdf: the file's bytes
 * @path: (type filename): where to write them; an existing file is replaced
 *
 * Writes @pdf atomically and durably: a temporary file beside @path, fsync, rename,
 * fsync of the folder. A reader sees the old file or the new one, never half of one,
 * even if the power fails. Blocks: call it from a worker thread in the app.
 *
 * Returns: %TRUE when the file is on disk
 */
gboolean
xa_pdf_file_save (GBytes      *pdf,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = g_bytes_get_data (pdf, &size);
  if (!g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
