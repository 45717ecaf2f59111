/* xa-inspection-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "core/hazards/xa-inspection.h"

G_BEGIN_DECLS

void      xa_inspection_print_async        (XaInspection         *inspection,
                                            const char           *school_name,
                                            GtkWidget            *widget,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  xa_inspection_print_finish       (GAsyncResult         *result,
                                            GError              **error);
void      xa_inspection_export_async       (XaInspection         *inspection,
                                            const char           *school_name,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  xa_inspection_export_finish      (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
