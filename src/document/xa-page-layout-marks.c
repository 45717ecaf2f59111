/* xa-page-layout-marks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page engine (xa-page-layout.c) tells of a page besides drawing it: the words
 * laid out on it, and a mark of the document's own drawn on each page after its text,
 * such as an agreement's page code (xa-page-code.c), which hashes those words.
 */

#include "config.h"

#include "xa-page-layout-private.h"

/**
 * xa_page_layout_dup_page_text:
 * @page: the page, from 0
 *
 * The words laid out on @page, in the order they are drawn: its lines of text, its
 * tables' cells and its part of the signature block; neither the page number nor the
 * copy label, which the page code states apart. What the page code's hash is made of.
 *
 * Returns: (transfer full): the text, a line break after each line
 */
char *
xa_page_layout_dup_page_text (XaPageLayout *self,
                              guint         page)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), NULL);

  g_return_val_if_fail (page < xa_page_layout_get_n_pages (self), NULL);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const PlacedLine *placed = &g_array_index (self->lines, PlacedLine, i);
      PangoLayoutLine *line;

      if (placed->page != page)
        continue;

      line = pango_layout_get_line_readonly (placed->layout, placed->line_index);
      g_string_append_len (text, pango_layout_get_text (placed->layout) + line->start_index, line->length);
      g_string_append_c (text, '\n');
    }

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (self->paragraphs, Paragraph, i);
      const GArray *pieces;

      if (paragraph->table == NULL)
        continue;

      pieces = xa_page_table_get_pieces (paragraph->table);
      for (guint j = 0; j < pieces->len; j++)
        {
          const XaTablePiece *piece = &g_array_index (pieces, XaTablePiece, j);
          PangoLayoutLine *line;

          if (piece->page != page || piece->kind != XA_TABLE_PIECE_TEXT)
            continue;

          line = pango_layout_get_line_readonly (piece->layout, piece->line_index);
          g_string_append_len (text, pango_layout_get_text (piece->layout) + line->start_index, line->length);
          g_string_append_c (text, '\n');
        }
    }

  if (self->signature != NULL)
    {
      const GArray *pieces = xa_signature_block_get_pieces (self->signature);

      for (guint i = 0; i < pieces->len; i++)
        {
          const XaSignaturePiece *piece = &g_array_index (pieces, XaSignaturePiece, i);

          if (piece->page == page && piece->text != NULL)
            g_string_append_printf (text, "%s\n", piece->text);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * xa_page_layout_set_page_mark:
 * @func: (nullable): what draws the mark on each page, or %NULL for none
 * @destroy: (nullable): frees @user_data when the mark is replaced or the layout freed
 *
 * A mark of the document's own on every page, drawn after the page's text: an
 * agreement's page code.
 */
void
xa_page_layout_set_page_mark (XaPageLayout   *self,
                              XaPageMarkFunc  func,
                              gpointer        user_data,
                              GDestroyNotify  destroy)
{
  g_return_if_fail (XA_IS_PAGE_LAYOUT (self));

  if (self->mark_destroy != NULL)
    self->mark_destroy (self->mark_data);

  self->mark_func = func;
  self->mark_data = user_data;
  self->mark_destroy = destroy;
}

gboolean
xa_page_layout_has_page_mark (XaPageLayout *self)
{
  g_return_val_if_fail (XA_IS_PAGE_LAYOUT (self), FALSE);

  return self->mark_func != NULL;
}
