/* test-registry-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xa_organisation_to_json_node(): the members scripts read, in their order, with keys
 * rather than labels and null for what is missing; and every school of a demo district.
 */

#include "config.h"

#include <string.h>

#include "xa-test-utils.h"
#include "core/registry/xa-demo.h"
#include "core/registry/xa-registry-json.h"
#include "core/xa-workspace.h"

static void
test_members (void)
{
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  xa_organisation_set_code (school, "2150000001");
  xa_organisation_set_name (school, "甲小学");
  xa_organisation_set_school_type (school, XA_SCHOOL_TYPE_NINE_YEAR);
  xa_organisation_set_stages (school, "primary,junior");
  xa_organisation_set_address (school, "示例区枫桥路122号");
  xa_organisation_set_phone (school, "023-6521 3426");

  node = xa_organisation_to_json_node (school, "王建国");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  text = json_to_string (node, FALSE);
  expected = g_strdup_printf ("{\"code\":\"2150000001\",\"name\":\"甲小学\",\"type\":\"nine-year\","
                              "\"stages\":[\"primary\",\"junior\"],\"address\":\"示例区枫桥路122号\","
                              "\"phone\":\"023-6521 3426\",\"uuid\":\"%s\",\"first_responsible\":\"王建国\"}",
                              xa_organisation_get_uuid (school));
  g_assert_cmpstr (text, ==, expected);
}

/* No stage is an empty array, not [""]; an empty post is null. */
static void
test_empty (void)
{
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  xa_organisation_set_code (school, "2150000002");
  xa_organisation_set_name (school, "乙小学");
  xa_organisation_set_stages (school, "");

  node = xa_organisation_to_json_node (school, NULL);
  object = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "stages")), ==, 0);
  g_assert_true (json_object_get_null_member (object, "first_responsible"));
  g_assert_cmpuint (json_object_get_size (object), ==, 8);
}

static void
test_demo_district (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = xa_test_workspace_new_in_memory (NULL, 0);
  XaSchoolRegistry *registry;
  GListModel *schools;

  g_assert_no_error (error);
  registry = xa_workspace_get_registry (workspace);
  xa_demo_fill (registry, 6, 7, &error);
  g_assert_no_error (error);

  schools = xa_school_registry_get_schools (registry);
  g_assert_cmpuint (g_list_model_get_n_items (schools), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, i);
      g_autoptr(JsonNode) node = xa_organisation_to_json_node (school, "某人");
      JsonObject *object = json_node_get_object (node);
      JsonArray *stages = json_object_get_array_member (object, "stages");

      g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, xa_organisation_get_code (school));
      g_assert_cmpstr (json_object_get_string_member (object, "type"), ==,
                       xa_school_type_to_key (xa_organisation_get_school_type (school)));
      g_assert_cmpuint (json_array_get_length (stages), >, 0);
      for (guint s = 0; s < json_array_get_length (stages); s++)
        g_assert_nonnull (strstr (xa_organisation_get_stages (school), json_array_get_string_element (stages, s)));
      g_assert_cmpstr (json_object_get_string_member (object, "first_responsible"), ==, "某人");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/registry-json/members", test_members);
  g_test_add_func ("/xa/registry-json/empty", test_empty);
  g_test_add_func ("/xa/registry-json/demo-district", test_demo_district);

  return g_test_run ();
}
