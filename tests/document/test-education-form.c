/* test-education-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 安全教育记录表 (src/document/xa-education-form.c), read back with Poppler: the
 * title with the school, the session's facts in Chinese whatever the interface's
 * language (date, semester and week, audience, form, teacher and kind, hours, topic,
 * expected and present with the rate never rounded up), the absentees, the make-ups of
 * it with who missed them again, the evidence's file names and the signatures; a make-up
 * names the session it makes up.
 */

#include "config.h"

#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "document/xa-education-form.h"

#define SCHOOL "示例区实验小学"

static XaEducationRecord *
make_record (const char *date,
             guint       expected,
             guint       present)
{
  XaEducationRecord *record = xa_education_record_new ();

  xa_education_record_set_school_year (record, 2021);
  xa_education_record_set_held_on (record, date);
  xa_education_record_set_week (record, 1, 3);
  xa_education_record_set_audience (record, XA_EDUCATION_AUDIENCE_CLASS, "七年级", "(3)班");
  xa_education_record_set_form (record, XA_EDUCATION_FORM_CLASS_MEETING);
  xa_education_record_set_topic (record, "drowning");
  xa_education_record_set_title (record, "珍爱生命 预防溺水");
  xa_education_record_set_teacher (record, "陈老师", XA_TEACHER_KIND_CLASS_TEACHER);
  xa_education_record_set_hours (record, 1);
  xa_education_record_set_attendance (record, expected, present);
  return record;
}

static PopplerDocument *
render (XaEducationRecord  *record,
        XaEducationRecord  *made_up,
        GPtrArray          *make_ups,
        const char * const *evidence,
        const char         *name)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_education_form_layout_new (record, SCHOOL, made_up, make_ups, evidence, fonts);

  return xa_test_pdf_render_layout (layout, name);
}

static void
test_form (void)
{
  g_autoptr(XaEducationRecord) record = make_record ("2021-09-16", 201, 199);
  g_autoptr(XaEducationRecord) make_up = make_record ("2021-09-23", 2, 1);
  g_autoptr(GPtrArray) make_ups = g_ptr_array_new ();
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *file_name = NULL;
  const char *evidence[] = { "教案.pdf", "签到表.jpg", NULL };

  xa_education_record_set_absentees (record, (const char *[]) { "李华", "王芳", NULL });
  xa_education_record_set_notes (record, "签订《防溺水承诺书》");
  xa_education_record_set_absentees (make_up, (const char *[]) { "王芳", NULL });
  g_ptr_array_add (make_ups, make_up);

  document = render (record, NULL, make_ups, evidence, "安全教育记录表.pdf");
  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  g_test_message ("%s", squeezed);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (squeezed, SCHOOL "安全教育记录表"));
  g_assert_nonnull (strstr (squeezed, "2021年9月16日"));
  g_assert_nonnull (strstr (squeezed, "第1学期第3周"));
  g_assert_nonnull (strstr (squeezed, "七年级(3)班"));
  g_assert_nonnull (strstr (squeezed, "主题班会"));
  g_assert_nonnull (strstr (squeezed, "陈老师（班主任）"));
  g_assert_nonnull (strstr (squeezed, "防溺水"));
  g_assert_nonnull (strstr (squeezed, "珍爱生命预防溺水"));
  /* 199 of 201 is 99.004…: 99.0 %, where rounding would say 99.0 too; 99.5 is not reached. */
  g_assert_nonnull (strstr (squeezed, "应到201人，实到199人，受教育率99.0%"));
  g_assert_nonnull (strstr (squeezed, "签订《防溺水承诺书》"));
  g_assert_nonnull (strstr (squeezed, "缺课名单李华、王芳"));
  g_assert_nonnull (strstr (squeezed, "2021年9月23日补课，应补2人，实补1人（缺课名单王芳）"));
  g_assert_nonnull (strstr (squeezed, "教案.pdf；签到表.jpg"));
  g_assert_nonnull (strstr (squeezed, "授课人签字："));
  g_assert_nonnull (strstr (squeezed, "记录人签字："));
  g_assert_null (strstr (squeezed, "Class meeting"));

  file_name = xa_education_form_dup_file_name (record, SCHOOL);
  g_assert_cmpstr (file_name, ==, "安全教育记录表 " SCHOOL " 2021-09-16");
}

/* A make-up names what it makes up; a 99.95 % is printed 99.9, not 100. */
static void
test_make_up (void)
{
  g_autoptr(XaEducationRecord) original = make_record ("2021-09-16", 2000, 1999);
  g_autoptr(XaEducationRecord) make_up = make_record ("2021-09-23", 1, 1);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerDocument) first = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *first_raw = NULL;

  xa_education_record_set_topic (make_up, "social");
  xa_education_record_set_title (make_up, NULL);
  document = render (make_up, original, NULL, NULL, "补课.pdf");
  raw = xa_test_pdf_text (document);
  text = xa_test_squeeze (raw);
  g_assert_nonnull (strstr (text, "本次为2021年9月16日七年级(3)班的补课"));
  g_assert_nonnull (strstr (text, "社会安全"));

  first = render (original, NULL, NULL, NULL, "原.pdf");
  first_raw = xa_test_pdf_text (first);
  first_text = xa_test_squeeze (first_raw);
  g_assert_nonnull (strstr (first_text, "受教育率99.9%"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/education-form/form", test_form);
  g_test_add_func ("/xa/education-form/make-up", test_make_up);

  return g_test_run ();
}
