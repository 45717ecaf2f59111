/* xa-hazard-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xa-hazard.h"

G_BEGIN_DECLS

JsonObject *xa_hazard_to_json       (XaHazard    *hazard);
XaHazard   *xa_hazard_new_from_json (JsonObject  *object,
                                     GError     **error);

G_END_DECLS
