/* xa-adaptive.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwLeaflet *xa_adaptive_find_back       (GtkWidget *widget);
gboolean    xa_adaptive_go_back         (GtkWidget *widget);
void        xa_adaptive_watch           (GtkWidget *widget,
                                         GCallback  callback,
                                         gpointer   instance);

/* The values of the color-scheme setting, in the order the preferences offer them. */
extern const char * const xa_style_choices[];

void        xa_style_follow_settings    (GSettings *settings);

G_END_DECLS
