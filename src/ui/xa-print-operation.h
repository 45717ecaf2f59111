/* xa-print-operation.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "document/xa-page-set.h"

G_BEGIN_DECLS

#define XA_TYPE_PRINT_OPERATION (xa_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (XaPrintOperation, xa_print_operation, XA, PRINT_OPERATION, GtkPrintOperation)

XaPrintOperation *xa_print_operation_new       (XaPageSet        *pages,
                                                const char       *job_name);
XaPageSet        *xa_print_operation_get_pages (XaPrintOperation *self);
gboolean          xa_print_operation_run_dialog (XaPrintOperation *self,
                                                 GtkWidget        *widget,
                                                 const char       *failure_heading);

G_END_DECLS
