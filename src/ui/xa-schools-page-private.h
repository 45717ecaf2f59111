/* xa-schools-page-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schools page is split by concern: xa-schools-page.c (the list, the search and the
 * detail) and xa-schools-page-actions.c (adding, importing, deleting and restoring
 * schools, and the demo district).
 */

#pragma once

#include "core/util/xa-pinyin.h"
#include "xa-school-detail.h"
#include "xa-schools-page.h"

G_BEGIN_DECLS

struct _XaSchoolsPage
{
  GtkWidget           parent_instance;

  /* Owned references */
  XaWorkspace        *workspace;
  XaSchoolRegistry   *registry;
  GtkFilterListModel *filter_model;
  GtkSliceListModel  *first_rows;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;
  GtkNativeDialog    *file_chooser;
  GtkWidget          *spinner;      /* the welcome page's, once it is built */
  AdwToast           *undo_toast;
  XaPinyinIndex      *pinyin;        /* the schools' names as pinyin, for the search */
  char               *search_key;    /* from xa_pinyin_normalise_query(), or NULL */
  char               *pending_uuid;  /* the school chosen while the shown one asks to save */

  /* Template widgets */
  XaSchoolDetail     *detail;
  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  AdwWindowTitle     *list_title;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;

  /* State */
  gboolean            folded;
  gboolean            busy;
  guint               refreshing;
  guint               reverting;
  gboolean            asking;
  guint               all_rows_id;
};

void      _xa_schools_page_class_add_actions (GtkWidgetClass *widget_class);
void      _xa_schools_page_add_shortcuts     (XaSchoolsPage  *self);
void      _xa_schools_page_update_actions    (XaSchoolsPage  *self);
void      _xa_schools_page_set_busy          (XaSchoolsPage  *self,
                                              gboolean        busy);
/* For tests: the toast offering to undo the last deletion, or %NULL. */
AdwToast *_xa_schools_page_get_undo_toast    (XaSchoolsPage  *self);

G_END_DECLS
