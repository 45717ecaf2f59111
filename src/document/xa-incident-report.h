/* xa-incident-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/education/xa-incident.h"

G_BEGIN_DECLS

XaPageLayout *xa_incident_report_layout_new    (XaIncident      *incident,
                                                XaFontResolver  *fonts);
char         *xa_incident_report_dup_file_name (XaIncident      *incident);

G_END_DECLS
