/* xa-cli-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli backup create`, `backup list` and `backup restore`: verified backups in the
 * folder `backups` beside the database (issue 8). Listing and restoring do not open the
 * database, so that they work when it is damaged and refused.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/store/xa-backup.h"

/* The database file; a server's database is backed up by the server's administrator. */
static char *
dup_db_path (XaCli   *cli,
             GError **error)
{
  g_autofree char *location = xa_cli_dup_database (cli);

  if (xa_store_location_is_server (location))
    {
      g_set_error (error, XA_BACKUP_ERROR, XA_BACKUP_ERROR_FAILED,
                   _("The database on the server “%s” is backed up with the server’s own tools (pg_dump), by its administrator; “xiaoan-cli migrate” also copies it into a file"),
                   location);
      return NULL;
    }

  return g_steal_pointer (&location);
}

int
xa_cli_backup_create (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaBackup) backup = NULL;
  guint64 keep = XA_BACKUP_DEFAULT_KEEP;

  if (cli->keep != NULL && !g_ascii_string_to_unsigned (cli->keep, 10, 1, 1000, &keep, NULL))
    return xa_cli_usage_error (_("--keep needs a number from 1 to 1000"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(backup = xa_backup_create (xa_workspace_get_store (workspace), NULL, (guint) keep,
                                   NULL, NULL, NULL, &error)))
    return xa_cli_user_error (error);

  g_print (_("Backed up and verified: %s (%lld rows, the audit log up to entry %lld)\n"),
           xa_backup_get_path (backup),
           (long long) xa_backup_get_row_count (backup),
           (long long) xa_backup_get_audit_entries (backup));
  return EXIT_OK;
}

static JsonNode *
backup_to_json (XaBackup *backup)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = g_date_time_format_iso8601 (xa_backup_get_date (backup));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, xa_backup_get_name (backup));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, xa_backup_get_path (backup));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64) xa_backup_get_size (backup));
  json_builder_set_member_name (builder, "verified");
  json_builder_add_boolean_value (builder, xa_backup_get_verified (backup));
  json_builder_set_member_name (builder, "problem");
  if (xa_backup_get_problem (backup) != NULL)
    json_builder_add_string_value (builder, xa_backup_get_problem (backup));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, xa_backup_get_schema_version (backup));
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, xa_backup_get_row_count (backup));
  json_builder_set_member_name (builder, "audit_entries");
  json_builder_add_int_value (builder, xa_backup_get_audit_entries (backup));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

int
xa_cli_backup_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;

  if (!(db_path = dup_db_path (cli, &error)))
    return xa_cli_user_error (error);

  dir = xa_backup_dup_default_dir (db_path);
  if (!(backups = xa_backup_list (dir, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr(XaBackup) backup = g_list_model_get_item (backups, i);
      g_autofree char *date = NULL;
      g_autofree char *size = NULL;
      g_autofree char *state = NULL;

      if (cli->json)
        {
          json_array_add_element (array, backup_to_json (backup));
          continue;
        }

      date = xa_backup_dup_date_text (backup);
      size = g_format_size (xa_backup_get_size (backup));
      state = xa_backup_get_verified (backup)
                ? g_strdup (_("verified"))
                : g_strdup_printf (_("does not verify: %s"), xa_backup_get_problem (backup));
      g_print ("%s\t%s\t%s\t%s\n", xa_backup_get_name (backup), date, size, state);
    }

  if (cli->json)
    xa_cli_print_json_array (array);
  else if (g_list_model_get_n_items (backups) == 0)
    g_print (_("No backups in %s yet\n"), dir);

  return EXIT_OK;
}

/* FILE as given, or else the backup of that name in the backup folder. */
static XaBackup *
load_named (const char  *name,
            const char  *dir,
            GError     **error)
{
  g_autofree char *in_dir = NULL;

  if (g_file_test (name, G_FILE_TEST_EXISTS) || strchr (name, G_DIR_SEPARATOR) != NULL)
    return xa_backup_load (name, error);

  in_dir = g_build_filename (dir, name, NULL);
  return xa_backup_load (in_dir, error);
}

int
xa_cli_backup_restore (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaBackup) backup = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *kept_aside = NULL;
  g_autofree char *date = NULL;
  const char *file = cli->args[0];

  if (file != NULL && cli->latest)
    return xa_cli_usage_error (_("Unknown argument “%s” for “%s”"), file, "backup restore");

  if (file == NULL && !cli->latest)
    return xa_cli_usage_error (_("“backup restore” needs a backup file, or --latest"));

  if (!(db_path = dup_db_path (cli, &error)))
    return xa_cli_user_error (error);
  dir = xa_backup_dup_default_dir (db_path);

  if (cli->latest)
    {
      if (!(backup = xa_backup_find_newest_verified (dir)))
        {
          g_printerr ("xiaoan-cli: ");
          g_printerr (_("There is no backup that verifies in %s\n"), dir);
          return EXIT_USER_ERROR;
        }
    }
  else if (!(backup = load_named (file, dir, &error)))
    return xa_cli_user_error (error);

  if (!xa_backup_restore (backup, db_path, &kept_aside, &error))
    return xa_cli_user_error (error);

  date = xa_backup_dup_date_text (backup);
  g_print (_("Restored the backup of %s: %s\n"), date, xa_backup_get_path (backup));
  if (kept_aside != NULL)
    g_print (_("The database it replaced is kept as %s\n"), kept_aside);
  return EXIT_OK;
}
