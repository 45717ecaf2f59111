/* xa-cli-protection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli guard …` and `device add|list|repair`: the people and technical
 * protection of 三防 (src/core/governance): guards against the district's rule, and the
 * security devices with their repair log.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-cli-private.h"
#include "core/governance/xa-guard.h"
#include "core/governance/xa-security-device.h"
#include "core/util/xa-school-year.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }
#define SWITCH(name, description) \
  { name, G_OPTION_ARG_NONE, description, NULL, NULL }

static int
parse_number (XaCli      *cli,
              const char *option,
              int         max,
              int        *value)
{
  const char *text = xa_cli_get_option (cli, option);
  guint64 number = 0;

  if (text == NULL)
    return EXIT_OK;
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    /* Translators: an option, what was given, the largest number it takes */
    return xa_cli_usage_error (_("--%s: “%s” is not a whole number from 0 to %d"), option, text, max);
  *value = (int) number;
  return EXIT_OK;
}

static XaOrganisation *
open_with_school (XaCli         *cli,
                  XaWorkspace  **workspace,
                  GError       **error)
{
  if (!(*workspace = xa_cli_open_workspace (cli, error)) || cli->school == NULL)
    return NULL;
  return xa_cli_find_school (*workspace, cli->school, FALSE, error);
}

/* guard */

