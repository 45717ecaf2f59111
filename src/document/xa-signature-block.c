/* xa-signature-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The signature block under an agreement's last paragraph (reference/domain.md §1.7), for
 * one to four parties: each its name (with room for its seal), its lines to sign or to
 * fill in, and its own date, or one date under them all. Side by side, the parties share
 * the block's rows in columns; stacked, each stands under the one before in the right
 * half of the page, and a party that no longer fits goes whole to the next page.
 *
 * It only places: rows of the 22-line grid and points across; XaPageLayout draws. A party
 * that does not seal, of up to three lines, has a blank row between them: room to sign.
 * A party that seals sets its lines row under row, so that its 42 mm seal, centred a
 * quarter row above the middle of its name and date, presses both, with them a little
 * below its centre, and its top stays within a line of the text (GB/T 9704 7.3.5.1;
 * spaced over five rows, the date was out of the seal and its top too far down). More
 * lines than three are set row under row too, so that a form of many fields still fits
 * the page.
 *
 * A line too wide for its place (a receipt's sentence under a stacked notice) is broken
 * over rows, as the caller's text engine breaks it; a stacked party with a line wider
 * than the right half takes the whole width of the text area.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xa-signature-block.h"

#define MAX_SPACED_ELEMENTS 3

/* The seal zone's radius in rows of the grid: 42 mm (XA_SEAL_DIAMETER) over rows of
 * 28.99 pt (XA_LINE_PITCH). */
#define SEAL_RADIUS_ROWS 2.05

typedef struct
{
  GPtrArray *elements;  /* of char *: the name, the lines, the date, each non-empty */
  GPtrArray *rows;      /* of GStrv: each element as broken over rows, one row unbroken */
  gboolean   seal;
  gboolean   wide;      /* stacked over the text area's whole width */
  guint      first_line;  /* the element of its first line: 1 after its name, 0 without */
  /* Its images, or NULL: the seal over its name, the signature after its line to sign
   * (the element sign_element). */
  cairo_surface_t *seal_image;
  cairo_surface_t *signature_image;
  int        sign_element;
} Party;

struct _XaSignatureBlock
{
  gboolean  stacked;
  char     *shared_date;
  GArray   *parties;   /* of Party */
  GArray   *pieces;    /* of XaSignaturePiece, after placing */
  guint     last_page;
};

static void
party_clear (gpointer data)
{
  Party *party = data;

  g_clear_pointer (&party->elements, g_ptr_array_unref);
  g_clear_pointer (&party->rows, g_ptr_array_unref);
  g_clear_pointer (&party->seal_image, cairo_surface_destroy);
  g_clear_pointer (&party->signature_image, cairo_surface_destroy);
}

/**
 * xa_signature_block_new:
 * @stacked: the parties one under another rather than side by side
 * @shared_date: (nullable): one date line under all the parties, or %NULL or "" for none
 *
 * Returns: (transfer full): a block without parties
 */
XaSignatureBlock *
xa_signature_block_new (gboolean    stacked,
                        const char *shared_date)
{
  XaSignatureBlock *self = g_new0 (XaSignatureBlock, 1);

  self->stacked = stacked;
  self->shared_date = shared_date != NULL && shared_date[0] != '\0' ? g_strdup (shared_date) : NULL;
  self->parties = g_array_new (FALSE, TRUE, sizeof (Party));
  g_array_set_clear_func (self->parties, party_clear);
  self->pieces = g_array_new (FALSE, TRUE, sizeof (XaSignaturePiece));
  return self;
}

void
xa_signature_block_free (XaSignatureBlock *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->parties, g_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_free (self->shared_date);
  g_free (self);
}

static void
add_element (GPtrArray  *elements,
             const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (elements, g_strdup (text));
}

/**
 * xa_signature_block_add_party:
 * @unit: (nullable): the line that names the party, as printed ("甲方：…（盖章）")
 * @seal: whether it seals: a seal zone is drawn around its lines
 * @lines: (nullable) (array zero-terminated=1): its lines to sign or to fill in, as printed
 * @date: (nullable): its own date line, or %NULL or "" under a shared date
 */
