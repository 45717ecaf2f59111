/* xa-assessment-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every school's scores of a year as an Excel workbook, for the commission's own
 * tables: a sheet 考核得分 with a row per school in the ranking's order (rank, code,
 * name, state, both totals, grade, veto) and, for each indicator, the self and the
 * commission's score side by side, then the H events; a sheet 一票否决 with every veto's
 * school, ground, reason, decider and date. Written atomically (xa-atomic-file.c), in
 * Chinese whatever the interface's language, as the printed reports are.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <xlsxwriter.h>

#include "xa-assessment-export.h"
#include "core/util/xa-atomic-file.h"

/**
 * xa_grade_to_chinese:
 *
 * Returns: the grade as the documents and files print it: 优秀, 良好, 合格, 不合格, 未评定
 *   (xa_grade_to_label() is the interface's, translated)
 */
const char *
xa_grade_to_chinese (XaGrade grade)
{
  switch (grade)
    {
    case XA_GRADE_EXCELLENT:
      return "优秀";
    case XA_GRADE_GOOD:
      return "良好";
    case XA_GRADE_PASS:
      return "合格";
    case XA_GRADE_FAIL:
      return "不合格";
    case XA_GRADE_NONE:
    default:
      return "未评定";
    }
}

/**
 * xa_assessment_state_to_chinese:
 *
 * Returns: the state of a school's scoring round as the documents print it
 */
const char *
xa_assessment_state_to_chinese (XaAssessmentState state)
{
  switch (state)
    {
    case XA_ASSESSMENT_STATE_SELF_ASSESSED:
      return "已自评";
    case XA_ASSESSMENT_STATE_SCORED:
      return "已考核";
    case XA_ASSESSMENT_STATE_FINALISED:
      return "已定稿";
    case XA_ASSESSMENT_STATE_NOT_STARTED:
    default:
      return "未开始";
    }
}

static const char * const fixed_headings[] = {
  "排名", "学校标识码", "学校", "状态", "自评总分", "考核总分", "等级", "一票否决",
};

static lxw_error
write_number_or_blank (lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      column,
                       double         value,
                       lxw_format    *format)
{
  if (value < 0)
    return worksheet_write_blank (sheet, row, column, format);
  return worksheet_write_number (sheet, row, column, value, format);
}

static lxw_error
write_scores (lxw_workbook *workbook,
              GPtrArray    *assessments,
              lxw_format   *header,
              lxw_format   *number)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "考核得分");
  XaScheme *scheme = assessments->len > 0 ? xa_assessment_get_scheme (g_ptr_array_index (assessments, 0)) : NULL;
  guint n_indicators = scheme != NULL ? xa_scheme_get_n_indicators (scheme) : 0;
  lxw_col_t first = G_N_ELEMENTS (fixed_headings);
  lxw_col_t h_column = first + 2 * n_indicators;
  lxw_error status = LXW_NO_ERROR;

  for (lxw_col_t c = 0; c < first && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (sheet, 0, c, fixed_headings[c], header);
  for (guint i = 0; i < n_indicators && status == LXW_NO_ERROR; i++)
    {
      const char *code = xa_indicator_get_code (xa_scheme_get_indicator (scheme, i));
      g_autofree char *self_heading = g_strdup_printf ("%s 自评分", code);
      g_autofree char *heading = g_strdup_printf ("%s 考核分", code);

      status = worksheet_write_string (sheet, 0, first + 2 * i, self_heading, header);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, 0, first + 2 * i + 1, heading, header);
    }
  if (status == LXW_NO_ERROR)
    status = worksheet_write_string (sheet, 0, h_column, "H 事件数", header);
  if (status == LXW_NO_ERROR)
    status = worksheet_set_column (sheet, 2, 2, 28, NULL);

  for (guint r = 0; r < assessments->len && status == LXW_NO_ERROR; r++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, r);
      lxw_row_t row = r + 1;
      gboolean scored = xa_assessment_get_total (assessment) >= 0 || xa_assessment_get_vetoed (assessment);

      if (xa_assessment_get_rank (assessment) > 0)
        status = worksheet_write_number (sheet, row, 0, xa_assessment_get_rank (assessment), NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, 1, xa_assessment_get_school_code (assessment), NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, 2, xa_assessment_get_school_name (assessment), NULL);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, 3, xa_assessment_state_to_chinese (xa_assessment_get_state (assessment)), NULL);
      if (status == LXW_NO_ERROR)
        status = write_number_or_blank (sheet, row, 4, xa_assessment_get_self_total (assessment), number);
      if (status == LXW_NO_ERROR)
        status = write_number_or_blank (sheet, row, 5, xa_assessment_get_total (assessment), number);
      if (status == LXW_NO_ERROR)
        status = worksheet_write_string (sheet, row, 6,
                                         xa_grade_to_chinese (scored ? xa_assessment_get_grade (assessment) : XA_GRADE_NONE), NULL);
      if (status == LXW_NO_ERROR && xa_assessment_get_vetoed (assessment))
        status = worksheet_write_string (sheet, row, 7, "是", NULL);

      for (guint i = 0; i < n_indicators && status == LXW_NO_ERROR; i++)
        {
          const char *code = xa_indicator_get_code (xa_scheme_get_indicator (scheme, i));
          const XaIndicatorScore *score = xa_assessment_get_score (assessment, code);

          if (score == NULL)
            continue;
          status = write_number_or_blank (sheet, row, first + 2 * i, score->self_score, number);
          if (status == LXW_NO_ERROR)
            status = write_number_or_blank (sheet, row, first + 2 * i + 1,
                                            xa_assessment_get_commission_visible (assessment) ? score->score : -1,
                                            number);
        }
      if (status == LXW_NO_ERROR && xa_assessment_get_commission_visible (assessment))
        status = worksheet_write_number (sheet, row, h_column, xa_assessment_get_n_h_events (assessment), NULL);
    }

  if (status == LXW_NO_ERROR)
    {
      worksheet_freeze_panes (sheet, 1, 3);
      status = worksheet_autofilter (sheet, 0, 0, assessments->len, h_column);
    }
  return status;
}

