/* xa-pdf-splitter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cuts a PDF that Cairo wrote into smaller PDFs of some of its pages each.
 *
 * Why: Cairo 1.16 subsets and compresses each CJK font again for every PDF file it
 * finishes, about 65 ms of the 90 ms an agreement takes on its own, while one PDF of many
 * agreements costs about 9 ms each (reference/performance.md). A batch therefore renders
 * many agreements into one PDF, fonts subset once, and copies each school's pages out
 * with the font objects they share.
 *
 * How: Cairo writes a classic cross-reference table, plain (uncompressed) objects and a
 * flat page tree. The pages' objects are copied byte for byte under their own numbers,
 * together with every object they reach by reference; the page tree node, the catalog
 * and the document information are written anew under the numbers they had, so that no
 * reference inside a copied object needs rewriting. The new cross-reference table lists
 * only the objects present, in subsections.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "xa-pdf-splitter.h"

typedef struct
{
  gboolean  parsed;
  gsize     start;     /* "N 0 obj" */
  gsize     end;       /* after "endobj" */
  GArray   *refs;      /* of guint: the objects this one refers to, in order */
  char      type[16];  /* the /Type of a dictionary, if any */
} PdfObject;

struct _XaPdfSplitter
{
  GObject    parent_instance;

  GBytes    *bytes;
  const char *data;
  gsize      size;
  guint      n_objects;   /* the trailer's /Size */
  gsize     *offsets;     /* of each object; 0 when free */
  PdfObject *objects;     /* parsed on demand, then kept */
  guint      root;        /* the catalog */
  guint      info;        /* the document information, or 0 */
  guint      page_tree;   /* the one /Pages node */
  GArray    *pages;       /* of guint, the page objects in order */
};

G_DEFINE_FINAL_TYPE (XaPdfSplitter, xa_pdf_splitter, G_TYPE_OBJECT)

G_DEFINE_QUARK (xa-pdf-splitter-error-quark, xa_pdf_splitter_error)

/* Lexing: just enough of PDF's syntax to find references, /Type, /Length and stream
 * data, skipping strings and comments that might look like them. */

typedef enum
{
  TOKEN_END,
  TOKEN_INTEGER,
  TOKEN_OTHER_NUMBER,
  TOKEN_NAME,
  TOKEN_KEYWORD,
  TOKEN_DICT_BEGIN,
  TOKEN_DICT_END,
  TOKEN_ARRAY_BEGIN,
  TOKEN_ARRAY_END,
  TOKEN_STRING,
} TokenKind;

typedef struct
{
  const char *data;
  gsize       pos;
  gsize       end;
} Lexer;

typedef struct
{
  TokenKind   kind;
  const char *text;
  gsize       length;
  gint64      integer;
} Token;

