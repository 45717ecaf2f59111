/* hazard-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hazard every column rule accepts, for the hazard tests to change one thing at a time.
 */

#pragma once

#include "core/hazards/xa-hazard.h"
#include "core/hazards/xa-hazard-json.h"
#include "core/hazards/xa-hazard-workflow.h"

#define TEST_RESPONSIBLE "李主任"
#define TEST_FOUND_ON    "2021-09-03"
#define TEST_DEADLINE    "2021-09-10"

static inline XaHazard *
test_hazard_new (XaHazardGrade grade)
{
  XaHazard *hazard = xa_hazard_new ();

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, "2021-2022-2150000113-0007");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, "0f0e6d43-5d2c-4a55-9a51-3f3c36f0e0a1");
  xa_hazard_set_school_year (hazard, 2021);
  xa_hazard_set_inspection_type (hazard, XA_INSPECTION_WEEKLY);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, TEST_FOUND_ON);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, "张老师、王老师");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼三楼东侧配电箱");
  xa_hazard_set_category (hazard, XA_HAZARD_CATEGORY_ELECTRICITY);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, "配电箱门锁损坏，电线裸露");
  xa_hazard_set_grade (hazard, grade);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "更换门锁，包扎裸露电线");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, TEST_RESPONSIBLE);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, TEST_DEADLINE);
  return hazard;
}

/* What a 重大 hazard needs before its fix starts. */
static inline void
test_hazard_set_major_requirements (XaHazard *hazard)
{
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES, "拉警戒线，停用该配电箱");
  xa_hazard_set_reported (hazard, TRUE);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REPORTED_ON, "2021-09-03");
  xa_hazard_set_supervised (hazard, TRUE);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SUPERVISOR, "区教委");
}

static inline void
test_hazard_step (XaHazard     *hazard,
                  XaHazardStep  step,
                  const char   *who,
                  const char   *date,
                  const char   *note)
{
  g_autoptr(GError) error = NULL;
  XaHazardStepInput input = { who, date, "2021-09-20T09:30:00+08:00", note };

  xa_hazard_apply_step (hazard, step, &input, &error);
  g_assert_no_error (error);
}

/* The hazard as JSON text: what a step must leave unchanged, or a round trip return. */
static inline char *
test_hazard_dup_json (XaHazard *hazard)
{
  g_autoptr(JsonObject) object = xa_hazard_to_json (hazard);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, TRUE);
}
