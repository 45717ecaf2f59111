/* xa-cli-assessment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `xiaoan-cli assessment …` (issue 14): the yearly assessment without a display. The
 * scheme of a year (show, copy to another year, compare two years, export and import as
 * JSON), a school's self-assessment, the commission's scores, H events and vetoes,
 * finalising, publishing and revising, one school's score sheet and the district view.
 * A bad value is a usage error (2); a rule of the books refused is a user error (1) with
 * its one-line message naming the school, indicator or field.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-cli-private.h"
#include "core/assessment/xa-assessment-book.h"
#include "core/assessment/xa-assessment-demo.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

#define OPTION(name, description, value) \
  { name, G_OPTION_ARG_STRING, description, value, NULL }
#define SWITCH(name, description) \
  { name, G_OPTION_ARG_NONE, description, NULL, NULL }

const XaCliOption xa_cli_assessment_scheme_options[] = {
  SWITCH ("replace", N_("copy over the target year’s scheme (as a new version when it was used)")),
  { NULL }
};

#define ENTRY_OPTIONS \
  OPTION ("indicator", N_("the indicator’s code, such as A1 or C3"), "CODE"), \
  OPTION ("score", N_("the points kept on the indicator, from 0 to its points"), "S"), \
  OPTION ("notes", N_("the note beside the score (自评说明, 扣分说明)"), "TEXT")

const XaCliOption xa_cli_assessment_self_options[] = {
  ENTRY_OPTIONS,
  { NULL }
};

const XaCliOption xa_cli_assessment_entry_options[] = {
  ENTRY_OPTIONS,
  OPTION ("suggestion", N_("the suggested deduction shown for the indicator"), "D"),
  SWITCH ("accept", N_("the score takes the suggested deduction")),
  OPTION ("reason", N_("why the suggestion was not taken, or why a finalised score is revised"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_assessment_revise_options[] = {
  ENTRY_OPTIONS,
  OPTION ("reason", N_("why the suggestion was not taken, or why a finalised score is revised"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_assessment_h_options[] = {
  OPTION ("events", N_("how many 八杜绝 events that are not vetoes (each deducted from the total)"), "N"),
  OPTION ("notes", N_("what the events were"), "TEXT"),
  { NULL }
};

const XaCliOption xa_cli_assessment_veto_options[] = {
  OPTION ("ground", N_("the veto item: V1, V2, V3 or V4"), "V"),
  OPTION ("reason", N_("why the school’s year is vetoed (or the veto removed)"), "TEXT"),
  OPTION ("evidence", N_("records that show it, such as incident:UUID, separated by “,”"), "REF,…"),
  OPTION ("decided-on", N_("the day of the decision (default today)"), "YYYY-MM-DD"),
  SWITCH ("remove", N_("withdraw the veto on this ground, before or after finalising (kept with its reason)")),
  { NULL }
};

/* Common steps */

static int
parse_year (const char *text,
            int        *year)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return xa_cli_usage_error (_("--year is required, such as --year 2021-2022"));
  if (!xa_school_year_parse (text, year, &error))
    return xa_cli_usage_error ("--year: %s", error->message);
  return EXIT_OK;
}

static int
parse_points (const char *option,
              const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL)
    return xa_cli_usage_error (_("--%s is required"), option);
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(*value >= 0) || *value > 1000)
    return xa_cli_usage_error (_("--%s: “%s” is not a number of points, such as 2.5"), option, text);
  return EXIT_OK;
}

typedef struct
{
  XaWorkspace      *workspace;
  XaOrganisation   *school;
  XaAssessmentBook *book;
  int               year;
} Context;

