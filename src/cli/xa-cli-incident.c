/* xa-cli-incident.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli incident add|list|edit|veto` (issue 13): incidents without a display, an
 * incident's edit with its responsibility finding, and the commission's district list
 * of the veto test (一票否决) for a year, with each verdict's reasons, the escalations of
 * the dispute register (越级上访) and the commission's judgement of them included.
 * Values are keys (--type drowning) or labels (--type 学生溺水).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/util/xa-date.h"
#include "document/xa-incident-report.h"
#include "core/util/xa-school-year.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_incident_add_options[] = {
  OPTION ("date", N_("the day it happened"), "YYYY-MM-DD"),
  OPTION ("type", N_("fire, collapse, traffic, food-poisoning, stampede, epidemic, drowning, responsibility, public-security, mass-incident, petition or nine-no"), "TYPE"),
  OPTION ("severity", N_("ordinary, large, major or grave (一般, 较大, 重大, 特别重大)"), "KEY"),
  OPTION ("finding", N_("responsible, not-responsible or pending (责任, 非责任, 待认定)"), "KEY"),
  OPTION ("reporting", N_("on-time, late or concealed"), "KEY"),
  OPTION ("reported-on", N_("the day it was reported to the commission"), "YYYY-MM-DD"),
  OPTION ("affected", N_("how many people it affected"), "N"),
  { "bad-influence", G_OPTION_ARG_NONE, N_("it caused a bad influence (造成恶劣影响)"), NULL, NULL },
  OPTION ("summary", N_("what happened"), "TEXT"),
  OPTION ("evidence", N_("archived files that prove it, by UUID, separated by “,”"), "UUID,…"),
  { NULL }
};

static JsonNode *
incident_to_json (XaIncident *incident)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *reason = NULL;
  XaVetoState state = xa_veto_judge_incident (incident, NULL, &reason);

  json_builder_begin_object (builder);
#define STRING(name, value) G_STMT_START { json_builder_set_member_name (builder, name); \
                                           json_builder_add_string_value (builder, value); } G_STMT_END
  STRING ("uuid", xa_incident_get_uuid (incident));
  STRING ("school", xa_incident_get_school_code (incident));
  STRING ("school_name", xa_incident_get_school_name (incident));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xa_incident_get_school_year (incident));
  STRING ("date", xa_incident_get_occurred_on (incident));
  STRING ("type", xa_incident_kind_to_key (xa_incident_get_kind (incident)));
  STRING ("severity", xa_incident_severity_to_key (xa_incident_get_severity (incident)));
  STRING ("finding", xa_incident_finding_to_key (xa_incident_get_finding (incident)));
  json_builder_set_member_name (builder, "bad_influence");
  json_builder_add_boolean_value (builder, xa_incident_get_bad_influence (incident));
  json_builder_set_member_name (builder, "affected");
  json_builder_add_int_value (builder, xa_incident_get_affected (incident));
  json_builder_set_member_name (builder, "reported_on");
  if (xa_incident_get_reported_on (incident) != NULL)
    json_builder_add_string_value (builder, xa_incident_get_reported_on (incident));
  else
    json_builder_add_null_value (builder);
  STRING ("reporting", xa_incident_reporting_to_key (xa_incident_get_reporting (incident)));
  STRING ("summary", xa_incident_get_summary (incident));
  json_builder_set_member_name (builder, "finding_by");
  if (xa_incident_get_finding_by (incident) != NULL)
    json_builder_add_string_value (builder, xa_incident_get_finding_by (incident));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "finding_at");
  if (xa_incident_get_finding_at (incident) != NULL)
    json_builder_add_string_value (builder, xa_incident_get_finding_at (incident));
  else
    json_builder_add_null_value (builder);
  STRING ("veto", xa_veto_state_to_key (state));
  STRING ("veto_reason", reason);
#undef STRING
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

#define PARSE(option, from_label, variable, message) \
  G_STMT_START { \
    const char *text_ = xa_cli_get_option (cli, option); \
    if (text_ == NULL || !from_label (text_, &variable)) \
      return xa_cli_usage_error (message, text_ ? text_ : ""); \
  } G_STMT_END

int
xa_cli_incident_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaIncident) incident = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reported_on = NULL;
  g_auto(GStrv) evidence = NULL;
  XaIncidentFields fields = { 0 };
  guint64 affected = 0;
  GDate day;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school"));
  PARSE ("type", xa_incident_kind_from_label, fields.kind, _("--type: “%s” is not a type of incident"));
  PARSE ("severity", xa_incident_severity_from_label, fields.severity,
         _("--severity: “%s” is not one of ordinary, large, major, grave"));
  PARSE ("finding", xa_incident_finding_from_label, fields.finding,
         _("--finding: “%s” is not one of responsible, not-responsible, pending"));
  PARSE ("reporting", xa_incident_reporting_from_label, fields.reporting,
         _("--reporting: “%s” is not one of on-time, late, concealed"));
  if (xa_cli_get_option (cli, "date") == NULL)
    return xa_cli_usage_error (_("--date is required: the day the incident happened"));
  if ((status = xa_cli_parse_date ("date", xa_cli_get_option (cli, "date"), &date)) ||
      (status = xa_cli_parse_date ("reported-on", xa_cli_get_option (cli, "reported-on"), &reported_on)))
    return status;
  if (xa_cli_get_option (cli, "affected") != NULL &&
      !g_ascii_string_to_unsigned (xa_cli_get_option (cli, "affected"), 10, 0, 1000000, &affected, NULL))
    return xa_cli_usage_error (_("--%s: “%s” is not a whole number"), "affected", xa_cli_get_option (cli, "affected"));
  xa_date_parse (date, &day);
  fields.school_year = xa_school_year_for_date (&day);
  if (xa_cli_get_option (cli, "evidence") != NULL)
    evidence = g_strsplit (xa_cli_get_option (cli, "evidence"), ",", -1);

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);

  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.occurred_on = date;
  fields.bad_influence = xa_cli_get_switch (cli, "bad-influence");
  fields.affected = (int) affected;
  fields.reported_on = reported_on;
  fields.summary = xa_cli_get_option (cli, "summary");
  fields.evidence = (const char * const *) evidence;
  if (!(incident = xa_incident_book_add (xa_workspace_get_incidents (workspace), &fields, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = incident_to_json (incident);
      g_autofree char *text = json_to_string (node, TRUE);

      g_print ("%s\n", text);
    }
  else
    /* Translators: a date, then the incident's type, then its UUID */
    g_print (_("Recorded the incident of %s (%s): %s\n"), xa_incident_get_occurred_on (incident),
             xa_incident_kind_to_label (xa_incident_get_kind (incident)), xa_incident_get_uuid (incident));
  return EXIT_OK;
}

