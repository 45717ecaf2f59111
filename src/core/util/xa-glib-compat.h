/* xa-glib-compat.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GLib gained after the 2.74 that Debian 12 ships and STYLE.md §12 pins: each
 * helper here goes when the minimum version passes it.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76. */
static inline gboolean
g_set_str_compat (char       **str_pointer,
                  const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

G_END_DECLS
