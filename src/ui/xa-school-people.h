/* xa-school-people.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/registry/xa-school-registry.h"

G_BEGIN_DECLS

#define XA_TYPE_SCHOOL_PEOPLE (xa_school_people_get_type ())

G_DECLARE_FINAL_TYPE (XaSchoolPeople, xa_school_people, XA, SCHOOL_PEOPLE, GtkWidget)

void        xa_school_people_set_school (XaSchoolPeople   *self,
                                         XaSchoolRegistry *registry,
                                         const char       *organisation_uuid);
GListModel *xa_school_people_get_people (XaSchoolPeople   *self);
GListModel *xa_school_people_get_roles  (XaSchoolPeople   *self);

G_END_DECLS
