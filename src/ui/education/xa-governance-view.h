/* xa-governance-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/xa-workspace.h"

G_BEGIN_DECLS

#define XA_TYPE_GOVERNANCE_VIEW (xa_governance_view_get_type ())

G_DECLARE_FINAL_TYPE (XaGovernanceView, xa_governance_view, XA, GOVERNANCE_VIEW, GtkWidget)

void      xa_governance_view_show           (XaGovernanceView *self,
                                             XaWorkspace      *workspace,
                                             const char       *school_uuid,
                                             int               school_year,
                                             const char       *today);
void      xa_governance_view_set_commission (XaGovernanceView *self,
                                             gboolean          commission);
gboolean  xa_governance_view_get_busy       (XaGovernanceView *self);
guint     xa_governance_view_get_n_unjudged (XaGovernanceView *self);
char     *xa_governance_view_dup_text       (XaGovernanceView *self);

G_END_DECLS
