/* test-supervision-notice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commission's supervision notice (src/document/xa-supervision-notice.c), read back
 * with Poppler: addressed to the school, every hazard overdue on its day listed with its
 * days overdue and none of the others (closed, not yet due, due that very day), the day
 * to rectify by, the commission under its seal's zone; written atomically; refused when
 * nothing is overdue.
 */

#include "config.h"

#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "core/hazards/hazard-test-utils.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-supervision-notice.h"

#define ON "2021-10-20"

static char *
number_of (guint sequence)
{
  return g_strdup_printf ("2021-2022-2150000113-%04u", sequence);
}

/* Hazard i: deadline 2021-10-(i + 5), so 1 to 14 are before ON and 15 is ON itself;
 * every third is closed, every fifth 重大. Overdue on ON: 1-14 but 3, 6, 9 and 12. */
static GPtrArray *
make_hazards (guint n)
{
  GPtrArray *hazards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= n; i++)
    {
      XaHazard *hazard = test_hazard_new (i % 5 == 0 ? XA_HAZARD_GRADE_MAJOR : XA_HAZARD_GRADE_GENERAL);
      g_autofree char *number = number_of (i);
      g_autofree char *deadline = g_strdup_printf ("2021-10-%02u", i + 5);

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, number);
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_FOUND_ON, "2021-10-01");
      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_DEADLINE, deadline);
      if (i % 5 == 0)
        test_hazard_set_major_requirements (hazard);
      if (i % 5 == 0)
        xa_hazard_set_text (hazard, XA_HAZARD_FIELD_REPORTED_ON, "2021-10-01");
      if (i % 3 == 0)
        {
          test_hazard_step (hazard, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, NULL, NULL);
          test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-10-02", NULL);
          test_hazard_step (hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-10-03", NULL);
          test_hazard_step (hazard, XA_HAZARD_STEP_CLOSE, "王校长", "2021-10-03", NULL);
        }
      g_ptr_array_add (hazards, hazard);
    }

  return hazards;
}

static gboolean
is_listed (guint i)
{
  return i <= 14 && i % 3 != 0;
}

static const XaSupervisionInfo info = {
  .commission_name = "示例区教育委员会",
  .school_name = "示例区实验小学",
  .school_year = 2021,
  .on = ON,
};

/* The digits and hyphens of @text: the hazard numbers of the first column, without the
 * zero-width spaces they break at and the first glyphs of the place column beside,
 * which is left-aligned under a centred heading. */
static char *
only_numbers (char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || *p == '-')
      g_string_append_c (out, *p);
  g_free (text);

  return g_string_free (out, FALSE);
}

static void
test_notice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = make_hazards (16);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_supervision_notice_layout_new (hazards, &info, fonts, &error);
  g_autofree char *dir = g_dir_make_tmp ("xa-test-notice-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "督办通知.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *days = NULL;
  g_autofree char *file_name = NULL;

  g_assert_no_error (error);
  g_assert_true (xa_page_layout_save_pdf (layout, path, &error));
  g_assert_no_error (error);
  xa_test_qpdf_check (path);
  uri = g_filename_to_uri (path, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), <=, 2);

  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "关于限期整改逾期安全隐患的督办通知"));
  g_assert_nonnull (strstr (squeezed, "示例区实验小学："));
  /* Ten overdue, 5 and 10 of them 重大, by 15 days after the day of the notice. */
  g_assert_nonnull (strstr (squeezed, "截至2021年10月20日，你校2021—2022学年度有下列10项安全隐患"));
  g_assert_nonnull (strstr (squeezed, "（其中重大隐患2项）"));
  g_assert_nonnull (strstr (squeezed, "于2021年11月4日前整改完毕"));
  g_assert_nonnull (strstr (squeezed, "重大隐患在整改完成前须落实临时管控措施"));
  g_assert_nonnull (strstr (squeezed, "示例区教育委员会"));
  g_assert_nonnull (strstr (squeezed, "2021年10月20日"));

  /* The overdue numbers, each once, in order; none of the others. */
  numbers = only_numbers (xa_test_pdf_column_text (document, NULL, "隐患部位"));
  /* The deadline's and the days' columns: 整改时限 is in the body's text too. */
  days = xa_test_pdf_column_text (document, "隐患描述", "整改责任人");
  {
    const char *from = numbers;
    const char *days_from = days;

    for (guint i = 1; i <= hazards->len; i++)
      {
        g_autofree char *number = number_of (i);
        g_autofree char *overdue = g_strdup_printf ("%u天", 20 - (i + 5));
        const char *at = strstr (numbers, number);

        if (!is_listed (i))
          {
            g_assert_null (at);
            continue;
          }
        g_assert_true (at != NULL && at >= from);
        g_assert_null (strstr (at + 1, number));
        from = at;
        days_from = strstr (days_from, overdue);
        g_assert_nonnull (days_from);
      }
  }

  /* The title in the PDF's properties names the school. */
  {
    g_autofree char *title = poppler_document_get_title (document);

    g_assert_cmpstr (title, ==, "关于限期整改逾期安全隐患的督办通知（示例区实验小学）");
  }

  file_name = xa_supervision_notice_dup_file_name (&info);
  g_assert_cmpstr (file_name, ==, "隐患整改督办通知 示例区实验小学 " ON);
  xa_test_remove_tree (dir);
}

/* Nothing overdue on the day (the deadline's own day is not): no notice, a message that
 * names the school and the day. */
static void
test_nothing_overdue (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hazards = make_hazards (16);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaSupervisionInfo early = info;
  g_autoptr(XaPageLayout) layout = NULL;

  early.on = "2021-10-06";
  layout = xa_supervision_notice_layout_new (hazards, &early, fonts, &error);
  g_assert_null (layout);
  g_assert_error (error, XA_SUPERVISION_NOTICE_ERROR, XA_SUPERVISION_NOTICE_ERROR_NOTHING_OVERDUE);
  g_assert_nonnull (strstr (error->message, "示例区实验小学"));
  g_assert_nonnull (strstr (error->message, "2021年10月6日"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supervision-notice/notice", test_notice);
  g_test_add_func ("/supervision-notice/nothing-overdue", test_nothing_overdue);

  return g_test_run ();
}
