/* xa-poppler-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <poppler.h>

/* Poppler 22.12 (Debian 12) declares no autoptr cleanups of its own. */
#if !POPPLER_CHECK_VERSION (25, 6, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif
