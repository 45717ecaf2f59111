/* xa-hazard-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A made-up hazard ledger for the demo district, for trying the app, for the tests of
 * the ledger's lists and for the benchmark at a million hazards. The hazards are what a
 * school's inspections find (reference/domain.md §3): a place in a building, a thing
 * and what is wrong with it, the measures, the department and person responsible, and
 * the steps of the fix with their dates. They go through the same rules (every step is
 * xa_hazard_apply_step()) and the same statements (xa-hazard-row.c) as a form's, in
 * large transactions.
 *
 * Every text is Chinese whatever the locale: it is data, not interface.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-hazard-book-private.h"
#include "xa-hazard-demo.h"
#include "core/registry/xa-demo.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

/* How many hazards one transaction stores, or one audit entry covers in the one write. */
#define BATCH 20000
/* How many school years the ledger covers, up to the present one. */
#define N_YEARS 5
/* The staff of a school who find, fix, re-inspect and close hazards. */
#define N_STAFF 8

typedef struct
{
  XaHazardCategory  category;
  const char       *department;
  const char       *places;       /* where it is found: a list of buildings, '|' between */
  const char       *description;
  const char       *measures;
  const char       *temporary;    /* for a major one */
} Template;

/* Buildings with floors and sides; the others are places of their own. */
#define INDOORS "教学楼|综合楼|实验楼|行政楼|学生宿舍|教师宿舍|图书馆|艺术楼|体育馆"

