/* test-template-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "core/agreements/xa-template-diff.h"
#include "core/agreements/xa-template-library.h"

#define ALL_CHANGES (XA_TEMPLATE_CHANGE_ADDED | XA_TEMPLATE_CHANGE_REMOVED | \
                     XA_TEMPLATE_CHANGE_CHANGED | XA_TEMPLATE_CHANGE_MOVED)

static XaTemplate *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  XaTemplate *template = xa_template_library_load_builtin (&error);

  g_assert_no_error (error);
  return template;
}

/* "=杜绝|+重大|=火灾事故": the segments in a form a failing assertion shows whole. */
static char *
segments_to_string (GPtrArray *segments)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      XaDiffSegment *segment = segments->pdata[i];

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_c (out, segment->op == XA_DIFF_EQUAL ? '=' : segment->op == XA_DIFF_DELETED ? '-' : '+');
      g_string_append (out, segment->text);
    }

  return g_string_free (out, FALSE);
}

static void
assert_segments_rebuild (GPtrArray  *segments,
                         const char *old_text,
                         const char *new_text)
{
  g_autoptr(GString) old_rebuilt = g_string_new (NULL);
  g_autoptr(GString) new_rebuilt = g_string_new (NULL);

  for (guint i = 0; i < segments->len; i++)
    {
      XaDiffSegment *segment = segments->pdata[i];

      g_assert_cmpstr (segment->text, !=, "");
      if (i > 0)
        g_assert_cmpint (segment->op, !=, ((XaDiffSegment *) segments->pdata[i - 1])->op);
      if (segment->op != XA_DIFF_INSERTED)
        g_string_append (old_rebuilt, segment->text);
      if (segment->op != XA_DIFF_DELETED)
        g_string_append (new_rebuilt, segment->text);
    }

  g_assert_cmpstr (old_rebuilt->str, ==, old_text);
  g_assert_cmpstr (new_rebuilt->str, ==, new_text);
}

static void
test_text_diff (void)
{
  static const struct { const char *old_text; const char *new_text; const char *segments; } cases[] = {
    { "杜绝火灾事故", "杜绝重大火灾事故", "=杜绝|+重大|=火灾事故" },
    { "杜绝重大火灾事故", "杜绝火灾事故", "=杜绝|-重大|=火灾事故" },
    /* The lone % in common is folded into the replacement around it. */
    { "师生员工受教育面必须达99.5%以上", "师生员工受教育面必须达100%", "=师生员工受教育面必须达|-99.5%以上|+100%" },
    { "每周、月和季度", "每周、每月和每季度", "=每周、|+每|=月和|+每|=季度" },
    /* A shared 的 is no reason to cut a rewritten phrase in two. */
    { "学校的安全", "教委的责任", "-学校的安全|+教委的责任" },
    { "相同", "相同", "=相同" },
    { "", "新增条款", "+新增条款" },
    { "删除条款", "", "-删除条款" },
    { "", "", "" },
    { NULL, "新", "+新" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) segments = xa_text_diff (cases[i].old_text, cases[i].new_text);
      g_autofree char *text = segments_to_string (segments);

      g_assert_cmpstr (text, ==, cases[i].segments);
      assert_segments_rebuild (segments, cases[i].old_text ? cases[i].old_text : "", cases[i].new_text);
    }
}

/* Whatever the texts, the segments give both back and never repeat an operation. */
static void
test_text_diff_random (void)
{
  static const char * const alphabet[] = { "安", "全", "责", "任", "，", "。", "a", "1" };

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      g_autoptr(GPtrArray) segments = NULL;
      guint n = g_test_rand_int_range (0, 40);
      guint m = g_test_rand_int_range (0, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (a, alphabet[g_test_rand_int_range (0, G_N_ELEMENTS (alphabet))]);
      for (guint i = 0; i < m; i++)
        g_string_append (b, alphabet[g_test_rand_int_range (0, G_N_ELEMENTS (alphabet))]);

      segments = xa_text_diff (a->str, b->str);
      assert_segments_rebuild (segments, a->str, b->str);
    }
}

