/* xa-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

/* The GSettings schema of the app; the same for the .Devel profile. */
#define XA_SETTINGS_SCHEMA_ID "io.github.xiaoan.Xiaoan"

#define XA_TYPE_APPLICATION (xa_application_get_type ())

G_DECLARE_FINAL_TYPE (XaApplication, xa_application, XA, APPLICATION, AdwApplication)

XaApplication *xa_application_new           (const char    *application_id);
XaWorkspace   *xa_application_get_workspace (XaApplication *self);
const char    *xa_application_get_data_dir  (XaApplication *self);

G_END_DECLS
