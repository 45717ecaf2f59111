/* test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The helpers every domain shares: school years, dates, the text rules, the way live
 * lists follow changed records, and the check of JSON files before they are parsed.
 */

#include "config.h"

#include <string.h>

#include <locale.h>
#include <string.h>

#include "core/registry/xa-organisation.h"
#include "core/util/xa-date.h"
#include "core/util/xa-grams.h"
#include "core/util/xa-json.h"
#include "core/util/xa-list-sync.h"
#include "core/util/xa-phone.h"
#include "core/util/xa-school-year.h"
#include "core/util/xa-text.h"

static void
test_school_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *span = NULL;
  int start_year = 0;

  label = xa_school_year_format (2021, FALSE);
  g_assert_cmpstr (label, ==, "2021—2022学年度");
  legacy = xa_school_year_format (2021, TRUE);
  g_assert_cmpstr (legacy, ==, "2021-2022学年度");
  span = xa_school_year_format_span (2021);
  g_assert_cmpstr (span, ==, "2021—2022");

  g_assert_true (xa_school_year_parse ("2021—2022学年度", &start_year, &error));
  g_assert_cmpint (start_year, ==, 2021);
  g_assert_true (xa_school_year_parse ("2023-2024 学年度", &start_year, &error));
  g_assert_cmpint (start_year, ==, 2023);
  g_assert_no_error (error);
  g_assert_false (xa_school_year_parse ("2021-2023", &start_year, &error));
  g_assert_error (error, XA_SCHOOL_YEAR_ERROR, XA_SCHOOL_YEAR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_school_year_parse ("明年", &start_year, &error));
  g_assert_error (error, XA_SCHOOL_YEAR_ERROR, XA_SCHOOL_YEAR_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(GDate) august = g_date_new_dmy (31, G_DATE_AUGUST, 2022);
    g_autoptr(GDate) september = g_date_new_dmy (1, G_DATE_SEPTEMBER, 2022);

    g_assert_cmpint (xa_school_year_for_date (august), ==, 2021);
    g_assert_cmpint (xa_school_year_for_date (september), ==, 2022);
  }
}

