/* xa-assessment-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One school's yearly assessment as the score sheet the commission signs (domain.md
 * §2.3): A4 turned, the title with the school and the school year, a line with the two
 * totals, the grade, the rank and the state, then the table of every indicator with the
 * columns 序号, 一级指标, 考核内容, 分值, 扣分标准, 考核方式, 自评分, 自评说明, 考核分, 扣分说明 and
 * 考核人, a subtotal after each first-level indicator, the H events, the total, the veto
 * decisions with their reasons and the grade, and under it the signatures: 学校（盖章）,
 * 自评负责人, 考核组, 日期. Laid out by the page engine's table (xa-page-table.c), in Chinese
 * whatever the interface's language (xa-assessment-words.h).
 */

#include "config.h"

#include "xa-assessment-report.h"
#include "xa-assessment-words.h"
#include "core/assessment/xa-assessment-export.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* Eleven columns on A4 turned in 小五 (9 pt), as the hazard ledger's twelve. */
#define SHEET_SIZE 9.0

/**
 * xa_assessment_dup_score_text:
 * @score: a score, or a negative number for none
 *
 * Returns: (transfer full): the score as the reports print it: 92.5, or — for none
 */
char *
xa_assessment_dup_score_text (double score)
{
  return score < 0 ? g_strdup (XA_ASSESSMENT_NOT_SCORED) : xa_points_format (score);
}

static XaPageTable *
sheet_table_new (void)
{
  static const struct
  {
    const char   *heading;
    double        weight;
    XaTableAlign  align;
  } columns[] = {
    { XA_ASSESSMENT_COL_NUMBER, 2.0, XA_TABLE_ALIGN_CENTRE },
    { XA_ASSESSMENT_COL_GROUP, 5.0, XA_TABLE_ALIGN_CENTRE },
    { XA_ASSESSMENT_COL_CONTENT, 13.0, XA_TABLE_ALIGN_LEFT },
    { XA_ASSESSMENT_COL_POINTS, 2.5, XA_TABLE_ALIGN_CENTRE },
    { XA_ASSESSMENT_COL_STANDARD, 11.0, XA_TABLE_ALIGN_LEFT },
    { XA_ASSESSMENT_COL_METHOD, 5.0, XA_TABLE_ALIGN_LEFT },
    { XA_ASSESSMENT_COL_SELF, 3.0, XA_TABLE_ALIGN_CENTRE },
    { XA_ASSESSMENT_COL_SELF_NOTES, 6.0, XA_TABLE_ALIGN_LEFT },
    { XA_ASSESSMENT_COL_SCORE, 3.0, XA_TABLE_ALIGN_CENTRE },
    { XA_ASSESSMENT_COL_NOTES, 7.5, XA_TABLE_ALIGN_LEFT },
    { XA_ASSESSMENT_COL_ASSESSOR, 3.5, XA_TABLE_ALIGN_CENTRE },
  };
  XaPageTable *table = xa_page_table_new (SHEET_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    xa_page_table_add_column (table, columns[i].heading, columns[i].weight, columns[i].align);

  return table;
}

/* The commission's note, with the suggestion it did not take and why. */
static char *
dup_notes (const XaIndicatorScore *score)
{
  g_autofree char *suggestion = NULL;

  if (score->accepted || score->suggestion < 0 || score->override_reason == NULL ||
      score->override_reason[0] == '\0')
    return g_strdup (score->notes != NULL ? score->notes : "");

  suggestion = xa_points_format (score->suggestion);
  return g_strdup_printf ("%s" XA_ASSESSMENT_OVERRIDE, score->notes != NULL ? score->notes : "",
                          suggestion, score->override_reason);
}

static void
add_indicator_row (XaPageTable  *table,
                   XaAssessment *assessment,
                   XaIndicator  *indicator,
                   const char   *group_label)
{
  const XaIndicatorScore *score = xa_assessment_get_score (assessment, xa_indicator_get_code (indicator));
  g_autofree char *points = xa_points_format (xa_indicator_get_points (indicator));
  g_autofree char *self_score = xa_assessment_dup_score_text (score != NULL ? score->self_score : -1);
  g_autofree char *commission = xa_assessment_dup_score_text (score != NULL && xa_assessment_get_commission_visible (assessment)
                                                              ? score->score : -1);
  g_autofree char *notes = score != NULL && xa_assessment_get_commission_visible (assessment) ? dup_notes (score) : g_strdup ("");
  const char *cells[] = {
    xa_indicator_get_code (indicator), group_label,
    xa_indicator_get_content (indicator), points,
    xa_indicator_get_standard (indicator), xa_indicator_get_method (indicator),
    self_score, score != NULL && score->self_notes != NULL ? score->self_notes : "",
    commission, notes,
    score != NULL && score->scored_by != NULL && xa_assessment_get_commission_visible (assessment) ? score->scored_by : "",
    NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells) - 1; i++)
    if (cells[i] == NULL)
      cells[i] = "";

  xa_page_table_add_row (table, cells);
}

