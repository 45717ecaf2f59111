/* xa-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules every stored text field shares, checked in one place: present when required,
 * not too long (counted in characters, as a Chinese user counts), valid UTF-8, and free
 * of control characters, which would corrupt CSV exports and printed documents.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xa-text.h"

/**
 * xa_text_is_blank:
 * @text: (nullable): UTF-8 text
 *
 * Returns: %TRUE when @text is %NULL, empty or only white space
 */
gboolean
xa_text_is_blank (const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_text_check:
 * @value: (nullable): the text; %NULL is empty
 * @label: the field's name as the user knows it, such as 学校名称
 * @domain: @code: the error to set, the caller's own
 *
 * Returns: %TRUE when @value keeps the rules of @flags and @max_chars
 */
gboolean
xa_text_check (const char   *value,
               const char   *label,
               XaTextFlags   flags,
               guint         max_chars,
               GQuark        domain,
               int           code,
               GError      **error)
{
  glong n_chars = 0;
  gboolean blank = TRUE;
  gboolean control = FALSE;

  if (value == NULL)
    value = "";

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, domain, code,
                   /* Translators: %s is a field name such as 学校名称 */
                   _("%s is not valid UTF-8 text"), label);
      return FALSE;
    }

  /* One pass for the three rules below, as every save checks every text of its record
   * (the demo ledger's hazards, ninety texts each): an ASCII character is classified
   * by its byte, another decoded once. */
  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      gunichar c = *p;

      if (c >= 0x80 && c < 0xc0)
        continue;  /* within a character */

      n_chars++;
      if (c >= 0x80)
        c = g_utf8_get_char ((const char *) p);
      if (blank && !g_unichar_isspace (c))
        blank = FALSE;
      if (c == '\n' && (flags & XA_TEXT_MULTILINE))
        continue;
      if (c < 0x80 ? c < 0x20 || c == 0x7f : g_unichar_iscntrl (c))
        control = TRUE;
    }

  if ((flags & XA_TEXT_REQUIRED) && blank)
    {
      g_set_error (error, domain, code,
                   /* Translators: %s is a field name such as 学校名称 */
                   _("%s must not be empty"), label);
      return FALSE;
    }

  if (n_chars > (glong) max_chars)
    {
      g_set_error (error, domain, code,
                   /* Translators: %s is a field name such as 学校名称; then the limit and
                    * the current length, both in characters */
                   _("%s is too long: at most %u characters (now %ld)"),
                   label, max_chars, n_chars);
      return FALSE;
    }

  if (control)
    {
      g_set_error (error, domain, code,
                   (flags & XA_TEXT_MULTILINE)
                     /* Translators: %s is a field name such as 条款正文 */
                     ? _("%s must not contain control characters such as tabs")
                     /* Translators: %s is a field name such as 学校名称 */
                     : _("%s must not contain control characters such as line breaks or tabs"),
                   label);
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_text_decode:
 * @bytes: a text file's contents
 * @display_name: the file, as messages name it
 * @encoding: (out) (optional): "UTF-8" or "GB18030", what the file was written in
 *
 * Reads a text that Windows programs save as UTF-8 (with or without a byte order mark)
 * or, by default on Chinese Windows, as GB18030 (GBK).
 *
 * Returns: (transfer full): the text in UTF-8, or %NULL with @error set
 *   (%G_IO_ERROR_INVALID_DATA) naming the file and the place it cannot be read at
 */
char *
xa_text_decode (GBytes      *bytes,
                const char  *display_name,
                const char **encoding,
                GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *nul = data ? memchr (data, '\0', length) : NULL;
  g_autoptr(GError) local_error = NULL;
  gsize n_read = 0;
  char *converted;

  if (nul != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a text file (byte %zu is a NUL)"), display_name, (gsize) (nul - data) + 1);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      if (encoding != NULL)
        *encoding = "UTF-8";
      return g_strndup (data, length);
    }

  if (!(converted = g_convert (data, length, "UTF-8", "GB18030", &n_read, NULL, &local_error)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is neither UTF-8 nor GB18030 text: byte %zu cannot be read; save it again as UTF-8 text"),
                   display_name, n_read + 1);
      return NULL;
    }

  if (encoding != NULL)
    *encoding = "GB18030";
  return converted;
}

/**
 * xa_text_like_pattern:
 * @term: what to look for
 *
 * Returns: (transfer full): a LIKE pattern (with `ESCAPE '\\'`) for the text that holds
 *   @term anywhere, its wildcards taken literally
 */
char *
xa_text_like_pattern (const char *term)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/**
 * xa_text_spell_int64:
 * @out: room for %XA_TEXT_INT64_SIZE characters
 *
 * Writes @value in decimal at @out, with a NUL, as "%" G_GINT64_FORMAT would: by hand,
 * as the audit images of the demo ledger's million hazards spell forty million numbers.
 *
 * Returns: how many characters it wrote before the NUL
 */
int
xa_text_spell_int64 (char   *out,
                     gint64  value)
{
  char digits[XA_TEXT_INT64_SIZE];
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  int n = 0;
  int length = 0;

  do
    digits[n++] = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);

  if (value < 0)
    out[length++] = '-';
  while (n > 0)
    out[length++] = digits[--n];
  out[length] = '\0';
  return length;
}
