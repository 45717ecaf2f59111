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

#include <json-glib/json-glib.h>

#include "core/agreements/xa-text-outline.h"
#include "core/util/xa-text.h"
#include "xa-test-utils.h"

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

  /* 一、 （一） 1. ① by depth; (二) written half-width goes back to the level of （一）. */
  g_assert_cmpuint (outline->styles->len, ==, 4);
  g_assert_cmpstr (outline->styles->pdata[0], ==, "一、");
  g_assert_cmpstr (outline->styles->pdata[1], ==, "（一）");
  g_assert_cmpstr (outline->styles->pdata[2], ==, "1.");
  g_assert_cmpstr (outline->styles->pdata[3], ==, "①");
  g_assert_cmpuint (line_at (outline, 12)->level, ==, 2);
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

/* A flat list under the title, 1、 then 1．, Windows line ends, a teacher and a parent
 * who sign for themselves, fields to fill, and one date. */
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
  /* The teacher and the parent sign each for themselves: two parties, one date. */
  g_assert_cmpuint (outline->parties->len, ==, 2);
  party = g_ptr_array_index (outline->parties, 1);
  g_assert_false (party->seal);
  g_assert_cmpuint (party->lines->len, ==, 3);
  g_assert_cmpstr (((XaOutlineField *) party->lines->pdata[1])->label, ==, "幼儿姓名：");
  g_assert_cmpstr (party->date, ==, "");
  g_assert_cmpstr (outline->shared_date, ==, "2024年9月1日");
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
  /* One date under the three: theirs together. */
  g_assert_cmpstr (((XaOutlineParty *) outline->parties->pdata[2])->date, ==, "");
  g_assert_cmpstr (outline->shared_date, ==, "年　月　日");
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

/* The numbering styles: each offered style is its own style, the Nth number of each
 * reads back as that style, and the numbers count as their kind counts. */
static void
test_number_styles (void)
{
  static const struct { const char *style; guint n; const char *number; } cases[] = {
    { "一、", 1, "一、" }, { "一、", 12, "十二、" }, { "（一）", 3, "（三）" },
    { "(一)", 21, "(二十一)" }, { "1.", 10, "10." }, { "1、", 2, "2、" }, { "1．", 7, "7．" },
    { "（1）", 11, "（11）" }, { "①", 2, "②" }, { "①", 21, "㉑" }, { "①", 51, "（51）" },
    { "第一条", 3, "第三条" }, { XA_NUMBERING_NONE, 4, "" },
  };
  const char * const *styles = xa_text_outline_get_styles ();
  guint n_styles = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = xa_text_outline_format_number (cases[i].style, cases[i].n);

      g_assert_cmpstr (number, ==, cases[i].number);
    }

  for (; styles[n_styles] != NULL; n_styles++)
    {
      g_autofree char *third = xa_text_outline_format_number (styles[n_styles], 3);
      g_autofree char *style = xa_text_outline_style_of (third);

      g_assert_true (xa_text_outline_is_style (styles[n_styles]));
      if (g_str_equal (styles[n_styles], XA_NUMBERING_NONE))
        g_assert_cmpstr (third, ==, "");
      else
        g_assert_cmpstr (style, ==, styles[n_styles]);
    }
  g_assert_cmpuint (n_styles, ==, 8);
  g_assert_cmpstr (styles[n_styles - 1], ==, XA_NUMBERING_NONE);

  /* A style is written as its first number. */
  g_assert_false (xa_text_outline_is_style ("三、"));
  g_assert_false (xa_text_outline_is_style ("安全"));
  g_assert_false (xa_text_outline_is_style (""));
  g_assert_false (xa_text_outline_is_style (NULL));
}

static char *
strip_colon (const char *label)
{
  g_autofree char *copy = g_strdup (label);

  if (g_str_has_suffix (copy, "："))
    copy[strlen (copy) - strlen ("：")] = '\0';
  else if (g_str_has_suffix (copy, ":"))
    copy[strlen (copy) - 1] = '\0';
  return g_strstrip (g_steal_pointer (&copy));
}

/* One text of tests/data/agreements/ against what its .expect.json says a correct
 * reading finds (the folder's README says how the expectations were decided). */