static gboolean
is_delimiter (char c)
{
  return strchr ("()<>[]{}/%", c) != NULL;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static Token
next_token (Lexer *lexer)
{
  const char *d = lexer->data;
  Token token = { TOKEN_END, NULL, 0, 0 };
  gsize start;

  for (;;)
    {
      while (lexer->pos < lexer->end && is_space (d[lexer->pos]))
        lexer->pos++;
      if (lexer->pos < lexer->end && d[lexer->pos] == '%')
        {
          while (lexer->pos < lexer->end && d[lexer->pos] != '\n' && d[lexer->pos] != '\r')
            lexer->pos++;
          continue;
        }
      break;
    }

  if (lexer->pos >= lexer->end)
    return token;

  start = lexer->pos;
  token.text = d + start;

  switch (d[start])
    {
    case '<':
      if (start + 1 < lexer->end && d[start + 1] == '<')
        {
          token.kind = TOKEN_DICT_BEGIN;
          lexer->pos += 2;
        }
      else
        {
          token.kind = TOKEN_STRING;
          while (lexer->pos < lexer->end && d[lexer->pos] != '>')
            lexer->pos++;
          lexer->pos++;
        }
      break;

    case '>':
      token.kind = TOKEN_DICT_END;
      lexer->pos += 2;
      break;

    case '[':
    case ']':
      token.kind = d[start] == '[' ? TOKEN_ARRAY_BEGIN : TOKEN_ARRAY_END;
      lexer->pos++;
      break;

    case '(':
      {
        int depth = 0;

        token.kind = TOKEN_STRING;
        for (; lexer->pos < lexer->end; lexer->pos++)
          {
            if (d[lexer->pos] == '\\')
              lexer->pos++;
            else if (d[lexer->pos] == '(')
              depth++;
            else if (d[lexer->pos] == ')' && --depth == 0)
              break;
          }
        lexer->pos++;
      }
      break;

    case '/':
      token.kind = TOKEN_NAME;
      lexer->pos++;
      while (lexer->pos < lexer->end && !is_space (d[lexer->pos]) && !is_delimiter (d[lexer->pos]))
        lexer->pos++;
      break;

    default:
      while (lexer->pos < lexer->end && !is_space (d[lexer->pos]) && !is_delimiter (d[lexer->pos]))
        lexer->pos++;
      if (lexer->pos == start)
        lexer->pos++;   /* a stray delimiter such as '{' */

      if (g_ascii_isdigit (d[start]) || d[start] == '-' || d[start] == '+' || d[start] == '.')
        {
          gboolean integer = TRUE;

          for (gsize i = start + 1; i < lexer->pos; i++)
            integer = integer && g_ascii_isdigit (d[i]);
          token.kind = integer && d[start] != '.' ? TOKEN_INTEGER : TOKEN_OTHER_NUMBER;
          if (token.kind == TOKEN_INTEGER)
            token.integer = g_ascii_strtoll (d + start, NULL, 10);
        }
      else
        token.kind = TOKEN_KEYWORD;
      break;
    }

  lexer->pos = MIN (lexer->pos, lexer->end);
  token.length = lexer->pos - start;
  return token;
}

static gboolean
token_is (const Token *token,
          TokenKind    kind,
          const char  *text)
{
  return token->kind == kind && token->length == strlen (text) &&
         memcmp (token->text, text, token->length) == 0;
}

static gboolean
set_parse_error (GError     **error,
                 const char  *what,
                 gsize        offset)
{
  g_set_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_PARSE,
               _("Cannot read the PDF: %s at byte %lu"), what, (gulong) offset);
  return FALSE;
}

static gsize
find (XaPdfSplitter *self,
      gsize          from,
      const char    *needle)
{
  gsize length = strlen (needle);

  for (gsize i = from; i + length <= self->size; i++)
    {
      if (self->data[i] == needle[0] && memcmp (self->data + i, needle, length) == 0)
        return i;
    }

  return G_MAXSIZE;
}

static const PdfObject *get_object (XaPdfSplitter  *self,
                                    guint           number,
                                    GError        **error);

/* An indirect /Length: the object holds one integer. */
static gboolean
resolve_length (XaPdfSplitter  *self,
                guint           number,
                gint64         *length,
                GError        **error)
{
  Lexer lexer;
  Token token;

  if (number == 0 || number >= self->n_objects || self->offsets[number] == 0)
    return set_parse_error (error, "/Length", 0);

  lexer = (Lexer) { self->data, self->offsets[number], self->size };
  for (guint i = 0; i < 3; i++)
    next_token (&lexer);   /* "N G obj" */
  token = next_token (&lexer);
  if (token.kind != TOKEN_INTEGER || token.integer < 0)
    return set_parse_error (error, "/Length", self->offsets[number]);

  *length = token.integer;
  return TRUE;
}

