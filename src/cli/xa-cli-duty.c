/* xa-cli-duty.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli duty add|list|check` and `visitor add|leave|list`: the duty roster
 * (值班带班) and the visitor register of the school gate (门岗), src/core/governance.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-cli-private.h"
#include "core/governance/xa-duty-roster.h"
#include "core/governance/xa-visitor-register.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }
#define SWITCH(name, description) \
  { name, G_OPTION_ARG_NONE, description, NULL, NULL }

/* The school of --school, which a command that records needs. */
static XaOrganisation *
find_school (XaCli        *cli,
             XaWorkspace  *workspace,
             gboolean      required,
             GError      **error)
{
  if (cli->school == NULL && !required)
    return NULL;
  return xa_cli_find_school (workspace, cli->school, FALSE, error);
}

/* A list of a register over a period (--school, --from, --to), as JSON or one row a
 * line. */
typedef GPtrArray  *(*RangeList) (XaStore     *store,
                                  const char  *school_uuid,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error);

static int
list_range (XaCli       *cli,
            RangeList    list,
            JsonObject *(*to_json) (gconstpointer row),
            void        (*print) (gconstpointer row))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int status;

  if ((status = xa_cli_dup_option_date (cli, "from", FALSE, &from)) ||
      (status = xa_cli_dup_option_date (cli, "to", FALSE, &to)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      (cli->school != NULL && !(school = find_school (cli, workspace, FALSE, &error))) ||
      !(rows = list (xa_workspace_get_store (workspace), school ? xa_organisation_get_uuid (school) : NULL,
                     from, to, &error)))
    return xa_cli_user_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      if (cli->json)
        json_array_add_object_element (array, to_json (g_ptr_array_index (rows, i)));
      else
        print (g_ptr_array_index (rows, i));
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

/**
 * xa_cli_print_added:
 * @object: (transfer full): the record added, as JSON
 *
 * What a command that adds a record prints: the record as a JSON list of one with
 * --json, else its UUID.
 */
void
xa_cli_print_added (XaCli       *cli,
                    JsonObject  *object,
                    const char  *uuid)
{
  g_autoptr(JsonArray) array = json_array_new ();

  json_array_add_object_element (array, object);
  if (cli->json)
    xa_cli_print_json_array (array);
  else
    g_print ("%s\n", uuid);
}

/**
 * xa_cli_dup_option_date:
 * @name: the option, without dashes
 * @fallback_today: whether a missing option is today
 * @date: (out): the date as stored, or %NULL when missing and not today
 *
 * Returns: %EXIT_OK, or %EXIT_USAGE after a message naming the option
 */
int
xa_cli_dup_option_date (XaCli       *cli,
                        const char  *name,
                        gboolean     fallback_today,
                        char       **date)
{
  int status;

  *date = NULL;
  if ((status = xa_cli_parse_date (name, xa_cli_get_option (cli, name), date)))
    return status;
  if (*date == NULL && fallback_today)
    *date = xa_date_today_iso ();
  return EXIT_OK;
}

/* duty */

const XaCliOption xa_cli_duty_add_options[] = {
  OPTION ("date", N_("the day of the shift (default today)"), "YYYY-MM-DD"),
  OPTION ("leader", N_("the school leader on duty (带班领导)"), "NAME"),
  OPTION ("on-duty", N_("who keeps the 24-hour watch (值班人员)"), "NAMES"),
  OPTION ("notes", N_("what happened on duty"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_duty_range_options[] = {
  OPTION ("from", N_("the first day"), "YYYY-MM-DD"),
  OPTION ("to", N_("the last day"), "YYYY-MM-DD"),
  { NULL }
};

static JsonObject *
shift_to_json (gconstpointer row)
{
  const XaDutyShift *shift = row;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "uuid", shift->uuid);
  json_object_set_string_member (object, "school", shift->school_code);
  json_object_set_string_member (object, "date", shift->duty_on);
  json_object_set_string_member (object, "leader", shift->leader);
  json_object_set_string_member (object, "on_duty", shift->on_duty);
  json_object_set_string_member (object, "notes", shift->notes);
  return object;
}

int
xa_cli_duty_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaDutyShift) shift = NULL;
  g_autofree char *date = NULL;
  XaDutyShiftFields fields = { 0 };
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("“duty add” needs --school CODE"));
  if ((status = xa_cli_dup_option_date (cli, "date", TRUE, &date)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = find_school (cli, workspace, TRUE, &error)))
    return xa_cli_user_error (error);
  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.duty_on = date;
  fields.leader = xa_cli_get_option (cli, "leader");
  fields.on_duty = xa_cli_get_option (cli, "on-duty");
  fields.notes = xa_cli_get_option (cli, "notes");
  if (!(shift = xa_duty_add (xa_workspace_get_store (workspace), &fields, &error)))
    return xa_cli_user_error (error);
  xa_cli_print_added (cli, shift_to_json (shift), shift->uuid);
  return EXIT_OK;
}

