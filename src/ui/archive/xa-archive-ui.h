/* xa-archive-ui.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "xa-archive-link-form.h"

G_BEGIN_DECLS

/* What the archive's views share: how a file's link is named, the one link form
 * (school, year, copy) of the import and of linking anew (xa-archive-link-form.h), and
 * who may change things. */
char      *xa_archive_ui_dup_link_text   (XaArchiveItem  *item);
char      *xa_archive_ui_dup_imported    (XaArchiveItem  *item);
gboolean   xa_archive_ui_can_change      (XaWorkspace    *workspace);
gboolean   xa_archive_ui_is_commission   (XaWorkspace    *workspace);
GtkWidget *xa_archive_ui_open_item       (GtkWidget      *parent,
                                          XaWorkspace    *workspace,
                                          const char     *uuid,
                                          GError        **error);

G_END_DECLS
