/* xa-file-door.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The attributes xa_file_door_check() looks at, for g_file_query_info(). */
#define XA_FILE_DOOR_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_UNIX_MODE

gboolean  xa_file_door_check (GFileInfo     *info,
                              const char    *display,
                              goffset        max_bytes,
                              GError       **error);
GBytes   *xa_file_door_load  (GFile         *file,
                              goffset        max_bytes,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
