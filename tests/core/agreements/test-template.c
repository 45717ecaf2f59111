/* test-template.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "core/agreements/xa-template-library.h"
#include "core/agreements/xa-template.h"

static XaTemplate *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  XaTemplate *template = xa_template_library_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (template);
  return template;
}

static char *
load_default_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (XA_TEMPLATE_LIBRARY_DEFAULT_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
test_data_path (const char *name)
{
  const char *dir = g_getenv ("XIAOAN_TEST_DATA");

  /* meson test sets XIAOAN_TEST_DATA; a test run by hand finds the source tree. */
  if (dir != NULL)
    return g_build_filename (dir, name, NULL);
  return g_build_filename (SOURCE_DATADIR, "..", "tests", "data", name, NULL);
}

/* One JSON text, with a fixed generator, so that two documents compare modulo formatting
 * (indentation, the space before a colon) but not modulo order or content. */
static char *
normalise_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static void
assert_clauses_equal (GListModel *a,
                      GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) ca = g_list_model_get_item (a, i);
      g_autoptr(XaClause) cb = g_list_model_get_item (b, i);

      g_assert_cmpstr (xa_clause_get_id (ca), ==, xa_clause_get_id (cb));
      g_assert_cmpint (xa_clause_get_kind (ca), ==, xa_clause_get_kind (cb));
      g_assert_cmpstr (xa_clause_get_number (ca), ==, xa_clause_get_number (cb));
      g_assert_cmpstr (xa_clause_get_heading (ca), ==, xa_clause_get_heading (cb));
      g_assert_cmpstr (xa_clause_get_text (ca), ==, xa_clause_get_text (cb));
      assert_clauses_equal (xa_clause_get_children (ca), xa_clause_get_children (cb));
    }
}

static void
test_chinese_numeral (void)
{
  static const struct { guint n; const char *numeral; } cases[] = {
    { 1, "一" }, { 2, "二" }, { 9, "九" }, { 10, "十" }, { 11, "十一" }, { 15, "十五" },
    { 19, "十九" }, { 20, "二十" }, { 21, "二十一" }, { 30, "三十" }, { 45, "四十五" },
    { 90, "九十" }, { 99, "九十九" }, { 0, "0" }, { 100, "100" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *numeral = xa_chinese_numeral (cases[i].n);

      g_assert_cmpstr (numeral, ==, cases[i].numeral);
    }
}

static void
test_format_number (void)
{
  static const struct { XaClauseKind kind; guint n; const char *number; } cases[] = {
    { XA_CLAUSE_KIND_SECTION, 1, "一、" },
    { XA_CLAUSE_KIND_SECTION, 11, "十一、" },
    { XA_CLAUSE_KIND_ITEM, 3, "（三）" },
    { XA_CLAUSE_KIND_ITEM, 20, "（二十）" },
    { XA_CLAUSE_KIND_LIST, 2, "2." },
    { XA_CLAUSE_KIND_LIST, 12, "12." },
    { XA_CLAUSE_KIND_SUBLIST, 1, "①" },
    { XA_CLAUSE_KIND_SUBLIST, 20, "⑳" },
    { XA_CLAUSE_KIND_SUBLIST, 21, "㉑" },
    { XA_CLAUSE_KIND_SUBLIST, 36, "㊱" },
    { XA_CLAUSE_KIND_PARAGRAPH, 1, "" },
    { XA_CLAUSE_KIND_CLOSING, 4, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = xa_clause_kind_format_number (cases[i].kind, cases[i].n);

      g_assert_cmpstr (number, ==, cases[i].number);
    }
}

static void
test_parse_default (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  GListModel *clauses = xa_template_get_clauses (template);
  const XaSigner *commission;
  const XaSigner *school;
  XaClause *clause;

  g_assert_cmpint (xa_template_get_school_year (template), ==, 2021);
  g_assert_cmpstr (xa_template_get_name (template), ==, "安全、社会管理综合治理工作目标责任书");
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, 6);
  g_assert_false (xa_template_get_frozen (template));

  clause = xa_template_find_clause (template, "title");
  g_assert_nonnull (clause);
  g_assert_cmpint (xa_clause_get_kind (clause), ==, XA_CLAUSE_KIND_TITLE);
  g_assert_true (strstr (xa_clause_get_text (clause), "{school_year}") != NULL);
  g_assert_true (strchr (xa_clause_get_text (clause), '\n') != NULL);

  /* Numbers are the district's literals, half-width brackets included. */
  clause = xa_template_find_clause (template, "s1.1");
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "(一)");
  g_assert_cmpint (xa_clause_get_kind (clause), ==, XA_CLAUSE_KIND_ITEM);
  g_assert_cmpstr (xa_clause_get_heading (clause), ==, "加强学校安全、综治工作的领导，落实责任。");
  clause = xa_template_find_clause (template, "s1.3");
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "（三）");

  clause = xa_template_find_clause (template, "s3.1");
  g_assert_cmpstr (xa_clause_get_heading (clause), ==, "");
  clause = xa_template_find_clause (template, "s4.p1");
  g_assert_cmpint (xa_clause_get_kind (clause), ==, XA_CLAUSE_KIND_CLOSING);
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "");

  g_assert_null (xa_template_find_clause (template, "s9"));

  /* The district and the commission come from the commission's record. */
  commission = xa_template_find_signer (template, "commission");
  school = xa_template_find_signer (template, "school");
  g_assert_nonnull (commission);
  g_assert_nonnull (school);
  g_assert_cmpstr (commission->unit, ==, "{commission_name}(盖章)");
  g_assert_cmpstr (xa_clause_get_text (xa_template_find_clause (template, "title")), ==,
                   "{district_name}教育系统{school_year}\n安全、社会管理综合治理工作目标责任书");
  g_assert_cmpuint (school->lines->len, >, 0);
  g_assert_cmpstr (((XaFormLine *) school->lines->pdata[0])->label, ==, "负责人签名：");
  g_assert_cmpstr (school->date, ==, "年　月　日");
  g_assert_cmpstr (school->id, ==, "signature.school");
  g_assert_null (xa_template_find_signer (template, "canteen"));

  {
    XaClause *parent = NULL;
    guint position = 0;

    g_assert_true (xa_template_find_parent (template, "s2.3", &parent, &position));
    g_assert_cmpstr (xa_clause_get_id (parent), ==, "s2");
    g_assert_cmpuint (position, ==, 2);
    g_assert_true (xa_template_find_parent (template, "s1", &parent, &position));
    g_assert_null (parent);
    g_assert_cmpuint (position, ==, 2);
  }
}