static const Template templates[] = {
  { XA_HAZARD_CATEGORY_ELECTRICITY, "总务处", INDOORS "|配电房", "配电箱门锁损坏，电线裸露", "更换门锁，包扎裸露电线", "断电并设置警示牌" },
  { XA_HAZARD_CATEGORY_ELECTRICITY, "总务处", INDOORS, "插座松动，有打火痕迹", "更换插座，检查线路", "停用该插座" },
  { XA_HAZARD_CATEGORY_ELECTRICITY, "总务处", INDOORS "|车棚", "电线私拉乱接", "拆除私接电线，规范布线", "切断私接线路" },
  { XA_HAZARD_CATEGORY_ELECTRICITY, "总务处", INDOORS, "电线老化，绝缘层开裂", "更换老化电线", "断电停用" },
  { XA_HAZARD_CATEGORY_ELECTRICITY, "总务处", "配电房|锅炉房|食堂", "总闸未装漏电保护器", "加装漏电保护器", "安排专人值守" },
  { XA_HAZARD_CATEGORY_FIRE, "安全办", INDOORS "|食堂", "灭火器过期未检", "更换灭火器并登记", "临时调配灭火器" },
  { XA_HAZARD_CATEGORY_FIRE, "安全办", INDOORS, "消防通道堆放杂物", "清理杂物，保持通道畅通", "设置禁止堆放标志" },
  { XA_HAZARD_CATEGORY_FIRE, "安全办", INDOORS, "应急照明灯不亮", "维修应急照明灯", "配备手电筒" },
  { XA_HAZARD_CATEGORY_FIRE, "安全办", INDOORS, "疏散指示标志损坏", "更换疏散指示标志", "张贴临时指示" },
  { XA_HAZARD_CATEGORY_FIRE, "安全办", INDOORS "|操场", "消火栓水压不足", "联系专业单位维修消防管网", "配备移动灭火器材" },
  { XA_HAZARD_CATEGORY_FIRE, "安全办", INDOORS, "安全出口门被锁闭", "拆除门锁，改装推闩", "安排专人开门" },
  { XA_HAZARD_CATEGORY_BUILDING, "总务处", INDOORS "|围墙", "墙体出现裂缝", "请专业单位鉴定并加固", "拉警戒线，禁止靠近" },
  { XA_HAZARD_CATEGORY_BUILDING, "总务处", INDOORS, "楼梯扶手松动", "加固楼梯扶手", "设置警示标志" },
  { XA_HAZARD_CATEGORY_BUILDING, "总务处", INDOORS, "天花板吊顶松动脱落", "拆除松动吊顶并修复", "封闭该区域" },
  { XA_HAZARD_CATEGORY_BUILDING, "总务处", INDOORS, "窗户玻璃破损", "更换窗户玻璃", "清理碎玻璃并封闭窗户" },
  { XA_HAZARD_CATEGORY_BUILDING, "总务处", INDOORS "|车棚", "屋面漏水", "修补屋面防水层", "放置接水桶并设警示" },
  { XA_HAZARD_CATEGORY_BUILDING, "总务处", INDOORS, "走廊护栏高度不足", "加高护栏至1.1米", "设置临时围挡" },
  { XA_HAZARD_CATEGORY_GAS, "后勤处", "食堂|教师宿舍|锅炉房", "燃气管道阀门漏气", "关闭总阀，通知燃气公司维修", "关闭燃气总阀，开窗通风" },
  { XA_HAZARD_CATEGORY_GAS, "后勤处", "食堂|锅炉房", "燃气报警器失灵", "更换燃气报警器", "人工定时巡查" },
  { XA_HAZARD_CATEGORY_GAS, "后勤处", "食堂", "液化气罐存放不规范", "移至专用储存间", "远离火源单独存放" },
  { XA_HAZARD_CATEGORY_FOOD, "后勤处", "食堂", "冰箱内生熟食品混放", "分类存放并张贴标识", "暂停使用该冰箱" },
  { XA_HAZARD_CATEGORY_FOOD, "后勤处", "食堂", "食品留样记录不全", "补全留样记录，专人负责", "当日起逐餐核查" },
  { XA_HAZARD_CATEGORY_FOOD, "后勤处", "食堂", "从业人员健康证过期", "暂停上岗，重新办理健康证", "调换岗位" },
  { XA_HAZARD_CATEGORY_FOOD, "后勤处", "食堂", "仓库防鼠网破损", "更换防鼠网", "放置捕鼠器" },
  { XA_HAZARD_CATEGORY_EQUIPMENT, "总务处", "教学楼|综合楼|行政楼", "电梯年检过期", "联系维保单位年检", "停用电梯" },
  { XA_HAZARD_CATEGORY_EQUIPMENT, "总务处", "锅炉房", "锅炉压力表未校验", "送检压力表", "停炉待检" },
  { XA_HAZARD_CATEGORY_TRAFFIC, "政教处", "校门口", "校门口减速带损坏", "重新安装减速带", "安排人员疏导车辆" },
  { XA_HAZARD_CATEGORY_TRAFFIC, "政教处", "校门口", "接送车辆乱停乱放", "划定临时停车区，安排人员疏导", "放学时段交警协助" },
  { XA_HAZARD_CATEGORY_TRAFFIC, "政教处", "校车停车场", "校车安全带损坏", "更换安全带", "停用该校车" },
  { XA_HAZARD_CATEGORY_FACILITIES, "体卫艺处", "操场|体育馆", "篮球架底座松动", "加固篮球架底座", "停止使用并围挡" },
  { XA_HAZARD_CATEGORY_FACILITIES, "体卫艺处", "操场", "单杠锈蚀", "除锈并涂防锈漆", "张贴禁止使用标志" },
  { XA_HAZARD_CATEGORY_FACILITIES, "体卫艺处", "操场", "塑胶跑道破损起翘", "修补跑道", "设置警示锥" },
  { XA_HAZARD_CATEGORY_FACILITIES, "教务处", "教学楼|实验楼", "课桌椅损坏，有尖锐突出物", "维修或更换课桌椅", "搬离教室" },
  { XA_HAZARD_CATEGORY_CHEMICALS, "教务处", "实验楼", "化学试剂未落实双人双锁", "落实双人双锁管理", "试剂柜加锁封存" },
  { XA_HAZARD_CATEGORY_CHEMICALS, "教务处", "实验楼", "危化品台账记录不全", "补全危化品台账", "暂停领用" },
  { XA_HAZARD_CATEGORY_CHEMICALS, "教务处", "实验楼", "试剂柜通风不良", "加装通风设备", "开窗通风，暂停使用" },
  { XA_HAZARD_CATEGORY_PROTECTION, "安全办", "校门口|围墙|教学楼|学生宿舍", "监控摄像头损坏", "维修更换摄像头", "增加人工巡查" },
  { XA_HAZARD_CATEGORY_PROTECTION, "安全办", "门卫室", "一键报警装置失灵", "联系厂家维修", "保持电话畅通，增加巡逻" },
  { XA_HAZARD_CATEGORY_PROTECTION, "安全办", "围墙", "围墙防攀爬设施缺失", "加装防攀爬刺", "增加夜间巡查" },
  { XA_HAZARD_CATEGORY_PROTECTION, "安全办", "门卫室", "防暴器械配备不全", "配齐防暴器械", "向派出所借用" },
  { XA_HAZARD_CATEGORY_SURROUNDINGS, "政教处", "校门外", "流动摊贩聚集", "联系城管部门整治", "上下学时段值守" },
  { XA_HAZARD_CATEGORY_SURROUNDINGS, "政教处", "校门外|学校北侧", "水塘边无警示标志和护栏", "设置警示标志和护栏", "安排人员巡查" },
  { XA_HAZARD_CATEGORY_SURROUNDINGS, "政教处", "学校北侧|校门外", "周边网吧违规接纳学生", "报告文化执法部门", "加强家校沟通" },
  { XA_HAZARD_CATEGORY_PEOPLE, "安全办", "门卫室|校门口", "外来人员未登记进校", "严格执行门卫登记制度", "即日起双人值守" },
  { XA_HAZARD_CATEGORY_PEOPLE, "安全办", "门卫室|学生宿舍", "值班人员脱岗", "加强值班检查并通报", "校领导带班值守" },
  { XA_HAZARD_CATEGORY_OTHER, "总务处", "操场|校门口|学生宿舍", "树木枯枝易折", "修剪枯枝", "拉警戒线" },
  { XA_HAZARD_CATEGORY_OTHER, "总务处", "学生宿舍|教学楼", "下水道井盖缺失", "补装井盖", "设置围挡和警示" },
};

/* Most general hazards are due in the default week, some sooner, some later. */
static const guint general_days[] = { 3, XA_HAZARD_DEFAULT_DAYS_GENERAL, XA_HAZARD_DEFAULT_DAYS_GENERAL,
                                      XA_HAZARD_DEFAULT_DAYS_GENERAL, 15 };

static const char * const floors[] = { "一楼", "二楼", "三楼", "四楼", "五楼" };
static const char * const sides[] = { "东侧", "西侧", "南侧", "北侧", "中部" };
static const char * const rooms[] = { "走廊", "楼梯间", "卫生间", "办公室", "储藏室", "门厅", "" };
/* What a building's rooms numbered by floor are (二楼203教室): a dormitory has no
 * classrooms. */
static const struct
{
  const char *building;
  const char *room;
} numbered_rooms[] = {
  { "教学楼", "教室" }, { "综合楼", "教室" }, { "实验楼", "实验室" }, { "行政楼", "办公室" },
  { "学生宿舍", "寝室" }, { "教师宿舍", "室" }, { "图书馆", "阅览室" }, { "艺术楼", "教室" },
  { "体育馆", "室" },
};
static const char * const remarks[] = {
  "，学生经常经过", "，存在较大安全隐患", "（第二次发现）", "，已口头提醒", "，家长反映", "", "", "", "", "", "",
};

