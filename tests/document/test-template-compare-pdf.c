/* test-template-compare-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison of two templates as a PDF, read back with Poppler: the counts, the
 * kind of each change, the inserted text; and, on the rendered page, the underline
 * under inserted characters and the line through deleted ones, which is what a
 * black-and-white printout keeps of the marking.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-book.h"
#include "core/agreements/xa-template-library.h"
#include "document/xa-diff-renderer.h"
#include "document/xa-poppler-private.h"

#define INSERTED "、风险评估"
#define DELETED  "切实"
#define EQUAL    "发挥导向"

/* Pixels per PDF point when a page is rendered to look at its marks. */
#define SCALE 4.0

typedef struct
{
  XaTemplateDiff  *diff;
  PopplerDocument *document;
} Fixture;

/* Next year's template with one clause's text edited, one clause added and one removed,
 * as in test-template-diff.c. */
static XaTemplateDiff *
build_diff (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) old_template = xa_template_library_load_builtin (&error);
  g_autoptr(XaTemplate) new_template = NULL;
  XaClause *added;

  g_assert_no_error (error);
  new_template = xa_template_copy (old_template);
  xa_template_set_school_year (new_template, 2022);
  xa_clause_set_text (xa_template_find_clause (new_template, "s1.5"),
                      "建立健全各项安全制度、应急预案" INSERTED "及安全稳定工作考核奖惩机制，"
                      "充分" EQUAL "、激励作用。");

  added = xa_template_insert_clause (new_template, "s2", G_MAXUINT, XA_CLAUSE_KIND_ITEM, &error);
  g_assert_no_error (error);
  xa_clause_set_heading (added, "力争做到“两确保”：");
  xa_clause_set_text (added, "即确保师生生命安全，确保校园秩序稳定。");

  g_assert_true (xa_template_remove_clause (new_template, "s3.2", &error));
  g_assert_no_error (error);

  return xa_template_diff_new (old_template, new_template);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;

  fixture->diff = build_diff ();
  layout = xa_diff_layout_new (fixture->diff, fonts);
  pdf = xa_page_layout_render_pdf (layout, &error);
  g_assert_no_error (error);
  fixture->document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->diff);
}

/* The whole document's text without white space: Poppler breaks lines anywhere. */
static char *
dup_squeezed_text (PopplerDocument *document)
{
  GString *squeezed = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (squeezed, g_utf8_get_char (p));
    }

  return g_string_free (squeezed, FALSE);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = dup_squeezed_text (fixture->document);
  g_autofree char *changed = g_strdup_printf ("修改%u条",
                                              xa_template_diff_count (fixture->diff, XA_TEMPLATE_CHANGE_CHANGED));
  g_autofree char *title = poppler_document_get_title (fixture->document);
  g_autofree char *subject = poppler_document_get_subject (fixture->document);
  const char *labelled;

  g_assert_nonnull (strstr (text, "模板对比"));
  /* Templates that were never stored are version 0. */
  g_assert_nonnull (strstr (text, "2021—2022学年度第0版→2022—2023学年度第0版"));
  g_assert_nonnull (strstr (text, "新增1条·删除1条·"));
  g_assert_nonnull (strstr (text, changed));
  g_assert_nonnull (strstr (text, "移动0条"));

  /* Each change under its heading, with what happened to it. */
  g_assert_nonnull (strstr (text, "（五）完善落实工作制度和措施。【修改】"));
  g_assert_nonnull (strstr (text, "（四）力争做到“两确保”：【新增】"));
  g_assert_nonnull (strstr (text, "【删除】对制度不健全"));

  /* The edited clause reads old and new words both, the inserted ones where they go. */
  labelled = strstr (text, "【修改】建立健全");
  g_assert_nonnull (labelled);
  g_assert_nonnull (strstr (labelled, "应急预案" INSERTED "及安全稳定"));
  g_assert_nonnull (strstr (labelled, DELETED "充分" EQUAL));
  g_assert_nonnull (strstr (text, "即确保师生生命安全，确保校园秩序稳定。"));

  /* Clauses that did not change are left out. */
  g_assert_null (strstr (text, "坚持“谁主管、谁负责”的原则"));

  g_assert_cmpstr (title, ==, "安全、社会管理综合治理工作目标责任书模板对比");
  g_assert_cmpstr (subject, ==, "2021—2022学年度 第0版 → 2022—2023学年度 第0版");
}

/* Where @needle is drawn, in points from the page's top left: the glyph boxes of its
 * characters on the line where it starts. Returns the page it is on. */
