/* test-hazard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XaHazard without the store: the hazard number written and read, the columns' rules
 * with the column each refusal names, 逾期 on a given day, default deadlines by grade,
 * properties and their notifications, and the JSON round trip.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "hazard-test-utils.h"
#include "core/util/xa-json.h"

static void
test_number (void)
{
  static const char * const bad[] = {
    "", "2021-2022", "2021-2023-2150000113-0001", "2021-2021-2150000113-0001",
    "1980-1981-2150000113-0001", "2021-2022-215000011-0001", "2021-2022-21500001134-0001",
    "2021-2022-2150000113-001", "2021-2022-2150000113-0000", "2021-2022-2150000113-00001",
    "2021—2022-2150000113-0001", "2021-2022-2150000113-0001 ", " 2021-2022-2150000113-0001",
    "2021-2022-21500O0113-0001", "2021-2022-2150000113-1000000", "2021-2022-2150000113-０００１",
    "21-22-2150000113-0001", "2021-2022-2150000113-0001-0001",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *big = NULL;
  g_autofree char *code = NULL;
  int year = 0;
  guint sequence = 0;

  number = xa_hazard_number_format (2021, "2150000113", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, "2021-2022-2150000113-0001");
  g_assert_true (xa_hazard_number_parse (number, &year, &code, &sequence, &error));
  g_assert_no_error (error);
  g_assert_cmpint (year, ==, 2021);
  g_assert_cmpstr (code, ==, "2150000113");
  g_assert_cmpuint (sequence, ==, 1);

  /* Past 9999 the sequence simply grows a digit, and reads back. */
  big = xa_hazard_number_format (2030, "5001040001", 12345, &error);
  g_assert_cmpstr (big, ==, "2030-2031-5001040001-12345");
  g_assert_true (xa_hazard_number_parse (big, &year, NULL, &sequence, &error));
  g_assert_cmpint (year, ==, 2030);
  g_assert_cmpuint (sequence, ==, 12345);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("refused: “%s”", bad[i]);
      g_assert_false (xa_hazard_number_parse (bad[i], NULL, NULL, NULL, &error));
      g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER);
      g_clear_error (&error);
    }

  g_assert_false (xa_hazard_number_parse ("2021-2023-2150000113-0001", NULL, NULL, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "Hazard number “2021-2023-2150000113-0001”: the school year must be two "
                   "consecutive years such as 2021-2022");
  g_clear_error (&error);

  g_assert_null (xa_hazard_number_format (2021, "215000011", 1, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER);
  g_clear_error (&error);
  g_assert_null (xa_hazard_number_format (2021, "215000011x", 1, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER);
  g_clear_error (&error);
  g_assert_null (xa_hazard_number_format (2021, "2150000113", 0, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER);
  g_clear_error (&error);
  g_assert_null (xa_hazard_number_format (1989, "2150000113", 1, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NUMBER);
}

/* Sets @field to @value on a valid hazard and expects @code naming @bad_field. */
static void
assert_refused (XaHazardField  field,
                const char    *value,
                int            code,
                XaHazardField  bad_field,
                const char    *message)
{
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(GError) error = NULL;
  XaHazardField found = XA_HAZARD_FIELD_NONE;

  xa_hazard_set_text (hazard, field, value);
  g_assert_false (xa_hazard_validate (hazard, &found, &error));
  g_assert_error (error, XA_HAZARD_ERROR, code);
  g_test_message ("%s = “%s”: %s", xa_hazard_field_to_key (field), value, error->message);
  g_assert_cmpint (found, ==, bad_field);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate (void)
{
  static const XaHazardField required[] = {
    XA_HAZARD_FIELD_UUID, XA_HAZARD_FIELD_SCHOOL_UUID, XA_HAZARD_FIELD_FOUND_ON,
    XA_HAZARD_FIELD_FOUND_BY, XA_HAZARD_FIELD_PLACE, XA_HAZARD_FIELD_DESCRIPTION,
    XA_HAZARD_FIELD_MEASURES, XA_HAZARD_FIELD_DEPARTMENT, XA_HAZARD_FIELD_RESPONSIBLE,
    XA_HAZARD_FIELD_DEADLINE,
  };
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_place = NULL;
  XaHazardField bad = XA_HAZARD_FIELD_PLACE;

  g_assert_true (xa_hazard_validate (hazard, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    assert_refused (required[i], "  ", XA_HAZARD_ERROR_INVALID, required[i], NULL);
  assert_refused (XA_HAZARD_FIELD_PLACE, NULL, XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_PLACE,
                  "Place must not be empty");

  /* Optional columns may stay empty. */
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, NULL);
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  long_place = g_strnfill (101, 'x');
  assert_refused (XA_HAZARD_FIELD_PLACE, long_place, XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_PLACE,
                  "Place is too long: at most 100 characters (now 101)");
  assert_refused (XA_HAZARD_FIELD_PLACE, "教学楼\n三楼", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_PLACE, NULL);
  /* A description may run over lines. */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "门锁损坏\n电线裸露");
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  assert_refused (XA_HAZARD_FIELD_FOUND_ON, "2021-13-01", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_FOUND_ON,
                  "Found on: “2021-13-01” is not a date (write it like 2021-09-01)");
  assert_refused (XA_HAZARD_FIELD_CLOSED_ON, "2021-9-1", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_CLOSED_ON, NULL);

  assert_refused (XA_HAZARD_FIELD_FUNDS, "12.345", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_FUNDS,
                  "Funds (yuan) must be an amount in yuan such as 1200 or 1200.50");
  assert_refused (XA_HAZARD_FIELD_FUNDS, "-5", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_FUNDS, NULL);
  assert_refused (XA_HAZARD_FIELD_FUNDS, "1,200", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_FUNDS, NULL);
  assert_refused (XA_HAZARD_FIELD_FUNDS, "12.", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_FUNDS, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS, "1200.5");
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  assert_refused (XA_HAZARD_FIELD_NUMBER, "2022-2023-2150000113-0007", XA_HAZARD_ERROR_NUMBER,
                  XA_HAZARD_FIELD_NUMBER,
                  "Hazard number “2022-2023-2150000113-0007” belongs to the school year 2022—2023, "
                  "but the hazard is recorded in 2021—2022");
  assert_refused (XA_HAZARD_FIELD_NUMBER, "7", XA_HAZARD_ERROR_NUMBER, XA_HAZARD_FIELD_NUMBER, NULL);

  /* Dates in the loop's order: found ≤ completed ≤ re-inspected ≤ closed. */
  assert_refused (XA_HAZARD_FIELD_DEADLINE, "2021-09-02", XA_HAZARD_ERROR_INVALID, XA_HAZARD_FIELD_DEADLINE,
                  "Deadline (2021-09-02) must not be earlier than Found on (2021-09-03)");
  assert_refused (XA_HAZARD_FIELD_COMPLETED_ON, "2021-09-01", XA_HAZARD_ERROR_INVALID,
                  XA_HAZARD_FIELD_COMPLETED_ON,
                  "Completed on (2021-09-01) must not be earlier than Found on (2021-09-03)");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_COMPLETED_ON, "2021-09-06");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REINSPECTED_ON, "2021-09-05");
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_REINSPECTED_ON);
  g_clear_error (&error);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REINSPECTED_ON, "2021-09-06");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_CLOSED_ON, "2021-09-04");
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_CLOSED_ON);
  g_clear_error (&error);

  /* A closing date on a hazard that is not closed. */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_CLOSED_ON, "2021-09-07");
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_CLOSED_ON);
  g_assert_cmpstr (error->message, ==, "Closed on is given but the hazard is not closed");
  g_clear_error (&error);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_CLOSED_ON, NULL);
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  /* The responsible person as the re-inspector, spaces or not. */
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REINSPECTOR, " " TEST_RESPONSIBLE " ");
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_SAME_PERSON);
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_REINSPECTOR);
  g_assert_cmpstr (error->message, ==, "李主任 is responsible for the rectification and cannot also re-inspect it");
  g_clear_error (&error);

  xa_hazard_set_school_year (hazard, 1900);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REINSPECTOR, "王校长");
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_SCHOOL_YEAR);
  g_clear_error (&error);
  xa_hazard_set_school_year (hazard, 2021);

  xa_hazard_set_grade (hazard, 7);
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_GRADE);
  g_assert_cmpstr (error->message, ==, "Grade has an unknown value");
}