static void
test_identical (void)
{
  g_autoptr(XaTemplate) old_template = load_default ();
  g_autoptr(XaTemplate) new_template = xa_template_copy (old_template);
  g_autoptr(XaTemplateDiff) diff = xa_template_diff_new (old_template, new_template);
  g_autoptr(XaTemplateChange) first = NULL;

  /* Every clause once: title, preamble, 4 sections and their 12 children. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 18);
  g_assert_cmpuint (xa_template_diff_count (diff, ALL_CHANGES), ==, 0);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_NONE), ==, 18);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (diff)) == XA_TYPE_TEMPLATE_CHANGE);

  first = g_list_model_get_item (G_LIST_MODEL (diff), 0);
  g_assert_cmpstr (xa_template_change_get_clause_id (first), ==, "title");
  g_assert_cmpuint (xa_template_change_get_text_segments (first)->len, ==, 1);
  g_assert_cmpuint (xa_template_change_get_depth (xa_template_diff_find (diff, "s1.1")), ==, 1);
}

static guint
position_of (XaTemplateDiff *diff,
             const char     *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (diff));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaTemplateChange) change = g_list_model_get_item (G_LIST_MODEL (diff), i);

      if (g_str_equal (xa_template_change_get_clause_id (change), id))
        return i;
    }

  g_assert_not_reached ();
}

/* The real case: next year's template with one clause edited, one added, one removed. */
static void
test_edit_add_remove (void)
{
  g_autoptr(XaTemplate) old_template = load_default ();
  g_autoptr(XaTemplate) new_template = xa_template_copy (old_template);
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added_id = NULL;
  g_autofree char *segments = NULL;
  XaTemplateChange *change;
  XaClause *added;

  xa_template_set_school_year (new_template, 2022);
  xa_clause_set_text (xa_template_find_clause (new_template, "s1.5"),
                      "建立健全各项安全制度、应急预案、风险评估及安全稳定工作考核奖惩机制，切实发挥导向、激励作用。");

  added = xa_template_insert_clause (new_template, "s2", G_MAXUINT, XA_CLAUSE_KIND_ITEM, &error);
  g_assert_no_error (error);
  xa_clause_set_heading (added, "力争做到“两确保”：");
  xa_clause_set_text (added, "即确保师生生命安全，确保校园秩序稳定。");
  added_id = g_strdup (xa_clause_get_id (added));

  g_assert_true (xa_template_remove_clause (new_template, "s3.2", &error));

  diff = xa_template_diff_new (old_template, new_template);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_ADDED), ==, 1);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_REMOVED), ==, 1);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_TEXT), ==, 1);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_MOVED), ==, 0);
  /* The removed clause is listed as well as the added one. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 19);

  /* The edit, marked character by character. */
  change = xa_template_diff_find (diff, "s1.5");
  g_assert_cmpint (xa_template_change_get_flags (change), ==, XA_TEMPLATE_CHANGE_TEXT);
  segments = segments_to_string (xa_template_change_get_text_segments (change));
  g_assert_cmpstr (segments, ==, "=建立健全各项安全制度、应急预案|+、风险评估|=及安全稳定工作考核奖惩机制，切实发挥导向、激励作用。");

  change = xa_template_diff_find (diff, added_id);
  g_assert_cmpint (xa_template_change_get_flags (change), ==, XA_TEMPLATE_CHANGE_ADDED);
  g_assert_null (xa_template_change_get_old_clause (change));
  g_assert_cmpstr (xa_clause_get_number (xa_template_change_get_new_clause (change)), ==, "（四）");
  g_assert_cmpuint (position_of (diff, added_id), ==, position_of (diff, "s2.3") + 1);

  change = xa_template_diff_find (diff, "s3.2");
  g_assert_cmpint (xa_template_change_get_flags (change), ==, XA_TEMPLATE_CHANGE_REMOVED);
  g_assert_null (xa_template_change_get_new_clause (change));
  g_clear_pointer (&segments, g_free);
  segments = segments_to_string (xa_template_change_get_text_segments (change));
  g_assert_true (g_str_has_prefix (segments, "-对制度不健全"));
  /* Where it stood: after s3.1, before the next section. */
  g_assert_cmpuint (position_of (diff, "s3.2"), ==, position_of (diff, "s3.1") + 1);
  g_assert_cmpuint (position_of (diff, "s4"), ==, position_of (diff, "s3.2") + 1);

  /* The edits renumbered their siblings in the standard style; that shows too. */
  change = xa_template_diff_find (diff, "s2.3");
  g_assert_cmpint (xa_template_change_get_flags (change), ==, XA_TEMPLATE_CHANGE_NUMBER);
  change = xa_template_diff_find (diff, "s3.1");
  g_assert_cmpint (xa_template_change_get_flags (change), ==, XA_TEMPLATE_CHANGE_NUMBER);
  change = xa_template_diff_find (diff, "s1.1");
  g_assert_cmpint (xa_template_change_get_flags (change), ==, XA_TEMPLATE_CHANGE_NONE);
}

