/* xa-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line program: the app's capabilities without a display (DESIGN.md §8).
 * This file holds what the commands share (their table is xa-cli-commands.c): the global options, one
 * GOptionContext per command with only that command's options, the workspace every
 * command opens, and the messages. Exit status 0 on success, 1 on a user error (one line
 * per problem on stderr), 2 on a usage error (one line).
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xa-cli-commands.h"
#include "xa-cli-private.h"
#include "xa-cli.h"
#include "core/util/xa-date.h"
#include "document/xa-page-layout.h"

/* One option as every command that takes it sees it. */
typedef struct
{
  XaCliOptions  flag;
  const char   *name;
  GOptionArg    arg;
  glong         offset;            /* of its field in XaCli */
  const char   *description;
  const char   *arg_description;
  const char   *needs;             /* the message when its value is missing */
} OptionSpec;


#define OFFSET(field) G_STRUCT_OFFSET (XaCli, field)

/* The values ("Y", "CODE") are left as they are: they stand for what the user types. */
static const OptionSpec option_specs[] = {
  { XA_CLI_OPTION_YEAR, "year", G_OPTION_ARG_STRING_ARRAY, OFFSET (years),
    N_("the school year, such as 2021-2022 or 2021"), "Y",
    N_("--year needs a school year, such as 2021-2022") },
  { XA_CLI_OPTION_SCHOOL, "school", G_OPTION_ARG_STRING, OFFSET (school),
    N_("the school, by its code (学校标识码)"), "CODE",
    N_("--school needs a school code (学校标识码)") },
  { XA_CLI_OPTION_ALL, "all", G_OPTION_ARG_NONE, OFFSET (all),
    N_("every school"), NULL, NULL },
  { XA_CLI_OPTION_JSON, "json", G_OPTION_ARG_NONE, OFFSET (json),
    N_("print JSON instead of one tab-separated line each"), NULL, NULL },
  { XA_CLI_OPTION_SEARCH, "search", G_OPTION_ARG_STRING, OFFSET (search),
    N_("only the schools whose name, code or address holds TERM (one character and up)"), "TERM",
    N_("--search needs what to look for, such as --search 实验") },
  { XA_CLI_OPTION_TO, "to", G_OPTION_ARG_STRING, OFFSET (to),
    N_("the new state: pending, signed, archived or draft"), "STATE",
    N_("--to needs a state: pending, signed, archived or draft") },
  { XA_CLI_OPTION_OUT, "out", G_OPTION_ARG_FILENAME, OFFSET (out),
    N_("a folder for one PDF per school, or a .pdf file for one school"), "DIR|FILE.pdf",
    N_("--out needs a folder or a .pdf file") },
  { XA_CLI_OPTION_COPY, "copy", G_OPTION_ARG_STRING, OFFSET (copy),
    N_("which originals: commission, school or both (the default)"), "COPY",
    N_("--copy needs commission, school or both") },
  { XA_CLI_OPTION_PDF, "pdf", G_OPTION_ARG_FILENAME, OFFSET (pdf),
    N_("write the comparison as a PDF file"), "FILE.pdf",
    N_("--pdf needs a file name, such as diff.pdf") },
  { XA_CLI_OPTION_DATE, "date", G_OPTION_ARG_STRING, OFFSET (date),
    N_("the signing date, such as 2021-09-01"), "YYYY-MM-DD",
    N_("--date needs a date, such as 2021-09-01") },
  { XA_CLI_OPTION_CLEAR, "clear", G_OPTION_ARG_NONE, OFFSET (clear),
    N_("remove the signing date: 年　月　日 is printed again"), NULL, NULL },
  { XA_CLI_OPTION_SCHOOLS, "schools", G_OPTION_ARG_STRING, OFFSET (schools),
    N_("how many schools, from 1 to 2000"), "N",
    N_("--schools needs a number from 1 to 2000") },
  { XA_CLI_OPTION_SEED, "seed", G_OPTION_ARG_STRING, OFFSET (seed),
    N_("the same seed makes the same district"), "S",
    N_("--seed needs a whole number from 0 to 4294967295") },
  { XA_CLI_OPTION_KEEP, "keep", G_OPTION_ARG_STRING, OFFSET (keep),
    N_("how many verified backups to keep, from 1 to 1000 (default 10)"), "N",
    N_("--keep needs a number from 1 to 1000") },
  { XA_CLI_OPTION_LATEST, "latest", G_OPTION_ARG_NONE, OFFSET (latest),
    N_("the newest backup that verifies"), NULL, NULL },
  { XA_CLI_OPTION_HEAD, "head", G_OPTION_ARG_STRING, OFFSET (head),
    N_("a head the chain once reached, as an exported PDF's keywords give it (审计链 #SEQ HASH)"), "HEAD",
    N_("--head needs the head an exported file carries, such as “审计链 #123 9f86d0…”") },
  { XA_CLI_OPTION_FROM, "from", G_OPTION_ARG_STRING, OFFSET (from),
    N_("the store to move: a database file or a postgresql:// address"), "LOCATION",
    N_("--from needs a database file or a postgresql:// address") },
  { XA_CLI_OPTION_TO_STORE, "to", G_OPTION_ARG_STRING, OFFSET (to),
    N_("a new, empty database: a file or a postgresql:// address"), "LOCATION",
    N_("--to needs a database file or a postgresql:// address") },
  { XA_CLI_OPTION_ROLE, "role", G_OPTION_ARG_STRING, OFFSET (role),
    N_("the login role (default: school_CODE)"), "NAME",
    N_("--role needs a role name, such as school_3101000001") },
  { XA_CLI_OPTION_NAME, "name", G_OPTION_ARG_STRING, OFFSET (name),
    N_("the template's name (default: its title)"), "NAME",
    N_("--name needs the template's name") },
  { XA_CLI_OPTION_DRY_RUN, "dry-run", G_OPTION_ARG_NONE, OFFSET (dry_run),
    N_("only show what is recognised; store nothing"), NULL, NULL },
  { XA_CLI_OPTION_REVISION, "revision", G_OPTION_ARG_STRING, OFFSET (revision),
    N_("the agreement's revision, from 1 (default: the current one)"), "N",
    N_("--revision needs a revision number, such as 2") },
  { XA_CLI_OPTION_AGAINST_TEMPLATE, "against-template", G_OPTION_ARG_NONE, OFFSET (against_template),
    N_("compare with the template version the agreement was made from"), NULL, NULL },
};


