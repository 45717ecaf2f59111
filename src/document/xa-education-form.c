/* xa-education-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session of safety education as the school files it (安全教育记录表, reference/domain.md
 * §3.5), laid out by the page engine of the ledger's forms and the inspection record:
 * A4 upright, the title 《××学校安全教育记录表》, then one table of the session's facts,
 * a label and its value, two to a row where they are short (日期 and 学期/周次, 对象 and
 * 形式, 授课人 and 课时), one to a row where they are long (主题, 应到/实到 with the rate,
 * 内容摘要, 缺课名单, 补课情况, 佐证材料, 记录人), and under it the signatures of the
 * teacher and the recorder with a date to write by hand. Its words are Chinese whatever
 * language the interface speaks (xa-document-words.h).
 */

#include "config.h"

#include <string.h>

#include "xa-document-words.h"
#include "xa-education-form.h"
#include "core/util/xa-date.h"
#include "core/util/xa-school-year.h"

#define FACTS_SIZE 12.0

static const char * const audience_words[XA_N_EDUCATION_AUDIENCES] = { "班级", "全校师生", "教职工", "家长" };
static const char * const form_words[XA_N_EDUCATION_FORMS] = {
  "安全课", "主题班会", "国旗下讲话", "专题讲座", "平台学习", "演练", "家长会",
};
static const char * const teacher_words[XA_N_TEACHER_KINDS] = { "班主任", "任课教师", "法治副校长", "法治辅导员", "外请人员" };
static const struct { const char *key; const char *words; } module_words[] = {
  { "social", "社会安全" }, { "health", "公共卫生" }, { "accident", "意外伤害" },
  { "network", "网络信息安全" }, { "disaster", "自然灾害" }, { "other", "其他事件" },
};

static const char *
or_none (const char *value)
{
  return value != NULL && value[0] != '\0' ? value : XA_DOCUMENT_HAZARD_NONE;
}

/* A module in the 纲要's words; a campaign by the catalogue's name, which is Chinese. */
static char *
dup_topic (XaEducationRecord *record)
{
  const char *key = xa_education_record_get_topic (record);
  const char *title = xa_education_record_get_title (record);
  g_autofree char *topic = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (module_words) && topic == NULL; i++)
    if (strcmp (key, module_words[i].key) == 0)
      topic = g_strdup (module_words[i].words);
  if (topic == NULL)
    topic = xa_education_dup_topic_label (key);
  if (title != NULL && title[0] != '\0')
    return g_strdup_printf ("%s　%s", or_none (topic), title);
  return g_steal_pointer (&topic);
}

static char *
dup_audience (XaEducationRecord *record)
{
  if (xa_education_record_get_audience (record) == XA_EDUCATION_AUDIENCE_CLASS)
    return xa_education_record_dup_audience_label (record);
  return g_strdup (audience_words[xa_education_record_get_audience (record)]);
}

/* 99.5%, never rounded up to a target it missed. */
static char *
dup_rate (guint present,
          guint expected)
{
  if (expected == 0)
    return g_strdup (XA_DOCUMENT_HAZARD_NONE);
  return g_strdup_printf ("%.1f%%", (double) ((guint64) present * 1000 / expected) / 10.0);
}

static void
add_pair (XaPageTable *table,
          const char  *label,
          const char  *value,
          const char  *label2,
          const char  *value2)
{
  const char *cells[] = { label, or_none (value), label2, label2 != NULL ? or_none (value2) : NULL, NULL };

  xa_page_table_add_row (table, cells);
}