static void
test_dates (void)
{
  const struct { const char *text; gboolean stored; const char *normalised; } cases[] = {
    { "2021-09-01", TRUE, "2021-09-01" },
    { "2021-9-1", FALSE, "2021-09-01" },
    { " 2021-9-1 ", FALSE, "2021-09-01" },
    { "2024-02-29", TRUE, "2024-02-29" },
    { "2023-02-29", FALSE, NULL },
    { "2021-13-01", FALSE, NULL },
    { "21-09-01", FALSE, NULL },
    { "2021/09/01", FALSE, NULL },
    { "2021-09-01x", FALSE, NULL },
    { "1800-01-01", TRUE, NULL },
    { "", FALSE, NULL },
    { NULL, FALSE, NULL },
  };
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalised = xa_date_normalise (cases[i].text);

      g_test_message ("%s", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (xa_date_parse (cases[i].text, NULL), ==, cases[i].stored);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
    }

  g_assert_true (xa_date_parse ("2022-02-14", &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 14);

  {
    g_autofree char *chinese = xa_date_format_chinese ("2021-09-01");
    g_autofree char *kept = xa_date_format_chinese ("not a date");
    g_autofree char *today = xa_date_today_iso ();
    g_autofree char *now = xa_date_now_iso8601 ();
    g_autofree char *next_year = xa_date_add_years ("2024-09-01", 1);
    g_autofree char *leap = xa_date_add_years ("2024-02-29", 1);
    g_autofree char *none = xa_date_add_years ("2024-02-30", 1);

    g_assert_cmpstr (next_year, ==, "2025-09-01");
    g_assert_cmpstr (leap, ==, "2025-02-28");
    g_assert_null (none);
    g_assert_cmpstr (chinese, ==, "2021年9月1日");
    g_assert_cmpstr (kept, ==, "not a date");
    g_assert_true (xa_date_parse (today, NULL));
    g_assert_true (g_str_has_prefix (now, today));
  }
}

static void
test_text_rules (void)
{
  const GQuark domain = g_quark_from_static_string ("test-domain");
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_text_check ("重庆市大渡口区", "名称", XA_TEXT_REQUIRED, 7, domain, 3, &error));
  g_assert_no_error (error);

  /* Counted in characters, not bytes. */
  g_assert_false (xa_text_check ("重庆市大渡口区教委", "名称", XA_TEXT_REQUIRED, 7, domain, 3, &error));
  g_assert_error (error, domain, 3);
  g_assert_cmpstr (error->message, ==, "名称 is too long: at most 7 characters (now 9)");
  g_clear_error (&error);

  g_assert_false (xa_text_check (" \u3000", "名称", XA_TEXT_REQUIRED, 7, domain, 3, &error));
  g_assert_cmpstr (error->message, ==, "名称 must not be empty");
  g_clear_error (&error);
  g_assert_true (xa_text_check (NULL, "备注", XA_TEXT_OPTIONAL, 7, domain, 3, &error));

  g_assert_false (xa_text_check ("a\nb", "名称", XA_TEXT_OPTIONAL, 7, domain, 3, &error));
  g_assert_error (error, domain, 3);
  g_clear_error (&error);
  g_assert_true (xa_text_check ("a\nb", "正文", XA_TEXT_MULTILINE, 7, domain, 3, &error));
  g_assert_false (xa_text_check ("a\tb", "正文", XA_TEXT_MULTILINE, 7, domain, 3, &error));
  g_assert_error (error, domain, 3);
  g_clear_error (&error);

  g_assert_false (xa_text_check ("\xff", "名称", XA_TEXT_OPTIONAL, 7, domain, 3, &error));
  g_assert_error (error, domain, 3);
  g_clear_error (&error);

  /* A control character beyond ASCII (NEL), DEL, and white space beyond ASCII. */
  g_assert_false (xa_text_check ("楼梯\xc2\x85", "名称", XA_TEXT_MULTILINE, 7, domain, 3, &error));
  g_assert_cmpstr (error->message, ==, "名称 must not contain control characters such as tabs");
  g_clear_error (&error);
  g_assert_false (xa_text_check ("a\x7f", "名称", XA_TEXT_OPTIONAL, 7, domain, 3, &error));
  g_clear_error (&error);
  g_assert_true (xa_text_check ("\u3000楼\u3000", "名称", XA_TEXT_REQUIRED, 3, domain, 3, &error));
  g_assert_no_error (error);

  /* The refusals in their order: empty before too long before a control character. */
  g_assert_false (xa_text_check ("\t\t\t\t", "名称", XA_TEXT_REQUIRED, 2, domain, 3, &error));
  g_assert_cmpstr (error->message, ==, "名称 must not be empty");
  g_clear_error (&error);
  g_assert_false (xa_text_check ("ab\tcd", "名称", XA_TEXT_REQUIRED, 2, domain, 3, &error));
  g_assert_cmpstr (error->message, ==, "名称 is too long: at most 2 characters (now 5)");
}

static gboolean
has_gram (GPtrArray  *grams,
          const char *gram)
{
  for (guint i = 0; i < grams->len; i++)
    {
      if (g_str_equal (grams->pdata[i], gram))
        return TRUE;
    }

  return FALSE;
}

static void
test_grams (void)
{
  g_autofree char *normal = xa_grams_normalise ("Ａ１ 安全，教育！");
  g_autoptr(GPtrArray) text = xa_grams_for_text ("消防安全，消防");
  g_autoptr(GPtrArray) one = xa_grams_for_query ("安");
  g_autoptr(GPtrArray) two = xa_grams_for_query (" 消防 ");
  g_autoptr(GPtrArray) four = xa_grams_for_query ("消防安全");
  g_autoptr(GPtrArray) none = xa_grams_for_query ("，。 ");

  /* Full-width forms fold, case folds, punctuation and spaces go. */
  g_assert_cmpstr (normal, ==, "a1安全教育");

  /* Each character and each neighbouring pair, once; punctuation is dropped first. */
  g_assert_cmpuint (text->len, ==, 4 + 4);
  g_assert_true (has_gram (text, "消"));
  g_assert_true (has_gram (text, "全消"));
  g_assert_true (has_gram (text, "防安"));

  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (one->pdata[0], ==, "安");
  g_assert_cmpuint (two->len, ==, 1);
  g_assert_cmpstr (two->pdata[0], ==, "消防");
  g_assert_cmpuint (four->len, ==, 3);
  g_assert_true (has_gram (four, "防安"));
  g_assert_cmpuint (none->len, ==, 0);
}

