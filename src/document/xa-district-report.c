/* xa-district-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The district's summary of a year's assessment, A4 upright in the official style: the
 * title and an overview, then the ranking of every school, the grade distribution, the
 * vetoes with their reasons, every school's score by first-level indicator, the overdue
 * hazards by school × category, the coverage of safety education with the 99.5 % target
 * and the change of every school's score from the year before. The charts are the page
 * engine's (xa-chart.h), drawn with the code the app's dashboard draws with.
 *
 * 300 schools: every school is on paper. A chart of one row per school that does not fit
 * a page is paged with xa_chart_slice(), each page saying which schools it holds; the
 * heat map keeps the schools with an overdue hazard (the others are counted under it)
 * and the hazard categories with one.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "xa-assessment-report.h"
#include "xa-assessment-words.h"
#include "xa-district-report.h"
#include "core/hazards/xa-hazard-columns.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

#define TABLE_SIZE 9.0    /* 小五, as the dense forms statistics are kept on */

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  XaAssessment *x = *(XaAssessment **) a;
  XaAssessment *y = *(XaAssessment **) b;
  guint rx = xa_assessment_get_rank (x);
  guint ry = xa_assessment_get_rank (y);
  double tx = xa_assessment_get_total (x);
  double ty = xa_assessment_get_total (y);

  if ((rx > 0) != (ry > 0))
    return rx > 0 ? -1 : 1;
  if (rx != ry)
    return rx < ry ? -1 : 1;
  if (tx != ty)
    return tx > ty ? -1 : 1;
  return g_strcmp0 (xa_assessment_get_school_code (x), xa_assessment_get_school_code (y));
}

/**
 * xa_district_report_dup_ranked:
 * @assessments: (element-type XaAssessment): a year's assessments
 *
 * Returns: (transfer container) (element-type XaAssessment): the same, in the ranking's
 *   order: by rank, those without one after by score, then by school code
 */
GPtrArray *
xa_district_report_dup_ranked (GPtrArray *assessments)
{
  GPtrArray *ranked = g_ptr_array_new_full (assessments->len, g_object_unref);

  for (guint i = 0; i < assessments->len; i++)
    g_ptr_array_add (ranked, g_object_ref (g_ptr_array_index (assessments, i)));
  g_ptr_array_sort (ranked, compare_ranked);
  return ranked;
}

typedef enum
{
  BY_RANK,
  LOWEST_FIRST,
  MOST_FIRST,
} PageNote;

/* A chart of one row per school: whole on the page when it fits, else paged, each page
 * with a note of the schools it holds. */
static void
add_paged_chart (XaPageLayout *layout,
                 XaChart      *chart,
                 PageNote      order)
{
  guint n = xa_chart_get_n_categories (chart);
  double width;
  double height;
  double natural;
  guint fit;

  xa_page_layout_get_text_size (layout, &width, &height);
  /* A page of the chart leaves a row of the grid to its section's heading. */
  height -= XA_LINE_PITCH;
  natural = xa_chart_get_natural_height (chart, width);
  if (natural <= height)
    {
      xa_page_layout_add_chart (layout, chart, natural);
      return;
    }

  /* Measured with a note, as every page has one. */
  xa_chart_set_note (chart, XA_DISTRICT_PAGE_NOTE);
  fit = MAX (xa_chart_get_rows_fitting (chart, width, height), 1);
  for (guint first = 0; first < n; first += fit)
    {
      g_autoptr(XaChart) slice = xa_chart_slice (chart, first, fit);
      guint last = MIN (first + fit, n);
      g_autofree char *note = NULL;

      switch (order)
        {
        case BY_RANK:
          note = g_strdup_printf (XA_DISTRICT_PAGE_NOTE, first + 1, last, n);
          break;
        case LOWEST_FIRST:
          note = g_strdup_printf (XA_DISTRICT_WORST_NOTE, first + 1, last, n);
          break;
        case MOST_FIRST:
        default:
          note = g_strdup_printf (XA_DISTRICT_MOST_NOTE, first + 1, last, n);
          break;
        }

      xa_chart_set_note (slice, note);
      xa_page_layout_add_chart (layout, slice, height);
    }
}

