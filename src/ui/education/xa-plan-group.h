/* xa-plan-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_PLAN_GROUP (xa_plan_group_get_type ())

G_DECLARE_FINAL_TYPE (XaPlanGroup, xa_plan_group, XA, PLAN_GROUP, AdwPreferencesGroup)

void      xa_plan_group_show     (XaPlanGroup *self,
                                  XaWorkspace *workspace,
                                  const char  *school_uuid,
                                  int          school_year,
                                  const char  *today);
gboolean  xa_plan_group_get_busy (XaPlanGroup *self);
guint     xa_plan_group_get_n_due (XaPlanGroup *self);

G_END_DECLS
