/* xa-drill-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"
#include "xa-record-window.h"

G_BEGIN_DECLS

#define XA_TYPE_DRILL_FORM (xa_drill_form_get_type ())

G_DECLARE_FINAL_TYPE (XaDrillForm, xa_drill_form, XA, DRILL_FORM, XaRecordWindow)

GtkWidget *xa_drill_form_new       (XaWorkspace *workspace,
                                    const char  *school_uuid,
                                    int          school_year,
                                    gboolean     kindergarten,
                                    const char  *today);
GtkWidget *xa_drill_form_edit      (XaWorkspace *workspace,
                                    XaDrill     *drill);
gboolean   xa_drill_form_get_dirty (XaDrillForm *self);
XaDrill   *xa_drill_form_get_saved (XaDrillForm *self);

G_END_DECLS