static void
context_clear (Context *context)
{
  g_clear_object (&context->book);
  g_clear_object (&context->school);
  g_clear_object (&context->workspace);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

/* Opens the workspace and finds --year and (when @needs_school) --school. */
static int
open_context (XaCli    *cli,
              gboolean  needs_school,
              Context  *context)
{
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = parse_year (cli->year, &context->year)))
    return status;
  if (needs_school && cli->school == NULL)
    return xa_cli_usage_error (_("--school is required: the code (学校标识码) of the school"));
  if (!(context->workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  if (cli->school != NULL && !(context->school = xa_cli_find_school (context->workspace, cli->school, FALSE, &error)))
    return xa_cli_user_error (error);
  context->book = xa_assessment_book_new (xa_workspace_get_store (context->workspace));
  return EXIT_OK;
}

static const char *
school_uuid (Context *context)
{
  return context->school != NULL ? xa_organisation_get_uuid (context->school) : NULL;
}

static void
print_json_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

/* The scheme */

int
xa_cli_assessment_scheme_show (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaScheme) scheme = NULL;
  g_autofree char *span = NULL;
  double excellent, good, pass;
  int status;

  if ((status = open_context (cli, FALSE, &context)))
    return status;
  if (!(scheme = xa_scheme_book_dup_current (xa_assessment_book_get_schemes (context.book), context.year, &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonNode) node = xa_scheme_to_json (scheme);

      print_json_node (node);
      return EXIT_OK;
    }

  span = xa_school_year_format_span (context.year);
  if (xa_scheme_get_version (scheme) == 0)
    /* Translators: the school year; the scheme is the default, not yet stored */
    g_print (_("%s: the default scheme (not stored yet)\n"), span);
  else
    g_print (_("%s: version %u\n"), span, xa_scheme_get_version (scheme));
  for (guint i = 0; i < xa_scheme_get_n_groups (scheme); i++)
    {
      const XaSchemeGroup *group = xa_scheme_get_group (scheme, i);
      g_autofree char *points = xa_points_format (group->points);

      g_print ("%s\t%s\t%s\n", group->code, group->title, points);
      for (guint j = 0; j < xa_scheme_get_n_indicators (scheme); j++)
        {
          XaIndicator *indicator = xa_scheme_get_indicator (scheme, j);
          g_autofree char *indicator_points = NULL;
          g_autofree char *rule = NULL;

          if (g_strcmp0 (xa_indicator_get_group (indicator), group->code) != 0)
            continue;
          indicator_points = xa_points_format (xa_indicator_get_points (indicator));
          rule = xa_indicator_describe_rule (indicator);
          g_print ("  %s\t%s\t%s\t%s\t%s\n", xa_indicator_get_code (indicator), indicator_points, rule,
                   xa_indicator_get_evidence_source (indicator) ? xa_indicator_get_evidence_source (indicator) : "-",
                   xa_indicator_get_content (indicator));
        }
    }
  for (guint i = 0; i < xa_scheme_get_n_vetoes (scheme); i++)
    g_print ("%s\t%s\n", xa_scheme_get_veto (scheme, i)->code, xa_scheme_get_veto (scheme, i)->text);
  {
    g_autofree char *h = xa_points_format (xa_scheme_get_h_points (scheme));

    g_print (_("H\t%s points per event\n"), h);
  }
  xa_scheme_get_cutoffs (scheme, &excellent, &good, &pass);
  g_print (_("Grades: excellent ≥ %g, good ≥ %g, pass ≥ %g; any veto fails\n"), excellent, good, pass);
  return EXIT_OK;
}

/* Two years from --year A --year B. */
static int
parse_two_years (XaCli *cli,
                 int   *first,
                 int   *second)
{
  int status;

  if (cli->years == NULL || g_strv_length (cli->years) != 2)
    return xa_cli_usage_error (_("Give two school years: --year A --year B"));
  if ((status = parse_year (cli->years[0], first)) || (status = parse_year (cli->years[1], second)))
    return status;
  return EXIT_OK;
}

int
xa_cli_assessment_scheme_copy (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaSchemeBook) schemes = NULL;
  g_autoptr(XaScheme) copy = NULL;
  g_autofree char *from_span = NULL;
  g_autofree char *to_span = NULL;
  int from, to, status;

  if ((status = parse_two_years (cli, &from, &to)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  schemes = xa_scheme_book_new (xa_workspace_get_store (workspace));
  if (!(copy = xa_scheme_book_copy_year (schemes, from, to, xa_cli_get_switch (cli, "replace"), &error)))
    return xa_cli_user_error (error);
  from_span = xa_school_year_format_span (from);
  to_span = xa_school_year_format_span (to);
  g_print (_("Copied the scheme of %s to %s as version %u\n"), from_span, to_span, xa_scheme_get_version (copy));
  return EXIT_OK;
}

static const char *
change_kind_label (XaSchemeChangeKind kind)
{
  switch (kind)
    {
    case XA_SCHEME_CHANGE_ADDED:
      return _("added");
    case XA_SCHEME_CHANGE_REMOVED:
      return _("removed");
    case XA_SCHEME_CHANGE_CHANGED:
    default:
      return _("changed");
    }
}

int
xa_cli_assessment_scheme_compare (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaSchemeBook) schemes = NULL;
  g_autoptr(XaScheme) a = NULL;
  g_autoptr(XaScheme) b = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  int first, second, status;

  if ((status = parse_two_years (cli, &first, &second)))
    return status;
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  schemes = xa_scheme_book_new (xa_workspace_get_store (workspace));
  if (!(a = xa_scheme_book_dup_current (schemes, first, &error)) || !(b = xa_scheme_book_dup_current (schemes, second, &error)))
    return xa_cli_user_error (error);
  changes = xa_scheme_compare (a, b);
  for (guint i = 0; i < changes->len; i++)
    {
      XaSchemeChange *change = g_ptr_array_index (changes, i);
      static const char * const keys[] = { "added", "removed", "changed" };

      if (array != NULL)
        {
          JsonObject *object = json_object_new ();

          json_object_set_string_member (object, "code", change->code);
          json_object_set_string_member (object, "change", keys[change->kind]);
          json_object_set_string_member (object, "summary", change->summary);
          json_array_add_object_element (array, object);
        }
      else
        g_print ("%s\t%s\t%s\n", change->code, change_kind_label (change->kind), change->summary);
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  else if (changes->len == 0)
    g_print (_("The two schemes are the same\n"));
  return EXIT_OK;
}

int
xa_cli_assessment_scheme_export (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaScheme) scheme = NULL;
  g_autofree char *data = NULL;
  gsize length;
  int status;

  if ((status = open_context (cli, FALSE, &context)))
    return status;
  if (!(scheme = xa_scheme_book_dup_current (xa_assessment_book_get_schemes (context.book), context.year, &error)))
    return xa_cli_user_error (error);
  data = xa_scheme_to_data (scheme, &length);
  /* g_file_set_contents() writes a new file and renames it over the old one. */
  if (!g_file_set_contents (cli->args[0], data, (gssize) length, &error))
    return xa_cli_user_error (error);
  g_print (_("Wrote %s\n"), cli->args[0]);
  return EXIT_OK;
}

int
xa_cli_assessment_scheme_import (XaCli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaWorkspace) workspace = NULL;
  g_autoptr(XaSchemeBook) schemes = NULL;
  g_autoptr(XaScheme) read = NULL;
  g_autoptr(XaScheme) scheme = NULL;
  g_autofree char *data = NULL;
  g_autofree char *span = NULL;
  gsize length;
  guint version;
  int year = 0;
  int status;

  if (cli->year != NULL && (status = parse_year (cli->year, &year)))
    return status;
  if (!g_file_get_contents (cli->args[0], &data, &length, &error))
    return xa_cli_user_error (error);
  if (!(read = xa_scheme_new_from_data (data, (gssize) length, &error)))
    {
      g_printerr ("xiaoan-cli: %s: %s\n", cli->args[0], error->message);
      return EXIT_USER_ERROR;
    }
  scheme = xa_scheme_copy_to_year (read, year != 0 ? year : xa_scheme_get_school_year (read));
  if (!(workspace = xa_cli_open_workspace (cli, &error)))
    return xa_cli_user_error (error);
  schemes = xa_scheme_book_new (xa_workspace_get_store (workspace));
  if (!(version = xa_scheme_book_save (schemes, scheme, &error)))
    {
      g_printerr ("xiaoan-cli: %s: %s\n", cli->args[0], error->message);
      return EXIT_USER_ERROR;
    }
  span = xa_school_year_format_span (xa_scheme_get_school_year (scheme));
  g_print (_("Imported the scheme of %s as version %u\n"), span, version);
  return EXIT_OK;
}

