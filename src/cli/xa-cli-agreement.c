/* xa-cli-agreement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli agreement …`: the agreements of a school year (generate, list, advance,
 * revise, set the signing date, render to PDF, compare with the revision before or the
 * template), and a school's supplementary clauses to its agreement (supplement list,
 * add, remove).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/agreements/xa-agreement-json.h"
#include "core/util/xa-school-year.h"
#include "document/xa-agreement-batch.h"

static int
parse_year (const char *text,
            int        *year)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));
  if (!xa_school_year_parse (text, year, &error))
    return xa_cli_usage_error ("%s", error->message);

  return EXIT_OK;
}

static XaOrganisation *
find_school (XaWorkspace *workspace,
             const char  *code,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XaOrganisation *school;

  school = xa_school_registry_dup_school_by_code (xa_workspace_get_registry (workspace), code, &local_error);
  if (school == NULL || xa_organisation_get_deleted (school))
    {
      g_clear_object (&school);
      /* Translators: %s is a 10-digit 学校标识码 given on the command line. */
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                   _("There is no school with the code %s"), code);
    }

  return school;
}

static XaAgreement *
find_agreement (XaWorkspace *workspace,
                const char  *code,
                int          year,
                GError     **error)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) local_error = NULL;
  XaAgreement *agreement;

  if (!(school = find_school (workspace, code, error)))
    return NULL;

  agreement = xa_agreement_book_dup_current (xa_workspace_get_agreements (workspace),
                                             xa_organisation_get_uuid (school), year, &local_error);
  if (agreement == NULL)
    {
      if (g_error_matches (local_error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND))
        {
          g_autofree char *span = xa_school_year_format_span (year);

          g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
                       _("School %s has no agreement for %s; make one with “agreement generate”"),
                       code, span);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return agreement;
}

int
xa_cli_agreement_generate (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  XaAgreementBook *book;
  int year = 0;
  int status;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;
  if ((cli->school != NULL) == cli->all)
    return xa_cli_usage_error (_("“agreement generate” needs either --school CODE or --all"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  book = xa_workspace_get_agreements (workspace);

  if (cli->all)
    {
      guint n_made = 0;
      guint n_schools = xa_school_registry_count_schools (xa_workspace_get_registry (workspace));
      g_autofree char *span = xa_school_year_format_span (year);

      if (!xa_agreement_book_generate_all (book, year, &n_made, &error))
        return xa_cli_user_error (error);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Made %u draft agreement for %s (%u school already had one)\n",
                            "Made %u draft agreements for %s (%u schools already had one)\n",
                            n_made),
               n_made, span, n_schools - MIN (n_made, n_schools));
    }
  else
    {
      g_autoptr(XaOrganisation) school = NULL;
      g_autoptr(XaAgreement) agreement = NULL;

      if (!(school = find_school (workspace, cli->school, &error)) ||
          !(agreement = xa_agreement_book_generate (book, xa_organisation_get_uuid (school), year, &error)))
        return xa_cli_user_error (error);

      {
        g_autofree char *span = xa_school_year_format_span (year);

        g_print (_("Made the draft agreement of %s %s for %s\n"),
                 cli->school, xa_organisation_get_name (school), span);
      }
    }

  return EXIT_OK;
}

int
xa_cli_agreement_list (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  int year = 0;
  int status;
  guint n;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(agreements = xa_agreement_book_list_year (xa_workspace_get_agreements (workspace), year, &error)))
    return xa_cli_user_error (error);

  n = g_list_model_get_n_items (agreements);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);
      XaAgreementState state = xa_agreement_get_state (agreement);

      if (cli->json)
        {
          json_array_add_element (array, xa_agreement_to_json_node (agreement));
          continue;
        }

      g_print ("%s\t%s\t%d\t%s\t%s\t%s\t%s\n",
               xa_agreement_get_school_code (agreement),
               xa_agreement_get_school_name (agreement),
               xa_agreement_get_revision (agreement),
               xa_agreement_state_to_label (state),
               xa_agreement_get_step_operator (agreement, state) ? xa_agreement_get_step_operator (agreement, state) : "",
               xa_agreement_get_first_responsible (agreement),
               xa_agreement_get_successor (agreement) ? xa_agreement_get_successor (agreement) : "");
    }

  if (cli->json)
    xa_cli_print_json_array (array);

  return EXIT_OK;
}

