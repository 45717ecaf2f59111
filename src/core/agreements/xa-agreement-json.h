/* xa-agreement-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "xa-agreement.h"

G_BEGIN_DECLS

JsonNode *xa_agreement_to_json_node (XaAgreement *agreement);

G_END_DECLS