const XaCliOption xa_cli_guard_add_options[] = {
  OPTION ("name", N_("the guard's name"), "NAME"),
  SWITCH ("part-time", N_("the guard is not employed full-time")),
  OPTION ("employed-on", N_("the day the guard was employed (default today)"), "YYYY-MM-DD"),
  OPTION ("trained-on", N_("the day of the guard's training"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_guard_edit_options[] = {
  OPTION ("trained-on", N_("the day of the guard's training"), "YYYY-MM-DD"),
  OPTION ("left-on", N_("the day the guard left"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_guard_headcount_options[] = {
  OPTION ("people", N_("the school's students and staff that year"), "N"),
  { NULL }
};

const XaCliOption xa_cli_guard_policy_options[] = {
  OPTION ("min-guards", N_("the full-time guards a school of the size must have"), "N"),
  OPTION ("min-people", N_("the people from which a school must have them"), "N"),
  { NULL }
};

const XaCliOption xa_cli_guard_check_options[] = {
  OPTION ("on", N_("the day the guards are counted on (default today)"), "YYYY-MM-DD"),
  { NULL }
};

static JsonObject *
guard_to_json (const XaGuard *guard)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "uuid", guard->uuid);
  json_object_set_string_member (object, "school", guard->school_code);
  json_object_set_string_member (object, "name", guard->name);
  json_object_set_boolean_member (object, "full_time", guard->full_time);
  json_object_set_string_member (object, "employed_on", guard->employed_on);
  json_object_set_string_member (object, "trained_on", guard->trained_on);
  json_object_set_string_member (object, "left_on", guard->left_on);
  return object;
}

int
xa_cli_guard_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaGuard) guard = NULL;
  g_autofree char *employed_on = NULL;
  g_autofree char *trained_on = NULL;
  XaGuardFields fields = { 0 };
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("“guard add” needs --school CODE"));
  if ((status = xa_cli_dup_option_date (cli, "employed-on", TRUE, &employed_on)) ||
      (status = xa_cli_dup_option_date (cli, "trained-on", FALSE, &trained_on)))
    return status;
  if (!(school = open_with_school (cli, &workspace, &error)))
    return xa_cli_user_error (error);
  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.name = xa_cli_get_option (cli, "name");
  fields.full_time = !xa_cli_get_switch (cli, "part-time");
  fields.employed_on = employed_on;
  fields.trained_on = trained_on;
  if (!(guard = xa_guard_add (xa_workspace_get_store (workspace), &fields, &error)))
    return xa_cli_user_error (error);
  xa_cli_print_added (cli, guard_to_json (guard), guard->uuid);
  return EXIT_OK;
}

int
xa_cli_guard_edit (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *trained_on = NULL;
  g_autofree char *left_on = NULL;
  int status;

  if ((status = xa_cli_dup_option_date (cli, "trained-on", FALSE, &trained_on)) ||
      (status = xa_cli_dup_option_date (cli, "left-on", FALSE, &left_on)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_guard_update (xa_workspace_get_store (workspace), cli->args[0], trained_on, left_on, &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

int
xa_cli_guard_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) guards = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  school = open_with_school (cli, &workspace, &error);
  if (error != NULL ||
      !(guards = xa_guard_list (xa_workspace_get_store (workspace), school ? xa_organisation_get_uuid (school) : NULL,
                                &error)))
    return xa_cli_user_error (error);
  for (guint i = 0; i < guards->len; i++)
    {
      XaGuard *guard = g_ptr_array_index (guards, i);

      if (cli->json)
        json_array_add_object_element (array, guard_to_json (guard));
      else
        g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", guard->school_code ? guard->school_code : "", guard->name,
                 guard->full_time ? _("full-time") : _("part-time"), guard->employed_on,
                 guard->trained_on ? guard->trained_on : _("not trained"),
                 guard->left_on ? guard->left_on : _("employed"), guard->uuid);
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_guard_headcount (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  int year = 0;
  int people = -1;
  int status;

  if (cli->school == NULL || cli->year == NULL || xa_cli_get_option (cli, "people") == NULL)
    return xa_cli_usage_error (_("“guard headcount” needs --school CODE, --year Y and --people N"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if ((status = parse_number (cli, "people", 100000, &people)))
    return status;
  if (!(school = open_with_school (cli, &workspace, &error)) ||
      !xa_guard_set_headcount (xa_workspace_get_store (workspace), xa_organisation_get_uuid (school), year, people,
                               &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

int
xa_cli_guard_policy (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  XaGuardPolicy policy;
  int guards = -1;
  int people = -1;
  int status;

  if ((status = parse_number (cli, "min-guards", 100, &guards)) ||
      (status = parse_number (cli, "min-people", 100000, &people)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_guard_policy_read (xa_workspace_get_store (workspace), &policy, &error))
    return xa_cli_user_error (error);
  if (guards >= 0 || people >= 0)
    {
      if (guards >= 0)
        policy.min_guards = guards;
      if (people >= 0)
        policy.min_people = people;
      if (!xa_guard_policy_set (xa_workspace_get_store (workspace), &policy, &error))
        return xa_cli_user_error (error);
    }
  if (cli->json)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *text = NULL;

      json_object_set_int_member (object, "min_guards", policy.min_guards);
      json_object_set_int_member (object, "min_people", policy.min_people);
      json_node_set_object (node, object);
      text = json_to_string (node, TRUE);
      g_print ("%s\n", text);
    }
  else
    /* Translators: a number of people, then of guards */
    g_print (_("A school of %d people or more employs at least %d full-time, trained guards\n"),
             policy.min_people, policy.min_guards);
  return EXIT_OK;
}

int
xa_cli_guard_check (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *on = NULL;
  int year = 0;
  int status;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("“guard check” needs --year Y, the year whose headcount counts"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if ((status = xa_cli_dup_option_date (cli, "on", TRUE, &on)))
    return status;
  school = open_with_school (cli, &workspace, &error);
  if (error != NULL ||
      !(rows = xa_guard_check (xa_workspace_get_store (workspace), school ? xa_organisation_get_uuid (school) : NULL,
                               year, on, &error)))
    return xa_cli_user_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      XaGuardCheck *row = g_ptr_array_index (rows, i);

      if (cli->json)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "school", row->school_code);
          json_object_set_string_member (object, "school_name", row->school_name);
          if (row->people >= 0)
            {
              json_object_set_int_member (object, "people", row->people);
              json_object_set_int_member (object, "required", row->required);
            }
          else
            {
              json_object_set_null_member (object, "people");
              json_object_set_null_member (object, "required");
            }
          json_object_set_int_member (object, "full_time", row->full_time);
          json_object_set_int_member (object, "trained", row->trained);
          json_object_set_boolean_member (object, "meets", row->meets);
          json_array_add_object_element (array, object);
        }
      else if (row->people < 0)
        /* Translators: a school's code and name, its full-time guards, how many are trained */
        g_print (_("%s\t%s\theadcount not recorded\t%d full-time guards, %d trained\n"),
                 row->school_code ? row->school_code : "", row->school_name, row->full_time, row->trained);
      else
        /* Translators: code, name, people, guards required, full-time guards, trained, and whether it meets the rule */
        g_print (_("%s\t%s\t%d people\t%d required\t%d full-time guards, %d trained\t%s\n"),
                 row->school_code ? row->school_code : "", row->school_name, row->people, row->required,
                 row->full_time, row->trained, row->meets ? _("meets the rule") : _("SHORT of the rule"));
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

/* device */

const XaCliOption xa_cli_device_add_options[] = {
  OPTION ("kind", N_("video, alarm (one-key alarm) or access (access control)"), "KIND"),
  OPTION ("place", N_("where it is"), "TEXT"),
  SWITCH ("police-linked", N_("the one-key alarm is linked to the police")),
  OPTION ("installed-on", N_("the day it was installed (default today)"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_device_list_options[] = {
  SWITCH ("faulty", N_("only the faulty devices not repaired")),
  { NULL }
};

const XaCliOption xa_cli_device_repair_options[] = {
  OPTION ("fault", N_("report a fault: what is wrong"), "TEXT"),
  OPTION ("by", N_("record the repair done: who repaired it"), "NAME"),
  OPTION ("on", N_("the day (default today)"), "YYYY-MM-DD"),
  { NULL }
};

static JsonObject *
device_to_json (const XaSecurityDevice *device)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "uuid", device->uuid);
  json_object_set_string_member (object, "school", device->school_code);
  json_object_set_string_member (object, "kind", device->kind);
  json_object_set_string_member (object, "place", device->place);
  json_object_set_boolean_member (object, "police_linked", device->police_linked);
  json_object_set_string_member (object, "state", device->state);
  json_object_set_string_member (object, "installed_on", device->installed_on);
  json_object_set_string_member (object, "fault", device->fault);
  json_object_set_string_member (object, "fault_reported_on", device->fault_reported_on);
  return object;
}

int
xa_cli_device_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaSecurityDevice) device = NULL;
  g_autofree char *installed_on = NULL;
  XaSecurityDeviceFields fields = { 0 };
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("“device add” needs --school CODE"));
  if ((status = xa_cli_dup_option_date (cli, "installed-on", TRUE, &installed_on)))
    return status;
  if (!(school = open_with_school (cli, &workspace, &error)))
    return xa_cli_user_error (error);
  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.kind = xa_cli_get_option (cli, "kind");
  fields.place = xa_cli_get_option (cli, "place");
  fields.police_linked = xa_cli_get_switch (cli, "police-linked");
  fields.installed_on = installed_on;
  if (!(device = xa_security_device_add (xa_workspace_get_store (workspace), &fields, &error)))
    return xa_cli_user_error (error);
  xa_cli_print_added (cli, device_to_json (device), device->uuid);
  return EXIT_OK;
}

int
xa_cli_device_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(JsonArray) array = json_array_new ();

  school = open_with_school (cli, &workspace, &error);
  if (error != NULL ||
      !(devices = xa_security_device_list (xa_workspace_get_store (workspace),
                                           school ? xa_organisation_get_uuid (school) : NULL,
                                           xa_cli_get_switch (cli, "faulty"), &error)))
    return xa_cli_user_error (error);
  for (guint i = 0; i < devices->len; i++)
    {
      XaSecurityDevice *device = g_ptr_array_index (devices, i);
      g_autofree char *fault = NULL;

      if (cli->json)
        {
          json_array_add_object_element (array, device_to_json (device));
          continue;
        }
      if (device->fault != NULL)
        /* Translators: since when, then what is wrong */
        fault = g_strdup_printf (_("faulty since %s, not repaired: %s"), device->fault_reported_on, device->fault);
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", device->school_code ? device->school_code : "",
               xa_security_device_kind_to_label (device->kind), device->place,
               g_strcmp0 (device->kind, "alarm") != 0 ? "" : device->police_linked ? _("linked to the police")
                                                                                    : _("NOT linked to the police"),
               fault ? fault : xa_security_device_state_to_label (device->state), device->uuid);
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_device_repair (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *on = NULL;
  const char *fault = xa_cli_get_option (cli, "fault");
  const char *by = xa_cli_get_option (cli, "by");
  int status;

  if ((fault == NULL) == (by == NULL))
    return xa_cli_usage_error (_("“device repair” takes either --fault TEXT (a fault found) or --by NAME (the repair done)"));
  if ((status = xa_cli_dup_option_date (cli, "on", TRUE, &on)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (fault != NULL
      ? !xa_security_device_report_fault (xa_workspace_get_store (workspace), cli->args[0], on, fault, &error)
      : !xa_security_device_repaired (xa_workspace_get_store (workspace), cli->args[0], on, by, &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}