int
xa_cli_agreement_advance (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  XaAgreementState to;
  int year = 0;
  int status;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;
  if (cli->school == NULL || cli->all)
    return xa_cli_usage_error (_("“agreement advance” needs --school CODE"));
  if (cli->to == NULL || !xa_agreement_state_from_key (cli->to, &to))
    return xa_cli_usage_error (_("--to needs a state: pending, signed, archived or draft"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(agreement = find_agreement (workspace, cli->school, year, &error)) ||
      !xa_agreement_book_advance (xa_workspace_get_agreements (workspace),
                                  xa_agreement_get_uuid (agreement), to, &error))
    return xa_cli_user_error (error);

  {
    g_autofree char *span = xa_school_year_format_span (year);

    g_print (_("The agreement of %s %s for %s is now “%s”\n"),
             cli->school, xa_agreement_get_school_name (agreement), span,
             xa_agreement_state_to_label (to));
  }
  return EXIT_OK;
}

/* Sets or clears the signing date of one school's draft, or of every draft of the year;
 * agreements past draft keep theirs and are named. All or nothing per agreement. */
int
xa_cli_agreement_set_date (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  guint n_set = 0;
  guint n_skipped = 0;
  int year = 0;
  int status;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;
  if ((cli->school == NULL) == !cli->all)
    return xa_cli_usage_error (_("“agreement set-date” needs --school CODE or --all"));
  if ((cli->date == NULL) == !cli->clear)
    return xa_cli_usage_error (_("“agreement set-date” needs --date YYYY-MM-DD or --clear"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  if (cli->school != NULL)
    {
      g_autoptr(XaAgreement) agreement = find_agreement (workspace, cli->school, year, &error);
      GListStore *one = g_list_store_new (XA_TYPE_AGREEMENT);

      if (agreement == NULL)
        {
          g_object_unref (one);
          return xa_cli_user_error (error);
        }
      g_list_store_append (one, agreement);
      agreements = G_LIST_MODEL (one);
    }
  else if (!(agreements = xa_agreement_book_list_year (xa_workspace_get_agreements (workspace), year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);

      if (!xa_agreement_is_editable (agreement) && cli->all)
        {
          n_skipped++;
          continue;
        }

      xa_agreement_set_sign_date (agreement, cli->date);
      if (!xa_agreement_book_update (xa_workspace_get_agreements (workspace), agreement, &error))
        return xa_cli_user_error (error);
      n_set++;
    }

  {
    g_autofree char *span = xa_school_year_format_span (year);

    g_print (g_dngettext (GETTEXT_PACKAGE, "Set the signing date of %u draft agreement for %s",
                          "Set the signing date of %u draft agreements for %s", n_set),
             n_set, span);
  }
  if (n_skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u agreement past draft left as it is)",
                          " (%u agreements past draft left as they are)", n_skipped),
             n_skipped);
  g_print ("\n");
  return EXIT_OK;
}

int
xa_cli_agreement_revise (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;
  if (cli->school == NULL || cli->all)
    return xa_cli_usage_error (_("“agreement revise” needs --school CODE"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(agreement = find_agreement (workspace, cli->school, year, &error)) ||
      !(revision = xa_agreement_book_revise (xa_workspace_get_agreements (workspace),
                                             xa_agreement_get_uuid (agreement), &error)))
    return xa_cli_user_error (error);

  {
    g_autofree char *span = xa_school_year_format_span (year);

    g_print (_("Revision %d of the agreement of %s for %s is a draft; revision %d stays as signed\n"),
             xa_agreement_get_revision (revision), cli->school, span,
             xa_agreement_get_revision (agreement));
  }
  return EXIT_OK;
}

/* Rendering */

const XaCliOption xa_cli_agreement_render_options[] = {
  { "no-page-codes", G_OPTION_ARG_NONE, N_("leave out the QR code on each page (a draft nobody will scan back)"), NULL, NULL },
  { NULL }
};

typedef struct
{
  gboolean  show;       /* a line per school, for --all */
  char     *last_path;
} RenderProgress;

static void
render_progress (guint        n_done,
                 guint        n_total,
                 XaAgreement *agreement,
                 const char  *path,
                 gpointer     user_data)
{
  RenderProgress *progress = user_data;

  if (progress->show)
    g_printerr ("[%u/%u] %s\n", n_done, n_total, xa_agreement_get_school_name (agreement));
  g_free (progress->last_path);
  progress->last_path = g_strdup (path);
}

/* Drafts for the schools of @year that have no agreement yet, so that each gets its file. */
static gboolean
generate_missing (XaWorkspace  *workspace,
                  int           year,
                  GError      **error)
{
  guint n_made = 0;

  if (!xa_agreement_book_generate_all (xa_workspace_get_agreements (workspace), year, &n_made, error))
    return FALSE;

  if (n_made > 0)
    {
      g_autofree char *span = xa_school_year_format_span (year);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%u school had no agreement for %s: made a draft for it first\n",
                               "%u schools had no agreement for %s: made drafts for them first\n",
                               n_made),
                  n_made, span);
    }

  return TRUE;
}

/* The school's current agreement, made as a draft first when it has none. */
static XaAgreement *
dup_or_generate (XaWorkspace  *workspace,
                 const char   *code,
                 int           year,
                 GError      **error)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *span = NULL;
  XaAgreement *agreement;

  agreement = find_agreement (workspace, code, year, &local_error);
  if (agreement != NULL || !g_error_matches (local_error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return agreement;
    }

  if (!(school = find_school (workspace, code, error)) ||
      !(agreement = xa_agreement_book_generate (xa_workspace_get_agreements (workspace),
                                                xa_organisation_get_uuid (school), year, error)))
    return NULL;

  span = xa_school_year_format_span (year);
  g_printerr (_("School %s had no agreement for %s: made a draft for it first\n"), code, span);
  return agreement;
}

int
xa_cli_agreement_render (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaAgreementBatch) batch = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autofree char *out_dir = NULL;
  RenderProgress progress = { cli->all, NULL };
  XaCopies copies;
  gboolean to_file;
  gboolean ok;
  int year = 0;
  int status;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;
  if ((cli->school != NULL) == cli->all)
    return xa_cli_usage_error (_("“agreement render” needs either --school CODE or --all"));
  if (cli->out == NULL)
    return xa_cli_usage_error (_("“agreement render” needs --out DIR or --out FILE.pdf"));
  if (!xa_copies_from_key (cli->copy, &copies))
    return xa_cli_usage_error (_("--copy needs commission, school or both, not “%s”"), cli->copy);

  to_file = g_str_has_suffix (cli->out, ".pdf") || g_str_has_suffix (cli->out, ".PDF");
  if (to_file && cli->all)
    return xa_cli_usage_error (_("With --all, --out names a folder: one PDF per school goes into it"));

  out_dir = to_file ? g_path_get_dirname (cli->out) : g_strdup (cli->out);
  if ((status = xa_cli_make_folder (out_dir)) != EXIT_OK)
    return status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  /* The drafts first: the batch takes the audit chain's head as it is once they exist. */
  if (cli->all ? !generate_missing (workspace, year, &error)
               : !(agreement = dup_or_generate (workspace, cli->school, year, &error)))
    return xa_cli_user_error (error);

  fonts = xa_font_resolver_new ();
  xa_cli_print_font_warnings (fonts);

  if (!(batch = xa_agreement_batch_new_for_book (fonts, xa_workspace_get_agreements (workspace), &error)))
    return xa_cli_user_error (error);
  xa_agreement_batch_set_copies (batch, copies);
  xa_agreement_batch_set_page_codes (batch, !xa_cli_get_switch (cli, "no-page-codes"));

  if (cli->all)
    {
      if (!xa_agreement_batch_add_year (batch, year, out_dir, &error))
        return xa_cli_user_error (error);
    }
  else
    {
      g_autofree char *path = NULL;

      path = to_file ? g_strdup (cli->out) : xa_agreement_batch_dup_path (out_dir, agreement);
      if (!xa_agreement_batch_add_agreement (batch, agreement, path, &error))
        return xa_cli_user_error (error);
    }

  ok = xa_agreement_batch_run (batch, NULL, render_progress, &progress, &error);
  if (ok && xa_agreement_batch_get_n_items (batch) == 1)
    g_print (_("Wrote %s\n"), progress.last_path);
  else if (ok)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u PDF file into %s\n", "Wrote %u PDF files into %s\n",
                          xa_agreement_batch_get_n_items (batch)),
             xa_agreement_batch_get_n_items (batch), out_dir);
  g_free (progress.last_path);

  return ok ? EXIT_OK : xa_cli_user_error (error);
}