static gboolean
parse_object (XaPdfSplitter  *self,
              guint           number,
              PdfObject      *object,
              GError        **error)
{
  Lexer lexer = { self->data, self->offsets[number], self->size };
  /* The three tokens before the current one, the latest first. */
  Token previous[3] = { { TOKEN_END, }, { TOKEN_END, }, { TOKEN_END, } };
  Token token;
  int depth = 0;
  int length_depth = -1;
  gint64 length = -1;
  guint length_ref = 0;

  object->start = lexer.pos;
  object->refs = g_array_new (FALSE, FALSE, sizeof (guint));

  token = next_token (&lexer);
  if (token.kind != TOKEN_INTEGER || token.integer != number ||
      next_token (&lexer).kind != TOKEN_INTEGER ||
      !token_is ((token = next_token (&lexer), &token), TOKEN_KEYWORD, "obj"))
    return set_parse_error (error, "obj", object->start);

  for (;;)
    {
      token = next_token (&lexer);

      switch (token.kind)
        {
        case TOKEN_END:
          return set_parse_error (error, "endobj", object->start);

        case TOKEN_DICT_BEGIN:
        case TOKEN_ARRAY_BEGIN:
          depth++;
          break;

        case TOKEN_DICT_END:
        case TOKEN_ARRAY_END:
          depth--;
          break;

        case TOKEN_NAME:
          /* Only the object's own dictionary says what it is. */
          if (depth == 1 && token_is (&previous[0], TOKEN_NAME, "/Type"))
            g_strlcpy (object->type, token.text + 1, MIN (sizeof object->type, token.length));
          break;

        case TOKEN_INTEGER:
          if (depth == 1 && token_is (&previous[0], TOKEN_NAME, "/Length"))
            {
              length = token.integer;
              length_depth = depth;
            }
          break;

        case TOKEN_KEYWORD:
          if (token_is (&token, TOKEN_KEYWORD, "R") &&
              previous[0].kind == TOKEN_INTEGER && previous[1].kind == TOKEN_INTEGER)
            {
              guint target = (guint) previous[1].integer;

              /* "/Length 5 0 R": the length lives in object 5. */
              if (length_depth == depth && token_is (&previous[2], TOKEN_NAME, "/Length"))
                {
                  length_ref = target;
                  length = -1;
                }
              g_array_append_val (object->refs, target);
            }
          else if (token_is (&token, TOKEN_KEYWORD, "stream"))
            {
              gsize data_start = lexer.pos;

              if (length < 0 && !resolve_length (self, length_ref, &length, error))
                return FALSE;
              if (data_start < self->size && self->data[data_start] == '\r')
                data_start++;
              if (data_start < self->size && self->data[data_start] == '\n')
                data_start++;
              if (data_start + length > self->size)
                return set_parse_error (error, "stream", data_start);
              lexer.pos = data_start + length;
            }
          else if (token_is (&token, TOKEN_KEYWORD, "endobj"))
            {
              object->end = lexer.pos;
              object->parsed = TRUE;
              return TRUE;
            }
          break;

        case TOKEN_OTHER_NUMBER:
        case TOKEN_STRING:
        default:
          break;
        }

      previous[2] = previous[1];
      previous[1] = previous[0];
      previous[0] = token;
    }
}

static const PdfObject *
get_object (XaPdfSplitter  *self,
            guint           number,
            GError        **error)
{
  PdfObject *object;

  if (number == 0 || number >= self->n_objects || self->offsets[number] == 0)
    {
      g_set_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_PARSE,
                   _("Cannot read the PDF: object %u is missing"), number);
      return NULL;
    }

  object = &self->objects[number];
  if (!object->parsed)
    {
      g_clear_pointer (&object->refs, g_array_unref);
      if (!parse_object (self, number, object, error))
        return NULL;
    }

  return object;
}

