/* xa-page-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of one agreement as they are previewed, printed and exported: the laid-out
 * agreement once per original chosen, each followed by the successor's acknowledgement
 * (继任履责确认) when the school's 第一责任人 changed during the year. The preview, the
 * print operation and the PDF export all number the pages through this one object, so
 * that what is printed is what was shown.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "document/xa-succession-renderer.h"
#include "xa-page-set.h"

struct _XaPageSet
{
  GObject    parent_instance;

  /* Owned references */
  GPtrArray *layouts;
};

G_DEFINE_FINAL_TYPE (XaPageSet, xa_page_set, G_TYPE_OBJECT)

static XaPageLayout *
locate_page (XaPageSet *self,
             guint      page,
             guint     *page_in_layout)
{
  for (guint i = 0; i < self->layouts->len; i++)
    {
      XaPageLayout *layout = g_ptr_array_index (self->layouts, i);
      guint n = xa_page_layout_get_n_pages (layout);

      if (page < n)
        {
          *page_in_layout = page;
          return layout;
        }
      page -= n;
    }

  return NULL;
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_copy (XaPageSet       *self,
          XaAgreement     *agreement,
          XaTemplate      *template,
          XaAgreementCopy  copy,
          XaFontResolver  *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;

  layout = xa_agreement_layout_new_for_agreement (agreement, template, copy, fonts);
  xa_page_set_add (self, layout);

  if (xa_agreement_get_successor (agreement) != NULL)
    {
      g_autoptr(XaPageLayout) succession = NULL;

      succession = xa_succession_layout_new (agreement, template, copy, fonts);
      xa_page_set_add (self, succession);
    }
}

static void
xa_page_set_finalize (GObject *object)
{
  XaPageSet *self = XA_PAGE_SET (object);

  g_clear_pointer (&self->layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (xa_page_set_parent_class)->finalize (object);
}

static void
xa_page_set_class_init (XaPageSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_page_set_finalize;
}

static void
xa_page_set_init (XaPageSet *self)
{
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
}

XaPageSet *
xa_page_set_new (void)
{
  return g_object_new (XA_TYPE_PAGE_SET, NULL);
}

/**
 * xa_page_set_new_for_agreement:
 * @template: the template version @agreement was made from
 * @copies: which originals
 *
 * Lays the agreement out. Safe in a worker thread when no other thread uses @agreement
 * and @template at the same time; @fonts is only read.
 *
 * Returns: (transfer full): the pages
 */
XaPageSet *
xa_page_set_new_for_agreement (XaAgreement    *agreement,
                               XaTemplate     *template,
                               XaCopies        copies,
                               XaFontResolver *fonts)
{
  XaPageSet *self;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  self = xa_page_set_new ();
  if (copies != XA_COPIES_SCHOOL)
    add_copy (self, agreement, template, XA_AGREEMENT_COPY_COMMISSION, fonts);
  if (copies != XA_COPIES_COMMISSION)
    add_copy (self, agreement, template, XA_AGREEMENT_COPY_SCHOOL, fonts);

  return self;
}

void
xa_page_set_add (XaPageSet    *self,
                 XaPageLayout *layout)
{
  g_return_if_fail (XA_IS_PAGE_SET (self));
  g_return_if_fail (XA_IS_PAGE_LAYOUT (layout));

  g_ptr_array_add (self->layouts, g_object_ref (layout));
}

guint
xa_page_set_get_n_pages (XaPageSet *self)
{
  guint n = 0;

  g_return_val_if_fail (XA_IS_PAGE_SET (self), 0);

  for (guint i = 0; i < self->layouts->len; i++)
    n += xa_page_layout_get_n_pages (g_ptr_array_index (self->layouts, i));

  return n;
}

/**
 * xa_page_set_draw_page:
 * @cr: a context whose unit is the PDF point
 * @page: counted from 0 across the whole set
 */
void
xa_page_set_draw_page (XaPageSet *self,
                       cairo_t   *cr,
                       guint      page)
{
  XaPageLayout *layout;
  guint page_in_layout = 0;

  g_return_if_fail (XA_IS_PAGE_SET (self));

  if ((layout = locate_page (self, page, &page_in_layout)) != NULL)
    xa_page_layout_draw_page (layout, cr, page_in_layout);
}

/**
 * xa_page_set_render_pdf:
 *
 * Every page of the set in one PDF file, for the "导出 PDF" of the originals chosen.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
xa_page_set_render_pdf (XaPageSet  *self,
                        GError    **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok = TRUE;

  g_return_val_if_fail (XA_IS_PAGE_SET (self), NULL);

  /* One layout: the document layer's own writer, with nothing of ours in between. */
  if (self->layouts->len == 1)
    return xa_page_layout_render_pdf (g_ptr_array_index (self->layouts, 0), error);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, bytes,
                                                 XA_PAGE_WIDTH, XA_PAGE_HEIGHT);
  for (guint i = 0; ok && i < self->layouts->len; i++)
    ok = xa_page_layout_write_pdf (g_ptr_array_index (self->layouts, i), surface, error);
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
