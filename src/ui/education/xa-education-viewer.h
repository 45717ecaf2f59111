/* xa-education-viewer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_EDUCATION_VIEWER (xa_education_viewer_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationViewer, xa_education_viewer, XA, EDUCATION_VIEWER, AdwWindow)

GtkWidget *xa_education_viewer_new            (XaWorkspace       *workspace,
                                               GObject           *item,
                                               const char        *school_name,
                                               const char        *today);
GObject   *xa_education_viewer_get_item       (XaEducationViewer *self);
gboolean   xa_education_viewer_get_busy       (XaEducationViewer *self);
void       xa_education_viewer_export_to_file (XaEducationViewer *self,
                                               GFile             *file);

G_END_DECLS
