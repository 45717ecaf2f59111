/* xa-cli-inspection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli inspection add|list|show|hazard|missed` and `campaign launch|list|record|
 * grid`: inspections and special campaigns (issue 11) without a display, and the year
 * of them `demo --inspections` gives the demo district. Values of types are their keys
 * (--type monthly) or their labels (--type 月查). The read commands open the database
 * read-only and write nothing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-inspection-demo.h"
#include "core/hazards/xa-hazard-policy.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "document/xa-inspection-record.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_inspection_add_options[] = {
  OPTION ("type", N_("daily, weekly, monthly, quarterly, semester, seasonal, campaign or supervision (default weekly)"), "TYPE"),
  OPTION ("date", N_("the day of the inspection (default today)"), "YYYY-MM-DD"),
  OPTION ("leader", N_("who led it"), "NAME"),
  OPTION ("inspectors", N_("who else inspected"), "NAMES"),
  OPTION ("checklist", N_("the areas checked, by key, such as fire,electricity (“inspection add --help” lists them)"), "AREA,…"),
  OPTION ("abnormal", N_("the items found abnormal, by number, with the problem: “2:电线裸露;5:灭火器过期”"), "N:PROBLEM;…"),
  OPTION ("remarks", N_("remarks"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_inspection_hazard_options[] = {
  OPTION ("measures", N_("the rectification measures"), "TEXT"),
  OPTION ("department", N_("the department responsible"), "TEXT"),
  OPTION ("responsible", N_("the person responsible"), "NAME"),
  OPTION ("place", N_("where it is (default: the item's place)"), "TEXT"),
  OPTION ("grade", N_("general (the default) or major"), "KEY"),
  OPTION ("deadline", N_("the deadline (default: the grade's days after the inspection)"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_inspection_print_options[] = {
  { "out", G_OPTION_ARG_FILENAME, N_("the PDF file to write"), "FILE.pdf",
    N_("--out needs a file name, such as 检查记录.pdf") },
  { NULL }
};

const XaCliOption xa_cli_inspection_missed_options[] = {
  OPTION ("today", N_("the day the plan is judged on (default today)"), "YYYY-MM-DD"),
  { NULL }
};

const XaCliOption xa_cli_campaign_record_options[] = {
  OPTION ("campaign", N_("the campaign, by key or name (“campaign list” shows them)"), "KEY"),
  OPTION ("plan", N_("the school's plan (方案)"), "TEXT"),
  OPTION ("activities", N_("what the school did (记录)"), "TEXT"),
  OPTION ("summary", N_("the school's summary (总结)"), "TEXT"),
  { NULL }
};

/* Helpers */

