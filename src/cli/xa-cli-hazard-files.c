/* xa-cli-hazard-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger's files on the command line (issue 11): `hazard export` writes a
 * school's ledger of a year as the official PDF, an XLSX workbook or a CSV file;
 * `hazard import` stores an existing ledger from XLSX or CSV, all or nothing, its
 * problems as FILE:LINE; `hazard notice` and `hazard closing` print a hazard's 隐患整改
 * 通知书 and 销号单. The export and the forms only read: their database opens
 * read-only, and so does an import's --dry-run. Every file is written atomically by
 * the functions that make it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-hazard-export.h"
#include "core/hazards/xa-hazard-import.h"
#include "core/util/xa-school-year.h"
#include "document/xa-ledger-renderer.h"

const XaCliOption xa_cli_hazard_export_options[] = {
  { "format", G_OPTION_ARG_STRING, N_("pdf, xlsx or csv (default: by the file's extension)"), "FORMAT",
    N_("--format needs pdf, xlsx or csv") },
  { "out", G_OPTION_ARG_FILENAME, N_("the file to write"), "FILE",
    N_("--out needs a file name, such as 台账.xlsx") },
  { NULL }
};

const XaCliOption xa_cli_hazard_form_options[] = {
  { "out", G_OPTION_ARG_FILENAME, N_("the PDF file to write"), "FILE.pdf",
    N_("--out needs a file name, such as 通知书.pdf") },
  { NULL }
};

typedef enum
{
  FORMAT_PDF,
  FORMAT_XLSX,
  FORMAT_CSV,
  N_FORMATS
} Format;

static const char * const format_names[N_FORMATS] = { "pdf", "xlsx", "csv" };

/* The format --format names, or the --out file's extension says. */
static int
parse_format (const char *text,
              const char *out,
              Format     *format)
{
  g_autofree char *extension = NULL;
  const char *dot;

  if (text == NULL)
    {
      dot = strrchr (out, '.');
      text = extension = g_ascii_strdown (dot != NULL ? dot + 1 : "", -1);
    }

  for (Format f = 0; f < N_FORMATS; f++)
    {
      if (g_ascii_strcasecmp (text, format_names[f]) == 0)
        {
          *format = f;
          return EXIT_OK;
        }
    }

  if (extension != NULL)
    return xa_cli_usage_error (_("--format is required when --out does not end in .pdf, .xlsx or .csv"));
  /* Translators: what was given with --format */
  return xa_cli_usage_error (_("--format: “%s” is not one of pdf, xlsx, csv"), text);
}

/* Every hazard of a school's year, in number order. */
static GPtrArray *
read_ledger (XaHazardBook  *book,
             const char    *school_uuid,
             int            school_year,
             GError       **error)
{
  XaHazardFilter filter;

  xa_hazard_filter_init (&filter);
  filter.school_uuid = school_uuid;
  filter.school_year = school_year;
  return xa_hazard_book_read_all (book, &filter, XA_HAZARD_SORT_NUMBER, NULL, error);
}

int
xa_cli_hazard_export (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  const char *out = xa_cli_get_option (cli, "out");
  Format format = FORMAT_PDF;
  int year = 0;
  int status;
  gboolean ok;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school whose ledger to export"));
  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required: the school year of the ledger, such as 2021-2022"));
  if (out == NULL)
    return xa_cli_usage_error (_("--out is required: the file to write"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if ((status = parse_format (xa_cli_get_option (cli, "format"), out, &format)))
    return status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, TRUE, &error)) ||
      !(hazards = read_ledger (xa_workspace_get_hazards (workspace), xa_organisation_get_uuid (school),
                               year, &error)))
    return xa_cli_user_error (error);

  if (format == FORMAT_PDF)
    {
      g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
      g_autoptr(XaPageLayout) layout = NULL;
      XaLedgerInfo info = { xa_organisation_get_name (school), year, NULL, NULL, NULL };

      layout = xa_ledger_layout_new (hazards, &info, fonts);
      ok = xa_cli_save_layout (layout, fonts, out, &error);
    }
  else
    {
      XaHazardExportInfo info = { xa_organisation_get_name (school), NULL, NULL };

      if (format == FORMAT_XLSX)
        ok = xa_hazard_export_xlsx (hazards, &info, out, &error);
      else
        ok = xa_hazard_export_csv (hazards, &info, out, &error);
    }

  if (!ok)
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Wrote %u hazard to %s\n",
                        "Wrote %u hazards to %s\n",
                        hazards->len),
           hazards->len, out);
  return EXIT_OK;
}

/* The code of the school the ledger's numbers carry, when they all carry the same;
 * %G_OPTION_ERROR when they do not, or the import's error with its @problems. */
