/* test-text-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outline of an agreement pasted as text: title, party lines, the depth of each
 * numbering as the text writes it, paragraphs, and the signature block with its parties,
 * seals, lines and dates; and never a character dropped or changed.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/agreements/xa-text-outline.h"

/* Every line's pieces give its source back, and the sources the text. */
static void
assert_lossless (XaTextOutline *outline,
                 const char    *text)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GString) normal = g_string_new (text);

  g_string_replace (normal, "\r\n", "\n", 0);
  g_string_replace (normal, "\r", "\n", 0);
  if (normal->len > 0 && normal->str[normal->len - 1] == '\n')
    g_string_truncate (normal, normal->len - 1);

  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);
      g_autofree char *pieces = g_strconcat (line->indent, line->number, line->text, NULL);

      g_assert_cmpstr (pieces, ==, line->source);
      g_assert_cmpuint (line->line, ==, i + 1);
      g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", line->source);
    }

  g_assert_cmpstr (joined->str, ==, normal->str);
}

static XaOutlineLine *
line_at (XaTextOutline *outline,
         guint          number)
{
  g_assert_cmpuint (number, >=, 1);
  g_assert_cmpuint (number, <=, outline->lines->len);
  return g_ptr_array_index (outline->lines, number - 1);
}

static const char classic[] =
  "示例区教育系统2024—2025学年度\n"
  "安全工作目标责任书\n"
  "\n"
  "责任学校：青岭学校　　第一责任人：＿＿＿＿\n"
  "　　为落实安全责任，特签订本责任书。\n"
  "一、责任目标\n"
  "（一）加强领导。学校主要领导是第一责任人。\n"
  "1.建立制度；\n"
  "①每月检查一次；\n"
  "②每学期演练两次。\n"
  "2.落实经费。\n"
  "(二)安全教育。\n"
  "二、附则\n"
  "本责任书一式两份，双方各执一份。\n"
  "\n"
  "甲方（盖章）：　　　　　乙方（盖章）：\n"
  "负责人签字：　　　　　　负责人签字：\n"
  "年　月　日　　　　　　　年　月　日\n";

static void
test_classic (void)
{
  g_autoptr(XaTextOutline) outline = xa_text_outline_new (classic);
  XaOutlineParty *first;
  XaOutlineParty *second;

  assert_lossless (outline, classic);

  g_assert_cmpint (line_at (outline, 1)->kind, ==, XA_OUTLINE_TITLE);
  g_assert_cmpint (line_at (outline, 2)->kind, ==, XA_OUTLINE_TITLE);
  g_assert_cmpint (line_at (outline, 3)->kind, ==, XA_OUTLINE_BLANK);
  g_assert_cmpint (line_at (outline, 4)->kind, ==, XA_OUTLINE_PARTY_LINE);
  g_assert_cmpuint (line_at (outline, 4)->fields->len, ==, 2);
  g_assert_cmpstr (((XaOutlineField *) line_at (outline, 4)->fields->pdata[0])->label, ==, "责任学校：");
  g_assert_cmpstr (((XaOutlineField *) line_at (outline, 4)->fields->pdata[0])->value, ==, "青岭学校");
  g_assert_cmpint (line_at (outline, 5)->kind, ==, XA_OUTLINE_PARAGRAPH);
  g_assert_cmpstr (line_at (outline, 5)->indent, ==, "　　");

  /* 一、 （一） 1. ① by depth; (二) written half-width is its own style. */
  g_assert_cmpuint (outline->styles->len, ==, 5);
  g_assert_cmpstr (outline->styles->pdata[0], ==, "一、");
  g_assert_cmpstr (outline->styles->pdata[1], ==, "（一）");
  g_assert_cmpstr (outline->styles->pdata[2], ==, "1.");
  g_assert_cmpstr (outline->styles->pdata[3], ==, "①");
  g_assert_cmpstr (outline->styles->pdata[4], ==, "(一)");
  g_assert_cmpint (line_at (outline, 6)->kind, ==, XA_OUTLINE_CLAUSE);
  g_assert_cmpuint (line_at (outline, 6)->level, ==, 1);
  g_assert_cmpstr (line_at (outline, 6)->number, ==, "一、");
  g_assert_cmpstr (line_at (outline, 6)->text, ==, "责任目标");
  g_assert_cmpuint (line_at (outline, 7)->level, ==, 2);
  g_assert_cmpuint (line_at (outline, 8)->level, ==, 3);
  g_assert_cmpuint (line_at (outline, 9)->level, ==, 4);
  g_assert_cmpuint (line_at (outline, 11)->level, ==, 3);
  g_assert_cmpuint (line_at (outline, 13)->level, ==, 1);
  g_assert_cmpint (line_at (outline, 14)->kind, ==, XA_OUTLINE_PARAGRAPH);
  g_assert_cmpuint (outline->copies, ==, 2);

  /* Two parties side by side, each with its seal, its line to sign and its date. */
  g_assert_cmpint (line_at (outline, 16)->kind, ==, XA_OUTLINE_SIGNATURE);
  g_assert_cmpuint (outline->parties->len, ==, 2);
  first = g_ptr_array_index (outline->parties, 0);
  second = g_ptr_array_index (outline->parties, 1);
  g_assert_cmpstr (first->label, ==, "甲方");
  g_assert_cmpstr (second->label, ==, "乙方");
  g_assert_true (first->seal && second->seal);
  g_assert_cmpuint (first->lines->len, ==, 1);
  g_assert_cmpstr (((XaOutlineField *) first->lines->pdata[0])->label, ==, "负责人签字：");
  g_assert_cmpstr (first->date, ==, "年　月　日");
  g_assert_cmpstr (second->date, ==, "年　月　日");
  g_assert_cmpstr (outline->shared_date, ==, "");
}

