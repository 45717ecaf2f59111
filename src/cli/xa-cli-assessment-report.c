/* xa-cli-assessment-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The yearly assessment's files on the command line (issue 14): `assessment report`
 * writes a school's score sheet (--school CODE) or the district's summary with its
 * charts (--district) as PDF; `assessment export` writes every school's scores as an
 * XLSX workbook. They only read; every file is written atomically, whole or not at all.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/assessment/xa-assessment-book.h"
#include "core/assessment/xa-assessment-export.h"
#include "core/education/xa-education-book.h"
#include "core/hazards/xa-hazard-summary.h"
#include "core/util/xa-school-year.h"
#include "document/xa-assessment-report.h"
#include "document/xa-district-report.h"

const XaCliOption xa_cli_assessment_report_options[] = {
  { "district", G_OPTION_ARG_NONE, N_("the district's summary of every school, with charts"), NULL, NULL },
  { "out", G_OPTION_ARG_FILENAME, N_("the PDF file to write"), "FILE.pdf",
    N_("--out needs a file name, such as 考核汇总.pdf") },
  { NULL }
};

const XaCliOption xa_cli_assessment_export_options[] = {
  { "out", G_OPTION_ARG_FILENAME, N_("the XLSX file to write"), "FILE.xlsx",
    N_("--out needs a file name, such as 考核得分.xlsx") },
  { NULL }
};

static int
parse_year (XaCli *cli,
            int   *year)
{
  g_autoptr(GError) error = NULL;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));
  if (!xa_school_year_parse (cli->year, year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  return EXIT_OK;
}

/* The year's assessments, ranked; those of the year before when @previous, an empty
 * list when that year has none. */
static GPtrArray *
list_year (XaAssessmentBook  *book,
           int                year,
           gboolean           previous,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *assessments = xa_assessment_book_list (book, year, &local_error);

  if (assessments == NULL && previous)
    return g_ptr_array_new_with_free_func (g_object_unref);
  if (assessments == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return assessments;
}

/* Each school's 受教育面, for the coverage chart; a school whose coverage cannot be read
 * is left out of the chart. */
static GArray *
read_coverage (XaEducationBook *book,
               GPtrArray       *assessments,
               int              year)
{
  GArray *coverage = g_array_new (FALSE, FALSE, sizeof (XaDistrictCoverage));

  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autoptr(XaEducationCoverage) computed = NULL;
      XaDistrictCoverage row = { xa_assessment_get_school_uuid (assessment), 0 };

      computed = xa_education_book_compute_coverage (book, row.school_uuid, year, NULL);
      if (computed == NULL || computed->population == 0)
        continue;
      row.percent = 100 * xa_education_coverage_get_rate (computed);
      g_array_append_val (coverage, row);
    }
  return coverage;
}

static gboolean
write_district (XaWorkspace       *workspace,
                XaAssessmentBook  *book,
                int                year,
                const char        *out,
                XaFontResolver    *fonts,
                GError           **error)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_autoptr(XaHazardSummary) hazards = NULL;
  g_autoptr(GArray) coverage = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  XaDistrictReportData data = { year, NULL, NULL, NULL, NULL, NULL, NULL };

  if (!(assessments = list_year (book, year, FALSE, error)) ||
      !(previous = list_year (book, year - 1, TRUE, error)) ||
      !(hazards = xa_hazard_summary_read (xa_workspace_get_hazards (workspace), year, NULL, NULL, error)))
    return FALSE;
  coverage = read_coverage (xa_workspace_get_education (workspace), assessments, year);

  data.assessments = assessments;
  data.previous = previous;
  data.hazards = hazards;
  data.coverage = coverage;
  layout = xa_district_report_layout_new (&data, fonts);
  return xa_cli_save_layout (layout, fonts, out, error);
}

static gboolean
write_school (XaWorkspace       *workspace,
              XaAssessmentBook  *book,
              int                year,
              const char        *code,
              const char        *out,
              XaFontResolver    *fonts,
              GError           **error)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  XaAssessment *found = NULL;
  guint n_ranked = 0;

  if (!(school = xa_cli_find_school (workspace, code, TRUE, error)) ||
      !(assessments = list_year (book, year, FALSE, error)))
    return FALSE;

  /* The year's list carries the ranks, and how many schools they run over. */
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);

      n_ranked += xa_assessment_get_rank (assessment) > 0;
      if (g_strcmp0 (xa_assessment_get_school_uuid (assessment), xa_organisation_get_uuid (school)) == 0)
        found = assessment;
    }
  if (found == NULL)
    {
      g_autoptr(XaAssessment) own = xa_assessment_book_dup (book, xa_organisation_get_uuid (school), year, error);

      if (own == NULL)
        return FALSE;
      layout = xa_assessment_report_layout_new (own, 0, fonts);
    }
  else
    layout = xa_assessment_report_layout_new (found, n_ranked, fonts);

  return xa_cli_save_layout (layout, fonts, out, error);
}

int
xa_cli_assessment_report (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaAssessmentBook) book = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  const char *out = xa_cli_get_option (cli, "out");
  gboolean district = xa_cli_get_switch (cli, "district");
  int year = 0;
  int status;
  gboolean ok;

  if ((status = parse_year (cli, &year)))
    return status;
  if (district == (cli->school != NULL))
    return xa_cli_usage_error (_("Give either --school CODE for a school's score sheet or --district for the district's summary"));
  if (out == NULL)
    return xa_cli_usage_error (_("--out is required: the PDF file to write"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  book = xa_assessment_book_new (xa_workspace_get_store (workspace));
  fonts = xa_font_resolver_new ();
  if (district)
    ok = write_district (workspace, book, year, out, fonts, &error);
  else
    ok = write_school (workspace, book, year, cli->school, out, fonts, &error);
  if (!ok)
    return xa_cli_user_error (error);

  /* Translators: the file written */
  g_print (district ? _("Wrote the district’s assessment summary to %s\n")
                    : _("Wrote the school’s score sheet to %s\n"), out);
  return EXIT_OK;
}

int
xa_cli_assessment_export (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaAssessmentBook) book = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  const char *out = xa_cli_get_option (cli, "out");
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)))
    return status;
  if (out == NULL)
    return xa_cli_usage_error (_("--out is required: the XLSX file to write"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  book = xa_assessment_book_new (xa_workspace_get_store (workspace));
  if (!(assessments = list_year (book, year, FALSE, &error)) ||
      !xa_assessment_export_xlsx (assessments, out, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Wrote the scores of %u school to %s\n",
                        "Wrote the scores of %u schools to %s\n",
                        assessments->len),
           assessments->len, out);
  return EXIT_OK;
}
