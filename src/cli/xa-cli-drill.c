/* xa-cli-drill.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli drill add|list|missed` (issue 13): a school's 应急疏散演练 without a display,
 * and the frequency check of its school year. Types are their keys (--type fire) or
 * their labels (--type 火灾). The read commands open the database read-only.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/education/xa-drill-demo.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"
#include "document/xa-drill-record.h"
#include "core/util/xa-school-year.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_drill_add_options[] = {
  OPTION ("date", N_("the day of the drill (default today)"), "YYYY-MM-DD"),
  OPTION ("type", N_("earthquake, fire, stampede, terror, school-bus or other (or 地震, 火灾, 防踩踏, 反恐防暴, 校车, 其他)"), "TYPE"),
  OPTION ("other", N_("what an other drill was"), "TEXT"),
  OPTION ("organiser", N_("who organised it"), "NAME"),
  OPTION ("participants", N_("how many took part"), "N"),
  OPTION ("evacuation", N_("the evacuation time in seconds"), "SECONDS"),
  OPTION ("target", N_("the target evacuation time in seconds"), "SECONDS"),
  OPTION ("problems", N_("the problems found, separated by “;”"), "TEXT;…"),
  OPTION ("improvements", N_("the improvements decided"), "TEXT"),
  OPTION ("evidence", N_("archived files that prove it, by UUID, separated by “,”"), "UUID,…"),
  { NULL }
};

static int
parse_count (const char *option,
             const char *text,
             int        *value)
{
  guint64 number = 0;

  if (text == NULL)
    return EXIT_OK;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 1000000, &number, NULL))
    return xa_cli_usage_error (_("--%s: “%s” is not a whole number"), option, text);
  *value = (int) number;
  return EXIT_OK;
}

static JsonNode *
drill_to_json (XaDrill *drill)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *kind = xa_drill_dup_kind_label (drill);
  const char * const *evidence = xa_drill_get_evidence (drill);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, xa_drill_get_uuid (drill));
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, xa_drill_get_school_code (drill));
  json_builder_set_member_name (builder, "school_name");
  json_builder_add_string_value (builder, xa_drill_get_school_name (drill));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xa_drill_get_school_year (drill));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, xa_drill_get_held_on (drill));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, xa_drill_kind_to_key (xa_drill_get_kind (drill)));
  json_builder_set_member_name (builder, "type_label");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "organiser");
  json_builder_add_string_value (builder, xa_drill_get_organiser (drill));
  json_builder_set_member_name (builder, "participants");
  json_builder_add_int_value (builder, xa_drill_get_participants (drill));
  json_builder_set_member_name (builder, "evacuation_seconds");
  if (xa_drill_get_evacuation_seconds (drill) > 0)
    json_builder_add_int_value (builder, xa_drill_get_evacuation_seconds (drill));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "target_seconds");
  if (xa_drill_get_target_seconds (drill) > 0)
    json_builder_add_int_value (builder, xa_drill_get_target_seconds (drill));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "within_target");
  json_builder_add_boolean_value (builder, xa_drill_get_within_target (drill));
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xa_drill_get_n_problems (drill); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "problem");
      json_builder_add_string_value (builder, xa_drill_get_problem (drill, i));
      json_builder_set_member_name (builder, "hazard");
      if (xa_drill_get_problem_hazard_number (drill, i) != NULL)
        json_builder_add_string_value (builder, xa_drill_get_problem_hazard_number (drill, i));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "improvements");
  json_builder_add_string_value (builder, xa_drill_get_improvements (drill));
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; evidence[i] != NULL; i++)
    json_builder_add_string_value (builder, evidence[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

int
xa_cli_drill_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaDrill) drill = NULL;
  g_autofree char *date = NULL;
  g_auto(GStrv) problems = NULL;
  g_auto(GStrv) evidence = NULL;
  const char *type = xa_cli_get_option (cli, "type");
  XaDrillFields fields = { 0 };
  GDate day;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school that held the drill"));
  if (type == NULL || !xa_drill_kind_from_label (type, &fields.kind))
    return xa_cli_usage_error (_("--type: “%s” is not one of earthquake, fire, stampede, terror, school-bus, other"),
                               type ? type : "");
  if (xa_cli_get_option (cli, "organiser") == NULL)
    return xa_cli_usage_error (_("--organiser is required: who organised the drill"));
  if ((status = xa_cli_parse_date ("date", xa_cli_get_option (cli, "date"), &date)) ||
      (status = parse_count ("participants", xa_cli_get_option (cli, "participants"), &fields.participants)) ||
      (status = parse_count ("evacuation", xa_cli_get_option (cli, "evacuation"), &fields.evacuation_seconds)) ||
      (status = parse_count ("target", xa_cli_get_option (cli, "target"), &fields.target_seconds)))
    return status;
  if (date == NULL)
    date = xa_date_today_iso ();
  xa_date_parse (date, &day);
  fields.school_year = xa_school_year_for_date (&day);
  if (cli->year != NULL && !xa_school_year_parse (cli->year, &fields.school_year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if (xa_cli_get_option (cli, "problems") != NULL)
    problems = g_strsplit (xa_cli_get_option (cli, "problems"), ";", -1);
  if (xa_cli_get_option (cli, "evidence") != NULL)
    evidence = g_strsplit (xa_cli_get_option (cli, "evidence"), ",", -1);

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);

  fields.school_uuid = xa_organisation_get_uuid (school);
  fields.held_on = date;
  fields.kind_other = xa_cli_get_option (cli, "other");
  fields.organiser = xa_cli_get_option (cli, "organiser");
  fields.problems = (const char * const *) problems;
  fields.improvements = xa_cli_get_option (cli, "improvements");
  fields.evidence = (const char * const *) evidence;
  if (!(drill = xa_drill_book_add (xa_workspace_get_drills (workspace), &fields, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = drill_to_json (drill);

      print_node (node);
    }
  else
    /* Translators: a date, then the drill's type, then its UUID */
    g_print (_("Recorded the drill of %s (%s): %s\n"), xa_drill_get_held_on (drill),
             xa_drill_kind_to_label (xa_drill_get_kind (drill)), xa_drill_get_uuid (drill));
  return EXIT_OK;
}

