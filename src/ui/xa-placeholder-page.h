/* xa-placeholder-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_PLACEHOLDER_PAGE (xa_placeholder_page_get_type ())

G_DECLARE_FINAL_TYPE (XaPlaceholderPage, xa_placeholder_page, XA, PLACEHOLDER_PAGE, GtkWidget)

G_END_DECLS