/* The memo gives each word's grams as xa_grams_for_text() does, one pointer for each
 * gram whatever the word, and reads only the bytes it is told to. */
static void
test_gram_memo (void)
{
  g_autoptr(XaGramMemo) memo = xa_gram_memo_new ();
  g_autoptr(GPtrArray) plain = xa_grams_for_text ("灭火器过期");
  const char *text = "灭火器过期，楼梯";
  GPtrArray *first = xa_gram_memo_for_word (memo, text, strlen ("灭火器过期"));
  GPtrArray *again = xa_gram_memo_for_word (memo, "灭火器过期", strlen ("灭火器过期"));
  GPtrArray *other = xa_gram_memo_for_word (memo, "更换灭火器", strlen ("更换灭火器"));
  g_autofree char *long_word = g_strnfill (300, 'a');
  GPtrArray *longer = xa_gram_memo_for_word (memo, long_word, 300);
  const char *fire = NULL;
  const char *fire_other = NULL;

  g_assert_cmpuint (first->len, ==, plain->len);
  for (guint i = 0; i < plain->len; i++)
    g_assert_cmpstr (first->pdata[i], ==, plain->pdata[i]);
  g_assert_false (has_gram (first, "楼"));
  g_assert_true (again == first);

  for (guint i = 0; i < first->len; i++)
    fire = g_str_equal (first->pdata[i], "灭火") ? first->pdata[i] : fire;
  for (guint i = 0; i < other->len; i++)
    fire_other = g_str_equal (other->pdata[i], "灭火") ? other->pdata[i] : fire_other;
  g_assert_nonnull (fire);
  g_assert_true (fire == fire_other);

  /* A word longer than the memo's buffer on the stack: "a" and "aa" */
  g_assert_cmpuint (longer->len, ==, 2);
}

/* The list helper, with organisations as the records. */

static const char *
org_key (gpointer item)
{
  return xa_organisation_get_uuid (item);
}

static void
org_assign (gpointer existing,
            gpointer fresh)
{
  xa_organisation_set_code (existing, xa_organisation_get_code (fresh));
  xa_organisation_set_name (existing, xa_organisation_get_name (fresh));
}

static int
org_compare (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  return g_strcmp0 (xa_organisation_get_code ((XaOrganisation *) a),
                    xa_organisation_get_code ((XaOrganisation *) b));
}

static const XaListSyncFuncs org_sync = { org_key, org_assign, org_compare };

static XaOrganisation *
org_like (XaOrganisation *school,
          const char     *code,
          const char     *name)
{
  XaOrganisation *copy = xa_organisation_copy (school);

  xa_organisation_set_code (copy, code);
  xa_organisation_set_name (copy, name);
  return copy;
}

typedef struct
{
  guint position, removed, added, n_signals;
} Splice;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Splice     *splice)
{
  *splice = (Splice) { position, removed, added, splice->n_signals + 1 };
}

