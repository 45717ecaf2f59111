/* xa-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_PREFERENCES_WINDOW (xa_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (XaPreferencesWindow, xa_preferences_window, XA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

XaPreferencesWindow *xa_preferences_window_new           (const char          *data_dir);
void                 xa_preferences_window_set_workspace (XaPreferencesWindow *self,
                                                          XaWorkspace         *workspace);

G_END_DECLS
