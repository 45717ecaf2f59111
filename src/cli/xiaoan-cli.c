/* xiaoan-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line program: the app's capabilities without a display (DESIGN.md §8).
 * Exit status 0 on success, 1 on a user error (one line per problem on stderr), 2 on a
 * usage error.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/registry/xa-demo.h"
#include "core/registry/xa-school-import.h"
#include "core/registry/xa-school-registry.h"
#include "core/store/xa-store.h"

static void
cli_clear (Cli *cli)
{
  g_clear_pointer (&cli->data_dir, g_free);
  g_clear_pointer (&cli->operator_name, g_free);
  g_clear_pointer (&cli->args, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cli, cli_clear)

static void
print_help (void)
{
  g_print ("%s\n\n%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n\n%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n  %-34s%s\n",
           _("Usage: xiaoan-cli [--data-dir DIR] [--operator NAME] COMMAND [ARGUMENTS…]"),
           _("Commands:"),
           "init", _("create the database, or update it to this version"),
           "demo [--schools N] [--seed S]", _("fill an empty database with a fictional demo district"),
           "school import FILE.csv", _("import a school list (UTF-8 or GB18030), all or nothing"),
           "school list [--json]", _("list the schools"),
           "audit verify", _("check that the audit log has not been altered"),
           _("Options:"),
           "--data-dir DIR", _("the data folder (default: $XIAOAN_DATA_DIR, else ~/.local/share/xiaoan)"),
           "--operator NAME", _("who is recorded in the audit log (default: $XIAOAN_OPERATOR, else the account name)"),
           "--help", _("show this help"),
           "--version", _("show the version"));
  xa_cli_agreement_help ();
}

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
  g_printerr (_("Run “xiaoan-cli --help” to see the commands and options.\n"));
  return EXIT_USAGE;
}

int
xa_cli_user_error (const GError *error)
{
  g_printerr ("xiaoan-cli: %s\n", error->message);
  return EXIT_USER_ERROR;
}

/* Takes "--name VALUE" or "--name=VALUE" at argv[*i]. Returns FALSE when argv[*i] is not
 * this option; sets *missing when the value is absent. */
gboolean
xa_cli_take_option (char       **argv,
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

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  return text != NULL && text[0] != '\0' &&
         g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

XaStore *
xa_cli_open_store (Cli     *cli,
            GError **error)
{
  g_autofree char *dir = xa_store_dup_default_data_dir (cli->data_dir);
  g_autofree char *path = g_build_filename (dir, "xiaoan.db", NULL);
  const char *operator_name = cli->operator_name;
  XaStore *store;

  if (!(store = xa_store_open (path, error)))
    return NULL;

  if (operator_name == NULL || operator_name[0] == '\0')
    operator_name = g_getenv ("XIAOAN_OPERATOR");
  if (operator_name == NULL || operator_name[0] == '\0')
    operator_name = g_get_user_name ();
  xa_store_set_operator (store, operator_name);

  return store;
}

static int
command_init (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;

  if (cli->args->len != 1)
    return xa_cli_usage_error (_("“init” takes no arguments"));

  if (!(store = xa_cli_open_store (cli, &error)))
    return xa_cli_user_error (error);

  g_print (_("The database is ready: %s (schema %d)\n"),
           xa_store_get_path (store), xa_store_get_schema_version (store));
  return EXIT_OK;
}

static int
command_demo (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaSchoolRegistry) registry = NULL;
  guint64 n_schools = XA_DEMO_DEFAULT_SCHOOLS;
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  char **argv = (char **) cli->args->pdata;
  int argc = cli->args->len;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *value = NULL;
      gboolean missing = FALSE;

      if (xa_cli_take_option (argv, argc, &i, "--schools", &value, &missing))
        {
          if (missing || !parse_uint (value, 2000, &n_schools) || n_schools == 0)
            return xa_cli_usage_error (_("--schools needs a number from 1 to 2000"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--seed", &value, &missing))
        {
          if (missing || !parse_uint (value, G_MAXUINT32, &seed))
            return xa_cli_usage_error (_("--seed needs a whole number from 0 to %u"), G_MAXUINT32);
        }
      else
        return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"), argv[i], "demo");
    }

  if (!(store = xa_cli_open_store (cli, &error)))
    return xa_cli_user_error (error);

  registry = xa_school_registry_new (store);
  if (!xa_demo_fill (registry, (guint) n_schools, (guint32) seed, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created the demo district with %u school (seed %u)\n",
                        "Created the demo district with %u schools (seed %u)\n",
                        (gulong) n_schools),
           (guint) n_schools, (guint) seed);
  return EXIT_OK;
}

static int
command_school_import (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaSchoolRegistry) registry = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  guint n_imported = 0;

  if (cli->args->len != 3)
    return xa_cli_usage_error (_("“school import” takes one CSV file"));

  if (!(store = xa_cli_open_store (cli, &error)))
    return xa_cli_user_error (error);

  registry = xa_school_registry_new (store);
  file = g_file_new_for_commandline_arg (g_ptr_array_index (cli->args, 2));

  if (!xa_school_import_file (registry, file, &n_imported, &problems, &error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      g_printerr ("%s\n", error->message);
      return EXIT_USER_ERROR;
    }

  basename = g_file_get_basename (file);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Imported %u school from “%s”\n",
                        "Imported %u schools from “%s”\n",
                        n_imported),
           n_imported, basename);
  return EXIT_OK;
}