static const struct
{
  XaInspectionType type;
  guint            weight;
} inspection_shares[] = {
  { XA_INSPECTION_DAILY, 30 },
  { XA_INSPECTION_WEEKLY, 30 },
  { XA_INSPECTION_MONTHLY, 20 },
  { XA_INSPECTION_SEMESTER, 8 },
  { XA_INSPECTION_SEASONAL, 5 },
  { XA_INSPECTION_CAMPAIGN, 3 },
  { XA_INSPECTION_SUPERVISION, 3 },
  { XA_INSPECTION_REPORT, 1 },
};

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *code;
  char   *staff[N_STAFF];   /* [0] the principal, who closes hazards */
  guint   sequence[N_YEARS];
} School;

typedef struct
{
  XaHazardBook *book;
  GRand        *rand;
  GArray       *schools;     /* of School */
  GDate         today;
  int           first_year;
  gint64        uuid_time;   /* makes the UUIDs grow with the numbers */
  guint64       n_made;
  guint         n_hazards;
  guint         batch_size;
  /* Batches made by the thread that makes hazards, for this one to write, and back */
  GAsyncQueue  *made;
  GAsyncQueue  *written;
  gint          stop;        /* the writes failed: make no more */
  gboolean      drained;     /* the last batch came back */
  guint         n_written;
  /* The row id the next hazard will have in the empty table (SQLite numbers its rows
   * from 1, a server's identity does not start afresh); 0 when not known */
  gint64        next_id;
  char         *now;         /* when the hazards are created */
  char         *operator_name;
  /* The grams of the few thousand words the hazards say, made once; the batches' grams
   * are its own (the thread that writes reads them, only this thread adds words) */
  XaGramMemo   *gram_memo;
  /* How many hazards the thread made of each school, year, state, grade and category
   * (count_index()), for hazard_count after the one write */
  guint        *counts;
  /* hazard_gram's statistics for the planner after the one write, known from its grams
   * (_xa_hazard_writer_dup_gram_stat()) */
  char         *gram_stat;
  /* Each template's places, split once rather than for each hazard */
  GStrv         buildings[G_N_ELEMENTS (templates)];
  guint         n_buildings[G_N_ELEMENTS (templates)];
} Demo;

/* Where Demo.counts counts the hazards of the school @school of the demo's, in its year
 * @year from the first. */
static gsize
count_index (guint            school,
             guint            year,
             XaHazardState    state,
             XaHazardGrade    grade,
             XaHazardCategory category)
{
  return ((((gsize) school * N_YEARS + year) * XA_N_HAZARD_STATES + state) * XA_N_HAZARD_GRADES + grade)
         * XA_N_HAZARD_CATEGORIES + category;
}

/* Hazards with their schools' rows and sequences, one transaction's worth. */
typedef struct
{
  GPtrArray    *hazards;
  GArray       *made;          /* of XaHazardMade: what was made of each hazard with it */
  GArray       *school_ids;
  GArray       *sequences;
  /* Holds the texts of the batch's images; emptied each time the batch is filled, or a
   * new one should an image of the last still be with the store */
  XaImageArena *arena;
  gboolean      last;
  const char   *now;           /* the demo's */
} Batch;

static void
made_clear (gpointer data)
{
  XaHazardMade *made = data;

  g_clear_pointer (&made->grams, g_ptr_array_unref);
  g_clear_pointer (&made->image, xa_fresh_image_free);
}

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->hazards = g_ptr_array_new_with_free_func (g_object_unref);
  batch->made = g_array_new (FALSE, TRUE, sizeof (XaHazardMade));
  g_array_set_clear_func (batch->made, made_clear);
  batch->school_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  batch->sequences = g_array_new (FALSE, FALSE, sizeof (guint));
  batch->arena = xa_image_arena_new ();
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->hazards);
  g_array_unref (batch->made);
  g_array_unref (batch->school_ids);
  g_array_unref (batch->sequences);
  xa_image_arena_unref (batch->arena);
  g_free (batch);
}

static void
batch_clear (Batch *batch)
{
  g_ptr_array_set_size (batch->hazards, 0);
  g_array_set_size (batch->made, 0);
  g_array_set_size (batch->school_ids, 0);
  g_array_set_size (batch->sequences, 0);
  batch->arena = xa_image_arena_recycle (batch->arena);
}

#define PICK(demo, list) ((list)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (list))])

static void
school_clear (gpointer data)
{
  School *school = data;

  g_free (school->uuid);
  g_free (school->code);
  for (guint i = 0; i < N_STAFF; i++)
    g_free (school->staff[i]);
}

/* The demo spells a dozen numbers for each of a million hazards: by hand rather than
 * with printf, which took a tenth of the thread that makes them. */

/* @value in @n decimal digits (the last @n, zeros in front) at @out. */
static void
spell_decimal (char    *out,
               guint    value,
               guint    n)
{
  for (guint i = n; i > 0; i--, value /= 10)
    out[i - 1] = (char) ('0' + value % 10);
}

static void
spell_hex (char    *out,
           guint64  value,
           guint    n)
{
  for (guint i = n; i > 0; i--, value >>= 4)
    out[i - 1] = "0123456789abcdef"[value & 0xf];
}

/* A date as YYYY-MM-DD, in @out of at least DATE_SIZE. */
#define DATE_SIZE 11

static const char *
spell_date (const GDate *date,
            char        *out)
{
  spell_decimal (out, g_date_get_year (date), 4);
  out[4] = '-';
  spell_decimal (out + 5, g_date_get_month (date), 2);
  out[7] = '-';
  spell_decimal (out + 8, g_date_get_day (date), 2);
  out[10] = '\0';
  return out;
}

