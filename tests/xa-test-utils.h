/* xa-test-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-store.h"

G_BEGIN_DECLS

void     xa_test_remove_tree  (const char *path);
gint64   xa_test_query_int    (XaStore    *store,
                               const char *sql);
char    *xa_test_query_text   (XaStore    *store,
                               const char *sql);
char    *xa_test_fingerprint  (XaStore    *store);

G_END_DECLS
