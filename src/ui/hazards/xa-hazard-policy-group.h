/* xa-hazard-policy-group.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/hazards/xa-hazard-book.h"

G_BEGIN_DECLS

#define XA_TYPE_HAZARD_POLICY_GROUP (xa_hazard_policy_group_get_type ())

G_DECLARE_FINAL_TYPE (XaHazardPolicyGroup, xa_hazard_policy_group, XA, HAZARD_POLICY_GROUP, AdwPreferencesGroup)

void xa_hazard_policy_group_set_book (XaHazardPolicyGroup *self,
                                      XaHazardBook        *book);
/* Stores what was typed and is still waiting for its pause. */
void xa_hazard_policy_group_flush    (XaHazardPolicyGroup *self);

G_END_DECLS
