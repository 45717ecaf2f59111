/* xa-cli-education.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli education roster|add|list|coverage`: a school's roster imported all or
 * nothing (problems as FILE:LINE: reason), a session of safety education recorded with
 * its absentees, make-up and evidence, the records listed, and coverage with the
 * 四落实. Coverage of one school names the people short of it (the school's and the
 * commission's view); across the district it gives numbers only, never names.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xa-cli-private.h"
#include "core/education/xa-education-demo.h"
#include "core/registry/xa-demo.h"
#include "document/xa-education-form.h"
#include "core/util/xa-school-year.h"

const XaCliOption xa_cli_education_add_options[] = {
  { "semester", G_OPTION_ARG_STRING, N_("the semester: 1 or 2 (default 1)"), "N", N_("--semester needs 1 or 2") },
  { "week", G_OPTION_ARG_STRING, N_("the week of the semester, 1 to 30 (default 1)"), "N", N_("--week needs a number") },
  { "audience", G_OPTION_ARG_STRING, N_("who it was for: class, school, staff or parents"), "WHO",
    N_("--audience needs class, school, staff or parents") },
  { "grade", G_OPTION_ARG_STRING, N_("the class's grade, such as 七年级"), "GRADE", N_("--grade needs a grade") },
  { "class", G_OPTION_ARG_STRING, N_("the class, such as (3)班"), "CLASS", N_("--class needs a class") },
  { "form", G_OPTION_ARG_STRING, N_("lesson, class-meeting, flag-speech, lecture, online, drill or parents-meeting"), "FORM",
    N_("--form needs a form") },
  { "topic", G_OPTION_ARG_STRING, N_("a module of the guidelines (social, health, accident, network, disaster, other) or a campaign's key"),
    "TOPIC", N_("--topic needs a topic") },
  { "title", G_OPTION_ARG_STRING, N_("what the session was called"), "TEXT", N_("--title needs a text") },
  { "teacher", G_OPTION_ARG_STRING, N_("who taught it"), "NAME", N_("--teacher needs a name") },
  { "teacher-kind", G_OPTION_ARG_STRING,
    N_("class-teacher, subject-teacher, legal-vice-principal, legal-counsellor or guest (default class-teacher)"), "KIND",
    N_("--teacher-kind needs a kind") },
  { "hours", G_OPTION_ARG_STRING, N_("periods taught (default 1)"), "N", N_("--hours needs a number") },
  { "expected", G_OPTION_ARG_STRING, N_("how many were expected (应到)"), "N", N_("--expected needs a number") },
  { "present", G_OPTION_ARG_STRING, N_("how many were there (实到)"), "N", N_("--present needs a number") },
  { "absent", G_OPTION_ARG_STRING, N_("the absent by name or 学号, separated by commas"), "NAMES", N_("--absent needs names") },
  { "makes-up", G_OPTION_ARG_STRING, N_("the session this one makes up, by its UUID"), "UUID", N_("--makes-up needs a UUID") },
  { "evidence", G_OPTION_ARG_STRING, N_("archived files (lesson plan, sign-in sheet, photos) by UUID, separated by commas"),
    "UUIDS", N_("--evidence needs UUIDs") },
  { NULL }
};

const XaCliOption xa_cli_education_print_options[] = {
  { "out", G_OPTION_ARG_FILENAME, N_("the PDF file to write"), "FILE.pdf",
    N_("--out needs a file name, such as 安全教育记录.pdf") },
  { NULL }
};

static int
parse_number (XaCli      *cli,
              const char *option,
              guint       fallback,
              guint       max,
              guint      *value)
{
  const char *text = xa_cli_get_option (cli, option);
  guint64 number = fallback;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return xa_cli_usage_error (_("--%s: “%s” is not a number from 0 to %u"), option, text, max);
  *value = (guint) number;
  return EXIT_OK;
}

static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ",，", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* The school (--school) and year (--year) every command but a district's coverage needs. */
static int
open_school (XaCli           *cli,
             XaWorkspace    **workspace,
             XaOrganisation **school,
             int             *year)
{
  g_autoptr(GError) error = NULL;

  if (cli->year == NULL || !xa_school_year_parse (cli->year, year, &error))
    return xa_cli_usage_error ("%s", error != NULL ? error->message : _("--year is required, such as --year 2021-2022"));
  if (!(*workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(*school = xa_cli_find_school (*workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  return EXIT_OK;
}

int
xa_cli_education_roster (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GFile) file = NULL;
  int year = 0;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required"));
  if ((status = open_school (cli, &workspace, &school, &year)) != EXIT_OK)
    return status;

  file = g_file_new_for_commandline_arg (cli->args[0]);
  if (!xa_education_book_import_roster (xa_workspace_get_education (workspace), xa_organisation_get_uuid (school),
                                        year, file, &problems, NULL, &error))
    {
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      return xa_cli_user_error (error);
    }

  {
    g_autofree char *label = xa_school_year_format (year, FALSE);

    /* Translators: a school, then a school year (2021—2022学年度) */
    g_print (_("Imported the roster of %s for %s\n"), xa_organisation_get_name (school), label);
  }
  return EXIT_OK;
}

int
xa_cli_education_add (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaEducationRecord) record = xa_education_record_new ();
  g_autoptr(XaEducationRecord) saved = NULL;
  g_auto(GStrv) absent = split_list (xa_cli_get_option (cli, "absent"));
  g_auto(GStrv) evidence = split_list (xa_cli_get_option (cli, "evidence"));
  g_autofree char *date = NULL;
  const char *audience_key = xa_cli_get_option (cli, "audience");
  const char *form_key = xa_cli_get_option (cli, "form");
  const char *kind_key = xa_cli_get_option (cli, "teacher-kind");
  XaEducationAudience audience;
  XaEducationForm form;
  XaTeacherKind kind = XA_TEACHER_KIND_CLASS_TEACHER;
  guint semester, week, hours, expected, present;
  int year = 0;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required"));
  if (cli->date == NULL)
    return xa_cli_usage_error (_("--date is required, such as --date 2021-09-10"));
  if ((status = xa_cli_parse_date ("date", cli->date, &date)) != EXIT_OK)
    return status;
  if (!xa_education_audience_from_key (audience_key, &audience))
    return xa_cli_usage_error (_("--audience: “%s” is not class, school, staff or parents"), audience_key ? audience_key : "");
  if (!xa_education_form_from_key (form_key, &form))
    return xa_cli_usage_error (_("--form: “%s” is not lesson, class-meeting, flag-speech, lecture, online, drill or parents-meeting"),
                               form_key ? form_key : "");
  if (kind_key != NULL && !xa_teacher_kind_from_key (kind_key, &kind))
    return xa_cli_usage_error (_("--teacher-kind: “%s” is not class-teacher, subject-teacher, legal-vice-principal,"
                                 " legal-counsellor or guest"), kind_key);
  if (xa_cli_get_option (cli, "expected") == NULL || xa_cli_get_option (cli, "present") == NULL)
    return xa_cli_usage_error (_("--expected and --present are required"));
  if ((status = parse_number (cli, "semester", 1, 2, &semester)) || (status = parse_number (cli, "week", 1, 30, &week)) ||
      (status = parse_number (cli, "hours", 1, 40, &hours)) ||
      (status = parse_number (cli, "expected", 0, 100000, &expected)) ||
      (status = parse_number (cli, "present", 0, 100000, &present)))
    return status;
  if ((status = open_school (cli, &workspace, &school, &year)) != EXIT_OK)
    return status;

  xa_education_record_set_school_uuid (record, xa_organisation_get_uuid (school));
  xa_education_record_set_school_year (record, year);
  xa_education_record_set_held_on (record, date);
  xa_education_record_set_week (record, semester, week);
  xa_education_record_set_audience (record, audience, xa_cli_get_option (cli, "grade"), xa_cli_get_option (cli, "class"));
  xa_education_record_set_form (record, form);
  xa_education_record_set_topic (record, xa_cli_get_option (cli, "topic"));
  xa_education_record_set_title (record, xa_cli_get_option (cli, "title"));
  xa_education_record_set_teacher (record, xa_cli_get_option (cli, "teacher"), kind);
  xa_education_record_set_hours (record, hours);
  xa_education_record_set_attendance (record, expected, present);
  xa_education_record_set_makes_up_uuid (record, xa_cli_get_option (cli, "makes-up"));
  xa_education_record_set_absentees (record, (const char * const *) absent);
  xa_education_record_set_evidence (record, (const char * const *) evidence);

  if (!(saved = xa_education_book_add (xa_workspace_get_education (workspace), record, &error)))
    return xa_cli_user_error (error);
  g_print ("%s\n", xa_education_record_get_uuid (saved));
  return EXIT_OK;
}

/* education edit */

const XaCliOption xa_cli_education_edit_options[] = {
  { "semester", G_OPTION_ARG_STRING, N_("the semester: 1 or 2"), "N", N_("--semester needs 1 or 2") },
  { "week", G_OPTION_ARG_STRING, N_("the week of the semester, 1 to 30"), "N", N_("--week needs a number") },
  { "form", G_OPTION_ARG_STRING, N_("lesson, class-meeting, flag-speech, lecture, online, drill or parents-meeting"), "FORM",
    N_("--form needs a form") },
  { "topic", G_OPTION_ARG_STRING, N_("a module of the guidelines (social, health, accident, network, disaster, other) or a campaign's key"),
    "TOPIC", N_("--topic needs a topic") },
  { "title", G_OPTION_ARG_STRING, N_("what the session was called"), "TEXT", N_("--title needs a text") },
  { "teacher", G_OPTION_ARG_STRING, N_("who taught it"), "NAME", N_("--teacher needs a name") },
  { "teacher-kind", G_OPTION_ARG_STRING,
    N_("class-teacher, subject-teacher, legal-vice-principal, legal-counsellor or guest"), "KIND",
    N_("--teacher-kind needs a kind") },
  { "hours", G_OPTION_ARG_STRING, N_("periods taught"), "N", N_("--hours needs a number") },
  { "notes", G_OPTION_ARG_STRING, N_("notes on the session"), "TEXT", N_("--notes needs a text") },
  { "evidence", G_OPTION_ARG_STRING, N_("archived files (lesson plan, sign-in sheet, photos) by UUID, separated by commas"),
    "UUIDS", N_("--evidence needs UUIDs") },
  { NULL }
};

static JsonObject *record_to_json (XaEducationRecord *record);

int
xa_cli_education_edit (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaEducationRecord) record = NULL;
  g_autoptr(XaEducationRecord) saved = NULL;
  g_autofree char *date = NULL;
  const char *form_key = xa_cli_get_option (cli, "form");
  const char *kind_key = xa_cli_get_option (cli, "teacher-kind");
  XaEducationForm form = 0;
  XaTeacherKind kind = 0;
  guint semester, week, hours;
  int status;

  if ((status = xa_cli_parse_date ("date", cli->date, &date)) != EXIT_OK)
    return status;
  if (form_key != NULL && !xa_education_form_from_key (form_key, &form))
    return xa_cli_usage_error (_("--form: “%s” is not lesson, class-meeting, flag-speech, lecture, online, drill or parents-meeting"),
                               form_key);
  if (kind_key != NULL && !xa_teacher_kind_from_key (kind_key, &kind))
    return xa_cli_usage_error (_("--teacher-kind: “%s” is not a kind of teacher"), kind_key);
  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !(record = xa_education_book_dup_record (xa_workspace_get_education (workspace), cli->args[0], &error)))
    return xa_cli_user_error (error);
  if ((status = parse_number (cli, "semester", xa_education_record_get_semester (record), 2, &semester)) ||
      (status = parse_number (cli, "week", xa_education_record_get_week (record), 30, &week)) ||
      (status = parse_number (cli, "hours", xa_education_record_get_hours (record), 40, &hours)))
    return status;

  if (date != NULL)
    xa_education_record_set_held_on (record, date);
  xa_education_record_set_week (record, semester, week);
  if (form_key != NULL)
    xa_education_record_set_form (record, form);
  if (xa_cli_get_option (cli, "topic") != NULL)
    xa_education_record_set_topic (record, xa_cli_get_option (cli, "topic"));
  if (xa_cli_get_option (cli, "title") != NULL)
    xa_education_record_set_title (record, xa_cli_get_option (cli, "title"));
  if (xa_cli_get_option (cli, "teacher") != NULL || kind_key != NULL)
    {
      /* A copy: the setter frees the name it replaces. */
      g_autofree char *teacher = g_strdup (xa_cli_get_option (cli, "teacher") ? xa_cli_get_option (cli, "teacher")
                                                                             : xa_education_record_get_teacher (record));

      xa_education_record_set_teacher (record, teacher, kind_key ? kind : xa_education_record_get_teacher_kind (record));
    }
  xa_education_record_set_hours (record, hours);
  if (xa_cli_get_option (cli, "notes") != NULL)
    xa_education_record_set_notes (record, xa_cli_get_option (cli, "notes"));
  if (xa_cli_get_option (cli, "evidence") != NULL)
    {
      g_auto(GStrv) evidence = split_list (xa_cli_get_option (cli, "evidence"));

      xa_education_record_set_evidence (record, (const char * const *) evidence);
    }
  if (!(saved = xa_education_book_update (xa_workspace_get_education (workspace), record, &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      json_array_add_object_element (array, record_to_json (saved));
      xa_cli_print_json_array (array);
    }
  return EXIT_OK;
}

static JsonObject *
record_to_json (XaEducationRecord *record)
{
  JsonObject *object = json_object_new ();
  g_autofree char *audience = xa_education_record_dup_audience_label (record);
  g_autofree char *topic = xa_education_dup_topic_label (xa_education_record_get_topic (record));
  JsonArray *absent = json_array_new ();
  JsonArray *evidence = json_array_new ();

  for (const char * const *p = xa_education_record_get_absentees (record); *p != NULL; p++)
    json_array_add_string_element (absent, *p);
  for (const char * const *p = xa_education_record_get_evidence (record); *p != NULL; p++)
    json_array_add_string_element (evidence, *p);

  json_object_set_string_member (object, "uuid", xa_education_record_get_uuid (record));
  json_object_set_string_member (object, "date", xa_education_record_get_held_on (record));
  json_object_set_int_member (object, "semester", xa_education_record_get_semester (record));
  json_object_set_int_member (object, "week", xa_education_record_get_week (record));
  json_object_set_string_member (object, "audience", xa_education_audience_to_key (xa_education_record_get_audience (record)));
  json_object_set_string_member (object, "audience_label", audience);
  json_object_set_string_member (object, "form", xa_education_form_to_key (xa_education_record_get_form (record)));
  json_object_set_string_member (object, "topic", xa_education_record_get_topic (record));
  json_object_set_string_member (object, "topic_label", topic);
  json_object_set_string_member (object, "title", xa_education_record_get_title (record));
  json_object_set_string_member (object, "teacher", xa_education_record_get_teacher (record));
  json_object_set_string_member (object, "teacher_kind", xa_teacher_kind_to_key (xa_education_record_get_teacher_kind (record)));
  json_object_set_int_member (object, "hours", xa_education_record_get_hours (record));
  json_object_set_int_member (object, "expected", xa_education_record_get_expected (record));
  json_object_set_int_member (object, "present", xa_education_record_get_present (record));
  if (xa_education_record_get_makes_up_uuid (record) != NULL)
    json_object_set_string_member (object, "makes_up", xa_education_record_get_makes_up_uuid (record));
  else
    json_object_set_null_member (object, "makes_up");
  json_object_set_array_member (object, "absent", absent);
  json_object_set_array_member (object, "evidence", evidence);
  return object;
}

int
xa_cli_education_list (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(GPtrArray) records = NULL;
  int year = 0;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required"));
  if ((status = open_school (cli, &workspace, &school, &year)) != EXIT_OK)
    return status;
  if (!(records = xa_education_book_list (xa_workspace_get_education (workspace), xa_organisation_get_uuid (school),
                                          year, &error)))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < records->len; i++)
        json_array_add_object_element (array, record_to_json (g_ptr_array_index (records, i)));
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }

  for (guint i = 0; i < records->len; i++)
    {
      XaEducationRecord *record = g_ptr_array_index (records, i);
      g_autofree char *audience = xa_education_record_dup_audience_label (record);
      g_autofree char *topic = xa_education_dup_topic_label (xa_education_record_get_topic (record));

      /* Translators: date, audience, form, topic, teacher, present/expected, then 补课 or nothing */
      g_print (_("%s  %s  %s  %s  %s  %u/%u%s\n"), xa_education_record_get_held_on (record), audience,
               xa_education_form_to_label (xa_education_record_get_form (record)), topic,
               xa_education_record_get_teacher (record), xa_education_record_get_present (record),
               xa_education_record_get_expected (record),
               xa_education_record_get_makes_up_uuid (record) != NULL ? _(" (make-up)") : "");
    }
  return EXIT_OK;
}

