/* xa-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fictional district for trying the app, for tests and for benchmarks. 示例区 ("example
 * district") is not a real place; the names, codes and people only look real. Everything
 * is drawn from one GRand, so the same seed gives the same district (UUIDs and audit times
 * aside, which must stay unique).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "xa-demo.h"
#include "xa-school-registry-private.h"
#include "core/util/xa-school-year.h"

#define MAX_DEMO_SCHOOLS 2000
#define DISTRICT         "示例区"

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏",
  "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石",
  "廖", "贾", "夏", "韦", "付", "方", "邹", "熊", "秦", "江", "向", "冉", "黎", "雷", "龚",
};

static const char * const given_names[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "建国", "志强", "晓东", "海燕",
  "红梅", "文华", "俊", "玲", "丹", "萍", "鹏", "华", "飞", "斌", "宇", "浩", "凯", "欣怡",
  "晨", "琳", "雪", "颖", "波", "辉", "健", "亮", "建平", "春燕", "丽娟", "永红", "德明",
  "玉兰", "淑珍", "国华", "小兵", "晓燕", "家豪", "思远", "文静", "丽萍", "志刚", "天明",
};

/* Place names are two syllables drawn from these lists, so that up to 2000 schools still
 * get distinct, plausible names. */
static const char * const place_first[] = {
  "青", "柳", "松", "云", "桃", "梅", "竹", "兰", "枫", "石", "金", "龙", "凤", "白", "新",
  "东", "西", "南", "北", "长", "文", "春", "华", "明", "双", "清", "翠", "星", "玉", "和",
};

static const char * const place_second[] = {
  "溪", "林", "岭", "园", "桥", "湖", "山", "坪", "湾", "坝", "港", "苑", "塘", "岗", "门",
  "阳", "江", "河", "堡", "村",
};

static const char * const kindergarten_names[] = {
  "实验", "机关", "育英", "蓓蕾", "阳光", "童心", "春苗", "金色摇篮", "小太阳", "启明星",
};

static const char * const named_schools[] = {
  "育才", "实验", "红旗", "光明", "胜利", "人民路", "解放路", "建设", "朝阳", "向阳",
};

static const char * const safety_titles[] = {
  "安全办主任", "保卫科科长", "德育处主任", "总务处主任",
};

typedef struct
{
  XaSchoolType type;
  guint        weight;     /* out of 100 */
  const char  *category;   /* 学校类别码 */
} TypeShare;

/* Roughly the mix of a district: many kindergartens and primary schools, few of the rest. */
static const TypeShare type_shares[] = {
  { XA_SCHOOL_TYPE_KINDERGARTEN, 22, "11" },
  { XA_SCHOOL_TYPE_PRIMARY, 38, "21" },
  { XA_SCHOOL_TYPE_JUNIOR, 14, "31" },
  { XA_SCHOOL_TYPE_NINE_YEAR, 8, "31" },
  { XA_SCHOOL_TYPE_SENIOR, 7, "34" },
  { XA_SCHOOL_TYPE_COMPLETE, 5, "34" },
  { XA_SCHOOL_TYPE_VOCATIONAL, 4, "36" },
  { XA_SCHOOL_TYPE_SPECIAL, 2, "51" },
};

typedef struct
{
  XaSchoolRegistry *registry;
  GRand            *rand;
  guint             n_schools;
  GHashTable       *names;
  int               current_year;
} DemoWrite;

#define PICK(demo, list) ((list)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (list))])

/* 1 → 一, 37 → 三十七, for 第三十七中学校. */
static char *
chinese_number (guint n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  GString *out = g_string_new (NULL);

  g_assert (n > 0 && n < 100);

  if (n >= 10)
    {
      if (n / 10 > 1)
        g_string_append (out, digits[n / 10]);
      g_string_append (out, "十");
    }
  g_string_append (out, digits[n % 10]);

  return g_string_free (out, FALSE);
}

static char *
make_place (DemoWrite *demo)
{
  return g_strconcat (PICK (demo, place_first), PICK (demo, place_second), NULL);
}

/**
 * xa_demo_make_person_name:
 * @rand: the demo's random source
 *
 * Returns: (transfer full): a made-up Chinese name, such as 王建华
 */