/* A hazard validated once has each column checked again only when it was set since:
 * a column set to a value that breaks its rules after a validation is refused, in the
 * hazard and in a copy of it, and the same value set back is accepted. */
static void
test_validate_again (void)
{
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(XaHazard) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = g_strdup (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE));
  XaHazardField bad = XA_HAZARD_FIELD_NONE;

  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼\n三楼");
  g_assert_false (xa_hazard_validate (hazard, &bad, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_PLACE);
  g_clear_error (&error);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  copy = xa_hazard_copy (hazard);
  xa_hazard_set_text (copy, XA_HAZARD_FIELD_FOUND_ON, "2021-13-01");
  g_assert_false (xa_hazard_validate (copy, &bad, &error));
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_FOUND_ON);
  g_clear_error (&error);
  g_assert_true (xa_hazard_validate (hazard, NULL, NULL));

  /* Through the property, as a form sets it. */
  g_object_set (hazard, "funds", "12.345", NULL);
  g_assert_false (xa_hazard_validate (hazard, &bad, NULL));
  g_assert_cmpint (bad, ==, XA_HAZARD_FIELD_FUNDS);
}

static void
test_overdue (void)
{
  static const XaHazardStep loop[] = {
    XA_HAZARD_STEP_START, XA_HAZARD_STEP_COMPLETE, XA_HAZARD_STEP_FAIL,
    XA_HAZARD_STEP_COMPLETE, XA_HAZARD_STEP_PASS, XA_HAZARD_STEP_CLOSE,
  };
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  GDate before, on, after, much_later;

  g_date_set_dmy (&before, 9, G_DATE_SEPTEMBER, 2021);
  g_date_set_dmy (&on, 10, G_DATE_SEPTEMBER, 2021);
  g_date_set_dmy (&after, 11, G_DATE_SEPTEMBER, 2021);
  g_date_set_dmy (&much_later, 1, G_DATE_MARCH, 2023);

  /* Overdue in every state but 已销号, from the day after the deadline. */
  for (guint i = 0; i < G_N_ELEMENTS (loop); i++)
    {
      g_test_message ("state %s", xa_hazard_state_to_key (xa_hazard_get_state (hazard)));
      g_assert_false (xa_hazard_is_overdue (hazard, &before));
      g_assert_false (xa_hazard_is_overdue (hazard, &on));
      g_assert_true (xa_hazard_is_overdue (hazard, &after));
      g_assert_true (xa_hazard_is_overdue (hazard, &much_later));
      test_hazard_step (hazard, loop[i], loop[i] >= XA_HAZARD_STEP_PASS ? "王校长" : "赵师傅",
                        loop[i] == XA_HAZARD_STEP_START ? NULL : "2021-09-12",
                        loop[i] == XA_HAZARD_STEP_FAIL ? "门锁仍未更换" : NULL);
    }

  g_assert_cmpint (xa_hazard_get_state (hazard), ==, XA_HAZARD_STATE_CLOSED);
  g_assert_false (xa_hazard_is_overdue (hazard, &after));
  g_assert_false (xa_hazard_is_overdue (hazard, &much_later));

  /* Without a deadline nothing is overdue. */
  {
    g_autoptr(XaHazard) open = test_hazard_new (XA_HAZARD_GRADE_GENERAL);

    xa_hazard_set_text (open, XA_HAZARD_FIELD_DEADLINE, NULL);
    g_assert_false (xa_hazard_is_overdue (open, &much_later));
  }
}

