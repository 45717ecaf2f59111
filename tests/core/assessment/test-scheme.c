/* test-scheme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment scheme, pure: each deduction kind with its cap (扣完为止) and its
 * arithmetic, stepped rules at their thresholds, the default scheme of domain.md §2.3
 * (26 indicators, 100 points, linked to the 2021–2022 clauses), validation naming the
 * indicator and field, grades at the boundaries, a veto overriding the grade, JSON
 * round trips and the comparison of two years.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/assessment/xa-assessment.h"

static XaIndicator *
per_item (double points,
          double each)
{
  XaIndicator *indicator = xa_indicator_new ("C3", "C", points);

  xa_indicator_set_content (indicator, "整改时效");
  xa_indicator_set_per_item (indicator, each);
  return indicator;
}

static void
assert_suggest (XaIndicator *indicator,
                double       value,
                double       expected,
                const char  *expected_text)
{
  g_autofree char *arithmetic = NULL;
  double deduction = -1;

  g_assert_true (xa_indicator_suggest (indicator, value, "逾期隐患", &deduction, &arithmetic));
  g_test_message ("%g → %g: %s", value, deduction, arithmetic);
  g_assert_cmpfloat_with_epsilon (deduction, expected, 1e-9);
  g_assert_nonnull (arithmetic);
  if (expected_text != NULL)
    g_assert_nonnull (strstr (arithmetic, expected_text));
}

static void
test_per_item (void)
{
  g_autoptr(XaIndicator) c3 = per_item (6, 1);
  g_autoptr(XaIndicator) c1 = per_item (5, 0.5);

  assert_suggest (c3, 0, 0, "0 × 1");
  assert_suggest (c3, 3, 3, "3 × 1");
  assert_suggest (c3, 6, 6, "6 × 1");
  /* 扣完为止: never more than the indicator's points, and the sentence says so. */
  assert_suggest (c3, 8, 6, "8 × 1");
  assert_suggest (c3, 8, 6, "6");
  assert_suggest (c1, 3, 1.5, "1.5");
  assert_suggest (c1, 11, 5, "5");
  /* A negative count is none. */
  assert_suggest (c1, -2, 0, NULL);
}

static void
test_any (void)
{
  g_autoptr(XaIndicator) indicator = xa_indicator_new ("B2", "B", 3);

  xa_indicator_set_any (indicator, 1);
  assert_suggest (indicator, 0, 0, NULL);
  assert_suggest (indicator, 1, 1, "1");
  assert_suggest (indicator, 7, 1, NULL);
  /* A fixed deduction above the points is capped too. */
  xa_indicator_set_any (indicator, 5);
  assert_suggest (indicator, 2, 3, NULL);
}

static void
test_stepped (void)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
  XaIndicator *d1 = xa_scheme_find_indicator (scheme, "D1");

  g_assert_cmpint (xa_indicator_get_kind (d1), ==, XA_DEDUCTION_STEPPED);
  g_assert_cmpuint (xa_indicator_get_n_steps (d1), ==, 2);
  assert_suggest (d1, 100, 0, NULL);
  assert_suggest (d1, 99.5, 0, "99.5");
  assert_suggest (d1, 99.49, 2, "99");
  assert_suggest (d1, 99.0, 2, NULL);
  assert_suggest (d1, 98.99, 5, NULL);
  assert_suggest (d1, 0, 5, NULL);

  /* Steps given in any order are kept descending. */
  {
    g_autoptr(XaIndicator) indicator = xa_indicator_new ("X1", "X", 4);
    XaDeductionStep steps[] = { { 80, 2 }, { 95, 0 }, { 90, 1 } };

    xa_indicator_set_stepped (indicator, steps, G_N_ELEMENTS (steps), 4);
    g_assert_cmpfloat (xa_indicator_get_step (indicator, 0)->threshold, ==, 95);
    g_assert_cmpfloat (xa_indicator_get_step (indicator, 2)->threshold, ==, 80);
    assert_suggest (indicator, 96, 0, NULL);
    assert_suggest (indicator, 92, 1, NULL);
    assert_suggest (indicator, 85, 2, NULL);
    assert_suggest (indicator, 10, 4, NULL);
  }
}

