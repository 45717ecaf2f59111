/* xa-template-change-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "xa-template-change.h"

G_BEGIN_DECLS

void _xa_template_change_set_supplement (XaTemplateChange *self,
                                         gboolean          supplement);

G_END_DECLS