static int
parse_year (XaCli *cli,
            int   *year)
{
  g_autoptr(GError) error = NULL;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required: the school year, such as 2021-2022"));
  if (!xa_school_year_parse (cli->year, year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  return EXIT_OK;
}

static int
parse_type (const char       *text,
            XaInspectionType *type)
{
  if (text == NULL)
    return EXIT_OK;

  for (XaInspectionType t = 0; t < XA_N_INSPECTION_TYPES; t++)
    {
      if (xa_inspection_type_is_inspection (t) &&
          (g_str_equal (text, xa_inspection_type_to_key (t)) || g_str_equal (text, xa_inspection_type_to_label (t))))
        {
          *type = t;
          return EXIT_OK;
        }
    }

  return xa_cli_usage_error (_("--type: “%s” is not one of daily, weekly, monthly, quarterly, semester, seasonal, campaign, supervision"),
                             text);
}

static void
print_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

/* JSON */

static JsonNode *
inspection_to_json (XaInspection *inspection,
                    const char   *school_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, xa_inspection_get_uuid (inspection));
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, xa_inspection_get_number (inspection));
  if (school_code != NULL)
    {
      json_builder_set_member_name (builder, "school");
      json_builder_add_string_value (builder, school_code);
    }
  json_builder_set_member_name (builder, "school_uuid");
  json_builder_add_string_value (builder, xa_inspection_get_school_uuid (inspection));
  json_builder_set_member_name (builder, "school_year");
  json_builder_add_int_value (builder, xa_inspection_get_school_year (inspection));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, xa_inspection_type_to_key (xa_inspection_get_inspection_type (inspection)));
  json_builder_set_member_name (builder, "inspected_on");
  json_builder_add_string_value (builder, xa_inspection_get_inspected_on (inspection));
  json_builder_set_member_name (builder, "leader");
  json_builder_add_string_value (builder, xa_inspection_get_leader (inspection));
  json_builder_set_member_name (builder, "inspectors");
  json_builder_add_string_value (builder, xa_inspection_get_inspectors (inspection));
  json_builder_set_member_name (builder, "remarks");
  json_builder_add_string_value (builder, xa_inspection_get_remarks (inspection));
  json_builder_set_member_name (builder, "n_items");
  json_builder_add_int_value (builder, xa_inspection_count_items (inspection));
  json_builder_set_member_name (builder, "n_abnormal");
  json_builder_add_int_value (builder, xa_inspection_count_abnormal (inspection));
  json_builder_set_member_name (builder, "n_unrecorded");
  json_builder_add_int_value (builder, xa_inspection_count_unrecorded (inspection));

  if (xa_inspection_has_items (inspection))
    {
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < xa_inspection_get_n_items (inspection); i++)
        {
          XaInspectionItem *item = xa_inspection_get_item (inspection, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "position");
          json_builder_add_int_value (builder, i + 1);
          json_builder_set_member_name (builder, "area");
          json_builder_add_string_value (builder, xa_inspection_item_get_area (item));
          json_builder_set_member_name (builder, "area_name");
          json_builder_add_string_value (builder, xa_inspection_item_get_area_name (item));
          json_builder_set_member_name (builder, "content");
          json_builder_add_string_value (builder, xa_inspection_item_get_content (item));
          json_builder_set_member_name (builder, "category");
          json_builder_add_string_value (builder, xa_hazard_category_to_key (xa_inspection_item_get_category (item)));
          json_builder_set_member_name (builder, "place");
          json_builder_add_string_value (builder, xa_inspection_item_get_place (item));
          json_builder_set_member_name (builder, "result");
          json_builder_add_string_value (builder, xa_inspection_result_to_key (xa_inspection_item_get_result (item)));
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, xa_inspection_item_get_note (item));
          json_builder_set_member_name (builder, "hazard");
          if (xa_inspection_item_has_hazard (item))
            json_builder_add_string_value (builder, xa_inspection_item_get_hazard_number (item));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
slot_to_json (XaPlanSlot *slot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "school");
  json_builder_add_string_value (builder, xa_plan_slot_get_school_code (slot));
  json_builder_set_member_name (builder, "school_name");
  json_builder_add_string_value (builder, xa_plan_slot_get_school_name (slot));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, xa_plan_slot_kind_to_key (xa_plan_slot_get_kind (slot)));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, xa_inspection_type_to_key (xa_plan_slot_get_expected_type (slot)));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, xa_plan_slot_get_label (slot));
  json_builder_set_member_name (builder, "from");
  json_builder_add_string_value (builder, xa_plan_slot_get_from (slot));
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, xa_plan_slot_get_to (slot));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, xa_plan_slot_state_to_key (xa_plan_slot_get_state (slot)));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* inspection add */