/* incident edit */

const XaCliOption xa_cli_incident_edit_options[] = {
  OPTION ("severity", N_("ordinary, large, major or grave (一般, 较大, 重大, 特别重大)"), "KEY"),
  OPTION ("finding", N_("the responsibility finding: responsible or not-responsible (责任, 非责任)"), "KEY"),
  OPTION ("bad-influence", N_("whether it caused a bad influence (造成恶劣影响): yes or no"), "yes|no"),
  OPTION ("affected", N_("how many people it affected"), "N"),
  OPTION ("reporting", N_("on-time, late or concealed"), "KEY"),
  OPTION ("reported-on", N_("the day it was reported to the commission"), "YYYY-MM-DD"),
  OPTION ("summary", N_("what happened"), "TEXT"),
  { NULL }
};

#define PARSE_IF_GIVEN(option, from_label, variable, message) \
  G_STMT_START { \
    const char *text_ = xa_cli_get_option (cli, option); \
    if (text_ != NULL && !from_label (text_, &variable)) \
      return xa_cli_usage_error (message, text_); \
  } G_STMT_END

int
xa_cli_incident_edit (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaIncident) incident = NULL;
  g_autofree char *reported_on = NULL;
  XaIncidentEdit edit = XA_INCIDENT_EDIT_INIT;
  const char *influence = xa_cli_get_option (cli, "bad-influence");
  const char *affected = xa_cli_get_option (cli, "affected");
  guint64 number = 0;
  int status;

  PARSE_IF_GIVEN ("severity", xa_incident_severity_from_label, edit.severity,
                  _("--severity: “%s” is not one of ordinary, large, major, grave"));
  PARSE_IF_GIVEN ("finding", xa_incident_finding_from_label, edit.finding,
                  _("--finding: “%s” is not one of responsible, not-responsible, pending"));
  PARSE_IF_GIVEN ("reporting", xa_incident_reporting_from_label, edit.reporting,
                  _("--reporting: “%s” is not one of on-time, late, concealed"));
  if (influence != NULL)
    {
      if (g_strcmp0 (influence, "yes") != 0 && g_strcmp0 (influence, "no") != 0)
        return xa_cli_usage_error (_("--bad-influence: “%s” is not yes or no"), influence);
      edit.bad_influence = g_strcmp0 (influence, "yes") == 0;
    }
  if (affected != NULL)
    {
      if (!g_ascii_string_to_unsigned (affected, 10, 0, 1000000, &number, NULL))
        return xa_cli_usage_error (_("--%s: “%s” is not a whole number"), "affected", affected);
      edit.affected = (int) number;
    }
  if ((status = xa_cli_parse_date ("reported-on", xa_cli_get_option (cli, "reported-on"), &reported_on)))
    return status;
  edit.reported_on = reported_on;
  edit.summary = xa_cli_get_option (cli, "summary");

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(incident = xa_incident_book_edit (xa_workspace_get_incidents (workspace), cli->args[0], &edit, &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonNode) node = incident_to_json (incident);
      g_autofree char *text = json_to_string (node, TRUE);

      g_print ("%s\n", text);
    }
  return EXIT_OK;
}