/* drill edit */

const XaCliOption xa_cli_drill_edit_options[] = {
  OPTION ("date", N_("the day of the drill, in its school year"), "YYYY-MM-DD"),
  OPTION ("type", N_("earthquake, fire, stampede, terror, school-bus or other (or 地震, 火灾, 防踩踏, 反恐防暴, 校车, 其他)"), "TYPE"),
  OPTION ("other", N_("what an other drill was"), "TEXT"),
  OPTION ("organiser", N_("who organised it"), "NAME"),
  OPTION ("participants", N_("how many took part"), "N"),
  OPTION ("evacuation", N_("the evacuation time in seconds"), "SECONDS"),
  OPTION ("target", N_("the target evacuation time in seconds"), "SECONDS"),
  OPTION ("add-problems", N_("problems found later, added after those recorded, separated by “;”"), "TEXT;…"),
  OPTION ("improvements", N_("the improvements decided"), "TEXT"),
  { NULL }
};

int
xa_cli_drill_edit (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaDrill) drill = NULL;
  g_autofree char *date = NULL;
  g_auto(GStrv) problems = NULL;
  const char *type = xa_cli_get_option (cli, "type");
  XaDrillEdit edit = XA_DRILL_EDIT_INIT;
  int status;

  if (type != NULL && !xa_drill_kind_from_label (type, &edit.kind))
    return xa_cli_usage_error (_("--type: “%s” is not one of earthquake, fire, stampede, terror, school-bus, other"), type);
  if ((status = xa_cli_parse_date ("date", xa_cli_get_option (cli, "date"), &date)) ||
      (status = parse_count ("participants", xa_cli_get_option (cli, "participants"), &edit.participants)) ||
      (status = parse_count ("evacuation", xa_cli_get_option (cli, "evacuation"), &edit.evacuation_seconds)) ||
      (status = parse_count ("target", xa_cli_get_option (cli, "target"), &edit.target_seconds)))
    return status;
  if (xa_cli_get_option (cli, "add-problems") != NULL)
    problems = g_strsplit (xa_cli_get_option (cli, "add-problems"), ";", -1);
  edit.held_on = date;
  edit.kind_other = xa_cli_get_option (cli, "other");
  edit.organiser = xa_cli_get_option (cli, "organiser");
  edit.improvements = xa_cli_get_option (cli, "improvements");
  edit.new_problems = (const char * const *) problems;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(drill = xa_drill_book_edit (xa_workspace_get_drills (workspace), cli->args[0], &edit, &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonNode) node = drill_to_json (drill);

      print_node (node);
    }
  return EXIT_OK;
}