/* The inspection's items from --checklist and --abnormal. */
static int
add_items (XaCli         *cli,
           XaWorkspace   *workspace,
           XaInspection  *inspection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_auto(GStrv) areas = NULL;
  g_auto(GStrv) abnormal = NULL;
  const char *checklist_text = xa_cli_get_option (cli, "checklist");
  const char *abnormal_text = xa_cli_get_option (cli, "abnormal");

  if (!(checklists = xa_inspection_book_dup_checklists (xa_workspace_get_inspections (workspace), &error)))
    return xa_cli_user_error (error);

  areas = g_strsplit_set (checklist_text, ",，", -1);
  for (guint a = 0; areas[a] != NULL; a++)
    {
      const char *area = g_strstrip (areas[a]);
      gboolean found = FALSE;

      for (guint i = 0; i < checklists->len && !found; i++)
        {
          XaChecklist *checklist = g_ptr_array_index (checklists, i);

          if (g_str_equal (area, xa_checklist_get_area (checklist)) || g_str_equal (area, xa_checklist_get_name (checklist)))
            {
              xa_inspection_add_checklist (inspection, checklist);
              found = TRUE;
            }
        }

      if (!found)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint i = 0; i < checklists->len; i++)
            g_string_append_printf (known, "%s%s (%s)", i > 0 ? ", " : "",
                                    xa_checklist_get_area (g_ptr_array_index (checklists, i)),
                                    xa_checklist_get_name (g_ptr_array_index (checklists, i)));
          /* Translators: what was given, then the checklists there are */
          return xa_cli_usage_error (_("--checklist: “%s” is not one of %s"), area, known->str);
        }
    }

  if (abnormal_text == NULL)
    return EXIT_OK;

  abnormal = g_strsplit_set (abnormal_text, ";；", -1);
  for (guint i = 0; abnormal[i] != NULL; i++)
    {
      const char *entry = g_strstrip (abnormal[i]);
      const char *colon = strpbrk (entry, ":：");
      g_autofree char *digits = colon != NULL ? g_strndup (entry, colon - entry) : NULL;
      guint64 number = 0;
      XaInspectionItem *item;

      if (entry[0] == '\0')
        continue;
      if (digits == NULL || !g_ascii_string_to_unsigned (digits, 10, 1, xa_inspection_get_n_items (inspection), &number, NULL))
        /* Translators: what was given, then how many items the checklists have */
        return xa_cli_usage_error (_("--abnormal: “%s” does not name an item from 1 to %u, as in 2:电线裸露"),
                                   entry, xa_inspection_get_n_items (inspection));

      item = xa_inspection_get_item (inspection, (guint) number - 1);
      xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
      xa_inspection_item_set_note (item, colon + (g_str_has_prefix (colon, ":") ? 1 : strlen ("：")));
    }

  return EXIT_OK;
}

static int
field_error (XaInspectionField  field,
             const GError      *error)
{
  static const char * const options[] = {
    [XA_INSPECTION_FIELD_SCHOOL] = "school",
    [XA_INSPECTION_FIELD_SCHOOL_YEAR] = "year",
    [XA_INSPECTION_FIELD_TYPE] = "type",
    [XA_INSPECTION_FIELD_DATE] = "date",
    [XA_INSPECTION_FIELD_LEADER] = "leader",
    [XA_INSPECTION_FIELD_INSPECTORS] = "inspectors",
    [XA_INSPECTION_FIELD_REMARKS] = "remarks",
    [XA_INSPECTION_FIELD_ITEMS] = "abnormal",
  };

  if (field >= XA_INSPECTION_FIELD_NONE)
    return xa_cli_user_error (error);

  g_printerr ("xiaoan-cli: --%s: %s\n", options[field], error->message);
  return EXIT_USER_ERROR;
}

int
xa_cli_inspection_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaInspection) inspection = xa_inspection_new ();
  g_autofree char *date = NULL;
  XaInspectionType type = XA_INSPECTION_WEEKLY;
  XaInspectionField bad_field = XA_INSPECTION_FIELD_NONE;
  GDate day;
  int year = 0;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school inspected"));
  if (xa_cli_get_option (cli, "checklist") == NULL)
    return xa_cli_usage_error (_("--checklist is required: the areas checked, such as fire,electricity"));
  if ((status = parse_type (xa_cli_get_option (cli, "type"), &type)) ||
      (status = xa_cli_parse_date ("date", xa_cli_get_option (cli, "date"), &date)))
    return status;
  if (date == NULL)
    date = xa_date_today_iso ();
  xa_date_parse (date, &day);
  year = xa_school_year_for_date (&day);
  if (cli->year != NULL && !xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);

  xa_inspection_set_school_year (inspection, year);
  xa_inspection_set_inspection_type (inspection, type);
  xa_inspection_set_inspected_on (inspection, date);
  xa_inspection_set_leader (inspection, xa_cli_get_option (cli, "leader"));
  xa_inspection_set_inspectors (inspection, xa_cli_get_option (cli, "inspectors"));
  xa_inspection_set_remarks (inspection, xa_cli_get_option (cli, "remarks"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  xa_inspection_set_school_uuid (inspection, xa_organisation_get_uuid (school));
  if ((status = add_items (cli, workspace, inspection)))
    return status;

  if (!xa_inspection_validate (inspection, &bad_field, NULL, &error))
    return field_error (bad_field, error);
  if (!xa_inspection_book_add (xa_workspace_get_inspections (workspace), inspection, &error))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = inspection_to_json (inspection, cli->school);

      print_node (node);
    }
  else
    /* Translators: an inspection number, then how many items and how many abnormal */
    g_print (_("Recorded inspection %s: %u items, %u abnormal\n"), xa_inspection_get_number (inspection),
             xa_inspection_get_n_items (inspection), xa_inspection_count_abnormal (inspection));
  return EXIT_OK;
}