static void
add_total_row (XaPageTable *table,
               const char  *label,
               double       points,
               double       self_score,
               double       score)
{
  g_autofree char *points_text = xa_points_format (points);
  g_autofree char *self_text = xa_assessment_dup_score_text (self_score);
  g_autofree char *score_text = xa_assessment_dup_score_text (score);
  const char *cells[] = { "", label, "", points_text, "", "", self_text, "", score_text, "", "", NULL };

  xa_page_table_add_row (table, cells);
}

static void
add_group (XaPageTable         *table,
           XaAssessment        *assessment,
           const XaSchemeGroup *group)
{
  XaScheme *scheme = xa_assessment_get_scheme (assessment);
  g_autofree char *points = xa_points_format (group->points);
  g_autofree char *label = g_strdup_printf (XA_ASSESSMENT_GROUP_LABEL, group->code, group->title, points);
  g_autofree char *subtotal = g_strdup_printf (XA_ASSESSMENT_SUBTOTAL, group->code);
  gboolean first = TRUE;
  double group_points = 0;

  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);

      if (g_strcmp0 (xa_indicator_get_group (indicator), group->code) != 0)
        continue;
      add_indicator_row (table, assessment, indicator, first ? label : "");
      group_points += xa_indicator_get_points (indicator);
      first = FALSE;
    }

  if (first)
    return;

  add_total_row (table, subtotal, group_points,
                 xa_assessment_get_self_total (assessment) < 0 ? -1 : xa_assessment_group_total (assessment, group->code, FALSE),
                 xa_assessment_get_total (assessment) < 0 ? -1 : xa_assessment_group_total (assessment, group->code, TRUE));
}

static void
add_h_row (XaPageTable  *table,
           XaAssessment *assessment)
{
  XaScheme *scheme = xa_assessment_get_scheme (assessment);
  guint n = xa_assessment_get_n_h_events (assessment);
  g_autofree char *each = xa_points_format (xa_scheme_get_h_points (scheme));
  g_autofree char *deducted = xa_points_format (n * xa_scheme_get_h_points (scheme));
  g_autofree char *count = g_strdup_printf (XA_ASSESSMENT_H_COUNT, n, each, deducted);
  g_autofree char *minus = n > 0 ? g_strdup_printf ("-%s", deducted) : g_strdup ("0");
  const char *notes = xa_assessment_get_h_notes (assessment);
  g_autofree char *explained = notes != NULL && notes[0] != '\0' ? g_strdup_printf ("%s\n%s", count, notes) : g_strdup (count);
  gboolean visible = xa_assessment_get_commission_visible (assessment) &&
                     xa_assessment_get_state (assessment) >= XA_ASSESSMENT_STATE_SCORED;
  const char *cells[] = {
    "H", XA_ASSESSMENT_H_LABEL, xa_scheme_get_h_text (scheme), "", "", "", "", "",
    visible ? minus : XA_ASSESSMENT_NOT_SCORED, visible ? explained : "", "", NULL,
  };

  if (cells[2] == NULL)
    cells[2] = "";
  xa_page_table_add_row (table, cells);
}

/* The veto decisions, each with its ground, reason, decider and date, and what follows
 * from them; 无 when there is none. */
static char *
dup_vetoes (XaAssessment *assessment)
{
  XaScheme *scheme = xa_assessment_get_scheme (assessment);
  GString *text = g_string_new (NULL);
  g_autofree char *raw = NULL;

  if (!xa_assessment_get_vetoed (assessment))
    return g_string_free (g_string_append (text, XA_ASSESSMENT_VETO_NONE), FALSE);

  for (guint i = 0; i < xa_assessment_get_n_vetoes (assessment); i++)
    {
      const XaVetoDecision *veto = xa_assessment_get_veto (assessment, i);
      const XaSchemeVeto *item = xa_scheme_find_veto (scheme, veto->ground);
      g_autofree char *date = xa_date_format_chinese (veto->decided_on);

      g_string_append_printf (text, XA_ASSESSMENT_VETO_LINE "\n", veto->ground,
                              item != NULL && item->text != NULL ? item->text : "",
                              veto->reason != NULL ? veto->reason : "",
                              veto->decided_by != NULL ? veto->decided_by : "",
                              date != NULL ? date : "");
    }

  raw = xa_assessment_dup_score_text (xa_assessment_get_total (assessment));
  g_string_append_printf (text, XA_ASSESSMENT_VETO_EFFECT, raw);
  return g_string_free (text, FALSE);
}