static void
test_moved (void)
{
  g_autoptr(XaTemplate) old_template = load_default ();
  g_autoptr(XaTemplate) new_template = xa_template_copy (old_template);
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaClause) carried = NULL;
  GListStore *s2_children;
  GListStore *s1_children;

  /* One item up among its siblings: one clause moved, not every one it passed. */
  g_assert_true (xa_template_move_clause (new_template, "s1.4", -2, &error));

  /* Another into a different section. */
  s2_children = G_LIST_STORE (xa_clause_get_children (xa_template_find_clause (new_template, "s2")));
  s1_children = G_LIST_STORE (xa_clause_get_children (xa_template_find_clause (new_template, "s1")));
  carried = g_list_model_get_item (G_LIST_MODEL (s2_children), 0);
  g_list_store_remove (s2_children, 0);
  g_list_store_append (s1_children, carried);

  diff = xa_template_diff_new (old_template, new_template);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_MOVED), ==, 2);
  g_assert_true (xa_template_change_get_flags (xa_template_diff_find (diff, "s1.4")) & XA_TEMPLATE_CHANGE_MOVED);
  g_assert_true (xa_template_change_get_flags (xa_template_diff_find (diff, "s2.1")) & XA_TEMPLATE_CHANGE_MOVED);
  g_assert_false (xa_template_change_get_flags (xa_template_diff_find (diff, "s1.2")) & XA_TEMPLATE_CHANGE_MOVED);
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_ADDED | XA_TEMPLATE_CHANGE_REMOVED), ==, 0);
  /* Listed once, where it is now. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (diff)), ==, 18);
  g_assert_cmpuint (position_of (diff, "s2.1"), <, position_of (diff, "s2"));
}

static void
test_removed_section (void)
{
  g_autoptr(XaTemplate) old_template = load_default ();
  g_autoptr(XaTemplate) new_template = xa_template_copy (old_template);
  g_autoptr(XaTemplateDiff) diff = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_template_remove_clause (new_template, "s2", &error));
  diff = xa_template_diff_new (old_template, new_template);

  /* The section and its three items, in their old order, before s3. */
  g_assert_cmpuint (xa_template_diff_count (diff, XA_TEMPLATE_CHANGE_REMOVED), ==, 4);
  g_assert_cmpuint (position_of (diff, "s2"), ==, position_of (diff, "s1.5") + 1);
  g_assert_cmpuint (position_of (diff, "s2.3"), ==, position_of (diff, "s2") + 3);
  g_assert_cmpuint (position_of (diff, "s3"), ==, position_of (diff, "s2.3") + 1);
  g_assert_cmpuint (xa_template_change_get_depth (xa_template_diff_find (diff, "s2.1")), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/template-diff/text", test_text_diff);
  g_test_add_func ("/xa/template-diff/text-random", test_text_diff_random);
  g_test_add_func ("/xa/template-diff/identical", test_identical);
  g_test_add_func ("/xa/template-diff/edit-add-remove", test_edit_add_remove);
  g_test_add_func ("/xa/template-diff/moved", test_moved);
  g_test_add_func ("/xa/template-diff/removed-section", test_removed_section);

  return g_test_run ();
}