static char *
dup_make_ups (XaEducationRecord *record,
              XaEducationRecord *made_up,
              GPtrArray         *make_ups)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (made_up != NULL)
    {
      g_autofree char *date = xa_date_format_chinese (xa_education_record_get_held_on (made_up));
      g_autofree char *audience = dup_audience (made_up);

      g_string_append_printf (text, XA_DOCUMENT_EDUCATION_MAKES_UP, date, audience);
    }
  for (guint i = 0; make_ups != NULL && i < make_ups->len; i++)
    {
      XaEducationRecord *make_up = g_ptr_array_index (make_ups, i);
      g_autofree char *date = xa_date_format_chinese (xa_education_record_get_held_on (make_up));
      const char * const *still = xa_education_record_get_absentees (make_up);

      if (text->len > 0)
        g_string_append (text, "；");
      g_string_append_printf (text, XA_DOCUMENT_EDUCATION_MAKE_UP_VALUE, date,
                              xa_education_record_get_expected (make_up), xa_education_record_get_present (make_up));
      if (still[0] != NULL)
        {
          g_autofree char *names = g_strjoinv ("、", (char **) still);

          g_string_append_printf (text, "（%s%s）", XA_DOCUMENT_EDUCATION_ABSENT, names);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * xa_education_form_layout_new:
 * @record: the session
 * @school_name: the school, as the title names it
 * @made_up: (nullable): the session @record makes up
 * @make_ups: (nullable) (element-type XaEducationRecord): the sessions that make @record up
 * @evidence_names: (nullable): the file names of its archived evidence
 *
 * Returns: (transfer full): the record's page
 */
XaPageLayout *
xa_education_form_layout_new (XaEducationRecord  *record,
                              const char         *school_name,
                              XaEducationRecord  *made_up,
                              GPtrArray          *make_ups,
                              const char * const *evidence_names,
                              XaFontResolver     *fonts)
{
  g_autoptr(XaPageLayout) layout = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *week = NULL;
  g_autofree char *audience = NULL;
  g_autofree char *topic = NULL;
  g_autofree char *teacher = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *attendance = NULL;
  g_autofree char *absent = NULL;
  g_autofree char *make_up_text = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *metadata_title = NULL;
  g_autofree char *year = NULL;
  XaPageTable *facts;

  g_return_val_if_fail (XA_IS_EDUCATION_RECORD (record), NULL);
  g_return_val_if_fail (school_name != NULL, NULL);
  g_return_val_if_fail (XA_IS_FONT_RESOLVER (fonts), NULL);

  date = xa_date_format_chinese (xa_education_record_get_held_on (record));
  week = g_strdup_printf (XA_DOCUMENT_EDUCATION_WEEK_VALUE, xa_education_record_get_semester (record),
                          xa_education_record_get_week (record));
  audience = dup_audience (record);
  topic = dup_topic (record);
  teacher = g_strdup_printf (XA_DOCUMENT_EDUCATION_TEACHER_VALUE, xa_education_record_get_teacher (record),
                             teacher_words[xa_education_record_get_teacher_kind (record)]);
  hours = g_strdup_printf ("%u", xa_education_record_get_hours (record));
  rate = dup_rate (xa_education_record_get_present (record), xa_education_record_get_expected (record));
  attendance = g_strdup_printf (XA_DOCUMENT_EDUCATION_ATTENDANCE_VALUE, xa_education_record_get_expected (record),
                                xa_education_record_get_present (record), rate);
  absent = g_strjoinv ("、", (char **) xa_education_record_get_absentees (record));
  make_up_text = dup_make_ups (record, made_up, make_ups);
  evidence = evidence_names != NULL ? g_strjoinv ("；", (char **) evidence_names) : NULL;

  /* Labels of four characters, values beside them; the long values over three columns. */
  facts = xa_page_table_new (FACTS_SIZE);
  xa_page_table_add_column (facts, NULL, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (facts, NULL, 13.0, XA_TABLE_ALIGN_LEFT);
  xa_page_table_add_column (facts, NULL, 5.0, XA_TABLE_ALIGN_CENTRE);
  xa_page_table_add_column (facts, NULL, 7.0, XA_TABLE_ALIGN_LEFT);
  add_pair (facts, XA_DOCUMENT_EDUCATION_DATE, date, XA_DOCUMENT_EDUCATION_WEEK, week);
  add_pair (facts, XA_DOCUMENT_EDUCATION_AUDIENCE, audience,
            XA_DOCUMENT_EDUCATION_FORM, form_words[xa_education_record_get_form (record)]);
  add_pair (facts, XA_DOCUMENT_EDUCATION_TEACHER, teacher, XA_DOCUMENT_EDUCATION_HOURS, hours);
  add_pair (facts, XA_DOCUMENT_EDUCATION_TOPIC, topic, NULL, NULL);
  add_pair (facts, XA_DOCUMENT_EDUCATION_ATTENDANCE, attendance, NULL, NULL);
  add_pair (facts, XA_DOCUMENT_EDUCATION_CONTENT, xa_education_record_get_notes (record), NULL, NULL);
  add_pair (facts, XA_DOCUMENT_EDUCATION_ABSENT, absent, NULL, NULL);
  add_pair (facts, XA_DOCUMENT_EDUCATION_MAKE_UP, make_up_text, NULL, NULL);
  add_pair (facts, XA_DOCUMENT_EDUCATION_EVIDENCE, evidence, NULL, NULL);
  add_pair (facts, XA_DOCUMENT_EDUCATION_RECORDER, xa_education_record_get_recorded_by (record), NULL, NULL);
  {
    const char *foot[] = {
      XA_DOCUMENT_EDUCATION_TEACHER_SIGN, XA_DOCUMENT_EDUCATION_RECORDER_SIGN, XA_DOCUMENT_EDUCATION_SIGN_DATE, NULL,
    };

    xa_page_table_set_foot (facts, foot);
  }

  title = g_strdup_printf (XA_DOCUMENT_EDUCATION_TITLE, school_name);
  layout = xa_page_layout_new (fonts);
  xa_page_layout_add_paragraph (layout, XA_PARAGRAPH_TITLE, NULL, title);
  xa_page_layout_add_table (layout, facts);

  metadata_title = g_strdup_printf (XA_DOCUMENT_TITLE_FOR_SCHOOL, title, date);
  year = xa_school_year_format (xa_education_record_get_school_year (record), FALSE);
  xa_page_layout_set_metadata (layout, metadata_title, school_name, year);
  return g_steal_pointer (&layout);
}

/**
 * xa_education_form_dup_file_name:
 *
 * Returns: (transfer full): the name offered for the record's PDF, without extension:
 *   安全教育记录表 示例区实验小学 2021-09-10
 */
char *
xa_education_form_dup_file_name (XaEducationRecord *record,
                                 const char        *school_name)
{
  return g_strdup_printf (XA_DOCUMENT_EDUCATION_FILE_NAME, school_name, xa_education_record_get_held_on (record));
}