static void
xa_cli_clear (XaCli *cli)
{
  g_clear_pointer (&cli->data_dir, g_free);
  g_clear_pointer (&cli->database, g_free);
  g_clear_pointer (&cli->operator_name, g_free);
  g_clear_pointer (&cli->years, g_strfreev);
  g_clear_pointer (&cli->school, g_free);
  g_clear_pointer (&cli->to, g_free);
  g_clear_pointer (&cli->out, g_free);
  g_clear_pointer (&cli->copy, g_free);
  g_clear_pointer (&cli->pdf, g_free);
  g_clear_pointer (&cli->date, g_free);
  g_clear_pointer (&cli->schools, g_free);
  g_clear_pointer (&cli->seed, g_free);
  g_clear_pointer (&cli->keep, g_free);
  g_clear_pointer (&cli->head, g_free);
  g_clear_pointer (&cli->search, g_free);
  g_clear_pointer (&cli->role, g_free);
  g_clear_pointer (&cli->from, g_free);
  g_clear_pointer (&cli->name, g_free);
  g_clear_pointer (&cli->revision, g_free);
  g_clear_pointer (&cli->args, g_strfreev);
  for (guint i = 0; cli->options != NULL && cli->options[i].name != NULL; i++)
    g_free (cli->option_values[i]);
  g_clear_pointer (&cli->option_values, g_free);
  g_clear_pointer (&cli->option_switches, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XaCli, xa_cli_clear)

/* "agreement list --year Y [--json]" */
static char *
command_dup_usage (const XaCliCommand *command)
{
  return g_strstrip (g_strdup_printf ("%s %s", command->name, command->synopsis));
}

static void
print_help (void)
{
  g_print ("%s\n\n%s\n",
           _("Usage: xiaoan-cli [--data-dir DIR | --database LOCATION] [--operator NAME] COMMAND [ARGUMENTS…]"),
           _("Commands:"));

  for (guint i = 0; i < xa_cli_n_commands; i++)
    {
      const XaCliCommand *command = &xa_cli_commands[i];
      g_autofree char *usage = command_dup_usage (command);

      /* Short commands with one line of help fit on one line; the others are indented
       * below their usage. */
      if (strlen (usage) < 34 && command->summary[1] == NULL)
        {
          g_print ("  %-34s%s\n", usage, _(command->summary[0]));
          continue;
        }

      g_print ("  %s\n", usage);
      for (guint l = 0; command->summary[l] != NULL; l++)
        g_print ("      %s\n", _(command->summary[l]));
    }

  g_print ("\n%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n\n%s\n",
           _("Options:"),
           "--data-dir DIR", _("the data folder (default: $XIAOAN_DATA_DIR, else ~/.local/share/xiaoan)"),
           "--database LOCATION", _("a database file, or a server as postgresql://USER@HOST/DATABASE (default: $XIAOAN_DATABASE, else xiaoan.db in the data folder)"),
           "--operator NAME", _("who is recorded in the audit log (default: $XIAOAN_OPERATOR, else the account name)"),
           "--help", _("show this help"),
           "--version", _("show the version"),
           _("“xiaoan-cli COMMAND --help” shows the options of a command."));
}

/**
 * xa_cli_usage_error:
 *
 * Prints one line on stderr that says what is wrong with the command line.
 *
 * Returns: %EXIT_USAGE
 */
int
xa_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("xiaoan-cli: %s\n", message);
  return EXIT_USAGE;
}