/* Scoring */

/* --indicator and --score, which every entry of a score takes. */
static int
parse_entry (XaCli       *cli,
             const char **code,
             double      *score)
{
  *code = xa_cli_get_option (cli, "indicator");
  if (*code == NULL)
    return xa_cli_usage_error (_("--indicator is required: the indicator’s code, such as A1"));
  return parse_points ("score", xa_cli_get_option (cli, "score"), score);
}

int
xa_cli_assessment_self (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  const char *code;
  double score;
  int status;

  if ((status = parse_entry (cli, &code, &score)) || (status = open_context (cli, TRUE, &context)))
    return status;
  if (!xa_assessment_book_set_self (context.book, school_uuid (&context), context.year, code, score,
                                    xa_cli_get_option (cli, "notes"), &error))
    return xa_cli_user_error (error);
  /* Translators: the school's code, the indicator's code, the score */
  g_print (_("Recorded the self-assessment of %s on %s: %s\n"), cli->school, code, xa_cli_get_option (cli, "score"));
  return EXIT_OK;
}

int
xa_cli_assessment_score (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  XaScoreEntry entry = { NULL, 0, xa_cli_get_option (cli, "notes"), -1,
                         xa_cli_get_switch (cli, "accept"), xa_cli_get_option (cli, "reason") };
  int status;

  if ((status = parse_entry (cli, &entry.code, &entry.score)))
    return status;
  if (xa_cli_get_option (cli, "suggestion") != NULL &&
      (status = parse_points ("suggestion", xa_cli_get_option (cli, "suggestion"), &entry.suggestion)))
    return status;
  if (entry.accepted && entry.suggestion < 0)
    return xa_cli_usage_error (_("--accept needs the --suggestion it takes"));
  if ((status = open_context (cli, TRUE, &context)))
    return status;
  if (!xa_assessment_book_set_score (context.book, school_uuid (&context), context.year, &entry, &error))
    return xa_cli_user_error (error);
  g_print (_("Recorded the commission’s score of %s on %s: %s\n"), cli->school, entry.code, xa_cli_get_option (cli, "score"));
  return EXIT_OK;
}

