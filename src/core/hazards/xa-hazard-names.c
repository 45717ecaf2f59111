/* xa-hazard-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the ledger's columns and values are called: keys for storage and JSON, which are
 * an interface and never change, and labels for people, translated. Also the hazard
 * number, 2021-2022-<学校标识码>-0001 (reference/domain.md §3.2 row 1).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xa-hazard-private.h"

#define LINE(key, property, label, max, required) \
  { key, property, label, XA_HAZARD_KIND_LINE, max, required }
#define TEXT(key, property, label, max, required) \
  { key, property, label, XA_HAZARD_KIND_MULTILINE, max, required }
#define DATE(key, property, label, required) \
  { key, property, label, XA_HAZARD_KIND_DATE, 10, required }
#define TYPED(key, property, label) \
  { key, property, label, XA_HAZARD_KIND_TYPED, 0, TRUE }

/* Lengths: a person's name as the registry allows (50), several finders' names, a place
 * such as 教学楼三楼东侧男厕所, and a page of text for descriptions and measures. */
static const XaHazardFieldInfo fields[] = {
  LINE ("uuid", "uuid", NC_("hazard field", "Identifier"), 36, TRUE),
  LINE ("number", "number", NC_("hazard field", "Hazard number"), 40, FALSE),
  LINE ("school_uuid", "school-uuid", NC_("hazard field", "School"), 36, TRUE),
  DATE ("found_on", "found-on", NC_("hazard field", "Found on"), TRUE),
  LINE ("found_by", "found-by", NC_("hazard field", "Found by"), 100, TRUE),
  LINE ("place", "place", NC_("hazard field", "Place"), 100, TRUE),
  TEXT ("description", "description", NC_("hazard field", "Description"), 1000, TRUE),
  TEXT ("temporary_measures", "temporary-measures", NC_("hazard field", "Temporary control measures"), 500, FALSE),
  TEXT ("measures", "measures", NC_("hazard field", "Rectification measures"), 1000, TRUE),
  LINE ("department", "department", NC_("hazard field", "Responsible department"), 50, TRUE),
  LINE ("responsible", "responsible", NC_("hazard field", "Responsible person"), 50, TRUE),
  DATE ("deadline", "deadline", NC_("hazard field", "Deadline"), TRUE),
  { "funds", "funds", NC_("hazard field", "Funds (yuan)"), XA_HAZARD_KIND_FUNDS, 16, FALSE },
  LINE ("funds_source", "funds-source", NC_("hazard field", "Source of funds"), 100, FALSE),
  DATE ("reported_on", "reported-on", NC_("hazard field", "Reported on"), FALSE),
  LINE ("supervisor", "supervisor", NC_("hazard field", "Supervising unit"), 100, FALSE),
  DATE ("completed_on", "completed-on", NC_("hazard field", "Completed on"), FALSE),
  TEXT ("completion_notes", "completion-notes", NC_("hazard field", "Completion notes"), 1000, FALSE),
  LINE ("reinspector", "reinspector", NC_("hazard field", "Re-inspector"), 50, FALSE),
  DATE ("reinspected_on", "reinspected-on", NC_("hazard field", "Re-inspected on"), FALSE),
  DATE ("closed_on", "closed-on", NC_("hazard field", "Closed on"), FALSE),
  LINE ("closed_by", "closed-by", NC_("hazard field", "Closed by"), 50, FALSE),
  TEXT ("remarks", "remarks", NC_("hazard field", "Remarks"), 500, FALSE),
  TYPED ("school_year", "school-year", NC_("hazard field", "School year")),
  TYPED ("inspection_type", "inspection-type", NC_("hazard field", "Inspection type")),
  TYPED ("category", "category", NC_("hazard field", "Category")),
  TYPED ("grade", "grade", NC_("hazard field", "Grade")),
  TYPED ("reported", "reported", NC_("hazard field", "Reported to the commission")),
  TYPED ("supervised", "supervised", NC_("hazard field", "Listed for supervision")),
  TYPED ("reinspection_result", "reinspection-result", NC_("hazard field", "Re-inspection result")),
  TYPED ("state", "state", NC_("hazard field", "Status")),
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == XA_HAZARD_FIELD_NONE);

typedef struct
{
  const char *key;
  const char *label;
} Name;

static const Name states[] = {
  { "pending", NC_("hazard state", "Awaiting rectification") },
  { "rectifying", NC_("hazard state", "Being rectified") },
  { "reinspecting", NC_("hazard state", "Awaiting re-inspection") },
  { "closed", NC_("hazard state", "Closed") },
};

static const Name grades[] = {
  { "general", NC_("hazard grade", "General") },
  { "major", NC_("hazard grade", "Major") },
};

