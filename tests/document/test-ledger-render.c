/* test-ledger-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hazard ledger and its forms, read back from the PDF with Poppler: the ledger on A4
 * turned, its header row on every page, every hazard's number, and a description longer
 * than a page wrapped and carried on, not cut; the notice and the closing form of one
 * hazard. Set XIAOAN_TEST_KEEP_PDF to a folder to keep the files and look at them.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "core/hazards/hazard-test-utils.h"
#include "document/xa-ledger-renderer.h"
#include "document/xa-pdf-file.h"

#define TODAY "2021-10-08"

/* 1000 characters, the most a description may hold, ending in a mark the test finds:
 * taller than a page in the ledger's column. */
static char *
long_text (const char *unit,
           const char *end)
{
  GString *text = g_string_new (NULL);

  while (g_utf8_strlen (text->str, -1) + g_utf8_strlen (unit, -1) + g_utf8_strlen (end, -1) <= 1000)
    g_string_append (text, unit);
  g_string_append (text, end);
  return g_string_free (text, FALSE);
}

static char *
number_of (guint sequence)
{
  return g_strdup_printf ("2021-2022-2150000113-%04u", sequence);
}

/* A ledger of @n hazards in every state: pending, being fixed (some overdue on TODAY),
 * waiting for re-inspection, closed after a failed re-inspection; every fifth is 重大. */
static GPtrArray *
make_hazards (guint n)
{
  GPtrArray *hazards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= n; i++)
    {
      XaHazard *hazard = test_hazard_new (i % 5 == 0 ? XA_HAZARD_GRADE_MAJOR : XA_HAZARD_GRADE_GENERAL);
      g_autofree char *number = number_of (i);

      xa_hazard_set_text (hazard, XA_HAZARD_FIELD_NUMBER, number);
      if (i % 5 == 0)
        test_hazard_set_major_requirements (hazard);

      switch (i % 4)
        {
        case 1:
          break;
        case 2:
          test_hazard_step (hazard, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, NULL, NULL);
          break;
        case 3:
          test_hazard_step (hazard, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, NULL, NULL);
          test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-09-08", "已更换门锁");
          break;
        default:
          test_hazard_step (hazard, XA_HAZARD_STEP_START, TEST_RESPONSIBLE, NULL, NULL);
          test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-09-08", "已更换门锁");
          test_hazard_step (hazard, XA_HAZARD_STEP_FAIL, "王校长", "2021-09-09", "电线仍未包扎");
          test_hazard_step (hazard, XA_HAZARD_STEP_COMPLETE, TEST_RESPONSIBLE, "2021-09-10", "已包扎电线");
          test_hazard_step (hazard, XA_HAZARD_STEP_PASS, "王校长", "2021-09-12", NULL);
          test_hazard_step (hazard, XA_HAZARD_STEP_CLOSE, "王校长", "2021-09-13", NULL);
          break;
        }
      g_ptr_array_add (hazards, hazard);
    }

  return hazards;
}

static const XaLedgerInfo info = {
  .school_name = "示例区实验小学",
  .school_year = 2021,
  .today = TODAY,
  .preparer = "张老师",
};

static gboolean
page_has (PopplerPage *page,
          const char  *text)
{
  GList *found = poppler_page_find_text (page, text);
  gboolean has = found != NULL;

  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return has;
}

