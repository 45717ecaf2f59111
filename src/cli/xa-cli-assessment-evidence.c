/* xa-cli-assessment-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `assessment evidence`: what the records of a school's year (or every school's) say
 * for each evidence source of the assessment, with the records that count.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/assessment/xa-evidence.h"
#include "core/util/xa-school-year.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_assessment_evidence_options[] = {
  OPTION ("key", N_("one evidence source (hazards.overdue, drills.missed …) instead of all"), "KEY"),
  OPTION ("today", N_("the day what is late or missed is judged on (default today; at most the year's last day)"), "YYYY-MM-DD"),
  { NULL }
};

static JsonObject *
finding_to_json (XaEvidenceFinding *finding,
                 const char        *school_code)
{
  JsonObject *object = json_object_new ();
  JsonArray *items = json_array_new ();
  GListModel *model = xa_evidence_finding_get_items (finding);

  json_object_set_string_member (object, "school_code", school_code);
  json_object_set_string_member (object, "school_uuid", xa_evidence_finding_get_school_uuid (finding));
  json_object_set_int_member (object, "school_year", xa_evidence_finding_get_school_year (finding));
  json_object_set_string_member (object, "key", xa_evidence_finding_get_key (finding));
  json_object_set_string_member (object, "label", xa_evidence_source_to_label (xa_evidence_finding_get_key (finding)));
  json_object_set_double_member (object, "value", xa_evidence_finding_get_value (finding));
  json_object_set_string_member (object, "unit", xa_evidence_finding_get_unit (finding));
  json_object_set_string_member (object, "description", xa_evidence_finding_get_description (finding));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XaEvidenceItem) item = g_list_model_get_item (model, i);
      JsonObject *member = json_object_new ();

      json_object_set_string_member (member, "kind", xa_evidence_kind_to_key (xa_evidence_item_get_kind (item)));
      if (xa_evidence_item_get_uuid (item) != NULL)
        json_object_set_string_member (member, "uuid", xa_evidence_item_get_uuid (item));
      else
        json_object_set_null_member (member, "uuid");
      json_object_set_string_member (member, "date", xa_evidence_item_get_date (item));
      json_object_set_string_member (member, "label", xa_evidence_item_get_label (item));
      json_array_add_object_element (items, member);
    }
  json_object_set_array_member (object, "items", items);
  return object;
}

static void
print_finding (XaEvidenceFinding *finding,
               const char        *school_code)
{
  GListModel *model = xa_evidence_finding_get_items (finding);

  g_print ("%s\t%s\t%g %s\t%s\n", school_code, xa_evidence_finding_get_key (finding),
           xa_evidence_finding_get_value (finding), xa_evidence_finding_get_unit (finding),
           xa_evidence_finding_get_description (finding));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XaEvidenceItem) item = g_list_model_get_item (model, i);

      g_print ("\t%s\t%s\t%s\t%s\n", xa_evidence_item_get_date (item),
               xa_evidence_kind_to_label (xa_evidence_item_get_kind (item)), xa_evidence_item_get_label (item),
               xa_evidence_item_get_uuid (item) != NULL ? xa_evidence_item_get_uuid (item) : "");
    }
}

int
xa_cli_assessment_evidence (XaCli *cli)
{
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  const char *key = xa_cli_get_option (cli, "key");
  GListModel *schools;
  int year = 0;
  int status;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required: the school year to assess"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if (key != NULL && !xa_evidence_is_known (key))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) xa_evidence_known_sources ());

      return xa_cli_usage_error (_("--key: “%s” is not an evidence source; known: %s"), key, known);
    }
  if ((status = xa_cli_parse_date ("today", xa_cli_get_option (cli, "today"), &today)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error))))
    return xa_cli_user_error (error);

  if (key != NULL)
    findings = xa_evidence_find_each (workspace, key, school != NULL ? xa_organisation_get_uuid (school) : NULL,
                                      year, today, &error);
  else
    findings = xa_evidence_find_all (workspace, school != NULL ? xa_organisation_get_uuid (school) : NULL,
                                     year, today, &error);
  if (findings == NULL)
    return xa_cli_user_error (error);

  schools = xa_school_registry_get_schools (xa_workspace_get_registry (workspace));
  for (guint i = 0; i < g_list_model_get_n_items (schools); i++)
    {
      g_autoptr(XaOrganisation) each = g_list_model_get_item (schools, i);

      /* The registry's list keeps its schools: the strings outlive this loop. */
      g_hash_table_insert (codes, (gpointer) xa_organisation_get_uuid (each), (gpointer) xa_organisation_get_code (each));
    }

  for (guint i = 0; i < findings->len; i++)
    {
      XaEvidenceFinding *finding = g_ptr_array_index (findings, i);
      const char *code = g_hash_table_lookup (codes, xa_evidence_finding_get_school_uuid (finding));

      if (array != NULL)
        json_array_add_object_element (array, finding_to_json (finding, code != NULL ? code : ""));
      else
        print_finding (finding, code != NULL ? code : "");
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}
