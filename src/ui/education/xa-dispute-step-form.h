/* xa-dispute-step-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-register-form.h"
#include "core/governance/xa-dispute.h"

G_BEGIN_DECLS

#define XA_TYPE_DISPUTE_STEP_FORM (xa_dispute_step_form_get_type ())

G_DECLARE_FINAL_TYPE (XaDisputeStepForm, xa_dispute_step_form, XA, DISPUTE_STEP_FORM, XaRegisterForm)

GtkWidget *xa_dispute_step_form_new (XaWorkspace *workspace,
                               const char  *school_uuid,
                               int          school_year,
                               const char  *subject_uuid,
                               const char  *today);
void       xa_dispute_step_form_set_dispute (XaDisputeStepForm *self,
                                             XaDispute         *dispute);

G_END_DECLS
