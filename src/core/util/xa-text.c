/* xa-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules every stored text field shares, checked in one place: present when required,
 * not too long (counted in characters, as a Chinese user counts), valid UTF-8, and free
 * of control characters, which would corrupt CSV exports and printed documents.
 */

#include "config.h"

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
  glong n_chars;

  if (value == NULL)
    value = "";

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, domain, code,
                   /* Translators: %s is a field name such as 学校名称 */
                   _("%s is not valid UTF-8 text"), label);
      return FALSE;
    }

  if ((flags & XA_TEXT_REQUIRED) && xa_text_is_blank (value))
    {
      g_set_error (error, domain, code,
                   /* Translators: %s is a field name such as 学校名称 */
                   _("%s must not be empty"), label);
      return FALSE;
    }

  n_chars = g_utf8_strlen (value, -1);
  if (n_chars > (glong) max_chars)
    {
      g_set_error (error, domain, code,
                   /* Translators: %s is a field name such as 学校名称; then the limit and
                    * the current length, both in characters */
                   _("%s is too long: at most %u characters (now %ld)"),
                   label, max_chars, n_chars);
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' && (flags & XA_TEXT_MULTILINE))
        continue;

      if (g_unichar_iscntrl (c))
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
    }

  return TRUE;
}
