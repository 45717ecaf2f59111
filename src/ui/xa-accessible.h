/* xa-accessible.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       xa_accessible_prepare          (GtkWidget  *root);
GtkWidget *xa_tooltip_label_new           (const char *text);
void       xa_shortcuts_window_show_title (GtkWindow  *window);

void       xa_list_row_describe      (GtkWidget  *child);
void       xa_list_row_mapped        (GtkWidget  *child,
                                      gpointer    user_data);
void       xa_list_row_label_changed (GtkWidget  *label,
                                      GParamSpec *pspec,
                                      gpointer    user_data);

G_END_DECLS
