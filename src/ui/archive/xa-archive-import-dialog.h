/* xa-archive-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_ARCHIVE_IMPORT_DIALOG (xa_archive_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XaArchiveImportDialog, xa_archive_import_dialog, XA, ARCHIVE_IMPORT_DIALOG, AdwWindow)

XaArchiveImportDialog *xa_archive_import_dialog_new      (XaWorkspace           *workspace,
                                                          GtkWindow             *parent,
                                                          const char * const    *paths);
void                   xa_archive_import_dialog_preset   (XaArchiveImportDialog *self,
                                                          const char            *school_uuid,
                                                          int                    school_year,
                                                          XaArchiveCopy          copy);
gboolean               xa_archive_import_dialog_get_busy (XaArchiveImportDialog *self);
guint                  xa_archive_import_dialog_get_n_groups (XaArchiveImportDialog *self);
const char            *xa_archive_import_dialog_get_report (XaArchiveImportDialog *self);
const char            *xa_archive_import_dialog_get_error (XaArchiveImportDialog *self);
void                   xa_archive_import_dialog_confirm  (XaArchiveImportDialog *self);

G_END_DECLS
