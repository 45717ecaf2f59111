/* xa-cli-hazard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli hazard add|advance|list|show` and the demo ledger of `demo --hazards`:
 * the hazard ledger (issue 11) without a display. A column is an option named by its
 * key (--found-on for found_on), so that a message about a column names the option to
 * fix; values of the typed columns are their keys (--grade major) or their labels
 * (--grade 重大). Listing streams a page at a time: a million hazards are never held at
 * once. The read commands open the database read-only and write nothing.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-cli-private.h"
#include "core/hazards/xa-hazard-demo.h"
#include "core/hazards/xa-hazard-policy.h"
#include "core/hazards/xa-hazard-json.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* How many hazards `hazard list` reads at a time. */
#define LIST_PAGE 1000

#define COLUMN(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }

const XaCliOption xa_cli_hazard_add_options[] = {
  COLUMN ("inspection-type", N_("how it was found: daily, weekly, monthly, semester, seasonal, campaign, supervision or report (default daily)"), "TYPE"),
  COLUMN ("found-on", N_("the day it was found (default today)"), "YYYY-MM-DD"),
  COLUMN ("found-by", N_("who found it"), "NAMES"),
  COLUMN ("place", N_("where it is"), "TEXT"),
  COLUMN ("category", N_("building, fire, electricity, gas, equipment, food, traffic, facilities, chemicals, protection, surroundings, people or other"), "KEY"),
  COLUMN ("description", N_("what is wrong"), "TEXT"),
  COLUMN ("grade", N_("general (the default) or major"), "KEY"),
  COLUMN ("temporary-measures", N_("temporary control measures (required for a major hazard)"), "TEXT"),
  COLUMN ("measures", N_("the rectification measures"), "TEXT"),
  COLUMN ("department", N_("the department responsible"), "TEXT"),
  COLUMN ("responsible", N_("the person responsible"), "NAME"),
  COLUMN ("deadline", N_("the deadline (default: a week after it was found, a month for a major hazard)"), "YYYY-MM-DD"),
  COLUMN ("funds", N_("the funds needed, in yuan"), "AMOUNT"),
  COLUMN ("funds-source", N_("where the funds come from"), "TEXT"),
  { "reported", G_OPTION_ARG_NONE, N_("reported to the commission"), NULL, NULL },
  COLUMN ("reported-on", N_("the day it was reported to the commission"), "YYYY-MM-DD"),
  { "supervised", G_OPTION_ARG_NONE, N_("listed for supervision (挂牌督办)"), NULL, NULL },
  COLUMN ("supervisor", N_("the supervising unit"), "TEXT"),
  COLUMN ("reinspector", N_("who will re-inspect it"), "NAME"),
  COLUMN ("remarks", N_("remarks"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_hazard_advance_options[] = {
  COLUMN ("who", N_("who takes the step (the re-inspector for pass and fail)"), "NAME"),
  COLUMN ("date", N_("the day of the completion, re-inspection or closing (default today)"), "YYYY-MM-DD"),
  COLUMN ("note", N_("completion notes, or what is still wrong after a failed re-inspection"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_hazard_list_options[] = {
  COLUMN ("status", N_("only hazards in this state: pending, rectifying, reinspecting or closed"), "KEY"),
  COLUMN ("grade", N_("only general or major hazards"), "KEY"),
  COLUMN ("category", N_("only hazards of this category"), "KEY"),
  { "overdue", G_OPTION_ARG_NONE, N_("only hazards past their deadline and not closed"), NULL, NULL },
  COLUMN ("today", N_("the day --overdue judges by (default today)"), "YYYY-MM-DD"),
  COLUMN ("responsible", N_("only hazards this person is responsible for"), "NAME"),
  COLUMN ("search", N_("only hazards whose place or description holds TEXT (one character and up)"), "TEXT"),
  COLUMN ("limit", N_("at most N hazards"), "N"),
  COLUMN ("sort", N_("number (the default), found-on, deadline, state, grade, category, place or responsible"), "COLUMN"),
  { "descending", G_OPTION_ARG_NONE, N_("the sort reversed"), NULL, NULL },
  { NULL }
};

const XaCliOption xa_cli_demo_options[] = {
  COLUMN ("hazards", N_("how many hazards the demo ledger has, up to 10000000 (default none)"), "N"),
  { "inspections", G_OPTION_ARG_NONE, N_("also this school year's inspections and special campaigns"), NULL, NULL },
  { "education", G_OPTION_ARG_NONE, N_("also this school year's rosters and safety education records"), NULL, NULL },
  { "drills", G_OPTION_ARG_NONE, N_("also this school year's drills and a few incidents"), NULL, NULL },
  { "governance", G_OPTION_ARG_NONE, N_("also the 综治 registers: disputes and a fictional key person"), NULL, NULL },
  { "assessment", G_OPTION_ARG_NONE, N_("also this school year's scoring round of the yearly assessment"), NULL, NULL },
  COLUMN ("photos", N_("photos for N open hazards of the latest school year, up to 5000 (default none)"), "N"),
  { NULL }
};

/* The option of a column: its key with dashes. */
static char *
option_of (XaHazardField field)
{
  return g_strdelimit (g_strdup (xa_hazard_field_to_key (field)), "_", '-');
}

/* The column of an option, or XA_HAZARD_FIELD_NONE. */
static XaHazardField
field_of_option (const char *option)
{
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      g_autofree char *name = option_of (field);

      if (g_str_equal (name, option))
        return field;
    }

  return XA_HAZARD_FIELD_NONE;
}

/* A value of a typed column: its key, or its label as shown in this language. */
static gboolean
parse_key (const char   *text,
           guint         n_values,
           const char *(*to_key) (int value),
           const char *(*to_label) (int value),
           int          *value)
{
  for (guint i = 0; i < n_values; i++)
    {
      if (g_str_equal (text, to_key ((int) i)) || g_str_equal (text, to_label ((int) i)))
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

typedef const char *(*NameFunc) (int value);

static const struct
{
  const char *option;
  guint       n_values;
  NameFunc    to_key;
  NameFunc    to_label;
} typed_options[] = {
  { "inspection-type", XA_N_INSPECTION_TYPES, (NameFunc) xa_inspection_type_to_key, (NameFunc) xa_inspection_type_to_label },
  { "category", XA_N_HAZARD_CATEGORIES, (NameFunc) xa_hazard_category_to_key, (NameFunc) xa_hazard_category_to_label },
  { "grade", XA_N_HAZARD_GRADES, (NameFunc) xa_hazard_grade_to_key, (NameFunc) xa_hazard_grade_to_label },
  { "status", XA_N_HAZARD_STATES, (NameFunc) xa_hazard_state_to_key, (NameFunc) xa_hazard_state_to_label },
  { "step", XA_N_HAZARD_STEPS, (NameFunc) xa_hazard_step_to_key, (NameFunc) xa_hazard_step_to_label },
};

/* Reads the typed option @option (or the step, an argument), when given, into @value;
 * a usage error names the option and its keys. */
static int
parse_typed (XaCli      *cli,
             const char *option,
             const char *text,
             int        *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed_options); i++)
    {
      g_autoptr(GString) keys = NULL;

      if (!g_str_equal (typed_options[i].option, option))
        continue;
      if (text == NULL ||
          parse_key (text, typed_options[i].n_values, typed_options[i].to_key, typed_options[i].to_label, value))
        return EXIT_OK;

      keys = g_string_new (NULL);
      for (guint k = 0; k < typed_options[i].n_values; k++)
        g_string_append_printf (keys, "%s%s", k > 0 ? ", " : "", typed_options[i].to_key ((int) k));
      if (g_str_equal (option, "step"))
        /* Translators: what was given as the step, then the steps there are */
        return xa_cli_usage_error (_("STEP: “%s” is not one of %s"), text, keys->str);
      /* Translators: an option (--grade), what was given, then the values it takes */
      return xa_cli_usage_error (_("--%s: “%s” is not one of %s"), option, text, keys->str);
    }

  g_return_val_if_reached (EXIT_USAGE);
}

/* A date option: YYYY-MM-DD, or as people type it (2021-9-1). */
static int
parse_date (const char  *option,
            const char  *text,
            char       **date)
{
  if (text == NULL)
    return EXIT_OK;

  if (!(*date = xa_date_normalise (text)))
    /* Translators: an option (--found-on), then what was given */
    return xa_cli_usage_error (_("--%s: “%s” is not a date such as 2021-09-01"), option, text);

  return EXIT_OK;
}

/* A hazard refused: the message names the option of the column at fault. */
static int
column_error (XaHazardField  field,
              const GError  *error)
{
  g_autofree char *option = NULL;

  if (field == XA_HAZARD_FIELD_NONE || field == XA_HAZARD_FIELD_NUMBER || field == XA_HAZARD_FIELD_UUID)
    return xa_cli_user_error (error);

  option = field == XA_HAZARD_FIELD_SCHOOL_UUID ? g_strdup ("school") : option_of (field);
  g_printerr ("xiaoan-cli: --%s: %s\n", option, error->message);
  return EXIT_USER_ERROR;
}

static void
print_hazard_json (XaHazard *hazard)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_take_object (node, xa_hazard_to_json (hazard));
  text = json_to_string (node, TRUE);
  g_print ("%s\n", text);
}

int
xa_cli_hazard_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaHazard) hazard = xa_hazard_new ();
  g_autofree char *found_on = NULL;
  g_autofree char *deadline = NULL;
  XaHazardField bad_field = XA_HAZARD_FIELD_NONE;
  XaHazardSettings settings;
  int inspection_type = XA_INSPECTION_DAILY;
  int category = XA_HAZARD_CATEGORY_OTHER;
  int grade = XA_HAZARD_GRADE_GENERAL;
  int year = 0;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school the hazard is in"));

  if ((status = parse_typed (cli, "inspection-type", xa_cli_get_option (cli, "inspection-type"), &inspection_type)) ||
      (status = parse_typed (cli, "category", xa_cli_get_option (cli, "category"), &category)) ||
      (status = parse_typed (cli, "grade", xa_cli_get_option (cli, "grade"), &grade)))
    return status;

  /* The day found is today unless given; the deadline the grade's default after it. */
  if ((status = parse_date ("found-on", xa_cli_get_option (cli, "found-on"), &found_on)))
    return status;
  if (found_on == NULL)
    found_on = xa_date_today_iso ();
  if ((status = parse_date ("deadline", xa_cli_get_option (cli, "deadline"), &deadline)))
    return status;

  if (cli->year != NULL && !xa_school_year_parse (cli->year, &year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if (cli->year == NULL)
    {
      GDate date;

      xa_date_parse (found_on, &date);
      year = xa_school_year_for_date (&date);
    }

  /* The text columns given as options; the typed ones and the dates were read above. */
  for (guint i = 0; xa_cli_hazard_add_options[i].name != NULL; i++)
    {
      const XaCliOption *option = &xa_cli_hazard_add_options[i];
      XaHazardField field = field_of_option (option->name);
      g_autofree char *date = NULL;
      const char *value;

      if (field >= XA_N_HAZARD_TEXT_FIELDS || field == XA_HAZARD_FIELD_FOUND_ON ||
          field == XA_HAZARD_FIELD_DEADLINE)
        continue;

      value = xa_cli_get_option (cli, option->name);
      if (field == XA_HAZARD_FIELD_REPORTED_ON && (status = parse_date (option->name, value, &date)))
        return status;
      xa_hazard_set_text (hazard, field, date != NULL ? date : value);
    }

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
  xa_hazard_set_school_year (hazard, year);
  xa_hazard_set_inspection_type (hazard, inspection_type);
  xa_hazard_set_category (hazard, category);
  xa_hazard_set_grade (hazard, grade);
  xa_hazard_set_reported (hazard, xa_cli_get_switch (cli, "reported"));
  xa_hazard_set_supervised (hazard, xa_cli_get_switch (cli, "supervised"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  /* The deadline is the grade's default after the day found, as the district set it. */
  if (deadline == NULL)
    {
      if (!xa_hazard_book_read_settings (xa_workspace_get_hazards (workspace), &settings, &error))
        return xa_cli_user_error (error);
      deadline = xa_hazard_settings_dup_deadline (&settings, grade, found_on);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
    }
  if (!(school = xa_cli_find_school (workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, xa_organisation_get_uuid (school));

  if (!xa_hazard_validate (hazard, &bad_field, &error))
    return column_error (bad_field, error);
  if (!xa_hazard_book_add (xa_workspace_get_hazards (workspace), hazard, &error))
    return xa_cli_user_error (error);

  if (cli->json)
    print_hazard_json (hazard);
  else
    /* Translators: %s is the new hazard's number */
    g_print (_("Recorded hazard %s\n"), xa_hazard_get_number (hazard));
  return EXIT_OK;
}

int
xa_cli_hazard_advance (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaHazard) hazard = NULL;
  g_autofree char *date = NULL;
  XaHazardBook *book;
  XaHazardStepInput input = { NULL };
  int step = 0;
  int status;

  if ((status = parse_typed (cli, "step", cli->args[1], &step)))
    return status;
  if (xa_cli_get_option (cli, "who") == NULL)
    return xa_cli_usage_error (_("--who is required: who takes the step"));
  if ((status = parse_date ("date", xa_cli_get_option (cli, "date"), &date)))
    return status;
  /* The day of a step that records one is today unless given. */
  if (date == NULL && step != XA_HAZARD_STEP_START)
    date = xa_date_today_iso ();

  input.who = xa_cli_get_option (cli, "who");
  input.date = date;
  input.note = xa_cli_get_option (cli, "note");

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  book = xa_workspace_get_hazards (workspace);
  if (!(hazard = xa_hazard_book_dup_by_number (book, cli->args[0], &error)) ||
      !xa_hazard_book_step (book, hazard, step, &input, &error))
    return xa_cli_user_error (error);

  /* Translators: a hazard number, then its new status such as 整改中 */
  g_print (_("Hazard %s is now “%s”\n"), xa_hazard_get_number (hazard),
           xa_hazard_state_to_label (xa_hazard_get_state (hazard)));
  return EXIT_OK;
}

static const char * const sort_names[] = {
  [XA_HAZARD_SORT_NUMBER] = "number",
  [XA_HAZARD_SORT_FOUND_ON] = "found-on",
  [XA_HAZARD_SORT_DEADLINE] = "deadline",
  [XA_HAZARD_SORT_STATE] = "state",
  [XA_HAZARD_SORT_GRADE] = "grade",
  [XA_HAZARD_SORT_CATEGORY] = "category",
  [XA_HAZARD_SORT_PLACE] = "place",
  [XA_HAZARD_SORT_RESPONSIBLE] = "responsible",
};

/* The filter of `hazard list`'s options; its strings are @cli's. */
static int
parse_filter (XaCli           *cli,
              XaWorkspace     *workspace,
              XaHazardFilter  *filter,
              char           **school_uuid,
              char           **today)
{
  g_autoptr(GError) error = NULL;
  int status;

  xa_hazard_filter_init (filter);

  if (cli->year != NULL && !xa_school_year_parse (cli->year, &filter->school_year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  if ((status = parse_typed (cli, "status", xa_cli_get_option (cli, "status"), &filter->state)) ||
      (status = parse_typed (cli, "grade", xa_cli_get_option (cli, "grade"), &filter->grade)) ||
      (status = parse_typed (cli, "category", xa_cli_get_option (cli, "category"), &filter->category)) ||
      (status = parse_date ("today", xa_cli_get_option (cli, "today"), today)))
    return status;

  filter->overdue_only = xa_cli_get_switch (cli, "overdue");
  filter->today = *today;
  filter->responsible = xa_cli_get_option (cli, "responsible");
  filter->search = xa_cli_get_option (cli, "search");

  if (cli->school != NULL && workspace != NULL)
    {
      g_autoptr(XaOrganisation) school = xa_cli_find_school (workspace, cli->school, TRUE, &error);

      if (school == NULL)
        return xa_cli_user_error (error);
      *school_uuid = g_strdup (xa_organisation_get_uuid (school));
      filter->school_uuid = *school_uuid;
    }

  return EXIT_OK;
}

static void
print_line (XaHazard    *hazard,
            const GDate *today)
{
  g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%s\n",
           xa_hazard_get_number (hazard),
           xa_hazard_state_to_label (xa_hazard_get_state (hazard)),
           xa_hazard_grade_to_label (xa_hazard_get_grade (hazard)),
           xa_hazard_category_to_label (xa_hazard_get_category (hazard)),
           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_FOUND_ON),
           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_DEADLINE),
           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE),
           xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE),
           /* Translators: after a hazard listed, when it is past its deadline (逾期) */
           xa_hazard_is_overdue (hazard, today) ? _("\toverdue") : "");
}

int
xa_cli_hazard_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autofree char *school_uuid = NULL;
  g_autofree char *today_text = NULL;
  g_autoptr(JsonArray) array = NULL;
  XaHazardFilter filter;
  XaHazardSort sort = XA_HAZARD_SORT_NUMBER;
  GDate today;
  guint64 limit = G_MAXUINT;
  guint offset = 0;
  const char *sort_text = xa_cli_get_option (cli, "sort");
  const char *limit_text = xa_cli_get_option (cli, "limit");
  int status;

  /* What can be checked without the database first: a usage error opens nothing. */
  if ((status = parse_filter (cli, NULL, &filter, &school_uuid, &today_text)))
    return status;
  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, G_MAXUINT, &limit, NULL))
    return xa_cli_usage_error (_("--limit needs a number from 1 up"));
  if (sort_text != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (sort_names) && !known; i++)
        if ((known = g_str_equal (sort_text, sort_names[i])))
          sort = i;
      if (!known)
        return xa_cli_usage_error (_("--sort: “%s” is not one of number, found-on, deadline, state, grade, category, place, responsible"),
                                   sort_text);
    }

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  g_clear_pointer (&today_text, g_free);
  if ((status = parse_filter (cli, workspace, &filter, &school_uuid, &today_text)))
    return status;

  if (!today_text || !xa_date_parse (today_text, &today))
    {
      g_autofree char *now = xa_date_today_iso ();

      xa_date_parse (now, &today);
    }

  if (cli->json)
    array = json_array_new ();

  /* A page at a time, so that the whole ledger is never in memory. */
  while (offset < limit)
    {
      g_autoptr(GPtrArray) page = NULL;
      guint n = (guint) MIN ((guint64) LIST_PAGE, limit - offset);

      if (!(page = xa_hazard_book_read_page (xa_workspace_get_hazards (workspace), &filter, sort,
                                             xa_cli_get_switch (cli, "descending"), offset, n, &error)))
        return xa_cli_user_error (error);

      for (guint i = 0; i < page->len; i++)
        {
          XaHazard *hazard = g_ptr_array_index (page, i);

          if (array != NULL)
            {
              JsonObject *object = xa_hazard_to_json (hazard);

              json_object_set_boolean_member (object, "overdue", xa_hazard_is_overdue (hazard, &today));
              json_array_add_object_element (array, object);
            }
          else
            print_line (hazard, &today);
        }

      offset += page->len;
      if (page->len < n)
        break;
    }

  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

int
xa_cli_hazard_show (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaHazard) hazard = NULL;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(hazard = xa_hazard_book_dup_by_number (xa_workspace_get_hazards (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      print_hazard_json (hazard);
      return EXIT_OK;
    }

  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    {
      g_autofree char *value = NULL;

      switch ((guint) field)
        {
        case XA_HAZARD_FIELD_UUID:
        case XA_HAZARD_FIELD_SCHOOL_UUID:
          continue;
        case XA_HAZARD_FIELD_SCHOOL_YEAR:
          value = xa_school_year_format_span (xa_hazard_get_school_year (hazard));
          break;
        case XA_HAZARD_FIELD_INSPECTION_TYPE:
          value = g_strdup (xa_inspection_type_to_label (xa_hazard_get_inspection_type (hazard)));
          break;
        case XA_HAZARD_FIELD_CATEGORY:
          value = g_strdup (xa_hazard_category_to_label (xa_hazard_get_category (hazard)));
          break;
        case XA_HAZARD_FIELD_GRADE:
          value = g_strdup (xa_hazard_grade_to_label (xa_hazard_get_grade (hazard)));
          break;
        case XA_HAZARD_FIELD_REPORTED:
        case XA_HAZARD_FIELD_SUPERVISED:
          value = g_strdup ((field == XA_HAZARD_FIELD_REPORTED ? xa_hazard_get_reported (hazard)
                                                               : xa_hazard_get_supervised (hazard))
                            ? _("yes") : _("no"));
          break;
        case XA_HAZARD_FIELD_REINSPECTION_RESULT:
          value = g_strdup (xa_reinspection_result_to_label (xa_hazard_get_reinspection_result (hazard)));
          break;
        case XA_HAZARD_FIELD_STATE:
          value = g_strdup (xa_hazard_state_to_label (xa_hazard_get_state (hazard)));
          break;
        default:
          value = g_strdup (xa_hazard_get_text (hazard, field));
        }

      if (value[0] != '\0')
        g_print ("%s\t%s\n", xa_hazard_field_to_label (field), value);
    }

  for (guint i = 0; i < xa_hazard_get_n_entries (hazard); i++)
    {
      const XaHazardEntry *entry = xa_hazard_get_entry (hazard, i);

      g_print ("%s\t%s\t%s\t%s%s%s\n", entry->date ? entry->date : entry->at,
               xa_hazard_step_to_label (entry->step), entry->who,
               xa_hazard_state_to_label (entry->to), entry->note ? "\t" : "", entry->note ? entry->note : "");
    }

  return EXIT_OK;
}

/**
 * xa_cli_hazard_demo:
 *
 * `demo --hazards N`: the demo ledger, after the district was made.
 */
int
xa_cli_hazard_demo (XaWorkspace *workspace,
                    XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  const char *text = xa_cli_get_option (cli, "hazards");
  guint64 n_hazards = 0;
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  gint64 started = g_get_monotonic_time ();

  if (text == NULL)
    return EXIT_OK;

  if (cli->seed != NULL)
    g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &seed, NULL);
  g_ascii_string_to_unsigned (text, 10, 0, XA_HAZARD_DEMO_MAX, &n_hazards, NULL);

  if (!xa_hazard_demo_fill (xa_workspace_get_hazards (workspace), (guint) n_hazards, (guint32) seed,
                            NULL, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added %u hazard to the demo ledger in %.1f s\n",
                        "Added %u hazards to the demo ledger in %.1f s\n",
                        (gulong) n_hazards),
           (guint) n_hazards, (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return EXIT_OK;
}

/**
 * xa_cli_hazard_demo_photos:
 *
 * `demo --photos N`: photos of the demo ledger's open hazards, after its inspections
 * (whose abnormal items became hazards too).
 */
int
xa_cli_hazard_demo_photos (XaWorkspace *workspace,
                           XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  const char *text = xa_cli_get_option (cli, "photos");
  guint64 n_hazards = 0;
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  guint n_added = 0;

  if (text == NULL)
    return EXIT_OK;

  if (cli->seed != NULL)
    g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &seed, NULL);
  g_ascii_string_to_unsigned (text, 10, 0, XA_HAZARD_DEMO_MAX_PHOTOS, &n_hazards, NULL);

  if (!xa_hazard_demo_add_photos (xa_workspace_get_hazards (workspace), (guint) n_hazards, (guint32) seed,
                                  &n_added, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u photo to the demo ledger\n",
                        "Added %u photos to the demo ledger\n", n_added),
           n_added);
  return EXIT_OK;
}