static void
test_corpus_text (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_build_filename (g_getenv ("XIAOAN_TEST_DATA"), "agreements", NULL);
  g_autofree char *text_path = g_strdup_printf ("%s/%s.txt", dir, name);
  g_autofree char *expect_path = g_strdup_printf ("%s/%s.expect.json", dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (text_path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(XaTextOutline) outline = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  JsonObject *expect;
  JsonArray *array;
  const char *encoding = NULL;

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  text = xa_text_decode (bytes, name, &encoding, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, expect_path, &error);
  g_assert_no_error (error);
  expect = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (g_ascii_strdown (encoding, -1), ==, json_object_get_string_member (expect, "encoding"));
  outline = xa_text_outline_new (text);
  assert_lossless (outline, text);

  for (guint i = 0; i < outline->lines->len; i++)
    {
      XaOutlineLine *line = g_ptr_array_index (outline->lines, i);

      if (line->kind == XA_OUTLINE_TITLE)
        g_ptr_array_add (titles, g_strstrip (g_strdup (line->text)));
      if (line->kind == XA_OUTLINE_PARTY_LINE)
        for (guint f = 0; f < line->fields->len; f++)
          g_ptr_array_add (fields, line->fields->pdata[f]);
      if (line->kind == XA_OUTLINE_CLAUSE)
        {
          if (counts->len < line->level)
            g_array_set_size (counts, line->level);
          g_array_index (counts, guint, line->level - 1)++;
        }
    }

  array = json_object_get_array_member (expect, "title");
  g_assert_cmpuint (titles->len, ==, json_array_get_length (array));
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (titles->pdata[i], ==, json_array_get_string_element (array, i));
  g_ptr_array_foreach (titles, (GFunc) g_free, NULL);

  array = json_object_get_array_member (expect, "party_lines");
  g_assert_cmpuint (fields->len, ==, json_array_get_length (array));
  for (guint i = 0; i < fields->len; i++)
    {
      JsonObject *field = json_array_get_object_element (array, i);
      XaOutlineField *found = fields->pdata[i];
      g_autofree char *label = strip_colon (found->label);

      g_assert_cmpstr (label, ==, json_object_get_string_member (field, "label"));
      g_assert_cmpstr (found->value, ==, json_object_get_string_member (field, "value"));
    }

  array = json_object_get_array_member (expect, "levels");
  g_assert_cmpuint (outline->styles->len, ==, json_array_get_length (array));
  for (guint i = 0; i < outline->styles->len; i++)
    g_assert_cmpstr (outline->styles->pdata[i], ==,
                     json_object_get_string_member (json_array_get_object_element (array, i), "style"));

  array = json_object_get_array_member (expect, "clauses");
  g_assert_cmpuint (counts->len, ==, json_array_get_length (array));
  for (guint i = 0; i < counts->len; i++)
    g_assert_cmpuint (g_array_index (counts, guint, i), ==, json_array_get_int_element (array, i));

  array = json_object_get_array_member (expect, "parties");
  g_assert_cmpuint (outline->parties->len, ==, json_array_get_length (array));
  for (guint i = 0; i < outline->parties->len; i++)
    {
      JsonObject *party = json_array_get_object_element (array, i);
      XaOutlineParty *found = outline->parties->pdata[i];
      JsonArray *lines = json_object_get_array_member (party, "lines");

      g_assert_cmpstr (found->label, ==, json_object_get_string_member (party, "label"));
      g_assert_cmpstr (found->unit, ==, json_object_get_string_member (party, "unit"));
      g_assert_cmpint (found->seal, ==, json_object_get_boolean_member (party, "seal"));
      g_assert_cmpstr (found->date, ==, json_object_get_string_member (party, "date"));
      g_assert_cmpuint (found->lines->len, ==, json_array_get_length (lines));
      for (guint l = 0; l < found->lines->len; l++)
        {
          XaOutlineField *line = found->lines->pdata[l];
          g_autofree char *written = g_strconcat (line->label, line->value, NULL);

          g_assert_cmpstr (written, ==, json_array_get_string_element (lines, l));
        }
    }

  g_assert_cmpstr (outline->shared_date, ==, json_object_get_string_member (expect, "shared_date"));
  g_assert_cmpuint (outline->copies, ==, json_object_get_int_member (expect, "copies"));
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

  xa_test_add_corpus ("/xa/text-outline/corpus/", test_corpus_text);

  g_test_add_func ("/xa/text-outline/number-styles", test_number_styles);

  return g_test_run ();
}
