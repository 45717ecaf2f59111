/* xa-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is split by concern: xa-window.c (sections, size, navigation) and
 * xa-window-actions.c (adding, importing, deleting and restoring schools).
 */

#pragma once

#include "xa-agreements-page.h"
#include "xa-schools-page.h"
#include "xa-window.h"

G_BEGIN_DECLS

struct _XaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned references */
  XaWorkspace          *workspace;
  XaSchoolRegistry     *registry;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkNativeDialog      *file_chooser;
  AdwToast             *undo_toast;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkStack             *section_stack;
  GtkListBox           *sections_list;
  AdwToastOverlay      *toast_overlay;

  /* State */
  XaSchoolsPage        *schools_page;   /* the first section's, built with the window */
  guint                 busy : 1;
};

void      _xa_window_class_add_school_actions (GtkWidgetClass *widget_class);
void      _xa_window_update_actions           (XaWindow       *self);
void      _xa_window_show_section             (XaWindow       *self,
                                               const char     *name);
GtkWidget *_xa_window_get_page                (XaWindow       *self,
                                               const char     *name);
/* For tests: the toast offering to undo the last deletion, or %NULL. */
AdwToast *_xa_window_get_undo_toast           (XaWindow       *self);

G_END_DECLS