static void
add_ranking (XaPageLayout *layout,
             GPtrArray    *ranked)
{
  XaPageTable *table = xa_page_table_new (TABLE_SIZE);

  xa_page_table_add_column (table, XA_DISTRICT_COL_RANK, 3.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DISTRICT_COL_CODE, 7.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DISTRICT_COL_SCHOOL, 13.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DISTRICT_COL_SELF, 4.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DISTRICT_COL_SCORE, 4.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DISTRICT_COL_GRADE, 4.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DISTRICT_COL_VETO, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DISTRICT_COL_STATE, 4.0, XA_TABLE_ALIGN_CENTRE);

  for (guint i = 0; i < ranked->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (ranked, i);
      g_autofree char *rank = xa_assessment_get_rank (assessment) > 0
                              ? g_strdup_printf ("%u", xa_assessment_get_rank (assessment))
                              : g_strdup (XA_ASSESSMENT_NOT_SCORED);
      g_autofree char *self_total = xa_assessment_dup_score_text (xa_assessment_get_self_total (assessment));
      g_autofree char *total = xa_assessment_dup_score_text (xa_assessment_get_total (assessment));
      const char *cells[] = {
        rank, xa_assessment_get_school_code (assessment), xa_assessment_get_school_name (assessment),
        self_total, total, xa_grade_to_chinese (xa_assessment_get_grade (assessment)),
        xa_assessment_get_vetoed (assessment) ? XA_DISTRICT_YES : "",
        xa_assessment_state_to_chinese (xa_assessment_get_state (assessment)), NULL,
      };

      if (cells[1] == NULL)
        cells[1] = "";
      xa_page_table_add_row (table, cells);
    }

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_RANKING);
  xa_page_layout_add_table (layout, table);
}

/**
 * xa_district_chart_grades_new:
 * @counts: how many schools have each grade, indexed by #XaGrade (XA_GRADE_FAIL + 1 of them)
 *
 * The grade distribution of the district summary, which the app's dashboard draws too.
 *
 * Returns: (transfer full): the chart
 */
XaChart *
xa_district_chart_grades_new (const guint counts[])
{
  static const XaGrade grades[] = { XA_GRADE_EXCELLENT, XA_GRADE_GOOD, XA_GRADE_PASS, XA_GRADE_FAIL, XA_GRADE_NONE };
  XaChart *chart = xa_chart_new (XA_CHART_BAR, XA_DISTRICT_CHART_GRADES);

  xa_chart_set_axis_labels (chart, XA_DISTRICT_AXIS_GRADE, XA_DISTRICT_AXIS_SCHOOLS);
  xa_chart_add_series (chart, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      guint category;

      /* 未评定 only while schools are waiting. */
      if (grades[i] == XA_GRADE_NONE && counts[XA_GRADE_NONE] == 0)
        continue;
      category = xa_chart_add_category (chart, xa_grade_to_chinese (grades[i]));
      xa_chart_set_value (chart, 0, category, counts[grades[i]]);
    }
  return chart;
}

static void
add_grades (XaPageLayout *layout,
            const guint   counts[])
{
  g_autoptr(XaChart) chart = xa_district_chart_grades_new (counts);
  double width;

  xa_page_layout_get_text_size (layout, &width, NULL);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_GRADES);
  xa_page_layout_add_chart (layout, chart, width * 0.5);
}

/* A veto's code and what it is, without the examples in brackets the scheme gives. */
static char *
dup_ground (const char         *code,
            const XaSchemeVeto *item)
{
  g_autofree char *text = g_strdup (item != NULL && item->text != NULL ? item->text : "");
  char *bracket = strstr (text, "（");

  if (bracket != NULL && bracket != text)
    *bracket = '\0';
  return g_strdup_printf ("%s %s", code, text);
}

