/* xa-education-settings.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "xa-record-window.h"

G_BEGIN_DECLS

#define XA_TYPE_EDUCATION_SETTINGS (xa_education_settings_get_type ())

G_DECLARE_FINAL_TYPE (XaEducationSettings, xa_education_settings, XA, EDUCATION_SETTINGS, XaRecordWindow)

GtkWidget     *xa_education_settings_new      (XaWorkspace         *workspace,
                                               const char          *school_uuid,
                                               const char          *school_name,
                                               int                  school_year,
                                               gboolean             commission);
GtkSpinButton *xa_education_settings_get_spin (XaEducationSettings *self,
                                               const char          *name);

G_END_DECLS