/* inspection list, show */

int
xa_cli_inspection_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(JsonArray) array = NULL;
  int year = 0;

  if (cli->year != NULL && !xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  if (!(inspections = xa_inspection_book_list (xa_workspace_get_inspections (workspace),
                                               school != NULL ? xa_organisation_get_uuid (school) : NULL,
                                               year, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    array = json_array_new ();
  for (guint i = 0; i < inspections->len; i++)
    {
      XaInspection *inspection = g_ptr_array_index (inspections, i);

      if (array != NULL)
        json_array_add_element (array, inspection_to_json (inspection, NULL));
      else
        g_print ("%s\t%s\t%s\t%s\t%u\t%u\t%u\n", xa_inspection_get_number (inspection),
                 xa_inspection_get_inspected_on (inspection),
                 xa_inspection_type_to_label (xa_inspection_get_inspection_type (inspection)),
                 xa_inspection_get_leader (inspection), xa_inspection_count_items (inspection),
                 xa_inspection_count_abnormal (inspection), xa_inspection_count_unrecorded (inspection));
    }

  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_inspection_show (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaInspection) inspection = NULL;
  g_autofree char *year = NULL;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(inspection = xa_inspection_book_dup_by_number (xa_workspace_get_inspections (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = inspection_to_json (inspection, NULL);

      print_node (node);
      return EXIT_OK;
    }

  year = xa_school_year_format_span (xa_inspection_get_school_year (inspection));
  g_print ("%s\t%s\n", _("Inspection number"), xa_inspection_get_number (inspection));
  g_print ("%s\t%s\n", xa_inspection_field_to_label (XA_INSPECTION_FIELD_SCHOOL_YEAR), year);
  g_print ("%s\t%s\n", xa_inspection_field_to_label (XA_INSPECTION_FIELD_TYPE),
           xa_inspection_type_to_label (xa_inspection_get_inspection_type (inspection)));
  g_print ("%s\t%s\n", xa_inspection_field_to_label (XA_INSPECTION_FIELD_DATE), xa_inspection_get_inspected_on (inspection));
  g_print ("%s\t%s\n", xa_inspection_field_to_label (XA_INSPECTION_FIELD_LEADER), xa_inspection_get_leader (inspection));
  if (xa_inspection_get_inspectors (inspection)[0] != '\0')
    g_print ("%s\t%s\n", xa_inspection_field_to_label (XA_INSPECTION_FIELD_INSPECTORS),
             xa_inspection_get_inspectors (inspection));
  if (xa_inspection_get_remarks (inspection)[0] != '\0')
    g_print ("%s\t%s\n", xa_inspection_field_to_label (XA_INSPECTION_FIELD_REMARKS), xa_inspection_get_remarks (inspection));

  for (guint i = 0; i < xa_inspection_get_n_items (inspection); i++)
    {
      XaInspectionItem *item = xa_inspection_get_item (inspection, i);

      g_print ("%u\t%s\t%s\t%s\t%s\t%s\n", i + 1, xa_inspection_item_get_area_name (item),
               xa_inspection_item_get_content (item),
               xa_inspection_result_to_label (xa_inspection_item_get_result (item)),
               xa_inspection_item_get_note (item), xa_inspection_item_get_hazard_number (item));
    }

  return EXIT_OK;
}

/* inspection print: the record (安全检查记录表) as a PDF, written atomically; an
 * inspection that is not there writes nothing. */
int
xa_cli_inspection_print (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaInspection) inspection = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  const char *out = xa_cli_get_option (cli, "out");

  if (out == NULL)
    return xa_cli_usage_error (_("--out is required: the PDF file to write"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(inspection = xa_inspection_book_dup_by_number (xa_workspace_get_inspections (workspace), cli->args[0], &error)) ||
      !(school = xa_school_registry_dup_school (xa_workspace_get_registry (workspace),
                                                xa_inspection_get_school_uuid (inspection), &error)))
    return xa_cli_user_error (error);

  fonts = xa_font_resolver_new ();
  layout = xa_inspection_record_layout_new (inspection, xa_organisation_get_name (school), fonts);
  if (!xa_cli_save_layout (layout, fonts, out, &error))
    return xa_cli_user_error (error);

  /* Translators: an inspection number, then the file written */
  g_print (_("Wrote the record of inspection %s to %s\n"), xa_inspection_get_number (inspection), out);
  return EXIT_OK;
}

/* inspection hazard */

/**
 * xa_cli_complete_hazard:
 * @hazard: a hazard proposed from a finding (an inspection's item, a drill's problem)
 * @found_on: the day it was found, from which the deadline is counted
 *
 * Completes @hazard from the options of `inspection hazard` and `drill hazard`
 * (--measures, --department, --responsible, --place, --grade, --deadline) and checks it,
 * naming the option at fault.
 *
 * Returns: %EXIT_OK, or the exit status with the message printed
 */
int
xa_cli_complete_hazard (XaCli       *cli,
                        XaWorkspace *workspace,
                        XaHazard    *hazard,
                        const char  *found_on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = NULL;
  const char *grade_text = xa_cli_get_option (cli, "grade");
  XaHazardGrade grade = XA_HAZARD_GRADE_GENERAL;
  XaHazardField bad_field = XA_HAZARD_FIELD_NONE;
  int status;

  if (grade_text != NULL && !xa_hazard_grade_from_key (grade_text, &grade))
    {
      for (grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
        if (g_str_equal (grade_text, xa_hazard_grade_to_label (grade)))
          break;
      if (grade == XA_N_HAZARD_GRADES)
        return xa_cli_usage_error (_("--grade: “%s” is not one of general, major"), grade_text);
    }
  if ((status = xa_cli_parse_date ("deadline", xa_cli_get_option (cli, "deadline"), &deadline)))
    return status;

  xa_hazard_set_grade (hazard, grade);
  if (deadline == NULL)
    {
      XaHazardSettings settings;

      if (!xa_hazard_book_read_settings (xa_workspace_get_hazards (workspace), &settings, &error))
        return xa_cli_user_error (error);
      deadline = xa_hazard_settings_dup_deadline (&settings, grade, found_on);
    }
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  if (xa_cli_get_option (cli, "place") != NULL)
    xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, xa_cli_get_option (cli, "place"));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, xa_cli_get_option (cli, "measures"));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, xa_cli_get_option (cli, "department"));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, xa_cli_get_option (cli, "responsible"));

  if (!xa_hazard_validate (hazard, &bad_field, &error))
    {
      g_autofree char *option = g_strdelimit (g_strdup (xa_hazard_field_to_key (bad_field)), "_", '-');

      g_printerr ("xiaoan-cli: --%s: %s\n", option, error->message);
      return EXIT_USER_ERROR;
    }
  return EXIT_OK;
}

int
xa_cli_inspection_hazard (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaInspection) inspection = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  guint64 item = 0;
  int status;

  if (!g_ascii_string_to_unsigned (cli->args[1], 10, 1, XA_INSPECTION_MAX_ITEMS, &item, NULL))
    return xa_cli_usage_error (_("ITEM is the number of the abnormal item, from 1"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(inspection = xa_inspection_book_dup_by_number (xa_workspace_get_inspections (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);
  if (item > xa_inspection_get_n_items (inspection))
    /* Translators: an inspection number, then its number of items */
    return xa_cli_usage_error (_("Inspection %s has %u items"), xa_inspection_get_number (inspection),
                               xa_inspection_get_n_items (inspection));

  hazard = xa_inspection_new_hazard (inspection, (guint) item - 1);
  if ((status = xa_cli_complete_hazard (cli, workspace, hazard, xa_inspection_get_inspected_on (inspection))))
    return status;
  if (!xa_inspection_book_record_hazard (xa_workspace_get_inspections (workspace), inspection, (guint) item - 1,
                                         hazard, &error))
    return xa_cli_user_error (error);

  /* Translators: an item's number, an inspection number, then a hazard number */
  g_print (_("Item %u of inspection %s is now hazard %s\n"), (guint) item, xa_inspection_get_number (inspection),
           xa_hazard_get_number (hazard));
  return EXIT_OK;
}

/* inspection missed */

int
xa_cli_inspection_missed (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autofree char *today = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)) ||
      (status = xa_cli_parse_date ("today", xa_cli_get_option (cli, "today"), &today)))
    return status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  if (!(missed = xa_inspection_book_list_missed (xa_workspace_get_inspections (workspace),
                                                 school != NULL ? xa_organisation_get_uuid (school) : NULL,
                                                 year, today, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < missed->len; i++)
        json_array_add_element (array, slot_to_json (g_ptr_array_index (missed, i)));
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }

  for (guint i = 0; i < missed->len; i++)
    {
      XaPlanSlot *slot = g_ptr_array_index (missed, i);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", xa_plan_slot_get_school_code (slot), xa_plan_slot_get_school_name (slot),
               xa_plan_slot_kind_to_label (xa_plan_slot_get_kind (slot)), xa_plan_slot_get_label (slot),
               xa_plan_slot_get_from (slot), xa_plan_slot_get_to (slot));
    }
  return EXIT_OK;
}

/* campaign launch, list, record, grid */

int
xa_cli_campaign_launch (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  guint n_launched = 0;
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)))
    return status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_inspection_book_launch_campaigns (xa_workspace_get_inspections (workspace), year, &n_launched, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Launched %u special campaign for %d—%d\n",
                        "Launched %u special campaigns for %d—%d\n", n_launched),
           n_launched, year, year + 1);
  return EXIT_OK;
}

