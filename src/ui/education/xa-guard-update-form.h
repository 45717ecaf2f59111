/* xa-guard-update-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-register-form.h"
#include "core/governance/xa-guard.h"

G_BEGIN_DECLS

#define XA_TYPE_GUARD_UPDATE_FORM (xa_guard_update_form_get_type ())

G_DECLARE_FINAL_TYPE (XaGuardUpdateForm, xa_guard_update_form, XA, GUARD_UPDATE_FORM, XaRegisterForm)

GtkWidget *xa_guard_update_form_new (XaWorkspace   *workspace,
                                     int            school_year,
                                     const XaGuard *guard,
                                     const char    *today);

G_END_DECLS
