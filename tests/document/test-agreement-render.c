/* test-agreement-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The default agreement, rendered: no character of the district's text may be lost on
 * the way from the template to the PDF, and the PDF reads the same whatever language the
 * interface speaks.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include <cairo-pdf.h>

#include "xa-test-pdf.h"
#include "xa-test-pdf-text.h"
#include "xa-test-utils.h"
#include "core/agreements/xa-template-library.h"
#include "document/xa-agreement-renderer.h"
#include "document/xa-page-set.h"
#include "document/xa-poppler-private.h"
#include "document/xa-subset-fonts.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Whitespace aside, and the line ends Poppler puts between rows. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static PopplerDocument *
render_default (XaAgreementCopy   copy,
                XaPageLayout    **layout_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_library_load_builtin (&error);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  XaTemplateValues values = {
    .school_year = 2021,
    .legacy_year_style = TRUE,
    .school_name = "示例区实验小学",
    .commission_name = "重庆市大渡口区教育委员会",
  };
  PopplerDocument *document;

  g_assert_no_error (error);
  layout = xa_agreement_layout_new (template, &values, copy, fonts);
  pdf = xa_page_layout_render_pdf (layout, &error);
  g_assert_no_error (error);

  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  if (layout_out)
    *layout_out = g_steal_pointer (&layout);
  return document;
}

static void
test_agreement_text_fidelity (void)
{
  g_autofree char *source_path = g_test_build_filename (G_TEST_DIST, "data", "agreement-2021-2022.md", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = render_default (XA_AGREEMENT_COPY_NONE, NULL);
  g_autoptr(GString) rendered = g_string_new (NULL);
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  g_auto(GStrv) paragraphs = NULL;
  const char *cursor;

  g_file_get_contents (source_path, &source, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("—%d—", i + 1);
      g_autofree char *squeezed = squeeze (text);
      char *mark = strstr (squeezed, number);

      /* The page number is not part of the agreement. */
      if (mark != NULL)
        memmove (mark, mark + strlen (number), strlen (mark + strlen (number)) + 1);
      g_string_append (rendered, squeezed);
    }

  got = g_strdup (rendered->str);

  /* Every paragraph of the source, in order: the district's text as Markdown, without
   * its comment, heading marks and escapes. */
  {
    g_autoptr(GRegex) markup = g_regex_new ("<!--.*?-->|^#+ |\\\\", G_REGEX_DOTALL | G_REGEX_MULTILINE, 0, NULL);
    g_autofree char *plain = g_regex_replace_literal (markup, source, -1, 0, "", 0, NULL);

    g_free (source);
    source = g_steal_pointer (&plain);
  }
  paragraphs = g_strsplit (source, "\n", -1);
  cursor = got;
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *paragraph = squeeze (paragraphs[i]);
      const char *found;

      if (paragraph[0] == '\0')
        continue;

      found = strstr (cursor, paragraph);
      if (found == NULL)
        g_error ("paragraph %u is missing or out of order in the PDF: %s", i + 1, paragraph);
      cursor = found + strlen (paragraph);
    }

  want = squeeze (source);
  g_assert_cmpuint (strlen (want), >, 1000);
}

/* Chinese line breaking (GB/T 15834 practice): no closing punctuation at the start of a
 * line and no opening bracket at its end, on every line of the default agreement. */
static void
test_agreement_line_breaking (void)
{
  g_autoptr(PopplerDocument) document = render_default (XA_AGREEMENT_COPY_NONE, NULL);
  const char *no_start = "。，、；：？！）」』》”";
  const char *no_end = "（「『《“";
  guint n_lines = 0;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[l]));
          gunichar first, last;
          char first_utf8[8] = { 0 }, last_utf8[8] = { 0 };

          if (line[0] == '\0')
            continue;

          first = g_utf8_get_char (line);
          last = g_utf8_get_char (g_utf8_prev_char (line + strlen (line)));
          g_unichar_to_utf8 (first, first_utf8);
          g_unichar_to_utf8 (last, last_utf8);
          n_lines++;

          if (strstr (no_start, first_utf8) != NULL)
            g_error ("page %d, line “%s” starts with “%s”", i + 1, line, first_utf8);
          if (strstr (no_end, last_utf8) != NULL)
            g_error ("page %d, line “%s” ends with “%s”", i + 1, line, last_utf8);
        }
    }

  g_assert_cmpuint (n_lines, >, 60);
}