void
xa_cli_add_string_member (JsonBuilder *builder,
                          const char  *name,
                          const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
command_school_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autoptr(XaSchoolRegistry) registry = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean json = FALSE;
  GListModel *schools;

  for (guint i = 2; i < cli->args->len; i++)
    {
      const char *arg = g_ptr_array_index (cli->args, i);

      if (g_str_equal (arg, "--json"))
        json = TRUE;
      else
        return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"), arg, "school list");
    }

  if (!(store = xa_cli_open_store (cli, &error)))
    return xa_cli_user_error (error);

  registry = xa_school_registry_new (store);
  schools = xa_school_registry_get_schools (registry);

  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);
      g_autoptr(XaRole) holder = NULL;
      g_auto(GStrv) stages = NULL;
      const char *holder_name;

      holder = xa_school_registry_dup_role_holder (registry, xa_organisation_get_uuid (school),
                                                   XA_ROLE_KIND_FIRST_RESPONSIBLE, NULL, &error);
      if (error != NULL)
        return xa_cli_user_error (error);
      holder_name = holder ? xa_role_get_person_name (holder) : NULL;

      if (!json)
        {
          g_autofree char *stages_label = xa_stages_to_label (xa_organisation_get_stages (school));

          g_print ("%s\t%s\t%s\t%s\t%s\n",
                   xa_organisation_get_code (school),
                   xa_organisation_get_name (school),
                   xa_school_type_to_label (xa_organisation_get_school_type (school)),
                   stages_label,
                   holder_name ? holder_name : "");
          continue;
        }

      json_builder_begin_object (builder);
      xa_cli_add_string_member (builder, "code", xa_organisation_get_code (school));
      xa_cli_add_string_member (builder, "name", xa_organisation_get_name (school));
      xa_cli_add_string_member (builder, "type",
                         xa_school_type_to_key (xa_organisation_get_school_type (school)));
      json_builder_set_member_name (builder, "stages");
      json_builder_begin_array (builder);
      stages = g_strsplit (xa_organisation_get_stages (school), ",", -1);
      for (guint s = 0; stages[s] != NULL; s++)
        {
          if (stages[s][0] != '\0')
            json_builder_add_string_value (builder, stages[s]);
        }
      json_builder_end_array (builder);
      xa_cli_add_string_member (builder, "address", xa_organisation_get_address (school));
      xa_cli_add_string_member (builder, "phone", xa_organisation_get_phone (school));
      xa_cli_add_string_member (builder, "uuid", xa_organisation_get_uuid (school));
      xa_cli_add_string_member (builder, "first_responsible", holder_name);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return EXIT_OK;
}

static int
command_audit_verify (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autofree char *reason = NULL;
  gint64 n_entries = 0;
  gint64 broken = 0;

  if (cli->args->len != 2)
    return xa_cli_usage_error (_("“audit verify” takes no arguments"));

  if (!(store = xa_cli_open_store (cli, &error)))
    return xa_cli_user_error (error);

  if (!xa_store_verify_audit (store, &n_entries, &broken, &reason, &error))
    return xa_cli_user_error (error);

  if (broken != 0)
    {
      g_printerr (_("The audit log is broken at entry %lld: %s\n"), (long long) broken, reason);
      return EXIT_USER_ERROR;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit chain is intact: %lld entry\n",
                        "The audit chain is intact: %lld entries\n",
                        (gulong) n_entries),
           (long long) n_entries);
  return EXIT_OK;
}

/* Global options may come before or after the command, as people type them. */
static int
parse_global_options (Cli   *cli,
                      int    argc,
                      char **argv)
{
  cli->args = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    {
      gboolean missing = FALSE;

      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help ();
          exit (EXIT_OK);
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("xiaoan-cli %s\n", PACKAGE_VERSION);
          exit (EXIT_OK);
        }
      else if (xa_cli_take_option (argv, argc, &i, "--data-dir", &cli->data_dir, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--data-dir needs a folder"));
        }
      else if (xa_cli_take_option (argv, argc, &i, "--operator", &cli->operator_name, &missing))
        {
          if (missing)
            return xa_cli_usage_error (_("--operator needs a name"));
        }
      else
        g_ptr_array_add (cli->args, g_strdup (argv[i]));
    }

  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Cli) cli = { NULL, };
  const char *localedir = g_getenv ("XIAOAN_LOCALEDIR");
  const char *command;
  const char *subcommand;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if ((status = parse_global_options (&cli, argc, argv)) != EXIT_OK)
    return status;

  if (cli.args->len == 0)
    {
      print_help ();
      return EXIT_USAGE;
    }

  command = g_ptr_array_index (cli.args, 0);
  subcommand = cli.args->len > 1 ? g_ptr_array_index (cli.args, 1) : "";

  if (g_str_equal (command, "init"))
    return command_init (&cli);
  if (g_str_equal (command, "demo"))
    return command_demo (&cli);
  if (g_str_equal (command, "school") && g_str_equal (subcommand, "import"))
    return command_school_import (&cli);
  if (g_str_equal (command, "school") && g_str_equal (subcommand, "list"))
    return command_school_list (&cli);
  if (g_str_equal (command, "audit") && g_str_equal (subcommand, "verify"))
    return command_audit_verify (&cli);

  if (g_str_equal (command, "agreement"))
    return xa_cli_agreement (&cli);
  if (g_str_equal (command, "template"))
    return xa_cli_template (&cli);

  if (g_str_equal (command, "school") || g_str_equal (command, "audit"))
    return xa_cli_usage_error (_("Unknown command “%s %s”"), command, subcommand);

  return xa_cli_usage_error (_("Unknown command “%s”"), command);
}
