/* test-assessment-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly assessment's reports (src/document/xa-assessment-report.c,
 * xa-district-report.c), read back with Poppler: a school's score sheet holds every
 * column of domain.md §2.3, every indicator with both sides' scores, the subtotals, the
 * total, the grade, the veto with its reason and the signature lines; the district's
 * summary holds every school with its score and grade, the vetoes' reasons and its
 * charts — for 300 schools too, paged, a heading never left at the foot of a page away
 * from its table; a summary written where it cannot be says so and leaves nothing behind.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-pdf-text.h"
#include "xa-test-utils.h"
#include "core/assessment/xa-assessment.h"
#include "document/xa-assessment-report.h"
#include "document/xa-district-report.h"

#define YEAR 2021

static const char *names[] = {
  "示例区实验小学", "示例区第一中学", "示例区育才学校", "示例区红星幼儿园",
  "示例区职业技术学校", "示例区特殊教育学校",
};

/* School @i: the self-assessment takes @i × 0.5 off each of the first indicators, the
 * commission @i off them (so every school scores differently), school 3 has a veto and
 * school 5 two H events; school 4 waits for the commission. */
static XaAssessment *
make_assessment (XaScheme *scheme,
                 guint     i,
                 int       year)
{
  g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);
  g_autofree char *code = g_strdup_printf ("21500001%02u", i);
  const char *name = i < G_N_ELEMENTS (names) ? names[i] : NULL;
  g_autofree char *numbered = name == NULL ? g_strdup_printf ("示例区第%u学校", i + 1) : NULL;
  XaAssessment *assessment = xa_assessment_new (scheme, uuid, code, name != NULL ? name : numbered);

  for (guint k = 0; k < xa_scheme_get_n_indicators (scheme); k++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, k);
      double points = xa_indicator_get_points (indicator);
      double off = k < 4 ? MIN (points, (i % 7) * (year == YEAR ? 1.0 : 0.5)) : 0;

      _xa_assessment_set_self (assessment, xa_indicator_get_code (indicator), points - off / 2,
                               k == 0 ? "已按要求落实" : NULL, "校长", "2022-06-20");
      if (i % 6 != 4)
        _xa_assessment_set_commission (assessment, xa_indicator_get_code (indicator), points - off,
                                       off > 0 ? "台账不全" : NULL, "李考核", "2022-07-01",
                                       k == 1 ? off + 1 : -1, k != 1, k == 1 ? "学校已补交记录" : NULL);
    }
  if (i % 6 == 5)
    _xa_assessment_set_h (assessment, 2, "发生校园欺凌事件两起");
  if (i % 6 == 3)
    {
      const char *evidence[] = { "incident:00000000-0000-4000-8000-000000000099", NULL };
      XaVetoDecision veto = { "V1", "发生责任事故造成学生死亡", (char **) evidence, "王主任", "2022-07-05" };

      _xa_assessment_add_veto (assessment, &veto);
    }
  if (i % 6 != 4)
    _xa_assessment_set_record (assessment, uuid, TRUE, "李考核", "2022-07-10T09:00:00Z", TRUE, NULL, NULL);
  return assessment;
}

static GPtrArray *
make_district (guint n,
               int   year)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (year);
  GPtrArray *assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ranked = NULL;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (assessments, make_assessment (scheme, i, year));

  /* Ranks as the book gives them: by score. */
  ranked = xa_district_report_dup_ranked (assessments);
  for (guint i = 0, rank = 0; i < ranked->len; i++)
    if (xa_assessment_get_total (g_ptr_array_index (ranked, i)) >= 0)
      _xa_assessment_set_rank (g_ptr_array_index (ranked, i), ++rank);
  return assessments;
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the report's text", part);
}