char *
xa_demo_make_person_name (GRand *rand)
{
  return g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                      given_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (given_names))], NULL);
}

static char *
make_person_name (DemoWrite *demo)
{
  return xa_demo_make_person_name (demo->rand);
}

static char *
make_school_name (DemoWrite    *demo,
                  XaSchoolType  type,
                  guint         attempt)
{
  g_autofree char *place = make_place (demo);
  guint dice = g_rand_int_range (demo->rand, 0, 4);

  /* Later attempts fall back to forms with more room, so that a name is always found. */
  if (attempt > 4)
    {
      g_autofree char *number = chinese_number (1 + g_rand_int_range (demo->rand, 0, 99));
      /* The Chinese ending of each type's names, whatever the user's locale. */
      static const char * const endings[] = {
        "", "幼儿园", "小学", "中学", "学校", "高级中学", "中学", "职业中学", "特殊教育学校",
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (endings) == XA_N_SCHOOL_TYPES);
      return g_strdup_printf ("%s第%s%s", place, number, endings[type]);
    }

  switch (type)
    {
    case XA_SCHOOL_TYPE_KINDERGARTEN:
      if (dice == 0)
        return g_strdup_printf (DISTRICT "%s幼儿园", PICK (demo, kindergarten_names));
      return g_strdup_printf ("%s幼儿园", place);

    case XA_SCHOOL_TYPE_PRIMARY:
      if (dice == 0)
        return g_strdup_printf ("%s小学", PICK (demo, named_schools));
      if (dice == 1)
        return g_strdup (DISTRICT "实验小学");
      return g_strdup_printf ("%s小学", place);

    case XA_SCHOOL_TYPE_JUNIOR:
      if (dice <= 1)
        {
          g_autofree char *number = chinese_number (1 + g_rand_int_range (demo->rand, 0, 60));
          return g_strdup_printf ("第%s中学校", number);
        }
      if (dice == 2)
        return g_strdup_printf ("%s中学", PICK (demo, named_schools));
      return g_strdup_printf ("%s初级中学", place);

    case XA_SCHOOL_TYPE_NINE_YEAR:
      return g_strdup_printf ("%s学校", place);

    case XA_SCHOOL_TYPE_SENIOR:
      if (dice == 0)
        {
          g_autofree char *number = chinese_number (1 + g_rand_int_range (demo->rand, 0, 20));
          return g_strdup_printf (DISTRICT "第%s高级中学", number);
        }
      return g_strdup_printf ("%s高级中学", place);

    case XA_SCHOOL_TYPE_COMPLETE:
      if (dice == 0)
        return g_strdup_printf (DISTRICT "%s中学", PICK (demo, named_schools));
      return g_strdup_printf ("%s中学", place);

    case XA_SCHOOL_TYPE_VOCATIONAL:
      if (dice == 0)
        return g_strdup (DISTRICT "职业教育中心");
      return g_strdup_printf ("%s职业中学", place);

    case XA_SCHOOL_TYPE_SPECIAL:
      if (dice <= 1)
        return g_strdup (DISTRICT "特殊教育学校");
      return g_strdup_printf ("%s特殊教育学校", place);

    case XA_SCHOOL_TYPE_NONE:
    case XA_N_SCHOOL_TYPES:
    default:
      g_assert_not_reached ();
    }
}

static const TypeShare *
pick_type (DemoWrite *demo,
           guint      index)
{
  guint roll;

  /* The first schools cover every type, so even a small demo shows them all. */
  if (index < G_N_ELEMENTS (type_shares))
    return &type_shares[index];

  roll = g_rand_int_range (demo->rand, 0, 100);
  for (guint i = 0; i < G_N_ELEMENTS (type_shares); i++)
    {
      if (roll < type_shares[i].weight)
        return &type_shares[i];
      roll -= type_shares[i].weight;
    }

  return &type_shares[1];
}

static char *
make_mobile (DemoWrite *demo)
{
  /* The 0000 in the middle marks the numbers as made up. */
  static const char * const prefixes[] = { "138", "139", "136", "158", "187" };

  return g_strdup_printf ("%s 0000 %04d", PICK (demo, prefixes),
                          g_rand_int_range (demo->rand, 0, 10000));
}

