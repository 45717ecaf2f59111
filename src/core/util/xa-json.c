/* xa-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pieces of JSON that audit entries and exports share.
 */

#include "config.h"

#include "xa-json.h"

/**
 * xa_json_builder_to_string:
 *
 * Returns: (transfer full): what @builder built, as compact JSON
 */
char *
xa_json_builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * xa_json_add_change:
 *
 * Adds `"name": {"old": …, "new": …}` to the object being built.
 */
void
xa_json_add_change (JsonBuilder *builder,
                    const char  *name,
                    const char  *old_value,
                    const char  *new_value)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, old_value);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, new_value);
  json_builder_end_object (builder);
}