static void
test_list_sync (void)
{
  g_autoptr(GListStore) list = g_list_store_new (XA_TYPE_ORGANISATION);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XaOrganisation) a = NULL;
  g_autoptr(XaOrganisation) b = NULL;
  g_autoptr(XaOrganisation) c = NULL;
  Splice splice = { 0 };

  a = xa_organisation_new_school ();
  xa_organisation_set_code (a, "5000000001");
  b = xa_organisation_new_school ();
  xa_organisation_set_code (b, "5000000002");
  c = xa_organisation_new_school ();
  xa_organisation_set_code (c, "5000000003");
  g_ptr_array_add (all, g_object_ref (a));
  g_ptr_array_add (all, g_object_ref (b));
  g_ptr_array_add (all, g_object_ref (c));
  xa_list_sync_all (list, &org_sync, all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &splice);

  /* Renamed: in place, no splice. */
  {
    const char *keys[] = { xa_organisation_get_uuid (b), NULL };

    g_ptr_array_add (fresh, org_like (b, "5000000002", "新名字"));
    xa_list_sync_records (list, &org_sync, keys, fresh);
    g_assert_cmpuint (splice.n_signals, ==, 0);
    g_assert_cmpstr (xa_organisation_get_name (b), ==, "新名字");
  }

  /* A new code moves the same object to its new place. */
  {
    const char *keys[] = { xa_organisation_get_uuid (a), NULL };
    g_autoptr(XaOrganisation) last = NULL;

    g_ptr_array_set_size (fresh, 0);
    g_ptr_array_add (fresh, org_like (a, "5000000009", ""));
    xa_list_sync_records (list, &org_sync, keys, fresh);
    last = g_list_model_get_item (G_LIST_MODEL (list), 2);
    g_assert_true (last == a);
  }

  /* Named but not read again: gone from the list. Read but not listed: inserted. */
  {
    g_autoptr(XaOrganisation) d = xa_organisation_new_school ();
    const char *keys[] = { xa_organisation_get_uuid (c), xa_organisation_get_uuid (d), NULL };
    g_autoptr(XaOrganisation) first = NULL;

    xa_organisation_set_code (d, "5000000000");
    g_ptr_array_set_size (fresh, 0);
    g_ptr_array_add (fresh, g_object_ref (d));
    splice.n_signals = 0;
    xa_list_sync_records (list, &org_sync, keys, fresh);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (first == d);
    g_assert_cmpuint (splice.n_signals, ==, 2);
  }

  /* The whole list again, as it is: nothing is spliced. */
  {
    g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(XaOrganisation) item = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_ptr_array_add (same, xa_organisation_copy (item));
      }
    splice.n_signals = 0;
    xa_list_sync_all (list, &org_sync, same);
    g_assert_cmpuint (splice.n_signals, ==, 0);
  }

  {
    g_autofree char *placeholders = xa_sql_placeholders (3);

    g_assert_cmpstr (placeholders, ==, "?, ?, ?");
  }

  g_signal_handlers_disconnect_by_data (list, &splice);
}

/* A text file from Windows: UTF-8 with or without its mark, or GB18030; anything else
 * is named with the place it cannot be read at. */
static void
test_text_decode (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gb = g_convert ("青岭学校安全责任书", -1, "GB18030", "UTF-8", NULL, NULL, &error);
  g_autoptr(GBytes) utf8 = g_bytes_new_static ("\xEF\xBB\xBF甲方：示例区", strlen ("\xEF\xBB\xBF甲方：示例区"));
  g_autoptr(GBytes) gb_bytes = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("ab\xFF\xFF\xFF", 5);
  g_autoptr(GBytes) nul = g_bytes_new_static ("ab\0cd", 5);
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  g_assert_no_error (error);
  gb_bytes = g_bytes_new (gb, strlen (gb));

  text = xa_text_decode (utf8, "a.txt", &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "甲方：示例区");
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_clear_pointer (&text, g_free);

  text = xa_text_decode (gb_bytes, "b.txt", &encoding, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "青岭学校安全责任书");
  g_assert_cmpstr (encoding, ==, "GB18030");
  g_clear_pointer (&text, g_free);

  g_assert_null (xa_text_decode (broken, "c.txt", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "c.txt"));
  g_clear_error (&error);

  g_assert_null (xa_text_decode (nul, "d.txt", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "d.txt"));
}

/* Checks @json and expects @code with @message, or success when @code is -1. */
static void
assert_json_check (const char *json,
                   gsize       length,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = xa_json_check (json, length, &error);

  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, XA_JSON_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static char *
dup_nested (guint       depth,
            const char *inside)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (json, i % 2 ? "{\"a\": " : "[");
  g_string_append (json, inside);
  for (guint i = depth; i > 0; i--)
    g_string_append (json, (i - 1) % 2 ? "}" : "]");

  return g_string_free (json, FALSE);
}

/* What json-glib is not trusted with is refused before it parses, at the character
 * where it starts: deep brackets (100,000 of them overflowed its stack), NULs raw or
 * escaped (a \u0000 cut a name short), files of more than 4 MiB. Brackets and escapes
 * inside strings are text. */