static void
test_ledger_pages (void)
{
  g_autoptr(GPtrArray) hazards = make_hazards (40);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autofree char *description = long_text ("教学楼东侧围墙出现裂缝，墙体向外倾斜，", "【描述完】");
  g_autofree char *numbers = NULL;
  g_autofree char *descriptions = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(PopplerPage) last = NULL;
  int n_pages;
  double width, height;

  /* The description of the 7th hazard is the longest allowed. */
  xa_hazard_set_text (hazards->pdata[6], XA_HAZARD_FIELD_DESCRIPTION, description);
  g_assert_true (xa_hazard_validate (hazards->pdata[6], NULL, NULL));

  layout = xa_ledger_layout_new (hazards, &info, fonts);
  document = xa_test_pdf_render_layout (layout, "ledger.pdf");
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 4);
  g_assert_cmpuint (n_pages, ==, xa_page_layout_get_n_pages (layout));

  /* The fonts embedded once each, as subsets, for all eleven pages. */
  xa_test_pdf_assert_fonts_shared (document);

  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595.28, 0.5);
  g_assert_true (page_has (first, "示例区实验小学2021—2022学年度安全隐患排查整改台账"));
  g_assert_true (page_has (first, "制表日期：2021年10月8日"));

  /* The header on every page, and a page number. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *number = g_strdup_printf ("—%d—", i + 1);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *squeezed = xa_test_squeeze (page_text);

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (width, >, height);
      g_assert_true (page_has (page, "隐患编号"));
      g_assert_true (page_has (page, "隐患描述"));
      g_assert_true (page_has (page, "整改措施"));
      g_assert_nonnull (strstr (squeezed, number));
      /* The foot goes once, after the last row. */
      g_assert_true (page_has (page, "分管领导（签字）") == (i == n_pages - 1));
    }

  last = poppler_document_get_page (document, n_pages - 1);
  g_assert_true (page_has (last, "填表人：张老师"));
  g_assert_true (page_has (last, "学校（盖章）"));

  /* Every number, once, in its column, in order. */
  numbers = xa_test_pdf_column_text (document, NULL, "发现日期");
  for (guint i = 1; i <= hazards->len; i++)
    {
      g_autofree char *number = number_of (i);
      const char *at = strstr (numbers, number);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + 1, number));
    }

  /* The long description whole, over the pages its row runs onto, under the heading
   * repeated on each. */
  descriptions = xa_test_pdf_column_text (document, "隐患类别", "等级");
  {
    g_autoptr(GString) text = g_string_new (descriptions);

    g_assert_cmpuint (g_string_replace (text, "隐患描述", "", 0), ==, n_pages);
    g_assert_nonnull (strstr (text->str, description));
  }
}

static void
test_ledger_states_and_flags (void)
{
  g_autoptr(GPtrArray) hazards = make_hazards (8);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_ledger_layout_new (hazards, &info, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "ledger-short.pdf");
  g_autofree char *text = xa_test_pdf_text (document);
  g_autofree char *squeezed = xa_test_squeeze (text);
  g_autofree char *measures = NULL;
  g_autofree char *closing = NULL;

  /* 8 hazards: 2 closed; the 4 not closed nor waiting for re-inspection are past
   * 2021-09-10 on 2021-10-08, and so are the 2 waiting. */
  g_assert_nonnull (strstr (squeezed, "共8项，其中已销号2项、逾期6项"));
  g_assert_nonnull (strstr (squeezed, "待整改"));
  g_assert_nonnull (strstr (squeezed, "整改中"));
  g_assert_nonnull (strstr (squeezed, "待复查"));
  g_assert_nonnull (strstr (squeezed, "已销号"));
  g_assert_nonnull (strstr (squeezed, "逾期"));
  measures = xa_test_pdf_column_text (document, "等级", "责任部门");
  g_assert_nonnull (strstr (measures, "临时管控：拉警戒线，停用该配电箱更换门锁，包扎裸露电线"));
  closing = xa_test_pdf_column_text (document, "复查情况", "状态");
  g_assert_nonnull (strstr (closing, "2021年9月13日王校长"));
  g_assert_null (strstr (squeezed, "2021-09"));
}

static void
test_ledger_empty (void)
{
  g_autoptr(GPtrArray) hazards = g_ptr_array_new ();
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_ledger_layout_new (hazards, &info, fonts);
  g_autoptr(PopplerDocument) document = xa_test_pdf_render_layout (layout, "ledger-empty.pdf");
  g_autofree char *text = xa_test_pdf_text (document);
  g_autofree char *squeezed = xa_test_squeeze (text);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (squeezed, "本学年度尚无隐患记录"));
  g_assert_nonnull (strstr (squeezed, "共0项"));
}

