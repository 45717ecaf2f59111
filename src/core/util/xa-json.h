/* xa-json.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char *xa_json_builder_to_string (JsonBuilder *builder);
void  xa_json_add_change        (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *old_value,
                                 const char  *new_value);

G_END_DECLS
