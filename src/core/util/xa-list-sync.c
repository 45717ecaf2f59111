/* xa-list-sync.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way every live model of core follows the store's records-changed signal:
 * only the records named are read again, and only they change in the list. A ledger of
 * thousands of rows must not be read again because a school's phone number changed.
 */

#include "config.h"

#include "xa-list-sync.h"

static gboolean
find_key (GListStore            *list,
          const XaListSyncFuncs *funcs,
          const char            *key,
          guint                 *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (funcs->get_key (item), key) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
in_order_at (GListStore            *list,
             const XaListSyncFuncs *funcs,
             guint                  position)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  if (position > 0)
    {
      g_autoptr(GObject) before = g_list_model_get_item (model, position - 1);

      if (funcs->compare (before, item, NULL) > 0)
        return FALSE;
    }

  if (position + 1 < n)
    {
      g_autoptr(GObject) after = g_list_model_get_item (model, position + 1);

      if (funcs->compare (item, after, NULL) > 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * xa_list_sync_records:
 * @list: a list kept in the order of @funcs
 * @keys: the records that changed
 * @fresh: the records among @keys that belong in the list now, as read again
 *
 * Updates the items of @keys: those in @fresh are updated in place (and moved if their
 * place in the order changed) or inserted; the others are removed. Items of other keys
 * are not touched.
 */
void
xa_list_sync_records (GListStore            *list,
                      const XaListSyncFuncs *funcs,
                      const char * const    *keys,
                      GPtrArray             *fresh)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (funcs != NULL && keys != NULL && fresh != NULL);

  for (guint i = 0; i < fresh->len; i++)
    g_hash_table_insert (by_key, (gpointer) funcs->get_key (fresh->pdata[i]), fresh->pdata[i]);

  for (guint k = 0; keys[k] != NULL; k++)
    {
      gpointer loaded = g_hash_table_lookup (by_key, keys[k]);
      guint position;

      /* Each record once: an assign may take the fresh object's contents. */
      if (!g_hash_table_add (seen, (gpointer) keys[k]))
        continue;

      if (!find_key (list, funcs, keys[k], &position))
        {
          if (loaded != NULL)
            g_list_store_insert_sorted (list, loaded, funcs->compare, NULL);
          continue;
        }

      if (loaded == NULL)
        {
          g_list_store_remove (list, position);
          continue;
        }

      if (funcs->assign == NULL)
        g_list_store_splice (list, position, 1, &loaded, 1);
      else
        {
          g_autoptr(GObject) existing = g_list_model_get_item (G_LIST_MODEL (list), position);

          funcs->assign (existing, loaded);
        }

      if (!in_order_at (list, funcs, position))
        {
          g_autoptr(GObject) moved = g_list_model_get_item (G_LIST_MODEL (list), position);

          g_list_store_remove (list, position);
          g_list_store_insert_sorted (list, moved, funcs->compare, NULL);
        }
    }
}

/**
 * xa_list_sync_all:
 * @fresh: every record that belongs in the list, in its order
 *
 * Brings the whole list in line with @fresh: items still listed keep their objects and
 * are updated in place; only the range that differs between the old and the new order
 * is spliced.
 */
void
xa_list_sync_all (GListStore            *list,
                  const XaListSyncFuncs *funcs,
                  GPtrArray             *fresh)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (list);
  guint n_old = g_list_model_get_n_items (model);
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (G_IS_LIST_STORE (list));
  g_return_if_fail (funcs != NULL && fresh != NULL);

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, i);

      g_hash_table_insert (by_key, (gpointer) funcs->get_key (old), old);
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      gpointer loaded = fresh->pdata[i];
      gpointer existing = g_hash_table_lookup (by_key, funcs->get_key (loaded));

      if (existing != NULL && funcs->assign != NULL)
        {
          funcs->assign (existing, loaded);
          g_ptr_array_add (items, g_object_ref (existing));
        }
      else
        g_ptr_array_add (items, g_object_ref (loaded));
    }

  while (prefix < n_old && prefix < items->len)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, prefix);

      if (old != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }

  while (suffix < n_old - prefix && suffix < items->len - prefix)
    {
      g_autoptr(GObject) old = g_list_model_get_item (model, n_old - 1 - suffix);

      if (old != g_ptr_array_index (items, items->len - 1 - suffix))
        break;
      suffix++;
    }

  if (prefix + suffix < MAX (n_old, items->len))
    g_list_store_splice (list, prefix, n_old - prefix - suffix,
                         items->pdata + prefix, items->len - prefix - suffix);
}

