/* xa-page-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of one or more agreements as they are previewed, printed, exported and
 * batched: each original chosen (一式两份), each followed by the successor's
 * acknowledgement (继任履责确认) when the school's 第一责任人 changed during the year.
 * The preview, the print operation, the PDF export and the batch all number and draw
 * the pages through this one object, so that what is printed is what was shown.
 */

#include "config.h"

#include "xa-page-set.h"
#include "xa-page-code.h"
#include "xa-pdf-export.h"
#include "xa-pdf-file.h"
#include "xa-subset-fonts.h"
#include "xa-succession-renderer.h"
#include "core/agreements/xa-agreement-images.h"

struct _XaPageSet
{
  GObject         parent_instance;

  /* Owned references */
  GPtrArray      *layouts;
  XaFontResolver *fonts;    /* what new_for_agreement set the pages in, for sharing */
  XaSubsetFonts  *shared;   /* one set of subsets for every layout, once shared */
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

static void
xa_page_set_finalize (GObject *object)
{
  XaPageSet *self = XA_PAGE_SET (object);

  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_object (&self->fonts);
  g_clear_object (&self->shared);

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

/**
 * xa_copies_to_array:
 * @array: (out caller-allocates) (array fixed-size=2): the copies, in print order
 *
 * Returns: how many copies @array holds
 */
guint
xa_copies_to_array (XaCopies        copies,
                    XaAgreementCopy array[2])
{
  switch (copies)
    {
    case XA_COPIES_COMMISSION:
      array[0] = XA_AGREEMENT_COPY_COMMISSION;
      return 1;

    case XA_COPIES_SCHOOL:
      array[0] = XA_AGREEMENT_COPY_SCHOOL;
      return 1;

    case XA_COPIES_BOTH:
    default:
      array[0] = XA_AGREEMENT_COPY_ALL;
      return 1;
    }
}

/**
 * xa_copies_from_key:
 * @key: (nullable): "commission", "school" or "both", as the command line writes them;
 *   %NULL for both
 * @copies: (out): the copies @key names
 *
 * Returns: %TRUE when @key names copies
 */
gboolean
xa_copies_from_key (const char *key,
                    XaCopies   *copies)
{
  if (key == NULL || g_str_equal (key, "both"))
    *copies = XA_COPIES_BOTH;
  else if (g_str_equal (key, "commission"))
    *copies = XA_COPIES_COMMISSION;
  else if (g_str_equal (key, "school"))
    *copies = XA_COPIES_SCHOOL;
  else
    return FALSE;

  return TRUE;
}

XaPageSet *
xa_page_set_new (void)
{
  return g_object_new (XA_TYPE_PAGE_SET, NULL);
}

/**
 * xa_page_set_new_for_agreement:
 * @template: the template version @agreement was made from
 * @copies: (array length=n_copies): the originals, in print order
 *
 * Lays the agreement out. Safe in a worker thread when no other thread uses @agreement
 * and @template at the same time (a GListStore is not safe to read from two threads);
 * @fonts is only read.
 *
 * Returns: (transfer full): the pages
 */
XaPageSet *
xa_page_set_new_for_agreement (XaAgreement           *agreement,
                               XaTemplate            *template,
                               const XaAgreementCopy *copies,
                               guint                  n_copies,
                               XaFontResolver        *fonts)
{
  g_autoptr(GArray) originals = g_array_new (FALSE, FALSE, sizeof (XaAgreementCopy));
  XaPageSet *self;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (XA_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (copies != NULL || n_copies == 0, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  self = xa_page_set_new ();
  self->fonts = g_object_ref (fonts);

  xa_agreement_expand_copies (template, copies, n_copies, originals);
  for (guint i = 0; i < originals->len; i++)
    {
      XaAgreementCopy copy = g_array_index (originals, XaAgreementCopy, i);
      g_autoptr(XaPageLayout) layout = xa_agreement_layout_new_for_agreement (agreement, template, copy, fonts);
      g_autoptr(XaPageLayout) succession = xa_succession_layout_new (agreement, template, copy, fonts);

      xa_agreement_add_succession_codes (layout, succession, xa_agreement_get_uuid (agreement),
                                         xa_agreement_copy_party_index (template, copy));

      xa_page_set_add (self, layout);
      if (succession != NULL)
        xa_page_set_add (self, succession);
    }

  return self;
}

/**
 * xa_page_set_request_new:
 * @uuid: the agreement revision to lay out
 * @copies: which originals
 *
 * Returns: (transfer full): what xa_page_set_load_async() lays out
 */
XaPageSetRequest *
xa_page_set_request_new (XaAgreementBook *book,
                         const char      *uuid,
                         XaCopies         copies,
                         XaFontResolver  *fonts)
{
  XaPageSetRequest *request;

  g_return_val_if_fail (XA_IS_AGREEMENT_BOOK (book), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  request = g_new0 (XaPageSetRequest, 1);
  request->book = g_object_ref (book);
  request->uuid = g_strdup (uuid);
  request->copies = copies;
  request->fonts = g_object_ref (fonts);
  request->page_codes = TRUE;
  return request;
}

void
xa_page_set_request_free (XaPageSetRequest *request)
{
  g_clear_object (&request->book);
  g_clear_pointer (&request->uuid, g_free);
  g_clear_object (&request->fonts);
  g_free (request);
}

/**
 * xa_page_set_request_lay_out:
 *
 * What xa_page_set_load_async() and the PDF export run in their worker: the agreement
 * and its template version read from the book again and laid out in the originals
 * asked for.
 *
 * Returns: (transfer full) (nullable): the pages, or %NULL with @error set
 */
XaPageSet *
xa_page_set_request_lay_out (XaPageSetRequest  *request,
                             GError           **error)
{
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplate) template = NULL;
  XaAgreementCopy copies[2];
  XaPageSet *pages;
  guint n_copies;

  g_return_val_if_fail (request != NULL, NULL);

  if (!(agreement = xa_agreement_book_dup_by_uuid (request->book, request->uuid, error)) ||
      !(template = xa_agreement_book_dup_template (request->book, agreement, error)) ||
      !xa_agreement_book_attach_images (request->book, agreement, error))
    return NULL;

  n_copies = xa_copies_to_array (request->copies, copies);
  pages = xa_page_set_new_for_agreement (agreement, template, copies, n_copies, request->fonts);
  xa_page_set_set_page_codes (pages, request->page_codes);
  return pages;
}

/**
 * xa_page_set_load_async:
 * @request: (transfer full): the agreement and its copies
 *
 * Reads the agreement and its template version from the book again and lays them out in
 * a worker thread (xa-pdf-export.c), exactly as the PDF export does: what it returns is
 * what the export writes. The pages it returns are then the calling thread's alone.
 */
void
xa_page_set_load_async (XaPageSetRequest    *request,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (request != NULL);

  xa_pdf_pages_async ((XaPdfPagesFunc) xa_page_set_request_lay_out, request,
                      (GDestroyNotify) xa_page_set_request_free, cancellable, callback, user_data);
}

/**
 * xa_page_set_load_finish:
 *
 * Returns: (transfer full) (nullable): the pages, laid out
 */
XaPageSet *
xa_page_set_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  return xa_pdf_pages_finish (result, error);
}

/**
 * xa_page_set_set_keywords:
 * @keywords: (nullable): the PDF keywords of the file the set is written to, such as
 *   the audit chain's head
 */
void
xa_page_set_set_keywords (XaPageSet  *self,
                          const char *keywords)
{
  g_return_if_fail (XA_IS_PAGE_SET (self));

  for (guint i = 0; i < self->layouts->len; i++)
    xa_page_layout_set_keywords (g_ptr_array_index (self->layouts, i), keywords);
}

/**
 * xa_page_set_set_page_codes:
 * @shown: %FALSE to take the page codes off: a draft or a preview the user does not
 *   want marked
 *
 * An agreement's pages carry their page code (xa-page-code.c) unless told otherwise.
 */
void
xa_page_set_set_page_codes (XaPageSet *self,
                            gboolean   shown)
{
  g_return_if_fail (XA_IS_PAGE_SET (self));

  for (guint i = 0; !shown && i < self->layouts->len; i++)
    xa_page_layout_set_page_mark (g_ptr_array_index (self->layouts, i), NULL, NULL, NULL);
}

void
xa_page_set_add (XaPageSet    *self,
                 XaPageLayout *layout)
{
  g_return_if_fail (XA_IS_PAGE_SET (self));
  g_return_if_fail (XA_IS_PAGE_LAYOUT (layout));

  g_ptr_array_add (self->layouts, g_object_ref (layout));
}

/**
 * xa_page_set_append:
 * @other: pages to add after those of @self
 *
 * Gathers the pages of several agreements, so that they can share fonts.
 */
void
xa_page_set_append (XaPageSet *self,
                    XaPageSet *other)
{
  g_return_if_fail (XA_IS_PAGE_SET (self));
  g_return_if_fail (XA_IS_PAGE_SET (other));

  for (guint i = 0; i < other->layouts->len; i++)
    xa_page_set_add (self, g_ptr_array_index (other->layouts, i));

  if (self->fonts == NULL && other->fonts != NULL)
    self->fonts = g_object_ref (other->fonts);
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
 * xa_page_set_get_page_size:
 * @page: counted from 0 across the whole set
 * @width: (out): the page's width in points
 * @height: (out): its height: a ledger's pages are turned, an agreement's upright
 */
void
xa_page_set_get_page_size (XaPageSet *self,
                           guint      page,
                           double    *width,
                           double    *height)
{
  XaPageLayout *layout;
  guint page_in_layout = 0;

  g_return_if_fail (XA_IS_PAGE_SET (self));

  *width = XA_PAGE_WIDTH;
  *height = XA_PAGE_HEIGHT;
  if ((layout = locate_page (self, page, &page_in_layout)) != NULL)
    xa_page_layout_get_page_size (layout, width, height);
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
    {
      xa_page_layout_draw_page (layout, cr, page_in_layout);
      if (self->shared != NULL)
        xa_subset_fonts_keep_for_surface (self->shared, cairo_get_target (cr));
    }
}

/**
 * xa_page_set_share_fonts:
 * @fonts: (nullable): the typefaces; %NULL for those the set was made with
 *
 * Sets every page in one set of font subsets that holds all their characters, so that a
 * PDF of many pages, or of many agreements, embeds each font once. Without it each
 * layout makes subsets of its own: slower and larger, never wrong.
 */
void
xa_page_set_share_fonts (XaPageSet      *self,
                         XaFontResolver *fonts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XA_IS_PAGE_SET (self));
  g_return_if_fail (fonts == NULL || XA_IS_FONT_RESOLVER (fonts));

  if (fonts == NULL)
    fonts = self->fonts;
  if (fonts == NULL || self->layouts->len < 2)
    return;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      g_autofree char *characters = xa_page_layout_dup_characters (g_ptr_array_index (self->layouts, i));

      g_string_append (text, characters);
    }

  g_clear_object (&self->shared);
  if (!(self->shared = xa_subset_fonts_new (fonts, text->str, &error)))
    {
      g_warning ("Cannot share font subsets between pages: %s", error->message);
      return;
    }

  for (guint i = 0; i < self->layouts->len; i++)
    xa_page_layout_set_font_map (g_ptr_array_index (self->layouts, i),
                                 xa_subset_fonts_get_font_map (self->shared));
}

/**
 * xa_page_set_write_pdf:
 * @pdf_surface: an A4 PDF surface; the pages are appended
 *
 * Appends every page of the set. Call xa_page_set_share_fonts() first for one set of
 * font subsets across the pages (xa_page_set_render_pdf() does).
 */
gboolean
xa_page_set_write_pdf (XaPageSet        *self,
                       cairo_surface_t  *pdf_surface,
                       GError          **error)
{
  g_return_val_if_fail (XA_IS_PAGE_SET (self), FALSE);

  for (guint i = 0; i < self->layouts->len; i++)
    {
      if (!xa_page_layout_write_pdf (g_ptr_array_index (self->layouts, i), pdf_surface, error))
        return FALSE;
    }

  /* Cairo reads the fonts when it finishes the file, perhaps after we are gone. */
  if (self->shared != NULL)
    xa_subset_fonts_keep_for_surface (self->shared, pdf_surface);

  return TRUE;
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
  g_return_val_if_fail (XA_IS_PAGE_SET (self), NULL);

  if (self->shared == NULL)
    xa_page_set_share_fonts (self, NULL);

  return xa_pdf_file_render ((XaPdfDrawFunc) xa_page_set_write_pdf, self, error);
}