static lxw_error
write_vetoes (lxw_workbook *workbook,
              GPtrArray    *assessments,
              lxw_format   *header)
{
  static const char * const headings[] = { "学校标识码", "学校", "否决事项", "理由", "认定人", "认定日期" };
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "一票否决");
  lxw_error status = LXW_NO_ERROR;
  lxw_row_t row = 1;

  for (lxw_col_t c = 0; c < G_N_ELEMENTS (headings) && status == LXW_NO_ERROR; c++)
    status = worksheet_write_string (sheet, 0, c, headings[c], header);
  if (status == LXW_NO_ERROR)
    status = worksheet_set_column (sheet, 3, 3, 40, NULL);

  for (guint r = 0; r < assessments->len && status == LXW_NO_ERROR; r++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, r);

      if (!xa_assessment_get_vetoed (assessment))
        continue;
      for (guint v = 0; v < xa_assessment_get_n_vetoes (assessment) && status == LXW_NO_ERROR; v++, row++)
        {
          const XaVetoDecision *veto = xa_assessment_get_veto (assessment, v);
          const char *cells[] = {
            xa_assessment_get_school_code (assessment), xa_assessment_get_school_name (assessment),
            veto->ground, veto->reason, veto->decided_by, veto->decided_on,
          };

          for (lxw_col_t c = 0; c < G_N_ELEMENTS (cells) && status == LXW_NO_ERROR; c++)
            status = worksheet_write_string (sheet, row, c, cells[c] != NULL ? cells[c] : "", NULL);
        }
    }
  return status;
}

/**
 * xa_assessment_export_xlsx:
 * @assessments: (element-type XaAssessment): a year's assessments, in the order of the rows
 * @path: (type filename): where to write; an existing file is replaced, whole
 *
 * Writes every school's scores as an Excel workbook (see the file's comment). Scores a
 * reader may not see (the commission's before they are published to a school) are left
 * blank. Blocks.
 */
gboolean
xa_assessment_export_xlsx (GPtrArray   *assessments,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(XaAtomicFile) file = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *number;
  lxw_error status;
  locale_t c_locale;
  locale_t previous;

  g_return_val_if_fail (assessments != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = xa_atomic_file_new (path, error)))
    return FALSE;
  if (!(workbook = workbook_new_opt (xa_atomic_file_get_temp_path (file), &options)))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”"), display);
      return FALSE;
    }

  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_align (header, LXW_ALIGN_CENTER);
  format_set_border (header, LXW_BORDER_THIN);
  number = workbook_add_format (workbook);
  format_set_num_format (number, "0.##");

  status = write_scores (workbook, assessments, header, number);
  if (status == LXW_NO_ERROR)
    status = write_vetoes (workbook, assessments, header);

  /* Numbers are written with printf: in the C locale, whatever the user's. */
  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  previous = uselocale (c_locale);
  if (status == LXW_NO_ERROR)
    status = workbook_close (workbook);
  else
    workbook_close (workbook);
  uselocale (previous);
  freelocale (c_locale);

  if (status != LXW_NO_ERROR)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), display, lxw_strerror (status));
      return FALSE;
    }

  return xa_atomic_file_commit (file, error);
}