static JsonObject *
coverage_to_json (XaEducationCoverage *coverage,
                  gboolean             with_names)
{
  JsonObject *object = json_object_new ();
  JsonArray *shortfall = json_array_new ();

  json_object_set_int_member (object, "population", coverage->population);
  json_object_set_int_member (object, "educated", coverage->educated);
  json_object_set_double_member (object, "rate", xa_education_coverage_get_rate (coverage));
  json_object_set_boolean_member (object, "meets_target", xa_education_coverage_meets_target (coverage));
  json_object_set_int_member (object, "expected", (gint64) coverage->expected);
  json_object_set_int_member (object, "present", (gint64) coverage->present);
  json_object_set_double_member (object, "weighted_rate", xa_education_coverage_get_weighted (coverage));
  json_object_set_boolean_member (object, "weighted_meets_target", xa_education_coverage_weighted_meets_target (coverage));
  for (guint i = 0; i < coverage->shortfall->len; i++)
    {
      XaEducationShortfall *item = g_ptr_array_index (coverage->shortfall, i);
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, "class", item->label);
      json_object_set_int_member (row, "population", item->population);
      json_object_set_int_member (row, "educated", item->educated);
      json_object_set_boolean_member (row, "estimated", item->estimated);
      if (with_names)
        {
          JsonArray *names = json_array_new ();

          for (guint j = 0; item->missing[j] != NULL; j++)
            json_array_add_string_element (names, item->missing[j]);
          json_object_set_array_member (row, "missing", names);
        }
      json_array_add_object_element (shortfall, row);
    }
  json_object_set_array_member (object, "shortfall", shortfall);
  json_object_set_boolean_member (object, "has_plan", coverage->has_plan);
  json_object_set_boolean_member (object, "has_materials", coverage->has_materials);
  json_object_set_boolean_member (object, "has_teachers", coverage->has_teachers);
  json_object_set_int_member (object, "hours", coverage->hours);
  json_object_set_int_member (object, "min_hours", coverage->min_hours);
  json_object_set_int_member (object, "legal_lessons", coverage->legal_lessons);
  json_object_set_int_member (object, "legal_minimum", coverage->legal_minimum);
  return object;
}