static PopplerPage *
find_on_page (PopplerDocument  *document,
              const char       *needle,
              PopplerRectangle *area)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *boxes = NULL;
      const char *found = strstr (text, needle);
      guint n_boxes = 0;
      glong first;

      if (found == NULL)
        continue;

      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      first = g_utf8_pointer_to_offset (text, found);
      g_assert_cmpuint (first + g_utf8_strlen (needle, -1), <=, n_boxes);

      *area = boxes[first];
      for (glong c = 1; c < g_utf8_strlen (needle, -1); c++)
        {
          const PopplerRectangle *box = &boxes[first + c];

          /* The needle is short and chosen to sit on one line. */
          g_assert_cmpfloat (ABS (box->y1 - area->y1), <, 2);
          area->x1 = MIN (area->x1, box->x1);
          area->x2 = MAX (area->x2, box->x2);
        }

      return g_steal_pointer (&page);
    }

  g_assert_not_reached ();
}

typedef enum
{
  INK_GREEN,
  INK_RED,
  INK_ANY,
} Ink;

static gboolean
pixel_is (const guint8 *pixel,
          Ink           ink)
{
  /* CAIRO_FORMAT_RGB24, little-endian: blue, green, red. */
  int b = pixel[0], g = pixel[1], r = pixel[2];

  switch (ink)
    {
    case INK_GREEN:
      return g < 160 && g > r + 30;
    case INK_RED:
      return r > 120 && r > g + 60;
    case INK_ANY:
    default:
      return r + g + b < 3 * 160;
    }
}

/* The largest share of one pixel row across @area (inset a little at both ends) that
 * is inked in @ink, between @top and @bottom in points. An underline or a line through
 * the text makes a row solid; glyphs alone never do, for the gaps between them. */
static double
max_row_coverage (PopplerDocument *document,
                  const char      *needle,
                  Ink              ink,
                  double           top,
                  double           bottom)
{
  PopplerRectangle area;
  g_autoptr(PopplerPage) page = find_on_page (document, needle, &area);
  double width_pt, height_pt;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  int stride, x1, x2, y1, y2;
  double best = 0;
  double height = area.y2 - area.y1;

  poppler_page_get_size (page, &width_pt, &height_pt);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width_pt * SCALE, height_pt * SCALE);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  x1 = (area.x1 + 2) * SCALE;
  x2 = (area.x2 - 2) * SCALE;
  y1 = (area.y1 + top * height) * SCALE;
  y2 = (area.y1 + bottom * height) * SCALE;
  g_assert_cmpint (x2 - x1, >, 10 * SCALE);

  for (int y = y1; y <= y2; y++)
    {
      int inked = 0;

      for (int x = x1; x < x2; x++)
        if (pixel_is (data + y * stride + 4 * x, ink))
          inked++;

      best = MAX (best, (double) inked / (x2 - x1));
    }

  cairo_surface_destroy (surface);
  g_test_message ("%s: %.0f%% of a row inked", needle, 100 * best);
  return best;
}

static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  /* Under the inserted words, from half-way down their boxes to a little below: a
   * solid green row. Through the deleted ones, around the middle: a solid red row. */
  g_assert_cmpfloat (max_row_coverage (fixture->document, INSERTED, INK_GREEN, 0.5, 1.2), >, 0.97);
  g_assert_cmpfloat (max_row_coverage (fixture->document, DELETED, INK_RED, 0.2, 0.8), >, 0.97);

  /* Words that stayed have neither mark: no row is solid under them or through them. */
  g_assert_cmpfloat (max_row_coverage (fixture->document, EQUAL, INK_ANY, 0.2, 1.2), <, 0.9);
}

static void
test_identical (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_library_load_builtin (&error);
  g_autoptr(XaTemplateDiff) diff = xa_template_diff_new (template, template);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_diff_layout_new (diff, fonts);
  g_autoptr(GBytes) pdf = xa_page_layout_render_pdf (layout, &error);
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  text = dup_squeezed_text (document);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (text, "新增0条·删除0条·修改0条·移动0条"));
  g_assert_null (strstr (text, "【"));
}

static char *
add_supplement (XaAgreementBook *book,
                const char      *agreement_uuid,
                const char      *text)
{
  g_autoptr(GError) error = NULL;
  char *uuid = xa_agreement_book_add_supplement (book, agreement_uuid, text, &error);

  g_assert_no_error (error);
  return uuid;
}

/* Revision 2 of a school's agreement against revision 1, made from a corrected template:
 * the commission's change first, unmarked; then, under the heading the agreement prints
 * over them, the school's clause edited, removed and added, each marked as the school's. */