static void
test_json_check (void)
{
  g_autofree char *bomb = g_malloc0 (200 * 1000 + 1);
  g_autofree char *at_limit = dup_nested (XA_JSON_MAX_DEPTH, "1");
  g_autofree char *beyond = dup_nested (XA_JSON_MAX_DEPTH + 1, "1");
  g_autofree char *quoted = NULL;
  g_autofree char *huge = g_malloc (XA_JSON_MAX_BYTES + 1);
  const char raw_nul[] = "{\n  \"name\": \"ab\0c\"\n}";
  const char escaped_nul[] = "{\n  \"name\": \"示例\\u0000附加\"\n}";

  /* The bracket bomb: 100,000 opening brackets, then as many closing ones. */
  memset (bomb, '[', 100 * 1000);
  memset (bomb + 100 * 1000, ']', 100 * 1000);
  assert_json_check (bomb, 200 * 1000, XA_JSON_ERROR_TOO_DEEP,
                     "line 1, column 65: brackets nested more than 64 deep");

  /* Arrays and objects alike, deep to the limit and one beyond. */
  assert_json_check (at_limit, strlen (at_limit), -1, NULL);
  assert_json_check (beyond, strlen (beyond), XA_JSON_ERROR_TOO_DEEP,
                     "line 1, column 225: brackets nested more than 64 deep");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = xa_json_parse (at_limit, -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (root);
  }

  /* Brackets in a string are text, also after an escaped quotation mark; an escaped
   * backslash does not make the "u0000" after it an escape. */
  quoted = g_strdup_printf ("[\"\\\"%s\", \"\\\\u0000\"]", bomb);
  assert_json_check (quoted, strlen (quoted), -1, NULL);
  assert_json_check ("[\"\\\"[[[[\", \"\\\\u0000\", \"}}}\"]", 28, -1, NULL);

  /* NULs: the column counts characters, not bytes (示 and 例 are three each). */
  assert_json_check (raw_nul, sizeof raw_nul - 1, XA_JSON_ERROR_NUL,
                     "line 2, column 14: a NUL byte (an empty character), which the file cannot have");
  assert_json_check (escaped_nul, strlen (escaped_nul), XA_JSON_ERROR_NUL,
                     "line 2, column 14: a NUL character (\\u0000) in a text, which the file cannot have");
  assert_json_check ("[\"\\u0001\"]", 10, -1, NULL);

  /* One byte more than the limit, refused before a byte is looked at. */
  memset (huge, ' ', XA_JSON_MAX_BYTES + 1);
  assert_json_check (huge, XA_JSON_MAX_BYTES, -1, NULL);
  assert_json_check (huge, XA_JSON_MAX_BYTES + 1, XA_JSON_ERROR_TOO_LARGE,
                     "the file is too large (4.0\u00a0MiB, at most 4.0\u00a0MiB)");

  /* What passes the check still has to be JSON. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (xa_json_parse ("{\"a\": ", -1, &error));
    g_assert_error (error, XA_JSON_ERROR, XA_JSON_ERROR_INVALID);
  }
}

static void
test_phone_format (void)
{
  static const struct
  {
    const char *typed;
    const char *shown;
  } cases[] = {
    /* Mobiles in 3-4-4, however they were typed. */
    { "13800007750", "138 0000 7750" },
    { " 138-0000-7750 ", "138 0000 7750" },
    { "138 0000 7750", "138 0000 7750" },
    { "+86 138 0000 7750", "138 0000 7750" },
    /* Landlines: a three-digit area code for 010 and 02X, four for the others. */
    { "02368881234", "023-6888 1234" },
    { "023 6888 1234", "023-6888 1234" },
    { "023-68881234", "023-6888 1234" },
    { "010-12345678", "010-1234 5678" },
    { "0571-88881234", "0571-8888 1234" },
    { "0571-8888123", "0571-888 8123" },
    /* What is neither is shown as typed, never guessed at. */
    { "68881234", "68881234" },
    { "023-6888 1234 转 801", "023-6888 1234 转 801" },
    { "(023) 6888 1234", "(023) 6888 1234" },
    { "+1 415 555 0100", "+1 415 555 0100" },
    { "400-800-1234", "400-800-1234" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = xa_phone_format (cases[i].typed);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }

  {
    g_autofree char *none = xa_phone_format (NULL);

    g_assert_cmpstr (none, ==, "");
  }
}

/* Numbers spelt by hand, as printf spells them, both ends of the range included. */
static void
test_text_spell_int64 (void)
{
  static const gint64 values[] = {
    0, 1, -1, 9, 10, 99, 100, 2021, -2021, 1000000, G_MAXINT32, (gint64) G_MAXUINT32 + 1,
    G_MAXINT64, G_MININT64, G_MININT64 + 1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, values[i]);
      char spelled[XA_TEXT_INT64_SIZE];
      int length;

      memset (spelled, 'x', sizeof spelled);
      length = xa_text_spell_int64 (spelled, values[i]);
      g_assert_cmpstr (spelled, ==, expected);
      g_assert_cmpint (length, ==, (int) strlen (expected));
    }
}