static void
test_round_trip (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(XaTemplate) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shipped = load_default_json ();
  g_autofree char *json = xa_template_to_json (template);
  g_autofree char *shipped_normal = normalise_json (shipped);
  g_autofree char *json_normal = normalise_json (json);

  /* The same document as the shipped file, member order included. */
  g_assert_cmpstr (json_normal, ==, shipped_normal);

  again = xa_template_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  assert_clauses_equal (xa_template_get_clauses (template), xa_template_get_clauses (again));
  g_assert_true (xa_template_equal_content (template, again));

  /* Writing twice gives the same bytes. */
  {
    g_autofree char *json2 = xa_template_to_json (again);

    g_assert_cmpstr (json, ==, json2);
  }
}

/* Everything that prints, in reading order, as the source lists it. */
static void
flatten (GListModel             *clauses,
         const XaTemplateValues *values,
         GString                *out)
{
  guint n = g_list_model_get_n_items (clauses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XaClause) clause = g_list_model_get_item (clauses, i);
      g_autofree char *number = xa_template_expand (xa_clause_get_number (clause), values);
      g_autofree char *heading = xa_template_expand (xa_clause_get_heading (clause), values);
      g_autofree char *text = xa_template_expand (xa_clause_get_text (clause), values);

      g_string_append_printf (out, "%s%s%s\n", number, heading, text);
      flatten (xa_clause_get_children (clause), values, out);
    }
}