static void
test_deadlines (void)
{
  XaHazardSettings settings;
  g_autoptr(GError) error = NULL;
  g_autofree char *general = NULL;
  g_autofree char *major = NULL;
  g_autofree char *same_day = NULL;
  g_autofree char *next_year = NULL;
  g_autofree char *changed = NULL;

  xa_hazard_settings_init (&settings);
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_GENERAL], ==, 7);
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, 30);

  general = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, "2021-09-03");
  g_assert_cmpstr (general, ==, "2021-09-10");
  major = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_MAJOR, "2021-09-03");
  g_assert_cmpstr (major, ==, "2021-10-03");
  next_year = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, "2021-12-28");
  g_assert_cmpstr (next_year, ==, "2022-01-04");
  g_assert_null (xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, "2021-9-3"));

  g_assert_true (xa_hazard_settings_set_days (&settings, XA_HAZARD_GRADE_GENERAL, 0, &error));
  g_assert_no_error (error);
  same_day = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_GENERAL, "2021-09-03");
  g_assert_cmpstr (same_day, ==, "2021-09-03");

  g_assert_true (xa_hazard_settings_set_days (&settings, XA_HAZARD_GRADE_MAJOR, 366, &error));
  changed = xa_hazard_settings_dup_deadline (&settings, XA_HAZARD_GRADE_MAJOR, "2021-09-03");
  g_assert_cmpstr (changed, ==, "2022-09-04");

  g_assert_false (xa_hazard_settings_set_days (&settings, XA_HAZARD_GRADE_MAJOR, 367, &error));
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The default deadline of a “Major” hazard must be at most 366 days after it is found");
  g_assert_cmpuint (settings.deadline_days[XA_HAZARD_GRADE_MAJOR], ==, 366);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The notifications of one g_object_set() come in no promised order. */