/* The stored form of a time, 2021-09-01T08:30:00+08:00, checked by hand, and every other
 * text by GLib: the answer is GLib's for every text, the edges of each part included. */
static void
test_date_time_check (void)
{
  static const char * const fixed[] = {
    "2021-09-01T08:30:00+08:00", "2021-09-01T08:30:00Z", "2021-09-01T08:30:00-05:30",
    "2024-02-29T23:59:59+08:00", "2023-02-29T08:00:00+08:00", "2021-04-31T08:00:00+08:00",
    "2021-09-01T24:00:00+08:00", "2021-09-01T08:60:00+08:00", "2021-09-01T08:30:60+08:00",
    "2021-13-01T08:30:00+08:00", "2021-00-10T08:30:00+08:00", "2021-09-00T08:30:00+08:00",
    "0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-08:00", "2021-09-01T08:30:00+14:00",
    "2021-09-01T08:30:00+15:00", "2021-09-01T08:30:00+08:60", "2021-09-01T08:30:00.5+08:00",
    "2021-09-01 08:30:00+08:00", "2021-09-01T08:30:00", "2021-09-01T08:30:00+0800",
    "2021-9-01T08:30:00+08:00", "２021-09-01T08:30:00+08:00", "", "T", "2021-09-01",
    "2021-09-01T08:30:00+08:00 ", "2021-09-01T08:30:00z", "2021-09-01T08:3a:00+08:00",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n_valid = 0, n_invalid = 0;

  g_assert_false (xa_date_time_check (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 20000; i++)
    {
      g_autofree char *made = NULL;
      const char *text;
      g_autoptr(GDateTime) glib = NULL;

      if (i < G_N_ELEMENTS (fixed))
        text = fixed[i];
      else
        {
          /* Each part around its limits, in the stored form */
          static const int years[] = { 1, 999, 1000, 1999, 2021, 2024, 2100, 9000, 9001, 9999 };
          int offset = g_rand_int_range (rand, 0, 4);

          text = made = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s",
                                         years[g_rand_int_range (rand, 0, G_N_ELEMENTS (years))],
                                         g_rand_int_range (rand, 0, 14), g_rand_int_range (rand, 0, 33),
                                         g_rand_int_range (rand, 0, 26), g_rand_int_range (rand, 0, 62),
                                         g_rand_int_range (rand, 0, 62),
                                         offset == 0 ? "Z" : "");
          if (offset > 0)
            {
              g_autofree char *with = g_strdup_printf ("%s%c%02d:%02d", made, offset == 1 ? '-' : '+',
                                                       g_rand_int_range (rand, 0, 26),
                                                       g_rand_int_range (rand, 0, 62));
              g_free (made);
              text = made = g_steal_pointer (&with);
            }
        }

      glib = g_date_time_new_from_iso8601 (text, NULL);
      if ((glib != NULL) != xa_date_time_check (text))
        g_error ("“%s”: GLib says %s", text, glib != NULL ? "valid" : "invalid");
      if (glib != NULL)
        n_valid++;
      else
        n_invalid++;
    }
  g_assert_cmpuint (n_valid, >, 1000);
  g_assert_cmpuint (n_invalid, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xiaoan/util/school-year", test_school_year);
  g_test_add_func ("/xiaoan/util/dates", test_dates);
  g_test_add_func ("/xiaoan/util/date-time-check", test_date_time_check);
  g_test_add_func ("/xiaoan/util/text-rules", test_text_rules);
  g_test_add_func ("/xiaoan/util/text-spell-int64", test_text_spell_int64);
  g_test_add_func ("/xiaoan/util/list-sync", test_list_sync);
  g_test_add_func ("/xiaoan/util/grams", test_grams);
  g_test_add_func ("/xiaoan/util/gram-memo", test_gram_memo);
  g_test_add_func ("/xiaoan/util/text-decode", test_text_decode);
  g_test_add_func ("/xiaoan/util/json-check", test_json_check);
  g_test_add_func ("/xiaoan/util/phone-format", test_phone_format);

  return g_test_run ();
}