static GPtrArray *
dup_campaigns (XaWorkspace  *workspace,
               int           year,
               GError      **error)
{
  g_autoptr(GPtrArray) campaigns = xa_inspection_book_list_campaigns (xa_workspace_get_inspections (workspace), year, error);

  if (campaigns != NULL && campaigns->len == 0)
    {
      g_set_error (error, XA_INSPECTION_BOOK_ERROR, XA_INSPECTION_BOOK_ERROR_NOT_LAUNCHED,
                   _("No special campaigns were launched for %d—%d yet; “xiaoan-cli campaign launch --year %d” launches them"),
                   year, year + 1, year);
      return NULL;
    }
  return g_steal_pointer (&campaigns);
}

/**
 * xa_cli_find_campaign:
 * @school: (out): the school of --school
 * @campaign: (out): the campaign of --campaign, by key or name, of the school year of --year
 *
 * What the commands on a school's record of a campaign share: the three options are
 * required and must name a school and a launched campaign.
 *
 * Returns: %EXIT_OK, or the exit status after the message that says what is wrong
 */
int
xa_cli_find_campaign (XaCli            *cli,
                      XaWorkspace      *workspace,
                      XaOrganisation  **school,
                      XaCampaign      **campaign)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  const char *wanted = xa_cli_get_option (cli, "campaign");
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)))
    return status;
  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school whose record it is"));
  if (wanted == NULL)
    return xa_cli_usage_error (_("--campaign is required: the campaign, by key or name"));

  if (!(*school = xa_cli_find_school (workspace, cli->school, FALSE, &error)) ||
      !(campaigns = dup_campaigns (workspace, year, &error)))
    return xa_cli_user_error (error);

  for (guint i = 0; i < campaigns->len; i++)
    {
      XaCampaign *each = g_ptr_array_index (campaigns, i);

      if (g_str_equal (wanted, xa_campaign_get_key (each)) || g_str_equal (wanted, xa_campaign_get_name (each)))
        {
          *campaign = g_object_ref (each);
          return EXIT_OK;
        }
    }

  return xa_cli_usage_error (_("--campaign: “%s” is none of the year's campaigns (“campaign list” shows them)"), wanted);
}

