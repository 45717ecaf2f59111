/* xa-school-picker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-organisation.h"

G_BEGIN_DECLS

#define XA_TYPE_SCHOOL_PICKER (xa_school_picker_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolPicker, xa_school_picker, XA, SCHOOL_PICKER, GtkWidget)

GtkWidget      *xa_school_picker_new          (GListModel     *schools);
void            xa_school_picker_set_current  (XaSchoolPicker *self,
                                               const char     *uuid);
XaOrganisation *xa_school_picker_get_selected (XaSchoolPicker *self);
GtkEditable    *xa_school_picker_get_entry    (XaSchoolPicker *self);
GListModel     *xa_school_picker_get_shown    (XaSchoolPicker *self);

G_END_DECLS
