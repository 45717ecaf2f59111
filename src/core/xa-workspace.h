/* xa-workspace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "core/agreements/xa-agreement-book.h"
#include "core/archive/xa-archive.h"
#include "core/education/xa-education-book.h"
#include "core/education/xa-drill-book.h"
#include "core/education/xa-incident-book.h"
#include "core/agreements/xa-template-library.h"
#include "core/hazards/xa-hazard-book.h"
#include "core/hazards/xa-inspection-book.h"
#include "core/registry/xa-school-registry.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

#define XA_WORKSPACE_ERROR (xa_workspace_error_quark ())

typedef enum
{
  XA_WORKSPACE_ERROR_NO_DATABASE,  /* opening for reading found no database to read */
  XA_WORKSPACE_ERROR_OLD_SCHEMA,   /* it must be migrated before it can be read */
} XaWorkspaceError;

#define XA_TYPE_WORKSPACE (xa_workspace_get_type ())

G_DECLARE_FINAL_TYPE (XaWorkspace, xa_workspace, XA, WORKSPACE, GObject)

GQuark             xa_workspace_error_quark     (void);
XaWorkspace       *xa_workspace_open            (const char   *data_dir,
                                                 const char   *operator_name,
                                                 GError      **error);
XaWorkspace       *xa_workspace_open_for_reading (const char  *data_dir,
                                                 GError      **error);
XaWorkspace       *xa_workspace_open_location   (const char   *location,
                                                 const char   *password,
                                                 const char   *operator_name,
                                                 GError      **error);
XaWorkspace       *xa_workspace_open_location_for_reading (const char  *location,
                                                           const char  *password,
                                                           GError     **error);
XaWorkspace       *xa_workspace_open_in_memory  (GError      **error);
XaWorkspace       *xa_workspace_new_for_store   (XaStore      *store);
XaStore           *xa_workspace_get_store       (XaWorkspace  *self);
XaSchoolRegistry  *xa_workspace_get_registry    (XaWorkspace  *self);
XaTemplateLibrary *xa_workspace_get_templates   (XaWorkspace  *self);
XaAgreementBook   *xa_workspace_get_agreements  (XaWorkspace  *self);
XaHazardBook      *xa_workspace_get_hazards     (XaWorkspace  *self);
XaInspectionBook  *xa_workspace_get_inspections (XaWorkspace  *self);
XaArchive         *xa_workspace_get_archive     (XaWorkspace  *self);
XaEducationBook   *xa_workspace_get_education   (XaWorkspace  *self);
XaDrillBook       *xa_workspace_get_drills      (XaWorkspace  *self);
XaIncidentBook    *xa_workspace_get_incidents   (XaWorkspace  *self);
gboolean           xa_workspace_ensure_defaults (XaWorkspace  *self,
                                                 GError      **error);

G_END_DECLS
