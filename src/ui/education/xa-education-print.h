/* xa-education-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

char     *xa_education_print_dup_file_name (GObject             *item,
                                            const char          *school_name);
void      xa_education_print_async         (XaWorkspace         *workspace,
                                            GObject             *item,
                                            const char          *school_name,
                                            GtkWidget           *widget,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  xa_education_print_finish        (GAsyncResult        *result,
                                            GError             **error);
void      xa_education_export_async        (XaWorkspace         *workspace,
                                            GObject             *item,
                                            const char          *school_name,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  xa_education_export_finish       (GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