static const char *
spell_date_after (const GDate *date,
                  guint        days,
                  char        *out)
{
  GDate later = *date;

  g_date_add_days (&later, days);
  return spell_date (&later, out);
}

/* A UUID of version 7's form: its first 48 bits grow with each hazard, so that the
 * indexes on UUIDs (the table's and the audit images') take a million new ones at
 * their end rather than all over. */
static const char *
spell_uuid (Demo *demo,
            char *out)
{
  guint64 stamp = (guint64) demo->uuid_time + demo->n_made++;

  /* xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx */
  spell_hex (out, stamp >> 16, 8);
  out[8] = '-';
  spell_hex (out + 9, stamp & 0xffff, 4);
  out[13] = '-';
  out[14] = '7';
  spell_hex (out + 15, (guint64) g_rand_int_range (demo->rand, 0, 0x1000), 3);
  out[18] = '-';
  spell_hex (out + 19, 0x8000 | (guint64) g_rand_int_range (demo->rand, 0, 0x4000), 4);
  out[23] = '-';
  spell_hex (out + 24, (guint64) g_rand_int_range (demo->rand, 0, 0x10000), 4);
  spell_hex (out + 28, g_rand_int (demo->rand), 8);
  out[36] = '\0';
  return out;
}

static char *
make_place (Demo  *demo,
            guint  template)
{
  const char *building = demo->buildings[template][g_rand_int_range (demo->rand, 0,
                                                                     demo->n_buildings[template])];
  const char *numbered = NULL;
  guint floor;
  guint room;

  for (guint i = 0; i < G_N_ELEMENTS (numbered_rooms) && numbered == NULL; i++)
    {
      if (g_str_equal (numbered_rooms[i].building, building))
        numbered = numbered_rooms[i].room;
    }
  /* Not a building with floors: the place itself (操场, 校门口, …) */
  if (numbered == NULL)
    return g_strdup (building);

  floor = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (floors));
  room = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (rooms) + 1);
  if (room == G_N_ELEMENTS (rooms))
    return g_strdup_printf ("%s%s%u0%d%s", building, floors[floor], floor + 1,
                            g_rand_int_range (demo->rand, 1, 9), numbered);
  return g_strconcat (building, floors[floor], PICK (demo, sides), rooms[room], NULL);
}

static XaInspectionType
pick_inspection_type (Demo *demo)
{
  guint roll = g_rand_int_range (demo->rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (inspection_shares); i++)
    {
      if (roll < inspection_shares[i].weight)
        return inspection_shares[i].type;
      roll -= inspection_shares[i].weight;
    }

  return XA_INSPECTION_DAILY;
}

/* Takes @step on @date (not after today), by @who; FALSE when the day is still to come
 * and the hazard stays where it is. */
static gboolean
take_step (Demo         *demo,
           XaHazard     *hazard,
           XaHazardStep  step,
           const GDate  *date,
           const char   *who,
           const char   *note)
{
  g_autoptr(GError) error = NULL;
  char day[DATE_SIZE];
  /* YYYY-MM-DDThh:mm:00+08:00 */
  char at[DATE_SIZE + 15];
  guint hour, minute;
  XaHazardStepInput input;

  if (g_date_compare (date, &demo->today) > 0)
    return FALSE;

  minute = g_rand_int_range (demo->rand, 0, 60);
  hour = g_rand_int_range (demo->rand, 8, 18);

  spell_date (date, day);
  memcpy (at, day, DATE_SIZE - 1);
  at[10] = 'T';
  spell_decimal (at + 11, hour, 2);
  at[13] = ':';
  spell_decimal (at + 14, minute, 2);
  memcpy (at + 16, ":00+08:00", sizeof ":00+08:00");
  input = (XaHazardStepInput) { who, day, at, note };
  if (!xa_hazard_apply_step (hazard, step, &input, &error))
    g_error ("A demo step was refused: %s", error->message);
  return TRUE;
}

/* The fix as far as it got by today: most hazards are closed some weeks after they
 * were found, some re-inspections fail first, and some hazards are still open, a few of
 * them past their deadline. */
static void
rectify (Demo        *demo,
         XaHazard    *hazard,
         School      *school,
         const GDate *found,
         guint        days)
{
  /* A copy: a step gives the hazard new strings. */
  g_autofree char *responsible = g_strdup (xa_hazard_get_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE));
  const char *reinspector = school->staff[1 + g_rand_int_range (demo->rand, 0, 2)];
  GDate date = *found;
  guint stall = g_rand_int_range (demo->rand, 0, 100);

  /* One hazard in twelve is never taken further, one in twenty-five stops halfway. */
  if (stall < 8)
    return;

  g_date_add_days (&date, g_rand_int_range (demo->rand, 0, 3));
  if (!take_step (demo, hazard, XA_HAZARD_STEP_START, &date, responsible, NULL) || stall < 12)
    return;

  for (guint attempt = 0;; attempt++)
    {
      gboolean fails = attempt == 0 && g_rand_int_range (demo->rand, 0, 10) == 0;

      g_date_add_days (&date, 1 + g_rand_int_range (demo->rand, 0, days + 3));
      if (!take_step (demo, hazard, XA_HAZARD_STEP_COMPLETE, &date, responsible,
                      attempt > 0 ? "已按复查意见重新整改" : "已按整改措施完成整改"))
        return;

      g_date_add_days (&date, g_rand_int_range (demo->rand, 0, 4));
      if (!take_step (demo, hazard, fails ? XA_HAZARD_STEP_FAIL : XA_HAZARD_STEP_PASS, &date,
                      g_str_equal (reinspector, responsible) ? school->staff[0] : reinspector,
                      fails ? "整改不彻底，仍存在隐患" : NULL))
        return;
      if (!fails)
        break;
    }

  g_date_add_days (&date, g_rand_int_range (demo->rand, 0, 3));
  take_step (demo, hazard, XA_HAZARD_STEP_CLOSE, &date, school->staff[0], NULL);
}

