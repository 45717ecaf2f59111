/* test-template-hostile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Template files are hostile input: a bracket bomb, NULs raw and escaped, a file too
 * large. Each is refused with a message that names the file, the line and the column,
 * and the store is as it was, byte for byte of every table. A file nested right up to
 * the limit is read and judged on its content instead.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "xa-test-utils.h"
#include "core/agreements/xa-template-library.h"
#include "core/util/xa-json.h"

typedef struct
{
  char              *dir;
  XaStore           *store;
  XaTemplateLibrary *library;
  char              *json;      /* the default template's JSON form */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) template = NULL;

  fixture->dir = g_dir_make_tmp ("xa-test-template-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = xa_test_store_new ();
  xa_store_set_operator (fixture->store, "测试员");
  fixture->library = xa_template_library_new (fixture->store);
  g_assert_true (xa_template_library_ensure_default (fixture->library, &error));
  g_assert_no_error (error);
  template = xa_template_library_dup_latest (fixture->library, 2021, &error);
  g_assert_no_error (error);
  fixture->json = xa_template_to_json (template);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  xa_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->json);

  g_assert_finalize_object (fixture->library);
  g_assert_finalize_object (fixture->store);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autofree char *path = xa_test_write_file (fixture->dir, name, contents, length);

  return g_file_new_for_path (path);
}

/* Imports @file, which must be refused with a message holding @expected after the
 * file's name; the store must not change. */
static void
assert_refused (Fixture    *fixture,
                GFile      *file,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XaTemplate) imported = NULL;
  g_autofree char *display = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strdup_printf ("%s: ", display);
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *after = NULL;

  imported = xa_template_library_import_file (fixture->library, file, &error);
  g_assert_null (imported);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, expected));

  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* The default template with @insert put into its name, right after its first
 * character; *line and *column say where @insert starts. */
static char *
dup_with_name_insert (Fixture    *fixture,
                      const char *insert,
                      gsize       insert_length,
                      gsize      *length,
                      guint      *line,
                      guint      *column)
{
  const char *name = strstr (fixture->json, "\"name\"");
  const char *at;
  const char *line_start = fixture->json;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (name);
  at = strchr (strchr (name + strlen ("\"name\""), ':'), '"') + 1;
  at = g_utf8_next_char (at);

  *line = 1;
  for (const char *p = fixture->json; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = 1 + g_utf8_strlen (line_start, at - line_start);

  g_string_append_len (out, fixture->json, at - fixture->json);
  g_string_append_len (out, insert, insert_length);
  g_string_append (out, at);
  *length = out->len;

  return g_string_free (out, FALSE);
}

/* 100,000 opening brackets and as many closing ones overflowed json-glib's stack. */
static void
test_bracket_bomb (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gsize half = 100 * 1000;
  g_autofree char *bomb = g_malloc (2 * half);
  g_autoptr(GFile) file = NULL;

  memset (bomb, '[', half);
  memset (bomb + half, ']', half);
  file = write_file (fixture, "bomb.json", bomb, 2 * half);

  assert_refused (fixture, file, "line 1, column 65: brackets nested more than 64 deep");
}

/* A NUL byte in the name, and a \u0000 escape, which cut the name short unseen. */
static void
test_nul (Fixture       *fixture,
          gconstpointer  user_data)
{
  const char *inserts[] = { "\0", "\\u0000" };
  const gsize lengths[] = { 1, 6 };
  const char *reasons[] = { "a NUL byte", "a NUL character (\\u0000) in a text" };

  for (guint i = 0; i < G_N_ELEMENTS (inserts); i++)
    {
      g_autoptr(GFile) file = NULL;
      g_autofree char *json = NULL;
      g_autofree char *expected = NULL;
      gsize length;
      guint line, column;

      json = dup_with_name_insert (fixture, inserts[i], lengths[i], &length, &line, &column);
      file = write_file (fixture, "nul.json", json, length);
      expected = g_strdup_printf ("line %u, column %u: %s", line, column, reasons[i]);

      assert_refused (fixture, file, expected);
    }
}

/* A file nested to the limit is JSON we read: its content is judged, not its depth.
 * One bracket more is refused at that bracket. */
static void
test_deep_at_limit (Fixture       *fixture,
                    gconstpointer  user_data)
{
  for (guint extra = 0; extra <= 1; extra++)
    {
      GString *json = g_string_new ("{\"format\": \"xiaoan-template\", \"format_version\": 1,"
                                    " \"school_year\": 2021, \"name\": \"深\", \"source\": ");
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GFile) file = NULL;
      gsize column = json->len + 1;

      /* The object is the first level; the source's arrays make the rest. */
      for (guint i = 1; i < XA_JSON_MAX_DEPTH + extra; i++)
        g_string_append_c (json, '[');
      for (guint i = 1; i < XA_JSON_MAX_DEPTH + extra; i++)
        g_string_append_c (json, ']');
      g_string_append (json, "}");
      text = g_string_free (json, FALSE);
      file = write_file (fixture, "deep.json", text, strlen (text));

      if (extra == 0)
        assert_refused (fixture, file, "“source” must be text");
      else
        {
          /* The name 深 is one character but three bytes. */
          expected = g_strdup_printf ("line 1, column %" G_GSIZE_FORMAT ": brackets nested more than 64 deep",
                                      column - 2 + XA_JSON_MAX_DEPTH - 1);
          assert_refused (fixture, file, expected);
        }
    }
}

/* More than 4 MiB: refused before it is read, by the library and by the parser. */
static void
test_huge (Fixture       *fixture,
           gconstpointer  user_data)
{
  gsize length = XA_JSON_MAX_BYTES + 1024;
  g_autofree char *huge = g_malloc (length + 1);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = xa_test_fingerprint (fixture->store);
  g_autofree char *after = NULL;

  memset (huge, ' ', length);
  huge[length] = '\0';
  file = write_file (fixture, "huge.json", huge, length);
  g_assert_null (xa_template_library_import_file (fixture->library, file, &error));
  g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "huge.json” is too large ("));
  g_clear_error (&error);

  /* A device never ends: refused without a byte read, where it was read until memory ran out. */
  {
    g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");

    g_assert_null (xa_template_library_import_file (fixture->library, zero, &error));
    g_assert_error (error, XA_TEMPLATE_LIBRARY_ERROR, XA_TEMPLATE_LIBRARY_ERROR_FILE);
    g_assert_cmpstr (error->message, ==, "“/dev/zero” is a device, not a file");
    g_clear_error (&error);
  }

  g_assert_null (xa_template_new_from_json (huge, length, &error));
  g_assert_error (error, XA_TEMPLATE_ERROR, XA_TEMPLATE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "the file is too large"));
  after = xa_test_fingerprint (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xa/template-hostile/bracket-bomb", Fixture, NULL, fixture_set_up, test_bracket_bomb, fixture_tear_down);
  g_test_add ("/xa/template-hostile/nul", Fixture, NULL, fixture_set_up, test_nul, fixture_tear_down);
  g_test_add ("/xa/template-hostile/deep-at-limit", Fixture, NULL, fixture_set_up, test_deep_at_limit, fixture_tear_down);
  g_test_add ("/xa/template-hostile/huge", Fixture, NULL, fixture_set_up, test_huge, fixture_tear_down);

  return g_test_run ();
}
