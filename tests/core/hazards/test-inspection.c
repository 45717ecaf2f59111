/* test-inspection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Inspections without a store: the shipped checklists (the eleven areas, read as
 * written, a refused file naming what is wrong), an inspection's rules, the hazard an
 * abnormal item makes, inspection numbers, the school calendar and the plan made from
 * it (which slots, which days, which inspections count for which), and the catalogue of
 * the agreement's fifteen campaigns.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/hazards/xa-campaign.h"
#include "core/hazards/xa-campaign-record.h"
#include "core/hazards/xa-checklist.h"
#include "core/hazards/xa-inspection.h"
#include "core/hazards/xa-inspection-plan.h"
#include "core/util/xa-glib-compat.h"
#include "core/util/xa-json.h"

#define SCHOOL_UUID "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1"

static XaChecklist *
default_checklist (const char *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = xa_checklist_dup_defaults (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < checklists->len; i++)
    {
      XaChecklist *checklist = g_ptr_array_index (checklists, i);

      if (g_str_equal (xa_checklist_get_area (checklist), area))
        return g_object_ref (checklist);
    }

  g_error ("No default checklist %s", area);
}

/* An inspection every rule accepts: the fire checklist, on a school day of 2021-2022. */
static XaInspection *
new_inspection (void)
{
  g_autoptr(XaChecklist) fire = default_checklist ("fire");
  XaInspection *inspection = xa_inspection_new ();

  xa_inspection_set_school_uuid (inspection, SCHOOL_UUID);
  xa_inspection_set_school_year (inspection, 2021);
  xa_inspection_set_inspection_type (inspection, XA_INSPECTION_MONTHLY);
  xa_inspection_set_inspected_on (inspection, "2021-10-26");
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_set_inspectors (inspection, "张老师、李师傅");
  xa_inspection_add_checklist (inspection, fire);
  return inspection;
}

static void
test_checklist_defaults (void)
{
  static const char * const names[] = {
    "校舍", "消防", "用电", "燃气", "食堂", "宿舍", "实验室", "体育器材", "围墙校门", "监控报警", "周边",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checklists = xa_checklist_dup_defaults (&error);
  g_autoptr(XaChecklist) canteen = NULL;
  g_autoptr(XaChecklist) dormitory = NULL;
  gboolean found_sample = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < checklists->len; i++)
    {
      XaChecklist *checklist = g_ptr_array_index (checklists, i);

      g_assert_cmpstr (xa_checklist_get_name (checklist), ==, names[i]);
      g_assert_true (xa_checklist_validate (checklist, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (xa_checklist_get_n_items (checklist), >=, 5);

      /* Each line is a school's checklist's line: Chinese, no placeholder text. */
      for (guint j = 0; j < xa_checklist_get_n_items (checklist); j++)
        {
          const char *text = xa_checklist_get_item_text (checklist, j);

          g_assert_false (g_str_is_ascii (text));
          g_assert_null (strstr (text, "lorem"));
          g_assert_null (strstr (text, "TODO"));
          if (strstr (text, "125克") != NULL)
            found_sample = TRUE;
        }
    }

  /* 食堂's food-sample rule, and the categories the lines carry. */
  g_assert_true (found_sample);
  canteen = default_checklist ("canteen");
  g_assert_cmpint (xa_checklist_get_category (canteen), ==, XA_HAZARD_CATEGORY_FOOD);
  g_assert_cmpstr (xa_checklist_get_place (canteen), ==, "食堂");
  dormitory = default_checklist ("dormitory");
  for (guint j = 0; j < xa_checklist_get_n_items (dormitory); j++)
    {
      if (strstr (xa_checklist_get_item_text (dormitory, j), "违规电器") != NULL)
        g_assert_cmpint (xa_checklist_get_item_category (dormitory, j), ==, XA_HAZARD_CATEGORY_ELECTRICITY);
    }
}

static void
test_checklist_json (void)
{
  g_autoptr(XaChecklist) fire = default_checklist ("fire");
  g_autoptr(JsonNode) node = xa_checklist_to_json (fire);
  g_autoptr(XaChecklist) back = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *json;
    const char *named;
  } refused[] = {
    { "{\"name\": \"消防\", \"items\": [{\"text\": \"灭火器\"}]}", "area" },
    { "{\"area\": \"fire\", \"items\": [{\"text\": \"灭火器\"}]}", "name" },
    { "{\"area\": \"fire\", \"name\": \"消防\"}", "items" },
    { "{\"area\": \"fire\", \"name\": \"消防\", \"items\": [{\"text\": 7}]}", "item 1" },
    { "{\"area\": \"fire\", \"name\": \"消防\", \"category\": \"volcano\", \"items\": [{\"text\": \"a\"}]}", "category" },
    { "{\"area\": \"Fire!\", \"name\": \"消防\", \"items\": [{\"text\": \"灭火器\"}]}", "Fire!" },
    { "{\"area\": \"fire\", \"name\": \"消防\", \"items\": []}", "消防" },
    { "{\"area\": \"fire\", \"name\": \"消防\", \"items\": [{\"text\": \"  \"}]}", "item 1" },
  };

  back = xa_checklist_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xa_checklist_get_n_items (back), ==, xa_checklist_get_n_items (fire));
  again = xa_checklist_to_json (back);
  g_assert_true (json_node_equal (node, again));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(JsonNode) bad = xa_json_parse (refused[i].json, -1, &error);

      g_assert_no_error (error);
      g_assert_null (xa_checklist_from_json (bad, &error));
      g_assert_error (error, XA_CHECKLIST_ERROR, XA_CHECKLIST_ERROR_INVALID);
      g_test_message ("%s: %s", refused[i].json, error->message);
      g_assert_nonnull (strstr (error->message, refused[i].named));
      g_clear_error (&error);
    }
}

