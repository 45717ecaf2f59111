/* xa-incident-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An incident's report (安全事故报告, issue 13) on the page engine: A4 upright, the title
 * 《××学校安全事故报告》, the facts the veto test reads (type, grade, people affected,
 * responsibility finding, when and how it was reported, a bad influence) and what the
 * test makes of them, the account of what happened, and the signatures of the reporter
 * and the school's head with the seal. Also what it shares with the drill's record:
 * the table of facts and the page.
 */

#include "config.h"

#include "xa-incident-form-private.h"
#include "xa-incident-report.h"
#include "core/education/xa-veto.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* The head in 小四 (12 pt), as the inspection record's. */
#define FACTS_SIZE 12.0

XaPageTable *
_xa_incident_form_facts_new (void)
{
  XaPageTable *table = xa_page_table_new (FACTS_SIZE);

  /* Labels of four characters beside their values. */
  xa_page_table_add_column (table, NULL, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, NULL, 10.5, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (table, NULL, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (table, NULL, 10.5, XA_TABLE_ALIGN_LEFT);
  return table;
}

/* Two labels and their values on a row, or one label and its value over the rest. */
void
_xa_incident_form_add_facts (XaPageTable *table,
                             const char  *label,
                             const char  *value,
                             const char  *label2,
                             const char  *value2)
{
  const char *cells[] = {
    label, value != NULL && value[0] != '\0' ? value : XA_FORM_NONE,
    label2, label2 == NULL ? NULL : value2 != NULL && value2[0] != '\0' ? value2 : XA_FORM_NONE, NULL,
  };

  xa_page_table_add_row (table, cells);
}

XaPageLayout *
_xa_incident_form_layout_new (XaFontResolver *fonts,
                              const char     *title,
                              const char     *school_name,
                              int             school_year,
                              const char     *date,
                              XaPageTable    *facts,
                              XaPageTable    *body)
{
  XaPageLayout *layout = xa_page_layout_new (fonts);
  g_autofree char *metadata_title = g_strdup_printf ("%s（%s）", title, date);
  g_autofree char *year = xa_school_year_format (school_year, FALSE);

  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  xa_page_layout_add_table (layout, facts);
  if (body != NULL)
    xa_page_layout_add_table (layout, body);
  xa_page_layout_set_metadata (layout, metadata_title, school_name, year);
  return layout;
}

/* What the veto test makes of the incident, every ground it vetoes on: 否决（V1、V4）. */
static char *
dup_verdict (XaIncident *incident)
{
  g_autoptr(GPtrArray) incidents = g_ptr_array_new ();
  g_autoptr(GPtrArray) verdicts = NULL;
  g_autoptr(GString) grounds = g_string_new ("");
  XaVetoVerdict *verdict;
  XaVetoState state;

  g_ptr_array_add (incidents, incident);
  verdicts = xa_veto_judge (incidents, NULL, 0);
  verdict = g_ptr_array_index (verdicts, 0);
  state = xa_veto_verdict_get_state (verdict);
  if (state == XA_VETO_STATE_CLEAR)
    return g_strdup (XA_INCIDENT_REPORT_CLEAR);

  for (guint i = 0; i < xa_veto_verdict_get_n_reasons (verdict); i++)
    if (xa_veto_verdict_get_reason_state (verdict, i) == state)
      g_string_append_printf (grounds, "%s%s", grounds->len > 0 ? "、" : "",
                              xa_veto_ground_to_key (xa_veto_verdict_get_reason_ground (verdict, i)));
  return g_strdup_printf (state == XA_VETO_STATE_VETOED ? XA_INCIDENT_REPORT_VETOED : XA_INCIDENT_REPORT_PENDING,
                          grounds->str);
}

/**
 * xa_incident_report_layout_new:
 * @incident: an incident as read, with its school's name
 *
 * Returns: (transfer full): the report's pages
 */
XaPageLayout *
xa_incident_report_layout_new (XaIncident     *incident,
                               XaFontResolver *fonts)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *people = NULL;
  g_autofree char *verdict = NULL;
  XaPageTable *facts;

  g_return_val_if_fail (XA_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  date = xa_date_format_chinese (xa_incident_get_occurred_on (incident));
  reported = xa_incident_get_reported_on (incident) != NULL
             ? xa_date_format_chinese (xa_incident_get_reported_on (incident)) : g_strdup (XA_INCIDENT_REPORT_NOT_YET);
  people = g_strdup_printf (XA_FORM_PEOPLE, xa_incident_get_affected (incident));
  verdict = dup_verdict (incident);

  facts = _xa_incident_form_facts_new ();
  _xa_incident_form_add_facts (facts, XA_INCIDENT_REPORT_SCHOOL, xa_incident_get_school_name (incident), NULL, NULL);
  _xa_incident_form_add_facts (facts, XA_INCIDENT_REPORT_DATE, date,
                               XA_INCIDENT_REPORT_KIND, xa_incident_kind_to_chinese (xa_incident_get_kind (incident)));
  _xa_incident_form_add_facts (facts, XA_INCIDENT_REPORT_SEVERITY,
                               xa_incident_severity_to_chinese (xa_incident_get_severity (incident)),
                               XA_INCIDENT_REPORT_AFFECTED, people);
  _xa_incident_form_add_facts (facts, XA_INCIDENT_REPORT_FINDING,
                               xa_incident_finding_to_chinese (xa_incident_get_finding (incident)),
                               XA_INCIDENT_REPORT_INFLUENCE,
                               xa_incident_get_bad_influence (incident) ? XA_INCIDENT_REPORT_YES : XA_INCIDENT_REPORT_NO);
  _xa_incident_form_add_facts (facts, XA_INCIDENT_REPORT_REPORTED, reported, XA_INCIDENT_REPORT_REPORTING,
                               xa_incident_reporting_to_chinese (xa_incident_get_reporting (incident)));
  _xa_incident_form_add_facts (facts, XA_INCIDENT_REPORT_VETO, verdict, NULL, NULL);

  /* What happened, over the whole width; the signatures under the table. */
  {
    const char *cells[] = { XA_INCIDENT_REPORT_SUMMARY, xa_incident_get_summary (incident), NULL };
    const char *foot[] = { XA_INCIDENT_REPORT_REPORTER, XA_INCIDENT_REPORT_HEAD, XA_FORM_DATE, NULL };

    xa_page_table_add_row (facts, cells);
    xa_page_table_set_foot (facts, foot);
  }

  title = g_strdup_printf (XA_INCIDENT_REPORT_TITLE, xa_incident_get_school_name (incident));
  return _xa_incident_form_layout_new (fonts, title, xa_incident_get_school_name (incident),
                                       xa_incident_get_school_year (incident), xa_incident_get_occurred_on (incident),
                                       facts, NULL);
}

/**
 * xa_incident_report_dup_file_name:
 *
 * Returns: (transfer full): 事故报告 示例区实验小学 2026-10-09, without extension
 */
char *
xa_incident_report_dup_file_name (XaIncident *incident)
{
  return g_strdup_printf (XA_INCIDENT_REPORT_FILE_NAME, xa_incident_get_school_name (incident),
                          xa_incident_get_occurred_on (incident));
}
