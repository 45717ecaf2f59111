/* xa-phone.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *xa_phone_format (const char *phone);

G_END_DECLS