static void
test_score_sheet (void)
{
  g_autoptr(GPtrArray) district = make_district (6, YEAR);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaAssessment *vetoed = g_ptr_array_index (district, 3);
  XaScheme *scheme = xa_assessment_get_scheme (vetoed);
  g_autoptr(XaPageLayout) layout = xa_assessment_report_layout_new (vetoed, 6, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "评分表.pdf");
  g_autofree char *raw = xa_test_pdf_text (document);
  g_autofree char *text = xa_test_squeeze (raw);
  g_autofree char *total = xa_points_format (xa_assessment_get_total (vetoed));
  g_autofree char *self_total = xa_points_format (xa_assessment_get_self_total (vetoed));
  const char *columns[] = { "序号", "一级指标", "考核内容", "分值", "扣分标准", "考核方式", "自评分",
                            "自评说明", "考核分", "扣分说明", "考核人" };
  double page_width, page_height;

  g_test_message ("%s", text);
  xa_page_layout_get_page_size (layout, &page_width, &page_height);
  g_assert_cmpfloat (page_width, >, page_height);

  assert_has (text, "示例区红星幼儿园2021—2022学年度学校安全工作目标考核评分表");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    assert_has (text, columns[i]);
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
      const XaIndicatorScore *score = xa_assessment_get_score (vetoed, xa_indicator_get_code (indicator));
      g_autofree char *given = xa_points_format (score->score);
      g_autofree char *self_given = xa_points_format (score->self_score);
      g_autofree char *row = g_strdup_printf ("%s", xa_indicator_get_code (indicator));

      assert_has (text, row);
      assert_has (text, given);
      assert_has (text, self_given);
    }
  for (guint i = 0; i < xa_scheme_get_n_groups (scheme); i++)
    {
      g_autofree char *subtotal = g_strdup_printf ("%s小计", xa_scheme_get_group (scheme, i)->code);

      /* A group's title wraps in its narrow column, its lines read between the
       * neighbours' lines: only its subtotal's short label is asserted. */
      assert_has (text, subtotal);
    }
  assert_has (text, "合计");
  assert_has (text, total);
  assert_has (text, self_total);
  /* The veto: its ground, reason, decider and date, the grade it forces and the raw score. */
  assert_has (text, "一票否决");
  assert_has (text, "发生责任事故造成学生死亡");
  assert_has (text, "王主任");
  assert_has (text, "2022年7月5日");
  assert_has (text, "取消当年评优评先资格");
  assert_has (text, "不合格");
  /* The suggestion not taken, with why. */
  assert_has (text, "学校已补交记录");
  assert_has (text, "李考核");
  assert_has (text, "学校（盖章）");
  assert_has (text, "自评负责人");
  assert_has (text, "考核组");
  assert_has (text, "日期：2022年7月10日");
  assert_has (text, "已定稿");
}

static void
test_score_sheet_waiting (void)
{
  g_autoptr(GPtrArray) district = make_district (6, YEAR);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaAssessment *waiting = g_ptr_array_index (district, 4);
  g_autoptr(XaPageLayout) layout = xa_assessment_report_layout_new (waiting, 0, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "评分表-自评.pdf");
  g_autofree char *raw = xa_test_pdf_text (document);
  g_autofree char *text = xa_test_squeeze (raw);

  assert_has (text, "已自评");
  assert_has (text, "考核总分：—");
  assert_has (text, "未评定");
  assert_has (text, "日期：年月日");
}

typedef struct
{
  gunichar c;
  double   x;
  double   y;
} Glyph;

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (fabs (ga->y - gb->y) > 2)
    return ga->y < gb->y ? -1 : 1;
  return ga->x < gb->x ? -1 : ga->x > gb->x;
}

/* The rows of the ranking table on every page that has its header, each as its cells
 * joined by '|', empty cells left out. */
static GHashTable *
ranking_rows (PopplerDocument *document)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *boxes = NULL;
      GString *squeezed = g_string_new (NULL);
      guint n_boxes = 0;
      const char *p = page_text;
      const char *header;
      double header_y;
      guint at;
      GString *line = NULL;
      double line_y = -1;
      double last_x = 0;

      g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
      for (guint b = 0; b < n_boxes && *p != '\0'; b++, p = g_utf8_next_char (p))
        {
          Glyph glyph = { g_utf8_get_char (p), (boxes[b].x1 + boxes[b].x2) / 2, (boxes[b].y1 + boxes[b].y2) / 2 };

          if (!g_unichar_isspace (glyph.c))
            g_array_append_val (glyphs, glyph);
        }
      g_array_sort (glyphs, compare_glyphs);
      for (guint g = 0; g < glyphs->len; g++)
        g_string_append_unichar (squeezed, g_array_index (glyphs, Glyph, g).c);
      header = strstr (squeezed->str, "排名学校标识码学校自评分考核分等级一票否决状态");
      if (header == NULL)
        {
          g_string_free (squeezed, TRUE);
          continue;
        }

      at = g_utf8_pointer_to_offset (squeezed->str, header);
      header_y = g_array_index (glyphs, Glyph, at).y;
      g_string_free (squeezed, TRUE);

      for (guint g = 0; g <= glyphs->len; g++)
        {
          const Glyph *glyph = g < glyphs->len ? &g_array_index (glyphs, Glyph, g) : NULL;

          if (glyph != NULL && glyph->y <= header_y + 2)
            continue;
          if (line != NULL && (glyph == NULL || fabs (glyph->y - line_y) > 2))
            {
              g_hash_table_add (rows, g_string_free (line, FALSE));
              line = NULL;
            }
          if (glyph == NULL)
            break;
          if (line == NULL)
            {
              line = g_string_new (NULL);
              line_y = glyph->y;
            }
          /* Glyphs of a cell are a character apart at most; cells are further. */
          else if (glyph->x - last_x > 14)
            g_string_append_c (line, '|');
          g_string_append_unichar (line, glyph->c);
          last_x = glyph->x;
        }
    }

  return rows;
}

