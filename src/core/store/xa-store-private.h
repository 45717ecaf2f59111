/* xa-store-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-store.h"

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; we pin 2.74. */
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

XaStore  *_xa_store_open_at_version (const char  *path,
                                     int          target_version,
                                     GError     **error);
gboolean  _xa_store_migrate         (XaStore     *self,
                                     sqlite3     *db,
                                     int          target_version,
                                     GError     **error);
char     *_xa_store_hash_entry      (gint64       seq,
                                     const char  *at,
                                     const char  *operator_name,
                                     const char  *action,
                                     const char  *record_table,
                                     const char  *record_uuid,
                                     const char  *detail,
                                     const char  *prev_hash);
sqlite3  *_xa_store_get_db          (XaStore     *self);

G_END_DECLS
