/* xa-agreement-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Agreements as JSON for other programs (`xiaoan-cli agreement list --json`). As with the
 * registry's JSON, the members and their order are an interface: a field is added at the
 * end and never renamed, and states are keys ("signed"), not labels.
 */

#include "config.h"

#include "xa-agreement-json.h"

/**
 * xa_agreement_to_json_node:
 * @agreement: an agreement
 *
 * The agreement as an object: "school", "school_name", "school_year" (the first calendar
 * year, 2021 for 2021-2022), "revision", "state", "first_responsible",
 * "direct_responsible", "successor", "handover_date", "template_version", "steps" (for
 * each state reached, an object with "at" and "by"), "uuid", "supersedes" and
 * "supplements" (the school's supplementary clauses, an array of strings in order), a
 * missing value as null.
 *
 * Returns: (transfer full): a node holding the object
 */
JsonNode *
xa_agreement_to_json_node (XaAgreement *agreement)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObject *steps;
  JsonArray *supplements;
  JsonNode *node;

  g_return_val_if_fail (XA_IS_AGREEMENT (agreement), NULL);

  json_object_set_string_member (object, "school", xa_agreement_get_school_code (agreement));
  json_object_set_string_member (object, "school_name", xa_agreement_get_school_name (agreement));
  json_object_set_int_member (object, "school_year", xa_agreement_get_school_year (agreement));
  json_object_set_int_member (object, "revision", xa_agreement_get_revision (agreement));
  json_object_set_string_member (object, "state",
                                 xa_agreement_state_to_key (xa_agreement_get_state (agreement)));
  json_object_set_string_member (object, "first_responsible", xa_agreement_get_first_responsible (agreement));
  json_object_set_string_member (object, "direct_responsible", xa_agreement_get_direct_responsible (agreement));
  json_object_set_string_member (object, "successor", xa_agreement_get_successor (agreement));
  json_object_set_string_member (object, "handover_date", xa_agreement_get_handover_date (agreement));
  json_object_set_int_member (object, "template_version", xa_agreement_get_template_version (agreement));

  steps = json_object_new ();
  for (XaAgreementState state = 0; state < XA_N_AGREEMENT_STATES; state++)
    {
      JsonObject *step;

      if (xa_agreement_get_step_time (agreement, state) == NULL)
        continue;

      step = json_object_new ();
      json_object_set_string_member (step, "at", xa_agreement_get_step_time (agreement, state));
      json_object_set_string_member (step, "by", xa_agreement_get_step_operator (agreement, state));
      json_object_set_object_member (steps, xa_agreement_state_to_key (state), step);
    }
  json_object_set_object_member (object, "steps", steps);

  json_object_set_string_member (object, "uuid", xa_agreement_get_uuid (agreement));
  json_object_set_string_member (object, "supersedes", xa_agreement_get_supersedes (agreement));

  supplements = json_array_new ();
  for (const char * const *text = xa_agreement_get_supplements (agreement); *text != NULL; text++)
    json_array_add_string_element (supplements, *text);
  json_object_set_array_member (object, "supplements", supplements);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}