int
xa_cli_assessment_h (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  const char *text = xa_cli_get_option (cli, "events");
  guint64 events = 0;
  int status;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, 100, &events, NULL))
    return xa_cli_usage_error (_("--events needs a whole number from 0 to 100"));
  if ((status = open_context (cli, TRUE, &context)))
    return status;
  if (!xa_assessment_book_set_h (context.book, school_uuid (&context), context.year, (guint) events,
                                 xa_cli_get_option (cli, "notes"), &error))
    return xa_cli_user_error (error);
  g_print (_("Recorded %u H events of %s\n"), (guint) events, cli->school);
  return EXIT_OK;
}

int
xa_cli_assessment_veto (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) evidence = NULL;
  g_autofree char *decided_on = NULL;
  const char *ground = xa_cli_get_option (cli, "ground");
  int status;

  if (ground == NULL)
    return xa_cli_usage_error (_("--ground is required: V1, V2, V3 or V4"));
  if (xa_cli_get_option (cli, "reason") == NULL)
    return xa_cli_usage_error (_("--reason is required: why (the reason is kept with the decision)"));
  if ((status = xa_cli_parse_date ("decided-on", xa_cli_get_option (cli, "decided-on"), &decided_on)) ||
      (status = open_context (cli, TRUE, &context)))
    return status;
  if (xa_cli_get_option (cli, "evidence") != NULL)
    evidence = g_strsplit (xa_cli_get_option (cli, "evidence"), ",", -1);

  if (xa_cli_get_switch (cli, "remove"))
    {
      if (!xa_assessment_book_remove_veto (context.book, school_uuid (&context), context.year, ground,
                                           xa_cli_get_option (cli, "reason"), &error))
        return xa_cli_user_error (error);
      g_print (_("Removed the veto %s of %s\n"), ground, cli->school);
      return EXIT_OK;
    }
  if (!xa_assessment_book_record_veto (context.book, school_uuid (&context), context.year, ground,
                                       xa_cli_get_option (cli, "reason"), (const char * const *) evidence, decided_on, &error))
    return xa_cli_user_error (error);
  g_print (_("Recorded the veto %s of %s: its year fails (不合格) and it loses 评优评先\n"), ground, cli->school);
  return EXIT_OK;
}