/* Each original says which it is at the top left of its first page, the 份号 place of
 * GB/T 9704 7.2.1, and nowhere else. */
static void
test_agreement_copies_marked (void)
{
  g_autoptr(PopplerDocument) commission = render_default (XA_AGREEMENT_COPY_COMMISSION, NULL);
  g_autoptr(PopplerDocument) school = render_default (XA_AGREEMENT_COPY_SCHOOL, NULL);
  const char *commission_label = xa_agreement_copy_to_label (XA_AGREEMENT_COPY_COMMISSION);
  const char *school_label = xa_agreement_copy_to_label (XA_AGREEMENT_COPY_SCHOOL);
  int n_pages = poppler_document_get_n_pages (commission);

  g_assert_cmpint (n_pages, ==, poppler_document_get_n_pages (school));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) a = poppler_document_get_page (commission, i);
      g_autoptr(PopplerPage) b = poppler_document_get_page (school, i);
      g_autofree char *text_a = poppler_page_get_text (a);
      g_autofree char *text_b = poppler_page_get_text (b);

      g_assert_null (strstr (text_a, school_label));
      g_assert_null (strstr (text_b, commission_label));
      if (i == 0)
        {
          g_assert_true (g_str_has_prefix (text_a, commission_label));
          g_assert_true (g_str_has_prefix (text_b, school_label));
        }
      else
        {
          g_assert_null (strstr (text_a, commission_label));
          g_assert_null (strstr (text_b, school_label));
        }
    }
}

static void
test_agreement_metadata (void)
{
  g_autoptr(PopplerDocument) document = render_default (XA_AGREEMENT_COPY_NONE, NULL);
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);

  g_assert_cmpstr (title, ==, "大渡口区教育系统2021-2022学年度 安全、社会管理综合治理工作目标责任书");
  g_assert_cmpstr (author, ==, "重庆市大渡口区教育委员会");
}

static cairo_surface_t *
draw_first_page (void)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(PopplerDocument) document = render_default (XA_AGREEMENT_COPY_NONE, &layout);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) XA_PAGE_WIDTH, (int) XA_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  xa_page_layout_draw_page (layout, cr, 0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Page 1 at 72 dpi against a reviewed image: a layout regression (a moved line, a lost
 * indent, another face) changes far more pixels than the tolerance, which only absorbs
 * antialiasing differences. XIAOAN_UPDATE_REFERENCE=1 writes a new reference to review. */
static void
test_agreement_reference_image (void)
{
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "data", "agreement-2021-2022-page1.png", NULL);
  cairo_surface_t *rendered = draw_first_page ();
  cairo_surface_t *reference;
  guint n_different = 0;
  int width, height;

  if (g_getenv ("XIAOAN_UPDATE_REFERENCE") != NULL)
    {
      g_assert_cmpint (cairo_surface_write_to_png (rendered, reference_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", reference_path);
    }

  reference = cairo_image_surface_create_from_png (reference_path);
  g_assert_cmpint (cairo_surface_status (reference), ==, CAIRO_STATUS_SUCCESS);

  width = cairo_image_surface_get_width (rendered);
  height = cairo_image_surface_get_height (rendered);
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, height);

  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (rendered) + y * cairo_image_surface_get_stride (rendered));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (reference) + y * cairo_image_surface_get_stride (reference));

      for (int x = 0; x < width; x++)
        {
          int grey_a = (a[x] & 0xff) + ((a[x] >> 8) & 0xff) + ((a[x] >> 16) & 0xff);
          int grey_b = (b[x] & 0xff) + ((b[x] >> 8) & 0xff) + ((b[x] >> 16) & 0xff);

          n_different += ABS (grey_a - grey_b) > 3 * 96;
        }
    }

  g_test_message ("%u of %d pixels differ", n_different, width * height);
  g_assert_cmpuint (n_different, <, (guint) (width * height) / 500);

  cairo_surface_destroy (reference);
  cairo_surface_destroy (rendered);
}