static void
add_vetoes (XaPageLayout *layout,
            GPtrArray    *ranked)
{
  XaPageTable *table = xa_page_table_new (TABLE_SIZE);
  guint n = 0;

  xa_page_table_add_column (table, XA_DISTRICT_COL_SCHOOL, 9.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DISTRICT_COL_GROUND, 8.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DISTRICT_COL_REASON, 12.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DISTRICT_COL_DECIDED, 6.0, XA_TABLE_ALIGN_CENTRE);

  for (guint i = 0; i < ranked->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (ranked, i);
      XaScheme *scheme = xa_assessment_get_scheme (assessment);

      if (!xa_assessment_get_vetoed (assessment))
        continue;
      for (guint v = 0; v < xa_assessment_get_n_vetoes (assessment); v++)
        {
          const XaVetoDecision *veto = xa_assessment_get_veto (assessment, v);
          const XaSchemeVeto *item = xa_scheme_find_veto (scheme, veto->ground);
          g_autofree char *ground = dup_ground (veto->ground, item);
          g_autofree char *date = xa_date_format_chinese (veto->decided_on);
          g_autofree char *decided = g_strdup_printf ("%s\n%s", veto->decided_by != NULL ? veto->decided_by : "",
                                                      date != NULL ? date : "");
          const char *cells[] = {
            xa_assessment_get_school_name (assessment), ground,
            veto->reason != NULL ? veto->reason : "", decided, NULL,
          };

          xa_page_table_add_row (table, cells);
          n++;
        }
    }

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_VETOES);
  if (n == 0)
    {
      xa_page_table_free (table);
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, XA_DISTRICT_NO_VETO);
      return;
    }
  xa_page_layout_add_table (layout, table);
}

/**
 * xa_district_chart_groups_new:
 * @ranked: (element-type XaAssessment): the year's assessments, in the order of the rows
 *   (not empty)
 *
 * Each school's commission scores by first-level indicator, stacked, with the pass mark:
 * the district summary's chart, which the app's dashboard draws too.
 *
 * Returns: (transfer full): the chart
 */
XaChart *
xa_district_chart_groups_new (GPtrArray *ranked)
{
  XaScheme *scheme = xa_assessment_get_scheme (g_ptr_array_index (ranked, 0));
  XaChart *chart = xa_chart_new (XA_CHART_STACKED_BAR, XA_DISTRICT_CHART_GROUPS);
  double excellent, good, pass;
  g_autofree char *pass_text = NULL;
  g_autofree char *pass_label = NULL;

  xa_scheme_get_cutoffs (scheme, &excellent, &good, &pass);
  pass_text = xa_points_format (pass);
  pass_label = g_strdup_printf (XA_DISTRICT_PASS_LINE, pass_text);
  xa_chart_set_axis_labels (chart, NULL, XA_DISTRICT_AXIS_SCORE);
  xa_chart_set_range (chart, 0, xa_scheme_get_total (scheme));
  xa_chart_add_reference (chart, pass, pass_label);
  for (guint g = 0; g < xa_scheme_get_n_groups (scheme); g++)
    xa_chart_add_series (chart, xa_scheme_get_group (scheme, g)->title);

  for (guint i = 0; i < ranked->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (ranked, i);
      guint category = xa_chart_add_category (chart, xa_assessment_get_school_name (assessment));

      if (xa_assessment_get_total (assessment) < 0)
        continue;
      for (guint g = 0; g < xa_scheme_get_n_groups (scheme); g++)
        xa_chart_set_value (chart, g, category,
                            xa_assessment_group_total (assessment, xa_scheme_get_group (scheme, g)->code, TRUE));
    }
  return chart;
}

static void
add_groups (XaPageLayout *layout,
            GPtrArray    *ranked)
{
  g_autoptr(XaChart) chart = xa_district_chart_groups_new (ranked);

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_GROUPS);
  add_paged_chart (layout, chart, BY_RANK);
}

static const char *
name_of (GHashTable *names,
         const char *uuid)
{
  XaAssessment *assessment = g_hash_table_lookup (names, uuid);

  return assessment != NULL ? xa_assessment_get_school_name (assessment) : NULL;
}

static int
compare_overdue (gconstpointer a,
                 gconstpointer b)
{
  const XaHazardSchoolCount *x = *(XaHazardSchoolCount **) a;
  const XaHazardSchoolCount *y = *(XaHazardSchoolCount **) b;

  if (x->n_overdue != y->n_overdue)
    return x->n_overdue > y->n_overdue ? -1 : 1;
  return g_strcmp0 (x->school_code, y->school_code);
}