/**
 * xa_cli_user_error:
 *
 * Prints @error's message as one line on stderr.
 *
 * Returns: %EXIT_USER_ERROR
 */
int
xa_cli_user_error (const GError *error)
{
  g_printerr ("xiaoan-cli: %s\n", error->message);
  return EXIT_USER_ERROR;
}

/**
 * xa_cli_dup_database:
 *
 * Where the command's database is: `--database`, else `xiaoan.db` in `--data-dir`, else
 * `$XIAOAN_DATABASE`, else `xiaoan.db` in the default data folder. A server's password is not part of it: libpq takes it
 * from PGPASSWORD or the password file (~/.pgpass), as the server's own tools do.
 *
 * Returns: (transfer full): a file path or a `postgresql://` URI
 */
char *
xa_cli_dup_database (XaCli *cli)
{
  const char *env = g_getenv ("XIAOAN_DATABASE");
  g_autofree char *data_dir = NULL;

  const char *chosen = cli->database;

  /* A folder given on the command line wins over the environment's database. */
  if ((chosen == NULL || chosen[0] == '\0') && cli->data_dir == NULL)
    chosen = env;

  if (chosen != NULL && chosen[0] != '\0')
    return xa_store_location_is_server (chosen) ? g_strdup (chosen)
                                                : g_canonicalize_filename (chosen, NULL);

  data_dir = xa_store_dup_default_data_dir (cli->data_dir);
  return g_build_filename (data_dir, "xiaoan.db", NULL);
}

