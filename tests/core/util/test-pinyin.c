/* test-pinyin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chinese names found by what people type (characters, pinyin initials, the spelling
 * without tones) and sorted in pinyin order, from any thread.
 */

#include "config.h"

#include <locale.h>

#include "core/util/xa-pinyin.h"

static gboolean
matches (const XaPinyinKey *key,
         const char        *typed)
{
  g_autofree char *query = xa_pinyin_normalise_query (typed);

  return xa_pinyin_key_match (key, query);
}

static void
test_key (void)
{
  g_autoptr(XaPinyinKey) school = xa_pinyin_key_new ("示例区实验小学", XA_PINYIN_PLACE);
  g_autoptr(XaPinyinKey) numbered = xa_pinyin_key_new ("北京市第101中学", XA_PINYIN_PLACE);
  g_autoptr(XaPinyinKey) latin = xa_pinyin_key_new ("ABC 国际学校（分校）", XA_PINYIN_PLACE);

  g_assert_cmpstr (xa_pinyin_key_get_text (school), ==, "示例区实验小学");
  g_assert_cmpstr (xa_pinyin_key_get_initials (school), ==, "slqsyxx");
  g_assert_cmpstr (xa_pinyin_key_get_spelling (school), ==, "shiliqushiyanxiaoxue");

  /* A run of digits between characters stays whole and apart from the syllables. */
  g_assert_cmpstr (xa_pinyin_key_get_initials (numbered), ==, "bjsd101zx");
  g_assert_cmpstr (xa_pinyin_key_get_spelling (numbered), ==, "beijingshidi101zhongxue");

  /* Latin letters are kept, lowercase; spaces and punctuation go. */
  g_assert_cmpstr (xa_pinyin_key_get_text (latin), ==, "abc国际学校分校");
  g_assert_cmpstr (xa_pinyin_key_get_initials (latin), ==, "abcgjxxfx");
}

static void
test_match (void)
{
  g_autoptr(XaPinyinKey) school = xa_pinyin_key_new ("示例区实验小学", XA_PINYIN_PLACE);
  g_autoptr(XaPinyinKey) numbered = xa_pinyin_key_new ("北京市第101中学", XA_PINYIN_PLACE);
  g_autofree char *nothing = xa_pinyin_normalise_query (" ，");

  /* As written, by initials (a prefix or any part), by spelling. */
  g_assert_true (matches (school, "实验"));
  g_assert_true (matches (school, "slq"));
  g_assert_true (matches (school, "sy"));
  g_assert_true (matches (school, "syxx"));
  g_assert_true (matches (school, "shiyan"));
  g_assert_true (matches (school, "shiliqu"));
  /* Case, spaces and full-width letters do not matter. */
  g_assert_true (matches (school, "SY"));
  g_assert_true (matches (school, "shi yan"));
  g_assert_true (matches (school, "ＳＹ"));

  g_assert_false (matches (school, "实小"));
  g_assert_false (matches (school, "xy"));
  g_assert_false (matches (school, "shiyanz"));
  g_assert_false (matches (numbered, "sy"));
  g_assert_true (matches (numbered, "101"));
  g_assert_true (matches (numbered, "d101"));
  g_assert_true (matches (numbered, "zx"));

  /* Nothing typed matches every name. */
  g_assert_null (nothing);
  g_assert_true (xa_pinyin_key_match (numbered, nothing));
}

static void
test_person (void)
{
  g_autoptr(XaPinyinKey) person = xa_pinyin_key_new ("单雄信", XA_PINYIN_PERSON);
  g_autoptr(XaPinyinKey) place = xa_pinyin_key_new ("单雄信", XA_PINYIN_PLACE);

  /* 单 is read shàn as a surname, dān otherwise. */
  g_assert_cmpstr (xa_pinyin_key_get_initials (person), ==, "sxx");
  g_assert_cmpstr (xa_pinyin_key_get_initials (place), ==, "dxx");
}

static void
test_index (void)
{
  g_autoptr(XaPinyinIndex) index = xa_pinyin_index_new (XA_PINYIN_PLACE);
  const XaPinyinKey *key = xa_pinyin_index_lookup (index, "示例区实验小学");
  g_autofree char *query = xa_pinyin_normalise_query ("sy");

  /* Each name is read once: the second look-up is the same key. */
  g_assert_nonnull (key);
  g_assert_true (xa_pinyin_index_lookup (index, "示例区实验小学") == key);
  g_assert_true (xa_pinyin_index_match (index, "示例区实验小学", query));
  g_assert_false (xa_pinyin_index_match (index, "北京市第101中学", query));
  g_assert_true (xa_pinyin_index_match (index, "北京市第101中学", NULL));
  g_assert_true (xa_pinyin_index_match (index, NULL, NULL));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return xa_pinyin_collate (*(const char * const *) a, *(const char * const *) b);
}

static const char * const unsorted[] = {
  "王建国", "杜鹃", "石磊", "安然", "张伟", "李秀英", "王芳", "Zhou", "阿里",
};
/* 阿 ā, 安 ān, 杜 dù, 李 lǐ, 石 shí, 王 wáng (芳 before 建), 张 zhāng; a Latin name
 * among them by its letters. */
static const char * const in_pinyin_order[] = {
  "阿里", "安然", "杜鹃", "李秀英", "石磊", "王芳", "王建国", "张伟", "Zhou",
};

static GPtrArray *
sort_names (void)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (unsorted); i++)
    g_ptr_array_add (names, (gpointer) unsorted[i]);
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
assert_pinyin_order (GPtrArray *names)
{
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (in_pinyin_order));
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, in_pinyin_order[i]);
}

static gpointer
sort_many_times (gpointer data)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) names = sort_names ();

      assert_pinyin_order (names);
    }
  return NULL;
}

static void
test_collate (void)
{
  g_autoptr(GPtrArray) names = sort_names ();
  GThread *threads[4];

  assert_pinyin_order (names);
  g_assert_cmpint (xa_pinyin_collate ("石", "王"), <, 0);
  g_assert_cmpint (xa_pinyin_collate ("王", "石"), >, 0);
  g_assert_cmpint (xa_pinyin_collate ("王", "王"), ==, 0);
  g_assert_cmpint (xa_pinyin_collate (NULL, "王"), <, 0);

  /* Threads that sort at the same time each get the same order. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("sort", sort_many_times, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/pinyin/key", test_key);
  g_test_add_func ("/xiaoan/pinyin/match", test_match);
  g_test_add_func ("/xiaoan/pinyin/person", test_person);
  g_test_add_func ("/xiaoan/pinyin/index", test_index);
  g_test_add_func ("/xiaoan/pinyin/collate", test_collate);

  return g_test_run ();
}
