/* xa-registry-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry as JSON for other programs (`xiaoan-cli school list --json`). The members
 * and their order are an interface: scripts read them, so a field is added at the end and
 * never renamed. Keys, not labels: "primary", not 小学 or "Primary school", whatever the
 * language of the one who runs it.
 */

#include "config.h"

#include "xa-registry-json.h"

/**
 * xa_organisation_to_json_node:
 * @school: a school
 * @first_responsible: (nullable): the name of its 第一责任人, or %NULL when the post is
 *   empty
 *
 * The school as an object: "code", "name", "type" (a key, see xa_school_type_to_key()),
 * "stages" (an array of keys), "address", "phone", "uuid" and "first_responsible", a
 * missing value as null.
 *
 * Returns: (transfer full): a node holding the object
 */
JsonNode *
xa_organisation_to_json_node (XaOrganisation *school,
                              const char     *first_responsible)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_auto(GStrv) stages = NULL;
  JsonArray *stage_array;
  JsonNode *node;

  g_return_val_if_fail (XA_IS_ORGANISATION (school), NULL);

  json_object_set_string_member (object, "code", xa_organisation_get_code (school));
  json_object_set_string_member (object, "name", xa_organisation_get_name (school));
  json_object_set_string_member (object, "type",
                                 xa_school_type_to_key (xa_organisation_get_school_type (school)));

  /* Stored as "primary,junior"; an empty field is no stage, not one empty stage. */
  stage_array = json_array_new ();
  stages = g_strsplit (xa_organisation_get_stages (school) ? xa_organisation_get_stages (school) : "",
                       ",", -1);
  for (guint i = 0; stages[i] != NULL; i++)
    {
      if (stages[i][0] != '\0')
        json_array_add_string_element (stage_array, stages[i]);
    }
  json_object_set_array_member (object, "stages", stage_array);

  json_object_set_string_member (object, "address", xa_organisation_get_address (school));
  json_object_set_string_member (object, "phone", xa_organisation_get_phone (school));
  json_object_set_string_member (object, "uuid", xa_organisation_get_uuid (school));
  json_object_set_string_member (object, "first_responsible", first_responsible);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}