static char *
strip_whitespace (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static char *
markdown_to_text (const char *markdown)
{
  g_autoptr(GString) text = g_string_new (markdown);
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  const char *comment_end;

  /* The file opens with an HTML comment about its provenance, not part of the text. */
  comment_end = strstr (text->str, "-->");
  if (g_str_has_prefix (text->str, "<!--") && comment_end != NULL)
    g_string_erase (text, 0, comment_end + 3 - text->str);
  g_string_replace (text, "\\_", "_", 0);

  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      while (*line == '#')
        line++;
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
test_fidelity (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(GString) flat = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = test_data_path ("agreement-2021-2022.md");
  g_autofree char *markdown = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_bare = NULL;
  g_autofree char *actual_bare = NULL;
  /* The text names the district and the commission through placeholders: filled with
   * Dadukou's commission, it is the original word for word. */
  XaTemplateValues values = {
    .school_year = 2021,
    .legacy_year_style = TRUE,
    .commission_name = "重庆市大渡口区教育委员会",
  };
  g_autofree char *commission_unit = NULL;
  const XaSigner *commission;
  const XaSigner *school;
  const char *a;
  const char *b;

  g_file_get_contents (path, &markdown, NULL, &error);
  g_assert_no_error (error);
  expected = markdown_to_text (markdown);

  flatten (xa_template_get_clauses (template), &values, flat);
  /* The source shows the signature block as two columns read row by row, with one
   * date line under them. */
  g_assert_cmpuint (xa_template_get_n_signers (template), ==, 2);
  commission = xa_template_find_signer (template, "commission");
  school = xa_template_find_signer (template, "school");
  g_assert_nonnull (commission);
  g_assert_nonnull (school);
  g_assert_cmpuint (commission->lines->len, ==, 1);
  g_assert_cmpuint (school->lines->len, ==, 1);
  commission_unit = xa_template_expand (commission->unit, &values);
  g_string_append_printf (flat, "%s\n%s\n%s\n%s\n%s\n",
                          commission_unit,
                          school->unit,
                          ((XaFormLine *) commission->lines->pdata[0])->label,
                          ((XaFormLine *) school->lines->pdata[0])->label,
                          commission->date);
  g_assert_cmpstr (commission->date, ==, school->date);

  expected_bare = strip_whitespace (expected);
  actual_bare = strip_whitespace (flat->str);

  /* Name the first character that differs, with some context, before failing. */
  for (a = actual_bare, b = expected_bare;
       *a != '\0' && *b != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b);
       a = g_utf8_next_char (a), b = g_utf8_next_char (b))
    ;
  if (*a != '\0' || *b != '\0')
    {
      g_autofree char *context_a = g_utf8_substring (a, 0, MIN (20, g_utf8_strlen (a, -1)));
      g_autofree char *context_b = g_utf8_substring (b, 0, MIN (20, g_utf8_strlen (b, -1)));

      g_test_message ("template: …%s", context_a);
      g_test_message ("source:   …%s", context_b);
    }
  g_assert_cmpstr (actual_bare, ==, expected_bare);
}

#define HEAD "{\"format\": \"xiaoan-template\", \"format_version\": 1, \"school_year\": 2021," \
             " \"name\": \"n\", \"clauses\": ["
#define TAIL "], \"signature\": {\"id\": \"signature\", \"parties\": [" \
             "{\"id\": \"signature.commission\", \"party\": \"commission\", \"unit\": \"u\", \"sign\": \"s\", \"date\": \"d\"}," \
             "{\"id\": \"signature.school\", \"party\": \"school\", \"unit\": \"u\", \"sign\": \"s\", \"date\": \"d\"}]}}"
#define HEAD3 "{\"format\": \"xiaoan-template\", \"format_version\": 3, \"school_year\": 2021," \
              " \"name\": \"n\", \"clauses\": ["
#define SECTION_OPEN "{\"id\": \"s1\", \"kind\": \"section\", \"number\": \"一、\", \"heading\": \"h\", \"children\": ["
#define SECTION_CLOSE "]}"

static void
test_bad_json (void)
{
  static const struct
  {
    const char      *name;
    const char      *json;
    XaTemplateError  code;
    const char      *named;   /* what the message must name */
  } cases[] = {
    { "valid", HEAD "{\"id\": \"p1\", \"kind\": \"preamble\", \"text\": \"t\"}" TAIL, -1, NULL },
    { "not JSON", "{\"format\": ", XA_TEMPLATE_ERROR_PARSE, "JSON" },
    { "array root", "[1, 2]", XA_TEMPLATE_ERROR_PARSE, "$" },
    { "other format", "{\"format\": \"something\", \"format_version\": 1}", XA_TEMPLATE_ERROR_PARSE, "xiaoan-template" },
    { "newer version", "{\"format\": \"xiaoan-template\", \"format_version\": 4}", XA_TEMPLATE_ERROR_PARSE, "4" },
    { "unknown top field",
      "{\"format\": \"xiaoan-template\", \"format_version\": 1, \"colour\": 1}", XA_TEMPLATE_ERROR_PARSE, "colour" },
    { "school year",
      "{\"format\": \"xiaoan-template\", \"format_version\": 1, \"school_year\": 1800, \"name\": \"n\"}",
      XA_TEMPLATE_ERROR_INVALID, "$.school_year" },
    { "no clauses", HEAD TAIL, XA_TEMPLATE_ERROR_INVALID, "$.clauses" },
    { "duplicate id",
      HEAD "{\"id\": \"p1\", \"kind\": \"preamble\", \"text\": \"t\"}, {\"id\": \"p1\", \"kind\": \"closing\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "p1" },
    { "id clashes with a party",
      HEAD "{\"id\": \"signature.school\", \"kind\": \"preamble\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "signature.school" },
    { "id clashes with the signature block",
      HEAD "{\"id\": \"signature\", \"kind\": \"preamble\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "signature" },
    { "unknown kind", HEAD "{\"id\": \"x9\", \"kind\": \"chapter\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "x9" },
    { "no kind", HEAD "{\"id\": \"x8\", \"text\": \"t\"}" TAIL, XA_TEMPLATE_ERROR_INVALID, "x8" },
    { "no id", HEAD "{\"kind\": \"preamble\", \"text\": \"t\"}" TAIL, XA_TEMPLATE_ERROR_INVALID, "$.clauses[0]" },
    { "bad id", HEAD "{\"id\": \"s 1\", \"kind\": \"preamble\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "$.clauses[0]" },
    { "paragraph at the top", HEAD "{\"id\": \"p7\", \"kind\": \"paragraph\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "p7" },
    { "list in a section",
      HEAD SECTION_OPEN "{\"id\": \"s1.l1\", \"kind\": \"list\", \"number\": \"1.\", \"text\": \"t\"}" SECTION_CLOSE TAIL,
      XA_TEMPLATE_ERROR_INVALID, "s1.l1" },
    { "sublist in an item",
      HEAD SECTION_OPEN "{\"id\": \"s1.1\", \"kind\": \"item\", \"number\": \"（一）\", \"text\": \"t\", \"children\": ["
      "{\"id\": \"s1.1.a\", \"kind\": \"sublist\", \"number\": \"①\", \"text\": \"t\"}]}" SECTION_CLOSE TAIL,
      XA_TEMPLATE_ERROR_INVALID, "s1.1.a" },
    { "children of a paragraph",
      HEAD SECTION_OPEN "{\"id\": \"s1.p1\", \"kind\": \"paragraph\", \"text\": \"t\", \"children\": ["
      "{\"id\": \"s1.p1.x\", \"kind\": \"paragraph\", \"text\": \"t\"}]}" SECTION_CLOSE TAIL,
      XA_TEMPLATE_ERROR_INVALID, "s1.p1" },
    { "item without number",
      HEAD SECTION_OPEN "{\"id\": \"s1.2\", \"kind\": \"item\", \"text\": \"tx\"}" SECTION_CLOSE TAIL,
      XA_TEMPLATE_ERROR_INVALID, "“tx”" },
    { "section without heading",
      HEAD "{\"id\": \"s5\", \"kind\": \"section\", \"number\": \"五、\"}" TAIL, XA_TEMPLATE_ERROR_INVALID, "五、" },
    { "paragraph without text",
      HEAD SECTION_OPEN "{\"id\": \"s1.p2\", \"kind\": \"paragraph\", \"text\": \"\"}" SECTION_CLOSE TAIL,
      XA_TEMPLATE_ERROR_INVALID, "一、" },
    { "text not a string", HEAD "{\"id\": \"p3\", \"kind\": \"preamble\", \"text\": 5}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "p3" },
    { "misspelt field", HEAD "{\"id\": \"p4\", \"kind\": \"preamble\", \"txet\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "p4" },
    { "control character", HEAD "{\"id\": \"p5\", \"kind\": \"preamble\", \"text\": \"a\\u0007b\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "p5" },
    { "two titles",
      HEAD "{\"id\": \"title\", \"kind\": \"title\", \"text\": \"t\"}, {\"id\": \"title2\", \"kind\": \"title\", \"text\": \"t\"}" TAIL,
      XA_TEMPLATE_ERROR_INVALID, "title2" },
    /* One party alone may sign (a pledge); the school twice is one party too many. */
    { "one party",
      HEAD "{\"id\": \"p6\", \"kind\": \"preamble\", \"text\": \"t\"}], \"signature\": {\"id\": \"signature\", \"parties\": ["
      "{\"id\": \"signature.school\", \"party\": \"school\", \"unit\": \"u\", \"sign\": \"s\", \"date\": \"d\"}]}}",
      -1, NULL },
    { "the school twice",
      HEAD "{\"id\": \"p6\", \"kind\": \"preamble\", \"text\": \"t\"}], \"signature\": {\"id\": \"signature\", \"parties\": ["
      "{\"id\": \"signature.school\", \"party\": \"school\", \"unit\": \"u\", \"sign\": \"s\", \"date\": \"d\"},"
      "{\"id\": \"signature.school2\", \"party\": \"school\", \"unit\": \"u\", \"sign\": \"s\", \"date\": \"d\"}]}}",
      XA_TEMPLATE_ERROR_INVALID, "Party 2 of the signature block: only one party may be the school" },
    { "unknown party",
      HEAD "{\"id\": \"p6\", \"kind\": \"preamble\", \"text\": \"t\"}], \"signature\": {\"id\": \"signature\", \"parties\": ["
      "{\"id\": \"signature.parents\", \"party\": \"parents\", \"unit\": \"u\", \"sign\": \"s\", \"date\": \"d\"}]}}",
      XA_TEMPLATE_ERROR_PARSE, "Party 1 of the signature block" },
    /* The editor shows these messages as they are: a party by its place and label. */
    { "a party without its unit line",
      HEAD3 "{\"id\": \"p6\", \"kind\": \"preamble\", \"text\": \"t\"}], "
      "\"signature\": {\"id\": \"signature\", \"parties\": ["
      "{\"id\": \"signature.a\", \"role\": \"school\", \"label\": \"甲方\", \"unit\": \"u\"},"
      "{\"id\": \"signature.b\", \"role\": \"canteen\", \"label\": \"乙方\", \"unit\": \" \"}]}}",
      XA_TEMPLATE_ERROR_INVALID, "Party 2 (乙方) of the signature block needs its unit line" },
    { "a line without its label",
      HEAD3 "{\"id\": \"p6\", \"kind\": \"preamble\", \"text\": \"t\"}], "
      "\"signature\": {\"id\": \"signature\", \"parties\": ["
      "{\"id\": \"signature.a\", \"role\": \"school\", \"label\": \"甲方\", \"unit\": \"u\", "
      "\"lines\": [{\"label\": \"签字：\"}, {\"label\": \"\", \"value\": \"x\"}]}]}}",
      XA_TEMPLATE_ERROR_INVALID, "Party 1 (甲方) of the signature block, line 2 needs a label" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XaTemplate) template = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case: %s", cases[i].name);
      template = xa_template_new_from_json (cases[i].json, -1, &error);

      if ((int) cases[i].code == -1)
        {
          g_assert_no_error (error);
          g_assert_nonnull (template);
          continue;
        }

      g_assert_null (template);
      g_assert_error (error, XA_TEMPLATE_ERROR, (int) cases[i].code);
      g_test_message ("  → %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

static void
test_bad_json_limits (void)
{
  g_autoptr(GString) long_text = g_string_new (HEAD "{\"id\": \"p1\", \"kind\": \"preamble\", \"text\": \"");
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(XaTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20001; i++)
    g_string_append (long_text, "安");
  g_string_append (long_text, "\"}" TAIL);

  template = xa_template_new_from_json (long_text->str, -1, &error);
  g_assert_null (template);
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "p1"));
  g_clear_error (&error);

  g_string_append_c (huge, '[');
  while (huge->len < 4 * 1024 * 1024 + 10)
    g_string_append (huge, "0,");
  g_string_append (huge, "0]");
  template = xa_template_new_from_json (huge->str, huge->len, &error);
  g_assert_null (template);
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE);
}

static const char *
number_of (XaTemplate *template,
           const char *id)
{
  XaClause *clause = xa_template_find_clause (template, id);

  g_assert_nonnull (clause);
  return xa_clause_get_number (clause);
}

static void
test_insert (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *new_id = NULL;
  XaClause *clause;
  XaClause *list;
  XaClause *sub1;
  XaClause *sub2;

  /* After s1.p1, s1.1 and s1.2: the third item of s1. */
  clause = xa_template_insert_clause (template, "s1", 3, XA_CLAUSE_KIND_ITEM, &error);
  g_assert_no_error (error);
  g_assert_nonnull (clause);
  new_id = g_strdup (xa_clause_get_id (clause));
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "（三）");
  g_assert_cmpstr (number_of (template, "s1.1"), ==, "（一）");
  g_assert_cmpstr (number_of (template, "s1.2"), ==, "（二）");
  g_assert_cmpstr (number_of (template, "s1.3"), ==, "（四）");
  g_assert_cmpstr (number_of (template, "s1.5"), ==, "（六）");
  g_assert_cmpstr (number_of (template, "s1.p1"), ==, "");
  /* Other sections keep their literals. */
  g_assert_cmpstr (number_of (template, "s2.3"), ==, "(三)");

  /* Empty until filled: the template does not validate, and says which clause by its
   * number, never by its id, which nobody sees. */
  g_assert_false (xa_template_validate (template, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "（三）"));
  g_assert_null (strstr (error->message, new_id));
  g_clear_error (&error);

  xa_clause_set_heading (clause, "加强应急管理。");
  xa_clause_set_text (clause, "完善应急预案，定期组织演练。");
  g_assert_true (xa_template_validate (template, &error));
  g_assert_no_error (error);

  /* Lists and sub-points under the new item. */
  list = xa_template_insert_clause (template, new_id, G_MAXUINT, XA_CLAUSE_KIND_LIST, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_number (list), ==, "1.");
  sub1 = xa_template_insert_clause (template, xa_clause_get_id (list), 0, XA_CLAUSE_KIND_SUBLIST, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_number (sub1), ==, "①");
  sub2 = xa_template_insert_clause (template, xa_clause_get_id (list), 0, XA_CLAUSE_KIND_SUBLIST, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_number (sub2), ==, "①");
  g_assert_cmpstr (xa_clause_get_number (sub1), ==, "②");

  /* The shape of the tree holds. */
  g_assert_null (xa_template_insert_clause (template, "s1", 0, XA_CLAUSE_KIND_LIST, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (xa_template_insert_clause (template, NULL, 0, XA_CLAUSE_KIND_SUBLIST, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (xa_template_insert_clause (template, "nowhere", 0, XA_CLAUSE_KIND_ITEM, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (xa_template_insert_clause (template, NULL, 0, XA_CLAUSE_KIND_TITLE, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_insert_sections (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(GError) error = NULL;
  XaClause *first;
  XaClause *last = NULL;

  /* A new first section, after the title and the preamble. */
  first = xa_template_insert_clause (template, NULL, 2, XA_CLAUSE_KIND_SECTION, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_number (first), ==, "一、");
  g_assert_cmpstr (number_of (template, "s1"), ==, "二、");
  g_assert_cmpstr (number_of (template, "s4"), ==, "五、");
  g_assert_cmpstr (number_of (template, "title"), ==, "");

  for (guint i = 0; i < 7; i++)
    {
      last = xa_template_insert_clause (template, NULL, G_MAXUINT, XA_CLAUSE_KIND_SECTION, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpstr (xa_clause_get_number (last), ==, "十二、");
}

static void
test_remove_move (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (xa_template_remove_clause (template, "s1.2", &error));
  g_assert_no_error (error);
  g_assert_null (xa_template_find_clause (template, "s1.2"));
  g_assert_cmpstr (number_of (template, "s1.1"), ==, "（一）");
  g_assert_cmpstr (number_of (template, "s1.3"), ==, "（二）");
  g_assert_cmpstr (number_of (template, "s1.5"), ==, "（四）");

  g_assert_false (xa_template_remove_clause (template, "s1.2", &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A whole section goes with its children. */
  g_assert_true (xa_template_remove_clause (template, "s2", &error));
  g_assert_null (xa_template_find_clause (template, "s2.1"));
  g_assert_cmpstr (number_of (template, "s3"), ==, "二、");

  g_assert_true (xa_template_move_clause (template, "s3.2", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number_of (template, "s3.2"), ==, "（一）");
  g_assert_cmpstr (number_of (template, "s3.1"), ==, "（二）");
  {
    XaClause *parent = NULL;
    guint position = 9;

    g_assert_true (xa_template_find_parent (template, "s3.2", &parent, &position));
    g_assert_cmpuint (position, ==, 0);
  }

  g_assert_true (xa_template_move_clause (template, "s3.2", 0, &error));
  g_assert_false (xa_template_move_clause (template, "s3.2", -1, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_template_move_clause (template, "s3.1", 1, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (xa_template_move_clause (template, "gone", 1, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The edited template still reads back as it is. */
  {
    g_autofree char *json = xa_template_to_json (template);
    g_autoptr(XaTemplate) again = xa_template_new_from_json (json, -1, &error);

    g_assert_no_error (error);
    g_assert_true (xa_template_equal_content (template, again));
  }
}

/* A template numbered as a school writes it: points 1、 right under the title, （1）
 * under them, unnumbered headings over points; an edit numbers again in those styles. */
#define OWN_NUMBERING_HEAD \
  "{\"format\":\"xiaoan-template\",\"format_version\":3,\"school_year\":2024,\"name\":\"班主任安全责任书\"," \
  "\"numbering\":{\"section\":\"none\",\"item\":\"1、\",\"list\":\"（1）\"},\"clauses\":["
#define OWN_NUMBERING_TAIL \
  "],\"signature\":{\"id\":\"sig\",\"parties\":[" \
  "{\"id\":\"party.c\",\"role\":\"commission\",\"unit\":\"{commission_name}\",\"date\":\"年　月　日\"}," \
  "{\"id\":\"party.s\",\"role\":\"school\",\"unit\":\"学校\",\"date\":\"年　月　日\"}]}}"

static void
test_own_numbering (void)
{
  static const char json[] = OWN_NUMBERING_HEAD
    "{\"id\":\"title\",\"kind\":\"title\",\"text\":\"班主任安全责任书\"},"
    "{\"id\":\"a\",\"kind\":\"item\",\"number\":\"1、\",\"heading\":\"安全教育。\",\"text\":\"每周一次。\"},"
    "{\"id\":\"b\",\"kind\":\"item\",\"number\":\"2、\",\"heading\":\"课间管理\",\"children\":["
    " {\"id\":\"b1\",\"kind\":\"list\",\"number\":\"（1）\",\"text\":\"巡查楼道。\"},"
    " {\"id\":\"b2\",\"kind\":\"list\",\"number\":\"（2）\",\"heading\":\"午休\",\"children\":["
    "  {\"id\":\"b2a\",\"kind\":\"sublist\",\"number\":\"①\",\"text\":\"清点人数。\"}]}]},"
    "{\"id\":\"s\",\"kind\":\"section\",\"heading\":\"附则\",\"text\":\"签字后执行。\"}"
    OWN_NUMBERING_TAIL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_new_from_json (json, -1, &error);
  g_autoptr(XaTemplate) again = NULL;
  g_autoptr(XaTemplate) copy = NULL;
  g_autoptr(XaTemplate) old = load_default ();
  g_autofree char *written = NULL;
  XaClause *clause;

  g_assert_no_error (error);
  g_assert_cmpstr (xa_template_get_numbering (template, XA_CLAUSE_KIND_SECTION), ==, XA_NUMBERING_NONE);
  g_assert_cmpstr (xa_template_get_numbering (template, XA_CLAUSE_KIND_ITEM), ==, "1、");
  g_assert_cmpstr (xa_template_get_numbering (template, XA_CLAUSE_KIND_LIST), ==, "（1）");
  /* A level the file leaves out keeps its standard style; kinds without numbers have none. */
  g_assert_cmpstr (xa_template_get_numbering (template, XA_CLAUSE_KIND_SUBLIST), ==, "①");
  g_assert_cmpstr (xa_template_get_numbering (template, XA_CLAUSE_KIND_PARAGRAPH), ==, "");
  /* Files of format 1 and 2 number 一、（一）1.①. */
  g_assert_cmpstr (xa_template_get_numbering (old, XA_CLAUSE_KIND_SECTION), ==, "一、");
  g_assert_cmpstr (xa_template_get_numbering (old, XA_CLAUSE_KIND_ITEM), ==, "（一）");

  /* Inserted, moved, removed: numbered again in the template's styles. */
  clause = xa_template_insert_clause (template, NULL, 1, XA_CLAUSE_KIND_ITEM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "1、");
  g_assert_cmpstr (number_of (template, "a"), ==, "2、");
  g_assert_cmpstr (number_of (template, "b"), ==, "3、");
  g_assert_true (xa_template_remove_clause (template, xa_clause_get_id (clause), &error));
  g_assert_true (xa_template_move_clause (template, "b2", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number_of (template, "b2"), ==, "（1）");
  g_assert_cmpstr (number_of (template, "b1"), ==, "（2）");
  g_assert_cmpstr (number_of (template, "a"), ==, "1、");
  /* The unnumbered level stays unnumbered after an edit beside it. */
  clause = xa_template_insert_clause (template, NULL, G_MAXUINT, XA_CLAUSE_KIND_SECTION, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xa_clause_get_number (clause), ==, "");
  g_assert_cmpstr (number_of (template, "s"), ==, "");
  g_assert_true (xa_template_remove_clause (template, xa_clause_get_id (clause), &error));

  /* Written and read back the same, numbering and all; a copy keeps it. */
  written = xa_template_to_json (template);
  again = xa_template_new_from_json (written, -1, &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_equal_content (template, again));
  copy = xa_template_copy (template);
  g_assert_true (xa_template_equal_content (template, copy));

  /* Another style for a level numbers that level again at once. */
  g_assert_true (xa_template_set_numbering (copy, XA_CLAUSE_KIND_ITEM, "（一）", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number_of (copy, "a"), ==, "（一）");
  g_assert_cmpstr (number_of (copy, "b"), ==, "（二）");
  g_assert_false (xa_template_equal_content (template, copy));
  g_assert_true (xa_template_set_numbering (copy, XA_CLAUSE_KIND_LIST, XA_NUMBERING_NONE, &error));
  g_assert_cmpstr (number_of (copy, "b1"), ==, "");
  g_assert_true (xa_template_validate (copy, &error));
  g_assert_no_error (error);
  g_assert_false (xa_template_set_numbering (copy, XA_CLAUSE_KIND_ITEM, "三、", &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "三、"));
  g_clear_error (&error);
  g_assert_cmpstr (xa_template_get_numbering (copy, XA_CLAUSE_KIND_ITEM), ==, "（一）");
}

/* Numbering that does not fit: a style that is none, a number on an unnumbered level,
 * none on a numbered one; each refused with the place named. */
static void
test_own_numbering_refused (void)
{
  static const struct { const char *numbering; const char *clauses; const char *named; } cases[] = {
    { "{\"item\":\"第三条\"}", "{\"id\":\"a\",\"kind\":\"item\",\"number\":\"第一条\",\"text\":\"甲\"}", "第三条" },
    { "{\"item\":\"1\"}", "{\"id\":\"a\",\"kind\":\"item\",\"number\":\"1、\",\"text\":\"甲\"}", "$.numbering" },
    { "{\"point\":\"1、\"}", "{\"id\":\"a\",\"kind\":\"item\",\"number\":\"1、\",\"text\":\"甲\"}", "point" },
    { "[\"1、\"]", "{\"id\":\"a\",\"kind\":\"item\",\"number\":\"1、\",\"text\":\"甲\"}", "$.numbering" },
    { "{\"item\":\"none\"}", "{\"id\":\"a\",\"kind\":\"item\",\"number\":\"1、\",\"text\":\"甲\"}", "1、" },
    { "{\"item\":\"1、\"}", "{\"id\":\"a\",\"kind\":\"item\",\"text\":\"甲\"}", "a" },
    { "{}", "{\"id\":\"a\",\"kind\":\"sublist\",\"number\":\"①\",\"text\":\"甲\"}", "sublist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"format\":\"xiaoan-template\",\"format_version\":3,"
                                               "\"school_year\":2024,\"name\":\"试\",\"numbering\":%s,"
                                               "\"clauses\":[%s" OWN_NUMBERING_TAIL,
                                               cases[i].numbering, cases[i].clauses);
      g_autoptr(XaTemplate) template = xa_template_new_from_json (json, -1, &error);

      g_assert_null (template);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

static void
test_expand (void)
{
  XaTemplateValues values = {
    .school_year = 2021,
    .school_name = "重庆市大渡口区实验小学",
    .commission_name = "重庆市大渡口区教育委员会",
    .first_responsible = "张三",
  };
  g_autofree char *standard = NULL;
  g_autofree char *legacy = NULL;
  g_autofree char *names = NULL;
  g_autofree char *unfilled = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *none = NULL;

  standard = xa_template_expand ("大渡口区教育系统{school_year}安全", &values);
  g_assert_cmpstr (standard, ==, "大渡口区教育系统2021—2022学年度安全");

  values.legacy_year_style = TRUE;
  legacy = xa_template_expand ("{school_year}", &values);
  g_assert_cmpstr (legacy, ==, "2021-2022学年度");

  names = xa_template_expand ("{school_name}与{commission_name}：{first_responsible}", &values);
  g_assert_cmpstr (names, ==, "重庆市大渡口区实验小学与重庆市大渡口区教育委员会：张三");

  /* A value not given, or a name we do not know, stays visible. */
  unfilled = xa_template_expand ("直接责任人{direct_responsible}{unknown}", &values);
  g_assert_cmpstr (unfilled, ==, "直接责任人{direct_responsible}{unknown}");

  odd = xa_template_expand ("{school_name{school_name}", &values);
  g_assert_cmpstr (odd, ==, "{school_name{school_name}");
  g_free (odd);
  odd = xa_template_expand ("尾{", &values);
  g_assert_cmpstr (odd, ==, "尾{");

  /* The district, from the commission's name: Dadukou's text is Dadukou's. */
  {
    g_autofree char *title = xa_template_expand ("{district_name}教育系统{school_year}", &values);

    g_assert_cmpstr (title, ==, "大渡口区教育系统2021-2022学年度");
  }

  values.school_year = 0;
  none = xa_template_expand ("{school_year}", &values);
  g_assert_cmpstr (none, ==, "{school_year}");
  g_free (none);
  none = xa_template_expand (NULL, &values);
  g_assert_cmpstr (none, ==, "");
}

/* A commission's name and the district it serves. */
static void
test_district_from_commission (void)
{
  const struct { const char *commission; const char *district; } cases[] = {
    { "重庆市大渡口区教育委员会", "大渡口区" },
    { "示例区教育委员会", "示例区" },
    { "浙江省杭州市西湖区教育局", "西湖区" },
    { "上海市浦东新区教育局", "浦东新区" },
    { "内蒙古自治区鄂尔多斯市东胜区教育体育局", "东胜区" },
    { "某某县教体局", "某某县" },
    { "北京市教育委员会", "北京市" },
    { "苏州市教育局", "苏州市" },
    { "区教委", "区教委" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *district = xa_district_from_commission (cases[i].commission);

      g_assert_cmpstr (district, ==, cases[i].district);
    }
}

/* What the parser refuses that would print wrong in every school's agreement: an
 * unknown placeholder (named), a clause of spaces, an empty section. */
static void
test_refused_content (void)
{
  const struct { const char *clauses; const char *named; } cases[] = {
    { "[{\"id\":\"s1\",\"kind\":\"section\",\"number\":\"一、\",\"heading\":\"目标\","
      "\"children\":[{\"id\":\"p\",\"kind\":\"paragraph\",\"text\":\"{district}的学校\"}]}]", "{district}" },
    { "[{\"id\":\"s1\",\"kind\":\"section\",\"number\":\"一、\",\"heading\":\"目标\","
      "\"children\":[{\"id\":\"p\",\"kind\":\"paragraph\",\"text\":\" 　 \"}]}]", "p" },
    { "[{\"id\":\"s1\",\"kind\":\"section\",\"number\":\"一、\",\"heading\":\"空的一节\"}]", "空的一节" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"format\":\"xiaoan-template\",\"format_version\":1,"
                                               "\"school_year\":2021,\"name\":\"试\",\"clauses\":%s,"
                                               "\"signature\":{\"id\":\"sig\",\"parties\":["
                                               "{\"id\":\"a\",\"party\":\"commission\",\"unit\":\"{commission_name}\"},"
                                               "{\"id\":\"b\",\"party\":\"school\",\"unit\":\"学校\"}]}}",
                                               cases[i].clauses);
      g_autoptr(XaTemplate) template = xa_template_new_from_json (json, -1, &error);

      g_assert_null (template);
      g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].named));
    }
}

/* Format 2: the parties as a list with roles, labels, seals, lines, dates and copies;
 * party lines of the template's own; written and read back the same. A version 1 file
 * reads with the school's three lines under the title. */
static void
test_signature_v2 (void)
{
  static const char json[] =
    "{\"format\":\"xiaoan-template\",\"format_version\":2,\"school_year\":2024,\"name\":\"食堂安全责任书\","
    "\"party_lines\":[{\"label\":\"甲方：\",\"value\":\"{school_name}\"},{\"label\":\"乙方：\"}],"
    "\"clauses\":[{\"id\":\"p\",\"kind\":\"preamble\",\"text\":\"为保障师生饮食安全，订立本书。\"}],"
    "\"signature\":{\"id\":\"sig\",\"layout\":\"stacked\",\"shared_date\":\"年　月　日\",\"parties\":["
    "{\"id\":\"a\",\"role\":\"school\",\"label\":\"甲方\",\"unit\":\"{school_name}（盖章）\",\"seal\":true,"
    "\"lines\":[{\"label\":\"校长签字：\"}],\"date\":\"\",\"copy\":\"学校存\"},"
    "{\"id\":\"b\",\"role\":\"canteen\",\"label\":\"乙方\",\"unit\":\"食堂承包方\",\"seal\":false,"
    "\"lines\":[{\"label\":\"负责人签字：\"},{\"label\":\"联系电话：\"}],\"date\":\"\",\"copy\":\"食堂存\"},"
    "{\"id\":\"c\",\"role\":\"commission\",\"label\":\"丙方\",\"unit\":\"{commission_name}（盖章）\",\"seal\":true,"
    "\"lines\":[],\"date\":\"\",\"copy\":\"区教委存\"}]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = xa_template_new_from_json (json, -1, &error);
  g_autoptr(XaTemplate) again = NULL;
  g_autoptr(XaTemplate) old = load_default ();
  g_autofree char *written = NULL;
  const XaSigner *canteen;

  g_assert_no_error (error);
  g_assert_cmpuint (xa_template_get_n_signers (template), ==, 3);
  g_assert_cmpint (xa_template_get_signature_layout (template), ==, XA_SIGNATURE_STACKED);
  g_assert_cmpstr (xa_template_get_shared_date (template), ==, "年　月　日");
  g_assert_cmpuint (xa_template_get_n_copies (template), ==, 3);
  canteen = xa_template_get_signer (template, 1);
  g_assert_true (xa_template_find_signer (template, "canteen") == canteen);
  g_assert_cmpstr (canteen->role, ==, "canteen");
  g_assert_cmpstr (canteen->label, ==, "乙方");
  g_assert_false (canteen->seal);
  g_assert_cmpuint (canteen->lines->len, ==, 2);
  g_assert_cmpuint (xa_template_get_party_lines (template)->len, ==, 2);
  /* The school has no date of its own: it signs under the block's. */
  g_assert_cmpstr (xa_template_find_signer (template, "school")->date, ==, "");

  written = xa_template_to_json (template);
  again = xa_template_new_from_json (written, -1, &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_equal_content (template, again));

  /* The shipped template, format 2 now, has the three lines a version 1 file implies. */
  g_assert_cmpuint (xa_template_get_party_lines (old)->len, ==, 3);
  g_assert_cmpstr (((XaFormLine *) xa_template_get_party_lines (old)->pdata[1])->value, ==, "{first_responsible}");
  g_assert_cmpuint (xa_template_get_n_copies (old), ==, 2);

  /* A role that is no key, an unknown placeholder in a line. */
  {
    const char *bad[] = {
      "\"role\":\"Canteen\"", "\"role\":\"canteen\",\"lines\":[{\"label\":\"{phone}\"}]",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GString) broken = g_string_new (json);
        g_autoptr(XaTemplate) refused = NULL;

        g_string_replace (broken, "\"role\":\"canteen\"", bad[i], 1);
        if (i == 1)
          g_string_replace (broken, "\"lines\":[{\"label\":\"负责人签字：\"},{\"label\":\"联系电话：\"}],", "", 1);
        refused = xa_template_new_from_json (broken->str, -1, &error);
        g_assert_null (refused);
        g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_INVALID);
        g_test_message ("%s", error->message);
        g_clear_error (&error);
      }
  }
}

static void
test_copy (void)
{
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(XaTemplate) copy = xa_template_copy (template);

  g_assert_true (xa_template_equal_content (template, copy));
  g_assert_cmpstr (xa_template_get_uuid (template), ==, xa_template_get_uuid (copy));

  /* Deep: editing the copy leaves the original alone. */
  xa_clause_set_text (xa_template_find_clause (copy, "preamble"), "改");
  g_assert_false (xa_template_equal_content (template, copy));
  g_assert_cmpstr (xa_clause_get_text (xa_template_find_clause (template, "preamble")), !=, "改");
}

/* The year is written with the GB/T 15834 dash unless the template asks for the
 * source's hyphen; the choice survives a JSON round trip and a copy, and anything but a
 * boolean is refused. */
static void
test_year_style (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = load_default ();
  g_autoptr(XaTemplate) again = NULL;
  g_autoptr(XaTemplate) copy = NULL;
  g_autoptr(XaTemplate) bad = NULL;
  g_autofree char *json = NULL;
  g_autofree char *bad_json = NULL;
  g_autofree char *dash = NULL;
  g_autofree char *hyphen = NULL;
  XaTemplateValues values = { .school_year = 2021 };

  g_assert_false (xa_template_get_legacy_year_style (template));
  values.legacy_year_style = xa_template_get_legacy_year_style (template);
  dash = xa_template_expand ("{school_year}", &values);
  g_assert_cmpstr (dash, ==, "2021—2022学年度");

  xa_template_set_legacy_year_style (template, TRUE);
  json = xa_template_to_json (template);
  again = xa_template_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (xa_template_get_legacy_year_style (again));
  copy = xa_template_copy (again);
  g_assert_true (xa_template_get_legacy_year_style (copy));
  values.legacy_year_style = xa_template_get_legacy_year_style (copy);
  hyphen = xa_template_expand ("{school_year}", &values);
  g_assert_cmpstr (hyphen, ==, "2021-2022学年度");

  bad_json = g_strdup (json);
  {
    char *flag = strstr (bad_json, "\"legacy_year_style\" : true");

    g_assert_nonnull (flag);
    memcpy (strstr (flag, "true"), "\"1\" ", 4);
  }
  bad = xa_template_new_from_json (bad_json, -1, &error);
  g_assert_null (bad);
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "legacy_year_style"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xa/template/chinese-numeral", test_chinese_numeral);
  g_test_add_func ("/xa/template/format-number", test_format_number);
  g_test_add_func ("/xa/template/parse-default", test_parse_default);
  g_test_add_func ("/xa/template/round-trip", test_round_trip);
  g_test_add_func ("/xa/template/fidelity", test_fidelity);
  g_test_add_func ("/xa/template/bad-json", test_bad_json);
  g_test_add_func ("/xa/template/bad-json-limits", test_bad_json_limits);
  g_test_add_func ("/xa/template/insert", test_insert);
  g_test_add_func ("/xa/template/insert-sections", test_insert_sections);
  g_test_add_func ("/xa/template/remove-move", test_remove_move);
  g_test_add_func ("/xa/template/own-numbering", test_own_numbering);
  g_test_add_func ("/xa/template/own-numbering-refused", test_own_numbering_refused);
  g_test_add_func ("/xa/template/expand", test_expand);
  g_test_add_func ("/xa/template/district-from-commission", test_district_from_commission);
  g_test_add_func ("/xa/template/refused-content", test_refused_content);
  g_test_add_func ("/xa/template/signature-v2", test_signature_v2);
  g_test_add_func ("/xa/template/copy", test_copy);
  g_test_add_func ("/xa/template/year-style", test_year_style);

  return g_test_run ();
}
