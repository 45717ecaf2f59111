/* xa-list-sync.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How a live list of records is brought in line with the database after a change: each
 * record is known by its key (its UUID), an item that is still listed keeps its object
 * and takes the new values in place (so that a row or a page bound to it stays bound),
 * and the list keeps its order. */
typedef struct
{
  /* The item's key. */
  const char *(*get_key) (gpointer item);
  /* Gives @existing the values of @fresh, notifying each property that changed. It may
   * take @fresh's contents: @fresh is dropped afterwards. %NULL for records that are
   * replaced in their row instead (an object that is not updated in place). */
  void        (*assign)  (gpointer existing,
                          gpointer fresh);
  /* The list's order. */
  GCompareDataFunc compare;
} XaListSyncFuncs;

void  xa_list_sync_all      (GListStore             *list,
                             const XaListSyncFuncs  *funcs,
                             GPtrArray              *fresh);
void  xa_list_sync_records  (GListStore             *list,
                             const XaListSyncFuncs  *funcs,
                             const char * const     *keys,
                             GPtrArray              *fresh);
char *xa_sql_placeholders   (guint                   n);
guint xa_list_find_key      (GListModel             *list,
                             const char *          (*get_key) (gpointer item),
                             const char             *key);

typedef struct _XaPropertySnapshot XaPropertySnapshot;

XaPropertySnapshot *xa_property_snapshot_new    (GObject            *object);
void                xa_property_snapshot_notify (XaPropertySnapshot *snapshot);

G_END_DECLS