/* Supplementary clauses */

/* The school's current agreement of the year, for a command on one school's agreement
 * (its supplementary clauses, its comparison). */
static int
open_school_agreement (XaCli         *cli,
                           const char    *command,
                           XaWorkspace  **workspace,
                           XaAgreement  **agreement)
{
  g_autoptr(GError) error = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (cli->year, &year)) != EXIT_OK)
    return status;
  if (cli->school == NULL)
    /* Translators: the command, such as “agreement supplement add”. */
    return xa_cli_usage_error (_("“%s” needs --school CODE"), command);

  if (!(*workspace = xa_cli_open_workspace (cli, &error)) ||
      !(*agreement = find_agreement (*workspace, cli->school, year, &error)))
    return xa_cli_user_error (error);

  return EXIT_OK;
}

int
xa_cli_agreement_supplement_list (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  const char * const *supplements;
  int status;

  if ((status = open_school_agreement (cli, "agreement supplement list", &workspace, &agreement)) != EXIT_OK)
    return status;

  supplements = xa_agreement_get_supplements (agreement);
  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; supplements[i] != NULL; i++)
        json_array_add_string_element (array, supplements[i]);
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }

  for (guint i = 0; supplements[i] != NULL; i++)
    g_print ("%u\t%s\n", i + 1, supplements[i]);

  return EXIT_OK;
}

