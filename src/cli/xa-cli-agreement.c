/* xa-cli-agreement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli agreement …` and `xiaoan-cli template …`: the agreements of a school year
 * (generate, list, advance, revise, render to PDF) and the templates they are made from.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/agreements/xa-agreement-book.h"
#include "core/agreements/xa-template-diff.h"
#include "core/util/xa-school-year.h"
#include "document/xa-agreement-batch.h"
#include "document/xa-diff-renderer.h"

/* The options of the agreement commands; which ones a command takes is checked by it. */
typedef struct
{
  char     *year;
  char     *school;
  gboolean  all;
  gboolean  json;
  char     *to;
  char     *out;
  char     *copy;
  char     *pdf;
  char     *date;
  gboolean  clear;
  GPtrArray *years;      /* every --year, for "template diff" */
  GPtrArray *positional;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->year, g_free);
  g_clear_pointer (&options->school, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->out, g_free);
  g_clear_pointer (&options->copy, g_free);
  g_clear_pointer (&options->pdf, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->years, g_ptr_array_unref);
  g_clear_pointer (&options->positional, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* Everything a command needs from the store, opened once. */
typedef struct
{
  XaStore           *store;
  XaSchoolRegistry  *registry;
  XaTemplateLibrary *templates;
  XaAgreementBook   *book;
} Books;

static void
books_clear (Books *books)
{
  g_clear_object (&books->book);
  g_clear_object (&books->templates);
  g_clear_object (&books->registry);
  g_clear_object (&books->store);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Books, books_clear)

void
xa_cli_agreement_help (void)
{
  g_print ("\n%s\n", _("Agreements and templates:"));
  g_print ("  %s\n      %s\n", "agreement generate --year Y (--school CODE | --all)",
           _("make draft agreements from the year's template; schools that have one are skipped"));
  g_print ("  %s\n      %s\n", "agreement list --year Y [--json]",
           _("list the current agreements of a school year with their state"));
  g_print ("  %s\n      %s\n", "agreement advance --year Y --school CODE --to pending|signed|archived|draft",
           _("move an agreement on: draft → pending → signed → archived (pending may go back to draft)"));
  g_print ("  %s\n      %s\n", "agreement revise --year Y --school CODE",
           _("supersede a signed agreement with a new draft revision"));
  g_print ("  %s\n      %s\n", "agreement set-date --year Y (--school CODE | --all) (--date YYYY-MM-DD | --clear)",
           _("print a signing date (2021年9月1日) under both parties of draft agreements instead of 年　月　日"));
  g_print ("  %s\n      %s\n      %s\n      %s\n",
           "agreement render --year Y (--school CODE | --all) --out DIR|FILE.pdf [--copy commission|school|both]",
           _("write agreements as PDF: one file per school, named CODE-NAME.pdf in DIR"),
           _("--copy both (the default) puts both originals in one file: the commission's copy, then the school's"),
           _("a school without an agreement for the year gets a draft first, as stderr says"));
  g_print ("  %s\n      %s\n", "template list | export --year Y FILE | import FILE | next-year --year Y",
           _("list, export, import the templates, or copy a year's template into the next year"));
  g_print ("  %s\n      %s\n      %s\n", "template diff --year A --year B [--pdf FILE.pdf]",
           _("compare two years' templates clause by clause"),
           _("--pdf writes the comparison as a PDF, changed words underlined or struck through"));
}

static int
parse_options (Cli     *cli,
               guint    first,
               Options *options)
{
  char **argv = (char **) cli->args->pdata;
  int argc = cli->args->len;

  options->years = g_ptr_array_new_with_free_func (g_free);
  options->positional = g_ptr_array_new_with_free_func (g_free);

  for (int i = first; i < argc; i++)
    {
      g_autofree char *value = NULL;
      gboolean missing = FALSE;

      if (xa_cli_take_option (argv, argc, &i, "--year", &value, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--year needs a school year, such as 2021-2022"));
          g_free (options->year);
          options->year = g_strdup (value);
          g_ptr_array_add (options->years, g_steal_pointer (&value));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--school", &options->school, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--school needs a school code (学校标识码)"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--to", &options->to, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--to needs a state: pending, signed, archived or draft"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--out", &options->out, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--out needs a folder or a .pdf file"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--copy", &options->copy, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--copy needs commission, school or both"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--pdf", &options->pdf, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--pdf needs a file name, such as diff.pdf"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--date", &options->date, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--date needs a date, such as 2021-09-01"));
        }
      else if (g_str_equal (argv[i], "--clear"))
        options->clear = TRUE;
      else if (g_str_equal (argv[i], "--all"))
        options->all = TRUE;
      else if (g_str_equal (argv[i], "--json"))
        options->json = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"), argv[i],
                                   (const char *) g_ptr_array_index (cli->args, 0));
      else
        g_ptr_array_add (options->positional, g_strdup (argv[i]));
    }

  return EXIT_OK;
}

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