/* A rate as a percentage with one decimal, never rounded up to the target it missed. */
static double
percent (double rate)
{
  return floor (rate * 1000.0 + 1e-9) / 10.0;
}

static void
print_coverage (XaOrganisation      *school,
                XaEducationCoverage *coverage,
                gboolean             with_names)
{
  /* Translators: school, educated/population, rate, then ✓ or ✗ against 99.5 %, then the weighted rate */
  g_print (_("%s: educated %u/%u (%.1f %%) %s, attendance %.1f %% %s, hours %u/%u, 法治副校长 lessons %u/%u%s%s\n"),
           xa_organisation_get_name (school), coverage->educated, coverage->population,
           percent (xa_education_coverage_get_rate (coverage)), xa_education_coverage_meets_target (coverage) ? "✓" : "✗",
           percent (xa_education_coverage_get_weighted (coverage)),
           xa_education_coverage_weighted_meets_target (coverage) ? "✓" : "✗",
           coverage->hours, coverage->min_hours, coverage->legal_lessons, coverage->legal_minimum,
           coverage->has_plan ? "" : _(", no plan"), coverage->has_materials ? "" : _(", no materials"));
  for (guint i = 0; with_names && i < coverage->shortfall->len; i++)
    {
      XaEducationShortfall *item = g_ptr_array_index (coverage->shortfall, i);
      g_autofree char *names = g_strjoinv ("、", item->missing);

      g_print ("  %s %u/%u%s %s\n", item->label, item->educated, item->population,
               item->estimated ? _(" (estimated)") : "", names);
    }
}

