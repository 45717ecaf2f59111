/* xa-role-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-role.h"

G_BEGIN_DECLS

/* Role terms are made by the registry from database rows; nothing else creates them. */
XaRole *_xa_role_new (const char *uuid,
                      XaRoleKind  kind,
                      const char *organisation_uuid,
                      const char *person_uuid,
                      const char *person_name,
                      const char *since,
                      const char *until,
                      const char *note);

G_END_DECLS