/**
 * xa_cli_open_workspace:
 *
 * Opens the workspace of the data folder as the command table says. A command that
 * writes creates or migrates the database and names the operator in its audit log:
 * --operator, else $XIAOAN_OPERATOR, else the account. One that only reads opens it
 * read-only, and a folder without a database (or with one to update) is a user error
 * that says to run `init`. A command calls it once its command line has been checked,
 * so that a usage error creates nothing.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
XaWorkspace *
xa_cli_open_workspace (XaCli   *cli,
                       GError **error)
{
  const char *operator_name = cli->operator_name;
  g_autofree char *location = xa_cli_dup_database (cli);
  g_autoptr(GError) local_error = NULL;
  XaWorkspace *workspace;

  if (cli->read_only)
    {
      g_autofree char *where = xa_store_location_is_server (location)
                               ? g_strdup (location) : g_path_get_dirname (location);

      if ((workspace = xa_workspace_open_location_for_reading (location, NULL, &local_error)))
        return workspace;

      if (g_error_matches (local_error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE))
        g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_NO_DATABASE,
                     _("There is no database in %s yet; run “xiaoan-cli init” to create it"), where);
      else if (g_error_matches (local_error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_OLD_SCHEMA))
        g_set_error (error, XA_WORKSPACE_ERROR, XA_WORKSPACE_ERROR_OLD_SCHEMA,
                     _("The database in %s is from an older version of Xiaoan; run “xiaoan-cli init” to update it"), where);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (operator_name == NULL || operator_name[0] == '\0')
    operator_name = g_getenv ("XIAOAN_OPERATOR");

  return xa_workspace_open_location (location, NULL, operator_name, error);
}

/**
 * xa_cli_parse_date:
 * @option: the option's name, without dashes
 * @text: (nullable): its value, YYYY-MM-DD or as people type it (2021-9-1)
 * @date: (out): the date as stored, or unchanged when @text is %NULL
 *
 * Returns: %EXIT_OK, or %EXIT_USAGE after a message that names the option
 */
int
xa_cli_parse_date (const char  *option,
                   const char  *text,
                   char       **date)
{
  if (text == NULL)
    return EXIT_OK;

  if (!(*date = xa_date_normalise (text)))
    /* Translators: an option (--found-on), then what was given */
    return xa_cli_usage_error (_("--%s: “%s” is not a date such as 2021-09-01"), option, text);

  return EXIT_OK;
}

/* A list as JSON for other programs: indented, a newline at the end. */
void
xa_cli_print_json_array (JsonArray *array)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  json_node_set_array (root, array);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

/**
 * xa_cli_find_school:
 * @code: a 学校标识码 given with --school
 * @removed_too: whether a school that left the register is found too
 *
 * Returns: (transfer full) (nullable): the school, or %NULL with @error set to a message
 *   that names --school and the code
 */
XaOrganisation *
xa_cli_find_school (XaWorkspace  *workspace,
                    const char   *code,
                    gboolean      removed_too,
                    GError      **error)
{
  g_autoptr(XaOrganisation) school = NULL;

  school = xa_school_registry_dup_school_by_code (xa_workspace_get_registry (workspace), code, NULL);
  if (school == NULL || (!removed_too && xa_organisation_get_deleted (school)))
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_NOT_FOUND,
                   /* Translators: %s is a 10-digit 学校标识码 given with --school */
                   _("--school: there is no school with the code %s"), code);
      return NULL;
    }

  return g_steal_pointer (&school);
}

/* The folder an output file goes into, made when missing. */
int
xa_cli_make_folder (const char *dir)
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

/* Which fonts stand in for the official faces that are not installed. */
void
xa_cli_print_font_warnings (XaFontResolver *fonts)
{
  g_auto(GStrv) warnings = xa_font_resolver_dup_warnings (fonts);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_printerr ("xiaoan-cli: %s\n", warnings[i]);
}

/* A form laid out by the page engine, written atomically to @path after the fonts it
 * had to stand in for are named on stderr: every command that prints a PDF form. FALSE
 * with @error set when it could not be written; a %NULL @layout is a failure already
 * set in @error. */
