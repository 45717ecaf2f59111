/* xa-school-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_TYPE_SCHOOL_DETAIL (xa_school_detail_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolDetail, xa_school_detail, XA, SCHOOL_DETAIL, GtkWidget)

void            xa_school_detail_set_registry (XaSchoolDetail   *self,
                                               XaSchoolRegistry *registry);
XaOrganisation *xa_school_detail_get_school   (XaSchoolDetail   *self);
void            xa_school_detail_show_school  (XaSchoolDetail   *self,
                                               XaOrganisation   *school);
void            xa_school_detail_new_school   (XaSchoolDetail   *self);
gboolean        xa_school_detail_get_is_new   (XaSchoolDetail   *self);
gboolean        xa_school_detail_get_dirty    (XaSchoolDetail   *self);
void            xa_school_detail_focus        (XaSchoolDetail   *self);

G_END_DECLS