int
xa_cli_agreement_supplement_add (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *span = NULL;
  int status;

  if (cli->args[0] == NULL)
    return xa_cli_usage_error (_("“agreement supplement add” needs the clause’s text, such as “学校每月开展一次消防演练。”"));
  if ((status = open_school_agreement (cli, "agreement supplement add", &workspace, &agreement)) != EXIT_OK)
    return status;

  if (!(uuid = xa_agreement_book_add_supplement (xa_workspace_get_agreements (workspace),
                                                 xa_agreement_get_uuid (agreement), cli->args[0], &error)))
    return xa_cli_user_error (error);

  span = xa_school_year_format_span (xa_agreement_get_school_year (agreement));
  g_print (_("Added supplementary clause %u to the agreement of %s %s for %s\n"),
           xa_agreement_get_n_supplements (agreement) + 1, cli->school,
           xa_agreement_get_school_name (agreement), span);
  return EXIT_OK;
}

int
xa_cli_agreement_supplement_remove (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *span = NULL;
  guint64 number = 0;
  guint n;
  int status;

  if (cli->args[0] == NULL ||
      !g_ascii_string_to_unsigned (cli->args[0], 10, 1, G_MAXUINT, &number, NULL))
    return xa_cli_usage_error (_("“agreement supplement remove” needs the number of a clause, such as 1, as “agreement supplement list” shows it"));
  if ((status = open_school_agreement (cli, "agreement supplement remove", &workspace, &agreement)) != EXIT_OK)
    return status;

  span = xa_school_year_format_span (xa_agreement_get_school_year (agreement));
  n = xa_agreement_get_n_supplements (agreement);
  if (number > n)
    {
      g_set_error (&error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The agreement of %s for %s has %u supplementary clause; there is no clause %u",
                                "The agreement of %s for %s has %u supplementary clauses; there is no clause %u",
                                n),
                   cli->school, span, n, (guint) number);
      return xa_cli_user_error (error);
    }

  if (!xa_agreement_book_remove_supplement (xa_workspace_get_agreements (workspace),
                                            xa_agreement_get_supplement_uuid (agreement, number - 1), &error))
    return xa_cli_user_error (error);

  g_print (_("Removed supplementary clause %u from the agreement of %s %s for %s\n"),
           (guint) number, cli->school, xa_agreement_get_school_name (agreement), span);
  return EXIT_OK;
}

