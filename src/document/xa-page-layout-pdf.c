/* xa-page-layout-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A laid-out document as a PDF (xa-page-layout.c lays it out): its pages drawn on a PDF
 * surface with the document's metadata, rendered to bytes with its fonts embedded as
 * subsets, or saved atomically. A batch appends many documents to one surface.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "xa-page-layout-private.h"
#include "xa-pdf-file.h"

static void
set_pdf_metadata (XaPageLayout    *self,
                  cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  if (self->title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  if (self->keywords)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xiaoan " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/**
 * xa_page_layout_write_pdf:
 * @pdf_surface: an A4 PDF surface; the pages are appended to it
 *
 * Appends every page to @pdf_surface, so that a batch can put many documents in one file.
 */
gboolean
xa_page_layout_write_pdf (XaPageLayout     *self,
                          cairo_surface_t  *pdf_surface,
                          GError          **error)
{
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), FALSE);

  n_pages = xa_page_layout_get_n_pages (self);
  set_pdf_metadata (self, pdf_surface);
  cr = cairo_create (pdf_surface);

  /* Before anything is drawn on a page: a set may mix upright and turned documents. */
  if (cairo_surface_get_type (pdf_surface) == CAIRO_SURFACE_TYPE_PDF)
    cairo_pdf_surface_set_size (pdf_surface, self->geometry->width, self->geometry->height);
  for (guint page = 0; page < n_pages; page++)
    {
      xa_page_layout_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot draw the document: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_page_layout_render_pdf:
 *
 * Returns: (transfer full): the document as a PDF file's bytes, fonts embedded as subsets
 */
GBytes *
xa_page_layout_render_pdf (XaPageLayout  *self,
                           GError       **error)
{
  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), NULL);

  return xa_pdf_file_render ((XaPdfDrawFunc) xa_page_layout_write_pdf, self, error);
}

/**
 * xa_page_layout_save_pdf:
 * @path: (type filename): where to write; an existing file is replaced
 *
 * Renders the document and writes it atomically (xa_pdf_file_save()): what every form
 * laid out by the engine (the ledger's, an inspection record, a notice) is saved with.
 * Blocks.
 */
gboolean
xa_page_layout_save_pdf (XaPageLayout  *self,
                         const char    *path,
                         GError       **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), FALSE);

  if (!(pdf = xa_page_layout_render_pdf (self, error)))
    return FALSE;

  return xa_pdf_file_save (pdf, path, error);
}
