/* xa-page-preview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "document/xa-page-set.h"

G_BEGIN_DECLS

#define XA_TYPE_PAGE_PREVIEW (xa_page_preview_get_type ())

G_DECLARE_FINAL_TYPE (XaPagePreview, xa_page_preview, XA, PAGE_PREVIEW, GtkWidget)

GtkWidget *xa_page_preview_new         (void);
XaPageSet *xa_page_preview_get_pages   (XaPagePreview *self);
void       xa_page_preview_set_pages   (XaPagePreview *self,
                                        XaPageSet     *pages);
void       xa_page_preview_show_agreement (XaPagePreview   *self,
                                           XaAgreementBook *book,
                                           const char      *uuid,
                                           XaCopies         copies,
                                           XaFontResolver  *fonts);
gboolean   xa_page_preview_get_loading (XaPagePreview *self);
guint      xa_page_preview_get_n_pages (XaPagePreview *self);
guint      xa_page_preview_page_at     (XaPagePreview *self,
                                        double         y);

G_END_DECLS
