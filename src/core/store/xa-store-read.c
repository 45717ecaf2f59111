/* xa-store-read.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the store: a function run on one consistent state of the database, and the
 * lookup of one record that every book makes (a hazard or an inspection by its UUID or
 * its number).
 */

#include "config.h"

#include "xa-store.h"

/**
 * xa_store_read:
 * @func: (scope call): the reads
 *
 * Runs @func between xa_store_lock() and xa_store_unlock().
 */
gboolean
xa_store_read (XaStore          *self,
               XaStoreReadFunc   func,
               gpointer          user_data,
               GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  xa_store_lock (self);
  ok = func (self, user_data, error);
  xa_store_unlock (self);

  return ok;
}

typedef struct
{
  XaStoreFindFunc  func;
  const char      *where;
  const char      *value;
  gpointer         found;
} Find;

static gboolean
find_cb (XaStore   *store,
         gpointer   user_data,
         GError   **error)
{
  Find *find = user_data;
  GError *local_error = NULL;

  find->found = find->func (store, find->where, find->value, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/**
 * xa_store_find:
 * @func: (scope call): reads the record that @where selects, %NULL without an error when
 *   there is none
 * @where: an SQL condition with one placeholder, "h.uuid = ?"
 * @value: the placeholder's value
 * @found: (out) (transfer full) (optional): the record, or %NULL when there is none
 *
 * Reads one record inside xa_store_read(). A record that is not there is no failure:
 * the caller says in its own words what was not found.
 *
 * Returns: %FALSE with @error set when the read failed
 */
gboolean
xa_store_find (XaStore          *self,
               XaStoreFindFunc   func,
               const char       *where,
               const char       *value,
               gpointer         *found,
               GError          **error)
{
  Find find = { func, where, value, NULL };

  g_return_val_if_fail (XA_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL && where != NULL && value != NULL, FALSE);

  if (!xa_store_read (self, find_cb, &find, error))
    return FALSE;

  if (found != NULL)
    *found = find.found;
  else
    g_clear_object (&find.found);
  return TRUE;
}
