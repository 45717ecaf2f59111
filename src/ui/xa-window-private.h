/* xa-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window's tests reach: xa-window.c holds the sections, the size and the
 * navigation; each section's page owns its own actions.
 */

#pragma once

#include "xa-agreements-page.h"
#include "hazards/xa-hazards-page.h"
#include "xa-schools-page.h"
#include "xa-window.h"

G_BEGIN_DECLS

struct _XaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned references */
  XaWorkspace          *workspace;
  GSettings            *settings;
  GCancellable         *cancellable;
  XaFontResolver       *fonts;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkStack             *section_stack;
  GtkListBox           *sections_list;
  AdwToastOverlay      *toast_overlay;

  /* State */
  char                 *pending_section;  /* chosen while the page shown asks to save */
  guint                 selecting;
  gboolean              close_confirmed;
};

gboolean   _xa_window_show_section (XaWindow   *self,
                                    const char *name);
/* For tests: the page of a section, or %NULL before the section was first shown. */
GtkWidget *_xa_window_get_page     (XaWindow   *self,
                                    const char *name);

G_END_DECLS