static void
add_hazards (XaPageLayout          *layout,
             const XaHazardSummary *hazards)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HEAT_MAP, XA_DISTRICT_CHART_HAZARDS);
  g_autoptr(GPtrArray) schools = g_ptr_array_new ();
  int columns[XA_N_HAZARD_CATEGORIES];
  guint n_without = 0;

  for (guint i = 0; i < hazards->schools->len; i++)
    {
      XaHazardSchoolCount *count = g_ptr_array_index (hazards->schools, i);

      if (count->n_overdue > 0)
        g_ptr_array_add (schools, count);
      else if (!count->removed)
        n_without++;
    }

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_HAZARDS);
  if (schools->len == 0)
    {
      xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, XA_DISTRICT_HAZARDS_NONE);
      return;
    }
  g_ptr_array_sort (schools, compare_overdue);

  xa_chart_set_axis_labels (chart, NULL, XA_DISTRICT_AXIS_HAZARDS);
  xa_chart_set_value_format (chart, 0, NULL);
  for (int c = 0; c < XA_N_HAZARD_CATEGORIES; c++)
    {
      columns[c] = -1;
      if (hazards->total.n_overdue_by_category[c] > 0)
        columns[c] = (int) xa_chart_add_series (chart, xa_hazard_value_to_chinese (XA_HAZARD_FIELD_CATEGORY, c));
    }
  for (guint i = 0; i < schools->len; i++)
    {
      const XaHazardSchoolCount *count = g_ptr_array_index (schools, i);
      guint category = xa_chart_add_category (chart, count->school_name);

      for (int c = 0; c < XA_N_HAZARD_CATEGORIES; c++)
        if (columns[c] >= 0)
          xa_chart_set_value (chart, (guint) columns[c], category, count->n_overdue_by_category[c]);
    }

  if (n_without > 0)
    {
      g_autofree char *note = g_strdup_printf (XA_DISTRICT_HAZARDS_REST, n_without);

      xa_chart_set_note (chart, note);
    }
  add_paged_chart (layout, chart, MOST_FIRST);
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const XaDistrictCoverage *x = a;
  const XaDistrictCoverage *y = b;

  if (x->percent != y->percent)
    return x->percent < y->percent ? -1 : 1;
  return g_strcmp0 (x->school_uuid, y->school_uuid);
}

/* Rows of a school and a value, the lowest first: coverage, the change of score. */
static void
add_value_rows (XaPageLayout *layout,
                XaChart      *chart,
                GArray       *rows,
                GHashTable   *names)
{
  g_array_sort (rows, compare_values);
  xa_chart_add_series (chart, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const XaDistrictCoverage *row = &g_array_index (rows, XaDistrictCoverage, i);
      const char *name = name_of (names, row->school_uuid);

      if (name != NULL)
        xa_chart_set_value (chart, 0, xa_chart_add_category (chart, name), row->percent);
    }
  add_paged_chart (layout, chart, LOWEST_FIRST);
}

static void
add_coverage (XaPageLayout *layout,
              GArray       *coverage,
              GHashTable   *names)
{
  g_autoptr(XaChart) chart = xa_chart_new (XA_CHART_HORIZONTAL_BAR, XA_DISTRICT_CHART_COVERAGE);
  g_autoptr(GArray) rows = g_array_copy (coverage);
  double lowest = 100;

  for (guint i = 0; i < rows->len; i++)
    lowest = MIN (lowest, g_array_index (rows, XaDistrictCoverage, i).percent);

  xa_chart_set_axis_labels (chart, NULL, XA_DISTRICT_AXIS_COVERAGE);
  xa_chart_set_value_format (chart, 1, "%");
  /* From a whole percent under the lowest school: 99.5 against 100 must show. */
  xa_chart_set_range (chart, MIN (floor (lowest) - 1, 99), 100);
  xa_chart_add_reference (chart, 99.5, XA_DISTRICT_TARGET);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_COVERAGE);
  add_value_rows (layout, chart, rows, names);
}

static void
add_change (XaPageLayout *layout,
            GPtrArray    *assessments,
            GPtrArray    *previous,
            GHashTable   *names)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (XaDistrictCoverage));
  g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *year = NULL;
  g_autofree char *chart_title = NULL;
  g_autoptr(XaChart) chart = NULL;
  int previous_year = 0;

  for (guint i = 0; i < previous->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (previous, i);

      previous_year = xa_assessment_get_school_year (assessment);
      if (xa_assessment_get_total (assessment) >= 0)
        g_hash_table_insert (before, (gpointer) xa_assessment_get_school_uuid (assessment), assessment);
    }
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);
      XaAssessment *last = g_hash_table_lookup (before, xa_assessment_get_school_uuid (assessment));
      XaDistrictCoverage row = { xa_assessment_get_school_uuid (assessment), 0 };

      if (last == NULL || xa_assessment_get_total (assessment) < 0)
        continue;
      row.percent = xa_assessment_get_total (assessment) - xa_assessment_get_total (last);
      g_array_append_val (rows, row);
    }

  year = xa_school_year_format (previous_year, FALSE);
  chart_title = g_strdup_printf (XA_DISTRICT_CHART_CHANGE, year);
  chart = xa_chart_new (XA_CHART_HORIZONTAL_BAR, chart_title);
  xa_chart_set_axis_labels (chart, NULL, XA_DISTRICT_AXIS_CHANGE);
  xa_chart_set_value_format (chart, 1, NULL);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_HEADING_1, NULL, XA_DISTRICT_H_CHANGE);
  add_value_rows (layout, chart, rows, names);
}

