/* xa-cli-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli plan add|list|review`: a school's emergency plans (应急预案) and safety
 * rules (安全制度), each an archived file with the day it is next reviewed
 * (src/core/governance/xa-plan.c).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-cli-private.h"
#include "core/governance/xa-plan.h"
#include "core/util/xa-date.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_plan_add_options[] = {
  OPTION ("kind", N_("plan (应急预案) or rule (安全制度)"), "KIND"),
  OPTION ("title", N_("its title"), "TEXT"),
  OPTION ("adopted", N_("the day it was adopted (default today)"), "YYYY-MM-DD"),
  OPTION ("review", N_("the day it is next due for review (default a year after adoption)"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_plan_list_options[] = {
  OPTION ("due", N_("only those due for review on this day or before"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_plan_review_options[] = {
  OPTION ("on", N_("the day of the review (default today)"), "YYYY-MM-DD"),
  OPTION ("next", N_("the day of the next review (default a year after this one)"), "YYYY-MM-DD"),
  { NULL }
};

static JsonObject *
plan_to_json (const XaPlan *plan)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "uuid", plan->uuid);
  json_object_set_string_member (object, "school", plan->school_code);
  json_object_set_string_member (object, "kind", plan->kind);
  json_object_set_string_member (object, "title", plan->title);
  json_object_set_string_member (object, "archive_item", plan->archive_item_uuid);
  json_object_set_string_member (object, "adopted_on", plan->adopted_on);
  json_object_set_string_member (object, "review_on", plan->review_on);
  return object;
}

int
xa_cli_plan_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autofree char *adopted = NULL;
  g_autofree char *review = NULL;
  g_autofree char *uuid = NULL;
  const char *kind = xa_cli_get_option (cli, "kind");
  const char *title = xa_cli_get_option (cli, "title");
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("“plan add” needs --school CODE"));
  if ((status = xa_cli_dup_option_date (cli, "adopted", TRUE, &adopted)) ||
      (status = xa_cli_dup_option_date (cli, "review", FALSE, &review)))
    return status;
  if (review == NULL)
    review = xa_date_add_years (adopted, 1);
  if (!xa_plan_validate (kind, title, adopted, review, &error))
    return xa_cli_user_error (error);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)) ||
      !(uuid = xa_plan_adopt (xa_workspace_get_archive (workspace), xa_organisation_get_uuid (school), kind, title,
                              adopted, review, cli->args != NULL ? cli->args[0] : NULL, &error)))
    return xa_cli_user_error (error);
  g_print ("%s\n", uuid);
  return EXIT_OK;
}

int
xa_cli_plan_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autofree char *due = NULL;
  int status;

  if ((status = xa_cli_dup_option_date (cli, "due", FALSE, &due)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error))))
    return xa_cli_user_error (error);
  if (due != NULL)
    plans = xa_plan_list_due (xa_workspace_get_store (workspace), due, &error);
  else
    plans = xa_plan_list (xa_workspace_get_store (workspace), school ? xa_organisation_get_uuid (school) : NULL, &error);
  if (plans == NULL)
    return xa_cli_user_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const XaPlan *plan = g_ptr_array_index (plans, i);

      if (school != NULL && g_strcmp0 (plan->school_uuid, xa_organisation_get_uuid (school)) != 0)
        continue;
      if (cli->json)
        json_array_add_object_element (array, plan_to_json (plan));
      else
        g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", plan->school_code, xa_plan_kind_to_label (plan->kind), plan->title,
                 plan->adopted_on, plan->review_on, plan->uuid);
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_plan_review (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *on = NULL;
  g_autofree char *next = NULL;
  int status;

  if ((status = xa_cli_dup_option_date (cli, "on", TRUE, &on)) ||
      (status = xa_cli_dup_option_date (cli, "next", FALSE, &next)))
    return status;
  if (next == NULL)
    next = xa_date_add_years (on, 1);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_plan_review (xa_workspace_get_store (workspace), cli->args[0], on, next, &error))
    return xa_cli_user_error (error);
  g_print (_("Reviewed on %s; next review on %s\n"), on, next);
  return EXIT_OK;
}