static char *
dup_sorted (GString *log)
{
  g_auto(GStrv) names = g_strsplit (log->str, ";", -1);

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  return g_strjoinv (";", names);
}

static void
test_properties (void)
{
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
  g_autoptr(GString) log = g_string_new ("");
  g_autofree char *place = NULL;
  g_autofree char *sorted = NULL;
  int grade = -1;
  gboolean supervised = FALSE;

  g_signal_connect (hazard, "notify", G_CALLBACK (count_notify), log);

  g_object_set (hazard, "place", "食堂后门", "grade", XA_HAZARD_GRADE_MAJOR, "supervised", TRUE, NULL);
  g_object_get (hazard, "place", &place, "grade", &grade, "supervised", &supervised, NULL);
  g_assert_cmpstr (place, ==, "食堂后门");
  g_assert_cmpint (grade, ==, XA_HAZARD_GRADE_MAJOR);
  g_assert_true (supervised);
  sorted = dup_sorted (log);
  g_assert_cmpstr (sorted, ==, ";grade;place;supervised");

  /* The same values again change nothing and say nothing. */
  g_string_truncate (log, 0);
  g_object_set (hazard, "place", "食堂后门", "grade", XA_HAZARD_GRADE_MAJOR, "supervised", TRUE, NULL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REMARKS, "");
  g_assert_cmpstr (log->str, ==, "");

  /* A step notifies what it changed, once each. */
  test_hazard_set_major_requirements (hazard);
  g_string_truncate (log, 0);
  test_hazard_step (hazard, XA_HAZARD_STEP_START, "赵师傅", NULL, NULL);
  g_assert_cmpstr (log->str, ==, "state;");

  /* The state is read-only. */
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (hazard), "state")->flags & G_PARAM_WRITABLE);
  g_assert_cmpstr (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_REMARKS), ==, "");
}