static const Name inspection_types[] = {
  { "daily", NC_("inspection type", "Daily patrol") },
  { "weekly", NC_("inspection type", "Weekly inspection") },
  { "monthly", NC_("inspection type", "Monthly inspection") },
  { "quarterly", NC_("inspection type", "Quarterly inspection") },
  { "semester", NC_("inspection type", "Semester inspection") },
  { "seasonal", NC_("inspection type", "Seasonal or holiday inspection") },
  { "campaign", NC_("inspection type", "Special campaign") },
  { "supervision", NC_("inspection type", "Inspection by superiors") },
  { "report", NC_("inspection type", "Reported by the public") },
};

static const Name categories[] = {
  { "building", NC_("hazard category", "School buildings") },
  { "fire", NC_("hazard category", "Fire safety") },
  { "electricity", NC_("hazard category", "Electricity") },
  { "gas", NC_("hazard category", "Gas") },
  { "equipment", NC_("hazard category", "Special equipment") },
  { "food", NC_("hazard category", "Food hygiene") },
  { "traffic", NC_("hazard category", "Traffic") },
  { "facilities", NC_("hazard category", "Sports and teaching facilities") },
  { "chemicals", NC_("hazard category", "Hazardous chemicals") },
  { "protection", NC_("hazard category", "Technical and physical protection") },
  { "surroundings", NC_("hazard category", "Surroundings") },
  { "people", NC_("hazard category", "Personnel management") },
  { "other", NC_("hazard category", "Other") },
};

static const Name results[] = {
  { "none", NC_("re-inspection result", "Not re-inspected") },
  { "passed", NC_("re-inspection result", "Passed") },
  { "failed", NC_("re-inspection result", "Failed") },
};

static const Name steps[] = {
  { "start", NC_("hazard step", "Start rectification") },
  { "complete", NC_("hazard step", "Report completion") },
  { "pass", NC_("hazard step", "Pass re-inspection") },
  { "fail", NC_("hazard step", "Fail re-inspection") },
  { "close", NC_("hazard step", "Close") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (states) == XA_N_HAZARD_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (steps) == XA_N_HAZARD_STEPS);
G_STATIC_ASSERT (G_N_ELEMENTS (grades) == XA_N_HAZARD_GRADES);
G_STATIC_ASSERT (G_N_ELEMENTS (inspection_types) == XA_N_INSPECTION_TYPES);
G_STATIC_ASSERT (G_N_ELEMENTS (categories) == XA_N_HAZARD_CATEGORIES);
G_STATIC_ASSERT (G_N_ELEMENTS (results) == XA_N_REINSPECTION_RESULTS);

static gboolean
find_key (const Name *names,
          guint       n_names,
          const char *key,
          int        *value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i].key, key) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The macros give each enum its three functions from one table, so that a value added
 * to an enum and forgotten in its table stops the build (the asserts above). */
#define NAMES(prefix, Type, table, context)                                     \
  const char *                                                                  \
  prefix##_to_key (Type value)                                                  \
  {                                                                             \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);          \
    return table[value].key;                                                    \
  }                                                                             \
  const char *                                                                  \
  prefix##_to_label (Type value)                                                \
  {                                                                             \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);          \
    return g_dpgettext2 (NULL, context, table[value].label);                    \
  }                                                                             \
  gboolean                                                                      \
  prefix##_from_key (const char *key,                                           \
                     Type       *value)                                         \
  {                                                                             \
    int found;                                                                  \
                                                                                \
    g_return_val_if_fail (value != NULL, FALSE);                                \
    if (!find_key (table, G_N_ELEMENTS (table), key, &found))                   \
      return FALSE;                                                             \
    *value = (Type) found;                                                      \
    return TRUE;                                                                \
  }

NAMES (xa_hazard_state, XaHazardState, states, "hazard state")
NAMES (xa_hazard_step, XaHazardStep, steps, "hazard step")
NAMES (xa_hazard_grade, XaHazardGrade, grades, "hazard grade")
NAMES (xa_inspection_type, XaInspectionType, inspection_types, "inspection type")
NAMES (xa_hazard_category, XaHazardCategory, categories, "hazard category")
NAMES (xa_reinspection_result, XaReinspectionResult, results, "re-inspection result")

const XaHazardFieldInfo *
_xa_hazard_field_info (XaHazardField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (fields), NULL);
  return &fields[field];
}

/**
 * xa_hazard_field_to_key:
 *
 * Returns: the column's key in JSON and storage ("found_on")
 */
const char *
xa_hazard_field_to_key (XaHazardField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (fields), NULL);
  return fields[field].key;
}

