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

static gboolean
write_district (XaWorkspace       *workspace,
                XaAssessmentBook  *book,
                int                year,
                const char        *out,
                XaFontResolver    *fonts,
                GError           **error)
{
  g_autoptr(XaPageLayout) layout = xa_district_report_read (workspace, book, year, fonts, error);

  return layout != NULL && xa_cli_save_layout (layout, fonts, out, error);
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
  g_autoptr(XaPageLayout) layout = NULL;

  if (!(school = xa_cli_find_school (workspace, code, TRUE, error)) ||
      !(layout = xa_assessment_report_read (book, xa_organisation_get_uuid (school), year, fonts, error)))
    return FALSE;
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
  if (!(assessments = xa_assessment_book_list (book, year, &error)) ||
      !xa_assessment_export_xlsx (assessments, out, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Wrote the scores of %u school to %s\n",
                        "Wrote the scores of %u schools to %s\n",
                        assessments->len),
           assessments->len, out);
  return EXIT_OK;
}