static char *
dup_numbers_code (GFile      *file,
                  GPtrArray **problems,
                  GError    **error)
{
  g_autoptr(GPtrArray) hazards = NULL;
  g_autofree char *code = NULL;
  /* Read for the numbers alone: the school is not known yet, a stand-in holds its place. */
  XaHazardImportOptions options = { "00000000-0000-0000-0000-000000000000", NULL, NULL, 0 };

  if (!(hazards = xa_hazard_import_file (file, &options, problems, NULL, error)))
    return NULL;

  for (guint i = 0; i < hazards->len; i++)
    {
      g_autofree char *this_code = NULL;

      if (!xa_hazard_number_parse (xa_hazard_get_number (hazards->pdata[i]), NULL, &this_code, NULL, NULL) ||
          (code != NULL && !g_str_equal (code, this_code)))
        {
          g_clear_pointer (&code, g_free);
          break;
        }
      if (code == NULL)
        code = g_steal_pointer (&this_code);
    }

  if (code == NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _("--school is required: the ledger's hazard numbers do not all name one school"));
  return g_steal_pointer (&code);
}

/* Refuses a dry run whose numbers are in the ledger already, as the import would. */
static gboolean
check_numbers_free (XaHazardBook  *book,
                    GPtrArray     *hazards,
                    GError       **error)
{
  for (guint i = 0; i < hazards->len; i++)
    {
      const char *number = xa_hazard_get_number (hazards->pdata[i]);
      g_autoptr(XaHazard) stored = NULL;
      g_autoptr(GError) local_error = NULL;

      if (number[0] == '\0')
        continue;

      if ((stored = xa_hazard_book_dup_by_number (book, number, &local_error)) != NULL)
        {
          g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_EXISTS,
                       /* Translators: %s is a hazard number */
                       _("Hazard %s is already in the ledger; the import would be refused"), number);
          return FALSE;
        }
      if (!g_error_matches (local_error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

int
xa_cli_hazard_import (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (cli->args[0]);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *code = g_strdup (cli->school);
  XaHazardImportOptions options = { NULL };

  /* A dry run checks against the database without the means to change it. */
  cli->read_only = cli->dry_run;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  if (code == NULL && !(code = dup_numbers_code (file, &problems, &error)) &&
      error->domain == G_OPTION_ERROR)
    return xa_cli_usage_error ("%s", error->message);
  if (code != NULL && !(school = xa_cli_find_school (workspace, code, FALSE, &error)))
    return xa_cli_user_error (error);

  if (school != NULL)
    {
      options.school_uuid = xa_organisation_get_uuid (school);
      options.school_name = xa_organisation_get_name (school);
      options.school_code = xa_organisation_get_code (school);
      hazards = xa_hazard_import_file (file, &options, &problems, NULL, &error);
    }
  if (hazards == NULL)
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_printerr ("%s\n", (const char *) problems->pdata[i]);
      return xa_cli_user_error (error);
    }

  if (cli->dry_run)
    {
      if (!check_numbers_free (xa_workspace_get_hazards (workspace), hazards, &error))
        return xa_cli_user_error (error);
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            /* Translators: how many, the file, then the school */
                            "%u hazard of “%s” can be imported for %s; nothing was stored (--dry-run)\n",
                            "%u hazards of “%s” can be imported for %s; nothing was stored (--dry-run)\n",
                            hazards->len),
               hazards->len, basename, xa_organisation_get_name (school));
      return EXIT_OK;
    }

  if (!xa_hazard_book_import (xa_workspace_get_hazards (workspace), hazards, basename, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: how many, the file, then the school */
                        "Imported %u hazard from “%s” for %s\n",
                        "Imported %u hazards from “%s” for %s\n",
                        hazards->len),
           hazards->len, basename, xa_organisation_get_name (school));
  return EXIT_OK;
}

/* `hazard notice` and `hazard closing`: one form of one hazard. */
static int
print_form (XaCli    *cli,
            gboolean  closing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  const char *out = xa_cli_get_option (cli, "out");
  XaLedgerInfo info = { NULL };

  if (out == NULL)
    return xa_cli_usage_error (_("--out is required: the PDF file to write"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(hazard = xa_hazard_book_dup_by_number (xa_workspace_get_hazards (workspace), cli->args[0], &error)) ||
      !(school = xa_school_registry_dup_school (xa_workspace_get_registry (workspace),
                                                xa_hazard_get_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID),
                                                &error)))
    return xa_cli_user_error (error);

  info.school_name = xa_organisation_get_name (school);
  info.school_year = xa_hazard_get_school_year (hazard);
  fonts = xa_font_resolver_new ();
  if (closing)
    layout = xa_hazard_closing_layout_new (hazard, &info, fonts, &error);
  else
    layout = xa_hazard_notice_layout_new (hazard, &info, fonts);

  if (!xa_cli_save_layout (layout, fonts, out, &error))
    return xa_cli_user_error (error);

  /* Translators: a hazard number, then the file written */
  g_print (_("Wrote the form of hazard %s to %s\n"), xa_hazard_get_number (hazard), out);
  return EXIT_OK;
}

int
xa_cli_hazard_notice (XaCli *cli)
{
  return print_form (cli, FALSE);
}

int
xa_cli_hazard_closing (XaCli *cli)
{
  return print_form (cli, TRUE);
}
