/* xa-inspection-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year of inspections and campaigns for the demo district. Each school walks its plan
 * up to the day given and records, for most slots, the inspection the slot asks for on
 * one of its days with one or two checklists that fit (校舍 and 消防 before term, 燃气
 * and 食堂 in a monthly check, the lab and the dormitory in a quarterly one, 周边 before
 * a holiday), about one item in forty found abnormal with a problem a school would
 * write, and two in three of those recorded as hazards. Made-up people and findings;
 * nothing of a real school.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-inspection-book-private.h"
#include "xa-inspection-demo.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* Problems found, by checklist area; the first that fits is used. */
static const struct
{
  const char *area;
  const char *problems[3];
} findings[] = {
  { "building", { "三楼走廊吊顶一处松动", "教学楼北侧雨棚边缘瓷砖脱落", "二楼东侧护栏一根立柱锈蚀" } },
  { "fire", { "一楼走廊2具灭火器压力不足", "安全出口指示灯不亮", "消火栓箱被课桌遮挡" } },
  { "electricity", { "配电箱旁电线裸露", "教师办公室私接插线板", "走廊插座面板烧焦" } },
  { "gas", { "燃气报警器按测试键不响", "灶具软管老化龟裂", "下班未关燃气总阀，无记录" } },
  { "canteen", { "留样记录缺两餐", "一名从业人员健康证过期", "库房发现过期调味品" } },
  { "dormitory", { "3楼女生宿舍发现电吹风", "上铺护栏一处松动", "晚间查寝记录缺一天" } },
  { "laboratory", { "危化品领用记录不全", "洗眼器出水不畅", "废液桶未分类" } },
  { "sports", { "篮球架底座螺丝松动", "跑道东南角破损", "跳箱外皮破裂" } },
  { "gate", { "围墙西北角出现裂缝", "门卫室防刺服缺一件", "外来人员登记不全" } },
  { "monitoring", { "操场东侧摄像头画面模糊", "一键报警测试未接通", "录像仅保存20天" } },
  { "surroundings", { "校门口有流动摊贩", "学校东侧人行横道标线模糊", "河沟警示牌缺失" } },
};

static const char *leaders[] = { "王副校长", "李副校长", "陈主任" };
static const char *inspectors[] = { "总务处张老师、保卫科刘师傅", "德育处杨老师", "安全办赵老师、校医周老师" };

typedef struct
{
  XaInspectionBook *book;
  GPtrArray        *checklists;  /* XaChecklist by area */
  GRand            *rand;
  const char       *school_uuid;
  int               school_year;
  const char       *today;
  guint             n_inspections;
} Demo;

static XaChecklist *
checklist_of (Demo       *demo,
              const char *area)
{
  for (guint i = 0; i < demo->checklists->len; i++)
    {
      XaChecklist *checklist = g_ptr_array_index (demo->checklists, i);

      if (g_str_equal (xa_checklist_get_area (checklist), area))
        return checklist;
    }
  return g_ptr_array_index (demo->checklists, 0);
}

static const char *
problem_for (Demo       *demo,
             const char *area)
{
  for (guint i = 0; i < G_N_ELEMENTS (findings); i++)
    {
      if (g_str_equal (findings[i].area, area))
        return findings[i].problems[g_rand_int_range (demo->rand, 0, 3)];
    }
  return "现场发现问题，已拍照记录";
}

/* The areas a slot's inspection checks. */
static void
areas_for (Demo           *demo,
           XaPlanSlotKind  kind,
           const char     *areas[2])
{
  static const char *weekly[] = { "fire", "electricity", "gate", "monitoring", "building" };

  areas[1] = NULL;
  switch ((int) kind)
    {
    case XA_PLAN_SLOT_SEMESTER_START:
    case XA_PLAN_SLOT_SEMESTER_END:
      areas[0] = "building";
      areas[1] = "fire";
      break;
    case XA_PLAN_SLOT_MONTHLY:
      areas[0] = "gas";
      areas[1] = "canteen";
      break;
    case XA_PLAN_SLOT_QUARTERLY:
      areas[0] = "laboratory";
      areas[1] = "dormitory";
      break;
    case XA_PLAN_SLOT_HOLIDAY:
      areas[0] = "surroundings";
      areas[1] = "sports";
      break;
    case XA_PLAN_SLOT_FLOOD_SEASON:
      areas[0] = "building";
      areas[1] = "surroundings";
      break;
    default:
      areas[0] = weekly[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (weekly))];
    }
}

