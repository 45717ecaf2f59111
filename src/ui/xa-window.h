/* xa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "document/xa-font-resolver.h"

G_BEGIN_DECLS

#define XA_TYPE_WINDOW (xa_window_get_type ())

G_DECLARE_FINAL_TYPE (XaWindow, xa_window, XA, WINDOW, AdwApplicationWindow)

XaWindow       *xa_window_new           (GtkApplication *application,
                                        XaWorkspace    *workspace);
XaWorkspace    *xa_window_get_workspace (XaWindow       *self);
XaFontResolver *xa_window_get_fonts     (XaWindow       *self);
void            xa_window_add_toast     (XaWindow       *self,
                                        AdwToast       *toast);

G_END_DECLS
