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

/* A template written as many schools write theirs: points numbered 1． right under the
 * title, with run-in headings and a heading alone over its own points, and a section
 * with a text of its own. */
static const char typography_template[] =
  "{\"format\": \"xiaoan-template\", \"format_version\": 3, \"school_year\": 2024,"
  " \"name\": \"任课教师安全责任书\","
  " \"numbering\": {\"item\": \"1．\", \"list\": \"（1）\"},"
  " \"clauses\": ["
  "  {\"id\": \"title\", \"kind\": \"title\", \"text\": \"任课教师安全责任书\"},"
  "  {\"id\": \"p1\", \"kind\": \"item\", \"number\": \"1．\", \"heading\": \"安全教育。\","
  "   \"text\": \"每学期开学第一周对学生进行一次安全教育。\"},"
  "  {\"id\": \"p2\", \"kind\": \"item\", \"number\": \"2．\", \"heading\": \"课堂管理\", \"children\": ["
  "    {\"id\": \"p2.1\", \"kind\": \"list\", \"number\": \"（1）\", \"text\": \"上课前清点人数。\"},"
  "    {\"id\": \"p2.2\", \"kind\": \"list\", \"number\": \"（2）\", \"heading\": \"课间巡查\", \"children\": ["
  "      {\"id\": \"p2.2.1\", \"kind\": \"sublist\", \"number\": \"①\", \"text\": \"制止追逐打闹。\"}]}]},"
  "  {\"id\": \"s1\", \"kind\": \"section\", \"number\": \"一、\", \"heading\": \"附则\","
  "   \"text\": \"本责任书自签字之日起执行。\"}],"
  " \"signature\": {\"id\": \"signature\", \"parties\": ["
  "  {\"id\": \"sc\", \"role\": \"commission\", \"unit\": \"示例区教育委员会\", \"date\": \"年　月　日\"},"
  "  {\"id\": \"ss\", \"role\": \"school\", \"unit\": \"示例学校\", \"date\": \"年　月　日\"}]}}";

typedef struct
{
  char   *font;      /* the PostScript name Poppler reads, without the subset tag */
  double  baseline;  /* the bottom of the first character's box */
} SpanInfo;

/* Where @needle is printed on @page: the font of its first character, the font of its
 * last (a span of one font throughout has the same), and the line it stands on. */
static gboolean
find_span (PopplerPage *page,
           const char  *needle,
           SpanInfo    *first,
           SpanInfo    *last)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  GList *attributes;
  const char *found = strstr (text, needle);
  glong start;
  glong end;

  if (found == NULL)
    return FALSE;
  start = g_utf8_pointer_to_offset (text, found);
  end = start + g_utf8_strlen (needle, -1) - 1;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  g_assert_cmpuint (end, <, n_boxes);
  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *attrs = l->data;
      const char *name = attrs->font_name ? attrs->font_name : "";
      const char *plus = strchr (name, '+');

      if (plus != NULL)
        name = plus + 1;
      if (attrs->start_index <= start && start <= attrs->end_index)
        {
          first->font = g_strdup (name);
          first->baseline = boxes[start].y2;
        }
      if (attrs->start_index <= end && end <= attrs->end_index)
        {
          last->font = g_strdup (name);
          last->baseline = boxes[end].y2;
        }
    }
  poppler_page_free_text_attributes (attributes);

  return first->font != NULL && last->font != NULL;
}

static char *
font_of (PopplerPage *page,
         const char  *needle,
         double      *baseline)
{
  SpanInfo first = { 0 };
  SpanInfo last = { 0 };

  if (!find_span (page, needle, &first, &last))
    g_error ("“%s” is not on the page", needle);
  if (g_strcmp0 (first.font, last.font) != 0)
    g_error ("“%s” changes font within itself: %s, %s", needle, first.font, last.font);
  if (baseline != NULL)
    *baseline = first.baseline;
  g_free (last.font);
  return first.font;
}

/* Run-in headings and section texts, font by font as Poppler reads the PDF: a point's
 * heading in 楷体 with its text in 仿宋 on the same line, a heading alone in 楷体, a
 * section's heading in 黑体 and its own text in 仿宋 under it; and points that stand
 * right under the title print with the template's own numbers. */
static void
test_agreement_run_in_headings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_new_from_json (typography_template, -1, &error);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *kaiti = NULL;
  g_autofree char *fangsong = NULL;
  g_autofree char *heiti = NULL;
  g_autofree char *run_in_heading = NULL;
  g_autofree char *run_in_text = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *point = NULL;
  g_autofree char *section_heading = NULL;
  g_autofree char *section_text = NULL;
  double heading_line = 0;
  double text_line = 0;
  double section_line = 0;
  double section_text_line = 0;
  XaTemplateValues values = { .school_year = 2024, .school_name = "示例学校" };

  g_assert_no_error (error);
  g_assert_nonnull (template);
  layout = xa_agreement_layout_new (template, &values, XA_AGREEMENT_COPY_NONE, fonts);
  pdf = xa_page_layout_render_pdf (layout, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  squeezed = squeeze (text);
  if (g_getenv ("XA_TEST_KEEP_PDF") != NULL)
    g_file_set_contents (g_getenv ("XA_TEST_KEEP_PDF"), g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);

  /* The numbers as the template writes them, the unnumbered title alone. */
  g_assert_nonnull (strstr (squeezed, "1．安全教育。每学期开学第一周"));
  g_assert_nonnull (strstr (squeezed, "2．课堂管理"));
  g_assert_nonnull (strstr (squeezed, "（1）上课前清点人数。"));
  /* A point of only a heading, over its sub-points. */
  g_assert_nonnull (strstr (squeezed, "（2）课间巡查①制止追逐打闹。"));

  run_in_heading = font_of (page, "1．安全教育。", &heading_line);
  run_in_text = font_of (page, "每学期开学第一周", &text_line);
  alone = font_of (page, "2．课堂管理", NULL);
  point = font_of (page, "（1）上课前清点人数。", NULL);
  section_heading = font_of (page, "一、附则", &section_line);
  section_text = font_of (page, "本责任书自签字之日起执行。", &section_text_line);

  /* Three faces, told apart by the roles' own fonts rather than by their names. */
  kaiti = g_strdup (run_in_heading);
  fangsong = g_strdup (run_in_text);
  heiti = g_strdup (section_heading);
  g_assert_cmpstr (kaiti, !=, fangsong);
  g_assert_cmpstr (heiti, !=, fangsong);
  g_assert_cmpstr (heiti, !=, kaiti);

  /* Run in: the heading in 楷体, then the text in 仿宋 on the same line. */
  g_assert_cmpfloat_with_epsilon (heading_line, text_line, 1.0);
  /* A heading alone is a heading still; the points under it are body text. */
  g_assert_cmpstr (alone, ==, kaiti);
  g_assert_cmpstr (point, ==, fangsong);
  /* A section's own text is body text, on a line of its own under the heading. */
  g_assert_cmpstr (section_text, ==, fangsong);
  g_assert_cmpfloat (section_text_line, >, section_line + 10);
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
  g_test_add_func ("/xa/agreement-render/run-in-headings", test_agreement_run_in_headings);

  return g_test_run ();
}
