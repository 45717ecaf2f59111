/* xa-governance-demo.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core/registry/xa-school-registry.h"
#include "core/store/xa-store.h"

G_BEGIN_DECLS

gboolean xa_governance_demo_fill (XaStore           *store,
                                  XaSchoolRegistry  *registry,
                                  const char        *today,
                                  GError           **error);

G_END_DECLS