/* The cross-reference table and the trailer. */
static gboolean
parse_xref (XaPdfSplitter  *self,
            GError        **error)
{
  gsize tail = self->size > 1024 ? self->size - 1024 : 0;
  gsize startxref = G_MAXSIZE;
  Lexer lexer;
  Token token;
  gsize xref;

  for (gsize at = find (self, tail, "startxref"); at != G_MAXSIZE; at = find (self, at + 1, "startxref"))
    startxref = at;
  if (startxref == G_MAXSIZE)
    return set_parse_error (error, "startxref", tail);

  lexer = (Lexer) { self->data, startxref + strlen ("startxref"), self->size };
  token = next_token (&lexer);
  if (token.kind != TOKEN_INTEGER || (gsize) token.integer >= self->size)
    return set_parse_error (error, "startxref", startxref);
  xref = (gsize) token.integer;

  lexer = (Lexer) { self->data, xref, self->size };
  if (!token_is ((token = next_token (&lexer), &token), TOKEN_KEYWORD, "xref"))
    return set_parse_error (error, "xref", xref);

  /* Subsections of "first count" and 20-byte entries; Cairo writes one. */
  for (;;)
    {
      Token first = next_token (&lexer);
      Token count;

      if (first.kind != TOKEN_INTEGER)
        {
          token = first;
          break;
        }
      count = next_token (&lexer);
      if (count.kind != TOKEN_INTEGER || first.integer < 0 || count.integer < 0 ||
          first.integer + count.integer > 1000000)
        return set_parse_error (error, "xref", lexer.pos);

      while (lexer.pos < self->size && is_space (self->data[lexer.pos]))
        lexer.pos++;

      if (first.integer + count.integer > self->n_objects)
        {
          guint n = (guint) (first.integer + count.integer);

          self->offsets = g_renew (gsize, self->offsets, n);
          memset (self->offsets + self->n_objects, 0, (n - self->n_objects) * sizeof (gsize));
          self->n_objects = n;
        }

      for (gint64 i = 0; i < count.integer; i++, lexer.pos += 20)
        {
          const char *entry = self->data + lexer.pos;

          if (lexer.pos + 20 > self->size)
            return set_parse_error (error, "xref", lexer.pos);
          if (entry[17] == 'n')
            self->offsets[first.integer + i] = (gsize) g_ascii_strtoull (entry, NULL, 10);
        }
    }

  if (!token_is (&token, TOKEN_KEYWORD, "trailer"))
    return set_parse_error (error, "trailer", lexer.pos);

  /* << /Size N /Root N 0 R /Info N 0 R >>; a /Prev would mean an incremental update. */
  {
    Token keys[3] = { { TOKEN_END, }, };

    while ((token = next_token (&lexer)).kind != TOKEN_DICT_END && token.kind != TOKEN_END)
      {
        if (token_is (&token, TOKEN_KEYWORD, "R") && keys[2].kind == TOKEN_NAME && keys[1].kind == TOKEN_INTEGER)
          {
            if (token_is (&keys[2], TOKEN_NAME, "/Root"))
              self->root = (guint) keys[1].integer;
            else if (token_is (&keys[2], TOKEN_NAME, "/Info"))
              self->info = (guint) keys[1].integer;
          }
        if (token_is (&token, TOKEN_NAME, "/Prev"))
          return set_parse_error (error, "/Prev", lexer.pos);
        keys[2] = keys[1];
        keys[1] = keys[0];
        keys[0] = token;
      }
  }

  if (self->root == 0)
    return set_parse_error (error, "/Root", lexer.pos);

  self->objects = g_new0 (PdfObject, self->n_objects);
  return TRUE;
}

