/* xa-education-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `demo --education`: a fictional year of safety education in the demo district's
 * schools: rosters (names invented, one school in three keeping counts only), a few
 * sessions a class with absentees and their make-ups, the 法治副校长's
 * lessons (not all schools reaching four), and the plan and materials of most. The
 * rosters go through the import a school uses, from a CSV written to a temporary file.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "xa-education-demo.h"
#include "core/registry/xa-organisation.h"
#include "core/util/xa-date.h"

#define MAX_SCHOOLS 30

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙" };
static const char * const given[] = { "小明", "小红", "子涵", "梓萱", "浩然", "一诺", "宇轩", "欣怡", "思远", "佳琪",
                                      "俊杰", "雨桐", "晨曦", "若汐", "明轩" };
/* Three grades of the school's first 学段. */
static const struct { const char *stage; const char *grades[3]; } stage_grades[] = {
  { "preschool", { "小", "中", "大" } },   /* 小(1)班, as kindergartens write it */
  { "primary", { "一年级", "三年级", "五年级" } },
  { "junior", { "七年级", "八年级", "九年级" } },
  { "senior", { "高一年级", "高二年级", "高三年级" } },
  { "vocational", { "一年级", "二年级", "三年级" } },
  { "special", { "一年级", "四年级", "七年级" } },
};

static const char * const *
grades_of (XaOrganisation *school)
{
  const char *stages = xa_organisation_get_stages (school);

  for (guint i = 0; stages != NULL && i < G_N_ELEMENTS (stage_grades); i++)
    if (g_str_has_prefix (stages, stage_grades[i].stage))
      return stage_grades[i].grades;
  return stage_grades[1].grades;
}

