/* xa-template-outline.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "xa-template.h"
#include "xa-text-outline.h"

G_BEGIN_DECLS

/* A text file's size that import-text reads at most: far above any agreement. */
#define XA_TEMPLATE_MAX_TEXT_BYTES (1024 * 1024)

char       *xa_template_outline_load_text (GFile          *file,
                                           GCancellable   *cancellable,
                                           GError        **error);
XaTemplate *xa_template_new_from_outline  (XaTextOutline  *outline,
                                           int             school_year,
                                           const char     *name,
                                           GError        **error);
char       *xa_template_outline_describe  (XaTextOutline  *outline,
                                           XaTemplate     *template);
guint       xa_template_outline_count_clauses (XaTextOutline  *outline);

G_END_DECLS
