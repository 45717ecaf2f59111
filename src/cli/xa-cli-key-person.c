/* xa-cli-key-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli key-person add|list|show|note|staff`: the key persons (重点人员) of
 * src/core/governance/xa-key-person.c. Only the staff named for a school see them (on a
 * server, its own login and the commission's roles named for it); every list and every
 * file read is written to the audit trail, so these commands open the database for
 * writing even to read.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-cli-private.h"
#include "core/governance/xa-key-person.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_key_person_add_options[] = {
  OPTION ("name", N_("the person's name"), "NAME"),
  OPTION ("category", N_("student, staff, parent, neighbour or other"), "KEY"),
  OPTION ("reason", N_("why the school follows them"), "TEXT"),
  OPTION ("since", N_("since when (default today)"), "YYYY-MM-DD"),
  OPTION ("carer", N_("the teacher or staff member who follows them"), "NAME"),
  { NULL }
};

const XaCliOption xa_cli_key_person_note_options[] = {
  OPTION ("kind", N_("follow-up (跟踪回访) or counselling (心理疏导)"), "KIND"),
  OPTION ("by", N_("who followed up or counselled"), "NAME"),
  OPTION ("content", N_("what was done and found"), "TEXT"),
  OPTION ("on", N_("the day (default today)"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_key_person_staff_options[] = {
  OPTION ("staff", N_("the login role (on a server) or the operator's name (on a file) to name"), "NAME"),
  { NULL }
};

static JsonObject *
person_to_json (XaKeyPerson *person)
{
  JsonObject *object = json_object_new ();
  GPtrArray *notes = xa_key_person_get_notes (person);

  json_object_set_string_member (object, "uuid", xa_key_person_get_uuid (person));
  json_object_set_string_member (object, "school", xa_key_person_get_school_code (person));
  json_object_set_string_member (object, "name", xa_key_person_get_name (person));
  json_object_set_string_member (object, "category", xa_key_person_get_category (person));
  json_object_set_string_member (object, "reason", xa_key_person_get_reason (person));
  json_object_set_string_member (object, "since", xa_key_person_get_since (person));
  json_object_set_string_member (object, "carer", xa_key_person_get_carer (person));
  json_object_set_string_member (object, "closed_on", xa_key_person_get_closed_on (person));
  if (notes != NULL)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < notes->len; i++)
        {
          XaKeyPersonNote *note = g_ptr_array_index (notes, i);
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "uuid", note->uuid);
          json_object_set_string_member (entry, "date", note->noted_on);
          json_object_set_string_member (entry, "kind", note->kind);
          json_object_set_string_member (entry, "by", note->noted_by);
          json_object_set_string_member (entry, "content", note->content);
          json_array_add_object_element (array, entry);
        }
      json_object_set_array_member (object, "notes", array);
    }
  return object;
}

int
xa_cli_key_person_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaKeyPerson) person = NULL;
  g_autofree char *since = NULL;
  XaKeyPersonFields fields = { 0 };
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("“key-person add” needs --school CODE"));
  if ((status = xa_cli_dup_option_date (cli, "since", TRUE, &since)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.name = xa_cli_get_option (cli, "name");
  fields.category = xa_cli_get_option (cli, "category");
  fields.reason = xa_cli_get_option (cli, "reason");
  fields.since = since;
  fields.carer = xa_cli_get_option (cli, "carer");
  if (!(person = xa_key_person_add (xa_workspace_get_store (workspace), &fields, &error)))
    return xa_cli_user_error (error);
  g_print ("%s\n", xa_key_person_get_uuid (person));
  return EXIT_OK;
}

int
xa_cli_key_person_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error))) ||
      !(persons = xa_key_person_list (xa_workspace_get_store (workspace),
                                      school ? xa_organisation_get_uuid (school) : NULL, &error)))
    return xa_cli_user_error (error);
  for (guint i = 0; i < persons->len; i++)
    {
      XaKeyPerson *person = g_ptr_array_index (persons, i);

      if (cli->json)
        json_array_add_object_element (array, person_to_json (person));
      else
        g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", xa_key_person_get_school_code (person), xa_key_person_get_since (person),
                 xa_key_person_get_name (person), xa_key_person_category_to_label (xa_key_person_get_category (person)),
                 xa_key_person_get_carer (person), xa_key_person_get_uuid (person));
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_key_person_show (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaKeyPerson) person = NULL;
  GPtrArray *notes;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(person = xa_key_person_read_file (xa_workspace_get_store (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      json_array_add_object_element (array, person_to_json (person));
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }
  /* Translators: the key person's name, category and since when */
  g_print (_("%s (%s), followed since %s\n"), xa_key_person_get_name (person),
           xa_key_person_category_to_label (xa_key_person_get_category (person)), xa_key_person_get_since (person));
  g_print (_("Reason: %s\n"), xa_key_person_get_reason (person));
  g_print (_("Followed by: %s\n"), xa_key_person_get_carer (person));
  notes = xa_key_person_get_notes (person);
  for (guint i = 0; i < notes->len; i++)
    {
      XaKeyPersonNote *note = g_ptr_array_index (notes, i);

      g_print ("%s\t%s\t%s\t%s\n", note->noted_on,
               g_strcmp0 (note->kind, "counselling") == 0 ? _("counselling") : _("follow-up"), note->noted_by,
               note->content);
    }
  return EXIT_OK;
}

int
xa_cli_key_person_note (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *on = NULL;
  int status;

  if ((status = xa_cli_dup_option_date (cli, "on", TRUE, &on)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_key_person_add_note (xa_workspace_get_store (workspace), cli->args[0], on, xa_cli_get_option (cli, "kind"),
                               xa_cli_get_option (cli, "by"), xa_cli_get_option (cli, "content"), &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

int
xa_cli_key_person_staff (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;

  if (cli->school == NULL || xa_cli_get_option (cli, "staff") == NULL)
    return xa_cli_usage_error (_("“key-person staff” needs --school CODE and --staff NAME"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)) ||
      !xa_key_person_name_staff (xa_workspace_get_store (workspace), xa_organisation_get_uuid (school),
                                 xa_cli_get_option (cli, "staff"), &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}