static char *
dup_title (XaAssessment *assessment)
{
  g_autofree char *year = xa_school_year_format_span (xa_assessment_get_school_year (assessment));

  return g_strdup_printf (XA_ASSESSMENT_SHEET_TITLE, xa_assessment_get_school_name (assessment), year);
}

/**
 * xa_assessment_report_layout_new:
 * @assessment: a school's assessment of a school year, as the assessment book read it
 * @n_schools: how many schools were ranked, for 排名 3/48; 0 to leave the rank out
 *
 * The score sheet in the official style, A4 turned: see the file's comment. A side the
 * reader may not see yet (the commission's scores before they are published to a school)
 * prints —.
 *
 * Returns: (transfer full): the sheet's pages
 */
XaPageLayout *
xa_assessment_report_layout_new (XaAssessment   *assessment,
                                 guint           n_schools,
                                 XaFontResolver *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  XaScheme *scheme;
  XaPageTable *table;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *self_total = NULL;
  g_autofree char *total = NULL;
  g_autofree char *rank = NULL;
  g_autofree char *vetoes = NULL;
  g_autofree char *date = NULL;
  g_autofree char *year = NULL;
  const char *grade;

  g_return_val_if_fail (XA_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  scheme = xa_assessment_get_scheme (assessment);
  title = dup_title (assessment);
  self_total = xa_assessment_dup_score_text (xa_assessment_get_self_total (assessment));
  total = xa_assessment_dup_score_text (xa_assessment_get_total (assessment));
  grade = xa_grade_to_chinese (xa_assessment_get_grade (assessment));
  rank = n_schools > 0 && xa_assessment_get_rank (assessment) > 0
         ? g_strdup_printf (XA_ASSESSMENT_RANK, xa_assessment_get_rank (assessment), n_schools)
         : g_strdup (XA_ASSESSMENT_NOT_SCORED);
  summary = g_strdup_printf (XA_ASSESSMENT_SHEET_SUMMARY, self_total, total, grade, rank,
                             xa_assessment_state_to_chinese (xa_assessment_get_state (assessment)));

  table = sheet_table_new ();
  for (guint i = 0; i < xa_scheme_get_n_groups (scheme); i++)
    add_group (table, assessment, xa_scheme_get_group (scheme, i));
  add_h_row (table, assessment);
  add_total_row (table, XA_ASSESSMENT_TOTAL, xa_scheme_get_total (scheme),
                 xa_assessment_get_self_total (assessment), xa_assessment_get_total (assessment));

  vetoes = dup_vetoes (assessment);
  {
    const char *veto_cells[] = { "", XA_ASSESSMENT_VETO_LABEL, vetoes, NULL };
    const char *grade_cells[] = { "", XA_ASSESSMENT_GRADE_LABEL, grade, NULL };

    xa_page_table_add_row (table, veto_cells);
    xa_page_table_add_row (table, grade_cells);
  }

  if (xa_assessment_get_finalised_at (assessment) != NULL)
    {
      g_autofree char *day = g_strndup (xa_assessment_get_finalised_at (assessment), 10);

      date = xa_date_format_chinese (day);
    }
  {
    g_autofree char *date_item = g_strdup_printf (XA_ASSESSMENT_SIGN_DATE,
                                                  date != NULL ? date : XA_ASSESSMENT_BLANK_DATE);
    const char *foot[] = { XA_ASSESSMENT_SIGN_SCHOOL, XA_ASSESSMENT_SIGN_SELF, XA_ASSESSMENT_SIGN_GROUP, date_item, NULL };

    xa_page_table_set_foot (table, foot);
  }

  layout = xa_page_layout_new (fonts);
  xa_page_layout_set_orientation (layout, XA_PAGE_LANDSCAPE);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_FLUSH, NULL, summary);
  xa_page_layout_add_table (layout, table);

  year = xa_school_year_format (xa_assessment_get_school_year (assessment), FALSE);
  xa_page_layout_set_metadata (layout, title, xa_assessment_get_school_name (assessment), year);
  return g_steal_pointer (&layout);
}

/**
 * xa_assessment_report_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the sheet's PDF, without extension:
 *   安全工作目标考核评分表 示例区实验小学 2021—2022学年度
 */
char *
xa_assessment_report_dup_file_name (XaAssessment *assessment)
{
  g_autofree char *year = xa_school_year_format (xa_assessment_get_school_year (assessment), FALSE);

  return g_strdup_printf (XA_ASSESSMENT_FILE_NAME, xa_assessment_get_school_name (assessment), year);
}