/**
 * xa_hazard_field_to_label:
 *
 * Returns: the column's name as the ledger prints it (发现日期)
 */
const char *
xa_hazard_field_to_label (XaHazardField field)
{
  g_return_val_if_fail ((guint) field < G_N_ELEMENTS (fields), NULL);
  return g_dpgettext2 (NULL, "hazard field", fields[field].label);
}

static gboolean
is_school_code (const char *code)
{
  if (code == NULL || strlen (code) != 10)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

#define MIN_YEAR     1990
#define MAX_YEAR     2200
#define MAX_SEQUENCE 999999

/**
 * xa_hazard_number_format:
 * @school_year: the school year's start year, 2021 for 2021—2022
 * @school_code: the school's 10-digit 学校标识码
 * @sequence: the hazard's place in the school's ledger of that year, from 1
 *
 * The number keeps the ASCII hyphen of the district's ledgers, not the range dash of
 * printed school years: it is an identifier people type and search for.
 *
 * Returns: (transfer full): "2021-2022-5001040001-0001", or %NULL with
 *   %XA_HAZARD_ERROR_NUMBER when a part is out of range
 */
char *
xa_hazard_number_format (int          school_year,
                         const char  *school_code,
                         guint        sequence,
                         GError     **error)
{
  if (school_year < MIN_YEAR || school_year > MAX_YEAR)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   _("Hazard number: %d is not a school year"), school_year);
      return NULL;
    }

  if (!is_school_code (school_code))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   _("Hazard number: “%s” is not a 10-digit school identifier"),
                   school_code ? school_code : "");
      return NULL;
    }

  if (sequence < 1 || sequence > MAX_SEQUENCE)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   _("Hazard number: the sequence number must be between 1 and %u"), MAX_SEQUENCE);
      return NULL;
    }

  return g_strdup_printf ("%d-%d-%s-%04u", school_year, school_year + 1, school_code, sequence);
}

/* Reads exactly @n_digits digits (or, when @at_least, that many or more) at *p. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             gboolean     at_least,
             guint64     *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && (at_least || n < n_digits) && n < 10)
    {
      *value = *value * 10 + (guint64) (**p - '0');
      (*p)++;
      n++;
    }

  return at_least ? n >= n_digits : n == n_digits;
}

/**
 * xa_hazard_number_parse:
 * @number: a hazard number
 * @school_year: (out) (optional): the school year's start year
 * @school_code: (out) (optional) (transfer full): the school's identifier
 * @sequence: (out) (optional): the sequence number
 *
 * Accepts only what xa_hazard_number_format() writes: two consecutive years, ten digits,
 * and a sequence of at least four digits without extra leading zeros, so that one hazard
 * has one number and a search for it finds it.
 *
 * Returns: %TRUE for a hazard number; else %XA_HAZARD_ERROR_NUMBER
 */
gboolean
xa_hazard_number_parse (const char  *number,
                        int         *school_year,
                        char       **school_code,
                        guint       *sequence,
                        GError     **error)
{
  const char *p = number;
  const char *code_start;
  const char *sequence_start;
  guint64 first, second, code, seq;

  if (number == NULL || !g_utf8_validate (number, -1, NULL))
    goto invalid;

  if (!read_digits (&p, 4, FALSE, &first) || *p++ != '-' ||
      !read_digits (&p, 4, FALSE, &second) || *p++ != '-')
    goto invalid;

  code_start = p;
  if (!read_digits (&p, 10, FALSE, &code) || *p++ != '-')
    goto invalid;

  sequence_start = p;
  if (!read_digits (&p, 4, TRUE, &seq) || *p != '\0')
    goto invalid;

  if (first < MIN_YEAR || first > MAX_YEAR || second != first + 1)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   _("Hazard number “%s”: the school year must be two consecutive years such as 2021-2022"),
                   number);
      return FALSE;
    }

  /* 0001 is the first; 00001 would be the same hazard under a second number. */
  if (seq < 1 || seq > MAX_SEQUENCE || (strlen (sequence_start) > 4 && sequence_start[0] == '0'))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
                   _("Hazard number “%s”: the sequence number must be between 0001 and %u"),
                   number, MAX_SEQUENCE);
      return FALSE;
    }

  if (school_year != NULL)
    *school_year = (int) first;
  if (school_code != NULL)
    *school_code = g_strndup (code_start, 10);
  if (sequence != NULL)
    *sequence = (guint) seq;
  return TRUE;

invalid:
  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER,
               _("“%s” is not a hazard number (it is written like 2021-2022-5001040001-0001)"),
               number != NULL && g_utf8_validate (number, -1, NULL) ? number : "");
  return FALSE;
}