/**
 * xa_district_report_layout_new:
 *
 * The district's summary: see the file's comment.
 *
 * Returns: (transfer full): the summary's pages
 */
XaPageLayout *
xa_district_report_layout_new (const XaDistrictReportData *data,
                               XaFontResolver             *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *span = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *overview = NULL;
  g_autofree char *average = NULL;
  g_autofree char *year = NULL;
  guint counts[XA_GRADE_FAIL + 1] = { 0 };
  guint n_scored = 0;
  guint n_vetoed = 0;
  double sum = 0;

  g_return_val_if_fail (data != NULL && data->assessments != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  ranked = xa_district_report_dup_ranked (data->assessments);
  for (guint i = 0; i < ranked->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (ranked, i);
      XaGrade grade = xa_assessment_get_grade (assessment);

      g_hash_table_insert (names, (gpointer) xa_assessment_get_school_uuid (assessment), assessment);
      counts[grade <= XA_GRADE_FAIL ? grade : XA_GRADE_NONE]++;
      n_vetoed += xa_assessment_get_vetoed (assessment);
      if (xa_assessment_get_total (assessment) >= 0)
        {
          n_scored++;
          sum += xa_assessment_get_total (assessment);
        }
    }

  span = xa_school_year_format (data->school_year, FALSE);
  title = g_strdup_printf (XA_DISTRICT_TITLE, span);
  today = data->today != NULL ? g_strdup (data->today) : xa_date_today_iso ();
  today_text = xa_date_format_chinese (today);
  subtitle = g_strdup_printf (XA_DISTRICT_SUBTITLE, data->issuer != NULL ? data->issuer : "", today_text);
  average = n_scored > 0 ? xa_points_format (sum / n_scored) : g_strdup (XA_ASSESSMENT_NOT_SCORED);
  overview = g_strdup_printf (XA_DISTRICT_OVERVIEW, ranked->len, n_scored, average,
                              counts[XA_GRADE_EXCELLENT], counts[XA_GRADE_GOOD], counts[XA_GRADE_PASS],
                              counts[XA_GRADE_FAIL], n_vetoed);

  layout = xa_page_layout_new (fonts);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_SUBTITLE, NULL, g_strstrip (subtitle));
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_BODY, NULL, overview);

  add_ranking (layout, ranked);
  add_grades (layout, counts);
  add_vetoes (layout, ranked);
  if (ranked->len > 0)
    add_groups (layout, ranked);
  if (data->hazards != NULL)
    add_hazards (layout, data->hazards);
  if (data->coverage != NULL && data->coverage->len > 0)
    add_coverage (layout, data->coverage, names);
  if (data->previous != NULL && data->previous->len > 0)
    add_change (layout, data->assessments, data->previous, names);

  year = xa_school_year_format (data->school_year, FALSE);
  xa_page_layout_set_metadata (layout, title, data->issuer, year);
  return g_steal_pointer (&layout);
}

/**
 * xa_district_report_save:
 * @path: the PDF to write; written whole or not at all (xa_pdf_file_save())
 *
 * Returns: whether the summary was written
 */
gboolean
xa_district_report_save (const XaDistrictReportData  *data,
                         XaFontResolver              *fonts,
                         const char                  *path,
                         GError                     **error)
{
  g_autoptr(XaPageLayout) layout = xa_district_report_layout_new (data, fonts);

  return xa_page_layout_save_pdf (layout, path, error);
}

/**
 * xa_district_report_dup_file_name:
 *
 * Returns: (transfer full): 学校安全工作目标考核情况汇总 2021—2022学年度
 */
char *
xa_district_report_dup_file_name (int school_year)
{
  g_autofree char *year = xa_school_year_format (school_year, FALSE);

  return g_strdup_printf (XA_DISTRICT_FILE_NAME, year);
}