void
xa_signature_block_add_party (XaSignatureBlock   *self,
                              const char         *unit,
                              gboolean            seal,
                              const char * const *lines,
                              const char         *date)
{
  Party party = { g_ptr_array_new_with_free_func (g_free),
                   g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), seal, FALSE,
                   0, NULL, NULL, -1 };

  add_element (party.elements, unit);
  party.first_line = party.elements->len;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    add_element (party.elements, lines[i]);
  add_element (party.elements, date);

  for (guint i = 0; i < party.elements->len; i++)
    {
      char *row[] = { party.elements->pdata[i], NULL };

      g_ptr_array_add (party.rows, g_strdupv (row));
    }

  g_array_append_val (self->parties, party);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG as Cairo draws it, or NULL when it cannot be read: the images come checked
 * from the registry (xa-seal-images.c), and a document without one still prints. */
static cairo_surface_t *
surface_from_png (GBytes *png)
{
  PngReader reader = { NULL, 0, 0 };
  cairo_surface_t *surface;

  if (png == NULL)
    return NULL;

  reader.data = g_bytes_get_data (png, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_width (surface) <= 0 || cairo_image_surface_get_height (surface) <= 0)
    {
      g_warning ("Cannot read a seal or signature image: %s",
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/**
 * xa_signature_block_set_party_images:
 * @party: the party, in the order they were added
 * @seal: (nullable): its seal, a transparent PNG, drawn over its name instead of the
 *   dashed zone; only for a party that seals
 * @signature: (nullable): its responsible person's signature, a transparent PNG
 * @sign_line: which of its lines is the one to sign (负责人签名：), -1 for none
 */
void
xa_signature_block_set_party_images (XaSignatureBlock *self,
                                     guint             party,
                                     GBytes           *seal,
                                     GBytes           *signature,
                                     int               sign_line)
{
  Party *p;

  g_return_if_fail (party < self->parties->len);

  p = &g_array_index (self->parties, Party, party);
  g_clear_pointer (&p->seal_image, cairo_surface_destroy);
  g_clear_pointer (&p->signature_image, cairo_surface_destroy);
  p->sign_element = -1;

  if (p->seal)
    p->seal_image = surface_from_png (seal);
  if (sign_line >= 0 && p->first_line + (guint) sign_line < p->elements->len)
    {
      p->signature_image = surface_from_png (signature);
      p->sign_element = (int) (p->first_line + sign_line);
    }
}

guint
xa_signature_block_get_n_parties (XaSignatureBlock *self)
{
  return self->parties->len;
}

/* How many rows between a party's lines: two while there are few, one past that, and one
 * when the party seals: its seal presses its name and date together. */
static guint
party_step (const Party *party)
{
  return party->elements->len <= MAX_SPACED_ELEMENTS && !party->seal ? 2 : 1;
}

static guint
party_rows (const Party *party)
{
  guint n = party->elements->len;
  guint rows = 0;

  for (guint i = 0; i < n; i++)
    rows += g_strv_length (party->rows->pdata[i]);

  return n == 0 ? 0 : rows + (n - 1) * (party_step (party) - 1);
}

/* The blank rows above a party: one, or more when its seal zone, centred over its lines
 * (place_party()), would reach up into what stands above; GB/T 9704 7.3.5.1 puts the
 * seal's top within a line under the text, never over it. */
static guint
party_gap (const Party *party)
{
  double reach;

  if (!party->seal || party->elements->len == 0)
    return 1;

  /* From the top of the party's first row up to the top of the seal zone. */
  reach = SEAL_RADIUS_ROWS - ((party_rows (party) - 1) / 2.0 - 0.25 + 0.5);
  return MAX (1, (guint) ceil (reach - 0.01));
}

static void
break_party (Party                *party,
             double                width,
             XaSignatureBreakFunc  func,
             gpointer              user_data)
{
  for (guint i = 0; i < party->elements->len; i++)
    {
      g_strfreev (party->rows->pdata[i]);
      party->rows->pdata[i] = func (party->elements->pdata[i], width, user_data);
    }
}

static gboolean
party_is_broken (const Party *party)
{
  for (guint i = 0; i < party->rows->len; i++)
    if (g_strv_length (party->rows->pdata[i]) > 1)
      return TRUE;

  return FALSE;
}

/**
 * xa_signature_block_break_lines:
 * @text_width: the text area's width, in points
 * @func: breaks a text into the rows it takes at a width, as it will be drawn
 * @user_data: for @func
 *
 * Breaks the lines wider than their column over rows, before the block is measured and
 * placed; a stacked party with such a line is widened to the whole text area first.
 */
void
xa_signature_block_break_lines (XaSignatureBlock     *self,
                                double                text_width,
                                XaSignatureBreakFunc  func,
                                gpointer              user_data)
{
  guint n = self->parties->len;

  for (guint i = 0; i < n; i++)
    {
      Party *party = &g_array_index (self->parties, Party, i);

      /* Side by side, one or two parties' lines lean into the middle rather than break
       * (重庆市大渡口区教育委员会（盖章） beside a school); three or four columns have no
       * room to lean into. */
      if (!self->stacked)
        {
          break_party (party, n > 2 ? text_width / n : text_width, func, user_data);
          continue;
        }

      break_party (party, text_width / 2, func, user_data);
      party->wide = party_is_broken (party);
      if (party->wide)
        break_party (party, text_width, func, user_data);
    }
}

/* Side by side, the parties start on one row: under the widest gap any of them needs. */
static guint
widest_gap (XaSignatureBlock *self)
{
  guint gap = 1;

  for (guint i = 0; i < self->parties->len; i++)
    gap = MAX (gap, party_gap (&g_array_index (self->parties, Party, i)));

  return gap;
}

static guint
tallest_party (XaSignatureBlock *self)
{
  guint rows = 0;

  for (guint i = 0; i < self->parties->len; i++)
    rows = MAX (rows, party_rows (&g_array_index (self->parties, Party, i)));

  return rows;
}

/* A blank row and the date's: the shared date under the parties. */
static guint
shared_date_rows (XaSignatureBlock *self)
{
  return self->shared_date != NULL ? 2 : 0;
}

/**
 * xa_signature_block_get_first_rows:
 *
 * Returns: the rows that must stand together under the last line of text, the blank row
 *   before the block included: the whole block side by side, the first party stacked
 */
guint
xa_signature_block_get_first_rows (XaSignatureBlock *self)
{
  if (self->parties->len == 0)
    return self->shared_date != NULL ? shared_date_rows (self) : 0;

  if (!self->stacked)
    return widest_gap (self) + tallest_party (self) + shared_date_rows (self);

  return party_gap (&g_array_index (self->parties, Party, 0)) +
         party_rows (&g_array_index (self->parties, Party, 0)) +
         (self->parties->len == 1 ? shared_date_rows (self) : 0);
}

static void
add_piece (XaSignatureBlock     *self,
           XaSignaturePieceKind  kind,
           guint                 page,
           double                row,
           double                x,
           double                width,
           const char           *text)
{
  XaSignaturePiece piece = { kind, page, row, x, width, text, NULL, 0 };

  g_array_append_val (self->pieces, piece);
}

static void
set_last_image (XaSignatureBlock *self,
                cairo_surface_t  *image,
                double            image_rows)
{
  XaSignaturePiece *piece = &g_array_index (self->pieces, XaSignaturePiece, self->pieces->len - 1);

  piece->image = image;
  piece->image_rows = image_rows;
}

/* A party's lines from @first_row down, and its seal zone over them: its centre a quarter
 * row above the lines' middle, as GB/T 9704 7.3.5.1 sets the seal over name and date. */
static void
place_party (XaSignatureBlock     *self,
             const Party          *party,
             guint                 page,
             guint                 first_row,
             double                x,
             double                width,
             XaSignaturePieceKind  kind)
{
  guint step = party_step (party);
  guint row = first_row;

  if (party->seal && party->elements->len > 0)
    {
      add_piece (self, XA_SIGNATURE_PIECE_SEAL, page,
                 first_row + (party_rows (party) - 1) / 2.0 - 0.25, x, width, NULL);
      if (party->seal_image != NULL)
        set_last_image (self, party->seal_image, 0);
    }

  for (guint i = 0; i < party->rows->len; i++)
    {
      char **rows = party->rows->pdata[i];

      for (guint j = 0; rows[j] != NULL; j++)
        {
          add_piece (self, kind, page, row++, x, width, rows[j]);
          /* The signature after the line's last row; between spaced lines it may
           * reach into the blank rows above and below, set row under row only its own,
           * and in a sealing party of name, line and date into the rows' margins, not
           * up to the name's or the date's letters (1.4 rows: 40.6 pt, 5.8 pt past
           * each edge of a row whose 16 pt line leaves 6.5 pt). */
          if ((int) i == party->sign_element && rows[j + 1] == NULL && party->signature_image != NULL)
            set_last_image (self, party->signature_image,
                            step == 2 ? 2.5 : party->seal && party->elements->len <= MAX_SPACED_ELEMENTS ? 1.4 : 1.0);
        }
      row += step - 1;
    }
}

/**
 * xa_signature_block_place:
 * @page: the page of the row under the last line of text
 * @row: that row: the block leaves it blank
 * @lines_per_page: the grid's rows on a page
 * @text_width: the text area's width, in points
 *
 * Places the parties; the caller has made sure that the first rows
 * (xa_signature_block_get_first_rows()) fit from @row.
 */
void
xa_signature_block_place (XaSignatureBlock *self,
                          guint             page,
                          guint             row,
                          guint             lines_per_page,
                          double            text_width)
{
  guint n = self->parties->len;
  double half = text_width / 2;

  g_array_set_size (self->pieces, 0);

  if (!self->stacked)
    {
      /* One party alone signs in the right half, where a 公文 puts its 发文机关署名. */
      double column = n > 1 ? text_width / n : half;
      double left = n > 1 ? 0 : half;

      guint gap = widest_gap (self);

      for (guint i = 0; i < n; i++)
        place_party (self, &g_array_index (self->parties, Party, i), page, row + gap,
                     left + i * column, column, XA_SIGNATURE_PIECE_TEXT_CENTRED);
      row += gap + tallest_party (self);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          const Party *party = &g_array_index (self->parties, Party, i);
          guint rows = party_rows (party);
          guint gap = party_gap (party);
          double x = party->wide ? 0 : half;
          double width = party->wide ? text_width : half;

          /* A party goes whole to the next page rather than be cut. */
          if (i > 0 && row + gap + rows > lines_per_page)
            {
              /* At the top of a page, only the seal's own reach is left above it. */
              page++;
              row = 0;
              place_party (self, party, page, row + gap - 1, x, width, XA_SIGNATURE_PIECE_TEXT_LEFT);
              row += gap - 1 + rows;
              continue;
            }

          place_party (self, party, page, row + gap, x, width, XA_SIGNATURE_PIECE_TEXT_LEFT);
          row += gap + rows;
        }
    }

  if (self->shared_date != NULL)
    {
      if (row + shared_date_rows (self) > lines_per_page)
        {
          page++;
          row = 0;
        }
      add_piece (self, self->stacked ? XA_SIGNATURE_PIECE_TEXT_LEFT : XA_SIGNATURE_PIECE_TEXT_CENTRED,
                 page, row + 1, half, half, self->shared_date);
    }

  self->last_page = page;
}

/**
 * xa_signature_block_get_last_page:
 *
 * Returns: the page the block ends on, after xa_signature_block_place()
 */
guint
xa_signature_block_get_last_page (XaSignatureBlock *self)
{
  return self->last_page;
}

/**
 * xa_signature_block_get_pieces:
 *
 * Returns: (transfer none) (element-type XaSignaturePiece): what to draw, after
 *   xa_signature_block_place()
 */
const GArray *
xa_signature_block_get_pieces (XaSignatureBlock *self)
{
  return self->pieces;
}

/**
 * xa_signature_block_foreach_text:
 * @func: called with each text the block prints and @user_data
 *
 * Every text of the block, placed or not: what the document's fonts must hold.
 */
void
xa_signature_block_foreach_text (XaSignatureBlock *self,
                                 GFunc             func,
                                 gpointer          user_data)
{
  for (guint i = 0; i < self->parties->len; i++)
    {
      const Party *party = &g_array_index (self->parties, Party, i);

      for (guint j = 0; j < party->elements->len; j++)
        func (party->elements->pdata[j], user_data);
    }

  if (self->shared_date != NULL)
    func (self->shared_date, user_data);
}