static gboolean
open_books (Cli     *cli,
            Books   *books,
            GError **error)
{
  if (!(books->store = xa_cli_open_store (cli, error)))
    return FALSE;

  books->registry = xa_school_registry_new (books->store);
  books->templates = xa_template_library_new (books->store);
  books->book = xa_agreement_book_new (books->registry, books->templates);

  /* A fresh installation gets the shipped 2021-2022 template, as the app does. */
  return xa_template_library_ensure_default (books->templates, error);
}

static XaOrganisation *
find_school (Books       *books,
             const char  *code,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  XaOrganisation *school;

  school = xa_school_registry_dup_school_by_code (books->registry, code, &local_error);
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
find_agreement (Books       *books,
                const char  *code,
                int          year,
                GError     **error)
{
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GError) local_error = NULL;
  XaAgreement *agreement;

  if (!(school = find_school (books, code, error)))
    return NULL;

  agreement = xa_agreement_book_dup_current (books->book, xa_organisation_get_uuid (school), year, &local_error);
  if (agreement == NULL)
    {
      if (g_error_matches (local_error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND))
        g_set_error (error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND,
                     _("School %s has no agreement for %d-%d; make one with “agreement generate”"),
                     code, year, year + 1);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return agreement;
}

static int
command_generate (Cli     *cli,
                  Options *options)
{
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (options->year, &year)) != EXIT_OK)
    return status;
  if ((options->school != NULL) == options->all)
    return xa_cli_usage_error (_("“agreement generate” needs either --school CODE or --all"));

  if (!open_books (cli, &books, &error))
    return xa_cli_user_error (error);

  if (options->all)
    {
      guint n_made = 0;
      guint n_schools = xa_school_registry_count_schools (books.registry);

      if (!xa_agreement_book_generate_all (books.book, year, &n_made, &error))
        return xa_cli_user_error (error);

      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Made %u draft agreement for %d-%d (%u school already had one)\n",
                            "Made %u draft agreements for %d-%d (%u schools already had one)\n",
                            n_made),
               n_made, year, year + 1, n_schools - MIN (n_made, n_schools));
    }
  else
    {
      g_autoptr(XaOrganisation) school = NULL;
      g_autoptr(XaAgreement) agreement = NULL;

      if (!(school = find_school (&books, options->school, &error)) ||
          !(agreement = xa_agreement_book_generate (books.book, xa_organisation_get_uuid (school), year, &error)))
        return xa_cli_user_error (error);

      g_print (_("Made the draft agreement of %s %s for %d-%d\n"),
               options->school, xa_organisation_get_name (school), year, year + 1);
    }

  return EXIT_OK;
}