static XaHazard *
make_hazard (Demo        *demo,
             School      *school,
             int          year,
             const GDate *found,
             guint        sequence)
{
  guint template_index = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (templates));
  const Template *template = &templates[template_index];
  g_autoptr(GError) error = NULL;
  g_autoptr(XaHazard) hazard = g_object_new (XA_TYPE_HAZARD, NULL);
  char uuid[37];
  g_autofree char *number = NULL;
  char found_on[DATE_SIZE];
  char deadline[DATE_SIZE];
  g_autofree char *place = NULL;
  g_autofree char *description = NULL;
  g_autofree char *found_by = NULL;
  gboolean major;
  const char *responsible;
  guint days;

  /* In the order a seed's numbers have always been drawn, for the same ledger. */
  spell_uuid (demo, uuid);
  place = make_place (demo, template_index);
  description = g_strconcat (template->description, PICK (demo, remarks), NULL);
  major = g_rand_int_range (demo->rand, 0, 25) == 0;
  responsible = school->staff[2 + g_rand_int_range (demo->rand, 0, N_STAFF - 2)];
  days = major ? XA_HAZARD_DEFAULT_DAYS_MAJOR : PICK (demo, general_days);
  spell_date (found, found_on);
  number = xa_hazard_number_format (year, school->code, sequence, NULL);
  found_by = g_rand_boolean (demo->rand)
             ? g_strdup (school->staff[1 + g_rand_int_range (demo->rand, 0, N_STAFF - 1)])
             : g_strconcat (school->staff[1], "、", school->staff[N_STAFF - 1], NULL);
  spell_date_after (found, days, deadline);

  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_UUID, uuid);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, number);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SCHOOL_UUID, school->uuid);
  xa_hazard_set_school_year (hazard, year);
  xa_hazard_set_inspection_type (hazard, pick_inspection_type (demo));
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, found_on);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_BY, found_by);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_PLACE, place);
  xa_hazard_set_category (hazard, template->category);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DESCRIPTION, description);
  xa_hazard_set_grade (hazard, major ? XA_HAZARD_GRADE_MAJOR : XA_HAZARD_GRADE_GENERAL);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_MEASURES, template->measures);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEPARTMENT, template->department);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_RESPONSIBLE, responsible);
  xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);

  if (major)
    {
      char reported_on[DATE_SIZE];

      spell_date_after (found, 1, reported_on);

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_TEMPORARY_MEASURES, template->temporary);
      xa_hazard_set_reported (hazard, TRUE);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REPORTED_ON, reported_on);
      xa_hazard_set_supervised (hazard, TRUE);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_SUPERVISOR, "区教委");
    }

  if (major || g_rand_int_range (demo->rand, 0, 4) == 0)
    {
      g_autofree char *funds = g_strdup_printf ("%d", 100 * g_rand_int_range (demo->rand, 1, major ? 500 : 50));

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS, funds);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FUNDS_SOURCE, major ? "区教委专项资金" : "学校公用经费");
    }

  rectify (demo, hazard, school, found, days);
  if (xa_hazard_get_n_entries (hazard) == 0 && !xa_hazard_validate (hazard, NULL, &error))
    g_error ("A demo hazard was refused: %s", error->message);
  return g_steal_pointer (&hazard);
}

/* Makes the writer of a write of batches. */
static XaHazardWriter *
batch_writer_new (XaStore    *store,
                  const char *now)
{
  XaHazardWriter *writer = _xa_hazard_writer_new (store);

  _xa_hazard_writer_set_now (writer, now);
  _xa_hazard_writer_defer_grams (writer);
  _xa_hazard_writer_image_inserts (writer);
  return writer;
}

static gboolean
insert_batch (XaStore         *store,
              XaHazardWriter  *writer,
              Batch           *batch,
              GError         **error)
{
  g_autofree char *detail = NULL;

  if (!_xa_hazard_writer_insert_batch (writer, batch->hazards->len, (XaHazard * const *) batch->hazards->pdata,
                                       (const gint64 *) (gpointer) batch->school_ids->data,
                                       (const guint *) (gpointer) batch->sequences->data,
                                       (XaHazardMade *) (gpointer) batch->made->data, error))
    return FALSE;

  /* One entry for the batch: its images hold every hazard it stored. */
  detail = g_strdup_printf ("{\"demo\":%u}", batch->hazards->len);
  return xa_store_append_audit (store, "hazard.demo", "hazard",
                                xa_hazard_get_uuid (g_ptr_array_index (batch->hazards, 0)), detail, error);
}

static gboolean
insert_batch_cb (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  Batch *batch = user_data;
  g_autoptr(XaHazardWriter) writer = batch_writer_new (store, batch->now);

  return insert_batch (store, writer, batch, error) && _xa_hazard_writer_flush_grams (writer, error);
}

/* The thread that makes the hazards, in their numbers' order, while this one writes
 * the batch before: year by year, in the order they were found. */
