/* xa-incident-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "xa-record-window.h"

G_BEGIN_DECLS

#define XA_TYPE_INCIDENT_FORM (xa_incident_form_get_type ())

G_DECLARE_FINAL_TYPE (XaIncidentForm, xa_incident_form, XA, INCIDENT_FORM, XaRecordWindow)

GtkWidget  *xa_incident_form_new       (XaWorkspace    *workspace,
                                        const char     *school_uuid,
                                        int             school_year,
                                        const char     *today);
GtkWidget  *xa_incident_form_edit      (XaWorkspace    *workspace,
                                        XaIncident     *incident,
                                        gboolean        commission);
gboolean    xa_incident_form_get_dirty (XaIncidentForm *self);
XaIncident *xa_incident_form_get_saved (XaIncidentForm *self);

G_END_DECLS