/* The one line the scheme window edits a stepped rule as: written, read back, refused. */
static void
test_steps_text (void)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
  XaIndicator *d1 = xa_scheme_find_indicator (scheme, "D1");
  g_autoptr(XaIndicator) indicator = xa_indicator_new ("X1", "X", 5);
  const char *bad[] = { "", "5", "99.5:0:1, 2", "99.5-0, 5", "99.5:0, 99:x, 5", "99.5:0, 99:2, many", "-1:0, 5" };
  g_autofree char *text = xa_indicator_dup_steps_text (d1);
  g_autofree char *none = NULL;

  g_assert_cmpstr (text, ==, "99.5:0, 99:2, 5");
  none = xa_indicator_dup_steps_text (indicator);
  g_assert_cmpstr (none, ==, "");

  /* Full-width punctuation as a Chinese keyboard types it. */
  g_assert_true (xa_indicator_set_steps_text (indicator, "95：0；90：1，3", NULL));
  g_assert_cmpint (xa_indicator_get_kind (indicator), ==, XA_DEDUCTION_STEPPED);
  g_assert_cmpuint (xa_indicator_get_n_steps (indicator), ==, 2);
  assert_suggest (indicator, 96, 0, NULL);
  assert_suggest (indicator, 92, 1, NULL);
  assert_suggest (indicator, 50, 3, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (xa_indicator_set_steps_text (indicator, bad[i], &error));
      g_assert_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "X1"));
      /* Nothing changed. */
      g_assert_cmpuint (xa_indicator_get_n_steps (indicator), ==, 2);
      assert_suggest (indicator, 50, 3, NULL);
    }
}

static void
test_manual (void)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
  XaIndicator *a3 = xa_scheme_find_indicator (scheme, "A3");
  g_autofree char *arithmetic = NULL;
  double deduction = -1;

  g_assert_cmpint (xa_indicator_get_kind (a3), ==, XA_DEDUCTION_MANUAL);
  g_assert_false (xa_indicator_suggest (a3, 3, NULL, &deduction, &arithmetic));
  g_assert_cmpfloat (deduction, ==, 0);
  g_assert_null (arithmetic);
}

static void
test_default (void)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
  g_autoptr(GError) error = NULL;
  const char *codes[] = { "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "C2", "C3", "C4",
                          "D1", "D2", "D3", "D4", "D5", "D6", "E1", "E2", "F1", "F2", "G1" };
  const double points[] = { 3, 3, 3, 3, 3, 4, 3, 4, 5, 2, 2, 5, 6, 6, 3, 5, 4, 3, 4, 2, 2, 7, 3, 2, 3, 10 };
  double sum = 0;

  g_assert_true (xa_scheme_validate (scheme, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xa_scheme_get_n_groups (scheme), ==, 7);
  g_assert_cmpuint (xa_scheme_get_n_indicators (scheme), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      XaIndicator *indicator = xa_scheme_get_indicator (scheme, i);

      g_assert_cmpstr (xa_indicator_get_code (indicator), ==, codes[i]);
      g_assert_cmpfloat (xa_indicator_get_points (indicator), ==, points[i]);
      g_assert_cmpuint (strlen (xa_indicator_get_content (indicator)), >, 0);
      g_assert_cmpuint (strlen (xa_indicator_get_standard (indicator)), >, 0);
      g_assert_cmpuint (strlen (xa_indicator_get_method (indicator)), >, 0);
      sum += points[i];
    }
  g_assert_cmpfloat (sum, ==, 100);
  g_assert_cmpfloat (xa_scheme_find_group (scheme, "A")->points, ==, 15);
  g_assert_cmpfloat (xa_scheme_find_group (scheme, "G")->points, ==, 10);
  /* The links to the 2021–2022 clauses: C4 and G1 score 二(二) "九无", A1 一(一). */
  g_assert_cmpstr (xa_indicator_get_clause_ids (xa_scheme_find_indicator (scheme, "A1"))[0], ==, "s1.1");
  g_assert_cmpstr (xa_indicator_get_clause_ids (xa_scheme_find_indicator (scheme, "G1"))[0], ==, "s2.2");
  g_assert_cmpstr (xa_indicator_get_evidence_source (xa_scheme_find_indicator (scheme, "C3")), ==, "hazards.overdue");
  g_assert_cmpstr (xa_indicator_get_evidence_source (xa_scheme_find_indicator (scheme, "D1")), ==, "education.coverage");
  g_assert_null (xa_indicator_get_evidence_source (xa_scheme_find_indicator (scheme, "A3")));
  g_assert_cmpuint (xa_scheme_get_n_vetoes (scheme), ==, 4);
  g_assert_cmpstr (xa_scheme_get_veto (scheme, 3)->code, ==, "V4");
  g_assert_cmpfloat (xa_scheme_get_h_points (scheme), ==, 5);
}