int
xa_cli_education_coverage (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GPtrArray) schools = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean with_names = cli->school != NULL;
  int year = 0;
  int status;

  if ((status = open_school (cli, &workspace, &school, &year)) != EXIT_OK)
    return status;

  if (school != NULL)
    g_ptr_array_add (schools, g_object_ref (school));
  else
    {
      GListModel *model = xa_school_registry_get_schools (xa_workspace_get_registry (workspace));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (schools, g_list_model_get_item (model, i));
    }

  /* Across the district: numbers by school and class, never a person's name. */
  for (guint i = 0; i < schools->len; i++)
    {
      XaOrganisation *each = g_ptr_array_index (schools, i);
      g_autoptr(XaEducationCoverage) coverage = NULL;

      if (!(coverage = xa_education_book_compute_coverage (xa_workspace_get_education (workspace),
                                                           xa_organisation_get_uuid (each), year, &error)))
        return xa_cli_user_error (error);
      if (cli->json)
        {
          JsonObject *object = coverage_to_json (coverage, with_names);

          json_object_set_string_member (object, "school", xa_organisation_get_code (each));
          json_array_add_object_element (array, object);
        }
      else
        print_coverage (each, coverage, with_names);
    }

  if (cli->json)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

/**
 * xa_cli_education_demo:
 *
 * `demo --education`: this school year's rosters and records in the demo's first
 * schools, after the district was made.
 */
