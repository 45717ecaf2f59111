/* test-incident-forms.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 演练记录表 and the 事故报告 read back with Poppler: their titles, facts, problems
 * and verdict in Chinese whatever the locale, and many problems breaking over pages
 * with none lost.
 */

#include "config.h"

#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "document/xa-drill-record.h"
#include "document/xa-incident-report.h"

#define SCHOOL "示例区实验小学"

static XaDrill *
make_drill (guint n_problems)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const char *evidence[] = { "6a0c1a43-2f6b-4c55-9a51-3f3c36f0e0a1", "7b0c1a43-2f6b-4c55-9a51-3f3c36f0e0a2", NULL };
  XaDrillFields fields = {
    .school_uuid = "s",
    .school_year = 2026,
    .held_on = "2026-09-18",
    .kind = XA_DRILL_KIND_EARTHQUAKE,
    .organiser = "安全办张主任",
    .participants = 812,
    .evacuation_seconds = 150,
    .target_seconds = 120,
    .improvements = "楼梯口增派教师引导",
    .evidence = evidence,
  };
  XaDrill *drill;

  for (guint i = 1; i <= n_problems; i++)
    g_ptr_array_add (problems, g_strdup_printf ("疏散问题第%u项", i));
  g_ptr_array_add (problems, NULL);
  fields.problems = (const char * const *) problems->pdata;
  drill = xa_drill_new ("d", "2150000113", SCHOOL, &fields);
  if (n_problems > 0)
    xa_drill_set_problem_hazard (drill, 0, "h", "2026-2027-2150000113-0042");
  return drill;
}

static void
test_drill_record (void)
{
  g_autoptr(XaDrill) drill = make_drill (2);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_drill_record_layout_new (drill, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "演练记录表.pdf");
  g_autofree char *text = xa_test_pdf_text (document);
  g_autofree char *squeezed = xa_test_squeeze (text);
  g_autofree char *file_name = xa_drill_record_dup_file_name (drill);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (squeezed, SCHOOL "应急疏散演练记录表"));
  g_assert_nonnull (strstr (squeezed, "演练日期2026年9月18日"));
  g_assert_nonnull (strstr (squeezed, "演练类型地震"));
  g_assert_nonnull (strstr (squeezed, "参与人数812人"));
  g_assert_nonnull (strstr (squeezed, "疏散用时2分30秒（超时）"));
  g_assert_nonnull (strstr (squeezed, "目标用时2分00秒"));
  g_assert_nonnull (strstr (squeezed, "疏散问题第1项"));
  g_assert_nonnull (strstr (squeezed, "2026-2027-"));
  g_assert_nonnull (strstr (squeezed, "改进措施楼梯口增派教师引导"));
  g_assert_nonnull (strstr (squeezed, "佐证材料已归档2份"));
  g_assert_nonnull (strstr (squeezed, "记录人签字"));
  g_assert_cmpstr (file_name, ==, "演练记录表 " SCHOOL " 2026-09-18");
}

/* Sixty problems: over more than one page, each once, in order. */
static void
test_drill_record_pages (void)
{
  g_autoptr(XaDrill) drill = make_drill (60);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_drill_record_layout_new (drill, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "演练记录表-长.pdf");
  g_autofree char *text = xa_test_pdf_text (document);
  g_autofree char *squeezed = xa_test_squeeze (text);
  const char *from = squeezed;

  g_assert_cmpint (poppler_document_get_n_pages (document), >, 1);
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *problem = g_strdup_printf ("疏散问题第%u项", i);
      const char *at = strstr (from, problem);

      g_assert_nonnull (at);
      from = at + strlen (problem);
    }
}

static void
test_incident_report (void)
{
  XaIncidentFields fields = {
    .school_uuid = "s",
    .school_year = 2026,
    .occurred_on = "2026-11-09",
    .kind = XA_INCIDENT_KIND_FOOD_POISONING,
    .severity = XA_INCIDENT_SEVERITY_LARGE,
    .finding = XA_INCIDENT_FINDING_NOT_RESPONSIBLE,
    .affected = 12,
    .reported_on = NULL,
    .reporting = XA_INCIDENT_REPORTING_CONCEALED,
    .summary = "午餐后12名学生腹泻",
  };
  g_autoptr(XaIncident) incident = xa_incident_new ("i", "2150000113", SCHOOL, &fields);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_incident_report_layout_new (incident, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "事故报告.pdf");
  g_autofree char *text = xa_test_pdf_text (document);
  g_autofree char *squeezed = xa_test_squeeze (text);
  g_autoptr(XaIncident) pending = NULL;
  g_autoptr(XaPageLayout) pending_layout = NULL;
  g_autoptr(PopplerDocument) pending_document = NULL;
  g_autofree char *pending_raw = NULL;
  g_autofree char *pending_text = NULL;

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (squeezed, SCHOOL "安全事故报告"));
  g_assert_nonnull (strstr (squeezed, "事故类型食物中毒"));
  g_assert_nonnull (strstr (squeezed, "事故等级较大"));
  g_assert_nonnull (strstr (squeezed, "涉及人数12人"));
  g_assert_nonnull (strstr (squeezed, "事故认定非责任"));
  g_assert_nonnull (strstr (squeezed, "报送日期未报送"));
  g_assert_nonnull (strstr (squeezed, "报送情况瞒报"));
  g_assert_nonnull (strstr (squeezed, "一票否决否决（V1、V4）"));
  g_assert_nonnull (strstr (squeezed, "简要经过午餐后12名学生腹泻"));

  /* A pending finding is printed as pending. */
  fields.kind = XA_INCIDENT_KIND_DROWNING;
  fields.severity = XA_INCIDENT_SEVERITY_ORDINARY;
  fields.finding = XA_INCIDENT_FINDING_PENDING;
  fields.reporting = XA_INCIDENT_REPORTING_ON_TIME;
  fields.reported_on = "2026-11-09";
  pending = xa_incident_new ("j", "2150000113", SCHOOL, &fields);
  pending_layout = xa_incident_report_layout_new (pending, fonts);
  pending_document = xa_test_pdf_render_layout (pending_layout, "事故报告-待认定.pdf");
  pending_raw = xa_test_pdf_text (pending_document);
  pending_text = xa_test_squeeze (pending_raw);
  g_assert_nonnull (strstr (pending_text, "一票否决待认定（V1）"));
  g_assert_nonnull (strstr (pending_text, "事故认定待认定"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/incident-forms/drill-record", test_drill_record);
  g_test_add_func ("/incident-forms/drill-record-pages", test_drill_record_pages);
  g_test_add_func ("/incident-forms/incident-report", test_incident_report);

  return g_test_run ();
}