/**
 * xa_sql_placeholders:
 * @n: how many, at least 1
 *
 * Returns: (transfer full): "?, ?, …" with @n placeholders, for `IN (…)`
 */
char *
xa_sql_placeholders (guint n)
{
  GString *text = g_string_new ("?");

  g_return_val_if_fail (n > 0, g_string_free (text, FALSE));

  for (guint i = 1; i < n; i++)
    g_string_append (text, ", ?");

  return g_string_free (text, FALSE);
}

/* Property snapshots */

struct _XaPropertySnapshot
{
  GObject     *object;
  GParamSpec **pspecs;
  GValue      *values;
  guint        n_pspecs;
};

/**
 * xa_property_snapshot_new:
 *
 * Records the values of every readable property of @object, so that an update that
 * writes its fields directly can notify exactly the properties it changed.
 *
 * Returns: (transfer full): the snapshot; xa_property_snapshot_notify() frees it
 */
XaPropertySnapshot *
xa_property_snapshot_new (GObject *object)
{
  XaPropertySnapshot *snapshot = g_new0 (XaPropertySnapshot, 1);

  snapshot->object = g_object_ref (object);
  snapshot->pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object),
                                                     &snapshot->n_pspecs);
  snapshot->values = g_new0 (GValue, snapshot->n_pspecs);

  for (guint i = 0; i < snapshot->n_pspecs; i++)
    {
      if (!(snapshot->pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&snapshot->values[i], snapshot->pspecs[i]->value_type);
      g_object_get_property (object, snapshot->pspecs[i]->name, &snapshot->values[i]);
    }

  g_object_freeze_notify (object);
  return snapshot;
}

/* GLib compares boxed values by address, which every copy changes: a list of strings
 * is compared by its strings. */
static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const empty[] = { NULL };
      const char * const *first = g_value_get_boxed (a);
      const char * const *second = g_value_get_boxed (b);

      return g_strv_equal (first ? first : empty, second ? second : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/**
 * xa_property_snapshot_notify:
 * @snapshot: (transfer full): a snapshot taken before the update
 *
 * Notifies each property whose value differs from the snapshot, then frees it.
 */
void
xa_property_snapshot_notify (XaPropertySnapshot *snapshot)
{
  for (guint i = 0; i < snapshot->n_pspecs; i++)
    {
      g_auto(GValue) now = G_VALUE_INIT;

      if (!G_IS_VALUE (&snapshot->values[i]))
        continue;

      g_value_init (&now, snapshot->pspecs[i]->value_type);
      g_object_get_property (snapshot->object, snapshot->pspecs[i]->name, &now);
      if (!values_equal (snapshot->pspecs[i], &now, &snapshot->values[i]))
        g_object_notify_by_pspec (snapshot->object, snapshot->pspecs[i]);
      g_value_unset (&snapshot->values[i]);
    }

  g_object_thaw_notify (snapshot->object);
  g_object_unref (snapshot->object);
  g_free (snapshot->pspecs);
  g_free (snapshot->values);
  g_free (snapshot);
}

/**
 * xa_list_find_key:
 * @get_key: the key of an item, such as xa_organisation_get_uuid()
 * @key: (nullable): the key looked for
 *
 * Returns: the position of the first item of @list whose key is @key, or %G_MAXUINT
 *   (GTK_INVALID_LIST_POSITION) when there is none
 */
guint
xa_list_find_key (GListModel   *list,
                  const char *(*get_key) (gpointer item),
                  const char   *key)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), G_MAXUINT);

  n = g_list_model_get_n_items (list);
  for (guint i = 0; key != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (get_key (item), key) == 0)
        return i;
    }

  return G_MAXUINT;
}