#undef PARSE_IF_GIVEN
#undef PARSE

int
xa_cli_incident_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) incidents = NULL;
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  int year = 0;

  if (cli->year != NULL && !xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  if (!(incidents = xa_incident_book_list (xa_workspace_get_incidents (workspace),
                                           school ? xa_organisation_get_uuid (school) : NULL, year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < incidents->len; i++)
    {
      XaIncident *incident = g_ptr_array_index (incidents, i);

      if (array != NULL)
        json_array_add_element (array, incident_to_json (incident));
      else
        g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", xa_incident_get_occurred_on (incident),
                 xa_incident_get_school_code (incident),
                 xa_incident_kind_to_label (xa_incident_get_kind (incident)),
                 xa_incident_severity_to_label (xa_incident_get_severity (incident)),
                 xa_incident_finding_to_label (xa_incident_get_finding (incident)),
                 xa_incident_reporting_to_label (xa_incident_get_reporting (incident)),
                 xa_incident_get_uuid (incident));
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_incident_veto (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) verdicts = NULL;
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  int year = 0;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required: the school year to judge"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(verdicts = xa_incident_book_judge_district (xa_workspace_get_incidents (workspace), year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < verdicts->len; i++)
    {
      XaVetoVerdict *verdict = g_ptr_array_index (verdicts, i);
      XaVetoState state = xa_veto_verdict_get_state (verdict);

      /* The district list: the vetoed and the pending, unless --all asks for every school
       * with an incident. */
      if (state == XA_VETO_STATE_CLEAR && !cli->all)
        continue;
      if (array != NULL)
        {
          g_autoptr(JsonObject) object = json_object_new ();
          g_autoptr(JsonArray) reasons = json_array_new ();

          json_object_set_string_member (object, "school", xa_veto_verdict_get_school_code (verdict));
          json_object_set_string_member (object, "school_name", xa_veto_verdict_get_school_name (verdict));
          json_object_set_string_member (object, "verdict", xa_veto_state_to_key (state));
          for (guint j = 0; j < xa_veto_verdict_get_n_reasons (verdict); j++)
            {
              g_autoptr(JsonObject) reason = json_object_new ();

              json_object_set_string_member (reason, "ground",
                                             xa_veto_ground_to_key (xa_veto_verdict_get_reason_ground (verdict, j)));
              json_object_set_string_member (reason, "state",
                                             xa_veto_state_to_key (xa_veto_verdict_get_reason_state (verdict, j)));
              json_object_set_string_member (reason, "reason", xa_veto_verdict_get_reason_text (verdict, j));
              json_object_set_string_member (reason, "source", xa_veto_verdict_get_reason_source (verdict, j));
              json_array_add_object_element (reasons, g_steal_pointer (&reason));
            }
          json_object_set_array_member (object, "reasons", g_steal_pointer (&reasons));
          json_array_add_object_element (array, g_steal_pointer (&object));
          continue;
        }
      g_print ("%s\t%s\t%s\n", xa_veto_verdict_get_school_code (verdict), xa_veto_verdict_get_school_name (verdict),
               xa_veto_state_to_label (state));
      for (guint j = 0; j < xa_veto_verdict_get_n_reasons (verdict); j++)
        g_print ("\t%s\n", xa_veto_verdict_get_reason_text (verdict, j));
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

/* incident print */

int
xa_cli_incident_print (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaIncident) incident = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;

  if (cli->out == NULL)
    return xa_cli_usage_error (_("--out is required: the PDF file to write"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(incident = xa_incident_book_dup_incident (xa_workspace_get_incidents (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);

  fonts = xa_font_resolver_new ();
  layout = xa_incident_report_layout_new (incident, fonts);
  if (!xa_cli_save_layout (layout, fonts, cli->out, &error))
    return xa_cli_user_error (error);

  /* Translators: a date, then the file written */
  g_print (_("Wrote the report of the incident of %s to %s\n"), xa_incident_get_occurred_on (incident), cli->out);
  return EXIT_OK;
}
