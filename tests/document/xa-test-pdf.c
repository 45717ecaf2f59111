/* xa-test-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <unistd.h>

#include "xa-test-pdf.h"
#include "document/xa-pdf-file.h"

/**
 * xa_test_pdf_text:
 *
 * Returns: (transfer full): the text of every page, one after the other
 */
char *
xa_test_pdf_text (PopplerDocument *document)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * xa_test_pdf_assert_fonts_shared:
 *
 * Every font is embedded as a subset, and is one object however many pages use it
 * (named with its subset tag, as Cairo may make two subsets of one typeface):
 * Poppler lists a font object once, so a name that comes twice is a copy, which would
 * make every file as big as its pages times the fonts.
 */
void
xa_test_pdf_assert_fonts_shared (PopplerDocument *document)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;

  while (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          const char *name = poppler_fonts_iter_get_full_name (iter);

          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          if (!g_hash_table_add (names, g_strdup (name)))
            g_error ("the font %s is in the file more than once", name);
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);

  g_assert_cmpuint (g_hash_table_size (names), >=, 2);
}

static const char *
qpdf_program (void)
{
  static char *program;

  if (program == NULL && !(program = g_find_program_in_path ("qpdf")))
    g_error ("the qpdf tool is missing: build-aux/setup.sh installs it");

  return program;
}

/**
 * xa_test_qpdf_check:
 *
 * `qpdf --check` finds neither an error nor a warning in @path: its syntax, cross-
 * reference data, page tree and stream encodings are sound.
 */
void
xa_test_qpdf_check (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { qpdf_program (), "--check", path, NULL };
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check %s:\n%s%s", path, out, err);
}

static char *
write_temporary (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("xiaoan-XXXXXX.pdf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  return path;
}

void
xa_test_qpdf_check_bytes (GBytes *pdf)
{
  g_autofree char *path = write_temporary (pdf);

  xa_test_qpdf_check (path);
  g_unlink (path);
}

/**
 * xa_test_qpdf_rewrite:
 * @options: (array zero-terminated=1): such as `--object-streams=generate`
 *
 * Returns: (transfer full): @pdf as `qpdf OPTIONS IN OUT` writes it
 */
GBytes *
xa_test_qpdf_rewrite (GBytes             *pdf,
                      const char * const *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *in = write_temporary (pdf);
  g_autofree char *out = g_strconcat (in, ".out.pdf", NULL);
  g_autofree char *err = NULL;
  char *contents = NULL;
  gsize length = 0;
  int status = -1;

  g_ptr_array_add (argv, (char *) qpdf_program ());
  for (guint i = 0; options[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) options[i]);
  g_ptr_array_add (argv, in);
  g_ptr_array_add (argv, out);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf could not rewrite the PDF: %s", err);

  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (in);
  g_unlink (out);
  return g_bytes_new_take (contents, length);
}

/* The left or right edge of @heading on @page, in points; 0 for no heading. */
static double
heading_edge (PopplerPage *page,
              const char  *heading,
              gboolean     right)
{
  GList *found = NULL;
  double edge;

  if (heading == NULL)
    return 0;

  found = poppler_page_find_text (page, heading);
  g_assert_nonnull (found);
  edge = right ? ((PopplerRectangle *) found->data)->x2 : ((PopplerRectangle *) found->data)->x1;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return edge;
}

typedef struct
{
  gunichar c;
  double   x;
  double   y;
} Glyph;

/* Top to bottom, then left to right: a line of a cell is one height. */
static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (fabs (ga->y - gb->y) > 2)
    return ga->y < gb->y ? -1 : 1;
  return ga->x < gb->x ? -1 : ga->x > gb->x;
}

/**
 * xa_test_pdf_column_text:
 * @heading_before: (nullable): the heading of the column on the left; %NULL for none
 * @heading_after: the heading of the column on the right
 *
 * The text of one column of a table on every page, top to bottom, without white space:
 * the glyphs between the headings of the columns on either side (centred, they fill
 * their narrow columns), so that a value broken over lines of its cell reads whole.
 *
 * Returns: (transfer full): the column's text
 */
char *
xa_test_pdf_column_text (PopplerDocument *document,
                         const char      *heading_before,
                         const char      *heading_after)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *boxes = NULL;
      guint n_boxes = 0;
      double left = heading_edge (page, heading_before, TRUE);
      double right = heading_edge (page, heading_after, FALSE);
      const char *p = page_text;

      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (guint b = 0; b < n_boxes && *p != '\0'; b++, p = g_utf8_next_char (p))
        {
          Glyph glyph = { g_utf8_get_char (p), (boxes[b].x1 + boxes[b].x2) / 2, (boxes[b].y1 + boxes[b].y2) / 2 };

          if (!g_unichar_isspace (glyph.c) && glyph.x > left && glyph.x < right)
            g_array_append_val (glyphs, glyph);
        }

      g_array_sort (glyphs, compare_glyphs);
      for (guint g = 0; g < glyphs->len; g++)
        g_string_append_unichar (text, g_array_index (glyphs, Glyph, g).c);
    }

  return g_string_free (text, FALSE);
}

/**
 * xa_test_squeeze:
 *
 * Returns: (transfer full): @text without white space: a PDF's text reads the same
 *   whatever its lines and the spaces between its glyphs
 */
char *
xa_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/**
 * xa_test_pdf_render_layout:
 * @name: the file's name in $XIAOAN_TEST_KEEP_PDF, when that is set, to look at it
 *
 * Renders @layout, checks the PDF with qpdf and opens it with Poppler.
 *
 * Returns: (transfer full): the document
 */
PopplerDocument *
xa_test_pdf_render_layout (XaPageLayout *layout,
                           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = xa_page_layout_render_pdf (layout, &error);
  const char *keep = g_getenv ("XIAOAN_TEST_KEEP_PDF");
  PopplerDocument *document;

  g_assert_no_error (error);
  xa_test_qpdf_check_bytes (pdf);
  if (keep != NULL)
    {
      g_autofree char *path = g_build_filename (keep, name, NULL);

      g_assert_true (xa_pdf_file_save (pdf, path, &error));
      g_assert_no_error (error);
    }

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}
