/* xa-governance-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view's fields, shared with the actions that open its registers' forms
 * (xa-governance-view-forms.c).
 */

#pragma once

#include "xa-governance-view.h"
#include "xa-plan-group.h"

G_BEGIN_DECLS

struct _XaGovernanceView
{
  GtkWidget            parent_instance;

  /* Owned references */
  XaWorkspace         *workspace;
  GCancellable        *cancellable;
  GPtrArray           *rows;       /* AdwActionRow, each in one of the groups */
  GPtrArray           *disputes;   /* XaDispute, those shown */
  GPtrArray           *devices;    /* XaSecurityDevice, those shown */
  GPtrArray           *guards;     /* XaGuard, those shown */
  char                *school_uuid;
  char                *today;

  /* Template widgets */
  AdwPreferencesGroup *disputes_group;
  AdwPreferencesGroup *duty_group;
  XaPlanGroup         *plan_group;
  AdwPreferencesGroup *protection_group;
  GtkStack            *stack;

  /* State */
  int                  school_year;
  guint                n_unjudged;
  gboolean             commission;
  gboolean             busy;
};

void _xa_governance_view_install_form_actions (GtkWidgetClass *widget_class);

G_END_DECLS