static gpointer
make_thread (gpointer user_data)
{
  Demo *demo = user_data;
  Batch *batch = g_async_queue_pop (demo->written);

  for (int y = 0; y < N_YEARS && !g_atomic_int_get (&demo->stop); y++)
    {
      int year = demo->first_year + y;
      guint n_year = demo->n_hazards / N_YEARS + ((guint) y < demo->n_hazards % N_YEARS ? 1 : 0);
      GDate start, end;
      guint span;

      g_date_clear (&start, 1);
      g_date_set_dmy (&start, 1, G_DATE_SEPTEMBER, year);
      g_date_clear (&end, 1);
      g_date_set_dmy (&end, 31, G_DATE_AUGUST, year + 1);
      if (g_date_compare (&end, &demo->today) > 0)
        end = demo->today;
      span = g_date_compare (&end, &start) >= 0 ? (guint) g_date_days_between (&start, &end) + 1 : 1;

      for (guint k = 0; k < n_year && !g_atomic_int_get (&demo->stop); k++)
        {
          guint s = g_rand_int_range (demo->rand, 0, demo->schools->len);
          School *school = &g_array_index (demo->schools, School, s);
          GDate found = start;
          guint sequence = ++school->sequence[y];
          XaHazard *hazard;
          XaHazardMade made = { 0 };

          g_date_add_days (&found, (guint) ((guint64) k * span / n_year));
          hazard = make_hazard (demo, school, year, &found, sequence);
          demo->counts[count_index (s, (guint) y, xa_hazard_get_state (hazard), xa_hazard_get_grade (hazard),
                                    xa_hazard_get_category (hazard))]++;
          /* Its grams and image too, here rather than in the thread that writes. */
          made.grams = _xa_hazard_row_grams (hazard, demo->gram_memo);
          if (demo->next_id > 0)
            {
              made.id = demo->next_id++;
              made.image = _xa_hazard_new_image (hazard, batch->arena, made.id, school->id, sequence,
                                                 demo->now, demo->operator_name);
            }
          g_array_append_val (batch->made, made);
          g_ptr_array_add (batch->hazards, hazard);
          g_array_append_val (batch->school_ids, school->id);
          g_array_append_val (batch->sequences, sequence);

          if (batch->hazards->len == demo->batch_size)
            {
              g_async_queue_push (demo->made, batch);
              batch = g_async_queue_pop (demo->written);
              /* Emptied here, where its hazards were made: a block freed by another
               * thread goes back to this one's arena under its lock. */
              batch_clear (batch);
            }
        }
    }

  batch->last = TRUE;
  g_async_queue_push (demo->made, batch);
  return NULL;
}

static gboolean
check_ledger_empty (XaStore  *store,
                    GError  **error)
{
  g_autoptr(XaStatement) existing = NULL;

  if (!(existing = xa_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM hazard)", error)) ||
      !xa_statement_step_one (existing, error))
    return FALSE;
  if (xa_statement_get_int64 (existing, 0) == 0)
    return TRUE;

  g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
               _("The hazard ledger already holds hazards; demo hazards are only added to an empty ledger (use another data folder)"));
  return FALSE;
}

/* Writes the batches the thread makes until the last one, each in a write of its own,
 * or, with @writer, in the write under way, its audit entry and images stored batch by
 * batch and the grams kept in @writer. After a failure, takes the batches still coming
 * without writing them. */
static gboolean
write_batches (Demo            *demo,
               XaStore         *store,
               XaHazardWriter  *writer,
               GError         **error)
{
  gboolean in_this_write = writer != NULL;
  gboolean ok = TRUE;

  for (gboolean last = FALSE; !last;)
    {
      Batch *batch = g_async_queue_pop (demo->made);
      guint n = batch->hazards->len;

      last = batch->last;
      if (ok && n > 0 && !g_atomic_int_get (&demo->stop))
        {
          ok = in_this_write
               ? insert_batch (store, writer, batch, error) && xa_store_checkpoint_audit (store, error)
               : xa_store_write (store, insert_batch_cb, batch, error);
          demo->n_written += ok ? n : 0;
          if (!ok)
            g_atomic_int_set (&demo->stop, TRUE);
        }
      g_async_queue_push (demo->written, batch);
    }

  demo->drained = TRUE;
  return ok;
}

/* What the one write of an empty ledger takes away while it fills it, and makes again
 * after: the indexes the steps made on hazard (not those of its keys), and the trigger
 * that counts each new hazard (step 15), which one count of them all replaces. The SQL
 * is the schema's own, so that they come back as they were. */
static GPtrArray *
take_away_for_load (XaStore  *store,
                    GError  **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sql = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'hazard'"
                                 " AND ((type = 'index' AND sql IS NOT NULL)"
                                 " OR (type = 'trigger' AND name = 'hazard_count_insert'))"
                                 " ORDER BY rowid",
                                 error)))
    return NULL;
  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      g_ptr_array_add (objects, g_strdup_printf ("DROP %s \"%s\"", xa_statement_get_text (stmt, 0),
                                                 xa_statement_get_text (stmt, 1)));
      g_ptr_array_add (sql, g_strdup (xa_statement_get_text (stmt, 2)));
    }
  if (step != XA_STEP_DONE)
    return NULL;
  g_clear_pointer (&stmt, xa_statement_free);

  for (guint i = 0; i < objects->len; i++)
    {
      if (!xa_store_exec (store, g_ptr_array_index (objects, i), error))
        return NULL;
    }

  return g_steal_pointer (&sql);
}

/* The counts of the hazards just stored, as the trigger would have kept them, and the
 * indexes and trigger back. The counts are those the thread that made the hazards
 * kept: counting the million rows again, grouped by five columns, took 3.5 s. */
