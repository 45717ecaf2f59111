/* xa-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_TYPE_WINDOW (xa_window_get_type ())

G_DECLARE_FINAL_TYPE (XaWindow, xa_window, XA, WINDOW, AdwApplicationWindow)

XaWindow         *xa_window_new          (GtkApplication   *application,
                                          XaSchoolRegistry *registry);
XaSchoolRegistry *xa_window_get_registry (XaWindow         *self);
void              xa_window_add_toast    (XaWindow         *self,
                                          AdwToast         *toast);

G_END_DECLS