int
xa_cli_assessment_finalise (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = open_context (cli, TRUE, &context)))
    return status;
  if (!xa_assessment_book_finalise (context.book, school_uuid (&context), context.year, &error))
    return xa_cli_user_error (error);
  g_print (_("Finalised the assessment of %s: it changes only by revisions now\n"), cli->school);
  return EXIT_OK;
}

int
xa_cli_assessment_publish (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  int status;
  int n;

  if ((status = open_context (cli, FALSE, &context)))
    return status;
  if ((n = xa_assessment_book_publish (context.book, school_uuid (&context), context.year, &error)) < 0)
    return xa_cli_user_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Published %d assessment\n", "Published %d assessments\n", (gulong) n), n);
  return EXIT_OK;
}

int
xa_cli_assessment_revise (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  const char *code;
  double score;
  int status;

  if ((status = parse_entry (cli, &code, &score)))
    return status;
  if (xa_cli_get_option (cli, "reason") == NULL)
    return xa_cli_usage_error (_("--reason is required: why the finalised score changes"));
  if ((status = open_context (cli, TRUE, &context)))
    return status;
  if (!xa_assessment_book_revise (context.book, school_uuid (&context), context.year, code, score,
                                  xa_cli_get_option (cli, "notes"), xa_cli_get_option (cli, "reason"), &error))
    return xa_cli_user_error (error);
  g_print (_("Revised the score of %s on %s: %s\n"), cli->school, code, xa_cli_get_option (cli, "score"));
  return EXIT_OK;
}

/* Reading */

static void
add_points (JsonBuilder *builder,
            const char  *name,
            double       points)
{
  json_builder_set_member_name (builder, name);
  if (points >= 0)
    json_builder_add_double_value (builder, points);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_summary (JsonBuilder  *builder,
             XaAssessment *assessment)
{
  add_string (builder, "school", xa_assessment_get_school_code (assessment));
  add_string (builder, "school_name", xa_assessment_get_school_name (assessment));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xa_assessment_get_school_year (assessment));
  json_builder_set_member_name (builder, "scheme_version");
  json_builder_add_int_value (builder, xa_scheme_get_version (xa_assessment_get_scheme (assessment)));
  add_string (builder, "state", xa_assessment_state_to_key (xa_assessment_get_state (assessment)));
  add_points (builder, "self_total", xa_assessment_get_self_total (assessment));
  add_points (builder, "total", xa_assessment_get_total (assessment));
  add_string (builder, "grade", xa_assessment_get_total (assessment) >= 0 || xa_assessment_get_vetoed (assessment)
                                ? xa_grade_to_key (xa_assessment_get_grade (assessment)) : NULL);
  json_builder_set_member_name (builder, "vetoed");
  json_builder_add_boolean_value (builder, xa_assessment_get_vetoed (assessment));
  json_builder_set_member_name (builder, "published");
  json_builder_add_boolean_value (builder, xa_assessment_get_published (assessment));
  json_builder_set_member_name (builder, "rank");
  if (xa_assessment_get_rank (assessment) > 0)
    json_builder_add_int_value (builder, xa_assessment_get_rank (assessment));
  else
    json_builder_add_null_value (builder);
}