int
xa_cli_education_demo (XaWorkspace *workspace,
                       XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  guint n_records = 0;
  GDate today;
  int year;

  if (!xa_cli_get_switch (cli, "education"))
    return EXIT_OK;
  if (cli->seed != NULL)
    g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &seed, NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  year = xa_school_year_for_date (&today);

  if (!xa_education_demo_fill (xa_workspace_get_education (workspace),
                               xa_school_registry_get_schools (xa_workspace_get_registry (workspace)), year, (guint32) seed, &n_records, &error))
    return xa_cli_user_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Recorded rosters and %u safety education record of this school year\n",
                        "Recorded rosters and %u safety education records of this school year\n", n_records),
           n_records);
  return EXIT_OK;
}

/* education print: the record (安全教育记录表) as a PDF, written atomically, with the
 * session it makes up or the make-ups of it, and the names of its archived evidence. */
int
xa_cli_education_print (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaEducationRecord) record = NULL;
  g_autoptr(XaEducationRecord) made_up = NULL;
  g_autoptr(GPtrArray) make_ups = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  g_autoptr(XaFontResolver) fonts = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) evidence = NULL;
  const char *out = xa_cli_get_option (cli, "out");
  XaEducationBook *book;

  if (out == NULL)
    return xa_cli_usage_error (_("--out is required: the PDF file to write"));

  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  book = xa_workspace_get_education (workspace);
  if (!(record = xa_education_book_dup_record (book, cli->args[0], &error)) ||
      !(make_ups = xa_education_book_list_make_ups (book, cli->args[0], &error)) ||
      (xa_education_record_get_makes_up_uuid (record) != NULL &&
       !(made_up = xa_education_book_dup_record (book, xa_education_record_get_makes_up_uuid (record), &error))) ||
      !(school = xa_school_registry_dup_school (xa_workspace_get_registry (workspace),
                                                xa_education_record_get_school_uuid (record), &error)))
    return xa_cli_user_error (error);

  for (const char * const *uuid = xa_education_record_get_evidence (record); *uuid != NULL; uuid++)
    {
      g_autoptr(XaArchiveItem) item = xa_archive_dup_item (xa_workspace_get_archive (workspace), *uuid, &error);

      if (item == NULL)
        return xa_cli_user_error (error);
      g_strv_builder_add (builder, xa_archive_item_get_file_name (item));
    }
  evidence = g_strv_builder_end (builder);

  fonts = xa_font_resolver_new ();
  layout = xa_education_form_layout_new (record, xa_organisation_get_name (school), made_up, make_ups,
                                         (const char * const *) evidence, fonts);
  if (!xa_cli_save_layout (layout, fonts, out, &error))
    return xa_cli_user_error (error);

  /* Translators: the file written */
  g_print (_("Wrote the education record to %s\n"), out);
  return EXIT_OK;
}

