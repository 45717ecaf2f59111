/* test-inspection-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An inspection's record (src/document/xa-inspection-record.c), read back with Poppler:
 * the title with the school, the head (type, date, leader, inspectors), every item with
 * its result, its note and the hazard it became, the count of the items and the abnormal
 * ones, the signatures; a record of 60 items runs over pages with its header row on each
 * and every item once, in order. Set XIAOAN_TEST_KEEP_PDF to a folder to keep the files
 * and look at them.
 */

#include "config.h"

#include <string.h>

#include "xa-test-pdf.h"
#include "xa-test-utils.h"
#include "core/hazards/xa-inspection-private.h"
#include "document/xa-inspection-record.h"

#define SCHOOL "示例区实验小学"
#define NUMBER "2021-2022-2150000113-JC0007"

/* An inspection of @n items, each checking 第i项 of an area; every seventh is abnormal,
 * and the first abnormal one went to the ledger. */
static XaInspection *
make_inspection (guint n)
{
  XaInspection *inspection = xa_inspection_new ();

  _xa_inspection_set_number (inspection, NUMBER);
  xa_inspection_set_school_year (inspection, 2021);
  xa_inspection_set_inspection_type (inspection, XA_INSPECTION_MONTHLY);
  xa_inspection_set_inspected_on (inspection, "2021-10-26");
  xa_inspection_set_leader (inspection, "王副校长");
  xa_inspection_set_inspectors (inspection, "张老师、李师傅");

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *content = g_strdup_printf ("灭火器压力第%u项", i);
      g_autoptr(XaInspectionItem) item = xa_inspection_item_new ("fire", "消防", content,
                                                                 XA_HAZARD_CATEGORY_FIRE);

      if (i % 7 == 0)
        {
          g_autofree char *note = g_strdup_printf ("压力不足%u号", i);

          xa_inspection_item_set_result (item, XA_INSPECTION_RESULT_ABNORMAL);
          xa_inspection_item_set_note (item, note);
          if (i == 7)
            _xa_inspection_item_set_hazard (item, "6a0c1a43-2f6b-4c55-9a51-3f3c36f0e0a1",
                                            "2021-2022-2150000113-0042");
        }
      xa_inspection_append_item (inspection, item);
    }

  return inspection;
}

static PopplerDocument *
render (XaInspection *inspection,
        const char   *name)
{
  g_autoptr(XaFontResolver) fonts = xa_font_resolver_new ();
  g_autoptr(XaPageLayout) layout = xa_inspection_record_layout_new (inspection, SCHOOL, fonts);

  return xa_test_pdf_render_layout (layout, name);
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    n++;
  return n;
}

/* Each of @n items once, in order, in the text of the items' column. */
static void
assert_items_in_order (const char *column,
                       guint       n)
{
  const char *from = column;

  for (guint i = 1; i <= n; i++)
    {
      /* 第1项 is in 第10项 too: the next character closes it. */
      g_autofree char *content = g_strdup_printf ("灭火器压力第%u项", i);
      const char *at = strstr (from, content);

      g_assert_nonnull (at);
      g_assert_null (strstr (at + strlen (content), content));
      from = at + strlen (content);
    }
}

static void
test_record (void)
{
  g_autoptr(XaInspection) inspection = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *items = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;

  inspection = make_inspection (15);
  xa_inspection_set_remarks (inspection, "食堂灭火器下次检查时复核");
  document = render (inspection, "安全检查记录表.pdf");
  text = xa_test_pdf_text (document);
  squeezed = xa_test_squeeze (text);
  items = xa_test_pdf_column_text (document, "序号", "结果");
  title = poppler_document_get_title (document);
  file_name = xa_inspection_record_dup_file_name (inspection, SCHOOL);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (squeezed, SCHOOL "安全检查记录表"));
  /* The head. */
  g_assert_nonnull (strstr (squeezed, "检查编号" NUMBER));
  g_assert_nonnull (strstr (squeezed, "检查类型月查"));
  g_assert_nonnull (strstr (squeezed, "检查日期2021年10月26日"));
  g_assert_nonnull (strstr (squeezed, "带队领导王副校长"));
  g_assert_nonnull (strstr (squeezed, "检查人员张老师、李师傅"));
  /* The items, their area before them; the results, two of them 异常; the notes and the
   * hazard the first abnormal item became. */
  assert_items_in_order (items, 15);
  g_assert_nonnull (strstr (items, "消防：灭火器压力第1项"));
  g_assert_cmpuint (count (squeezed, "正常"), ==, 13);
  g_assert_cmpuint (count (squeezed, "异常"), ==, 2 + 1);
  g_assert_nonnull (strstr (squeezed, "第7项异常压力不足7号"));
  g_assert_nonnull (strstr (squeezed, "第14项异常压力不足14号"));
  g_assert_nonnull (strstr (squeezed, "2021-2022-2150000113-0042"));
  /* The count, and the foot. */
  g_assert_nonnull (strstr (squeezed, "合计检查15项，异常2项，其中1项已转入隐患台账"));
  g_assert_nonnull (strstr (squeezed, "备注食堂灭火器下次检查时复核"));
  g_assert_nonnull (strstr (squeezed, "检查人签字："));
  g_assert_nonnull (strstr (squeezed, "负责人签字："));
  g_assert_nonnull (strstr (squeezed, "日期：年月日"));

  g_assert_cmpstr (title, ==, SCHOOL "安全检查记录表（" NUMBER "）");
  g_assert_cmpstr (file_name, ==, "安全检查记录表 " SCHOOL " " NUMBER);
}

/* 60 items run over pages: the header row on each, every item once and in order, the
 * count and the signatures after the last. */
static void
test_pages (void)
{
  g_autoptr(XaInspection) inspection = make_inspection (60);
  g_autoptr(PopplerDocument) document = render (inspection, "安全检查记录表-60.pdf");
  g_autofree char *items = NULL;
  int n_pages = poppler_document_get_n_pages (document);

  g_assert_cmpint (n_pages, >=, 2);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *squeezed = xa_test_squeeze (page_text);

      const char *headings[] = { "序号", "检查项目/内容", "结果", "情况说明", "隐患编号" };

      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        g_assert_nonnull (strstr (squeezed, headings[h]));
      /* The head of the inspection is on the first page only. */
      g_assert_true ((strstr (squeezed, "带队领导") != NULL) == (i == 0));
      /* The count and the signatures on the last only. */
      g_assert_true ((strstr (squeezed, "检查60项，异常8项") != NULL) == (i == n_pages - 1));
      g_assert_true ((strstr (squeezed, "负责人签字") != NULL) == (i == n_pages - 1));
    }

  items = xa_test_pdf_column_text (document, "序号", "结果");
  assert_items_in_order (items, 60);
}

/* An inspection with no items still prints its head and says so. */
static void
test_empty (void)
{
  g_autoptr(XaInspection) inspection = make_inspection (0);
  g_autoptr(PopplerDocument) document = render (inspection, "安全检查记录表-空.pdf");
  g_autofree char *text = xa_test_pdf_text (document);
  g_autofree char *squeezed = xa_test_squeeze (text);

  g_assert_nonnull (strstr (squeezed, "本次检查未记录检查项目"));
  g_assert_nonnull (strstr (squeezed, "检查0项，异常0项"));
  g_assert_null (strstr (squeezed, "转入隐患台账"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/inspection-record/record", test_record);
  g_test_add_func ("/inspection-record/pages", test_pages);
  g_test_add_func ("/inspection-record/empty", test_empty);

  return g_test_run ();
}