static void
test_names (void)
{
  for (XaHazardState state = 0; state < XA_N_HAZARD_STATES; state++)
    {
      XaHazardState back = XA_N_HAZARD_STATES;

      g_assert_true (xa_hazard_state_from_key (xa_hazard_state_to_key (state), &back));
      g_assert_cmpint (back, ==, state);
      g_assert_cmpstr (xa_hazard_state_to_label (state), !=, "");
    }
  for (XaHazardStep step = 0; step < XA_N_HAZARD_STEPS; step++)
    {
      XaHazardStep back = XA_N_HAZARD_STEPS;

      g_assert_true (xa_hazard_step_from_key (xa_hazard_step_to_key (step), &back));
      g_assert_cmpint (back, ==, step);
    }
  for (XaHazardCategory category = 0; category < XA_N_HAZARD_CATEGORIES; category++)
    {
      XaHazardCategory back = XA_N_HAZARD_CATEGORIES;

      g_assert_true (xa_hazard_category_from_key (xa_hazard_category_to_key (category), &back));
      g_assert_cmpint (back, ==, category);
    }
  for (XaHazardField field = 0; field < XA_HAZARD_FIELD_NONE; field++)
    g_assert_cmpstr (xa_hazard_field_to_label (field), !=, "");

  g_assert_cmpstr (xa_hazard_grade_to_key (XA_HAZARD_GRADE_MAJOR), ==, "major");
  g_assert_cmpstr (xa_hazard_grade_to_label (XA_HAZARD_GRADE_GENERAL), ==, "General");
  g_assert_cmpstr (xa_inspection_type_to_key (XA_INSPECTION_SUPERVISION), ==, "supervision");
  g_assert_false (xa_hazard_grade_from_key ("重大", &(XaHazardGrade) { 0 }));
  g_assert_false (xa_hazard_state_from_key (NULL, &(XaHazardState) { 0 }));
}

static XaHazard *
from_json_string (const char  *json,
                  GError     **error)
{
  g_autoptr(JsonNode) node = xa_json_parse (json, -1, error);

  if (node == NULL)
    return NULL;
  return xa_hazard_new_from_json (json_node_get_object (node), error);
}