static char *
points_or_dash (double points)
{
  return points >= 0 ? xa_points_format (points) : g_strdup ("-");
}

int
xa_cli_assessment_list (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(JsonArray) array = cli->json ? json_array_new () : NULL;
  int status;

  if ((status = open_context (cli, FALSE, &context)))
    return status;
  if (!(assessments = xa_assessment_book_list (context.book, context.year, &error)))
    return xa_cli_user_error (error);
  for (guint i = 0; i < assessments->len; i++)
    {
      XaAssessment *assessment = g_ptr_array_index (assessments, i);

      if (array != NULL)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          json_builder_begin_object (builder);
          add_summary (builder, assessment);
          json_builder_end_object (builder);
          json_array_add_element (array, json_builder_get_root (builder));
        }
      else
        {
          g_autofree char *rank = xa_assessment_get_rank (assessment) > 0
            ? g_strdup_printf ("%u", xa_assessment_get_rank (assessment)) : g_strdup ("-");
          g_autofree char *self_total = points_or_dash (xa_assessment_get_self_total (assessment));
          g_autofree char *total = points_or_dash (xa_assessment_get_total (assessment));

          g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rank, xa_assessment_get_school_code (assessment),
                   xa_assessment_get_school_name (assessment),
                   xa_assessment_state_to_label (xa_assessment_get_state (assessment)), self_total, total,
                   xa_assessment_get_total (assessment) >= 0 ? xa_grade_to_label (xa_assessment_get_grade (assessment)) : "-",
                   xa_assessment_get_vetoed (assessment) ? _("vetoed") : "-");
        }
    }
  if (array != NULL)
    xa_cli_print_json_array (array);
  return EXIT_OK;
}

