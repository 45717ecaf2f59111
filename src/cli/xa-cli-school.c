/* xa-cli-school.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli school import` and `school list`: the district's schools.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/registry/xa-registry-json.h"
#include "core/registry/xa-school-import.h"

int
xa_cli_school_import (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  guint n_imported = 0;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  file = g_file_new_for_commandline_arg (cli->args[0]);

  if (!xa_school_import_file (xa_workspace_get_registry (workspace), file, &n_imported, &problems, &error))
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

int
xa_cli_school_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GPtrArray) schools = NULL;
  g_autoptr(GHashTable) holders = NULL;
  XaSchoolRegistry *registry;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  registry = xa_workspace_get_registry (workspace);
  if (cli->search != NULL)
    {
      if (!(schools = xa_school_registry_search_schools (registry, cli->search, &error)))
        return xa_cli_user_error (error);
    }
  else
    {
      GListModel *all = xa_school_registry_get_schools (registry);

      schools = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (schools, g_list_model_get_item (all, i));
    }

  if (!(holders = xa_school_registry_dup_role_holders (registry, XA_ROLE_KIND_FIRST_RESPONSIBLE,
                                                      NULL, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < schools->len; i++)
    {
      XaOrganisation *school = schools->pdata[i];
      g_autofree char *stages_label = NULL;
      const char *holder_name = g_hash_table_lookup (holders, xa_organisation_get_uuid (school));

      if (cli->json)
        {
          json_array_add_element (array, xa_organisation_to_json_node (school, holder_name));
          continue;
        }

      stages_label = xa_stages_to_label (xa_organisation_get_stages (school));
      g_print ("%s\t%s\t%s\t%s\t%s\n",
               xa_organisation_get_code (school),
               xa_organisation_get_name (school),
               xa_school_type_to_label (xa_organisation_get_school_type (school)),
               stages_label,
               holder_name ? holder_name : "");
    }

  if (cli->json)
    xa_cli_print_json_array (array);

  return EXIT_OK;
}