typedef struct
{
  guint n_fonts;
  guint n_embedded_subsets;
} FontCount;

static FontCount
count_fonts (PopplerDocument *document)
{
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  FontCount count = { 0, 0 };

  while (poppler_font_info_scan (info, 100, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          count.n_fonts++;
          count.n_embedded_subsets += poppler_fonts_iter_is_embedded (iter) &&
                                      poppler_fonts_iter_is_subset (iter);
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }

  poppler_font_info_free (info);
  return count;
}

/* The fonts are cut down to the document's characters with their subroutines flattened
 * (xa-subset-fonts.c): every font embedded as a subset, and the whole agreement far
 * smaller than the 710 KB Cairo makes of the system's fonts. Two copies drawn on one
 * surface with one font map embed each font once. */
static void
test_agreement_fonts_subset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_library_load_builtin (&error);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaTemplateValues values = { .school_year = 2021, .school_name = "示例区实验小学",
                              .commission_name = "示例区教育委员会" };
  g_autoptr(XaPageLayout) commission = xa_agreement_layout_new (template, &values, XA_AGREEMENT_COPY_COMMISSION, fonts);
  g_autoptr(XaPageLayout) school = xa_agreement_layout_new (template, &values, XA_AGREEMENT_COPY_SCHOOL, fonts);
  g_autoptr(GBytes) single = xa_page_layout_render_pdf (commission, &error);
  g_autoptr(PopplerDocument) single_document = poppler_document_new_from_bytes (single, NULL, &error);
  g_autofree char *commission_characters = xa_page_layout_dup_characters (commission);
  g_autofree char *school_characters = xa_page_layout_dup_characters (school);
  g_autofree char *characters = NULL;
  g_autoptr(XaSubsetFonts) shared = NULL;
  g_autoptr(GByteArray) both = g_byte_array_new ();
  g_autoptr(GBytes) both_bytes = NULL;
  g_autoptr(PopplerDocument) both_document = NULL;
  cairo_surface_t *surface;
  FontCount one, two;

  g_assert_no_error (error);
  one = count_fonts (single_document);
  g_assert_cmpuint (one.n_fonts, >=, XA_N_FONT_ROLES);
  g_assert_cmpuint (one.n_embedded_subsets, ==, one.n_fonts);
  g_assert_cmpuint (g_bytes_get_size (single), <, 250 * 1024);

  characters = g_strconcat (commission_characters, school_characters, NULL);
  shared = xa_subset_fonts_new (fonts, characters, &error);
  g_assert_no_error (error);
  xa_page_layout_set_font_map (commission, xa_subset_fonts_get_font_map (shared));
  xa_page_layout_set_font_map (school, xa_subset_fonts_get_font_map (shared));

  surface = cairo_pdf_surface_create_for_stream (append_bytes, both, XA_PAGE_WIDTH, XA_PAGE_HEIGHT);
  g_assert_true (xa_page_layout_write_pdf (commission, surface, &error));
  g_assert_true (xa_page_layout_write_pdf (school, surface, &error));
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  both_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&both));
  both_document = poppler_document_new_from_bytes (both_bytes, NULL, &error);
  g_assert_no_error (error);
  two = count_fonts (both_document);
  g_assert_cmpuint (two.n_fonts, ==, one.n_fonts);
  g_assert_cmpuint (g_bytes_get_size (both_bytes), <, g_bytes_get_size (single) * 3 / 2);
}

/* The interface languages the document must not follow: the locale, LANGUAGE, and
 * where the translations are looked up (nowhere: not installed). */
typedef struct
{
  const char *locale;
  const char *language;
  gboolean    translations;
} InterfaceLanguage;