static XaPerson *
add_person (DemoWrite       *demo,
            XaOrganisation  *school,
            const char      *title,
            const char      *affiliation,
            GError         **error)
{
  g_autofree char *name = make_person_name (demo);
  g_autofree char *phone = make_mobile (demo);
  g_autoptr(XaPerson) person = xa_person_new (xa_organisation_get_uuid (school), name);

  xa_person_set_title (person, title);
  xa_person_set_phone (person, phone);
  xa_person_set_affiliation (person, affiliation);

  if (!xa_school_registry_add_person (demo->registry, person, error))
    return NULL;

  return g_steal_pointer (&person);
}

static gboolean
add_role (DemoWrite       *demo,
          XaOrganisation  *school,
          const char      *title,
          const char      *affiliation,
          XaRoleKind       kind,
          const char      *since,
          const char      *note,
          GError         **error)
{
  g_autoptr(XaPerson) person = add_person (demo, school, title, affiliation, error);

  return person != NULL &&
         xa_school_registry_assign_role (demo->registry, xa_organisation_get_uuid (school),
                                         xa_person_get_uuid (person), kind, since, note, error);
}

static gboolean
add_school_people (DemoWrite       *demo,
                   XaOrganisation  *school,
                   guint            index,
                   GError         **error)
{
  g_autofree char *station = NULL;
  g_autofree char *counsellor_unit = NULL;
  g_autofree char *place = make_place (demo);
  int start = 2015 + g_rand_int_range (demo->rand, 0, 7);
  g_autofree char *principal_since = g_strdup_printf ("%d-09-01", start);
  /* Every eighth school changed its principal in the middle of the 2021 school year, so
   * that the demo shows a succession (继任). */
  gboolean succession = index % 8 == 3;

  station = g_strdup_printf (DISTRICT "公安分局%s派出所", place);
  counsellor_unit = g_rand_boolean (demo->rand)
                      ? g_strdup (station)
                      : g_strdup_printf (DISTRICT "%s律师事务所", PICK (demo, named_schools));

  if (!add_role (demo, school, succession ? "原校长" : "校长", "",
                 XA_ROLE_KIND_FIRST_RESPONSIBLE, principal_since, NULL, error))
    return FALSE;

  if (succession &&
      !add_role (demo, school, "校长", "", XA_ROLE_KIND_FIRST_RESPONSIBLE,
                 "2022-02-14", "原校长调任，区教委任命继任", error))
    return FALSE;

  return add_role (demo, school, "副校长", "", XA_ROLE_KIND_DIRECT_RESPONSIBLE,
                   "2021-09-01", NULL, error) &&
         add_role (demo, school, "法治副校长", station, XA_ROLE_KIND_LEGAL_VICE_PRINCIPAL,
                   "2022-05-01", "聘期三年", error) &&
         add_role (demo, school, g_str_has_suffix (counsellor_unit, "派出所") ? "民警" : "律师",
                   counsellor_unit, XA_ROLE_KIND_LEGAL_COUNSELLOR, "2021-09-01", NULL, error) &&
         add_role (demo, school, PICK (demo, safety_titles), "", XA_ROLE_KIND_SAFETY_OFFICER,
                   "2021-09-01", NULL, error);
}

static gboolean
add_demo_school (DemoWrite  *demo,
                 guint       index,
                 GError    **error)
{
  const TypeShare *share = pick_type (demo, index);
  g_autoptr(XaOrganisation) school = xa_organisation_new_school ();
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *street = make_place (demo);

  for (guint attempt = 0; name == NULL || g_hash_table_contains (demo->names, name); attempt++)
    {
      g_free (name);
      name = make_school_name (demo, share->type, attempt);
    }
  g_hash_table_add (demo->names, g_strdup (name));

  /* 类别码 + 50 (重庆) + a sequence that grows with the index, so codes never collide. */
  code = g_strdup_printf ("%s50%06u", share->category,
                          100 + index * 13 + (guint) g_rand_int_range (demo->rand, 0, 13));
  address = g_strdup_printf (DISTRICT "%s路%d号", street, g_rand_int_range (demo->rand, 1, 300));
  phone = g_strdup_printf ("023-6%03d %04d", g_rand_int_range (demo->rand, 0, 1000),
                           g_rand_int_range (demo->rand, 0, 10000));

  xa_organisation_set_code (school, code);
  xa_organisation_set_name (school, name);
  xa_organisation_set_school_type (school, share->type);
  xa_organisation_set_stages (school, xa_school_type_default_stages (share->type));
  xa_organisation_set_address (school, address);
  xa_organisation_set_phone (school, phone);

  return xa_school_registry_add_school (demo->registry, school, error) &&
         add_school_people (demo, school, index, error);
}