static JsonNode *
assessment_to_json (XaAssessment *assessment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  XaScheme *scheme = xa_assessment_get_scheme (assessment);

  json_builder_begin_object (builder);
  add_summary (builder, assessment);
  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
      const XaIndicatorScore *score = xa_assessment_get_score (assessment, xa_indicator_get_code (indicator));

      json_builder_begin_object (builder);
      add_string (builder, "code", score->code);
      add_points (builder, "points", xa_indicator_get_points (indicator));
      add_points (builder, "self_score", score->self_score);
      add_string (builder, "self_notes", score->self_notes);
      add_string (builder, "self_by", score->self_by);
      add_points (builder, "score", score->score);
      add_string (builder, "notes", score->notes);
      add_string (builder, "scored_by", score->scored_by);
      add_points (builder, "suggestion", score->suggestion);
      json_builder_set_member_name (builder, "accepted");
      json_builder_add_boolean_value (builder, score->accepted);
      add_string (builder, "override_reason", score->override_reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "h_events");
  json_builder_add_int_value (builder, xa_assessment_get_n_h_events (assessment));
  json_builder_set_member_name (builder, "vetoes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xa_assessment_get_n_vetoes (assessment); i++)
    {
      const XaVetoDecision *veto = xa_assessment_get_veto (assessment, i);

      json_builder_begin_object (builder);
      add_string (builder, "ground", veto->ground);
      add_string (builder, "reason", veto->reason);
      add_string (builder, "decided_by", veto->decided_by);
      add_string (builder, "decided_on", veto->decided_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "revisions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xa_assessment_get_n_revisions (assessment); i++)
    {
      const XaAssessmentRevision *revision = xa_assessment_get_revision (assessment, i);

      json_builder_begin_object (builder);
      add_string (builder, "code", revision->code);
      add_string (builder, "old", revision->old_value);
      add_string (builder, "new", revision->new_value);
      add_string (builder, "reason", revision->reason);
      add_string (builder, "by", revision->by);
      add_string (builder, "at", revision->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
xa_cli_assessment_show (XaCli *cli)
{
  g_auto(Context) context = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessment) assessment = NULL;
  XaScheme *scheme;
  g_autofree char *self_total = NULL;
  g_autofree char *total = NULL;
  int status;

  if ((status = open_context (cli, TRUE, &context)))
    return status;
  if (!(assessment = xa_assessment_book_dup (context.book, school_uuid (&context), context.year, &error)))
    return xa_cli_user_error (error);
  if (cli->json)
    {
      g_autoptr(JsonNode) node = assessment_to_json (assessment);

      print_json_node (node);
      return EXIT_OK;
    }

  scheme = xa_assessment_get_scheme (assessment);
  /* One line per indicator: code, points, self score, self note, commission score, its note. */
  for (guint i = 0; i < xa_scheme_get_n_indicators (scheme); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);
      const XaIndicatorScore *score = xa_assessment_get_score (assessment, xa_indicator_get_code (indicator));
      g_autofree char *points = xa_points_format (xa_indicator_get_points (indicator));
      g_autofree char *self_score = points_or_dash (score->self_score);
      g_autofree char *commission = points_or_dash (score->score);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", score->code, points, self_score, score->self_notes ? score->self_notes : "",
               commission, score->notes ? score->notes : "");
    }
  if (xa_assessment_get_n_h_events (assessment) > 0)
    g_print (_("H\t%u events\t%s\n"), xa_assessment_get_n_h_events (assessment), xa_assessment_get_h_notes (assessment));
  for (guint i = 0; i < xa_assessment_get_n_vetoes (assessment); i++)
    g_print (_("Veto %s\t%s\t%s\t%s\n"), xa_assessment_get_veto (assessment, i)->ground,
             xa_assessment_get_veto (assessment, i)->reason, xa_assessment_get_veto (assessment, i)->decided_by,
             xa_assessment_get_veto (assessment, i)->decided_on);
  self_total = points_or_dash (xa_assessment_get_self_total (assessment));
  total = points_or_dash (xa_assessment_get_total (assessment));
  g_print (_("Total: self %s, commission %s, %s, %s\n"), self_total, total,
           xa_assessment_get_total (assessment) >= 0 || xa_assessment_get_vetoed (assessment)
           ? xa_grade_to_label (xa_assessment_get_grade (assessment)) : "-",
           xa_assessment_state_to_label (xa_assessment_get_state (assessment)));
  return EXIT_OK;
}

/**
 * xa_cli_assessment_demo:
 *
 * `demo --assessment`: this school year's scoring round (xa-assessment-demo.c).
 */
int
xa_cli_assessment_demo (XaWorkspace *workspace,
                        XaCli       *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaAssessmentBook) book = NULL;
  guint64 seed = XA_DEMO_DEFAULT_SEED;
  guint n_self = 0;
  guint n_scored = 0;
  g_autofree char *iso = xa_date_today_iso ();
  GDate today;

  if (!xa_cli_get_switch (cli, "assessment"))
    return EXIT_OK;
  if (cli->seed != NULL)
    g_ascii_string_to_unsigned (cli->seed, 10, 0, G_MAXUINT32, &seed, NULL);
  xa_date_parse (iso, &today);
  book = xa_assessment_book_new (xa_workspace_get_store (workspace));
  if (!xa_assessment_demo_fill (book, xa_school_year_for_date (&today), (guint32) seed, &n_self, &n_scored, &error))
    return xa_cli_user_error (error);
  /* Translators: how many schools self-assessed, then how many the commission scored */
  g_print (_("Recorded this school year's assessments: %u self-assessed, %u scored by the commission\n"), n_self, n_scored);
  return EXIT_OK;
}