static gboolean
parse_page_tree (XaPdfSplitter  *self,
                 GError        **error)
{
  const PdfObject *catalog;
  const PdfObject *tree;

  if (!(catalog = get_object (self, self->root, error)))
    return FALSE;
  if (g_strcmp0 (catalog->type, "Catalog") != 0 || catalog->refs->len == 0)
    return set_parse_error (error, "/Catalog", catalog->start);

  /* Cairo's catalog refers to the page tree first (and, with tags, to more). */
  self->page_tree = g_array_index (catalog->refs, guint, 0);
  if (!(tree = get_object (self, self->page_tree, error)))
    return FALSE;
  if (g_strcmp0 (tree->type, "Pages") != 0)
    return set_parse_error (error, "/Pages", tree->start);

  for (guint i = 0; i < tree->refs->len; i++)
    {
      guint kid = g_array_index (tree->refs, guint, i);
      const PdfObject *page = get_object (self, kid, error);

      if (page == NULL)
        return FALSE;
      /* Cairo writes one flat /Pages node; a nested tree is not what we split. */
      if (g_strcmp0 (page->type, "Page") != 0)
        return set_parse_error (error, "/Page", page->start);
      g_array_append_val (self->pages, kid);
    }

  return TRUE;
}

static void
xa_pdf_splitter_finalize (GObject *object)
{
  XaPdfSplitter *self = (XaPdfSplitter *) object;

  for (guint i = 0; self->objects != NULL && i < self->n_objects; i++)
    g_clear_pointer (&self->objects[i].refs, g_array_unref);
  g_free (self->objects);
  g_free (self->offsets);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (xa_pdf_splitter_parent_class)->finalize (object);
}

static void
xa_pdf_splitter_class_init (XaPdfSplitterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xa_pdf_splitter_finalize;
}

