/* xa-cli-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli init`, `demo`, `audit verify` and `audit head`: the database itself, a demo
 * district to try the app on, the check of its audit chain and the chain's head.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-hazard-demo.h"
#include "core/registry/xa-demo.h"
#include "core/store/xa-store-audit.h"
#include "core/util/xa-json.h"

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
  guint64 n_hazards = 0;
  guint64 n_photos = 0;
  int status;

  if (cli->schools != NULL && (!parse_uint (cli->schools, 2000, &n_schools) || n_schools == 0))
    return xa_cli_usage_error (_("--schools needs a number from 1 to 2000"));
  if (cli->seed != NULL && !parse_uint (cli->seed, G_MAXUINT32, &seed))
    return xa_cli_usage_error (_("--seed needs a whole number from 0 to 4294967295"));
  if (xa_cli_get_option (cli, "hazards") != NULL &&
      !parse_uint (xa_cli_get_option (cli, "hazards"), XA_HAZARD_DEMO_MAX, &n_hazards))
    return xa_cli_usage_error (_("--hazards needs a number from 0 to %d"), XA_HAZARD_DEMO_MAX);
  if (xa_cli_get_option (cli, "photos") != NULL &&
      !parse_uint (xa_cli_get_option (cli, "photos"), XA_HAZARD_DEMO_MAX_PHOTOS, &n_photos))
    return xa_cli_usage_error (_("--photos needs a number from 0 to %d"), XA_HAZARD_DEMO_MAX_PHOTOS);
  if (n_photos > 0 && n_hazards == 0 && !xa_cli_get_switch (cli, "inspections"))
    return xa_cli_usage_error (_("--photos needs hazards to show: give --hazards N or --inspections too"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_demo_fill (xa_workspace_get_registry (workspace), (guint) n_schools, (guint32) seed, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created the demo district with %u school (seed %u)\n",
                        "Created the demo district with %u schools (seed %u)\n",
                        (gulong) n_schools),
           (guint) n_schools, (guint) seed);
  if ((status = xa_cli_hazard_demo (workspace, cli)) != EXIT_OK ||
      (status = xa_cli_inspection_demo (workspace, cli)) != EXIT_OK ||
      (status = xa_cli_education_demo (workspace, cli)) != EXIT_OK ||
      (status = xa_cli_drill_demo (workspace, cli)) != EXIT_OK ||
      (status = xa_cli_dispute_demo (workspace, cli)) != EXIT_OK ||
      (status = xa_cli_assessment_demo (workspace, cli)) != EXIT_OK)
    return status;
  return xa_cli_hazard_demo_photos (workspace, cli);
}

/* The store of the data folder, opened for reading as the command table says: checking
 * the chain writes nothing, and a folder without a database says to run `init`. */
static XaStore *
open_store (XaCli   *cli,
            GError **error)
{
  g_autoptr(XaWorkspace) workspace = xa_cli_open_workspace (cli, error);

  return workspace != NULL ? g_object_ref (xa_workspace_get_store (workspace)) : NULL;
}

/* "审计链 #123 9f86d0…" (or the English form): the sequence number after the '#' and
 * the hash after it, wherever they stand in what the user pasted. */
static gboolean
parse_head (const char  *text,
            gint64      *seq,
            char       **hash)
{
  const char *mark = text ? strchr (text, '#') : NULL;
  g_auto(GStrv) words = NULL;
  guint64 number = 0;

  if (mark == NULL)
    return FALSE;

  words = g_strsplit_set (mark + 1, " \t", -1);
  if (g_strv_length (words) < 2 ||
      !g_ascii_string_to_unsigned (words[0], 10, 1, G_MAXINT64, &number, NULL) ||
      strlen (words[1]) != 64 || strspn (words[1], "0123456789abcdef") != 64)
    return FALSE;

  *seq = (gint64) number;
  *hash = g_strdup (words[1]);
  return TRUE;
}

int
xa_cli_store_audit_verify (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *head_hash = NULL;
  gint64 head_seq = 0;
  gint64 n_entries = 0;

  if (cli->head != NULL && !parse_head (cli->head, &head_seq, &head_hash))
    return xa_cli_usage_error (_("--head needs the head an exported file carries, such as “审计链 #123 9f86d0…”"));

  if (!(store = open_store (cli, &error)) ||
      !(findings = xa_store_audit_verify (store, head_seq, head_hash, &n_entries, &error)))
    return xa_cli_user_error (error);

  if (findings->len > 0)
    {
      for (guint i = 0; i < findings->len; i++)
        g_print ("%s\n", ((XaAuditFinding *) g_ptr_array_index (findings, i))->message);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "The audit check found %u problem in %lld entries\n",
                               "The audit check found %u problems in %lld entries\n",
                               findings->len),
                  findings->len, (long long) n_entries);
      return EXIT_USER_ERROR;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit chain is intact: %lld entry\n",
                        "The audit chain is intact: %lld entries\n",
                        (gulong) n_entries),
           (long long) n_entries);
  return EXIT_OK;
}

int
xa_cli_store_audit_head (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaStore) store = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 0;

  if (!(store = open_store (cli, &error)) ||
      !(hash = xa_store_dup_audit_head (store, &seq, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, seq);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, hash);
      json_builder_end_object (builder);
      text = xa_json_builder_to_string (builder);
      g_print ("%s\n", text);
    }
  else
    g_print ("%lld\t%s\n", (long long) seq, hash);

  return EXIT_OK;
}