/* @people: "七年级(1)班" → the 学号 of those counted (not 休学) */
static char *
write_roster (GRand       *rand,
              const char * const *grades,
              gboolean     named,
              GHashTable  *people,
              GError     **error)
{
  g_autoptr(GString) csv = g_string_new (named ? "年级,班级,姓名,学号,不计入原因\n" : "年级,班级,人数\n");
  g_autofree char *path = NULL;
  int fd;
  guint number = 1;

  for (guint g = 0; g < 3; g++)
    for (guint c = 1; c <= 2; c++)
      {
        guint size = (guint) g_rand_int_range (rand, 8, 13);
        GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

        g_hash_table_insert (people, g_strdup_printf ("%s(%u)班", grades[g], c), numbers);

        if (!named)
          g_string_append_printf (csv, "%s,(%u)班,40\n", grades[g], c);
        for (guint i = 0; named && i < size; i++, number++)
          {
            gboolean away = g_rand_int_range (rand, 0, 40) == 0;

            g_string_append_printf (csv, "%s,(%u)班,%s%s,D%04u,%s\n", grades[g], c,
                                    surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                    given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))], number,
                                    away ? "休学" : "");
            if (!away)
              g_ptr_array_add (numbers, g_strdup_printf ("D%04u", number));
          }
      }
  for (guint i = 0; named && i < 6; i++)
    g_string_append_printf (csv, "教职工,,%s老师%u,T%02u,\n", surnames[i], i + 1, i + 1);
  if (!named)
    g_string_append (csv, "教职工,,24\n");

  if ((fd = g_file_open_tmp ("xa-demo-roster-XXXXXX.csv", &path, error)) < 0)
    return NULL;
  close (fd);
  if (!g_file_set_contents (path, csv->str, (gssize) csv->len, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static XaEducationRecord *
session (const char          *school_uuid,
         int                  year,
         const char          *date,
         guint                week,
         XaEducationAudience  audience,
         const char          *grade,
         const char          *class_name,
         XaEducationForm      form,
         const char          *topic,
         const char          *teacher,
         XaTeacherKind        kind,
         guint                hours)
{
  XaEducationRecord *record = xa_education_record_new ();

  xa_education_record_set_school_uuid (record, school_uuid);
  xa_education_record_set_school_year (record, year);
  xa_education_record_set_held_on (record, date);
  xa_education_record_set_week (record, 1, week);
  xa_education_record_set_audience (record, audience, grade, class_name);
  xa_education_record_set_form (record, form);
  xa_education_record_set_topic (record, topic);
  xa_education_record_set_teacher (record, teacher, kind);
  xa_education_record_set_hours (record, hours);
  return record;
}

static gboolean
fill_class (XaEducationBook  *book,
            GRand            *rand,
            GPtrArray        *people,
            const char       *school_uuid,
            int               year,
            const char       *grade,
            const char       *class_name,
            guint            *n_records,
            GError          **error)
{
  static const struct { const char *month_day; guint week; const char *topic; XaEducationForm form; } plan[] = {
    { "09-08", 2, "drowning", XA_EDUCATION_FORM_CLASS_MEETING },
    { "10-13", 7, "traffic", XA_EDUCATION_FORM_LESSON },
    { "11-09", 11, "fire", XA_EDUCATION_FORM_LESSON },
  };
  g_autofree char *today = xa_date_today_iso ();
  g_autofree char *teacher = g_strdup_printf ("%s老师", surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autofree char *date = g_strdup_printf ("%d-%s", year, plan[i].month_day);
      g_autoptr(XaEducationRecord) record = NULL;
      g_autoptr(XaEducationRecord) saved = NULL;
      guint expected = people->len > 0 ? people->len : 40;
      guint absent = g_rand_int_range (rand, 0, 4) == 0 ? 1 + (guint) g_rand_int_range (rand, 0, 2) : 0;

      if (g_strcmp0 (date, today) > 0)
        break;
      record = session (school_uuid, year, date, plan[i].week, XA_EDUCATION_AUDIENCE_CLASS, grade, class_name,
                        plan[i].form, plan[i].topic, teacher, XA_TEACHER_KIND_CLASS_TEACHER, 1);
      xa_education_record_set_attendance (record, expected, expected - absent);
      if (people->len > 0 && absent > 0)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          for (guint a = 0; a < absent; a++)
            g_ptr_array_add (names, g_ptr_array_index (people, (i * 7 + a * 3) % people->len));
          g_ptr_array_add (names, NULL);
          xa_education_record_set_absentees (record, (const char * const *) names->pdata);
        }
      if (!(saved = xa_education_book_add (book, record, error)))
        return FALSE;
      (*n_records)++;

      /* Most absences are made up a week later; one in three schools forgets some. */
      if (absent > 0 && g_rand_int_range (rand, 0, 3) > 0)
        {
          g_autoptr(XaEducationRecord) make_up = NULL;
          g_autoptr(XaEducationRecord) made = NULL;
          g_autofree char *later = NULL;
          GDate day;

          xa_date_parse (date, &day);
          g_date_add_days (&day, 7);
          later = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
          make_up = session (school_uuid, year, later, plan[i].week + 1, XA_EDUCATION_AUDIENCE_CLASS, grade, class_name,
                             plan[i].form, plan[i].topic, teacher, XA_TEACHER_KIND_CLASS_TEACHER, 1);
          xa_education_record_set_attendance (make_up, absent, absent);
          xa_education_record_set_makes_up_uuid (make_up, xa_education_record_get_uuid (saved));
          if (g_strcmp0 (later, today) <= 0)
            {
              if (!(made = xa_education_book_add (book, make_up, error)))
                return FALSE;
              (*n_records)++;
            }
        }
    }
  return TRUE;
}

/**
 * xa_education_demo_fill:
 * @schools: (element-type XaOrganisation): the demo district's schools; the first 30 get records
 * @n_records: (out): how many records were made
 */
gboolean
xa_education_demo_fill (XaEducationBook  *book,
                        GListModel       *schools,
                        int               year,
                        guint32           seed,
                        guint            *n_records,
                        GError          **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ 0x6564u);
  g_autofree char *today = xa_date_today_iso ();

  *n_records = 0;
  for (guint s = 0; s < MIN (g_list_model_get_n_items (schools), MAX_SCHOOLS); s++)
    {
      g_autoptr(XaOrganisation) school = g_list_model_get_item (schools, s);
      const char *uuid = xa_organisation_get_uuid (school);
      const char * const *grades = grades_of (school);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *legal_day = g_strdup_printf ("%d-10-20", year);
      g_autoptr(XaEducationRecord) legal = NULL;
      g_autoptr(XaEducationRecord) legal_saved = NULL;
      gboolean named = s % 3 != 2;
      gboolean ok;

      g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            (GDestroyNotify) g_ptr_array_unref);

      if (!(path = write_roster (rand, grades, named, people, error)))
        return FALSE;
      file = g_file_new_for_path (path);
      ok = xa_education_book_import_roster (book, uuid, year, file, NULL, NULL, error);
      g_unlink (path);
      if (!ok)
        return FALSE;

      for (guint g = 0; g < 3; g++)
        for (guint c = 1; c <= 2; c++)
          {
            g_autofree char *class_name = g_strdup_printf ("(%u)班", c);
            g_autofree char *label = g_strconcat (grades[g], class_name, NULL);

            if (!fill_class (book, rand, g_hash_table_lookup (people, label), uuid, year, grades[g], class_name, n_records, error))
              return FALSE;
          }

      if (g_strcmp0 (legal_day, today) <= 0)
        {
          legal = session (uuid, year, legal_day, 8, XA_EDUCATION_AUDIENCE_STAFF, NULL, NULL, XA_EDUCATION_FORM_LECTURE,
                           "fraud", "派出所 演示警官", XA_TEACHER_KIND_LEGAL_VICE_PRINCIPAL, s % 4 == 0 ? 2 : 4);
          xa_education_record_set_attendance (legal, named ? 6 : 24, named ? 6 : 24);
          if (!(legal_saved = xa_education_book_add (book, legal, error)))
            return FALSE;
          (*n_records)++;
        }
      if (s % 5 != 4 &&
          !xa_education_book_set_plan (book, uuid, year, "本学年度安全教育工作计划（演示）",
                                       "《中小学生安全教育》", error))
        return FALSE;
    }
  return TRUE;
}
