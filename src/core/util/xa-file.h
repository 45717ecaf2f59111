/* xa-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes  *xa_file_read_regular (const char *path,
                               gsize       limit,
                               gboolean    follow_links,
                               int        *saved_errno);

G_END_DECLS
