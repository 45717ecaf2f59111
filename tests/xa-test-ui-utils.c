/* xa-test-ui-utils.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the tests that drive the real window share: turning the main loop without a
 * clock, and closing the window so that nothing outlives it.
 */

#include "config.h"

#include "xa-test-ui-utils.h"

void
xa_test_iterate (void)
{
  for (guint i = 0; i < XA_TEST_MAX_ITERATIONS && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * xa_test_wait_for_boolean:
 *
 * Turns the main loop until @object's boolean @property is @value: work in a thread
 * reports back through it.
 */
void
xa_test_wait_for_boolean (gpointer    object,
                          const char *property,
                          gboolean    value)
{
  gboolean current = !value;

  for (;;)
    {
      g_object_get (object, property, &current, NULL);
      if (current == value)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  xa_test_iterate ();
}

/**
 * xa_test_close_window:
 * @window: (transfer full): the window a test made, with the only reference
 *
 * Closes the dialogs a test left open, then @window, and asserts that it is finalized.
 */
void
xa_test_close_window (GtkWindow *window)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);

  gtk_window_destroy (window);
  xa_test_iterate ();
  g_assert_finalize_object (window);
}