int
xa_cli_drill_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) drills = NULL;
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  int year = 0;

  if (cli->year != NULL && !xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  if (!(drills = xa_drill_book_list (xa_workspace_get_drills (workspace),
                                     school ? xa_organisation_get_uuid (school) : NULL, year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < drills->len; i++)
    {
      XaDrill *drill = g_ptr_array_index (drills, i);
      g_autofree char *kind = xa_drill_dup_kind_label (drill);
      g_autofree char *evacuation = NULL;

      if (array != NULL)
        {
          json_array_add_element (array, drill_to_json (drill));
          continue;
        }
      g_object_get (drill, "evacuation-label", &evacuation, NULL);
      g_print ("%s\t%s\t%s\t%s\t%d\t%s\t%u\t%s\n", xa_drill_get_held_on (drill), xa_drill_get_school_code (drill),
               kind, xa_drill_get_organiser (drill), xa_drill_get_participants (drill), evacuation,
               xa_drill_get_n_problems (drill), xa_drill_get_uuid (drill));
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

const XaCliOption xa_cli_drill_missed_options[] = {
  OPTION ("today", N_("the day of the check: a period not over by then is not missed (default today)"), "YYYY-MM-DD"),
  { NULL }
};

int
xa_cli_drill_missed (XaCli *cli)
{
  g_autofree char *today = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) periods = NULL;
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  guint months = 1;
  int year = 0;
  int status;

  if (cli->school == NULL || cli->year == NULL)
    return xa_cli_usage_error (_("--school and --year are required: the school and the school year to check"));
  if (!xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if ((status = xa_cli_parse_date ("today", xa_cli_get_option (cli, "today"), &today)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)) ||
      !(periods = xa_drill_book_check_school (xa_workspace_get_drills (workspace), xa_organisation_get_uuid (school),
                                              year, today, &months, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < periods->len; i++)
    {
      XaDrillPeriod *period = g_ptr_array_index (periods, i);

      if (array != NULL)
        {
          g_autoptr(JsonObject) object = json_object_new ();

          json_object_set_string_member (object, "first_day", period->first_day);
          json_object_set_string_member (object, "last_day", period->last_day);
          json_object_set_int_member (object, "drills", period->n_drills);
          json_object_set_boolean_member (object, "open", period->open);
          json_object_set_boolean_member (object, "missed", xa_drill_period_is_missed (period));
          json_array_add_object_element (array, g_steal_pointer (&object));
        }
      else if (xa_drill_period_is_missed (period))
        g_print ("%s\t%s\t%s\n", period->first_day, period->last_day, _("missed"));
    }
  if (array == NULL)
    {
      guint missed = 0;

      for (guint i = 0; i < periods->len; i++)
        missed += xa_drill_period_is_missed ((XaDrillPeriod *) g_ptr_array_index (periods, i));
      /* Translators: periods without a drill, the periods expected, the months of a period */
      g_print (_("%u of the periods of term so far without a drill, of %u in the year (at least one drill every %u months)\n"),
               missed, periods->len, months);
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

/**
 * xa_cli_drill_demo:
 *
 * `demo --drills`: this school year's drills up to today and a few incidents.
 */
int
xa_cli_drill_demo (XaWorkspace *workspace,
                   XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  guint n_drills = 0;
  guint n_incidents = 0;

  if (!xa_cli_get_switch (cli, "drills"))
    return EXIT_OK;

  if (cli->seed != NULL)
    g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &seed, NULL);
  if (!xa_drill_demo_fill (xa_workspace_get_drills (workspace), xa_workspace_get_incidents (workspace),
                           xa_workspace_get_registry (workspace), (guint32) seed, NULL, &n_drills, &n_incidents, &error))
    return xa_cli_user_error (error);

  /* Translators: how many drills, then how many incidents */
  g_print (_("Recorded %u drills and %u incidents of this school year\n"), n_drills, n_incidents);
  return EXIT_OK;
}

/* drill print */

int
xa_cli_drill_print (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaDrill) drill = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;

  if (cli->out == NULL)
    return xa_cli_usage_error (_("--out is required: the PDF file to write"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(drill = xa_drill_book_dup_drill (xa_workspace_get_drills (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);

  fonts = xa_font_resolver_new ();
  layout = xa_drill_record_layout_new (drill, fonts);
  if (!xa_cli_save_layout (layout, fonts, cli->out, &error))
    return xa_cli_user_error (error);

  /* Translators: a date, then the file written */
  g_print (_("Wrote the record of the drill of %s to %s\n"), xa_drill_get_held_on (drill), cli->out);
  return EXIT_OK;
}

/* drill policy */

const XaCliOption xa_cli_drill_policy_options[] = {
  OPTION ("school-months", N_("the months a primary or secondary school may go between drills: 1, 2, 3, 4 or 6"), "N"),
  OPTION ("kindergarten-months", N_("the months a kindergarten may go between drills"), "N"),
  OPTION ("school-target", N_("a school's target evacuation time in seconds"), "SECONDS"),
  OPTION ("kindergarten-target", N_("a kindergarten's target evacuation time in seconds"), "SECONDS"),
  { NULL }
};

int
xa_cli_drill_policy (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  XaDrillPolicy policy;
  const char *names[] = { "school-months", "kindergarten-months", "school-target", "kindergarten-target" };
  int values[4];
  gboolean change = FALSE;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      values[i] = -1;
      if ((status = parse_count (names[i], xa_cli_get_option (cli, names[i]), &values[i])))
        return status;
      change |= values[i] >= 0;
    }
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_drill_book_read_policy (xa_workspace_get_drills (workspace), &policy, &error))
    return xa_cli_user_error (error);
  if (change)
    {
      if (values[0] >= 0)
        policy.school_months = (guint) values[0];
      if (values[1] >= 0)
        policy.kindergarten_months = (guint) values[1];
      if (values[2] >= 0)
        policy.school_target_seconds = (guint) values[2];
      if (values[3] >= 0)
        policy.kindergarten_target_seconds = (guint) values[3];
      if (!xa_drill_book_save_policy (xa_workspace_get_drills (workspace), &policy, &error))
        return xa_cli_user_error (error);
    }

  if (cli->json)
    {
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_int_member (object, "school_months", policy.school_months);
      json_object_set_int_member (object, "kindergarten_months", policy.kindergarten_months);
      json_object_set_int_member (object, "school_target_seconds", policy.school_target_seconds);
      json_object_set_int_member (object, "kindergarten_target_seconds", policy.kindergarten_target_seconds);
      json_node_set_object (node, object);
      print_node (node);
    }
  else
    {
      /* Translators: the months between drills, then the target evacuation time in seconds */
      g_print (_("Primary and secondary schools: a drill at least every %u months, target %u s\n"),
               policy.school_months, policy.school_target_seconds);
      g_print (_("Kindergartens: a drill at least every %u months, target %u s\n"),
               policy.kindergarten_months, policy.kindergarten_target_seconds);
    }
  return EXIT_OK;
}

/* drill hazard */

int
xa_cli_drill_hazard (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaDrill) drill = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  guint64 problem = 0;
  int status;

  if (!g_ascii_string_to_unsigned (cli->args[1], 10, 1, 1000, &problem, NULL))
    return xa_cli_usage_error (_("PROBLEM is the number of the drill's problem, from 1"));
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(drill = xa_drill_book_dup_drill (xa_workspace_get_drills (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);
  if (problem > xa_drill_get_n_problems (drill))
    /* Translators: the drill's number of problems */
    return xa_cli_usage_error (_("The drill has %u problems"), xa_drill_get_n_problems (drill));

  hazard = xa_drill_new_hazard (drill, (guint) problem - 1);
  if ((status = xa_cli_complete_hazard (cli, workspace, hazard, xa_drill_get_held_on (drill))))
    return status;
  if (!xa_drill_book_record_hazard (xa_workspace_get_drills (workspace), xa_drill_get_uuid (drill), (guint) problem - 1,
                                    hazard, &error))
    return xa_cli_user_error (error);

  /* Translators: a problem's number, then a hazard number */
  g_print (_("Problem %u of the drill is now hazard %s\n"), (guint) problem, xa_hazard_get_number (hazard));
  return EXIT_OK;
}
