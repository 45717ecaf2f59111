/* xa-signature-block.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One thing the block draws, placed on the page's 22-line grid: a line of text, or the
 * dashed circle that shows where a seal goes. x and width are points from the text
 * area's left edge. */
typedef enum
{
  XA_SIGNATURE_PIECE_TEXT_CENTRED,  /* centred in [x, x + width] */
  XA_SIGNATURE_PIECE_TEXT_LEFT,     /* from x */
  XA_SIGNATURE_PIECE_SEAL,          /* a seal zone centred on x + width / 2, on row */
} XaSignaturePieceKind;

typedef struct
{
  XaSignaturePieceKind  kind;
  guint                 page;
  double                row;     /* a text's grid row; a seal's centre, in rows */
  double                x;
  double                width;
  const char           *text;    /* owned by the block; NULL for a seal */
  /* The party's seal image over a seal zone, or its signature image after a text (the
   * line to sign), owned by the block; NULL for none. image_rows: how many rows of
   * the grid a signature image may be high, centred on its row, without reaching the
   * text above or below. */
  cairo_surface_t      *image;
  double                image_rows;
} XaSignaturePiece;

typedef struct _XaSignatureBlock XaSignatureBlock;

/* Returns: (transfer full): @text's rows at @width points, one when it fits */
typedef GStrv (*XaSignatureBreakFunc) (const char *text,
                                       double      width,
                                       gpointer    user_data);

XaSignatureBlock *xa_signature_block_new          (gboolean             stacked,
                                                   const char          *shared_date);
void              xa_signature_block_free         (XaSignatureBlock    *self);
void              xa_signature_block_add_party    (XaSignatureBlock    *self,
                                                   const char          *unit,
                                                   gboolean             seal,
                                                   const char * const  *lines,
                                                   const char          *date);
void              xa_signature_block_set_party_images (XaSignatureBlock *self,
                                                   guint                party,
                                                   GBytes              *seal,
                                                   GBytes              *signature,
                                                   int                  sign_line);
guint             xa_signature_block_get_n_parties (XaSignatureBlock   *self);
void              xa_signature_block_break_lines  (XaSignatureBlock    *self,
                                                   double               text_width,
                                                   XaSignatureBreakFunc func,
                                                   gpointer             user_data);
guint             xa_signature_block_get_first_rows (XaSignatureBlock  *self);
void              xa_signature_block_place        (XaSignatureBlock    *self,
                                                   guint                page,
                                                   guint                row,
                                                   guint                lines_per_page,
                                                   double               text_width);
guint             xa_signature_block_get_last_page (XaSignatureBlock   *self);
const GArray     *xa_signature_block_get_pieces   (XaSignatureBlock    *self);
void              xa_signature_block_foreach_text (XaSignatureBlock    *self,
                                                   GFunc                func,
                                                   gpointer             user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaSignatureBlock, xa_signature_block_free)

G_END_DECLS
