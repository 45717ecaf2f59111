/* xa-device-repair-form.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "xa-register-form.h"

G_BEGIN_DECLS

#define XA_TYPE_DEVICE_REPAIR_FORM (xa_device_repair_form_get_type ())

G_DECLARE_FINAL_TYPE (XaDeviceRepairForm, xa_device_repair_form, XA, DEVICE_REPAIR_FORM, XaRegisterForm)

GtkWidget *xa_device_repair_form_new (XaWorkspace *workspace,
                                const char  *school_uuid,
                                int          school_year,
                                const char  *subject_uuid,
                                const char  *today);

G_END_DECLS