static gboolean
put_back_after_load (Demo       *demo,
                     XaStore    *store,
                     GPtrArray  *sql,
                     GError    **error)
{
  g_autoptr(XaStatement) count = NULL;

  if (!(count = xa_store_prepare (store,
                                  "INSERT INTO hazard_count (organisation_id, school_year, state, grade, category, n)"
                                  "  VALUES (?, ?, ?, ?, ?, ?)"
                                  "  ON CONFLICT (organisation_id, school_year, state, grade, category)"
                                  "  DO UPDATE SET n = n + excluded.n",
                                  error)))
    return FALSE;

  for (guint s = 0; s < demo->schools->len; s++)
    for (guint y = 0; y < N_YEARS; y++)
      for (XaHazardState state = 0; state < XA_N_HAZARD_STATES; state++)
        for (XaHazardGrade grade = 0; grade < XA_N_HAZARD_GRADES; grade++)
          for (XaHazardCategory category = 0; category < XA_N_HAZARD_CATEGORIES; category++)
            {
              guint n = demo->counts[count_index (s, y, state, grade, category)];

              if (n == 0)
                continue;
              xa_statement_reset (count);
              xa_statement_bind_int64 (count, 1, g_array_index (demo->schools, School, s).id);
              xa_statement_bind_int (count, 2, demo->first_year + (int) y);
              xa_statement_bind_text (count, 3, xa_hazard_state_to_key (state));
              xa_statement_bind_text (count, 4, xa_hazard_grade_to_key (grade));
              xa_statement_bind_text (count, 5, xa_hazard_category_to_key (category));
              xa_statement_bind_int64 (count, 6, n);
              if (!xa_statement_run (count, error))
                return FALSE;
            }

  for (guint i = 0; i < sql->len; i++)
    {
      if (!xa_store_exec (store, g_ptr_array_index (sql, i), error))
        return FALSE;
    }

  return TRUE;
}

/* The whole ledger in one write, on SQLite: a crash leaves no hazard and every index
 * as it was; the indexes are made once from the million rows instead of kept row by
 * row. Only for a ledger that is empty inside this write. */
static gboolean
fill_in_one_write_cb (XaStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  Demo *demo = user_data;
  g_autoptr(GPtrArray) put_back = NULL;
  /* One for all the batches, its statements prepared once. It keeps the grams of all
   * of them and writes them once, at the end, in hazard_gram's order: each batch's
   * grams written after the batch went to the ends of the same few thousand ranges of
   * that index, whose pages were written again for each batch (at a million hazards,
   * about 18 s of the writing thread; 29 million rows in order take 4 s in the sqlite3
   * shell). They take 8 bytes each until then, 235 MiB at a million. */
  g_autoptr(XaHazardWriter) writer = batch_writer_new (store, demo->now);

  if (!check_ledger_empty (store, error) ||
      (put_back = take_away_for_load (store, error)) == NULL ||
      !write_batches (demo, store, writer, error) ||
      !_xa_hazard_writer_flush_grams (writer, error))
    return FALSE;

  g_free (demo->gram_stat);
  demo->gram_stat = _xa_hazard_writer_dup_gram_stat (writer);
  return put_back_after_load (demo, store, put_back, error);
}

static gboolean
read_schools_cb (XaStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  Demo *demo = user_data;
  g_autoptr(XaStatement) stmt = NULL;
  XaStep step;

  if (!check_ledger_empty (store, error))
    return FALSE;

  if (!(stmt = xa_store_prepare (store,
                                 "SELECT id, uuid, code FROM organisation"
                                 " WHERE kind = 'school' AND deleted_at IS NULL ORDER BY code",
                                 error)))
    return FALSE;

  while ((step = xa_statement_step (stmt, error)) == XA_STEP_ROW)
    {
      School school = { 0 };

      school.id = xa_statement_get_int64 (stmt, 0);
      school.uuid = g_strdup (xa_statement_get_text (stmt, 1));
      school.code = g_strdup (xa_statement_get_text (stmt, 2));
      g_array_append_val (demo->schools, school);
    }

  return step == XA_STEP_DONE;
}

static void
make_staff (Demo *demo)
{
  for (guint s = 0; s < demo->schools->len; s++)
    {
      School *school = &g_array_index (demo->schools, School, s);

      for (guint i = 0; i < N_STAFF; i++)
        {
          char *name = NULL;

          /* Distinct within the school, so that the re-inspector is never the one
           * responsible by a mere likeness of names. */
          for (gboolean unique = FALSE; !unique;)
            {
              g_free (name);
              name = xa_demo_make_person_name (demo->rand);
              unique = TRUE;
              for (guint j = 0; j < i; j++)
                unique &= !g_str_equal (name, school->staff[j]);
            }
          school->staff[i] = name;
        }
    }
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->schools, g_array_unref);
  g_clear_pointer (&demo->made, g_async_queue_unref);
  g_clear_pointer (&demo->written, g_async_queue_unref);
  g_clear_pointer (&demo->now, g_free);
  g_clear_pointer (&demo->operator_name, g_free);
  /* Last: the batches' grams are its own. */
  g_clear_pointer (&demo->gram_memo, xa_gram_memo_free);
  g_clear_pointer (&demo->counts, g_free);
  g_clear_pointer (&demo->gram_stat, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    g_clear_pointer (&demo->buildings[i], g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

static gboolean
analyze_cb (XaStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Demo *demo = user_data;
  g_autoptr(XaStatement) stat = NULL;

  /* The planners' statistics of the tables just filled, which both engines read. Named:
   * a bare ANALYZE on a server takes a lock on every table of every schema of the
   * database in one transaction, and runs out of the server's lock table where many
   * stores share a database (the pg suite). */
  if (demo->gram_stat == NULL)
    return xa_store_exec (store, "ANALYZE hazard; ANALYZE hazard_step; ANALYZE hazard_gram", error);

  /* After the one write, hazard_gram's are known without reading its rows again (1.3 s
   * at a million). SQLite reads sqlite_stat1 again on `ANALYZE sqlite_schema`. */
  if (!xa_store_exec (store, "ANALYZE hazard; ANALYZE hazard_step;"
                             " DELETE FROM sqlite_stat1 WHERE tbl = 'hazard_gram'", error) ||
      !(stat = xa_store_prepare (store, "INSERT INTO sqlite_stat1 (tbl, idx, stat)"
                                        " VALUES ('hazard_gram', 'hazard_gram', ?)", error)))
    return FALSE;
  xa_statement_bind_text (stat, 1, demo->gram_stat);
  return xa_statement_run (stat, error) && xa_store_exec (store, "ANALYZE sqlite_schema", error);
}

/**
 * xa_hazard_demo_fill:
 * @n_hazards: how many, up to %XA_HAZARD_DEMO_MAX
 * @today: (nullable): the day the ledger is as of, YYYY-MM-DD; %NULL for today
 *
 * See xa-hazard-demo.h. Refused when the district has no school or the ledger holds
 * hazards already. On SQLite the ledger is filled in one write (fill_in_one_write_cb()),
 * with a rollback journal (xa_store_set_bulk()); on a server a batch a write.
 *
 * Returns: %TRUE when every hazard was stored
 */
gboolean
xa_hazard_demo_fill (XaHazardBook  *book,
                     guint          n_hazards,
                     guint32        seed,
                     const char    *today,
                     GError       **error)
{
  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), FALSE);

  return _xa_hazard_demo_fill_with (book, n_hazards, seed, today,
                                    !xa_store_get_is_server (xa_hazard_book_get_store (book)),
                                    0, error);
}

