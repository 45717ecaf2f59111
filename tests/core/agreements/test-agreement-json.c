/* test-agreement-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xa_agreement_to_json_node() on a demo district in memory: the members scripts read, in
 * their order; the steps with who and when; a revision naming the one it supersedes.
 */

#include "config.h"

#include "xa-test-utils.h"
#include "core/agreements/xa-agreement-json.h"
#include "core/registry/xa-demo.h"
#include "core/xa-workspace.h"

typedef struct
{
  XaWorkspace *workspace;
  XaAgreementBook *book;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_made = 0;

  fixture->workspace = xa_test_workspace_new_in_memory (NULL, 0);
  g_assert_no_error (error);
  xa_store_set_operator (xa_workspace_get_store (fixture->workspace), "张老师");
  xa_demo_fill (xa_workspace_get_registry (fixture->workspace), 4, 7, &error);
  g_assert_no_error (error);
  fixture->book = xa_workspace_get_agreements (fixture->workspace);
  xa_agreement_book_generate_all (fixture->book, 2021, &n_made, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_made, ==, 4);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->workspace);
}

static XaAgreement *
agreement_at (Fixture *fixture,
              guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) agreements = xa_agreement_book_list_year (fixture->book, 2021, &error);

  g_assert_no_error (error);
  return g_list_model_get_item (agreements, index);
}

static void
test_members (Fixture       *fixture,
              gconstpointer  data)
{
  const char *members[] = { "school", "school_name", "school_year", "revision", "state",
                            "first_responsible", "direct_responsible", "successor",
                            "handover_date", "template_version", "steps", "uuid", "supersedes",
                            "supplements" };
  g_autoptr(XaAgreement) agreement = agreement_at (fixture, 0);
  g_autoptr(JsonNode) node = xa_agreement_to_json_node (agreement);
  g_autoptr(GList) names = NULL;
  JsonObject *object;
  JsonObject *steps;
  guint i = 0;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  /* json-glib keeps the order of insertion; scripts and diffs of the output rely on it. */
  names = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (names), ==, G_N_ELEMENTS (members));
  for (GList *l = names; l != NULL; l = l->next)
    g_assert_cmpstr (l->data, ==, members[i++]);

  g_assert_cmpstr (json_object_get_string_member (object, "school"), ==, xa_agreement_get_school_code (agreement));
  g_assert_cmpstr (json_object_get_string_member (object, "school_name"), ==, xa_agreement_get_school_name (agreement));
  g_assert_cmpint (json_object_get_int_member (object, "school_year"), ==, 2021);
  g_assert_cmpint (json_object_get_int_member (object, "revision"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "draft");
  g_assert_cmpint (json_object_get_int_member (object, "template_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "uuid"), ==, xa_agreement_get_uuid (agreement));
  g_assert_true (json_object_get_null_member (object, "supersedes"));

  steps = json_object_get_object_member (object, "steps");
  g_assert_cmpuint (json_object_get_size (steps), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (steps, "draft"), "by"), ==, "张老师");
}

/* Every state reached is a step with its time and operator; a revision names the one
 * it supersedes and starts with a draft step of its own. */
static void
test_steps_and_revision (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAgreement) signed_one = NULL;
  g_autoptr(XaAgreement) revision = NULL;
  g_autoptr(JsonNode) signed_node = NULL;
  g_autoptr(JsonNode) revision_node = NULL;
  const char *reached[] = { "draft", "pending", "signed" };
  g_autofree char *uuid = NULL;
  JsonObject *steps;

  {
    g_autoptr(XaAgreement) agreement = agreement_at (fixture, 1);

    uuid = g_strdup (xa_agreement_get_uuid (agreement));
  }

  xa_store_set_operator (xa_workspace_get_store (fixture->workspace), "王主任");
  xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_PENDING, &error);
  g_assert_no_error (error);
  xa_agreement_book_advance (fixture->book, uuid, XA_AGREEMENT_STATE_SIGNED, &error);
  g_assert_no_error (error);

  signed_one = xa_agreement_book_dup_by_uuid (fixture->book, uuid, &error);
  g_assert_no_error (error);
  signed_node = xa_agreement_to_json_node (signed_one);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (signed_node), "state"), ==, "signed");
  steps = json_object_get_object_member (json_node_get_object (signed_node), "steps");
  g_assert_cmpuint (json_object_get_size (steps), ==, G_N_ELEMENTS (reached));
  for (guint i = 0; i < G_N_ELEMENTS (reached); i++)
    {
      JsonObject *step = json_object_get_object_member (steps, reached[i]);

      g_assert_nonnull (step);
      g_assert_cmpstr (json_object_get_string_member (step, "at"), ==,
                       xa_agreement_get_step_time (signed_one, (XaAgreementState) i));
      g_assert_cmpstr (json_object_get_string_member (step, "by"), ==, i == 0 ? "张老师" : "王主任");
    }

  revision = xa_agreement_book_revise (fixture->book, uuid, &error);
  g_assert_no_error (error);
  revision_node = xa_agreement_to_json_node (revision);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (revision_node), "revision"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (revision_node), "supersedes"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (revision_node), "state"), ==, "draft");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/agreement-json/members", Fixture, NULL, fixture_set_up, test_members, fixture_tear_down);
  g_test_add ("/xa/agreement-json/steps-and-revision", Fixture, NULL, fixture_set_up,
              test_steps_and_revision, fixture_tear_down);

  return g_test_run ();
}
