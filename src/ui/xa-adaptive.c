/* xa-adaptive.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What lets the pages fit any width and the desktop's style. Below their breakpoints the
 * pages' leaflets fold into one pane each, leaflets within leaflets (the agreements, then
 * an agreement's fields, then its preview): one back button in a page's header steps back
 * through them, innermost first, before it goes back to the sections. And the light or
 * dark style follows the system unless the preferences choose one.
 */

#include "config.h"

#include "xa-adaptive.h"

const char * const xa_style_choices[] = { "default", "light", "dark", NULL };

/* The innermost leaflet shown under @widget that is folded on a page after its first:
 * only the pages a leaflet or a stack shows are looked into. */
static AdwLeaflet *
find_back (GtkWidget *widget)
{
  AdwLeaflet *found = NULL;

  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (ADW_IS_LEAFLET (widget))
    {
      AdwLeaflet *leaflet = ADW_LEAFLET (widget);
      GtkWidget *shown = adw_leaflet_get_visible_child (leaflet);

      if (shown == NULL)
        return NULL;
      if ((found = find_back (shown)) != NULL)
        return found;
      if (adw_leaflet_get_folded (leaflet) &&
          adw_leaflet_get_adjacent_child (leaflet, ADW_NAVIGATION_DIRECTION_BACK) != NULL)
        return leaflet;
      return NULL;
    }

  if (GTK_IS_STACK (widget))
    {
      GtkWidget *shown = gtk_stack_get_visible_child (GTK_STACK (widget));

      return shown != NULL ? find_back (shown) : NULL;
    }

  if (ADW_IS_VIEW_STACK (widget))
    {
      GtkWidget *shown = adw_view_stack_get_visible_child (ADW_VIEW_STACK (widget));

      return shown != NULL ? find_back (shown) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && found == NULL;
       child = gtk_widget_get_next_sibling (child))
    found = find_back (child);

  return found;
}

/**
 * xa_adaptive_find_back:
 * @widget: a page
 *
 * Returns: (transfer none) (nullable): the innermost folded leaflet that @widget shows
 *   on a pane with another before it, which a back button returns to; %NULL when every
 *   leaflet shown is on its first pane or unfolded
 */
AdwLeaflet *
xa_adaptive_find_back (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return find_back (widget);
}

/**
 * xa_adaptive_go_back:
 *
 * Steps back one pane in the innermost folded leaflet of @widget.
 *
 * Returns: whether there was a pane to go back to
 */
gboolean
xa_adaptive_go_back (GtkWidget *widget)
{
  AdwLeaflet *leaflet = xa_adaptive_find_back (widget);

  return leaflet != NULL && adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * xa_adaptive_watch:
 * @widget: a page, its template built
 * @callback: called as `void callback (instance)` whenever a leaflet under @widget folds,
 *   unfolds or shows another pane, or a stack another page
 * @instance: an object that the connections end with
 *
 * What a back button's visibility follows: xa_adaptive_find_back() may have changed.
 */
void
xa_adaptive_watch (GtkWidget *widget,
                   GCallback  callback,
                   gpointer   instance)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_LEAFLET (widget))
    {
      g_signal_connect_object (widget, "notify::folded", callback, instance, G_CONNECT_SWAPPED);
      g_signal_connect_object (widget, "notify::visible-child", callback, instance, G_CONNECT_SWAPPED);
    }
  else if (GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget))
    {
      g_signal_connect_object (widget, "notify::visible-child", callback, instance, G_CONNECT_SWAPPED);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    xa_adaptive_watch (child, callback, instance);
}

static void
apply_style (GSettings *settings)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
style_changed_cb (GSettings  *settings,
                  const char *key,
                  gpointer    user_data)
{
  apply_style (settings);
}

/**
 * xa_style_follow_settings:
 * @settings: the app's settings
 *
 * Applies the color-scheme setting now and whenever it changes: the system's light or
 * dark style by default, else the one chosen.
 */
void
xa_style_follow_settings (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));

  apply_style (settings);
  g_signal_connect (settings, "changed::color-scheme", G_CALLBACK (style_changed_cb), NULL);
}