static void
test_notice (void)
{
  g_autoptr(GPtrArray) hazards = make_hazards (5);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  XaHazard *major = hazards->pdata[4];
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  double width, height;

  xa_hazard_set_text (major, XA_HAZARD_FIELD_FUNDS, "1200.50");
  layout = xa_hazard_notice_layout_new (major, &info, fonts);
  document = xa_test_pdf_render_layout (layout, "notice.pdf");
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);

  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "隐患整改通知书"));
  g_assert_nonnull (strstr (squeezed, "总务处李主任："));
  g_assert_nonnull (strstr (squeezed, "2021-2022-2150000113-0005"));
  g_assert_nonnull (strstr (squeezed, "学校于2021年9月3日周查中发现"));
  g_assert_nonnull (strstr (squeezed, "配电箱门锁损坏，电线裸露"));
  g_assert_nonnull (strstr (squeezed, "拉警戒线，停用该配电箱"));
  g_assert_nonnull (strstr (squeezed, "更换门锁，包扎裸露电线"));
  g_assert_nonnull (strstr (squeezed, "请于2021年9月10日前整改完毕"));
  g_assert_nonnull (strstr (squeezed, "1200.50元"));
  g_assert_nonnull (strstr (squeezed, "是（2021年9月3日）"));
  g_assert_nonnull (strstr (squeezed, "是（区教委）"));
  g_assert_nonnull (strstr (squeezed, "示例区实验小学（盖章）"));
  g_assert_nonnull (strstr (squeezed, "整改责任人签收："));
  g_assert_nonnull (strstr (squeezed, "2021年10月8日"));
}

static void
test_closing (void)
{
  g_autoptr(GPtrArray) hazards = make_hazards (4);
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XaPageLayout) refused = NULL;
  g_autoptr(XaPageLayout) layout = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;

  /* Only a closed hazard has one. */
  refused = xa_hazard_closing_layout_new (hazards->pdata[2], &info, fonts, &error);
  g_assert_error (error, XA_HAZARD_ERROR, XA_HAZARD_ERROR_NOT_PASSED);
  g_assert_null (refused);
  g_clear_error (&error);

  layout = xa_hazard_closing_layout_new (hazards->pdata[3], &info, fonts, &error);
  g_assert_no_error (error);
  document = xa_test_pdf_render_layout (layout, "closing.pdf");
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "隐患整改销号单"));
  g_assert_nonnull (strstr (squeezed, "2021-2022-2150000113-0004"));
  g_assert_nonnull (strstr (squeezed, "已包扎电线"));
  /* The failed re-inspection and why, then the one that passed. */
  g_assert_nonnull (strstr (squeezed, "2021年9月9日王校长不合格：电线仍未包扎"));
  g_assert_nonnull (strstr (squeezed, "2021年9月12日王校长合格"));
  g_assert_nonnull (strstr (squeezed, "2021年9月13日"));
  g_assert_nonnull (strstr (squeezed, "同意销号"));
  g_assert_nonnull (strstr (squeezed, "整改责任人（签字）："));
  g_assert_nonnull (strstr (squeezed, "复查人（签字）："));
  g_assert_nonnull (strstr (squeezed, "分管领导（签字）："));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/ledger-render/pages", test_ledger_pages);
  g_test_add_func ("/xa/ledger-render/states-and-flags", test_ledger_states_and_flags);
  g_test_add_func ("/xa/ledger-render/empty", test_ledger_empty);
  g_test_add_func ("/xa/ledger-render/notice", test_notice);
  g_test_add_func ("/xa/ledger-render/closing", test_closing);

  return g_test_run ();
}