static void
assert_json_refused (const char *json,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = from_json_string (json, &error);

  g_assert_null (hazard);
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_json (void)
{
  g_autoptr(XaHazard) hazard = test_hazard_new (XA_HAZARD_GRADE_MAJOR);
  g_autoptr(XaHazard) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(JsonObject) object = NULL;
  const XaHazardEntry *entry;

  test_hazard_set_major_requirements (hazard);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS, "3500.00");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS_SOURCE, "公用经费");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REMARKS, "“引号” and \\ backslash\n第二行");
  xa_hazard_set_inspection_type (hazard, XA_INSPECTION_SUPERVISION);
  test_hazard_step (hazard, XA_HAZARD_STEP_START, "赵师傅", "2021-09-04", NULL);
  test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-09-08", "已更换门锁");
  test_hazard_step (hazard, XA_HAZARD_STEP_FAIL, "王校长", "2021-09-09", "电线仍裸露");
  test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, "赵师傅", "2021-09-10", "已包扎电线");
  test_hazard_step (hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-09-11", NULL);
  test_hazard_step (hazard, XA_HAZARD_STEP_CLOSE, "刘校长", "2021-09-12", NULL);

  json = test_hazard_dup_json (hazard);
  back = from_json_string (json, &error);
  g_assert_no_error (error);
  again = test_hazard_dup_json (back);
  g_assert_cmpstr (again, ==, json);

  /* The object read back is the same hazard, column by column. */
  g_assert_true (xa_hazard_validate (back, NULL, &error));
  g_assert_no_error (error);
  for (XaHazardField field = 0; field < XA_N_HAZARD_TEXT_FIELDS; field++)
    g_assert_cmpstr (xa_hazard_get_text (back, field), ==, xa_hazard_get_text (hazard, field));
  g_assert_cmpint (xa_hazard_get_state (back), ==, XA_HAZARD_STATE_CLOSED);
  g_assert_cmpint (xa_hazard_get_grade (back), ==, XA_HAZARD_GRADE_MAJOR);
  g_assert_cmpint (xa_hazard_get_category (back), ==, XA_HAZARD_CATEGORY_ELECTRICITY);
  g_assert_cmpint (xa_hazard_get_inspection_type (back), ==, XA_INSPECTION_SUPERVISION);
  g_assert_cmpint (xa_hazard_get_school_year (back), ==, 2021);
  g_assert_true (xa_hazard_get_reported (back) && xa_hazard_get_supervised (back));
  g_assert_cmpint (xa_hazard_get_reinspection_result (back), ==, XA_REINSPECTION_PASSED);
  g_assert_cmpuint (xa_hazard_get_n_entries (back), ==, 6);
  entry = xa_hazard_get_entry (back, 2);
  g_assert_cmpint (entry->step, ==, XA_HAZARD_STEP_FAIL);
  g_assert_cmpint (entry->from, ==, XA_HAZARD_STATE_REINSPECTING);
  g_assert_cmpint (entry->to, ==, XA_HAZARD_STATE_RECTIFYING);
  g_assert_cmpstr (entry->who, ==, "王校长");
  g_assert_cmpstr (entry->date, ==, "2021-09-09");
  g_assert_cmpstr (entry->note, ==, "电线仍裸露");
  g_assert_cmpstr (entry->at, ==, "2021-09-20T09:30:00+08:00");
  g_assert_null (xa_hazard_get_entry (back, 5)->note);

  /* Keys, not labels; an empty column is null. */
  object = xa_hazard_to_json (hazard);
  g_assert_cmpstr (json_object_get_string_member (object, "grade"), ==, "major");
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (object, "found_on"), ==, TEST_FOUND_ON);
  g_assert_true (json_object_get_null_member (object, "reinspector") == FALSE);
  g_clear_object (&back);
  {
    g_autoptr(XaHazard) fresh = test_hazard_new (XA_HAZARD_GRADE_GENERAL);
    g_autoptr(JsonObject) fresh_object = xa_hazard_to_json (fresh);

    g_assert_true (json_object_get_null_member (fresh_object, "remarks"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fresh_object, "history")), ==, 0);
  }

  /* A draft may be incomplete; what it holds must still be of the right kind. */
  back = from_json_string ("{\"place\": \"门卫室\", \"history\": null}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_hazard_get_text (back, XA_HAZARD_FIELD_PLACE), ==, "门卫室");
  g_assert_cmpint (xa_hazard_get_state (back), ==, XA_HAZARD_STATE_PENDING);

  assert_json_refused ("{\"photo\": \"a.jpg\"}", "Hazard: unknown field “photo”");
  assert_json_refused ("{\"place\": 3}", "Place must be text");
  assert_json_refused ("{\"grade\": \"重大\"}", "Grade: unknown value “重大”");
  assert_json_refused ("{\"grade\": 1}", "Grade: unknown value “”");
  assert_json_refused ("{\"state\": \"done\"}", "Status: unknown value “done”");
  assert_json_refused ("{\"school_year\": \"2021\"}", "School year must be a whole number");
  assert_json_refused ("{\"reported\": \"yes\"}", "Reported to the commission must be true or false");
  assert_json_refused ("{\"history\": {}}", "History entry 1 is not a step of the hazard’s rectification");
  assert_json_refused ("{\"history\": [{\"step\": \"start\", \"from\": \"pending\", \"to\": \"rectifying\","
                       " \"who\": \"赵师傅\", \"at\": \"2021-09-04T08:00:00+08:00\"},"
                       " {\"step\": \"jump\", \"from\": \"pending\", \"to\": \"closed\", \"who\": \"x\", \"at\": \"y\"}]}",
                       "History entry 2 is not a step of the hazard’s rectification");
  assert_json_refused ("{\"history\": [{\"step\": \"start\", \"from\": \"pending\", \"to\": \"rectifying\","
                       " \"at\": \"2021-09-04T08:00:00+08:00\"}]}",
                       "History entry 1 is not a step of the hazard’s rectification");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/hazard/number", test_number);
  g_test_add_func ("/xiaoan/hazard/validate", test_validate);
  g_test_add_func ("/xiaoan/hazard/validate-again", test_validate_again);
  g_test_add_func ("/xiaoan/hazard/overdue", test_overdue);
  g_test_add_func ("/xiaoan/hazard/deadlines", test_deadlines);
  g_test_add_func ("/xiaoan/hazard/properties", test_properties);
  g_test_add_func ("/xiaoan/hazard/names", test_names);
  g_test_add_func ("/xiaoan/hazard/json", test_json);

  return g_test_run ();
}