/* Comparison */

/* Revision @number of the agreement whose current revision is @current; 0 for the
 * current one. */
static XaAgreement *
find_revision (XaWorkspace  *workspace,
               XaAgreement  *current,
               int           number,
               GError      **error)
{
  g_autoptr(GListModel) revisions = NULL;
  g_autofree char *span = NULL;

  if (number == 0 || number == xa_agreement_get_revision (current))
    return g_object_ref (current);

  if (!(revisions = xa_agreement_book_list_revisions (xa_workspace_get_agreements (workspace),
                                                      xa_agreement_get_school_uuid (current),
                                                      xa_agreement_get_school_year (current), error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (revisions); i++)
    {
      g_autoptr(XaAgreement) revision = g_list_model_get_item (revisions, i);

      if (xa_agreement_get_revision (revision) == number)
        return g_steal_pointer (&revision);
    }

  span = xa_school_year_format_span (xa_agreement_get_school_year (current));
  g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
               g_dngettext (GETTEXT_PACKAGE,
                            "The agreement of %s for %s has no revision %d; it has %d revision",
                            "The agreement of %s for %s has no revision %d; it has revisions 1 to %d",
                            xa_agreement_get_revision (current)),
               xa_agreement_get_school_code (current), span, number, xa_agreement_get_revision (current));
  return NULL;
}

int
xa_cli_agreement_diff (XaCli *cli)
{
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaAgreement) current = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  guint64 number = 0;
  int status;

  if (cli->revision != NULL &&
      !g_ascii_string_to_unsigned (cli->revision, 10, 1, G_MAXINT, &number, NULL))
    return xa_cli_usage_error (_("--revision needs a revision number, such as 2"));
  if ((status = open_school_agreement (cli, "agreement diff", &workspace, &current)) != EXIT_OK)
    return status;

  if (!(agreement = find_revision (workspace, current, (int) number, &error)))
    return xa_cli_user_error (error);

  diff = xa_agreement_book_compare (xa_workspace_get_agreements (workspace), xa_agreement_get_uuid (agreement),
                                    cli->against_template ? XA_AGREEMENT_COMPARE_TEMPLATE
                                                          : XA_AGREEMENT_COMPARE_PREVIOUS,
                                    &error);
  if (diff == NULL)
    {
      /* The first revision has only its template to be compared with: say how. */
      if (g_error_matches (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND) &&
          !cli->against_template)
        {
          g_autofree char *message = g_strdup_printf (_("%s; add --against-template to compare it with its template"),
                                                      error->message);

          g_printerr ("xiaoan-cli: %s\n", message);
          return EXIT_USER_ERROR;
        }
      return xa_cli_user_error (error);
    }

  return xa_cli_print_diff (diff, cli->pdf);
}