static void
test_grades (void)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
  const struct
  {
    double  score;
    XaGrade grade;
  } cases[] = {
    { 100, XA_GRADE_EXCELLENT }, { 90, XA_GRADE_EXCELLENT }, { 89.9, XA_GRADE_GOOD }, { 89.99, XA_GRADE_GOOD },
    { 80, XA_GRADE_GOOD }, { 79.9, XA_GRADE_PASS }, { 60, XA_GRADE_PASS }, { 59.9, XA_GRADE_FAIL },
    { 0, XA_GRADE_FAIL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpint (xa_scheme_grade (scheme, cases[i].score, FALSE), ==, cases[i].grade);
      /* Any veto: 不合格, whatever the score. */
      g_assert_cmpint (xa_scheme_grade (scheme, cases[i].score, TRUE), ==, XA_GRADE_FAIL);
    }
  g_assert_cmpint (xa_scheme_grade (scheme, -1, FALSE), ==, XA_GRADE_NONE);

  /* Editable cut-offs: 90 / 85 / 65. */
  xa_scheme_set_cutoffs (scheme, 90, 85, 65);
  g_assert_cmpint (xa_scheme_grade (scheme, 84.9, FALSE), ==, XA_GRADE_PASS);
  g_assert_cmpint (xa_scheme_grade (scheme, 64.9, FALSE), ==, XA_GRADE_FAIL);
  g_assert_cmpstr (xa_grade_to_key (XA_GRADE_GOOD), ==, "good");
}

static void
assert_invalid (XaScheme   *scheme,
                const char *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xa_scheme_validate (scheme, &error));
  g_assert_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_validation (void)
{
  {
    /* Points that no longer add up to the group's, naming the group and the sums. */
    g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);

    xa_indicator_set_points (xa_scheme_find_indicator (scheme, "A2"), 4);
    assert_invalid (scheme, "A");
    assert_invalid (scheme, "16");
  }
  {
    /* Groups that add up to 101, not the total. */
    g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);

    xa_indicator_set_points (xa_scheme_find_indicator (scheme, "A2"), 4);
    xa_scheme_set_group (scheme, "A", "组织领导与责任落实", 16);
    assert_invalid (scheme, "101");
    /* …which is right again for a total of 101. */
    xa_scheme_set_total (scheme, 101);
    g_assert_true (xa_scheme_validate (scheme, NULL));
  }
  {
    /* A duplicate code. */
    g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
    g_autoptr(XaIndicator) twin = xa_indicator_copy (xa_scheme_find_indicator (scheme, "G1"));

    xa_scheme_remove_indicator (scheme, "G1");
    xa_scheme_add_indicator (scheme, twin);
    g_assert_true (xa_scheme_validate (scheme, NULL));
    xa_scheme_add_indicator (scheme, twin);
    assert_invalid (scheme, "G");
  }
  {
    /* Rule parameters: per item above the points, stepped steps out of order. */
    g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
    XaDeductionStep bad_steps[] = { { 99.5, 3 }, { 99.0, 2 } };

    xa_indicator_set_per_item (xa_scheme_find_indicator (scheme, "C4"), 4);
    assert_invalid (scheme, "C4");
    xa_indicator_set_per_item (xa_scheme_find_indicator (scheme, "C4"), 0);
    assert_invalid (scheme, "C4");
    xa_indicator_set_per_item (xa_scheme_find_indicator (scheme, "C4"), 0.5);
    xa_indicator_set_stepped (xa_scheme_find_indicator (scheme, "D1"), bad_steps, 2, 5);
    assert_invalid (scheme, "D1");
  }
  {
    /* Empty content, an unknown group, cut-offs out of order. */
    g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);

    xa_indicator_set_content (xa_scheme_find_indicator (scheme, "B3"), "");
    assert_invalid (scheme, "B3");
    xa_indicator_set_content (xa_scheme_find_indicator (scheme, "B3"), "门岗制度");
    xa_scheme_set_cutoffs (scheme, 80, 90, 60);
    assert_invalid (scheme, "优秀");
  }
}