static void
assert_refused (XaInspection      *inspection,
                XaInspectionField  field,
                guint              item,
                const char        *named)
{
  g_autoptr(GError) error = NULL;
  XaInspectionField bad_field = XA_INSPECTION_FIELD_NONE;
  guint bad_item = G_MAXUINT;

  g_assert_false (xa_inspection_validate (inspection, &bad_field, &bad_item, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpint (bad_field, ==, field);
  if (field == XA_INSPECTION_FIELD_ITEMS)
    g_assert_cmpuint (bad_item, ==, item);
  if (named != NULL)
    g_assert_nonnull (strstr (error->message, named));
}

static void
test_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaInspection) inspection = new_inspection ();
  XaInspectionItem *third;

  g_assert_true (xa_inspection_validate (inspection, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xa_inspection_count_abnormal (inspection), ==, 0);

  /* An abnormal item says what was found. */
  third = xa_inspection_get_item (inspection, 2);
  xa_inspection_item_set_result (third, XA_INSPECTION_RESULT_ABNORMAL);
  assert_refused (inspection, XA_INSPECTION_FIELD_ITEMS, 2, "3");
  xa_inspection_item_set_note (third, "二楼东侧安全出口堆放课桌椅");
  g_assert_true (xa_inspection_validate (inspection, NULL, NULL, &error));
  g_assert_cmpuint (xa_inspection_count_abnormal (inspection), ==, 1);
  g_assert_cmpuint (xa_inspection_count_unrecorded (inspection), ==, 1);

  /* A leader, a date inside the school year, a type that is an inspection. */
  xa_inspection_set_leader (inspection, "  ");
  assert_refused (inspection, XA_INSPECTION_FIELD_LEADER, 0, NULL);
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_set_inspected_on (inspection, "2022-09-01");
  assert_refused (inspection, XA_INSPECTION_FIELD_DATE, 0, "2022-09-01");
  xa_inspection_set_inspected_on (inspection, "2021-08-17");
  assert_refused (inspection, XA_INSPECTION_FIELD_DATE, 0, "2021-08-17");
  /* The two weeks before term are the coming year's. */
  xa_inspection_set_inspected_on (inspection, "2021-08-18");
  g_assert_true (xa_inspection_validate (inspection, NULL, NULL, &error));
  g_assert_no_error (error);
  xa_inspection_set_inspected_on (inspection, "2021-02-30");
  assert_refused (inspection, XA_INSPECTION_FIELD_DATE, 0, "2021-02-30");
  xa_inspection_set_inspected_on (inspection, "2021-10-26");
  xa_inspection_set_inspection_type (inspection, XA_INSPECTION_REPORT);
  assert_refused (inspection, XA_INSPECTION_FIELD_TYPE, 0, NULL);
  xa_inspection_set_inspection_type (inspection, XA_INSPECTION_QUARTERLY);
  g_assert_true (xa_inspection_validate (inspection, NULL, NULL, &error));
  g_assert_no_error (error);

  /* No items at all. */
  while (xa_inspection_get_n_items (inspection) > 0)
    g_assert_true (xa_inspection_remove_item (inspection, 0, &error));
  assert_refused (inspection, XA_INSPECTION_FIELD_ITEMS, 0, NULL);
}

static void
test_new_hazard (void)
{
  g_autoptr(XaInspection) inspection = new_inspection ();
  g_autoptr(XaChecklist) canteen = default_checklist ("canteen");
  g_autoptr(XaHazard) from_fire = NULL;
  g_autoptr(XaHazard) from_canteen = NULL;
  g_autoptr(GError) error = NULL;
  XaInspectionItem *item;
  guint first_canteen;

  item = xa_inspection_get_item (inspection, 0);
  xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
  xa_inspection_item_set_note (item, "一楼走廊2具灭火器压力不足");
  from_fire = xa_inspection_new_hazard (inspection, 0);

  g_assert_cmpstr (xa_hazard_get_text (from_fire, XA_HAZARD_FIELD_SCHOOL_UUID), ==, SCHOOL_UUID);
  g_assert_cmpint (xa_hazard_get_school_year (from_fire), ==, 2021);
  g_assert_cmpint (xa_hazard_get_inspection_type (from_fire), ==, XA_INSPECTION_MONTHLY);
  g_assert_cmpstr (xa_hazard_get_text (from_fire, XA_HAZARD_FIELD_FOUND_ON), ==, "2021-10-26");
  g_assert_cmpstr (xa_hazard_get_text (from_fire, XA_HAZARD_FIELD_FOUND_BY), ==, "王副校长、张老师、李师傅");
  g_assert_cmpint (xa_hazard_get_category (from_fire), ==, XA_HAZARD_CATEGORY_FIRE);
  g_assert_cmpstr (xa_hazard_get_text (from_fire, XA_HAZARD_FIELD_DESCRIPTION), ==, "一楼走廊2具灭火器压力不足");
  g_assert_cmpint (xa_hazard_get_grade (from_fire), ==, XA_HAZARD_GRADE_GENERAL);
  g_assert_cmpstr (xa_hazard_get_text (from_fire, XA_HAZARD_FIELD_DEADLINE), ==, "2021-11-02");
  /* 消防 is everywhere: the place is the user's to give. */
  g_assert_cmpstr (xa_hazard_get_text (from_fire, XA_HAZARD_FIELD_PLACE), ==, "");

  /* A canteen line: the canteen's place, the line's own category, the line itself as the
   * description when no problem was written. */
  first_canteen = xa_inspection_get_n_items (inspection);
  xa_inspection_add_checklist (inspection, canteen);
  from_canteen = xa_inspection_new_hazard (inspection, first_canteen + 1);
  g_assert_cmpstr (xa_hazard_get_text (from_canteen, XA_HAZARD_FIELD_PLACE), ==, "食堂");
  g_assert_cmpint (xa_hazard_get_category (from_canteen), ==, XA_HAZARD_CATEGORY_PEOPLE);
  g_assert_cmpstr (xa_hazard_get_text (from_canteen, XA_HAZARD_FIELD_DESCRIPTION), ==,
                   xa_checklist_get_item_text (canteen, 1));

  /* What the user adds makes it a hazard the ledger takes. */
  xa_hazard_set_text (from_fire, XA_HAZARD_FIELD_PLACE, "教学楼一楼走廊");
  xa_hazard_set_text (from_fire, XA_HAZARD_FIELD_MEASURES, "更换灭火器");
  xa_hazard_set_text (from_fire, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (from_fire, XA_HAZARD_FIELD_RESPONSIBLE, "李主任");
  g_assert_true (xa_hazard_validate (from_fire, NULL, &error));
  g_assert_no_error (error);
}

static void
test_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = xa_inspection_number_format (2021, "2150000113", 7, &error);
  g_autofree char *code = NULL;
  guint sequence = 0;
  int year = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, "2021-2022-2150000113-JC0007");
  g_assert_true (xa_inspection_number_parse (number, &year, &code, &sequence, &error));
  g_assert_cmpint (year, ==, 2021);
  g_assert_cmpstr (code, ==, "2150000113");
  g_assert_cmpuint (sequence, ==, 7);

  g_assert_false (xa_inspection_number_parse ("2021-2022-2150000113-0007", NULL, NULL, NULL, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_NUMBER);
  g_clear_error (&error);
  g_assert_false (xa_inspection_number_parse ("2021-2023-2150000113-JC0001", NULL, NULL, NULL, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_NUMBER);
  g_clear_error (&error);
  g_assert_null (xa_inspection_number_format (2021, "215", 1, &error));
  g_assert_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_NUMBER);
}

static void
test_calendar (void)
{
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_new_default (2021);
  g_autoptr(XaSchoolCalendar) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_school_calendar_validate (calendar, &error));
  g_assert_no_error (error);
  g_assert_true (xa_school_calendar_get_is_default (calendar));
  g_assert_cmpstr (xa_school_calendar_get_semester_start (calendar, 0), ==, "2021-09-01");
  g_assert_cmpstr (xa_school_calendar_get_semester_end (calendar, 1), ==, "2022-07-10");
  g_assert_cmpstr (xa_school_calendar_get_holiday_name (calendar, 0), ==, "国庆节");

  node = xa_school_calendar_to_json (calendar);
  back = xa_school_calendar_from_json (node, 2021, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_school_calendar_get_flood_season_start (back), ==, "2022-05-01");
  g_assert_false (xa_school_calendar_get_is_default (back));

  /* Another year's calendar, a semester outside the year, semesters overlapping. */
  g_assert_null (xa_school_calendar_from_json (node, 2022, &error));
  g_assert_error (error, XA_SCHOOL_CALENDAR_ERROR, XA_SCHOOL_CALENDAR_ERROR_INVALID);
  g_clear_error (&error);
  xa_school_calendar_set_semester (back, 1, "2022-02-20", "2022-09-10");
  g_assert_false (xa_school_calendar_validate (back, &error));
  g_assert_nonnull (strstr (error->message, "2022-09-10"));
  g_clear_error (&error);
  xa_school_calendar_set_semester (back, 1, "2022-01-10", "2022-07-10");
  g_assert_false (xa_school_calendar_validate (back, &error));
  g_assert_nonnull (strstr (error->message, "2022-01-10"));
  g_clear_error (&error);
}