static const InterfaceLanguage interface_languages[] = {
  { "C", NULL, TRUE },
  { "en_US.UTF-8", "en_US", TRUE },
  { "zh_CN.UTF-8", "zh_CN", TRUE },
  { "zh_CN.UTF-8", "zh_CN", FALSE },
};

/* Switches the process to @language as xiaoan.c would at start-up; FALSE when the
 * machine lacks the locale. */
static gboolean
speak (const InterfaceLanguage *language)
{
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");

  if (language->language != NULL)
    g_setenv ("LANGUAGE", language->language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (setlocale (LC_ALL, language->locale) == NULL)
    return FALSE;

  bindtextdomain (GETTEXT_PACKAGE, !language->translations ? "/nonexistent"
                                   : localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

/* A school's agreement with every word the renderer adds: both copies, the party lines,
 * a 第一责任人 who handed over during the year (the successor's acknowledgement follows
 * each copy) and a signing date; rendered under LANG=C, en_US.UTF-8, zh_CN.UTF-8 and
 * zh_CN.UTF-8 without the translations installed, the PDFs read the same, and not one
 * Latin letter (the default template has none). */
static void
test_agreement_same_in_every_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_new_in_memory (NULL, 4);
  XaAgreementBook *book = xa_workspace_get_agreements (workspace);
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autofree char *reference = NULL;
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  const XaAgreementCopy copies[] = { XA_AGREEMENT_COPY_COMMISSION, XA_AGREEMENT_COPY_SCHOOL };

  xa_agreement_book_generate_all (book, 2021, NULL, &error);
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (agreements) && agreement == NULL; i++)
    {
      g_autoptr(XaAgreement) candidate = g_list_model_get_item (agreements, i);

      if (xa_agreement_get_successor (candidate) != NULL)
        agreement = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (agreement);
  xa_agreement_set_sign_date (agreement, "2021-09-01");
  template = xa_agreement_book_dup_template (book, agreement, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (interface_languages); i++)
    {
      const InterfaceLanguage *language = &interface_languages[i];
      g_autoptr(XaPageSet) pages = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autofree char *text = NULL;

      if (!speak (language))
        {
          g_test_message ("The %s locale is not installed: not tried", language->locale);
          continue;
        }

      /* The interface does speak the language asked for: its words change, and the
       * document's must not. */
      if (g_str_has_prefix (language->locale, "zh_CN") && language->translations)
        g_assert_cmpstr (_("Commission's copy"), !=, "Commission's copy");
      else
        g_assert_cmpstr (_("Commission's copy"), ==, "Commission's copy");

      pages = xa_page_set_new_for_agreement (agreement, template, copies, G_N_ELEMENTS (copies), fonts);
      pdf = xa_page_set_render_pdf (pages, &error);
      g_assert_no_error (error);
      text = xa_test_pdf_bytes_text (pdf);

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
            g_error ("Under %s%s the document prints a Latin letter: …%.40s", language->locale,
                     language->translations ? "" : " without translations", p);
        }

      g_assert_nonnull (strstr (text, "继任履责确认"));
      g_assert_nonnull (strstr (text, "2021年9月1日"));
      if (reference == NULL)
        reference = g_steal_pointer (&text);
      else
        g_assert_cmpstr (text, ==, reference);
    }

  setlocale (LC_ALL, saved_locale);
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/agreement-render/text-fidelity", test_agreement_text_fidelity);
  g_test_add_func ("/xa/agreement-render/copies-marked", test_agreement_copies_marked);
  g_test_add_func ("/xa/agreement-render/line-breaking", test_agreement_line_breaking);
  g_test_add_func ("/xa/agreement-render/metadata", test_agreement_metadata);
  g_test_add_func ("/xa/agreement-render/reference-image", test_agreement_reference_image);
  g_test_add_func ("/xa/agreement-render/fonts-subset", test_agreement_fonts_subset);
  g_test_add_func ("/xa/agreement-render/same-in-every-language", test_agreement_same_in_every_language);

  return g_test_run ();
}
