/* xa-diff-renderer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-page-layout.h"
#include "core/agreements/xa-template-diff.h"

G_BEGIN_DECLS

XaPageLayout *xa_diff_layout_new     (XaTemplateDiff       *diff,
                                      XaFontResolver       *fonts);
char         *xa_diff_dup_file_name  (XaTemplateDiff       *diff);
gboolean      xa_diff_write_pdf      (XaTemplateDiff       *diff,
                                      XaFontResolver       *fonts,
                                      const char           *path,
                                      GError              **error);
void          xa_diff_export_async   (XaTemplateDiff       *diff,
                                      XaFontResolver       *fonts,
                                      GFile                *file,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean      xa_diff_export_finish  (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
