/* xa-phone.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One way to write a Chinese phone number wherever one is shown or saved, the way the
 * district writes them: a mobile in groups of 3-4-4 (138 0000 7750), a landline with its
 * area code before a hyphen and the local number in two groups (023-6888 1234,
 * 0571-8888 1234). People type them with and without spaces and hyphens, and the
 * imports bring both; a list that mixes 13800007750 and 138-0000-7750 reads as two
 * kinds of number.
 */

#include "config.h"

#include <string.h>

#include "xa-phone.h"

/* Area codes of three digits: 010 (Beijing) and 02X (Shanghai, Tianjin, Chongqing and
 * the big cities); every other one has four. */
static guint
area_code_length (const char *digits)
{
  return digits[1] == '1' || digits[1] == '2' ? 3 : 4;
}

/* The local part of a landline: 8 digits as 4 4, 7 as 3 4. */
static void
append_local (GString    *out,
              const char *digits,
              gsize       n)
{
  gsize first = n - 4;

  g_string_append_len (out, digits, first);
  g_string_append_c (out, ' ');
  g_string_append_len (out, digits + first, 4);
}

/**
 * xa_phone_format:
 * @phone: (nullable): a phone number as typed or stored
 *
 * Writes a mobile number (11 digits from 1, maybe after +86) as 138 0000 7750 and a
 * landline with its area code (0 and 10 or 11 digits in all) as 023-6888 1234. What is
 * neither — an extension, a short number, a foreign one — comes back as it was typed,
 * without the white space around it: it is never guessed at.
 *
 * Returns: (transfer full): the number to show; "" for %NULL
 */
char *
xa_phone_format (const char *phone)
{
  g_autofree char *stripped = g_strstrip (g_strdup (phone ? phone : ""));
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *d;
  gsize n;

  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" -", *p) == NULL && !(*p == '+' && p == stripped))
        return g_steal_pointer (&stripped);
    }

  d = digits->str;
  n = digits->len;
  if (stripped[0] == '+')
    {
      /* Only China's own prefix is dropped, and only before a mobile number. */
      if (n != 13 || strncmp (d, "861", 3) != 0)
        return g_steal_pointer (&stripped);
      d += 2;
      n -= 2;
    }

  if (n == 11 && d[0] == '1')
    {
      g_string_append_len (out, d, 3);
      g_string_append_c (out, ' ');
      g_string_append_len (out, d + 3, 4);
      g_string_append_c (out, ' ');
      g_string_append_len (out, d + 7, 4);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (n >= 10 && n <= 12 && d[0] == '0' && d[1] != '0')
    {
      guint area = area_code_length (d);
      gsize local = n - area;

      if (local == 7 || local == 8)
        {
          g_string_append_len (out, d, area);
          g_string_append_c (out, '-');
          append_local (out, d + area, local);
          return g_string_free (g_steal_pointer (&out), FALSE);
        }
    }

  return g_steal_pointer (&stripped);
}
