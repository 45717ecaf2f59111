/* xa-unsaved.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XA_TYPE_UNSAVED (xa_unsaved_get_type ())

G_DECLARE_INTERFACE (XaUnsaved, xa_unsaved, XA, UNSAVED, GtkWidget)

/* A widget that holds edits not stored yet: a form, an editor, or a page that holds
 * one. Whatever leaves it (another row, another section, closing the window, quitting)
 * asks first with xa_unsaved_guard_async(). */
struct _XaUnsavedInterface
{
  GTypeInterface parent_iface;

  /* What is unsaved, as the question names it (学校“凤岗幼儿园”), or %NULL when nothing is. */
  char     *(*dup_unsaved) (XaUnsaved  *self);
  /* Stores the edits; %FALSE with the reason when they cannot be (a wrong field). */
  gboolean  (*save)        (XaUnsaved  *self,
                            GError    **error);
  /* Drops the edits and shows what is stored. */
  void      (*discard)     (XaUnsaved  *self);

  /* Instead of the three above, a page that holds a form or an editor returns it, and
   * answers for it: the window asks the page it shows. %NULL: nothing that can hold
   * edits is shown. */
  XaUnsaved *(*get_holder) (XaUnsaved  *self);
};

char     *xa_unsaved_dup_unsaved     (XaUnsaved            *self);
gboolean  xa_unsaved_save            (XaUnsaved            *self,
                                      GError              **error);
void      xa_unsaved_discard         (XaUnsaved            *self);

void      xa_unsaved_guard_async     (XaUnsaved            *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  xa_unsaved_guard_finish    (XaUnsaved            *self,
                                      GAsyncResult         *result);

void      xa_unsaved_guard_all_async (GPtrArray            *unsaved,
                                      GtkWidget            *parent,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  xa_unsaved_guard_all_finish (GAsyncResult        *result);

G_END_DECLS