const XaCliOption xa_cli_education_settings_options[] = {
  { "hours-preschool", G_OPTION_ARG_STRING, N_("minimum periods a year in kindergartens"), "N", N_("--hours-preschool needs a number") },
  { "hours-primary", G_OPTION_ARG_STRING, N_("minimum periods a year in primary schools"), "N", N_("--hours-primary needs a number") },
  { "hours-junior", G_OPTION_ARG_STRING, N_("minimum periods a year in junior secondary schools"), "N", N_("--hours-junior needs a number") },
  { "hours-senior", G_OPTION_ARG_STRING, N_("minimum periods a year in senior secondary schools"), "N", N_("--hours-senior needs a number") },
  { "hours-vocational", G_OPTION_ARG_STRING, N_("minimum periods a year in vocational schools"), "N", N_("--hours-vocational needs a number") },
  { "hours-special", G_OPTION_ARG_STRING, N_("minimum periods a year in special education schools"), "N", N_("--hours-special needs a number") },
  { "required-sessions", G_OPTION_ARG_STRING, N_("sessions a person attends or makes up to count as educated"), "N",
    N_("--required-sessions needs a number") },
  { "legal-lessons", G_OPTION_ARG_STRING, N_("periods the 法治副校长 teaches a year"), "N", N_("--legal-lessons needs a number") },
  { NULL }
};