static void
test_agreement (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_new_in_memory ("李校长", 1);
  XaAgreementBook *book = xa_workspace_get_agreements (workspace);
  XaTemplateLibrary *library = xa_workspace_get_templates (workspace);
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(XaAgreement) first = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(XaTemplate) corrected = NULL;
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *added = NULL;
  g_autofree char *carried = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  const char *uuid;
  const char *district;
  const char *heading;
  guint n_marks = 0;

  g_assert_true (xa_agreement_book_generate_all (book, 2021, NULL, &error));
  g_assert_no_error (error);
  agreements = xa_agreement_book_list_year (book, 2021, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (agreements, 0);
  uuid = xa_agreement_get_uuid (first);
  edited = add_supplement (book, uuid, "校车由专人接送。");
  removed = add_supplement (book, uuid, "食堂实行校长陪餐制度。");
  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_PENDING, &error));
  g_assert_true (xa_agreement_book_advance (book, uuid, XA_AGREEMENT_STATE_SIGNED, &error));
  g_assert_no_error (error);

  corrected = xa_template_library_dup_latest (library, 2021, &error);
  g_assert_no_error (error);
  xa_clause_set_text (xa_template_find_clause (corrected, "s1.5"), "区教委改过的条款。");
  g_assert_true (xa_template_library_save (library, corrected, &error));
  g_assert_no_error (error);

  revision = xa_agreement_book_revise (book, uuid, &error);
  g_assert_no_error (error);
  carried = xa_agreement_dup_revised_supplement_uuid (edited);
  g_assert_true (xa_agreement_book_set_supplement (book, carried, "校车由两名教师专人接送。", &error));
  g_assert_no_error (error);
  g_assert_true (xa_agreement_book_remove_supplement (book, xa_agreement_get_supplement_uuid (revision, 1), &error));
  g_assert_no_error (error);
  added = add_supplement (book, xa_agreement_get_uuid (revision), "寄宿生晚间由宿管员查寝。");

  diff = xa_agreement_book_compare (book, xa_agreement_get_uuid (revision), XA_AGREEMENT_COMPARE_PREVIOUS, &error);
  g_assert_no_error (error);
  layout = xa_diff_layout_new (diff, fonts);
  pdf = xa_page_layout_render_pdf (layout, &error);
  g_assert_no_error (error);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  text = dup_squeezed_text (document);

  g_assert_nonnull (strstr (text, "责任书第1版→责任书第2版"));
  g_assert_nonnull (strstr (text, "其中学校补充：新增1条·删除1条·修改1条·移动0条"));

  /* The commission's change stands before the school's heading, without the mark. */
  district = strstr (text, "措施。【修改】");
  g_assert_nonnull (strstr (text, "区教委改过的条款。"));
  heading = strstr (text, "补充条款（学校补充）");
  g_assert_nonnull (district);
  g_assert_nonnull (heading);
  g_assert_true (district < heading);
  g_assert_null (g_strstr_len (text, district - text, "【学校补充】【"));

  /* After it, each of the school's clauses with the mark, then what happened to it. */
  g_assert_nonnull (strstr (heading, "1.【学校补充】【修改】校车由两名教师专人接送。"));
  g_assert_nonnull (strstr (heading, "2.【学校补充】【删除】食堂实行校长陪餐制度。"));
  g_assert_nonnull (strstr (heading, "2.【学校补充】【新增】寄宿生晚间由宿管员查寝。"));
  for (const char *p = strstr (text, "【学校补充】"); p != NULL; p = strstr (p + 1, "【学校补充】"))
    n_marks++;
  /* Three clauses and the key that says what the mark means. */
  g_assert_cmpuint (n_marks, ==, 4);

  name = xa_diff_dup_file_name (diff);
  g_assert_true (g_str_has_prefix (name, "责任书对比 "));
  g_assert_true (g_str_has_suffix (name, " 责任书第1版 至 责任书第2版.pdf"));
  g_assert_nonnull (strstr (name, xa_agreement_get_school_code (revision)));

  g_clear_object (&diff);
  g_clear_object (&layout);
  g_assert_finalize_object (g_steal_pointer (&workspace));
}

static void
skip_without_locale (void)
{
  g_test_skip ("The zh_CN.UTF-8 locale is not installed");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  /* The document as the district prints it, in Chinese. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_add_func ("/xa/template-compare-pdf/no-locale", skip_without_locale);
      return g_test_run ();
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#define ADD(path, func) \
  g_test_add ("/xa/template-compare-pdf/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("text", test_text);
  ADD ("marks", test_marks);
#undef ADD
  g_test_add_func ("/xa/template-compare-pdf/identical", test_identical);
  g_test_add_func ("/xa/template-compare-pdf/agreement", test_agreement);

  return g_test_run ();
}
