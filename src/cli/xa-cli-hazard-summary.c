/* xa-cli-hazard-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli hazard summary|notice`: the commission's view across schools (issue 11)
 * without a display. `summary` prints the open and overdue hazards of a school year by
 * school and category, and the open 重大 hazards with their report and 挂牌督办, counted
 * in the database (xa-hazard-summary.h); `notice` writes the supervision notice (督办通知)
 * to one school for its overdue hazards. Both open the database read-only: a summary or
 * a notice changes nothing in it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-hazard-summary.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-supervision-notice.h"

#define DATE_OPTION(name, description) \
  { name, G_OPTION_ARG_STRING, description, "YYYY-MM-DD", NULL }

const XaCliOption xa_cli_hazard_summary_options[] = {
  DATE_OPTION ("on", N_("the day overdue is judged on (default today)")),
  { NULL }
};

const XaCliOption xa_cli_hazard_supervision_options[] = {
  DATE_OPTION ("on", N_("the day overdue is judged on and the notice is dated (default today)")),
  DATE_OPTION ("by", N_("the day the school must rectify by (default 15 days after --on)")),
  { NULL }
};

static int
parse_year (XaCli *cli,
            int   *year)
{
  g_autoptr(GError) error = NULL;

  if (cli->year == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));
  if (!xa_school_year_parse (cli->year, year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);

  return EXIT_OK;
}

/* A date option, YYYY-MM-DD or as people type it (2021-9-1); NULL when not given. */
static int
parse_date (XaCli       *cli,
            const char  *option,
            char       **date)
{
  const char *text = xa_cli_get_option (cli, option);

  if (text != NULL && !(*date = xa_date_normalise (text)))
    /* Translators: an option (--on), then what was given */
    return xa_cli_usage_error (_("--%s: “%s” is not a date such as 2021-09-01"), option, text);

  return EXIT_OK;
}

static JsonObject *
count_to_json (const XaHazardSchoolCount *count)
{
  JsonObject *object = json_object_new ();
  JsonObject *categories = json_object_new ();

  if (count->school_uuid != NULL)
    {
      json_object_set_string_member (object, "school_uuid", count->school_uuid);
      json_object_set_string_member (object, "school_code", count->school_code);
      json_object_set_string_member (object, "school_name", count->school_name);
      json_object_set_boolean_member (object, "removed", count->removed);
    }
  json_object_set_int_member (object, "hazards", count->n_hazards);
  json_object_set_int_member (object, "open", count->n_open);
  json_object_set_int_member (object, "overdue", count->n_overdue);
  json_object_set_int_member (object, "major", count->n_major);
  json_object_set_int_member (object, "major_open", count->n_major_open);

  /* The categories with open hazards, by key: {"fire": {"open": 3, "overdue": 1}}. */
  for (guint c = 0; c < XA_N_HAZARD_CATEGORIES; c++)
    {
      JsonObject *cell;

      if (count->n_open_by_category[c] == 0)
        continue;
      cell = json_object_new ();
      json_object_set_int_member (cell, "open", count->n_open_by_category[c]);
      json_object_set_int_member (cell, "overdue", count->n_overdue_by_category[c]);
      json_object_set_object_member (categories, xa_hazard_category_to_key (c), cell);
    }
  json_object_set_object_member (object, "categories", categories);

  return object;
}

static JsonObject *
major_to_json (const XaMajorHazard *major)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "number", major->number);
  json_object_set_string_member (object, "school_code", major->school_code);
  json_object_set_string_member (object, "school_name", major->school_name);
  json_object_set_string_member (object, "place", major->place);
  json_object_set_string_member (object, "description", major->description);
  json_object_set_string_member (object, "deadline", major->deadline);
  json_object_set_string_member (object, "state", xa_hazard_state_to_key (major->state));
  json_object_set_boolean_member (object, "overdue", major->overdue);
  json_object_set_boolean_member (object, "reported", major->reported);
  json_object_set_string_member (object, "reported_on", major->reported_on);
  json_object_set_boolean_member (object, "supervised", major->supervised);
  json_object_set_string_member (object, "supervisor", major->supervisor);
  return object;
}

static void
print_json (const XaHazardSummary *summary)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  JsonArray *schools = json_array_new ();
  JsonArray *majors = json_array_new ();

  json_object_set_int_member (object, "school_year", summary->school_year);
  json_object_set_string_member (object, "on", summary->on);
  json_object_set_object_member (object, "total", count_to_json (&summary->total));
  for (guint i = 0; i < summary->schools->len; i++)
    json_array_add_object_element (schools, count_to_json (g_ptr_array_index (summary->schools, i)));
  json_object_set_array_member (object, "schools", schools);
  for (guint i = 0; i < summary->majors->len; i++)
    json_array_add_object_element (majors, major_to_json (g_ptr_array_index (summary->majors, i)));
  json_object_set_array_member (object, "majors", majors);

  json_node_set_object (root, object);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

/* The categories with open hazards: 消防 3/1 用电 2/0, open then overdue. */
static char *
dup_categories (const XaHazardSchoolCount *count)
{
  GString *text = g_string_new (NULL);

  for (guint c = 0; c < XA_N_HAZARD_CATEGORIES; c++)
    {
      if (count->n_open_by_category[c] == 0)
        continue;
      g_string_append_printf (text, "%s%s %u/%u", text->len > 0 ? "  " : "", xa_hazard_category_to_label (c),
                              count->n_open_by_category[c], count->n_overdue_by_category[c]);
    }

  return g_string_free (text, FALSE);
}

