/* xa-registry-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xa-organisation.h"

G_BEGIN_DECLS

JsonNode *xa_organisation_to_json_node (XaOrganisation *school,
                                        const char     *first_responsible);

G_END_DECLS