int
xa_cli_campaign_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(JsonArray) array = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) || !(campaigns = dup_campaigns (workspace, year, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    array = json_array_new ();
  for (guint i = 0; i < campaigns->len; i++)
    {
      XaCampaign *campaign = g_ptr_array_index (campaigns, i);

      if (array != NULL)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "uuid", xa_campaign_get_uuid (campaign));
          json_object_set_string_member (object, "key", xa_campaign_get_key (campaign));
          json_object_set_string_member (object, "name", xa_campaign_get_name (campaign));
          json_object_set_string_member (object, "description", xa_campaign_get_description (campaign));
          json_object_set_int_member (object, "position", xa_campaign_get_position (campaign));
          json_array_add_object_element (array, object);
        }
      else
        g_print ("%u\t%s\t%s\n", xa_campaign_get_position (campaign), xa_campaign_get_key (campaign),
                 xa_campaign_get_name (campaign));
    }

  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_campaign_record (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaCampaign) campaign = NULL;
  g_autoptr(XaCampaignRecord) record = NULL;
  int status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if ((status = xa_cli_find_campaign (cli, workspace, &school, &campaign)))
    return status;

  if (!(record = xa_inspection_book_dup_campaign_record (xa_workspace_get_inspections (workspace),
                                                         xa_campaign_get_uuid (campaign),
                                                         xa_organisation_get_uuid (school), &error)))
    return xa_cli_user_error (error);

  /* Only the parts given change. */
  if (xa_cli_get_option (cli, "plan") != NULL)
    xa_campaign_record_set_plan (record, xa_cli_get_option (cli, "plan"));
  if (xa_cli_get_option (cli, "activities") != NULL)
    xa_campaign_record_set_activities (record, xa_cli_get_option (cli, "activities"));
  if (xa_cli_get_option (cli, "summary") != NULL)
    xa_campaign_record_set_summary (record, xa_cli_get_option (cli, "summary"));

  if (!xa_inspection_book_save_campaign_record (xa_workspace_get_inspections (workspace), record, &error))
    return xa_cli_user_error (error);

  /* Translators: a school's code, a campaign such as 防溺水, then its status such as 进行中 */
  g_print (_("%s: %s is “%s”\n"), cli->school, xa_campaign_get_name (campaign),
           xa_campaign_status_to_label (xa_campaign_status_of_parts (xa_campaign_record_get_parts (record))));
  return EXIT_OK;
}

