/* xa-archive-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_ARCHIVE_DETAIL (xa_archive_detail_get_type ())

G_DECLARE_FINAL_TYPE (XaArchiveDetail, xa_archive_detail, XA, ARCHIVE_DETAIL, GtkWidget)

void           xa_archive_detail_set_workspace    (XaArchiveDetail *self,
                                                   XaWorkspace     *workspace);
void           xa_archive_detail_set_item         (XaArchiveDetail *self,
                                                   XaArchiveItem   *item);
XaArchiveItem *xa_archive_detail_get_item         (XaArchiveDetail *self);
gboolean       xa_archive_detail_get_busy         (XaArchiveDetail *self);
const char    *xa_archive_detail_get_message      (XaArchiveDetail *self);
const char    *xa_archive_detail_get_signature    (XaArchiveDetail *self);
gboolean       xa_archive_detail_export_to        (XaArchiveDetail *self,
                                                   const char      *path,
                                                   GError         **error);
void           xa_archive_detail_print            (XaArchiveDetail *self,
                                                   const char      *export_filename);

G_END_DECLS
