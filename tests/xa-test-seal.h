/* xa-test-seal.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A made-up seal for the tests, never a real one: a red ring, a star and "测试用章"
 * around it, on a transparent square of @size pixels, as a PNG. */
GBytes *xa_test_make_seal_png      (int size);
/* A made-up signature: a few dark blue strokes on a transparent strip, as a PNG. */
GBytes *xa_test_make_signature_png (void);

G_END_DECLS
