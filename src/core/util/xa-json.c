/* xa-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small pieces of JSON that audit entries and exports share, and the one way in for
 * JSON that comes from a file: templates and backup manifests come from other
 * installations, hand edits and anything a user picks, so they are checked before
 * json-glib sees them. json-glib recurses once a bracket without a limit (a file of
 * 100,000 brackets overflows the stack), and it takes a \u0000 escape as the end of
 * the string, silently cutting a name short.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xa-json.h"

G_DEFINE_QUARK (xa-json-error-quark, xa_json_error)

/* Where the scanner is, as an editor shows it: lines and columns from 1, a column
 * counting characters rather than bytes. */
typedef struct
{
  guint line;
  guint column;
} Place;

static void
set_too_large (GError **error,
               goffset  size)
{
  g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (XA_JSON_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, XA_JSON_ERROR, XA_JSON_ERROR_TOO_LARGE,
               _("the file is too large (%s, at most %s)"), have, limit);
}

static void
advance (Place *place,
         guchar byte)
{
  if (byte == '\n')
    {
      place->line++;
      place->column = 1;
    }
  else if ((byte & 0xC0) != 0x80)
    place->column++;
}

/**
 * xa_json_builder_to_string:
 *
 * Returns: (transfer full): what @builder built, as compact JSON
 */
char *
xa_json_builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * xa_json_dup_strings_object:
 * @first_member: the first member's name, then its value, then more pairs, %NULL-ended;
 *   a %NULL value is written ""
 *
 * An object of string members, such as an audit entry's detail.
 *
 * Returns: (transfer full): the object as compact JSON
 */
char *
xa_json_dup_strings_object (const char *first_member,
                            ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *member = first_member;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_member);
  while (member != NULL)
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, member);
      json_builder_add_string_value (builder, value != NULL ? value : "");
      member = va_arg (args, const char *);
    }
  va_end (args);
  json_builder_end_object (builder);

  return xa_json_builder_to_string (builder);
}

/**
 * xa_json_add_change:
 *
 * Adds `"name": {"old": …, "new": …}` to the object being built.
 */
void
xa_json_add_change (JsonBuilder *builder,
                    const char  *name,
                    const char  *old_value,
                    const char  *new_value)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, old_value);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, new_value);
  json_builder_end_object (builder);
}

/**
 * xa_json_check:
 * @json: the text of a JSON file, not necessarily ending with a NUL
 * @length: its length in bytes
 *
 * Refuses what json-glib cannot be trusted with: more than %XA_JSON_MAX_BYTES, brackets
 * nested more than %XA_JSON_MAX_DEPTH deep, and NUL characters, raw or as \u0000 in
 * a string. Brackets inside strings do not count. The message names the line and the
 * column; the caller adds the file's name.
 *
 * Returns: %TRUE when json-glib may parse @json
 */
gboolean
xa_json_check (const char  *json,
               gsize        length,
               GError     **error)
{
  Place place = { 1, 1 };
  guint depth = 0;
  gboolean in_string = FALSE;

  g_return_val_if_fail (json != NULL || length == 0, FALSE);

  if (length > XA_JSON_MAX_BYTES)
    {
      set_too_large (error, length);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = json[i];

      if (c == '\0')
        {
          g_set_error (error, XA_JSON_ERROR, XA_JSON_ERROR_NUL,
                       _("line %u, column %u: a NUL byte (an empty character), which the file cannot have"),
                       place.line, place.column);
          return FALSE;
        }

      if (in_string && c == '\\' && i + 1 < length)
        {
          /* An escape: its second character is never a quotation mark that ends the
           * string, and \u0000 is the NUL that json-glib would cut the text at. */
          if (json[i + 1] == 'u' && i + 5 < length && memcmp (json + i + 2, "0000", 4) == 0)
            {
              g_set_error (error, XA_JSON_ERROR, XA_JSON_ERROR_NUL,
                           _("line %u, column %u: a NUL character (\\u0000) in a text, which the file cannot have"),
                           place.line, place.column);
              return FALSE;
            }
          advance (&place, c);
          advance (&place, json[++i]);
          continue;
        }

      if (c == '"')
        in_string = !in_string;
      else if (!in_string && (c == '[' || c == '{'))
        {
          if (++depth > XA_JSON_MAX_DEPTH)
            {
              g_set_error (error, XA_JSON_ERROR, XA_JSON_ERROR_TOO_DEEP,
                           _("line %u, column %u: brackets nested more than %u deep"),
                           place.line, place.column, XA_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (!in_string && (c == ']' || c == '}') && depth > 0)
        depth--;

      advance (&place, c);
    }

  return TRUE;
}

/**
 * xa_json_parse:
 * @json: the text of a JSON file
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Checks @json with xa_json_check() and parses it.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL with @error set in
 *   %XA_JSON_ERROR
 */
JsonNode *
xa_json_parse (const char  *json,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (length < 0)
    length = strlen (json);

  if (!xa_json_check (json, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, XA_JSON_ERROR, XA_JSON_ERROR_INVALID,
                   _("not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, XA_JSON_ERROR, XA_JSON_ERROR_INVALID,
                           _("not valid JSON: the file is empty"));
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/**
 * xa_json_parse_file:
 * @path: (type filename): a JSON file
 *
 * Reads @path, refusing a file larger than %XA_JSON_MAX_BYTES before reading it, and
 * parses it with xa_json_parse(). A problem with the content is named with the file.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL with @error set: in
 *   %G_FILE_ERROR when the file cannot be read, otherwise in %XA_JSON_ERROR
 */
JsonNode *
xa_json_parse_file (const char  *path,
                    GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  JsonNode *root;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  /* A folder, a device or a huge file is refused before anything is read; a file
   * that cannot be looked at is left to g_file_get_contents(), whose message says why. */
  if (g_stat (path, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       _("“%s” is not a file"), display);
          return NULL;
        }
      if (st.st_size > XA_JSON_MAX_BYTES)
        {
          set_too_large (error, st.st_size);
          g_prefix_error (error, "%s: ", display);
          return NULL;
        }
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (!(root = xa_json_parse (contents, length, error)))
    g_prefix_error (error, "%s: ", display);

  return root;
}