static void
add_agreement_json (JsonBuilder *builder,
                    XaAgreement *agreement)
{
  json_builder_begin_object (builder);
  xa_cli_add_string_member (builder, "school", xa_agreement_get_school_code (agreement));
  xa_cli_add_string_member (builder, "school_name", xa_agreement_get_school_name (agreement));
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, xa_agreement_get_school_year (agreement));
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, xa_agreement_get_revision (agreement));
  xa_cli_add_string_member (builder, "state", xa_agreement_state_to_key (xa_agreement_get_state (agreement)));
  xa_cli_add_string_member (builder, "first_responsible", xa_agreement_get_first_responsible (agreement));
  xa_cli_add_string_member (builder, "direct_responsible", xa_agreement_get_direct_responsible (agreement));
  xa_cli_add_string_member (builder, "successor", xa_agreement_get_successor (agreement));
  xa_cli_add_string_member (builder, "handover_date", xa_agreement_get_handover_date (agreement));
  json_builder_set_member_name (builder, "template_version");
  json_builder_add_int_value (builder, xa_agreement_get_template_version (agreement));
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_object (builder);
  for (guint s = 0; s < XA_N_AGREEMENT_STATES; s++)
    {
      if (xa_agreement_get_step_time (agreement, s) == NULL)
        continue;
      json_builder_set_member_name (builder, xa_agreement_state_to_key (s));
      json_builder_begin_object (builder);
      xa_cli_add_string_member (builder, "at", xa_agreement_get_step_time (agreement, s));
      xa_cli_add_string_member (builder, "by", xa_agreement_get_step_operator (agreement, s));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  xa_cli_add_string_member (builder, "uuid", xa_agreement_get_uuid (agreement));
  xa_cli_add_string_member (builder, "supersedes", xa_agreement_get_supersedes (agreement));
  json_builder_end_object (builder);
}

static int
command_list (Cli     *cli,
              Options *options)
{
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int year = 0;
  int status;
  guint n;

  if ((status = parse_year (options->year, &year)) != EXIT_OK)
    return status;
  if (options->school || options->all || options->to || options->out || options->copy)
    return xa_cli_usage_error (_("“agreement list” takes --year and --json only"));

  if (!open_books (cli, &books, &error) ||
      !(agreements = xa_agreement_book_list_year (books.book, year, &error)))
    return xa_cli_user_error (error);

  n = g_list_model_get_n_items (agreements);
  json_builder_begin_array (builder);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);
      XaAgreementState state = xa_agreement_get_state (agreement);

      if (options->json)
        {
          add_agreement_json (builder, agreement);
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

  json_builder_end_array (builder);

  if (options->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }

  return EXIT_OK;
}

static int
command_advance (Cli     *cli,
                 Options *options)
{
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  XaAgreementState to;
  int year = 0;
  int status;

  if ((status = parse_year (options->year, &year)) != EXIT_OK)
    return status;
  if (options->school == NULL || options->all)
    return xa_cli_usage_error (_("“agreement advance” needs --school CODE"));
  if (options->to == NULL || !xa_agreement_state_from_key (options->to, &to))
    return xa_cli_usage_error (_("--to needs a state: pending, signed, archived or draft"));

  if (!open_books (cli, &books, &error) ||
      !(agreement = find_agreement (&books, options->school, year, &error)) ||
      !xa_agreement_book_advance (books.book, xa_agreement_get_uuid (agreement), to, &error))
    return xa_cli_user_error (error);

  g_print (_("The agreement of %s %s for %d-%d is now “%s”\n"),
           options->school, xa_agreement_get_school_name (agreement), year, year + 1,
           xa_agreement_state_to_label (to));
  return EXIT_OK;
}

/* Sets or clears the signing date of one school's draft, or of every draft of the year;
 * agreements past draft keep theirs and are named. All or nothing per agreement. */
