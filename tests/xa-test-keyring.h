/* xa-test-keyring.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _XaTestKeyring XaTestKeyring;

XaTestKeyring *xa_test_keyring_start         (void);
const char    *xa_test_keyring_get_home      (XaTestKeyring *self);
void           xa_test_keyring_kill_daemon   (XaTestKeyring *self);
void           xa_test_keyring_stop          (XaTestKeyring *self);

void           xa_test_assert_tree_lacks     (const char    *dir,
                                              const char    *secret);
void           xa_test_assert_settings_lack  (GSettings     *settings,
                                              const char    *secret);

G_END_DECLS