/* A day of the slot's days that is no later than today. */
static char *
day_in (Demo       *demo,
        XaPlanSlot *slot)
{
  GDate from;
  GDate to;
  int span;

  xa_date_parse (xa_plan_slot_get_from (slot), &from);
  xa_date_parse (g_strcmp0 (xa_plan_slot_get_to (slot), demo->today) < 0 ? xa_plan_slot_get_to (slot) : demo->today, &to);
  span = g_date_days_between (&from, &to);
  if (span > 0)
    g_date_add_days (&from, g_rand_int_range (demo->rand, 0, span + 1));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&from), g_date_get_month (&from), g_date_get_day (&from));
}

static gboolean
record_slot (Demo        *demo,
             XaPlanSlot  *slot,
             GError     **error)
{
  g_autoptr(XaInspection) inspection = xa_inspection_new ();
  g_autofree char *date = day_in (demo, slot);
  const char *areas[2];

  areas_for (demo, xa_plan_slot_get_kind (slot), areas);
  xa_inspection_set_school_uuid (inspection, demo->school_uuid);
  xa_inspection_set_school_year (inspection, demo->school_year);
  xa_inspection_set_inspection_type (inspection, xa_plan_slot_get_expected_type (slot));
  xa_inspection_set_inspected_on (inspection, date);
  xa_inspection_set_leader (inspection, leaders[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (leaders))]);
  xa_inspection_set_inspectors (inspection, inspectors[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (inspectors))]);
  for (guint a = 0; a < 2 && areas[a] != NULL; a++)
    xa_inspection_add_checklist (inspection, checklist_of (demo, areas[a]));

  for (guint i = 0; i < xa_inspection_get_n_items (inspection); i++)
    {
      XaInspectionItem *item = xa_inspection_get_item (inspection, i);

      if (g_rand_int_range (demo->rand, 0, 40) != 0)
        continue;
      xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
      xa_inspection_item_set_note (item, problem_for (demo, xa_inspection_item_get_area (item)));
    }

  if (!xa_inspection_book_add (demo->book, inspection, error))
    return FALSE;
  demo->n_inspections++;

  for (guint i = 0; i < xa_inspection_get_n_items (inspection); i++)
    {
      XaInspectionItem *item = xa_inspection_get_item (inspection, i);
      g_autoptr(XaHazard) hazard = NULL;

      if (xa_inspection_item_get_result (item) != XA_INSPECTION_RESULT_ABNORMAL ||
          g_rand_int_range (demo->rand, 0, 3) == 0)
        continue;

      hazard = xa_inspection_new_hazard (inspection, i);
      if (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_PLACE)[0] == '\0')
        xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, "教学楼");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, "限期整改，整改后复查");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, "总务处");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, "总务处主任");
      if (!xa_inspection_book_record_hazard (demo->book, inspection, i, hazard, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_school_cb (XaStore   *store,
                gpointer   user_data,
                GError   **error)
{
  Demo *demo = user_data;
  g_autoptr(XaInspectionPlan) plan = NULL;
  GListModel *slots;

  if (!(plan = xa_inspection_book_dup_plan (demo->book, demo->school_uuid, demo->school_year, demo->today, error)))
    return FALSE;

  slots = xa_inspection_plan_get_slots (plan);
  for (guint i = 0; i < g_list_model_get_n_items (slots); i++)
    {
      g_autoptr(XaPlanSlot) slot = g_list_model_get_item (slots, i);

      /* Slots still ahead are left; one in twelve of the others is missed. */
      if (g_strcmp0 (xa_plan_slot_get_from (slot), demo->today) > 0 || xa_plan_slot_get_state (slot) == XA_PLAN_SLOT_DONE ||
          g_rand_int_range (demo->rand, 0, 12) == 0)
        continue;
      if (!record_slot (demo, slot, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_campaigns (Demo       *demo,
                GPtrArray  *campaigns,
                GError    **error)
{
  for (guint c = 0; c < campaigns->len; c++)
    {
      XaCampaign *campaign = g_ptr_array_index (campaigns, c);
      g_autoptr(XaCampaignRecord) record = xa_campaign_record_new (xa_campaign_get_uuid (campaign), demo->school_uuid);
      int progress = g_rand_int_range (demo->rand, 0, 10);
      g_autofree char *plan = NULL;
      g_autofree char *activities = NULL;
      g_autofree char *summary = NULL;

      if (progress < 2)
        continue;

      plan = g_strdup_printf ("%s专项工作方案\n一、工作目标\n二、组织领导\n三、工作措施\n四、工作要求",
                              xa_campaign_get_name (campaign));
      xa_campaign_record_set_plan (record, plan);
      if (progress >= 4)
        {
          activities = g_strdup_printf ("开展%s主题班会，全校师生参加；发放告家长书；开展专项排查并建立台账。",
                                        xa_campaign_get_name (campaign));
          xa_campaign_record_set_activities (record, activities);
        }
      if (progress >= 6)
        {
          summary = g_strdup_printf ("本学年%s专项工作按方案完成，未发生相关安全事故。", xa_campaign_get_name (campaign));
          xa_campaign_record_set_summary (record, summary);
        }

      if (!xa_inspection_book_save_campaign_record (demo->book, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_campaigns_cb (XaStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  Demo *demo = user_data;
  g_autoptr(GPtrArray) campaigns = NULL;

  if (!(campaigns = xa_inspection_book_list_campaigns (demo->book, demo->school_year, error)))
    return FALSE;
  return fill_campaigns (demo, campaigns, error);
}

/**
 * xa_inspection_demo_fill:
 * @today: (nullable): the day the year is lived up to, YYYY-MM-DD; %NULL for today
 *
 * See xa-inspection-demo.h.
 */
gboolean
xa_inspection_demo_fill (XaInspectionBook  *book,
                         guint32            seed,
                         const char        *today,
                         guint             *n_inspections,
                         GError           **error)
{
  g_autofree char *local_today = today != NULL ? g_strdup (today) : xa_date_today_iso ();
  g_autoptr(GPtrArray) checklists = NULL;
  GListModel *schools;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Demo demo = { book, NULL, rand, NULL, 0, local_today, 0 };
  XaStore *store = xa_inspection_book_get_store (book);
  GDate date;

  g_return_val_if_fail (XA_IS_INSPECTION_BOOK (book), FALSE);

  if (!xa_date_parse (local_today, &date))
    {
      g_set_error (error, XA_INSPECTION_ERROR, XA_INSPECTION_ERROR_INVALID,
                   _("“%s” is not a date (write it like 2021-09-01)"), local_today);
      return FALSE;
    }
  demo.school_year = xa_school_year_for_date (&date);

  if (!(checklists = xa_inspection_book_dup_checklists (book, error)) ||
      !xa_inspection_book_launch_campaigns (book, demo.school_year, NULL, error))
    return FALSE;
  demo.checklists = checklists;

  schools = xa_school_registry_get_schools (book->registry);
  for (guint s = 0; s < g_list_model_get_n_items (schools); s++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, s);

      demo.school_uuid = xa_organisation_get_uuid (school);
      if (!xa_store_write (store, fill_school_cb, &demo, error) ||
          !xa_store_write (store, fill_campaigns_cb, &demo, error))
        return FALSE;
    }

  if (n_inspections != NULL)
    *n_inspections = demo.n_inspections;
  return TRUE;
}