static PopplerDocument *
district_document (const XaDistrictReportData *data,
                   char                      **text)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_district_report_layout_new (data, fonts);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = xa_page_layout_render_pdf (layout, &error);
  g_autofree char *raw = NULL;
  PopplerDocument *document;

  g_assert_no_error (error);
  if (g_getenv ("XA_TEST_REPORT_PDF") != NULL)
    g_file_set_contents (g_getenv ("XA_TEST_REPORT_PDF"), g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
  raw = xa_test_pdf_bytes_text (pdf);
  *text = xa_test_squeeze (raw);
  document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static XaHazardSummary *
make_hazards (GPtrArray *assessments)
{
  XaHazardSummary *summary = g_new0 (XaHazardSummary, 1);

  summary->school_year = YEAR;
  summary->on = g_strdup ("2022-07-01");
  summary->schools = g_ptr_array_new ();
  summary->majors = g_ptr_array_new ();
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);
      XaHazardSchoolCount *count = g_new0 (XaHazardSchoolCount, 1);

      count->school_uuid = g_strdup (xa_assessment_get_school_uuid (assessment));
      count->school_code = g_strdup (xa_assessment_get_school_code (assessment));
      count->school_name = g_strdup (xa_assessment_get_school_name (assessment));
      count->n_overdue_by_category[XA_HAZARD_CATEGORY_FIRE] = i % 3;
      count->n_overdue_by_category[XA_HAZARD_CATEGORY_FOOD] = i % 2;
      count->n_overdue = i % 3 + i % 2;
      summary->total.n_overdue_by_category[XA_HAZARD_CATEGORY_FIRE] += i % 3;
      summary->total.n_overdue_by_category[XA_HAZARD_CATEGORY_FOOD] += i % 2;
      g_ptr_array_add (summary->schools, count);
    }
  return summary;
}

static void
free_hazards (XaHazardSummary *summary)
{
  for (guint i = 0; i < summary->schools->len; i++)
    {
      XaHazardSchoolCount *count = g_ptr_array_index (summary->schools, i);

      g_free (count->school_uuid);
      g_free (count->school_code);
      g_free (count->school_name);
      g_free (count);
    }
  g_ptr_array_unref (summary->schools);
  g_ptr_array_unref (summary->majors);
  g_free (summary->on);
  g_free (summary);
}

static GArray *
make_coverage (GPtrArray *assessments)
{
  GArray *coverage = g_array_new (FALSE, FALSE, sizeof (XaDistrictCoverage));

  for (guint i = 0; i < assessments->len; i++)
    {
      XaDistrictCoverage row = { xa_assessment_get_school_uuid (g_ptr_array_index (assessments, i)),
                                 100 - (i % 5) * 0.3 };

      g_array_append_val (coverage, row);
    }
  return coverage;
}

/* The summary of a district of @n schools with last year's beside it; *@district: its
 * assessments. */
static PopplerDocument *
render_district (guint       n,
                 GPtrArray **district,
                 char      **text)
{
  g_autoptr(GPtrArray) previous = make_district (n, YEAR - 1);
  g_autoptr(GArray) coverage = NULL;
  XaHazardSummary *hazards;
  PopplerDocument *document;

  *district = make_district (n, YEAR);
  coverage = make_coverage (*district);
  hazards = make_hazards (*district);
  {
    XaDistrictReportData data = { YEAR, "示例区教育委员会", "2022-07-15", *district, previous, hazards, coverage };

    document = district_document (&data, text);
  }
  free_hazards (hazards);
  return document;
}