gboolean
xa_cli_save_layout (XaPageLayout    *layout,
                    XaFontResolver  *fonts,
                    const char      *path,
                    GError         **error)
{
  if (layout == NULL)
    return FALSE;

  xa_cli_print_font_warnings (fonts);
  return xa_page_layout_save_pdf (layout, path, error);
}

/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]. Returns FALSE when argv[*i] is not
 * this option; sets *missing when the value is absent. */
static gboolean
take_option (char       **argv,
             int          argc,
             int         *i,
             const char  *name,
             char       **value,
             gboolean    *missing)
{
  const char *arg = argv[*i];
  gsize name_len = strlen (name);

  if (strncmp (arg, name, name_len) != 0)
    return FALSE;

  if (arg[name_len] == '=')
    {
      g_free (*value);
      *value = g_strdup (arg + name_len + 1);
      return TRUE;
    }

  if (arg[name_len] != '\0')
    return FALSE;

  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return TRUE;
    }

  g_free (*value);
  *value = g_strdup (argv[++*i]);
  return TRUE;
}

/* The global options may come before or after the command, as people type them; they
 * are taken out here and the rest goes into @args. */
static int
parse_global_options (XaCli      *cli,
                      int         argc,
                      char      **argv,
                      GPtrArray  *args,
                      gboolean   *show_version)
{
  for (int i = 1; i < argc; i++)
    {
      gboolean missing = FALSE;

      if (g_str_equal (argv[i], "--version"))
        *show_version = TRUE;
      else if (take_option (argv, argc, &i, "--data-dir", &cli->data_dir, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--data-dir needs a folder"));
        }
      else if (take_option (argv, argc, &i, "--database", &cli->database, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--database needs a file or a postgresql:// address"));
        }
      else if (take_option (argv, argc, &i, "--operator", &cli->operator_name, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--operator needs a name"));
        }
      else
        g_ptr_array_add (args, g_strdup (argv[i]));
    }

  return EXIT_OK;
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h");
}

/* The command named by the first one or two words of @args, or NULL. */
static const XaCliCommand *
find_command (GPtrArray *args,
              guint     *n_words)
{
  const char *first = args->len > 0 ? g_ptr_array_index (args, 0) : "";
  g_autofree char *two = NULL;
  g_autofree char *three = NULL;

  if (args->len > 1)
    two = g_strdup_printf ("%s %s", first, (const char *) g_ptr_array_index (args, 1));
  /* A group within a group: "agreement supplement add". */
  if (args->len > 2)
    three = g_strdup_printf ("%s %s", two, (const char *) g_ptr_array_index (args, 2));

  for (guint i = 0; i < xa_cli_n_commands; i++)
    {
      if (g_str_equal (xa_cli_commands[i].name, first))
        {
          *n_words = 1;
          return &xa_cli_commands[i];
        }
      if (two != NULL && g_str_equal (xa_cli_commands[i].name, two))
        {
          *n_words = 2;
          return &xa_cli_commands[i];
        }
      if (three != NULL && g_str_equal (xa_cli_commands[i].name, three))
        {
          *n_words = 3;
          return &xa_cli_commands[i];
        }
    }

  return NULL;
}

/* Whether @word is the first word of commands of two ("school"). */
static gboolean
is_group (const char *word)
{
  gsize len = strlen (word);

  for (guint i = 0; i < xa_cli_n_commands; i++)
    {
      if (strncmp (xa_cli_commands[i].name, word, len) == 0 && xa_cli_commands[i].name[len] == ' ')
        return TRUE;
    }

  return FALSE;
}

/* GLib says "Missing argument for --year"; the option knows better what it needs. */
static const char *
find_missing_value (const XaCliCommand *command,
                    const char         *last_arg)
{
  if (last_arg == NULL || !g_str_has_prefix (last_arg, "--"))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++)
    {
      const OptionSpec *spec = &option_specs[i];

      if ((command->options & spec->flag) && spec->needs != NULL && g_str_equal (last_arg + 2, spec->name))
        return spec->needs;
    }

  for (guint i = 0; command->own_options != NULL && command->own_options[i].name != NULL; i++)
    {
      const XaCliOption *option = &command->own_options[i];

      if (option->needs != NULL && g_str_equal (last_arg + 2, option->name))
        return option->needs;
    }

  return NULL;
}

/* How many arguments a command takes: the words of its argument ("NUMBER STEP"); one
 * that ends in "…" ("FILE…") takes as many as are given. */
static guint
count_arguments (const XaCliCommand *command)
{
  g_auto(GStrv) words = NULL;

  if (command->argument == NULL)
    return 0;
  if (g_str_has_suffix (command->argument, "…"))
    return G_MAXUINT;

  words = g_strsplit (command->argument, " ", -1);
  return g_strv_length (words);
}

/**
 * xa_cli_get_option:
 * @name: one of the command's own options, as XaCliOption names it
 *
 * Returns: (nullable): its value, or %NULL when it was not given
 */
const char *
xa_cli_get_option (XaCli      *cli,
                   const char *name)
{
  for (guint i = 0; cli->options != NULL && cli->options[i].name != NULL; i++)
    {
      if (g_str_equal (cli->options[i].name, name))
        return cli->option_values[i];
    }

  g_return_val_if_reached (NULL);
}

/**
 * xa_cli_get_switch:
 * @name: one of the command's own switches (%G_OPTION_ARG_NONE)
 *
 * Returns: whether it was given
 */
gboolean
xa_cli_get_switch (XaCli      *cli,
                   const char *name)
{
  for (guint i = 0; cli->options != NULL && cli->options[i].name != NULL; i++)
    {
      if (g_str_equal (cli->options[i].name, name))
        return cli->option_switches[i];
    }

  g_return_val_if_reached (FALSE);
}

/* Parses the options of @command from @args (what follows its name) into @cli, and
 * leaves its arguments in cli->args. Anything it does not take is a usage error; --help
 * prints its options and exits. */
static int
parse_command_line (XaCli              *cli,
                    const XaCliCommand *command,
                    GPtrArray          *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GArray) entries = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) args_builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = NULL;
  g_auto(GStrv) argv = NULL;
  gboolean seen_dashes = FALSE;
  guint n_args;

  for (guint i = 0; i < G_N_ELEMENTS (option_specs); i++)
    {
      const OptionSpec *spec = &option_specs[i];
      GOptionEntry entry = { spec->name, 0, 0, spec->arg, G_STRUCT_MEMBER_P (cli, spec->offset),
                             spec->description, spec->arg_description };

      if (command->options & spec->flag)
        g_array_append_val (entries, entry);
    }

  if (command->own_options != NULL)
    {
      guint n_options = 0;

      while (command->own_options[n_options].name != NULL)
        n_options++;
      cli->options = command->own_options;
      cli->option_values = g_new0 (char *, n_options + 1);
      cli->option_switches = g_new0 (gboolean, n_options + 1);

      for (guint i = 0; i < n_options; i++)
        {
          const XaCliOption *option = &command->own_options[i];
          GOptionEntry entry = { option->name, 0, 0, option->arg,
                                 option->arg == G_OPTION_ARG_NONE ? (gpointer) &cli->option_switches[i]
                                                                  : (gpointer) &cli->option_values[i],
                                 option->description, option->arg_description };

          g_array_append_val (entries, entry);
        }
    }

  for (guint l = 0; command->summary[l] != NULL; l++)
    g_string_append_printf (summary, "%s%s", l > 0 ? "\n" : "", _(command->summary[l]));

  usage = command_dup_usage (command);
  context = g_option_context_new (usage);
  g_option_context_add_main_entries (context, (GOptionEntry *) entries->data, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary->str);
  g_option_context_set_description (context, _("Global options: --data-dir DIR, --database LOCATION, --operator NAME; "
                                               "“xiaoan-cli --help” lists every command."));

  g_strv_builder_add (argv_builder, "xiaoan-cli");
  for (guint i = 0; i < args->len; i++)
    g_strv_builder_add (argv_builder, g_ptr_array_index (args, i));
  argv = g_strv_builder_end (argv_builder);

  if (!g_option_context_parse_strv (context, &argv, &error))
    {
      const char *needs = NULL;

      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) && args->len > 0)
        needs = find_missing_value (command, g_ptr_array_index (args, args->len - 1));
      if (needs != NULL)
        return xa_cli_usage_error ("%s", _(needs));

      /* Translators: the command ("agreement list"), then GLib's message, such as
       * "Unknown option --pdf". */
      return xa_cli_usage_error (_("%s: %s"), command->name, error->message);
    }

  /* What is left are the arguments; a "--" only said that what follows is not an option. */
  for (guint i = 1; argv[i] != NULL; i++)
    {
      if (!seen_dashes && g_str_equal (argv[i], "--"))
        seen_dashes = TRUE;
      else
        g_strv_builder_add (args_builder, argv[i]);
    }
  cli->args = g_strv_builder_end (args_builder);

  n_args = g_strv_length (cli->args);
  if (n_args > count_arguments (command))
    return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"),
                               cli->args[count_arguments (command)], command->name);
  /* An argument in brackets ("[FILE]") may be left out. */
  if (command->argument != NULL && command->argument[0] != '[' &&
      (count_arguments (command) == G_MAXUINT ? n_args == 0 : n_args < count_arguments (command)))
    {
      if (strstr (command->argument, "FILE") != NULL)
        return xa_cli_usage_error (count_arguments (command) == G_MAXUINT ? _("“%s” takes one file or more")
                                                                           : _("“%s” takes one file"), command->name);
      /* Translators: a command ("hazard advance"), then its arguments ("NUMBER STEP") */
      return xa_cli_usage_error (_("“%s” takes %s"), command->name, command->argument);
    }

  if (cli->years != NULL && cli->years[0] != NULL)
    cli->year = cli->years[g_strv_length (cli->years) - 1];

  return EXIT_OK;
}