static void
xa_pdf_splitter_init (XaPdfSplitter *self)
{
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * xa_pdf_splitter_new:
 * @pdf: a PDF written by Cairo
 *
 * Returns: (transfer full) (nullable): a splitter for @pdf, or %NULL when @pdf is not
 *   a PDF with a classic cross-reference table and a flat page tree
 */
XaPdfSplitter *
xa_pdf_splitter_new (GBytes  *pdf,
                     GError **error)
{
  g_autoptr(XaPdfSplitter) self = NULL;

  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (XA_TYPE_PDF_SPLITTER, NULL);
  self->bytes = g_bytes_ref (pdf);
  self->data = g_bytes_get_data (pdf, &self->size);

  if (self->size < 16 || memcmp (self->data, "%PDF-", 5) != 0)
    {
      set_parse_error (error, "%PDF-", 0);
      return NULL;
    }

  if (!parse_xref (self, error) || !parse_page_tree (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
xa_pdf_splitter_get_n_pages (XaPdfSplitter *self)
{
  g_return_val_if_fail (XA_IS_PDF_SPLITTER (self), 0);

  return self->pages->len;
}

/* A text string as UTF-16BE with its byte order mark, in hex: safe for any text. */
static void
append_text_string (GString    *out,
                    const char *key,
                    const char *text)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;

  if (text == NULL)
    return;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  if (utf16 == NULL)
    return;

  g_string_append_printf (out, "   /%s <FEFF", key);
  for (glong i = 0; i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append (out, ">\n");
}

static void
append_info (GString         *out,
             const XaPdfInfo *info)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d%H%M%S");
  g_autofree char *zone = g_date_time_format (now, "%z");

  g_string_append (out, "<<\n");
  if (info != NULL)
    {
      append_text_string (out, "Title", info->title);
      append_text_string (out, "Author", info->author);
      append_text_string (out, "Subject", info->subject);
      append_text_string (out, "Creator", info->creator);
      append_text_string (out, "Keywords", info->keywords);
    }
  g_string_append_printf (out, "   /Producer (cairo %s)\n", cairo_version_string ());
  g_string_append_printf (out, "   /CreationDate (D:%s%c%.2s'%.2s')\n>>\n", stamp, zone[0], zone + 1, zone + 3);
}

/**
 * xa_pdf_splitter_extract:
 * @first_page: from 0
 * @info: (nullable): the new file's document information
 *
 * Returns: (transfer full) (nullable): a PDF of @n_pages pages from @first_page, with
 *   the fonts and other objects they use
 */
GBytes *
xa_pdf_splitter_extract (XaPdfSplitter    *self,
                         guint             first_page,
                         guint             n_pages,
                         const XaPdfInfo  *info,
                         GError          **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gsize *new_offsets = NULL;
  g_autofree guint8 *wanted = NULL;
  guint info_number;
  guint n_numbers;
  gsize xref;

  g_return_val_if_fail (XA_IS_PDF_SPLITTER (self), NULL);

  if (n_pages == 0 || first_page + n_pages > self->pages->len)
    {
      g_set_error (error, XA_PDF_SPLITTER_ERROR, XA_PDF_SPLITTER_ERROR_RANGE,
                   _("Pages %u to %u are not in a document of %u pages"),
                   first_page + 1, first_page + n_pages, self->pages->len);
      return NULL;
    }

  info_number = self->info != 0 ? self->info : self->n_objects;
  n_numbers = MAX (self->n_objects, info_number + 1);
  wanted = g_new0 (guint8, n_numbers);
  new_offsets = g_new0 (gsize, n_numbers);

  /* Everything the pages reach, except the tree, the catalog and the information,
   * which are written anew; a page's /Parent leads back to the tree. */
  wanted[self->page_tree] = wanted[self->root] = 2;
  if (self->info != 0)
    wanted[self->info] = 2;
  g_array_append_vals (stack, &g_array_index (self->pages, guint, first_page), n_pages);

  while (stack->len > 0)
    {
      guint number = g_array_index (stack, guint, stack->len - 1);
      const PdfObject *object;

      g_array_set_size (stack, stack->len - 1);
      if (number >= n_numbers || wanted[number] != 0)
        continue;
      if (!(object = get_object (self, number, error)))
        return NULL;

      wanted[number] = 1;
      g_array_append_vals (stack, object->refs->data, object->refs->len);
    }

  out = g_string_sized_new (256 * 1024);
  /* The header and the binary comment of the original. */
  {
    const char *end = memchr (self->data + 9, '\n', MIN (self->size - 9, 32));

    g_string_append_len (out, self->data, end ? end - self->data + 1 : 9);
  }

  for (guint number = 1; number < n_numbers; number++)
    {
      const PdfObject *object;

      if (wanted[number] != 1)
        continue;

      object = &self->objects[number];
      new_offsets[number] = out->len;
      g_string_append_len (out, self->data + object->start, object->end - object->start);
      g_string_append_c (out, '\n');
    }

  new_offsets[self->page_tree] = out->len;
  g_string_append_printf (out, "%u 0 obj\n<< /Type /Pages\n   /Kids [", self->page_tree);
  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (out, " %u 0 R", g_array_index (self->pages, guint, first_page + i));
  g_string_append_printf (out, " ]\n   /Count %u\n>>\nendobj\n", n_pages);

  new_offsets[self->root] = out->len;
  g_string_append_printf (out, "%u 0 obj\n<< /Type /Catalog\n   /Pages %u 0 R\n>>\nendobj\n",
                          self->root, self->page_tree);

  new_offsets[info_number] = out->len;
  wanted[info_number] = 2;
  g_string_append_printf (out, "%u 0 obj\n", info_number);
  append_info (out, info);
  g_string_append (out, "endobj\n");

  /* Only the objects present, in runs of consecutive numbers. */
  xref = out->len;
  g_string_append (out, "xref\n0 1\n0000000000 65535 f \n");
  for (guint number = 1; number < n_numbers;)
    {
      guint run = 0;

      while (number + run < n_numbers && wanted[number + run] != 0)
        run++;
      if (run == 0)
        {
          number++;
          continue;
        }

      g_string_append_printf (out, "%u %u\n", number, run);
      for (guint i = 0; i < run; i++)
        g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", new_offsets[number + i]);
      number += run;
    }

  g_string_append_printf (out, "trailer\n<< /Size %u\n   /Root %u 0 R\n   /Info %u 0 R\n>>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n_numbers, self->root, info_number, xref);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}