static guint
count_kind (XaInspectionPlan *plan,
            XaPlanSlotKind    kind)
{
  GListModel *slots = xa_inspection_plan_get_slots (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(XaPlanSlot) slot = g_list_model_get_item (slots, i);

      if (xa_plan_slot_get_kind (slot) == kind)
        n++;
    }
  return n;
}

/* The slot of @kind whose days include @date. */
static XaPlanSlot *
slot_on (XaInspectionPlan *plan,
         XaPlanSlotKind    kind,
         const char       *date)
{
  GListModel *slots = xa_inspection_plan_get_slots (plan);

  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(XaPlanSlot) slot = g_list_model_get_item (slots, i);

      if (xa_plan_slot_get_kind (slot) == kind && g_strcmp0 (xa_plan_slot_get_from (slot), date) <= 0 &&
          g_strcmp0 (date, xa_plan_slot_get_to (slot)) <= 0)
        return slot;
    }

  g_error ("No slot of kind %d on %s", kind, date);
}

static void
assert_days (XaPlanSlot *slot,
             const char *from,
             const char *to)
{
  g_assert_cmpstr (xa_plan_slot_get_from (slot), ==, from);
  g_assert_cmpstr (xa_plan_slot_get_to (slot), ==, to);
}

static void
test_plan_slots (void)
{
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_new_default (2021);
  g_autoptr(XaInspectionPlan) plan = xa_inspection_plan_new (calendar);
  GListModel *slots = xa_inspection_plan_get_slots (plan);
  g_autofree char *previous = g_strdup ("");

  /* 2021-09-01 is a Wednesday, 2022-01-20 a Thursday: 21 weeks; 2022-02-20 is a Sunday,
   * so the second semester's first week is the next one: 20 weeks to 2022-07-10. Months
   * with at least half their days taught: September to January, March to June. */
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_WEEKLY), ==, 41);
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_MONTHLY), ==, 9);
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_QUARTERLY), ==, 4);
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_SEMESTER_START), ==, 2);
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_SEMESTER_END), ==, 2);
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_HOLIDAY), ==, 4);
  g_assert_cmpuint (count_kind (plan, XA_PLAN_SLOT_FLOOD_SEASON), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (slots), ==, 63);

  /* In order of their first day; every slot's days are real and in order. */
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(XaPlanSlot) slot = g_list_model_get_item (slots, i);

      g_assert_cmpstr (previous, <=, xa_plan_slot_get_from (slot));
      g_assert_cmpstr (xa_plan_slot_get_from (slot), <=, xa_plan_slot_get_to (slot));
      g_assert_cmpint (xa_plan_slot_get_state (slot), ==, XA_PLAN_SLOT_UPCOMING);
      g_set_str_compat (&previous, xa_plan_slot_get_from (slot));
    }

  assert_days (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-01"), "2021-09-01", "2021-09-05");
  assert_days (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-08"), "2021-09-06", "2021-09-12");
  assert_days (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2022-01-20"), "2022-01-17", "2022-01-20");
  assert_days (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2022-02-21"), "2022-02-21", "2022-02-27");
  g_assert_cmpstr (xa_plan_slot_get_label (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2022-02-21")), ==,
                   "Second semester, week 1");
  assert_days (slot_on (plan, XA_PLAN_SLOT_MONTHLY, "2022-01-05"), "2022-01-01", "2022-01-20");
  assert_days (slot_on (plan, XA_PLAN_SLOT_QUARTERLY, "2022-01-05"), "2021-12-01", "2022-02-28");
  assert_days (slot_on (plan, XA_PLAN_SLOT_SEMESTER_START, "2021-09-01"), "2021-08-18", "2021-09-07");
  assert_days (slot_on (plan, XA_PLAN_SLOT_SEMESTER_END, "2022-01-20"), "2022-01-07", "2022-01-20");
  assert_days (slot_on (plan, XA_PLAN_SLOT_HOLIDAY, "2021-09-30"), "2021-09-24", "2021-09-30");
  g_assert_cmpstr (xa_plan_slot_get_label (slot_on (plan, XA_PLAN_SLOT_HOLIDAY, "2021-09-30")), ==,
                   "Before 国庆节");
  assert_days (slot_on (plan, XA_PLAN_SLOT_FLOOD_SEASON, "2022-04-15"), "2022-04-01", "2022-04-30");
}

static void
test_plan_states (void)
{
  g_autoptr(XaSchoolCalendar) calendar = xa_school_calendar_new_default (2021);
  g_autoptr(XaInspectionPlan) plan = xa_inspection_plan_new (calendar);

  /* A full inspection before term counts for the term's start, its first week, September
   * and the first quarter; a monthly one for its week and month, not its quarter; a
   * 日查 or a 督查 for nothing; a holiday's check only for the holiday. */
  xa_inspection_plan_record (plan, XA_INSPECTION_SEMESTER, "2021-09-01", "u1", "JC0001");
  xa_inspection_plan_record (plan, XA_INSPECTION_MONTHLY, "2021-10-13", "u2", "JC0002");
  xa_inspection_plan_record (plan, XA_INSPECTION_DAILY, "2021-09-08", "u3", "JC0003");
  xa_inspection_plan_record (plan, XA_INSPECTION_SUPERVISION, "2021-09-15", "u4", "JC0004");
  xa_inspection_plan_record (plan, XA_INSPECTION_SEASONAL, "2021-09-28", "u5", "JC0005");
  xa_inspection_plan_record (plan, XA_INSPECTION_WEEKLY, "2021-09-29", "u6", "JC0006");
  xa_inspection_plan_update_states (plan, "2021-10-14");

  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_SEMESTER_START, "2021-09-01")), ==, XA_PLAN_SLOT_DONE);
  g_assert_cmpstr (xa_plan_slot_get_inspection_number (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-01")), ==, "JC0001");
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_MONTHLY, "2021-09-01")), ==, XA_PLAN_SLOT_DONE);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_QUARTERLY, "2021-09-01")), ==, XA_PLAN_SLOT_DONE);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-08")), ==, XA_PLAN_SLOT_MISSED);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-15")), ==, XA_PLAN_SLOT_MISSED);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_HOLIDAY, "2021-09-28")), ==, XA_PLAN_SLOT_DONE);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-28")), ==, XA_PLAN_SLOT_DONE);
  g_assert_cmpstr (xa_plan_slot_get_inspection_number (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-28")), ==, "JC0006");
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-10-13")), ==, XA_PLAN_SLOT_DONE);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_MONTHLY, "2021-10-13")), ==, XA_PLAN_SLOT_DONE);
  /* Weeks of 20 and 27 September, and of 4 October (国庆 holidays too): missed. */
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-09-22")), ==, XA_PLAN_SLOT_MISSED);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-10-06")), ==, XA_PLAN_SLOT_MISSED);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_MONTHLY, "2021-11-02")), ==, XA_PLAN_SLOT_UPCOMING);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_FLOOD_SEASON, "2022-04-02")), ==, XA_PLAN_SLOT_UPCOMING);

  g_assert_cmpuint (xa_inspection_plan_count (plan, XA_PLAN_SLOT_MISSED), ==, 4);
  g_assert_cmpuint (xa_inspection_plan_count (plan, XA_PLAN_SLOT_DONE), ==, 8);
  g_assert_cmpuint (xa_inspection_plan_count (plan, XA_PLAN_SLOT_DUE), ==, 0);

  /* On the day after, a week ends and a new one is due. */
  xa_inspection_plan_update_states (plan, "2021-10-18");
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_WEEKLY, "2021-10-18")), ==, XA_PLAN_SLOT_DUE);
  g_assert_cmpint (xa_plan_slot_get_state (slot_on (plan, XA_PLAN_SLOT_QUARTERLY, "2021-10-18")), ==, XA_PLAN_SLOT_DONE);
}

