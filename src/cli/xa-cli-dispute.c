/* xa-cli-dispute.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli dispute add|list|advance`: the 矛盾纠纷排查化解台账 (src/core/governance).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xa-cli-private.h"
#include "core/governance/xa-dispute.h"
#include "core/governance/xa-governance-demo.h"
#include "core/governance/xa-key-person.h"
#include "core/util/xa-school-year.h"

const XaCliOption xa_cli_dispute_add_options[] = {
  { "found-on", G_OPTION_ARG_STRING, N_("the day it was found (default: today)"), "YYYY-MM-DD", N_("--found-on needs a date, such as 2024-10-08") },
  { "parties", G_OPTION_ARG_STRING, N_("the parties as roles, such as 家长—班主任"), "TEXT", N_("--parties needs the parties as roles") },
  { "kind", G_OPTION_ARG_STRING, N_("family-school, student, staff, neighbour, contract or other"), "KIND", N_("--kind needs family-school, student, staff, neighbour, contract or other") },
  { "description", G_OPTION_ARG_STRING, N_("what the dispute is about"), "TEXT", N_("--description needs a text") },
  { "measures", G_OPTION_ARG_STRING, N_("the measures taken"), "TEXT", N_("--measures needs a text") },
  { "responsible", G_OPTION_ARG_STRING, N_("the person responsible for resolving it"), "NAME", N_("--responsible needs a name") },
  { NULL }
};

const XaCliOption xa_cli_dispute_advance_options[] = {
  { "on", G_OPTION_ARG_STRING, N_("the day it was resolved, or of the petition"), "YYYY-MM-DD", N_("--on needs a date, such as 2024-10-20") },
  { "measures", G_OPTION_ARG_STRING, N_("the measures taken"), "TEXT", N_("--measures needs a text") },
  { NULL }
};

static int
parse_year (XaCli *cli,
            int   *year)
{
  g_autoptr(GError) error = NULL;

  *year = 0;
  if (cli->year != NULL && !xa_school_year_parse (cli->year, year, &error))
    return xa_cli_usage_error ("%s", error->message);
  return EXIT_OK;
}

int
xa_cli_dispute_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaDispute) dispute = NULL;
  g_autofree char *found_on = NULL;
  const char *found_text = xa_cli_get_option (cli, "found-on");
  XaDisputeFields fields = { 0 };
  int status;

  if ((status = parse_year (cli, &fields.school_year)))
    return status;
  if (cli->school == NULL || fields.school_year == 0)
    return xa_cli_usage_error (_("“dispute add” needs --school CODE and --year Y"));
  if (found_text != NULL && (status = xa_cli_parse_date ("found-on", found_text, &found_on)))
    return status;
  if (found_on == NULL)
    found_on = xa_date_today_iso ();
  fields.found_on = found_on;
  fields.parties = xa_cli_get_option (cli, "parties");
  fields.kind = xa_cli_get_option (cli, "kind");
  fields.description = xa_cli_get_option (cli, "description");
  fields.measures = xa_cli_get_option (cli, "measures");
  fields.responsible = xa_cli_get_option (cli, "responsible");

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  fields.school_uuid = xa_organisation_get_uuid (school);
  if (!(dispute = xa_dispute_add (xa_workspace_get_store (workspace), &fields, &error)))
    return xa_cli_user_error (error);
  g_print ("%s\n", xa_dispute_get_uuid (dispute));
  return EXIT_OK;
}

int
xa_cli_dispute_advance (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *on = NULL;
  const char *on_text = xa_cli_get_option (cli, "on");
  const char *step = cli->args[1];
  XaDisputeState to;
  int status;

  if (on_text != NULL && (status = xa_cli_parse_date ("on", on_text, &on)))
    return status;
  if (g_strcmp0 (step, "escalated") != 0 && !xa_dispute_state_from_key (step, &to))
    return xa_cli_usage_error (_("“%s” is not resolving, resolved, reported or escalated"), step);
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (g_strcmp0 (step, "escalated") == 0
      ? !xa_dispute_set_escalated (xa_workspace_get_store (workspace), cli->args[0], on, &error)
      : !xa_dispute_advance (xa_workspace_get_store (workspace), cli->args[0], to, on,
                             xa_cli_get_option (cli, "measures"), &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

int
xa_cli_dispute_judge (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  const char *influence = cli->args[1];

  if (g_strcmp0 (influence, "bad") != 0 && g_strcmp0 (influence, "none") != 0)
    return xa_cli_usage_error (_("“%s” is not bad (造成恶劣影响) or none"), influence);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_dispute_judge_influence (xa_workspace_get_store (workspace), cli->args[0],
                                   g_strcmp0 (influence, "bad") == 0, &error))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

static const char *
influence_to_key (XaDisputeInfluence influence)
{
  switch (influence)
    {
    case XA_DISPUTE_INFLUENCE_BAD: return "bad";
    case XA_DISPUTE_INFLUENCE_NONE: return "none";
    case XA_DISPUTE_INFLUENCE_UNJUDGED:
    default: return NULL;
    }
}

static JsonObject *
dispute_to_json (XaDispute *dispute)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "uuid", xa_dispute_get_uuid (dispute));
  json_object_set_string_member (object, "school", xa_dispute_get_school_code (dispute));
  json_object_set_int_member (object, "school_year", xa_dispute_get_school_year (dispute));
  json_object_set_string_member (object, "found_on", xa_dispute_get_found_on (dispute));
  json_object_set_string_member (object, "parties", xa_dispute_get_parties (dispute));
  json_object_set_string_member (object, "kind", xa_dispute_get_kind (dispute));
  json_object_set_string_member (object, "description", xa_dispute_get_description (dispute));
  json_object_set_string_member (object, "measures", xa_dispute_get_measures (dispute));
  json_object_set_string_member (object, "responsible", xa_dispute_get_responsible (dispute));
  json_object_set_string_member (object, "state", xa_dispute_state_to_key (xa_dispute_get_state (dispute)));
  json_object_set_string_member (object, "resolved_on", xa_dispute_get_resolved_on (dispute));
  json_object_set_string_member (object, "escalated_on", xa_dispute_get_escalated_on (dispute));
  json_object_set_string_member (object, "influence", influence_to_key (xa_dispute_get_influence (dispute)));
  json_object_set_string_member (object, "judged_by", xa_dispute_get_judged_by (dispute));
  json_object_set_string_member (object, "judged_at", xa_dispute_get_judged_at (dispute));
  return object;
}

int
xa_cli_dispute_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) disputes = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  int year;
  int status;

  if ((status = parse_year (cli, &year)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, TRUE, &error)))
    return xa_cli_user_error (error);
  if (!(disputes = xa_dispute_list (xa_workspace_get_store (workspace),
                                    school ? xa_organisation_get_uuid (school) : NULL, year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < disputes->len; i++)
    {
      XaDispute *dispute = g_ptr_array_index (disputes, i);

      if (cli->json)
        json_array_add_object_element (array, dispute_to_json (dispute));
      else
        g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n", xa_dispute_get_uuid (dispute),
                 xa_dispute_get_school_name (dispute), xa_dispute_get_found_on (dispute),
                 xa_dispute_get_parties (dispute), xa_dispute_kind_to_label (xa_dispute_get_kind (dispute)),
                 xa_dispute_get_responsible (dispute), xa_dispute_state_to_label (xa_dispute_get_state (dispute)),
                 xa_dispute_get_escalated (dispute) ? _(" (led to a petition over the district)") : "");
    }
  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

/**
 * xa_cli_dispute_demo:
 *
 * `demo --governance`: a screening round and its disputes in every school this school
 * year (one resolved, one being resolved; in the second school that one led to a
 * petition not yet judged), in the first school a key person whose name and story are
 * invented and say so, with the operator named to see them; and every school's duty,
 * visitors, guards, devices, plans and rules (xa_governance_demo_fill()).
 */
