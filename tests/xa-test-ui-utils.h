/* xa-test-ui-utils.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Enough turns of the main loop for any idle work to finish; no clock involved. */
#define XA_TEST_MAX_ITERATIONS 10000

void xa_test_ui_init          (int         *argc,
                               char      ***argv);
void xa_test_iterate          (void);
void xa_test_wait_for_boolean (gpointer    object,
                               const char *property,
                               gboolean    value);
void xa_test_close_window     (GtkWindow  *window);
gboolean xa_test_activate_shortcut (GtkWidget       *root,
                                    guint            keyval,
                                    GdkModifierType  modifiers);

G_END_DECLS