static int
command_set_date (Cli     *cli,
                  Options *options)
{
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  guint n_set = 0;
  guint n_skipped = 0;
  int year = 0;
  int status;

  if ((status = parse_year (options->year, &year)) != EXIT_OK)
    return status;
  if ((options->school == NULL) == !options->all)
    return xa_cli_usage_error (_("“agreement set-date” needs --school CODE or --all"));
  if ((options->date == NULL) == !options->clear)
    return xa_cli_usage_error (_("“agreement set-date” needs --date YYYY-MM-DD or --clear"));

  if (!open_books (cli, &books, &error))
    return xa_cli_user_error (error);

  if (options->school != NULL)
    {
      g_autoptr(XaAgreement) agreement = find_agreement (&books, options->school, year, &error);
      GListStore *one = g_list_store_new (XA_TYPE_AGREEMENT);

      if (agreement == NULL)
        {
          g_object_unref (one);
          return xa_cli_user_error (error);
        }
      g_list_store_append (one, agreement);
      agreements = G_LIST_MODEL (one);
    }
  else if (!(agreements = xa_agreement_book_list_year (books.book, year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);

      if (!xa_agreement_is_editable (agreement) && options->all)
        {
          n_skipped++;
          continue;
        }

      xa_agreement_set_sign_date (agreement, options->date);
      if (!xa_agreement_book_update (books.book, agreement, &error))
        return xa_cli_user_error (error);
      n_set++;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Set the signing date of %u draft agreement for %d-%d",
                        "Set the signing date of %u draft agreements for %d-%d", n_set),
           n_set, year, year + 1);
  if (n_skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u agreement past draft left as it is)",
                          " (%u agreements past draft left as they are)", n_skipped),
             n_skipped);
  g_print ("\n");
  return EXIT_OK;
}

static int
command_revise (Cli     *cli,
                Options *options)
{
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) agreement = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (options->year, &year)) != EXIT_OK)
    return status;
  if (options->school == NULL || options->all)
    return xa_cli_usage_error (_("“agreement revise” needs --school CODE"));

  if (!open_books (cli, &books, &error) ||
      !(agreement = find_agreement (&books, options->school, year, &error)) ||
      !(revision = xa_agreement_book_revise (books.book, xa_agreement_get_uuid (agreement), &error)))
    return xa_cli_user_error (error);

  g_print (_("Revision %d of the agreement of %s for %d-%d is a draft; revision %d stays as signed\n"),
           xa_agreement_get_revision (revision), options->school, year, year + 1,
           xa_agreement_get_revision (agreement));
  return EXIT_OK;
}

/* Rendering */

/* A school's file name: its code and name, without what a file system refuses. */
static char *
file_name_for (XaAgreement *agreement)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_string_printf (name, "%s-%s", xa_agreement_get_school_code (agreement),
                   xa_agreement_get_school_name (agreement));
  for (char *p = name->str; *p; p++)
    {
      if (*p == '/' || *p == '\\' || (guchar) *p < 0x20 || *p == 0x7f)
        *p = '_';
    }
  g_string_append (name, ".pdf");

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
print_progress (guint        n_done,
                guint        n_total,
                XaAgreement *agreement,
                const char  *path,
                gpointer     user_data)
{
  g_printerr ("[%u/%u] %s\n", n_done, n_total, xa_agreement_get_school_name (agreement));
}

/* The agreements to render, generating drafts for schools that have none yet. */
static GListModel *
collect_agreements (Books       *books,
                    Options     *options,
                    int          year,
                    GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (XA_TYPE_AGREEMENT);

  if (options->all)
    {
      guint n_made = 0;

      if (!xa_agreement_book_generate_all (books->book, year, &n_made, error))
        return NULL;
      if (n_made > 0)
        g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                 "%u school had no agreement for %d-%d: made a draft for it first\n",
                                 "%u schools had no agreement for %d-%d: made drafts for them first\n",
                                 n_made),
                    n_made, year, year + 1);
      return xa_agreement_book_list_year (books->book, year, error);
    }
  else
    {
      g_autoptr(XaOrganisation) school = NULL;
      g_autoptr(XaAgreement) agreement = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!(school = find_school (books, options->school, error)))
        return NULL;

      agreement = xa_agreement_book_dup_current (books->book, xa_organisation_get_uuid (school), year, &local_error);
      if (agreement == NULL &&
          g_error_matches (local_error, XA_AGREEMENT_BOOK_ERROR, XA_AGREEMENT_BOOK_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          agreement = xa_agreement_book_generate (books->book, xa_organisation_get_uuid (school), year, &local_error);
          if (agreement != NULL)
            g_printerr (_("School %s had no agreement for %d-%d: made a draft for it first\n"),
                        options->school, year, year + 1);
        }
      if (agreement == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_list_store_append (list, agreement);
      return G_LIST_MODEL (g_steal_pointer (&list));
    }
}