static gboolean
demo_func (XaStore  *store,
           gpointer  user_data,
           GError  **error)
{
  DemoWrite *demo = user_data;
  g_autoptr(XaStatement) count = NULL;
  g_autoptr(XaOrganisation) commission = NULL;
  gint64 n_existing;

  /* Counted inside the transaction, deleted schools included: their codes stay
   * reserved, and demo data must never mix with real data. */
  if (!(count = xa_store_prepare (store, "SELECT count(*) FROM organisation WHERE kind = 'school'", error)))
    return FALSE;
  if (!xa_statement_step_one (count, error))
    return FALSE;
  n_existing = xa_statement_get_int64 (count, 0);
  if (n_existing > 0)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The database already holds %d school; demo data is only loaded into an empty database (use another data folder)",
                                "The database already holds %d schools; demo data is only loaded into an empty database (use another data folder)",
                                (gulong) n_existing),
                   (int) n_existing);
      return FALSE;
    }

  commission = xa_school_registry_dup_commission (demo->registry);
  if (commission == NULL &&
      !xa_school_registry_set_commission (demo->registry, DISTRICT "教育委员会",
                                          DISTRICT "示例大道 1 号", "023-6000 0000", error))
    return FALSE;

  if (!xa_school_registry_ensure_school_year (demo->registry, 2021, error) ||
      !xa_school_registry_ensure_school_year (demo->registry, demo->current_year, error))
    return FALSE;

  for (guint i = 0; i < demo->n_schools; i++)
    {
      if (!add_demo_school (demo, i, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_demo_fill:
 * @n_schools: 1 to 2000
 *
 * Refused on a database that already has schools.
 *
 * Returns: %TRUE when the district was created
 */
gboolean
xa_demo_fill (XaSchoolRegistry  *registry,
              guint              n_schools,
              guint32            seed,
              GError           **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GDate) today = g_date_new ();
  DemoWrite demo;

  g_return_val_if_fail (XA_IS_SCHOOL_REGISTRY (registry), FALSE);

  if (n_schools < 1 || n_schools > MAX_DEMO_SCHOOLS)
    {
      g_set_error (error, XA_REGISTRY_ERROR, XA_REGISTRY_ERROR_INVALID,
                   _("The demo district can have 1 to %d schools, not %u"),
                   MAX_DEMO_SCHOOLS, n_schools);
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_date_set_time_t (today, time (NULL));

  demo.registry = registry;
  demo.rand = rand;
  demo.n_schools = n_schools;
  demo.names = names;
  demo.current_year = xa_school_year_for_date (today);

  return xa_store_write (xa_school_registry_get_store (registry), demo_func, &demo, error);
}

typedef struct
{
  guint   n_schools;
  guint32 seed;
} DemoTask;

static void
demo_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoTask *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (xa_demo_fill (source_object, data->n_schools, data->seed, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * xa_demo_fill_async:
 *
 * Runs xa_demo_fill() in a worker thread; the schools model refreshes on the main
 * context when it committed.
 */
void
xa_demo_fill_async (XaSchoolRegistry    *registry,
                    guint                n_schools,
                    guint32              seed,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DemoTask *data;

  g_return_if_fail (XA_IS_SCHOOL_REGISTRY (registry));

  data = g_new0 (DemoTask, 1);
  data->n_schools = n_schools;
  data->seed = seed;

  task = g_task_new (registry, cancellable, callback, user_data);
  g_task_set_source_tag (task, xa_demo_fill_async);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, demo_worker);
}

gboolean
xa_demo_fill_finish (XaSchoolRegistry  *registry,
                     GAsyncResult      *result,
                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, registry), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
