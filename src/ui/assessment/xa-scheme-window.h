/* xa-scheme-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/assessment/xa-scheme-book.h"

G_BEGIN_DECLS

#define XA_TYPE_SCHEME_WINDOW (xa_scheme_window_get_type ())

G_DECLARE_FINAL_TYPE (XaSchemeWindow, xa_scheme_window, XA, SCHEME_WINDOW, AdwWindow)

GtkWidget *xa_scheme_window_new           (XaSchemeBook   *book,
                                           int             school_year,
                                           gboolean        editable);
XaScheme  *xa_scheme_window_get_scheme    (XaSchemeWindow *self);
/* For tests: the steps the buttons take. */
guint      xa_scheme_window_save_indicator (XaSchemeWindow *self,
                                           XaIndicator    *edited,
                                           GError        **error);
gboolean   xa_scheme_window_copy_to_next  (XaSchemeWindow *self,
                                           GError        **error);
guint      xa_scheme_window_compare       (XaSchemeWindow *self,
                                           int             other_year);

guint      xa_scheme_window_save_grades    (XaSchemeWindow *self,
                                            double          excellent,
                                            double          good,
                                            double          pass,
                                            double          h_points,
                                            GError        **error);
guint      xa_scheme_window_save_veto      (XaSchemeWindow *self,
                                            const char     *code,
                                            const char     *text,
                                            const char     *basis,
                                            GError        **error);

G_END_DECLS