static void
print_shift (gconstpointer row)
{
  const XaDutyShift *shift = row;

  g_print ("%s\t%s\t%s\t%s\t%s\n", shift->duty_on, shift->school_code ? shift->school_code : "",
           shift->leader, shift->on_duty, shift->uuid);
}

int
xa_cli_duty_list (XaCli *cli)
{
  return list_range (cli, xa_duty_list, shift_to_json, print_shift);
}

int
xa_cli_duty_check (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_auto(GStrv) uncovered = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int status;

  if (cli->school == NULL || xa_cli_get_option (cli, "from") == NULL)
    return xa_cli_usage_error (_("“duty check” needs --school CODE and --from YYYY-MM-DD"));
  if ((status = xa_cli_dup_option_date (cli, "from", FALSE, &from)) ||
      (status = xa_cli_dup_option_date (cli, "to", TRUE, &to)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = find_school (cli, workspace, TRUE, &error)) ||
      !(uncovered = xa_duty_uncovered (xa_workspace_get_store (workspace), xa_organisation_get_uuid (school),
                                       from, to, &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; uncovered[i] != NULL; i++)
        json_array_add_string_element (array, uncovered[i]);
      xa_cli_print_json_array (array);
    }
  else if (uncovered[0] == NULL)
    /* Translators: two dates */
    g_print (_("Every day from %s to %s has a leader on duty and the 24-hour watch\n"), from, to);
  else
    {
      /* Translators: the number of days without a duty shift */
      g_print (g_dngettext (NULL, "%u day without a leader on duty and the 24-hour watch:\n",
                            "%u days without a leader on duty and the 24-hour watch:\n", g_strv_length (uncovered)),
               g_strv_length (uncovered));
      for (guint i = 0; uncovered[i] != NULL; i++)
        g_print ("%s\n", uncovered[i]);
    }
  return EXIT_OK;
}

/* visitor */

const XaCliOption xa_cli_visitor_add_options[] = {
  OPTION ("at", N_("when the visitor arrived (default now)"), "\"YYYY-MM-DD HH:MM\""),
  OPTION ("name", N_("the visitor's name"), "NAME"),
  SWITCH ("id-checked", N_("the visitor's identity card was checked (验证)")),
  OPTION ("purpose", N_("why they came"), "TEXT"),
  OPTION ("host", N_("whom they came to see"), "NAME"),
  { NULL }
};

const XaCliOption xa_cli_visitor_leave_options[] = {
  OPTION ("at", N_("when the visitor left (default now)"), "\"YYYY-MM-DD HH:MM\""),
  { NULL }
};

static char *
dup_time_option (XaCli *cli)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *at = xa_cli_get_option (cli, "at");

  return at != NULL ? g_strdup (at) : g_date_time_format (now, "%Y-%m-%d %H:%M");
}

static JsonObject *
visitor_to_json (gconstpointer row)
{
  const XaVisitor *visitor = row;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "uuid", visitor->uuid);
  json_object_set_string_member (object, "school", visitor->school_code);
  json_object_set_string_member (object, "arrived_at", visitor->arrived_at);
  json_object_set_string_member (object, "left_at", visitor->left_at);
  json_object_set_string_member (object, "name", visitor->name);
  json_object_set_boolean_member (object, "id_checked", visitor->id_checked);
  json_object_set_string_member (object, "purpose", visitor->purpose);
  json_object_set_string_member (object, "host", visitor->host);
  return object;
}

int
xa_cli_visitor_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaVisitor) visitor = NULL;
  g_autofree char *at = dup_time_option (cli);
  XaVisitorFields fields = { 0 };

  if (cli->school == NULL)
    return xa_cli_usage_error (_("“visitor add” needs --school CODE"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = find_school (cli, workspace, TRUE, &error)))
    return xa_cli_user_error (error);
  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.arrived_at = at;
  fields.name = xa_cli_get_option (cli, "name");
  fields.id_checked = xa_cli_get_switch (cli, "id-checked");
  fields.purpose = xa_cli_get_option (cli, "purpose");
  fields.host = xa_cli_get_option (cli, "host");
  if (!(visitor = xa_visitor_add (xa_workspace_get_store (workspace), &fields, &error)))
    return xa_cli_user_error (error);
  xa_cli_print_added (cli, visitor_to_json (visitor), visitor->uuid);
  if (!visitor->id_checked)
    g_printerr (_("Note: the visitor’s identity was not checked, as the gate regime asks\n"));
  return EXIT_OK;
}

int
xa_cli_visitor_leave (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *at = dup_time_option (cli);

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_visitor_leave (xa_workspace_get_store (workspace), cli->args[0], at, &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

static void
print_visitor (gconstpointer row)
{
  const XaVisitor *visitor = row;

  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", visitor->arrived_at, visitor->left_at ? visitor->left_at : _("(inside)"),
           visitor->school_code ? visitor->school_code : "", visitor->name,
           visitor->id_checked ? _("identity checked") : _("identity NOT checked"),
           visitor->purpose, visitor->host, visitor->uuid);
}

int
xa_cli_visitor_list (XaCli *cli)
{
  return list_range (cli, xa_visitor_list, visitor_to_json, print_visitor);
}
