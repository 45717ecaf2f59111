/* xa-cli-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli server setup`, `server add-school` and `server add-staff`: the roles and
 * access rules of a district's database server (xa-store-server-access.c), run by the
 * server's administrator, who owns the tables. docs/server.md tells when.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xa-cli-private.h"

int
xa_cli_server_setup (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_store_server_setup (xa_workspace_get_store (workspace), &error))
    return xa_cli_user_error (error);

  g_print (_("The roles xiaoan_commission and xiaoan_school and the access rules are set up on %s\n"),
           xa_store_get_path (xa_workspace_get_store (workspace)));
  return EXIT_OK;
}

/* The first password is printed once: the administrator hands it to the school or the
 * member of staff, whose Xiaoan keeps it in the keyring. */
static int
print_role (const char *role_name,
            const char *password)
{
  g_print (_("Login role: %s\nPassword: %s\n"), role_name, password);
  g_printerr (_("Hand the password over in person; it is not shown again. Change it with ALTER ROLE … PASSWORD.\n"));
  return EXIT_OK;
}

int
xa_cli_server_add_school (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *password = NULL;
  g_autofree char *role_name = NULL;
  const char *code = cli->args[0];

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(password = xa_store_server_add_school (xa_workspace_get_store (workspace), code,
                                               cli->role, &error)))
    return xa_cli_user_error (error);

  role_name = cli->role != NULL ? g_strdup (cli->role) : g_strconcat ("school_", code, NULL);
  return print_role (role_name, password);
}

int
xa_cli_server_add_staff (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *password = NULL;
  const char *role_name = cli->args[0];

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(password = xa_store_server_add_staff (xa_workspace_get_store (workspace), role_name, &error)))
    return xa_cli_user_error (error);

  return print_role (role_name, password);
}

/* A location as given: a server's URI as it is, a file made absolute. */
static char *
dup_location (const char *given)
{
  return xa_store_location_is_server (given) ? g_strdup (given) : g_canonicalize_filename (given, NULL);
}

int
xa_cli_migrate (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) source = NULL;
  g_autoptr(XaStore) target = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 n_rows = 0;
  g_autofree char *folder = NULL;
  gboolean created;
  gboolean folder_created;

  if (cli->from == NULL || cli->to == NULL)
    return xa_cli_usage_error (_("“migrate” needs --from and --to, each a database file or a postgresql:// address"));

  from = dup_location (cli->from);
  to = dup_location (cli->to);
  if (g_str_equal (from, to))
    return xa_cli_usage_error (_("--from and --to name the same database"));

  created = !xa_store_location_is_server (to) && !g_file_test (to, G_FILE_TEST_EXISTS);
  folder = created ? g_path_get_dirname (to) : NULL;
  folder_created = folder != NULL && !g_file_test (folder, G_FILE_TEST_IS_DIR);
  if (!(source = xa_store_open_location (from, NULL, TRUE, &error)) ||
      !(target = xa_store_open_location (to, NULL, FALSE, &error)) ||
      !xa_store_copy (source, target, &n_rows, &error))
    {
      /* A file made for the move and left empty by its failure goes again: a refused
       * move changes nothing. */
      if (created && target != NULL)
        {
          static const char * const suffixes[] = { "", "-wal", "-shm", ".head" };

          g_clear_object (&target);
          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *path = g_strconcat (to, suffixes[i], NULL);

              g_unlink (path);
            }
          if (folder_created)
            g_rmdir (folder);
        }
      return xa_cli_user_error (error);
    }

  g_print (_("Moved %lld rows from %s to %s; the audit log verifies there\n"),
           (long long) n_rows, xa_store_get_path (source), xa_store_get_path (target));
  return EXIT_OK;
}
