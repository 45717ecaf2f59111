/* xa-atomic-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file written whole or not at all, for writers that cannot hand over their bytes at
 * once (a spreadsheet library that writes its own file, a long CSV written row by row). */
typedef struct _XaAtomicFile XaAtomicFile;

XaAtomicFile *xa_atomic_file_new            (const char    *path,
                                             GError       **error);
int           xa_atomic_file_get_fd         (XaAtomicFile  *self);
const char   *xa_atomic_file_get_temp_path  (XaAtomicFile  *self);
gboolean      xa_atomic_file_commit         (XaAtomicFile  *self,
                                             GError       **error);
void          xa_atomic_file_free           (XaAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaAtomicFile, xa_atomic_file_free)

G_END_DECLS