/* A flat list under the title, 1、 then 1．, Windows line ends, a teacher who signs
 * alone with fields to fill, and one date. */
static void
test_flat_and_fields (void)
{
  const char text[] =
    "班主任安全责任书\r\n"
    "1、每天清点学生人数。\r\n"
    "2、发现隐患及时报告（此项由政教处负责）。\r\n"
    "3．安全教育。每周一次。\r\n"
    "\r\n"
    "班主任签字：\r\n"
    "家长签字：　　幼儿姓名：　　班级：\r\n"
    "2024年9月1日\r\n";
  g_autoptr(XaTextOutline) outline = xa_text_outline_new (text);
  XaOutlineParty *party;

  assert_lossless (outline, text);
  g_assert_cmpint (line_at (outline, 1)->kind, ==, XA_OUTLINE_TITLE);
  g_assert_cmpuint (outline->styles->len, ==, 2);
  g_assert_cmpstr (outline->styles->pdata[0], ==, "1、");
  g_assert_cmpstr (outline->styles->pdata[1], ==, "1．");
  g_assert_cmpuint (line_at (outline, 2)->level, ==, 1);
  g_assert_cmpstr (line_at (outline, 3)->text, ==, "发现隐患及时报告（此项由政教处负责）。");
  g_assert_cmpuint (outline->parties->len, ==, 1);
  party = g_ptr_array_index (outline->parties, 0);
  g_assert_false (party->seal);
  g_assert_cmpuint (party->lines->len, ==, 4);
  g_assert_cmpstr (((XaOutlineField *) party->lines->pdata[2])->label, ==, "幼儿姓名：");
  g_assert_cmpstr (party->date, ==, "2024年9月1日");
  g_assert_cmpuint (outline->copies, ==, 0);
}

/* No title (the text starts with its first point), three parties stacked, one date
 * line under them all, 第一条 numbering, 一式三份. */
static void
test_no_title_three_parties (void)
{
  const char text[] =
    "第一条 学校负责校舍安全。\n"
    "第二条 食堂承包方负责食品安全。\n"
    "第三条 本协议一式三份，三方各执一份。\n"
    "甲方（盖章）：示例区教育委员会\n"
    "代表人签字：\n"
    "乙方（盖章）：青岭学校\n"
    "代表人签字：\n"
    "丙方：示例餐饮公司\n"
    "代表人签字：\n"
    "年　月　日\n";
  g_autoptr(XaTextOutline) outline = xa_text_outline_new (text);

  assert_lossless (outline, text);
  g_assert_cmpint (line_at (outline, 1)->kind, ==, XA_OUTLINE_CLAUSE);
  g_assert_cmpstr (line_at (outline, 1)->number, ==, "第一条");
  g_assert_cmpstr (outline->styles->pdata[0], ==, "第一条");
  g_assert_cmpuint (outline->copies, ==, 3);
  g_assert_cmpuint (outline->parties->len, ==, 3);
  g_assert_true (((XaOutlineParty *) outline->parties->pdata[0])->seal);
  g_assert_false (((XaOutlineParty *) outline->parties->pdata[2])->seal);
  g_assert_cmpstr (((XaOutlineParty *) outline->parties->pdata[2])->label, ==, "丙方");
  g_assert_cmpstr (((XaOutlineParty *) outline->parties->pdata[2])->date, ==, "年　月　日");
}

/* Numbers that are not: 1.5米, a text without any, a text of nothing. */
static void
test_not_numbers (void)
{
  const char text[] = "护栏高度不低于\n1.5米以上的部分应当加固。\n";
  g_autoptr(XaTextOutline) outline = xa_text_outline_new (text);
  g_autoptr(XaTextOutline) empty = xa_text_outline_new ("");
  g_autofree char *style = xa_text_outline_style_of ("（十二）");

  assert_lossless (outline, text);
  g_assert_cmpuint (outline->styles->len, ==, 0);
  g_assert_cmpint (line_at (outline, 2)->kind, !=, XA_OUTLINE_CLAUSE);
  g_assert_cmpuint (empty->lines->len, ==, 0);
  g_assert_cmpuint (empty->parties->len, ==, 0);
  g_assert_cmpstr (style, ==, "（一）");
  g_assert_null (xa_text_outline_style_of ("安全"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/text-outline/classic", test_classic);
  g_test_add_func ("/xa/text-outline/flat-and-fields", test_flat_and_fields);
  g_test_add_func ("/xa/text-outline/no-title-three-parties", test_no_title_three_parties);
  g_test_add_func ("/xa/text-outline/not-numbers", test_not_numbers);

  return g_test_run ();
}