/**
 * _xa_hazard_demo_fill_with:
 * @one_write: whether to fill the ledger in one write, its indexes made after the rows
 *   (SQLite only); else a write a batch, as a server does
 * @batch_size: how many hazards a batch holds (an audit entry's worth); 0 for BATCH
 *
 * xa_hazard_demo_fill() either way, for the test that compares the two.
 */
gboolean
_xa_hazard_demo_fill_with (XaHazardBook  *book,
                           guint          n_hazards,
                           guint32        seed,
                           const char    *today,
                           gboolean       one_write,
                           guint          batch_size,
                           GError       **error)
{
  g_auto(Demo) demo = { 0 };
  g_autofree char *today_text = today ? g_strdup (today) : xa_date_today_iso ();
  XaStore *store;
  int last_year;
  gboolean ok;
  GThread *maker;

  g_return_val_if_fail (XA_IS_HAZARD_BOOK (book), FALSE);

  if (n_hazards > XA_HAZARD_DEMO_MAX)
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   _("The demo ledger can have up to %d hazards, not %u"), XA_HAZARD_DEMO_MAX, n_hazards);
      return FALSE;
    }
  if (!xa_date_parse (today_text, &demo.today))
    {
      g_set_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_INVALID,
                   _("“%s” is not a date such as 2021-09-01"), today_text);
      return FALSE;
    }

  store = xa_hazard_book_get_store (book);
  one_write = one_write && !xa_store_get_is_server (store);
  demo.book = book;
  demo.rand = g_rand_new_with_seed (seed);
  demo.schools = g_array_new (FALSE, TRUE, sizeof (School));
  g_array_set_clear_func (demo.schools, school_clear);
  demo.made = g_async_queue_new_full ((GDestroyNotify) batch_free);
  demo.written = g_async_queue_new_full ((GDestroyNotify) batch_free);
  demo.n_hazards = n_hazards;
  demo.batch_size = batch_size > 0 ? batch_size : BATCH;
  demo.now = xa_date_now_iso8601 ();
  demo.gram_memo = xa_gram_memo_new ();
  demo.operator_name = g_strdup (xa_store_get_operator (store));
  demo.next_id = xa_store_get_is_server (store) ? 0 : 1;
  demo.uuid_time = g_get_real_time () / 1000;

  if (!xa_store_read (store, read_schools_cb, &demo, error))
    return FALSE;
  if (demo.schools->len == 0)
    {
      g_set_error (error, XA_HAZARD_BOOK_ERROR, XA_HAZARD_BOOK_ERROR_NO_SCHOOL,
                   _("There is no school to record hazards for; create the demo district first"));
      return FALSE;
    }
  make_staff (&demo);
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      demo.buildings[i] = g_strsplit (templates[i].places, "|", -1);
      demo.n_buildings[i] = g_strv_length (demo.buildings[i]);
    }
  demo.counts = g_new0 (guint, count_index (demo.schools->len, 0, 0, 0, 0));

  last_year = xa_school_year_for_date (&demo.today);
  demo.first_year = last_year - (N_YEARS - 1);

  /* Two batches go round: one being made while the other is written. */
  for (guint i = 0; i < 2; i++)
    {
      Batch *batch = batch_new ();

      batch->now = demo.now;
      g_async_queue_push (demo.written, batch);
    }
  maker = g_thread_new ("demo-hazards", make_thread, &demo);

  xa_store_set_bulk (store, TRUE);
  ok = one_write ? xa_store_write (store, fill_in_one_write_cb, &demo, error)
                 : write_batches (&demo, store, NULL, error);
  /* A write refused before the batches came makes the thread stop. */
  g_atomic_int_set (&demo.stop, !ok);
  if (!demo.drained)
    write_batches (&demo, store, NULL, NULL);
  xa_store_set_bulk (store, FALSE);
  g_thread_join (maker);

  if (!ok)
    return FALSE;

  g_debug ("%u demo hazards", demo.n_written);
  return xa_store_write (store, analyze_cb, &demo, error);
}
