/* xa-drill-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drill's record as the school files it (应急疏散演练记录表, issue 13), on the page
 * engine as the inspection's record is: A4 upright, the title 《××学校应急疏散演练记录表》,
 * a head of the drill's facts (日期, 类型, 组织者, 参与人数, 疏散用时 against the target),
 * the problems found in a table with the number of the hazard each became, the
 * improvements and the archived evidence, and the signatures of the recorder and the
 * head with a date to write by hand.
 */

#include "config.h"

#include "xa-drill-record.h"
#include "xa-incident-form-private.h"
#include "xa-table-cells.h"
#include "core/util/xa-date.h"

/* The problems in 五号 (10.5 pt), as the inspection record's items. */
#define PROBLEMS_SIZE 10.5

static char *
dup_seconds (int seconds)
{
  return seconds > 0 ? g_strdup_printf (XA_FORM_SECONDS, seconds / 60, seconds % 60) : g_strdup (XA_FORM_NONE);
}

static XaPageTable *
facts_new (XaDrill *drill)
{
  XaPageTable *table = _xa_incident_form_facts_new ();
  g_autofree char *date = xa_date_format_chinese (xa_drill_get_held_on (drill));
  g_autofree char *people = g_strdup_printf (XA_FORM_PEOPLE, xa_drill_get_participants (drill));
  g_autofree char *time = dup_seconds (xa_drill_get_evacuation_seconds (drill));
  g_autofree char *target = dup_seconds (xa_drill_get_target_seconds (drill));
  const char *other = xa_drill_get_kind_other (drill);
  const char *kind = xa_drill_get_kind (drill) == XA_DRILL_KIND_OTHER && other[0] != '\0'
                     ? other : xa_drill_kind_to_chinese (xa_drill_get_kind (drill));

  if (xa_drill_get_evacuation_seconds (drill) > 0 && xa_drill_get_target_seconds (drill) > 0)
    {
      char *judged = g_strconcat (time, xa_drill_get_within_target (drill) ? XA_DRILL_RECORD_WITHIN
                                                                           : XA_DRILL_RECORD_OVER, NULL);

      g_free (time);
      time = judged;
    }
  _xa_incident_form_add_facts (table, XA_DRILL_RECORD_DATE, date, XA_DRILL_RECORD_KIND, kind);
  _xa_incident_form_add_facts (table, XA_DRILL_RECORD_ORGANISER, xa_drill_get_organiser (drill),
                               XA_DRILL_RECORD_PEOPLE, people);
  _xa_incident_form_add_facts (table, XA_DRILL_RECORD_TIME, time, XA_DRILL_RECORD_TARGET, target);
  return table;
}

static XaPageTable *
problems_new (XaDrill *drill)
{
  XaPageTable *table = xa_page_table_new (PROBLEMS_SIZE);
  guint n_evidence = g_strv_length ((char **) xa_drill_get_evidence (drill));
  g_autofree char *evidence = n_evidence > 0 ? g_strdup_printf (XA_DRILL_RECORD_FILES, n_evidence) : NULL;

  /* 序号 as wide as the four characters of 改进措施 and 佐证材料 under it. */
  xa_page_table_add_column (table, XA_DRILL_RECORD_SEQUENCE, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, XA_DRILL_RECORD_PROBLEM, 25.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, XA_DRILL_RECORD_HAZARD, 9.0, XA_TABLE_ALIGN_CENTRE);

  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    {
      g_autofree char *sequence = g_strdup_printf ("%u", i + 1);
      g_autofree char *hazard = xa_table_cell_number (xa_drill_get_problem_hazard_number (drill, i));
      const char *cells[] = { sequence, xa_drill_get_problem (drill, i), hazard, NULL };

      xa_page_table_add_row (table, cells);
    }
  if (xa_drill_get_n_problems (drill) == 0)
    {
      const char *cells[] = { XA_FORM_NONE, XA_DRILL_RECORD_NO_PROBLEM, NULL };

      xa_page_table_add_row (table, cells);
    }
  {
    const char *improvements = xa_drill_get_improvements (drill);
    const char *cells[] = { XA_DRILL_RECORD_IMPROVE, improvements[0] != '\0' ? improvements : XA_FORM_NONE, NULL };

    xa_page_table_add_row (table, cells);
  }
  {
    const char *cells[] = { XA_DRILL_RECORD_EVIDENCE, evidence != NULL ? evidence : XA_FORM_NONE, NULL };

    xa_page_table_add_row (table, cells);
  }
  {
    const char *foot[] = { XA_DRILL_RECORD_RECORDER, XA_DRILL_RECORD_HEAD, XA_FORM_DATE, NULL };

    xa_page_table_set_foot (table, foot);
  }
  return table;
}

/**
 * xa_drill_record_layout_new:
 * @drill: a drill as read, with its school's name
 *
 * Returns: (transfer full): the record's pages
 */
XaPageLayout *
xa_drill_record_layout_new (XaDrill        *drill,
                            XaFontResolver *fonts)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (XA_IS_DRILL (drill), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  title = g_strdup_printf (XA_DRILL_RECORD_TITLE, xa_drill_get_school_name (drill));
  return _xa_incident_form_layout_new (fonts, title, xa_drill_get_school_name (drill), xa_drill_get_school_year (drill),
                                       xa_drill_get_held_on (drill), facts_new (drill), problems_new (drill));
}

/**
 * xa_drill_record_dup_file_name:
 *
 * Returns: (transfer full): 演练记录表 示例区实验小学 2026-09-18, without extension
 */
char *
xa_drill_record_dup_file_name (XaDrill *drill)
{
  return g_strdup_printf (XA_DRILL_RECORD_FILE_NAME, xa_drill_get_school_name (drill), xa_drill_get_held_on (drill));
}