/* The options in the order of XaEducationPolicy's fields. */
G_STATIC_ASSERT (G_N_ELEMENTS (xa_cli_education_settings_options) - 1 == sizeof (XaEducationPolicy) / sizeof (guint));

/* `education settings`: the district's settings, shown, or changed and shown. */
int
xa_cli_education_settings (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  XaEducationPolicy policy;
  guint *values = (guint *) &policy;
  gboolean changed = FALSE;
  int status;

  if (!(workspace = xa_cli_open_workspace (cli, &error)) ||
      !xa_education_book_read_policy (xa_workspace_get_education (workspace), &policy, &error))
    return xa_cli_user_error (error);

  for (guint i = 0; xa_cli_education_settings_options[i].name != NULL; i++)
    {
      const char *name = xa_cli_education_settings_options[i].name;

      if (xa_cli_get_option (cli, name) == NULL)
        continue;
      if ((status = parse_number (cli, name, 0, 1000, &values[i])) != EXIT_OK)
        return status;
      changed = TRUE;
    }
  if (changed && !xa_education_book_save_policy (xa_workspace_get_education (workspace), &policy, &error))
    return xa_cli_user_error (error);

  if (cli->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      JsonObject *object = json_object_new ();

      for (guint i = 0; xa_cli_education_settings_options[i].name != NULL; i++)
        json_object_set_int_member (object, xa_cli_education_settings_options[i].name, values[i]);
      json_array_add_object_element (array, object);
      xa_cli_print_json_array (array);
      return EXIT_OK;
    }
  for (guint i = 0; xa_cli_education_settings_options[i].name != NULL; i++)
    g_print ("%s\t%u\t%s\n", xa_cli_education_settings_options[i].name, values[i],
             _(xa_cli_education_settings_options[i].description));
  return EXIT_OK;
}

const XaCliOption xa_cli_education_plan_options[] = {
  { "plan", G_OPTION_ARG_STRING, N_("the school's plan of safety education for the year (计划)"), "TEXT", N_("--plan needs a text") },
  { "materials", G_OPTION_ARG_STRING, N_("the teaching materials in use (教材)"), "TEXT", N_("--materials needs a text") },
  { NULL }
};

/* `education plan`: two of the 四落实 of a school's year; the hours and teachers follow
 * from its records. */
int
xa_cli_education_plan (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaOrganisation) school = NULL;
  int year = 0;
  int status;

  if (cli->school == NULL)
    return xa_cli_usage_error (_("--school is required"));
  if ((status = open_school (cli, &workspace, &school, &year)) != EXIT_OK)
    return status;
  if (!xa_education_book_set_plan (xa_workspace_get_education (workspace), xa_organisation_get_uuid (school), year,
                                   xa_cli_get_option (cli, "plan"), xa_cli_get_option (cli, "materials"), &error))
    return xa_cli_user_error (error);
  {
    g_autofree char *label = xa_school_year_format (year, FALSE);

    /* Translators: a school, then a school year (2021—2022学年度) */
    g_print (_("Recorded the plan and materials of %s for %s\n"), xa_organisation_get_name (school), label);
  }
  return EXIT_OK;
}