/* The folder an output file goes into, made when missing. */
static int
make_folder (const char *dir)
{
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved_errno = errno;

      g_printerr ("xiaoan-cli: ");
      g_printerr (_("Cannot create the output folder %s: %s\n"), dir, g_strerror (saved_errno));
      return EXIT_USER_ERROR;
    }

  return EXIT_OK;
}

static int
command_render (Cli     *cli,
                Options *options)
{
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaAgreementBatch) batch = NULL;
  g_autoptr(GHashTable) templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_auto(GStrv) warnings = NULL;
  g_autofree char *out_dir = NULL;
  XaAgreementCopy copies[2] = { XA_AGREEMENT_COPY_COMMISSION, XA_AGREEMENT_COPY_SCHOOL };
  guint n_copies = 2;
  gboolean to_file;
  int year = 0;
  int status;

  if ((status = parse_year (options->year, &year)) != EXIT_OK)
    return status;
  if ((options->school != NULL) == options->all)
    return xa_cli_usage_error (_("“agreement render” needs either --school CODE or --all"));
  if (options->out == NULL)
    return xa_cli_usage_error (_("“agreement render” needs --out DIR or --out FILE.pdf"));

  if (options->copy == NULL || g_str_equal (options->copy, "both"))
    ;
  else if (g_str_equal (options->copy, "commission"))
    n_copies = 1;
  else if (g_str_equal (options->copy, "school"))
    copies[0] = XA_AGREEMENT_COPY_SCHOOL, n_copies = 1;
  else
    return xa_cli_usage_error (_("--copy needs commission, school or both, not “%s”"), options->copy);

  to_file = g_str_has_suffix (options->out, ".pdf") || g_str_has_suffix (options->out, ".PDF");
  if (to_file && options->all)
    return xa_cli_usage_error (_("With --all, --out names a folder: one PDF per school goes into it"));

  out_dir = to_file ? g_path_get_dirname (options->out) : g_strdup (options->out);
  if ((status = make_folder (out_dir)) != EXIT_OK)
    return status;

  if (!open_books (cli, &books, &error) ||
      !(agreements = collect_agreements (&books, options, year, &error)))
    return xa_cli_user_error (error);

  fonts = xa_font_resolver_new ();
  warnings = xa_font_resolver_dup_warnings (fonts);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("xiaoan-cli: %s\n", warnings[i]);

  batch = xa_agreement_batch_new (fonts);
  xa_agreement_batch_set_copies (batch, copies, n_copies);

  for (guint i = 0; i < g_list_model_get_n_items (agreements); i++)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, i);
      const char *template_uuid = xa_agreement_get_template_uuid (agreement);
      XaTemplate *template = g_hash_table_lookup (templates, template_uuid);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (template == NULL)
        {
          if (!(template = xa_agreement_book_dup_template (books.book, agreement, &error)))
            return xa_cli_user_error (error);
          g_hash_table_insert (templates, g_strdup (template_uuid), template);
        }

      name = file_name_for (agreement);
      path = to_file ? g_strdup (options->out) : g_build_filename (out_dir, name, NULL);
      xa_agreement_batch_add (batch, agreement, template, path);
    }

  if (!xa_agreement_batch_run (batch, NULL, options->all ? print_progress : NULL, NULL, &error))
    return xa_cli_user_error (error);

  if (to_file || xa_agreement_batch_get_n_items (batch) == 1)
    {
      g_autoptr(XaAgreement) agreement = g_list_model_get_item (agreements, 0);
      g_autofree char *name = file_name_for (agreement);
      g_autofree char *path = to_file ? g_strdup (options->out) : g_build_filename (out_dir, name, NULL);

      g_print (_("Wrote %s\n"), path);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u PDF file into %s\n", "Wrote %u PDF files into %s\n",
                          xa_agreement_batch_get_n_items (batch)),
             xa_agreement_batch_get_n_items (batch), out_dir);

  return EXIT_OK;
}

