/* xa-archive-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-archive-detail.h"
#include "xa-archive-import-dialog.h"
#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_ARCHIVE_PAGE (xa_archive_page_get_type ())

G_DECLARE_FINAL_TYPE (XaArchivePage, xa_archive_page, XA, ARCHIVE_PAGE, GtkWidget)

GtkWidget       *xa_archive_page_new          (XaWorkspace   *workspace);
void             xa_archive_page_reload       (XaArchivePage *self);
GListModel      *xa_archive_page_get_items    (XaArchivePage *self);
GListModel      *xa_archive_page_get_board    (XaArchivePage *self);
XaArchiveDetail *xa_archive_page_get_detail   (XaArchivePage *self);
void             xa_archive_page_select       (XaArchivePage *self,
                                               guint          position);
void             xa_archive_page_set_board_year (XaArchivePage *self,
                                                 int            school_year);
void             xa_archive_page_show_view    (XaArchivePage *self,
                                               const char    *name);
XaArchiveImportDialog *xa_archive_page_import (XaArchivePage *self,
                                               const char * const *paths);
void             xa_archive_page_check_async  (XaArchivePage *self);
const char      *xa_archive_page_get_check_report (XaArchivePage *self);

G_END_DECLS