static void
print_text (const XaHazardSummary *summary)
{
  g_autofree char *year = xa_school_year_format (summary->school_year, FALSE);

  /* Translators: a school year (2021-2022) and a date; the counts follow, one school a
   * line, then the categories' open/overdue counts */
  g_print (_("Hazards of %s on %s: school, hazards, open, overdue, open major; open/overdue by category\n"),
           year, summary->on);
  for (guint i = 0; i < summary->schools->len; i++)
    {
      const XaHazardSchoolCount *count = g_ptr_array_index (summary->schools, i);
      g_autofree char *categories = dup_categories (count);

      g_print ("%s\t%s%s\t%u\t%u\t%u\t%u\t%s\n", count->school_code, count->school_name,
               /* Translators: after a school's name when it left the register */
               count->removed ? _(" (removed)") : "", count->n_hazards, count->n_open, count->n_overdue,
               count->n_major_open, categories);
    }
  {
    g_autofree char *categories = dup_categories (&summary->total);

    /* Translators: the line of the district's sums, in the school's column */
    g_print ("%s\t\t%u\t%u\t%u\t%u\t%s\n", _("Total"), summary->total.n_hazards, summary->total.n_open,
             summary->total.n_overdue, summary->total.n_major_open, categories);
  }

  if (summary->majors->len == 0)
    return;

  /* Translators: a heading; the open 重大 hazards follow, one a line */
  g_print ("\n%s\n", _("Open major hazards: number, school, place, deadline, status, reported, supervised"));
  for (guint i = 0; i < summary->majors->len; i++)
    {
      const XaMajorHazard *major = g_ptr_array_index (summary->majors, i);

      g_print ("%s\t%s\t%s\t%s\t%s%s\t%s\t%s\n", major->number, major->school_name, major->place, major->deadline,
               xa_hazard_state_to_label (major->state),
               /* Translators: after a hazard's status when it is past its deadline (逾期) */
               major->overdue ? _(" (overdue)") : "",
               /* Translators: whether a 重大 hazard was reported to the commission */
               major->reported ? _("reported") : _("not reported"),
               /* Translators: whether a 重大 hazard is under 挂牌督办 */
               major->supervised ? _("supervised") : _("not supervised"));
    }
}

int
xa_cli_hazard_summary (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaHazardSummary) summary = NULL;
  g_autofree char *on = NULL;
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)) || (status = parse_date (cli, "on", &on)))
    return status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(school = xa_cli_find_school (workspace, cli->school, TRUE, &error)))
    return xa_cli_user_error (error);

  if (!(summary = xa_hazard_summary_read (xa_workspace_get_hazards (workspace), year,
                                          school != NULL ? xa_organisation_get_uuid (school) : NULL, on, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    print_json (summary);
  else
    print_text (summary);
  return EXIT_OK;
}

int
xa_cli_hazard_supervision (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaOrganisation) commission = NULL;
  g_autoptr(GPtrArray) hazards = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autofree char *on = NULL;
  g_autofree char *by = NULL;
  XaSupervisionInfo info = { NULL };
  int year = 0;
  int status;

  if ((status = parse_year (cli, &year)) || (status = parse_date (cli, "on", &on)) ||
      (status = parse_date (cli, "by", &by)))
    return status;
  if (cli->school == NULL)
    return xa_cli_usage_error (_("“hazard supervision” needs --school CODE: the school the notice goes to"));
  if (cli->out == NULL)
    return xa_cli_usage_error (_("“hazard supervision” needs --out FILE.pdf"));
  if (on == NULL)
    on = xa_date_today_iso ();
  if (by != NULL && g_strcmp0 (by, on) <= 0)
    /* Translators: two dates: the day to rectify by and the day of the notice */
    return xa_cli_usage_error (_("--by: %s is not after the notice's day %s"), by, on);

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (!(school = xa_cli_find_school (workspace, cli->school, TRUE, &error)))
    return xa_cli_user_error (error);
  if (!(hazards = xa_hazard_summary_read_overdue (xa_workspace_get_hazards (workspace),
                                                  xa_organisation_get_uuid (school), year, on, &error)))
    return xa_cli_user_error (error);

  commission = xa_school_registry_dup_commission (xa_workspace_get_registry (workspace));
  info.commission_name = commission != NULL ? xa_organisation_get_name (commission) : NULL;
  info.school_name = xa_organisation_get_name (school);
  info.school_year = year;
  info.on = on;
  info.rectify_by = by;

  fonts = xa_font_resolver_new ();
  layout = xa_supervision_notice_layout_new (hazards, &info, fonts, &error);
  if (!xa_cli_save_layout (layout, fonts, cli->out, &error))
    return xa_cli_user_error (error);

  /* Translators: how many overdue hazards the notice lists, then the file written */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the supervision notice of %u overdue hazard to %s\n",
                        "Wrote the supervision notice of %u overdue hazards to %s\n", hazards->len),
           hazards->len, cli->out);
  return EXIT_OK;
}
