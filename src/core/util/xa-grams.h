/* xa-grams.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *xa_grams_for_text  (const char *text);
GPtrArray *xa_grams_for_query (const char *term);
char      *xa_grams_normalise (const char *text);

G_END_DECLS