static void
test_campaign_catalogue (void)
{
  static const char * const names[] = {
    "水陆交通", "汛期地灾", "食品安全", "消防安全", "防溺水", "防震减灾", "防范电信网络诈骗", "防欺凌",
    "反恐防暴", "疫情防控", "反邪教", "管制刀具收缴", "校园周边环境整治", "安全专项整治三年行动", "禁毒防邪",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) catalogue = xa_campaign_dup_catalogue (&error);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *agreement_path = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "agreement-2021-2022.md", NULL);
  g_autofree char *agreement = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (catalogue->len, ==, 15);
  g_assert_true (g_file_get_contents (agreement_path, &agreement, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < catalogue->len; i++)
    {
      XaCampaign *campaign = g_ptr_array_index (catalogue, i);
      g_autofree char *in_list = g_strconcat ("、", names[i], i + 1 < catalogue->len ? "、" : "等", NULL);

      g_assert_cmpstr (xa_campaign_get_name (campaign), ==, names[i]);
      g_assert_cmpuint (xa_campaign_get_position (campaign), ==, i + 1);
      g_assert_cmpstr (xa_campaign_get_description (campaign), !=, "");
      g_assert_true (g_hash_table_add (keys, (gpointer) xa_campaign_get_key (campaign)));
      /* As the agreement's §一(四) lists them. */
      if (i > 0)
        g_assert_nonnull (strstr (agreement, in_list));
    }

  /* 方案、记录、总结: a campaign is complete with all three. */
  g_assert_cmpint (xa_campaign_status_of_parts (0), ==, XA_CAMPAIGN_STATUS_NOT_STARTED);
  g_assert_cmpint (xa_campaign_status_of_parts (XA_CAMPAIGN_PART_PLAN), ==, XA_CAMPAIGN_STATUS_UNDER_WAY);
  g_assert_cmpint (xa_campaign_status_of_parts (XA_CAMPAIGN_PARTS_ALL), ==, XA_CAMPAIGN_STATUS_COMPLETE);
  {
    g_autoptr(XaCampaignRecord) record = xa_campaign_record_new ("c", "s");

    xa_campaign_record_set_plan (record, "　");
    xa_campaign_record_set_summary (record, "总结");
    g_assert_cmpint (xa_campaign_record_get_parts (record), ==, XA_CAMPAIGN_PART_SUMMARY);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Labels and messages are read in English. */
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/inspection/checklist-defaults", test_checklist_defaults);
  g_test_add_func ("/xiaoan/inspection/checklist-json", test_checklist_json);
  g_test_add_func ("/xiaoan/inspection/rules", test_rules);
  g_test_add_func ("/xiaoan/inspection/new-hazard", test_new_hazard);
  g_test_add_func ("/xiaoan/inspection/numbers", test_numbers);
  g_test_add_func ("/xiaoan/inspection/calendar", test_calendar);
  g_test_add_func ("/xiaoan/inspection/plan-slots", test_plan_slots);
  g_test_add_func ("/xiaoan/inspection/plan-states", test_plan_states);
  g_test_add_func ("/xiaoan/inspection/campaign-catalogue", test_campaign_catalogue);

  return g_test_run ();
}
