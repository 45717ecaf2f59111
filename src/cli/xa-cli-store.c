/* xa-cli-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli init`, `demo` and `audit verify`: the database itself, a demo district to
 * try the app on, and the check of its audit chain.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/registry/xa-demo.h"

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *value)
{
  return text != NULL && text[0] != '\0' &&
         g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL);
}

int
xa_cli_store_init (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  XaStore *store;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);

  store = xa_workspace_get_store (workspace);
  g_print (_("The database is ready: %s (schema %d)\n"),
           xa_store_get_path (store), xa_store_get_schema_version (store));
  return EXIT_OK;
}

int
xa_cli_store_demo (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  guint64 n_schools = XA_DEMO_DEFAULT_SCHOOLS;
  guint64 seed = XA_DEMO_DEFAULT_SEED;

  if (cli->schools != NULL && (!parse_uint (cli->schools, 2000, &n_schools) || n_schools == 0))
    return xa_cli_usage_error (_("--schools needs a number from 1 to 2000"));
  if (cli->seed != NULL && !parse_uint (cli->seed, G_MAXUINT32, &seed))
    return xa_cli_usage_error (_("--seed needs a whole number from 0 to 4294967295"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_demo_fill (xa_workspace_get_registry (workspace), (guint) n_schools, (guint32) seed, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created the demo district with %u school (seed %u)\n",
                        "Created the demo district with %u schools (seed %u)\n",
                        (gulong) n_schools),
           (guint) n_schools, (guint) seed);
  return EXIT_OK;
}

int
xa_cli_store_audit_verify (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *reason = NULL;
  gint64 n_entries = 0;
  gint64 broken = 0;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_store_verify_audit (xa_workspace_get_store (workspace), &n_entries, &broken, &reason, &error))
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