int
xa_cli_agreement (Cli *cli)
{
  g_auto(Options) options = { NULL, };
  const char *subcommand = cli->args->len > 1 ? g_ptr_array_index (cli->args, 1) : "";
  int status;

  if ((status = parse_options (cli, 2, &options)) != EXIT_OK)
    return status;
  if (options.positional->len > 0)
    return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"),
                               (const char *) g_ptr_array_index (options.positional, 0), "agreement");

  if (g_str_equal (subcommand, "generate"))
    return command_generate (cli, &options);
  if (g_str_equal (subcommand, "list"))
    return command_list (cli, &options);
  if (g_str_equal (subcommand, "advance"))
    return command_advance (cli, &options);
  if (g_str_equal (subcommand, "revise"))
    return command_revise (cli, &options);
  if (g_str_equal (subcommand, "set-date"))
    return command_set_date (cli, &options);
  if (g_str_equal (subcommand, "render"))
    return command_render (cli, &options);

  return xa_cli_usage_error (_("Unknown command “%s %s”"), "agreement", subcommand);
}

/* Templates */

static XaTemplate *
latest_template (Books       *books,
                 const char  *year_text,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  XaTemplate *template;
  int year = 0;

  if (!xa_school_year_parse (year_text, &year, error))
    return NULL;

  if ((template = xa_template_library_dup_latest (books->templates, year, &local_error)) != NULL)
    return template;

  if (!g_error_matches (local_error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The library does not know which year it was asked for; the user does. */
  name = xa_school_year_format (year, TRUE);
  g_set_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_NOT_FOUND,
               _("There is no template for %s"), name);
  return NULL;
}

/* "+ id text", "- id text", or "~ id" with the changed words as [-old-]{+new+}, as
 * `git diff --word-diff` marks them; NULL for an unchanged clause. */
static char *
change_to_line (XaTemplateChange *change)
{
  XaTemplateChangeFlags flags = xa_template_change_get_flags (change);
  const char *id = xa_template_change_get_clause_id (change);
  g_autoptr(GString) line = g_string_new (NULL);
  GPtrArray *segments;

  if (flags & XA_TEMPLATE_CHANGE_ADDED)
    return g_strdup_printf ("+ %s %s", id, xa_clause_get_text (xa_template_change_get_new_clause (change)));
  if (flags & XA_TEMPLATE_CHANGE_REMOVED)
    return g_strdup_printf ("- %s %s", id, xa_clause_get_text (xa_template_change_get_old_clause (change)));
  if ((flags & (XA_TEMPLATE_CHANGE_CHANGED | XA_TEMPLATE_CHANGE_MOVED)) == 0)
    return NULL;

  g_string_printf (line, "~ %s ", id);
  segments = xa_template_change_get_text_segments (change);
  for (guint i = 0; segments != NULL && i < segments->len; i++)
    {
      const XaDiffSegment *segment = g_ptr_array_index (segments, i);

      if (segment->op == XA_DIFF_DELETED)
        g_string_append_printf (line, "[-%s-]", segment->text);
      else if (segment->op == XA_DIFF_INSERTED)
        g_string_append_printf (line, "{+%s+}", segment->text);
      else
        g_string_append (line, segment->text);
    }
  if (segments == NULL || segments->len == 0)
    g_string_append (line, xa_clause_get_text (xa_template_change_get_new_clause (change)));

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* "template diff --pdf FILE": the comparison as the app exports it. */
static int
write_diff_pdf (XaTemplateDiff *diff,
                const char     *path)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_auto(GStrv) warnings = xa_font_resolver_dup_warnings (fonts);

  int status;

  if ((status = make_folder (dir)) != EXIT_OK)
    return status;

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("xiaoan-cli: %s\n", warnings[i]);

  if (!xa_diff_write_pdf (diff, fonts, path, &error))
    return xa_cli_user_error (error);

  g_print (_("Wrote %s\n"), path);
  return EXIT_OK;
}

int
xa_cli_template (Cli *cli)
{
  g_auto(Options) options = { NULL, };
  g_auto(Books) books = { NULL, };
  g_autoptr(GError) error = NULL;
  const char *subcommand = cli->args->len > 1 ? g_ptr_array_index (cli->args, 1) : "";
  int status;

  if ((status = parse_options (cli, 2, &options)) != EXIT_OK)
    return status;

  if (!g_str_equal (subcommand, "list") && !g_str_equal (subcommand, "export") &&
      !g_str_equal (subcommand, "import") && !g_str_equal (subcommand, "next-year") &&
      !g_str_equal (subcommand, "diff"))
    return xa_cli_usage_error (_("Unknown command “%s %s”"), "template", subcommand);

  if ((g_str_equal (subcommand, "export") || g_str_equal (subcommand, "import")) &&
      options.positional->len != 1)
    return xa_cli_usage_error (_("“template %s” takes one file"), subcommand);
  if ((g_str_equal (subcommand, "export") || g_str_equal (subcommand, "next-year")) && options.year == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));
  if (g_str_equal (subcommand, "diff") && options.years->len != 2)
    return xa_cli_usage_error (_("“template diff” compares two years: --year A --year B"));
  if (options.pdf != NULL && !g_str_equal (subcommand, "diff"))
    return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"), "--pdf", "template");

  if (!open_books (cli, &books, &error))
    return xa_cli_user_error (error);

  if (g_str_equal (subcommand, "list"))
    {
      GListModel *list = xa_template_library_get_templates (books.templates);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(XaTemplate) template = g_list_model_get_item (list, i);
          int year = xa_template_get_school_year (template);

          g_print ("%d-%d\t%d\t%s\t%s\n", year, year + 1, xa_template_get_version (template),
                   xa_template_get_frozen (template) ? _("frozen") : _("editable"),
                   xa_template_get_name (template));
        }
    }
  else if (g_str_equal (subcommand, "export"))
    {
      g_autoptr(XaTemplate) template = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_ptr_array_index (options.positional, 0));

      if (!(template = latest_template (&books, options.year, &error)) ||
          !xa_template_library_export_file (books.templates, template, file, &error))
        return xa_cli_user_error (error);
      g_print (_("Wrote %s\n"), (const char *) g_ptr_array_index (options.positional, 0));
    }
  else if (g_str_equal (subcommand, "import"))
    {
      g_autoptr(XaTemplate) template = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_ptr_array_index (options.positional, 0));
      int year;

      if (!(template = xa_template_library_import_file (books.templates, file, &error)))
        return xa_cli_user_error (error);
      year = xa_template_get_school_year (template);
      g_print (_("Imported the template for %d-%d as version %d\n"), year, year + 1,
               xa_template_get_version (template));
    }
  else if (g_str_equal (subcommand, "next-year"))
    {
      g_autoptr(XaTemplate) template = NULL;
      g_autoptr(XaTemplate) copy = NULL;
      int year;

      if (!(template = latest_template (&books, options.year, &error)) ||
          !(copy = xa_template_library_copy_to_next_year (books.templates, template, &error)))
        return xa_cli_user_error (error);
      year = xa_template_get_school_year (copy);
      g_print (_("Copied the template into %d-%d as version %d\n"), year, year + 1,
               xa_template_get_version (copy));
    }
  else
    {
      g_autoptr(XaTemplate) a = NULL;
      g_autoptr(XaTemplate) b = NULL;
      g_autoptr(XaTemplateDiff) diff = NULL;

      if (!(a = latest_template (&books, g_ptr_array_index (options.years, 0), &error)) ||
          !(b = latest_template (&books, g_ptr_array_index (options.years, 1), &error)))
        return xa_cli_user_error (error);

      diff = xa_template_diff_new (a, b);
      if (options.pdf != NULL)
        return write_diff_pdf (diff, options.pdf);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (diff)); i++)
        {
          g_autoptr(XaTemplateChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);
          g_autofree char *line = change_to_line (change);

          if (line != NULL)
            g_print ("%s\n", line);
        }
    }

  return EXIT_OK;
}