int
xa_cli_dispute_demo (XaWorkspace *workspace,
                     XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  XaStore *store = xa_workspace_get_store (workspace);
  GListModel *schools = xa_school_registry_get_schools (xa_workspace_get_registry (workspace));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                            g_date_time_get_year (now));
  int year = xa_school_year_for_date (today);
  g_autofree char *held_on = g_strdup_printf ("%d-10-08", year);
  g_autofree char *resolved_on = g_strdup_printf ("%d-10-20", year);
  guint n = g_list_model_get_n_items (schools);

  if (!xa_cli_get_switch (cli, "governance"))
    return EXIT_OK;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);
      g_autoptr(XaDispute) first = NULL;
      g_autoptr(XaDispute) second = NULL;
      g_autofree char *round = NULL;
      XaDisputeRoundFields round_fields = { xa_organisation_get_uuid (school), year, held_on,
                                            "安全办、德育处", "全校各年级、食堂、周边商户" };
      XaDisputeFields fields = { xa_organisation_get_uuid (school), year, NULL, held_on, "家长—班主任",
                                 "family-school", "（演示）家长对座位调整有异议", "班主任与家长面谈说明", "德育处主任" };

      if (!(round = xa_dispute_add_round (store, &round_fields, &error)))
        return xa_cli_user_error (error);
      fields.round_uuid = round;
      if (!(first = xa_dispute_add (store, &fields, &error)) ||
          !xa_dispute_advance (store, xa_dispute_get_uuid (first), XA_DISPUTE_RESOLVING, NULL, NULL, &error) ||
          !xa_dispute_advance (store, xa_dispute_get_uuid (first), XA_DISPUTE_RESOLVED, resolved_on, NULL, &error))
        return xa_cli_user_error (error);
      fields.parties = "学校—周边商户";
      fields.kind = "neighbour";
      fields.description = "（演示）校门口占道经营影响上下学通行";
      fields.measures = "会同街道、派出所协调";
      if (!(second = xa_dispute_add (store, &fields, &error)) ||
          !xa_dispute_advance (store, xa_dispute_get_uuid (second), XA_DISPUTE_RESOLVING, NULL, NULL, &error))
        return xa_cli_user_error (error);
      /* In the second school the dispute led to a petition over the district, whose
       * influence the commission has still to judge: the veto test shows it pending. */
      if (i == 1 &&
          (!xa_dispute_advance (store, xa_dispute_get_uuid (second), XA_DISPUTE_REPORTED, NULL, NULL, &error) ||
           !xa_dispute_set_escalated (store, xa_dispute_get_uuid (second), resolved_on, &error)))
        return xa_cli_user_error (error);

      if (i == 0)
        {
          g_autoptr(XaKeyPerson) person = NULL;
          XaKeyPersonFields person_fields = { xa_organisation_get_uuid (school), "演示某某（虚构）", "student",
                                              "（虚构示例，非真实人员）近期情绪低落，需持续关注", held_on, "班主任" };

          if (!xa_key_person_name_staff (store, xa_organisation_get_uuid (school), xa_store_get_operator (store), &error) ||
              !(person = xa_key_person_add (store, &person_fields, &error)) ||
              !xa_key_person_add_note (store, xa_key_person_get_uuid (person), resolved_on, "counselling",
                                       "心理老师", "（虚构示例）谈心一次，情绪平稳", &error))
            return xa_cli_user_error (error);
        }
    }
  if (!xa_governance_demo_fill (store, xa_workspace_get_registry (workspace), NULL, &error))
    return xa_cli_user_error (error);
  g_print (_("Recorded the 综治 registers: disputes, a fictional key person, duty, visitors, guards, devices, plans and rules\n"));
  return EXIT_OK;
}
