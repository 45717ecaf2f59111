/* xa-plan-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-record-window.h"
#include "core/xa-workspace.h"
#include "core/governance/xa-plan.h"

G_BEGIN_DECLS

#define XA_TYPE_PLAN_FORM (xa_plan_form_get_type ())

G_DECLARE_FINAL_TYPE (XaPlanForm, xa_plan_form, XA, PLAN_FORM, XaRecordWindow)

GtkWidget *xa_plan_form_new_adopt  (XaWorkspace  *workspace,
                                    const char   *school_uuid,
                                    int           school_year,
                                    const char   *today);
GtkWidget *xa_plan_form_new_review (XaWorkspace  *workspace,
                                    const XaPlan *plan,
                                    const char   *today);

G_END_DECLS