int
xa_cli_campaign_grid (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaCampaignGrid) grid = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(grid = xa_inspection_book_dup_campaign_grid (xa_workspace_get_inspections (workspace), year, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint s = 0; s < xa_campaign_grid_get_n_schools (grid); s++)
        {
          JsonObject *row = json_object_new ();
          JsonObject *cells = json_object_new ();

          json_object_set_string_member (row, "school", xa_campaign_grid_get_school_code (grid, s));
          json_object_set_string_member (row, "school_name", xa_campaign_grid_get_school_name (grid, s));
          json_object_set_int_member (row, "complete", xa_campaign_grid_count_complete (grid, s));
          for (guint c = 0; c < xa_campaign_grid_get_n_campaigns (grid); c++)
            json_object_set_string_member (cells, xa_campaign_get_key (xa_campaign_grid_get_campaign (grid, c)),
                                           xa_campaign_status_to_key (xa_campaign_grid_get_status (grid, s, c)));
          json_object_set_object_member (row, "campaigns", cells);
          json_array_add_object_element (array, row);
        }
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }

  /* A header of the campaigns, then a row a school: code, name, how many are complete,
   * and each campaign's status. */
  g_print ("%s\t%s\t%s", _("School code"), _("School"), _("Complete"));
  for (guint c = 0; c < xa_campaign_grid_get_n_campaigns (grid); c++)
    g_print ("\t%s", xa_campaign_get_name (xa_campaign_grid_get_campaign (grid, c)));
  g_print ("\n");
  for (guint s = 0; s < xa_campaign_grid_get_n_schools (grid); s++)
    {
      g_print ("%s\t%s\t%u/%u", xa_campaign_grid_get_school_code (grid, s), xa_campaign_grid_get_school_name (grid, s),
               xa_campaign_grid_count_complete (grid, s), xa_campaign_grid_get_n_campaigns (grid));
      for (guint c = 0; c < xa_campaign_grid_get_n_campaigns (grid); c++)
        g_print ("\t%s", xa_campaign_status_to_label (xa_campaign_grid_get_status (grid, s, c)));
      g_print ("\n");
    }
  return EXIT_OK;
}

/**
 * xa_cli_inspection_demo:
 *
 * `demo --inspections`: a year of inspections and campaign records, after the district
 * (and its ledger) was made.
 */
int
xa_cli_inspection_demo (XaWorkspace *workspace,
                        XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  guint n_inspections = 0;

  if (!xa_cli_get_switch (cli, "inspections"))
    return EXIT_OK;

  if (cli->seed != NULL)
    g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &seed, NULL);
  if (!xa_inspection_demo_fill (xa_workspace_get_inspections (workspace), (guint32) seed, NULL, &n_inspections, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded %u inspection and the special campaigns of this school year\n",
                        "Recorded %u inspections and the special campaigns of this school year\n", n_inspections),
           n_inspections);
  return EXIT_OK;
}