static void
test_json (void)
{
  g_autoptr(XaScheme) scheme = xa_scheme_new_default (2026);
  g_autoptr(XaScheme) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  xa_scheme_set_version (scheme, 3);
  data = xa_scheme_to_data (scheme, NULL);
  back = xa_scheme_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (xa_scheme_equal (scheme, back));
  g_assert_cmpuint (xa_scheme_get_version (back), ==, 3);
  g_assert_cmpint (xa_scheme_get_school_year (back), ==, 2026);
  g_assert_true (xa_indicator_equal (xa_scheme_find_indicator (scheme, "D1"), xa_scheme_find_indicator (back, "D1")));

  /* Not a scheme; a field of the wrong type, named. */
  g_clear_object (&back);
  back = xa_scheme_new_from_data ("{\"format\": \"xiaoan-agreement\"}", -1, &error);
  g_assert_null (back);
  g_assert_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_FORMAT);
  g_clear_error (&error);
  {
    g_autoptr(GString) broken = g_string_new (data);

    g_assert_cmpuint (g_string_replace (broken, "\"kind\" : \"per-item\"", "\"kind\" : 7", 1), ==, 1);
    back = xa_scheme_new_from_data (broken->str, -1, &error);
    g_assert_null (back);
    g_assert_error (error, XA_SCHEME_ERROR, XA_SCHEME_ERROR_FORMAT);
    g_assert_nonnull (strstr (error->message, "kind"));
  }
}

static void
test_compare (void)
{
  g_autoptr(XaScheme) old_scheme = xa_scheme_new_default (2025);
  g_autoptr(XaScheme) new_scheme = xa_scheme_copy_to_year (old_scheme, 2026);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(XaIndicator) added = xa_indicator_new ("G2", "G", 2);
  gboolean seen_g2 = FALSE, seen_a5 = FALSE, seen_c3 = FALSE, seen_g1 = FALSE;

  changes = xa_scheme_compare (old_scheme, new_scheme);
  g_assert_cmpuint (changes->len, ==, 0);
  g_clear_pointer (&changes, g_ptr_array_unref);

  xa_indicator_set_content (added, "校园欺凌零发生");
  xa_scheme_add_indicator (new_scheme, added);
  xa_indicator_set_points (xa_scheme_find_indicator (new_scheme, "G1"), 8);
  xa_scheme_remove_indicator (new_scheme, "A5");
  xa_indicator_set_per_item (xa_scheme_find_indicator (new_scheme, "C3"), 2);

  changes = xa_scheme_compare (old_scheme, new_scheme);
  for (guint i = 0; i < changes->len; i++)
    {
      XaSchemeChange *change = g_ptr_array_index (changes, i);

      g_test_message ("%d %s %s", change->kind, change->code, change->summary);
      if (g_str_equal (change->code, "G2"))
        seen_g2 = change->kind == XA_SCHEME_CHANGE_ADDED;
      else if (g_str_equal (change->code, "A5"))
        seen_a5 = change->kind == XA_SCHEME_CHANGE_REMOVED;
      else if (g_str_equal (change->code, "C3"))
        seen_c3 = change->kind == XA_SCHEME_CHANGE_CHANGED && strstr (change->summary, "2") != NULL;
      else if (g_str_equal (change->code, "G1"))
        seen_g1 = change->kind == XA_SCHEME_CHANGE_CHANGED && strstr (change->summary, "10") != NULL &&
                  strstr (change->summary, "8") != NULL;
    }
  g_assert_true (seen_g2 && seen_a5 && seen_c3 && seen_g1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme/per-item", test_per_item);
  g_test_add_func ("/scheme/any", test_any);
  g_test_add_func ("/scheme/stepped", test_stepped);
  g_test_add_func ("/scheme/steps-text", test_steps_text);
  g_test_add_func ("/scheme/manual", test_manual);
  g_test_add_func ("/scheme/default", test_default);
  g_test_add_func ("/scheme/grades", test_grades);
  g_test_add_func ("/scheme/validation", test_validation);
  g_test_add_func ("/scheme/json", test_json);
  g_test_add_func ("/scheme/compare", test_compare);

  return g_test_run ();
}
