/* xa-hazard-file-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-hazard-files.h"
#include "xa-hazard-filters.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_FILE_ACTIONS (xa_hazard_file_actions_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardFileActions, xa_hazard_file_actions, XA, HAZARD_FILE_ACTIONS, GObject)

XaHazardFileActions *xa_hazard_file_actions_new (GtkWidget        *widget,
                                                 XaHazardBook     *book,
                                                 XaSchoolRegistry *registry,
                                                 XaHazardFilters  *filters);
void     xa_hazard_file_actions_cancel         (XaHazardFileActions *self);
gboolean xa_hazard_file_actions_get_busy       (XaHazardFileActions *self);
void     xa_hazard_file_actions_set_print_file (XaHazardFileActions *self,
                                                GFile               *file);

/* The ledger the filters select */
void     xa_hazard_file_actions_choose_export  (XaHazardFileActions *self,
                                                XaLedgerFormat       format);
void     xa_hazard_file_actions_export         (XaHazardFileActions *self,
                                                XaLedgerFormat       format,
                                                GFile               *file);
void     xa_hazard_file_actions_print          (XaHazardFileActions *self);
void     xa_hazard_file_actions_choose_import  (XaHazardFileActions *self);
void     xa_hazard_file_actions_import         (XaHazardFileActions *self,
                                                GFile               *file);

/* A hazard's 整改通知书 (closing FALSE) or 销号单 */
void     xa_hazard_file_actions_choose_form_export (XaHazardFileActions *self,
                                                    XaHazard            *hazard,
                                                    gboolean             closing);
void     xa_hazard_file_actions_export_form   (XaHazardFileActions *self,
                                               XaHazard            *hazard,
                                               gboolean             closing,
                                               GFile               *file);
void     xa_hazard_file_actions_print_form    (XaHazardFileActions *self,
                                               XaHazard            *hazard,
                                               gboolean             closing);

G_END_DECLS