static void
assert_district (guint n)
{
  g_autoptr(GPtrArray) district = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PopplerDocument) document = render_district (n, &district, &text);
  g_autoptr(GPtrArray) ranked = xa_district_report_dup_ranked (district);
  g_autoptr(GHashTable) rows = NULL;

  g_test_message ("%u schools: %d pages", n, poppler_document_get_n_pages (document));
  assert_has (text, "2021—2022学年度学校安全工作目标考核情况汇总");
  assert_has (text, "示例区教育委员会");
  /* The ranking: every school's row with its score and grade, read by the table's
   * columns (a row of the table is not one run of text for Poppler). */
  rows = ranking_rows (document);
  for (guint i = 0; i < ranked->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (ranked, i);
      g_autofree char *self_total = xa_assessment_dup_score_text (xa_assessment_get_self_total (assessment));
      g_autofree char *total = xa_assessment_dup_score_text (xa_assessment_get_total (assessment));
      g_autofree char *rank = xa_assessment_get_rank (assessment) > 0
                              ? g_strdup_printf ("%u", xa_assessment_get_rank (assessment)) : g_strdup ("—");
      g_autofree char *row = g_strdup_printf ("%s|%s|%s|%s|%s|%s%s|%s", rank,
                                              xa_assessment_get_school_code (assessment),
                                              xa_assessment_get_school_name (assessment), self_total, total,
                                              xa_grade_to_chinese (xa_assessment_get_grade (assessment)),
                                              xa_assessment_get_vetoed (assessment) ? "|是" : "",
                                              xa_assessment_state_to_chinese (xa_assessment_get_state (assessment)));

      if (!g_hash_table_contains (rows, row))
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, rows);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            fprintf (stderr, "row: %s\n", (char *) key);
          g_error ("The ranking has no row %s", row);
        }
    }
  assert_has (text, "考核等级分布");
  assert_has (text, "一票否决情况");
  assert_has (text, "发生责任事故造成学生死亡");
  assert_has (text, "各校一级指标得分");
  assert_has (text, "各校逾期隐患");
  assert_has (text, "消防");
  assert_has (text, "食品卫生");
  assert_has (text, "各校安全教育覆盖率");
  assert_has (text, "目标99.5%");
  assert_has (text, "较2020—2021学年度变化");
  g_assert_null (strstr (text, "未显示"));
}

static void
test_district (void)
{
  assert_district (6);
}

static void
test_district_300 (void)
{
  assert_district (300);
}

/* The page (from 0) whose text holds @part, squeezed; -1 when none. */
static int
page_of (PopplerDocument *document,
         const char      *part)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *text = xa_test_squeeze (raw);

      if (strstr (text, part) != NULL)
        return i;
    }
  return -1;
}

/* A heading right above a table never ends a page: for districts of 4 to 24 schools
 * the ranking table grows a row at a time, so the heading of the vetoes after it takes
 * every row of the page in turn, its foot too (the case that used to leave it alone at
 * the foot). The heading's page holds the table's header and its first row. */
static void
test_heading_keeps_table (void)
{
  for (guint n = 4; n <= 24; n++)
    {
      g_autoptr(GPtrArray) district = NULL;
      g_autofree char *text = NULL;
      g_autoptr(PopplerDocument) document = render_district (n, &district, &text);
      int heading = page_of (document, "三、一票否决情况");
      int header = page_of (document, "学校否决事项理由认定");
      /* School 3 is the first (and, below 10 schools, the only) school vetoed. */
      int first_row = page_of (document, "发生责任事故造成学生死亡");

      g_assert_cmpint (heading, >=, 0);
      if (heading != first_row || heading != header)
        g_error ("%u schools: the heading of the vetoes is on page %d, the table's header on %d and its first row on %d",
                 n, heading + 1, header + 1, first_row + 1);
    }
}

static void
test_bad_path (void)
{
  g_autoptr(GPtrArray) district = make_district (3, YEAR);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xa-report-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "没有的目录", "汇总.pdf", NULL);
  g_autoptr(GDir) listing = NULL;
  XaDistrictReportData data = { YEAR, NULL, "2022-07-15", district, NULL, NULL, NULL };

  g_assert_false (xa_district_report_save (&data, fonts, missing, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "没有的目录"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/assessment-report/score-sheet", test_score_sheet);
  g_test_add_func ("/xa/assessment-report/score-sheet-waiting", test_score_sheet_waiting);
  g_test_add_func ("/xa/assessment-report/district", test_district);
  g_test_add_func ("/xa/assessment-report/district-300", test_district_300);
  g_test_add_func ("/xa/assessment-report/bad-path", test_bad_path);
  g_test_add_func ("/xa/assessment-report/heading-keeps-table", test_heading_keeps_table);

  return g_test_run ();
}