/**
 * xa_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments of `main()`
 *
 * Runs one command of xiaoan-cli, as typed.
 *
 * Returns: the exit status: 0 on success, 1 on a user error, 2 on a usage error
 */
int
xa_cli_run (int    argc,
            char **argv)
{
  g_auto(XaCli) cli = { NULL, };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  const XaCliCommand *command;
  gboolean show_version = FALSE;
  guint n_words = 0;
  int status;

  if ((status = parse_global_options (&cli, argc, argv, args, &show_version)) != EXIT_OK)
    return status;

  if (show_version)
    {
      g_print ("xiaoan-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (args->len == 0)
    {
      print_help ();
      return EXIT_USAGE;
    }

  if (!(command = find_command (args, &n_words)))
    {
      const char *first = g_ptr_array_index (args, 0);

      /* --help before the command, or after one that does not exist: the whole list. */
      for (guint i = 0; i < args->len; i++)
        {
          if (is_help (g_ptr_array_index (args, i)))
            {
              print_help ();
              return EXIT_OK;
            }
        }

      if (is_group (first))
        return xa_cli_usage_error (_("Unknown command “%s %s”"), first,
                                   args->len > 1 ? (const char *) g_ptr_array_index (args, 1) : "");
      return xa_cli_usage_error (_("Unknown command “%s”"), first);
    }

  g_ptr_array_remove_range (args, 0, n_words);
  if ((status = parse_command_line (&cli, command, args)) != EXIT_OK)
    return status;

  cli.read_only = command->access == XA_CLI_READS;

  return command->handler (&cli);
}
