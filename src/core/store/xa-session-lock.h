/* xa-session-lock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who works in a database with the app: a lock file beside it, held for as long as the
 * app has the database open, that a second app (another account, another session)
 * finds and names instead of writing alongside. */
typedef struct _XaSessionLock XaSessionLock;

XaSessionLock *xa_session_lock_acquire (const char     *db_path,
                                        const char     *operator_name,
                                        char          **holder,
                                        GError        **error);
void           xa_session_lock_release (XaSessionLock  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XaSessionLock, xa_session_lock_release)

G_END_DECLS
